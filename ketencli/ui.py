"""The only place that talks questionary, plus the shared rich helpers.

Every question goes through ``unsafe_ask`` so Ctrl-C and Ctrl-D raise; both become ``Afgebroken``
(exit 130, nothing saved). Before the first question, ``vereis_terminal`` refuses to prompt without
a terminal or with ``--no-input`` and names the non-interactive way instead. questionary and
prompt_toolkit are imported inside the functions: ``ketencli --help`` must not load them.
"""

from __future__ import annotations

import json
import re
import sys
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import date, datetime
from itertools import zip_longest
from typing import Any

from ketencli.fouten import Afgebroken, GeenTerminal

# -- output ----------------------------------------------------------------------------------


# C0 controls except tab and newline, DEL and the C1 controls (ESC, CSI ...): a name or a text in
# a dossier with "\x1b[31m" must not recolour or rewrite the user's terminal (issue 20 §6)
_BESTURING = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f]")


def zichtbaar(tekst: str) -> str:
    """``tekst`` with terminal control characters shown escaped (ESC → ``\\x1b``), never raw."""
    return _BESTURING.sub(lambda m: f"\\x{ord(m.group()):02x}", tekst)


_CONSOLE_KLASSE: list[Any] = []


# how many consoles on stderr were made in this process: a listing that wrote a note is not kept as
# the text of the next one (``weergavecache``), so no note is ever skipped
STDERR_CONSOLES = [0]


def console(stderr: bool = False, **opties: Any) -> Any:
    """The one rich console for terminal output: every text it renders (a printed line, a table
    cell, a panel) passes through ``zichtbaar`` first, so no control sequence from data reaches
    the terminal raw; rich's own styling is added after."""
    if stderr:
        STDERR_CONSOLES[0] += 1
    if not _CONSOLE_KLASSE:
        from rich.console import Console

        class _VeiligeConsole(Console):
            def render_str(self, text: str, *args: Any, **kwargs: Any) -> Any:
                return super().render_str(zichtbaar(text), *args, **kwargs)

        _CONSOLE_KLASSE.append(_VeiligeConsole)
    return _CONSOLE_KLASSE[0](stderr=stderr, highlight=False, **opties)


def schrijf_json(data: Any) -> None:
    """Plain JSON on stdout (never through rich, which wraps lines and eats [markup])."""
    sys.stdout.write(json.dumps(data, ensure_ascii=False, indent=2, default=str) + "\n")
    sys.stdout.flush()


def gelukt(tekst: str) -> None:
    """'✓ tekst' on stdout, the mark green on a terminal; one line (the terminal wraps it, a path in it
    stays whole to copy). Written without rich outside Windows: importing rich was a tenth of a command
    such as `doc` (issue 19); Windows keeps rich, which colours a console without ANSI codes too."""
    import os

    if os.name == "nt":
        from rich.markup import escape

        console().print(f"[green]✓[/] {escape(tekst)}")
        return
    merk = "\x1b[32m✓\x1b[0m" if kleuren() else "✓"
    sys.stdout.write(f"{merk} {zichtbaar(tekst)}\n")
    sys.stdout.flush()


def melding(tekst: str, stijl: str = "yellow") -> None:
    """A note on stderr, so stdout stays clean for data."""
    from rich.markup import escape

    console(stderr=True).print(f"[{stijl}]{escape(tekst)}[/]")


def meld_vreemde_bestanden(dossier_id: str, namen: Sequence[str]) -> None:
    """One note for files in a dossier's folder that ketencli did not write (issue 15 §5): most often
    a sync tool's conflict copy, which ketencli never reads, so a colleague's change may be in it."""
    if not namen:
        return
    lijst = ", ".join(repr(n) for n in namen[:3]) + (f" en nog {len(namen) - 3}" if len(namen) > 3 else "")
    melding(
        f"Let op: in de map van dossier {dossier_id} staat {'een bestand' if len(namen) == 1 else 'bestanden'} "
        f"dat ketencli niet kent: {lijst}. Meestal is dat een kopie van een sync-programma (OneDrive, Dropbox, "
        f"Nextcloud) na een conflict; ketencli leest die niet. Vergelijk de kopie met het dossier, neem over wat "
        f"ontbreekt met `ketencli dossier edit {dossier_id}`, en verplaats of verwijder daarna de kopie."
    )


