"""`ketencli kijkschema`: invullen (a new dated snapshot), toon, vergelijk."""

from __future__ import annotations

from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING

import typer

from ketencli.fouten import GebruiksFout, KetencliFout
from ketencli.taal import aantal

if TYPE_CHECKING:
    from ketencli import model

app = typer.Typer(help="Het kijkschema: risico- en beschermende factoren per domein, gedateerd.",
                  no_args_is_help=True)

STAAT_LABELS = {"aanwezig": "aanwezig", "niet-aanwezig": "niet aanwezig", "onbekend": "onbekend – verder onderzoeken"}
SOORT_LABELS = {"risico": "risico", "beschermend": "beschermend"}


def namen(d: model.Dossier, ids: list[str]) -> str:
    return ", ".join(lid.naam if (lid := d.lid(i)) else f"{i}?" for i in ids)


@app.command("invullen")
def invullen(
    dossier_id: str = typer.Argument(..., metavar="ID", help="Het dossier-id."),
    van: Path | None = typer.Option(None, "--from", metavar="BESTAND",
                                    help="Lees het kijkschema uit een YAML-bestand (datum, door, factoren)."),
    datum: str | None = typer.Option(None, "--datum", help="Datum van dit kijkschema (standaard: vandaag)."),
    no_input: bool = typer.Option(False, "--no-input", help="Stel nooit een vraag."),
) -> None:
    """Vul een nieuw kijkschema in (het eerste is dat van de instroom en blijft altijd bewaard)."""
    from ketencli import klok, model, store, ui
    from ketencli.commands.dossier import _datum_optie

    vandaag = klok.vandaag()
    op = _datum_optie(datum, "--datum", niet_na=vandaag)
    if van is not None:
        data, tekst = store.lees_fragment(van)
        if isinstance(data, dict) and op is not None:
            data = {**data, "datum": op}
        if isinstance(data, dict) and "datum" not in data:
            data = {**data, "datum": vandaag}
        moment = store.valideer_deel(model.KijkschemaMoment, data, tekst, str(van))
    else:
        ui.vereis_terminal(no_input, "Gebruik --from BESTAND om een kijkschema in te lezen.")
        moment = None
    with store.wijzig(dossier_id) as d:
        if moment is None:
            moment = _vraag_kijkschema(d, op or vandaag)
            if moment is None:
                raise KetencliFout("Er werd niets bewaard.")
        _controleer_leden(d, moment)
        if d.kijkschema and moment.datum < d.kijkschema[-1].datum:
            raise KetencliFout(f"Het laatste kijkschema is van {d.kijkschema[-1].datum:%d/%m/%Y}; een nieuw "
                               "kijkschema kan niet vroeger gedateerd zijn.")
        eerste = not d.kijkschema
        d.kijkschema = [*d.kijkschema, moment]
        store.historie(d, "kijkschema " + ("bij instroom" if eerste else "bijgewerkt") + f" ({moment.datum})")
    ui.gelukt(f"Kijkschema van {moment.datum:%d/%m/%Y} bewaard"
              + (" als kijkschema bij instroom." if eerste else f" (update {len(d.kijkschema) - 1})."))


def _controleer_leden(d: model.Dossier, moment: model.KijkschemaMoment) -> None:
    for b in moment.factoren:
        onbekend = [i for i in b.bij_wie if d.lid(i) is None]
        if onbekend:
            raise KetencliFout(
                f"Factor {b.factor}: '{onbekend[0]}' is geen gezinslid van dossier {d.id}.",
                tip=f"Leden: {', '.join(lid.id for lid in d.gezinsleden) or 'nog geen'}.",
            )


def _vraag_kijkschema(d: model.Dossier, op: date) -> model.KijkschemaMoment | None:
    from ketencli import model, ui
    from ketencli.methodiek import kijkschema

    c = ui.console()
    vorig = d.kijkschema_actueel
    c.print(f"[bold]Kijkschema van {op:%d/%m/%Y}[/] — per domein, per factor. "
            + ("Je vorige antwoorden staan klaar als standaard. " if vorig else "")
            + "Ctrl-C stopt zonder te bewaren.")
    leden = [(lid.id, f"{lid.naam} ({lid.id})") for lid in d.gezinsleden]
    keuzes = [*STAAT_LABELS.items(), ("overslaan", "niet beoordeeld (overslaan)")]
    beoordelingen = []
    for domein in kijkschema.DOMEINEN:
        c.rule(f"[bold]{domein.naam}[/]")
        c.print(f"[dim]{domein.uitleg}[/]")
        for factor in kijkschema.factoren(domein.key):
            eerder = vorig.beoordeling(factor.key) if vorig else None
            kleur = "red" if factor.soort == "risico" else "green"
            c.print(f"[{kleur}]{'Risico' if factor.soort == 'risico' else 'Beschermend'}:[/] {factor.label}")
            if factor.toelichting:
                c.print(f"[dim]  {factor.toelichting}[/]")
            staat = ui.keuze("Staat:", keuzes, eerder.staat if eerder else "overslaan")
            if staat == "overslaan":
                continue
            bij_wie: list[str] = []
            if staat != "niet-aanwezig" and leden:
                bij_wie = ui.meerdere("Bij wie?", leden, eerder.bij_wie if eerder else ())
            motivering = ui.tekst("Motivering (mag leeg):", eerder.motivering if eerder else "")
            beoordelingen.append(model.FactorBeoordeling(factor=factor.key, staat=staat, bij_wie=bij_wie,
                                                         motivering=motivering))
    beoordeeld = aantal(len(beoordelingen), "factor", "factoren")
    if not ui.bevestig(f"Dit kijkschema bewaren ({beoordeeld} beoordeeld)?", standaard=True):
        return None
    door = d.casusregisseur.naam
    return model.KijkschemaMoment(datum=op, door=door, factoren=beoordelingen)


