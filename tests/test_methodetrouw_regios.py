"""Issue 13 (method fidelity), items 7, 8, 12-15: each rule through the CLI, in the region(s) it
concerns, with the value the guide gives (the line is cited per test)."""

from __future__ import annotations

import copy
import json
import re
from datetime import date
from pathlib import Path

import pytest
import yaml

from tests.conftest import _id_uit, dossier_bestand

BASIS = yaml.safe_load("""
schema_version: 1
regio: co3-antwerpen
fase: casusregie
gezin: Aerts – Boon
casusregie_start: 2026-06-01
aanmelding:
  datum: 2026-05-11
  aanmelder: {organisatie: CAW Voorbeeld, persoon: An Aanmelder, contact: "03 000 00 00"}
  waarom_nu: Escalatie na een nieuw incident.
ico: {datum: 2026-05-22, conclusie: ketenaanpak-met-casusregie, advies: Instroom met casusregie; veiligheidsplan.}
gezinsleden:
  - {id: m1, naam: Piet Aerts, rollen: [pleger], geboortedatum: 1980-01-01, relaties: [{met: m2, soort: partner}],
     instemming: {datum: 2026-05-20}}
  - {id: m2, naam: Els Boon, rollen: [slachtoffer], geboortedatum: 1982-02-02, relaties: [{met: m1, soort: partner}],
     instemming: {datum: 2026-05-20}}
betrokken_diensten:
  - {id: d1, soort: caw, naam: CAW Voorbeeld, contactpersoon: Tom Hulp, contact: "03 222 22 22", rol: begeleiding}
casusregisseur: {naam: Rita Regisseur, organisatie: CAW Voorbeeld, contact: "03 111 11 11"}
veiligheidsplan:
  - {lid: m2, veilige_plek: bij een vriendin, opgemaakt_op: 2026-06-10}
kijkschema:
  - datum: 2026-06-15
    factoren:
      - {factor: geweld-eerder, staat: aanwezig, bij_wie: [m1]}
pva:
  opgemaakt_op: 2026-07-01
  rijen:
    - {id: r1, domein: geweld, factor: geweld-eerder, soort: risico, bij_wie: [m1], noden: Leren omgaan met boosheid.,
       aanpak: Daderhulp., acties: [{omschrijving: Daderhulp, begeleiding: d1, stavaza: gestart}]}
  doelstellingen:
    - {id: g1, tekst: Geen nieuw geweld., bij_wie: [m1, m2], domein: geweld}
""")

# the rhythms West-Vlaanderen and Leuven leave "in te stellen" (D26), as a user sets them
REGIO_YAML = """
ifg-west-vlaanderen:
  tafels:
    overlegtafel:
      naam: Casustafel Brugge
      ritme: tweemaal-per-maand
      weken: [1, 3]
      weekdag: dinsdag
      begin: "09:00"
      einde: "12:00"
      deadline: {weekdag: maandag, tijd: "12:00"}
      adres: overlegtafel@voorbeeld.be
    operationeel-team:
      ritme: tweemaal-per-maand
      weken: [2, 4]
      weekdag: donderdag
      begin: "09:00"
      einde: "12:00"
      deadline: {dagen_voor: 7, tijd: "12:00"}
      adres: opvolging@voorbeeld.be
  vrije_dagen: []
leuven:
  tafels:
    operationeel-team:
      ritme: tweemaal-per-maand
      weken: [1, 3]
      weekdag: dinsdag
      begin: "09:00"
      einde: "12:00"
      deadline: {dagen_voor: 7, tijd: "12:00"}
      adres: agendering@voorbeeld.be
  vrije_dagen: []
"""


def dossier(**kw) -> dict:
    d = copy.deepcopy(BASIS)
    for k, v in kw.items():
        if v is None:
            d.pop(k, None)
        else:
            d[k] = v
    return d


def importeer(kc, tmp_path: Path, data: dict) -> str:
    bestand = tmp_path / f"import-{len(list(tmp_path.glob('import-*')))}.yaml"
    bestand.write_text(yaml.safe_dump(data, allow_unicode=True, sort_keys=False), encoding="utf-8")
    return _id_uit(kc.ok("dossier", "new", "--from", bestand, "--no-input").output)


def regio_instellingen(thuis: Path) -> None:
    pad = thuis / "config" / "regio.yaml"
    pad.parent.mkdir(parents=True, exist_ok=True)
    pad.write_text(REGIO_YAML, encoding="utf-8")


def laad(thuis: Path, did: str) -> dict:
    return yaml.safe_load(dossier_bestand(thuis, did).read_text(encoding="utf-8"))


