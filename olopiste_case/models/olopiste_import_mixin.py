# Copyright 2026 Olopiste contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
import csv
import io
from datetime import date

import xlsxwriter

from odoo import api, fields, models
from odoo.tools.misc import format_date

from .olopiste_import_key import add_stable_keys, load_valid_rows

TEMPLATE_FORMATS = {
    "xlsx": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
    "csv": "text/csv",
}


def importable_models(env):
    """The models with the Olopiste import: those inheriting the mixin."""
    return {
        name
        for name in env.registry.descendants(["olopiste.import.mixin"], "_inherit")
        if not env.registry[name]._abstract
    }


class OlopisteImportMixin(models.AbstractModel):
    """What the spreadsheet import of cases and of attendance shares.

    Rows without an External ID get one made of the model's key columns
    (`_olopiste_import_key`), so importing a file again updates instead of
    duplicating; with the import screen's *Import the valid rows* option the
    rows that fail are left out and reported (see base_import_import.py).
    A model that inherits this mixin is offered that option, and import
    templates written in the user's language: the headers are the labels the
    import screen matches, the example rows' choices and dates as the user
    reads and writes them (`_olopiste_template_rows`).
    """

    _name = "olopiste.import.mixin"
    _description = "Olopiste Spreadsheet Import"

    # for each part of a row's key, the accepted column paths
    _olopiste_import_key = ()
    # the External IDs' prefix
    _olopiste_import_prefix = ""
    # the template's columns (field names) and its file name
    _olopiste_template_fields = ()
    _olopiste_template_name = ""

    @api.model
    def _olopiste_import_create_values(self, vals_list):
        """The values of new records with the import-only columns resolved
        into fields (and removed): called first by the model's `create`.
        Returns copies: when a batch fails, `load` retries each row with the
        same dicts."""
        return [dict(vals) for vals in vals_list]

    def _olopiste_import_write_values(self, vals):
        """The values of a `write` with the import-only columns resolved
        into fields (and removed): called first by the model's `write`."""
        return dict(vals)

    @api.model
    def load(self, fields, data):
        fields, data = add_stable_keys(
            fields, data, self._olopiste_import_key, self._olopiste_import_prefix
        )
        base_load = super().load
        if self.env.context.get("olopiste_import_valid_rows"):
            return load_valid_rows(lambda rows: base_load(fields, rows), data, self.env)
        return base_load(fields, data)

    # ------------------------------------------------------------------
    # templates

    @api.model
    def _olopiste_template_label(self, file_format):
        raise NotImplementedError

    @api.model
    def get_import_templates(self):
        return [
            {
                "label": self._olopiste_template_label(file_format),
                "template": f"/olopiste_case/import_template/{self._name}/{file_format}",
            }
            for file_format in TEMPLATE_FORMATS
        ]

    @api.model
    def _olopiste_template_rows(self):
        """The example rows: {field name: value}, choices by their key."""
        return []

    @api.model
    def _olopiste_demo(self, model, xmlid):
        """The demo record `xmlid` of `model`, or an empty record where the
        demo is not installed. sudo: its names and days are example text of
        the templates, whoever downloads them."""
        record_id = self.env["ir.model.data"].sudo()._xmlid_to_res_id(xmlid, False)
        return self.env[model].sudo().browse(record_id)

    @api.model
    def _olopiste_template_anchor(self):
        """The day the example rows are dated around: the demo's session of
        last week where there is one, else today."""
        event = self._olopiste_demo(
            "calendar.event", "olopiste_case.demo_event_nonstop"
        )
        return event._olopiste_date() if event else fields.Date.context_today(self)

    @api.model
    def _olopiste_template_cells(self):
        """The header and the example rows as the user reads them."""
        header = [
            self._fields[name]._description_string(self.env)
            for name in self._olopiste_template_fields
        ]
        rows = []
        for example in self._olopiste_template_rows():
            row = []
            for name in self._olopiste_template_fields:
                field, value = self._fields[name], example.get(name)
                if field.type == "selection" and value:
                    value = dict(field._description_selection(self.env))[value]
                row.append("" if value is None or value is False else value)
            rows.append(row)
        return header, rows

    @api.model
    def _olopiste_import_template(self, file_format):
        """The template file's bytes in `file_format` (xlsx or csv)."""
        header, rows = self._olopiste_template_cells()
        if file_format == "csv":
            buffer = io.StringIO()
            writer = csv.writer(buffer)
            writer.writerow(header)
            writer.writerows(
                [format_date(self.env, v) if isinstance(v, date) else v for v in row]
                for row in rows
            )
            return buffer.getvalue().encode("utf-8")
        buffer = io.BytesIO()
        book = xlsxwriter.Workbook(buffer, {"in_memory": True})
        sheet = book.add_worksheet(self._olopiste_template_name[:31])
        bold = book.add_format({"bold": True})
        dated = book.add_format(
            {"num_format": self.env["res.lang"]._olopiste_excel_date_format()}
        )
        sheet.write_row(0, 0, header, bold)
        for number, row in enumerate(rows, 1):
            for column, value in enumerate(row):
                if isinstance(value, date):
                    sheet.write_datetime(number, column, value, dated)
                else:
                    sheet.write(number, column, value)
        sheet.set_column(0, len(header) - 1, 18)
        book.close()
        return buffer.getvalue()
