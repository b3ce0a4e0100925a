"""Need-to-know per recipient (decisions D32, D22, D4): which dossier fields each output may carry.

Every output meant for someone outside the regisseur's own screen has a *recipient*; each recipient
has a list of the dossier's free-text fields it may carry, written as a path from the dossier
(``aanmelding`` = everything under it, ``gezinsleden.naam`` = the members' names). Rendering first
blanks every free-text field that is not on the list (``beperk``), so a field that is not declared
cannot reach the output, whatever a template or context does with it. Ids, keys, dates and the
method's own words (roles, kinds, statuses) are not case text and stay.

The veiligheidsplan is printed per member: each page holds that member's own plan in full, and of a
plan made for the whole gezin only what the member's role may hold (``GEZINSPLAN_OP_PAGINA``). A
victim's safe place, contacts, escape plan and code words never reach a page of a member with the
role ``pleger`` (D32; the plan is made with the victims, guide L1911 "slachtoffer en kinderen
beveiligen. Veiligheidsplan opstellen").

Pure data and functions on pydantic objects (duck-typed: ``model_fields`` and ``model_copy``); no I/O.
"""

from __future__ import annotations

import types
import typing
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from typing import Any

# the fields of one veiligheidsplan (a member's own, or the gezin's)
VEILIGHEIDSPLAN_VELDEN = ("waarschuwingssignalen", "wat_te_doen", "veilige_plek", "wie_bellen", "afspraken")

# What a member's page may carry of a plan made for the whole gezin, per role (D32). The strictest
# role of a member counts (a member who is victim and pleger gets the pleger's page). A pleger's own
# plan is made with him (`ketencli stap ID veiligheidsplan --lid ...`); the gezin's plan holds the
# victims' escape routes, so none of it is printed on his page.
GEZINSPLAN_OP_PAGINA: dict[str, tuple[str, ...]] = {
    "slachtoffer": VEILIGHEIDSPLAN_VELDEN,
    "kind": VEILIGHEIDSPLAN_VELDEN,
    "ander": ("waarschuwingssignalen", "afspraken"),
    "pleger": (),
}

# Fields that hold ids, keys or references, never case text: they are never blanked.
REFERENTIES = frozenset({
    "id", "gezinsleden.id", "gezinsleden.relaties.met", "gezinsleden.detentie.gevangenis", "gezinsleden.huishouden",
    "betrokken_diensten.id", "ifg_profielen", "kijkschema.factoren.factor", "kijkschema.factoren.bij_wie",
    "pva.rijen.id", "pva.rijen.factor", "pva.rijen.bij_wie", "pva.rijen.acties.begeleiding",
    "pva.rijen.acties.overgedragen_aan", "pva.doelstellingen.id", "pva.doelstellingen.bij_wie",
    "pva.doelstellingen.rij", "stappen.item", "stappen.lid", "veiligheidsplan.lid", "uitleg_458ter.lid",
    "agenderingen.id", "agenderingen.tafel", "agenderingen.document", "agenderingen.mail",
    "agenderingen.uitgenodigd", "agenderingen.reikwijdte.leden", "agenderingen.reikwijdte.tafelleden",
    "afronding.partners.dienst", "afronding.evaluaties.lid",
    "knelpunten.id", "knelpunten.categorie", "knelpunten.dienst",
})


@dataclass(frozen=True)
class Ontvanger:
    key: str
    wie: str  # Dutch: who reads it
    velden: tuple[str, ...]  # the free-text fields it may carry (paths from the dossier; a prefix covers all below)


# the partners at a table (ICO, weegploeg, ronde tafel), sharing under art. 458ter Sw.
_TAFEL = ("gezin", "gezinsleden.naam", "gezinsleden.tijdelijk_niet_betrokken.reden", "aanmelding",
          "ico.advies", "betrokken_diensten", "casusregisseur", "tijdlijn", "kijkschema", "pva",
          "dringende_maatregelen.tafel", "dringende_maatregelen.maatregel", "agenderingen.vraag",
          "afronding")

