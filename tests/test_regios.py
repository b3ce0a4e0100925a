"""methodiek.regios: the regions as data, pure (no settings file involved)."""

from __future__ import annotations

from datetime import date

from ketencli.methodiek import regios
from ketencli.model import REGIO_NAMEN


def test_elke_regio_van_het_model_heeft_tafels_voor_alle_rollen():
    assert set(regios.STANDAARD) == set(REGIO_NAMEN)
    for regio in regios.STANDAARD.values():
        for rol in regios.ROLLEN:
            assert regio.tafel_voor_rol(rol) is not None, (regio.key, rol)


def test_antwerpen_volgens_de_gids_met_de_referentiedatum_als_aanpasbare_keuze():
    co3 = regios.STANDAARD["co3-antwerpen"]
    wp, rt, ico = co3.tafel("weegploeg"), co3.tafel("rondetafel"), co3.tafel("ico")
    assert (wp.ritme.soort, wp.ritme.weekdag, wp.begin, wp.einde) == ("tweewekelijks", 1, "13:00", "16:00")
    assert wp.ritme.referentiedatum.weekday() == 1 and wp.instelbaar == ("referentiedatum",)
    assert (wp.deadline.weekdag, wp.deadline.tijd) == (0, "12:00")
    assert (rt.ritme.soort, rt.ritme.weekdag, rt.begin, rt.deadline.weekdag) == ("wekelijks", 3, "09:15", 4)
    assert (ico.ritme.weekdag, ico.begin, ico.deadline.weekdag, ico.deadline.tijd) == (4, "09:30", 3, "23:59")
    assert co3.in_te_stellen() == ["vrije_dagen"]


def test_wat_de_teksten_niet_geven_is_in_te_stellen():
    wvl = regios.STANDAARD["ifg-west-vlaanderen"]
    assert [t.naam for t in wvl.tafels] == ["Overlegtafel", "Operationeel team"]
    assert "tafels.overlegtafel.adres" in wvl.in_te_stellen()
    assert not wvl.tafel("overlegtafel").ritme.ingesteld
    leuven = regios.STANDAARD["leuven"]
    assert leuven.tafel("operationeel-team").ritme.soort == "tweemaal-per-maand"
    assert "tafels.operationeel-team.weken" in leuven.in_te_stellen()
    assert leuven.evaluaties_maanden == (1, 4, 10)
    assert "in te stellen" in leuven.tafel("operationeel-team").ritme.beschrijving()


def test_ritmes():
    wekelijks = regios.Ritme("wekelijks", 3)
    assert wekelijks.valt_op(date(2026, 11, 26)) and not wekelijks.valt_op(date(2026, 11, 25))
    tweewekelijks = regios.Ritme("tweewekelijks", 1, referentiedatum=date(2026, 1, 13))
    assert tweewekelijks.valt_op(date(2026, 1, 27)) and not tweewekelijks.valt_op(date(2026, 1, 20))
    assert tweewekelijks.valt_op(date(2025, 12, 30))  # before the reference date too
    tweemaal = regios.Ritme("tweemaal-per-maand", 1, weken=(1, 3))
    assert [d for d in range(1, 32) if tweemaal.valt_op(date(2026, 12, d))] == [1, 15]
    assert not regios.Ritme("tweemaal-per-maand", 1).ingesteld


def test_instellingen_toepassen_vult_aan_en_overschrijft():
    toegepast = regios.toepassen({
        "leuven": {"tafels": {"operationeel-team": {"weekdag": "dinsdag", "weken": [3, 1], "begin": "09:00",
                                                    "deadline": {"dagen_voor": 7, "tijd": "12:00"}}},
                   "vrije_dagen": ["07-11"]},
        "co3-antwerpen": {"tafels": {"weegploeg": {"referentiedatum": date(2026, 1, 6)}}},
    })
    ot = toegepast["leuven"].tafel("operationeel-team")
    assert ot.ritme.ingesteld and ot.ritme.weken == (1, 3) and ot.deadline.dagen_voor == 7
    assert toegepast["leuven"].is_vrije_dag(date(2027, 7, 11))
    wp = toegepast["co3-antwerpen"].tafel("weegploeg")
    assert wp.ritme.referentiedatum == date(2026, 1, 6) and wp.instelbaar == ()
    assert regios.STANDAARD["co3-antwerpen"].tafel("weegploeg").ritme.referentiedatum == date(2026, 1, 13)


def test_tafels_met_hun_lidwoord():
    namen = {(r.key, t.key): t.met_lidwoord for r in regios.STANDAARD.values() for t in r.tafels}
    assert namen[("co3-antwerpen", "weegploeg")] == "de Weegploeg"
    assert namen[("co3-antwerpen", "rondetafel")] == "de Ronde Tafel"
    assert namen[("co3-antwerpen", "ico")] == "het Verkennend casusoverleg (ICO)"
    assert namen[("ifg-west-vlaanderen", "overlegtafel")] == "de Overlegtafel"
    assert namen[("ifg-west-vlaanderen", "operationeel-team")] == "het Operationeel team"
    assert namen[("leuven", "operationeel-team")] == "het Operationeel team"
    # a name the user chose: the article follows it, unless given
    toegepast = regios.toepassen({
        "ifg-west-vlaanderen": {"tafels": {"overlegtafel": {"naam": "Casusoverleg (Brugge)"},
                                           "operationeel-team": {"naam": "Stuurgroep"}}},
        "leuven": {"tafels": {"operationeel-team": {"naam": "OT", "lidwoord": "het"}}},
    })
    assert toegepast["ifg-west-vlaanderen"].tafel("overlegtafel").met_lidwoord == "het Casusoverleg (Brugge)"
    assert toegepast["ifg-west-vlaanderen"].tafel("operationeel-team").met_lidwoord == "de Stuurgroep"
    assert toegepast["leuven"].tafel("operationeel-team").met_lidwoord == "het OT"


def test_eerste_plan_in_week_10_alleen_in_antwerpen():
    """D25/D26: CO3's first weegploeg from week 10; West-Vlaanderen and Leuven draft the plan at the table."""
    assert regios.STANDAARD["co3-antwerpen"].eerste_plan_week == 10
    assert not regios.STANDAARD["co3-antwerpen"].plan_aan_tafel
    assert regios.STANDAARD["ifg-west-vlaanderen"].plan_aan_tafel and regios.STANDAARD["leuven"].plan_aan_tafel
    toegepast = regios.toepassen({"co3-antwerpen": {"eerste_plan_week": 0}, "leuven": {"eerste_plan_week": 6}})
    assert toegepast["co3-antwerpen"].plan_aan_tafel
    assert toegepast["leuven"].eerste_plan_week == 6
