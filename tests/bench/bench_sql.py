# Copyright 2026 Olopiste contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""The bench's two SQL baselines of each report.

- The report's own SQL: the read queries (SELECT, WITH) a report executes in
  one run, recorded as they are sent (`recorded_reads`) and replayed by
  themselves (`replay`): whatever methods build them, the difference to the
  report's time is its Python.
- The best hand-written SQL: each report's figures in the fewest queries we
  could write, independently of the product's queries (`best_*`). Each
  returns its figures in the shape the product's figures methods return them,
  so that the bench can assert they are equal.
"""

import contextlib
import threading

READ_STATEMENTS = ("SELECT", "WITH")
GENDER_COLUMNS = ("total", "women", "men", "non_binary", "not_stated")
FOLLOWON_STATES = ("started", "completed")


@contextlib.contextmanager
def recorded_reads():
    """The read queries executed in the block, as a list of (query, params),
    through the query hooks of Odoo's cursor (as its profiler does)."""
    queries = []

    def hook(_cr, query, params, _start, _delay):
        if query.lstrip().lstrip("(").upper().startswith(READ_STATEMENTS):
            queries.append((query, params))

    thread = threading.current_thread()
    hooks = getattr(thread, "query_hooks", ())
    thread.query_hooks = (*hooks, hook)
    try:
        yield queries
    finally:
        thread.query_hooks = hooks


def replay(cr, queries):
    """An operation running `queries` bare on psycopg2's cursor."""
    raw = cr._obj

    def operation():
        for query, params in queries:
            raw.execute(query, params)
            raw.fetchall()

    return operation


# queries run by the best SQL, for the bench's query counts
executed = [0]


def _fetch(cr, query, params):
    executed[0] += 1
    cr._obj.execute(query, params)
    return cr._obj.fetchall()


def _period(project, date_from, date_to):
    return {
        "project": project.id,
        "date_from": date_from or None,
        "date_to": date_to,
        # an open case's days are counted to the as-of date, at most the end
        "until": min(date_to, project.date_end) if project.date_end else date_to,
    }


# the cases open at some time in the period, and each person's first one
CASES = """
    cases AS (
        SELECT id, partner_id, date_entry, date_exit, age_at_entry
          FROM olopiste_case
         WHERE project_id = %(project)s AND active
           AND date_entry <= %(date_to)s
           AND (%(date_from)s::date IS NULL OR date_exit IS NULL
                OR date_exit >= %(date_from)s::date)
    )"""

DASHBOARD = f"""
WITH {CASES},
people AS (
    SELECT DISTINCT ON (c.partner_id) c.partner_id, p.gender,
           NULLIF(c.age_at_entry, 0) AS age, c.date_entry AS first_entry
      FROM cases c JOIN res_partner p ON p.id = c.partner_id
     ORDER BY c.partner_id, c.date_entry, c.id
),
followon AS (
    SELECT t.category, c.partner_id
      FROM olopiste_referral r
      JOIN cases c ON c.id = r.case_id
      JOIN olopiste_followon_type t ON t.id = r.followon_type_id
     WHERE r.direction = 'out' AND t.counts_as_followon
       AND r.state IN %(states)s
       AND COALESCE(r.date_started, r.date_planned) <= %(date_to)s
),
change AS (
    SELECT last_score - first_score AS delta
      FROM (SELECT first_value(a.score_total) OVER whole AS first_score,
                   last_value(a.score_total) OVER whole AS last_score,
                   count(*) OVER whole AS assessments,
                   row_number() OVER whole AS position
              FROM olopiste_assessment a
              JOIN cases c ON c.id = a.case_id
             WHERE a.date <= %(date_to)s
            WINDOW whole AS (PARTITION BY a.case_id ORDER BY a.date, a.id
                             ROWS BETWEEN UNBOUNDED PRECEDING
                                      AND UNBOUNDED FOLLOWING)) ranked
     WHERE position = 1 AND assessments >= 2
)
SELECT *
  FROM (SELECT count(*), count(*) FILTER (WHERE gender = 'female'), count(age),
               avg(age)
          FROM people) persons,
       (SELECT avg(GREATEST(LEAST(COALESCE(date_exit, %(until)s), %(until)s)
                            - date_entry, 0)), count(*)
          FROM cases) periods,
       (SELECT count(DISTINCT partner_id) FROM followon) on_path,
       (SELECT json_object_agg(category, n) FROM (
            SELECT category, count(DISTINCT partner_id) AS n
              FROM followon GROUP BY category) f) followon_categories,
       (SELECT count(*), count(*) FILTER (WHERE delta >= %(threshold)s - 1e-9),
               count(*) FILTER (WHERE delta <= -%(threshold)s + 1e-9)
          FROM change) capacity,
       (SELECT json_build_array(COALESCE(sum(hours), 0),
                                count(DISTINCT partner_id))
          FROM olopiste_attendance
         WHERE project_id = %(project)s AND state = 'attended'
           AND date <= %(date_to)s
           AND (%(date_from)s::date IS NULL
                OR date >= %(date_from)s::date)) hours,
       (SELECT COALESCE(sum(olopiste_headcount), 0)
          FROM calendar_event
         WHERE olopiste_project_id = %(project)s AND active
           AND COALESCE(start_date, start::date) <= %(date_to)s
           AND (%(date_from)s::date IS NULL
                OR COALESCE(start_date, start::date) >= %(date_from)s::date)) anonymous,
       (SELECT json_object_agg(target_group_id, n) FROM (
            SELECT g.target_group_id, count(DISTINCT c.partner_id) AS n
              FROM olopiste_case_target_group_rel g
              JOIN cases c ON c.id = g.case_id
             GROUP BY g.target_group_id) g) target_groups,
       (SELECT %(months)s) months
"""
# the clients by the month of their first entry, for the dashboard's chart
MONTHS = """json_object_agg(month, n) FROM (
            SELECT to_char(first_entry, 'YYYY-MM') AS month, count(*) AS n
              FROM people GROUP BY 1) m"""

