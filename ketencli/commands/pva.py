"""`ketencli pva`: show, check, edit (interactive), and the same operations as sub-commands."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, Any

import typer

from ketencli.commands.opties import controleer_keuze, datum_optie, factor_optie, niet_leeg, vereis_bekende_dienst
from ketencli.commands.weergave import STAVAZA_LABELS, toon_bevindingen
from ketencli.fouten import GebruiksFout, KetencliFout
from ketencli.taal import aantal

if TYPE_CHECKING:
    from ketencli import model

app = typer.Typer(help="Het plan van aanpak: tonen, controleren en bewerken.", no_args_is_help=True)
rij_app = typer.Typer(help="Rijen van het plan: toevoegen, wijzigen, verplaatsen, verwijderen.", no_args_is_help=True)
actie_app = typer.Typer(help="Acties binnen een rij: toevoegen, wijzigen (stavaza, plan B), verwijderen.",
                        no_args_is_help=True)
doel_app = typer.Typer(help="Doelstellingen van het plan.", no_args_is_help=True)
app.add_typer(rij_app, name="rij")
app.add_typer(actie_app, name="actie")
app.add_typer(doel_app, name="doel")

DOMEIN_HULP = ("geweld, individu, interactie, professionele-ondersteuning, sociale-ondersteuning of kind "
               "(standaard: het domein van de factor).")


# -- shared checks --------------------------------------------------------------------------------


def _leden(d: model.Dossier, ids: list[str], optie: str = "--bij-wie") -> list[str]:
    uit: list[str] = []
    for waarde in ids:
        for lid_id in (x.strip() for x in waarde.split(",")):
            if not lid_id:
                continue
            if d.lid(lid_id) is None:
                raise GebruiksFout(f"{optie} {lid_id}: dat gezinslid bestaat niet in dossier {d.id} "
                                   f"(leden: {', '.join(x.id for x in d.gezinsleden) or 'geen'}).")
            uit.append(lid_id)
    return list(dict.fromkeys(uit))


def _rij(d: model.Dossier, rij_id: str) -> model.PvaRij:
    rij = d.pva.rij(rij_id)
    if rij is None:
        raise KetencliFout(f"Rij '{rij_id}' bestaat niet in het plan van dossier {d.id}.",
                           tip=f"Rijen: {', '.join(r.id for r in d.pva.rijen) or 'nog geen'} "
                               f"(zie `ketencli pva show {d.id}`).")
    return rij


def _actie_index(rij: model.PvaRij, nummer: int) -> int:
    if not 1 <= nummer <= len(rij.acties):
        raise KetencliFout(f"Rij {rij.id} heeft geen actie {nummer} (er zijn er {len(rij.acties)}).")
    return nummer - 1


def _begeleiding(d: model.Dossier, waarde: str | None) -> str | None:
    from ketencli import ui

    if waarde is None:
        return None
    waarde = waarde.strip()
    vereis_bekende_dienst(d, waarde, "--begeleiding")  # d7 that does not exist is a typo, not free text
    if waarde and d.dienst(waarde) is None:
        ui.melding(f"'{waarde}' is geen dienst-id van dit dossier; het wordt als vrije tekst bewaard. "
                   f"Tip: voeg de dienst toe met `ketencli dossier dienst add {d.id}` en verwijs naar zijn id.")
    return waarde


def _datum(waarde: str | None, optie: str) -> Any:
    return datum_optie(waarde, optie)


def _plan_datum(waarde: str | None, optie: str) -> Any:
    """A date the plan aims at (an action's uiterlijk, a goal's streefdatum): without a year the next one."""
    return datum_optie(waarde, optie, richting="toekomst")


# -- show and check ---------------------------------------------------------------------------------


@app.command("show")
def toon(
    dossier_id: str = typer.Argument(..., metavar="ID", help="Het dossier-id."),
    als_json: bool = typer.Option(False, "--json", help="Schrijf het plan als JSON."),
) -> None:
    """Toon het plan van aanpak per domein, met de kolommen van de gids."""
    from rich.markup import escape
    from rich.table import Table

    from ketencli import store, ui
    from ketencli.commands.weergave import namen
    from ketencli.methodiek import kijkschema, profielen

    d = store.laad(dossier_id)
    if als_json:
        ui.schrijf_json(d.pva.model_dump(mode="json", exclude_none=True))
        return
    c = ui.console()
    c.print(f"[bold]Plan van aanpak — {escape(d.gezin)}[/] ({d.id})"
            + (f", opgemaakt op {d.pva.opgemaakt_op:%d/%m/%Y}" if d.pva.opgemaakt_op else ""))
    gekozen = [profielen.profiel(p).naam for p in d.ifg_profielen if profielen.profiel(p)]  # type: ignore[union-attr]
    c.print("IFG-profiel: " + (", ".join(gekozen) if gekozen else "[dim]geen aangeduid[/]"))
    if not d.pva.rijen:
        c.print(f"Het plan heeft nog geen rijen. Begin met `ketencli pva edit {d.id}`.")
        return
    # the guide's eight columns need a wide terminal; below that each row is a block of its own
    gestapeld = c.width < BREED_GENOEG
    for domein in kijkschema.DOMEINEN:
        rijen = [r for r in d.pva.rijen if r.domein == domein.key]
        if not rijen:
            continue
        if gestapeld:
            c.print(f"\n[bold]{domein.naam}[/]")
            for rij in rijen:
                c.print(_rij_blok(d, rij))
            continue
        tabel = Table(title=domein.naam, title_justify="left", title_style="bold", expand=True,
                      header_style="bold", show_lines=True)
        for kop, breedte in (("rij", 1), ("risico- en beschermende factoren", 4), ("bij wie", 2),
                             ("noden van de cliënt", 4), ("aanpak op maat", 4), ("actie", 4), ("begeleiding", 3),
                             ("stavaza", 2)):
            tabel.add_column(kop, ratio=breedte, no_wrap=kop == "rij", min_width=3 if kop == "rij" else None)
        for rij in rijen:
            acties, begeleiding, stavaza = [], [], []
            for n, actie in enumerate(rij.acties, 1):
                acties.append(_actie_tekst(n, actie))
                begeleiding.append(_begeleider_naam(d, actie))
                stavaza.append(STAVAZA_LABELS[actie.stavaza])
            tabel.add_row(rij.id, _factor_tekst(rij), escape(namen(d, rij.bij_wie)), escape(rij.noden),
                          escape(rij.aanpak), "\n".join(acties), "\n".join(begeleiding), "\n".join(stavaza))
        c.print(tabel)
    if d.pva.doelstellingen:
        tabel = Table(title="DOELSTELLINGEN", title_justify="left", title_style="bold", expand=True,
                      header_style="bold")
        for kop in ("id", "doelstelling", "bij wie", "streefdatum", "staat"):
            tabel.add_column(kop)
        for doel in d.pva.doelstellingen:
            tabel.add_row(doel.id, escape(doel.tekst), escape(namen(d, doel.bij_wie)),
                          f"{doel.streefdatum:%d/%m/%Y}" if doel.streefdatum else "", doel.staat)
        c.print(tabel)


# below this many columns `pva show` prints each row as a block instead of the eight-column table
BREED_GENOEG = 140


def _factor_tekst(rij: Any) -> str:
    """The factor in its colour and, for a reader without colour (NO_COLOR, print), its kind in words."""
    from rich.markup import escape

    from ketencli.methodiek import kijkschema

    factor = kijkschema.factor(rij.factor)
    kleur = "red" if rij.soort == "risico" else "green"
    return f"[{kleur}]{escape(factor.label if factor else rij.factor)} ({rij.soort})[/]"


def _actie_tekst(n: int, actie: Any) -> str:
    from rich.markup import escape

    tekst = f"{n}. {escape(actie.omschrijving)}"
    if actie.stavaza in ("geschrapt", "mislukt"):
        tekst = f"[strike]{tekst}[/]"
    if actie.uiterlijk:  # the planned end date (opvolgen, L647)
        tekst += f"\n   [dim]uiterlijk {actie.uiterlijk:%d/%m/%Y}[/]"
    if actie.plan_b:
        tekst += f"\n   [italic]plan B: {escape(actie.plan_b)}[/]"
    return tekst


def _begeleider_naam(d: Any, actie: Any) -> str:
    from rich.markup import escape

    dienst = d.dienst(actie.begeleiding)
    return escape(dienst.naam if dienst else actie.begeleiding) or "—"


def _rij_blok(d: Any, rij: Any) -> Any:
    """One PvA row as a block for a narrow terminal: the guide's columns as labelled lines."""
    from rich.markup import escape
    from rich.table import Table

    from ketencli.commands.weergave import namen

    blok = Table.grid(padding=(0, 1))
    blok.add_column(no_wrap=True, style="bold")
    blok.add_column(ratio=1)
    blok.add_row(rij.id, _factor_tekst(rij))
    for label, waarde in (("bij wie", namen(d, rij.bij_wie)), ("noden", rij.noden), ("aanpak", rij.aanpak)):
        if waarde:
            blok.add_row("", f"[dim]{label}:[/] {escape(waarde)}")
    for n, actie in enumerate(rij.acties, 1):
        tekst = f"{n}. {escape(actie.omschrijving)}"
        if actie.stavaza in ("geschrapt", "mislukt"):
            tekst = f"[strike]{tekst}[/]"
        blok.add_row("", f"{tekst} [dim]— {_begeleider_naam(d, actie)}, {STAVAZA_LABELS[actie.stavaza]}[/]")
        if actie.plan_b:
            blok.add_row("", f"   [italic]plan B: {escape(actie.plan_b)}[/]")
    if not rij.acties:
        blok.add_row("", "[dim]nog geen actie[/]")
    return blok


