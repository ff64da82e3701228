# Copyright 2026 Olopiste contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import fields, models


class OlopisteServiceTag(models.Model):
    """What a service suits: an interest (animals, older people) or a
    situation (part-time work, no Finnish yet)."""

    _name = "olopiste.service.tag"
    _description = "Interest or Situation"
    _order = "kind, sequence, name, id"

    name = fields.Char(required=True, translate=True)
    kind = fields.Selection(
        selection=[("interest", "Interest"), ("situation", "Situation")],
        required=True,
        default="interest",
        help="Interests are what a person likes to do; situations are what "
        "their life allows now.",
    )
    sequence = fields.Integer(default=10)
    color = fields.Integer()
    active = fields.Boolean(default=True)

    _sql_constraints = [
        ("name_uniq", "unique(name, kind)", "This tag exists already."),
    ]
