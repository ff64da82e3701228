# Copyright 2026 Olopiste contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
import json
from urllib.parse import urlencode

from odoo.tests import HttpCase, new_test_user, tagged

from odoo.addons.olopiste_reports.controllers.report import (
    OlopisteReportController,
    _download_readonly,
    olopiste_download_is_readonly,
)


@tagged("post_install", "-at_install", "olopiste_reports")
class TestReadReplica(HttpCase):
    """Olopiste's reports are downloaded in read-only transactions, which
    Odoo sends to the read replica where one is configured."""

    def test_which_downloads_are_read_only(self):
        def data(url, kind):
            return json.dumps([url, kind])

        for url, kind, readonly in (
            ("/report/xlsx/olopiste_reports.funder_summary_xlsx/7", "xlsx", True),
            (
                "/report/pdf/olopiste_reports.report_olopiste_dashboard/3",
                "qweb-pdf",
                True,
            ),
            ("/report/pdf/olopiste_case.report_handover_document/3", "qweb-pdf", False),
            ("/report/pdf/account.report_invoice/3", "qweb-pdf", False),
            ("/report/xlsx/xolopiste_reports.x/1", "xlsx", False),
        ):
            self.assertEqual(
                olopiste_download_is_readonly(data(url, kind)), readonly, url
            )
        for bad in (None, "", "not json", "[]", '{"a": 1}', "[1, 2]"):
            self.assertFalse(olopiste_download_is_readonly(bad), bad)
        # the download route takes its transaction mode from this rule
        routing = OlopisteReportController.report_download.original_routing
        self.assertIs(routing["readonly"], _download_readonly)

    def test_finance_downloads_an_export_without_writing(self):
        finance = new_test_user(
            self.env, "replica_finance", groups="olopiste_case.group_olopiste_finance"
        )
        project = self.env["olopiste.project"].create(
            {"name": "Replica project", "code": "REPL-1", "date_start": "2024-01-01"}
        )
        self.authenticate("replica_finance", "replica_finance")
        wizard = (
            self.env["olopiste.report.export"]
            .with_user(finance)
            .create({"export": "funder_summary", "project_id": project.id})
        )
        report_name = wizard.action_export()["report_name"]
        url = f"/report/xlsx/{report_name}/{wizard.id}"
        # a read-only transaction that wrote would be retried read/write,
        # with Odoo's warning
        with self.assertNoLogs("odoo.http", level="WARNING"):
            response = self.url_open(
                "/report/download?"
                + urlencode({"data": json.dumps([url, "xlsx"]), "token": "1"})
            )
        self.assertEqual(response.status_code, 200)
        self.assertTrue(response.content.startswith(b"PK"), response.text[:300])
