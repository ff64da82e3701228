# Copyright 2026 Olopiste contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""Every channel × every role, through real HTTP.

Each protected thing (a case, its special-category fields, its chatter, its
attachments, its referral and handover summary, its assessment, an attendance
row, the client's contact) is tried through every channel that can read or
change it — JSON-RPC ``call_kw`` with the web client's methods, the mail
controllers, ``/web/content``, the report and export routes, the handover
page — as each role. A refused cell must answer with an error (AccessError,
MissingError, Forbidden, 403/404/410, a redirect to the login) or nothing, and
no response may ever carry the unique marker string of something the role
must not read.

The cells this suite asserts are also written to ``security/ROLE_MATRIX.md``
(the part from ``## Channels`` on), by the same declarations the tests iterate.
"""

import base64
import inspect
import json
import logging
import re
import uuid
from collections import namedtuple
from contextlib import contextmanager
from datetime import timedelta
from urllib.parse import urlsplit

from odoo import fields, http
from odoo.tests import HttpCase, new_test_user, tagged

from .test_security_matrix import MATRIX_PATH, propose_matrix, split_matrix

_logger = logging.getLogger(__name__)

ROLES = (
    "student",
    "worker",
    "manager",
    "manager2",
    "finance",
    "plain",
    "portal",
    "public",
)
LOGINS = {role: f"ch_{role}" for role in ROLES if role != "public"}
LOGINS["worker2"] = "ch_worker2"
GROUPS = {
    "student": "olopiste_case.group_olopiste_student",
    "worker": "olopiste_case.group_olopiste_worker",
    "worker2": "olopiste_case.group_olopiste_worker",
    "manager": "olopiste_case.group_olopiste_manager,base.group_allow_export",
    "manager2": "olopiste_case.group_olopiste_manager",
    "finance": "olopiste_case.group_olopiste_finance",
    "plain": "base.group_user",
    "portal": "base.group_portal",
}
# the special-category and free-text fields a trainee or finance never reads
SENSITIVE_CASE_FIELDS = (
    "disability",
    "minority",
    "criminal_background",
    "note",
    "target_group_ids",
    "capacity_change",
)
UNGROUPABLE = {"note"}
REFUSAL_ERRORS = {
    "odoo.exceptions.AccessError",
    "odoo.exceptions.MissingError",
    "werkzeug.exceptions.Forbidden",
    "werkzeug.exceptions.NotFound",
    "odoo.http.SessionExpiredException",
}
# exporting at all is a right of its own (base.group_allow_export), refused
# with a UserError
EXPORT_REFUSAL_ERRORS = REFUSAL_ERRORS | {"odoo.exceptions.UserError"}
# read-only navigation: return an action dict, read or change nothing
NAVIGATION_METHODS = {
    "action_view_cases",
    "action_view_attendance",
    "action_view_assessment_graph",
    "action_open_record",
    "action_new_referral",
    "action_move_back",
    "get_import_templates",
}
# the ORM's own read API, which the audit mixin extends to log reads: what
# it hands out per role is asserted thing by thing by the tests above
ORM_READ_API = frozenset(
    {
        "read",
        "search_read",
        "web_read",
        "web_search_read",
        "read_group",
        "web_read_group",
        "export_data",
    }
)
# exporting needs base.group_allow_export: finance has it, and the fixture
# gives it to the manager so that an allowed export is tried too
EXPORTERS = frozenset({"manager", "finance"})
EXPORT_CHANNELS = ("export_data", "/web/export/csv", "/web/export/xlsx")
START = "2016-03-01 10:00:00"
STOP = "2016-03-01 12:00:00"

# -- the declarations: things, who may have them, and the channels tried ----

EVERYONE_ELSE = frozenset()
MANAGERS = frozenset({"manager"})
WORKERS = frozenset({"worker", "manager"})
WITH_STUDENT = frozenset({"student", "worker", "manager"})

# thing -> (roles allowed, roles not asserted); every other role is refused
THINGS = {
    "case cA": (WITH_STUDENT, ()),
    "case cA2": (WORKERS, ()),
    "case cB": (MANAGERS, ()),
    "sensitive fields of cA": (WORKERS, ()),
    "sensitive fields of cB": (MANAGERS, ()),
    "chatter of cA": (WORKERS, ()),
    "chatter of cB": (MANAGERS, ()),
    "attachment of cA": (WORKERS, ()),
    "attachment of cB": (MANAGERS, ()),
    "referral of cA": (WORKERS, ()),
    "referral of cB": (MANAGERS, ()),
    "referral chatter of cA": (WORKERS, ()),
    "referral chatter of cB": (MANAGERS, ()),
    "referral attachment of cA": (WORKERS, ()),
    "referral attachment of cB": (MANAGERS, ()),
    "handover summary of cA": (WORKERS, ()),
    "handover summary of cB": (MANAGERS, ()),
    "assessment of cA": (WORKERS, ()),
    "assessment of cB": (MANAGERS, ()),
    "attendance of E1 (cA)": (WITH_STUDENT, ()),
    "attendance of E2 (cB)": (MANAGERS, ()),
    "client partner of cA": (WORKERS, ("student",)),
    "client partner of cB": (MANAGERS, ("student",)),
    "access request of cA's client": (MANAGERS, ()),
}
# writing a case or a referral: trainees never
WRITE_OVERRIDES = {"case cA": WORKERS}

RPC_READ = (
    "read",
    "search_read",
    "web_search_read",
    "web_read",
    "read_group",
    "web_read_group",
    "export_data",
    "name_search",
)
RPC_WRITE = ("write", "message_post", "message_subscribe")
CHANNELS = {
    "case": (*RPC_READ, *RPC_WRITE, "create"),
    "sensitive": (
        *(c for c in RPC_READ if c != "name_search"),
        "search_count on the field",
        "/web/export/csv",
        "/web/export/xlsx",
    ),
    "chatter": (
        "mail.message search_read",
        "mail.message read",
        "/mail/thread/messages",
    ),
    "attachment": (
        "ir.attachment search_read",
        "ir.attachment read",
        "/web/content/<id>",
        "/web/content/<id>?download=true",
        "/mail/thread/data",
    ),
    "referral": (*RPC_READ, *RPC_WRITE),
    "summary": (
        "read",
        "search_read",
        "web_read",
        "export_data",
        "/web/content?field=handover_summary",
        "/report/html",
        "/report/pdf",
    ),
    "assessment": RPC_READ,
    "attendance": (*RPC_READ, "write"),
    "partner": ("read", "search_read", "web_search_read", "name_search"),
    "access_request": ("/report/html",),
}
# channels whose allowed cells are not asserted (rendering may be unavailable)
# channels whose answer carries the thing's text when allowed
CONTENT_CHANNELS = {
    "read",
    "search_read",
    "web_search_read",
    "web_read",
    "export_data",
    "mail.message search_read",
    "mail.message read",
    "/mail/thread/messages",
    "ir.attachment search_read",
    "ir.attachment read",
    "/web/content/<id>",
    "/web/content/<id>?download=true",
    "/report/html",
    "/web/export/csv",
}
UNASSERTED_WHEN_ALLOWED = {"/report/pdf", "/web/content?field=handover_summary"}


def thing_kind(thing):
    for prefix, kind in (
        ("case ", "case"),
        ("sensitive fields", "sensitive"),
        ("chatter", "chatter"),
        ("attachment", "attachment"),
        ("referral chatter", "chatter"),
        ("referral attachment", "attachment"),
        ("referral of", "referral"),
        ("handover summary", "summary"),
        ("assessment", "assessment"),
        ("attendance", "attendance"),
        ("client partner", "partner"),
        ("access request", "access_request"),
    ):
        if thing.startswith(prefix):
            return kind
    raise KeyError(thing)


def expectation(thing, channel, role):
    """'allowed', 'refused' or None (not asserted)."""
    allowed, unasserted = THINGS[thing]
    if channel in EXPORT_CHANNELS:
        allowed = allowed & EXPORTERS
    if channel in RPC_WRITE + ("create",) and thing in WRITE_OVERRIDES:
        allowed = WRITE_OVERRIDES[thing]
    if role in unasserted:
        return None
    if role in allowed:
        return None if channel in UNASSERTED_WHEN_ALLOWED else "allowed"
    return "refused"


# special cells asserted by dedicated tests (thing, channel, role -> cell)
SPECIAL_ROWS = (
    (
        "event inviting cB",
        "call_kw calendar.event create / write E1",
        {"worker": "refused", "manager": "allowed"},
    ),
    (
        "E2's workers and helpers",
        "call_kw calendar.event write olopiste_user_ids (+ read cB after)",
        {"worker": "refused"},
    ),
    (
        "project P's team and manager",
        "call_kw olopiste.project write user_ids / manager_id",
        {"manager2": "refused"},
    ),
    (
        "anonymisation",
        "call_kw olopiste.project action_anonymise_due",
        {"finance": "refused"},
    ),
    (
        "anonymous headcount of E1",
        "call_kw calendar.event write olopiste_headcount",
        {"finance": "refused"},
    ),
    (
        "client partners",
        "call_kw res.partner search_read is_olopiste_client",
        {"plain": "refused", "finance": "refused"},
    ),
    (
        "handover page",
        "/olopiste/handover/<id> with the valid token",
        {"portal": "allowed", "public": "allowed"},
    ),
    (
        "handover page",
        "wrong / other / expired / revoked / ended token, no token",
        {"portal": "refused", "public": "refused", "worker": "refused"},
    ),
    (
        "handover answer",
        "POST /olopiste/handover/<id>/answer with a dead link",
        {"public": "refused"},
    ),
    (
        "referral chatter by token",
        "/mail/chatter_fetch, /mail/message/post after expiry or end",
        {"public": "refused", "portal": "refused"},
    ),
    (
        "public methods of olopiste.*",
        "call_kw every public method (navigation allow-list)",
        {"student": "refused", "finance": "refused", "plain": "refused"},
    ),
)

CHANNELS_EXPLANATION = """\
Generated by `olopiste_case/tests/test_channels.py`, which tries each channel
through real HTTP as each role and fails when a cell does not hold; it fails
too when this section differs from its declarations. To update it, have the
tests write it elsewhere, review the difference and copy it here:
`OLOPISTE_SECURITY_MATRIX_OUT=/tmp/matrix python3 scripts/olopiste.py test -- -k channel`.

Channels tried: `call_kw` is JSON-RPC `/web/dataset/call_kw` with the named
ORM method (`read_group` and `web_read_group` grouped by the field itself;
`export_data` as the web client's export; `message_subscribe` with the
user's own partner); the other channels are HTTP routes: the mail controllers
(`/mail/thread/messages`, `/mail/thread/data`), `/web/content`, the report
routes `/report/html|pdf/<report>/<id>`, the export routes
`/web/export/csv|xlsx`, the handover page and its portal chatter. Sensitive
fields are, each on its own: `disability`, `minority`,
`criminal_background`, `note`, `target_group_ids`, `capacity_change`.
Roles: `student` trainee helping in activity E1; `worker` in area A of
project P; `manager` of P; `manager2` of another project only; `finance`;
`plain` internal user without an Olopiste role; `portal` contact person of the
receiving organisation; `public` not logged in. cA and cA2 are cases of area
A (cA invited to E1), cB of area B (invited to E2).

refused = an error (AccessError, MissingError, Forbidden, 403/404/410, a
redirect to the login) or an empty answer, and never the thing's marker text;
allowed = the thing is returned or changed; – = not asserted.
"""

Outcome = namedtuple("Outcome", "status body result error")


@tagged("post_install", "-at_install", "olopiste_security")
class TestChannels(HttpCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        env = cls.env
        cls.users = {
            role: new_test_user(env, login, groups=GROUPS[role], name=login)
            for role, login in LOGINS.items()
        }
        user = cls.users
        Project = env["olopiste.project"]
        cls.project = Project.create(
            {
                "name": "Channel project P",
                "code": "CH-P",
                "date_start": "2015-09-01",
                "manager_id": user["manager"].id,
                "user_ids": [
                    (6, 0, (user["worker"] | user["worker2"] | user["student"]).ids)
                ],
            }
        )
        cls.project_q = Project.create(
            {
                "name": "Channel project Q",
                "code": "CH-Q",
                "date_start": "2015-09-01",
                "manager_id": user["manager2"].id,
            }
        )
        Area = env["olopiste.area"]
        cls.area_a = Area.create(
            {
                "name": "Channel A",
                "project_id": cls.project.id,
                "user_ids": [(6, 0, (user["worker"] | user["student"]).ids)],
            }
        )
        cls.area_b = Area.create(
            {
                "name": "Channel B",
                "project_id": cls.project.id,
                "user_ids": [(6, 0, user["worker2"].ids)],
            }
        )
        cls.target_group = env["olopiste.target.group"].create(
            {"name": "Channel target group"}
        )
        cls.organisation = env["res.partner"].create(
            {
                "name": "Channel Receiving Org",
                "is_company": True,
                "is_olopiste_partner_org": True,
            }
        )
        user["portal"].partner_id.write(
            {"parent_id": cls.organisation.id, "email": "ch_portal@example.com"}
        )
        cls.work_trial = env.ref("olopiste_case.followon_type_work_trial")
        Partner = env["res.partner"]
        cls.cases = {}
        cls.referrals = {}
        cls.attachments = {}
        cls.referral_attachments = {}
        cls.assessments = {}
        for key, area, worker in (
            ("cA", cls.area_a, user["worker"]),
            ("cA2", cls.area_a, user["worker"]),
            ("cB", cls.area_b, user["worker2"]),
        ):
            client = Partner.create(
                {"name": f"Channel client {key}", "email": f"{key}@example.com"}
            )
            cls.cases[key] = env["olopiste.case"].create(
                {
                    "partner_id": client.id,
                    "project_id": cls.project.id,
                    "area_id": area.id,
                    "user_id": worker.id,
                    "date_entry": "2016-01-15",
                }
            )
        for key in ("cA", "cB"):
            cls._protect_case(key)
        # fresh clients for the roles' create attempts
        cls.new_clients = {
            role: Partner.create({"name": f"Channel new client {role}"})
            for role in ROLES
        }
        Event = env["calendar.event"]
        cls.event1 = Event.create(
            {
                "name": "Channel E1",
                "start": START,
                "stop": STOP,
                "user_id": user["worker"].id,
                "olopiste_project_id": cls.project.id,
                "olopiste_kind": "group",
                "olopiste_user_ids": [(6, 0, (user["worker"] | user["student"]).ids)],
                "olopiste_case_ids": [(6, 0, cls.cases["cA"].ids)],
            }
        )
        cls.event2 = Event.create(
            {
                "name": "Channel E2",
                "start": START,
                "stop": STOP,
                "user_id": user["worker2"].id,
                "olopiste_project_id": cls.project.id,
                "olopiste_kind": "group",
                "olopiste_user_ids": [(6, 0, user["worker2"].ids)],
                "olopiste_case_ids": [(6, 0, cls.cases["cB"].ids)],
            }
        )
        Attendance = env["olopiste.attendance"]
        cls.attendance = {
            "E1": Attendance.create(
                {"event_id": cls.event1.id, "case_id": cls.cases["cA"].id}
            ),
            "E2": Attendance.create(
                {"event_id": cls.event2.id, "case_id": cls.cases["cB"].id}
            ),
        }
        env.flush_all()

    # ------------------------------------------------------------------
    # every failing cell is reported, not only the first

    def _callTestMethod(self, method):
        self._failures = []
        result = super()._callTestMethod(method)
        if self._failures:
            self.fail(
                f"{len(self._failures)} cell(s) fail:\n" + "\n".join(self._failures)
            )
        return result

    @contextmanager
    def _cell(self, **labels):
        with self.subTest(**labels):
            try:
                yield
            except AssertionError as error:
                message = str(error)
                self._failures.append(message.rsplit(" : ", 1)[-1][:400])

    @classmethod
    def _protect_case(cls, key):
        """Give the case every kind of protected data, each with its marker."""
        env = cls.env
        case = cls.cases[key]
        case.write(
            {
                "consent_sensitive_date": "2016-01-15",
                "consent_handover_date": "2016-01-20",
                "disability": "yes",
                "criminal_background": "yes",
                "note": f"<p>SECRET-NOTE-{key}</p>",
                "target_group_ids": [(6, 0, cls.target_group.ids)],
            }
        )
        case.message_post(body=f"SECRET-CHATTER-{key}", subtype_xmlid="mail.mt_note")
        cls.attachments[key] = env["ir.attachment"].create(
            {
                "name": f"ATTNAME-{key}.txt",
                "raw": cls._attachment_content(f"SECRET-ATT-{key}"),
                "res_model": "olopiste.case",
                "res_id": case.id,
            }
        )
        referral = env["olopiste.referral"].create(
            {
                "case_id": case.id,
                "direction": "out",
                "organisation_id": cls.organisation.id,
                "contact_id": cls.users["portal"].partner_id.id,
                "followon_type_id": cls.work_trial.id,
                "date_planned": "2016-02-01",
                "handover_summary": f"<p>SECRET-SUMMARY-{key}</p>",
                "state_reason": f"SECRET-REASON-{key}",
            }
        )
        referral.write(
            {
                "access_token": str(uuid.uuid4()),
                "handover_expiry": fields.Datetime.now() + timedelta(days=10),
            }
        )
        referral.message_post(
            body=f"SECRET-REFCHATTER-{key}", subtype_xmlid="mail.mt_note"
        )
        referral.message_post(
            body=f"PORTAL-COMMENT-{key}",
            message_type="comment",
            subtype_xmlid="mail.mt_comment",
        )
        cls.referrals[key] = referral
        cls.referral_attachments[key] = env["ir.attachment"].create(
            {
                "name": f"REFATTNAME-{key}.txt",
                "raw": cls._attachment_content(f"SECRET-REFATT-{key}"),
                "res_model": "olopiste.referral",
                "res_id": referral.id,
            }
        )
        cls.assessments[key] = env["olopiste.assessment"].create(
            {
                "case_id": case.id,
                "date": "2016-02-01",
                "kind": "initial",
                "note": f"SECRET-ASSESS-{key}",
            }
        )

    @staticmethod
    def _attachment_content(marker):
        return marker.ljust(30, ".").encode()

    # ------------------------------------------------------------------
    # markers

    @staticmethod
    def _markers(thing):
        """The texts that show that `thing` leaked, as they appear in a body."""
        key = thing.rsplit(" ", 1)[-1].strip("()")
        if thing.startswith("attendance"):
            return ()
        kind = thing_kind(thing)
        markers = {
            "sensitive": [f"SECRET-NOTE-{key}"],
            "chatter": [f"SECRET-CHATTER-{key}"],
            "attachment": [f"SECRET-ATT-{key}", f"ATTNAME-{key}"],
            "summary": [f"SECRET-SUMMARY-{key}"],
            "assessment": [f"SECRET-ASSESS-{key}"],
            "referral": [f"SECRET-REASON-{key}"],
        }.get(kind, [])
        if thing.startswith("referral chatter"):
            markers = [f"SECRET-REFCHATTER-{key}"]
        elif thing.startswith("referral attachment"):
            markers = [f"SECRET-REFATT-{key}", f"REFATTNAME-{key}"]
        encoded = [
            base64.b64encode(TestChannels._attachment_content(m)[:27]).decode()
            for m in markers
            if "ATT-" in m
        ]
        return (*markers, *encoded)

    def _forbidden_markers(self, role):
        return {
            marker
            for thing in THINGS
            if expectation(thing, "read", role) == "refused"
            for marker in self._markers(thing)
        }

    def _assert_no_leak(self, role, channel, thing, outcome):
        for marker in sorted(self._forbidden_markers(role)):
            self.assertNotIn(
                marker,
                outcome.body,
                f"{role} / {channel} / {thing}: the response carries {marker!r}",
            )

    # ------------------------------------------------------------------
    # HTTP helpers

    def _as(self, role):
        if getattr(self, "_role", False) == role:
            return
        login = LOGINS.get(role)
        self.authenticate(login, login)
        self._role = role

    def _jsonrpc(self, role, route, params):
        self._as(role)
        self.env.flush_all()
        payload = json.dumps(
            {"jsonrpc": "2.0", "method": "call", "id": 0, "params": params}
        )
        response = self.url_open(
            route,
            data=payload,
            headers={"Content-Type": "application/json"},
            allow_redirects=False,
        )
        self.env.invalidate_all()
        try:
            decoded = response.json()
        except ValueError:
            decoded = {}
        error = decoded.get("error") if isinstance(decoded, dict) else None
        error_name = (error.get("data") or {}).get("name") if error else None
        if response.status_code != 200 and not error_name:
            error_name = f"HTTP {response.status_code}"
        return Outcome(
            response.status_code,
            response.text,
            decoded.get("result") if isinstance(decoded, dict) else None,
            error_name,
        )

    def _call(self, role, model, method, args=(), kwargs=None):
        return self._jsonrpc(
            role,
            "/web/dataset/call_kw",
            {
                "model": model,
                "method": method,
                "args": list(args),
                "kwargs": kwargs or {},
            },
        )

    def _http(self, role, url, data=None):
        self._as(role)
        self.env.flush_all()
        if data is not None:
            data = {**data, "csrf_token": http.Request.csrf_token(self)}
        response = self.url_open(url, data=data, allow_redirects=False)
        location = urlsplit(response.headers.get("Location", ""))
        if (
            data is None
            and response.status_code in (301, 302, 303)
            and re.fullmatch(
                r"/[a-z]{2}(_[A-Z]{2})?" + re.escape(urlsplit(url).path), location.path
            )
        ):
            # with Odoo's website, a page first sends the user to its URL in
            # the user's language: the answer is the page's there
            response = self.url_open(location.geturl(), allow_redirects=False)
        self.env.invalidate_all()
        body = response.content.decode(errors="replace")
        return Outcome(response.status_code, body, None, None)

    # ------------------------------------------------------------------
    # assertions

    @staticmethod
    def _is_empty(result):
        if result in (None, False, 0, [], {}):
            return True
        if isinstance(result, dict):
            if "groups" in result:
                # group_expand lists every stage, with counts of 0
                return not any(
                    group.get("__count")
                    or any(v for k, v in group.items() if k.endswith("_count"))
                    for group in result["groups"]
                )
            for key in ("records", "datas", "messages"):
                if key in result:
                    return not result[key]
            return False
        if isinstance(result, list) and all(
            isinstance(group, dict) and "__count" in group for group in result
        ):
            return not any(group["__count"] for group in result)
        return False

    def _check(self, role, thing, channel, outcome, expected, refusals=None, detail=""):
        """Assert one cell; `expected` is 'allowed', 'refused' or None."""
        label = f"{role} / {channel} / {thing}{detail}"
        self._assert_no_leak(role, channel, thing, outcome)
        if expected is None:
            return
        is_http = outcome.result is None and outcome.error is None
        if expected == "refused":
            if is_http:
                self.assertNotEqual(
                    outcome.status, 200, f"{label}: answered 200, expected a refusal"
                )
                return
            refused = outcome.error in (refusals or REFUSAL_ERRORS) or (
                outcome.error is None and self._is_empty(outcome.result)
            )
            self.assertTrue(
                refused,
                f"{label}: expected a refusal, got "
                + (
                    f"error {outcome.error}"
                    if outcome.error
                    else f"a result: {str(outcome.result)[:300]}"
                ),
            )
            return
        if is_http:
            self.assertEqual(
                outcome.status, 200, f"{label}: expected 200, got {outcome.status}"
            )
        else:
            self.assertFalse(outcome.error, f"{label}: expected success")
            self.assertFalse(
                self._is_empty(outcome.result) and not isinstance(outcome.result, bool),
                f"{label}: expected the record, got nothing",
            )
        markers = self._markers(thing)
        if markers and channel in CONTENT_CHANNELS:
            self.assertTrue(
                any(marker in outcome.body for marker in markers),
                f"{label}: allowed, but the answer lacks {markers[0]!r}",
            )

    # ------------------------------------------------------------------
    # call_kw channels

    def _rpc_read_calls(self, model, ids, fnames, group_field):
        domain = [("id", "in", ids)]
        spec = {fname: {} for fname in fnames}
        return {
            "read": ("read", [ids, list(fnames)], {}),
            "search_read": ("search_read", [domain, list(fnames)], {}),
            "web_search_read": ("web_search_read", [domain, spec], {}),
            "web_read": ("web_read", [ids, spec], {}),
            "read_group": ("read_group", [domain, [], [group_field]], {"lazy": False}),
            "web_read_group": ("web_read_group", [domain, [], [group_field]], {}),
            "export_data": ("export_data", [ids, list(fnames)], {}),
            "name_search": ("name_search", ["", domain], {}),
        }

    def _run_rpc_reads(self, thing, model, ids, fnames, group_field, channels):
        calls = self._rpc_read_calls(model, ids, fnames, group_field)
        for role in ROLES:
            for channel in channels:
                if channel not in calls:
                    continue
                method, args, kwargs = calls[channel]
                with self._cell(role=role, channel=channel, thing=thing):
                    outcome = self._call(role, model, method, args, kwargs)
                    refusals = (
                        EXPORT_REFUSAL_ERRORS
                        if channel == "export_data"
                        else REFUSAL_ERRORS
                    )
                    self._check(
                        role,
                        thing,
                        channel,
                        outcome,
                        expectation(thing, channel, role),
                        refusals,
                    )

    def test_cases_through_call_kw(self):
        for key in ("cA", "cA2", "cB"):
            thing = f"case {key}"
            self._run_rpc_reads(
                thing,
                "olopiste.case",
                self.cases[key].ids,
                ("code", "partner_id", "stage_id", "date_entry"),
                "stage_id",
                CHANNELS["case"],
            )

    def test_sensitive_fields_through_call_kw_and_export(self):
        for key in ("cA", "cB"):
            thing = f"sensitive fields of {key}"
            case = self.cases[key]
            for fname in SENSITIVE_CASE_FIELDS:
                channels = [
                    c
                    for c in CHANNELS["sensitive"]
                    if not (fname in UNGROUPABLE and "group" in c)
                ]
                self._run_sensitive(thing, case, fname, channels)

    def _run_sensitive(self, thing, case, fname, channels):
        calls = self._rpc_read_calls("olopiste.case", case.ids, (fname,), fname)
        value = case.sudo()[fname]
        search_value = (
            value.ids[0]
            if fname == "target_group_ids"
            else "SECRET-NOTE"
            if fname == "note"
            else value or "yes"
        )
        operator = "ilike" if fname == "note" else "="
        export = json.dumps(
            {
                "model": "olopiste.case",
                "fields": [{"name": fname, "label": fname}],
                "ids": case.ids,
                "domain": [],
                "import_compat": True,
            }
        )
        for role in ROLES:
            for channel in channels:
                label = f"{thing} [{fname}]"
                expected = expectation(thing, channel, role)
                with self._cell(role=role, channel=channel, thing=label):
                    refusals = REFUSAL_ERRORS
                    if channel in calls:
                        method, args, kwargs = calls[channel]
                        outcome = self._call(
                            role, "olopiste.case", method, args, kwargs
                        )
                        if channel == "export_data":
                            refusals = EXPORT_REFUSAL_ERRORS
                    elif channel == "search_count on the field":
                        outcome = self._call(
                            role,
                            "olopiste.case",
                            "search_count",
                            [[("id", "=", case.id), (fname, operator, search_value)]],
                        )
                        if (
                            expected == "allowed"
                            and value in (False, None)
                            and fname != "note"
                        ):
                            expected = None
                    else:
                        outcome = self._http(role, channel, data={"data": export})
                    if expected == "allowed" and fname != "note":
                        # the marker is in the note only: just the answer is checked
                        self.assertFalse(
                            outcome.error, f"{role} / {channel} / {label}: refused"
                        )
                        if outcome.error is None and outcome.result is None:
                            self.assertEqual(outcome.status, 200, label)
                        continue
                    self._check(
                        role, thing, channel, outcome, expected, refusals, f" [{fname}]"
                    )

    def test_referrals_assessments_attendance_partners_through_call_kw(self):
        for key in ("cA", "cB"):
            self._run_rpc_reads(
                f"referral of {key}",
                "olopiste.referral",
                self.referrals[key].ids,
                ("case_id", "state", "state_reason"),
                "state",
                CHANNELS["referral"],
            )
            self._run_rpc_reads(
                f"assessment of {key}",
                "olopiste.assessment",
                self.assessments[key].ids,
                ("case_id", "date", "note"),
                "kind",
                CHANNELS["assessment"],
            )
            self._run_rpc_reads(
                f"client partner of {key}",
                "res.partner",
                self.cases[key].partner_id.ids,
                ("name", "email"),
                "name",
                CHANNELS["partner"],
            )
        for key, thing in (
            ("E1", "attendance of E1 (cA)"),
            ("E2", "attendance of E2 (cB)"),
        ):
            self._run_rpc_reads(
                thing,
                "olopiste.attendance",
                self.attendance[key].ids,
                ("case_id", "event_id", "state", "hours"),
                "state",
                CHANNELS["attendance"],
            )

    def test_writes_through_call_kw(self):
        targets = [
            (f"case {key}", "olopiste.case", self.cases[key], {"priority": "1"})
            for key in ("cA", "cA2", "cB")
        ] + [
            (
                f"referral of {key}",
                "olopiste.referral",
                self.referrals[key],
                {"accompanied_date": "2016-02-02"},
            )
            for key in ("cA", "cB")
        ]
        for thing, model, record, values in targets:
            for role in ROLES:
                for channel in RPC_WRITE:
                    expected = expectation(thing, channel, role)
                    with self._cell(role=role, channel=channel, thing=thing):
                        partner = self.users.get(role, self.env.user).partner_id
                        before = record.sudo().message_partner_ids
                        messages = record.sudo().message_ids
                        if channel == "write":
                            outcome = self._call(
                                role, model, "write", [record.ids, values]
                            )
                        elif channel == "message_post":
                            outcome = self._call(
                                role,
                                model,
                                "message_post",
                                [record.ids],
                                {
                                    "body": f"posted by {role}",
                                    "message_type": "comment",
                                },
                            )
                        else:
                            outcome = self._call(
                                role,
                                model,
                                "message_subscribe",
                                [record.ids],
                                {"partner_ids": partner.ids},
                            )
                        self._check(role, thing, channel, outcome, expected)
                        if expected == "refused":
                            self.assertEqual(
                                record.sudo().message_partner_ids,
                                before,
                                f"{role} / {channel} / {thing}: followers changed",
                            )
                            self.assertEqual(
                                record.sudo().message_ids,
                                messages,
                                f"{role} / {channel} / {thing}: a message was posted",
                            )
        # creating a case like cA: project P, area A
        thing = "case cA"
        for role in ROLES:
            expected = expectation(thing, "create", role)
            with self._cell(role=role, channel="create", thing=thing):
                client = self.new_clients[role]
                outcome = self._call(
                    role,
                    "olopiste.case",
                    "create",
                    [
                        {
                            "partner_id": client.id,
                            "project_id": self.project.id,
                            "area_id": self.area_a.id,
                            "date_entry": "2016-01-15",
                        }
                    ],
                )
                self._check(role, thing, "create", outcome, expected)
                created = (
                    self.env["olopiste.case"]
                    .sudo()
                    .search([("partner_id", "=", client.id)])
                )
                if expected == "refused":
                    self.assertFalse(
                        created, f"{role} / create / {thing}: a case was created"
                    )
        # attendance rows: trainees record E1's attendance, not E2's
        for key, thing in (
            ("E1", "attendance of E1 (cA)"),
            ("E2", "attendance of E2 (cB)"),
        ):
            row = self.attendance[key]
            for role in ROLES:
                expected = expectation(thing, "write", role)
                with self._cell(role=role, channel="write", thing=thing):
                    row.sudo().state = "attended"
                    outcome = self._call(
                        role,
                        "olopiste.attendance",
                        "write",
                        [row.ids, {"state": "excused"}],
                    )
                    self._check(role, thing, "write", outcome, expected)
                    if expected == "refused":
                        self.assertEqual(
                            row.sudo().state,
                            "attended",
                            f"{role} / write / {thing}: the row changed",
                        )

    # ------------------------------------------------------------------
    # chatter, attachments, content and reports

    def test_chatter_and_attachments(self):
        for key in ("cA", "cB"):
            for thing, model, record in (
                (f"chatter of {key}", "olopiste.case", self.cases[key]),
                (
                    f"referral chatter of {key}",
                    "olopiste.referral",
                    self.referrals[key],
                ),
            ):
                marker = self._markers(thing)[0]
                message = record.sudo().message_ids.filtered(
                    lambda m, mk=marker: mk in (m.body or "")
                )
                self.assertTrue(message, f"fixture: {marker} not posted")
                calls = {
                    "mail.message search_read": lambda r=record, m=model: (
                        "/web/dataset/call_kw",
                        {
                            "model": "mail.message",
                            "method": "search_read",
                            "args": [
                                [("model", "=", m), ("res_id", "=", r.id)],
                                ["body"],
                            ],
                            "kwargs": {},
                        },
                    ),
                    "mail.message read": lambda msg=message: (
                        "/web/dataset/call_kw",
                        {
                            "model": "mail.message",
                            "method": "read",
                            "args": [msg.ids, ["body"]],
                            "kwargs": {},
                        },
                    ),
                    "/mail/thread/messages": lambda r=record, m=model: (
                        "/mail/thread/messages",
                        {"thread_model": m, "thread_id": r.id},
                    ),
                }
                for role in ROLES:
                    for channel, build in calls.items():
                        with self._cell(role=role, channel=channel, thing=thing):
                            outcome = self._jsonrpc(role, *build())
                            self._check(
                                role,
                                thing,
                                channel,
                                outcome,
                                expectation(thing, channel, role),
                            )
            for thing, model, record, attachment in (
                (
                    f"attachment of {key}",
                    "olopiste.case",
                    self.cases[key],
                    self.attachments[key],
                ),
                (
                    f"referral attachment of {key}",
                    "olopiste.referral",
                    self.referrals[key],
                    self.referral_attachments[key],
                ),
            ):
                for role in ROLES:
                    for channel in CHANNELS["attachment"]:
                        expected = expectation(thing, channel, role)
                        with self._cell(role=role, channel=channel, thing=thing):
                            if channel == "ir.attachment search_read":
                                outcome = self._call(
                                    role,
                                    "ir.attachment",
                                    "search_read",
                                    [
                                        [
                                            ("res_model", "=", model),
                                            ("res_id", "=", record.id),
                                        ],
                                        ["name", "datas"],
                                    ],
                                )
                            elif channel == "ir.attachment read":
                                outcome = self._call(
                                    role,
                                    "ir.attachment",
                                    "read",
                                    [attachment.ids, ["name", "datas"]],
                                )
                            elif channel == "/mail/thread/data":
                                outcome = self._jsonrpc(
                                    role,
                                    "/mail/thread/data",
                                    {
                                        "thread_model": model,
                                        "thread_id": record.id,
                                        "request_list": ["attachments", "followers"],
                                    },
                                )
                                if expected == "refused" and not outcome.error:
                                    # the store answers, but must hold no attachment
                                    self._assert_no_leak(role, channel, thing, outcome)
                                    self.assertNotIn(
                                        attachment.name,
                                        outcome.body,
                                        f"{role} / {channel} / {thing}: attachment listed",
                                    )
                                    continue
                                if expected == "allowed":
                                    self.assertIn(
                                        attachment.name,
                                        outcome.body,
                                        f"{role} / {channel} / {thing}: not listed",
                                    )
                                    continue
                            else:
                                suffix = (
                                    "?download=true" if "download" in channel else ""
                                )
                                outcome = self._http(
                                    role, f"/web/content/{attachment.id}{suffix}"
                                )
                            self._check(role, thing, channel, outcome, expected)

    def test_handover_summary_content_and_reports(self):
        for key in ("cA", "cB"):
            thing = f"handover summary of {key}"
            referral = self.referrals[key]
            calls = self._rpc_read_calls(
                "olopiste.referral", referral.ids, ("handover_summary",), "state"
            )
            for role in ROLES:
                for channel in CHANNELS["summary"]:
                    expected = expectation(thing, channel, role)
                    with self._cell(role=role, channel=channel, thing=thing):
                        refusals = REFUSAL_ERRORS
                        if channel in calls:
                            method, args, kwargs = calls[channel]
                            outcome = self._call(
                                role, "olopiste.referral", method, args, kwargs
                            )
                            if channel == "export_data":
                                refusals = EXPORT_REFUSAL_ERRORS
                        elif channel.startswith("/web/content"):
                            outcome = self._http(
                                role,
                                "/web/content?model=olopiste.referral"
                                f"&id={referral.id}&field=handover_summary",
                            )
                        else:
                            kind = channel.rsplit("/", 1)[-1]
                            outcome = self._http(
                                role,
                                f"/report/{kind}/olopiste_case.report_handover_document/"
                                f"{referral.id}",
                            )
                        self._check(role, thing, channel, outcome, expected, refusals)
        thing = "access request of cA's client"
        partner = self.cases["cA"].partner_id
        for role in ROLES:
            expected = expectation(thing, "/report/html", role)
            with self._cell(role=role, channel="/report/html", thing=thing):
                outcome = self._http(
                    role,
                    "/report/html/olopiste_case.report_access_request_document/"
                    f"{partner.id}",
                )
                # the answer holds cA's note: it leaks when the report renders
                self._check(
                    role, "sensitive fields of cA", "/report/html", outcome, None
                )
                self._check(role, thing, "/report/html", outcome, expected)
                if expected == "allowed":
                    self.assertIn("SECRET-NOTE-cA", outcome.body, thing)
                elif expected == "refused":
                    self.assertNotIn(
                        "SECRET-NOTE-cA",
                        outcome.body,
                        f"{role} / /report/html / {thing}: the note leaked",
                    )

    # ------------------------------------------------------------------
    # dedicated rules per role

    def _refused(self, label, outcome):
        self.assertIn(
            outcome.error,
            REFUSAL_ERRORS,
            f"{label}: expected a refusal, got "
            + (outcome.error or f"success {str(outcome.result)[:200]}"),
        )

    def test_worker_cannot_reach_cb_through_events(self):
        case_b = self.cases["cB"]
        events_before = case_b.sudo().event_ids
        with self._cell(role="worker", channel="create event", thing="cB"):
            outcome = self._call(
                "worker",
                "calendar.event",
                "create",
                [
                    {
                        "name": "Channel E3",
                        "start": START,
                        "stop": STOP,
                        "olopiste_project_id": self.project.id,
                        "olopiste_case_ids": [(6, 0, case_b.ids)],
                    }
                ],
            )
            self._refused(
                "worker / call_kw calendar.event create / event inviting cB", outcome
            )
            self.assertEqual(case_b.sudo().event_ids, events_before)
        with self._cell(role="worker", channel="write E1", thing="cB"):
            outcome = self._call(
                "worker",
                "calendar.event",
                "write",
                [self.event1.ids, {"olopiste_case_ids": [(4, case_b.id)]}],
            )
            self._refused(
                "worker / call_kw calendar.event write E1 / inviting cB", outcome
            )
            self.assertEqual(case_b.sudo().event_ids, events_before)
        with self._cell(role="worker", channel="write E2 helpers", thing="E2"):
            outcome = self._call(
                "worker",
                "calendar.event",
                "write",
                [
                    self.event2.ids,
                    {"olopiste_user_ids": [(4, self.users["worker"].id)]},
                ],
            )
            self._refused(
                "worker / call_kw calendar.event write olopiste_user_ids / E2", outcome
            )
            self.assertNotIn(
                self.users["worker"],
                self.event2.sudo().olopiste_user_ids,
                "worker / write / E2's olopiste_user_ids: the worker was added",
            )
            after = self._call(
                "worker", "olopiste.case", "read", [case_b.ids, ["code", "note"]]
            )
            self._refused("worker / call_kw read after writing E2 / case cB", after)
            self._assert_no_leak("worker", "read after writing E2", "case cB", after)
        with self._cell(role="manager", channel="create event", thing="cB"):
            outcome = self._call(
                "manager",
                "calendar.event",
                "create",
                [
                    {
                        "name": "Channel E4",
                        "start": START,
                        "stop": STOP,
                        "olopiste_project_id": self.project.id,
                        "olopiste_case_ids": [(6, 0, case_b.ids)],
                    }
                ],
            )
            self.assertFalse(outcome.error, "manager / create event inviting cB")

    def test_manager2_cannot_join_project_p(self):
        for fname, value in (
            ("user_ids", [(4, self.users["manager2"].id)]),
            ("manager_id", self.users["manager2"].id),
        ):
            with self._cell(role="manager2", channel="write", thing=f"P.{fname}"):
                outcome = self._call(
                    "manager2",
                    "olopiste.project",
                    "write",
                    [self.project.ids, {fname: value}],
                )
                self._refused(f"manager2 / call_kw write / project P {fname}", outcome)
                project = self.project.sudo()
                self.assertNotIn(
                    self.users["manager2"],
                    project.user_ids | project.manager_id,
                    f"manager2 / write / project P {fname}: manager2 joined P",
                )

    def test_finance_changes_nothing(self):
        with self._cell(
            role="finance", channel="call_kw", thing="action_anonymise_due"
        ):
            outcome = self._call(
                "finance",
                "olopiste.project",
                "action_anonymise_due",
                [self.project.ids],
            )
            self._refused("finance / call_kw action_anonymise_due / project P", outcome)
        with self._cell(role="finance", channel="write", thing="olopiste_headcount"):
            outcome = self._call(
                "finance",
                "calendar.event",
                "write",
                [self.event1.ids, {"olopiste_headcount": 3}],
            )
            self._refused("finance / call_kw write olopiste_headcount / E1", outcome)
            self.assertEqual(self.event1.sudo().olopiste_headcount, 0)

    def test_client_partners_hidden_from_plain_and_finance(self):
        clients = (self.cases["cA"] | self.cases["cB"]).partner_id
        for role in ("plain", "finance"):
            for domain in (
                [("is_olopiste_client", "=", True)],
                [("name", "ilike", "Channel client")],
            ):
                with self._cell(role=role, channel="search_read", thing=str(domain)):
                    outcome = self._call(
                        role, "res.partner", "search_read", [domain, ["name"]]
                    )
                    seen = {r["id"] for r in outcome.result or []}
                    self.assertFalse(
                        seen & set(clients.ids),
                        f"{role} / call_kw res.partner search_read {domain} / "
                        "client partners: "
                        + ", ".join(
                            clients.filtered(lambda p, s=seen: p.id in s).mapped("name")
                        ),
                    )

    # ------------------------------------------------------------------
    # handover page and its portal chatter

    def _handover(self, role, referral_id, token, answer=False):
        url = f"/olopiste/handover/{referral_id}"
        if answer:
            data = {"access_token": token or "", "answer": "accepted"}
            return self._http(role, f"{url}/answer", data=data)
        if token is not None:
            url += f"?access_token={token}"
        return self._http(role, url)

    def test_handover_page(self):
        referral = self.referrals["cA"]
        other = self.referrals["cB"]
        token = referral.access_token
        with self._cell(role="public", channel="handover", thing="valid token"):
            for role in ("public", "portal"):
                outcome = self._handover(role, referral.id, token)
                self.assertEqual(outcome.status, 200, f"{role} / valid handover link")
                self.assertIn("SECRET-SUMMARY-cA", outcome.body, role)
                self.assertNotIn("SECRET-SUMMARY-cB", outcome.body, role)
        dead = {}

        def try_dead(name, role, referral_id, link_token):
            with self._cell(role=role, channel="handover", thing=name):
                state = referral.sudo().state
                outcome = self._handover(role, referral_id, link_token)
                dead[name] = outcome.status
                self.assertIn(
                    outcome.status,
                    (404, 410),
                    f"{role} / handover page / {name}: status {outcome.status}",
                )
                for marker in ("SECRET-SUMMARY-cA", "SECRET-SUMMARY-cB"):
                    self.assertNotIn(marker, outcome.body, f"{role} / {name}")
                answer = self._handover(role, referral_id, link_token, answer=True)
                self.assertNotEqual(answer.status, 200, f"{role} / answer / {name}")
                self.assertFalse(
                    referral.sudo().response,
                    f"{role} / POST answer / {name}: the answer was written",
                )
                self.assertEqual(
                    referral.sudo().state,
                    state,
                    f"{role} / POST answer / {name}: the state changed",
                )

        try_dead("wrong token", "public", referral.id, "not-the-token")
        try_dead("other referral's token", "public", referral.id, other.access_token)
        try_dead("logged-in worker without token", "worker", referral.id, None)
        referral.sudo().handover_expiry = fields.Datetime.now() - timedelta(days=1)
        try_dead("expired link", "public", referral.id, token)
        self._portal_chatter_refused("expired link", referral, token)
        referral.sudo().handover_expiry = fields.Datetime.now() + timedelta(days=10)
        referral.sudo().write({"state": "completed", "date_started": "2016-02-05"})
        try_dead("ended referral", "public", referral.id, token)
        self._portal_chatter_refused("ended referral", referral, token)
        referral.sudo().write({"state": "started", "state_reason": "back for test"})
        self.cases["cA"].sudo().action_withdraw_handover_consent()
        try_dead("revoked link", "public", referral.id, token)
        self.assertEqual(
            len(set(dead.values())),
            1,
            f"handover page: dead links answer differently: {dead}",
        )

    def _portal_chatter_refused(self, name, referral, token):
        for role in ("public", "portal"):
            with self._cell(role=role, channel="/mail/chatter_fetch", thing=name):
                outcome = self._jsonrpc(
                    role,
                    "/mail/chatter_fetch",
                    {
                        "thread_model": "olopiste.referral",
                        "thread_id": referral.id,
                        "token": token,
                    },
                )
                self.assertNotIn(
                    "PORTAL-COMMENT-cA",
                    outcome.body,
                    f"{role} / /mail/chatter_fetch with token / {name}: chatter shown",
                )
            with self._cell(role=role, channel="/mail/message/post", thing=name):
                before = referral.sudo().message_ids
                self._jsonrpc(
                    role,
                    "/mail/message/post",
                    {
                        "thread_model": "olopiste.referral",
                        "thread_id": referral.id,
                        "post_data": {
                            "body": f"PORTAL-POST {role}",
                            "message_type": "comment",
                        },
                        "token": token,
                    },
                )
                self.assertEqual(
                    referral.sudo().message_ids,
                    before,
                    f"{role} / /mail/message/post with token / {name}: posted",
                )

    # ------------------------------------------------------------------
    # every public method of the addons' own models

    def _sweep_records(self):
        env = self.env
        records = {
            "olopiste.case": self.cases["cA"].ids,
            "olopiste.referral": self.referrals["cA"].ids,
            "olopiste.attendance": self.attendance["E1"].ids,
            "olopiste.assessment": self.assessments["cA"].ids,
            "olopiste.assessment.line": self.assessments["cA"].line_ids[:1].ids,
            "olopiste.project": self.project.ids,
            "olopiste.area": self.area_a.ids,
            "olopiste.target.group": self.target_group.ids,
            "olopiste.followon.type": self.work_trial.ids,
        }
        for name in env.registry:
            if name.startswith("olopiste.") and name not in records:
                model = env[name]
                if model._abstract:
                    continue
                records[name] = (
                    [] if model._transient else model.sudo().search([], limit=1).ids
                )
        return records

    def _snapshot(self):
        """What the sweep must not change: stored values, messages, audit writes."""
        env = self.env
        # post the tracking the fixture's own changes still owe, so that it
        # is not taken for a change made by the call under test
        env.flush_all()
        env.cr.precommit.run()
        env.invalidate_all()
        state = {}
        watched = [
            *self.cases.values(),
            *self.referrals.values(),
            *self.assessments.values(),
            *self.attendance.values(),
            self.project,
            self.event1,
            self.event2,
            *(case.partner_id for case in self.cases.values()),
        ]
        for record in watched:
            record = record.sudo()
            names = [
                fname
                for fname, field in record._fields.items()
                if field.store
                and fname not in ("write_date", "write_uid", "__last_update")
                and field.type not in ("binary", "one2many")
            ]
            state[f"{record._name},{record.id}"] = record.read(names)
        last = env["mail.message"].sudo().search([], order="id desc", limit=1)
        state["messages"] = f"last message {last.id}: {last.body}"[:200]
        state["attachments"] = env["ir.attachment"].sudo().search_count([])
        state["audit writes"] = (
            env["olopiste.audit.log"].sudo().search_count([("operation", "!=", "read")])
        )
        return state

    def test_every_public_method(self):
        records = self._sweep_records()
        unclassified = []
        for name, ids in sorted(records.items()):
            model_class = type(self.env[name])
            methods = sorted(
                method_name
                for method_name, function in inspect.getmembers(
                    model_class, inspect.isfunction
                )
                if not method_name.startswith("_")
                and method_name not in ORM_READ_API
                and function.__module__.startswith("odoo.addons.olopiste_")
            )
            for method_name in methods:
                for role in ("finance", "student", "plain"):
                    with self._cell(
                        role=role, channel=f"call_kw {method_name}", thing=name
                    ):
                        before = self._snapshot()
                        args = self._sweep_args(method_name, ids)
                        outcome = self._call(role, name, method_name, args)
                        label = f"{role} / call_kw {name}.{method_name} / {ids}"
                        self._assert_no_leak(
                            role, f"call_kw {method_name}", name, outcome
                        )
                        if outcome.error in REFUSAL_ERRORS:
                            pass
                        elif outcome.error or method_name in ("write", "load"):
                            # an error of the call's shape, or a write or load
                            # of nothing: neither a refusal nor a permission
                            unclassified.append(
                                f"{label}: {outcome.error or 'ran with no values'}"
                            )
                        else:
                            self.assertIn(
                                method_name,
                                NAVIGATION_METHODS,
                                f"{label}: ran, and is no read-only navigation method",
                            )
                        after = self._snapshot()
                        changed = sorted(k for k in before if before[k] != after[k])
                        self.assertFalse(
                            changed,
                            f"{label}: changed {changed}: "
                            + "; ".join(f"{before[k]} -> {after[k]}" for k in changed),
                        )
        for line in unclassified:
            _logger.warning("unclassified outcome: %s", line)

    @staticmethod
    def _sweep_args(method_name, ids):
        if method_name == "write":
            return [ids, {}]
        if method_name == "create":
            return [{}]
        if method_name == "read":
            return [ids, ["display_name"]]
        if method_name == "load":
            return [[], []]
        return [ids]

    # ------------------------------------------------------------------
    # the matrix

    def test_channel_matrix_is_current(self):
        section = channels_section()
        propose_matrix(channels=section)
        text = MATRIX_PATH.read_text() if MATRIX_PATH.exists() else ""
        _head, current = split_matrix(text)
        self.assertEqual(
            current, section, "security/ROLE_MATRIX.md: ## Channels is out of date"
        )


def channels_section():
    """The `## Channels` part of ROLE_MATRIX.md, from the declarations above."""
    lines = ["## Channels", "", CHANNELS_EXPLANATION]
    lines.append("| thing | channel | " + " | ".join(ROLES) + " |")
    lines.append("| --- | --- |" + " --- |" * len(ROLES))
    for thing in THINGS:
        for channel in CHANNELS[thing_kind(thing)]:
            if (
                thing == "case cA"
                or not thing.startswith("case ")
                or channel != "create"
            ):
                cells = [expectation(thing, channel, role) or "–" for role in ROLES]
                lines.append(f"| {thing} | {channel} | " + " | ".join(cells) + " |")
    for thing, channel, cells in SPECIAL_ROWS:
        row = [cells.get(role, "–") for role in ROLES]
        lines.append(f"| {thing} | {channel} | " + " | ".join(row) + " |")
    return "\n".join(lines).rstrip() + "\n"
