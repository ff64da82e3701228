# Copyright 2026 Olopiste contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import fields, models, tools
from odoo.tools import SQL

from odoo.addons.olopiste_case.const import GROUP_WORKER

ISSUES = [
    ("missing_funder_data", "Missing funder data"),
    ("exit_without_situation", "Exit without a situation on leaving"),
    ("followup_overdue", "Six-month follow-up overdue"),
    ("attendance_without_hours", "Attendance without hours"),
    ("followup_before_exit", "Follow-up dated before the exit"),
    ("followup_outside_window", "Follow-up outside the counted window"),
    ("nationality_missing", "Citizenship missing"),
    ("municipality_without_class", "Municipality without a degree of urbanisation"),
]
# one id per line: the record's id times the number of kinds of line, plus
# the kind's place (a municipality's line is per project)
KINDS = len(ISSUES)


class OlopisteDataQuality(models.Model):
    """What to fix before a report: one line per problem, linked to its record."""

    _name = "olopiste.data.quality"
    _description = "Data Quality Issue"
    _auto = False
    _order = "project_id, issue, date, id"
    _rec_name = "reference"
    _depends = {
        "olopiste.case": [
            "active",
            "code",
            "company_id",
            "date_entry",
            "date_exit",
            "exit_situation",
            "followup_date",
            "missing_funder_data",
            "nationality",
            "partner_id",
            "project_id",
            "user_id",
        ],
        "olopiste.attendance": [
            "case_id",
            "case_user_id",
            "company_id",
            "date",
            "hours",
            "project_id",
            "state",
        ],
        "olopiste.project": ["followup_months_max", "followup_months_min"],
        "olopiste.municipality": ["name", "urbanisation"],
        "res.partner": ["olopiste_municipality_id"],
    }

    issue = fields.Selection(ISSUES, readonly=True)
    company_id = fields.Many2one("res.company", readonly=True)
    project_id = fields.Many2one("olopiste.project", readonly=True)
    user_id = fields.Many2one("res.users", string="Case Worker", readonly=True)
    # the case's name is the client's: for those who work with the clients
    case_id = fields.Many2one("olopiste.case", readonly=True, groups=GROUP_WORKER)
    reference = fields.Char(
        string="Case Number", readonly=True, help="Never the client's name."
    )
    date = fields.Date(
        readonly=True,
        help="Entry date; exit date; the date the follow-up fell due or was "
        "recorded; the activity's date.",
    )
    res_model = fields.Char(string="Model", readonly=True)
    res_id = fields.Integer(string="Record", readonly=True)

    @property
    def _table_query(self):
        return SQL(
            """
            SELECT c.id::bigint * %(kinds)s AS id, 'missing_funder_data' AS issue,
                   c.company_id,
                   c.project_id, c.user_id, c.id AS case_id, c.code AS reference,
                   c.date_entry AS date, 'olopiste.case' AS res_model, c.id AS res_id
              FROM olopiste_case c
             WHERE c.active AND c.missing_funder_data
            UNION ALL
            SELECT c.id::bigint * %(kinds)s + 1, 'exit_without_situation', c.company_id,
                   c.project_id, c.user_id, c.id, c.code, c.date_exit,
                   'olopiste.case', c.id
              FROM olopiste_case c
             WHERE c.active AND c.date_exit IS NOT NULL AND c.exit_situation IS NULL
            UNION ALL
            SELECT c.id::bigint * %(kinds)s + 2, 'followup_overdue', c.company_id,
                   c.project_id, c.user_id, c.id, c.code,
                   (c.date_exit + interval '6 months')::date,
                   'olopiste.case', c.id
              FROM olopiste_case c
             WHERE c.active AND c.followup_date IS NULL
               AND c.date_exit + interval '6 months' < CURRENT_DATE
            UNION ALL
            SELECT a.id::bigint * %(kinds)s + 3, 'attendance_without_hours', a.company_id,
                   a.project_id, a.case_user_id, a.case_id, c.code, a.date,
                   'olopiste.attendance', a.id
              FROM olopiste_attendance a
              JOIN olopiste_case c ON c.id = a.case_id
             WHERE a.state = 'attended' AND COALESCE(a.hours, 0) <= 0
            UNION ALL
            SELECT c.id::bigint * %(kinds)s + 4, 'followup_before_exit', c.company_id,
                   c.project_id, c.user_id, c.id, c.code, c.followup_date,
                   'olopiste.case', c.id
              FROM olopiste_case c
             WHERE c.active AND c.followup_date < c.date_exit
            UNION ALL
            SELECT c.id::bigint * %(kinds)s + 5, 'followup_outside_window',
                   c.company_id, c.project_id, c.user_id, c.id, c.code,
                   c.followup_date, 'olopiste.case', c.id
              FROM olopiste_case c
              JOIN olopiste_project p ON p.id = c.project_id
             WHERE c.active AND c.followup_date >= c.date_exit
               AND (c.followup_date < (c.date_exit
                        + make_interval(months => p.followup_months_min))::date
                    OR c.followup_date > (c.date_exit
                        + make_interval(months => p.followup_months_max))::date)
            UNION ALL
            SELECT c.id::bigint * %(kinds)s + 6, 'nationality_missing', c.company_id,
                   c.project_id, c.user_id, c.id, c.code, c.date_entry,
                   'olopiste.case', c.id
              FROM olopiste_case c
             WHERE c.active AND c.nationality IS NULL
            UNION ALL
            SELECT (m.id::bigint * 1000000 + c.project_id) * %(kinds)s + 7,
                   'municipality_without_class', min(c.company_id), c.project_id,
                   NULL, NULL, m.name, NULL, 'olopiste.municipality', m.id
              FROM olopiste_municipality m
              JOIN res_partner p ON p.olopiste_municipality_id = m.id
              JOIN olopiste_case c ON c.partner_id = p.id AND c.active
             WHERE m.urbanisation IS NULL
             GROUP BY m.id, m.name, c.project_id
            """,
            kinds=KINDS,
        )

    def init(self):
        # read through `_table_query`: a view left by an earlier version goes
        tools.drop_view_if_exists(self.env.cr, self._table)

    def action_open_record(self):
        """Open the case or the attendance to fix."""
        self.ensure_one()
        return {
            "type": "ir.actions.act_window",
            "res_model": self.res_model,
            "res_id": self.res_id,
            "view_mode": "form",
            "views": [(False, "form")],
            "target": "current",
        }
