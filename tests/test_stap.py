"""`ketencli stap`: checklists per dossier, derived items, annexes, the walk, bad input."""

from __future__ import annotations

import json
from datetime import date

import pytest
import yaml

from ketencli.commands.stap import herschik
from ketencli.methodiek import checklists as cl
from ketencli.methodiek import datums, stappen
from tests.conftest import dossier_bestand

ENTER, OMLAAG = "\r", "\x1b[B"


def _json(kc, dossier_id):
    return json.loads(kc.ok("stap", dossier_id, "--json").stdout)


def _items(data, checklist):
    return next(c for c in data["checklists"] if c["key"] == checklist)["items"]


def _item(data, key, lid=None):
    return next(i for c in data["checklists"] for i in c["items"] if i["item"] == key and i["lid"] == lid)


def _stappen(thuis, dossier_id):
    return yaml.safe_load(dossier_bestand(thuis, dossier_id).read_text(encoding="utf-8")).get("stappen", [])


def test_argumenten_herschikken():
    cmds = {"toon", "afvinken", "doorloop"}
    assert herschik(["2026-001"], cmds) == ["toon", "2026-001"]
    assert herschik(["2026-001", "--json"], cmds) == ["toon", "2026-001", "--json"]
    assert herschik(["2026-001", "afvinken", "x"], cmds) == ["afvinken", "2026-001", "x"]
    assert herschik(["2026-001", "horen"], cmds) == ["doorloop", "2026-001", "horen"]
    assert herschik(["afvinken", "2026-001", "x"], cmds) == ["afvinken", "2026-001", "x"]
    assert herschik(["--help"], cmds) == ["--help"]


def test_overzicht_noemt_de_fasen(kc, palmeneire):
    uit = kc.ok("stap", palmeneire).stdout
    for naam in ("Horen van het gezin", "plan van aanpak", "Opvolgen", "Veilig loslaten", "Wat nu"):
        assert naam in uit


def test_een_onbekende_actie_noemt_alle_acties(kc, palmeneire):
    """The actions named for an unknown word include those whose code lives in their own modules (veiligheidsplan,
    458ter, dringende-maatregel: loaded lazily from the command table), and they run as `stap ID ACTIE`."""
    uit = kc("stap", palmeneire, "bogus")
    assert uit.exit_code == 2
    assert "acties: 458ter, afvinken, dringende-maatregel, heropen, overslaan, veiligheidsplan." in " ".join(
        uit.stderr.split())
    assert "Uitleg voor het gezin" in kc.ok("stap", palmeneire, "458ter").stdout


def test_dossier_show_toont_voortgang(kc, westvl):
    uit = kc.ok("dossier", "show", westvl).stdout
    assert "Voortgang per fase" in uit and "Horen van het gezin en partners" in uit


def test_afvinken_heropenen_en_overslaan(kc, thuis, westvl):
    kc.ok("stap", westvl, "afvinken", "voorstellen-regisseur", "--datum", "2/11/2026", "--notitie", "huisbezoek")
    it = _item(_json(kc, westvl), "voorstellen-regisseur")
    assert (it["status"], it["datum"], it["notitie"]) == ("gedaan", "2026-11-02", "huisbezoek")
    # ticking again updates, it does not duplicate
    kc.ok("stap", westvl, "afvinken", "voorstellen-regisseur")
    assert [s["item"] for s in _stappen(thuis, westvl)] == ["voorstellen-regisseur"]
    kc.ok("stap", westvl, "heropen", "voorstellen-regisseur")
    assert _item(_json(kc, westvl), "voorstellen-regisseur")["status"] == "open"
    assert _stappen(thuis, westvl) == []
    uit = kc("stap", westvl, "heropen", "voorstellen-regisseur")
    assert uit.exit_code == 1 and "niets te heropenen" in uit.stderr

    kc.ok("stap", westvl, "overslaan", "co3-voorstellen", "--reden", "deed het CAW al")
    it = _item(_json(kc, westvl), "co3-voorstellen")
    assert (it["status"], it["reden"], it["datum"]) == ("overgeslagen", "deed het CAW al", "2026-11-23")
    uit = kc("stap", westvl, "overslaan", "co3-voorstellen", "--reden", "  ")
    assert uit.exit_code == 2 and "--reden" in uit.stderr
    assert kc("stap", westvl, "overslaan", "co3-voorstellen").exit_code == 2  # --reden is required


