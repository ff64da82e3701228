# Copyright 2026 Olopiste contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""`python3 scripts/olopiste.py load`: many users at once, and faults.

Olopiste runs in Odoo's prefork server on 127.0.0.1, on a database of its
own with generated data (10× the reference case) and Odoo's `crm` as the
baseline. Each simulated user is a real user of that database, logged in
over HTTP with a session of its own, calling the routes the web client
calls (JSON-RPC, and the report download with its CSRF token). A user is a
thread that repeats its role's actions, with a pause between them, until
the run's time is up; every request has a timeout.

After the run the data is checked against what the users were told:
every attendance save that succeeded is there once, none that failed is,
each case's hours are the sum of its rows, each stage move that succeeded
is in the case's tracking, each case opened left one audit line naming
the audited fields it read (and no other read of those users left one),
and no client has two open cases in one project. Any difference fails the
command.

`load --faults` runs each fault as a scenario of its own, each followed by
the same check: an HTTP worker killed while saves are in flight, PostgreSQL
restarted mid-run, two users saving one session at once, one save sent
twice, and two users moving one case at once (a serialization failure).
"""

import collections
import contextlib
import datetime
import functools
import http.cookiejar
import json
import math
import os
import random
import re
import secrets
import signal
import subprocess
import tempfile
import threading
import time
import urllib.error
import urllib.parse
import urllib.request
from pathlib import Path

from olopiste_bootstrap import fail, say

SCALE = 10  # times the reference case
SESSION_SIZE = 20
REQUEST_TIMEOUT = 120  # seconds a request may take
THINK = (0.5, 1.5)  # seconds a user pauses between actions
SAVE_TRIES = 3  # an attendance save sent again after a lost answer
OPEN_STAGES = ("encounter", "mapping", "engagement")
ROLES = (("worker", 0.7), ("manager", 0.15), ("finance", 0.15))
MIX = {
    "worker": (
        ("kanban", 3),
        ("open case", 3),
        ("move stage", 2),
        ("attendance", 2),
        ("note", 2),
    ),
    "manager": (("dashboard", 1), ("case pivot", 2)),
    "finance": (("funder summary", 1), ("participant list", 1)),
    "sales": (
        ("pipeline", 3),
        ("open lead", 3),
        ("move lead stage", 2),
        ("lead note", 2),
    ),
}
BASELINE = {
    "kanban": "pipeline",
    "open case": "open lead",
    "move stage": "move lead stage",
    "note": "lead note",
}
# the errors of a lost database connection, which Olopiste's web client
# explains in words: read from the file that registers its dialog for them
CONNECTION_LOST_JS = (
    Path(__file__).resolve().parent.parent
    / "olopiste_case/static/src/errors/connection_lost_dialog.js"
)
# what the web client shows as a message, not as a traceback
USER_ERRORS = {
    "odoo.exceptions.UserError",
    "odoo.exceptions.ValidationError",
    "odoo.exceptions.AccessError",
    "odoo.exceptions.MissingError",
    "odoo.exceptions.RedirectWarning",
    *re.findall(r'"(psycopg2[\w.]+)"', CONNECTION_LOST_JS.read_text()),
}


def add_parser(sub, parents):
    load = sub.add_parser(
        "load",
        parents=parents,
        help="many users at once on generated data in prefork mode, beside "
        "crm.lead as a baseline; with --faults, the fault scenarios",
    )
    load.add_argument("--users", type=int, default=50, help="(default 50)")
    load.add_argument(
        "--seconds", type=float, default=180, help="of each run (default 180)"
    )
    load.add_argument(
        "--workers", type=int, default=4, help="HTTP worker processes (default 4)"
    )
    load.add_argument(
        "--scale",
        type=float,
        help=f"(default {SCALE:g}; with --faults 1: one project, whose case "
        "workers share its sessions and cases)",
    )
    load.add_argument(
        "--faults",
        action="store_true",
        help="run the fault scenarios instead of the load and the baseline",
    )
    load.set_defaults(func=cmd_load)


# --------------------------------------------------------------------------
# a user over HTTP


# HTTP answers whose non-JSON body the web client reports as a lost connection
CONNECTION_LOST_ANSWERS = ("HTTP 404", "HTTP 502", "HTTP 503")


def _is_json(body):
    try:
        json.loads(body)
    except ValueError:
        return False
    return True


class RpcError(Exception):
    def __init__(self, kind, message="", body=b""):
        super().__init__(f"{kind}: {message}" if message else kind)
        self.kind = kind
        self.message = message
        self.body = body


class Client:
    """One web client: its own cookies (session), JSON-RPC and downloads."""

    def __init__(self, base, database, login, password):
        self.base = base
        self.database = database
        self.login = login
        self.password = password
        self.opener = urllib.request.build_opener(
            urllib.request.HTTPCookieProcessor(http.cookiejar.CookieJar())
        )
        self.uid = None
        self.context = {}
        self.csrf_token = None
        self.views = {}

    def _open(self, request):
        try:
            with self.opener.open(request, timeout=REQUEST_TIMEOUT) as response:
                return response.read()
        except urllib.error.HTTPError as error:
            body = error.read()
            raise RpcError(
                f"HTTP {error.code}", body.decode(errors="replace")[:200], body
            ) from error
        except (OSError, urllib.error.URLError) as error:
            reason = getattr(error, "reason", error)
            raise RpcError(f"connection ({type(reason).__name__})") from error

    def rpc(self, path, params):
        body = json.dumps({"jsonrpc": "2.0", "method": "call", "params": params})
        request = urllib.request.Request(
            self.base + path, body.encode(), {"Content-Type": "application/json"}
        )
        try:
            reply = json.loads(self._open(request))
        except RpcError as error:
            # An answer that is not JSON (Odoo's 404 page while it cannot
            # reach the database to route a request, a proxy's 502/503) is
            # what the web client turns into its "Connection lost. Trying
            # to reconnect..." notice, retrying until the server answers
            # (rpc.js, ConnectionLostError); a 500 stays a server error.
            if error.kind in CONNECTION_LOST_ANSWERS and not _is_json(error.body):
                raise RpcError(
                    f"connection lost ({error.kind})", "shown as connection lost"
                ) from error
            raise
        if "error" in reply:
            data = reply["error"].get("data") or {}
            name = data.get("name", "unknown")
            kind = "message" if name in USER_ERRORS else "server error"
            raise RpcError(f"{kind} ({name.rsplit('.', 1)[-1]})", data.get("message"))
        return reply["result"]

    def call(self, model, method, *args, **kwargs):
        kwargs.setdefault("context", self.context)
        return self.rpc(
            f"/web/dataset/call_kw/{model}/{method}",
            {"model": model, "method": method, "args": list(args), "kwargs": kwargs},
        )

    def button(self, model, method, ids):
        return self.rpc(
            "/web/dataset/call_button",
            {
                "model": model,
                "method": method,
                "args": [ids],
                "kwargs": {"context": self.context},
            },
        )

    def authenticate(self):
        info = self.rpc(
            "/web/session/authenticate",
            {"db": self.database, "login": self.login, "password": self.password},
        )
        self.uid = info["uid"]
        self.context = info["user_context"]
        # the page the web client starts from carries the CSRF token that its
        # form posts (the report download) send
        page = self._open(urllib.request.Request(self.base + "/odoo")).decode()
        match = re.search(r'csrf_token: "([0-9a-f]+o[0-9]+)"', page)
        if not match:
            raise RpcError("no CSRF token on /odoo")
        self.csrf_token = match.group(1)

    def spec(self, model, view_type):
        """What the web client reads for a record of the view (loaded once)."""
        key = (model, view_type)
        if key not in self.views:
            views = self.call(model, "get_views", [[False, view_type]])
            fields = views["models"][model]["fields"]
            self.views[key] = {
                name: {"fields": {"display_name": {}}}
                if field["type"] in ("many2one", "many2many", "one2many")
                else {}
                for name, field in fields.items()
            }
        return self.views[key]

    def download(self, report_name, record_id):
        data = json.dumps([f"/report/xlsx/{report_name}/{record_id}", "xlsx"])
        body = urllib.parse.urlencode(
            {
                "data": data,
                "context": json.dumps(self.context),
                "token": "load",
                "csrf_token": self.csrf_token,
            }
        ).encode()
        content = self._open(
            urllib.request.Request(self.base + "/report/download", body)
        )
        if not content.startswith(b"PK"):
            raise RpcError("not a spreadsheet", content[:200].decode(errors="replace"))
        return content


# --------------------------------------------------------------------------
# what the users do


class Ledger:
    """What every user was told: timings, errors and the saves to check."""

    def __init__(self):
        self.lock = threading.Lock()
        self.times = collections.defaultdict(list)
        self.errors = collections.defaultdict(collections.Counter)
        self.samples = {}  # an error kind's first message
        self.saves = []  # (event_id, {case_id: hours or None}, saved)
        self.moves = []  # (case_id, stage_id)
        self.opened = collections.Counter()  # (uid, case_id, audited fields)
        self.retried = 0

    def record(self, operation, seconds, error=None):
        with self.lock:
            if error is None:
                self.times[operation].append(seconds)
            else:
                self.errors[operation][error.kind] += 1
                self.samples.setdefault(error.kind, error.message)


class User:
    def __init__(self, client, role, plan, ledger, rng):
        self.client = client
        self.role = role
        self.plan = plan  # this user's cases, sessions and stages (setup)
        self.ledger = ledger
        self.rng = rng

    def run(self, deadline, operations=None):
        names, weights = zip(*MIX[self.role], strict=True)
        while time.monotonic() < deadline:
            operation = (
                self.rng.choice(operations)
                if operations
                else self.rng.choices(names, weights)[0]
            )
            if operation == "attendance" and not self.plan["sessions"]:
                operation = "kanban"
            started = time.monotonic()
            try:
                getattr(self, "do_" + operation.replace(" ", "_"))()
            except RpcError as error:
                self.ledger.record(operation, 0, error)
            else:
                self.ledger.record(operation, time.monotonic() - started)
            time.sleep(
                max(0.0, min(self.rng.uniform(*THINK), deadline - time.monotonic()))
            )

    # case workers

    def _kanban(self, model, domain):
        client = self.client
        spec = client.spec(model, "kanban")
        groups = client.call(
            model, "web_read_group", domain, [], ["stage_id"], lazy=True
        )["groups"]
        for group in groups:
            client.call(
                model, "web_search_read", group["__domain"], spec, limit=40
            )  # each column, as the web client reads them

    def do_kanban(self):
        self._kanban("olopiste.case", [])

    def do_open_case(self):
        case = self.rng.choice(self.plan["cases"])
        spec = self.client.spec("olopiste.case", "form")
        self.client.call("olopiste.case", "web_read", [case], spec)
        # the form reads the audited fields its user may see (the view gives
        # a user only those): one audit line naming exactly them
        fields = ",".join(sorted(set(spec).intersection(self.plan["audited"])))
        with self.ledger.lock:
            self.ledger.opened[(self.client.uid, case, fields)] += 1

    def do_move_stage(self):
        case = self.rng.choice(self.plan["cases"])
        stage = self.rng.choice(
            [s for s in self.plan["stages"] if s != self.plan["stage_of"][case]]
        )
        self.client.call(
            "olopiste.case", "web_save", [case], {"stage_id": stage}, {"stage_id": {}}
        )
        self.plan["stage_of"][case] = stage
        with self.ledger.lock:
            self.ledger.moves.append((case, stage))

    def do_note(self):
        case = self.rng.choice(self.plan["cases"])
        self.client.call(
            "olopiste.case",
            "message_post",
            [case],
            body=f"Load note {secrets.token_hex(4)}",
            message_type="comment",
            subtype_xmlid="mail.mt_note",
        )

    def do_attendance(self):
        event = self.plan["sessions"].pop()
        entry, expected = self.open_attendance(event)
        self.save_attendance(event, entry, expected)

    def open_attendance(self, event, present_share=0.85):
        """Open a session's attendance screen and tick its rows; return the
        entry and what saving it records."""
        client = self.client
        action = client.button(
            "calendar.event", "action_olopiste_record_attendance", [event]
        )
        entry = action["res_id"]
        spec = {
            "hours": {},
            "headcount": {},
            "line_ids": {"fields": {"case_id": {}, "present": {}, "hours": {}}},
        }
        lines = client.call("olopiste.attendance.entry", "web_read", [entry], spec)[0]
        commands, expected = [], {}
        for line in lines["line_ids"]:
            present = self.rng.random() < present_share
            hours = self.rng.choice((1.5, 2.0, lines["hours"])) if present else 0.0
            commands.append([1, line["id"], {"present": present, "hours": hours}])
            expected[line["case_id"]] = hours if present else None
        client.call(
            "olopiste.attendance.entry",
            "web_save",
            [entry],
            {"line_ids": commands},
            {},
        )
        return entry, expected

    def save_attendance(self, event, entry, expected):
        """Press Save; when the answer is lost, press it again (a bounded
        number of times). The ledger gets what the user was finally told."""
        for attempt in range(1, SAVE_TRIES + 1):
            try:
                self.client.button("olopiste.attendance.entry", "action_save", [entry])
            except RpcError as error:
                if error.kind.startswith(("connection", "HTTP 5")) and (
                    attempt < SAVE_TRIES
                ):
                    with self.ledger.lock:
                        self.ledger.retried += 1
                    time.sleep(2)
                    continue
                with self.ledger.lock:
                    self.ledger.saves.append((event, expected, False))
                raise
            with self.ledger.lock:
                self.ledger.saves.append((event, expected, True))
            return

    # managers

    def do_dashboard(self):
        # the manager's own project (the menu's default is the running
        # project they last worked in; the generated projects have ended)
        client = self.client
        dashboard = client.call(
            "olopiste.dashboard", "create", {"project_id": self.plan["project"]}
        )
        client.call(
            "olopiste.dashboard",
            "web_read",
            [dashboard],
            {"result_html": {}, "chart_data": {}},
        )

    def do_case_pivot(self):
        self.client.call(
            "olopiste.case",
            "read_group",
            [],
            ["attendance_hours:sum"],
            ["area_id", "stage_id"],
            lazy=False,
        )

    # finance

    def _export(self, kind):
        client = self.client
        wizard = client.call(
            "olopiste.report.export",
            "create",
            {"export": kind, "project_id": self.plan["project"]},
        )
        action = client.button("olopiste.report.export", "action_export", [wizard])
        client.download(action["report_name"], wizard)

    def do_funder_summary(self):
        self._export("funder_summary")

    def do_participant_list(self):
        self._export("participants")

    # the baseline: Odoo's own leads

    def do_pipeline(self):
        self._kanban("crm.lead", [("type", "=", "opportunity")])

    def do_open_lead(self):
        lead = self.rng.choice(self.plan["cases"])
        self.client.call(
            "crm.lead", "web_read", [lead], self.client.spec("crm.lead", "form")
        )

    def do_move_lead_stage(self):
        lead = self.rng.choice(self.plan["cases"])
        stage = self.rng.choice(self.plan["stages"])
        self.client.call(
            "crm.lead", "web_save", [lead], {"stage_id": stage}, {"stage_id": {}}
        )

    def do_lead_note(self):
        lead = self.rng.choice(self.plan["cases"])
        self.client.call(
            "crm.lead",
            "message_post",
            [lead],
            body=f"Load note {secrets.token_hex(4)}",
            message_type="comment",
            subtype_xmlid="mail.mt_note",
        )


# --------------------------------------------------------------------------
# the database: generated data, the users and their sessions


def _batched(model, values, size=500):
    records = model.browse()
    for start in range(0, len(values), size):
        records |= model.create(values[start : start + size])
    return records


def populate(config, database, users, scale, sessions_each):
    """Generate the data and the users; return (password, plans by login)."""
    import odoo
    from odoo.modules.registry import Registry

    odoo.tools.config.parse_config(["-c", str(config), "--log-level=warn"])
    from odoo.addons.olopiste_case.tools import generate as generator

    rng = random.Random(17)
    password = secrets.token_urlsafe(12)
    with Registry(database).cursor() as cr:
        env = odoo.api.Environment(cr, odoo.SUPERUSER_ID, generator.CONTEXT)
        started = time.monotonic()
        counts = generator.generate(env, scale=scale, seed=1)
        say(
            f"generated {counts['projects']} projects, {counts['cases']} cases, "
            f"{counts['attendance']} attendance rows in "
            f"{time.monotonic() - started:.0f} s"
        )
        projects = env["olopiste.project"].browse(counts["project_ids"])
        stages = [
            env["olopiste.stage"].search([("kind", "=", kind)], limit=1).id
            for kind in OPEN_STAGES
        ]
        roles = []
        for role, share in ROLES:
            roles += [role] * max(1, round(users * share))
        roles = (roles * 2)[:users] if len(roles) < users else roles[:users]
        groups = {
            "worker": "olopiste_case.group_olopiste_worker",
            "manager": "olopiste_case.group_olopiste_manager",
            "finance": "olopiste_case.group_olopiste_finance",
            "sales": "sales_team.group_sale_salesman_all_leads",
        }
        logins = [f"load.{role}{i + 1:03d}" for i, role in enumerate(roles)]
        logins += [f"load.sales{i + 1:03d}" for i in range(users)]
        all_roles = [*roles, *["sales"] * users]
        people = env["res.users"].create(
            [
                {
                    "name": login.replace(".", " ").title(),
                    "login": login,
                    "email": f"{login}@example.invalid",
                    "groups_id": [(6, 0, [env.ref(groups[role]).id])],
                }
                for login, role in zip(logins, all_roles, strict=True)
            ]
        )
        # one hash for all: Odoo's hashing takes half a second a password
        hashed = env["res.users"]._crypt_context().hash(password)
        cr.execute(
            "UPDATE res_users SET password = %s WHERE id IN %s",
            (hashed, tuple(people.ids)),
        )
        plans = {}
        workers_of = collections.defaultdict(list)
        for index, (user, role) in enumerate(zip(people, all_roles, strict=True)):
            project = projects[index % len(projects)]
            plans[user.login] = {
                "role": role,
                "uid": user.id,
                "project": project.id,
                "cases": [],
                "sessions": [],
                "stages": stages,
                "stage_of": {},
                # what opening a case must leave in the audit trail
                "audited": sorted(env["olopiste.case"]._olopiste_audited_fields),
            }
            if role in ("worker", "manager", "finance"):
                project.user_ids = [(4, user.id)]
            if role == "worker":
                project.area_ids.user_ids = [(4, user.id)]
                workers_of[project].append(user)
        events = []
        for project, workers in workers_of.items():
            cases = env["olopiste.case"].search(
                [
                    ("project_id", "=", project.id),
                    ("stage_id", "in", stages),
                    ("date_exit", "=", False),
                ]
            )
            for index, worker in enumerate(workers):
                owned = cases[index :: len(workers)]
                plans[worker.login]["cases"] = owned.ids
                plans[worker.login]["stage_of"] = {c.id: c.stage_id.id for c in owned}
            every = env["olopiste.case"].search([("project_id", "=", project.id)])
            day, invited = _busiest_day(project, every)
            area = project.area_ids[:1]
            for worker in workers:
                for number in range(sessions_each):
                    start = f"{day} {8 + number % 8:02d}:00:00"
                    events.append(
                        (
                            worker.login,
                            {
                                "name": f"Load session {worker.login} {number + 1}",
                                "olopiste_kind": "theme_group",
                                "olopiste_project_id": project.id,
                                "olopiste_area_id": area.id,
                                # the project's workers help in each other's
                                "olopiste_user_ids": [(6, 0, [w.id for w in workers])],
                                "user_id": worker.id,
                                "start": start,
                                "stop": start.replace(
                                    f" {8 + number % 8:02d}:",
                                    f" {11 + number % 8:02d}:",
                                ),
                                "olopiste_case_ids": [
                                    (6, 0, rng.sample(invited.ids, SESSION_SIZE))
                                ],
                            },
                        )
                    )
        created = _batched(env["calendar.event"], [values for _l, values in events])
        for (login, _values), event in zip(events, created, strict=True):
            plans[login]["sessions"].append(event.id)
        if "crm.lead" in env:
            team = env["crm.team"].create({"name": "Load team"})
            lead_stages = env["crm.stage"].search([]).ids
            leads = _batched(
                env["crm.lead"],
                [
                    {
                        "name": f"Load lead {i}",
                        "type": "opportunity",
                        "partner_name": f"Yritys {i} Oy",
                        "team_id": team.id,
                        "stage_id": lead_stages[i % len(lead_stages)],
                        "expected_revenue": 1000 + i,
                    }
                    for i in range(counts["cases"])
                ],
            )
            sales = [p for p in plans.values() if p["role"] == "sales"]
            for index, plan in enumerate(sales):
                plan["cases"] = leads.ids[index :: len(sales)]
                plan["stages"] = lead_stages
        cr.commit()
        say(f"{len(people)} users and {len(created)} sessions to record")
    odoo.sql_db.close_all()
    return password, plans


def _busiest_day(project, cases):
    """The day of the project with most open cases, and those cases."""
    best_day, best = None, cases.browse()
    day = project.date_start
    while day < project.date_end:
        open_cases = cases.filtered(
            lambda c, d=day: c.date_entry <= d and (not c.date_exit or c.date_exit >= d)
        )
        if len(open_cases) > len(best):
            best_day, best = day, open_cases
        day += datetime.timedelta(days=30)
    return best_day, best


# --------------------------------------------------------------------------
# the server


class Server:
    def __init__(self, olo, config, database, workers, logfile):
        self.olo = olo
        self.command = olo.odoo_server_command(
            config,
            "-d", database,
            "--http-interface=127.0.0.1", f"--http-port={olo.HTTP_PORT}",
            "--log-level=warn", f"--logfile={logfile}",
            *olo.prefork_options(workers),
        )  # fmt: skip
        self.base = f"http://127.0.0.1:{olo.HTTP_PORT}"
        self.process = None

    def start(self):
        self.process = subprocess.Popen(self.command)
        deadline = time.monotonic() + 120
        while time.monotonic() < deadline:
            if self.process.poll() is not None:
                fail("the Odoo server stopped while starting; see its log")
            with contextlib.suppress(OSError):
                urllib.request.urlopen(self.base + "/web/login", timeout=10).read()
                return
            time.sleep(1)
        fail("the Odoo server did not answer within 120 s")

    def stop(self):
        if self.process and self.process.poll() is None:
            self.process.terminate()
            try:
                self.process.wait(timeout=60)
            except subprocess.TimeoutExpired:
                self.process.kill()
                self.process.wait(timeout=30)

    def busy_worker(self):
        """The pid of a worker process serving a request now, or None."""
        inodes = set()
        for table in ("/proc/net/tcp", "/proc/net/tcp6"):
            with contextlib.suppress(OSError), open(table) as lines:
                for line in list(lines)[1:]:
                    fields = line.split()
                    port = int(fields[1].rsplit(":", 1)[1], 16)
                    if port == self.olo.HTTP_PORT and fields[3] == "01":
                        inodes.add(f"socket:[{fields[9]}]")
        for child in _children(self.process.pid):
            with contextlib.suppress(OSError):
                for fd in os.listdir(f"/proc/{child}/fd"):
                    with contextlib.suppress(OSError):
                        if os.readlink(f"/proc/{child}/fd/{fd}") in inodes:
                            return child
        return None


def _children(pid):
    found = []
    with contextlib.suppress(OSError):
        for task in os.listdir(f"/proc/{pid}/task"):
            with open(f"/proc/{pid}/task/{task}/children") as children:
                found += [int(c) for c in children.read().split()]
    return found


# --------------------------------------------------------------------------
# a run


def login_all(base, database, password, plans, logins, ledger):
    """Log every user in, a few at a time; return their Users."""
    users, lock = [], threading.Lock()

    def login(login):
        client = Client(base, database, login, password)
        started = time.monotonic()
        try:
            client.authenticate()
        except RpcError as error:
            ledger.record("login", 0, error)
            return
        ledger.record("login", time.monotonic() - started)
        user = User(
            client, plans[login]["role"], plans[login], ledger, random.Random(login)
        )
        with lock:
            users.append(user)

    _in_threads(login, logins, width=8)
    return users


def _in_threads(function, items, width=None):
    """Run `function` on every item, `width` threads at a time (default all)."""
    items = list(items)
    width = width or len(items) or 1
    for start in range(0, len(items), width):
        threads = [
            threading.Thread(target=function, args=(item,), daemon=True)
            for item in items[start : start + width]
        ]
        for thread in threads:
            thread.start()
        for thread in threads:
            thread.join(timeout=REQUEST_TIMEOUT * 4)


def run_users(users, seconds, operations=None):
    """Every user repeats its actions until `seconds` have passed."""
    started = time.monotonic()
    deadline = started + seconds
    _in_threads(lambda user: user.run(deadline, operations), users)
    return time.monotonic() - started


def percentile(values, share):
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, math.ceil(share * len(ordered)) - 1)]


def report(title, ledger, elapsed):
    print(f"\n{title} ({elapsed:.0f} s)\n")
    print("| operation | count | per second | p50 ms | p95 ms | p99 ms | errors |")
    print("| --- | ---: | ---: | ---: | ---: | ---: | --- |")
    summary = {}
    for operation in sorted(set(ledger.times) | set(ledger.errors)):
        times = ledger.times.get(operation) or [0.0]
        errors = ledger.errors.get(operation, {})
        count = len(ledger.times.get(operation, ()))
        row = {
            "count": count,
            "rate": count / elapsed,
            "p50": percentile(times, 0.5) * 1000,
            "p95": percentile(times, 0.95) * 1000,
            "p99": percentile(times, 0.99) * 1000,
        }
        summary[operation] = row
        print(
            f"| {operation} | {count} | {row['rate']:.2f} | {row['p50']:.0f} | "
            f"{row['p95']:.0f} | {row['p99']:.0f} | "
            + (", ".join(f"{kind} ×{n}" for kind, n in errors.items()) or "–")
            + " |"
        )
    for kind, message in ledger.samples.items():
        print(f"\n{kind}: {(message or '').strip()[:300]}")
    return summary


# --------------------------------------------------------------------------
# the check


def check_data(connect, ledger, since):
    """Compare the database with what the users were told; return the
    differences (an empty list when there is none)."""
    problems = []
    conn = connect()
    try:
        with conn.cursor() as cr:
            by_event = collections.defaultdict(list)
            for event, expected, saved in ledger.saves:
                by_event[event].append((expected, saved))
            if by_event:
                cr.execute(
                    "SELECT event_id, case_id, state, hours FROM olopiste_attendance"
                    " WHERE event_id IN %s",
                    (tuple(by_event),),
                )
                rows = collections.defaultdict(list)
                for event, case, state, hours in cr.fetchall():
                    rows[event].append((case, state, round(hours, 2)))
            for event, outcomes in by_event.items():
                found = sorted(rows.get(event, []))
                wanted = [
                    sorted(
                        (case, "attended", round(hours, 2))
                        if hours is not None
                        else (case, "absent", 0.0)
                        for case, hours in expected.items()
                    )
                    for expected, saved in outcomes
                    if saved
                ]
                if wanted and found not in wanted:
                    problems.append(
                        f"session {event}: saved, but the rows differ "
                        f"({len(found)} rows, {len(wanted[0])} saved)"
                    )
                elif not wanted and found:
                    problems.append(
                        f"session {event}: the save failed, yet {len(found)} rows exist"
                    )
            cr.execute(
                """
                SELECT c.id FROM olopiste_case c
                  LEFT JOIN (SELECT case_id, SUM(hours) AS hours
                               FROM olopiste_attendance WHERE state = 'attended'
                              GROUP BY case_id) a ON a.case_id = c.id
                 WHERE ABS(COALESCE(c.attendance_hours, 0) - COALESCE(a.hours, 0))
                       > 0.001
                """
            )
            wrong = [row[0] for row in cr.fetchall()]
            if wrong:
                problems.append(
                    f"{len(wrong)} cases' hours differ from their rows: {wrong[:10]}"
                )
            moved = {case for case, _stage in ledger.moves}
            if moved:
                cr.execute(
                    """
                    SELECT m.res_id, v.new_value_integer
                      FROM mail_tracking_value v
                      JOIN mail_message m ON m.id = v.mail_message_id
                      JOIN ir_model_fields f ON f.id = v.field_id
                     WHERE m.model = 'olopiste.case' AND m.res_id IN %s
                       AND f.model = 'olopiste.case' AND f.name = 'stage_id'
                    """,
                    (tuple(moved),),
                )
                tracked = set(cr.fetchall())
                missing = [move for move in ledger.moves if move not in tracked]
                if missing:
                    problems.append(
                        f"{len(missing)} stage moves are not in the tracking: "
                        f"{missing[:10]}"
                    )
            if ledger.opened:
                cr.execute(
                    "SELECT user_id, res_id, field_names, COUNT(*)"
                    "  FROM olopiste_audit_log"
                    " WHERE res_model = 'olopiste.case' AND operation = 'read'"
                    "   AND create_date >= %s AND user_id IN %s"
                    " GROUP BY user_id, res_id, field_names",
                    (since, tuple({key[0] for key in ledger.opened})),
                )
                logged = {
                    (uid, case, names): n for uid, case, names, n in cr.fetchall()
                }
                # every line read must be one the users' reads explain, and
                # every read must have its line, naming the fields it read
                differ = [
                    key
                    for key in set(ledger.opened) | set(logged)
                    if logged.get(key, 0) != ledger.opened.get(key, 0)
                ]
                if differ:
                    problems.append(
                        f"{len(differ)} case reads differ from their audit lines "
                        f"(user, case, fields): {differ[:5]}"
                    )
            cr.execute(
                "SELECT partner_id, project_id FROM olopiste_case"
                " WHERE active AND date_exit IS NULL"
                " GROUP BY partner_id, project_id HAVING COUNT(*) > 1"
            )
            doubled = cr.fetchall()
            if doubled:
                problems.append(
                    f"{len(doubled)} clients have two open cases in one project"
                )
    finally:
        conn.close()
    return problems


def server_errors(ledger):
    return sum(
        n
        for errors in ledger.errors.values()
        for kind, n in errors.items()
        if kind.startswith(("server error", "HTTP 5"))
    )


# --------------------------------------------------------------------------
# the fault scenarios


def _pairs(users):
    """Two users of one project at a time (the project's workers share its
    sessions)."""
    by_project = collections.defaultdict(list)
    for user in users:
        if user.role == "worker" and user.plan["sessions"] and user.plan["cases"]:
            by_project[user.plan["project"]].append(user)
    pairs = []
    for group in by_project.values():
        pairs += [(group[i], group[i + 1]) for i in range(0, len(group) - 1, 2)]
    return pairs[:4]


def _at_once(*calls):
    """Run the calls in threads released at the same moment; return each
    call's RpcError or None."""
    barrier = threading.Barrier(len(calls), timeout=60)
    outcomes = [None] * len(calls)

    def run(index):
        barrier.wait()
        try:
            calls[index]()
        except RpcError as error:
            outcomes[index] = error

    _in_threads(run, range(len(calls)))
    return outcomes


