"""The genogram of a dossier (issue 16): who the clients are and how they relate, projected at the
weegploeg in stap 1 (guide L1722-1726, L1806), drawn in McGoldrick-Gerson notation.

* ``opmaak`` (``ketencli.genogram.opmaak``, with ``routes`` and ``huishouden``) is the pure layout: rows,
  x positions, partner and child lines searched for the fewest crossings; violence lines routed on a grid
  round every label, never across a household's outline where that can be avoided (inside it between two
  of its members); household outlines as simple shapes (a hull, or a few joined hulls). No matplotlib, no
  I/O; tests call it directly.
* ``teken`` (``ketencli.genogram.tekening``) draws with matplotlib (imported inside the function:
  ``ketencli --help`` stays light) on the Agg backend and returns SVG and PNG bytes.
* ``schrijf`` writes ``documenten/<datum>_genogram.svg`` and ``.png`` (no names in file names).

Notation: square man, circle vrouw, diamond x or onbekend (never guessed from a name); partners on one
row (gehuwd or not recorded: solid; samenwonend: dashed; uit elkaar: one slash; gescheiden: two
slashes), children hanging from their parents' line, siblings oldest-left; age and birth year under the
symbol (from the one clock); deceased crossed; the clients (pleger, slachtoffer) with a double outline;
violence as a red zigzag, with an arrow from pleger to slachtoffer where the dossier says who against
whom (tijdlijn ``door``/``tegen``) or the roles do; children of 12 and older marked (D16); detention
with bars; ``tijdelijk_niet_betrokken`` dashed; a household (``huishouden``) circled by a dotted line; a
Dutch legend of every symbol used, and the full names of names cut on the picture. ``initialen=True``
shows initials and ages only (D32).
"""

from __future__ import annotations

from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING

from ketencli.fouten import GebruiksFout, KetencliFout
from ketencli.genogram.opmaak import RIJ, STAP, Opmaak, opmaak
from ketencli.genogram.tekening import initialen_van, teken

if TYPE_CHECKING:
    from ketencli import model

__all__ = ["RIJ", "STAP", "Opmaak", "initialen_van", "opmaak", "paden_voor", "schrijf", "teken"]


def paden_voor(dossier_id: str, vandaag: date, doel: Path | None, initialen: bool) -> tuple[Path, Path]:
    """Where the SVG and the PNG go: ``documenten/<datum>_genogram[-initialen].svg`` and ``.png`` by
    default; ``doel`` a folder (same names there) or a file ending in .svg or .png (both beside it).
    Raises ``GebruiksFout`` for another extension, ``KetencliFout`` for a missing folder."""
    from ketencli import store

    naam = f"{vandaag.isoformat()}_genogram" + ("-initialen" if initialen else "")
    if doel is None:
        basis = store.documenten_dir(dossier_id, maak=True) / naam
    elif doel.is_dir():
        basis = doel / naam
    elif doel.suffix.lower() in (".svg", ".png"):
        if not doel.parent.is_dir():
            raise KetencliFout(f"De map {doel.parent} bestaat niet.", tip="Maak ze eerst aan of kies een andere --uit.")
        basis = doel.with_suffix("")
    elif not doel.suffix:
        raise KetencliFout(f"De map {doel} bestaat niet.",
                           tip="Maak ze eerst aan, of geef een bestandsnaam op .svg of .png, bv. --uit ~/genogram.svg.")
    else:
        raise GebruiksFout(f"{doel.name}: een genogram is een .svg of .png.",
                           tip="Geef een bestaande map, of een bestandsnaam die eindigt op .svg of .png.")
    return basis.with_suffix(".svg"), basis.with_suffix(".png")


def schrijf(dossier: model.Dossier, *, doel: Path | None = None, initialen: bool = False,
            vandaag: date | None = None) -> tuple[Path, Path]:
    """Draw and write the genogram; returns (svg, png) paths. A genogram of the same day is replaced
    (it is drawn from the dossier, nothing of the user's is lost)."""
    from ketencli import klok, render

    vandaag = vandaag or klok.vandaag()
    svg_pad, png_pad = paden_voor(dossier.id, vandaag, doel, initialen)
    svg, png = teken(dossier, vandaag, initialen=initialen)
    render.schrijf(svg_pad, svg)
    render.schrijf(png_pad, png)
    return svg_pad, png_pad
