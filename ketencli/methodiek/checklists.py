"""The casusregie checklists of the CO3 guide (section III B-E) and annexes A-D, as data.

Pure data and pure functions: no I/O, no printing. Every item of the guide's checklists is here,
reworded in ketencli's own Dutch; ``bron`` points at the first line of the item in
``co3-gids.txt`` (``L533``). Keys are stable kebab-case and unique over all lists, so dossiers can
record progress per item. The four casusregie checklists are keyed ``horen``, ``plan``,
``opvolgen`` and ``loslaten`` (decisions D9); ``fase`` means the dossier lifecycle, never these.
``VOOR_CASUSREGIE`` (key ``voor-casusregie``) holds the steps before casusregie (the verkennend
overleg and the consent of one adult, L131-135, L314; D8): it applies only in the fases before
casusregie and is neither a casusregiefase nor an annex.

``afleiding`` names a rule (see ``AFLEIDINGEN``) by which another module may derive an item from
dossier data; ``""`` means the regisseur ticks it by hand. ``voorwaarde`` (see ``VOORWAARDEN``)
says when a list or an item applies at all; ``""`` means always.
"""

from __future__ import annotations

import difflib
from dataclasses import dataclass, replace
from typing import Literal

Afleiding = Literal[
    "",
    "instemming-volwassene",
    "gezinsleden-gehoord",
    "minderjarigen-gesproken",
    "veiligheidsplan",
    "458ter-uitgelegd",
    "kijkschema-actueel",
    "beschermende-factoren",
    "pva-opgemaakt",
    "pva-doelstellingen",
    "pva-begeleiding",
    "pva-eigen-netwerk",
    "netwerkoverleg",
    "weegploeg-pva",
    "rondetafel-geagendeerd",
    "afrondingstoets",
    "weegploeg-afronding",
    "check-zes-maanden",
    "afsluiting-rondetafel",
    "consulent-afstemming",
    "consulent-pv-geinformeerd",
    "incident-afspraken",
    "consulent-afronding",
    "bijlage-d-route",
    "intake-geagendeerd",
    "intake-uitkomst",
    "knelpunten",
    "knelpunten-afronding",
]

# What each derivation rule means (for the module that implements them; Dutch-free on purpose).
AFLEIDINGEN: dict[str, str] = {
    "instemming-volwassene": "at least one adult member has a consent that is not withdrawn (D17)",
    "gezinsleden-gehoord": "a contact with every member not marked tijdelijk_niet_betrokken is recorded",
    "minderjarigen-gesproken": "a talk with every child of 12 or older (D16) is recorded",
    "veiligheidsplan": "a veiligheidsplan (safety agreements) is recorded for the dossier",
    "458ter-uitgelegd": "the 458ter explanation was recorded as given to the family",
    "kijkschema-actueel": "a kijkschema snapshot exists since the start of casusregie",
    "beschermende-factoren": "the latest kijkschema snapshot marks at least one protective factor",
    "pva-opgemaakt": "the PvA has at least one row with an action",
    "pva-doelstellingen": "the PvA has at least one doelstelling (D18)",
    "pva-begeleiding": "every PvA action has a begeleiding (a service, not the regisseur)",
    "pva-eigen-netwerk": "the family's own network appears in at least one PvA action (D19)",
    "netwerkoverleg": "a tijdlijn entry of kind 'overleg' exists since the start of casusregie",
    "weegploeg-pva": "the PvA was discussed (besproken, D29) at the table with role 'plan' (weegploeg)",
    "rondetafel-geagendeerd": "the dossier was agendaed at the table with role 'opvolging'",
    "afrondingstoets": "the afronding check has no criterion 'niet-voldaan'",
    "weegploeg-afronding": "the afronding was discussed (besproken, D29) at the table with role 'plan' (weegploeg)",
    "check-zes-maanden": "the check six months after afronding is recorded (D25)",
    "afsluiting-rondetafel": "the dossier reached fase 'afgesloten' at the table with role 'afsluiting'",
    "consulent-afstemming": "last alignment with the ocj-sdj consulent is at most "
    "BIJLAGE_B_AFSTEMMING_MAANDEN months ago",
    "consulent-pv-geinformeerd": "every pv/incident since the consulent got involved has its "
    "'consulent informeren' item done (D21)",
    "incident-afspraken": "every incident has the annex B questions answered (D21)",
    "consulent-afronding": "alignment with the consulent before afronding is recorded (D21, L1457)",
    "bijlage-d-route": "which annex D route applies to each detainee (one mail, or the Kempen letter, D22)",
    "intake-geagendeerd": "the dossier was agendaed at the table with role 'intake', or its outcome is recorded",
    "intake-uitkomst": "the outcome of the verkennend overleg is recorded (not a herbespreking still to come)",
    "knelpunten": "a knelpunt (issue 17) is recorded since the start of casusregie; 'geen' is a manual tick",
    "knelpunten-afronding": "a knelpunt is recorded since the afronding started; 'geen' is a manual tick",
}

Voorwaarde = Literal[
    "",
    "kind-ouder-dan-12",
    "ocj-sdj-betrokken",
    "justitiehuis-betrokken",
    "dringende-maatregel",
    "lid-gedetineerd",
    "kempen-gevangenis",
    "gevangenis-buiten-kempen",
    "geen-actieve-regie",
    "voor-casusregie",
]

# When a list or an item applies (for the module that evaluates them).
VOORWAARDEN: dict[str, str] = {
    "kind-ouder-dan-12": "a member with role 'kind' is 12 or older on the day asked (D16)",
    "ocj-sdj-betrokken": "a service of soort 'ocj-sdj' is involved (D6, D21)",
    "justitiehuis-betrokken": "a service of soort 'justitiehuis' (justitieassistent) is involved",
    "dringende-maatregel": "a table (ICO, RT, WP) decided a judicial measure is urgent (L1466)",
    "lid-gedetineerd": "a member has a current detentie (D5)",
    "kempen-gevangenis": "a member is detained in a Kempen prison (JWW Turnhout, D22)",
    "gevangenis-buiten-kempen": "a member is detained in a prison outside the Kempen (one mail to PSD and JWW)",
    "geen-actieve-regie": "the family is known to CO3 but no casusregie is active yet (L1509)",
    "voor-casusregie": "fase aanmelding, verkenning or geen-instemming: the steps before casusregie (D8)",
}

