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

from ketencli.commands.opties import vereis_bekende_dienst
from ketencli.fouten import GebruiksFout, KetencliFout
from ketencli.taal import aantal, feiten

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


def _sinds(sinds: str | None, maanden: int | None, vandaag: date) -> date:
    from ketencli.methodiek import afronding

    if sinds is not None and maanden is not None:
        raise GebruiksFout("Geef --sinds of --maanden, niet allebei.")
    if maanden is not None:
        return afronding.standaard_sinds(vandaag, maanden)
    return _datum(sinds, "--sinds", niet_na=vandaag) or afronding.standaard_sinds(vandaag)


def _tekst(waarde: str | None, optie: str) -> str:
    if waarde is None or not waarde.strip():
        raise GebruiksFout(f"{optie} mag niet leeg zijn.")
    return waarde.strip()


SINDS_OPT = typer.Option(None, "--sinds", help="Begin van de periode zonder geweld (standaard: drie maanden geleden).")
MAANDEN_OPT = typer.Option(None, "--maanden", metavar="N", min=1, max=60,
                           help="Periode zonder geweld in maanden, tot vandaag (standaard 3, hoogstens 60).")


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
    venster = _sinds(sinds, maanden, vandaag)
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
    waarde = "" if wis else _tekst(tekst, "--tekst")
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
            d.afronding.vervolghulp = _tekst(vervolghulp, "--vervolghulp")
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
    waarde = _tekst(dienst, "--dienst")
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
    waarde = None if tekst is None else _tekst(tekst, "--tekst")
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


# -- the sequence -----------------------------------------------------------------------------------


