"""`ketencli jaarcijfers`: the figures the stuurgroep asks for every year, per region (issue 17 item 3).

The figures are defined in ``methodiek.cijfers`` (one pure rule per figure) and computed from the
anonymous facts in the per-file summary cache (``index``, D15): on the warm path no dossier is read.
Every count below 5 is published as "< 5" (``statistiek.aantal``); no name, birth date or free text
of a dossier is in any output. Outputs: a Word document for the stuurgroep with charts (default;
``documenten.schrijf_rapport`` through the one render path, template ``jaarcijfers.docx``), ``--json``
(an object, D11) and ``--csv`` (one row per figure, ";"-separated for Excel in Dutch).
"""

from __future__ import annotations

from datetime import date
from pathlib import Path
from typing import Any

import typer

from ketencli.commands.weergave import regio_woorden
from ketencli.fouten import GebruiksFout, KetencliFout

REGIO_KEYS = ("co3-antwerpen", "ifg-west-vlaanderen", "leuven")


def jaarcijfers(
    jaar: int | None = typer.Option(None, "--jaar", min=2000, max=2100, metavar="JAAR",
                                    help="Het jaar (standaard: dit jaar)."),
    regio: str | None = typer.Option(None, "--regio", metavar="REGIO",
                                     help=f"Alleen deze regio: {', '.join(REGIO_KEYS)}."),
    als_json: bool = typer.Option(False, "--json", help="De cijfers als JSON op stdout (geen Word-document)."),
    csv: Path | None = typer.Option(None, "--csv", metavar="BESTAND",
                                    help="Schrijf de cijfers als CSV (één rij per cijfer, gescheiden door ';', "
                                         "voor Excel); '-' schrijft naar stdout. Geen Word-document."),
    uit: Path | None = typer.Option(None, "--uit", metavar="BESTAND",
                                    help="Waar het Word-document komt: een map of een bestand op .docx "
                                         "(standaard: de map rapporten in je ketencli-gegevensmap). Samen met "
                                         "--json of --csv komt het document er ook."),
    overschrijf: bool = typer.Option(False, "--overschrijf", help="Vervang een document dat er al staat."),
) -> None:
    """Jaarcijfers voor de stuurgroep, per regio: aanmeldingen, conclusies van het verkennend overleg,
    casusregie en doorlooptijden, afrondingen, nieuwe feiten na afronding, IFG-profielen, risicofactoren,
    bijlagen en agenderingen. Aantallen onder 5 staan er als "< 5"; namen, geboortedata en vrije tekst
    komen er nooit in."""
    from ketencli import index, klok, ui

    if regio is not None and regio not in REGIO_KEYS:
        raise GebruiksFout(f"--regio '{regio}' ken ik niet; kies uit: {', '.join(REGIO_KEYS)}.")
    if als_json and csv is not None and str(csv) == "-":
        raise GebruiksFout("--json en --csv - schrijven allebei naar het scherm: kies er één, of geef --csv een "
                           "bestandsnaam.")
    vandaag = klok.vandaag()
    jaar = jaar or vandaag.year
    if jaar > vandaag.year:  # empty figures for the stuurgroep would read as "nothing happened"
        raise GebruiksFout(f"--jaar {jaar} ligt in de toekomst (vandaag is {vandaag:%d/%m/%Y}): daar zijn nog "
                           "geen cijfers van.",
                           tip=f"Kies een jaar tot {vandaag.year}; het lopende jaar telt tot vandaag.")
    samenvattingen = index.samenvattingen()
    feiten = [s.jaarcijfers for s in samenvattingen if not s.fout and s.jaarcijfers]
    niet_gelezen = [s.id for s in samenvattingen if s.fout or not s.jaarcijfers]
    resultaat = bereken(feiten, jaar, vandaag, regio)
    resultaat["niet_gelezen"] = niet_gelezen

    if als_json:
        ui.schrijf_json(resultaat)
    if csv is not None:
        _schrijf_csv(csv, resultaat, op_stderr=als_json)
    if uit is not None or (not als_json and csv is None):  # --uit asks for the document also beside them
        _, woorden = regio_woorden()
        if not any(secties(b, woorden[b["regio"]]) for b in resultaat["regios"]):  # a --regio without data too
            raise KetencliFout(f"Er zijn geen cijfers voor {jaar}"
                               + (f" in {_regio_namen()[regio]}" if regio else "")
                               + ": geen enkel dossier heeft in dat jaar een aanmelding, een verkennend overleg, "
                               "casusregie, een afronding of een agendering. Er werd geen document gemaakt.",
                               tip="Kies een ander jaar met --jaar.")
        pad = _schrijf_word(resultaat, vandaag, uit, overschrijf)
        if als_json or (csv is not None and str(csv) == "-"):  # stdout holds the data: the note on stderr
            ui.melding(f"Jaarcijfers {jaar} bewaard: {pad}", stijl="green")
        else:
            ui.gelukt(f"Jaarcijfers {jaar} bewaard: {pad}")
    elif not resultaat["regios"]:
        ui.melding(f"Er zijn geen cijfers voor {jaar}: geen enkel dossier heeft gegevens in dat jaar.")
    if niet_gelezen:
        ui.melding(f"{len(niet_gelezen)} dossier(s) konden niet gelezen worden en ontbreken in deze cijfers: "
                   f"{', '.join(niet_gelezen)}. `ketencli dossier list` toont wat er mis is.")
    for s in samenvattingen:
        ui.meld_vreemde_bestanden(s.id, s.vreemde_bestanden)


