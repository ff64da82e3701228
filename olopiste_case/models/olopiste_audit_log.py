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
    field_names = fields.Char(string="Fields", readonly=True)
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

    def action_open_record(self):
        self.ensure_one()
        return {
            "type": "ir.actions.act_window",
            "res_model": self.res_model,
            "res_id": self.res_id,
            "view_mode": "form",
        }
