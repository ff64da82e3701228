# Copyright 2026 Olopiste contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import api, fields, models
from odoo.exceptions import ValidationError
from odoo.tools.misc import format_date, formatLang

from .calendar_event import ACTIVITY_KINDS


class OlopisteAttendance(models.Model):
    """One case's attendance at one activity: what the funder pays for."""

    _name = "olopiste.attendance"
    _description = "Attendance"
    _inherit = ["olopiste.import.mixin", "olopiste.rule.mixin"]
    _order = "date desc, event_id, id"
    _rec_name = "case_id"

    event_id = fields.Many2one(
        comodel_name="calendar.event",
        string="Activity",
        required=True,
        ondelete="cascade",
        index=True,
    )
    case_id = fields.Many2one(
        comodel_name="olopiste.case",
        required=True,
        ondelete="cascade",
        index=True,
    )
    state = fields.Selection(
        selection=[
            ("attended", "Attended"),
            ("absent", "Absent"),
            ("excused", "Excused"),
        ],
        required=True,
        default="attended",
    )
    hours = fields.Float(
        compute="_compute_hours",
        store=True,
        readonly=False,
        precompute=True,
        aggregator="sum",
        help="Hours the client took part: by default the activity's duration; less "
        "when the client left early. Always 0 for an absence.",
    )
    date = fields.Date(compute="_compute_date", store=True, index=True, precompute=True)
    # precomputed: written with the row, not by a second UPDATE of the rows
    # just created (a session's 30 rows at once)
    partner_id = fields.Many2one(
        related="case_id.partner_id", string="Client", store=True, precompute=True
    )
    project_id = fields.Many2one(
        related="case_id.project_id", store=True, index=True, precompute=True
    )
    area_id = fields.Many2one(
        related="case_id.area_id", store=True, index=True, precompute=True
    )
    company_id = fields.Many2one(
        related="case_id.company_id", store=True, index=True, precompute=True
    )
    case_user_id = fields.Many2one(
        related="case_id.user_id",
        string="Case Worker",
        store=True,
        index=True,
        precompute=True,
    )
    kind = fields.Selection(
        selection=ACTIVITY_KINDS,
        string="Activity Kind",
        compute="_compute_kind",
        store=True,
        index=True,
        precompute=True,
    )

    _sql_constraints = [
        (
            "case_event_uniq",
            "unique(case_id, event_id)",
            "A client can attend the same activity only once.",
        ),
    ]

    @api.depends("state", "event_id")
    def _compute_hours(self):
        for attendance in self:
            if attendance.state != "attended":
                attendance.hours = 0.0
            elif not attendance.hours:
                attendance.hours = attendance.event_id._olopiste_max_hours()

    @api.depends("event_id.start", "event_id.start_date", "event_id.allday")
    def _compute_date(self):
        for attendance in self:
            attendance.date = (
                attendance.event_id._olopiste_date() if attendance.event_id else False
            )

    @api.depends("event_id.olopiste_kind")
    def _compute_kind(self):
        for attendance in self:
            attendance.kind = attendance.event_id.olopiste_kind

    @api.constrains("state", "hours", "event_id")
    def _check_hours(self):
        for attendance in self:
            error = attendance._hours_error()
            if error:
                raise ValidationError(error)

    @api.constrains("case_id", "event_id", "date", "state")
    def _check_case_fits_event(self):
        for attendance in self:
            error = (
                attendance._case_error()
                or attendance.event_id._olopiste_not_yet_error(
                    attendance.case_id.partner_id.name, attendance.state
                )
            )
            if error:
                raise ValidationError(error)

    @api.model_create_multi
    def create(self, vals_list):
        # a spreadsheet's activity columns (olopiste_attendance_import.py)
        return super().create(self._olopiste_import_create_values(vals_list))

    def write(self, vals):
        # a spreadsheet's activity columns (olopiste_attendance_import.py)
        return super().write(self._olopiste_import_write_values(vals))

    def _hours_error(self):
        """The translated reason these hours are wrong, or None."""
        self.ensure_one()
        if self.state != "attended":
            return None
        return self._olopiste_hours_error(
            self.case_id.partner_id.name, self.hours, self.event_id
        )

    def _case_error(self):
        """The translated reason this case cannot attend this event, or None."""
        self.ensure_one()
        return self._olopiste_case_error(self.case_id, self.event_id, self.date)

    @api.model
    def _olopiste_hours_error(self, client, hours, event):
        """Why `client` cannot have attended `event` for `hours`, or None: the
        one rule of an attendance and of the attendance screen's rows."""
        limit = event._olopiste_max_hours()
        if hours <= 0:
            return self.env._(
                "%(client)s: attended hours must be more than 0.", client=client
            )
        if hours > limit + 1e-6:
            return self.env._(
                "%(client)s: %(hours)s hours is more than the %(limit)s hours of “%(event)s”.",
                client=client,
                hours=formatLang(self.env, hours),
                limit=formatLang(self.env, limit),
                event=event.name,
            )
        return None

    @api.model
    def _olopiste_case_error(self, case, event, date):
        """Why `case` cannot attend `event` held on `date`, or None: the one
        rule of an attendance and of the attendance screen's rows."""
        client = case.partner_id.name
        if event.olopiste_project_id != case.project_id:
            return self.env._(
                "%(client)s's case belongs to %(case_project)s, not to the project of "
                "“%(event)s”.",
                client=client,
                case_project=case.project_id.display_name,
                event=event.name,
            )
        if date and date < case.date_entry:
            return self.env._(
                "%(client)s: the activity on %(date)s is before the case's entry date %(entry)s.",
                client=client,
                date=format_date(self.env, date),
                entry=format_date(self.env, case.date_entry),
            )
        if date and case.date_exit and date > case.date_exit:
            return self.env._(
                "%(client)s: the activity on %(date)s is after the case's exit date %(exit)s.",
                client=client,
                date=format_date(self.env, date),
                exit=format_date(self.env, case.date_exit),
            )
        return None
