# Copyright 2026 Olopiste contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from datetime import date

from odoo.tests import tagged

from .common import ENTRY, ReportsCase


@tagged("post_install", "-at_install", "olopiste_reports")
class TestFunderSummaryExport(ReportsCase):
    def test_funder_summary_internal(self):
        workbook = self._export(
            self.user_finance, "funder_summary", recipient="internal"
        )
        self.assertEqual(
            workbook.sheetnames, ["Cover", "Funder summary", "ESF+ indicators"]
        )
        cover = self._by_label(workbook["Cover"])
        self.assertEqual(cover["Project"][1], "Reference project")
        self.assertEqual(cover["Project code"][1], "S10001")
        self.assertEqual(cover["Period"][1], "09/01/2015 – 08/31/2018")
        self.assertIn("Definitions", cover)
        self.assertIn("719.29 → 719", cover["Participation hours and person-days"][1])
        rows = self._by_label(workbook["Funder summary"])
        self.assertEqual(rows["Clients"][1], 134)
        self.assertEqual(rows["Clients"][6], 200)
        self.assertEqual(
            rows["On a follow-on path"][1:8],
            (71, None, 134, "clients", 53, 50, "71 of 134 clients (53 %)"),
        )
        self.assertEqual(rows["Studies"][1], 4)
        self.assertEqual(
            rows["Work ability self-assessment: improved"][1:6:2], (31, 100, 31)
        )
        self.assertEqual(rows["Work ability self-assessment: worse"][5], 3)
        self.assertEqual(rows["Participation hours"][1], 5035)
        self.assertEqual(rows["Person-days (7 h)"][1], 719)
        self.assertEqual(rows["Average client period"][1], 11)
        self.assertEqual(rows["Average age at entry"][1], 47)
        self.assertEqual(rows["Women"][5], 56)

    def test_funder_summary_suppresses_small_counts(self):
        workbook = self._export(self.user_finance, "funder_summary", recipient="other")
        cover = self._by_label(workbook["Cover"])
        self.assertTrue(cover["Recipient"][1].startswith("Outside the organisation"))
        rows = self._by_label(workbook["Funder summary"])
        self.assertEqual(rows["Studies"][1], "<5")
        self.assertEqual(rows["Studies"][5], "–")
        self.assertEqual(rows["Studies"][7], "<5 of 71 clients on a follow-on path")
        self.assertEqual(rows["Work ability self-assessment: worse"][1], "<5")
        self.assertEqual(rows["Work ability self-assessment: worse"][5], "–")
        # 31 + 66 + 3 = 100 assessed: showing 31, 66 and 100 would give the 3
        improved = rows["Work ability self-assessment: improved"]
        self.assertEqual((improved[1], improved[5]), ("..", "–"))
        self.assertEqual(rows["Work ability self-assessment: unchanged"][1], 66)
        # the funder receives every figure but special categories
        workbook = self._export(self.user_finance, "funder_summary")
        rows = self._by_label(workbook["Funder summary"])
        self.assertEqual(rows["Studies"][1], 4)
        self.assertEqual(rows["On a follow-on path"][1], 71)
        self.assertEqual(rows["On a follow-on path"][5], 53)

    def test_hours_per_month_and_kind(self):
        workbook = self._export(self.user_finance, "hours")
        rows = self._rows(workbook["Hours"])
        self.assertEqual(
            rows[0][:4], ("Month", "Activity kind", "Hours", "Person-days")
        )
        self.assertEqual(rows[1][:6], ("2016-03", "Group guidance", 840, 120, 120, 120))
        self.assertEqual(rows[2][:2], ("2016-04", "Theme group"))
        self.assertEqual(rows[6][2], 835)  # 119 × 7 + 2
        self.assertEqual(rows[7][0], "Total")
        self.assertEqual(rows[7][2], 5035)
        self.assertEqual(rows[7][3], 719.29)
        self.assertEqual(rows[8][0], "Person-days, rounded")
        self.assertEqual(rows[8][3], 719)