def test_onbekend_item_verandert_niets(kc, thuis, westvl):
    bestand = dossier_bestand(thuis, westvl)
    voor = bestand.read_bytes()
    uit = kc("stap", westvl, "afvinken", "voorstelen-regisseur")
    assert uit.exit_code == 1
    assert "voorstelen-regisseur" in uit.stderr and "voorstellen-regisseur" in uit.stderr  # named + suggested
    assert "Traceback" not in uit.output
    assert bestand.read_bytes() == voor
    uit = kc("stap", westvl, "afvinken", "horen")
    assert uit.exit_code == 1 and "checklist" in uit.stderr
    uit = kc("stap", westvl, "hore")
    assert uit.exit_code == 2 and "horen" in uit.stderr
    uit = kc("stap", "2099-999")
    assert uit.exit_code == 1


def test_datums(kc, westvl):
    uit = kc("stap", westvl, "afvinken", "voorstellen-regisseur", "--datum", "2026-11-24")
    assert uit.exit_code == 2 and "toekomst" in uit.stderr
    uit = kc("stap", westvl, "afvinken", "voorstellen-regisseur", "--datum", "gisteren")
    assert uit.exit_code == 2 and "geen datum" in uit.stderr
    kc.ok("stap", westvl, "afvinken", "voorstellen-regisseur", "--datum", "23-11-2026")
    assert _item(_json(kc, westvl), "voorstellen-regisseur")["datum"] == "2026-11-23"
    uit = kc("stap", westvl, "458ter", "--geinformeerd", "m1", "--datum", "2027-01-01")
    assert uit.exit_code == 2 and "toekomst" in uit.stderr


def test_afgeleide_items(kc, tmp_path, westvl):
    data = _json(kc, westvl)
    assert _item(data, "instemming-nagaan")["status"] == "afgeleid"  # m1 consented in the example
    assert _item(data, "veiligheidsplan-opstellen")["status"] == "open"
    assert _item(data, "uitleg-458ter")["status"] == "open"
    assert _item(data, "gezinsleden-spreken")["afleiding"]["oordeel"] == "onbekend"  # no data: manual
    assert _item(data, "netwerkoverleg-pva")["status"] == "open"  # only an overleg before the start

    plan = tmp_path / "vp.yaml"
    plan.write_text("lid: m1\nwaarschuwingssignalen: [hij belt vanuit de gevangenis]\n"
                    "wie_bellen:\n  - naam: politie\n    telefoon: 101\n  - naam: vriendin\n"
                    "    telefoon: 0470123456\nveilige_plek: bij een vriendin in Sint-Kruis\n", encoding="utf-8")
    uit = kc("stap", westvl, "veiligheidsplan", "--from", plan)
    assert uit.exit_code == 1 and "aanhalingstekens" in uit.stderr  # 101 is a number: quote it
    plan.write_text(plan.read_text(encoding="utf-8").replace("101", '"101"'), encoding="utf-8")
    kc.ok("stap", westvl, "veiligheidsplan", "--from", plan)
    kc.ok("stap", westvl, "458ter", "--geinformeerd", "m1,m3", "--datum", "2026-11-02")
    data = _json(kc, westvl)
    for key in ("veiligheidsplan-opstellen", "veiligheidsafspraken", "uitleg-458ter"):
        assert _item(data, key)["status"] == "afgeleid", key
    assert "0470123456" in kc.ok("stap", westvl, "veiligheidsplan", "--toon").stdout
    # reopening a derived item: the data still satisfies it, and ketencli says so
    kc.ok("stap", westvl, "afvinken", "uitleg-458ter")
    uit = kc.ok("stap", westvl, "heropen", "uitleg-458ter")
    assert "blijft voldaan" in uit.stderr


def test_bijlage_a_alleen_voor_het_kind_ouder_dan_12(kc, westvl):
    data = _json(kc, westvl)
    assert data["kinderen_ouder_dan_12"] == ["m3"]
    a = _items(data, "bijlage-a")
    assert {i["lid"] for i in a} == {"m3"} and len(a) == len(cl.BIJLAGE_A.items)
    assert [i["lid"] for i in _items(data, "horen") if i["item"] == "kinderen-spreken"] == ["m3"]
    uit = kc.ok("stap", westvl).stdout
    assert "Lars Vandenberghe (m3, 15 jaar)" in uit and "Fien" not in uit
    # one annex A item ticked for Lars = the talk is recorded: kinderen-spreken follows
    kc.ok("stap", westvl, "afvinken", "kind-luisteren")  # --lid m3 implied: the only child over 12
    assert _item(_json(kc, westvl), "kinderen-spreken", "m3")["status"] == "afgeleid"
    uit = kc("stap", westvl, "afvinken", "kind-luisteren", "--lid", "m4")
    assert uit.exit_code == 1 and "m4" in uit.stderr
    uit = kc("stap", westvl, "afvinken", "voorstellen-regisseur", "--lid", "m3")
    assert uit.exit_code == 1 and "--lid" in uit.stderr


