# Copyright 2026 Olopiste contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
import re
from datetime import timedelta

from odoo import fields
from odoo.exceptions import UserError
from odoo.tests import tagged

from ..const import SUBMISSIONS_PER_HOUR
from .common import DirectoryCase

VALID = {
    "organisation_name": "Korjaamo ry",
    "business_id": "7654321-0",
    "contact_name": "Kalle Korjaaja",
    "contact_email": "kalle@example.com",
    "name": "Pyöräkorjaamon työkokeilu",
    "places": "2",
    "date_start": "2030-01-01",
    "date_end": "2030-06-30",
    "access_mode": "both",
}


@tagged("post_install", "-at_install", "olopiste_website")
class TestProposal(DirectoryCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        # the error paths in the visitors' language
        cls.env["res.lang"]._activate_lang("fi_FI")
        cls.env["ir.module.module"]._load_module_terms(
            ["base", "web", "website", "olopiste_case", "olopiste_website"], ["fi_FI"]
        )
        cls.Proposal = cls.env["olopiste.directory.submission"]

    def post(self, url, values):
        form = self.url_open(url.split("?")[0] if "muokkaa" not in url else url)
        token = re.search(r'name="csrf_token" value="([^"]+)"', form.text).group(1)
        data = {"csrf_token": token, **values}
        return self.url_open(url, data=data)

    def propose(self, **changes):
        values = dict(VALID, **changes)
        return self.post(
            "/fi/palvelut/ilmoita", {k: v for k, v in values.items() if v is not None}
        )

    def test_bad_input_gets_messages_and_nothing_is_kept(self):
        before = self.Proposal.search_count([])
        cases = [
            ({"contact_email": ""}, "Anna yhteyshenkilön sähköpostiosoite."),
            ({"contact_name": ""}, "Anna yhteyshenkilö."),
            (
                {"contact_email": "kalle(at)example"},
                "kalle(at)example ei ole sähköpostiosoite.",
            ),
            ({"places": "-1"}, "Vapaiden paikkojen määrä ei voi olla negatiivinen."),
            (
                {"places": "kolme"},
                "Anna vapaiden paikkojen määrä kokonaislukuna, esim. 3.",
            ),
            (
                {"date_start": "2030-06-30", "date_end": "2030-01-01"},
                "Pyöräkorjaamon työkokeilu: paikkojen päättymispäivä on ennen alkamispäivää.",
            ),
            (
                {"date_end": "30.2.2030"},
                "Anna päivämäärä muodossa 31.12.2026.",
            ),
            ({"business_id": "12345"}, "Y-tunnuksessa on seitsemän numeroa"),
        ]
        for changes, message in cases:
            response = self.propose(**changes)
            self.assertEqual(response.status_code, 400, changes)
            self.assertIn(message, response.text, changes)
            self.assertIn('aria-invalid="true"', response.text, changes)
            # what was typed stays on the form
            self.assertIn("Korjaamo ry", response.text, changes)
        self.assertEqual(self.Proposal.search_count([]), before)

    def test_honeypot_and_rate_limit(self):
        before = self.Proposal.search_count([])
        response = self.propose(homepage="http://spam.example.com")
        self.assertEqual(response.status_code, 200)
        self.assertEqual(self.Proposal.search_count([]), before)
        for _number in range(SUBMISSIONS_PER_HOUR):
            self.assertEqual(self.propose().status_code, 200)
        response = self.propose()
        self.assertEqual(response.status_code, 400)
        self.assertIn(
            "Osoitteestasi on tullut tunnin sisällä liian monta ehdotusta",
            response.text,
        )
        self.assertEqual(self.Proposal.search_count([]), before + SUBMISSIONS_PER_HOUR)

    def test_a_proposal_is_published_by_a_manager(self):
        self.assertEqual(self.propose(tag_ids=str(self.animals.id)).status_code, 200)
        proposal = self.Proposal.search([("name", "=", VALID["name"])])
        self.assertEqual(proposal.state, "new")
        self.assertEqual(proposal.tag_ids, self.animals)
        # nothing public before the review
        self.assertNotIn(VALID["name"], self.page("/palvelut?search=Pyöräkorjaamon"))
        proposal.with_user(self.manager).action_publish()
        service = proposal.service_id
        self.assertTrue(service.is_published)
        self.assertEqual(service.organisation_id.name, "Korjaamo ry")
        self.assertEqual(service.organisation_id.company_registry, "7654321-0")
        self.assertEqual(service.contact_id.email, "kalle@example.com")
        self.assertEqual(service.places, 2)
        self.assertEqual(service.access_mode, "both")
        self.assertIn(VALID["name"], self.page(f"/palvelut/{service.id}"))
        # the same organisation's next proposal finds it by its business ID
        self.propose(name="Toinen palvelu", organisation_name="Korjaamo")
        second = self.Proposal.search([("name", "=", "Toinen palvelu")])
        second.with_user(self.manager).action_publish()
        self.assertEqual(second.service_id.organisation_id, service.organisation_id)

    def test_update_link(self):
        self.dogs.with_user(self.manager).action_send_update_link()
        mail = self.env["mail.mail"].search(
            [("recipient_ids", "in", self.shelter_contact.ids)],
            order="id desc",
            limit=1,
        )
        link = re.search(
            r'href="[^"]*(/palvelut/\d+/muokkaa\?token=[^"]+)"', mail.body_html
        ).group(1)
        # the link is the contact's: not written in the chatter
        self.assertNotIn("token=", "".join(self.dogs.message_ids.mapped("body")))
        form = self.page(link)
        self.assertIn("Koirien ulkoilutus", form)
        self.assertIn("tiina@example.com", form)
        response = self.post(
            link,
            {
                **VALID,
                "name": "Koirien ulkoilutus",
                "organisation_name": "Testin eläinkoti",
                "contact_email": "tiina@example.com",
                "contact_name": "Tiina Testaaja",
                "places": "6",
            },
        )
        self.assertEqual(response.status_code, 200)
        proposal = self.Proposal.search([("service_id", "=", self.dogs.id)])
        self.assertEqual(proposal.places, 6)
        self.assertEqual(self.dogs.places, 2, "nothing changes before the review")
        proposal.with_user(self.manager).action_publish()
        self.assertEqual(self.dogs.places, 6)
        self.env.cr.precommit.run()  # tracking is written at commit
        tracked = self.dogs.message_ids.tracking_value_ids.filtered(
            lambda t: t.field_id.name == "places"
        )
        self.assertEqual((tracked.old_value_integer, tracked.new_value_integer), (2, 6))
        # a new sending makes the old link stop working; so does the expiry
        self.dogs.with_user(self.manager).action_send_update_link()
        self.page(link, status=410)
        self.dogs.update_link_expiry = fields.Datetime.now() - timedelta(minutes=1)
        self.page(f"/palvelut/{self.dogs.id}/muokkaa?token=wrong", status=410)

    def test_review_rules(self):
        proposal = self.Proposal.create(
            {
                k: v
                for k, v in VALID.items()
                if k not in ("places", "date_start", "date_end")
            }
        )
        proposal.with_user(self.manager).action_reject()
        self.assertEqual(proposal.state, "rejected")
        with self.assertRaises(UserError):
            proposal.with_user(self.manager).action_publish()
