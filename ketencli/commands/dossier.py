"""`ketencli dossier`: new, list, show. The other sub-commands have their own modules, loaded only when
they run (``cli.COMMANDO_S``): lid in ``lid``, instemming, ico and heropen in ``fase``, edit in ``bewerken``,
dienst and regisseur in ``betrokkenen``, aanmelding in ``aanmelding``, historiek and overdracht in ``team``."""

from __future__ import annotations

from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING, Any

import typer

from ketencli.commands.gezinsleden import vraag_lid
from ketencli.commands.opties import NO_INPUT_HULP, controleer_keuze, datum_optie, niet_leeg
from ketencli.commands.weergave import waarschuw_instemming
from ketencli.fouten import GebruiksFout
from ketencli.taal import aantal

if TYPE_CHECKING:
    from ketencli import model

app = typer.Typer(
    help="Dossiers: aanmaken, bekijken, bewerken, gezinsleden, diensten, instemming en regisseur.",
    no_args_is_help=True,
)



def _regio_keuzes() -> list[tuple[str, str]]:
    from ketencli import model

    return list(model.REGIO_NAMEN.items())


# ---------------------------------------------------------------------------------------------
# new
# ---------------------------------------------------------------------------------------------


@app.command("new")
def nieuw(
    van: Path | None = typer.Option(None, "--from", help="Importeer een dossier uit een YAML-bestand "
                                    "(zelfde vorm als een bewaard dossier; een vrij id uit het bestand blijft).",
                                    metavar="BESTAND"),
    regio: str | None = typer.Option(None, "--regio", help="co3-antwerpen, ifg-west-vlaanderen of leuven."),
    gezin: str | None = typer.Option(None, "--gezin", help="Naam van het gezin, bv. 'Peeters – Janssens'.",
                                     callback=niet_leeg),
    datum: str | None = typer.Option(None, "--datum", help="Datum van aanmelding (standaard: vandaag)."),
    organisatie: str | None = typer.Option(None, "--aanmelder-organisatie", help="Organisatie van de aanmelder."),
    persoon: str | None = typer.Option(None, "--aanmelder-persoon", help="Naam van de aanmelder."),
    contact: str | None = typer.Option(None, "--aanmelder-contact", help="Telefoon of e-mail van de aanmelder."),
    no_input: bool = typer.Option(False, "--no-input", help=NO_INPUT_HULP),
) -> None:
    """Maak een nieuw dossier: met vragen in de terminal (opties vullen antwoorden vooraf in), met opties
    en --no-input, of uit een bestand (--from)."""
    from ketencli import klok, store, ui

    if van is not None:
        if any(x is not None for x in (regio, gezin, datum, organisatie, persoon, contact)):
            raise GebruiksFout("Gebruik --from zonder de andere gegevensopties: alles komt uit het bestand.")
        ingelezen = store.lees_import(van)
        dossier = store.maak_nieuw(ingelezen.data, bron=str(van), gewenst_id=ingelezen.gegeven_id)
        if ingelezen.gegeven_id and ingelezen.gegeven_id != dossier.id:
            ui.melding(f"Het id {ingelezen.gegeven_id} uit het bestand is al in gebruik of geen geldig id: "
                       f"dit dossier kreeg {dossier.id}.")
        n = len(dossier.gezinsleden)
        ui.gelukt(f"Dossier {dossier.id} aangemaakt ({aantal(n, 'gezinslid', 'gezinsleden')}).")
        _waarschuw_zelfde_gezin(dossier)
        waarschuw_instemming(dossier)
        _toon_volgende_stap(dossier.id)
        return

    vandaag = klok.vandaag()
    aanmelddatum = datum_optie(datum, "--datum", niet_na=vandaag)
    if regio is not None:
        controleer_keuze(regio, dict(_regio_keuzes()), "--regio")
    eigen_regio = store.lees_profiel().regio  # the user's own region (`ketencli profiel --regio`)
    if (regio or eigen_regio) is not None and gezin and (no_input or not ui.heeft_terminal()):
        data: dict[str, Any] = {
            "regio": regio or eigen_regio, "gezin": gezin.strip(),
            "aanmelding": {"datum": aanmelddatum or vandaag,
                           "aanmelder": {"organisatie": organisatie or "", "persoon": persoon or "",
                                         "contact": contact or ""}},
        }
    else:
        ui.vereis_terminal(
            no_input,
            "Geef minstens --regio en --gezin, of importeer een bestand met --from BESTAND.",
        )
        data = _wizard_nieuw(regio, gezin, aanmelddatum or vandaag, organisatie, persoon, contact,
                             eigen_regio=eigen_regio)
        if data is None:
            ui.melding("Er werd geen dossier gemaakt.")
            raise typer.Exit(1)
    concept_klaar = data.pop("_concept_klaar", False)
    dossier = store.maak_nieuw(data)
    if concept_klaar:
        store.verwijder_concept(NIEUW_CONCEPT, "dossier")  # the draft became this dossier
    ui.gelukt(f"Dossier {dossier.id} aangemaakt.")
    _waarschuw_zelfde_gezin(dossier)
    _toon_volgende_stap(dossier.id)


