# Copyright 2026 Olopiste contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import api, models


class MailMessage(models.Model):
    _inherit = "mail.message"

    @api.model
    def _find_allowed_model_wise(self, doc_model, doc_dict):
        """Odoo's search of messages (``search_read``, ``/mail/thread/messages``)
        checks only that the documents can be read, while ``read`` asks the
        document model which right its messages need
        (`_get_mail_message_access`): ask it here too, so that a confidential
        chatter stays closed to those who may only read the record."""
        allowed = super()._find_allowed_model_wise(doc_model, doc_dict)
        Model = self.env[doc_model]
        if not allowed or not hasattr(Model, "_get_mail_message_access"):
            return allowed
        operation = Model._get_mail_message_access(list(doc_dict), "read")
        if operation == "read":
            return allowed
        permitted = (
            Model.browse(doc_dict)
            .with_context(active_test=False)
            ._filtered_access(operation)
        )
        return allowed & {
            message_id for doc_id in permitted.ids for message_id in doc_dict[doc_id]
        }