# Annex B: the consulent and the regisseur align at least every three months (L1232-1234).
BIJLAGE_B_AFSTEMMING_MAANDEN = 3


@dataclass(frozen=True)
class Item:
    """One checklist item."""

    key: str
    tekst: str  # the item, Dutch
    hint: str = ""  # short why/how, Dutch
    afleiding: str = ""  # key in AFLEIDINGEN; "" = manual only
    per_kind: bool = False  # done once per child of 12 or older
    bron: str = ""  # first line in co3-gids.txt, e.g. "L533"
    sectie: str = ""  # annex A/B: the section of the annex the item belongs to
    voorwaarde: str = ""  # key in VOORWAARDEN; "" = always applies


@dataclass(frozen=True)
class Checklist:
    """A checklist: one of the four casusregiefasen or an annex."""

    key: str
    naam: str
    items: tuple[Item, ...]
    voorwaarde: str = ""  # key in VOORWAARDEN; "" = always

    def secties(self) -> tuple[str, ...]:
        """The distinct sections of the items, in order of appearance ("" left out)."""
        gezien: list[str] = []
        for it in self.items:
            if it.sectie and it.sectie not in gezien:
                gezien.append(it.sectie)
        return tuple(gezien)


HOREN = Checklist(
    key="horen",
    naam="Horen van het gezin en partners",
    items=(
        Item(
            "voorstellen-regisseur",
            "Stel jezelf voor als casusregisseur en leg uit wat casusregie is.",
            "Het gezin moet weten wie jij bent en dat jij de acties van alle diensten op elkaar afstemt, "
            "zonder zelf hulpverlener te zijn.",
            bron="L533",
        ),
        Item(
            "co3-voorstellen",
            "Stel {organisatie} en de doelen van de ketenaanpak voor.",
            "Gebruik de cliëntfolder: geweld doen stoppen en herhaling voorkomen, voor het hele gezin.",
            bron="L534",
        ),
        Item(
            "instemming-nagaan",
            "Ga na of minstens één (volwassen) gezinslid heeft ingestemd met de ketenaanpak.",
            "Zonder instemming van minstens één volwassene kan de casusregie niet starten.",
            afleiding="instemming-volwassene",
            bron="L537",
        ),
        Item(
            "gezinsleden-spreken",
            "Spreek met elk gezinslid over zijn of haar verhaal, zorgen en wensen.",
            "Vraag ook wat volgens hen nodig is om het geweld te doen stoppen. Betrek ook wie het geweld "
            "pleegt, tenzij dat nu tot onveiligheid of escalatie zou leiden.",
            afleiding="gezinsleden-gehoord",
            bron="L538",
        ),
        Item(
            "kinderen-spreken",
            "Spreek met elk kind dat ouder is dan 12 jaar.",
            "Informeer het kind en vraag naar zijn noden; vertel niet het hele dossier. Volg de leidraad "
            "gesprek met minderjarigen (bijlage A).",
            afleiding="minderjarigen-gesproken",
            per_kind=True,
            bron="L541",
            voorwaarde="kind-ouder-dan-12",
        ),
        Item(
            "veiligheidsplan-opstellen",
            "Stel samen met het gezin een veiligheidsplan op.",
            "Wat doet ieder als de spanning oploopt, wie kan je bellen, waar kan je heen? Sjabloon: "
            "{sjablonen}.",
            afleiding="veiligheidsplan",
            bron="L544",
        ),
        Item(
            "rol-diensten-nagaan",
            "Vraag na welke rol elke betrokken dienst heeft.",
            "Wie al aan de slag is, staat in het verslag van het verkennend overleg. Neem met elke dienst "
            "contact op.",
            bron="L545",
        ),
        Item(
            "uitleg-458ter",
            "Leg uit dat informatie gedeeld kan worden op basis van het protocol 458ter.",
            "Gebruik de uitleg 458ter van ketencli: wat gedeeld wordt, met wie en waarom.",
            afleiding="458ter-uitgelegd",
            bron="L546",
        ),
        Item(
            "afspraken-communicatie",
            "Maak duidelijke afspraken over communicatie en het delen van informatie.",
            "Deel alleen wat relevant is voor de veiligheid en het plan.",
            bron="L547",
        ),
        Item(
            "afspraken-regierol-consulent",
            "Maak duidelijke afspraken over de regierol als er een consulent van OCJ of SDJ betrokken is.",
            "De consulent werkt vanuit het kind, jij vanuit het hele gezin met focus op de volwassenen "
            "(bijlage B).",
            bron="L550",
            voorwaarde="ocj-sdj-betrokken",
        ),
        Item(
            "afstemmen-justitieassistent",
            "Stem zoveel mogelijk af met de justitieassistent, of vraag voorrang aan het justitiehuis "
            "als dat nodig is.",
            "Bij een hoogdringende justitiële maatregel vraag je zelf een versnelde opstart (bijlage C).",
            bron="L553",
            voorwaarde="justitiehuis-betrokken",
        ),
        Item(
            "contact-psd-jww",
            "Leg contact met de diensten van de gevangenis als een gezinslid daar verblijft, zoals bijlage D "
            "het voor die gevangenis vraagt.",
            "Buiten de Kempen één mail aan PSD en JWW samen, alleen need-to-know; in een Kempische gevangenis "
            "een brief aan de gedetineerde en een mail aan de PSD, niet aan JWT (bijlage D).",
            afleiding="bijlage-d-route",
            bron="L558",
            voorwaarde="lid-gedetineerd",
        ),
    ),
)

