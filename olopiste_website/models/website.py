# Copyright 2026 Olopiste contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import models


class Website(models.Model):
    _inherit = "website"

    def _search_get_details(self, search_type, order, options):
        result = super()._search_get_details(search_type, order, options)
        if search_type in ("olopiste_services", "all"):
            result.append(
                self.env["olopiste.partner.service"]._search_get_detail(
                    self, order, options
                )
            )
        return result
