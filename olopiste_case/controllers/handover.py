# Copyright 2026 Olopiste contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import http
from odoo.exceptions import AccessError, MissingError
from odoo.http import request

from odoo.addons.portal.controllers.portal import CustomerPortal


class HandoverController(http.Controller):
    """The receiving organisation's page for one handover, by expiring link."""

    def _handover(self, referral_id, access_token):
        """The referral (sudo, after the token check) if its link still works."""
        try:
            referral = CustomerPortal()._document_check_access(
                "olopiste.referral", referral_id, access_token=access_token
            )
        except (AccessError, MissingError):
            return None
        if not access_token or not referral._handover_link_valid():
            return None
        return referral

    @http.route(
        "/olopiste/handover/<int:referral_id>", type="http", auth="public", website=True
    )
    def handover_page(self, referral_id, access_token=None, **kwargs):
        referral = self._handover(referral_id, access_token)
        if referral is None:
            return request.render("olopiste_case.handover_page_expired", status=410)
        return request.render(
            "olopiste_case.handover_page",
            {"referral": referral, "access_token": access_token},
        )

    @http.route(
        "/olopiste/handover/<int:referral_id>/answer",
        type="http",
        auth="public",
        methods=["POST"],
        website=True,
    )
    def handover_answer(
        self, referral_id, access_token=None, answer=None, note=None, **kwargs
    ):
        referral = self._handover(referral_id, access_token)
        if referral is None:
            return request.render("olopiste_case.handover_page_expired", status=410)
        referral._portal_answer(answer, note)
        return request.redirect(
            f"/olopiste/handover/{referral_id}?access_token={access_token}"
        )
