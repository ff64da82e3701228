# Copyright 2026 Olopiste contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import api, models


class OlopisteConfidentialThread(models.AbstractModel):
    """A chatter about a client: its messages, attachments, activities and
    followers are for those who may change the record (case workers and
    managers), not for everyone who may read it (trainees).

    Odoo asks `_get_mail_message_access` which right reading a record's
    messages needs; this mixin answers "write", and the `mail.message` and
    `ir.attachment` extensions of this addon apply that answer to searches
    and downloads too, not only to `read`.
    """

    _name = "olopiste.confidential.thread"
    _inherit = ["mail.thread"]
    _description = "Confidential Chatter"

    def _get_mail_message_access(self, res_ids, operation, model_name=None):
        if operation == "read":
            return "write"
        return super()._get_mail_message_access(
            res_ids, operation, model_name=model_name
        )

    @api.model
    def _get_thread_with_access(self, thread_id, mode="read", **kwargs):
        # the routes of the chatter (/mail/thread/*) ask for "read"; no
        # portal token or signed link (token, hash, pid) opens a client's
        # chatter: a model that shares one through a link says when itself
        mode = self._get_mail_message_access([thread_id], mode)
        kwargs = {
            key: value
            for key, value in kwargs.items()
            if key not in ("token", "hash", "pid")
        }
        return super()._get_thread_with_access(thread_id, mode, **kwargs)

    def message_subscribe(self, partner_ids=None, subtype_ids=None):
        # a follower receives every later note in their inbox
        if not self.env.su:
            self.check_access("write")
        return super().message_subscribe(
            partner_ids=partner_ids, subtype_ids=subtype_ids
        )
