# Copyright 2026 Olopiste contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from datetime import date

from odoo.tests import HttpCase, new_test_user, tagged


@tagged("post_install", "-at_install")
class TestExportTour(HttpCase):
    def test_finance_exports_the_funder_summary(self):
        finance = new_test_user(
            self.env,
            "tour_finance",
            groups="olopiste_case.group_olopiste_finance",
            name="Tour Finance",
        )
        project = self.env["olopiste.project"].create(
            {
                "name": "Tour export project",
                "code": "TOUR-X",
                "date_start": "2015-09-01",
            }
        )
        self.start_tour("/odoo", "olopiste_finance_export", login="tour_finance")
        wizard = self.env["olopiste.report.export"].search(
            [("create_uid", "=", finance.id)]
        )
        self.assertEqual(len(wizard), 1)
        self.assertEqual(wizard.project_id, project)
        self.assertEqual(wizard.export, "funder_summary")
        self.assertEqual(wizard.date_to, date(2018, 6, 30))
        self.assertEqual(wizard.date_from, date(2015, 9, 1))
        self.assertEqual(wizard.recipient, "funder")
        self.assertTrue(wizard.leaves_organisation)
