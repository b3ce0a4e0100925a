"""The dossier as pydantic models: the one truth of the YAML schema.

YAML keys are Dutch and readable; every model forbids unknown keys, so a typo is an error that
names the key instead of silently dropping data (``store`` turns pydantic's errors into Dutch
messages with file, line and column). Enumerations are lowercase kebab-case strings (D10).
"""

from __future__ import annotations

import re
from datetime import date, datetime
from typing import Literal

from pydantic import BaseModel, ConfigDict, Field, PrivateAttr, field_validator, model_validator

SCHEMA_VERSIE = 1

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
    "partner", "ex-partner", "ouder-van", "kind-van", "broer-zus", "grootouder-van", "ander"
]
DetentieSoort = Literal["voorlopige-hechtenis", "veroordeeld"]
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


class Detentie(Basis):
    gevangenis: str
    soort: DetentieSoort
    sinds: date | None = None


class Instemming(Basis):
    datum: date
    door_wie_geinformeerd: str = ""
    ingetrokken: date | None = None

    @property
    def geldig(self) -> bool:
        return self.ingetrokken is None


class NietBetrokken(Basis):
    """A member the plan temporarily leaves out, with the reason (guide L503-507, D5)."""

    reden: str
    sinds: date | None = None


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

    @field_validator("id")
    @classmethod
    def _neutrale_id(cls, waarde: str) -> str:
        if not waarde or not waarde.replace("-", "").replace("_", "").isalnum() or " " in waarde:
            raise ValueError("een lid-id is kort, zonder spaties (bijvoorbeeld m1)")
        return waarde

    @field_validator("rollen")
    @classmethod
    def _unieke_rollen(cls, waarde: list[str]) -> list[str]:
        return list(dict.fromkeys(waarde))

    def leeftijd(self, op: date) -> int | None:
        if self.geboortedatum is None:
            return None
        jaren = op.year - self.geboortedatum.year
        if (op.month, op.day) < (self.geboortedatum.month, self.geboortedatum.day):
            jaren -= 1
        return jaren

    def is_volwassen(self, op: date) -> bool | None:
        jaren = self.leeftijd(op)
        if jaren is None:
            return None if "kind" in self.rollen else True
        return jaren >= 18

    def is_kind_ouder_dan_12(self, op: date) -> bool:
        """From the 12th birthday on (decisions D16), for members in the role of kind."""
        jaren = self.leeftijd(op)
        return "kind" in self.rollen and jaren is not None and 12 <= jaren < 18


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


class TijdlijnItem(Basis):
    datum: date
    soort: TijdlijnSoort
    omschrijving: str = ""


class HistorieItem(Basis):
    """A recorded change that matters to the method (fase changes, reopening, imports)."""

    moment: datetime
    wat: str
    reden: str = ""


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
    historie: list[HistorieItem] = Field(default_factory=list)

    # What the store loaded (a hash of the file's bytes), to refuse saving over a newer version.
    _stempel: str | None = PrivateAttr(default=None)

    @field_validator("id")
    @classmethod
    def _neutraal_dossier_id(cls, waarde: str) -> str:
        if not re.fullmatch(r"\d{4}-\d{3,}", waarde):
            raise ValueError("een dossier-id heeft de vorm jaar-volgnummer, bijvoorbeeld 2026-001")
        return waarde

    @model_validator(mode="after")
    def _verwijzingen_kloppen(self) -> Dossier:
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
        return self

    # -- lookups used by commands and rules -------------------------------------------------

    def lid(self, lid_id: str) -> Gezinslid | None:
        return next((lid for lid in self.gezinsleden if lid.id == lid_id), None)

    def dienst(self, dienst_id: str) -> BetrokkenDienst | None:
        return next((d for d in self.betrokken_diensten if d.id == dienst_id), None)

    def kinderen_ouder_dan_12(self, op: date) -> list[Gezinslid]:
        return [lid for lid in self.gezinsleden if lid.is_kind_ouder_dan_12(op)]

    def instemmers(self) -> list[Gezinslid]:
        return [lid for lid in self.gezinsleden if lid.instemming and lid.instemming.geldig]

    def volwassen_instemming(self, op: date) -> bool:
        """Casusregie can start once one adult member consents (guide L131-135, D17)."""
        return any(lid.is_volwassen(op) for lid in self.instemmers())

    def volgend_lid_id(self) -> str:
        bestaand = {lid.id for lid in self.gezinsleden}
        n = 1
        while f"m{n}" in bestaand:
            n += 1
        return f"m{n}"

    def volgend_dienst_id(self) -> str:
        bestaand = {d.id for d in self.betrokken_diensten}
        n = 1
        while f"d{n}" in bestaand:
            n += 1
        return f"d{n}"
