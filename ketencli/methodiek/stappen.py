"""Where a dossier stands in the casusregie checklists and annexes, on a given day (pure).

``evalueer(dossier, op)`` combines three sources into one state per item:

- the **conditions** (``checklists.VOORWAARDEN``): which checklists and items apply at all
  (annex B only with an ocj-sdj service, annex D only with a detained member, ...);
- the **registrations** in ``dossier.stappen`` (ticked or skipped by the regisseur, per child for
  annex A);
- the **derivations** (``checklists.AFLEIDINGEN``) that can be computed from the dossier now.
  Agendering items read ``dossier.agenderingen``, the afronding items ``dossier.afronding`` and the
  afrondingstoets (``methodiek.afronding``), the annex B items the tijdlijn's pv's, meldingen and
  incidents (``methodiek.bijlage_b``), the annex D route ``methodiek.bijlage_d``; a discussion at a
  table counts only once besproken (``methodiek.bespreking``, D29).
  Rules that need data ketencli does not record (contacts per member) return ``onbekend``: the
  regisseur ticks those items by hand.

What blocks the casusregie itself (casusregie without an adult's consent, L131-135) is a
``Blokkade``: `stap` shows it first and puts its item first in "wat nu". Before casusregie "wat nu"
holds only the steps of ``checklists.VOOR_CASUSREGIE``.

A manual registration always wins over a derivation; a derivation that is ``voldaan`` makes an
item done without a tick. The recurring alignment with the OCJ/SDJ consulent (annex B) has a due
date: at least every ``BIJLAGE_B_AFSTEMMING_MAANDEN`` months from the last alignment (or from the
start of casusregie).

Layering: this module sits below ``ketencli.model``, so the dossier is duck-typed (``Any``): it
reads the attributes and helper methods of ``model.Dossier`` without importing it. No I/O.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field, replace
from datetime import date
from typing import Any, Literal

from ketencli.methodiek import aanmelding, bespreking, bijlage_b, bijlage_d, gevangenissen, regios
from ketencli.methodiek import checklists as cl
from ketencli.taal import aantal

Status = Literal["gedaan", "overgeslagen", "afgeleid", "open"]
Oordeel = Literal["voldaan", "niet-voldaan", "onbekend", ""]

# Items that are done again and again: every tick is a new registration, the due date moves on.
HERHALEND: frozenset[str] = frozenset({"consulent-driemaandelijks"})

# Annex C has no derivation keys in the checklist data; its items follow from the recorded
# urgent measure (``dossier.dringende_maatregelen``), see ``_bijlage_c``.
_BIJLAGE_C_ITEMS = ("justitiehuis-zelf-vragen", "justitiehuis-teamverantwoordelijke", "justitiehuis-cc")

# Commands that record what a derivation reads (shown as a tip next to an open item).
COMMANDO_VOOR_AFLEIDING: dict[str, str] = {
    "instemming-volwassene": "ketencli dossier instemming {id} LID",
    "veiligheidsplan": "ketencli stap {id} veiligheidsplan",
    "458ter-uitgelegd": "ketencli stap {id} 458ter --geinformeerd LID",
    "minderjarigen-gesproken": "ketencli stap {id} bijlage-a --lid {lid}",
    "knelpunten": "ketencli knelpunt add {id}",
    "knelpunten-afronding": "ketencli knelpunt add {id}",
}
# the derivations answered by recorded knelpunten or an explicit "geen" (issue 17): `stap doorloop` asks
KNELPUNT_AFLEIDINGEN: frozenset[str] = frozenset({"knelpunten", "knelpunten-afronding"})
GEEN_KNELPUNTEN = "geen knelpunten"

# Phase keys in order (decisions D9), the annexes, and the steps before casusregie (D8).
FASE_KEYS: tuple[str, ...] = tuple(c.key for c in cl.FASEN)
BIJLAGE_KEYS: tuple[str, ...] = tuple(c.key for c in cl.BIJLAGEN)
VOOR_KEY = cl.VOOR_CASUSREGIE.key


@dataclass(frozen=True)
class Afleiding:
    """The outcome of a derivation rule for one item (and child)."""

    oordeel: Oordeel
    toelichting: str = ""  # Dutch, for the screen
    datum: date | None = None  # since when it is satisfied, when known
    vervalt_op: date | None = None  # next due date (recurring items)


@dataclass(frozen=True)
class ItemStand:
    """One item of one checklist (per child for per-child items) with its state."""

    checklist: str
    item: cl.Item
    lid: str | None
    status: Status
    datum: date | None = None
    notitie: str = ""
    reden: str = ""
    afleiding: Afleiding = field(default_factory=lambda: Afleiding(""))
    vervalt_op: date | None = None

    @property
    def afgewerkt(self) -> bool:
        return self.status != "open"

    def to_dict(self) -> dict[str, Any]:
        return {
            "checklist": self.checklist,
            "item": self.item.key,
            "tekst": self.item.tekst,
            "lid": self.lid,
            "status": self.status,
            "datum": self.datum.isoformat() if self.datum else None,
            "notitie": self.notitie,
            "reden": self.reden,
            "afleiding": {
                "regel": self.item.afleiding or None,
                "oordeel": self.afleiding.oordeel or None,
                "toelichting": self.afleiding.toelichting,
            } if self.afleiding.oordeel else None,
            "vervalt_op": self.vervalt_op.isoformat() if self.vervalt_op else None,
        }


@dataclass(frozen=True)
class ChecklistStand:
    checklist: cl.Checklist
    van_toepassing: bool
    reden: str  # Dutch: why it applies or not
    items: tuple[ItemStand, ...]

    @property
    def key(self) -> str:
        return self.checklist.key

    @property
    def afgewerkt(self) -> int:
        return sum(1 for i in self.items if i.afgewerkt)

    @property
    def open(self) -> tuple[ItemStand, ...]:
        return tuple(i for i in self.items if not i.afgewerkt)

    def voor_lid(self, lid: str | None) -> tuple[ItemStand, ...]:
        return tuple(i for i in self.items if i.lid == lid)


@dataclass(frozen=True)
class Gedetineerde:
    lid: str
    naam: str
    gevangenis: str  # display name
    route: bijlage_d.Route  # annex D: one mail to PSD and JWW, or the Kempen letter (D22)
    woorden: dict[str, str] | None = None  # the region's words (D30); None = CO3's

    @property
    def kempen(self) -> bool:
        return self.route.kempen

    @property
    def instructie(self) -> str:  # annex D, Dutch, in the region's words
        return cl.bijlage_d_instructie(self.route.kempen, self.woorden)


@dataclass(frozen=True)
class Blokkade:
    """What blocks the casusregie itself (not one item): shown first by `stap`, in Dutch."""

    regel: str  # stable key, e.g. "instemming"
    melding: str
    wat_te_doen: str
    item: str = ""  # the checklist item that resolves it, put first in "wat nu"


@dataclass(frozen=True)
class Overzicht:
    op: date
    checklists: tuple[ChecklistStand, ...]
    huidige: str | None  # key of the current casusregiefase, None before casusregie
    huidige_reden: str
    kinderen_12: tuple[tuple[str, str], ...]  # (lid id, naam) of children 12 or older
    gedetineerden: tuple[Gedetineerde, ...]
    blokkerend: tuple[Blokkade, ...] = ()

    def stand(self, key: str) -> ChecklistStand:
        return next(c for c in self.checklists if c.key == key)

    @property
    def fasen(self) -> tuple[ChecklistStand, ...]:
        return tuple(c for c in self.checklists if c.key in FASE_KEYS)

    @property
    def bijlagen(self) -> tuple[ChecklistStand, ...]:
        return tuple(c for c in self.checklists if c.key in BIJLAGE_KEYS)

    @property
    def voor_casusregie(self) -> ChecklistStand | None:
        """The steps before casusregie (verkennend overleg, consent) while they apply, else None."""
        stand = next((c for c in self.checklists if c.key == VOOR_KEY), None)
        return stand if stand is not None and stand.van_toepassing else None

    def volgende(self, n: int = 5) -> list[ItemStand]:
        """What is due next: what blocks first; before casusregie only its steps (the verkennend overleg
        and consent, not the annexes of casusregie, D8); else overdue dated items, items due soonest,
        then the current phase and the annexes that apply."""
        gezien: set[tuple[str, str | None]] = set()
        uit: list[ItemStand] = []

        def neem(it: ItemStand) -> None:
            sleutel = (it.item.key, it.lid)
            if sleutel not in gezien and len(uit) < n:
                gezien.add(sleutel)
                uit.append(it)

        blokkerend = {b.item for b in self.blokkerend if b.item}
        for c in self.checklists:
            for it in c.open:
                if it.item.key in blokkerend:
                    neem(it)
        if self.voor_casusregie is not None:
            for it in self.voor_casusregie.open:
                neem(it)
            return uit
        toepasselijk = [c for c in self.checklists if c.van_toepassing]
        gedateerd = sorted((i for c in toepasselijk for i in c.items if i.vervalt_op is not None),
                           key=lambda i: i.vervalt_op or self.op)
        for it in gedateerd:
            if it.status == "open" or (it.vervalt_op and (it.vervalt_op - self.op).days <= 14):
                neem(it)
        if self.huidige:
            for it in self.stand(self.huidige).open:
                neem(it)
        for c in self.bijlagen:
            if c.van_toepassing and c.key != "bijlage-b":
                for it in c.open:
                    neem(it)
        return uit

    def to_dict(self) -> dict[str, Any]:
        return {
            "datum": self.op.isoformat(),
            "huidige_fase": self.huidige,
            "huidige_fase_reden": self.huidige_reden,
            "kinderen_ouder_dan_12": [lid for lid, _ in self.kinderen_12],
            "checklists": [
                {
                    "key": c.key,
                    "naam": c.checklist.naam,
                    "soort": ("casusregiefase" if c.key in FASE_KEYS else
                              "bijlage" if c.key in BIJLAGE_KEYS else "voor-casusregie"),
                    "van_toepassing": c.van_toepassing,
                    "reden": c.reden,
                    "afgewerkt": c.afgewerkt,
                    "totaal": len(c.items),
                    "items": [i.to_dict() for i in c.items],
                }
                for c in self.checklists
            ],
            "bijlage_d": [
                {"lid": g.lid, "gevangenis": g.gevangenis, "kempen": g.kempen, "route": g.route.key,
                 "documenten": list(g.route.documenten), "instructie": g.instructie}
                for g in self.gedetineerden
            ],
            "blokkerend": [{"regel": b.regel, "ernst": "blokkerend", "melding": b.melding,
                            "wat_te_doen": b.wat_te_doen} for b in self.blokkerend],
            "volgende": [i.to_dict() for i in self.volgende()],
        }


# -- conditions ------------------------------------------------------------------------------


def voorwaarde(d: Any, key: str, op: date) -> tuple[bool, str]:
    """Whether a condition holds for the dossier on ``op``, with a Dutch reason."""
    if not key:
        return True, ""
    if key == "kind-ouder-dan-12":
        kinderen = d.kinderen_ouder_dan_12(op)
        if kinderen:
            return True, "kinderen van 12 of ouder: " + ", ".join(f"{k.naam} ({k.id})" for k in kinderen)
        return False, f"geen kinderen van 12 jaar of ouder op {op:%d/%m/%Y}"
    if key in ("ocj-sdj-betrokken", "justitiehuis-betrokken"):
        soort = key.removesuffix("-betrokken")
        diensten = [x for x in d.betrokken_diensten if x.soort == soort]
        label = "OCJ/SDJ-consulent" if soort == "ocj-sdj" else "justitiehuis"
        if diensten:
            return True, f"{label} betrokken: " + ", ".join(f"{x.naam} ({x.id})" for x in diensten)
        return False, f"geen {label} bij de betrokken diensten"
    if key == "dringende-maatregel":
        if d.dringende_maatregelen:
            laatste = d.dringende_maatregelen[-1]
            return True, f"dringende maatregel beslist op {laatste.beslist_op:%d/%m/%Y}"
        return False, "geen dringende justitiële maatregel geregistreerd"
    if key == "lid-gedetineerd":
        leden = [lid for lid in d.gezinsleden if lid.detentie is not None]
        if leden:
            return True, "in de gevangenis: " + ", ".join(f"{x.naam} ({x.id})" for x in leden)
        return False, "geen gezinslid in de gevangenis"
    if key == "kempen-gevangenis":
        leden = bijlage_d.met_route(d, bijlage_d.KEMPEN)
        if leden:
            return True, "in een Kempische gevangenis: " + ", ".join(f"{x.naam} ({x.id})" for x in leden)
        return False, "niemand in een Kempische gevangenis"
    if key == "gevangenis-buiten-kempen":
        leden = bijlage_d.met_route(d, bijlage_d.EEN_MAIL)
        if leden:
            return True, "in een gevangenis buiten de Kempen: " + ", ".join(f"{x.naam} ({x.id})" for x in leden)
        return False, "niemand in een gevangenis buiten de Kempen"
    if key == "geen-actieve-regie":
        if aanmelding.regie_actief(d):
            return False, "er is (of was) een casusregie"
        return True, "nog geen actieve casusregie"
    if key == "voor-casusregie":
        if d.fase in aanmelding.FASEN_VOOR_CASUSREGIE:
            return True, f"fase {d.fase}: de casusregie is nog niet gestart"
        return False, f"fase {d.fase}"
    return True, ""  # an unknown condition never hides an item


# -- derivations -----------------------------------------------------------------------------


def _onbekend(uitleg: str) -> Afleiding:
    return Afleiding("onbekend", uitleg)


_HANDMATIG = "dit kan ketencli (nog) niet uit het dossier halen: vink dit zelf af"


def afleiden(d: Any, regel: str, op: date, lid: str | None = None) -> Afleiding:
    """Evaluate one derivation rule (``checklists.AFLEIDINGEN``) for the dossier on ``op``."""
    functie = _REGELS.get(regel)
    if functie is None:
        return _onbekend(_HANDMATIG)
    return functie(d, op, lid)


def _instemming(d: Any, op: date, lid: str | None) -> Afleiding:
    volwassenen = [x for x in d.instemmers() if x.is_volwassen(op)]
    if volwassenen:
        eerste = min(volwassenen, key=lambda x: x.instemming.datum)
        return Afleiding("voldaan", "instemming van " + ", ".join(f"{x.naam} ({x.id})" for x in volwassenen),
                         eerste.instemming.datum)
    return Afleiding("niet-voldaan", "nog geen geldige instemming van een volwassen gezinslid")


def _minderjarige(d: Any, op: date, lid: str | None) -> Afleiding:
    """Per child: a talk is recorded once any annex A item is ticked for that child."""
    if lid is None:
        return _onbekend(_HANDMATIG)
    a_keys = {it.key for it in cl.BIJLAGE_A.items}
    data = [s.datum for s in d.stappen if s.lid == lid and s.item in a_keys and s.status == "gedaan"]
    if data:
        return Afleiding("voldaan", "gesprek volgens bijlage A geregistreerd", min(data))
    return Afleiding("niet-voldaan", "nog geen gesprek volgens bijlage A geregistreerd")


def _veiligheidsplan(d: Any, op: date, lid: str | None) -> Afleiding:
    delen = [v for v in d.veiligheidsplan if _heeft_inhoud(v)]
    if not delen:
        return Afleiding("niet-voldaan", "nog geen veiligheidsplan in het dossier")
    wie = ", ".join("gezin" if v.lid is None else v.lid for v in delen)
    data = [v.opgemaakt_op for v in delen if v.opgemaakt_op]
    return Afleiding("voldaan", f"veiligheidsplan voor: {wie}", min(data) if data else None)


def _heeft_inhoud(v: Any) -> bool:
    return bool(v.waarschuwingssignalen or v.wat_te_doen or v.veilige_plek or v.wie_bellen or v.afspraken)


def _uitleg_458ter(d: Any, op: date, lid: str | None) -> Afleiding:
    if not d.uitleg_458ter:
        return Afleiding("niet-voldaan", "nog niet geregistreerd wie de uitleg 458ter kreeg")
    leden = sorted({u.lid for u in d.uitleg_458ter})
    return Afleiding("voldaan", "uitleg gegeven aan " + ", ".join(leden),
                     min(u.datum for u in d.uitleg_458ter))


def _kijkschema_actueel(d: Any, op: date, lid: str | None) -> Afleiding:
    momenten = [k for k in d.kijkschema if d.casusregie_start is None or k.datum >= d.casusregie_start]
    if momenten:
        return Afleiding("voldaan", f"kijkschema van {momenten[-1].datum:%d/%m/%Y}", momenten[-1].datum)
    if d.kijkschema:
        return Afleiding("niet-voldaan", "het kijkschema dateert van vóór de start van de casusregie: werk het bij")
    return Afleiding("niet-voldaan", "nog geen kijkschema in het dossier")


def _beschermend(d: Any, op: date, lid: str | None) -> Afleiding:
    from ketencli.methodiek import kijkschema

    laatste = d.kijkschema[-1] if d.kijkschema else None
    if laatste is None:
        return Afleiding("niet-voldaan", "nog geen kijkschema in het dossier")
    aanwezig = [f for f in laatste.factoren if f.staat == "aanwezig"
                and (k := kijkschema.factor(f.factor)) is not None and k.soort == "beschermend"]
    if aanwezig:
        telling = aantal(len(aanwezig), "beschermende factor", "beschermende factoren")
        return Afleiding("voldaan", f"{telling} in het kijkschema", laatste.datum)
    return Afleiding("niet-voldaan", "het laatste kijkschema vermeldt geen beschermende factor")


def _acties(d: Any) -> list[Any]:
    return [a for r in d.pva.rijen for a in r.acties]


def _pva_opgemaakt(d: Any, op: date, lid: str | None) -> Afleiding:
    rijen = [r for r in d.pva.rijen if r.acties]
    if rijen:
        telling = aantal(len(rijen), "rij", "rijen")
        return Afleiding("voldaan", f"plan van aanpak met {telling} met acties", d.pva.opgemaakt_op)
    return Afleiding("niet-voldaan", "het plan van aanpak heeft nog geen rij met een actie")


def _pva_doelstellingen(d: Any, op: date, lid: str | None) -> Afleiding:
    if d.pva.doelstellingen:
        telling = aantal(len(d.pva.doelstellingen), "doelstelling", "doelstellingen")
        return Afleiding("voldaan", f"{telling} in het plan van aanpak")
    return Afleiding("niet-voldaan", "het plan van aanpak heeft nog geen doelstellingen")


def _pva_begeleiding(d: Any, op: date, lid: str | None) -> Afleiding:
    acties = _acties(d)
    if not acties:
        return Afleiding("niet-voldaan", "het plan van aanpak heeft nog geen acties")
    regisseur = (d.casusregisseur.naam or "").strip().lower()
    zonder = [a for a in acties if not a.begeleiding.strip()
              or a.begeleiding.strip().lower() in ("casusregisseur", "regisseur", regisseur)]
    if zonder:
        return Afleiding("niet-voldaan", f"{aantal(len(zonder), 'actie', 'acties')} zonder begeleidende dienst")
    return Afleiding("voldaan", "elke actie heeft een begeleidende dienst")


def _pva_eigen_netwerk(d: Any, op: date, lid: str | None) -> Afleiding:
    from ketencli.methodiek import pva_regels

    if not _acties(d):
        return Afleiding("niet-voldaan", "het plan van aanpak heeft nog geen acties")
    if pva_regels.eigen_netwerk(d):  # the same rule as `pva check` (one keyword list)
        return Afleiding("niet-voldaan", "het eigen netwerk komt in geen enkele actie voor")
    return Afleiding("voldaan", "het eigen netwerk komt voor in een actie van het plan van aanpak")


def _netwerkoverleg(d: Any, op: date, lid: str | None) -> Afleiding:
    overleg = sorted(t.datum for t in d.tijdlijn if t.soort == "overleg"
                     and (d.casusregie_start is None or t.datum >= d.casusregie_start) and t.datum <= op)
    if overleg:
        return Afleiding("voldaan", f"laatste overleg in de tijdlijn: {overleg[-1]:%d/%m/%Y}", overleg[-1])
    return Afleiding("niet-voldaan", "nog geen overleg in de tijdlijn sinds de start van de casusregie")


def _consulent_afstemming(d: Any, op: date, lid: str | None) -> Afleiding:
    data = bijlage_b.afstemmingen(d)
    vervalt = bijlage_b.volgende_afstemming(d, op)
    if data:
        if vervalt >= op:
            return Afleiding("voldaan", f"laatst afgestemd op {data[-1]:%d/%m/%Y}; volgende uiterlijk "
                             f"{vervalt:%d/%m/%Y}", data[-1], vervalt)
        return Afleiding("niet-voldaan", f"laatst afgestemd op {data[-1]:%d/%m/%Y}: de afstemming "
                         f"was uiterlijk {vervalt:%d/%m/%Y} nodig", None, vervalt)
    return Afleiding("niet-voldaan", f"nog geen afstemming met de consulent geregistreerd; uiterlijk "
                     f"{vervalt:%d/%m/%Y}", None, vervalt)


def _bijlage_c(d: Any, item_key: str) -> Afleiding:
    if not d.dringende_maatregelen:
        return Afleiding("niet-voldaan", "geen dringende maatregel geregistreerd")
    aanvraag = d.dringende_maatregelen[-1].aanvraag_versnelde_start
    if item_key == "justitiehuis-cc":
        if aanvraag.cc:
            return Afleiding("voldaan", f"in cc: {aanvraag.cc}", aanvraag.datum)
        return Afleiding("niet-voldaan", "nog niet geregistreerd wie in cc stond")
    if aanvraag.aan and aanvraag.datum:
        return Afleiding("voldaan", f"versnelde opstart gevraagd aan {aanvraag.aan} op {aanvraag.datum:%d/%m/%Y}",
                         aanvraag.datum)
    return Afleiding("niet-voldaan", "de vraag om een versnelde opstart is nog niet geregistreerd")


def _geagendeerd(rol: str, soorten: tuple[str, ...], commando: str) -> Callable[[Any, date, str | None], Afleiding]:
    """Agendaed at the region's table with this role (any status but cancelled)."""

    def regel(d: Any, op: date, lid: str | None) -> Afleiding:
        gevonden = [a for a in d.agenderingen if a.rol == rol and a.soort in soorten and a.status != "geannuleerd"]
        if not gevonden:
            return Afleiding("niet-voldaan", f"nog niet geagendeerd: `{commando.format(id=d.id)}`")
        a = max(gevonden, key=lambda x: x.zitting)
        staat = "besproken" if a.status == "besproken" else f"geagendeerd ({a.status})"
        return Afleiding("voldaan", f"{staat} voor de zitting van {a.zitting:%d/%m/%Y} ({a.id})", a.zitting.date())

    return regel


