# Copyright 2026 Olopiste contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from decimal import Decimal

from odoo import models

from odoo.addons.olopiste_case.models.calendar_event import ACTIVITY_KINDS

from ..tools.rounding import to_cents

COLUMN_WIDTHS = (10, 30, 12, 14, 12, 10)


class HoursXlsx(models.AbstractModel):
    """Participation hours and person-days per month and activity kind."""

    _name = "report.olopiste_reports.hours_xlsx"
    _inherit = "report.olopiste_reports.export_xlsx"
    _description = "Participation Hours XLSX"

    def _title(self):
        return self.env._("Participation hours and person-days")

    def _definitions(self, wizard):
        return [
            (
                self.env._("Hours"),
                self.env._(
                    "Hours of attended activities, by the activity's month and kind."
                ),
            ),
            (
                self.env._("Person-days"),
                self.env._(
                    "Hours / %(hours)s. Rows show two decimals; the total row also "
                    "shows whole person-days, rounded half up from the total hours "
                    "(5,035 h / 7 = 719.29 → 719).",
                    hours=wizard.project_id.hours_per_day,
                ),
            ),
            (
                self.env._("Clients"),
                self.env._(
                    "Different clients who attended in the month and kind; a client "
                    "may count in several rows, so the column is not summed."
                ),
            ),
        ]

    def _write_sheets(self, workbook, wizard, formats):
        project = wizard.project_id
        figures = self.env["olopiste.report.figures"]
        rows = figures._hours(project, wizard.date_from, wizard.date_to)
        kinds = dict(
            self.env["olopiste.attendance"]
            ._fields["kind"]
            ._description_selection(self.env)
            or ACTIVITY_KINDS
        )
        sheet = self._sheet(workbook, self.env._("Hours"), COLUMN_WIDTHS)
        sheet.write_row(
            0,
            0,
            [
                self.env._("Month"),
                self.env._("Activity kind"),
                self.env._("Hours"),
                self.env._("Person-days"),
                self.env._("Attendances"),
                self.env._("Clients"),
            ],
            formats["header"],
        )
        total_hours = Decimal("0")
        total_count = 0
        for line, (month, kind, hours, count, persons) in enumerate(rows, start=1):
            hours = to_cents(hours)
            total_hours += hours
            total_count += count
            sheet.write_string(line, 0, month.strftime("%Y-%m"))
            sheet.write(line, 1, kinds.get(kind, self.env._("Not set")))
            sheet.write_number(line, 2, float(hours), formats["hours"])
            sheet.write_number(
                line, 3, figures._person_days(project, hours, 2), formats["hours"]
            )
            sheet.write_number(line, 4, count, formats["integer"])
            self._write_count(
                sheet,
                line,
                5,
                wizard,
                persons,
                formats,
                self._primary(wizard, persons),
            )
        line = len(rows) + 1
        sheet.write(line, 0, self.env._("Total"), formats["bold"])
        sheet.write_number(line, 2, float(total_hours), formats["hours"])
        sheet.write_number(
            line, 3, figures._person_days(project, total_hours, 2), formats["hours"]
        )
        sheet.write_number(line, 4, total_count, formats["integer"])
        sheet.write(line + 1, 0, self.env._("Person-days, rounded"), formats["bold"])
        sheet.write_number(
            line + 1, 3, figures._person_days(project, total_hours), formats["integer"]
        )
