# Copyright 2026 Olopiste contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""Stable keys for rows imported without an External ID column."""

import hashlib


def add_stable_keys(fields, data, key_fields, prefix):
    """Give each row an External ID made of its key columns.

    `key_fields` lists, for each part of the key, the accepted column paths
    (e.g. ``("project_id", "project_id/id")``); the first part must not be
    empty. Re-importing the same rows then updates the records they created
    instead of creating them again. Files that have an ``id`` or ``.id``
    column, or lack a key column, are returned unchanged.
    """
    if "id" in fields or ".id" in fields:
        return fields, data
    indexes = []
    for alternatives in key_fields:
        found = [fields.index(path) for path in alternatives if path in fields]
        if not found:
            return fields, data
        indexes.append(found[0])
    keyed = []
    for row in data:
        parts = [" ".join(str(row[i] or "").split()).casefold() for i in indexes]
        if parts[0]:
            digest = hashlib.sha1("|".join(parts).encode()).hexdigest()[:20]
            keyed.append([*row, f"{prefix}_{digest}"])
        else:
            keyed.append([*row, ""])
    return [*fields, "id"], keyed
