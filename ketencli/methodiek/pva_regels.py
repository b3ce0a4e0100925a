"""The method's rules on the plan van aanpak (`pva check`), as pure functions.

Each rule looks at a dossier (the pydantic model; only read) and returns ``Bevinding``s with a
severity (decisions D19): ``fout`` only for what makes the plan wrong or unusable (a factor key or
member id that does not exist; couple therapy or mediation with intiem terrorisme); the plan is a
living document (L1853-1861), so gaps are ``waarschuwing`` or ``tip``.
"""

from __future__ import annotations

import re
from dataclasses import asdict, dataclass
from typing import Any

from ketencli.methodiek import kijkschema, profielen, regios

ERNSTEN = ("fout", "waarschuwing", "tip")

# Actions that involve the family's own network (guide L633-635: "het eigen netwerk").
NETWERK_TREFWOORDEN: tuple[str, ...] = (
    "netwerk", "familie", "zus", "broer", "grootouder", "grootmoeder", "grootvader", "oma", "opa",
    "tante", "nonkel", "oom", "buur", "vriend", "steunfiguur", "vertrouwenspersoon", "peter", "meter",
)
ONDERZOEK_TREFWOORDEN: tuple[str, ...] = ("onderzoek", "nagaan", "uitzoeken", "bevragen", "navragen", "uitklaren")
REGISSEUR_TREFWOORDEN: tuple[str, ...] = ("casusregisseur", "regisseur", "co3")
# Intiem terrorisme: the guide says these "worden afgeraden" (L1908-1910) -> fout (D19); electronic
# monitoring is "te vermijden" (L1914) -> waarschuwing.
AFGERADEN_ZWAAR: tuple[str, ...] = ("koppeltherapie", "relatietherapie", "bemiddeling")
STRESS_FACTOREN: tuple[str, ...] = ("individu-stressfactoren", "interactie-stress-gezin", "interactie-stress-relatie")
_SLEUTELVORM = re.compile(r"^[a-z]+(?:-[a-z]+)+$")


@dataclass(frozen=True)
class Bevinding:
    ernst: str
    regel: str
    betreft: str
    melding: str
    wat_te_doen: str

    def als_dict(self) -> dict[str, str]:
        return asdict(self)


def _rij_label(rij: Any) -> str:
    factor = kijkschema.factor(rij.factor)
    return f"rij {rij.id} ({factor.label if factor else rij.factor})"


def _namen(d: Any, ids: list[str]) -> str:
    return ", ".join(lid.naam if (lid := d.lid(i)) else i for i in ids)


def _acties_tekst(actie: Any) -> str:
    return " ".join((actie.omschrijving, actie.plan_b, actie.toelichting)).lower()


def _actief(actie: Any) -> bool:
    return actie.stavaza not in ("mislukt", "geschrapt")


def controleer(d: Any, *, instemming_per_lid: bool | None = None) -> list[Bevinding]:
    """All findings for a dossier, most severe first.

    ``instemming_per_lid``: the region's ``Regio.instemming_per_lid`` with the user's settings applied
    (the caller knows them: ``planning.regio``); left out, the built-in region's (D31)."""
    bevindingen: list[Bevinding] = []
    for regel in REGELS:
        bevindingen.extend(regel(d))
    if instemming_per_lid is None:
        regio = regios.STANDAARD.get(d.regio)
        instemming_per_lid = bool(regio and regio.instemming_per_lid)
    if instemming_per_lid:
        bevindingen.extend(_zonder_instemming(d))
    return sorted(bevindingen, key=lambda b: ERNSTEN.index(b.ernst))


# -- rules -------------------------------------------------------------------------------------


