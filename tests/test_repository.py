# Copyright 2026 Olopiste contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""Repository checks: lint, XML, access rights, descriptions, translations."""

import ast
import csv
import subprocess
import sys
from pathlib import Path

import polib
import pytest
from lxml import etree

REPO = Path(__file__).resolve().parent.parent
ADDONS = sorted(p.parent for p in REPO.glob("*/__manifest__.py"))
SCRIPT = REPO / "scripts" / "olopiste.py"
PYLINT_ODOO_CHECKS = ",".join(
    [
        "attribute-deprecated",
        "attribute-string-redundant",
        "bad-builtin-groupby",
        "consider-merging-classes-inherited",
        "context-overridden",
        "deprecated-name-get",
        "deprecated-odoo-model-method",
        "development-status-allowed",
        "except-pass",
        "external-request-timeout",
        "inheritable-method-lambda",
        "inheritable-method-string",
        "invalid-commit",
        "license-allowed",
        "manifest-author-string",
        "manifest-data-duplicated",
        "manifest-deprecated-key",
        "manifest-maintainers-list",
        "manifest-required-author",
        "manifest-required-key",
        "manifest-version-format",
        "method-compute",
        "method-inverse",
        "method-required-super",
        "method-search",
        "missing-return",
        "no-raise-unlink",
        "no-write-in-compute",
        "odoo-addons-relative-import",
        "odoo-exception-warning",
        "prefer-env-translation",
        "print-used",
        "renamed-field-parameter",
        "resource-not-exist",
        "sql-injection",
        "test-folder-imported",
        "translation-contains-variable",
        "translation-field",
        "translation-format-interpolation",
        "translation-format-truncated",
        "translation-fstring-interpolation",
        "translation-injection",
        "translation-positional-used",
        "translation-required",
        "translation-too-few-args",
        "translation-too-many-args",
        "translation-unsupported-format",
        "website-manifest-key-not-valid-uri",
    ]
)


def _script_constant(name):
    """A constant of scripts/olopiste.py, read from its source, not imported."""
    tree = ast.parse(SCRIPT.read_text(), filename=str(SCRIPT))
    return next(
        ast.literal_eval(node.value)
        for node in tree.body
        if isinstance(node, ast.Assign)
        and any(isinstance(t, ast.Name) and t.id == name for t in node.targets)
    )


# The languages the i18n command merges into: each must stay complete.
LANGUAGES = _script_constant("LANGUAGES")


def _model_classes(addon):
    """(file, class node, _name, base) for every class that defines a model:
    it sets `_name`, and not only to extend that model with mixins
    (``_name = "x"; _inherit = ["x", "mixin"]``)."""
    for path in sorted((addon).rglob("*.py")):
        if "tests" in path.relative_to(addon).parts:
            continue
        tree = ast.parse(path.read_text(), filename=str(path))
        for node in ast.walk(tree):
            if not isinstance(node, ast.ClassDef):
                continue
            attrs = {
                stmt.targets[0].id: stmt.value
                for stmt in node.body
                if isinstance(stmt, ast.Assign)
                and isinstance(stmt.targets[0], ast.Name)
                and isinstance(stmt.value, ast.Constant)
            }
            if "_name" not in attrs:
                continue
            inherit = next(
                (
                    ast.literal_eval(stmt.value)
                    for stmt in node.body
                    if isinstance(stmt, ast.Assign)
                    and isinstance(stmt.targets[0], ast.Name)
                    and stmt.targets[0].id == "_inherit"
                ),
                (),
            )
            if attrs["_name"].value in (
                [inherit] if isinstance(inherit, str) else inherit
            ):
                continue
            base = ast.unparse(node.bases[0]) if node.bases else ""
            yield path, node, attrs, base


def test_addons_found():
    assert {a.name for a in ADDONS} >= {"olopiste_case", "olopiste_reports"}


def test_ruff_is_clean():
    result = subprocess.run(
        [sys.executable, "-m", "ruff", "check", "--no-cache", str(REPO)],
        capture_output=True,
        text=True,
        check=False,
    )
    assert result.returncode == 0, result.stdout + result.stderr


def test_pylint_odoo_is_clean():
    result = subprocess.run(
        [
            sys.executable,
            "-m",
            "pylint",
            "--load-plugins=pylint_odoo",
            "--disable=all",
            f"--enable={PYLINT_ODOO_CHECKS}",
            "--valid-odoo-versions=18.0",
            "--manifest-required-authors=Olopiste contributors",
            "--license-allowed=AGPL-3",
            "--score=n",
            *[str(a) for a in ADDONS],
        ],
        capture_output=True,
        text=True,
        check=False,
        cwd=REPO,
    )
    assert result.returncode == 0, result.stdout + result.stderr


@pytest.mark.parametrize(
    "path",
    # the repository's own files: not .git, nor the .venv `run` may set up
    sorted(
        p
        for p in REPO.rglob("*.xml")
        if not any(part.startswith(".") for part in p.relative_to(REPO).parts)
    ),
    ids=lambda p: str(p.relative_to(REPO)),
)
def test_xml_is_well_formed(path):
    tree = etree.parse(str(path))
    assert tree.getroot() is not None


