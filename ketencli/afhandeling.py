"""The one error handler: every command's exceptions end here, whether the command ran through the
typer app (``cli.KetenGroep.main``, which first translates click's usage errors) or without it
(``start.ZONDER_TYPER``).

ketencli's own errors become one red Dutch line on stderr with their exit code (D12); Ctrl-C is 130
with nothing saved; a disk error no command translated says which file; anything unexpected is a
short Dutch message without traceback or local variables, unless ``KETENCLI_DEBUG=1``. Light: no
typer, no rich until a message is printed.
"""

from __future__ import annotations

import contextlib
import os
import sys
from collections.abc import Callable
from typing import NoReturn

from ketencli.fouten import KetencliFout, schrijffout


def stderr(tekst: str, stijl: str = "") -> None:
    """Print one line on stderr (``stijl``: a rich style such as "bold red"); control characters are
    shown escaped (issue 20 §6)."""
    from rich.markup import escape

    from ketencli import ui

    console = ui.console(stderr=True, soft_wrap=True)
    console.print(f"[{stijl}]{escape(tekst)}[/]" if stijl else escape(tekst))


def debug() -> bool:
    """``KETENCLI_DEBUG`` is set (not empty, not 0): exceptions are raised with their traceback."""
    return os.environ.get("KETENCLI_DEBUG", "").strip() not in ("", "0")


def _bestandsnaam(fout: OSError) -> str:
    """The file an OS error is about, relative to the data home when inside it (ids, no names)."""
    from pathlib import Path

    from ketencli import paden

    pad = Path(os.fsdecode(fout.filename))
    try:
        return str(pad.relative_to(paden.home()))
    except ValueError:
        return str(pad)


def _meld_geraakte_conflicten() -> None:
    """Say once, after the command, each open team conflict whose field a save of this run changed
    (``store.geraakte_conflicten``, issue 18); store itself prints nothing. Without store loaded, none."""
    store = sys.modules.get("ketencli.store")
    geraakt = list(getattr(store, "geraakte_conflicten", None) or [])
    if not geraakt:
        return
    store.geraakte_conflicten.clear()  # type: ignore[union-attr]
    from ketencli import team

    for dossier_id, veld, geheel in geraakt:
        stderr(team.geraakt_melding(dossier_id, veld, geheel), "yellow")


def voer_uit(opdracht: Callable[[], object]) -> NoReturn:
    """Run a command and exit the process: 0 when it returns (or its return value when that is a
    non-zero int, 130 said as an interruption), the exception's exit code otherwise (D12).
    ``SystemExit`` passes unchanged. Then (also after a user error) the notes of saves that changed the
    field of an open team conflict (``_meld_geraakte_conflicten``)."""
    geladen = sys.modules.get("ketencli.store")
    if geladen is not None:  # notes of an earlier run in this process (tests) are not this one's
        geladen.geraakte_conflicten.clear()
    try:
        resultaat = opdracht()
    except KetencliFout as fout:
        if debug():
            raise
        _meld_geraakte_conflicten()
        stderr(fout.melding, "bold red")
        if fout.tip:
            stderr(fout.tip, "yellow")
        sys.exit(fout.exit_code)
    except (KeyboardInterrupt, EOFError):
        stderr("Afgebroken: er werd niets bewaard.", "yellow")
        sys.exit(130)
    except SystemExit:
        raise
    except BrokenPipeError:  # the reader of the output went away (`ketencli ... | head`): quiet, as click is
        with contextlib.suppress(OSError, ValueError):
            os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())  # no second error at exit
        sys.exit(1)
    except OSError as fout:  # a write path's disk error that no command translated (issue 20 §3)
        if debug():
            raise
        if fout.filename:
            vertaald = schrijffout(fout, f"{_bestandsnaam(fout)} kon niet gelezen of geschreven worden")
        else:  # no file named: most often the output itself (`> /dev/full`), after the work was done
            vertaald = schrijffout(fout, "De uitvoer (of een bestand) kon niet geschreven worden",
                                   gevolg="Wat al bewaard was, blijft bewaard; er werd niets half bewaard.")
        stderr(vertaald.melding, "bold red")
        if vertaald.tip:
            stderr(vertaald.tip, "yellow")
        sys.exit(1)
    except Exception as fout:  # noqa: BLE001 - the one place that catches everything
        if debug():
            raise
        if type(fout).__name__ == "ValidationError" and hasattr(fout, "errors"):
            # a change made by a command broke the schema: say what, never the input values
            from ketencli import store

            vertaald = store.vertaal_validatiefout(fout, "de wijziging")
            stderr(vertaald.melding, "bold red")
            stderr("Er werd niets bewaard.", "yellow")
            sys.exit(1)
        stderr("Er ging iets onverwachts mis in ketencli; er werd niets half bewaard "
               f"({type(fout).__name__}).", "bold red")
        stderr("Meld het aan wie ketencli onderhoudt, met het commando dat je gaf. "
               "Met KETENCLI_DEBUG=1 zie je de technische details.", "yellow")
        sys.exit(1)
    _meld_geraakte_conflicten()
    if isinstance(resultaat, int) and resultaat:
        if resultaat == 130:  # typer turns a Ctrl-C outside a question into a silent Exit(130)
            stderr("Afgebroken: er werd niets half bewaard.", "yellow")
        sys.exit(resultaat)
    sys.exit(0)
