"""Shared option readers for the commands (light: no pydantic, no store).

``datum_optie`` reads a date option as the user types it, ``controleer_keuze`` a value from a fixed
list; ``niet_leeg`` is the typer callback for a text option that may not be blank: a value of only
spaces is refused exactly like an empty one (issue 20 §6), with the option's name, before anything
is loaded or saved; the value is passed on stripped.
"""

from __future__ import annotations

from datetime import date
from typing import Any

import typer

from ketencli.fouten import GebruiksFout, KetencliFout

NO_INPUT_HULP = "Stel nooit een vraag; ontbreekt er iets, dan stopt het commando met een melding."


def niet_leeg(param: typer.CallbackParam, waarde: Any) -> Any:
    """Refuse a given text option that is empty or only whitespace; None (not given) and the
    default "" of an optional option pass. Raises GebruiksFout (exit 2)."""
    if waarde is None:
        return None
    optie = (param.opts or [param.name])[0] if param is not None else "de waarde"
    if isinstance(waarde, str):
        if waarde.strip():
            return waarde.strip()
        if waarde == "" and param is not None and param.default == "" and not param.required:
            return waarde  # not given: the optional option's default
        raise GebruiksFout(f"{optie} mag niet leeg zijn (alleen spaties telt als leeg).",
                           tip=f"Geef een tekst, bv. {optie} \"...\".")
    return waarde


def datum_optie(waarde: str | None, optie: str, *, niet_na: date | None = None,
                 richting: str | None = None, jaar_verplicht: bool = False, ook_jaar: bool = False
                 ) -> date | None:
    """A date option as the user types it (``taal.lees_datum``). A date without a year ("21/11") is
    the most recent such date for a fact (``niet_na`` given: tijdlijn, instemming, afvinken), the
    next one for a plan (``richting="toekomst"``: a session, a terugkomdatum), else the nearest
    (issue 15 §4), and the date it became is said on stderr. ``jaar_verplicht`` (a birth date):
    no year is a usage error. ``ook_jaar``: the option also takes a bare year (``--overleden 2019``),
    and the message for what is not a date says so. Usage errors (exit 2) for what is not a date and
    for a date that does not exist."""
    import re

    from ketencli import taal, ui

    if waarde is None or not waarde.strip():
        return None
    zonder_jaar = not re.search(r"\d{4}", waarde)
    if zonder_jaar and jaar_verplicht:
        raise GebruiksFout(f"{optie} {waarde.strip()!r}: geef ook het jaar, bv. 14/5/1984.")
    richting = richting or ("verleden" if niet_na is not None else "dichtst")
    try:
        gelezen = ui.lees_datum(waarde, richting)
    except taal.OnbestaandeDatum as fout:
        raise GebruiksFout(f"{optie} {waarde.strip()!r}: die datum bestaat niet ({fout}).") from None
    if gelezen is None:
        voorbeelden = ("2019 (alleen het jaar), " if ook_jaar else "") + "15/3/2026, 15/3 of 2026-03-15"
        raise GebruiksFout(f"{optie} {waarde!r} is geen datum. Schrijf bijvoorbeeld {voorbeelden}.")
    if niet_na is not None and gelezen > niet_na:
        raise GebruiksFout(f"{optie} {gelezen:%d/%m/%Y} ligt in de toekomst; dat kan hier niet.")
    if zonder_jaar:
        ui.melding(f"{optie} {waarde.strip()}: gelezen als {gelezen:%d/%m/%Y}.", "dim")
    return gelezen


def controleer_keuze(waarde: str, toegelaten: Any, optie: str) -> str:
    if waarde not in toegelaten:
        raise GebruiksFout(f"{optie} {waarde!r} ken ik niet; kies uit: {', '.join(toegelaten)}.")
    return waarde


def vereis_bekende_dienst(d: Any, waarde: str, optie: str) -> None:
    """A value shaped like a service id (d3) must be one of the dossier's: d99 is a typo, not free text.

    Used by every option that takes a service id or free text (afronding --dienst/--aan, agendeer --extern
    and --uitgenodigd); call it before anything is written."""
    waarde = waarde.strip()
    if waarde[:1] == "d" and waarde[1:].isdigit() and d.dienst(waarde) is None:
        raise KetencliFout(f"{optie} {waarde}: die dienst bestaat niet in dossier {d.id}. Er werd niets bewaard.",
                           tip="Diensten: " + (", ".join(x.id for x in d.betrokken_diensten) or "geen")
                               + f" (`ketencli dossier show {d.id}`); vrije tekst kan ook, bv. {optie} \"CGG Kempen\".")


def factor_optie(waarde: str) -> tuple[str, Any]:
    """A kijkschema key (normalised) or free text; a key-like typo is refused with a suggestion."""
    import re

    from ketencli.methodiek import kijkschema

    factor = kijkschema.factor(waarde)
    if factor is not None:
        return factor.key, factor
    if re.fullmatch(r"[a-z]+(?:-[a-z]+)+", waarde.strip()):
        nabij = kijkschema.dichtste_factoren(waarde)
        raise GebruiksFout(f"--factor {waarde!r} is geen factor van het kijkschema"
                           + (f"; bedoel je {' of '.join(nabij)}?" if nabij else ".")
                           + " Een eigen factor schrijf je in gewone woorden.")
    if not waarde.strip():
        raise GebruiksFout("--factor mag niet leeg zijn.")
    return waarde.strip(), None


def leden_optie(d: Any, ids: list[str], optie: str = "--bij-wie") -> list[str]:
    """Member ids from repeatable, comma-separated option values (``--bij-wie m1,m2``), in order and
    without doubles. Raises GebruiksFout for an id the dossier does not have."""
    uit: list[str] = []
    for waarde in ids:
        for lid_id in (x.strip() for x in waarde.split(",")):
            if not lid_id:
                continue
            if d.lid(lid_id) is None:
                raise GebruiksFout(f"{optie} {lid_id}: dat gezinslid bestaat niet in dossier {d.id} "
                                   f"(leden: {', '.join(x.id for x in d.gezinsleden) or 'geen'}).")
            uit.append(lid_id)
    return list(dict.fromkeys(uit))


def tekst_optie(waarde: str | None, optie: str) -> str:
    """A text option that must say something: stripped; GebruiksFout when empty."""
    if waarde is None or not waarde.strip():
        raise GebruiksFout(f"{optie} mag niet leeg zijn.")
    return waarde.strip()


def sinds_optie(sinds: str | None, maanden: int | None, vandaag: date) -> date:
    """The start of the period without violence of the afrondingstoets (guide III.E): ``--sinds DATUM``
    or ``--maanden N`` back from today (not both), else three months ago."""
    from ketencli.methodiek import afronding

    if sinds is not None and maanden is not None:
        raise GebruiksFout("Geef --sinds of --maanden, niet allebei.")
    if maanden is not None:
        return afronding.standaard_sinds(vandaag, maanden)
    return datum_optie(sinds, "--sinds", niet_na=vandaag) or afronding.standaard_sinds(vandaag)


SINDS_OPT = typer.Option(None, "--sinds", help="Begin van de periode zonder geweld (standaard: drie maanden geleden).")
MAANDEN_OPT = typer.Option(None, "--maanden", metavar="N", min=1, max=60,
                           help="Periode zonder geweld in maanden, tot vandaag (standaard 3, hoogstens 60).")
