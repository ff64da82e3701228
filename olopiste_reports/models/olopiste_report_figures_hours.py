# Copyright 2026 Olopiste contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from decimal import Decimal

from odoo import api, models

from odoo.addons.olopiste_case.const import DEFAULT_HOURS_PER_DAY

from ..tools.rounding import round_half_up, to_cents


class OlopisteReportFigures(models.AbstractModel):
    """Participation hours by month and activity kind."""

    # one file a report, on the one figures model (olopiste_report_figures.py)
    _inherit = "olopiste.report.figures"  # pylint: disable=consider-merging-classes-inherited

    @api.model
    def _hours_per_day(self, project):
        """The hours of the project's person-day, as a Decimal."""
        return Decimal(str(project.hours_per_day or DEFAULT_HOURS_PER_DAY))

    @api.model
    def _person_days(self, project, hours, digits=0):
        """`hours` as the project's person-days, rounded half up."""
        return round_half_up(to_cents(hours) / self._hours_per_day(project), digits)

    @api.model
    def _attended_domain(self, project, date_from, date_to):
        """The project's attendance, attended in the period."""
        return [
            ("project_id", "=", project.id),
            ("state", "=", "attended"),
            *self._in_period_domain("date", date_from, date_to),
        ]

    @api.model
    def _hours(self, project, date_from, date_to):
        """(month, kind, hours, attendances, persons) rows, by month and kind."""
        return self._aggregate(
            "olopiste.attendance",
            self._attended_domain(project, date_from, date_to),
            ["date:month", "kind"],
            ["hours:sum", "__count", "partner_id:count_distinct"],
        )
