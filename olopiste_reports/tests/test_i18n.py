# Copyright 2026 Olopiste contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo.tests import TransactionCase, tagged

from odoo.addons.olopiste_case.tests.test_i18n import PotIsCurrentMixin


@tagged("post_install", "-at_install", "olopiste_i18n")
class TestI18n(PotIsCurrentMixin, TransactionCase):
    module = "olopiste_reports"
