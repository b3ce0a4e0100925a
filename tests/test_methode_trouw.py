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

from tests.conftest import _id_uit, dossier_bestand
from tests.methodiek.test_afronding_regels import klaar_data
from tests.test_doc import alle_tekst


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


# -- 2. consulent informeren after a melding (annex B L1277-1279, D28) --------------------------------


def _met_consulent(soort: str) -> dict[str, Any]:
    data = klaar_data()
    data["betrokken_diensten"].append({"id": "d3", "soort": "ocj-sdj", "naam": "OCJ Voorbeeld"})
    data["tijdlijn"].append({"datum": "2026-11-20", "soort": soort, "omschrijving": "Familiale twist."})
    return data


def stap_items(kc, dossier_id: str) -> list[dict[str, Any]]:
    """Every checklist item of `stap toon --json --alles`, with its checklist key."""
    data = json.loads(kc.ok("stap", "toon", dossier_id, "--json", "--alles").stdout)
    return [{**i, "lijst": c["key"]} for c in data["checklists"] for i in c["items"]]


def test_een_melding_vraagt_de_consulent_te_informeren_zoals_een_pv(kc, tmp_path):
    """L1277-1279: "De casusregisseur licht de consulent in over elk IFG pv (meldingen familiale twist en
    pv's slagen en verwondingen)": a melding raises the due item and opens the checklist item (D28)."""
    for soort in ("pv", "melding"):
        did, _ = importeer(kc, tmp_path, _met_consulent(soort), soort)
        rijen = [r for r in json.loads(kc.ok("overzicht", "--json").stdout)
                 if r["dossier"] == did and r["soort"] == "consulent-informeren"]
        lidwoord = {"pv": "het pv", "melding": "de melding"}[soort]
        assert [r["omschrijving"] for r in rijen] == [f"Consulent informeren over {lidwoord} van 20/11/2026"]
        item = next(i for i in stap_items(kc, did) if i["item"] == "consulent-elk-ifg-pv")
        assert item["afleiding"]["oordeel"] == "niet-voldaan", item
        assert "nr 3 (20/11/2026)" in item["afleiding"]["toelichting"]
        # recording when the consulent heard of it closes both
        kc.ok("tijdlijn", "edit", did, "3", "--consulent-geinformeerd", "2026-11-21")
        assert not [r for r in json.loads(kc.ok("overzicht", "--json").stdout)
                    if r["dossier"] == did and r["soort"] == "consulent-informeren"]
        item = next(i for i in stap_items(kc, did) if i["item"] == "consulent-elk-ifg-pv")
        assert item["afleiding"]["oordeel"] == "voldaan"


# -- 3. Kempen prisons: one reading of annex D's route (L1565-1609, D22) ------------------------------


def _gedetineerd(gevangenis: str) -> dict[str, Any]:
    data = klaar_data()
    data["gezinsleden"][1]["detentie"] = {"gevangenis": gevangenis, "soort": "voorlopige-hechtenis",
                                          "sinds": "2026-11-01"}
    data["betrokken_diensten"] += [{"id": "d5", "soort": "psd", "naam": "PSD gevangenis"},
                                   {"id": "d6", "soort": "jww", "naam": "JWW Voorbeeld"}]
    return data