@tagged("post_install", "-at_install", "olopiste_reports")
class TestParticipantExport(ReportsCase):
    def test_one_row_per_person_with_indicators(self):
        # the first client re-enters the project: still one participant
        self.env["olopiste.case"].create(
            {
                "partner_id": self.clients[0].id,
                "project_id": self.ref_project.id,
                "date_entry": "2017-03-01",
                "date_exit": "2017-09-01",
                "exit_situation": "education",
                "labour_status": "employed",
            }
        )
        workbook = self._export(self.user_finance, "participants")
        self.assertNotIn("Refclient", self._all_text(workbook))
        rows = self._rows(workbook["Participants"])
        header = rows[0]
        self.assertEqual(header[4], "EECO01")
        self.assertEqual(header[26], "EECR06")
        people = rows[2:-1]
        self.assertEqual(len(people), 134)
        first = next(r for r in people if r[0] == self.ref_cases[0].code)
        col = {code: i for i, code in enumerate(header)}
        self.assertEqual(first[1].date(), ENTRY)
        self.assertEqual(first[2].date(), date(2017, 9, 1))
        self.assertEqual(first[col["EECO03"]], 1)  # first entry: long-term unemployed
        self.assertEqual(first[col["EECO05"]], 0)
        self.assertEqual(first[col["EECR02"]], 1)  # last exit: education
        self.assertIsNone(first[col["EECO12"]])  # finance: no special categories
        self.assertEqual(first[col["Start data filed"]], "no")
        total = rows[-1]
        self.assertEqual(total[0], "Total")
        self.assertEqual(total[col["EECO01"]], 134)
        self.assertEqual(total[col["EECO03"]], 80)
        self.assertEqual(total[col["EECO04"]], 54)
        self.assertEqual(total[col["EECO08"]], 67)
        self.assertEqual(total[col["EECO07"]], 0)
        self.assertEqual(total[col["EECR04"]], 39)
        # the same by gender in the indicator table: 75 women, 59 men
        table = {
            row[0]: row[2:8]
            for row in workbook["ESF+ indicators"].iter_rows(values_only=True)
            if row[0]
        }
        self.assertEqual(table["EECO01"], (134, 75, 59, 0, 0, 0))
        self.assertEqual(table["EECO03"][:3], (80, 75, 5))
        self.assertEqual(table["EECR04"][:3], (39, 39, 0))

    def test_manager_internal_export_holds_special_categories(self):
        case = self.ref_cases[5]
        case.write({"consent_sensitive_date": ENTRY, "disability": "yes"})
        self.ref_cases[6].disability = "declined"
        workbook = self._export(self.user_manager, "participants", recipient="internal")
        rows = self._rows(workbook["Participants"])
        col = {code: i for i, code in enumerate(rows[0])}
        by_code = {row[0]: row for row in rows[2:-1]}
        self.assertEqual(by_code[case.code][col["EECO12"]], 1)
        self.assertEqual(by_code[self.ref_cases[6].code][col["EECO12"]], "declined")
        self.assertIsNone(by_code[self.ref_cases[7].code][col["EECO12"]])
        # the same export for the funder leaves them out
        workbook = self._export(self.user_manager, "participants")
        rows = self._rows(workbook["Participants"])
        by_code = {row[0]: row for row in rows[2:-1]}
        self.assertIsNone(by_code[case.code][col["EECO12"]])


@tagged("post_install", "-at_install", "olopiste_reports")
class TestFinanceExports(ReportsCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        plan = cls.env["account.analytic.plan"].create({"name": "Projects"})
        cls.account = cls.env["account.analytic.account"].create(
            {"name": "Reference project", "plan_id": plan.id}
        )
        cls.ref_project.analytic_account_id = cls.account
        categories = {
            key: cls.env.ref(f"olopiste_reports.cost_category_{key}")
            for key in ("staff", "services", "travel", "wage_subsidy")
        }
        column = cls.account.root_plan_id._column_name()
        lines = [
            ("2016-03-31", "staff", -180000.00),
            ("2016-09-30", "staff", -120000.00),
            ("2016-05-15", "services", -40000.00),
            ("2016-06-15", "travel", -8546.00),
            ("2016-06-20", None, -123.45),
            ("2017-06-30", "wage_subsidy", -60000.00),
            ("2017-12-31", "wage_subsidy", -46920.00),
        ]
        cls.env["account.analytic.line"].create(
            [
                {
                    "name": f"Cost {i}",
                    "date": day,
                    column: cls.account.id,
                    "amount": amount,
                    "olopiste_cost_category_id": categories[key].id if key else False,
                }
                for i, (day, key, amount) in enumerate(lines)
            ]
        )
        referrals = cls.env["olopiste.referral"].search(
            [
                ("case_id", "in", cls.ref_cases.ids),
                (
                    "followon_type_id",
                    "=",
                    cls.env.ref("olopiste_case.followon_type_work_wage_subsidy").id,
                ),
            ]
        )
        assert len(referrals) == 11

    def test_finance_of_a_payment_period(self):
        workbook = self._export(
            self.user_finance,
            "finance",
            date_from="2016-01-01",
            date_to="2016-12-31",
        )
        rows = self._by_label(workbook["Costs"])
        self.assertEqual(rows["Staff pay costs"][2], 300000)
        self.assertEqual(rows["Direct staff costs"][2], 300000)
        self.assertEqual(rows["Purchased services"][2], 40000)
        self.assertEqual(rows["Travel"][2], 8546)
        self.assertEqual(rows["Other direct costs"][2], 48546)
        self.assertEqual(rows["Flat rate 17.0 % of direct staff costs"][2], 51000)
        self.assertEqual(rows["Not categorised (not included)"][2], 123.45)
        esf, municipality = rows["ESF and state"], rows["Municipality"]
        self.assertEqual(esf[1:6], (80, 319636.80, 319557, 80.0, -79.8))
        self.assertEqual(municipality[1:6], (20, 79909.20, 79989, 20.0, 79.8))
        self.assertEqual(round(esf[2] + municipality[2], 2), 399546.00)
        total_rows = [
            row
            for row in self._rows(workbook["Costs"])
            if row[0] == "Total eligible costs"
        ]
        self.assertEqual(total_rows[0][2], 399546)
        total = next(r for r in self._rows(workbook["Costs"]) if r[0] == "Total")
        self.assertEqual(total[3], 399546)
        self.assertEqual(total[5], 0)
        self.assertIn("largest remainders", self._all_text(workbook))

    def test_wage_subsidy(self):
        workbook = self._export(self.user_finance, "wage_subsidy")
        rows = self._by_label(workbook["Wage subsidy"])
        self.assertEqual(rows["Appropriation (€)"][1], 108000)
        self.assertEqual(rows["Used (€)"][1], 106920)
        self.assertEqual(rows["Left (€)"][1], 1080)
        self.assertEqual(rows["Share used"][1], 99.0)
        self.assertEqual(rows["People employed with wage subsidy"][1], 11)