def overzicht_rijen(kc, did: str, *extra: str) -> list[dict]:
    return [r for r in json.loads(kc.ok("overzicht", "--json", *extra).stdout) if r["dossier"] == did]


# == 7. the return date at the ronde tafel (annex G stap 3, guide L1796-1798) ====================


def test_weegploeg_outcome_without_return_date_says_how_to_add_it(kc, tmp_path, monkeypatch):
    did = importeer(kc, tmp_path, dossier(gezin="Terug – Datum"))
    kc.ok("agendeer", "weegploeg", did, "--soort", "gewijzigd", "--datum", "2026-12-01")
    monkeypatch.setenv("KETENCLI_NU", "2026-12-02T10:00")
    uit = kc.ok("agendeer", "uitkomst", did, "a1", "--status", "besproken", "--afspraak", "Plan goedgekeurd")
    assert "terugkomdatum: de weegploeg spreekt normaal af" in uit.output and "op de ronde tafel" in uit.output
    assert f"ketencli agendeer uitkomst {did} a1 --terugkoppeling" in uit.output
    # --json: the JSON on stdout stays valid, the note goes to stderr
    kc.ok("agendeer", "weegploeg", did, "--soort", "gewijzigd", "--datum", "2026-12-15")
    monkeypatch.setenv("KETENCLI_NU", "2026-12-16T10:00")
    uit = kc.ok("agendeer", "uitkomst", did, "a2", "--status", "besproken", "--json")
    assert json.loads(uit.stdout)["status"] == "besproken" and "--terugkoppeling" in uit.stderr
    # with the return date given, no such word
    kc.ok("agendeer", "weegploeg", did, "--soort", "gewijzigd", "--datum", "2026-12-29")
    monkeypatch.setenv("KETENCLI_NU", "2026-12-30T10:00")
    uit = kc.ok("agendeer", "uitkomst", did, "a3", "--afspraak", "Ok", "--terugkoppeling", "2027-03-04")
    assert "Nog geen terugkomdatum" not in uit.output


# == 8. the first weegploeg (D25, guide L770, L1714) ============================================


def _voorstel(kc, did: str) -> str:
    d = json.loads(kc.ok("agendeer", "weegploeg", did, "--soort", "pva", "--json").stdout)
    return d["zitting"]["begin"][:10]


def _weegploeg_zittingen(rijen: list[dict]) -> set[str]:
    return {r["datum"] for r in rijen if r["soort"] == "eerste-weegploeg"}


def test_first_weegploeg_moves_on_once_its_deadline_passed(kc, tmp_path, monkeypatch):
    """Casusregie since 15/09 (week 10 = 17-23/11): the session of 01/12 closes Monday 23/11 12:00
    (L868); at 13:00 both overzicht and agendeer propose 15/12."""
    did = importeer(kc, tmp_path, dossier(gezin="Week – Tien", casusregie_start="2026-09-15"))
    monkeypatch.setenv("KETENCLI_NU", "2026-11-23T10:00")
    assert _weegploeg_zittingen(overzicht_rijen(kc, did, "--weken", "12")) == {"2026-12-01"}
    monkeypatch.setenv("KETENCLI_NU", "2026-11-23T13:00")  # same day: the cached summary must not answer
    rijen = overzicht_rijen(kc, did, "--weken", "12")
    assert _weegploeg_zittingen(rijen) == {"2026-12-15"}
    assert not [r for r in rijen if r["datum"] == "2026-11-23" and r["soort"].startswith("deadline-")]
    assert _voorstel(kc, did) == "2026-12-15"


def test_first_weegploeg_is_in_week_ten_for_agendeer_and_overzicht(kc, tmp_path):
    """Casusregie since 16/11: week 10 is 18-24/01/2027, no session then; the next is 26/01/2027."""
    did = importeer(kc, tmp_path, dossier(gezin="Week – Twee", casusregie_start="2026-11-16"))
    assert _weegploeg_zittingen(overzicht_rijen(kc, did, "--weken", "12")) == {"2027-01-26"}
    assert _voorstel(kc, did) == "2027-01-26"


def test_an_earlier_session_with_datum_warns_about_week_ten(kc, tmp_path):
    did = importeer(kc, tmp_path, dossier(gezin="Week – Drie", casusregie_start="2026-11-16"))
    uit = kc.ok("agendeer", "weegploeg", did, "--soort", "pva", "--datum", "2026-12-01")
    assert "week 3 van de casusregie" in uit.output and "vanaf week 10" in uit.output
    assert "26/01/2027" in uit.output