PLAN = Checklist(
    key="plan",
    naam="Opmaken van een plan van aanpak op maat",
    items=(
        Item(
            "risicofactoren-kennen",
            "Ken de risicofactoren van het gezin en vul ze aan waar nodig.",
            "Vertrek van de risicotaxatie bij instroom en werk het kijkschema bij.",
            afleiding="kijkschema-actueel",
            bron="L618",
        ),
        Item(
            "beschermende-factoren",
            "Breng de beschermende factoren duidelijk in beeld.",
            "Haal ze uit de gesprekken met het gezin en de diensten; denk ook aan de kinderen "
            "(vertrouwenspersoon, veerkracht).",
            afleiding="beschermende-factoren",
            bron="L619",
        ),
        Item(
            "veiligheidsafspraken",
            "Zorg voor veiligheidsafspraken.",
            "Leg vast wie wat doet om onveiligheid te voorkomen. Sjabloon: {sjablonen}.",
            afleiding="veiligheidsplan",
            bron="L620",
        ),
        Item(
            "pva-opstellen",
            "Stel een plan van aanpak op met alle acties die nodig zijn om het geweld te stoppen.",
            "Per domein: risico- of beschermende factor, bij wie, noden, aanpak, actie, begeleiding, "
            "stavaza (bijlage E).",
            afleiding="pva-opgemaakt",
            bron="L621",
        ),
        Item(
            "wegwijzer-ifg",
            "Gebruik de Wegwijzer IFG.",
            "Je vindt er tips en tools; hij staat {sjablonen}.",
            bron="L624",
        ),
        Item(
            "netwerkoverleg-pva",
            "Organiseer netwerkoverleg met het gezin en de betrokken diensten om het plan van aanpak te "
            "maken.",
            "Een plan dat samen gemaakt is, wordt ook samen gedragen.",
            afleiding="netwerkoverleg",
            bron="L627",
        ),
        Item(
            "aanmelder-betrekken",
            "Betrek de aanmelder.",
            "De aanmelder kent het gezin en bleef verantwoordelijk tot jij startte.",
            bron="L630",
        ),
        Item(
            "doelstellingen",
            "Werk vanuit duidelijke doelstellingen.",
            "Concreet en toetsbaar: daaraan meet je later of je veilig kan loslaten.",
            afleiding="pva-doelstellingen",
            bron="L631",
        ),
        Item(
            "taakverdeling",
            "Spreek een duidelijke taak- en rolverdeling af.",
            "Elke actie heeft een dienst die ze begeleidt; jij regisseert.",
            afleiding="pva-begeleiding",
            bron="L632",
        ),
        Item(
            "eigen-netwerk-betrekken",
            "Zorg dat minstens één betrokken dienst het eigen netwerk van het gezin betrekt.",
            "Familie, vrienden en buren blijven ook na de ketenaanpak; zij dragen de veiligheid op lange "
            "termijn.",
            afleiding="pva-eigen-netwerk",
            bron="L633",
        ),
        Item(
            "pva-weegploeg",
            "Bespreek het plan van aanpak op {plan}.",
            "Ongeveer twee maanden na de start (week 10); agendeer op tijd (bijlage G).",
            afleiding="weegploeg-pva",
            bron="L636",
        ),
    ),
)

OPVOLGEN = Checklist(
    key="opvolgen",
    naam="Opvolgen van het plan",
    items=(
        Item(
            "op-de-hoogte-blijven",
            "Blijf op de hoogte van alle lopende acties en de stand van zaken, en blijf in verbinding "
            "met de betrokken diensten.",
            "Werk de kolom stavaza in het plan van aanpak regelmatig bij.",
            bron="L647",
        ),
        Item(
            "acties-afstemmen",
            "Stem de acties van het plan op elkaar af en laat ze op elkaar aansluiten.",
            "Denk vooruit over de volgende stappen, zodat er geen gaten vallen tussen acties.",
            bron="L650",
        ),
        Item(
            "terugkoppeling-gezin",
            "Koppel terug naar het gezin en vraag regelmatig of er nog geweld is.",
            "Het gezin hoort te weten hoe het plan loopt; nieuw geweld verandert het plan.",
            bron="L654",
        ),
        Item(
            "terugkoppeling-aanmelder",
            "Koppel terug naar de aanmelder.",
            "Laat de aanmelder weten hoe het loopt met het gezin dat hij aanmeldde.",
            bron="L657",
        ),
        Item(
            "netwerkoverleg-opvolgen",
            "Organiseer regelmatig netwerkoverleg met het gezin en de betrokken diensten om de acties af "
            "te stemmen.",
            afleiding="netwerkoverleg",
            bron="L658",
        ),
        Item(
            "crisis-coordineren",
            "Zorg bij een crisis voor coördinatie en betrek diensten die kunnen helpen.",
            "Bijvoorbeeld het crisisteam +18 of de politie.",
            bron="L661",
        ),
        Item(
            "ronde-tafel-agenderen",
            "Agendeer het dossier op {opvolging} wanneer dat nodig is.",
            "Voor info- en expertisedeling tussendoor; minstens één tussentijdse evaluatie na ongeveer tien "
            "maanden (bijlage F).",
            afleiding="rondetafel-geagendeerd",
            bron="L664",
        ),
        # not in the guide's checklist: the folders' "knelpunten worden doorgegeven als beleidssignaal" (issue 17)
        Item(
            "knelpunten-opvolgen",
            "Ga na of er knelpunten in de keten opdoken (een wachtlijst, geen aanbod, informatie die niet "
            "gedeeld wordt, een justitiële maatregel die te laat kwam) en noteer ze als beleidssignaal.",
            "Noteer elk knelpunt met `ketencli knelpunt add`; waren er geen, vink dit af met de notitie 'geen'.",
            afleiding="knelpunten",
            bron="co3-folder.txt L12",
        ),
    ),
)

