# Copyright 2026 Olopiste contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import api, fields, models
from odoo.exceptions import ValidationError

PERCENT_KINDS = ("followon_rate", "capacity_rate", "target_group_share")


class OlopisteProjectTarget(models.Model):
    """One target of a project's funding decision, e.g. 200 clients."""

    _name = "olopiste.project.target"
    _description = "Project Target"
    _order = "project_id, sequence, id"

    project_id = fields.Many2one(
        comodel_name="olopiste.project",
        required=True,
        ondelete="cascade",
        index=True,
    )
    company_id = fields.Many2one(related="project_id.company_id", store=True)
    sequence = fields.Integer(default=10)
    kind = fields.Selection(
        selection=[
            ("clients", "Clients (count)"),
            ("followon_rate", "On a follow-on path (%)"),
            ("capacity_rate", "Work or functional capacity improved (%)"),
            ("target_group_share", "Share of a target group (%)"),
            ("other", "Other (count)"),
        ],
        required=True,
        default="clients",
    )
    target_group_id = fields.Many2one(
        comodel_name="olopiste.target.group",
        help="For a share target: the target group whose share of clients is measured.",
    )
    name = fields.Char(
        string="Description",
        help="How the funding decision words the target.",
    )
    value = fields.Float(string="Target", required=True, digits=(16, 1))
    is_percent = fields.Boolean(compute="_compute_is_percent")

    @api.depends("kind")
    def _compute_is_percent(self):
        for target in self:
            target.is_percent = target.kind in PERCENT_KINDS

    @api.constrains("kind", "value", "target_group_id")
    def _check_value(self):
        for target in self:
            if target.value < 0:
                raise ValidationError(self.env._("A target cannot be negative."))
            if target.kind in PERCENT_KINDS and target.value > 100:
                raise ValidationError(
                    self.env._(
                        "The target “%(target)s” is a percentage: it cannot be over 100 %%.",
                        target=target.name or target._kind_label(),
                    )
                )
            if target.kind == "target_group_share" and not target.target_group_id:
                raise ValidationError(
                    self.env._(
                        "A target-group share needs the target group it measures."
                    )
                )

    def _kind_label(self):
        return dict(self._fields["kind"]._description_selection(self.env))[self.kind]
