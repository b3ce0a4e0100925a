"""No case text in messages or the cache; YAML messages a user can act on (issue 20 §2 and §7).

A dossier file edited by hand can hold case text where a key or a date belongs. The messages name
the place (file, line, column, the schema path of known keys) and never repeat the text; the index
cache behind `overzicht` and `dossier list` does not keep it either.
"""

from __future__ import annotations

import pytest

from tests.conftest import dossier_bestand

GEHEIM = "Noor zei: papa sloeg mama"


def _voeg_in_lid(pad, regel: str) -> int:
    """Insert a line after the first gezinslid's 'naam:' line; its line number (1-based)."""
    regels = pad.read_text(encoding="utf-8").split("\n")
    start = regels.index("gezinsleden:")
    i = next(i for i in range(start + 1, len(regels)) if regels[i].startswith("  naam: "))
    regels.insert(i + 1, regel)
    pad.write_text("\n".join(regels), encoding="utf-8")
    return i + 2


def _geen_geheim(tekst: str) -> None:
    for stuk in ("Noor", "sloeg", "mama"):
        assert stuk not in tekst, tekst


def test_vrije_tekst_als_sleutel_wordt_niet_herhaald_maar_de_regel_wel(kc, palmeneire, thuis):
    pad = dossier_bestand(thuis, palmeneire)
    regel = len(pad.read_text(encoding="utf-8").splitlines()) + 1
    with open(pad, "a", encoding="utf-8") as f:
        f.write("Noor zei dat papa sloeg: met de stoel\n")
    uit = kc("dossier", "show", palmeneire)
    assert uit.exit_code == 1 and f"regel {regel}, kolom 1" in uit.stderr
    assert "onbekende sleutel" in uit.stderr and "aanhalingstekens" in uit.stderr
    _geen_geheim(uit.output)


def test_vrije_tekst_sleutel_in_een_gezinslid_ook_niet_in_het_schemapad(kc, palmeneire, thuis):
    pad = dossier_bestand(thuis, palmeneire)
    regel = _voeg_in_lid(pad, "  " + GEHEIM)
    uit = kc("dossier", "show", palmeneire)
    assert uit.exit_code == 1 and f"regel {regel}, kolom 3" in uit.stderr
    assert "gezinsleden → item 1" in uit.stderr  # the known part of the path
    _geen_geheim(uit.output)


def test_verkeerd_getypte_sleutel_wordt_genoemd_met_suggestie(kc, palmeneire, thuis):
    pad = dossier_bestand(thuis, palmeneire)
    regel = _voeg_in_lid(pad, "  geboortedatumm: 2020-01-01")
    uit = kc("dossier", "show", palmeneire)
    assert uit.exit_code == 1 and f"regel {regel}" in uit.stderr
    assert "'geboortedatumm'" in uit.stderr and "bedoel je 'geboortedatum'" in uit.stderr


def test_tekst_waar_een_datum_hoort_wordt_beschreven_niet_herhaald(kc, palmeneire, thuis):
    pad = dossier_bestand(thuis, palmeneire)
    tekst = pad.read_text(encoding="utf-8")
    regels = tekst.split("\n")
    i = next(i for i, r in enumerate(regels) if r.startswith("casusregie_start: "))
    regels[i] = "casusregie_start: Noor huilde op school"
    pad.write_text("\n".join(regels), encoding="utf-8")
    uit = kc("dossier", "show", palmeneire)
    assert uit.exit_code == 1 and f"regel {i + 1}" in uit.stderr and "datum" in uit.stderr
    assert "huilde" not in uit.output


def test_melding_van_een_validator_herhaalt_geen_vrije_tekst(kc, palmeneire, thuis):
    """A relation to a member that does not exist: the validator quotes the 'met' value."""
    pad = dossier_bestand(thuis, palmeneire)
    tekst = pad.read_text(encoding="utf-8")
    assert "  - met: " in tekst
    pad.write_text(tekst.replace("  - met: ", "  - met: Noor zei iets #", 1), encoding="utf-8")
    uit = kc("dossier", "show", palmeneire)
    assert uit.exit_code == 1 and "regel " in uit.stderr
    _geen_geheim(uit.output)