@app.command("check")
def check(
    dossier_id: str = typer.Argument(..., metavar="ID", help="Het dossier-id."),
    als_json: bool = typer.Option(False, "--json", help='Schrijf {"bevindingen": [...]} als JSON.'),
    strikt: bool = typer.Option(False, "--strict", help="Faal ook bij waarschuwingen."),
) -> None:
    """Toets het plan aan de regels van de methodiek (fout, waarschuwing, tip). Exit 1 bij een fout."""
    from ketencli import planning, store, ui
    from ketencli.methodiek import pva_regels

    d = store.laad(dossier_id)
    bevindingen = pva_regels.controleer(d, instemming_per_lid=planning.regio(d.regio).instemming_per_lid)
    ernsten = {b.ernst for b in bevindingen}
    faalt = "fout" in ernsten or (strikt and "waarschuwing" in ernsten)
    if als_json:
        ui.schrijf_json({"bevindingen": [b.als_dict() for b in bevindingen]})
    else:
        toon_bevindingen(bevindingen)
    if faalt:
        raise typer.Exit(1)


# -- profiles ------------------------------------------------------------------------------------


@app.command("profiel")
def profiel(
    dossier_id: str = typer.Argument(..., metavar="ID", help="Het dossier-id."),
    keys: list[str] = typer.Argument(None, metavar="[PROFIEL]...",
                                     help="intiem-terrorisme, situationeel-geweld, opvoedstress, langdurige-zorg, "
                                          "vechtscheiding (meerdere mogelijk)."),
    geen: bool = typer.Option(False, "--geen", help="Wis de aangeduide profielen."),
) -> None:
    """Duid de IFG-profielen aan die van toepassing zijn, of toon ze met hun richtlijnen."""
    from rich.markup import escape

    from ketencli import store, ui
    from ketencli.methodiek import profielen

    if not keys and not geen:
        d = store.laad(dossier_id)
        c = ui.console()
        for p in profielen.PROFIELEN:
            teken = "☒" if p.key in d.ifg_profielen else "☐"
            c.print(f"{teken} [bold]{p.naam}[/] ({p.key})")
            if p.key in d.ifg_profielen:
                for richtlijn in p.pva_richtlijnen:
                    c.print(f"    • {escape(richtlijn)}")
        return
    for key in keys or []:
        if profielen.profiel(key) is None:
            raise GebruiksFout(f"IFG-profiel {key!r} ken ik niet; kies uit: "
                               + ", ".join(p.key for p in profielen.PROFIELEN) + ".")
    with store.wijzig(dossier_id) as d:
        d.ifg_profielen = [] if geen else [profielen.profiel(k).key for k in keys]  # type: ignore[union-attr]
    ui.gelukt("IFG-profiel: " + (", ".join(d.ifg_profielen) if d.ifg_profielen else "geen") + ".")


