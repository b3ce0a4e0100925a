"""`ketencli dossier`: new, list, show, edit, lid, instemming, ico — through the CLI."""

from __future__ import annotations

import json
import stat
import sys
import textwrap
from pathlib import Path

import pytest
import yaml

from tests.conftest import dossier_bestand, voorbeeld


def test_import_van_beide_voorbeelden_geeft_neutrale_ids(kc, palmeneire, westvl, thuis):
    assert palmeneire == "2026-001" and westvl == "2026-002"
    rijen = json.loads(kc.ok("dossier", "list", "--json").stdout)
    assert [r["id"] for r in rijen] == ["2026-001", "2026-002"]
    assert {r["regio"] for r in rijen} == {"co3-antwerpen", "ifg-west-vlaanderen"}
    # no name in any file or folder name under the home
    namen = [lid["naam"] for pad in thuis.rglob("dossier.yaml")
             for lid in yaml.safe_load(pad.read_text(encoding="utf-8"))["gezinsleden"]]
    for pad in thuis.rglob("*"):
        for naam in namen:
            for deel in naam.split():
                assert deel.lower() not in pad.name.lower() or len(deel) < 4, pad


def test_import_houdt_vrij_id_en_meldt_een_bezet_id(kc, thuis):
    """D2 (amended): the file's id is kept when it is free, without a remark; a taken id gets the next."""
    eerste = kc.ok("dossier", "new", "--from", voorbeeld("de-palmeneire-vercammen.yaml"), "--no-input")
    assert "Dossier 2026-001 aangemaakt" in eerste.output
    assert "id" not in eerste.stderr.lower()
    tweede = kc.ok("dossier", "new", "--from", voorbeeld("de-palmeneire-vercammen.yaml"), "--no-input")
    assert "Dossier 2026-002 aangemaakt" in tweede.output
    assert "2026-001 uit het bestand is al in gebruik" in tweede.output
    assert dossier_bestand(thuis, "2026-002").is_file()


def test_nieuw_met_opties_zonder_terminal(kc, thuis):
    uit = kc.ok("dossier", "new", "--regio", "leuven", "--gezin", "Peeters – Janssens", "--datum", "2026-11-20",
                "--aanmelder-organisatie", "CAW Oost-Brabant", "--no-input")
    assert "2026-001" in uit.output
    tekst = dossier_bestand(thuis, "2026-001").read_text(encoding="utf-8")
    data = yaml.safe_load(tekst)
    assert data["gezin"] == "Peeters – Janssens"  # unicode unescaped
    assert "Peeters – Janssens" in tekst
    assert data["aanmelding"]["datum"].isoformat() == "2026-11-20"
    assert list(data)[:5] == ["schema_version", "id", "regio", "fase", "gezin"]


def test_no_input_stopt_duidelijk_en_laat_niets_achter(kc, thuis):
    uit = kc("dossier", "new", "--no-input")
    assert uit.exit_code == 1
    assert "--no-input" in uit.stderr and "--regio" in uit.stderr
    assert not (thuis / "dossiers").exists() or not any((thuis / "dossiers").iterdir())


def test_zonder_terminal_geen_vragen_maar_uitleg(kc):
    uit = kc("dossier", "new")
    assert uit.exit_code == 1
    assert "terminal" in uit.stderr
    assert "Traceback" not in uit.output


def test_ongeldige_opties_zijn_gebruiksfouten(kc):
    uit = kc("dossier", "new", "--regio", "gent", "--gezin", "X", "--no-input")
    assert uit.exit_code == 2 and "co3-antwerpen" in uit.stderr
    uit = kc("dossier", "new", "--regio", "leuven", "--gezin", "X", "--datum", "2027-01-01", "--no-input")
    assert uit.exit_code == 2 and "toekomst" in uit.stderr
    uit = kc("dossier", "new", "--bestaat-niet")
    assert uit.exit_code == 2 and "onbekende optie" in uit.stderr


def test_list_filters_en_tabel(kc, palmeneire, westvl):
    alleen_wvl = json.loads(kc.ok("dossier", "list", "--regio", "ifg-west-vlaanderen", "--json").stdout)
    assert [r["id"] for r in alleen_wvl] == [westvl]
    geen = json.loads(kc.ok("dossier", "list", "--fase", "afgesloten", "--json").stdout)
    assert geen == []
    tabel = kc.ok("dossier", "list").stdout
    assert palmeneire in tabel and "De Palmeneire" in tabel
    assert kc("dossier", "list", "--fase", "klaar").exit_code == 2


