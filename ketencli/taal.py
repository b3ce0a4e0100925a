"""Dutch in counts: "1 gezinslid", "2 gezinsleden" — never "gezinslid(en)" (issue 15 §4).

Pure and light (no imports): used by the method's texts, the commands and the documents alike.
"""

from __future__ import annotations


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
