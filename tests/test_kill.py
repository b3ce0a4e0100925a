"""Kill-injection (issue 20 §10): a writing command is SIGKILLed before each filesystem write call it
makes, in turn. After every kill the dossier is the old or the new version, and after the next run
no temp copy, no note and no document or draft that no agendering records is left; `doc --lijst`
lists no orphan, and the rerun writes no ``-2`` copy."""

from __future__ import annotations

import os
import shutil
import time
from pathlib import Path

import pytest

from ketencli import store
from tests import kill_harnas
from tests.conftest import dossier_bestand

pytestmark = pytest.mark.skipif(os.name != "posix", reason="fork and SIGKILL")

TIJDLIJN = ["tijdlijn", "add", "{id}", "--soort", "contact", "--datum", "2026-11-20", "--omschrijving", "Na de kill",
            "--no-input"]
AGENDEER = ["agendeer", "weegploeg", "{id}"]


def _verouder_tijdelijke(thuis: Path) -> None:
    """A temp copy left by a kill is old by the time anyone looks (the check: "clearly stale")."""
    oud = time.time() - 3600
    for p in thuis.rglob("*.tmp"):
        os.utime(p, (oud, oud))


def controleer_na_kill(thuis: Path, dossier_id: str, oud: bytes, nieuw: bytes, argumenten: list[str]) -> None:
    pad = dossier_bestand(thuis, dossier_id)
    assert pad.read_bytes() in (oud, nieuw), "a kill tore the dossier or left a third version"
    _verouder_tijdelijke(thuis)
    code, _ = kill_harnas.draai(argumenten, None)  # the next run
    assert code in (0, 1)
    controleer_opgeruimd(thuis, dossier_id)
    assert pad.read_bytes() == nieuw or code == 0


def controleer_opgeruimd(thuis: Path, dossier_id: str) -> None:
    map_ = dossier_bestand(thuis, dossier_id).parent
    rest = [p.name for p in map_.rglob("*") if p.name.endswith(".tmp") or p.name.startswith(store.ONDERWEG)]
    assert rest == [], f"left after the next run: {rest}"
    d = store.laad(dossier_id)
    vastgelegd = {n for a in d.agenderingen for n in (a.document, a.mail) if n}
    docs = map_ / "documenten"
    wezen = sorted(p.name for p in docs.glob("*") if p.suffix in (".docx", ".eml") and p.name not in vastgelegd) \
        if docs.is_dir() else []
    assert wezen == [], f"orphans: {wezen}"
    assert not [p for p in docs.glob("*-2.*")] if docs.is_dir() else True


@pytest.mark.parametrize("sjabloon", [TIJDLIJN, AGENDEER], ids=["tijdlijn-add", "agendeer"])
def test_kill_voor_elke_schrijfoperatie(palmeneire, thuis, tmp_path, sjabloon):
    argumenten = [a.format(id=palmeneire) for a in sjabloon]
    pad = dossier_bestand(thuis, palmeneire)
    oud = pad.read_bytes()
    begin = tmp_path / "begin"
    shutil.copytree(thuis, begin)
    code, aantal = kill_harnas.draai(argumenten, None)
    assert code == 0 and aantal > 3, (code, aantal)
    nieuw = pad.read_bytes()
    assert nieuw != oud
    gedood = 0
    for n in range(1, aantal + 1):
        shutil.rmtree(thuis)
        shutil.copytree(begin, thuis)
        code, _ = kill_harnas.draai(argumenten, n)
        assert code == -9, f"write call {n} of {aantal} was not reached"
        gedood += 1
        controleer_na_kill(thuis, palmeneire, oud, nieuw, argumenten)
    assert gedood == aantal


def test_doc_lijst_toont_geen_wees(kc, palmeneire, thuis):
    """A kill after the document and its draft were written, before the dossier was saved: the
    document is not listed, and the rerun reuses its name (no -2)."""
    argumenten = [a.format(id=palmeneire) for a in AGENDEER]
    begin_tekst = dossier_bestand(thuis, palmeneire).read_bytes()
    code, aantal = kill_harnas.draai(argumenten, None)
    assert code == 0
    namen = sorted(p.name for p in (dossier_bestand(thuis, palmeneire).parent / "documenten").glob("*.*"))
    # back to the start, keeping the documents: as if killed just before the save
    dossier_bestand(thuis, palmeneire).write_bytes(begin_tekst)
    (dossier_bestand(thuis, palmeneire).parent / "documenten" / f"{store.ONDERWEG}1").write_text(
        "\n".join(namen), encoding="utf-8")
    uit = kc.ok("doc", palmeneire, "--lijst")
    assert not any(n in uit.output for n in namen if n.endswith(".docx")), uit.output
    kc.ok(*argumenten)
    assert sorted(p.name for p in (dossier_bestand(thuis, palmeneire).parent / "documenten").glob("*.*")) == namen
    assert aantal > 0


def test_kill_bij_een_nieuw_dossier(palmeneire, thuis, tmp_path):
    """A kill during `dossier new --from` left a reserved folder, or one holding a temp copy of the
    whole new dossier (with names), that no later save would ever touch."""
    from tests.conftest import voorbeeld

    argumenten = ["dossier", "new", "--from", str(voorbeeld("west-vlaanderen-gezin.yaml")), "--no-input"]
    begin = tmp_path / "begin"
    shutil.copytree(thuis, begin)
    code, aantal = kill_harnas.draai(argumenten, None)
    assert code == 0 and aantal > 3
    for n in range(1, aantal + 1):
        shutil.rmtree(thuis)
        shutil.copytree(begin, thuis)
        code, _ = kill_harnas.draai(argumenten, n)
        assert code == -9
        for map_ in (thuis / "dossiers").iterdir():
            if (map_ / "dossier.yaml").exists():
                store.laad(map_.name)  # complete, never torn
        oud = time.time() - 3600
        for p in thuis.rglob("*"):
            os.utime(p, (oud, oud))
        code, _ = kill_harnas.draai(argumenten, None)  # the next run
        assert code == 0
        rest = [str(p.relative_to(thuis)) for p in thuis.rglob("*.tmp")]
        assert rest == [], f"kill before write call {n}: left {rest}"
        leeg = [m.name for m in (thuis / "dossiers").iterdir()
                if store.ID_PATROON.match(m.name) and not (m / "dossier.yaml").exists()]
        assert leeg == [], f"kill before write call {n}: abandoned folders {leeg}"
