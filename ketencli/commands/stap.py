"""`ketencli stap`: the four casusregiefasen and annexes A-D as checklists, per dossier.

Design: one group ``stap`` whose sub-commands all take the dossier id first. Because a regisseur
thinks "dossier, then what", ``ketencli stap ID ACTIE ...`` is accepted next to the native
``ketencli stap ACTIE ID ...``: ``StapGroep`` moves the id behind the action before click parses.
``ketencli stap ID`` is ``toon``; ``ketencli stap ID horen`` (any checklist key) is ``doorloop``.
So every action keeps its own options and ``--help``, and there is one place to look for all of
it (checklists, veiligheidsplan, 458ter, dringende maatregel) instead of three top-level commands.
"""

from __future__ import annotations

from datetime import date
from typing import TYPE_CHECKING, Any

import typer
from typer import core as typer_core

from ketencli.commands.weergave import lid_naam, voortgangsregels
from ketencli.fouten import Afgebroken, GebruiksFout, KetencliFout

if TYPE_CHECKING:
    from ketencli import model
    from ketencli.methodiek import stappen


class StapGroep(typer_core.TyperGroup):
    """Accepts ``stap ID ACTIE ...`` as well as ``stap ACTIE ID ...``."""

    def parse_args(self, ctx: Any, args: list[str]) -> list[str]:
        return super().parse_args(ctx, herschik(list(args), set(self.commands)))


def herschik(args: list[str], commandos: set[str]) -> list[str]:
    """``ID`` → ``toon ID``; ``ID ACTIE …`` → ``ACTIE ID …``; ``ID LIJST …`` → ``doorloop ID LIJST …``."""
    if not args or args[0].startswith("-") or args[0] in commandos:
        return args
    dossier_id, rest = args[0], args[1:]
    if not rest or rest[0].startswith("-"):
        return ["toon", dossier_id, *rest]
    if rest[0] in commandos:
        return [rest[0], dossier_id, *rest[1:]]
    return ["doorloop", dossier_id, *rest]


app = typer.Typer(
    cls=StapGroep,
    help="Casusregie stap voor stap: de vier casusregiefasen (horen, plan, opvolgen, loslaten) en de "
         "bijlagen A-D als checklists. Schrijf het dossier-id eerst: [bold]ketencli stap ID[/] toont waar "
         "je staat, [bold]ketencli stap ID horen[/] doorloopt een fase, [bold]ketencli stap ID afvinken "
         "ITEM[/] vinkt af zonder vragen.",
    no_args_is_help=True,
    rich_markup_mode="rich",
)

ID_ARG = typer.Argument(..., metavar="ID", help="Het dossier-id, bv. 2026-001.")
NO_INPUT_HULP = "Stel nooit een vraag; ontbreekt er iets, dan stopt het commando met een melding."
SYMBOOL = {"gedaan": "[green]✓[/]", "afgeleid": "[green]✓[/]", "overgeslagen": "[yellow]–[/]", "open": "[dim]○[/]"}


def _datum(waarde: str | None, optie: str, vandaag: date) -> date | None:
    from ketencli.commands.opties import datum_optie

    return datum_optie(waarde, optie, niet_na=vandaag)


def _doel(d: model.Dossier, item: str, lid: str | None, op: date) -> stappen.Doel:
    from ketencli.methodiek import stappen

    try:
        return stappen.bepaal_doel(d, item, lid, op)
    except stappen.OngeldigItem as fout:
        raise KetencliFout(fout.melding, tip=fout.tip) from None



def woorden(d: Any) -> dict[str, str]:
    """The words of the dossier's region with the user's settings (D30), for ``stappen.evalueer``."""
    from ketencli import planning

    return planning.woorden(d.regio)



# ---------------------------------------------------------------------------------------------
# overview
# ---------------------------------------------------------------------------------------------


