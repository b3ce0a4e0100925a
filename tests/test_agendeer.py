"""`ketencli agendeer`: session choice, readiness, the document, the .eml draft, the record, lijst, uitkomst."""

from __future__ import annotations

import email
import email.policy
import json
from datetime import datetime, timedelta
from pathlib import Path

import pytest
import yaml

from ketencli import concept, klok, planning, store
from tests.conftest import dossier_bestand

NAMEN = ("palmeneire", "vercammen", "malik", "sofie", "noor")


def _json(kc, *args):
    return json.loads(kc.ok(*args).stdout)


def _lees_eml(pad: Path):
    with open(pad, "rb") as f:
        return email.message_from_binary_file(f, policy=email.policy.default)


def _bestanden(home: Path, dossier_id: str) -> list[str]:
    map_ = home / "dossiers" / dossier_id / "documenten"
    return sorted(p.name for p in map_.iterdir()) if map_.is_dir() else []


def _wijzig_bestand(home: Path, dossier_id: str, wijziging) -> None:
    pad = dossier_bestand(home, dossier_id)
    data = yaml.safe_load(pad.read_text(encoding="utf-8"))
    wijziging(data)
    pad.write_text(yaml.safe_dump(data, allow_unicode=True, sort_keys=False), encoding="utf-8")


def _regio_instellingen(home: Path, tekst: str) -> None:
    pad = home / "config" / "regio.yaml"
    pad.parent.mkdir(parents=True, exist_ok=True)
    pad.write_text(tekst, encoding="utf-8")


# -- the draft mail (concept) --------------------------------------------------------------------


def test_draft_mail_is_an_unsent_message_with_the_docx():
    inhoud = concept.bouw(aan="CO3@antwerpen.be", onderwerp="Agendering Weegploeg 8/12/2026 - dossier 2026-001",
                          tekst="Beste,\n\nIn bijlage het document.\n",
                          bijlagen=(concept.Bijlage("2026-001_2026-11-23_weegploeg-pva.docx", b"PK\x03\x04 docx"),))
    assert b"\r\n" in inhoud  # SMTP line ends
    m = email.message_from_bytes(inhoud, policy=email.policy.default)
    assert m["X-Unsent"] == "1"
    assert m["To"] == "CO3@antwerpen.be"
    assert m["From"] is None and m["Date"] is None and m["Message-ID"] is None
    bijlagen = list(m.iter_attachments())
    assert [b.get_filename() for b in bijlagen] == ["2026-001_2026-11-23_weegploeg-pva.docx"]
    assert bijlagen[0].get_content_type() == "application/" + concept.DOCX_SUBTYPE
    assert bijlagen[0].get_content() == b"PK\x03\x04 docx"
    assert "In bijlage" in m.get_body(("plain",)).get_content()


def test_draft_mail_without_address_has_no_to_header():
    m = email.message_from_bytes(concept.bouw(aan=None, onderwerp="x", tekst="y"), policy=email.policy.default)
    assert m["To"] is None and m["X-Unsent"] == "1"


@pytest.mark.parametrize(("aan", "verwacht"), [
    ("a@b.be; c@d.be", "a@b.be, c@d.be"),
    ("a@b.be,c@d.be", "a@b.be, c@d.be"),
    ("a@b.be\nBcc: z@z.be", "a@b.be, Bcc: z@z.be"),
])
def test_addresses_from_settings_are_normalised_and_never_add_headers(aan, verwacht):
    m = email.message_from_bytes(concept.bouw(aan=aan, onderwerp="x\ny", tekst="t"), policy=email.policy.default)
    assert m["Bcc"] is None and m["Subject"] == "x y"
    assert concept.normaliseer_adressen(aan) == verwacht


def test_attachment_names_are_ascii():
    assert concept.ascii_naam("2026-001_verslag één.docx") == "2026-001_verslag-een.docx"
    assert concept.ascii_naam("???") == "document"


def test_subject_names_the_table_date_and_id_only():
    onderwerp = concept.agendering_onderwerp("2026-001", "Weegploeg", datetime(2026, 12, 8, 13, 0), "plan van aanpak")
    assert onderwerp == "Agendering Weegploeg 8/12/2026 - dossier 2026-001 (plan van aanpak)"


# -- agendeer weegploeg ----------------------------------------------------------------------------


