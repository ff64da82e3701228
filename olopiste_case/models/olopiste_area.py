# Copyright 2026 Olopiste contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import fields, models


class OlopisteArea(models.Model):
    """A service area of a project: one or more municipalities."""

    _name = "olopiste.area"
    _description = "Service Area"
    _order = "project_id, sequence, name, id"

    name = fields.Char(required=True)
    sequence = fields.Integer(default=10)
    project_id = fields.Many2one(
        comodel_name="olopiste.project",
        required=True,
        ondelete="cascade",
        index=True,
    )
    company_id = fields.Many2one(
        related="project_id.company_id", store=True, index=True
    )
    municipalities = fields.Char(
        help="The municipalities the area covers, e.g. Lahti, Hollola."
    )
    user_ids = fields.Many2many(
        comodel_name="res.users",
        relation="olopiste_area_res_users_rel",
        column1="area_id",
        column2="user_id",
        string="Responsible Workers",
        help="Case workers who work with the clients of this area. Case workers "
        "see the cases of their own areas only.",
        domain="[('share', '=', False)]",
    )
    active = fields.Boolean(default=True)

    _sql_constraints = [
        (
            "name_project_uniq",
            "unique(name, project_id)",
            "A project cannot have two areas of the same name.",
        ),
    ]
