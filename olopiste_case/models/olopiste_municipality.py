# Copyright 2026 Olopiste contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import fields, models

URBANISATION_CLASSES = [
    ("cities", "Cities (densely populated)"),
    ("towns", "Towns and suburbs (intermediate density)"),
    ("rural", "Rural areas (thinly populated)"),
]


class OlopisteMunicipality(models.Model):
    """A municipality clients live in, with its degree of urbanisation.

    The class is what the funder's indicator EECO17 (participants from rural
    areas) counts; Olopiste does not classify anything itself: the class
    stays empty until a manager records it from the official classification.
    """

    _name = "olopiste.municipality"
    _description = "Municipality"
    _order = "name, id"

    name = fields.Char(required=True)
    code = fields.Char(help="The official municipality code, e.g. 398 for Lahti.")
    urbanisation = fields.Selection(
        URBANISATION_CLASSES,
        string="Degree of Urbanisation",
        help="Eurostat's degree of urbanisation (DEGURBA) of the municipality. "
        "Participants living in a thinly populated (rural) municipality are "
        "counted in EECO17. Empty until set: such participants are counted as "
        "not known.",
    )
    active = fields.Boolean(default=True)

    _sql_constraints = [
        ("name_uniq", "unique(name)", "A municipality of this name already exists."),
    ]