@app.command("start")
def start(
    dossier_id: str = ID_ARG,
    weegploeg_akkoord: str | None = typer.Option(
        None, "--weegploeg-akkoord",
        help="Datum waarop de tafel die het plan bespreekt (in Antwerpen de weegploeg) akkoord ging "
             "(standaard: de besproken agendering van de afronding)."),
    datum: str | None = typer.Option(None, "--datum", help="Datum van de afronding (standaard: vandaag)."),
    rondetafel_check: str | None = typer.Option(None, "--rondetafel-check",
                                                help="Datum van een vroegere opvolgtafel (in Antwerpen de ronde "
                                                     "tafel): check op nieuwe feiten."),
    rondetafel_check_maanden: int | None = typer.Option(None, "--rondetafel-check-maanden", metavar="N",
                                                        help="Vroegere opvolgtafel na zoveel maanden (bv. 3)."),
    toch: bool = typer.Option(False, "--toch", help="Rond af hoewel de afrondingstoets niet slaagt (met --reden)."),
    reden: str = typer.Option("", "--reden", help="Waarom toch (komt in de historiek)."),
    sinds: str | None = SINDS_OPT,
) -> None:
    """Rond de casusregie af na het akkoord van de tafel die het plan bespreekt (in Antwerpen de weegploeg): fase
    afgerond, opvolging tot zes maanden later."""
    from ketencli import klok, planning, store, ui
    from ketencli.methodiek import afronding
    from ketencli.methodiek.aanmelding import FASE_LABELS

    vandaag = klok.vandaag()
    op = _datum(datum, "--datum", niet_na=vandaag) or vandaag
    akkoord = _datum(weegploeg_akkoord, "--weegploeg-akkoord", niet_na=vandaag)
    venster = _sinds(sinds, None, vandaag)
    if rondetafel_check and rondetafel_check_maanden is not None:
        raise GebruiksFout("Geef --rondetafel-check of --rondetafel-check-maanden, niet allebei.")
    if toch and not reden.strip():
        raise GebruiksFout("Geef bij --toch ook de reden met --reden.")
    if reden.strip() and not toch:
        raise GebruiksFout("--reden hoort bij --toch.")
    if rondetafel_check_maanden is not None and not 1 <= rondetafel_check_maanden < afronding.OPVOLGING_MAANDEN:
        raise GebruiksFout(f"--rondetafel-check-maanden ligt tussen 1 en {afronding.OPVOLGING_MAANDEN - 1}.")
    check_op = _datum(rondetafel_check, "--rondetafel-check")
    with store.wijzig(dossier_id) as d:
        if d.fase not in afronding.START_FASEN:
            raise KetencliFout(
                f"Dossier {d.id} is in fase '{FASE_LABELS[d.fase]}': afronden kan alleen vanuit casusregie "
                "(of ketenaanpak zonder regisseur).")
        afgeleid = akkoord is None
        notitie = ""
        if akkoord is not None:  # the akkoord is given at a session of the weegploeg (L721)
            is_zitting, notitie = planning.zitting_op(d, "plan", akkoord, vandaag)
            if not is_zitting:
                raise KetencliFout(
                    f"{notitie} Er werd niets bewaard.",
                    tip=f"Geef de datum van de zitting waarop de afronding besproken werd: `ketencli afronding "
                        f"start {d.id} --weegploeg-akkoord DATUM` (zittingen: `ketencli agendeer lijst {d.id}`).")
        akkoord = akkoord or afronding.weegploeg_akkoord(d)
        if akkoord is None:
            raise KetencliFout(
                _w(d, "{plan} moet eerst akkoord gaan met de afronding (gids L721)."),
                tip=f"Geef de datum van dat akkoord: `ketencli afronding start {d.id} --weegploeg-akkoord DATUM`.")
        if akkoord > op:
            raise GebruiksFout(_w(d, "Het akkoord van {plan} kan niet na de datum van de afronding liggen."))
        open_ = afronding.niet_voldaan(afronding.toets(d, vandaag, venster))
        if open_ and not toch:
            raise KetencliFout(
                f"De afrondingstoets slaagt nog niet: {aantal(len(open_), 'criterium', 'criteria')} "
                f"niet voldaan of onbekend "
                f"({', '.join(c.key for c in open_)}). Er werd niets bewaard.",
                tip=f"Bekijk wat ontbreekt met `ketencli afronding check {d.id}`; rond je toch af, geef dan "
                "--toch --reden \"...\".")
        tot = afronding.plus_maanden(op, afronding.OPVOLGING_MAANDEN)
        if rondetafel_check_maanden is not None:
            check_op = afronding.plus_maanden(op, rondetafel_check_maanden)
        if check_op is not None and not op < check_op < tot:
            raise GebruiksFout(_w(d, f"De vroegere zitting van {{opvolging}} ligt tussen {op:%d/%m/%Y} en "
                                     f"{tot:%d/%m/%Y}."))
        a = d.afronding
        a.weegploeg_akkoord_op, a.gestart_op, a.opvolging_tot, a.rondetafel_check_op = akkoord, op, tot, check_op
        motief = _w(d, f"afronding op {op:%d/%m/%Y}, akkoord van {{plan}} op {akkoord:%d/%m/%Y}, opvolging tot "
                       f"{tot:%d/%m/%Y}")
        if open_:
            motief += f"; toch afgerond zonder: {', '.join(c.key for c in open_)}; reden: {reden.strip()}"
        store.historie(d, f"fase {d.fase} → afgerond", reden=motief)
        d.fase = "afgerond"
    ui.gelukt(_w(d, f"Dossier {dossier_id} is afgerond op {op:%d/%m/%Y}. {{afsluiting}} kan het afsluiten vanaf "
                    f"{tot:%d/%m/%Y}."))
    if notitie:
        ui.melding(notitie)
    if afgeleid:
        ui.melding(_w(d, f"Akkoord van {{plan}} genomen uit de besproken agendering van {akkoord:%d/%m/%Y}; "
                         "klopt dat niet, geef dan --weegploeg-akkoord DATUM."), "cyan")
    if check_op:
        ui.melding(_w(d, f"Vroegere zitting van {{opvolging}} (check op nieuwe feiten): {check_op:%d/%m/%Y}."),
                   "cyan")


