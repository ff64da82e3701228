# Copyright 2026 Olopiste contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import api, fields, models
from odoo.exceptions import AccessError

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
    def _get_report_values(self, docids, data=None):
        if not self.env.user.has_group("olopiste_case.group_olopiste_manager"):
            raise AccessError(
                self.env._(
                    "Only project managers can answer a client's access request."
                )
            )
        # sudo: the answer must hold every case, message and referral about the
        # person, also those in projects or areas the manager does not see
        partners = self.env["res.partner"].sudo().browse(docids)
        return {
            "doc_ids": docids,
            "doc_model": "res.partner",
            "docs": partners,
            "contact_fields": CONTACT_FIELDS,
            "case_fields": CASE_FIELDS,
            "printed_on": fields.Datetime.now(),
        }
