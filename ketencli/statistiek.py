"""Small-cell suppression for the figures that leave the regisseur's laptop (issue 17, item 4).

Aggregated outputs for the stuurgroep (``beleidssignalen``, ``jaarcijfers``) never show a count
below :data:`KLEINE_CEL`: such a count is shown as the text ``"< 5"``, as public statistics offices
do, because a small count together with a region and a year can point at one family.
"""

from __future__ import annotations

KLEINE_CEL = 5
"""Counts from 1 up to ``KLEINE_CEL - 1`` are suppressed; 0 is shown as 0 (nothing to identify)."""

ONDERDRUKT = f"< {KLEINE_CEL}"


def aantal(n: int) -> int | str:
    """A count as it may be published.

    Args:
        n: a non-negative count of families, knelpunten, agenderingen, ...

    Returns:
        ``n`` itself when it is 0 or at least :data:`KLEINE_CEL`, otherwise the string ``"< 5"``.

    Raises:
        ValueError: when ``n`` is negative.
    """
    if n < 0:
        raise ValueError(f"een aantal kan niet negatief zijn: {n}")
    return n if n == 0 or n >= KLEINE_CEL else ONDERDRUKT


def is_onderdrukt(waarde: int | str) -> bool:
    """True for a value that :func:`aantal` suppressed."""
    return waarde == ONDERDRUKT
