"""Issue "invoer" (everything recordable without a text editor) §1 and §2, and issue "methode" item 6
(the appointed casusregisseur with the ICO outcome): through the CLI, as a user types it."""

from __future__ import annotations

import copy
import json
import re
from pathlib import Path

import pytest
import yaml

from tests.conftest import dossier_bestand
from tests.test_doc import alle_tekst

BASIS = yaml.safe_load("""
schema_version: 1
regio: co3-antwerpen
fase: casusregie
gezin: Aerts – Boon
casusregie_start: 2026-09-07
aanmelding:
  datum: 2026-08-17
  aanmelder: {organisatie: CAW Voorbeeld, persoon: An Aanmelder, contact: "03 000 00 00"}
ico: {datum: 2026-08-28, conclusie: ketenaanpak-met-casusregie, advies: Instroom met casusregie.}
gezinsleden:
  - {id: m1, naam: Piet Aerts, rollen: [pleger], geboortedatum: 1980-01-01, instemming: {datum: 2026-08-20},
     relaties: [{met: m2, soort: partner}]}
  - {id: m2, naam: Els Boon, rollen: [slachtoffer], geboortedatum: 1982-02-02, instemming: {datum: 2026-08-20},
     relaties: [{met: m1, soort: partner}]}
betrokken_diensten:
  - {id: d1, soort: caw, naam: CAW Voorbeeld, contactpersoon: Tom Hulp, contact: "03 222 22 22", rol: begeleiding}
casusregisseur: {naam: Rita Regisseur, organisatie: CAW Voorbeeld, contact: "03 111 11 11"}
kijkschema:
  - datum: 2026-09-14
    factoren:
      - {factor: geweld-eerder, staat: aanwezig, bij_wie: [m1]}
pva:
  opgemaakt_op: 2026-09-21
  rijen:
    - {id: r1, domein: geweld, factor: geweld-eerder, soort: risico, bij_wie: [m1], noden: Leren omgaan met boosheid.,
       aanpak: Daderhulp., acties: [{omschrijving: Daderhulp, begeleiding: d1, stavaza: gestart}]}
""")


def verkenning(**extra) -> dict:
    """Before the ICO: no casusregie, no regisseur, no plan."""
    d = copy.deepcopy(BASIS)
    d["fase"] = "verkenning"
    for sleutel in ("casusregie_start", "ico", "casusregisseur", "kijkschema", "pva"):
        d.pop(sleutel)
    d.update(extra)
    return d


def importeer(kc, tmp_path: Path, data: dict) -> str:
    bron = tmp_path / f"import-{len(list(tmp_path.glob('import-*')))}.yaml"
    bron.write_text(yaml.safe_dump(data, allow_unicode=True, sort_keys=False), encoding="utf-8")
    uit = kc.ok("dossier", "new", "--from", bron, "--no-input")
    return re.search(r"Dossier (\d{4}-\d{3,}) aangemaakt", uit.output).group(1)


def lees(thuis: Path, dossier_id: str) -> dict:
    return yaml.safe_load(dossier_bestand(thuis, dossier_id).read_text(encoding="utf-8"))


# -- §1 services -------------------------------------------------------------------------------------


def test_dienstsoorten_zijn_de_lijst_van_het_model():
    """D6: the kinds offered by the wizard and `--soort` are exactly the model's list."""
    from ketencli import model
    from ketencli.methodiek.aanmelding import DIENST_LABELS

    assert tuple(DIENST_LABELS) == model.DienstSoort.__args__


def test_dienst_add_bewaart_en_zet_bijlage_b_aan(kc, thuis, tmp_path):
    did = importeer(kc, tmp_path, BASIS)
    stap = json.loads(kc.ok("stap", "toon", did, "--json", "--alles").stdout)
    assert not next(c for c in stap["checklists"] if c["key"] == "bijlage-b")["van_toepassing"]
    uit = kc.ok("dossier", "dienst", "add", did, "--soort", "ocj-sdj", "--naam", "OCJ Voorbeeld", "--contactpersoon",
                "consulent Jan Jeugd", "--contact", "03 333 33 33", "--rol", "consulent voor de kinderen", "--no-input")
    assert "d2" in uit.stdout
    assert lees(thuis, did)["betrokken_diensten"][1] == {
        "id": "d2", "soort": "ocj-sdj", "naam": "OCJ Voorbeeld", "contactpersoon": "consulent Jan Jeugd",
        "contact": "03 333 33 33", "rol": "consulent voor de kinderen"}
    # annex B (informing the consulent) applies once an OCJ/SDJ service is involved (D6, D28)
    stap = json.loads(kc.ok("stap", "toon", did, "--json", "--alles").stdout)
    assert next(c for c in stap["checklists"] if c["key"] == "bijlage-b")["van_toepassing"]


