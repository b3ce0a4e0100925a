"""The typer app: registers the commands of ``commands/`` and holds the one error handler.

Every exception ends here (``KetenGroep.main``): ketencli's own errors become one red Dutch line
on stderr with their exit code (D12); click's usage errors are translated (exit 2); Ctrl-C is 130
with nothing saved; anything unexpected is a short Dutch message without traceback or local
variables, unless ``KETENCLI_DEBUG=1``. Keep this module light: ``ketencli --help`` must not import
pydantic models, questionary, docxtpl or lxml.
"""

from __future__ import annotations

import os
import re
import sys
from typing import Any

import typer
from typer import _click  # typer >= 0.26 bundles its own click (pinned in pyproject)
from typer import core as typer_core

from ketencli import __version__
from ketencli.fouten import KetencliFout, schrijffout

# -- Dutch framework texts -------------------------------------------------------------------


class _NlFormatter(_click.formatting.HelpFormatter):
    def write_usage(self, prog: str, args: str = "", prefix: str | None = None) -> None:
        super().write_usage(prog, args, "Gebruik: " if prefix is None else prefix)


_click.core.Context.formatter_class = _NlFormatter
_oorspronkelijke_help_optie = _click.core.Command.get_help_option


def _nl_help_optie(self: Any, ctx: Any) -> Any:
    optie = _oorspronkelijke_help_optie(self, ctx)
    if optie is not None:
        optie.help = "Toon deze hulp en stop."
    return optie


_click.core.Command.get_help_option = _nl_help_optie  # type: ignore[method-assign]


_NL_KLAAR: list[bool] = []


def _nl_rich_teksten() -> None:
    """Dutch texts in typer's rich help, set the first time help is formatted (importing
    typer.rich_utils costs ~0.1 s, which a command that shows no help need not pay)."""
    if _NL_KLAAR:
        return
    _NL_KLAAR.append(True)
    from typer import rich_utils

    rich_utils.ARGUMENTS_PANEL_TITLE = "Argumenten"
    rich_utils.OPTIONS_PANEL_TITLE = "Opties"
    rich_utils.COMMANDS_PANEL_TITLE = "Commando's"
    rich_utils.ERRORS_PANEL_TITLE = "Fout"
    rich_utils.ABORTED_TEXT = "Afgebroken."
    rich_utils.DEFAULT_STRING = "[standaard: {}]"
    rich_utils.REQUIRED_LONG_STRING = "[verplicht]"
    rich_utils.ENVVAR_STRING = "[omgevingsvariabele: {}]"
    rich_utils.DEPRECATED_STRING = "(verouderd) "
    rich_utils.RICH_HELP = "Probeer [blue]'{command_path} {help_option}'[/] voor hulp."
    # the usage line is styled by matching its prefix
    rich_utils.highlighter.highlights = [
        re.sub(r"Usage: ", "Gebruik: ", h) for h in rich_utils.highlighter.highlights
    ]


def _met_nl_teksten(format_help: Any) -> Any:
    def _format_help(self: Any, ctx: Any, formatter: Any) -> Any:
        _nl_rich_teksten()
        return format_help(self, ctx, formatter)

    return _format_help


typer_core.TyperGroup.format_help = _met_nl_teksten(typer_core.TyperGroup.format_help)  # type: ignore[method-assign]
typer_core.TyperCommand.format_help = _met_nl_teksten(typer_core.TyperCommand.format_help)  # type: ignore[method-assign]

# typer 0.29 coerces every parameter value through a pydantic TypeAdapter, even an option that was
# not given (None): building the adapter imports pydantic (~0.1 s). An absent optional value needs no
# coercion, so fast commands (`dossier list --json`, `overzicht`) do not pay for it.
_oorspronkelijke_process_value = typer_core._TyperParameter.process_value


def _process_value(self: Any, ctx: Any, value: Any) -> Any:
    if value is None and not self.required:
        return self.callback(ctx, self, value) if self.callback is not None else None
    gewoon = _gewone_waarde(self, value)
    if gewoon is not None:
        return self.callback(ctx, self, gewoon) if self.callback is not None else gewoon
    return _oorspronkelijke_process_value(self, ctx, value)