def test_weegploeg_writes_document_and_draft_and_records_the_agendering(kc, palmeneire, thuis):
    uit = kc.ok("agendeer", "weegploeg", palmeneire)
    assert "Weegploeg" in uit.stdout and "geagendeerd" in uit.stdout
    d = store.laad(palmeneire)
    assert len(d.agenderingen) == 1
    a = d.agenderingen[0]
    assert (a.id, a.rol, a.soort, a.status, a.tafel) == ("a1", "plan", "pva", "voorbereid", "weegploeg")
    assert a.zitting.tzinfo is None and a.deadline is not None and a.deadline < a.zitting
    assert a.aangemaakt_op == klok.vandaag()
    documenten = thuis / "dossiers" / palmeneire / "documenten"
    assert sorted([a.document, a.mail]) == _bestanden(thuis, palmeneire)
    assert a.document.endswith("_weegploeg-pva.docx") and a.mail == a.document[:-5] + ".eml"
    eml = documenten / a.mail
    assert eml.stat().st_mode & 0o777 == 0o600
    m = _lees_eml(eml)
    assert m["X-Unsent"] == "1"
    assert m["To"] == planning.agendering_adres("co3-antwerpen", "plan")
    onderwerp = m["Subject"]
    assert palmeneire in onderwerp and f"{a.zitting.day}/{a.zitting.month}/{a.zitting.year}" in onderwerp
    assert not any(n in onderwerp.lower() for n in NAMEN)
    tekst = m.get_body(("plain",)).get_content()
    assert not any(n in tekst.lower() for n in NAMEN)
    bijlage = next(m.iter_attachments())
    assert bijlage.get_filename().endswith(".docx") and bijlage.get_filename().isascii()
    assert bijlage.get_content() == (documenten / a.document).read_bytes()
    # the document is a real Word file with the plan
    import io

    import docx

    tekst_doc = "\n".join(p.text for p in docx.Document(io.BytesIO(bijlage.get_content())).paragraphs)
    assert tekst_doc.strip()


def test_the_proposed_session_is_the_first_whose_deadline_is_ahead(kc, palmeneire, monkeypatch):
    nu = klok.nu()
    eerste = planning.eerste_haalbare_zitting("co3-antwerpen", "plan", nu)
    assert eerste.deadline is not None and eerste.deadline > nu
    # one minute after that deadline, that session is never proposed again
    na = eerste.deadline + timedelta(minutes=1)
    monkeypatch.setenv("KETENCLI_NU", na.replace(tzinfo=None).isoformat(timespec="minutes"))
    data = _json(kc, "agendeer", "weegploeg", palmeneire, "--json")
    zitting = datetime.fromisoformat(data["zitting"]["begin"])
    deadline = datetime.fromisoformat(data["zitting"]["deadline"])
    assert zitting > eerste.begin.replace(tzinfo=None)
    assert deadline > na.replace(tzinfo=None)
    assert data["geagendeerd"] is True and data["agendering"]["zitting"] == data["zitting"]["begin"]


def test_a_region_set_to_draft_the_plan_at_the_table_has_no_phase_warning(kc, palmeneire, thuis):
    # one rule: Regio.plan_aan_tafel with the user's settings, as `regio toon` shows it (review 4)
    _wijzig_bestand(thuis, palmeneire, lambda data: data.update(fase="verkenning"))

    def regels():
        data = _json(kc, "agendeer", "weegploeg", palmeneire, "--overschrijf", "--json")
        return {b["regel"] for b in data["gereedheid"]["bevindingen"]}

    assert "fase-geen-casusregie" in regels()  # CO3: the weegploeg discusses the plan of a casusregie
    _regio_instellingen(thuis, "co3-antwerpen:\n  eerste_plan_week: 0\n")
    assert planning.regio("co3-antwerpen").plan_aan_tafel
    assert "fase-geen-casusregie" not in regels()


def test_a_session_whose_deadline_passed_is_refused_with_datum(kc, palmeneire, thuis, monkeypatch):
    eerste = planning.eerste_haalbare_zitting("co3-antwerpen", "plan", klok.nu())
    na = eerste.deadline + timedelta(minutes=1)
    monkeypatch.setenv("KETENCLI_NU", na.replace(tzinfo=None).isoformat(timespec="minutes"))
    uit = kc("agendeer", "weegploeg", palmeneire, "--datum", eerste.begin.date().isoformat())
    assert uit.exit_code == 1, uit.output
    assert "deadline" in uit.output.lower() and "Traceback" not in uit.output
    assert _bestanden(thuis, palmeneire) == []
    assert store.laad(palmeneire).agenderingen == []


def test_datum_picks_a_later_session(kc, palmeneire):
    zittingen = planning.volgende_zittingen("co3-antwerpen", "plan", klok.nu(), 4)
    later = zittingen[-1]
    kc.ok("agendeer", "weegploeg", palmeneire, "--datum", later.begin.strftime("%d/%m/%Y"))
    a = store.laad(palmeneire).agenderingen[0]
    assert a.zitting == later.begin.replace(tzinfo=None)