def test_dienst_van_onbekende_soort_wordt_geweigerd(kc, thuis, tmp_path):
    did = importeer(kc, tmp_path, BASIS)
    voor = dossier_bestand(thuis, did).read_bytes()
    uit = kc("dossier", "dienst", "add", did, "--soort", "bestaatniet", "--naam", "X", "--no-input")
    assert uit.exit_code == 2 and "ocj-sdj" in uit.stderr  # the allowed kinds are named
    assert dossier_bestand(thuis, did).read_bytes() == voor
    uit = kc("dossier", "dienst", "add", did, "--naam", "X", "--no-input")
    assert uit.exit_code != 0 and "--soort" in uit.stderr
    assert dossier_bestand(thuis, did).read_bytes() == voor


def test_dienst_edit_wijzigt_alleen_wat_je_geeft(kc, thuis, tmp_path):
    did = importeer(kc, tmp_path, BASIS)
    kc.ok("dossier", "dienst", "edit", did, "d1", "--contact", "03 444 44 44")
    assert lees(thuis, did)["betrokken_diensten"][0] == {
        "id": "d1", "soort": "caw", "naam": "CAW Voorbeeld", "contactpersoon": "Tom Hulp", "contact": "03 444 44 44",
        "rol": "begeleiding"}
    uit = kc("dossier", "dienst", "edit", did, "d9", "--contact", "x")
    assert uit.exit_code == 1 and "d1" in uit.stderr


def test_dienst_rm_geweigerd_zolang_het_plan_ernaar_verwijst(kc, thuis, tmp_path):
    did = importeer(kc, tmp_path, BASIS)
    voor = dossier_bestand(thuis, did).read_bytes()
    uit = kc("dossier", "dienst", "rm", did, "d1")
    assert uit.exit_code == 1
    assert "rij r1 (Eerder fysiek of seksueel geweld" in uit.stderr and "actie 1" in uit.stderr
    assert "ketencli pva actie edit" in uit.stderr
    assert dossier_bestand(thuis, did).read_bytes() == voor
    kc.ok("dossier", "dienst", "add", did, "--soort", "politie", "--naam", "Politie Zone", "--no-input")
    kc.ok("dossier", "dienst", "rm", did, "d2")
    assert [x["id"] for x in lees(thuis, did)["betrokken_diensten"]] == ["d1"]


def test_dienst_zonder_terminal_noemt_de_opties(kc, tmp_path):
    did = importeer(kc, tmp_path, BASIS)
    uit = kc("dossier", "dienst", "add", did, "--soort", "caw")
    assert uit.exit_code == 1 and "--naam" in uit.stderr


def test_dienst_wizard(kc, thuis, tmp_path, vraag_invoer):
    did = importeer(kc, tmp_path, BASIS)
    # kind (typing filters the long list), name, contact person, contact, role
    vraag_invoer("politie\r" + "Politie Noord\r" + "inspecteur Vos\r" + "03 1\r" + "huisbezoeken\r")
    kc.ok("dossier", "dienst", "add", did)
    assert lees(thuis, did)["betrokken_diensten"][-1] == {
        "id": "d2", "soort": "politie", "naam": "Politie Noord", "contactpersoon": "inspecteur Vos",
        "contact": "03 1", "rol": "huisbezoeken"}


# -- §1 regisseur and profile ---------------------------------------------------------------------------


