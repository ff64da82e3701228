#!/usr/bin/env python3
# Copyright 2026 Olopiste contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""Set up, run, test and benchmark Olopiste with Odoo 18.0.

    python3 scripts/olopiste.py run     # install what is missing, start Odoo with demo data
    python3 scripts/olopiste.py run --workers 4 --replica   # prefork, read replica
    python3 scripts/olopiste.py test    # fresh database, every test, a counted result
    python3 scripts/olopiste.py bench   # benchmarks (tests/bench), ratios against a baseline
    python3 scripts/olopiste.py generate --scale 10 --seed 1   # synthetic data
    python3 scripts/olopiste.py load    # 50 users at once; --faults: faults

An `odoo` importable by the running Python is used as it is; without one,
Odoo 18.0 is set up in the repository's `.venv` (scripts/olopiste_bootstrap.py,
from --odoo-src or OLOPISTE_ODOO_SRC, else Odoo's source archive) and the
command runs again inside it. PostgreSQL runs as a cluster of our own (own
data directory, an unprivileged user, 127.0.0.1, a free port) unless PGHOST
is set, in which case PGHOST, PGPORT, PGUSER and PGPASSWORD name the server
to use.
"""

import argparse
import contextlib
import glob
import importlib.metadata
import json
import os
import pwd
import re
import secrets
import shutil
import signal
import socket
import subprocess
import sys
import tempfile
import time
import xml.etree.ElementTree as ET
from pathlib import Path

from olopiste_bootstrap import apt_install, ensure_odoo, fail, say
from olopiste_load import (
    Client as LoadClient,
    RpcError as LoadRpcError,
    add_parser as add_load_parser,
)

REPO = Path(__file__).resolve().parent.parent
ADDONS = ("olopiste_case", "olopiste_reports", "olopiste_website")
LANGUAGES = ("fi", "sv")  # each addon's i18n/<language>.po, kept complete
DB_USER = "olopiste"  # Odoo refuses a database superuser named "postgres"
BENCH_BASELINE = ("crm", "event")  # Odoo's own screens, measured beside ours
RUN_DB = os.environ.get("OLOPISTE_DB", "olopiste")
HTTP_PORT = int(os.environ.get("OLOPISTE_HTTP_PORT", "8069"))
# Prefork (`run --workers N`): the websocket port, beside the HTTP port as
# Odoo's defaults are (8069, 8072), and each process's memory limits.
GEVENT_PORT = int(os.environ.get("OLOPISTE_GEVENT_PORT", str(HTTP_PORT + 3)))
WORKER_MEMORY_SOFT_MB = (512, 2048)  # the least that serves a report; Odoo's default
# axe-core, the accessibility checker that the tests run in Odoo's test
# browser, from the npm registry. Pinned with the tarball's integrity as the
# registry gave it for this version: a different tarball stops the run.
AXE_VERSION = "4.14.1"
AXE_INTEGRITY = "sha512-FHfa+lmNjQZfJz1q8wKqIDwC6DExcHt/pkjNQb09a3NPjCKg2rhu5qb2S4r76ASyFNNtuFooJpZe37OgudVGtQ=="
AXE_DIR = REPO / ".cache" / "axe"  # git-ignored; kept between runs
DEMO_LOGINS = (
    ("Project manager", "manager"),
    ("Case worker", "worker"),
    ("Case worker (other area)", "worker2"),
    ("Student trainee", "student"),
    ("Finance", "finance"),
    ("Administrator", "admin"),
)
ODOO_MISSING = """\
Olopiste needs Odoo 18.0 Community, importable as `odoo` by {python}, for
example from a checkout of Odoo 18.0 Community (https://github.com/odoo/odoo,
branch 18.0):

    pip install -r <odoo>/requirements.txt
    pip install --no-deps -e <odoo> --config-settings editable_mode=compat

or, with a Python that does not import `odoo`, let this command set it up in
the repository's .venv (--odoo-src <odoo>). ({error})"""


def _raise_on_signal(signum, _frame):
    # Turned into an exception so that every `finally` (cluster shutdown,
    # temporary directories) runs when the command is interrupted or killed.
    raise KeyboardInterrupt(f"signal {signum}")


# --------------------------------------------------------------------------
# prerequisites


def probe_python(code):
    """Run `code` in this Python: (what it printed, None) or (None, its error)."""
    probe = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=False
    )
    if probe.returncode != 0:
        return None, (probe.stderr.strip().splitlines() or ["failed"])[-1]
    return probe.stdout.strip(), None


def require_odoo():
    """Stop at once, with instructions, unless Odoo 18.0 is importable."""
    serie, error = probe_python("import odoo.release as r; print(r.serie)")
    if error:
        fail(ODOO_MISSING.format(python=sys.executable, error=error), code=3)
    if serie != "18.0":
        fail(f"Olopiste is for Odoo 18.0; the importable `odoo` is {serie}.", code=3)
    try:
        return importlib.metadata.version("odoo")
    except importlib.metadata.PackageNotFoundError:
        fail(
            "`odoo` is importable but not installed as a pip distribution, so the "
            "OCA addons (odoo-addon-*) cannot be installed beside it.\n"
            + ODOO_MISSING.format(python=sys.executable, error="no dist-info"),
            code=3,
        )


