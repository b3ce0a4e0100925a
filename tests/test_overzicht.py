"""`ketencli overzicht` (table, --json, --ics, --weken) and `ketencli regio toon`, through the CLI."""

from __future__ import annotations

import json
import os
import re
import stat
import subprocess
import sys
from datetime import date, datetime
from zoneinfo import ZoneInfo

import pytest

from ketencli import model, store
from tests.conftest import dossier_bestand

TZ = ZoneInfo("Europe/Brussels")
NAMEN = ("palmeneire", "vercammen", "noor")


def agendeer(dossier_id: str, **velden) -> None:
    with store.wijzig(dossier_id) as d:
        d.agenderingen.append(model.Agendering(id=d.volgend_agendering_id(), **velden))


def test_overzicht_tabel_dringendste_eerst_zonder_namen(kc, palmeneire, westvl):
    agendeer(palmeneire, tafel="rondetafel", rol="opvolging", soort="rondetafel",
             zitting=datetime(2026, 11, 26, 9, 15), deadline=datetime(2026, 11, 20, 12), status="voorbereid")
    uit = kc.ok("overzicht").output
    assert uit.index("TE LAAT") < uit.index("DEZE WEEK") < uit.index("VOLGENDE WEEK")
    assert "vr 20/11/2026 12:00" in uit and "Deadline agendering Ronde Tafel" in uit
    assert "ma 23/11/2026 12:00" in uit and "di 01/12/2026 13:00" in uit
    assert palmeneire in uit and "Weegploeg" in uit
    assert not any(naam in uit.lower() for naam in NAMEN)
    # West-Vlaanderen drafts the plan at the overlegtafel (D26): a dossier in casusregie without a plan
    # is late since the start of casusregie (2 November), not due in week 10
    te_laat = uit[uit.index("TE LAAT"):uit.index("DEZE WEEK")]
    assert westvl in te_laat and "ma 02/11/2026" in te_laat and "Eerste plan van aanpak op de Overlegtafel" in te_laat
    # the deadline of a1 passed and its mail is not noted as sent: the overview says how
    assert f"ketencli agendeer uitkomst {palmeneire} a1 --status ingediend" in " ".join(uit.split())
    # the tussentijdse evaluatie (July 2027) lies further
    assert "Tussentijdse evaluatie" not in uit
    verder = kc.ok("overzicht", "--weken", "40").output
    assert "LATER" in verder and "Tussentijdse evaluatie" in verder


def test_overzicht_json_is_een_lijst_van_objecten(kc, palmeneire):
    uit = kc.ok("overzicht", "--json").stdout
    rijen = json.loads(uit)
    assert [(r["urgentie"], r["soort"], r["datum"], r["tijd"]) for r in rijen] == [
        ("deze-week", "deadline-weegploeg", "2026-11-23", "12:00"),
        ("volgende-week", "eerste-weegploeg", "2026-12-01", "13:00"),
    ]
    assert {r["dossier"] for r in rijen} == {palmeneire} and rijen[0]["tafel_naam"] == "Weegploeg"
    assert not any(naam in uit.lower() for naam in NAMEN)


def test_overzicht_na_de_deadline_van_vandaag(kc, palmeneire, monkeypatch):
    monkeypatch.setenv("KETENCLI_NU", "2026-11-24T09:00")
    rijen = json.loads(kc.ok("overzicht", "--json").stdout)
    # the deadline of 1 December passed yesterday: the first weegploeg moves to 15 December
    assert [(r["soort"], r["datum"]) for r in rijen] == [("voorbereiding-weegploeg", "2026-12-01")]
    rijen = json.loads(kc.ok("overzicht", "--json", "--weken", "4").stdout)
    assert [(r["soort"], r["datum"]) for r in rijen] == [
        ("voorbereiding-weegploeg", "2026-12-01"), ("deadline-weegploeg", "2026-12-07"),
        ("eerste-weegploeg", "2026-12-15")]


def test_overzicht_zonder_dossiers_en_met_een_kapot_dossier(kc, palmeneire, thuis):
    dossier_bestand(thuis, palmeneire).write_text("id: [kapot\n", encoding="utf-8")
    res = kc.ok("overzicht")
    assert "Niets te laat" in res.stdout
    assert palmeneire in res.stderr and "kan niet gelezen worden" in res.stderr


