"""Shared fixtures: every test runs with its own data home and a pinned clock."""

from __future__ import annotations

import shutil
from collections.abc import Iterator
from pathlib import Path

import pytest
from typer.testing import CliRunner

from ketencli.cli import app

VOORBEELDEN = Path(__file__).resolve().parent.parent / "examples"
VANDAAG = "2026-11-23T10:00"


@pytest.fixture(autouse=True)
def thuis(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[Path]:
    """The data home of one test. Afterwards every dossier the test saved is checked for YAML anchors
    or aliases (issue "invoer" §2: one hand edit must never change two facts)."""
    home = tmp_path / "home"
    monkeypatch.setenv("KETENCLI_HOME", str(home))
    monkeypatch.setenv("KETENCLI_NU", VANDAAG)
    monkeypatch.delenv("KETENCLI_CONFIG", raising=False)
    monkeypatch.delenv("KETENCLI_DEBUG", raising=False)
    monkeypatch.setenv("NO_COLOR", "1")
    monkeypatch.setenv("COLUMNS", "200")
    yield home
    import re

    for bestand in home.glob("dossiers/*/dossier.yaml"):
        ankers = re.findall(r"(?m)(?::|^\s*-)\s+[&*][A-Za-z_]\w*", bestand.read_text(encoding="utf-8"))
        assert not ankers, f"{bestand} uses YAML anchors or aliases: {ankers[:3]}"


class Kc:
    """Runs ketencli through CliRunner like a user on the command line."""

    def __init__(self) -> None:
        self.runner = CliRunner()

    def __call__(self, *args: str, input: str | None = None):  # noqa: A002 - CliRunner's name
        return self.runner.invoke(app, [str(a) for a in args], input=input)

    def ok(self, *args: str):
        resultaat = self(*args)
        assert resultaat.exit_code == 0, (resultaat.exit_code, resultaat.output, resultaat.exception)
        return resultaat


@pytest.fixture
def kc() -> Kc:
    return Kc()


def voorbeeld(naam: str) -> Path:
    return VOORBEELDEN / naam


@pytest.fixture
def palmeneire(kc: Kc) -> str:
    """The guide's worked example, imported; returns its id."""
    uit = kc.ok("dossier", "new", "--from", voorbeeld("de-palmeneire-vercammen.yaml"), "--no-input")
    return _id_uit(uit.output)


@pytest.fixture
def westvl(kc: Kc) -> str:
    uit = kc.ok("dossier", "new", "--from", voorbeeld("west-vlaanderen-gezin.yaml"), "--no-input")
    return _id_uit(uit.output)


def _id_uit(tekst: str) -> str:
    import re

    m = re.search(r"Dossier (\d{4}-\d{3,}) aangemaakt", tekst)
    assert m, tekst
    return m.group(1)


def dossier_bestand(home: Path, dossier_id: str) -> Path:
    return home / "dossiers" / dossier_id / "dossier.yaml"


@pytest.fixture
def vraag_invoer(monkeypatch: pytest.MonkeyPatch) -> Iterator:
    """Drive questionary prompts: yields a function that sends keystrokes before the command runs."""
    from prompt_toolkit.application import create_app_session
    from prompt_toolkit.input import create_pipe_input
    from prompt_toolkit.output import DummyOutput

    from ketencli import ui

    monkeypatch.setattr(ui, "heeft_terminal", lambda: True)
    with create_pipe_input() as pijp, create_app_session(input=pijp, output=DummyOutput()):
        yield pijp.send_text


def kopieer(bron: Path, doel: Path) -> Path:
    shutil.copy(bron, doel)
    return doel
