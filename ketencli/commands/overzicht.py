"""`ketencli overzicht`: what is overdue, due this week and next week, across all dossiers.

The data comes from ``index.samenvattingen()`` (a per-file cache of each dossier's due items, made
by ``planning.vervaldata``): on the warm path this command imports neither the model, pydantic,
YAML nor holidays. Only dossier ids and what is due are shown, never names.
"""

from __future__ import annotations

from pathlib import Path

import typer

from ketencli.fouten import KetencliFout, schrijffout
from ketencli.taal import aantal

URGENTIE_STIJL = {"te-laat": "bold red", "deze-week": "yellow", "volgende-week": "cyan", "later": "default"}


def overzicht(
    als_json: bool = typer.Option(False, "--json", help="Een lijst van objecten (JSON) op stdout."),
    ics: Path | None = typer.Option(
        None, "--ics", metavar="BESTAND",
        help="Schrijf de komende zittingen, deadlines en vervaldata als iCalendar-bestand (.ics) voor je "
             "agenda: met dossier-id's, nooit namen. Zonder --weken: alles vanaf vandaag.",
    ),
    weken: int | None = typer.Option(
        None, "--weken", min=1, max=104, metavar="N",
        help="Hoeveel weken vooruit (deze week telt als de eerste). Standaard 2: deze en volgende week.",
    ),
    heel_team: bool = typer.Option(False, "--team", help="In een team: ook de dossiers van je collega's."),
    regisseur: str | None = typer.Option(None, "--regisseur", metavar="NAAM",
                                         help="Alleen de dossiers van deze casusregisseur."),
) -> None:
    """Wat is te laat, wat moet deze week en volgende week: deadlines voor agendering, zittingen en de
    vervaldata van de methodiek, over al je dossiers, de dringendste eerst. In een team standaard je
    eigen dossiers (en die zonder regisseur); --team toont alle, --regisseur NAAM die van een collega."""
    from ketencli import index, klok, ui, weergavecache

    tabel = ics is None and not als_json
    opties = (weken or 2, heel_team, regisseur)
    bestanden = index.dossierbestanden()
    if tabel and weergavecache.toon("overzicht", opties, bestanden, modules=(__file__,)):
        return  # nothing it shows changed since the last time: the same table (issue 19)
    from ketencli import planning

    nu = klok.nu()
    alle_dossiers = index.samenvattingen(extra=False, bestanden=bestanden)
    samenvattingen = index.caseload(alle_dossiers, team=heel_team, regisseur=regisseur)
    # conflicts in the colleagues' dossiers this listing leaves out: said, so a sync's conflict is not lost
    getoond = {s.id for s in samenvattingen}
    verborgen = [s for s in alle_dossiers if s.conflicten and s.id not in getoond]
    regios = _regio_instellingen()  # the table names set in regio.yaml, in every column and the .ics (D30)
    rijen = planning.overzicht(samenvattingen, nu, weken or 2, regios)
    fouten = [s for s in samenvattingen if s.fout]

    if ics is not None:
        alle_rijen = planning.overzicht(samenvattingen, nu, weken, regios)  # te laat: in the past, not exported
        kalender_rijen = [r for r in alle_rijen if r["urgentie"] != "te-laat"]
        inhoud, staat = planning.kalender(alle_rijen, nu, regios, vorige=_lees_agenda_staat(),
                                          tot=planning.horizon(nu, weken))
        _schrijf_kalender(ics, inhoud)
        _bewaar_agenda_staat(staat)

    if als_json:
        ui.schrijf_json(rijen)
    elif not samenvattingen and (uitleg := index.caseload_leeg(alle_dossiers, regisseur=regisseur)):
        ui.console().print(uitleg, markup=False)
    else:
        tekst = _toon(rijen, weken or 2, len(samenvattingen))
        gemeld = any(s.fout or s.vreemde_bestanden or s.conflicten for s in samenvattingen) or bool(verborgen)
        if tabel and tekst is not None and not gemeld:
            weergavecache.bewaar("overzicht", opties, bestanden, tekst,
                                 index.geldig_tot((i for s in alle_dossiers for i in s.vervaldata), nu),
                                 modules=(__file__,))
        if ics is not None:
            ui.gelukt(f"Agendabestand geschreven: {ics} ({aantal(len(kalender_rijen), 'item', 'items')}).")
    for s in fouten:
        ui.melding(f"Dossier {s.id} kan niet gelezen worden en ontbreekt in dit overzicht: {s.fout}")
    for s in samenvattingen:
        ui.meld_vreemde_bestanden(s.id, s.vreemde_bestanden)
    met_conflict = [s for s in samenvattingen if s.conflicten]
    if met_conflict and not als_json:
        from ketencli.team import los_opdracht

        eerste = met_conflict[0]
        ui.melding("Conflict na een team-sync in " + ", ".join(f"{s.id} ({s.conflicten})" for s in met_conflict)
                   + f": bekijk het met `ketencli dossier show {eerste.id}` en los het op met "
                   + f"`{los_opdracht(eerste.id, eerste.conflicten)}` (of 2)"
                   + (" (NR: het veld of het nummer van het conflict in dossier show)"
                      if eerste.conflicten != 1 else "")
                   + (", en zo ook voor de andere." if len(met_conflict) > 1 else "."))
    if verborgen and not als_json:
        ui.melding("Ook in dossiers van collega's staat een conflict na een team-sync: "
                   + ", ".join(f"{s.id} ({s.conflicten})" for s in verborgen)
                   + ". Je ziet ze met `ketencli overzicht --team`; wie het dossier heeft, lost het op met "
                   + "`ketencli team los`.")


