"""The summary cache behind `dossier list` and `overzicht` (decisions D15)."""

from __future__ import annotations

import json
import marshal
import os
import shutil
import stat
import subprocess
import sys
from pathlib import Path

import pytest

from ketencli import store, yamltekst
from tests.conftest import dossier_bestand


def _lijst(kc) -> list[dict]:
    return json.loads(kc.ok("dossier", "list", "--json").stdout)


def test_warm_listing_reads_no_dossier_file(kc, palmeneire, westvl, monkeypatch):
    eerste = _lijst(kc)
    assert {r["id"] for r in eerste} == {palmeneire, westvl}

    def niet_laden(dossier_id: str):
        raise AssertionError(f"{dossier_id} werd opnieuw geladen")

    monkeypatch.setattr(store, "laad", niet_laden)
    assert _lijst(kc) == eerste


def test_changed_file_is_read_again(kc, palmeneire, thuis):
    assert _lijst(kc)[0]["fase"] == "casusregie"
    with store.wijzig(palmeneire) as d:
        d.gezin = "Ander label"
    rij = _lijst(kc)[0]
    assert rij["gezin"] == "Ander label"


def test_folder_copied_in_by_hand_is_listed_and_removed_one_disappears(kc, palmeneire, thuis):
    _lijst(kc)
    kopie = thuis / "dossiers" / "2020-0001"
    shutil.copytree(thuis / "dossiers" / palmeneire, kopie)
    pad = kopie / "dossier.yaml"
    pad.write_text(pad.read_text(encoding="utf-8").replace(palmeneire, "2020-0001"), encoding="utf-8")
    assert [r["id"] for r in _lijst(kc)] == ["2020-0001", palmeneire]
    shutil.rmtree(kopie)
    assert [r["id"] for r in _lijst(kc)] == [palmeneire]


def test_broken_file_is_listed_with_its_problem_and_recovers(kc, palmeneire, thuis):
    pad = dossier_bestand(thuis, palmeneire)
    goed = pad.read_text(encoding="utf-8")
    pad.write_text(goed.replace("regio: co3-antwerpen", "regio: [kapot"), encoding="utf-8")
    rij = _lijst(kc)[0]
    assert rij["fout"] and "regel" in rij["fout"]
    pad.write_text(goed, encoding="utf-8")
    assert "fout" not in _lijst(kc)[0]


def test_cache_is_owner_only_and_new_day_recomputes(kc, palmeneire, thuis, monkeypatch):
    _lijst(kc)
    cache = thuis / "cache" / "samenvattingen.bin"
    assert cache.is_file()
    if os.name == "posix":
        assert stat.S_IMODE(cache.stat().st_mode) == 0o600
        assert stat.S_IMODE(cache.parent.stat().st_mode) == 0o700
    geladen = []
    echte_laad = store.laad

    def tel(dossier_id: str):
        geladen.append(dossier_id)
        return echte_laad(dossier_id)

    monkeypatch.setattr(store, "laad", tel)
    _lijst(kc)
    assert geladen == []
    monkeypatch.setenv("KETENCLI_NU", "2026-11-24T09:00")  # due items depend on the day
    _lijst(kc)
    assert geladen == [palmeneire]


def test_corrupt_cache_is_ignored(kc, palmeneire, thuis):
    _lijst(kc)
    (thuis / "cache" / "samenvattingen.bin").write_bytes(b"{niet: marshal")
    assert [r["id"] for r in _lijst(kc)] == [palmeneire]


def test_list_shows_next_due_item(kc, palmeneire):
    rij = _lijst(kc)[0]
    assert rij["volgende"] is None or {"datum", "omschrijving", "soort"} <= set(rij["volgende"])
    tabel = kc.ok("dossier", "list").stdout
    assert "volgende" in tabel


@pytest.mark.skipif(sys.platform == "win32", reason="subprocess environment")
def test_warm_path_imports_no_model_yaml_or_holidays(kc, palmeneire, westvl, thuis):
    _lijst(kc)  # fills the cache
    code = (
        "import sys, json\n"
        "from ketencli import start\n"
        "sys.argv = ['ketencli', 'dossier', 'list', '--json']\n"
        "try:\n    start.main()\nexcept SystemExit:\n    pass\n"
        "zwaar = [m for m in ('ketencli.model', 'ketencli.store', 'yaml', 'holidays', 'docxtpl') if m in sys.modules]\n"
        "sys.stderr.write('ZWAAR=' + json.dumps(zwaar))\n"
    )
    uit = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, env=os.environ.copy(),
                         cwd=Path(__file__).parent.parent, timeout=60)
    assert "ZWAAR=[]" in uit.stderr, uit.stderr[-500:]


def test_changed_rules_are_not_served_from_the_cache(kc, palmeneire, monkeypatch):
    from ketencli import index

    _lijst(kc)
    geladen = []
    echte_laad = store.laad
    monkeypatch.setattr(store, "laad", lambda i: geladen.append(i) or echte_laad(i))
    monkeypatch.setattr(index, "_code_stempel", lambda: ["andere code"])
    _lijst(kc)
    assert geladen == [palmeneire]


