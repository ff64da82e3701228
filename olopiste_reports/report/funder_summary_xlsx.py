# Copyright 2026 Olopiste contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import models

COLUMN_WIDTHS = (46, 12, 10, 12, 36, 8, 10, 44)


class FunderSummaryXlsx(models.AbstractModel):
    """The project dashboard for a period: targets against actuals."""

    _name = "report.olopiste_reports.funder_summary_xlsx"
    _inherit = "report.olopiste_reports.export_xlsx"
    _description = "Funder Summary XLSX"
    _counts_participants = True

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
            (
                self.env._("Clients and participants"),
                self.env._(
                    "The targets sheet counts clients with a case open at some time "
                    "in the period; the ESF+ indicators sheet counts participants "
                    "as stated under “Participants counted”."
                ),
            ),
            *self._indicator_definitions(wizard),
        ]

    def _summary_cells(self, wizard, rows):
        """The counts and denominators of the summary and the relations
        between them: a denominator of clients is the clients' count; the
        parts of a breakdown (follow-on categories, the three self-assessment
        results, the answers to one question) add up to their denominator."""
        cells = self._suppression_table(wizard)
        groups = {}
        for row in rows:
            key = row["key"]
            protect = self._suppresses(wizard, special=row.get("special", False))
            if not row["unit"] and row["count"] is not None:
                cells.cell(("count", key), row["count"], protect=protect)
            if row["denominator"] is not None:
                cells.cell(("den", key), row["denominator"], protect=protect)
                if row.get("denominator_key"):
                    cells.same(("den", key), ("count", row["denominator_key"]))
            if row.get("part_of"):
                groups.setdefault(row["part_of"], []).append(key)
        cells.same(("count", "registered"), ("count", "clients"))
        for group, keys in groups.items():
            for key in keys[1:]:
                cells.same(("den", keys[0]), ("den", key))
            cells.total(("den", keys[0]), [("count", key) for key in keys])
            if group == "followon":
                cells.same(("den", keys[0]), ("count", "followon"))
        return cells

    def _write_sheets(self, workbook, wizard, formats):
        figures = self.env["olopiste.report.figures"]
        rows = figures._dashboard(wizard.project_id, wizard.date_to, wizard.date_from)
        hidden = self._summary_cells(wizard, rows).suppressed()
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
            count_state = hidden.get(("count", row["key"]))
            den_state = hidden.get(("den", row["key"]))
            if is_count:
                self._write_count(
                    sheet, line, 1, wizard, row["count"], formats, state=count_state
                )
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
                self._write_count(
                    sheet, line, 3, wizard, row["denominator"], formats, state=den_state
                )
                sheet.write(line, 4, row["denominator_label"])
            suppressed = bool(count_state or den_state)
            self._write_percent(sheet, line, 5, row["percent"], formats, suppressed)
            if row["target"] is not None:
                sheet.write_number(
                    line,
                    6,
                    row["target"],
                    formats["percent"]
                    if row["target_is_percent"]
                    else formats["integer"],
                )
            sheet.write(
                line,
                7,
                figures._describe(
                    row,
                    count=self._shown(wizard, row["count"], count_state)
                    if is_count
                    else None,
                    denominator=self._shown(wizard, row["denominator"], den_state),
                    percent="" if suppressed else None,
                ),
            )
        people = figures._participants(
            wizard.project_id, wizard.date_from, wizard.date_to, wizard.period_basis
        )
        self._write_indicator_sheet(workbook, wizard, formats, people)
