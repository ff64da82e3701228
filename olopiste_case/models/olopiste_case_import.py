# Copyright 2026 Olopiste contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
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

    _name = "olopiste.case"
    _inherit = ["olopiste.case", "olopiste.import.mixin"]
    _olopiste_import_key = (
        ("import_client_name",),
        ("import_client_birthdate",),
        ("project_id", "project_id/id", "project_id/.id"),
        ("date_entry",),
    )
    _olopiste_import_prefix = "olopiste_case"

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
    def get_import_templates(self):
        return [
            {
                "label": self.env._("Import Template for Clients and Cases (XLSX)"),
                "template": "/olopiste_case/static/xls/olopiste_cases.xlsx",
            },
            {
                "label": self.env._("Import Template for Clients and Cases (CSV)"),
                "template": "/olopiste_case/static/xls/olopiste_cases.csv",
            },
        ]

    @api.model_create_multi
    def create(self, vals_list):
        # copies: when a batch fails, load() retries each row with the same dicts
        vals_list = [dict(vals) for vals in vals_list]
        found = {}
        for vals in vals_list:
            client = self._olopiste_pop_client(vals)
            if client and not vals.get("partner_id"):
                vals["partner_id"] = self._olopiste_import_partner(client, found).id
            self._olopiste_import_area(vals)
        return super().create(vals_list)

    def write(self, vals):
        vals = dict(vals)
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
        return super().write(vals)

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
