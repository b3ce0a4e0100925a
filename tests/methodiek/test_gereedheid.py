"""Readiness rules of `ketencli agendeer` (methodiek.gereedheid), one finding at a time.

Each test loads an example dossier, checks the finding is (not) there, changes the one thing the
rule reads and checks the finding flips.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date

import pytest

from ketencli import model, store
from ketencli.methodiek import gereedheid as gh

OP = date(2026, 11, 23)


def _regels(d, soort="pva", **opties):
    return {b.regel: b.ernst for b in gh.controleer(d, soort, OP, **opties).bevindingen}


@pytest.fixture
def pal(palmeneire):
    return store.laad(palmeneire)


@pytest.fixture
def wvl(westvl):
    return store.laad(westvl)


def test_worked_example_is_ready_for_the_weegploeg_with_warnings_only(pal):
    uitslag = gh.controleer(pal, "pva", OP)
    assert uitslag.klaar
    assert not uitslag.blokkerend
    assert "pva-waarschuwingen" in uitslag.regels()
    assert any("pva check zonder fouten" in t for t in uitslag.voldaan)
    assert uitslag.als_dict()["klaar"] is True


def test_unknown_kind_is_a_programming_error(pal):
    with pytest.raises(ValueError):
        gh.controleer(pal, "weegploeg", OP)


def test_a_weegploeg_before_casusregie_is_a_warning_except_in_west_vlaanderen(pal, wvl):
    assert "fase-geen-casusregie" not in _regels(pal)
    pal.fase = "verkenning"
    assert _regels(pal)["fase-geen-casusregie"] == "waarschuwing"
    wvl.fase = "verkenning"  # West-Vlaanderen drafts the plan at the overlegtafel (D26)
    assert "fase-geen-casusregie" not in _regels(wvl)
    wvl.fase = "niet-ingestroomd"
    assert _regels(wvl)["fase-geen-casusregie"] == "waarschuwing"


def test_leuven_drafts_the_plan_before_casusregie_too(pal):
    pal.fase = "verkenning"
    assert _regels(pal)["fase-geen-casusregie"] == "waarschuwing"  # Antwerp: the weegploeg discusses a regie plan
    pal.regio = "leuven"  # the operationeel team sets the plan, then appoints a regisseur (Leuven article L24)
    assert "fase-geen-casusregie" not in _regels(pal)
    pal.fase = "geen-instemming"
    assert _regels(pal)["fase-geen-casusregie"] == "waarschuwing"


def test_the_caller_passes_the_regions_plan_aan_tafel_with_the_users_settings(pal, wvl):
    pal.fase = wvl.fase = "verkenning"
    assert "fase-geen-casusregie" not in _regels(pal, plan_aan_tafel=True)  # e.g. eerste_plan_week: 0
    assert _regels(wvl, plan_aan_tafel=False)["fase-geen-casusregie"] == "waarschuwing"


# -- plan van aanpak -----------------------------------------------------------------------------


def test_missing_plan_blocks_and_disappears_with_a_row(wvl):
    # West-Vlaanderen drafts the first plan at the table (D26, issue 13 item 12): no finding there
    assert "pva-ontbreekt" not in _regels(wvl)
    assert _regels(wvl, plan_aan_tafel=False)["pva-ontbreekt"] == "blokkerend"
    assert _regels(wvl, "gewijzigd")["pva-ontbreekt"] == "blokkerend"  # a changed plan needs a plan
    wvl.pva.voeg_rij_toe(model.PvaRij(id="r1", domein="kind", factor="kind-slachtoffer-getuige",
                                      bij_wie=["m1"], aanpak="veiligheidsplan opvolgen"), OP)
    assert "pva-ontbreekt" not in _regels(wvl)


def test_an_error_of_pva_check_blocks(pal):
    assert "pva-fout" not in _regels(pal)
    pal.pva.rijen[0].bij_wie = [*pal.pva.rijen[0].bij_wie, "m9"]  # a member that does not exist
    regels = _regels(pal)
    assert regels["pva-fout"] == "blokkerend"
    fout = next(b for b in gh.controleer(pal, "pva", OP).bevindingen if b.regel == "pva-fout")
    assert f"ketencli pva check {pal.id}" in fout.wat_te_doen
    pal.pva.rijen[0].bij_wie = [x for x in pal.pva.rijen[0].bij_wie if x != "m9"]
    assert "pva-fout" not in _regels(pal)


# -- children of 12 or older ---------------------------------------------------------------------


def test_child_over_12_not_spoken_to_blocks_until_the_talk_is_ticked(wvl):
    uitslag = gh.controleer(wvl, "pva", OP)
    kind = next(b for b in uitslag.bevindingen if b.regel == "kind-niet-gesproken")
    assert kind.ernst == "blokkerend" and "(m3," in kind.betreft
    assert f"ketencli stap {wvl.id} afvinken kinderen-spreken --lid m3" in kind.wat_te_doen
    wvl.stappen.append(model.StapRegistratie(item="kinderen-spreken", lid="m3", datum=date(2026, 11, 20)))
    regels = _regels(wvl)
    assert "kind-niet-gesproken" not in regels and "kind-plan" not in regels


def test_an_annex_a_talk_counts_as_spoken(wvl):
    from ketencli.methodiek import checklists as cl

    wvl.stappen.append(model.StapRegistratie(item=cl.BIJLAGE_A.items[0].key, lid="m3", datum=date(2026, 11, 20)))
    assert "kind-niet-gesproken" not in _regels(wvl)


def test_a_recorded_plan_for_the_talk_is_a_warning(wvl):
    wvl.stappen.append(model.StapRegistratie(item="kinderen-spreken", lid="m3", datum=OP, status="overgeslagen",
                                             reden="gesprek gepland via het CLB op 2/12"))
    regels = _regels(wvl)
    assert regels["kind-plan"] == "waarschuwing" and "kind-niet-gesproken" not in regels
    bevinding = next(b for b in gh.controleer(wvl, "pva", OP).bevindingen if b.regel == "kind-plan")
    assert "CLB" in bevinding.melding


def test_a_child_turning_12_makes_the_finding_appear(pal):
    assert "kind-niet-gesproken" not in _regels(pal)
    pal.lid("m3").geboortedatum = date(2013, 1, 5)
    assert _regels(pal)["kind-niet-gesproken"] == "blokkerend"


def test_child_rule_is_a_warning_at_the_ronde_tafel_before_the_weegploeg(wvl):
    assert _regels(wvl, "rondetafel", vraag="Hoe veilig is het bezoek?")["kind-niet-gesproken"] == "waarschuwing"
    wvl.agenderingen.append(model.Agendering(id="a1", tafel="overlegtafel", rol="plan", soort="pva",
                                             zitting="2026-11-10T13:00", status="besproken"))
    assert "kind-niet-gesproken" not in _regels(wvl, "rondetafel", vraag="Hoe veilig is het bezoek?")


# -- veiligheidsplan -----------------------------------------------------------------------------


def _bevinding(d, regel, soort="pva"):
    return next(b for b in gh.controleer(d, soort, OP).bevindingen if b.regel == regel)


def test_veiligheidsplan_scored_in_the_kijkschema_but_not_recorded_is_a_warning(pal):
    assert _regels(pal)["veiligheidsplan-niet-vastgelegd"] == "waarschuwing"
    melding = _bevinding(pal, "veiligheidsplan-niet-vastgelegd").melding
    assert "kijkschema van" in melding and "effectief veiligheidsplan" in melding and "aanmelding" not in melding
    pal.veiligheidsplan.append(model.VeiligheidsplanDeel(lid="m2", veilige_plek="bij haar zus"))
    regels = _regels(pal)
    assert "veiligheidsplan-niet-vastgelegd" not in regels and "veiligheidsplan-ontbreekt" not in regels


def test_the_aanmelding_text_never_downgrades_a_missing_veiligheidsplan(pal, wvl):
    # West-Vlaanderen's aanmelding says "Nog geen. ..." about the safety plan: that is no plan (review finding 4)
    assert wvl.aanmelding.veiligheidsplan.strip().startswith("Nog geen")
    assert _regels(wvl)["veiligheidsplan-ontbreekt"] == "blokkerend"
    assert "veiligheidsplan-niet-vastgelegd" not in _regels(wvl)
    melding = _bevinding(wvl, "veiligheidsplan-ontbreekt").melding
    assert "aanmelding vermeldt iets over een veiligheidsplan" in melding and "Volgens" not in melding
    # the same in the worked example once its kijkschema no longer scores the plan as present
    actueel = pal.kijkschema_actueel
    actueel.factoren = [f for f in actueel.factoren if f.factor != "geweld-veiligheidsplan"]
    assert pal.aanmelding.veiligheidsplan.strip()
    assert _regels(pal)["veiligheidsplan-ontbreekt"] == "blokkerend"


def test_a_kijkschema_item_not_present_does_not_downgrade(pal):
    actueel = pal.kijkschema_actueel
    actueel.beoordeling("geweld-veiligheidsplan").staat = "niet-aanwezig"
    assert _regels(pal)["veiligheidsplan-ontbreekt"] == "blokkerend"


def test_no_trace_of_a_veiligheidsplan_blocks(pal):
    pal.aanmelding.veiligheidsplan = ""
    regels = _regels(pal)
    assert regels["veiligheidsplan-niet-vastgelegd"] == "waarschuwing"  # the kijkschema still says so
    actueel = pal.kijkschema_actueel
    actueel.factoren = [f for f in actueel.factoren if f.factor != "geweld-veiligheidsplan"]
    regels = _regels(pal)
    assert regels["veiligheidsplan-ontbreekt"] == "blokkerend"
    assert "veiligheidsplan-niet-vastgelegd" not in regels
    assert "aanmelding" not in _bevinding(pal, "veiligheidsplan-ontbreekt").melding
    leeg = model.VeiligheidsplanDeel()  # an empty part does not count
    pal.veiligheidsplan.append(leeg)
    assert "veiligheidsplan-ontbreekt" in _regels(pal)
    pal.veiligheidsplan.append(model.VeiligheidsplanDeel(waarschuwingssignalen=["roepen"], wat_te_doen=["112"]))
    assert "veiligheidsplan-ontbreekt" not in _regels(pal)


# -- genogram ------------------------------------------------------------------------------------


def _zonder_relatie(d, a, b):
    d.lid(a).relaties = [r for r in d.lid(a).relaties if r.met != b]
    d.lid(b).relaties = [r for r in d.lid(b).relaties if r.met != a]


def test_a_missing_pair_is_a_warning(pal):
    assert not {"relatie-ontbreekt", "lid-los"} & set(_regels(pal))
    _zonder_relatie(pal, "m1", "m2")
    assert _regels(pal)["relatie-ontbreekt"] == "waarschuwing"
    bevinding = next(b for b in gh.controleer(pal, "pva", OP).bevindingen if b.regel == "relatie-ontbreekt")
    assert "--relatie m2:SOORT" in bevinding.wat_te_doen
    pal.lid("m1").relaties.append(model.Relatie(met="m2", soort="ex-partner"))  # one direction is enough
    assert "relatie-ontbreekt" not in _regels(pal)


def test_a_member_without_any_relation_blocks_at_the_weegploeg(pal):
    _zonder_relatie(pal, "m3", "m1")
    _zonder_relatie(pal, "m3", "m2")
    regels = _regels(pal)
    assert regels["lid-los"] == "blokkerend"
    assert "relatie-ontbreekt" not in regels  # the loose member is named once, not per pair
    assert _regels(pal, "ico")["lid-los"] == "waarschuwing"


def test_a_child_without_birth_date_blocks_at_the_weegploeg(pal):
    pal.lid("m3").geboortedatum = None
    assert _regels(pal)["kind-zonder-geboortedatum"] == "blokkerend"
    assert _regels(pal, "rondetafel", vraag="x")["kind-zonder-geboortedatum"] == "waarschuwing"
    pal.lid("m3").geboortedatum = date(2016, 4, 19)
    assert "kind-zonder-geboortedatum" not in _regels(pal)


def test_no_members_at_all(pal):
    pal.gezinsleden = []
    pal.pva = model.Pva()
    assert _regels(pal)["geen-gezinsleden"] == "blokkerend"


# -- afronding -----------------------------------------------------------------------------------


@dataclass
class _Criterium:
    key: str
    titel: str
    oordeel: str
    bewijs: list[str] = field(default_factory=list)
    wat_te_doen: str = ""
    vereist: bool = True


def test_afronding_check_blocks_while_not_klaar(pal):
    regels = _regels(pal, "afronding")
    blokkerend = [k for k, e in regels.items() if k.startswith("afronding-") and e == "blokkerend"]
    assert blokkerend
    assert not any(k.startswith("afronding-") for k in _regels(pal, "pva"))


def test_afronding_findings_follow_the_criteria(pal):
    voldaan = [_Criterium("geweld-gestopt", "Het geweld is gestopt", "voldaan")]
    assert not any(k.startswith("afronding-") for k in _regels(pal, "afronding", afronding_criteria=voldaan))
    open_ = [*voldaan, _Criterium("slotgesprek", "Slotgesprek", "niet-voldaan", ["geen slotgesprek"], "doe het")]
    regels = _regels(pal, "afronding", afronding_criteria=open_)
    assert regels["afronding-slotgesprek"] == "blokkerend"
    optioneel = [*voldaan, _Criterium("extra", "Extra", "onbekend", vereist=False)]
    assert _regels(pal, "afronding", afronding_criteria=optioneel)["afronding-extra"] == "waarschuwing"


# -- ronde tafel and ICO -------------------------------------------------------------------------


def test_ronde_tafel_needs_a_question_or_an_interim_evaluation(pal):
    assert _regels(pal, "rondetafel")["vraag-ontbreekt"] == "blokkerend"
    assert "vraag-ontbreekt" not in _regels(pal, "rondetafel", vraag="Wie volgt de bezoeken op?")
    assert "vraag-ontbreekt" not in _regels(pal, "rondetafel", tussentijdse_evaluatie=True)


def test_interim_evaluation_needs_the_plan_and_a_new_kijkschema(pal, wvl):
    regels = _regels(wvl, "rondetafel", tussentijdse_evaluatie=True)
    assert regels["pva-ontbreekt"] == "blokkerend" and regels["kijkschema-herhalen"] == "waarschuwing"
    assert len(pal.kijkschema) == 2
    assert "kijkschema-herhalen" not in _regels(pal, "rondetafel", tussentijdse_evaluatie=True)
    pal.kijkschema = pal.kijkschema[:1]
    assert _regels(pal, "rondetafel", tussentijdse_evaluatie=True)["kijkschema-herhalen"] == "waarschuwing"


def test_ico_registration_questions(wvl):
    assert "aanmeldvragen-open" not in _regels(wvl, "ico")
    wvl.aanmelding.waarom_nu = ""
    assert _regels(wvl, "ico")["aanmeldvragen-open"] == "waarschuwing"
    wvl.aanmelding.aanmelder = model.Aanmelder()
    wvl.aanmelding.datum = None
    regels = _regels(wvl, "ico")
    assert regels["aanmelder-ontbreekt"] == "waarschuwing" and regels["aanmelddatum-ontbreekt"] == "waarschuwing"
    assert gh.controleer(wvl, "ico", OP).klaar  # an ICO registration is never blocked by gaps


def test_ico_already_discussed_is_a_warning(wvl):
    assert _regels(wvl, "ico")["ico-al-besproken"] == "waarschuwing"
    wvl.ico = model.IcoUitkomst(datum=date(2026, 10, 27), conclusie="herbespreking")
    assert "ico-al-besproken" not in _regels(wvl, "ico")
    wvl.ico = None
    assert "ico-al-besproken" not in _regels(wvl, "ico")


def test_every_finding_names_a_ketencli_command(wvl):
    wvl.aanmelding = model.Aanmelding()
    wvl.lid("m4").geboortedatum = None
    wvl.lid("m1").relaties = []
    wvl.lid("m2").relaties = [r for r in wvl.lid("m2").relaties if r.met != "m1"]
    wvl.stappen.append(model.StapRegistratie(item="kinderen-spreken", lid="m3", datum=OP, status="overgeslagen",
                                             reden="via CLB"))
    criteria = [_Criterium("slotgesprek", "Slotgesprek", "niet-voldaan")]
    gezien = set()
    for soort in gh.SOORTEN:
        for b in gh.controleer(wvl, soort, OP, afronding_criteria=criteria).bevindingen:
            gezien.add(b.regel)
            assert "`ketencli " in b.wat_te_doen, b
    assert len(gezien) >= 8


def test_findings_are_sorted_blocking_first(wvl):
    ernsten = [b.ernst for b in gh.controleer(wvl, "pva", OP).bevindingen]
    assert ernsten == sorted(ernsten, key=gh.ERNSTEN.index)
    assert ernsten[0] == "blokkerend"


def test_a_group_apart_from_the_family_is_one_missing_relation(pal):
    """Members linked only among themselves: one finding naming the group, not one per unrelated pair."""
    pal.gezinsleden += [model.Gezinslid(id="m4", naam="Opa", rollen=["ander"],
                                        relaties=[model.Relatie(met="m5", soort="partner")]),
                        model.Gezinslid(id="m5", naam="Oma", rollen=["ander"],
                                        relaties=[model.Relatie(met="m4", soort="partner")])]
    gevonden = [b for b in gh.controleer(pal, "pva", OP).bevindingen if b.regel == "relatie-ontbreekt"]
    assert len(gevonden) == 1
    assert gevonden[0].betreft.startswith("Opa (m4), Oma (m5) en de rest van het gezin")
