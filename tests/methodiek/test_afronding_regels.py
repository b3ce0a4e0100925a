"""The afrondingstoets's criteria, each with a dossier that meets it and one that does not."""

from __future__ import annotations

import copy
from datetime import date
from typing import Any

import pytest

from ketencli import model
from ketencli.methodiek import afronding

VANDAAG = date(2026, 11, 23)


def klaar_data() -> dict[str, Any]:
    """A dossier in casusregie that meets every criterion of the afrondingstoets on VANDAAG."""
    return {
        "schema_version": 1,
        "id": "2026-001",
        "regio": "co3-antwerpen",
        "fase": "casusregie",
        "gezin": "Testgezin",
        "casusregie_start": "2026-03-02",
        "aanmelding": {"datum": "2026-02-10"},
        "ico": {"datum": "2026-02-24", "conclusie": "ketenaanpak-met-casusregie"},
        "gezinsleden": [
            {"id": "m1", "naam": "An", "rollen": ["slachtoffer"], "instemming": {"datum": "2026-02-20"}},
            {"id": "m2", "naam": "Bart", "rollen": ["pleger"]},
            {"id": "m3", "naam": "Cas", "rollen": ["kind"], "geboortedatum": "2020-05-01"},
        ],
        "betrokken_diensten": [
            {"id": "d1", "soort": "caw", "naam": "CAW"},
            {"id": "d2", "soort": "politie", "naam": "Politie"},
        ],
        "tijdlijn": [
            {"datum": "2026-02-01", "soort": "incident", "omschrijving": "slagen"},
            {"datum": "2026-10-01", "soort": "overleg"},
        ],
        "kijkschema": [
            {"datum": "2026-03-10", "factoren": [
                {"factor": "geweld-escalatie", "staat": "aanwezig", "bij_wie": ["m2"]},
                {"factor": "individu-middelenmisbruik", "staat": "aanwezig", "bij_wie": ["m2"]},
                {"factor": "sociaal-steunfiguur", "staat": "niet-aanwezig"},
            ]},
            {"datum": "2026-10-15", "factoren": [
                {"factor": "geweld-escalatie", "staat": "niet-aanwezig"},
                {"factor": "individu-middelenmisbruik", "staat": "aanwezig", "bij_wie": ["m2"]},
                {"factor": "sociaal-steunfiguur", "staat": "aanwezig", "bij_wie": ["m1"]},
            ]},
        ],
        "pva": {
            "opgemaakt_op": "2026-03-20",
            "rijen": [
                {"id": "r1", "domein": "geweld", "factor": "geweld-escalatie", "bij_wie": ["m2"],
                 "acties": [{"omschrijving": "Daderhulp", "begeleiding": "d1", "stavaza": "afgerond"}]},
                {"id": "r2", "domein": "individu", "factor": "individu-middelenmisbruik", "bij_wie": ["m2"],
                 "acties": [
                     {"omschrijving": "Alcoholhulp", "begeleiding": "d1", "stavaza": "lopend",
                      "overgedragen_aan": "d1"},
                     {"omschrijving": "Groepswerking", "stavaza": "geschrapt"},
                 ]},
            ],
            "doelstellingen": [{"id": "g1", "tekst": "Geen nieuw geweld", "staat": "bereikt"}],
        },
        "afronding": {
            "slotgesprek_op": "2026-11-10",
            "vervolghulp": "CAW blijft begeleiden; 1712 bij nieuwe zorgen",
            "partners": [{"dienst": "d1", "datum": "2026-11-12"}, {"dienst": "d2", "datum": "2026-11-12"}],
            "evaluaties": [
                {"lid": "m1", "datum": "2026-11-10", "samenvatting": "tevreden"},
                {"lid": "m2", "datum": "2026-11-10"},
                {"lid": "m3", "gevraagd": False, "reden": "te jong"},
            ],
        },
    }


def dossier(**wijzig: Any) -> model.Dossier:
    data = klaar_data()
    for pad, waarde in wijzig.items():
        doel = data
        *kop, laatste = pad.split("__")
        for k in kop:
            doel = doel[k]
        doel[laatste] = waarde
    return model.Dossier.model_validate(data)


def oordeel(d: model.Dossier, key: str, sinds: date | None = None) -> afronding.Criterium:
    return next(c for c in afronding.toets(d, VANDAAG, sinds) if c.key == key)