def test_dossier_regisseur(kc, thuis, tmp_path):
    did = importeer(kc, tmp_path, BASIS)
    kc.ok("dossier", "regisseur", did, "--naam", "Karel Nieuw", "--organisatie", "CGG Voorbeeld",
          "--contact", "03 999 99 99")
    assert lees(thuis, did)["casusregisseur"] == {"naam": "Karel Nieuw", "organisatie": "CGG Voorbeeld",
                                                   "contact": "03 999 99 99"}
    assert "Karel Nieuw" in kc.ok("dossier", "show", did).stdout
    assert lees(thuis, did)["historie"][-1]["wat"] == "casusregisseur vastgelegd"
    uit = kc("dossier", "regisseur", did)
    assert uit.exit_code == 1 and "--naam" in uit.stderr


def test_profiel_is_standaardregio_en_regisseur_bij_de_ico(kc, thuis):
    assert "nog geen profiel" in kc.ok("profiel").stdout
    kc.ok("profiel", "--naam", "Petra Profiel", "--organisatie", "CAW Oost-Brabant", "--contact", "016 11 22 33",
          "--regio", "leuven")
    pad = thuis / "config" / "profiel.yaml"  # the config folder of D13 when only KETENCLI_HOME is set
    assert yaml.safe_load(pad.read_text(encoding="utf-8")) == {
        "naam": "Petra Profiel", "organisatie": "CAW Oost-Brabant", "contact": "016 11 22 33", "regio": "leuven"}
    assert pad.stat().st_mode & 0o077 == 0
    assert "Petra Profiel" in kc.ok("profiel").stdout
    kc.ok("profiel", "--contact", "016 99")  # one field changes, the others stay
    assert yaml.safe_load(pad.read_text(encoding="utf-8"))["naam"] == "Petra Profiel"
    assert kc("profiel", "--regio", "gent").exit_code == 2

    kc.ok("dossier", "new", "--gezin", "Profiel – Test", "--no-input")  # no --regio: the profile's
    did = "2026-001"
    assert lees(thuis, did)["regio"] == "leuven"
    kc.ok("dossier", "lid", "add", did, "--naam", "Eva Test", "--rol", "slachtoffer", "--geboortedatum", "1985-05-05")
    kc.ok("dossier", "instemming", did, "m1", "--datum", "2026-11-20")
    uit = kc.ok("dossier", "ico", did, "--conclusie", "ketenaanpak-met-casusregie", "--datum", "2026-11-20",
                "--advies", "Instroom.")
    assert "uit je profiel" in uit.stdout
    assert lees(thuis, did)["casusregisseur"] == {"naam": "Petra Profiel", "organisatie": "CAW Oost-Brabant",
                                                   "contact": "016 99"}


# -- issue "methode" item 6: the appointed casusregisseur ---------------------------------------------------


def test_ico_legt_de_aangestelde_regisseur_vast_en_de_mail_is_ondertekend(kc, thuis, tmp_path):
    """ICO finaliteit "aanstellen casusregisseur": recorded with the outcome; the PSD/JWW mail (annex D)
    is then signed by the regisseur and never says there is no casusregie yet."""
    d = verkenning(gezin="Peeters – Regie")
    d["gezinsleden"][0]["detentie"] = {"gevangenis": "antwerpen", "soort": "voorlopige-hechtenis",
                                       "sinds": "2026-11-01"}
    d["gezinsleden"][1]["instemming"] = {"datum": "2026-11-10"}
    did = importeer(kc, tmp_path, d)
    kc.ok("dossier", "ico", did, "--conclusie", "ketenaanpak-met-casusregie", "--datum", "2026-11-20", "--advies",
          "Instroom met casusregie.", "--regisseur-naam", "Rita Regisseur", "--regisseur-organisatie",
          "CAW Voorbeeld", "--regisseur-contact", "03 111 11 11")
    data = lees(thuis, did)
    assert data["casusregisseur"] == {"naam": "Rita Regisseur", "organisatie": "CAW Voorbeeld",
                                      "contact": "03 111 11 11"}
    assert "casusregisseur aangesteld" in [h["wat"] for h in data["historie"]]
    uit = kc.ok("doc", did, "psd-jww-mail", "--uit", tmp_path / "mail.docx")
    tekst = alle_tekst(tmp_path / "mail.docx")
    assert "Rita Regisseur" in tekst and "Ik ben de casusregisseur" in tekst
    assert not re.search("geen actieve casusregie", tekst + uit.output, re.I)