def _waarschuw_zelfde_gezin(dossier: model.Dossier) -> None:
    """Issue 15 §5: members (name and birth date) that already appear in another dossier mean the
    family may be known; the new dossier stays (scripts go on), the user is told where to look."""
    from ketencli import index, ui
    from ketencli.methodiek.aanmelding import FASE_LABELS

    eigen = {k for lid in dossier.gezinsleden if (k := index.lid_sleutel(lid.naam, lid.geboortedatum))}
    if not eigen:
        return
    for ander in index.samenvattingen():
        gedeeld = len(eigen & set(ander.leden))
        if ander.id == dossier.id or not gedeeld:
            continue
        wie = "1 gezinslid staat" if gedeeld == 1 else f"{gedeeld} gezinsleden staan"
        ui.melding(
            f"Let op: {wie} (naam en geboortedatum) ook in dossier {ander.id} "
            f"(fase {FASE_LABELS.get(ander.fase, ander.fase)}). Is het hetzelfde gezin, werk dan verder in dat "
            f"dossier; is het afgerond of afgesloten, open het opnieuw met "
            f"`ketencli dossier heropen {ander.id} --reden \"...\"`. Dit nieuwe dossier {dossier.id} blijft bestaan."
        )


def _toon_volgende_stap(dossier_id: str) -> None:
    from ketencli import ui

    ui.console().print(f"Bekijk het met [bold]ketencli dossier show {dossier_id}[/].")


def _wizard_nieuw(regio: str | None, gezin: str | None, aanmelddatum: date, organisatie: str | None,
                  persoon: str | None, contact: str | None, *, eigen_regio: str | None = None
                  ) -> dict[str, Any] | None:
    """The questions of a new dossier. Ctrl-C (or 'Nee' at the end) keeps what was answered as a draft
    that the next `dossier new` offers to continue: nothing the user typed is thrown away."""
    from ketencli import store, ui
    from ketencli.fouten import Afgebroken

    concept = store.lees_concept(NIEUW_CONCEPT, "dossier") or {}
    vooraf: dict[str, Any] = {}
    if concept and ui.bevestig(
            f"Er is een onafgewerkt nieuw dossier ({concept.get('gezin') or 'zonder naam'}, "
            f"{aantal(len(concept.get('gezinsleden') or []), 'gezinslid', 'gezinsleden')}). Daar verdergaan?",
            standaard=True):
        vooraf = concept
    # a draft the user did not take stays as it is (never overwritten by a smaller one, never deleted)
    mag_bewaren = not concept or bool(vooraf)
    antwoorden: dict[str, Any] = {}
    try:
        data = _vraag_nieuw(antwoorden, vooraf, regio, gezin, aanmelddatum, organisatie, persoon, contact,
                            eigen_regio)
    except Afgebroken:
        if antwoorden and mag_bewaren:
            store.bewaar_concept(NIEUW_CONCEPT, "dossier", antwoorden)
            raise Afgebroken("Afgebroken: er werd geen dossier gemaakt, maar je antwoorden blijven als concept "
                             "klaar. `ketencli dossier new` biedt aan om verder te gaan.") from None
        raise
    if data is None:
        if mag_bewaren:
            store.bewaar_concept(NIEUW_CONCEPT, "dossier", antwoorden)
            ui.melding("Je antwoorden blijven als concept klaar: `ketencli dossier new` biedt aan om verder te "
                       "gaan.")
        return None
    if mag_bewaren:
        data["_concept_klaar"] = True  # the caller removes the draft once the dossier is saved
    return data