def _besproken(rol: str, soorten: tuple[str, ...], commando: str) -> Callable[[Any, date, str | None], Afleiding]:
    """Discussed at the region's table with this role (D29): only a besproken agendering (or one with an
    outcome) meets it; a prepared, submitted or postponed one shows as "geagendeerd" and stays open."""

    def regel(d: Any, op: date, lid: str | None) -> Afleiding:
        a = bespreking.laatst_besproken(d.agenderingen, rol, soorten)
        if a is not None:
            return Afleiding("voldaan", f"besproken op de zitting van {a.zitting:%d/%m/%Y} ({a.id})", a.zitting.date())
        gevonden = [a for a in d.agenderingen if a.rol == rol and a.soort in soorten and a.status != "geannuleerd"]
        if not gevonden:
            return Afleiding("niet-voldaan", f"nog niet geagendeerd: `{commando.format(id=d.id)}`")
        a = max(gevonden, key=lambda x: x.zitting)
        if a.status == "uitgesteld":
            return Afleiding("niet-voldaan", f"{bespreking.staat(a)} voor de zitting van {a.zitting:%d/%m/%Y} "
                             f"({a.id}): agendeer opnieuw met `{commando.format(id=d.id)}`")
        return Afleiding("niet-voldaan", f"{bespreking.staat(a)} voor de zitting van {a.zitting:%d/%m/%Y} ({a.id}); "
                         f"na de zitting: `ketencli agendeer uitkomst {d.id} {a.id} --status besproken`")

    return regel


