# Copyright 2026 Olopiste contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""Import helpers: stable keys for rows imported without an External ID
column, and the import of the valid rows of a file only."""

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


def map_indexes(message, kept):
    """`message` of a load of the rows `kept`, with the indexes of the file."""
    message = dict(message)
    rows = message.get("rows")
    if rows and rows.get("from") is not None:
        message["rows"] = {"from": kept[rows["from"]], "to": kept[rows["to"]]}
    if isinstance(message.get("record"), int):
        message["record"] = kept[message["record"]]
    return message


def _row_errors(messages):
    """The errors of `messages`, without the echo ``load`` puts first when a
    batch fails: the same text as a row's own error, but on the batch's first
    row (which may be fine)."""
    errors = [m for m in messages if m["type"] == "error"]
    first = messages[0] if messages else None
    if (
        first in errors
        and not first.get("field")
        and any(m["message"] == first["message"] for m in errors[1:])
    ):
        errors.remove(first)
    return errors


def load_valid_rows(load, data, env):
    """Load the rows of `data` that pass and leave out those that fail.

    `load(rows)` is the model's own ``load``, which rolls back all it did
    when a row fails: the rows are loaded again without the failing ones
    until a load passes. Each error of a row left out is reported again as a
    ``warning`` marked ``left_out``; all indexes in the result are those of
    `data`. An error that names no row (the file as a whole) stops it:
    nothing is loaded.

    Between two loads the ORM's caches are dropped: ``load`` rolls the
    database back, not the caches (a case would still count the attendance
    of a row that was rolled back).
    """
    kept = list(range(len(data)))
    skipped = []
    while kept:
        result = load([data[i] for i in kept])
        errors = _row_errors(result["messages"])
        if not errors:
            break
        if any(not (m.get("rows") or {}).get("to", -1) >= 0 for m in errors):
            return dict(result, messages=skipped + result["messages"])
        failing = set()
        for error in errors:
            failing.update(range(error["rows"]["from"], error["rows"]["to"] + 1))
            skipped.append(
                dict(map_indexes(error, kept), type="warning", left_out=True)
            )
        kept = [index for position, index in enumerate(kept) if position not in failing]
        env.invalidate_all(flush=False)
    else:
        return {"ids": [], "messages": skipped, "nextrow": 0}
    messages = [map_indexes(m, kept) for m in result["messages"]]
    nextrow = result.get("nextrow") or 0
    return dict(
        result,
        messages=skipped + messages,
        nextrow=kept[nextrow] if nextrow and nextrow < len(kept) else nextrow,
    )
