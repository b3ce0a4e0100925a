"""The registration questions of the guide (II.C, L287-306), as data for the `dossier new` wizard, and
the rules of the steps before casusregie: the ICO outcome and its fase, the advice to the aanmelder
(II.D) and the consent of one adult (L131-135, D8, D17). Pure: the dossier is duck-typed.

Each question fills one text field of ``model.Aanmelding``; the wording follows the guide, in "je".
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from typing import Any


@dataclass(frozen=True)
class Vraag:
    key: str  # the field of model.Aanmelding it fills
    vraag: str
    hint: str = ""


AANMELDVRAGEN: tuple[Vraag, ...] = (
    Vraag("waarom_nu", "Waarom meld je het dossier nu aan?"),
    Vraag("geweld_bij_aanvang", "Over welk geweld gaat het: wat was de situatie bij aanvang?"),
    Vraag("geweld_nu", "Wat is de huidige situatie?"),
    Vraag("voornaamste_risicos", "Wat zijn volgens de aanmelder de voornaamste risico's?"),
    Vraag("clienten_en_relaties", "Wie zijn de cliënten en hoe verhouden ze zich tot elkaar?"),
    Vraag(
        "wensen_en_noden",
        "Wat zijn de wensen, noden en vragen van de cliënten?",
        "Vraagverheldering bij het cliëntsysteem: pleger, slachtoffer, kind +12.",
    ),
    Vraag("betrokken_diensten", "Welke diensten en partners zijn betrokken, en hoe?"),
    Vraag(
        "veiligheidsplan",
        "Is er al een of andere vorm van veiligheidsplan?",
        "Een sjabloon vind je {sjablonen}.",
    ),
    Vraag("vragen_en_verwachtingen", "Welke vragen en verwachtingen heeft de aanmelder?"),
)

ROL_LABELS: dict[str, str] = {
    "slachtoffer": "slachtoffer",
    "pleger": "pleger",
    "kind": "kind",
    "ander": "ander (bv. grootouder, nieuwe partner)",
}

RELATIE_LABELS: dict[str, str] = {
    "partner": "partner van",
    "ex-partner": "ex-partner van",
    "ouder-van": "ouder van",
    "kind-van": "kind van",
    "broer-zus": "broer of zus van",
    "grootouder-van": "grootouder van",
    "kleinkind-van": "kleinkind van",
    "ander": "andere band met",
}

# The relation words with a form per sex (the member is <soort> of the other): (neutral, man, vrouw).
# Sex-neutral only when the member's sex is not recorded (x or onbekend): "zus van", never "broer of zus
# van" for a woman (issue 16 trial). partner and ex-partner have one form.
FAMILIEWOORDEN: dict[str, tuple[str, str, str]] = {
    "partner": ("partner", "partner", "partner"),
    "ex-partner": ("ex-partner", "ex-partner", "ex-partner"),
    "ouder-van": ("ouder", "vader", "moeder"),
    "kind-van": ("kind", "zoon", "dochter"),
    "broer-zus": ("broer of zus", "broer", "zus"),
    "grootouder-van": ("grootouder", "grootvader", "grootmoeder"),
    "kleinkind-van": ("kleinkind", "kleinzoon", "kleindochter"),
}


def familiewoord(soort: str, geslacht: str | None = None) -> str:
    """The noun of a relation kind for a member of this sex: ("broer-zus", "vrouw") -> "zus",
    ("ouder-van", "man") -> "vader", ("kind-van", "onbekend") -> "kind". An unknown kind comes back as
    it is; "ander" gives "andere band"."""
    if soort == "ander":
        return "andere band"
    vormen = FAMILIEWOORDEN.get(soort)
    if vormen is None:
        return soort
    return vormen[{"man": 1, "vrouw": 2}.get(geslacht or "", 0)]


def relatie_woorden(soort: str, geslacht: str | None = None) -> str:
    """A relation put into words, from the side of the member who has it (its ``geslacht``):
    "zus van", "vader van", "partner van", "andere band met" (the one place relations become words:
    documents, ``dossier show``, the member wizard)."""
    return familiewoord(soort, geslacht) + (" met" if soort == "ander" else " van")


# how a couple is or was together (model.PartnerVorm; issue 16): the genogram draws gehuwd solid,
# samenwonend dashed, uit elkaar with one slash, gescheiden with two
VORM_LABELS: dict[str, str] = {
    "gehuwd": "gehuwd",
    "samenwonend": "samenwonend (niet gehuwd)",
    "uit-elkaar": "uit elkaar (feitelijk gescheiden of niet gehuwd)",
    "gescheiden": "gescheiden (echtscheiding)",
}
# a vorm as a relation kind on the command line (`--relatie m2:gescheiden`): the soort it belongs to
SOORT_VAN_VORM: dict[str, str] = {"gehuwd": "partner", "samenwonend": "partner", "uit-elkaar": "ex-partner",
                                  "gescheiden": "ex-partner"}

# The relation seen from the other side, so the wizard can record both directions.
OMGEKEERDE_RELATIE: dict[str, str] = {
    "partner": "partner",
    "ex-partner": "ex-partner",
    "ouder-van": "kind-van",
    "kind-van": "ouder-van",
    "broer-zus": "broer-zus",
    "grootouder-van": "kleinkind-van",
    "kleinkind-van": "grootouder-van",
    "ander": "ander",
}

# The kinds of services (decisions D6), in the order a wizard offers them; keys are model.DienstSoort.
# Regional names map onto these: West-Vlaanderen's "Jongerenwelzijn (OSD)" and the OCJ are ocj-sdj.
DIENST_LABELS: dict[str, str] = {
    "politie": "politie",
    "parket": "parket",
    "justitiehuis": "justitiehuis",
    "caw": "CAW (centrum algemeen welzijnswerk)",
    "cgg": "CGG (centrum geestelijke gezondheidszorg)",
    "vk": "Vertrouwenscentrum Kindermishandeling (VK)",
    "ocj-sdj": "OCJ of sociale dienst jeugdrechtbank (consulent)",
    "psd": "psychosociale dienst van de gevangenis (PSD)",
    "jww": "Justitieel Welzijnswerk (JWW)",
    "ocmw": "OCMW",
    "kind-en-gezin": "Kind en Gezin",
    "clb": "CLB",
    "huisarts": "huisarts",
    "slachtofferhulp": "slachtofferhulp",
    "ander": "andere dienst of partner",
}

# keys are model.Geslacht; the genogram draws man as a square, vrouw as a circle, x and onbekend as a
# diamond (McGoldrick-Gerson notation, issue 16)
GESLACHT_LABELS: dict[str, str] = {
    "man": "man",
    "vrouw": "vrouw",
    "x": "x (anders of niet-binair)",
    "onbekend": "onbekend",
}

DETENTIE_LABELS: dict[str, str] = {
    "voorlopige-hechtenis": "voorlopige hechtenis",
    "veroordeeld": "veroordeeld (strafuitvoering)",
}

FASE_LABELS: dict[str, str] = {
    "aanmelding": "aanmelding",
    "verkenning": "verkenning",
    "casusregie": "casusregie",
    "ketenaanpak-zonder-regisseur": "ketenaanpak zonder regisseur",
    "geen-instemming": "geen instemming",
    "niet-ingestroomd": "niet ingestroomd",
    "afgerond": "afgerond",
    "afgesloten": "afgesloten",
}

# Which fase follows an ICO conclusion (decisions D8, guide L137-184, L328-344).
FASE_NA_ICO: dict[str, str] = {
    "herbespreking": "verkenning",
    "geen-ketenaanpak": "niet-ingestroomd",
    "ketenaanpak-zonder-regisseur": "ketenaanpak-zonder-regisseur",
    "ketenaanpak-met-casusregie": "casusregie",
}
# An ICO outcome can be recorded in these fases (after `geen-instemming` the aanmelder may come back).
FASEN_VOOR_ICO: tuple[str, ...] = ("aanmelding", "verkenning", "geen-instemming")


def fase_na_ico(conclusie: str, volwassen_instemming: bool) -> str:
    """Casusregie starts only once an adult member consents (D17); otherwise fase geen-instemming."""
    fase = FASE_NA_ICO[conclusie]
    if fase == "casusregie" and not volwassen_instemming:
        return "geen-instemming"
    return fase


# Before casusregie (D8): the verkennend overleg and the consent are what comes next.
FASEN_VOOR_CASUSREGIE: tuple[str, ...] = ("aanmelding", "verkenning", "geen-instemming")
# the fases in which there is, or was, an active casusregie (the others: "nog geen actieve casusregie",
# L1509-1511: then the parket contact of the region links, not a regisseur)
FASEN_MET_REGIE: tuple[str, ...] = ("casusregie", "afgerond", "afgesloten")


def regie_actief(d: Any) -> bool:
    """Whether the dossier has (or had) an active casusregie: the one reading for the checklists'
    condition and the documents' signature (CO3-gids L1499-1511, D22)."""
    return d.fase in FASEN_MET_REGIE