LOSLATEN = Checklist(
    key="loslaten",
    naam="Veilig loslaten",
    items=(
        Item(
            "afrondingstoets",
            "Doe de afrondingstoets: is het geweld gestopt, is er genoeg gedaan tegen nieuw geweld, zijn "
            "er minder risicofactoren dan bij de start?",
            "Vergelijk met de risicotaxatie bij instroom. Doelen niet bereikt of gezin onbereikbaar: "
            "alleen loslaten met extra acties en afspraken over veiligheid.",
            afleiding="afrondingstoets",
            bron="L708",
        ),
        Item(
            "afrondend-gesprek",
            "Voer een afrondend gesprek met het gezin.",
            "Leid toe naar vervolghulp of bespreek hoe het gezin opnieuw hulp kan vragen als het nodig is.",
            bron="L713",
        ),
        Item(
            "afronding-afstemmen-partners",
            "Stem de afronding af met de betrokken partners.",
            "Overleg een laatste keer met alle betrokken diensten.",
            bron="L717",
        ),
        Item(
            "evaluatie-gezinsleden",
            "Vraag elk gezinslid hoe hij of zij de ketenaanpak evalueert.",
            "Gebruik eventueel het evaluatieformulier (cliëntbevraging op de website).",
            bron="L718",
        ),
        Item(
            "afronding-weegploeg",
            "Bespreek de afronding op {plan}.",
            "Motiveer kort dat de doelen van het plan en van {organisatie} bereikt zijn (bijlage G).",
            afleiding="weegploeg-afronding",
            bron="L721",
        ),
        Item(
            "check-zes-maanden",
            "Ga zes maanden na de afronding na of de vervolghulp goed gestart is en laat het de "
            "operationeel coördinator weten (indien van toepassing).",
            afleiding="check-zes-maanden",
            bron="L724",
        ),
        Item(
            "afsluiting-ronde-tafel",
            "Laat {afsluiting} het dossier afsluiten zes maanden na de afronding.",
            "Na een laatste check op nieuwe feiten bij de partners en of de vervolghulp goed gestart is.",
            afleiding="afsluiting-rondetafel",
            bron="L730",
        ),
        Item(
            "ronde-tafel-na-afronding",
            "Agendeer het dossier indien nodig sneller op {opvolging} na de afronding om te checken op nieuwe "
            "feiten.",
            "Bijvoorbeeld na drie maanden.",
            bron="L735",
        ),
        Item(
            "knelpunten-loslaten",
            "Ga bij het loslaten na of er knelpunten in de keten waren die je nog niet doorgaf, en noteer ze "
            "als beleidssignaal.",
            "Bijvoorbeeld vervolghulp met een wachtlijst. Noteer ze met `ketencli knelpunt add`; waren er geen, "
            "vink dit af met de notitie 'geen'.",
            afleiding="knelpunten-afronding",
            bron="co3-folder.txt L12",
        ),
    ),
)

FASEN: tuple[Checklist, ...] = (HOREN, PLAN, OPVOLGEN, LOSLATEN)

# Annex A: every item is done once per child of 12 or older.
_A = "kind-ouder-dan-12"


def _kind(key: str, tekst: str, hint: str, bron: str, sectie: str) -> Item:
    return Item(key, tekst, hint, per_kind=True, bron=bron, sectie=sectie)


