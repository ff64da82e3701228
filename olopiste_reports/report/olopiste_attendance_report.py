# Copyright 2026 Olopiste contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import fields, models, tools
from odoo.tools import SQL

from odoo.addons.olopiste_case.const import DEFAULT_HOURS_PER_DAY
from odoo.addons.olopiste_case.models.calendar_event import ACTIVITY_KINDS


class OlopisteAttendanceReport(models.Model):
    """Attended hours summed by month, activity kind, area, worker and project."""

    _name = "olopiste.attendance.report"
    _description = "Participation Hours Analysis"
    _auto = False
    _order = "month desc, id"
    _depends = {
        "olopiste.attendance": [
            "area_id",
            "case_user_id",
            "company_id",
            "date",
            "hours",
            "kind",
            "project_id",
            "state",
        ],
        "olopiste.project": ["hours_per_day"],
    }

    month = fields.Date(readonly=True)
    company_id = fields.Many2one("res.company", readonly=True)
    project_id = fields.Many2one("olopiste.project", readonly=True)
    area_id = fields.Many2one("olopiste.area", readonly=True)
    user_id = fields.Many2one("res.users", string="Case Worker", readonly=True)
    kind = fields.Selection(ACTIVITY_KINDS, string="Activity Kind", readonly=True)
    hours = fields.Float(readonly=True, aggregator="sum")
    person_days = fields.Float(
        readonly=True,
        aggregator="sum",
        digits=(16, 2),
        help="Hours divided by the project's hours per person-day, not rounded.",
    )
    attendance_count = fields.Integer(
        string="Attendances", readonly=True, aggregator="sum"
    )

    @property
    def _table_query(self):
        return SQL(
            "%s %s %s %s",
            self._select(),
            self._from(),
            self._where(),
            self._group_by(),
        )

    def _select(self):
        return SQL(
            """
            SELECT min(a.id) AS id,
                   date_trunc('month', a.date)::date AS month,
                   a.company_id, a.project_id, a.area_id,
                   a.case_user_id AS user_id, a.kind,
                   sum(a.hours) AS hours,
                   sum(a.hours)
                       / max(COALESCE(NULLIF(pr.hours_per_day, 0), %(per_day)s))
                       AS person_days,
                   count(*) AS attendance_count
            """,
            per_day=DEFAULT_HOURS_PER_DAY,
        )

    def _from(self):
        return SQL(
            """
              FROM olopiste_attendance a
              JOIN olopiste_project pr ON pr.id = a.project_id
            """
        )

    def _where(self):
        return SQL("WHERE a.state = 'attended'")

    def _group_by(self):
        return SQL(
            """
             GROUP BY date_trunc('month', a.date), a.company_id, a.project_id,
                      a.area_id, a.case_user_id, a.kind
            """
        )

    def init(self):
        # read through `_table_query`: a view left by an earlier version goes
        tools.drop_view_if_exists(self.env.cr, self._table)
