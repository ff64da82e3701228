# Copyright 2026 Olopiste contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import api, fields, models
from odoo.exceptions import ValidationError

OLOPISTE_GROUPS = (
    "olopiste_case.group_olopiste_student,olopiste_case.group_olopiste_finance"
)
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
        groups=OLOPISTE_GROUPS,
    )
    olopiste_project_id = fields.Many2one(
        comodel_name="olopiste.project",
        index=True,
        ondelete="restrict",
        groups=OLOPISTE_GROUPS,
    )
    olopiste_area_id = fields.Many2one(
        comodel_name="olopiste.area",
        domain="[('project_id', '=', olopiste_project_id)]",
        groups=OLOPISTE_GROUPS,
    )
    olopiste_case_ids = fields.Many2many(
        comodel_name="olopiste.case",
        relation="olopiste_case_calendar_event_rel",
        column1="event_id",
        column2="case_id",
        string="Invited Cases",
        domain="[('project_id', '=', olopiste_project_id), ('date_exit', '=', False)]",
        groups=OLOPISTE_GROUPS,
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
        groups=OLOPISTE_GROUPS,
    )
    olopiste_headcount = fields.Integer(
        string="Anonymous Participants",
        help="People who took part without registering, e.g. in an open NonStop "
        "session. Counted beside the named attendees as 'took part', never as clients.",
        groups=OLOPISTE_GROUPS,
    )
    olopiste_attendance_ids = fields.One2many(
        comodel_name="olopiste.attendance",
        inverse_name="event_id",
        string="Attendance",
        groups=OLOPISTE_GROUPS,
    )
    olopiste_attended_count = fields.Integer(
        string="Attended",
        compute="_compute_olopiste_attendance",
        groups=OLOPISTE_GROUPS,
    )
    olopiste_hours_total = fields.Float(
        string="Participation Hours",
        compute="_compute_olopiste_attendance",
        groups=OLOPISTE_GROUPS,
    )

    _sql_constraints = [
        (
            "olopiste_headcount_check",
            "CHECK(olopiste_headcount >= 0)",
            "The number of anonymous participants cannot be negative.",
        ),
    ]

    @api.depends("olopiste_attendance_ids.state", "olopiste_attendance_ids.hours")
    def _compute_olopiste_attendance(self):
        for event in self:
            attended = event.olopiste_attendance_ids.filtered(
                lambda a: a.state == "attended"
            )
            event.olopiste_attended_count = len(attended)
            event.olopiste_hours_total = sum(attended.mapped("hours"))

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
        if any(event.olopiste_headcount < 0 for event in self):
            raise ValidationError(
                self.env._("The number of anonymous participants cannot be negative.")
            )

    def _olopiste_date(self):
        """The activity's day in the user's time zone."""
        self.ensure_one()
        if self.allday:
            return self.start_date
        return fields.Date.context_today(self, self.start) if self.start else False

    def _olopiste_max_hours(self):
        """The most hours one person can have attended this event."""
        self.ensure_one()
        if self.allday and self.start_date and self.stop_date:
            return 24.0 * ((self.stop_date - self.start_date).days + 1)
        return self.duration

    def action_olopiste_record_attendance(self):
        self.ensure_one()
        return self.env["olopiste.attendance.entry"].action_open_for_event(self)
