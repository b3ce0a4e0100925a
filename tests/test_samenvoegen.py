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


def _hernummerd(v: samenvoegen.Verschil, hernummerd: list[samenvoegen.Hernummering]) -> samenvoegen.Verschil:
    """The side's change as it is in the result when its new item got another id."""
    for h in hernummerd:
        oud = f"{h.lijst}[{h.oud}]"
        if v.pad == oud or v.pad.startswith(oud + "."):
            nieuw = dict(v.nieuw, id=h.nieuw) if v.pad == oud and isinstance(v.nieuw, dict) else v.nieuw
            return samenvoegen.Verschil(f"{h.lijst}[{h.nieuw}]" + v.pad[len(oud):], v.soort, v.oud, nieuw)
    return v


def _niets_verloren(kant: dict, uit: dict, conflicten: list[samenvoegen.Conflict],
                    hernummerd: list[samenvoegen.Hernummering] = ()) -> None:  # type: ignore[assignment]
    for v in samenvoegen.verschillen(_BASIS_P, kant):
        v = _hernummerd(v, list(hernummerd))
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
        s = samenvoegen.samenvoeging(_BASIS_P, a, b)
        uit, conflicten = s.resultaat, s.conflicten
        assert all(h.kant == "hun" for h in s.hernummerd)
        _niets_verloren(a, uit, conflicten)
        _niets_verloren(b, uit, conflicten, s.hernummerd)
        for c in conflicten:  # both values kept
            assert _waarde_op(a, c.pad) == c.ons and _waarde_op(b, c.pad) == c.hun


# -- an id created on two sides is two items, not one (issue 18 §3: nothing is ever silently lost) ----

DOSSIER = {
    "id": "2026-001", "regio": "co3-antwerpen", "gezin": "Gezin Test", "fase": "casusregie",
    "gezinsleden": [{"id": "m1", "naam": "Moeder", "rollen": ["slachtoffer"]},
                    {"id": "m2", "naam": "Vader", "rollen": ["pleger"],
                     "relaties": [{"met": "m1", "soort": "partner"}]},
                    {"id": "m3", "naam": "Kind", "rollen": ["kind"]}],
    "betrokken_diensten": [{"id": "d1", "soort": "caw", "naam": "CAW"}],
    "tijdlijn": [{"datum": "2026-10-01", "soort": "incident", "door": ["m2"], "tegen": ["m1"]}],
    "kijkschema": [{"datum": "2026-10-02", "factoren": [
        {"factor": "geweld-bedreiging", "staat": "aanwezig", "bij_wie": ["m2"]}]}],
    "pva": {"rijen": [{"id": "r1", "domein": "geweld", "factor": "geweld-bedreiging", "bij_wie": ["m2"],
                       "acties": [{"omschrijving": "bellen", "begeleiding": "d1"}]},
                      {"id": "r2", "domein": "kind", "factor": "steun", "acties": []},
                      {"id": "r3", "domein": "individu", "factor": "werk", "acties": []}],
            "doelstellingen": [{"id": "g1", "tekst": "veilig", "rij": "r1"}]},
    "agenderingen": [{"id": "a1", "tafel": "weegploeg", "rol": "plan", "soort": "pva",
                      "zitting": "2026-11-05T13:00:00"}],
    "knelpunten": [{"id": "k1", "categorie": "wachtlijst", "dienst": "d1", "omschrijving": "lang",
                    "datum": "2026-10-03"}],
}


def _dossier() -> dict:
    return copy.deepcopy(DOSSIER)


def _geldig(doc: dict) -> None:
    from ketencli import model

    model.Dossier.model_validate(doc)


def _lid(doc: dict, lid_id: str) -> dict:
    return next(m for m in doc["gezinsleden"] if m["id"] == lid_id)


