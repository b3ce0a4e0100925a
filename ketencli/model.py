"""The dossier as pydantic models: the one truth of the YAML schema.

YAML keys are Dutch and readable; every model forbids unknown keys, so a typo is an error that
names the key instead of silently dropping data (``store`` turns pydantic's errors into Dutch
messages with file, line and column). Enumerations are lowercase kebab-case strings (D10).
"""

# No ``from __future__ import annotations`` here: pydantic would then evaluate every field's type from a
# string, a fifth of building these classes (issue 19); a method returning its own class quotes it.
import re
from datetime import date, datetime
from typing import Any, Literal

from pydantic import BaseModel, ConfigDict, Field, PrivateAttr, RootModel, field_validator, model_validator

SCHEMA_VERSIE = 2  # 2: relaties[].vorm, tijdlijn[].door/tegen (issue 16)

Regio = Literal["co3-antwerpen", "ifg-west-vlaanderen", "leuven"]
REGIO_NAMEN: dict[str, str] = {
    "co3-antwerpen": "CO3 Antwerpen",
    "ifg-west-vlaanderen": "Ketenaanpak IFG West-Vlaanderen",
    "leuven": "Ketenaanpak IFG Leuven",
}

# The lifecycle of a dossier (decisions D8). Fase changes are commands, never a hand edit.
Fase = Literal[
    "aanmelding",
    "verkenning",
    "casusregie",
    "ketenaanpak-zonder-regisseur",
    "geen-instemming",
    "niet-ingestroomd",
    "afgerond",
    "afgesloten",
]
FASEN: tuple[str, ...] = Fase.__args__  # type: ignore[attr-defined]

# The conclusions of the verkennend casusoverleg (guide II.D and the scheme of II.A), plus the
# follow-up consultation when information is missing.
IcoConclusie = Literal[
    "geen-ketenaanpak",
    "ketenaanpak-zonder-regisseur",
    "ketenaanpak-met-casusregie",
    "herbespreking",
]

Rol = Literal["slachtoffer", "pleger", "kind", "ander"]
RelatieSoort = Literal[
    "partner", "ex-partner", "ouder-van", "kind-van", "broer-zus", "grootouder-van", "kleinkind-van", "ander"
]
# how a couple is or was together, for the genogram's partner line (issue 16, McGoldrick-Gerson):
# gehuwd solid, samenwonend dashed (partner); uit-elkaar one slash, gescheiden (divorced) two (ex-partner)
PartnerVorm = Literal["gehuwd", "samenwonend", "uit-elkaar", "gescheiden"]
VORMEN_PER_SOORT: dict[str, tuple[str, ...]] = {"partner": ("gehuwd", "samenwonend"),
                                                "ex-partner": ("uit-elkaar", "gescheiden")}
DetentieSoort = Literal["voorlopige-hechtenis", "veroordeeld"]
# drawn as square, circle, diamond in the genogram (issue 16); never guessed from a name
Geslacht = Literal["man", "vrouw", "x", "onbekend"]
DienstSoort = Literal[
    "politie",
    "parket",
    "justitiehuis",
    "caw",
    "cgg",
    "vk",
    "ocj-sdj",
    "psd",
    "jww",
    "ocmw",
    "kind-en-gezin",
    "clb",
    "huisarts",
    "slachtofferhulp",
    "ander",
]
TijdlijnSoort = Literal["incident", "pv", "melding", "overleg", "contact", "maatregel", "ander"]


def volgend_id(voorvoegsel: str, bestaand: set[str]) -> str:
    """The first free short id with this prefix: m1, m2 … for members, d1 … services, r1 … rows."""
    n = 1
    while f"{voorvoegsel}{n}" in bestaand:
        n += 1
    return f"{voorvoegsel}{n}"


class Basis(BaseModel):
    """Shared configuration: unknown keys are errors, assignments are validated."""

    model_config = ConfigDict(extra="forbid", validate_assignment=True, defer_build=True)


class Aanmelder(Basis):
    organisatie: str = ""
    persoon: str = ""
    contact: str = ""


class Aanmelding(Basis):
    """The registration, with the questions of the guide's registration form (II.C)."""

    datum: date | None = None
    aanmelder: Aanmelder = Field(default_factory=Aanmelder)
    waarom_nu: str = ""
    geweld_bij_aanvang: str = ""
    geweld_nu: str = ""
    voornaamste_risicos: str = ""
    clienten_en_relaties: str = ""
    wensen_en_noden: str = ""
    betrokken_diensten: str = ""
    veiligheidsplan: str = ""
    vragen_en_verwachtingen: str = ""


class IcoUitkomst(Basis):
    """The outcome of the verkennend casusoverleg."""

    datum: date
    conclusie: IcoConclusie
    advies: str = ""
    herbespreking_op: date | None = None


