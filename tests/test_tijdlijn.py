"""`ketencli tijdlijn`: incidents, pv's and annex B's questions when a consulent is involved (D7, D21)."""

from __future__ import annotations

import json

import pytest

from ketencli import model, store

ENTER = "\r"


@pytest.fixture
def met_consulent(palmeneire) -> str:
    """The worked example with an OCJ consulent involved (annex B applies)."""
    with store.wijzig(palmeneire) as d:
        d.betrokken_diensten = [*d.betrokken_diensten,
                                model.BetrokkenDienst(id="d99", soort="ocj-sdj", naam="OCJ Antwerpen")]
    return palmeneire


def _toon(kc, dossier_id: str) -> list[dict]:
    return json.loads(kc.ok("tijdlijn", "toon", dossier_id, "--json").stdout)


def _vervaldata(kc, dossier_id: str) -> list[dict]:
    return [v for v in json.loads(kc.ok("overzicht", "--json", "--weken", "2").stdout) if v["dossier"] == dossier_id]


def test_add_keeps_date_order_and_numbers(kc, westvl):
    voor = _toon(kc, westvl)
    uit = kc.ok("tijdlijn", "add", westvl, "--soort", "melding", "--datum", "2026-10-01",
                "--omschrijving", "Melding van de school & <buren>", "--no-input")
    na = _toon(kc, westvl)
    assert len(na) == len(voor) + 1
    assert [t["datum"] for t in na] == sorted(t["datum"] for t in na)
    nieuw = next(t for t in na if t["omschrijving"] == "Melding van de school & <buren>")
    assert f"(nr {nieuw['nr']})" in uit.stdout
    assert nieuw["open"] == []  # no consulent in this family: annex B does not apply


def test_pv_with_consulent_asks_annex_b_and_creates_due_item(kc, met_consulent):
    uit = kc.ok("tijdlijn", "add", met_consulent, "--soort", "pv", "--datum", "2026-11-20",
                "--omschrijving", "Slagen en verwondingen", "--no-input")
    assert "consulent is nog niet ingelicht" in uit.stderr and "bijlage B" in uit.stderr
    item = next(t for t in _toon(kc, met_consulent) if t["datum"] == "2026-11-20")
    assert len(item["open"]) == 2
    informeren = [v for v in _vervaldata(kc, met_consulent) if v["soort"] == "consulent-informeren"]
    assert [v["datum"] for v in informeren] == ["2026-11-20"]
    stap = json.loads(kc.ok("stap", met_consulent, "--json").stdout)
    items = {i["item"]: i for c in stap["checklists"] for i in c["items"] if i["lid"] is None}
    assert items["consulent-elk-ifg-pv"]["afleiding"]["oordeel"] == "niet-voldaan"
    assert items["consulent-incident-impact"]["afleiding"]["oordeel"] == "niet-voldaan"

    nr = str(item["nr"])
    kc.ok("tijdlijn", "edit", met_consulent, nr, "--consulent-geinformeerd", "2026-11-21", "--no-input")
    kc.ok("tijdlijn", "edit", met_consulent, nr, "--impact-kinderen", "Noor was erbij; CLB volgt op",
          "--gesprek-door", "consulent met Noor, regisseur met de ouders", "--netwerk-door", "regisseur")
    item = next(t for t in _toon(kc, met_consulent) if t["nr"] == item["nr"])
    assert item["open"] == [] and item["consulent_geinformeerd_op"] == "2026-11-21"
    assert item["afspraken"]["gesprek_door"].startswith("consulent met Noor")
    assert not [v for v in _vervaldata(kc, met_consulent) if v["soort"] == "consulent-informeren"]
    stap = json.loads(kc.ok("stap", met_consulent, "--json").stdout)
    items = {i["item"]: i for c in stap["checklists"] for i in c["items"] if i["lid"] is None}
    assert items["consulent-elk-ifg-pv"]["afleiding"]["oordeel"] == "voldaan"
    assert items["consulent-incident-impact"]["afleiding"]["oordeel"] == "voldaan"


def test_on_a_terminal_annex_b_questions_are_asked(kc, met_consulent, vraag_invoer):
    antwoorden = ["Noor sliep", "ja, de sleutel lag bij de buren", "consulent", "regisseur"]
    vraag_invoer("".join(a + ENTER for a in antwoorden) + "j" + ENTER + ENTER)
    kc.ok("tijdlijn", "add", met_consulent, "--soort", "incident", "--omschrijving", "Ruzie 's nachts")
    item = _toon(kc, met_consulent)[-1]
    assert item["soort"] == "incident" and item["datum"] == "2026-11-23"
    assert item["afspraken"] == {"impact_kinderen": "Noor sliep", "veiligheidsplan": "ja, de sleutel lag bij de buren",
                                 "gesprek_door": "consulent", "netwerk_door": "regisseur"}
    assert item["consulent_geinformeerd_op"] == "2026-11-23" and item["open"] == []


def test_a_new_pv_fails_the_afronding_criterion_violence_stopped(kc, westvl):
    kc.ok("tijdlijn", "add", westvl, "--soort", "pv", "--datum", "2026-11-22", "--omschrijving", "Nieuwe pv",
          "--no-input")
    criteria = json.loads(kc("afronding", "check", westvl, "--json").stdout)["criteria"]
    gestopt = next(c for c in criteria if c["key"] == "geweld-gestopt")
    assert gestopt["oordeel"] == "niet-voldaan"
    assert any("22/11/2026" in regel for regel in gestopt["bewijs"]), gestopt["bewijs"]


@pytest.mark.parametrize("args, verwacht", [
    (["add", "{id}", "--soort", "ruzie", "--omschrijving", "x"], "kies uit"),
    (["add", "{id}", "--soort", "pv", "--omschrijving", "x", "--datum", "2027-01-01"], "in de toekomst"),
    (["add", "{id}", "--soort", "pv", "--omschrijving", "  "], "mag niet leeg"),
    (["add", "{id}", "--soort", "pv", "--omschrijving", "x", "--datum", "2026-11-10",
      "--consulent-geinformeerd", "2026-11-01"], "voor de datum"),
    (["edit", "{id}", "1"], "minstens één wijziging"),
    (["toon", "{id}", "--soort", "ruzie"], "kies uit"),
])
def test_errors_are_usage_errors_and_change_nothing(kc, palmeneire, thuis, args, verwacht):
    from tests.conftest import dossier_bestand

    voor = dossier_bestand(thuis, palmeneire).read_bytes()
    uit = kc("tijdlijn", *[a.format(id=palmeneire) for a in args])
    assert uit.exit_code == 2 and verwacht in uit.stderr, uit.output
    assert dossier_bestand(thuis, palmeneire).read_bytes() == voor


def test_table_shows_annex_b_state(kc, met_consulent):
    kc.ok("tijdlijn", "add", met_consulent, "--soort", "incident", "--omschrijving", "Duwen", "--no-input")
    tabel = kc.ok("tijdlijn", "toon", met_consulent).stdout
    assert "consulent nog inlichten" in tabel and "Duwen" in tabel


def test_unknown_item_is_a_user_error(kc, palmeneire):
    uit = kc("tijdlijn", "edit", palmeneire, "99", "--omschrijving", "x")
    assert uit.exit_code == 1 and "geen tijdlijnitem 99" in uit.stderr


def test_the_command_offers_exactly_the_model_kinds():
    from ketencli.commands import tijdlijn

    assert set(tijdlijn.SOORTEN) == set(model.TijdlijnSoort.__args__)