def _afrondingstoets(d: Any, op: date, lid: str | None) -> Afleiding:
    from ketencli.methodiek import afronding

    criteria = afronding.toets(d, op)
    if afronding.klaar(criteria):
        return Afleiding("voldaan", "alle vereiste criteria van de afrondingstoets zijn voldaan")
    open_ = [c for c in criteria if c.vereist and c.oordeel != "voldaan"]
    telling = aantal(len(open_), "criterium", "criteria")
    return Afleiding("niet-voldaan", f"{telling} nog niet voldaan: `ketencli afronding check {d.id}`")


def _check_zes_maanden(d: Any, op: date, lid: str | None) -> Afleiding:
    a = d.afronding
    if a.nieuwe_feiten or a.vervolghulp_goed_gestart is not None:
        return Afleiding("voldaan", "laatste check op nieuwe feiten en vervolghulp geregistreerd", a.afgesloten_op)
    if a.gestart_op is None:
        return Afleiding("niet-voldaan", "de afronding is nog niet gestart")
    tot = f" (rond {a.opvolging_tot:%d/%m/%Y})" if a.opvolging_tot else ""
    return Afleiding("niet-voldaan", f"de check na zes maanden is nog niet geregistreerd{tot}")


def _afgesloten(d: Any, op: date, lid: str | None) -> Afleiding:
    if d.fase == "afgesloten":
        return Afleiding("voldaan", "het dossier is afgesloten", d.afronding.afgesloten_op)
    return Afleiding("niet-voldaan", f"nog niet afgesloten: `ketencli afronding afsluiten {d.id}`")