FEEDBACK = """
SELECT l.suggested_answer_id, count(DISTINCT u.id)
  FROM survey_user_input u
  JOIN olopiste_case c ON c.id = u.olopiste_case_id
  JOIN survey_user_input_line l ON l.user_input_id = u.id
 WHERE u.survey_id = %(survey)s AND u.state = 'done'
   AND c.project_id = %(project)s AND l.suggested_answer_id IS NOT NULL
   AND u.create_date::date <= %(date_to)s
   AND (%(date_from)s::date IS NULL OR u.create_date::date >= %(date_from)s::date)
 GROUP BY 1
"""


def _costs_sql(project):
    """The costs of the project's analytic account by category, with the
    category's kind and wage-subsidy flag; None without an account."""
    account = project.analytic_account_id
    if not account:
        return None
    # sudo: only the name of the plan's column is read, as the report does
    column = account.sudo().root_plan_id._column_name()
    return f"""
        SELECT l.olopiste_cost_category_id, k.kind, k.wage_subsidy,
               -sum(l.amount) AS cost
          FROM account_analytic_line l
          LEFT JOIN olopiste_cost_category k ON k.id = l.olopiste_cost_category_id
         WHERE l.{column} = {int(account.id)}
           AND l.date <= %(date_to)s
           AND (%(date_from)s::date IS NULL OR l.date >= %(date_from)s::date)
         GROUP BY 1, 2, 3
    """


def _dashboard_figures(cr, project, date_from, date_to, months):
    params = dict(
        _period(project, date_from, date_to),
        states=FOLLOWON_STATES,
        threshold=project.capacity_threshold,
    )
    query = DASHBOARD.replace("%(months)s", MONTHS if months else "NULL")
    (row,) = _fetch(cr, query, params)
    (
        clients,
        women,
        with_age,
        avg_age,
        avg_days,
        cases,
        on_path,
        categories,
        assessed,
        improved,
        worse,
        (hours, attendees),
        anonymous,
        groups,
        by_month,
    ) = row
    figures = {
        "clients": clients,
        "women": women,
        "with_age": with_age,
        "avg_age": avg_age,
        "avg_days": avg_days,
        "cases": cases,
        "on_path": on_path,
        "followon": categories or {},
        "assessed": assessed,
        "improved": improved,
        "worse": worse,
        "hours": hours,
        "attendees": attendees,
        "anonymous": anonymous,
        "groups": {int(k): v for k, v in (groups or {}).items()},
        "months": by_month or {},
        "feedback": {},
    }
    if project.survey_id:
        figures["feedback"] = dict(
            _fetch(cr, FEEDBACK, dict(params, survey=project.survey_id.id))
        )
    return figures


def best_costs(cr, project, date_from, date_to):
    """[(category id or None, kind, wage subsidy, cost)] of the period."""
    query = _costs_sql(project)
    if not query:
        return []
    return _fetch(cr, query, {"date_from": date_from or None, "date_to": date_to})


def best_dashboard(cr, project, date_from, date_to, months=True):
    """The dashboard's figures in one query (one more with a feedback survey,
    one for the costs of the eligible-costs row)."""
    figures = _dashboard_figures(cr, project, date_from, date_to, months)
    figures["costs"] = best_costs(cr, project, date_from, date_to)
    return figures