def test_a_deadline_on_a_holiday_moves_earlier_and_ketencli_says_so(kc, palmeneire, monkeypatch):
    # the weegploeg of Tuesday 6 April 2027: its deadline, Monday 29 March, is Easter Monday (D24)
    monkeypatch.setenv("KETENCLI_NU", "2027-03-24T10:00")
    uit = kc.ok("agendeer", "weegploeg", palmeneire, "--datum", "2027-04-06")
    assert "Paasmaandag" in uit.stdout and "vrijdag 26 maart 2027" in uit.stdout
    a = store.laad(palmeneire).agenderingen[0]
    assert a.deadline == datetime(2027, 3, 26, 12, 0)


def test_blocking_findings_stop_and_nothing_is_written(kc, palmeneire, thuis):
    kc.ok("dossier", "lid", "edit", palmeneire, "m3", "--geboortedatum", "2012-03-01")  # now a child of 14
    uit = kc("agendeer", "weegploeg", palmeneire)
    assert uit.exit_code == 1
    assert "BLOKKEREND" in uit.output and "kinderen-spreken --lid m3" in uit.output
    assert "niets geschreven" in uit.output and "--toch" in uit.output
    assert _bestanden(thuis, palmeneire) == []
    assert store.laad(palmeneire).agenderingen == []
    # the finding disappears once the talk is ticked
    kc.ok("stap", palmeneire, "afvinken", "kinderen-spreken", "--lid", "m3")
    kc.ok("agendeer", "weegploeg", palmeneire)
    assert len(store.laad(palmeneire).agenderingen) == 1


def test_blocking_findings_in_json(kc, palmeneire, thuis):
    kc.ok("dossier", "lid", "edit", palmeneire, "m3", "--geboortedatum", "2012-03-01")
    uit = kc("agendeer", "weegploeg", palmeneire, "--json")
    assert uit.exit_code == 1
    data = json.loads(uit.stdout)
    assert data["geagendeerd"] is False and data["gereedheid"]["klaar"] is False
    assert "kind-niet-gesproken" in {b["regel"] for b in data["gereedheid"]["bevindingen"]}
    assert _bestanden(thuis, palmeneire) == []


def test_toch_agendeert_and_notes_why(kc, palmeneire):
    kc.ok("dossier", "lid", "edit", palmeneire, "m3", "--geboortedatum", "2012-03-01")
    uit = kc.ok("agendeer", "weegploeg", palmeneire, "--toch", "--reden", "gesprek volgt na de herfstvakantie")
    assert "ondanks" in uit.output
    d = store.laad(palmeneire)
    a = d.agenderingen[0]
    assert "Toch geagendeerd ondanks" in a.notitie and "herfstvakantie" in a.notitie
    assert "m3" in a.notitie
    assert any("ondanks blokkerende punten" in h.wat for h in d.historie)


def test_same_session_twice_is_refused_unless_overschrijf(kc, palmeneire, thuis):
    kc.ok("agendeer", "weegploeg", palmeneire, "--vraag", "Hoe betrekken we de school?")
    tweede = kc("agendeer", "weegploeg", palmeneire)
    assert tweede.exit_code == 1 and "al geagendeerd" in tweede.output and "a1" in tweede.output
    kc.ok("agendeer", "weegploeg", palmeneire, "--overschrijf", "--vraag", "Andere vraag")
    d = store.laad(palmeneire)
    assert len(d.agenderingen) == 1 and d.agenderingen[0].id == "a1"
    assert d.agenderingen[0].vraag == "Andere vraag"
    assert len(_bestanden(thuis, palmeneire)) == 2
    # another kind for the same session is another agendering
    kc.ok("agendeer", "weegploeg", palmeneire, "--soort", "gewijzigd")
    assert [a.soort for a in store.laad(palmeneire).agenderingen] == ["pva", "gewijzigd"]


def test_afgesloten_dossier_is_refused_before_any_file(kc, palmeneire, thuis):
    _wijzig_bestand(thuis, palmeneire, lambda data: data.update(fase="afgesloten"))
    for args in (("weegploeg", palmeneire), ("rondetafel", palmeneire, "--vraag", "x"), ("ico", palmeneire)):
        uit = kc("agendeer", *args)
        assert uit.exit_code == 1, uit.output
        assert "afgesloten" in uit.output
    assert _bestanden(thuis, palmeneire) == []
    assert not (thuis / "dossiers" / palmeneire / "documenten").exists()


