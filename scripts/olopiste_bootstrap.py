# Copyright 2026 Olopiste contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""Odoo 18.0 Community in a virtual environment of the repository's own.

scripts/olopiste.py calls `ensure_odoo()` before anything imports Odoo. An
`odoo` the running Python can import is used as it is. Otherwise the command
runs again inside `.venv` at the repository's root, which is set up first if
it does not hold Odoo yet:

1. the source is found: `--odoo-src` / OLOPISTE_ODOO_SRC (a directory, a
   .tar.gz / .tgz / .tar / .zip archive, or a URL), else DEFAULT_SOURCE;
2. it must say it is Odoo 18.0 (odoo/release.py) before anything is made;
3. the build tools that Odoo's requirements need are checked (installed with
   apt-get when run as root on Debian);
4. `.venv` is created, Odoo's requirements.txt installed with PINS for the
   running Python, and Odoo installed into it as an editable distribution
   (the source tree under `.venv/odoo-src`);
5. the command is started again with `.venv/bin/python`.

A set-up that fails or is interrupted removes `.venv`. Standard library only:
this runs on a bare python3.
"""

import os
import shutil
import subprocess
import sys
import sysconfig
import tarfile
import tempfile
import time
import urllib.error
import urllib.parse
import urllib.request
import zipfile
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
VENV = REPO / ".venv"
ODOO_SERIE = "18.0"
# Odoo's source archive of the 18.0 series, built nightly by Odoo S.A.
DEFAULT_SOURCE = "https://nightly.odoo.com/18.0/nightly/src/odoo_18.0.latest.tar.gz"
SOURCE_ENV = "OLOPISTE_ODOO_SRC"
# Odoo 18.0's dependency pins for each Python it is set up with here: one
# release of every package of Odoo's requirements.txt, those with which
# Olopiste's tests pass (where Odoo's own requirements.txt pins a package for
# that Python, its pin). Odoo 18.0 supports Python 3.10 to 3.12; only 3.11 is
# tested with Olopiste, so only 3.11 is set up.
PINS = {
    (3, 11): (
        "Babel==2.19.0",
        "chardet==7.7.0",
        "decorator==5.2.1",
        "docutils==0.19",
        "ebaysdk==2.2.0",
        "freezegun==1.5.5",
        "geoip2==5.3.0",
        "gevent==22.10.2",
        "greenlet==2.0.2",
        "html2text==2025.4.15",
        "idna==3.13",
        "Jinja2==3.1.6",
        "libsass==0.23.0",
        "lxml==4.9.3",
        "lxml_html_clean==0.4.4",
        "MarkupSafe==2.1.2",
        "mock==5.2.0",
        "num2words==0.5.14",
        "ofxparse==0.21",
        "passlib==1.7.4",
        "Pillow==9.4.0",
        "polib==1.2.0",
        "psutil==7.2.2",
        "psycopg2==2.9.5",
        "pydot==4.0.1",
        "pyOpenSSL==26.4.0",
        "pyparsing==3.3.2",
        "PyPDF2==2.12.1",
        "pyserial==3.5",
        "python-dateutil==2.9.0.post0",
        "python-stdnum==2.2",
        "pytz==2026.6",
        "PyYAML==6.0.3",
        "qrcode==8.2",
        "reportlab==3.6.12",
        "requests==2.34.2",
        "rjsmin==1.3.0",
        "urllib3==1.26.18",
        "vobject==0.9.9",
        "Werkzeug==2.2.2",
        "xlrd==2.0.2",
        "XlsxWriter==3.3.1",
        "xlwt==1.3.0",
        "zeep==4.3.3",
        # gevent 22.10.2 (the websocket process of `run --workers`) loads its
        # plugins through pkg_resources, which does not find the releases of
        # its zope dependencies named zope_event / zope_interface (6.0 on).
        "zope.event==4.6",
        "zope.interface==5.5.2",
    ),
}


class SetupError(Exception):
    """A set-up step failed; the message says what to do."""


def say(message):
    print(f"[olopiste] {message}", flush=True)


def fail(message, code=1):
    print(f"[olopiste] ERROR: {message}", file=sys.stderr, flush=True)
    sys.exit(code)


def apt_install(packages):
    """Install Debian packages (we are root here)."""
    say("installing Debian packages: " + ", ".join(packages))
    env = dict(os.environ, DEBIAN_FRONTEND="noninteractive")
    subprocess.run(["apt-get", "update", "-qq"], check=True, env=env)
    subprocess.run(
        ["apt-get", "install", "-y", "-qq", "--no-install-recommends", *packages],
        check=True,
        env=env,
    )


def venv_python():
    return VENV / "bin" / "python"


def odoo_serie(python):
    """The series of the `odoo` that `python` imports, or None."""
    probe = subprocess.run(
        [str(python), "-c", "import odoo.release as r; print(r.serie)"],
        capture_output=True,
        text=True,
        check=False,
    )
    return probe.stdout.strip() if probe.returncode == 0 else None


def ensure_odoo(source, argv):
    """Return if `odoo` is importable; else run the command again in `.venv`,
    setting it up first. `source` is --odoo-src (None: OLOPISTE_ODOO_SRC or
    DEFAULT_SOURCE); `argv` the command's arguments."""
    import importlib.util

    if importlib.util.find_spec("odoo") is not None:
        if source and Path(sys.prefix).resolve() != VENV.resolve():
            say(f"--odoo-src is not used: {sys.executable} already imports odoo")
        return
    python = venv_python()
    if Path(sys.prefix).resolve() == VENV.resolve():
        fail(
            f"{VENV} holds no importable Odoo. Remove it (rm -r {VENV}) and run "
            "this command again to set it up anew.",
            code=3,
        )
    if python.exists() and odoo_serie(python) == ODOO_SERIE:
        if source:
            say(f"--odoo-src is not used: {VENV} already holds Odoo {ODOO_SERIE}")
    else:
        if VENV.exists():
            say(f"{VENV} holds no usable Odoo {ODOO_SERIE}: setting it up anew")
            shutil.rmtree(VENV)
        set_up(source or os.environ.get(SOURCE_ENV) or DEFAULT_SOURCE)
    say(f"continuing with {python}")
    os.execv(str(python), [str(python), *argv])