def _onbekende_factoren(d: Any) -> list[Bevinding]:
    uit = []
    for rij in d.pva.rijen:
        if kijkschema.factor(rij.factor) is None and _SLEUTELVORM.match(rij.factor.strip()):
            nabij = kijkschema.dichtste_factoren(rij.factor)
            uit.append(Bevinding(
                "fout", "factor-bestaat-niet", f"rij {rij.id}",
                f"'{rij.factor}' is geen factor van het kijkschema.",
                (f"Bedoel je {' of '.join(nabij)}? " if nabij else "")
                + "Gebruik een sleutel uit `ketencli kijkschema toon`, of beschrijf de factor in gewone woorden.",
            ))
        elif (f := kijkschema.factor(rij.factor)) is not None and (f.domein != rij.domein or f.soort != rij.soort):
            uit.append(Bevinding(
                "waarschuwing", "factor-domein", _rij_label(rij),
                f"De factor hoort in het kijkschema bij {kijkschema.domein(f.domein).naam} ({f.soort}), "  # type: ignore[union-attr]
                f"de rij staat onder {rij.domein} ({rij.soort}).",
                "Zet domein en soort van de rij gelijk aan die van de factor.",
            ))
    return uit


def _onbekende_leden(d: Any) -> list[Bevinding]:
    bekend = {lid.id for lid in d.gezinsleden}
    uit = []

    def kijk(ids: list[str], betreft: str) -> None:
        for lid_id in ids:
            if lid_id not in bekend:
                uit.append(Bevinding(
                    "fout", "lid-bestaat-niet", betreft, f"'{lid_id}' is geen gezinslid van dit dossier.",
                    f"Gebruik een van de lid-id's: {', '.join(sorted(bekend)) or 'nog geen leden'}.",
                ))

    for rij in d.pva.rijen:
        kijk(rij.bij_wie, f"rij {rij.id}")
    for doel in d.pva.doelstellingen:
        kijk(doel.bij_wie, f"doelstelling {doel.id}")
    for moment in d.kijkschema:
        for b in moment.factoren:
            kijk(b.bij_wie, f"kijkschema {moment.datum}, {b.factor}")
    return uit


def _afgeraden_interventies(d: Any) -> list[Bevinding]:
    uit = []
    for key in d.ifg_profielen:
        profiel = profielen.profiel(key)
        if profiel is None or not profiel.afgeraden:
            continue
        for rij in d.pva.rijen:
            for n, actie in enumerate(rij.acties, 1):
                if not _actief(actie):
                    continue
                for woord in profielen.trefwoorden_in(_acties_tekst(actie), profiel.afgeraden):
                    zwaar = woord in AFGERADEN_ZWAAR
                    uit.append(Bevinding(
                        "fout" if zwaar else "waarschuwing", "afgeraden-bij-profiel", f"{_rij_label(rij)}, actie {n}",
                        f"'{woord}' wordt bij {profiel.naam.lower()} afgeraden"
                        + (" (gids L1908-1910)." if zwaar else " (te vermijden, gids L1914)."),
                        "Kies een aanpak per persoon (bv. daderhulp en slachtofferhulp apart) of schrap de actie.",
                    ))
    return uit


def _risico_zonder_rij(d: Any) -> list[Bevinding]:
    moment = d.kijkschema_actueel
    if moment is None:
        return [Bevinding(
            "waarschuwing", "geen-kijkschema", "kijkschema",
            "Er is nog geen kijkschema ingevuld; het plan van aanpak vertrekt ervan.",
            f"Vul het in met `ketencli kijkschema invullen {d.id}`.",
        )]
    uit = []
    in_plan = {r.factor for r in d.pva.rijen}
    for b in moment.factoren:
        factor = kijkschema.factor(b.factor)
        if factor is None:
            continue
        if b.staat == "aanwezig" and factor.soort == "risico" and b.factor not in in_plan:
            uit.append(Bevinding(
                "waarschuwing", "risico-zonder-rij", f"{factor.label} ({_namen(d, b.bij_wie) or 'niemand opgegeven'})",
                "Deze risicofactor is aanwezig in het kijkschema maar heeft geen rij in het plan van aanpak.",
                f"Voeg een rij toe met `ketencli pva rij add {d.id} --factor {b.factor}` "
                f"of `ketencli pva edit {d.id}`.",
            ))
        if b.staat == "onbekend":
            rijen = [r for r in d.pva.rijen if r.factor == b.factor]
            onderzocht = any(
                profielen.trefwoorden_in(_acties_tekst(a) + " " + r.aanpak.lower(), ONDERZOEK_TREFWOORDEN)
                for r in rijen for a in r.acties
            ) or any(profielen.trefwoorden_in(r.aanpak.lower(), ONDERZOEK_TREFWOORDEN) for r in rijen)
            if not onderzocht:
                uit.append(Bevinding(
                    "waarschuwing", "onbekend-onderzoeken", factor.label,
                    "Deze factor staat op 'onbekend – verder onderzoeken' maar het plan zegt niet wie dat uitzoekt.",
                    "Voeg een rij of actie 'verder onderzoeken' toe, met wie dat doet (gids L2064-2068): "
                    f"`ketencli pva rij add {d.id} --factor {b.factor}` of `ketencli pva actie add {d.id} RIJ`.",
                ))
    return uit


