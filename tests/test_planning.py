"""planning: sessions, deadlines, holidays, DST, the week 8/9/10 timeline and the due dates of a dossier.

Dates are pinned. CO3's weegploeg uses the bundled reference date 2026-01-13 (a Tuesday).
"""

from __future__ import annotations

import json
from datetime import date, datetime, timedelta
from zoneinfo import ZoneInfo

import pytest

from ketencli import model, planning, store
from ketencli.fouten import KetencliFout

TZ = ZoneInfo("Europe/Brussels")
CO3 = "co3-antwerpen"


def moment(*args: int) -> datetime:
    return datetime(*args, tzinfo=TZ)


def schrijf_instellingen(tekst: str) -> None:
    pad = store.regio_instellingen_pad()
    pad.parent.mkdir(parents=True, exist_ok=True)
    pad.write_text(tekst, encoding="utf-8")


LEUVEN_INGESTELD = """\
leuven:
  tafels:
    operationeel-team:
      weekdag: dinsdag
      weken: [1, 3]
      begin: "09:00"
      einde: "12:00"
      deadline: {dagen_voor: 7, tijd: "12:00"}
      adres: ot@leuven.example
  vrije_dagen: []
"""

WVL_INGESTELD = """\
ifg-west-vlaanderen:
  tafels:
    overlegtafel:
      ritme: wekelijks
      weekdag: donderdag
      begin: "14:00"
      einde: "16:30"
      deadline: {weekdag: maandag, tijd: "09:00", weken_voor: 1}
      adres: overlegtafel@wvl.example
  vrije_dagen: []
"""


# -- CO3 Antwerpen: the three tables and their deadlines (D24) --------------------------------


def test_weegploeg_om_de_twee_weken_met_deadline_maandag_12u_de_week_ervoor():
    zittingen = planning.volgende_zittingen(CO3, "plan", moment(2026, 11, 23, 10), 3)
    assert [z.begin for z in zittingen] == [moment(2026, 12, 1, 13), moment(2026, 12, 15, 13), moment(2026, 12, 29, 13)]
    assert [z.deadline for z in zittingen] == [moment(2026, 11, 23, 12), moment(2026, 12, 7, 12),
                                               moment(2026, 12, 21, 12)]
    assert all(z.einde == z.begin.replace(hour=16) for z in zittingen)
    assert {z.tafel for z in zittingen} == {"weegploeg"} and zittingen[0].tafel_naam == "Weegploeg"


def test_ico_registraties_tot_donderdag_2359_voor_de_vrijdag_van_de_week_erna():
    z = planning.eerste_haalbare_zitting(CO3, "intake", moment(2026, 11, 23, 10))
    assert z.begin == moment(2026, 12, 4, 9, 30) and z.deadline == moment(2026, 11, 26, 23, 59)
    # on Thursday 23:59 it is still on time; one minute later the next week's Friday is proposed
    eerste = planning.eerste_haalbare_zitting
    assert eerste(CO3, "intake", moment(2026, 11, 26, 23, 58)).begin == moment(2026, 12, 4, 9, 30)
    assert eerste(CO3, "intake", moment(2026, 11, 26, 23, 59)).begin == moment(2026, 12, 11, 9, 30)


def test_ronde_tafel_wekelijks_donderdag_deadline_vrijdag_12u_de_week_ervoor():
    zittingen = planning.volgende_zittingen(CO3, "opvolging", moment(2026, 11, 23), 2)
    assert [(z.begin, z.deadline) for z in zittingen] == [
        (moment(2026, 11, 26, 9, 15), moment(2026, 11, 20, 12)),
        (moment(2026, 12, 3, 9, 15), moment(2026, 11, 27, 12)),
    ]
    assert planning.tafel_voor_rol(CO3, "afsluiting").key == "rondetafel"


@pytest.mark.parametrize("rol", ["intake", "plan", "opvolging"])
def test_een_jaar_lang_geen_zitting_op_een_feestdag_en_deadlines_op_werkdagen(rol):
    zittingen = planning.volgende_zittingen(CO3, rol, moment(2027, 1, 1), 110)
    zittingen = [z for z in zittingen if z.begin < moment(2028, 1, 1)]
    assert len(zittingen) >= (26 if rol == "plan" else 48)
    for z in zittingen:
        assert planning.feestdag(z.begin.date()) is None
        assert z.deadline is not None and z.deadline < z.begin
        assert z.deadline.weekday() < 5 and planning.feestdag(z.deadline.date()) is None
        # the deadline stays in the week before the session (or moves earlier, never later)
        assert (z.begin.date() - z.deadline.date()).days >= 4
    # weekly tables: consecutive sessions a week apart except around holidays
    if rol != "plan":
        gaten = [b.begin - a.begin for a, b in zip(zittingen, zittingen[1:], strict=False)]
        assert set(gaten) <= {timedelta(weeks=1), timedelta(weeks=2), timedelta(weeks=1, hours=1),
                              timedelta(weeks=1, hours=-1), timedelta(weeks=2, hours=1), timedelta(weeks=2, hours=-1)}


def test_paasmaandag_verschuift_de_deadline_van_de_weegploeg_naar_vrijdag_met_een_opmerking():
    z = planning.volgende_zittingen(CO3, "plan", moment(2027, 3, 24), 1)[0]
    assert z.begin == moment(2027, 4, 6, 13)
    assert z.deadline == moment(2027, 3, 26, 12)  # Monday 29 March 2027 is Paasmaandag
    assert any("Paasmaandag" in o and "vervroegd" in o for o in z.opmerkingen)