@app.command("afsluiten")
def afsluiten(
    dossier_id: str = ID_ARG,
    nieuwe_feiten: str | None = typer.Option(None, "--nieuwe-feiten",
                                             help="De nieuwe feiten die de partners bij de laatste check meldden."),
    geen_nieuwe_feiten: bool = typer.Option(False, "--geen-nieuwe-feiten",
                                            help="De laatste check vond geen nieuwe feiten."),
    vervolghulp: bool | None = typer.Option(None, "--vervolghulp-gestart/--vervolghulp-niet-gestart",
                                            help="Of de vervolghulp goed gestart is."),
    geen_vervolghulp: bool = typer.Option(False, "--geen-vervolghulp", help="Er is geen vervolghulp (n.v.t.)."),
    vroeger: bool = typer.Option(False, "--vroeger", help="Sluit af vóór de zes maanden opvolging (met --reden)."),
    toch: bool = typer.Option(False, "--toch", help="Sluit af hoewel er nieuwe feiten zijn of de vervolghulp niet "
                              "goed startte (met --reden)."),
    reden: str = typer.Option("", "--reden", help="Waarom vroeger of toch afsluiten (komt in de historiek)."),
    datum: str | None = typer.Option(None, "--datum", help="Datum van de zitting die afsluit (standaard: vandaag)."),
) -> None:
    """Sluit het dossier af op de ronde tafel, na de laatste check; daarna kan het alleen gelezen worden.

    Alleen als het geweld gestopt bleef en de vervolghulp startte (anders: --toch --reden of `afronding herneem`).

    Een dossier zonder casusregie (geen instemming, niet ingestroomd) sluit je meteen af.
    """
    from ketencli import klok, store, ui
    from ketencli.methodiek import afronding
    from ketencli.methodiek.aanmelding import FASE_LABELS

    vandaag = klok.vandaag()
    op = _datum(datum, "--datum", niet_na=vandaag) or vandaag
    if (vroeger or toch) and not reden.strip():
        raise GebruiksFout(f"Geef bij {'--vroeger' if vroeger else '--toch'} ook de reden met --reden.")
    if reden.strip() and not (vroeger or toch):
        raise GebruiksFout("--reden hoort bij --vroeger of --toch.")
    if nieuwe_feiten is not None and geen_nieuwe_feiten:
        raise GebruiksFout("Geef --nieuwe-feiten of --geen-nieuwe-feiten, niet allebei.")
    if vervolghulp is not None and geen_vervolghulp:
        raise GebruiksFout("Geef --vervolghulp-gestart, --vervolghulp-niet-gestart of --geen-vervolghulp, één ervan.")
    with store.wijzig(dossier_id) as d:
        a = d.afronding
        if d.fase == "afgerond" and (a.opvolging_tot is None or a.gestart_op is None):
            raise KetencliFout(
                f"Dossier {d.id} staat op 'afgerond', maar de afronding zelf (datum en opvolging) staat niet in "
                "het dossier: afsluiten kan daardoor niet. Er werd niets bewaard.",
                tip=f"Bekijk de historiek met `ketencli dossier historiek {d.id}`; werd de fase met de hand veranderd, "
                    "zet ze dan terug en rond af met `ketencli afronding start`.")
        if d.fase in afronding.START_FASEN:
            raise KetencliFout(
                f"Dossier {d.id} is in fase '{FASE_LABELS[d.fase]}': afsluiten kan alleen na de afronding. "
                "Er werd niets bewaard.",
                tip=f"Bekijk wat nog ontbreekt met `ketencli afronding check {d.id}` en rond af met "
                f"`ketencli afronding start {d.id}`.")
        if d.fase in afronding.ZONDER_REGIE_FASEN:
            _sluit_af_zonder_regie(d, op, bijkomend=(nieuwe_feiten is not None or geen_nieuwe_feiten
                                                     or vervolghulp is not None or geen_vervolghulp
                                                     or vroeger or toch))
            return
        if d.fase != "afgerond":  # afronding start is no way out of these fases: do not point to it
            raise KetencliFout(
                f"Dossier {d.id} is in fase '{FASE_LABELS[d.fase]}': afsluiten kan alleen na de afronding van "
                "casusregie of ketenaanpak zonder regisseur, of meteen na het verkennend casusoverleg als er geen "
                "instemming was of het dossier niet instroomde. Er werd niets bewaard.",
                tip=f"Bekijk waar het dossier staat met `ketencli stap {d.id}`.")
        if op < a.gestart_op:
            raise GebruiksFout("De afsluiting kan niet vóór de afronding liggen.")
        if op < a.opvolging_tot and not vroeger:
            raise KetencliFout(
                _w(d, f"De opvolging loopt tot {a.opvolging_tot:%d/%m/%Y}: {{afsluiting}} sluit af zes maanden na "
                      "de afronding (gids L730). Er werd niets bewaard."),
                tip="Moet het toch vroeger, geef dan --vroeger --reden \"...\".")
        if nieuwe_feiten is None and not geen_nieuwe_feiten:
            raise KetencliFout(
                "Eerst de laatste check op nieuwe feiten bij de partners (gids L731). Er werd niets bewaard.",
                tip="Geef --geen-nieuwe-feiten, of --nieuwe-feiten \"...\" met wat er gemeld werd.")
        if vervolghulp is None and not geen_vervolghulp:
            raise KetencliFout(
                "Eerst de laatste check of de vervolghulp goed gestart is (gids L732). Er werd niets bewaard.",
                tip="Geef --vervolghulp-gestart of --vervolghulp-niet-gestart, of --geen-vervolghulp als er "
                "geen is.")
        feiten_tekst = afronding.GEEN_NIEUWE_FEITEN if geen_nieuwe_feiten else _tekst(nieuwe_feiten, "--nieuwe-feiten")
        bezwaren = _bezwaren_tegen_afsluiten(d, op, not geen_nieuwe_feiten, vervolghulp)
        if bezwaren and not toch:
            nieuw = not geen_nieuwe_feiten or bool(afronding.feiten_na_afronding(d, op))
            raise _weiger_afsluiten(d, bezwaren, nieuwe_feiten=nieuw)
        a.nieuwe_feiten = feiten_tekst
        a.vervolghulp_goed_gestart = vervolghulp
        a.vroeger_reden = reden.strip() if vroeger and op < a.opvolging_tot else ""
        a.afgesloten_op = op
        motief = _w(d, f"afgesloten op {{afsluiting}} van {op:%d/%m/%Y}")
        if vroeger and op < a.opvolging_tot:
            motief += f", vóór het einde van de opvolging ({a.opvolging_tot:%d/%m/%Y}): {reden.strip()}"
        if bezwaren:
            motief += f"; toch afgesloten ondanks: {'; '.join(bezwaren)}; reden: {reden.strip()}"
        store.historie(d, "fase afgerond → afgesloten", reden=motief)
        a.afgesloten_uit_fase = d.fase
        d.fase = "afgesloten"
    ui.gelukt(f"Dossier {dossier_id} is afgesloten op {op:%d/%m/%Y}; het kan nu alleen nog gelezen worden.")
    if not geen_nieuwe_feiten:
        ui.melding("Er werden nieuwe feiten gemeld; ze staan bij de afsluiting in het dossier.")
    if vervolghulp is False:
        ui.melding("De vervolghulp is niet goed gestart; laat het de operationeel coördinator weten (gids L724-728).")