# -- rows -------------------------------------------------------------------------------------------


@rij_app.command("add")
def rij_toevoegen(
    dossier_id: str = typer.Argument(..., metavar="ID", help="Het dossier-id."),
    factor: str = typer.Option(..., "--factor", help="Een kijkschema-sleutel (bv. geweld-escalatie) of vrije tekst."),
    domein: str | None = typer.Option(None, "--domein", help=DOMEIN_HULP),
    soort: str | None = typer.Option(None, "--soort", help="risico of beschermend (standaard: die van de factor)."),
    bij_wie: list[str] = typer.Option([], "--bij-wie", help="Lid-id's, bv. m1 of m1,m2."),
    noden: str = typer.Option("", "--noden", help="Noden van de cliënt."),
    aanpak: str = typer.Option("", "--aanpak", help="Aanpak op maat."),
) -> None:
    """Voeg een rij toe aan het plan van aanpak."""
    from ketencli import model, store, ui
    from ketencli.methodiek import kijkschema

    key, f = factor_optie(factor)
    if domein is None and f is None:
        raise GebruiksFout("Geef --domein bij een eigen factor (vrije tekst).")
    if domein is not None:
        controleer_keuze(domein, [x.key for x in kijkschema.DOMEINEN], "--domein")
    if soort is not None:
        controleer_keuze(soort, ("risico", "beschermend"), "--soort")
    with store.wijzig(dossier_id) as d:
        rij = model.PvaRij(id=d.pva.volgend_rij_id(), domein=domein or f.domein, factor=key,
                           soort=soort or (f.soort if f else "risico"), bij_wie=_leden(d, bij_wie),
                           noden=noden, aanpak=aanpak)
        d.pva.voeg_rij_toe(rij, _vandaag())
    ui.gelukt(f"Rij {rij.id} toegevoegd.")


