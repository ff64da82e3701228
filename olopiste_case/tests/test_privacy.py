# Copyright 2026 Olopiste contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
import base64

from odoo import Command, fields
from odoo.exceptions import AccessError, UserError, ValidationError
from odoo.tests import tagged

from ..models.olopiste_import_key import add_stable_keys
from .common import OlopisteTestCase

# tables that may hold what identifies a client
TRACE_TABLES = (
    "res_partner",
    "mail_message",
    "mail_tracking_value",
    "mail_activity",
    "ir_attachment",
    "survey_user_input",
    "survey_user_input_line",
    "calendar_event",
    "calendar_attendee",
    "mail_mail",
    "mail_notification",
    "ir_model_data",
)
SENSITIVE_FIELDS = ("disability", "minority", "homelessness", "criminal_background")


@tagged("post_install", "-at_install", "olopiste_privacy", "olopiste_security")
class TestPrivacy(OlopisteTestCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.project.retention_until = "2020-12-31"
        cls.client.write(
            {
                "name": "Zelda Zyxwvutson",
                "email": "zelda.zyx@example.com",
                "phone": "+358 40 7654 3210",
                "street": "Qwertykuja 17",
            }
        )
        cls.case.write(
            {
                "labour_status": "long_term_unemployed",
                "education_level": "isced_3_4",
                "consent_sensitive_date": "2016-01-15",
                "consent_handover_date": "2016-01-15",
                "disability": "yes",
                "minority": "no",
                "homelessness": "declined",
                "criminal_background": "yes",
                "note": "<p>Plughwort diary entry</p>",
            }
        )
        cls.target_group = cls.env["olopiste.target.group"].create(
            {"name": "Young adults"}
        )
        cls.case.target_group_ids = [Command.link(cls.target_group.id)]
        cls.case.message_post(body="Snorkelfrost conversation")
        cls.env["ir.attachment"].create(
            {
                "name": "Zelda Zyxwvutson CV.txt",
                "res_model": "olopiste.case",
                "res_id": cls.case.id,
                "datas": base64.b64encode(b"Zelda Zyxwvutson curriculum"),
            }
        )
        session = cls.env["calendar.event"].create(
            {
                "name": "Group",
                "olopiste_kind": "group",
                "olopiste_project_id": cls.project.id,
                "start": "2016-03-01 08:00:00",
                "stop": "2016-03-01 11:00:00",
            }
        )
        cls.env["olopiste.attendance"].create(
            {"event_id": session.id, "case_id": cls.case.id}
        )
        organisation = cls.env["res.partner"].create(
            {"name": "Receiver", "is_company": True}
        )
        cls.referral = cls.env["olopiste.referral"].create(
            {
                "case_id": cls.case.id,
                "organisation_id": organisation.id,
                "followon_type_id": cls.env.ref(
                    "olopiste_case.followon_type_work_trial"
                ).id,
                "date_planned": "2016-04-01",
                "handover_summary": "<p>Grimblethorpe handover text</p>",
            }
        )
        cls.referral.action_start()
        cls.case.write({"date_exit": "2017-01-31", "exit_situation": "employed"})
        cls.attendance = cls.case.attendance_ids
        cls.worker_partner = cls.user_worker.partner_id
        # an individual session named after the client, the client invited
        cls.guidance = cls.env["calendar.event"].create(
            {
                "name": "Guidance: Zelda Zyxwvutson",
                "description": "<p>CV review with Zelda Zyxwvutson</p>",
                "olopiste_kind": "individual",
                "olopiste_project_id": cls.project.id,
                "olopiste_case_ids": [Command.link(cls.case.id)],
                "partner_ids": [Command.set([cls.client.id, cls.worker_partner.id])],
                "start": "2016-02-01 08:00:00",
                "stop": "2016-02-01 09:00:00",
            }
        )
        # a meeting the client attends without a case link
        cls.meeting = cls.env["calendar.event"].create(
            {
                "name": "Coffee with zelda zyxwvutson",
                "partner_ids": [Command.set([cls.client.id, cls.worker_partner.id])],
                "start": "2016-02-02 08:00:00",
                "stop": "2016-02-02 09:00:00",
            }
        )
        # the invitation sent to the client, from the event's chatter
        cls.invitation = cls.guidance.message_post(
            body="Welcome to your guidance session",
            partner_ids=cls.client.ids,
            message_type="comment",
            subtype_xmlid="mail.mt_comment",
        )
        # the client wrote on the project's chatter, and mailed in
        cls.project.message_subscribe(partner_ids=cls.client.ids)
        cls.case.message_subscribe(partner_ids=(cls.client | cls.worker_partner).ids)
        cls.authored = cls.project.message_post(
            body="Thank you all", author_id=cls.client.id, message_type="comment"
        )
        cls.mailed_in = cls.env["mail.message"].create(
            {
                "model": "olopiste.project",
                "res_id": cls.project.id,
                "message_type": "email",
                "email_from": '"Z." <zelda.zyx@example.com>',
                "body": "<p>I cannot come on Monday</p>",
            }
        )
        cls.mail = cls.env["mail.mail"].create(
            {
                "subject": "Your next session",
                "body_html": "<p>See you soon</p>",
                "recipient_ids": [Command.link(cls.client.id)],
            }
        )
        # External IDs as the spreadsheet import makes them: a hash of the
        # client's name, birthdate, project and entry date
        Case = cls.env["olopiste.case"]
        _fields, rows = add_stable_keys(
            [
                "import_client_name",
                "import_client_birthdate",
                "project_id",
                "date_entry",
            ],
            [["Zelda Zyxwvutson", "1971-03-14", "Test project", "2016-01-15"]],
            Case._olopiste_import_key,
            Case._olopiste_import_prefix,
        )
        Attendance = cls.env["olopiste.attendance"]
        _fields, attendance_rows = add_stable_keys(
            ["case_id", "import_activity_name", "import_activity_date"],
            [[cls.case.code, "Group", "2016-03-01"]],
            Attendance._olopiste_import_key,
            Attendance._olopiste_import_prefix,
        )
        cls.xmlids = cls.env["ir.model.data"].create(
            [
                {
                    "module": "__import__",
                    "name": rows[0][-1],
                    "model": "olopiste.case",
                    "res_id": cls.case.id,
                },
                {
                    "module": "__import__",
                    "name": attendance_rows[0][-1],
                    "model": "olopiste.attendance",
                    "res_id": cls.attendance.id,
                },
                {
                    "module": "__import__",
                    "name": "zelda_zyxwvutson_1971",
                    "model": "res.partner",
                    "res_id": cls.client.id,
                },
            ]
        )
        # feedback: a choice the dashboard counts, and free texts
        survey = cls.env.ref("olopiste_case.survey_client_feedback")
        cls.project.survey_id = survey
        cls.choice_question = cls.env.ref(
            "olopiste_case.survey_client_feedback_q_wellbeing"
        )
        cls.choice = cls.env.ref("olopiste_case.survey_client_feedback_a_somewhat")
        text_question, char_question = cls.env["survey.question"].create(
            [
                {
                    "survey_id": survey.id,
                    "title": "Anything else?",
                    "question_type": "text_box",
                },
                {
                    "survey_id": survey.id,
                    "title": "Your pseudonym",
                    "question_type": "char_box",
                },
            ]
        )
        cls.feedback = survey._create_answer(
            partner=cls.client, check_attempts=False, olopiste_case_id=cls.case.id
        )
        cls.feedback._save_lines(cls.choice_question, cls.choice.id)
        cls.feedback._save_lines(text_question, "Zelda Zyxwvutson: Vorpalquill")
        cls.feedback._save_lines(char_question, "Quibblewhisk")
        cls.feedback._mark_done()

    def _figures(self):
        Case = self.env["olopiste.case"]
        domain = [("project_id", "=", self.project.id)]
        return {
            "by_status": Case._read_group(domain, ["labour_status"], ["__count"]),
            "by_gender": Case._read_group(domain, ["client_gender"], ["__count"])
            if "client_gender" in Case._fields and Case._fields["client_gender"].store
            else None,
            "age": Case._read_group(domain, [], ["age_at_entry:avg"]),
            "hours": Case._read_group(domain, [], ["attendance_hours:sum"]),
            "followon": Case.search_count(domain + [("on_followon_path", "=", True)]),
            "exits": Case._read_group(domain, ["exit_situation"], ["__count"]),
            "feedback": self.env["survey.user_input.line"].search_count(
                [("suggested_answer_id", "=", self.choice.id)]
            ),
            # special categories and target groups: erased by anonymisation
            **{
                name: Case.search_count(domain + [(name, "in", ("yes", "no"))])
                for name in SENSITIVE_FIELDS
            },
            "target_groups": Case.search_count(
                domain + [("target_group_ids", "!=", False)]
            ),
        }

    def _anonymise(self):
        self.env.flush_all()
        self.env.cr.precommit.run()  # tracking values are written as on commit
        self.assertEqual(self.env["res.partner"]._cron_olopiste_anonymise(), 1)
        self.env.flush_all()
        self.env.cr.precommit.run()
        self.env.invalidate_all()

    def _privacy_lookup(self, name, email):
        """What Odoo's privacy lookup finds, as (model, id) pairs."""
        wizard = self.env["privacy.lookup.wizard"].create(
            {"name": name, "email": email}
        )
        wizard.action_lookup()
        return {(line.res_model, line.res_id) for line in wizard.line_ids}

    def _traces(self, text):
        """Where `text` is still stored, as (table, column) pairs."""
        cr = self.env.cr
        cr.execute(
            """
            SELECT table_name, column_name FROM information_schema.columns
             WHERE table_schema = 'public'
               AND (table_name LIKE 'olopiste\\_%%' OR table_name = ANY(%s))
               AND data_type IN ('text', 'character varying', 'jsonb', 'bytea')
            """,
            [list(TRACE_TABLES)],
        )
        found = []
        for table, column in cr.fetchall():
            cr.execute(
                f'SELECT 1 FROM "{table}" WHERE "{column}"::text ILIKE %s LIMIT 1',
                [f"%{text}%"],
            )
            if cr.fetchone():
                found.append((table, column))
        return found

    def test_retention_date_before_project_end_is_refused(self):
        with self.assertRaisesRegex(ValidationError, "at least until the project ends"):
            self.project.retention_until = "2018-08-30"

    def test_client_with_an_open_case_is_not_anonymised(self):
        self.assertFalse(
            self.client2 in self.env["res.partner"]._olopiste_due_for_anonymisation()
        )
        with self.assertRaisesRegex(UserError, "open case"):
            self.client2.with_user(self.user_manager).action_olopiste_anonymise()
        self.assertEqual(self.client2.name, "Matti Testinen")

    def test_only_managers_anonymise(self):
        with self.assertRaises(AccessError):
            self.client.with_user(self.user_worker).action_olopiste_anonymise()
        self.assertEqual(self.client.name, "Zelda Zyxwvutson")

    def test_anonymisation_keeps_figures_and_leaves_no_trace(self):
        self.env.flush_all()
        self.env.cr.precommit.run()  # tracking values are written as on commit
        secrets = (
            "Zyxwvutson",
            "zelda.zyx@example.com",
            "7654 3210",
            "Qwertykuja",
            "Plughwort",
            "Snorkelfrost",
            "Grimblethorpe",
            "Vorpalquill",
            "Quibblewhisk",
        )
        self.assertTrue(all(self._traces(s) for s in secrets))
        before = self._figures()
        due = self.env["res.partner"]._olopiste_due_for_anonymisation()
        self.assertIn(self.client, due)
        self.assertEqual(self.project.anonymisation_due_count, 1)
        self._anonymise()
        # the special-category answers and target groups are erased, so their
        # counts drop by this client's; every other figure stays the same
        erased = {"target_groups": 1, **dict.fromkeys(SENSITIVE_FIELDS, 1)}
        erased["homelessness"] = 0  # "does not want to answer" is not counted
        expected = {
            key: value - erased[key] if key in erased else value
            for key, value in before.items()
        }
        self.assertEqual(self._figures(), expected)
        self.assertEqual(self.client.olopiste_birth_year, 1971)
        self.assertTrue(self.client.olopiste_anonymised_date)
        self.assertEqual(self.case.age_at_entry, 44)
        for secret in secrets:
            self.assertEqual(self._traces(secret), [], f"{secret!r} is still stored")
        # nothing more to do the next day
        self.assertEqual(self.env["res.partner"]._cron_olopiste_anonymise(), 0)

    def test_anonymisation_erases_special_categories_and_target_groups(self):
        self._anonymise()
        for name in SENSITIVE_FIELDS:
            self.assertFalse(self.case[name], name)
        self.assertFalse(self.case.target_group_ids)
        self.assertTrue(self.target_group.exists())
        # what reports count stays
        self.assertEqual(
            (self.case.labour_status, self.case.education_level, self.case.stage_kind),
            ("long_term_unemployed", "isced_3_4", self.case.stage_kind),
        )
        self.assertEqual(self.case.exit_situation, "employed")

    def test_anonymisation_removes_the_client_from_calendar_events(self):
        attendees = (self.guidance | self.meeting).attendee_ids.filtered(
            lambda a: a.partner_id == self.client
        )
        self.assertEqual(len(attendees), 2)
        self._anonymise()
        label = self.client.name
        self.assertRegex(label, r"^Anonymised client C")
        self.assertEqual(self.guidance.name, f"Guidance: {label}")
        self.assertIn(f"CV review with {label}", str(self.guidance.description))
        self.assertEqual(self.meeting.name, f"Coffee with {label}")
        for event in self.guidance | self.meeting:
            self.assertEqual(event.partner_ids, self.worker_partner)
            self.assertEqual(event.attendee_ids.partner_id, self.worker_partner)
        self.assertFalse(attendees.exists())
        # the invited case stays for the figures
        self.assertEqual(self.guidance.olopiste_case_ids, self.case)
        self.assertEqual(self._traces("Zyxwvutson"), [])

    def test_anonymisation_deletes_import_external_ids(self):
        self.assertEqual(len(self.xmlids), 3)
        self._anonymise()
        self.assertFalse(self.xmlids.exists())
        Data = self.env["ir.model.data"]
        for record in (self.client, self.case, self.attendance):
            self.assertFalse(
                Data.search([("model", "=", record._name), ("res_id", "=", record.id)]),
                record,
            )
        self.assertTrue(self.attendance.exists())

    def test_anonymisation_deletes_followers(self):
        Followers = self.env["mail.followers"]
        about_client = [
            "|",
            "|",
            ("partner_id", "=", self.client.id),
            "&",
            ("res_model", "=", "olopiste.case"),
            ("res_id", "=", self.case.id),
            "&",
            ("res_model", "=", "olopiste.referral"),
            ("res_id", "=", self.referral.id),
        ]
        self.assertTrue(
            Followers.search([("partner_id", "=", self.client.id)]).filtered(
                lambda f: f.res_model == "olopiste.project"
            )
        )
        self.assertTrue(Followers.search([("res_model", "=", "olopiste.case")]))
        self.project.message_subscribe(partner_ids=self.worker_partner.ids)
        self._anonymise()
        self.assertFalse(Followers.search(about_client))
        # others still follow the project
        self.assertEqual(self.project.message_partner_ids, self.worker_partner)

    def test_anonymisation_deletes_messages_and_mails_about_the_client(self):
        Message = self.env["mail.message"]
        messages = self.invitation | self.authored | self.mailed_in
        self.assertTrue(
            self.env["mail.notification"].search(
                [("res_partner_id", "=", self.client.id)]
            )
        )
        mails = self.env["mail.mail"].search([("recipient_ids", "in", self.client.ids)])
        self.assertIn(self.mail, mails)
        self.assertGreater(len(mails), 1)  # the invitation's e-mail too
        self._anonymise()
        self.assertFalse(messages.exists())
        self.assertFalse(mails.exists())
        self.assertFalse(
            Message.search(
                [
                    "|",
                    "|",
                    ("author_id", "=", self.client.id),
                    ("partner_ids", "in", self.client.ids),
                    ("email_from", "ilike", "zelda.zyx@example.com"),
                ]
            )
        )
        self.assertFalse(
            self.env["mail.notification"].search(
                [("res_partner_id", "=", self.client.id)]
            )
        )
        # the note that the data were removed, by the user who ran it
        self.assertIn("identifying data were removed", self.client.message_ids.body)

    def test_anonymisation_clears_free_text_survey_answers(self):
        self.assertEqual(len(self.feedback.user_input_line_ids), 3)
        self._anonymise()
        self.assertTrue(self.feedback.exists())
        self.assertFalse(self.feedback.partner_id)
        self.assertEqual(self.feedback.olopiste_case_id, self.case)
        self.assertFalse(self.feedback.email or self.feedback.nickname)
        lines = self.feedback.user_input_line_ids
        self.assertEqual(lines.suggested_answer_id, self.choice)
        self.assertFalse(any(lines.mapped("value_char_box")))
        self.assertFalse(any(lines.mapped("value_text_box")))

    def test_privacy_lookup_finds_nothing_after_anonymisation(self):
        name, email = self.client.name, self.client.email
        found = self._privacy_lookup(name, email)
        self.assertIn(("res.partner", self.client.id), found)
        # the erase list covers everything Odoo's privacy lookup finds
        references = self.env["res.partner"]._olopiste_privacy_references(self.client)
        covered = {
            (model, id_) for model, records in references.items() for id_ in records.ids
        }
        self.assertLessEqual(found, covered | {("res.partner", self.client.id)})
        kept = {
            (record._name, record.id)
            for record in (
                self.client,
                self.case,
                self.attendance,
                self.referral,
                self.feedback,
            )
        }
        self._anonymise()
        self.assertEqual(self._privacy_lookup(name, email), set())
        # under the new name: only what is kept, linked to the pseudonymised
        # contact (the feedback answer is no longer linked to it)
        self.assertEqual(
            self._privacy_lookup(self.client.name, "nobody@example.com"),
            kept - {("survey.user_input", self.feedback.id)},
        )
        # what it found before is erased, or kept for the reports with only a
        # link to the pseudonymised client
        for model, id_ in found:
            record = self.env[model].browse(id_).exists()
            if record:
                self.assertIn((model, id_), kept)

    def test_access_request_is_for_managers_and_holds_everything(self):
        with self.assertRaises(AccessError):
            self.client.with_user(self.user_worker).action_olopiste_access_request()
        with self.assertRaises(AccessError):
            self.env["ir.actions.report"].with_user(self.user_worker)._render_qweb_html(
                "olopiste_case.report_access_request", self.client.ids
            )
        action = self.client.with_user(
            self.user_manager
        ).action_olopiste_access_request()
        self.assertEqual(
            action["report_name"], "olopiste_case.report_access_request_document"
        )
        html, _ = (
            self.env["ir.actions.report"]
            .with_user(self.user_manager)
            ._render_qweb_html("olopiste_case.report_access_request", self.client.ids)
        )
        html = html.decode()
        for expected in (
            "Zelda Zyxwvutson",
            "zelda.zyx@example.com",
            self.case.code,
            "Plughwort",
            "Grimblethorpe",
            "Snorkelfrost",
            "Long-term unemployed",
            "Group",
        ):
            self.assertIn(expected, html)
        self.assertIn("Access request answered", self.client.message_ids[0].body)

    def test_withdrawing_sensitive_consent_removes_the_answers(self):
        self.case.with_user(self.user_worker).action_withdraw_sensitive_consent()
        self.assertFalse(self.case.disability)
        self.assertTrue(self.case.consent_sensitive_withdrawn_date)
        with self.assertRaisesRegex(ValidationError, "consent"):
            self.case.disability = "yes"
        self.assertIn("withdrew the consent", self.case.message_ids[0].body)

    def test_consent_given_again_on_the_day_of_its_withdrawal(self):
        """Withdrawn in the morning, given again in the afternoon: the new
        consent holds, and the chatter keeps the withdrawal."""
        case = self.case.with_user(self.user_worker)
        # the day in the worker's time zone, as the withdrawal is dated
        today = fields.Date.context_today(case)
        case.consent_sensitive_date = today
        case.action_withdraw_sensitive_consent()
        self.assertEqual(self.case.consent_sensitive_withdrawn_date, today)
        self.assertFalse(self.case.consent_sensitive_date)
        case.consent_sensitive_date = today
        self.assertFalse(self.case.consent_sensitive_withdrawn_date)
        case.disability = "yes"
        self.assertEqual(self.case.disability, "yes")
        # the chatter keeps the withdrawal, dated as the user writes dates
        bodies = " ".join(self.case.message_ids.mapped("body"))
        self.assertIn("withdrew the consent", bodies)
        self.assertIn(f"on {today.strftime('%m/%d/%Y')};", bodies)
        self.assertNotIn(str(today), bodies)
        # the handover consent alike
        case.consent_handover_date = today
        case.action_withdraw_handover_consent()
        self.assertIn(
            f"consent on {today.strftime('%m/%d/%Y')};", self.case.message_ids[0].body
        )
        self.assertFalse(self.case._handover_consent_in_force())
        case.consent_handover_date = today
        self.assertTrue(self.case._handover_consent_in_force())


@tagged("post_install", "-at_install", "olopiste_privacy", "olopiste_security")
class TestAudit(OlopisteTestCase):
    def test_reads_and_changes_of_sensitive_data_are_logged(self):
        Log = self.env["olopiste.audit.log"]
        case = self.case.with_user(self.user_worker)
        case.read(["partner_id", "stage_id"])
        self.assertFalse(Log.search([("res_id", "=", self.case.id)]))
        case.write({"consent_sensitive_date": "2016-01-15", "disability": "declined"})
        case.read(["disability"])
        case.web_read({"note": {}})
        entries = Log.search(
            [("res_model", "=", "olopiste.case"), ("res_id", "=", self.case.id)]
        )
        self.assertEqual(
            sorted(entries.mapped(lambda e: (e.operation, e.field_names))),
            [("read", "disability"), ("read", "note"), ("write", "disability")],
        )
        # the log shows the fields as the forms name them
        self.assertIn("Disability", entries.mapped("field_labels"))
        self.assertNotIn("disability", entries.mapped("field_labels"))
        self.assertEqual(set(entries.mapped("model_label")), {"Client Case"})
        self.assertEqual(entries.user_id, self.user_worker)

    def test_every_orm_read_path_is_logged(self):
        self.case.write({"consent_sensitive_date": "2016-01-15", "disability": "yes"})
        Log = self.env["olopiste.audit.log"]
        Case = self.env["olopiste.case"].with_user(self.user_worker)
        domain = [("id", "=", self.case.id)]
        paths = {
            "search_read": lambda: Case.search_read(domain, ["disability"]),
            "web_search_read": lambda: Case.web_search_read(
                domain, {"criminal_background": {}}
            ),
            "read_group": lambda: Case.read_group(domain, ["minority"], ["minority"]),
            "web_read_group": lambda: Case.web_read_group(
                domain, ["disability"], ["disability"]
            ),
            "export_data": lambda: (
                Case.with_user(self.user_manager)
                .browse(self.case.id)
                .export_data(["note", "code"])
            ),
        }
        self.user_manager.groups_id += self.env.ref("base.group_allow_export")
        for path, call in paths.items():
            with self.subTest(path=path):
                before = Log.search_count([("res_id", "=", self.case.id)])
                call()
                entries = Log.search([("res_id", "=", self.case.id)])
                self.assertEqual(len(entries), before + 1, path)
                self.assertEqual(entries[0].operation, "read")
        self.assertEqual(
            Log.search([("res_id", "=", self.case.id)]).mapped("field_names"),
            ["note", "disability", "minority", "criminal_background", "disability"],
        )

    def test_handover_report_render_is_logged(self):
        self.case.consent_handover_date = "2016-01-15"
        referral = self.env["olopiste.referral"].create(
            {
                "case_id": self.case.id,
                "direction": "in",
                "handover_summary": "<p>Summary</p>",
            }
        )
        self.env["ir.actions.report"].with_user(self.user_worker)._render_qweb_html(
            "olopiste_case.report_handover_document", referral.ids
        )
        entry = self.env["olopiste.audit.log"].search(
            [
                ("res_model", "=", "olopiste.referral"),
                ("res_id", "=", referral.id),
                ("operation", "=", "read"),
            ]
        )
        self.assertEqual(entry.mapped("user_id"), self.user_worker)
        self.assertEqual(entry.mapped("field_names"), ["handover_summary"])

    def test_only_managers_read_the_log(self):
        self.case.with_user(self.user_worker).read(["note"])
        logs = self.env["olopiste.audit.log"].with_user(self.user_manager).search([])
        self.assertTrue(logs)
        with self.assertRaises(AccessError):
            self.env["olopiste.audit.log"].with_user(self.user_worker).search([])
        with self.assertRaises(AccessError):
            logs[0].with_user(self.user_manager).unlink()
