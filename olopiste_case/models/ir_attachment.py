# Copyright 2026 Olopiste contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from collections import defaultdict

from odoo import api, models
from odoo.exceptions import AccessError


class IrAttachment(models.Model):
    _inherit = "ir.attachment"

    def check(self, mode, values=None):
        result = super().check(mode, values=values)
        if mode == "read" and self._olopiste_confidential_ids(self.ids):
            raise AccessError(
                self.env._("Sorry, you are not allowed to access this document.")
            )
        return result

    @api.model
    def _search(self, domain, offset=0, limit=None, order=None):
        query = super()._search(domain, offset, limit, order)
        if self.env.su:
            return query
        ids = list(query)
        hidden = self._olopiste_confidential_ids(ids)
        if not hidden:
            return query
        return self.browse([id_ for id_ in ids if id_ not in hidden])._as_query(order)

    @api.model
    def _olopiste_confidential_ids(self, ids):
        """The attachments among ``ids`` that belong to a chatter the user may
        not read (`mail.message._olopiste_closed_chatter_ids`)."""
        if self.env.su or not ids:
            return set()
        rows = self.env.execute_query(
            self.sudo()
            ._search(
                [("id", "in", ids), ("res_id", "!=", False), ("res_field", "=", False)]
            )
            .select("id", "res_model", "res_id")
        )
        documents = defaultdict(lambda: defaultdict(set))
        for id_, res_model, res_id in rows:
            documents[res_model][res_id].add(id_)
        Message = self.env["mail.message"]
        return {
            attachment_id
            for res_model, attachments in documents.items()
            for res_id in Message._olopiste_closed_chatter_ids(
                res_model, list(attachments)
            )
            for attachment_id in attachments[res_id]
        }