def test_kempische_gevangenis_brief_en_psd_zonder_jww(kc, tmp_path):
    """L1607-1609: in a Kempen prison the detainee gets a letter instead of informing JWT, and the PSD
    is mailed at its general address; checklist, `stap` and `doc` read the same route (D22)."""
    did, _ = importeer(kc, tmp_path, _gedetineerd("turnhout"))
    items = stap_items(kc, did)
    d = {i["item"]: i for i in items if i["lijst"] == "bijlage-d"}
    assert {"gevangenis-kempen-brief", "gevangenis-kempen-psd"} <= set(d)
    assert not {"gevangenis-een-mail", "gevangenis-psd-jww-informeren"} & set(d)
    horen = next(i for i in items if i["item"] == "contact-psd-jww")
    assert "JWW" not in horen["tekst"]
    assert f"ketencli doc {did} brief-gedetineerde --lid m2" in horen["afleiding"]["toelichting"]
    data = json.loads(kc.ok("stap", "toon", did, "--json").stdout)
    assert [(g["route"], g["documenten"]) for g in data["bijlage_d"]] == [
        ("kempen", ["brief-gedetineerde", "psd-jww-mail"])]
    assert f"ketencli doc {did} brief-gedetineerde --lid m2" in " ".join(kc.ok("stap", did).stdout.split())
    kc.ok("doc", did, "brief-gedetineerde", "--uit", tmp_path / "brief.docx")
    assert "Beste Bart" in alle_tekst(tmp_path / "brief.docx")
    kc.ok("doc", did, "psd-jww-mail", "--uit", tmp_path / "mail.docx")
    mail = alle_tekst(tmp_path / "mail.docx")
    assert "PSD gevangenis" in mail and "JWW Voorbeeld" not in mail


def test_andere_gevangenis_een_mail_aan_psd_en_jww(kc, tmp_path):
    """L1513: outside the Kempen one mail to PSD and JWW; no letter (the document is refused)."""
    did, _ = importeer(kc, tmp_path, _gedetineerd("antwerpen"))
    d = {i["item"] for i in stap_items(kc, did) if i["lijst"] == "bijlage-d"}
    assert {"gevangenis-een-mail", "gevangenis-psd-jww-informeren"} <= d
    assert not {"gevangenis-kempen-brief", "gevangenis-kempen-psd"} & d
    horen = next(i for i in stap_items(kc, did) if i["item"] == "contact-psd-jww")
    assert "één mail aan PSD en JWW" in horen["afleiding"]["toelichting"]
    assert kc("doc", did, "brief-gedetineerde").exit_code == 1
    kc.ok("doc", did, "psd-jww-mail", "--uit", tmp_path / "mail.docx")
    assert "JWW Voorbeeld" in alle_tekst(tmp_path / "mail.docx")


# -- 4. "besproken" means besproken (L636, L721, D29) and 10. outcomes after the session -----------------


def _agendering(kc, dossier_id: str, soort: str) -> dict[str, Any]:
    uit = kc.ok("agendeer", "weegploeg", dossier_id, "--soort", soort, "--toch", "--reden", "test", "--json")
    return json.loads(uit.stdout)["agendering"]


def _stap_item(kc, dossier_id: str, key: str) -> dict[str, Any]:
    return next(i for i in stap_items(kc, dossier_id) if i["item"] == key)


def test_plan_op_de_weegploeg_pas_voldaan_als_besproken(kc, tmp_path, monkeypatch):
    """L636 "Bespreek het PvA op de Weegploeg": voorbereid, ingediend and uitgesteld are 'geagendeerd',
    open and without a date; only besproken meets it, dated on the session (D29)."""
    did, _ = importeer(kc, tmp_path, klaar_data())
    a = _agendering(kc, did, "pva")
    zitting = a["zitting"][:10]
    assert zitting > "2026-11-23"
    for status in ("voorbereid", "ingediend", "uitgesteld"):
        if status != "voorbereid":
            kc.ok("agendeer", "uitkomst", did, a["id"], "--status", status)
        it = _stap_item(kc, did, "pva-weegploeg")
        assert (it["status"], it["datum"], it["afleiding"]["oordeel"]) == ("open", None, "niet-voldaan"), it
        assert f"geagendeerd ({status})" in it["afleiding"]["toelichting"]
    assert "agendeer weegploeg" in it["afleiding"]["toelichting"]  # uitgesteld: agendeer opnieuw
    monkeypatch.setenv("KETENCLI_NU", f"{zitting}T17:00")
    kc.ok("agendeer", "uitkomst", did, a["id"], "--status", "besproken")
    it = _stap_item(kc, did, "pva-weegploeg")
    assert (it["status"], it["datum"]) == ("afgeleid", zitting)


