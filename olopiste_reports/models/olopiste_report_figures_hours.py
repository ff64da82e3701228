# Copyright 2026 Olopiste contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from decimal import Decimal

from odoo import api, models
from odoo.tools import SQL

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
    def _attended_sql(self, project, date_from, date_to):
        """SQL: the attendance `a` is of the project, attended in the period."""
        return SQL(
            "a.project_id = %(project)s AND a.state = 'attended' AND %(in_period)s",
            project=project.id,
            in_period=self._in_period(SQL("a.date"), date_from, date_to),
        )

    @api.model
    def _hours_query(self, project, date_from, date_to):
        return SQL(
            """
                SELECT date_trunc('month', a.date)::date, a.kind,
                       sum(a.hours), count(*), count(DISTINCT a.partner_id)
                  FROM olopiste_attendance a
                 WHERE %(attended)s
                 GROUP BY 1, 2
                 ORDER BY 1, 2
                """,
            attended=self._attended_sql(project, date_from, date_to),
        )

    @api.model
    def _hours(self, project, date_from, date_to):
        """(month, kind, hours, attendances, persons) rows, by month and kind."""
        return self._fetch(self._hours_query(project, date_from, date_to))