def _gewone_waarde(param: Any, value: Any) -> Any:
    """A plain ``str`` or ``int`` value as typed, converted without pydantic (so `jaarcijfers --jaar 2025
    --json` stays on the warm path, issue 17 item 5); None for anything else, or for an int that is not
    a whole number in the option's range: then typer converts it and words the error."""
    try:
        beschrijving = param.type_descriptor
    except AttributeError:
        return None
    info = beschrijving.parameter_info
    if (not isinstance(value, str) or param.multiple or param.nargs != 1 or getattr(info, "parser", None) is not None
            or getattr(info, "click_type", None) is not None):
        return None
    if beschrijving.annotation is str:
        return value
    if beschrijving.annotation is int and re.fullmatch(r"[+-]?\d{1,9}", value.strip()):
        getal = int(value)
        if (info.min is None or getal >= info.min) and (info.max is None or getal <= info.max):
            return getal
    return None


typer_core._TyperParameter.process_value = _process_value  # type: ignore[method-assign]


_TYPELABELS = {"<str>": "TEKST", "<int>": "GETAL", "<float>": "GETAL", "<path>": "PAD", "<datetime>": "MOMENT"}


def _zonder_typelabel(display_type_rich: Any) -> Any:
    """No "<bool>" next to a flag, no "<str>" next to an argument, Dutch words for the other types
    (TEKST, GETAL, PAD); a metavar like DATUM stays."""

    def _display_type_rich(self: Any, ctx: Any) -> Any:
        if getattr(self, "is_flag", False):
            return None
        label = display_type_rich(self, ctx)
        if isinstance(self, typer_core.TyperArgument) and label == "<str>":
            return None  # the argument's name (ID, SOORT) says it
        if isinstance(label, str) and label.startswith("<list[") and label.endswith("]>"):
            label = f"<{label[6:-2]}>"  # a repeatable option: its help text says so
        return _TYPELABELS.get(label, label)

    return _display_type_rich


for _klasse in (typer_core.TyperOption, typer_core.TyperArgument):
    _klasse.display_type_rich = _zonder_typelabel(_klasse.display_type_rich)  # type: ignore[method-assign]


_USAGE_VERTALINGEN: list[tuple[str, str]] = [
    (r"^No such option: (\S+)\s+Did you mean (.*)\?$", "onbekende optie {0} (bedoel je {1}?)"),
    (r"^No such option: (\S+)\s+\(Possible options: (.*)\)$", "onbekende optie {0} (mogelijke opties: {1})"),
    (r"^No such option: (\S+)$", "onbekende optie {0}"),
    (r"^No such command '(.+)'\.\s+Did you mean '(.+)'\?$", "onbekend commando '{0}' (bedoel je '{1}'?)"),
    (r"^No such command '(.+)'\.$", "onbekend commando '{0}'"),
    (r"^Missing argument '(.+)'\.?$", "het argument {0} ontbreekt"),
    (r"^Missing option '(.+)'\.?$", "de optie {0} ontbreekt"),
    (r"^Missing parameter: (.+)$", "{0} ontbreekt"),
    (r"^Got unexpected extra argument(?:s|\(s\))? \((.+)\)\.?$", "te veel argumenten: {0}"),
    (r"^Option '(.+)' requires an argument\.$", "de optie {0} heeft een waarde nodig"),
    (r"^Option '(.+)' does not take a value\.$", "de optie {0} neemt geen waarde"),
    (r"^Invalid value for (.+?): '(.*)' is not a valid (\w+)\.?$", "ongeldige waarde voor {0}: verwacht een {2}"),
    (r"^Invalid value for (.+?): '(.*)' is not one of (.+)\.$", "ongeldige waarde voor {0}: kies uit {2}"),
    (r"^Invalid value for (.+?): (.+)$", "ongeldige waarde voor {0}: {1}"),
    (r"^Invalid value: (.+)$", "ongeldige waarde: {0}"),
]
_TYPEN = {"integer": "geheel getal", "float": "getal", "boolean": "ja/nee-waarde", "choice": "keuze"}