@pytest.mark.parametrize("lijst", [("overzicht",), ("dossier", "list")])
def test_overzicht_en_lijst_en_cache_zonder_casustekst(kc, palmeneire, thuis, lijst):
    pad = dossier_bestand(thuis, palmeneire)
    with open(pad, "a", encoding="utf-8") as f:
        f.write(GEHEIM + "\n")
    uit = kc(*lijst)
    assert palmeneire in uit.output
    _geen_geheim(uit.output)
    for bestand in thuis.rglob("*"):
        if bestand.is_file() and bestand != pad:
            inhoud = bestand.read_bytes()
            assert b"Noor" not in inhoud and b"sloeg" not in inhoud, bestand


# -- §7 YAML messages a user can act on ---------------------------------------------------------------


def test_dubbele_punt_in_een_tekst_zegt_zet_tussen_aanhalingstekens(kc, palmeneire, thuis):
    pad = dossier_bestand(thuis, palmeneire)
    regels = pad.read_text(encoding="utf-8").split("\n")
    i = next(i for i in range(regels.index("tijdlijn:"), len(regels)) if regels[i].startswith("  omschrijving: "))
    regels[i] = "  omschrijving: " + GEHEIM
    pad.write_text("\n".join(regels), encoding="utf-8")
    uit = kc("dossier", "show", palmeneire)
    assert uit.exit_code == 1 and f"regel {i + 1}, kolom " in uit.stderr
    assert "zet de tekst tussen aanhalingstekens" in uit.stderr
    _geen_geheim(uit.output)


@pytest.mark.parametrize("sleutel", ["~", "null", ""])
def test_sleutel_zonder_naam_krijgt_een_duidelijke_melding(kc, palmeneire, thuis, sleutel):
    pad = dossier_bestand(thuis, palmeneire)
    regel = _voeg_in_lid(pad, f"  {sleutel}: x")
    uit = kc("dossier", "show", palmeneire)
    assert uit.exit_code == 1 and f"regel {regel}, kolom 3" in uit.stderr and "sleutel zonder naam" in uit.stderr
    assert "None" not in uit.stderr and "invalid_key" not in uit.stderr


@pytest.mark.parametrize("teken", ["\x00", "\x1b", "\x07"])
def test_stuurteken_met_regel_en_kolom(kc, palmeneire, thuis, teken):
    pad = dossier_bestand(thuis, palmeneire)
    regel = _voeg_in_lid(pad, f"  notitie: a{teken}b")
    uit = kc("dossier", "show", palmeneire)
    assert uit.exit_code == 1 and f"regel {regel}, kolom 13" in uit.stderr
    assert f"U+{ord(teken):04X}" in uit.stderr and teken not in uit.output


def test_geen_utf8_in_het_dossier_met_regel_en_kolom(kc, palmeneire, thuis):
    pad = dossier_bestand(thuis, palmeneire)
    regel = _voeg_in_lid(pad, "  notitie: caf\u00e9")
    pad.write_bytes(pad.read_bytes().replace("caf\u00e9".encode(), "caf\u00e9".encode("cp1252")))
    uit = kc("dossier", "show", palmeneire)
    assert uit.exit_code == 1 and f"regel {regel}, kolom 15" in uit.stderr and "UTF-8" in uit.stderr
    pad.write_bytes(pad.read_bytes().decode("utf-8", errors="replace").encode())  # for conftest's check


def test_geen_utf8_in_een_from_bestand_met_regel_en_kolom(kc, tmp_path):
    from tests.conftest import voorbeeld

    tekst = voorbeeld("de-palmeneire-vercammen.yaml").read_text(encoding="utf-8")
    bron = tmp_path / "latin1.yaml"
    bron.write_bytes((tekst + "# d\u00e9j\u00e0 vu\n").encode("latin-1", errors="replace"))
    regel = len(tekst.splitlines()) + 1
    uit = kc("dossier", "new", "--from", bron, "--no-input")
    assert uit.exit_code == 1 and "UTF-8" in uit.stderr
    # the first byte that is not UTF-8: in the example itself, or in the added line
    assert "regel " in uit.stderr and "kolom " in uit.stderr
    if tekst.isascii():
        assert f"regel {regel}, kolom 4" in uit.stderr
