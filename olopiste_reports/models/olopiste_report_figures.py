# Copyright 2026 Olopiste contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""The figures of the dashboard and of the exports, computed in a few SQL
aggregates per run whatever the number of cases (never a query per case).

This file holds what every report shares; each report's figures are in
``olopiste_report_figures_<report>.py`` on the same model."""

from odoo import api, models
from odoo.exceptions import AccessError
from odoo.tools import SQL, formatLang

from odoo.addons.olopiste_case.const import GROUP_FINANCE

from ..tools.rounding import percentage

FOLLOWON_STATES = ("started", "completed")


class OlopisteReportFigures(models.AbstractModel):
    """Computes report figures for one project and one period."""

    _name = "olopiste.report.figures"
    _description = "Olopiste Report Figures"

    # ------------------------------------------------------------------
    # helpers

    @api.model
    def _check_project_access(self, project):
        """The figures are summed in SQL, past record rules: only finance and
        the project's own manager and team may compute them."""
        project.check_access("read")
        user = self.env.user
        if user.has_group(GROUP_FINANCE):
            return
        if project._olopiste_is_member(user):
            return
        raise AccessError(
            self.env._(
                "Only finance and the manager and team of %(project)s can report "
                "on it.",
                project=project.display_name,
            )
        )

    @api.model
    def _in_period_domain(self, field, date_from, date_to):
        """Domain: the date `field` falls in the period, from `date_from` (or
        the beginning) to `date_to`."""
        domain = [(field, "<=", date_to)]
        if date_from:
            domain.append((field, ">=", date_from))
        return domain

    @api.model
    def _overlaps_period_domain(self, start, end, date_from, date_to):
        """Domain: what runs from the date `start` to the date `end` (none:
        still running) was under way at some time in the period."""
        domain = [(start, "<=", date_to)]
        if date_from:
            domain += ["|", (end, "=", False), (end, ">=", date_from)]
        return domain

    @api.model
    def _in_period(self, day, date_from, date_to):
        """SQL: `_in_period_domain` for an SQL expression `day`, in the
        figures the ORM cannot say."""
        return SQL(
            "(%(day)s <= %(date_to)s AND (%(date_from)s::date IS NULL "
            "OR %(day)s >= %(date_from)s::date))",
            day=day,
            date_from=date_from or None,
            date_to=date_to,
        )

    @api.model
    def _aggregate(self, model, domain, groupby=(), aggregates=("__count",)):
        """`_read_group` of `model` for the figures of one project.

        The figures are of the whole project, past record rules: callers have
        checked the project first (`_check_project_access`)."""
        # sudo: the project's access is checked; the figures count every row
        return self.env[model].sudo()._read_group(domain, groupby, aggregates)

    @api.model
    def _cases_domain(self, project, date_from, date_to):
        """The project's active cases open at some time in the period."""
        return [
            ("project_id", "=", project.id),
            ("active", "=", True),
            *self._overlaps_period_domain(
                "date_entry", "date_exit", date_from, date_to
            ),
        ]

    @api.model
    def _cases_sql(self, project, date_from, date_to):
        """SQL: the cases of `_cases_domain`, for the figures the ORM cannot
        say (first case per person, assessment changes)."""
        # sudo: as `_aggregate`; archived cases are left out by the domain
        cases = self.env["olopiste.case"].sudo().with_context(active_test=False)
        query = cases._search(self._cases_domain(project, date_from, date_to))
        return query.select(
            *(
                SQL.identifier(query.table, name)
                for name in (
                    "id",
                    "partner_id",
                    "date_entry",
                    "date_exit",
                    "age_at_entry",
                )
            )
        )

    def _fetch(self, query):
        # the figures are read in SQL: write what the ORM still holds first
        self.env.flush_all()
        self.env.cr.execute(query)
        return self.env.cr.fetchall()

    def _row(self, key, label, count, denominator=None, denominator_label="", **kw):
        row = {
            "key": key,
            "label": label,
            "count": count,
            "denominator": denominator,
            "denominator_label": denominator_label,
            "percent": None,
            "target": None,
            "target_is_percent": False,
            "unit": "",
            "level": 0,
        }
        if denominator is not None:
            row["percent"] = percentage(count, denominator)
        row.update(kw)
        return row

    @api.model
    def _describe(self, row, count=None, denominator=None, percent=None):
        """The row's result in words, e.g. “71 of 134 clients (53 %)”.

        The values default to the row's own; exports pass suppressed ones.
        """
        count = row["count"] if count is None else count
        if count is None:
            return ""
        if row["denominator"] is None:
            count = self._format_number(count, digits=2 if row.get("money") else None)
            return f"{count} {row['unit']}".strip()
        denominator = row["denominator"] if denominator is None else denominator
        percent = row["percent"] if percent is None else percent
        text = self.env._(
            "%(count)s of %(denominator)s %(label)s",
            count=self._format_number(count),
            denominator=self._format_number(denominator),
            label=row["denominator_label"],
        )
        if percent not in (None, ""):
            text = self.env._(
                "%(text)s (%(percent)s %%)",
                text=text,
                percent=self._format_number(percent),
            )
        return text

    def _format_number(self, value, digits=None):
        """A figure as the user writes numbers (5 035,5 in Finnish): whole
        numbers without decimals, others with one, or `digits`; a text (a
        suppressed cell's “<5”) as it is."""
        if isinstance(value, str):
            return value
        value = float(value)  # SQL sums come as Decimal
        if digits is None:
            digits = 0 if float(value).is_integer() else 1
        return formatLang(self.env, value, digits=digits)
