# Copyright 2026 Olopiste contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
import hashlib
from collections import defaultdict

from odoo import Command, api, fields, models
from odoo.exceptions import UserError, ValidationError
from odoo.tools import SQL

# what the screen reads of its session, in one read: Odoo's calendar reads an
# event's privacy and attendees again for each field of it read on its own
EVENT_FIELDS = [
    "name",
    "start",
    "start_date",
    "stop_date",
    "allday",
    "duration",
    "olopiste_project_id",
    "olopiste_area_id",
    "olopiste_kind",
    "olopiste_headcount",
    "olopiste_case_ids",
    "olopiste_attendance_ids",
]


class OlopisteAttendanceEntry(models.TransientModel):
    """One screen, one save: the attendance of a whole session.

    The invited cases are listed with a toggle each; walk-ins are added as
    rows (an existing case, or a new client who gets a case in an encounter
    stage). Every row is checked before anything is written, so a bad row
    saves nothing and the message names the row.

    A save locks the session and compares what is recorded with what was
    recorded when the screen opened: the same screen saved twice (a double
    click, a retried request) writes the same rows again, while a screen
    opened before someone else's save of the session saves nothing and says
    so.
    """

    _name = "olopiste.attendance.entry"
    _description = "Session Attendance Entry"
    _order = "id desc"

    event_id = fields.Many2one(
        comodel_name="calendar.event", required=True, readonly=True
    )
    project_id = fields.Many2one(comodel_name="olopiste.project", readonly=True)
    hours = fields.Float(
        string="Hours for Everyone",
        help="Hours of every person marked present. Change a row to give one "
        "person fewer hours, e.g. when they left early.",
    )
    headcount = fields.Integer(
        string="Anonymous Participants",
        help="People who took part without registering.",
    )
    line_ids = fields.One2many(
        comodel_name="olopiste.attendance.entry.line",
        inverse_name="entry_id",
        string="Participants",
    )
    present_count = fields.Integer(compute="_compute_present_count")
    recorded_stamp = fields.Char(
        readonly=True,
        help="Fingerprint of the session's recorded attendance and headcount "
        "when the screen opened or was last saved.",
    )

    @api.depends("line_ids.present")
    def _compute_present_count(self):
        for entry in self:
            entry.present_count = len(entry.line_ids.filtered("present"))

    @api.onchange("hours")
    def _onchange_hours(self):
        for line in self.line_ids.filtered("present"):
            line.hours = self.hours

    @api.model
    def action_open_for_event(self, event):
        """Open the entry screen filled with the invited cases and what is recorded."""
        event.fetch(EVENT_FIELDS)
        if not event.olopiste_project_id:
            raise ValidationError(
                self.env._("Choose the project of “%(event)s” first.", event=event.name)
            )
        entry = self.create(self._values_for_event(event))
        return entry._reopen()

    @api.model
    def _values_for_event(self, event):
        event.fetch(EVENT_FIELDS)
        recorded = {a.case_id: a for a in event.olopiste_attendance_ids}
        cases = event.olopiste_case_ids | event.olopiste_attendance_ids.case_id
        duration = event._olopiste_max_hours()
        lines = []
        for sequence, case in enumerate(
            cases.sorted(lambda c: c.partner_id.name or ""), 1
        ):
            attendance = recorded.get(case)
            lines.append(
                Command.create(
                    {
                        "sequence": sequence,
                        "case_id": case.id,
                        "attendance_id": attendance.id if attendance else False,
                        "present": bool(attendance) and attendance.state == "attended",
                        "excused": bool(attendance) and attendance.state == "excused",
                        "hours": attendance.hours
                        if attendance and attendance.hours
                        else duration,
                    }
                )
            )
        return {
            "event_id": event.id,
            "project_id": event.olopiste_project_id.id,
            "hours": duration,
            "headcount": event.olopiste_headcount,
            "line_ids": lines,
            "recorded_stamp": self._recorded_stamp(event),
        }

    @api.model
    def _recorded_stamp(self, event):
        """A fingerprint of what the database holds for `event`: each case's
        state and hours, and the anonymous headcount.

        Read in one query, of every row whoever may see it (a save by someone
        else changes it just the same), never from memory."""
        Attendance = self.env["olopiste.attendance"]
        Attendance.flush_model(["event_id", "case_id", "state", "hours"])
        event.flush_recordset(["olopiste_headcount"])
        rows = self.env.execute_query(
            SQL(
                "SELECT e.olopiste_headcount, a.case_id, a.state, a.hours "
                "FROM %s e LEFT JOIN %s a ON a.event_id = e.id WHERE e.id = %s",
                SQL.identifier(event._table),
                SQL.identifier(Attendance._table),
                event.id,
            )
        )
        recorded = sorted(
            (case_id, state, round(hours or 0.0, 2))
            for _headcount, case_id, state, hours in rows
            if case_id
        )
        headcount = (rows[0][0] if rows else 0) or 0
        text = repr((recorded, headcount))
        return hashlib.sha256(text.encode()).hexdigest()

    def _reopen(self):
        self.ensure_one()
        return {
            "type": "ir.actions.act_window",
            "name": self.env._("Attendance: %(event)s", event=self.event_id.name),
            "res_model": self._name,
            "res_id": self.id,
            "view_mode": "form",
            "target": "new",
        }

    def action_mark_all_present(self):
        self.line_ids.write({"present": True, "excused": False})
        for line in self.line_ids.filtered(lambda row: not row.hours):
            line.hours = self.hours
        return self._reopen()

    def action_save(self):
        self.ensure_one()
        self._check_lines()
        self._lock_session()
        lines = self.line_ids
        self._create_walk_in_cases(lines.filtered(lambda row: not row.case_id))
        self._write_attendance(lines)
        event = self.event_id
        vals = {
            "olopiste_headcount": self.headcount,
            "olopiste_case_ids": [Command.link(case.id) for case in lines.case_id],
        }
        # Odoo's calendar does much work on any write of an event: written
        # only when the session changes (its head-count, walk-ins invited)
        if (
            self.headcount != event.olopiste_headcount
            or lines.case_id - event.olopiste_case_ids
        ):
            event.write(vals)
        else:
            event._olopiste_touch(vals)
        # saving this screen again writes the same rows again
        self.recorded_stamp = self._recorded_stamp(event)
        return {"type": "ir.actions.act_window_close"}

    def _lock_session(self):
        """Hold the session until the end of the transaction, and refuse the
        save when someone else saved the session since the screen opened.

        A save that waits here for another one gets PostgreSQL's serialization
        failure once the other commits (every save changes the session's row,
        see `calendar.event._olopiste_touch`), and Odoo runs the request again
        from the start, now seeing the other save."""
        event = self.event_id
        self.env.cr.execute(
            SQL(
                "SELECT id FROM %s WHERE id = %s FOR NO KEY UPDATE",
                SQL.identifier(event._table),
                event.id,
            )
        )
        if self.recorded_stamp == self._recorded_stamp(event):
            return
        latest = event.olopiste_attendance_ids.sorted("write_date", reverse=True)[:1]
        raise UserError(
            self.env._(
                "%(user)s saved the attendance of “%(event)s” while you had it "
                "open. Nothing of yours was saved: open the attendance again to "
                "see what is recorded now, then make your changes.",
                user=(latest.write_uid or event.write_uid).name,
                event=event.name,
            )
        )

    def _check_lines(self):
        """Check every row; raise one error naming each bad row."""
        errors = []
        headcount_error = self.event_id._olopiste_headcount_error(self.headcount)
        if headcount_error:
            errors.append(headcount_error)
        seen = set()
        for row, line in enumerate(self.line_ids.sorted("sequence"), 1):
            problem = line._problem(seen)
            if problem:
                errors.append(
                    self.env._("Row %(row)s: %(problem)s", row=row, problem=problem)
                )
        if errors:
            raise ValidationError(
                self.env._("Nothing was saved.") + "\n" + "\n".join(errors)
            )

    def _create_walk_in_cases(self, lines):
        """Give each new walk-in client a contact and a case in an encounter stage."""
        if not lines:
            return
        partners = self.env["res.partner"].create(
            [
                {"name": line.new_client_name.strip(), "is_olopiste_client": True}
                for line in lines
            ]
        )
        event_date = self.event_id._olopiste_date()
        cases = self.env["olopiste.case"].create(
            [
                {
                    "partner_id": partner.id,
                    "project_id": self.project_id.id,
                    "area_id": self.event_id.olopiste_area_id.id,
                    "date_entry": event_date,
                    "referral_source": "outreach",
                }
                for partner in partners
            ]
        )
        for line, case in zip(lines, cases, strict=True):
            line.case_id = case

    def _write_attendance(self, lines):
        """Create and update the attendance in batches, not row by row."""
        Attendance = self.env["olopiste.attendance"]
        invited = self.event_id.olopiste_case_ids
        # before the day, an invited client is not absent yet
        happened = self.event_id._olopiste_has_happened()
        # one row a case and session: what is recorded now, found by its case
        recorded = {a.case_id: a for a in self.event_id.olopiste_attendance_ids}
        to_create = []
        to_update = defaultdict(lambda: Attendance)
        for line in lines:
            values = line._attendance_values()
            attendance = recorded.get(line.case_id)
            if attendance:
                to_update[tuple(sorted(values.items()))] |= attendance
            elif line.present or line.excused or (line.case_id in invited and happened):
                to_create.append(
                    {**values, "event_id": self.event_id.id, "case_id": line.case_id.id}
                )
        for values, attendances in to_update.items():
            attendances.write(dict(values))
        Attendance.create(to_create)
