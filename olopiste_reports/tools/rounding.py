# Copyright 2026 Olopiste contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""Rounding as the funder's reports round: halves away from zero, cents that
add up to their total."""

from decimal import ROUND_FLOOR, ROUND_HALF_UP, Decimal

CENT = Decimal("0.01")


def to_cents(value):
    """`value` (a float or an SQL sum) as a Decimal of whole cents."""
    return Decimal(str(value)).quantize(CENT)


def round_half_up(value, digits=0):
    """Round like the funder's reports: halves away from zero (0.5 → 1)."""
    if value is None:
        return None
    quantum = Decimal(1).scaleb(-digits)
    rounded = Decimal(str(value)).quantize(quantum, rounding=ROUND_HALF_UP)
    return int(rounded) if digits == 0 else float(rounded)


def percentage(count, denominator, digits=0):
    """count / denominator in %, rounded half up; None without a denominator."""
    if not denominator:
        return None
    exact = Decimal(str(count)) * 100 / Decimal(str(denominator))
    return round_half_up(exact, digits)


def split_largest_remainder(total, percents):
    """Split `total` (currency units) by `percents` into cents that add up to it.

    Each part is first rounded down to the cent; the cents left over go one
    each to the parts with the largest remainders (the earlier part on a tie).
    """
    total_cents = int(Decimal(str(total)).scaleb(2).quantize(1, ROUND_HALF_UP))
    exact = [Decimal(total_cents) * Decimal(str(p)) / 100 for p in percents]
    floors = [int(e.to_integral_value(rounding=ROUND_FLOOR)) for e in exact]
    left = total_cents - sum(floors)
    order = sorted(range(len(exact)), key=lambda i: (-(exact[i] - floors[i]), i))
    if sum(Decimal(str(p)) for p in percents) == 100:
        for i in order[:left]:
            floors[i] += 1
    return [Decimal(cents).scaleb(-2) for cents in floors]