def _tally(ledger, operation, outcomes):
    for error in outcomes:
        ledger.record(operation, 0, error)


def fault_double_save(users, ledger, server, cluster):
    """The same attendance save sent twice at once (a double click or a
    retried request)."""
    for user, _other in _pairs(users):
        event = user.plan["sessions"].pop()
        screen = user.open_attendance(event)
        save = functools.partial(user.save_attendance, event, *screen)
        _tally(ledger, "double save", _at_once(save, save))


def fault_same_session(users, ledger, server, cluster):
    """Two workers save one session's attendance at the same moment."""
    for first, second in _pairs(users):
        event = first.plan["sessions"].pop()
        saves = [
            functools.partial(user.save_attendance, event, *user.open_attendance(event))
            for user in (first, second)
        ]
        _tally(ledger, "same session", _at_once(*saves))


def fault_serialization(users, ledger, server, cluster):
    """Two workers move one case at the same moment: one transaction meets
    the other's update (a serialization failure) and Odoo runs it again."""

    def move(user, case, stage):
        user.client.call(
            "olopiste.case", "web_save", [case], {"stage_id": stage}, {"stage_id": {}}
        )
        with ledger.lock:
            ledger.moves.append((case, stage))

    for first, second in _pairs(users):
        case = first.plan["cases"][0]
        current = first.plan["stage_of"].get(case)
        one, two = [s for s in first.plan["stages"] if s != current][:2]
        _tally(
            ledger,
            "same case",
            _at_once(
                functools.partial(move, first, case, one),
                functools.partial(move, second, case, two),
            ),
        )