def test_afronding_op_de_weegploeg_pas_voldaan_als_besproken(kc, tmp_path, monkeypatch):
    """L721 "Bespreek de afronding op de Weegploeg": an agendering voorbereid is no discussion, and no
    akkoord of the weegploeg for `afronding start` either (D29)."""
    did, _ = importeer(kc, tmp_path, klaar_data())
    a = _agendering(kc, did, "afronding")
    it = _stap_item(kc, did, "afronding-weegploeg")
    assert (it["status"], it["datum"]) == ("open", None)
    assert "geagendeerd (voorbereid)" in it["afleiding"]["toelichting"]
    uit = kc("afronding", "start", did)
    assert uit.exit_code == 1 and "weegploeg" in uit.stderr and "akkoord" in uit.stderr
    monkeypatch.setenv("KETENCLI_NU", f"{a['zitting'][:10]}T17:00")
    kc.ok("agendeer", "uitkomst", did, a["id"], "--afspraak", "Akkoord met de afronding")
    assert _stap_item(kc, did, "afronding-weegploeg")["status"] == "afgeleid"


def test_uitkomst_voor_de_zitting_wordt_geweigerd(kc, tmp_path, thuis, monkeypatch):
    """An outcome is recorded after the session (L1682-1689, D23): besproken or an afspraak for a
    session still ahead is refused, naming the session date; uitgesteld can be recorded any time."""
    did, _ = importeer(kc, tmp_path, klaar_data())
    a = _agendering(kc, did, "gewijzigd")
    zitting = a["zitting"][:10]
    datum = f"{zitting[8:10]}/{zitting[5:7]}/{zitting[:4]}"
    voor = dossier_bestand(thuis, did).read_bytes()
    for args in (("--status", "besproken"), ("--afspraak", "Plan goedgekeurd"),
                 ("--status", "ingediend", "--meenemen", "iets")):
        uit = kc("agendeer", "uitkomst", did, a["id"], *args)
        assert uit.exit_code == 1, (args, uit.output)
        assert datum in uit.stderr and "nog niet plaats" in uit.stderr and "--status uitgesteld" in uit.stderr
        assert dossier_bestand(thuis, did).read_bytes() == voor
    kc.ok("agendeer", "uitkomst", did, a["id"], "--status", "ingediend")
    kc.ok("agendeer", "uitkomst", did, a["id"], "--status", "uitgesteld")
    monkeypatch.setenv("KETENCLI_NU", f"{zitting}T16:30")  # the day of the session itself
    kc.ok("agendeer", "uitkomst", did, a["id"], "--status", "besproken", "--afspraak", "Plan goedgekeurd")


# -- 5. ICO geen-ketenaanpak needs the advice to the aanmelder (guide II.D, L314-320) -----------------


def _verkenning() -> dict[str, Any]:
    data = klaar_data()
    for sleutel in ("casusregie_start", "ico", "kijkschema", "pva", "afronding"):
        data.pop(sleutel)
    for lid in data["gezinsleden"]:
        lid.pop("instemming", None)
    return data | {"fase": "verkenning"}


def test_geen_ketenaanpak_zonder_advies_wordt_geweigerd(kc, tmp_path, thuis):
    """L316-317: "De aanmelder ontvangt steeds advies voor het opmaken van een 'veiligheidsplan'": no
    advice, or one without the veiligheidsplan, is refused (nothing saved) naming --advies."""
    did, _ = importeer(kc, tmp_path, _verkenning())
    voor = dossier_bestand(thuis, did).read_bytes()
    for advies in ((), ("--advies", "  "), ("--advies", "Parketmelding is aangewezen.")):
        uit = kc("dossier", "ico", did, "--conclusie", "geen-ketenaanpak", "--datum", "2026-11-20", *advies)
        assert uit.exit_code == 1, uit.output
        melding = " ".join(uit.stderr.split())
        assert "veiligheidsplan" in melding and f"ketencli dossier ico {did} --conclusie geen-ketenaanpak --advies" \
            in melding and "Er werd niets bewaard" in melding
        assert dossier_bestand(thuis, did).read_bytes() == voor
    kc.ok("dossier", "ico", did, "--conclusie", "geen-ketenaanpak", "--datum", "2026-11-20", "--advies",
          "Maak met mevrouw een veiligheidsplan op; een parketmelding is aangewezen.")
    data = yaml.safe_load(dossier_bestand(thuis, did).read_text(encoding="utf-8"))
    assert data["fase"] == "niet-ingestroomd" and "veiligheidsplan" in data["ico"]["advies"]


