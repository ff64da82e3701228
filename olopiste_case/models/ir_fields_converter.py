# Copyright 2026 Olopiste contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import api, models

from odoo.addons.base.models.ir_fields import ImportWarning

from .olopiste_import_mixin import importable_models


class IrFieldsConverter(models.AbstractModel):
    _inherit = "ir.fields.converter"

    @api.model
    def db_id_for(self, model, field, subfield, value):
        """A name that several records carry, said in the user's language.

        On the name path the only warning Odoo gives is "multiple matches",
        whose Finnish translation renames its own placeholder (the import then
        ends in a KeyError). For the Olopiste models it is said anew; an area
        name is matched within the row's project afterwards
        (olopiste.case._olopiste_import_area), so it needs no warning.
        """
        record_id, field_type, warnings = super().db_id_for(
            model, field, subfield, value
        )
        if subfield is None and warnings and model._name in importable_models(self.env):
            if field.comodel_name == "olopiste.area":
                warnings = []
            else:
                count = len(
                    self.env[field.comodel_name].name_search(name=value, operator="=")
                )
                message = self.env._(
                    "%(count)s records of %(field)s are named “%(value)s”; the "
                    "first of them was taken.",
                    count=count,
                    field=field._description_string(self.env),
                    value=value,
                )
                # the import formats the message once more with the field's name
                warnings = [ImportWarning(message.replace("%", "%%"))]
        return record_id, field_type, warnings