BIJLAGE_A = Checklist(
    key="bijlage-a",
    naam="Bijlage A: gesprek met minderjarigen",
    voorwaarde=_A,
    items=(
        # Voorbereiding
        _kind(
            "kind-vorm-gesprek",
            "Vraag het kind hoe het het gesprek wil: alleen, met de ouders, met een broer of zus, met een "
            "(andere) hulpverlener erbij, of via sms of chat.",
            "Het kind kiest mee; dat geeft houvast.",
            "L1064",
            "voorbereiding",
        ),
        _kind(
            "kind-plaats-gesprek",
            "Bespreek waar het gesprek plaatsvindt en zorg voor een rustige plek waar het kind even apart "
            "kan zitten.",
            "Bijvoorbeeld op je dienst of bij een huisbezoek.",
            "L1068",
            "voorbereiding",
        ),
        _kind(
            "kind-voorstellen-bij-ouders",
            "Stel jezelf eerst voor terwijl de ouders erbij zijn.",
            'Zo hoort het kind dat de ouders het goed vinden dat het met jou praat ("je mag over ons gezin '
            'vertellen, ook over moeilijke dingen"), en praat het vrijer.',
            "L1071",
            "voorbereiding",
        ),
        _kind(
            "kind-hoog-conflict",
            "Bij hoog conflictueus ouderschap: leg je rol extra goed uit en zorg dat het kind niet klem "
            "komt te zitten.",
            "Het kind brengt geen boodschappen over voor of tegen een ouder. Erken het gevoel van klem "
            "zitten en praat erover; beslissingen blijven bij de volwassenen.",
            "L1076",
            "voorbereiding",
        ),
        # Voorstellen
        _kind(
            "kind-ouder-legt-uit",
            "Is een ouder aanwezig, vraag dan eventueel aan de ouder om uit te leggen waarom het gesprek "
            "plaatsvindt.",
            "Bereid dat vooraf met de ouder voor.",
            "L1087",
            "voorstellen",
        ),
        _kind(
            "kind-doel-gesprek",
            "Leg het doel van het gesprek goed uit: je wil jezelf voorstellen en naar het kind luisteren.",
            "",
            "L1091",
            "voorstellen",
        ),
        _kind(
            "kind-jezelf-voorstellen",
            "Stel jezelf voor.",
            "Wie je bent en wat je doet, in woorden die het kind begrijpt.",
            "L1094",
            "voorstellen",
        ),
        _kind(
            "kind-hoe-betrokken",
            "Leg uit hoe je bij het gezin betrokken bent geraakt.",
            "",
            "L1096",
            "voorstellen",
        ),
        # Voorspelbaarheid
        _kind(
            "kind-wat-weet-kind",
            "Vraag wat het kind al weet over de situatie en over de aanpak.",
            "",
            "L1102",
            "voorspelbaarheid",
        ),
        _kind(
            "kind-co3-uitleggen",
            "Leg {organisatie} uit op kindermaat.",
            "Bijvoorbeeld: je bent er omdat er spanning en geweld is thuis, en je weet dat kinderen daar "
            "last van hebben. Je werkt vooral met de ouders en zoekt met hen en de mensen rond het gezin "
            "uit wat de ruzies veroorzaakt, hoe het kan veranderen en wie daarbij kan helpen.",
            "L1103",
            "voorspelbaarheid",
        ),
        _kind(
            "kind-grenzen-gesprek",
            "Zeg duidelijk wat wel en niet de bedoeling is van het gesprek.",
            "Het gaat om een paar gesprekken, geen lange begeleiding. Je wil dat het kind weet dat je er "
            "bent en waarom, en bekijkt samen of het actief betrokken wil worden.",
            "L1110",
            "voorspelbaarheid",
        ),
        _kind(
            "kind-info-beroepsgeheim",
            "Leg op kindermaat uit wat er gebeurt met wat het kind vertelt, en wat beroepsgeheim is.",
            "Bijvoorbeeld: we willen graag jouw mening horen, maar jij beslist niet hoe het verder gaat; die "
            "verantwoordelijkheid ligt bij de volwassenen en de hulpverleners.",
            "L1118",
            "voorspelbaarheid",
        ),
        # Vertellen
        _kind(
            "kind-luisteren",
            "Luister naar wat het kind zelf wil vertellen of vragen over zijn of haar situatie.",
            "",
            "L1127",
            "vertellen",
        ),
        _kind(
            "kind-moeilijk-benoemen",
            "Benoem zelf dat het moeilijk is.",
            "Als jij de moeilijke thuissituatie benoemt, voelt het kind zich minder alleen.",
            "L1128",
            "vertellen",
        ),
        _kind(
            "kind-taboe-benoemen",
            "Benoem zelf dat erover praten taboe kan zijn.",
            "Misschien sprak het kind er nog met niemand over: uit schaamte of loyaliteit, omdat het de "
            "woorden niet vindt of omdat het te veel pijn doet.",
            "L1131",
            "vertellen",
        ),
        _kind(
            "kind-praten-belangrijk",
            "Leg uit dat het belangrijk is om over het geweld te praten.",
            "",
            "L1134",
            "vertellen",
        ),
        _kind(
            "kind-gevoelens-bevragen",
            "Leg uit dat zo'n stressvolle situatie lastig is voor kinderen en vraag wat het kind herkent.",
            "Verdriet, kwaadheid, angst? Hoe groot is het probleem, wat is het effect, wordt er thuis over "
            "gepraat, wie weet ervan, wat helpt, wat is nodig?",
            "L1135",
            "vertellen",
        ),
        _kind(
            "kind-opvangen-normaliseren",
            "Vang goed op wat het kind vertelt: normaliseer (schuld)gevoelens en erken dat het erover durft "
            "te praten.",
            "Een gewone reactie op een abnormale situatie.",
            "L1141",
            "vertellen",
        ),
        _kind(
            "kind-loyaliteitsconflict",
            "Geef woorden aan een eventueel loyaliteitsconflict.",
            "Kinderen voelen het elke dag; jij kan helpen het te verwoorden.",
            "L1144",
            "vertellen",
        ),
        # Steunfiguur
        _kind(
            "kind-spreekverbod",
            "Ga na of er een spreekverbod is.",
            "Bijvoorbeeld: vinden je ouders het oké dat je er met anderen over praat?",
            "L1153",
            "steunfiguur",
        ),
        _kind(
            "kind-bij-wie-terecht",
            "Bespreek samen bij wie het kind nu al terecht kan; heeft het nog niemand, overloop dan samen "
            "de mogelijkheden.",
            "Bijvoorbeeld met cirkels of duplo's.",
            "L1154",
            "steunfiguur",
        ),
        _kind(
            "kind-wie-op-de-hoogte",
            "Bekijk op kindermaat wie op de hoogte is of kan worden gebracht van de thuissituatie.",
            "Bij wie voelt het kind zich goed? Wie kan er zijn voor het kind?",
            "L1159",
            "steunfiguur",
        ),
        _kind(
            "kind-vertrouwenspersoon",
            "Leid het kind toe naar een geschikte vertrouwenspersoon en check later of het daar goed "
            "terechtkwam.",
            "Een professional of iemand uit het eigen netwerk.",
            "L1162",
            "steunfiguur",
        ),
        # Veiligheid
        _kind(
            "kind-recht-zonder-geweld",
            "Vertel het kind dat het recht heeft om op te groeien zonder geweld.",
            "",
            "L1169",
            "veiligheid",
        ),
        _kind(
            "kind-wat-kan-kind-doen",
            "Bekijk samen wat het kind wel en niet kan doen aan de situatie.",
            "Kinderen willen vaak zelf iets doen om het veilig te maken; geef dat een veilige vorm.",
            "L1170",
            "veiligheid",
        ),
        # Vervolg
        _kind(
            "kind-hoe-was-gesprek",
            "Vraag hoe het gesprek was voor het kind.",
            "Hoe voelt het zich nu, hoe gaat het naar huis?",
            "L1179",
            "vervolg",
        ),
        _kind(
            "kind-verder-betrokken",
            "Vraag hoe het kind verder betrokken wil worden.",
            "Laat het meedoen naar wat het nodig heeft en kan; geen enkele vorm is beter dan een andere.",
            "L1182",
            "vervolg",
        ),
        _kind(
            "kind-bereikbaarheid",
            "Leg uit hoe het kind je kan bereiken als het dat nodig heeft.",
            "",
            "L1185",
            "vervolg",
        ),
        _kind(
            "kind-later-zien",
            "Beslis, afhankelijk van het dossier, of je het kind later nog rechtstreeks ziet of informeert.",
            "",
            "L1186",
            "vervolg",
        ),
        _kind(
            "kind-naar-pva",
            "Vertaal wat het kind aanbrengt naar het plan van aanpak en de hulpverlening.",
            "Het perspectief van het kind hoort in het plan.",
            "L1189",
            "vervolg",
        ),
        _kind(
            "kind-terugkoppeling",
            "Geef het kind terugkoppeling over wat kan en wat niet.",
            "",
            "L1192",
            "vervolg",
        ),
        _kind(
            "kind-gezin-haakt-af",
            "Haakt het gezin af, bekijk dan hoe het kind toch verder opgevolgd kan worden en eventueel nog "
            "een boodschap krijgt over het einde van de ketenaanpak.",
            "",
            "L1193",
            "vervolg",
        ),
        _kind(
            "kind-gesprek-afsluiten",
            "Sluit het gesprek goed af met een alledaags onderwerp.",
            "Bijvoorbeeld: wat ga je straks nog doen?",
            "L1196",
            "vervolg",
        ),
    ),
)

_B = "ocj-sdj-betrokken"


def _consulent(key: str, tekst: str, hint: str, bron: str, sectie: str, afleiding: str = "") -> Item:
    return Item(key, tekst, hint, afleiding=afleiding, bron=bron, sectie=sectie)


