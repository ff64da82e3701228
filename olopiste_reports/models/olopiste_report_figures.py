# Copyright 2026 Olopiste contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""The figures of the dashboard and of the exports, computed in a few SQL
aggregates per run whatever the number of cases (never a query per case)."""

from decimal import ROUND_FLOOR, ROUND_HALF_UP, Decimal

from dateutil.relativedelta import relativedelta

from odoo import api, models
from odoo.exceptions import AccessError
from odoo.tools import SQL, formatLang

from odoo.addons.olopiste_case.const import GROUP_FINANCE

DAYS_PER_MONTH = Decimal("30.4375")  # 365.25 / 12
FOLLOWON_STATES = ("started", "completed")
WAGE_SUBSIDY_TYPE = "olopiste_case.followon_type_work_wage_subsidy"
UNEMPLOYED = ("unemployed", "long_term_unemployed")
# long-term unemployment (FUNDER.md §1): ESF+ guidance and the ILO definition
ESF_YOUNG_AGE = 25
ESF_YOUNG_MONTHS = 6
ESF_LONG_TERM_MONTHS = 12
ILO_LONG_TERM_MONTHS = 12
# the indicators that count special categories of personal data (GDPR art.
# 9), with the case field each reads: reported outside the organisation only
# as suppressed aggregates
SPECIAL_INDICATORS = {"EECO12": "disability", "EECO15": "minority"}
RESULT_CODES = ("EECR01", "EECR02", "EECR03", "EECR04", "EECR05", "EECR06")
# the indicator does not apply to the person (results of someone who has not
# left in the period): neither counted nor “not known”
NOT_APPLICABLE = "n/a"
# the gender breakdown of Annex I: women, men, non-binary, and not stated
GENDER_COLUMNS = ("total", "women", "men", "non_binary", "not_stated")
GENDER_BY_VALUE = {"female": "women", "male": "men", "other": "non_binary"}


def round_half_up(value, digits=0):
    """Round like the funder's reports: halves away from zero (0.5 → 1)."""
    if value is None:
        return None
    quantum = Decimal(1).scaleb(-digits)
    rounded = Decimal(str(value)).quantize(quantum, rounding=ROUND_HALF_UP)
    return int(rounded) if digits == 0 else float(rounded)


def percentage(count, denominator, digits=0):
    """count / denominator in %, rounded half up; None without a denominator."""
    if not denominator:
        return None
    exact = Decimal(str(count)) * 100 / Decimal(str(denominator))
    return round_half_up(exact, digits)