def _vandaag() -> Any:
    from ketencli import klok

    return klok.vandaag()


@rij_app.command("edit")
def rij_wijzigen(
    dossier_id: str = typer.Argument(..., metavar="ID", help="Het dossier-id."),
    rij_id: str = typer.Argument(..., metavar="RIJ", help="Het rij-id, bv. r3."),
    factor: str | None = typer.Option(None, "--factor", help="Kijkschema-sleutel of vrije tekst."),
    domein: str | None = typer.Option(None, "--domein", help=DOMEIN_HULP),
    soort: str | None = typer.Option(None, "--soort", help="risico of beschermend."),
    bij_wie: list[str] = typer.Option([], "--bij-wie", help="Vervangt wie: lid-id's, bv. m1,m2."),
    noden: str | None = typer.Option(None, "--noden", help="Noden van de cliënt."),
    aanpak: str | None = typer.Option(None, "--aanpak", help="Aanpak op maat."),
) -> None:
    """Wijzig kolommen van een rij (alleen wat je meegeeft)."""
    from ketencli import store, ui
    from ketencli.methodiek import kijkschema

    if domein is not None:
        controleer_keuze(domein, [x.key for x in kijkschema.DOMEINEN], "--domein")
    if soort is not None:
        controleer_keuze(soort, ("risico", "beschermend"), "--soort")
    with store.wijzig(dossier_id) as d:
        rij = _rij(d, rij_id)
        wijziging: dict[str, Any] = {}
        if factor is not None:
            key, f = factor_optie(factor)
            wijziging["factor"] = key
            if f is not None and domein is None:
                wijziging["domein"] = f.domein
            if f is not None and soort is None:
                wijziging["soort"] = f.soort
        wijziging.update({k: v for k, v in (("domein", domein), ("soort", soort), ("noden", noden),
                                            ("aanpak", aanpak)) if v is not None})
        if bij_wie:
            wijziging["bij_wie"] = _leden(d, bij_wie)
        if not wijziging:
            raise GebruiksFout("Geef minstens één kolom om te wijzigen (bv. --noden of --aanpak).")
        for sleutel, waarde in wijziging.items():
            setattr(rij, sleutel, waarde)
    ui.gelukt(f"Rij {rij_id} gewijzigd.")