BIJLAGE_B = Checklist(
    key="bijlage-b",
    naam="Bijlage B: samenwerking met de consulent OCJ/SDJ",
    voorwaarde=_B,
    items=(
        # 1. Afstemming over doelen (L1203-1236)
        _consulent(
            "consulent-doelen-complementair",
            "Stem zo snel mogelijk met de consulent af hoe jullie doelen elkaar aanvullen.",
            "De consulent kijkt naar het kind en de rol van de opvoeders, jij naar het hele gezin met focus "
            "op de volwassenen. Zo vermijd je rolverwarring.",
            "L1219",
            "doelen",
        ),
        _consulent(
            "consulent-ondergrenzen",
            "Spreek met de consulent de ondergrenzen voor veiligheid af.",
            "",
            "L1222",
            "doelen",
        ),
        _consulent(
            "consulent-onderlinge-communicatie",
            "Spreek zo snel mogelijk af hoe, wat en wanneer jullie onderling communiceren.",
            "",
            "L1224",
            "doelen",
        ),
        _consulent(
            "consulent-communicatie-gezin",
            "Spreek af hoe jullie naar het gezin communiceren en wie wat doet.",
            "",
            "L1226",
            "doelen",
        ),
        _consulent(
            "consulent-uitnodigen-overleg",
            "Nodig de consulent uit op overleg waar IFG-doelen aan bod komen (en omgekeerd).",
            "",
            "L1228",
            "doelen",
        ),
        _consulent(
            "consulent-driemaandelijks",
            "Stem af op de belangrijke ijkmomenten, en minstens elke drie maanden.",
            "Samen naar overleg, samen voorbereiden, of elkaar per mail of telefoon op de hoogte brengen.",
            "L1232",
            "doelen",
            afleiding="consulent-afstemming",
        ),
        # 2. Doelen rond veiligheid (L1238-1310)
        _consulent(
            "consulent-feiten-samenbrengen",
            "Breng samen met de consulent de feiten over onveiligheid samen, ook politionele en justitiële "
            "informatie.",
            "Deel de nodige informatie over de levensdomeinen, zodat de consulent een goed onderbouwd "
            "framework kan opmaken. Onveiligheid benoem je vanuit de feitelijke impact op het kind.",
            "L1254",
            "veiligheidsdoelen",
        ),
        _consulent(
            "consulent-nieuwe-incidenten",
            "Breng elkaar op de hoogte van nieuwe incidenten.",
            "",
            "L1271",
            "veiligheidsdoelen",
            afleiding="consulent-pv-geinformeerd",
        ),
        _consulent(
            "consulent-pv-volwassenen-aanpak",
            "Is er een pv opgesteld over volwassenen, ga dan na wat de politionele en justitiële aanpak zal "
            "zijn.",
            "",
            "L1273",
            "veiligheidsdoelen",
        ),
        _consulent(
            "consulent-elk-ifg-pv",
            "Breng de consulent op de hoogte van elk IFG-pv.",
            "Meldingen van familiale twist en pv's van slagen en verwondingen. Over andere pv's en het "
            "justitiële traject kan de consulent jou raadplegen.",
            "L1277",
            "veiligheidsdoelen",
            afleiding="consulent-pv-geinformeerd",
        ),
        _consulent(
            "consulent-wie-spreekt-aan",
            "Bekijk samen wie bij nieuwe incidenten het best wie in het gezin aanspreekt op wat voor "
            "onveiligheid zorgt.",
            "",
            "L1283",
            "veiligheidsdoelen",
        ),
        _consulent(
            "consulent-een-plan",
            "Formuleer de veiligheidsdoelen nauwkeurig en neem de doelen van de consulent voor de kinderen "
            "op in het plan van aanpak.",
            "Eén overkoepelend plan. Levensdomeinen van de kinderen neemt vooral de consulent op, die van de "
            "volwassenen jij; jij bewaakt dat alle levensdomeinen aan bod komen.",
            "L1287",
            "veiligheidsdoelen",
        ),
        _consulent(
            "consulent-mdo",
            "Bekijk of de consulent Multidisciplinaire Ondersteuning betrekt bij het formuleren van de "
            "doelen (indien nodig).",
            "",
            "L1307",
            "veiligheidsdoelen",
        ),
        # 3. Perspectief van het kind (L1311-1345)
        _consulent(
            "consulent-perspectief-kind",
            "Laat de consulent het perspectief van het kind helder krijgen in gesprekken met het kind.",
            "",
            "L1323",
            "perspectief-kind",
        ),
        _consulent(
            "consulent-impact-ifg",
            "Verhelder de impact van het geweld op het hele gezin: de volwassenen en de kinderen.",
            "",
            "L1327",
            "perspectief-kind",
        ),
        _consulent(
            "consulent-samen-aanwezig",
            "Ga waar mogelijk samen met de consulent naar netwerkberaden en overleg.",
            "Zo combineer je expertise.",
            "L1331",
            "perspectief-kind",
        ),
        _consulent(
            "consulent-gezamenlijk-gesprek-kinderen",
            "Voer indien aangewezen samen met de consulent een gesprek met de kinderen.",
            "Combineer de expertise in praten met kinderen en de expertise over IFG.",
            "L1335",
            "perspectief-kind",
        ),
        _consulent(
            "consulent-kinderpsycholoog",
            "Doe indien nodig een beroep op de expertise en coaching van de kinderpsycholoog.",
            "",
            "L1343",
            "perspectief-kind",
        ),
        # 4. Professioneel en eigen netwerk (L1346-1410)
        _consulent(
            "consulent-netwerk-onderzoeken",
            "Vraag de consulent of er bij de start een netwerk betrokken kan worden om veiligheid te "
            "realiseren.",
            "",
            "L1372",
            "netwerk",
        ),
        _consulent(
            "consulent-hechtingsfiguur",
            "Vraag de consulent of er voor elk kind een belangrijke volwassene of veilige hechtingsfiguur "
            "is.",
            "",
            "L1376",
            "netwerk",
        ),
        _consulent(
            "consulent-extra-ondersteuning",
            "Weeg samen af of er naast het eigen netwerk meer professionele steun, buddywerking of "
            "vrijwilligers nodig zijn.",
            "",
            "L1380",
            "netwerk",
        ),
        _consulent(
            "consulent-netwerk-inlichten",
            "Licht het netwerk in over {organisatie}, in afstemming met de consulent.",
            "",
            "L1386",
            "netwerk",
        ),
        _consulent(
            "consulent-netwerk-veiligheidsafspraken",
            "Weeg samen af hoe je het netwerk betrekt bij de veiligheidsafspraken rond de volwassenen.",
            "",
            "L1388",
            "netwerk",
        ),
        _consulent(
            "consulent-netwerk-inschatting",
            "Toets samen hoe het netwerk de veiligheid inschat aan de afgesproken ondergrenzen.",
            "De consulent gaat dat na en geeft het aan jou door.",
            "L1392",
            "netwerk",
        ),
        _consulent(
            "consulent-verantwoordelijkheid-netwerk",
            "Spreek samen af vanaf wanneer de verantwoordelijkheid stap voor stap bij het netwerk komt te "
            "liggen.",
            "",
            "L1396",
            "netwerk",
        ),
        _consulent(
            "consulent-bezwarende-info",
            "Heb je bezwarende informatie over iemand uit het netwerk, bespreek dat dan met de consulent en "
            "beslis samen wat ermee gebeurt.",
            "De consulent SDJ kan zo nodig een moraliteitsverslag vragen.",
            "L1400",
            "netwerk",
        ),
        _consulent(
            "consulent-professioneel-netwerk",
            "Verdeel het professionele netwerk: de consulent rond de kinderen, jij rond de volwassenen.",
            "",
            "L1408",
            "netwerk",
        ),
        # 5. Veiligheid en vooruitgang meten (L1413-1458)
        _consulent(
            "consulent-vooruitgang-toetsen",
            "Laat de consulent de vooruitgang toetsen met veiligheidsschalen, het bereiken van doelen en "
            "samen met het netwerk.",
            "",
            "L1423",
            "veiligheid-meten",
        ),
        _consulent(
            "consulent-risicotaxatie",
            "Ga na wat de actuele politionele en justitiële informatie is en werk met de risicotaxatie.",
            "Het geheel van risico- en beschermende factoren rond IFG.",
            "L1427",
            "veiligheid-meten",
        ),
        _consulent(
            "consulent-veiligheid-samen-inschatten",
            "Leg de informatie samen om de veiligheid in te schatten en spreek af wie rond welke "
            "risicofactoren werkt.",
            "",
            "L1431",
            "veiligheid-meten",
        ),
        _consulent(
            "consulent-geen-consensus",
            "Zijn jullie het niet eens over de veiligheid, breid het overleg dan uit.",
            "",
            "L1437",
            "veiligheid-meten",
        ),
        _consulent(
            "consulent-incident-impact",
            "Schat bij elk incident samen met de consulent de impact op de kinderen in.",
            "",
            "L1443",
            "veiligheid-meten",
            afleiding="incident-afspraken",
        ),
        _consulent(
            "consulent-incident-veiligheidsplan",
            "Laat de consulent bij een incident nagaan of het veiligheidsplan werkte en bijsturen als dat "
            "niet zo is.",
            "",
            "L1447",
            "veiligheid-meten",
        ),
        _consulent(
            "consulent-incident-gesprek",
            "Spreek bij een incident af wie erover praat met de volwassenen en de kinderen.",
            "",
            "L1449",
            "veiligheid-meten",
            afleiding="incident-afspraken",
        ),
        _consulent(
            "consulent-incident-netwerk",
            "Spreek bij een incident af wie het informele en professionele netwerk informeert.",
            "",
            "L1453",
            "veiligheid-meten",
            afleiding="incident-afspraken",
        ),
        _consulent(
            "consulent-voor-afronding",
            "Stem af met de consulent voor je afrondt.",
            "",
            "L1457",
            "veiligheid-meten",
            afleiding="consulent-afronding",
        ),
    ),
)