def zonder_instemming(d: Any, op: date) -> bool:
    """A dossier in casusregie without any valid consent of an adult member (guide L131-135, D17).

    Casusregie can only start once one adult consents; a dossier imported or edited into fase
    casusregie without one, or whose last adult consent was withdrawn, is blocked on this.
    """
    return d.fase == "casusregie" and not d.volwassen_instemming(op)


def instemming_melding(d: Any) -> tuple[str, str]:
    """(message, what to do) in Dutch for a dossier in casusregie without an adult's consent."""
    return (f"Dossier {d.id} is in casusregie zonder geldige instemming van een volwassen gezinslid: casusregie "
            "kan pas starten zodra één volwassene instemt (gids L131-135).",
            f"Registreer de instemming met `ketencli dossier instemming {d.id} LID --datum DATUM`.")


def fase_na_instemming(d: Any, op: date) -> str | None:
    """The fase a consent moves the dossier to, or None: a dossier in ``geen-instemming`` after the
    conclusion 'ketenaanpak met casusregie' starts casusregie once an adult consents (L133-135, D8)."""
    if (d.fase == "geen-instemming" and d.ico is not None and d.ico.conclusie == "ketenaanpak-met-casusregie"
            and d.volwassen_instemming(op)):
        return "casusregie"
    return None


