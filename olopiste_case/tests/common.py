# Copyright 2026 Olopiste contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from contextlib import contextmanager

from odoo.tests import new_test_user
from odoo.tests.common import TransactionCase


class OlopisteTestCase(TransactionCase):
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
        cls.user_worker2 = new_test_user(
            cls.env, "olo_worker2", groups="olopiste_case.group_olopiste_worker"
        )
        cls.project.user_ids = [(4, cls.user_worker2.id)]
        Area = cls.env["olopiste.area"]
        cls.area = Area.create(
            {
                "name": "North",
                "project_id": cls.project.id,
                "user_ids": [(6, 0, [cls.user_worker.id, cls.user_student.id])],
            }
        )
        cls.area2 = Area.create(
            {
                "name": "South",
                "project_id": cls.project.id,
                "user_ids": [(6, 0, [cls.user_worker2.id])],
            }
        )
        cls.stages = {
            kind: cls.env["olopiste.stage"].search([("kind", "=", kind)], limit=1)
            for kind in ("encounter", "mapping", "engagement", "followon", "closed")
        }
        cls.client = cls.env["res.partner"].create(
            {
                "name": "Aino Testinen",
                "birthdate_date": "1971-03-14",
                "gender": "female",
            }
        )
        cls.client2 = cls.env["res.partner"].create({"name": "Matti Testinen"})
        cls.case = cls._create_case(cls.client, cls.area, cls.user_worker)
        cls.case2 = cls._create_case(cls.client2, cls.area2, cls.user_worker2)

    @contextmanager
    def assertRaisesRegex(self, exception, regex):
        """assertRaises that also rolls back what the failed operation wrote
        (unittest's own assertRaisesRegex does not), then checks the message."""
        with self.assertRaises(exception) as context:
            yield context
        self.assertRegex(str(context.exception), regex)

    @classmethod
    def _create_case(cls, client, area, worker, **values):
        return cls.env["olopiste.case"].create(
            {
                "partner_id": client.id,
                "project_id": area.project_id.id,
                "area_id": area.id,
                "user_id": worker.id,
                "date_entry": "2016-01-15",
                **values,
            }
        )
