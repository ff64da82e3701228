# Copyright 2026 Olopiste contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from datetime import datetime, time, timedelta

from odoo import api, fields, models
from odoo.exceptions import ValidationError


class OlopisteAttendance(models.Model):
    """Import of attendance through Odoo's import screen.

    A row names the case (its code, or the client's name) and the activity
    by its name and date in the case's project. Rows without an External ID
    get one made of the case, the activity and the date, so importing the
    same file again updates instead of duplicating.
    """

    _name = "olopiste.attendance"
    _inherit = ["olopiste.attendance", "olopiste.import.mixin"]
    _olopiste_import_key = (
        ("case_id", "case_id/id", "case_id/.id"),
        ("import_activity_name",),
        ("import_activity_date",),
    )
    _olopiste_import_prefix = "olopiste_attendance"

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
    def get_import_templates(self):
        return [
            {
                "label": self.env._("Import Template for Attendance (XLSX)"),
                "template": "/olopiste_case/static/xls/olopiste_attendance.xlsx",
            },
            {
                "label": self.env._("Import Template for Attendance (CSV)"),
                "template": "/olopiste_case/static/xls/olopiste_attendance.csv",
            },
        ]

    @api.model_create_multi
    def create(self, vals_list):
        # copies: when a batch fails, load() retries each row with the same dicts
        vals_list = [dict(vals) for vals in vals_list]
        for vals in vals_list:
            name = vals.pop("import_activity_name", None)
            day = vals.pop("import_activity_date", None)
            if name and not vals.get("event_id"):
                vals["event_id"] = self._olopiste_import_event(
                    vals.get("case_id"), name, day
                ).id
        return super().create(vals_list)

    def write(self, vals):
        vals = dict(vals)
        vals.pop("import_activity_name", None)
        vals.pop("import_activity_date", None)
        return super().write(vals)

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
                    date=day,
                    project=case.project_id.display_name,
                )
            )
        return events