def test_een_zitting_op_1_mei_wordt_niet_voorgesteld_de_volgende_wel_met_een_opmerking():
    z = planning.volgende_zittingen(CO3, "intake", moment(2026, 4, 25), 1)[0]
    assert z.begin == moment(2026, 5, 8, 9, 30)  # Friday 1 May 2026 is the Dag van de Arbeid
    assert any("1 mei 2026" in o for o in z.opmerkingen)


def test_hemelvaart_schrapt_de_ronde_tafel_en_vervroegt_de_ico_deadline():
    rt = planning.volgende_zittingen(CO3, "opvolging", moment(2027, 5, 1), 1)[0]
    assert rt.begin == moment(2027, 5, 13, 9, 15)
    assert any("6 mei 2027" in o and "Hemelvaart" in o for o in rt.opmerkingen)
    ico = [z for z in planning.volgende_zittingen(CO3, "intake", moment(2027, 5, 1), 3)
           if z.begin.date() == date(2027, 5, 14)][0]
    assert ico.deadline == moment(2027, 5, 5, 23, 59)  # Thursday 6 May is a holiday: Wednesday, same hour


def test_kerstmis_en_nieuwjaar():
    ico = planning.volgende_zittingen(CO3, "intake", moment(2026, 12, 19), 1)[0]
    assert ico.begin == moment(2027, 1, 8, 9, 30)  # 25 Dec and 1 Jan are Fridays
    assert sum("geen zitting" in o for o in ico.opmerkingen) == 2
    rt = [z for z in planning.volgende_zittingen(CO3, "opvolging", moment(2026, 12, 20), 3)
          if z.begin.date() == date(2026, 12, 31)][0]
    assert rt.deadline == moment(2026, 12, 24, 12)  # Friday 25 Dec → Thursday 24 Dec 12:00
    assert any("Kerstmis" in o for o in rt.opmerkingen)


def test_zomer_en_wintertijd_het_uur_blijft_13u_lokaal():
    rond_maart = planning.volgende_zittingen(CO3, "plan", moment(2027, 3, 20), 2)
    assert [z.begin.date() for z in rond_maart] == [date(2027, 3, 23), date(2027, 4, 6)]
    assert [z.begin.hour for z in rond_maart] == [13, 13]
    assert [z.begin.utcoffset() for z in rond_maart] == [timedelta(hours=1), timedelta(hours=2)]
    rond_oktober = planning.volgende_zittingen(CO3, "plan", moment(2026, 10, 18), 2)
    assert [z.begin.date() for z in rond_oktober] == [date(2026, 10, 20), date(2026, 11, 3)]
    assert [z.begin.utcoffset() for z in rond_oktober] == [timedelta(hours=2), timedelta(hours=1)]
    assert all(z.begin.hour == 13 for z in rond_oktober)


def test_een_sessie_waarvan_de_deadline_verstreken_is_wordt_nooit_voorgesteld():
    nu = moment(2027, 1, 1, 12)
    while nu < moment(2028, 1, 1):
        for rol in ("intake", "plan", "opvolging"):
            z = planning.eerste_haalbare_zitting(CO3, rol, nu)
            assert z.deadline > nu and z.begin > nu
        nu += timedelta(days=1, hours=1)  # walk over every weekday and several hours
    assert planning.eerste_haalbare_zitting(CO3, "plan", moment(2026, 11, 23, 11, 59)).begin == moment(2026, 12, 1, 13)
    assert planning.eerste_haalbare_zitting(CO3, "plan", moment(2026, 11, 23, 12, 0)).begin == moment(2026, 12, 15, 13)


def test_gekozen_datum_met_verstreken_deadline_geeft_de_volgende_als_tip():
    with pytest.raises(KetencliFout) as fout:
        planning.eerste_haalbare_zitting(CO3, "plan", moment(2026, 11, 24, 9), op=date(2026, 12, 1))
    assert "verstreken" in fout.value.melding
    assert "15 december 2026" in fout.value.tip
    z = planning.eerste_haalbare_zitting(CO3, "plan", moment(2026, 11, 24, 9), op=date(2026, 12, 15))
    assert z.begin == moment(2026, 12, 15, 13)


def test_gekozen_datum_zonder_zitting_of_op_een_feestdag():
    with pytest.raises(KetencliFout, match="geen zitting"):
        planning.eerste_haalbare_zitting(CO3, "plan", moment(2026, 11, 24, 9), op=date(2026, 12, 8))
    with pytest.raises(KetencliFout, match="Kerstmis"):
        planning.eerste_haalbare_zitting(CO3, "intake", moment(2026, 11, 24, 9), op=date(2026, 12, 25))



def test_een_gekozen_datum_ver_vooruit_stelt_zittingen_rond_die_datum_voor():
    """A date without a session months ahead: the suggestions are the sessions around it, not next week's."""
    with pytest.raises(KetencliFout, match="geen zitting") as fout:
        planning.eerste_haalbare_zitting(CO3, "plan", moment(2026, 11, 24, 9), op=date(2027, 9, 13))
    assert "7 september 2027" in fout.value.tip and "21 september 2027" in fout.value.tip
    assert "2026" not in fout.value.tip.split("(deadline")[0]


# -- the guide's week 8/9/10 timeline (D25) ---------------------------------------------------


