# Copyright 2026 Olopiste contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import api, fields, models
from odoo.exceptions import ValidationError

from ..const import GROUP_WORKER


class OlopistePartnerService(models.Model):
    """A service a partner organisation offers, with its open places."""

    _name = "olopiste.partner.service"
    _description = "Partner Organisation Service"
    _order = "organisation_id, sequence, name, id"

    name = fields.Char(required=True)
    sequence = fields.Integer(default=10)
    organisation_id = fields.Many2one(
        comodel_name="res.partner",
        required=True,
        index=True,
        ondelete="cascade",
        domain="[('is_company', '=', True)]",
    )
    followon_type_id = fields.Many2one(
        comodel_name="olopiste.followon.type",
        string="Path Type",
        index=True,
    )
    municipalities = fields.Char(
        help="Where the service is offered, e.g. Lahti, Hollola."
    )
    contact_id = fields.Many2one(
        comodel_name="res.partner",
        string="Contact Person",
        domain="[('parent_id', '=', organisation_id)]",
    )
    places = fields.Integer(
        help="Places the partner offers now, e.g. work-trial or wage-subsidy "
        "places; a started path takes one.",
    )
    # compute_sudo: every started path takes a place, also those of cases
    # the user does not see
    referral_ids = fields.One2many(
        comodel_name="olopiste.referral",
        inverse_name="service_id",
        groups=GROUP_WORKER,
    )
    places_taken = fields.Integer(
        compute="_compute_places_open",
        store=True,
        compute_sudo=True,
        help="Paths to this service that have started and not yet ended.",
    )
    places_open = fields.Integer(
        string="Open Places",
        compute="_compute_places_open",
        store=True,
        compute_sudo=True,
        help="Places less the paths that have started.",
    )
    date_start = fields.Date(string="Places From")
    date_end = fields.Date(string="Places Until")
    description = fields.Text()
    active = fields.Boolean(default=True)
    company_id = fields.Many2one(
        comodel_name="res.company",
        default=lambda self: self.env.company,
        index=True,
    )

    @api.depends("places", "referral_ids.state")
    def _compute_places_open(self):
        for service in self:
            taken = len(service.referral_ids.filtered(lambda r: r.state == "started"))
            service.places_taken = taken
            service.places_open = max(service.places - taken, 0)

    @api.model
    def _olopiste_places_error(self, name, places, date_start, date_end):
        """The field that is wrong and why, or None: the one check of a
        service's places, for the service and for an organisation's
        proposal of one."""
        if (places or 0) < 0:
            return "places", self.env._("The number of open places cannot be negative.")
        if date_start and date_end and date_end < date_start:
            return "date_end", self.env._(
                "%(service)s: the places end before they start.", service=name
            )
        return None

    @api.constrains("places", "date_start", "date_end")
    def _check_places(self):
        for service in self:
            error = self._olopiste_places_error(
                service.name, service.places, service.date_start, service.date_end
            )
            if error:
                raise ValidationError(error[1])
