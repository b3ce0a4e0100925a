"""Dutch as the user reads and types it: counts ("1 gezinslid", "2 gezinsleden" — never
"gezinslid(en)") and dates ("21/11", "21 november 2026") (issue 15 §4).

Pure and light (standard library only): used by the method's texts, the commands and the documents.
"""

from __future__ import annotations

from datetime import date


def aantal(n: int, enkelvoud: str, meervoud: str) -> str:
    """``n`` with the singular or the plural noun: ``aantal(1, "actie", "acties") == "1 actie"``.
    Zero takes the plural, as in Dutch ("0 acties")."""
    return f"{n} {enkelvoud if n == 1 else meervoud}"


def feiten(n: int) -> str:
    """A count of tijdlijn facts that speak of violence (incident, pv or melding, D7/D28):
    "1 feit (incident, pv of melding)", "3 feiten (incidenten, pv's of meldingen)"."""
    if n == 1:
        return "1 feit (incident, pv of melding)"
    return f"{n} feiten (incidenten, pv's of meldingen)"


# -- dates as a Dutch-speaking user types them ----------------------------------------------------

MAANDEN = ("januari", "februari", "maart", "april", "mei", "juni", "juli", "augustus", "september",
           "oktober", "november", "december")
_AFKORTINGEN = {m[:3]: i for i, m in enumerate(MAANDEN, 1)} | {"mrt": 3, "sept": 9}


class OnbestaandeDatum(ValueError):
    """A date written the right way that does not exist on the calendar ("31/11/2026"): its own
    message, so the user sees it is not a typing format problem."""


def _maak(jaar: int, maand: int, dag: int, *, jaar_getypt: bool = True) -> date:
    """The date, or ``OnbestaandeDatum`` saying why not. ``jaar_getypt=False``: the user typed no year
    (``jaar`` is only a leap year to check against), so the message names none ("31 november bestaat
    niet: november heeft 30 dagen", never "november 2000")."""
    import calendar

    if not 1 <= maand <= 12:
        raise OnbestaandeDatum(f"er is geen maand {maand} (de maanden gaan van 1 tot 12)")
    laatste = calendar.monthrange(jaar, maand)[1]
    if not 1 <= dag <= laatste:
        naam = MAANDEN[maand - 1]
        if not jaar_getypt:
            raise OnbestaandeDatum(f"{dag} {naam} bestaat niet: {naam} heeft "
                                   + ("hoogstens 29 dagen" if maand == 2 else f"{laatste} dagen"))
        raise OnbestaandeDatum(f"{dag} {naam} {jaar} bestaat niet: {naam} {jaar} heeft {laatste} dagen")
    return date(jaar, maand, dag)


def _zonder_jaar(maand: int, dag: int, vandaag: date, richting: str) -> date:
    """The date with this day and month nearest to ``vandaag`` in ``richting``: "verleden" (on or
    before today: facts), "toekomst" (on or after today: plans) or "dichtst" (either side)."""
    _maak(2000, maand, dag, jaar_getypt=False)  # a leap year: 29/02 exists, 31/11 never does
    kandidaten = []
    for jaar in range(vandaag.year - 4, vandaag.year + 5):  # four years each way: 29/02 is in there
        try:
            kandidaten.append(date(jaar, maand, dag))
        except ValueError:  # 29/02 in a year that is not a leap year
            continue
    if richting == "verleden":
        return max(k for k in kandidaten if k <= vandaag)
    if richting == "toekomst":
        return min(k for k in kandidaten if k >= vandaag)
    return min(kandidaten, key=lambda k: abs((k - vandaag).days))


def lees_datum(waarde: str, *, vandaag: date | None = None, richting: str = "dichtst") -> date | None:
    """A date as typed: "2026-11-21", "21/11/2026" (also with - or .), "21 november 2026", and
    without a year ("21/11", "21 nov"): then the nearest such date in ``richting`` from ``vandaag``
    (issue 15 §4: the most recent one for facts, the next one for plans). None when the text is
    not a date; ``OnbestaandeDatum`` when it is written as one but does not exist."""
    import re

    tekst = " ".join(waarde.strip().lower().split())
    if not tekst:
        return None
    if m := re.fullmatch(r"(\d{4})-(\d{1,2})-(\d{1,2})", tekst):
        return _maak(int(m[1]), int(m[2]), int(m[3]))
    dag = maand = jaar = None
    if m := re.fullmatch(r"(\d{1,2})[/.-](\d{1,2})(?:[/.-](\d{4}))?", tekst):
        dag, maand, jaar = int(m[1]), int(m[2]), m[3]
    elif m := re.fullmatch(r"(\d{1,2})\s*([a-z]+)\.?(?:\s+(\d{4}))?", tekst):
        naam = m[2]
        maand = MAANDEN.index(naam) + 1 if naam in MAANDEN else _AFKORTINGEN.get(naam[:4]) or _AFKORTINGEN.get(naam[:3])
        if maand is None:
            return None
        dag, jaar = int(m[1]), m[3]
    else:
        return None
    if jaar is not None:
        return _maak(int(jaar), maand, dag)
    if vandaag is None:
        return None
    return _zonder_jaar(maand, dag, vandaag, richting)
