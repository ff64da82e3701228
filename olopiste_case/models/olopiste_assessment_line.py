# Copyright 2026 Olopiste contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import api, fields, models
from odoo.exceptions import ValidationError

SCORE_MIN, SCORE_MAX = 0, 10


class OlopisteAssessmentLine(models.Model):
    """One dimension's score in one assessment."""

    _name = "olopiste.assessment.line"
    _description = "Assessment Score"
    _inherit = ["olopiste.rule.mixin"]
    _order = "assessment_id, sequence, id"

    assessment_id = fields.Many2one(
        comodel_name="olopiste.assessment",
        required=True,
        index=True,
        ondelete="cascade",
    )
    dimension_id = fields.Many2one(
        comodel_name="olopiste.assessment.dimension", required=True, ondelete="restrict"
    )
    sequence = fields.Integer(related="dimension_id.sequence", store=True)
    score = fields.Integer(default=5, aggregator="avg", help="0 = worst, 10 = best.")
    date = fields.Date(related="assessment_id.date", store=True, index=True)
    kind = fields.Selection(related="assessment_id.kind", store=True)
    case_id = fields.Many2one(related="assessment_id.case_id", store=True, index=True)
    company_id = fields.Many2one(related="assessment_id.company_id", store=True)

    _sql_constraints = [
        (
            "dimension_uniq",
            "unique(assessment_id, dimension_id)",
            "A dimension is scored once per assessment.",
        ),
    ]

    @api.constrains("score")
    def _check_score(self):
        for line in self:
            if not SCORE_MIN <= line.score <= SCORE_MAX:
                raise ValidationError(
                    self.env._(
                        "%(dimension)s: the score %(score)s is outside 0–10.",
                        dimension=line.dimension_id.name,
                        score=line.score,
                    )
                )
