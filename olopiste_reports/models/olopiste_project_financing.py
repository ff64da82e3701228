# Copyright 2026 Olopiste contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import fields, models


class OlopisteProjectFinancing(models.Model):
    """One source's share of a project's financing, e.g. ESF and state 80 %."""

    _name = "olopiste.project.financing"
    _description = "Project Financing Share"
    _order = "project_id, sequence, id"

    project_id = fields.Many2one(
        comodel_name="olopiste.project",
        required=True,
        ondelete="cascade",
        index=True,
    )
    company_id = fields.Many2one(related="project_id.company_id", store=True)
    currency_id = fields.Many2one(related="company_id.currency_id")
    sequence = fields.Integer(default=10)
    name = fields.Char(string="Source", required=True)
    percent = fields.Float(string="Share (%)", digits=(5, 2), required=True)
    planned_amount = fields.Monetary(
        currency_field="currency_id",
        help="The amount the funding decision or the source's own report gives; "
        "the finance export shows it beside the computed share and the difference.",
    )

    _sql_constraints = [
        (
            "percent_check",
            "CHECK(percent >= 0 AND percent <= 100)",
            "A financing share is a percentage between 0 and 100.",
        ),
    ]
