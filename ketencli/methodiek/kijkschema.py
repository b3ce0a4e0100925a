"""The kijkschema 'risico- en beschermende factoren IFG' of the CO3 guide (annex E.10), as data.

Pure data and pure functions: no I/O, no printing. Six domains, each with the guide's risk factors
(strike what does not apply, keep what applies or is unknown) and protective factors, in the guide's
order. ``label`` is the guide's own wording of the factor (its head, up to the colon or the
parenthesised examples); ``toelichting`` holds the examples or explanation the guide adds. Line
numbers (``# guide L2147-2168``) point into ``co3-gids.txt``.

Keys are stable lowercase kebab-case, prefixed by a short form of the domain, and unique over all
domains: dossiers store them, so never rename one.
"""

from __future__ import annotations

import difflib
from dataclasses import dataclass
from typing import Any, Literal

Soort = Literal["risico", "beschermend"]


@dataclass(frozen=True)
class Domein:
    key: str
    naam: str
    uitleg: str


@dataclass(frozen=True)
class Factor:
    key: str
    domein: str
    soort: Soort
    label: str
    toelichting: str = ""


# guide L2132-2306 (section E.10 "Kijkschema"); the worked example E.11 follows at L2307.
DOMEINEN: tuple[Domein, ...] = (
    Domein(
        "geweld",
        "GEWELD",
        "Het geweld zelf: bedreiging, voorgeschiedenis, escalatie en angst om de veiligheid.",
    ),
    Domein(
        "individu",
        "INDIVIDU",
        "Wat bij elke betrokkene afzonderlijk speelt: geweld en slachtofferschap buiten de relatie, "
        "middelen en stress.",
    ),
    Domein(
        "interactie",
        "INTERACTIE",
        "De dynamiek tussen de gezinsleden: afhankelijkheid en stress binnen het gezin en de relatie.",
    ),
    Domein(
        "professionele-ondersteuning",
        "PROFESSIONELE ONDERSTEUNING",
        "De toegang tot en de ervaringen met hulpverlening, politie en justitie.",
    ),
    Domein(
        "sociale-ondersteuning",
        "SOCIALE ONDERSTEUNING",
        "De steun en sociale controle vanuit het eigen netwerk van het gezin.",
    ),
    Domein(
        "kind",
        "KIND",
        "De veiligheid, bescherming en veerkracht van het kind en wat het kind meemaakt.",
    ),
)