# each person's first case (entry data) and last case (exit and follow-up),
# a qualification from any case ended by the period's end: one sort of the
# project's cases, then both cases read by id
PEOPLE = """
WITH persons AS (
    SELECT DISTINCT ON (partner_id) partner_id,
           first_value(id) OVER whole AS first_id,
           last_value(id) OVER whole AS last_id,
           bool_or(exit_qualification AND date_exit <= %(date_to)s)
               OVER whole AS qualification
      FROM olopiste_case
     WHERE project_id = %(project)s AND active AND date_entry <= %(date_to)s
    WINDOW whole AS (PARTITION BY partner_id ORDER BY date_entry, id
                     ROWS BETWEEN UNBOUNDED PRECEDING AND UNBOUNDED FOLLOWING)
     ORDER BY partner_id
),
people AS (
    SELECT f.code, f.date_entry, f.labour_status, f.unemployment_months,
           f.education_level, NULLIF(f.age_at_entry, 0) AS age, p.gender,
           f.nationality, f.foreign_background, f.homelessness, m.urbanisation,
           f.disability, f.minority,
           CASE WHEN l.date_exit <= %(date_to)s THEN l.date_exit END AS date_exit,
           l.exit_situation, COALESCE(persons.qualification, FALSE) AS qualification,
           l.followup_date, l.followup_situation, f.funder_start_date,
           l.funder_end_date
      FROM persons
      JOIN olopiste_case f ON f.id = persons.first_id
      JOIN olopiste_case l ON l.id = persons.last_id
      JOIN res_partner p ON p.id = persons.partner_id
      LEFT JOIN olopiste_municipality m ON m.id = p.olopiste_municipality_id
     WHERE {basis}
)
"""
BASIS = {
    "entered": "(%(date_from)s::date IS NULL OR f.date_entry >= %(date_from)s::date)",
    "left": "(l.date_exit <= %(date_to)s AND (%(date_from)s::date IS NULL "
    "OR l.date_exit >= %(date_from)s::date))",
    "cumulative": "TRUE",
}
PARTICIPANTS = "SELECT * FROM people ORDER BY date_entry, code"

UNEMPLOYED = "labour_status IN ('unemployed', 'long_term_unemployed')"
LEFT = (
    "(date_exit IS NOT NULL AND (%(date_from)s::date IS NULL "
    "OR date_exit >= %(date_from)s::date))"
)
FOLLOWUP = (
    "(followup_date IS NOT NULL AND followup_situation <> 'unknown' "
    "AND followup_date BETWEEN date_exit + make_interval(months => %(min)s) "
    "AND date_exit + make_interval(months => %(max)s))"
)
EXIT = "exit_situation <> 'unknown'"


def _answer(column):
    return f"{column} <> 'declined'", f"{column} = 'yes'"


# code: (known, counted as 1), both SQL over `people`; results apply to those
# who left in the period
INDICATORS = {
    "EECO01": ("labour_status IS NOT NULL", "TRUE"),
    "EECO02": ("labour_status IS NOT NULL", UNEMPLOYED),
    "EECO03": (
        "labour_status IS NOT NULL",
        f"{UNEMPLOYED} AND CASE"
        " WHEN COALESCE(unemployment_months, 0) = 0"
        " THEN labour_status = 'long_term_unemployed'"
        " WHEN %(ilo)s THEN unemployment_months >= 12"
        " WHEN age < 25 THEN unemployment_months > 6"
        " ELSE unemployment_months > 12 END",
    ),
    "EECO04": ("labour_status IS NOT NULL", "labour_status = 'inactive'"),
    "EECO05": ("labour_status IS NOT NULL", "labour_status = 'employed'"),
    "EECO06": ("age IS NOT NULL", "age < 18"),
    "EECO07": ("age IS NOT NULL", "age BETWEEN 18 AND 29"),
    "EECO08": ("age IS NOT NULL", "age >= 55"),
    "EECO09": ("education_level IS NOT NULL", "education_level = 'isced_0_2'"),
    "EECO10": ("education_level IS NOT NULL", "education_level = 'isced_3_4'"),
    "EECO11": ("education_level IS NOT NULL", "education_level = 'isced_5_8'"),
    "EECO12": _answer("disability"),
    "EECO13": (
        "nationality IS NOT NULL",
        "nationality IN ('third_country', 'stateless')",
    ),
    "EECO14": _answer("foreign_background"),
    "EECO15": _answer("minority"),
    "EECO16": _answer("homelessness"),
    "EECO17": ("urbanisation IS NOT NULL", "urbanisation = 'rural'"),
    "EECR01": (EXIT, "exit_situation = 'job_seeking'"),
    "EECR02": (EXIT, "exit_situation = 'education'"),
    "EECR03": ("TRUE", "qualification"),
    "EECR04": (EXIT, "exit_situation = 'employed'"),
    "EECR05": (FOLLOWUP, "followup_situation IN ('employed', 'improved')"),
    "EECR06": (FOLLOWUP, "followup_situation = 'improved'"),
}


