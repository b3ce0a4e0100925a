"""`ketencli templates`: export the bundled Word templates for editing, and check a (user) template."""

from __future__ import annotations

import functools
from collections.abc import Callable
from pathlib import Path
from typing import Any

import typer

from ketencli.fouten import GebruiksFout, KetencliFout, schrijffout
from ketencli.taal import aantal

app = typer.Typer(help="De Word-sjablonen: kopiëren om aan te passen, en controleren.", no_args_is_help=True)


@app.command("export")
def export(
    map_: Path | None = typer.Argument(None, metavar="MAP",
                                       help="Waar de kopieën komen (standaard: je eigen sjablonenmap, die "
                                            "ketencli dan gebruikt in plaats van de meegeleverde)."),
    overschrijf: bool = typer.Option(False, "--overschrijf", help="Vervang sjablonen die er al staan."),
) -> None:
    """Kopieer de meegeleverde sjablonen om ze in Word aan te passen."""
    from ketencli import paden, render, ui

    doel = (map_.expanduser() if map_ is not None else render.eigen_sjabloon_map())
    if doel.exists() and not doel.is_dir():
        raise GebruiksFout(f"{doel} is een bestand, geen map.")
    gekopieerd, overgeslagen = [], []
    try:
        paden.maak_map(doel)  # 0700 under the home/config; a folder the user chose: with parents
        for bron in render.gebundelde_sjablonen():
            pad = doel / bron.name
            if pad.exists() and not overschrijf:
                overgeslagen.append(bron.name)
                continue
            paden.schrijf_atomisch(pad, bron.read_bytes())  # 0600, old or new, never torn
            gekopieerd.append(bron.name)
    except OSError as fout:
        raise schrijffout(fout, f"De sjablonen konden niet naar {doel} gekopieerd worden",
                          gevolg=f"Al gekopieerd: {', '.join(gekopieerd)}." if gekopieerd else
                          "Er werd niets gekopieerd.") from None
    if gekopieerd:
        ui.gelukt(f"{aantal(len(gekopieerd), 'sjabloon', 'sjablonen')} gekopieerd naar {doel}.")
    if overgeslagen:
        ui.melding(f"Niet overschreven (bestaan al): {', '.join(overgeslagen)}. Gebruik --overschrijf om ze te "
                   "vervangen.")
    if map_ is None and gekopieerd:
        ui.console().print("ketencli gebruikt vanaf nu jouw kopieën. Verwijder een bestand uit die map om terug "
                           "het meegeleverde sjabloon te gebruiken. Controleer een aangepast sjabloon met "
                           "[bold]ketencli templates check[/].")


@app.command("check")
def check(
    bestand: Path | None = typer.Argument(None, metavar="BESTAND",
                                          help="Het sjabloon (.docx) of een map met sjablonen; standaard alle "
                                               "sjablonen in je eigen map."),
    soort: str | None = typer.Option(None, "--soort", metavar="SOORT",
                                     help="Voor welke documentsoort het sjabloon is (standaard: uit de "
                                          "bestandsnaam)."),
) -> None:
    """Controleer een sjabloon: onbekende variabelen (fout), ontbrekende (ter info), fouten in de opmaak."""
    from rich.markup import escape

    from ketencli import documenten, render, ui

    if bestand is not None and bestand.is_dir():  # a folder: every template in it
        bestanden = sorted(bestand.glob("*.docx"))
        if not bestanden:
            raise KetencliFout(f"In de map {bestand} staan geen Word-sjablonen (.docx).",
                               tip="Geef een map met sjablonen, of één sjabloon: ketencli templates check PAD.docx.")
    elif bestand is not None:
        if not bestand.is_file():
            raise KetencliFout(f"Het bestand {bestand} bestaat niet.")
        bestanden = [bestand]
    else:
        eigen = render.eigen_sjabloon_map()
        bestanden = sorted(eigen.glob("*.docx")) if eigen.is_dir() else []
        if not bestanden:
            ui.console().print(f"Je hebt nog geen eigen sjablonen in {escape(str(eigen))}; ketencli gebruikt de "
                               "meegeleverde. Kopieer ze met [bold]ketencli templates export[/].")
            return
    c = ui.console()
    fout_gevonden = False
    for pad in bestanden:
        rapport = documenten.RAPPORTEN.get(soort or "") or (
            None if soort else documenten.rapport_van_sjabloon(pad.name))
        if rapport is not None:  # a report for the stuurgroep (issue 17): its own sample context
            fout_gevonden |= _toon_controle(c, pad, rapport.titel, render.controleer(
                pad, rapport.key, render.sjabloon_map() / rapport.sjabloon, rapport.voorbeeld()), rapport.voorbeeld)
            continue
        soorten = [documenten.zoek_soort(soort)] if soort else documenten.soort_van_sjabloon(pad.name)
        if not soorten and len(bestanden) > 1:  # a folder: ketencli does not use this file either
            c.print(f"[yellow]–[/] {escape(pad.name)}: overgeslagen, geen sjabloonnaam die ketencli kent "
                    "(ketencli gebruikt dit bestand niet).")
            continue
        if not soorten:
            namen = ", ".join(sorted({s.sjabloon for s in documenten.SOORTEN.values()}
                                    | {r.sjabloon for r in documenten.RAPPORTEN.values()}))
            raise GebruiksFout(f"{pad.name}: geen sjabloonnaam die ketencli kent ({namen}).",
                               tip="Geef met --soort aan voor welk document het is.")
        s = soorten[0]
        uitslag = render.controleer(pad, s.key, render.sjabloon_map() / s.sjabloon, documenten.voorbeeld_context(s.key))
        voorbeeld = functools.partial(documenten.voorbeeld_context, s.key)
        fout_gevonden |= _toon_controle(c, pad, s.titel, uitslag, voorbeeld)
    if fout_gevonden:
        raise typer.Exit(1)


def _toon_controle(c: Any, pad: Path, titel: str, uitslag: Any, context: Callable[[], dict[str, Any]]) -> bool:
    """Print what `templates check` found in one template; True when it found an error."""
    from rich.markup import escape

    if uitslag.in_orde:
        c.print(f"[green]✓[/] {escape(pad.name)} ({escape(titel)}): in orde.")
    else:
        c.print(f"[bold red]✗[/] {escape(pad.name)} ({escape(titel)}):")
    for naam in uitslag.onbekend:
        c.print(f"   [red]onbekende variabele[/] {{{{ {escape(naam)} }}}}: die bestaat niet voor dit document.")
    for tekst in uitslag.fouten:
        c.print(f"   [red]fout[/]: {escape(tekst)}")
    if uitslag.ontbrekend:
        c.print("   [yellow]niet gebruikt[/] (staat wel in het meegeleverde sjabloon): "
                + ", ".join(escape(n) for n in uitslag.ontbrekend))
    if uitslag.onbekend:
        c.print(f"   Beschikbaar: {escape(', '.join(sorted(context())))}")
    return not uitslag.in_orde