def set_up(source):
    """Create `.venv` with Odoo 18.0 from `source`; remove it on any failure."""
    pins = PINS.get(sys.version_info[:2])
    if pins is None:
        version = ".".join(map(str, sys.version_info[:2]))
        supported = ", ".join(".".join(map(str, v)) for v in PINS)
        fail(
            f"Python {version} cannot set up Odoo here: Olopiste has Odoo "
            f"{ODOO_SERIE}'s dependency pins for Python {supported} only. Run this "
            f"command with Python {supported} (e.g. `python{supported} "
            f"scripts/olopiste.py run`), or install Odoo {ODOO_SERIE} for this "
            "Python yourself: an importable `odoo` is used as it is.",
            code=3,
        )
    say(
        f"Odoo is not importable by {sys.executable}: setting up Odoo "
        f"{ODOO_SERIE} in {VENV} from {source}"
    )
    started = time.monotonic()
    scratch = Path(tempfile.mkdtemp(prefix="olopiste-odoo-src-"))
    try:
        tree = source_tree(source, scratch)
        require_build_tools(tree)
        phase = time.monotonic()
        subprocess.run(
            [sys.executable, "-m", "venv", str(VENV)], check=True, capture_output=True
        )
        say(f"virtual environment created in {time.monotonic() - phase:.0f} s")
        build = assemble(tree, VENV / "odoo-src", moved=scratch in tree.parents)
        install(build, pins)
        serie = odoo_serie(venv_python())
        if serie != ODOO_SERIE:
            raise SetupError(f"{venv_python()} does not import Odoo {ODOO_SERIE}")
    except BaseException as error:
        shutil.rmtree(VENV, ignore_errors=True)
        if isinstance(error, SetupError):
            fail(
                f"{error}\nNothing is left half-installed: {VENV} does not exist.",
                code=3,
            )
        if isinstance(error, subprocess.CalledProcessError):
            output = (error.stderr or b"").decode(errors="replace")[-2000:]
            fail(f"{error}\n{output}\n{VENV} was removed.", code=3)
        say(f"set-up interrupted; {VENV} was removed")
        raise
    finally:
        shutil.rmtree(scratch, ignore_errors=True)
    say(f"Odoo {ODOO_SERIE} set up in {VENV} in {time.monotonic() - started:.0f} s")