def test_a_damaged_cache_entry_is_read_again(kc, palmeneire, westvl, thuis):
    eerste = _lijst(kc)
    cache = thuis / "cache" / "samenvattingen.bin"
    data = marshal.loads(cache.read_bytes())
    samenvatting = data["dossiers"][palmeneire]["samenvatting"]
    samenvatting["vervaldata"] = [{"datum": "xx"}]
    cache.write_bytes(marshal.dumps(data))
    assert _lijst(kc) == eerste
    assert kc("overzicht", "--json").exit_code == 0


def test_samenvatting_naar_dict_heeft_elk_veld_en_keert_terug():
    """naar_dict is written by hand (issue 19: asdict's deep copy cost a tenth of a cold index)."""
    from dataclasses import fields
    from datetime import date

    from ketencli.index import Samenvatting

    rij = Samenvatting(id="2026-001", gezin="G", regio="leuven", fase="casusregie", regisseur="R",
                       aanmeldingsdatum=date(2026, 1, 2), vervaldata=[{"datum": "2026-02-01", "omschrijving": "x"}],
                       leden=["k"], vreemde_bestanden=["a.yaml"])
    data = rij.naar_dict()
    assert set(data) == {f.name for f in fields(Samenvatting)}
    assert Samenvatting.uit_dict(data) == rij
    data["vervaldata"][0]["datum"] = "anders"
    assert rij.vervaldata[0]["datum"] == "2026-02-01"  # a copy, not the same dicts


def test_dubbele_sleutel_en_sleutel_zonder_naam_ook_na_de_snelle_controle(tmp_path):
    """store's fast key check (issue 19) leaves the exact messages for duplicate and null keys."""
    import pytest as _pytest

    from ketencli.fouten import BestandsFout

    for tekst, woord in (("a: 1\nb:\n  c: 1\n  c: 2\n", "staat al eerder in hetzelfde blok (regel 3)"),
                         ("a: 1\n~: 2\n", "zonder naam")):
        with _pytest.raises(BestandsFout) as fout:
            yamltekst.lees(tekst, "x.yaml")
        assert woord in fout.value.melding or woord in str(fout.value.tip), (tekst, fout.value.melding)
    assert yamltekst.lees("a: 1\n<<: {b: 2}\n", "x.yaml") == {"a": 1, "b": 2}


def test_listings_leave_the_side_file_unread_and_reports_repair_it(kc, palmeneire, westvl, thuis, monkeypatch):
    """Issue 19: member keys, knelpunten and jaarcijfers live in a side file that `overzicht` and `dossier
    list` do not parse; a report that needs them finds them after a warm listing, and a lost side file is
    made again from the dossiers (never an empty list in its place)."""
    from ketencli import index

    volledig = {r.id: (r.leden, r.knelpunten, r.jaarcijfers) for r in index.samenvattingen()}
    assert volledig[palmeneire][0] and volledig[palmeneire][2]  # the worked example has members and facts
    extra = thuis / "cache" / "samenvattingen-extra.bin"
    assert extra.is_file() and "leden" not in marshal.loads(
        (thuis / "cache" / "samenvattingen.bin").read_bytes())["dossiers"][palmeneire]["samenvatting"]
    extra.write_bytes(b"{kapot")  # unreadable: the listings do not notice, they do not read it
    geladen = []
    echte_laad = store.laad
    monkeypatch.setattr(store, "laad", lambda i: geladen.append(i) or echte_laad(i))
    kc.ok("overzicht")
    _lijst(kc)
    assert geladen == []
    assert {r.id: (r.leden, r.knelpunten, r.jaarcijfers) for r in index.samenvattingen()} == volledig
    assert sorted(geladen) == sorted([palmeneire, westvl])  # read again once, then from the side file
    assert {r.id: (r.leden, r.knelpunten, r.jaarcijfers) for r in index.samenvattingen()} == volledig
    assert len(geladen) == 2


def test_de_cache_van_voor_het_marshal_formaat_verdwijnt(kc, palmeneire, thuis):
    """The JSON cache files of the previous version hold gezin labels: the first listing removes them."""
    kc.ok("dossier", "list")
    for naam in ("samenvattingen.json", "samenvattingen-extra.json"):
        (thuis / "cache" / naam).write_text('{"dossiers": {"2020-001": {"gezin": "Gezin Oud"}}}', encoding="utf-8")
    dossier_bestand(thuis, palmeneire).touch()  # a change: the cache is written again
    kc.ok("dossier", "list")
    assert sorted(p.name for p in (thuis / "cache").iterdir() if p.name.startswith("samenvattingen")) == [
        "samenvattingen-extra.bin", "samenvattingen.bin"]


def test_een_datamap_die_een_bestand_is_wordt_gezegd(kc, tmp_path, monkeypatch):
    """KETENCLI_HOME pointing at a file: not "Geen dossiers gevonden" with exit 0, but what is wrong and
    what to do (found in a trial)."""
    bestand = tmp_path / "een-bestand"
    bestand.write_text("x", encoding="utf-8")
    monkeypatch.setenv("KETENCLI_HOME", str(bestand))
    for argumenten in (("dossier", "list"), ("overzicht",)):
        uit = kc(*argumenten)
        assert uit.exit_code == 1 and "een bestand en geen map" in uit.stderr and "KETENCLI_HOME" in uit.stderr
        assert "Geen dossiers" not in uit.output