def test_het_klare_dossier_voldoet_aan_alles():
    criteria = afronding.toets(dossier(), VANDAAG)
    assert [c.oordeel for c in criteria] == ["voldaan"] * len(criteria), [
        (c.key, c.oordeel, c.bewijs) for c in criteria if c.oordeel != "voldaan"]
    assert afronding.klaar(criteria)
    assert len(criteria) >= 7
    assert len({c.key for c in criteria}) == len(criteria)
    for c in criteria:
        assert c.oordeel in afronding.OORDELEN and c.bewijs and c.titel


def test_een_criterium_op_sleutel():
    d = dossier(afronding__evaluaties=[])
    assert afronding.criterium(d, "evaluatie-gezinsleden", VANDAAG).oordeel == "niet-voldaan"
    assert afronding.criterium(d, "slotgesprek", VANDAAG).oordeel == "voldaan"
    assert afronding.criterium(d, "bestaat-niet", VANDAAG) is None


def test_klaar_kijkt_alleen_naar_vereiste_criteria():
    ok = afronding.Criterium("a", "A", "voldaan", ["x"], "")
    assert afronding.klaar([ok, afronding.Criterium("b", "B", "niet-voldaan", ["y"], "z", vereist=False)])
    assert not afronding.klaar([ok, afronding.Criterium("b", "B", "onbekend", ["y"], "z")])


# -- geweld gestopt ------------------------------------------------------------------------------


def test_geweld_gestopt_niet_bij_een_pv_in_de_periode():
    tijdlijn = klaar_data()["tijdlijn"] + [{"datum": "2026-09-30", "soort": "pv", "omschrijving": "bedreiging"}]
    c = oordeel(dossier(tijdlijn=tijdlijn), "geweld-gestopt")
    assert c.oordeel == "niet-voldaan"
    assert any("30/09/2026" in b and "bedreiging" in b for b in c.bewijs)
    assert "afronding verklaring" in c.wat_te_doen


def test_geweld_gestopt_volgt_het_venster():
    tijdlijn = klaar_data()["tijdlijn"] + [{"datum": "2026-07-01", "soort": "melding"}]
    d = dossier(tijdlijn=tijdlijn)
    assert oordeel(d, "geweld-gestopt").oordeel == "voldaan"  # default: three months
    assert oordeel(d, "geweld-gestopt", date(2026, 5, 23)).oordeel == "niet-voldaan"  # six months


def test_een_verklaring_met_reden_telt_boven_de_tijdlijn():
    tijdlijn = klaar_data()["tijdlijn"] + [{"datum": "2026-11-01", "soort": "incident"}]
    d = dossier(tijdlijn=tijdlijn, afronding__geweld_gestopt_verklaring="Het incident bleek een misverstand")
    c = oordeel(d, "geweld-gestopt")
    assert c.oordeel == "voldaan" and "misverstand" in c.bewijs[0]


def test_een_incident_na_de_verklaring_telt_weer():
    tijdlijn = klaar_data()["tijdlijn"] + [{"datum": "2026-11-20", "soort": "pv", "omschrijving": "nieuw"}]
    d = dossier(tijdlijn=tijdlijn, afronding__geweld_gestopt_verklaring="rustig",
                afronding__geweld_gestopt_verklaard_op="2026-11-15")
    c = oordeel(d, "geweld-gestopt")
    assert c.oordeel == "niet-voldaan" and any("20/11/2026" in b for b in c.bewijs)
    d = dossier(tijdlijn=tijdlijn, afronding__geweld_gestopt_verklaring="rustig",
                afronding__geweld_gestopt_verklaard_op="2026-11-21")
    assert oordeel(d, "geweld-gestopt").oordeel == "voldaan"


