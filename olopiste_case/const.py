# Copyright 2026 Olopiste contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""The roles, named once: every check in Python uses these."""

GROUP_STUDENT = "olopiste_case.group_olopiste_student"
GROUP_WORKER = "olopiste_case.group_olopiste_worker"
GROUP_MANAGER = "olopiste_case.group_olopiste_manager"
GROUP_FINANCE = "olopiste_case.group_olopiste_finance"

# special-category data (GDPR art. 9), notes and other free text about a
# client: case workers and managers only, never trainees or finance
SENSITIVE_GROUPS = GROUP_WORKER