def install_python_requirements(odoo_version):
    """pip-install requirements.txt; the constraint keeps pip off Odoo itself."""
    with tempfile.NamedTemporaryFile("w", suffix=".txt", delete=False) as pin:
        pin.write(f"odoo=={odoo_version}\n")
    try:
        cmd = [
            sys.executable, "-m", "pip", "install", "--quiet",
            "--disable-pip-version-check", "--no-input",
            "-r", str(REPO / "requirements.txt"), "-c", pin.name,
        ]  # fmt: skip
        result = subprocess.run(cmd, capture_output=True, text=True, check=False)
    finally:
        os.unlink(pin.name)
    if result.returncode != 0:
        fail("pip could not install requirements.txt:\n" + result.stderr[-4000:])


def postgres_bindir():
    found = sorted(glob.glob("/usr/lib/postgresql/*/bin/initdb"))
    if found:
        return Path(found[-1]).parent
    initdb = shutil.which("initdb")
    return Path(initdb).parent if initdb else None


def chromium_executable():
    for name in (
        "chromium",
        "chromium-browser",
        "google-chrome",
        "google-chrome-stable",
    ):
        path = shutil.which(name)
        if path:
            return path
    return None


def ensure_system_packages(need_server, need_browser, need_npm=False):
    missing = []
    if need_server and not postgres_bindir():
        missing.append("postgresql")
    if need_browser and not chromium_executable():
        missing.append("chromium")
    if need_npm and not shutil.which("npm"):
        # Debian's npm depends on its nodejs; a Node.js installed some other
        # way (e.g. NodeSource's, which brings its own npm) is kept.
        missing += ["npm"] if shutil.which("node") else ["nodejs", "npm"]
    if not missing:
        return
    if os.geteuid() != 0:
        fail(
            "missing system packages: "
            + ", ".join(missing)
            + ". Install Debian's packages (sudo apt-get install "
            + " ".join(missing)
            + ") and run this command again."
        )
    try:
        apt_install(missing)
    except subprocess.CalledProcessError as error:
        fail(
            f"apt-get could not install {', '.join(missing)} (exit code "
            f"{error.returncode}, see above); install them and run this command again."
        )


def installed_axe_version():
    """The version of axe-core in AXE_DIR, or None."""
    package = AXE_DIR / "node_modules" / "axe-core" / "package.json"
    try:
        return json.loads(package.read_text()).get("version")
    except (OSError, ValueError):
        return None


def ensure_axe():
    """axe-core's browser build for the accessibility tests: installed with npm
    into AXE_DIR when it is not there at AXE_VERSION. Returns the absolute path
    of its axe.min.js."""
    script = AXE_DIR / "node_modules" / "axe-core" / "axe.min.js"
    if installed_axe_version() == AXE_VERSION and script.is_file():
        return script
    npm = shutil.which("npm")
    if not npm:
        fail(
            "npm is needed to install axe-core for the accessibility tests: install "
            "Debian's nodejs and npm (apt-get install nodejs npm) and run this "
            "command again."
        )
    say(f"installing axe-core {AXE_VERSION} with npm into {AXE_DIR}")
    AXE_DIR.parent.mkdir(parents=True, exist_ok=True)
    # Installed beside AXE_DIR and moved into place whole, so that an
    # interrupted install never passes for a complete one at the next run.
    staging = Path(tempfile.mkdtemp(prefix="axe-", dir=AXE_DIR.parent))
    os.chmod(staging, 0o755)  # mkdtemp makes it private
    try:
        result = subprocess.run(
            [
                npm, "install", "--prefix", str(staging), f"axe-core@{AXE_VERSION}",
                "--save-exact", "--ignore-scripts", "--no-audit", "--no-fund",
                "--no-update-notifier", "--loglevel=error",
            ],
            cwd=staging,  # away from any .npmrc or package.json of the repository
            capture_output=True,
            text=True,
            check=False,
        )  # fmt: skip
        if result.returncode != 0:
            fail(
                f"npm could not install axe-core {AXE_VERSION} (exit code "
                f"{result.returncode}):\n" + (result.stderr or result.stdout)[-4000:]
            )
        lock = json.loads((staging / "package-lock.json").read_text())
        integrity = lock["packages"]["node_modules/axe-core"].get("integrity")
        if integrity != AXE_INTEGRITY:
            fail(
                f"the axe-core {AXE_VERSION} that npm installed is not the one "
                f"pinned: integrity {integrity}, expected {AXE_INTEGRITY}"
            )
        shutil.rmtree(AXE_DIR, ignore_errors=True)
        staging.rename(AXE_DIR)
    finally:
        shutil.rmtree(staging, ignore_errors=True)
    if not script.is_file():
        fail(f"npm installed axe-core {AXE_VERSION}, but without {script}")
    return script


