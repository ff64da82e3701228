# Copyright 2026 Olopiste contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import fields, models


class OlopisteCostCategory(models.Model):
    """A funder cost category that analytic lines of a project are tagged with.

    The finance export sums the project's analytic lines by this category:
    *staff* lines are the direct staff costs (the flat rate's base), *other*
    lines the other direct costs. Lines without a category are shown apart and
    never counted.
    """

    _name = "olopiste.cost.category"
    _description = "Funder Cost Category"
    _order = "sequence, id"

    name = fields.Char(required=True, translate=True)
    sequence = fields.Integer(default=10)
    kind = fields.Selection(
        selection=[
            ("staff", "Direct staff costs"),
            ("other", "Other direct costs"),
        ],
        required=True,
        default="other",
    )
    wage_subsidy = fields.Boolean(
        string="Wage-Subsidy Appropriation",
        help="Costs in this category use the project's wage-subsidy appropriation.",
    )
    active = fields.Boolean(default=True)
