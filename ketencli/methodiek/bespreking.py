"""What counts as a discussion at a table (D29), and when its outcome can be recorded (issue 13 item 10).

A checklist item or criterion that asks for a discussion at a table ("Bespreek het plan van aanpak
op de weegploeg", L636; "Bespreek de afronding op de weegploeg", L721; the weegploeg's akkoord with
the afronding) is met only by an agendering that was **besproken**: status ``besproken``, or an
outcome recorded (afspraken, what the regisseur takes away, a return date) on an agendering that
was not postponed or cancelled. ``voorbereid``, ``ingediend`` and ``uitgesteld`` are "geagendeerd":
open. An outcome belongs after the session: ``besproken`` (or an outcome) for a session whose day
is still ahead is refused; ``uitgesteld`` and ``geannuleerd`` may be recorded any time.

Pure: agenderingen are duck-typed (``model.Agendering``), no I/O.
"""

from __future__ import annotations

from collections.abc import Iterable
from datetime import date
from typing import Any

# statuses that never count as discussed, whatever was written on them
NIET_BESPROKEN = ("uitgesteld", "geannuleerd")
# statuses that may be recorded before the session took place
VOORAF_TOEGELATEN = ("ingediend", "uitgesteld", "geannuleerd")


def heeft_uitkomst(a: Any) -> bool:
    """Whether an outcome of the session is recorded: afspraken, meenemen or a return date (D23)."""
    return bool(a.afspraken or a.meenemen.strip() or a.terugkoppeling_op is not None)


def besproken(a: Any) -> bool:
    """Whether the agendering was discussed at its session (D29)."""
    return a.status == "besproken" or (a.status not in NIET_BESPROKEN and heeft_uitkomst(a))


def laatst_besproken(agenderingen: Iterable[Any], rol: str, soorten: tuple[str, ...]) -> Any | None:
    """The latest discussed agendering at the table with this role and of one of these kinds, or None."""
    return max((a for a in agenderingen if a.rol == rol and a.soort in soorten and besproken(a)),
               key=lambda a: a.zitting, default=None)


def staat(a: Any) -> str:
    """Dutch: 'besproken', or 'geagendeerd (voorbereid)' / '(ingediend)' / '(uitgesteld)' (D29)."""
    return "besproken" if besproken(a) else f"geagendeerd ({a.status})"


def te_vroeg_voor_uitkomst(a: Any, status: str | None, uitkomst: bool, vandaag: date) -> bool:
    """Whether recording this status or outcome now is before the session took place.

    ``status`` is the status asked for (None: unchanged); ``uitkomst`` whether afspraken, meenemen or a
    return date are given. True when the session's day is after ``vandaag`` and what is asked means the
    session happened (``besproken``, or an outcome without ``uitgesteld``/``geannuleerd``).
    """
    if a.zitting.date() <= vandaag:
        return False
    if status is not None:
        return status not in VOORAF_TOEGELATEN or (uitkomst and status not in NIET_BESPROKEN)
    return uitkomst