def _stand_tekst(it: stappen.ItemStand, op: date) -> str:
    from rich.markup import escape

    delen: list[str] = []
    if it.status == "gedaan":
        delen.append(f"gedaan {it.datum:%d/%m/%Y}" if it.datum else "gedaan")
    elif it.status == "afgeleid":
        delen.append("[green]voldaan[/] (uit het dossier)" + (f" sinds {it.datum:%d/%m/%Y}" if it.datum else ""))
    elif it.status == "overgeslagen":
        delen.append("[yellow]overgeslagen[/]" + (f" {it.datum:%d/%m/%Y}" if it.datum else ""))
    else:
        delen.append("open")
    if it.reden:
        delen.append(f"reden: {escape(it.reden)}")
    if it.notitie:
        delen.append(escape(it.notitie))
    if it.afleiding.toelichting and it.status != "overgeslagen":
        delen.append(f"[dim]{escape(it.afleiding.toelichting)}[/]")
    if it.vervalt_op and it.status == "open":
        kleur = "red" if it.vervalt_op < op else "yellow"
        delen.append(f"[{kleur}]uiterlijk {it.vervalt_op:%d/%m/%Y}[/]")
    return " · ".join(delen)


def _itemtabel(d: model.Dossier, items: tuple[stappen.ItemStand, ...], op: date, *, met_lid: bool = False) -> Any:
    from rich.markup import escape
    from rich.table import Table

    tabel = Table(show_header=False, box=None, expand=True, padding=(0, 1))
    tabel.add_column(width=1)
    tabel.add_column(ratio=3)
    tabel.add_column(ratio=2)
    for it in items:
        tekst = escape(it.item.tekst) + f"\n[dim]{it.item.key}[/]"
        if met_lid and it.lid:
            tekst = f"[cyan]{escape(lid_naam(d, it.lid))}[/] " + tekst
        tabel.add_row(SYMBOOL[it.status], tekst, _stand_tekst(it, op))
    return tabel


@app.command("toon")
def toon(
    dossier_id: str = ID_ARG,
    alles: bool = typer.Option(False, "--alles", help="Toon de items van alle fasen en bijlagen, niet alleen "
                               "van de huidige fase."),
    als_json: bool = typer.Option(False, "--json", help="Schrijf JSON voor scripts."),
) -> None:
    """Toon waar het dossier staat: voortgang per casusregiefase, de items van de huidige fase, de bijlagen
    die gelden en wat er nu te doen is."""
    from rich.markup import escape
    from rich.panel import Panel

    from ketencli import klok, store, ui
    from ketencli.methodiek import stappen

    d = store.laad(dossier_id)
    op = klok.vandaag()
    o = stappen.evalueer(d, op, woorden(d))
    if als_json:
        ui.schrijf_json({"dossier": d.id, **o.to_dict()})
        return
    c = ui.console()
    huidige = o.stand(o.huidige).checklist.naam if o.huidige else "geen"
    kop = [f"[bold]{escape(d.gezin)}[/]  ·  {d.id}  ·  {op:%d/%m/%Y}",
           f"Huidige casusregiefase: [bold]{huidige}[/] [dim]({o.huidige_reden})[/]", "",
           *voortgangsregels(o)]
    c.print(Panel("\n".join(kop), title="Casusregie stap voor stap", title_align="left"))
    if o.blokkerend:
        c.print(Panel("\n".join(f"[bold red]Blokkerend:[/] {escape(b.melding)}\n  {escape(b.wat_te_doen)}"
                                for b in o.blokkerend), title="Blokkerend", title_align="left", border_style="red"))
    voor = o.voor_casusregie
    if voor is not None:
        c.print(Panel(_itemtabel(d, voor.items, op), title_align="left",
                      title=f"{voor.checklist.naam} ({voor.afgewerkt}/{len(voor.items)})"))

    te_tonen = o.fasen if alles else tuple(x for x in o.fasen if x.key == o.huidige)
    for stand in te_tonen:
        c.print(Panel(_itemtabel(d, stand.items, op, met_lid=True),
                      title=f"{stand.checklist.naam} ({stand.afgewerkt}/{len(stand.items)})", title_align="left"))
    c.print(Panel(_bijlagen(d, o, op, alles), title="Bijlagen", title_align="left"))

    volgende = o.volgende()
    if volgende:
        regels = []
        for it in volgende:
            wie = f" — voor {escape(lid_naam(d, it.lid))}" if it.lid else ""
            wanneer = (f" [yellow](uiterlijk {it.vervalt_op:%d/%m/%Y})[/]"
                       if it.vervalt_op and it.status == "open" else "")
            regels.append(f"• {escape(it.item.tekst)}{wie}{wanneer}\n  [dim]{it.checklist} · {it.item.key}[/]")
        regels.append("")
        if voor is not None:
            regels.append(f"De casusregie start na het verkennend overleg en de instemming van een volwassene: "
                          f"[bold]ketencli dossier ico {d.id} --conclusie ...[/] en "
                          f"[bold]ketencli dossier instemming {d.id} LID[/].")
        else:
            regels.append(f"Doorloop een fase met [bold]ketencli stap {d.id} {o.huidige or 'horen'}[/], of vink af "
                          f"met [bold]ketencli stap {d.id} afvinken ITEM[/].")
        c.print(Panel("\n".join(regels), title="Wat nu", title_align="left"))


