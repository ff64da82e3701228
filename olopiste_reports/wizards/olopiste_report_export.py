# Copyright 2026 Olopiste contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import api, fields, models
from odoo.exceptions import ValidationError

EXPORT_REPORTS = {
    "funder_summary": "olopiste_reports.funder_summary_xlsx",
    "participants": "olopiste_reports.participant_list_xlsx",
    "hours": "olopiste_reports.hours_xlsx",
    "finance": "olopiste_reports.finance_xlsx",
    "wage_subsidy": "olopiste_reports.wage_subsidy_xlsx",
}


class OlopisteReportExport(models.TransientModel):
    """Asks for the project, the period and the audience of a funder export."""

    _name = "olopiste.report.export"
    _description = "Funder Export"
    _order = "id desc"

    export = fields.Selection(
        selection=[
            ("funder_summary", "Funder summary"),
            ("participants", "Participants and ESF+ indicators"),
            ("hours", "Participation hours and person-days"),
            ("finance", "Costs and financing of a payment period"),
            ("wage_subsidy", "Wage-subsidy appropriation"),
        ],
        required=True,
        default="funder_summary",
    )
    project_id = fields.Many2one(
        comodel_name="olopiste.project",
        required=True,
        default=lambda self: self.env["olopiste.project"].search([], limit=1),
    )
    date_from = fields.Date(
        string="From",
        compute="_compute_dates",
        store=True,
        readonly=False,
        help="Empty: from the project's start.",
    )
    date_to = fields.Date(
        string="To",
        required=True,
        default=fields.Date.context_today,
    )
    recipient = fields.Selection(
        selection=[
            ("funder", "The funder"),
            ("other", "Others outside the organisation"),
            ("internal", "Stays in the organisation"),
        ],
        required=True,
        default="funder",
        help="The funder receives pseudonymised rows per participant and every "
        "count, except special-category figures, which are small-count "
        "suppressed aggregates. Anyone else outside the organisation receives "
        "aggregates only, with small counts suppressed together with every cell "
        "they could be worked out from. An export that stays in the organisation "
        "shows every count.",
    )
    leaves_organisation = fields.Boolean(compute="_compute_leaves_organisation")
    period_basis = fields.Selection(
        selection=[
            ("entered", "Entered in the period"),
            ("left", "Left in the period"),
            ("cumulative", "Cumulative to the period's end"),
        ],
        string="Participants",
        required=True,
        default="entered",
        help="Who the ESF+ indicators count: participants who first entered "
        "the project in the period (outputs; successive periods add up), "
        "participants whose last case ended in it (results), or everyone who "
        "entered by the period's end. Results count only participants whose last "
        "case ended in the period.",
    )

    @api.depends("recipient")
    def _compute_leaves_organisation(self):
        for wizard in self:
            wizard.leaves_organisation = wizard.recipient != "internal"

    @api.depends("project_id")
    def _compute_dates(self):
        for wizard in self:
            wizard.date_from = wizard.project_id.date_start

    @api.constrains("date_from", "date_to")
    def _check_period(self):
        for wizard in self:
            if wizard.date_from and wizard.date_from > wizard.date_to:
                raise ValidationError(
                    self.env._("The period cannot end before it starts.")
                )

    def action_export(self):
        self.ensure_one()
        # config=False: a spreadsheet has no document layout to set up first
        return self.env.ref(EXPORT_REPORTS[self.export]).report_action(
            self, config=False
        )
