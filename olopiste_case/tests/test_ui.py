# Copyright 2026 Olopiste contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import Command
from odoo.tests import HttpCase, new_test_user, tagged

from .tour_common import SCREENS, FinnishTourCase


def tour_worker(env):
    """The case worker who clicks through the tours."""
    return new_test_user(
        env,
        "tour_worker",
        groups="olopiste_case.group_olopiste_worker",
        name="Tour Worker",
        email="tour.worker@example.com",
    )


@tagged("post_install", "-at_install", "olopiste_ui")
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


@tagged("post_install", "-at_install", "olopiste_ui")
class TestCaseTour(HttpCase):
    def test_worker_takes_client_through_the_path(self):
        worker = tour_worker(self.env)
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


@tagged("post_install", "-at_install", "olopiste_ui")
class TestAttendanceTour(HttpCase):
    def test_worker_records_a_group_session(self):
        worker = tour_worker(self.env)
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
        self.assertAlmostEqual(session.olopiste_hours_total, 1.5 + 7 * 3 + 2.5)
        first = cases.filtered(lambda c: c.partner_id.name == "Group Client 00")
        self.assertAlmostEqual(first.attendance_hours, 1.5)
        self.assertEqual(cases[8].attendance_hours, 0.0)
        walk_in = attended.case_id - cases
        self.assertEqual(walk_in.partner_id.name, "Walk-in Visitor")
        self.assertEqual(walk_in.stage_kind, "encounter")


@tagged("post_install", "-at_install", "olopiste_ui")
class TestReferralTours(HttpCase):
    def test_worker_sends_handover_and_partner_accepts(self):
        worker = tour_worker(self.env)
        project = self.env["olopiste.project"].create(
            {
                "name": "Path project",
                "date_start": "2020-01-01",
                "user_ids": [(6, 0, worker.ids)],
            }
        )
        client = self.env["res.partner"].create({"name": "Hanna Handover"})
        case = self.env["olopiste.case"].create(
            {
                "partner_id": client.id,
                "project_id": project.id,
                "user_id": worker.id,
                "date_entry": "2021-01-01",
                "stage_id": self.env.ref("olopiste_case.stage_engagement").id,
            }
        )
        organisation = self.env["res.partner"].create(
            {
                "name": "Kitchen Workshop",
                "is_company": True,
                "is_olopiste_partner_org": True,
            }
        )
        contact = self.env["res.partner"].create(
            {
                "name": "Riikka Receiver",
                "parent_id": organisation.id,
                "email": "riikka@example.com",
            }
        )
        new_test_user(
            self.env,
            "riikka",
            groups="base.group_portal",
            partner_id=contact.id,
            name="Riikka Receiver",
            email="riikka@example.com",
        )
        self.start_tour(
            f"/odoo/action-olopiste_case.olopiste_case_action/{case.id}",
            "olopiste_referral_handover",
            login="tour_worker",
        )
        referral = case.referral_ids
        self.assertEqual(len(referral), 1)
        self.assertEqual(
            referral.followon_type_id,
            self.env.ref("olopiste_case.followon_type_work_trial"),
        )
        self.assertEqual(referral.state, "referred")
        self.assertTrue(referral.handover_sent_date)
        self.assertTrue(referral._handover_link_valid(referral.access_token))
        self.assertTrue(
            any(
                "Handover summary sent" in (b or "")
                for b in case.message_ids.mapped("body")
            )
        )

        self.start_tour(
            referral.get_portal_url(), "olopiste_handover_accept", login="riikka"
        )
        self.assertEqual(referral.response, "accepted")
        self.assertEqual(referral.state, "started")
        self.assertTrue(case.on_followon_path)
        self.assertEqual(case.stage_kind, "followon")

    def test_expired_or_wrong_links_show_nothing(self):
        project = self.env["olopiste.project"].create({"name": "Link project"})
        client = self.env["res.partner"].create({"name": "Linda Link"})
        case = self.env["olopiste.case"].create(
            {
                "partner_id": client.id,
                "project_id": project.id,
                "consent_handover_date": "2021-01-01",
            }
        )
        organisation = self.env["res.partner"].create(
            {"name": "Receiver Org", "is_company": True}
        )
        referral = self.env["olopiste.referral"].create(
            {
                "case_id": case.id,
                "organisation_id": organisation.id,
                "followon_type_id": self.env.ref(
                    "olopiste_case.followon_type_workshop"
                ).id,
                "handover_summary": "<p>Secret detail</p>",
            }
        )
        referral._portal_ensure_token()
        response = self.url_open(referral.get_portal_url())
        self.assertEqual(response.status_code, 410)  # never sent: no valid link
        referral.handover_expiry = "2999-01-01 00:00:00"
        response = self.url_open(referral.get_portal_url())
        self.assertEqual(response.status_code, 200)
        self.assertIn("Secret detail", response.text)
        response = self.url_open(f"/olopiste/handover/{referral.id}?access_token=wrong")
        self.assertEqual(response.status_code, 410)
        self.assertNotIn("Secret detail", response.text)
        url = referral.get_portal_url()
        case.action_withdraw_handover_consent()
        response = self.url_open(url)
        self.assertEqual(response.status_code, 410)
        self.assertNotIn("Secret detail", response.text)