# --------------------------------------------------------------------------
# PostgreSQL


def free_port():
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


class Cluster:
    """A PostgreSQL cluster of our own, run by an unprivileged OS user."""

    def __init__(self, base_dir, throwaway):
        self.base = Path(base_dir)
        self.data = self.base / "pgdata"
        self.throwaway = throwaway
        self.bindir = postgres_bindir()
        self.port = None
        self.password = None
        self.started = False
        if os.geteuid() == 0:
            # PostgreSQL refuses to run as root.
            self.os_user = pwd.getpwnam("nobody")
        else:
            self.os_user = pwd.getpwuid(os.geteuid())

    def _run(self, *args, **kwargs):
        kwargs.setdefault("check", True)
        if os.geteuid() == 0:
            kwargs["user"] = self.os_user.pw_uid
            kwargs["group"] = self.os_user.pw_gid
            kwargs["extra_groups"] = []
        return subprocess.run([str(a) for a in args], **kwargs)

    def _chown(self, path):
        if os.geteuid() == 0:
            os.chown(path, self.os_user.pw_uid, self.os_user.pw_gid)

    def init(self):
        self.base.mkdir(parents=True, exist_ok=True)
        os.chmod(self.base, 0o700)
        self._chown(self.base)
        pwfile = self.base / "superuser.pw"
        secret_file = self.base / "password"
        if not (self.data / "PG_VERSION").exists():
            self.password = secrets.token_urlsafe(18)
            pwfile.write_text(self.password)
            self._chown(pwfile)
            self._run(
                self.bindir / "initdb", "-D", self.data, "-U", DB_USER,
                "--pwfile", pwfile, "--auth", "scram-sha-256",
                "-E", "UTF8", "--locale", "C.UTF-8",
                capture_output=True,
            )  # fmt: skip
            pwfile.unlink()
            secret_file.write_text(self.password)
            os.chmod(secret_file, 0o600)
        self.password = secret_file.read_text().strip()

    def start(self):
        options = []
        if self.throwaway:
            # Durability is worthless for a database thrown away after the run.
            options += [
                "-c fsync=off",
                "-c synchronous_commit=off",
                "-c full_page_writes=off",
            ]
        self.port = self.pg_start(self.data, "postgresql.log", options)
        self.started = True
        say(f"PostgreSQL cluster in {self.data} on 127.0.0.1:{self.port}")

    def pg_start(self, data, log_name, options):
        """Start the server of `data` on a free port of 127.0.0.1; its port."""
        port = free_port()
        options = [
            "-c listen_addresses=127.0.0.1",
            f"-c port={port}",
            f"-c unix_socket_directories={data}",
            *options,
        ]
        log = self.base / log_name
        log.touch()
        self._chown(log)
        self._run(
            self.bindir / "pg_ctl", "-D", data, "-l", log, "-w", "-t", "60",
            "-o", " ".join(options), "start",
            capture_output=True,
        )  # fmt: skip
        return port

    def pg_stop(self, data):
        self._run(
            self.bindir / "pg_ctl", "-D", data, "-m", "fast", "-w", "stop",
            capture_output=True, check=False,
        )  # fmt: skip

    def stop(self):
        if self.started:
            self.pg_stop(self.data)
            self.started = False
        if self.throwaway:
            shutil.rmtree(self.base, ignore_errors=True)

    def settings(self):
        return {
            "db_host": "127.0.0.1",
            "db_port": str(self.port),
            "db_user": DB_USER,
            "db_password": self.password,
        }


class Replica:
    """A hot standby of a cluster of our own, streaming from it (`run --replica`):
    made afresh from a base backup at every start, on a port of its own."""

    def __init__(self, primary):
        self.primary = primary
        self.data = primary.base / "replica"
        self.port = None
        self.started = False

    def start(self):
        started = time.monotonic()
        primary = self.primary
        shutil.rmtree(self.data, ignore_errors=True)
        # -R writes standby.signal and primary_conninfo: a streaming standby.
        primary._run(
            primary.bindir / "pg_basebackup", "-h", "127.0.0.1", "-p", primary.port,
            "-U", DB_USER, "-D", self.data, "-R", "-X", "stream", "-c", "fast",
            capture_output=True, env=dict(os.environ, PGPASSWORD=primary.password),
        )  # fmt: skip
        self.port = primary.pg_start(self.data, "replica.log", ["-c hot_standby=on"])
        self.started = True
        say(
            f"read replica (hot standby) in {self.data} on 127.0.0.1:{self.port}, "
            f"ready in {time.monotonic() - started:.0f} s"
        )

    def stop(self):
        if self.started:
            self.primary.pg_stop(self.data)
            self.started = False
        shutil.rmtree(self.data, ignore_errors=True)

    def settings(self):
        return {"db_replica_host": "127.0.0.1", "db_replica_port": str(self.port)}


