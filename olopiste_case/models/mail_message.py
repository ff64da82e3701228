# Copyright 2026 Olopiste contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import api, models


class MailMessage(models.Model):
    _inherit = "mail.message"

    @api.model
    def _olopiste_closed_chatter_ids(self, doc_model, doc_ids):
        """The documents among ``doc_ids`` whose chatter (messages and
        attachments) the user may not read: their model asks more than read
        access for it (`_get_mail_message_access`, e.g. a client's case for a
        trainee) and the user lacks that right. Odoo asks the model in
        ``read`` only; message and attachment searches use this."""
        Model = self.env.get(doc_model)
        if self.env.su or Model is None or not doc_ids:
            return set()
        if not hasattr(Model, "_get_mail_message_access"):
            return set()
        operation = Model._get_mail_message_access(list(doc_ids), "read")
        if operation == "read":
            return set()
        documents = Model.browse(doc_ids).with_context(active_test=False)
        return set(documents.ids) - set(documents._filtered_access(operation).ids)

    @api.model
    def _find_allowed_model_wise(self, doc_model, doc_dict):
        # message search (search_read, /mail/thread/messages) checks only that
        # the documents can be read: close the chatters that need more
        allowed = super()._find_allowed_model_wise(doc_model, doc_dict)
        closed = self._olopiste_closed_chatter_ids(doc_model, list(doc_dict))
        return allowed - {
            message_id for doc_id in closed for message_id in doc_dict[doc_id]
        }
