"""`ketencli pva`: show, check and profiles, and `pva edit` (the interactive editor, or the whole plan
from a file). The rows, actions and goals as sub-commands (`pva rij|actie|doel`) are in
``commands/pva_onderdelen.py``."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, Any

import typer

from ketencli.commands.opties import factor_optie, leden_optie
from ketencli.commands.weergave import STAVAZA_LABELS, toon_bevindingen
from ketencli.fouten import GebruiksFout, KetencliFout
from ketencli.taal import aantal

if TYPE_CHECKING:
    from ketencli import model

app = typer.Typer(help="Het plan van aanpak: tonen, controleren en bewerken.", no_args_is_help=True)


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
            leden_optie(d, rij.bij_wie, f"rij {rij.id}: bij_wie")
            factor_optie(rij.factor)
        except GebruiksFout as fout:  # the file is wrong, not the command line: exit 1
            raise KetencliFout(f"rij {rij.id}: {fout.melding}") from None
        if kijkschema.domein(rij.domein) is None:  # pragma: no cover - the model guards this
            raise KetencliFout(f"rij {rij.id}: onbekend domein {rij.domein}")
    ids = [r.id for r in plan.rijen]
    dubbel = sorted({i for i in ids if ids.count(i) > 1})
    if dubbel:
        raise KetencliFout(f"Rij-id's komen dubbel voor: {', '.join(dubbel)}.")
