"""Storage limitation (GDPR art. 5(1)(e); issue 20 §8): when an afgesloten dossier's term is over.

The term is a region setting (``bewaartermijn``, whole years after the afsluiting). ketencli does
not guess a legal period: without a setting the term is "in te stellen" and nothing is due.
Pure rules, no I/O.
"""

from __future__ import annotations

from datetime import date


def einde(afgesloten_op: date, jaren: int) -> date:
    """The first day after the term: ``jaren`` years after ``afgesloten_op`` (29 February → 28)."""
    try:
        return afgesloten_op.replace(year=afgesloten_op.year + jaren)
    except ValueError:  # 29 February in a year without one
        return afgesloten_op.replace(year=afgesloten_op.year + jaren, day=28)


def verstreken(afgesloten_op: date | None, jaren: int | None, vandaag: date) -> bool:
    """True when the term is set, the afsluiting date is known and the term is over on ``vandaag``."""
    if afgesloten_op is None or not jaren:
        return False
    return vandaag >= einde(afgesloten_op, jaren)