# the draft of a dossier that does not exist yet (``store.bewaar_concept``: concepten/nieuw-dossier.yaml)
NIEUW_CONCEPT = "nieuw"


def _vraag_nieuw(antwoorden: dict[str, Any], vooraf: dict[str, Any], regio: str | None, gezin: str | None,
                 aanmelddatum: date, organisatie: str | None, persoon: str | None, contact: str | None,
                 eigen_regio: str | None) -> dict[str, Any] | None:
    """Ask; every answer goes into ``antwoorden`` at once (the draft after Ctrl-C); ``vooraf`` holds the
    answers of a draft, offered as the defaults (members and services of the draft are kept)."""
    from ketencli import klok, planning, ui
    from ketencli.commands.betrokkenen import vraag_dienst
    from ketencli.methodiek import regios
    from ketencli.methodiek.aanmelding import AANMELDVRAGEN, wederkerige_relaties

    c = ui.console()
    c.print("[bold]Nieuw dossier[/] — Ctrl-C stopt; je antwoorden blijven dan als concept bewaard. Lege "
            "antwoorden mag je later aanvullen met [bold]ketencli dossier aanmelding[/].\n")
    vorige_aanmelding = vooraf.get("aanmelding") or {}
    if regio is None:  # the draft's, else the profile's region is the default answer
        regio = ui.keuze("In welke regio werk je?", _regio_keuzes(), vooraf.get("regio") or eigen_regio)
    antwoorden["regio"] = regio
    if not gezin:
        gezin = ui.tekst("Naam van het gezin (bv. 'Peeters – Janssens'):", vooraf.get("gezin") or "", verplicht=True)
    antwoorden["gezin"] = gezin
    vandaag = klok.vandaag()
    aanmelddatum = ui.datum("Datum van aanmelding:", vorige_aanmelding.get("datum") or aanmelddatum, verplicht=True,
                            niet_na=vandaag) or vandaag
    aanmelding: dict[str, Any] = {"datum": aanmelddatum, "aanmelder": {}}
    antwoorden["aanmelding"] = aanmelding
    c.print("\n[bold]Aanmelder[/]")
    vorige_aanmelder = vorige_aanmelding.get("aanmelder") or {}
    for sleutel, gegeven, vraag in (("organisatie", organisatie, "Organisatie van de aanmelder:"),
                                    ("persoon", persoon, "Naam van de aanmelder:"),
                                    ("contact", contact, "Telefoon of e-mail van de aanmelder:")):
        aanmelding["aanmelder"][sleutel] = gegeven if gegeven is not None else \
            ui.tekst(vraag, vorige_aanmelder.get(sleutel) or "")
    c.print("\n[bold]Aanmeldingsvragen[/] (uit de gids; Enter slaat een vraag over)")
    for vraag in AANMELDVRAGEN:
        aanmelding[vraag.key] = ui.tekst(vraag.vraag, vorige_aanmelding.get(vraag.key) or "",
                                         hint=regios.in_woorden(vraag.hint, planning.woorden(regio)))
    c.print("\n[bold]Gezinsleden[/]")
    leden: list[dict[str, Any]] = list(vooraf.get("gezinsleden") or [])
    antwoorden["gezinsleden"] = leden
    if leden:
        c.print("Uit het concept: " + ", ".join(str(lid.get("naam", "")) for lid in leden) + ".")
    while ui.bevestig("Een gezinslid toevoegen?", standaard=len(leden) < 2):
        leden.append(vraag_lid(leden, f"m{len(leden) + 1}"))
    c.print("\n[bold]Betrokken diensten[/] (ze bepalen onder meer bijlage B en D en wie acties begeleidt)")
    diensten: list[dict[str, Any]] = list(vooraf.get("betrokken_diensten") or [])
    antwoorden["betrokken_diensten"] = diensten
    while ui.bevestig("Een betrokken dienst toevoegen (bv. CAW, politie, OCJ)?" if not diensten
                      else "Nog een betrokken dienst toevoegen?", standaard=False):
        diensten.append({"id": f"d{len(diensten) + 1}", **vraag_dienst()})
    data = {"regio": regio, "gezin": gezin, "aanmelding": aanmelding, "gezinsleden": wederkerige_relaties(leden),
            "betrokken_diensten": diensten}
    c.print()
    c.print(f"[bold]Samenvatting:[/] {gezin} — {dict(_regio_keuzes())[regio]} — aangemeld op "
            f"{aanmelddatum:%d/%m/%Y} — {aantal(len(leden), 'gezinslid', 'gezinsleden')}, "
            f"{aantal(len(diensten), 'betrokken dienst', 'betrokken diensten')}.")
    if not ui.bevestig("Dit dossier bewaren?", standaard=True):
        return None
    return data


