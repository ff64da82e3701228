# Copyright 2026 Olopiste contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from datetime import date

from dateutil.relativedelta import relativedelta
from markupsafe import Markup, escape

from odoo import api, fields, models
from odoo.tools.misc import format_date

from ..tools.rounding import round_half_up


class OlopisteDashboard(models.TransientModel):
    """A project's targets against its results on any date: a page with
    charts for the team, printed for the steering group."""

    _name = "olopiste.dashboard"
    _description = "Project Dashboard"
    _order = "id desc"

    project_id = fields.Many2one(
        comodel_name="olopiste.project",
        required=True,
        default=lambda self: self._default_project(),
    )
    date_to = fields.Date(
        string="As of",
        required=True,
        default=fields.Date.context_today,
    )
    result_html = fields.Html(
        string="Results", compute="_compute_results", sanitize=False
    )
    chart_data = fields.Json(string="Charts", compute="_compute_results")

    def _default_project(self):
        """The project the user last opened a case in, else their running
        project that started first, else the first one they may read."""
        cases = self.env["olopiste.case"]
        running = cases._running_projects()
        return (
            cases._last_created_case(running).project_id
            or running.sorted(
                lambda project: (project.date_start or date.min, project.id)
            )[:1]
            or self.env["olopiste.project"].search([], limit=1)
        )

    @api.depends("project_id")
    def _compute_display_name(self):
        for dashboard in self:
            dashboard.display_name = dashboard.project_id.display_name or self.env._(
                "Project Dashboard"
            )

    @api.model
    def action_open(self):
        """The dashboard of the user's project as of today, as a page of its
        own (a saved dashboard: printing needs no save first)."""
        action = self.env["ir.actions.act_window"]._for_xml_id(
            "olopiste_reports.olopiste_dashboard_action"
        )
        project = self._default_project()
        if project:
            action["res_id"] = self.create({"project_id": project.id}).id
        return action

    @api.depends("project_id", "date_to")
    def _compute_results(self):
        for dashboard in self:
            if not (dashboard.project_id and dashboard.date_to):
                dashboard.result_html = False
                dashboard.chart_data = False
                continue
            rows = dashboard._rows()
            dashboard.result_html = dashboard._render_rows(rows)
            dashboard.chart_data = dashboard._charts(rows)

    def _rows(self):
        self.ensure_one()
        self.env["olopiste.report.figures"]._check_project_access(self.project_id)
        return self.env["olopiste.report.figures"]._dashboard(
            self.project_id, self.date_to
        )

    @api.model
    def _achieved(self, row):
        """How much of the row's target is reached, in % (None without one)."""
        if row["target"] in (None, 0) or row["count"] is None:
            return None
        result = row["percent"] if row["target_is_percent"] else row["count"]
        if result is None:
            return None
        return round_half_up(result * 100 / row["target"])

    def _lines(self, rows):
        """The rows as the page and the printout show them: the result in
        words, the target and the share of it reached, in the user's format."""
        figures = self.env["olopiste.report.figures"]
        table = []
        for row in rows:
            target = ""
            if row["target"] is not None:
                target = figures._format_number(row["target"])
                if row["target_is_percent"]:
                    target = f"{target} %"
            achieved = self._achieved(row)
            table.append(
                {
                    "label": row["label"],
                    "level": row["level"],
                    "result": figures._describe(row),
                    "target": target,
                    "achieved": achieved,
                    "achieved_text": (
                        f"{figures._format_number(achieved)} %"
                        if achieved is not None
                        else ""
                    ),
                    "bar": min(achieved, 100) if achieved is not None else 0,
                    "reached": achieved is not None and achieved >= 100,
                }
            )
        return table

    def _render_rows(self, rows):
        head = Markup("").join(
            Markup("<th>%s</th>") % label
            for label in (
                self.env._("Figure"),
                self.env._("Result"),
                self.env._("Target"),
                self.env._("Of target"),
            )
        )
        body = []
        for line in self._lines(rows):
            progress = escape("")
            if line["achieved"] is not None:
                progress = Markup(
                    '<div class="d-flex align-items-center gap-2">'
                    '<div class="progress flex-grow-1" style="min-width: 4rem;"'
                    ' role="progressbar" aria-valuenow="%s" aria-valuemin="0"'
                    ' aria-valuemax="100"><div class="progress-bar %s"'
                    ' style="width: %s%%;"></div></div>'
                    '<span class="text-nowrap">%s</span></div>'
                ) % (
                    line["bar"],
                    "bg-success" if line["reached"] else "bg-info",
                    line["bar"],
                    line["achieved_text"],
                )
            indent = Markup("&#160;" * 4 * line["level"])
            body.append(
                Markup("<tr><td>%s%s</td><td>%s</td><td>%s</td><td>%s</td></tr>")
                % (indent, line["label"], line["result"], line["target"], progress)
            )
        return Markup(
            '<div class="table-responsive"><table class="table table-sm'
            ' o_olopiste_dashboard"><thead><tr>%s</tr></thead><tbody>%s</tbody>'
            "</table></div>"
        ) % (head, Markup("").join(body) or escape(""))

    def _charts(self, rows):
        """What the page's two charts draw: the clients month by month
        against the target's pace, and each share against its target."""
        self.ensure_one()
        project = self.project_id
        by_key = {row["key"]: row for row in rows}
        months = self.env["olopiste.report.figures"]._clients_by_month(
            project, self.date_to
        )
        clients = {
            "title": self.env._("Clients against the target"),
            "labels": [
                format_date(self.env, m, date_format="MM/yyyy") for m, _ in months
            ],
            "datasets": [
                {"label": self.env._("Clients"), "data": [c for _, c in months]}
            ],
        }
        target = by_key["clients"]["target"]
        if target and project.date_start and project.date_end:
            length = (project.date_end - project.date_start).days or 1
            pace = []
            for month, _count in months:
                month_end = min(
                    month + relativedelta(day=31), project.date_end, self.date_to
                )
                elapsed = max((month_end - project.date_start).days, 0)
                pace.append(round(target * elapsed / length, 1))
            clients["datasets"].append(
                {"label": self.env._("Target pace"), "data": pace, "target": True}
            )
        shares = [
            row
            for row in rows
            if row["target_is_percent"]
            and row["target"] is not None
            and row["percent"] is not None
        ]
        return {
            "clients": clients,
            "shares": {
                "title": self.env._("Shares against their targets (%)"),
                "labels": [row["label"] for row in shares],
                "datasets": [
                    {
                        "label": self.env._("Result"),
                        "data": [row["percent"] for row in shares],
                    },
                    {
                        "label": self.env._("Target"),
                        "data": [row["target"] for row in shares],
                        "target": True,
                    },
                ],
            },
        }

    @api.model
    def _svg(self, width, height, title, parts):
        """A chart of the printout: `parts` (SVG elements) in an image."""
        return Markup(
            '<svg xmlns="http://www.w3.org/2000/svg" width="%s" height="%s" role="img"'
            ' aria-label="%s">%s</svg>'
        ) % (width, height, title, Markup("").join(parts))

    def _clients_svg(self, rows):
        """The clients chart of the page as SVG for the printout, where no
        script runs: the clients month by month and the target's pace."""
        chart = self._charts(rows)["clients"]
        labels = chart["labels"]
        if not labels:
            return ""
        width, height, left, right, top, bottom = 640, 220, 44, 12, 28, 26
        series = [dataset["data"] for dataset in chart["datasets"]]
        top_value = max(max(data) for data in series) or 1
        step = 10 ** max(len(str(int(top_value))) - 1, 0)
        top_value = -(-top_value // step) * step  # rounded up to a round number
        span = max(len(labels) - 1, 1)

        def x(index):
            return round(left + index * (width - left - right) / span, 1)

        def y(value):
            return round(top + (height - top - bottom) * (1 - value / top_value), 1)

        colours = ("#1f77b4", "#d62728")
        parts = [
            Markup('<line x1="%s" y1="%s" x2="%s" y2="%s" stroke="#adb5bd"/>')
            % (left, y(0), width - right, y(0))
        ]
        for value in (0, top_value / 2, top_value):
            parts.append(
                Markup('<text x="%s" y="%s" font-size="10" text-anchor="end">%s</text>')
                % (
                    left - 4,
                    y(value) + 3,
                    self.env["olopiste.report.figures"]._format_number(value),
                )
            )
        last = len(labels) - 1
        for index in sorted({0, len(labels) // 2, last}):
            # the first and last labels inside the drawing, the middle centred
            anchor = "start" if index == 0 else "end" if index == last else "middle"
            parts.append(
                Markup('<text x="%s" y="%s" font-size="10" text-anchor="%s">%s</text>')
                % (x(index), height - 8, anchor, labels[index])
            )
        for number, (dataset, colour) in enumerate(
            zip(chart["datasets"], colours, strict=False)
        ):
            points = " ".join(
                f"{x(index)},{y(value)}" for index, value in enumerate(dataset["data"])
            )
            dash = Markup(' stroke-dasharray="6,4"') if dataset.get("target") else ""
            parts.append(
                Markup(
                    '<polyline fill="none" stroke="%s" stroke-width="2"%s points="%s"/>'
                )
                % (colour, dash, points)
            )
            legend_x = left + number * 200
            parts.append(
                Markup(
                    '<line x1="%s" y1="10" x2="%s" y2="10" stroke="%s" stroke-width="2"%s/>'
                    '<text x="%s" y="14" font-size="11">%s</text>'
                )
                % (
                    legend_x,
                    legend_x + 24,
                    colour,
                    dash,
                    legend_x + 30,
                    dataset["label"],
                )
            )
        return self._svg(width, height, chart["title"], parts)

    def _shares_svg(self, rows):
        """The shares chart of the page as SVG for the printout: each share
        as a bar on a 0-100 % scale, its target as a dashed mark."""
        chart = self._charts(rows)["shares"]
        labels = chart["labels"]
        if not labels:
            return ""
        results, targets = (dataset["data"] for dataset in chart["datasets"])
        format_number = self.env["olopiste.report.figures"]._format_number
        width, label_width, right, top, row_height = 640, 250, 60, 24, 22
        height = top + row_height * len(labels) + 6
        scale = (width - label_width - right) / 100
        colours = ("#1f77b4", "#d62728")
        parts = []
        for number, (dataset, colour) in enumerate(
            zip(chart["datasets"], colours, strict=False)
        ):
            legend_x = label_width + number * 160
            parts.append(
                Markup(
                    '<rect x="%s" y="4" width="14" height="10" fill="%s"/>'
                    '<text x="%s" y="13" font-size="11">%s</text>'
                )
                % (legend_x, colour, legend_x + 20, dataset["label"])
            )
        for index, (label, result, target) in enumerate(
            zip(labels, results, targets, strict=True)
        ):
            y = top + index * row_height
            parts.append(
                Markup(
                    '<text x="%s" y="%s" font-size="10" text-anchor="end">%s</text>'
                    '<rect x="%s" y="%s" width="%s" height="12" fill="#e9ecef"/>'
                    '<rect x="%s" y="%s" width="%s" height="12" fill="%s"/>'
                    '<line x1="%s" y1="%s" x2="%s" y2="%s" stroke="%s"'
                    ' stroke-width="2" stroke-dasharray="3,2"/>'
                    '<text x="%s" y="%s" font-size="10">%s %%</text>'
                )
                % (
                    label_width - 6,
                    y + 10,
                    label,
                    label_width,
                    y,
                    round(100 * scale, 1),
                    label_width,
                    y,
                    round(min(result, 100) * scale, 1),
                    colours[0],
                    round(label_width + min(target, 100) * scale, 1),
                    y - 2,
                    round(label_width + min(target, 100) * scale, 1),
                    y + 14,
                    colours[1],
                    width - right + 6,
                    y + 10,
                    format_number(result),
                )
            )
        return self._svg(width, height, chart["title"], parts)

    def action_print(self):
        """The dashboard as a PDF for the steering group."""
        self.ensure_one()
        return self.env.ref("olopiste_reports.olopiste_dashboard_report").report_action(
            self
        )

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