def _indicators_sql():
    columns = ["count(*)", f"count(*) FILTER (WHERE {LEFT})"]
    for code, (known, counted) in INDICATORS.items():
        applies = LEFT if code.startswith("EECR") else "TRUE"
        columns += [
            f"count(*) FILTER (WHERE {applies} AND COALESCE({known}, FALSE) "
            f"AND ({counted}))",
            f"count(*) FILTER (WHERE {applies} AND NOT COALESCE({known}, FALSE))",
        ]
    return (
        "SELECT CASE gender WHEN 'female' THEN 'women' WHEN 'male' THEN 'men' "
        "WHEN 'other' THEN 'non_binary' ELSE 'not_stated' END, "
        + ", ".join(columns)
        + " FROM people GROUP BY 1"
    )


INDICATOR_TABLE = _indicators_sql()


def _people_params(project, date_from, date_to, basis):
    return {
        "project": project.id,
        "date_from": None if basis == "cumulative" else date_from or None,
        "date_to": date_to,
        "ilo": project.long_term_rule == "ilo",
        "min": project.followup_months_min,
        "max": project.followup_months_max,
    }


def best_participants(cr, project, date_from, date_to, basis):
    """The participant rows, as tuples in the product's order of columns."""
    query = PEOPLE.format(basis=BASIS[basis]) + PARTICIPANTS
    return _fetch(cr, query, _people_params(project, date_from, date_to, basis))


def best_indicator_table(cr, project, date_from, date_to, basis):
    """{row key: {column: count}} of the ESF+ indicators by gender."""
    query = PEOPLE.format(basis=BASIS[basis]) + INDICATOR_TABLE
    keys = ("participants", "left", *INDICATORS)
    table = {key: dict.fromkeys((*GENDER_COLUMNS, "unknown"), 0) for key in keys}
    params = _people_params(project, date_from, date_to, basis)
    for gender, *counts in _fetch(cr, query, params):
        table["participants"]["total"] += counts[0]
        table["participants"][gender] += counts[0]
        table["left"]["total"] += counts[1]
        table["left"][gender] += counts[1]
        for index, code in enumerate(INDICATORS):
            counted, unknown = counts[2 + 2 * index : 4 + 2 * index]
            table[code]["total"] += counted
            table[code][gender] += counted
            table[code]["unknown"] += unknown
    return table


def best_funder_summary(cr, project, date_from, date_to, basis):
    """The dashboard's figures of the period and the indicator table."""
    figures = best_dashboard(cr, project, date_from, date_to, months=False)
    figures["indicators"] = best_indicator_table(cr, project, date_from, date_to, basis)
    return figures


HOURS = """
SELECT date_trunc('month', date)::date, kind, sum(hours), count(*),
       count(DISTINCT partner_id)
  FROM olopiste_attendance
 WHERE project_id = %(project)s AND state = 'attended'
   AND date <= %(date_to)s
   AND (%(date_from)s::date IS NULL OR date >= %(date_from)s::date)
 GROUP BY 1, 2
 ORDER BY 1, 2
"""


def best_hours(cr, project, date_from, date_to):
    """(month, kind, hours, attendances, persons) by month and kind."""
    return _fetch(cr, HOURS, _period(project, date_from, date_to))


def best_finance(cr, project, date_from, date_to):
    return best_costs(cr, project, date_from, date_to)


PEOPLE_WAGE_SUBSIDY = """
SELECT count(DISTINCT partner_id)
  FROM olopiste_referral
 WHERE project_id = %(project)s AND direction = 'out'
   AND followon_type_id = %(type)s AND state IN %(states)s
   AND date_started <= %(date_to)s
   AND (date_end IS NULL OR %(date_from)s::date IS NULL
        OR date_end >= %(date_from)s::date)
"""


def best_wage_subsidy(cr, project, date_from, date_to):
    """(wage-subsidy costs, people employed with it) of the period."""
    wage_type = project.env.ref(
        "olopiste_case.followon_type_work_wage_subsidy", raise_if_not_found=False
    )
    query = PEOPLE_WAGE_SUBSIDY
    costs = _costs_sql(project)
    if costs:
        query = f"""
            WITH costs AS ({costs})
            SELECT (SELECT COALESCE(sum(cost), 0) FROM costs WHERE wage_subsidy),
                   ({PEOPLE_WAGE_SUBSIDY})
        """
    params = dict(
        _period(project, date_from, date_to),
        type=wage_type.id if wage_type else None,
        states=FOLLOWON_STATES,
    )
    row = _fetch(cr, query, params)[0]
    return row if costs else (0, row[0])
