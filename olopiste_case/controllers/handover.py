# Copyright 2026 Olopiste contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import http
from odoo.http import request


class HandoverController(http.Controller):
    """The receiving organisation's page for one handover, by expiring link."""

    def _handover(self, referral_id, access_token):
        """The referral (sudo) if ``access_token`` opens it now, else None.

        The token is compared for everyone, logged in or not: being able to
        read the referral in Odoo does not make one its receiving
        organisation. A wrong, expired or revoked token, another referral's
        token and an ended path all get the same answer.
        """
        # sudo: the visitor is the receiving organisation, not an Odoo user;
        # the token is their only credential and is checked right here
        referral = request.env["olopiste.referral"].sudo().browse(referral_id).exists()
        if referral and referral._handover_link_valid(access_token):
            return referral
        return None

    def _gone(self):
        return request.render("olopiste_case.handover_page_expired", status=410)

    @http.route(
        "/olopiste/handover/<int:referral_id>", type="http", auth="public", website=True
    )
    def handover_page(self, referral_id, access_token=None, **kwargs):
        referral = self._handover(referral_id, access_token)
        if referral is None:
            return self._gone()
        # the receiving organisation's read is logged as the visitor's
        referral.with_user(request.env.user)._olopiste_log_read(["handover_summary"])
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
            return self._gone()
        referral._portal_answer(answer, note)
        if not referral._handover_link_valid(access_token):
            # a declined path has ended: its link stops working now
            return request.render(
                "olopiste_case.handover_page_answered", {"referral": referral}
            )
        return request.redirect(
            f"/olopiste/handover/{referral_id}?access_token={access_token}"
        )
