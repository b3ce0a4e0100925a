"""`ketencli afronding` and `dossier heropen` through the CLI: check, evidence, start, afsluiten."""

from __future__ import annotations

import json
from datetime import date, timedelta
from pathlib import Path

import pytest
import yaml

from tests.conftest import _id_uit, dossier_bestand
from tests.methodiek.test_afronding_regels import klaar_data


@pytest.fixture
def klaar(kc, tmp_path: Path) -> str:
    """A dossier in casusregie that passes the afrondingstoets on the pinned day (2026-11-23)."""
    bestand = tmp_path / "klaar.yaml"
    bestand.write_text(yaml.safe_dump(klaar_data(), allow_unicode=True), encoding="utf-8")
    return _id_uit(kc.ok("dossier", "new", "--from", bestand, "--no-input").output)


def _laad(thuis: Path, dossier_id: str) -> dict:
    """The saved dossier as plain JSON data (dates as ISO strings)."""
    from ketencli import store

    assert dossier_bestand(thuis, dossier_id).exists()
    return store.laad(dossier_id).model_dump(mode="json")


def _bytes(thuis: Path, dossier_id: str) -> bytes:
    return dossier_bestand(thuis, dossier_id).read_bytes()


def _check_json(kc, dossier_id: str, *extra: str) -> dict:
    uit = kc("afronding", "check", dossier_id, "--json", *extra)
    return json.loads(uit.stdout)


# -- check ---------------------------------------------------------------------------------------


def test_check_op_het_uitgewerkte_voorbeeld_zegt_wat_ontbreekt(kc, palmeneire):
    uit = kc("afronding", "check", palmeneire)
    assert uit.exit_code == 1
    assert "Nog niet klaar om af te ronden" in uit.output
    for tekst in ("Elk gezinslid werd om een evaluatie gevraagd", "nog niet gevraagd", "afronding slotgesprek",
                  "Nog niet overlegd", "acties staan nog open"):
        assert tekst in uit.output


def test_check_json(kc, palmeneire):
    uit = kc("afronding", "check", palmeneire, "--json")
    assert uit.exit_code == 1
    data = json.loads(uit.stdout)
    assert data["klaar"] is False and data["sinds"] == "2026-08-23"
    assert len(data["criteria"]) >= 7
    for c in data["criteria"]:
        assert set(c) == {"key", "titel", "oordeel", "bewijs", "wat_te_doen", "vereist"}
        assert c["oordeel"] in ("voldaan", "niet-voldaan", "onbekend") and isinstance(c["bewijs"], list)
    oordelen = {c["key"]: c["oordeel"] for c in data["criteria"]}
    assert oordelen["evaluatie-gezinsleden"] == "niet-voldaan"
    assert oordelen["veiligheid-bij-niet-bereikt"] == "onbekend"


def test_check_slaagt_met_exit_0(kc, klaar):
    uit = kc.ok("afronding", "check", klaar)
    assert "Klaar om af te ronden" in uit.output
    assert _check_json(kc, klaar)["klaar"] is True


def test_check_venster_met_sinds_of_maanden(kc, klaar, monkeypatch):
    # the incident of 2026-02-01 falls inside a window of ten months
    assert _check_json(kc, klaar, "--maanden", "10")["klaar"] is False
    assert _check_json(kc, klaar, "--sinds", "2026-01-15")["klaar"] is False
    assert _check_json(kc, klaar, "--sinds", "15/02/2026")["klaar"] is True
    assert kc("afronding", "check", klaar, "--sinds", "2026-01-01", "--maanden", "2").exit_code == 2
    assert kc("afronding", "check", klaar, "--sinds", "gisteren").exit_code == 2


@pytest.mark.parametrize(("maanden", "woord"), [("99999", "hoogstens 60"), ("0", "minstens 1")])
def test_check_maanden_is_bounded_with_a_dutch_usage_error(kc, klaar, maanden, woord):
    uit = kc("afronding", "check", klaar, "--maanden", maanden)
    assert uit.exit_code == 2, uit.output
    assert woord in uit.stderr and "Traceback" not in uit.output and "year" not in uit.output
    assert _check_json(kc, klaar, "--maanden", "60")["klaar"] is False


def test_check_van_een_onbekend_dossier(kc):
    uit = kc("afronding", "check", "2026-999")
    assert uit.exit_code == 1 and "Traceback" not in uit.output


# -- recording the evidence ------------------------------------------------------------------------


