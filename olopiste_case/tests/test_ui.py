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
