"""What a new user's trial found (a West-Vlaanderen and a Leuven family): dates without a year, consent
that only counts for an adult, and blank names — each through the CLI."""

from __future__ import annotations

import yaml

from tests.conftest import dossier_bestand


def _lees(thuis, did):
    return yaml.safe_load(dossier_bestand(thuis, did).read_text(encoding="utf-8"))


def _gezin(kc):
    kc.ok("dossier", "new", "--regio", "ifg-west-vlaanderen", "--gezin", "Desmet", "--no-input")
    return "2026-001"


def test_geboortedatum_zonder_jaar_wordt_geweigerd(kc, thuis):
    did = _gezin(kc)
    uit = kc("dossier", "lid", "add", did, "--naam", "Hilde Desmet", "--rol", "slachtoffer", "--geboortedatum",
             "14/5", "--no-input")
    assert uit.exit_code == 2 and "geef ook het jaar" in uit.stderr
    assert _lees(thuis, did).get("gezinsleden", []) == []


def test_verbeterde_geboortedatum_start_de_casusregie_na_instemming(kc, thuis):
    """A consent recorded while the birth date made her a child starts casusregie once the date is
    corrected (L133-135); the message says why the consent did not count yet."""
    did = _gezin(kc)
    kc.ok("dossier", "lid", "add", did, "--naam", "Hilde Desmet", "--rol", "slachtoffer", "--geboortedatum",
          "14/5/2020", "--no-input")
    kc.ok("dossier", "ico", did, "--conclusie", "ketenaanpak-met-casusregie", "--datum", "2026-11-20",
          "--regisseur-naam", "Ann")
    uit = kc.ok("dossier", "instemming", did, "m1", "--datum", "2026-11-22")
    assert "Hilde Desmet (m1) is volgens het dossier geen volwassene (6 jaar)" in " ".join(uit.stderr.split())
    assert _lees(thuis, did)["fase"] == "geen-instemming"
    uit = kc.ok("dossier", "lid", "edit", did, "m1", "--geboortedatum", "14/5/1984")
    assert "de casusregie start op 22/11/2026" in " ".join(uit.output.split())
    data = _lees(thuis, did)
    assert (data["fase"], str(data["casusregie_start"])) == ("casusregie", "2026-11-22")


def test_casusregie_start_niet_voor_de_instemming(kc, thuis):
    did = _gezin(kc)
    kc.ok("dossier", "lid", "add", did, "--naam", "Hilde", "--rol", "slachtoffer", "--geboortedatum", "1984-05-14")
    kc.ok("dossier", "instemming", did, "m1", "--datum", "2026-11-21")
    kc.ok("dossier", "ico", did, "--conclusie", "ketenaanpak-met-casusregie", "--datum", "2026-11-20",
          "--regisseur-naam", "Ann")
    assert str(_lees(thuis, did)["casusregie_start"]) == "2026-11-21"


def test_datum_zonder_jaar_wordt_voluit_gemeld(kc, thuis):
    did = _gezin(kc)
    kc.ok("dossier", "lid", "add", did, "--naam", "Hilde", "--rol", "slachtoffer", "--geboortedatum", "1984-05-14")
    kc.ok("pva", "rij", "add", did, "--factor", "geweld-angst", "--bij-wie", "m1")
    uit = kc.ok("pva", "actie", "add", did, "r1", "--omschrijving", "Veiligheidsplan", "--uiterlijk", "21/11")
    assert "--uiterlijk 21/11: gelezen als 21/11/2027" in " ".join(uit.stderr.split())  # a deadline: the next one
    assert str(_lees(thuis, did)["pva"]["rijen"][0]["acties"][0]["uiterlijk"]) == "2027-11-21"


def test_lege_namen_worden_overal_geweigerd(kc, thuis):
    assert kc("dossier", "new", "--regio", "leuven", "--gezin", "   ", "--no-input").exit_code == 2
    assert not (thuis / "dossiers").exists() or not any((thuis / "dossiers").iterdir())
    did = _gezin(kc)
    kc.ok("dossier", "lid", "add", did, "--naam", "Hilde", "--rol", "slachtoffer")
    pad = dossier_bestand(thuis, did)
    pad.write_text(pad.read_text(encoding="utf-8").replace("naam: Hilde", 'naam: "   "'), encoding="utf-8")
    uit = kc("dossier", "show", did)
    assert uit.exit_code == 1 and "de naam mag niet leeg zijn" in uit.stderr and "regel" in uit.stderr