BIJLAGE_C = Checklist(
    key="bijlage-c",
    naam="Bijlage C: afspraken met het Justitiehuis",
    voorwaarde="dringende-maatregel",
    items=(
        Item(
            "justitiehuis-zelf-vragen",
            "Besliste een overlegtafel ({tafels}) dat een justitiële maatregel "
            "hoogdringend is, vraag dat dan zelf per mail aan het Justitiehuis.",
            bron="L1466",
        ),
        Item(
            "justitiehuis-teamverantwoordelijke",
            "Mail de teamverantwoordelijke van het Justitiehuis met de vraag om een versnelde opstart.",
            "De contactgegevens van de teamverantwoordelijken vraag je aan je coördinator (bij CO3: het intranet van "
            "het FJC).",
            bron="L1470",
        ),
        Item(
            "justitiehuis-cc",
            "Zet de operationeel coördinator en het algemene mailadres van het Justitiehuis in cc.",
            bron="L1474",
        ),
    ),
)

BIJLAGE_D = Checklist(
    key="bijlage-d",
    naam="Bijlage D: afspraken met PSD en JWW",
    voorwaarde="lid-gedetineerd",
    items=(
        Item(
            "gevangenis-psd-jww-informeren",
            "Informeer JWW en de PSD van de gevangenis over de betrokkenheid van {organisatie}.",
            "Met het oog op samenwerking en afstemming, en om het contact met de gedetineerde te behouden of "
            "op te starten.",
            bron="L1497",
            voorwaarde="gevangenis-buiten-kempen",
        ),
        Item(
            "gevangenis-criminoloog",
            "Is er nog geen actieve casusregie maar is het gezin gekend bij {organisatie}, dan treedt "
            "{parket_contact} op als verbindingsfiguur.",
            bron="L1509",
            voorwaarde="geen-actieve-regie",
        ),
        Item(
            "gevangenis-een-mail",
            "Contacteer PSD en JWW samen met één mail.",
            "De mailadressen per gevangenis staan in de adreslijst van de PSD's en de JWW-diensten.",
            bron="L1513",
            voorwaarde="gevangenis-buiten-kempen",
        ),
        Item(
            "gevangenis-need-to-know",
            "Beperk de eerste mail tot need-to-know: de betrokkenheid van {organisatie}, jouw contactgegevens en een "
            "aanbod voor een (kennismakings)gesprek in de gevangenis.",
            "Stuur nog geen uitgebreide dossierinformatie: PSD en JWW zijn gebonden aan hun eigen "
            "deontologie en registratieplicht.",
            bron="L1519",
        ),
        Item(
            "gevangenis-discreet-schrijven",
            "Schrijf bewust en discreet: mails worden geregistreerd en komen in het dossier van de "
            "gedetineerde.",
            "De gedetineerde en zijn advocaat mogen dat dossier inzien; de PSD kan je mail gebruiken voor "
            "een advies aan de directie of de strafuitvoeringsrechtbank.",
            bron="L1550",
        ),
        Item(
            "gevangenis-kempen-brief",
            "Kempische gevangenis: schrijf een brief aan de gedetineerde in plaats van JWT te informeren.",
            "Vraag in de brief om contact met jou op te nemen en om zelf JWT over {organisatie} te informeren; zo "
            "kiest de gedetineerde zelf.",
            bron="L1579",
            voorwaarde="kempen-gevangenis",
        ),
        Item(
            "gevangenis-kempen-psd",
            "Kempische gevangenis: informeer de PSD wel via het algemene mailadres.",
            "De uitzondering geldt alleen voor JWT.",
            bron="L1607",
            voorwaarde="kempen-gevangenis",
        ),
    ),
)