class Relatie(Basis):
    met: str
    soort: RelatieSoort
    sinds: date | None = None
    toelichting: str = ""
    vorm: PartnerVorm | None = None  # partner: gehuwd|samenwonend; ex-partner: uit-elkaar|gescheiden

    @model_validator(mode="after")
    def _vorm_past_bij_soort(self) -> "Relatie":
        if self.vorm is not None and self.vorm not in VORMEN_PER_SOORT.get(self.soort, ()):
            passend = VORMEN_PER_SOORT.get(self.soort)
            raise ValueError(f"vorm '{self.vorm}' past niet bij een relatie '{self.soort}'"
                             + (f" (kies {' of '.join(passend)})" if passend else
                                " (een vorm hoort alleen bij partner of ex-partner)"))
        return self


class Detentie(Basis):
    gevangenis: str
    soort: DetentieSoort
    sinds: date | None = None


class Instemming(Basis):
    """A member's consent (``datum``), later withdrawn (``ingetrokken``), or a refusal (``geweigerd``,
    D31: recorded as such, not as 'tijdelijk niet betrokken')."""

    datum: date | None = None
    door_wie_geinformeerd: str = ""
    ingetrokken: date | None = None
    geweigerd: date | None = None

    @model_validator(mode="after")
    def _instemming_of_weigering(self) -> "Instemming":
        if (self.datum is None) == (self.geweigerd is None):
            raise ValueError("geef de datum van de instemming (datum) of van de weigering (geweigerd), niet allebei")
        if self.geweigerd is not None and self.ingetrokken is not None:
            raise ValueError("een weigering kan niet ingetrokken worden: noteer een nieuwe instemming")
        return self

    @property
    def geldig(self) -> bool:
        return self.datum is not None and self.ingetrokken is None and self.geweigerd is None


class NietBetrokken(Basis):
    """A member the plan temporarily leaves out, with the reason (guide L503-507, D5)."""

    reden: str
    sinds: date | None = None


def niet_leeg(waarde: str, wat: str) -> str:
    """A required name: empty or only spaces is refused (issue 20 §6), the message says what."""
    if not waarde.strip():
        raise ValueError(f"{wat} mag niet leeg zijn (alleen spaties telt als leeg)")
    return waarde


class Gezinslid(Basis):
    id: str
    naam: str
    rollen: list[Rol] = Field(min_length=1)
    geboortedatum: date | None = None
    relaties: list[Relatie] = Field(default_factory=list)
    detentie: Detentie | None = None
    instemming: Instemming | None = None
    tijdelijk_niet_betrokken: NietBetrokken | None = None
    notitie: str = ""
    # for the genogram (issue 16): sex as recorded (default onbekend, never guessed from a name), the
    # date or year of death, and a household label: members with the same label live together
    geslacht: Geslacht = "onbekend"
    overleden: int | date | None = None
    huishouden: str | None = None

    @field_validator("overleden")
    @classmethod
    def _overleden_jaar(cls, waarde: int | date | None) -> int | date | None:
        if isinstance(waarde, int) and not 1850 <= waarde <= 2200:
            raise ValueError("overleden is een datum (bv. 2019-03-01) of een jaartal (bv. 2019)")
        return waarde

    @model_validator(mode="after")
    def _overleden_na_geboorte(self) -> "Gezinslid":
        """A death before the birth is a typo (new-user trial: born 1978, overleden 1970): refused."""
        geboren, dood = self.geboortedatum, self.overleden
        if geboren is not None and dood is not None and (
                dood < geboren.year if isinstance(dood, int) else dood < geboren):
            raise ValueError(f"overleden ({self.overleden}) ligt voor de geboortedatum "
                             f"({self.geboortedatum:%d/%m/%Y}): dat kan niet")
        return self

    @property
    def overlijdensdatum(self) -> date | None:
        """The date of death; a bare year counts as 1 July of that year (for an age at death)."""
        if isinstance(self.overleden, int):
            return date(self.overleden, 7, 1)
        return self.overleden

    @property
    def overlijdensjaar(self) -> int | None:
        """The year of death (from a year or a date), None for a living member."""
        return self.overleden if isinstance(self.overleden, int) or self.overleden is None else self.overleden.year

    def leefde_op(self, op: date) -> bool:
        """Whether the member was alive on ``op``: always for a living member; for a bare year of death up
        to the end of that year (a fact earlier that year may be his), for a date of death up to that day."""
        if self.overleden is None:
            return True
        return op.year <= self.overleden if isinstance(self.overleden, int) else op <= self.overleden

    @property
    def is_client(self) -> bool:
        """A living member. A deceased member (``overleden``) stays in the genogram and the family's
        relations, but is no client: not in the documents' clients table, no veiligheidsplan page, no
        child to hear (issue 16 trial: "overleden 2020 (79 jaar)" stood among the clients)."""
        return self.overleden is None

    # a pseudonymised copy (methodiek.pseudoniem, issue 20 §9) has no birth date but keeps the age:
    # the date stays here, out of every dump and every template context
    _geboortedatum_voor_leeftijd: date | None = PrivateAttr(default=None)

    @field_validator("id")
    @classmethod
    def _neutrale_id(cls, waarde: str) -> str:
        if not waarde or not waarde.replace("-", "").replace("_", "").isalnum() or " " in waarde:
            raise ValueError("een lid-id is kort, zonder spaties (bijvoorbeeld m1)")
        return waarde

    @field_validator("naam")
    @classmethod
    def _naam_niet_leeg(cls, waarde: str) -> str:
        return niet_leeg(waarde, "de naam")

    @field_validator("rollen")
    @classmethod
    def _unieke_rollen(cls, waarde: list[str]) -> list[str]:
        return list(dict.fromkeys(waarde))

    def leeftijd(self, op: date) -> int | None:
        geboren = self.geboortedatum or self._geboortedatum_voor_leeftijd
        if geboren is None:
            return None
        if self.overlijdensdatum is not None and self.overlijdensdatum < op:
            op = self.overlijdensdatum  # the age at death
        jaren = op.year - geboren.year
        if (op.month, op.day) < (geboren.month, geboren.day):
            jaren -= 1
        return jaren

    def is_volwassen(self, op: date) -> bool | None:
        jaren = self.leeftijd(op)
        if jaren is None:
            return None if "kind" in self.rollen else True
        return jaren >= 18

    def is_kind_ouder_dan_12(self, op: date) -> bool:
        """From the 12th birthday on (decisions D16), for living members in the role of kind."""
        jaren = self.leeftijd(op)
        return "kind" in self.rollen and self.is_client and jaren is not None and 12 <= jaren < 18


