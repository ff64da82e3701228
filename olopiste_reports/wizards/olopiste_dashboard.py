# Copyright 2026 Olopiste contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from markupsafe import Markup, escape

from odoo import api, fields, models


class OlopisteDashboard(models.TransientModel):
    """A project's targets against its results on any date."""

    _name = "olopiste.dashboard"
    _description = "Project Dashboard"
    _order = "id desc"

    project_id = fields.Many2one(
        comodel_name="olopiste.project",
        required=True,
        default=lambda self: self.env["olopiste.project"].search([], limit=1),
    )
    date_to = fields.Date(
        string="As of",
        required=True,
        default=fields.Date.context_today,
    )
    result_html = fields.Html(
        string="Results", compute="_compute_result_html", sanitize=False
    )

    @api.depends("project_id", "date_to")
    def _compute_result_html(self):
        for dashboard in self:
            dashboard.result_html = (
                dashboard._render_rows(dashboard._rows())
                if dashboard.project_id and dashboard.date_to
                else False
            )

    def _rows(self):
        self.ensure_one()
        self.env["olopiste.report.figures"]._check_project_access(self.project_id)
        return self.env["olopiste.report.figures"]._dashboard(
            self.project_id, self.date_to
        )

    def _render_rows(self, rows):
        describe = self.env["olopiste.report.figures"]._describe
        head = Markup("").join(
            Markup("<th>%s</th>") % label
            for label in (
                self.env._("Figure"),
                self.env._("Result"),
                self.env._("Target"),
            )
        )
        body = []
        for row in rows:
            target = ""
            if row["target"] is not None:
                target = (
                    f"{row['target']:g} %"
                    if row["target_is_percent"]
                    else f"{row['target']:g}"
                )
            indent = Markup("&#160;" * 4 * row["level"])
            body.append(
                Markup("<tr><td>%s%s</td><td>%s</td><td>%s</td></tr>")
                % (indent, row["label"], describe(row), target)
            )
        return Markup(
            '<table class="table table-sm o_olopiste_dashboard">'
            "<thead><tr>%s</tr></thead><tbody>%s</tbody></table>"
        ) % (head, Markup("").join(body) or escape(""))

    def action_export(self):
        """Open the funder summary export for this project."""
        self.ensure_one()
        return {
            "type": "ir.actions.act_window",
            "res_model": "olopiste.report.export",
            "view_mode": "form",
            "target": "new",
            "context": {
                "default_project_id": self.project_id.id,
                "default_date_to": self.date_to,
                "default_export": "funder_summary",
            },
        }