def test_twee_nieuwe_gezinsleden_met_hetzelfde_id_blijven_twee_met_hun_verwijzingen():
    """A adds grandmother Rita as m4, B (offline) adds the new partner Jan as m4 with a relation and a
    kijkschema factor bij_wie m4: two people, Jan renumbered m5 with every reference of B's side."""
    ons, hun = _dossier(), _dossier()
    ons["gezinsleden"].append({"id": "m4", "naam": "Rita", "rollen": ["ander"], "geboortedatum": "1950-01-01",
                               "relaties": [{"met": "m1", "soort": "grootouder-van"}]})
    hun["gezinsleden"].append({"id": "m4", "naam": "Jan", "rollen": ["pleger"], "geboortedatum": "1990-05-05",
                               "relaties": [{"met": "m1", "soort": "partner"}]})
    _lid(hun, "m1").setdefault("relaties", []).append({"met": "m4", "soort": "partner"})
    hun["kijkschema"][0]["factoren"][0]["bij_wie"].append("m4")
    hun["tijdlijn"].append({"datum": "2026-11-01", "soort": "incident", "door": ["m4"], "tegen": ["m1"]})
    s = samenvoegen.samenvoeging(DOSSIER, ons, hun)
    assert s.conflicten == []
    assert [(h.lijst, h.oud, h.nieuw, h.kant) for h in s.hernummerd] == [("gezinsleden", "m4", "m5", "hun")]
    uit = s.resultaat
    assert [(m["id"], m["naam"]) for m in uit["gezinsleden"]] == [
        ("m1", "Moeder"), ("m2", "Vader"), ("m3", "Kind"), ("m4", "Rita"), ("m5", "Jan")]
    assert _lid(uit, "m4")["geboortedatum"] == "1950-01-01" and _lid(uit, "m5")["rollen"] == ["pleger"]
    assert _lid(uit, "m1")["relaties"] == [{"met": "m5", "soort": "partner"}]
    assert uit["kijkschema"][0]["factoren"][0]["bij_wie"] == ["m2", "m5"]
    assert uit["tijdlijn"][-1]["door"] == ["m5"]
    _geldig(uit)
    # the other order: the same two people, Rita renumbered now
    uit2, conflicten2 = voeg_samen(DOSSIER, hun, ons)
    assert conflicten2 == [] and {(m["id"], m["naam"]) for m in uit2["gezinsleden"][3:]} == {("m4", "Jan"),
                                                                                          ("m5", "Rita")}
    assert _lid(uit2, "m1")["relaties"] == [{"met": "m4", "soort": "partner"}]
    _geldig(uit2)


def test_hernummer_ons_herschrijft_de_verwijzingen_van_deze_kant():
    """A team sync renumbers the side no colleague has seen yet (``hernummer="ons"``)."""
    ons, hun = _dossier(), _dossier()
    ons["gezinsleden"].append({"id": "m4", "naam": "Rita", "rollen": ["ander"]})
    ons["pva"]["rijen"][0]["bij_wie"].append("m4")
    hun["gezinsleden"].append({"id": "m4", "naam": "Jan", "rollen": ["pleger"]})
    s = samenvoegen.samenvoeging(DOSSIER, ons, hun, hernummer="ons")
    assert [(h.oud, h.nieuw, h.kant) for h in s.hernummerd] == [("m4", "m5", "ons")]
    assert _lid(s.resultaat, "m5")["naam"] == "Rita" and _lid(s.resultaat, "m4")["naam"] == "Jan"
    assert s.resultaat["pva"]["rijen"][0]["bij_wie"] == ["m2", "m5"]
    _geldig(s.resultaat)


def test_zelfde_nieuw_lid_aan_beide_kanten_blijft_een():
    ons, hun = _dossier(), _dossier()
    for doc in (ons, hun):
        doc["gezinsleden"].append({"id": "m4", "naam": "Rita", "rollen": ["ander"]})
    s = samenvoegen.samenvoeging(DOSSIER, ons, hun)
    assert s.hernummerd == [] and [m["id"] for m in s.resultaat["gezinsleden"]] == ["m1", "m2", "m3", "m4"]