ONTVANGERS: dict[str, Ontvanger] = {o.key: o for o in (
    Ontvanger("tafel", "de partners aan de overlegtafel (gedeeld binnen art. 458ter Sw.); van een "
                       "veiligheidsplan alleen voor wie het bestaat en sinds wanneer, nooit de inhoud", _TAFEL),
    # annex D (L1519-1528): CO3 involvement, the regisseur's contact details, an offer of a talk
    Ontvanger("psd-jww", "de psychosociale dienst en Justitieel Welzijnswerk van de gevangenis: alleen dat de "
                         "ketenaanpak betrokken is, wie de gedetineerde is en hoe ze de casusregisseur bereiken",
              ("gezinsleden.naam", "casusregisseur", "betrokken_diensten.naam", "betrokken_diensten.contactpersoon",
               "betrokken_diensten.contact")),
    Ontvanger("gedetineerde", "de gedetineerde zelf (brief, Kempische gevangenissen): alleen wie schrijft en waarom",
              ("gezinsleden.naam", "casusregisseur")),
    # annex C (L1466-): the decision of the table, the person concerned, the measure
    Ontvanger("justitiehuis", "het Justitiehuis (versnelde opstart): de beslissing van de tafel, de betrokkene "
                              "en de maatregel",
              ("gezinsleden.naam", "casusregisseur", "dringende_maatregelen.tafel", "dringende_maatregelen.maatregel",
               "betrokken_diensten.naam", "betrokken_diensten.contactpersoon", "betrokken_diensten.contact")),
    # D4: mail subjects and texts and calendar entries carry ids, never names or case text
    Ontvanger("mail", "het onderwerp en de tekst van een conceptmail (de inhoud zit in de bijlage)",
              ("casusregisseur",)),
    Ontvanger("agenda", "je agenda (.ics, vaak gesynchroniseerd naar een gsm): dossier-id's en de methodiek, "
                        "geen namen of dossiertekst", ()),
    *(Ontvanger(f"lid-{rol}", f"de pagina van het veiligheidsplan voor een gezinslid met de rol {rol}: het eigen "
                              "plan, en van het plan voor het gezin: "
                              + (", ".join(v.replace("_", " ") for v in velden) or "niets"),
                ("gezinsleden.naam", "veiligheidsplan.eigen", *(f"veiligheidsplan.gezin.{v}" for v in velden)))
      for rol, velden in GEZINSPLAN_OP_PAGINA.items()),
)}

# which recipient each output is for; the veiligheidsplan is per page (``pagina_ontvanger``)
UITVOER: dict[str, str] = {
    "pva": "tafel", "weegploeg-pva": "tafel", "weegploeg-gewijzigd": "tafel", "weegploeg-afronding": "tafel",
    "rondetafel": "tafel", "aanmelding": "tafel", "psd-jww-mail": "psd-jww", "brief-gedetineerde": "gedetineerde",
    "justitiehuis": "justitiehuis", "veiligheidsplan": "lid", "eml": "mail", "ics": "agenda",
}

# the strictest role first: a member with several roles gets the page of the strictest
_STRENGSTE_EERST = ("pleger", "ander", "kind", "slachtoffer")


def pagina_ontvanger(rollen: Iterable[str]) -> Ontvanger:
    """The recipient of a member's veiligheidsplan page: that of the member's strictest role (D32)."""
    rollen = set(rollen)
    rol = next((r for r in _STRENGSTE_EERST if r in rollen), "ander")
    return ONTVANGERS[f"lid-{rol}"]


def gezinsplan_velden(rollen: Iterable[str]) -> tuple[str, ...]:
    """The fields of the gezin's veiligheidsplan a member's page may carry (``GEZINSPLAN_OP_PAGINA``)."""
    key = pagina_ontvanger(rollen).key.removeprefix("lid-")
    return GEZINSPLAN_OP_PAGINA[key]