def _sluit_af_zonder_regie(d: Any, op: date, *, bijkomend: bool) -> None:
    """Close a dossier that never came into casusregie (geen-instemming, niet-ingestroomd; D8).

    Nothing to check but the date: not before the ICO's conclusion. The aanmelder may register the
    family again later (guide L137-145); that is a new aanmelding.

    Raises:
        GebruiksFout: options of the afronding's last check were given, or the date precedes the ICO.
    """
    from ketencli import store, ui
    from ketencli.methodiek.aanmelding import FASE_LABELS

    label = FASE_LABELS[d.fase]
    if bijkomend:
        raise GebruiksFout(f"Dossier {d.id} is in fase '{label}': er was geen casusregie en dus geen afronding "
                           "of opvolging. Laat --nieuwe-feiten, --vervolghulp-…, --vroeger en --toch weg.")
    if d.ico is not None and op < d.ico.datum:
        raise GebruiksFout(f"De afsluiting kan niet vóór het verkennend casusoverleg van "
                           f"{d.ico.datum:%d/%m/%Y} liggen.")
    d.afronding.afgesloten_op = op
    store.historie(d, f"fase {d.fase} → afgesloten",
                   reden=f"afgesloten op {op:%d/%m/%Y} zonder casusregie ({label})")
    d.afronding.afgesloten_uit_fase = d.fase
    d.fase = "afgesloten"
    ui.gelukt(f"Dossier {d.id} ({label}) is afgesloten op {op:%d/%m/%Y}; het kan nu alleen nog gelezen worden. "
              "Meldt de aanmelder het gezin later opnieuw aan, dan is dat een nieuwe aanmelding.")


TERUG_FASEN = ("casusregie", "ketenaanpak-zonder-regisseur")


