"""`ketencli knelpunt add|lijst|edit|rm|doorgegeven`: knelpunten in the chain, per dossier (issue 17).

"Knelpunten worden doorgegeven als beleidssignaal" (CO3 folder L12, West-Vlaanderen folder L11): a
waiting list at the CGG, no shelter place, a partner who will not share information. Each knelpunt has a
category (``methodiek.knelpunten``, extended per region in ``regio.yaml``), the service it concerns
(a ``dN`` of the dossier: reports count its *kind*, never its name), a description, a date, whether the
description may appear anonymised in the reports (``--deelbaar``) and to whom and when it was passed on.
Without a terminal everything comes from the options; on a terminal what is missing is asked.
``ketencli beleidssignalen`` counts them over all dossiers.
"""

from __future__ import annotations

from datetime import date
from typing import TYPE_CHECKING, Any

import typer

from ketencli.commands import knelpunt_invoer as invoer
from ketencli.commands.opties import niet_leeg
from ketencli.fouten import GebruiksFout

if TYPE_CHECKING:
    from ketencli import model

app = typer.Typer(help="Knelpunten in de keten (beleidssignalen): noteren, bekijken, wijzigen, doorgeven.",
                  no_args_is_help=True)

ID_ARG = typer.Argument(..., metavar="ID", help="Het dossier-id, bv. 2026-001.")
KN_ARG = typer.Argument(..., metavar="KNELPUNT", help="Het knelpunt, bv. k1 (zie `ketencli knelpunt lijst ID`).")
O_CATEGORIE = typer.Option(None, "--categorie", metavar="CATEGORIE",
                           help="wachtlijst, geen-aanbod, informatiedeling, justitiele-doorlooptijd, samenwerking, "
                                "middelen, wetgeving, ander (of een eigen categorie van je regio: `regio toon`).")
O_DIENST = typer.Option(None, "--dienst", metavar="DIENST",
                        help="De betrokken dienst waarover het gaat, bv. d2 (zie `ketencli dossier show ID`).")
O_OMSCHRIJVING = typer.Option(None, "--omschrijving", metavar="TEKST", callback=niet_leeg,
                              help="Wat liep er vast? Kort en feitelijk.")
O_DATUM = typer.Option(None, "--datum", metavar="DATUM", help="Wanneer het knelpunt zich voordeed (standaard vandaag).")
O_DEELBAAR = typer.Option(None, "--deelbaar/--niet-deelbaar",
                          help="Mag de omschrijving (geanonimiseerd) in de rapporten voor de stuurgroep? Zonder "
                               "--deelbaar tellen alleen de categorie en de soort dienst mee.")
NO_INPUT = typer.Option(False, "--no-input", help="Stel nooit een vraag; ontbreekt er iets, dan stopt het commando.")


# -- commands -------------------------------------------------------------------------------------------


@app.command("add")
def toevoegen(
    dossier_id: str = ID_ARG,
    categorie: str | None = O_CATEGORIE,
    dienst: str | None = O_DIENST,
    omschrijving: str | None = O_OMSCHRIJVING,
    datum: str | None = O_DATUM,
    deelbaar: bool | None = O_DEELBAAR,
    no_input: bool = NO_INPUT,
) -> None:
    """Noteer een knelpunt in de keten (een beleidssignaal): categorie, dienst, omschrijving, datum."""
    from ketencli import klok, store, ui

    vandaag = klok.vandaag()
    wanneer = invoer.datum(datum, vandaag)
    d = store.laad(dossier_id)
    store.vereis_schrijfbaar(d)
    bekend = invoer.categorieen_van(d)
    gegevens: dict[str, Any] = {
        "categorie": invoer.categorie(categorie, bekend) if categorie is not None else None,
        "dienst": invoer.dienst_id(d, dienst) if dienst is not None else None,
        "omschrijving": omschrijving, "datum": wanneer, "deelbaar": deelbaar,
    }
    ontbreekt = [f"--{k}" for k in ("categorie", "dienst", "omschrijving") if gegevens[k] is None]
    if ontbreekt:
        ui.vereis_terminal(no_input, f"Geef {', '.join(ontbreekt)} (bv. `ketencli knelpunt add {d.id} --categorie "
                                     "wachtlijst --dienst d1 --omschrijving \"...\"`).")
        gegevens = invoer.vraag(d, gegevens, bekend, vandaag)
    gegevens["datum"] = gegevens["datum"] or vandaag
    gegevens["deelbaar"] = bool(gegevens["deelbaar"])
    k = invoer.noteer(dossier_id, gegevens)
    invoer.meld_genoteerd(d, k, bekend)


