# Copyright 2026 Olopiste contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
import re
from datetime import timedelta

from odoo import api, fields, models
from odoo.exceptions import UserError, ValidationError
from odoo.tools import email_normalize

from ..const import ENTRY_FIELDS, SUBMISSIONS_PER_HOUR
from .olopiste_partner_service import ACCESS_MODES

BUSINESS_ID = re.compile(r"^\d{7}-\d$")
# the proposal's fields that become the service's as they are
SERVICE_FIELDS = (*ENTRY_FIELDS, "places")
# the fields _olopiste_errors() looks at
CHECKED_FIELDS = (
    "organisation_name",
    "name",
    "contact_name",
    "contact_email",
    "business_id",
    "places",
    "date_start",
    "date_end",
)


class OlopisteDirectorySubmission(models.Model):
    """An organisation's proposal of a directory entry, new or changed, sent
    through the public form: nothing of it is public before a project
    manager publishes it."""

    _name = "olopiste.directory.submission"
    _description = "Directory Entry Proposal"
    _inherit = ["mail.thread"]
    _order = "create_date desc, id desc"

    state = fields.Selection(
        selection=[
            ("new", "To Review"),
            ("published", "Published"),
            ("rejected", "Rejected"),
        ],
        required=True,
        default="new",
        tracking=True,
    )
    service_id = fields.Many2one(
        comodel_name="olopiste.partner.service",
        string="Entry",
        index=True,
        readonly=True,
        help="The published entry this proposal changes, or the one made of it.",
    )
    organisation_id = fields.Many2one(
        comodel_name="res.partner",
        string="Known Organisation",
        readonly=True,
        help="The organisation the proposal was published for.",
    )
    organisation_name = fields.Char(string="Organisation", required=True)
    business_id = fields.Char(
        string="Business ID", help="The Finnish business ID, e.g. 1234567-8."
    )
    organisation_website = fields.Char(string="Organisation's Website")
    organisation_description = fields.Text(string="About the Organisation")
    contact_name = fields.Char(required=True)
    contact_email = fields.Char(string="Contact E-mail", required=True)
    contact_phone = fields.Char()
    name = fields.Char(string="Service", required=True)
    description = fields.Text()
    audience = fields.Char(string="For Whom")
    category_id = fields.Many2one(
        comodel_name="olopiste.service.category", string="Kind of Service"
    )
    tag_ids = fields.Many2many(comodel_name="olopiste.service.tag", string="Suits")
    municipality_ids = fields.Many2many(
        comodel_name="olopiste.municipality", string="Area"
    )
    address = fields.Char(string="Where")
    accessibility = fields.Char()
    schedule = fields.Char(string="When")
    is_free = fields.Boolean(string="Free of Charge", default=True)
    cost_note = fields.Char(string="Cost")
    access_mode = fields.Selection(
        selection=ACCESS_MODES,
        string="How to Get In",
        required=True,
        default="walk_in",
    )
    places = fields.Integer(string="Open Places")
    date_start = fields.Date(string="Places From")
    date_end = fields.Date(string="Places Until")
    company_id = fields.Many2one(
        comodel_name="res.company",
        default=lambda self: self.env.company,
        index=True,
        readonly=True,
        help="The company of the website the proposal came through.",
    )
    # a hash of the sender's address, for the rate limit only
    sender_key = fields.Char(readonly=True, copy=False)

    @api.depends("name", "organisation_name")
    def _compute_display_name(self):
        for proposal in self:
            proposal.display_name = f"{proposal.organisation_name}: {proposal.name}"

    # ------------------------------------------------------------------
    # the checks: one list of messages, for the form and for every save

    @api.model
    def _olopiste_errors(self, values):
        """{field: message} of what is wrong in ``values``; empty if nothing."""
        errors = {}
        required = {
            "organisation_name": self.env._("Give the organisation's name."),
            "name": self.env._("Give the service's name."),
            "contact_name": self.env._("Give a contact person."),
            "contact_email": self.env._("Give the contact person's e-mail address."),
        }
        for field, message in required.items():
            if not (values.get(field) or "").strip():
                errors[field] = message
        email = values.get("contact_email")
        if email and "contact_email" not in errors and not email_normalize(email):
            errors["contact_email"] = self.env._(
                "%(email)s is not an e-mail address.", email=email
            )
        business_id = (values.get("business_id") or "").strip()
        if business_id and not BUSINESS_ID.match(business_id):
            errors["business_id"] = self.env._(
                "A business ID has seven digits, a hyphen and a check digit, "
                "e.g. 1234567-8."
            )
        places_error = self.env["olopiste.partner.service"]._olopiste_places_error(
            values.get("name") or "",
            values.get("places"),
            values.get("date_start"),
            values.get("date_end"),
        )
        if places_error:
            field, message = places_error
            errors[field] = message
        return errors

    @api.constrains(*CHECKED_FIELDS)
    def _check_values(self):
        for proposal in self:
            errors = self._olopiste_errors(
                {field: proposal[field] for field in CHECKED_FIELDS}
            )
            if errors:
                raise ValidationError("\n".join(errors.values()))

    @api.model
    def _olopiste_rate_limited(self, sender_key):
        """Whether this sender has sent as many proposals as an hour allows."""
        since = fields.Datetime.now() - timedelta(hours=1)
        # sudo: the sender is a visitor; only a count comes back
        return (
            self.sudo().search_count(
                [("sender_key", "=", sender_key), ("create_date", ">=", since)]
            )
            >= SUBMISSIONS_PER_HOUR
        )

    # ------------------------------------------------------------------
    # review

    def _olopiste_organisation(self):
        """The proposal's organisation: the entry's, one with the same
        business ID or name, or a new one."""
        self.ensure_one()
        partners = self.env["res.partner"]
        organisation = self.service_id.organisation_id
        if not organisation and self.business_id:
            organisation = partners.search(
                [
                    ("is_company", "=", True),
                    ("company_registry", "=", self.business_id.strip()),
                ],
                limit=1,
            )
        if not organisation:
            organisation = partners.search(
                [
                    ("is_company", "=", True),
                    ("is_olopiste_partner_org", "=", True),
                    ("name", "=ilike", self.organisation_name.strip()),
                ],
                limit=1,
            )
        values = {
            "name": self.organisation_name.strip(),
            "is_olopiste_partner_org": True,
        }
        if self.business_id:
            values["company_registry"] = self.business_id.strip()
        if self.organisation_website:
            values["website"] = self.organisation_website
        if self.organisation_description:
            values["olopiste_public_description"] = self.organisation_description
        if organisation:
            if organisation.is_olopiste_client:
                raise UserError(
                    self.env._(
                        "%(name)s is a client, not an organisation.",
                        name=organisation.name,
                    )
                )
            organisation.write(values)
            return organisation
        return partners.with_context(mail_create_nolog=True).create(
            dict(values, is_company=True)
        )

    def _olopiste_contact(self, organisation):
        self.ensure_one()
        email = email_normalize(self.contact_email)
        contact = organisation.child_ids.filtered(
            lambda p: email_normalize(p.email or "") == email
        )[:1]
        values = {"name": self.contact_name.strip(), "phone": self.contact_phone}
        if contact:
            contact.write(values)
            return contact
        return (
            self.env["res.partner"]
            .with_context(mail_create_nolog=True)
            .create(
                dict(
                    values, email=self.contact_email.strip(), parent_id=organisation.id
                )
            )
        )

    def action_publish(self):
        """Publish the proposal: a new entry, or the changes to its entry,
        each change tracked on the entry."""
        self._check_not_reviewed()
        for proposal in self:
            organisation = proposal._olopiste_organisation()
            contact = proposal._olopiste_contact(organisation)
            values = {
                field: proposal._fields[field].convert_to_write(
                    proposal[field], proposal
                )
                for field in SERVICE_FIELDS
            }
            values.update(
                organisation_id=organisation.id,
                contact_id=contact.id,
                is_published=True,
            )
            service = proposal.service_id
            if service:
                service.write(values)
            else:
                service = self.env["olopiste.partner.service"].create(values)
            service.message_post(
                body=self.env._(
                    "Published from the proposal of %(contact)s (%(organisation)s), "
                    "reviewed by %(user)s.",
                    contact=proposal.contact_name,
                    organisation=proposal.organisation_name,
                    user=self.env.user.name,
                )
            )
            proposal.write(
                {
                    "state": "published",
                    "service_id": service.id,
                    "organisation_id": organisation.id,
                }
            )
        return True

    def _check_not_reviewed(self):
        for proposal in self:
            if proposal.state != "new":
                raise UserError(
                    self.env._(
                        "%(name)s has been reviewed already.",
                        name=proposal.display_name,
                    )
                )

    def action_reject(self):
        self._check_not_reviewed()
        self.write({"state": "rejected"})
        return True

    def action_open_service(self):
        self.ensure_one()
        return {
            "type": "ir.actions.act_window",
            "res_model": "olopiste.partner.service",
            "res_id": self.service_id.id,
            "view_mode": "form",
        }
