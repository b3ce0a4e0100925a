"""Issue 15 §4: counts in Dutch grammar, in what the commands print ("1 gezinslid", never "(en)")."""

from __future__ import annotations

import re

import yaml

from tests.conftest import dossier_bestand, voorbeeld

HALF_MEERVOUD = re.compile(r"\b\d+ (?:\w+ )?\w+\((?:en|s|'s)\)"
                           r"|\b1 (?:gezinsleden|factoren|rijen|acties|doelstellingen)\b")


def test_tellingen_in_enkelvoud_en_meervoud(kc, thuis, tmp_path):
    data = yaml.safe_load(voorbeeld("de-palmeneire-vercammen.yaml").read_text(encoding="utf-8"))
    data["gezinsleden"] = [dict(data["gezinsleden"][1], relaties=[])]
    lid = data["gezinsleden"][0]["id"]
    data["kijkschema"] = [{"datum": "2026-09-14", "factoren": [
        {"factor": "geweld-eerder", "staat": "aanwezig", "bij_wie": [lid]},
        {"factor": "geweld-zelfcontrole", "staat": "aanwezig", "bij_wie": [lid]}]}]
    data["pva"] = {"rijen": [{"id": "r1", "domein": "geweld", "factor": "geweld-eerder", "soort": "risico",
                              "bij_wie": [lid], "acties": [{"omschrijving": "Slachtofferhulp", "begeleiding": "d1",
                                                            "stavaza": "gepland"}]}],
                   "doelstellingen": [{"id": "g1", "tekst": "Veilig wonen.", "bij_wie": [lid]}]}
    bestand = tmp_path / "een.yaml"
    bestand.write_text(yaml.safe_dump(data, allow_unicode=True), encoding="utf-8")
    uit = kc.ok("dossier", "new", "--from", bestand, "--no-input").output
    assert "(1 gezinslid)" in uit
    dossier = "2026-001"
    assert dossier_bestand(thuis, dossier).is_file()
    for args in (("stap", "toon", dossier, "--alles"), ("afronding", "check", dossier), ("pva", "check", dossier),
                 ("kijkschema", "toon", dossier)):
        uit = kc(*args).output
        assert not HALF_MEERVOUD.findall(uit), (args, HALF_MEERVOUD.findall(uit))
    stap = kc("stap", "toon", dossier, "--alles", "--json").stdout
    assert "1 beschermende factor in het kijkschema" in stap
    assert "1 actie staat nog open" in kc("afronding", "check", dossier).output


def test_datum_zonder_jaar_is_de_laatste_voor_feiten_en_wordt_voluit_getoond(kc, palmeneire, thuis):
    """Issue 15 §4: on 23/11/2026, '21/11' for a fact is 21/11/2026 and '24/11' is 24/11/2025."""
    uit = kc.ok("tijdlijn", "add", palmeneire, "--soort", "contact", "--datum", "21/11",
                "--omschrijving", "Kort telefoontje", "--no-input")
    assert "21/11/2026" in uit.output
    kc.ok("tijdlijn", "add", palmeneire, "--soort", "contact", "--datum", "24/11", "--omschrijving", "Vorig jaar",
          "--no-input")
    data = yaml.safe_load(dossier_bestand(thuis, palmeneire).read_text(encoding="utf-8"))
    per_datum = {str(t["datum"]): t["omschrijving"] for t in data["tijdlijn"]}
    assert per_datum["2026-11-21"] == "Kort telefoontje"
    assert per_datum["2025-11-24"] == "Vorig jaar"


def test_onbestaande_datum_krijgt_een_eigen_melding(kc, palmeneire):
    onbestaand = kc("tijdlijn", "add", palmeneire, "--soort", "contact", "--datum", "31/11/2026",
                    "--omschrijving", "x", "--no-input")
    assert onbestaand.exit_code == 2
    assert "bestaat niet" in onbestaand.stderr and "november 2026 heeft 30 dagen" in onbestaand.stderr
    onleesbaar = kc("tijdlijn", "add", palmeneire, "--soort", "contact", "--datum", "xx/yy/zzzz",
                    "--omschrijving", "x", "--no-input")
    assert onleesbaar.exit_code == 2 and "is geen datum" in onleesbaar.stderr


def test_datum_zonder_jaar_voor_een_plan_is_de_volgende(kc, palmeneire, thuis):
    """A terugkomdatum is a plan: on 23/11/2026 '05/01' is 5 January 2027, not 2026."""
    kc.ok("agendeer", "weegploeg", palmeneire, "--toch", "--reden", "test")
    kc.ok("agendeer", "uitkomst", palmeneire, "a1", "--status", "uitgesteld", "--terugkoppeling", "05/01")
    data = yaml.safe_load(dossier_bestand(thuis, palmeneire).read_text(encoding="utf-8"))
    assert str(data["agenderingen"][0]["terugkoppeling_op"]) == "2027-01-05"