def source_tree(source, scratch):
    """The directory holding odoo/release.py of `source`, checked to be 18.0;
    an archive is downloaded and unpacked into `scratch` first."""
    parsed = urllib.parse.urlparse(source)
    if parsed.scheme in ("http", "https", "ftp"):
        source = download(source, scratch)
    path = Path(source).expanduser()
    if not path.exists():
        raise SetupError(
            f"the Odoo source {path} does not exist. Point --odoo-src (or "
            f"{SOURCE_ENV}) at an Odoo {ODOO_SERIE} checkout, a source archive "
            "(.tar.gz, .zip) or its URL."
        )
    if path.is_file():
        path = unpack(path, scratch)
    root = next(
        (
            candidate
            for candidate in (path, *sorted(p for p in path.iterdir() if p.is_dir()))
            if (candidate / "odoo" / "release.py").is_file()
        ),
        None,
    )
    if root is None:
        raise SetupError(
            f"{source} is not an Odoo source: no odoo/release.py in it. Point "
            f"--odoo-src at an Odoo {ODOO_SERIE} Community checkout or source archive."
        )
    release = {}
    exec((root / "odoo" / "release.py").read_text(), release)  # as Odoo's setup.py
    serie = release.get("serie")
    if serie != ODOO_SERIE:
        raise SetupError(
            f"{source} is Odoo {serie}, not {ODOO_SERIE}. Point --odoo-src at "
            f"Odoo {ODOO_SERIE} Community (https://github.com/odoo/odoo, branch "
            f"{ODOO_SERIE})."
        )
    if not (root / "odoo" / "addons" / "base").is_dir():
        raise SetupError(f"{source} has no odoo/addons/base: not a full Odoo source.")
    if setup_dir(root) is None or not (root / "requirements.txt").is_file():
        raise SetupError(
            f"{source} has no setup.py and requirements.txt beside odoo/ "
            "(nor setup.py in server/): not an installable Odoo source."
        )
    say(f"Odoo {release.get('version')} source in {root}")
    return root


def setup_dir(root):
    """Where Odoo's setup.py lies: beside odoo/ (a checkout, the source
    archive) or in server/ (a packaged server tree)."""
    for candidate in (root, root / "server"):
        if (candidate / "setup.py").is_file():
            return candidate
    return None


def download(url, scratch):
    phase = time.monotonic()
    name = Path(urllib.parse.urlparse(url).path).name or "odoo-source.tar.gz"
    target = scratch / name
    say(f"downloading {url}")
    try:
        with (
            urllib.request.urlopen(url, timeout=60) as response,
            target.open("wb") as out,
        ):
            shutil.copyfileobj(response, out, 1 << 20)
    except (urllib.error.URLError, OSError) as error:
        raise SetupError(
            f"could not download {url} ({getattr(error, 'reason', error)}). Without "
            f"network access, download Odoo {ODOO_SERIE}'s source elsewhere and "
            f"point --odoo-src (or {SOURCE_ENV}) at the archive or an unpacked "
            "checkout."
        ) from error
    size = target.stat().st_size / 1e6
    say(f"downloaded {size:.0f} MB in {time.monotonic() - phase:.0f} s")
    return target


def unpack(archive, scratch):
    phase = time.monotonic()
    target = scratch / "unpacked"
    target.mkdir()
    try:
        if zipfile.is_zipfile(archive):
            with zipfile.ZipFile(archive) as zipped:
                zipped.extractall(target)
        elif tarfile.is_tarfile(archive):
            with tarfile.open(archive) as tarred:
                if hasattr(tarfile, "data_filter"):
                    tarred.extractall(target, filter="data")
                else:
                    tarred.extractall(target)
        else:
            raise SetupError(
                f"{archive} is neither a directory nor a .tar.gz, .tar or .zip "
                f"archive. Point --odoo-src at an Odoo {ODOO_SERIE} source."
            )
    except (tarfile.TarError, zipfile.BadZipFile, EOFError) as error:
        raise SetupError(f"{archive} cannot be unpacked: {error}") from error
    say(f"unpacked {archive.name} in {time.monotonic() - phase:.0f} s")
    return target


