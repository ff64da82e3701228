# Copyright 2026 Olopiste contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from datetime import date, timedelta

from odoo import api, fields, models

CLIENT_IMPORT_FIELDS = (
    "import_client_name",
    "import_client_birthdate",
    "import_client_gender",
)


class OlopisteCase(models.Model):
    """Import of clients with their case data through Odoo's import screen.

    A row names the client (name, birthdate, gender) instead of an existing
    contact: the client is found by name and birthdate, or created. Rows
    without an External ID get one made of the client, the project and the
    entry date, so importing the same file again updates instead of
    duplicating.
    """

    _inherit = "olopiste.case"
    _olopiste_import_key = (
        ("import_client_name",),
        ("import_client_birthdate",),
        ("project_id", "project_id/id", "project_id/.id"),
        ("date_entry",),
    )
    _olopiste_import_prefix = "olopiste_case"
    _olopiste_template_fields = (
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
    )
    _olopiste_template_name = "olopiste_cases"

    import_client_name = fields.Char(
        string="Client Name",
        store=False,
        help="Import only: the client's name. With the birthdate it finds the "
        "existing contact; a new contact is created otherwise.",
    )
    import_client_birthdate = fields.Date(string="Client Birthdate", store=False)
    import_client_gender = fields.Selection(
        selection=[("male", "Male"), ("female", "Female"), ("other", "Other")],
        string="Client Gender",
        store=False,
    )

    @api.model
    def _olopiste_template_label(self, file_format):
        return self.env._(
            "Import Template for Clients and Cases (%(format)s)",
            format=file_format.upper(),
        )

    @api.model
    def _olopiste_template_rows(self):
        """Three clients of the demo project (found by its code): two open
        cases and one closed, entered before the demo's last-week session."""
        central = self._olopiste_demo(
            "olopiste.area", "olopiste_case.demo_area_keskusta"
        )
        south = self._olopiste_demo("olopiste.area", "olopiste_case.demo_area_liipola")
        project = self._olopiste_demo(
            "olopiste.project", "olopiste_case.demo_project_olopiste"
        )
        stages = {
            stage.kind: stage.name
            for stage in self.env["olopiste.stage"].sudo().search([])
        }
        day = self._olopiste_template_anchor()
        common = {"project_id": project.code or "S20001"}
        rows = [
            {
                "import_client_name": "Kaisa Esimerkki",
                "import_client_birthdate": date(1972, 6, 14),
                "import_client_gender": "female",
                "area_id": central.name or "Keskusta",
                "stage_id": stages.get("engagement"),
                "date_entry": day - timedelta(days=60),
                "referral_source": "employment_services",
                "labour_status": "long_term_unemployed",
                "unemployment_months": 26,
                "education_level": "isced_0_2",
                "consent_processing_date": day - timedelta(days=60),
                "funder_start_date": day - timedelta(days=58),
            },
            {
                "import_client_name": "Joonas Mallinen",
                "import_client_birthdate": date(1990, 1, 30),
                "import_client_gender": "male",
                "area_id": central.name or "Keskusta",
                "stage_id": stages.get("mapping"),
                "date_entry": day - timedelta(days=30),
                "referral_source": "outreach",
                "labour_status": "unemployed",
                "unemployment_months": 7,
                "education_level": "isced_3_4",
                "consent_processing_date": day - timedelta(days=30),
                "funder_start_date": day - timedelta(days=22),
            },
            {
                "import_client_name": "Ritva Testinen",
                "import_client_birthdate": date(1961, 11, 2),
                "import_client_gender": "female",
                "area_id": south.name or "Liipola ja Hollola",
                "stage_id": stages.get("closed"),
                "date_entry": day - timedelta(days=400),
                "referral_source": "social_services",
                "labour_status": "inactive",
                "unemployment_months": 0,
                "education_level": "isced_0_2",
                "consent_processing_date": day - timedelta(days=400),
                "funder_start_date": day - timedelta(days=393),
                "date_exit": day - timedelta(days=45),
                "exit_situation": "job_seeking",
            },
        ]
        return [dict(common, **row) for row in rows]

    @api.model
    def _olopiste_import_create_values(self, vals_list):
        """The client found or created from the row's name and birthdate,
        the area found by name within the row's project."""
        vals_list = super()._olopiste_import_create_values(vals_list)
        found = {}
        for vals in vals_list:
            client = self._olopiste_pop_client(vals)
            if client and not vals.get("partner_id"):
                vals["partner_id"] = self._olopiste_import_partner(client, found).id
            self._olopiste_import_area(vals)
        return vals_list

    def _olopiste_import_write_values(self, vals):
        """The client's gender and birthdate written on the client, the area
        found by name within the project."""
        vals = super()._olopiste_import_write_values(vals)
        client = self._olopiste_pop_client(vals)
        if client:
            updates = {
                key: value
                for key, value in (
                    ("gender", client.get("import_client_gender")),
                    ("birthdate_date", client.get("import_client_birthdate")),
                )
                if value
            }
            if updates:
                self.partner_id.write(updates)
        self._olopiste_import_area(vals)
        return vals

    @api.model
    def _olopiste_pop_client(self, vals):
        return {name: vals.pop(name) for name in CLIENT_IMPORT_FIELDS if name in vals}

    @api.model
    def _olopiste_import_partner(self, client, found):
        """The contact of this name and birthdate, created when there is none."""
        name = " ".join((client.get("import_client_name") or "").split())
        birthdate = client.get("import_client_birthdate") or False
        if not name:
            return self.env["res.partner"]
        key = (name.casefold(), str(birthdate))
        if key not in found:
            partner = self.env["res.partner"]
            if birthdate:
                partner = partner.search(
                    [("name", "=ilike", name), ("birthdate_date", "=", birthdate)],
                    limit=1,
                )
            found[key] = partner or partner.create(
                {
                    "name": name,
                    "birthdate_date": birthdate,
                    "gender": client.get("import_client_gender") or False,
                    "is_olopiste_client": True,
                }
            )
        return found[key]

    @api.model
    def _olopiste_import_area(self, vals):
        """An imported area name may match areas of several projects: take the
        one of the case's project."""
        if not (self.env.context.get("import_file") and vals.get("area_id")):
            return
        project_id = vals.get("project_id") or (len(self) == 1 and self.project_id.id)
        area = self.env["olopiste.area"].browse(vals["area_id"])
        if project_id and area.project_id.id != project_id:
            twin = area.search(
                [("project_id", "=", project_id), ("name", "=", area.name)], limit=1
            )
            if twin:
                vals["area_id"] = twin.id
