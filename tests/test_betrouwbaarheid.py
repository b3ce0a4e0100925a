"""Nothing lost, nothing leaked under hostile files and failing disks (issue 20).

Each test is one fault the outside measurement found: it failed before the fix.
"""

from __future__ import annotations

from tests.conftest import dossier_bestand, voorbeeld

# -- §1 duplicate keys -----------------------------------------------------------------------------


def test_dubbele_tijdlijn_wordt_geweigerd_met_regel_en_niets_gaat_verloren(kc, palmeneire, thuis):
    pad = dossier_bestand(thuis, palmeneire)
    tekst = pad.read_text(encoding="utf-8")
    regel = len(tekst.splitlines()) + 1
    pad.write_text(tekst + "tijdlijn:\n- datum: 2026-11-01\n  soort: contact\n  omschrijving: Tweede blok.\n",
                   encoding="utf-8")
    voor = pad.read_bytes()
    uit = kc("dossier", "show", palmeneire)
    assert uit.exit_code == 1
    assert f"regel {regel}, kolom 1" in uit.stderr and "'tijdlijn'" in uit.stderr
    uit = kc("tijdlijn", "add", palmeneire, "--soort", "contact", "--datum", "2026-11-20",
             "--omschrijving", "Erna", "--no-input")
    assert uit.exit_code == 1 and f"regel {regel}" in uit.stderr
    assert pad.read_bytes() == voor  # the first block (all the entries) is still there


def test_dubbele_sleutel_dieper_in_het_bestand(kc, palmeneire, thuis):
    pad = dossier_bestand(thuis, palmeneire)
    regels = pad.read_text(encoding="utf-8").split("\n")
    i = next(i for i, r in enumerate(regels) if r.startswith("  naam: "))
    regels.insert(i + 1, "  naam: Tweede Naam")
    pad.write_text("\n".join(regels), encoding="utf-8")
    uit = kc("dossier", "show", palmeneire)
    assert uit.exit_code == 1 and f"regel {i + 2}, kolom 3" in uit.stderr and "Tweede Naam" not in uit.stderr


def test_dubbele_vrije_tekst_sleutel_wordt_niet_herhaald(kc, tmp_path):
    bron = tmp_path / "dubbel.yaml"
    bron.write_text(voorbeeld("de-palmeneire-vercammen.yaml").read_text(encoding="utf-8")
                    + "Noor zei iets: a\nNoor zei iets: b\n", encoding="utf-8")
    uit = kc("dossier", "new", "--from", bron, "--no-input")
    assert uit.exit_code == 1 and "Noor" not in uit.stderr and "regel" in uit.stderr


def test_dubbele_sleutel_in_een_from_bestand(kc, tmp_path, thuis):
    bron = tmp_path / "dubbel.yaml"
    tekst = voorbeeld("de-palmeneire-vercammen.yaml").read_text(encoding="utf-8") + "gezin: Tweede gezin\n"
    bron.write_text(tekst, encoding="utf-8")
    uit = kc("dossier", "new", "--from", bron, "--no-input")
    assert uit.exit_code == 1 and f"regel {len(tekst.splitlines())}" in uit.stderr
    assert not list((thuis / "dossiers").glob("*/dossier.yaml")) if (thuis / "dossiers").exists() else True


def test_dubbele_sleutel_in_regio_yaml(kc, thuis):
    config = thuis / "config"
    config.mkdir(parents=True)
    (config / "regio.yaml").write_text("co3-antwerpen:\n  eerste_plan_week: 10\n  eerste_plan_week: 12\n",
                                       encoding="utf-8")
    uit = kc("regio", "toon", "co3-antwerpen")
    assert uit.exit_code == 1 and "regel 3, kolom 3" in uit.stderr and "'eerste_plan_week'" in uit.stderr
