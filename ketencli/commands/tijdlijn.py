"""`ketencli tijdlijn`: what happened in the family and around it (D7), and annex B's incident questions.

Every pv, incident or melding counts for the afrondingstoets ("is het geweld gestopt?"). When an
OCJ/SDJ consulent is involved, each new pv or incident also asks (annex B, D21): was the consulent
informed, what is the impact on the children, did the safety plan work, who talks about it with the
family, who informs the network. On a terminal `tijdlijn add` asks those questions; the options
(`--impact-kinderen`, ...) give the answers without a terminal, and `tijdlijn edit` adds them later.
Items are numbered in date order (`NR`), as `tijdlijn toon` shows them. `--door` and `--tegen` record who
against whom (member ids): the genogram then directs its violence line from the one to the other (issue 16).
"""

from __future__ import annotations

from datetime import date
from types import SimpleNamespace
from typing import TYPE_CHECKING, Any

import typer

from ketencli.fouten import GebruiksFout, KetencliFout

if TYPE_CHECKING:
    from ketencli import model

app = typer.Typer(help="De tijdlijn van het dossier: incidenten, pv's, meldingen, overleg en contacten.",
                  no_args_is_help=True)

ID_ARG = typer.Argument(..., metavar="ID", help="Het dossier-id, bv. 2026-001.")
NR_ARG = typer.Argument(..., metavar="NR", help="Het nummer van het item, zoals `ketencli tijdlijn toon` het toont.")
SOORTEN = ("incident", "pv", "melding", "overleg", "contact", "maatregel", "ander")
O_IMPACT = typer.Option(None, "--impact-kinderen", metavar="TEKST",
                        help="Bijlage B: de impact op de kinderen, samen met de consulent ingeschat.")
O_VEILIG = typer.Option(None, "--veiligheidsplan", metavar="TEKST",
                        help="Bijlage B: heeft het veiligheidsplan gewerkt, wat werd bijgestuurd.")
O_GESPREK = typer.Option(None, "--gesprek-door", metavar="WIE",
                         help="Bijlage B: wie het gesprek over het incident aangaat met volwassenen en kinderen.")
O_NETWERK = typer.Option(None, "--netwerk-door", metavar="WIE",
                         help="Bijlage B: wie het informeel en professioneel netwerk informeert.")
O_CONSULENT = typer.Option(None, "--consulent-geinformeerd", metavar="DATUM",
                           help="Bijlage B: de dag waarop je de consulent OCJ/SDJ over dit pv, deze melding of dit "
                                "incident inlichtte.")

O_DOOR = typer.Option([], "--door", metavar="LID",
                      help="Wie het geweld pleegde (lid-id, bv. m1; herhaalbaar): het genogram tekent de pijl "
                           "van dit lid naar wie bij --tegen staat. 'geen' wist het.")
O_TEGEN = typer.Option([], "--tegen", metavar="LID", help="Tegen wie het geweld ging (lid-id; herhaalbaar). "
                                                          "'geen' wist het.")


def _wie(d: model.Dossier, waarden: list[str], optie: str) -> list[str]:
    """Member ids for --door/--tegen; 'geen' alone clears. Raises ``GebruiksFout`` for an unknown id."""
    waarden = [w.strip() for w in waarden]
    if waarden == ["geen"]:
        return []
    for w in waarden:
        if d.lid(w) is None:
            raise GebruiksFout(f"{optie} {w}: dat lid bestaat niet in dossier {d.id} "
                               f"(leden: {', '.join(lid.id for lid in d.gezinsleden) or 'geen'}).",
                               tip=f"Zie `ketencli dossier show {d.id}` voor de lid-id's.")
    return list(dict.fromkeys(waarden))


