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
        not read: a document whose messages need more than read access
        (`_get_mail_message_access`, e.g. a client's case for a trainee)."""
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
        hidden = set()
        for res_model, attachments in documents.items():
            Model = self.env.get(res_model)
            if Model is None or not hasattr(Model, "_get_mail_message_access"):
                continue
            operation = Model._get_mail_message_access(list(attachments), "read")
            if operation == "read":
                continue
            permitted = set(
                Model.browse(attachments)
                .with_context(active_test=False)
                ._filtered_access(operation)
                .ids
            )
            for res_id, attachment_ids in attachments.items():
                if res_id not in permitted:
                    hidden |= attachment_ids
        return hidden