# == 12. West-Vlaanderen and Leuven draft the first plan at the table (D26) =====================


@pytest.mark.parametrize(("regio", "tafel"), [("ifg-west-vlaanderen", "Casustafel Brugge"),
                                              ("leuven", "Operationeel team")])
def test_the_first_plan_goes_to_the_table_without_a_plan_where_the_table_drafts_it(kc, tmp_path, thuis, regio, tafel):
    """WVL folder L90-98 (risk assessment and plan drafted together at the overlegtafel), Leuven
    article L24 (the operationeel team draws up the plan): no plan yet never blocks the first plan."""
    regio_instellingen(thuis)
    did = importeer(kc, tmp_path, dossier(regio=regio, gezin="Tafel – Plan", casusregie_start="2026-11-02", pva=None))
    uit = kc.ok("agendeer", "weegploeg", did, "--soort", "pva")
    assert "BLOKKEREND" not in uit.output and "--toch" not in uit.output
    assert "stelt de tafel het eerste plan samen op" in uit.output
    assert laad(thuis, did)["agenderingen"][0]["tafel"] in ("overlegtafel", "operationeel-team")
    assert tafel in uit.output


def test_the_readiness_rule_follows_the_region_data_not_co3(kc, tmp_path, thuis):
    """CO3 brings a drafted plan (L770): without one it blocks; a region set to a week rule too."""
    did = importeer(kc, tmp_path, dossier(gezin="Zonder – Plan", pva=None))
    uit = kc("agendeer", "weegploeg", did, "--soort", "pva")
    assert uit.exit_code == 1 and "Er is nog geen plan van aanpak" in uit.output
    regio_instellingen(thuis)
    pad = thuis / "config" / "regio.yaml"
    pad.write_text(pad.read_text(encoding="utf-8").replace("  vrije_dagen: []\nleuven:",
                                                            "  vrije_dagen: []\n  eerste_plan_week: 10\nleuven:"),
                   encoding="utf-8")
    wvl = importeer(kc, tmp_path, dossier(regio="ifg-west-vlaanderen", gezin="Week – Regel", pva=None))
    uit = kc("agendeer", "weegploeg", wvl, "--soort", "pva")
    assert uit.exit_code == 1 and "Er is nog geen plan van aanpak" in uit.output


# == 14. Leuven: consent per member (D17, D31; Leuven article) ===================================


def _instemming_bevindingen(kc, did: str) -> list[dict]:
    uit = kc("pva", "check", did, "--json")
    return [b for b in json.loads(uit.stdout)["bevindingen"] if b["regel"] == "actie-zonder-instemming"]


def test_leuven_flags_a_plan_action_for_a_member_without_consent(kc, tmp_path, thuis):
    data = dossier(regio="leuven", gezin="Per – Lid")
    data["gezinsleden"][0].pop("instemming")  # Piet Aerts (m1) has an action in r1, no consent
    did = importeer(kc, tmp_path, data)
    bev = _instemming_bevindingen(kc, did)
    assert [(b["ernst"], b["betreft"][:6]) for b in bev] == [("waarschuwing", "rij r1")]
    assert "Piet Aerts (m1)" in bev[0]["melding"] and "niet ingestemd" in bev[0]["melding"]
    assert f"ketencli dossier instemming {did} m1" in bev[0]["wat_te_doen"]
    # the same family in Antwerp: consent of one adult is enough (L131-135), no such warning
    co3 = importeer(kc, tmp_path, {**data, "regio": "co3-antwerpen", "gezin": "Per – Gezin"})
    assert _instemming_bevindingen(kc, co3) == []


def test_a_refusal_is_recorded_as_such_and_flagged(kc, tmp_path, thuis):
    data = dossier(regio="leuven", gezin="Per – Weigering")
    data["gezinsleden"][0].pop("instemming")
    data["veiligheidsplan"].append({"lid": "m1", "afspraken": ["Geen contact na 22 uur"]})
    did = importeer(kc, tmp_path, data)
    uit = kc.ok("dossier", "instemming", did, "m1", "--weiger", "--datum", "2026-11-05")
    assert "Weigering van m1 geregistreerd op 05/11/2026" in uit.output
    m1 = laad(thuis, did)["gezinsleden"][0]
    assert m1["instemming"]["geweigerd"] == date(2026, 11, 5)
    assert "datum" not in m1["instemming"] or m1["instemming"]["datum"] is None
    assert not m1.get("tijdelijk_niet_betrokken")
    bev = _instemming_bevindingen(kc, did)
    assert {b["betreft"] for b in bev} >= {"veiligheidsplan"} and len(bev) == 2
    assert all("weigerde in te stemmen op 05/11/2026" in b["melding"] for b in bev)
    assert "geweigerd 05/11/2026" in kc.ok("dossier", "show", did).output
    # a refusal read back from a file, and refused combinations
    assert kc("dossier", "instemming", did, "m1", "--weiger", "--intrekken").exit_code == 2
    kc.ok("dossier", "instemming", did, "m1", "--datum", "2026-11-20")  # consent later: flag gone
    assert _instemming_bevindingen(kc, did) == []
    assert kc("dossier", "instemming", did, "m1", "--weiger").exit_code == 1  # consented: withdraw instead