def _regio_namen() -> dict[str, str]:
    """Each region's name as the user's settings give it (D30)."""
    _, woorden = regio_woorden()
    return {k: woorden[k]["regio_naam"] for k in REGIO_KEYS}


def bereken(feiten: list[dict[str, Any]], jaar: int, vandaag: date, regio: str | None) -> dict[str, Any]:
    """The published figures as the JSON object: ``jaar``, ``peildatum``, ``drempel_kleine_cel`` and
    ``regios`` (a list of region blocks, ``methodiek.cijfers.jaarcijfers``)."""
    from ketencli.methodiek import cijfers
    from ketencli.statistiek import KLEINE_CEL

    tafels, woorden = regio_woorden()
    blokken = cijfers.jaarcijfers(feiten, jaar, vandaag, regios=_regio_namen(), tafelnamen=tafels,
                                  plan_tafels={k: w["plan_kort"] for k, w in woorden.items()}, regio=regio)
    return {"jaar": jaar, "peildatum": vandaag.isoformat(), "drempel_kleine_cel": KLEINE_CEL, "regios": blokken}


# -- the figures as rows (CSV and the document's tables) --------------------------------------------


def _spreiding_tekst(s: dict[str, Any]) -> str:
    if s["mediaan"] is None:
        return "niet getoond: minder dan 5 gezinnen"
    return (f"mediaan {s['mediaan']} dagen (middelste helft {s['kwartiel_1']}–{s['kwartiel_3']}; "
            f"kortste–langste {s['min']}–{s['max']}; {s['gezinnen']} gezinnen)")