def _toon(rijen: list[dict], weken: int, aantal_dossiers: int) -> str | None:
    """Print the table of the due items and the tips after it. Returns the table's text when nothing
    else was printed (then it may be kept for the next time, ``weergavecache``)."""
    from ketencli import planning, ui

    if not rijen:
        periode = "deze en volgende week" if weken == 2 else f"de komende {weken} weken"
        bekeken = aantal(aantal_dossiers, "dossier", "dossiers")
        ui.console().print(f"Niets te laat en niets te doen {periode} ({bekeken} bekeken).")
        return None
    n = len({r["dossier"] for r in rijen})
    cellen: list[list[str] | None] = []
    stijlen: list[list[str | None] | None] = []
    vorige = None
    for rij in rijen:
        stijl = URGENTIE_STIJL[rij["urgentie"]]
        if rij["urgentie"] != vorige:
            if vorige is not None:
                cellen.append(None)
                stijlen.append(None)
            cellen.append([planning.URGENTIE_NAMEN[rij["urgentie"]].upper(), "", "", ""])
            stijlen.append([stijl, None, None, None])
            vorige = rij["urgentie"]
        cellen.append([_wanneer(rij), rij["dossier"], rij["omschrijving"], rij.get("tafel_naam") or ""])
        stijlen.append([stijl, None, None, None])
    kolommen = [ui.Kolom("Wanneer", min_breedte=10), ui.Kolom("Dossier", kort=True, min_breedte=8),
                ui.Kolom("Wat", min_breedte=20), ui.Kolom("Tafel", min_breedte=10)]
    tekst = ui.tabel_tekst(f"Overzicht: {len(rijen)} item{'s' if len(rijen) != 1 else ''} in {n} "
                           f"dossier{'s' if n != 1 else ''}", kolommen, cellen, stijlen=stijlen, titel_links=True)
    ui.schrijf(tekst)
    return None if _verstuurd_tip(rijen) else tekst


