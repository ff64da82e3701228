# Copyright 2026 Olopiste contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import fields, models
from odoo.exceptions import UserError
from odoo.tools.misc import format_date, format_datetime

from odoo.addons.olopiste_case.const import GROUP_WORKER

from ..models.olopiste_report_figures_participants import (
    GENDER_COLUMNS,
    RESULT_CODES,
    SPECIAL_INDICATORS,
)
from ..tools.suppression import PRIMARY, SECONDARY, SuppressionTable

SHEET_NAME_MAX = 31
COVER_WIDTHS = (34, 90)
SUPPRESSED_PERCENT = "–"
# a cell hidden because a small count could be worked out from it
SUPPRESSED_DERIVABLE = ".."


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
        lang = self.env["res.lang"]
        return {
            "title": workbook.add_format({"bold": True, "font_size": 14}),
            "bold": workbook.add_format({"bold": True}),
            "header": workbook.add_format(
                {"bold": True, "bg_color": "#DDDDDD", "text_wrap": True}
            ),
            "header_number": workbook.add_format(
                {
                    "bold": True,
                    "bg_color": "#DDDDDD",
                    "text_wrap": True,
                    "align": "right",
                }
            ),
            "wrap": workbook.add_format({"text_wrap": True, "valign": "top"}),
            "date": workbook.add_format(
                {"num_format": lang._olopiste_excel_date_format()}
            ),
            "month": workbook.add_format(
                {"num_format": lang._olopiste_excel_date_format(month=True)}
            ),
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
                    start=format_date(self.env, period_from)
                    if period_from
                    else self.env._("start"),
                    end=format_date(self.env, wizard.date_to),
                ),
            ),
            (
                self.env._("Run on"),
                format_datetime(self.env, fields.Datetime.now(), dt_format="short"),
            ),
            (self.env._("Run by"), self.env.user.name),
            (self.env._("Recipient"), self._recipient_text(wizard)),
        ]
        if self._counts_participants:
            bases = dict(
                wizard._fields["period_basis"]._description_selection(self.env)
            )
            rows.append(
                (
                    self.env._("Participants counted"),
                    self.env._(
                        "%(basis)s. %(explanation)s",
                        basis=bases[wizard.period_basis],
                        explanation=self._basis_text(wizard),
                    ),
                )
            )
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

    # the export counts participants by the wizard's period basis
    _counts_participants = False

    def _recipient_text(self, wizard):
        threshold = wizard.project_id.suppression_threshold
        small = self.env._(
            "counts from 1 to %(below)s are shown as “<%(threshold)s”, and every "
            "cell from which one could be worked out (totals, complements, "
            "percentages) as “%(derivable)s”",
            below=max(threshold - 1, 0),
            threshold=threshold,
            derivable=SUPPRESSED_DERIVABLE,
        )
        if wizard.recipient == "funder":
            return self.env._(
                "The funder: pseudonymised figures without suppression, except "
                "special-category figures, which are aggregates only: %(small)s.",
                small=small,
            )
        if wizard.recipient == "other":
            return self.env._(
                "Outside the organisation: aggregates only; %(small)s.", small=small
            )
        return self.env._(
            "Stays in the organisation: every count is shown (internal use only)."
        )

    def _basis_text(self, wizard):
        if wizard.period_basis == "entered":
            return self.env._(
                "Participants whose first entry to the project falls in the period "
                "(successive periods add up)."
            )
        if wizard.period_basis == "left":
            return self.env._("Participants whose last case ended in the period.")
        return self.env._(
            "Every participant who entered the project by the end of the period."
        )

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

    def _suppresses(self, wizard, special=False):
        """Whether small counts are hidden. The one rule: special-category
        figures in every export that leaves the organisation or is made by
        someone who may not read them; other figures in exports for anyone
        outside the organisation but the funder, who receives pseudonymised
        individual data anyway."""
        if special:
            return wizard.leaves_organisation or not self.env.user.has_group(
                GROUP_WORKER
            )
        return wizard.recipient == "other"

    def _is_suppressed(self, wizard, count):
        """A small count of an export whose counts are suppressed (cells of a
        `SuppressionTable` get their state from the table instead)."""
        threshold = wizard.project_id.suppression_threshold
        return bool(
            self._suppresses(wizard)
            and isinstance(count, int)
            and 0 < count < threshold
        )

    def _primary(self, wizard, count):
        return PRIMARY if self._is_suppressed(wizard, count) else None

    def _suppression_table(self, wizard):
        return SuppressionTable(wizard.project_id.suppression_threshold)

    def _shown(self, wizard, count, state):
        """The count as shown: itself, “<N” or “..” (see `SuppressionTable`)."""
        if state == PRIMARY:
            return f"<{wizard.project_id.suppression_threshold}"
        if state == SECONDARY:
            return SUPPRESSED_DERIVABLE
        return count

    def _count(self, wizard, count):
        """The count, or “<N” when it is small and is suppressed."""
        return self._shown(wizard, count, self._primary(wizard, count))

    def _write_count(self, sheet, row, col, wizard, count, formats, state):
        """The count as its suppression `state` shows it (see `_shown`)."""
        value = self._shown(wizard, count, state)
        if value is None:
            sheet.write_blank(row, col, None)
        elif isinstance(value, str):
            sheet.write_string(row, col, value, formats["suppressed"])
        else:
            sheet.write_number(row, col, value, formats["integer"])

    def _write_percent(self, sheet, row, col, percent, formats, hidden):
        """The percentage, unless a count it comes from is `hidden`."""
        if percent is None:
            sheet.write_blank(row, col, None)
        elif hidden:
            sheet.write_string(row, col, SUPPRESSED_PERCENT, formats["suppressed"])
        else:
            sheet.write_number(row, col, percent, formats["percent"])

    # ------------------------------------------------------------------
    # the ESF+ indicators by gender, as an aggregate table

    def _indicator_definitions(self, wizard):
        """(code, rule) of each indicator, for the cover sheet."""
        figures = self.env["olopiste.report.figures"]
        return [
            (f"{code} {label}", rule)
            for code, label, _special, rule in figures._indicators(wizard.project_id)
        ]

    def _indicator_cells(self, wizard, table):
        """The table's cells and the relations between them, for suppression:
        every row is the sum of its genders; EECO01 of EECO02, EECO04 and
        EECO05; the participants of EECO01 and of the education levels and
        their “not known”. The “not known” counts are always shown."""
        cells = self._suppression_table(wizard)
        for key, columns in table.items():
            protect = self._suppresses(wizard, special=key in SPECIAL_INDICATORS)
            for column in GENDER_COLUMNS:
                cells.cell((key, column), columns[column], protect=protect)
            cells.cell((key, "unknown"), columns["unknown"], protect=False)
            cells.total((key, "total"), [(key, g) for g in GENDER_COLUMNS[1:]])
        for column in GENDER_COLUMNS:
            cells.total(
                ("EECO01", column),
                [("EECO02", column), ("EECO04", column), ("EECO05", column)],
            )
        cells.total(
            ("participants", "total"), [("EECO01", "total"), ("EECO01", "unknown")]
        )
        cells.total(
            ("participants", "total"),
            [
                ("EECO09", "total"),
                ("EECO10", "total"),
                ("EECO11", "total"),
                ("EECO09", "unknown"),
            ],
        )
        return cells

    def _write_indicator_sheet(self, workbook, wizard, formats, people):
        """The 23 indicators as total and by gender, with “not known”."""
        figures = self.env["olopiste.report.figures"]
        project = wizard.project_id
        table = figures._indicator_table(project, people)
        hidden = self._indicator_cells(wizard, table).suppressed()
        sheet = self._sheet(
            workbook, self.env._("ESF+ indicators"), (10, 48, 11, 11, 11, 17, 15, 12)
        )
        sheet.write_row(
            0, 0, [self.env._("Code"), self.env._("Indicator")], formats["header"]
        )
        sheet.write_row(
            0,
            2,
            [
                self.env._("Total"),
                self.env._("Women"),
                self.env._("Men"),
                self.env._("Non-binary"),
                self.env._("Gender not stated"),
                self.env._("Not known"),
            ],
            formats["header_number"],
        )
        sheet.freeze_panes(1, 2)
        rows = [("", self.env._("Participants counted"), "participants")]
        for code, label, *_rest in figures._indicators():
            if code == RESULT_CODES[0]:
                rows.append(
                    ("", self.env._("Of whom left in the period (results)"), "left")
                )
            rows.append((code, label, code))
        for line, (code, label, key) in enumerate(rows, start=1):
            sheet.write(line, 0, code, formats["bold"])
            sheet.write(line, 1, label, formats["wrap"])
            for col, column in enumerate(GENDER_COLUMNS, start=2):
                self._write_count(
                    sheet,
                    line,
                    col,
                    wizard,
                    table[key][column],
                    formats,
                    state=hidden.get((key, column)),
                )
            if key not in ("participants", "left"):
                sheet.write_number(line, 7, table[key]["unknown"], formats["integer"])
        return sheet
