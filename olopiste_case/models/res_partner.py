# Copyright 2026 Olopiste contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import api, fields, models
from odoo.exceptions import AccessError, UserError, ValidationError


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
        """Remove what identifies these clients; keep what reports count."""
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
        for partner in partners:
            code = ", ".join(partner.olopiste_case_ids.mapped("code")) or str(
                partner.id
            )
            birthdate = partner.birthdate_date
            partner.write(
                {
                    "name": self.env._("Anonymised client %(code)s", code=code),
                    "olopiste_birth_year": birthdate.year if birthdate else False,
                    "olopiste_anonymised_date": today,
                }
            )
        partners.write(self._olopiste_identifying_values())
        cases.write({"note": False})
        referrals.write(
            {"handover_summary": False, "response_note": False, "state_reason": False}
        )
        assessments.write({"note": False})
        self._olopiste_remove_traces(partners, cases, referrals, assessments)
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
            "comment": False,
            "function": False,
            "website": False,
            "vat": False,
            "ref": False,
            "image_1920": False,
        }

    @api.model
    def _olopiste_remove_traces(self, partners, cases, referrals, assessments):
        """Delete messages, tracking values, activities and attachments."""
        targets = [
            ("res.partner", partners.ids),
            ("olopiste.case", cases.ids),
            ("olopiste.referral", referrals.ids),
            ("olopiste.assessment", assessments.ids),
        ]
        Message = self.env["mail.message"].sudo()
        Attachment = self.env["ir.attachment"].sudo()
        Activity = self.env["mail.activity"].sudo()
        for model, ids in targets:
            if not ids:
                continue
            domain = [("model", "=", model), ("res_id", "in", ids)]
            Message.search(domain).unlink()
            Activity.search([("res_model", "=", model), ("res_id", "in", ids)]).unlink()
            Attachment.search(
                [("res_model", "=", model), ("res_id", "in", ids)]
            ).unlink()
        # survey answers stay for the figures, without the link to the person
        self.env["survey.user_input"].sudo().search(
            [("partner_id", "in", partners.ids)]
        ).write({"partner_id": False, "email": False, "nickname": False})

    @api.model
    def _cron_olopiste_anonymise(self):
        due = self._olopiste_due_for_anonymisation()
        due._olopiste_anonymise()
        return len(due)

    def action_olopiste_anonymise(self):
        """Manager's button: anonymise this client now, if retention has passed."""
        if not self.env.user.has_group("olopiste_case.group_olopiste_manager"):
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
        """Everything held about the client, as one document (GDPR art. 15)."""
        if not self.env.user.has_group("olopiste_case.group_olopiste_manager"):
            raise AccessError(
                self.env._(
                    "Only project managers can answer a client's access request."
                )
            )
        for partner in self:
            partner.message_post(
                body=self.env._(
                    "Access request answered by %(user)s: all data held about the client "
                    "were printed.",
                    user=self.env.user.name,
                )
            )
        return self.env.ref("olopiste_case.report_access_request").report_action(self)

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