FACTOREN: tuple[Factor, ...] = (
    # GEWELD — guide L2147-2168: risk L2147-2160 (4), protective L2162-2168 (3)
    Factor(
        "geweld-bedreiging",
        "geweld",
        "risico",
        "Bedreigingen met een wapen of dreiging iemand fysiek schade toe te brengen",
        "o.a. doodsbedreiging en suïcidedreiging",
    ),
    Factor("geweld-eerder", "geweld", "risico", "Eerder fysiek of seksueel geweld binnen de huidige relatie"),
    Factor(
        "geweld-escalatie",
        "geweld",
        "risico",
        "Escalatie van het geweld",
        "geweld nam toe in aard/verscheidenheid/frequentie/ernst of er was een eerder ernstig feit "
        "van geweld",
    ),
    Factor(
        "geweld-angst",
        "geweld",
        "risico",
        "Angst om de veiligheid",
        "slachtoffer vreest voor eigen leven of dat van andere gezinsleden",
    ),
    Factor(
        "geweld-veiligheidsplan",
        "geweld",
        "beschermend",
        "Er is een effectief veiligheidsplan",
        "het werkt in de praktijk",
    ),
    Factor("geweld-zelfcontrole", "geweld", "beschermend", "Er is verhoogde zelfcontrole"),
    Factor(
        "geweld-conflicthantering", "geweld", "beschermend", "Betrokkenen komen tot betere conflicthantering"
    ),
    # INDIVIDU — guide L2172-2205: risk L2172-2189 + L2202-2205 (4; the last item runs over a page
    # break), protective L2191-2201 (4)
    Factor(
        "individu-geweldpleging",
        "individu",
        "risico",
        "Geweldpleging buiten de relatie",
        "eerder veroordeeld zijn voor geweldsfeiten of geweld in eerdere relaties of andere contexten",
    ),
    Factor(
        "individu-slachtofferschap",
        "individu",
        "risico",
        "Slachtofferschap buiten de relatie",
        "herhaald slachtoffer van geweld (zowel partnergeweld als slachtofferschap als kind als "
        "geweldpleging door onbekenden)",
    ),
    Factor(
        "individu-middelenmisbruik",
        "individu",
        "risico",
        "Middelenmisbruik",
        "er is sprake van geweld onder invloed of van een verstoord functioneren",
    ),
    Factor(
        "individu-stressfactoren",
        "individu",
        "risico",
        "Stressfactoren bij het individu",
        "op het vlak van jaargezinsinkomen, werkloosheid, verblijf, psychische gezondheid … die draagkracht "
        "overschrijden en/of in relatie staan tot het geweld. Daarnaast is er een gebrekkig inzicht in het "
        "eigen psychisch functioneren en de relatie tot het gepleegde geweld.",
    ),
    Factor("individu-omgaan-met-stress", "individu", "beschermend", "Verbetering in het omgaan met stress"),
    Factor(
        "individu-persoonlijke-doelen", "individu", "beschermend", "Werken aan persoonlijke doelstellingen"
    ),
    Factor("individu-medicatie", "individu", "beschermend", "Er is aangepaste medicatie"),
    Factor(
        "individu-zelfzorg",
        "individu",
        "beschermend",
        "Motivatie tot het werken aan mentale gezondheid of het doen aan zelfzorg",
    ),
    # INTERACTIE — guide L2207-2232: risk L2207-2219 (3), protective L2221-2232 (4)
    Factor(
        "interactie-afhankelijkheid",
        "interactie",
        "risico",
        "Afhankelijkheid",
        "controle en dominantie of (emotionele, financiële…) afhankelijkheid",
    ),
    Factor(
        "interactie-stress-gezin",
        "interactie",
        "risico",
        "Stressfactoren binnen het gezin die zich uiten in agressief gedrag ten aanzien van "
        "partner/kinderen of andere inwonenden",
        "bv stressoren gerelateerd aan de kinderen of inwonende familieleden",
    ),
    Factor(
        "interactie-stress-relatie",
        "interactie",
        "risico",
        "Stressfactoren binnen de relatie",
        "dreigende relatiebreuk die zorgt voor toenemende stress of een negatieve relatiedynamiek uit "
        "zich in agressief gedrag",
    ),
    Factor(
        "interactie-communicatie",
        "interactie",
        "beschermend",
        "Verbeterde communicatie en inzicht in geweldsdynamiek",
    ),
    Factor(
        "interactie-maatregelen",
        "interactie",
        "beschermend",
        "Betrokkene houdt zich aan opgelegde maatregelen en justitiële richtlijnen",
    ),
    Factor(
        "interactie-vaardigheden",
        "interactie",
        "beschermend",
        "Verbeterde vaardigheden of verbetering m.b.t. financiën, werk/vrije tijd of huisvesting",
    ),
    Factor("interactie-regie", "interactie", "beschermend", "Verhoogde regie over het eigen leven"),
    # PROFESSIONELE ONDERSTEUNING — guide L2236-2256: risk L2236-2244 (2), protective L2249-2256 (3)
    Factor(
        "prof-geen-steun",
        "professionele-ondersteuning",
        "risico",
        "Er is geen professionele steun of er zijn obstakels in de toegang ertoe",
        "bv geen kennis, schaamte, taal",
    ),
    Factor(
        "prof-negatieve-ervaring",
        "professionele-ondersteuning",
        "risico",
        "Eerdere trajecten hadden een negatieve uitkomst of er is sprake van negatieve ervaringen met "
        "politie/justitie/hulpverlening",
        "afwijzen hulp, drop out, geen blijvend effect",
    ),
    Factor(
        "prof-bereid-opvolging",
        "professionele-ondersteuning",
        "beschermend",
        "Personen zijn bereid (terug) opvolging toe te laten",
    ),
    Factor(
        "prof-zorg-effect",
        "professionele-ondersteuning",
        "beschermend",
        "Er is professionele zorg die effect heeft op het geweld",
    ),
    Factor(
        "prof-justitie-effect",
        "professionele-ondersteuning",
        "beschermend",
        "Er zijn lopende justitiële procedures die effect hebben op het geweld",
    ),
    # SOCIALE ONDERSTEUNING — guide L2260-2276: risk L2260-2265 (2), protective L2270-2276 (4)
    Factor(
        "sociaal-geen-steun",
        "sociale-ondersteuning",
        "risico",
        "Er is momenteel geen enkele versterkende sociale ondersteuning vanuit het eigen netwerk",
    ),
    Factor(
        "sociaal-steun-inadequaat",
        "sociale-ondersteuning",
        "risico",
        "De steun van het eigen netwerk is inadequaat",
    ),
    Factor(
        "sociaal-versterkt-netwerk",
        "sociale-ondersteuning",
        "beschermend",
        "Er is een versterkt sociaal netwerk",
    ),
    Factor("sociaal-meer-steun", "sociale-ondersteuning", "beschermend", "Er is meer steun uit het netwerk"),
    Factor("sociaal-sociale-controle", "sociale-ondersteuning", "beschermend", "Er is meer sociale controle"),
    Factor(
        "sociaal-steunfiguur",
        "sociale-ondersteuning",
        "beschermend",
        "Betrokkene kan terecht bij semiprofessionele steunfiguur",
        "Burgers Aan Zet",
    ),
    # KIND — guide L2280-2306: risk L2280-2300 (4; "(leefomgeving en toezicht)" at L2293 belongs to the
    # second item across a page break), protective L2287-2306 (3; the second item continues at L2302-2303)
    Factor(
        "kind-toegang-geweigerd",
        "kind",
        "risico",
        "De toegang tot het kind wordt geweigerd door opvoeder(s) en/of onderzoek wordt belemmerd",
    ),
    Factor(
        "kind-bescherming",
        "kind",
        "risico",
        "Er zijn zorgen over bescherming (tegen gevaarlijke personen) en veiligheid",
        "leefomgeving en toezicht",
    ),
    Factor(
        "kind-slachtoffer-getuige",
        "kind",
        "risico",
        "Het kind is slachtoffer en/of getuige van IFG en/of er zijn gedragssignalen aanwezig bij het kind",
    ),
    Factor("kind-zwangerschap", "kind", "risico", "Er is sprake van fysiek geweld tijdens de zwangerschap"),
    Factor(
        "kind-steun-omgeving",
        "kind",
        "beschermend",
        "Betrokkenheid en steun in de omgeving van het kind",
        "bv affectieve band met zorgende volwassene(n)",
    ),
    Factor(
        "kind-veerkracht-ouders",
        "kind",
        "beschermend",
        "Veerkracht bij de ouders",
        "bv inzicht in de gevoels- en denkwereld van het kind, durven spreken over wat er moeilijk gaat en "
        "luisteren",
    ),
    Factor(
        "kind-vaardigheden",
        "kind",
        "beschermend",
        "Vaardigheden van het kind",
        "kan gevoelens uiten, hulp vragen",
    ),
)

