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
