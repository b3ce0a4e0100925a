"""`ketencli doc ID SOORT`: render a Word document from a dossier; `--lijst` shows what was made."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import typer

from ketencli.fouten import GebruiksFout, KetencliFout

SOORTEN_HULP = ("pva, weegploeg-pva, weegploeg-gewijzigd, weegploeg-afronding, rondetafel, aanmelding, "
                "veiligheidsplan, psd-jww-mail, brief-gedetineerde, justitiehuis")


def doc(
    dossier_id: str = typer.Argument(..., metavar="ID", help="Het dossier-id."),
    soort: str | None = typer.Argument(None, metavar="SOORT", help=f"Welk document: {SOORTEN_HULP}."),
    uit: Path | None = typer.Option(None, "--uit", metavar="PAD",
                                    help="Bewaar het document hier (een bestand of een map) in plaats van in de "
                                         "map documenten/ van het dossier."),
    openen: bool = typer.Option(False, "--open", help="Open het document na het maken."),
    overschrijf: bool = typer.Option(False, "--overschrijf", help="Vervang een document van vandaag."),
    lid: str | None = typer.Option(None, "--lid", metavar="LID",
                                   help="Voor één gezinslid (veiligheidsplan, gedetineerde, justitiehuis), "
                                        "bijvoorbeeld m2."),
    zitting: str | None = typer.Option(None, "--zitting", metavar="MOMENT",
                                       help="Datum en uur van de zitting, bijvoorbeeld 2026-12-08T13:00 "
                                            "(agenderingen)."),
    vragen: list[str] = typer.Option([], "--vraag", metavar="TEKST",
                                     help="Een vraag aan de tafel (herhaalbaar; agenderingen)."),
    huidige_situatie: str | None = typer.Option(
        None, "--huidige-situatie", metavar="TEKST",
        help="Hoe de situatie nu is, in je eigen woorden (agenderingen). Zonder deze optie krijgt "
             "'Huidige situatie' lege lijnen om in te vullen: de aanmelding beschrijft de situatie van toen."),
    lijst: bool = typer.Option(False, "--lijst", help="Toon welke documenten er wanneer gemaakt werden."),
    pseudoniem: bool = typer.Option(False, "--pseudoniem",
                                    help="Voor intervisie of supervisie: namen worden rol en initiaal "
                                         "(\"moeder (S.)\"), zonder geboortedata, adressen, telefoonnummers "
                                         "en e-mailadressen."),
) -> None:
    """Maak een Word-document uit het dossier: plan van aanpak, agenderingen, brieven en mails.

    Het document komt in de map documenten/ van het dossier als <datum>_<soort>.docx (nooit met namen);
    met --pseudoniem als <datum>_<soort>-pseudoniem.docx.
    """
    from ketencli import documenten, store, ui

    if lijst:
        if soort is not None:
            raise GebruiksFout("Geef een SOORT of --lijst, niet allebei.")
        _toon_lijst(store.laad(dossier_id), documenten.gemaakt(dossier_id))  # a clear message when it does not exist
        return
    if soort is None:
        raise GebruiksFout(f"Welk document? Kies een soort: {', '.join(documenten.SOORTEN)}.",
                           tip=f"Bijvoorbeeld: ketencli doc {dossier_id} pva. Wat er al gemaakt werd: "
                               f"ketencli doc {dossier_id} --lijst.")
    gekozen = documenten.zoek_soort(soort)
    gegeven = (("lid", lid, "--lid"), ("zitting", zitting, "--zitting"), ("vragen", vragen, "--vraag"),
               ("huidige_situatie", huidige_situatie, "--huidige-situatie"))
    for optie, waarde, naam in gegeven:
        if waarde and gekozen.key not in documenten.OPTIES[optie]:
            raise GebruiksFout(f"{naam} past niet bij {gekozen.key}; wel bij: {', '.join(documenten.OPTIES[optie])}.")
    d = store.laad(dossier_id)
    opties: dict[str, object] = {}
    if lid is not None:
        opties["lid"] = lid
    if zitting is not None:
        opties["zitting"] = _moment(zitting)
    if vragen:
        opties["vragen"] = vragen
        opties["vraag"] = "\n".join(vragen)
    if huidige_situatie is not None:
        opties["huidige_situatie"] = huidige_situatie
    doel = uit.expanduser() if uit is not None else None
    if doel is None and d.alleen_lezen:
        # an afgesloten dossier's folder stays as it was closed; a copy elsewhere is reading, not changing
        raise KetencliFout(
            f"Dossier {d.id} is afgesloten: er komen geen nieuwe documenten meer in zijn map.",
            tip=f"Bewaar het document elders met --uit (bv. `ketencli doc {d.id} {gekozen.key} --uit MAP`), "
                f"of heropen het dossier met `ketencli dossier heropen {d.id} --reden \"...\"`.",
        )
    pad = documenten.schrijf(d, gekozen.key, doel=doel, overschrijf=overschrijf, pseudoniem=pseudoniem, **opties)
    naam = documenten.titel(d, gekozen.key) + (f" {documenten.PSEUDONIEM_TITEL}" if pseudoniem else "")
    ui.gelukt(f"{naam} bewaard in {pad}")
    for waarschuwing in documenten.waarschuwingen(d, gekozen.key):
        ui.melding(f"Let op: {waarschuwing[:1].lower()}{waarschuwing[1:]}")
    if openen:
        _open(pad)


def _moment(tekst: str):
    from datetime import datetime

    from ketencli import klok, ui

    try:
        moment = datetime.fromisoformat(tekst.strip())
    except ValueError:
        try:
            datum = ui.lees_datum(tekst, "toekomst")
        except ValueError:  # a date that does not exist
            datum = None
        if datum is None:
            raise GebruiksFout(f"--zitting {tekst!r} is geen datum of moment; gebruik bijvoorbeeld "
                               "2026-12-08T13:00.") from None
        return datum
    if moment.tzinfo is None:
        moment = moment.replace(tzinfo=klok.TIJDZONE)
    return moment


def _open(pad: Path) -> None:
    from ketencli.commands.weergave import open_bestand

    open_bestand(pad, "Het document", "Open het zelf in Word of LibreOffice.")


def _toon_lijst(d: Any, documenten_lijst: list[dict]) -> None:
    """What was made, each kind named as its document names it in the dossier's region (D30)."""
    from rich.markup import escape
    from rich.table import Table

    from ketencli import documenten, ui

    dossier_id = d.id

    c = ui.console()
    if not documenten_lijst:
        c.print(f"Nog geen documenten voor dossier {dossier_id}. Maak er een met "
                f"[bold]ketencli doc {dossier_id} pva[/].")
        return
    tabel = Table(title=f"Documenten van dossier {dossier_id}", title_justify="left")
    tabel.add_column("Datum")
    tabel.add_column("Soort")
    tabel.add_column("Bestand")
    tabel.add_column("Laatst gewijzigd")
    for x in documenten_lijst:
        titel = documenten.titel(d, x["soort"]) if x["soort"] else "(eigen bestand)"
        if x.get("pseudoniem"):
            titel += f" {documenten.PSEUDONIEM_TITEL}"
        tabel.add_row(f"{x['datum']:%d/%m/%Y}" if x["datum"] else "", escape(titel),
                      escape(x["bestand"]), f"{x['gewijzigd']:%d/%m/%Y %H:%M}")
    c.print(tabel)
