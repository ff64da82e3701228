# Copyright 2026 Olopiste contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import fields, models

STAGE_KINDS = [
    ("encounter", "Encounter"),
    ("mapping", "Mapping"),
    ("engagement", "Engagement"),
    ("followon", "Follow-on Path"),
    ("closed", "Closed"),
]


class OlopisteStage(models.Model):
    """A column of the case kanban.

    Organisations rename, reorder and add stages freely; `kind` is the fixed
    meaning that rules and reports rely on.
    """

    _name = "olopiste.stage"
    _description = "Case Stage"
    _order = "sequence, id"

    name = fields.Char(required=True, translate=True)
    sequence = fields.Integer(default=10)
    kind = fields.Selection(
        selection=STAGE_KINDS,
        required=True,
        default="engagement",
        help="What the stage means for rules and reports, whatever its name: a "
        "case in a Closed stage must have an exit date and exit situation.",
    )
    fold = fields.Boolean(
        string="Folded in Kanban",
        help="Fold the column in the kanban, e.g. for closed cases.",
    )
    description = fields.Text(translate=True)
    active = fields.Boolean(default=True)