AFGESLOTEN = """\
regio: co3-antwerpen
fase: afgesloten
gezin: Gezin Afgesloten
casusregie_start: 2025-02-03
aanmelding: {datum: 2025-01-10}
ico: {datum: 2025-01-24, conclusie: ketenaanpak-met-casusregie}
gezinsleden:
  - {id: m1, naam: Anna Afgesloten, rollen: [slachtoffer], geboortedatum: 1980-01-01}
afronding: {gestart_op: 2025-10-01, opvolging_tot: 2026-04-01, afgesloten_op: 2026-04-03}
"""


@pytest.fixture
def afgesloten(kc, tmp_path) -> str:
    bron = tmp_path / "afgesloten.yaml"
    bron.write_text(AFGESLOTEN, encoding="utf-8")
    uit = kc.ok("dossier", "new", "--from", bron, "--no-input").output
    return uit.split("Dossier ")[1].split(" ")[0]


def test_list_verbergt_afgesloten_dossiers_tenzij_alle(kc, palmeneire, westvl, afgesloten):
    """Issue 19: a caseload's closed files stay out of the daily list; --alle or --fase shows them."""
    tabel = kc.ok("dossier", "list").stdout
    assert palmeneire in tabel and westvl in tabel and afgesloten not in tabel
    assert "1 afgesloten dossier niet getoond (--alle toont ook die)." in tabel
    assert afgesloten in kc.ok("dossier", "list", "--alle").stdout
    assert afgesloten in kc.ok("dossier", "list", "--fase", "afgesloten").stdout
    assert [r["id"] for r in json.loads(kc.ok("dossier", "list", "--json").stdout)] == [palmeneire, westvl]
    assert len(json.loads(kc.ok("dossier", "list", "--json", "--alle").stdout)) == 3


def test_list_limit_zegt_hoeveel_er_niet_getoond_zijn(kc, palmeneire, westvl, afgesloten):
    uit = kc.ok("dossier", "list", "--limit", "1", "--alle").stdout  # sorted by id: 2025-001 first
    assert afgesloten in uit and palmeneire not in uit and westvl not in uit
    assert uit.rstrip().endswith("1 dossier getoond; nog 2 niet getoond (--limit 3 toont ze allemaal).")
    assert [r["id"] for r in json.loads(kc.ok("dossier", "list", "--limit", "1", "--json").stdout)] == [palmeneire]
    assert kc("dossier", "list", "--limit", "0").exit_code == 2


def test_list_tabel_zonder_rich_ziet_eruit_als_voorheen(kc, palmeneire, monkeypatch):
    """The listing renderer (ui.tabel) keeps the look of rich's table: heavy head, one row per dossier,
    cells cut with … in a narrow terminal, the next step wrapped."""
    monkeypatch.setenv("COLUMNS", "80")
    regels = kc.ok("dossier", "list").stdout.splitlines()
    assert regels[0].strip() == "Dossiers"
    assert regels[1].startswith("┏━") and regels[2].startswith("┃ id ") and regels[3].startswith("┡━")
    assert regels[4].startswith(f"│ {palmeneire} │ De Palmeneire – Vercammen") and regels[-1].startswith("└─")
    assert all(len(r) <= 80 for r in regels)
    monkeypatch.setenv("COLUMNS", "140")
    breed = kc.ok("dossier", "list").stdout
    assert "┃ regio " in breed and "co3-antwerpen" in breed and "Katrien Dewulf" in breed


def test_warme_list_met_limit_laadt_geen_pydantic(kc, palmeneire, thuis):
    import os
    import subprocess

    kc.ok("dossier", "list")  # the cache
    omgeving = {**os.environ, "KETENCLI_HOME": str(thuis)}
    uit = subprocess.run([sys.executable, "-X", "importtime", "-m", "ketencli", "dossier", "list", "--limit", "2"],
                         capture_output=True, text=True, env=omgeving, check=True)
    assert palmeneire in uit.stdout
    geladen = {r.split("|")[-1].strip().split(".")[0] for r in uit.stderr.splitlines() if r.startswith("import time")}
    assert geladen & {"ketencli"} and not geladen & {"pydantic", "yaml", "rich", "holidays", "docxtpl"}


def test_show_toont_plus12_en_instemming(kc, westvl):
    uit = kc.ok("dossier", "show", westvl).stdout
    data = yaml.safe_load(voorbeeld("west-vlaanderen-gezin.yaml").read_text(encoding="utf-8"))
    kinderen = [lid for lid in data["gezinsleden"] if "kind" in lid["rollen"]]
    ouder = [k for k in kinderen if k["geboortedatum"].year <= 2014]
    jonger = [k for k in kinderen if k["geboortedatum"].year > 2014]
    assert ouder and jonger
    regel = next(r for r in uit.splitlines() if "Kinderen ouder dan 12" in r)
    assert ouder[0]["naam"] in regel and jonger[0]["naam"] not in regel
    assert "(+12)" in uit
    assert "ja, " in uit  # someone consented
    assert "gedetineerd" in uit and "Brugge" in uit


