# Copyright 2026 Olopiste contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import models

COLUMN_WIDTHS = (46, 16)


class WageSubsidyXlsx(models.AbstractModel):
    """How much of the wage-subsidy appropriation was used, and for how many."""

    _name = "report.olopiste_reports.wage_subsidy_xlsx"
    _inherit = "report.olopiste_reports.export_xlsx"
    _description = "Wage-Subsidy Appropriation XLSX"

    def _title(self):
        return self.env._("Wage-subsidy appropriation")

    def _definitions(self, wizard):
        return [
            (
                self.env._("Used"),
                self.env._(
                    "Costs in the period of the analytic lines whose funder cost "
                    "category is marked as the wage-subsidy appropriation."
                ),
            ),
            (
                self.env._("Share used"),
                self.env._("Used / appropriation, to one decimal, rounded half up."),
            ),
            (
                self.env._("People employed"),
                self.env._(
                    "Different clients with an outgoing referral of the type "
                    "“Wage-subsidised work”, started or completed, that started by "
                    "the end of the period and had not ended before its start."
                ),
            ),
        ]

    def _write_sheets(self, workbook, wizard, formats):
        figures = self.env["olopiste.report.figures"]._wage_subsidy(
            wizard.project_id, wizard.date_from, wizard.date_to
        )
        sheet = self._sheet(workbook, self.env._("Wage subsidy"), COLUMN_WIDTHS)
        sheet.write_row(
            0, 0, [self.env._("Figure"), self.env._("Value")], formats["header"]
        )
        money = formats["money"]
        sheet.write(1, 0, self.env._("Appropriation (€)"))
        sheet.write_number(1, 1, float(figures["appropriation"]), money)
        sheet.write(2, 0, self.env._("Used (€)"))
        sheet.write_number(2, 1, float(figures["used"]), money)
        sheet.write(3, 0, self.env._("Left (€)"))
        sheet.write_number(3, 1, float(figures["left"]), money)
        sheet.write(4, 0, self.env._("Share used"))
        if figures["share_used"] is not None:
            sheet.write_number(4, 1, figures["share_used"], formats["percent1"])
        sheet.write(5, 0, self.env._("People employed with wage subsidy"))
        people = figures["people"]
        self._write_count(
            sheet, 5, 1, wizard, people, formats, self._primary(wizard, people)
        )