# -- 9. consent before casusregie (guide L131-135, III.A L537, D8, D17) --------------------------------


def _zonder_instemming() -> dict[str, Any]:
    data = klaar_data()
    for lid in data["gezinsleden"]:
        lid.pop("instemming", None)
    return data


def test_casusregie_zonder_instemming_waarschuwt_bij_import_en_blokkeert_in_stap(kc, tmp_path):
    """L133-135: "Casusregie kan starten van zodra één (volwassen) gezinslid instemt": a dossier imported
    into casusregie without it is warned about, and `stap` shows a blocking finding with consent first."""
    did, uit = importeer(kc, tmp_path, _zonder_instemming())
    tekst = " ".join(uit.split())
    assert "Let op" in tekst and "zonder geldige instemming van een volwassen gezinslid" in tekst
    assert f"ketencli dossier instemming {did} LID" in tekst
    data = json.loads(kc.ok("stap", "toon", did, "--json").stdout)
    assert [(b["regel"], b["ernst"]) for b in data["blokkerend"]] == [("instemming", "blokkerend")]
    assert data["volgende"][0]["item"] == "instemming-nagaan"
    regels = [" ".join(r.split()) for r in kc.ok("stap", did).stdout.splitlines()]
    assert any(r.startswith("│ Blokkerend:") and "instemming" in r for r in regels), regels
    # a consent lifts it
    kc.ok("dossier", "instemming", did, "m1", "--datum", "2026-03-01")
    assert json.loads(kc.ok("stap", "toon", did, "--json").stdout)["blokkerend"] == []


def test_instemming_weggehaald_met_edit_waarschuwt(kc, tmp_path, monkeypatch):
    import sys
    import textwrap

    did, _ = importeer(kc, tmp_path, klaar_data())
    script = tmp_path / "editor.py"
    script.write_text(textwrap.dedent("""\
        import sys, pathlib, re
        p = pathlib.Path(sys.argv[1])
        t = p.read_text(encoding='utf-8')
        t = re.sub(r"\\n *instemming:\\n( +[a-z_]+: .*\\n)+", "\\n", t)
        t = re.sub(r"instemming: \\{[^}]*\\}", "instemming: null", t)
        p.write_text(t, encoding='utf-8')
    """), encoding="utf-8")
    monkeypatch.setenv("EDITOR", f"{sys.executable} {script}")
    monkeypatch.delenv("VISUAL", raising=False)
    uit = kc.ok("dossier", "edit", did, "--no-input")
    assert "zonder geldige instemming" in " ".join(uit.output.split())


def test_instemming_in_geen_instemming_start_de_casusregie(kc, tmp_path, thuis):
    """L133-135 with D8: after the ICO conclusion 'ketenaanpak met casusregie' the dossier waits in fase
    geen-instemming; the first adult's consent starts casusregie on that day, in the history."""
    data = _verkenning() | {"fase": "geen-instemming",
                            "ico": {"datum": "2026-11-13", "conclusie": "ketenaanpak-met-casusregie"}}
    did, _ = importeer(kc, tmp_path, data)
    kind = kc.ok("dossier", "instemming", did, "m3", "--datum", "2026-11-20")  # a child (2020) is not enough
    assert "geen geldige instemming van een volwassen" in kind.output
    assert yaml.safe_load(dossier_bestand(thuis, did).read_text(encoding="utf-8"))["fase"] == "geen-instemming"
    uit = kc.ok("dossier", "instemming", did, "m1", "--datum", "2026-11-22", "--door", "casusregisseur")
    assert "de casusregie start op 22/11/2026" in " ".join(uit.output.split())
    opgeslagen = yaml.safe_load(dossier_bestand(thuis, did).read_text(encoding="utf-8"))
    assert (opgeslagen["fase"], str(opgeslagen["casusregie_start"])) == ("casusregie", "2026-11-22")
    assert opgeslagen["historie"][-1]["wat"] == "fase geen-instemming → casusregie"