def test_the_setting_instemming_per_lid_comes_from_the_region_data(kc, tmp_path, thuis):
    data = dossier(regio="ifg-west-vlaanderen", gezin="Per – Instelling")
    data["gezinsleden"][0].pop("instemming")
    did = importeer(kc, tmp_path, data)
    assert _instemming_bevindingen(kc, did) == []
    pad = thuis / "config" / "regio.yaml"
    pad.parent.mkdir(parents=True, exist_ok=True)
    pad.write_text("ifg-west-vlaanderen:\n  instemming_per_lid: true\n", encoding="utf-8")
    assert [b["ernst"] for b in _instemming_bevindingen(kc, did)] == ["waarschuwing"]
    assert "instemming_per_lid: true" in kc.ok("regio", "toon", "ifg-west-vlaanderen").output
    assert "instemming_per_lid: true" in kc.ok("regio", "toon", "leuven").output
    assert "instemming_per_lid: false" in kc.ok("regio", "toon", "co3-antwerpen").output


# == 15. opvolgen: running goals and actions are due items (guide L647) ========================


def test_goal_streefdatum_and_action_uiterlijk_are_due_until_closed(kc, tmp_path, thuis):
    """'Zorg dat je op de hoogte blijft van alle lopende acties' (L647): a goal's streefdatum and an
    action's planned end date show in overzicht, --json and .ics, te laat once past, until closed."""
    data = dossier(gezin="Opvolgen – Doelen")
    data["pva"]["doelstellingen"][0].update(streefdatum="2026-11-20", tekst="Vader volgt daderhulp.")
    did = importeer(kc, tmp_path, data)
    kc.ok("pva", "actie", "edit", did, "r1", "1", "--uiterlijk", "2026-12-04")
    assert laad(thuis, did)["pva"]["rijen"][0]["acties"][0]["uiterlijk"] == date(2026, 12, 4)
    assert "uiterlijk 04/12/2026" in kc.ok("pva", "show", did).output
    kc.ok("pva", "actie", "add", did, "r1", "--omschrijving", "Time-outtraining", "--begeleiding", "d1",
          "--uiterlijk", "2027-01-15")
    rijen = {r["soort"] + r["datum"]: r for r in overzicht_rijen(kc, did, "--weken", "10")}
    assert rijen["doel-streefdatum2026-11-20"]["urgentie"] == "te-laat"
    assert "doelstelling 1 van het plan van aanpak" in rijen["doel-streefdatum2026-11-20"]["omschrijving"]
    assert "Vader" not in json.dumps(list(rijen.values()))  # ids only (D4)
    assert rijen["actie-uiterlijk2026-12-04"]["urgentie"] == "volgende-week"
    assert "actie-uiterlijk2027-01-15" in rijen
    ics = tmp_path / "o.ics"
    kc.ok("overzicht", "--ics", ics)
    kalender = re.sub(r"\r?\n[ \t]", "", ics.read_bytes().decode("utf-8"))  # unfolded
    assert "DTSTART;VALUE=DATE:20261204" in kalender and "Actie 1 in rij 1 van het plan van aanpak" in kalender
    assert not re.search(r"\b[gr]\d+\b", " ".join(r["omschrijving"] for r in rijen.values()))  # no internal ids
    assert "DOEL" in kc.ok("overzicht").output.upper()
    # closed: a goal bereikt, an action afgerond or handed over
    kc.ok("pva", "doel", "edit", did, "g1", "--staat", "bereikt")
    kc.ok("pva", "actie", "edit", did, "r1", "1", "--stavaza", "afgerond")
    assert {r["soort"] for r in overzicht_rijen(kc, did, "--weken", "10")} & {"doel-streefdatum"} == set()
    over = [r for r in overzicht_rijen(kc, did, "--weken", "10") if r["soort"] == "actie-uiterlijk"]
    assert [r["datum"] for r in over] == ["2027-01-15"]
    pad = dossier_bestand(thuis, did)
    data = yaml.safe_load(pad.read_text(encoding="utf-8"))
    data["pva"]["rijen"][0]["acties"][1]["overgedragen_aan"] = "CGG"
    data["pva"]["doelstellingen"][0]["staat"] = "deels-bereikt"  # still running
    pad.write_text(yaml.safe_dump(data, allow_unicode=True, sort_keys=False), encoding="utf-8")
    assert {r["soort"] for r in overzicht_rijen(kc, did, "--weken", "10")} & {"doel-streefdatum", "actie-uiterlijk"} \
        == {"doel-streefdatum"}


