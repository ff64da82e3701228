# Copyright 2026 Olopiste contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from datetime import datetime

from odoo import models

from odoo.addons.base_import.models.base_import import ImportValidationError

from .olopiste_import_key import map_indexes
from .olopiste_import_mixin import importable_models


class BaseImportImport(models.TransientModel):
    """Clear row-numbered messages for badly encoded or badly separated files,
    and, when the user asks for it, the import of a file's valid rows only.

    With the option ``olopiste_valid_rows`` (a check box on the import screen
    of the models that inherit olopiste.import.mixin: cases and attendance),
    rows whose dates cannot be read or that fail validation are left out and
    reported, the others are imported.
    """

    _inherit = "base_import.import"

    def _olopiste_import(self):
        """Whether the file is imported into an Olopiste model."""
        return self.res_model in importable_models(self.env)

    def parse_preview(self, options, count=10):
        preview = super().parse_preview(options, count=count)
        if "options" in preview and self._olopiste_import():
            # offered: the import screen shows the check box for it
            preview["options"]["olopiste_valid_rows"] = bool(
                options.get("olopiste_valid_rows")
            )
        return preview

    def _extract_header_types(self, preview_values, options):
        """Dates written in the user's own format are dates. Odoo tries
        numbers first and takes 14.06.1972 for a number with thousands
        separators, so a Finnish file's dates were never recognised."""
        if self._olopiste_import() and not options.get("date_format"):
            date_format = (
                self.env["res.lang"]._get_data(code=self.env.user.lang).date_format
            )
            values = [value.strip() for value in preview_values if value.strip()]
            if (
                date_format
                and values
                and all(self._olopiste_is_date(value, date_format) for value in values)
            ):
                options["date_format"] = date_format
                return ["date", "datetime"]
        return super()._extract_header_types(preview_values, options)

    @staticmethod
    def _olopiste_is_date(value, date_format):
        try:
            datetime.strptime(value, date_format)
        except ValueError:
            return False
        return True

    def execute_import(self, fields, columns, options, dryrun=False):
        if not self._olopiste_import():
            return super().execute_import(fields, columns, options, dryrun=dryrun)
        if not options.get("olopiste_valid_rows"):
            result = super().execute_import(fields, columns, options, dryrun=dryrun)
            return self._olopiste_number_rows(result, options)
        # filled while the file is read: rows left out, positions of the rest
        state = {"unreadable": {}, "positions": None}
        importer = self.with_context(
            olopiste_import_valid_rows=True, olopiste_import_state=state
        )
        result = super(BaseImportImport, importer).execute_import(
            fields, columns, dict(options), dryrun=dryrun
        )
        result = importer._olopiste_left_out_report(result, state, options, dryrun)
        return self._olopiste_number_rows(result, options)

    def _olopiste_number_rows(self, result, options):
        """One numbering on the whole screen: 1 = the file's first row of
        data. The screen shows a column's errors at `rows.from` + 1 but a
        row's error at `record`, counted from 0 and from the batch's start."""
        skip = options.get("skip") or 0
        messages = []
        for message in result.get("messages", []):
            rows = message.get("rows")
            if rows:
                rows = {"from": rows["from"] + skip, "to": rows["to"] + skip}
                message = dict(message, rows=rows)
                if "record" in message:
                    message["record"] = rows["from"] + 1
            messages.append(message)
        return dict(result, messages=messages)

    def _parse_import_data(self, data, import_fields, options):
        data = super()._parse_import_data(data, import_fields, options)
        state = self.env.context.get("olopiste_import_state")
        if state and state["unreadable"]:
            state["positions"] = [
                i for i in range(len(data)) if i not in state["unreadable"]
            ]
            data = [data[i] for i in state["positions"]]
        return data

    def _parse_date_from_data(self, data, index, name, field_type, options):
        state = self.env.context.get("olopiste_import_state")
        if state is None:
            return super()._parse_date_from_data(data, index, name, field_type, options)
        for number, line in enumerate(data):
            value = line[index]
            try:
                super()._parse_date_from_data([line], index, name, field_type, options)
            except ImportValidationError:
                field = self.env[self.res_model]._fields.get(name)
                state["unreadable"].setdefault(
                    number,
                    {
                        "type": "warning",
                        "left_out": True,
                        "field": name,
                        "record": number,
                        "rows": {"from": number, "to": number},
                        "message": self.env._(
                            "“%(value)s” is not a date in the format %(format)s "
                            "(%(column)s).",
                            value=value,
                            format=options.get("date_format") or "%Y-%m-%d",
                            column=field._description_string(self.env)
                            if field
                            else name,
                        ),
                    },
                )
        return data

    def _olopiste_left_out_report(self, result, state, options, dryrun):
        """The import's result with the file's row indexes and one message
        on top: how many rows were imported and which were left out."""
        positions = state["positions"]
        skip = options.get("skip") or 0
        messages = result.get("messages", [])
        if positions is not None:
            messages = [map_indexes(message, positions) for message in messages]
        nextrow = result.get("nextrow") or 0
        if positions is not None and nextrow and nextrow - skip < len(positions):
            result["nextrow"] = positions[nextrow - skip] + skip
        messages = list(state["unreadable"].values()) + messages
        left_out = sorted({m["rows"]["from"] for m in messages if m.get("left_out")})
        if left_out:
            # numbered as _olopiste_number_rows numbers the messages
            first_row = skip + 1
            params = {
                "count": len(result.get("ids") or []),
                "left": len(left_out),
                "rows": ", ".join(str(first_row + index) for index in left_out),
            }
            summary = (
                self.env._(
                    "%(count)s rows can be imported; %(left)s rows with errors "
                    "(rows %(rows)s) will be left out.",
                    **params,
                )
                if dryrun
                else self.env._(
                    "%(count)s rows imported; %(left)s rows with errors (rows "
                    "%(rows)s) were left out.",
                    **params,
                )
            )
            messages.insert(0, {"type": "warning", "message": summary})
        return dict(result, messages=messages)

    def _read_csv(self, options):
        if not self._olopiste_import():
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
        if rows and self._olopiste_import():
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
