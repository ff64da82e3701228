# Copyright 2026 Olopiste contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo.tests import HttpCase, new_test_user, tagged
from odoo.tests.common import TransactionCase

CASE_FIELDS = [
    "import_client_name",
    "import_client_birthdate",
    "import_client_gender",
    "project_id",
    "area_id",
    "stage_id",
    "date_entry",
    "referral_source",
    "labour_status",
    "unemployment_months",
    "education_level",
    "consent_processing_date",
    "funder_start_date",
    "date_exit",
    "exit_situation",
]
ATTENDANCE_FIELDS = [
    "case_id",
    "import_activity_name",
    "import_activity_date",
    "state",
    "hours",
]
OPTIONS = {
    "has_headers": True,
    "quoting": '"',
    "separator": ",",
    "encoding": "utf-8",
    "date_format": "%Y-%m-%d",
    "float_thousand_separator": " ",
    "float_decimal_separator": ".",
}
HEADER = (
    "Client Name,Client Birthdate,Client Gender,Project,Area,Stage,Entry Date,"
    "Came Through,Labour-Market Status at Entry,Unemployed for (months),"
    "Education Level,Data Processing Consent,Start Data Filed,Exit Date,"
    "Situation on Leaving"
)


def case_row(name, entry="2016-02-01", stage="Engagement", exit_date="", **kw):
    values = {
        "birthdate": "1970-05-05",
        "gender": "Female",
        "project": "Tuontihanke",
        "area": "Keskusta",
        "situation": "Job-seeking" if exit_date else "",
        **kw,
    }
    return (
        f"{name},{values['birthdate']},{values['gender']},{values['project']},"
        f"{values['area']},{stage},{entry},Outreach,Long-term unemployed,14,"
        f"isced_0_2,{entry},{entry},{exit_date},{values['situation']}"
    )


