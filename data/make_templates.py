# Copyright 2026 Olopiste contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""Write the import templates (CSV and XLSX) to data/ and the addon's static/xls/.

    python3 data/make_templates.py

The headers are the field labels of Odoo's import screen, so the columns map
by themselves. The example rows belong to the demo project "Olopiste"
(2015-09-01 – 2018-08-31) and its demo activities; import the cases before
the attendance.
"""

import csv
from datetime import datetime
from pathlib import Path

import xlsxwriter

REPO = Path(__file__).resolve().parent.parent
TARGETS = (REPO / "data", REPO / "olopiste_case" / "static" / "xls")
TEMPLATES = {
    "olopiste_cases": (
        [
            "Client Name",
            "Client Birthdate",
            "Client Gender",
            "Project",
            "Area",
            "Stage",
            "Entry Date",
            "Came Through",
            "Labour-Market Status at Entry",
            "Unemployed for (months)",
            "Education Level",
            "Data Processing Consent",
            "Start Data Filed",
            "Exit Date",
            "Situation on Leaving",
        ],
        [
            ["Kaisa Esimerkki", "1972-06-14", "Female", "Olopiste", "Keskusta",
             "Engagement", "2018-04-03", "Employment services",
             "Long-term unemployed", "26", "Basic education or less (ISCED 0–2)",
             "2018-04-03", "2018-04-05", "", ""],
            ["Joonas Mallinen", "1990-01-30", "Male", "Olopiste", "Keskusta",
             "Mapping", "2018-02-12", "Outreach", "Unemployed", "7",
             "Upper secondary or post-secondary (ISCED 3–4)", "2018-02-12",
             "2018-02-20", "", ""],
            ["Ritva Testinen", "1961-11-02", "Female", "Olopiste",
             "Liipola and Hollola", "Closed", "2016-10-03", "Social services",
             "Inactive", "0", "Basic education or less (ISCED 0–2)", "2016-10-03",
             "2016-10-10", "2017-09-29", "Job-seeking"],
        ],
    ),
    "olopiste_attendance": (
        ["Case", "Activity Name", "Activity Date", "State", "Hours"],
        [
            ["Kaisa Esimerkki", "Olohuone NonStop", "2018-05-15", "Attended", "3"],
            ["Joonas Mallinen", "Theme group: job search", "2018-05-16", "Attended",
             "1.5"],
            ["Kaisa Esimerkki", "Theme group: job search", "2018-05-16", "Excused",
             "0"],
        ],
    ),
}  # fmt: skip


def main():
    for name, (header, rows) in TEMPLATES.items():
        for target in TARGETS:
            target.mkdir(parents=True, exist_ok=True)
            with open(target / f"{name}.csv", "w", newline="", encoding="utf-8") as f:
                csv.writer(f).writerows([header, *rows])
            book = xlsxwriter.Workbook(str(target / f"{name}.xlsx"))
            book.set_properties({"created": datetime(2026, 1, 1)})  # same bytes
            sheet = book.add_worksheet(name)
            bold = book.add_format({"bold": True})
            sheet.write_row(0, 0, header, bold)
            for number, row in enumerate(rows, 1):
                sheet.write_row(number, 0, row)
            sheet.set_column(0, len(header) - 1, 18)
            book.close()


if __name__ == "__main__":
    main()