def secties(blok: dict[str, Any], w: dict[str, str]) -> list[dict[str, Any]]:
    """The figures of one region as sections of rows ``{sleutel, label, waarde, tekst}`` (Dutch labels;
    ``w``: the region's words, D30). A section whose figures are all 0 or empty is left out."""

    def rij(sleutel: str, label: str, waarde: Any) -> dict[str, Any]:
        return {"sleutel": sleutel, "label": label, "waarde": waarde, "tekst": str(waarde)}

    def spreiding_rij(sleutel: str, label: str, s: dict[str, Any]) -> dict[str, Any]:
        return {"sleutel": sleutel, "label": label, "waarde": s["mediaan"], "tekst": _spreiding_tekst(s),
                "spreiding": s}

    na = blok["na_afronding"]
    risico = blok["risicofactoren"]
    uit = [
        {"titel": f"Aanmeldingen en {w['intake']}", "rijen": [
            rij("aanmeldingen", "Aanmeldingen", blok["aanmeldingen"]),
            *[rij(f"ico_conclusies.{c['conclusie']}", f"{w['intake_kort']}: {c['label']}", c["aantal"])
              for c in blok["ico_conclusies"]]]},
        {"titel": "Casusregie", "rijen": [
            rij("in_casusregie", "Gezinnen in casusregie (op een dag van het jaar)", blok["in_casusregie"]),
            rij("casusregie_gestart", "Casusregie gestart", blok["casusregie_gestart"]),
            rij("afrondingen", "Afrondingen", blok["afrondingen"]),
            rij("afsluitingen", "Afsluitingen", blok["afsluitingen"]),
            rij("heropeningen", "Heropende dossiers", blok["heropeningen"])]},
        {"titel": "Doorlooptijden", "rijen": [
            r for r in (
                spreiding_rij("dagen_tot_eerste_weegploeg", f"Van de start van de casusregie tot het eerste plan van "
                              f"aanpak op {w['plan']}",
                              blok["dagen_tot_eerste_weegploeg"]),
                spreiding_rij("duur_casusregie_dagen", "Duur van de casusregie tot de afronding",
                              blok["duur_casusregie_dagen"]))
            if r["spreiding"]["gezinnen"] != 0]},
        {"titel": "Na de afronding (zes maanden opvolging)", "rijen": [
            rij("na_afronding.afgerond", "Afgerond in het jaar", na["afgerond"]),
            rij("na_afronding.opvolging_voorbij", "waarvan de zes maanden opvolging voorbij zijn",
                na["opvolging_voorbij"]),
            rij("na_afronding.nieuwe_feiten_binnen_zes_maanden",
                "Met een nieuw incident, pv of melding binnen zes maanden na de afronding",
                na["nieuwe_feiten_binnen_zes_maanden"])]},
        {"titel": "IFG-profielen (gezinnen in casusregie)", "rijen": [
            rij(f"ifg_profielen.{p['profiel']}", p["naam"], p["gezinnen"]) for p in blok["ifg_profielen"]]},
        {"titel": "Risicofactoren bij instroom en bij afronding", "rijen": [
            rij("risicofactoren.gezinnen", "Afgeronde gezinnen met een kijkschema bij instroom en bij afronding",
                risico["gezinnen"]),
            rij("risicofactoren.minder_risicofactoren", "waarvan met minder risicofactoren",
                risico["minder_risicofactoren"]),
            *[rij(f"risicofactoren.{d['domein']}", f"{d['naam'].capitalize()}: risicofactoren bij instroom → bij "
                  "afronding", f"{d['bij_instroom']} → {d['bij_afronding']}") for d in risico["per_domein"]]]
            if risico["gezinnen"] != 0 else []},
        {"titel": "Kinderen van 12 jaar en ouder", "rijen": [
            rij("kinderen_ouder_dan_12.kinderen", "Kinderen van 12 jaar en ouder in casusregie",
                blok["kinderen_ouder_dan_12"]["kinderen"]),
            rij("kinderen_ouder_dan_12.gezinnen", "Gezinnen met zo'n kind",
                blok["kinderen_ouder_dan_12"]["gezinnen"])]},
        {"titel": "Bijlagen B, C en D", "rijen": [
            rij(f"bijlagen.{b['bijlage']}", f"Gezinnen in casusregie met {b['label']}", b["gezinnen"])
            for b in blok["bijlagen"]]},
        {"titel": "Agenderingen per tafel", "rijen": [
            r for a in blok["agenderingen"] for r in (
                rij(f"agenderingen.{a['tafel']}", f"{a['naam']}: agenderingen", a["agenderingen"]),
                rij(f"agenderingen.{a['tafel']}.te_laat", f"{a['naam']}: na de deadline", a["te_laat"]))]},
    ]
    return [s for s in uit if any(r["waarde"] not in (0, None, "0 → 0") for r in s["rijen"])]


