# Copyright 2026 Olopiste contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import api, fields, models
from odoo.tools.misc import format_date, formatLang


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

    def _problem(self, limit, seen):
        """The translated problem of this row, or None; `seen` collects cases."""
        name = self.case_id.partner_id.name or (self.new_client_name or "").strip()
        if not self.case_id and not (self.new_client_name or "").strip():
            return self.env._("choose a client's case or type a new client's name.")
        if not self.case_id and not self.env["olopiste.case"].has_access("create"):
            return self.env._(
                "%(client)s: only a case worker can add a new client. Choose the "
                "client's case, or ask a case worker to add them.",
                client=name,
            )
        if self.case_id:
            if self.case_id in seen:
                return self.env._("%(client)s is listed twice.", client=name)
            seen.add(self.case_id)
            if self.case_id.project_id != self.entry_id.project_id:
                return self.env._(
                    "%(client)s's case belongs to another project.", client=name
                )
            date = self.entry_id.event_id._olopiste_date()
            if date < self.case_id.date_entry or (
                self.case_id.date_exit and date > self.case_id.date_exit
            ):
                return self.env._(
                    "%(client)s's case is not open on %(date)s.",
                    client=name,
                    date=format_date(self.env, date),
                )
        if self.present and self.excused:
            return self.env._(
                "%(client)s cannot be both present and excused.", client=name
            )
        if self.present and self.hours <= 0:
            return self.env._("%(client)s: hours must be more than 0.", client=name)
        if self.present and self.hours > limit + 1e-6:
            return self.env._(
                "%(client)s: %(hours)s hours is more than the session's %(limit)s hours.",
                client=name,
                hours=formatLang(self.env, self.hours),
                limit=formatLang(self.env, limit),
            )
        if self.present:
            return self.entry_id.event_id._olopiste_not_yet_error(name, "attended")
        return None
