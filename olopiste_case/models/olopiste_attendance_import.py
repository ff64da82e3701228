# Copyright 2026 Olopiste contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from datetime import datetime, time, timedelta

from odoo import api, fields, models
from odoo.exceptions import ValidationError
from odoo.tools.misc import format_date


class OlopisteAttendance(models.Model):
    """Import of attendance through Odoo's import screen.

    A row names the case (its code, or the client's name) and the activity
    by its name and date in the case's project. Rows without an External ID
    get one made of the case, the activity and the date, so importing the
    same file again updates instead of duplicating.
    """

    _inherit = "olopiste.attendance"
    _olopiste_import_key = (
        ("case_id", "case_id/id", "case_id/.id"),
        ("import_activity_name",),
        ("import_activity_date",),
    )
    _olopiste_import_prefix = "olopiste_attendance"
    _olopiste_template_fields = (
        "case_id",
        "import_activity_name",
        "import_activity_date",
        "state",
        "hours",
    )
    _olopiste_template_name = "olopiste_attendance"

    import_activity_name = fields.Char(
        string="Activity Name",
        store=False,
        help="Import only: the name of the activity in the case's project.",
    )
    import_activity_date = fields.Date(
        string="Activity Date",
        store=False,
        help="Import only: the day of the activity.",
    )

    @api.model
    def _olopiste_template_label(self, file_format):
        return self.env._(
            "Import Template for Attendance (%(format)s)", format=file_format.upper()
        )

    @api.model
    def _olopiste_template_rows(self):
        """Attendance of two template clients at the demo's sessions of last
        week (import the clients and cases template first)."""
        nonstop = self._olopiste_demo(
            "calendar.event", "olopiste_case.demo_event_nonstop"
        )
        group = self._olopiste_demo(
            "calendar.event", "olopiste_case.demo_event_theme_group"
        )
        day = self._olopiste_template_anchor()  # the NonStop session's day
        nonstop_row = {
            "import_activity_name": nonstop.name or "Olohuone NonStop",
            "import_activity_date": day,
        }
        group_row = {
            "import_activity_name": group.name or "Teemaryhmä: työnhaku",
            "import_activity_date": group._olopiste_date() if group else day,
        }
        return [
            dict(nonstop_row, case_id="Kaisa Esimerkki", state="attended", hours=3),
            dict(group_row, case_id="Joonas Mallinen", state="attended", hours=2),
            dict(group_row, case_id="Kaisa Esimerkki", state="excused", hours=0),
        ]

    @api.model
    def _olopiste_import_create_values(self, vals_list):
        """The activity found by its name and day in the case's project."""
        vals_list = super()._olopiste_import_create_values(vals_list)
        for vals in vals_list:
            name = vals.pop("import_activity_name", None)
            day = vals.pop("import_activity_date", None)
            if name and not vals.get("event_id"):
                vals["event_id"] = self._olopiste_import_event(
                    vals.get("case_id"), name, day
                ).id
        return vals_list

    def _olopiste_import_write_values(self, vals):
        """An existing attendance keeps its activity: the columns naming it
        are dropped."""
        vals = super()._olopiste_import_write_values(vals)
        vals.pop("import_activity_name", None)
        vals.pop("import_activity_date", None)
        return vals

    @api.model
    def _olopiste_import_event(self, case_id, name, day):
        """The one activity of this name on this day in the case's project."""
        case = self.env["olopiste.case"].browse(case_id)
        day = fields.Date.to_date(day)
        if not (case and day):
            raise ValidationError(
                self.env._(
                    "Give the case and the activity's date with the activity “%(name)s”.",
                    name=name,
                )
            )
        # a day in any time zone lies within a day either side in UTC
        events = (
            self.env["calendar.event"]
            .search(
                [
                    ("olopiste_project_id", "=", case.project_id.id),
                    ("name", "=ilike", name.strip()),
                    ("start", ">=", datetime.combine(day - timedelta(days=1), time())),
                    ("start", "<", datetime.combine(day + timedelta(days=2), time())),
                ]
            )
            .filtered(lambda e: e._olopiste_date() == day)
        )
        if len(events) != 1:
            raise ValidationError(
                self.env._(
                    "%(count)s activities named “%(name)s” on %(date)s in %(project)s: "
                    "exactly one is needed.",
                    count=len(events),
                    name=name,
                    date=format_date(self.env, day),
                    project=case.project_id.display_name,
                )
            )
        return events