def _bijlagen(d: model.Dossier, o: stappen.Overzicht, op: date, alles: bool) -> Any:
    from rich.console import Group
    from rich.markup import escape
    from rich.padding import Padding

    delen: list[Any] = []
    for stand in o.bijlagen:
        naam = f"[bold]{stand.checklist.naam}[/]"
        if not stand.van_toepassing:
            tip = ""
            if stand.key == "bijlage-c":
                tip = f" Registreer er een met ketencli stap {d.id} dringende-maatregel --beslist-op DATUM."
            delen.append(f"{naam}: [dim]niet van toepassing ({escape(stand.reden)}).{tip}[/]")
            continue
        delen.append(f"{naam}: {stand.afgewerkt}/{len(stand.items)} afgewerkt")
        if stand.key == "bijlage-a":
            for lid_id, lid_naam in o.kinderen_12:
                eigen = stand.voor_lid(lid_id)
                lid = d.lid(lid_id)
                leeftijd = f", {lid.leeftijd(op)} jaar" if lid and lid.leeftijd(op) is not None else ""
                klaar = sum(1 for i in eigen if i.afgewerkt)
                delen.append(f"  • gesprek met {escape(lid_naam)} ({lid_id}{leeftijd}): {klaar}/{len(eigen)} — "
                             f"ketencli stap {d.id} bijlage-a --lid {lid_id}")
        elif stand.key == "bijlage-b":
            for it in stand.items:
                if it.item.key in stappen_herhalend():
                    delen.append(f"  • afstemming met de consulent (minstens elke drie maanden): "
                                 f"{_stand_tekst(it, op)}")
        elif stand.key == "bijlage-c":
            for m in d.dringende_maatregelen:
                aanvraag = m.aanvraag_versnelde_start
                delen.append(f"  • beslist op {m.beslist_op:%d/%m/%Y}" + (f" ({escape(m.tafel)})" if m.tafel else "")
                             + (f": {escape(m.maatregel)}" if m.maatregel else "")
                             + (f"; versnelde opstart gevraagd aan {escape(aanvraag.aan)}" if aanvraag.aan else
                                "; [yellow]versnelde opstart nog niet gevraagd[/]")
                             + (f" op {aanvraag.datum:%d/%m/%Y}" if aanvraag.datum else "")
                             + (f", cc {escape(aanvraag.cc)}" if aanvraag.cc else ""))
        elif stand.key == "bijlage-d":
            for g in o.gedetineerden:
                docs = " en ".join(f"ketencli doc {d.id} {soort} --lid {g.lid}" for soort in g.route.documenten)
                delen.append(f"  • {escape(g.naam)} ({g.lid}) — {escape(g.gevangenis)}: "
                             f"[bold]{escape(g.route.samenvatting)}[/] — {docs}")
                delen.append(Padding(escape(g.instructie), (0, 0, 0, 4)))
        if alles:
            delen.append(Padding(_itemtabel(d, stand.items, op, met_lid=stand.key == "bijlage-a"), (0, 0, 0, 2)))
    return Group(*delen)


def stappen_herhalend() -> frozenset[str]:
    from ketencli.methodiek import stappen

    return stappen.HERHALEND


# ---------------------------------------------------------------------------------------------
# ticking, skipping, reopening
# ---------------------------------------------------------------------------------------------