def test_afgesloten_dossier_heeft_geen_vervaldata(kc, palmeneire):
    with store.wijzig(palmeneire) as d:
        d.fase = "afgesloten"
    assert json.loads(kc.ok("overzicht", "--json", "--weken", "104").stdout) == []


def test_ics_met_lokale_tijden_en_zonder_namen(kc, palmeneire, thuis, tmp_path):
    import icalendar

    agendeer(palmeneire, tafel="rondetafel", rol="opvolging", soort="rondetafel",
             zitting=datetime(2027, 4, 1, 9, 15), deadline=datetime(2027, 3, 26, 12), status="voorbereid")
    with store.wijzig(palmeneire) as d:
        d.betrokken_diensten.append(model.BetrokkenDienst(id="d99", soort="ocj-sdj", naam="OCJ"))
    pad = tmp_path / "agenda.ics"
    uit = kc.ok("overzicht", "--ics", str(pad)).output
    assert "Agendabestand geschreven" in uit
    ruw = pad.read_bytes()
    assert not any(naam.encode() in ruw.lower() for naam in NAMEN)
    if os.name == "posix":
        assert stat.S_IMODE(pad.stat().st_mode) == 0o600
    cal = icalendar.Calendar.from_ical(ruw)
    events = {str(e["SUMMARY"]): e for e in cal.walk("VEVENT")}
    assert all(s.startswith(palmeneire + ": ") for s in events)
    wp = next(e for s, e in events.items() if "Eerste Weegploeg" in s)
    begin = wp.decoded("DTSTART")
    assert begin == datetime(2026, 12, 1, 13, tzinfo=TZ) and str(begin.tzinfo) == "Europe/Brussels"
    assert wp.decoded("DTEND") == datetime(2026, 12, 1, 16, tzinfo=TZ)
    # after the change to summer time the hour stays local: 9:15 CEST is 7:15 UTC
    rt = next(e for s, e in events.items() if s.startswith(f"{palmeneire}: Zitting Ronde Tafel"))
    assert rt.decoded("DTSTART").astimezone(ZoneInfo("UTC")).hour == 7
    deadline = next(e for s, e in events.items() if "Deadline agendering Ronde Tafel" in s)
    assert deadline.decoded("DTSTART") == datetime(2027, 3, 26, 12, tzinfo=TZ)
    # a due item at a table is its session (D24, D25): the interim evaluation is the Ronde Tafel of
    # Thursday 8 July 2027 (ten months after 7 September), with the agendering deadline Friday 2 July 12:00
    evaluatie = next(e for s, e in events.items() if "Tussentijdse evaluatie" in s)
    assert evaluatie.decoded("DTSTART") == datetime(2027, 7, 8, 9, 15, tzinfo=TZ)
    assert evaluatie.decoded("DTEND") == datetime(2027, 7, 8, 12, tzinfo=TZ)
    assert next(e for s, e in events.items() if "tussentijdse evaluatie (vrijdag 12:00)" in s).decoded(
        "DTSTART") == datetime(2027, 7, 2, 12, tzinfo=TZ)
    # a due item without an hour is an all-day event
    afstemming = next(e for s, e in events.items() if "Afstemming met de consulent" in s)
    assert afstemming.decoded("DTSTART") == date(2026, 12, 7)
    assert cal.walk("VTIMEZONE") and str(cal.walk("VTIMEZONE")[0]["TZID"]) == "Europe/Brussels"
    # the same export again gives the same UIDs (a calendar app updates instead of duplicating)
    kc.ok("overzicht", "--ics", str(pad))
    assert {str(e["UID"]) for e in icalendar.Calendar.from_ical(pad.read_bytes()).walk("VEVENT")} == {
        str(e["UID"]) for e in events.values()}


def test_ics_in_een_map_die_niet_bestaat(kc, palmeneire, tmp_path):
    res = kc("overzicht", "--ics", str(tmp_path / "nergens" / "a.ics"))
    assert res.exit_code == 1 and "bestaat niet" in res.output and "Traceback" not in res.output


