# Copyright 2026 Olopiste contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from collections import defaultdict
from datetime import date

from dateutil.relativedelta import relativedelta

from odoo import api, fields, models
from odoo.exceptions import UserError, ValidationError
from odoo.tools.misc import format_date

from ..const import FOLLOWUP_MONTHS, GROUP_WORKER, SCORE_TOLERANCE

# special categories of personal data (GDPR art. 9 and art. 10): recorded
# only with the client's consent, never read by trainees or finance
SENSITIVE_FIELDS = (
    "disability",
    "minority",
    "criminal_background",
)
# ordinary personal data the funder's indicators count
PERSONAL_ANSWER_FIELDS = ("nationality", "foreign_background", "homelessness")
ANSWERS = [
    ("yes", "Yes"),
    ("no", "No"),
    ("declined", "Does not want to answer"),
]
NATIONALITIES = [
    ("eu", "EU citizen (incl. Finnish)"),
    ("third_country", "Third-country national"),
    ("stateless", "Stateless"),
]
LABOUR_STATUSES = [
    ("unemployed", "Unemployed"),
    ("long_term_unemployed", "Long-term unemployed"),
    ("inactive", "Inactive"),
    ("employed", "Employed, incl. self-employed"),
]
FOLLOWUP_SITUATIONS = [
    ("employed", "In work, incl. self-employed"),
    ("improved", "Improved labour-market situation"),
    ("education", "In education or training"),
    ("job_seeking", "Job-seeking"),
    ("other_service", "In another service"),
    ("inactive", "Inactive"),
    ("unknown", "Not reached"),
]
CAPACITY_CHANGES = [
    ("improved", "Improved"),
    ("unchanged", "Unchanged"),
    ("worse", "Worse"),
]
EXIT_SITUATIONS = [
    ("employed", "In work, incl. self-employed"),
    ("education", "In education or training"),
    ("job_seeking", "Job-seeking"),
    ("other_service", "In another service"),
    ("inactive", "Inactive"),
    ("other", "Other"),
    ("unknown", "Not known"),
]


def consent_in_force(given, withdrawn):
    """A consent given on `given` holds unless withdrawn on or after that day."""
    return bool(given and (not withdrawn or withdrawn < given))


# each consent's date and the date of its withdrawal: a withdrawal empties the
# consent date; a consent recorded on or after the withdrawal (also the same
# day) ends the withdrawal; the chatter keeps both
CONSENT_WITHDRAWALS = {
    "consent_handover_date": "consent_handover_withdrawn_date",
    "consent_sensitive_date": "consent_sensitive_withdrawn_date",
}


