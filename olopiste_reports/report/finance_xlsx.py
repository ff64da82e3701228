# Copyright 2026 Olopiste contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import models
from odoo.exceptions import UserError

from ..tools.rounding import percentage

COLUMN_WIDTHS = (46, 12, 16, 16, 14, 16)


class FinanceXlsx(models.AbstractModel):
    """Costs of a payment period with the flat rate and the financing split."""

    _name = "report.olopiste_reports.finance_xlsx"
    _inherit = "report.olopiste_reports.export_xlsx"
    _description = "Finance XLSX"

    def _title(self):
        return self.env._("Costs and financing of the payment period")

    def _definitions(self, wizard):
        project = wizard.project_id
        return [
            (
                self.env._("Costs"),
                self.env._(
                    "Analytic lines of the project's analytic account (%(account)s) "
                    "dated in the period, with the sign turned (costs are negative "
                    "amounts in analytic accounting), summed by their funder cost "
                    "category. Lines without a category are shown apart and are "
                    "not eligible costs.",
                    account=project.analytic_account_id.display_name or "–",
                ),
            ),
            (
                self.env._("Cost model"),
                self._cost_model_definition(project),
            ),
            (
                self.env._("Financing split"),
                self.env._(
                    "Each source's share of the total, in cents: every part is first "
                    "rounded down to the cent, and the cents left over go one each "
                    "to the parts with the largest remainders (the earlier source on "
                    "a tie), so the parts always add up to the total to the cent."
                ),
            ),
            (
                self.env._("Planned amounts"),
                self.env._(
                    "Where a source's planned or reported amount is recorded, it is "
                    "shown beside the computed part with its share of the planned "
                    "total (to one decimal, rounded half up) and the difference "
                    "(planned − computed)."
                ),
            ),
        ]

    def _cost_model_definition(self, project):
        """The project's cost model, its base and its rule (FUNDER.md §4)."""
        models_ = dict(project._fields["cost_model"]._description_selection(self.env))
        name = models_.get(project.cost_model, "")
        if project.cost_model == "indirect_flat_rate":
            rule = self.env._(
                "Total eligible costs = direct staff costs + other direct costs + "
                "%(rate)s %% of the direct staff costs for indirect costs, rounded "
                "half up to the cent (ESF 2014–2020: 17 %%; FUNDER.md §4).",
                rate=project.flat_rate,
            )
        elif project.cost_model == "all_other_flat_rate":
            rule = self.env._(
                "Total eligible costs = direct staff costs + %(rate)s %% of them for "
                "all other costs, rounded half up to the cent (ESF+ 2021–2027: 40 "
                "%%; CPR 2021/1060 art. 56, FUNDER.md §4). Other direct costs on "
                "the analytic account are covered by the flat rate: they are "
                "shown as not claimable and not added.",
                rate=project.flat_rate,
            )
        else:
            rule = self.env._(
                "Total eligible costs = direct staff costs + other direct costs, "
                "as paid (FUNDER.md §4)."
            )
        return f"{name}. {rule}"

    def _write_sheets(self, workbook, wizard, formats):
        project = wizard.project_id
        if not project.financing_ids:
            raise UserError(
                self.env._(
                    "Record the financing shares of %(project)s first.",
                    project=project.display_name,
                )
            )
        finance = self.env["olopiste.report.figures"]._finance(
            project, wizard.date_from, wizard.date_to
        )
        sheet = self._sheet(workbook, self.env._("Costs"), COLUMN_WIDTHS)
        money, money_bold = formats["money"], formats["money_bold"]
        sheet.write_row(
            0, 0, [self.env._("Cost"), "", self.env._("Amount (€)")], formats["header"]
        )
        line = 1
        for kind, subtotal_label, subtotal in (
            ("staff", self.env._("Direct staff costs"), finance["staff"]),
            ("other", self.env._("Other direct costs"), finance["other"]),
        ):
            for category, cost in finance["categories"]:
                if category.kind == kind:
                    sheet.write(line, 0, "    " + category.name)
                    sheet.write_number(line, 2, float(cost), money)
                    line += 1
            sheet.write(line, 0, subtotal_label, formats["bold"])
            sheet.write_number(line, 2, float(subtotal), money_bold)
            line += 1
        if finance["other_not_claimable"]:
            sheet.write(
                line,
                0,
                self.env._(
                    "Other direct costs not claimable (covered by the flat rate)"
                ),
            )
            sheet.write_number(line, 2, -float(finance["other_not_claimable"]), money)
            line += 1
        if project.cost_model != "actual":
            sheet.write(
                line,
                0,
                self.env._(
                    "Flat rate %(rate)s %% of direct staff costs",
                    rate=project.flat_rate,
                ),
                formats["bold"],
            )
            sheet.write_number(line, 2, float(finance["flat"]), money_bold)
            line += 1
        sheet.write(line, 0, self.env._("Total eligible costs"), formats["bold"])
        sheet.write_number(line, 2, float(finance["total"]), money_bold)
        total_line = line
        line += 1
        if finance["uncategorised"]:
            sheet.write(line, 0, self.env._("Not categorised (not included)"))
            sheet.write_number(line, 2, float(finance["uncategorised"]), money)
            line += 1

        line += 1
        sheet.write_row(
            line,
            0,
            [
                self.env._("Financing source"),
                self.env._("Share"),
                self.env._("Amount (€)"),
                self.env._("Planned (€)"),
                self.env._("Share of planned"),
                self.env._("Difference (€)"),
            ],
            formats["header"],
        )
        planned_total = sum(
            share.planned_amount for share, _amount in finance["shares"]
        )
        for share, amount in finance["shares"]:
            line += 1
            sheet.write(line, 0, share.name)
            sheet.write_number(line, 1, share.percent, formats["percent1"])
            sheet.write_number(line, 2, float(amount), money)
            if planned_total:
                sheet.write_number(line, 3, share.planned_amount, money)
                sheet.write_number(
                    line,
                    4,
                    percentage(share.planned_amount, planned_total, 1),
                    formats["percent1"],
                )
                sheet.write_number(
                    line, 5, round(share.planned_amount - float(amount), 2), money
                )
        line += 1
        sheet.write(line, 0, self.env._("Total"), formats["bold"])
        sheet.write_number(
            line, 1, sum(s.percent for s, _a in finance["shares"]), formats["percent1"]
        )
        sheet.write_formula(
            line,
            2,
            f"=SUM(C{line - len(finance['shares']) + 1}:C{line})",
            money_bold,
            float(sum(a for _s, a in finance["shares"])),
        )
        if planned_total:
            sheet.write_number(line, 3, planned_total, money_bold)
            sheet.write_number(line, 4, 100.0, formats["percent1"])
            sheet.write_number(
                line, 5, round(planned_total - float(finance["total"]), 2), money_bold
            )
        sheet.write(line + 1, 0, self.env._("Total eligible costs"))
        sheet.write_formula(
            line + 1, 2, f"=C{total_line + 1}", money, float(finance["total"])
        )
