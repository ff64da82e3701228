# Copyright 2026 Olopiste contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""Tours walked in Finnish on a laptop and on a phone."""

from odoo import Command
from odoo.tests import HttpCase, new_test_user

# (screen, browser size, touch screen)
SCREENS = (("laptop", "1440x900", False), ("phone", "390x844", True))


class FinnishTourCase(HttpCase):
    """The users of these tours speak Finnish, as the run command sets up;
    each tour runs at both screen sizes."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        # the screens' Finnish: labels, menus and choices of the modules the
        # tours pass through (the web client reads code terms from the .po)
        cls.env["res.lang"]._activate_lang("fi_FI")
        cls.env["ir.module.module"]._load_module_terms(
            ["base", "web", "mail", "calendar", "olopiste_case", "olopiste_reports"],
            ["fi_FI"],
        )

    def finnish_user(self, login, groups):
        return new_test_user(
            self.env,
            login,
            groups=groups,
            name=login.replace("_", " ").title(),
            email=f"{login}@example.com",
            lang="fi_FI",
            tz="Europe/Helsinki",
        )

    def running_project(self, name, team=None, **values):
        """A project running since 2020 with `team` in it."""
        return self.env["olopiste.project"].create(
            {
                "name": name,
                "date_start": "2020-01-01",
                "user_ids": [Command.set(team.ids if team else [])],
                **values,
            }
        )

    def start_tour_on_screens(self, url, tour, login, check):
        """Run `tour` on each screen: `url(screen)` opens it, `check(screen)`
        asserts what it left behind."""
        for screen, size, touch in SCREENS:
            self.browser_size, self.touch_enabled = size, touch
            self.start_tour(url(screen), tour, login=login)
            check(screen)
