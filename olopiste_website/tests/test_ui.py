# Copyright 2026 Olopiste contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""The directory walked in the browser, and every public page checked
against WCAG 2.1 AA with axe-core."""

from odoo.tests import tagged

from odoo.addons.olopiste_case.tests.accessibility import AccessibilityMixin
from odoo.addons.olopiste_case.tests.tour_common import FinnishTourCase

# the module terms the public pages and the review screens show
MODULES = [
    "base",
    "web",
    "website",
    "portal",
    "mail",
    "olopiste_case",
    "olopiste_website",
]


class DirectoryBrowserCase(FinnishTourCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.env["res.lang"]._activate_lang("sv_SE")
        cls.env["ir.module.module"]._load_module_terms(MODULES, ["fi_FI", "sv_SE"])
        website = cls.env.ref("website.default_website")
        website.language_ids = cls.env["res.lang"].search(
            [("code", "in", ("fi_FI", "sv_SE", "en_US"))]
        )
        website.default_lang_id = cls.env.ref("base.lang_fi")
        cls.shelter = cls.env.ref("olopiste_website.demo_service_shelter_volunteering")


@tagged("post_install", "-at_install", "olopiste_ui", "olopiste_website")
class TestDirectoryTours(DirectoryBrowserCase):
    def test_visitor_on_a_phone(self):
        self.browser_size, self.touch_enabled = "390x844", True
        self.start_tour("/fi/palvelut", "olopiste_directory_visitor", login=None)

    def test_three_languages(self):
        for url, title, label in (
            ("/fi/palvelut", "Palvelut ja vapaat paikat", "Eläimet"),
            ("/sv/palvelut", "Tjänster och lediga platser", "Djur"),
            ("/en/palvelut", "Services and open places", "Animals"),
        ):
            html = self.url_open(url).text
            self.assertIn(title, html, url)
            self.assertIn(label, html, url)

    def test_organisation_proposes_and_manager_publishes(self):
        Proposal = self.env["olopiste.directory.submission"]
        self.browser_size, self.touch_enabled = "390x844", True
        self.start_tour("/fi/palvelut", "olopiste_directory_proposal", login=None)
        proposal = Proposal.search([("name", "=", "Kierrätysmyymälän työkokeilu")])
        self.assertEqual(
            len(proposal), 1, "one proposal: the mistyped one was not kept"
        )
        self.assertEqual(proposal.contact_email, "kirsi@example.com")
        self.assertFalse(
            self.env["olopiste.partner.service"].search(
                [("name", "=", "Kierrätysmyymälän työkokeilu")]
            )
        )
        manager = self.finnish_user(
            "tour_dir_manager", "olopiste_case.group_olopiste_manager"
        )
        self.browser_size, self.touch_enabled = "1440x900", False
        self.start_tour(
            "/odoo/action-olopiste_website.olopiste_directory_submission_action",
            "olopiste_directory_review",
            login=manager.login,
        )
        service = proposal.service_id
        self.assertTrue(service.is_published)
        self.assertEqual(
            service.tag_ids, self.env.ref("olopiste_website.service_tag_sales")
        )
        self.assertIn(
            "Kierrätysmyymälän työkokeilu",
            self.url_open(f"/palvelut/{service.id}").text,
        )


@tagged("post_install", "-at_install", "olopiste_accessibility", "olopiste_website")
class TestDirectoryAccessibility(AccessibilityMixin, DirectoryBrowserCase):
    """Zero serious or critical WCAG 2.1 AA violations on every public page,
    in each of its languages, on a phone and on a laptop."""

    # the posted form's answer replaces the page, so that axe checks it
    POST_FORM = """
        const form = document.querySelector("form.o_olopiste_entry_form");
        %s
        const response = await fetch(form.action, {method: "POST", body: new FormData(form)});
        const page = new DOMParser().parseFromString(await response.text(), "text/html");
        document.body.replaceWith(page.body);
    """

    def test_public_pages(self):
        organisation = self.shelter.organisation_id
        # the contact person's form behind a working update link
        self.shelter.sudo().update_token = "axe-token"
        self.shelter.update_link_expiry = "2999-01-01 00:00:00"
        animals = self.env.ref("olopiste_website.service_tag_animals")
        pages = [
            "/fi/palvelut",
            "/sv/palvelut",
            "/en/palvelut",
            f"/palvelut?tag={animals.id}&open=1&search=eläin",
            "/palvelut?search=zzzz&noFuzzy=1",
            f"/fi/palvelut/{self.shelter.id}",
            f"/sv/palvelut/{self.shelter.id}",
            f"/palvelut/organisaatio/{organisation.id}",
            "/fi/palvelut/ilmoita",
            "/sv/palvelut/ilmoita",
            f"/palvelut/{self.shelter.id}/muokkaa?token=expired",
            f"/palvelut/{self.shelter.id}/muokkaa?token=axe-token",
        ]
        for size in ("390x844", "1440x900"):
            self.browser_size = size
            for url in pages:
                self.assert_accessible(url, name=f"{url} at {size}")

    def test_form_answers(self):
        self.assert_accessible(
            "/palvelut/ilmoita",
            name="the form with its errors",
            before=self.POST_FORM
            % 'form.querySelector("#o_olopiste_places").value = "-2";',
        )
        self.assert_accessible(
            "/palvelut/ilmoita",
            name="the thanks page",
            before=self.POST_FORM
            % """
                for (const [id, value] of [["organisation_name", "Axe ry"],
                        ["contact_name", "Aksel"], ["contact_email", "a@example.com"],
                        ["name", "Axe-palvelu"]]) {
                    form.querySelector("#o_olopiste_" + id).value = value;
                }
            """,
        )
