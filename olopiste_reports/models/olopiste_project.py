# Copyright 2026 Olopiste contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import api, fields, models
from odoo.exceptions import ValidationError
from odoo.tools import float_compare
from odoo.tools.misc import formatLang

from odoo.addons.olopiste_case.const import GROUPS_FIGURES


class OlopisteProject(models.Model):
    _inherit = "olopiste.project"

    analytic_account_id = fields.Many2one(
        comodel_name="account.analytic.account",
        # who may read analytic accounts (ir.model.access.csv): case workers
        # and trainees open the project form without it
        groups=GROUPS_FIGURES,
        help="The costs of the project are the analytic lines of this account, "
        "each tagged with a funder cost category.",
    )
    currency_id = fields.Many2one(related="company_id.currency_id")
    financing_ids = fields.One2many(
        comodel_name="olopiste.project.financing",
        inverse_name="project_id",
        string="Financing Shares",
        copy=True,
    )
    wage_subsidy_amount = fields.Monetary(
        string="Wage-Subsidy Appropriation",
        currency_field="currency_id",
        help="Amount the funding decision reserves for employing clients on wage "
        "subsidy.",
    )
    suppression_threshold = fields.Integer(
        default=5,
        help="In exports that leave the organisation, counts below this are shown "
        "as “<N”, and so are the percentages that would reveal them.",
    )

    _sql_constraints = [
        (
            "suppression_threshold_check",
            "CHECK(suppression_threshold >= 0)",
            "The suppression threshold cannot be negative.",
        ),
    ]

    @api.constrains("financing_ids")
    def _check_financing_total(self):
        for project in self:
            shares = project.financing_ids
            total = sum(shares.mapped("percent"))
            if shares and float_compare(total, 100.0, precision_digits=2):
                raise ValidationError(
                    self.env._(
                        "The financing shares of %(project)s add up to %(total)s %%, "
                        "not 100 %%.",
                        project=project.display_name,
                        total=formatLang(self.env, total),
                    )
                )
