# Copyright 2026 Olopiste contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""18.0.1.2.0 gives each project a cost model.

A project's flat rate is the funding decision's: fill the new cost model from
the programme here, so that the update does not recompute (and overwrite)
the flat rate of existing projects."""


def migrate(cr, version):
    cr.execute(
        "ALTER TABLE olopiste_project ADD COLUMN IF NOT EXISTS cost_model varchar"
    )
    cr.execute(
        """
        UPDATE olopiste_project
           SET cost_model = CASE
                   WHEN programme = 'esf_plus_2021' THEN 'all_other_flat_rate'
                   WHEN COALESCE(flat_rate, 0) > 0 THEN 'indirect_flat_rate'
                   ELSE 'actual'
               END
         WHERE cost_model IS NULL
        """
    )