@pytest.mark.parametrize("fout", [KeyboardInterrupt(), PermissionError(13, "Permission denied")])
def test_no_document_or_mail_is_left_when_the_agendering_cannot_be_saved(kc, palmeneire, thuis, monkeypatch, fout):
    """A read-only dossier folder (documenten/ still writable) or Ctrl-C while saving: the files of this
    run are removed again, so no orphan document or draft mail without its agendering."""
    def weigert(dossier_id):
        raise fout

    with monkeypatch.context() as m:
        m.setattr(store, "wijzig", weigert)
        uit = kc("agendeer", "weegploeg", palmeneire)
    assert uit.exit_code in (1, 130), uit.output
    assert _bestanden(thuis, palmeneire) == []
    assert store.laad(palmeneire).agenderingen == []


def test_afronding_needs_the_afronding_check(kc, palmeneire, thuis):
    uit = kc("agendeer", "weegploeg", palmeneire, "--soort", "afronding")
    assert uit.exit_code == 1
    assert "afronding" in uit.output.lower() and "BLOKKEREND" in uit.output
    assert "ketencli afronding" in uit.output
    assert _bestanden(thuis, palmeneire) == []
    kc.ok("agendeer", "weegploeg", palmeneire, "--soort", "afronding", "--toch", "--reden", "bespreken of het kan")
    a = store.laad(palmeneire).agenderingen[0]
    assert (a.soort, a.rol) == ("afronding", "plan") and a.document.endswith("_weegploeg-afronding.docx")
    assert "afronding" in a.notitie


def test_afronding_findings_read_as_sentences(kc, palmeneire):
    uit = kc("agendeer", "weegploeg", palmeneire, "--soort", "afronding", "--json")
    assert uit.exit_code == 1
    meldingen = [b["melding"] for b in json.loads(uit.stdout)["gereedheid"]["bevindingen"]]
    assert any("actie: Eerder" in m for m in meldingen)  # a list after a colon, not ":;"
    assert not any(":;" in m for m in meldingen)


def test_bad_soort_and_datum_are_usage_errors(kc, palmeneire):
    assert kc("agendeer", "weegploeg", palmeneire, "--soort", "slot").exit_code == 2
    assert kc("agendeer", "weegploeg", palmeneire, "--datum", "morgen").exit_code == 2
    assert kc("agendeer", "weegploeg", "2026-999").exit_code == 1


def test_a_bad_date_is_read_and_refused_as_everywhere_else(kc, palmeneire):
    # the one date option reader of the commands (opties.datum_optie): same message as `dossier`
    kc.ok("agendeer", "weegploeg", palmeneire)
    for args, optie in [(("weegploeg", palmeneire, "--datum", "morgen"), "--datum"),
                        (("uitkomst", palmeneire, "a1", "--terugkoppeling", "morgen"), "--terugkoppeling")]:
        uit = kc("agendeer", *args)
        assert uit.exit_code == 2, uit.output
        assert f"{optie} 'morgen' is geen datum. Schrijf bijvoorbeeld 15/3/2026, 15/3 of 2026-03-15." in uit.stderr
    assert len(store.laad(palmeneire).agenderingen) == 1


def test_address_in_te_stellen_leaves_to_empty_and_says_so(kc, westvl, thuis):
    _regio_instellingen(thuis, (
        "ifg-west-vlaanderen:\n"
        "  tafels:\n"
        "    overlegtafel:\n"
        "      ritme: wekelijks\n"
        "      weekdag: dinsdag\n"
        "      begin: \"13:00\"\n"
        "      deadline: {tijd: \"12:00\", weekdag: donderdag}\n"
    ))
    # no plan yet is no blocker: the table drafts the first plan in West-Vlaanderen (D26, issue 13 item 12)
    uit = kc("agendeer", "weegploeg", westvl)
    assert "pva edit" not in uit.output and "stelt de tafel het eerste plan samen op" in uit.output
    uit = kc.ok("agendeer", "weegploeg", westvl, "--toch")  # the example has other blockers (veiligheidsplan)
    assert "in te stellen" in uit.output
    a = store.laad(westvl).agenderingen[0]
    assert a.tafel == "overlegtafel" and a.zitting.weekday() == 1
    m = _lees_eml(thuis / "dossiers" / westvl / "documenten" / a.mail)
    assert m["To"] is None and m["X-Unsent"] == "1"
    assert "Overlegtafel" in m["Subject"]


def test_region_without_a_table_for_the_role(kc, westvl, thuis):
    _regio_instellingen(thuis, "ifg-west-vlaanderen:\n  tafels:\n    operationeel-team:\n      rollen: []\n")
    uit = kc("agendeer", "rondetafel", westvl, "--vraag", "Wie volgt de bezoeken op?")
    assert uit.exit_code == 1
    assert "geen tafel voor" in uit.output and "Traceback" not in uit.output
    assert _bestanden(thuis, westvl) == []