# typer 0.29 checks values with pydantic: its English messages end up inside click's "Invalid value"
_PYDANTIC_VERTALINGEN: list[tuple[str, str]] = [
    (r"Input should be greater than or equal to (\S+?)\.?$", "minstens {0}"),
    (r"Input should be greater than (\S+?)\.?$", "meer dan {0}"),
    (r"Input should be less than or equal to (\S+?)\.?$", "hoogstens {0}"),
    (r"Input should be less than (\S+?)\.?$", "minder dan {0}"),
    (r"Input should be a valid integer.*$", "verwacht een geheel getal"),
    (r"Input should be a valid number.*$", "verwacht een getal"),
    (r"Input should be a valid (date|datetime).*$", "verwacht een datum"),
    (r"Input should be a valid boolean.*$", "verwacht ja of nee"),
    (r"Input should be (.+)$", "kies uit {0}"),
]


def _vertaal_pydantic(tekst: str) -> str:
    for patroon, sjabloon in _PYDANTIC_VERTALINGEN:
        m = re.search(patroon, tekst)
        if m:
            return tekst[: m.start()] + sjabloon.format(*m.groups())
    return tekst


def _vertaal_gebruiksfout(fout: _click.exceptions.ClickException) -> str:
    tekst = fout.format_message().strip()
    for patroon, sjabloon in _USAGE_VERTALINGEN:
        m = re.match(patroon, tekst, flags=re.S)
        if m:
            delen = [_TYPEN.get(g, g) if g else "" for g in m.groups()]
            return _vertaal_pydantic(sjabloon.format(*delen))
    return _vertaal_pydantic(tekst)


# -- output helpers --------------------------------------------------------------------------


def _stderr(tekst: str, stijl: str = "") -> None:
    from rich.markup import escape

    from ketencli import ui

    console = ui.console(stderr=True, soft_wrap=True)  # control characters shown escaped (issue 20 §6)
    console.print(f"[{stijl}]{escape(tekst)}[/]" if stijl else escape(tekst))


def _debug() -> bool:
    return os.environ.get("KETENCLI_DEBUG", "").strip() not in ("", "0")


def _bestandsnaam(fout: OSError) -> str:
    """The file an OS error is about, relative to the data home when inside it (ids, no names)."""
    from pathlib import Path

    from ketencli import paden

    if not fout.filename:
        return "Een bestand"
    pad = Path(os.fsdecode(fout.filename))
    try:
        return str(pad.relative_to(paden.home()))
    except ValueError:
        return str(pad)


# -- the single exit point -------------------------------------------------------------------


class KetenGroep(typer_core.TyperGroup):
    """The root group: every command's exceptions pass through ``main``."""

    def main(self, args: Any = None, prog_name: str | None = None, complete_var: str | None = None,
             standalone_mode: bool = True, **extra: Any) -> Any:
        try:
            resultaat = super().main(args=args, prog_name=prog_name or "ketencli",
                                     complete_var=complete_var, standalone_mode=False, **extra)
        except KetencliFout as fout:
            if _debug():
                raise
            _stderr(fout.melding, "bold red")
            if fout.tip:
                _stderr(fout.tip, "yellow")
            sys.exit(fout.exit_code)
        except _click.exceptions.NoArgsIsHelpError as fout:
            fout.show()
            sys.exit(2)
        except _click.exceptions.UsageError as fout:
            boodschap = _vertaal_gebruiksfout(fout)
            pad = fout.ctx.command_path if fout.ctx else "ketencli"
            _stderr(f"Fout: {boodschap.rstrip('.')}.", "bold red")
            _stderr(f"Probeer '{pad} --help' voor hulp.", "yellow")
            sys.exit(2)
        except _click.exceptions.ClickException as fout:
            _stderr(f"Fout: {_vertaal_gebruiksfout(fout)}", "bold red")
            sys.exit(fout.exit_code)
        except (typer.Abort, KeyboardInterrupt, EOFError):
            _stderr("Afgebroken: er werd niets bewaard.", "yellow")
            sys.exit(130)
        except SystemExit:
            raise
        except OSError as fout:  # a write path's disk error that no command translated (issue 20 §3)
            if _debug():
                raise
            vertaald = schrijffout(fout, f"{_bestandsnaam(fout)} kon niet gelezen of geschreven worden")
            _stderr(vertaald.melding, "bold red")
            if vertaald.tip:
                _stderr(vertaald.tip, "yellow")
            sys.exit(1)
        except Exception as fout:  # noqa: BLE001 - the one place that catches everything
            if _debug():
                raise
            if type(fout).__name__ == "ValidationError" and hasattr(fout, "errors"):
                # a change made by a command broke the schema: say what, never the input values
                from ketencli import store

                vertaald = store.vertaal_validatiefout(fout, "de wijziging")
                _stderr(vertaald.melding, "bold red")
                _stderr("Er werd niets bewaard.", "yellow")
                sys.exit(1)
            _stderr(
                "Er ging iets onverwachts mis in ketencli; er werd niets half bewaard "
                f"({type(fout).__name__}).", "bold red",
            )
            _stderr("Meld het aan wie ketencli onderhoudt, met het commando dat je gaf. "
                    "Met KETENCLI_DEBUG=1 zie je de technische details.", "yellow")
            sys.exit(1)
        if isinstance(resultaat, int) and resultaat:
            sys.exit(resultaat)
        sys.exit(0)


