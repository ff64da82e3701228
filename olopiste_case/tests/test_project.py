# Copyright 2026 Olopiste contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from psycopg2 import IntegrityError

from odoo.tests import tagged
from odoo.tools import mute_logger

from .common import OlopisteTestCase


@tagged("post_install", "-at_install", "olopiste_project")
class TestProject(OlopisteTestCase):
    def test_display_name_shows_code(self):
        self.assertEqual(self.project.display_name, "[T0001] Test project")
        self.project.code = False
        self.assertEqual(self.project.display_name, "Test project")

    def test_end_before_start_is_refused(self):
        with mute_logger("odoo.sql_db"), self.assertRaises(IntegrityError):
            with self.env.cr.savepoint():
                self.project.write({"date_end": "2015-08-31"})
        self.assertEqual(str(self.project.date_end), "2018-08-31")

    def test_code_unique_per_company(self):
        with mute_logger("odoo.sql_db"), self.assertRaises(IntegrityError):
            with self.env.cr.savepoint():
                self.env["olopiste.project"].create({"name": "Copy", "code": "T0001"})
        other_company = self.env["res.company"].create({"name": "Other org"})
        twin = self.env["olopiste.project"].create(
            {"name": "Copy", "code": "T0001", "company_id": other_company.id}
        )
        self.assertEqual(twin.company_id, other_company)

    def test_flat_rate_is_a_percentage(self):
        for bad in (-1, 100.5):
            with mute_logger("odoo.sql_db"), self.assertRaises(IntegrityError):
                with self.env.cr.savepoint():
                    self.project.write({"flat_rate": bad})
        self.project.flat_rate = 40
        self.assertEqual(self.project.flat_rate, 40)

    def test_tracking_logs_programme_change(self):
        project = self.env["olopiste.project"].create(
            {"name": "Tracked", "code": "TR1"}
        )
        self.env.flush_all()
        self.env.cr.precommit.run()
        before = len(project.message_ids)
        project.programme = "national"
        # Tracking values are written when the transaction is about to commit.
        self.env.flush_all()
        self.env.cr.precommit.run()
        project.invalidate_recordset(["message_ids"])
        self.assertGreater(len(project.message_ids), before)
        tracked = project.message_ids[0].tracking_value_ids
        self.assertIn("programme", tracked.field_id.mapped("name"))

    def test_found_by_code(self):
        found = (
            self.env["olopiste.project"]
            .with_user(self.user_worker)
            .name_search("T0001")
        )
        self.assertEqual([pid for pid, _name in found], self.project.ids)

    def test_worker_and_trainee_open_a_project_with_an_analytic_account(self):
        """The project form as a case worker or trainee reads it (the fields
        of the form view the web client loads), also when finance has linked
        the project's costs to an analytic account."""
        if "analytic_account_id" in self.project._fields:
            self.project.analytic_account_id = self.env[
                "account.analytic.account"
            ].create(
                {
                    "name": "Costs T0001",
                    "plan_id": self.env["account.analytic.plan"]
                    .create({"name": "Projects"})
                    .id,
                }
            )
        for user in (self.user_worker, self.user_student):
            Project = self.env["olopiste.project"].with_user(user)
            view = Project.get_views([(False, "form")])
            fields = view["models"]["olopiste.project"]["fields"]
            self.assertNotIn("analytic_account_id", fields)
            spec = {
                name: {"fields": {"display_name": {}}}
                if field["type"] == "many2one"
                else {}
                for name, field in fields.items()
            }
            record = Project.browse(self.project.id).web_read(spec)[0]
            self.assertEqual(record["code"], "T0001")