def test_ico_zonder_regisseur_en_zonder_profiel_zegt_hoe(kc, thuis, tmp_path):
    d = verkenning()
    d["gezinsleden"][1]["instemming"] = {"datum": "2026-11-10"}
    did = importeer(kc, tmp_path, d)
    uit = kc.ok("dossier", "ico", did, "--conclusie", "ketenaanpak-met-casusregie", "--datum", "2026-11-20",
                "--advies", "Instroom.")
    assert f"ketencli dossier regisseur {did}" in uit.stderr
    uit = kc("dossier", "ico", did, "--conclusie", "geen-ketenaanpak", "--regisseur-naam", "X")
    assert uit.exit_code == 2


@pytest.mark.parametrize("soort", ["psd-jww-mail", "brief-gedetineerde"])
def test_casusregie_zonder_regisseur_is_nooit_geen_actieve_casusregie(kc, thuis, tmp_path, soort):
    d = copy.deepcopy(BASIS)
    d.pop("casusregisseur")
    d["gezinsleden"][0]["detentie"] = {"gevangenis": "turnhout" if soort == "brief-gedetineerde" else "antwerpen",
                                       "soort": "voorlopige-hechtenis", "sinds": "2026-11-01"}
    did = importeer(kc, tmp_path, d)
    uit = kc.ok("doc", did, soort, "--uit", tmp_path / "doc.docx")
    tekst = alle_tekst(tmp_path / "doc.docx")
    assert not re.search("geen actieve casusregie|nog geen casusregisseur", tekst + uit.output, re.I)
    assert "______" in tekst  # the name is left to fill in
    assert f"ketencli dossier regisseur {did}" in uit.output  # and the warning says how to record it


# -- §1 findings name their command -------------------------------------------------------------------


def test_pva_check_noemt_het_commando_om_iets_toe_te_voegen(kc, tmp_path):
    d = copy.deepcopy(BASIS)
    d["pva"]["rijen"][0]["acties"][0]["begeleiding"] = "Vagga Time Out"  # not a service of the dossier
    d["pva"]["rijen"][0]["noden"] = ""
    did = importeer(kc, tmp_path, d)
    bevindingen = json.loads(kc("pva", "check", did, "--json").stdout)["bevindingen"]
    vagga = next(b for b in bevindingen if "Vagga" in b["melding"])
    assert f"ketencli dossier dienst add {did}" in vagga["wat_te_doen"]
    zonder = [b["regel"] for b in bevindingen
              if re.search(r"\b(voeg|vul|neem)\b", b["wat_te_doen"], re.I) and "ketencli " not in b["wat_te_doen"]]
    assert not zonder


# -- §2 the stored file stays plain YAML --------------------------------------------------------------


def test_ico_datum_en_start_casusregie_zijn_twee_gewone_datums(kc, thuis, tmp_path):
    """The ICO date and casusregie_start are the same date: no &id001 / *id001 (the conftest checks
    every dossier of the suite the same way)."""
    d = verkenning()
    d["gezinsleden"][1]["instemming"] = {"datum": "2026-11-10"}
    did = importeer(kc, tmp_path, d)
    kc.ok("dossier", "ico", did, "--conclusie", "ketenaanpak-met-casusregie", "--datum", "2026-11-20",
          "--advies", "Instroom.", "--regisseur-naam", "Rita")
    tekst = dossier_bestand(thuis, did).read_text(encoding="utf-8")
    assert "casusregie_start: 2026-11-20\n" in tekst and "  datum: 2026-11-20\n" in tekst
    assert not re.search(r"[&*]id\d", tekst)


def test_emoji_en_meerdere_regels_zoals_getypt(kc, thuis, tmp_path):
    did = importeer(kc, tmp_path, BASIS)
    kc.ok("tijdlijn", "add", did, "--soort", "contact", "--datum", "2026-11-21", "--omschrijving",
          "Boos bericht 😡 van Piet", "--no-input")
    kc.ok("tijdlijn", "add", did, "--soort", "contact", "--datum", "2026-11-22", "--omschrijving",
          "Gesprek met Els 😢\nze wil verhuizen naar haar zus", "--no-input")
    tekst = dossier_bestand(thuis, did).read_text(encoding="utf-8")
    assert "omschrijving: Boos bericht 😡 van Piet\n" in tekst and "\\U0001F621" not in tekst
    assert re.search(r"omschrijving: \|-?\n +Gesprek met Els 😢\n +ze wil verhuizen naar haar zus\n", tekst)
    assert "😢" in kc.ok("dossier", "show", did).stdout  # and it reads back