def start_casusregie(d: Any, vanaf: date, op: date) -> date | None:
    """When casusregie starts (guide L131-135, D17): on ``vanaf`` (the ICO, or a later start the user
    gave) but never before the first day on which an adult member's consent is recorded; None while
    no adult consents on ``op``."""
    volwassen = [lid.instemming.datum for lid in d.instemmers() if lid.is_volwassen(op) and lid.instemming.datum]
    if not volwassen:
        return None
    return max(vanaf, min(volwassen))


def ontbrekend_advies(conclusie: str, advies: str) -> str | None:
    """What is missing from the advice to the aanmelder for this outcome of the verkennend overleg, or None.

    Guide II.D (L314-320): when the dossier does not enter the chain approach the aanmelder always
    receives a multidisciplinary advice with attention for safety, and always advice on making a
    veiligheidsplan. So ``geen-ketenaanpak`` needs an advice that names the veiligheidsplan (or the
    family's safety). Returns a Dutch sentence for the message; other conclusions need nothing here.
    """
    if conclusie != "geen-ketenaanpak":
        return None
    if not advies.strip():
        return ("Bij 'geen ketenaanpak' krijgt de aanmelder altijd een advies, met bijzondere aandacht voor "
                "veiligheid en een advies voor een veiligheidsplan (gids II.D)")
    if "veiligheid" not in advies.lower():
        return ("Het advies aan de aanmelder noemt geen veiligheidsplan: de aanmelder krijgt altijd een advies "
                "voor het opmaken van een veiligheidsplan (gids II.D)")
    return None


ICO_LABELS: dict[str, str] = {
    "geen-ketenaanpak": "geen nood aan ketenaanpak (advies aan de aanmelder)",
    "ketenaanpak-zonder-regisseur": "ketenaanpak zonder casusregisseur",
    "ketenaanpak-met-casusregie": "ketenaanpak met casusregie",
    "herbespreking": "herbespreking op een volgende zitting (informatie ontbreekt)",
}


def wederkerige_relaties(leden: list[dict], lid_id: str | None = None) -> list[dict]:
    """Add each relation from the other side when that side records nothing about the pair.

    ``leden`` are member dicts (id, relaties); with ``lid_id`` only that member's relations are
    mirrored. Returns new dicts; the input is not changed.
    """
    uit = [{**lid, "relaties": [dict(r) for r in lid.get("relaties", [])]} for lid in leden]
    per_id = {lid["id"]: lid for lid in uit}
    for lid in uit:
        if lid_id is not None and lid["id"] != lid_id:
            continue
        for relatie in lid["relaties"]:
            ander = per_id.get(relatie["met"])
            if ander is not None and not any(r["met"] == lid["id"] for r in ander["relaties"]):
                omgekeerd = {"met": lid["id"], "soort": OMGEKEERDE_RELATIE[relatie["soort"]]}
                for gedeeld in ("sinds", "vorm"):  # the pair's start date and vorm are the same from both sides
                    if relatie.get(gedeeld):
                        omgekeerd[gedeeld] = relatie[gedeeld]
                ander["relaties"].append(omgekeerd)
    for lid in uit:
        if not lid["relaties"]:
            del lid["relaties"]
    return uit
