# Copyright 2026 Olopiste contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
import re

from odoo import Command
from odoo.tests import HttpCase, new_test_user


class DirectoryCase(HttpCase):
    """Three organisations' services, published or not, with and without
    open places, and users of every role."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        env = cls.env
        cls.manager = new_test_user(
            env, "dir_manager", groups="olopiste_case.group_olopiste_manager"
        )
        cls.worker = new_test_user(
            env, "dir_worker", groups="olopiste_case.group_olopiste_worker"
        )
        Municipality = env["olopiste.municipality"]
        cls.town = Municipality.create({"name": "Testikylä"})
        cls.city = Municipality.create({"name": "Testikaupunki"})
        cls.animals = env.ref("olopiste_website.service_tag_animals")
        cls.older = env.ref("olopiste_website.service_tag_older_people")
        cls.part_time = env.ref("olopiste_website.service_tag_part_time")
        cls.volunteering = env.ref("olopiste_website.service_category_volunteering")
        cls.meeting = env.ref("olopiste_website.service_category_meeting_place")
        Partner = env["res.partner"]
        cls.shelter = Partner.create(
            {
                "name": "Testin eläinkoti",
                "is_company": True,
                "is_olopiste_partner_org": True,
                "olopiste_public_description": "Kissoja ja koiria.",
            }
        )
        cls.shelter_contact = Partner.create(
            {
                "name": "Tiina Testaaja",
                "parent_id": cls.shelter.id,
                "email": "tiina@example.com",
            }
        )
        cls.club = Partner.create(
            {
                "name": "Testin seniorikerho",
                "is_company": True,
                "is_olopiste_partner_org": True,
            }
        )
        Service = env["olopiste.partner.service"]
        cls.dogs = Service.create(
            {
                "name": "Koirien ulkoilutus",
                "organisation_id": cls.shelter.id,
                "contact_id": cls.shelter_contact.id,
                "category_id": cls.volunteering.id,
                "tag_ids": [Command.set([cls.animals.id, cls.part_time.id])],
                "municipality_ids": [Command.set([cls.town.id])],
                "places": 2,
                "date_start": "2020-01-01",
                "date_end": "2999-12-31",
                "is_published": True,
            }
        )
        cls.cafe = Service.create(
            {
                "name": "Kohtaamispaikan kahvila",
                "organisation_id": cls.club.id,
                "category_id": cls.meeting.id,
                "tag_ids": [Command.set([cls.older.id])],
                "municipality_ids": [Command.set([cls.city.id])],
                "is_published": True,
            }
        )
        cls.hidden = Service.create(
            {
                "name": "Julkaisematon palvelu",
                "organisation_id": cls.club.id,
                "tag_ids": [Command.set([cls.animals.id])],
                "places": 5,
            }
        )

    def page(self, url, status=200):
        response = self.url_open(url)
        self.assertEqual(response.status_code, status, url)
        return response.text

    def names_on(self, url):
        """The services listed on a directory page, by name."""
        html = self.page(url)
        return set(
            re.findall(
                r'<h2 class="h4 card-title">\s*<a href="[^"]*">([^<]*)</a>', html
            )
        )
