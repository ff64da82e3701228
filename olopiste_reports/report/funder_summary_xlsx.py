# Copyright 2026 Olopiste contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import models

COLUMN_WIDTHS = (46, 12, 10, 12, 36, 8, 10, 44)


class FunderSummaryXlsx(models.AbstractModel):
    """The project dashboard for a period: targets against actuals."""

    _name = "report.olopiste_reports.funder_summary_xlsx"
    _inherit = "report.olopiste_reports.export_xlsx"
    _description = "Funder Summary XLSX"

    def _title(self):
        return self.env._("Funder summary")

    def _definitions(self, wizard):
        project = wizard.project_id
        return [
            (
                self.env._("On a follow-on path"),
                self.env._(
                    "Clients with an outgoing referral of a type that counts as a "
                    "follow-on path, started or completed, started by the end of the "
                    "period. The breakdown by category counts a client once per "
                    "category, so it may add up to more than the total."
                ),
            ),
            (
                self.env._("Work ability self-assessment"),
                self.env._(
                    "First and last self-assessment by the end of the period of the "
                    "clients with two or more: improved or worse when the total "
                    "changed by at least %(threshold)s points; otherwise unchanged.",
                    threshold=project.capacity_threshold,
                ),
            ),
            (
                self.env._("Participation hours and person-days"),
                self.env._(
                    "Hours of attended activities in the period. Person-days = hours "
                    "/ %(hours)s, rounded half up to whole days (5,035 h / 7 = "
                    "719.29 → 719).",
                    hours=project.hours_per_day,
                ),
            ),
            (
                self.env._("Average client period"),
                self.env._(
                    "Mean of the cases' days from entry to exit (or to the end of the "
                    "period), in months of 30.4375 days, rounded half up."
                ),
            ),
            (
                self.env._("Average age at entry"),
                self.env._(
                    "Mean of the clients' whole years of age at their first entry, "
                    "of those with a birthdate, rounded half up."
                ),
            ),
            (
                self.env._("Took part"),
                self.env._(
                    "Clients who attended at least once in the period, plus the "
                    "anonymous participants counted in the project's activities."
                ),
            ),
        ]

    def _write_sheets(self, workbook, wizard, formats):
        figures = self.env["olopiste.report.figures"]
        rows = figures._dashboard(wizard.project_id, wizard.date_to, wizard.date_from)
        sheet = self._sheet(workbook, self.env._("Funder summary"), COLUMN_WIDTHS)
        sheet.write_row(
            0,
            0,
            [
                self.env._("Figure"),
                self.env._("Count or value"),
                self.env._("Unit"),
                self.env._("Denominator"),
                self.env._("Denominator is"),
                self.env._("%"),
                self.env._("Target"),
                self.env._("Result"),
            ],
            formats["header"],
        )
        for line, row in enumerate(rows, start=1):
            label = ("    " * row["level"]) + row["label"]
            sheet.write(line, 0, label)
            is_count = not row["unit"]
            basis = row.get("basis")
            if is_count:
                self._write_count(sheet, line, 1, wizard, row["count"], formats)
            elif basis is not None and self._is_suppressed(wizard, basis):
                sheet.write_string(
                    line, 1, self._count(wizard, basis), formats["suppressed"]
                )
            elif row["count"] is not None:
                sheet.write_number(
                    line,
                    1,
                    row["count"],
                    formats["integer"]
                    if isinstance(row["count"], int)
                    else formats["hours"],
                )
            sheet.write(line, 2, row["unit"])
            if row["denominator"] is not None:
                self._write_count(sheet, line, 3, wizard, row["denominator"], formats)
                sheet.write(line, 4, row["denominator_label"])
            self._write_percent(
                sheet,
                line,
                5,
                wizard,
                row["percent"],
                (row["count"], row["denominator"]),
                formats,
            )
            if row["target"] is not None:
                sheet.write_number(
                    line,
                    6,
                    row["target"],
                    formats["percent"]
                    if row["target_is_percent"]
                    else formats["integer"],
                )
            suppressed = any(
                self._is_suppressed(wizard, c)
                for c in (row["count"], row["denominator"])
            )
            sheet.write(
                line,
                7,
                figures._describe(
                    row,
                    count=self._count(wizard, row["count"]) if is_count else None,
                    denominator=self._count(wizard, row["denominator"]),
                    percent="" if suppressed else None,
                ),
            )
