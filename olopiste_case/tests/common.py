# Copyright 2026 Olopiste contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo.tests import new_test_user
from odoo.tests.common import TransactionCase


class OlopisteCase(TransactionCase):
    """Users for every role and two projects, one of which the worker is in."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.user_manager = new_test_user(
            cls.env, "olo_manager", groups="olopiste_case.group_olopiste_manager"
        )
        cls.user_worker = new_test_user(
            cls.env, "olo_worker", groups="olopiste_case.group_olopiste_worker"
        )
        cls.user_student = new_test_user(
            cls.env, "olo_student", groups="olopiste_case.group_olopiste_student"
        )
        cls.user_finance = new_test_user(
            cls.env, "olo_finance", groups="olopiste_case.group_olopiste_finance"
        )
        cls.user_plain = new_test_user(cls.env, "olo_plain", groups="base.group_user")
        Project = cls.env["olopiste.project"]
        cls.project = Project.create(
            {
                "name": "Test project",
                "code": "T0001",
                "programme": "esf_2014",
                "date_start": "2015-09-01",
                "date_end": "2018-08-31",
                "flat_rate": 17,
                "manager_id": cls.user_manager.id,
                "user_ids": [(6, 0, [cls.user_worker.id, cls.user_student.id])],
            }
        )
        cls.other_project = Project.create(
            {
                "name": "Other project",
                "code": "T0002",
                "manager_id": cls.user_manager.id,
            }
        )