@rij_app.command("rm")
def rij_verwijderen(
    dossier_id: str = typer.Argument(..., metavar="ID", help="Het dossier-id."),
    rij_id: str = typer.Argument(..., metavar="RIJ", help="Het rij-id."),
    ja: bool = typer.Option(False, "--ja", help="Niet om bevestiging vragen."),
) -> None:
    """Verwijder een rij (met bevestiging)."""
    from ketencli import store, ui

    with store.wijzig(dossier_id) as d:
        rij = _rij(d, rij_id)
        if not ja:
            ui.vereis_terminal(False, "Bevestig met --ja.")
            acties = aantal(len(rij.acties), "actie", "acties")
            if not ui.bevestig(f"Rij {rij.id} ({rij.factor}) met {acties} verwijderen?", False):
                raise KetencliFout("Niets verwijderd.")
        d.pva.rijen = [r for r in d.pva.rijen if r.id != rij_id]
    ui.gelukt(f"Rij {rij_id} verwijderd.")


@rij_app.command("move")
def rij_verplaatsen(
    dossier_id: str = typer.Argument(..., metavar="ID", help="Het dossier-id."),
    rij_id: str = typer.Argument(..., metavar="RIJ", help="Het rij-id."),
    naar: int = typer.Option(..., "--naar", help="Nieuwe plaats binnen het plan (1 = bovenaan)."),
) -> None:
    """Verplaats een rij (de volgorde binnen een domein is die van het plan)."""
    from ketencli import store, ui

    with store.wijzig(dossier_id) as d:
        rij = _rij(d, rij_id)
        overige = [r for r in d.pva.rijen if r.id != rij_id]
        plaats = max(1, min(naar, len(overige) + 1)) - 1
        d.pva.rijen = [*overige[:plaats], rij, *overige[plaats:]]
    ui.gelukt(f"Rij {rij_id} staat nu op plaats {plaats + 1}.")


# -- actions ------------------------------------------------------------------------------------------


UITERLIJK_HULP = ("Tegen wanneer de actie klaar moet zijn (bv. 2027-01-31): tot ze afgerond, geschrapt of "
                  "overgedragen is, staat ze dan in `ketencli overzicht`.")


@actie_app.command("add")
def actie_toevoegen(
    dossier_id: str = typer.Argument(..., metavar="ID", help="Het dossier-id."),
    rij_id: str = typer.Argument(..., metavar="RIJ", help="Het rij-id, bv. r2."),
    omschrijving: str = typer.Option(..., "--omschrijving", help="Wat te doen."),
    begeleiding: str = typer.Option("", "--begeleiding", help="Dienst-id die begeleidt (bv. d4), of vrije tekst."),
    stavaza: str = typer.Option("gepland", "--stavaza", help=", ".join(STAVAZA_LABELS)),
    plan_b: str = typer.Option("", "--plan-b", help="Wat als de actie niet lukt."),
    start: str | None = typer.Option(None, "--start", help="Startdatum."),
    einde: str | None = typer.Option(None, "--einde", help="Einddatum (wanneer ze echt eindigde)."),
    uiterlijk: str | None = typer.Option(None, "--uiterlijk", metavar="DATUM",
                                         help=UITERLIJK_HULP),
    toelichting: str = typer.Option("", "--toelichting", help="Een toelichting bij de actie."),
) -> None:
    """Voeg een actie toe aan een rij."""
    from ketencli import model, store, ui

    controleer_keuze(stavaza, STAVAZA_LABELS, "--stavaza")
    with store.wijzig(dossier_id) as d:
        rij = _rij(d, rij_id)
        actie = model.Actie(omschrijving=omschrijving, begeleiding=_begeleiding(d, begeleiding) or "",
                            stavaza=stavaza, plan_b=plan_b, start=_datum(start, "--start"),
                            einde=_datum(einde, "--einde"), uiterlijk=_plan_datum(uiterlijk, "--uiterlijk"),
                            toelichting=toelichting.strip())
        rij.acties = [*rij.acties, actie]
    ui.gelukt(f"Actie {len(rij.acties)} toegevoegd aan rij {rij_id}.")