BIJLAGEN: tuple[Checklist, ...] = (BIJLAGE_A, BIJLAGE_B, BIJLAGE_C, BIJLAGE_D)

# Before casusregie (D8): the verkennend overleg and the consent of one adult (guide L131-135,
# II.C-D L287-344). Not one of the four casusregiefasen: `stap` shows it while it applies.
VOOR_CASUSREGIE = Checklist(
    key="voor-casusregie",
    naam="Voor de casusregie: verkennend overleg en instemming",
    voorwaarde="voor-casusregie",
    items=(
        Item(
            "intake-agenderen",
            "Agendeer het dossier op het verkennend overleg van je regio.",
            "De partners delen er need-to-know-informatie en beslissen over de instroom.",
            afleiding="intake-geagendeerd",
            bron="L412",
        ),
        Item(
            "intake-uitkomst",
            "Registreer de uitkomst van het verkennend overleg.",
            "Geen ketenaanpak (met advies aan de aanmelder), ketenaanpak zonder of met casusregisseur, of "
            "een herbespreking als er informatie ontbreekt.",
            afleiding="intake-uitkomst",
            bron="L314",
        ),
        Item(
            "start-instemming",
            "Vraag de instemming van de gezinsleden: de casusregie start zodra één volwassene instemt.",
            "Informed consent: leg uit wat de ketenaanpak inhoudt, hulp en justitie samen.",
            afleiding="instemming-volwassene",
            bron="L131",
        ),
    ),
)

_ALLE: tuple[Checklist, ...] = FASEN + BIJLAGEN + (VOOR_CASUSREGIE,)
_PER_KEY: dict[str, Checklist] = {c.key: c for c in _ALLE}
_ITEMS: dict[str, tuple[Checklist, Item]] = {it.key: (c, it) for c in _ALLE for it in c.items}


def checklist(key: str) -> Checklist | None:
    """The checklist with this key (casusregiefase or annex), or None."""
    return _PER_KEY.get(key.strip().lower())


def in_woorden(it: Item, woorden: dict[str, str] | None) -> Item:
    """The item with its text and hint in the region's words (``regios.in_woorden``, D30)."""
    from ketencli.methodiek import regios

    if not woorden:
        return it
    return replace(it, tekst=regios.in_woorden(it.tekst, woorden), hint=regios.in_woorden(it.hint, woorden))


def item(key: str) -> tuple[Checklist, Item] | None:
    """The item with this key and the checklist it belongs to, or None."""
    return _ITEMS.get(key.strip().lower())


def dichtste_items(key: str, n: int = 3) -> list[str]:
    """Item keys closest to a mistyped key, best first (for "bedoelde je ...?")."""
    return difflib.get_close_matches(key.strip().lower(), list(_ITEMS), n=n, cutoff=0.5)


def dichtste_checklists(key: str, n: int = 3) -> list[str]:
    """Checklist keys closest to a mistyped key, best first."""
    return difflib.get_close_matches(key.strip().lower(), list(_PER_KEY), n=n, cutoff=0.5)


_BIJLAGE_D_GEWOON = (
    "Stuur één mail aan de PSD van de gevangenis en aan JWW (Justitieel Welzijnswerk) samen. "
    "Beperk je tot need-to-know:\n"
    "- dat {organisatie} betrokken is bij het gezin;\n"
    "- jouw contactgegevens als casusregisseur;\n"
    "- een aanbod voor een (kennismakings)gesprek in de gevangenis.\n"
    "Stuur nog geen uitgebreide dossierinformatie. PSD en JWW registreren je mail en voegen hem toe aan "
    "het dossier van de gedetineerde; de gedetineerde en zijn advocaat mogen dat dossier inzien. "
    "Is er nog geen actieve casusregie, dan is {parket_contact} het aanspreekpunt."
)

_BIJLAGE_D_KEMPEN = (
    "De gedetineerde verblijft in een Kempische gevangenis (Justitieel Welzijnswerk Turnhout, JWT). "
    "Informeer JWT niet zelf. Schrijf in de plaats een brief aan de gedetineerde:\n"
    "- stel jezelf voor als casusregisseur en licht {organisatie} toe (of hou het bestaande contact warm);\n"
    "- vraag de gedetineerde om contact met jou op te nemen;\n"
    "- vraag de gedetineerde om zelf JWT over {organisatie} te informeren, als hij of zij dat wil.\n"
    "Zo kiest de gedetineerde zelf of het traject start of verdergaat en of JWT betrokken wordt.\n"
    "Mail daarnaast wel de PSD van de gevangenis, via het algemene mailadres. Beperk die mail tot "
    "need-to-know: dat {organisatie} betrokken is, jouw contactgegevens en een aanbod voor een gesprek in de "
    "gevangenis. De PSD registreert je mail in het dossier, dat de gedetineerde en zijn advocaat mogen "
    "inzien."
)


def bijlage_d_instructie(kempen: bool, woorden: dict[str, str] | None = None) -> str:
    """Annex D instruction for the first contact with a prison (Dutch), L1513-1528 and L1607-1609, in the
    region's words (``regios.woorden``, D30; left out: CO3's)."""
    from ketencli.methodiek import regios

    tekst = _BIJLAGE_D_KEMPEN if kempen else _BIJLAGE_D_GEWOON
    return regios.in_woorden(tekst, woorden or regios.woorden_van("co3-antwerpen"))