def test_bijlage_d_kempen_of_niet(kc, westvl):
    data = _json(kc, westvl)
    (brugge,) = data["bijlage_d"]
    assert brugge["lid"] == "m2" and not brugge["kempen"] and "één mail" in brugge["instructie"]
    keys = {i["item"] for i in _items(data, "bijlage-d")}
    assert "gevangenis-kempen-brief" not in keys and "gevangenis-een-mail" in keys
    assert "gevangenis-criminoloog" not in keys  # casusregie is active
    kc.ok("dossier", "lid", "edit", westvl, "m2", "--gevangenis", "turnhout")
    data = _json(kc, westvl)
    (turnhout,) = data["bijlage_d"]
    assert turnhout["kempen"] and "brief aan de gedetineerde" in turnhout["instructie"]
    keys = {i["item"] for i in _items(data, "bijlage-d")}
    assert {"gevangenis-kempen-brief", "gevangenis-kempen-psd"} <= keys
    assert "brief aan de gedetineerde" in kc.ok("stap", westvl).stdout


def test_bijlage_b_na_een_consulent_met_vervaldata(kc, thuis, westvl):
    data = _json(kc, westvl)
    b = next(c for c in data["checklists"] if c["key"] == "bijlage-b")
    assert not b["van_toepassing"]
    assert kc("stap", westvl, "afvinken", "consulent-ondergrenzen").exit_code == 1
    # add an ocj-sdj service (there is no `dossier dienst` command yet: write the file as `dossier edit` would)
    pad = dossier_bestand(thuis, westvl)
    dossier = yaml.safe_load(pad.read_text(encoding="utf-8"))
    dossier["betrokken_diensten"].append({"id": "d9", "soort": "ocj-sdj", "naam": "Jongerenwelzijn (OSD) Brugge"})
    pad.write_text(yaml.safe_dump(dossier, allow_unicode=True, sort_keys=False), encoding="utf-8")
    data = _json(kc, westvl)
    b = next(c for c in data["checklists"] if c["key"] == "bijlage-b")
    assert b["van_toepassing"]
    drie = _item(data, "consulent-driemaandelijks")
    assert drie["status"] == "open" and drie["vervalt_op"] == "2027-02-02"  # casusregie 2/11 + 3 months
    assert "afspraken-regierol-consulent" in {i["item"] for i in _items(data, "horen")}
    kc.ok("stap", westvl, "afvinken", "consulent-driemaandelijks", "--datum", "2026-11-20")
    drie = _item(_json(kc, westvl), "consulent-driemaandelijks")
    assert drie["status"] == "gedaan" and drie["vervalt_op"] == "2027-02-20"
    kc.ok("stap", westvl, "afvinken", "consulent-driemaandelijks", "--datum", "2026-11-23")
    assert [s["datum"] for s in _stappen(thuis, westvl)] == [date(2026, 11, 20), date(2026, 11, 23)]  # recurring
    assert "uiterlijk 23/02/2027" in kc.ok("stap", westvl).stdout


def test_bijlage_c_dringende_maatregel(kc, westvl):
    assert not next(c for c in _json(kc, westvl)["checklists"] if c["key"] == "bijlage-c")["van_toepassing"]
    kc.ok("stap", westvl, "dringende-maatregel", "--beslist-op", "2026-11-20", "--tafel", "ronde tafel")
    data = _json(kc, westvl)
    assert _item(data, "justitiehuis-teamverantwoordelijke")["status"] == "open"
    kc.ok("stap", westvl, "dringende-maatregel", "--beslist-op", "2026-11-20", "--aan", "teamverantw. JH",
          "--cc", "coördinator; info.jh.brugge")
    data = _json(kc, westvl)
    assert {_item(data, k)["status"] for k in ("justitiehuis-zelf-vragen", "justitiehuis-teamverantwoordelijke",
                                               "justitiehuis-cc")} == {"afgeleid"}
    uit = kc.ok("stap", westvl, "dringende-maatregel").stdout
    assert "ronde tafel" in uit and "coördinator" in uit
    uit = kc("stap", westvl, "dringende-maatregel", "--beslist-op", "2026-11-20", "--aan", "x",
             "--aangevraagd-op", "2026-11-19")
    assert uit.exit_code == 2


def test_458ter_uitleg(kc, westvl):
    uit = kc.ok("stap", westvl, "458ter").stdout
    assert "458ter" in uit and "beroepsgeheim" in uit
    uit = kc("stap", westvl, "458ter", "--geinformeerd", "m9")
    assert uit.exit_code == 2 and "m9" in uit.stderr


def test_veiligheidsplan_zonder_terminal(kc, westvl):
    uit = kc("stap", westvl, "veiligheidsplan", "--no-input")
    assert uit.exit_code == 1 and "--from" in uit.stderr