class OlopisteCase(models.Model):
    """One client's period in one project (Finnish: *asiakkuus*)."""

    _name = "olopiste.case"
    _description = "Client Case"
    _inherit = [
        "olopiste.confidential.thread",
        "mail.activity.mixin",
        "mail.tracking.duration.mixin",
        "olopiste.audit.mixin",
        "olopiste.import.mixin",
        "olopiste.rule.mixin",
    ]
    _order = "priority desc, date_entry desc, id desc"
    _track_duration_field = "stage_id"
    _rec_names_search = ["partner_id", "code"]
    _olopiste_audited_fields = (*SENSITIVE_FIELDS, "note")

    code = fields.Char(
        readonly=True,
        copy=False,
        index=True,
        default="/",
        help="Case number. Reports that leave the organisation identify the "
        "participant by it, never by name.",
    )
    active = fields.Boolean(default=True)
    partner_id = fields.Many2one(
        comodel_name="res.partner",
        string="Client",
        required=True,
        index=True,
        ondelete="restrict",
        tracking=True,
        # clients, not Odoo's business contacts; a new name creates a client
        domain="[('is_olopiste_client', '=', True)]",
    )
    project_id = fields.Many2one(
        comodel_name="olopiste.project",
        required=True,
        index=True,
        ondelete="restrict",
        tracking=True,
        default=lambda self: self._default_project(),
    )
    company_id = fields.Many2one(
        related="project_id.company_id", store=True, index=True
    )
    area_id = fields.Many2one(
        comodel_name="olopiste.area",
        index=True,
        tracking=True,
        domain="[('project_id', '=', project_id)]",
        default=lambda self: self._default_area(),
    )
    user_id = fields.Many2one(
        comodel_name="res.users",
        string="Case Worker",
        default=lambda self: self.env.user,
        index=True,
        tracking=True,
        domain="[('share', '=', False)]",
    )
    stage_id = fields.Many2one(
        comodel_name="olopiste.stage",
        ondelete="restrict",
        tracking=True,
        index=True,
        copy=False,
        group_expand="_read_group_stage_ids",
        default=lambda self: self._default_stage(),
    )
    stage_kind = fields.Selection(related="stage_id.kind", store=True, index=True)
    date_last_stage_update = fields.Datetime(
        string="Last Stage Update",
        default=fields.Datetime.now,
        copy=False,
        readonly=True,
    )
    days_in_stage = fields.Integer(compute="_compute_days_in_stage")
    priority = fields.Selection(
        selection=[("0", "Normal"), ("1", "Important"), ("2", "Urgent")],
        default="0",
        index=True,
    )
    color = fields.Integer()
    target_group_ids = fields.Many2many(
        comodel_name="olopiste.target.group",
        relation="olopiste_case_target_group_rel",
        column1="case_id",
        column2="target_group_id",
        string="Target Groups",
        groups=GROUP_WORKER,
    )

    # entry
    date_entry = fields.Date(
        string="Entry Date",
        required=True,
        default=fields.Date.context_today,
        tracking=True,
    )
    referral_source = fields.Selection(
        selection=[
            ("outreach", "Outreach"),
            ("employment_services", "Employment services"),
            ("social_services", "Social services"),
            ("youth_services", "Youth services"),
            ("health_services", "Health services"),
            ("organisation", "Other organisation"),
            ("friend", "Friend or relative"),
            ("self", "Came by themselves"),
            ("other", "Other"),
        ],
        string="Came Through",
    )
    labour_status = fields.Selection(
        selection=LABOUR_STATUSES,
        string="Labour-Market Status at Entry",
        help="Exactly one status per participant, as the funder's indicators count "
        "them. Whether an unemployed person counts as long-term unemployed follows "
        "the project's rule and the months below.",
    )
    unemployment_months = fields.Integer(
        string="Unemployed for (months)",
        help="Length of the current unemployment at entry, in whole months. The "
        "project's long-term unemployment rule reads it.",
    )
    education_level = fields.Selection(
        selection=[
            ("isced_0_2", "Basic education or less (ISCED 0–2)"),
            ("isced_3_4", "Upper secondary or post-secondary (ISCED 3–4)"),
            ("isced_5_8", "Tertiary (ISCED 5–8)"),
        ],
        help="Highest certified education completed before entry.",
    )

    # ordinary personal data for the funder's indicators (EECO13, EECO14, EECO16)
    nationality = fields.Selection(
        NATIONALITIES,
        string="Citizenship",
        help="At entry. A person with several citizenships of which one is of an EU "
        "country is an EU citizen.",
    )
    foreign_background = fields.Selection(
        ANSWERS,
        help="At entry: the person, or both of their parents, born outside Finland, "
        "or a citizen of another country. Ordinary personal data, not a special "
        "category.",
    )
    homelessness = fields.Selection(
        ANSWERS,
        string="Homelessness or Housing Exclusion",
        help="At entry. Ordinary personal data: no consent to sensitive data needed.",
    )

    # special categories of personal data (GDPR art. 9): never for trainees or finance
    disability = fields.Selection(ANSWERS, groups=GROUP_WORKER)
    minority = fields.Selection(
        ANSWERS,
        string="Minority (incl. Roma)",
        groups=GROUP_WORKER,
        help="Belongs to an ethnic or national minority (special category: ethnic "
        "origin). Foreign background is asked separately.",
    )
    criminal_background = fields.Selection(ANSWERS, groups=GROUP_WORKER)
    note = fields.Html(string="Notes", groups=GROUP_WORKER)

    # consents
    consent_processing_date = fields.Date(
        string="Data Processing Consent",
        tracking=True,
        help="Date the client consented to the processing of their data.",
    )
    consent_handover_date = fields.Date(
        string="Handover Consent",
        tracking=True,
        help="Date the client consented to sharing their information with a "
        "receiving organisation in a warm handover.",
    )
    consent_handover_withdrawn_date = fields.Date(
        string="Handover Consent Withdrawn",
        tracking=True,
        copy=False,
        help="Date the client withdrew the handover consent: no more sharing, "
        "and every link sent to a receiving organisation stops working.",
    )
    consent_sensitive_withdrawn_date = fields.Date(
        string="Sensitive Data Consent Withdrawn",
        tracking=True,
        copy=False,
        help="Date the client withdrew the consent to special-category data: the "
        "answers were removed and none can be recorded until consent is given again.",
    )
    consent_sensitive_date = fields.Date(
        string="Sensitive Data Consent",
        tracking=True,
        help="Date the client consented to recording special-category data "
        "(health, ethnic origin, criminal background).",
    )

    # the funder's own participant system
    funder_start_date = fields.Date(
        string="Start Data Filed",
        help="Date the participant's start data were filled in the funder's system.",
    )
    funder_end_date = fields.Date(
        string="End Data Filed",
        help="Date the participant's end data were filled in the funder's system.",
    )
    missing_funder_data = fields.Boolean(
        compute="_compute_missing_funder_data",
        store=True,
        help="Something the funder needs is missing: labour-market status, "
        "education, filed start data, or for an exited case the exit situation "
        "and filed end data.",
    )

    # exit and follow-up
    date_exit = fields.Date(string="Exit Date", tracking=True, copy=False)
    exit_situation = fields.Selection(
        selection=EXIT_SITUATIONS,
        string="Situation on Leaving",
        tracking=True,
        copy=False,
        help="Within four weeks of exit.",
    )
    exit_qualification = fields.Boolean(
        string="Gained a Qualification",
        copy=False,
        help="The participant gained a qualification through the project.",
    )
    followup_date = fields.Date(
        string="Follow-up Recorded On",
        copy=False,
        tracking=True,
    )
    followup_situation = fields.Selection(
        selection=FOLLOWUP_SITUATIONS,
        string="Situation Six Months After",
        copy=False,
        tracking=True,
        help="Improved labour-market situation: the client was employed at entry "
        "and has since moved from precarious to stable work, from under-employment "
        "to full employment, to a higher-skill job, or been promoted. A pay rise "
        "alone does not count.",
    )
    days_in_project = fields.Integer(compute="_compute_days_in_project")

    # participation
    event_ids = fields.Many2many(
        comodel_name="calendar.event",
        relation="olopiste_case_calendar_event_rel",
        column1="case_id",
        column2="event_id",
        string="Sessions",
        copy=False,
    )
    attendance_ids = fields.One2many(
        comodel_name="olopiste.attendance",
        inverse_name="case_id",
    )
    attendance_count = fields.Integer(
        string="Times Attended", compute="_compute_attendance_totals", store=True
    )
    attendance_hours = fields.Float(
        string="Participation Hours",
        compute="_compute_attendance_totals",
        store=True,
        aggregator="sum",
    )
    referral_ids = fields.One2many(
        comodel_name="olopiste.referral",
        inverse_name="case_id",
        string="Referrals",
        groups=GROUP_WORKER,
    )
    on_followon_path = fields.Boolean(
        string="On a Follow-on Path",
        compute="_compute_on_followon_path",
        store=True,
        help="An outgoing referral that counts as a follow-on path has started or "
        "been completed.",
    )
    assessment_ids = fields.One2many(
        comodel_name="olopiste.assessment",
        inverse_name="case_id",
        string="Assessments",
        groups=GROUP_WORKER,
    )
    # derived from the client's own health-related self-assessments
    capacity_change = fields.Selection(
        selection=CAPACITY_CHANGES,
        string="Work Ability Change",
        compute="_compute_capacity_change",
        store=True,
        groups=GROUP_WORKER,
        help="From the first and the last self-assessment: improved or worse when "
        "the total changed by at least the project's threshold.",
    )
    feedback_ids = fields.One2many(
        comodel_name="survey.user_input",
        inverse_name="olopiste_case_id",
        string="Client Feedback",
        groups="survey.group_survey_user",
    )
    feedback_count = fields.Integer(
        string="Feedback Answers",
        compute="_compute_feedback_count",
        help="Completed answers to the project's client feedback survey.",
    )
    last_attendance_date = fields.Date(
        string="Last Attended", compute="_compute_attendance_totals", store=True
    )
    client_age = fields.Integer(related="partner_id.age", string="Age")
    age_at_entry = fields.Integer(
        compute="_compute_age_at_entry",
        store=True,
        help="The client's age on the entry date. Kept when the client is "
        "anonymised, so that reports give the same figures.",
    )
    client_gender = fields.Selection(related="partner_id.gender", string="Gender")
    client_municipality_id = fields.Many2one(
        related="partner_id.olopiste_municipality_id", readonly=False
    )
    # the summary of the next activity is free text about the client (e.g.
    # the follow-up call): read it as the user, within the activities' own
    # access rules (which need the right to change the case), not as superuser
    activity_summary = fields.Char(compute_sudo=False)

    # ------------------------------------------------------------------
    # defaults

    def _default_project(self):
        """The running project the user last opened a case in, or their only
        running project: one client after another lands in the same place."""
        running = self._running_projects()
        last = self._last_created_case(running)
        if last:
            return last.project_id
        return running if len(running) == 1 else False

    def _default_area(self):
        """The area of the user's last new case in the same project: the
        project asked for, else the one _default_project proposes (that of
        the same last case)."""
        project_id = self.env.context.get("default_project_id")
        projects = (
            self.env["olopiste.project"].browse(project_id)
            if project_id
            else self._running_projects()
        )
        return self._last_created_case(projects).area_id

    def _running_projects(self):
        """The user's projects (member or manager) running today."""
        today = fields.Date.context_today(self)
        return (
            self.env["olopiste.project"]
            .search(
                [
                    "|",
                    ("user_ids", "in", self.env.uid),
                    ("manager_id", "=", self.env.uid),
                ]
            )
            .filtered(lambda project: project._covers(today))
        )

    def _last_created_case(self, projects):
        if not projects:
            return self.browse()
        return self.search(
            [("create_uid", "=", self.env.uid), ("project_id", "in", projects.ids)],
            order="create_date desc, id desc",
            limit=1,
        )

    def _default_stage(self):
        return self.env["olopiste.stage"].search([("kind", "=", "encounter")], limit=1)

    @api.model
    def _read_group_stage_ids(self, stages, domain):
        # every stage shows as a column, also when empty
        return stages.search([], order=stages._order)

    # ------------------------------------------------------------------
    # computes

    @api.depends("date_last_stage_update")
    def _compute_days_in_stage(self):
        now = fields.Datetime.now()
        for case in self:
            since = case.date_last_stage_update or now
            case.days_in_stage = (now - since).days

    @api.depends("attendance_ids.state", "attendance_ids.hours", "attendance_ids.date")
    def _compute_attendance_totals(self):
        # the saved cases' attendance in one query (their attendance_ids
        # would be a search, then a read of the rows); a case being edited
        # counts what its form holds
        saved = self.filtered("id")
        rows = defaultdict(list)
        if saved:
            for attendance in self.env["olopiste.attendance"].search_fetch(
                [("case_id", "in", saved.ids)],
                ["case_id", "state", "hours", "date"],
                order="id",  # any order: the model's joins the activities
            ):
                rows[attendance.case_id.id].append(attendance)
        for case in self:
            attended = [
                attendance
                for attendance in (rows[case.id] if case.id else case.attendance_ids)
                if attendance.state == "attended"
            ]
            case.attendance_count = len(attended)
            case.attendance_hours = sum(attendance.hours for attendance in attended)
            case.last_attendance_date = max(
                (attendance.date for attendance in attended if attendance.date),
                default=False,
            )

    @api.depends(
        "referral_ids.state",
        "referral_ids.direction",
        "referral_ids.counts_as_followon",
    )
    def _compute_on_followon_path(self):
        for case in self:
            case.on_followon_path = any(
                r.direction == "out"
                and r.counts_as_followon
                and r.state in ("started", "completed")
                for r in case.referral_ids
            )

    @api.depends(
        "assessment_ids.score_total",
        "assessment_ids.date",
        "project_id.capacity_threshold",
    )
    def _compute_capacity_change(self):
        for case in self:
            # by date, then saved before unsaved ones (the form's new records
            # have ids that cannot be compared), then by id
            assessments = case.assessment_ids.sorted(
                lambda a: (a.date or date.min, not a._origin.id, a._origin.id or 0)
            )
            if len(assessments) < 2:
                case.capacity_change = False
                continue
            change = assessments[-1].score_total - assessments[0].score_total
            threshold = case.project_id.capacity_threshold
            if change >= threshold - SCORE_TOLERANCE:
                case.capacity_change = "improved"
            elif change <= -threshold + SCORE_TOLERANCE:
                case.capacity_change = "worse"
            else:
                case.capacity_change = "unchanged"

    def _compute_feedback_count(self):
        # sudo: workers see whether their client answered, never the answers
        counts = dict(
            self.env["survey.user_input"]
            .sudo()
            ._read_group(
                [("olopiste_case_id", "in", self.ids), ("state", "=", "done")],
                ["olopiste_case_id"],
                ["__count"],
            )
        )
        for case in self:
            case.feedback_count = counts.get(case.sudo(), 0)

    @api.depends("partner_id.birthdate_date", "date_entry")
    def _compute_age_at_entry(self):
        for case in self:
            birthdate = case.partner_id.birthdate_date
            if birthdate and case.date_entry:
                case.age_at_entry = relativedelta(case.date_entry, birthdate).years
            else:
                # an anonymised client has no birthdate any more: keep the age
                case.age_at_entry = case.age_at_entry or 0

    @api.depends("date_entry", "date_exit", "project_id.date_end")
    def _compute_days_in_project(self):
        today = fields.Date.context_today(self)
        for case in self:
            end = case.date_exit or case.project_id._period_end(today)
            case.days_in_project = (
                max((end - case.date_entry).days, 0) if case.date_entry else 0
            )

    @api.depends(
        "labour_status",
        "education_level",
        "funder_start_date",
        "funder_end_date",
        "date_exit",
        "exit_situation",
    )
    def _compute_missing_funder_data(self):
        for case in self:
            missing = not (
                case.labour_status and case.education_level and case.funder_start_date
            )
            if case.date_exit:
                missing = missing or not (case.exit_situation and case.funder_end_date)
            case.missing_funder_data = missing

    def _compute_display_name(self):
        for case in self:
            case.display_name = (
                f"{case.partner_id.name or ''} ({case.project_id.code or case.project_id.name or ''})"
                if case.project_id
                else case.partner_id.name or case.code
            )

    # ------------------------------------------------------------------
    # constraints

    @api.constrains("date_entry", "date_exit")
    def _check_dates(self):
        for case in self:
            if case.date_exit and case.date_entry and case.date_exit < case.date_entry:
                raise ValidationError(
                    self.env._(
                        "%(client)s: the exit date %(exit)s is before the entry date %(entry)s.",
                        client=case.partner_id.name,
                        exit=format_date(self.env, case.date_exit),
                        entry=format_date(self.env, case.date_entry),
                    )
                )

    @api.constrains("date_entry", "project_id")
    def _check_entry_in_project_period(self):
        for case in self:
            project = case.project_id
            if not project._covers(case.date_entry):
                raise ValidationError(
                    self.env._(
                        "%(client)s: the entry date %(entry)s is outside the period of "
                        "the project %(project)s (%(start)s – %(end)s).",
                        client=case.partner_id.name,
                        entry=format_date(self.env, case.date_entry),
                        project=project.display_name,
                        start=format_date(self.env, project.date_start),
                        end=format_date(self.env, project.date_end),
                    )
                )

    @api.constrains("area_id", "project_id")
    def _check_area_in_project(self):
        for case in self:
            if case.area_id and case.area_id.project_id != case.project_id:
                raise ValidationError(
                    self.env._(
                        "%(client)s: the area %(area)s is not an area of the project "
                        "%(project)s.",
                        client=case.partner_id.name,
                        area=case.area_id.name,
                        project=case.project_id.display_name,
                    )
                )

    @api.constrains("followup_situation", "labour_status")
    def _check_improved_situation(self):
        for case in self:
            if (
                case.followup_situation == "improved"
                and case.labour_status != "employed"
            ):
                raise ValidationError(
                    self.env._(
                        "%(case)s: an improved labour-market situation six months "
                        "after is only for clients who were employed at entry; "
                        "choose “In work” if the client has found work.",
                        case=case.display_name,
                    )
                )

    @api.constrains("stage_id", "date_exit", "exit_situation")
    def _check_exit_data_when_closed(self):
        for case in self:
            if case.stage_kind == "closed" and not (
                case.date_exit and case.exit_situation
            ):
                raise ValidationError(
                    self.env._(
                        "%(client)s: record the exit date and the situation on leaving "
                        "before moving the case to “%(stage)s”.",
                        client=case.partner_id.name,
                        stage=case.stage_id.name,
                    )
                )

    @api.constrains("partner_id", "project_id", "date_exit", "active")
    def _check_one_open_case(self):
        open_cases = self.filtered(lambda c: c.active and not c.date_exit)
        if not open_cases:
            return
        # sudo: the twin may be in an area the current user cannot see
        groups = (
            self.sudo()
            .with_context(active_test=True)
            ._read_group(
                [
                    ("partner_id", "in", open_cases.partner_id.ids),
                    ("project_id", "in", open_cases.project_id.ids),
                    ("date_exit", "=", False),
                ],
                ["partner_id", "project_id"],
                ["__count"],
            )
        )
        for partner, project, count in groups:
            if count > 1:
                raise ValidationError(
                    self.env._(
                        "%(client)s already has an open case in %(project)s. Continue "
                        "that case, or record its exit before opening a new one.",
                        client=partner.name,
                        project=project.display_name,
                    )
                )

    @api.constrains(*SENSITIVE_FIELDS, "consent_sensitive_date")
    def _check_sensitive_consent(self):
        for case in self.sudo():
            # sudo: the fields are restricted by groups; this only checks they
            # are empty unless the client consented
            given = [f for f in SENSITIVE_FIELDS if case[f] in ("yes", "no")]
            in_force = consent_in_force(
                case.consent_sensitive_date, case.consent_sensitive_withdrawn_date
            )
            if given and not in_force:
                raise ValidationError(
                    self.env._(
                        "%(client)s: special-category data (%(fields)s) can be recorded "
                        "only with the client's consent to process sensitive data. "
                        "Record the consent date first, or choose “Does not want to answer”.",
                        client=case.partner_id.name,
                        fields=", ".join(
                            case._fields[f].get_description(self.env)["string"]
                            for f in given
                        ),
                    )
                )

    # ------------------------------------------------------------------
    # CRUD

    @api.model_create_multi
    def create(self, vals_list):
        # a spreadsheet's client and area columns (olopiste_case_import.py)
        vals_list = self._olopiste_import_create_values(vals_list)
        sequence = self.env["ir.sequence"]
        for vals in vals_list:
            if vals.get("code", "/") == "/":
                vals["code"] = sequence.next_by_code("olopiste.case") or "/"
        cases = super().create(vals_list)
        # sudo: only the system sets the flag that hides a client from
        # everyone who sees none of their cases
        cases.partner_id.filtered(lambda p: not p.is_olopiste_client).sudo().write(
            {"is_olopiste_client": True}
        )
        cases.filtered("date_exit")._schedule_followup()
        return cases

    def write(self, vals):
        # a spreadsheet's client and area columns (olopiste_case_import.py)
        vals = self._olopiste_import_write_values(vals)
        if "stage_id" in vals:
            vals.setdefault("date_last_stage_update", fields.Datetime.now())
        renewed = {
            withdrawn: vals[given]
            for given, withdrawn in CONSENT_WITHDRAWALS.items()
            if vals.get(given) and withdrawn not in vals
        }
        if renewed and len(self) > 1:
            for case in self:
                case.write(vals)
            return True
        for withdrawn, given in renewed.items():
            if self[withdrawn] and self[withdrawn] <= fields.Date.to_date(given):
                vals = dict(vals, **{withdrawn: False})
        exiting = (
            self.filtered(lambda c: not c.date_exit)
            if vals.get("date_exit")
            else self.browse()
        )
        result = super().write(vals)
        exiting._schedule_followup()
        return result

    def _handover_consent_in_force(self):
        self.ensure_one()
        return consent_in_force(
            self.consent_handover_date, self.consent_handover_withdrawn_date
        )

    def action_withdraw_handover_consent(self):
        """Record the withdrawal: stop sharing and revoke every open link."""
        self.check_access("write")
        today = fields.Date.context_today(self)
        for case in self:
            case.write(
                {
                    "consent_handover_withdrawn_date": today,
                    "consent_handover_date": False,
                }
            )
            links = case.referral_ids.filtered("handover_expiry")
            links._revoke_handover_links()
            case.message_post(
                body=self.env._(
                    "The client withdrew the handover consent on %(date)s; %(count)s "
                    "handover link(s) were revoked.",
                    date=format_date(self.env, today),
                    count=len(links),
                )
            )

    def action_withdraw_sensitive_consent(self):
        """Stop processing special-category data: remove the answers, log it."""
        self.check_access("write")
        today = fields.Date.context_today(self)
        for case in self:
            case.write(
                {
                    "consent_sensitive_withdrawn_date": today,
                    "consent_sensitive_date": False,
                    **dict.fromkeys(SENSITIVE_FIELDS, False),
                }
            )
            case.message_post(
                body=self.env._(
                    "The client withdrew the consent to special-category data on "
                    "%(date)s; the answers were removed.",
                    date=format_date(self.env, today),
                )
            )

    def action_new_referral(self):
        self.ensure_one()
        return {
            "type": "ir.actions.act_window",
            "name": self.env._("Plan a Follow-on Path"),
            "res_model": "olopiste.referral",
            "view_mode": "form",
            "target": "current",
            "context": {"default_case_id": self.id, "default_direction": "out"},
        }

    def action_view_assessment_graph(self):
        self.ensure_one()
        action = self.env["ir.actions.act_window"]._for_xml_id(
            "olopiste_case.olopiste_assessment_line_action"
        )
        action["domain"] = [("case_id", "=", self.id)]
        return action

    def action_fill_feedback(self):
        """Start the project's feedback survey for this client, to fill now."""
        self.ensure_one()
        self.check_access("write")
        survey = self.project_id.survey_id
        if not survey:
            raise UserError(
                self.env._(
                    "Choose the client feedback survey of %(project)s first.",
                    project=self.project_id.display_name,
                )
            )
        # sudo: case workers start the survey for their client without being
        # survey officers; the answers stay with the survey
        answer = survey.sudo()._create_answer(
            partner=self.partner_id, check_attempts=False, olopiste_case_id=self.id
        )
        return {
            "type": "ir.actions.act_url",
            "url": answer.get_start_url(),
            "target": "new",
        }

    def action_view_attendance(self):
        self.ensure_one()
        action = self.env["ir.actions.act_window"]._for_xml_id(
            "olopiste_case.olopiste_attendance_action"
        )
        action["domain"] = [("case_id", "=", self.id)]
        action["context"] = {"search_default_group_kind": 0}
        return action

    # ------------------------------------------------------------------
    # business

    def _schedule_followup(self):
        """Plan the six-month follow-up call for cases that just exited."""
        activity_type = self.env.ref(
            "olopiste_case.mail_activity_type_followup", raise_if_not_found=False
        )
        if not activity_type:
            return
        for case in self:
            case.activity_schedule(
                activity_type_id=activity_type.id,
                date_deadline=case.date_exit + relativedelta(months=FOLLOWUP_MONTHS),
                user_id=(case.user_id or self.env.user).id,
                summary=self.env._("Six-month follow-up"),
                note=self.env._(
                    "Ask the client about their situation six months after leaving "
                    "and record it on the case."
                ),
            )