# == Done when: the whole flow in each region, no --toch on the normal path =====================

AANMELDING = yaml.safe_load("""
schema_version: 1
fase: aanmelding
aanmelding:
  datum: 2026-09-01
  aanmelder: {organisatie: CAW Voorbeeld, persoon: An Aanmelder, contact: "03 000 00 00"}
  waarom_nu: Escalatie na een nieuw incident.
  geweld_bij_aanvang: Duwen en slaan.
  geweld_nu: Dreigementen.
  voornaamste_risicos: Escalatie.
  clienten_en_relaties: Een koppel.
  wensen_en_noden: Rust in huis.
  betrokken_diensten: CAW.
  veiligheidsplan: Nog geen.
  vragen_en_verwachtingen: Eén plan voor het hele gezin.
gezinsleden:
  - {id: m1, naam: Piet Aerts, rollen: [pleger], geboortedatum: 1980-01-01, relaties: [{met: m2, soort: partner}]}
  - {id: m2, naam: Els Boon, rollen: [slachtoffer], geboortedatum: 1982-02-02, relaties: [{met: m1, soort: partner}]}
betrokken_diensten:
  - {id: d1, soort: caw, naam: CAW Voorbeeld, contactpersoon: Tom Hulp, contact: "03 222 22 22", rol: begeleiding}
casusregisseur: {naam: Rita Regisseur, organisatie: CAW Voorbeeld, contact: "03 111 11 11"}
tijdlijn:
  - {datum: 2026-08-28, soort: incident, omschrijving: Duwen en slaan.}
""")

# per region: the pinned moments of the flow (each session's deadline still ahead when agendaed)
FLOW = {
    "co3-antwerpen": {"ico": "2026-09-07T10:00", "na_ico": "2026-09-18T14:00", "plan": "2026-11-16T10:00",
                      "na_plan": "2026-12-02T10:00", "terug": "2027-02-15T10:00", "na_terug": "2027-03-05T10:00",
                      "afronding": "2027-05-03T10:00", "na_afronding": "2027-05-26T10:00",
                      "afsluiting": "2027-11-22T10:00", "na_afsluiting": "2027-12-03T10:00"},
    "ifg-west-vlaanderen": {"ico": "2026-09-07T10:00", "na_ico": "2026-09-16T10:00", "plan": "2026-09-21T10:00",
                            "na_plan": "2026-10-07T10:00", "terug": "2027-02-15T10:00",
                            "na_terug": "2027-03-12T10:00", "afronding": "2027-05-03T10:00",
                            "na_afronding": "2027-05-19T10:00", "afsluiting": "2027-11-22T10:00",
                            "na_afsluiting": "2027-12-22T10:00"},
    "leuven": {"ico": "2026-09-07T10:00", "na_ico": "2026-09-16T10:00", "plan": "2026-09-21T10:00",
               "na_plan": "2026-10-07T10:00", "terug": "2027-02-15T10:00", "na_terug": "2027-03-12T10:00",
               "afronding": "2027-05-03T10:00", "na_afronding": "2027-05-19T10:00",
               "afsluiting": "2027-11-22T10:00", "na_afsluiting": "2027-12-22T10:00"},
}


def _laatste_agendering(thuis: Path, did: str) -> dict:
    return laad(thuis, did)["agenderingen"][-1]


def _na_zitting(kc, monkeypatch, thuis, did, **uitkomst) -> dict:
    """Moves the clock to the day after the last agendering's session and records its outcome."""
    a = _laatste_agendering(thuis, did)
    zitting = a["zitting"]
    dag = zitting.date() if hasattr(zitting, "date") else date.fromisoformat(str(zitting)[:10])
    monkeypatch.setenv("KETENCLI_NU", f"{date.fromordinal(dag.toordinal() + 1).isoformat()}T10:00")
    args = [x for k, v in uitkomst.items() for x in (f"--{k}", v)]
    kc.ok("agendeer", "uitkomst", did, a["id"], "--status", "besproken", *args)
    return a