# ---------------------------------------------------------------------------------------------
# list and show
# ---------------------------------------------------------------------------------------------


@app.command("list")
def lijst(
    fase: str | None = typer.Option(None, "--fase", help="Toon alleen dossiers in deze fase."),
    regio: str | None = typer.Option(None, "--regio", help="Toon alleen dossiers van deze regio."),
    alle: bool = typer.Option(False, "--alle", help="Toon ook de afgesloten dossiers."),
    limiet: int | None = typer.Option(None, "--limit", min=1, metavar="N",
                                      help="Toon hoogstens N dossiers; onderaan staat hoeveel er niet getoond zijn."),
    als_json: bool = typer.Option(False, "--json", help="Schrijf JSON (een lijst) voor scripts."),
    heel_team: bool = typer.Option(False, "--team", help="In een team: ook de dossiers van je collega's."),
    regisseur: str | None = typer.Option(None, "--regisseur", metavar="NAAM",
                                         help="Alleen de dossiers van deze casusregisseur."),
) -> None:
    """Toon je dossiers als tabel (id, gezin, regio, fase, regisseur, aanmelddatum, volgende stap); de
    afgesloten dossiers alleen met --alle of --fase afgesloten. In een team standaard je eigen (en die
    zonder regisseur); --team toont alle, --regisseur NAAM die van een collega."""
    from ketencli import index, ui
    from ketencli.methodiek.aanmelding import FASE_LABELS

    if fase is not None:
        controleer_keuze(fase, FASE_LABELS, "--fase")
    if regio is not None:
        controleer_keuze(regio, dict(_regio_keuzes()), "--regio")
    from ketencli import weergavecache

    opties = (fase, regio, alle, limiet, heel_team, regisseur)
    bestanden = index.dossierbestanden()
    if not als_json and weergavecache.toon("dossier-list", opties, bestanden, modules=(__file__,)):
        return  # nothing it shows changed since the last time: the same table (issue 19)
    verborgen = 0  # afgesloten dossiers left out by default
    rijen = []
    alle_dossiers = index.samenvattingen(extra=False, bestanden=bestanden)
    zichtbaar = index.caseload(alle_dossiers, team=heel_team, regisseur=regisseur)
    for r in zichtbaar:
        if not r.fout and ((fase is not None and r.fase != fase) or (regio is not None and r.regio != regio)):
            continue
        if not r.fout and fase is None and not alle and r.fase == "afgesloten":
            verborgen += 1
            continue
        rijen.append(r)
    weggelaten = max(0, len(rijen) - limiet) if limiet is not None else 0
    getoond = rijen[:limiet] if limiet is not None else rijen
    tabel = None
    if als_json:
        ui.schrijf_json([
            {"id": r.id, "gezin": r.gezin, "regio": r.regio, "fase": r.fase, "regisseur": r.regisseur,
             "aanmeldingsdatum": r.aanmeldingsdatum.isoformat() if r.aanmeldingsdatum else None,
             "volgende": r.volgende, **({"fout": r.fout} if r.fout else {}),
             **({"conflicten": r.conflicten} if r.conflicten else {}),
             **({"vreemde_bestanden": r.vreemde_bestanden} if r.vreemde_bestanden else {})}
            for r in getoond
        ])
    elif not zichtbaar and (uitleg := index.caseload_leeg(alle_dossiers, regisseur=regisseur)):
        ui.console().print(uitleg, markup=False)
    elif not getoond:
        ui.console().print(
            ("Geen open dossiers gevonden." if verborgen else "Geen dossiers gevonden.")
            + ("" if fase or regio or verborgen else " Maak er een met [bold]ketencli dossier new[/]."))
    else:
        tabel = _lijst_tekst(getoond)
    if not als_json:
        tekst = (tabel or "") + _weggelaten_melding(len(getoond), weggelaten, verborgen)
        ui.schrijf(tekst)
        instellingen_fout = next((r.instellingen_fout for r in zichtbaar if r.instellingen_fout), None)
        if instellingen_fout:  # the same warning as `overzicht`; a listing that warned is never kept
            from ketencli.commands.weergave import waarschuw_regio_fout

            waarschuw_regio_fout(instellingen_fout)
        elif tabel is not None and not any(r.fout or r.vreemde_bestanden for r in getoond):
            from ketencli import klok

            weergavecache.bewaar("dossier-list", opties, bestanden, tekst,
                                 index.geldig_tot((i for r in getoond for i in r.vervaldata), klok.nu()),
                                 modules=(__file__,))
    for r in getoond:
        ui.meld_vreemde_bestanden(r.id, r.vreemde_bestanden)