_DOMEINEN = {d.key: d for d in DOMEINEN}
_FACTOREN = {f.key: f for f in FACTOREN}


def _normaal(key: str) -> str:
    """Lowercase, trimmed, spaces and underscores as hyphens ("Sociale ondersteuning" -> key)."""
    return "-".join(key.strip().lower().replace("_", " ").split())


def domein(key: str) -> Domein | None:
    """The domain with this key; its naam ("PROFESSIONELE ONDERSTEUNING") works too."""
    return _DOMEINEN.get(_normaal(key))


def factor(key: str) -> Factor | None:
    """The factor with this key (case and surrounding blanks ignored), or None."""
    return _FACTOREN.get(_normaal(key))


def factoren(domein: str | None = None, soort: Soort | None = None) -> tuple[Factor, ...]:
    """The factors in the guide's order, optionally of one domain and/or one soort."""
    dkey = _normaal(domein) if domein is not None else None
    return tuple(
        f for f in FACTOREN if (dkey is None or f.domein == dkey) and (soort is None or f.soort == soort)
    )


def dichtste_factoren(key: str, n: int = 3) -> list[str]:
    """Up to ``n`` existing factor keys closest to a mistyped ``key``, best first.

    Compares with the whole key and with the part after the domain prefix, so "escalatie" finds
    "geweld-escalatie" as well as "geweld-escalatei" does.
    """
    gezocht = _normaal(key)
    if not gezocht or n <= 0:
        return []
    scores: list[tuple[float, str]] = []
    for k in _FACTOREN:
        staart = k.split("-", 1)[1]
        score = max(
            difflib.SequenceMatcher(None, gezocht, k).ratio(),
            difflib.SequenceMatcher(None, gezocht, staart).ratio(),
        )
        if len(gezocht) >= 4 and gezocht in k:
            score = max(score, 0.8)
        if score >= 0.6:
            scores.append((score, k))
    scores.sort(key=lambda s: (-s[0], s[1]))
    return [k for _, k in scores[:n]]


def lege_domeinen(moment: Any) -> list[Domein]:
    """The domains of which no factor was scored in ``moment`` (a ``model.KijkschemaMoment``): the
    kijkschema is meant to be filled for all six domains (guide L2132-2306, issue 15 §4)."""
    gescoord = {f.domein for b in moment.factoren if (f := factor(b.factor)) is not None}
    return [d for d in DOMEINEN if d.key not in gescoord]
