# Copyright 2026 Olopiste contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import models

from odoo.addons.olopiste_case.const import SENSITIVE_GROUPS as SENSITIVE_GROUP

LONG_TERM_MONTHS = 12


def _flag(condition):
    return 1 if condition else 0


class ParticipantListXlsx(models.AbstractModel):
    """One pseudonymised row per participant with the ESF+ common indicators."""

    _name = "report.olopiste_reports.participant_list_xlsx"
    _inherit = "report.olopiste_reports.export_xlsx"
    _description = "Participant List XLSX"

    def _title(self):
        return self.env._("Participants and ESF+ indicators")

    def _with_sensitive(self, wizard):
        """Special-category answers: for case workers and managers, and only in
        an export that stays in the organisation."""
        return (
            self.env.user.has_group(SENSITIVE_GROUP) and not wizard.leaves_organisation
        )

    def _indicators(self):
        return [
            ("EECO01", self.env._("Total participants")),
            ("EECO02", self.env._("Unemployed, incl. long-term unemployed")),
            ("EECO03", self.env._("Long-term unemployed")),
            ("EECO04", self.env._("Inactive")),
            ("EECO05", self.env._("Employed, incl. self-employed")),
            ("EECO06", self.env._("Below 18")),
            ("EECO07", self.env._("18–29")),
            ("EECO08", self.env._("55 and above")),
            ("EECO09", self.env._("ISCED 0–2")),
            ("EECO10", self.env._("ISCED 3–4")),
            ("EECO11", self.env._("ISCED 5–8")),
            ("EECO12", self.env._("With disabilities")),
            ("EECO13", self.env._("Third-country nationals")),
            ("EECO14", self.env._("Foreign background")),
            ("EECO15", self.env._("Minorities")),
            ("EECO16", self.env._("Homeless or in housing exclusion")),
            ("EECO17", self.env._("Rural areas")),
            ("EECR01", self.env._("Job-seeking upon leaving")),
            ("EECR02", self.env._("In education or training upon leaving")),
            ("EECR03", self.env._("Gained a qualification upon leaving")),
            ("EECR04", self.env._("In employment upon leaving")),
            ("EECR05", self.env._("In employment six months after leaving")),
            ("EECR06", self.env._("Improved labour-market situation six months after")),
        ]

    def _definitions(self, wizard):
        return [
            (
                self.env._("Participant"),
                self.env._(
                    "One row per person, identified by the number of their first "
                    "case, never by name or personal identity code. A person who "
                    "re-entered the project is one participant: entry data from the "
                    "first case, exit and follow-up data from the last."
                ),
            ),
            (
                self.env._("Indicator values"),
                self.env._(
                    "1 = yes, 0 = no, empty = not known. EECO01 is 1 when the "
                    "labour-market status is known. Long-term unemployed: status "
                    "“long-term unemployed”, or unemployed for 12 months or more. "
                    "Age is the whole years at the first entry."
                ),
            ),
            (
                self.env._("Not collected"),
                self.env._(
                    "EECO13 (third-country nationals), EECO14 (foreign background) "
                    "and EECO17 (rural areas) are not recorded; the case's one "
                    "question on foreign background or minority is reported as "
                    "EECO15."
                ),
            ),
            (
                self.env._("Special categories"),
                self.env._(
                    "EECO12, EECO15 and EECO16 are filled only in exports that stay "
                    "in the organisation, made by a case worker or project manager; "
                    "“declined” = does not want to answer."
                )
                if self._with_sensitive(wizard)
                else self.env._(
                    "EECO12, EECO15 and EECO16 are left empty: this export leaves "
                    "the organisation or its user may not read special-category data."
                ),
            ),
            (
                self.env._("Results"),
                self.env._(
                    "EECR01–EECR04 from the situation on leaving (within four weeks "
                    "of exit) and the qualification; EECR05 = in work or in an "
                    "improved situation six months after; EECR06 = improved "
                    "labour-market situation six months after."
                ),
            ),
            (
                self.env._("Funder's system"),
                self.env._(
                    "Whether the participant's start and end data were filed in the "
                    "funder's system (a date is recorded on the case)."
                ),
            ),
        ]

    def _values(self, person, sensitive, declined):
        """The indicator columns of one person; `declined` is the word shown
        for a special-category question the person did not want to answer."""
        status = person["labour_status"]
        age = person["age"]
        education = person["education_level"]
        exit_situation = person["exit_situation"]
        followup = person["followup_situation"]

        def answer(value):
            if not sensitive or not value:
                return None
            return declined if value == "declined" else _flag(value == "yes")

        long_term = status == "long_term_unemployed" or (
            status == "unemployed"
            and (person["unemployment_months"] or 0) >= LONG_TERM_MONTHS
        )
        exited = bool(person["date_exit"])
        return [
            _flag(status),
            _flag(status in ("unemployed", "long_term_unemployed")) if status else None,
            _flag(long_term) if status else None,
            _flag(status == "inactive") if status else None,
            _flag(status == "employed") if status else None,
            _flag(age < 18) if age is not None else None,
            _flag(18 <= age < 30) if age is not None else None,
            _flag(age >= 55) if age is not None else None,
            _flag(education == "isced_0_2") if education else None,
            _flag(education == "isced_3_4") if education else None,
            _flag(education == "isced_5_8") if education else None,
            answer(person["disability"]),
            None,
            None,
            answer(person["minority"]),
            answer(person["homelessness"]),
            None,
            _flag(exit_situation == "job_seeking") if exit_situation else None,
            _flag(exit_situation == "education") if exit_situation else None,
            _flag(person["exit_qualification"]) if exited else None,
            _flag(exit_situation == "employed") if exit_situation else None,
            _flag(followup in ("employed", "improved")) if followup else None,
            _flag(followup == "improved") if followup else None,
        ]

    def _write_sheets(self, workbook, wizard, formats):
        sensitive = self._with_sensitive(wizard)
        people = self.env["olopiste.report.figures"]._participants(
            wizard.project_id, wizard.date_from, wizard.date_to, sensitive=sensitive
        )
        indicators = self._indicators()
        widths = (14, 11, 11, *([9] * len(indicators)), 14, 14)
        sheet = self._sheet(workbook, self.env._("Participants"), widths)
        header = [
            self.env._("Participant"),
            self.env._("Entry date"),
            self.env._("Exit date"),
            *(code for code, _label in indicators),
            self.env._("Start data filed"),
            self.env._("End data filed"),
        ]
        sheet.write_row(0, 0, header, formats["header"])
        sheet.write_row(1, 3, [label for _code, label in indicators], formats["header"])
        sheet.freeze_panes(2, 1)
        yes, no = self.env._("yes"), self.env._("no")
        declined = self.env._("declined")
        rows = [self._values(person, sensitive, declined) for person in people]
        for line, (person, values) in enumerate(zip(people, rows, strict=True), 2):
            sheet.write_string(line, 0, person["code"] or "")
            sheet.write_datetime(line, 1, person["date_entry"], formats["date"])
            if person["date_exit"]:
                sheet.write_datetime(line, 2, person["date_exit"], formats["date"])
            for col, value in enumerate(values, start=3):
                if value is not None:
                    sheet.write(line, col, value)
            col = 3 + len(indicators)
            sheet.write(line, col, yes if person["funder_start_date"] else no)
            if person["date_exit"]:
                sheet.write(line, col + 1, yes if person["funder_end_date"] else no)
        total = len(people) + 2
        sheet.write(total, 0, self.env._("Total"), formats["bold"])
        for col, column in enumerate(zip(*rows, strict=True), start=3):
            counts = [value for value in column if isinstance(value, int)]
            if counts:
                self._write_count(sheet, total, col, wizard, sum(counts), formats)