def _lijst_tekst(rijen: list[Any]) -> str:
    """The table of ``dossier list`` (its text): in a narrow terminal (< 120 columns) the columns that tell what
    to do (id, gezin, fase, volgende); every cell but "volgende" on one line (shortened with …)."""
    from ketencli import klok, ui
    from ketencli.methodiek.aanmelding import FASE_LABELS

    breed = ui.terminalbreedte() >= 120
    koppen = ("id", "gezin", "regio", "fase", "regisseur", "aangemeld", "volgende") if breed else \
        ("id", "gezin", "fase", "volgende")
    kolommen = [ui.Kolom(k, min_breedte=20) if k == "volgende" else
                ui.Kolom(k, kort=True, max_breedte=None if k == "id" else 28, min_breedte=8) for k in koppen]
    nu = klok.nu()
    cellen, stijlen = [], []
    for r in rijen:
        if r.fout:
            cellen.append([r.id, "kan niet gelezen worden", *([""] * (len(koppen) - 3)), r.fout])
            stijlen.append([None, "red", *([None] * (len(koppen) - 3)), "red"])
            continue
        volgende, stijl = ui.vervaldatum(r.volgende, nu)
        rij = {"id": r.id + (" (conflict)" if r.conflicten else ""), "gezin": r.gezin, "regio": r.regio,
               "fase": FASE_LABELS.get(r.fase, r.fase),
               "regisseur": r.regisseur or "—",
               "aangemeld": f"{r.aanmeldingsdatum:%d/%m/%Y}" if r.aanmeldingsdatum else "—", "volgende": volgende}
        cellen.append([rij[k] for k in koppen])
        stijlen.append([*([None] * (len(koppen) - 1)), stijl])
    return ui.tabel_tekst("Dossiers", kolommen, cellen, stijlen=stijlen)


def _weggelaten_melding(getoond: int, weggelaten: int, verborgen: int) -> str:
    """After the table, like `gh`: how many were left out by --limit, and how many afgesloten ones."""
    tekst = ""
    if weggelaten:
        tekst += (f"{aantal(getoond, 'dossier', 'dossiers')} getoond; nog {weggelaten} niet getoond "
                  f"(--limit {getoond + weggelaten} toont ze allemaal).\n")
    if verborgen:
        tekst += (f"{aantal(verborgen, 'afgesloten dossier', 'afgesloten dossiers')} niet getoond "
                  "(--alle toont ook die).\n")
    return tekst


