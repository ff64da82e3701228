# Copyright 2026 Olopiste contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
import contextlib

from odoo import api, models
from odoo.osv import expression

# the key of the answers known within one read of the web client, in the
# cursor's cache (`cr.cache`): never in the context, which an RPC call sets
MEMO_KEY = "olopiste_access_memo"


class OlopisteRuleMixin(models.AbstractModel):
    """Check the record rules of a client's records in one SQL query.

    Their rules (`res.users._olopiste_case_domain`) go through the case's
    project team, area team and activities. Odoo checks the rules of records
    it already holds in memory (a page of a list or kanban just searched) in
    Python, reading each of those relations with a query of its own; one
    query with the rules as SQL, the one the search itself used, answers for
    any number of records. A refusal is left to Odoo, which names the
    forbidden records in its error.

    Within one read of the web client (`web_search_read`, `web_read`),
    nothing changes the data the rules read, so an answer is asked once: the
    records a search found are readable, and a check already made (e.g. the
    right to change a page of cases, which Odoo asks for each read of their
    activities) is not made again.
    """

    _name = "olopiste.rule.mixin"
    _description = "Record Rules Checked in SQL"

    # ------------------------------------------------------------------
    # the answers known within one read

    @contextlib.contextmanager
    def _olopiste_read_scope(self):
        """Remember the rules' answers until the end of this read (the
        outermost one, when reads nest)."""
        cache = self.env.cr.cache
        if MEMO_KEY in cache:
            yield
            return
        cache[MEMO_KEY] = {}
        try:
            yield
        finally:
            cache.pop(MEMO_KEY, None)

    def _olopiste_memo(self):
        """{operation: ids} known for this model and user in the current
        read, or None outside one."""
        memo = self.env.cr.cache.get(MEMO_KEY)
        if memo is None or self.env.su:
            return None
        key = (self._name, self.env.uid, tuple(self.env.companies.ids))
        return memo.setdefault(key, {})

    def _olopiste_remember(self, what, ids):
        memo = self._olopiste_memo()
        if memo is not None:
            memo.setdefault(what, set()).update(ids)

    def _olopiste_known(self, what, ids):
        memo = self._olopiste_memo()
        return memo is not None and ids <= memo.get(what, set())

    @api.model
    def web_search_read(
        self, domain, specification, offset=0, limit=None, order=None, count_limit=None
    ):
        with self._olopiste_read_scope():
            return super().web_search_read(
                domain,
                specification,
                offset=offset,
                limit=limit,
                order=order,
                count_limit=count_limit,
            )

    def web_read(self, specification):
        with self._olopiste_read_scope():
            return super().web_read(specification)

    def _fetch_query(self, query, fields):
        records = super()._fetch_query(query, fields)
        # what `search_fetch` and `fetch` read passed the rules of reading:
        # their query applied them, or `check_access` did before it
        records._olopiste_remember("read", records._ids)
        return records

    # ------------------------------------------------------------------

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
        if self._olopiste_known(operation, ids):
            return None
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
            self._olopiste_remember(operation, ids)
            return None
        return super()._check_access(operation)
