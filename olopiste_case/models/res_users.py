# Copyright 2026 Olopiste contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import models
from odoo.osv import expression

from ..const import GROUP_MANAGER, GROUP_STUDENT, GROUP_WORKER


class ResUsers(models.Model):
    _inherit = "res.users"

    def _olopiste_case_domain(self, path=""):
        """The cases this user may see, as a domain on ``path`` (e.g. ``case_id.``).

        The one place where roles meet clients: the record rules of cases,
        attendance, referrals, assessments and client contacts all call it.

        - project managers: every case of the projects they manage or are in;
        - case workers: the cases of their projects in their areas (or that
          they hold, or that have no area yet), and of the activities they run;
        - student trainees: only the cases of the activities they help in;
        - anyone else (finance included): none.
        """
        self.ensure_one()
        uid = self.id

        def leaf(name, operator, value):
            return (f"{path}{name}", operator, value)

        in_project = leaf("project_id.user_ids", "in", uid)
        in_activity = leaf("event_ids.olopiste_user_ids", "in", uid)
        if self.has_group(GROUP_MANAGER):
            return expression.OR(
                [[leaf("project_id.manager_id", "=", uid)], [in_project]]
            )
        if self.has_group(GROUP_WORKER):
            return expression.AND(
                [
                    [in_project],
                    expression.OR(
                        [
                            [leaf("user_id", "=", uid)],
                            [leaf("area_id", "=", False)],
                            [leaf("area_id.user_ids", "in", uid)],
                            [in_activity],
                        ]
                    ),
                ]
            )
        if self.has_group(GROUP_STUDENT):
            return [in_project, in_activity]
        return list(expression.FALSE_DOMAIN)

    def _olopiste_attendance_domain(self):
        """The attendance rows this user may see and, by their access rights,
        change: those of the cases they see; a trainee only those of the
        activities they help in."""
        self.ensure_one()
        if self.has_group(GROUP_WORKER):
            return self._olopiste_case_domain("case_id.")
        if self.has_group(GROUP_STUDENT):
            return [
                ("project_id.user_ids", "in", self.id),
                ("event_id.olopiste_user_ids", "in", self.id),
            ]
        return list(expression.FALSE_DOMAIN)

    def _olopiste_partner_domain(self):
        """Contacts this user may see: every contact that is not a client,
        the clients who have a case the user sees, and the clients the user
        created who have no case yet (between the contact and its case)."""
        self.ensure_one()
        return expression.OR(
            [
                [("is_olopiste_client", "=", False)],
                [("id", "=", self.partner_id.id)],
                [("olopiste_case_ids", "any", self._olopiste_case_domain())],
                [("create_uid", "=", self.id), ("olopiste_case_ids", "=", False)],
            ]
        )