# -- tables for listings ---------------------------------------------------------------------
# `dossier list` and `overzicht` print thousands of rows: rich's Table measures every cell several
# times and costs seconds at 10,000 rows (issue 19). This renderer looks like rich's default table
# (heavy head, light body) but measures each cell once: linear in the rows, no rich import.


@dataclass
class Kolom:
    """A column of ``tabel``: ``kort`` cuts a long cell to one line with "…" (at most ``max_breedte``
    wide); otherwise the cell wraps at word boundaries, never narrower than ``min_breedte``."""

    kop: str
    kort: bool = False
    max_breedte: int | None = None
    min_breedte: int = 4


# (style of a cell) → ANSI SGR code; the styles the listings use
_ANSI = {"bold": "1", "dim": "2", "italic": "3", "red": "31", "green": "32", "yellow": "33", "cyan": "36",
         "bold red": "1;31", "default": ""}
_BREED = ("W", "F")


class _LuiPatroon:
    """A regex compiled when first searched: ``_NIET_EEN_CEL``'s wide ranges take ~7 ms to compile, and
    most commands that import this module never measure a text (issue 19)."""

    def __init__(self, patroon: str) -> None:
        self.patroon = patroon

    def search(self, tekst: str) -> Any:
        gecompileerd = re.compile(self.patroon)
        self.search = gecompileerd.search  # type: ignore[method-assign]
        return gecompileerd.search(tekst)


# characters that do not take exactly one cell: combining marks, zero-width, East Asian wide, emoji
_NIET_EEN_CEL = _LuiPatroon("[\u0300-\u036f\u200b-\u200f\u1100-\u115f\u2e80-\ua4cf\uac00-\ud7a3\uf900-\ufaff"
                            "\ufe00-\ufe4f\uff00-\uff60\uffe0-\uffe6\U0001f000-\U0001faff\U00020000-\U0003fffd]")


def _breedte(tekst: str) -> int:
    """Terminal cells of ``tekst`` (wide East Asian characters and most emoji take two)."""
    if tekst.isascii() or not _NIET_EEN_CEL.search(tekst):
        return len(tekst)
    import unicodedata

    return sum(0 if unicodedata.combining(c) or c in "\u200b\u200c\u200d\u200e\u200f" or "\ufe00" <= c <= "\ufe0f"
               else 2 if unicodedata.east_asian_width(c) in _BREED else 1 for c in tekst)


def _knip(tekst: str, breedte: int) -> str:
    """``tekst`` cut to ``breedte`` cells, ending in "…" when it was longer."""
    if len(tekst) <= breedte and (tekst.isascii() or not _NIET_EEN_CEL.search(tekst)):
        return tekst
    if tekst.isascii() or not _NIET_EEN_CEL.search(tekst):
        return tekst[:breedte - 1] + "…"
    if _breedte(tekst) <= breedte:
        return tekst
    uit, n = [], 0
    for teken in tekst:
        b = _breedte(teken)
        if n + b > breedte - 1:
            break
        uit.append(teken)
        n += b
    return "".join(uit) + "…"


def _wrap(tekst: str, breedte: int) -> list[str]:
    import textwrap

    return textwrap.wrap(tekst, breedte, break_on_hyphens=False)