class BetrokkenDienst(Basis):
    id: str
    soort: DienstSoort
    naam: str
    contactpersoon: str = ""
    contact: str = ""
    rol: str = ""


class Casusregisseur(Basis):
    naam: str = ""
    organisatie: str = ""
    contact: str = ""


class Profiel(Basis):
    """The user's own profile (``config/profiel.yaml``, D13): who signs as regisseur by default and
    which region a new dossier gets when ``--regio`` is not given (issue "invoer" §1)."""

    naam: str = ""
    organisatie: str = ""
    contact: str = ""
    regio: Regio | None = None

    def als_regisseur(self) -> Casusregisseur:
        return Casusregisseur(naam=self.naam, organisatie=self.organisatie, contact=self.contact)


class IncidentAfspraken(Basis):
    """Annex B (guide L1443-1455, D21): what consulent and regisseur agree after each incident."""

    impact_kinderen: str = ""  # the impact on the children, assessed together
    veiligheidsplan: str = ""  # did the safety plan work; what was adjusted
    gesprek_door: str = ""  # who talks about the incident with the adults and the children
    netwerk_door: str = ""  # who informs the informal and professional network

    @property
    def volledig(self) -> bool:
        return all(x.strip() for x in (self.impact_kinderen, self.gesprek_door, self.netwerk_door))


class TijdlijnItem(Basis):
    datum: date
    soort: TijdlijnSoort
    omschrijving: str = ""
    # annex B (D21), for a pv or incident while an OCJ/SDJ consulent is involved
    consulent_geinformeerd_op: date | None = None
    afspraken: IncidentAfspraken | None = None
    # who against whom (member ids), when the dossier knows: the genogram directs its violence line (issue 16)
    door: list[str] = Field(default_factory=list)
    tegen: list[str] = Field(default_factory=list)


class HistorieItem(Basis):
    """A recorded change that matters to the method (fase changes, reopening, imports)."""

    moment: datetime
    wat: str
    reden: str = ""


class ConflictWaarde(Basis):
    """One side's value in a merge conflict (issue 18): who had it, and the value (``verwijderd``
    when that side removed the item)."""

    door: str = ""
    op: datetime | None = None  # when that side made its change
    waarde: Any = None
    verwijderd: bool = False


class Conflict(Basis):
    """A field changed differently on two machines (issue 18 §3), recorded by ``team sync``: the
    field keeps the first value until `ketencli team los` chooses; nothing is lost. ``veld`` is the
    path (``aanmelding.waarom_nu``, ``pva.rijen[r2].aanpak``)."""

    veld: str
    moment: datetime
    waarden: list[ConflictWaarde] = Field(default_factory=list)


# -- kijkschema, IFG-profielen and plan van aanpak (issue "instruments") ------------------------

DomeinKey = Literal[
    "geweld", "individu", "interactie", "professionele-ondersteuning", "sociale-ondersteuning", "kind"
]
FactorSoort = Literal["risico", "beschermend"]
FactorStaat = Literal["aanwezig", "niet-aanwezig", "onbekend"]
Stavaza = Literal["gepland", "prior", "aangemeld", "gestart", "lopend", "afgerond", "mislukt", "geschrapt"]
AFGESLOTEN_STAVAZA = ("afgerond", "mislukt", "geschrapt")
DoelStaat = Literal["lopend", "bereikt", "deels-bereikt", "niet-bereikt"]


