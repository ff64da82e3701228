# Copyright 2026 Olopiste contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from io import BytesIO

import openpyxl

from odoo.exceptions import AccessError
from odoo.tests import tagged

from odoo.addons.olopiste_case.tests.common import OlopisteTestCase

REPORT = "olopiste_reports.project_overview_xlsx"


@tagged("post_install", "-at_install", "olopiste_reports")
class TestProjectOverviewXlsx(OlopisteTestCase):
    def _render_as(self, user, projects):
        report = self.env["ir.actions.report"].with_user(user)
        content, report_type = report._render(REPORT, projects.ids, {})
        self.assertEqual(report_type, "xlsx")
        return openpyxl.load_workbook(BytesIO(content)).active

    def test_finance_exports_projects(self):
        projects = self.project | self.other_project
        sheet = self._render_as(self.user_finance, projects)
        rows = list(sheet.iter_rows(values_only=True))
        self.assertEqual(rows[0][:2], ("Code", "Project"))
        by_code = {row[0]: row for row in rows[1:]}
        self.assertEqual(set(by_code), {"T0001", "T0002"})
        row = by_code["T0001"]
        self.assertEqual(row[1], "Test project")
        self.assertEqual(row[2], "ESF 2014–2020")
        self.assertEqual(row[3].date().isoformat(), "2015-09-01")
        self.assertEqual(row[5], 17)
        self.assertEqual(row[6], self.user_manager.name)

    def test_student_cannot_export_other_projects(self):
        with self.assertRaises(AccessError):
            self._render_as(self.user_student, self.other_project)