def _breek(tekst: str, breedte: int) -> list[str]:
    """``tekst`` wrapped at spaces into lines of at most ``breedte`` cells (a longer word is split)."""
    regels: list[str] = []
    if tekst.isascii() or not _NIET_EEN_CEL.search(tekst):  # one cell per character: textwrap's rules
        for alinea in tekst.split("\n"):
            regels += _wrap(alinea, breedte) or [""]
        return regels
    for alinea in tekst.split("\n"):
        huidig, n = "", 0
        for woord in alinea.split(" "):
            b = _breedte(woord)
            while b > breedte:  # a word wider than the column: split it
                if huidig:
                    regels.append(huidig)
                    huidig, n = "", 0
                deel = _knip(woord, breedte + 1)[:-1] or woord[:1]
                regels.append(deel)
                woord = woord[len(deel):]
                b = _breedte(woord)
            if not huidig:
                huidig, n = woord, b
            elif n + 1 + b <= breedte:
                huidig, n = f"{huidig} {woord}", n + 1 + b
            else:
                regels.append(huidig)
                huidig, n = woord, b
        regels.append(huidig)
    return regels


def kleuren() -> bool:
    """Whether stdout gets colour: a terminal, without NO_COLOR, not TERM=dumb."""
    import os

    return (sys.stdout is not None and sys.stdout.isatty() and not os.environ.get("NO_COLOR")
            and os.environ.get("TERM") != "dumb")


def terminalbreedte() -> int:
    """The width rich would use: $COLUMNS, else the terminal's, else 80."""
    import shutil

    return max(20, shutil.get_terminal_size((80, 24)).columns)


def tabel(titel: str, kolommen: Sequence[Kolom], rijen: Sequence[Sequence[str] | None], *,
          stijlen: Sequence[Sequence[str] | None] | None = None, titel_links: bool = False) -> None:
    """Print a table to stdout (``tabel_tekst``)."""
    schrijf(tabel_tekst(titel, kolommen, rijen, stijlen=stijlen, titel_links=titel_links))


def schrijf(tekst: str) -> None:
    """Write ``tekst`` to stdout as it is; on a console whose code page lacks the box-drawing
    characters, with ASCII lines instead."""
    try:
        sys.stdout.write(tekst)
    except UnicodeEncodeError:  # a console code page without box-drawing characters
        vervang = str.maketrans("┏┓┗┛┳┻╇┡┩┃━│─├┤┼└┘┴", "++++++++++|-|-+++++")
        sys.stdout.write(tekst.translate(vervang).encode(sys.stdout.encoding or "ascii", "replace")
                         .decode(sys.stdout.encoding or "ascii"))
    sys.stdout.flush()


def _langste_woord(teksten: set[str]) -> int:
    """The width of the longest word in these texts (listings repeat their texts: each counted once)."""
    langste = 0
    for tekst in teksten:
        for w in tekst.split():
            b = len(w) if w.isascii() else _breedte(w)
            if b > langste:
                langste = b
    return langste