def hele_flow(kc, tmp_path: Path, thuis: Path, monkeypatch, regio: str) -> tuple[str, list[str]]:
    """Aanmelding → intake → casusregie → plan → plan table → opvolgen → afronding → afsluiting, every
    step as a regisseur types it, none with --toch. Returns the dossier id and every output."""
    uit: list[str] = []
    t = FLOW[regio]

    def ok(*args: str) -> str:
        r = kc.ok(*args)
        assert "--toch" not in args
        uit.append(r.output)
        return r.output

    def nu(moment: str) -> None:
        monkeypatch.setenv("KETENCLI_NU", moment)

    nu(t["ico"])
    did = importeer(kc, tmp_path, {**copy.deepcopy(AANMELDING), "regio": regio, "gezin": f"Flow – {regio}"})
    ok("agendeer", "ico", did)                                            # aanmelding at the intake table
    nu(t["na_ico"])
    ok("dossier", "instemming", did, "m2", "--door", "casusregisseur")    # one adult consents (L131-135)
    ok("dossier", "instemming", did, "m1", "--door", "casusregisseur")
    ok("dossier", "ico", did, "--conclusie", "ketenaanpak-met-casusregie",
       "--advies", "Instroom met casusregie; veiligheidsplan opmaken.")
    assert laad(thuis, did)["fase"] == "casusregie"
    # the plan: kijkschema, a row with an action, a goal, the veiligheidsplan
    ks = tmp_path / f"ks-{regio}.yaml"
    ks.write_text("factoren:\n  - {factor: geweld-eerder, staat: aanwezig, bij_wie: [m1]}\n"
                  "  - {factor: geweld-escalatie, staat: aanwezig, bij_wie: [m1]}\n", encoding="utf-8")
    ok("kijkschema", "invullen", did, "--from", ks, "--no-input")
    ok("pva", "rij", "add", did, "--factor", "geweld-eerder", "--bij-wie", "m1", "--noden", "Boosheid beheersen.",
       "--aanpak", "Daderhulp.")
    ok("pva", "actie", "add", did, "r1", "--omschrijving", "Daderhulp volgen", "--begeleiding", "d1",
       "--plan-b", "Groepstraining", "--uiterlijk", "2027-03-31")
    ok("pva", "rij", "add", did, "--factor", "geweld-escalatie", "--bij-wie", "m1", "--noden", "Rust.",
       "--aanpak", "Time-out.")
    ok("pva", "actie", "add", did, "r2", "--omschrijving", "Time-outafspraken met zijn zus", "--begeleiding", "d1",
       "--plan-b", "Opvang bij de zus")
    ok("pva", "doel", "add", did, "--tekst", "Geen nieuw geweld.", "--bij-wie", "m1,m2", "--domein", "geweld",
       "--streefdatum", "2027-04-30")
    vp = tmp_path / f"vp-{regio}.yaml"
    vp.write_text("lid: m2\nveilige_plek: bij haar zus\nwaarschuwingssignalen: [roepen]\nwat_te_doen: [weggaan]\n",
                  encoding="utf-8")
    ok("stap", "veiligheidsplan", did, "--from", vp, "--no-input")
    nu(t["plan"])
    ok("agendeer", "weegploeg", did, "--soort", "pva")                    # the plan at the plan table
    _na_zitting(kc, monkeypatch, thuis, did, afspraak="Plan goedgekeurd", terugkoppeling="2027-03-01")
    # opvolgen: the return at the opvolging table
    nu(t["terug"])
    ok("agendeer", "rondetafel", did, "--terugkoppeling")
    _na_zitting(kc, monkeypatch, thuis, did, afspraak="Loopt goed")
    ok("overzicht", "--weken", "8")
    # afronding: fewer risk factors, actions done, goal reached, talks and evaluations (III.E)
    nu(t["afronding"])
    ks2 = tmp_path / f"ks2-{regio}.yaml"
    ks2.write_text("factoren:\n  - {factor: geweld-eerder, staat: aanwezig, bij_wie: [m1]}\n"
                   "  - {factor: geweld-escalatie, staat: niet-aanwezig}\n", encoding="utf-8")
    ok("kijkschema", "invullen", did, "--from", ks2, "--no-input")
    ok("pva", "actie", "edit", did, "r1", "1", "--stavaza", "afgerond")
    ok("pva", "actie", "edit", did, "r2", "1", "--stavaza", "afgerond")
    ok("pva", "doel", "edit", did, "g1", "--staat", "bereikt")
    ok("afronding", "slotgesprek", did, "--vervolghulp", "Het CAW blijft ambulant begeleiden.")
    ok("afronding", "partner", did, "--dienst", "d1", "--standpunt", "akkoord")
    ok("afronding", "evaluatie", did, "--lid", "m1", "--samenvatting", "tevreden")
    ok("afronding", "evaluatie", did, "--lid", "m2", "--samenvatting", "voelt zich veiliger")
    ok("afronding", "check", did)
    ok("agendeer", "weegploeg", did, "--soort", "afronding")
    _na_zitting(kc, monkeypatch, thuis, did, afspraak="Akkoord met de afronding")
    ok("afronding", "start", did)
    assert laad(thuis, did)["fase"] == "afgerond"
    # afsluiting six months later at the afsluiting table
    nu(t["afsluiting"])
    ok("agendeer", "rondetafel", did, "--afsluiting")
    a = _na_zitting(kc, monkeypatch, thuis, did, afspraak="Afgesloten")
    ok("afronding", "afsluiten", did, "--geen-nieuwe-feiten", "--vervolghulp-gestart",
       "--datum", str(a["zitting"])[:10])
    assert laad(thuis, did)["fase"] == "afgesloten"
    return did, uit