def require_build_tools(tree):
    """psycopg2 (and python-ldap, where Odoo's requirements name it) are built
    from source: they need a compiler, Python's headers and the libraries'."""
    requirements = (tree / "requirements.txt").read_text().lower()
    include = Path(sysconfig.get_paths()["include"])
    needs = [
        ("venv with pip", _has_ensurepip(), "python3-venv"),
        ("a C compiler", shutil.which("gcc") is not None, "gcc"),
        ("Python's headers", (include / "Python.h").is_file(), "python3-dev"),
        ("libpq's headers", shutil.which("pg_config") is not None, "libpq-dev"),
    ]
    if "python-ldap" in requirements:
        needs += [
            ("OpenLDAP's headers", Path("/usr/include/ldap.h").is_file(), "libldap2-dev"),
            ("SASL's headers", Path("/usr/include/sasl/sasl.h").is_file(), "libsasl2-dev"),
        ]  # fmt: skip
    missing = [package for _what, present, package in needs if not present]
    if not missing:
        return
    if os.geteuid() == 0 and shutil.which("apt-get"):
        apt_install(missing)
        return
    raise SetupError(
        "building Odoo's requirements needs "
        + ", ".join(what for what, present, _package in needs if not present)
        + ". Install Debian's "
        + " ".join(missing)
        + f" (sudo apt-get install {' '.join(missing)}) and run this command again."
    )


def _has_ensurepip():
    probe = subprocess.run(
        [sys.executable, "-c", "import ensurepip, venv"],
        capture_output=True,
        check=False,
    )
    return probe.returncode == 0


def assemble(tree, build, moved):
    """The tree pip installs Odoo from: odoo/ (moved from an unpacked archive,
    linked to a directory given) with setup.py, setup.cfg, setup/,
    requirements.txt and odoo-bin beside it."""
    build.mkdir(parents=True)
    if moved:
        shutil.move(str(tree / "odoo"), build / "odoo")
    else:
        (build / "odoo").symlink_to(tree / "odoo", target_is_directory=True)
    setup = setup_dir(tree)
    for name, base in (
        ("setup.py", setup),
        ("setup.cfg", setup),
        ("setup", setup),
        ("requirements.txt", tree),
        ("odoo-bin", tree),
    ):
        if (base / name).is_dir():
            shutil.copytree(base / name, build / name)
        elif (base / name).is_file():
            shutil.copy2(base / name, build / name)
    return build


def install(build, pins):
    python = str(venv_python())
    with tempfile.NamedTemporaryFile("w", suffix=".txt", delete=False) as pin:
        pin.write("\n".join(pins) + "\n")
    pip = [
        python, "-m", "pip", "install", "--disable-pip-version-check",
        "--no-input", "--progress-bar", "off", "--quiet",
    ]  # fmt: skip
    try:
        phase = time.monotonic()
        say("installing Odoo's requirements (a few minutes)")
        _pip([*pip, "-r", str(build / "requirements.txt"), "-c", pin.name])
        say(f"Odoo's requirements installed in {time.monotonic() - phase:.0f} s")
        phase = time.monotonic()
        _pip(
            [*pip, "--no-deps", "-e", str(build)]
            + ["--config-settings", "editable_mode=compat"]
        )
        say(f"Odoo installed in {time.monotonic() - phase:.0f} s")
    finally:
        os.unlink(pin.name)


def _pip(command):
    result = subprocess.run(command, capture_output=True, text=True, check=False)
    if result.returncode != 0:
        hint = ""
        if "pg_config" in result.stderr or "Python.h" in result.stderr:
            hint = (
                "\nBuilding psycopg2 needs gcc, python3-dev and libpq-dev "
                "(Debian's packages)."
            )
        raise SetupError(
            "pip failed:\n"
            + (result.stdout + result.stderr)[-4000:]
            + hint
            + "\npip needs access to PyPI (or to the index it is configured with)."
        )
