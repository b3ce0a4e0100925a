"""`ketencli genogram ID`: draw the family's genogram (issue 16) as SVG and PNG."""

from __future__ import annotations

from pathlib import Path

import typer


def genogram(
    dossier_id: str = typer.Argument(..., metavar="ID", help="Het dossier-id."),
    uit: Path | None = typer.Option(None, "--uit", metavar="PAD",
                                    help="Bewaar het genogram hier (een map, of een bestand op .svg of .png) in "
                                         "plaats van in de map documenten/ van het dossier."),
    openen: bool = typer.Option(False, "--open", help="Open de afbeelding na het maken."),
    initialen: bool = typer.Option(False, "--initialen",
                                   help="Alleen initialen en leeftijden, geen namen: voor waar namen niet "
                                        "geprojecteerd mogen worden."),
) -> None:
    """Teken het genogram van het gezin (voor de weegploeg en de ronde tafel, stap 1).

    Het genogram komt in de map documenten/ van het dossier als <datum>_genogram.svg en .png (nooit met
    namen in de bestandsnaam).
    """
    from ketencli import genogram as tekening
    from ketencli import store, ui
    from ketencli.fouten import KetencliFout

    d = store.laad(dossier_id)
    doel = uit.expanduser() if uit is not None else None
    if doel is None and d.alleen_lezen:
        raise KetencliFout(
            f"Dossier {d.id} is afgesloten: er komen geen nieuwe documenten meer in zijn map.",
            tip=f"Bewaar het genogram elders met --uit (bv. `ketencli genogram {d.id} --uit MAP`), of heropen "
                f"het dossier met `ketencli dossier heropen {d.id} --reden \"...\"`.")
    svg, png = tekening.schrijf(d, doel=doel, initialen=initialen)
    ui.gelukt(f"Genogram bewaard in {svg} en {png.name}")
    if openen:
        _open(png)


def _open(pad: Path) -> None:
    from ketencli.commands.weergave import open_bestand

    open_bestand(pad, "Het genogram", "Open het zelf met een afbeeldingsviewer of je browser.")