def test_een_feit_na_de_afronding_telt_ook_buiten_het_venster():
    afgerond = {"fase": "afgerond", "afronding__gestart_op": "2026-06-01", "afronding__opvolging_tot": "2026-12-01"}
    assert oordeel(dossier(**afgerond), "geweld-gestopt").oordeel == "voldaan"
    tijdlijn = klaar_data()["tijdlijn"] + [{"datum": "2026-07-01", "soort": "melding", "omschrijving": "buren"}]
    assert oordeel(dossier(tijdlijn=tijdlijn), "geweld-gestopt").oordeel == "voldaan"  # before any afronding
    d = dossier(tijdlijn=tijdlijn, **afgerond, afronding__geweld_gestopt_verklaring="rustig",
                afronding__geweld_gestopt_verklaard_op="2026-07-15")
    c = oordeel(d, "geweld-gestopt")
    assert c.oordeel == "niet-voldaan"  # a statement does not undo new facts after the afronding
    assert c.bewijs[0].startswith("Na de afronding van 01/06/2026 kwam er nog 1 ")
    assert "melding op 01/07/2026: buren" in c.bewijs
    assert "afronding herneem 2026-001" in c.wat_te_doen
    assert "dossier heropen 2026-001 --naar casusregie" in oordeel(
        dossier(tijdlijn=tijdlijn, **afgerond | {"fase": "afgesloten"}), "geweld-gestopt").wat_te_doen
    assert [t.datum for t in afronding.feiten_na_afronding(d)] == [date(2026, 7, 1)]
    assert afronding.feiten_na_afronding(d, date(2026, 6, 30)) == []
    # a fact on the day of the afronding itself is not after it
    op_de_dag = klaar_data()["tijdlijn"] + [{"datum": "2026-06-01", "soort": "pv"}]
    assert afronding.feiten_na_afronding(dossier(tijdlijn=op_de_dag, **afgerond)) == []


def test_gewist_terug_naar_regie_wist_ook_de_afronding():
    assert set(afronding.gewist(terug_naar_regie=False)) == {
        "afgesloten_op", "afgesloten_uit_fase", "nieuwe_feiten", "vervolghulp_goed_gestart", "vroeger_reden"}
    alles = afronding.gewist(terug_naar_regie=True)
    assert {"gestart_op", "opvolging_tot", "weegploeg_akkoord_op", "rondetafel_check_op"} < set(alles)
    assert set(alles) <= set(model.Afronding.model_fields)


def test_geweld_gestopt_onbekend_zonder_tijdlijn():
    assert oordeel(dossier(tijdlijn=[]), "geweld-gestopt").oordeel == "onbekend"


# -- herhaling voorkomen ---------------------------------------------------------------------------


def test_herhaling_niet_voorkomen_als_een_risicofactor_geen_afgeronde_actie_heeft():
    data = klaar_data()
    data["pva"]["rijen"][0]["acties"][0]["stavaza"] = "lopend"
    c = oordeel(model.Dossier.model_validate(data), "herhaling-voorkomen")
    assert c.oordeel == "niet-voldaan"
    assert any(b.startswith("Escalatie van het geweld") for b in c.bewijs)


def test_herhaling_niet_voorkomen_als_een_risicofactor_geen_rij_heeft():
    data = klaar_data()
    data["kijkschema"][0]["factoren"].append({"factor": "geweld-angst", "staat": "aanwezig", "bij_wie": ["m1"]})
    c = oordeel(model.Dossier.model_validate(data), "herhaling-voorkomen")
    assert c.oordeel == "niet-voldaan" and any("geen rij" in b for b in c.bewijs)


def test_herhaling_overdracht_telt_en_wordt_genoemd():
    c = oordeel(dossier(), "herhaling-voorkomen")
    assert c.oordeel == "voldaan"
    assert any("overgedragen aan CAW" in b for b in c.bewijs)


def test_herhaling_onbekend_zonder_kijkschema():
    assert oordeel(dossier(kijkschema=[]), "herhaling-voorkomen").oordeel == "onbekend"


# -- minder risicofactoren -----------------------------------------------------------------------


def test_minder_risicofactoren_per_factor():
    c = oordeel(dossier(), "minder-risicofactoren")
    assert c.oordeel == "voldaan"
    assert any("Escalatie van het geweld: risicofactor niet meer aanwezig" in b for b in c.bewijs)
    assert any("beschermende factor bijgekomen" in b for b in c.bewijs)


def test_niet_minder_risicofactoren_als_niets_verbeterde():
    data = klaar_data()
    data["kijkschema"][1]["factoren"] = copy.deepcopy(data["kijkschema"][0]["factoren"])
    c = oordeel(model.Dossier.model_validate(data), "minder-risicofactoren")
    assert c.oordeel == "niet-voldaan" and "kijkschema invullen" in c.wat_te_doen


