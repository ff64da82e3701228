# Copyright 2026 Olopiste contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import api, fields, models
from odoo.exceptions import ValidationError


class ResPartner(models.Model):
    _inherit = "res.partner"

    is_olopiste_client = fields.Boolean(
        string="Olopiste Client",
        index=True,
        help="This contact is a client of an employment-support project.",
    )
    is_olopiste_partner_org = fields.Boolean(
        string="Partner Organisation",
        index=True,
        help="An organisation clients are referred to, or that refers clients to us.",
    )
    olopiste_service_ids = fields.One2many(
        comodel_name="olopiste.partner.service",
        inverse_name="organisation_id",
        string="Services",
    )
    olopiste_case_ids = fields.One2many(
        comodel_name="olopiste.case",
        inverse_name="partner_id",
        string="Client Cases",
    )
    olopiste_case_count = fields.Integer(
        string="Cases", compute="_compute_olopiste_case_count"
    )
    olopiste_attendance_hours = fields.Float(
        string="Participation Hours", compute="_compute_olopiste_case_count"
    )
    olopiste_duplicate_ids = fields.Many2many(
        comodel_name="res.partner",
        string="Possible Duplicates",
        compute="_compute_olopiste_duplicate_ids",
        help="Contacts with the same name and birthdate.",
    )

    def _compute_olopiste_case_count(self):
        totals = {
            partner: (count, hours)
            for partner, count, hours in self.env["olopiste.case"]._read_group(
                [("partner_id", "in", self.ids)],
                ["partner_id"],
                ["__count", "attendance_hours:sum"],
            )
        }
        for partner in self:
            partner.olopiste_case_count, partner.olopiste_attendance_hours = totals.get(
                partner, (0, 0.0)
            )

    @api.depends("name", "birthdate_date")
    def _compute_olopiste_duplicate_ids(self):
        for partner in self:
            partner.olopiste_duplicate_ids = partner._olopiste_find_duplicates()

    def _olopiste_find_duplicates(self):
        self.ensure_one()
        if not (self.name and self.birthdate_date):
            return self.browse()
        own_id = self._origin.id or self.id
        domain = [
            ("name", "=ilike", self.name.strip()),
            ("birthdate_date", "=", self.birthdate_date),
        ]
        if isinstance(own_id, int):
            domain.append(("id", "!=", own_id))
        return self.search(domain, limit=5)

    @api.constrains("birthdate_date")
    def _check_birthdate_not_in_future(self):
        today = fields.Date.context_today(self)
        for partner in self:
            if partner.birthdate_date and partner.birthdate_date > today:
                raise ValidationError(
                    self.env._(
                        "%(name)s: the birthdate %(date)s is in the future.",
                        name=partner.name,
                        date=partner.birthdate_date,
                    )
                )

    def action_view_olopiste_cases(self):
        self.ensure_one()
        action = self.env["ir.actions.act_window"]._for_xml_id(
            "olopiste_case.olopiste_case_action"
        )
        action["domain"] = [("partner_id", "=", self.id)]
        action["context"] = {"default_partner_id": self.id}
        return action

    def action_view_olopiste_attendance(self):
        self.ensure_one()
        action = self.env["ir.actions.act_window"]._for_xml_id(
            "olopiste_case.olopiste_attendance_action"
        )
        action["domain"] = [("partner_id", "=", self.id)]
        return action

    def action_open_olopiste_duplicate(self):
        """Open the existing contact instead of creating a twin."""
        self.ensure_one()
        return {
            "type": "ir.actions.act_window",
            "res_model": "res.partner",
            "res_id": self.olopiste_duplicate_ids[:1].id,
            "view_mode": "form",
            "target": "current",
        }
