# Copyright 2026 Olopiste contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from dateutil.relativedelta import relativedelta

from odoo.tests.common import TransactionCase

from ..tools import generate


class TestGenerator(TransactionCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.generator = generate

    def _figures(self, counts):
        cases = self.env["olopiste.case"].search(
            [("project_id", "in", counts["project_ids"])]
        )
        attendance = self.env["olopiste.attendance"].search(
            [("project_id", "in", counts["project_ids"])]
        )
        ages = [
            relativedelta(case.date_entry, case.partner_id.birthdate_date).years
            for case in cases
        ]
        exited = cases.filtered("date_exit")
        return {
            "clients": len(cases.partner_id),
            "cases": len(cases),
            "hours": sum(attendance.mapped("hours")),
            "case_hours": sum(cases.mapped("attendance_hours")),
            "age": sum(ages) / len(ages),
            "women": len(cases.filtered(lambda c: c.partner_id.gender == "female"))
            / len(cases),
            "followon": len(cases.filtered(lambda c: c.stage_kind == "followon")),
            "period_months": sum((c.date_exit - c.date_entry).days for c in exited)
            / len(exited)
            / 30.4,
            "stages": sorted(set(cases.mapped("stage_kind"))),
            "attendance": len(attendance),
            "events": len(attendance.event_id),
        }

    def test_reference_case_at_1x(self):
        counts = self.generator.generate(self.env, scale=1, seed=1)
        figures = self._figures(counts)
        self.assertEqual(figures["clients"], 134)
        self.assertEqual(counts["clients"], 134)
        self.assertEqual(round(figures["hours"]), 5035)
        self.assertAlmostEqual(figures["hours"], 5035, places=6)
        self.assertAlmostEqual(figures["case_hours"], 5035, places=6)
        self.assertEqual(round(figures["hours"] / 7), 719)
        self.assertAlmostEqual(figures["age"], 47, delta=0.5)
        self.assertAlmostEqual(figures["women"], 0.56, delta=0.01)
        self.assertEqual(figures["followon"], 71)
        self.assertAlmostEqual(figures["period_months"], 11, delta=1.5)
        self.assertEqual(
            figures["stages"],
            ["closed", "encounter", "engagement", "followon", "mapping"],
        )
        self.assertEqual(counts["attendance"], figures["attendance"])
        cases = self.env["olopiste.case"].search(
            [("project_id", "in", counts["project_ids"])]
        )
        # the follow-on paths are real referrals, in the reference proportions
        on_path = cases.filtered("on_followon_path")
        self.assertEqual(len(on_path), 71)
        self.assertEqual(counts["referrals"], 71)
        categories = on_path.referral_ids.followon_type_id.mapped("category")
        working = on_path.referral_ids.filtered(
            lambda r: r.followon_type_id.category == "work"
        )
        # 29 % of 71 is 20.6 clients: the nearest whole count is within 1 point
        self.assertAlmostEqual(len(working) / 71, 0.29, delta=0.01)
        self.assertIn("pension", categories)
        # self-assessments of those who left: 31 / 66 / 3 %
        assessed = cases.filtered("capacity_change")
        self.assertEqual(counts["assessments"], 2 * len(assessed))
        shares = {
            change: round(
                100
                * len(assessed.filtered(lambda c, ch=change: c.capacity_change == ch))
                / len(assessed)
            )
            for change in ("improved", "unchanged", "worse")
        }
        self.assertEqual(shares, {"improved": 31, "unchanged": 66, "worse": 3})
        # every case with attendance attended within its own period
        attendance = self.env["olopiste.attendance"].search(
            [("project_id", "in", counts["project_ids"])]
        )
        for row in attendance:
            self.assertGreaterEqual(row.date, row.case_id.date_entry)
            if row.case_id.date_exit:
                self.assertLessEqual(row.date, row.case_id.date_exit)
        # the open session is a weekly series: an occurrence every week of the
        # project from the first, people attending some of them
        series = self.env["calendar.recurrence"].search(
            [("base_event_id.olopiste_project_id", "in", counts["project_ids"])]
        )
        self.assertEqual(len(series), 1)
        self.assertEqual(series.rrule_type, "weekly")
        occurrences = series.calendar_event_ids
        self.assertEqual(set(occurrences.mapped("olopiste_kind")), {"nonstop"})
        weeks = (series.until - min(occurrences.mapped("start")).date()).days // 7
        self.assertIn(len(occurrences), (weeks, weeks + 1))
        self.assertTrue(attendance.filtered(lambda a: a.event_id in occurrences))

    def test_scaled_and_deterministic(self):
        first = self.generator.generate(self.env, scale=0.5, seed=7)
        second = self.generator.generate(self.env, scale=0.5, seed=7)
        other = self.generator.generate(self.env, scale=0.5, seed=8)
        self.assertNotEqual(first["project_ids"], second["project_ids"])
        figures = [self._figures(counts) for counts in (first, second, other)]
        self.assertEqual(figures[0]["clients"], 67)
        self.assertAlmostEqual(figures[0]["hours"], 2518, places=6)
        self.assertEqual(figures[0], figures[1])
        self.assertNotEqual(figures[0]["attendance"], figures[2]["attendance"])
        strip = ("seconds", "project_ids")
        self.assertEqual(
            {k: v for k, v in first.items() if k not in strip},
            {k: v for k, v in second.items() if k not in strip},
        )
        # the same people, dates and hours, not only the same totals
        cases = [
            self.env["olopiste.case"].search(
                [("project_id", "in", counts["project_ids"])], order="id"
            )
            for counts in (first, second)
        ]
        self.assertEqual(
            [(c.partner_id.name, c.date_entry, c.attendance_hours) for c in cases[0]],
            [(c.partner_id.name, c.date_entry, c.attendance_hours) for c in cases[1]],
        )