def test_minder_risicofactoren_onbekend_met_een_enkel_kijkschema():
    data = klaar_data()
    data["kijkschema"] = data["kijkschema"][:1]
    assert oordeel(model.Dossier.model_validate(data), "minder-risicofactoren").oordeel == "onbekend"
    assert oordeel(dossier(kijkschema=[]), "minder-risicofactoren").oordeel == "onbekend"


# -- acties afgehandeld -----------------------------------------------------------------------------


def test_open_acties_worden_opgesomd():
    data = klaar_data()
    data["pva"]["rijen"][1]["acties"][0]["overgedragen_aan"] = ""
    c = oordeel(model.Dossier.model_validate(data), "acties-afgehandeld")
    assert c.oordeel == "niet-voldaan"
    assert any("Alcoholhulp" in b and "lopend" in b and "r2" not in b for b in c.bewijs)  # no internal ids


def test_acties_afgehandeld_noemt_aan_wie_overgedragen():
    c = oordeel(dossier(), "acties-afgehandeld")
    assert c.oordeel == "voldaan"
    assert any(b.startswith("Overgedragen:") and "CAW" in b for b in c.bewijs)


def test_een_mislukte_actie_is_niet_afgehandeld():
    data = klaar_data()
    data["pva"]["rijen"][0]["acties"].append({"omschrijving": "Cursus", "stavaza": "mislukt"})
    assert oordeel(model.Dossier.model_validate(data), "acties-afgehandeld").oordeel == "niet-voldaan"


def test_acties_onbekend_zonder_plan():
    assert oordeel(dossier(pva={}), "acties-afgehandeld").oordeel == "onbekend"


# -- doelstellingen -----------------------------------------------------------------------------


def test_lopende_doelstelling_is_niet_beoordeeld():
    c = oordeel(dossier(pva__doelstellingen=[{"id": "g1", "tekst": "Rust", "staat": "lopend"}]),
                "doelstellingen-beoordeeld")
    assert c.oordeel == "niet-voldaan" and "pva doel edit" in c.wat_te_doen


def test_doelstellingen_onbekend_zonder_doelstellingen():
    assert oordeel(dossier(pva__doelstellingen=[]), "doelstellingen-beoordeeld").oordeel == "onbekend"


# -- slotgesprek ---------------------------------------------------------------------------------


@pytest.mark.parametrize("veld, waarde", [("slotgesprek_op", None), ("vervolghulp", "")])
def test_slotgesprek_vraagt_gesprek_en_vervolghulp(veld: str, waarde: Any):
    c = oordeel(dossier(**{f"afronding__{veld}": waarde}), "slotgesprek")
    assert c.oordeel == "niet-voldaan" and "afronding slotgesprek" in c.wat_te_doen


def test_slotgesprek_bij_onbereikbaar_gezin_vraagt_alleen_de_vervolghulp():
    d = dossier(afronding__slotgesprek_op=None, afronding__gezin_onbereikbaar=True,
                afronding__extra_veiligheidsacties="politie rijdt extra langs")
    c = oordeel(d, "slotgesprek")
    assert c.oordeel == "voldaan" and any("onbereikbaar" in b for b in c.bewijs)


# -- partners ------------------------------------------------------------------------------------


def test_elke_betrokken_dienst_moet_geraadpleegd_zijn():
    c = oordeel(dossier(afronding__partners=[{"dienst": "d1"}]), "partners-geraadpleegd")
    assert c.oordeel == "niet-voldaan"
    assert "Nog niet overlegd: Politie" in c.bewijs


def test_partners_zonder_diensten_en_zonder_overleg():
    c = oordeel(dossier(betrokken_diensten=[], afronding__partners=[], pva={}), "partners-geraadpleegd")
    assert c.oordeel == "niet-voldaan"


# -- evaluaties ----------------------------------------------------------------------------------


def test_elk_lid_moet_gevraagd_zijn():
    evaluaties = klaar_data()["afronding"]["evaluaties"][:2]
    c = oordeel(dossier(afronding__evaluaties=evaluaties), "evaluatie-gezinsleden")
    assert c.oordeel == "niet-voldaan"
    assert "Cas: nog niet gevraagd" in c.bewijs and "afronding evaluatie" in c.wat_te_doen


