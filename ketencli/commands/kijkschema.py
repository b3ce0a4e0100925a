"""`ketencli kijkschema`: invullen (a new dated snapshot), toon, vergelijk."""

from __future__ import annotations

from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING

import typer

from ketencli.commands.opties import datum_optie
from ketencli.commands.weergave import namen
from ketencli.fouten import GebruiksFout, KetencliFout
from ketencli.taal import aantal

if TYPE_CHECKING:
    from ketencli import model

app = typer.Typer(help="Het kijkschema: risico- en beschermende factoren per domein, gedateerd.",
                  no_args_is_help=True)

STAAT_LABELS = {"aanwezig": "aanwezig", "niet-aanwezig": "niet aanwezig", "onbekend": "onbekend – verder onderzoeken"}
SOORT_LABELS = {"risico": "risico", "beschermend": "beschermend"}




@app.command("invullen")
def invullen(
    dossier_id: str = typer.Argument(..., metavar="ID", help="Het dossier-id."),
    van: Path | None = typer.Option(None, "--from", metavar="BESTAND",
                                    help="Lees het kijkschema uit een YAML-bestand (datum, door, factoren)."),
    datum: str | None = typer.Option(None, "--datum", help="Datum van dit kijkschema (standaard: vandaag)."),
    factor: list[str] = typer.Option([], "--factor", metavar="FACTOR=STAAT", help=(
        "Een beoordeelde factor zonder vragen of bestand: FACTOR=STAAT[@LEDEN][:MOTIVERING], bv. "
        "geweld-eerder=aanwezig@m1:Eerdere pv's (staat: aanwezig, niet-aanwezig of onbekend; leden met "
        "komma's; de factoren: `ketencli kijkschema factoren`); herhaalbaar.")),
    door: str | None = typer.Option(None, "--door", help="Wie het kijkschema invulde (standaard: de casusregisseur)."),
    no_input: bool = typer.Option(False, "--no-input", help="Stel nooit een vraag."),
) -> None:
    """Vul een nieuw kijkschema in (het eerste is dat van de instroom en blijft altijd bewaard). Stop je
    met Ctrl-C, dan blijven je antwoorden als concept bewaard: de volgende keer kun je verdergaan."""
    from ketencli import klok, model, store, ui

    vandaag = klok.vandaag()
    op = datum_optie(datum, "--datum", niet_na=vandaag)
    if van is not None and factor:
        raise GebruiksFout("Geef de factoren met --from BESTAND of met --factor, niet allebei.")
    beoordelingen = [_factor_optie(x) for x in factor]
    moment = _lees_moment(van, op or vandaag) if van is not None else None
    if moment is not None and door is not None:
        moment = moment.model_copy(update={"door": door.strip()})
    if moment is None and not beoordelingen:
        ui.vereis_terminal(no_input, "Gebruik --from BESTAND of --factor om een kijkschema in te lezen.")
    with store.wijzig(dossier_id) as d:
        if beoordelingen:
            moment = model.KijkschemaMoment(datum=op or vandaag, factoren=beoordelingen,
                                            door=d.casusregisseur.naam if door is None else door.strip())
        if moment is None:
            moment = _vraag_kijkschema(d, op or vandaag, d.kijkschema_actueel, concept_van=d.id)
            if moment is None:
                raise KetencliFout("Er werd niets bewaard.")
        elif not _bevestig_lege_domeinen(moment, no_input or not ui.heeft_terminal()):
            raise KetencliFout("Er werd niets bewaard.")
        _controleer_leden(d, moment)
        if d.kijkschema and moment.datum < d.kijkschema[-1].datum:
            raise KetencliFout(f"Het laatste kijkschema is van {d.kijkschema[-1].datum:%d/%m/%Y}; een nieuw "
                               "kijkschema kan niet vroeger gedateerd zijn.",
                               tip=f"Verbeter een vroeger kijkschema met `ketencli kijkschema bewerk {d.id} "
                                   f"--moment DATUM`.")
        eerste = not d.kijkschema
        d.kijkschema = [*d.kijkschema, moment]
        store.historie(d, "kijkschema " + ("bij instroom" if eerste else "bijgewerkt") + f" ({moment.datum})")
    store.verwijder_concept(d.id, CONCEPT)
    ui.gelukt(f"Kijkschema van {moment.datum:%d/%m/%Y} bewaard"
              + (" als kijkschema bij instroom." if eerste else f" (update {len(d.kijkschema) - 1})."))


