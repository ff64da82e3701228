# Copyright 2026 Olopiste contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import api, fields, models
from odoo.exceptions import UserError, ValidationError
from odoo.tools.misc import format_date

from ..const import DEFAULT_HOURS_PER_DAY

COST_MODELS = [
    (
        "indirect_flat_rate",
        "Actual costs + flat rate of direct staff costs for indirect costs",
    ),
    ("all_other_flat_rate", "Direct staff costs + flat rate for all other costs"),
    ("actual", "Actual costs only"),
]
# the programme's cost model and flat rate (%), proposed when it is chosen:
# ESF 2014–2020 in Finland: 17 % of staff costs for indirect costs; ESF+
# 2021–2027: 40 % of staff costs for all other costs (CPR 2021/1060 art. 56)
PROGRAMME_COST_MODELS = {
    "esf_2014": ("indirect_flat_rate", 17.0),
    "esf_plus_2021": ("all_other_flat_rate", 40.0),
}
LONG_TERM_RULES = [
    ("esf", "ESF+: more than 6 months under 25, more than 12 months from 25"),
    ("ilo", "ILO: 12 months or more"),
]
# the cost model is fixed for the project's life (the funding decision's)
COST_MODEL_FIELDS = ("cost_model", "flat_rate")


class OlopisteProject(models.Model):
    """A funded employment-support project (Finnish: *hanke*)."""

    _name = "olopiste.project"
    _description = "Funded Project"
    _inherit = ["mail.thread", "mail.activity.mixin"]
    _order = "date_start desc, name, id"
    _rec_names_search = ["name", "code"]

    name = fields.Char(required=True, tracking=True, translate=False)
    code = fields.Char(
        help="The project code the funder gave (e.g. S30794). Participants need it "
        "to enter their own start and end data in the funder's system.",
        tracking=True,
    )
    active = fields.Boolean(default=True)
    company_id = fields.Many2one(
        comodel_name="res.company",
        required=True,
        default=lambda self: self.env.company,
        index=True,
    )
    funder_id = fields.Many2one(
        comodel_name="res.partner",
        help="The intermediate body that funds the project, e.g. an ELY centre.",
        check_company=True,
    )
    programme = fields.Selection(
        selection=[
            ("esf_2014", "ESF 2014–2020"),
            ("esf_plus_2021", "ESF+ 2021–2027"),
            ("national", "National"),
            ("other", "Other"),
        ],
        required=True,
        default="esf_plus_2021",
        tracking=True,
    )
    date_start = fields.Date(string="Start", tracking=True)
    date_end = fields.Date(string="End", tracking=True)
    manager_id = fields.Many2one(
        comodel_name="res.users",
        string="Project Manager",
        default=lambda self: self.env.user,
        tracking=True,
        domain="[('share', '=', False)]",
    )
    user_ids = fields.Many2many(
        comodel_name="res.users",
        relation="olopiste_project_res_users_rel",
        column1="project_id",
        column2="user_id",
        string="Team",
        help="Case workers and trainees who work in this project.",
        domain="[('share', '=', False)]",
    )
    description = fields.Html()
    cost_model = fields.Selection(
        COST_MODELS,
        compute="_compute_cost_model",
        store=True,
        readonly=False,
        precompute=True,
        required=True,
        tracking=True,
        help="How the eligible costs are computed, as the funding decision says; "
        "fixed for the project's life. Actual costs + flat rate for indirect "
        "costs (ESF 2014–2020: 17 %): direct staff costs + other direct costs + "
        "the flat rate of staff costs. Flat rate for all other costs (ESF+ "
        "2021–2027: 40 %): direct staff costs + the flat rate; other direct costs "
        "are not claimable. Actual costs only: staff + other direct costs.",
    )
    flat_rate = fields.Float(
        string="Flat Rate (%)",
        digits=(5, 2),
        compute="_compute_cost_model",
        store=True,
        readonly=False,
        precompute=True,
        tracking=True,
        help="Percentage of direct staff costs the cost model adds. Fixed for the "
        "project's life.",
    )
    long_term_rule = fields.Selection(
        LONG_TERM_RULES,
        string="Long-Term Unemployment Rule",
        required=True,
        default="esf",
        help="When an unemployed participant counts as long-term unemployed "
        "(EECO03): by the ESF+ guidance, more than 6 months of unemployment under "
        "25 and more than 12 months from 25; by the ILO definition used in "
        "national reports, 12 months or more at any age.",
    )
    followup_months_min = fields.Integer(
        string="Follow-up Window From (months)",
        default=5,
        help="A six-month follow-up counts in the results (EECR05, EECR06) only "
        "when it was recorded this many months after the exit or later…",
    )
    followup_months_max = fields.Integer(
        string="Follow-up Window To (months)",
        default=7,
        help="…and at most this many months after the exit.",
    )
    retention_until = fields.Date(
        string="Keep Personal Data Until",
        tracking=True,
        help="The funder's archiving rule: after this date, clients whose every "
        "case belongs to projects past retention are anonymised. Leave empty "
        "until it is known; nothing is anonymised before it is set.",
    )
    anonymisation_due_count = fields.Integer(
        string="Clients Due for Anonymisation",
        compute="_compute_anonymisation_due_count",
    )
    color = fields.Integer()
    capacity_threshold = fields.Float(
        string="Capacity Change Threshold",
        default=1.0,
        help="Change of the self-assessment total (0–10) between a client's first "
        "and last assessment that counts as improved or worse.",
    )
    survey_id = fields.Many2one(
        comodel_name="survey.survey",
        string="Client Feedback Survey",
        help="Filled or sent at exit; the answers are counted in the reports.",
    )
    hours_per_day = fields.Float(
        string="Hours per Person-Day",
        default=DEFAULT_HOURS_PER_DAY,
        help="Participation hours are reported also as person-days of this many hours.",
    )
    area_ids = fields.One2many(
        comodel_name="olopiste.area",
        inverse_name="project_id",
        string="Areas",
    )
    target_ids = fields.One2many(
        comodel_name="olopiste.project.target",
        inverse_name="project_id",
        string="Targets",
        copy=True,
    )
    case_ids = fields.One2many(
        comodel_name="olopiste.case",
        inverse_name="project_id",
        string="Cases",
    )
    case_count = fields.Integer(compute="_compute_case_count")

    _sql_constraints = [
        (
            "code_company_uniq",
            "unique(code, company_id)",
            "A project code must be unique within a company.",
        ),
        (
            "dates_check",
            "CHECK(date_end IS NULL OR date_start IS NULL OR date_end >= date_start)",
            "A project cannot end before it starts.",
        ),
        (
            "flat_rate_check",
            "CHECK(flat_rate >= 0 AND flat_rate <= 100)",
            "The flat rate is a percentage between 0 and 100.",
        ),
        (
            "followup_window_check",
            "CHECK(followup_months_min >= 0 "
            "AND followup_months_max >= followup_months_min)",
            "The follow-up window cannot end before it starts.",
        ),
        (
            "hours_per_day_check",
            "CHECK(hours_per_day > 0 AND hours_per_day <= 24)",
            "A person-day is more than 0 and at most 24 hours.",
        ),
        (
            "capacity_threshold_check",
            "CHECK(capacity_threshold > 0 AND capacity_threshold <= 10)",
            "The capacity change threshold is more than 0 and at most 10 points.",
        ),
    ]

    @api.depends("programme")
    def _compute_cost_model(self):
        today = fields.Date.context_today(self)
        for project in self:
            if project._origin.cost_model and project._has_started(today):
                continue  # fixed for the project's life
            model, rate = PROGRAMME_COST_MODELS.get(project.programme, ("actual", 0.0))
            project.cost_model = model
            project.flat_rate = rate

    def write(self, vals):
        changing = [name for name in COST_MODEL_FIELDS if name in vals]
        if changing and not self.env.is_superuser():
            self.check_access("write")
            self._check_cost_model_open(vals)
        return super().write(vals)

    def _covers(self, day):
        """Whether `day` falls in the project's period."""
        self.ensure_one()
        return (not self.date_start or self.date_start <= day) and (
            not self.date_end or day <= self.date_end
        )

    def _period_end(self, as_of):
        """The day an open case's time in the project is counted to: the
        as-of date, but no later than the project's end."""
        return min(as_of, self.date_end) if self.date_end else as_of

    def _has_started(self, today):
        self.ensure_one()
        return bool(self._origin.date_start and self._origin.date_start <= today)

    def _check_cost_model_open(self, vals):
        """The cost model is the funding decision's: once the project has
        started it is not changed (an administrator corrects a wrong entry)."""
        if self.env.user.has_group("base.group_system"):
            return
        today = fields.Date.context_today(self)
        for project in self:
            started = project._has_started(today)
            changed = any(
                name in vals and vals[name] != project[name]
                for name in COST_MODEL_FIELDS
            )
            if started and changed:
                raise UserError(
                    self.env._(
                        "The cost model of %(project)s is fixed for the project's "
                        "life: the project started on %(date)s. Ask an administrator "
                        "to correct a wrong entry.",
                        project=project.display_name,
                        date=format_date(self.env, project.date_start),
                    )
                )

    @api.constrains("retention_until", "date_end")
    def _check_retention_after_end(self):
        for project in self:
            if (
                project.retention_until
                and project.date_end
                and project.retention_until < project.date_end
            ):
                raise ValidationError(
                    self.env._(
                        "%(project)s: personal data must be kept at least until the "
                        "project ends (%(end)s).",
                        project=project.display_name,
                        end=format_date(self.env, project.date_end),
                    )
                )

    def _compute_anonymisation_due_count(self):
        due = self.env["res.partner"]._olopiste_due_for_anonymisation()
        for project in self:
            project.anonymisation_due_count = len(
                due.filtered(lambda p, pr=project: pr in p.olopiste_case_ids.project_id)
            )

    def _olopiste_is_member(self, user):
        """Whether ``user`` manages this project or is in its team."""
        self.ensure_one()
        return user == self.manager_id or user in self.user_ids

    def action_anonymise_due(self):
        """Anonymise now the clients of these projects that are past retention."""
        # irreversible, done as superuser: only the projects' own managers
        self.check_access("write")
        due = self.env["res.partner"]._olopiste_due_for_anonymisation()
        due = due.filtered(lambda p: p.olopiste_case_ids.project_id & self)
        due._olopiste_anonymise()
        return {
            "type": "ir.actions.client",
            "tag": "display_notification",
            "params": {
                "type": "success",
                "message": self.env._(
                    "%(count)s client(s) anonymised.", count=len(due)
                ),
                "next": {"type": "ir.actions.act_window_close"},
            },
        }

    def _compute_case_count(self):
        # sudo: the number of a project's cases is a project figure (the
        # dashboard reports it), also for finance, who reads no case
        counts = dict(
            self.env["olopiste.case"]
            .sudo()
            ._read_group([("project_id", "in", self.ids)], ["project_id"], ["__count"])
        )
        for project in self:
            project.case_count = counts.get(project.sudo(), 0)

    @api.depends("name", "code")
    def _compute_display_name(self):
        for project in self:
            project.display_name = (
                f"[{project.code}] {project.name}" if project.code else project.name
            )

    def action_view_cases(self):
        self.ensure_one()
        action = self.env["ir.actions.act_window"]._for_xml_id(
            "olopiste_case.olopiste_case_action"
        )
        action["domain"] = [("project_id", "=", self.id)]
        action["context"] = {"default_project_id": self.id}
        return action