def registreer(d: model.Dossier, doel: stappen.Doel, status: str, datum: date, notitie: str = "",
               reden: str = "") -> str:
    """Record a tick or skip; returns "nieuw" or "bijgewerkt"."""
    from ketencli import model
    from ketencli.methodiek import stappen

    nieuw = model.StapRegistratie(item=doel.item.key, status=status, datum=datum, lid=doel.lid,
                                  notitie=notitie.strip(), reden=reden.strip())
    herhalend = doel.item.key in stappen.HERHALEND and status == "gedaan"
    weg = [s for s in d.stappen if s.item == doel.item.key and s.lid == doel.lid
           and (not herhalend or s.datum == datum or s.status != "gedaan")]
    d.stappen = [s for s in d.stappen if s not in weg] + [nieuw]
    return "bijgewerkt" if weg else "nieuw"


@app.command("afvinken")
def afvinken(
    dossier_id: str = ID_ARG,
    item: str = typer.Argument(..., metavar="ITEM", help="De sleutel van het item, bv. voorstellen-regisseur."),
    datum: str | None = typer.Option(None, "--datum", help="Wanneer het gebeurde (standaard: vandaag)."),
    notitie: str = typer.Option("", "--notitie", help="Een korte notitie."),
    lid: str | None = typer.Option(None, "--lid", help="Voor welk kind (bijlage A en 'kinderen-spreken'), bv. m3."),
) -> None:
    """Vink een item af als gedaan."""
    from ketencli import klok, store, ui

    vandaag = klok.vandaag()
    op = _datum(datum, "--datum", vandaag) or vandaag
    doel = _doel(store.laad(dossier_id), item, lid, vandaag)  # refuse before taking the lock
    with store.wijzig(dossier_id) as d:
        doel = _doel(d, item, lid, vandaag)
        wat = registreer(d, doel, "gedaan", op, notitie)
    voor = f" voor {doel.lid}" if doel.lid else ""
    ui.gelukt(f"{doel.item.key}{voor} afgevinkt op {op:%d/%m/%Y}" + (" (bijgewerkt)." if wat == "bijgewerkt" else "."))


@app.command("overslaan")
def overslaan(
    dossier_id: str = ID_ARG,
    item: str = typer.Argument(..., metavar="ITEM", help="De sleutel van het item."),
    reden: str = typer.Option(..., "--reden", help="Waarom je dit item overslaat (verplicht)."),
    datum: str | None = typer.Option(None, "--datum", help="Datum van de beslissing (standaard: vandaag)."),
    lid: str | None = typer.Option(None, "--lid", help="Voor welk kind (bijlage A), bv. m3."),
) -> None:
    """Sla een item over, met de reden."""
    from ketencli import klok, store, ui

    if not reden.strip():
        raise GebruiksFout("--reden mag niet leeg zijn: zeg kort waarom je dit item overslaat.")
    vandaag = klok.vandaag()
    op = _datum(datum, "--datum", vandaag) or vandaag
    _doel(store.laad(dossier_id), item, lid, vandaag)
    with store.wijzig(dossier_id) as d:
        doel = _doel(d, item, lid, vandaag)
        registreer(d, doel, "overgeslagen", op, reden=reden)
    voor = f" voor {doel.lid}" if doel.lid else ""
    ui.gelukt(f"{doel.item.key}{voor} overgeslagen ({reden.strip()}).")


