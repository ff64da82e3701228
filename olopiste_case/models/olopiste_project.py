# Copyright 2026 Olopiste contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import api, fields, models
from odoo.exceptions import ValidationError


class OlopisteProject(models.Model):
    """A funded employment-support project (Finnish: *hanke*)."""

    _name = "olopiste.project"
    _description = "Funded Project"
    _inherit = ["mail.thread", "mail.activity.mixin"]
    _order = "date_start desc, name, id"

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
    flat_rate = fields.Float(
        string="Flat Rate (%)",
        digits=(5, 2),
        help="Flat-rate share applied to direct staff costs: 17 % for ESF 2014–2020 "
        "indirect costs, 40 % of staff costs for all other costs in most "
        "ESF+ 2021–2027 projects. Fixed for the project's life.",
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
        default=7.0,
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
                        end=project.date_end,
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
