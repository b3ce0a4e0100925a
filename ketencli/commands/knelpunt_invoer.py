"""Reading and asking a knelpunt (issue 17), shared by `ketencli knelpunt` and `ketencli stap doorloop` (the
opvolgen and loslaten phases ask whether knelpunten arose)."""

from __future__ import annotations

from datetime import date
from typing import TYPE_CHECKING, Any

from ketencli.fouten import GebruiksFout, KetencliFout

if TYPE_CHECKING:
    from ketencli import model


def categorieen_van(d: model.Dossier) -> dict[str, str]:
    """The categories of the dossier's region: the method's and the region's own (``regio.yaml``)."""
    from ketencli import planning
    from ketencli.methodiek import knelpunten

    return knelpunten.categorieen(planning.regio(d.regio).knelpunt_categorieen)


def categorie(waarde: str, bekend: dict[str, str]) -> str:
    from ketencli.methodiek import knelpunten

    key = knelpunten.zoek_categorie(waarde, bekend)
    if key is not None:
        return key
    nabij = knelpunten.dichtste_categorieen(waarde, bekend)
    raise GebruiksFout(f"--categorie {waarde.strip()!r} ken ik niet"
                       + (f"; bedoel je {' of '.join(nabij)}?" if nabij else ".")
                       + f" Kies uit: {', '.join(bekend)}.",
                       tip="Een eigen categorie voor je regio zet de coördinator in regio.yaml "
                           "(knelpunt_categorieen); `ketencli regio toon` toont ze.")


def dienst_id(d: model.Dossier, waarde: str) -> str:
    """A service id of the dossier; the kind (``cgg``) is accepted when exactly one service has it."""
    waarde = waarde.strip()
    if d.dienst(waarde) is not None:
        return waarde
    zelfde_soort = [x for x in d.betrokken_diensten if x.soort == waarde.lower()]
    if len(zelfde_soort) == 1:
        return zelfde_soort[0].id
    bekend = ", ".join(f"{x.id} ({x.soort})" for x in d.betrokken_diensten) or "nog geen"
    raise KetencliFout(f"--dienst {waarde!r}: die dienst bestaat niet in dossier {d.id}. Er werd niets bewaard.",
                       tip=f"Diensten: {bekend}. Voeg een dienst toe met `ketencli dossier dienst add {d.id}`.")


def datum(waarde: str | None, vandaag: date) -> date | None:
    from ketencli.commands.opties import datum_optie

    return datum_optie(waarde, "--datum", niet_na=vandaag)


def vind(d: model.Dossier, knelpunt_id: str) -> model.Knelpunt:
    k = d.knelpunt(knelpunt_id.strip())
    if k is None:
        raise KetencliFout(f"Dossier {d.id} heeft geen knelpunt {knelpunt_id.strip()!r}.",
                           tip=f"Knelpunten: {', '.join(x.id for x in d.knelpunten) or 'nog geen'} "
                               f"(zie `ketencli knelpunt lijst {d.id}`).")
    return k


def dienstkeuzes(d: model.Dossier) -> list[tuple[str, str]]:
    from ketencli.methodiek.aanmelding import DIENST_LABELS

    return [(x.id, f"{x.id}: {x.naam} ({DIENST_LABELS.get(x.soort, x.soort)})") for x in d.betrokken_diensten]


def vraag(d: model.Dossier, huidig: dict[str, Any], bekend: dict[str, str], vandaag: date) -> dict[str, Any]:
    """Ask what is missing from ``huidig`` (categorie, dienst, omschrijving, datum, deelbaar)."""
    from ketencli import ui

    uit = dict(huidig)
    if uit.get("categorie") is None:
        uit["categorie"] = ui.keuze("Welk soort knelpunt?", list(bekend.items()))
    if uit.get("dienst") is None:
        if not d.betrokken_diensten:
            raise KetencliFout(f"Dossier {d.id} heeft nog geen betrokken diensten; een knelpunt hoort bij een dienst.",
                               tip=f"Voeg eerst een dienst toe met `ketencli dossier dienst add {d.id}`.")
        uit["dienst"] = ui.keuze("Bij welke dienst?", dienstkeuzes(d))
    if uit.get("omschrijving") is None:
        uit["omschrijving"] = ui.tekst("Wat liep er vast?", verplicht=True)
    if uit.get("datum") is None:
        uit["datum"] = ui.datum("Wanneer?", vandaag, niet_na=vandaag) or vandaag
    if uit.get("deelbaar") is None:
        uit["deelbaar"] = ui.bevestig("Mag de omschrijving, geanonimiseerd, in de rapporten voor de stuurgroep?",
                                      False)
    return uit


def noteer(dossier_id: str, gegevens: dict[str, Any]) -> Any:
    """Save a new knelpunt (``categorie``, ``dienst``, ``omschrijving``, ``datum``, ``deelbaar``) with the next
    free id and a history line; returns it."""
    from ketencli import model, store

    with store.wijzig(dossier_id) as d:
        k = model.Knelpunt(id=d.volgend_knelpunt_id(), **gegevens)
        d.knelpunten = [*d.knelpunten, k]
        store.historie(d, f"knelpunt {k.id} genoteerd ({k.categorie})")
    return k


def toon_anoniem(d: model.Dossier, k: model.Knelpunt) -> None:
    """Show how a deelbaar description reads in the reports, so the regisseur can check it."""
    from ketencli import ui
    from ketencli.methodiek import knelpunten

    if k.deelbaar:
        personen, organisaties = knelpunten.namen_van(d)
        ui.melding("In de rapporten voor de stuurgroep: «"
                   + knelpunten.anonimiseer(k.omschrijving, personen, organisaties) + "»", "dim")


def meld_genoteerd(d: model.Dossier, k: model.Knelpunt, bekend: dict[str, str]) -> None:
    """What was noted (the date as read: "1/12" is the last 1 December), and a deelbaar description as the
    reports show it; for `knelpunt add` and the knelpunten question of `stap doorloop`."""
    from ketencli import ui

    ui.gelukt(f"Knelpunt {k.id} genoteerd: {bekend.get(k.categorie, k.categorie)}, dienst {k.dienst}, "
              f"{k.datum:%d/%m/%Y}" + (" (deelbaar)." if k.deelbaar else "."))
    toon_anoniem(d, k)