@app.command("heropen")
def heropen(
    dossier_id: str = ID_ARG,
    item: str = typer.Argument(..., metavar="ITEM", help="De sleutel van het item."),
    lid: str | None = typer.Option(None, "--lid", help="Voor welk kind (bijlage A), bv. m3."),
) -> None:
    """Zet een afgevinkt of overgeslagen item weer open."""
    from ketencli import klok, store, ui
    from ketencli.methodiek import stappen

    vandaag = klok.vandaag()
    d = store.laad(dossier_id)
    doel = _doel(d, item, lid, vandaag)
    if not any(s.item == doel.item.key and s.lid == doel.lid for s in d.stappen):
        raise KetencliFout(f"{doel.item.key} stond niet afgevinkt of overgeslagen"
                           + (f" voor {doel.lid}" if doel.lid else "") + "; er is niets te heropenen.")
    with store.wijzig(dossier_id) as d:
        eigen = [s for s in d.stappen if s.item == doel.item.key and s.lid == doel.lid]
        weg = eigen[-1:] if doel.item.key in stappen.HERHALEND else eigen
        d.stappen = [s for s in d.stappen if s not in weg]
        store.historie(d, f"stap heropend: {doel.item.key}" + (f" ({doel.lid})" if doel.lid else ""))
        stand = next(i for i in stappen.evalueer(d, vandaag, woorden(d)).stand(doel.checklist.key).items
                     if i.item.key == doel.item.key and i.lid == doel.lid)
    ui.gelukt(f"{doel.item.key} staat weer open." if stand.status == "open" else
              f"Je registratie van {doel.item.key} is weg.")
    if stand.status == "afgeleid":
        ui.melding(f"Het item blijft voldaan door de gegevens in het dossier: {stand.afleiding.toelichting}.")


# ---------------------------------------------------------------------------------------------
# the interactive walk
# ---------------------------------------------------------------------------------------------


