"""A cold index (issue 19): from ``index.PARALLEL_VANAF`` files on, two processes read the dossiers
(POSIX fork); the summaries are the same as one after the other, a killed or interrupted child never
leaves a summary out or a partial cache behind."""

from __future__ import annotations

import os
import shutil
import signal
from pathlib import Path

import pytest

from ketencli import index, yamltekst
from tests.conftest import dossier_bestand

pytestmark = pytest.mark.skipif(not hasattr(os, "fork") or (os.cpu_count() or 1) < 2,
                                reason="the parallel path needs fork and two processors")


def _caseload(thuis: Path, bron: str, n: int) -> list[str]:
    """``n`` copies of the dossier ``bron`` under their own ids, one of them broken and one with a
    foreign file beside it (both must come back from either process with their problem)."""
    tekst = dossier_bestand(thuis, bron).read_text(encoding="utf-8")
    ids = []
    for i in range(n):
        nieuw = f"2020-{i + 1:04d}"
        map_ = thuis / "dossiers" / nieuw
        map_.mkdir(mode=0o700)
        inhoud = tekst.replace(bron, nieuw)
        if i == 7:
            inhoud = inhoud.replace("regio: co3-antwerpen", "regio: [kapot")
        (map_ / "dossier.yaml").write_text(inhoud, encoding="utf-8")
        ids.append(nieuw)
    (thuis / "dossiers" / ids[12] / "dossier (conflicted copy).yaml").write_text("x", encoding="utf-8")
    return ids


def _koud(thuis: Path) -> list[dict]:
    shutil.rmtree(thuis / "cache", ignore_errors=True)
    return [r.naar_dict() for r in index.samenvattingen()]


@pytest.fixture
def vorken(monkeypatch):
    """The pids of the children forked by the index (on a machine whose processors are free: the index
    forks only then)."""
    monkeypatch.setattr(os, "getloadavg", lambda: (0.0, 0.0, 0.0))
    pids: list[int] = []
    echte_fork = os.fork

    def fork() -> int:
        pid = echte_fork()
        if pid:
            pids.append(pid)
        return pid

    monkeypatch.setattr(os, "fork", fork)
    return pids


def test_two_processes_give_the_same_summaries_as_one(kc, palmeneire, thuis, monkeypatch, vorken):
    _caseload(thuis, palmeneire, 40)
    monkeypatch.setattr(index, "PARALLEL_VANAF", 10**9)
    na_elkaar = _koud(thuis)
    assert not vorken
    monkeypatch.setattr(index, "PARALLEL_VANAF", 5)
    samen = _koud(thuis)
    assert len(vorken) == 1
    assert samen == na_elkaar
    rijen = {r["id"]: r for r in samen}
    assert rijen["2020-0008"]["fout"] and "regel" in rijen["2020-0008"]["fout"]
    assert rijen["2020-0013"]["vreemde_bestanden"] == ["dossier (conflicted copy).yaml"]
    assert [r.naar_dict() for r in index.samenvattingen()] == samen  # and the cache written holds them


def test_no_second_process_while_the_processors_are_busy(kc, palmeneire, thuis, monkeypatch, vorken):
    _caseload(thuis, palmeneire, 40)
    monkeypatch.setattr(index, "PARALLEL_VANAF", 5)
    monkeypatch.setattr(os, "getloadavg", lambda: (float(os.cpu_count() or 2), 0.0, 0.0))
    assert len(_koud(thuis)) == 41
    assert not vorken


def test_a_killed_child_leaves_no_summary_out(kc, palmeneire, thuis, monkeypatch, vorken):
    _caseload(thuis, palmeneire, 40)
    monkeypatch.setattr(index, "PARALLEL_VANAF", 10**9)
    na_elkaar = _koud(thuis)
    ouder = os.getpid()
    echte = index._bereken_met_map

    def sterft_in_het_kind(dossier_id, *rest):
        if os.getpid() != ouder:
            os.kill(os.getpid(), signal.SIGKILL)
        return echte(dossier_id, *rest)

    monkeypatch.setattr(index, "_bereken_met_map", sterft_in_het_kind)
    monkeypatch.setattr(index, "PARALLEL_VANAF", 5)
    assert _koud(thuis) == na_elkaar
    assert len(vorken) == 1