def _attendance_while(users, seconds, fault, after):
    """The workers record attendance for `seconds`; `fault` happens `after`
    seconds in."""
    workers = [u for u in users if u.role == "worker" and u.plan["sessions"]]
    timer = threading.Timer(after, fault)
    timer.start()
    try:
        run_users(workers, seconds, operations=["attendance"])
    finally:
        timer.cancel()


def fault_worker_killed(users, ledger, server, cluster):
    """SIGKILL of one HTTP worker while attendance saves are in flight."""
    killed = []

    def kill():
        deadline = time.monotonic() + 10
        while time.monotonic() < deadline and not killed:
            pid = server.busy_worker()
            if pid:
                os.kill(pid, signal.SIGKILL)
                killed.append(pid)
            time.sleep(0.05)

    _attendance_while(users, 20, kill, 5)
    say(f"killed HTTP worker {killed or 'none (no request was in flight)'}")


def fault_postgres_restart(users, ledger, server, cluster):
    """PostgreSQL stopped (fast shutdown) and started again mid-run."""

    def restart():
        started = time.monotonic()
        cluster._run(
            cluster.bindir / "pg_ctl", "-D", cluster.data, "-m", "fast", "-w",
            "-t", "60", "restart", capture_output=True,
        )  # fmt: skip
        say(f"PostgreSQL restarted in {time.monotonic() - started:.1f} s")

    _attendance_while(users, 25, restart, 5)