def test_voorbeeld_van_regio_toon_is_plakbaar_in_een_smalle_terminal(kc, thuis, monkeypatch):
    monkeypatch.setenv("COLUMNS", "50")
    uit = kc.ok("regio", "toon", "leuven").stdout
    voorbeeld = uit.split("bijvoorbeeld:\n", 1)[1].split("Je instellingen:", 1)[0]
    (thuis / "config").mkdir(parents=True)
    (thuis / "config" / "regio.yaml").write_text(voorbeeld, encoding="utf-8")
    assert "Nog in te stellen" not in kc.ok("regio", "toon", "leuven").stdout.split("Vrije dagen")[0]


def test_onbestaande_dienst_als_begeleiding_is_een_tikfout(kc, thuis):
    did = _gezin(kc)
    kc.ok("dossier", "lid", "add", did, "--naam", "Hilde", "--rol", "slachtoffer")
    kc.ok("pva", "rij", "add", did, "--factor", "geweld-angst", "--bij-wie", "m1")
    uit = kc("pva", "actie", "add", did, "r1", "--omschrijving", "Opvang", "--begeleiding", "d7")
    assert uit.exit_code == 1 and "d7: die dienst bestaat niet" in uit.stderr
    assert _lees(thuis, did)["pva"]["rijen"][0].get("acties", []) == []


def test_pv_voor_de_start_van_de_casusregie_vraagt_geen_bijlage_b(kc, thuis):
    """One reading of annex B (L1277-1279): `tijdlijn toon` and `overzicht` agree about a pv from before
    casusregie (the intake shared it) and one during it (the consulent must hear of it)."""
    import json

    did = _gezin(kc)
    kc.ok("dossier", "lid", "add", did, "--naam", "Hilde", "--rol", "slachtoffer", "--geboortedatum", "1984-05-14")
    kc.ok("dossier", "dienst", "add", did, "--soort", "ocj-sdj", "--naam", "Jongerenwelzijn OSD")
    kc.ok("tijdlijn", "add", did, "--soort", "pv", "--datum", "2026-11-19", "--omschrijving", "Slagen", "--no-input")
    kc.ok("dossier", "instemming", did, "m1", "--datum", "2026-11-22")
    kc.ok("dossier", "ico", did, "--conclusie", "ketenaanpak-met-casusregie", "--datum", "2026-11-22",
          "--regisseur-naam", "Ann")
    kc.ok("tijdlijn", "add", did, "--soort", "incident", "--datum", "2026-11-23", "--omschrijving", "Ruzie",
          "--no-input")
    rijen = json.loads(kc.ok("tijdlijn", "toon", did, "--json").stdout)
    assert [r["open"] != [] for r in rijen] == [False, True]
    overzicht = [r for r in json.loads(kc.ok("overzicht", "--json").stdout) if "onsulent" in r["omschrijving"]]
    assert len(overzicht) == 1 and "23/11/2026" in overzicht[0]["omschrijving"]


def test_de_factornamen_zijn_te_vinden(kc):
    uit = kc.ok("kijkschema", "factoren").stdout
    assert "geweld-eerder" in uit and "kind-steun-omgeving" in uit and uit.count("beschermend") >= 21
    fout = kc("kijkschema", "invullen", "2026-001", "--factor", "geweld-eerdr=aanwezig")
    assert fout.exit_code == 2 and "bedoel je geweld-eerder" in fout.stderr and "kijkschema factoren" in fout.stderr


def test_veiligheidsplan_van_een_lid_naast_dat_van_het_gezin(kc, palmeneire, thuis):
    """The family's plan and one member's plan of the same day are two files, named by id only (D4)."""
    kc.ok("doc", palmeneire, "veiligheidsplan")
    kc.ok("doc", palmeneire, "veiligheidsplan", "--lid", "m2")
    namen = sorted(p.name for p in (thuis / "dossiers" / palmeneire / "documenten").glob("*.docx"))
    assert namen == ["2026-11-23_veiligheidsplan-m2.docx", "2026-11-23_veiligheidsplan.docx"]
    lijst = kc.ok("doc", palmeneire, "--lijst").stdout
    assert lijst.count("Veiligheidsplan") == 2 and "(eigen bestand)" not in lijst


def test_kleinkind_is_de_andere_kant_van_grootouder(kc, thuis):
    did = _gezin(kc)
    kc.ok("dossier", "lid", "add", did, "--naam", "Oma Rita", "--rol", "slachtoffer", "--geboortedatum", "1941-02-03")
    kc.ok("dossier", "lid", "add", did, "--naam", "Lotte", "--rol", "kind", "--geboortedatum", "2012-06-01",
          "--relatie", "m1:kleinkind-van::woont bij oma")
    leden = _lees(thuis, did)["gezinsleden"]
    assert leden[0]["relaties"][0]["soort"] == "grootouder-van"
    show = " ".join(kc.ok("dossier", "show", did).stdout.split())
    assert "kleinkind van Oma Rita (woont bij oma)" in show