def tabel_tekst(titel: str, kolommen: Sequence[Kolom], rijen: Sequence[Sequence[str] | None], *,
                stijlen: Sequence[Sequence[str] | None] | None = None, titel_links: bool = False) -> str:
    """A table as the text ``tabel`` prints, at the terminal's width. ``rijen``: the cells per row (plain
    text, never markup; shown through ``zichtbaar``), ``None`` for a section line; ``stijlen``: per row a
    style per cell ("bold red", "yellow" …, see ``_ANSI``) or None. Colour only on a terminal without
    NO_COLOR (``kleuren``)."""
    totaal = terminalbreedte()
    # a printable text has no control characters: only the others go through the regex
    cellen = [None if rij is None else [c if c.__class__ is str and c.isprintable() else zichtbaar(str(c))
                                        for c in rij] for rij in rijen]
    breedtes = [_breedte(k.kop) for k in kolommen]
    for rij in cellen:
        if rij is not None:
            for i, cel in enumerate(rij):
                b = max(map(_breedte, cel.split("\n"))) if "\n" in cel else _breedte(cel)
                if b > breedtes[i]:
                    breedtes[i] = b
    for i, k in enumerate(kolommen):
        if k.max_breedte is not None:
            breedtes[i] = min(breedtes[i], max(k.max_breedte, _breedte(k.kop)))
    # too wide: the widest wrapping column gives way first (down to the next widest, never below its
    # minimum), then the widest cut column; a terminal narrower than all minimums gets a wider table
    te_veel = sum(breedtes) + 3 * len(kolommen) + 1 - totaal
    if te_veel > 0:
        # a wrapping column keeps its longest word whole as long as it can: first down to its minimum or
        # that word, then below its minimum down to that word, only then (and the cut columns) further
        woord = [0 if k.kort else _langste_woord({rij[i] for rij in cellen if rij is not None})
                 for i, k in enumerate(kolommen)]
        vloeren = [[max(k.min_breedte, woord[i]) for i, k in enumerate(kolommen)],
                   [max(min(k.min_breedte, 4), woord[i]) for i, k in enumerate(kolommen)],
                   [k.min_breedte for k in kolommen]]
        for kort, vloer in ((False, vloeren[0]), (False, vloeren[1]), (False, vloeren[2]), (True, vloeren[2])):
            while te_veel > 0:
                kandidaten = [i for i, k in enumerate(kolommen) if k.kort == kort and breedtes[i] > vloer[i]]
                if not kandidaten:
                    break
                i = max(kandidaten, key=lambda j: breedtes[j])
                volgende = max([breedtes[j] for j in kandidaten if j != i] + [vloer[i]])
                minder = min(te_veel, breedtes[i] - volgende) or 1
                breedtes[i] -= minder
                te_veel -= minder
    kleur = kleuren()

    def stijl(tekst: str, naam: str | None) -> str:
        code = _ANSI.get(naam or "", "") if kleur else ""
        return f"\x1b[{code}m{tekst}\x1b[0m" if code else tekst

    def lijn(links: str, vul: str, midden: str, rechts: str) -> str:
        return links + midden.join(vul * (b + 2) for b in breedtes) + rechts

    uit = []
    breedte_tabel = sum(breedtes) + 3 * len(kolommen) + 1
    if titel:
        titel = _knip(zichtbaar(titel), breedte_tabel)
        uit.append(stijl(titel if titel_links else titel.center(breedte_tabel).rstrip(), "italic"))
    uit.append(lijn("┏", "━", "┳", "┓"))
    uit.append("┃" + "┃".join(" " + stijl(k.kop + " " * (b - _breedte(k.kop)), "bold") + " "
                              for k, b in zip(kolommen, breedtes, strict=True)) + "┃")
    uit.append(lijn("┡", "━", "╇", "┩"))
    # a row whose cells are all one cell per character and unstyled is formatted in one call
    vorm = "│" + "│".join(f" {{:<{b}}} " for b in breedtes) + "│"
    gebroken: dict[tuple[str, int], Sequence[str]] = {}  # listings repeat their texts: wrap each once
    for n, rij in enumerate(cellen):
        if rij is None:
            uit.append(lijn("├", "─", "┼", "┤"))
            continue
        rijstijl = stijlen[n] if kleur and stijlen is not None else None
        if not (rijstijl and any(rijstijl)):  # the common row: plain ASCII on one line that fits, in C loops
            samen = "".join(rij)
            if samen.isascii() and "\n" not in samen and all(map(int.__le__, map(len, rij), breedtes)):
                uit.append(vorm.format(*rij))
                continue
        blokken: list[Sequence[str]] = []
        allemaal_een = True  # every character takes one cell: then len() is the width
        for cel, k, b in zip(rij, kolommen, breedtes, strict=True):
            een = cel.isascii() or not _NIET_EEN_CEL.search(cel)
            allemaal_een = allemaal_een and een
            if een and len(cel) <= b and "\n" not in cel:
                blokken.append((cel,))
            elif k.kort:
                blokken.append((_knip(cel.replace("\n", " "), b),))
            else:
                regels = gebroken.get((cel, b))
                if regels is None:
                    regels = gebroken[(cel, b)] = _breek(cel, b)
                blokken.append(regels)
        if allemaal_een and not (rijstijl and any(rijstijl)):
            uit.extend(vorm.format(*regel) for regel in zip_longest(*blokken, fillvalue=""))
            continue
        for regel in zip_longest(*blokken, fillvalue=""):
            delen = []
            for i, tekst in enumerate(regel):
                opvulling = " " * (breedtes[i] - _breedte(tekst))
                if rijstijl and rijstijl[i]:
                    tekst = stijl(tekst, rijstijl[i])
                delen.append(f" {tekst}{opvulling} ")
            uit.append("│" + "│".join(delen) + "│")
    uit.append(lijn("└", "─", "┴", "┘"))
    return "\n".join(uit) + "\n"


