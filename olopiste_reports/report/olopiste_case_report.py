# Copyright 2026 Olopiste contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import fields, models, tools
from odoo.tools import SQL

from odoo.addons.olopiste_case.const import GROUP_WORKER
from odoo.addons.olopiste_case.models.olopiste_case import (
    CAPACITY_CHANGES,
    EXIT_SITUATIONS,
    FOLLOWUP_SITUATIONS,
    LABOUR_STATUSES,
)
from odoo.addons.olopiste_case.models.olopiste_stage import STAGE_KINDS

from ..models.olopiste_report_figures_participants import ILO_LONG_TERM_MONTHS


class OlopisteCaseReport(models.Model):
    """Cases with their funder indicators at entry, on leaving and after, for
    pivots and graphs. No client's name; special-category answers are counts
    that only case workers and managers read."""

    _name = "olopiste.case.report"
    _description = "Case Analysis"
    _auto = False
    _order = "date_entry desc, id desc"
    _rec_name = "code"
    _depends = {
        "olopiste.case": [
            "active",
            "age_at_entry",
            "area_id",
            "capacity_change",
            "code",
            "company_id",
            "date_entry",
            "date_exit",
            "disability",
            "education_level",
            "exit_qualification",
            "exit_situation",
            "followup_situation",
            "homelessness",
            "labour_status",
            "minority",
            "missing_funder_data",
            "on_followon_path",
            "partner_id",
            "project_id",
            "stage_id",
            "stage_kind",
            "unemployment_months",
            "user_id",
        ],
        "res.partner": ["gender"],
    }

    code = fields.Char(readonly=True)
    company_id = fields.Many2one("res.company", readonly=True)
    project_id = fields.Many2one("olopiste.project", readonly=True)
    area_id = fields.Many2one("olopiste.area", readonly=True)
    user_id = fields.Many2one("res.users", string="Case Worker", readonly=True)
    stage_id = fields.Many2one("olopiste.stage", readonly=True)
    stage_kind = fields.Selection(
        selection=STAGE_KINDS,
        readonly=True,
    )
    date_entry = fields.Date(string="Entry Date", readonly=True)
    date_exit = fields.Date(string="Exit Date", readonly=True)
    labour_status = fields.Selection(
        selection=LABOUR_STATUSES,
        string="Labour-Market Status at Entry",
        readonly=True,
    )
    long_term_unemployed = fields.Boolean(
        readonly=True,
        help="Long-term unemployed at entry, or unemployed for 12 months or more.",
    )
    age_band = fields.Selection(
        selection=[
            ("under_18", "Under 18"),
            ("18_29", "18–29"),
            ("30_54", "30–54"),
            ("55_plus", "55 and over"),
        ],
        string="Age Band at Entry",
        readonly=True,
    )
    age_at_entry = fields.Integer(readonly=True, aggregator="avg")
    gender = fields.Selection(
        selection=[("male", "Male"), ("female", "Female"), ("other", "Other")],
        readonly=True,
    )
    education_level = fields.Selection(
        selection=[
            ("isced_0_2", "ISCED 0–2"),
            ("isced_3_4", "ISCED 3–4"),
            ("isced_5_8", "ISCED 5–8"),
        ],
        string="ISCED Group",
        readonly=True,
    )
    exit_situation = fields.Selection(
        selection=EXIT_SITUATIONS, string="Situation on Leaving", readonly=True
    )
    exit_qualification = fields.Boolean(string="Gained a Qualification", readonly=True)
    followup_situation = fields.Selection(
        selection=FOLLOWUP_SITUATIONS,
        string="Situation Six Months After",
        readonly=True,
    )
    days_in_project = fields.Integer(readonly=True, aggregator="avg")
    capacity_change = fields.Selection(
        selection=CAPACITY_CHANGES,
        string="Work Ability Change",
        readonly=True,
    )
    on_followon_path = fields.Boolean(string="On a Follow-on Path", readonly=True)
    missing_funder_data = fields.Boolean(readonly=True)
    case_count = fields.Integer(string="Cases", readonly=True, aggregator="sum")
    # special categories: counted where given, read by case workers and managers only
    disability_count = fields.Integer(
        string="With Disabilities", readonly=True, groups=GROUP_WORKER
    )
    disability_answered = fields.Integer(
        string="Answered on Disability", readonly=True, groups=GROUP_WORKER
    )
    minority_count = fields.Integer(
        string="Foreign Background or Minority", readonly=True, groups=GROUP_WORKER
    )
    minority_answered = fields.Integer(
        string="Answered on Background", readonly=True, groups=GROUP_WORKER
    )
    homelessness_count = fields.Integer(
        string="Homeless or in Housing Exclusion", readonly=True, groups=GROUP_WORKER
    )
    homelessness_answered = fields.Integer(
        string="Answered on Housing", readonly=True, groups=GROUP_WORKER
    )

    @property
    def _table_query(self):
        return SQL("%s %s %s", self._select(), self._from(), self._where())

    def _select(self):
        return SQL(
            """
            SELECT c.id, c.code, c.company_id, c.project_id, c.area_id, c.user_id,
                   c.stage_id, c.stage_kind, c.date_entry, c.date_exit, c.labour_status,
                   (c.labour_status = 'long_term_unemployed'
                    OR (c.labour_status = 'unemployed'
                        AND COALESCE(c.unemployment_months, 0) >= %(long_term)s))
                       AS long_term_unemployed,
                   -- the case keeps the age at entry when the client is anonymised
                   CASE
                       WHEN NULLIF(c.age_at_entry, 0) IS NULL THEN NULL
                       WHEN c.age_at_entry < 18 THEN 'under_18'
                       WHEN c.age_at_entry < 30 THEN '18_29'
                       WHEN c.age_at_entry < 55 THEN '30_54'
                       ELSE '55_plus'
                   END AS age_band,
                   NULLIF(c.age_at_entry, 0) AS age_at_entry,
                   p.gender, c.education_level, c.exit_situation,
                   c.exit_qualification, c.followup_situation,
                   COALESCE(c.date_exit, CURRENT_DATE) - c.date_entry
                       AS days_in_project,
                   c.capacity_change, c.on_followon_path, c.missing_funder_data,
                   1 AS case_count,
                   (c.disability = 'yes')::integer AS disability_count,
                   (c.disability IN ('yes', 'no'))::integer AS disability_answered,
                   (c.minority = 'yes')::integer AS minority_count,
                   (c.minority IN ('yes', 'no'))::integer AS minority_answered,
                   (c.homelessness = 'yes')::integer AS homelessness_count,
                   (c.homelessness IN ('yes', 'no'))::integer AS homelessness_answered
            """,
            long_term=ILO_LONG_TERM_MONTHS,
        )

    def _from(self):
        return SQL(
            """
              FROM olopiste_case c
              JOIN res_partner p ON p.id = c.partner_id
            """
        )

    def _where(self):
        return SQL("WHERE c.active")

    def init(self):
        # read through `_table_query`: a view left by an earlier version goes
        tools.drop_view_if_exists(self.env.cr, self._table)
