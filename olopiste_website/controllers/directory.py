# Copyright 2026 Olopiste contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
import hashlib

from werkzeug.exceptions import NotFound

from odoo import fields, http
from odoo.http import request

from ..const import SERVICES_PER_PAGE
from ..models.olopiste_directory_submission import SERVICE_FIELDS

# the form's text inputs, as the proposal's fields
TEXT_INPUTS = (
    "organisation_name",
    "business_id",
    "organisation_website",
    "organisation_description",
    "contact_name",
    "contact_email",
    "contact_phone",
    "name",
    "description",
    "audience",
    "address",
    "accessibility",
    "schedule",
    "cost_note",
)
# a field no person sees or fills: a form with it filled is a robot's
HONEYPOT = "homepage"


def _int(value):
    try:
        return int(value)
    except (TypeError, ValueError):
        return None


def _ids(values):
    return [number for number in map(_int, values) if number]


class DirectoryController(http.Controller):
    """The open service directory: public pages and the organisations' form.

    Visitors have no access to Olopiste's models: every read here is sudo,
    kept to published entries by the service's ``_directory_domain`` and to
    the public fields by its ``_directory_values``.
    """

    def _services(self):
        # sudo: see the class's docstring
        return request.env["olopiste.partner.service"].sudo()

    def _facets(self):
        env = request.env
        # sudo: the names of the filters' choices, public master data
        services = self._services().search(self._services()._directory_domain())
        tags = env["olopiste.service.tag"].sudo().search([])
        return {
            "categories": env["olopiste.service.category"].sudo().search([]),
            "interests": tags.filtered(lambda t: t.kind == "interest"),
            "situations": tags.filtered(lambda t: t.kind == "situation"),
            "areas": services.municipality_ids.sorted("name"),
        }

    @http.route(
        ["/palvelut", "/palvelut/sivu/<int:page>"],
        type="http",
        auth="public",
        website=True,
        sitemap=True,
    )
    def directory(self, page=1, search="", **kwargs):
        args = request.httprequest.args
        tag_ids = _ids(args.getlist("tag"))
        tags = request.env["olopiste.service.tag"].sudo().browse(tag_ids).exists()
        options = {
            "category": _int(kwargs.get("category")),
            "area": _int(kwargs.get("area")),
            # one of each kind: e.g. animals or older people, and part-time work
            "tag_groups": [group.ids for group in tags.grouped("kind").values()],
            "open": bool(kwargs.get("open")),
            "allowFuzzy": not kwargs.get("noFuzzy"),
        }
        search = (search or "").strip()
        count, details, fuzzy = request.website._search_with_fuzzy(
            "olopiste_services",
            search,
            limit=page * SERVICES_PER_PAGE,
            order="name asc, id asc",
            options=options,
        )
        services = details[0].get("results", self._services())
        services = services[(page - 1) * SERVICES_PER_PAGE : page * SERVICES_PER_PAGE]
        url_args = {
            key: value
            for key, value in (
                ("search", search),
                ("category", options["category"]),
                ("area", options["area"]),
                ("open", "1" if options["open"] else ""),
            )
            if value
        }
        if tag_ids:
            url_args["tag"] = tags.ids
        pager = request.website.pager(
            url="/palvelut",
            url_args=url_args,
            total=count,
            page=page,
            step=SERVICES_PER_PAGE,
            scope=5,
        )
        return request.render(
            "olopiste_website.directory_page",
            {
                "services": services._directory_values(),
                "count": count,
                "search": search,
                "fuzzy": fuzzy,
                "options": options,
                "selected_tags": tags,
                "pager": pager,
                **self._facets(),
            },
        )

    def _published(self, service_id):
        services = self._services()
        service = services.search(
            [("id", "=", service_id), *services._directory_domain()]
        )
        if not service:
            raise NotFound()
        return service

    @http.route("/palvelut/<int:service_id>", type="http", auth="public", website=True)
    def service_page(self, service_id, **kwargs):
        service = self._published(service_id)
        return request.render(
            "olopiste_website.directory_service_page",
            {
                "service": service._directory_values()[0],
                "organisation": service._directory_organisation_values(),
            },
        )

    @http.route(
        "/palvelut/organisaatio/<int:organisation_id>",
        type="http",
        auth="public",
        website=True,
    )
    def organisation_page(self, organisation_id, **kwargs):
        services = self._services()
        services = services.search(
            [("organisation_id", "=", organisation_id), *services._directory_domain()]
        )
        if not services:
            # not an organisation with published services: nothing to show
            raise NotFound()
        return request.render(
            "olopiste_website.directory_organisation_page",
            {
                "organisation": services._directory_organisation_values(),
                "services": services._directory_values(),
            },
        )

    # ------------------------------------------------------------------
    # the organisations' form

    def _form_values(self, service=None):
        """The form's starting values: empty, or the entry's public ones."""
        if not service:
            return {"is_free": True, "access_mode": "walk_in", "tag_ids": []}
        entry = service._directory_values()[0]
        organisation = service._directory_organisation_values()
        return {
            **{
                field: service[field]
                for field in SERVICE_FIELDS
                if field not in ("category_id", "tag_ids", "municipality_ids")
            },
            "category_id": service.category_id.id,
            "tag_ids": service.tag_ids.ids,
            "municipality_ids": service.municipality_ids.ids,
            "organisation_name": organisation["name"],
            "organisation_website": organisation["website"] or "",
            "organisation_description": organisation["olopiste_public_description"]
            or "",
            "contact_name": entry["public_contact_name"] or "",
            "contact_email": entry["public_email"] or "",
            "contact_phone": entry["public_phone"] or "",
        }

    def _render_form(self, values, errors=None, service=None, token=None, status=200):
        env = request.env
        # sudo: the form's choices are public master data
        return request.render(
            "olopiste_website.directory_form",
            {
                "values": values,
                "errors": errors or {},
                "service": service,
                "token": token,
                "categories": env["olopiste.service.category"].sudo().search([]),
                "tags": env["olopiste.service.tag"].sudo().search([]),
                "areas": env["olopiste.municipality"].sudo().search([]),
                "access_modes": env["olopiste.partner.service"]
                ._fields["access_mode"]
                ._description_selection(env),
                "honeypot": HONEYPOT,
            },
            status=status,
        )

    def _parse(self, form):
        """The proposal's values from the posted form, and the errors of
        what could not be read at all (a date or a number)."""
        errors = {}
        values = {field: (form.get(field) or "").strip() for field in TEXT_INPUTS}
        values["category_id"] = _int(form.get("category_id")) or False
        values["tag_ids"] = _ids(request.httprequest.form.getlist("tag_ids"))
        values["municipality_ids"] = _ids(
            request.httprequest.form.getlist("municipality_ids")
        )
        values["is_free"] = bool(form.get("is_free"))
        modes = dict(
            request.env["olopiste.partner.service"]._fields["access_mode"].selection
        )
        values["access_mode"] = (
            form.get("access_mode") if form.get("access_mode") in modes else "walk_in"
        )
        places = (form.get("places") or "").strip()
        values["places"] = _int(places) if places else 0
        if values["places"] is None:
            values["places"] = places
            errors["places"] = request.env._(
                "Give the number of open places as a whole number, e.g. 3."
            )
        for field in ("date_start", "date_end"):
            text = (form.get(field) or "").strip()
            try:
                values[field] = fields.Date.to_date(text) if text else False
            except ValueError:
                values[field] = text
                errors[field] = request.env._(
                    "Give the date as a date, e.g. 31.12.2026."
                )
        return values, errors

    def _sender_key(self):
        address = request.httprequest.remote_addr or ""
        return hashlib.sha256(address.encode()).hexdigest()

    def _submit(self, form, service=None, token=None):
        Proposal = request.env["olopiste.directory.submission"]
        values, errors = self._parse(form)
        if form.get(HONEYPOT):
            # a robot: thanked like a person, and nothing kept
            return request.render("olopiste_website.directory_thanks", {})
        if not errors:
            # a number or a date that could not be read is named already
            errors = Proposal._olopiste_errors(values)
        sender_key = self._sender_key()
        if not errors and Proposal._olopiste_rate_limited(sender_key):
            errors["form"] = request.env._(
                "Too many proposals have come from your address within an "
                "hour. Please try again later."
            )
        if errors:
            return self._render_form(values, errors, service, token, status=400)
        values.update(
            {
                "tag_ids": [fields.Command.set(values["tag_ids"])],
                "municipality_ids": [fields.Command.set(values["municipality_ids"])],
                "service_id": service.id if service else False,
                "sender_key": sender_key,
                "company_id": request.website.company_id.id,
            }
        )
        # sudo: visitors propose, they never read proposals; the proposal
        # is nothing public until a project manager publishes it
        Proposal.sudo().with_context(mail_create_nolog=True).create(values)
        return request.render("olopiste_website.directory_thanks", {"service": service})

    @http.route(
        "/palvelut/ilmoita", type="http", auth="public", website=True, methods=["GET"]
    )
    def proposal_form(self, **kwargs):
        return self._render_form(self._form_values())

    @http.route(
        "/palvelut/ilmoita", type="http", auth="public", website=True, methods=["POST"]
    )
    def proposal_submit(self, **form):
        return self._submit(form)

    def _updatable(self, service_id, token):
        service = self._services().browse(service_id).exists()
        if service and service._update_link_valid(token):
            return service
        return None

    @http.route(
        "/palvelut/<int:service_id>/muokkaa", type="http", auth="public", website=True
    )
    def update_form(self, service_id, token=None, **form):
        service = self._updatable(service_id, token)
        if service is None:
            return request.render("olopiste_website.directory_link_expired", status=410)
        if request.httprequest.method == "POST":
            return self._submit(form, service, token)
        return self._render_form(
            self._form_values(service), service=service, token=token
        )
