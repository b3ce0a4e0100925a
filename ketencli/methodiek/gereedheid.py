"""Is a dossier ready to be put on a table's agenda? The readiness rules of `ketencli agendeer`.

Pure functions over the dossier model (only read). Each rule yields ``Bevinding``s with a severity:
``blokkerend`` (the table cannot do its work without it: `agendeer` stops unless ``--toch``) or
``waarschuwing`` (worth fixing, never stops). Every finding names a ketencli command that fixes it.

What is checked depends on the kind of agendering (issue 6, annexes F and G of the guide):

- weegploeg ``pva`` / ``gewijzigd``: a plan van aanpak without errors in ``pva check``; every child
  of 12 or older spoken to, or a recorded plan for it (L1627-1629, L541); a veiligheidsplan; the
  members and relations complete for the genogram.
- weegploeg ``afronding``: the same, plus the afronding check (``methodiek.afronding``).
- ``rondetafel``: a question or an interim evaluation; before the weegploeg the talk with children
  of 12 or older is asked (annex F, step 1); an interim evaluation needs the plan and a new
  kijkschema (L808).
- ``ico``: the registration questions answered and the members known.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import asdict, dataclass, field
from datetime import date
from typing import Any, Literal

from ketencli.methodiek import bespreking, pva_regels, regios
from ketencli.methodiek import checklists as cl
from ketencli.taal import aantal

Ernst = Literal["blokkerend", "waarschuwing"]
ERNSTEN: tuple[str, ...] = ("blokkerend", "waarschuwing")
SOORTEN: tuple[str, ...] = ("pva", "gewijzigd", "afronding", "rondetafel", "ico")
WEEGPLOEG_SOORTEN: tuple[str, ...] = ("pva", "gewijzigd", "afronding")

# What the table is called in messages: a placeholder for the region's words (D30, regios.in_woorden).
TAFEL_WOORD: dict[str, str] = {
    "pva": "{plan}",
    "gewijzigd": "{plan}",
    "afronding": "{plan}",
    "rondetafel": "{opvolging}",
    "ico": "{intake}",
}


@dataclass(frozen=True)
class Bevinding:
    regel: str  # neutral key of the rule, e.g. "pva-ontbreekt"
    ernst: str
    betreft: str
    melding: str
    wat_te_doen: str

    @property
    def blokkerend(self) -> bool:
        return self.ernst == "blokkerend"

    def als_dict(self) -> dict[str, str]:
        return asdict(self)


@dataclass(frozen=True)
class Gereedheid:
    """The outcome of the readiness check for one kind of agendering."""

    soort: str
    bevindingen: tuple[Bevinding, ...]
    voldaan: tuple[str, ...] = field(default_factory=tuple)  # Dutch: what was checked and is fine

    @property
    def blokkerend(self) -> tuple[Bevinding, ...]:
        return tuple(b for b in self.bevindingen if b.blokkerend)

    @property
    def waarschuwingen(self) -> tuple[Bevinding, ...]:
        return tuple(b for b in self.bevindingen if not b.blokkerend)

    @property
    def klaar(self) -> bool:
        return not self.blokkerend

    def regels(self) -> set[str]:
        return {b.regel for b in self.bevindingen}

    def als_dict(self) -> dict[str, Any]:
        return {
            "soort": self.soort,
            "klaar": self.klaar,
            "bevindingen": [b.als_dict() for b in self.bevindingen],
            "voldaan": list(self.voldaan),
        }


class _Verzamelaar:
    def __init__(self) -> None:
        self.bevindingen: list[Bevinding] = []
        self.voldaan: list[str] = []

    def voeg(self, regel: str, streng: bool, betreft: str, melding: str, wat_te_doen: str) -> None:
        self.bevindingen.append(
            Bevinding(regel, "blokkerend" if streng else "waarschuwing", betreft, melding, wat_te_doen)
        )

    def ok(self, tekst: str) -> None:
        self.voldaan.append(tekst)


def controleer(
    d: Any,
    soort: str,
    op: date,
    *,
    vraag: str = "",
    tussentijdse_evaluatie: bool = False,
    afronding_criteria: Sequence[Any] | None = None,
    plan_aan_tafel: bool | None = None,
    woorden: dict[str, str] | None = None,
) -> Gereedheid:
    """The readiness of dossier ``d`` on ``op`` for an agendering of kind ``soort``.

    ``afronding_criteria`` (the outcome of ``methodiek.afronding.toets``) may be given by the
    caller; for ``afronding`` it is computed here when left out. ``plan_aan_tafel`` is the region's
    ``Regio.plan_aan_tafel`` with the user's settings applied (the caller knows them: ``planning.regio``);
    left out, the built-in region's. Every text is in the region's words (``woorden``: ``planning.woorden``
    with the user's settings, D30; left out, the built-in region's).
    """
    if soort not in SOORTEN:
        raise ValueError(f"onbekende soort agendering: {soort}")
    v = _Verzamelaar()
    weegploeg = soort in WEEGPLOEG_SOORTEN
    if weegploeg:
        aan_tafel = _plan_aan_tafel(d) if plan_aan_tafel is None else plan_aan_tafel
        _fase(d, v, plan_aan_tafel=aan_tafel)
        # D26: where the table drafts the first plan, there is no plan to bring yet
        _plan(d, v, streng=True, aan_tafel=aan_tafel and soort == "pva")
        _kinderen_12(d, op, v, streng=soort != "afronding")
        _veiligheidsplan(d, v)
        _genogram(d, op, v, streng=True)
        if soort == "afronding":
            criteria = afronding_criteria if afronding_criteria is not None else _afronding_toets(d, op)
            _afronding(d, criteria, v)
    elif soort == "rondetafel":
        _rondetafel(d, op, v, vraag=vraag, tussentijdse_evaluatie=tussentijdse_evaluatie)
        _genogram(d, op, v, streng=False)
    else:
        _ico(d, v)
        _genogram(d, op, v, streng=False)
    volgorde = sorted(v.bevindingen, key=lambda b: ERNSTEN.index(b.ernst))
    w = woorden or regios.woorden_van(d.regio)
    volgorde = [Bevinding(b.regel, b.ernst, regios.in_woorden(b.betreft, w), regios.in_woorden(b.melding, w),
                          regios.in_woorden(b.wat_te_doen, w)) for b in volgorde]
    return Gereedheid(soort, tuple(volgorde), tuple(regios.in_woorden(t, w) for t in v.voldaan))


def na_weegploeg(d: Any) -> bool:
    """True once a weegploeg discussed the plan (a pva or gewijzigd agendering was besproken, D29)."""
    return bespreking.laatst_besproken(d.agenderingen, "plan", ("pva", "gewijzigd")) is not None


# -- rules -------------------------------------------------------------------------------------


def _plan_aan_tafel(d: Any) -> bool:
    regio = regios.STANDAARD.get(d.regio)
    return regio is not None and regio.plan_aan_tafel


def _fase(d: Any, v: _Verzamelaar, *, plan_aan_tafel: bool) -> None:
    # Where the plan is drafted at the table before a regisseur is appointed (West-Vlaanderen, D26;
    # Leuven's operationeel team, Leuven article L24: Regio.plan_aan_tafel), a plan before casusregie is normal.
    if d.fase in ("geen-instemming", "niet-ingestroomd") or (
        d.fase in ("aanmelding", "verkenning") and not plan_aan_tafel
    ):
        v.voeg("fase-geen-casusregie", False, "fase",
               f"Het dossier is in de fase '{d.fase}': {{plan}} bespreekt hier het plan van een casusregie.",
               f"Kijk de fase na met `ketencli dossier show {d.id}`.")


def _plan(d: Any, v: _Verzamelaar, *, streng: bool, aan_tafel: bool = False) -> None:
    """A plan without errors. ``aan_tafel``: the region drafts the first plan at the table
    (``Regio.plan_aan_tafel``, D26): no plan yet is normal, said as information, never a finding."""
    if not d.pva.rijen and aan_tafel:
        v.ok("nog geen plan van aanpak: in deze regio stelt de tafel het eerste plan samen op")
        return
    if not d.pva.rijen:
        v.voeg("pva-ontbreekt", streng, "plan van aanpak",
               "Er is nog geen plan van aanpak: de tafel bespreekt het plan.",
               f"Stel het op met `ketencli pva edit {d.id}` of `ketencli pva rij add {d.id}`.")
        return
    bevindingen = pva_regels.controleer(d)
    fouten = [b for b in bevindingen if b.ernst == "fout"]
    for b in fouten:
        v.voeg("pva-fout", streng, b.betreft, f"pva check: {b.melding}",
               f"{b.wat_te_doen} (alles: `ketencli pva check {d.id}`)")
    waarschuwingen = sum(1 for b in bevindingen if b.ernst == "waarschuwing")
    if waarschuwingen:
        v.voeg("pva-waarschuwingen", False, "plan van aanpak",
               f"pva check geeft {waarschuwingen} waarschuwing{'en' if waarschuwingen != 1 else ''}.",
               f"Bekijk ze met `ketencli pva check {d.id}`.")
    if not fouten:
        v.ok(f"plan van aanpak aanwezig ({aantal(len(d.pva.rijen), 'rij', 'rijen')}), pva check zonder fouten")


def _kinderen_12(d: Any, op: date, v: _Verzamelaar, *, streng: bool) -> None:
    """Every child of 12 or older spoken to (annex A or 'kinderen-spreken'), or a recorded plan."""
    from ketencli.methodiek import stappen

    kinderen = d.kinderen_ouder_dan_12(op)
    if not kinderen:
        v.ok("geen kinderen van 12 jaar of ouder")
        return
    gevonden = cl.item("kinderen-spreken")
    standen: dict[str | None, Any] = {}
    if gevonden is not None:
        lijst, _ = gevonden
        standen = {s.lid: s for s in stappen.evalueer_checklist(d, lijst, op).items if s.item.key == "kinderen-spreken"}
    gesproken = []
    for kind in kinderen:
        stand = standen.get(kind.id)
        status = stand.status if stand is not None else "open"
        wie = f"{kind.naam} ({kind.id}, {kind.leeftijd(op)} jaar)"
        if status in ("gedaan", "afgeleid"):
            gesproken.append(kind.id)
        elif status == "overgeslagen":
            v.voeg("kind-plan", False, wie,
                   f"Nog niet gesproken; genoteerd: {stand.reden or 'geen reden'}. De tafel vraagt hoe je "
                   "het kind zult spreken.",
                   f"Na het gesprek: `ketencli stap {d.id} afvinken kinderen-spreken --lid {kind.id}`.")
        else:
            v.voeg("kind-niet-gesproken", streng, wie,
                   "Dit kind van 12 jaar of ouder is nog niet gesproken en er staat geen plan voor het gesprek.",
                   f"Na het gesprek: `ketencli stap {d.id} afvinken kinderen-spreken --lid {kind.id}` "
                   f"(of bijlage A: `ketencli stap {d.id} bijlage-a --lid {kind.id}`); lukt het nog niet, noteer "
                   f"hoe je het kind zult spreken: `ketencli stap {d.id} overslaan kinderen-spreken "
                   f"--lid {kind.id} --reden \"...\"`.")
    if gesproken:
        v.ok("kinderen van 12 jaar of ouder gesproken: " + ", ".join(gesproken))


# the kijkschema item (protective, geweld) that says there is an effective safety plan
KIJKSCHEMA_VEILIGHEIDSPLAN = "geweld-veiligheidsplan"


def _heeft_inhoud(deel: Any) -> bool:
    return bool(deel.waarschuwingssignalen or deel.wat_te_doen or deel.veilige_plek or deel.wie_bellen
                or deel.afspraken)


def _veiligheidsplan(d: Any, v: _Verzamelaar) -> None:
    delen = [deel for deel in d.veiligheidsplan if _heeft_inhoud(deel)]
    if delen:
        wie = ", ".join("gezin" if deel.lid is None else deel.lid for deel in delen)
        v.ok(f"veiligheidsplan in het dossier ({wie})")
        return
    opdracht = f"Leg het vast met `ketencli stap {d.id} veiligheidsplan` (per gezinslid met --lid)."
    # Only the kijkschema's own item ("er is een effectief veiligheidsplan", scored aanwezig) is evidence
    # that a plan exists; the aanmelding's free text is not ("Nog geen. ..." is text too: review finding 4).
    actueel = d.kijkschema_actueel
    b = actueel.beoordeling(KIJKSCHEMA_VEILIGHEIDSPLAN) if actueel is not None else None
    if b is not None and b.staat == "aanwezig":
        v.voeg("veiligheidsplan-niet-vastgelegd", False, "veiligheidsplan",
               f"Het kijkschema van {actueel.datum:%d/%m/%Y} scoort 'er is een effectief veiligheidsplan' als "
               "aanwezig, maar het plan zelf staat niet in het dossier; de tafel vraagt ernaar.",
               opdracht)
        return
    melding = "Er staat nog geen veiligheidsplan in het dossier; de tafel vraagt ernaar."
    if d.aanmelding.veiligheidsplan.strip():
        melding += (" De aanmelding vermeldt iets over een veiligheidsplan: kijk na of er al een is en leg het "
                    "dan vast.")
    v.voeg("veiligheidsplan-ontbreekt", True, "veiligheidsplan", melding, opdracht)


def _lid_label(lid: Any) -> str:
    return f"{lid.naam} ({lid.id})"


def _genogram(d: Any, op: date, v: _Verzamelaar, *, streng: bool) -> None:
    """Members and relations complete enough to draw the genogram."""
    leden = list(d.gezinsleden)
    if not leden:
        v.voeg("geen-gezinsleden", streng, "gezinsleden", "Er staan nog geen gezinsleden in het dossier.",
               f"Voeg ze toe met `ketencli dossier lid add {d.id}`.")
        return
    fouten_voor = len(v.bevindingen)
    for lid in leden:
        if not lid.rollen:
            v.voeg("lid-zonder-rol", streng, _lid_label(lid), "Dit gezinslid heeft geen rol.",
                   f"`ketencli dossier lid edit {d.id} {lid.id} --rol ROL`.")
        if "kind" in lid.rollen and lid.geboortedatum is None:
            v.voeg("kind-zonder-geboortedatum", streng, _lid_label(lid),
                   "De geboortedatum van dit kind ontbreekt: het genogram en de regel voor kinderen van 12 jaar "
                   "of ouder hebben ze nodig.",
                   f"`ketencli dossier lid edit {d.id} {lid.id} --geboortedatum JJJJ-MM-DD`.")
    verbonden: set[frozenset[str]] = set()
    for lid in leden:
        for relatie in lid.relaties:
            verbonden.add(frozenset((lid.id, relatie.met)))
    if len(leden) > 1:
        for lid in leden:
            if not any(lid.id in paar for paar in verbonden):
                v.voeg("lid-los", streng, _lid_label(lid),
                       "Dit gezinslid heeft geen enkele relatie met een ander gezinslid: het staat los in het "
                       "genogram.",
                       f"`ketencli dossier lid edit {d.id} {lid.id} --relatie LID:SOORT` (bv. m1:ouder-van).")
        losse = {lid.id for lid in leden if not any(lid.id in paar for paar in verbonden)}
        ontbrekend = _ontbrekende_relaties([lid for lid in leden if lid.id not in losse], verbonden)
        if ontbrekend:
            a, b = ontbrekend[0][:2]
            v.voeg("relatie-ontbreekt", False, "; ".join(tekst for _, _, tekst in ontbrekend),
                   ("Hun relatie is" if len(ontbrekend) == 1 else f"Deze {len(ontbrekend)} relaties zijn")
                   + " niet vastgelegd; het genogram blijft daar onvolledig.",
                   f"`ketencli dossier lid edit {d.id} {a.id} --relatie {b.id}:SOORT`.")
    if len(v.bevindingen) == fouten_voor:
        v.ok(f"gezinsleden en relaties volledig voor het genogram ({aantal(len(leden), 'lid', 'leden')})")


def _ontbrekende_relaties(leden: Sequence[Any], verbonden: set[frozenset[str]]) -> list[tuple[Any, Any, str]]:
    """The missing relations the genogram needs, as (a, b, text), not every unrelated pair (new-user trial:
    12 warnings such as the deceased father and the new partner, or the grandparents among themselves):

    - two parents of the same child without a relation between them: the couple line is missing;
    - a group of members with no recorded relation to the rest of the family: the genogram falls apart
      (one entry per such group, against the largest group).

    Members linked through a chain of recorded relations (parent, child, partner ...) are placed already.
    """
    ids = {lid.id for lid in leden}
    per_id = {lid.id: lid for lid in leden}
    ouders: dict[str, set[str]] = {}
    for lid in leden:
        for r in lid.relaties:
            if r.met not in ids:
                continue
            if r.soort == "ouder-van":
                ouders.setdefault(r.met, set()).add(lid.id)
            elif r.soort == "kind-van":
                ouders.setdefault(lid.id, set()).add(r.met)
    uit: list[tuple[Any, Any, str]] = []
    gezien: set[frozenset[str]] = set()
    for kind_id, ouder_ids in ouders.items():
        rij = [x.id for x in leden if x.id in ouder_ids]
        for i, a in enumerate(rij):
            for b in rij[i + 1:]:
                paar = frozenset((a, b))
                if paar in verbonden or paar in gezien:
                    continue
                gezien.add(paar)
                uit.append((per_id[a], per_id[b], f"{_lid_label(per_id[a])} en {_lid_label(per_id[b])} "
                                                  f"(samen ouder van {_lid_label(per_id[kind_id])})"))
    groepen: list[list[Any]] = []  # connected components over the recorded relations, in member order
    groep_van: dict[str, int] = {}
    for lid in leden:
        if lid.id in groep_van:
            continue
        groep_van[lid.id] = len(groepen)
        groep, te_doen = [], [lid.id]
        while te_doen:
            x = te_doen.pop()
            groep.append(x)
            for paar in verbonden:
                if x in paar:
                    for y in paar - {x}:
                        if y in ids and y not in groep_van:
                            groep_van[y] = len(groepen)
                            te_doen.append(y)
        groepen.append([lid for lid in leden if lid.id in groep])
    if len(groepen) > 1:
        hoofd = max(groepen, key=len)
        for groep in groepen:
            if groep is not hoofd:
                uit.append((groep[0], hoofd[0], ", ".join(_lid_label(x) for x in groep) + " en de rest van het gezin ("
                            + ", ".join(_lid_label(x) for x in hoofd) + ")"))
    return uit


def _afronding_toets(d: Any, op: date) -> list[Any]:
    from ketencli.methodiek import afronding

    return list(afronding.toets(d, op))


def _samen(delen: Iterable[str]) -> str:
    """Evidence lines as one sentence: "; " between them, a space after a line that ends in ":"."""
    uit = ""
    for deel in (str(x).strip() for x in delen):
        if not deel:
            continue
        uit = deel if not uit else uit + (" " if uit.endswith(":") else "; ") + deel
    return uit


def _afronding(d: Any, criteria: Iterable[Any], v: _Verzamelaar) -> None:
    criteria = list(criteria)
    from ketencli.methodiek import afronding

    klaar = bool(afronding.klaar(criteria))
    blokkerend = 0
    for c in criteria:
        if c.oordeel == "voldaan":
            continue
        streng = not klaar and bool(c.vereist)
        blokkerend += streng
        bewijs = _samen(c.bewijs) if isinstance(c.bewijs, (list, tuple)) else str(c.bewijs or "")
        uitleg = bewijs or ("nog niet voldaan" if c.oordeel == "niet-voldaan" else "nog niet te beoordelen")
        v.voeg("afronding-" + c.key, streng, f"afronding: {c.titel}", uitleg,
               c.wat_te_doen or f"Bekijk de afrondingstoets: `ketencli afronding check {d.id}`.")
    if not klaar and not blokkerend:
        v.voeg("afronding-niet-klaar", True, "afronding", "De afrondingstoets is nog niet voldaan.",
               f"Bekijk de afrondingstoets: `ketencli afronding check {d.id}`.")
    if klaar:
        v.ok("afrondingstoets voldaan")


def _rondetafel(d: Any, op: date, v: _Verzamelaar, *, vraag: str, tussentijdse_evaluatie: bool) -> None:
    if not vraag.strip() and not tussentijdse_evaluatie:
        v.voeg("vraag-ontbreekt", True, "vraag",
               "{opvolging} bespreekt een vraag (of een tussentijdse evaluatie); er is geen vraag.",
               f"Geef de vraag mee: `ketencli agendeer rondetafel {d.id} --vraag \"...\"`.")
    besproken = na_weegploeg(d)
    if tussentijdse_evaluatie:
        _plan(d, v, streng=True)
        instroom, actueel = d.kijkschema_instroom, d.kijkschema_actueel
        if actueel is None or actueel is instroom:
            v.voeg("kijkschema-herhalen", False, "kijkschema",
                   "Bij de tussentijdse evaluatie hoort een nieuw kijkschema (gids L808); er is alleen dat van "
                   "de instroom." if actueel is not None else
                   "Bij de tussentijdse evaluatie hoort een kijkschema (gids L808); er is er nog geen.",
                   f"Vul het opnieuw in met `ketencli kijkschema invullen {d.id}`.")
        else:
            v.ok(f"nieuw kijkschema van {actueel.datum:%d/%m/%Y}")
    elif besproken:
        _plan(d, v, streng=False)
    if not besproken:
        # annex F, before the weegploeg: "Kon je alle kinderen ouder dan 12 jaar spreken?"
        _kinderen_12(d, op, v, streng=False)


def _ico(d: Any, v: _Verzamelaar) -> None:
    from ketencli.methodiek.aanmelding import AANMELDVRAGEN

    a = d.aanmelding
    if a.datum is None:
        v.voeg("aanmelddatum-ontbreekt", False, "aanmelding", "De datum van de aanmelding ontbreekt.",
               f"Vul ze aan met `ketencli dossier aanmelding {d.id}`.")
    if not (a.aanmelder.organisatie.strip() or a.aanmelder.persoon.strip()):
        v.voeg("aanmelder-ontbreekt", False, "aanmelding", "Wie aanmeldt (organisatie of persoon) ontbreekt.",
               f"Vul het aan met `ketencli dossier aanmelding {d.id} --aanmelder-organisatie ...`.")
    open_vragen = [vr.vraag for vr in AANMELDVRAGEN if not str(getattr(a, vr.key, "")).strip()]
    if open_vragen:
        v.voeg("aanmeldvragen-open", False, "aanmelding",
               f"{len(open_vragen)} van de {len(AANMELDVRAGEN)} aanmeldvragen zijn nog leeg, bv. "
               f"'{open_vragen[0]}'.",
               f"Vul ze aan met `ketencli dossier aanmelding {d.id}`.")
    else:
        v.ok("alle aanmeldvragen beantwoord")
    if d.ico is not None and d.ico.conclusie != "herbespreking":
        v.voeg("ico-al-besproken", False, "{intake_kort}",
               f"{{intake}} besprak dit dossier al op {d.ico.datum:%d/%m/%Y}.",
               f"Bekijk de uitkomst met `ketencli dossier show {d.id}`; agendeer alleen opnieuw voor een "
               "herbespreking.")
