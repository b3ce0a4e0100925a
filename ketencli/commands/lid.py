"""`ketencli dossier lid`: add and edit a family member (with questions, or with options)."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

import typer

from ketencli.commands.gezinsleden import gecontroleerd_lid, start_na_instemming, vind_lid, vraag_lid
from ketencli.commands.opties import NO_INPUT_HULP, controleer_keuze, datum_optie, niet_leeg
from ketencli.fouten import GebruiksFout

if TYPE_CHECKING:
    from ketencli import model

lid_app = typer.Typer(help="Gezinsleden toevoegen of wijzigen.", no_args_is_help=True)


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
    return datum_optie(tekst, "--overleden", niet_na=klok.vandaag(), ook_jaar=True)


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


# the options `lid add` and `lid edit` share (one definition each)
O_GEBOORTEDATUM = typer.Option(None, "--geboortedatum", help="bv. 2012-05-14.")
O_RELATIE = typer.Option([], "--relatie", help=_LID_OPTIES_HULP["relatie"])
O_GEVANGENIS = typer.Option(None, "--gevangenis", help=_LID_OPTIES_HULP["gevangenis"])
O_DETENTIE = typer.Option(None, "--detentie", help="voorlopige-hechtenis of veroordeeld.")
O_DETENTIE_SINDS = typer.Option(None, "--detentie-sinds", help="Datum van opsluiting.")
O_NOTITIE = typer.Option(None, "--notitie", help=_LID_OPTIES_HULP["notitie"])
O_GESLACHT = typer.Option(None, "--geslacht", help=_LID_OPTIES_HULP["geslacht"])
O_OVERLEDEN = typer.Option(None, "--overleden", metavar="JAAR|DATUM", help=_LID_OPTIES_HULP["overleden"])
O_HUISHOUDEN = typer.Option(None, "--huishouden", metavar="LABEL", help=_LID_OPTIES_HULP["huishouden"])
O_NO_INPUT = typer.Option(False, "--no-input", help=NO_INPUT_HULP)


@lid_app.command("add")
def lid_toevoegen(
    dossier_id: str = typer.Argument(..., metavar="ID", help="Het dossier-id."),
    naam: str | None = typer.Option(None, "--naam", help="Naam van het gezinslid.", callback=niet_leeg),
    rol: list[str] = typer.Option([], "--rol", help=_LID_OPTIES_HULP["rol"]),
    geboortedatum: str | None = O_GEBOORTEDATUM,
    relatie: list[str] = O_RELATIE,
    gevangenis: str | None = O_GEVANGENIS,
    detentie: str | None = O_DETENTIE,
    detentie_sinds: str | None = O_DETENTIE_SINDS,
    notitie: str | None = O_NOTITIE,
    geslacht: str | None = O_GESLACHT,
    overleden: str | None = O_OVERLEDEN,
    huishouden: str | None = O_HUISHOUDEN,
    no_input: bool = O_NO_INPUT,
) -> None:
    """Voeg een gezinslid toe (met vragen, of met --naam en --rol)."""
    from ketencli import store, ui

    with store.wijzig(dossier_id) as d:
        lid_id = d.volgend_lid_id()
        if naam and rol:
            gegevens = _lid_uit_opties(d, {"id": lid_id}, naam, rol, geboortedatum, relatie, gevangenis,
                                       detentie, detentie_sinds, notitie, (geslacht, overleden, huishouden))
        else:
            ui.vereis_terminal(no_input, "Geef minstens --naam en --rol.")
            gegevens = vraag_lid([{"id": x.id, "naam": x.naam} for x in d.gezinsleden], lid_id)
        d.gezinsleden = [*d.gezinsleden, gecontroleerd_lid(d, gegevens)]
        _wederkerig(d, lid_id)
        d.__class__.model_validate(d.model_dump())  # relation targets and duplicates
    ui.gelukt(f"Gezinslid {lid_id} toegevoegd aan dossier {dossier_id}.")


@lid_app.command("edit")
def lid_wijzigen(
    dossier_id: str = typer.Argument(..., metavar="ID", help="Het dossier-id."),
    lid_id: str = typer.Argument(..., metavar="LID", help="Het id van het gezinslid, bv. m2."),
    naam: str | None = typer.Option(None, "--naam", help="Nieuwe naam.", callback=niet_leeg),
    rol: list[str] = typer.Option([], "--rol", help="Vervangt de rollen; " + _LID_OPTIES_HULP["rol"]),
    geboortedatum: str | None = O_GEBOORTEDATUM,
    relatie: list[str] = O_RELATIE,
    gevangenis: str | None = O_GEVANGENIS,
    detentie: str | None = O_DETENTIE,
    detentie_sinds: str | None = O_DETENTIE_SINDS,
    niet_betrokken: str | None = typer.Option(
        None, "--niet-betrokken", metavar="REDEN",
        help="Betrek dit lid tijdelijk niet (bv. wanneer dat het geweld zou doen escaleren), met de reden."),
    wel_betrokken: bool = typer.Option(False, "--wel-betrokken", help="Betrek dit lid weer."),
    notitie: str | None = O_NOTITIE,
    geslacht: str | None = O_GESLACHT,
    overleden: str | None = O_OVERLEDEN,
    huishouden: str | None = O_HUISHOUDEN,
    no_input: bool = O_NO_INPUT,
) -> None:
    """Wijzig een gezinslid (met vragen, of alleen de opties die je geeft)."""
    from ketencli import klok, store, ui

    if niet_betrokken is not None and wel_betrokken:
        raise GebruiksFout("Kies --niet-betrokken of --wel-betrokken, niet allebei.")
    with store.wijzig(dossier_id) as d:
        lid = vind_lid(d, lid_id)
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
            gegevens = vraag_lid(anderen, lid_id, huidig)
        nieuw = gecontroleerd_lid(d, gegevens, lid)
        d.gezinsleden = [nieuw if x.id == lid_id else x for x in d.gezinsleden]
        _wederkerig(d, lid_id)
        d.__class__.model_validate(d.model_dump())
        nieuwe_fase = start_na_instemming(d, klok.vandaag(), f"gegevens van {lid_id} verbeterd")
    ui.gelukt(f"Gezinslid {lid_id} gewijzigd.")
    if nieuwe_fase is not None:
        ui.gelukt(f"Een volwassene stemde in: de casusregie start op {d.casusregie_start:%d/%m/%Y} "
                  "(fase nu: casusregie).")
