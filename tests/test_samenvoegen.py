"""The three-way merge of a dossier (issue 18 §3), tested directly on plain documents: field and
list-item level, conflicts with both values, and a hypothesis property test that no change of either
side is lost (each is in the result or in a conflict)."""

from __future__ import annotations

import copy
from typing import Any

from hypothesis import given, settings
from hypothesis import strategies as st

from ketencli import samenvoegen
from ketencli.samenvoegen import voeg_samen

BASIS = {
    "aanmelding": {"waarom_nu": "basis", "wensen_en_noden": "", "vragen_en_verwachtingen": "v0"},
    "gezinsleden": [{"id": "m1", "naam": "A", "rollen": ["moeder"]}, {"id": "m2", "naam": "B", "rollen": ["kind"]}],
    "pva": {"rijen": [{"id": "r1", "aanpak": "x", "acties": [{"omschrijving": "bellen"}]},
                      {"id": "r2", "aanpak": "y", "acties": []}]},
    "tijdlijn": [{"datum": "2026-11-01", "soort": "contact", "omschrijving": "eerste"}],
    "stappen": [{"item": "aanmelding-ontvangen", "datum": "2026-11-01"}],
    "agenderingen": [],
}


def _kopie() -> dict:
    return copy.deepcopy(BASIS)


def test_verschillende_velden_zonder_conflict():
    ons, hun = _kopie(), _kopie()
    ons["aanmelding"]["waarom_nu"] = "A"
    hun["aanmelding"]["wensen_en_noden"] = "B"
    uit, conflicten = voeg_samen(BASIS, ons, hun)
    assert conflicten == []
    assert uit["aanmelding"]["waarom_nu"] == "A" and uit["aanmelding"]["wensen_en_noden"] == "B"


def test_zelfde_veld_is_een_conflict_met_beide_waarden():
    ons, hun = _kopie(), _kopie()
    ons["aanmelding"]["vragen_en_verwachtingen"] = "A"
    hun["aanmelding"]["vragen_en_verwachtingen"] = "B"
    uit, conflicten = voeg_samen(BASIS, ons, hun)
    assert [(c.pad, c.ons, c.hun) for c in conflicten] == [("aanmelding.vragen_en_verwachtingen", "A", "B")]
    assert uit["aanmelding"]["vragen_en_verwachtingen"] == "A"  # this side's value until resolved


def test_zelfde_wijziging_aan_beide_kanten_is_geen_conflict():
    ons, hun = _kopie(), _kopie()
    ons["aanmelding"]["waarom_nu"] = hun["aanmelding"]["waarom_nu"] = "zelfde"
    assert voeg_samen(BASIS, ons, hun) == (ons, [])


def test_tijdlijn_en_vinkjes_van_beide_kanten_blijven():
    ons, hun = _kopie(), _kopie()
    ons["tijdlijn"].append({"datum": "2026-11-20", "soort": "contact", "omschrijving": "A"})
    hun["tijdlijn"].append({"datum": "2026-11-21", "soort": "overleg", "omschrijving": "B"})
    hun["stappen"].append({"item": "co3-voorstellen", "datum": "2026-11-21"})
    ons["stappen"].append({"item": "weegploeg", "datum": "2026-11-20"})
    uit, conflicten = voeg_samen(BASIS, ons, hun)
    assert conflicten == []
    assert [t["omschrijving"] for t in uit["tijdlijn"]] == ["eerste", "A", "B"]
    assert [s["item"] for s in uit["stappen"]] == ["aanmelding-ontvangen", "weegploeg", "co3-voorstellen"]


def test_pva_rij_verwijderd_en_elders_bewerkt_blijft_met_een_conflict():
    ons, hun = _kopie(), _kopie()
    del ons["pva"]["rijen"][1]
    hun["pva"]["rijen"][1]["aanpak"] = "bewerkt"
    uit, conflicten = voeg_samen(BASIS, ons, hun)
    assert [r["id"] for r in uit["pva"]["rijen"]] == ["r1", "r2"]
    assert uit["pva"]["rijen"][1]["aanpak"] == "bewerkt"
    assert [(c.pad, c.ons) for c in conflicten] == [("pva.rijen[r2]", None)]
    # and in the other order
    uit2, conflicten2 = voeg_samen(BASIS, hun, ons)
    assert uit2["pva"]["rijen"][1]["aanpak"] == "bewerkt" and conflicten2[0].hun is None


