"""A listing asked again while nothing it shows changed is printed from the text it printed last time.

`overzicht` and `dossier list` over 10,000 dossiers spend most of their time turning the summaries
(``index``) into rows and a table of tens of thousands of lines (issue 19). That table is a function of
the dossier files, the config files, the rules (ketencli's version and modules), the day, the hour
(an item of today passes), the options, the terminal's width and whether it gets colour: when none of
these changed since the listing was last made, the table is the same text. So the text is kept with
all of these in ``<home>/cache/weergave-<naam>.bin`` (owner-only, like the summary cache: a
`dossier list` holds the gezin labels), and a listing first compares them: one ``stat`` per dossier
file and folder, the same check the summary cache makes, and no summary read at all.

Kept only when the listing wrote nothing on stderr (no console on stderr was made since ``toon``
looked, ``ui.STDERR_CONSOLES``): a listing with an unreadable dossier, a sync tool's conflict copy, a
team conflict, a region setting with an error or a tip is made anew every time, so no note is skipped.
The file is in marshal's format (Python's own, read in milliseconds); a file that does not load or
has another shape is ignored and written again, never trusted. Writing it is best effort;
``index.vergeet`` removes them all with a deleted dossier.
"""

from __future__ import annotations

import contextlib
import marshal
import sys
from collections.abc import Sequence
from pathlib import Path
from typing import Any

from ketencli import __version__, index, paden

VERSIE = 1

Bestanden = list[tuple[str, list[int]]]
# per listing, ``ui.STDERR_CONSOLES`` when ``toon`` looked: a note written after it keeps ``bewaar`` from keeping
_BEGIN: dict[str, int] = {}


def _pad(naam: str) -> Path:
    return paden.home() / "cache" / f"weergave-{naam}.bin"


def _sleutel(naam: str, opties: Sequence[Any], modules: Sequence[str]) -> tuple[Any, ...]:
    """Everything besides the dossier files that the listing's text depends on."""
    from ketencli import klok, ui

    nu = klok.nu()
    eigen = [__file__, ui.__file__, *modules]
    return (VERSIE, __version__, sys.hexversion, naam, tuple(opties), index.cache_sleutel(nu.date()),
            [index.stempel(m) for m in eigen], (paden.home() / ".git").is_dir(), ui.terminalbreedte(),
            ui.kleuren(), getattr(sys.stdout, "encoding", None))


def toon(naam: str, opties: Sequence[Any], bestanden: Bestanden, modules: Sequence[str] = ()) -> bool:
    """Print the kept text of listing ``naam`` when it is still the listing's text: same ``opties``
    (the command's options, plain values), same dossier files (``bestanden``: ``index.dossierbestanden()``),
    same key (``_sleutel``; ``modules``: the files of the code that renders it) and not past its hour.
    Returns whether it printed."""
    from ketencli import klok, ui

    _BEGIN[naam] = ui.STDERR_CONSOLES[0]
    try:
        with open(_pad(naam), "rb") as f:
            bewaard = marshal.loads(f.read())
    except (OSError, ValueError, EOFError, TypeError):
        return False
    if not (isinstance(bewaard, tuple) and len(bewaard) == 4 and isinstance(bewaard[3], str)):
        return False
    sleutel, stempels, geldig_tot, tekst = bewaard
    if stempels != bestanden or sleutel != _sleutel(naam, opties, modules):
        return False
    if geldig_tot is not None and not (isinstance(geldig_tot, str) and f"{klok.nu():%H:%M}" < geldig_tot):
        return False
    ui.schrijf(tekst)
    return True


def bewaar(naam: str, opties: Sequence[Any], bestanden: Bestanden, tekst: str, geldig_tot: str | None,
           modules: Sequence[str] = ()) -> None:
    """Keep ``tekst`` as listing ``naam``'s text for these ``opties`` and ``bestanden`` (the stamps taken
    before the summaries were read: a file written in between shows as changed next time) until the
    hour ``geldig_tot`` ("HH:MM" today, ``index.geldig_tot``; None: the whole day). Best effort."""
    from ketencli import ui

    if ui.STDERR_CONSOLES[0] != _BEGIN.get(naam, ui.STDERR_CONSOLES[0]):
        return  # the listing wrote a note on stderr (a setting with an error, …): made anew next time
    pad = _pad(naam)
    inhoud = marshal.dumps((_sleutel(naam, opties, modules), bestanden, geldig_tot, tekst))
    with contextlib.suppress(OSError):
        paden.maak_map(pad.parent)
        paden.schrijf_atomisch(pad, inhoud)
