# Copyright 2026 Olopiste contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from dateutil.relativedelta import relativedelta

from odoo import api, models
from odoo.tools import SQL

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


class OlopisteReportFigures(models.AbstractModel):
    """The participants and their ESF+ common indicators."""

    # one file a report, on the one figures model (olopiste_report_figures.py)
    _inherit = "olopiste.report.figures"  # pylint: disable=consider-merging-classes-inherited

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
            # every first entry is on or before `date_to` (see `ranked`)
            "entered": self._in_period(SQL("f.date_entry"), date_from, date_to),
            "left": self._in_period(SQL("l.date_exit"), date_from, date_to),
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
        """{code: 1, 0, None (not known) or NOT_APPLICABLE} of one person,
        computed once: the participant list writes them and counts them."""
        if "indicators" not in person:
            person["indicators"] = self._person_indicator_values(project, person)
        return person["indicators"]

    @api.model
    def _person_indicator_values(self, project, person):
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