def test_twee_nieuwe_pva_rijen_met_hetzelfde_id_worden_niet_stil_een_rij():
    """Fields that do not collide used to merge two different rows into one without a word."""
    ons, hun = _dossier(), _dossier()
    ons["pva"]["rijen"].append({"id": "r4", "domein": "geweld", "factor": "geweld-angst", "aanpak": "A",
                                "acties": []})
    hun["pva"]["rijen"].append({"id": "r4", "domein": "kind", "factor": "school", "noden": "B",
                                "acties": [{"omschrijving": "clb bellen"}]})
    hun["pva"]["doelstellingen"].append({"id": "g2", "tekst": "naar school", "rij": "r4"})
    ons["pva"]["doelstellingen"].append({"id": "g2", "tekst": "minder angst", "rij": "r4"})
    s = samenvoegen.samenvoeging(DOSSIER, ons, hun)
    assert s.conflicten == []
    rijen = {r["id"]: r for r in s.resultaat["pva"]["rijen"]}
    assert list(rijen) == ["r1", "r2", "r3", "r4", "r5"]
    assert rijen["r4"]["factor"] == "geweld-angst" and "noden" not in rijen["r4"]
    assert rijen["r5"]["factor"] == "school" and rijen["r5"]["acties"] == [{"omschrijving": "clb bellen"}]
    doelen = {g["id"]: (g["tekst"], g["rij"]) for g in s.resultaat["pva"]["doelstellingen"]}
    assert doelen == {"g1": ("veilig", "r1"), "g2": ("minder angst", "r4"), "g3": ("naar school", "r5")}
    assert {(h.lijst, h.oud, h.nieuw) for h in s.hernummerd} == {("pva.rijen", "r4", "r5"),
                                                                 ("pva.doelstellingen", "g2", "g3")}
    _geldig(s.resultaat)


def test_nieuw_id_ligt_boven_elk_id_van_de_drie_kanten():
    ons, hun = _dossier(), _dossier()
    ons["pva"]["rijen"] += [{"id": "r4", "domein": "geweld", "factor": "a", "acties": []},
                            {"id": "r7", "domein": "geweld", "factor": "b", "acties": []}]
    hun["pva"]["rijen"].append({"id": "r4", "domein": "kind", "factor": "c", "acties": []})
    s = samenvoegen.samenvoeging(DOSSIER, ons, hun)
    assert [r["id"] for r in s.resultaat["pva"]["rijen"]] == ["r1", "r2", "r3", "r4", "r7", "r8"]


def test_twee_nieuwe_agenderingen_en_knelpunten_met_hetzelfde_id():
    ons, hun = _dossier(), _dossier()
    ons["agenderingen"].append({"id": "a2", "tafel": "weegploeg", "rol": "opvolging", "soort": "gewijzigd",
                                "zitting": "2026-12-03T13:00:00"})
    hun["agenderingen"].append({"id": "a2", "tafel": "rondetafel", "rol": "opvolging", "soort": "rondetafel",
                                "zitting": "2026-12-10T09:00:00", "vraag": "hoe verder?"})
    ons["knelpunten"].append({"id": "k2", "categorie": "wachtlijst", "dienst": "d1", "omschrijving": "A",
                              "datum": "2026-11-10"})
    hun["betrokken_diensten"].append({"id": "d2", "soort": "cgg", "naam": "CGG"})
    hun["knelpunten"].append({"id": "k2", "categorie": "geen-aanbod", "dienst": "d2", "omschrijving": "B",
                              "datum": "2026-11-11"})
    ons["betrokken_diensten"].append({"id": "d2", "soort": "politie", "naam": "Politie"})
    hun["agenderingen"][-1]["uitgenodigd"] = ["d2"]
    uit, conflicten = voeg_samen(DOSSIER, ons, hun)
    assert conflicten == []
    assert [(a["id"], a["tafel"]) for a in uit["agenderingen"]] == [
        ("a1", "weegploeg"), ("a2", "weegploeg"), ("a3", "rondetafel")]
    assert uit["agenderingen"][-1]["uitgenodigd"] == ["d3"]
    assert [(d["id"], d["naam"]) for d in uit["betrokken_diensten"]] == [("d1", "CAW"), ("d2", "Politie"),
                                                                         ("d3", "CGG")]
    assert [(k["id"], k["omschrijving"], k["dienst"]) for k in uit["knelpunten"]] == [
        ("k1", "lang", "d1"), ("k2", "A", "d1"), ("k3", "B", "d3")]
    _geldig(uit)