def test_bewijs_registreren_verandert_de_oordelen(kc, palmeneire, thuis):
    kc.ok("afronding", "slotgesprek", palmeneire, "--datum", "2026-11-20", "--vervolghulp", "CAW blijft")
    for lid in ("m1", "m2"):
        kc.ok("afronding", "evaluatie", palmeneire, "--lid", lid, "--samenvatting", "goed")
    kc.ok("afronding", "evaluatie", palmeneire, "--lid", "m3", "--niet-gevraagd", "--reden", "wil niet")
    kc.ok("afronding", "partner", palmeneire, "--dienst", "d1", "--standpunt", "akkoord")
    kc.ok("afronding", "partner", palmeneire, "--dienst", "d1", "--standpunt", "toch akkoord")  # replaces
    kc.ok("afronding", "verklaring", palmeneire, "--tekst", "geen feiten meer")
    kc.ok("afronding", "veiligheid", palmeneire, "--tekst", "extra patrouilles", "--onbereikbaar")
    kc.ok("afronding", "overdracht", palmeneire, "r1", "1", "--aan", "d4")
    a = _laad(thuis, palmeneire)["afronding"]
    assert a["slotgesprek_op"] == "2026-11-20" and a["vervolghulp"] == "CAW blijft"
    assert [(e["lid"], e["gevraagd"]) for e in a["evaluaties"]] == [("m1", True), ("m2", True), ("m3", False)]
    assert a["evaluaties"][2]["reden"] == "wil niet"
    assert a["partners"] == [{"dienst": "d1", "datum": "2026-11-23", "standpunt": "toch akkoord"}]
    assert a["gezin_onbereikbaar"] is True and a["extra_veiligheidsacties"] == "extra patrouilles"
    assert _laad(thuis, palmeneire)["pva"]["rijen"][0]["acties"][0]["overgedragen_aan"] == "d4"
    oordelen = {c["key"]: c["oordeel"] for c in _check_json(kc, palmeneire)["criteria"]}
    assert oordelen["slotgesprek"] == oordelen["evaluatie-gezinsleden"] == "voldaan"
    assert oordelen["veiligheid-bij-niet-bereikt"] == "voldaan"
    assert oordelen["partners-geraadpleegd"] == "niet-voldaan"  # only d1 of twelve


def test_verklaring_wissen_en_bereikbaarheid(kc, palmeneire, thuis):
    kc.ok("afronding", "verklaring", palmeneire, "--tekst", "rustig")
    a = _laad(thuis, palmeneire)["afronding"]
    assert (a["geweld_gestopt_verklaring"], a["geweld_gestopt_verklaard_op"]) == ("rustig", "2026-11-23")
    kc.ok("afronding", "verklaring", palmeneire, "--wis")
    a = _laad(thuis, palmeneire)["afronding"]
    assert (a["geweld_gestopt_verklaring"], a["geweld_gestopt_verklaard_op"]) == ("", None)
    kc.ok("afronding", "veiligheid", palmeneire, "--onbereikbaar")
    assert _laad(thuis, palmeneire)["afronding"]["gezin_onbereikbaar"] is True
    kc.ok("afronding", "veiligheid", palmeneire, "--bereikbaar")
    assert _laad(thuis, palmeneire)["afronding"]["gezin_onbereikbaar"] is False


@pytest.mark.parametrize("args", [
    ("evaluatie", "--lid", "m9", "--samenvatting", "x"),
    ("overdracht", "r99", "1", "--aan", "d1"),
    ("overdracht", "r1", "7", "--aan", "d1"),
    ("overdracht", "r1", "1", "--aan", "d99"),  # shaped like a service id: a typo, not free text
    ("partner", "--dienst", "d99"),
])
def test_registreren_weigert_onbekende_verwijzingen(kc, palmeneire, thuis, args):
    voor = _bytes(thuis, palmeneire)
    uit = kc("afronding", args[0], palmeneire, *args[1:])
    assert uit.exit_code == 1 and "Traceback" not in uit.output
    assert _bytes(thuis, palmeneire) == voor


@pytest.mark.parametrize("args", [
    ("evaluatie", "--lid", "m1", "--niet-gevraagd"),
    ("evaluatie", "--lid", "m1", "--samenvatting", "x", "--niet-gevraagd", "--reden", "y"),
    ("evaluatie", "--lid", "m1", "--reden", "y"),
    ("slotgesprek", "--datum", "2030-01-01"),
    ("verklaring", "--tekst", "  "),
    ("verklaring",),
    ("verklaring", "--tekst", "x", "--wis"),
    ("veiligheid",),
])
def test_registreren_weigert_tegenstrijdige_opties(kc, palmeneire, thuis, args):
    voor = _bytes(thuis, palmeneire)
    assert kc("afronding", args[0], palmeneire, *args[1:]).exit_code == 2
    assert _bytes(thuis, palmeneire) == voor


# -- start ---------------------------------------------------------------------------------------