class FactorBeoordeling(Basis):
    """One kijkschema factor at one moment: present, absent or unknown (to investigate)."""

    factor: str
    staat: FactorStaat
    bij_wie: list[str] = Field(default_factory=list)
    motivering: str = ""

    @field_validator("factor")
    @classmethod
    def _bestaande_factor(cls, waarde: str) -> str:
        from ketencli.methodiek import kijkschema

        if kijkschema.factor(waarde) is None:
            nabij = kijkschema.dichtste_factoren(waarde)
            raise ValueError(f"onbekende kijkschema-factor '{waarde}'"
                             + (f"; bedoel je {' of '.join(nabij)}?" if nabij else ""))
        return kijkschema.factor(waarde).key  # type: ignore[union-attr]


class KijkschemaMoment(Basis):
    """A dated snapshot; the first one is the one at instroom and is never overwritten."""

    datum: date
    door: str = ""
    factoren: list[FactorBeoordeling] = Field(default_factory=list)

    def beoordeling(self, factor_key: str) -> FactorBeoordeling | None:
        return next((f for f in self.factoren if f.factor == factor_key), None)


class Actie(Basis):
    omschrijving: str
    begeleiding: str = ""  # a service id (d3) or free text
    stavaza: Stavaza = "gepland"
    plan_b: str = ""
    start: date | None = None
    einde: date | None = None  # when it actually ended
    # the planned end date (opvolgen, L647): a due item in `overzicht` until the action is closed
    uiterlijk: date | None = None
    toelichting: str = ""
    # a hand-over to follow-up help (a service id or free text): counts as dealt with at afronding
    overgedragen_aan: str = ""

    def zet_stavaza(self, stavaza: str, op: date) -> None:
        """Set the state; a finished, failed or struck action gets today as end date if it has none."""
        self.stavaza = stavaza  # type: ignore[assignment]
        if stavaza in AFGESLOTEN_STAVAZA and self.einde is None:
            self.einde = op


class PvaRij(Basis):
    """A row of the plan: one factor (kijkschema key or free text) and what is done about it."""

    id: str
    domein: DomeinKey
    factor: str
    soort: FactorSoort = "risico"
    bij_wie: list[str] = Field(default_factory=list)
    noden: str = ""
    aanpak: str = ""
    acties: list[Actie] = Field(default_factory=list)


class Doelstelling(Basis):
    """A goal of the plan (decisions D18), per domain or per row."""

    id: str
    tekst: str
    bij_wie: list[str] = Field(default_factory=list)
    domein: DomeinKey | None = None
    rij: str | None = None
    streefdatum: date | None = None
    staat: DoelStaat = "lopend"


class Pva(Basis):
    opgemaakt_op: date | None = None
    rijen: list[PvaRij] = Field(default_factory=list)
    doelstellingen: list[Doelstelling] = Field(default_factory=list)

    def rij(self, rij_id: str) -> PvaRij | None:
        return next((r for r in self.rijen if r.id == rij_id), None)

    def volgend_rij_id(self) -> str:
        return volgend_id("r", {r.id for r in self.rijen})

    def volgend_doel_id(self) -> str:
        return volgend_id("g", {g.id for g in self.doelstellingen})

    def voeg_rij_toe(self, rij: PvaRij, op: date) -> None:
        """Append a row; the plan's date is the day its first row was made."""
        self.rijen = [*self.rijen, rij]
        self.opgemaakt_op = self.opgemaakt_op or op


# -- steps, safety plan, 458ter (issue "stappen") -----------------------------------------------

StapStatus = Literal["gedaan", "overgeslagen"]


class StapRegistratie(Basis):
    """A checklist item ticked or skipped (with reason), optionally for one member (annex A)."""

    item: str
    status: StapStatus = "gedaan"
    datum: date
    lid: str | None = None
    notitie: str = ""
    reden: str = ""


class Contactpersoon(Basis):
    naam: str
    telefoon: str = ""
    rol: str = ""


class VeiligheidsplanDeel(Basis):
    """The safety plan of one person (``lid``) or of the whole family (no lid)."""

    lid: str | None = None
    waarschuwingssignalen: list[str] = Field(default_factory=list)
    wat_te_doen: list[str] = Field(default_factory=list)
    veilige_plek: str = ""
    wie_bellen: list[Contactpersoon] = Field(default_factory=list)
    afspraken: list[str] = Field(default_factory=list)
    opgemaakt_op: date | None = None
    herzien_op: date | None = None


class Uitleg458ter(Basis):
    """Who was told about information sharing under art. 458ter Sw., when and by whom."""

    lid: str
    datum: date
    door: str = ""
    notitie: str = ""


class VersneldeStart(Basis):
    aan: str = ""
    cc: str = ""
    datum: date | None = None


