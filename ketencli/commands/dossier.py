"""`ketencli dossier`: new, list, show, lid, instemming, ico, heropen (edit is in ``bewerken``, dienst and
regisseur in ``betrokkenen``)."""

from __future__ import annotations

from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING, Any

import typer

from ketencli.commands.opties import controleer_keuze, datum_optie, niet_leeg
from ketencli.commands.weergave import waarschuw_instemming
from ketencli.fouten import GebruiksFout, KetencliFout
from ketencli.taal import aantal

if TYPE_CHECKING:
    from ketencli import model

app = typer.Typer(
    help="Dossiers: aanmaken, bekijken, bewerken, gezinsleden, diensten, instemming en regisseur.",
    no_args_is_help=True,
)

NO_INPUT_HULP = "Stel nooit een vraag; ontbreekt er iets, dan stopt het commando met een melding."


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
        leden.append(_vraag_lid(leden, f"m{len(leden) + 1}"))
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


def _vraag_lid(bestaande: list[dict[str, Any]], lid_id: str, huidig: dict[str, Any] | None = None
               ) -> dict[str, Any]:
    """Ask for one member; ``bestaande`` are the other members (dicts with id and naam)."""
    from ketencli import klok, model, ui
    from ketencli.methodiek import gevangenissen
    from ketencli.methodiek.aanmelding import (
        DETENTIE_LABELS,
        GESLACHT_LABELS,
        RELATIE_LABELS,
        ROL_LABELS,
        VORM_LABELS,
        relatie_woorden,
    )

    huidig = huidig or {}
    lid: dict[str, Any] = {"id": lid_id}
    lid["naam"] = ui.tekst("Naam:", huidig.get("naam", ""), verplicht=True)
    lid["rollen"] = ui.meerdere(
        f"Rol van {lid['naam']} (iemand kan slachtoffer én pleger zijn):", list(ROL_LABELS.items()),
        huidig.get("rollen", ()), minstens_een=True,
    )
    lid["geslacht"] = ui.keuze(f"Geslacht van {lid['naam']} (voor het genogram):", list(GESLACHT_LABELS.items()),
                               huidig.get("geslacht", "onbekend"))
    geboren = ui.datum("Geboortedatum (leeg als onbekend):", huidig.get("geboortedatum"),
                       niet_na=klok.vandaag())
    if geboren:
        lid["geboortedatum"] = geboren
    relaties = [r for r in huidig.get("relaties", []) if r["met"] not in {a["id"] for a in bestaande}]
    for ander in bestaande:
        vorige = next((r["soort"] for r in huidig.get("relaties", []) if r["met"] == ander["id"]), "geen")
        soort = ui.keuze(
            f"{lid['naam']} is … {ander['naam']}",
            [*[(k, f"{relatie_woorden(k, lid['geslacht'])} {ander['naam']}") for k in RELATIE_LABELS],
             ("geen", "geen relatie opgeven")],
            vorige,
        )
        if soort != "geen":
            relatie = {"met": ander["id"], "soort": soort}
            if soort in model.VORMEN_PER_SOORT:  # for the genogram's partner line (issue 16)
                vormen = model.VORMEN_PER_SOORT[soort]
                oud = next((r.get("vorm") for r in huidig.get("relaties", []) if r["met"] == ander["id"]), None)
                vorm = ui.keuze(f"{lid['naam']} en {ander['naam']}:",
                                [*[(v, VORM_LABELS[v]) for v in vormen], ("onbekend", "weet ik niet")],
                                oud if oud in vormen else "onbekend")
                if vorm != "onbekend":
                    relatie["vorm"] = vorm
            relaties.append(relatie)
    if relaties:
        lid["relaties"] = relaties
    # asked for plegers only, to keep the wizard short; others via `dossier lid edit --gevangenis`
    opgesloten = ("pleger" in lid["rollen"] or "detentie" in huidig) and ui.bevestig(
        f"Zit {lid['naam']} in de gevangenis?", standaard="detentie" in huidig)
    if opgesloten:
        oud = huidig.get("detentie", {})
        keuzes = [(g.key, g.naam + (" (Kempen)" if g.kempen else "")) for g in gevangenissen.GEVANGENISSEN]
        lid["detentie"] = {
            "gevangenis": ui.keuze("Welke gevangenis?", keuzes, oud.get("gevangenis")),
            "soort": ui.keuze("Voorlopige hechtenis of veroordeeld?", list(DETENTIE_LABELS.items()),
                              oud.get("soort")),
        }
        sinds = ui.datum("Sinds (leeg als onbekend):", oud.get("sinds"), niet_na=klok.vandaag())
        if sinds:
            lid["detentie"]["sinds"] = sinds
    for sleutel in ("instemming", "tijdelijk_niet_betrokken", "notitie", "overleden", "huishouden"):
        if sleutel in huidig:
            lid[sleutel] = huidig[sleutel]
    return lid


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
        if tabel is not None and not any(r.fout or r.vreemde_bestanden for r in getoond):
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
    vandaag = klok.vandaag()
    cellen, stijlen = [], []
    for r in rijen:
        if r.fout:
            cellen.append([r.id, "kan niet gelezen worden", *([""] * (len(koppen) - 3)), r.fout])
            stijlen.append([None, "red", *([None] * (len(koppen) - 3)), "red"])
            continue
        volgende, stijl = ui.vervaldatum(r.volgende, vandaag)
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
        if lid.instemming is None:
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
        c.print(Panel("\n".join(ui.vervaldatum_tekst(v.naar_dict(), vandaag) for v in komend[:6]),
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


# ---------------------------------------------------------------------------------------------
# members and consent
# ---------------------------------------------------------------------------------------------

lid_app = typer.Typer(help="Gezinsleden toevoegen of wijzigen.", no_args_is_help=True)
app.add_typer(lid_app, name="lid")


def _relaties_uit_opties(waarden: list[str], d: model.Dossier, eigen_id: str) -> list[dict[str, Any]]:
    from ketencli.methodiek.aanmelding import RELATIE_LABELS, SOORT_VAN_VORM

    relaties = []
    for waarde in waarden:
        # LID:SOORT[:SINDS[:TOELICHTING]]; the explanation is free text and may hold colons itself
        delen = waarde.split(":", 3)
        met, soort, rest = delen[0], (delen[1] if len(delen) > 1 else ""), delen[2:]
        if not soort:
            raise GebruiksFout(f"--relatie {waarde!r}: schrijf LID:SOORT, bv. m1:partner.")
        vorm = None
        if soort in SOORT_VAN_VORM:  # m1:gescheiden = an ex-partner, divorced (issue 16)
            soort, vorm = SOORT_VAN_VORM[soort], soort
        controleer_keuze(soort, {**RELATIE_LABELS, **SOORT_VAN_VORM}, "--relatie")
        if d.lid(met) is None or met == eigen_id:
            raise GebruiksFout(f"--relatie {waarde!r}: lid {met} bestaat niet in dit dossier "
                               f"(leden: {', '.join(lid.id for lid in d.gezinsleden) or 'geen'}).")
        relatie: dict[str, Any] = {"met": met, "soort": soort}
        if vorm:
            relatie["vorm"] = vorm
        if rest and rest[0].strip():
            relatie["sinds"] = datum_optie(rest[0], "--relatie … SINDS", richting="verleden")
        if len(rest) > 1 and rest[1].strip():
            relatie["toelichting"] = rest[1].strip()
        relaties.append(relatie)
    return relaties


def _lid_uit_opties(d: model.Dossier, basis: dict[str, Any], naam: str | None, rollen: list[str],
                    geboortedatum: str | None, relaties: list[str], gevangenis: str | None,
                    detentie_soort: str | None, detentie_sinds: str | None,
                    notitie: str | None = None, genogram: tuple[str | None, str | None, str | None] = (None, None, None)
                    ) -> dict[str, Any]:
    from ketencli import klok
    from ketencli.methodiek import gevangenissen
    from ketencli.methodiek.aanmelding import DETENTIE_LABELS, GESLACHT_LABELS, ROL_LABELS

    lid = dict(basis)
    if naam is not None:
        lid["naam"] = naam.strip()
    if rollen:
        lid["rollen"] = [controleer_keuze(r, ROL_LABELS, "--rol") for r in rollen]
    if geboortedatum is not None:
        lid["geboortedatum"] = datum_optie(geboortedatum, "--geboortedatum", niet_na=klok.vandaag(),
                                           jaar_verplicht=True)
    if relaties:
        nieuwe = _relaties_uit_opties(relaties, d, lid["id"])
        vervangen = {r["met"] for r in nieuwe}
        lid["relaties"] = [r for r in lid.get("relaties", []) if r["met"] not in vervangen] + nieuwe
    if gevangenis is not None:
        if gevangenis == "geen":
            lid.pop("detentie", None)
        else:
            if gevangenissen.gevangenis(gevangenis) is None:
                nabij = gevangenissen.dichtste_gevangenissen(gevangenis)
                raise GebruiksFout(f"--gevangenis {gevangenis!r} ken ik niet"
                                   + (f"; bedoel je {' of '.join(nabij)}?" if nabij else ".")
                                   + " (geen = niet meer in de gevangenis)")
            lid["detentie"] = {**lid.get("detentie", {}), "gevangenis": gevangenis}
    if detentie_soort is not None or detentie_sinds is not None:
        if "detentie" not in lid:
            raise GebruiksFout("Geef ook --gevangenis om een detentie te registreren.")
        if detentie_soort is not None:
            lid["detentie"]["soort"] = controleer_keuze(detentie_soort, DETENTIE_LABELS, "--detentie")
        if detentie_sinds is not None:
            lid["detentie"]["sinds"] = datum_optie(detentie_sinds, "--detentie-sinds", niet_na=klok.vandaag())
    if notitie is not None:
        lid["notitie"] = notitie.strip()
    geslacht, overleden, huishouden = genogram
    if geslacht is not None:
        lid["geslacht"] = controleer_keuze(geslacht, GESLACHT_LABELS, "--geslacht")
    if overleden is not None:
        lid["overleden"] = _overleden_optie(overleden)
    if huishouden is not None:
        if huishouden.strip() in ("", "geen"):
            lid.pop("huishouden", None)
        else:
            lid["huishouden"] = huishouden.strip()
    if "detentie" in lid and "soort" not in lid["detentie"]:
        raise GebruiksFout("Geef bij --gevangenis ook --detentie voorlopige-hechtenis of veroordeeld.")
    return {k: v for k, v in lid.items() if v is not None}


def _overleden_optie(tekst: str) -> Any:
    """``--overleden``: a year (2019) or a date; 'geen' clears it."""
    from ketencli import klok

    tekst = tekst.strip()
    if tekst == "geen":
        return None
    if tekst.isdigit() and len(tekst) == 4:
        if not 1850 <= int(tekst) <= klok.vandaag().year:
            raise GebruiksFout(f"--overleden {tekst}: dat jaar kan niet; geef een jaar tot {klok.vandaag().year}.")
        return int(tekst)
    return datum_optie(tekst, "--overleden", niet_na=klok.vandaag())


def _wederkerig(d: model.Dossier, lid_id: str) -> None:
    """Record each of the member's relations from the other side too, when that side is silent."""
    from ketencli import model
    from ketencli.methodiek.aanmelding import wederkerige_relaties

    leden = wederkerige_relaties([lid.model_dump(exclude_none=True) for lid in d.gezinsleden], lid_id)
    d.gezinsleden = [model.Gezinslid.model_validate(lid) for lid in leden]


_LID_OPTIES_HULP = {
    "rol": "slachtoffer, pleger, kind of ander; herhaal voor meer rollen.",
    "relatie": "LID:SOORT, bv. m1:partner (partner, ex-partner, ouder-van, kind-van, broer-zus, "
               "grootouder-van, kleinkind-van, ander; voor het genogram mag een partner ook gehuwd of "
               "samenwonend zijn, een ex-partner uit-elkaar of gescheiden), eventueel met :SINDS en "
               ":TOELICHTING, bv. 'm1:gehuwd:2009-08-22'; herhaalbaar.",
    "notitie": "Een korte notitie over dit gezinslid (werk, netwerk, wat opvalt).",
    "gevangenis": "Sleutel van de gevangenis (bv. brugge, turnhout); 'geen' haalt de detentie weg.",
    "geslacht": "man, vrouw, x of onbekend (voor het genogram; standaard onbekend).",
    "overleden": "Jaar of datum van overlijden, bv. 2019 of 2019-03-01 (voor het genogram); 'geen' wist het.",
    "huishouden": "Wie samenwoont, krijgt hetzelfde label (bv. h1): het genogram omcirkelt hen met een "
                  "stippellijn; 'geen' wist het.",
}


@lid_app.command("add")
def lid_toevoegen(
    dossier_id: str = typer.Argument(..., metavar="ID", help="Het dossier-id."),
    naam: str | None = typer.Option(None, "--naam", help="Naam van het gezinslid.", callback=niet_leeg),
    rol: list[str] = typer.Option([], "--rol", help=_LID_OPTIES_HULP["rol"]),
    geboortedatum: str | None = typer.Option(None, "--geboortedatum", help="bv. 2012-05-14."),
    relatie: list[str] = typer.Option([], "--relatie", help=_LID_OPTIES_HULP["relatie"]),
    gevangenis: str | None = typer.Option(None, "--gevangenis", help=_LID_OPTIES_HULP["gevangenis"]),
    detentie: str | None = typer.Option(None, "--detentie", help="voorlopige-hechtenis of veroordeeld."),
    detentie_sinds: str | None = typer.Option(None, "--detentie-sinds", help="Datum van opsluiting."),
    notitie: str | None = typer.Option(None, "--notitie", help=_LID_OPTIES_HULP["notitie"]),
    geslacht: str | None = typer.Option(None, "--geslacht", help=_LID_OPTIES_HULP["geslacht"]),
    overleden: str | None = typer.Option(None, "--overleden", metavar="JAAR|DATUM", help=_LID_OPTIES_HULP["overleden"]),
    huishouden: str | None = typer.Option(None, "--huishouden", metavar="LABEL", help=_LID_OPTIES_HULP["huishouden"]),
    no_input: bool = typer.Option(False, "--no-input", help=NO_INPUT_HULP),
) -> None:
    """Voeg een gezinslid toe (met vragen, of met --naam en --rol)."""
    from ketencli import model, store, ui

    with store.wijzig(dossier_id) as d:
        lid_id = d.volgend_lid_id()
        if naam and rol:
            gegevens = _lid_uit_opties(d, {"id": lid_id}, naam, rol, geboortedatum, relatie, gevangenis,
                                       detentie, detentie_sinds, notitie, (geslacht, overleden, huishouden))
        else:
            ui.vereis_terminal(no_input, "Geef minstens --naam en --rol.")
            gegevens = _vraag_lid([{"id": x.id, "naam": x.naam} for x in d.gezinsleden], lid_id)
        d.gezinsleden = [*d.gezinsleden, model.Gezinslid.model_validate(gegevens)]
        _wederkerig(d, lid_id)
        d.__class__.model_validate(d.model_dump())  # relation targets and duplicates
    ui.gelukt(f"Gezinslid {lid_id} toegevoegd aan dossier {dossier_id}.")


@lid_app.command("edit")
def lid_wijzigen(
    dossier_id: str = typer.Argument(..., metavar="ID", help="Het dossier-id."),
    lid_id: str = typer.Argument(..., metavar="LID", help="Het id van het gezinslid, bv. m2."),
    naam: str | None = typer.Option(None, "--naam", help="Nieuwe naam.", callback=niet_leeg),
    rol: list[str] = typer.Option([], "--rol", help="Vervangt de rollen; " + _LID_OPTIES_HULP["rol"]),
    geboortedatum: str | None = typer.Option(None, "--geboortedatum", help="bv. 2012-05-14."),
    relatie: list[str] = typer.Option([], "--relatie", help=_LID_OPTIES_HULP["relatie"]),
    gevangenis: str | None = typer.Option(None, "--gevangenis", help=_LID_OPTIES_HULP["gevangenis"]),
    detentie: str | None = typer.Option(None, "--detentie", help="voorlopige-hechtenis of veroordeeld."),
    detentie_sinds: str | None = typer.Option(None, "--detentie-sinds", help="Datum van opsluiting."),
    niet_betrokken: str | None = typer.Option(
        None, "--niet-betrokken", metavar="REDEN",
        help="Betrek dit lid tijdelijk niet (bv. wanneer dat het geweld zou doen escaleren), met de reden."),
    wel_betrokken: bool = typer.Option(False, "--wel-betrokken", help="Betrek dit lid weer."),
    notitie: str | None = typer.Option(None, "--notitie", help=_LID_OPTIES_HULP["notitie"]),
    geslacht: str | None = typer.Option(None, "--geslacht", help=_LID_OPTIES_HULP["geslacht"]),
    overleden: str | None = typer.Option(None, "--overleden", metavar="JAAR|DATUM", help=_LID_OPTIES_HULP["overleden"]),
    huishouden: str | None = typer.Option(None, "--huishouden", metavar="LABEL", help=_LID_OPTIES_HULP["huishouden"]),
    no_input: bool = typer.Option(False, "--no-input", help=NO_INPUT_HULP),
) -> None:
    """Wijzig een gezinslid (met vragen, of alleen de opties die je geeft)."""
    from ketencli import klok, model, store, ui

    if niet_betrokken is not None and wel_betrokken:
        raise GebruiksFout("Kies --niet-betrokken of --wel-betrokken, niet allebei.")
    with store.wijzig(dossier_id) as d:
        lid = _vind_lid(d, lid_id)
        huidig = lid.model_dump(exclude_none=True)
        opties = (naam, geboortedatum, gevangenis, detentie, detentie_sinds, niet_betrokken, notitie, geslacht,
                  overleden, huishouden)
        if any(x is not None for x in opties) or rol or relatie or wel_betrokken:
            gegevens = _lid_uit_opties(d, huidig, naam, rol, geboortedatum, relatie, gevangenis, detentie,
                                       detentie_sinds, notitie, (geslacht, overleden, huishouden))
            if niet_betrokken is not None:
                if not niet_betrokken.strip():
                    raise GebruiksFout("--niet-betrokken heeft een reden nodig.")
                gegevens["tijdelijk_niet_betrokken"] = {"reden": niet_betrokken.strip(), "sinds": klok.vandaag()}
            if wel_betrokken:
                gegevens.pop("tijdelijk_niet_betrokken", None)
        else:
            ui.vereis_terminal(no_input, "Geef de opties die je wilt wijzigen, bv. --naam of --rol.")
            anderen = [{"id": x.id, "naam": x.naam} for x in d.gezinsleden if x.id != lid_id]
            gegevens = _vraag_lid(anderen, lid_id, huidig)
        nieuw = model.Gezinslid.model_validate(gegevens)
        d.gezinsleden = [nieuw if x.id == lid_id else x for x in d.gezinsleden]
        _wederkerig(d, lid_id)
        d.__class__.model_validate(d.model_dump())
        nieuwe_fase = _start_na_instemming(d, klok.vandaag(), f"gegevens van {lid_id} verbeterd")
    ui.gelukt(f"Gezinslid {lid_id} gewijzigd.")
    if nieuwe_fase is not None:
        ui.gelukt(f"Een volwassene stemde in: de casusregie start op {d.casusregie_start:%d/%m/%Y} "
                  "(fase nu: casusregie).")


def _vind_lid(d: model.Dossier, lid_id: str) -> model.Gezinslid:
    lid = d.lid(lid_id)
    if lid is None:
        raise KetencliFout(
            f"Gezinslid '{lid_id}' bestaat niet in dossier {d.id}.",
            tip=f"Leden: {', '.join(x.id for x in d.gezinsleden) or 'nog geen'} "
                f"(zie `ketencli dossier show {d.id}`).",
        )
    return lid


@app.command("instemming")
def instemming(
    dossier_id: str = typer.Argument(..., metavar="ID", help="Het dossier-id."),
    lid_id: str = typer.Argument(..., metavar="LID", help="Het id van het gezinslid, bv. m1."),
    datum: str | None = typer.Option(None, "--datum", help="Datum van instemming (standaard: vandaag)."),
    door: str | None = typer.Option(None, "--door", help="Wie informeerde en vroeg de instemming."),
    intrekken: bool = typer.Option(False, "--intrekken", help="Het lid trekt zijn instemming in."),
    weiger: bool = typer.Option(False, "--weiger", help="Het lid weigert in te stemmen (met --datum: de dag van "
                                "de weigering); zo genoteerd, niet als 'tijdelijk niet betrokken'."),
) -> None:
    """Registreer de instemming van een gezinslid met casusregie (of de intrekking of weigering ervan). Stemt een
    volwassene in na de uitkomst 'ketenaanpak met casusregie' van de intaketafel, dan start de casusregie."""
    from ketencli import klok, model, store, ui
    from ketencli.methodiek import aanmelding

    if intrekken and weiger:
        raise GebruiksFout("Kies --intrekken (een gegeven instemming) of --weiger (nooit ingestemd), niet allebei.")
    vandaag = klok.vandaag()
    op = datum_optie(datum, "--datum", niet_na=vandaag) or vandaag
    with store.wijzig(dossier_id) as d:
        lid = _vind_lid(d, lid_id)
        if weiger:  # D31: a refusal is recorded as such
            if lid.instemming is not None and lid.instemming.geldig:
                raise KetencliFout(
                    f"Gezinslid {lid_id} stemde in op {lid.instemming.datum:%d/%m/%Y}.",
                    tip=f"Trekt het lid zijn instemming in: `ketencli dossier instemming {d.id} {lid_id} --intrekken`.",
                )
            if lid.instemming is not None:
                store.historie(d, f"eerdere registratie van de instemming van {lid_id} vervangen door een weigering")
            lid.instemming = model.Instemming(geweigerd=op, door_wie_geinformeerd=(door or "").strip())
            store.historie(d, f"instemming geweigerd ({lid_id})")
            tekst = f"Weigering van {lid_id} geregistreerd op {op:%d/%m/%Y}."
        elif intrekken:
            if lid.instemming is None or not lid.instemming.geldig:
                raise KetencliFout(f"Gezinslid {lid_id} heeft geen geldige instemming om in te trekken.")
            if op < lid.instemming.datum:
                raise GebruiksFout("De intrekking kan niet vóór de instemming liggen.")
            lid.instemming = lid.instemming.model_copy(update={"ingetrokken": op})
            store.historie(d, f"instemming ingetrokken ({lid_id})")
            tekst = f"Instemming van {lid_id} ingetrokken op {op:%d/%m/%Y}."
        else:
            if lid.instemming is not None and lid.instemming.geldig:
                raise KetencliFout(
                    f"Gezinslid {lid_id} stemde al in op {lid.instemming.datum:%d/%m/%Y}.",
                    tip="Trek ze eerst in met --intrekken als er iets veranderde.",
                )
            if lid.instemming is not None:
                store.historie(d, f"eerdere instemming van {lid_id} "
                               f"({lid.instemming.datum}, ingetrokken {lid.instemming.ingetrokken}) vervangen")
            lid.instemming = model.Instemming(datum=op, door_wie_geinformeerd=(door or "").strip())
            store.historie(d, f"instemming geregistreerd ({lid_id})")
            tekst = f"Instemming van {lid_id} geregistreerd op {op:%d/%m/%Y}."
        volwassen = d.volwassen_instemming(vandaag)
        nieuwe_fase = None if (intrekken or weiger) else _start_na_instemming(d, vandaag, f"instemming van {lid_id}")
    ui.gelukt(tekst)
    if nieuwe_fase is not None:
        ui.gelukt(f"Een volwassene stemde in: de casusregie start op {d.casusregie_start:%d/%m/%Y} "
                  "(fase nu: casusregie).")
    elif d.fase == "geen-instemming" and volwassen:
        ui.melding("Een volwassene stemde in. Geef nu de uitkomst van het verkennend overleg opnieuw: "
                   f"`ketencli dossier ico {dossier_id} --conclusie ketenaanpak-met-casusregie`.")
    if not volwassen and not (intrekken or weiger) and (lid := d.lid(lid_id)) is not None \
            and "kind" not in lid.rollen and not lid.is_volwassen(vandaag):  # an adult by role, a child by date
        leeftijd = lid.leeftijd(vandaag)
        ui.melding(f"Let op: {lid.naam} ({lid_id}) is volgens het dossier geen volwassene ("
                   + (f"{leeftijd} jaar" if leeftijd is not None else "kind zonder geboortedatum")
                   + "): voor de start van de casusregie telt alleen de instemming van een volwassene. Klopt de "
                   f"geboortedatum niet, verbeter ze met `ketencli dossier lid edit {dossier_id} {lid_id} "
                   "--geboortedatum DD/MM/JJJJ`"
                   + ("; daarna start de casusregie vanzelf." if d.fase == "geen-instemming" and d.ico is not None
                      and d.ico.conclusie == "ketenaanpak-met-casusregie" else "."))
    elif not volwassen:
        ui.melding("Let op: er is nu geen geldige instemming van een volwassen gezinslid."
                   + (f" {aanmelding.instemming_melding(d)[0]}" if aanmelding.zonder_instemming(d, vandaag) else ""))


def _start_na_instemming(d: model.Dossier, vandaag: date, aanleiding: str) -> str | None:
    """A dossier in geen-instemming after 'ketenaanpak met casusregie' starts casusregie once an adult's
    consent is on record (L133-135, D8) — after a consent, or after a corrected birth date that makes
    the consenting member an adult. Returns the new fase, or None."""
    from ketencli import planning, store
    from ketencli.methodiek.aanmelding import fase_na_instemming, start_casusregie

    nieuwe_fase = fase_na_instemming(d, vandaag)
    if nieuwe_fase is None:
        return None
    store.historie(d, f"fase {d.fase} → {nieuwe_fase}",
                   reden=f"{aanleiding} na de uitkomst van "
                         f"{planning.woorden(d.regio)['intake_kort']} van {d.ico.datum:%d/%m/%Y}: {d.ico.conclusie}")
    d.fase, d.casusregie_start = nieuwe_fase, start_casusregie(d, d.ico.datum, vandaag)
    return nieuwe_fase


@app.command("ico")
def ico(
    dossier_id: str = typer.Argument(..., metavar="ID", help="Het dossier-id."),
    conclusie: str = typer.Option(..., "--conclusie", help="geen-ketenaanpak, ketenaanpak-zonder-regisseur, "
                                  "ketenaanpak-met-casusregie of herbespreking."),
    datum: str | None = typer.Option(None, "--datum",
                                     help="Datum van de zitting van de intaketafel (standaard: vandaag)."),
    advies: str = typer.Option("", "--advies", help="Het advies aan de aanmelder; bij geen-ketenaanpak verplicht, "
                               "met het advies voor een veiligheidsplan."),
    herbespreking_op: str | None = typer.Option(None, "--herbespreking-op",
                                                help="Datum van de volgende zitting van de intaketafel."),
    regisseur_naam: str | None = typer.Option(
        None, "--regisseur-naam", help="Bij ketenaanpak-met-casusregie: de aangestelde casusregisseur "
        "(standaard: wie al in het dossier staat, anders je profiel uit `ketencli profiel`)."),
    regisseur_organisatie: str | None = typer.Option(None, "--regisseur-organisatie",
                                                     help="Organisatie van de aangestelde casusregisseur."),
    regisseur_contact: str | None = typer.Option(None, "--regisseur-contact",
                                                 help="Telefoon of e-mail van de aangestelde casusregisseur."),
    casusregie_start: str | None = typer.Option(
        None, "--casusregie-start", help="Wanneer de casusregie start, als dat later is dan het ICO "
        "(bv. de kennismaking met de regisseur); standaard de datum van het ICO."),
    no_input: bool = typer.Option(False, "--no-input", help=NO_INPUT_HULP),
) -> None:
    """Registreer de uitkomst van de intaketafel van je regio (in Antwerpen het verkennend casusoverleg, ICO); de
    fase volgt daaruit. Bij
    ketenaanpak-met-casusregie wordt ook de aangestelde casusregisseur vastgelegd."""
    from ketencli import klok, model, store, ui
    from ketencli.commands.betrokkenen import regisseur_uit_opties, vraag_regisseur
    from ketencli.methodiek import aanmelding
    from ketencli.methodiek.aanmelding import FASE_LABELS, FASEN_VOOR_ICO, ICO_LABELS, fase_na_ico, ontbrekend_advies

    controleer_keuze(conclusie, ICO_LABELS, "--conclusie")
    vandaag = klok.vandaag()
    op = datum_optie(datum, "--datum", niet_na=vandaag) or vandaag
    volgende = datum_optie(herbespreking_op, "--herbespreking-op", richting="toekomst")
    start = datum_optie(casusregie_start, "--casusregie-start", niet_na=vandaag)
    if start is not None and (conclusie != "ketenaanpak-met-casusregie" or start < op):
        raise GebruiksFout("--casusregie-start hoort bij ketenaanpak-met-casusregie en ligt niet vóór het ICO "
                           f"({op:%d/%m/%Y}).")
    if conclusie == "herbespreking" and volgende is None:
        raise GebruiksFout("Geef bij een herbespreking de datum van het volgende ICO met --herbespreking-op.")
    if conclusie != "ketenaanpak-met-casusregie" and any(
            x is not None for x in (regisseur_naam, regisseur_organisatie, regisseur_contact)):
        raise GebruiksFout("--regisseur-naam, --regisseur-organisatie en --regisseur-contact horen bij de "
                           "conclusie ketenaanpak-met-casusregie.")
    if (ontbreekt := ontbrekend_advies(conclusie, advies)) is not None:
        raise KetencliFout(
            f"{ontbreekt}. Er werd niets bewaard.",
            tip=f"Geef het advies mee: `ketencli dossier ico {dossier_id} --conclusie {conclusie} --advies "
                "\"...; veiligheidsplan opmaken met ...\"`.")
    with store.wijzig(dossier_id) as d:
        from ketencli import planning

        intake = planning.woorden(d.regio)["intake_kort"]
        if d.fase not in FASEN_VOOR_ICO:
            raise KetencliFout(f"Dossier {d.id} is in fase '{FASE_LABELS[d.fase]}': een uitkomst van {intake} kan "
                               "alleen bij aanmelding, verkenning of na geen instemming.")
        d.ico = model.IcoUitkomst(datum=op, conclusie=conclusie, advies=advies, herbespreking_op=volgende)
        nieuwe_fase = fase_na_ico(conclusie, d.volwassen_instemming(vandaag))
        regisseur_bron = ""
        if conclusie == "ketenaanpak-met-casusregie":
            # the ICO appoints the casusregisseur (finaliteit of the ICO, issue "methode" item 6): the
            # options, else who the dossier names, else a question, else the user's profile
            gegeven = regisseur_uit_opties(d.casusregisseur, regisseur_naam, regisseur_organisatie,
                                           regisseur_contact, naam_optie="--regisseur-naam")
            profiel = store.lees_profiel()
            if gegeven is not None:
                d.casusregisseur, regisseur_bron = gegeven, "opties"
            elif d.casusregisseur.naam:
                regisseur_bron = "dossier"
            elif not no_input and ui.heeft_terminal():
                d.casusregisseur = model.Casusregisseur.model_validate(vraag_regisseur(profiel.als_regisseur()))
                regisseur_bron = "vraag"
            elif profiel.naam:
                d.casusregisseur, regisseur_bron = profiel.als_regisseur(), "profiel"
            if regisseur_bron in ("opties", "vraag", "profiel"):
                store.historie(d, "casusregisseur aangesteld", reden=f"{intake} {op}")
        if nieuwe_fase == "casusregie":
            d.casusregie_start = (aanmelding.start_casusregie(d, start or op, vandaag)
                                  or start or d.casusregie_start or op)
        if nieuwe_fase != d.fase:
            store.historie(d, f"fase {d.fase} → {nieuwe_fase}", reden=f"{intake} {op}: {conclusie}")
            d.fase = nieuwe_fase
    from ketencli import planning

    ui.gelukt(f"Uitkomst van {planning.woorden(d.regio)['intake_kort']} bewaard: {ICO_LABELS[conclusie]}. "
              f"Fase nu: {FASE_LABELS[nieuwe_fase]}.")
    if regisseur_bron:
        r = d.casusregisseur
        ui.gelukt(f"Casusregisseur: {r.naam}" + (f" ({r.organisatie})" if r.organisatie else "")
                  + (" — uit je profiel" if regisseur_bron == "profiel" else "") + ".")
    elif conclusie == "ketenaanpak-met-casusregie":
        ui.melding("Er is nog geen casusregisseur vastgelegd. Doe dat met `ketencli dossier regisseur "
                   f"{dossier_id} --naam ... --organisatie ... --contact ...`, of stel je profiel in "
                   "(`ketencli profiel --naam ...`) zodat je voortaan standaard de regisseur bent.")
    if nieuwe_fase == "geen-instemming":
        ui.melding("Geen enkel volwassen gezinslid stemde in: casusregie kan nog niet starten. Registreer de "
                   f"instemming met `ketencli dossier instemming {dossier_id} LID`: dan start de casusregie.")


@app.command("heropen")
def heropen(
    dossier_id: str = typer.Argument(..., metavar="ID", help="Het dossier-id."),
    reden: str = typer.Option(..., "--reden", help="Waarom het afgesloten dossier weer open moet (in de historiek)."),
    naar: str | None = typer.Option(None, "--naar",
                                    help="De fase na het heropenen: afgerond (standaard, opvolging loopt verder), "
                                    "casusregie of ketenaanpak-zonder-regisseur (opnieuw regie, afronding gewist). "
                                    "Een dossier dat zonder casusregie afgesloten werd, krijgt zijn fase terug."),
) -> None:
    """Heropen een afgesloten dossier, zodat het weer gewijzigd kan worden; dat komt in de historiek."""
    from ketencli import model, store, ui
    from ketencli.methodiek import afronding
    from ketencli.methodiek.aanmelding import FASE_LABELS

    if naar is not None:
        controleer_keuze(naar, ("afgerond", "casusregie", "ketenaanpak-zonder-regisseur"), "--naar")
    if not reden.strip():
        raise GebruiksFout("--reden mag niet leeg zijn.")
    with store.wijzig(dossier_id, heropen=True) as d:
        if d.fase != "afgesloten":
            raise KetencliFout(f"Dossier {d.id} is niet afgesloten (fase '{FASE_LABELS[d.fase]}'): "
                               "heropenen is niet nodig.",
                               tip=f"Terug van afgerond naar casusregie: `ketencli afronding herneem {d.id} "
                               "--reden \"...\"`." if d.fase == "afgerond" else None)
        vorige = afronding.fase_voor_afsluiting(d)
        if vorige in afronding.ZONDER_REGIE_FASEN:
            if naar is not None:
                raise GebruiksFout(f"Dossier {d.id} werd afgesloten zonder casusregie (fase "
                                   f"'{FASE_LABELS[vorige]}'): het krijgt die fase terug; laat --naar weg.")
            naar = vorige
        naar = naar or "afgerond"
        # the afsluiting no longer holds; back to regie also drops the afronding's sequence
        wis = afronding.gewist(terug_naar_regie=naar != "afgerond")
        d.afronding = model.Afronding.model_validate(d.afronding.model_dump() | wis)
        store.historie(d, f"heropend: fase afgesloten → {naar}", reden=reden.strip())
        d.fase = naar
    ui.gelukt(f"Dossier {dossier_id} is heropend (fase nu: {FASE_LABELS[naar]}) en kan weer gewijzigd worden.")
