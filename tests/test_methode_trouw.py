"""Method fidelity (issue 13): each rule as the guide states it, through the CLI.

Each test names the guide line (``L`` = line in co3-gids.txt) or the decision (decisions.md) that
gives the right value.
"""

from __future__ import annotations

import copy
import json
from pathlib import Path
from typing import Any

import yaml

from tests.conftest import _id_uit
from tests.methodiek.test_afronding_regels import klaar_data


def importeer(kc, tmp_path: Path, data: dict[str, Any], naam: str = "d") -> tuple[str, str]:
    """Imports a dossier in the stored schema; returns its id and the command's output."""
    data = copy.deepcopy(data)
    data.pop("id", None)
    bestand = tmp_path / f"{naam}.yaml"
    bestand.write_text(yaml.safe_dump(data, allow_unicode=True, sort_keys=False), encoding="utf-8")
    uit = kc.ok("dossier", "new", "--from", bestand, "--no-input")
    return _id_uit(uit.output), uit.output


def criterium(kc, dossier_id: str, key: str) -> dict[str, Any]:
    uit = kc("afronding", "check", dossier_id, "--json")
    return next(c for c in json.loads(uit.stdout)["criteria"] if c["key"] == key)


# -- 1. afrondingstoets "minder risicofactoren" (L708-709, D27) ---------------------------------------


def _kijkschema(datum: str, *factoren: str) -> dict[str, Any]:
    return {"datum": datum, "factoren": [{"factor": f, "staat": "aanwezig", "bij_wie": ["m2"]} for f in factoren]}


def test_minder_risicofactoren_telt_alleen_risicofactoren(kc, tmp_path):
    """L708-709 "Zijn er minder risicofactoren in het gezin dan bij aanvang?": 1 risk factor at instroom
    and 5 now is niet-voldaan, however many protective factors came (D27: they are context only)."""
    data = klaar_data()
    data["kijkschema"] = [
        _kijkschema("2026-03-10", "geweld-eerder"),
        _kijkschema("2026-11-10", "geweld-eerder", "geweld-escalatie", "geweld-angst", "individu-middelenmisbruik",
                    "individu-stressfactoren", "geweld-zelfcontrole", "sociaal-meer-steun", "sociaal-steunfiguur"),
    ]
    did, _ = importeer(kc, tmp_path, data)
    c = criterium(kc, did, "minder-risicofactoren")
    assert c["oordeel"] == "niet-voldaan"
    assert any("risicofactoren 1 → 5" in b for b in c["bewijs"])
    assert any("beschermende factoren 0 → 3" in b and "telt niet mee" in b for b in c["bewijs"])


def test_minder_risicofactoren_voldaan_met_een_recent_kijkschema(kc, tmp_path):
    data = klaar_data()
    data["kijkschema"] = [_kijkschema("2026-03-10", "geweld-eerder", "geweld-escalatie"),
                          _kijkschema("2026-11-10", "geweld-eerder")]
    did, _ = importeer(kc, tmp_path, data)
    assert criterium(kc, did, "minder-risicofactoren")["oordeel"] == "voldaan"


def test_minder_risicofactoren_onbekend_met_een_oud_kijkschema(kc, tmp_path):
    """D27: the latest kijkschema must fall in the three-month window (D25); 01/08 is too old on 23/11."""
    data = klaar_data()
    data["kijkschema"] = [_kijkschema("2026-03-10", "geweld-eerder", "geweld-escalatie"),
                          _kijkschema("2026-08-01", "geweld-eerder")]
    did, _ = importeer(kc, tmp_path, data)
    c = criterium(kc, did, "minder-risicofactoren")
    assert c["oordeel"] == "onbekend"
    assert f"ketencli kijkschema invullen {did}" in c["wat_te_doen"]
    assert any("01/08/2026" in b and "23/08/2026" in b for b in c["bewijs"])
    # a wider window (--sinds) accepts it
    uit = kc("afronding", "check", did, "--json", "--sinds", "2026-07-01")
    assert next(c for c in json.loads(uit.stdout)["criteria"]
                if c["key"] == "minder-risicofactoren")["oordeel"] == "voldaan"


def test_minder_risicofactoren_onbekend_na_een_nieuw_incident(kc, tmp_path):
    """D27: a kijkschema older than the last incident, pv or melding says nothing about now."""
    data = klaar_data()
    data["kijkschema"] = [_kijkschema("2026-03-10", "geweld-eerder", "geweld-escalatie"),
                          _kijkschema("2026-11-10", "geweld-eerder")]
    data["tijdlijn"].append({"datum": "2026-11-15", "soort": "melding", "omschrijving": "Familiale twist."})
    did, _ = importeer(kc, tmp_path, data)
    c = criterium(kc, did, "minder-risicofactoren")
    assert c["oordeel"] == "onbekend"
    assert any("melding op 15/11/2026" in b for b in c["bewijs"])
    assert "kijkschema invullen" in c["wat_te_doen"]
