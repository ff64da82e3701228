# Copyright 2026 Olopiste contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import fields, models, tools
from odoo.tools import SQL

from odoo.addons.olopiste_case.models.olopiste_followon_type import (
    FOLLOWON_CATEGORIES,
)
from odoo.addons.olopiste_case.models.olopiste_referral import REFERRAL_STATES


class OlopisteReferralReport(models.Model):
    """Referrals by follow-on path type, its category, direction and state."""

    _name = "olopiste.referral.report"
    _description = "Referral Analysis"
    _auto = False
    _order = "date_planned desc, id desc"
    _depends = {
        "olopiste.referral": [
            "area_id",
            "company_id",
            "date_end",
            "date_planned",
            "date_started",
            "direction",
            "followon_type_id",
            "project_id",
            "state",
        ],
        "olopiste.followon.type": ["category", "counts_as_followon"],
    }

    company_id = fields.Many2one("res.company", readonly=True)
    project_id = fields.Many2one("olopiste.project", readonly=True)
    area_id = fields.Many2one("olopiste.area", readonly=True)
    followon_type_id = fields.Many2one(
        "olopiste.followon.type", string="Path Type", readonly=True
    )
    category = fields.Selection(FOLLOWON_CATEGORIES, readonly=True)
    counts_as_followon = fields.Boolean(
        string="Counts as a Follow-on Path", readonly=True
    )
    direction = fields.Selection(
        selection=[("out", "Follow-on path (outgoing)"), ("in", "Referred to us")],
        readonly=True,
    )
    state = fields.Selection(REFERRAL_STATES, readonly=True)
    date_planned = fields.Date(string="Planned On", readonly=True)
    date_started = fields.Date(string="Started On", readonly=True)
    date_end = fields.Date(string="Ended On", readonly=True)
    referral_count = fields.Integer(string="Referrals", readonly=True, aggregator="sum")

    @property
    def _table_query(self):
        return SQL("%s %s %s", self._select(), self._from(), self._where())

    def _select(self):
        return SQL(
            """
            SELECT r.id, r.company_id, r.project_id, r.area_id, r.followon_type_id,
                   t.category, COALESCE(t.counts_as_followon, FALSE)
                       AS counts_as_followon,
                   r.direction, r.state, r.date_planned, r.date_started, r.date_end,
                   1 AS referral_count
            """
        )

    def _from(self):
        return SQL(
            """
              FROM olopiste_referral r
              LEFT JOIN olopiste_followon_type t ON t.id = r.followon_type_id
            """
        )

    def _where(self):
        return SQL()

    def init(self):
        # read through `_table_query`: a view left by an earlier version goes
        tools.drop_view_if_exists(self.env.cr, self._table)