def _consulent_afronding(d: Any, op: date, lid: str | None) -> Afleiding:
    """A partner consultation about the afronding recorded for the ocj-sdj service (D21)."""
    consulenten = {x.id for x in d.betrokken_diensten if x.soort == "ocj-sdj"}
    if not consulenten:
        return Afleiding("voldaan", "geen OCJ/SDJ betrokken")
    overleg = [p for p in d.afronding.partners if p.dienst in consulenten]
    if overleg:
        return Afleiding("voldaan", "afronding afgestemd met de consulent", overleg[-1].datum)
    dienst = sorted(consulenten)[0]
    return Afleiding("niet-voldaan", f"nog niet geregistreerd: `ketencli afronding partner {d.id} --dienst {dienst}`")


def _consulent_pv(d: Any, op: date, lid: str | None) -> Afleiding:
    incidenten = bijlage_b.incidenten(d)
    if not incidenten:
        return _onbekend(f"nog geen {bijlage_b.SOORTEN_TEKST} in de tijdlijn sinds de start van de casusregie")
    ingelicht = [bijlage_b.consulent_ingelicht_op(d, t) for _, t in incidenten]
    open_ = [f"nr {nr} ({t.datum:%d/%m/%Y})" for (nr, t), op_ in zip(incidenten, ingelicht, strict=True) if op_ is None]
    if open_:
        return Afleiding("niet-voldaan", "consulent nog niet ingelicht over " + ", ".join(open_)
                         + f": `ketencli tijdlijn edit {d.id} NR --consulent-geinformeerd DATUM`")
    return Afleiding("voldaan", f"consulent ingelicht over {_alle(len(incidenten))}",
                     max(x for x in ingelicht if x is not None))