# -- asking ----------------------------------------------------------------------------------


KORTE_DAGEN = ("ma", "di", "wo", "do", "vr", "za", "zo")


def vervaldatum(item: dict[str, Any] | None, nu: datetime | date) -> tuple[str, str | None]:
    """A due item (``planning.Vervaldatum.naar_dict()``) as (plain text, style) at ``nu``: overdue "red" with
    "(te laat)", due within a week "yellow" with "(binnen de week)", so the state reads without colour
    too (NO_COLOR). Overdue is ``planning.urgentie``'s "te-laat", the one rule `overzicht` uses too: a
    deadline at 14:00 is late from 14:00 that day (a bare date ``nu`` is the start of that day). Due items
    carry no names, only ids."""
    from ketencli import planning

    if not item:
        return "—", None
    if not isinstance(nu, datetime):
        nu = datetime.combine(nu, datetime.min.time())
    datum = date.fromisoformat(item["datum"])
    wanneer = f"{KORTE_DAGEN[datum.weekday()]} {datum:%d/%m/%Y}" + (f" {item['tijd']}" if item.get("tijd") else "")
    tekst = f"{wanneer}: {item.get('omschrijving', '')}"
    if planning.urgentie(item, nu, None) == "te-laat":
        return f"{tekst} (te laat)", "red"
    if (datum - nu.date()).days < 7:
        return f"{tekst} (binnen de week)", "yellow"
    return tekst, None


def vervaldatum_tekst(item: dict[str, Any] | None, nu: datetime | date) -> str:
    """``vervaldatum`` as one rich-markup line."""
    from rich.markup import escape

    tekst, stijl = vervaldatum(item, nu)
    return f"[{stijl}]{escape(tekst)}[/]" if stijl else escape(tekst)


def heeft_terminal() -> bool:
    """True when stdin and stdout are terminals (tests replace this to drive the prompts)."""
    try:
        return sys.stdin.isatty() and sys.stdout.isatty()
    except (AttributeError, ValueError):
        return False


def vereis_terminal(no_input: bool, alternatief: str) -> None:
    """Refuse to prompt with --no-input or without a terminal; name the non-interactive way."""
    if no_input:
        raise GeenTerminal(f"Er ontbreken gegevens en --no-input vraagt niets. {alternatief}")
    if not heeft_terminal():
        raise GeenTerminal(
            f"Deze vragen hebben een terminal nodig. {alternatief}",
            tip="Of start het commando in een gewoon terminalvenster (op Windows: Windows Terminal of cmd).",
        )


@contextmanager
def _vangen() -> Iterator[None]:
    try:
        yield
    except (KeyboardInterrupt, EOFError):
        raise Afgebroken() from None
    except Exception as fout:  # prompt_toolkit on an unusable console (Git Bash/mintty on Windows)
        if type(fout).__name__ == "NoConsoleScreenBufferError":
            raise GeenTerminal(
                "Deze terminal ondersteunt de vragen niet (bv. Git Bash).",
                tip="Gebruik Windows Terminal of cmd, of de opties zonder vragen (zie --help).",
            ) from None
        raise


def _stijl() -> Any:
    import questionary

    return questionary.Style([("qmark", "fg:ansicyan bold"), ("answer", "fg:ansigreen"),
                              ("instruction", "fg:ansibrightblack italic")])