def _model_tekstvelden() -> dict[str, str]:
    """Every field of model.Dossier that can hold an id or text (str, str | None, list[str]), as a path
    from the dossier with list levels implicit -> the field's leaf name."""
    import types
    import typing

    from pydantic import BaseModel

    from ketencli import model

    uit: dict[str, str] = {}

    def is_tekst(tp: Any) -> bool:
        return tp is str

    def loop(cls: type, pad: str) -> None:
        for naam, veld in cls.model_fields.items():
            p = f"{pad}.{naam}" if pad else naam
            tp = veld.annotation
            args = [a for a in typing.get_args(tp) if a is not type(None)] \
                if typing.get_origin(tp) in (typing.Union, types.UnionType) else [tp]
            for a in args:
                if typing.get_origin(a) is list:
                    a = typing.get_args(a)[0]
                if isinstance(a, type) and issubclass(a, BaseModel):
                    loop(a, p)
                elif is_tekst(a):
                    uit[p] = naam

    loop(model.Dossier, "")
    return uit


# Fields of the model that hold text, never an id of one of the lists in VERWIJZINGEN: by leaf name
# (free text everywhere) or by path. A new field that holds member, service, row … ids must go into
# samenvoegen.VERWIJZINGEN; one that does not, here.
_VRIJE_TEKST_NAMEN = {"naam", "omschrijving", "notitie", "toelichting", "reden", "tekst", "motivering",
                      "contact", "contactpersoon", "organisatie", "persoon", "rol", "telefoon", "advies",
                      "samenvatting", "standpunt", "noden", "aanpak", "plan_b", "vraag", "meenemen", "afspraken",
                      "veilige_plek", "wat_te_doen", "waarschuwingssignalen", "gevangenis", "wat", "veld",
                      "huishouden", "impact_kinderen", "veiligheidsplan", "gesprek_door", "netwerk_door"}
_GEEN_VERWIJZING = {  # a path covers everything below it
    "aanmelding", "id", "gezin", "ifg_profielen", "kijkschema.door", "kijkschema.factoren.factor", "pva.rijen.factor",
    "stappen.item", "uitleg_458ter.door", "agenderingen.tafel", "agenderingen.document", "agenderingen.mail",
    "knelpunten.categorie", "knelpunten.doorgegeven.aan", "conflicten.waarden.door", "dringende_maatregelen.tafel",
    "dringende_maatregelen.maatregel", "dringende_maatregelen.aanvraag_versnelde_start.aan",
    "dringende_maatregelen.aanvraag_versnelde_start.cc", "gezinsleden.instemming.door_wie_geinformeerd",
    "afronding.geweld_gestopt_verklaring", "afronding.vervolghulp", "afronding.extra_veiligheidsacties",
    "afronding.nieuwe_feiten", "afronding.vroeger_reden",
}