@pytest.mark.parametrize("start", [date(2026, 9, 14), date(2026, 9, 16), date(2026, 9, 20)])
def test_eerste_weegploeg_in_week_10_met_de_tijdlijn_van_de_gids(start):
    vb = planning.eerste_weegploeg(CO3, start, moment(2026, 9, 21, 9))
    assert vb.week1 == date(2026, 9, 14)  # week 1 is the week casusregie starts
    assert vb.week == 10 and vb.zitting.begin == moment(2026, 11, 17, 13)
    assert vb.opvragen == date(2026, 11, 3)  # Tuesday (afternoon) of week 8
    assert vb.zitting.deadline == moment(2026, 11, 9, 12)  # Monday week 9, 12:00
    assert vb.agenda == date(2026, 11, 12)  # Thursday week 9


def test_eerste_weegploeg_valt_later_als_week_10_geen_zitting_heeft_of_de_deadline_voorbij_is():
    # week 10 of a start on 7 Sept 2026 has no weegploeg (the rhythm's off week): week 11
    assert planning.eerste_weegploeg(CO3, date(2026, 9, 7), moment(2026, 9, 7)).week == 11
    # the deadline of the week-10 session passed: the next session
    laat = planning.eerste_weegploeg(CO3, date(2026, 9, 14), moment(2026, 11, 9, 12, 1))
    assert laat.zitting.begin == moment(2026, 12, 1, 13) and laat.week == 12


# -- the other regions and the settings file (D26) ---------------------------------------------


def test_west_vlaanderen_en_leuven_zonder_instellingen_zeggen_wat_in_te_stellen_is():
    with pytest.raises(KetencliFout, match="in te stellen") as fout:
        planning.tafel_voor_rol("ifg-west-vlaanderen", "plan")
    assert "Overlegtafel" in fout.value.melding and "regio.yaml" in fout.value.tip
    with pytest.raises(KetencliFout, match="Operationeel team"):
        planning.volgende_zittingen("leuven", "intake", moment(2027, 1, 1))
    assert planning.agendering_adres("ifg-west-vlaanderen", "plan") is None
    assert planning.agendering_adres("leuven", "intake") is None
    assert planning.agendering_adres(CO3, "plan") == "CO3@antwerpen.be"


def test_leuven_tweemaal_per_maand_uit_de_instellingen():
    schrijf_instellingen(LEUVEN_INGESTELD)
    zittingen = planning.volgende_zittingen("leuven", "plan", moment(2027, 1, 1), 30)
    zittingen = [z for z in zittingen if z.begin < moment(2028, 1, 1)]
    per_maand: dict[int, int] = {}
    for z in zittingen:
        assert z.begin.weekday() == 1 and (z.begin.day - 1) // 7 + 1 in (1, 3)
        assert z.begin.hour == 9 and z.deadline == z.begin.replace(hour=12) - timedelta(days=7)
        per_maand[z.begin.month] = per_maand.get(z.begin.month, 0) + 1
    assert per_maand == {m: 2 for m in range(1, 13)}  # no 1st/3rd Tuesday of 2027 is a holiday
    assert zittingen[0].begin == moment(2027, 1, 5, 9) and zittingen[0].tafel_naam == "Operationeel team"
    assert planning.agendering_adres("leuven", "afsluiting") == "ot@leuven.example"


def test_een_eigen_referentiedatum_voor_de_weegploeg():
    schrijf_instellingen("co3-antwerpen:\n  tafels:\n    weegploeg:\n      referentiedatum: 2026-01-06\n")
    z = planning.volgende_zittingen(CO3, "plan", moment(2026, 11, 23, 10), 1)[0]
    assert z.begin == moment(2026, 11, 24, 13)


def test_11_juli_is_een_instelling():
    # not set: the session is proposed with a note; set: it is skipped
    z = [z for z in planning.volgende_zittingen(CO3, "intake", moment(2025, 7, 5), 2)
         if z.begin.date() == date(2025, 7, 11)][0]
    assert any("11 juli" in o and "in te stellen" in o for o in z.opmerkingen)
    schrijf_instellingen('co3-antwerpen:\n  vrije_dagen: ["07-11"]\n')
    z = planning.volgende_zittingen(CO3, "intake", moment(2025, 7, 5), 1)[0]
    assert z.begin == moment(2025, 7, 18, 9, 30) and any("Vlaamse Gemeenschap" in o for o in z.opmerkingen)


def test_een_regio_zonder_tafel_voor_een_rol():
    schrijf_instellingen("ifg-west-vlaanderen:\n  tafels:\n    overlegtafel:\n      rollen: [intake]\n")
    with pytest.raises(KetencliFout, match="geen tafel voor plan van aanpak") as fout:
        planning.tafel_voor_rol("ifg-west-vlaanderen", "plan")
    assert "Operationeel team" in fout.value.tip