@pytest.mark.parametrize("hoe", ["map", "leeg", "niet-schrijfbaar"])
def test_ics_naar_een_map_of_onschrijfbaar_in_het_nederlands(kc, palmeneire, tmp_path, monkeypatch, hoe):
    from ketencli import paden

    pad = {"map": str(tmp_path), "leeg": "", "niet-schrijfbaar": str(tmp_path / "a.ics")}[hoe]
    if hoe == "niet-schrijfbaar":
        def weigert(doel, inhoud):
            raise PermissionError(13, "Permission denied", str(doel))

        monkeypatch.setattr(paden, "schrijf_atomisch", weigert)
    res = kc("overzicht", "--ics", pad)
    assert res.exit_code == 1, res.output
    assert "--ics" in res.stderr or "niet geschreven" in res.stderr
    for engels in ("is a directory", "Permission denied", "file '", "Traceback"):
        assert engels not in res.output


def test_titel_in_enkelvoud_bij_een_dossier(kc, palmeneire):
    titel = kc.ok("overzicht").stdout.splitlines()[0]
    assert " in 1 dossier" in titel and "1 dossiers" not in titel


def test_fout_in_regio_instellingen_wordt_gemeld(kc, palmeneire):
    pad = store.regio_instellingen_pad()
    pad.parent.mkdir(parents=True, exist_ok=True)
    pad.write_text("co3-antwerpen:\n  tafels:\n    weegploeg:\n      begin: '31:00'\n", encoding="utf-8")
    res = kc.ok("overzicht")
    assert "regio-instellingen bevatten een fout" in res.stderr and "regel 4" in res.stderr


def test_regio_toon(kc):
    uit = kc.ok("regio", "toon", "co3-antwerpen").output
    assert "Weegploeg" in uit and "13:00–16:00" in uit and "CO3@antwerpen.be" in uit
    assert "maandag 12:00 van de week ervoor" in uit and "aanpasbaar" in uit
    assert "dinsdag 1 december 2026 13:00" in uit and "regio.yaml" in uit
    wvl = kc.ok("regio", "toon", "ifg-west-vlaanderen").output
    assert "Overlegtafel" in wvl and "in te stellen" in wvl and "tafels.overlegtafel.adres" in wvl
    res = kc("regio", "toon", "gent")
    assert res.exit_code == 1 and "Onbekende regio" in res.output


def test_regio_toon_zegt_wanneer_het_eerste_plan_komt(kc):
    """D25/D26: week 10 is CO3's rule; Leuven and West-Vlaanderen draft the plan at their table."""
    co3 = kc.ok("regio", "toon", "co3-antwerpen", "--zittingen", "0").output
    assert "op de Weegploeg vanaf week 10 van de casusregie" in " ".join(co3.split())
    leuven = " ".join(kc.ok("regio", "toon", "leuven", "--zittingen", "0").output.split())
    assert "samen opgesteld op het Operationeel team, zo snel mogelijk" in leuven and "week 10" not in leuven


def test_regio_toon_help_zonder_dubbele_haken_of_typelabels(kc):
    uit = kc.ok("regio", "toon", "--help").output
    assert "[REGIO]" in uit and "[[REGIO]]" not in uit and "<int" not in uit


def test_warm_pad_laadt_geen_pydantic_model_holidays_of_yaml(kc, palmeneire, thuis):
    """The second `overzicht --json` reads the cache only (the acceptance check times it)."""
    omgeving = {**os.environ, "KETENCLI_HOME": str(thuis)}
    subprocess.run([sys.executable, "-m", "ketencli", "overzicht", "--json"], env=omgeving, check=True,
                   capture_output=True)
    code = ("import sys\nsys.argv=['ketencli','overzicht','--json']\nfrom ketencli import start\n"
            "try:\n    start.main()\nexcept SystemExit:\n    pass\n"
            "zwaar = ('pydantic', 'holidays', 'yaml', 'ketencli.model', 'ketencli.store', 'icalendar')\n"
            "print(sorted(m for m in zwaar if m in sys.modules), file=sys.stderr)")
    res = subprocess.run([sys.executable, "-c", code], env=omgeving, capture_output=True, text=True, check=True)
    assert json.loads(res.stdout)
    assert res.stderr.strip().splitlines()[-1] == "[]"


@pytest.mark.parametrize("optie", ["--weken=0", "--weken=x"])
def test_ongeldige_weken_is_een_gebruiksfout(kc, optie):
    assert kc("overzicht", optie).exit_code == 2