@app.command("herneem")
def herneem(
    dossier_id: str = ID_ARG,
    reden: str = typer.Option(..., "--reden", help="Waarom opnieuw regie, bv. nieuwe feiten (komt in de historiek)."),
    datum: str | None = typer.Option(None, "--datum", metavar="DATUM",
                                     help="Datum van de beslissing, bv. de ronde tafel (standaard: vandaag)."),
    naar: str = typer.Option("casusregie", "--naar", metavar="FASE",
                             help="De fase: casusregie (standaard) of ketenaanpak-zonder-regisseur."),
) -> None:
    """Neem een afgerond dossier terug in casusregie (bv. na nieuwe feiten); de afronding wordt gewist."""
    from ketencli import klok, model, store, ui
    from ketencli.methodiek import afronding
    from ketencli.methodiek.aanmelding import FASE_LABELS

    if naar not in TERUG_FASEN:
        raise GebruiksFout(f"--naar {naar!r} ken ik niet; kies uit: {', '.join(TERUG_FASEN)}.")
    waarom = _tekst(reden, "--reden")
    vandaag = klok.vandaag()
    op = _datum(datum, "--datum", niet_na=vandaag) or vandaag
    if store.laad(dossier_id).fase == "afgesloten":  # store.wijzig would only say it is read-only
        raise KetencliFout(
            f"Dossier {dossier_id} is afgesloten: hernemen kan alleen tijdens de opvolging na de afronding. "
            "Er werd niets bewaard.",
            tip=f"Heropen het: `ketencli dossier heropen {dossier_id} --naar {naar} --reden \"...\"`.")
    with store.wijzig(dossier_id) as d:
        if d.fase != "afgerond":
            raise KetencliFout(
                f"Dossier {d.id} is in fase '{FASE_LABELS[d.fase]}': hernemen kan alleen een afgerond dossier "
                "(terug naar casusregie). Er werd niets bewaard.",
                tip=f"Bekijk waar het dossier staat met `ketencli stap {d.id}`.")
        gestart = d.afronding.gestart_op
        if gestart is not None and op < gestart:
            raise GebruiksFout(f"De beslissing kan niet vóór de afronding ({gestart:%d/%m/%Y}) liggen.")
        d.afronding = model.Afronding.model_validate(d.afronding.model_dump()
                                                     | afronding.gewist(terug_naar_regie=True))
        motief = f"beslist op {op:%d/%m/%Y}" + (f", afronding van {gestart:%d/%m/%Y} gewist" if gestart else "")
        store.historie(d, f"afronding hernomen: fase afgerond → {naar}", reden=f"{motief}: {waarom}")
        d.fase = naar
    ui.gelukt(f"Dossier {dossier_id} is terug in fase {FASE_LABELS[naar]}; de afronding is gewist, het "
              "bewijs (afrondend gesprek, evaluaties, overleg met partners) blijft staan.")
    ui.melding(f"Rond later opnieuw af na de afrondingstoets: `ketencli afronding check {dossier_id}`.", "cyan")


def _bezwaren_tegen_afsluiten(d: model.Dossier, op: date, nieuwe_feiten: bool,
                              vervolghulp: bool | None) -> list[str]:
    """Why the last check does not allow the afsluiting (Dutch, for the refusal and the history); empty when it does.

    The ronde tafel closes only when the violence stayed stopped and the hand-over worked (guide L730-733,
    L943-948); with new facts the dossier is discussed first (L1693-1696). No follow-up help at all is fine.
    """
    from ketencli.methodiek import afronding

    # neutral (kind and date only): these lines go into an error message, the facts themselves are in the dossier
    bezwaren = []
    if nieuwe_feiten:
        bezwaren.append("de partners meldden nieuwe feiten")
    na = afronding.feiten_na_afronding(d, op)
    if na:
        bezwaren.append(f"de tijdlijn heeft {feiten(len(na))} na de afronding van "
                        f"{d.afronding.gestart_op:%d/%m/%Y} ("
                        + ", ".join(f"{t.soort} op {t.datum:%d/%m/%Y}" for t in na) + ")")
    if vervolghulp is False:
        bezwaren.append("de vervolghulp is niet goed gestart")
    return bezwaren


def _w(d: Any, tekst: str) -> str:
    """``tekst`` in the words of the dossier's region (D30: ``{plan}`` is "de weegploeg" in Antwerp)."""
    from ketencli import planning
    from ketencli.methodiek import regios

    return regios.in_woorden(tekst, planning.woorden(d.regio))


def _weiger_afsluiten(d: Any, bezwaren: list[str], *, nieuwe_feiten: bool) -> KetencliFout:
    dossier_id = d.id
    tip = []
    if nieuwe_feiten:
        tip.append(_w(d, "Bespreek het dossier opnieuw op {opvolging} (gids L1693-1696); moet er opnieuw regie "
                         f"komen, ga dan terug naar casusregie met `ketencli afronding herneem {dossier_id} --reden "
                         "\"...\"`."))
    if any(b.startswith("de vervolghulp") for b in bezwaren):
        tip.append("Zoek met de partners hoe de vervolghulp alsnog kan starten en laat het de operationeel "
                   "coördinator weten (gids L724-728).")
    tip.append(_w(d, "Besliste {afsluiting} toch af te sluiten, geef dan --toch --reden \"...\" (dat komt in de "
                     "historiek)."))
    return KetencliFout(
        "Afsluiten kan alleen als het geweld gestopt bleef en de overdracht naar de vervolghulp lukte "
        "(gids L730-733, L943-948), maar " + "; ".join(bezwaren) + ". Er werd niets bewaard.",
        tip=" ".join(tip))