FAULTS = (
    ("double save", fault_double_save),
    ("same session", fault_same_session),
    ("serialization failure", fault_serialization),
    ("HTTP worker killed", fault_worker_killed),
    ("PostgreSQL restart", fault_postgres_restart),
)


# --------------------------------------------------------------------------
# the command


def cmd_load(args):
    import olopiste as olo  # the main script, for its set-up
    import psycopg2  # installed with Odoo

    if args.scale is None:
        args.scale = 1 if args.faults else SCALE
    if args.users < 2 or args.seconds <= 0:
        fail("--users must be 2 or more and --seconds more than 0")
    settings = olo.prepare(need_browser=False)
    work = Path(
        tempfile.mkdtemp(prefix="olopiste-load-", dir=os.environ.get("OLOPISTE_HOME"))
    )
    os.chmod(work, 0o755)
    cluster = server = None
    try:
        if settings is None:
            cluster = olo.Cluster(work / "postgresql", throwaway=True)
            cluster.init()
            cluster.start()
            settings = cluster.settings()
        elif args.faults:
            fail("--faults restarts a cluster of our own: run it without PGHOST")
        config = work / "odoo.conf"
        olo.write_config(config, settings, work / "filestore")
        database = f"olopiste_load_{secrets.token_hex(4)}"
        olo.install_addons(
            config, database, work / "install.log", extra_modules=("crm",)
        )
        sessions_each = 30 if args.faults else math.ceil(args.seconds / 8) + 2
        password, plans = populate(
            config, database, args.users, args.scale, sessions_each
        )
        server = Server(olo, config, database, args.workers, work / "server.log")
        server.start()

        def connect():
            return psycopg2.connect(
                host=settings["db_host"],
                port=settings["db_port"],
                user=settings["db_user"],
                password=settings["db_password"],
                dbname=database,
            )

        roles = {login: plan["role"] for login, plan in plans.items()}
        olopiste_logins = [login for login, role in roles.items() if role != "sales"]
        sales_logins = [login for login, role in roles.items() if role == "sales"]
        return (
            run_faults(server, cluster, database, password, plans, olopiste_logins, connect)
            if args.faults
            else run_load(args, server, database, password, plans, olopiste_logins,
                          sales_logins, connect)
        )  # fmt: skip
    finally:
        if server:
            server.stop()
        if cluster:
            cluster.stop()
        import shutil

        shutil.rmtree(work, ignore_errors=True)


