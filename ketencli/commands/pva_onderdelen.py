"""`ketencli pva rij|actie|doel`: the rows, actions and goals of the plan van aanpak as sub-commands
(registered in ``cli.COMMANDO_S``; `pva show`, `check`, `profiel` and `edit` are in ``commands/pva.py``)."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

import typer

from ketencli.commands.opties import (
    controleer_keuze,
    datum_optie,
    factor_optie,
    leden_optie,
    niet_leeg,
    vereis_bekende_dienst,
)
from ketencli.commands.weergave import STAVAZA_LABELS
from ketencli.fouten import GebruiksFout, KetencliFout
from ketencli.taal import aantal

if TYPE_CHECKING:
    from ketencli import model

rij_app = typer.Typer(help="Rijen van het plan: toevoegen, wijzigen, verplaatsen, verwijderen.", no_args_is_help=True)
actie_app = typer.Typer(help="Acties binnen een rij: toevoegen, wijzigen (stavaza, plan B), verwijderen.",
                        no_args_is_help=True)
doel_app = typer.Typer(help="Doelstellingen van het plan.", no_args_is_help=True)

DOMEIN_HULP = ("geweld, individu, interactie, professionele-ondersteuning, sociale-ondersteuning of kind "
               "(standaard: het domein van de factor).")


# -- shared checks --------------------------------------------------------------------------------


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
                           soort=soort or (f.soort if f else "risico"), bij_wie=leden_optie(d, bij_wie),
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
            wijziging["bij_wie"] = leden_optie(d, bij_wie)
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
        doel = model.Doelstelling(id=d.pva.volgend_doel_id(), tekst=tekst, bij_wie=leden_optie(d, bij_wie),
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