def test_elk_veld_met_ids_staat_in_de_verwijzingentabel():
    """A field model.py gains that may hold a member, service, row … id is either in
    samenvoegen.VERWIJZINGEN (rewritten when that item is renumbered) or declared free text here."""
    velden = _model_tekstvelden()
    assert "gezinsleden.relaties.met" in velden and "tijdlijn.door" in velden  # the scan sees nested lists
    verwijzingen = {p for paden in samenvoegen.VERWIJZINGEN.values() for p in paden}
    ids = {f"{lijst}.id" for lijst in samenvoegen.VERWIJZINGEN}
    onbekend = sorted(p for p, naam in velden.items()
                      if p not in verwijzingen | ids and naam not in _VRIJE_TEKST_NAMEN
                      and not any(p == x or p.startswith(x + ".") for x in _GEEN_VERWIJZING))
    assert onbekend == [], f"zet deze velden in samenvoegen.VERWIJZINGEN of in _GEEN_VERWIJZING: {onbekend}"
    assert verwijzingen <= set(velden), sorted(verwijzingen - set(velden))  # no stale path in the table
    assert ids <= set(velden)


@st.composite
def _voeg_toe(draw: Any, doc: dict, kant: str) -> dict:
    """Additions on one side of DOSSIER, with the next ids the CLI would give (so both sides often give
    the same id to different items), each pointing at what this side has (often its own new items)."""
    doc = copy.deepcopy(doc)
    for _ in range(draw(st.integers(0, 5))):
        soort = draw(st.sampled_from(["lid", "dienst", "rij", "doel", "agendering", "knelpunt", "veld"]))
        leden = [m["id"] for m in doc["gezinsleden"]]
        diensten = [d["id"] for d in doc["betrokken_diensten"]]
        tekst = f"{kant}{draw(st.integers(0, 9))}"
        if soort == "lid":
            nieuw = samenvoegen._volgend_vrij("m0", set(leden))
            doc["gezinsleden"].append({"id": nieuw, "naam": tekst, "rollen": ["ander"],
                                       "relaties": [{"met": draw(st.sampled_from(leden)), "soort": "ander"}]})
            doc["kijkschema"][0]["factoren"][0]["bij_wie"].append(nieuw)
            doc["tijdlijn"].append({"datum": "2026-11-01", "soort": "contact", "omschrijving": tekst,
                                    "door": [nieuw]})
        elif soort == "dienst":
            doc["betrokken_diensten"].append({"id": samenvoegen._volgend_vrij("d0", set(diensten)),
                                              "soort": "ander", "naam": tekst})
        elif soort == "rij":
            rijen = doc["pva"]["rijen"]
            rijen.append({"id": samenvoegen._volgend_vrij("r0", {r["id"] for r in rijen}), "domein": "geweld",
                          "factor": tekst, "bij_wie": [draw(st.sampled_from(leden))],
                          "acties": [{"omschrijving": tekst, "begeleiding": draw(st.sampled_from(diensten))}]})
        elif soort == "doel":
            doelen = doc["pva"]["doelstellingen"]
            doelen.append({"id": samenvoegen._volgend_vrij("g0", {g["id"] for g in doelen}), "tekst": tekst,
                           "rij": draw(st.sampled_from([r["id"] for r in doc["pva"]["rijen"]]))})
        elif soort == "agendering":
            doc["agenderingen"].append({"id": samenvoegen._volgend_vrij("a0", {a["id"] for a in doc["agenderingen"]}),
                                        "tafel": "rondetafel", "rol": "opvolging", "soort": "rondetafel",
                                        "zitting": "2026-12-10T09:00:00", "vraag": tekst,
                                        "uitgenodigd": [draw(st.sampled_from(diensten))],
                                        "reikwijdte": {"leden": [draw(st.sampled_from(leden))]}})
        elif soort == "knelpunt":
            doc["knelpunten"].append({"id": samenvoegen._volgend_vrij("k0", {k["id"] for k in doc["knelpunten"]}),
                                      "categorie": "wachtlijst", "dienst": draw(st.sampled_from(diensten)),
                                      "omschrijving": tekst, "datum": "2026-11-10"})
        else:
            doc["gezin"] = f"Gezin {tekst}"
    return doc


def _toevoegingen(kant: dict) -> list[tuple[str, dict]]:
    """(list path, item) for every item of an id list that this side added to DOSSIER."""
    uit = []
    for lijst in samenvoegen.VERWIJZINGEN:
        basis_ids = {i["id"] for i in _waarde_op(DOSSIER, lijst)}
        uit += [(lijst, i) for i in _waarde_op(kant, lijst) if i["id"] not in basis_ids]
    return uit