class DringendeMaatregel(Basis):
    """Annex C: an urgent judicial measure decided at a table, and the accelerated start."""

    beslist_op: date
    tafel: str = ""
    maatregel: str = ""
    aanvraag_versnelde_start: VersneldeStart = Field(default_factory=VersneldeStart)


# -- agendering at the tables (issue "agendering", decisions D23, D26) --------------------------

TafelRol = Literal["intake", "plan", "opvolging", "afsluiting"]
AgenderingSoort = Literal["ico", "pva", "gewijzigd", "afronding", "rondetafel", "afsluiting"]
AgenderingStatus = Literal["voorbereid", "ingediend", "besproken", "uitgesteld", "geannuleerd"]
# why a dossier is on the agenda: the method's due items close by purpose (planning.vervaldata)
AgenderingDoel = Literal["intake", "plan", "gewijzigd-plan", "afronding", "vraag", "tussentijdse-evaluatie",
                         "terugkoppeling", "check-na-afronding", "afsluiting"]


class RondetafelReikwijdte(Basis):
    """Annex F: what a ronde-tafel question is about."""

    leden: list[str] = Field(default_factory=list)
    domeinen: list[DomeinKey] = Field(default_factory=list)
    tafelleden: list[str] = Field(default_factory=list)


class Agendering(Basis):
    """One dossier put on the agenda of one session of a table, and what came out of it (D23).

    ``zitting`` and ``deadline`` are local times in Europe/Brussels (naive in the file).
    """

    id: str
    tafel: str  # the table's key in the region settings (e.g. weegploeg, rondetafel, ico)
    rol: TafelRol
    soort: AgenderingSoort
    zitting: datetime
    deadline: datetime | None = None
    status: AgenderingStatus = "voorbereid"
    # None in files from before the field: planning derives it from the soort where it can
    doel: AgenderingDoel | None = None
    aangemaakt_op: date | None = None
    vraag: str = ""
    reikwijdte: RondetafelReikwijdte = Field(default_factory=RondetafelReikwijdte)
    document: str = ""  # file name in the dossier's documenten/ folder
    mail: str = ""  # the .eml draft's file name
    uitgenodigd: list[str] = Field(default_factory=list)  # service ids or free text
    # after the session
    afspraken: list[str] = Field(default_factory=list)
    meenemen: str = ""
    terugkoppeling_op: date | None = None  # the return date at the ronde tafel
    notitie: str = ""


# -- veilig loslaten (issue "afronding", guide III.E, annex G.3) ---------------------------------


class LidEvaluatie(Basis):
    """A member asked for an evaluation of the casusregie (or why that was not possible)."""

    lid: str
    datum: date | None = None
    gevraagd: bool = True
    samenvatting: str = ""
    reden: str = ""  # why not asked / not possible


class PartnerOverleg(Basis):
    """A partner consulted about the afronding."""

    dienst: str  # a service id or free text
    datum: date | None = None
    standpunt: str = ""


class Afronding(Basis):
    """What the afrondingstoets, afronding and afsluiting record."""

    # the violence stopped: an explicit statement overrides the tijdlijn, but needs a reason
    geweld_gestopt_verklaring: str = ""
    geweld_gestopt_verklaard_op: date | None = None  # incidents after this date count again
    slotgesprek_op: date | None = None
    vervolghulp: str = ""  # follow-up help, or how the family asks for help again
    partners: list[PartnerOverleg] = Field(default_factory=list)
    evaluaties: list[LidEvaluatie] = Field(default_factory=list)
    # when goals were not reached or the family became unreachable (guide L697)
    gezin_onbereikbaar: bool = False
    extra_veiligheidsacties: str = ""
    # the sequence
    weegploeg_akkoord_op: date | None = None
    gestart_op: date | None = None
    opvolging_tot: date | None = None  # +6 months: the afsluiting at the ronde tafel
    rondetafel_check_op: date | None = None  # optional earlier check for new facts (~3 months)
    afgesloten_op: date | None = None
    # the fase the dossier was closed from (afgerond, or geen-instemming/niet-ingestroomd without casusregie,
    # D8): `dossier heropen` gives it back; files from before this field fall back to the historie text
    afgesloten_uit_fase: Fase | None = None
    nieuwe_feiten: str = ""  # the last check before afsluiting
    vervolghulp_goed_gestart: bool | None = None
    vroeger_reden: str = ""  # afsluiting before six months


# -- knelpunten in the chain, passed on as beleidssignalen (issue 17; CO3 folder L12) ---------------


class Doorgegeven(Basis):
    """To whom (the coordinator, the stuurgroep, a partner's management) and when a knelpunt was passed on."""

    aan: str
    op: date

    @field_validator("aan")
    @classmethod
    def _aan_niet_leeg(cls, waarde: str) -> str:
        return niet_leeg(waarde, "aan wie het knelpunt doorgegeven werd")