def _schrijf_csv(doel: Path, resultaat: dict[str, Any], *, op_stderr: bool = False) -> None:
    """The figures as CSV in ``doel`` (a file, a folder, or "-" for stdout); ``op_stderr``: the note that it
    was written goes to stderr (stdout holds JSON)."""
    import csv as csv_module
    import io

    _, woorden = regio_woorden()
    tekst = io.StringIO()
    w = csv_module.writer(tekst, delimiter=";", lineterminator="\n")
    w.writerow(["regio", "regio_naam", "jaar", "onderdeel", "cijfer", "omschrijving", "waarde"])
    for blok in resultaat["regios"]:
        for m in blok["aanmeldingen_per_maand"]:
            w.writerow([blok["regio"], blok["regio_naam"], blok["jaar"], "Aanmeldingen per maand",
                        f"aanmeldingen_per_maand.{m['maand']}", f"Aanmeldingen in {m['maand']}", m["aantal"]])
        for s in secties(blok, woorden[blok["regio"]]):
            for r in s["rijen"]:
                if "spreiding" in r:
                    for k in ("gezinnen", "mediaan", "kwartiel_1", "kwartiel_3", "min", "max"):
                        waarde = r["spreiding"][k]
                        w.writerow([blok["regio"], blok["regio_naam"], blok["jaar"], s["titel"], f"{r['sleutel']}.{k}",
                                    f"{r['label']}: {k.replace('_', ' ')}", "" if waarde is None else waarde])
                else:
                    w.writerow([blok["regio"], blok["regio_naam"], blok["jaar"], s["titel"], r["sleutel"], r["label"],
                                r["waarde"]])
    from ketencli.commands.weergave import schrijf_csv

    schrijf_csv(doel, tekst.getvalue(), f"jaarcijfers-{resultaat['jaar']}.csv", op_stderr=op_stderr)


# -- the Word document ------------------------------------------------------------------------------------


