"""The typer app: registers the commands of ``commands/`` and translates click's usage errors.

Every exception ends in the one handler, ``afhandeling.voer_uit`` (``KetenGroep.main`` hands it the
command): click's usage errors are translated here first (exit 2); ketencli's own errors, Ctrl-C,
disk errors and anything unexpected are said there in Dutch (D12). The process starts in
``start.main``. Keep this module light: ``ketencli --help`` must not import pydantic models,
questionary, docxtpl or lxml.
"""

from __future__ import annotations

import re
import sys
from typing import Any

import typer
from typer import _click  # typer >= 0.26 bundles its own click (pinned in pyproject)
from typer import core as typer_core

from ketencli import __version__
from ketencli.afhandeling import stderr as _stderr
from ketencli.afhandeling import voer_uit

# -- Dutch framework texts -------------------------------------------------------------------


# Help is click's plain formatter in Dutch (rich_markup_mode=None on the app): typer's rich help
# imports rich.markdown, markdown-it and pygments, which cost more than typer itself (issue 19).
_STIJL = re.compile(r"\[/\]|\[/?(?:(?:bold|dim|italic|strike|underline|reverse|link|on|red|green|yellow|blue|"
                    r"magenta|cyan|white|black|bright_\w+)\s*)+\]")
_KADERTEKSTEN = {
    "Arguments": "Argumenten", "Options": "Opties", "Commands": "Commando's", "required": "verplicht",
    "default: {default}": "standaard: {default}", "env var: {var}": "omgevingsvariabele: {var}",
    "(dynamic)": "(dynamisch)", "Aborted!": "Afgebroken.",
}


def zonder_stijl(tekst: str) -> str:
    """A help text without rich style tags (``[bold]…[/]``): plain help prints them as typed."""
    return _STIJL.sub("", tekst)


class _NlFormatter(_click.formatting.HelpFormatter):
    def write_usage(self, prog: str, args: str = "", prefix: str | None = None) -> None:
        args = args.replace("[OPTIONS]", "[OPTIES]").replace("COMMAND [ARGS]...", "COMMANDO [ARGUMENTEN]...")
        super().write_usage(prog, args, "Gebruik: " if prefix is None else prefix)

    def write_text(self, text: str) -> None:
        super().write_text(zonder_stijl(text))

    def write_dl(self, rows: Any, col_max: int = 30, col_spacing: int = 2) -> None:
        super().write_dl([(term, zonder_stijl(uitleg)) for term, uitleg in rows], col_max, col_spacing)


_click.core.Context.formatter_class = _NlFormatter
typer_core._ = lambda tekst: _KADERTEKSTEN.get(tekst, tekst)  # typer's section titles and [default: …]
_oorspronkelijke_help_optie = _click.core.Command.get_help_option


def _nl_help_optie(self: Any, ctx: Any) -> Any:
    optie = _oorspronkelijke_help_optie(self, ctx)
    if optie is not None:
        optie.help = "Toon deze hulp en stop."
    return optie


_click.core.Command.get_help_option = _nl_help_optie  # type: ignore[method-assign]


def _format_commands(self: Any, ctx: Any, formatter: Any) -> None:
    """A group's commands with their whole first paragraph (click would cut it at the first full stop,
    "art." included); a table line of ``COMMANDO_S`` gives its short help without loading."""
    rijen = []
    for naam in self.list_commands(ctx):
        cmd = self.get_command(ctx, naam)
        if cmd is not None and not cmd.hidden:
            eerste_alinea = (cmd.short_help or cmd.help or "").strip().split("\n\n")[0]
            rijen.append((naam, " ".join(eerste_alinea.split())))
    if rijen:
        with formatter.section("Commando's"):
            formatter.write_dl(rijen)


typer_core.TyperGroup.format_commands = _format_commands  # type: ignore[method-assign]

