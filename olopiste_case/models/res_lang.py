# Copyright 2026 Olopiste contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import api, models

# strftime directives of the languages' date formats, as spreadsheet codes
EXCEL_DATE_CODES = {"%d": "dd", "%m": "mm", "%Y": "yyyy", "%y": "yy"}


class ResLang(models.Model):
    _inherit = "res.lang"

    @api.model
    def _olopiste_excel_date_format(self, month=False):
        """The user's date format as a spreadsheet number format (14.06.1972
        in Finnish): dates in our XLSX files are dates, shown as the user
        writes them. With `month`, the format of a month (06.1972)."""
        date_format = self._get_data(code=self.env.lang or "en_US").date_format
        date_format = date_format or "%Y-%m-%d"
        if month:
            for separator in ".-/ ":
                date_format = date_format.replace(f"%d{separator}", "").replace(
                    f"{separator}%d", ""
                )
        for directive, code in EXCEL_DATE_CODES.items():
            date_format = date_format.replace(directive, code)
        return date_format
