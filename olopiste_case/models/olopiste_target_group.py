# Copyright 2026 Olopiste contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import fields, models


class OlopisteTargetGroup(models.Model):
    """A target group of the funding decision, tagged on cases."""

    _name = "olopiste.target.group"
    _description = "Target Group"
    _order = "name, id"

    name = fields.Char(required=True, translate=True)
    color = fields.Integer()
    active = fields.Boolean(default=True)

    _sql_constraints = [
        ("name_uniq", "unique(name)", "A target group of this name already exists."),
    ]
