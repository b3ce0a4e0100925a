"""The five IFG-profielen (Verwey-Jonker Instituut) of the CO3 guide (annex E.2), as data.

Pure data and pure functions: no I/O, no printing. Profiles do not exclude each other and may
overlap in one family (guide L1865-1877); every PvA should consider which apply. ``kenmerken`` and
``pva_richtlijnen`` are the guide's points, shortened; line numbers point into ``co3-gids.txt``.

``afgeraden`` and the keyword tuples are lowercase words or phrases that a rule may look for in the
action texts of a PvA (substring match on lowercased text); ``trefwoorden_in`` does that match and
skips the usual false positives (``schuldbemiddeling`` is debt counselling, not mediation between
partners).
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class IfgProfiel:
    key: str
    naam: str
    kenmerken: tuple[str, ...]
    pva_richtlijnen: tuple[str, ...]
    afgeraden: tuple[str, ...] = ()


PROFIELEN: tuple[IfgProfiel, ...] = (
    # guide L1881-1914
    IfgProfiel(
        key="intiem-terrorisme",
        naam="Intiem terrorisme",
        kenmerken=(
            "Eenzijdige dynamiek gericht op macht en controle over de partner: uni-directioneel, "
            "vooral vanuit een interne problematiek van de pleger",
            "Motivatie van het geweld is macht en controle: beperking van de bewegingsvrijheid van het "
            "slachtoffer, verregaande controle en angst",
            "Vaak extreme machtsongelijkheid of afhankelijkheid in de relatie, maar soms ook een sterke "
            "partner",
            "Pleger heeft geen probleembesef en vaak geen verlangen om het gedrag te veranderen",
            "Slachtoffer voelt zich continu bedreigd",
            "Bij twee derde ernstig fysiek geweld",
            "Aanleiding van geweldsescalatie vaak onduidelijk: het geweld ontstaat niet vanuit escalerende "
            "conflicten",
            "Kinderen zijn vaak getuige en medeslachtoffer",
        ),
        pva_richtlijnen=(
            "Werk apart met pleger en slachtoffer; start de hulpverlening voor elk apart op",
            "Koppeltherapie en bemiddeling zijn afgeraden omwille van de ongelijke machtsverhoudingen: "
            "risico om de pleger nog sterker te maken",
            "Beveilig slachtoffer en kinderen; stel met het slachtoffer een veiligheidsplan op",
            "Politieoptreden en maatregelen vanuit een justitieel kader (externe motivatie, stok achter de "
            "deur) zijn aangeraden",
            "Te vermijden: elektronisch toezicht",
        ),
        # L1908-1910 "koppeltherapie en bemiddeling worden afgeraden"; "relatietherapie" is the same
        # intervention under the name the guide uses at L1940 (D19). L1914 "Te vermijden: elektronisch
        # toezicht"; "enkelband" is its everyday Flemish name. D19 makes only the first three a `fout`.
        afgeraden=("koppeltherapie", "relatietherapie", "bemiddeling", "elektronisch toezicht", "enkelband"),
    ),
    # guide L1916-1954
    IfgProfiel(
        key="situationeel-geweld",
        naam="Situationeel geweld",
        kenmerken=(
            "Escalerende conflicten tussen het koppel: het geweld ontstaat vooral door de relationele "
            "dynamiek tussen de partners",
            "Onderscheid tussen het aandeel in de opbouw van conflicten en de verantwoordelijkheid voor het "
            "gebruikte geweld",
            "Bi-directioneel geweld: beiden triggeren het geweld; soms is onduidelijk wie dader en wie "
            "slachtoffer is",
            "Min of meer gelijke machtsverhouding in de relatie",
            "Stress leidt tot conflicten; geweld vanuit frustratieagressie bouwt zich op volgens een patroon",
            "Slachtoffer kan meestal inschatten wanneer het geweld ontstaat en voelt zich niet continu "
            "bedreigd",
            "Kinderen zijn meestal alleen getuige",
        ),
        pva_richtlijnen=(
            "Partners in de escalatie zijn partners bij de oplossing: opties zijn bv. relatietherapie of "
            "bemiddeling",
            "Pak de stressbronnen aan: analyseer de risicofactoren en zet hulpverlening of begeleiding in "
            "die de stressfactoren wegneemt (bv. werkloosheid, schulden, opvoedingsproblemen)",
            "Faseer en prioriteer: wat moet eerst aangepakt worden? Veel problemen betekent vaak veel "
            "hulpverlening",
            "Traumahulpverlening voor het kind",
            "Emotieregulatie als hulp bij een aangeleerd gedragspatroon of een mogelijk trauma uit het "
            "verleden",
        ),
    ),
    # guide L1956-1983
    IfgProfiel(
        key="opvoedstress",
        naam="Opvoedstress",
        kenmerken=(
            "Verschil in opvoedstijl is vaak de basis van de conflicten",
            "(Ernstige) gedragsproblemen van kinderen: een reactie op het geweld in huis of voortkomend uit "
            "aangeboren problematiek",
            "Het gedrag van het kind kan conflicten en geweld veroorzaken tussen de ouders of tussen ouder "
            "en kind",
            "Veel opvoedstress en onveiligheid voor de gezinsleden",
        ),
        pva_richtlijnen=(
            "Breng in kaart welke risico's de problematiek van het kind meebrengt voor de veiligheid van het "
            "kind zelf en van de omgeving (bv. extra kwetsbaar voor mishandeling, overbelaste ouders)",
            "Breng in kaart welke factoren het gedrag veroorzaken of in stand houden en welke kunnen "
            "veranderen, bv. door therapie of (praktische) ondersteuning",
            "Heb aandacht voor de balans draagkracht-draaglast van de opvoeders en ontlast hen waar nodig",
            "Kijk bij gedragsproblemen waar het gedrag vandaan komt en vraag naar het verleden: is de "
            "problematiek van het kind oorzaak of gevolg?",
        ),
    ),
    # guide L1985-2010
    IfgProfiel(
        key="langdurige-zorg",
        naam="Langdurige zorg",
        kenmerken=(
            "Eén of beide partners heeft door individuele problematiek (een beperking of psychische "
            "problemen) langdurige zorg nodig",
            "Veel verbaal geweld",
            "Vaak een onveilige opvoedsituatie voor de kinderen of verwaarlozing",
        ),
        pva_richtlijnen=(
            "Zet in op langdurige en laagdrempelige zorg",
            "Stel bodemeisen aan de veiligheid van de opvoedsituatie",
            "Breng in kaart wat de beperking of problematiek van de ouder betekent voor de veiligheid van "
            "het kind",
            "Neem ook de beschermende factoren mee, bv. een betrokken stabiel netwerk",
            "Ga altijd met het kind in gesprek over welbevinden en veiligheid, liefst alleen, zonder de "
            "ouders",
            "Investeer in een netwerk dat steun biedt om een veilige ontwikkeling van de kinderen te borgen",
            "Stel realistische doelen, zodat er vooruitgang is en de ouders hun motivatie voor en vertrouwen "
            "in de hulpverlening behouden",
        ),
    ),
    # guide L2012-2039
    IfgProfiel(
        key="vechtscheiding",
        naam="Vechtscheiding",
        kenmerken=(
            "Complexe conflictscheiding",
            "Problemen vooral rond de omgangsregeling",
            "Psychisch geweld en een juridisch gevecht om de kinderen",
            "Kinderen hebben last van de conflicten van de ouders",
            "Loyaliteitsproblemen bij de kinderen",
        ),
        pva_richtlijnen=(
            "Spreek ouders en kinderen individueel; bespreek hoe de relaties waren voor de scheiding en hoe "
            "ze het laatste half jaar zijn",
            "Zoek mee naar manieren om zo weinig mogelijk contact te hebben en toch gezamenlijk ouderschap "
            "mogelijk te maken",
            "Voer bij onveiligheid de gesprekken nooit met beide ouders samen en focus op parallel solo "
            "ouderschap",
            "Maak het kind weerbaarder, zodat het durft uit te spreken waar het behoefte aan heeft",
            "Werk ernaar toe dat elke ouder na de scheiding een eigen relatie met het kind opbouwt; "
            "(opvoed)hulp is daarop gericht",
        ),
    ),
)

# Situationeel geweld: "Stressbronnen aanpakken" (L1942-1945: werkloosheid, schulden,
# opvoedingsproblemen). The other stress sources come from the kijkschema: jaargezinsinkomen,
# werkloosheid, verblijf, psychische gezondheid (L2186-2188), financiën, werk, huisvesting
# (L2228-2230), middelenmisbruik (L2182). Stems and the usual Flemish services (VDAB, OCMW,
# budgetbeheer) are added so that action texts match.
STRESSBRONNEN_TREFWOORDEN: tuple[str, ...] = (
    "werkloos",
    "werkzoek",
    "tewerkstelling",
    "vdab",
    "job",
    "inkomen",
    "leefloon",
    "ocmw",
    "financ",
    "schuld",
    "budget",
    "huisvesting",
    "woning",
    "verblijf",
    "opvoeding",
    "psychisch",
    "verslaving",
    "middelengebruik",
    "middelenmisbruik",
    "alcohol",
    "drug",
    "cannabis",
)

# Vechtscheiding: "Voer bij onveiligheid de gesprekken nooit met beide ouders samen" (L2028-2029);
# mediation between the parents is such a joint talk. D19: flag only when there is onveiligheid.
GEZAMENLIJK_GESPREK_TREFWOORDEN: tuple[str, ...] = (
    "gezamenlijk gesprek",
    "gezamenlijke gesprek",
    "gezamenlijk overleg",
    "beide ouders samen",
    "samen met beide ouders",
    "samen met de beide ouders",
    "vader en moeder samen",
    "samen met vader en moeder",
    "koppelgesprek",
    "bemiddeling",
)

# Per keyword, words that contain it but name something else: trefwoorden_in ignores the keyword
# inside them (debt or job mediation is no mediation between partners or parents).
UITZONDERINGEN: dict[str, tuple[str, ...]] = {
    "bemiddeling": (
        "schuldbemiddeling",
        "arbeidsbemiddeling",
        "woonbemiddeling",
        "huurbemiddeling",
        "jobbemiddeling",
    ),
}

_PROFIELEN = {p.key: p for p in PROFIELEN}


def profiel(key: str) -> IfgProfiel | None:
    """The profile with this key (case, blanks and "Intiem terrorisme"-style naming ignored)."""
    return _PROFIELEN.get("-".join(key.strip().lower().replace("_", " ").split()))


def trefwoorden_in(tekst: str, trefwoorden: tuple[str, ...]) -> tuple[str, ...]:
    """The keywords that occur in ``tekst`` (lowercased substring match), outside their ``UITZONDERINGEN``.

    ``trefwoorden_in("Schuldbemiddeling via OCMW", ("bemiddeling",))`` finds nothing;
    ``trefwoorden_in("Relatietherapie bij CGG", profiel("intiem-terrorisme").afgeraden)`` finds
    ``("relatietherapie",)``.
    """
    schoon = " ".join(tekst.lower().split())
    gevonden = []
    for w in trefwoorden:
        hier = schoon
        for uitzondering in UITZONDERINGEN.get(w, ()):
            hier = hier.replace(uitzondering, " ")
        if w in hier:
            gevonden.append(w)
    return tuple(gevonden)
