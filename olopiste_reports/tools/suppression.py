# Copyright 2026 Olopiste contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""Suppression of small counts that holds: a small count is hidden, and so is
every cell from which a hidden one could be worked out.

A table is a set of cells (each a count) and the relations that hold between
them, each a sum that is zero: a total and its parts (``total - a - b = 0``),
a complement, the same count shown twice. A relation may also name values the
table does not show at all (such as "not unemployed"): they are unknown to the
reader. A hidden cell is exposed when the shown cells and the relations
determine it; it is then hidden together with another cell of the relation,
the smallest non-zero one, until no hidden cell is exposed.
"""

from fractions import Fraction

PRIMARY = "primary"
SECONDARY = "secondary"


class SuppressionTable:
    def __init__(self, threshold):
        self.threshold = threshold
        self.values = {}
        self.protected = set()
        self.relations = []

    def cell(self, key, value, protect=True):
        """A shown count; `protect`: hidden when it is small."""
        self.values[key] = value
        if protect:
            self.protected.add(key)

    def total(self, total, parts):
        """`total` is the sum of `parts`."""
        terms = {total: -1}
        for part in parts:
            terms[part] = terms.get(part, 0) + 1
        self.relations.append(terms)

    def same(self, first, second):
        """The two cells show the same count."""
        if first != second:
            self.relations.append({first: 1, second: -1})

    def _is_small(self, key):
        value = self.values[key]
        return isinstance(value, int) and 0 < value < self.threshold

    def _exposed(self, unknown):
        """The unknown keys that the relations and the shown cells determine:
        those with a unit row in the reduced row echelon form of the relations
        restricted to the unknowns."""
        columns = sorted(unknown, key=repr)
        index = {key: i for i, key in enumerate(columns)}
        rows = []
        for terms in self.relations:
            row = [Fraction(0)] * len(columns)
            for key, coefficient in terms.items():
                if key in index:
                    row[index[key]] += coefficient
            if any(row):
                rows.append(row)
        pivot_row = 0
        pivots = []
        for col in range(len(columns)):
            found = next((r for r in range(pivot_row, len(rows)) if rows[r][col]), None)
            if found is None:
                continue
            rows[pivot_row], rows[found] = rows[found], rows[pivot_row]
            lead = rows[pivot_row][col]
            rows[pivot_row] = [value / lead for value in rows[pivot_row]]
            for r in range(len(rows)):
                if r != pivot_row and rows[r][col]:
                    factor = rows[r][col]
                    rows[r] = [
                        a - factor * b
                        for a, b in zip(rows[r], rows[pivot_row], strict=True)
                    ]
            pivots.append(col)
            pivot_row += 1
        return {
            columns[col]
            for r, col in enumerate(pivots)
            if sum(1 for value in rows[r] if value) == 1
        }

    def _shown_beside(self, keys, hidden):
        return {
            other
            for terms in self.relations
            if keys & terms.keys()
            for other in terms
            if other in self.values and other not in hidden
        }

    def suppressed(self):
        """{key: PRIMARY or SECONDARY} of the cells to hide."""
        hidden = {
            key for terms in self.relations for key in terms if key not in self.values
        }
        result = {key: PRIMARY for key in self.protected if self._is_small(key)}
        while result:
            exposed = self._exposed(set(result) | hidden) & set(result)
            if not exposed:
                break
            key = min(exposed, key=repr)
            candidates = self._shown_beside({key}, result)
            if not candidates:
                # determined through other hidden cells: widen to their relations
                candidates = self._shown_beside(set(result) | hidden, result)
            if not candidates:
                break
            pick = min(
                candidates,
                key=lambda k: (self.values[k] == 0, self.values[k], repr(k)),
            )
            result[pick] = SECONDARY
        return result
