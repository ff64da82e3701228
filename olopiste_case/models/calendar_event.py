# Copyright 2026 Olopiste contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import api, fields, models
from odoo.exceptions import AccessError, ValidationError
from odoo.tools import SQL
from odoo.tools.misc import format_date

from ..const import GROUP_STUDENT, GROUP_WORKER, GROUPS_ALL

# what a trainee who helps in an activity may change on it (through the
# attendance screen): the head-count and the walk-ins they invite
HELPER_FIELDS = frozenset({"olopiste_headcount", "olopiste_case_ids"})
ACTIVITY_KINDS = [
    ("individual", "Individual guidance"),
    ("group", "Group guidance"),
    ("theme_group", "Theme group"),
    ("nonstop", "Open NonStop session"),
    ("workplace_visit", "Workplace visit"),
    ("excursion", "Excursion"),
    ("course", "Course or training"),
    ("outreach", "Outreach or info event"),
    ("multiprofessional", "Multi-professional meeting"),
]


class CalendarEvent(models.Model):
    """An Olopiste activity is a calendar event with a kind, a project and cases."""

    _inherit = "calendar.event"

    olopiste_kind = fields.Selection(
        selection=ACTIVITY_KINDS,
        string="Activity Kind",
        index=True,
        groups=GROUPS_ALL,  # finance counts hours by kind
    )
    olopiste_project_id = fields.Many2one(
        comodel_name="olopiste.project",
        index=True,
        ondelete="restrict",
        groups=GROUPS_ALL,  # finance counts hours by kind
    )
    olopiste_area_id = fields.Many2one(
        comodel_name="olopiste.area",
        domain="[('project_id', '=', olopiste_project_id)]",
        groups=GROUPS_ALL,  # finance counts hours by kind
    )
    olopiste_case_ids = fields.Many2many(
        comodel_name="olopiste.case",
        relation="olopiste_case_calendar_event_rel",
        column1="event_id",
        column2="case_id",
        string="Invited Cases",
        domain="[('project_id', '=', olopiste_project_id), ('date_exit', '=', False)]",
        groups=GROUP_STUDENT,  # who takes part: not for finance
    )
    olopiste_user_ids = fields.Many2many(
        comodel_name="res.users",
        relation="olopiste_event_res_users_rel",
        column1="event_id",
        column2="user_id",
        string="Workers and Helpers",
        help="Case workers and trainees who run or help in the activity. Trainees "
        "record attendance for the activities they help in.",
        domain="[('share', '=', False)]",
        groups=GROUPS_ALL,  # finance counts hours by kind
    )
    olopiste_headcount = fields.Integer(
        string="Anonymous Participants",
        help="People who took part without registering, e.g. in an open NonStop "
        "session. Counted beside the named attendees as 'took part', never as clients.",
        groups=GROUPS_ALL,  # finance counts hours by kind
    )
    olopiste_attendance_ids = fields.One2many(
        comodel_name="olopiste.attendance",
        inverse_name="event_id",
        string="Attendance",
        groups=GROUP_STUDENT,  # who takes part: not for finance
    )
    olopiste_attended_count = fields.Integer(
        string="Attended",
        compute="_compute_olopiste_attendance",
        groups=GROUP_STUDENT,  # who takes part: not for finance
    )
    olopiste_hours_total = fields.Float(
        string="Participation Hours",
        compute="_compute_olopiste_attendance",
        groups=GROUPS_ALL,  # finance counts hours by kind
    )

    @api.depends("olopiste_attendance_ids.state", "olopiste_attendance_ids.hours")
    def _compute_olopiste_attendance(self):
        for event in self:
            attended = event.olopiste_attendance_ids.filtered(
                lambda a: a.state == "attended"
            )
            event.olopiste_attended_count = len(attended)
            event.olopiste_hours_total = sum(attended.mapped("hours"))

    # ------------------------------------------------------------------
    # who may change an activity (any employee may change a plain event)

    @api.model_create_multi
    def create(self, vals_list):
        for vals in vals_list:
            self.browse()._olopiste_check_change(vals)
        return super().create(vals_list)

    def write(self, vals):
        self._olopiste_check_change(vals)
        return super().write(vals)

    def unlink(self):
        # deleting an activity deletes its attendance
        self._olopiste_check_change({})
        return super().unlink()

    def _olopiste_check_change(self, vals):
        """Refuse a change of an Olopiste activity by anyone but the workers of
        its project and its manager (trainees who help in it: the head-count
        and walk-ins), and the invitation of a case the user cannot see: being
        invited to an activity opens a case to those who run it."""
        if self.env.su:
            return
        # sudo: the check reads the activity's project and people, whatever
        # the field groups of the current user
        events = self.sudo()
        projects = events.olopiste_project_id | events.olopiste_project_id.browse(
            vals.get("olopiste_project_id") or []
        )
        touched = {name for name in vals if name.startswith("olopiste_")}
        if not projects and not touched:
            return
        user = self.env.user

        def helps():
            return bool(self) and (
                set(vals) <= HELPER_FIELDS
                and all(user in event.olopiste_user_ids for event in events)
            )

        is_worker = user.has_group(GROUP_WORKER)
        for project in projects:
            runs_it = is_worker and project._olopiste_is_member(user)
            if not (runs_it or helps()):
                raise AccessError(
                    self.env._(
                        "Only the case workers and the manager of %(project)s can "
                        "change its activities.",
                        project=project.display_name,
                    )
                )
        if "olopiste_case_ids" in vals or "olopiste_user_ids" in vals:
            invited = events.olopiste_case_ids | self._olopiste_linked_cases(
                vals.get("olopiste_case_ids")
            )
            # the user may open to others only the cases they see themselves
            invited.with_env(self.env).check_access("read")

    def _olopiste_touch(self, vals):
        """Record that the current user changed these activities now, without
        Odoo's calendar work on a change, after the checks of a change of
        `vals`: the attendance screen's save changes the activity's row even
        when the activity itself stays the same, so that a save waiting for
        the same row fails to serialize and is run again (see
        `olopiste.attendance.entry._lock_session`)."""
        if not self:
            return
        self._olopiste_check_change(vals)
        self.check_access("write")
        # as Odoo's calendar checks a write: another organiser's private event
        self.filtered(
            lambda event: event.user_id and event.user_id != self.env.user
        )._check_calendar_privacy_write_permissions()
        self.env.execute_query(
            SQL(
                "UPDATE %s SET write_uid = %s, write_date = %s WHERE id IN %s",
                SQL.identifier(self._table),
                self.env.uid,
                fields.Datetime.now(),
                tuple(self.ids),
            )
        )
        self.invalidate_recordset(["write_uid", "write_date"])

    def _olopiste_linked_cases(self, commands):
        """The cases that x2many ``commands`` link or set."""
        ids = []
        for command in commands or []:
            if command[0] == fields.Command.LINK:
                ids.append(command[1])
            elif command[0] == fields.Command.SET:
                ids.extend(command[2])
        return self.env["olopiste.case"].sudo().browse(ids)

    @api.constrains("olopiste_project_id", "olopiste_case_ids")
    def _check_olopiste_cases_in_project(self):
        for event in self:
            strangers = event.olopiste_case_ids.filtered(
                lambda c, e=event: c.project_id != e.olopiste_project_id
            )
            if strangers:
                raise ValidationError(
                    self.env._(
                        "%(clients)s cannot be invited to “%(event)s”: their cases belong "
                        "to another project.",
                        clients=", ".join(strangers.partner_id.mapped("name")),
                        event=event.name,
                    )
                )

    @api.constrains("olopiste_headcount")
    def _check_olopiste_headcount(self):
        for event in self:
            error = self._olopiste_headcount_error(event.olopiste_headcount)
            if error:
                raise ValidationError(error)

    @api.model
    def _olopiste_headcount_error(self, headcount):
        """Why `headcount` anonymous participants cannot be recorded, or None:
        the one rule of an activity and of its attendance screen."""
        if headcount < 0:
            return self.env._(
                "The number of anonymous participants cannot be negative."
            )
        return None

    def _olopiste_date(self):
        """The activity's day in the user's time zone."""
        self.ensure_one()
        if self.allday:
            return self.start_date
        return fields.Date.context_today(self, self.start) if self.start else False

    def _olopiste_has_happened(self):
        """Whether the activity's day has come: who attended (or not) is
        recorded from that day on; an excused absence may be told in advance."""
        self.ensure_one()
        day = self._olopiste_date()
        return bool(day) and day <= fields.Date.context_today(self)

    def _olopiste_not_yet_error(self, client, state):
        """The translated reason `client`'s `state` cannot be recorded yet, or
        None (one rule for the attendance and its entry screen)."""
        if state == "excused" or not self or self._olopiste_has_happened():
            return None
        return self.env._(
            "%(client)s: “%(event)s” on %(date)s has not taken place yet. Record "
            "attendance on the day or afterwards; an excused absence can be "
            "recorded in advance.",
            client=client,
            event=self.name,
            date=format_date(self.env, self._olopiste_date()),
        )

    def _olopiste_max_hours(self):
        """The most hours one person can have attended this event."""
        self.ensure_one()
        if self.allday and self.start_date and self.stop_date:
            return 24.0 * ((self.stop_date - self.start_date).days + 1)
        return self.duration

    def action_olopiste_record_attendance(self):
        self.ensure_one()
        return self.env["olopiste.attendance.entry"].action_open_for_event(self)
