# Copyright 2026 Olopiste contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import fields, models


class OlopisteAssessmentDimension(models.Model):
    """One scored dimension of the work-ability self-assessment (0–10)."""

    _name = "olopiste.assessment.dimension"
    _description = "Assessment Dimension"
    _order = "sequence, id"

    name = fields.Char(required=True, translate=True)
    sequence = fields.Integer(default=10)
    description = fields.Text(
        translate=True, help="The question as the client sees it, in your own words."
    )
    active = fields.Boolean(default=True)
