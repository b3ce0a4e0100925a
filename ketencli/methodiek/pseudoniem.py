"""Pseudonymised documents for intervision and supervision (issue 20 §9, GDPR art. 5: minimisation).

``pseudonimiseer(dossier)`` returns a copy of the dossier in which nobody can be recognised, and
``documenten`` renders any kind from that copy (``ketencli doc ID SOORT --pseudoniem``), so no
template has its own rule:

- every gezinslid is named by role and initial, one mapping per dossier (``namen``): the roles from
  ``rollen`` ("pleger", "slachtoffer", "kind"), the place in the family from the relations
  ("vader, pleger (K.)", "partner, slachtoffer (E.)", "dochter (L.)"; per recorded sex, neutral
  "ouder", "kind" when it is not recorded: ``aanmelding.familiewoord``); two equal labels get a number;
- the gezin label keeps only initials ("Vandenberghe – Desmet" → "gezin V. – D.");
- birth dates are removed (the age stays: ``Gezinslid.leeftijd`` keeps working on the copy);
- contact details are emptied (members' services, aanmelder, regisseur, the veiligheidsplan's numbers)
  and people outside the family (regisseur, contact persons) keep their function and initials;
- in every free text: the members' names become their labels, other known names their initials,
  and phone numbers, e-mail addresses, street addresses and the members' birth dates are replaced.

Pure functions on pydantic objects (duck-typed, like ``need_to_know``); no I/O.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from datetime import date
from typing import Any

from ketencli.methodiek.aanmelding import familiewoord
from ketencli.methodiek.need_to_know import herschrijf

ROL_WOORDEN = {"pleger": "pleger", "slachtoffer": "slachtoffer", "kind": "kind", "ander": "betrokkene"}
# a member's place in the family, from its relations (the member is <soort> of ``met``), by priority;
# the word itself from aanmelding.familiewoord (per sex: "moeder", "zoon")
FAMILIE_VOORRANG = ("ouder-van", "grootouder-van", "partner", "ex-partner", "kind-van", "broer-zus", "kleinkind-van")
# words that are never a person's name: particles of Flemish names and the words of a gezin label
GEEN_NAAM = {"de", "den", "der", "van", "vande", "vanden", "vander", "ter", "ten", "het", "le", "la", "du",
             "des", "di", "da", "op", "gezin", "familie", "fam"}
# fields that hold a person outside the family (function and name): function words stay, names shrink
PERSOON_VELDEN = frozenset({
    "casusregisseur.naam", "aanmelding.aanmelder.persoon", "betrokken_diensten.contactpersoon",
    "veiligheidsplan.wie_bellen.naam", "gezinsleden.instemming.door_wie_geinformeerd", "kijkschema.door",
    "uitleg_458ter.door",
})
# contact details: emptied
CONTACT_VELDEN = frozenset({
    "casusregisseur.contact", "aanmelding.aanmelder.contact", "betrokken_diensten.contact",
    "veiligheidsplan.wie_bellen.telefoon",
})
MAANDEN = ("januari", "februari", "maart", "april", "mei", "juni", "juli", "augustus", "september", "oktober",
           "november", "december")

_WOORD = re.compile(r"[^\W\d_]+")
_EMAIL = re.compile(r"[\w.+-]+@[\w-]+(?:\.[\w-]+)+")
_TELEFOON = re.compile(r"(?<![\w+-])(?:\+32|0032|0)\s?\d{1,3}(?:[ ./-]?\d{2,3}){2,3}(?![\w-])")
_DATUMVORM = re.compile(r"\d{1,2}[./-]\d{1,2}[./-]\d{2,4}")
_STRAAT = re.compile(
    r"\b[A-Z][\w'’-]*(?:straat|laan|lei|plein|weg|steenweg|dreef|baan|kaai|markt|hof|pad|singel|vest|dijk|"
    r"wijk|berg|veld|dal|park|plaats|ring|gracht)\s+\d+\s?[a-zA-Z]?(?:\s*(?:bus|/)\s*\d+)?"
    r"(?:,?\s*[1-9]\d{3}\s+[A-Z][\w-]+)?")


def initialen(tekst: str) -> str:
    """Every name word as its initial; function words stay ("inspecteur Nathalie Coppens" → "inspecteur
    N. C.")."""
    return _WOORD.sub(lambda m: m.group(0) if _geen_naam(m.group(0)) else m.group(0)[0] + ".", tekst)


def _geen_naam(woord: str) -> bool:
    return not woord[:1].isupper() or len(woord) < 2 or woord.casefold() in GEEN_NAAM


def _label(lid: Any) -> str:
    rollen = [ROL_WOORDEN.get(r, r) for r in lid.rollen] or ["gezinslid"]
    soorten = {r.soort for r in lid.relaties}
    soort = next((s for s in FAMILIE_VOORRANG if s in soorten), None)
    if soort is None:
        woord = "/".join(rollen)
    else:
        familie = familiewoord(soort, getattr(lid, "geslacht", None))
        if familiewoord(soort) in rollen:  # the role kind of a son: "zoon", not "zoon, kind"
            woord = "/".join(familie if r == familiewoord(soort) else r for r in rollen)
        else:
            woord = familie if familie in rollen else f"{familie}, {'/'.join(rollen)}"
    eerste = next((w for w in _WOORD.findall(lid.naam) if not _geen_naam(w)), "")
    return f"{woord} ({eerste[0]}.)" if eerste else woord


def namen(dossier: Any) -> dict[str, str]:
    """Member id → its label in the pseudonymised documents ("pleger (K.)"); unique per dossier."""
    labels = {lid.id: _label(lid) for lid in dossier.gezinsleden}
    uit = {}
    for lid_id, label in labels.items():
        gelijk = [i for i, x in labels.items() if x == label]
        if len(gelijk) > 1:
            woord, haakje, rest = label.partition(" (")
            label = f"{woord} {gelijk.index(lid_id) + 1}" + (f" ({rest}" if haakje else "")
        uit[lid_id] = label
    return uit


def gezin_label(gezin: str) -> str:
    """The gezin label with initials only: "Vandenberghe – Desmet" → "gezin V. – D."."""
    kort = initialen(gezin).strip()
    return kort if kort.casefold().startswith(("gezin", "familie")) else f"gezin {kort}".rstrip()


def _datumvormen(d: date) -> list[str]:
    return [d.isoformat(), f"{d.day:02d}/{d.month:02d}/{d.year}", f"{d.day}/{d.month}/{d.year}",
            f"{d.day:02d}-{d.month:02d}-{d.year}", f"{d.day:02d}.{d.month:02d}.{d.year}",
            f"{d.day}.{d.month}.{d.year}", f"{d.day} {MAANDEN[d.month - 1]} {d.year}"]


def tekstvervanger(dossier: Any) -> Callable[[str], str]:
    """The replacement for free text of this dossier: names, birth dates, e-mail addresses, phone
    numbers and street addresses (also for texts typed at the command line, e.g. a question)."""
    labels = namen(dossier)
    vervang: dict[str, str] = {}
    personen = [getattr(dossier.casusregisseur, "naam", ""), dossier.aanmelding.aanmelder.persoon,
                *(x.contactpersoon for x in dossier.betrokken_diensten),
                *(c.naam for deel in dossier.veiligheidsplan for c in deel.wie_bellen)]
    for tekst in personen:
        for woord in _WOORD.findall(tekst):
            if not _geen_naam(woord):
                vervang.setdefault(woord, woord[0] + ".")
    for woord in _WOORD.findall(dossier.gezin):
        if not _geen_naam(woord):
            vervang[woord] = woord[0] + "."
    for lid in dossier.gezinsleden:
        woorden = [w for w in _WOORD.findall(lid.naam) if not _geen_naam(w)]
        for i, woord in enumerate(woorden):
            vervang[woord] = labels[lid.id] if i == 0 else vervang.get(woord, woord[0] + ".")
    volledige = {lid.naam.strip(): labels[lid.id] for lid in dossier.gezinsleden if lid.naam.strip()}
    datums = {vorm: "[geboortedatum]" for lid in dossier.gezinsleden if lid.geboortedatum
              for vorm in _datumvormen(lid.geboortedatum)}

    def patroon(sleutels: list[str]) -> re.Pattern[str] | None:
        if not sleutels:
            return None
        delen = sorted(sleutels, key=len, reverse=True)
        return re.compile(r"(?<![^\W_])(?:" + "|".join(re.escape(x) for x in delen) + r")(?![^\W_])")

    p_volledig, p_woord, p_datum = patroon(list(volledige)), patroon(list(vervang)), patroon(list(datums))

    def telefoon(m: re.Match[str]) -> str:
        return m.group(0) if _DATUMVORM.fullmatch(m.group(0)) else "[telefoon]"

    def functie(tekst: str) -> str:
        if not tekst:
            return tekst
        tekst = _EMAIL.sub("[e-mail]", tekst)
        if p_datum is not None:
            tekst = p_datum.sub(lambda m: datums[m.group(0)], tekst)
        tekst = _TELEFOON.sub(telefoon, tekst)
        tekst = _STRAAT.sub("[adres]", tekst)
        if p_volledig is not None:
            tekst = p_volledig.sub(lambda m: volledige[m.group(0)], tekst)
        if p_woord is not None:
            tekst = p_woord.sub(lambda m: vervang[m.group(0)], tekst)
        return tekst

    return functie


def pseudonimiseer(dossier: Any) -> Any:
    """A copy of the dossier without names, birth dates and contact details (see the module). The
    copy is for rendering only: never save it."""
    labels = namen(dossier)
    tekst = tekstvervanger(dossier)

    def herschrijf_veld(pad: str, waarde: str) -> str:
        if pad in CONTACT_VELDEN:
            return ""
        if pad in PERSOON_VELDEN:
            return initialen(tekst(waarde))
        if pad == "gezin":
            return gezin_label(waarde)
        return tekst(waarde)

    kopie = herschrijf(dossier, herschrijf_veld)
    leden = []
    for origineel, lid in zip(dossier.gezinsleden, kopie.gezinsleden, strict=True):
        nieuw = lid.model_copy(update={"naam": labels[lid.id], "geboortedatum": None})
        # the age stays (model.Gezinslid.leeftijd); the date is in no dump and no template context
        nieuw._geboortedatum_voor_leeftijd = origineel.geboortedatum or origineel._geboortedatum_voor_leeftijd
        leden.append(nieuw)
    return kopie.model_copy(update={"gezinsleden": leden})