# typer 0.29 coerces every parameter value through a pydantic TypeAdapter: building one imports
# pydantic (~0.1 s). An absent optional value needs no coercion, nor does a given plain text or a
# whole number within its bounds, so commands that need no model (`dossier list --limit 5`,
# `overzicht --weken 3`) do not pay for it; anything else (and every bad value, for its message)
# still goes through typer.
_oorspronkelijke_process_value = typer_core._TyperParameter.process_value
_GEHEEL_GETAL = re.compile(r"-?[0-9]{1,18}")


def _zonder_pydantic(param: Any, value: Any) -> tuple[bool, Any]:
    """(True, the coerced value) when ``value`` needs no pydantic, else (False, None)."""
    if value is None:
        return not param.required, None
    soort = getattr(param, "type_descriptor", None)
    if soort is None or soort.is_choice:
        return False, None
    if (param.multiple and param.nargs == 1 and soort.annotation == list[str] and isinstance(value, (list, tuple))
            and all(isinstance(v, str) for v in value)):
        return (True, list(value)) if value or not param.required else (False, None)  # a repeatable text option
    if not isinstance(value, str) or param.multiple or param.nargs != 1:
        return False, None
    if soort.annotation is str:
        return True, value
    info = soort.parameter_info
    if soort.annotation is int and _GEHEEL_GETAL.fullmatch(value) and not getattr(info, "clamp", False):
        getal = int(value)
        if (info.min is None or getal >= info.min) and (info.max is None or getal <= info.max):
            return True, getal
    return False, None


def _process_value(self: Any, ctx: Any, value: Any) -> Any:
    klaar, waarde = _zonder_pydantic(self, value)
    if klaar:
        return self.callback(ctx, self, waarde) if self.callback is not None else waarde
    return _oorspronkelijke_process_value(self, ctx, value)


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
    (r"^Got unexpected extra argument(?:s|\(s\))? \(\s*\)\.?$", "te veel argumenten: een leeg argument ('')"),
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


# -- the single exit point -------------------------------------------------------------------


class KetenGroep(typer_core.TyperGroup):
    """The root group: every command's exceptions pass through ``main``; its commands are the
    unloaded lines of ``COMMANDO_S``."""

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        voeg_luie_commando_s_toe(self)

    def _commandopad(self, args: Any) -> str:
        """The command the arguments name ("ketencli overzicht"), for an error click raised without
        its context (an option without its value): the help to point to is that command's."""
        woorden, groep = ["ketencli"], self
        try:
            for arg in list(sys.argv[1:] if args is None else args):
                if not isinstance(arg, str) or arg.startswith("-") or not hasattr(groep, "get_command"):
                    break
                commando = groep.get_command(_click.Context(groep), arg)
                if commando is None:
                    break
                woorden.append(arg)
                groep = commando.echt() if hasattr(commando, "echt") else commando  # a lazy command: loaded
        except Exception:  # noqa: BLE001 - the error handler itself never fails: the root's help then
            return "ketencli"
        return " ".join(woorden)

    def main(self, args: Any = None, prog_name: str | None = None, complete_var: str | None = None,
             standalone_mode: bool = True, **extra: Any) -> Any:
        def opdracht() -> Any:
            try:
                return super(KetenGroep, self).main(args=args, prog_name=prog_name or "ketencli",
                                                    complete_var=complete_var, standalone_mode=False, **extra)
            except _click.exceptions.NoArgsIsHelpError as fout:
                fout.show()
                sys.exit(2)
            except _click.exceptions.UsageError as fout:
                boodschap = _vertaal_gebruiksfout(fout)
                pad = fout.ctx.command_path if fout.ctx else self._commandopad(args)
                _stderr(f"Fout: {boodschap.rstrip('.')}.", "bold red")
                _stderr(f"Probeer '{pad} --help' voor hulp.", "yellow")
                sys.exit(2)
            except _click.exceptions.ClickException as fout:
                _stderr(f"Fout: {_vertaal_gebruiksfout(fout)}", "bold red")
                sys.exit(fout.exit_code)
            except typer.Abort:  # click's Ctrl-C in a prompt: said like any interruption
                raise KeyboardInterrupt from None

        voer_uit(opdracht)


