# Copyright 2026 Olopiste contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo.tests import HttpCase, tagged

from .accessibility import FAILING_IMPACTS, AccessibilityMixin

# An image with no text alternative: axe-core's rule image-alt, critical.
IMAGE_WITHOUT_ALT = """
    const image = document.createElement("img");
    image.id = "olopiste-image-without-alt";
    image.src = "/web/static/img/logo.png";
    document.body.prepend(image);
"""


@tagged("post_install", "-at_install", "olopiste_accessibility")
class TestAccessibilityTooling(AccessibilityMixin, HttpCase):
    """The accessibility check itself, on the receiving organisation's public
    handover pages: it fails on a serious violation and passes a page
    without one."""

    def _referral_with_open_link(self):
        project = self.env["olopiste.project"].create({"name": "Axe project"})
        case = self.env["olopiste.case"].create(
            {
                "partner_id": self.env["res.partner"].create({"name": "Aila Axe"}).id,
                "project_id": project.id,
                "consent_handover_date": "2021-01-01",
            }
        )
        referral = self.env["olopiste.referral"].create(
            {
                "case_id": case.id,
                "organisation_id": self.env["res.partner"]
                .create({"name": "Axe Receiver Org", "is_company": True})
                .id,
                "followon_type_id": self.env.ref(
                    "olopiste_case.followon_type_workshop"
                ).id,
                "handover_summary": "<p>Needs a quiet workplace.</p>",
                "handover_expiry": "2999-01-01 00:00:00",
            }
        )
        referral._portal_ensure_token()
        return referral

    def test_serious_violation_fails(self):
        with self.assertRaises(self.failureException) as caught:
            self.assert_accessible(
                "/olopiste/handover/1?access_token=x",
                name="expired handover page with an image without alt",
                before=IMAGE_WITHOUT_ALT,
            )
        message = str(caught.exception)
        self.assertIn("image-alt (critical)", message)
        self.assertIn("#olopiste-image-without-alt", message)
        self.assertIn("image-alt", [v["id"] for v in caught.exception.violations])

    def test_expired_handover_page_passes(self):
        # the page shown for a wrong, expired or withdrawn link
        violations = self.assert_accessible(
            "/olopiste/handover/1?access_token=x", name="expired handover page"
        )
        self.assertFalse([v for v in violations if v["impact"] in FAILING_IMPACTS])

    def test_open_handover_page_passes(self):
        # the summary with its accept / decline form, as the link opens it
        referral = self._referral_with_open_link()
        self.assertTrue(referral._handover_link_valid(referral.access_token))
        self.assert_accessible(referral.get_portal_url(), name="handover page")
