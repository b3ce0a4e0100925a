"""`ketencli afronding`: veilig loslaten (guide III.E): the check, the evidence, start and afsluiten.

The sequence (decisions D8, D25): ``check`` (the afrondingstoets; exit 1 while a required criterion
is not met, D12) → record what is missing (``verklaring``, ``slotgesprek``, ``evaluatie``,
``partner``, ``veiligheid``, ``overdracht``) → ``start`` after the weegploeg agreed (fase afgerond,
follow-up until +6 months) → ``afsluiten`` at the ronde tafel after a last check (fase afgesloten,
read-only; ``dossier heropen`` reopens it). Every recording command is non-interactive.

Choices: ``start`` refuses while the check does not pass, unless ``--toch --reden`` (the reason and
the criteria not met go into the history). ``afsluiten`` needs the last check explicitly: new facts
(``--nieuwe-feiten TEKST`` or ``--geen-nieuwe-feiten``) and the follow-up help (``--vervolghulp-gestart``,
``--vervolghulp-niet-gestart`` or ``--geen-vervolghulp``); before the six months only with
``--vroeger --reden``. New facts (``--nieuwe-feiten``, or an incident/pv/melding in the tijdlijn after
the afronding) or follow-up help that did not start refuse the afsluiting unless ``--toch --reden``
(guide L730-733, L943-948, L1693-1696); ``herneem`` takes an afgerond dossier back to casusregie.
"""

from __future__ import annotations

from datetime import date
from typing import TYPE_CHECKING, Any

import typer

from ketencli.commands.opties import MAANDEN_OPT, SINDS_OPT, sinds_optie, tekst_optie, vereis_bekende_dienst
from ketencli.commands.weergave import in_regiowoorden as _w
from ketencli.fouten import GebruiksFout, KetencliFout

if TYPE_CHECKING:
    from ketencli import model

app = typer.Typer(
    help="Veilig loslaten: de afrondingstoets, wat ervoor nodig is, de afronding en de afsluiting.",
    no_args_is_help=True,
)

ID_ARG = typer.Argument(..., metavar="ID", help="Het dossier-id, bv. 2026-001.")
OORDEEL_STIJL = {"voldaan": "[green]✓ voldaan[/]", "niet-voldaan": "[red]✗ niet voldaan[/]",
                 "onbekend": "[yellow]? onbekend[/]"}


def _datum(waarde: str | None, optie: str, *, niet_na: date | None = None) -> date | None:
    from ketencli.commands.opties import datum_optie

    return datum_optie(waarde, optie, niet_na=niet_na)


# -- check ---------------------------------------------------------------------------------------


@app.command("check")
def check(
    dossier_id: str = ID_ARG,
    als_json: bool = typer.Option(False, "--json", help='Schrijf {"criteria": [...], "klaar": ...} als JSON.'),
    sinds: str | None = SINDS_OPT,
    maanden: int | None = MAANDEN_OPT,
) -> None:
    """De afrondingstoets: elk criterium met oordeel, bewijs en wat te doen. Exit 1 zolang er iets ontbreekt."""
    from ketencli import klok, store, ui
    from ketencli.methodiek import afronding

    vandaag = klok.vandaag()
    venster = sinds_optie(sinds, maanden, vandaag)
    d = store.laad(dossier_id)
    criteria = afronding.toets(d, vandaag, venster)
    klaar = afronding.klaar(criteria)
    if als_json:
        ui.schrijf_json({"criteria": [c.als_dict() for c in criteria], "klaar": klaar, "sinds": venster.isoformat()})
    else:
        toon_criteria(d, criteria, venster)
    if not klaar:
        raise typer.Exit(1)


def toon_criteria(d: model.Dossier, criteria: list[Any], sinds: date) -> None:
    from rich.markup import escape
    from rich.table import Table

    from ketencli import ui
    from ketencli.methodiek import afronding

    c = ui.console()
    tabel = Table(title=f"Afrondingstoets dossier {d.id} (toetst: geen geweld sinds {sinds:%d/%m/%Y})",
                  show_lines=True,
                  expand=True, title_justify="left")
    tabel.add_column("Criterium", ratio=2)
    tabel.add_column("Oordeel", no_wrap=True)
    tabel.add_column("Bewijs", ratio=4)
    tabel.add_column("Wat te doen", ratio=3)
    for k in criteria:
        titel = escape(k.titel) + ("" if k.vereist else " [dim](niet vereist)[/]")
        bewijs = "\n".join(b if b.endswith(":") or len(k.bewijs) == 1 else f"• {b}" for b in k.bewijs)
        tabel.add_row(titel, OORDEEL_STIJL[k.oordeel], escape(bewijs), escape(k.wat_te_doen))
    c.print(tabel)
    open_ = afronding.niet_voldaan(criteria)
    na_afronding = d.fase == "afgerond" and d.afronding.gestart_op is not None  # the last check, not the start
    if not open_:
        kop = "De toets slaagt nog steeds:" if na_afronding else "Klaar om af te ronden:"
        vervolg = _w(d, f"{{afsluiting}} sluit af met `ketencli afronding afsluiten {d.id}`." if na_afronding else
                     f"Bespreek de afronding op {{plan}} en registreer ze met `ketencli afronding start {d.id}`.")
        c.print(f"[bold green]{kop}[/] alle {len(criteria)} criteria zijn voldaan. {vervolg}")
    else:
        kop = "De toets slaagt niet meer:" if na_afronding else "Nog niet klaar om af te ronden:"
        c.print(f"[bold red]{kop}[/] {len(open_)} van de {len(criteria)} criteria "
                f"{'is' if len(open_) == 1 else 'zijn'} niet voldaan of onbekend:")
        for k in open_:
            c.print(f"  • {escape(k.titel)} ({k.oordeel})")
    a = d.afronding
    if a.gestart_op and d.fase in ("afgerond", "afgesloten"):
        c.print(f"Afgerond op {a.gestart_op:%d/%m/%Y}; opvolging tot {a.opvolging_tot:%d/%m/%Y}"
                + (f", afgesloten op {a.afgesloten_op:%d/%m/%Y}" if a.afgesloten_op else "") + ".")


