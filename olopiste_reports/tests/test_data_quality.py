# Copyright 2026 Olopiste contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo.exceptions import AccessError
from odoo.tests import tagged

from odoo.addons.olopiste_case.tests.common import OlopisteTestCase


@tagged("post_install", "-at_install", "olopiste_reports")
class TestDataQuality(OlopisteTestCase):
    def test_issues_link_to_their_records(self):
        self.case.write(
            {
                "labour_status": "inactive",
                "education_level": "isced_3_4",
                "funder_start_date": "2016-01-20",
                "funder_end_date": "2016-06-20",
                "date_exit": "2016-06-15",
            }
        )
        issues = (
            self.env["olopiste.data.quality"]
            .with_user(self.user_finance)
            .search([("project_id", "=", self.project.id)])
        )
        # finance sees the case number, never the case (its name is the client's)
        by_case = {}
        for issue in issues:
            by_case.setdefault(issue.reference, set()).add(issue.issue)
        self.assertEqual(
            by_case[self.case.code],
            {
                "missing_funder_data",
                "exit_without_situation",
                "followup_overdue",
                "nationality_missing",
            },
        )
        self.assertEqual(
            by_case[self.case2.code], {"missing_funder_data", "nationality_missing"}
        )
        with self.assertRaises(AccessError):
            issues.read(["case_id"])
        issue = issues.sudo().filtered(
            lambda i: i.case_id == self.case2 and i.issue == "missing_funder_data"
        )
        self.assertEqual(issue.reference, self.case2.code)
        action = issue.action_open_record()
        self.assertEqual(
            (action["res_model"], action["res_id"]), ("olopiste.case", self.case2.id)
        )
        # recording the follow-up and the situation clears them
        self.case.write(
            {
                "exit_situation": "employed",
                "followup_date": "2016-12-10",
                "nationality": "eu",
            }
        )
        self.assertFalse(
            self.env["olopiste.data.quality"].search([("case_id", "=", self.case.id)])
        )
