# Copyright 2026 Olopiste contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import fields, models

from .olopiste_case import EXIT_SITUATIONS

FOLLOWON_CATEGORIES = [
    ("work", "Work"),
    ("work_trial", "Work or study trial"),
    ("studies", "Studies"),
    ("rehabilitative", "Rehabilitative work activity"),
    ("workshop", "Workshop"),
    ("service", "Other service"),
    ("volunteering", "Volunteering"),
    ("pension", "Pension"),
    ("job_seeking", "Job-seeking"),
    ("other", "Other"),
]


class OlopisteFollowonType(models.Model):
    """A kind of follow-on path: work trial, studies, wage-subsidised work..."""

    _name = "olopiste.followon.type"
    _description = "Follow-on Path Type"
    _order = "sequence, id"

    name = fields.Char(required=True, translate=True)
    sequence = fields.Integer(default=10)
    category = fields.Selection(
        selection=FOLLOWON_CATEGORIES,
        required=True,
        default="other",
        help="The group reports show the path under, e.g. all kinds of work together.",
    )
    counts_as_followon = fields.Boolean(
        string="Counts as a Follow-on Path",
        default=True,
        help="A started or completed referral of this type puts the client on a "
        "follow-on path in the project's results.",
    )
    exit_situation = fields.Selection(
        selection=EXIT_SITUATIONS,
        string="Funder Exit Category",
        help="The situation on leaving that this path means for the funder's indicators.",
    )
    description = fields.Text(translate=True)
    active = fields.Boolean(default=True)