def test_niet_gevraagd_vraagt_een_reden():
    evaluaties = klaar_data()["afronding"]["evaluaties"][:2] + [{"lid": "m3", "gevraagd": False}]
    c = oordeel(dossier(afronding__evaluaties=evaluaties), "evaluatie-gezinsleden")
    assert c.oordeel == "niet-voldaan" and "Cas: niet gevraagd, zonder reden" in c.bewijs


def test_tijdelijk_niet_betrokken_lid_wordt_genoemd():
    data = klaar_data()
    data["gezinsleden"][1]["tijdelijk_niet_betrokken"] = {"reden": "in de gevangenis"}
    data["afronding"]["evaluaties"] = [e for e in data["afronding"]["evaluaties"] if e["lid"] != "m2"]
    c = oordeel(model.Dossier.model_validate(data), "evaluatie-gezinsleden")
    assert c.oordeel == "niet-voldaan" and any("tijdelijk niet betrokken" in b for b in c.bewijs)


# -- veiligheid bij niet bereikte doelen -----------------------------------------------------------


@pytest.mark.parametrize("wijzig", [
    {"pva__doelstellingen": [{"id": "g1", "tekst": "Rust", "staat": "niet-bereikt"}]},
    {"pva__doelstellingen": [{"id": "g1", "tekst": "Rust", "staat": "deels-bereikt"}]},
    {"afronding__gezin_onbereikbaar": True},
])
def test_niet_bereikt_of_onbereikbaar_vraagt_extra_veiligheid(wijzig: dict[str, Any]):
    c = oordeel(dossier(**wijzig), "veiligheid-bij-niet-bereikt")
    assert c.oordeel == "niet-voldaan" and "afronding veiligheid" in c.wat_te_doen
    c = oordeel(dossier(**wijzig, afronding__extra_veiligheidsacties="extra patrouilles"),
                "veiligheid-bij-niet-bereikt")
    assert c.oordeel == "voldaan" and any("extra patrouilles" in b for b in c.bewijs)


def test_veiligheid_niet_van_toepassing_als_alles_bereikt_is():
    c = oordeel(dossier(), "veiligheid-bij-niet-bereikt")
    assert c.oordeel == "voldaan" and "Niet van toepassing" in c.bewijs[0]


def test_veiligheid_onbekend_zolang_doelen_lopen():
    d = dossier(pva__doelstellingen=[{"id": "g1", "tekst": "Rust", "staat": "lopend"}])
    assert oordeel(d, "veiligheid-bij-niet-bereikt").oordeel == "onbekend"


# -- consulent (D21) -----------------------------------------------------------------------------


def test_consulent_alleen_als_ocj_sdj_betrokken():
    assert "Niet van toepassing" in oordeel(dossier(), "afgestemd-consulent").bewijs[0]
    diensten = klaar_data()["betrokken_diensten"] + [{"id": "d3", "soort": "ocj-sdj", "naam": "SDJ"}]
    partners = klaar_data()["afronding"]["partners"]
    c = oordeel(dossier(betrokken_diensten=diensten), "afgestemd-consulent")
    assert c.oordeel == "niet-voldaan" and "--dienst d3" in c.wat_te_doen
    d = dossier(betrokken_diensten=diensten, afronding__partners=[*partners, {"dienst": "d3"}])
    assert oordeel(d, "afgestemd-consulent").oordeel == "voldaan"
    stap = [{"item": afronding.CONSULENT_ITEM, "datum": "2026-11-01"}]
    d = dossier(betrokken_diensten=diensten, stappen=stap)
    assert oordeel(d, "afgestemd-consulent").oordeel == "voldaan"


# -- helpers -------------------------------------------------------------------------------------


def test_plus_maanden_en_weegploeg_akkoord():
    assert afronding.plus_maanden(date(2026, 8, 31), 6) == date(2027, 2, 28)
    assert afronding.standaard_sinds(date(2026, 11, 23)) == date(2026, 8, 23)
    assert afronding.weegploeg_akkoord(dossier()) is None
    agendering = {"id": "a1", "tafel": "weegploeg", "rol": "plan", "soort": "afronding",
                  "zitting": "2026-11-20T14:00", "status": "besproken"}
    assert afronding.weegploeg_akkoord(dossier(agenderingen=[agendering])) == date(2026, 11, 20)
    agendering["status"] = "ingediend"
    assert afronding.weegploeg_akkoord(dossier(agenderingen=[agendering])) is None