@actie_app.command("edit")
def actie_wijzigen(
    dossier_id: str = typer.Argument(..., metavar="ID", help="Het dossier-id."),
    rij_id: str = typer.Argument(..., metavar="RIJ", help="Het rij-id."),
    nummer: int = typer.Argument(..., metavar="NR", help="Het nummer van de actie in de rij (1, 2, …)."),
    omschrijving: str | None = typer.Option(None, "--omschrijving", help="Wat te doen."),
    begeleiding: str | None = typer.Option(None, "--begeleiding", help="Dienst-id of vrije tekst."),
    stavaza: str | None = typer.Option(None, "--stavaza", help=", ".join(STAVAZA_LABELS)),
    plan_b: str | None = typer.Option(None, "--plan-b", help="Wat als de actie niet lukt."),
    start: str | None = typer.Option(None, "--start", help="Startdatum."),
    einde: str | None = typer.Option(None, "--einde", help="Einddatum (wanneer ze echt eindigde)."),
    uiterlijk: str | None = typer.Option(None, "--uiterlijk", metavar="DATUM", help=UITERLIJK_HULP),
    toelichting: str | None = typer.Option(None, "--toelichting", help="Bv. waarom geschrapt."),
) -> None:
    """Wijzig een actie: stavaza zetten, afsluiten (afgerond), schrappen (geschrapt), plan B toevoegen."""
    from ketencli import store, ui

    if stavaza is not None:
        controleer_keuze(stavaza, STAVAZA_LABELS, "--stavaza")
    with store.wijzig(dossier_id) as d:
        rij = _rij(d, rij_id)
        actie = rij.acties[_actie_index(rij, nummer)]
        wijziging = {k: v for k, v in (("omschrijving", omschrijving), ("stavaza", stavaza), ("plan_b", plan_b),
                                       ("toelichting", toelichting)) if v is not None}
        if begeleiding is not None:
            wijziging["begeleiding"] = _begeleiding(d, begeleiding)
        if start is not None:
            wijziging["start"] = _datum(start, "--start")
        if einde is not None:
            wijziging["einde"] = _datum(einde, "--einde")
        if uiterlijk is not None:
            wijziging["uiterlijk"] = _plan_datum(uiterlijk, "--uiterlijk")
        if not wijziging:
            raise GebruiksFout("Geef minstens één veld om te wijzigen (bv. --stavaza of --plan-b).")
        for sleutel, waarde in wijziging.items():
            if sleutel == "stavaza":
                actie.zet_stavaza(waarde, _vandaag())
            else:
                setattr(actie, sleutel, waarde)
    ui.gelukt(f"Actie {nummer} van rij {rij_id} gewijzigd.")


@actie_app.command("rm")
def actie_verwijderen(
    dossier_id: str = typer.Argument(..., metavar="ID", help="Het dossier-id."),
    rij_id: str = typer.Argument(..., metavar="RIJ", help="Het rij-id."),
    nummer: int = typer.Argument(..., metavar="NR", help="Het nummer van de actie."),
    ja: bool = typer.Option(False, "--ja", help="Niet om bevestiging vragen."),
) -> None:
    """Verwijder een actie (liever: zet de stavaza op geschrapt, dan blijft ze zichtbaar)."""
    from ketencli import store, ui

    with store.wijzig(dossier_id) as d:
        rij = _rij(d, rij_id)
        index = _actie_index(rij, nummer)
        if not ja:
            ui.vereis_terminal(False, "Bevestig met --ja.")
            if not ui.bevestig(f"Actie {nummer} ({rij.acties[index].omschrijving[:40]}) verwijderen?", False):
                raise KetencliFout("Niets verwijderd.")
        rij.acties = [a for i, a in enumerate(rij.acties) if i != index]
    ui.gelukt(f"Actie {nummer} van rij {rij_id} verwijderd.")


# -- goals ------------------------------------------------------------------------------------------


@doel_app.command("add")
def doel_toevoegen(
    dossier_id: str = typer.Argument(..., metavar="ID", help="Het dossier-id."),
    tekst: str = typer.Option(..., "--tekst", help="De doelstelling.", callback=niet_leeg),
    bij_wie: list[str] = typer.Option([], "--bij-wie", help="Lid-id's."),
    domein: str | None = typer.Option(None, "--domein", help="Domein van het kijkschema."),
    rij: str | None = typer.Option(None, "--rij", help="Bij welke rij (optioneel)."),
    streefdatum: str | None = typer.Option(None, "--streefdatum", help="Tegen wanneer."),
) -> None:
    """Voeg een doelstelling toe aan het plan."""
    from ketencli import model, store, ui
    from ketencli.methodiek import kijkschema

    if domein is not None:
        controleer_keuze(domein, [x.key for x in kijkschema.DOMEINEN], "--domein")
    with store.wijzig(dossier_id) as d:
        if rij is not None:
            _rij(d, rij)
        doel = model.Doelstelling(id=d.pva.volgend_doel_id(), tekst=tekst, bij_wie=_leden(d, bij_wie),
                                  domein=domein, rij=rij, streefdatum=_plan_datum(streefdatum, "--streefdatum"))
        d.pva.doelstellingen = [*d.pva.doelstellingen, doel]
    ui.gelukt(f"Doelstelling {doel.id} toegevoegd.")