@pytest.mark.parametrize("regio", list(FLOW))
def test_the_whole_flow_runs_in_each_region_without_toch(kc, tmp_path, thuis, monkeypatch, regio):
    """The six process steps (README; guide I-III) on a family of its own per region, pinned dates."""
    regio_instellingen(thuis)
    did, uit = hele_flow(kc, tmp_path, thuis, monkeypatch, regio)
    d = laad(thuis, did)
    tafels = {a["tafel"] for a in d["agenderingen"]}
    verwacht = {"co3-antwerpen": {"ico", "weegploeg", "rondetafel"},
                "ifg-west-vlaanderen": {"overlegtafel", "operationeel-team"},
                "leuven": {"operationeel-team"}}[regio]
    assert tafels == verwacht
    assert [a["status"] for a in d["agenderingen"]][1:] == ["besproken"] * (len(d["agenderingen"]) - 1)
    assert not any("ondanks" in a.get("notitie", "") for a in d["agenderingen"])
    if regio in ANDERE_REGIO:  # every output of the flow in the region's own words (D30)
        vreemd = [x for tekst in uit for x in _vreemde_woorden(regio, tekst[:60], tekst)]
        assert not vreemd, vreemd


# == Done when: region words (D30) in every user-facing text of a WVL and a Leuven dossier ========

# CO3's own tables, organisation and roles (D30): never in another region's texts
CO3_WOORDEN = re.compile(r"\bCO3\b|\bICO\b|(?i:weegploeg|ronde[ -]?tafel|criminoloog|verkennend casusoverleg)")
ANDERE_REGIO = {"ifg-west-vlaanderen": re.compile(r"Leuven"),
                "leuven": re.compile(r"West-Vlaanderen|Brugge|Overlegtafel")}


def _proza(tekst: str) -> str:
    """Without commands (`…`, ketencli …), file paths and kebab-case keys: those are not words a user reads
    as the region's (``agendeer weegploeg`` is the command's name in every region)."""
    tekst = re.sub(r"`[^`]*`", " ", tekst)
    tekst = re.sub(r"ketencli(\s+(--?[\w-]+|[a-z0-9][\w./-]*|[A-Z]{2,}|\"[^\"]*\"|'[^']*'|\.\.\.))+", " ", tekst)
    tekst = re.sub(r"\S*/\S+", " ", tekst)  # paths
    return re.sub(r"\b[a-z0-9]+(?:[-_][a-z0-9]+)+\b", " ", tekst)


def _docx_tekst(pad: Path) -> str:
    import docx

    document = docx.Document(str(pad))
    delen = [p.text for p in document.paragraphs]
    for tabel in document.tables:
        for rij in tabel.rows:
            delen += [c.text for c in rij.cells]
    for sectie in document.sections:
        delen += [p.text for p in sectie.header.paragraphs] + [p.text for p in sectie.footer.paragraphs]
    return "\n".join(delen)


def _vreemde_woorden(regio: str, waar: str, tekst: str) -> list[str]:
    proza = _proza(tekst)
    gevonden = {m.group(0) for patroon in (CO3_WOORDEN, ANDERE_REGIO[regio]) for m in patroon.finditer(proza)}
    return [f"{waar}: {w}" for w in sorted(gevonden)]


