# Copyright 2026 Olopiste contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import models
from odoo.osv import expression


class OlopisteRuleMixin(models.AbstractModel):
    """Check the record rules of a client's records in one SQL query.

    Their rules (`res.users._olopiste_case_domain`) go through the case's
    project team, area team and activities. Odoo checks the rules of records
    it already holds in memory (a page of a list or kanban just searched) in
    Python, reading each of those relations with a query of its own; one
    query with the rules as SQL, the one the search itself used, answers for
    any number of records. A refusal is left to Odoo, which names the
    forbidden records in its error.
    """

    _name = "olopiste.rule.mixin"
    _description = "Record Rules Checked in SQL"

    def _check_access(self, operation):
        ids = set(self._ids)
        if (
            self.env.su
            or not ids
            or not all(isinstance(id_, int) for id_ in ids)
            or not self.env["ir.model.access"].check(
                self._name, operation, raise_exception=False
            )
        ):
            return super()._check_access(operation)
        domain = self.env["ir.rule"]._compute_domain(self._name, operation)
        if not domain:
            return None
        # sudo: the rules of `operation` are the domain itself; a search as
        # the user would add those of reading
        allowed = (
            self.sudo()
            .with_context(active_test=False)
            ._search(expression.AND([[("id", "in", list(ids))], domain]))
        )
        if len(set(allowed)) == len(ids):
            return None
        return super()._check_access(operation)
