# Copyright 2026 Olopiste contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from decimal import Decimal

from dateutil.relativedelta import relativedelta

from odoo import api, models
from odoo.tools import SQL

from odoo.addons.olopiste_case.const import SCORE_TOLERANCE

from ..tools.rounding import round_half_up, to_cents
from .olopiste_report_figures import FOLLOWON_STATES

DAYS_PER_MONTH = Decimal("30.4375")  # 365.25 / 12


class OlopisteReportFigures(models.AbstractModel):
    """The dashboard and the funder summary: the project's results against its
    targets."""

    # one file a report, on the one figures model (olopiste_report_figures.py)
    _inherit = "olopiste.report.figures"  # pylint: disable=consider-merging-classes-inherited

    @api.model
    def _dashboard_queries(self, project, date_to, date_from=None):
        """The SQL aggregates the dashboard needs, by name: everything it reads
        of cases, attendance, referrals, assessments and activities."""
        cases = self._cases_sql(project, date_from, date_to)
        queries = {
            "persons": SQL(
                """
                WITH cases AS (%(cases)s),
                first_entry AS (
                    SELECT DISTINCT ON (c.partner_id)
                           c.partner_id, c.date_entry, p.gender,
                           NULLIF(c.age_at_entry, 0) AS age_at_entry
                      FROM cases c JOIN res_partner p ON p.id = c.partner_id
                     ORDER BY c.partner_id, c.date_entry, c.id
                )
                SELECT count(*),
                       count(*) FILTER (WHERE gender = 'female'),
                       count(age_at_entry),
                       avg(age_at_entry),
                       (SELECT avg(GREATEST(LEAST(COALESCE(date_exit, %(until)s),
                                                  %(until)s) - date_entry, 0))
                          FROM cases),
                       (SELECT count(*) FROM cases)
                  FROM first_entry
                """,
                cases=cases,
                until=project._period_end(date_to),
            ),
            "followon": SQL(
                """
                WITH cases AS (%(cases)s)
                SELECT t.category, count(DISTINCT c.partner_id)
                  FROM cases c
                  JOIN olopiste_referral r ON r.case_id = c.id
                  JOIN olopiste_followon_type t ON t.id = r.followon_type_id
                 WHERE r.direction = 'out'
                   AND t.counts_as_followon
                   AND r.state IN %(states)s
                   AND COALESCE(r.date_started, r.date_planned) <= %(date_to)s
                 GROUP BY ROLLUP(t.category)
                """,
                cases=cases,
                states=FOLLOWON_STATES,
                date_to=date_to,
            ),
            "capacity": SQL(
                """
                WITH cases AS (%(cases)s),
                ranked AS (
                    SELECT a.case_id, a.score_total,
                           row_number() OVER (PARTITION BY a.case_id
                                              ORDER BY a.date, a.id) AS rn_first,
                           row_number() OVER (PARTITION BY a.case_id
                                              ORDER BY a.date DESC, a.id DESC) AS rn_last
                      FROM olopiste_assessment a
                      JOIN cases c ON c.id = a.case_id
                     WHERE a.date <= %(date_to)s
                ),
                change AS (
                    SELECT case_id,
                           max(score_total) FILTER (WHERE rn_last = 1)
                           - max(score_total) FILTER (WHERE rn_first = 1) AS delta
                      FROM ranked
                     GROUP BY case_id
                    HAVING count(*) >= 2
                )
                SELECT count(*),
                       count(*) FILTER (WHERE delta >= %(threshold)s - %(tolerance)s),
                       count(*) FILTER (WHERE delta <= -%(threshold)s + %(tolerance)s)
                  FROM change
                """,
                cases=cases,
                date_to=date_to,
                threshold=project.capacity_threshold,
                tolerance=SCORE_TOLERANCE,
            ),
        }
        if project.survey_id:
            queries["feedback"] = self._feedback_query(project, date_to, date_from)
        return queries

    @api.model
    def _dashboard(self, project, date_to, date_from=None):
        """The project's results from `date_from` (or its start) to `date_to`."""
        results = {
            name: self._fetch(query)
            for name, query in self._dashboard_queries(
                project, date_to, date_from
            ).items()
        }
        (persons,) = results["persons"]
        clients, women, with_birthdate, avg_age, avg_days, case_count = persons
        followon = dict(results["followon"])
        on_path = followon.pop(None, 0)
        ((assessed, improved, worse),) = results["capacity"]
        ((hours, attendees),) = self._aggregate(
            "olopiste.attendance",
            self._attended_domain(project, date_from, date_to),
            aggregates=["hours:sum", "partner_id:count_distinct"],
        )
        ((anonymous,),) = self._aggregate(
            "calendar.event",
            [
                ("olopiste_project_id", "=", project.id),
                ("active", "=", True),
                # a date against the start's datetime: the whole day (the ORM's
                # rule for dates compared with datetimes)
                *self._in_period_domain("start", date_from, date_to),
            ],
            aggregates=["olopiste_headcount:sum"],
        )
        groups = {
            group.id: persons
            for group, persons in self._aggregate(
                "olopiste.case",
                self._cases_domain(project, date_from, date_to),
                ["target_group_ids"],
                ["partner_id:count_distinct"],
            )
            if group
        }

        targets = project.target_ids
        first_target = {}
        for target in targets:
            first_target.setdefault(target.kind, target.value)
        hours = to_cents(hours or 0)
        anonymous = anonymous or 0
        categories = dict(
            self.env["olopiste.followon.type"]
            ._fields["category"]
            ._description_selection(self.env)
        )
        clients_label = self.env._("clients")
        rows = [
            self._row(
                "clients",
                self.env._("Clients"),
                clients,
                target=first_target.get("clients"),
            ),
            self._row(
                "followon",
                self.env._("On a follow-on path"),
                on_path,
                clients,
                clients_label,
                denominator_key="clients",
                target=first_target.get("followon_rate"),
                target_is_percent=True,
            ),
        ]
        for category, label in categories.items():
            if followon.get(category):
                rows.append(
                    self._row(
                        f"followon_{category}",
                        label,
                        followon[category],
                        on_path,
                        self.env._("clients on a follow-on path"),
                        level=1,
                        part_of="followon",
                    )
                )
        assessed_label = self.env._("clients with two or more self-assessments")
        rows += [
            self._row(
                "capacity_improved",
                self.env._("Work ability self-assessment: improved"),
                improved,
                assessed,
                assessed_label,
                target=first_target.get("capacity_rate"),
                target_is_percent=True,
                part_of="capacity",
            ),
            self._row(
                "capacity_unchanged",
                self.env._("Work ability self-assessment: unchanged"),
                assessed - improved - worse,
                assessed,
                assessed_label,
                part_of="capacity",
            ),
            self._row(
                "capacity_worse",
                self.env._("Work ability self-assessment: worse"),
                worse,
                assessed,
                assessed_label,
                part_of="capacity",
            ),
            self._row(
                "hours",
                self.env._("Participation hours"),
                float(hours),
                unit=self.env._("h"),
            ),
            self._row(
                "person_days",
                self.env._(
                    "Person-days (%(hours)s h)",
                    hours=self._format_number(self._hours_per_day(project)),
                ),
                self._person_days(project, hours),
                unit=self.env._("days"),
            ),
            self._row(
                "client_period",
                self.env._("Average client period"),
                round_half_up(Decimal(str(avg_days)) / DAYS_PER_MONTH)
                if avg_days is not None
                else None,
                unit=self.env._("months"),
                basis=case_count,
            ),
            self._row(
                "age",
                self.env._("Average age at entry"),
                round_half_up(avg_age) if avg_age is not None else None,
                unit=self.env._("years"),
                basis=with_birthdate,
            ),
            self._row(
                "women",
                self.env._("Women"),
                women,
                clients,
                clients_label,
                denominator_key="clients",
            ),
            self._row("registered", self.env._("Registered clients"), clients),
            self._row(
                "took_part",
                self.env._("Took part (named and anonymous)"),
                attendees + anonymous,
                named=attendees,
                anonymous=anonymous,
            ),
        ]
        for target in targets.filtered(lambda t: t.kind == "target_group_share"):
            rows.append(
                self._row(
                    f"target_group_{target.target_group_id.id}",
                    self.env._(
                        "Target group: %(group)s",
                        group=target.target_group_id.display_name,
                    ),
                    groups.get(target.target_group_id.id, 0),
                    clients,
                    clients_label,
                    denominator_key="clients",
                    target=target.value,
                    target_is_percent=True,
                    special=True,
                )
            )
        rows += self._feedback_rows(project, results.get("feedback", []))
        if project.analytic_account_id:
            rows.append(self._eligible_costs_row(project, date_from, date_to))
        for target in targets.filtered(lambda t: t.kind == "other"):
            rows.append(
                self._row(
                    f"target_{target.id}",
                    target.name or target._kind_label(),
                    None,
                    target=target.value,
                )
            )
        return rows

    @api.model
    def _clients_by_month(self, project, date_to):
        """The clients the dashboard counts, summed up month by month from
        the project's start to `date_to` (or its end, if earlier): a list of
        (first day of the month, clients by the month's end)."""
        entries = dict(
            self._fetch(
                SQL(
                    """
                    WITH cases AS (%(cases)s),
                    first_entry AS (
                        SELECT partner_id, min(date_entry) AS date_entry
                          FROM cases
                         GROUP BY partner_id
                    )
                    SELECT date_trunc('month', date_entry)::date, count(*)
                      FROM first_entry
                     GROUP BY 1
                    """,
                    cases=self._cases_sql(project, None, date_to),
                )
            )
        )
        start = project.date_start or min(entries, default=None)
        if not start:
            return []
        month = start.replace(day=1)
        last = project._period_end(date_to)
        clients = sum(count for day, count in entries.items() if day < month)
        months = []
        while month <= last:
            clients += entries.get(month, 0)
            months.append((month, clients))
            month += relativedelta(months=1)
        return months

    @api.model
    def _eligible_costs_row(self, project, date_from, date_to):
        """The eligible costs of the period by the project's cost model."""
        finance = self._finance(project, date_from, date_to)
        models_ = dict(project._fields["cost_model"]._description_selection(self.env))
        return self._row(
            "eligible_costs",
            self.env._(
                "Eligible costs (%(model)s)", model=models_.get(project.cost_model)
            ),
            float(finance["total"]),
            unit="€",
            money=True,
        )

    @api.model
    def _feedback_query(self, project, date_to, date_from=None):
        """(question, choice, answers) of the project's feedback survey."""
        return SQL(
            """
                SELECT line.question_id, line.suggested_answer_id,
                       count(DISTINCT answer.id)
                  FROM survey_user_input answer
                  JOIN olopiste_case c ON c.id = answer.olopiste_case_id
                  JOIN survey_user_input_line line ON line.user_input_id = answer.id
                 WHERE answer.survey_id = %(survey)s
                   AND answer.state = 'done'
                   AND c.project_id = %(project)s
                   AND line.suggested_answer_id IS NOT NULL
                   AND %(in_period)s
                 GROUP BY line.question_id, line.suggested_answer_id
                """,
            survey=project.survey_id.id,
            project=project.id,
            in_period=self._in_period(
                SQL("answer.create_date::date"), date_from, date_to
            ),
        )

    @api.model
    def _feedback_rows(self, project, counts):
        """Answers to the project's feedback survey, per choice of each question."""
        survey = project.survey_id
        if not survey:
            return []
        by_answer = {answer_id: count for _question, answer_id, count in counts}
        rows = []
        label = self.env._("answers")
        for question in survey.question_ids.filtered("suggested_answer_ids"):
            answers = question.suggested_answer_ids
            total = sum(by_answer.get(a.id, 0) for a in answers)
            for answer in answers:
                rows.append(
                    self._row(
                        f"feedback_{answer.id}",
                        self.env._(
                            "Feedback: %(question)s – %(answer)s",
                            question=question.title,
                            answer=answer.value,
                        ),
                        by_answer.get(answer.id, 0),
                        total,
                        label,
                        part_of=f"feedback_{question.id}",
                    )
                )
        return rows
