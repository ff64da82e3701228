# Copyright 2026 Olopiste contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
import uuid
from datetime import timedelta

from odoo import api, fields, models
from odoo.exceptions import UserError, ValidationError
from odoo.tools import consteq
from odoo.tools.misc import format_date

from odoo.addons.olopiste_case.const import GROUP_MANAGER

from ..const import PUBLIC_ORGANISATION_FIELDS, PUBLIC_SERVICE_FIELDS, UPDATE_LINK_DAYS

ACCESS_MODES = [
    ("walk_in", "Walk in"),
    ("referral", "By referral"),
    ("both", "Walk in or by referral"),
]


class OlopistePartnerService(models.Model):
    """A partner's service as an entry of the open service directory."""

    _name = "olopiste.partner.service"
    _inherit = [
        "olopiste.partner.service",
        "website.published.mixin",
        "website.searchable.mixin",
        "mail.thread",
    ]

    # every change of an entry is tracked on it
    name = fields.Char(tracking=True)
    organisation_id = fields.Many2one(tracking=True)
    followon_type_id = fields.Many2one(tracking=True)
    contact_id = fields.Many2one(tracking=True)
    places = fields.Integer(tracking=True)
    date_start = fields.Date(tracking=True)
    date_end = fields.Date(tracking=True)
    description = fields.Text(tracking=True)
    is_published = fields.Boolean(tracking=True)

    category_id = fields.Many2one(
        comodel_name="olopiste.service.category",
        string="Kind of Service",
        index=True,
        tracking=True,
    )
    tag_ids = fields.Many2many(
        comodel_name="olopiste.service.tag",
        string="Suits",
        help="The interests and situations the service suits, e.g. work with "
        "animals, part-time work.",
    )
    municipality_ids = fields.Many2many(
        comodel_name="olopiste.municipality",
        string="Area",
        help="The municipalities whose residents the service takes.",
    )
    audience = fields.Char(
        string="For Whom",
        tracking=True,
        help="Who the service is for, e.g. unemployed people over 30.",
    )
    address = fields.Char(string="Where", tracking=True)
    accessibility = fields.Char(
        tracking=True,
        help="How to get in and around, e.g. step-free entrance, lift, "
        "accessible toilet, hearing loop.",
    )
    schedule = fields.Char(
        string="When", tracking=True, help="e.g. Mon–Thu 9–15, or by appointment."
    )
    is_free = fields.Boolean(string="Free of Charge", default=True, tracking=True)
    cost_note = fields.Char(
        string="Cost",
        tracking=True,
        help="What the participant pays, if anything, e.g. lunch 3 €.",
    )
    access_mode = fields.Selection(
        selection=ACCESS_MODES,
        string="How to Get In",
        required=True,
        default="walk_in",
        tracking=True,
    )
    public_contact_name = fields.Char(related="contact_id.name", string="Contact Name")
    public_email = fields.Char(related="contact_id.email", string="Contact E-mail")
    public_phone = fields.Char(related="contact_id.phone", string="Contact Phone")
    has_open_places = fields.Boolean(
        compute="_compute_has_open_places",
        search="_search_has_open_places",
        help="Places are open now: some are free and the period has not ended.",
    )
    # the contact person's link to propose changes to the entry
    update_token = fields.Char(copy=False, groups=GROUP_MANAGER)
    update_link_expiry = fields.Datetime(
        copy=False,
        readonly=True,
        help="The contact person's link to update the entry works until then.",
    )

    def _compute_website_url(self):
        for service in self:
            service.website_url = f"/palvelut/{service.id}" if service.id else "#"

    @api.depends_context("uid")
    def _compute_can_publish(self):
        # a project manager reviews and publishes; case workers may edit
        can = self.env.is_superuser() or self.env.user.has_group(GROUP_MANAGER)
        for service in self:
            service.can_publish = can

    def _get_can_publish_error_message(self):
        return self.env._("Only project managers publish entries of the directory.")

    @api.model
    def _open_places_domain(self):
        """Places open now: free ones left and the period not over."""
        return [
            ("places_open", ">", 0),
            "|",
            ("date_end", "=", False),
            ("date_end", ">=", fields.Date.context_today(self)),
        ]

    @api.depends("places_open", "date_end")
    def _compute_has_open_places(self):
        open_now = self.filtered_domain(self._open_places_domain())
        for service in self:
            service.has_open_places = service in open_now

    def _search_has_open_places(self, operator, value):
        if operator not in ("=", "!=") or not isinstance(value, bool):
            raise UserError(self.env._("Unsupported search on open places."))
        domain = self._open_places_domain()
        return domain if (operator == "=") == value else ["!", *domain]

    @api.model
    def _directory_domain(self):
        """The entries anyone may see on this website: published, of an
        organisation, of the website's company."""
        domain = [
            ("is_published", "=", True),
            ("organisation_id.is_olopiste_client", "=", False),
        ]
        website = self.env["website"].get_current_website(fallback=False)
        if website:
            domain.append(("company_id", "in", [website.company_id.id, False]))
        return domain

    @api.constrains("is_published", "organisation_id", "contact_id")
    def _check_public_parties(self):
        for service in self.filtered("is_published"):
            if (
                service.organisation_id.is_olopiste_client
                or service.contact_id.is_olopiste_client
            ):
                raise ValidationError(
                    self.env._(
                        "%(service)s: a client cannot be the organisation or the "
                        "contact of a published service.",
                        service=service.name,
                    )
                )

    # ------------------------------------------------------------------
    # what the public sees

    def _directory_values(self):
        """The public pages' values of these services, read from
        PUBLIC_SERVICE_FIELDS only: the one place that decides what of a
        service reaches the public."""
        modes = dict(self._fields["access_mode"]._description_selection(self.env))
        open_now = set(self.filtered("has_open_places").ids)
        values = []
        for row in self.read(list(PUBLIC_SERVICE_FIELDS)):
            category = row.pop("category_id")
            row["category"] = category[1] if category else ""
            organisation = row.pop("organisation_id")
            row["organisation"] = {
                "id": organisation[0],
                "name": organisation[1],
                "url": f"/palvelut/organisaatio/{organisation[0]}",
            }
            row["tags"] = self.env["olopiste.service.tag"].browse(row.pop("tag_ids"))
            row["municipalities"] = ", ".join(
                self.env["olopiste.municipality"]
                .browse(row.pop("municipality_ids"))
                .mapped("name")
            )
            row["access_mode_label"] = modes.get(row["access_mode"], "")
            row["open_places"] = row["places_open"] if row["id"] in open_now else 0
            row["date_start_text"] = (
                format_date(self.env, row["date_start"]) if row["date_start"] else ""
            )
            row["date_end_text"] = (
                format_date(self.env, row["date_end"]) if row["date_end"] else ""
            )
            values.append(row)
        return values

    def _directory_organisation_values(self):
        """The public values of the organisation of these services."""
        organisation = self.organisation_id[:1]
        return organisation.read(list(PUBLIC_ORGANISATION_FIELDS))[0]

    @api.model
    def _search_get_detail(self, website, order, options):
        domain = [self._directory_domain()]
        if options.get("category"):
            domain.append([("category_id", "=", options["category"])])
        if options.get("area"):
            domain.append([("municipality_ids", "in", [options["area"]])])
        for tag_ids in options.get("tag_groups", ()):
            # one of each kind: animals or older people, and part-time work
            domain.append([("tag_ids", "in", tag_ids)])
        if options.get("open"):
            domain.append(self._open_places_domain())

        def search_related(env, term):
            # the organisation's name, the tags and the area are searched
            # too; sudo: the visitor has no access to them, and only the ids
            # of published services come back
            services = (
                env["olopiste.partner.service"]
                .sudo()
                ._search(
                    [
                        "|",
                        "|",
                        ("organisation_id.name", "ilike", term),
                        ("tag_ids.name", "ilike", term),
                        ("municipality_ids.name", "ilike", term),
                    ]
                )
            )
            return [("id", "in", services)]

        return {
            "model": "olopiste.partner.service",
            "base_domain": domain,
            "search_fields": ["name", "description", "audience"],
            "search_extra": search_related,
            "fetch_fields": ["name", "website_url", "description"],
            "mapping": {
                "name": {"name": "name", "type": "text", "match": True},
                "website_url": {
                    "name": "website_url",
                    "type": "text",
                    "truncate": False,
                },
                "description": {"name": "description", "type": "text", "match": True},
            },
            "icon": "fa-handshake-o",
            # sudo: visitors have no access to services; base_domain keeps
            # the search to published ones and the mapping to public fields
            "requires_sudo": True,
            "order": "name asc, id asc",
        }

    # ------------------------------------------------------------------
    # the contact person's update link

    def _update_link_valid(self, token):
        """Whether ``token`` opens this entry's update form now."""
        self.ensure_one()
        stored = self.sudo().update_token
        return bool(
            token
            and stored
            and consteq(stored, token)
            and self.update_link_expiry
            and self.update_link_expiry > fields.Datetime.now()
            and self.is_published
        )

    def _update_link_url(self):
        self.ensure_one()
        token = self.sudo().update_token
        return f"{self.get_base_url()}/palvelut/{self.id}/muokkaa?token={token}"

    def action_send_update_link(self):
        """E-mail the contact person a link to propose changes to the entry."""
        template = self.env.ref("olopiste_website.mail_template_directory_update_link")
        for service in self:
            if not service.is_published:
                raise UserError(
                    self.env._(
                        "%(service)s is not published: publish it before sending "
                        "its contact an update link.",
                        service=service.name,
                    )
                )
            if not service.contact_id.email:
                raise UserError(
                    self.env._(
                        "%(service)s has no contact person with an e-mail address.",
                        service=service.name,
                    )
                )
            # a new token for every sending: earlier links stop working
            service.sudo().update_token = str(uuid.uuid4())
            service.update_link_expiry = fields.Datetime.now() + timedelta(
                days=UPDATE_LINK_DAYS
            )
            # by e-mail only, tied to no record: the link is the contact's,
            # and a mail of the record would show it in the chatter
            template.send_mail(
                service.id,
                email_layout_xmlid="mail.mail_notification_light",
                email_values={"model": False, "res_id": False},
            )
            service.message_post(
                body=self.env._(
                    "Update link sent to %(contact)s; it works until %(date)s.",
                    contact=service.contact_id.name,
                    date=format_date(self.env, service.update_link_expiry),
                )
            )
        return True

    # ------------------------------------------------------------------
    # from the directory to a referral

    def action_start_referral(self):
        """Open a new follow-on path to this service: the worker picks the case."""
        self.ensure_one()
        # those who cannot plan paths get no form to plan one
        self.env["olopiste.referral"].check_access("create")
        return {
            "type": "ir.actions.act_window",
            "name": self.env._("Plan a Follow-on Path"),
            "res_model": "olopiste.referral",
            "view_mode": "form",
            "target": "current",
            "context": {
                "default_direction": "out",
                "default_service_id": self.id,
                "default_organisation_id": self.organisation_id.id,
                "default_contact_id": self.contact_id.id,
                "default_followon_type_id": self.followon_type_id.id,
            },
        }