@pytest.mark.parametrize(("tekst", "verwacht"), [
    ("leuven:\n  tafels:\n    operationeel-team:\n      begni: '09:00'\n", "regel 4, kolom 7"),
    ("leuven:\n  tafels:\n    operationeel-team:\n      begin: '25:00'\n", "een uur schrijf je als"),
    ("leuven:\n  tafels:\n    operationeel-team:\n      weekdag: dinsdgg\n", "kies uit"),
    ("antwerpen:\n  vrije_dagen: []\n", "regel 1"),
    ("co3-antwerpen:\n  tafels:\n    weegploeg:\n      weekdag: dinsdag\n      referentiedatum: 2026-01-14\n",
     "valt niet op een dinsdag"),
    ("co3-antwerpen:\n  vrije_dagen: [11 juli]\n", "07-11"),
    ("leuven: [\n", "geen geldige YAML"),
    ("leuven:\n  tafels:\n    operationeel-team:\n      deadline: {tijd: '12:00'}\n", "weekdag (in de week ervoor)"),
    ("leuven:\n  tafels:\n    operationeel-team:\n      ritme: maandelijks\n", "tweemaal-per-maand"),
    ("leuven:\n  tafels:\n    operationeel-team:\n      lidwoord: een\n", "kies uit: de, het"),
    ("leuven:\n  eerste_plan_week: 60\n", "regel 2"),
])
def test_fouten_in_het_instellingenbestand_met_regel_en_kolom(tekst, verwacht):
    schrijf_instellingen(tekst)
    with pytest.raises(KetencliFout) as fout:
        planning.regio("leuven")
    volledig = fout.value.melding + " " + (fout.value.tip or "")
    assert verwacht in volledig and "regio.yaml" in volledig


# -- the method's due dates of a dossier ------------------------------------------------------


# the goals' target dates and the actions' planned end dates (opvolgen, issue 13 item 15) are tested
# in test_methodetrouw_regios; here they are left out of the sequences
OPVOLG = ("doel-streefdatum", "actie-uiterlijk")


def zonder_opvolg(items):
    return [v for v in items if v.soort not in OPVOLG]


def soorten(items):
    return [v.soort for v in items if v.soort not in OPVOLG]


def test_vervaldata_van_het_voorbeeld_in_casusregie(palmeneire):
    d = store.laad(palmeneire)
    alle = planning.vervaldata(d, date(2026, 11, 23))
    # the goals' target dates are due items of their own (opvolgen, L647; issue 13 item 15)
    assert [(v.datum, v.soort) for v in alle if v.soort == "doel-streefdatum"][0] == (date(2027, 3, 1),
                                                                                      "doel-streefdatum")
    items = [v for v in alle if v.soort not in OPVOLG]
    assert soorten(items) == ["deadline-weegploeg", "eerste-weegploeg", "deadline-rondetafel",
                              "tussentijdse-evaluatie"]
    assert (items[0].datum, items[0].tijd) == (date(2026, 11, 23), "12:00")
    assert "(maandag 12:00)" in items[0].omschrijving
    assert (items[1].datum, items[1].tijd, items[1].tafel) == (date(2026, 12, 1), "13:00", "weegploeg")
    # ten months after 7 Sept 2026 is Wednesday 7 July 2027: the Ronde Tafel of Thursday 8 July, its
    # agendering deadline Friday 2 July 12:00
    assert (items[2].datum, items[2].tijd, items[2].tafel) == (date(2027, 7, 2), "12:00", "rondetafel")
    assert items[2].omschrijving == ("Deadline agendering Ronde Tafel van do 08/07/2027: tussentijdse evaluatie "
                                     "(vrijdag 12:00)")
    assert (items[3].datum, items[3].tijd) == (date(2027, 7, 8), "09:15")
    assert items[3].omschrijving == "Tussentijdse evaluatie op de Ronde Tafel, met een nieuw kijkschema"
    # deterministic, JSON-safe, and without names
    assert planning.vervaldata(d, date(2026, 11, 23)) == alle
    for v in items:
        assert planning.Vervaldatum.uit_dict(v.naar_dict()) == v
        assert not any(naam in v.omschrijving for naam in ("Palmeneire", "Vercammen", "Noor"))
    # before the preparation starts, the week-8 prompt is there too
    vroeg = planning.vervaldata(d, date(2026, 11, 2))
    assert soorten(vroeg)[0] == "voorbereiding-weegploeg" and vroeg[0].datum == date(2026, 11, 3)
    # CO3 asks for the documents (L1756), not the regisseur; two weeks before the session of week 11
    assert vroeg[0].omschrijving == ("Start voorbereiding eerste Weegploeg: CO3 Antwerpen vraagt de voorbereidende "
                                     "documenten op (week 9)")


def test_agenderingen_geven_deadline_en_zitting_en_sluiten_de_eerste_weegploeg_af(palmeneire):
    with store.wijzig(palmeneire) as d:
        d.agenderingen.append(model.Agendering(
            id="a1", tafel="weegploeg", rol="plan", soort="pva", zitting=datetime(2026, 12, 1, 13),
            deadline=datetime(2026, 11, 23, 12), status="voorbereid"))
    items = zonder_opvolg(planning.vervaldata(store.laad(palmeneire), date(2026, 11, 23)))
    assert soorten(items) == ["deadline-weegploeg", "zitting", "deadline-rondetafel", "tussentijdse-evaluatie"]
    assert items[0].sleutel == "agendering-a1-deadline" and items[1].tijd == "13:00"
    assert items[0].omschrijving == "Deadline agendering Weegploeg: plan van aanpak"  # no internal codes
    with store.wijzig(palmeneire) as d:
        d.agenderingen[0].status = "ingediend"
    assert soorten(planning.vervaldata(store.laad(palmeneire), date(2026, 11, 23))) == [
        "zitting", "deadline-rondetafel", "tussentijdse-evaluatie"]
    # after the session: the return date at the ronde tafel, as its session and deadline
    with store.wijzig(palmeneire) as d:
        d.agenderingen[0].status = "besproken"
        d.agenderingen[0].terugkoppeling_op = date(2027, 3, 4)
    items = zonder_opvolg(planning.vervaldata(store.laad(palmeneire), date(2026, 12, 2)))
    assert soorten(items)[:2] == ["deadline-rondetafel", "terugkoppeling-rondetafel"]
    assert (items[0].datum, items[0].tijd) == (date(2027, 2, 26), "12:00")
    assert (items[1].datum, items[1].tijd, items[1].tafel) == (date(2027, 3, 4), "09:15", "rondetafel")
    # an agendering at the ronde tafel with another purpose does not close it; a return agendering does
    with store.wijzig(palmeneire) as d:
        d.agenderingen.append(model.Agendering(
            id="a2", tafel="rondetafel", rol="opvolging", soort="rondetafel", doel="vraag",
            zitting=datetime(2027, 3, 4, 9, 15), deadline=datetime(2027, 2, 26, 12), status="ingediend"))
    assert "terugkoppeling-rondetafel" in soorten(planning.vervaldata(store.laad(palmeneire), date(2026, 12, 2)))
    with store.wijzig(palmeneire) as d:
        d.agenderingen[1].doel = "terugkoppeling"
    assert soorten(planning.vervaldata(store.laad(palmeneire), date(2026, 12, 2))) == [
        "zitting", "deadline-rondetafel", "tussentijdse-evaluatie"]