def test_plus12_volgt_de_klok(kc, westvl, monkeypatch):
    data = yaml.safe_load(voorbeeld("west-vlaanderen-gezin.yaml").read_text(encoding="utf-8"))
    ouder = next(k for k in data["gezinsleden"] if "kind" in k["rollen"] and k["geboortedatum"].year <= 2014)
    dag_voor = ouder["geboortedatum"].replace(year=ouder["geboortedatum"].year + 12).toordinal() - 1
    from datetime import date

    monkeypatch.setenv("KETENCLI_NU", date.fromordinal(dag_voor).isoformat())
    uit = kc.ok("dossier", "show", westvl).stdout
    regel = next(r for r in uit.splitlines() if "Kinderen ouder dan 12" in r)
    assert ouder["naam"] not in regel


def test_onbekend_id_stelt_voor(kc, palmeneire):
    uit = kc("dossier", "show", "2026-01")
    assert uit.exit_code == 1
    assert "bestaat niet" in uit.stderr and palmeneire in uit.stderr


def test_lid_toevoegen_wijzigen_en_relaties_wederkerig(kc, thuis):
    kc.ok("dossier", "new", "--regio", "co3-antwerpen", "--gezin", "Test", "--no-input")
    kc.ok("dossier", "lid", "add", "2026-001", "--naam", "An", "--rol", "slachtoffer", "--geboortedatum", "1990-01-02")
    kc.ok("dossier", "lid", "add", "2026-001", "--naam", "Bert", "--rol", "pleger", "--rol", "slachtoffer",
          "--relatie", "m1:partner", "--gevangenis", "turnhout", "--detentie", "voorlopige-hechtenis")
    kc.ok("dossier", "lid", "add", "2026-001", "--naam", "Cas", "--rol", "kind", "--geboortedatum", "2014-11-23",
          "--relatie", "m1:kind-van", "--relatie", "m2:kind-van")
    data = yaml.safe_load(dossier_bestand(thuis, "2026-001").read_text(encoding="utf-8"))
    an, bert, cas = data["gezinsleden"]
    assert bert["rollen"] == ["pleger", "slachtoffer"]
    assert [(r["met"], r["soort"]) for r in an["relaties"]] == [("m2", "partner"), ("m3", "ouder-van")]
    assert ("m3", "ouder-van") in [(r["met"], r["soort"]) for r in bert["relaties"]]
    assert bert["detentie"]["gevangenis"] == "turnhout"
    # Cas turns 12 on the pinned day itself (decisions D16)
    assert "(+12)" in kc.ok("dossier", "show", "2026-001").stdout
    kc.ok("dossier", "lid", "edit", "2026-001", "m2", "--niet-betrokken", "escalatiegevaar", "--gevangenis", "geen")
    data = yaml.safe_load(dossier_bestand(thuis, "2026-001").read_text(encoding="utf-8"))
    assert data["gezinsleden"][1]["tijdelijk_niet_betrokken"]["reden"] == "escalatiegevaar"
    assert "detentie" not in data["gezinsleden"][1]


def test_lid_fouten_zijn_duidelijk_en_bewaren_niets(kc, thuis, palmeneire):
    pad = dossier_bestand(thuis, palmeneire)
    voor = pad.read_bytes()
    uit = kc("dossier", "lid", "add", palmeneire, "--naam", "X", "--rol", "kind", "--relatie", "m9:ouder-van")
    assert uit.exit_code == 2 and "m9" in uit.stderr
    uit = kc("dossier", "lid", "add", palmeneire, "--naam", "X", "--rol", "dader")
    assert uit.exit_code == 2 and "slachtoffer" in uit.stderr
    uit = kc("dossier", "lid", "add", palmeneire, "--naam", "X", "--rol", "pleger", "--gevangenis", "brugg",
             "--detentie", "veroordeeld")
    assert uit.exit_code == 2 and "brugge" in uit.stderr
    uit = kc("dossier", "lid", "edit", palmeneire, "m42", "--naam", "Y")
    assert uit.exit_code == 1 and "m42" in uit.stderr
    assert pad.read_bytes() == voor