def test_start_weigert_als_de_toets_niet_slaagt(kc, palmeneire, thuis):
    voor = _bytes(thuis, palmeneire)
    uit = kc("afronding", "start", palmeneire, "--weegploeg-akkoord", "2026-11-17")
    assert uit.exit_code == 1 and "afrondingstoets slaagt nog niet" in uit.output
    assert _bytes(thuis, palmeneire) == voor


def test_start_toch_met_reden_komt_in_de_historiek(kc, palmeneire, thuis):
    assert kc("afronding", "start", palmeneire, "--weegploeg-akkoord", "2026-11-17", "--toch").exit_code == 2
    kc.ok("afronding", "start", palmeneire, "--weegploeg-akkoord", "2026-11-17", "--toch", "--reden", "gezin verhuist")
    d = _laad(thuis, palmeneire)
    assert d["fase"] == "afgerond"
    laatste = d["historie"][-1]
    assert laatste["wat"] == "fase casusregie → afgerond"
    assert "gezin verhuist" in laatste["reden"] and "evaluatie-gezinsleden" in laatste["reden"]


def test_start_vraagt_het_akkoord_van_de_weegploeg(kc, klaar, thuis):
    voor = _bytes(thuis, klaar)
    uit = kc("afronding", "start", klaar)
    assert uit.exit_code == 1 and "weegploeg" in uit.output
    assert _bytes(thuis, klaar) == voor
    assert kc("afronding", "start", klaar, "--weegploeg-akkoord", "2026-11-24").exit_code == 2  # future


@pytest.mark.parametrize("fase, mag", [("verkenning", False), ("aanmelding", False),
                                       ("ketenaanpak-zonder-regisseur", True)])
def test_start_alleen_vanuit_casusregie(kc, thuis, tmp_path, fase, mag):
    data = klaar_data() | {"fase": fase}
    bestand = tmp_path / "fase.yaml"
    bestand.write_text(yaml.safe_dump(data), encoding="utf-8")
    dossier_id = _id_uit(kc.ok("dossier", "new", "--from", bestand, "--no-input").output)
    voor = _bytes(thuis, dossier_id)
    uit = kc("afronding", "start", dossier_id, "--weegploeg-akkoord", "2026-11-17")
    if mag:
        assert uit.exit_code == 0 and _laad(thuis, dossier_id)["fase"] == "afgerond"
        assert _laad(thuis, dossier_id)["historie"][-1]["wat"] == "fase ketenaanpak-zonder-regisseur → afgerond"
    else:
        assert uit.exit_code == 1 and "alleen vanuit casusregie" in uit.output
        assert _bytes(thuis, dossier_id) == voor


def test_start_met_vroegere_ronde_tafel(kc, klaar, thuis):
    kc.ok("afronding", "start", klaar, "--weegploeg-akkoord", "2026-11-17", "--datum", "2026-11-21",
          "--rondetafel-check-maanden", "3")
    a = _laad(thuis, klaar)["afronding"]
    assert (a["gestart_op"], a["opvolging_tot"], a["rondetafel_check_op"]) == ("2026-11-21", "2027-05-21", "2027-02-21")


def test_start_neemt_het_akkoord_uit_de_agendering(kc, thuis, tmp_path):
    data = klaar_data()
    data["agenderingen"] = [{"id": "a1", "tafel": "weegploeg", "rol": "plan", "soort": "afronding",
                             "zitting": "2026-11-19T14:00:00", "status": "besproken"}]
    bestand = tmp_path / "agendering.yaml"
    bestand.write_text(yaml.safe_dump(data), encoding="utf-8")
    dossier_id = _id_uit(kc.ok("dossier", "new", "--from", bestand, "--no-input").output)
    uit = kc.ok("afronding", "start", dossier_id)
    assert "besproken agendering van 19/11/2026" in uit.output
    assert _laad(thuis, dossier_id)["afronding"]["weegploeg_akkoord_op"] == "2026-11-19"


@pytest.mark.parametrize("args", [
    ("--rondetafel-check", "2027-01-01", "--rondetafel-check-maanden", "3"),
    ("--rondetafel-check-maanden", "6"),
    ("--rondetafel-check", "2027-09-01"),
    ("--reden", "zomaar"),
])
def test_start_weigert_verkeerde_opties(kc, klaar, thuis, args):
    voor = _bytes(thuis, klaar)
    assert kc("afronding", "start", klaar, "--weegploeg-akkoord", "2026-11-17", *args).exit_code == 2
    assert _bytes(thuis, klaar) == voor


# -- the sequence check → start → afsluiten ----------------------------------------------------------


