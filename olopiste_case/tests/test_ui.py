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
