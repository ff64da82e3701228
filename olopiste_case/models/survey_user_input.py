# Copyright 2026 Olopiste contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import fields, models


class SurveyUserInput(models.Model):
    _inherit = "survey.user_input"

    olopiste_case_id = fields.Many2one(
        comodel_name="olopiste.case",
        index=True,
        ondelete="set null",
    )
