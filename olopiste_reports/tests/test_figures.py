# Copyright 2026 Olopiste contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from datetime import date
from decimal import Decimal

from odoo import Command
from odoo.exceptions import ValidationError
from odoo.tests import TransactionCase, tagged

from ..tools.rounding import (
    percentage,
    round_half_up,
    split_largest_remainder,
)
from .common import AS_OF, CLIENTS, ENTRY, ReportsCase


@tagged("post_install", "-at_install", "olopiste_reports")
class TestDashboardFigures(ReportsCase):
    def _figures(self, date_to=AS_OF):
        rows = self.env["olopiste.report.figures"]._dashboard(self.ref_project, date_to)
        return {row["key"]: row for row in rows}

    def test_reference_case_figures(self):
        rows = self._figures()
        describe = self.env["olopiste.report.figures"]._describe
        self.assertEqual(rows["clients"]["count"], 134)
        self.assertEqual(rows["clients"]["target"], 200)
        followon = rows["followon"]
        self.assertEqual(
            (followon["count"], followon["denominator"], followon["percent"]),
            (71, 134, 53),
        )
        self.assertEqual(followon["target"], 50)
        self.assertEqual(describe(followon), "71 of 134 clients (53 %)")
        self.assertEqual(rows["followon_work"]["count"], 21)
        self.assertEqual(rows["followon_work"]["denominator"], 71)
        self.assertEqual(rows["followon_work"]["percent"], 30)  # 29.58 → 30
        self.assertEqual(rows["followon_studies"]["count"], 4)
        self.assertEqual(rows["followon_rehabilitative"]["count"], 7)
        for key, count, percent in (
            ("capacity_improved", 31, 31),
            ("capacity_unchanged", 66, 66),
            ("capacity_worse", 3, 3),
        ):
            self.assertEqual(
                (rows[key]["count"], rows[key]["denominator"], rows[key]["percent"]),
                (count, 100, percent),
                key,
            )
        self.assertEqual(rows["hours"]["count"], 5035.0)
        self.assertEqual(rows["person_days"]["count"], 719)  # 719.29 → 719
        self.assertEqual(rows["client_period"]["count"], 11)
        self.assertEqual(rows["age"]["count"], 47)
        self.assertEqual((rows["women"]["count"], rows["women"]["percent"]), (75, 56))
        self.assertEqual(rows["registered"]["count"], 134)
        self.assertEqual(rows["took_part"]["count"], 120 + 6 * 50)

    def test_client_period_stops_at_the_project_end(self):
        """Viewed years after the project ended, open cases count to its end:
        the same average as on its last day, not months of nothing since."""
        self.assertEqual(self.ref_project.date_end, date(2018, 8, 31))
        newcomers = self.env["res.partner"].create(
            [{"name": f"Late client {n}"} for n in range(20)]
        )
        self.env["olopiste.case"].create(
            [
                {
                    "partner_id": partner.id,
                    "project_id": self.ref_project.id,
                    "date_entry": "2018-08-01",
                }
                for partner in newcomers
            ]
        )
        at_end = self._figures()["client_period"]["count"]
        later = self._figures(date_to=date(2026, 11, 30))["client_period"]["count"]
        self.assertEqual(later, at_end)

    def _participants(self):
        return self.env["olopiste.report.figures"]._participants(
            self.ref_project, None, AS_OF, "cumulative"
        )

    def test_anonymisation_changes_only_the_erased_figures(self):
        group = self.env["olopiste.target.group"].create({"name": "Young adults"})
        self.ref_cases[:27].write({"target_group_ids": [Command.link(group.id)]})
        self.ref_project.target_ids = [
            Command.create(
                {"kind": "target_group_share", "target_group_id": group.id, "value": 10}
            )
        ]
        self.ref_cases[:10].write(
            {"consent_sensitive_date": ENTRY, "disability": "yes"}
        )
        before, participants = self._figures(), self._participants()
        self.ref_project.retention_until = "2019-12-31"
        self.env["res.partner"]._cron_olopiste_anonymise()
        self.env.invalidate_all()
        clients = self.ref_cases.partner_id
        self.assertTrue(all(clients.mapped("olopiste_anonymised_date")))
        self.assertFalse(any(clients.mapped("birthdate_date")))
        after = self._figures()
        # target groups and special-category answers (GDPR art. 9) are erased
        # with the client's identity: the target-group share falls to 0 of the
        # same 134 clients, and no participant has a disability answer any more
        key = f"target_group_{group.id}"
        self.assertEqual(
            (before[key]["count"], before[key]["denominator"]), (27, CLIENTS)
        )
        self.assertEqual((after[key]["count"], after[key]["denominator"]), (0, CLIENTS))
        del before[key], after[key]
        # every other figure of the dashboard is the same
        self.assertEqual(after, before)
        self.assertEqual(sum(p["disability"] == "yes" for p in participants), 10)
        erased = (
            "disability",
            "minority",
            "homelessness",
            "nationality",
            "foreign_background",
        )
        self.assertEqual(
            [{k: v for k, v in p.items() if k not in erased} for p in participants],
            [
                {k: v for k, v in p.items() if k not in erased}
                for p in self._participants()
            ],
        )
        self.assertFalse(any(p[name] for p in self._participants() for name in erased))

    def test_feedback_survey_answers_are_counted(self):
        survey = self.env.ref("olopiste_case.survey_client_feedback")
        self.ref_project.survey_id = survey
        question = survey.question_ids[0]
        significantly, somewhat, _not = question.suggested_answer_ids
        for case, choice in zip(
            self.ref_cases[:3], (significantly, significantly, somewhat), strict=False
        ):
            answer = survey._create_answer(
                partner=case.partner_id, check_attempts=False, olopiste_case_id=case.id
            )
            answer._save_lines(question, choice.id)
            answer._mark_done()
        rows = self._figures(date.today())
        first = rows[f"feedback_{significantly.id}"]
        self.assertEqual(
            (first["count"], first["denominator"], first["percent"]), (2, 3, 67)
        )
        self.assertEqual(rows[f"feedback_{somewhat.id}"]["count"], 1)
        self.assertEqual(rows[f"feedback_{_not.id}"]["count"], 0)

    def test_target_group_share(self):
        group = self.env["olopiste.target.group"].create(
            {"name": "Criminal background"}
        )
        self.ref_cases[:27].write({"target_group_ids": [Command.link(group.id)]})
        self.ref_project.target_ids = [
            Command.create(
                {"kind": "target_group_share", "target_group_id": group.id, "value": 10}
            )
        ]
        row = self._figures()[f"target_group_{group.id}"]
        self.assertEqual(
            (row["count"], row["denominator"], row["percent"], row["target"]),
            (27, 134, 20, 10),
        )
        self.assertEqual(row["label"], "Target group: Criminal background")

    def test_as_of_date(self):
        """An interim run counts only what had happened by its date."""
        rows = self._figures(date(2016, 5, 31))
        self.assertEqual(rows["clients"]["count"], 134)
        self.assertEqual(rows["followon"]["count"], 0)
        self.assertEqual(rows["capacity_improved"]["denominator"], 0)
        self.assertEqual(rows["hours"]["count"], 3 * 120 * 7.0)
        rows = self._figures(date(2015, 12, 31))
        self.assertEqual(rows["clients"]["count"], 0)
        self.assertIsNone(rows["followon"]["percent"])

    def test_queries_do_not_grow_with_cases(self):
        figures = self.env["olopiste.report.figures"]
        figures._dashboard(self.ref_project, AS_OF)
        with self.assertQueryCount(12):
            figures._dashboard(self.ref_project, AS_OF)

    def test_dashboard_wizard_shows_the_denominators(self):
        dashboard = (
            self.env["olopiste.dashboard"]
            .with_user(self.user_finance)
            .create({"project_id": self.ref_project.id, "date_to": AS_OF})
        )
        self.assertIn("71 of 134 clients (53 %)", dashboard.result_html)
        self.assertIn(
            "31 of 100 clients with two or more self-assessments (31 %)",
            dashboard.result_html,
        )
        self.assertNotIn("Refclient", dashboard.result_html)

    def test_figures_in_finnish_number_format(self):
        """Finnish decimals have a comma and thousands a space: the dashboard's
        words and the checks' messages write numbers so."""
        self.env["res.lang"]._activate_lang("fi_FI")
        figures = self.env["olopiste.report.figures"].with_context(lang="fi_FI")
        hours = {"count": 5035.5, "denominator": None, "unit": "h"}
        self.assertRegex(figures._describe(hours), r"^5\s035,5 h$")
        self.assertEqual(figures._describe(dict(hours, count=7.0)), "7 h")
        esf = self.ref_project.financing_ids[0]
        with self.assertRaisesRegex(ValidationError, "90,00 %"):
            self.ref_project.with_context(lang="fi_FI").write(
                {"financing_ids": [Command.update(esf.id, {"percent": 70})]}
            )

    def test_financing_shares_total_100(self):
        esf, municipality = self.ref_project.financing_ids
        with self.assertRaisesRegex(ValidationError, "add up to 90.00 %, not 100 %"):
            self.ref_project.write(
                {"financing_ids": [Command.update(esf.id, {"percent": 70})]}
            )
        self.ref_project.write(
            {
                "financing_ids": [
                    Command.update(esf.id, {"percent": 60}),
                    Command.update(municipality.id, {"percent": 40}),
                ]
            }
        )
        self.assertEqual(self.ref_project.financing_ids.mapped("percent"), [60, 40])