# -- recording the evidence -----------------------------------------------------------------------


@app.command("verklaring")
def verklaring(
    dossier_id: str = ID_ARG,
    tekst: str | None = typer.Option(None, "--tekst",
                                     help="Waarom het geweld gestopt is, met reden (telt tot vandaag)."),
    wis: bool = typer.Option(False, "--wis", help="Wis de verklaring; dan telt alleen de tijdlijn."),
) -> None:
    """Verklaar met reden dat het geweld gestopt is (bv. een incident in de periode dat uitgeklaard is)."""
    from ketencli import klok, store, ui

    if wis == (tekst is not None):
        raise GebruiksFout("Geef --tekst of --wis (één van beide).")
    waarde = "" if wis else tekst_optie(tekst, "--tekst")
    with store.wijzig(dossier_id) as d:
        d.afronding.geweld_gestopt_verklaring = waarde
        d.afronding.geweld_gestopt_verklaard_op = None if wis else klok.vandaag()
    if wis:
        ui.gelukt(f"Verklaring over het stoppen van het geweld gewist in dossier {dossier_id}.")
    else:
        ui.gelukt(f"Verklaring over het stoppen van het geweld bewaard in dossier {dossier_id}; incidenten na "
                  "vandaag tellen weer mee.")


@app.command("slotgesprek")
def slotgesprek(
    dossier_id: str = ID_ARG,
    datum: str | None = typer.Option(None, "--datum", help="Datum van het afrondend gesprek (standaard: vandaag)."),
    vervolghulp: str | None = typer.Option(None, "--vervolghulp",
                                           help="De vervolghulp, of hoe het gezin opnieuw hulp kan vragen."),
) -> None:
    """Registreer het afrondend gesprek met het gezin en de vervolghulp."""
    from ketencli import klok, store, ui

    vandaag = klok.vandaag()
    op = _datum(datum, "--datum", niet_na=vandaag) or vandaag
    with store.wijzig(dossier_id) as d:
        d.afronding.slotgesprek_op = op
        if vervolghulp is not None:
            d.afronding.vervolghulp = tekst_optie(vervolghulp, "--vervolghulp")
        zonder = not d.afronding.vervolghulp.strip()
    ui.gelukt(f"Afrondend gesprek van {op:%d/%m/%Y} bewaard.")
    if zonder:
        ui.melding("Noteer nog de vervolghulp of hoe het gezin opnieuw hulp kan vragen: "
                   f"`ketencli afronding slotgesprek {dossier_id} --vervolghulp \"...\"`.")


@app.command("evaluatie")
def evaluatie(
    dossier_id: str = ID_ARG,
    lid: str = typer.Option(..., "--lid", help="Het gezinslid, bv. m1."),
    datum: str | None = typer.Option(None, "--datum", help="Wanneer gevraagd (standaard: vandaag)."),
    samenvatting: str = typer.Option("", "--samenvatting", help="Wat het gezinslid over de ketenaanpak zei."),
    niet_gevraagd: bool = typer.Option(False, "--niet-gevraagd", help="Het lid kon niet gevraagd worden."),
    reden: str = typer.Option("", "--reden", help="Waarom niet (verplicht bij --niet-gevraagd)."),
) -> None:
    """Registreer dat een gezinslid om een evaluatie gevraagd werd (of waarom dat niet kon)."""
    from ketencli import klok, model, store, ui

    vandaag = klok.vandaag()
    op = _datum(datum, "--datum", niet_na=vandaag) or vandaag
    if niet_gevraagd and samenvatting.strip():
        raise GebruiksFout("Geef --samenvatting of --niet-gevraagd, niet allebei.")
    if niet_gevraagd and not reden.strip():
        raise GebruiksFout("Geef bij --niet-gevraagd ook de reden met --reden.")
    if reden.strip() and not niet_gevraagd:
        raise GebruiksFout("--reden hoort bij --niet-gevraagd.")
    with store.wijzig(dossier_id) as d:
        if d.lid(lid) is None:
            raise KetencliFout(f"Dossier {d.id} heeft geen gezinslid '{lid}'.",
                               tip="Bekende leden: " + (", ".join(x.id for x in d.gezinsleden) or "geen") + ".")
        nieuw = model.LidEvaluatie(lid=lid, datum=op, gevraagd=not niet_gevraagd,
                                   samenvatting=samenvatting.strip(), reden=reden.strip())
        d.afronding.evaluaties = [e for e in d.afronding.evaluaties if e.lid != lid] + [nieuw]
    ui.gelukt(f"Evaluatie van {lid} bewaard." if not niet_gevraagd else f"Bewaard waarom {lid} niet gevraagd werd.")