def _levend(d: model.Dossier, item: model.TijdlijnItem) -> None:
    """A deceased member is no party (--door/--tegen) to a fact dated after his death; facts before it may
    name him (new-user trial). Raises ``GebruiksFout``."""
    for optie, ids in (("--door", item.door), ("--tegen", item.tegen)):
        for lid in filter(None, map(d.lid, ids)):
            if not lid.leefde_op(item.datum):
                raise GebruiksFout(f"{optie} {lid.id}: {lid.naam} is overleden ({lid.overleden}) en kan geen partij "
                                   f"zijn bij iets van {item.datum:%d/%m/%Y}.",
                                   tip="Kijk de datum of het lid na (`ketencli dossier show "
                                       f"{d.id}`).")


def _datum(waarde: str | None, optie: str, vandaag: date) -> date | None:
    from ketencli.commands.opties import datum_optie

    return datum_optie(waarde, optie, niet_na=vandaag)


def _afspraken(huidig: model.IncidentAfspraken | None, antwoorden: dict[str, str | None]) -> Any:
    from ketencli import model

    data = huidig.model_dump() if huidig else {}
    data.update({k: v.strip() for k, v in antwoorden.items() if v is not None})
    return model.IncidentAfspraken(**data) if any(data.values()) else None


@app.command("toon")
def toon(
    dossier_id: str = ID_ARG,
    soort: str | None = typer.Option(None, "--soort", help=f"Alleen deze soort: {', '.join(SOORTEN)}."),
    als_json: bool = typer.Option(False, "--json", help="Schrijf JSON (een lijst) voor scripts."),
) -> None:
    """Toon de tijdlijn in volgorde van datum, met wat bijlage B nog vraagt bij pv's, meldingen en incidenten."""
    from rich.markup import escape
    from rich.table import Table

    from ketencli import store, ui
    from ketencli.methodiek import bijlage_b

    if soort is not None and soort not in SOORTEN:
        raise GebruiksFout(f"--soort '{soort}' ken ik niet; kies uit: {', '.join(SOORTEN)}.")
    d = store.laad(dossier_id)
    items = [(nr, t) for nr, t in enumerate(d.tijdlijn, start=1) if soort is None or t.soort == soort]
    if als_json:
        ui.schrijf_json([{"nr": nr, **t.model_dump(mode="json"), "open": bijlage_b.open_punten(d, nr, t)}
                         for nr, t in items])
        return
    if not items:
        ui.console().print(f"Nog niets in de tijdlijn{' van die soort' if soort else ''}. "
                           f"Voeg toe met [bold]ketencli tijdlijn add {d.id} --soort ... --datum ...[/].")
        return
    tabel = Table(title=f"Tijdlijn dossier {d.id}", header_style="bold", expand=True)
    for kop in ("nr", "datum", "soort", "omschrijving", "bijlage B"):
        tabel.add_column(kop)
    for nr, t in items:
        kolom_b = ""
        if bijlage_b.telt(d, t):
            delen = []
            ingelicht = bijlage_b.consulent_ingelicht_op(d, t)
            if ingelicht:
                delen.append(f"[green]consulent ingelicht {ingelicht:%d/%m/%Y}[/]")
            else:
                delen.append("[red]consulent nog inlichten[/]")
            delen.append("[green]afspraken genoteerd[/]" if t.afspraken and t.afspraken.volledig
                         else "[yellow]afspraken nog noteren[/]")
            kolom_b = "\n".join(delen)
        wie = ""
        if t.door or t.tegen:
            namen = {lid.id: lid.naam for lid in d.gezinsleden}
            wie = " (" + " ".join(f"{label} {', '.join(escape(namen.get(i, i)) for i in ids)}"
                                  for label, ids in (("door", t.door), ("tegen", t.tegen)) if ids) + ")"
        tabel.add_row(str(nr), f"{t.datum:%d/%m/%Y}", t.soort, escape(t.omschrijving) + wie, kolom_b)
    ui.console().print(tabel)


