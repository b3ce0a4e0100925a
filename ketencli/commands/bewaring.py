"""`ketencli bewaring`: afgesloten dossiers past their retention term, and deleting them (issue 20 §8).

The term is the region setting ``bewaartermijn`` (years after the afsluiting, in regio.yaml); until
it is set it is shown "in te stellen" and nothing is due (ketencli does not guess a legal period,
GDPR art. 5(1)(e)). ``--verwijder`` (asks, or ``--ja``) deletes each dossier past its term with its
documents and cache entry and keeps an anonymous line in the register (id, region, year of the
afsluiting, date of deletion). Only ids are shown, never a gezin's name.
"""

from __future__ import annotations

from typing import Any

import typer

from ketencli.taal import aantal


def bewaring(
    verwijder: bool = typer.Option(False, "--verwijder",
                                   help="Verwijder de afgesloten dossiers waarvan de bewaartermijn verstreken is "
                                        "(met hun documenten); vraagt eerst bevestiging."),
    ja: bool = typer.Option(False, "--ja", help="Met --verwijder: niet vragen, meteen verwijderen."),
    als_json: bool = typer.Option(False, "--json", help="Als JSON (zonder verwijderen)."),
) -> None:
    """Toon de bewaartermijn per regio en de afgesloten dossiers waarvan die verstreken is."""
    from ketencli import index, klok, planning, store, ui
    from ketencli.fouten import GebruiksFout
    from ketencli.methodiek import bewaring as regels

    if ja and not verwijder:
        raise GebruiksFout("--ja hoort bij --verwijder.")
    if als_json and verwijder:
        raise GebruiksFout("Geef --json of --verwijder, niet allebei.")
    store.ruim_verwijderde_op()
    vandaag = klok.vandaag()
    regios = planning.alle_regios()
    verstreken: list[dict[str, Any]] = []
    zonder_termijn: dict[str, int] = {}
    for rij in index.samenvattingen(extra=False):
        if rij.fase != "afgesloten" or rij.fout:
            continue
        regio = regios.get(rij.regio)
        termijn = regio.bewaartermijn if regio is not None else None
        if not termijn:
            zonder_termijn[rij.regio] = zonder_termijn.get(rij.regio, 0) + 1
            continue
        d = store.laad(rij.id)
        op = d.afronding.afgesloten_op
        if regels.verstreken(op, termijn, vandaag):
            assert op is not None
            verstreken.append({"id": d.id, "regio": d.regio, "afgesloten_op": op,
                               "bewaren_tot": regels.einde(op, termijn)})
    if als_json:
        ui.schrijf_json({"bewaartermijnen": {k: r.bewaartermijn for k, r in regios.items()},
                         "verstreken": verstreken, "zonder_bewaartermijn": zonder_termijn})
        return
    _toon(regios, verstreken, zonder_termijn, verwijder)
    if verwijder and verstreken:
        _verwijder(verstreken, ja)


def _toon(regios: dict[str, Any], verstreken: list[dict[str, Any]], zonder_termijn: dict[str, int],
          verwijder: bool) -> None:
    from rich.table import Table

    from ketencli import store, ui

    console = ui.console()
    console.print("[bold]Bewaartermijn na de afsluiting, per regio[/]")
    for key, r in regios.items():
        termijn = f"{r.bewaartermijn} jaar" if r.bewaartermijn else "[bold yellow]in te stellen[/]"
        console.print(f"  {r.naam} ({key}): {termijn}")
    if any(not r.bewaartermijn for r in regios.values()):
        console.print(f"[dim]ketencli raadt geen wettelijke termijn: vraag hem na bij je organisatie (de "
                      f"functionaris voor gegevensbescherming) en zet hem in {store.regio_instellingen_pad()}, "
                      f"bv.\n  co3-antwerpen:\n    bewaartermijn: <aantal jaren>[/]")
    for key, n in sorted(zonder_termijn.items()):
        console.print(f"{aantal(n, 'afgesloten dossier', 'afgesloten dossiers')} in {key} "
                      f"{'blijft' if n == 1 else 'blijven'} bewaard tot de bewaartermijn ingesteld is.")
    if not verstreken:
        console.print("Geen afgesloten dossiers waarvan de bewaartermijn verstreken is.")
        return
    tabel = Table(title=f"Bewaartermijn verstreken: {aantal(len(verstreken), 'dossier', 'dossiers')}",
                  title_justify="left")
    for kolom in ("Dossier", "Regio", "Afgesloten op", "Bewaren tot"):
        tabel.add_column(kolom)
    for x in verstreken:
        tabel.add_row(x["id"], x["regio"], f"{x['afgesloten_op']:%d/%m/%Y}", f"{x['bewaren_tot']:%d/%m/%Y}")
    console.print(tabel)
    if not verwijder:
        console.print("Verwijder ze (met hun documenten) met `ketencli bewaring --verwijder`.")


def _verwijder(verstreken: list[dict[str, Any]], ja: bool) -> None:
    from ketencli import index, store, ui
    from ketencli.fouten import Afgebroken

    if not ja:
        ui.vereis_terminal(False, "Bevestig het verwijderen met --ja.")
        if not ui.bevestig(f"{aantal(len(verstreken), 'dossier', 'dossiers')} met hun documenten definitief "
                           "verwijderen? Dit kan niet ongedaan gemaakt worden.", standaard=False):
            raise Afgebroken("Niets verwijderd.")
    for x in verstreken:
        store.verwijder_dossier(x["id"], regio=x["regio"], jaar_afsluiting=x["afgesloten_op"].year)
        index.vergeet(x["id"])
        ui.gelukt(f"Dossier {x['id']} verwijderd (met zijn documenten); het register houdt id, regio, jaar van "
                  "afsluiting en datum van verwijdering bij.")
    ui.melding(f"Register van verwijderde dossiers: {store.register_pad()}", stijl="dim")