class Knelpunt(Basis):
    """A bottleneck of the chain met in this case. ``categorie`` is a key of ``methodiek.knelpunten``
    (or of the region settings: checked by the command, not here, so that a category a coordinator later
    removes never makes a dossier unreadable); ``dienst`` a service id of the dossier. Only a ``deelbaar``
    knelpunt's description may appear, anonymised, in the reports for the stuurgroep."""

    id: str
    categorie: str
    dienst: str
    omschrijving: str
    datum: date
    deelbaar: bool = False
    doorgegeven: Doorgegeven | None = None

    @field_validator("id")
    @classmethod
    def _knelpunt_id(cls, waarde: str) -> str:
        if not re.fullmatch(r"k\d+", waarde):
            raise ValueError("een knelpunt-id is k met een nummer, bijvoorbeeld k1")
        return waarde

    @field_validator("categorie")
    @classmethod
    def _categorie_vorm(cls, waarde: str) -> str:
        if not re.fullmatch(r"[a-z0-9]+(?:-[a-z0-9]+)*", waarde):
            raise ValueError("een categorie is een sleutel in kleine letters met streepjes, bv. wachtlijst of "
                             "geen-aanbod")
        return waarde

    @field_validator("omschrijving")
    @classmethod
    def _omschrijving_niet_leeg(cls, waarde: str) -> str:
        return niet_leeg(waarde, "de omschrijving van het knelpunt")