def test_instemming_registreren_intrekken_en_historiek(kc, thuis):
    kc.ok("dossier", "new", "--regio", "leuven", "--gezin", "Test", "--no-input")
    kc.ok("dossier", "lid", "add", "2026-001", "--naam", "An", "--rol", "slachtoffer", "--geboortedatum", "1990-01-02")
    kc.ok("dossier", "lid", "add", "2026-001", "--naam", "Kobe", "--rol", "kind", "--geboortedatum", "2015-01-02")
    uit = kc.ok("dossier", "instemming", "2026-001", "m2")
    assert "geen geldige instemming van een volwassen" in uit.stderr  # a child alone is not enough
    kc.ok("dossier", "instemming", "2026-001", "m1", "--datum", "2026-11-20", "--door", "CAW")
    assert kc("dossier", "instemming", "2026-001", "m1").exit_code == 1  # already consented
    assert kc("dossier", "instemming", "2026-001", "m1", "--datum", "2026-12-01").exit_code == 2  # future
    kc.ok("dossier", "instemming", "2026-001", "m1", "--intrekken")
    data = yaml.safe_load(dossier_bestand(thuis, "2026-001").read_text(encoding="utf-8"))
    assert data["gezinsleden"][0]["instemming"]["ingetrokken"].isoformat() == "2026-11-23"
    assert [h["wat"] for h in data["historie"]][-1] == "instemming ingetrokken (m1)"
    assert "ingetrokken" in kc.ok("dossier", "show", "2026-001").stdout


def test_ico_zet_de_fase_en_vraagt_instemming(kc, thuis):
    kc.ok("dossier", "new", "--regio", "co3-antwerpen", "--gezin", "Test", "--no-input")
    kc.ok("dossier", "lid", "add", "2026-001", "--naam", "An", "--rol", "slachtoffer", "--geboortedatum", "1990-01-02")
    uit = kc.ok("dossier", "ico", "2026-001", "--conclusie", "ketenaanpak-met-casusregie")
    assert "geen instemming" in uit.stdout.lower()
    assert "dan start de casusregie" in " ".join(uit.output.split())
    # guide L133-135: casusregie starts once one adult consents, without a second ICO outcome
    # a consent dated before the ICO (23/11) starts casusregie on the day of the ICO, never earlier
    uit = kc.ok("dossier", "instemming", "2026-001", "m1", "--datum", "2026-11-21")
    assert "de casusregie start op 23/11/2026" in " ".join(uit.output.split())
    data = yaml.safe_load(dossier_bestand(thuis, "2026-001").read_text(encoding="utf-8"))
    assert data["fase"] == "casusregie" and data["casusregie_start"].isoformat() == "2026-11-23"
    assert any("geen-instemming → casusregie" in h["wat"] for h in data["historie"])
    assert kc("dossier", "ico", "2026-001", "--conclusie", "herbespreking").exit_code != 0


# -- edit ------------------------------------------------------------------------------------


def _editor(tmp_path: Path, monkeypatch, code: str) -> None:
    script = tmp_path / "editor.py"
    script.write_text("import sys, pathlib\np = pathlib.Path(sys.argv[1])\nt = p.read_text(encoding='utf-8')\n"
                      + textwrap.dedent(code), encoding="utf-8")
    monkeypatch.setenv("EDITOR", f"{sys.executable} {script}")
    monkeypatch.delenv("VISUAL", raising=False)


def test_edit_bewaart_een_geldige_wijziging(kc, thuis, palmeneire, tmp_path, monkeypatch):
    _editor(tmp_path, monkeypatch, "p.write_text(t.replace('gezin: De Palmeneire', 'gezin: Nieuw De Palmeneire'), "
                                   "encoding='utf-8')\n")
    kc.ok("dossier", "edit", palmeneire)
    assert "gezin: Nieuw De Palmeneire" in dossier_bestand(thuis, palmeneire).read_text(encoding="utf-8")
    assert not list((thuis / "bewerken").iterdir())  # the owner-only copy is gone


def test_edit_met_fout_laat_het_dossier_ongewijzigd(kc, thuis, palmeneire, tmp_path, monkeypatch):
    pad = dossier_bestand(thuis, palmeneire)
    voor = pad.read_bytes()
    _editor(tmp_path, monkeypatch, "p.write_text(t + 'gezinsnaamm: x\\n', encoding='utf-8')\n")
    uit = kc("dossier", "edit", palmeneire)
    assert uit.exit_code == 1
    assert "gezinsnaamm" in uit.stderr and "regel" in uit.stderr
    assert pad.read_bytes() == voor
    _editor(tmp_path, monkeypatch,
            "p.write_text(t.replace('fase: casusregie', 'fase: afgesloten'), encoding='utf-8')\n")
    uit = kc("dossier", "edit", palmeneire)
    assert uit.exit_code == 1 and "fase" in uit.stderr
    assert pad.read_bytes() == voor