def _grafieken(resultaat: dict[str, Any]) -> list[dict[str, Any]]:
    """The charts (title, Dutch caption, picture), only those with something to show."""
    from ketencli import grafieken, render
    from ketencli.statistiek import is_onderdrukt

    _, woorden = regio_woorden()
    blokken = resultaat["regios"]
    jaar = resultaat["jaar"]
    uit: list[dict[str, Any]] = []

    def iets(waarden: list[Any]) -> bool:
        return any(w not in (0, None) for w in waarden)

    def voeg_toe(titel: str, bijschrift: str, png: bytes) -> None:
        uit.append({"titel": titel, "bijschrift": f"Figuur {len(uit) + 1}. {bijschrift}",
                    "beeld": render.Afbeelding(png, 16.0)})

    intake = ", ".join(dict.fromkeys(woorden[b["regio"]]["intake_kort"] for b in blokken))
    cats = ["Aanmeldingen", *[c["label"].replace(" (advies)", "").replace("ketenaanpak ", "").capitalize()
                              for c in blokken[0]["ico_conclusies"]]] if blokken else []
    reeksen = [(b["regio"], b["regio_naam"], [b["aanmeldingen"], *[c["aantal"] for c in b["ico_conclusies"]]])
               for b in blokken]
    if iets([w for _, _, ws in reeksen for w in ws]):
        voeg_toe(f"Aanmeldingen en conclusies van het verkennend overleg ({intake})",
                 f"Aanmeldingen in {jaar} en de conclusies van het verkennend overleg per regio (aantal gezinnen).",
                 grafieken.staafdiagram(cats, reeksen))
    maanden = [m["maand"] for m in blokken[0]["aanmeldingen_per_maand"]] if blokken else []
    reeksen = [(b["regio"], b["regio_naam"], [m["aantal"] for m in b["aanmeldingen_per_maand"]]) for b in blokken]
    if iets([w for _, _, ws in reeksen for w in ws]):
        verborgen = any(w == "x" for _, _, ws in reeksen for w in ws)
        voeg_toe("Aanmeldingen per maand", f"Aanmeldingen per maand in {jaar}, per regio. Open tekens in de grijze "
                 "band: een maand met 1 tot 4 aanmeldingen (niet getoond)."
                 + (" Een onderbroken lijn: een maand die niet getoond wordt, omdat ze samen met het jaartotaal een "
                    "klein aantal zou verraden." if verborgen else ""), grafieken.tijdlijn(maanden, reeksen))
    reeksen = [(b["regio"], b["regio_naam"], [b["in_casusregie"], b["casusregie_gestart"], b["afrondingen"],
                                               b["afsluitingen"], b["heropeningen"]]) for b in blokken]
    if iets([w for _, _, ws in reeksen for w in ws]):
        voeg_toe("Casusregie", f"Gezinnen in casusregie in {jaar}, gestart, afgerond, afgesloten en heropend, per "
                 "regio.", grafieken.staafdiagram(["In casusregie", "Gestart", "Afgerond", "Afgesloten", "Heropend"],
                                                  reeksen))
    for sleutel, titel, uitleg in (
            ("dagen_tot_eerste_weegploeg", "Dagen tot het eerste plan van aanpak aan tafel",
             "Dagen van de start van de casusregie tot het eerste plan van aanpak op de tafel voor het plan "
             "(weegploeg, overlegtafel of operationeel team)"),
            ("duur_casusregie_dagen", "Duur van de casusregie", "Dagen casusregie, van de start tot de afronding")):
        reeksen = [(b["regio"], b["regio_naam"], b[sleutel]) for b in blokken if b[sleutel]["mediaan"] is not None]
        if reeksen:
            voeg_toe(titel, f"{uitleg}, in {jaar}: mediaan (dikke streep), middelste helft van de gezinnen (vak) en "
                     "kortste tot langste (lijn). Alleen regio's met minstens 5 gezinnen.",
                     grafieken.spreiding(reeksen))
    tafels = [(b, a) for b in blokken for a in b["agenderingen"]]
    if tafels:
        namen = [f"{a['naam']}\n({b['regio_naam'].replace('Ketenaanpak IFG ', '')})" for b, a in tafels]
        reeksen = [("agenderingen", "agenderingen", [a["agenderingen"] for _, a in tafels]),
                   ("te_laat", "na de deadline", [a["te_laat"] for _, a in tafels])]
        voeg_toe("Agenderingen per tafel", f"Agenderingen met een zitting in {jaar} per tafel, en hoeveel ervan na de "
                 "deadline van de tafel kwamen (gearceerd).", grafieken.staafdiagram(
                     namen, reeksen, as_y="aantal agenderingen", hatches=["", "xxx"],
                     regio_per_categorie=[b["regio"] for b, _ in tafels]))
    for b in blokken:
        r = b["risicofactoren"]
        if r["gezinnen"] in (0,) or is_onderdrukt(r["gezinnen"]):
            continue
        reeksen = [(b["regio"], "bij instroom", [d["bij_instroom"] for d in r["per_domein"]]),
                   (b["regio"], "bij afronding", [d["bij_afronding"] for d in r["per_domein"]])]
        voeg_toe(f"Risicofactoren per domein – {b['regio_naam']}",
                 f"Risicofactoren aanwezig bij instroom en bij afronding, per domein van het kijkschema, bij de "
                 f"{r['gezinnen']} gezinnen van {b['regio_naam']} die in {jaar} afgerond werden.",
                 grafieken.staafdiagram([d["naam"].capitalize().replace(" ", "\n", 1) for d in r["per_domein"]],
                                        reeksen, as_y="aantal risicofactoren", hatches=["", "xxx"]))
    return uit


def _schrijf_word(resultaat: dict[str, Any], vandaag: date, uit: Path | None, overschrijf: bool) -> Path:
    from ketencli import documenten

    _, woorden = regio_woorden()
    context = documenten.context_jaarcijfers(resultaat, [
        {"naam": b["regio_naam"], "secties": secties(b, woorden[b["regio"]])} for b in resultaat["regios"]],
        _grafieken(resultaat), vandaag)
    naam = f"{vandaag.isoformat()}_jaarcijfers-{resultaat['jaar']}.docx"
    return documenten.schrijf_rapport("jaarcijfers", context, naam, doel=uit, overschrijf=overschrijf)