@app.command("lijst")
def lijst(
    dossier_id: str = ID_ARG,
    als_json: bool = typer.Option(False, "--json", help="Schrijf JSON (een lijst) voor scripts."),
) -> None:
    """Toon de knelpunten van een dossier."""
    from rich.markup import escape
    from rich.table import Table

    from ketencli import store, ui

    d = store.laad(dossier_id)
    bekend = invoer.categorieen_van(d)
    if als_json:
        ui.schrijf_json([{**k.model_dump(mode="json"), "categorie_label": bekend.get(k.categorie, k.categorie),
                          "dienst_soort": d.dienst(k.dienst).soort if d.dienst(k.dienst) else None}
                         for k in d.knelpunten])
        return
    if not d.knelpunten:
        ui.console().print(f"Dossier {d.id} heeft nog geen knelpunten. Noteer er een met "
                           f"[bold]ketencli knelpunt add {d.id}[/].")
        return
    tabel = Table(title=f"Knelpunten dossier {d.id}", header_style="bold", expand=True)
    for kop in ("id", "datum", "categorie", "dienst", "omschrijving", "deelbaar", "doorgegeven"):
        tabel.add_column(kop)
    for k in sorted(d.knelpunten, key=lambda x: (x.datum, int(x.id[1:]))):
        dienst = d.dienst(k.dienst)
        tabel.add_row(k.id, f"{k.datum:%d/%m/%Y}", escape(bekend.get(k.categorie, k.categorie)),
                      escape(f"{k.dienst} {dienst.naam}" if dienst else k.dienst), escape(k.omschrijving),
                      "ja" if k.deelbaar else "nee",
                      escape(f"aan {k.doorgegeven.aan} op {k.doorgegeven.op:%d/%m/%Y}") if k.doorgegeven else "")
    ui.console().print(tabel)


@app.command("edit")
def bewerken(
    dossier_id: str = ID_ARG,
    knelpunt_id: str = KN_ARG,
    categorie: str | None = O_CATEGORIE,
    dienst: str | None = O_DIENST,
    omschrijving: str | None = O_OMSCHRIJVING,
    datum: str | None = O_DATUM,
    deelbaar: bool | None = O_DEELBAAR,
    no_input: bool = NO_INPUT,
) -> None:
    """Wijzig een knelpunt (zonder opties: vragen, met het huidige als standaard)."""
    from ketencli import klok, store, ui

    vandaag = klok.vandaag()
    wanneer = invoer.datum(datum, vandaag)
    d = store.laad(dossier_id)
    store.vereis_schrijfbaar(d)
    oud = invoer.vind(d, knelpunt_id)
    bekend = invoer.categorieen_van(d)
    wijziging: dict[str, Any] = {k: v for k, v in (
        ("categorie", invoer.categorie(categorie, bekend) if categorie is not None else None),
        ("dienst", invoer.dienst_id(d, dienst) if dienst is not None else None),
        ("omschrijving", omschrijving), ("datum", wanneer), ("deelbaar", deelbaar)) if v is not None}
    if not wijziging:
        ui.vereis_terminal(no_input, "Geef minstens één wijziging, bv. --omschrijving, --categorie of --deelbaar.")
        wijziging = _vraag_wijziging(d, oud, bekend, vandaag)
    nieuwe_datum = wijziging.get("datum", oud.datum)
    if oud.doorgegeven is not None and nieuwe_datum > oud.doorgegeven.op:  # the rule of `knelpunt doorgegeven`
        raise GebruiksFout(f"--datum {nieuwe_datum:%d/%m/%Y} ligt na de dag waarop je het knelpunt doorgaf "
                           f"({oud.doorgegeven.op:%d/%m/%Y}). Er werd niets bewaard.",
                           tip=f"Klopt die dag niet, noteer hem dan opnieuw: `ketencli knelpunt doorgegeven {d.id} "
                               f"{oud.id} --aan ... --op ...`.")
    with store.wijzig(dossier_id) as dd:
        k = invoer.vind(dd, oud.id)
        nieuw = type(k).model_validate({**k.model_dump(), **wijziging})
        dd.knelpunten = [nieuw if x.id == k.id else x for x in dd.knelpunten]
        store.historie(dd, f"knelpunt {k.id} gewijzigd")
    ui.gelukt(f"Knelpunt {nieuw.id} van dossier {dd.id} bijgewerkt.")
    invoer.toon_anoniem(dd, nieuw)