def external_settings():
    """Connection settings given by the environment, if any."""
    if not os.environ.get("PGHOST"):
        return None
    return {
        "db_host": os.environ["PGHOST"],
        "db_port": os.environ.get("PGPORT", "5432"),
        "db_user": os.environ.get("PGUSER", DB_USER),
        "db_password": os.environ.get("PGPASSWORD", "False"),
    }


def database_exists(settings, name):
    import psycopg2  # installed with Odoo

    conn = psycopg2.connect(
        host=settings["db_host"],
        port=settings["db_port"],
        user=settings["db_user"],
        password=settings["db_password"]
        if settings["db_password"] != "False"
        else None,
        dbname="postgres",
    )
    try:
        with conn.cursor() as cr:
            cr.execute("SELECT 1 FROM pg_database WHERE datname = %s", (name,))
            return bool(cr.fetchone())
    finally:
        conn.close()


# --------------------------------------------------------------------------
# Odoo


def addons_path():
    import odoo.addons  # namespace: Odoo's addons and the OCA wheels

    paths = [p for p in odoo.addons.__path__ if os.path.isdir(p)]
    return ",".join([*paths, str(REPO)])


def write_config(path, settings, data_dir, extra=None):
    lines = ["[options]", f"addons_path = {addons_path()}", f"data_dir = {data_dir}"]
    lines += [
        f"{key} = {value}" for key, value in {**settings, **(extra or {})}.items()
    ]
    Path(path).write_text("\n".join(lines) + "\n")
    os.chmod(path, 0o600)


def odoo_command(config, *args):
    return [sys.executable, "-m", "odoo", "-c", str(config), *args]


def odoo_server_command(config, *args):
    """The server of `run`, started from a file beside its configuration:
    the prefork server starts its websocket process again with the same file
    (sys.argv[0]), which `-m odoo`'s __main__.py cannot be run as."""
    launcher = Path(config).parent / "odoo-server.py"
    launcher.write_text(
        "import os\n\n"
        'os.environ["TZ"] = "UTC"  # as Odoo\'s own odoo-bin\n'
        "import odoo.cli  # noqa: E402\n\n"
        "odoo.cli.main()\n"
    )
    return [sys.executable, str(launcher), "-c", str(config), *args]


def install_addons(config, database, logfile, languages=None, extra_modules=()):
    """Create `database` with demo data and install both addons; fail on any ERROR.

    `extra_modules` are installed too, e.g. Odoo's `crm` as the benchmarks' baseline.
    """
    modules = [*ADDONS, *extra_modules]
    args = [
        "-d", database, "-i", ",".join(modules), "--stop-after-init",
        "--no-http", "--log-level=info", f"--logfile={logfile}",
    ]  # fmt: skip
    if languages:
        args.append(f"--load-language={languages}")
    started = time.monotonic()
    result = subprocess.run(odoo_command(config, *args), check=False)
    log = Path(logfile).read_text(errors="replace") if Path(logfile).exists() else ""
    # Odoo logs a failed demo-data load, and problems with our own fields,
    # views and access rights, only as warnings: those count as errors too.
    errors = [
        line
        for line in log.splitlines()
        if re.search(r" (ERROR|CRITICAL) ", line)
        or (re.search(r" WARNING ", line) and "olopiste" in line)
    ]
    if result.returncode != 0 or errors:
        print("\n".join(log.splitlines()[-60:]), file=sys.stderr)
        print("\n".join(errors[:40]), file=sys.stderr)
        fail(
            f"installing {', '.join(modules)} failed (exit code {result.returncode}, "
            f"{len(errors)} ERROR lines or warnings about Olopiste, shown above)"
        )
    installed = re.search(r"Modules loaded\.", log)
    if not installed:
        fail(f"Odoo did not report loading the modules; see {logfile}")
    say(f"installed {', '.join(modules)} in {time.monotonic() - started:.0f} s")


def pytest_env():
    """pytest's environment: scripts/olopiste_testmode.py importable by `-p`."""
    paths = [str(REPO / "scripts"), os.environ.get("PYTHONPATH", "")]
    return dict(os.environ, PYTHONPATH=os.pathsep.join(p for p in paths if p))


# --------------------------------------------------------------------------
# results


def junit_totals(path):
    """Count tests from pytest's JUnit XML: totals and how many are our addons'."""
    root = ET.parse(path).getroot()
    totals = {"passed": 0, "failed": 0, "skipped": 0, "addon_tests": 0, "names": []}
    for case in root.iter("testcase"):
        classname = case.get("classname", "")
        name = f"{classname}::{case.get('name')}"
        if any(
            part in classname
            for part in [f"odoo.addons.{a}." for a in ADDONS] + list(ADDONS)
        ):
            totals["addon_tests"] += 1
        if case.find("failure") is not None or case.find("error") is not None:
            totals["failed"] += 1
        elif case.find("skipped") is not None:
            totals["skipped"] += 1
            totals["names"].append(name)
        else:
            totals["passed"] += 1
    return totals