def _incident_afspraken(d: Any, op: date, lid: str | None) -> Afleiding:
    incidenten = bijlage_b.incidenten(d)
    if not incidenten:
        return _onbekend(f"nog geen {bijlage_b.SOORTEN_TEKST} in de tijdlijn sinds de start van de casusregie")
    open_ = [f"nr {nr} ({t.datum:%d/%m/%Y})" for nr, t in incidenten if t.afspraken is None or not t.afspraken.volledig]
    if open_:
        return Afleiding("niet-voldaan", "afspraken van bijlage B nog niet genoteerd bij " + ", ".join(open_)
                         + f": `ketencli tijdlijn edit {d.id} NR --impact-kinderen ... --gesprek-door ... "
                         "--netwerk-door ...`")
    return Afleiding("voldaan", f"afspraken genoteerd bij {_alle(len(incidenten))}")


def _bijlage_d_route(d: Any, op: date, lid: str | None) -> Afleiding:
    """Which route of annex D applies to each detainee (methodiek.bijlage_d, D22); ticked by hand."""
    delen = []
    for x, route in bijlage_d.gedetineerden(d):
        docs = ", ".join(f"`ketencli doc {d.id} {soort} --lid {x.id}`" for soort in route.documenten)
        delen.append(f"{x.naam} ({x.id}): {route.samenvatting} ({docs})")
    return _onbekend("; ".join(delen) + "; vink af als het contact gelegd is")


