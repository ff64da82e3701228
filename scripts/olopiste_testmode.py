# Copyright 2026 Olopiste contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""pytest plugin, loaded with ``-p`` before pytest-odoo.

Odoo logs an ERROR when its test framework is imported outside test mode,
and pytest-odoo imports it right after parsing Odoo's configuration, which
resets test mode. Importing the framework here, in test mode, first makes
that import a no-op, so an ERROR in the output always means a real one.
Test mode is switched off again: with it on while the registry loads, Odoo
would run the at_install tests of every installed module.
"""

import odoo.tools

odoo.tools.config["test_enable"] = True
import odoo.tests  # noqa: E402

odoo.tools.config["test_enable"] = False