def test_volgorde_check_start_afsluiten_met_vaste_datums(kc, klaar, thuis, monkeypatch):
    kc.ok("afronding", "check", klaar)
    kc.ok("afronding", "start", klaar, "--weegploeg-akkoord", "2026-11-17")
    d = _laad(thuis, klaar)
    assert d["fase"] == "afgerond"
    assert (d["afronding"]["gestart_op"], d["afronding"]["opvolging_tot"]) == ("2026-11-23", "2027-05-23")
    # a second start is refused
    assert kc("afronding", "start", klaar, "--weegploeg-akkoord", "2026-11-17").exit_code == 1

    # three months later: too early
    monkeypatch.setenv("KETENCLI_NU", "2027-02-23T10:00")
    voor = _bytes(thuis, klaar)
    uit = kc("afronding", "afsluiten", klaar, "--geen-nieuwe-feiten", "--vervolghulp-gestart")
    assert uit.exit_code == 1 and "23/05/2027" in uit.output and "--vroeger" in uit.output
    assert _bytes(thuis, klaar) == voor

    # six months later, but without the last check
    monkeypatch.setenv("KETENCLI_NU", "2027-05-24T10:00")
    for args in ((), ("--geen-nieuwe-feiten",), ("--vervolghulp-gestart",)):
        uit = kc("afronding", "afsluiten", klaar, *args)
        assert uit.exit_code == 1 and "laatste check" in uit.output
        assert _bytes(thuis, klaar) == voor
    kc.ok("afronding", "afsluiten", klaar, "--geen-nieuwe-feiten", "--vervolghulp-gestart")
    d = _laad(thuis, klaar)
    assert d["fase"] == "afgesloten"
    a = d["afronding"]
    assert (a["afgesloten_op"], a["nieuwe_feiten"], a["vervolghulp_goed_gestart"]) == (
        "2027-05-24", "geen nieuwe feiten", True)
    assert [h["wat"] for h in d["historie"]][-2:] == ["fase casusregie → afgerond", "fase afgerond → afgesloten"]
    assert d["historie"][-1]["moment"].startswith("2027-05-24")
    # the check still reads it
    assert "afgesloten op 24/05/2027" in kc.ok("afronding", "check", klaar).output


def test_vroeger_afsluiten_met_reden(kc, klaar, thuis, monkeypatch):
    kc.ok("afronding", "start", klaar, "--weegploeg-akkoord", "2026-11-17")
    monkeypatch.setenv("KETENCLI_NU", "2027-02-23T10:00")
    voor = _bytes(thuis, klaar)
    assert kc("afronding", "afsluiten", klaar, "--vroeger", "--geen-nieuwe-feiten",
              "--geen-vervolghulp").exit_code == 2
    assert _bytes(thuis, klaar) == voor
    kc.ok("afronding", "afsluiten", klaar, "--vroeger", "--reden", "gezin verhuisd naar Nederland",
          "--geen-nieuwe-feiten", "--geen-vervolghulp")
    d = _laad(thuis, klaar)
    assert d["fase"] == "afgesloten"
    assert d["afronding"]["vroeger_reden"] == "gezin verhuisd naar Nederland"
    assert d["afronding"]["vervolghulp_goed_gestart"] is None
    assert "gezin verhuisd naar Nederland" in d["historie"][-1]["reden"]


def test_afsluiten_voor_de_afronding_verandert_niets(kc, palmeneire, thuis):
    voor = _bytes(thuis, palmeneire)
    for args in ((), ("--geen-nieuwe-feiten", "--vervolghulp-gestart"), ("--vroeger", "--reden", "x")):
        uit = kc("afronding", "afsluiten", palmeneire, *args)
        assert uit.exit_code == 1 and "alleen na de afronding" in uit.output
    assert _bytes(thuis, palmeneire) == voor


@pytest.mark.parametrize("fase, verwacht, niet", [
    ("aanmelding", "afronding van casusregie", "afronding start"),
    ("verkenning", "afronding van casusregie", "afronding start"),
    ("ketenaanpak-zonder-regisseur", "alleen na de afronding", None),
    ("afgerond", "staat niet in het dossier", "alleen na de afronding"),  # fase set by hand, no afronding
])
def test_afsluiten_in_elke_fase_zegt_wat_wel_kan(kc, thuis, tmp_path, fase, verwacht, niet):
    data = klaar_data() | {"fase": fase}
    bestand = tmp_path / "fase.yaml"
    bestand.write_text(yaml.safe_dump(data), encoding="utf-8")
    dossier_id = _id_uit(kc.ok("dossier", "new", "--from", bestand, "--no-input").output)
    voor = _bytes(thuis, dossier_id)
    uit = kc("afronding", "afsluiten", dossier_id, "--geen-nieuwe-feiten", "--vervolghulp-gestart")
    assert uit.exit_code == 1, uit.output
    assert verwacht in uit.stderr
    if niet:
        assert niet not in uit.stderr  # no tip that leads to another refusal
    assert _bytes(thuis, dossier_id) == voor


