# Copyright 2026 Olopiste contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from psycopg2 import IntegrityError

from odoo.tests import tagged
from odoo.tools import mute_logger

from .common import OlopisteCase


@tagged("post_install", "-at_install")
class TestProject(OlopisteCase):
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
