# Copyright 2026 Olopiste contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import api, models

from .olopiste_import_key import add_stable_keys, load_valid_rows


class OlopisteImportMixin(models.AbstractModel):
    """What the spreadsheet import of cases and of attendance shares.

    Rows without an External ID get one made of the model's key columns
    (`_olopiste_import_key`), so importing a file again updates instead of
    duplicating; with the import screen's *Import the valid rows* option the
    rows that fail are left out and reported (see base_import_import.py).
    A model that inherits this mixin is offered that option.
    """

    _name = "olopiste.import.mixin"
    _description = "Olopiste Spreadsheet Import"

    # for each part of a row's key, the accepted column paths
    _olopiste_import_key = ()
    # the External IDs' prefix
    _olopiste_import_prefix = ""

    @api.model
    def load(self, fields, data):
        fields, data = add_stable_keys(
            fields, data, self._olopiste_import_key, self._olopiste_import_prefix
        )
        base_load = super().load
        if self.env.context.get("olopiste_import_valid_rows"):
            return load_valid_rows(lambda rows: base_load(fields, rows), data, self.env)
        return base_load(fields, data)