def test_afsluiten_voor_het_ico_noemt_ook_de_weg_zonder_casusregie(kc, thuis, tmp_path):
    """Before the ICO the refusal names both ways to close (D8): after an afronding, or right after the ICO
    without consent or instroom (a trial read only the first and missed the second)."""
    data = klaar_data() | {"fase": "aanmelding"}
    bestand = tmp_path / "fase.yaml"
    bestand.write_text(yaml.safe_dump(data), encoding="utf-8")
    dossier_id = _id_uit(kc.ok("dossier", "new", "--from", bestand, "--no-input").output)
    uit = kc("afronding", "afsluiten", dossier_id)
    assert uit.exit_code == 1 and "verkennend casusoverleg" in uit.stderr and "instemming" in uit.stderr


@pytest.mark.parametrize("fase", ["geen-instemming", "niet-ingestroomd"])
def test_dossier_zonder_casusregie_sluit_meteen_af_en_heropent_in_zijn_fase(kc, thuis, tmp_path, fase):
    """D8: geen-instemming and niet-ingestroomd end at the ICO; there is no afronding or follow-up to wait
    for, so afsluiten closes them directly (not before the ICO), and heropen gives the fase back."""
    data = klaar_data() | {"fase": fase}
    bestand = tmp_path / "fase.yaml"
    bestand.write_text(yaml.safe_dump(data), encoding="utf-8")
    dossier_id = _id_uit(kc.ok("dossier", "new", "--from", bestand, "--no-input").output)
    voor = _bytes(thuis, dossier_id)
    # the last check's options belong to an afronding, and a date before the ICO is impossible
    assert kc("afronding", "afsluiten", dossier_id, "--geen-nieuwe-feiten").exit_code == 2
    ico = _laad(thuis, dossier_id)["ico"]["datum"]
    voor_ico = (date.fromisoformat(str(ico)) - timedelta(days=1)).isoformat()
    uit = kc("afronding", "afsluiten", dossier_id, "--datum", voor_ico)
    assert uit.exit_code == 2 and "verkennend casusoverleg" in uit.stderr
    assert _bytes(thuis, dossier_id) == voor
    kc.ok("afronding", "afsluiten", dossier_id)
    d = _laad(thuis, dossier_id)
    assert d["fase"] == "afgesloten" and d["afronding"]["afgesloten_op"] is not None
    assert d["historie"][-1]["wat"] == f"fase {fase} → afgesloten"
    assert kc("tijdlijn", "add", dossier_id, "--soort", "contact", "--omschrijving", "x").exit_code != 0
    assert kc("dossier", "heropen", dossier_id, "--reden", "x", "--naar", "casusregie").exit_code == 2
    kc.ok("dossier", "heropen", dossier_id, "--reden", "aanmelder komt terug")
    assert _laad(thuis, dossier_id)["fase"] == fase


def test_heropen_leest_de_fase_uit_het_veld_niet_uit_de_historiektekst(kc, thuis, tmp_path):
    """`dossier heropen` read the fase a dossier was closed from out of its historie text ("fase X →
    afgesloten"); the afsluiting now records it (``afronding.afgesloten_uit_fase``), so a reworded
    history line no longer changes where the dossier reopens. A file closed before the field existed
    still reopens from its historie text (schema compatibility)."""
    data = klaar_data() | {"fase": "niet-ingestroomd"}
    bestand = tmp_path / "fase.yaml"
    bestand.write_text(yaml.safe_dump(data), encoding="utf-8")
    dossier_id = _id_uit(kc.ok("dossier", "new", "--from", bestand, "--no-input").output)
    kc.ok("afronding", "afsluiten", dossier_id)
    pad = dossier_bestand(thuis, dossier_id)
    d = _laad(thuis, dossier_id)
    assert d["afronding"]["afgesloten_uit_fase"] == "niet-ingestroomd"
    d["historie"][-1]["wat"] = "dossier gesloten"  # the text says nothing of the fase any more
    pad.write_text(yaml.safe_dump(d, allow_unicode=True), encoding="utf-8")
    kc.ok("dossier", "heropen", dossier_id, "--reden", "aanmelder komt terug")
    d = _laad(thuis, dossier_id)
    assert d["fase"] == "niet-ingestroomd" and d["afronding"].get("afgesloten_uit_fase") is None
    # an older file: closed without the field, only its historie text tells
    oud = klaar_data() | {"fase": "afgesloten", "afronding": {"afgesloten_op": "2026-11-20"},
                          "historie": [{"moment": "2026-11-20T10:00:00", "wat": "fase geen-instemming → afgesloten"}]}
    bestand.write_text(yaml.safe_dump(oud, allow_unicode=True), encoding="utf-8")
    ouder_id = _id_uit(kc.ok("dossier", "new", "--from", bestand, "--no-input").output)
    kc.ok("dossier", "heropen", ouder_id, "--reden", "aanmelder komt terug")
    assert _laad(thuis, ouder_id)["fase"] == "geen-instemming"