def test_table_rhythm_in_te_stellen_is_a_clear_message(kc, westvl, thuis):
    uit = kc("agendeer", "weegploeg", westvl)
    assert uit.exit_code == 1 and "in te stellen" in uit.output
    assert _bestanden(thuis, westvl) == []


# -- ronde tafel and ICO ---------------------------------------------------------------------------


def test_rondetafel_records_question_and_scope(kc, palmeneire, thuis):
    kc.ok("agendeer", "rondetafel", palmeneire, "--vraag", "Hoe verloopt het bezoek aan papa?", "--lid", "m3",
          "--domein", "kind", "--tafellid", "d3")
    a = store.laad(palmeneire).agenderingen[0]
    assert (a.rol, a.soort, a.tafel) == ("opvolging", "rondetafel", "rondetafel")
    assert a.vraag == "Hoe verloopt het bezoek aan papa?"
    assert a.reikwijdte.leden == ["m3"] and a.reikwijdte.domeinen == ["kind"] and a.reikwijdte.tafelleden == ["d3"]
    assert a.document.endswith("_rondetafel.docx")
    m = _lees_eml(thuis / "dossiers" / palmeneire / "documenten" / a.mail)
    assert "Ronde Tafel" in m["Subject"] and "bezoek" not in m["Subject"]


def test_rondetafel_needs_a_question_and_known_members(kc, palmeneire, thuis):
    assert kc("agendeer", "rondetafel", palmeneire).exit_code == 2
    uit = kc("agendeer", "rondetafel", palmeneire, "--vraag", "x", "--lid", "m9")
    assert uit.exit_code == 1 and "m9" in uit.output
    assert kc("agendeer", "rondetafel", palmeneire, "--vraag", "x", "--domein", "werk").exit_code == 2
    assert _bestanden(thuis, palmeneire) == []
    kc.ok("agendeer", "rondetafel", palmeneire, "--tussentijdse-evaluatie")
    assert store.laad(palmeneire).agenderingen[0].vraag == ""


def test_ico_registration_for_the_friday_of_next_week(kc, palmeneire, thuis, monkeypatch):
    # Thursday 23:58: still in time for the Friday of the next week (D24)
    monkeypatch.setenv("KETENCLI_NU", "2026-11-26T23:58")
    kc.ok("agendeer", "ico", palmeneire)
    a = store.laad(palmeneire).agenderingen[0]
    assert (a.rol, a.soort, a.tafel) == ("intake", "ico", "ico")
    assert a.zitting.date().isoformat() == "2026-12-04" and a.zitting.weekday() == 4
    assert a.document.endswith("_aanmelding.docx")
    m = _lees_eml(thuis / "dossiers" / palmeneire / "documenten" / a.mail)
    assert m["X-Unsent"] == "1" and palmeneire in m["Subject"]


def test_ico_after_thursday_midnight_goes_a_week_later(kc, palmeneire, monkeypatch):
    monkeypatch.setenv("KETENCLI_NU", "2026-11-27T00:01")
    kc.ok("agendeer", "ico", palmeneire)
    assert store.laad(palmeneire).agenderingen[0].zitting.date().isoformat() == "2026-12-11"


# -- lijst and uitkomst ------------------------------------------------------------------------------


def test_lijst_and_uitkomst(kc, palmeneire, monkeypatch):
    assert "nog niet geagendeerd" in kc.ok("agendeer", "lijst", palmeneire).stdout
    kc.ok("agendeer", "weegploeg", palmeneire)
    uit = kc.ok("agendeer", "lijst", palmeneire)
    assert "a1" in uit.stdout and "voorbereid" in uit.stdout
    monkeypatch.setenv("KETENCLI_NU", "2026-12-02T10:00")  # the day after the session: an outcome is possible
    kc.ok("agendeer", "uitkomst", palmeneire, "A1", "--afspraak", "Regisseur vraagt CLB naar Noor",
          "--afspraak", "Justitiehuis koppelt terug", "--meenemen", "Netwerk meer betrekken",
          "--terugkoppeling", "2027-03-05", "--uitgenodigd", "d3", "--uitgenodigd", "externe expert")
    data = _json(kc, "agendeer", "lijst", palmeneire, "--json")
    a = data["agenderingen"][0]
    assert a["status"] == "besproken"  # an outcome means it was discussed
    assert a["afspraken"] == ["Regisseur vraagt CLB naar Noor", "Justitiehuis koppelt terug"]
    assert a["meenemen"] == "Netwerk meer betrekken" and a["terugkoppeling_op"] == "2027-03-05"
    assert a["uitgenodigd"] == ["d3", "externe expert"]
    kc.ok("agendeer", "uitkomst", palmeneire, "a1", "--status", "uitgesteld")
    assert store.laad(palmeneire).agenderingen[0].status == "uitgesteld"


