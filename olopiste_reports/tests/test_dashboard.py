# Copyright 2026 Olopiste contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from datetime import date

from lxml import etree

from odoo import Command
from odoo.exceptions import AccessError
from odoo.tests import tagged

from .common import AS_OF, CLIENTS, ReportsCase

DASHBOARD_REPORT = "olopiste_reports.report_olopiste_dashboard"


@tagged("post_install", "-at_install", "olopiste_reports")
class TestDashboardPage(ReportsCase):
    def _dashboard(self, user=None, project=None, date_to=AS_OF):
        return (
            self.env["olopiste.dashboard"]
            .with_user(user or self.user_finance)
            .create(
                {"project_id": (project or self.ref_project).id, "date_to": date_to}
            )
        )

    def _small_project(self):
        """Three people: two enter in January, one of them again in March
        (counted once), the third in March; target twelve clients."""
        project = self.env["olopiste.project"].create(
            {
                "name": "Small project",
                "code": "SMALL",
                "date_start": "2021-01-15",
                "date_end": "2021-12-31",
                "manager_id": self.user_manager.id,
                "target_ids": [Command.create({"kind": "clients", "value": 12})],
            }
        )
        anna, bert, cecilia = self.env["res.partner"].create(
            [{"name": name} for name in ("Anna", "Bert", "Cecilia")]
        )
        self.env["olopiste.case"].create(
            [
                {
                    "partner_id": partner.id,
                    "project_id": project.id,
                    "date_entry": entry,
                    "date_exit": exit_,
                    "exit_situation": "job_seeking" if exit_ else False,
                }
                for partner, entry, exit_ in (
                    (anna, "2021-01-20", False),
                    (bert, "2021-01-25", "2021-02-10"),
                    (bert, "2021-03-01", False),
                    (cecilia, "2021-03-10", False),
                )
            ]
        )
        return project

    def test_clients_month_by_month(self):
        project = self._small_project()
        months = self.env["olopiste.report.figures"]._clients_by_month(
            project, date(2021, 4, 10)
        )
        self.assertEqual(
            months,
            [
                (date(2021, 1, 1), 2),
                (date(2021, 2, 1), 2),
                (date(2021, 3, 1), 3),
                (date(2021, 4, 1), 3),
            ],
        )

    def test_client_chart_and_target_pace(self):
        project = self._small_project()
        dashboard = self._dashboard(self.user_manager, project, date(2021, 4, 10))
        clients = dashboard.chart_data["clients"]
        self.assertEqual(
            clients["labels"], ["01/2021", "02/2021", "03/2021", "04/2021"]
        )
        counted, pace = clients["datasets"]
        self.assertEqual(counted["data"], [2, 2, 3, 3])
        # 12 clients over the 350 days from 15.1. to 31.12.: 16 days by the
        # end of January (0.5), 44 (1.5), 75 (2.6), and 85 by the as-of day
        self.assertEqual(pace["data"], [0.5, 1.5, 2.6, 2.9])
        self.assertTrue(pace["target"])

    def test_reference_chart_ends_at_the_dashboards_count(self):
        dashboard = self._dashboard()
        clients = dashboard.chart_data["clients"]
        self.assertEqual(clients["labels"][0], "09/2015")
        self.assertEqual(clients["labels"][-1], "08/2018")
        self.assertEqual(len(clients["labels"]), 36)
        self.assertEqual(clients["datasets"][0]["data"][-1], CLIENTS)
        # the pace reaches the whole target on the project's last day
        self.assertEqual(clients["datasets"][1]["data"][-1], 200)
        shares = dashboard.chart_data["shares"]
        self.assertEqual(
            shares["labels"],
            ["On a follow-on path", "Work ability self-assessment: improved"],
        )
        self.assertEqual(shares["datasets"][0]["data"], [53, 31])
        self.assertEqual(shares["datasets"][1]["data"], [50, 50])

    def test_share_of_target_reached_in_finnish(self):
        self.env["res.lang"]._activate_lang("fi_FI")
        dashboard = self._dashboard().with_context(lang="fi_FI")
        self.ref_project.target_ids.filtered(
            lambda t: t.kind == "followon_rate"
        ).value = 52.5
        lines = dashboard._lines(dashboard._rows())
        clients = next(line for line in lines if line["result"] == "134")
        self.assertEqual(clients["target"], "200")
        self.assertEqual(clients["achieved_text"], "67 %")  # 134 / 200
        self.assertEqual(clients["bar"], 67)
        followon = next(line for line in lines if line["result"].startswith("71 "))
        self.assertEqual(followon["target"], "52,5 %")
        self.assertEqual(followon["achieved_text"], "101 %")  # 53 % / 52,5 %
        self.assertEqual(followon["bar"], 100)
        hours = next(line for line in lines if line["result"].endswith(" h"))
        self.assertRegex(hours["result"], r"^5\s035 h$")
        self.assertIsNone(hours["achieved"])

    def test_printout_for_the_steering_group(self):
        dashboard = self._dashboard()
        html = (
            self.env["ir.actions.report"]
            .with_user(self.user_finance)
            ._render_qweb_html(DASHBOARD_REPORT, dashboard.ids)[0]
            .decode()
        )
        self.assertIn("[S10001] Reference project", html)
        self.assertIn("71 of 134 clients (53 %)", html)
        self.assertIn("106 %", html)
        self.assertIn("width: 67%", html)
        self.assertNotIn("Refclient", html)
        # the clients chart drawn as SVG: a point a month from 09/2015 to
        # 08/2018, the clients' line and the target's dashed pace
        svg = etree.fromstring(html.encode()).xpath("//*[local-name()='svg']")
        self.assertEqual(len(svg), 2)
        lines = svg[0].xpath(".//*[local-name()='polyline']")
        self.assertEqual([len(line.get("points").split()) for line in lines], [36, 36])
        self.assertEqual(lines[1].get("stroke-dasharray"), "6,4")
        # the shares chart: a bar a share on a 330 px wide 0-100 % scale
        # (follow-on 53 %, improved 31 %), both targets (50 %) marked at
        # 250 px + 50 x 3.3 px
        shares = svg[1]
        bars = shares.xpath(".//*[local-name()='rect'][@height='12'][@fill='#1f77b4']")
        self.assertEqual([bar.get("width") for bar in bars], ["174.9", "102.3"])
        marks = shares.xpath(".//*[local-name()='line'][@stroke-dasharray='3,2']")
        self.assertEqual([mark.get("x1") for mark in marks], ["415.0", "415.0"])
        texts = shares.xpath(".//*[local-name()='text']/text()")
        self.assertIn("On a follow-on path", texts)
        self.assertIn("53 %", texts)
        self.assertIn("09/2015", html)
        self.assertIn("08/2018", html)
        action = dashboard.action_print()
        self.assertEqual(action["report_name"], DASHBOARD_REPORT)

    def _assert_print_refused(self, user, dashboard):
        """The printout is refused with an access error (QWeb wraps it)."""
        report = self.env["ir.actions.report"].with_user(user)
        self.env.invalidate_all()  # as a new request: nothing read before
        with self.assertRaises(Exception) as caught:
            report._render_qweb_html(DASHBOARD_REPORT, dashboard.ids)
        error = caught.exception
        self.assertIsInstance(
            error if isinstance(error, AccessError) else error.__cause__, AccessError
        )

    def test_nobody_prints_another_users_dashboard(self):
        dashboard = self._dashboard(self.user_finance)
        self._assert_print_refused(self.user_manager, dashboard)
        other_manager = self.env["res.users"].create(
            {
                "name": "Other Manager",
                "login": "olo_dash_other",
                "groups_id": [
                    Command.set(
                        [self.env.ref("olopiste_case.group_olopiste_manager").id]
                    )
                ],
            }
        )
        # their own dashboard of a project that is not theirs: refused too
        own = self._dashboard(other_manager)
        self._assert_print_refused(other_manager, own)

    def test_opened_on_the_users_running_project(self):
        # both run today; the one that started first opens
        self.ref_project.date_end = False
        self.other_project.date_start = "2016-01-01"
        action = (
            self.env["olopiste.dashboard"].with_user(self.user_manager).action_open()
        )
        dashboard = self.env["olopiste.dashboard"].browse(action["res_id"])
        self.assertEqual(dashboard.project_id, self.ref_project)
        self.assertEqual(dashboard.create_uid, self.user_manager)
