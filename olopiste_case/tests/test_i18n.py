# Copyright 2026 Olopiste contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
import io

import polib

from odoo.modules.module import get_module_path
from odoo.tests import TransactionCase, tagged
from odoo.tools.translate import trans_export


def exported_msgids(env, module):
    """The msgids Odoo exports for `module` from the installed code and data."""
    buffer = io.BytesIO()
    trans_export(False, [module], buffer, "po", env.cr)
    return {entry.msgid for entry in polib.pofile(buffer.getvalue().decode())}


def committed_msgids(module):
    path = f"{get_module_path(module)}/i18n/{module}.pot"
    return {entry.msgid for entry in polib.pofile(path)}


class PotIsCurrentMixin:
    """The committed .pot holds exactly what Odoo exports for the module."""

    module = None

    def test_pot_matches_code(self):
        exported = exported_msgids(self.env, self.module)
        committed = committed_msgids(self.module)
        self.assertFalse(
            exported - committed,
            "strings missing from the .pot (run: python3 scripts/olopiste.py i18n)",
        )
        self.assertFalse(committed - exported, "stale strings in the .pot")


@tagged("post_install", "-at_install", "olopiste_i18n")
class TestI18n(PotIsCurrentMixin, TransactionCase):
    module = "olopiste_case"

    def test_demo_chatter_has_no_creation_notes(self):
        """Odoo writes "<Model> created" in English into the chatter of a
        record created without a user's language; the demo data creates its
        records without that note, so no chatter opens with English."""
        demo = self.env["ir.model.data"].search(
            [
                ("module", "=", "olopiste_case"),
                ("model", "in", ["res.partner", "olopiste.case", "olopiste.project"]),
            ]
        )
        self.assertTrue(demo.filtered(lambda data: data.model == "res.partner"))
        notes = self.env["mail.message"].search(
            [
                ("model", "in", demo.mapped("model")),
                ("res_id", "in", demo.mapped("res_id")),
                ("body", "ilike", "created"),
            ]
        )
        records = {(data.model, data.res_id) for data in demo}
        self.assertFalse(
            [
                (note.model, note.res_id, note.body)
                for note in notes
                if (note.model, note.res_id) in records
            ]
        )