def test_ocj_sdj_afstemming_en_consulent_informeren_per_pv(palmeneire):
    with store.wijzig(palmeneire) as d:
        d.betrokken_diensten.append(model.BetrokkenDienst(id="d99", soort="ocj-sdj", naam="OCJ Antwerpen"))
        d.tijdlijn.append(model.TijdlijnItem(datum=date(2026, 10, 2), soort="pv", omschrijving="x"))
        d.tijdlijn.append(model.TijdlijnItem(datum=date(2026, 11, 5), soort="incident", omschrijving="y"))
    items = zonder_opvolg(planning.vervaldata(store.laad(palmeneire), date(2026, 11, 23)))
    informeren = [v for v in items if v.soort == "consulent-informeren"]
    assert [v.datum for v in informeren] == [date(2026, 10, 2), date(2026, 11, 5)]  # pv's before the start: none
    assert "x" not in informeren[0].omschrijving  # no case facts
    afstemming = [v for v in items if v.soort == "ocj-sdj-afstemming"]
    assert [v.datum for v in afstemming] == [date(2026, 12, 7)]  # three months after the start
    with store.wijzig(palmeneire) as d:
        d.tijdlijn.append(model.TijdlijnItem(datum=date(2026, 10, 20), soort="contact",
                                                   omschrijving="Consulent geïnformeerd en afgestemd"))
    items = zonder_opvolg(planning.vervaldata(store.laad(palmeneire), date(2026, 11, 23)))
    assert [v.datum for v in items if v.soort == "consulent-informeren"] == [date(2026, 11, 5)]
    assert [v.datum for v in items if v.soort == "ocj-sdj-afstemming"] == [date(2027, 1, 20)]


def test_na_afronding_opvolging_en_afsluiting_na_zes_maanden(palmeneire):
    with store.wijzig(palmeneire) as d:
        d.fase = "afgerond"
        d.afronding.gestart_op = date(2027, 2, 1)
        d.afronding.opvolging_tot = date(2027, 8, 1)
        d.afronding.rondetafel_check_op = date(2027, 5, 6)
    items = zonder_opvolg(planning.vervaldata(store.laad(palmeneire), date(2027, 2, 2)))
    # 6 May 2027 is Ascension: no Ronde Tafel, the check goes to 13 May; 1 Aug is a Sunday: afsluiting 5 Aug
    assert [(v.soort, v.datum, v.tijd) for v in items] == [
        ("deadline-rondetafel", date(2027, 5, 7), "12:00"), ("rondetafel-check", date(2027, 5, 13), "09:15"),
        ("deadline-rondetafel", date(2027, 7, 30), "12:00"), ("opvolging-na-afronding", date(2027, 8, 1), None),
        ("afsluiting", date(2027, 8, 5), "09:15")]
    assert items[4].omschrijving == "Afsluiting op de Ronde Tafel (zes maanden na de afronding)"
    with store.wijzig(palmeneire) as d:
        d.afronding.vervolghulp_goed_gestart = True
        d.fase = "afgesloten"
    assert planning.vervaldata(store.laad(palmeneire), date(2027, 2, 2)) == []


def test_afronding_op_1_december_check_en_afsluiting_op_donderdag_met_deadline_vrijdag(kc, palmeneire):
    """The reviewer's case: `afronding start` on 01/12/2026 with a check after three months. The check
    (Monday 1 March) and the afsluiting (Tuesday 1 June) become the next Thursday's Ronde Tafel, with
    the agendering deadline on the Friday before at 12:00."""
    with store.wijzig(palmeneire) as d:
        d.fase = "afgerond"
        d.afronding.gestart_op = date(2026, 12, 1)
        d.afronding.opvolging_tot = date(2027, 6, 1)
        d.afronding.rondetafel_check_op = date(2027, 3, 1)
    items = {(v.soort, v.datum): v for v in planning.vervaldata(store.laad(palmeneire), date(2026, 12, 2))}
    assert items[("deadline-rondetafel", date(2027, 2, 26))].tijd == "12:00"
    assert items[("rondetafel-check", date(2027, 3, 4))].tijd == "09:15"
    assert items[("deadline-rondetafel", date(2027, 5, 28))].omschrijving == (
        "Deadline agendering Ronde Tafel van do 03/06/2027: afsluiting (vrijdag 12:00)")
    assert items[("afsluiting", date(2027, 6, 3))].tafel == "rondetafel"
    # the overview shows them, with the deadline
    uit = kc.ok("overzicht", "--json", "--weken", "30")
    rijen = [r for r in json.loads(uit.output) if r["dossier"] == palmeneire]
    assert {"datum": "2027-02-26", "tijd": "12:00"}.items() <= next(
        r for r in rijen if r["soort"] == "deadline-rondetafel").items()