def _risico_zonder_actie(d: Any) -> list[Bevinding]:
    return [
        Bevinding("waarschuwing", "risico-zonder-actie", _rij_label(rij),
                  "Deze risicorij heeft nog geen actie.",
                  f"Voeg een actie toe met wat er gebeurt en wie begeleidt (`ketencli pva actie add {d.id} {rij.id}`).")
        for rij in d.pva.rijen if rij.soort == "risico" and not rij.acties
    ]


def _begeleiding(d: Any) -> list[Bevinding]:
    uit = []
    dienst_ids = {x.id for x in d.betrokken_diensten}
    regisseur = {x.lower() for x in (d.casusregisseur.naam, d.casusregisseur.organisatie) if x}
    for rij in d.pva.rijen:
        for n, actie in enumerate(rij.acties, 1):
            if not _actief(actie) or actie.stavaza == "afgerond":
                continue
            waarde = actie.begeleiding.strip()
            betreft = f"{_rij_label(rij)}, actie {n}"
            if not waarde:
                uit.append(Bevinding("tip", "begeleiding-leeg", betreft, "Niemand begeleidt deze actie.",
                                     "Vul in welke dienst de actie opneemt: `ketencli pva actie edit "
                                     f"{d.id} {rij.id} {n} --begeleiding DIENST` (een dienst-id zoals d3)."))
            elif waarde.lower() in regisseur or profielen.trefwoorden_in(waarde, REGISSEUR_TREFWOORDEN):
                uit.append(Bevinding(
                    "waarschuwing", "begeleiding-regisseur", betreft,
                    "De casusregisseur staat als begeleiding: de regisseur houdt het overzicht en neemt "
                    "hulptaken hooguit tijdelijk op (gids L615-617).",
                    "Zoek een dienst die de actie opneemt, of noteer waarom het tijdelijk zo is.",
                ))
            elif waarde not in dienst_ids:
                uit.append(Bevinding(
                    "tip", "begeleiding-geen-dienst", betreft,
                    f"'{waarde}' is geen betrokken dienst van het dossier.",
                    f"Voeg de dienst toe met `ketencli dossier dienst add {d.id} --soort SOORT --naam ...` en "
                    f"verwijs naar zijn id: `ketencli pva actie edit {d.id} {rij.id} {n} --begeleiding DIENST`.",
                ))
    return uit


def _gezinsgericht(d: Any) -> list[Bevinding]:
    in_plan = {lid_id for r in d.pva.rijen for lid_id in r.bij_wie}
    uit = []
    for lid in d.gezinsleden:
        if not set(lid.rollen) & {"slachtoffer", "pleger", "kind"} or not lid.is_client:
            continue
        if lid.id in in_plan or lid.tijdelijk_niet_betrokken is not None:
            continue
        uit.append(Bevinding(
            "waarschuwing", "gezinsgericht", f"{lid.naam} ({lid.id}, {', '.join(lid.rollen)})",
            "Dit gezinslid komt in geen enkele rij van het plan voor; het plan is gezinsgericht.",
            f"Neem {lid.naam} op in een rij, of noteer waarom niet: "
            f"`ketencli dossier lid edit {d.id} {lid.id} --niet-betrokken REDEN`.",
        ))
    return uit


