# Copyright 2026 Olopiste contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from decimal import Decimal

from odoo.tests import TransactionCase, tagged

from odoo.addons.olopiste_case.tools import generate


@tagged("post_install", "-at_install", "olopiste_reports")
class TestGeneratedData(TransactionCase):
    """The generator at 1× gives the seed project's published figures, and
    the reports find them (the generator asks for them; the reports compute
    them from the records)."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        counts = generate.generate(cls.env, scale=1, seed=3)
        cls.counts = counts
        cls.project = cls.env["olopiste.project"].browse(counts["project_ids"])
        cls.figures = cls.env["olopiste.report.figures"]

    def test_dashboard_of_the_generated_project(self):
        rows = {
            row["key"]: row
            for row in self.figures._dashboard(self.project, self.project.date_end)
        }
        self.assertEqual(rows["clients"]["count"], 134)
        self.assertEqual(
            (rows["followon"]["count"], rows["followon"]["percent"]), (71, 53)
        )
        self.assertEqual(rows["hours"]["count"], 5035.0)
        self.assertEqual(rows["person_days"]["count"], 719)
        self.assertEqual(
            [rows[f"capacity_{k}"]["percent"] for k in ("improved", "unchanged")],
            [31, 66],
        )
        self.assertAlmostEqual(rows["age"]["count"], 47, delta=1)

    def test_costs_of_the_generated_project(self):
        project = self.project
        self.assertTrue(project.analytic_account_id)
        self.assertGreater(self.counts["cost_lines"], 36)
        finance = self.figures._finance(project, project.date_start, project.date_end)
        self.assertEqual(finance["staff"], Decimal("220000.00"))
        self.assertEqual(finance["flat"], Decimal("37400.00"))
        self.assertEqual(finance["other"], Decimal("142146.00"))
        self.assertEqual(finance["total"], Decimal("399546.00"))
        self.assertEqual(finance["uncategorised"], Decimal("0.00"))
        self.assertEqual(
            [(share.name, amount) for share, amount in finance["shares"]],
            [
                ("ESR ja valtio", Decimal("319636.80")),
                ("Kunta", Decimal("79909.20")),
            ],
        )
        # a payment period: the first half-year only
        first = self.figures._finance(project, project.date_start, "2016-02-29")
        self.assertGreater(first["staff"], 0)
        self.assertLess(first["staff"], Decimal("220000.00") / 5)

    def test_wage_subsidy_of_the_generated_project(self):
        project = self.project
        wage = self.figures._wage_subsidy(project, project.date_start, project.date_end)
        self.assertEqual(wage["appropriation"], Decimal("108000.00"))
        self.assertEqual(wage["used"], Decimal("106920.00"))
        self.assertEqual(wage["share_used"], 99.0)
        paths = self.env["olopiste.referral"].search(
            [
                ("project_id", "=", project.id),
                (
                    "followon_type_id",
                    "=",
                    self.env.ref("olopiste_case.followon_type_work_wage_subsidy").id,
                ),
                ("state", "=", "started"),
            ]
        )
        self.assertTrue(paths)
        self.assertEqual(wage["people"], len(paths.partner_id))