def test_ics_gebruikt_de_uren_uit_de_regio_instellingen(kc, tmp_path):
    import icalendar

    pad = store.regio_instellingen_pad()
    pad.parent.mkdir(parents=True, exist_ok=True)
    pad.write_text("leuven:\n  tafels:\n    operationeel-team:\n      weekdag: dinsdag\n      weken: [1, 3]\n"
                   "      begin: '09:00'\n      einde: '11:30'\n", encoding="utf-8")
    uit = kc.ok("dossier", "new", "--regio", "leuven", "--gezin", "Test", "--no-input")
    dossier_id = uit.output.split("Dossier ")[1].split(" ")[0]
    with store.wijzig(dossier_id) as d:
        d.fase = "casusregie"
        d.casusregie_start = date(2026, 10, 31)
    kc.ok("overzicht", "--ics", str(tmp_path / "a.ics"))
    cal = icalendar.Calendar.from_ical((tmp_path / "a.ics").read_bytes())
    # Leuven's team drafts the plan (D26): the first session still ahead, until the team's end hour
    eerste = next(e for e in cal.walk("VEVENT") if "Eerste plan van aanpak op het Operationeel team"
                  in str(e["SUMMARY"]))
    assert eerste.decoded("DTSTART") == datetime(2026, 12, 1, 9, tzinfo=TZ)
    assert eerste.decoded("DTEND") == datetime(2026, 12, 1, 11, 30, tzinfo=TZ)


def test_gewijzigde_regio_instellingen_veranderen_het_overzicht(kc, palmeneire):
    eerst = json.loads(kc.ok("overzicht", "--json").stdout)
    assert ("eerste-weegploeg", "2026-12-01") in [(r["soort"], r["datum"]) for r in eerst]
    pad = store.regio_instellingen_pad()
    pad.parent.mkdir(parents=True, exist_ok=True)
    pad.write_text("co3-antwerpen:\n  tafels:\n    weegploeg:\n      referentiedatum: 2026-01-06\n", encoding="utf-8")
    daarna = json.loads(kc.ok("overzicht", "--json").stdout)
    assert [(r["soort"], r["datum"]) for r in daarna] == [("voorbereiding-weegploeg", "2026-11-24"),
                                                          ("deadline-weegploeg", "2026-11-30")]
    toon = kc.ok("regio", "toon", "co3-antwerpen").output
    assert "referentiedatum 2026-01-06" in toon and "aanpasbaar" not in toon and "(bestaat)" in toon


def test_regio_toon_voorbeeld_is_in_een_keer_bruikbaar(kc):
    """The suggested snippet for West-Vlaanderen, pasted as is, leaves no table setting missing."""
    uit = kc.ok("regio", "toon", "ifg-west-vlaanderen").stdout
    voorbeeld = uit.split("bijvoorbeeld:\n", 1)[1].split("\nJe instellingen", 1)[0]
    pad = store.regio_instellingen_pad()
    pad.parent.mkdir(parents=True, exist_ok=True)
    pad.write_text(voorbeeld + "\n", encoding="utf-8")
    opnieuw = kc.ok("regio", "toon", "ifg-west-vlaanderen").stdout
    nog = opnieuw.split("Nog in te stellen", 1)
    assert len(nog) == 1 or "tafels." not in nog[1], opnieuw


# -- the calendar survives every client (issue 14 §4, D33) ------------------------------------------------

CODE = r"\(agendering a\d+|\b[amdrg]\d+\b|\b(?!e-mail\b)[a-z]{2,}(?:-[a-z0-9]{2,})+\b"


def _events(pad) -> list:
    import icalendar

    return list(icalendar.Calendar.from_ical(pad.read_bytes()).walk("VEVENT"))