@pytest.mark.parametrize("addon", ADDONS, ids=lambda a: a.name)
def test_every_model_has_description_and_order(addon):
    missing = [
        f"{path.name}:{node.name}: {key}"
        for path, node, attrs, base in _model_classes(addon)
        if attrs["_name"].value.startswith(("olopiste.", "report.olopiste"))
        for key in ("_description", "_order")
        if key not in attrs and not (key == "_order" and base == "models.AbstractModel")
    ]
    assert not missing, "models without " + ", ".join(missing)


@pytest.mark.parametrize("addon", ADDONS, ids=lambda a: a.name)
def test_every_model_has_access_rights(addon):
    csv_path = addon / "security" / "ir.model.access.csv"
    granted = set()
    if csv_path.exists():
        with csv_path.open() as handle:
            granted = {
                row["model_id:id"].split(".")[-1] for row in csv.DictReader(handle)
            }
    missing = [
        attrs["_name"].value
        for _path, _node, attrs, base in _model_classes(addon)
        if attrs["_name"].value.startswith("olopiste.")
        and base != "models.AbstractModel"
        and "model_" + attrs["_name"].value.replace(".", "_") not in granted
    ]
    assert not missing, f"no access rights for {missing}"


def test_languages_found():
    assert set(LANGUAGES) >= {"fi", "sv"}


@pytest.mark.parametrize("language", LANGUAGES)
@pytest.mark.parametrize("addon", ADDONS, ids=lambda a: a.name)
def test_translation_is_complete(addon, language):
    pot_path = addon / "i18n" / f"{addon.name}.pot"
    po_path = addon / "i18n" / f"{language}.po"
    assert pot_path.exists(), f"{pot_path} is missing: export it from Odoo"
    assert po_path.exists(), f"{po_path} is missing"
    pot = polib.pofile(str(pot_path))
    po_file = polib.pofile(str(po_path))
    assert po_file.metadata.get("Language") == language
    po = {entry.msgid: entry for entry in po_file}
    assert len(pot) > 0
    untranslated = [
        entry.msgid
        for entry in pot
        if entry.msgid not in po
        or not po[entry.msgid].msgstr.strip()
        or "fuzzy" in po[entry.msgid].flags
    ]
    assert not untranslated, f"{len(untranslated)} untranslated: {untranslated[:10]}"
    stale = sorted(set(po) - {entry.msgid for entry in pot})
    assert not stale, f"{po_path.name} has msgids the .pot no longer has: {stale[:10]}"


# Methods that change a container in place.
MUTATORS = {
    "append", "extend", "insert", "remove", "pop", "popitem", "clear",
    "update", "setdefault", "add", "discard", "difference_update",
    "intersection_update", "symmetric_difference_update", "sort", "reverse",
}  # fmt: skip


@pytest.mark.parametrize("addon", ADDONS, ids=lambda a: a.name)
def test_no_state_in_process_memory(addon):
    """Nothing is kept in a process's memory between requests, so that any
    worker of any node may serve any request: no `global`, no functools
    cache, and no module-level name or class attribute changed after import
    (module-level lists and dicts are constants). Odoo's `ormcache` is
    allowed: Odoo clears it in every process when the registry changes."""
    found = []
    for path in sorted(addon.rglob("*.py")):
        if "tests" in path.relative_to(addon).parts:
            continue
        tree = ast.parse(path.read_text(), filename=str(path))
        module_names = {
            target.id
            for node in tree.body
            if isinstance(node, (ast.Assign, ast.AnnAssign))
            for target in (
                node.targets if isinstance(node, ast.Assign) else [node.target]
            )
            if isinstance(target, ast.Name)
        }
        classes = {
            node.name for node in ast.walk(tree) if isinstance(node, ast.ClassDef)
        }
        for node in ast.walk(tree):
            where = f"{path.relative_to(REPO)}:{getattr(node, 'lineno', '?')}"
            if isinstance(node, (ast.Global, ast.Nonlocal)):
                found.append(f"{where} {type(node).__name__.lower()} statement")
            elif isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef)):
                for decorator in node.decorator_list:
                    text = ast.unparse(decorator)
                    if "lru_cache" in text or text.split("(")[0].endswith(".cache"):
                        found.append(f"{where} {text} keeps results in the process")
            elif (
                isinstance(node, ast.Call)
                and isinstance(node.func, ast.Attribute)
                and node.func.attr in MUTATORS
                and isinstance(node.func.value, ast.Name)
                and node.func.value.id in module_names
            ):
                found.append(f"{where} changes module-level {node.func.value.id}")
            elif isinstance(node, (ast.Assign, ast.AugAssign, ast.Delete)):
                targets = (
                    node.targets
                    if isinstance(node, (ast.Assign, ast.Delete))
                    else [node.target]
                )
                for target in targets:
                    owner = (
                        target.value
                        if isinstance(target, (ast.Subscript, ast.Attribute))
                        else None
                    )
                    text = ast.unparse(owner) if owner is not None else ""
                    if (
                        isinstance(target, ast.Subscript)
                        and isinstance(owner, ast.Name)
                        and owner.id in module_names
                    ) or (
                        isinstance(target, ast.Attribute)
                        and (
                            text in classes
                            or text in ("cls", "self.__class__", "type(self)")
                        )
                    ):
                        found.append(f"{where} changes {ast.unparse(target)}")
    assert not found, "state kept in a process's memory:\n" + "\n".join(found)
