# Copyright 2026 Olopiste contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import models

from odoo.addons.base_import.models.base_import import ImportValidationError

OLOPISTE_IMPORT_MODELS = ("olopiste.case", "olopiste.attendance")


class BaseImportImport(models.TransientModel):
    """Clear row-numbered messages for badly encoded or badly separated files."""

    _inherit = "base_import.import"

    def _read_csv(self, options):
        if self.res_model not in OLOPISTE_IMPORT_MODELS:
            return super()._read_csv(options)
        try:
            return super()._read_csv(options)
        except UnicodeDecodeError as error:
            row = (self.file or b"")[: error.start].count(b"\n") + 1
            raise ImportValidationError(
                self.env._(
                    "Row %(row)s of the file is not valid %(encoding)s text. Choose "
                    "the file's encoding (e.g. UTF-8 or Windows-1252) in the import "
                    "options, or save the file as UTF-8.",
                    row=row,
                    encoding=error.encoding,
                )
            ) from error

    def _read_file(self, options):
        file_length, rows = super()._read_file(options)
        if self.res_model in OLOPISTE_IMPORT_MODELS and rows:
            expected = len(rows[0])
            for number, row in enumerate(rows[1:], 2):
                if len(row) != expected:
                    raise ImportValidationError(
                        self.env._(
                            "Row %(row)s has %(found)s columns but the first row has "
                            "%(expected)s. Check the separator and the quotes.",
                            row=number,
                            found=len(row),
                            expected=expected,
                        )
                    )
        return file_length, rows