@tagged("post_install", "-at_install", "olopiste_ui")
class TestImportTour(HttpCase):
    def test_worker_imports_the_valid_rows_of_a_file(self):
        worker = tour_worker(self.env)
        project = self.env["olopiste.project"].create(
            {
                "name": "Tuontihanke",
                "code": "TUONTI-T",
                "date_start": "2015-09-01",
                "date_end": "2018-08-31",
                "user_ids": [(6, 0, worker.ids)],
            }
        )
        self.env["olopiste.area"].create({"name": "Keskusta", "project_id": project.id})
        self.start_tour("/odoo", "olopiste_import_valid_rows", login="tour_worker")
        cases = self.env["olopiste.case"].search([("project_id", "=", project.id)])
        self.assertEqual(
            sorted(cases.partner_id.mapped("name")), ["Aino Tuonti", "Kalle Tuonti"]
        )
        self.assertEqual(set(cases.mapped("stage_id.kind")), {"engagement"})
        self.assertFalse(
            self.env["res.partner"].search_count(
                [("name", "in", ("Eino Tuonti", "Ilmari Tuonti"))]
            )
        )


@tagged("post_install", "-at_install", "olopiste_ui")
class TestFinnishDayTours(FinnishTourCase):
    def test_worker_records_attendance_on_laptop_and_phone(self):
        worker = self.finnish_user(
            "paiva_worker", "olopiste_case.group_olopiste_worker"
        )
        project = self.running_project("Päivähanke", worker)
        clients = self.env["res.partner"].create(
            [{"name": f"Asiakas {letter}"} for letter in "ABC"]
        )
        cases = self.env["olopiste.case"].create(
            [
                {
                    "partner_id": c.id,
                    "project_id": project.id,
                    "date_entry": "2021-01-04",
                }
                for c in clients
            ]
        )
        sessions = {
            screen: self.env["calendar.event"].create(
                {
                    "name": f"Työnhakuryhmä ({screen})",
                    "olopiste_kind": "theme_group",
                    "olopiste_project_id": project.id,
                    "start": f"2021-03-0{day} 08:00:00",
                    "stop": f"2021-03-0{day} 11:00:00",
                    "user_id": worker.id,
                    "olopiste_user_ids": [Command.set(worker.ids)],
                    "olopiste_case_ids": [Command.set(cases.ids)],
                }
            )
            for day, (screen, _size, _touch) in enumerate(SCREENS, start=1)
        }

        def check(screen):
            attended = sessions[screen].olopiste_attendance_ids.filtered(
                lambda a: a.state == "attended"
            )
            self.assertEqual(
                attended.case_id.partner_id.mapped("name"),
                ["Asiakas A", "Asiakas B"],
                screen,
            )
            self.assertEqual(
                sorted(attended.mapped("hours")), [1.5, 3.0], f"{screen}: hours"
            )
            self.assertEqual(
                attended.filtered(lambda a: a.hours == 1.5).case_id.partner_id.name,
                "Asiakas A",
            )

        self.start_tour_on_screens(
            lambda screen: (
                "/odoo/action-olopiste_case.calendar_event_action_olopiste/"
                f"{sessions[screen].id}"
            ),
            "olopiste_fi_worker_attendance",
            "paiva_worker",
            check,
        )

    def test_trainee_opens_a_case_without_special_categories(self):
        trainee = self.finnish_user(
            "paiva_trainee", "olopiste_case.group_olopiste_student"
        )
        project = self.running_project("Harjoitteluhanke", trainee)
        client = self.env["res.partner"].create({"name": "Ella Esimerkki"})
        case = self.env["olopiste.case"].create(
            {
                "partner_id": client.id,
                "project_id": project.id,
                "date_entry": "2021-01-04",
                "consent_sensitive_date": "2021-01-04",
                "disability": "yes",
                "note": "<p>Luottamuksellinen muistiinpano</p>",
            }
        )
        # a trainee sees the clients of the sessions they help in
        self.env["calendar.event"].create(
            {
                "name": "Työnhakuryhmä",
                "olopiste_kind": "theme_group",
                "olopiste_project_id": project.id,
                "start": "2021-03-01 08:00:00",
                "stop": "2021-03-01 11:00:00",
                "olopiste_user_ids": [Command.set(trainee.ids)],
                "olopiste_case_ids": [Command.set(case.ids)],
            }
        )

        def check(screen):
            self.assertEqual(case.disability, "yes", screen)  # nothing changed

        self.start_tour_on_screens(
            lambda screen: "/odoo/action-olopiste_case.olopiste_case_action",
            "olopiste_fi_trainee_case",
            "paiva_trainee",
            check,
        )


@tagged("post_install", "-at_install", "olopiste_ui")
class TestConnectionLostTour(FinnishTourCase):
    def test_lost_database_connection_is_explained(self):
        worker = self.finnish_user(
            "tour_lost_worker", "olopiste_case.group_olopiste_worker"
        )
        self.start_tour(
            "/odoo/action-olopiste_case.olopiste_case_action",
            "olopiste_connection_lost",
            login=worker.login,
        )