def test_stuurteken_in_het_dossier_noemt_bestand_regel_kolom_en_teken(kc, thuis, tmp_path):
    did = importeer(kc, tmp_path, BASIS)
    pad = dossier_bestand(thuis, did)
    regels = pad.read_text(encoding="utf-8").split("\n")
    nr = next(i for i, regel in enumerate(regels, 1) if regel.startswith("gezin:"))
    regels[nr - 1] += "\x01x"
    pad.write_text("\n".join(regels), encoding="utf-8")
    uit = kc("dossier", "show", did)
    assert uit.exit_code == 1
    kolom = len(regels[nr - 1]) - 1
    assert f"dossier.yaml, regel {nr}, kolom {kolom}" in uit.stderr and "U+0001" in uit.stderr
    assert "Traceback" not in uit.output


@pytest.mark.parametrize(("inhoud", "verwacht"), [
    ("gezin: a: b\n", "regel 1, kolom 9"),  # libyaml says "in this context", PyYAML "here"
    ("gezin: x\n\tregio: y\n", "regel 2, kolom 1"),
    # the mistake's own line, not the later one where the parser noticed it
    ("gezin: \"open\nregio: x\n",
     "regel 1, kolom 8: dit is geen geldige YAML (een aanhalingsteken wordt niet gesloten"),
    ("gezin: x\nregio co3\nfase: y\n",
     "regel 2, kolom 1: dit is geen geldige YAML (een ':' verwacht na de sleutel die hier begint)"),
    ("gezin: [a, b\nregio: x\n",
     "regel 1, kolom 8: dit is geen geldige YAML (een ',' of ']' verwacht; bij het teken '[')"),
    ("gezin: x\x7f\n", "U+007F"),
])
def test_elke_yaml_fout_noemt_de_plek(kc, tmp_path, inhoud, verwacht):
    bron = tmp_path / "kapot.yaml"
    bron.write_text(inhoud, encoding="utf-8")
    uit = kc("dossier", "new", "--from", bron, "--no-input")
    assert uit.exit_code == 1 and "kapot.yaml" in uit.stderr and verwacht in uit.stderr, uit.stderr


# -- the registration and members without a text editor ------------------------------------------------


def test_dossier_aanmelding_vult_vragen_aan(kc, thuis, tmp_path):
    did = importeer(kc, tmp_path, verkenning())
    uit = kc.ok("dossier", "aanmelding", did, "--waarom-nu", "Nieuw pv.\nMevrouw is bang.", "--aanmelder-contact",
                "03 9")
    assert "2 velden" in uit.stdout
    a = lees(thuis, did)["aanmelding"]
    assert a["waarom_nu"] == "Nieuw pv.\nMevrouw is bang." and a["aanmelder"]["contact"] == "03 9"
    assert a["aanmelder"]["organisatie"] == "CAW Voorbeeld"  # untouched
    assert lees(thuis, did)["historie"][-1]["wat"] == "aanmelding aangevuld (aanmelder, waarom_nu)"
    uit = kc("dossier", "aanmelding", did)
    assert uit.exit_code == 1 and "--waarom-nu" in uit.stderr


def test_lid_notitie_en_relatie_met_sinds_en_toelichting(kc, thuis, tmp_path):
    did = importeer(kc, tmp_path, verkenning())
    kc.ok("dossier", "lid", "add", did, "--naam", "Nieuwe Partner", "--rol", "ander",
          "--relatie", "m2:partner:1/3/2025:samenwonend: sinds de verhuis", "--notitie", "Werkt 's nachts.")
    from datetime import date

    leden = lees(thuis, did)["gezinsleden"]
    assert leden[2]["relaties"] == [{"met": "m2", "soort": "partner", "sinds": date(2025, 3, 1),
                                     "toelichting": "samenwonend: sinds de verhuis"}]
    assert leden[2]["notitie"] == "Werkt 's nachts."
    terug = next(r for r in leden[1]["relaties"] if r["met"] == "m3")  # the other side: same start date
    assert (terug["soort"], terug["sinds"], terug.get("toelichting", "")) == ("partner", date(2025, 3, 1), "")


