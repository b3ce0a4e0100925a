"""The entry point (`ketencli`, `python -m ketencli`): UTF-8 output, no pydantic plugins, then the
command, through the one error handler (``afhandeling.voer_uit``).

A command line in ``ZONDER_TYPER`` runs without building the typer app: `ketencli team sync`, which
a team runs several times a day and whose start-up would otherwise cost as much as git's own pull
and push (issue 18's benchmark). Only the exact words match; any option, ``--help`` or other spelling
goes through the typer app, which registers the same function (tests/test_team.py checks both paths
print the same).
"""

from __future__ import annotations

import os
import sys
from typing import Any

# exact arguments after `ketencli` → (module, function) of a command without parameters
ZONDER_TYPER: dict[tuple[str, ...], tuple[str, str]] = {
    ("team", "sync"): ("ketencli.commands.teamweergave", "sync"),
}


def _utf8_uitvoer() -> None:
    """Output redirected to a file or a pipe is UTF-8 everywhere: on Windows Python would use the
    ANSI code page, and a name like Yılmaz – Şahin would stop `--json > bestand.json` halfway. A closed
    output (`>&-`: Python has no stream then) goes nowhere instead of failing the command."""
    if sys.stdout is None:
        sys.stdout = open(os.devnull, "w", encoding="utf-8")  # noqa: SIM115 - for the whole process
    if sys.stderr is None:
        sys.stderr = open(os.devnull, "w", encoding="utf-8")  # noqa: SIM115
    for stroom in (sys.stdout, sys.stderr):
        if stroom is not None and not stroom.isatty() and hasattr(stroom, "reconfigure"):
            try:
                stroom.reconfigure(encoding="utf-8", errors="replace")
            except (OSError, ValueError):  # pragma: no cover - a stream that cannot change
                pass


def geen_pydantic_plugins() -> None:
    """No pydantic plugin ever sees a dossier (it would get every validated value; ketencli uses none),
    and none is searched for: that scan of every installed package cost ~25 ms of each command that
    loads the model (issue 19). The variable alone still lets pydantic import its plugin loader, and
    with it importlib.metadata and the email package (~10 ms), to learn there are none: a loader that
    knows no plugins stands in for it. pydantic (2.5 to 2.14 at least) asks it for ``get_plugins``
    only; any other name loads pydantic's own loader after all."""
    os.environ["PYDANTIC_DISABLE_PLUGINS"] = "__all__"
    naam = "pydantic.plugin._loader"
    if naam in sys.modules:
        return
    import types

    lader = types.ModuleType(naam)
    lader.get_plugins = lambda: ()  # type: ignore[attr-defined]

    def __getattr__(attribuut: str) -> Any:
        if attribuut.startswith("__"):  # the import system asks for __path__ and the like
            raise AttributeError(attribuut)
        import importlib

        sys.modules.pop(naam, None)
        return getattr(importlib.import_module(naam), attribuut)

    lader.__getattr__ = __getattr__  # type: ignore[method-assign]
    sys.modules[naam] = lader


def main() -> None:
    """Run ketencli with ``sys.argv``; exits the process (D12's exit codes). Ctrl-C while ketencli is
    still loading is 130 with the same words as later, not a traceback."""
    try:
        geen_pydantic_plugins()
        _utf8_uitvoer()
        snel = ZONDER_TYPER.get(tuple(sys.argv[1:]))
        if snel is not None:
            import importlib

            from ketencli.afhandeling import voer_uit

            module, functie = snel
            voer_uit(lambda: getattr(importlib.import_module(module), functie)())
        from ketencli.cli import app
    except KeyboardInterrupt:
        sys.stderr.write("Afgebroken: er werd niets bewaard.\n")
        sys.exit(130)
    app()
