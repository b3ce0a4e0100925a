"""Issue 15 §4: readable without colour (NO_COLOR) and in an 80-column terminal."""

from __future__ import annotations

import re

import pytest


def _rijhoogtes(tekst: str) -> list[int]:
    """Heights of table rows: a row starts where the first cell has text."""
    hoogtes, n = [], 0
    for regel in tekst.splitlines():
        if regel.startswith("│"):
            eerste = regel.split("│")[1]
            if n and eerste.strip():
                hoogtes.append(n)
                n = 0
            n += 1
        elif n:
            hoogtes.append(n)
            n = 0
    return hoogtes + ([n] if n else [])


@pytest.fixture
def smal(monkeypatch):
    monkeypatch.setenv("COLUMNS", "80")


def test_dossier_list_past_in_80_kolommen(kc, palmeneire, westvl, smal):
    uit = kc.ok("dossier", "list").stdout
    assert palmeneire in uit and westvl in uit and "De Palmeneire – Vercammen" in uit
    assert max(len(r) for r in uit.splitlines()) <= 80
    assert max(_rijhoogtes(uit)) <= 8


def test_pva_show_in_80_kolommen_toont_elke_rij_met_id(kc, palmeneire, smal):
    uit = kc.ok("pva", "show", palmeneire).stdout
    assert max(len(r) for r in uit.splitlines()) <= 80
    assert not _rijhoogtes(uit) or max(_rijhoogtes(uit)) <= 12
    for rij in ("r1", "r2", "r3", "r10"):
        assert re.search(rf"^{rij} ", uit, re.M), rij
    assert "Eerder fysiek of seksueel geweld binnen de huidige relatie (risico)" in uit
    assert "Er is een effectief veiligheidsplan (beschermend)" in uit


def test_zonder_kleur_zijn_risico_en_bescherming_te_onderscheiden(kc, palmeneire):
    uit = kc.ok("kijkschema", "toon", palmeneire).stdout  # conftest sets NO_COLOR
    risico = next(r for r in uit.splitlines() if "Eerder fysiek of seksueel geweld" in r)
    beschermend = next(r for r in uit.splitlines() if "Er is een effectief veiligheidsplan" in r)
    assert "risico" in risico and "beschermend" not in risico
    assert "beschermend" in beschermend


def test_een_tafelnaam_wordt_niet_midden_in_een_woord_gebroken(kc, palmeneire, monkeypatch):
    """At 60 columns the overzicht's table column kept 10 of "Overlegtafel"'s 12 letters ("Overlegtaf" /
    "el"): a wrapping column keeps its longest word whole while the others can still give way."""
    from tests.conftest import voorbeeld

    kc.ok("dossier", "new", "--from", voorbeeld("west-vlaanderen-gezin.yaml"), "--no-input")
    monkeypatch.setenv("COLUMNS", "60")
    uit = kc.ok("overzicht").stdout
    regels = [r for r in uit.splitlines() if r.startswith("│")]
    assert any(r.rstrip("│ ").endswith("Overlegtafel") for r in regels), uit
    assert all(len(r) <= 60 for r in uit.splitlines()), uit
