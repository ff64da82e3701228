# Copyright 2026 Olopiste contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from datetime import timedelta

from psycopg2 import IntegrityError

from odoo import fields
from odoo.exceptions import AccessError, UserError, ValidationError
from odoo.tests import Form, tagged
from odoo.tools import mute_logger

from .common import OlopisteTestCase


class AttendanceCase(OlopisteTestCase):
    """A three-hour group session of the test project with invited cases."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.clients = cls.env["res.partner"].create(
            [{"name": f"Group Client {n:02d}"} for n in range(10)]
        )
        cls.group_cases = cls.env["olopiste.case"].create(
            [
                {
                    "partner_id": client.id,
                    "project_id": cls.project.id,
                    "area_id": cls.area.id,
                    "date_entry": "2016-01-15",
                }
                for client in cls.clients
            ]
        )
        cls.session = cls._create_session(cls.group_cases)

    @classmethod
    def _create_session(cls, cases, **values):
        return cls.env["calendar.event"].create(
            {
                "name": "Theme group",
                "olopiste_kind": "theme_group",
                "olopiste_project_id": cls.project.id,
                "olopiste_area_id": cls.area.id,
                "start": "2016-03-01 08:00:00",
                "stop": "2016-03-01 11:00:00",
                "olopiste_user_ids": [
                    (6, 0, [cls.user_worker.id, cls.user_student.id])
                ],
                "olopiste_case_ids": [(6, 0, cases.ids)],
                **values,
            }
        )

    def _entry(self, event=None, user=None):
        Entry = self.env["olopiste.attendance.entry"]
        if user:
            Entry = Entry.with_user(user)
        action = Entry.action_open_for_event(
            (event or self.session).with_env(Entry.env)
        )
        return Entry.browse(action["res_id"])


@tagged("post_install", "-at_install", "olopiste_attendance")
class TestAttendance(AttendanceCase):
    def _attend(self, case, **values):
        return self.env["olopiste.attendance"].create(
            {"event_id": self.session.id, "case_id": case.id, **values}
        )

    def test_hours_default_to_session_duration(self):
        attendance = self._attend(self.case)
        self.assertEqual(attendance.hours, 3.0)
        self.assertEqual(str(attendance.date), "2016-03-01")
        self.assertEqual(attendance.kind, "theme_group")
        self.assertEqual(self.case.attendance_hours, 3.0)
        self.assertEqual(self.case.attendance_count, 1)
        self.assertEqual(str(self.case.last_attendance_date), "2016-03-01")
        self.assertEqual(self.client.olopiste_attendance_hours, 3.0)

    def test_absence_has_no_hours(self):
        attendance = self._attend(self.case, state="absent")
        self.assertEqual(attendance.hours, 0.0)
        self.assertEqual(self.case.attendance_hours, 0.0)
        self.assertEqual(self.case.attendance_count, 0)

    def test_bad_hours_are_refused(self):
        for hours, message in ((-1, "more than 0"), (3.5, "more than the 3")):
            with self.assertRaisesRegex(ValidationError, message):
                self._attend(self.case, hours=hours)
        self.assertFalse(self.case.attendance_ids)

    def test_case_of_another_project_is_refused(self):
        foreign = self.env["olopiste.case"].create(
            {"partner_id": self.client2.id, "project_id": self.other_project.id}
        )
        with self.assertRaisesRegex(ValidationError, "not to the project"):
            self._attend(foreign)
        with self.assertRaisesRegex(ValidationError, "another project"):
            self.session.olopiste_case_ids = [(4, foreign.id)]

    def test_attendance_outside_case_period_is_refused(self):
        late = self._create_case(
            self.env["res.partner"].create({"name": "Late Client"}),
            self.area,
            self.user_worker,
            date_entry="2016-03-02",
        )
        with self.assertRaisesRegex(ValidationError, "before the case's entry date"):
            self._attend(late)
        self.case.write({"date_exit": "2016-02-29", "exit_situation": "employed"})
        with self.assertRaisesRegex(ValidationError, "after the case's exit date"):
            self._attend(self.case)

    def test_same_session_twice_is_refused(self):
        self._attend(self.case)
        with mute_logger("odoo.sql_db"), self.assertRaises(IntegrityError):
            with self.env.cr.savepoint():
                self._attend(self.case)

    def test_negative_headcount_is_refused(self):
        with self.assertRaisesRegex(ValidationError, "cannot be negative"):
            self.session.olopiste_headcount = -1


@tagged("post_install", "-at_install", "olopiste_attendance")
class TestAttendanceEntry(AttendanceCase):
    def test_bulk_entry_of_a_session(self):
        entry = self._entry()
        self.assertEqual(len(entry.line_ids), 10)
        self.assertEqual(entry.hours, 3.0)
        with Form(entry) as form:
            for index in range(8):
                with form.line_ids.edit(index) as line:
                    line.present = True
            with form.line_ids.edit(9) as line:
                line.excused = True
            with form.line_ids.edit(0) as line:
                line.hours = 1.5
            with form.line_ids.new() as line:
                line.new_client_name = "Walk-in Visitor"
                line.present = True
                line.hours = 3.0
            with form.line_ids.new() as line:
                line.case_id = self.case
                line.present = True
                line.hours = 2.0
            form.headcount = 4
        entry.action_save()
        attendances = self.session.olopiste_attendance_ids
        self.assertEqual(len(attendances), 12)
        self.assertEqual(self.session.olopiste_attended_count, 10)
        self.assertEqual(self.session.olopiste_hours_total, 1.5 + 7 * 3.0 + 3.0 + 2.0)
        self.assertEqual(self.session.olopiste_headcount, 4)
        states = attendances.filtered(lambda a: a.case_id in self.group_cases).mapped(
            "state"
        )
        self.assertEqual(states.count("absent"), 1)
        self.assertEqual(states.count("excused"), 1)
        walk_in = attendances.case_id.filtered(
            lambda c: c.partner_id.name == "Walk-in Visitor"
        )
        self.assertEqual(walk_in.stage_kind, "encounter")
        self.assertEqual(str(walk_in.date_entry), "2016-03-01")
        self.assertIn(walk_in, self.session.olopiste_case_ids)
        self.assertIn(self.case, self.session.olopiste_case_ids)
        self.assertEqual(self.case.attendance_hours, 2.0)

    def test_re_entry_updates_without_duplicates(self):
        entry = self._entry()
        entry.action_mark_all_present()
        entry.action_save()
        self.assertEqual(self.session.olopiste_hours_total, 30.0)
        again = self._entry()
        self.assertTrue(all(again.line_ids.mapped("present")))
        again.line_ids[0].present = False
        again.action_save()
        self.assertEqual(len(self.session.olopiste_attendance_ids), 10)
        self.assertEqual(self.session.olopiste_hours_total, 27.0)

    def test_same_screen_saved_twice_saves_once(self):
        # a double click, or a request sent again when its answer was lost
        entry = self._entry()
        entry.action_mark_all_present()
        with Form(entry) as form, form.line_ids.new() as line:
            line.new_client_name = "Walk-in Twice"
            line.present = True
            line.hours = 3.0
        entry.action_save()
        entry.action_save()
        attendances = self.session.olopiste_attendance_ids
        self.assertEqual(len(attendances), 11)
        self.assertEqual(len(attendances.case_id), 11)
        self.assertEqual(
            self.env["res.partner"].search_count([("name", "=", "Walk-in Twice")]), 1
        )
        self.assertEqual(self.session.olopiste_hours_total, 33.0)

    def test_screen_opened_before_another_save_saves_nothing(self):
        first, second = self._entry(), self._entry(user=self.user_student)
        first.action_mark_all_present()
        first.action_save()
        second.action_mark_all_present()
        second.line_ids.sorted("sequence")[0].hours = 1.0
        second.headcount = 3
        with self.assertRaisesRegex(UserError, "while you had it open"):
            second.action_save()
        self.assertEqual(self.session.olopiste_hours_total, 30.0)
        self.assertEqual(self.session.olopiste_headcount, 0)
        # opened again, it shows the other save and saves
        again = self._entry(user=self.user_student)
        again.line_ids.sorted("sequence")[0].hours = 1.0
        again.action_save()
        self.assertEqual(self.session.olopiste_hours_total, 28.0)

    def test_one_bad_row_saves_nothing_and_names_the_row(self):
        entry = self._entry()
        entry.action_mark_all_present()
        entry.line_ids.sorted("sequence")[3].hours = 4.0
        entry.line_ids.create({"entry_id": entry.id, "present": True, "hours": 1})
        with self.assertRaisesRegex(
            ValidationError, r"Row 4: Group Client 03: 4\.00 hours"
        ) as error:
            entry.action_save()
        self.assertIn("Row 11: choose a client's case", str(error.exception))
        self.assertFalse(self.session.olopiste_attendance_ids)

    def test_listed_twice_and_both_present_and_excused(self):
        entry = self._entry()
        entry.line_ids.create({"entry_id": entry.id, "case_id": self.group_cases[0].id})
        line = entry.line_ids.sorted("sequence")[1]
        line.write({"present": True, "excused": True})
        with self.assertRaisesRegex(ValidationError, "listed twice") as error:
            entry.action_save()
        self.assertIn("both present and excused", str(error.exception))

    def test_save_queries_do_not_grow_with_attendees(self):
        def queries_to_save(cases):
            entry = self._entry(self._create_session(cases))
            entry.action_mark_all_present()
            self.env.flush_all()
            self.env.invalidate_all()
            before = self.cr.sql_log_count
            entry.action_save()
            self.env.flush_all()
            return self.cr.sql_log_count - before

        more_clients = self.env["res.partner"].create(
            [{"name": f"Extra Client {n:02d}"} for n in range(35)]
        )
        cases = self.group_cases | self.env["olopiste.case"].create(
            [
                {
                    "partner_id": client.id,
                    "project_id": self.project.id,
                    "area_id": self.area.id,
                    "date_entry": "2016-01-15",
                }
                for client in more_clients
            ]
        )
        queries_to_save(cases[40:45])  # warms the caches that a first save fills
        small, large = queries_to_save(cases[:10]), queries_to_save(cases[10:40])
        self.assertEqual(large, small, f"10 attendees: {small} queries, 30: {large}")

    def test_activity_needs_a_project_to_take_attendance(self):
        event = self.env["calendar.event"].create(
            {
                "name": "Staff meeting",
                "start": "2016-03-01 08:00:00",
                "stop": "2016-03-01 09:00:00",
            }
        )
        with self.assertRaisesRegex(ValidationError, "project"):
            event.action_olopiste_record_attendance()


@tagged("post_install", "-at_install", "olopiste_attendance")
class TestAttendanceSecurity(AttendanceCase):
    def test_student_records_attendance_of_a_session_they_help_in(self):
        other_area_case = self.case2  # in the area of worker2, not the student's
        self.session.olopiste_case_ids = [(4, other_area_case.id)]
        entry = self._entry(user=self.user_student)
        entry.action_mark_all_present()
        entry.action_save()
        recorded = self.session.olopiste_attendance_ids
        self.assertEqual(len(recorded), 11)
        self.assertIn(other_area_case, recorded.case_id)
        case = other_area_case.with_user(self.user_student)
        self.assertEqual(case.read(["partner_id"])[0]["partner_id"][0], self.client2.id)
        with self.assertRaises(AccessError):
            case.read(["disability"])

    def test_student_cannot_reach_sessions_they_do_not_help_in(self):
        session = self._create_session(
            self.case2, olopiste_user_ids=[(6, 0, [self.user_worker2.id])]
        )
        attendance = self.env["olopiste.attendance"].create(
            {"event_id": session.id, "case_id": self.case2.id}
        )
        with self.assertRaises(AccessError):
            attendance.with_user(self.user_student).read(["hours"])
        with self.assertRaises(AccessError):
            self.case2.with_user(self.user_student).read(["partner_id"])

    def test_student_cannot_delete_attendance(self):
        attendance = self.env["olopiste.attendance"].create(
            {"event_id": self.session.id, "case_id": self.case.id}
        )
        with self.assertRaises(AccessError):
            attendance.with_user(self.user_student).unlink()

    def test_finance_reads_but_never_writes_attendance(self):
        attendance = self.env["olopiste.attendance"].create(
            {"event_id": self.session.id, "case_id": self.case.id}
        )
        self.assertEqual(attendance.with_user(self.user_finance).hours, 3.0)
        with self.assertRaises(AccessError):
            attendance.with_user(self.user_finance).write({"hours": 1.0})

    def test_worker_of_another_area_sees_no_attendance_of_this_one(self):
        attendance = self.env["olopiste.attendance"].create(
            {"event_id": self.session.id, "case_id": self.case.id}
        )
        visible = (
            self.env["olopiste.attendance"]
            .with_user(self.user_worker2)
            .search([("id", "=", attendance.id)])
        )
        self.assertFalse(visible)

    def test_user_without_role_sees_no_olopiste_data_on_events(self):
        fields_seen = self.env["calendar.event"].with_user(self.user_plain).fields_get()
        self.assertNotIn("olopiste_case_ids", fields_seen)
        with self.assertRaises(AccessError):
            self.session.with_user(self.user_plain).read(["olopiste_case_ids"])


@tagged("post_install", "-at_install", "olopiste_attendance")
class TestAttendanceDay(AttendanceCase):
    """Sessions of a running project: next week's and a walk-in's row."""

    def setUp(self):
        super().setUp()
        today = fields.Date.context_today(self.project)
        self.other_project.write(
            {"user_ids": [(6, 0, [self.user_worker.id, self.user_student.id])]}
        )
        self.running_case = self.env["olopiste.case"].create(
            {
                "partner_id": self.env["res.partner"]
                .create({"name": "Viikko Asiakas"})
                .id,
                "project_id": self.other_project.id,
                "user_id": self.user_worker.id,
                "date_entry": today - timedelta(days=30),
            }
        )
        next_week = today + timedelta(days=7)
        self.next_week = self.env["calendar.event"].create(
            {
                "name": "Next week's group",
                "olopiste_kind": "theme_group",
                "olopiste_project_id": self.other_project.id,
                "start": f"{next_week} 08:00:00",
                "stop": f"{next_week} 11:00:00",
                "olopiste_user_ids": [(6, 0, [self.user_worker.id])],
                "olopiste_case_ids": [(6, 0, self.running_case.ids)],
            }
        )

    def test_next_weeks_session_takes_only_excused_absences(self):
        Attendance = self.env["olopiste.attendance"].with_user(self.user_worker)
        for state in ("attended", "absent"):
            with self.assertRaisesRegex(ValidationError, "has not taken place yet"):
                Attendance.create(
                    {
                        "event_id": self.next_week.id,
                        "case_id": self.running_case.id,
                        "state": state,
                    }
                )
        entry = self._entry(self.next_week, self.user_worker)
        entry.action_mark_all_present()
        with self.assertRaisesRegex(ValidationError, "has not taken place yet"):
            entry.action_save()
        self.assertFalse(self.next_week.olopiste_attendance_ids)
        # unmarked, nobody is absent yet: nothing is written
        entry.line_ids.present = False
        entry.action_save()
        self.assertFalse(self.next_week.olopiste_attendance_ids)
        # the client called in advance
        entry = self._entry(self.next_week, self.user_worker)
        entry.line_ids.excused = True
        entry.action_save()
        self.assertEqual(self.next_week.olopiste_attendance_ids.state, "excused")
        self.assertEqual(self.running_case.attendance_hours, 0.0)

    def test_walk_in_row_is_present_for_the_session_hours(self):
        form = Form(self._entry(user=self.user_worker))
        with form.line_ids.new() as line:
            self.assertTrue(line.present)
            self.assertEqual(line.hours, 3.0)
            line.new_client_name = "Kävijä Uusi"
        with form.line_ids.edit(0) as line:
            line.present = True
            line.excused = True
            self.assertFalse(line.present)
            line.present = True
            self.assertFalse(line.excused)
        form.save().action_save()
        walk_in = self.session.olopiste_attendance_ids.filtered(
            lambda a: a.partner_id.name == "Kävijä Uusi"
        )
        self.assertEqual((walk_in.state, walk_in.hours), ("attended", 3.0))

    def test_trainee_walk_in_named_in_finnish(self):
        self.env["res.lang"]._activate_lang("fi_FI")
        entry = self._entry(user=self.user_student).with_context(lang="fi_FI")
        entry.line_ids.create(
            {"entry_id": entry.id, "new_client_name": "Kävijä Uusi", "present": True}
        )
        with self.assertRaises(ValidationError) as error:
            entry.action_save()
        self.assertIn("Kävijä Uusi: vain ohjaaja voi lisätä", str(error.exception))
        self.assertFalse(self.env["res.partner"].search([("name", "=", "Kävijä Uusi")]))
