# Copyright 2026 Olopiste contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import models


class OlopisteAuditMixin(models.AbstractModel):
    """Log reads and changes of the fields named in `_olopiste_audited_fields`.

    Inherit it next to the model and list the special-category and free-text
    fields; every `read` (the web client's forms and lists go through it) and
    `write` that touches them leaves an `olopiste.audit.log` entry.
    """

    _name = "olopiste.audit.mixin"
    _description = "Sensitive Data Audit Mixin"
    _olopiste_audited_fields = ()

    def read(self, fields=None, load="_classic_read"):
        result = super().read(fields=fields, load=load)
        wanted = set(fields) if fields else set(self._fields)
        touched = wanted.intersection(self._olopiste_audited_fields)
        self.env["olopiste.audit.log"]._log(self, "read", touched)
        return result

    def write(self, vals):
        result = super().write(vals)
        touched = set(vals).intersection(self._olopiste_audited_fields)
        self.env["olopiste.audit.log"]._log(self, "write", touched)
        return result
