# Copyright 2026 Olopiste contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import api, models


def _read_write(method):
    """Run this read in a read/write transaction (Odoo 18 runs the web
    client's reads in read-only ones, on a replica where there is one): it
    writes the audit trail."""
    method._readonly = False
    return method


def _field_names(specs):
    """The model's own field names in ``specs`` such as ``"disability"``,
    ``"date_entry:month"``, ``"hours:sum"`` or ``"partner_id/name"``."""
    return {
        spec.split(":")[0].split(".")[0].split("/")[0] for spec in specs or () if spec
    }


class OlopisteAuditMixin(models.AbstractModel):
    """Log reads and changes of the fields named in `_olopiste_audited_fields`.

    Inherit it next to the model and list the special-category and free-text
    fields. Every way the ORM hands out their values leaves an
    `olopiste.audit.log` entry per record: `read`, `search_read`, `web_read`
    and `web_search_read` (through `_read_format`, which they all end in),
    `read_group` and `web_read_group` grouped or aggregated by them (through
    `_read_group`), `export_data`, and `write`. Reports that print them log
    through `_olopiste_log_read`.
    """

    _name = "olopiste.audit.mixin"
    _description = "Sensitive Data Audit Mixin"
    _olopiste_audited_fields = ()

    def _olopiste_check_x2many_groups(self, fnames):
        """Odoo checks a field's ``groups`` when a search or grouping reads
        its column, which relational fields without a column (many2many,
        one2many) do not have: check them by name (a trainee grouping cases
        by target group learns each case's groups)."""
        guarded = [
            name
            for name in fnames
            if name in self._fields
            and self._fields[name].type in ("many2many", "one2many")
            and self._fields[name].groups
        ]
        if guarded and not self.env.su:
            self.check_field_access_rights("read", guarded)

    @api.model
    def _search(self, domain, offset=0, limit=None, order=None):
        self._olopiste_check_x2many_groups(
            _field_names(
                leaf[0]
                for leaf in domain or ()
                if isinstance(leaf, (list, tuple)) and isinstance(leaf[0], str)
            )
        )
        return super()._search(domain, offset=offset, limit=limit, order=order)

    def _olopiste_log_read(self, fnames):
        touched = set(fnames).intersection(self._olopiste_audited_fields)
        self.env["olopiste.audit.log"]._log(self, "read", touched)

    # the public read methods of the web client and RPC, which all end in
    # `_read_format` or `_read_group` below: only their transaction changes

    @_read_write
    def read(self, fields=None, load="_classic_read"):
        return super().read(fields=fields, load=load)

    @api.model
    @_read_write
    def search_read(
        self, domain=None, fields=None, offset=0, limit=None, order=None, **read_kwargs
    ):
        return super().search_read(
            domain=domain,
            fields=fields,
            offset=offset,
            limit=limit,
            order=order,
            **read_kwargs,
        )

    @_read_write
    def web_read(self, specification):
        return super().web_read(specification)

    @api.model
    @_read_write
    def web_search_read(
        self, domain, specification, offset=0, limit=None, order=None, count_limit=None
    ):
        return super().web_search_read(
            domain,
            specification,
            offset=offset,
            limit=limit,
            order=order,
            count_limit=count_limit,
        )

    @api.model
    @_read_write
    def read_group(
        self, domain, fields, groupby, offset=0, limit=None, orderby=False, lazy=True
    ):
        return super().read_group(
            domain,
            fields,
            groupby,
            offset=offset,
            limit=limit,
            orderby=orderby,
            lazy=lazy,
        )

    @api.model
    @_read_write
    def web_read_group(
        self, domain, fields, groupby, limit=None, offset=0, orderby=False, lazy=True
    ):
        return super().web_read_group(
            domain,
            fields,
            groupby,
            limit=limit,
            offset=offset,
            orderby=orderby,
            lazy=lazy,
        )

    def _read_format(self, fnames, load="_classic_read"):
        result = super()._read_format(fnames, load=load)
        self._olopiste_log_read(fnames or ())
        return result

    @api.model
    def _read_group(
        self,
        domain,
        groupby=(),
        aggregates=(),
        having=(),
        offset=0,
        limit=None,
        order=None,
    ):
        touched = _field_names(groupby) | _field_names(aggregates)
        self._olopiste_check_x2many_groups(touched)
        result = super()._read_group(
            domain, groupby, aggregates, having, offset, limit, order
        )
        if touched.intersection(self._olopiste_audited_fields) and not self.env.su:
            # the groups show the values of every record they count
            self.search(domain or [])._olopiste_log_read(touched)
        return result

    def export_data(self, fields_to_export):
        result = super().export_data(fields_to_export)
        self._olopiste_log_read(_field_names(fields_to_export))
        return result

    def write(self, vals):
        result = super().write(vals)
        touched = set(vals).intersection(self._olopiste_audited_fields)
        self.env["olopiste.audit.log"]._log(self, "write", touched)
        return result