def _since(connect):
    conn = connect()
    try:
        with conn.cursor() as cr:
            cr.execute("SELECT now() AT TIME ZONE 'UTC'")
            return cr.fetchone()[0]
    finally:
        conn.close()


def run_load(args, server, database, password, plans, logins, sales_logins, connect):
    since = _since(connect)
    ledger = Ledger()
    say(f"logging in {len(logins)} users of Olopiste")
    users = login_all(server.base, database, password, plans, logins, ledger)
    say(f"{len(users)} users work for {args.seconds:.0f} s")
    elapsed = run_users(users, args.seconds)
    ours = report(f"Olopiste, {len(users)} users", ledger, elapsed)
    baseline_ledger = Ledger()
    say(f"baseline: logging in {len(sales_logins)} users of crm.lead")
    sales = login_all(
        server.base, database, password, plans, sales_logins, baseline_ledger
    )
    elapsed = run_users(sales, args.seconds)
    theirs = report(f"crm.lead baseline, {len(sales)} users", baseline_ledger, elapsed)
    print("\n| operation | baseline | p50 ratio | p95 ratio |")
    print("| --- | --- | ---: | ---: |")
    for operation, other in BASELINE.items():
        a, b = ours.get(operation), theirs.get(other)
        if a and b and b["p50"] and b["p95"]:
            print(
                f"| {operation} | {other} | {a['p50'] / b['p50']:.2f} | "
                f"{a['p95'] / b['p95']:.2f} |"
            )
    problems = check_data(connect, ledger, since)
    saves = len(ledger.saves)
    saved = sum(1 for *_rest, ok in ledger.saves if ok)
    say(
        f"data check: {saved} of {saves} attendance saves succeeded "
        f"({ledger.retried} sent again), {len(ledger.moves)} stage moves, "
        f"{sum(ledger.opened.values())} cases opened: "
        + ("no difference" if not problems else "DIFFERENCES")
    )
    for problem in problems:
        say("  " + problem)
    errors = server_errors(ledger) + server_errors(baseline_ledger)
    if errors:
        say(f"{errors} requests ended in a server error (a traceback to the user)")
    return 1 if problems or errors else 0