def _vraag_wijziging(d: model.Dossier, k: model.Knelpunt, bekend: dict[str, str], vandaag: date) -> dict[str, Any]:
    from ketencli import ui

    return {
        "categorie": ui.keuze("Welk soort knelpunt?", list(bekend.items()), k.categorie),
        "dienst": ui.keuze("Bij welke dienst?", invoer.dienstkeuzes(d), k.dienst),
        "omschrijving": ui.tekst("Wat liep er vast?", k.omschrijving, verplicht=True),
        "datum": ui.datum("Wanneer?", k.datum, niet_na=vandaag) or k.datum,
        "deelbaar": ui.bevestig("Mag de omschrijving, geanonimiseerd, in de rapporten voor de stuurgroep?",
                                k.deelbaar),
    }


@app.command("rm")
def verwijderen(dossier_id: str = ID_ARG, knelpunt_id: str = KN_ARG) -> None:
    """Verwijder een knelpunt (een vergissing; een opgelost knelpunt blijft beter staan als signaal)."""
    from ketencli import store, ui

    d = store.laad(dossier_id)
    store.vereis_schrijfbaar(d)  # a closed dossier says so before "no such knelpunt"
    invoer.vind(d, knelpunt_id)
    with store.wijzig(dossier_id) as d:
        k = invoer.vind(d, knelpunt_id)
        d.knelpunten = [x for x in d.knelpunten if x.id != k.id]
        store.historie(d, f"knelpunt {k.id} verwijderd")
    ui.gelukt(f"Knelpunt {k.id} verwijderd uit dossier {d.id}.")


@app.command("doorgegeven")
def doorgegeven(
    dossier_id: str = ID_ARG,
    knelpunt_id: str = KN_ARG,
    aan: str | None = typer.Option(None, "--aan", metavar="WIE", callback=niet_leeg,
                                   help="Aan wie je het doorgaf, bv. 'coördinator' of 'stuurgroep'."),
    op: str | None = typer.Option(None, "--op", metavar="DATUM", help="Wanneer (standaard vandaag)."),
    niet: bool = typer.Option(False, "--niet", help="Wis de registratie (toch niet doorgegeven)."),
    no_input: bool = NO_INPUT,
) -> None:
    """Noteer aan wie en wanneer je een knelpunt doorgaf als beleidssignaal."""
    from ketencli import klok, model, store, ui
    from ketencli.commands.opties import datum_optie

    vandaag = klok.vandaag()
    wanneer = datum_optie(op, "--op", niet_na=vandaag)
    if niet and (aan is not None or wanneer is not None):
        raise GebruiksFout("--niet gaat niet samen met --aan of --op.")
    d = store.laad(dossier_id)
    store.vereis_schrijfbaar(d)
    k = invoer.vind(d, knelpunt_id)
    if not niet and aan is None:
        ui.vereis_terminal(no_input, f"Geef --aan, bv. `ketencli knelpunt doorgegeven {d.id} {k.id} --aan "
                                     "coördinator`.")
        aan = ui.tekst("Aan wie gaf je het door?", k.doorgegeven.aan if k.doorgegeven else "", verplicht=True)
        wanneer = wanneer or ui.datum("Wanneer?", vandaag, niet_na=vandaag)
    waarde = None if niet else model.Doorgegeven(aan=aan or "", op=wanneer or vandaag)
    if waarde is not None and waarde.op < k.datum:
        raise GebruiksFout(f"--op {waarde.op:%d/%m/%Y} ligt voor de datum van het knelpunt ({k.datum:%d/%m/%Y}).")
    with store.wijzig(dossier_id) as dd:
        kk = invoer.vind(dd, k.id)
        dd.knelpunten = [x.model_copy(update={"doorgegeven": waarde}) if x.id == kk.id else x for x in dd.knelpunten]
        store.historie(dd, f"knelpunt {kk.id} " + ("niet doorgegeven" if niet else "doorgegeven"))
    ui.gelukt(f"Knelpunt {k.id}: " + ("registratie van het doorgeven gewist." if waarde is None else
                                      f"doorgegeven aan {waarde.aan} op {waarde.op:%d/%m/%Y}."))