def _zoals_hernummerd(lijst: str, item: dict, hernummerd: list[samenvoegen.Hernummering], kant: str) -> dict:
    """The item with this side's renumberings applied to its id and its references."""
    doc = {**{k: [] for k in ("gezinsleden", "betrokken_diensten", "agenderingen", "knelpunten")},
           "pva": {"rijen": [], "doelstellingen": []}}
    samenvoegen.zet(doc, f"{lijst}[{item['id']}]", copy.deepcopy(item))
    vertaling: dict[str, dict[str, str]] = {}
    for h in hernummerd:
        if h.kant == kant:
            vertaling.setdefault(h.lijst, {})[h.oud] = h.nieuw
    for lijst_pad, v in vertaling.items():
        for pad in samenvoegen.VERWIJZINGEN[lijst_pad]:
            samenvoegen._herschrijf(doc, pad.split("."), v)
        for i in _waarde_op(doc, lijst_pad):
            i["id"] = v.get(i["id"], i["id"])
    return _waarde_op(doc, lijst)[0]


@settings(max_examples=200, deadline=None)
@given(st.data())
def test_geen_toevoeging_gaat_verloren_en_het_resultaat_is_een_geldig_dossier(data: Any):
    """Both sides add members, services, rows, goals, agenderingen, knelpunten offline, often under the
    same new id: every added item is in the result (possibly under a new id, with its references
    following it) and the result validates as a Dossier."""
    ons = data.draw(_voeg_toe(DOSSIER, "o"))
    hun = data.draw(_voeg_toe(DOSSIER, "h"))
    for a, b in ((ons, hun), (hun, ons)):
        for hernummer in ("hun", "ons"):
            s = samenvoegen.samenvoeging(DOSSIER, a, b, hernummer=hernummer)
            for kant, doc in (("ons", a), ("hun", b)):
                for lijst, item in _toevoegingen(doc):
                    verwacht = _zoals_hernummerd(lijst, item, s.hernummerd, kant)
                    assert verwacht in _waarde_op(s.resultaat, lijst), (lijst, verwacht, s)
            assert [c.pad for c in s.conflicten] in ([], ["gezin"])
            _geldig(s.resultaat)


def test_gelijke_nieuwe_knelpunten_bij_verschillende_nieuwe_diensten_zijn_twee():
    """Two knelpunten k2 alike in every word, but each for its own new service d2: two knelpunten."""
    ons, hun = _dossier(), _dossier()
    ons["betrokken_diensten"].append({"id": "d2", "soort": "politie", "naam": "Politie"})
    hun["betrokken_diensten"].append({"id": "d2", "soort": "cgg", "naam": "CGG"})
    for doc in (ons, hun):
        doc["knelpunten"].append({"id": "k2", "categorie": "wachtlijst", "dienst": "d2", "omschrijving": "wachtlijst",
                                  "datum": "2026-11-10"})
    s = samenvoegen.samenvoeging(DOSSIER, ons, hun)
    assert s.conflicten == []
    assert [(k["id"], k["dienst"]) for k in s.resultaat["knelpunten"]] == [("k1", "d1"), ("k2", "d2"), ("k3", "d3")]
    _geldig(s.resultaat)


# -- a resolution is a decision; a casusregisseur is one person (issue 18: nothing silently lost) ----


def _met_conflict(veld: str) -> dict:
    doc = _kopie()
    doc["conflicten"] = [{"veld": veld, "moment": "2026-11-20T10:00:00",
                          "waarden": [{"door": "P", "waarde": "x"}, {"door": "Q", "waarde": "y"}]}]
    return doc