def test_bewerking_blijft_bewaard_als_het_bewaren_mislukt(kc, palmeneire, thuis, tmp_path, monkeypatch):
    """Review finding: a save that fails for another reason than a conflict (here the user's own
    read-only file) keeps the edited copy, with its path and --herneem."""
    import os
    import sys

    if os.name != "posix":
        return
    dossier = dossier_bestand(thuis, palmeneire)
    script = tmp_path / "editor.py"
    script.write_text("import os, pathlib, sys\np = pathlib.Path(sys.argv[1])\n"
                      "p.write_text(p.read_text(encoding='utf-8').replace('gezin: De Palmeneire', "
                      "'gezin: Nieuwe naam De Palmeneire'), encoding='utf-8')\n"
                      f"os.chmod({str(dossier)!r}, 0o400)\n", encoding="utf-8")
    monkeypatch.setenv("EDITOR", f"{sys.executable} {script}")
    uit = kc("dossier", "edit", palmeneire, "--no-input")
    os.chmod(dossier, 0o600)
    assert uit.exit_code != 0
    kopieen = list((thuis / "bewerken").glob("*.yaml"))
    assert len(kopieen) == 1 and "Nieuwe naam" in kopieen[0].read_text(encoding="utf-8")
    assert "--herneem" in uit.stderr


def test_een_onbestaande_datum_zonder_jaar_noemt_geen_jaar(kc, thuis):
    """31/11 typed without a year: the message names no year (the trial saw "31 november 2000"); with a
    year it names that year."""
    did = _gezin(kc)
    uit = kc("tijdlijn", "add", did, "--soort", "incident", "--datum", "31/11", "--omschrijving", "x", "--no-input")
    tekst = " ".join(uit.stderr.split())
    assert uit.exit_code == 2 and "31 november bestaat niet: november heeft 30 dagen" in tekst and "2000" not in tekst
    uit = kc("tijdlijn", "add", did, "--soort", "incident", "--datum", "30 feb", "--omschrijving", "x", "--no-input")
    assert "30 februari bestaat niet: februari heeft hoogstens 29 dagen" in " ".join(uit.stderr.split())
    uit = kc("tijdlijn", "add", did, "--soort", "incident", "--datum", "31/11/2025", "--omschrijving", "x")
    assert "31 november 2025 bestaat niet: november 2025 heeft 30 dagen" in " ".join(uit.stderr.split())


def test_dossier_list_noemt_een_deadline_van_vandaag_te_laat(kc, thuis, monkeypatch):
    """A deadline at 14:00 is late at 15:00 that day in `dossier list` as in `overzicht` (one rule:
    planning.urgentie), not "(binnen de week)"."""
    monkeypatch.setenv("COLUMNS", "200")
    (thuis / "config").mkdir(parents=True, exist_ok=True)
    (thuis / "config" / "regio.yaml").write_text(
        "leuven:\n  tafels:\n    operationeel-team:\n      weekdag: dinsdag\n      weken: [1, 3]\n"
        "      begin: \"09:00\"\n      deadline: {weekdag: vrijdag, tijd: \"14:00\"}\n  vrije_dagen: []\n",
        encoding="utf-8")
    monkeypatch.setenv("KETENCLI_NU", "2026-12-10T10:00")
    kc.ok("dossier", "new", "--regio", "leuven", "--gezin", "Peeters", "--no-input")
    kc.ok("dossier", "lid", "add", "2026-001", "--naam", "Moeder", "--rol", "slachtoffer", "--no-input")
    kc.ok("agendeer", "rondetafel", "2026-001", "--vraag", "Hoe gaat het?", "--toch")
    rij = next(r for r in kc.ok("dossier", "list").stdout.splitlines() if "2026-001" in r)
    assert "vr 11/12/2026 14:00" in rij and "(binnen de week)" in rij
    monkeypatch.setenv("KETENCLI_NU", "2026-12-11T15:00")
    assert "TE LAAT" in kc.ok("overzicht").stdout.upper()
    rij = next(r for r in kc.ok("dossier", "list").stdout.splitlines() if "2026-001" in r)
    assert "vr 11/12/2026 14:00" in rij and "(te laat)" in rij and "binnen de week" not in rij