@app.command("bewerk")
def bewerk(
    dossier_id: str = typer.Argument(..., metavar="ID", help="Het dossier-id."),
    moment_tekst: str = typer.Option(..., "--moment", metavar="DATUM",
                                     help="Welk kijkschema: zijn datum (bv. 14/09/2026) of nummer (1 = instroom)."),
    van: Path | None = typer.Option(None, "--from", metavar="BESTAND",
                                    help="Lees de verbeterde factoren uit een YAML-bestand (door, factoren)."),
    no_input: bool = typer.Option(False, "--no-input", help="Stel nooit een vraag."),
) -> None:
    """Verbeter een bestaand kijkschema (ook dat van de instroom); de verbetering komt in de historiek."""
    from ketencli import store, ui

    with store.wijzig(dossier_id) as d:
        index = _kies_moment(d, moment_tekst)
        oud = d.kijkschema[index]
        if van is not None:
            nieuw = _lees_moment(van, oud.datum, vaste_datum=True)
            if not _bevestig_lege_domeinen(nieuw, no_input or not ui.heeft_terminal()):
                raise KetencliFout("Er werd niets bewaard.")
        else:
            ui.vereis_terminal(no_input, "Gebruik --from BESTAND om de verbeterde factoren in te lezen.")
            nieuw = _vraag_kijkschema(d, oud.datum, oud, concept_van=None)
            if nieuw is None:
                raise KetencliFout("Er werd niets bewaard.")
        if not nieuw.door:
            nieuw = nieuw.model_copy(update={"door": oud.door})
        _controleer_leden(d, nieuw)
        gewijzigd = _gewijzigde_factoren(oud, nieuw)
        if not gewijzigd:
            ui.melding("Geen wijzigingen: het kijkschema bleef zoals het was.")
            return
        d.kijkschema = [*d.kijkschema[:index], nieuw, *d.kijkschema[index + 1:]]
        welk = "bij instroom" if index == 0 else f"update {index}"
        store.historie(d, f"kijkschema van {oud.datum} ({welk}) verbeterd: {', '.join(gewijzigd)}")
    ui.gelukt(f"Kijkschema van {oud.datum:%d/%m/%Y} verbeterd ({aantal(len(gewijzigd), 'factor', 'factoren')} "
              "gewijzigd); het staat in de historiek.")


CONCEPT = "kijkschema"


def _factor_optie(waarde: str) -> model.FactorBeoordeling:
    """``FACTOR=STAAT[@LEDEN][:MOTIVERING]`` (the option form of one kijkschema line)."""
    from ketencli import model
    from ketencli.methodiek import kijkschema

    sleutel, is_, rest = waarde.partition("=")
    staat_deel, _, motivering = rest.partition(":")
    staat, _, wie = staat_deel.partition("@")
    gevonden = kijkschema.factor(sleutel)
    if not is_ or gevonden is None:
        nabij = kijkschema.dichtste_factoren(sleutel) if is_ else []
        raise GebruiksFout(f"--factor {waarde!r}: schrijf FACTOR=STAAT, bv. geweld-eerder=aanwezig@m1, met een "
                           "factor uit het kijkschema"
                           + (f" (bedoel je {' of '.join(nabij)}?)" if nabij else "") + ".",
                           tip="Alle factoren met hun naam: `ketencli kijkschema factoren`.")
    if staat.strip() not in STAAT_LABELS:
        raise GebruiksFout(f"--factor {waarde!r}: de staat is aanwezig, niet-aanwezig of onbekend.")
    return model.FactorBeoordeling(factor=gevonden.key, staat=staat.strip(),
                                   bij_wie=[x.strip() for x in wie.split(",") if x.strip()],
                                   motivering=motivering.strip())


def _bewaar_concept(dossier_id: str, op: date, bezocht: list[str], beoordelingen: list) -> None:
    from ketencli import store

    store.bewaar_concept(dossier_id, CONCEPT, {
        "datum": op, "bezocht": bezocht,
        "factoren": [b.model_dump(mode="python", exclude_defaults=True) for b in beoordelingen]})


def _lees_moment(van: Path, datum: date, *, vaste_datum: bool = False) -> model.KijkschemaMoment:
    """A kijkschema from a user's file; ``datum`` when the file has none (or always, to correct one)."""
    from ketencli import model, store

    data, tekst = store.lees_fragment(van)
    if isinstance(data, dict) and (vaste_datum or "datum" not in data):
        data = {**data, "datum": datum}
    return store.valideer_deel(model.KijkschemaMoment, data, tekst, str(van))