def test_verwijderd_en_elders_onaangeroerd_gaat_weg():
    ons, hun = _kopie(), _kopie()
    del ons["pva"]["rijen"][1]
    hun["aanmelding"]["waarom_nu"] = "B"
    uit, conflicten = voeg_samen(BASIS, ons, hun)
    assert conflicten == [] and [r["id"] for r in uit["pva"]["rijen"]] == ["r1"]


def test_leden_per_id_en_velden_van_een_rij_apart():
    ons, hun = _kopie(), _kopie()
    ons["gezinsleden"].append({"id": "m3", "naam": "C", "rollen": ["vader"]})
    hun["gezinsleden"][0]["rollen"].append("slachtoffer")
    ons["pva"]["rijen"][0]["aanpak"] = "nieuw"
    hun["pva"]["rijen"][0]["acties"].append({"omschrijving": "huisbezoek"})
    uit, conflicten = voeg_samen(BASIS, ons, hun)
    assert conflicten == []
    assert [m["id"] for m in uit["gezinsleden"]] == ["m1", "m2", "m3"]
    assert uit["gezinsleden"][0]["rollen"] == ["moeder", "slachtoffer"]
    assert uit["pva"]["rijen"][0]["aanpak"] == "nieuw"
    assert [a["omschrijving"] for a in uit["pva"]["rijen"][0]["acties"]] == ["bellen", "huisbezoek"]


def test_zonder_gemeenschappelijke_versie():
    uit, conflicten = voeg_samen(None, {"a": 1, "l": [1]}, {"b": 2, "l": [2]})
    assert uit == {"a": 1, "l": [1, 2], "b": 2} and conflicten == []


def test_zet_kiest_een_waarde_op_een_pad():
    doc = _kopie()
    samenvoegen.zet(doc, "pva.rijen[r2].aanpak", "gekozen")
    samenvoegen.zet(doc, "aanmelding.waarom_nu", "ook")
    assert doc["pva"]["rijen"][1]["aanpak"] == "gekozen" and doc["aanmelding"]["waarom_nu"] == "ook"
    samenvoegen.zet(doc, "pva.rijen[r2]", None)
    assert [r["id"] for r in doc["pva"]["rijen"]] == ["r1"]


# -- the property: no change is lost ----------------------------------------------------------------

_tekst = st.text(alphabet="abcxyz", min_size=0, max_size=3)


@st.composite
def _bewerk(draw: Any, doc: dict, kant: str) -> dict:
    doc = copy.deepcopy(doc)
    for _ in range(draw(st.integers(0, 6))):
        soort = draw(st.sampled_from(["veld", "nest", "rij_veld", "rij_weg", "rij_erbij", "actie_erbij",
                                      "actie_weg", "tijdlijn_erbij", "tijdlijn_weg", "sleutel_weg"]))
        rijen = doc["pva"]["rijen"]
        if soort == "veld":
            doc["aanmelding"][draw(st.sampled_from(["a", "b", "c"]))] = draw(_tekst)
        elif soort == "nest":
            doc.setdefault("nest", {})["x"] = draw(st.integers(0, 3))
        elif soort == "sleutel_weg" and doc["aanmelding"]:
            doc["aanmelding"].pop(draw(st.sampled_from(sorted(doc["aanmelding"]))))
        elif soort == "rij_veld" and rijen:
            draw(st.sampled_from(rijen))["aanpak"] = draw(_tekst)
        elif soort == "rij_weg" and rijen:
            rijen.remove(draw(st.sampled_from(rijen)))
        elif soort == "rij_erbij":
            rijen.append({"id": f"r{draw(st.integers(1, 6))}", "aanpak": draw(_tekst), "acties": []})
            if len({r["id"] for r in rijen}) != len(rijen):
                rijen.pop()
        elif soort == "actie_erbij" and rijen:
            draw(st.sampled_from(rijen))["acties"].append(f"{kant}{draw(st.integers(0, 99))}")
        elif soort == "actie_weg" and rijen:
            rij = draw(st.sampled_from(rijen))
            if rij["acties"]:
                rij["acties"].remove(draw(st.sampled_from(rij["acties"])))
        elif soort == "tijdlijn_erbij":
            doc["tijdlijn"].append({"omschrijving": f"{kant}{draw(st.integers(0, 99))}"})
        elif soort == "tijdlijn_weg" and doc["tijdlijn"]:
            doc["tijdlijn"].remove(draw(st.sampled_from(doc["tijdlijn"])))
    # content lists hold unique items (a new entry is new): keep the generated ones unique
    doc["tijdlijn"] = list({samenvoegen._inhoud(t): t for t in doc["tijdlijn"]}.values())
    for rij in doc["pva"]["rijen"]:
        rij["acties"] = list(dict.fromkeys(rij["acties"]))
    return doc