@app.command("add")
def toevoegen(
    dossier_id: str = ID_ARG,
    soort: str = typer.Option(..., "--soort", help=f"Wat gebeurde er: {', '.join(SOORTEN)}."),
    datum: str | None = typer.Option(None, "--datum", metavar="DATUM", help="Wanneer (standaard vandaag)."),
    omschrijving: str = typer.Option(..., "--omschrijving", metavar="TEKST", help="Kort wat er gebeurde."),
    consulent: str | None = O_CONSULENT,
    impact: str | None = O_IMPACT,
    veiligheidsplan: str | None = O_VEILIG,
    gesprek: str | None = O_GESPREK,
    netwerk: str | None = O_NETWERK,
    door: list[str] = O_DOOR,
    tegen: list[str] = O_TEGEN,
    no_input: bool = typer.Option(False, "--no-input", help="Stel geen vragen (bijlage B vul je later aan)."),
) -> None:
    """Voeg een incident, pv, melding, overleg of contact toe aan de tijdlijn.

    Met een consulent OCJ/SDJ betrokken vraagt een pv, melding of incident ook naar de afspraken van bijlage B
    (op een terminal; anders met de opties of later met `tijdlijn edit`)."""
    from ketencli import klok, model, store, ui
    from ketencli.methodiek import bijlage_b

    if soort not in SOORTEN:
        raise GebruiksFout(f"--soort '{soort}' ken ik niet; kies uit: {', '.join(SOORTEN)}.")
    if not omschrijving.strip():
        raise GebruiksFout("--omschrijving mag niet leeg zijn: schrijf kort wat er gebeurde.")
    vandaag = klok.vandaag()
    wanneer = _datum(datum, "--datum", vandaag) or vandaag
    ingelicht = _datum(consulent, "--consulent-geinformeerd", vandaag)
    if ingelicht is not None and ingelicht < wanneer:
        raise GebruiksFout("--consulent-geinformeerd ligt voor de datum van het item zelf.")
    antwoorden: dict[str, str | None] = {"impact_kinderen": impact, "veiligheidsplan": veiligheidsplan,
                                          "gesprek_door": gesprek, "netwerk_door": netwerk}
    d = store.laad(dossier_id)
    store.vereis_schrijfbaar(d)
    if bijlage_b.telt(d, SimpleNamespace(soort=soort, datum=wanneer)) and all(v is None for v in antwoorden.values()) \
            and not no_input and ui.heeft_terminal():
        ui.console().print("[bold]Bijlage B[/]: er is een consulent OCJ/SDJ betrokken. Spreek samen af "
                           "(leeg laten mag; vul later aan met `tijdlijn edit`).")
        for sleutel, vraag in bijlage_b.VRAGEN:
            antwoorden[sleutel] = ui.tekst(vraag)
        if ingelicht is None and ui.bevestig("Heb je de consulent al ingelicht?", False):
            ingelicht = ui.datum("Op welke dag?", vandaag, verplicht=True)
    item = model.TijdlijnItem(datum=wanneer, soort=soort, omschrijving=omschrijving.strip(),
                              consulent_geinformeerd_op=ingelicht, afspraken=_afspraken(None, antwoorden),
                              door=_wie(d, door, "--door"), tegen=_wie(d, tegen, "--tegen"))
    _levend(d, item)
    with store.wijzig(dossier_id) as dd:
        # keep date order (stable: the same day goes after what is already there)
        plek = sum(1 for t in dd.tijdlijn if t.datum <= wanneer)
        dd.tijdlijn = [*dd.tijdlijn[:plek], item, *dd.tijdlijn[plek:]]
    nr = plek + 1
    ui.gelukt(f"Toegevoegd aan de tijdlijn: {soort} van {wanneer:%d/%m/%Y} (nr {nr}).")
    for regel in bijlage_b.open_punten(d, nr, item):
        ui.melding(regel)