@doel_app.command("edit")
def doel_wijzigen(
    dossier_id: str = typer.Argument(..., metavar="ID", help="Het dossier-id."),
    doel_id: str = typer.Argument(..., metavar="DOEL", help="Het id van de doelstelling, bv. g1."),
    staat: str | None = typer.Option(None, "--staat", help="lopend, bereikt, deels-bereikt of niet-bereikt."),
    tekst: str | None = typer.Option(None, "--tekst", help="Nieuwe tekst.", callback=niet_leeg),
) -> None:
    """Wijzig een doelstelling (bv. bereikt)."""
    from ketencli import store, ui

    if staat is not None:
        controleer_keuze(staat, ("lopend", "bereikt", "deels-bereikt", "niet-bereikt"), "--staat")
    with store.wijzig(dossier_id) as d:
        doel = next((g for g in d.pva.doelstellingen if g.id == doel_id), None)
        if doel is None:
            raise KetencliFout(f"Doelstelling '{doel_id}' bestaat niet in dossier {d.id}.")
        if staat is not None:
            doel.staat = staat
        if tekst is not None:
            doel.tekst = tekst
    ui.gelukt(f"Doelstelling {doel_id} gewijzigd.")


# -- edit: interactive editor, or the whole plan from a file ---------------------------------------


@app.command("edit")
def bewerk(
    dossier_id: str = typer.Argument(..., metavar="ID", help="Het dossier-id."),
    van: Path | None = typer.Option(None, "--from", metavar="BESTAND",
                                    help="Vervang het plan door het plan in dit YAML-bestand (rijen, doelstellingen)."),
    no_input: bool = typer.Option(False, "--no-input", help="Stel nooit een vraag."),
) -> None:
    """Bewerk het plan van aanpak interactief (of vervang het met --from BESTAND)."""
    from ketencli import model, store, ui

    if van is not None:
        data, tekst = store.lees_fragment(van)
        if isinstance(data, dict) and "pva" in data and "rijen" not in data:
            data = data["pva"]
        plan = store.valideer_deel(model.Pva, data, tekst, str(van))
        with store.wijzig(dossier_id) as d:
            _controleer_plan(d, plan)
            d.pva = plan
            store.historie(d, f"plan van aanpak ingelezen ({aantal(len(plan.rijen), 'rij', 'rijen')})")
        ui.gelukt(f"Plan van aanpak met {aantal(len(plan.rijen), 'rij', 'rijen')} bewaard.")
        return
    ui.vereis_terminal(no_input, "Gebruik `ketencli pva rij …`, `ketencli pva actie …` of --from BESTAND.")
    from ketencli.commands import pva_editor

    pva_editor.start(dossier_id)


def _controleer_plan(d: model.Dossier, plan: model.Pva) -> None:
    from ketencli.methodiek import kijkschema

    for rij in plan.rijen:
        try:
            _leden(d, rij.bij_wie, f"rij {rij.id}: bij_wie")
            factor_optie(rij.factor)
        except GebruiksFout as fout:  # the file is wrong, not the command line: exit 1
            raise KetencliFout(f"rij {rij.id}: {fout.melding}") from None
        if kijkschema.domein(rij.domein) is None:  # pragma: no cover - the model guards this
            raise KetencliFout(f"rij {rij.id}: onbekend domein {rij.domein}")
    ids = [r.id for r in plan.rijen]
    dubbel = sorted({i for i in ids if ids.count(i) > 1})
    if dubbel:
        raise KetencliFout(f"Rij-id's komen dubbel voor: {', '.join(dubbel)}.")