def test_ctrl_c_stops_the_child_and_writes_no_cache(kc, palmeneire, thuis, monkeypatch, vorken):
    _caseload(thuis, palmeneire, 40)
    ouder = os.getpid()
    gedaan: list[str] = []
    echte = index._bereken_met_map

    def onderbroken(dossier_id, *rest):
        if os.getpid() == ouder:
            gedaan.append(dossier_id)
            if len(gedaan) == 5:
                raise KeyboardInterrupt
        return echte(dossier_id, *rest)

    monkeypatch.setattr(index, "_bereken_met_map", onderbroken)
    monkeypatch.setattr(index, "PARALLEL_VANAF", 5)
    shutil.rmtree(thuis / "cache", ignore_errors=True)
    with pytest.raises(KeyboardInterrupt):
        index.samenvattingen()
    assert len(vorken) == 1
    with pytest.raises(ProcessLookupError):  # killed and reaped: no process, no zombie
        os.kill(vorken[0], 0)
    assert not (thuis / "cache").exists() or not any((thuis / "cache").iterdir())


def test_fast_yaml_pass_gives_what_pyyaml_gives():
    """yamltekst.Lader builds a document in one pass (issue 19); PyYAML's own constructor with the same
    resolvers must give the same data, types included, for every example and for the unusual shapes
    that leave the fast pass (aliases, merge keys, tags, dates with a time)."""
    import yaml

    from tests.conftest import VOORBEELDEN

    class Pyyaml(yamltekst.Lader):
        construct_document = yaml.constructor.BaseConstructor.construct_document

    Pyyaml.add_constructor("tag:yaml.org,2002:timestamp", yaml.constructor.SafeConstructor.construct_yaml_timestamp)

    def typen(x):
        if isinstance(x, dict):
            return {k: typen(v) for k, v in x.items()}
        if isinstance(x, list):
            return [typen(v) for v in x]
        return (type(x).__name__, x)

    teksten = [p.read_text(encoding="utf-8") for p in sorted(VOORBEELDEN.glob("*.yaml"))]
    teksten += ["a: &x {p: [1, 2]}\nb: *x\n", "<<: {a: 1}\nb: 2\n", "a: !!binary aGVsbG8=\n", "1: x\n",
                "a: [2026-03-15, 2026-03-15 10:00:00, 2026-3-5 1:00:00, '2026-01-01', 013, 13:00, no, 1.5, ~, '']\n"]
    assert len(teksten) > 5
    for tekst in teksten:
        assert typen(yaml.load(tekst, Loader=yamltekst.Lader)) == typen(yaml.load(tekst, Loader=Pyyaml)), tekst[:60]


def test_a_timestamp_tag_that_is_no_date_is_named_with_its_place(kc, tmp_path):
    bestand = tmp_path / "x.yaml"
    bestand.write_text("id: 2026-001\nregio: co3-antwerpen\ngezin: x\nb: !!timestamp 2026-W01-1\n", encoding="utf-8")
    uit = kc("dossier", "new", "--from", str(bestand), "--no-input")
    assert uit.exit_code == 1
    assert "regel 4, kolom 4" in uit.output and "geen datum" in uit.output, uit.output


def test_reading_dossiers_leaves_no_garbage_cycles():
    """A cold index keeps the cyclic collector off (issue 19): a load that left a reference cycle (a
    loader held by its own construction function) would keep every loader in memory until the end."""
    import gc

    from ketencli import store
    from tests.conftest import VOORBEELDEN

    tekst = (VOORBEELDEN / "de-palmeneire-vercammen.yaml").read_text(encoding="utf-8")
    store.dossier_uit_tekst(tekst, "x.yaml")
    gc.collect()
    gc.disable()
    try:
        for _ in range(20):
            store.dossier_uit_tekst(tekst, "x.yaml")
        kringen = gc.collect()
    finally:
        gc.enable()
    assert kringen < 20, kringen