def _intake_geagendeerd(d: Any, op: date, lid: str | None) -> Afleiding:
    """Agendaed at the region's intake table (D26), or its outcome is already recorded."""
    if d.ico is not None:
        return Afleiding("voldaan", f"verkennend overleg van {d.ico.datum:%d/%m/%Y}", d.ico.datum)
    return _geagendeerd("intake", ("ico",), "ketencli agendeer ico {id}")(d, op, lid)


def _intake_uitkomst(d: Any, op: date, lid: str | None) -> Afleiding:
    """The outcome of the verkennend overleg (L314-344); a herbespreking still asks for the next one."""
    commando = f"`ketencli dossier ico {d.id} --conclusie ... --datum DATUM`"
    if d.ico is None:
        return Afleiding("niet-voldaan", f"nog geen uitkomst geregistreerd: {commando}")
    if d.ico.conclusie == "herbespreking":
        volgende = f" op {d.ico.herbespreking_op:%d/%m/%Y}" if d.ico.herbespreking_op else ""
        return Afleiding("niet-voldaan", f"herbespreking{volgende}: registreer daarna de uitkomst met {commando}")
    return Afleiding("voldaan", f"uitkomst van {d.ico.datum:%d/%m/%Y}: {d.ico.conclusie}", d.ico.datum)


def _knelpunten_sinds(vanaf: Callable[[Any], date | None], wanneer: str) -> Callable[[Any, date, str | None],
                                                                                 Afleiding]:
    """Met by a knelpunt recorded on or after ``vanaf(d)`` (issue 17); otherwise open: "geen" is a tick."""

    def regel(d: Any, op: date, lid: str | None) -> Afleiding:
        begin = vanaf(d)
        data = sorted(k.datum for k in d.knelpunten if (begin is None or k.datum >= begin) and k.datum <= op)
        if data:
            return Afleiding("voldaan", f"{aantal(len(data), 'knelpunt', 'knelpunten')} genoteerd {wanneer} "
                                        f"(laatste {data[-1]:%d/%m/%Y})", data[-1])
        return _onbekend(f"nog geen knelpunt genoteerd {wanneer}: noteer er een met `ketencli knelpunt add {d.id}`, "
                         f"of vink af met de notitie '{GEEN_KNELPUNTEN}'")

    return regel


def _handmatig(uitleg: str) -> Callable[[Any, date, str | None], Afleiding]:
    return lambda d, op, lid: _onbekend(uitleg)