@pytest.mark.parametrize("args", [
    ("agendeer", "weegploeg", "{id}", "--extern", "d99", "--overschrijf"),
    ("agendeer", "uitkomst", "{id}", "a1", "--uitgenodigd", "d99"),
    ("afronding", "partner", "{id}", "--dienst", "d99"),
    ("afronding", "overdracht", "{id}", "r1", "1", "--aan", "d99"),
])
def test_a_service_id_the_dossier_does_not_have_is_refused_the_same_way_everywhere(kc, palmeneire, thuis, args):
    kc.ok("agendeer", "weegploeg", palmeneire)
    voor = dossier_bestand(thuis, palmeneire).read_bytes()
    bestanden = _bestanden(thuis, palmeneire)
    uit = kc(*(a.format(id=palmeneire) for a in args))
    optie = args[-2] if args[-1] == "d99" else args[-3]
    assert uit.exit_code == 1, uit.output
    assert f"{optie} d99: die dienst bestaat niet in dossier {palmeneire}. Er werd niets bewaard." in uit.stderr
    assert "Diensten: d1" in uit.stderr and "vrije tekst kan ook" in uit.stderr
    assert dossier_bestand(thuis, palmeneire).read_bytes() == voor and _bestanden(thuis, palmeneire) == bestanden


def test_uitkomst_errors(kc, palmeneire):
    kc.ok("agendeer", "weegploeg", palmeneire)
    assert kc("agendeer", "uitkomst", palmeneire, "a1").exit_code == 2
    assert kc("agendeer", "uitkomst", palmeneire, "a1", "--status", "klaar").exit_code == 2
    assert kc("agendeer", "uitkomst", palmeneire, "a7", "--status", "besproken").exit_code == 1
    assert kc("agendeer", "uitkomst", palmeneire, "a1", "--uitgenodigd", "d99").exit_code == 1
    assert kc("agendeer", "uitkomst", palmeneire, "a1", "--terugkoppeling", "ooit").exit_code == 2
    leeg = kc("agendeer", "uitkomst", palmeneire, "a1", "--afspraak", "  ")  # an empty afspraak is no outcome
    assert leeg.exit_code == 2 and "--afspraak is leeg" in leeg.stderr
    assert store.laad(palmeneire).agenderingen[0].status == "voorbereid"


def test_lijst_shows_what_to_take_along(kc, palmeneire, monkeypatch):
    kc.ok("agendeer", "weegploeg", palmeneire)
    monkeypatch.setenv("KETENCLI_NU", "2026-12-02T10:00")  # after the session of 01/12
    kc.ok("agendeer", "uitkomst", palmeneire, "a1", "--meenemen", "Netwerk meer betrekken")
    assert "meenemen" in kc.ok("agendeer", "lijst", palmeneire).stdout


def test_cancelled_agendering_frees_the_session(kc, palmeneire):
    kc.ok("agendeer", "weegploeg", palmeneire)
    kc.ok("agendeer", "uitkomst", palmeneire, "a1", "--status", "geannuleerd")
    kc.ok("agendeer", "weegploeg", palmeneire)
    assert [a.id for a in store.laad(palmeneire).agenderingen] == ["a1", "a2"]


@pytest.mark.parametrize("sub", ["weegploeg", "rondetafel", "ico", "lijst", "uitkomst"])
def test_help_is_dutch(kc, sub):
    uit = kc.ok("agendeer", sub, "--help")
    assert "Gebruik:" in uit.output
    assert "<list" not in uit.output and "<int" not in uit.output  # python type labels say nothing to a user


# -- purposes (review findings 2, 9, 10, 11) ---------------------------------------------------------


def _docx_tekst(pad: Path) -> str:
    import docx

    doc = docx.Document(str(pad))
    delen = [p.text for p in doc.paragraphs]
    delen += [c.text for t in doc.tables for r in t.rows for c in r.cells]
    return "\n".join(delen)


def _afgerond(dossier_id: str, *, check_op=None) -> None:
    from datetime import date

    with store.wijzig(dossier_id) as d:
        d.fase = "afgerond"
        d.afronding.gestart_op = date(2026, 12, 1)
        d.afronding.opvolging_tot = date(2027, 6, 1)
        d.afronding.rondetafel_check_op = check_op


def _soorten(dossier_id: str, vandaag) -> list[str]:
    return [v.soort for v in planning.vervaldata(store.laad(dossier_id), vandaag)]


