# Copyright 2026 Olopiste contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import Command, api, fields, models
from odoo.exceptions import ValidationError
from odoo.tools.misc import format_date


class OlopisteAssessment(models.Model):
    """A client's work-ability self-assessment at one moment of the case."""

    _name = "olopiste.assessment"
    _description = "Work-Ability Self-Assessment"
    _inherit = ["olopiste.rule.mixin"]
    _order = "date, id"
    _rec_name = "date"

    case_id = fields.Many2one(
        comodel_name="olopiste.case", required=True, index=True, ondelete="cascade"
    )
    partner_id = fields.Many2one(
        related="case_id.partner_id", string="Client", store=True
    )
    project_id = fields.Many2one(related="case_id.project_id", store=True, index=True)
    company_id = fields.Many2one(related="case_id.company_id", store=True, index=True)
    date = fields.Date(required=True, default=fields.Date.context_today)
    kind = fields.Selection(
        selection=[("initial", "Initial"), ("interim", "Interim"), ("final", "Final")],
        required=True,
        default="initial",
    )
    line_ids = fields.One2many(
        comodel_name="olopiste.assessment.line",
        inverse_name="assessment_id",
        string="Scores",
        copy=True,
        default=lambda self: self._default_lines(),
    )
    score_total = fields.Float(
        string="Total",
        compute="_compute_score_total",
        store=True,
        digits=(4, 2),
        aggregator="avg",
        help="Mean of the dimensions' scores, 0–10.",
    )
    note = fields.Text()

    def _default_lines(self):
        dimensions = self.env["olopiste.assessment.dimension"].search([])
        return [Command.create({"dimension_id": d.id}) for d in dimensions]

    @api.depends("line_ids.score")
    def _compute_score_total(self):
        for assessment in self:
            scores = assessment.line_ids.mapped("score")
            assessment.score_total = sum(scores) / len(scores) if scores else 0.0

    @api.depends("date", "kind")
    @api.depends_context("lang")
    def _compute_display_name(self):
        kinds = dict(self._fields["kind"]._description_selection(self.env))
        for assessment in self:
            kind = kinds.get(assessment.kind, "")
            assessment.display_name = f"{kind} {format_date(self.env, assessment.date)}"

    @api.constrains("kind", "date", "case_id")
    def _check_order(self):
        for assessment in self:
            siblings = assessment.case_id.assessment_ids
            initial = siblings.filtered(lambda a: a.kind == "initial")
            final = siblings.filtered(lambda a: a.kind == "final")
            if (
                initial
                and final
                and min(final.mapped("date")) < max(initial.mapped("date"))
            ):
                raise ValidationError(
                    self.env._(
                        "%(client)s: the final assessment cannot be dated before the "
                        "initial one.",
                        client=assessment.case_id.partner_id.name,
                    )
                )
            if assessment.date < assessment.case_id.date_entry:
                raise ValidationError(
                    self.env._(
                        "%(client)s: the assessment on %(date)s is before the entry date "
                        "%(entry)s.",
                        client=assessment.case_id.partner_id.name,
                        date=format_date(self.env, assessment.date),
                        entry=format_date(self.env, assessment.case_id.date_entry),
                    )
                )
