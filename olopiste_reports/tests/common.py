# Copyright 2026 Olopiste contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from datetime import date, datetime
from io import BytesIO

import openpyxl

from odoo import Command

from odoo.addons.olopiste_case.tests.common import OlopisteTestCase

CLIENTS = 134
ON_PATH = {  # category xml id suffix: clients; 71 in all
    "work_wage_subsidy": 11,
    "work_open": 10,
    "work_trial": 6,
    "studies": 4,
    "rehabilitative": 7,
    "pension": 4,
    "other_service": 29,
}
CAPACITY = {"improved": (5, 7), "unchanged": (5, 5), "worse": (5, 3)}
CAPACITY_COUNTS = {"improved": 31, "unchanged": 66, "worse": 3}
WOMEN = 75  # 75 / 134 = 55.97 % → 56 %
LONG_TERM = 80
EVENTS = 6
ATTENDING = 120  # 6 × 120 attendances: 719 × 7 h + 1 × 2 h = 5,035 h
HEADCOUNT = 50
ENTRY = date(2016, 1, 15)
EXIT = date(2016, 12, 15)  # 335 days = 11.0 months of 30.4375 days
AS_OF = date(2018, 8, 31)


class ReportsCase(OlopisteTestCase):
    """The reference case of DOMAIN.md as data: 134 clients, 71 on a path,
    31 / 66 / 3 assessed, 5,035 hours, 56 % women, average age 47, 11 months."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        env = cls.env
        cls.ref_project = env["olopiste.project"].create(
            {
                "name": "Reference project",
                "code": "S10001",
                "programme": "esf_2014",
                "date_start": "2015-09-01",
                "date_end": "2018-08-31",
                "flat_rate": 17,
                "manager_id": cls.user_manager.id,
                "wage_subsidy_amount": 108000,
                "target_ids": [
                    Command.create({"kind": "clients", "value": 200}),
                    Command.create({"kind": "followon_rate", "value": 50}),
                    Command.create({"kind": "capacity_rate", "value": 50}),
                ],
                "financing_ids": [
                    Command.create(
                        {
                            "name": "ESF and state",
                            "percent": 80,
                            "planned_amount": 319557,
                        }
                    ),
                    Command.create(
                        {
                            "name": "Municipality",
                            "percent": 20,
                            "planned_amount": 79989,
                        }
                    ),
                ],
            }
        )
        # ages at entry: 67 × 37 and 67 × 57 years, mean 47
        cls.clients = env["res.partner"].create(
            [
                {
                    "name": f"Refclient {i:03d}",
                    "birthdate_date": "1978-06-01" if i % 2 else "1958-06-01",
                    "gender": "female" if i < WOMEN else "male",
                }
                for i in range(CLIENTS)
            ]
        )
        cls.ref_cases = env["olopiste.case"].create(
            [
                {
                    "partner_id": client.id,
                    "project_id": cls.ref_project.id,
                    "date_entry": ENTRY,
                    "date_exit": EXIT,
                    "exit_situation": "employed" if i < 40 else "job_seeking",
                    "labour_status": "long_term_unemployed"
                    if i < LONG_TERM
                    else "inactive",
                    "education_level": "isced_0_2",
                }
                for i, client in enumerate(cls.clients)
            ]
        )
        cls.partner_org = env["res.partner"].create(
            {"name": "Partner Workshop Ltd", "is_company": True}
        )
        referrals = []
        cases = iter(cls.ref_cases)
        for suffix, count in ON_PATH.items():
            path_type = env.ref(f"olopiste_case.followon_type_{suffix}")
            for _i in range(count):
                referrals.append(
                    {
                        "case_id": next(cases).id,
                        "direction": "out",
                        "organisation_id": cls.partner_org.id,
                        "followon_type_id": path_type.id,
                        "state": "started",
                        "date_planned": "2016-06-01",
                        "date_started": "2016-06-15",
                    }
                )
        # planned only: not on a path
        referrals.append(
            {
                "case_id": next(cases).id,
                "direction": "out",
                "organisation_id": cls.partner_org.id,
                "followon_type_id": env.ref("olopiste_case.followon_type_studies").id,
                "state": "planned",
                "date_planned": "2016-06-01",
            }
        )
        env["olopiste.referral"].create(referrals)
        dimension = env["olopiste.assessment.dimension"].search([], limit=1)
        assessments = []
        cases = iter(cls.ref_cases)
        for change, count in CAPACITY_COUNTS.items():
            first, last = CAPACITY[change]
            for _i in range(count):
                case = next(cases)
                for kind, day, score in (
                    ("initial", "2016-02-01", first),
                    ("final", "2016-11-01", last),
                ):
                    assessments.append(
                        {
                            "case_id": case.id,
                            "kind": kind,
                            "date": day,
                            "line_ids": [
                                Command.create(
                                    {"dimension_id": dimension.id, "score": score}
                                )
                            ],
                        }
                    )
        # one more client assessed once: not in the denominator
        assessments.append(
            {
                "case_id": next(cases).id,
                "kind": "initial",
                "date": "2016-02-01",
                "line_ids": [Command.create({"dimension_id": dimension.id})],
            }
        )
        env["olopiste.assessment"].create(assessments)
        cls.events = env["calendar.event"].create(
            [
                {
                    "name": f"Theme group {i + 1}",
                    "start": datetime(2016, 3 + i, 1, 8, 0),
                    "stop": datetime(2016, 3 + i, 1, 15, 0),
                    "olopiste_kind": "theme_group" if i % 2 else "group",
                    "olopiste_project_id": cls.ref_project.id,
                    "olopiste_headcount": HEADCOUNT,
                }
                for i in range(EVENTS)
            ]
        )
        attendance = [
            {
                "event_id": event.id,
                "case_id": case.id,
                "state": "attended",
                "hours": 7.0,
            }
            for event in cls.events
            for case in cls.ref_cases[:ATTENDING]
        ]
        attendance[-1]["hours"] = 2.0
        env["olopiste.attendance"].create(attendance)

    def _export(self, user, export, **values):
        wizard = (
            self.env["olopiste.report.export"]
            .with_user(user)
            .create(
                {
                    "export": export,
                    "project_id": self.ref_project.id,
                    "date_to": AS_OF,
                    **values,
                }
            )
        )
        action = wizard.action_export()
        report = self.env["ir.actions.report"].with_user(user)
        content, report_type = report._render(action["report_name"], wizard.ids, {})
        self.assertEqual(report_type, "xlsx")
        return openpyxl.load_workbook(BytesIO(content))

    @staticmethod
    def _rows(sheet):
        return list(sheet.iter_rows(values_only=True))

    @staticmethod
    def _by_label(sheet):
        return {
            row[0].strip(): row for row in sheet.iter_rows(values_only=True) if row[0]
        }

    def _all_text(self, workbook):
        return " ".join(
            str(value)
            for sheet in workbook.worksheets
            for row in sheet.iter_rows(values_only=True)
            for value in row
            if value is not None
        )
