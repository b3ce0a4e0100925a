"""`ketencli stap ID veiligheidsplan`: make, revise or show the veiligheidsplan, per member or for the whole
family (with questions or --from); part of `stap` (loaded only when it runs, ``cli.COMMANDO_S``)."""

from __future__ import annotations

from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING

import typer

from ketencli.commands.opties import NO_INPUT_HULP
from ketencli.commands.weergave import lid_naam
from ketencli.fouten import GebruiksFout, KetencliFout

if TYPE_CHECKING:
    from ketencli import model

ID_ARG = typer.Argument(..., metavar="ID", help="Het dossier-id, bv. 2026-001.")


def _splits(tekst: str) -> list[str]:
    return [x.strip() for x in tekst.split(";") if x.strip()]


def veiligheidsplan(
    dossier_id: str = ID_ARG,
    lid: str | None = typer.Option(None, "--lid", help="Het plan van één gezinslid (bv. m1); zonder --lid: "
                                   "het plan van het hele gezin."),
    van: Path | None = typer.Option(None, "--from", metavar="BESTAND",
                                    help="Lees het plan uit een YAML-bestand: één blok (waarschuwingssignalen, "
                                         "wat_te_doen, veilige_plek, wie_bellen, afspraken, lid, opgemaakt_op) "
                                         "of een lijst van blokken."),
    tonen: bool = typer.Option(False, "--toon", help="Toon het veiligheidsplan zonder iets te wijzigen."),
    no_input: bool = typer.Option(False, "--no-input", help=NO_INPUT_HULP),
) -> None:
    """Maak of herzie het veiligheidsplan: per gezinslid of voor het hele gezin (met vragen of --from)."""
    from ketencli import klok, model, store, ui

    vandaag = klok.vandaag()
    d = store.laad(dossier_id)
    if lid is not None and d.lid(lid) is None:
        raise GebruiksFout(f"--lid {lid}: dat gezinslid bestaat niet in dossier {d.id} "
                           f"(leden: {', '.join(x.id for x in d.gezinsleden) or 'geen'}).")
    if tonen:
        _toon_veiligheidsplan(d)
        return
    store.vereis_schrijfbaar(d)  # refuse a closed dossier before the first question
    if van is not None:
        delen = store.lees_yaml_bestand(van, model.VeiligheidsplanDeel)
        if lid is not None:
            if len(delen) > 1 or (delen[0].lid not in (None, lid)):
                raise GebruiksFout("--lid past alleen bij een bestand met één plan zonder ander lid.")
            delen = [delen[0].model_copy(update={"lid": lid})]
        for deel in delen:
            if deel.lid is not None and d.lid(deel.lid) is None:
                raise KetencliFout(f"{van}: het gezinslid '{deel.lid}' bestaat niet in dossier {d.id}.")
        wie = [deel.lid for deel in delen]
        if len(set(wie)) != len(wie):
            raise KetencliFout(f"{van}: er staat meer dan één plan voor hetzelfde gezinslid (of het gezin) in.")
    else:
        ui.vereis_terminal(no_input, f"Geef het plan in een bestand met `ketencli stap {d.id} veiligheidsplan "
                                     "--from BESTAND`, of bekijk het met --toon.")
        bestaand = next((v for v in d.veiligheidsplan if v.lid == lid), None)
        delen = [_vraag_veiligheidsplan(d, lid, bestaand, vandaag)]
    with store.wijzig(dossier_id) as dd:
        for deel in delen:
            oud = next((v for v in dd.veiligheidsplan if v.lid == deel.lid), None)
            if deel.opgemaakt_op is None:
                eerder = oud.opgemaakt_op if oud and oud.opgemaakt_op else vandaag
                deel = deel.model_copy(update={"opgemaakt_op": eerder})
            if oud is not None and deel.herzien_op is None and van is not None:
                deel = deel.model_copy(update={"herzien_op": vandaag})
            for datum in (deel.opgemaakt_op, deel.herzien_op):
                if datum and datum > vandaag:
                    raise GebruiksFout(f"Het veiligheidsplan heeft een datum in de toekomst ({datum:%d/%m/%Y}).")
            dd.veiligheidsplan = [v for v in dd.veiligheidsplan if v.lid != deel.lid] + [deel]
    for deel in delen:
        ui.gelukt("Veiligheidsplan " + (f"van {lid_naam(d, deel.lid)}" if deel.lid else "van het gezin") + " bewaard.")