# --------------------------------------------------------------------------
# commands


def prepare(need_browser, need_npm=False):
    odoo_version = require_odoo()
    started = time.monotonic()
    install_python_requirements(odoo_version)
    settings = external_settings()
    ensure_system_packages(
        need_server=settings is None, need_browser=need_browser, need_npm=need_npm
    )
    say(
        f"prerequisites ready in {time.monotonic() - started:.0f} s (Odoo {odoo_version})"
    )
    return settings


def state_dir():
    if os.environ.get("OLOPISTE_HOME"):
        return Path(os.environ["OLOPISTE_HOME"])
    if os.geteuid() == 0:
        return Path("/var/lib/olopiste")
    return Path.home() / ".local" / "share" / "olopiste"


def ensure_pdf_renderer():
    """Odoo prints PDFs (the handover summary) with wkhtmltopdf."""
    if shutil.which("wkhtmltopdf"):
        return
    if os.geteuid() != 0:
        say(
            "note: PDF attachments need Debian's wkhtmltopdf (apt-get install wkhtmltopdf)"
        )
        return
    apt_install(["wkhtmltopdf"])


@contextlib.contextmanager
def local_cluster(settings, base, throwaway, replica=False):
    """Yield connection settings: those given, or those of a cluster of our own
    (with `replica`, also those of a read replica of it)."""
    if settings is not None:
        if replica:
            fail(
                "--replica starts a replica of the cluster of our own; with PGHOST "
                "set, give Odoo your server's replica with db_replica_host and "
                "db_replica_port instead"
            )
        yield settings
        return
    cluster = Cluster(base, throwaway=throwaway)
    standby = Replica(cluster) if replica else None
    try:
        started = time.monotonic()
        cluster.init()
        cluster.start()
        say(f"cluster ready in {time.monotonic() - started:.0f} s")
        if standby is None:
            yield cluster.settings()
        else:
            standby.start()
            yield {**cluster.settings(), **standby.settings()}
    finally:
        if standby is not None:
            standby.stop()
        cluster.stop()


@contextlib.contextmanager
def fresh_database(settings, purpose, extra_modules=(), languages=None):
    """A fresh database with demo data and both addons, removed afterwards."""
    work = Path(tempfile.mkdtemp(prefix=f"olopiste-{purpose}-"))
    os.chmod(work, 0o755)
    try:
        with local_cluster(settings, work / "postgresql", throwaway=True) as db:
            config = work / "odoo.conf"
            # the tests' HTTP server (tours) on the same port as `run`'s
            write_config(config, db, work / "filestore", {"http_port": HTTP_PORT})
            database = f"olopiste_{purpose}_{secrets.token_hex(4)}"
            install_addons(
                config,
                database,
                work / "install.log",
                languages=languages,
                extra_modules=extra_modules,
            )
            yield config, database, work
    finally:
        shutil.rmtree(work, ignore_errors=True)


@contextlib.contextmanager
def run_database(settings, database, replica=False):
    """The lasting cluster and configuration of `run`; `database` created if new."""
    home = state_dir()
    home.mkdir(parents=True, exist_ok=True)
    with local_cluster(
        settings, home / "postgresql", throwaway=False, replica=replica
    ) as db:
        config = home / "odoo.conf"
        write_config(
            config,
            db,
            home / "filestore",
            {"dbfilter": f"^{RUN_DB}$", "list_db": "False"},
        )
        created = not database_exists(db, database)
        if created:
            say(f"creating database {database!r} with demo data (about a minute)")
            install_addons(
                config, database, home / "install.log", languages="fi_FI,sv_SE"
            )
        yield config, created


def available_memory_mb():
    with open("/proc/meminfo") as meminfo:
        for line in meminfo:
            if line.startswith("MemAvailable:"):
                return int(line.split()[1]) // 1024
    fail("cannot read the available memory from /proc/meminfo")


