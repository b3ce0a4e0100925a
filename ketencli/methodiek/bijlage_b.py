"""Annex B (OCJ/SDJ consulent and casusregisseur) as rules on the tijdlijn (guide L1254-1457, D21, D28).

One place for what `tijdlijn`, the `stap` checklist items and the due items of `planning` all ask:
is a consulent involved, which events need the consulent informed and the incident agreements, when
was the consulent last aligned with, and what is still open for one event. Pure: the dossier is
duck-typed (``model.Dossier``), no I/O.
"""

from __future__ import annotations

from datetime import date
from typing import Any

from ketencli.methodiek.checklists import BIJLAGE_B_AFSTEMMING_MAANDEN
from ketencli.methodiek.datums import plus_maanden

# events the consulent is told about, each with the agreements of L1443-1455: "elk IFG pv (meldingen
# familiale twist en pv's slagen en verwondingen)" (L1277-1279) and every incident (L1271); D28
# widens D21 (pv and incident) with the melding
INCIDENT_SOORTEN = ("pv", "incident", "melding")
# the Dutch noun with its article, for texts about one event ("de melding van 20/11/2026")
LIDWOORD = {"pv": "het pv", "incident": "het incident", "melding": "de melding"}
# how the kinds read together in Dutch texts
SOORTEN_TEKST = "pv's, meldingen en incidenten"
# the questions after an incident (field of model.IncidentAfspraken, Dutch question)
VRAGEN = (
    ("impact_kinderen", "Wat is de impact op de kinderen (samen met de consulent ingeschat)?"),
    ("veiligheidsplan", "Heeft het veiligheidsplan gewerkt? Wat werd bijgestuurd?"),
    ("gesprek_door", "Wie gaat het gesprek over het incident aan met de volwassenen en de kinderen?"),
    ("netwerk_door", "Wie neemt de communicatie op met het informeel en professioneel netwerk?"),
)
# a tijdlijn contact or overleg with one of these words counts as alignment with the consulent
CONSULENT_WOORDEN = ("consulent", "ocj", "sdj", "osd", "jongerenwelzijn")
# the checklist item the regisseur ticks for the (at least) three-monthly alignment
AFSTEMMING_ITEM = "consulent-driemaandelijks"


def consulent_betrokken(d: Any) -> bool:
    return any(x.soort == "ocj-sdj" for x in d.betrokken_diensten)


def vraagt_bijlage_b(d: Any, soort: str) -> bool:
    """A pv, melding or incident while a consulent is involved asks annex B's questions (D28)."""
    return soort in INCIDENT_SOORTEN and consulent_betrokken(d)


def _sinds_casusregie(d: Any, item: Any) -> bool:
    return d.casusregie_start is None or item.datum >= d.casusregie_start


def telt(d: Any, item: Any) -> bool:
    """Whether annex B asks about this tijdlijn item: a pv, melding or incident (D28) while a consulent
    is involved, from the start of casusregie on (before it there is no regisseur to inform the
    consulent: the intake table shared it). The one reading for `tijdlijn`, `stap` and `overzicht`."""
    return vraagt_bijlage_b(d, item.soort) and _sinds_casusregie(d, item)


def incidenten(d: Any) -> list[tuple[int, Any]]:
    """(nr, item) of every pv, melding or incident since the start of casusregie; nr as `tijdlijn toon` shows it."""
    return [(nr, t) for nr, t in enumerate(d.tijdlijn, start=1)
            if t.soort in INCIDENT_SOORTEN and _sinds_casusregie(d, t)]


def gebeurtenis(item: Any) -> str:
    """One event as Dutch text with its article and date: 'de melding van 20/11/2026'."""
    return f"{LIDWOORD.get(item.soort, item.soort)} van {item.datum:%d/%m/%Y}"


def afstemmingen(d: Any) -> list[date]:
    """Every recorded alignment with the consulent: the ticked checklist item, or a tijdlijn contact or
    overleg that names the consulent. Sorted."""
    getikt = [s.datum for s in d.stappen if s.item == AFSTEMMING_ITEM and s.status == "gedaan"]
    genoemd = [t.datum for t in d.tijdlijn
               if t.soort in ("overleg", "contact") and any(w in t.omschrijving.lower() for w in CONSULENT_WOORDEN)]
    return sorted([*getikt, *genoemd])


def volgende_afstemming(d: Any, op: date) -> date:
    """When the next alignment is due: three months after the last one, or after the start."""
    data = afstemmingen(d)
    basis = data[-1] if data else (d.casusregie_start or op)
    return plus_maanden(basis, BIJLAGE_B_AFSTEMMING_MAANDEN)


def consulent_ingelicht_op(d: Any, item: Any) -> date | None:
    """When the consulent heard of this event: recorded on the item, or the first alignment since."""
    if item.consulent_geinformeerd_op is not None:
        return item.consulent_geinformeerd_op
    return next((x for x in afstemmingen(d) if x >= item.datum), None)


def open_punten(d: Any, nr: int, item: Any) -> list[str]:
    """What annex B still asks of one event, as Dutch lines with the command that fills it in."""
    if not telt(d, item):
        return []
    open_: list[str] = []
    if consulent_ingelicht_op(d, item) is None:
        open_.append(f"De consulent is nog niet ingelicht: `ketencli tijdlijn edit {d.id} {nr} "
                     "--consulent-geinformeerd DATUM`.")
    if item.afspraken is None or not item.afspraken.volledig:
        open_.append(f"De afspraken van bijlage B ontbreken nog: `ketencli tijdlijn edit {d.id} {nr} "
                     "--impact-kinderen ... --gesprek-door ... --netwerk-door ...`.")
    return open_