@app.command("toon")
def toon(
    dossier_id: str = typer.Argument(..., metavar="ID", help="Het dossier-id."),
    moment: int | None = typer.Option(None, "--moment", help="Welk kijkschema: 1 = instroom (standaard: het laatste)."),
) -> None:
    """Toon het kijkschema per domein: risicofactoren in rood, beschermende in groen."""
    from rich.markup import escape
    from rich.table import Table

    from ketencli import store, ui
    from ketencli.methodiek import kijkschema

    d = store.laad(dossier_id)
    if not d.kijkschema:
        raise KetencliFout(f"Dossier {d.id} heeft nog geen kijkschema.",
                           tip=f"Vul het in met `ketencli kijkschema invullen {d.id}`.")
    if moment is not None and not 1 <= moment <= len(d.kijkschema):
        raise GebruiksFout(f"--moment {moment} bestaat niet; er zijn {len(d.kijkschema)} kijkschema's.")
    index = (moment or len(d.kijkschema)) - 1
    m = d.kijkschema[index]
    c = ui.console()
    soort = "bij instroom" if index == 0 else f"update {index}"
    c.print(f"[bold]Kijkschema {escape(d.gezin)}[/] — {m.datum:%d/%m/%Y} ({soort})"
            + (f", door {escape(m.door)}" if m.door else ""))
    for domein in kijkschema.DOMEINEN:
        tabel = Table(title=domein.naam, title_justify="left", title_style="bold", expand=True, header_style="bold")
        tabel.add_column("factor", ratio=4)
        # the kind in words too: without colour (NO_COLOR, a printout) risk and protection stay apart
        tabel.add_column("soort", ratio=2)
        tabel.add_column("staat", ratio=2)
        tabel.add_column("bij wie", ratio=2)
        tabel.add_column("motivering", ratio=4)
        for factor in kijkschema.factoren(domein.key):
            b = m.beoordeling(factor.key)
            kleur = "red" if factor.soort == "risico" else "green"
            staat = STAAT_LABELS[b.staat] if b else "[dim]niet beoordeeld[/]"
            if b and b.staat == "aanwezig":
                staat = f"[bold {kleur}]{staat}[/]"
            tabel.add_row(f"[{kleur}]{escape(factor.label)}[/]", f"[{kleur}]{SOORT_LABELS[factor.soort]}[/]", staat,
                          escape(namen(d, b.bij_wie)) if b else "", escape(b.motivering) if b else "")
        c.print(tabel)


@app.command("vergelijk")
def vergelijk(dossier_id: str = typer.Argument(..., metavar="ID", help="Het dossier-id.")) -> None:
    """Vergelijk het kijkschema bij instroom met het laatste: wat verdween, verminderde of kwam erbij."""
    from rich.markup import escape

    from ketencli import store, ui
    from ketencli.methodiek import kijkschema, pva_regels

    d = store.laad(dossier_id)
    if len(d.kijkschema) < 2:
        ui.console().print("Er is nog maar " + ("één kijkschema" if d.kijkschema else "geen kijkschema")
                           + f": vergelijken kan vanaf een tweede (`ketencli kijkschema invullen {d.id}`).")
        return
    eerste, laatste = d.kijkschema[0], d.kijkschema[-1]
    verschillen = pva_regels.vergelijk(eerste, laatste)
    c = ui.console()
    c.print(f"[bold]Kijkschema bij instroom ({eerste.datum:%d/%m/%Y}) tegenover {laatste.datum:%d/%m/%Y}[/]")
    koppen = {
        "risico-weg": ("Risicofactoren die wegvielen", "green"),
        "risico-minder": ("Risicofactoren die verminderden (minder personen)", "green"),
        "beschermend-nieuw": ("Beschermende factoren die erbij kwamen", "green"),
        "risico-nieuw": ("Nieuwe risicofactoren", "red"),
        "beschermend-weg": ("Beschermende factoren die wegvielen", "red"),
    }
    if not verschillen:
        c.print("Geen verschillen tussen beide kijkschema's.")
    for soort, (kop, kleur) in koppen.items():
        lijst = [v for v in verschillen if v.soort == soort]
        if not lijst:
            continue
        c.print(f"\n[bold {kleur}]{kop}[/]")
        for v in lijst:
            factor = kijkschema.factor(v.factor)
            extra = f" (was bij {namen(d, v.van.split(', '))}, nu bij {namen(d, v.naar.split(', '))})" \
                if soort == "risico-minder" else ""
            c.print(f"  • {escape(factor.label if factor else v.factor)}{escape(extra)}")
