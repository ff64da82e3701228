# Copyright 2026 Olopiste contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
import uuid
from datetime import timedelta

from odoo import api, fields, models
from odoo.exceptions import UserError, ValidationError
from odoo.tools import consteq, html2plaintext

from ..const import GROUP_WORKER

REFERRAL_STATES = [
    ("planned", "Planned"),
    ("referred", "Referred"),
    ("started", "Started"),
    ("completed", "Completed"),
    ("interrupted", "Interrupted"),
    ("declined", "Declined"),
]
STATE_RANK = {
    "planned": 0,
    "referred": 1,
    "started": 2,
    "completed": 3,
    "interrupted": 3,
    "declined": 3,
}
STATE_DATE_FIELD = {
    "referred": "date_referred",
    "started": "date_started",
    "completed": "date_end",
    "interrupted": "date_end",
    "declined": "date_end",
}
HANDOVER_LINK_DAYS = 30
# the states in which a path has ended: its handover link stops working
ENDED_STATES = ("completed", "interrupted", "declined")


class OlopisteReferral(models.Model):
    """A follow-on path to a partner organisation, or a referral to us.

    An outgoing referral can carry a handover summary for the receiving
    organisation (a warm handover), shared only while the client's handover
    consent is in force, through a PDF by e-mail and an expiring portal link.
    """

    _name = "olopiste.referral"
    _description = "Referral"
    _inherit = [
        "portal.mixin",
        "olopiste.confidential.thread",
        "mail.activity.mixin",
        "olopiste.audit.mixin",
        "olopiste.rule.mixin",
    ]
    _olopiste_audited_fields = ("handover_summary", "state_reason", "response_note")
    _order = "date_planned desc, id desc"

    case_id = fields.Many2one(
        comodel_name="olopiste.case",
        required=True,
        index=True,
        ondelete="cascade",
        tracking=True,
    )
    partner_id = fields.Many2one(
        related="case_id.partner_id", string="Client", store=True, index=True
    )
    project_id = fields.Many2one(related="case_id.project_id", store=True, index=True)
    area_id = fields.Many2one(related="case_id.area_id", store=True, index=True)
    company_id = fields.Many2one(related="case_id.company_id", store=True, index=True)
    user_id = fields.Many2one(
        comodel_name="res.users",
        string="Case Worker",
        default=lambda self: self.env.user,
        tracking=True,
        domain="[('share', '=', False)]",
    )
    direction = fields.Selection(
        selection=[
            ("out", "Follow-on path (outgoing)"),
            ("in", "Referred to us (incoming)"),
        ],
        required=True,
        default="out",
        tracking=True,
    )
    source = fields.Selection(
        selection=[
            ("employment_services", "Employment services"),
            ("social_services", "Social services"),
            ("youth_services", "Youth services"),
            ("health_services", "Health services"),
            ("other", "Other"),
        ],
        help="For an incoming referral: the service that sent the client.",
    )
    service_id = fields.Many2one(
        comodel_name="olopiste.partner.service",
        string="Partner Service",
        help="The partner's service the client is referred to, if it is listed.",
    )
    organisation_id = fields.Many2one(
        comodel_name="res.partner",
        string="Partner Organisation",
        index=True,
        tracking=True,
        domain="[('is_company', '=', True)]",
    )
    contact_id = fields.Many2one(
        comodel_name="res.partner",
        string="Contact Person",
        tracking=True,
        domain="[('parent_id', '=', organisation_id)]",
        help="The person at the partner organisation who receives the client.",
    )
    followon_type_id = fields.Many2one(
        comodel_name="olopiste.followon.type",
        string="Path Type",
        index=True,
        tracking=True,
    )
    counts_as_followon = fields.Boolean(related="followon_type_id.counts_as_followon")
    state = fields.Selection(
        selection=REFERRAL_STATES,
        required=True,
        default="planned",
        tracking=True,
        index=True,
        copy=False,
    )
    state_reason = fields.Char(
        string="Reason",
        tracking=True,
        copy=False,
        groups=GROUP_WORKER,
        help="Why the referral went back to an earlier state, or was interrupted.",
    )
    date_planned = fields.Date(
        string="Planned On",
        required=True,
        default=fields.Date.context_today,
        tracking=True,
    )
    date_referred = fields.Date(string="Referred On", tracking=True, copy=False)
    date_started = fields.Date(string="Started On", tracking=True, copy=False)
    date_end = fields.Date(
        string="Ended On",
        tracking=True,
        copy=False,
        help="Date the path was completed, interrupted or declined.",
    )

    # warm handover
    handover_summary = fields.Html(
        groups=GROUP_WORKER,
        copy=False,
        help="What the receiving organisation needs to know, so that the client "
        "need not tell their story again. Only with the client's handover consent.",
    )
    handover_consent = fields.Boolean(
        string="Handover Consent in Force",
        compute="_compute_handover_consent",
    )
    handover_sent_date = fields.Datetime(
        string="Handover Sent", readonly=True, copy=False, tracking=True
    )
    handover_expiry = fields.Datetime(
        string="Link Valid Until",
        readonly=True,
        copy=False,
        help="The receiving organisation's link to the handover stops working then.",
    )
    accompanied_date = fields.Date(
        string="Accompanied the Client",
        tracking=True,
        copy=False,
        help="Date the worker went with the client to the receiving organisation.",
    )
    response = fields.Selection(
        selection=[("accepted", "Accepted"), ("declined", "Declined")],
        string="Partner's Answer",
        readonly=True,
        copy=False,
        tracking=True,
    )
    response_date = fields.Datetime(string="Answered On", readonly=True, copy=False)
    response_note = fields.Text(
        string="Partner's Note", readonly=True, copy=False, groups=GROUP_WORKER
    )

    # ------------------------------------------------------------------
    # computes

    def _compute_display_name(self):
        for referral in self:
            what = referral.followon_type_id.name or dict(
                self._fields["direction"]._description_selection(self.env)
            ).get(referral.direction)
            where = referral.organisation_id.name
            referral.display_name = " – ".join(filter(None, [what, where]))

    @api.depends(
        "case_id.consent_handover_date", "case_id.consent_handover_withdrawn_date"
    )
    def _compute_handover_consent(self):
        for referral in self:
            referral.handover_consent = referral.case_id._handover_consent_in_force()

    def _compute_access_url(self):
        result = super()._compute_access_url()
        for referral in self:
            referral.access_url = f"/olopiste/handover/{referral.id}"
        return result

    # ------------------------------------------------------------------
    # constraints

    @api.constrains("direction", "organisation_id", "followon_type_id")
    def _check_outgoing_has_destination(self):
        for referral in self:
            if referral.direction == "out" and not (
                referral.organisation_id and referral.followon_type_id
            ):
                raise ValidationError(
                    self.env._(
                        "A follow-on path needs the partner organisation and the path type."
                    )
                )

    @api.constrains(
        "state", "date_planned", "date_referred", "date_started", "date_end"
    )
    def _check_state_dates(self):
        for referral in self:
            if referral.state == "completed" and not referral.date_started:
                raise ValidationError(
                    self.env._(
                        "%(referral)s: a completed path needs the date it started.",
                        referral=referral.display_name,
                    )
                )
            dates = [
                (referral.date_planned, self.env._("planned")),
                (referral.date_referred, self.env._("referred")),
                (referral.date_started, self.env._("started")),
                (referral.date_end, self.env._("ended")),
            ]
            given = [(d, label) for d, label in dates if d]
            for (earlier, earlier_label), (later, later_label) in zip(
                given, given[1:], strict=False
            ):
                if later < earlier:
                    raise ValidationError(
                        self.env._(
                            "%(referral)s: the date %(later_label)s (%(later)s) is before "
                            "the date %(earlier_label)s (%(earlier)s).",
                            referral=referral.display_name,
                            later_label=later_label,
                            later=later,
                            earlier_label=earlier_label,
                            earlier=earlier,
                        )
                    )

    @api.constrains("handover_summary", "case_id")
    def _check_handover_consent(self):
        for referral in self:
            if html2plaintext(referral.handover_summary or "").strip():
                referral._check_handover_shareable(need_summary=False)

    @api.onchange("service_id")
    def _onchange_service_id(self):
        """A listed service says where the client goes and what the path is."""
        service = self.service_id
        if service:
            self.organisation_id = service.organisation_id
            self.contact_id = service.contact_id
            self.followon_type_id = service.followon_type_id or self.followon_type_id

    # ------------------------------------------------------------------
    # CRUD

    def write(self, vals):
        if "state" in vals:
            self._check_state_move(vals["state"], vals.get("state_reason"))
            date_field = STATE_DATE_FIELD.get(vals["state"])
            today = fields.Date.context_today(self)
            for referral in self:
                values = dict(vals)
                if date_field and date_field not in vals and not referral[date_field]:
                    values[date_field] = today
                super(OlopisteReferral, referral).write(values)
            self._on_state_changed()
            return True
        return super().write(vals)

    def _check_state_move(self, new_state, reason):
        for referral in self:
            old = referral.state
            backwards = STATE_RANK[new_state] < STATE_RANK[old] or (
                STATE_RANK[old] == 3 and new_state != old
            )
            if backwards and not (reason or "").strip():
                labels = dict(REFERRAL_STATES)
                raise UserError(
                    self.env._(
                        "%(referral)s: moving back from “%(old)s” to “%(new)s” needs a reason.",
                        referral=referral.display_name,
                        old=labels[old],
                        new=labels[new_state],
                    )
                )

    def _on_state_changed(self):
        """A started outgoing path moves its case to a follow-on stage."""
        started = self.filtered(
            lambda r: r.direction == "out" and r.state in ("started", "completed")
        )
        cases = started.case_id.filtered(
            lambda c: c.stage_kind in ("encounter", "mapping", "engagement")
        )
        stage = self.env["olopiste.stage"].search([("kind", "=", "followon")], limit=1)
        if cases and stage:
            cases.stage_id = stage

    # ------------------------------------------------------------------
    # state actions

    def action_refer(self):
        self.write({"state": "referred"})

    def action_start(self):
        self.write({"state": "started"})

    def action_complete(self):
        self.write({"state": "completed"})

    def action_interrupt(self):
        self.write({"state": "interrupted"})

    def action_decline(self):
        self.write({"state": "declined"})

    def action_move_back(self):
        self.ensure_one()
        return {
            "type": "ir.actions.act_window",
            "name": self.env._("Move Back"),
            "res_model": "olopiste.referral.move.back",
            "view_mode": "form",
            "target": "new",
            "context": {"default_referral_id": self.id},
        }

    # ------------------------------------------------------------------
    # warm handover

    def _check_handover_shareable(self, need_summary=True):
        """Raise unless the handover of every referral may be shared now."""
        for referral in self:
            case = referral.case_id
            if not case._handover_consent_in_force():
                raise UserError(
                    self.env._(
                        "%(client)s has not given consent to share information with a "
                        "receiving organisation, or has withdrawn it: the handover summary "
                        "cannot be written, sent or printed.",
                        client=case.partner_id.name,
                    )
                )
            # sudo: the check only reads whether a summary exists; the text is
            # restricted to case workers
            if (
                need_summary
                and not html2plaintext(referral.sudo().handover_summary or "").strip()
            ):
                raise UserError(
                    self.env._(
                        "Write the handover summary of %(referral)s first.",
                        referral=referral.display_name,
                    )
                )

    def _handover_link_valid(self, access_token):
        """Whether ``access_token`` opens this referral's handover now: the
        token of the last sending, before expiry, with the consent in force
        and the path not ended. The one check of every token route."""
        self.ensure_one()
        return bool(
            access_token
            and self.access_token
            and consteq(self.access_token, access_token)
            and self.handover_expiry
            and self.handover_expiry >= fields.Datetime.now()
            and self.state not in ENDED_STATES
            and self.case_id._handover_consent_in_force()
        )

    @api.model
    def _get_thread_with_access(self, thread_id, mode="read", **kwargs):
        # the portal's mail routes (/mail/chatter_fetch, /mail/message/post,
        # attachments) accept the referral's token: only while its link works
        thread = super()._get_thread_with_access(thread_id, mode, **kwargs)
        token = kwargs.get("token")
        if thread or not token:
            return thread
        referral = self.browse(thread_id).sudo().exists()
        if referral and referral._handover_link_valid(token):
            return referral
        return self.browse()

    def action_send_handover(self):
        """Open the mail composer with the handover PDF for the partner's contact."""
        self.ensure_one()
        self.check_access("write")
        self._check_handover_shareable()
        if not self.contact_id.email:
            raise UserError(
                self.env._(
                    "Give the contact person at %(organisation)s, with an e-mail address, first.",
                    organisation=self.organisation_id.name or "",
                )
            )
        # a new token for every sending: earlier links stop working
        self.write(
            {
                "access_token": str(uuid.uuid4()),
                "handover_expiry": fields.Datetime.now()
                + timedelta(days=HANDOVER_LINK_DAYS),
            }
        )
        template = self.env.ref("olopiste_case.mail_template_handover")
        return {
            "type": "ir.actions.act_window",
            "res_model": "mail.compose.message",
            "view_mode": "form",
            "target": "new",
            "context": {
                "default_model": self._name,
                "default_res_ids": self.ids,
                "default_template_id": template.id,
                "default_composition_mode": "comment",
                "default_email_layout_xmlid": "mail.mail_notification_light",
                "olopiste_mark_handover_sent": True,
                "force_email": True,
            },
        }

    def message_post(self, **kwargs):
        if self.env.context.get("olopiste_mark_handover_sent"):
            self._check_handover_shareable()
            for referral in self:
                values = {"handover_sent_date": fields.Datetime.now()}
                if referral.state == "planned":
                    values["state"] = "referred"
                referral.write(values)
                referral.case_id.message_post(
                    body=self.env._(
                        "Handover summary sent to %(contact)s (%(organisation)s) for %(referral)s.",
                        contact=referral.contact_id.name,
                        organisation=referral.organisation_id.name,
                        referral=referral.display_name,
                    )
                )
        return super().message_post(**kwargs)

    def _revoke_handover_links(self):
        """Make every link sent so far stop working."""
        for referral in self:
            referral.write(
                {"access_token": str(uuid.uuid4()), "handover_expiry": False}
            )

    def _portal_answer(self, answer, note=None):
        """The receiving organisation's answer from the handover page."""
        self.ensure_one()
        if self.response or answer not in ("accepted", "declined"):
            return False
        self.write(
            {
                "response": answer,
                "response_date": fields.Datetime.now(),
                "response_note": note or False,
            }
        )
        if answer == "accepted" and self.state in ("planned", "referred"):
            self.action_start()
        elif answer == "declined" and self.state in ("planned", "referred"):
            self.action_decline()
        author = self.contact_id or self.organisation_id
        message = (
            self.env._("%(partner)s accepted the handover.", partner=author.name)
            if answer == "accepted"
            else self.env._("%(partner)s declined the handover.", partner=author.name)
        )
        self.message_post(body=message, author_id=author.id)
        self.case_id.message_post(body=message, author_id=author.id)
        return True