def _kies_moment(d: model.Dossier, tekst: str) -> int:
    """The index of the kijkschema meant by --moment: its date, or its number (1 = instroom)."""
    from ketencli import ui

    if not d.kijkschema:
        raise KetencliFout(f"Dossier {d.id} heeft nog geen kijkschema.",
                           tip=f"Vul het in met `ketencli kijkschema invullen {d.id}`.")
    momenten = ", ".join(f"{m.datum:%d/%m/%Y}" for m in d.kijkschema)
    if tekst.strip().isdigit():
        nummer = int(tekst)
        if not 1 <= nummer <= len(d.kijkschema):
            raise GebruiksFout(f"--moment {nummer} bestaat niet; de kijkschema's zijn van {momenten}.")
        return nummer - 1
    try:
        gezocht = ui.lees_datum(tekst, "verleden")
    except ValueError as fout:
        raise GebruiksFout(f"--moment {tekst.strip()!r}: die datum bestaat niet ({fout}).") from None
    for index, m in enumerate(d.kijkschema):
        if m.datum == gezocht:
            return index
    raise GebruiksFout(f"--moment {tekst.strip()!r}: er is geen kijkschema van die datum; de kijkschema's zijn "
                       f"van {momenten}.")


def _gewijzigde_factoren(oud: model.KijkschemaMoment, nieuw: model.KijkschemaMoment) -> list[str]:
    """The keys of factors whose scoring changed (added, removed or different)."""
    voor = {b.factor: b for b in oud.factoren}
    na = {b.factor: b for b in nieuw.factoren}
    return [k for k in dict.fromkeys([*voor, *na]) if voor.get(k) != na.get(k)]


def _bevestig_lege_domeinen(moment: model.KijkschemaMoment, zonder_vragen: bool) -> bool:
    """Issue 15 §4: a kijkschema with domains that have no scored factor is saved only after the
    user confirms it, with those domains named; without a terminal it is saved with that note."""
    from ketencli import ui
    from ketencli.methodiek import kijkschema

    leeg = kijkschema.lege_domeinen(moment)
    if not leeg:
        return True
    namen_ = ", ".join(x.naam.lower() for x in leeg)
    tekst = (f"In dit kijkschema {'is het domein' if len(leeg) == 1 else 'zijn de domeinen'} {namen_} nog "
             f"niet ingevuld.")
    if zonder_vragen:
        ui.melding(tekst + " Het wordt toch bewaard; vul later aan met `ketencli kijkschema bewerk`.")
        return True
    ui.melding(tekst)
    return ui.bevestig("Toch bewaren?", standaard=False)


def _controleer_leden(d: model.Dossier, moment: model.KijkschemaMoment) -> None:
    for b in moment.factoren:
        onbekend = [i for i in b.bij_wie if d.lid(i) is None]
        if onbekend:
            raise KetencliFout(
                f"Factor {b.factor}: '{onbekend[0]}' is geen gezinslid van dossier {d.id}.",
                tip=f"Leden: {', '.join(lid.id for lid in d.gezinsleden) or 'nog geen'}.",
            )


