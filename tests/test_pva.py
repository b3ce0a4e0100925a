"""kijkschema and plan van aanpak: commands, rules of `pva check`, comparison, bad input."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
import yaml

from tests.conftest import dossier_bestand

ENTER, OMLAAG, SPATIE = "\r", "\x1b[B", " "


@pytest.fixture
def gezin(kc) -> str:
    """A small family: m1 victim, m2 perpetrator, m3 child; services d1 (caw)."""
    kc.ok("dossier", "new", "--regio", "co3-antwerpen", "--gezin", "Test", "--no-input")
    kc.ok("dossier", "lid", "add", "2026-001", "--naam", "An", "--rol", "slachtoffer", "--geboortedatum", "1990-01-01")
    kc.ok("dossier", "lid", "add", "2026-001", "--naam", "Bo", "--rol", "pleger", "--relatie", "m1:partner")
    kc.ok("dossier", "lid", "add", "2026-001", "--naam", "Cas", "--rol", "kind", "--geboortedatum", "2016-01-01")
    return "2026-001"


def _kijkschema(kc, tmp_path: Path, dossier_id: str, factoren: list[dict], datum: str = "2026-11-20") -> None:
    bestand = tmp_path / f"ks-{datum}.yaml"
    bestand.write_text(yaml.safe_dump({"datum": datum, "factoren": factoren}, allow_unicode=True), encoding="utf-8")
    kc.ok("kijkschema", "invullen", dossier_id, "--from", bestand, "--no-input")


def _regels(kc, dossier_id: str) -> dict[str, list[dict]]:
    uit = kc("pva", "check", dossier_id, "--json")
    assert uit.exit_code in (0, 1), uit.output
    bevindingen = json.loads(uit.stdout)["bevindingen"]
    assert (uit.exit_code == 1) == any(b["ernst"] == "fout" for b in bevindingen)
    per_regel: dict[str, list[dict]] = {}
    for b in bevindingen:
        per_regel.setdefault(b["regel"], []).append(b)
    return per_regel


# -- the worked example -----------------------------------------------------------------------------


def test_voorbeeld_leest_als_de_tabel_van_de_gids(kc, palmeneire):
    uit = kc.ok("pva", "show", palmeneire).stdout
    for kop in ("GEWELD", "INDIVIDU", "INTERACTIE", "PROFESSIONELE ONDERSTEUNING", "SOCIALE ONDERSTEUNING", "KIND",
                "noden van de cliënt", "aanpak op maat", "begeleiding", "stavaza"):
        assert kop in uit
    assert "Vagga Time Out" in uit and "PRIOR" in uit and "plan B" in uit
    assert "geen aangeduid" in uit  # D20: the example ticks no IFG-profiel


def test_voorbeeld_check_geeft_zinnige_bevindingen(kc, palmeneire):
    regels = _regels(kc, palmeneire)
    assert "fout" not in {b["ernst"] for bs in regels.values() for b in bs}
    assert "geen-ifg-profiel" in regels  # D20
    assert "risico-zonder-rij" in regels  # angst om de veiligheid has no row
    assert "onbekend-onderzoeken" in regels


def test_kijkschema_toon_en_vergelijk(kc, palmeneire):
    uit = kc.ok("kijkschema", "toon", palmeneire).stdout
    for domein in ("GEWELD", "INDIVIDU", "INTERACTIE", "PROFESSIONELE ONDERSTEUNING", "SOCIALE ONDERSTEUNING", "KIND"):
        assert domein in uit
    assert "update 1" in uit
    assert "bij instroom" in kc.ok("kijkschema", "toon", palmeneire, "--moment", "1").stdout
    vergelijk = kc.ok("kijkschema", "vergelijk", palmeneire).stdout
    weg = vergelijk.split("Risicofactoren die wegvielen")[1].split("\n\n")[0]
    assert "Escalatie van het geweld" in weg
    assert "Verbeterde communicatie" in vergelijk.split("Beschermende factoren die erbij kwamen")[1]
    assert "Stressfactoren bij het individu" in vergelijk.split("verminderden")[1]


def test_instroom_blijft_bewaard(kc, gezin, tmp_path, thuis):
    _kijkschema(kc, tmp_path, gezin, [{"factor": "geweld-escalatie", "staat": "aanwezig", "bij_wie": ["m2"]}],
                "2026-11-01")
    _kijkschema(kc, tmp_path, gezin, [{"factor": "geweld-escalatie", "staat": "niet-aanwezig"}], "2026-11-20")
    data = yaml.safe_load(dossier_bestand(thuis, gezin).read_text(encoding="utf-8"))
    assert [m["datum"].isoformat() for m in data["kijkschema"]] == ["2026-11-01", "2026-11-20"]
    assert data["kijkschema"][0]["factoren"][0]["staat"] == "aanwezig"
    # an older date than the latest is refused
    bestand = tmp_path / "oud.yaml"
    bestand.write_text("datum: 2026-10-01\nfactoren: []\n", encoding="utf-8")
    assert kc("kijkschema", "invullen", gezin, "--from", bestand).exit_code == 1


def test_kijkschema_slechte_invoer(kc, gezin, tmp_path, thuis):
    voor = dossier_bestand(thuis, gezin).read_bytes()
    bestand = tmp_path / "ks.yaml"
    bestand.write_text("datum: 2026-11-20\nfactoren:\n  - factor: geweld-escalatie\n    staat: aanwezig\n"
                       "  - factor: geweld-escalatei\n    staat: aanwezig\n", encoding="utf-8")
    uit = kc("kijkschema", "invullen", gezin, "--from", bestand)
    assert uit.exit_code == 1 and "regel 5" in uit.stderr and "geweld-escalatie" in uit.stderr
    bestand.write_text("factoren:\n  - {factor: geweld-escalatie, staat: aanwezig, bij_wie: [m9]}\n", encoding="utf-8")
    uit = kc("kijkschema", "invullen", gezin, "--from", bestand)
    assert uit.exit_code == 1 and "m9" in uit.stderr
    bestand.write_text("factoren:\n  - {factor: geweld-escalatie, staat: misschien}\n", encoding="utf-8")
    uit = kc("kijkschema", "invullen", gezin, "--from", bestand)
    assert uit.exit_code == 1 and "onbekend" in uit.stderr and "regel 2" in uit.stderr
    assert dossier_bestand(thuis, gezin).read_bytes() == voor
    assert kc("kijkschema", "invullen", gezin, "--no-input").exit_code == 1
    assert kc("kijkschema", "toon", gezin).exit_code == 1  # none yet: says how to fill it


# -- editing without a terminal --------------------------------------------------------------------------


def test_rijen_en_acties_bewerken(kc, gezin, thuis):
    kc.ok("pva", "rij", "add", gezin, "--factor", "geweld-escalatie", "--bij-wie", "m2", "--noden", "rust")
    kc.ok("pva", "rij", "add", gezin, "--factor", "Schulden bij de bank", "--domein", "individu", "--bij-wie", "m1,m2")
    kc.ok("pva", "rij", "add", gezin, "--factor", "kind-steun-omgeving", "--bij-wie", "m3")
    kc.ok("pva", "actie", "add", gezin, "r1", "--omschrijving", "Daderhulp", "--begeleiding", "CGG")
    kc.ok("pva", "actie", "add", gezin, "r1", "--omschrijving", "Time-out", "--stavaza", "prior")
    kc.ok("pva", "actie", "edit", gezin, "r1", "1", "--stavaza", "geschrapt", "--plan-b", "Vagga")
    kc.ok("pva", "rij", "edit", gezin, "r2", "--aanpak", "budgetbegeleiding")
    kc.ok("pva", "rij", "move", gezin, "r3", "--naar", "1")
    kc.ok("pva", "rij", "rm", gezin, "r2", "--ja")
    kc.ok("pva", "doel", "add", gezin, "--tekst", "Geen geweld meer", "--bij-wie", "m1,m2", "--domein", "geweld")
    kc.ok("pva", "doel", "edit", gezin, "g1", "--staat", "bereikt")
    plan = yaml.safe_load(dossier_bestand(thuis, gezin).read_text(encoding="utf-8"))["pva"]
    assert [r["id"] for r in plan["rijen"]] == ["r3", "r1"]
    r1 = plan["rijen"][1]
    assert r1["domein"] == "geweld" and r1["soort"] == "risico"  # taken from the factor
    assert r1["acties"][0]["stavaza"] == "geschrapt" and r1["acties"][0]["plan_b"] == "Vagga"
    assert r1["acties"][0]["einde"].isoformat() == "2026-11-23"
    assert plan["rijen"][0]["soort"] == "beschermend"
    assert plan["doelstellingen"][0]["staat"] == "bereikt"
    assert "geschrapt" in kc.ok("pva", "show", gezin).stdout


def test_slechte_invoer_bij_bewerken(kc, gezin, thuis):
    voor = dossier_bestand(thuis, gezin).read_bytes()
    uit = kc("pva", "rij", "add", gezin, "--factor", "geweld-escalatei", "--bij-wie", "m1")
    assert uit.exit_code == 2 and "geweld-escalatie" in uit.stderr
    uit = kc("pva", "rij", "add", gezin, "--factor", "geweld-escalatie", "--bij-wie", "m7")
    assert uit.exit_code == 2 and "m7" in uit.stderr
    uit = kc("pva", "rij", "add", gezin, "--factor", "Eigen factor")
    assert uit.exit_code == 2 and "--domein" in uit.stderr
    assert kc("pva", "actie", "add", gezin, "r9", "--omschrijving", "x").exit_code == 1
    assert kc("pva", "rij", "rm", gezin, "r1").exit_code == 1  # no row yet
    assert kc("pva", "profiel", gezin, "wraak").exit_code == 2
    assert dossier_bestand(thuis, gezin).read_bytes() == voor


def test_pva_uit_bestand(kc, gezin, tmp_path, thuis):
    bestand = tmp_path / "pva.yaml"
    bestand.write_text(textwrap_dedent("""
        rijen:
          - id: r1
            domein: geweld
            factor: geweld-escalatie
            bij_wie: [m2]
            acties:
              - omschrijving: Daderhulp
                begeleiding: d1
    """), encoding="utf-8")
    kc.ok("pva", "edit", gezin, "--from", bestand)
    assert yaml.safe_load(dossier_bestand(thuis, gezin).read_text(encoding="utf-8"))["pva"]["rijen"][0]["id"] == "r1"
    bestand.write_text("rijen:\n  - {id: r1, domein: geweld, factor: geweld-escalatie, bij_wie: [m5]}\n",
                       encoding="utf-8")
    uit = kc("pva", "edit", gezin, "--from", bestand)
    assert uit.exit_code == 1 and "m5" in uit.stderr


def textwrap_dedent(tekst: str) -> str:
    import textwrap

    return textwrap.dedent(tekst).lstrip()


# -- every rule: one dossier that triggers it, one that does not --------------------------------------


def test_regel_factor_en_lid_bestaan_niet(kc, gezin, tmp_path):
    bestand = tmp_path / "pva.yaml"
    bestand.write_text("rijen:\n  - {id: r1, domein: geweld, factor: geweld-escalatie, bij_wie: [m2]}\n",
                       encoding="utf-8")
    kc.ok("pva", "edit", gezin, "--from", bestand)
    assert "factor-bestaat-niet" not in _regels(kc, gezin) and "lid-bestaat-niet" not in _regels(kc, gezin)


def test_regel_fout_bij_hand_bewerkt_bestand(kc, gezin, thuis):
    pad = dossier_bestand(thuis, gezin)
    data = yaml.safe_load(pad.read_text(encoding="utf-8"))
    data["pva"] = {"rijen": [{"id": "r1", "domein": "geweld", "factor": "geweld-escalatei", "bij_wie": ["m9"]}]}
    pad.write_text(yaml.safe_dump(data, allow_unicode=True, sort_keys=False), encoding="utf-8")
    regels = _regels(kc, gezin)
    assert regels["factor-bestaat-niet"][0]["ernst"] == "fout"
    assert "geweld-escalatie" in regels["factor-bestaat-niet"][0]["wat_te_doen"]
    assert regels["lid-bestaat-niet"][0]["ernst"] == "fout"
    assert kc("pva", "check", gezin).exit_code == 1


def test_regel_risico_zonder_rij_en_zonder_actie(kc, gezin, tmp_path):
    _kijkschema(kc, tmp_path, gezin, [{"factor": "geweld-escalatie", "staat": "aanwezig", "bij_wie": ["m2"]}])
    assert "risico-zonder-rij" in _regels(kc, gezin)
    kc.ok("pva", "rij", "add", gezin, "--factor", "geweld-escalatie", "--bij-wie", "m2")
    regels = _regels(kc, gezin)
    assert "risico-zonder-rij" not in regels and "risico-zonder-actie" in regels
    kc.ok("pva", "actie", "add", gezin, "r1", "--omschrijving", "Daderhulp", "--begeleiding", "x")
    assert "risico-zonder-actie" not in _regels(kc, gezin)


def test_regel_onbekend_verder_onderzoeken(kc, gezin, tmp_path):
    _kijkschema(kc, tmp_path, gezin, [{"factor": "kind-vaardigheden", "staat": "onbekend", "bij_wie": ["m3"]}])
    assert "onbekend-onderzoeken" in _regels(kc, gezin)
    kc.ok("pva", "rij", "add", gezin, "--factor", "kind-vaardigheden", "--bij-wie", "m3")
    kc.ok("pva", "actie", "add", gezin, "r1", "--omschrijving", "Verder onderzoeken via CLB")
    assert "onbekend-onderzoeken" not in _regels(kc, gezin)


def test_regel_begeleiding(kc, gezin, thuis):
    pad = dossier_bestand(thuis, gezin)
    data = yaml.safe_load(pad.read_text(encoding="utf-8"))
    data["betrokken_diensten"] = [{"id": "d1", "soort": "caw", "naam": "CAW"}]
    data["casusregisseur"] = {"naam": "Katrien Dewulf", "organisatie": "CO3"}
    data["pva"] = {"rijen": [{"id": "r1", "domein": "geweld", "factor": "geweld-escalatie", "bij_wie": ["m2"],
                              "acties": [{"omschrijving": "Gesprek", "begeleiding": "Katrien Dewulf"},
                                         {"omschrijving": "Opvolging", "begeleiding": "d1"},
                                         {"omschrijving": "Iets", "begeleiding": ""}]}]}
    pad.write_text(yaml.safe_dump(data, allow_unicode=True, sort_keys=False), encoding="utf-8")
    regels = _regels(kc, gezin)
    assert [b["betreft"].endswith("actie 1") for b in regels["begeleiding-regisseur"]] == [True]
    assert len(regels["begeleiding-leeg"]) == 1 and regels["begeleiding-leeg"][0]["betreft"].endswith("actie 3")
    assert "begeleiding-geen-dienst" not in regels


def test_regel_gezinsgericht_met_reden(kc, gezin):
    kc.ok("pva", "rij", "add", gezin, "--factor", "geweld-escalatie", "--bij-wie", "m1,m3")
    betreft = [b["betreft"] for b in _regels(kc, gezin)["gezinsgericht"]]
    assert len(betreft) == 1 and "Bo" in betreft[0]
    kc.ok("dossier", "lid", "edit", gezin, "m2", "--niet-betrokken", "escalatiegevaar")
    assert "gezinsgericht" not in _regels(kc, gezin)


def test_regel_kind_beschermend(kc, gezin):
    kc.ok("pva", "rij", "add", gezin, "--factor", "kind-slachtoffer-getuige", "--bij-wie", "m3")
    assert "kind-beschermend" in _regels(kc, gezin)
    kc.ok("pva", "rij", "add", gezin, "--factor", "kind-steun-omgeving", "--bij-wie", "m3")
    assert "kind-beschermend" not in _regels(kc, gezin)


def test_regel_intiem_terrorisme(kc, gezin):
    kc.ok("pva", "rij", "add", gezin, "--factor", "interactie-stress-relatie", "--bij-wie", "m1,m2")
    kc.ok("pva", "actie", "add", gezin, "r1", "--omschrijving", "Koppeltherapie bij CGG")
    kc.ok("pva", "actie", "add", gezin, "r1", "--omschrijving", "Schuldbemiddeling via OCMW")
    assert "afgeraden-bij-profiel" not in _regels(kc, gezin)
    kc.ok("pva", "profiel", gezin, "intiem-terrorisme")
    regels = _regels(kc, gezin)["afgeraden-bij-profiel"]
    assert len(regels) == 1 and regels[0]["ernst"] == "fout" and regels[0]["betreft"].endswith("actie 1")
    assert kc("pva", "check", gezin).exit_code == 1
    kc.ok("pva", "actie", "edit", gezin, "r1", "1", "--omschrijving", "Elektronisch toezicht")
    regels = _regels(kc, gezin)["afgeraden-bij-profiel"]
    assert regels[0]["ernst"] == "waarschuwing"


def test_regel_vechtscheiding_alleen_bij_onveiligheid(kc, gezin, tmp_path):
    kc.ok("pva", "profiel", gezin, "vechtscheiding")
    kc.ok("pva", "rij", "add", gezin, "--factor", "kind-slachtoffer-getuige", "--bij-wie", "m3")
    kc.ok("pva", "actie", "add", gezin, "r1", "--omschrijving", "Gezamenlijk gesprek met beide ouders")
    _kijkschema(kc, tmp_path, gezin, [{"factor": "geweld-escalatie", "staat": "niet-aanwezig"}])
    assert "vechtscheiding-gezamenlijk" not in _regels(kc, gezin)
    _kijkschema(kc, tmp_path, gezin, [{"factor": "geweld-escalatie", "staat": "aanwezig", "bij_wie": ["m2"]}],
                "2026-11-21")
    assert "vechtscheiding-gezamenlijk" in _regels(kc, gezin)


def test_regel_situationeel_geweld_stressbron(kc, gezin, tmp_path):
    kc.ok("pva", "profiel", gezin, "situationeel-geweld")
    _kijkschema(kc, tmp_path, gezin, [{"factor": "individu-stressfactoren", "staat": "aanwezig", "bij_wie": ["m2"]}])
    assert "situationeel-stressbron" in _regels(kc, gezin)
    kc.ok("pva", "rij", "add", gezin, "--factor", "individu-stressfactoren", "--bij-wie", "m2")
    kc.ok("pva", "actie", "add", gezin, "r1", "--omschrijving", "Toeleiden naar VDAB")
    assert "situationeel-stressbron" not in _regels(kc, gezin)


def test_regel_lege_velden_en_splitsen(kc, gezin):
    kc.ok("pva", "rij", "add", gezin, "--factor", "geweld-escalatie", "--bij-wie", "m1,m2")
    regels = _regels(kc, gezin)
    assert regels["lege-velden"][0]["ernst"] == "tip" and "bij-wie-splitsen" in regels
    kc.ok("pva", "rij", "edit", gezin, "r1", "--noden", "rust", "--aanpak", "apart", "--bij-wie", "m2")
    regels = _regels(kc, gezin)
    assert "lege-velden" not in regels and "bij-wie-splitsen" not in regels


def test_regel_plan_b(kc, gezin):
    kc.ok("pva", "rij", "add", gezin, "--factor", "geweld-escalatie", "--bij-wie", "m2")
    kc.ok("pva", "actie", "add", gezin, "r1", "--omschrijving", "Daderhulp", "--stavaza", "mislukt")
    assert "plan-b" in _regels(kc, gezin)
    kc.ok("pva", "actie", "edit", gezin, "r1", "1", "--plan-b", "Vagga Time Out")
    assert "plan-b" not in _regels(kc, gezin)


def test_regel_profiel_netwerk_en_doelen(kc, gezin):
    kc.ok("pva", "rij", "add", gezin, "--factor", "geweld-escalatie", "--bij-wie", "m2")
    kc.ok("pva", "actie", "add", gezin, "r1", "--omschrijving", "Daderhulp")
    regels = _regels(kc, gezin)
    assert {"geen-ifg-profiel", "eigen-netwerk", "geen-doelstellingen"} <= set(regels)
    kc.ok("pva", "profiel", gezin, "opvoedstress")
    kc.ok("pva", "actie", "add", gezin, "r1", "--omschrijving", "Zus van An als steunfiguur")
    kc.ok("pva", "doel", "add", gezin, "--tekst", "Geen geweld")
    assert not {"geen-ifg-profiel", "eigen-netwerk", "geen-doelstellingen"} & set(_regels(kc, gezin))


def test_strict_faalt_op_waarschuwingen(kc, gezin):
    kc.ok("pva", "rij", "add", gezin, "--factor", "geweld-escalatie", "--bij-wie", "m2")
    assert kc("pva", "check", gezin).exit_code == 0
    assert kc("pva", "check", gezin, "--strict").exit_code == 1


# -- the interactive editor and kijkschema -----------------------------------------------------------------


def test_pva_edit_interactief_rij_uit_kijkschema(kc, gezin, tmp_path, thuis, vraag_invoer):
    kc.ok("dossier", "lid", "edit", gezin, "m1", "--naam", "An")  # no-op change keeps ids
    _kijkschema(kc, tmp_path, gezin, [{"factor": "geweld-escalatie", "staat": "aanwezig", "bij_wie": ["m2"]}])
    toetsen = [
        ENTER,  # menu: first option, "Rij toevoegen vanuit het kijkschema"
        ENTER,  # the only factor
        ENTER,  # bij wie: prefilled m2
        "Leert omgaan met boosheid" + ENTER, "Individueel" + ENTER,  # noden, aanpak
        ENTER,  # add an action now: yes
        "Daderhulp" + ENTER, OMLAAG + ENTER,  # omschrijving; begeleiding: "nog niemand" (no services yet)
        ENTER,  # stavaza gepland
        OMLAAG * 9 + ENTER,  # menu: Klaar (the last of ten options)
    ]
    vraag_invoer("".join(toetsen))
    kc.ok("pva", "edit", gezin)
    rij = yaml.safe_load(dossier_bestand(thuis, gezin).read_text(encoding="utf-8"))["pva"]["rijen"][0]
    assert (rij["factor"], rij["bij_wie"], rij["noden"]) == ("geweld-escalatie", ["m2"], "Leert omgaan met boosheid")
    assert rij["acties"][0]["omschrijving"] == "Daderhulp"


def test_kijkschema_interactief(kc, gezin, thuis, vraag_invoer):
    from ketencli.methodiek import kijkschema

    omhoog = "\x1b[A"
    # first factor: from the default "overslaan" three up to "aanwezig", bij m2, a motivering;
    # every other factor: Enter keeps "overslaan"; then confirm saving
    toetsen = (omhoog * 3 + ENTER + OMLAAG + SPATIE + ENTER + "wapen in huis" + ENTER
               + ENTER * (len(kijkschema.FACTOREN) - 1) + ENTER)
    vraag_invoer(toetsen)
    uit = kc("kijkschema", "invullen", gezin)
    assert uit.exit_code == 0, uit.output
    momenten = yaml.safe_load(dossier_bestand(thuis, gezin).read_text(encoding="utf-8"))["kijkschema"]
    assert momenten[0]["factoren"] == [{"factor": kijkschema.FACTOREN[0].key, "staat": "aanwezig",
                                        "bij_wie": ["m2"], "motivering": "wapen in huis"}]