def _kind_beschermend(d: Any) -> list[Bevinding]:
    uit = []
    for lid in d.gezinsleden:
        if "kind" not in lid.rollen or lid.tijdelijk_niet_betrokken is not None or not lid.is_client:
            continue
        beschermend = [r for r in d.pva.rijen if lid.id in r.bij_wie and r.soort == "beschermend"]
        steun = [r for r in d.pva.rijen if lid.id in r.bij_wie and profielen.trefwoorden_in(
            (r.aanpak + " " + " ".join(_acties_tekst(a) for a in r.acties)).lower(), NETWERK_TREFWOORDEN)]
        if not beschermend and not steun:
            uit.append(Bevinding(
                "tip", "kind-beschermend", f"{lid.naam} ({lid.id})",
                "Het plan noemt geen beschermende factoren van dit kind (bv. een vertrouwenspersoon of steunfiguur).",
                "Voeg een beschermende rij toe onder KIND, bv. met de steunfiguur van het kind: "
                f"`ketencli pva rij add {d.id} --domein kind --soort beschermend --bij-wie {lid.id}`.",
            ))
    return uit


def _vechtscheiding(d: Any) -> list[Bevinding]:
    if "vechtscheiding" not in d.ifg_profielen:
        return []
    moment = d.kijkschema_actueel
    onveilig = moment is None or any(
        b.staat == "aanwezig" and (f := kijkschema.factor(b.factor)) and f.domein == "geweld" and f.soort == "risico"
        for b in moment.factoren
    )
    if not onveilig:
        return []
    uit = []
    for rij in d.pva.rijen:
        for n, actie in enumerate(rij.acties, 1):
            woorden = profielen.trefwoorden_in(_acties_tekst(actie), profielen.GEZAMENLIJK_GESPREK_TREFWOORDEN)
            if woorden and _actief(actie):
                uit.append(Bevinding(
                    "waarschuwing", "vechtscheiding-gezamenlijk", f"{_rij_label(rij)}, actie {n}",
                    f"Een gezamenlijk gesprek met beide ouders ('{woorden[0]}') terwijl er onveiligheid is.",
                    "Voer bij onveiligheid de gesprekken nooit met beide ouders samen: werk parallel "
                    "met elke ouder apart (gids L2028-2029).",
                ))
    return uit


def _situationeel_stress(d: Any) -> list[Bevinding]:
    if "situationeel-geweld" not in d.ifg_profielen or d.kijkschema_actueel is None:
        return []
    uit = []
    for b in d.kijkschema_actueel.factoren:
        if b.factor in STRESS_FACTOREN and b.staat == "aanwezig":
            if not any(r.factor == b.factor and any(_actief(a) for a in r.acties) for r in d.pva.rijen):
                factor = kijkschema.factor(b.factor)
                uit.append(Bevinding(
                    "waarschuwing", "situationeel-stressbron", factor.label if factor else b.factor,
                    "Bij situationeel geweld is het aanpakken van stressbronnen de kern, maar deze "
                    "stressbron heeft geen actie.",
                    "Voeg een actie toe die de stressbron aanpakt (werk, schulden, opvoeding …; gids L1942-1945): "
                    f"`ketencli pva actie add {d.id} RIJ`.",
                ))
    return uit


