# Copyright 2026 Olopiste contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import fields, models


class AccountAnalyticLine(models.Model):
    _inherit = "account.analytic.line"

    olopiste_cost_category_id = fields.Many2one(
        comodel_name="olopiste.cost.category",
        string="Funder Cost Category",
        index=True,
        help="Where the finance export of an Olopiste project counts this line.",
    )