@pytest.mark.parametrize("args", [
    ("--nieuwe-feiten", "x", "--geen-nieuwe-feiten"),
    ("--vervolghulp-gestart", "--geen-vervolghulp"),
    ("--reden", "x"),
    ("--geen-nieuwe-feiten", "--vervolghulp-gestart", "--toch"),  # --toch needs --reden
])
def test_afsluiten_weigert_tegenstrijdige_opties(kc, klaar, args):
    kc.ok("afronding", "start", klaar, "--weegploeg-akkoord", "2026-11-17")
    assert kc("afronding", "afsluiten", klaar, *args).exit_code == 2


# -- the last check: new facts or follow-up help that did not start (guide L730-733, L943-948) -------------


def _na_zes_maanden(kc, dossier_id: str, monkeypatch) -> None:
    kc.ok("afronding", "start", dossier_id, "--weegploeg-akkoord", "2026-11-17")  # afgerond on 23/11/2026
    monkeypatch.setenv("KETENCLI_NU", "2027-05-24T10:00")


def test_afsluiten_weigert_bij_nieuwe_feiten_en_wijst_naar_herneem(kc, klaar, thuis, monkeypatch):
    _na_zes_maanden(kc, klaar, monkeypatch)
    voor = _bytes(thuis, klaar)
    uit = kc("afronding", "afsluiten", klaar, "--nieuwe-feiten", "melding van de school", "--vervolghulp-gestart")
    assert uit.exit_code == 1, uit.output
    assert "nieuwe feiten" in uit.stderr and "Er werd niets bewaard" in uit.stderr
    assert "school" not in uit.output  # no case facts in an error message
    assert f"ketencli afronding herneem {klaar}" in uit.stderr and "--toch --reden" in uit.stderr
    assert "Traceback" not in uit.output
    assert _bytes(thuis, klaar) == voor
    # the ronde tafel discussed it and closes anyway: recorded with what was overridden
    kc.ok("afronding", "afsluiten", klaar, "--nieuwe-feiten", "melding van de school", "--vervolghulp-gestart",
          "--toch", "--reden", "besproken: geen geweld, ruzie over schoolkeuze")
    d = _laad(thuis, klaar)
    assert d["fase"] == "afgesloten" and d["afronding"]["nieuwe_feiten"] == "melding van de school"
    assert d["afronding"]["vroeger_reden"] == ""
    laatste = d["historie"][-1]
    assert laatste["wat"] == "fase afgerond → afgesloten"
    assert "toch afgesloten ondanks: de partners meldden nieuwe feiten" in laatste["reden"]
    assert "ruzie over schoolkeuze" in laatste["reden"]


def test_afsluiten_weigert_als_de_vervolghulp_niet_startte(kc, klaar, thuis, monkeypatch):
    _na_zes_maanden(kc, klaar, monkeypatch)
    voor = _bytes(thuis, klaar)
    uit = kc("afronding", "afsluiten", klaar, "--geen-nieuwe-feiten", "--vervolghulp-niet-gestart")
    assert uit.exit_code == 1
    assert "vervolghulp is niet goed gestart" in uit.stderr and "operationeel" in uit.stderr
    assert "herneem" not in uit.stderr  # no new facts: nothing to discuss again
    assert _bytes(thuis, klaar) == voor
    kc.ok("afronding", "afsluiten", klaar, "--geen-nieuwe-feiten", "--vervolghulp-niet-gestart",
          "--toch", "--reden", "CAW start volgende week, opgevolgd door de coördinator")
    d = _laad(thuis, klaar)
    assert d["fase"] == "afgesloten" and d["afronding"]["vervolghulp_goed_gestart"] is False
    assert "vervolghulp is niet goed gestart" in d["historie"][-1]["reden"]


def test_afsluiten_zonder_vervolghulp_mag(kc, klaar, thuis, monkeypatch):
    _na_zes_maanden(kc, klaar, monkeypatch)
    kc.ok("afronding", "afsluiten", klaar, "--geen-nieuwe-feiten", "--geen-vervolghulp")
    d = _laad(thuis, klaar)
    assert d["fase"] == "afgesloten" and "ondanks" not in d["historie"][-1]["reden"]


