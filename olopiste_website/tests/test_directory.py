# Copyright 2026 Olopiste contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo.exceptions import AccessError, ValidationError
from odoo.tests import tagged

from .common import DirectoryCase

OURS = {"Koirien ulkoilutus", "Kohtaamispaikan kahvila"}


@tagged("post_install", "-at_install", "olopiste_website")
class TestDirectory(DirectoryCase):
    def mine(self, url):
        return self.names_on(url) & (OURS | {"Julkaisematon palvelu"})

    def test_published_services_only(self):
        self.assertEqual(self.mine("/palvelut?search=Testi"), OURS)
        self.page(f"/palvelut/{self.dogs.id}")
        self.page(f"/palvelut/{self.hidden.id}", status=404)
        html = self.page(f"/palvelut/organisaatio/{self.club.id}")
        self.assertIn("Kohtaamispaikan kahvila", html)
        self.assertNotIn("Julkaisematon palvelu", html)
        # an organisation without published services has no page
        self.cafe.is_published = False
        self.page(f"/palvelut/organisaatio/{self.club.id}", status=404)

    def test_filters(self):
        base = "/palvelut?search=Testi"
        self.assertEqual(
            self.mine(f"{base}&tag={self.animals.id}"), {"Koirien ulkoilutus"}
        )
        # interests of one kind widen, a situation narrows
        self.assertEqual(
            self.mine(f"{base}&tag={self.animals.id}&tag={self.older.id}"), OURS
        )
        self.assertEqual(
            self.mine(f"{base}&tag={self.older.id}&tag={self.part_time.id}"), set()
        )
        self.assertEqual(
            self.mine(f"{base}&area={self.city.id}"), {"Kohtaamispaikan kahvila"}
        )
        self.assertEqual(
            self.mine(f"{base}&category={self.volunteering.id}"), {"Koirien ulkoilutus"}
        )
        self.assertEqual(self.mine(f"{base}&open=1"), {"Koirien ulkoilutus"})
        # the search reads the organisation's name and the tags too
        self.assertEqual(
            self.mine("/palvelut?search=seniorikerho"), {"Kohtaamispaikan kahvila"}
        )
        # nonsense in the filters is ignored, not an error
        self.assertEqual(self.mine(f"{base}&tag=x&area=&category=abc"), OURS)

    def test_open_places_disappear_when_filled_or_past(self):
        html = self.page(f"/palvelut/{self.dogs.id}")
        self.assertIn("o_olopiste_open_places", html)
        self.assertTrue(self.dogs.has_open_places)
        self.dogs.date_end = "2021-01-01"
        self.assertFalse(self.dogs.has_open_places)
        self.assertNotIn(
            "o_olopiste_open_places", self.page(f"/palvelut/{self.dogs.id}")
        )
        self.assertEqual(self.mine("/palvelut?search=Testi&open=1"), set())
        self.dogs.date_end = "2999-12-31"
        self.dogs.places = 0
        self.assertNotIn(
            "o_olopiste_open_places", self.page(f"/palvelut/{self.dogs.id}")
        )

    def test_only_managers_publish(self):
        service = self.hidden.with_user(self.worker)
        service.name = "Nimi muuttui"  # workers keep the entries
        with self.assertRaises(AccessError):
            service.is_published = True
        with self.assertRaises(AccessError):
            service.website_publish_button()
        self.hidden.with_user(self.manager).website_publish_button()
        self.assertTrue(self.hidden.is_published)
        with self.assertRaises(AccessError):
            self.env["olopiste.directory.submission"].with_user(self.worker).search([])

    def test_a_client_is_never_a_published_party(self):
        client = self.env["res.partner"].create(
            {"name": "Asiakas Salainen", "is_olopiste_client": True}
        )
        with self.assertRaises(ValidationError):
            self.dogs.contact_id = client

    def test_start_a_referral_from_a_service(self):
        action = self.dogs.with_user(self.worker).action_start_referral()
        self.assertEqual(action["res_model"], "olopiste.referral")
        self.assertEqual(action["context"]["default_service_id"], self.dogs.id)
        self.assertEqual(action["context"]["default_organisation_id"], self.shelter.id)

    def test_nothing_about_clients_reaches_the_public(self):
        """Every public page, the site's search and the form, as a visitor,
        searched for the demo clients' names and codes."""
        clients = self.env["res.partner"].search([("is_olopiste_client", "=", True)])
        cases = self.env["olopiste.case"].search([])
        self.assertTrue(clients and cases, "the demo data has clients and cases")
        secrets = set(clients.mapped("name")) | set(filter(None, cases.mapped("code")))
        services = self.env["olopiste.partner.service"].search(
            [("is_published", "=", True)]
        )
        urls = ["/palvelut", "/palvelut/ilmoita", "/palvelut?open=1"]
        urls += [f"/palvelut/{s.id}" for s in services]
        urls += [f"/palvelut/organisaatio/{o.id}" for o in services.organisation_id]
        searches = []
        for client in clients[:5]:
            searches += [
                (f"/palvelut?search={client.name}", client.name),
                (f"/website/search?search={client.name}", client.name),
            ]
            urls.append(f"/palvelut/organisaatio/{client.id}")
        for url, echoed in [(url, None) for url in urls] + searches:
            response = self.url_open(url)
            self.assertIn(response.status_code, (200, 404), url)
            # a search shows its own words back, and nothing else of a client
            leaked = [s for s in secrets - {echoed} if s in response.text]
            self.assertFalse(leaked, f"{url} shows {leaked}")
            if echoed:
                # and finds no service
                self.assertNotRegex(response.text, r'href="(/\w+)?/palvelut/\d+', url)
        # a client's contact never has a public page, even as an organisation
        self.page(f"/palvelut/organisaatio/{clients[0].id}", status=404)