def ontvanger(uitvoer: str) -> Ontvanger:
    """The recipient of an output kind (a document kind, ``eml`` or ``ics``). KeyError when undeclared."""
    return ONTVANGERS[UITVOER[uitvoer]]


def mag(velden: Iterable[str], pad: str) -> bool:
    """Whether the field ``pad`` (e.g. ``aanmelding.geweld_nu``) is covered by one of ``velden``."""
    return any(pad == v or pad.startswith(v + ".") for v in velden)


# -- walking the free-text fields of a dossier --------------------------------------------------------


def _soort(annotatie: Any) -> str:
    """'tekst' (str), 'teksten' (list[str]), 'model', 'modellen' or '' for anything else (dates,
    Literals, numbers): only str and list[str] annotations hold free text."""
    args = [a for a in typing.get_args(annotatie) if a is not type(None)]
    if typing.get_origin(annotatie) in (typing.Union, types.UnionType):
        return _soort(args[0]) if len(args) == 1 else ""
    if annotatie is str:
        return "tekst"
    if typing.get_origin(annotatie) is list and args:
        binnen = args[0]
        if binnen is str:
            return "teksten"
        if hasattr(binnen, "model_fields"):
            return "modellen"
        return ""
    if hasattr(annotatie, "model_fields"):
        return "model"
    return ""


def herschrijf(obj: Any, functie: Callable[[str, str], str], pad: str = "") -> Any:
    """A copy of a pydantic object with every free-text value replaced by ``functie(pad, waarde)``
    (for a list of texts: per item; an item that becomes empty is dropped). References
    (``REFERENTIES``) and values that are not free text stay as they are. The copy is not validated.
    """
    wijzigingen: dict[str, Any] = {}
    for naam, veld in type(obj).model_fields.items():
        sub = f"{pad}.{naam}" if pad else naam
        waarde = getattr(obj, naam)
        if sub in REFERENTIES or waarde is None:
            continue
        soort = _soort(veld.annotation)
        if soort == "tekst" and isinstance(waarde, str):
            wijzigingen[naam] = functie(sub, waarde)
        elif soort == "teksten":
            wijzigingen[naam] = [n for n in (functie(sub, w) for w in waarde) if n]
        elif soort == "model":
            wijzigingen[naam] = herschrijf(waarde, functie, sub)
        elif soort == "modellen":
            wijzigingen[naam] = [herschrijf(w, functie, sub) for w in waarde]
    return obj.model_copy(update=wijzigingen)


def beperk(dossier: Any, velden: Iterable[str], *, lid: str | None = None) -> Any:
    """A copy of the dossier in which every free-text field not covered by ``velden`` is empty.

    The veiligheidsplan's fields are named ``veiligheidsplan.gezin.*`` (the gezin's plan, ``lid``
    empty), ``veiligheidsplan.eigen.*`` (the plan of member ``lid``, the reader of the page) and
    ``veiligheidsplan.ander-lid.*`` (another member's own plan); ``veiligheidsplan`` covers all.
    """
    velden = tuple(velden)

    def houd(pad: str, waarde: str) -> str:
        return waarde if mag(velden, pad) else ""

    beperkt = herschrijf(dossier, houd)
    plannen = []
    for deel in getattr(dossier, "veiligheidsplan", []):
        wie = "gezin" if deel.lid is None else "eigen" if deel.lid == lid else "ander-lid"

        def houd_plan(pad: str, waarde: str, wie: str = wie) -> str:
            return houd(pad.replace("veiligheidsplan", f"veiligheidsplan.{wie}", 1), waarde)

        plannen.append(herschrijf(deel, houd_plan, "veiligheidsplan"))
    return beperkt.model_copy(update={"veiligheidsplan": plannen}) if plannen else beperkt