def test_een_verschoven_zitting_is_na_een_nieuwe_export_een_afspraak(kc, palmeneire, tmp_path):
    """D33: the first weegploeg moves from 1/12 to 15/12 when casusregie starts two weeks later; a
    calendar that imports both exports (it updates by UID) holds one session, with a higher SEQUENCE."""
    voor, na = tmp_path / "voor.ics", tmp_path / "na.ics"
    kc.ok("overzicht", "--ics", voor)
    with store.wijzig(palmeneire) as d:
        d.casusregie_start = date(2026, 10, 13)
    kc.ok("overzicht", "--ics", na)
    oud, nieuw = {str(e["UID"]): e for e in _events(voor)}, {str(e["UID"]): e for e in _events(na)}
    agenda = {**oud, **nieuw}
    sessies = [e for e in agenda.values() if "Eerste Weegploeg" in str(e["SUMMARY"])
               and str(e.get("STATUS", "")) != "CANCELLED"]
    assert [e.decoded("DTSTART").date() for e in sessies] == [date(2026, 12, 15)]
    uid = str(sessies[0]["UID"])
    assert uid in oud and oud[uid].decoded("DTSTART").date() == date(2026, 12, 1)
    assert int(nieuw[uid]["SEQUENCE"]) > int(oud[uid]["SEQUENCE"])
    # every item of the first export is in the second: updated, the same, or cancelled
    assert set(oud) <= set(nieuw)


def test_wat_verdween_wordt_geannuleerd_zolang_de_export_de_oude_datum_dekt(kc, palmeneire, tmp_path):
    agendeer(palmeneire, tafel="rondetafel", rol="opvolging", soort="rondetafel",
             zitting=datetime(2027, 4, 1, 9, 15), deadline=datetime(2027, 3, 26, 12), status="voorbereid")
    kc.ok("overzicht", "--ics", tmp_path / "a.ics")
    zitting = next(e for e in _events(tmp_path / "a.ics") if "Zitting Ronde Tafel" in str(e["SUMMARY"]))
    with store.wijzig(palmeneire) as d:
        d.agenderingen[-1].status = "geannuleerd"
    for keer in ("b", "c"):  # cancelled again in the next export, with the same SEQUENCE
        kc.ok("overzicht", "--ics", tmp_path / f"{keer}.ics")
        weg = next(e for e in _events(tmp_path / f"{keer}.ics") if str(e["UID"]) == str(zitting["UID"]))
        assert str(weg["STATUS"]) == "CANCELLED" and int(weg["SEQUENCE"]) == int(zitting["SEQUENCE"]) + 1
    # once its old date is past, the cancellation is no longer exported
    res = subprocess.run([sys.executable, "-m", "ketencli", "overzicht", "--ics", str(tmp_path / "d.ics")],
                         env={**os.environ, "KETENCLI_NU": "2027-04-02T10:00"}, capture_output=True, text=True)
    assert res.returncode == 0, res.stderr
    assert str(zitting["UID"]) not in {str(e["UID"]) for e in _events(tmp_path / "d.ics")}


def test_ico_deadline_is_de_hele_donderdag_en_geen_interne_codes(kc, tmp_path):
    """The ICO deadline is Thursday 23:59 (D24, L412-419): not a quarter of an hour running past
    midnight, but that day with the hour in words. Calendar and overzicht texts carry no codes."""
    import yaml

    bestand = tmp_path / "ico.yaml"
    bestand.write_text(yaml.safe_dump({
        "schema_version": 1, "regio": "co3-antwerpen", "fase": "aanmelding", "gezin": "Ooms",
        "aanmelding": {"datum": "2026-11-18", "aanmelder": {"organisatie": "Politie"}},
        "gezinsleden": [{"id": "m1", "naam": "Bart", "rollen": ["pleger"]},
                        {"id": "m2", "naam": "Ines", "rollen": ["slachtoffer"]}]}), encoding="utf-8")
    kc.ok("dossier", "new", "--from", bestand, "--no-input")
    kc.ok("agendeer", "ico", "2026-001")
    pad = tmp_path / "a.ics"
    kc.ok("overzicht", "--ics", pad)
    deadline = next(e for e in _events(pad) if "Deadline" in str(e["SUMMARY"]))
    assert deadline.decoded("DTSTART") == date(2026, 11, 26) and deadline.decoded("DTEND") == date(2026, 11, 27)
    assert "tot 23.59 uur" in str(deadline["SUMMARY"])
    for e in _events(pad):
        if isinstance(e.decoded("DTSTART"), datetime):
            assert e.decoded("DTEND").date() == e.decoded("DTSTART").date(), str(e["SUMMARY"])
        for veld in ("SUMMARY", "DESCRIPTION", "LOCATION"):
            assert not re.findall(CODE, str(e.get(veld, ""))), (veld, str(e.get(veld, "")))
    uit = kc.ok("overzicht", "--weken", "104").stdout
    assert "Deadline" in uit and not re.findall(CODE, uit)