def _lege_velden(d: Any) -> list[Bevinding]:
    uit = []
    for rij in d.pva.rijen:
        leeg = [naam for naam, waarde in (("noden van de cliënt", rij.noden), ("aanpak op maat", rij.aanpak))
                if not waarde.strip()]
        if leeg:
            uit.append(Bevinding(
                "tip", "lege-velden", _rij_label(rij), f"Nog niet ingevuld: {' en '.join(leeg)}.",
                f"Vul aan wanneer je het weet (`ketencli pva rij edit {d.id} {rij.id} --noden ... --aanpak ...`); "
                "het plan is een dynamisch document.",
            ))
        if len(rij.bij_wie) > 1 and rij.soort == "risico":
            uit.append(Bevinding(
                "tip", "bij-wie-splitsen", _rij_label(rij),
                f"Deze rij geldt voor meerdere personen ({_namen(d, rij.bij_wie)}).",
                "Splits de rij als hun noden of de aanpak op maat verschillen.",
            ))
    return uit


def _plan_b(d: Any) -> list[Bevinding]:
    uit = []
    for rij in d.pva.rijen:
        if rij.soort != "risico":
            continue
        for n, actie in enumerate(rij.acties, 1):
            if actie.stavaza in ("mislukt", "geschrapt") and not actie.plan_b.strip():
                if not any(_actief(a) for a in rij.acties):
                    uit.append(Bevinding(
                        "tip", "plan-b", f"{_rij_label(rij)}, actie {n}",
                        f"Deze actie is {actie.stavaza} en er is geen plan B of andere lopende actie.",
                        "Noteer een plan B (`ketencli pva actie edit … --plan-b`) of voeg een nieuwe actie toe.",
                    ))
    return uit


def _profiel_overwogen(d: Any) -> list[Bevinding]:
    if d.ifg_profielen:
        return []
    return [Bevinding(
        "tip", "geen-ifg-profiel", "IFG-profiel",
        "Er is geen IFG-profiel aangeduid. Het profiel geeft richting aan het plan (gids L1875-1877).",
        "Overweeg welk profiel past en duid het aan met `ketencli pva profiel`; laat het leeg als geen past.",
    )]


def eigen_netwerk(d: Any) -> list[Bevinding]:
    if not d.pva.rijen:
        return []
    teksten = " ".join(_acties_tekst(a) + " " + a.begeleiding.lower() for r in d.pva.rijen for a in r.acties)
    if profielen.trefwoorden_in(teksten, NETWERK_TREFWOORDEN):
        return []
    return [Bevinding(
        "tip", "eigen-netwerk", "plan van aanpak",
        "Het eigen netwerk van het gezin komt in geen enkele actie voor (gids L633-635).",
        "Ga na wie uit familie of buurt kan steunen, en neem dat op in een actie "
        f"(`ketencli pva actie add {d.id} RIJ`).",
    )]


def _doelstellingen(d: Any) -> list[Bevinding]:
    if not d.pva.rijen or d.pva.doelstellingen:
        return []
    return [Bevinding(
        "tip", "geen-doelstellingen", "plan van aanpak",
        "Het plan heeft nog geen doelstellingen; de afronding kijkt of ze bereikt zijn (gids L697).",
        "Voeg doelstellingen toe met `ketencli pva doel add`.",
    )]


def _instemming_tekst(lid: Any) -> str:
    i = lid.instemming
    if i is None:
        return "heeft (nog) niet ingestemd"
    if i.geweigerd is not None:
        return f"weigerde in te stemmen op {i.geweigerd:%d/%m/%Y}"
    return f"trok de instemming in op {i.ingetrokken:%d/%m/%Y}"


