# Copyright 2026 Olopiste contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
import json
import re

from odoo.http import request, route

from odoo.addons.report_xlsx.controllers.main import ReportController

# the funder exports (XLSX) and the dashboard's printout (PDF): they read and
# write nothing
OLOPISTE_REPORT_URL = re.compile(r"^/report/(xlsx|pdf)/olopiste_reports\.")


def olopiste_download_is_readonly(data):
    """Whether a `/report/download` request (its `data` parameter) fetches one
    of Olopiste's reports, which write nothing."""
    try:
        url = json.loads(data)[0]
    except (TypeError, ValueError, IndexError, KeyError):
        return False
    return isinstance(url, str) and bool(OLOPISTE_REPORT_URL.match(url))


def _download_readonly(_controller):
    # Odoo runs a read-only request on the read replica where one is
    # configured (db_replica_host): Olopiste's reports are served there; any
    # other report keeps Odoo's read/write transaction
    form = request.httprequest.form or request.httprequest.args
    return olopiste_download_is_readonly(form.get("data"))


class OlopisteReportController(ReportController):
    @route(readonly=_download_readonly)
    def report_download(self, data, context=None, token=None, readonly=True):
        return super().report_download(data, context=context, token=token)