def test_zelfde_conflict_verschillend_opgelost_is_een_nieuw_conflict():
    basis = _met_conflict("aanmelding.waarom_nu")  # the merged dossier kept value 1, "basis"
    ons, hun = copy.deepcopy(basis), copy.deepcopy(basis)
    ons["conflicten"] = hun["conflicten"] = []
    hun["aanmelding"]["waarom_nu"] = "gekozen door hun"  # ons chose value 1: the field did not change
    for a, b in ((ons, hun), (hun, ons)):
        uit, conflicten = voeg_samen(basis, a, b)
        assert [(c.pad, c.ons, c.hun) for c in conflicten] == [
            ("aanmelding.waarom_nu", a["aanmelding"]["waarom_nu"], b["aanmelding"]["waarom_nu"])]
        assert uit["conflicten"] == [] and uit["aanmelding"]["waarom_nu"] == a["aanmelding"]["waarom_nu"]


def test_zelfde_conflict_gelijk_opgelost_of_aan_een_kant_opgelost_is_geen_conflict():
    basis = _met_conflict("aanmelding.waarom_nu")
    ons, hun = copy.deepcopy(basis), copy.deepcopy(basis)
    ons["conflicten"] = hun["conflicten"] = []
    assert voeg_samen(basis, ons, hun)[1] == []  # both chose value 1
    ons["aanmelding"]["waarom_nu"] = hun["aanmelding"]["waarom_nu"] = "waarde 2"
    assert voeg_samen(basis, ons, hun) == (ons, [])  # both chose value 2
    hun = copy.deepcopy(basis)  # resolved on one side only, the other did not touch the field
    hun["tijdlijn"].append({"omschrijving": "ander werk"})
    for a, b in ((ons, hun), (hun, ons)):
        uit, conflicten = voeg_samen(basis, a, b)
        assert conflicten == [] and uit["conflicten"] == [] and uit["aanmelding"]["waarom_nu"] == "waarde 2"


def test_opgeloste_verwijdering_tegen_behouden_rij_is_een_conflict():
    """A conflict on a PvA row (removed on one side, edited on the other) resolved as "remove" here
    and as "keep" there: the row must not silently go."""
    basis = _met_conflict("pva.rijen[r2]")
    ons, hun = copy.deepcopy(basis), copy.deepcopy(basis)
    ons["conflicten"] = hun["conflicten"] = []
    del ons["pva"]["rijen"][1]
    for a, b in ((ons, hun), (hun, ons)):
        uit, conflicten = voeg_samen(basis, a, b)
        assert [c.pad for c in conflicten] == ["pva.rijen[r2]"]
        assert {c.ons is None for c in conflicten} == {"r2" not in [r["id"] for r in a["pva"]["rijen"]]}
        assert "r2" in [r["id"] for r in uit["pva"]["rijen"]]


def test_casusregisseur_is_een_geheel():
    """Two hand-overs offline to different colleagues were three conflicts (naam, organisatie,
    contact), resolvable into a mix of two people; a contact edited here and a hand-over there gave
    the new name with the previous regisseur's phone. The regisseur is one conflict with both persons."""
    basis = _kopie()
    basis["casusregisseur"] = {"naam": "Anna", "organisatie": "CAW", "contact": "016 11"}
    ons, hun = copy.deepcopy(basis), copy.deepcopy(basis)
    ons["casusregisseur"] = {"naam": "Bert", "organisatie": "OCMW", "contact": "016 22"}
    hun["casusregisseur"] = {"naam": "Chris", "organisatie": "", "contact": ""}
    uit, conflicten = voeg_samen(basis, ons, hun)
    assert [(c.pad, c.ons, c.hun) for c in conflicten] == [("casusregisseur", ons["casusregisseur"],
                                                             hun["casusregisseur"])]
    assert uit["casusregisseur"] == ons["casusregisseur"]
    hun["casusregisseur"] = {"naam": "Anna", "organisatie": "CAW", "contact": "0477 99"}  # only the phone
    uit, conflicten = voeg_samen(basis, ons, hun)
    assert [c.pad for c in conflicten] == ["casusregisseur"] and uit["casusregisseur"]["contact"] == "016 22"
    hun = copy.deepcopy(basis)  # changed on one side only: no question
    assert voeg_samen(basis, ons, hun) == (ons, [])


