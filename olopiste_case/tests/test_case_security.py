# Copyright 2026 Olopiste contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo.exceptions import AccessError, UserError
from odoo.tests import tagged

from .common import OlopisteTestCase

SENSITIVE = ("disability", "minority", "criminal_background", "note")


@tagged("post_install", "-at_install", "olopiste_security")
class TestCaseSecurity(OlopisteTestCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.case.write(
            {
                "consent_sensitive_date": "2016-01-15",
                "disability": "yes",
                "criminal_background": "yes",
                "note": "<p>Confidential note</p>",
            }
        )
        cls.case.message_post(body="Chatter about the client")
        # the trainee helps in an activity of the first case only
        cls.area_case = cls._create_case(
            cls.env["res.partner"].create({"name": "Ville Alueella"}),
            cls.area,
            cls.user_worker,
        )
        cls.env["calendar.event"].create(
            {
                "name": "Group",
                "olopiste_kind": "group",
                "olopiste_project_id": cls.project.id,
                "olopiste_user_ids": [
                    (6, 0, [cls.user_worker.id, cls.user_student.id])
                ],
                "olopiste_case_ids": [(6, 0, cls.case.ids)],
                "start": "2016-03-01 08:00:00",
                "stop": "2016-03-01 11:00:00",
            }
        )
        cls.foreign_case = cls.env["olopiste.case"].create(
            {"partner_id": cls.client.id, "project_id": cls.other_project.id}
        )

    def _visible(self, user):
        return (
            self.env["olopiste.case"]
            .with_user(user)
            .search(
                [
                    (
                        "id",
                        "in",
                        (
                            self.case | self.case2 | self.foreign_case | self.area_case
                        ).ids,
                    )
                ]
            )
        )

    def test_workers_see_only_their_areas(self):
        self.assertEqual(self._visible(self.user_worker), self.case | self.area_case)
        self.assertEqual(self._visible(self.user_worker2), self.case2)
        with self.assertRaises(AccessError):
            self.case2.with_user(self.user_worker).read(["partner_id"])

    def test_worker_reads_and_writes_sensitive_data_of_own_cases(self):
        case = self.case.with_user(self.user_worker)
        values = case.read(list(SENSITIVE))[0]
        self.assertEqual(values["disability"], "yes")
        self.assertIn("Confidential", values["note"])
        case.write({"disability": "declined", "stage_id": self.stages["mapping"].id})
        self.assertEqual(self.case.disability, "declined")
        self.assertIn("Chatter about the client", case.message_ids.mapped("body")[0])

    def test_worker_cannot_delete_cases(self):
        with self.assertRaises(AccessError):
            self.case.with_user(self.user_worker).unlink()

    def test_manager_sees_every_case_of_own_projects(self):
        self.assertEqual(
            self._visible(self.user_manager),
            self.case | self.case2 | self.foreign_case | self.area_case,
        )
        self.assertEqual(
            self.case.with_user(self.user_manager).criminal_background, "yes"
        )

    def test_finance_reads_no_case(self):
        # finance works from the reports: no case, through any ORM path
        case = self.case.with_user(self.user_finance)
        for call in (
            lambda: case.read(["partner_id"]),
            lambda: case.search_read([], ["code"]),
            lambda: case.read_group([], ["code"], ["stage_id"]),
            lambda: case.export_data(["code"]),
            lambda: case.name_search("Aino"),
        ):
            with self.assertRaises(AccessError):
                call()
        self.assertFalse(
            self.env["res.partner"]
            .with_user(self.user_finance)
            .search([("id", "=", self.client.id)])
        )

    def test_student_never_reads_sensitive_data(self):
        for user in (self.user_student,):
            with self.subTest(user=user.login):
                case = self.case.with_user(user)
                self.assertEqual(
                    case.read(["partner_id"])[0]["partner_id"][0], self.client.id
                )
                for fname in SENSITIVE:
                    with self.assertRaises(AccessError):
                        case.read([fname])
                    with self.assertRaises(AccessError):
                        case.search_read([("id", "=", self.case.id)], [fname])
                    # trainees may not export at all
                    with self.assertRaises(UserError):
                        case.export_data([fname])
                    with self.assertRaises(AccessError):
                        self.env["olopiste.case"].with_user(user).search(
                            [(fname, "=", "yes")]
                        )
                fields_seen = self.env["olopiste.case"].with_user(user).fields_get()
                self.assertFalse(set(SENSITIVE) & set(fields_seen))

    def test_student_and_finance_never_read_the_chatter(self):
        message = self.case.message_ids.filtered(
            lambda m: "Chatter about the client" in (m.body or "")
        )
        self.assertTrue(message)
        for user in (self.user_student, self.user_finance):
            with self.subTest(user=user.login):
                with self.assertRaises(AccessError):
                    message.with_user(user).read(["body"])

    def test_student_and_finance_change_nothing(self):
        for user in (self.user_student, self.user_finance):
            with self.subTest(user=user.login):
                with self.assertRaises(AccessError):
                    self.case.with_user(user).write({"priority": "1"})
                with self.assertRaises(AccessError):
                    self.env["olopiste.case"].with_user(user).create(
                        {"partner_id": self.client2.id, "project_id": self.project.id}
                    )

    def test_student_never_reads_the_next_activity_summary(self):
        self.case.activity_schedule(
            "mail.mail_activity_data_todo",
            summary="Call about the rehabilitation",
            user_id=self.user_worker.id,
        )
        self.assertEqual(
            self.case.with_user(self.user_worker).activity_summary,
            "Call about the rehabilitation",
        )
        self.env.invalidate_all()
        values = self.case.with_user(self.user_student).read(["activity_summary"])
        self.assertFalse(values[0]["activity_summary"])

    def test_student_sees_only_cases_of_activities_they_help_in(self):
        # not the other case of their area, which is in no activity of theirs
        self.assertEqual(self._visible(self.user_student), self.case)
        for fname in ("target_group_ids", "capacity_change", "referral_ids"):
            with self.assertRaises(AccessError):
                self.case.with_user(self.user_student).read([fname])

    def test_user_without_role_sees_no_case(self):
        with self.assertRaises(AccessError):
            self.env["olopiste.case"].with_user(self.user_plain).search([])

    def test_student_form_has_no_sensitive_fields_nor_chatter(self):
        arch = (
            self.env["olopiste.case"]
            .with_user(self.user_student)
            .get_view(view_type="form")["arch"]
        )
        for fname in (*SENSITIVE, "message_ids"):
            self.assertNotIn(f'name="{fname}"', arch)
        arch_worker = (
            self.env["olopiste.case"]
            .with_user(self.user_worker)
            .get_view(view_type="form")["arch"]
        )
        self.assertIn('name="disability"', arch_worker)

    def test_configuration_is_for_managers(self):
        stage = self.stages["mapping"]
        with self.assertRaises(AccessError):
            stage.with_user(self.user_worker).write({"name": "Renamed"})
        stage.with_user(self.user_manager).write({"name": "Kartoitus"})
        self.assertEqual(stage.name, "Kartoitus")
        with self.assertRaises(AccessError):
            self.area.with_user(self.user_worker).write({"name": "X"})
