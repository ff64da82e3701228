# Copyright 2026 Olopiste contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from datetime import date

from odoo import fields
from odoo.exceptions import AccessError, UserError, ValidationError
from odoo.tests import Form, tagged

from .common import OlopisteTestCase


class ReferralCase(OlopisteTestCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.organisation = cls.env["res.partner"].create(
            {
                "name": "Workshop Ltd",
                "is_company": True,
                "is_olopiste_partner_org": True,
            }
        )
        cls.contact = cls.env["res.partner"].create(
            {
                "name": "Riikka Receiver",
                "parent_id": cls.organisation.id,
                "email": "riikka@example.com",
            }
        )
        cls.work_trial = cls.env.ref("olopiste_case.followon_type_work_trial")
        cls.referral = cls._create_referral(cls.case)

    @classmethod
    def _create_referral(cls, case, **values):
        return cls.env["olopiste.referral"].create(
            {
                "case_id": case.id,
                "organisation_id": cls.organisation.id,
                "contact_id": cls.contact.id,
                "followon_type_id": cls.work_trial.id,
                "date_planned": "2016-02-01",
                **values,
            }
        )

    def _give_consent(self, case=None):
        (case or self.case).consent_handover_date = "2016-01-20"


@tagged("post_install", "-at_install", "olopiste_referral")
class TestReferralStates(ReferralCase):
    def test_each_state_change_dates_itself(self):
        # the day in the user's time zone (near midnight it is not the server's)
        today = fields.Date.context_today(self.referral)
        self.referral.action_refer()
        self.assertEqual(self.referral.state, "referred")
        self.assertEqual(self.referral.date_referred, today)
        self.referral.action_start()
        self.assertEqual(self.referral.date_started, today)
        self.referral.action_complete()
        self.assertEqual(self.referral.state, "completed")
        self.assertEqual(self.referral.date_end, today)

    def test_moving_back_needs_a_reason(self):
        self.referral.action_start()
        with self.assertRaisesRegex(UserError, "needs a reason"):
            self.referral.write({"state": "planned"})
        self.assertEqual(self.referral.state, "started")
        wizard = self.env["olopiste.referral.move.back"].create(
            {
                "referral_id": self.referral.id,
                "state": "planned",
                "reason": "Start postponed",
            }
        )
        wizard.action_confirm()
        self.assertEqual(self.referral.state, "planned")
        self.assertEqual(self.referral.state_reason, "Start postponed")

    def test_completed_needs_a_start_date(self):
        with self.assertRaisesRegex(ValidationError, "needs the date it started"):
            self.referral.write({"state": "completed"})
        self.assertEqual(self.referral.state, "planned")

    def test_dates_must_follow_each_other(self):
        with self.assertRaisesRegex(ValidationError, "is before"):
            self.referral.write({"date_started": "2016-01-01"})

    def test_outgoing_needs_organisation_and_type(self):
        with self.assertRaisesRegex(
            ValidationError, "partner organisation and the path type"
        ):
            self.env["olopiste.referral"].create(
                {"case_id": self.case2.id, "direction": "out"}
            )
        incoming = self.env["olopiste.referral"].create(
            {
                "case_id": self.case2.id,
                "direction": "in",
                "source": "employment_services",
            }
        )
        self.assertEqual(incoming.state, "planned")

    def test_started_path_puts_the_case_on_a_follow_on_path(self):
        self.assertFalse(self.case.on_followon_path)
        self.referral.action_start()
        self.assertTrue(self.case.on_followon_path)
        self.assertEqual(self.case.stage_kind, "followon")
        job_seeking = self._create_referral(
            self.case2,
            followon_type_id=self.env.ref("olopiste_case.followon_type_job_seeking").id,
        )
        job_seeking.action_start()
        self.assertFalse(self.case2.on_followon_path)


@tagged("post_install", "-at_install", "olopiste_referral")
class TestHandoverConsent(ReferralCase):
    SUMMARY = "<p>Prefers mornings; has a forklift licence.</p>"

    def test_summary_needs_consent(self):
        referral = self.referral.with_user(self.user_worker)
        with self.assertRaisesRegex(UserError, "has not given consent"):
            referral.handover_summary = self.SUMMARY
        self._give_consent()
        referral.handover_summary = self.SUMMARY
        self.assertIn("forklift", self.referral.handover_summary)

    def test_trainee_and_finance_never_read_the_summary(self):
        self._give_consent()
        self.referral.handover_summary = self.SUMMARY
        for user in (self.user_student, self.user_finance):
            with self.subTest(user=user.login):
                # referrals are for case workers: no access at all
                referral = self.referral.with_user(user)
                for fname in ("state", "handover_summary", "state_reason"):
                    with self.assertRaises(AccessError):
                        referral.read([fname])
                with self.assertRaises(AccessError):
                    referral.write({"state_reason": "x"})

    def test_worker_of_another_area_cannot_reach_the_referral(self):
        with self.assertRaises(AccessError):
            self.referral.with_user(self.user_worker2).read(["state"])

    def test_sending_without_consent_is_refused(self):
        with self.assertRaisesRegex(UserError, "has not given consent"):
            self.referral.with_user(self.user_worker).action_send_handover()

    def test_send_through_the_composer_then_withdraw(self):
        self._give_consent()
        referral = self.referral.with_user(self.user_worker)
        referral.handover_summary = self.SUMMARY
        action = referral.action_send_handover()
        self.assertEqual(action["res_model"], "mail.compose.message")
        composer = Form(
            self.env["mail.compose.message"]
            .with_user(self.user_worker)
            .with_context(**action["context"])
        )
        self.assertIn(self.contact, composer.partner_ids[:])
        self.assertTrue(composer.attachment_ids)
        composer.save().action_send_mail()
        self.assertEqual(self.referral.state, "referred")
        self.assertTrue(self.referral.handover_sent_date)
        self.assertTrue(self.referral._handover_link_valid(self.referral.access_token))
        self.assertTrue(
            any(
                "Handover summary sent" in (body or "")
                for body in self.case.message_ids.mapped("body")
            )
        )
        old_token = self.referral.access_token
        self.case.with_user(self.user_worker).action_withdraw_handover_consent()
        self.assertFalse(self.referral._handover_link_valid(old_token))
        self.assertFalse(self.referral._handover_link_valid(self.referral.access_token))
        self.assertNotEqual(self.referral.access_token, old_token)
        self.assertIn("withdrew", self.case.message_ids[0].body)
        with self.assertRaisesRegex(UserError, "has not given consent"):
            self.env["ir.actions.report"]._render_qweb_pdf(
                "olopiste_case.report_handover", self.referral.ids
            )
        with self.assertRaisesRegex(UserError, "has not given consent"):
            referral.action_send_handover()
        # the history stays
        self.assertIn("forklift", self.referral.handover_summary)

    def test_composer_opened_before_withdrawal_cannot_send(self):
        self._give_consent()
        self.referral.handover_summary = self.SUMMARY
        action = self.referral.action_send_handover()
        composer = Form(
            self.env["mail.compose.message"].with_context(**action["context"])
        ).save()
        self.case.action_withdraw_handover_consent()
        with self.assertRaisesRegex(UserError, "has not given consent"):
            composer.action_send_mail()
        self.assertFalse(self.referral.handover_sent_date)

    def test_partner_answer_moves_the_state(self):
        self._give_consent()
        self.referral.handover_summary = self.SUMMARY
        self.referral.action_refer()
        self.assertTrue(self.referral._portal_answer("accepted", "Welcome on Monday"))
        self.assertEqual(self.referral.state, "started")
        self.assertEqual(self.referral.response, "accepted")
        self.assertFalse(self.referral._portal_answer("declined"))
        self.assertEqual(self.referral.response, "accepted")
        other = self._create_referral(self.case)
        other._portal_answer("declined")
        self.assertEqual(other.state, "declined")


@tagged("post_install", "-at_install", "olopiste_referral")
class TestPartnerServicePlaces(ReferralCase):
    def setUp(self):
        super().setUp()
        self.service = self.env["olopiste.partner.service"].create(
            {
                "name": "Kitchen work trial",
                "organisation_id": self.organisation.id,
                "contact_id": self.contact.id,
                "followon_type_id": self.work_trial.id,
                "places": 2,
            }
        )

    def test_choosing_a_service_fills_the_path(self):
        form = Form(
            self.env["olopiste.referral"]
            .with_user(self.user_worker)
            .with_context(default_case_id=self.case.id)
        )
        form.service_id = self.service
        self.assertEqual(form.organisation_id, self.organisation)
        self.assertEqual(form.contact_id, self.contact)
        self.assertEqual(form.followon_type_id, self.work_trial)
        referral = form.save()
        self.assertEqual(referral.service_id, self.service)

    def test_a_started_path_takes_a_place(self):
        referral = self.referral.with_user(self.user_worker)
        referral.service_id = self.service
        self.assertEqual((self.service.places_taken, self.service.places_open), (0, 2))
        referral.action_refer()
        referral.action_start()
        self.assertEqual((self.service.places_taken, self.service.places_open), (1, 1))
        # another worker's started path, on a case this worker does not see
        other = self._create_referral(self.case2, service_id=self.service.id)
        other.write({"state": "started"})
        self.assertEqual(self.service.places_open, 0)
        self.assertEqual(
            self.env["olopiste.partner.service"]
            .with_user(self.user_worker)
            .search([("places_open", ">", 0), ("id", "=", self.service.id)]),
            self.env["olopiste.partner.service"],
        )
        referral.action_complete()
        self.assertEqual(self.service.places_open, 1)

    def test_referral_edited_from_the_case_form(self):
        with Form(self.case.with_user(self.user_worker)) as form:
            with form.referral_ids.edit(0) as line:
                line.date_planned = date(2016, 2, 2)
        self.assertEqual(self.referral.date_planned, date(2016, 2, 2))
