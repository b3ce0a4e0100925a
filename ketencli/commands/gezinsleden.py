"""Shared by the member commands (`dossier new`'s wizard, `dossier lid`, `dossier instemming`): asking for
one member in the terminal, finding a member by id, and starting casusregie once an adult consents.
Not a command; the command modules import it, never each other."""

from __future__ import annotations

from datetime import date
from typing import TYPE_CHECKING, Any

from ketencli.fouten import GebruiksFout, KetencliFout

if TYPE_CHECKING:
    from ketencli import model


def vraag_lid(bestaande: list[dict[str, Any]], lid_id: str, huidig: dict[str, Any] | None = None
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


def _dmj(waarde: int | date) -> str:
    """A year as is (2019), a date as d/m/yyyy (1/6/1950): how the user writes it."""
    return str(waarde) if isinstance(waarde, int) else f"{waarde.day}/{waarde.month}/{waarde.year}"


def gecontroleerd_lid(d: model.Dossier, gegevens: dict[str, Any], vorig: model.Gezinslid | None = None
                      ) -> model.Gezinslid:
    """The member ``gegevens`` as a ``Gezinslid``, for every path that sets ``overleden`` (`dossier lid
    add`/`edit`, the member wizard). Refused: a death before the birth (``KetencliFout``, exit 1), and a
    (changed) death that makes the member a party (--door/--tegen) to a later timeline fact, or whose
    consent after the death is the only adult consent that started casusregie (L131-135, D17)
    (``GebruiksFout``, exit 2) — the same rule as ``Gezinslid.leefde_op`` for a new fact."""
    from ketencli import klok, model

    dood, geboren = gegevens.get("overleden"), gegevens.get("geboortedatum")
    if dood is not None and geboren is not None and (
            dood < geboren.year if isinstance(dood, int) else dood < geboren):
        raise KetencliFout(f"Overleden ({_dmj(dood)}) ligt voor de geboortedatum ({_dmj(geboren)}): dat kan niet.",
                           tip="Kijk de datum van overlijden en de geboortedatum na.")
    lid = model.Gezinslid.model_validate(gegevens)
    if lid.overleden is None or (vorig is not None and vorig.overleden == lid.overleden):
        return lid
    botsingen = [f"tijdlijnitem {nr} ({item.soort} van {_dmj(item.datum)})"
                 for nr, item in enumerate(d.tijdlijn, start=1)
                 if lid.id in (*item.door, *item.tegen) and not lid.leefde_op(item.datum)]
    instemming = lid.instemming
    if (instemming is not None and instemming.geldig and instemming.datum is not None
            and not lid.leefde_op(instemming.datum) and d.casusregie_start is not None
            and not any(x.is_volwassen(klok.vandaag()) for x in d.instemmers() if x.id != lid.id)):
        botsingen.append(f"de instemming van {_dmj(instemming.datum)}, de enige van een volwassene, "
                         "waarmee de casusregie startte")
    if botsingen:
        raise GebruiksFout(f"--overleden {_dmj(lid.overleden)}: {lid.naam} ({lid.id}) leefde nog bij "
                           f"{' en bij '.join(botsingen)}; dat kan niet.",
                           tip=f"Kijk de datum van overlijden na, of verbeter eerst die gegevens "
                               f"(`ketencli tijdlijn toon {d.id}`).")
    return lid


def vind_lid(d: model.Dossier, lid_id: str) -> model.Gezinslid:
    lid = d.lid(lid_id)
    if lid is None:
        raise KetencliFout(
            f"Gezinslid '{lid_id}' bestaat niet in dossier {d.id}.",
            tip=f"Leden: {', '.join(x.id for x in d.gezinsleden) or 'nog geen'} "
                f"(zie `ketencli dossier show {d.id}`).",
        )
    return lid


def start_na_instemming(d: model.Dossier, vandaag: date, aanleiding: str) -> str | None:
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
