# Copyright 2026 Olopiste contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import api, fields, models


class OlopisteAttendanceEntryLine(models.TransientModel):
    """One participant row of the session attendance screen."""

    _name = "olopiste.attendance.entry.line"
    _description = "Session Attendance Entry Row"
    _order = "sequence, id"

    entry_id = fields.Many2one(
        comodel_name="olopiste.attendance.entry", required=True, ondelete="cascade"
    )
    sequence = fields.Integer(default=1000)
    case_id = fields.Many2one(
        comodel_name="olopiste.case",
        string="Client",
        help="An existing case of the project. For a new walk-in client, leave it "
        "empty and type the name instead.",
    )
    new_client_name = fields.Char(
        string="New Client",
        help="Name of a walk-in client who is new to the project: a contact and a "
        "case in the encounter stage are created when you save.",
    )
    attendance_id = fields.Many2one(comodel_name="olopiste.attendance", readonly=True)
    present = fields.Boolean()
    excused = fields.Boolean(help="Absent with a reason given in advance.")
    hours = fields.Float()

    @api.onchange("present")
    def _onchange_present(self):
        if self.present:
            self.excused = False
            self.hours = self.hours or self.entry_id.hours

    @api.onchange("excused")
    def _onchange_excused(self):
        if self.excused:
            self.present = False

    def _attendance_values(self):
        state = (
            "attended" if self.present else ("excused" if self.excused else "absent")
        )
        return {"state": state, "hours": self.hours if self.present else 0.0}

    def _problem(self, seen):
        """The translated problem of this row, or None; `seen` collects cases.
        The hours and the case's period are checked by the attendance's own
        rules, before anything is written."""
        name = self.case_id.partner_id.name or (self.new_client_name or "").strip()
        if not self.case_id and not (self.new_client_name or "").strip():
            return self.env._("choose a client's case or type a new client's name.")
        if not self.case_id and not self.env["olopiste.case"].has_access("create"):
            return self.env._(
                "%(client)s: only a case worker can add a new client. Choose the "
                "client's case, or ask a case worker to add them.",
                client=name,
            )
        event = self.entry_id.event_id
        attendance = self.env["olopiste.attendance"]
        if self.case_id:
            if self.case_id in seen:
                return self.env._("%(client)s is listed twice.", client=name)
            seen.add(self.case_id)
            error = attendance._olopiste_case_error(
                self.case_id, event, event._olopiste_date()
            )
            if error:
                return error
        if self.present and self.excused:
            return self.env._(
                "%(client)s cannot be both present and excused.", client=name
            )
        if self.present:
            return attendance._olopiste_hours_error(
                name, self.hours, event
            ) or event._olopiste_not_yet_error(name, "attended")
        return None
