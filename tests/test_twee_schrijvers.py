"""Two writers on one dossier at the same time (issue 20 §10): every change a writer was told was
saved is in the file at the end (lost updates: 0), and none it was told failed is."""

from __future__ import annotations

import multiprocessing
import os

import pytest

from ketencli import store

pytestmark = pytest.mark.skipif(os.name != "posix", reason="fork")


def _schrijver(dossier_id: str, naam: str, aantal: int, wachtrij: multiprocessing.Queue) -> None:
    from typer.testing import CliRunner

    from ketencli.cli import app

    runner = CliRunner()
    for i in range(aantal):
        uit = runner.invoke(app, ["tijdlijn", "add", dossier_id, "--soort", "contact", "--datum", "2026-11-20",
                                  "--omschrijving", f"{naam}-{i}", "--no-input"])
        wachtrij.put((f"{naam}-{i}", uit.exit_code))


def verloren_wijzigingen(dossier_id: str, paren: int, aantal: int) -> tuple[int, int, int]:
    """Run ``paren`` pairs of concurrent writers, ``aantal`` changes each. Returns (saved, lost,
    phantom): saved = reported saved; lost = reported saved but missing; phantom = reported failed
    but present."""
    ctx = multiprocessing.get_context("fork")
    bewaard: set[str] = set()
    mislukt: set[str] = set()
    for paar in range(paren):
        wachtrij: multiprocessing.Queue = ctx.Queue()
        schrijvers = [ctx.Process(target=_schrijver, args=(dossier_id, f"p{paar}{kant}", aantal, wachtrij))
                      for kant in "ab"]
        for s in schrijvers:
            s.start()
        for _ in range(2 * aantal):
            naam, code = wachtrij.get(timeout=120)
            (bewaard if code == 0 else mislukt).add(naam)
        for s in schrijvers:
            s.join(timeout=60)
            assert s.exitcode == 0
    aanwezig = {t.omschrijving for t in store.laad(dossier_id).tijdlijn}
    return len(bewaard), len(bewaard - aanwezig), len(mislukt & aanwezig)


def test_twee_schrijvers_verliezen_niets(palmeneire):
    bewaard, verloren, spook = verloren_wijzigingen(palmeneire, paren=2, aantal=6)
    assert verloren == 0 and spook == 0
    assert bewaard == 24  # with the lock, both writers get their turn