def test_afsluiting_needs_no_question_and_takes_the_session_after_six_months(kc, palmeneire, thuis, monkeypatch):
    """Annex F.4: the afsluiting at the ronde tafel, with role afsluiting; it closes the due item."""
    _afgerond(palmeneire)
    monkeypatch.setenv("KETENCLI_NU", "2027-05-20T10:00")
    assert "afsluiting" in _soorten(palmeneire, klok.vandaag())
    uit = kc.ok("agendeer", "rondetafel", palmeneire, "--afsluiting").output
    a = store.laad(palmeneire).agenderingen[0]
    assert (a.soort, a.rol, a.doel, a.tafel) == ("afsluiting", "afsluiting", "afsluiting", "rondetafel")
    # 1 June 2027 is a Tuesday: the Ronde Tafel of Thursday 3 June, deadline Friday 28 May 12:00
    assert a.zitting == datetime(2027, 6, 3, 9, 15) and a.deadline == datetime(2027, 5, 28, 12)
    assert a.vraag.startswith("Definitieve afsluiting na zes maanden opvolging")
    assert "definitieve afsluiting" in uit and "01/06/2027" in uit  # why this session
    assert a.document.endswith("_rondetafel.docx")
    assert "Definitieve afsluiting na zes maanden opvolging" in _docx_tekst(
        thuis / "dossiers" / palmeneire / "documenten" / a.document)
    m = _lees_eml(thuis / "dossiers" / palmeneire / "documenten" / a.mail)
    assert "Ronde Tafel" in m["Subject"]
    soorten = _soorten(palmeneire, klok.vandaag())
    assert "afsluiting" not in soorten and "zitting" in soorten


def test_afsluiting_before_the_afronding_is_refused(kc, palmeneire, thuis):
    uit = kc("agendeer", "rondetafel", palmeneire, "--afsluiting")
    assert uit.exit_code == 1 and "afronding" in uit.output and "Traceback" not in uit.output
    assert _bestanden(thuis, palmeneire) == []


def test_one_purpose_at_a_time(kc, palmeneire, thuis):
    uit = kc("agendeer", "rondetafel", palmeneire, "--afsluiting", "--tussentijdse-evaluatie")
    assert uit.exit_code == 2 and "Kies één doel" in uit.output
    assert _bestanden(thuis, palmeneire) == []


def test_after_afronding_a_ronde_tafel_is_the_check_on_new_facts(kc, palmeneire, monkeypatch):
    from datetime import date

    _afgerond(palmeneire, check_op=date(2027, 3, 1))
    monkeypatch.setenv("KETENCLI_NU", "2026-12-02T10:00")
    assert "rondetafel-check" in _soorten(palmeneire, klok.vandaag())
    kc.ok("agendeer", "rondetafel", palmeneire)  # no --vraag needed
    a = store.laad(palmeneire).agenderingen[0]
    assert (a.soort, a.doel) == ("rondetafel", "check-na-afronding")
    assert a.zitting == datetime(2027, 3, 4, 9, 15)  # the first Thursday on or after the planned check
    soorten = _soorten(palmeneire, klok.vandaag())
    assert "rondetafel-check" not in soorten and "afsluiting" in soorten


def test_terugkoppeling_goes_to_the_return_date_and_closes_it(kc, palmeneire, monkeypatch):
    from datetime import date

    kc.ok("agendeer", "weegploeg", palmeneire)
    monkeypatch.setenv("KETENCLI_NU", "2026-12-01T16:00")  # the outcome after the session of 01/12
    kc.ok("agendeer", "uitkomst", palmeneire, "a1", "--afspraak", "Terug op de ronde tafel",
          "--terugkoppeling", "2027-03-04")
    monkeypatch.setenv("KETENCLI_NU", "2026-11-23T10:00")
    assert "terugkoppeling-rondetafel" in _soorten(palmeneire, date(2026, 12, 2))
    # a question at the ronde tafel is not the return
    kc.ok("agendeer", "rondetafel", palmeneire, "--vraag", "Hoe gaat het op school?")
    assert store.laad(palmeneire).agenderingen[1].doel == "vraag"
    assert "terugkoppeling-rondetafel" in _soorten(palmeneire, date(2026, 12, 2))
    uit = kc.ok("agendeer", "rondetafel", palmeneire, "--terugkoppeling").output
    a = store.laad(palmeneire).agenderingen[2]
    assert (a.doel, a.zitting) == ("terugkoppeling", datetime(2027, 3, 4, 9, 15))
    assert "04/03/2027" in uit
    assert "terugkoppeling-rondetafel" not in _soorten(palmeneire, date(2026, 12, 2))


