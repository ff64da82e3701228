# Copyright 2026 Olopiste contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""The ESF+ indicators and the cost models against participants and costs
whose figures are known by hand (Regulation (EU) 2021/1057 Annex I)."""

from datetime import date
from io import BytesIO

import openpyxl

from odoo import Command
from odoo.exceptions import UserError
from odoo.tests import tagged

from odoo.addons.olopiste_case.tests.common import OlopisteTestCase

PERIOD = (date(2024, 1, 1), date(2024, 12, 31))
GENDERS = ("Total", "Women", "Men", "Non-binary", "Gender not stated")

# name: gender, birthdate, status, months, education, citizenship, foreign
# background, entry, exit, situation on leaving, follow-up date, situation
PEOPLE = {
    # a woman and a man of each labour-market status
    "W1": ("female", "1984-01-01", "unemployed", 14, "isced_0_2", "eu", "no",
           "2024-02-01", "2024-06-30", "employed", "2024-12-30", "employed"),
    "M1": ("male", "1984-01-01", "unemployed", 3, "isced_3_4", "eu", "no",
           "2024-02-01", None, None, None, None),
    # a follow-up three months after the exit: not counted
    "W2": ("female", "1994-01-01", "inactive", 0, "isced_3_4", "eu", "no",
           "2024-03-01", "2024-05-31", "education", "2024-08-31", "employed"),
    "M2": ("male", "1964-01-01", "inactive", 0, "isced_0_2", "eu", "no",
           "2024-03-01", None, None, None, None),
    "W3": ("female", "1974-01-01", "employed", 0, "isced_5_8", "eu", "no",
           "2024-04-01", "2024-09-30", "employed", "2025-03-31", "improved"),
    # citizenship missing
    "M3": ("male", "1979-01-01", "employed", 0, "isced_5_8", False, False,
           "2024-04-01", None, None, None, None),
    # 24 years old, unemployed for 7 months: long-term under ESF+, not ILO
    "Y": ("other", "2000-01-01", "unemployed", 7, "isced_0_2", "eu", "no",
          "2024-05-01", None, None, None, None),
    # a third-country national with a foreign background, not a minority
    "T": ("female", "1989-01-01", "unemployed", 2, "isced_3_4", "third_country",
          "yes", "2024-05-01", None, None, None, None),
    # a rural resident of 17 whose gender is not stated
    "R": (False, "2007-01-01", "inactive", 0, "isced_0_2", "eu", "no",
          "2024-06-01", None, None, None, None),
    # left after the period's end: no results in it
    "L": ("female", "1996-01-01", "unemployed", 13, "isced_3_4", "eu", "no",
          "2024-07-01", "2025-02-01", "employed", None, None),
    # entered before the period and left inside it; follow-up before the exit
    "E": ("male", "1974-01-01", "unemployed", 24, "isced_3_4", "eu", "no",
          "2023-10-01", "2024-03-31", "job_seeking", "2024-03-01", "employed"),
}  # fmt: skip

# Participants who entered in 2024 (all but E), by hand:
# (total, women, men, non-binary, not stated), then “not known”
ENTERED = {
    "participants": (10, 5, 3, 1, 1),
    "EECO01": (10, 5, 3, 1, 1, 0),
    "EECO02": (5, 3, 1, 1, 0, 0),  # W1 T L · M1 · Y
    "EECO03": (3, 2, 0, 1, 0, 0),  # W1 (14 mo) L (13 mo, 28 y) · Y (7 mo, 24 y)
    "EECO04": (3, 1, 1, 0, 1, 0),  # W2 · M2 · R
    "EECO05": (2, 1, 1, 0, 0, 0),  # W3 · M3
    "EECO06": (1, 0, 0, 0, 1, 0),  # R (17)
    "EECO07": (2, 1, 0, 1, 0, 0),  # L (28) · Y (24)
    "EECO08": (1, 0, 1, 0, 0, 0),  # M2 (60)
    "EECO09": (4, 1, 1, 1, 1, 0),  # W1 · M2 · Y · R
    "EECO10": (4, 3, 1, 0, 0, 0),  # W2 T L · M1
    "EECO11": (2, 1, 1, 0, 0, 0),  # W3 · M3
    "EECO12": (1, 1, 0, 0, 0, 8),  # W1; T answered no
    "EECO13": (1, 1, 0, 0, 0, 1),  # T; M3 not known
    "EECO14": (1, 1, 0, 0, 0, 1),  # T; M3 not known
    "EECO15": (0, 0, 0, 0, 0, 9),  # T answered no
    "EECO16": (1, 0, 1, 0, 0, 8),  # M1; W1 answered no
    "EECO17": (1, 0, 0, 0, 1, 8),  # R; W1 in a city, M2's municipality unclassed
    "left": (3, 3, 0, 0, 0),  # W1 W2 W3 (L left in 2025, E entered in 2023)
    "EECR01": (0, 0, 0, 0, 0, 0),
    "EECR02": (1, 1, 0, 0, 0, 0),  # W2
    "EECR03": (1, 1, 0, 0, 0, 0),  # W2
    "EECR04": (2, 2, 0, 0, 0, 0),  # W1 W3
    "EECR05": (2, 2, 0, 0, 0, 1),  # W1 (6 mo) W3 (6 mo 1 d); W2 (3 mo) not known
    "EECR06": (1, 1, 0, 0, 0, 1),  # W3
}


@tagged("post_install", "-at_install", "olopiste_reports")
class TestEsfIndicators(OlopisteTestCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        env = cls.env
        cls.esf_project = env["olopiste.project"].create(
            {
                "name": "ESF+ project",
                "code": "S40001",
                "programme": "esf_plus_2021",
                "date_start": "2023-09-01",
                "date_end": "2026-08-31",
                "manager_id": cls.user_manager.id,
                "user_ids": [Command.set([cls.user_worker.id])],
            }
        )
        Municipality = env["olopiste.municipality"]
        cls.rural = Municipality.create({"name": "Testikylä", "urbanisation": "rural"})
        cls.city = Municipality.create({"name": "Testila", "urbanisation": "cities"})
        cls.unclassed = Municipality.create({"name": "Luokaton"})
        municipality = {"R": cls.rural, "W1": cls.city, "M2": cls.unclassed}
        cls.cases = {}
        for name, person in PEOPLE.items():
            (gender, birthdate, status, months, education, citizenship, foreign,
             entry, exit_date, situation, followup, followup_situation) = person  # fmt: skip
            client = env["res.partner"].create(
                {
                    "name": f"Participant {name}",
                    "gender": gender,
                    "birthdate_date": birthdate,
                    "olopiste_municipality_id": municipality[name].id
                    if name in municipality
                    else False,
                }
            )
            cls.cases[name] = env["olopiste.case"].create(
                {
                    "partner_id": client.id,
                    "project_id": cls.esf_project.id,
                    "date_entry": entry,
                    "labour_status": status,
                    "unemployment_months": months,
                    "education_level": education,
                    "nationality": citizenship,
                    "foreign_background": foreign,
                    "date_exit": exit_date,
                    "exit_situation": situation,
                    "followup_date": followup,
                    "followup_situation": followup_situation,
                    "exit_qualification": name == "W2",
                }
            )
        # special categories with consent; homelessness needs none
        cls.cases["W1"].write(
            {
                "consent_sensitive_date": "2024-02-01",
                "disability": "yes",
                "homelessness": "no",
            }
        )
        cls.cases["T"].write(
            {
                "consent_sensitive_date": "2024-05-01",
                "disability": "no",
                "minority": "no",
            }
        )
        cls.cases["M1"].homelessness = "yes"

    def _export(self, user, export="participants", project=None, **values):
        wizard = (
            self.env["olopiste.report.export"]
            .with_user(user)
            .create(
                {
                    "export": export,
                    "project_id": (project or self.esf_project).id,
                    "date_from": PERIOD[0],
                    "date_to": PERIOD[1],
                    **values,
                }
            )
        )
        action = wizard.action_export()
        report = self.env["ir.actions.report"].with_user(user)
        content, _type = report._render(action["report_name"], wizard.ids, {})
        return openpyxl.load_workbook(BytesIO(content))

    @staticmethod
    def _table(workbook):
        """{code or label: (total, women, men, non-binary, not stated, not known)}"""
        rows = list(workbook["ESF+ indicators"].iter_rows(values_only=True))
        assert rows[0][2:7] == GENDERS, rows[0]
        return {(row[0] or row[1]): tuple(row[2:8]) for row in rows[1:]}

    def test_every_indicator_by_gender(self):
        table = self._table(self._export(self.user_manager, recipient="internal"))
        self.assertEqual(len([k for k in table if k.startswith("EEC")]), 23)
        for key, expected in ENTERED.items():
            label = {
                "participants": "Participants counted",
                "left": "Of whom left in the period (results)",
            }.get(key, key)
            with self.subTest(indicator=key):
                self.assertEqual(table[label][: len(expected)], expected)

    def test_long_term_unemployment_by_the_ilo_rule(self):
        self.esf_project.long_term_rule = "ilo"
        table = self._table(self._export(self.user_manager, recipient="internal"))
        # Y (24, 7 months) is no longer long-term unemployed; W1 and L still are
        self.assertEqual(table["EECO03"], (2, 2, 0, 0, 0, 0))

    def test_period_bases(self):
        table = self._table(
            self._export(self.user_manager, recipient="internal", period_basis="left")
        )
        # W1 W2 W3 and E, who entered before the period
        self.assertEqual(table["Participants counted"][:5], (4, 3, 1, 0, 0))
        self.assertEqual(table["EECR01"], (1, 0, 1, 0, 0, 0))  # E job-seeking
        # E's follow-up is dated before the exit: not known, not guessed
        self.assertEqual(table["EECR05"], (2, 2, 0, 0, 0, 2))
        workbook = self._export(
            self.user_manager, recipient="internal", period_basis="cumulative"
        )
        table = self._table(workbook)
        self.assertEqual(table["Participants counted"][:5], (11, 5, 4, 1, 1))
        self.assertEqual(table["Of whom left in the period (results)"][0], 4)
        cover = {
            row[0]: row[1]
            for row in workbook["Cover"].iter_rows(values_only=True)
            if row[0]
        }
        self.assertTrue(cover["Participants counted"].startswith("Cumulative"))
        self.assertIn("EECO03 Long-term unemployed", cover)
        self.assertIn("Annex I", cover["EECO03 Long-term unemployed"])

    def test_participant_rows_for_the_funder_only(self):
        workbook = self._export(self.user_finance, recipient="funder")
        rows = list(workbook["Participants"].iter_rows(values_only=True))
        header = rows[0]
        col = {name: i for i, name in enumerate(header)}
        by_code = {row[0]: row for row in rows[2:-1]}
        self.assertEqual(len(by_code), 10)
        w1 = by_code[self.cases["W1"].code]
        self.assertEqual(w1[col["Gender"]], "Female")
        self.assertEqual(w1[col["EECO03"]], 1)
        self.assertIsNone(w1[col["EECO12"]])  # never per person outside
        self.assertEqual(w1[col["EECR05"]], 1)
        self.assertIsNone(by_code[self.cases["W2"].code][col["EECR05"]])
        # L left after the period: no exit date, no results in it
        late = by_code[self.cases["L"].code]
        self.assertIsNone(late[col["Exit date"]])
        self.assertIsNone(late[col["EECR04"]])
        self.assertEqual(by_code[self.cases["T"].code][col["EECO13"]], 1)
        # totals under the rows are not suppressed: the funder has the rows
        self.assertEqual(rows[-1][col["EECO13"]], 1)
        # the special categories are an aggregate, suppressed
        table = self._table(workbook)
        self.assertEqual(table["EECO12"][:2], ("<5", "<5"))
        self.assertEqual(table["EECO13"][0], 1)
        # the manager's internal export has them per person
        workbook = self._export(self.user_manager, recipient="internal")
        rows = list(workbook["Participants"].iter_rows(values_only=True))
        by_code = {row[0]: row for row in rows[2:-1]}
        self.assertEqual(by_code[self.cases["W1"].code][col["EECO12"]], 1)
        # others receive no rows at all
        workbook = self._export(self.user_finance, recipient="other")
        self.assertNotIn("Participants", workbook.sheetnames)

    def test_no_suppressed_cell_can_be_worked_out(self):
        workbook = self._export(self.user_finance, recipient="other")
        table = self._table(workbook)
        columns = ("total", "women", "men", "non_binary", "not_stated", "unknown")
        shown, hidden = {}, set()
        for key, values in table.items():
            for column, value in zip(columns, values, strict=False):
                if isinstance(value, int):
                    shown[(key, column)] = value
                elif value is not None:
                    hidden.add((key, column))
        self.assertIn(("EECO06", "total"), hidden)
        self.assertEqual(table["EECO06"][0], "<5")
        participants = "Participants counted"
        # what a reader knows: each row adds up over the genders; statuses
        # partition the participants with a known status, education levels
        # those with a known level; identical “not known” counts
        relations = [
            [(key, "total")] + [(key, g) for g in columns[1:5]] for key in table
        ]
        signs = [[-1, 1, 1, 1, 1] for _key in table]
        for g in columns[:5]:
            relations.append(
                [("EECO01", g), ("EECO02", g), ("EECO04", g), ("EECO05", g)]
            )
            signs.append([-1, 1, 1, 1])
        relations += [
            [(participants, "total"), ("EECO01", "total"), ("EECO01", "unknown")],
            [
                (participants, "total"),
                ("EECO09", "total"),
                ("EECO10", "total"),
                ("EECO11", "total"),
                ("EECO09", "unknown"),
            ],
        ]
        signs += [[-1, 1, 1], [-1, 1, 1, 1, 1]]
        for code in ("EECO02", "EECO03", "EECO04", "EECO05"):
            relations.append([("EECO01", "unknown"), (code, "unknown")])
            signs.append([1, -1])
        known = dict(shown)
        progress = True
        while progress:
            progress = False
            for cells, coefficients in zip(relations, signs, strict=True):
                missing = [c for c in cells if c not in known]
                if len(missing) == 1:
                    (cell,) = missing
                    index = cells.index(cell)
                    rest = sum(
                        known[c] * s
                        for c, s in zip(cells, coefficients, strict=True)
                        if c != cell
                    )
                    known[cell] = -rest * coefficients[index]
                    progress = True
        derived = {cell: known[cell] for cell in hidden if cell in known}
        self.assertFalse(derived, "suppressed cells worked out from the others")

    def test_bad_input_in_the_data_quality_view(self):
        issues = self.env["olopiste.data.quality"].search(
            [("project_id", "=", self.esf_project.id)]
        )
        by_issue = {}
        for issue in issues:
            by_issue.setdefault(issue.issue, set()).add(issue.reference)
        self.assertEqual(by_issue["followup_before_exit"], {self.cases["E"].code})
        self.assertEqual(by_issue["followup_outside_window"], {self.cases["W2"].code})
        self.assertEqual(by_issue["nationality_missing"], {self.cases["M3"].code})
        self.assertEqual(by_issue["municipality_without_class"], {"Luokaton"})
        line = issues.filtered(lambda i: i.issue == "municipality_without_class")
        action = line.action_open_record()
        self.assertEqual(
            (action["res_model"], action["res_id"]),
            ("olopiste.municipality", self.unclassed.id),
        )

    def test_homelessness_needs_no_sensitive_consent(self):
        case = self.cases["M2"].with_user(self.user_worker)
        case.homelessness = "yes"
        self.assertEqual(case.homelessness, "yes")
        self.assertFalse(self.cases["M2"].consent_sensitive_date)


@tagged("post_install", "-at_install", "olopiste_reports")
class TestCostModels(OlopisteTestCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        plan = cls.env["account.analytic.plan"].create({"name": "Projects"})
        column = plan._column_name()
        staff = cls.env.ref("olopiste_reports.cost_category_staff")
        travel = cls.env.ref("olopiste_reports.cost_category_travel")
        cls.projects = {}
        for programme, code in (
            ("esf_plus_2021", "S40040"),
            ("esf_2014", "S10017"),
            ("national", "N00001"),
        ):
            account = cls.env["account.analytic.account"].create(
                {"name": code, "plan_id": plan.id}
            )
            cls.projects[programme] = cls.env["olopiste.project"].create(
                {
                    "name": f"Costs {code}",
                    "code": code,
                    "programme": programme,
                    "date_start": "2024-01-01",
                    "manager_id": cls.user_manager.id,
                    "analytic_account_id": account.id,
                    "financing_ids": [
                        Command.create({"name": "ESF+ and state", "percent": 100})
                    ],
                }
            )
            cls.env["account.analytic.line"].create(
                [
                    {
                        "name": "Salaries",
                        "date": "2024-03-31",
                        column: account.id,
                        "amount": -10000.00,
                        "olopiste_cost_category_id": staff.id,
                    },
                    {
                        "name": "Travel",
                        "date": "2024-04-30",
                        column: account.id,
                        "amount": -2345.67,
                        "olopiste_cost_category_id": travel.id,
                    },
                ]
            )

    def _costs(self, project):
        wizard = (
            self.env["olopiste.report.export"]
            .with_user(self.user_finance)
            .create(
                {
                    "export": "finance",
                    "project_id": project.id,
                    "date_from": "2024-01-01",
                    "date_to": "2024-12-31",
                }
            )
        )
        action = wizard.action_export()
        report = self.env["ir.actions.report"].with_user(self.user_finance)
        content, _type = report._render(action["report_name"], wizard.ids, {})
        workbook = openpyxl.load_workbook(BytesIO(content))
        rows = {}
        for row in workbook["Costs"].iter_rows(values_only=True):
            if row[0]:
                rows.setdefault(row[0].strip(), row[2])
        cover = {
            row[0]: row[1]
            for row in workbook["Cover"].iter_rows(values_only=True)
            if row[0]
        }
        return rows, cover

    def test_each_model_gives_its_own_eligible_total(self):
        plus, cover = self._costs(self.projects["esf_plus_2021"])
        self.assertEqual(plus["Direct staff costs"], 10000)
        self.assertEqual(plus["Other direct costs"], 2345.67)
        self.assertEqual(
            plus["Other direct costs not claimable (covered by the flat rate)"],
            -2345.67,
        )
        self.assertEqual(plus["Flat rate 40.0 % of direct staff costs"], 4000)
        self.assertEqual(plus["Total eligible costs"], 14000)
        self.assertIn("for all other costs", cover["Cost model"])
        self.assertIn("not claimable", cover["Cost model"])
        old, cover = self._costs(self.projects["esf_2014"])
        self.assertEqual(old["Flat rate 17.0 % of direct staff costs"], 1700)
        self.assertEqual(old["Total eligible costs"], 14045.67)
        self.assertIn("indirect costs", cover["Cost model"])
        actual, cover = self._costs(self.projects["national"])
        self.assertEqual(actual["Total eligible costs"], 12345.67)
        self.assertNotIn("Flat rate 0.0 % of direct staff costs", actual)

    def test_dashboard_shows_the_eligible_total(self):
        rows = self.env["olopiste.report.figures"]._dashboard(
            self.projects["esf_plus_2021"], date(2024, 12, 31)
        )
        row = next(r for r in rows if r["key"] == "eligible_costs")
        self.assertEqual(row["count"], 14000.0)
        self.assertIn("all other costs", row["label"])

    def test_cost_model_fixed_once_the_project_started(self):
        self.env["res.lang"]._activate_lang("fi_FI")
        project = self.projects["esf_plus_2021"].with_user(self.user_manager)
        for lang in ("en_US", "fi_FI"):
            with self.subTest(lang=lang), self.assertRaises(UserError) as error:
                project.with_context(lang=lang).write({"cost_model": "actual"})
            self.assertIn(project.display_name, str(error.exception))
        self.assertEqual(project.cost_model, "all_other_flat_rate")
        self.assertEqual(project.flat_rate, 40)
        # a project not started yet takes the model of its programme
        new = self.env["olopiste.project"].create(
            {
                "name": "Next",
                "programme": "esf_2014",
                "date_start": "2099-01-01",
                "manager_id": self.user_manager.id,
            }
        )
        self.assertEqual((new.cost_model, new.flat_rate), ("indirect_flat_rate", 17))
        new.with_user(self.user_manager).write({"cost_model": "actual"})
        self.assertEqual(new.cost_model, "actual")