class Dossier(Basis):
    schema_version: int = SCHEMA_VERSIE
    id: str
    regio: Regio
    fase: Fase = "aanmelding"
    gezin: str
    casusregie_start: date | None = None
    aanmelding: Aanmelding = Field(default_factory=Aanmelding)
    ico: IcoUitkomst | None = None
    gezinsleden: list[Gezinslid] = Field(default_factory=list)
    betrokken_diensten: list[BetrokkenDienst] = Field(default_factory=list)
    casusregisseur: Casusregisseur = Field(default_factory=Casusregisseur)
    tijdlijn: list[TijdlijnItem] = Field(default_factory=list)
    ifg_profielen: list[str] = Field(default_factory=list)
    kijkschema: list[KijkschemaMoment] = Field(default_factory=list)
    pva: Pva = Field(default_factory=Pva)
    stappen: list[StapRegistratie] = Field(default_factory=list)
    veiligheidsplan: list[VeiligheidsplanDeel] = Field(default_factory=list)
    uitleg_458ter: list[Uitleg458ter] = Field(default_factory=list)
    dringende_maatregelen: list[DringendeMaatregel] = Field(default_factory=list)
    agenderingen: list[Agendering] = Field(default_factory=list)
    afronding: Afronding = Field(default_factory=Afronding)
    historie: list[HistorieItem] = Field(default_factory=list)
    knelpunten: list[Knelpunt] = Field(default_factory=list)  # issue 17: beleidssignalen
    # merge conflicts of a team sync, until resolved (issue 18)
    conflicten: list[Conflict] = Field(default_factory=list)

    # What the store loaded (a hash of the file's bytes), to refuse saving over a newer version.
    _stempel: str | None = PrivateAttr(default=None)
    # The fase the file had when the store loaded it: an afgesloten dossier is read-only.
    _geladen_fase: str | None = PrivateAttr(default=None)

    @field_validator("id")
    @classmethod
    def _neutraal_dossier_id(cls, waarde: str) -> str:
        if not re.fullmatch(r"\d{4}-\d{3,}", waarde):
            raise ValueError("een dossier-id heeft de vorm jaar-volgnummer, bijvoorbeeld 2026-001")
        return waarde

    @field_validator("gezin")
    @classmethod
    def _gezin_niet_leeg(cls, waarde: str) -> str:
        return niet_leeg(waarde, "de naam van het gezin")

    @field_validator("ifg_profielen")
    @classmethod
    def _bestaande_profielen(cls, waarden: list[str]) -> list[str]:
        from ketencli.methodiek import profielen

        for waarde in waarden:
            if profielen.profiel(waarde) is None:
                raise ValueError(f"onbekend IFG-profiel '{waarde}'; kies uit: "
                                 + ", ".join(p.key for p in profielen.PROFIELEN))
        return list(dict.fromkeys(profielen.profiel(w).key for w in waarden))  # type: ignore[union-attr]

    @field_validator("kijkschema")
    @classmethod
    def _chronologisch(cls, momenten: list[KijkschemaMoment]) -> list[KijkschemaMoment]:
        for eerder, later in zip(momenten, momenten[1:], strict=False):
            if later.datum < eerder.datum:
                raise ValueError("kijkschema-momenten staan in volgorde van datum (het eerste is de instroom)")
        return momenten

    @model_validator(mode="after")
    def _verwijzingen_kloppen(self) -> "Dossier":
        ids = [lid.id for lid in self.gezinsleden]
        dubbel = sorted({i for i in ids if ids.count(i) > 1})
        if dubbel:
            raise ValueError(f"lid-id's komen dubbel voor: {', '.join(dubbel)}")
        dienst_ids = [d.id for d in self.betrokken_diensten]
        dubbel = sorted({i for i in dienst_ids if dienst_ids.count(i) > 1})
        if dubbel:
            raise ValueError(f"dienst-id's komen dubbel voor: {', '.join(dubbel)}")
        bekend = set(ids)
        for lid in self.gezinsleden:
            for relatie in lid.relaties:
                if relatie.met not in bekend:
                    raise ValueError(
                        f"lid {lid.id} heeft een relatie met '{relatie.met}', maar dat lid bestaat niet "
                        f"(bekende leden: {', '.join(ids) or 'geen'})"
                    )
                if relatie.met == lid.id:
                    raise ValueError(f"lid {lid.id} heeft een relatie met zichzelf")
        for nr, item in enumerate(self.tijdlijn, 1):
            for wie in [*item.door, *item.tegen]:
                if wie not in bekend:
                    raise ValueError(f"tijdlijnitem {nr} noemt lid '{wie}' (door/tegen), maar dat lid bestaat niet "
                                     f"(bekende leden: {', '.join(ids) or 'geen'})")
        for evaluatie in self.afronding.evaluaties:
            if evaluatie.lid not in bekend:
                raise ValueError(f"afronding: evaluatie van lid '{evaluatie.lid}', maar dat lid bestaat niet")
        agendering_ids = [a.id for a in self.agenderingen]
        dubbel = sorted({i for i in agendering_ids if agendering_ids.count(i) > 1})
        if dubbel:
            raise ValueError(f"agendering-id's komen dubbel voor: {', '.join(dubbel)}")
        self._knelpunten_kloppen(set(dienst_ids))
        return self

    def _knelpunten_kloppen(self, dienst_ids: set[str]) -> None:
        """Knelpunt ids are unique; each names a service of the dossier (issue 17)."""
        ids = [k.id for k in self.knelpunten]
        dubbel = sorted({i for i in ids if ids.count(i) > 1})
        if dubbel:
            raise ValueError(f"knelpunt-id's komen dubbel voor: {', '.join(dubbel)}")
        for k in self.knelpunten:
            if k.dienst not in dienst_ids:
                raise ValueError(f"knelpunt {k.id} hoort bij dienst '{k.dienst}', maar die dienst bestaat niet "
                                 f"(bekende diensten: {', '.join(sorted(dienst_ids)) or 'geen'})")

    # -- lookups used by commands and rules -------------------------------------------------

    @property
    def kijkschema_instroom(self) -> KijkschemaMoment | None:
        return self.kijkschema[0] if self.kijkschema else None

    @property
    def kijkschema_actueel(self) -> KijkschemaMoment | None:
        return self.kijkschema[-1] if self.kijkschema else None

    def lid(self, lid_id: str) -> Gezinslid | None:
        return next((lid for lid in self.gezinsleden if lid.id == lid_id), None)

    def dienst(self, dienst_id: str) -> BetrokkenDienst | None:
        return next((d for d in self.betrokken_diensten if d.id == dienst_id), None)

    def kinderen_ouder_dan_12(self, op: date) -> list[Gezinslid]:
        return [lid for lid in self.gezinsleden if lid.is_kind_ouder_dan_12(op)]

    def instemmers(self) -> list[Gezinslid]:
        """The members whose consent counts: a valid consent of a living member (``is_client``). A
        deceased member's consent never counts (new-user trial), whatever the file says."""
        return [lid for lid in self.gezinsleden if lid.is_client and lid.instemming and lid.instemming.geldig]

    def volwassen_instemming(self, op: date) -> bool:
        """Casusregie can start once one adult member consents (guide L131-135, D17)."""
        return any(lid.is_volwassen(op) for lid in self.instemmers())

    def volgend_lid_id(self) -> str:
        return volgend_id("m", {lid.id for lid in self.gezinsleden})

    def volgend_dienst_id(self) -> str:
        return volgend_id("d", {d.id for d in self.betrokken_diensten})

    def volgend_agendering_id(self) -> str:
        return volgend_id("a", {a.id for a in self.agenderingen})

    def volgend_knelpunt_id(self) -> str:
        return volgend_id("k", {k.id for k in self.knelpunten})

    def knelpunt(self, knelpunt_id: str) -> Knelpunt | None:
        return next((k for k in self.knelpunten if k.id == knelpunt_id), None)

    @property
    def alleen_lezen(self) -> bool:
        """An afgesloten dossier changes only through ``dossier heropen`` (issue "afronding")."""
        return self.fase == "afgesloten"


# -- region settings (issue "agendering", D13, D26): the user's ``regio.yaml`` in the config folder --
# Every field is optional: what is given overrides ``methodiek.regios``' defaults, the rest stays.

Weekdag = Literal["maandag", "dinsdag", "woensdag", "donderdag", "vrijdag", "zaterdag", "zondag"]
WEEKDAGEN: tuple[str, ...] = Weekdag.__args__  # type: ignore[attr-defined]
RitmeSoort = Literal["wekelijks", "tweewekelijks", "tweemaal-per-maand"]