@app.command("doorloop")
def doorloop(
    dossier_id: str = ID_ARG,
    lijst: str = typer.Argument(..., metavar="FASE_OF_BIJLAGE",
                                help="horen, plan, opvolgen, loslaten, bijlage-a, bijlage-b, bijlage-c of bijlage-d."),
    lid: str | None = typer.Option(None, "--lid", help="Bijlage A: voor welk kind, bv. m3."),
    alles: bool = typer.Option(False, "--alles", help="Loop ook langs items die al afgewerkt zijn."),
    no_input: bool = typer.Option(False, "--no-input", help=NO_INPUT_HULP),
) -> None:
    """Doorloop een casusregiefase of bijlage met vragen: afvinken (met datum en notitie), overslaan
    (met reden) of open laten. Elk antwoord wordt meteen bewaard."""
    from rich.markup import escape
    from rich.padding import Padding

    from ketencli import klok, store, ui
    from ketencli.methodiek import checklists as cl
    from ketencli.methodiek import stappen

    gekozen = cl.checklist(lijst)
    if gekozen is None:
        nabij = cl.dichtste_checklists(lijst)
        acties = sorted(n for n in app_commandos() if n not in ("toon", "doorloop"))
        raise GebruiksFout(
            f"'{lijst}' is geen actie, casusregiefase of bijlage"
            + (f"; bedoel je {' of '.join(nabij)}?" if nabij else ".")
            + " Fasen: horen, plan, opvolgen, loslaten; bijlagen: bijlage-a tot bijlage-d; "
            f"acties: {', '.join(acties)}."
        )
    vandaag = klok.vandaag()
    d = store.laad(dossier_id)
    store.vereis_schrijfbaar(d)  # refuse a closed dossier before the first question
    stand = stappen.evalueer(d, vandaag, woorden(d)).stand(gekozen.key)
    if not stand.van_toepassing:
        raise KetencliFout(f"{gekozen.naam} is niet van toepassing in dossier {d.id}: {stand.reden}.")
    items = stand.items
    if lid is not None:
        if not any(i.lid == lid for i in items):
            kinderen_12 = ", ".join(k for k, _ in stappen.evalueer(d, vandaag, woorden(d)).kinderen_12) or "geen"
            raise GebruiksFout(f"--lid {lid}: in deze lijst zijn er geen items voor {lid}"
                               + (f" (kinderen van 12 of ouder: {kinderen_12})."
                                  if gekozen.key == "bijlage-a" else "; laat --lid weg."))
        items = tuple(i for i in items if i.lid == lid)
    ui.vereis_terminal(no_input, f"Vink af zonder vragen met `ketencli stap {d.id} afvinken ITEM` of "
                                 f"`ketencli stap {d.id} overslaan ITEM --reden ...`.")
    kinderen = sorted({i.lid for i in items if i.lid}, key=lambda x: [i.lid for i in items].index(x))
    if gekozen.key == "bijlage-a" and len(kinderen) > 1:
        kind = ui.keuze("Met welk kind voer je het gesprek?", [(k, lid_naam(d, k)) for k in kinderen])
        items = tuple(i for i in items if i.lid == kind)
    te_doen = [i for i in items if alles or i.status == "open"]
    c = ui.console()
    voor_kind = f" met {escape(lid_naam(d, items[0].lid))}" if gekozen.key == "bijlage-a" and items else ""
    c.print(f"[bold]{gekozen.naam}{voor_kind}[/] — dossier {d.id}: {sum(1 for i in items if i.afgewerkt)}/"
            f"{len(items)} afgewerkt, {len(te_doen)} te overlopen.")
    if gekozen.key == "bijlage-d":
        for g in stappen.evalueer(d, vandaag, woorden(d)).gedetineerden:
            c.print(f"\n[bold]{escape(g.naam)} ({g.lid}) — {escape(g.gevangenis)}[/]\n{escape(g.instructie)}")
    if not te_doen:
        c.print("Niets meer open. Met --alles loop je ook langs wat al afgewerkt is.")
        return
    c.print("[dim]Elk antwoord wordt meteen bewaard. Ctrl-C stopt (het lopende item blijft dan ongewijzigd).[/]")
    teller = {"gedaan": 0, "overgeslagen": 0, "open": 0, "heropend": 0}
    sectie = ""
    laatste_datum: date | None = None  # a talk happens on one day: the date typed once is the next default
    for nr, it in enumerate(te_doen, start=1):
        if it.item.sectie and it.item.sectie != sectie:
            sectie = it.item.sectie
            c.print(f"\n[bold underline]{sectie.capitalize().replace('-', ' ')}[/]")
        c.print()
        voor = f"  [cyan]voor {escape(lid_naam(d, it.lid))}[/]" if it.lid and gekozen.key != "bijlage-a" else ""
        c.print(f"[bold]{nr}/{len(te_doen)}[/] {escape(it.item.tekst)}{voor}")
        if it.item.hint:
            c.print(Padding(f"[dim]{escape(it.item.hint)}[/]", (0, 0, 0, 2)))
        if it.status != "open" or it.afleiding.toelichting or it.vervalt_op:
            extra = _stand_tekst(it, vandaag).removeprefix("open · ")
            c.print(Padding(f"Nu: {extra}", (0, 0, 0, 2)))
        opdracht = stappen.COMMANDO_VOOR_AFLEIDING.get(it.item.afleiding)
        if opdracht and it.status == "open" and it.item.afleiding not in stappen.KNELPUNT_AFLEIDINGEN:  # asked below
            c.print(Padding(f"[dim]Of vul het dossier aan: {opdracht.format(id=d.id, lid=it.lid)}[/]", (0, 0, 0, 2)))
        if it.item.afleiding in stappen.KNELPUNT_AFLEIDINGEN and it.status == "open":
            # issue 17: answered by noting the knelpunten (the item then follows from them) or an explicit "geen"
            try:
                gevolg = _knelpunten_vraag(d.id, stappen.Doel(gekozen, it.item, it.lid), vandaag)
            except Afgebroken:
                raise Afgebroken("Gestopt. Wat je al beantwoordde, is bewaard; dit item bleef ongewijzigd.") from None
            if gevolg == "stop":
                break
            if gevolg in teller:
                teller[gevolg] += 1
                continue
        keuzes = [("gedaan", "Afvinken: gedaan"), ("open", "Open laten"), ("overslaan", "Overslaan, met een reden")]
        if it.status in ("gedaan", "overgeslagen"):
            keuzes.append(("heropen", "Heropenen (je registratie wissen)"))
        keuzes.append(("stop", "Stoppen"))
        try:
            antwoord, antwoorden = _vraag_item(it, keuzes, vandaag, laatste_datum)
        except Afgebroken:
            raise Afgebroken("Gestopt. Wat je al beantwoordde, is bewaard; dit item bleef ongewijzigd.") from None
        if antwoord == "stop":
            break
        if antwoord == "open":
            teller["open"] += 1
            continue
        doel = stappen.Doel(gekozen, it.item, it.lid)
        with_store = antwoorden
        laatste_datum = antwoorden.get("datum", laatste_datum)
        with store.wijzig(d.id) as dd:
            if antwoord == "gedaan":
                registreer(dd, doel, "gedaan", with_store["datum"], with_store["notitie"])
                teller["gedaan"] += 1
            elif antwoord == "overslaan":
                registreer(dd, doel, "overgeslagen", vandaag, reden=with_store["reden"])
                teller["overgeslagen"] += 1
            else:
                dd.stappen = [s for s in dd.stappen if not (s.item == it.item.key and s.lid == it.lid)]
                store.historie(dd, f"stap heropend: {it.item.key}" + (f" ({it.lid})" if it.lid else ""))
                teller["heropend"] += 1
    c.print()
    ui.gelukt(f"{teller['gedaan']} afgevinkt, {teller['overgeslagen']} overgeslagen, {teller['open']} open gelaten"
              + (f", {teller['heropend']} heropend" if teller["heropend"] else "") + ".")
    c.print(f"Bekijk de stand met [bold]ketencli stap {d.id}[/].")