def _vraag_kijkschema(d: model.Dossier, op: date, vorig: model.KijkschemaMoment | None, *,
                      concept_van: str | None) -> model.KijkschemaMoment | None:
    """Ask the 40 factors domain by domain, with progress; answers from ``vorig`` are the defaults.
    With ``concept_van`` (a new kijkschema), Ctrl-C keeps the answers given so far as a draft, and a
    kept draft is offered to continue from."""
    from ketencli import model, store, ui
    from ketencli.fouten import Afgebroken
    from ketencli.methodiek import kijkschema

    c = ui.console()
    beoordelingen: list[model.FactorBeoordeling] = []
    bezocht: list[str] = []
    concept = store.lees_concept(concept_van, CONCEPT) if concept_van else None
    if concept and ui.bevestig(f"Er is een onafgewerkt kijkschema ({len(concept.get('bezocht') or [])} van "
                               f"{len(kijkschema.factoren())} factoren beantwoord). Daar verdergaan?",
                               standaard=True):
        try:
            beoordelingen = [model.FactorBeoordeling.model_validate(b) for b in concept.get("factoren") or []]
            bezocht = [str(k) for k in concept.get("bezocht") or []]
        except ValueError:
            beoordelingen, bezocht = [], []
    c.print(f"[bold]Kijkschema van {op:%d/%m/%Y}[/] — per domein, per factor. "
            + ("Je vorige antwoorden staan klaar als standaard. " if vorig else "")
            + ("Ctrl-C stopt; je antwoorden blijven dan als concept bewaard." if concept_van
               else "Ctrl-C stopt zonder te bewaren."))
    leden = [(lid.id, f"{lid.naam} ({lid.id})") for lid in d.gezinsleden]
    keuzes = [*STAAT_LABELS.items(), ("overslaan", "niet beoordeeld (overslaan)")]
    totaal = len(kijkschema.factoren())
    nummer = 0
    try:
        for i, domein in enumerate(kijkschema.DOMEINEN, 1):
            c.rule(f"[bold]{domein.naam}[/] (domein {i} van {len(kijkschema.DOMEINEN)})")
            c.print(f"[dim]{domein.uitleg}[/]")
            for factor in kijkschema.factoren(domein.key):
                nummer += 1
                if factor.key in bezocht:
                    continue
                eerder = vorig.beoordeling(factor.key) if vorig else None
                kleur = "red" if factor.soort == "risico" else "green"
                c.print(f"[dim]{nummer}/{totaal}[/] [{kleur}]{'Risico' if factor.soort == 'risico' else 'Beschermend'}:"
                        f"[/] {factor.label}")
                if factor.toelichting:
                    c.print(f"[dim]  {factor.toelichting}[/]")
                staat = ui.keuze("Staat:", keuzes, eerder.staat if eerder else "overslaan")
                if staat != "overslaan":
                    bij_wie: list[str] = []
                    if staat != "niet-aanwezig" and leden:
                        bij_wie = ui.meerdere("Bij wie?", leden, eerder.bij_wie if eerder else ())
                    motivering = ui.tekst("Motivering (mag leeg):", eerder.motivering if eerder else "")
                    beoordelingen.append(model.FactorBeoordeling(factor=factor.key, staat=staat, bij_wie=bij_wie,
                                                                 motivering=motivering))
                bezocht.append(factor.key)
    except Afgebroken:
        if concept_van and bezocht:
            _bewaar_concept(concept_van, op, bezocht, beoordelingen)
            antwoorden = aantal(len(bezocht), "antwoord blijft", "antwoorden blijven")
            raise Afgebroken(f"Afgebroken: het kijkschema werd niet bewaard, maar je {antwoorden} als concept "
                             f"klaar. `ketencli kijkschema invullen {concept_van}` biedt aan om verder te "
                             "gaan.") from None
        raise
    moment = model.KijkschemaMoment(datum=op, door=d.casusregisseur.naam, factoren=beoordelingen)
    leeg = kijkschema.lege_domeinen(moment)
    beoordeeld = aantal(len(beoordelingen), "factor", "factoren")
    vraag = f"Dit kijkschema bewaren ({beoordeeld} beoordeeld)?"
    if leeg:
        vraag = (f"Dit kijkschema bewaren ({beoordeeld} beoordeeld; nog leeg: "
                 f"{', '.join(x.naam.lower() for x in leeg)})?")
    if not ui.bevestig(vraag, standaard=True):
        if concept_van:  # nothing the user typed is thrown away
            _bewaar_concept(concept_van, op, bezocht, beoordelingen)
            ui.melding(f"Je antwoorden blijven als concept klaar: `ketencli kijkschema invullen {concept_van}` biedt "
                       "aan om verder te gaan.")
        return None
    return moment


@app.command("factoren")
def factoren() -> None:
    """Toon de 40 factoren van het kijkschema per domein, met de naam die je bij --factor gebruikt."""
    from rich.table import Table

    from ketencli import ui
    from ketencli.methodiek import kijkschema

    c = ui.console()
    for domein in kijkschema.DOMEINEN:
        tabel = Table(title=domein.naam, title_justify="left", title_style="bold", expand=True, header_style="bold")
        tabel.add_column("naam (voor --factor)", no_wrap=True)
        tabel.add_column("soort", no_wrap=True)
        tabel.add_column("factor")
        for f in kijkschema.factoren(domein.key):
            kleur = "red" if f.soort == "risico" else "green"
            tabel.add_row(f.key, f"[{kleur}]{SOORT_LABELS[f.soort]}[/]", f.label)
        c.print(tabel)


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
        tabel.add_column("soort", no_wrap=True)
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