app = typer.Typer(
    cls=KetenGroep,
    name="ketencli",
    help="ketencli: het dossier en de methodiek van de ketenaanpak intrafamiliaal geweld, voor de casusregisseur.",
    no_args_is_help=True,
    add_completion=False,
    pretty_exceptions_enable=False,
    rich_markup_mode=None,
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


# -- the command table -----------------------------------------------------------------------
# One line per command: its path (words after `ketencli`), the module and attribute that define it
# (a typer.Typer sub-app or a command function) and the short help `--help` lists. A command's module
# is imported only when that command runs or shows its own help (a click "LazyGroup" registry), so
# `ketencli --help` and `ketencli overzicht` do not build the other 50-odd commands. A nested path
# ("dossier edit") is added to its group when that group loads. The command's own --help shows its
# docstring (function) or its Typer's help; tests/test_cli.py checks that every line loads.
COMMANDO_S: tuple[tuple[str, str, str, str], ...] = (
    ("overzicht", "ketencli.commands.overzicht", "overzicht",
     "Wat is te laat, wat moet deze week en volgende week, over al je dossiers."),
    ("dossier", "ketencli.commands.dossier", "app",
     "Dossiers: aanmaken, bekijken, bewerken, gezinsleden, diensten, instemming en regisseur."),
    ("dossier instemming", "ketencli.commands.fase", "instemming",
     "Registreer de instemming van een gezinslid met casusregie (of de intrekking of weigering ervan). Stemt een "
     "volwassene in na de uitkomst 'ketenaanpak met casusregie' van de intaketafel, dan start de casusregie."),
    ("dossier ico", "ketencli.commands.fase", "ico",
     "Registreer de uitkomst van de intaketafel van je regio (in Antwerpen het verkennend casusoverleg, ICO); de "
     "fase volgt daaruit. Bij ketenaanpak-met-casusregie wordt ook de aangestelde casusregisseur vastgelegd."),
    ("dossier heropen", "ketencli.commands.fase", "heropen",
     "Heropen een afgesloten dossier, zodat het weer gewijzigd kan worden; dat komt in de historiek."),
    ("dossier lid", "ketencli.commands.lid", "lid_app", "Gezinsleden toevoegen of wijzigen."),
    ("dossier edit", "ketencli.commands.bewerken", "bewerk",
     "Bewerk het dossier in je teksteditor; bewaard als het klopt."),
    ("dossier dienst", "ketencli.commands.betrokkenen", "dienst_app",
     "Betrokken diensten en partners: toevoegen, wijzigen, verwijderen."),
    ("dossier regisseur", "ketencli.commands.betrokkenen", "regisseur",
     "Leg vast wie de casusregisseur is (naam, organisatie, contact)."),
    ("dossier aanmelding", "ketencli.commands.aanmelding", "aanmelding",
     "Vul de aanmelding aan of verbeter ze: datum, aanmelder en de aanmeldingsvragen."),
    ("stap", "ketencli.commands.stap", "app",
     "Casusregie stap voor stap: de vier casusregiefasen en de bijlagen A-D als checklists."),
    ("stap veiligheidsplan", "ketencli.commands.veiligheidsplan", "veiligheidsplan",
     "Maak of herzie het veiligheidsplan: per gezinslid of voor het hele gezin (met vragen of --from)."),
    ("stap 458ter", "ketencli.commands.juridisch", "uitleg_458ter",
     "Toon de uitleg over informatiedeling (art. 458ter Sw.) om voor te lezen of mee te geven; met "
     "--geinformeerd registreer je wie ze kreeg."),
    ("stap dringende-maatregel", "ketencli.commands.juridisch", "dringende_maatregel",
     "Bijlage C: registreer een dringende justitiële maatregel en de vraag om een versnelde opstart aan het "
     "Justitiehuis (aan wie, cc wie, wanneer). Zonder --beslist-op: toon wat geregistreerd is."),
    ("kijkschema", "ketencli.commands.kijkschema", "app",
     "Het kijkschema: risico- en beschermende factoren per domein, gedateerd."),
    ("pva", "ketencli.commands.pva", "app", "Het plan van aanpak: tonen, controleren en bewerken."),
    ("pva rij", "ketencli.commands.pva_onderdelen", "rij_app",
     "Rijen van het plan: toevoegen, wijzigen, verplaatsen, verwijderen."),
    ("pva actie", "ketencli.commands.pva_onderdelen", "actie_app",
     "Acties binnen een rij: toevoegen, wijzigen (stavaza, plan B), verwijderen."),
    ("pva doel", "ketencli.commands.pva_onderdelen", "doel_app", "Doelstellingen van het plan."),
    ("tijdlijn", "ketencli.commands.tijdlijn", "app",
     "De tijdlijn van het dossier: incidenten, pv's, meldingen, overleg en contacten."),
    ("agendeer", "ketencli.commands.agendeer", "app",
     "Agendeer een dossier op een overlegtafel van je regio, met document en conceptmail."),
    ("agendeer lijst", "ketencli.commands.agendering", "lijst",
     "Toon de agenderingen van een dossier: tafel, zitting, deadline, status en uitkomst."),
    ("agendeer uitkomst", "ketencli.commands.agendering", "uitkomst",
     "Noteer de uitkomst na de zitting: afspraken, wat je meeneemt, de terugkomdatum, wie er was."),
    ("doc", "ketencli.commands.doc", "doc",
     "Maak een Word-document uit het dossier (plan van aanpak, agenderingen, brieven)."),
    ("genogram", "ketencli.commands.genogram", "genogram",
     "Teken het genogram van het gezin (SVG en PNG, voor weegploeg en ronde tafel)."),
    ("afronding", "ketencli.commands.afronding", "app",
     "Veilig loslaten: de afrondingstoets, de afronding en de afsluiting."),
    ("afronding start", "ketencli.commands.afronding_volgorde", "start",
     "Rond de casusregie af na het akkoord van de tafel die het plan bespreekt (in Antwerpen de weegploeg): fase "
     "afgerond, opvolging tot zes maanden later."),
    ("afronding afsluiten", "ketencli.commands.afronding_volgorde", "afsluiten",
     "Sluit het dossier af op de ronde tafel, na de laatste check; daarna kan het alleen gelezen worden."),
    ("afronding herneem", "ketencli.commands.afronding_volgorde", "herneem",
     "Neem een afgerond dossier terug in casusregie (bv. na nieuwe feiten); de afronding wordt gewist."),
    ("bewaring", "ketencli.commands.bewaring", "bewaring",
     "Bewaartermijn: afgesloten dossiers waarvan de termijn verstreken is, en ze verwijderen."),
    ("regio", "ketencli.commands.regio", "app",
     "De regio's en hun tafels: ritme, uren, deadlines, adressen en wat nog in te stellen is."),
    ("templates", "ketencli.commands.templates", "app",
     "De Word-sjablonen: kopiëren om aan te passen, en controleren."),
    ("profiel", "ketencli.commands.profiel", "profiel",
     "Stel je profiel in: naam, organisatie, contact en standaardregio."),
    ("knelpunt", "ketencli.commands.knelpunt", "app",
     "Knelpunten in de keten per dossier: toevoegen, tonen, wijzigen, doorgeven (beleidssignalen)."),
    ("beleidssignalen", "ketencli.commands.beleidssignalen", "beleidssignalen",
     "De knelpunten over alle dossiers, anoniem geteld per categorie en soort dienst, voor de stuurgroep."),
    ("team", "ketencli.commands.team", "app",
     "Deel de dossiers van je team via een gedeelde git-opslag: instellen, synchroniseren, conflicten oplossen."),
    ("dossier historiek", "ketencli.commands.team", "historiek",
     "Wie wijzigde wat en wanneer in dit dossier (ook van een afgesloten dossier)."),
    ("dossier overdracht", "ketencli.commands.team", "overdracht",
     "Draag een dossier over aan een collega: die wordt de casusregisseur; het komt in de historiek."),
    ("jaarcijfers", "ketencli.commands.jaarcijfers", "jaarcijfers",
     "Jaarcijfers voor de stuurgroep, per regio: Word-document met grafieken, of --json/--csv; zonder namen."),
)


class LuiCommando(_click.core.Command):
    """A table line of ``COMMANDO_S`` standing in for its command until the command is used: it lists
    with the table's short help; parsing (running the command or its --help) loads the module and
    hands over to the real click command."""

    def __init__(self, pad: str, module: str, attribuut: str, hulp: str) -> None:
        super().__init__(pad.rsplit(" ", 1)[-1], help=hulp, short_help=hulp, add_help_option=False)
        self.pad, self.module, self.attribuut = pad, module, attribuut
        self._echt: _click.core.Command | None = None

    def echt(self) -> _click.core.Command:
        """The real click command (built once): a typer sub-app becomes a group with its nested table
        lines, a function a command."""
        if self._echt is None:
            from typer import main as typer_main
            from typer.models import CommandInfo, TyperInfo

            # __import__, not importlib.import_module: -X importtime only reports the former
            doel = getattr(__import__(self.module, fromlist=[self.attribuut]), self.attribuut)
            instellingen = {"pretty_exceptions_short": app.pretty_exceptions_short,
                            "rich_markup_mode": app.rich_markup_mode}
            if isinstance(doel, typer.Typer):
                groep = typer_main.get_group_from_info(TyperInfo(doel, name=self.name), **instellingen,
                                                       suggest_commands=app.suggest_commands)
                voeg_luie_commando_s_toe(groep, self.pad)
                self._echt = groep
            else:
                info = CommandInfo(name=self.name, callback=doel, help=None if doel.__doc__ else self.help)
                self._echt = typer_main.get_command_from_info(info, **instellingen)
        return self._echt

    def make_context(self, info_name: str | None, args: list[str], parent: Any = None, **extra: Any) -> Any:
        return self.echt().make_context(info_name, args, parent=parent, **extra)

    def invoke(self, ctx: Any) -> Any:  # pragma: no cover - click invokes the context's own command
        return self.echt().invoke(ctx)

    def get_params(self, ctx: Any) -> Any:
        return self.echt().get_params(ctx)

    def to_info_dict(self, ctx: Any) -> Any:
        return self.echt().to_info_dict(ctx)

    # typer's bundled click leaves these abstract; a stand-in is never the command that runs them
    def main(self, *args: Any, **kwargs: Any) -> Any:  # pragma: no cover
        return self.echt().main(*args, **kwargs)

    def format_options(self, ctx: Any, formatter: Any) -> None:  # pragma: no cover
        self.echt().format_options(ctx, formatter)

    def _main_shell_completion(self, *args: Any, **kwargs: Any) -> Any:  # pragma: no cover
        return self.echt()._main_shell_completion(*args, **kwargs)


def alle_commando_s() -> typer_core.TyperGroup:
    """The root click group with every table line loaded, nested groups too: for code that walks
    all commands (tests, documentation). Running ketencli never needs this."""

    def laad(groep: typer_core.TyperGroup) -> None:
        for naam, cmd in list(groep.commands.items()):
            if isinstance(cmd, LuiCommando):
                cmd = groep.commands[naam] = cmd.echt()
            if isinstance(cmd, typer_core.TyperGroup):
                laad(cmd)

    from typer import main as typer_main

    wortel = typer_main.get_command(app)
    assert isinstance(wortel, typer_core.TyperGroup)
    laad(wortel)
    return wortel


def voeg_luie_commando_s_toe(groep: typer_core.TyperGroup, pad: str = "") -> None:
    """Add the table lines one level below ``pad`` ("" for the root) to ``groep``, unloaded."""
    diepte = len(pad.split()) + 1
    for naam, module, attribuut, hulp in COMMANDO_S:
        woorden = naam.split()
        if len(woorden) == diepte and " ".join(woorden[:-1]) == pad:
            groep.add_command(LuiCommando(naam, module, attribuut, hulp))
