# Copyright 2026 Olopiste contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from datetime import date

from odoo import Command
from odoo.tests import HttpCase, new_test_user, tagged

from odoo.addons.olopiste_case.tests.tour_common import FinnishTourCase


@tagged("post_install", "-at_install", "olopiste_ui")
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


@tagged("post_install", "-at_install", "olopiste_ui")
class TestFinnishReportTours(FinnishTourCase):
    def test_manager_reads_the_dashboard_on_laptop_and_phone(self):
        manager = self.finnish_user(
            "paiva_manager", "olopiste_case.group_olopiste_manager"
        )
        project = self.running_project(
            "Koontihanke",
            date_start="2021-01-01",
            manager_id=manager.id,
            target_ids=[
                Command.create({"kind": "clients", "value": 4}),
                Command.create({"kind": "followon_rate", "value": 50}),
            ],
        )
        organisation = self.env["res.partner"].create(
            {"name": "Työpaja", "is_company": True, "is_olopiste_partner_org": True}
        )
        work_trial = self.env.ref("olopiste_case.followon_type_work_trial")
        # three clients; two on a path today, one of them by the end of 2021
        for name, entry, started in (
            ("Aada", "2021-02-01", "2021-09-01"),
            ("Bertta", "2021-06-01", False),
            ("Cecilia", "2022-03-01", "2022-05-02"),
        ):
            case = self.env["olopiste.case"].create(
                {
                    "partner_id": self.env["res.partner"].create({"name": name}).id,
                    "project_id": project.id,
                    "date_entry": entry,
                }
            )
            if started:
                self.env["olopiste.referral"].create(
                    {
                        "case_id": case.id,
                        "organisation_id": organisation.id,
                        "followon_type_id": work_trial.id,
                        "state": "started",
                        "date_planned": started,
                        "date_started": started,
                    }
                )

        def check(screen):
            dashboards = self.env["olopiste.dashboard"].search(
                [("create_uid", "=", manager.id)]
            )
            self.assertEqual(dashboards[:1].project_id, project, screen)
            self.assertEqual(dashboards[:1].date_to, date(2021, 12, 31), screen)

        self.start_tour_on_screens(
            lambda screen: (
                "/odoo/action-olopiste_reports.olopiste_dashboard_action_open"
            ),
            "olopiste_fi_manager_dashboard",
            "paiva_manager",
            check,
        )

    def test_finance_exports_on_laptop_and_phone(self):
        finance = self.finnish_user(
            "paiva_finance", "olopiste_case.group_olopiste_finance"
        )
        project = self.env["olopiste.project"].create(
            {"name": "Vientihanke", "code": "VIENTI", "date_start": "2015-09-01"}
        )

        def check(screen):
            wizard = self.env["olopiste.report.export"].search(
                [("create_uid", "=", finance.id)], limit=1, order="id desc"
            )
            self.assertEqual(wizard.project_id, project, screen)
            self.assertEqual(wizard.export, "funder_summary")
            self.assertEqual(wizard.date_to, date(2018, 6, 30), screen)
            self.assertEqual(wizard.date_from, date(2015, 9, 1))

        self.start_tour_on_screens(
            lambda screen: (
                "/odoo/action-olopiste_reports.olopiste_report_export_action"
            ),
            "olopiste_fi_finance_export",
            "paiva_finance",
            check,
        )
