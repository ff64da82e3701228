# Copyright 2026 Olopiste contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import fields, models


class ResPartner(models.Model):
    _inherit = "res.partner"

    olopiste_public_description = fields.Text(
        string="Introduction in the Directory",
        help="What the organisation is, in a few sentences, on its page in "
        "the open service directory.",
    )
