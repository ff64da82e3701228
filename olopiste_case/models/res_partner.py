# Copyright 2026 Olopiste contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
import re

from markupsafe import escape

from odoo import api, fields, models
from odoo.exceptions import AccessError, UserError, ValidationError
from odoo.osv import expression
from odoo.tools.misc import format_date

from ..const import GROUP_MANAGER
from .olopiste_case import PERSONAL_ANSWER_FIELDS, SENSITIVE_FIELDS


class ResPartner(models.Model):
    _inherit = "res.partner"

    is_olopiste_client = fields.Boolean(
        string="Olopiste Client",
        index=True,
        readonly=True,
        copy=False,
        help="This contact is a client of an employment-support project: only "
        "those who see one of the client's cases see the contact.",
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
    olopiste_municipality_id = fields.Many2one(
        comodel_name="olopiste.municipality",
        string="Municipality of Residence",
        help="Where the client lives: its degree of urbanisation decides the "
        "funder's rural-areas indicator (EECO17).",
    )
    olopiste_anonymised_date = fields.Date(
        string="Anonymised On",
        readonly=True,
        copy=False,
        help="The client's identifying data were removed on this date; the "
        "non-identifying data that reports need were kept.",
    )
    olopiste_birth_year = fields.Integer(
        string="Birth Year",
        readonly=True,
        copy=False,
        help="Kept instead of the birthdate when the client is anonymised.",
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

    def write(self, vals):
        # the flag hides a client from everyone who sees none of their cases:
        # only the system lifts it, never a user through the API
        if vals.get("is_olopiste_client") is False and not self.env.su:
            raise AccessError(
                self.env._("A client's contact cannot be made visible to everyone.")
            )
        return super().write(vals)

    @api.constrains("birthdate_date")
    def _check_birthdate_not_in_future(self):
        today = fields.Date.context_today(self)
        for partner in self:
            if partner.birthdate_date and partner.birthdate_date > today:
                raise ValidationError(
                    self.env._(
                        "%(name)s: the birthdate %(date)s is in the future.",
                        name=partner.name,
                        date=format_date(self.env, partner.birthdate_date),
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

    # ------------------------------------------------------------------
    # retention and anonymisation (GDPR art. 5(1)(e))

    @api.model
    def _olopiste_due_for_anonymisation(self):
        """Clients whose every case has ended in projects past retention."""
        today = fields.Date.context_today(self)
        # sudo: retention is decided on every case of the client, also those
        # in projects the current user does not see
        Case = self.env["olopiste.case"].sudo().with_context(active_test=False)
        past = Case.search(
            [
                ("project_id.retention_until", "!=", False),
                ("project_id.retention_until", "<", today),
                ("date_exit", "!=", False),
                ("partner_id.olopiste_anonymised_date", "=", False),
            ]
        )
        candidates = past.partner_id
        keep = Case.search(
            [
                ("partner_id", "in", candidates.ids),
                "|",
                "|",
                ("date_exit", "=", False),
                ("project_id.retention_until", "=", False),
                ("project_id.retention_until", ">=", today),
            ]
        ).partner_id
        return (candidates - keep).with_env(self.env)

    def _olopiste_anonymise(self):
        """Remove what identifies these clients; keep what reports count.

        What stays is pseudonymised, not anonymous: the case code remains as
        the key the funder's participant records and payment claims use.
        """
        # sudo: anonymisation must reach every case, message and attachment of
        # the client, whoever can see them; only managers and the cron run it
        # no tracking: a tracked change would copy the old name into a message
        partners = self.sudo().with_context(tracking_disable=True, mail_notrack=True)
        open_cases = partners.olopiste_case_ids.filtered(lambda c: not c.date_exit)
        if open_cases:
            raise UserError(
                self.env._(
                    "%(clients)s still have an open case: record the exit first.",
                    clients=", ".join(open_cases.partner_id.mapped("name")),
                )
            )
        cases = partners.with_context(active_test=False).olopiste_case_ids
        referrals = cases.referral_ids
        assessments = cases.assessment_ids
        today = fields.Date.context_today(self)
        labels = {
            partner: self.env._(
                "Anonymised client %(code)s",
                code=", ".join(partner.olopiste_case_ids.mapped("code"))
                or str(partner.id),
            )
            for partner in partners
        }
        # traces are found while the names and e-mails are still stored
        self._olopiste_remove_traces(
            partners, cases, referrals, assessments, labels=labels
        )
        for partner in partners:
            birthdate = partner.birthdate_date
            partner.write(
                {
                    "name": labels[partner],
                    "olopiste_birth_year": birthdate.year if birthdate else False,
                    "olopiste_anonymised_date": today,
                }
            )
        partners.write(self._olopiste_identifying_values())
        # special categories (art. 9 and 10), the other answers the funder's
        # indicators count and target groups are erased: reports count them
        # only while the client is identified
        cases.write(
            {
                "note": False,
                **dict.fromkeys(SENSITIVE_FIELDS + PERSONAL_ANSWER_FIELDS, False),
                "target_group_ids": [fields.Command.clear()],
            }
        )
        referrals.write(
            {"handover_summary": False, "response_note": False, "state_reason": False}
        )
        assessments.write({"note": False})
        for partner in partners:
            partner.message_post(
                body=self.env._("The client's identifying data were removed.")
            )

    @api.model
    def _olopiste_identifying_values(self):
        return {
            "birthdate_date": False,
            "email": False,
            "phone": False,
            "mobile": False,
            "street": False,
            "street2": False,
            "zip": False,
            "city": False,
            "olopiste_municipality_id": False,
            "comment": False,
            "function": False,
            "website": False,
            "vat": False,
            "ref": False,
            "image_1920": False,
        }

    # kept for the reports, linked only to the pseudonymised contact: the
    # contact, cases, attendance, referrals, assessments, feedback answers
    # (without the person) and the activities the attendance belongs to
    _olopiste_anonymise_kept_models = (
        "res.partner",
        "olopiste.case",
        "olopiste.attendance",
        "olopiste.referral",
        "olopiste.assessment",
        "survey.user_input",
        "calendar.event",
    )

    @api.model
    def _olopiste_or(self, domains):
        """One domain matching any of `domains` (none: matching nothing)."""
        return expression.OR([domain for domain in domains if domain])

    @api.model
    def _olopiste_privacy_references(self, partners):
        """What Odoo's privacy lookup finds about these clients, by model.

        The rules of ``privacy.lookup.wizard._get_query`` applied to all the
        clients at once (one search per model, not one lookup per client):
        the users of the clients, the messages they wrote, and on every
        stored model the records whose e-mail field holds a client's e-mail
        (on those models also the records named as a client), or whose
        many2one to res.partner points to a client. Records that only a
        many2one with ``ondelete="cascade"`` links to a client (attendee
        rows, followers, notifications, bank accounts...) are added too: the
        lookup leaves them out because deleting the contact deletes them,
        but an anonymised contact is kept. Returns {model name: records}.
        """
        # sudo: the lookup must see every record of every model
        env = partners.sudo().with_context(active_test=False).env
        partners = partners.with_env(env)
        emails = [email.strip() for email in partners.mapped("email") if email]
        normalized = [email for email in partners.mapped("email_normalized") if email]
        names = [name.strip() for name in partners.mapped("name") if name]
        skipped = {"res.partner", "mail.message", "mail.notification"}
        if "privacy.lookup.wizard" in env:
            skipped.update(env["privacy.lookup.wizard"]._get_query_models_blacklist())
        # followers and channel members: cascaded, looked up below all the same
        skipped -= {"mail.followers", "discuss.channel.member"}
        found = {
            "res.users": env["res.users"].search(
                self._olopiste_or(
                    [[("partner_id", "in", partners.ids)]]
                    + [[("login", "ilike", email)] for email in emails]
                )
            ),
            "mail.message": env["mail.message"].search(
                [("author_id", "in", partners.ids)]
            ),
        }
        for model_name in env.registry:
            Model = env[model_name]
            if (
                model_name in skipped
                or Model._transient
                or Model._abstract
                or not Model._auto
            ):
                continue
            domains = []
            for field_name in (
                "email_normalized",
                "email",
                "email_from",
                "company_email",
            ):
                field = Model._fields.get(field_name)
                if not (field and field.store):
                    continue
                is_normalized = field_name == "email_normalized" or (
                    model_name == "mailing.trace" and field_name == "email"
                )
                if is_normalized:
                    domains.append(normalized and [(field_name, "in", normalized)])
                else:
                    domains += [[(field_name, "ilike", email)] for email in emails]
                rec_name = Model._fields.get(Model._rec_name or "name")
                if (
                    rec_name
                    and rec_name.store
                    and rec_name.type == "char"
                    and not rec_name.translate
                ):
                    domains += [[(rec_name.name, "=ilike", name)] for name in names]
                if is_normalized:
                    break
            domains += [
                [(field.name, "in", partners.ids)]
                for field in Model._fields.values()
                if field.type == "many2one"
                and field.comodel_name == "res.partner"
                and field.store
            ]
            records = Model.search(self._olopiste_or(domains)) if domains else Model
            if records:
                found[model_name] = found.get(model_name, Model) | records
        return {model: records for model, records in found.items() if records}

    @api.model
    def _olopiste_replace_name(self, text, name, label):
        """`text` with every occurrence of `name` (also HTML-escaped, in any
        case and spacing) replaced by `label`."""
        if not (text and name):
            return text
        for form in {name, str(escape(name))}:
            pattern = r"\s+".join(re.escape(part) for part in form.split())
            text = re.sub(pattern, str(escape(label)), text, flags=re.IGNORECASE)
        return text

    @api.model
    def _olopiste_remove_traces(
        self, partners, cases, referrals, assessments, labels=None
    ):
        """Delete or rename everything else that identifies the clients.

        Called before the contacts are renamed: the clients' names and
        e-mails are looked for where they were copied. `labels` maps each
        client to the name it is given ("Anonymised client C00012").
        """
        # sudo: traces are on records of every model and every user (events,
        # messages, followers, mails, External IDs); managers and the cron run it
        env = (
            partners.sudo()
            .with_context(
                active_test=False,
                tracking_disable=True,
                mail_notrack=True,
                dont_notify=True,
                no_mail_to_attendees=True,
            )
            .env
        )
        partners = partners.with_env(env)
        labels = labels or {partner: partner.name for partner in partners}
        references = self._olopiste_privacy_references(partners)
        emails = [email.strip() for email in partners.mapped("email") if email]
        names = [" ".join(name.split()) for name in partners.mapped("name") if name]
        targets = [
            ("res.partner", partners.ids),
            ("olopiste.case", cases.ids),
            ("olopiste.referral", referrals.ids),
            ("olopiste.assessment", assessments.ids),
        ]
        on_records = [
            [("model", "=", model), ("res_id", "in", ids)] for model, ids in targets
        ]
        on_res_records = [
            [("res_model", "=", model), ("res_id", "in", ids)] for model, ids in targets
        ]

        # calendar events: the client leaves the attendees, and the name in the
        # title and description becomes the anonymised label
        Event = env["calendar.event"]
        events = (
            cases.event_ids
            | cases.attendance_ids.event_id
            | Event.search([("partner_ids", "in", partners.ids)])
            | env["calendar.attendee"]
            .search([("partner_id", "in", partners.ids)])
            .event_id
        ).with_env(env)
        events.write({"partner_ids": [fields.Command.unlink(p) for p in partners.ids]})
        for event in events:
            values = {"name": event.name, "description": event.description}
            for partner in partners:
                for field_name, text in values.items():
                    values[field_name] = self._olopiste_replace_name(
                        text, partner.name, labels[partner]
                    )
            changed = {k: v for k, v in values.items() if v != event[k]}
            if changed:
                event.write(changed)

        # messages and mails on every model: those the client wrote, received
        # or was notified of, those from the client's e-mail address, those on
        # the client's records, and those that name the client in full
        named = [name for name in names if len(name.split()) > 1]
        message_domains = [
            [("author_id", "in", partners.ids)],
            [("partner_ids", "in", partners.ids)],
            [("notification_ids.res_partner_id", "in", partners.ids)],
            *on_records,
            *([("email_from", "ilike", email)] for email in emails),
            *([(f, "ilike", n)] for n in named for f in ("record_name", "subject")),
            *([("body", "ilike", n)] for n in named),
        ]
        mails = env["mail.mail"].search(
            self._olopiste_or(
                [
                    [("recipient_ids", "in", partners.ids)],
                    *(
                        [(f, "ilike", e)]
                        for e in emails
                        for f in ("email_to", "email_cc")
                    ),
                    *([("body_html", "ilike", n)] for n in named),
                ]
            )
        )
        mails.unlink()
        env["mail.message"].search(self._olopiste_or(message_domains)).unlink()
        # a tracked many2one keeps the display name of the client
        env["mail.tracking.value"].search(
            self._olopiste_or(
                [
                    [(f, "=ilike", n)]
                    for n in names
                    for f in ("old_value_char", "new_value_char")
                ]
            )
        ).unlink()
        env["mail.activity"].search(self._olopiste_or(on_res_records)).unlink()
        env["ir.attachment"].search(self._olopiste_or(on_res_records)).unlink()
        # followers of the client's records, and the client following any record
        env["mail.followers"].search(
            self._olopiste_or([[("partner_id", "in", partners.ids)], *on_res_records])
        ).unlink()

        # External IDs of imports: a hash of the name and birthdate (or the
        # name itself) that could be brute-forced back to the person
        prefixes = {
            getattr(env[model], "_olopiste_import_prefix", "") for model in env.registry
        } - {""}
        records = [
            ("res.partner", partners.ids),
            ("olopiste.case", cases.ids),
            ("olopiste.attendance", cases.attendance_ids.ids),
            ("olopiste.referral", referrals.ids),
            ("olopiste.assessment", assessments.ids),
        ]
        imported = [("module", "=", "__import__")]
        if prefixes:
            imported = self._olopiste_or(
                [imported, *([("name", "=like", f"{p}\\_%")] for p in sorted(prefixes))]
            )
        env["ir.model.data"].search(
            self._olopiste_or(
                [
                    [("model", "=", model), ("res_id", "in", ids), *imported]
                    for model, ids in records
                    if ids
                ]
            )
        ).unlink()

        # feedback answers stay for the figures, without the link to the
        # person; only choice answers stay, free texts can identify
        answers = env["survey.user_input"].search(
            self._olopiste_or(
                [
                    [("partner_id", "in", partners.ids)],
                    [("olopiste_case_id", "in", cases.ids)],
                ]
            )
        )
        answers.write({"partner_id": False, "email": False, "nickname": False})
        answers.user_input_line_ids.filtered(
            lambda line: line.answer_type not in (False, "suggestion")
        ).unlink()

        # what else Odoo's privacy lookup finds (users, channel memberships,
        # bank accounts, any record with the client's e-mail...) is deleted
        kept = self._olopiste_anonymise_kept_models
        for model, found in references.items():
            if model not in kept:
                found.exists().unlink()

    @api.model
    def _cron_olopiste_anonymise(self):
        due = self._olopiste_due_for_anonymisation()
        due._olopiste_anonymise()
        return len(due)

    def action_olopiste_anonymise(self):
        """Manager's button: anonymise this client now, if retention has passed."""
        if not self.env.user.has_group(GROUP_MANAGER):
            raise AccessError(
                self.env._("Only project managers can anonymise clients.")
            )
        due = self._olopiste_due_for_anonymisation()
        not_due = self - due
        if not_due.olopiste_case_ids.filtered(lambda c: not c.date_exit):
            self._olopiste_anonymise()  # raises the open-case error
        if not_due:
            raise UserError(
                self.env._(
                    "%(clients)s: the retention period of their projects has not passed.",
                    clients=", ".join(not_due.mapped("name")),
                )
            )
        due._olopiste_anonymise()

    def action_olopiste_access_request(self):
        """Everything held about the client, as one document (GDPR art. 15);
        printing it is logged on the client by the report itself."""
        self.env[
            "report.olopiste_case.report_access_request_document"
        ]._check_access_request(self)
        return self.env.ref("olopiste_case.report_access_request").report_action(self)

    def action_open_olopiste_client(self):
        """The client's file: the form made for a person (cases, hours and the
        privacy actions), also when the client was found among contacts."""
        self.ensure_one()
        return {
            "type": "ir.actions.act_window",
            "res_model": "res.partner",
            "res_id": self.id,
            "views": [
                (
                    self.env.ref(
                        "olopiste_case.res_partner_view_form_olopiste_client"
                    ).id,
                    "form",
                )
            ],
            "target": "current",
        }

    def action_open_olopiste_duplicate(self):
        """Open the existing contact instead of creating a twin."""
        self.ensure_one()
        return self.olopiste_duplicate_ids[:1].action_open_olopiste_client()
