# Copyright 2026 Olopiste contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""The directory's rules, named once."""

# how long a contact person's link to update their entry works
UPDATE_LINK_DAYS = 30
# proposals accepted from one address in an hour; more are refused as spam
SUBMISSIONS_PER_HOUR = 5
# services on one page of the public directory
SERVICES_PER_PAGE = 12

# A directory entry's own fields: what an organisation proposes and the
# public reads alike.
ENTRY_FIELDS = (
    "name",
    "description",
    "audience",
    "category_id",
    "tag_ids",
    "municipality_ids",
    "address",
    "accessibility",
    "schedule",
    "is_free",
    "cost_note",
    "access_mode",
    "date_start",
    "date_end",
)
# What the public sees of a service and of its organisation: the only fields
# the public pages, the site's search and the form ever read. Nothing here
# refers to a client; the referrals, the places taken and the internal notes
# are left out on purpose.
PUBLIC_SERVICE_FIELDS = (
    *ENTRY_FIELDS,
    "places_open",
    "public_contact_name",
    "public_email",
    "public_phone",
    "organisation_id",
    "website_url",
)
PUBLIC_ORGANISATION_FIELDS = (
    "name",
    "olopiste_public_description",
    "website",
    "city",
)
