# Copyright 2026 Olopiste contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from datetime import date, timedelta

from lxml import etree

from odoo import fields
from odoo.exceptions import ValidationError
from odoo.tests import Form, tagged
from odoo.tools.safe_eval import safe_eval

from .common import OlopisteTestCase


@tagged("post_install", "-at_install", "olopiste_case")
class TestCase(OlopisteTestCase):
    def test_new_case_starts_in_encounter_with_a_code(self):
        self.assertEqual(self.case.stage_id.kind, "encounter")
        self.assertTrue(self.case.code.startswith("C"))
        self.assertNotEqual(self.case.code, self.case2.code)
        self.assertTrue(self.client.is_olopiste_client)
        self.assertEqual(self.client.olopiste_case_count, 1)
        self.assertEqual(self.project.case_count, 2)

    def test_exit_before_entry_is_refused(self):
        with self.assertRaisesRegex(ValidationError, "before the entry date"):
            self.case.write({"date_exit": "2016-01-14", "exit_situation": "employed"})
        self.assertFalse(self.case.date_exit)

    def test_entry_outside_project_period_is_refused(self):
        for day in ("2015-08-31", "2018-09-01"):
            with self.assertRaisesRegex(ValidationError, "outside the period"):
                self.case.date_entry = day
        self.assertEqual(str(self.case.date_entry), "2016-01-15")

    def test_entry_outside_project_period_names_the_dates_in_finnish(self):
        self.env["res.lang"]._activate_lang("fi_FI")
        case = self.case.with_context(lang="fi_FI")
        with self.assertRaises(ValidationError) as error:
            case.date_entry = "2015-08-31"
        message = str(error.exception)
        for day in ("31.08.2015", "01.09.2015", "31.08.2018"):
            self.assertIn(day, message)
        self.assertNotIn("2015-08-31", message)

    def test_area_of_another_project_is_refused(self):
        elsewhere = self.env["olopiste.area"].create(
            {"name": "North", "project_id": self.other_project.id}
        )
        with self.assertRaisesRegex(ValidationError, "not an area of the project"):
            self.case.area_id = elsewhere
        self.assertEqual(self.case.area_id, self.area)

    def test_open_case_counted_to_the_project_end(self):
        """The project ended on 31 August 2018: an open case's time in it
        stops there, not at today."""
        self.assertEqual(
            self.case.days_in_project, (date(2018, 8, 31) - date(2016, 1, 15)).days
        )
        self.case.write({"date_exit": "2017-01-15", "exit_situation": "employed"})
        self.assertEqual(self.case.days_in_project, 366)

    def test_new_case_lands_in_the_running_project_and_last_area(self):
        """The worker is in an ended project (the common one) and in a
        running one: a new case proposes the running project, and after a
        case in it with an area, the same project and area for the next."""
        today = fields.Date.context_today(self.project)
        running = self.env["olopiste.project"].create(
            {
                "name": "Running project",
                "date_start": today - timedelta(days=30),
                "date_end": today + timedelta(days=300),
                "user_ids": [(6, 0, self.user_worker.ids)],
            }
        )
        areas = self.env["olopiste.area"].create(
            [
                {
                    "name": name,
                    "project_id": running.id,
                    "user_ids": [(6, 0, self.user_worker.ids)],
                }
                for name in ("Running East", "Running West")
            ]
        )
        Case = self.env["olopiste.case"].with_user(self.user_worker)
        defaults = Case.default_get(["project_id", "area_id"])
        self.assertEqual(defaults.get("project_id"), running.id)
        self.assertFalse(defaults.get("area_id"))
        client = self.env["res.partner"].create({"name": "Uusi Asiakas"})
        Case.create(
            {
                "partner_id": client.id,
                "project_id": running.id,
                "area_id": areas[1].id,
                "date_entry": today,
            }
        )
        defaults = Case.default_get(["project_id", "area_id"])
        self.assertEqual(defaults.get("project_id"), running.id)
        self.assertEqual(defaults.get("area_id"), areas[1].id)
        from_project = Case.with_context(default_project_id=running.id).default_get(
            ["area_id"]
        )
        self.assertEqual(from_project.get("area_id"), areas[1].id)

    def test_improved_situation_only_for_those_employed_at_entry(self):
        self.case.labour_status = "long_term_unemployed"
        with self.assertRaisesRegex(ValidationError, "employed at entry"):
            self.case.followup_situation = "improved"
        self.assertFalse(self.case.followup_situation)
        self.case.write({"labour_status": "employed", "followup_situation": "improved"})
        self.assertEqual(self.case.followup_situation, "improved")
        with self.assertRaisesRegex(ValidationError, "employed at entry"):
            self.case.labour_status = "unemployed"
        self.assertEqual(self.case.labour_status, "employed")

    def test_closed_stage_needs_exit_data(self):
        with self.assertRaisesRegex(ValidationError, "record the exit date"):
            self.case.stage_id = self.stages["closed"]
        with self.assertRaisesRegex(ValidationError, "record the exit date"):
            self.case.write(
                {"stage_id": self.stages["closed"].id, "date_exit": "2017-01-01"}
            )
        self.case.write(
            {
                "stage_id": self.stages["closed"].id,
                "date_exit": "2017-01-01",
                "exit_situation": "employed",
            }
        )
        self.assertEqual(self.case.stage_kind, "closed")

    def test_new_client_from_the_case_is_a_person(self):
        """The case's client picker offers clients only (not Odoo's business
        contacts), and "Create and edit" opens a form for a person."""
        view = self.env.ref("olopiste_case.res_partner_view_form_olopiste_client")
        form = Form(
            self.env["res.partner"]
            .with_user(self.user_worker)
            .with_context(default_is_olopiste_client=True),
            view=view,
        )
        form.name = "Uusi Henkilö"
        form.birthdate_date = date(1988, 2, 3)
        form.mobile = "+358 40 123 4567"
        client = form.save()
        self.assertTrue(client.is_olopiste_client)
        self.assertFalse(client.is_company)
        company = self.env["res.partner"].create(
            {"name": "Yritys Oy", "is_company": True}
        )
        employee = self.env["res.partner"].create(
            {"name": "Yrityksen Työntekijä", "parent_id": company.id}
        )
        domain = self.env["olopiste.case"]._fields["partner_id"].domain
        offered = (
            self.env["res.partner"]
            .with_user(self.user_worker)
            .search(safe_eval(domain) if isinstance(domain, str) else domain)
        )
        self.assertIn(client, offered)
        self.assertNotIn(employee, offered)
        self.assertNotIn(company, offered)

    def test_closing_in_the_form_asks_for_the_exit_date_too(self):
        case = self.case.with_user(self.user_worker)
        arch = etree.fromstring(
            case.get_views([(False, "form")])["views"]["form"]["arch"]
        )
        for name in ("date_exit", "exit_situation"):
            [node] = arch.xpath(f"//field[@name='{name}']")
            self.assertIn("stage_kind == 'closed'", node.get("required") or "", name)
        form = Form(case)
        form.stage_id = self.stages["closed"]
        with self.assertRaises(AssertionError):
            form.save()
        form.date_exit = "2017-01-01"
        form.exit_situation = "employed"
        form.save()
        self.assertEqual(self.case.stage_kind, "closed")

    def test_exit_schedules_six_month_followup_once(self):
        followup = self.env.ref("olopiste_case.mail_activity_type_followup")
        self.case.write({"date_exit": "2017-01-31", "exit_situation": "job_seeking"})
        activities = self.case.activity_ids.filtered(
            lambda a: a.activity_type_id == followup
        )
        self.assertEqual(len(activities), 1)
        self.assertEqual(activities.date_deadline, date(2017, 7, 31))
        self.assertEqual(activities.user_id, self.user_worker)
        self.case.write({"date_exit": "2017-02-01"})
        activities = self.case.activity_ids.filtered(
            lambda a: a.activity_type_id == followup
        )
        self.assertEqual(len(activities), 1)

    def test_one_open_case_per_client_and_project(self):
        with self.assertRaisesRegex(ValidationError, "already has an open case"):
            self._create_case(self.client, self.area, self.user_worker)
        # another project is fine
        other = self.env["olopiste.case"].create(
            {"partner_id": self.client.id, "project_id": self.other_project.id}
        )
        self.assertEqual(other.partner_id, self.client)
        # a new period after the first one has ended is fine
        self.case.write({"date_exit": "2016-12-31", "exit_situation": "inactive"})
        again = self._create_case(
            self.client, self.area, self.user_worker, date_entry="2017-03-01"
        )
        self.assertEqual(self.client.olopiste_case_count, 3)
        self.assertFalse(again.date_exit)

    def test_sensitive_data_needs_consent(self):
        with self.assertRaisesRegex(ValidationError, "consent"):
            self.case.disability = "yes"
        self.case.minority = "declined"
        self.assertEqual(self.case.minority, "declined")
        self.case.write({"consent_sensitive_date": "2016-01-15", "disability": "yes"})
        self.assertEqual(self.case.disability, "yes")

    def test_missing_funder_data_is_computed(self):
        self.assertTrue(self.case.missing_funder_data)
        self.case.write(
            {
                "labour_status": "long_term_unemployed",
                "education_level": "isced_0_2",
                "funder_start_date": "2016-01-20",
            }
        )
        self.assertFalse(self.case.missing_funder_data)
        self.case.write({"date_exit": "2016-12-31", "exit_situation": "employed"})
        self.assertTrue(self.case.missing_funder_data)
        self.case.funder_end_date = "2017-01-05"
        self.assertFalse(self.case.missing_funder_data)
        missing = self.env["olopiste.case"].search(
            [
                ("missing_funder_data", "=", True),
                ("id", "in", (self.case | self.case2).ids),
            ]
        )
        self.assertEqual(missing, self.case2)

    def test_kanban_shows_empty_stages(self):
        groups = self.env["olopiste.case"].web_read_group(
            [("project_id", "=", self.project.id)],
            ["stage_id"],
            ["stage_id"],
        )["groups"]
        kinds = {
            self.env["olopiste.stage"].browse(g["stage_id"][0]).kind for g in groups
        }
        self.assertEqual(kinds, set(self.stages))

    def test_kanban_card_reads_no_restricted_field(self):
        Case = self.env["olopiste.case"].with_user(self.user_worker)
        views = Case.get_views([(False, "kanban")])
        card = views["models"]["olopiste.case"]["fields"]
        restricted = {
            name
            for name, field in Case._fields.items()
            if field.groups and field.groups != "base.group_user"
        }
        self.assertFalse(set(card) & restricted)
        for required in ("partner_id", "project_id", "area_id", "activity_ids"):
            self.assertIn(required, card)
        logs = self.env["olopiste.audit.log"].search_count([])
        found = Case.web_search_read(
            [("project_id", "=", self.project.id)],
            {name: {} for name in card},
        )
        self.assertIn(self.case.id, [row["id"] for row in found["records"]])
        self.assertEqual(self.env["olopiste.audit.log"].search_count([]), logs)

    def test_stage_change_resets_days_in_stage(self):
        self.case.date_last_stage_update = "2016-01-15 10:00:00"
        self.assertGreater(self.case.days_in_stage, 300)
        self.case.stage_id = self.stages["mapping"]
        self.assertEqual(self.case.days_in_stage, 0)

    def test_target_over_100_percent_is_refused(self):
        Target = self.env["olopiste.project.target"]
        with self.assertRaisesRegex(ValidationError, "over 100"):
            Target.create(
                {"project_id": self.project.id, "kind": "followon_rate", "value": 120}
            )
        with self.assertRaisesRegex(ValidationError, "target group"):
            Target.create(
                {
                    "project_id": self.project.id,
                    "kind": "target_group_share",
                    "value": 10,
                }
            )
        clients = Target.create(
            {"project_id": self.project.id, "kind": "clients", "value": 200}
        )
        self.assertEqual(clients.value, 200)
        self.assertFalse(clients.is_percent)

    def test_birthdate_in_future_is_refused(self):
        with self.assertRaisesRegex(ValidationError, "in the future"):
            self.client.birthdate_date = "2999-01-01"

    def test_duplicate_client_is_offered(self):
        form = Form(
            self.env["res.partner"],
            view="olopiste_case.res_partner_view_form_olopiste_client",
        )
        form.name = "aino testinen"
        self.assertFalse(form.olopiste_duplicate_ids)
        form.birthdate_date = date(1971, 3, 14)
        self.assertEqual(form.olopiste_duplicate_ids[:], self.client)
        twin = form.save()
        action = twin.action_open_olopiste_duplicate()
        self.assertEqual(
            (action["res_model"], action["res_id"]), ("res.partner", self.client.id)
        )

    def test_clients_are_listed_as_people(self):
        """The Clients menu lists people (birthdate, home municipality,
        cases), not Odoo's business contacts with a salesperson."""
        action = self.env["ir.actions.act_window"]._for_xml_id(
            "olopiste_case.res_partner_action_clients"
        )
        list_view = next(view_id for view_id, mode in action["views"] if mode == "list")
        self.assertTrue(list_view)
        arch = (
            self.env["res.partner"]
            .with_user(self.user_worker)
            .get_views([(list_view, "list")])["views"]["list"]["arch"]
        )
        columns = etree.fromstring(arch).xpath("//field/@name")
        self.assertIn("birthdate_date", columns)
        self.assertIn("olopiste_municipality_id", columns)
        self.assertNotIn("user_id", columns)

    def test_clients_open_as_people(self):
        """A client opened from the Clients menu, from a case or from Odoo's
        contacts is shown on the form made for a person: no VAT number or job
        position, with the client's cases and hours; the privacy actions
        for managers only."""
        people_form = self.env.ref(
            "olopiste_case.res_partner_view_form_olopiste_client"
        )
        action = self.env["ir.actions.act_window"]._for_xml_id(
            "olopiste_case.res_partner_action_clients"
        )
        self.assertIn((people_form.id, "form"), action["views"])
        from_contacts = self.client.with_user(
            self.user_worker
        ).action_open_olopiste_client()
        self.assertEqual(from_contacts["views"], [(people_form.id, "form")])
        self.assertEqual(from_contacts["res_id"], self.client.id)

        def buttons_and_fields(user):
            arch = (
                self.env["res.partner"]
                .with_user(user)
                .get_views([(people_form.id, "form")])["views"]["form"]["arch"]
            )
            tree = etree.fromstring(arch)
            return set(tree.xpath("//button/@name")), set(tree.xpath("//field/@name"))

        buttons, names = buttons_and_fields(self.user_worker)
        self.assertIn("action_view_olopiste_cases", buttons)
        self.assertIn("action_view_olopiste_attendance", buttons)
        self.assertNotIn("action_olopiste_anonymise", buttons)
        self.assertNotIn("vat", names)
        self.assertNotIn("function", names)
        buttons, _names = buttons_and_fields(self.user_manager)
        self.assertIn("action_olopiste_anonymise", buttons)
        self.assertIn("action_olopiste_access_request", buttons)