def _zonder_instemming(d: Any) -> list[Bevinding]:
    """D17, D31 (Leuven): consent is asked per member; a plan action or safety-plan entry for an adult
    member without (valid) consent is a warning naming that member. A child's consent is its parents'."""
    def zonder(lid_id: str | None) -> Any:
        lid = d.lid(lid_id) if lid_id else None
        if lid is None or set(lid.rollen) == {"kind"} or not lid.is_client:  # the deceased: nobody to ask
            return None
        return None if lid.instemming is not None and lid.instemming.geldig else lid

    uit: list[Bevinding] = []
    gemeld: set[tuple[str, str]] = set()

    def meld(lid: Any, betreft: str, wat: str) -> None:
        if (lid.id, betreft) in gemeld:
            return
        gemeld.add((lid.id, betreft))
        uit.append(Bevinding(
            "waarschuwing", "actie-zonder-instemming", betreft,
            f"{lid.naam} ({lid.id}) {_instemming_tekst(lid)}, en {wat}; in deze regio stemt elk gezinslid zelf in.",
            f"Bespreek het met {lid.naam} en noteer de instemming met `ketencli dossier instemming {d.id} {lid.id}` "
            f"(of de weigering met --weiger), of herzie wat het plan van {lid.naam} verwacht."))

    for rij in d.pva.rijen:
        if not any(_actief(a) for a in rij.acties):
            continue
        for lid_id in rij.bij_wie:
            if (lid := zonder(lid_id)) is not None:
                meld(lid, _rij_label(rij), "het plan geeft hem of haar een actie")
    for deel in d.veiligheidsplan:
        if (lid := zonder(deel.lid)) is not None:
            meld(lid, "veiligheidsplan", "het veiligheidsplan heeft een deel voor hem of haar")
    return uit


REGELS = (
    _onbekende_factoren, _onbekende_leden, _afgeraden_interventies, _risico_zonder_rij, _risico_zonder_actie,
    _begeleiding, _gezinsgericht, _kind_beschermend, _vechtscheiding, _situationeel_stress, _lege_velden,
    _plan_b, _profiel_overwogen, eigen_netwerk, _doelstellingen,
)


# -- comparing kijkschema snapshots --------------------------------------------------------------


@dataclass(frozen=True)
class Verschil:
    soort: str  # "risico-weg" | "risico-minder" | "risico-nieuw" | "beschermend-nieuw" | "beschermend-weg"
    factor: str
    van: str
    naar: str


def vergelijk(eerste: Any, laatste: Any) -> list[Verschil]:
    """What changed between two kijkschema snapshots (instroom and the latest)."""
    uit: list[Verschil] = []
    for factor in kijkschema.FACTOREN:
        a, b = eerste.beoordeling(factor.key), laatste.beoordeling(factor.key)
        voor = a.staat if a else "niet-ingevuld"
        na = b.staat if b else "niet-ingevuld"
        if factor.soort == "risico":
            if voor == "aanwezig" and na == "niet-aanwezig":
                uit.append(Verschil("risico-weg", factor.key, voor, na))
            elif voor == "aanwezig" and na == "aanwezig" and len(b.bij_wie) < len(a.bij_wie):  # type: ignore[union-attr]
                uit.append(Verschil("risico-minder", factor.key, ", ".join(a.bij_wie), ", ".join(b.bij_wie)))  # type: ignore[union-attr]
            elif voor != "aanwezig" and na == "aanwezig":
                uit.append(Verschil("risico-nieuw", factor.key, voor, na))
        else:
            if voor != "aanwezig" and na == "aanwezig":
                uit.append(Verschil("beschermend-nieuw", factor.key, voor, na))
            elif voor == "aanwezig" and na == "niet-aanwezig":
                uit.append(Verschil("beschermend-weg", factor.key, voor, na))
    return uit


def dienst_verwijzingen(d: Any, dienst_id: str) -> list[str]:
    """Where the dossier still refers to service ``dienst_id`` (D6): PvA actions that it guides or
    was handed over to, partners consulted at the afronding, and knelpunten (issue 17). Dutch labels like
    ``rij r1 (Eerder fysiek …), actie 2``; empty when nothing refers to it."""
    uit = []
    for rij in d.pva.rijen:
        for n, actie in enumerate(rij.acties, 1):
            if dienst_id in (actie.begeleiding.strip(), actie.overgedragen_aan.strip()):
                uit.append(f"{_rij_label(rij)}, actie {n}")
    uit += [f"afronding: overleg met partner ({p.datum:%d/%m/%Y})" if p.datum else "afronding: overleg met partner"
            for p in d.afronding.partners if p.dienst.strip() == dienst_id]
    uit += [f"knelpunt {k.id}" for k in getattr(d, "knelpunten", []) if k.dienst == dienst_id]  # issue 17
    return uit