@app.command("edit")
def bewerken(
    dossier_id: str = ID_ARG,
    nr: int = NR_ARG,
    soort: str | None = typer.Option(None, "--soort", help=f"Een andere soort: {', '.join(SOORTEN)}."),
    datum: str | None = typer.Option(None, "--datum", metavar="DATUM", help="Een andere datum."),
    omschrijving: str | None = typer.Option(None, "--omschrijving", metavar="TEKST", help="Een andere omschrijving."),
    consulent: str | None = O_CONSULENT,
    impact: str | None = O_IMPACT,
    veiligheidsplan: str | None = O_VEILIG,
    gesprek: str | None = O_GESPREK,
    netwerk: str | None = O_NETWERK,
    door: list[str] = O_DOOR,
    tegen: list[str] = O_TEGEN,
    no_input: bool = typer.Option(False, "--no-input", help="Stel geen vragen (dit commando stelt er nooit: "
                                                             "aanvaard zoals bij `tijdlijn add`, voor scripts)."),
) -> None:
    """Wijzig een item van de tijdlijn of vul de afspraken van bijlage B aan."""
    del no_input  # nothing to ask: every change comes from the options
    from ketencli import klok, store, ui
    from ketencli.methodiek import bijlage_b

    if soort is not None and soort not in SOORTEN:
        raise GebruiksFout(f"--soort '{soort}' ken ik niet; kies uit: {', '.join(SOORTEN)}.")
    if omschrijving is not None and not omschrijving.strip():
        raise GebruiksFout("--omschrijving mag niet leeg zijn.")
    vandaag = klok.vandaag()
    nieuwe_datum = _datum(datum, "--datum", vandaag)
    ingelicht = _datum(consulent, "--consulent-geinformeerd", vandaag)
    antwoorden = {"impact_kinderen": impact, "veiligheidsplan": veiligheidsplan, "gesprek_door": gesprek,
                  "netwerk_door": netwerk}
    if all(v is None for v in (soort, nieuwe_datum, omschrijving, ingelicht, *antwoorden.values())) \
            and not door and not tegen:
        raise GebruiksFout("Geef minstens één wijziging (bv. --consulent-geinformeerd of --impact-kinderen).")
    with store.wijzig(dossier_id) as d:
        if not 1 <= nr <= len(d.tijdlijn):
            raise KetencliFout(f"Dossier {d.id} heeft geen tijdlijnitem {nr} "
                               f"(er zijn er {len(d.tijdlijn)}; zie `ketencli tijdlijn toon {d.id}`).")
        oud = d.tijdlijn[nr - 1]
        nieuw = oud.model_copy(update={
            "soort": soort or oud.soort,
            "datum": nieuwe_datum or oud.datum,
            "omschrijving": omschrijving.strip() if omschrijving is not None else oud.omschrijving,
            "consulent_geinformeerd_op": ingelicht or oud.consulent_geinformeerd_op,
            "afspraken": _afspraken(oud.afspraken, antwoorden),
            "door": _wie(d, door, "--door") if door else oud.door,
            "tegen": _wie(d, tegen, "--tegen") if tegen else oud.tegen,
        })
        _levend(d, nieuw)
        if nieuw.consulent_geinformeerd_op is not None and nieuw.consulent_geinformeerd_op < nieuw.datum:
            raise GebruiksFout("--consulent-geinformeerd ligt voor de datum van het item zelf.")
        rest = [t for i, t in enumerate(d.tijdlijn) if i != nr - 1]
        plek = sum(1 for t in rest if t.datum <= nieuw.datum)
        d.tijdlijn = [*rest[:plek], nieuw, *rest[plek:]]
    ui.gelukt(f"Tijdlijnitem {nr} van dossier {dossier_id} bijgewerkt"
              + (f" (nu nr {plek + 1})." if plek + 1 != nr else "."))
    for regel in bijlage_b.open_punten(d, plek + 1, nieuw):
        ui.melding(regel)