_BASIS_P = {"aanmelding": {"a": "", "b": "b", "c": "c"},
            "pva": {"rijen": [{"id": "r1", "aanpak": "", "acties": ["b1"]}, {"id": "r2", "aanpak": "z", "acties": []}]},
            "tijdlijn": [{"omschrijving": "b0"}, {"omschrijving": "b1"}]}


def _waarde_op(doc: Any, pad: str) -> Any:
    huidig = doc
    lijstpad = ""
    for soort, naam in samenvoegen._delen(pad):
        if soort == "k":
            if not isinstance(huidig, dict) or naam not in huidig:
                return None
            huidig, lijstpad = huidig[naam], naam
        else:
            huidig = next((i for i in (huidig or []) if samenvoegen.sleutel(i, lijstpad) == naam), None)
    return huidig


def _in_conflict(pad: str, conflicten: list[samenvoegen.Conflict]) -> bool:
    return any(pad == c.pad or pad.startswith(c.pad + ".") or pad.startswith(c.pad + "[")
               or c.pad.startswith(pad + ".") or c.pad.startswith(pad + "[") for c in conflicten)


def _niets_verloren(kant: dict, uit: dict, conflicten: list[samenvoegen.Conflict]) -> None:
    for v in samenvoegen.verschillen(_BASIS_P, kant):
        lijst = _waarde_op(uit, v.pad)
        if isinstance(lijst, list) and (v.oud is None) != (v.nieuw is None) and \
                isinstance(_waarde_op(kant, v.pad), list) and v.pad.split(".")[-1] in ("tijdlijn", "acties"):
            if v.soort == "toegevoegd":
                assert v.nieuw in lijst, (v, uit)
            else:
                assert v.oud not in lijst, (v, uit)
            continue
        if _in_conflict(v.pad, conflicten):
            continue
        assert _bevat(_waarde_op(uit, v.pad), v.nieuw), (v, uit, conflicten)


def _bevat(resultaat: Any, verwacht: Any) -> bool:
    """The side's value is in the result: equal, or (an item both sides added under one id) every field
    of it there, and every entry of its lists (the other side's additions may come on top)."""
    if isinstance(verwacht, dict) and isinstance(resultaat, dict):
        return all(k in resultaat and _bevat(resultaat[k], w) for k, w in verwacht.items())
    if isinstance(verwacht, list) and isinstance(resultaat, list):
        return all(item in resultaat for item in verwacht)
    return resultaat == verwacht


@settings(max_examples=500, deadline=None)
@given(st.data())
def test_geen_wijziging_gaat_verloren(data: Any):
    ons = data.draw(_bewerk(_BASIS_P, "o"))
    hun = data.draw(_bewerk(_BASIS_P, "h"))
    for a, b in ((ons, hun), (hun, ons)):  # in both orders
        uit, conflicten = voeg_samen(_BASIS_P, a, b)
        _niets_verloren(a, uit, conflicten)
        _niets_verloren(b, uit, conflicten)
        for c in conflicten:  # both values kept
            assert _waarde_op(a, c.pad) == c.ons and _waarde_op(b, c.pad) == c.hun