@tagged("post_install", "-at_install", "olopiste_reports")
class TestRounding(TransactionCase):
    def test_round_half_up(self):
        self.assertEqual(round_half_up(Decimal(5035) / 7), 719)
        self.assertEqual(round_half_up(0.5), 1)
        self.assertEqual(round_half_up(2.5), 3)
        self.assertEqual(percentage(71, 134), 53)
        self.assertIsNone(percentage(1, 0))

    def test_split_80_20_of_the_seed_total(self):
        parts = split_largest_remainder(Decimal("399546.00"), [80, 20])
        self.assertEqual(parts, [Decimal("319636.80"), Decimal("79909.20")])
        self.assertEqual(sum(parts), Decimal("399546.00"))

    def test_split_always_adds_up_to_the_cent(self):
        for total, shares in (
            ("100.00", [33.33, 33.33, 33.34]),
            ("0.01", [50, 50]),
            ("399466.00", [80, 20]),
            ("12345.67", [60, 25, 15]),
            ("99999.99", [33.33, 33.33, 33.34]),
            ("1000.01", [70, 30]),
        ):
            parts = split_largest_remainder(Decimal(total), shares)
            self.assertEqual(sum(parts), Decimal(total), (total, shares))
            for part, share in zip(parts, shares, strict=True):
                self.assertLess(
                    abs(part - Decimal(total) * Decimal(str(share)) / 100),
                    Decimal("0.01"),
                )
        self.assertEqual(
            split_largest_remainder(Decimal("0.01"), [50, 50]),
            [Decimal("0.01"), Decimal("0.00")],
        )

    def test_seed_parts_are_80_and_20_percent(self):
        """319,557 € + 79,989 € = 399,546 €: shares 80.0 % and 20.0 %."""
        total = 319557 + 79989
        self.assertEqual(total, 399546)
        self.assertEqual(percentage(319557, total, 1), 80.0)
        self.assertEqual(percentage(79989, total, 1), 20.0)
