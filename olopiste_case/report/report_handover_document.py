# Copyright 2026 Olopiste contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import api, models
from odoo.exceptions import AccessError

from ..const import GROUP_WORKER


class ReportHandoverDocument(models.AbstractModel):
    """The handover summary PDF: rendered only while consent is in force."""

    _name = "report.olopiste_case.report_handover_document"
    _description = "Handover Summary Report"

    @api.model
    def _get_report_values(self, docids, data=None):
        # the report engine renders as superuser (for /report/pdf and
        # /report/html too): check and log as the user who asked for it
        user = self.env.user
        referrals = self.env["olopiste.referral"].browse(docids)
        if not user.has_group(GROUP_WORKER):
            raise AccessError(
                self.env._("Only case workers can print a handover summary.")
            )
        referrals.with_user(user).check_access("read")
        referrals._check_handover_shareable()
        referrals.with_user(user)._olopiste_log_read(["handover_summary"])
        return {"doc_ids": docids, "doc_model": referrals._name, "docs": referrals}
