# Copyright 2026 Olopiste contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import fields, models

from ..models.olopiste_referral import REFERRAL_STATES


class OlopisteReferralMoveBack(models.TransientModel):
    """Move a referral to an earlier state, with the reason why."""

    _name = "olopiste.referral.move.back"
    _description = "Move a Referral Back"
    _order = "id desc"

    referral_id = fields.Many2one(comodel_name="olopiste.referral", required=True)
    state = fields.Selection(
        selection=REFERRAL_STATES, string="New State", required=True
    )
    reason = fields.Char(required=True)

    def action_confirm(self):
        self.ensure_one()
        self.referral_id.write({"state": self.state, "state_reason": self.reason})
        return {"type": "ir.actions.act_window_close"}
