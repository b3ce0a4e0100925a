"""The regions and their tables, as data (issue "agendering" item 1, decisions D24, D26).

Each region declares its tables with the role each plays (``intake``, ``plan``, ``opvolging``,
``afsluiting``), their rhythm, hours, agendering deadline rule and address, and its partners.
What the source texts give is filled in here (with the line in the text); what they do not give is
``None`` and shown to the user as "in te stellen" until set in the user's region settings file
(``regio.yaml`` in the config folder, read by ``store``).

Region words (D30): every user-facing text names the tables, organisation and roles of the dossier's
region. Texts that need them (checklists, annex instructions, documents, messages) hold placeholders
(``{organisatie}``, ``{intake}``, ``{plan}``, ``{opvolging}``, ``{afsluiting}``, ``{tafels}``,
``{parket_contact}``) and get them through one function, ``in_woorden(tekst, woorden(regio))``; the
CO3 wording ("CO3", "de weegploeg", "de CO3-criminoloog") is CO3's data, not a constant.

A value here that is a choice rather than a fact (Antwerp's weegploeg reference date) is listed in
``Tafel.instelbaar`` so it is shown as adjustable. Pure: no I/O.
``toepassen`` merges the (already validated) settings into the defaults.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field, replace
from datetime import date
from typing import Any

ROLLEN = ("intake", "plan", "opvolging", "afsluiting")
# which table (by role, D26) each kind of agendering goes to: the plan and its changes and the afronding
# to the weegploeg's role, questions and evaluations to the ronde tafel's, the afsluiting to its own
ROL_VAN_AGENDERING: dict[str, str] = {
    "pva": "plan", "gewijzigd": "plan", "afronding": "plan", "rondetafel": "opvolging", "ico": "intake",
    "afsluiting": "afsluiting",
}
ROL_NAMEN = {
    "intake": "intake (verkennend overleg)",
    "plan": "plan van aanpak",
    "opvolging": "opvolging",
    "afsluiting": "afsluiting",
}
WEEKDAGEN = ("maandag", "dinsdag", "woensdag", "donderdag", "vrijdag", "zaterdag", "zondag")
RITMES = ("wekelijks", "tweewekelijks", "tweemaal-per-maand")
RITME_NAMEN = {
    "wekelijks": "elke week",
    "tweewekelijks": "om de twee weken",
    "tweemaal-per-maand": "twee keer per maand",
}
# 11 juli (Feestdag van de Vlaamse Gemeenschap) is not a national public holiday (holidays' BE list):
# whether a table meets then is a region setting (``vrije_dagen``).
VLAAMSE_FEESTDAG = "07-11"
# neuter nouns a table name can end on ("het Operationeel team"); other tables take "de"
_HET_WOORDEN = ("team", "overleg", "comité", "platform", "forum", "netwerk", "college")


def lidwoord_voor(naam: str) -> str:
    """The article of a table name the user chose without one: "het" for a neuter last word, else "de"."""
    woorden = naam.replace("(", " ( ").split()
    while woorden and woorden[-1].endswith(")") and "(" in woorden:  # "Casusoverleg (ICO)": look before ( ... )
        woorden = woorden[:woorden.index("(")]
    laatste = woorden[-1].lower() if woorden else ""
    return "het" if laatste.endswith(_HET_WOORDEN) else "de"


@dataclass(frozen=True)
class Deadline:
    """When agendering closes, relative to a session: a weekday in the week(s) before (ISO weeks,
    Monday first), or a number of days before; at a local time ("12:00")."""

    tijd: str
    weekdag: int | None = None  # 0 = Monday
    weken_voor: int = 1
    dagen_voor: int | None = None

    def beschrijving(self) -> str:
        if self.dagen_voor is not None:
            return f"{self.dagen_voor} dagen voor de zitting, om {self.tijd}"
        week = "de week ervoor" if self.weken_voor == 1 else f"{self.weken_voor} weken ervoor"
        dag = WEEKDAGEN[self.weekdag] if self.weekdag is not None else "?"
        return f"{dag} {self.tijd} van {week}"


@dataclass(frozen=True)
class Ritme:
    soort: str | None = None  # one of RITMES; None = in te stellen
    weekdag: int | None = None  # 0 = Monday
    referentiedatum: date | None = None  # tweewekelijks: a date of a session
    weken: tuple[int, ...] = ()  # tweemaal-per-maand: which occurrences of the weekday (1..5)

    @property
    def ingesteld(self) -> bool:
        if self.soort is None or self.weekdag is None:
            return False
        if self.soort == "tweewekelijks":
            return self.referentiedatum is not None
        if self.soort == "tweemaal-per-maand":
            return bool(self.weken)
        return True

    def beschrijving(self) -> str:
        if self.soort is None:
            return "in te stellen"
        tekst = RITME_NAMEN.get(self.soort, self.soort)
        ontbreekt = [k for k, leeg in (("weekdag", self.weekdag is None),
                                       ("referentiedatum", self.soort == "tweewekelijks" and not self.referentiedatum),
                                       ("weken", self.soort == "tweemaal-per-maand" and not self.weken)) if leeg]
        if ontbreekt:
            return f"{tekst} ({' en '.join(ontbreekt)} in te stellen)"
        dag = WEEKDAGEN[self.weekdag or 0]
        if self.soort == "tweewekelijks":
            return f"{tekst} op {dag} (referentiedatum {self.referentiedatum})"
        if self.soort == "tweemaal-per-maand":
            return f"{tekst}: de " + " en ".join(f"{w}e" for w in self.weken) + f" {dag} van de maand"
        return f"{tekst} op {dag}"

    def valt_op(self, dag: date) -> bool:
        """True when a session of this rhythm falls on ``dag`` (holidays not considered)."""
        if not self.ingesteld or dag.weekday() != self.weekdag:
            return False
        if self.soort == "wekelijks":
            return True
        if self.soort == "tweewekelijks":
            assert self.referentiedatum is not None
            return ((dag - self.referentiedatum).days // 7) % 2 == 0
        return (dag.day - 1) // 7 + 1 in self.weken


@dataclass(frozen=True)
class Tafel:
    key: str
    naam: str
    rollen: tuple[str, ...]
    ritme: Ritme = field(default_factory=Ritme)
    begin: str | None = None  # "13:00"
    einde: str | None = None
    deadline: Deadline | None = None
    adres: str | None = None
    omschrijving: str = ""
    bron: str = ""
    # settings that hold a chosen default rather than a fact from the texts: shown as adjustable
    instelbaar: tuple[str, ...] = ()
    lidwoord: str = "de"  # "de Weegploeg", "het Operationeel team"
    # how running text names the table when that differs from its title ("weegploeg", "ICO"); "" = naam.
    # A name set in the user's settings replaces it.
    tekstnaam: str = ""

    @property
    def met_lidwoord(self) -> str:
        """The name with its article, for running text ("op het Operationeel team")."""
        return f"{self.lidwoord} {self.naam}"

    @property
    def in_tekst(self) -> str:
        """How a sentence names the table, with its article ("de weegploeg", "de Casustafel Brugge")."""
        return f"{self.lidwoord} {self.tekstnaam or self.naam}"

    def in_te_stellen(self) -> list[str]:
        """The settings this table still lacks, as keys of the settings file."""
        ontbreekt: list[str] = []
        if self.ritme.soort is None:
            ontbreekt.append("ritme")
        if self.ritme.weekdag is None:
            ontbreekt.append("weekdag")
        if self.ritme.soort == "tweewekelijks" and self.ritme.referentiedatum is None:
            ontbreekt.append("referentiedatum")
        if self.ritme.soort == "tweemaal-per-maand" and not self.ritme.weken:
            ontbreekt.append("weken")
        if self.begin is None:
            ontbreekt.append("begin")
        if self.einde is None:
            ontbreekt.append("einde")
        if self.deadline is None:
            ontbreekt.append("deadline")
        if self.adres is None:
            ontbreekt.append("adres")
        return ontbreekt


@dataclass(frozen=True)
class Regio:
    key: str
    naam: str
    tafels: tuple[Tafel, ...]
    partners: tuple[str, ...] = ()
    # extra days without sessions besides the national public holidays: "MM-DD" every year or
    # "YYYY-MM-DD" once; None = in te stellen (then 11 juli is flagged, not skipped)
    vrije_dagen: tuple[str, ...] | None = None
    # months after the start of casusregie with an evaluation at the table (Leuven: 1, 4, 10)
    evaluaties_maanden: tuple[int, ...] = ()
    # D25: the first plan goes to the plan table in this week of casusregie or later (CO3: week 10).
    # None: the plan is drafted at the table around the regisseur's appointment (West-Vlaanderen,
    # Leuven, D26): the first plan is due as soon as possible from the start of casusregie.
    eerste_plan_week: int | None = None
    contact: str = ""  # a general contact address from the texts (not the agendering address)
    # D17, D31: consent is asked (and refused) per member (Leuven); a plan action or safety-plan entry
    # for a member without consent is then a warning in `pva check`
    instemming_per_lid: bool = False
    # D30: how texts name the organisation ("CO3"; "" = "de" + naam) and the parket's contact before a
    # regisseur is active ("de CO3-criminoloog", L1509-1511; "" = the chain approach's contact person:
    # the other regions' texts name none)
    organisatie: str = ""
    parket_contact: str = ""
    # where the region's templates and tools (veiligheidsplan, Wegwijzer IFG) are, as a place phrase: CO3's
    # are on the FJC Veilig Thuis website (L544, L620, L624); "" = ask the coordinator (the other texts name none)
    sjablonen: str = ""
    # years an afgesloten dossier is kept after its afsluiting (issue 20 §8); None = in te stellen:
    # the region (its data protection officer) decides, ketencli never guesses a legal period
    bewaartermijn: int | None = None
    # issue 17: the region's own knelpunt categories (key, label), beside ``knelpunten.CATEGORIEEN``
    knelpunt_categorieen: tuple[tuple[str, str], ...] = ()

    def tafel(self, key: str) -> Tafel | None:
        return next((t for t in self.tafels if t.key == key), None)

    @property
    def plan_aan_tafel(self) -> bool:
        """True when the plan is drafted at the table before (or as) a regisseur is appointed (D26)."""
        return self.eerste_plan_week is None

    def tafel_voor_rol(self, rol: str) -> Tafel | None:
        return next((t for t in self.tafels if rol in t.rollen), None)

    def in_te_stellen(self) -> list[str]:
        """Every missing setting as a dotted key of the settings file (``tafels.x.adres``)."""
        ontbreekt = [f"tafels.{t.key}.{k}" for t in self.tafels for k in t.in_te_stellen()]
        if self.vrije_dagen is None:
            ontbreekt.append("vrije_dagen")
        return ontbreekt

    def is_vrije_dag(self, dag: date) -> bool:
        if not self.vrije_dagen:
            return False
        return dag.strftime("%m-%d") in self.vrije_dagen or dag.isoformat() in self.vrije_dagen


_CO3_ADRES = "CO3@antwerpen.be"

STANDAARD: dict[str, Regio] = {
    "co3-antwerpen": Regio(
        key="co3-antwerpen",
        naam="CO3 Antwerpen",
        tafels=(
            Tafel(
                key="ico",
                naam="Verkennend casusoverleg (ICO)",
                tekstnaam="ICO",
                lidwoord="het",
                rollen=("intake",),
                ritme=Ritme("wekelijks", 4),
                begin="09:30",
                einde="12:00",
                # D24: registrations count until Thursday 23:59 for the Friday of the next week
                deadline=Deadline("23:59", weekdag=3),
                adres=_CO3_ADRES,
                omschrijving="beslist over instroom, stelt de casusregisseur aan",
                bron="CO3-gids L409-419 (D24)",
            ),
            Tafel(
                key="weegploeg",
                naam="Weegploeg",
                tekstnaam="weegploeg",
                rollen=("plan",),
                # every two weeks: the guide gives no reference date; this default (a Tuesday) is a
                # choice, shown as adjustable
                ritme=Ritme("tweewekelijks", 1, referentiedatum=date(2026, 1, 13)),
                begin="13:00",
                einde="16:00",
                deadline=Deadline("12:00", weekdag=0),
                adres=_CO3_ADRES,
                omschrijving="bespreekt het (gewijzigde) plan van aanpak en de afronding",
                bron="CO3-gids L864-875",
                instelbaar=("referentiedatum",),
            ),
            Tafel(
                key="rondetafel",
                naam="Ronde Tafel",
                tekstnaam="ronde tafel",
                rollen=("opvolging", "afsluiting"),
                ritme=Ritme("wekelijks", 3),
                begin="09:15",
                einde="12:00",
                deadline=Deadline("12:00", weekdag=4),
                adres=_CO3_ADRES,
                omschrijving="opvolging door informatie- en expertisedeling; definitieve afsluiting",
                bron="CO3-gids L972-982",
            ),
        ),
        partners=("politie", "parket", "justitiehuis", "CAW", "CGG", "VK", "OCJ/SDJ", "stad Antwerpen"),
        contact=_CO3_ADRES,
        eerste_plan_week=10,  # D25, CO3-gids L770, L1714
        organisatie="CO3",
        parket_contact="de CO3-criminoloog",  # D22, D30, CO3-gids L1509-1511
        sjablonen="op de website van het FJC Veilig Thuis",  # CO3-gids L544, L620, L624
    ),
    "ifg-west-vlaanderen": Regio(
        key="ifg-west-vlaanderen",
        naam="Ketenaanpak IFG West-Vlaanderen",
        tafels=(
            Tafel(
                key="overlegtafel",
                naam="Overlegtafel",
                tekstnaam="overlegtafel",
                rollen=("intake", "plan", "afsluiting"),
                omschrijving="dossiervorming, risicotaxatie en plan van aanpak samen, evaluatie",
                bron="folder West-Vlaanderen L90-98, L114-116 (D26)",
            ),
            Tafel(
                key="operationeel-team",
                naam="Operationeel team",
                tekstnaam="operationeel team",
                lidwoord="het",
                rollen=("opvolging",),
                omschrijving="volgt de voortgang van de casusregisseur op, beslist over bijsturing",
                bron="folder West-Vlaanderen L107-110 (D26)",
            ),
        ),
        partners=(
            "CAW", "Vertrouwenscentrum Kindermishandeling", "Agentschap Jongerenwelzijn (OSD)",
            "geestelijke gezondheidszorg", "justitiehuis", "parket", "lokale politie", "sociaal huis",
            "stad/gemeente",
        ),
        contact="ketenaanpakifg.wvl@wvg.vlaanderen.be",
    ),
    "leuven": Regio(
        key="leuven",
        naam="Ketenaanpak IFG Leuven",
        tafels=(
            Tafel(
                key="operationeel-team",
                naam="Operationeel team",
                tekstnaam="operationeel team",
                lidwoord="het",
                rollen=("intake", "plan", "opvolging", "afsluiting"),
                ritme=Ritme("tweemaal-per-maand"),
                omschrijving="intake, dossiervorming, plan van aanpak en evaluaties (twee keer per maand)",
                bron="artikel Leuven 2017 L18-24",
            ),
        ),
        partners=("CAW", "OCMW", "CGG", "Agentschap Jongerenwelzijn", "bestuur", "politie", "parket"),
        evaluaties_maanden=(1, 4, 10),
        instemming_per_lid=True,  # D17, D31 (Leuven article)
    ),
}


def _tijd(waarde: Any) -> str | None:
    return None if waarde is None else str(waarde)


def _pas_tafel_aan(tafel: Tafel, inst: dict[str, Any]) -> Tafel:
    ritme = tafel.ritme
    if inst.get("ritme") is not None:
        ritme = replace(ritme, soort=inst["ritme"])
    if inst.get("weekdag") is not None:
        ritme = replace(ritme, weekdag=WEEKDAGEN.index(inst["weekdag"]))
    if inst.get("referentiedatum") is not None:
        ritme = replace(ritme, referentiedatum=inst["referentiedatum"])
    if inst.get("weken") is not None:
        ritme = replace(ritme, weken=tuple(sorted(inst["weken"])))
    veranderd: dict[str, Any] = {"ritme": ritme}
    for sleutel in ("naam", "begin", "einde", "adres", "lidwoord"):
        if inst.get(sleutel) is not None:
            veranderd[sleutel] = _tijd(inst[sleutel])
    if inst.get("naam") is not None:
        veranderd["tekstnaam"] = ""  # the user's name is the name in every text (D30)
    if inst.get("naam") is not None and inst.get("lidwoord") is None:
        veranderd["lidwoord"] = lidwoord_voor(str(inst["naam"]))
    if inst.get("rollen") is not None:
        veranderd["rollen"] = tuple(inst["rollen"])
    regel = inst.get("deadline")
    if regel is not None:
        veranderd["deadline"] = Deadline(
            tijd=str(regel["tijd"]),
            weekdag=WEEKDAGEN.index(regel["weekdag"]) if regel.get("weekdag") else None,
            weken_voor=int(regel.get("weken_voor") or 1),
            dagen_voor=regel.get("dagen_voor"),
        )
    # a value the user set is no longer a default to adjust
    veranderd["instelbaar"] = tuple(k for k in tafel.instelbaar if inst.get(k) is None)
    return replace(tafel, **veranderd)


def toepassen(instellingen: dict[str, Any] | None) -> dict[str, Regio]:
    """The regions with the user's settings applied (a validated dict: region → settings).

    A table key the defaults do not know adds a table (it needs ``naam`` and ``rollen``).
    """
    regios = dict(STANDAARD)
    for key, inst in (instellingen or {}).items():
        if key not in regios or not inst:
            continue
        regio = regios[key]
        tafels = list(regio.tafels)
        for tafel_key, tafel_inst in (inst.get("tafels") or {}).items():
            bestaand = regio.tafel(tafel_key)
            if bestaand is None:
                nieuw = Tafel(key=tafel_key, naam=tafel_inst.get("naam") or tafel_key,
                              rollen=tuple(tafel_inst.get("rollen") or ()), bron="je instellingen")
                tafels.append(_pas_tafel_aan(nieuw, tafel_inst))
            else:
                tafels[tafels.index(bestaand)] = _pas_tafel_aan(bestaand, tafel_inst or {})
        veranderd: dict[str, Any] = {"tafels": tuple(tafels)}
        if inst.get("naam"):
            veranderd["naam"] = str(inst["naam"])
        if inst.get("vrije_dagen") is not None:
            veranderd["vrije_dagen"] = tuple(str(d) for d in inst["vrije_dagen"])
        if inst.get("partners") is not None:
            veranderd["partners"] = tuple(inst["partners"])
        if inst.get("instemming_per_lid") is not None:
            veranderd["instemming_per_lid"] = bool(inst["instemming_per_lid"])
        if inst.get("eerste_plan_week") is not None:  # 0: no week rule, the plan is drafted at the table
            veranderd["eerste_plan_week"] = int(inst["eerste_plan_week"]) or None
        if inst.get("bewaartermijn") is not None:
            veranderd["bewaartermijn"] = int(inst["bewaartermijn"])
        if inst.get("knelpunt_categorieen"):
            veranderd["knelpunt_categorieen"] = tuple((str(k), str(v)) for k, v in inst["knelpunt_categorieen"].items())
        regios[key] = replace(regio, **veranderd)
    return regios


# what the mail, the output, `lijst`, `overzicht` and the calendar call an agendering, by its soort
SOORT_LABEL: dict[str, str] = {
    "pva": "plan van aanpak",
    "gewijzigd": "gewijzigd plan van aanpak",
    "afronding": "afronding",
    "rondetafel": "vraag of tussentijdse evaluatie",
    "ico": "aanmelding",
    "afsluiting": "definitieve afsluiting",
}
# what the mail, the output and `lijst` call an agendering: by its purpose (model.AgenderingDoel)
DOEL_LABEL: dict[str, str] = {
    "intake": "aanmelding",
    "plan": "plan van aanpak",
    "gewijzigd-plan": "gewijzigd plan van aanpak",
    "afronding": "afronding",
    "vraag": "vraag",
    "tussentijdse-evaluatie": "tussentijdse evaluatie",
    "terugkoppeling": "terugkoppeling",
    "check-na-afronding": "check op nieuwe feiten",
    "afsluiting": "definitieve afsluiting",
}


# -- region words (D30) ------------------------------------------------------------------------------

WOORDEN: tuple[str, ...] = ("organisatie", *ROLLEN, *(f"{r}_kort" for r in ROLLEN), "tafels", "parket_contact",
                            "parket_contact_functie", "sjablonen")


def woorden(regio: Regio) -> dict[str, str]:
    """The words of a region for ``in_woorden``: ``regio_naam`` (its name, as the user's settings may
    rename it), ``organisatie`` ("CO3"), one per table role with its
    article ("de weegploeg", "het Operationeel team"), ``tafels`` (all its tables, for a list) and
    ``parket_contact``; per role also ``<rol>_kort``, the name as a label ("ICO", "Casustafel Brugge").
    A role without a table reads "de tafel voor ..." (D26)."""
    w = {"regio_naam": regio.naam, "organisatie": regio.organisatie or f"de {regio.naam}",
         "sjablonen": regio.sjablonen or "bij de coördinator van je ketenaanpak"}
    for rol in ROLLEN:
        tafel = regio.tafel_voor_rol(rol)
        w[rol] = tafel.in_tekst if tafel else f"de tafel voor {ROL_NAMEN[rol]}"
        kort = (tafel.tekstnaam or tafel.naam) if tafel else f"tafel voor {ROL_NAMEN[rol]}"
        w[f"{rol}_kort"] = kort[:1].upper() + kort[1:]  # a label or heading: "ICO", "Casustafel Brugge"
    w["tafels"] = ", ".join(t.tekstnaam or t.naam for t in regio.tafels)
    w["parket_contact"] = regio.parket_contact or "de contactpersoon van de ketenaanpak"
    # the same as a signature's function line ("CO3-criminoloog", "Contactpersoon")
    functie = regio.parket_contact.removeprefix("de ") if regio.parket_contact else "contactpersoon"
    w["parket_contact_functie"] = functie[:1].upper() + functie[1:]
    return w


def woorden_van(regio_key: str) -> dict[str, str]:
    """The words of a built-in region (no user settings: callers with I/O use ``planning.woorden``)."""
    regio = STANDAARD.get(regio_key) or STANDAARD["co3-antwerpen"]
    return woorden(regio)


_PLAATSHOUDER = re.compile(r"\{([a-z_]+)\}")


def in_woorden(tekst: str, woorden: dict[str, str] | None) -> str:
    """``tekst`` with its placeholders (``{plan}``, ``{organisatie}`` ...) filled in with the region's words;
    a placeholder at the start of a sentence gets a capital ("De weegploeg ..."). Unknown ``{...}`` stay."""
    if not woorden or "{" not in tekst:
        return tekst

    def vul(m: re.Match[str]) -> str:
        waarde = woorden.get(m.group(1))
        if waarde is None:
            return m.group(0)
        voor = tekst[:m.start()].rstrip(" ")
        if (not voor or voor[-1] in ".!?\n") and waarde:
            waarde = waarde[0].upper() + waarde[1:]
        return waarde

    return _PLAATSHOUDER.sub(vul, tekst)