def _uur(waarde: str | None) -> str | None:
    if waarde is not None and not re.fullmatch(r"([01]\d|2[0-3]):[0-5]\d", waarde):
        raise ValueError('een uur schrijf je als "13:00" (tussen aanhalingstekens)')
    return waarde


class DeadlineInstelling(Basis):
    """A weekday of an earlier week (``weekdag`` + ``weken_voor``) or ``dagen_voor`` the session."""

    tijd: str
    weekdag: Weekdag | None = None
    weken_voor: int = Field(1, ge=1, le=4)
    dagen_voor: int | None = Field(None, ge=0, le=60)

    _tijd = field_validator("tijd")(classmethod(lambda cls, v: _uur(v)))

    @model_validator(mode="after")
    def _een_regel(self) -> "DeadlineInstelling":
        if (self.weekdag is None) == (self.dagen_voor is None):
            raise ValueError("geef een deadline met weekdag (in de week ervoor) of met dagen_voor, niet allebei")
        return self


class TafelInstelling(Basis):
    naam: str | None = None
    rollen: list[TafelRol] | None = None
    ritme: RitmeSoort | None = None
    weekdag: Weekdag | None = None
    referentiedatum: date | None = None
    weken: list[int] | None = None  # for tweemaal-per-maand: the how-manieth weekday of the month
    begin: str | None = None
    einde: str | None = None
    deadline: DeadlineInstelling | None = None
    adres: str | None = None
    lidwoord: Literal["de", "het"] | None = None  # "het Operationeel team"; derived from naam when left out

    _uren = field_validator("begin", "einde")(classmethod(lambda cls, v: _uur(v)))

    @field_validator("weken")
    @classmethod
    def _weken(cls, waarden: list[int] | None) -> list[int] | None:
        if waarden is not None and any(not 1 <= w <= 5 for w in waarden):
            raise ValueError("weken zijn de hoeveelste weekdag van de maand: 1 tot 5, bv. [1, 3]")
        return waarden


class RegioInstelling(Basis):
    # the region's own name (D30), e.g. "IFG-ketenaanpak arrondissement Leuven"; else the built-in one
    naam: str | None = None
    tafels: dict[str, TafelInstelling] = Field(default_factory=dict)
    vrije_dagen: list[str] | None = None
    partners: list[str] | None = None
    instemming_per_lid: bool | None = None  # D31: consent asked per member (Leuven: true)
    # D25: the first plan at the plan table from this week of casusregie (CO3: 10); 0 = the plan is
    # drafted at the table, as soon as possible (West-Vlaanderen, Leuven)
    eerste_plan_week: int | None = Field(None, ge=0, le=52)
    # issue 20 §8 (GDPR art. 5(1)(e)): years an afgesloten dossier is kept after its afsluiting;
    # None = in te stellen (ketencli does not guess a legal period)
    bewaartermijn: int | None = Field(None, ge=1, le=100)
    # issue 17: the region's own knelpunt categories (key → label), beside the method's
    knelpunt_categorieen: dict[str, str] | None = None

    @field_validator("knelpunt_categorieen")
    @classmethod
    def _categorieen(cls, waarden: dict[str, str] | None) -> dict[str, str] | None:
        for key, tekst in (waarden or {}).items():
            if not re.fullmatch(r"[a-z0-9]+(?:-[a-z0-9]+)*", str(key)):
                raise ValueError(f"knelpunt_categorieen: '{key}' is geen goede sleutel; schrijf kleine letters met "
                                 "streepjes, bv. opvangplaats: \"Geen opvangplaats\"")
            niet_leeg(str(tekst), f"het label van knelpuntcategorie {key}")
        return waarden

    @field_validator("naam")
    @classmethod
    def _naam_niet_leeg(cls, waarde: str | None) -> str | None:
        return None if waarde is None else niet_leeg(waarde, "de naam van de regio").strip()

    @field_validator("vrije_dagen")
    @classmethod
    def _dagen(cls, waarden: list[str] | None) -> list[str] | None:
        for w in waarden or []:
            if not re.fullmatch(r"(\d{4}-)?\d{2}-\d{2}", str(w)):
                raise ValueError('een vrije dag schrijf je als "07-11" (elk jaar) of "2027-05-07" (één keer)')
        return waarden


def __getattr__(naam: str) -> Any:
    """``RegioInstellingen`` (the whole settings file: region key → its overrides) is made when first
    asked for: pydantic builds a parametrised RootModel at once, which most commands never use (issue 19)."""
    if naam != "RegioInstellingen":
        raise AttributeError(f"module {__name__!r} has no attribute {naam!r}")

    class RegioInstellingen(RootModel[dict[Regio, RegioInstelling]]):
        """The whole settings file: region key → its overrides."""

    RegioInstellingen.__qualname__ = naam
    globals()[naam] = RegioInstellingen
    return RegioInstellingen