def test_een_gemiste_deadline_blijft_te_laat_en_noemt_de_volgende_zitting(palmeneire):
    with store.wijzig(palmeneire) as d:
        d.fase = "afgerond"
        d.afronding.gestart_op = date(2026, 12, 1)
        d.afronding.opvolging_tot = date(2027, 6, 1)
        d.afronding.rondetafel_check_op = date(2027, 3, 1)
    # on Monday 1 March the deadline of Thursday 4 March (Friday 26 Feb) has passed
    items = zonder_opvolg(planning.vervaldata(store.laad(palmeneire), date(2027, 3, 1)))
    check = [v for v in items if v.soort == "rondetafel-check"]
    assert len(check) == 1 and check[0].datum == date(2027, 3, 1) and check[0].tijd is None
    assert check[0].omschrijving == (
        "Check op nieuwe feiten op de Ronde Tafel: de deadline voor de zitting van do 04/03/2027 is voorbij; "
        "eerstvolgende haalbare zitting: do 11/03/2027 (deadline vr 05/03/2027 12:00)")
    assert date(2027, 2, 26) not in {v.datum for v in items}


def test_check_en_afsluiting_sluiten_op_hun_doel(palmeneire):
    with store.wijzig(palmeneire) as d:
        d.fase = "afgerond"
        d.afronding.gestart_op = date(2026, 12, 1)
        d.afronding.opvolging_tot = date(2027, 6, 1)
        d.afronding.rondetafel_check_op = date(2027, 3, 1)
        d.agenderingen.append(model.Agendering(
            id="a1", tafel="rondetafel", rol="opvolging", soort="rondetafel", doel="vraag",
            zitting=datetime(2027, 1, 7, 9, 15), status="besproken"))
    vandaag = date(2026, 12, 2)
    assert {"rondetafel-check", "afsluiting"} <= set(soorten(planning.vervaldata(store.laad(palmeneire), vandaag)))
    with store.wijzig(palmeneire) as d:
        d.agenderingen[0].doel = "check-na-afronding"
    assert "rondetafel-check" not in soorten(planning.vervaldata(store.laad(palmeneire), vandaag))
    assert "afsluiting" in soorten(planning.vervaldata(store.laad(palmeneire), vandaag))
    with store.wijzig(palmeneire) as d:
        d.agenderingen.append(model.Agendering(
            id="a2", tafel="rondetafel", rol="afsluiting", soort="afsluiting", doel="afsluiting",
            zitting=datetime(2027, 6, 3, 9, 15), status="voorbereid", deadline=datetime(2027, 5, 28, 12)))
    assert soorten(planning.vervaldata(store.laad(palmeneire), vandaag)) == [
        "deadline-rondetafel", "opvolging-na-afronding", "zitting"]


def test_oude_agenderingen_zonder_doel_laden_en_sluiten_zoals_vroeger(palmeneire, thuis):
    """A file from before ``doel``: the field is absent; an old ronde-tafel agendering closes the return
    date, the evaluation and the check as any ronde-tafel agendering did, but never the afsluiting."""
    from tests.conftest import dossier_bestand

    with store.wijzig(palmeneire) as d:
        d.agenderingen.append(model.Agendering(
            id="a1", tafel="weegploeg", rol="plan", soort="pva", zitting=datetime(2026, 12, 1, 13),
            status="besproken", terugkoppeling_op=date(2027, 3, 4)))
        d.agenderingen.append(model.Agendering(
            id="a2", tafel="rondetafel", rol="opvolging", soort="rondetafel", zitting=datetime(2027, 6, 10, 9, 15),
            status="ingediend"))
    tekst = dossier_bestand(thuis, palmeneire).read_text(encoding="utf-8")
    assert "doel:" not in tekst  # None is not written: older ketencli versions still read the file
    d = store.laad(palmeneire)
    assert [planning.doel_van(a) for a in d.agenderingen] == ["plan", None]
    items = soorten(planning.vervaldata(d, date(2026, 12, 2)))
    assert "terugkoppeling-rondetafel" not in items and "tussentijdse-evaluatie" not in items
    with store.wijzig(palmeneire) as d:
        d.fase = "afgerond"
        d.afronding.gestart_op = date(2027, 6, 1)
    assert "afsluiting" in soorten(planning.vervaldata(store.laad(palmeneire), date(2027, 6, 2)))


def test_geen_casusregie_items_voor_de_start(palmeneire):
    with store.wijzig(palmeneire) as d:
        d.fase = "verkenning"
    assert planning.vervaldata(store.laad(palmeneire), date(2026, 11, 23)) == []


def nieuw_leuven_dossier(kc, start=date(2026, 10, 31)) -> str:
    uit = kc.ok("dossier", "new", "--regio", "leuven", "--gezin", "Test", "--no-input")
    dossier_id = uit.output.split("Dossier ")[1].split(" ")[0]
    with store.wijzig(dossier_id) as d:
        d.fase = "casusregie"
        d.casusregie_start = start
    return dossier_id


def pva_rij(d) -> None:
    d.pva.rijen.append(model.PvaRij(id="r1", domein="geweld", factor="fysiek geweld"))