def test_edit_zonder_wijziging(kc, palmeneire, tmp_path, monkeypatch):
    _editor(tmp_path, monkeypatch, "import time\ntime.sleep(1.2)\n")  # a user who looked and closed
    assert "Geen wijzigingen" in kc.ok("dossier", "edit", palmeneire).stderr


# -- hand-edited files -------------------------------------------------------------------------


def test_kapotte_yaml_geeft_regelnummer_en_blijft_onaangeroerd(kc, thuis, palmeneire):
    pad = dossier_bestand(thuis, palmeneire)
    with pad.open("a", encoding="utf-8") as f:
        f.write("x: [\n")
    kapot = pad.read_bytes()
    for commando in (["dossier", "show", palmeneire], ["dossier", "instemming", palmeneire, "m1"]):
        uit = kc(*commando)
        assert uit.exit_code == 1, uit.output
        assert "regel" in uit.stderr and "dossiers/" in uit.stderr.replace("\\", "/")
        assert "Traceback" not in uit.output
    assert pad.read_bytes() == kapot
    rijen = json.loads(kc.ok("dossier", "list", "--json").stdout)
    assert rijen[0]["fout"]


def test_onbekende_sleutel_wordt_genoemd_met_voorstel(kc, thuis, palmeneire):
    pad = dossier_bestand(thuis, palmeneire)
    tekst = pad.read_text(encoding="utf-8").replace("\ngezin:", "\ngezinn:")
    pad.write_text(tekst, encoding="utf-8")
    uit = kc("dossier", "show", palmeneire)
    assert uit.exit_code == 1
    assert "gezinn" in uit.stderr and "bedoel je 'gezin'" in uit.stderr


def test_telefoonnummer_zonder_aanhalingstekens_blijft_tekst(kc, thuis, palmeneire):
    pad = dossier_bestand(thuis, palmeneire)
    data = yaml.safe_load(pad.read_text(encoding="utf-8"))
    tekst = pad.read_text(encoding="utf-8")
    tekst = tekst.replace("casusregisseur:\n", "casusregisseur:\n  contact: 0470123456\n", 1) if \
        "contact:" not in yaml.safe_dump(data.get("casusregisseur", {})) else tekst
    pad.write_text(tekst, encoding="utf-8")
    kc.ok("dossier", "show", palmeneire)


def test_vreemde_invoer_in_import(kc, tmp_path):
    bestand = tmp_path / "in.yaml"
    bestand.write_text("regio: co3-antwerpen\ngezin: X\ngezinsleden:\n  - id: m1\n    naam: A\n    rollen: [dader]\n",
                       encoding="utf-8")
    uit = kc("dossier", "new", "--from", bestand, "--no-input")
    assert uit.exit_code == 1
    assert "regel 6" in uit.stderr and "slachtoffer" in uit.stderr
    assert kc("dossier", "new", "--from", tmp_path / "bestaat-niet.yaml", "--no-input").exit_code == 1


# -- permissions -------------------------------------------------------------------------------


@pytest.mark.skipif(sys.platform == "win32", reason="POSIX permissions")
def test_alleen_de_eigenaar_kan_lezen(kc, thuis, palmeneire, tmp_path, monkeypatch):
    _editor(tmp_path, monkeypatch, "p.write_text(t.replace('gezin: De', 'gezin: Het De'), encoding='utf-8')\n")
    kc.ok("dossier", "edit", palmeneire)
    kc.ok("dossier", "instemming", palmeneire, "m1", "--intrekken")
    for pad in [thuis, *thuis.rglob("*")]:
        modus = stat.S_IMODE(pad.stat().st_mode)
        if pad.is_dir():
            assert modus == 0o700, pad
        elif not pad.name.endswith(".lock"):
            assert modus == 0o600, pad


def test_voorbeelden_lezen_gelijk_met_elke_yaml_lezer():
    """The acceptance scripts and other tools read examples with plain PyYAML: no C-loader-only syntax."""
    from ketencli import store

    for pad in sorted(voorbeeld(".").glob("*.yaml")):
        tekst = pad.read_text(encoding="utf-8")
        gewoon = yaml.load(tekst, Loader=yaml.SafeLoader)  # the pure-Python loader
        assert "gezinsleden" in gewoon
        assert store.dossier_uit_tekst(tekst, str(pad)).model_dump() == store.valideer(
            gewoon, tekst, str(pad)).model_dump()