_REGELS: dict[str, Callable[[Any, date, str | None], Afleiding]] = {
    "instemming-volwassene": _instemming,
    "minderjarigen-gesproken": _minderjarige,
    "veiligheidsplan": _veiligheidsplan,
    "458ter-uitgelegd": _uitleg_458ter,
    "kijkschema-actueel": _kijkschema_actueel,
    "beschermende-factoren": _beschermend,
    "pva-opgemaakt": _pva_opgemaakt,
    "pva-doelstellingen": _pva_doelstellingen,
    "pva-begeleiding": _pva_begeleiding,
    "pva-eigen-netwerk": _pva_eigen_netwerk,
    "netwerkoverleg": _netwerkoverleg,
    "consulent-afstemming": _consulent_afstemming,
    # need data ketencli does not record yet: the regisseur ticks these by hand
    "bijlage-d-route": _bijlage_d_route,
    "intake-geagendeerd": _intake_geagendeerd,
    "intake-uitkomst": _intake_uitkomst,
    "gezinsleden-gehoord": _handmatig("ketencli houdt contacten per gezinslid niet bij: vink dit zelf af"),
    "weegploeg-pva": _besproken("plan", ("pva", "gewijzigd"), "ketencli agendeer weegploeg {id} --soort pva"),
    "rondetafel-geagendeerd": _geagendeerd("opvolging", ("rondetafel",), "ketencli agendeer rondetafel {id}"),
    "weegploeg-afronding": _besproken("plan", ("afronding",), "ketencli agendeer weegploeg {id} --soort afronding"),
    "afrondingstoets": _afrondingstoets,
    "check-zes-maanden": _check_zes_maanden,
    "afsluiting-rondetafel": _afgesloten,
    "consulent-afronding": _consulent_afronding,
    "consulent-pv-geinformeerd": _consulent_pv,
    "incident-afspraken": _incident_afspraken,
    "knelpunten": _knelpunten_sinds(lambda d: d.casusregie_start, "sinds de start van de casusregie"),
    "knelpunten-afronding": _knelpunten_sinds(lambda d: d.afronding.gestart_op or date.max,
                                              "sinds de start van de afronding"),
}

# Rules whose outcome is computed (the others are manual); tests and docs use this.
BEREKENDE_REGELS: frozenset[str] = frozenset(
    k for k, f in _REGELS.items() if f.__name__ != "<lambda>"
)


# -- evaluation ------------------------------------------------------------------------------


def _registraties(d: Any, item_key: str, lid: str | None) -> list[Any]:
    return [s for s in d.stappen if s.item == item_key and s.lid == lid]


def _stand(d: Any, lijst: cl.Checklist, it: cl.Item, op: date, lid: str | None) -> ItemStand:
    if it.key in _BIJLAGE_C_ITEMS:
        afl = _bijlage_c(d, it.key)
    elif it.afleiding:
        afl = afleiden(d, it.afleiding, op, lid)
    else:
        afl = Afleiding("")
    eigen = _registraties(d, it.key, lid)
    vervalt = afl.vervalt_op
    if it.key in HERHALEND:
        # a recurring item is done until its next due date
        if afl.oordeel == "voldaan":
            laatste = max((s for s in eigen if s.status == "gedaan"), key=lambda s: s.datum, default=None)
            return ItemStand(lijst.key, it, lid, "gedaan", afl.datum, laatste.notitie if laatste else "",
                             afleiding=afl, vervalt_op=vervalt)
        overgeslagen = [s for s in eigen if s.status == "overgeslagen"]
        if overgeslagen and not any(s.status == "gedaan" for s in eigen):
            s = overgeslagen[-1]
            return ItemStand(lijst.key, it, lid, "overgeslagen", s.datum, s.notitie, s.reden, afl)
        return ItemStand(lijst.key, it, lid, "open", afleiding=afl, vervalt_op=vervalt)
    if eigen:
        s = eigen[-1]
        return ItemStand(lijst.key, it, lid, s.status, s.datum, s.notitie, s.reden, afl)
    if lid is not None:
        kind = d.lid(lid)
        if kind is not None and kind.tijdelijk_niet_betrokken is not None:
            return ItemStand(lijst.key, it, lid, "overgeslagen", kind.tijdelijk_niet_betrokken.sinds,
                             reden=f"tijdelijk niet betrokken: {kind.tijdelijk_niet_betrokken.reden}",
                             afleiding=afl)
    if afl.oordeel == "voldaan":
        return ItemStand(lijst.key, it, lid, "afgeleid", afl.datum, afleiding=afl)
    return ItemStand(lijst.key, it, lid, "open", afleiding=afl, vervalt_op=vervalt)


def evalueer_checklist(d: Any, lijst: cl.Checklist, op: date,
                       woorden: dict[str, str] | None = None) -> ChecklistStand:
    """The state of one checklist; its texts in the region's words (``woorden``: ``regios.woorden`` of the
    dossier's region with the user's settings, D30; left out, the built-in region's)."""
    woorden = woorden or regios.woorden_van(d.regio)
    geldt, reden = voorwaarde(d, lijst.voorwaarde, op)
    kinderen = [k.id for k in d.kinderen_ouder_dan_12(op)]
    standen: list[ItemStand] = []
    for it in lijst.items:
        if it.voorwaarde and not voorwaarde(d, it.voorwaarde, op)[0]:
            continue
        leden: list[str | None] = list(kinderen) if it.per_kind else [None]
        for lid in leden:
            standen.append(_stand(d, lijst, cl.in_woorden(it, woorden), op, lid))
    if lijst.key == "bijlage-a":
        # grouped per child: all items of the first child, then the next
        standen.sort(key=lambda s: kinderen.index(s.lid) if s.lid in kinderen else -1)
    return ChecklistStand(replace(lijst, naam=regios.in_woorden(lijst.naam, woorden)), geldt, reden, tuple(standen))