def test_vtimezone_in_jaarlijkse_regels_zomer_en_winter(kc, palmeneire, tmp_path):
    """RFC 5545 §3.6.5: Europe/Brussels as yearly RRULEs (not dates for 1970-2038), so Outlook desktop
    places an April session in summer time and a November one in winter time."""
    import icalendar

    agendeer(palmeneire, tafel="weegploeg", rol="plan", soort="gewijzigd", zitting=datetime(2027, 4, 20, 13),
             deadline=datetime(2027, 4, 12, 12), status="voorbereid")
    agendeer(palmeneire, tafel="rondetafel", rol="opvolging", soort="rondetafel",
             zitting=datetime(2027, 11, 18, 9, 15), deadline=datetime(2027, 11, 12, 12), status="voorbereid")
    pad = tmp_path / "a.ics"
    kc.ok("overzicht", "--ics", pad)
    ruw = pad.read_bytes().decode()
    assert "RDATE" not in ruw and ruw.count("RRULE:FREQ=YEARLY;BYMONTH=") == 2
    tz = icalendar.Calendar.from_ical(pad.read_bytes()).walk("VTIMEZONE")[0].to_tz()
    for dag, uur in ((datetime(2027, 4, 20, 13), 2), (datetime(2027, 11, 18, 9, 15), 1)):
        sessie = next(e for e in _events(pad) if e.decoded("DTSTART") == dag.replace(tzinfo=TZ))
        assert "TZID=Europe/Brussels" in sessie.to_ical().decode()
        assert dag.replace(tzinfo=tz).utcoffset().total_seconds() == uur * 3600


def test_een_kortere_export_annuleert_niets_buiten_haar_horizon(kc, palmeneire, tmp_path):
    """A full export, then one of two weeks: what lies beyond those two weeks still exists and is
    neither cancelled nor forgotten; the next full export has it, unchanged (D33)."""
    kc.ok("overzicht", "--ics", tmp_path / "alles.ics")
    kc.ok("overzicht", "--ics", tmp_path / "kort.ics", "--weken", "2")
    assert not [e for e in _events(tmp_path / "kort.ics") if str(e.get("STATUS", "")) == "CANCELLED"]
    alles = {str(e["UID"]): int(e["SEQUENCE"]) for e in _events(tmp_path / "alles.ics")}
    kc.ok("overzicht", "--ics", tmp_path / "weer.ics")
    assert {str(e["UID"]): int(e["SEQUENCE"]) for e in _events(tmp_path / "weer.ics")} == alles


def test_fout_in_regio_instellingen_bij_dossier_list(kc, palmeneire):
    """`dossier list` warns about a regio.yaml error as `overzicht` does (file, line, what to do) and still
    shows the due items that do not depend on the settings: a stored agendering's deadline. A listing that
    warned is not kept (issue 19's kept text never hides the warning)."""
    kc.ok("agendeer", "weegploeg", palmeneire)
    deadline = store.laad(palmeneire).agenderingen[0].deadline
    pad = store.regio_instellingen_pad()
    pad.parent.mkdir(parents=True, exist_ok=True)
    pad.write_text("leuven:\n  tafels:\n    operationeel-team:\n      weekdag: dinsdg\n", encoding="utf-8")
    for _ in range(2):  # the second time too: nothing kept that skips the warning
        res = kc.ok("dossier", "list")
        assert "regio-instellingen bevatten een fout" in res.stderr
        assert f"{pad}, regel 4" in res.stderr.replace("\n", "") and "kies uit" in res.stderr
        assert f"{deadline:%d/%m/%Y}" in res.stdout and "Deadline agendering" in res.stdout
    pad.write_text("leuven:\n  tafels:\n    operationeel-team:\n      weekdag: dinsdag\n", encoding="utf-8")
    res = kc.ok("dossier", "list")
    assert "regio-instellingen" not in res.stderr and f"{deadline:%d/%m/%Y}" in res.stdout