def tekst(vraag: str, standaard: str = "", *, verplicht: bool = False, hint: str = "",
          meerregelig: bool = False) -> str:
    import questionary

    def controleer(waarde: str) -> bool | str:
        if verplicht and not waarde.strip():
            return "Dit mag niet leeg zijn."
        return True

    instructie = hint
    if meerregelig:
        instructie = (hint + " " if hint else "") + "(Enter = nieuwe regel, Esc en dan Enter = klaar)"
    with _vangen():
        antwoord = questionary.text(
            vraag, default=standaard or "", validate=controleer, multiline=meerregelig,
            instruction=instructie or None, style=_stijl(), qmark="?",
        ).unsafe_ask()
    return (antwoord or "").strip()


def datum(vraag: str, standaard: date | None = None, *, verplicht: bool = False,
          niet_na: date | None = None) -> date | None:
    """A date as 2026-03-15 (also 15/3/2026, 15-03-2026, 15/3); empty = none when not verplicht.
    With ``niet_na`` (a fact) a date without a year is the most recent one, else the nearest."""
    import questionary

    richting = "verleden" if niet_na is not None else "dichtst"

    def controleer(waarde: str) -> bool | str:
        waarde = waarde.strip()
        if not waarde:
            return "Dit mag niet leeg zijn." if verplicht and standaard is None else True
        try:
            gelezen = lees_datum(waarde, richting)
        except ValueError as fout:  # taal.OnbestaandeDatum
            return f"{str(fout)[:1].upper()}{str(fout)[1:]}."
        if gelezen is None:
            return "Geef een datum als 2026-03-15, 15/3/2026 of 15/3."
        if niet_na is not None and gelezen > niet_na:
            return f"Deze datum ligt in de toekomst (na {niet_na:%d/%m/%Y})."
        return True

    # the default is not typed into the field (typing would add to it): Enter takes it
    instructie = f"(Enter = {standaard:%d/%m/%Y}; of dd/mm/jjjj, dd/mm)" if standaard else "(dd/mm/jjjj of dd/mm)"
    with _vangen():
        antwoord = questionary.text(vraag, default="", validate=controleer, instruction=instructie,
                                    style=_stijl()).unsafe_ask()
    if not (antwoord or "").strip():
        return standaard
    return lees_datum(antwoord, richting)


def lees_datum(waarde: str, richting: str = "dichtst") -> date | None:
    """A typed date (``taal.lees_datum``), a date without a year read from today's date in
    ``richting``; None when it is not a date. Raises ``taal.OnbestaandeDatum`` for "31/11/2026"."""
    from ketencli import klok, taal

    return taal.lees_datum(waarde, vandaag=klok.vandaag(), richting=richting)


def keuze(vraag: str, keuzes: Sequence[tuple[str, str]], standaard: str | None = None) -> str:
    """Pick one; ``keuzes`` are (value, label) pairs."""
    import questionary

    opties = [questionary.Choice(title=label, value=waarde) for waarde, label in keuzes]
    lang = len(opties) > 10  # long lists (prisons): typing filters them
    with _vangen():
        return questionary.select(
            vraag, choices=opties, default=standaard if standaard in dict(keuzes) else None,
            style=_stijl(), instruction="(typ om te zoeken, pijltjes en Enter)" if lang else "(pijltjes en Enter)",
            use_search_filter=lang, use_jk_keys=not lang,
        ).unsafe_ask()


def meerdere(vraag: str, keuzes: Sequence[tuple[str, str]], standaard: Sequence[str] = (), *,
             minstens_een: bool = False) -> list[str]:
    import questionary

    opties = [questionary.Choice(title=label, value=waarde, checked=waarde in standaard)
              for waarde, label in keuzes]

    def controleer(gekozen: list[str]) -> bool | str:
        return True if gekozen or not minstens_een else "Kies er minstens één (spatiebalk)."

    with _vangen(), _nederlandse_checkbox():
        vraagstuk = questionary.checkbox(
            vraag, choices=opties, validate=controleer, style=_stijl(),
            instruction="(spatiebalk = aanvinken, Enter = klaar)",
        )
    with _vangen():
        return list(vraagstuk.unsafe_ask())


