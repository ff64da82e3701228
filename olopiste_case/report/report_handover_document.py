# Copyright 2026 Olopiste contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import api, models


class ReportHandoverDocument(models.AbstractModel):
    """The handover summary PDF: rendered only while consent is in force."""

    _name = "report.olopiste_case.report_handover_document"
    _description = "Handover Summary Report"

    @api.model
    def _get_report_values(self, docids, data=None):
        referrals = self.env["olopiste.referral"].browse(docids)
        referrals._check_handover_shareable()
        return {"doc_ids": docids, "doc_model": referrals._name, "docs": referrals}
