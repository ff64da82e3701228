# Copyright 2026 Olopiste contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import fields, models, tools
from odoo.tools import SQL

from odoo.addons.olopiste_case.const import FOLLOWUP_MONTHS, GROUP_WORKER

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
# the model of each kind's records, when not the case
ISSUE_MODELS = {
    "attendance_without_hours": "olopiste.attendance",
    "municipality_without_class": "olopiste.municipality",
}


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

    def _issue_queries(self):
        """{issue: SQL}: the lines of each kind of issue, all with the same
        columns. Another addon adds a kind by extending this and the `issue`
        field's selection."""

        def case_issue(date, condition, join=None):
            """The active cases meeting `condition`, dated by `date`; a
            line's key is its case."""
            return SQL(
                """
                SELECT c.id, c.company_id, c.project_id, c.user_id, c.id,
                       c.code, %(date)s, c.id
                  FROM olopiste_case c %(join)s
                 WHERE c.active AND %(condition)s
                """,
                date=date,
                condition=condition,
                join=join or SQL(),
            )

        followup_due = SQL("c.date_exit + make_interval(months => %s)", FOLLOWUP_MONTHS)
        return {
            "missing_funder_data": case_issue(
                SQL("c.date_entry"), SQL("c.missing_funder_data")
            ),
            "exit_without_situation": case_issue(
                SQL("c.date_exit"),
                SQL("c.date_exit IS NOT NULL AND c.exit_situation IS NULL"),
            ),
            "followup_overdue": case_issue(
                SQL("(%s)::date", followup_due),
                SQL("c.followup_date IS NULL AND %s < CURRENT_DATE", followup_due),
            ),
            "attendance_without_hours": SQL(
                """
                SELECT a.id, a.company_id, a.project_id, a.case_user_id,
                       a.case_id, c.code, a.date, a.id
                  FROM olopiste_attendance a
                  JOIN olopiste_case c ON c.id = a.case_id
                 WHERE a.state = 'attended' AND COALESCE(a.hours, 0) <= 0
                """
            ),
            "followup_before_exit": case_issue(
                SQL("c.followup_date"), SQL("c.followup_date < c.date_exit")
            ),
            "followup_outside_window": case_issue(
                SQL("c.followup_date"),
                SQL(
                    """c.followup_date >= c.date_exit
                   AND (c.followup_date < (c.date_exit
                            + make_interval(months => p.followup_months_min))::date
                        OR c.followup_date > (c.date_exit
                            + make_interval(months => p.followup_months_max))::date)"""
                ),
                join=SQL("JOIN olopiste_project p ON p.id = c.project_id"),
            ),
            "nationality_missing": case_issue(
                SQL("c.date_entry"), SQL("c.nationality IS NULL")
            ),
            # one line per municipality and project, keyed by both
            "municipality_without_class": SQL(
                """
                SELECT m.id::bigint * 1000000 + c.project_id,
                       min(c.company_id), c.project_id, NULL::integer,
                       NULL::integer, m.name, NULL::date, m.id
                  FROM olopiste_municipality m
                  JOIN res_partner p ON p.olopiste_municipality_id = m.id
                  JOIN olopiste_case c ON c.partner_id = p.id AND c.active
                 WHERE m.urbanisation IS NULL
                 GROUP BY m.id, m.name, c.project_id
                """
            ),
        }

    @property
    def _table_query(self):
        # one id per line: the line's key times the number of kinds of line,
        # plus the kind's place in the `issue` field's selection
        kinds = self._fields["issue"].get_values(self.env)
        return SQL(" UNION ALL ").join(
            SQL(
                """
                SELECT line.key::bigint * %(count)s + %(place)s AS id,
                       %(issue)s AS issue, line.company_id, line.project_id,
                       line.user_id, line.case_id, line.reference, line.date,
                       %(model)s AS res_model, line.res_id
                  FROM (%(query)s) AS line (key, company_id, project_id,
                       user_id, case_id, reference, date, res_id)
                """,
                count=len(kinds),
                place=kinds.index(issue),
                issue=issue,
                model=ISSUE_MODELS.get(issue, "olopiste.case"),
                query=query,
            )
            for issue, query in self._issue_queries().items()
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