def _verstuurd_tip(rijen: list[dict]) -> bool:
    """An agendering's deadline stays "te laat" until its mail is noted as sent: say how, per agendering.
    rich (the console) is loaded only when there is a tip to print. Returns whether one was printed."""
    import re

    from ketencli import ui

    patroon = re.compile(r"agendering-(a\d+)-deadline")
    getipt = False
    for rij in rijen:
        if rij["urgentie"] != "te-laat" or not rij["soort"].startswith("deadline-"):
            continue
        gevonden = patroon.fullmatch(rij.get("sleutel") or "")
        if not gevonden:
            continue
        from rich.markup import escape

        dossier, agendering = rij["dossier"], gevonden.group(1)
        ui.console().print(escape(f"Mail van {dossier} {agendering} al verstuurd? Noteer het met "
                                  f"`ketencli agendeer uitkomst {dossier} {agendering} --status ingediend`: "
                                  "dan staat de deadline niet meer bij te laat."))
        getipt = True
    return getipt


_DAGEN: dict[str, str] = {}  # "2026-11-23" → "ma 23/11/2026": a long overzicht repeats its dates


def _wanneer(rij: dict) -> str:
    dag = _DAGEN.get(rij["datum"])
    if dag is None:
        from datetime import date

        from ketencli.ui import KORTE_DAGEN

        datum = date.fromisoformat(rij["datum"])
        dag = _DAGEN[rij["datum"]] = f"{KORTE_DAGEN[datum.weekday()]} {datum:%d/%m/%Y}"
    return f"{dag} {rij['tijd']}" if rij.get("tijd") else dag


def _regio_instellingen() -> dict | None:
    """The regions with the user's settings, when there is a settings file (it needs the YAML reader,
    so only then). A file with an error leaves the due dates of its dossiers empty: say so."""
    from ketencli import paden

    if not (paden.config_dir() / "regio.yaml").is_file():
        return None
    from ketencli import planning

    try:
        return planning.alle_regios()
    except KetencliFout as fout:
        from ketencli.commands.weergave import waarschuw_regio_fout

        waarschuw_regio_fout(fout.melding + (f"\n{fout.tip}" if fout.tip else ""))
        return None


def _schrijf_kalender(pad: Path, inhoud: bytes) -> None:
    from ketencli import paden

    pad = pad.expanduser()
    if not pad.name or pad.is_dir():
        raise KetencliFout(f"--ics verwacht een bestand, geen map: {pad}.",
                           tip="Geef een bestandsnaam, bv. --ics ~/ketencli.ics.")
    if not pad.parent.is_dir():
        raise KetencliFout(f"De map {pad.parent} bestaat niet: het agendabestand werd niet geschreven.",
                           tip="Kies een bestaande map, bv. --ics ~/ketencli.ics.")
    try:
        paden.schrijf_atomisch(pad, inhoud)
    except OSError as fout:
        raise schrijffout(fout, f"{pad} kon niet geschreven worden",
                          gevolg="Het agendabestand werd niet geschreven.") from None


def _agenda_staat_pad() -> Path:
    from ketencli import paden

    return paden.home() / "agenda.json"


def _lees_agenda_staat() -> dict | None:
    """What the previous `--ics` exported (UIDs, SEQUENCE, old dates): to update moved items and cancel
    disappeared ones (D33). Missing or unreadable: a first export."""
    import json

    try:
        with open(_agenda_staat_pad(), encoding="utf-8") as f:
            staat = json.load(f)
    except (OSError, ValueError):
        return None
    return staat if isinstance(staat, dict) else None


def _bewaar_agenda_staat(staat: dict) -> None:
    import json

    from ketencli import paden

    try:
        paden.maak_map(_agenda_staat_pad().parent)
        paden.schrijf_atomisch(_agenda_staat_pad(), json.dumps(staat, ensure_ascii=False).encode("utf-8"))
    except OSError:  # the calendar file is written; the next export then cannot cancel what disappeared
        from ketencli import ui

        ui.melding("Het agendabestand is geschreven, maar ketencli kon niet bewaren wat erin stond: een "
                   "volgende export kan verschoven zittingen dan niet bijwerken.")