def test_kijkschema_met_factor_opties(kc, thuis, tmp_path):
    did = importeer(kc, tmp_path, verkenning())
    kc.ok("kijkschema", "invullen", did, "--datum", "20/11", "--no-input", "--door", "Rita",
          "--factor", "geweld-eerder=aanwezig@m1:Twee pv's: in mei en juni.", "--factor", "kind-vaardigheden=onbekend")
    moment = lees(thuis, did)["kijkschema"][0]
    assert moment["door"] == "Rita" and str(moment["datum"]) == "2026-11-20"
    assert moment["factoren"][0] == {"factor": "geweld-eerder", "staat": "aanwezig", "bij_wie": ["m1"],
                                     "motivering": "Twee pv's: in mei en juni."}
    for fout in ("geweld-eerder", "bestaatniet=aanwezig", "geweld-eerder=misschien"):
        uit = kc("kijkschema", "invullen", did, "--factor", fout, "--no-input")
        assert uit.exit_code == 2 and "--factor" in uit.stderr
    uit = kc("kijkschema", "invullen", did, "--factor", "geweld-eerder=aanwezig@m9", "--no-input")
    assert uit.exit_code == 1 and "m9" in uit.stderr


def test_ico_in_een_terminal_vraagt_de_regisseur_met_het_profiel_als_standaard(kc, thuis, tmp_path, vraag_invoer):
    kc.ok("profiel", "--naam", "Petra Profiel", "--organisatie", "CAW Oost-Brabant", "--contact", "016 11")
    d = verkenning()
    d["gezinsleden"][1]["instemming"] = {"datum": "2026-11-10"}
    did = importeer(kc, tmp_path, d)
    vraag_invoer("\r" + "\x15CGG Leuven\r" + "\r")  # name: Enter keeps the profile's; organisation retyped
    kc.ok("dossier", "ico", did, "--conclusie", "ketenaanpak-met-casusregie", "--advies", "Instroom.")
    assert lees(thuis, did)["casusregisseur"] == {"naam": "Petra Profiel", "organisatie": "CGG Leuven",
                                                   "contact": "016 11"}


def test_dossier_regisseur_uit_het_profiel(kc, thuis, tmp_path):
    did = importeer(kc, tmp_path, BASIS)
    uit = kc("dossier", "regisseur", did, "--profiel")
    assert uit.exit_code == 1 and "ketencli profiel" in uit.stderr  # no profile yet
    kc.ok("profiel", "--naam", "Petra Profiel", "--organisatie", "CAW Oost-Brabant", "--contact", "016 11")
    kc.ok("dossier", "regisseur", did, "--profiel", "--contact", "016 99")  # an option overrides one field
    assert lees(thuis, did)["casusregisseur"] == {"naam": "Petra Profiel", "organisatie": "CAW Oost-Brabant",
                                                   "contact": "016 99"}


def test_show_zegt_hoe_de_regisseur_vast_te_leggen(kc, tmp_path):
    d = copy.deepcopy(BASIS)
    d.pop("casusregisseur")
    did = importeer(kc, tmp_path, d)
    uit = " ".join(kc.ok("dossier", "show", did).stdout.split())
    assert "nog niet vastgelegd" in uit and f"ketencli dossier regisseur {did}" in uit


def test_vervaldata_zonder_kleur_leesbaar():
    """NO_COLOR: overdue and due-this-week read as words, not only as red and yellow."""
    from datetime import date

    from ketencli import ui

    vandaag = date(2026, 11, 23)
    item = {"datum": "2026-11-20", "omschrijving": "Deadline"}
    assert "(te laat)" in ui.vervaldatum_tekst(item, vandaag)
    assert "(binnen de week)" in ui.vervaldatum_tekst({**item, "datum": "2026-11-25"}, vandaag)
    assert "(" not in ui.vervaldatum_tekst({**item, "datum": "2026-12-25"}, vandaag)