app = typer.Typer(
    cls=KetenGroep,
    name="ketencli",
    help="ketencli: het dossier en de methodiek van de ketenaanpak intrafamiliaal geweld, voor de casusregisseur.",
    no_args_is_help=True,
    add_completion=False,
    pretty_exceptions_enable=False,
    rich_markup_mode="rich",
    context_settings={"help_option_names": ["-h", "--help"]},
)


def _toon_versie(waarde: bool) -> None:
    if waarde:
        typer.echo(f"ketencli {__version__}")
        raise typer.Exit()


@app.callback()
def _hoofd(
    versie: bool = typer.Option(False, "--versie", help="Toon de versie en stop.", callback=_toon_versie,
                                is_eager=True),
) -> None:
    """ketencli: het dossier en de methodiek van de ketenaanpak intrafamiliaal geweld, voor de casusregisseur."""


def _registreer() -> None:
    from ketencli.commands import betrokkenen, bewerken, dossier, kijkschema, profiel, pva

    dossier.app.command("edit")(bewerken.bewerk)
    dossier.app.add_typer(betrokkenen.dienst_app, name="dienst")
    dossier.app.command("regisseur")(betrokkenen.regisseur)
    from ketencli.commands import aanmelding

    dossier.app.command("aanmelding")(aanmelding.aanmelding)
    app.add_typer(dossier.app, name="dossier")
    app.add_typer(kijkschema.app, name="kijkschema")
    app.add_typer(pva.app, name="pva")
    from ketencli.commands import stap

    app.add_typer(stap.app, name="stap")
    from ketencli.commands import doc, templates

    app.command("doc", help="Maak een Word-document uit het dossier (plan van aanpak, agenderingen, brieven).")(doc.doc)
    app.add_typer(templates.app, name="templates")
    from ketencli.commands import genogram

    app.command("genogram", help="Teken het genogram van het gezin (SVG en PNG, voor weegploeg en ronde tafel)."
                )(genogram.genogram)
    from ketencli.commands import afronding

    app.add_typer(afronding.app, name="afronding")
    from ketencli.commands import agendeer

    app.add_typer(agendeer.app, name="agendeer")
    from ketencli.commands import overzicht, regio

    app.command("overzicht")(overzicht.overzicht)
    app.add_typer(regio.app, name="regio")
    from ketencli.commands import tijdlijn

    app.add_typer(tijdlijn.app, name="tijdlijn")
    app.command("profiel")(profiel.profiel)
    from ketencli.commands import bewaring

    app.command("bewaring", help="Bewaartermijn: afgesloten dossiers waarvan de termijn verstreken is, en ze "
                                 "verwijderen (--verwijder).")(bewaring.bewaring)
    from ketencli.commands import jaarcijfers

    app.command("jaarcijfers", help="Jaarcijfers voor de stuurgroep, per regio: Word-document met grafieken, of "
                                    "--json/--csv. Aantallen onder 5 als \"< 5\", zonder namen."
                )(jaarcijfers.jaarcijfers)


_registreer()


def _utf8_uitvoer() -> None:
    """Output redirected to a file or a pipe is UTF-8 everywhere: on Windows Python would use the
    ANSI code page, and a name like Yılmaz – Şahin would stop `--json > bestand.json` halfway."""
    for stroom in (sys.stdout, sys.stderr):
        if stroom is not None and not stroom.isatty() and hasattr(stroom, "reconfigure"):
            try:
                stroom.reconfigure(encoding="utf-8", errors="replace")
            except (OSError, ValueError):  # pragma: no cover - a stream that cannot change
                pass


def main() -> None:
    _utf8_uitvoer()
    app()
