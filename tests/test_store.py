"""The store: atomic saves, conflicts, locks, migrations, YAML conventions."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest
import yaml
from hypothesis import given, settings
from hypothesis import strategies as st

from ketencli import store, yamltekst
from ketencli.fouten import BestandsFout, ConflictFout
from tests.conftest import dossier_bestand


def test_tweede_schrijver_wordt_geweigerd(palmeneire, thuis):
    eerste = store.laad(palmeneire)
    tweede = store.laad(palmeneire)
    tweede.gezin = "Gewijzigd in een ander venster"
    store.bewaar(tweede)
    na_tweede = dossier_bestand(thuis, palmeneire).read_bytes()
    eerste.casusregisseur.naam = "Iemand anders"
    with pytest.raises(ConflictFout, match="intussen gewijzigd"):
        store.bewaar(eerste)
    assert dossier_bestand(thuis, palmeneire).read_bytes() == na_tweede


def test_conflict_via_de_cli_na_wijziging_door_sync(kc, palmeneire, thuis, monkeypatch):
    """A file changed on disk between load and save (e.g. by a sync client) is never overwritten."""
    pad = dossier_bestand(thuis, palmeneire)
    origineel_laad = store.laad

    def laad_en_laat_sync_schrijven(dossier_id):
        dossier = origineel_laad(dossier_id)
        pad.write_text(pad.read_text(encoding="utf-8").replace("gezin: ", "gezin: Sync "), encoding="utf-8")
        return dossier

    monkeypatch.setattr(store, "laad", laad_en_laat_sync_schrijven)
    uit = kc("dossier", "instemming", palmeneire, "m1", "--intrekken")
    assert uit.exit_code == 1 and "intussen gewijzigd" in uit.stderr
    assert "gezin: Sync " in pad.read_text(encoding="utf-8")


_HOUDERS = {
    "zc.lockfile": "import zc.lockfile\nslot = zc.lockfile.SimpleLockFile({pad!r})\n",
    # an older ketencli held its locks with filelock: flock on the same file (POSIX)
    "flock": "import fcntl\nf = open({pad!r}, 'a')\nfcntl.flock(f.fileno(), fcntl.LOCK_EX)\n",
}


@pytest.mark.parametrize("houder_soort", ["zc.lockfile", "flock"])
def test_slot_van_een_ander_proces(kc, palmeneire, thuis, monkeypatch, houder_soort):
    if houder_soort == "flock" and os.name != "posix":
        pytest.skip("flock is POSIX")
    slotbestand = thuis / "dossiers" / palmeneire / "dossier.yaml.lock"
    houder = subprocess.Popen(
        [sys.executable, "-c", _HOUDERS[houder_soort].format(pad=str(slotbestand))
         + "import time\nprint('vast', flush=True)\ntime.sleep(20)\n"],
        stdout=subprocess.PIPE, text=True,
    )
    try:
        assert houder.stdout.readline().strip() == "vast"
        monkeypatch.setattr(store, "LOCK_WACHTTIJD", 0.3)
        voor = dossier_bestand(thuis, palmeneire).read_bytes()
        uit = kc("dossier", "instemming", palmeneire, "m1", "--intrekken")
        assert uit.exit_code == 1 and "in gebruik" in uit.stderr
        assert dossier_bestand(thuis, palmeneire).read_bytes() == voor
    finally:
        houder.kill()
        houder.wait()


@pytest.mark.parametrize("stap", ["fsync", "replace"])
def test_crash_tijdens_bewaren_laat_het_oude_bestand(palmeneire, thuis, monkeypatch, stap):
    pad = dossier_bestand(thuis, palmeneire)
    voor = pad.read_bytes()
    dossier = store.laad(palmeneire)
    dossier.gezin = "Nooit bewaard"

    def crash(*args, **kwargs):
        raise KeyboardInterrupt  # a kill or Ctrl-C at the worst moment

    monkeypatch.setattr(os, stap, crash)
    with pytest.raises(KeyboardInterrupt):
        store.bewaar(dossier)
    monkeypatch.undo()
    assert pad.read_bytes() == voor
    assert [p.name for p in pad.parent.iterdir() if p.name.endswith(".tmp")] == []


def test_schijf_vol_geeft_nederlandse_melding(kc, palmeneire, thuis, monkeypatch):
    pad = dossier_bestand(thuis, palmeneire)
    voor = pad.read_bytes()

    def vol(*args, **kwargs):
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(os, "fsync", vol)
    uit = kc("dossier", "instemming", palmeneire, "m1", "--intrekken")
    assert uit.exit_code == 1 and "kon niet bewaard worden" in uit.stderr and "onaangeroerd" in uit.stderr
    monkeypatch.undo()
    assert pad.read_bytes() == voor


def test_migratie_van_schema_0(kc, palmeneire, thuis, monkeypatch):
    from ketencli import model

    pad = dossier_bestand(thuis, palmeneire)
    tekst = pad.read_text(encoding="utf-8").replace(f"schema_version: {model.SCHEMA_VERSIE}\n", "")
    pad.write_text(tekst, encoding="utf-8")
    dossier = store.laad(palmeneire)  # v0 (no version) migrates on load, step by step
    assert dossier.schema_version == model.SCHEMA_VERSIE
    assert pad.read_text(encoding="utf-8") == tekst  # loading never writes
    kc.ok("dossier", "instemming", palmeneire, "m1", "--intrekken")
    assert f"schema_version: {model.SCHEMA_VERSIE}" in pad.read_text(encoding="utf-8")


def test_migratie_v1_naar_v2_haalt_de_vorm_uit_de_toelichting(kc, palmeneire, thuis):
    """v1 -> v2 (issue 16): a partner relation whose toelichting is exactly 'gehuwd' (or 'gescheiden',
    'uit elkaar', 'samenwonend') gets that as its vorm; a longer text stays text, nothing is guessed."""
    import yaml

    pad = dossier_bestand(thuis, palmeneire)
    data = yaml.safe_load(pad.read_text(encoding="utf-8"))
    data["schema_version"] = 1
    m1, m2 = data["gezinsleden"][0], data["gezinsleden"][1]
    m1["relaties"][0]["toelichting"] = "Gehuwd"
    m2["relaties"] = [{"met": "m1", "soort": "partner", "toelichting": "gehuwd sinds 2014, woont nu apart"}]
    pad.write_text(yaml.safe_dump(data, allow_unicode=True, sort_keys=False), encoding="utf-8")
    d = store.laad(palmeneire)
    assert (d.lid("m1").relaties[0].vorm, d.lid("m1").relaties[0].toelichting) == ("gehuwd", "")
    assert d.lid("m2").relaties[0].vorm is None and d.lid("m2").relaties[0].toelichting.startswith("gehuwd sinds")


def test_migratie_keten_met_een_nieuwe_stap(palmeneire, thuis, monkeypatch):
    """The mechanism: a future step runs after the existing ones, in order."""
    from ketencli import model

    stappen = []
    volgende = model.SCHEMA_VERSIE + 1

    def naar_volgende(data):
        stappen.append(volgende)
        return {**data, "schema_version": volgende}

    monkeypatch.setattr(model, "SCHEMA_VERSIE", volgende)
    monkeypatch.setitem(store.MIGRATIES, volgende - 1, naar_volgende)
    data = store.migreer({"schema_version": 0, "id": "2026-001"}, "x")
    assert data["schema_version"] == volgende and stappen == [volgende]


def test_nieuwere_schemaversie_wordt_niet_aangeraakt(palmeneire, thuis):
    import re

    pad = dossier_bestand(thuis, palmeneire)
    pad.write_text(re.sub(r"schema_version: \d+", "schema_version: 9", pad.read_text(encoding="utf-8")),
                   encoding="utf-8")
    with pytest.raises(BestandsFout, match="nieuwere ketencli"):
        store.laad(palmeneire)


def test_yaml_is_leesbaar_en_stabiel(palmeneire, thuis):
    pad = dossier_bestand(thuis, palmeneire)
    dossier = store.laad(palmeneire)
    store.bewaar(dossier)
    eerste = pad.read_text(encoding="utf-8")
    store.bewaar(store.laad(palmeneire))
    assert pad.read_text(encoding="utf-8") == eerste  # stable
    assert "\\u" not in eerste and "–" in eerste  # unicode unescaped
    assert ": |" in eerste  # multi-line text as block scalars
    data = yaml.safe_load(eerste)
    assert str(data["aanmelding"]["datum"]).count("-") == 2


def test_ja_nee_en_nummers_blijven_tekst(thuis):
    tekst = ("id: 2026-001\nregio: leuven\ngezin: no\ncasusregisseur:\n  contact: 0470123456\n"
             "aanmelding:\n  waarom_nu: 13:00\n")
    dossier = store.dossier_uit_tekst(tekst, "x.yaml")
    assert dossier.gezin == "no" and dossier.casusregisseur.contact == "0470123456"
    assert dossier.aanmelding.waarom_nu == "13:00"


def test_ids_zijn_volgnummers_per_aanmeldjaar(kc, thuis):
    for jaar in ("2025-12-30", "2026-01-05", "2026-02-01"):
        kc.ok("dossier", "new", "--regio", "leuven", "--gezin", "X", "--datum", jaar, "--no-input")
    assert store.alle_ids() == ["2025-001", "2026-001", "2026-002"]
    assert sorted(p.name for p in (thuis / "dossiers").iterdir()) == ["2025-001", "2026-001", "2026-002"]


def test_een_map_met_naam_wordt_niet_als_dossier_gelezen(thuis, palmeneire):
    vreemd = thuis / "dossiers" / "Peeters"
    vreemd.mkdir()
    (vreemd / "dossier.yaml").write_text("id: x\n", encoding="utf-8")
    assert store.alle_ids() == [palmeneire]


def test_editor_kopie_staat_in_de_home(palmeneire, thuis):
    with store.bewerkkopie(store.laad(palmeneire)) as kopie:
        try:
            assert Path(kopie).parent == thuis / "bewerken"
            if sys.platform != "win32":
                assert (kopie.stat().st_mode & 0o777) == 0o600
        finally:
            store.verwijder_bewerkkopie(kopie)
    assert list((thuis / "bewerken").iterdir()) == []  # the copy's lock file went with it


def test_onbestaande_datum_en_tabs_met_regel(kc, tmp_path):
    bron = (Path(__file__).parent.parent / "examples" / "de-palmeneire-vercammen.yaml").read_text(encoding="utf-8")
    fout = tmp_path / "datum.yaml"
    fout.write_text(bron.replace("datum: 2026-08-20", "datum: 2026-02-31", 1), encoding="utf-8")
    uit = kc("dossier", "new", "--from", fout, "--no-input")
    assert uit.exit_code == 1 and "regel " in uit.stderr and "geen bestaande datum" in uit.stderr
    assert "2026-02-31" not in uit.stderr  # a value from the file is never repeated (issue 20 §2)
    assert "regel " in uit.stderr and "Traceback" not in uit.output
    tabs = tmp_path / "tabs.yaml"
    tabs.write_text("id: 2026-001\nregio: leuven\ngezin: x\ngezinsleden:\n\t- id: m1\n", encoding="utf-8")
    uit = kc("dossier", "new", "--from", tabs, "--no-input")
    assert uit.exit_code == 1 and "regel 5" in uit.stderr and "tabs" in uit.stderr


def test_onbekende_sleutel_zonder_dubbele_leestekens(kc, palmeneire, tmp_path):
    fragment = tmp_path / "plan.yaml"
    fragment.write_text("- lid: m1\n  veilge_plek: bij de zus\n", encoding="utf-8")
    uit = kc("stap", palmeneire, "veiligheidsplan", "--from", fragment, "--no-input")
    assert uit.exit_code == 1 and "bedoel je 'veilige_plek'?" in uit.stderr and "?." not in uit.stderr


def test_leeg_dossier_id(kc):
    uit = kc("dossier", "show", "")
    assert uit.exit_code == 1 and "Geef een dossier-id" in uit.stderr


@pytest.mark.skipif(os.name != "posix", reason="platformdirs' Linux folders")
def test_eerste_keer_op_een_nieuw_account(tmp_path):
    """No ~/.local/share yet: ketencli creates what is missing, its own folders owner-only."""
    omgeving = {k: v for k, v in os.environ.items()
                if k not in ("KETENCLI_HOME", "KETENCLI_CONFIG", "XDG_DATA_HOME", "XDG_CONFIG_HOME")}
    omgeving["HOME"] = str(tmp_path)
    uit = subprocess.run([sys.executable, "-m", "ketencli", "dossier", "new", "--regio", "leuven", "--gezin", "X",
                          "--no-input"], capture_output=True, text=True, env=omgeving, timeout=60)
    assert uit.returncode == 0, uit.stderr
    data = tmp_path / ".local" / "share" / "ketencli"
    assert (data / "dossiers" / "2026-001" / "dossier.yaml").is_file()
    assert oct(data.stat().st_mode & 0o777) == "0o700"


def test_naar_yaml_geeft_dezelfde_tekst_als_yaml_dump(thuis):
    """Issue 19: a save builds the YAML nodes itself (faster than PyYAML's representer) and must write
    exactly what yaml.dump wrote before: both examples, emoji as typed, `|` blocks, quoted look-alikes."""
    from datetime import date, datetime, timedelta, timezone

    import yaml as _yaml

    from ketencli import store
    from tests.conftest import voorbeeld

    def zoals_voorheen(data):
        schrijver = yamltekst._PythonSchrijver if yamltekst._heeft_buiten_bmp(data) else yamltekst._Schrijver
        return _yaml.dump(data, Dumper=schrijver, allow_unicode=True, sort_keys=False, default_flow_style=False,
                          width=100, indent=2)

    for naam in ("de-palmeneire-vercammen.yaml", "west-vlaanderen-gezin.yaml"):
        d = store.dossier_uit_tekst(voorbeeld(naam).read_text(encoding="utf-8"), naam)
        data = d.model_dump(mode="python", exclude_none=True)
        assert store.naar_yaml(data) == zoals_voorheen(data), naam
    moment = datetime(2026, 8, 28, 11, 30, tzinfo=timezone(timedelta(hours=2)))
    for data in ({"notitie": "boos 😡\nregel met spaties  \n", "lijst": [1, 2.5, True, False, None, ""]},
                 {"a": "x: y", "b": "no", "c": "0470123456", "d": "13:00", "e": date(2026, 1, 2), "f": moment,
                  "g": {"h": ["- nee", "#geen commentaar", "lang " * 40]}}):
        assert store.naar_yaml(data) == zoals_voorheen(data), data


def _zoals_yaml_dump(data):
    """How a save wrote YAML before its events went to libyaml directly (issue 19): PyYAML's dump."""
    schrijver = yamltekst._PythonSchrijver if yamltekst._heeft_buiten_bmp(data) else yamltekst._Schrijver
    return yaml.dump(data, Dumper=schrijver, allow_unicode=True, sort_keys=False, default_flow_style=False,
                     width=100, indent=2)


def _yaml_strategieen():
    from datetime import date, datetime, timedelta, timezone

    from hypothesis import strategies as st

    # texts that YAML could read as something else, or that need quotes, blocks or folding
    lijkt_op = st.sampled_from([
        "", " ", "no", "Yes", "ON", "~", "null", "Null", "true", "1.5", ".5", "1e3", "0470123456", "0x1F",
        "13:00", "2026-01-02", "2026-01-02 10:00:00", "- nee", "-", "? x", "#geen", "a #b", "x: y", "x:", "'",
        "\"", "'a'", "{a}", "[b]", "&anker", "*ster", "!tag", "%25", "@", "`", "|", ">", "a\\U0001F621",
        " voor", "na ", "\t", "a\tb", "\n", "a\n", "\na", "a\nb  \n  c\n", "a\n\n\nb", "a\r\nb", "\x85",
        "\u2028", "\ufeff", "\x00", "\x07", "é€", "boos 😡", "😡\nregel", "lang " * 30, "woord" * 30,
    ])
    tekens = st.characters(exclude_categories=("Cs",))
    tekst = st.one_of(
        lijkt_op,
        st.text(tekens, max_size=30),
        st.lists(st.one_of(lijkt_op, st.text(tekens, max_size=12)), min_size=2, max_size=6).map("".join),
        st.lists(st.sampled_from(["zin", "met", "woorden", " ", "  ", "\n", ":", "#", "-"]), max_size=60)
        .map("".join),
    )
    tz = st.sampled_from([None, timezone.utc, timezone(timedelta(hours=2))])
    scalair = st.one_of(
        tekst, st.none(), st.booleans(), st.integers(), st.floats(), st.dates(),
        st.builds(lambda d, z: d.replace(tzinfo=z), st.datetimes(min_value=datetime(1900, 1, 1)), tz),
        st.just(date(2026, 1, 2)),
    )
    return st.recursive(
        scalair,
        lambda kind: st.one_of(st.lists(kind, max_size=4), st.dictionaries(tekst, kind, max_size=4)),
        max_leaves=25,
    )


def test_naar_yaml_is_yaml_dump_voor_elk_dossier():
    """Issue 19, property: for any data a dossier can hold (texts of any characters, emoji, YAML
    look-alikes, multi-line text, dates, numbers, nesting) the events fed to libyaml give exactly the
    text PyYAML's own dump gave before; and the serializer has no path resolvers we would skip."""
    from hypothesis import HealthCheck, given, settings

    assert not yamltekst._Schrijver.yaml_path_resolvers and not yamltekst._PythonSchrijver.yaml_path_resolvers

    @settings(max_examples=400, deadline=None, suppress_health_check=[HealthCheck.too_slow])
    @given(st_data=_yaml_strategieen())
    def eigenschap(st_data):
        data = {"id": "2026-001", "inhoud": st_data}
        assert store.naar_yaml(data) == _zoals_yaml_dump(data)

    eigenschap()


@pytest.mark.parametrize("opdracht", [
    ("dossier", "overdracht", "2026-006", "--aan", "Bert Janssens"),
    ("dossier", "aanmelding", "2026-006", "--waarom-nu", "x"),
    ("team", "los", "2026-006", "--kies", "1"),
])
def test_een_wijziging_van_een_onbekend_dossier_laat_geen_map_achter(kc, thuis, opdracht):
    """A command that locks an unknown dossier used to leave an empty folder (with only the lock),
    which then took that number: the next new dossier got 2026-007 instead of 2026-006."""
    uit = kc(*opdracht)
    assert uit.exit_code == 1
    assert "Dossier 2026-006 bestaat niet." in uit.output
    assert not (thuis / "dossiers" / "2026-006").exists()


@pytest.mark.parametrize("tekst", ["-.5", "+.5", "1.5e3", "1.e5", ".5e3", "2.0", "yes", "0470123456", "13:00"])
def test_een_tekst_die_op_een_getal_lijkt_blijft_tekst(tekst):
    """What is saved reads back as what was saved: PyYAML's resolver reads `-.5` and `1.5e3` as text,
    ketencli's loader as numbers, so they must be quoted (a contact field `-.5` made a dossier unreadable)."""
    assert yaml.load(store.naar_yaml({"contact": tekst}), Loader=yamltekst.Lader) == {"contact": tekst}


@settings(max_examples=300, deadline=None)
@given(st.text(alphabet=st.characters(codec="utf-8", exclude_categories=("Cs", "Cc"))
               | st.sampled_from("-+.eE0123456789:_ "), max_size=12))
def test_elke_tekst_leest_terug_zoals_hij_bewaard_werd(tekst):
    assert yaml.load(store.naar_yaml({"veld": tekst}), Loader=yamltekst.Lader) == {"veld": tekst}


def test_slot_binnen_een_proces(palmeneire, thuis, monkeypatch):
    """The per-dossier lock: owner-only lock file, reentrant for the thread that holds it, another
    thread waits as another process would (and gets the Dutch conflict after the wait)."""
    import threading


    monkeypatch.setattr(store, "LOCK_WACHTTIJD", 0.2)
    uitkomst: list[str] = []

    def ander_draadje() -> None:
        try:
            with store.slot(palmeneire):
                uitkomst.append("gekregen")
        except ConflictFout as fout:
            uitkomst.append(fout.melding)

    with store.slot(palmeneire), store.slot(palmeneire):  # the same thread takes it again
        slotbestand = thuis / "dossiers" / palmeneire / "dossier.yaml.lock"
        if os.name == "posix":
            assert slotbestand.stat().st_mode & 0o777 == 0o600
        draad = threading.Thread(target=ander_draadje)
        draad.start()
        draad.join()
    assert uitkomst == [f"Dossier {palmeneire} is nu in gebruik door een ander ketencli-venster."]
    ander_draadje()  # released: now it gets it
    assert uitkomst[-1] == "gekregen"


@pytest.mark.skipif(os.name != "posix", reason="flock")
def test_slot_dat_het_bestandssysteem_weigert_of_niet_loslaat(kc, palmeneire, monkeypatch):
    """A file system that refuses locks (ENOLCK: a share without a lock service) is a disk message,
    not "iets onverwachts"; an unlock that fails after the save is not reported as a failed save, and
    the lock is free afterwards (closing the file releases it)."""
    import errno
    import fcntl

    echt = fcntl.flock

    def geen_locks(fd, operatie):
        raise OSError(errno.ENOLCK, "No locks available")

    monkeypatch.setattr(fcntl, "flock", geen_locks)
    uit = kc("tijdlijn", "add", palmeneire, "--soort", "contact", "--datum", "2026-11-20", "--omschrijving", "a",
             "--no-input")
    assert uit.exit_code == 1 and "dossier.yaml.lock" in uit.stderr and "onverwachts" not in uit.stderr, uit.stderr

    def loslaten_mislukt(fd, operatie):
        if operatie == fcntl.LOCK_UN:
            raise OSError(errno.EIO, "Input/output error")
        return echt(fd, operatie)

    monkeypatch.setattr(fcntl, "flock", loslaten_mislukt)
    kc.ok("tijdlijn", "add", palmeneire, "--soort", "contact", "--datum", "2026-11-20", "--omschrijving", "b",
          "--no-input")
    monkeypatch.setattr(fcntl, "flock", echt)
    kc.ok("tijdlijn", "add", palmeneire, "--soort", "contact", "--datum", "2026-11-21", "--omschrijving", "c",
          "--no-input")
    assert [t.omschrijving for t in store.laad(palmeneire).tijdlijn][-2:] == ["b", "c"]
