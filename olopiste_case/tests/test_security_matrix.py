# Copyright 2026 Olopiste contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
import os
from pathlib import Path

from odoo.modules.module import get_module_path
from odoo.tests import TransactionCase, tagged

ROLES = (
    ("Student trainee", "olopiste_case.group_olopiste_student"),
    ("Case worker", "olopiste_case.group_olopiste_worker"),
    ("Project manager", "olopiste_case.group_olopiste_manager"),
    ("Finance", "olopiste_case.group_olopiste_finance"),
)
OPERATIONS = (
    ("perm_read", "r"),
    ("perm_write", "w"),
    ("perm_create", "c"),
    ("perm_unlink", "d"),
)
MATRIX_PATH = (
    Path(get_module_path("olopiste_case")).parent / "security" / "ROLE_MATRIX.md"
)
CHANNELS_HEADING = "## Channels"


def split_matrix(text):
    """The file's two parts: the rights and rules, and `## Channels` on."""
    head, sep, channels = text.partition("\n" + CHANNELS_HEADING)
    head = head.rstrip("\n") + "\n" if head.strip() else ""
    return head, (CHANNELS_HEADING + channels) if sep else ""


def join_matrix(head, channels):
    """The file from its two parts; each test owns and regenerates its own."""
    if not channels:
        return head
    return head.rstrip("\n") + "\n\n" + channels


def propose_matrix(head=None, channels=None):
    """With OLOPISTE_SECURITY_MATRIX_OUT set to a directory, write there the
    matrix as the code now makes it (the part given, the other part kept),
    for review and copying over security/ROLE_MATRIX.md. Never the committed
    file itself: the tests compare with it."""
    out_dir = os.environ.get("OLOPISTE_SECURITY_MATRIX_OUT")
    if not out_dir:
        return
    out = Path(out_dir) / MATRIX_PATH.name
    if out.resolve() == MATRIX_PATH.resolve():
        raise ValueError("OLOPISTE_SECURITY_MATRIX_OUT must not be security/")
    source = out if out.exists() else MATRIX_PATH
    current_head, current_channels = split_matrix(
        source.read_text() if source.exists() else ""
    )
    out.parent.mkdir(parents=True, exist_ok=True)
    out.write_text(
        join_matrix(
            current_head if head is None else head,
            current_channels if channels is None else channels,
        )
    )


HEADER = """# Role matrix

Generated from the access rights and record rules of the installed addons by
`olopiste_case/tests/test_security_matrix.py`, which fails when this file and
the code disagree. To update it, have the tests write the matrix elsewhere,
review the difference and copy it here:
`OLOPISTE_SECURITY_MATRIX_OUT=/tmp/matrix python3 scripts/olopiste.py test -- -k matrix`.

r = read, w = write, c = create, d = delete; a role has what its group and the
groups it includes grant. Record rules then narrow each right to some records.
"""


@tagged("post_install", "-at_install", "olopiste_security")
class TestSecurityMatrix(TransactionCase):
    def _matrix(self):
        models = self.env["ir.model"].search(
            [("model", "=like", "olopiste.%"), ("transient", "=", False)], order="model"
        )
        models = models.filtered(lambda m: not self.env[m.model]._abstract)
        lines = [HEADER, "## Access rights", ""]
        lines.append("| model | " + " | ".join(name for name, _ in ROLES) + " |")
        lines.append("| --- |" + " --- |" * len(ROLES))
        Access = self.env["ir.model.access"]
        for model in models:
            cells = []
            for _name, xmlid in ROLES:
                group = self.env.ref(xmlid)
                groups = group | group.trans_implied_ids
                rights = Access.search(
                    [
                        ("model_id", "=", model.id),
                        "|",
                        ("group_id", "in", groups.ids),
                        ("group_id", "=", False),
                    ]
                )
                cells.append(
                    "".join(
                        letter
                        for perm, letter in OPERATIONS
                        if any(rights.mapped(perm))
                    )
                    or "–"
                )
            lines.append(f"| `{model.model}` | " + " | ".join(cells) + " |")
        lines += ["", "## Record rules", ""]
        rules = self.env["ir.rule"].search([("model_id", "in", models.ids)])
        for model in models:
            model_rules = rules.filtered(lambda r, m=model: r.model_id == m).sorted(
                "name"
            )
            if not model_rules:
                continue
            lines.append(f"### `{model.model}`")
            lines.append("")
            for rule in model_rules:
                who = (
                    ", ".join(sorted(rule.groups.mapped("name"))) or "everyone (global)"
                )
                ops = "".join(letter for perm, letter in OPERATIONS if rule[perm])
                domain = " ".join(rule.domain_force.split())
                lines.append(f"- {rule.name} — {who} ({ops}): `{domain}`")
            lines.append("")
        return "\n".join(lines).rstrip() + "\n"

    def test_role_matrix_is_current(self):
        # the group names are translated: build the matrix in the source language
        self.env = self.env(context=dict(self.env.context, lang="en_US"))
        matrix = self._matrix()
        propose_matrix(head=matrix)
        self.assertTrue(MATRIX_PATH.exists(), f"{MATRIX_PATH} is missing")
        # the part from `## Channels` on belongs to test_channels.py
        head = split_matrix(MATRIX_PATH.read_text())[0]
        self.assertEqual(head, matrix, "security/ROLE_MATRIX.md is out of date")
        self.assertIn("| `olopiste.case` | r | rwc | rwcd | – |", matrix)
