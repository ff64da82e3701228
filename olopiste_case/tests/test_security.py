# Copyright 2026 Olopiste contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo.exceptions import AccessError
from odoo.tests import tagged

from .common import OlopisteTestCase


@tagged("post_install", "-at_install", "olopiste_security")
class TestProjectSecurity(OlopisteTestCase):
    def _visible_projects(self, user):
        Project = self.env["olopiste.project"].with_user(user)
        return Project.search([("id", "in", (self.project | self.other_project).ids)])

    def test_manager_sees_and_creates_projects(self):
        self.assertEqual(
            self._visible_projects(self.user_manager), self.project | self.other_project
        )
        created = (
            self.env["olopiste.project"]
            .with_user(self.user_manager)
            .create({"name": "New project", "code": "T0099"})
        )
        self.assertEqual(created.manager_id, self.user_manager)
        created.with_user(self.user_manager).write({"flat_rate": 40})
        created.with_user(self.user_manager).unlink()
        self.assertFalse(created.exists())

    def test_worker_and_student_read_only_their_projects(self):
        for user in (self.user_worker, self.user_student):
            with self.subTest(user=user.login):
                self.assertEqual(self._visible_projects(user), self.project)
                with self.assertRaises(AccessError):
                    self.other_project.with_user(user).read(["name"])
                with self.assertRaises(AccessError):
                    self.project.with_user(user).write({"name": "Renamed"})
                with self.assertRaises(AccessError):
                    self.env["olopiste.project"].with_user(user).create({"name": "X"})

    def test_finance_reads_all_but_changes_nothing(self):
        self.assertEqual(
            self._visible_projects(self.user_finance), self.project | self.other_project
        )
        with self.assertRaises(AccessError):
            self.project.with_user(self.user_finance).write({"flat_rate": 40})
        with self.assertRaises(AccessError):
            self.project.with_user(self.user_finance).unlink()

    def test_user_without_olopiste_role_reads_nothing(self):
        with self.assertRaises(AccessError):
            self.env["olopiste.project"].with_user(self.user_plain).search([])

    def test_other_company_project_is_hidden(self):
        other_company = self.env["res.company"].create({"name": "Other org"})
        foreign = self.env["olopiste.project"].create(
            {"name": "Foreign", "company_id": other_company.id}
        )
        Project = self.env["olopiste.project"].with_user(self.user_manager)
        self.assertFalse(Project.search([("id", "=", foreign.id)]))
