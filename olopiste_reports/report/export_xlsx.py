# Copyright 2026 Olopiste contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import fields, models
from odoo.exceptions import UserError

SHEET_NAME_MAX = 31
COVER_WIDTHS = (34, 90)
SUPPRESSED_PERCENT = "–"


class OlopisteExportXlsx(models.AbstractModel):
    """What every Olopiste funder export shares: the cover sheet with the
    project, period, run date, filters and definitions, the cell formats and
    the suppression of small counts. Each export is its own report class
    inheriting this one; it writes its sheets in `_write_sheets`."""

    _name = "report.olopiste_reports.export_xlsx"
    _inherit = "report.report_xlsx.abstract"
    _description = "Olopiste Funder Export (XLSX)"

    # ------------------------------------------------------------------
    # to implement in each export

    def _title(self):
        raise NotImplementedError

    def _definitions(self, wizard):
        """(term, definition) pairs for the cover sheet."""
        return []

    def _write_sheets(self, workbook, wizard, formats):
        raise NotImplementedError

    # ------------------------------------------------------------------

    def generate_xlsx_report(self, workbook, data, wizards):
        wizard = wizards[:1]
        if not wizard:
            raise UserError(self.env._("Choose the project and the period to export."))
        self.env["olopiste.report.figures"]._check_project_access(wizard.project_id)
        formats = self._formats(workbook)
        self._write_cover(workbook, wizard, formats)
        self._write_sheets(workbook, wizard, formats)

    def _formats(self, workbook):
        return {
            "title": workbook.add_format({"bold": True, "font_size": 14}),
            "bold": workbook.add_format({"bold": True}),
            "header": workbook.add_format(
                {"bold": True, "bg_color": "#DDDDDD", "text_wrap": True}
            ),
            "wrap": workbook.add_format({"text_wrap": True, "valign": "top"}),
            "date": workbook.add_format({"num_format": "yyyy-mm-dd"}),
            "month": workbook.add_format({"num_format": "yyyy-mm"}),
            "hours": workbook.add_format({"num_format": "#,##0.00"}),
            "money": workbook.add_format({"num_format": "#,##0.00"}),
            "money_bold": workbook.add_format({"num_format": "#,##0.00", "bold": True}),
            "percent": workbook.add_format({"num_format": '0" %"'}),
            "percent1": workbook.add_format({"num_format": '0.0" %"'}),
            "integer": workbook.add_format({"num_format": "#,##0"}),
            "suppressed": workbook.add_format({"align": "right"}),
        }

    def _sheet(self, workbook, name, widths):
        sheet = workbook.add_worksheet(name[:SHEET_NAME_MAX])
        # printable: landscape, all columns on one page wide
        sheet.set_landscape()
        sheet.set_paper(9)  # A4
        sheet.fit_to_pages(1, 0)
        for col, width in enumerate(widths):
            sheet.set_column(col, col, width)
        return sheet

    def _write_cover(self, workbook, wizard, formats):
        project = wizard.project_id
        sheet = self._sheet(workbook, self.env._("Cover"), COVER_WIDTHS)
        programmes = dict(project._fields["programme"]._description_selection(self.env))
        sheet.write(0, 0, self._title(), formats["title"])
        period_from = wizard.date_from or project.date_start
        rows = [
            (self.env._("Project"), project.name),
            (self.env._("Project code"), project.code or ""),
            (self.env._("Programme"), programmes.get(project.programme, "")),
            (
                self.env._("Period"),
                self.env._(
                    "%(start)s – %(end)s",
                    start=period_from.isoformat()
                    if period_from
                    else self.env._("start"),
                    end=wizard.date_to.isoformat(),
                ),
            ),
            (
                self.env._("Run on"),
                fields.Datetime.context_timestamp(self, fields.Datetime.now()).strftime(
                    "%Y-%m-%d %H:%M"
                ),
            ),
            (self.env._("Run by"), self.env.user.name),
            (
                self.env._("Leaves the organisation"),
                self.env._(
                    "Yes: counts from 1 to %(below)s are shown as “<%(threshold)s”, "
                    "and so are the percentages computed from them.",
                    below=max(project.suppression_threshold - 1, 0),
                    threshold=project.suppression_threshold,
                )
                if wizard.leaves_organisation
                else self.env._("No: every count is shown (internal use only)."),
            ),
        ]
        for row, (label, value) in enumerate(rows, start=2):
            sheet.write(row, 0, label, formats["bold"])
            sheet.write(row, 1, value, formats["wrap"])
        start = len(rows) + 3
        sheet.write(start, 0, self.env._("Definitions"), formats["title"])
        for row, (term, definition) in enumerate(
            self._definitions(wizard) + self._common_definitions(wizard),
            start=start + 1,
        ):
            sheet.write(row, 0, term, formats["bold"])
            sheet.write(row, 1, definition, formats["wrap"])
        return sheet

    def _common_definitions(self, wizard):
        return [
            (
                self.env._("Client"),
                self.env._(
                    "A person with a case in the project that was open at some time "
                    "in the period (entered on or before its end, and not exited "
                    "before its start). A person with several cases counts once."
                ),
            ),
            (
                self.env._("Percentages"),
                self.env._(
                    "Each percentage names its denominator. Whole percentages are "
                    "rounded half up (52.99 % → 53 %); financing shares to one "
                    "decimal."
                ),
            ),
        ]

    # ------------------------------------------------------------------
    # suppression of small counts

    def _is_suppressed(self, wizard, count):
        threshold = wizard.project_id.suppression_threshold
        return bool(
            wizard.leaves_organisation
            and isinstance(count, int)
            and 0 < count < threshold
        )

    def _count(self, wizard, count):
        """The count, or “<N” when it is small and the export leaves the house."""
        if self._is_suppressed(wizard, count):
            return f"<{wizard.project_id.suppression_threshold}"
        return count

    def _write_count(self, sheet, row, col, wizard, count, formats):
        value = self._count(wizard, count)
        if value is None:
            sheet.write_blank(row, col, None)
        elif isinstance(value, str):
            sheet.write_string(row, col, value, formats["suppressed"])
        else:
            sheet.write_number(row, col, value, formats["integer"])

    def _write_percent(self, sheet, row, col, wizard, percent, counts, formats):
        """The percentage, unless one of the counts it comes from is suppressed."""
        if percent is None:
            sheet.write_blank(row, col, None)
        elif any(self._is_suppressed(wizard, c) for c in counts):
            sheet.write_string(row, col, SUPPRESSED_PERCENT, formats["suppressed"])
        else:
            sheet.write_number(row, col, percent, formats["percent"])