def test_afsluiten_weigert_bij_een_pv_na_de_afronding_in_de_tijdlijn(kc, klaar, thuis, monkeypatch):
    _na_zes_maanden(kc, klaar, monkeypatch)
    kc.ok("tijdlijn", "add", klaar, "--soort", "pv", "--datum", "2027-01-08", "--omschrijving", "bedreiging")
    voor = _bytes(thuis, klaar)
    uit = kc("afronding", "afsluiten", klaar, "--geen-nieuwe-feiten", "--vervolghulp-gestart")
    assert uit.exit_code == 1
    assert "pv op 08/01/2027" in uit.stderr and "na de afronding van 23/11/2026" in uit.stderr
    assert "bedreiging" not in uit.output  # kind and date only, the facts stay in the dossier
    assert f"ketencli afronding herneem {klaar}" in uit.stderr
    assert _bytes(thuis, klaar) == voor
    # the check says so too, although the pv lies outside the default window of three months
    data = _check_json(kc, klaar)
    geweld = next(c for c in data["criteria"] if c["key"] == "geweld-gestopt")
    assert data["klaar"] is False and geweld["oordeel"] == "niet-voldaan"
    assert any("Na de afronding van 23/11/2026" in b for b in geweld["bewijs"])
    assert any("08/01/2027" in b and "bedreiging" in b for b in geweld["bewijs"])
    assert "afronding herneem" in geweld["wat_te_doen"]
    uit = kc("afronding", "check", klaar)
    assert uit.exit_code == 1 and "De toets slaagt niet meer" in uit.output and "afronding start" not in uit.output
    kc.ok("afronding", "afsluiten", klaar, "--geen-nieuwe-feiten", "--vervolghulp-gestart", "--toch",
          "--reden", "pv besproken op de ronde tafel: geen nieuw geweld")
    assert "pv op 08/01/2027" in _laad(thuis, klaar)["historie"][-1]["reden"]


def test_een_overleg_na_de_afronding_is_geen_nieuw_feit(kc, klaar, thuis, monkeypatch):
    _na_zes_maanden(kc, klaar, monkeypatch)
    kc.ok("tijdlijn", "add", klaar, "--soort", "overleg", "--datum", "2027-01-10", "--omschrijving", "huisbezoek")
    assert _check_json(kc, klaar)["klaar"] is True
    assert "De toets slaagt nog steeds" in kc.ok("afronding", "check", klaar).output
    kc.ok("afronding", "afsluiten", klaar, "--geen-nieuwe-feiten", "--vervolghulp-gestart")


# -- herneem ---------------------------------------------------------------------------------------


def test_herneem_brengt_een_afgerond_dossier_terug_naar_casusregie(kc, klaar, thuis, monkeypatch, tmp_path):
    kc.ok("afronding", "start", klaar, "--weegploeg-akkoord", "2026-11-17", "--rondetafel-check-maanden", "3")
    monkeypatch.setenv("KETENCLI_NU", "2027-01-20T10:00")
    assert kc("afronding", "herneem", klaar).exit_code == 2  # --reden is required
    voor = _bytes(thuis, klaar)
    assert kc("afronding", "herneem", klaar, "--reden", "x", "--datum", "2026-11-01").exit_code == 2
    assert kc("afronding", "herneem", klaar, "--reden", "x", "--naar", "aanmelding").exit_code == 2
    assert kc("afronding", "herneem", klaar, "--reden", "  ").exit_code == 2
    assert _bytes(thuis, klaar) == voor
    uit = kc.ok("afronding", "herneem", klaar, "--reden", "nieuw pv, ronde tafel vraagt opnieuw regie",
                "--datum", "2027-01-14")
    assert "casusregie" in uit.output
    d = _laad(thuis, klaar)
    assert d["fase"] == "casusregie"
    a = d["afronding"]
    assert (a["weegploeg_akkoord_op"], a["gestart_op"], a["opvolging_tot"], a["rondetafel_check_op"]) == (
        None, None, None, None)
    assert a["slotgesprek_op"] == "2026-11-10" and a["evaluaties"]  # the evidence stays
    laatste = d["historie"][-1]
    assert laatste["wat"] == "afronding hernomen: fase afgerond → casusregie"
    assert "14/01/2027" in laatste["reden"] and "23/11/2026" in laatste["reden"]
    assert "ronde tafel vraagt opnieuw regie" in laatste["reden"]
    # and the afronding can start again later, with a kijkschema newer than the pv of 08/01 (D27)
    ks = tmp_path / "ks.yaml"
    ks.write_text(yaml.safe_dump({"datum": "2027-01-15", "factoren": [
        {"factor": "geweld-escalatie", "staat": "niet-aanwezig"},
        {"factor": "individu-middelenmisbruik", "staat": "aanwezig", "bij_wie": ["m2"]}]}), encoding="utf-8")
    assert kc("afronding", "start", klaar, "--weegploeg-akkoord", "2027-01-12").exit_code == 1
    kc.ok("kijkschema", "invullen", klaar, "--from", ks, "--no-input")
    kc.ok("afronding", "start", klaar, "--weegploeg-akkoord", "2027-01-12")