@app.command("partner")
def partner(
    dossier_id: str = ID_ARG,
    dienst: str = typer.Option(..., "--dienst", help="De dienst (een dienst-id zoals d3, of vrije tekst)."),
    datum: str | None = typer.Option(None, "--datum", help="Wanneer overlegd (standaard: vandaag)."),
    standpunt: str = typer.Option("", "--standpunt", help="Wat de partner over de afronding zegt."),
) -> None:
    """Registreer het overleg over de afronding met een betrokken partner (ook de consulent)."""
    from ketencli import klok, model, store, ui

    vandaag = klok.vandaag()
    op = _datum(datum, "--datum", niet_na=vandaag) or vandaag
    waarde = tekst_optie(dienst, "--dienst")
    with store.wijzig(dossier_id) as d:
        vereis_bekende_dienst(d, waarde, "--dienst")
        bekend = d.dienst(waarde) is not None
        nieuw = model.PartnerOverleg(dienst=waarde, datum=op, standpunt=standpunt.strip())
        d.afronding.partners = [p for p in d.afronding.partners if p.dienst != waarde] + [nieuw]
    ui.gelukt(f"Overleg met {waarde} over de afronding bewaard.")
    if not bekend:
        ui.melding(f"'{waarde}' is geen dienst-id van dit dossier; het wordt als vrije tekst bewaard.")


@app.command("veiligheid")
def veiligheid(
    dossier_id: str = ID_ARG,
    tekst: str | None = typer.Option(None, "--tekst", help="De extra acties en afspraken over veiligheid."),
    onbereikbaar: bool | None = typer.Option(None, "--onbereikbaar/--bereikbaar",
                                             help="Het gezin werd onbereikbaar (of is weer bereikbaar)."),
) -> None:
    """Registreer extra acties en afstemming over veiligheid (doelen niet bereikt of gezin onbereikbaar)."""
    from ketencli import store, ui

    if tekst is None and onbereikbaar is None:
        raise GebruiksFout("Geef --tekst, --onbereikbaar of --bereikbaar.")
    waarde = None if tekst is None else tekst_optie(tekst, "--tekst")
    with store.wijzig(dossier_id) as d:
        if waarde is not None:
            d.afronding.extra_veiligheidsacties = waarde
        if onbereikbaar is not None:
            d.afronding.gezin_onbereikbaar = onbereikbaar
    delen = (["extra acties en afspraken over veiligheid"] if waarde is not None else []) + (
        [] if onbereikbaar is None else ["gezin onbereikbaar" if onbereikbaar else "gezin weer bereikbaar"])
    ui.gelukt("Bewaard: " + " en ".join(delen) + ".")


@app.command("overdracht")
def overdracht(
    dossier_id: str = ID_ARG,
    rij_id: str = typer.Argument(..., metavar="RIJ", help="Het rij-id, bv. r3."),
    nummer: int = typer.Argument(..., metavar="NR", help="Het nummer van de actie in de rij (1, 2, …)."),
    aan: str = typer.Option(..., "--aan", help="Aan wie (een dienst-id zoals d5, of vrije tekst); leeg wist."),
) -> None:
    """Draag een actie van het plan van aanpak over aan de vervolghulp."""
    from ketencli import store, ui

    with store.wijzig(dossier_id) as d:
        rij = d.pva.rij(rij_id)
        if rij is None:
            raise KetencliFout(f"Het plan van aanpak van dossier {d.id} heeft geen rij '{rij_id}'.",
                               tip=f"Bekijk de rijen met `ketencli pva show {d.id}`.")
        if not 1 <= nummer <= len(rij.acties):
            raise KetencliFout(f"Rij {rij_id} heeft geen actie {nummer} (er zijn er {len(rij.acties)}).")
        vereis_bekende_dienst(d, aan.strip(), "--aan")
        rij.acties[nummer - 1].overgedragen_aan = aan.strip()
        bekend = not aan.strip() or d.dienst(aan.strip()) is not None
    if aan.strip():
        ui.gelukt(f"Actie {nummer} van rij {rij_id} overgedragen aan {aan.strip()}.")
    else:
        ui.gelukt(f"Overdracht van actie {nummer} van rij {rij_id} gewist.")
    if not bekend:
        ui.melding(f"'{aan.strip()}' is geen dienst-id van dit dossier; het wordt als vrije tekst bewaard.")