def _knelpunten_vraag(dossier_id: str, doel: stappen.Doel, vandaag: date) -> str:
    """Ask whether knelpunten arose (issue 17): note them now (the item then follows from them), tick "geen",
    or fall through to the usual choices ("anders"). Returns "gedaan", "open", "stop" or "anders"."""
    from ketencli import store, ui
    from ketencli.commands import knelpunt_invoer
    from ketencli.methodiek import stappen

    antwoord = ui.keuze("Waren er knelpunten in de keten?", [
        ("knelpunt", "Ja: nu noteren"), ("geen", "Nee, geen knelpunten (afvinken)"), ("open", "Open laten"),
        ("anders", "Iets anders (overslaan met een reden ...)"), ("stop", "Stoppen")], "knelpunt")
    if antwoord == "geen":
        with store.wijzig(dossier_id) as d:
            registreer(d, doel, "gedaan", vandaag, stappen.GEEN_KNELPUNTEN)
        return "gedaan"
    if antwoord != "knelpunt":
        return antwoord
    genoteerd = []
    while True:
        d = store.laad(dossier_id)
        bekend = knelpunt_invoer.categorieen_van(d)
        k = knelpunt_invoer.noteer(dossier_id, knelpunt_invoer.vraag(d, {}, bekend, vandaag))
        genoteerd.append(k.id)
        knelpunt_invoer.meld_genoteerd(d, k, bekend)
        if not ui.bevestig("Nog een knelpunt?", False):
            break
    with store.wijzig(dossier_id) as d:  # answered, whatever the knelpunten's dates
        registreer(d, doel, "gedaan", vandaag, f"knelpunten genoteerd: {', '.join(genoteerd)}")
    return "gedaan"


def _vraag_item(it: stappen.ItemStand, keuzes: list[tuple[str, str]], vandaag: date,
                laatste: date | None = None) -> tuple[str, dict[str, Any]]:
    from ketencli import ui

    antwoord = ui.keuze("Wat doe je?", keuzes, "open" if it.status != "open" else "gedaan")
    antwoorden: dict[str, Any] = {}
    if antwoord == "gedaan":
        eerder = it.datum if it.status == "gedaan" else laatste
        antwoorden["datum"] = ui.datum(f"Wanneer? (Enter = {(eerder or vandaag):%d/%m/%Y})", None,
                                       niet_na=vandaag) or eerder or vandaag
        antwoorden["notitie"] = ui.tekst("Notitie (Enter = geen):", it.notitie)
    elif antwoord == "overslaan":
        antwoorden["reden"] = ui.tekst("Waarom sla je dit over?", it.reden, verplicht=True)
    return antwoord, antwoorden


def app_commandos() -> list[str]:
    """The actions of `stap`: its own commands, and those in other modules that the command table hangs
    under it (veiligheidsplan, 458ter, dringende-maatregel; ``cli.COMMANDO_S``), as the running group has them."""
    from typer._click.globals import get_current_context

    eigen = [cmd.name or "" for cmd in app.registered_commands]
    ctx = get_current_context(silent=True)
    while ctx is not None and not isinstance(ctx.command, StapGroep):
        ctx = ctx.parent
    return list(dict.fromkeys([*eigen, *(ctx.command.commands if ctx is not None else ())]))