def run_faults(server, cluster, database, password, plans, logins, connect):
    failed = False
    rows = []
    for name, scenario in FAULTS:
        if cluster is None and name == "PostgreSQL restart":
            continue
        say(f"fault: {name}")
        since = _since(connect)
        ledger = Ledger()
        users = login_all(server.base, database, password, plans, logins, ledger)
        ledger.times.pop("login", None)
        scenario(users, ledger, server, cluster)
        problems = check_data(connect, ledger, since)
        seen = collections.Counter()
        for operation, times in ledger.times.items():
            seen[f"{operation}: success"] += len(times)
        for operation, errors in ledger.errors.items():
            for kind, n in errors.items():
                seen[f"{operation}: {kind}"] += n
        saves = [ok for *_rest, ok in ledger.saves]
        told = ", ".join(f"{k} ×{n}" for k, n in sorted(seen.items())) or "–"
        if not seen:
            # a scenario nobody took part in proves nothing
            problems.append(
                "nothing was tried: no two case workers share a project's "
                "sessions (more --users or a smaller --scale)"
            )
        outcome = "no difference" if not problems else "; ".join(problems)
        rows.append(
            (name, told, f"{saves.count(True)} saved, {saves.count(False)} refused, "
             f"{ledger.retried} sent again", outcome)
        )  # fmt: skip
        failed = failed or bool(problems) or bool(server_errors(ledger))
    print("\n| fault | what the users saw | attendance saves | data check |")
    print("| --- | --- | --- | --- |")
    for row in rows:
        print("| " + " | ".join(row) + " |")
    return 1 if failed else 0