def _huidige(d: Any, standen: dict[str, ChecklistStand]) -> tuple[str | None, str]:
    if d.fase in ("afgerond", "afgesloten"):
        return "loslaten", "het dossier is afgerond"
    if d.fase != "casusregie":
        return None, "de casusregie is nog niet gestart (fase: " + d.fase + ")"
    for key in ("horen", "plan"):
        if standen[key].open:
            return key, "eerste casusregiefase met open punten"
    return "opvolgen", "horen en plan van aanpak zijn afgewerkt"


def evalueer(d: Any, op: date, woorden: dict[str, str] | None = None) -> Overzicht:
    """The state of every checklist and annex for the dossier on ``op``, in the region's words
    (``woorden``: ``regios.woorden`` with the user's settings, D30; left out, the built-in region's)."""
    woorden = woorden or regios.woorden_van(d.regio)
    standen = {c.key: evalueer_checklist(d, c, op, woorden)
               for c in (*cl.FASEN, *cl.BIJLAGEN, cl.VOOR_CASUSREGIE)}
    huidige, reden = _huidige(d, standen)
    gedetineerden = tuple(
        Gedetineerde(
            lid.id, lid.naam,
            (g.naam if (g := gevangenissen.gevangenis(lid.detentie.gevangenis)) else lid.detentie.gevangenis),
            route,
            woorden,
        )
        for lid, route in bijlage_d.gedetineerden(d)
    )
    return Overzicht(
        op=op,
        checklists=tuple(standen.values()),
        huidige=huidige,
        huidige_reden=reden,
        kinderen_12=tuple((k.id, k.naam) for k in d.kinderen_ouder_dan_12(op)),
        gedetineerden=gedetineerden,
        blokkerend=blokkades(d, op),
    )


def blokkades(d: Any, op: date) -> tuple[Blokkade, ...]:
    """What blocks the casusregie itself on ``op``: casusregie without an adult's consent (L131-135, D17)."""
    if aanmelding.zonder_instemming(d, op):
        melding, wat = aanmelding.instemming_melding(d)
        return (Blokkade("instemming", melding, wat, "instemming-nagaan"),)
    return ()


# -- validating a registration ---------------------------------------------------------------


@dataclass(frozen=True)
class Doel:
    """A resolved item a command wants to tick, skip or reopen."""

    checklist: cl.Checklist
    item: cl.Item
    lid: str | None


class OngeldigItem(ValueError):
    """An item key or member that cannot be registered; ``melding`` and ``tip`` are Dutch."""

    def __init__(self, melding: str, tip: str | None = None) -> None:
        super().__init__(melding)
        self.melding = melding
        self.tip = tip


def bepaal_doel(d: Any, item_key: str, lid: str | None, op: date) -> Doel:
    """Resolve an item key (and member) for a registration, or raise ``OngeldigItem``."""
    gevonden = cl.item(item_key)
    if gevonden is None:
        nabij = cl.dichtste_items(item_key)
        if cl.checklist(item_key) is not None:
            raise OngeldigItem(f"'{item_key}' is een checklist, geen item.",
                               f"Doorloop ze met `ketencli stap {d.id} {item_key}`.")
        raise OngeldigItem(
            f"Het item '{item_key}' bestaat niet.",
            (f"Bedoel je {' of '.join(nabij)}? " if nabij else "")
            + f"De sleutels staan in `ketencli stap {d.id} --alles`.",
        )
    lijst, it = gevonden
    geldt, reden = voorwaarde(d, lijst.voorwaarde, op)
    if geldt and it.voorwaarde:
        geldt, reden = voorwaarde(d, it.voorwaarde, op)
    if not geldt:
        raise OngeldigItem(f"Het item '{it.key}' is niet van toepassing in dossier {d.id}: {reden}.")
    kinderen = [k.id for k in d.kinderen_ouder_dan_12(op)]
    if it.per_kind:
        if lid is None:
            if len(kinderen) == 1:
                lid = kinderen[0]
            else:
                raise OngeldigItem(f"Het item '{it.key}' geldt per kind: geef --lid "
                                   f"({' of '.join(kinderen)}).")
        elif lid not in kinderen:
            raise OngeldigItem(
                f"Het item '{it.key}' geldt per kind van 12 jaar of ouder; {lid} is dat niet.",
                f"Kinderen van 12 of ouder: {', '.join(kinderen) or 'geen'}.",
            )
    elif lid is not None:
        raise OngeldigItem(f"Het item '{it.key}' geldt niet per kind: laat --lid weg.")
    return Doel(lijst, it, lid)


def _alle(n: int) -> str:
    """'het ene feit' or 'alle 3 pv's, incidenten en meldingen' (annex B's events, D28)."""
    return "dat ene feit (pv, incident of melding)" if n == 1 else f"alle {n} {bijlage_b.SOORTEN_TEKST}"
