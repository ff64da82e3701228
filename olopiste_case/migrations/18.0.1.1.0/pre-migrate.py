# Copyright 2026 Olopiste contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""18.0.1.1.0 closes every channel to clients' data with new record rules.

The rules are `noupdate` data, which an update does not change: remove the
old ones here so that the update creates the new ones from the addon."""


def migrate(cr, version):
    cr.execute(
        """
        DELETE FROM ir_rule
         WHERE id IN (SELECT res_id FROM ir_model_data
                       WHERE module = 'olopiste_case' AND model = 'ir.rule')
        """
    )
    cr.execute(
        "DELETE FROM ir_model_data WHERE module = 'olopiste_case' AND model = 'ir.rule'"
    )
