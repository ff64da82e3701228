# Copyright 2026 Olopiste contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""The roles, named once: every check in Python uses these."""

# who works with the clients: trainees, case workers and managers (each
# role implies the one before)
GROUP_STUDENT = "olopiste_case.group_olopiste_student"
# special-category data (GDPR art. 9), notes and other free text about a
# client: case workers and managers only, never trainees or finance
GROUP_WORKER = "olopiste_case.group_olopiste_worker"
GROUP_MANAGER = "olopiste_case.group_olopiste_manager"
GROUP_FINANCE = "olopiste_case.group_olopiste_finance"
# every Olopiste role: those who work with the clients, and finance
GROUPS_ALL = f"{GROUP_STUDENT},{GROUP_FINANCE}"
# the figures and costs of projects
GROUPS_FIGURES = f"{GROUP_MANAGER},{GROUP_FINANCE}"

# a work-ability change equal to the project's threshold counts as a change:
# scores are sums of floats, compared with this margin in Python and in SQL
SCORE_TOLERANCE = 1e-9

# a person-day of participation, in hours, unless the project says otherwise
DEFAULT_HOURS_PER_DAY = 7.0

# the follow-up asks a client's situation this many months after leaving (the
# ESF+ longer-term result indicators EECR05 and EECR06)
FOLLOWUP_MONTHS = 6
