"""The afrondingstoets of veilig loslaten (guide III.E, L668-737; annex G.3, L1804-1830), as pure rules.

Each criterion looks at a dossier (the pydantic model; only read) and returns a ``Criterium`` with
its verdict (``voldaan`` / ``niet-voldaan`` / ``onbekend`` when the dossier lacks the data to judge),
the evidence from the dossier (Dutch lines; they may name members: they are for the regisseur and
the weegploeg's "motivering tot afronding") and the concrete next step. ``klaar`` is true when every
required criterion is met (decisions D12: the command exits 1 otherwise).

The criteria, in the guide's order: violence stopped (window ``sinds``, default three months, D25),
enough against recurrence, fewer risk factors (D27: protective factors are context only), every PvA
action dealt with, goals judged, closing talk and follow-up help, partners consulted, every member
asked for an evaluation, extra safety actions when goals were not reached or the family became
unreachable (L697-702), and alignment with the OCJ/SDJ consulent when one is involved (D21, L1457).
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import asdict, dataclass
from datetime import date
from typing import Any

from ketencli.methodiek import bespreking, kijkschema, pva_regels, regios
from ketencli.methodiek.datums import plus_maanden
from ketencli.taal import aantal
from ketencli.taal import feiten as feiten_tekst

OORDELEN = ("voldaan", "niet-voldaan", "onbekend")
GEWELD_SOORTEN = ("incident", "pv", "melding")
STANDAARD_MAANDEN = 3  # D25: the default window of "the violence stopped"
OPVOLGING_MAANDEN = 6  # D25: afsluiting at the ronde tafel six months after afronding
# the stap item (annex B) that also records the alignment with the consulent before afronding
CONSULENT_ITEM = "consulent-voor-afronding"


@dataclass(frozen=True)
class Criterium:
    key: str  # kebab-case, stable (documents and --json use it)
    titel: str
    oordeel: str  # "voldaan" | "niet-voldaan" | "onbekend"
    bewijs: list[str]
    wat_te_doen: str
    vereist: bool = True

    def als_dict(self) -> dict[str, Any]:
        return asdict(self)


def standaard_sinds(vandaag: date, maanden: int = STANDAARD_MAANDEN) -> date:
    return plus_maanden(vandaag, -maanden)


# the fases from which the afronding can start (D8)
START_FASEN = ("casusregie", "ketenaanpak-zonder-regisseur")


def weegploeg_akkoord(dossier: Any) -> date | None:
    """The session date of the latest afronding discussed at the table with role 'plan' (weegploeg), if any (D29)."""
    a = bespreking.laatst_besproken(dossier.agenderingen, "plan", ("afronding",))
    return a.zitting.date() if a is not None else None


# the fases without casusregie that end at the ICO's conclusion (D8; guide L137-145 for geen-instemming):
# there is no afronding and no six months' follow-up, so they close directly (``afronding afsluiten``)
ZONDER_REGIE_FASEN = ("geen-instemming", "niet-ingestroomd")

def fase_voor_afsluiting(dossier: Any) -> str:
    """The fase a dossier had before it was afgesloten: ``afronding.afgesloten_uit_fase``, recorded when it
    was closed. Files closed before that field existed: read from the historie ("fase X → afgesloten"),
    else ``afgerond``, the method's usual way (D8).
    """
    if dossier.afronding.afgesloten_uit_fase:
        return dossier.afronding.afgesloten_uit_fase
    for item in reversed(dossier.historie):
        wat = item.wat
        if wat.startswith("fase ") and wat.endswith(" → afgesloten"):
            return wat[len("fase "):-len(" → afgesloten")]
    return "afgerond"


# the fases in which the afronding has started (its dates are in ``dossier.afronding``)
NA_AFRONDING_FASEN = ("afgerond", "afgesloten")

# What the afsluiting records, and what the afronding's sequence records, emptied: going back
# (``dossier heropen``, ``afronding herneem``) clears these, the evidence (slotgesprek, evaluaties, ...) stays.
AFSLUITING_LEEG: dict[str, Any] = {"afgesloten_op": None, "afgesloten_uit_fase": None, "nieuwe_feiten": "",
                                   "vervolghulp_goed_gestart": None, "vroeger_reden": ""}
AFRONDING_LEEG: dict[str, Any] = {"weegploeg_akkoord_op": None, "gestart_op": None, "opvolging_tot": None,
                                  "rondetafel_check_op": None}


def gewist(*, terug_naar_regie: bool) -> dict[str, Any]:
    """The afronding fields to empty when going back: the afsluiting, and with regie again also the afronding."""
    return AFSLUITING_LEEG | (AFRONDING_LEEG if terug_naar_regie else {})


def feiten_na_afronding(dossier: Any, tot: date | None = None) -> list[Any]:
    """Incidents, pv's and meldingen in the tijdlijn after the afronding date (up to ``tot``), oldest first.

    Empty when the afronding has not started (or the fase is no longer afgerond/afgesloten).
    """
    gestart = dossier.afronding.gestart_op
    if gestart is None or dossier.fase not in NA_AFRONDING_FASEN:
        return []
    return sorted((t for t in dossier.tijdlijn if t.soort in GEWELD_SOORTEN and t.datum > gestart
                   and (tot is None or t.datum <= tot)), key=lambda t: t.datum)


# what ``afronding afsluiten --geen-nieuwe-feiten`` records as the last check's finding (guide L731)
GEEN_NIEUWE_FEITEN = "geen nieuwe feiten"


def strijdig_met_afsluiting(dossier: Any) -> list[Any]:
    """The facts (incidents, pv's, meldingen; ``feiten_na_afronding``) after the afronding of a dossier
    that was afgesloten with "geen nieuwe feiten": the afsluiting rests on a last check (guide L731-733)
    that these facts contradict, and ``afronding afsluiten`` itself refuses it. Happens when two copies
    were changed apart (one closed, the other added a pv) and merged. Empty otherwise."""
    if dossier.fase != "afgesloten" or dossier.afronding.nieuwe_feiten != GEEN_NIEUWE_FEITEN:
        return []
    return feiten_na_afronding(dossier)


def feit_tekst(feit: Any) -> str:
    """One tijdlijn fact as a Dutch evidence line: 'pv op 08/05/2027: bedreiging'."""
    return f"{feit.soort} op {_d(feit.datum)}" + (f": {feit.omschrijving}" if feit.omschrijving else "")


def niet_voldaan(criteria: list[Criterium]) -> list[Criterium]:
    """The required criteria that are not met (niet-voldaan or onbekend)."""
    return [c for c in criteria if c.vereist and c.oordeel != "voldaan"]


def toets(dossier: Any, vandaag: date, sinds: date | None = None) -> list[Criterium]:
    """Every criterion of the afrondingstoets for the dossier on ``vandaag``.

    ``sinds`` is the start of the "violence stopped" window (default: three months before ``vandaag``).
    """
    venster = sinds or standaard_sinds(vandaag)
    return [regel(dossier, vandaag, venster) for regel in CRITERIA]


def criterium(dossier: Any, key: str, vandaag: date, sinds: date | None = None) -> Criterium | None:
    """One criterion by key (for checklist items derived from the afronding), or None for an unknown key."""
    return next((c for c in toets(dossier, vandaag, sinds) if c.key == key), None)


def klaar(criteria: list[Criterium]) -> bool:
    """Whether every required criterion is met."""
    return all(c.oordeel == "voldaan" for c in criteria if c.vereist)


# -- helpers -------------------------------------------------------------------------------------


def _d(x: date) -> str:
    return f"{x:%d/%m/%Y}"


# people and services by name, never by internal id: these texts go into the documents for the table


def _lid(d: Any, lid_id: str) -> str:
    lid = d.lid(lid_id)
    return lid.naam if lid else lid_id


def _dienst(d: Any, waarde: str) -> str:
    dienst = d.dienst(waarde.strip())
    return dienst.naam if dienst else waarde


def _factor(key: str) -> str:
    f = kijkschema.factor(key)
    return f.label if f else key


def _rij_factor(rij: Any) -> str:
    return _factor(rij.factor)


def _afgehandeld(actie: Any) -> bool:
    return actie.stavaza in ("afgerond", "geschrapt") or bool(actie.overgedragen_aan.strip())


def aanwezig(moment: Any, soort: str) -> list[Any]:
    """The factors of one soort ("risico" or "beschermend") scored present in a kijkschema moment: what
    D27 counts for "minder risicofactoren" (L708-709); `jaarcijfers` counts the same per domain."""
    return [b for b in moment.factoren if b.staat == "aanwezig"
            and (f := kijkschema.factor(b.factor)) is not None and f.soort == soort]


# -- criteria ------------------------------------------------------------------------------------


def _geweld_gestopt(d: Any, vandaag: date, sinds: date) -> Criterium:
    titel = "Het geweld is gestopt"
    feiten = sorted((t for t in d.tijdlijn if t.soort in GEWELD_SOORTEN and sinds <= t.datum <= vandaag),
                    key=lambda t: t.datum)
    bewijs = [feit_tekst(t) for t in feiten]
    verklaring = d.afronding.geweld_gestopt_verklaring.strip()
    na_afronding = feiten_na_afronding(d, vandaag)
    if na_afronding:  # new facts after the afronding: the ronde tafel discusses the dossier again (L1693-1696)
        gestart = d.afronding.gestart_op
        terug = (f"`ketencli afronding herneem {d.id} --reden \"...\"`" if d.fase == "afgerond" else
                 f"`ketencli dossier heropen {d.id} --naar casusregie --reden \"...\"`")
        return Criterium(
            "geweld-gestopt", titel, "niet-voldaan",
            [regios.in_woorden(f"Na de afronding van {_d(gestart)} kwam er nog {feiten_tekst(len(na_afronding))}"
                               ": {opvolging} bespreekt het dossier dan opnieuw (gids L1693-1696).",
                               regios.woorden_van(d.regio)),
             *[feit_tekst(t) for t in na_afronding]]
            + ([f"Verklaring van de regisseur (telt niet voor feiten na de afronding): {verklaring}"]
               if verklaring else []),
            regios.in_woorden("Bespreek de nieuwe feiten op {opvolging}", regios.woorden_van(d.regio))
            + "; moet er opnieuw regie komen, ga dan terug naar "
            f"casusregie met {terug}.",
        )
    if verklaring:
        op = d.afronding.geweld_gestopt_verklaard_op
        tekst = f"Verklaring van de regisseur{f' ({_d(op)})' if op else ''}: {verklaring}"
        later = [t for t in feiten if op is not None and t.datum > op]
        if not later:
            return Criterium("geweld-gestopt", titel, "voldaan", [tekst, *bewijs], "")
        return Criterium(
            "geweld-gestopt", titel, "niet-voldaan",
            [tekst, f"Maar na die verklaring kwam er nog {feiten_tekst(len(later))}:",
             *[b for t, b in zip(feiten, bewijs, strict=True) if t in later]],
            "Bekijk de nieuwe feiten; blijft het veilig, vernieuw dan de verklaring: "
            f"`ketencli afronding verklaring {d.id} --tekst \"...\"`.",
        )
    if feiten:
        return Criterium(
            "geweld-gestopt", titel, "niet-voldaan",
            [f"{feiten_tekst(len(feiten))} in de tijdlijn sinds {_d(sinds)}:", *bewijs],
            "Wacht tot het geweld een tijd gestopt is, of leg uit waarom het toch veilig is: "
            f"`ketencli afronding verklaring {d.id} --tekst \"...\"`.",
        )
    if not d.tijdlijn:
        return Criterium(
            "geweld-gestopt", titel, "onbekend", ["De tijdlijn van het dossier is leeg."],
            "Vul de tijdlijn aan (incidenten, pv's, meldingen), of verklaar met reden dat het geweld gestopt is: "
            f"`ketencli afronding verklaring {d.id} --tekst \"...\"`.",
        )
    laatste = max((t.datum for t in d.tijdlijn if t.soort in GEWELD_SOORTEN and t.datum <= vandaag), default=None)
    return Criterium(
        "geweld-gestopt", titel, "voldaan",
        [f"Geen incident, pv of melding in de tijdlijn sinds {_d(sinds)}."]
        + ([f"Het laatste dateert van {_d(laatste)}."] if laatste else []),
        "",
    )


def _herhaling_voorkomen(d: Any, vandaag: date, sinds: date) -> Criterium:
    titel = "Genoeg gedaan tegen nieuw geweld"
    instroom = d.kijkschema_instroom
    if instroom is None:
        return Criterium("herhaling-voorkomen", titel, "onbekend", ["Er is geen kijkschema van bij de instroom."],
                         f"Vul het kijkschema in: `ketencli kijkschema invullen {d.id}`.")
    risico = aanwezig(instroom, "risico")
    if not risico:
        return Criterium("herhaling-voorkomen", titel, "voldaan",
                         [f"Het kijkschema van de instroom ({_d(instroom.datum)}) vermeldt geen aanwezige "
                          "risicofactor."], "")
    bewijs, open_ = [], []
    for b in risico:
        acties = [(r, a) for r in d.pva.rijen if r.factor == b.factor for a in r.acties]
        klaar_ = [(r, a) for r, a in acties if a.stavaza == "afgerond" or a.overgedragen_aan.strip()]
        if klaar_:
            delen = []
            for _r, a in klaar_:
                if a.overgedragen_aan.strip():
                    delen.append(f"'{a.omschrijving}' overgedragen aan {_dienst(d, a.overgedragen_aan)}")
                else:
                    delen.append(f"'{a.omschrijving}' afgerond")
            bewijs.append(f"{_factor(b.factor)}: " + "; ".join(delen))
        else:
            open_.append(b.factor)
            reden = "geen rij in het plan van aanpak" if not any(r.factor == b.factor for r in d.pva.rijen) \
                else ("geen actie" if not acties else "nog geen actie afgerond of overgedragen")
            bewijs.append(f"{_factor(b.factor)}: {reden}")
    if open_:
        return Criterium(
            "herhaling-voorkomen", titel, "niet-voldaan",
            [f"{len(open_)} van de {aantal(len(risico), 'risicofactor', 'risicofactoren')} van bij de instroom "
             "zonder afgeronde of overgedragen actie:", *bewijs],
            "Rond een actie af (`ketencli pva actie edit ... --stavaza afgerond`) of draag ze over aan de "
            f"vervolghulp (`ketencli afronding overdracht {d.id} RIJ NR --aan DIENST`).",
        )
    return Criterium("herhaling-voorkomen", titel, "voldaan",
                     ["Elke risicofactor van bij de instroom heeft een afgeronde of overgedragen actie:", *bewijs], "")


def _minder_risico(d: Any, vandaag: date, sinds: date) -> Criterium:
    """Fewer risk factors than at instroom (L708-709), as D27 reads it.

    Met only when the latest kijkschema scores fewer risk factors present than the instroom kijkschema;
    protective factors are context in the evidence, never the verdict. The latest kijkschema must be
    dated in the window (on or after ``sinds``, default three months, D25) and not before the last
    incident, pv or melding up to ``vandaag``; otherwise the verdict is ``onbekend`` with the command
    to fill a new one. Once the afronding started (fase afgerond/afgesloten) the kijkschema is judged
    on the afronding date with the default window.
    """
    titel = "Minder risicofactoren dan bij de instroom"
    opnieuw = f"Vul het kijkschema opnieuw in voor de huidige situatie: `ketencli kijkschema invullen {d.id}`."
    if not d.kijkschema:
        return Criterium("minder-risicofactoren", titel, "onbekend", ["Er is geen kijkschema."],
                         f"Vul het kijkschema in: `ketencli kijkschema invullen {d.id}`.")
    eerste, laatste = d.kijkschema_instroom, d.kijkschema_actueel
    if len(d.kijkschema) < 2:
        return Criterium(
            "minder-risicofactoren", titel, "onbekend",
            [f"Er is alleen het kijkschema van de instroom ({_d(eerste.datum)}); niets om mee te vergelijken."],
            opnieuw,
        )
    r_voor, r_na = len(aanwezig(eerste, "risico")), len(aanwezig(laatste, "risico"))
    b_voor, b_na = len(aanwezig(eerste, "beschermend")), len(aanwezig(laatste, "beschermend"))
    bewijs = [f"Kijkschema {_d(eerste.datum)} (instroom) tegenover {_d(laatste.datum)}: "
              f"risicofactoren {r_voor} → {r_na}.",
              f"Ter info (telt niet mee voor het oordeel): beschermende factoren {b_voor} → {b_na}."]
    teksten = {
        "risico-weg": "risicofactor niet meer aanwezig",
        "risico-minder": "risicofactor bij minder personen",
        "risico-nieuw": "nieuwe risicofactor",
        "beschermend-nieuw": "beschermende factor bijgekomen",
        "beschermend-weg": "beschermende factor weggevallen",
    }
    verschillen = pva_regels.vergelijk(eerste, laatste)
    for v in verschillen:
        extra = ""
        if v.soort == "risico-minder":  # by name (the ids are joined with ", ")
            def namen(ids: str) -> str:
                return ", ".join(_lid(d, i) for i in ids.split(", ") if i) or "niemand"
            extra = f" ({namen(v.van)} → {namen(v.naar)})"
        bewijs.append(f"{_factor(v.factor)}: {teksten[v.soort]}{extra}")
    # after the afronding the kijkschema is judged as it stood at the afronding (facts after it are
    # the violence criterion's business, L1693-1696); before it, on vandaag in the check's window
    gestart = d.afronding.gestart_op if d.fase in NA_AFRONDING_FASEN else None
    peil, sinds = (gestart, standaard_sinds(gestart)) if gestart is not None else (vandaag, sinds)
    feiten = [t for t in d.tijdlijn if t.soort in GEWELD_SOORTEN and t.datum <= peil]
    laatste_feit = max(feiten, key=lambda t: t.datum, default=None)
    if laatste.datum < sinds:
        return Criterium(
            "minder-risicofactoren", titel, "onbekend",
            [*bewijs, f"Het laatste kijkschema ({_d(laatste.datum)}) is ouder dan het venster van de toets "
                      f"(sinds {_d(sinds)}): het zegt niet meer hoe het gezin er nu voor staat."],
            opnieuw,
        )
    if laatste_feit is not None and laatste.datum < laatste_feit.datum:
        return Criterium(
            "minder-risicofactoren", titel, "onbekend",
            [*bewijs, f"Na het laatste kijkschema ({_d(laatste.datum)}) kwam er nog een {feit_tekst(laatste_feit)}."],
            opnieuw,
        )
    if r_na < r_voor:
        return Criterium("minder-risicofactoren", titel, "voldaan", bewijs, "")
    if not verschillen:
        bewijs.append("Geen enkele factor veranderde.")
    return Criterium(
        "minder-risicofactoren", titel, "niet-voldaan", bewijs,
        "Werk verder aan de risicofactoren, of werk het kijkschema bij als de situatie veranderde: "
        f"`ketencli kijkschema invullen {d.id}`.",
    )


def _acties_afgehandeld(d: Any, vandaag: date, sinds: date) -> Criterium:
    titel = "Alle acties van het plan van aanpak afgerond, geschrapt of overgedragen"
    alle = [(r, n, a) for r in d.pva.rijen for n, a in enumerate(r.acties, 1)]
    if not alle:
        return Criterium("acties-afgehandeld", titel, "onbekend", ["Het plan van aanpak heeft geen acties."],
                         f"Vul het plan van aanpak aan: `ketencli pva edit {d.id}`.")
    open_ = [(r, n, a) for r, n, a in alle if not _afgehandeld(a)]
    bewijs = []
    for r, n, a in open_:
        bewijs.append(f"Open: {_rij_factor(r)}, actie {n} '{a.omschrijving}' ({a.stavaza})")
    for r, n, a in alle:
        if a.overgedragen_aan.strip():
            bewijs.append(f"Overgedragen: {_rij_factor(r)}, actie {n} '{a.omschrijving}' aan "
                          f"{_dienst(d, a.overgedragen_aan)}")
    klaar_ = sum(1 for _r, _n, a in alle if a.stavaza in ("afgerond", "geschrapt") and not a.overgedragen_aan.strip())
    bewijs.append(f"{klaar_} van de {aantal(len(alle), 'actie', 'acties')} afgerond of geschrapt.")
    if open_:
        return Criterium(
            "acties-afgehandeld", titel, "niet-voldaan",
            [f"{aantal(len(open_), 'actie staat', 'acties staan')} nog open:", *bewijs],
            "Zet elke open actie op afgerond of geschrapt (`ketencli pva actie edit ID RIJ NR --stavaza ...`) of "
            f"draag ze over aan de vervolghulp (`ketencli afronding overdracht {d.id} RIJ NR --aan DIENST`).",
        )
    return Criterium("acties-afgehandeld", titel, "voldaan", bewijs, "")


def _doelstellingen(d: Any, vandaag: date, sinds: date) -> Criterium:
    titel = "De doelstellingen van het plan zijn beoordeeld"
    doelen = d.pva.doelstellingen
    if not doelen:
        return Criterium("doelstellingen-beoordeeld", titel, "onbekend",
                         ["Het plan van aanpak heeft geen doelstellingen."],
                         f"Voeg de doelstellingen toe en beoordeel ze: `ketencli pva doel add {d.id}`.")
    bewijs = [f"'{g.tekst}': {g.staat}" for g in doelen]
    lopend = [g for g in doelen if g.staat == "lopend"]
    if lopend:
        return Criterium(
            "doelstellingen-beoordeeld", titel, "niet-voldaan",
            [f"{aantal(len(lopend), 'doelstelling', 'doelstellingen')} nog niet beoordeeld (lopend):", *bewijs],
            "Beoordeel elke doelstelling (bereikt, deels-bereikt of niet-bereikt): "
            f"`ketencli pva doel edit {d.id} G --staat ...`.",
        )
    return Criterium("doelstellingen-beoordeeld", titel, "voldaan", bewijs, "")


def _slotgesprek(d: Any, vandaag: date, sinds: date) -> Criterium:
    titel = "Afrondend gesprek met het gezin gevoerd; vervolghulp of hoe opnieuw hulp vragen is gekend"
    a = d.afronding
    bewijs = []
    if a.slotgesprek_op:
        bewijs.append(f"Afrondend gesprek op {_d(a.slotgesprek_op)}.")
    elif a.gezin_onbereikbaar:
        bewijs.append("Geen afrondend gesprek: het gezin is onbereikbaar.")
    else:
        bewijs.append("Nog geen afrondend gesprek geregistreerd.")
    if a.vervolghulp.strip():
        bewijs.append(f"Vervolghulp: {a.vervolghulp.strip()}")
    else:
        bewijs.append("Nog niet geregistreerd welke vervolghulp er is of hoe het gezin opnieuw hulp kan vragen.")
    if (a.slotgesprek_op or a.gezin_onbereikbaar) and a.vervolghulp.strip():
        return Criterium("slotgesprek", titel, "voldaan", bewijs, "")
    return Criterium(
        "slotgesprek", titel, "niet-voldaan", bewijs,
        "Voer het afrondend gesprek en noteer de vervolghulp: "
        f"`ketencli afronding slotgesprek {d.id} --datum DATUM --vervolghulp \"...\"`.",
    )


def _partners(d: Any, vandaag: date, sinds: date) -> Criterium:
    titel = "Afronding afgestemd met alle betrokken partners"
    overleg = d.afronding.partners
    gehad = {p.dienst.strip() for p in overleg}
    bewijs = []
    for p in overleg:
        tekst = f"Overlegd met {_dienst(d, p.dienst)}" + (f" op {_d(p.datum)}" if p.datum else "")
        bewijs.append(tekst + (f": {p.standpunt}" if p.standpunt.strip() else ""))
    nog = [x for x in d.betrokken_diensten if x.id not in gehad]
    for x in nog:
        bewijs.append(f"Nog niet overlegd: {x.naam}")
    if nog or not overleg:
        if not overleg and not nog:
            bewijs.append("Er zijn geen betrokken diensten en er is geen overleg geregistreerd.")
        return Criterium(
            "partners-geraadpleegd", titel, "niet-voldaan", bewijs,
            "Overleg een laatste keer met elke betrokken dienst en noteer het: "
            f"`ketencli afronding partner {d.id} --dienst D --standpunt \"...\"`.",
        )
    return Criterium("partners-geraadpleegd", titel, "voldaan", bewijs, "")


def _evaluaties(d: Any, vandaag: date, sinds: date) -> Criterium:
    titel = "Elk gezinslid werd om een evaluatie gevraagd"
    if not d.gezinsleden:
        return Criterium("evaluatie-gezinsleden", titel, "onbekend", ["Het dossier heeft geen gezinsleden."],
                         f"Voeg de gezinsleden toe: `ketencli dossier lid add {d.id}`.")
    per_lid = {e.lid: e for e in d.afronding.evaluaties}  # the last one per member counts
    bewijs, ontbreekt = [], []
    for lid in d.gezinsleden:
        if not lid.is_client:  # a deceased member is no client: nobody to ask
            continue
        e = per_lid.get(lid.id)
        naam = _lid(d, lid.id)
        if e is None:
            ontbreekt.append(lid.id)
            extra = " (tijdelijk niet betrokken: noteer waarom niet gevraagd)" if lid.tijdelijk_niet_betrokken else ""
            bewijs.append(f"{naam}: nog niet gevraagd{extra}")
        elif e.gevraagd:
            wanneer = f" op {_d(e.datum)}" if e.datum else ""
            bewijs.append(f"{naam}: gevraagd{wanneer}" + (f": {e.samenvatting}" if e.samenvatting.strip() else ""))
        elif e.reden.strip():
            bewijs.append(f"{naam}: niet gevraagd: {e.reden.strip()}")
        else:
            ontbreekt.append(lid.id)
            bewijs.append(f"{naam}: niet gevraagd, zonder reden")
    if ontbreekt:
        return Criterium(
            "evaluatie-gezinsleden", titel, "niet-voldaan", bewijs,
            f"Vraag {', '.join(ontbreekt)} om een evaluatie en noteer het: "
            f"`ketencli afronding evaluatie {d.id} --lid {ontbreekt[0]} --samenvatting \"...\"` "
            "(of `--niet-gevraagd --reden \"...\"` als dat niet kan).",
        )
    return Criterium("evaluatie-gezinsleden", titel, "voldaan", bewijs, "")


def _veiligheid(d: Any, vandaag: date, sinds: date) -> Criterium:
    titel = "Doelen niet bereikt of gezin onbereikbaar: extra acties en afspraken over veiligheid"
    a = d.afronding
    niet = [g for g in d.pva.doelstellingen if g.staat in ("niet-bereikt", "deels-bereikt")]
    lopend = [g for g in d.pva.doelstellingen if g.staat == "lopend"]
    redenen = [f"doelstelling {g.id} '{g.tekst}' is {g.staat}" for g in niet]
    if a.gezin_onbereikbaar:
        redenen.append("het gezin is onbereikbaar")
    extra = a.extra_veiligheidsacties.strip()
    if redenen:
        bewijs = [f"Nodig omdat {r}." for r in redenen]
        if extra:
            return Criterium("veiligheid-bij-niet-bereikt", titel, "voldaan",
                             [*bewijs, f"Extra acties en afstemming over veiligheid: {extra}"], "")
        return Criterium(
            "veiligheid-bij-niet-bereikt", titel, "niet-voldaan",
            [*bewijs, "Er zijn geen extra acties en afspraken over veiligheid geregistreerd."],
            "Loslaten kan dan alleen met extra acties en afstemming over veiligheid (gids L699-702): "
            f"`ketencli afronding veiligheid {d.id} --tekst \"...\"`.",
        )
    if lopend or not d.pva.doelstellingen:
        return Criterium(
            "veiligheid-bij-niet-bereikt", titel, "onbekend",
            ["Nog niet te zeggen: " + ("er zijn doelstellingen die nog niet beoordeeld zijn."
                                       if lopend else "het plan heeft geen doelstellingen.")],
            f"Beoordeel de doelstellingen (`ketencli pva doel edit {d.id} G --staat ...`).",
        )
    return Criterium("veiligheid-bij-niet-bereikt", titel, "voldaan",
                     ["Niet van toepassing: alle doelstellingen zijn bereikt en het gezin is bereikbaar."]
                     + ([f"Toch genoteerd: {extra}"] if extra else []), "")


def _consulent(d: Any, vandaag: date, sinds: date) -> Criterium:
    titel = "Afgestemd met de consulent (OCJ/SDJ)"
    consulenten = [x for x in d.betrokken_diensten if x.soort == "ocj-sdj"]
    if not consulenten:
        return Criterium("afgestemd-consulent", titel, "voldaan",
                         ["Niet van toepassing: er is geen consulent van OCJ of SDJ betrokken."], "")
    ids = {x.id for x in consulenten}
    overleg = [p for p in d.afronding.partners if p.dienst.strip() in ids]
    stappen = [s for s in d.stappen if s.item == CONSULENT_ITEM and s.status == "gedaan"]
    bewijs = [f"Betrokken: {x.naam}" for x in consulenten]
    bewijs += [f"Afgestemd met {_dienst(d, p.dienst)}" + (f" op {_d(p.datum)}" if p.datum else "") for p in overleg]
    bewijs += [f"Afgevinkt in bijlage B op {_d(s.datum)}" for s in stappen]
    if overleg or stappen:
        return Criterium("afgestemd-consulent", titel, "voldaan", bewijs, "")
    return Criterium(
        "afgestemd-consulent", titel, "niet-voldaan",
        [*bewijs, "Nog geen afstemming over de afronding met de consulent geregistreerd (gids L1457)."],
        f"Stem af met de consulent vóór je afrondt en noteer het: "
        f"`ketencli afronding partner {d.id} --dienst {sorted(ids)[0]} --standpunt \"...\"`.",
    )


CRITERIA: tuple[Callable[[Any, date, date], Criterium], ...] = (
    _geweld_gestopt, _herhaling_voorkomen, _minder_risico, _acties_afgehandeld, _doelstellingen,
    _slotgesprek, _partners, _evaluaties, _veiligheid, _consulent,
)