def test_leuven_eerst_het_plan_dan_evaluaties_na_1_4_en_10_maanden(kc):
    """D26: in Leuven the operationeel team drafts the plan; no week 10, and no evaluation before a plan."""
    dossier_id = nieuw_leuven_dossier(kc)
    items = zonder_opvolg(planning.vervaldata(store.laad(dossier_id), date(2026, 11, 23)))
    assert [v.soort for v in items] == ["eerste-operationeel-team"]
    assert items[0].datum == date(2026, 10, 31)  # due from the start of casusregie
    assert items[0].omschrijving == ("Eerste plan van aanpak op het Operationeel team (zo snel mogelijk na de start "
                                     "van de casusregie; het ritme van die tafel is nog in te stellen)")
    with store.wijzig(dossier_id) as d:
        pva_rij(d)
    items = zonder_opvolg(planning.vervaldata(store.laad(dossier_id), date(2026, 11, 23)))
    evaluaties = [(v.soort, v.datum) for v in items if v.soort.startswith("leuven-evaluatie")]
    assert evaluaties == [("leuven-evaluatie-1m", date(2026, 11, 30)), ("leuven-evaluatie-4m", date(2027, 2, 28)),
                          ("leuven-evaluatie-10m", date(2027, 8, 31))]
    assert "Evaluatie na 1 maand op het Operationeel team" in items[0].omschrijving
    assert not any(v.soort.startswith("eerste-") or v.soort == "tussentijdse-evaluatie" for v in items)


def test_leuven_met_ingesteld_ritme_plan_zo_snel_mogelijk_en_evaluaties_na_het_plan(kc):
    schrijf_instellingen(LEUVEN_INGESTELD)
    dossier_id = nieuw_leuven_dossier(kc)
    items = zonder_opvolg(planning.vervaldata(store.laad(dossier_id), date(2026, 11, 23)))
    # the first reachable session (1st/3rd Tuesday, deadline 7 days before 12:00): 1 December, not week 10
    assert [(v.soort, v.datum, v.tijd) for v in items] == [
        ("deadline-operationeel-team", date(2026, 11, 24), "12:00"),
        ("eerste-operationeel-team", date(2026, 12, 1), "09:00")]
    assert items[0].omschrijving == ("Deadline agendering Operationeel team van di 01/12/2026: eerste plan van aanpak "
                                     "(dinsdag 12:00)")
    # the plan is agendered for 1 December: the 1-month evaluation (30 Nov) comes after it, on 15 December
    with store.wijzig(dossier_id) as d:
        d.agenderingen.append(model.Agendering(
            id="a1", tafel="operationeel-team", rol="plan", soort="pva", doel="plan",
            zitting=datetime(2026, 12, 1, 9), deadline=datetime(2026, 11, 24, 12), status="ingediend"))
    items = zonder_opvolg(planning.vervaldata(store.laad(dossier_id), date(2026, 11, 23)))
    assert [(v.soort, v.datum) for v in items if "evaluatie" in v.soort or v.soort.startswith("deadline-")] == [
        ("deadline-operationeel-team", date(2026, 12, 8)), ("leuven-evaluatie-1m", date(2026, 12, 15)),
        ("deadline-operationeel-team", date(2027, 2, 23)), ("leuven-evaluatie-4m", date(2027, 3, 2)),
        ("deadline-operationeel-team", date(2027, 8, 31)), ("leuven-evaluatie-10m", date(2027, 9, 7))]
    assert not any(v.soort.startswith("eerste-") for v in items)
    # an evaluation agendering closes the 1-month evaluation; a question at the team does not
    with store.wijzig(dossier_id) as d:
        d.agenderingen.append(model.Agendering(
            id="a2", tafel="operationeel-team", rol="opvolging", soort="rondetafel", doel="vraag",
            zitting=datetime(2026, 12, 15, 9), deadline=datetime(2026, 12, 8, 12), status="ingediend"))
    assert "leuven-evaluatie-1m" in soorten(planning.vervaldata(store.laad(dossier_id), date(2026, 11, 23)))
    with store.wijzig(dossier_id) as d:
        d.agenderingen[1].doel = "tussentijdse-evaluatie"
    items = zonder_opvolg(planning.vervaldata(store.laad(dossier_id), date(2026, 11, 23)))
    assert [v.soort for v in items if v.soort.startswith("leuven-")] == ["leuven-evaluatie-4m", "leuven-evaluatie-10m"]


def test_west_vlaanderen_geen_week_10_maar_het_plan_aan_de_overlegtafel(kc, westvl):
    schrijf_instellingen(WVL_INGESTELD)
    d = store.laad(westvl)
    vandaag = date(2026, 11, 23)
    eerste = [v for v in planning.vervaldata(d, vandaag) if v.soort.startswith(("eerste-", "deadline-overleg"))]
    if d.pva.rijen:  # the example's plan was drafted at the table: nothing to agenda for a first plan
        assert eerste == []
        with store.wijzig(westvl) as d:
            d.pva.rijen = []
        eerste = [v for v in planning.vervaldata(store.laad(westvl), vandaag)
                  if v.soort.startswith(("eerste-", "deadline-overleg"))]
    # casusregie started 2 Nov 2026: the first Thursday whose deadline (Monday 09:00 the week before) is ahead
    assert [(v.soort, v.datum, v.tijd) for v in eerste] == [
        ("deadline-overlegtafel", date(2026, 11, 23), "09:00"), ("eerste-overlegtafel", date(2026, 12, 3), "14:00")]
    assert "op de Overlegtafel" in eerste[1].omschrijving
    # the region property: a user may turn the week rule on (or off with 0)
    schrijf_instellingen(WVL_INGESTELD + "  eerste_plan_week: 10\n")
    eerste = [v for v in planning.vervaldata(store.laad(westvl), vandaag) if v.soort == "eerste-overlegtafel"]
    assert eerste[0].datum == date(2027, 1, 7) and "(week 10)" in eerste[0].omschrijving


