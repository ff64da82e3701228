# Copyright 2026 Olopiste contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo.tests import HttpCase, new_test_user, tagged


@tagged("post_install", "-at_install")
class TestProjectTour(HttpCase):
    def test_manager_creates_project(self):
        manager = new_test_user(
            self.env,
            "tour_manager",
            groups="olopiste_case.group_olopiste_manager",
            name="Tour Manager",
        )
        self.start_tour("/odoo", "olopiste_project_create", login="tour_manager")
        project = self.env["olopiste.project"].search([("code", "=", "TOUR-1")])
        self.assertEqual(len(project), 1)
        self.assertEqual(project.name, "Tour project")
        self.assertEqual(project.programme, "esf_2014")
        self.assertEqual(project.manager_id, manager)


@tagged("post_install", "-at_install")
class TestCaseTour(HttpCase):
    def test_worker_takes_client_through_the_path(self):
        worker = new_test_user(
            self.env,
            "tour_worker",
            groups="olopiste_case.group_olopiste_worker",
            name="Tour Worker",
        )
        project = self.env["olopiste.project"].create(
            {"name": "Path project", "code": "PATH-1", "date_start": "2020-01-01"}
        )
        project.user_ids = worker
        self.start_tour("/odoo", "olopiste_case_path", login="tour_worker")
        case = self.env["olopiste.case"].search(
            [("partner_id.name", "=", "Tuuli Tourinen")]
        )
        self.assertEqual(len(case), 1)
        self.assertEqual(case.project_id, project)
        self.assertEqual(case.user_id, worker)
        self.assertEqual(case.stage_kind, "closed")
        self.assertEqual(case.exit_situation, "employed")
        self.assertTrue(case.partner_id.is_olopiste_client)
        followup = self.env.ref("olopiste_case.mail_activity_type_followup")
        self.assertEqual(
            len(case.activity_ids.filtered(lambda a: a.activity_type_id == followup)), 1
        )
        stages = case.message_ids.tracking_value_ids.filtered(
            lambda v: v.field_id.name == "stage_id"
        )
        self.assertGreaterEqual(len(stages), 4)
        self.assertIn("Closed", stages.mapped("new_value_char"))


@tagged("post_install", "-at_install")
class TestAttendanceTour(HttpCase):
    def test_worker_records_a_group_session(self):
        worker = new_test_user(
            self.env,
            "tour_worker",
            groups="olopiste_case.group_olopiste_worker",
            name="Tour Worker",
        )
        project = self.env["olopiste.project"].create(
            {
                "name": "Group project",
                "date_start": "2020-01-01",
                "user_ids": [(6, 0, worker.ids)],
            }
        )
        clients = self.env["res.partner"].create(
            [{"name": f"Group Client {n:02d}"} for n in range(10)]
        )
        cases = self.env["olopiste.case"].create(
            [
                {
                    "partner_id": c.id,
                    "project_id": project.id,
                    "date_entry": "2021-01-01",
                }
                for c in clients
            ]
        )
        session = self.env["calendar.event"].create(
            {
                "name": "Theme group",
                "olopiste_kind": "theme_group",
                "olopiste_project_id": project.id,
                "start": "2021-03-01 08:00:00",
                "stop": "2021-03-01 11:00:00",
                "user_id": worker.id,
                "olopiste_user_ids": [(6, 0, worker.ids)],
                "olopiste_case_ids": [(6, 0, cases.ids)],
            }
        )
        self.start_tour(
            f"/odoo/action-olopiste_case.calendar_event_action_olopiste/{session.id}",
            "olopiste_attendance_bulk",
            login="tour_worker",
        )
        attended = session.olopiste_attendance_ids.filtered(
            lambda a: a.state == "attended"
        )
        self.assertEqual(len(attended), 9)
        self.assertEqual(len(session.olopiste_attendance_ids), 11)
        self.assertAlmostEqual(session.olopiste_hours_total, 1.5 + 7 * 3 + 3)
        first = cases.filtered(lambda c: c.partner_id.name == "Group Client 00")
        self.assertAlmostEqual(first.attendance_hours, 1.5)
        self.assertEqual(cases[8].attendance_hours, 0.0)
        walk_in = attended.case_id - cases
        self.assertEqual(walk_in.partner_id.name, "Walk-in Visitor")
        self.assertEqual(walk_in.stage_kind, "encounter")