@pytest.mark.parametrize(("regio", "gevangenis"), [("ifg-west-vlaanderen", "brugge"), ("leuven", "turnhout")])
def test_every_text_of_a_dossier_speaks_its_regions_words(kc, tmp_path, thuis, monkeypatch, regio, gevangenis):
    """D30: stap, overzicht --json, the .ics and every document kind of a West-Vlaanderen and a Leuven
    dossier name no other region's tables or organisation (and a table name set in regio.yaml wins)."""
    from ketencli import documenten

    regio_instellingen(thuis)
    data = dossier(regio=regio, gezin="Woorden – Regio", casusregie_start="2026-11-02", pva=None)
    data["gezinsleden"][0]["detentie"] = {"gevangenis": gevangenis, "soort": "voorlopige-hechtenis",
                                          "sinds": "2026-11-01"}
    data["betrokken_diensten"] += [
        {"id": "d2", "soort": "psd", "naam": "PSD gevangenis", "contact": "psd@voorbeeld.be"},
        {"id": "d3", "soort": "jww", "naam": "JWW", "contact": "jww@voorbeeld.be"},
        {"id": "d4", "soort": "justitiehuis", "naam": "Justitiehuis", "contact": "jh@voorbeeld.be"}]
    did = importeer(kc, tmp_path, data)
    teksten: list[tuple[str, str]] = []
    teksten.append(("stap --json", kc.ok("stap", "toon", did, "--json", "--alles").stdout))
    teksten.append(("stap", kc.ok("stap", did, "--alles").output))
    teksten.append(("stap bijlage-d", kc("stap", did, "bijlage-d", "--no-input").output))
    teksten.append(("dossier show", kc.ok("dossier", "show", did).output))
    teksten.append(("agendeer", kc.ok("agendeer", "weegploeg", did, "--soort", "pva").output))
    teksten.append(("overzicht --json", json.dumps(overzicht_rijen(kc, did, "--weken", "12"), ensure_ascii=False)))
    teksten.append(("overzicht", "\n".join(line for line in kc.ok("overzicht", "--weken", "12").output.splitlines()
                                           if did in line)))
    ics = tmp_path / "woorden.ics"
    kc.ok("overzicht", "--ics", ics)
    kalender = re.sub(r"\r?\n[ \t]", "", ics.read_bytes().decode("utf-8"))
    teksten.append((".ics", "\n".join(v for v in re.findall(r"BEGIN:VEVENT.*?END:VEVENT", kalender, re.S)
                                      if did in v)))
    gemaakt = []
    for soort in documenten.SOORTEN:
        pad = tmp_path / f"{soort}.docx"
        r = kc("doc", did, soort, "--uit", pad)
        teksten.append((f"doc {soort}", r.output + (_docx_tekst(pad) if r.exit_code == 0 else "")))
        if r.exit_code == 0:
            gemaakt.append(soort)
        else:  # annex D: the letter is only for a Kempen prison (L1579), Brugge gets the mail
            assert (soort, gevangenis) == ("brief-gedetineerde", "brugge"), (soort, r.output)
    assert len(gemaakt) >= len(documenten.SOORTEN) - 1 >= 9
    vreemd = [x for waar, tekst in teksten for x in _vreemde_woorden(regio, waar, tekst)]
    assert not vreemd, vreemd
    alles = "\n".join(t for _, t in teksten)
    assert not re.search(r"\{(organisatie|intake|plan|opvolging|afsluiting|tafels|parket_contact)\}", alles)
    if regio == "ifg-west-vlaanderen":  # the name set in regio.yaml, in every place it names the table
        assert "Casustafel Brugge" in dict(teksten)["overzicht --json"] and "Casustafel Brugge" in dict(teksten)[".ics"]
        assert "Casustafel Brugge" in dict(teksten)["stap --json"]


def test_co3_keeps_its_own_words(kc, tmp_path):
    """The CO3 wording is CO3's data (D30): the guide's words in an Antwerp dossier."""
    did = importeer(kc, tmp_path, dossier(gezin="Woorden – Antwerpen"))
    teksten = [i["tekst"] for c in json.loads(kc.ok("stap", "toon", did, "--json", "--alles").stdout)["checklists"]
               for i in c["items"]]
    assert "Stel CO3 en de doelen van de ketenaanpak voor." in teksten
    assert "Bespreek het plan van aanpak op de weegploeg." in teksten
    assert "Laat de ronde tafel het dossier afsluiten zes maanden na de afronding." in teksten
