# Copyright 2026 Olopiste contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import api, fields, models


class OlopisteAuditLog(models.Model):
    """Who read or changed special-category data or a handover text, and when."""

    _name = "olopiste.audit.log"
    _description = "Sensitive Data Audit Log"
    _order = "id desc"
    _log_access = True

    user_id = fields.Many2one(comodel_name="res.users", readonly=True, index=True)
    res_model = fields.Char(string="Model", readonly=True, index=True)
    res_id = fields.Integer(string="Record ID", readonly=True, index=True)
    operation = fields.Selection(
        selection=[("read", "Read"), ("write", "Changed")], readonly=True, required=True
    )
    field_names = fields.Char(string="Technical Field Names", readonly=True)
    field_labels = fields.Char(
        string="Fields",
        compute="_compute_field_labels",
        help="The fields read or changed, as the user's forms name them.",
    )
    model_label = fields.Char(string="Record Type", compute="_compute_field_labels")
    company_id = fields.Many2one(comodel_name="res.company", readonly=True, index=True)

    @api.model
    def _log(self, records, operation, fnames):
        """One entry per record; written as superuser so that nobody can skip,
        forge or delete their own trail."""
        if not records or not fnames or self.env.su:
            return
        names = ",".join(sorted(fnames))
        # sudo: read as superuser to name the records' company whoever reads
        values = [
            {
                "user_id": self.env.uid,
                "res_model": records._name,
                "res_id": record.id,
                "operation": operation,
                "field_names": names,
                "company_id": record.company_id.id,
            }
            for record in records.sudo()
            if isinstance(record.id, int)
        ]
        # sudo: audit entries are written for users who have no right on them
        self.sudo().create(values)

    @api.depends("res_model", "field_names")
    def _compute_field_labels(self):
        for entry in self:
            Model = self.env.get(entry.res_model)
            if Model is None:
                entry.field_labels = entry.field_names
                entry.model_label = entry.res_model
                continue
            labels = [
                Model._fields[name]._description_string(self.env)
                if name in Model._fields
                else name
                for name in (entry.field_names or "").split(",")
                if name
            ]
            entry.field_labels = ", ".join(labels)
            entry.model_label = self.env["ir.model"]._get(entry.res_model).name

    def action_open_record(self):
        self.ensure_one()
        return {
            "type": "ir.actions.act_window",
            "res_model": self.res_model,
            "res_id": self.res_id,
            "view_mode": "form",
        }