def split_largest_remainder(total, percents):
    """Split `total` (currency units) by `percents` into cents that add up to it.

    Each part is first rounded down to the cent; the cents left over go one
    each to the parts with the largest remainders (the earlier part on a tie).
    """
    total_cents = int(Decimal(str(total)).scaleb(2).quantize(1, ROUND_HALF_UP))
    exact = [Decimal(total_cents) * Decimal(str(p)) / 100 for p in percents]
    floors = [int(e.to_integral_value(rounding=ROUND_FLOOR)) for e in exact]
    left = total_cents - sum(floors)
    order = sorted(range(len(exact)), key=lambda i: (-(exact[i] - floors[i]), i))
    if sum(Decimal(str(p)) for p in percents) == 100:
        for i in order[:left]:
            floors[i] += 1
    return [Decimal(cents).scaleb(-2) for cents in floors]


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
    def _cases_sql(self, project, date_from, date_to):
        """The project's cases open at some time in the period."""
        return SQL(
            """
            SELECT c.id, c.partner_id, c.date_entry, c.date_exit, c.age_at_entry
              FROM olopiste_case c
             WHERE c.project_id = %(project)s
               AND c.active
               AND c.date_entry <= %(date_to)s
               AND (c.date_exit IS NULL OR %(date_from)s::date IS NULL
                    OR c.date_exit >= %(date_from)s::date)
            """,
            project=project.id,
            date_from=date_from or None,
            date_to=date_to,
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

    # ------------------------------------------------------------------
    # the dashboard and the funder summary

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
                       count(*) FILTER (WHERE delta >= %(threshold)s - 1e-9),
                       count(*) FILTER (WHERE delta <= -%(threshold)s + 1e-9)
                  FROM change
                """,
                cases=cases,
                date_to=date_to,
                threshold=project.capacity_threshold,
            ),
            "hours": SQL(
                """
                SELECT COALESCE(sum(a.hours), 0), count(DISTINCT a.partner_id)
                  FROM olopiste_attendance a
                 WHERE a.project_id = %(project)s
                   AND a.state = 'attended'
                   AND a.date <= %(date_to)s
                   AND (%(date_from)s::date IS NULL OR a.date >= %(date_from)s::date)
                """,
                project=project.id,
                date_from=date_from or None,
                date_to=date_to,
            ),
            "anonymous": SQL(
                """
                SELECT COALESCE(sum(e.olopiste_headcount), 0)
                  FROM calendar_event e
                 WHERE e.olopiste_project_id = %(project)s
                   AND e.active
                   AND COALESCE(e.start_date, e.start::date) <= %(date_to)s
                   AND (%(date_from)s::date IS NULL
                        OR COALESCE(e.start_date, e.start::date) >= %(date_from)s::date)
                """,
                project=project.id,
                date_from=date_from or None,
                date_to=date_to,
            ),
            "groups": SQL(
                """
                WITH cases AS (%(cases)s)
                SELECT r.target_group_id, count(DISTINCT c.partner_id)
                  FROM cases c
                  JOIN olopiste_case_target_group_rel r ON r.case_id = c.id
                 GROUP BY r.target_group_id
                """,
                cases=cases,
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
        ((hours, attendees),) = results["hours"]
        ((anonymous,),) = results["anonymous"]
        groups = dict(results["groups"])

        targets = project.target_ids
        first_target = {}
        for target in targets:
            first_target.setdefault(target.kind, target.value)
        hours = Decimal(str(hours)).quantize(Decimal("0.01"))
        hours_per_day = Decimal(str(project.hours_per_day or 7.0))
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
                    hours=self._format_number(hours_per_day),
                ),
                round_half_up(hours / hours_per_day),
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
                   AND answer.create_date::date <= %(date_to)s
                   AND (%(date_from)s::date IS NULL
                        OR answer.create_date::date >= %(date_from)s::date)
                 GROUP BY line.question_id, line.suggested_answer_id
                """,
            survey=project.survey_id.id,
            project=project.id,
            date_to=date_to,
            date_from=date_from,
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

    # ------------------------------------------------------------------
    # participants (ESF+ indicators)

    @api.model
    def _basis_start(self, basis, date_from):
        """The period's start as a `basis` reads it: none when cumulative."""
        return None if basis == "cumulative" else date_from or None

    @api.model
    def _participants_query(self, project, date_from, date_to, basis="cumulative"):
        """One row per person: the first entry's data and the last case's.

        A person who re-entered the project is one participant (FUNDER.md
        §1): entry data come from the first case, exit and follow-up data from
        the last one, a qualification from any case that ended by `date_to`.
        `basis` chooses the persons: those who first entered in the period,
        those whose last case ended in it, or everyone who entered by its end.
        The special-category answers are read here for the aggregates; the
        exports decide who sees them per person.
        """
        date_from = self._basis_start(basis, date_from)
        where = {
            "entered": SQL(
                "(%(date_from)s::date IS NULL OR f.date_entry >= %(date_from)s::date)",
                date_from=date_from,
            ),
            "left": SQL(
                "l.date_exit <= %(date_to)s AND (%(date_from)s::date IS NULL "
                "OR l.date_exit >= %(date_from)s::date)",
                date_from=date_from,
                date_to=date_to,
            ),
            "cumulative": SQL("TRUE"),
        }[basis]
        # first and last case of each person by window functions, then the
        # two cases joined by id: linear in the number of cases
        return SQL(
            """
            WITH ranked AS (
                SELECT c.id, c.partner_id, c.date_exit, c.exit_qualification,
                       row_number() OVER (PARTITION BY c.partner_id
                                          ORDER BY c.date_entry, c.id) AS rn_first,
                       row_number() OVER (PARTITION BY c.partner_id
                                          ORDER BY c.date_entry DESC, c.id DESC)
                           AS rn_last
                  FROM olopiste_case c
                 WHERE c.project_id = %(project)s
                   AND c.active
                   AND c.date_entry <= %(date_to)s
            ),
            persons AS (
                SELECT partner_id,
                       max(id) FILTER (WHERE rn_first = 1) AS first_id,
                       max(id) FILTER (WHERE rn_last = 1) AS last_id,
                       bool_or(exit_qualification AND date_exit <= %(date_to)s)
                           AS qualification
                  FROM ranked
                 GROUP BY partner_id
            )
            SELECT f.code, f.date_entry, f.labour_status, f.unemployment_months,
                   f.education_level, NULLIF(f.age_at_entry, 0), p.gender,
                   f.nationality, f.foreign_background, f.homelessness,
                   m.urbanisation, f.disability, f.minority,
                   CASE WHEN l.date_exit <= %(date_to)s THEN l.date_exit END,
                   l.exit_situation, COALESCE(persons.qualification, FALSE),
                   l.followup_date, l.followup_situation,
                   f.funder_start_date, l.funder_end_date
              FROM persons
              JOIN olopiste_case f ON f.id = persons.first_id
              JOIN olopiste_case l ON l.id = persons.last_id
              JOIN res_partner p ON p.id = persons.partner_id
              LEFT JOIN olopiste_municipality m ON m.id = p.olopiste_municipality_id
             WHERE %(where)s
             ORDER BY f.date_entry, f.code
            """,
            project=project.id,
            date_to=date_to,
            where=where,
        )

    @api.model
    def _participants(self, project, date_from, date_to, basis="cumulative"):
        """One dict per person (see `_participants_query`), with `left`: the
        last case ended in the period, so the person has results in it."""
        rows = self._fetch(self._participants_query(project, date_from, date_to, basis))
        keys = (
            "code",
            "date_entry",
            "labour_status",
            "unemployment_months",
            "education_level",
            "age",
            "gender",
            "nationality",
            "foreign_background",
            "homelessness",
            "urbanisation",
            "disability",
            "minority",
            "date_exit",
            "exit_situation",
            "exit_qualification",
            "followup_date",
            "followup_situation",
            "funder_start_date",
            "funder_end_date",
        )
        date_from = self._basis_start(basis, date_from)
        people = [dict(zip(keys, row, strict=True)) for row in rows]
        for person in people:
            exit_date = person["date_exit"]
            person["left"] = bool(
                exit_date and (not date_from or exit_date >= date_from)
            )
        return people

    @api.model
    def _is_long_term_unemployed(self, project, status, months, age):
        """EECO03 by the project's rule (FUNDER.md §1): ESF+ more than 6 months
        under 25 and more than 12 months from 25; ILO 12 months or more. The
        status “long-term unemployed” counts when the months are not known."""
        if status not in UNEMPLOYED:
            return False
        if not months:
            return status == "long_term_unemployed"
        if project.long_term_rule == "ilo":
            return months >= ILO_LONG_TERM_MONTHS
        young = age is not None and age < ESF_YOUNG_AGE
        return months > (ESF_YOUNG_MONTHS if young else ESF_LONG_TERM_MONTHS)

    @api.model
    def _followup_counts(self, project, person):
        """The six-month follow-up counts only when recorded within the
        project's window after the exit (5–7 months by default)."""
        exit_date, followup = person["date_exit"], person["followup_date"]
        if not (exit_date and followup and person["followup_situation"]):
            return False
        if person["followup_situation"] == "unknown":
            return False
        earliest = exit_date + relativedelta(months=project.followup_months_min)
        latest = exit_date + relativedelta(months=project.followup_months_max)
        return earliest <= followup <= latest

    @api.model
    def _indicators(self, project=None):
        """The 23 ESF+ common indicators of Regulation (EU) 2021/1057 Annex I:
        (code, label, special category, rule) in Annex I's order; the rules
        name the `project`'s settings."""
        project = project or self.env["olopiste.project"]
        rules = dict(project._fields["long_term_rule"]._description_selection(self.env))
        indicators = [
            (
                "EECO01",
                self.env._("Total participants"),
                self.env._(
                    "Annex I 1, FUNDER.md §1: participants whose labour-market "
                    "status at entry is known (EECO02 + EECO04 + EECO05)."
                ),
            ),
            (
                "EECO02",
                self.env._("Unemployed, incl. long-term unemployed"),
                self.env._(
                    "Annex I 1: status at entry unemployed or long-term unemployed."
                ),
            ),
            (
                "EECO03",
                self.env._("Long-term unemployed"),
                self.env._(
                    "Annex I 1, FUNDER.md §1 (long-term unemployment): by the "
                    "project's rule, %(rule)s. Without the months, the status "
                    "“long-term unemployed” counts.",
                    rule=rules.get(project.long_term_rule, ""),
                ),
            ),
            (
                "EECO04",
                self.env._("Inactive"),
                self.env._("Annex I 1: status at entry inactive."),
            ),
            (
                "EECO05",
                self.env._("Employed, incl. self-employed"),
                self.env._("Annex I 1: status at entry employed, incl. self-employed."),
            ),
            (
                "EECO06",
                self.env._("Below 18"),
                self.env._(
                    "Annex I 1: age in whole years at the first entry below 18."
                ),
            ),
            (
                "EECO07",
                self.env._("18–29"),
                self.env._("Annex I 1: age at the first entry 18–29."),
            ),
            (
                "EECO08",
                self.env._("55 and above"),
                self.env._("Annex I 1: age at the first entry 55 or more."),
            ),
            (
                "EECO09",
                self.env._("ISCED 0–2"),
                self.env._("Annex I 1: highest education before entry ISCED 0–2."),
            ),
            (
                "EECO10",
                self.env._("ISCED 3–4"),
                self.env._("Annex I 1: highest education before entry ISCED 3–4."),
            ),
            (
                "EECO11",
                self.env._("ISCED 5–8"),
                self.env._("Annex I 1: highest education before entry ISCED 5–8."),
            ),
            (
                "EECO12",
                self.env._("With disabilities"),
                self.env._(
                    "Annex I 1 and 3 (special category, art. 9 GDPR): answered "
                    "“yes” with the client's consent; reported only as an aggregate."
                ),
            ),
            (
                "EECO13",
                self.env._("Third-country nationals"),
                self.env._(
                    "Annex I 1: citizenship at entry of a country outside the EU, "
                    "or stateless (a person who is not an EU citizen)."
                ),
            ),
            (
                "EECO14",
                self.env._("Foreign background"),
                self.env._("Annex I 1: foreign background at entry answered “yes”."),
            ),
            (
                "EECO15",
                self.env._("Minorities (incl. Roma)"),
                self.env._(
                    "Annex I 1 and 3 (special category: ethnic origin): answered "
                    "“yes” with the client's consent; reported only as an aggregate."
                ),
            ),
            (
                "EECO16",
                self.env._("Homeless or in housing exclusion"),
                self.env._(
                    "Annex I 1: homelessness or housing exclusion at entry "
                    "answered “yes” (ordinary personal data)."
                ),
            ),
            (
                "EECO17",
                self.env._("Rural areas"),
                self.env._(
                    "Annex I 1: the client's municipality of residence is of the "
                    "degree of urbanisation “rural areas (thinly populated)” as a "
                    "manager recorded it; not known without a municipality or "
                    "its class."
                ),
            ),
            (
                "EECR01",
                self.env._("Job-seeking upon leaving"),
                self.env._(
                    "Annex I 2: situation on leaving (within four weeks of the "
                    "exit) job-seeking; only for participants whose last case "
                    "ended in the period."
                ),
            ),
            (
                "EECR02",
                self.env._("In education or training upon leaving"),
                self.env._("Annex I 2: situation on leaving in education or training."),
            ),
            (
                "EECR03",
                self.env._("Gained a qualification upon leaving"),
                self.env._(
                    "Annex I 2: a qualification gained in any of the person's "
                    "cases that ended by the end of the period."
                ),
            ),
            (
                "EECR04",
                self.env._("In employment upon leaving"),
                self.env._(
                    "Annex I 2: situation on leaving in work, incl. self-employed."
                ),
            ),
            (
                "EECR05",
                self.env._("In employment six months after leaving"),
                self.env._(
                    "Annex I 2: the follow-up, counted only when recorded "
                    "%(min)s–%(max)s months after the exit, found the person in "
                    "work or in an improved labour-market situation.",
                    min=project.followup_months_min,
                    max=project.followup_months_max,
                ),
            ),
            (
                "EECR06",
                self.env._("Improved labour-market situation six months after leaving"),
                self.env._(
                    "Annex I 2: the follow-up (same window) found an improved "
                    "labour-market situation of a person employed at entry."
                ),
            ),
        ]
        return [
            (code, label, code in SPECIAL_INDICATORS, rule)
            for code, label, rule in indicators
        ]

    @api.model
    def _indicator_values(self, project, person):
        """{code: 1, 0, None (not known) or NOT_APPLICABLE} of one person."""
        status = person["labour_status"]
        age = person["age"]
        education = person["education_level"]

        def flag(known, condition):
            return (1 if condition else 0) if known else None

        def answer(value):
            return (
                None
                if value in (None, False, "declined")
                else flag(True, value == "yes")
            )

        values = {
            "EECO01": flag(status, True),
            "EECO02": flag(status, status in UNEMPLOYED),
            "EECO03": flag(
                status,
                self._is_long_term_unemployed(
                    project, status, person["unemployment_months"], age
                ),
            ),
            "EECO04": flag(status, status == "inactive"),
            "EECO05": flag(status, status == "employed"),
            "EECO06": flag(age is not None, age is not None and age < 18),
            "EECO07": flag(age is not None, age is not None and 18 <= age < 30),
            "EECO08": flag(age is not None, age is not None and age >= 55),
            "EECO09": flag(education, education == "isced_0_2"),
            "EECO10": flag(education, education == "isced_3_4"),
            "EECO11": flag(education, education == "isced_5_8"),
            "EECO12": answer(person[SPECIAL_INDICATORS["EECO12"]]),
            "EECO13": flag(
                person["nationality"],
                person["nationality"] in ("third_country", "stateless"),
            ),
            "EECO14": answer(person["foreign_background"]),
            "EECO15": answer(person[SPECIAL_INDICATORS["EECO15"]]),
            "EECO16": answer(person["homelessness"]),
            "EECO17": flag(person["urbanisation"], person["urbanisation"] == "rural"),
        }
        if not person["left"]:
            values.update(dict.fromkeys(RESULT_CODES, NOT_APPLICABLE))
            return values
        exit_situation = person["exit_situation"]
        known_exit = exit_situation not in (None, False, "unknown")
        followup = (
            person["followup_situation"]
            if self._followup_counts(project, person)
            else None
        )
        values.update(
            {
                "EECR01": flag(known_exit, exit_situation == "job_seeking"),
                "EECR02": flag(known_exit, exit_situation == "education"),
                "EECR03": 1 if person["exit_qualification"] else 0,
                "EECR04": flag(known_exit, exit_situation == "employed"),
                "EECR05": flag(followup, followup in ("employed", "improved")),
                "EECR06": flag(followup, followup == "improved"),
            }
        )
        return values

    @api.model
    def _indicator_table(self, project, people):
        """{row key: {column: count}} of the ESF+ indicators by gender.

        Rows: "participants", "left" and each indicator code; columns: each
        of GENDER_COLUMNS (“total” first) and, for the indicators, "unknown":
        the participants the indicator applies to whose value is not known.
        """
        table = {
            key: dict.fromkeys((*GENDER_COLUMNS, "unknown"), 0)
            for key in (
                "participants",
                "left",
                *(c for c, *_r in self._indicators(project)),
            )
        }
        for person in people:
            column = GENDER_BY_VALUE.get(person["gender"], "not_stated")
            rows = [("participants", 1)]
            if person["left"]:
                rows.append(("left", 1))
            for code, value in self._indicator_values(project, person).items():
                if value is None:
                    table[code]["unknown"] += 1
                elif value is not NOT_APPLICABLE:
                    rows.append((code, value))
            for key, value in rows:
                table[key]["total"] += value
                table[key][column] += value
        return table

    # ------------------------------------------------------------------
    # hours

    @api.model
    def _hours_query(self, project, date_from, date_to):
        return SQL(
            """
                SELECT date_trunc('month', a.date)::date, a.kind,
                       sum(a.hours), count(*), count(DISTINCT a.partner_id)
                  FROM olopiste_attendance a
                 WHERE a.project_id = %(project)s
                   AND a.state = 'attended'
                   AND a.date <= %(date_to)s
                   AND (%(date_from)s::date IS NULL OR a.date >= %(date_from)s::date)
                 GROUP BY 1, 2
                 ORDER BY 1, 2
                """,
            project=project.id,
            date_from=date_from or None,
            date_to=date_to,
        )

    @api.model
    def _hours(self, project, date_from, date_to):
        """(month, kind, hours, attendances, persons) rows, by month and kind."""
        return self._fetch(self._hours_query(project, date_from, date_to))

    # ------------------------------------------------------------------
    # costs

    @api.model
    def _costs_query(self, project, date_from, date_to):
        """(category id or None, cost) of the project's analytic account.

        Costs are analytic amounts with the sign turned (expenses are negative
        in analytic accounting).
        """
        account = project.analytic_account_id
        # sudo: finance reads the plan only to know the account's column
        column = account.sudo().root_plan_id._column_name()
        return SQL(
            """
                    SELECT l.olopiste_cost_category_id, -sum(l.amount)
                      FROM account_analytic_line l
                     WHERE %(column)s = %(account)s
                       AND l.date <= %(date_to)s
                       AND (%(date_from)s::date IS NULL
                            OR l.date >= %(date_from)s::date)
                     GROUP BY 1
                    """,
            column=SQL.identifier("l", column),
            account=account.id,
            date_from=date_from or None,
            date_to=date_to,
        )

    @api.model
    def _costs_by_category(self, project, date_from, date_to):
        """{category id or None: cost} of the project's analytic account."""
        if not project.analytic_account_id:
            return {}
        return {
            category: Decimal(str(cost)).quantize(Decimal("0.01"))
            for category, cost in self._fetch(
                self._costs_query(project, date_from, date_to)
            )
        }

    @api.model
    def _finance(self, project, date_from, date_to):
        costs = self._costs_by_category(project, date_from, date_to)
        categories = self.env["olopiste.cost.category"].with_context(active_test=False)
        categories = categories.browse([c for c in costs if c]).sorted()
        staff = sum(
            (costs[c.id] for c in categories if c.kind == "staff"), Decimal("0.00")
        )
        other = sum(
            (costs[c.id] for c in categories if c.kind == "other"), Decimal("0.00")
        )
        eligible = self._eligible_costs(project, staff, other)
        total = eligible["total"]
        shares = project.financing_ids
        amounts = split_largest_remainder(total, shares.mapped("percent"))
        return {
            "categories": [(c, costs[c.id]) for c in categories],
            "uncategorised": costs.get(None, Decimal("0.00")),
            "staff": staff,
            "other": other,
            **eligible,
            "shares": list(zip(shares, amounts, strict=True)),
        }

    @api.model
    def _eligible_costs(self, project, staff, other):
        """The eligible costs by the project's cost model (FUNDER.md §4):
        {"flat", "other_claimed", "other_not_claimable", "total"}.

        Actual costs + flat rate for indirect costs: staff + other + rate ×
        staff (ESF 2014–2020: 17 %). Flat rate for all other costs: staff +
        rate × staff, other direct costs not claimable (ESF+ 2021–2027: 40 %,
        CPR 2021/1060 art. 56). Actual costs only: staff + other.
        """
        model = project.cost_model
        flat = Decimal("0.00")
        if model in ("indirect_flat_rate", "all_other_flat_rate"):
            flat = Decimal(
                str(round_half_up(staff * Decimal(str(project.flat_rate)) / 100, 2))
            )
        claimed = Decimal("0.00") if model == "all_other_flat_rate" else other
        return {
            "flat": flat,
            "other_claimed": claimed,
            "other_not_claimable": other - claimed,
            "total": staff + claimed + flat,
        }

    @api.model
    def _wage_subsidy_people_query(self, project, date_from, date_to):
        """How many people were employed with the wage subsidy in the period."""
        wage_type = self.env.ref(WAGE_SUBSIDY_TYPE, raise_if_not_found=False)
        return SQL(
            """
                SELECT count(DISTINCT r.partner_id)
                  FROM olopiste_referral r
                 WHERE r.project_id = %(project)s
                   AND r.direction = 'out'
                   AND r.followon_type_id = %(type)s
                   AND r.state IN %(states)s
                   AND r.date_started <= %(date_to)s
                   AND (%(date_from)s::date IS NULL OR r.date_end IS NULL
                        OR r.date_end >= %(date_from)s::date)
                """,
            project=project.id,
            type=wage_type.id if wage_type else None,
            states=FOLLOWON_STATES,
            date_from=date_from or None,
            date_to=date_to,
        )

    @api.model
    def _wage_subsidy(self, project, date_from, date_to):
        costs = self._costs_by_category(project, date_from, date_to)
        categories = (
            self.env["olopiste.cost.category"]
            .with_context(active_test=False)
            .browse([c for c in costs if c])
        )
        used = sum((costs[c.id] for c in categories if c.wage_subsidy), Decimal("0.00"))
        ((people,),) = self._fetch(
            self._wage_subsidy_people_query(project, date_from, date_to)
        )
        appropriation = Decimal(str(project.wage_subsidy_amount or 0)).quantize(
            Decimal("0.01")
        )
        return {
            "appropriation": appropriation,
            "used": used,
            "left": appropriation - used,
            "share_used": percentage(used, appropriation, 1),
            "people": people,
        }

    # ------------------------------------------------------------------

    @api.model
    def _report_queries(self, report, project, date_from, date_to):
        """The SQL aggregates a report needs, bare (e.g. to compare against)."""
        if report in ("dashboard", "funder_summary"):
            return list(self._dashboard_queries(project, date_to, date_from).values())
        if report == "participants":
            return [self._participants_query(project, date_from, date_to)]
        if report == "hours":
            return [self._hours_query(project, date_from, date_to)]
        costs = (
            [self._costs_query(project, date_from, date_to)]
            if project.analytic_account_id
            else []
        )
        if report == "finance":
            return costs
        if report == "wage_subsidy":
            return costs + [
                self._wage_subsidy_people_query(project, date_from, date_to)
            ]
        raise ValueError(report)
