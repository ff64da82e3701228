# Copyright 2026 Olopiste contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import api, fields, models
from odoo.exceptions import AccessError

from ..const import GROUP_MANAGER

CONTACT_FIELDS = (
    "name",
    "birthdate_date",
    "gender",
    "email",
    "phone",
    "mobile",
    "street",
    "street2",
    "zip",
    "city",
    "comment",
)
CASE_FIELDS = (
    "date_entry",
    "date_exit",
    "stage_id",
    "area_id",
    "user_id",
    "referral_source",
    "target_group_ids",
    "labour_status",
    "unemployment_months",
    "education_level",
    "disability",
    "minority",
    "homelessness",
    "criminal_background",
    "note",
    "consent_processing_date",
    "consent_handover_date",
    "consent_handover_withdrawn_date",
    "consent_sensitive_date",
    "consent_sensitive_withdrawn_date",
    "funder_start_date",
    "funder_end_date",
    "exit_situation",
    "exit_qualification",
    "followup_situation",
    "followup_date",
)


class ReportAccessRequestDocument(models.AbstractModel):
    """Everything held about a client (GDPR art. 15), for project managers."""

    _name = "report.olopiste_case.report_access_request_document"
    _description = "Client Access Request Report"

    @api.model
    def _check_access_request(self, partners):
        """Only a project manager who sees the client (one of their cases)
        answers their access request; the report engine renders as
        superuser, so this is checked as the user who asked."""
        user = self.env.user
        if not user.has_group(GROUP_MANAGER):
            raise AccessError(
                self.env._(
                    "Only project managers can answer a client's access request."
                )
            )
        partners.with_user(user).check_access("read")

    @api.model
    def _get_report_values(self, docids, data=None):
        # sudo: the answer must hold every case, message and referral about the
        # person, also those in projects or areas the manager does not see
        partners = self.env["res.partner"].sudo().browse(docids)
        self._check_access_request(partners)
        user = self.env.user
        cases = partners.with_context(active_test=False).olopiste_case_ids
        cases.with_user(user)._olopiste_log_read(CASE_FIELDS)
        for partner in partners:
            partner.message_post(
                body=self.env._(
                    "Access request answered by %(user)s: all data held about the "
                    "client were printed.",
                    user=user.name,
                )
            )
        return {
            "doc_ids": docids,
            "doc_model": "res.partner",
            "docs": partners,
            "contact_fields": CONTACT_FIELDS,
            "case_fields": CASE_FIELDS,
            "printed_on": fields.Datetime.now(),
        }