def prefork_options(workers):
    """Odoo's options for its prefork server: `workers` HTTP workers, one cron
    worker and the websocket process, each process's memory limit a share of
    three quarters of the available memory (the rest is PostgreSQL's and the
    system's), at most Odoo's defaults."""
    _printed, error = probe_python("import gevent.monkey; gevent.monkey.patch_all()")
    if error:
        fail(
            "--workers needs gevent for the websocket process, and gevent does not "
            f"start in {sys.executable} ({error}). With Odoo's gevent 22.10.2, "
            "install its own pins: pip install zope.interface==5.5.2 zope.event==4.6"
        )
    least, most = WORKER_MEMORY_SOFT_MB
    available = available_memory_mb()
    processes = workers + 2
    soft = min(most, available * 3 // 4 // processes)
    if soft < least:
        fits = available * 3 // 4 // least - 2
        fail(
            f"--workers {workers} needs {processes * least * 4 // 3} MB of available "
            f"memory ({processes} processes of at least {least} MB, and a quarter "
            f"for PostgreSQL and the system); this machine has {available} MB "
            "available. "
            + (
                f"Use --workers {fits} at most, or run without --workers."
                if fits >= 1
                else "Run without --workers (one process, threads)."
            )
        )
    hard = soft * 5 // 4
    say(
        f"prefork: {workers} HTTP workers, 1 cron worker, websocket on "
        f"127.0.0.1:{GEVENT_PORT}; memory limits {soft} MB soft, {hard} MB hard "
        f"a process ({available} MB available)"
    )
    return [
        f"--workers={workers}",
        "--max-cron-threads=1",
        f"--gevent-port={GEVENT_PORT}",
        f"--limit-memory-soft={soft << 20}",
        f"--limit-memory-hard={hard << 20}",
        # Odoo's 60 s / 120 s are short for a large project's exports.
        "--limit-time-cpu=300",
        "--limit-time-real=600",
    ]


def cmd_run(args):
    settings = prepare(need_browser=False)
    ensure_pdf_renderer()
    server_options = prefork_options(args.workers) if args.workers else []
    with run_database(settings, RUN_DB, replica=args.replica) as (config, created):
        if not created:
            say(f"reusing database {RUN_DB!r}")
            if args.update:
                subprocess.run(
                    odoo_command(config, "-d", RUN_DB, "-u", ",".join(ADDONS),
                                 "--stop-after-init", "--no-http"),
                    check=True,
                )  # fmt: skip
        url = f"http://127.0.0.1:{HTTP_PORT}"
        say(f"Olopiste is starting on {url}  (stop with Ctrl+C)")
        say("demo logins (the password is the login):")
        for role, login in DEMO_LOGINS:
            say(f"    {role:<26} {login}")
        server = subprocess.Popen(
            odoo_server_command(
                config,
                "-d",
                RUN_DB,
                "--http-interface=127.0.0.1",
                f"--http-port={HTTP_PORT}",
                "--log-level=warn",
                *server_options,
            )  # fmt: skip
        )
        try:
            return server.wait()
        finally:
            if server.poll() is None:
                server.terminate()
                server.wait(timeout=30)


def cmd_test(args):
    settings = prepare(need_browser=True, need_npm=True)
    # before the database, so that a failed npm install stops the run at once
    axe_js = ensure_axe()
    with fresh_database(settings, "test") as (config, database, work):
        junit = work / "junit.xml"
        started = time.monotonic()
        pytest_args = [
            sys.executable, "-m", "pytest", "-p", "olopiste_testmode",
            f"--odoo-config={config}", f"--odoo-database={database}",
            "--odoo-http", "--odoo-log-level=warn",
            f"--junitxml={junit}", "-p", "no:cacheprovider", "-rfEs",
            *ADDONS, "tests", "--ignore=tests/bench", *args.pytest_args,
        ]  # fmt: skip
        # the accessibility tests inject this file into the pages they check
        env = dict(pytest_env(), OLOPISTE_AXE_JS=str(axe_js))
        result = subprocess.run(pytest_args, cwd=REPO, check=False, env=env)
        say(f"tests ran in {time.monotonic() - started:.0f} s")
        if result.returncode == 5 or not junit.exists():
            # pytest's exit code 5: nothing was collected. Never a success.
            fail("no test ran: pytest collected nothing")
        totals = junit_totals(junit)
        code = result.returncode
        if totals["addon_tests"] == 0:
            say("no test of the Olopiste addons ran")
            code = code or 1
        if totals["skipped"]:
            # A skipped HttpCase means no browser or no websocket-client: the
            # UI went untested, so the run cannot pass.
            say("skipped tests make the run fail: " + ", ".join(totals["names"]))
            code = code or 1
        print(
            f"olopiste: {totals['passed']} passed, {totals['failed']} failed, "
            f"{totals['skipped']} skipped",
            flush=True,
        )
        return code


def cmd_bench(args):
    settings = prepare(need_browser=False)
    with fresh_database(settings, "bench", BENCH_BASELINE) as (config, database, _work):
        bench_args = [
            sys.executable, "-m", "pytest", "-p", "olopiste_testmode",
            "-p", "no:cacheprovider", "-s",
            f"--odoo-config={config}", f"--odoo-database={database}",
            "--odoo-log-level=warn", "tests/bench", *args.pytest_args,
        ]  # fmt: skip
        env = dict(pytest_env(), OLOPISTE_BENCH_SCALES=args.scales)
        result = subprocess.run(bench_args, cwd=REPO, check=False, env=env)
        if result.returncode == 5:
            say("no benchmark is defined yet under tests/bench")
            return 0
        return result.returncode


def cmd_generate(args):
    """Generate synthetic data into the `run` command's database (or --database)."""
    settings = prepare(need_browser=False)
    with run_database(settings, args.database) as (config, _created):
        import odoo
        from odoo.modules.registry import Registry

        odoo.tools.config.parse_config(["-c", str(config), "--log-level=warn"])
        from odoo.addons.olopiste_case.tools import generate as generator

        say(
            f"generating scale {args.scale} with seed {args.seed} into {args.database!r}"
        )
        registry = Registry(args.database)
        with registry.cursor() as cr:
            env = odoo.api.Environment(cr, odoo.SUPERUSER_ID, {})
            counts = generator.generate(
                env, scale=args.scale, seed=args.seed, log=say, projects=args.projects
            )
            cr.commit()
        rows = sum(
            counts.get(key, 0) for key in ("clients", "cases", "events", "attendance")
        )
        say(
            ", ".join(
                f"{key} {value}"
                for key, value in counts.items()
                if key not in ("project_ids",)
            )
        )
        say(
            f"{rows} rows in {counts['seconds']} s = {rows / counts['seconds']:.0f} rows/s"
        )
        return 0


def merge_po(pot_path, language):
    """Bring the language's .po beside the .pot up to it: keep translations, add
    new msgids, drop old. Returns how many msgids lack a translation."""
    import polib

    po_path = pot_path.parent / f"{language}.po"
    pot = polib.pofile(str(pot_path))
    po = polib.pofile(str(po_path)) if po_path.exists() else polib.POFile()
    if not po_path.exists():
        po.metadata = dict(pot.metadata, Language=language)
    po.merge(pot)
    po[:] = [entry for entry in po if not entry.obsolete]
    po.save(str(po_path))
    return sum(1 for entry in po if not entry.msgstr)


def cmd_i18n(args):
    """Export each addon's .pot from a fresh database and merge it into the .po
    of every language in LANGUAGES."""
    settings = prepare(need_browser=False)
    with fresh_database(settings, "i18n") as (config, database, _work):
        for addon in ADDONS:
            pot_path = REPO / addon / "i18n" / f"{addon}.pot"
            pot_path.parent.mkdir(exist_ok=True)
            subprocess.run(
                    odoo_command(
                        config, "-d", database, f"--i18n-export={pot_path}",
                        f"--modules={addon}", "--stop-after-init", "--no-http",
                        "--log-level=warn",
                    ),
                    check=True,
                )  # fmt: skip
            lacking = [
                f"{language}.po lacks {merge_po(pot_path, language)} translations"
                for language in LANGUAGES
            ]
            say(f"{addon}: {pot_path.name} exported, " + ", ".join(lacking))
        return 0


def _config_values(path):
    import configparser

    parser = configparser.ConfigParser()
    parser.read(path)
    return dict(parser["options"])


def cmd_replica_check(args):
    """Show which server serves what while `run --workers N --replica` is up:
    a dashboard read as the manager must scan the cases on the replica and
    not on the primary, a case write must reach the primary."""
    import psycopg2  # installed with Odoo

    config = state_dir() / "odoo.conf"
    options = _config_values(config) if config.exists() else {}
    if not options.get("db_replica_port"):
        fail(
            "no read replica is configured: start `python3 scripts/olopiste.py run "
            "--workers 4 --replica` first, then run this command beside it"
        )
    base = f"http://127.0.0.1:{HTTP_PORT}"

    def case_activity(port):
        conn = psycopg2.connect(
            host=options["db_host"],
            port=port,
            user=options["db_user"],
            password=options["db_password"],
            dbname=RUN_DB,
        )
        try:
            with conn.cursor() as cr:
                cr.execute(
                    "SELECT COALESCE(seq_scan, 0) + COALESCE(idx_scan, 0), n_tup_upd"
                    "  FROM pg_stat_user_tables WHERE relname = 'olopiste_case'"
                )
                return cr.fetchone()
        finally:
            conn.close()

    def both():
        # a server's statistics include a backend's work once it has been
        # idle for a while (PostgreSQL flushes them at most every 10 s)
        time.sleep(11)
        return {
            "primary": case_activity(options["db_port"]),
            "replica": case_activity(options["db_replica_port"]),
        }

    def change(before, after):
        return {
            side: (after[side][0] - before[side][0], after[side][1] - before[side][1])
            for side in after
        }

    try:
        # the web client's own requests, as the load test makes them
        manager = LoadClient(base, RUN_DB, "manager", "manager")
        manager.authenticate()
        dashboard = manager.call("olopiste.dashboard", "action_open")["res_id"]
        spec = {"result_html": {}, "chart_data": {}}
        say("reading the project dashboard three times as the manager")
        before = both()
        for _ in range(3):
            manager.call(
                "olopiste.dashboard", "web_read", [dashboard], specification=spec
            )
        read = change(before, both())
        case_ids = manager.call("olopiste.case", "search", [], limit=1)
        say(f"writing a note on case {case_ids} as the manager")
        before = both()
        manager.call(
            "olopiste.case", "write", case_ids, {"note": f"<p>{time.ctime()}</p>"}
        )
        write = change(before, both())
        finance = LoadClient(base, RUN_DB, "finance", "finance")
        finance.authenticate()
        project = finance.call("olopiste.project", "search", [], limit=1)[0]
        export = finance.call(
            "olopiste.report.export",
            "create",
            {"export": "funder_summary", "project_id": project},
        )
        report = finance.call("olopiste.report.export", "action_export", [export])[
            "report_name"
        ]
        say("downloading the funder summary (XLSX) as finance")
        before = both()
        content = finance.download(report, export)
        download = change(before, both())
    except LoadRpcError as error:
        fail(f"replica-check: {error}")
    print("| request | primary: case scans, updates | replica: case scans, updates |")
    print("| --- | --- | --- |")
    for label, result in (
        ("dashboard read x3", read),
        ("case write", write),
        (f"funder summary XLSX ({len(content)} bytes)", download),
    ):
        print(f"| {label} | {result['primary']} | {result['replica']} |")
    ok = (
        read["replica"][0] > 0
        and read["primary"] == (0, 0)
        and write["primary"][1] >= 1
        and write["replica"][0] == 0
        and content.startswith(b"PK")
        and download["replica"][0] > 0
        and download["primary"] == (0, 0)
    )
    say(
        "the dashboard and the export were served by the replica, the write by "
        "the primary"
        if ok
        else "NOT as expected: see the table"
    )
    return 0 if ok else 1


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    common = argparse.ArgumentParser(add_help=False)
    common.add_argument(
        "--odoo-src",
        help="where to set Odoo 18.0 up from when `odoo` is not importable: a "
        "checkout, a source archive or its URL (default: $OLOPISTE_ODOO_SRC, "
        "else Odoo's 18.0 source archive)",
    )
    sub = parser.add_subparsers(dest="command", required=True)
    run = sub.add_parser(
        "run", parents=[common], help="set up and start Olopiste with demo data"
    )
    run.add_argument("--update", action="store_true", help="update the addons first")
    run.add_argument(
        "--workers",
        type=int,
        default=0,
        metavar="N",
        help="Odoo's prefork server: N HTTP workers, a cron worker and the "
        "websocket port (default: one process)",
    )
    run.add_argument(
        "--replica",
        action="store_true",
        help="also start a streaming read replica of the cluster and send "
        "read-only requests to it",
    )
    run.set_defaults(func=cmd_run)
    test = sub.add_parser(
        "test", parents=[common], help="run every test on a fresh database"
    )
    test.add_argument("pytest_args", nargs="*", help="extra pytest arguments")
    test.set_defaults(func=cmd_test)
    bench = sub.add_parser(
        "bench", parents=[common], help="run the benchmarks under tests/bench"
    )
    bench.add_argument(
        "--scales",
        default="1,10,100",
        help="sizes to measure at, in multiples of the reference case "
        "(default 1,10,100: about 8 minutes on two cores)",
    )
    bench.add_argument("pytest_args", nargs="*", help="extra pytest arguments")
    bench.set_defaults(func=cmd_bench)
    generate = sub.add_parser(
        "generate",
        parents=[common],
        help="create synthetic projects shaped like the reference case",
    )
    generate.add_argument("--scale", type=float, default=1.0, help="1 = 134 clients")
    generate.add_argument("--seed", type=int, default=1)
    generate.add_argument(
        "--projects",
        type=int,
        help="share the clients out over this many projects "
        "(default: one reference-sized project per 134 clients)",
    )
    generate.add_argument(
        "--database", default=RUN_DB, help=f"database (default {RUN_DB!r}, as `run`)"
    )
    generate.set_defaults(func=cmd_generate)
    i18n = sub.add_parser(
        "i18n",
        parents=[common],
        help="export the .pot files and merge them into "
        + ", ".join(f"{language}.po" for language in LANGUAGES),
    )
    i18n.set_defaults(func=cmd_i18n)
    replica = sub.add_parser(
        "replica-check",
        parents=[common],
        help="beside `run --workers N --replica`: show that the dashboard is read "
        "from the replica and a case written on the primary",
    )
    replica.set_defaults(func=cmd_replica_check)
    add_load_parser(sub, [common])
    args = parser.parse_args()
    if args.command == "run" and args.workers < 0:
        parser.error("--workers must be 0 (one process) or more")
    for signum in (signal.SIGTERM, signal.SIGHUP):
        signal.signal(signum, _raise_on_signal)
    try:
        ensure_odoo(args.odoo_src, [str(Path(__file__).resolve()), *sys.argv[1:]])
        sys.exit(args.func(args))
    except KeyboardInterrupt:
        fail("interrupted; the cluster was stopped and removed", code=130)


if __name__ == "__main__":
    main()