def test_doorloop_met_vragen(kc, thuis, westvl, vraag_invoer):
    toetsen = [
        ENTER, "2/11/2026" + ENTER, ENTER,  # voorstellen-regisseur: tick (default), date, no note
        OMLAAG * 2 + ENTER, "deed het CAW al" + ENTER,  # co3-voorstellen: skip with reason
        OMLAAG + ENTER,  # gezinsleden-spreken: leave open
        OMLAAG * 3 + ENTER,  # kinderen-spreken: stop
    ]
    vraag_invoer("".join(toetsen))
    uit = kc("stap", westvl, "horen")
    assert uit.exit_code == 0, uit.output
    assert "1 afgevinkt, 1 overgeslagen, 1 open gelaten" in uit.stdout
    geregistreerd = {s["item"]: s for s in _stappen(thuis, westvl)}
    assert geregistreerd["voorstellen-regisseur"]["datum"] == date(2026, 11, 2)
    assert geregistreerd["co3-voorstellen"]["reden"] == "deed het CAW al"
    assert set(geregistreerd) == {"voorstellen-regisseur", "co3-voorstellen"}


def test_doorloop_niet_van_toepassing_of_zonder_terminal(kc, westvl):
    uit = kc("stap", westvl, "bijlage-b")
    assert uit.exit_code == 1 and "niet van toepassing" in uit.stderr
    uit = kc("stap", westvl, "horen", "--no-input")
    assert uit.exit_code == 1 and "afvinken" in uit.stderr


@pytest.mark.parametrize(("dag", "verwacht"), [(date(2026, 11, 30), date(2027, 2, 28)),
                                                (date(2026, 1, 31), date(2026, 4, 30))])
def test_plus_maanden(dag, verwacht):
    assert datums.plus_maanden(dag, 3) == verwacht


def test_elke_afleiding_is_berekend_of_bewust_handmatig():
    gebruikt = {it.afleiding for c in cl.FASEN + cl.BIJLAGEN for it in c.items if it.afleiding}
    assert gebruikt <= set(stappen._REGELS)
    assert {"instemming-volwassene", "minderjarigen-gesproken", "veiligheidsplan", "458ter-uitgelegd",
            "kijkschema-actueel", "beschermende-factoren", "pva-opgemaakt", "pva-doelstellingen",
            "pva-begeleiding", "pva-eigen-netwerk", "netwerkoverleg",
            "consulent-afstemming"} <= stappen.BEREKENDE_REGELS


def test_ctrl_c_in_de_doorloop_bewaart_wat_al_beantwoord_was(kc, thuis, westvl, vraag_invoer):
    vraag_invoer(ENTER + ENTER + ENTER + "\x03")  # tick the first item with today's date, then Ctrl-C
    uit = kc("stap", westvl, "horen")
    assert uit.exit_code == 130 and "bewaard" in uit.stderr
    assert [s["item"] for s in _stappen(thuis, westvl)] == ["voorstellen-regisseur"]


def test_plan_items_uit_het_uitgewerkte_voorbeeld(kc, palmeneire):
    data = _json(kc, palmeneire)
    for key in ("risicofactoren-kennen", "beschermende-factoren", "pva-opstellen", "doelstellingen"):
        assert _item(data, key)["status"] == "afgeleid", key
    assert _item(data, "eigen-netwerk-betrekken")["afleiding"]["oordeel"] in ("voldaan", "niet-voldaan")
    assert not next(c for c in data["checklists"] if c["key"] == "bijlage-a")["van_toepassing"]  # child is 10


# -- items derived from agendering and afronding (issues 6-7) -------------------------------------


def test_weegploeg_item_follows_the_agendering(kc, palmeneire):
    voor = _item(_json(kc, palmeneire), "pva-weegploeg")
    assert voor["status"] == "open" and "agendeer weegploeg" in voor["afleiding"]["toelichting"]
    kc.ok("agendeer", "weegploeg", palmeneire, "--soort", "pva")
    it = _item(_json(kc, palmeneire), "pva-weegploeg")  # D29: geagendeerd is not besproken
    assert it["status"] == "open" and "geagendeerd (voorbereid)" in it["afleiding"]["toelichting"]
    assert "a1" in it["afleiding"]["toelichting"]


def test_afronding_items_follow_the_afronding(kc, palmeneire):
    data = _json(kc, palmeneire)
    assert _item(data, "afrondingstoets")["status"] == "open"
    assert "afronding check" in _item(data, "afrondingstoets")["afleiding"]["toelichting"]
    assert _item(data, "afsluiting-ronde-tafel")["status"] == "open"