@pytest.mark.parametrize("fase", ["casusregie", "verkenning", "ketenaanpak-zonder-regisseur"])
def test_herneem_alleen_voor_een_afgerond_dossier(kc, thuis, tmp_path, fase):
    data = klaar_data() | {"fase": fase}
    bestand = tmp_path / "fase.yaml"
    bestand.write_text(yaml.safe_dump(data), encoding="utf-8")
    dossier_id = _id_uit(kc.ok("dossier", "new", "--from", bestand, "--no-input").output)
    voor = _bytes(thuis, dossier_id)
    uit = kc("afronding", "herneem", dossier_id, "--reden", "x")
    assert uit.exit_code == 1 and "alleen een afgerond dossier" in uit.stderr and "Traceback" not in uit.output
    assert _bytes(thuis, dossier_id) == voor


def test_herneem_van_een_afgesloten_dossier_wijst_naar_heropen(kc, klaar, thuis, monkeypatch):
    _afgesloten(kc, klaar, monkeypatch)
    voor = _bytes(thuis, klaar)
    uit = kc("afronding", "herneem", klaar, "--reden", "x")
    assert uit.exit_code == 1 and f"dossier heropen {klaar} --naar casusregie" in uit.stderr
    assert _bytes(thuis, klaar) == voor


def test_heropen_van_een_afgerond_dossier_wijst_naar_herneem(kc, klaar, thuis):
    kc.ok("afronding", "start", klaar, "--weegploeg-akkoord", "2026-11-17")
    uit = kc("dossier", "heropen", klaar, "--reden", "x")
    assert uit.exit_code == 1 and f"afronding herneem {klaar}" in uit.stderr


# -- heropen -------------------------------------------------------------------------------------


def _afgesloten(kc, dossier_id: str, monkeypatch) -> None:
    kc.ok("afronding", "start", dossier_id, "--weegploeg-akkoord", "2026-11-17")
    monkeypatch.setenv("KETENCLI_NU", "2027-06-01T10:00")
    kc.ok("afronding", "afsluiten", dossier_id, "--geen-nieuwe-feiten", "--vervolghulp-gestart")


def test_heropen_maakt_weer_schrijfbaar_en_staat_in_de_historiek(kc, klaar, thuis, monkeypatch):
    _afgesloten(kc, klaar, monkeypatch)
    voor = _bytes(thuis, klaar)
    uit = kc("afronding", "verklaring", klaar, "--tekst", "x")
    assert uit.exit_code == 1 and "afgesloten" in uit.output
    assert _bytes(thuis, klaar) == voor
    assert kc("dossier", "heropen", klaar).exit_code == 2  # --reden is required
    kc.ok("dossier", "heropen", klaar, "--reden", "nieuwe melding van de school")
    d = _laad(thuis, klaar)
    assert d["fase"] == "afgerond"
    assert d["historie"][-1]["wat"] == "heropend: fase afgesloten → afgerond"
    assert d["historie"][-1]["reden"] == "nieuwe melding van de school"
    assert d["afronding"]["afgesloten_op"] is None and d["afronding"]["gestart_op"] == "2026-11-23"
    kc.ok("afronding", "verklaring", klaar, "--tekst", "x")
    # and it can be closed again
    kc.ok("afronding", "afsluiten", klaar, "--geen-nieuwe-feiten", "--vervolghulp-gestart")


def test_heropen_naar_casusregie_wist_de_afronding(kc, klaar, thuis, monkeypatch):
    _afgesloten(kc, klaar, monkeypatch)
    kc.ok("dossier", "heropen", klaar, "--reden", "nieuw geweld", "--naar", "casusregie")
    d = _laad(thuis, klaar)
    assert d["fase"] == "casusregie"
    assert d["afronding"]["gestart_op"] is None and d["afronding"]["opvolging_tot"] is None
    assert d["afronding"]["slotgesprek_op"] == "2026-11-10"  # the evidence stays


def test_heropen_alleen_voor_een_afgesloten_dossier(kc, klaar, thuis):
    voor = _bytes(thuis, klaar)
    uit = kc("dossier", "heropen", klaar, "--reden", "x")
    assert uit.exit_code == 1 and "niet afgesloten" in uit.output
    assert _bytes(thuis, klaar) == voor
    assert kc("dossier", "heropen", klaar, "--reden", "x", "--naar", "aanmelding").exit_code == 2


@pytest.mark.parametrize("sub", ["check", "start"])
def test_help_zonder_python_typelabels(kc, sub):
    uit = kc.ok("afronding", sub, "--help").output
    assert "maanden" in uit and "<int>" not in uit