_VELDEN = ("aanmelding.waarom_nu", "aanmelding.wensen_en_noden")


@st.composite
def _beslissing(draw: Any, basis: dict, kant: str) -> dict:
    """A side after a merge that recorded a conflict on every field of ``_VELDEN``: per field it
    leaves the conflict open or resolves it, and keeps the value, chooses another, or edits the field."""
    doc = copy.deepcopy(basis)
    open_ = []
    for veld, record in zip(_VELDEN, basis["conflicten"], strict=True):
        if not draw(st.booleans()):
            open_.append(record)
        waarde = draw(st.sampled_from(["basis", "x", "y", f"eigen-{kant}"]))
        if waarde != "basis":
            samenvoegen.zet(doc, veld, waarde)
    doc["conflicten"] = open_
    return doc


@settings(max_examples=300, deadline=None)
@given(st.data())
def test_geen_beslissing_gaat_verloren(data: Any):
    """Issue 18 "nothing is ever silently lost", for resolutions: a side that resolved a conflict (even
    by keeping the value the merge left) or edited its field has its value in the result or in a new
    conflict; two equal values are never a conflict."""
    basis = _kopie()
    basis["conflicten"] = [{"veld": v, "moment": "2026-11-20T10:00:00", "waarden": [{"waarde": "basis"},
                                                                                   {"waarde": "y"}]}
                           for v in _VELDEN]
    for v in _VELDEN:
        samenvoegen.zet(basis, v, "basis")
    ons, hun = data.draw(_beslissing(basis, "o")), data.draw(_beslissing(basis, "h"))
    uit, conflicten = voeg_samen(basis, ons, hun)
    paden = {c.pad for c in conflicten}
    for veld, record in zip(_VELDEN, basis["conflicten"], strict=True):
        o, h = samenvoegen.lees(ons, veld), samenvoegen.lees(hun, veld)
        beslist = [w for doc, w in ((ons, o), (hun, h)) if record not in doc["conflicten"] or w != "basis"]
        if o == h:
            assert veld not in paden and samenvoegen.lees(uit, veld) == o
        elif len(beslist) == 2:
            assert veld in paden
        for w in beslist:
            assert samenvoegen.lees(uit, veld) == w or veld in paden


def test_hele_dossier_verschillend_gekozen_aan_beide_kanten_is_een_conflict_per_veld():
    """A merge that was not valid is one conflict on the whole dossier (``team.HEEL_DOSSIER``): this side's
    version stays. P keeps it (value 1), Q takes the other (value 2): Q's version must not win silently."""
    from ketencli import team

    assert samenvoegen.HEEL_DOSSIER == team.HEEL_DOSSIER
    hier, daar = _kopie(), _kopie()
    hier["aanmelding"]["waarom_nu"], daar["aanmelding"]["waarom_nu"] = "hier", "daar"
    daar["tijdlijn"].append({"omschrijving": "alleen daar"})
    basis = copy.deepcopy(hier)
    basis["conflicten"] = [{"veld": team.HEEL_DOSSIER, "moment": "2026-11-20T10:00:00",
                            "waarden": [{"waarde": "(deze versie)"}, {"waarde": daar}]}]
    p_kiest_1 = copy.deepcopy(hier)
    q_kiest_2 = copy.deepcopy(daar)
    for a, b in ((p_kiest_1, q_kiest_2), (q_kiest_2, p_kiest_1)):
        uit, conflicten = voeg_samen(basis, a, b)
        assert [c.pad for c in conflicten] == ["aanmelding.waarom_nu"]
        assert {"omschrijving": "alleen daar"} in uit["tijdlijn"]
    assert voeg_samen(basis, p_kiest_1, copy.deepcopy(hier))[1] == []  # the same choice: no conflict
