# Copyright 2026 Olopiste contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from decimal import Decimal

from odoo import api, models

from ..tools.rounding import (
    percentage,
    round_half_up,
    split_largest_remainder,
    to_cents,
)
from .olopiste_report_figures import FOLLOWON_STATES

WAGE_SUBSIDY_TYPE = "olopiste_case.followon_type_work_wage_subsidy"
NO_COST = Decimal("0.00")


def sum_costs(costs, categories):
    """The costs of `categories` in `costs` ({category id: cost})."""
    return sum((costs[category.id] for category in categories), NO_COST)


class OlopisteReportFigures(models.AbstractModel):
    """Costs: eligible costs by the project's cost model, financing shares and
    the wage-subsidy appropriation."""

    # one file a report, on the one figures model (olopiste_report_figures.py)
    _inherit = "olopiste.report.figures"  # pylint: disable=consider-merging-classes-inherited

    @api.model
    def _costs_by_category(self, project, date_from, date_to):
        """{category id or None: cost} of the project's analytic account.

        Costs are analytic amounts with the sign turned (expenses are negative
        in analytic accounting).
        """
        account = project.analytic_account_id
        if not account:
            return {}
        # sudo: finance reads the plan only to know the account's column
        column = account.sudo().root_plan_id._column_name()
        return {
            category.id or None: to_cents(-amount)
            for category, amount in self._aggregate(
                "account.analytic.line",
                [
                    (column, "=", account.id),
                    *self._in_period_domain("date", date_from, date_to),
                ],
                ["olopiste_cost_category_id"],
                ["amount:sum"],
            )
        }

    @api.model
    def _cost_categories(self, costs):
        """The categories of `costs` ({category id or None: cost}), archived
        ones too: their costs count."""
        categories = self.env["olopiste.cost.category"].with_context(active_test=False)
        return categories.browse([c for c in costs if c])

    @api.model
    def _finance(self, project, date_from, date_to):
        costs = self._costs_by_category(project, date_from, date_to)
        categories = self._cost_categories(costs).sorted()
        staff = sum_costs(costs, categories.filtered(lambda c: c.kind == "staff"))
        other = sum_costs(costs, categories.filtered(lambda c: c.kind == "other"))
        eligible = self._eligible_costs(project, staff, other)
        total = eligible["total"]
        shares = project.financing_ids
        amounts = split_largest_remainder(total, shares.mapped("percent"))
        return {
            "categories": [(c, costs[c.id]) for c in categories],
            "uncategorised": costs.get(None, NO_COST),
            "staff": staff,
            "other": other,
            **eligible,
            "shares": list(zip(shares, amounts, strict=True)),
        }

    @api.model
    def _eligible_costs(self, project, staff, other):
        """The eligible costs by the project's cost model (FUNDER.md §4):
        {"flat", "other_claimed", "other_not_claimable", "total"}.

        Actual costs + flat rate for indirect costs: staff + other + rate ×
        staff (ESF 2014–2020: 17 %). Flat rate for all other costs: staff +
        rate × staff, other direct costs not claimable (ESF+ 2021–2027: 40 %,
        CPR 2021/1060 art. 56). Actual costs only: staff + other.
        """
        model = project.cost_model
        flat = NO_COST
        if model in ("indirect_flat_rate", "all_other_flat_rate"):
            flat = Decimal(
                str(round_half_up(staff * Decimal(str(project.flat_rate)) / 100, 2))
            )
        claimed = NO_COST if model == "all_other_flat_rate" else other
        return {
            "flat": flat,
            "other_claimed": claimed,
            "other_not_claimable": other - claimed,
            "total": staff + claimed + flat,
        }

    @api.model
    def _wage_subsidy_people(self, project, date_from, date_to):
        """How many people were employed with the wage subsidy in the period."""
        wage_type = self.env.ref(WAGE_SUBSIDY_TYPE, raise_if_not_found=False)
        if not wage_type:
            return 0
        ((people,),) = self._aggregate(
            "olopiste.referral",
            [
                ("project_id", "=", project.id),
                ("direction", "=", "out"),
                ("followon_type_id", "=", wage_type.id),
                ("state", "in", FOLLOWON_STATES),
                *self._overlaps_period_domain(
                    "date_started", "date_end", date_from, date_to
                ),
            ],
            aggregates=["partner_id:count_distinct"],
        )
        return people

    @api.model
    def _wage_subsidy(self, project, date_from, date_to):
        costs = self._costs_by_category(project, date_from, date_to)
        used = sum_costs(costs, self._cost_categories(costs).filtered("wage_subsidy"))
        people = self._wage_subsidy_people(project, date_from, date_to)
        appropriation = to_cents(project.wage_subsidy_amount or 0)
        return {
            "appropriation": appropriation,
            "used": used,
            "left": appropriation - used,
            "share_used": percentage(used, appropriation, 1),
            "people": people,
        }
