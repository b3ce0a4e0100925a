"""The one clock of ketencli.

Every "today" and "now" (ages, deadlines, what is overdue) comes from here, in Europe/Brussels
time. ``KETENCLI_NU=2026-11-30T13:00`` (or a bare date) pins it for every command, so tests,
demos and support can replay any day through the CLI itself.
"""

from __future__ import annotations

import os
from datetime import date, datetime, time
from zoneinfo import ZoneInfo

from ketencli.fouten import KetencliFout

TIJDZONE = ZoneInfo("Europe/Brussels")
OMGEVINGSVARIABELE = "KETENCLI_NU"


def nu() -> datetime:
    """The current moment, timezone-aware in Europe/Brussels (or the pinned one)."""
    vast = os.environ.get(OMGEVINGSVARIABELE, "").strip()
    if not vast:
        return datetime.now(TIJDZONE)
    return _lees_vast_moment(vast)


def vandaag() -> date:
    """Today's date in Brussels."""
    return nu().date()


def _lees_vast_moment(tekst: str) -> datetime:
    try:
        if "T" in tekst or " " in tekst:
            moment = datetime.fromisoformat(tekst)
        else:
            moment = datetime.combine(date.fromisoformat(tekst), time(9, 0))
    except ValueError:
        raise KetencliFout(
            f"{OMGEVINGSVARIABELE}={tekst!r} is geen geldige datum of tijd. "
            "Gebruik bijvoorbeeld 2026-11-30 of 2026-11-30T13:00, of maak de variabele leeg."
        ) from None
    if moment.tzinfo is None:
        moment = moment.replace(tzinfo=TIJDZONE)
    return moment.astimezone(TIJDZONE)

