"""Small date arithmetic of the method (pure): whole months, as the guide counts them."""

from __future__ import annotations

import calendar
from datetime import date


def plus_maanden(d: date, maanden: int) -> date:
    """The same day ``maanden`` months later (or earlier when negative); the month's last day when that day
    does not exist (31 January + 1 month = 28 or 29 February)."""
    jaar, maand = divmod(d.month - 1 + maanden, 12)
    jaar += d.year
    maand += 1
    return date(jaar, maand, min(d.day, calendar.monthrange(jaar, maand)[1]))