def _vraag_veiligheidsplan(d: model.Dossier, lid: str | None, oud: model.VeiligheidsplanDeel | None,
                           vandaag: date) -> model.VeiligheidsplanDeel:
    from ketencli import model, ui

    c = ui.console()
    voor = f"van {lid_naam(d, lid)}" if lid else "van het gezin"
    c.print(f"[bold]Veiligheidsplan {voor}[/] — scheid meerdere antwoorden met ';'. Ctrl-C stopt zonder te bewaren.")
    oud = oud or model.VeiligheidsplanDeel(lid=lid)
    signalen = _splits(ui.tekst("Waarschuwingssignalen: waaraan merk je dat de spanning oploopt?",
                                "; ".join(oud.waarschuwingssignalen)))
    doen = _splits(ui.tekst("Wat doe je dan?", "; ".join(oud.wat_te_doen)))
    plek = ui.tekst("Waar kan je heen (veilige plek)?", oud.veilige_plek)
    bellen: list[model.Contactpersoon] = []
    if oud.wie_bellen:
        c.print("Wie je kan bellen: " + "; ".join(f"{p.naam} {p.telefoon}".strip() for p in oud.wie_bellen))
        if ui.bevestig("Deze contacten behouden?", standaard=True):
            bellen = list(oud.wie_bellen)
    while ui.bevestig("Iemand toevoegen om te bellen?", standaard=not bellen):
        bellen.append(model.Contactpersoon(
            naam=ui.tekst("Naam (of dienst, bv. politie 101):", verplicht=True),
            telefoon=ui.tekst("Telefoonnummer:"),
            rol=ui.tekst("Wie is dat (bv. buurvrouw, zus, CAW)?"),
        ))
    afspraken = _splits(ui.tekst("Afspraken:", "; ".join(oud.afspraken)))
    opgemaakt = ui.datum("Opgemaakt op:", oud.opgemaakt_op or vandaag, verplicht=True, niet_na=vandaag)
    herzien = None
    if oud.opgemaakt_op is not None:
        herzien = ui.datum("Herzien op:", vandaag, verplicht=True, niet_na=vandaag)
    return model.VeiligheidsplanDeel(lid=lid, waarschuwingssignalen=signalen, wat_te_doen=doen, veilige_plek=plek,
                                     wie_bellen=bellen, afspraken=afspraken, opgemaakt_op=opgemaakt,
                                     herzien_op=herzien)


def _toon_veiligheidsplan(d: model.Dossier) -> None:
    from rich.markup import escape
    from rich.panel import Panel

    from ketencli import ui

    c = ui.console()
    if not d.veiligheidsplan:
        c.print(f"Nog geen veiligheidsplan. Maak er een met [bold]ketencli stap {d.id} veiligheidsplan[/].")
        return
    for v in d.veiligheidsplan:
        regels = []
        for titel, waarden in (("Waarschuwingssignalen", v.waarschuwingssignalen), ("Wat te doen", v.wat_te_doen)):
            if waarden:
                regels.append(f"[bold]{titel}[/]\n" + "\n".join(f"  • {escape(w)}" for w in waarden))
        if v.veilige_plek:
            regels.append(f"[bold]Veilige plek[/]\n  {escape(v.veilige_plek)}")
        if v.wie_bellen:
            regels.append("[bold]Wie bellen[/]\n" + "\n".join(
                f"  • {escape(p.naam)}" + (f" — {escape(p.telefoon)}" if p.telefoon else "")
                + (f" ({escape(p.rol)})" if p.rol else "") for p in v.wie_bellen))
        if v.afspraken:
            regels.append("[bold]Afspraken[/]\n" + "\n".join(f"  • {escape(w)}" for w in v.afspraken))
        data = []
        if v.opgemaakt_op:
            data.append(f"opgemaakt {v.opgemaakt_op:%d/%m/%Y}")
        if v.herzien_op:
            data.append(f"herzien {v.herzien_op:%d/%m/%Y}")
        if data:
            regels.append(f"[dim]{', '.join(data)}[/]")
        titel = f"Veiligheidsplan {escape(lid_naam(d, v.lid))}" if v.lid else "Veiligheidsplan van het gezin"
        c.print(Panel("\n".join(regels) or "[dim]leeg[/]", title=titel, title_align="left"))
