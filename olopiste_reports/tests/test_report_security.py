# Copyright 2026 Olopiste contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo.exceptions import AccessError
from odoo.tests import tagged

from .common import AS_OF, ReportsCase

REPORT_MODELS = (
    "olopiste.case.report",
    "olopiste.attendance.report",
    "olopiste.referral.report",
    "olopiste.data.quality",
)


@tagged("post_install", "-at_install", "olopiste_reports", "olopiste_security")
class TestReportSecurity(ReportsCase):
    def test_finance_reads_every_report_without_sensitive_fields(self):
        Report = self.env["olopiste.case.report"].with_user(self.user_finance)
        groups = Report._read_group(
            [("project_id", "=", self.ref_project.id)],
            ["age_band"],
            ["case_count:sum"],
        )
        self.assertEqual(dict(groups), {"30_54": 67, "55_plus": 67})
        for model in REPORT_MODELS:
            self.assertTrue(
                self.env[model].with_user(self.user_finance).search_count([]), model
            )
        self.assertNotIn("disability_count", Report.fields_get())
        with self.assertRaises(AccessError):
            Report.search([], limit=1).read(["disability_count"])
        self.assertNotIn("partner_id", Report._fields)

    def test_manager_counts_special_categories_where_given(self):
        self.ref_cases[0].write(
            {"consent_sensitive_date": "2016-01-15", "disability": "yes"}
        )
        self.ref_cases[1].write(
            {"consent_sensitive_date": "2016-01-15", "disability": "no"}
        )
        self.ref_cases[2].disability = "declined"
        Report = self.env["olopiste.case.report"].with_user(self.user_manager)
        ((given, yes),) = Report._read_group(
            [("project_id", "=", self.ref_project.id)],
            [],
            ["disability_answered:sum", "disability_count:sum"],
        )
        self.assertEqual((given, yes), (2, 1))

    def test_hours_report_by_month_and_kind(self):
        Report = self.env["olopiste.attendance.report"].with_user(self.user_finance)
        ((hours, days),) = Report._read_group(
            [("project_id", "=", self.ref_project.id)],
            [],
            ["hours:sum", "person_days:sum"],
        )
        self.assertEqual(hours, 5035)
        self.assertAlmostEqual(days, 5035 / 7)
        by_kind = dict(
            Report._read_group(
                [("project_id", "=", self.ref_project.id)], ["kind"], ["hours:sum"]
            )
        )
        self.assertEqual(by_kind, {"group": 2520, "theme_group": 2515})

    def test_referral_report_by_category_and_state(self):
        Report = self.env["olopiste.referral.report"].with_user(self.user_manager)
        counts = dict(
            Report._read_group(
                [("project_id", "=", self.ref_project.id)],
                ["state"],
                ["referral_count:sum"],
            )
        )
        self.assertEqual(counts, {"started": 71, "planned": 1})

    def test_manager_sees_only_their_projects(self):
        other_manager = self.env["res.users"].create(
            {
                "name": "Other Manager",
                "login": "olo_other_manager",
                "groups_id": [
                    (6, 0, [self.env.ref("olopiste_case.group_olopiste_manager").id])
                ],
            }
        )
        self.assertFalse(
            self.env["olopiste.case.report"]
            .with_user(other_manager)
            .search_count([("project_id", "=", self.ref_project.id)])
        )
        # the project is readable to every manager, its figures are not
        with self.assertRaises(AccessError):
            self._export(other_manager, "participants", recipient="internal")
        dashboard = (
            self.env["olopiste.dashboard"]
            .with_user(other_manager)
            .create({"project_id": self.ref_project.id, "date_to": AS_OF})
        )
        with self.assertRaises(AccessError):
            dashboard.result_html  # noqa: B018

    def test_students_and_workers_see_no_reports(self):
        for user in (self.user_student, self.user_worker, self.user_plain):
            for model in REPORT_MODELS:
                with self.assertRaises(AccessError, msg=f"{user.login} {model}"):
                    self.env[model].with_user(user).search([], limit=1)
            with self.assertRaises(AccessError):
                self.env["olopiste.report.export"].with_user(user).create(
                    {"project_id": self.ref_project.id, "date_to": AS_OF}
                )

    def test_finance_exports_hold_no_names(self):
        for export in ("funder_summary", "participants", "hours", "wage_subsidy"):
            workbook = self._export(self.user_finance, export, recipient="internal")
            text = self._all_text(workbook)
            self.assertNotIn("Refclient", text, export)
            self.assertNotIn("Aino", text, export)
