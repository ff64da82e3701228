# Copyright 2026 Olopiste contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import fields, models


class OlopisteServiceCategory(models.Model):
    """A kind of service in the directory: work trial, meeting place..."""

    _name = "olopiste.service.category"
    _description = "Kind of Service"
    _order = "sequence, name, id"

    name = fields.Char(required=True, translate=True)
    sequence = fields.Integer(default=10)
    active = fields.Boolean(default=True)

    _sql_constraints = [
        (
            "name_uniq",
            "unique(name)",
            "Two kinds of service cannot have the same name.",
        ),
    ]