@pytest.mark.parametrize("soort", ["pva", "gewijzigd", "afronding"])
def test_a_weegploeg_agendering_records_the_purpose_planning_derives_for_its_soort(kc, palmeneire, soort):
    # one table of purposes: what agendeer records is what planning reads for a file without doel
    data = _json(kc, "agendeer", "weegploeg", palmeneire, "--soort", soort, "--toch", "--reden", "test", "--json")
    a = store.laad(palmeneire).agenderingen[-1]
    assert data["agendering"]["doel"] == a.doel == planning.DOEL_VAN_SOORT[soort]
    assert planning.doel_van(a.model_copy(update={"doel": None})) == a.doel


def test_each_agendering_records_its_purpose(kc, palmeneire):
    kc.ok("agendeer", "weegploeg", palmeneire)
    kc.ok("agendeer", "rondetafel", palmeneire, "--tussentijdse-evaluatie")
    kc.ok("agendeer", "ico", palmeneire)
    assert [a.doel for a in store.laad(palmeneire).agenderingen] == ["plan", "tussentijdse-evaluatie", "intake"]
    lijst = kc.ok("agendeer", "lijst", palmeneire).stdout
    assert "plan van aanpak" in lijst and "tussentijdse evaluatie" in lijst


def test_closing_text_says_how_to_note_the_mail_as_sent(kc, palmeneire):
    from datetime import date

    uit = " ".join(kc.ok("agendeer", "weegploeg", palmeneire).output.split())
    assert f"ketencli agendeer uitkomst {palmeneire} a1 --status ingediend" in uit
    # the deadline of 23 Nov 12:00 passes; once noted as ingediend it is no longer "te laat"
    assert "deadline-weegploeg" in _soorten(palmeneire, date(2026, 11, 24))
    kc.ok("agendeer", "uitkomst", palmeneire, "a1", "--status", "ingediend")
    assert _soorten(palmeneire, date(2026, 11, 24))[0] == "zitting"
    rijen = json.loads(kc.ok("overzicht", "--json").stdout)
    assert not [r for r in rijen if r["urgentie"] == "te-laat"]


def test_weegploeg_extern_and_waarom_nu_go_into_the_document(kc, palmeneire, thuis):
    """Annex G.1: external expertise the weegploeg may invite, and why now."""
    d = store.laad(palmeneire)
    dienst = d.betrokken_diensten[0]
    kc.ok("agendeer", "weegploeg", palmeneire, "--extern", "Expert verslavingszorg", "--extern", dienst.id,
          "--waarom-nu", "Het eerste plan is klaar na de gesprekken met het gezin.")
    a = store.laad(palmeneire).agenderingen[0]
    assert a.uitgenodigd == ["Expert verslavingszorg", dienst.id]
    tekst = _docx_tekst(thuis / "dossiers" / palmeneire / "documenten" / a.document)
    assert "Expert verslavingszorg" in tekst and dienst.naam in tekst
    assert "Het eerste plan is klaar na de gesprekken met het gezin." in tekst
    fout = kc("agendeer", "weegploeg", palmeneire, "--extern", "d99", "--overschrijf")
    assert fout.exit_code == 1 and "d99" in fout.output


@pytest.mark.parametrize("lengte", range(0, 12))
def test_a_long_non_ascii_table_name_decodes_in_the_subject_as_printed(kc, palmeneire, thuis, lengte):
    """Python < 3.13 folds a long non-ASCII subject and loses the space between two encoded words
    (issue 14 §4): the subject the mail client shows is the one `agendeer` prints, on every version."""
    import email.header

    naam = ("Wéégploeg Zuid-Oost"[: 9 + lengte]).strip() + " Bórgerhout én Wílrijk én Déurne én Mérksem én Hóboken"
    _regio_instellingen(thuis, f"co3-antwerpen:\n  tafels:\n    weegploeg:\n      naam: \"{naam}\"\n")
    uit = kc.ok("agendeer", "weegploeg", palmeneire)
    getoond = next(r for r in uit.stdout.splitlines() if "Onderwerp:" in r).split("Onderwerp:", 1)[1].strip()
    assert naam in getoond
    a = store.laad(palmeneire).agenderingen[0]
    ruw = (thuis / "dossiers" / palmeneire / "documenten" / a.mail).read_bytes()
    assert max(len(r) for r in ruw.split(b"\r\n\r\n", 1)[0].split(b"\r\n")) <= 78  # folded within the limit
    modern = email.message_from_bytes(ruw, policy=email.policy.default)["Subject"]
    oud = str(email.header.make_header(email.header.decode_header(email.message_from_bytes(ruw)["Subject"])))
    assert modern == getoond and oud == getoond
