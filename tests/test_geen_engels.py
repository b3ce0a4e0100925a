"""Issue 15 §4: no English anywhere a user looks — usage errors of every command, and the wizards."""

from __future__ import annotations

import os
import re
import sys

import pytest

from ketencli.cli import alle_commando_s

ENGELS = re.compile(r"\b(?:Usage|Error|No such|Missing|Possible options|Did you mean|Invalid value|is not a valid|"
                    r"Got unexpected|extra argument|requires an argument|Show this message|Try '|done|selections?|"
                    r"Use arrow keys|Aborted)\b")


def _bladeren(groep, pad: tuple[str, ...] = ()) -> list:
    """Every leaf command of the app (typer bundles its own click: duck-typed)."""
    uit = []
    for naam, cmd in groep.commands.items():
        if hasattr(cmd, "commands"):
            uit += _bladeren(cmd, (*pad, naam))
        else:
            uit.append(((*pad, naam), cmd))
    return uit


COMMANDOS = _bladeren(alle_commando_s())


@pytest.mark.parametrize("pad", [p for p, _ in COMMANDOS], ids=[" ".join(p) for p, _ in COMMANDOS])
def test_gebruiksfouten_zijn_nederlands(kc, palmeneire, pad):
    cmd = dict(COMMANDOS)[pad]
    pogingen = [[*pad, "--bestaat-niet"], [*pad]]
    verplicht = [p for p in cmd.params if p.param_type_name == "argument" and p.required]
    for p in cmd.params:
        soort = getattr(getattr(p, "type_descriptor", None), "annotation", None)
        if p.param_type_name == "option" and not p.is_flag and soort in (int, float, int | None, float | None):
            pogingen.append([*pad, *([palmeneire] * len(verplicht)), p.opts[0], "geen-geldige-waarde"])
    for args in pogingen:
        uit = kc(*args)
        assert "Traceback" not in uit.output
        assert not ENGELS.search(uit.output), (args, uit.output)
        if args[-1] == "--bestaat-niet" or args[-1] == "geen-geldige-waarde":
            assert uit.exit_code == 2, (args, uit.output)


@pytest.mark.skipif(sys.platform == "win32", reason="pexpect needs a POSIX pseudo-terminal")
def test_meerkeuze_in_de_wizard_zegt_het_in_het_nederlands(kc, palmeneire, thuis):
    import pexpect

    env = {**os.environ, "KETENCLI_HOME": str(thuis), "NO_COLOR": "1", "COLUMNS": "120"}
    kind = pexpect.spawn(sys.executable, ["-m", "ketencli", "dossier", "lid", "add", palmeneire], env=env,
                         encoding="utf-8", timeout=30, dimensions=(40, 120))
    kind.expect("Naam")
    kind.send("Test Persoon\r")
    kind.expect("Rol van")
    kind.send(" ")
    kind.send("\x1b[B")
    kind.send(" ")
    kind.send("\r")
    kind.expect("Geslacht")
    scherm = kind.before
    kind.send("\r")  # geslacht: the default onbekend
    kind.expect("Geboortedatum")
    scherm += kind.before
    kind.sendcontrol("c")
    kind.expect(pexpect.EOF)
    assert "2 gekozen" in scherm
    assert not ENGELS.search(scherm + kind.before), scherm