@app.command("show")
def toon(dossier_id: str = typer.Argument(..., metavar="ID", help="Het dossier-id, bv. 2026-001.")) -> None:
    """Toon een overzicht van het dossier: aanmelding, gezinsleden (+12, instemming), diensten."""
    from rich.markup import escape
    from rich.panel import Panel
    from rich.table import Table

    from ketencli import klok, planning, store, ui
    from ketencli.methodiek.aanmelding import AANMELDVRAGEN, FASE_LABELS, ICO_LABELS

    d = store.laad(dossier_id)
    vandaag = klok.vandaag()
    c = ui.console()
    kop = [
        f"[bold]{escape(d.gezin)}[/]  ·  {d.id}",
        f"Regio: {escape(planning.woorden(d.regio)['regio_naam'])}   Fase: [bold]{FASE_LABELS[d.fase]}[/]"
        + (f"   Casusregie sinds {d.casusregie_start:%d/%m/%Y}" if d.casusregie_start else ""),
    ]
    if d.casusregisseur.naam:
        kop.append(f"Casusregisseur: {escape(d.casusregisseur.naam)}"
                   + (f" ({escape(d.casusregisseur.organisatie)})" if d.casusregisseur.organisatie else ""))
    elif d.fase in ("casusregie", "afgerond"):
        kop.append(f"Casusregisseur: [yellow]nog niet vastgelegd[/] (`ketencli dossier regisseur {d.id} --naam ...`)")
    if d.ico:
        from ketencli import planning

        kop.append(f"{escape(planning.woorden(d.regio)['intake_kort'])} {d.ico.datum:%d/%m/%Y}: "
                   f"{ICO_LABELS[d.ico.conclusie]}")
    c.print(Panel("\n".join(kop), title="Dossier", title_align="left"))
    from ketencli.commands.weergave import conflict_paneel

    if (conflicten := conflict_paneel(d)) is not None:
        c.print(conflicten)

    a = d.aanmelding
    regels = []
    if a.datum:
        regels.append(f"Aangemeld op {a.datum:%d/%m/%Y}"
                      + (f" door {escape(a.aanmelder.persoon)}" if a.aanmelder.persoon else "")
                      + (f", {escape(a.aanmelder.organisatie)}" if a.aanmelder.organisatie else ""))
    for vraag in AANMELDVRAGEN:
        antwoord = getattr(a, vraag.key)
        if antwoord:
            regels.append(f"[bold]{vraag.vraag}[/]\n  {escape(antwoord)}")
    leeg = [v for v in AANMELDVRAGEN if not getattr(a, v.key)]
    if leeg:
        regels.append(f"[dim]{aantal(len(leeg), 'aanmeldingsvraag', 'aanmeldingsvragen')} nog niet beantwoord "
                      f"(`ketencli dossier aanmelding {d.id}`).[/]")
    c.print(Panel("\n".join(regels) or "[dim]Nog niets ingevuld.[/]", title="Aanmelding", title_align="left"))

    leden = Table(header_style="bold", expand=True)
    for kolom in ("id", "naam", "rollen", "leeftijd", "instemming", "opmerkingen"):
        leden.add_column(kolom)
    for lid in d.gezinsleden:
        leeftijd = lid.leeftijd(vandaag)
        tekst_leeftijd = "?" if leeftijd is None else str(leeftijd)
        if lid.is_kind_ouder_dan_12(vandaag):
            tekst_leeftijd += " [bold cyan](+12)[/]"
        if not lid.is_client:  # deceased: no age as if alive, no consent (new-user trial)
            tekst_leeftijd, instemming = f"overleden ({lid.overlijdensjaar})", "[dim]—[/]"
        elif lid.instemming is None:
            instemming = "[dim]nee[/]"
        elif lid.instemming.geweigerd:
            instemming = f"[red]geweigerd {lid.instemming.geweigerd:%d/%m/%Y}[/]"
        elif lid.instemming.ingetrokken:
            instemming = f"[red]ingetrokken {lid.instemming.ingetrokken:%d/%m/%Y}[/]"
        else:
            instemming = f"[green]ja, {lid.instemming.datum:%d/%m/%Y}[/]"
        leden.add_row(lid.id, escape(lid.naam), ", ".join(lid.rollen), tekst_leeftijd, instemming,
                      _opmerkingen(d, lid))
    plus12 = d.kinderen_ouder_dan_12(vandaag)
    onder = [f"Kinderen ouder dan 12 op {vandaag:%d/%m/%Y}: "
             + (", ".join(escape(k.naam) for k in plus12) if plus12 else "geen")]
    if not d.volwassen_instemming(vandaag):
        onder.append("[yellow]Nog geen volwassen gezinslid stemde in met casusregie.[/]")
    from rich.console import Group

    c.print(Panel(Group(leden, "\n".join(onder)), title="Gezinsleden", title_align="left"))

    if d.betrokken_diensten:
        diensten = Table(header_style="bold", expand=True)
        for kolom in ("id", "dienst", "soort", "contactpersoon", "rol"):
            diensten.add_column(kolom)
        for dienst in d.betrokken_diensten:
            diensten.add_row(dienst.id, escape(dienst.naam), dienst.soort,
                             escape(" ".join(x for x in (dienst.contactpersoon, dienst.contact) if x)),
                             escape(dienst.rol))
        c.print(Panel(diensten, title="Betrokken diensten", title_align="left"))
    if d.tijdlijn:
        laatste = sorted(d.tijdlijn, key=lambda t: t.datum)[-8:]
        tekst_tijdlijn = "\n".join(f"{t.datum:%d/%m/%Y}  {t.soort:<9} {escape(t.omschrijving)}" for t in laatste)
        if len(d.tijdlijn) > len(laatste):
            tekst_tijdlijn = f"[dim]… {len(d.tijdlijn) - len(laatste)} eerdere[/]\n" + tekst_tijdlijn
        c.print(Panel(tekst_tijdlijn, title="Tijdlijn", title_align="left"))
    if d.knelpunten:  # issue 17: the beleidssignalen of this dossier
        regels = [f"{k.id}  {k.datum:%d/%m/%Y}  {k.categorie} ({k.dienst})  {escape(k.omschrijving)}"
                  + ("  [dim]doorgegeven[/]" if k.doorgegeven else "") for k in d.knelpunten]
        c.print(Panel("\n".join(regels), title="Knelpunten", title_align="left"))
    from ketencli.commands.weergave import voortgang_paneel
    c.print(voortgang_paneel(d, vandaag))
    from ketencli import planning

    komend = planning.vervaldata(d, klok.nu())
    if komend:
        c.print(Panel("\n".join(ui.vervaldatum_tekst(v.naar_dict(), klok.nu()) for v in komend[:6]),
                      title="Wat komt eraan", title_align="left"))
    ui.meld_vreemde_bestanden(d.id, store.vreemde_bestanden(store.dossier_dir(d.id)))


def _opmerkingen(d: model.Dossier, lid: model.Gezinslid) -> str:
    from rich.markup import escape

    from ketencli.methodiek import gevangenissen
    from ketencli.methodiek.aanmelding import DETENTIE_LABELS, relatie_woorden

    delen = []
    for relatie in lid.relaties:
        ander = d.lid(relatie.met)
        uitleg = [x for x in ((relatie.vorm or "").replace("-", " "), relatie.toelichting) if x]
        delen.append(f"{relatie_woorden(relatie.soort, lid.geslacht)} {escape(ander.naam) if ander else relatie.met}"
                     + (f" ({escape('; '.join(uitleg))})" if uitleg else ""))
    if lid.detentie:
        g = gevangenissen.gevangenis(lid.detentie.gevangenis)
        naam = g.naam if g else lid.detentie.gevangenis
        delen.append(f"[magenta]gedetineerd: {DETENTIE_LABELS[lid.detentie.soort]}, {escape(naam)}"
                     + (" (Kempen)" if g and g.kempen else "") + "[/]")
    if lid.tijdelijk_niet_betrokken:
        delen.append(f"[yellow]tijdelijk niet betrokken: {escape(lid.tijdelijk_niet_betrokken.reden)}[/]")
    return "; ".join(delen)
