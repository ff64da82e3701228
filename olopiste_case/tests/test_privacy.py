# Copyright 2026 Olopiste contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
import base64

from odoo.exceptions import AccessError, UserError, ValidationError
from odoo.tests import tagged

from .common import OlopisteCase

# tables that may hold what identifies a client
TRACE_TABLES = (
    "res_partner",
    "mail_message",
    "mail_tracking_value",
    "mail_activity",
    "ir_attachment",
    "survey_user_input",
)


@tagged("post_install", "-at_install")
class TestPrivacy(OlopisteCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.project.retention_until = "2020-12-31"
        cls.client.write(
            {
                "name": "Zelda Zyxwvutson",
                "email": "zelda.zyx@example.com",
                "phone": "+358 40 7654 3210",
                "street": "Qwertykuja 17",
            }
        )
        cls.case.write(
            {
                "labour_status": "long_term_unemployed",
                "education_level": "isced_3_4",
                "consent_sensitive_date": "2016-01-15",
                "consent_handover_date": "2016-01-15",
                "disability": "yes",
                "note": "<p>Plughwort diary entry</p>",
            }
        )
        cls.case.message_post(body="Snorkelfrost conversation")
        cls.env["ir.attachment"].create(
            {
                "name": "Zelda Zyxwvutson CV.txt",
                "res_model": "olopiste.case",
                "res_id": cls.case.id,
                "datas": base64.b64encode(b"Zelda Zyxwvutson curriculum"),
            }
        )
        session = cls.env["calendar.event"].create(
            {
                "name": "Group",
                "olopiste_kind": "group",
                "olopiste_project_id": cls.project.id,
                "start": "2016-03-01 08:00:00",
                "stop": "2016-03-01 11:00:00",
            }
        )
        cls.env["olopiste.attendance"].create(
            {"event_id": session.id, "case_id": cls.case.id}
        )
        organisation = cls.env["res.partner"].create(
            {"name": "Receiver", "is_company": True}
        )
        cls.referral = cls.env["olopiste.referral"].create(
            {
                "case_id": cls.case.id,
                "organisation_id": organisation.id,
                "followon_type_id": cls.env.ref(
                    "olopiste_case.followon_type_work_trial"
                ).id,
                "date_planned": "2016-04-01",
                "handover_summary": "<p>Grimblethorpe handover text</p>",
            }
        )
        cls.referral.action_start()
        cls.case.write({"date_exit": "2017-01-31", "exit_situation": "employed"})

    def _figures(self):
        Case = self.env["olopiste.case"]
        domain = [("project_id", "=", self.project.id)]
        return {
            "by_status": Case._read_group(domain, ["labour_status"], ["__count"]),
            "by_gender": Case._read_group(domain, ["client_gender"], ["__count"])
            if "client_gender" in Case._fields and Case._fields["client_gender"].store
            else None,
            "age": Case._read_group(domain, [], ["age_at_entry:avg"]),
            "hours": Case._read_group(domain, [], ["attendance_hours:sum"]),
            "followon": Case.search_count(domain + [("on_followon_path", "=", True)]),
            "exits": Case._read_group(domain, ["exit_situation"], ["__count"]),
        }

    def _traces(self, text):
        """Where `text` is still stored, as (table, column) pairs."""
        cr = self.env.cr
        cr.execute(
            """
            SELECT table_name, column_name FROM information_schema.columns
             WHERE table_schema = 'public'
               AND (table_name LIKE 'olopiste\\_%%' OR table_name = ANY(%s))
               AND data_type IN ('text', 'character varying', 'jsonb', 'bytea')
            """,
            [list(TRACE_TABLES)],
        )
        found = []
        for table, column in cr.fetchall():
            cr.execute(
                f'SELECT 1 FROM "{table}" WHERE "{column}"::text ILIKE %s LIMIT 1',
                [f"%{text}%"],
            )
            if cr.fetchone():
                found.append((table, column))
        return found

    def test_retention_date_before_project_end_is_refused(self):
        with self.assertRaisesRegex(ValidationError, "at least until the project ends"):
            self.project.retention_until = "2018-08-30"

    def test_client_with_an_open_case_is_not_anonymised(self):
        self.assertFalse(
            self.client2 in self.env["res.partner"]._olopiste_due_for_anonymisation()
        )
        with self.assertRaisesRegex(UserError, "open case"):
            self.client2.with_user(self.user_manager).action_olopiste_anonymise()
        self.assertEqual(self.client2.name, "Matti Testinen")

    def test_only_managers_anonymise(self):
        with self.assertRaises(AccessError):
            self.client.with_user(self.user_worker).action_olopiste_anonymise()
        self.assertEqual(self.client.name, "Zelda Zyxwvutson")

    def test_anonymisation_keeps_figures_and_leaves_no_trace(self):
        self.env.flush_all()
        self.env.cr.precommit.run()  # tracking values are written as on commit
        secrets = (
            "Zyxwvutson",
            "zelda.zyx@example.com",
            "7654 3210",
            "Qwertykuja",
            "Plughwort",
            "Snorkelfrost",
            "Grimblethorpe",
        )
        self.assertTrue(all(self._traces(s) for s in ("Zyxwvutson", "Grimblethorpe")))
        before = self._figures()
        due = self.env["res.partner"]._olopiste_due_for_anonymisation()
        self.assertIn(self.client, due)
        self.assertEqual(self.project.anonymisation_due_count, 1)
        self.assertEqual(self.env["res.partner"]._cron_olopiste_anonymise(), 1)
        self.env.flush_all()
        self.env.cr.precommit.run()
        self.env.invalidate_all()
        self.assertEqual(self._figures(), before)
        self.assertEqual(self.client.olopiste_birth_year, 1971)
        self.assertTrue(self.client.olopiste_anonymised_date)
        self.assertEqual(self.case.age_at_entry, 44)
        for secret in secrets:
            self.assertEqual(self._traces(secret), [], f"{secret!r} is still stored")
        # nothing more to do the next day
        self.assertEqual(self.env["res.partner"]._cron_olopiste_anonymise(), 0)

    def test_access_request_is_for_managers_and_holds_everything(self):
        with self.assertRaises(AccessError):
            self.client.with_user(self.user_worker).action_olopiste_access_request()
        with self.assertRaises(AccessError):
            self.env["ir.actions.report"].with_user(self.user_worker)._render_qweb_html(
                "olopiste_case.report_access_request", self.client.ids
            )
        action = self.client.with_user(
            self.user_manager
        ).action_olopiste_access_request()
        self.assertEqual(
            action["report_name"], "olopiste_case.report_access_request_document"
        )
        html, _ = (
            self.env["ir.actions.report"]
            .with_user(self.user_manager)
            ._render_qweb_html("olopiste_case.report_access_request", self.client.ids)
        )
        html = html.decode()
        for expected in (
            "Zelda Zyxwvutson",
            "zelda.zyx@example.com",
            self.case.code,
            "Plughwort",
            "Grimblethorpe",
            "Snorkelfrost",
            "Long-term unemployed",
            "Group",
        ):
            self.assertIn(expected, html)
        self.assertIn("Access request answered", self.client.message_ids[0].body)

    def test_withdrawing_sensitive_consent_removes_the_answers(self):
        self.case.with_user(self.user_worker).action_withdraw_sensitive_consent()
        self.assertFalse(self.case.disability)
        self.assertTrue(self.case.consent_sensitive_withdrawn_date)
        with self.assertRaisesRegex(ValidationError, "consent"):
            self.case.disability = "yes"
        self.assertIn("withdrew the consent", self.case.message_ids[0].body)


@tagged("post_install", "-at_install")
class TestAudit(OlopisteCase):
    def test_reads_and_changes_of_sensitive_data_are_logged(self):
        Log = self.env["olopiste.audit.log"]
        case = self.case.with_user(self.user_worker)
        case.read(["partner_id", "stage_id"])
        self.assertFalse(Log.search([("res_id", "=", self.case.id)]))
        case.write({"consent_sensitive_date": "2016-01-15", "disability": "declined"})
        case.read(["disability"])
        case.web_read({"note": {}})
        entries = Log.search(
            [("res_model", "=", "olopiste.case"), ("res_id", "=", self.case.id)]
        )
        self.assertEqual(
            sorted(entries.mapped(lambda e: (e.operation, e.field_names))),
            [("read", "disability"), ("read", "note"), ("write", "disability")],
        )
        self.assertEqual(entries.user_id, self.user_worker)

    def test_only_managers_read_the_log(self):
        self.case.with_user(self.user_worker).read(["note"])
        logs = self.env["olopiste.audit.log"].with_user(self.user_manager).search([])
        self.assertTrue(logs)
        with self.assertRaises(AccessError):
            self.env["olopiste.audit.log"].with_user(self.user_worker).search([])
        with self.assertRaises(AccessError):
            logs[0].with_user(self.user_manager).unlink()