@contextmanager
def _nederlandse_checkbox() -> Iterator[None]:
    """questionary's checkbox sums up the answer in English ("done (2 selections)") with no option to
    change it: while the prompt is built, its layout gets a token function that says it in Dutch."""
    from questionary.prompts import checkbox as q_checkbox

    origineel = q_checkbox.common.create_inquirer_layout

    def layout(ic: Any, tokens: Callable[[], list[tuple[str, str]]], **kwargs: Any) -> Any:
        def nederlands() -> list[tuple[str, str]]:
            uit = []
            for klasse, tekst in tokens():
                if klasse == "class:answer":
                    if tekst == "done":
                        tekst = "niets gekozen"
                    elif m := re.fullmatch(r"done \((\d+) selections\)", tekst):
                        tekst = f"{m.group(1)} gekozen"
                uit.append((klasse, tekst))
            return uit

        return origineel(ic, nederlands, **kwargs)

    q_checkbox.common.create_inquirer_layout = layout
    try:
        yield
    finally:
        q_checkbox.common.create_inquirer_layout = origineel


def bevestig(vraag: str, standaard: bool = True) -> bool:
    """Yes/no in Dutch: j or y = ja, n = nee, Enter = the default (questionary's confirm is English)."""
    from prompt_toolkit import PromptSession
    from prompt_toolkit.formatted_text import to_formatted_text
    from prompt_toolkit.key_binding import KeyBindings
    from prompt_toolkit.keys import Keys
    from questionary.question import Question
    from questionary.styles import merge_styles_default

    status: dict[str, Any] = {"antwoord": None, "klaar": False}

    def tokens() -> Any:
        delen = [("class:qmark", "?"), ("class:question", f" {vraag} ")]
        if not status["klaar"]:
            delen.append(("class:instruction", "(J/n) " if standaard else "(j/N) "))
        if status["antwoord"] is not None:
            delen.append(("class:answer", "Ja" if status["antwoord"] else "Nee"))
        return to_formatted_text(delen)

    toetsen = KeyBindings()

    @toetsen.add(Keys.ControlC, eager=True)
    @toetsen.add(Keys.ControlQ, eager=True)
    def _stop(event: Any) -> None:
        event.app.exit(exception=KeyboardInterrupt, style="class:aborting")

    @toetsen.add("n")
    @toetsen.add("N")
    def _nee(event: Any) -> None:
        status["antwoord"] = False

    @toetsen.add("j")
    @toetsen.add("J")
    @toetsen.add("y")
    @toetsen.add("Y")
    def _ja(event: Any) -> None:
        status["antwoord"] = True

    @toetsen.add(Keys.ControlH)
    def _wis(event: Any) -> None:
        status["antwoord"] = None

    @toetsen.add(Keys.ControlM, eager=True)
    def _klaar(event: Any) -> None:
        if status["antwoord"] is None:
            status["antwoord"] = standaard
        status["klaar"] = True
        event.app.exit(result=status["antwoord"])

    @toetsen.add(Keys.Any)
    def _anders(event: Any) -> None:
        """Other keys type nothing."""

    sessie = PromptSession(tokens, key_bindings=toetsen, style=merge_styles_default([_stijl()]))
    with _vangen():
        return bool(Question(sessie.app).unsafe_ask())


def herhaal(vraag: str, stap: Callable[[], Any], *, standaard: bool = True) -> list[Any]:
    """Ask ``vraag`` (yes/no) and run ``stap`` while the answer is yes."""
    resultaten: list[Any] = []
    while bevestig(vraag, standaard):
        resultaten.append(stap())
        standaard = False
    return resultaten
