"""Small Dutch wording helpers for texts the method's rules write (issue 14 §3: singular and plural
agree; no "actie(s)" or "doelstelling(en)" in what a table reads)."""

from __future__ import annotations

# what the tijdlijn counts as a fact that says the violence did not stop (incident, pv, melding)
FEITEN = ("incident, pv of melding", "incidenten, pv's of meldingen")


def aantal(n: int, enkelvoud: str, meervoud: str) -> str:
    """'1 actie', '3 acties': the number with the form that agrees with it."""
    return f"{n} {enkelvoud if n == 1 else meervoud}"


def feiten(n: int) -> str:
    """'1 incident, pv of melding', '3 incidenten, pv's of meldingen'."""
    return aantal(n, *FEITEN)
