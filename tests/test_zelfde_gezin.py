"""Issue 15 §5: the same family twice, and a sync tool's conflict copies beside a dossier."""

from __future__ import annotations

import json

from tests.conftest import dossier_bestand, voorbeeld


def test_zelfde_gezin_opnieuw_aangemeld_geeft_waarschuwing_met_id_en_fase(kc, palmeneire):
    uit = kc.ok("dossier", "new", "--from", voorbeeld("de-palmeneire-vercammen.yaml"), "--no-input")
    assert "Dossier 2026-002 aangemaakt" in uit.output  # --no-input still creates it, for scripts
    assert f"ook in dossier {palmeneire} (fase casusregie)" in uit.stderr
    assert f"dossier heropen {palmeneire}" in uit.stderr


def test_ander_gezin_geeft_geen_waarschuwing(kc, palmeneire):
    uit = kc.ok("dossier", "new", "--from", voorbeeld("west-vlaanderen-gezin.yaml"), "--no-input")
    assert "Let op" not in uit.stderr


def test_geen_namen_of_geboortedata_in_de_cache(kc, palmeneire, thuis):
    kc.ok("dossier", "list")
    cache = (thuis / "cache" / "samenvattingen.bin").read_bytes().decode("utf-8", "replace")
    assert "1986-02-11" in dossier_bestand(thuis, palmeneire).read_text(encoding="utf-8")
    assert "1986-02-11" not in cache and "Malik De Palmeneire" not in cache


def test_conflictkopie_wordt_gemeld_door_list_show_en_overzicht(kc, palmeneire, thuis):
    map_ = dossier_bestand(thuis, palmeneire).parent
    kc.ok("dossier", "list")  # a warm cache first: the copy must still be noticed
    inhoud = dossier_bestand(thuis, palmeneire).read_text(encoding="utf-8")
    (map_ / "dossier (conflicted copy 2026-11-22).yaml").write_text(inhoud, encoding="utf-8")
    (map_ / "dossier-LAPTOP.yaml").write_text(inhoud, encoding="utf-8")
    for args in (("dossier", "list"), ("dossier", "show", palmeneire), ("overzicht",)):
        uit = kc.ok(*args)
        assert f"map van dossier {palmeneire}" in uit.stderr, args
        assert "conflicted copy" in uit.stderr and "dossier-LAPTOP.yaml" in uit.stderr, args
        assert "sync-programma" in uit.stderr
    rijen = json.loads(kc.ok("dossier", "list", "--json").stdout)
    assert rijen[0]["vreemde_bestanden"] == ["dossier (conflicted copy 2026-11-22).yaml", "dossier-LAPTOP.yaml"]


def test_eigen_bestanden_zijn_niet_vreemd(kc, palmeneire):
    kc.ok("doc", palmeneire, "pva")  # a documenten folder and a lock file beside the dossier
    for args in (("dossier", "list"), ("dossier", "show", palmeneire), ("overzicht",)):
        assert "Let op: in de map" not in kc.ok(*args).stderr


def test_metadata_van_bestandsbeheerders_is_niet_vreemd(kc, palmeneire, thuis):
    map_ = dossier_bestand(thuis, palmeneire).parent
    for naam in (".DS_Store", "Thumbs.db", "desktop.ini"):
        (map_ / naam).write_bytes(b"x")
    assert "Let op: in de map" not in kc.ok("dossier", "show", palmeneire).stderr