def test_co3_week_10_uit_te_zetten_in_de_instellingen(palmeneire):
    schrijf_instellingen("co3-antwerpen:\n  eerste_plan_week: 0\n")
    assert planning.regio(CO3).plan_aan_tafel
    with store.wijzig(palmeneire) as d:
        d.pva.rijen = []
    items = zonder_opvolg(planning.vervaldata(store.laad(palmeneire), date(2026, 11, 23)))
    eerste = next(v for v in items if v.soort == "eerste-weegploeg")
    assert "zo snel mogelijk" in eerste.omschrijving and eerste.datum == date(2026, 12, 1)


def test_een_ronde_tafel_rond_de_tien_maanden_sluit_de_tussentijdse_evaluatie_af(palmeneire):
    # a weegploeg (plan) or a question at the ronde tafel does not count as the interim evaluation; an
    # evaluation agendering two months before does
    agendering = {"deadline": datetime(2027, 6, 1, 12), "status": "ingediend"}
    with store.wijzig(palmeneire) as d:
        d.agenderingen.append(model.Agendering(id="a1", tafel="weegploeg", rol="plan", soort="gewijzigd",
                                               zitting=datetime(2027, 6, 8, 13), **agendering))
        d.agenderingen.append(model.Agendering(id="a2", tafel="rondetafel", rol="opvolging", soort="rondetafel",
                                               doel="vraag", zitting=datetime(2027, 6, 10, 9, 15), **agendering))
    assert "tussentijdse-evaluatie" in soorten(planning.vervaldata(store.laad(palmeneire), date(2027, 5, 1)))
    with store.wijzig(palmeneire) as d:
        d.agenderingen[1].doel = "tussentijdse-evaluatie"
    assert "tussentijdse-evaluatie" not in soorten(planning.vervaldata(store.laad(palmeneire), date(2027, 5, 1)))


def test_west_vlaanderen_een_jaar_lang_uit_de_instellingen():
    schrijf_instellingen("""\
ifg-west-vlaanderen:
  tafels:
    overlegtafel:
      ritme: wekelijks
      weekdag: donderdag
      begin: "14:00"
      einde: "16:30"
      deadline: {weekdag: maandag, tijd: "09:00", weken_voor: 1}
      adres: overlegtafel@wvl.example
    operationeel-team:
      ritme: tweewekelijks
      weekdag: maandag
      referentiedatum: 2027-01-04
      begin: "10:00"
      einde: "12:00"
      deadline: {dagen_voor: 3, tijd: "12:00"}
  vrije_dagen: ["07-11"]
""")
    wvl = "ifg-west-vlaanderen"
    overleg = [z for z in planning.volgende_zittingen(wvl, "plan", moment(2027, 1, 1), 60) if z.begin.year == 2027]
    # 52 Thursdays in 2027 minus Ascension (6 May), 11 July is a Sunday; 11 Nov and 25 Dec fall on a Thursday/Saturday
    assert len(overleg) == 52 - 1 - 1 and all(z.begin.weekday() == 3 and z.begin.hour == 14 for z in overleg)
    assert date(2027, 5, 6) not in {z.begin.date() for z in overleg}
    assert date(2027, 11, 11) not in {z.begin.date() for z in overleg}  # Wapenstilstand
    assert all(z.deadline.weekday() < 5 and z.deadline < z.begin for z in overleg)
    assert planning.agendering_adres(wvl, "intake") == "overlegtafel@wvl.example"
    team = [z for z in planning.volgende_zittingen(wvl, "opvolging", moment(2027, 1, 1), 30) if z.begin.year == 2027]
    assert team[0].begin == moment(2027, 1, 4, 10) and team[0].deadline == moment(2026, 12, 31, 12)
    assert {(b.begin.date() - a.begin.date()).days for a, b in zip(team, team[1:], strict=False)} <= {14, 28}
    # Easter Monday 29 March 2027 is a team Monday: skipped, the next one says so
    na_pasen = next(z for z in team if z.begin.date() > date(2027, 3, 29))
    assert na_pasen.begin.date() == date(2027, 4, 12) and any("Paasmaandag" in o for o in na_pasen.opmerkingen)
    assert planning.agendering_adres(wvl, "opvolging") is None
    assert any("agenderingsadres" in o for o in team[0].opmerkingen)


def test_een_onbekende_tafel_zonder_rollen_is_een_tikfout(kc):
    schrijf_instellingen("co3-antwerpen:\n  tafels:\n    weegplog:\n      begin: \"14:30\"\n")
    res = kc("regio", "toon", "co3-antwerpen")
    assert res.exit_code == 1, res.output
    assert "weegplog" in res.stderr and "bedoel je 'weegploeg'" in res.stderr
    # an own table with roles is still allowed
    schrijf_instellingen("co3-antwerpen:\n  tafels:\n    extra:\n"
                         "      naam: Extra overleg\n      rollen: [opvolging]\n")
    assert "Extra overleg" in kc.ok("regio", "toon", "co3-antwerpen").stdout
