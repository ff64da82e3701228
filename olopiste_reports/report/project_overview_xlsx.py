# Copyright 2026 Olopiste contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import fields, models

SHEET_NAME_MAX = 31
COLUMN_WIDTHS = (12, 36, 18, 12, 12, 10, 28)


class ProjectOverviewXlsx(models.AbstractModel):
    """One row per project: code, programme, period, flat rate, manager."""

    _name = "report.olopiste_reports.project_overview_xlsx"
    _inherit = "report.report_xlsx.abstract"
    _description = "Project Overview XLSX"

    def _header(self):
        return [
            self.env._("Code"),
            self.env._("Project"),
            self.env._("Programme"),
            self.env._("Start"),
            self.env._("End"),
            self.env._("Flat Rate (%)"),
            self.env._("Project Manager"),
        ]

    def generate_xlsx_report(self, workbook, data, projects):
        bold = workbook.add_format({"bold": True})
        date_format = workbook.add_format({"num_format": "yyyy-mm-dd"})
        sheet = workbook.add_worksheet(self.env._("Projects")[:SHEET_NAME_MAX])
        for col, width in enumerate(COLUMN_WIDTHS):
            sheet.set_column(col, col, width)
        sheet.write_row(0, 0, self._header(), bold)
        programmes = dict(
            projects._fields["programme"]._description_selection(self.env)
        )
        for row, project in enumerate(projects, start=1):
            sheet.write_row(
                row,
                0,
                [
                    project.code or "",
                    project.name,
                    programmes.get(project.programme, ""),
                ],
            )
            for col, value in ((3, project.date_start), (4, project.date_end)):
                if value:
                    sheet.write_datetime(
                        row, col, fields.Datetime.to_datetime(value), date_format
                    )
            sheet.write_number(row, 5, project.flat_rate)
            sheet.write(row, 6, project.manager_id.name or "")