class TestImport(TransactionCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.project = cls.env["olopiste.project"].create(
            {
                "name": "Tuontihanke",
                "code": "TUONTI1",
                "date_start": "2015-09-01",
                "date_end": "2018-08-31",
            }
        )
        cls.area = cls.env["olopiste.area"].create(
            {"name": "Keskusta", "project_id": cls.project.id}
        )
        cls.event = cls.env["calendar.event"].create(
            {
                "name": "Ryhmä",
                "start": "2016-05-10 08:00:00",
                "stop": "2016-05-10 11:00:00",
                "partner_ids": [(6, 0, [])],
                "olopiste_kind": "group",
                "olopiste_project_id": cls.project.id,
            }
        )

    def _import(
        self, content, fields, model="olopiste.case", dryrun=False, context=None, **opts
    ):
        is_xlsx = isinstance(content, bytes) and content[:2] == b"PK"
        wizard = (
            self.env["base_import.import"]
            .with_context(**(context or {}))
            .create(
                {
                    "res_model": model,
                    "file": content if isinstance(content, bytes) else content.encode(),
                    "file_type": "application/vnd.openxmlformats-officedocument."
                    "spreadsheetml.sheet"
                    if is_xlsx
                    else "text/csv",
                    "file_name": "import.xlsx" if is_xlsx else "import.csv",
                }
            )
        )
        return wizard.execute_import(
            fields, list(fields), dict(OPTIONS, **opts), dryrun=dryrun
        )

    def _cases(self):
        return self.env["olopiste.case"].search([("project_id", "=", self.project.id)])

    def _errors(self, result):
        return [m for m in result["messages"] if m["type"] == "error"]

    def _assert_fails(self, content, row, regex, fields=CASE_FIELDS, **kwargs):
        """Importing `content` fails at `row` (0 = first data row); nothing is kept."""
        cases, partners = self._cases(), self.env["res.partner"].search_count([])
        result = self._import(content, fields, **kwargs)
        errors = self._errors(result)
        self.assertTrue(errors, result)
        self.assertFalse(result.get("ids"))
        self.assertRegex(" ".join(e["message"] for e in errors), regex)
        if row is not None:
            self.assertIn(row, [e.get("rows", {}).get("from") for e in errors], errors)
        self.assertEqual(self._cases(), cases)
        self.assertEqual(self.env["res.partner"].search_count([]), partners)
        return errors

    # ------------------------------------------------------------------
    # good files

    def test_import_templates_offered(self):
        for model in ("olopiste.case", "olopiste.attendance"):
            templates = self.env[model].get_import_templates()
            self.assertEqual(
                [template["template"] for template in templates],
                [
                    f"/olopiste_case/import_template/{model}/xlsx",
                    f"/olopiste_case/import_template/{model}/csv",
                ],
            )

    def _import_template(self, model, file_format, user):
        """Download `model`'s template as `user` and import it as the import
        screen does: columns and date format as the preview guesses them."""
        Model = self.env[model].with_user(user).with_context(lang=user.lang)
        content = Model._olopiste_import_template(file_format)
        wizard = (
            self.env["base_import.import"]
            .with_user(user)
            .with_context(lang=user.lang)
            .create(
                {
                    "res_model": model,
                    "file": content,
                    "file_type": "text/csv"
                    if file_format == "csv"
                    else "application/vnd.openxmlformats-officedocument."
                    "spreadsheetml.sheet",
                    "file_name": f"template.{file_format}",
                }
            )
        )
        preview = wizard.parse_preview(
            {"has_headers": True, "quoting": '"', "separator": ",", "encoding": "utf-8"}
        )
        self.assertFalse(preview.get("error"), preview)
        fields = [
            preview["matches"].get(i, [None])[0] for i in range(len(preview["headers"]))
        ]
        self.assertEqual(fields, list(Model._olopiste_template_fields))
        return content, wizard.execute_import(
            fields, preview["headers"], preview["options"]
        )

    def test_templates_import_in_each_language(self):
        """The templates, downloaded in Finnish or English, as XLSX or CSV,
        import into the demo project with their headers, choices and dates
        as written; a second import updates instead of duplicating."""
        self.env["res.lang"]._activate_lang("fi_FI")
        # the field labels and stage names in Finnish, as installing it loads them
        self.env["ir.module.module"]._load_module_terms(
            ["base", "olopiste_case"], ["fi_FI"]
        )
        # the import's per-cursor cache of choice translations predates them
        self.env.cr.cache.pop("ir.fields.converter", None)
        demo = self.env.ref("olopiste_case.demo_project_olopiste")
        worker = new_test_user(
            self.env, "tpl_worker", groups="olopiste_case.group_olopiste_worker"
        )
        demo.user_ids = [(4, worker.id)]
        self.env.ref("olopiste_case.demo_area_keskusta").user_ids = [(4, worker.id)]
        self.env.ref("olopiste_case.demo_area_liipola").user_ids = [(4, worker.id)]
        Case = self.env["olopiste.case"]
        before = Case.search_count([("project_id", "=", demo.id)])
        ids = None
        for lang, header in (("fi_FI", "Asiakkaan nimi"), ("en_US", "Client Name")):
            worker.lang = lang
            for file_format in ("xlsx", "csv"):
                with self.subTest(lang=lang, file_format=file_format):
                    content, result = self._import_template(
                        "olopiste.case", file_format, worker
                    )
                    if file_format == "csv":
                        self.assertTrue(content.decode().startswith(header))
                    self.assertFalse(result["messages"], result)
                    self.assertEqual(len(result["ids"]), 3)
                    self.assertEqual(ids or result["ids"], result["ids"])
                    ids = result["ids"]
                    content, result = self._import_template(
                        "olopiste.attendance", file_format, worker
                    )
                    self.assertFalse(result["messages"], result)
                    self.assertEqual(len(result["ids"]), 3)
        self.assertEqual(Case.search_count([("project_id", "=", demo.id)]), before + 3)
        cases = Case.browse(ids)
        self.assertEqual(
            cases.mapped("partner_id.name"),
            ["Kaisa Esimerkki", "Joonas Mallinen", "Ritva Testinen"],
        )
        self.assertEqual(str(cases[0].partner_id.birthdate_date), "1972-06-14")
        self.assertEqual(cases[0].partner_id.gender, "female")
        self.assertEqual(cases[0].education_level, "isced_0_2")
        self.assertEqual(cases[2].stage_kind, "closed")
        self.assertEqual(cases[2].exit_situation, "job_seeking")
        self.assertEqual(
            cases.area_id,
            self.env.ref("olopiste_case.demo_area_keskusta")
            | self.env.ref("olopiste_case.demo_area_liipola"),
        )
        attendance = cases.attendance_ids
        self.assertEqual(sorted(attendance.mapped("hours")), [0.0, 2.0, 3.0])
        self.assertEqual(
            sorted(attendance.mapped("state")), ["attended", "attended", "excused"]
        )

    def test_spreadsheet_dates_in_the_users_format(self):
        self.env["res.lang"]._activate_lang("fi_FI")
        for lang, day, month in (
            ("fi_FI", "dd.mm.yyyy", "mm.yyyy"),
            ("en_US", "mm/dd/yyyy", "mm/yyyy"),
        ):
            Lang = self.env["res.lang"].with_context(lang=lang)
            self.assertEqual(Lang._olopiste_excel_date_format(), day)
            self.assertEqual(Lang._olopiste_excel_date_format(month=True), month)

    def test_area_named_alike_in_two_projects_in_finnish(self):
        """An area name used in two projects is the area of the row's
        project, also in Finnish (Odoo's Finnish "multiple matches" message
        breaks its own placeholder)."""
        self.env["res.lang"]._activate_lang("fi_FI")
        other = self.env["olopiste.project"].create(
            {"name": "Toinen hanke", "code": "TOINEN", "date_start": "2015-01-01"}
        )
        twin = self.env["olopiste.area"].create(
            {"name": "Keskusta", "project_id": other.id}
        )
        self.assertTrue(twin)
        rows = [case_row("Aino Malli"), case_row("Eino Malli", project="TOINEN")]
        result = self._import(
            "\n".join([HEADER, *rows]), CASE_FIELDS, context={"lang": "fi_FI"}
        )
        self.assertFalse(result["messages"], result)
        cases = self.env["olopiste.case"].browse(result["ids"])
        self.assertEqual(cases.area_id, self.area | twin)
        self.assertEqual(
            [case.area_id.project_id for case in cases], [self.project, other]
        )

    def test_duplicate_name_warned_in_finnish(self):
        """Two projects of one name: the import takes the first and says so
        in the user's language instead of failing."""
        self.env["res.lang"]._activate_lang("fi_FI")
        self.env["olopiste.project"].create(
            {"name": "Tuontihanke", "code": "TUONTI2", "date_start": "2010-01-01"}
        )
        result = self._import(
            "\n".join([HEADER, case_row("Aino Malli")]),
            CASE_FIELDS,
            context={"lang": "fi_FI"},
        )
        self.assertEqual([m["type"] for m in result["messages"]], ["warning"])
        self.assertIn("Tuontihanke", result["messages"][0]["message"])
        self.assertEqual(self._cases().partner_id.name, "Aino Malli")

    def test_existing_client_found_by_name_and_birthdate(self):
        client = self.env["res.partner"].create(
            {"name": "Eeva Malli", "birthdate_date": "1970-05-05"}
        )
        result = self._import("\n".join([HEADER, case_row("eeva  malli")]), CASE_FIELDS)
        self.assertFalse(self._errors(result), result)
        self.assertEqual(self._cases().partner_id, client)

    # ------------------------------------------------------------------
    # bad files: every error names its row, nothing is imported

    def test_malformed_date(self):
        content = "\n".join(
            [HEADER, case_row("Aino Malli"), case_row("Eino Malli", entry="2016-13-45")]
        )
        errors = self._assert_fails(content, None, "line 2")
        self.assertEqual(errors[0]["field_path"], ["date_entry"])

    def test_unknown_stage(self):
        content = "\n".join(
            [HEADER, case_row("Aino Malli"), case_row("Eino Malli", stage="Valmis")]
        )
        self._assert_fails(content, 1, "Valmis")

    def test_exit_before_entry(self):
        content = "\n".join(
            [
                HEADER,
                case_row("Aino Malli"),
                case_row("Eino Malli"),
                case_row(
                    "Ilmari Malli",
                    entry="2016-03-01",
                    stage="Closed",
                    exit_date="2016-02-01",
                ),
            ]
        )
        self._assert_fails(
            content, 2, "Ilmari Malli: the exit date 02/01/2016 is before"
        )

    def test_duplicate_client(self):
        content = "\n".join(
            [
                HEADER,
                case_row("Aino Malli"),
                case_row("Aino Malli", entry="2016-04-01"),
            ]
        )
        self._assert_fails(content, 1, "Aino Malli already has an open case")

    def test_entry_outside_project(self):
        content = "\n".join([HEADER, case_row("Aino Malli", entry="2014-01-01")])
        self._assert_fails(content, 0, "outside the period")

    def test_wrong_delimiter(self):
        content = "\n".join(
            [HEADER.replace(",", ";"), case_row("Aino Malli").replace(",", ";")]
        )
        self._assert_fails(content, None, "separator")

    def test_uneven_rows(self):
        content = "\n".join(
            [HEADER, case_row("Aino Malli"), case_row("Eino Malli") + ",extra"]
        )
        self._assert_fails(content, None, "Row 3 has 16 columns")

    def test_wrong_encoding(self):
        content = "\n".join(
            [HEADER, case_row("Aino Malli"), case_row("Jörö Malli")]
        ).encode("latin-1")
        self._assert_fails(content, None, "Row 3 of the file is not valid utf-8")

    def test_attendance_unknown_activity(self):
        result = self._import("\n".join([HEADER, case_row("Aino Malli")]), CASE_FIELDS)
        case = self.env["olopiste.case"].browse(result["ids"])
        content = "\n".join(
            [
                "Case,Activity Name,Activity Date,State,Hours",
                f"{case.code},Ryhmä,2016-05-10,Attended,3",
                f"{case.code},Ryhmä,2016-05-11,Attended,3",
            ]
        )
        self._assert_fails(
            content,
            1,
            "0 activities named “Ryhmä” on 05/11/2016",
            fields=ATTENDANCE_FIELDS,
            model="olopiste.attendance",
        )
        self.assertFalse(case.attendance_ids)
        ok = self._import(content.rsplit("\n", 1)[0], ATTENDANCE_FIELDS,
                          model="olopiste.attendance")  # fmt: skip
        self.assertFalse(self._errors(ok), ok)
        self.assertEqual(case.attendance_ids.event_id, self.event)
        self.assertEqual(case.attendance_hours, 3.0)

    # ------------------------------------------------------------------
    # the valid rows only, when the user asks for it

    def _left_out(self, result):
        return sorted(
            {m["rows"]["from"] for m in result["messages"] if m.get("left_out")}
        )

    def test_valid_rows_only_when_asked(self):
        content = "\n".join(
            [
                HEADER,
                case_row("Aino Malli"),
                case_row("Eino Malli", stage="Valmis"),
                case_row("Ilmari Malli", entry="2016-13-45"),
                case_row("Kalle Malli"),
                case_row("Aino Malli", entry="2016-04-01"),
            ]
        )
        # by default one bad row stops the whole file
        self._assert_fails(content, None, "line 3")
        # the test run says what would happen, and keeps nothing
        trial = self._import(
            content, CASE_FIELDS, dryrun=True, olopiste_valid_rows=True
        )
        self.assertFalse(self._errors(trial), trial)
        self.assertEqual(self._left_out(trial), [1, 2, 4], trial["messages"])
        self.assertRegex(
            trial["messages"][0]["message"],
            r"^2 rows can be imported; 3 rows with errors \(rows 2, 3, 5\) will",
        )
        self.assertFalse(self._cases())
        # the import keeps the two good rows and names the three others
        result = self._import(content, CASE_FIELDS, olopiste_valid_rows=True)
        self.assertFalse(self._errors(result), result)
        self.assertEqual(self._left_out(result), [1, 2, 4])
        self.assertEqual(
            result["messages"][0]["message"],
            "2 rows imported; 3 rows with errors (rows 2, 3, 5) were left out.",
        )
        # each row's own message names the row as the summary does
        self.assertEqual(
            sorted(m["record"] for m in result["messages"] if m.get("left_out")),
            [2, 3, 5],
        )
        texts = " ".join(m["message"] for m in result["messages"])
        self.assertIn("Valmis", texts)
        self.assertIn("“2016-13-45” is not a date", texts)
        self.assertIn("Aino Malli already has an open case", texts)
        cases = self._cases()
        self.assertEqual(
            sorted(cases.partner_id.mapped("name")), ["Aino Malli", "Kalle Malli"]
        )
        self.assertEqual(sorted(result["ids"]), sorted(cases.ids))
        # the same file again: nothing doubles, the same rows are left out
        again = self._import(content, CASE_FIELDS, olopiste_valid_rows=True)
        self.assertEqual(self._left_out(again), [1, 2, 4])
        self.assertEqual(self._cases(), cases)

    def test_valid_rows_of_a_file_that_starts_later(self):
        """With “Start at line” the rows are still counted from the top."""
        content = "\n".join(
            [
                HEADER,
                case_row("Aino Malli"),
                case_row("Eino Malli", entry="2016-13-45"),
                case_row("Kalle Malli", stage="Valmis"),
                case_row("Ville Malli"),
            ]
        )
        result = self._import(content, CASE_FIELDS, olopiste_valid_rows=True, skip=1)
        self.assertRegex(result["messages"][0]["message"], r"\(rows 2, 3\)")
        self.assertEqual(
            sorted(self._cases().partner_id.mapped("name")), ["Ville Malli"]
        )

    def test_attendance_valid_rows(self):
        result = self._import("\n".join([HEADER, case_row("Aino Malli")]), CASE_FIELDS)
        case = self.env["olopiste.case"].browse(result["ids"])
        content = "\n".join(
            [
                "Case,Activity Name,Activity Date,State,Hours",
                f"{case.code},Ryhmä,2016-05-11,Attended,3",
                f"{case.code},Ryhmä,2016-05-10,Attended,3",
            ]
        )
        result = self._import(
            content, ATTENDANCE_FIELDS, model="olopiste.attendance",
            olopiste_valid_rows=True,
        )  # fmt: skip
        self.assertEqual(self._left_out(result), [0])
        self.assertIn(
            "0 activities named “Ryhmä” on 05/11/2016", result["messages"][1]["message"]
        )
        self.assertEqual(len(result["ids"]), 1)
        self.assertEqual(case.attendance_ids.event_id, self.event)
        self.assertEqual(case.attendance_hours, 3.0)


@tagged("post_install", "-at_install", "olopiste_import")
class TestImportTemplateRoute(HttpCase):
    def test_template_download_by_role_and_language(self):
        self.env["res.lang"]._activate_lang("fi_FI")
        self.env["ir.module.module"]._load_module_terms(["olopiste_case"], ["fi_FI"])
        new_test_user(
            self.env,
            "route_worker",
            groups="olopiste_case.group_olopiste_worker",
            lang="fi_FI",
        )
        new_test_user(
            self.env, "route_finance", groups="olopiste_case.group_olopiste_finance"
        )
        url = "/olopiste_case/import_template/olopiste.case/csv"
        self.authenticate("route_worker", "route_worker")
        response = self.url_open(url)
        self.assertEqual(response.status_code, 200)
        self.assertTrue(response.text.startswith("Asiakkaan nimi,"), response.text)
        xlsx = self.url_open("/olopiste_case/import_template/olopiste.attendance/xlsx")
        self.assertEqual(xlsx.content[:2], b"PK")
        for bad in (
            "/olopiste_case/import_template/res.partner/csv",
            "/olopiste_case/import_template/olopiste.import.mixin/csv",
            "/olopiste_case/import_template/olopiste.case/pdf",
        ):
            self.assertEqual(self.url_open(bad).status_code, 404, bad)
        # finance imports no cases: no template either
        self.authenticate("route_finance", "route_finance")
        self.assertEqual(self.url_open(url).status_code, 403)
        self.authenticate(None, None)
        anonymous = self.url_open(url, allow_redirects=False)
        self.assertIn(anonymous.status_code, (302, 303))
        self.assertIn("/web/login", anonymous.headers["Location"])