def test_wat_nu_voor_de_casusregie_is_verkennend_overleg_en_instemming(kc, tmp_path):
    """Before casusregie (D8) `stap` "wat nu" names the verkennend overleg and consent (L131-135, L314),
    not annex A, even with a child over 12 (annex A is casusregie work, L541)."""
    data = _verkenning() | {"fase": "aanmelding"}
    data["gezinsleden"][2]["geboortedatum"] = "2012-03-03"
    did, _ = importeer(kc, tmp_path, data)
    volgende = json.loads(kc.ok("stap", "toon", did, "--json").stdout)["volgende"]
    assert [(i["checklist"], i["item"]) for i in volgende] == [
        ("voor-casusregie", "intake-agenderen"), ("voor-casusregie", "intake-uitkomst"),
        ("voor-casusregie", "start-instemming")]
    kc.ok("agendeer", "ico", did)
    volgende = json.loads(kc.ok("stap", "toon", did, "--json").stdout)["volgende"]
    assert [i["item"] for i in volgende] == ["intake-uitkomst", "start-instemming"]
    assert f"ketencli dossier ico {did}" in " ".join(kc.ok("stap", did).stdout.split())


# -- 11. the weegploeg's akkoord is given at one of its sessions (L721, D26) ----------------------------


def test_weegploeg_akkoord_moet_een_zitting_zijn(kc, tmp_path, thuis):
    """L721 "Bespreek de afronding op de Weegploeg": the akkoord date is a session of the region's
    weegploeg (Antwerp: every other Tuesday, 17/11 and 01/12/2026) or of a recorded agendering."""
    did, _ = importeer(kc, tmp_path, klaar_data())
    voor = dossier_bestand(thuis, did).read_bytes()
    uit = kc("afronding", "start", did, "--weegploeg-akkoord", "2026-11-19")
    assert uit.exit_code == 1
    melding = " ".join(uit.stderr.split())
    assert "Op donderdag 19 november 2026 was er geen zitting van de Weegploeg" in melding
    assert "dinsdag 3 november 2026 en dinsdag 17 november 2026" in melding  # 01/12 is still ahead
    assert "Er werd niets bewaard" in melding and dossier_bestand(thuis, did).read_bytes() == voor
    kc.ok("afronding", "start", did, "--weegploeg-akkoord", "2026-11-17")
    assert yaml.safe_load(dossier_bestand(thuis, did).read_text(encoding="utf-8"))["fase"] == "afgerond"


def test_weegploeg_akkoord_op_de_zitting_van_een_agendering(kc, tmp_path, thuis):
    """A session recorded on an agendering counts, even off the usual rhythm (an extra session)."""
    data = klaar_data()
    data["agenderingen"] = [{"id": "a1", "tafel": "weegploeg", "rol": "plan", "soort": "afronding",
                             "zitting": "2026-11-19T14:00:00", "status": "ingediend"}]
    did, _ = importeer(kc, tmp_path, data)
    kc.ok("afronding", "start", did, "--weegploeg-akkoord", "2026-11-19")


def test_weegploeg_akkoord_zonder_ritme_wordt_niet_geweigerd(kc, tmp_path):
    """Where the table's rhythm is still in te stellen (D26), ketencli says it cannot check, and goes on."""
    did, _ = importeer(kc, tmp_path, klaar_data() | {"regio": "ifg-west-vlaanderen"})
    uit = kc.ok("afronding", "start", did, "--weegploeg-akkoord", "2026-11-19")
    assert "kan niet nagaan of er op 19/11/2026 een zitting was" in " ".join(uit.output.split())
