"""Knelpunten per dossier (issue 17 item 1): `ketencli knelpunt add|lijst|edit|rm|doorgegeven`, the
categories as method data extended in the region settings, and the anonymisation of a description
(item 4). Source: "Knelpunten worden doorgegeven als beleidssignaal" (CO3 folder L12)."""

from __future__ import annotations

import json

import pytest

from ketencli import store
from ketencli.methodiek import knelpunten


def _lijst(kc, dossier_id):
    return json.loads(kc.ok("knelpunt", "lijst", dossier_id, "--json").stdout)


def test_add_lijst_edit_doorgegeven_rm(kc, palmeneire):
    uit = kc.ok("knelpunt", "add", palmeneire, "--categorie", "wachtlijst", "--dienst", "d1",
                "--omschrijving", "Zes maanden wachten op een intake", "--datum", "2026-10-05")
    assert "Knelpunt k1 genoteerd" in uit.stdout
    # a label with capitals and accents is read as the category; the kind names the one service of that kind
    kc.ok("knelpunt", "add", palmeneire, "--categorie", "Justitiële doorlooptijd", "--dienst", "parket",
          "--omschrijving", "Vonnis liet maanden op zich wachten", "--deelbaar")
    rijen = _lijst(kc, palmeneire)
    assert [(r["id"], r["categorie"], r["dienst"], r["deelbaar"]) for r in rijen] == [
        ("k1", "wachtlijst", "d1", False), ("k2", "justitiele-doorlooptijd", "d2", True)]
    assert rijen[0]["datum"] == "2026-10-05" and rijen[1]["datum"] == "2026-11-23"  # default: today (pinned)
    assert rijen[1]["dienst_soort"] == "parket" and rijen[1]["categorie_label"] == "Justitiële doorlooptijd"
    assert "Zes maanden wachten" in kc.ok("knelpunt", "lijst", palmeneire).stdout
    assert "k1  05/10/2026  wachtlijst (d1)  Zes maanden wachten" in kc.ok("dossier", "show", palmeneire).stdout

    kc.ok("knelpunt", "edit", palmeneire, "k1", "--categorie", "geen-aanbod", "--deelbaar")
    kc.ok("knelpunt", "doorgegeven", palmeneire, "k1", "--aan", "coördinator", "--op", "2026-11-20")
    k1 = _lijst(kc, palmeneire)[0]
    assert (k1["categorie"], k1["deelbaar"], k1["omschrijving"]) == ("geen-aanbod", True, "Zes maanden wachten op "
                                                                                          "een intake")
    assert k1["doorgegeven"] == {"aan": "coördinator", "op": "2026-11-20"}
    kc.ok("knelpunt", "doorgegeven", palmeneire, "k1", "--niet")
    assert _lijst(kc, palmeneire)[0]["doorgegeven"] is None

    kc.ok("knelpunt", "rm", palmeneire, "k1")
    assert [r["id"] for r in _lijst(kc, palmeneire)] == ["k2"]
    # the next one gets the first free id
    kc.ok("knelpunt", "add", palmeneire, "--categorie", "ander", "--dienst", "d1", "--omschrijving", "x")
    assert [r["id"] for r in _lijst(kc, palmeneire)] == ["k2", "k1"]
    historie = [h.wat for h in store.laad(palmeneire).historie]
    assert "knelpunt k2 genoteerd (justitiele-doorlooptijd)" in historie and historie[-2] == "knelpunt k1 verwijderd"


def test_unknown_category_suggests_and_saves_nothing(kc, palmeneire):
    uit = kc("knelpunt", "add", palmeneire, "--categorie", "wachtlist", "--dienst", "d1", "--omschrijving", "x")
    assert uit.exit_code == 2
    assert "--categorie 'wachtlist' ken ik niet; bedoel je wachtlijst?" in uit.stderr
    assert "Traceback" not in uit.output
    assert store.laad(palmeneire).knelpunten == []


def test_unknown_service_bad_date_and_missing_values(kc, palmeneire):
    uit = kc("knelpunt", "add", palmeneire, "--categorie", "wachtlijst", "--dienst", "d99", "--omschrijving", "x")
    assert uit.exit_code == 1 and "--dienst 'd99': die dienst bestaat niet in dossier" in uit.stderr
    assert "d1 (politie)" in uit.stderr  # the services to choose from
    uit = kc("knelpunt", "add", palmeneire, "--categorie", "wachtlijst", "--dienst", "d1", "--omschrijving", "x",
             "--datum", "31/11/2026")
    assert uit.exit_code == 2 and "die datum bestaat niet" in uit.stderr
    uit = kc("knelpunt", "add", palmeneire, "--categorie", "wachtlijst", "--dienst", "d1", "--omschrijving", "x",
             "--datum", "2027-01-05")
    assert uit.exit_code == 2 and "ligt in de toekomst" in uit.stderr
    uit = kc("knelpunt", "add", palmeneire, "--categorie", "wachtlijst", "--dienst", "d1", "--omschrijving", "   ")
    assert uit.exit_code == 2 and "--omschrijving mag niet leeg zijn" in uit.stderr
    # without a terminal nothing is asked: the missing options are named
    uit = kc("knelpunt", "add", palmeneire, "--categorie", "wachtlijst")
    assert uit.exit_code != 0 and "--dienst, --omschrijving" in uit.stderr
    uit = kc("knelpunt", "edit", palmeneire, "k7", "--deelbaar")
    assert uit.exit_code == 1 and "geen knelpunt 'k7'" in uit.stderr
    assert store.laad(palmeneire).knelpunten == []


def test_asked_on_a_terminal(kc, palmeneire, vraag_invoer):
    # category: the first (wachtlijst); service: down once (d2); description; date: Enter (today); deelbaar: j
    vraag_invoer("\r" + "\x1b[B\r" + "Geen plaats in de opvang\r" + "\r" + "j\r")
    kc.ok("knelpunt", "add", palmeneire)
    [k] = store.laad(palmeneire).knelpunten
    assert (k.categorie, k.dienst, k.omschrijving, k.deelbaar) == ("wachtlijst", "d2", "Geen plaats in de opvang",
                                                                    True)


def test_region_settings_add_a_category(kc, palmeneire, westvl):
    pad = store.regio_instellingen_pad()
    store.maak_map(pad.parent)
    pad.write_text("co3-antwerpen:\n  knelpunt_categorieen:\n    opvangplaats: Geen opvangplaats\n",
                   encoding="utf-8")
    assert "Geen opvangplaats (opvangplaats, eigen categorie)" in kc.ok("regio", "toon", "co3-antwerpen").stdout
    kc.ok("knelpunt", "add", palmeneire, "--categorie", "Geen opvangplaats", "--dienst", "d1", "--omschrijving", "x")
    assert store.laad(palmeneire).knelpunten[0].categorie == "opvangplaats"
    telling = json.loads(kc.ok("beleidssignalen", "--json").stdout)["per_categorie"]
    assert {"categorie": "opvangplaats", "label": "Geen opvangplaats", "aantal": "< 5"}.items() <= next(
        c for c in telling if c["categorie"] == "opvangplaats").items()
    # another region does not have it
    uit = kc("knelpunt", "add", westvl, "--categorie", "opvangplaats", "--dienst", "d1", "--omschrijving", "x")
    assert uit.exit_code == 2 and "ken ik niet" in uit.stderr
    pad.write_text("co3-antwerpen:\n  knelpunt_categorieen:\n    Opvang Plaats: x\n", encoding="utf-8")
    uit = kc("regio", "toon")
    assert uit.exit_code == 1 and "knelpunt_categorieen" in uit.stderr


def test_a_knelpunt_names_an_existing_service(kc, palmeneire):
    d = store.laad(palmeneire)
    blok = ("knelpunten:\n  - id: k1\n    categorie: wachtlijst\n    dienst: d42\n    omschrijving: x\n"
            "    datum: 2026-10-01\n")
    tekst = store.naar_tekst(d).replace("knelpunten: []\n", "") + blok
    with pytest.raises(Exception) as fout:
        store.dossier_uit_tekst(tekst, "test")
    assert "dienst 'd42'" in str(getattr(fout.value, "melding", fout.value))


# -- the anonymisation of a shareable description (item 4), with hostile text ---------------------------

PERSONEN = ["Quirijn Oosterlinck", "Ayşe Şahin-De Smet", "Gezin Oosterlinck – Şahin", "inspecteur Jonas Peeters"]
DIENSTEN = ["CGG Vlaamse Ardennen", "Politiezone Rupel"]


@pytest.mark.parametrize(("tekst", "weg", "wordt"), [
    ("Quirijn wacht op een plaats", ["Quirijn"], "[naam] wacht"),
    ("QUIRIJN en quirijn en Quirijn's broer", ["QUIRIJN", "quirijn", "Quirijn"], "[naam]'s broer"),
    ("mevrouw Sahin (zonder cedille) en Şahin-De Smet", ["Sahin", "Şahin", "Smet"], "mevrouw [naam]"),
    ("Oosterlinck – Şahin kreeg geen opvang", ["Oosterlinck", "Şahin"], "kreeg geen opvang"),
    ("geboren op 03/01/1970, gezien 2026-03-02, sinds 2 maart 2026, tot dinsdag 3 mrt. en 12/3",
     ["03/01/1970", "2026-03-02", "2 maart", "3 mrt", "12/3"], "geboren op [datum]"),
    ("bel 0470 12 34 56 of +32 470/12.34.56 of 03-555.20.00", ["0470", "470/12", "555"], "bel [telefoon]"),
    ("gsm +32 (0)470 12 34 56, 0470123456 of +31 6 12345678", ["470", "12 34", "6 123"], "gsm [telefoon]"),
    ("mail quirijn.o@telenet.be of ayse (at) gmail.com", ["telenet", "gmail"], "mail [e-mail]"),
    ("woont Kerkstraat 12 bus 3, 2000 Antwerpen, vroeger lange leemstraat 5b", ["Kerkstraat 12", "2000 Antwerpen",
                                                                              "leemstraat 5"], "woont [adres]"),
    ("rijksregisternummer 70.01.03-123.45", ["70.01.03", "123.45"], "rijksregisternummer [nummer]"),
    ("wachtlijst bij CGG Vlaamse Ardennen, de Ardennen-afdeling; Politiezone Rupel belt niet terug",
     ["Vlaamse", "Ardennen", "Rupel"], "wachtlijst bij [dienst]"),
    ("inspecteur Jonas Peeters deelt geen info", ["Jonas", "Peeters"], "deelt geen info"),
])
def test_anonimiseer_haalt_identificerende_tekst_weg(tekst, weg, wordt):
    uit = knelpunten.anonimiseer(tekst, PERSONEN, DIENSTEN)
    for stuk in weg:
        assert stuk not in uit, (stuk, uit)
    assert wordt in uit, uit


def test_anonimiseer_houdt_de_inhoud():
    tekst = "Wachtlijst van 3-4 maanden voor een CGG-traject; de politie deelt geen pv's met het CAW."
    assert knelpunten.anonimiseer(tekst, PERSONEN, DIENSTEN) == tekst
    assert knelpunten.anonimiseer("", PERSONEN, DIENSTEN) == ""
    assert knelpunten.anonimiseer("a\x1b[31mb", [], []) == "a [31mb"  # no control characters


def test_categorieen_en_suggesties():
    alle = knelpunten.categorieen({"opvangplaats": "Geen opvangplaats", "wachtlijst": "Wachtlijsten"})
    assert list(alle)[-1] == "ander" and alle["wachtlijst"] == "Wachtlijsten" and "opvangplaats" in alle
    assert knelpunten.zoek_categorie("Justitiele Doorlooptijd", alle) == "justitiele-doorlooptijd"
    assert knelpunten.zoek_categorie("geen aanbod", alle) == "geen-aanbod"
    assert knelpunten.dichtste_categorieen("informatie", alle) == ["informatiedeling"]
    assert set(knelpunten.CATEGORIEEN) == {"wachtlijst", "geen-aanbod", "informatiedeling",
                                           "justitiele-doorlooptijd", "samenwerking", "middelen", "wetgeving",
                                           "ander"}


# -- the stap phases opvolgen and loslaten ask whether knelpunten arose --------------------------------------

ENTER, OMLAAG = "\r", "\x1b[B"


def _stap_item(kc, dossier_id, key):
    data = json.loads(kc.ok("stap", dossier_id, "--json").stdout)
    return next(i for c in data["checklists"] for i in c["items"] if i["item"] == key)


def test_opvolgen_and_loslaten_ask_for_knelpunten(kc, palmeneire):
    for key in ("knelpunten-opvolgen", "knelpunten-loslaten"):
        item = _stap_item(kc, palmeneire, key)
        assert item["status"] == "open" and "nog geen knelpunt genoteerd" in item["afleiding"]["toelichting"]
    # a knelpunt since the start of casusregie (2026-09-07) answers opvolgen; one from before does not
    kc.ok("knelpunt", "add", palmeneire, "--categorie", "wachtlijst", "--dienst", "d1", "--omschrijving", "x",
          "--datum", "2026-09-01")
    assert _stap_item(kc, palmeneire, "knelpunten-opvolgen")["status"] == "open"
    kc.ok("knelpunt", "add", palmeneire, "--categorie", "wachtlijst", "--dienst", "d1", "--omschrijving", "x",
          "--datum", "2026-10-01")
    item = _stap_item(kc, palmeneire, "knelpunten-opvolgen")
    assert item["status"] == "afgeleid" and "1 knelpunt genoteerd" in item["afleiding"]["toelichting"]
    # loslaten counts from the start of the afronding (not started: still open); "geen" is an explicit tick
    assert _stap_item(kc, palmeneire, "knelpunten-loslaten")["status"] == "open"
    kc.ok("stap", palmeneire, "afvinken", "knelpunten-loslaten", "--notitie", "geen knelpunten")
    item = _stap_item(kc, palmeneire, "knelpunten-loslaten")
    assert item["status"] == "gedaan" and item["notitie"] == "geen knelpunten"


def test_doorloop_opvolgen_notes_a_knelpunt(kc, palmeneire, vraag_invoer):
    data = json.loads(kc.ok("stap", palmeneire, "--json").stdout)
    opvolgen = next(c for c in data["checklists"] if c["key"] == "opvolgen")["items"]
    open_ervoor = [i for i in opvolgen if i["status"] == "open"][:-1]
    assert opvolgen[-1]["item"] == "knelpunten-opvolgen"
    toetsen = (OMLAAG + ENTER) * len(open_ervoor)  # leave the other open items open
    # knelpunten: "Ja: nu noteren"; category informatiedeling (two down), service d2, text, date Enter,
    # deelbaar: j; another one? Enter (no)
    toetsen += ENTER + OMLAAG * 2 + ENTER + OMLAAG + ENTER + "Geen pv's gedeeld" + ENTER + ENTER + "j" + ENTER + ENTER
    vraag_invoer(toetsen)
    uit = kc("stap", palmeneire, "opvolgen")
    assert uit.exit_code == 0, uit.output
    [k] = store.laad(palmeneire).knelpunten
    assert (k.categorie, k.dienst, k.omschrijving, k.deelbaar) == ("informatiedeling", "d2", "Geen pv's gedeeld", True)
    item = _stap_item(kc, palmeneire, "knelpunten-opvolgen")
    assert item["status"] == "gedaan" and item["notitie"] == "knelpunten genoteerd: k1"


def test_doorloop_loslaten_geen_knelpunten(kc, palmeneire, vraag_invoer):
    data = json.loads(kc.ok("stap", palmeneire, "--json").stdout)
    loslaten = next(c for c in data["checklists"] if c["key"] == "loslaten")["items"]
    open_ervoor = [i for i in loslaten if i["status"] == "open"][:-1]
    assert loslaten[-1]["item"] == "knelpunten-loslaten"
    vraag_invoer((OMLAAG + ENTER) * len(open_ervoor) + OMLAAG + ENTER)  # "Nee, geen knelpunten"
    uit = kc("stap", palmeneire, "loslaten")
    assert uit.exit_code == 0, uit.output
    item = _stap_item(kc, palmeneire, "knelpunten-loslaten")
    assert item["status"] == "gedaan" and item["notitie"] == "geen knelpunten"
    assert store.laad(palmeneire).knelpunten == []


def test_a_service_with_a_knelpunt_is_not_removed(kc, palmeneire):
    kc.ok("knelpunt", "add", palmeneire, "--categorie", "wachtlijst", "--dienst", "d4", "--omschrijving", "x")
    uit = kc("dossier", "dienst", "rm", palmeneire, "d4")
    assert uit.exit_code == 1 and "knelpunt k1" in uit.stderr and "knelpunt edit" in uit.stderr
    assert store.laad(palmeneire).dienst("d4") is not None


def test_ctrl_c_while_asked_saves_nothing(kc, palmeneire, vraag_invoer):
    vraag_invoer("\r" + "\x03")  # a category, then Ctrl-C at the service
    uit = kc("knelpunt", "add", palmeneire)
    assert uit.exit_code == 130 and "Traceback" not in uit.output
    assert store.laad(palmeneire).knelpunten == []


def test_names_in_a_script_without_capitals_or_with_an_apostrophe_are_removed(kc, palmeneire):
    """A member named in Arabic script (no capitals) and names with an apostrophe ("d'Hondt", "O'Brien",
    written with a straight or a curly apostrophe) never reach the stuurgroep's report (issue 17 item 4)."""
    kc.ok("dossier", "lid", "add", palmeneire, "--naam", "Ahmed محمد", "--rol", "pleger")
    kc.ok("dossier", "lid", "add", palmeneire, "--naam", "Seán O'Brien", "--rol", "kind")
    kc.ok("dossier", "lid", "add", palmeneire, "--naam", "Anne Van den Bossche-d'Hondt", "--rol", "slachtoffer")
    kc.ok("knelpunt", "add", palmeneire, "--categorie", "ander", "--dienst", "d1", "--deelbaar", "--omschrijving",
          "محمد bleef dreigen; geen plaats voor O’Brien; de d'Hondt-familie en d’Hondt bemoeien zich")
    # a second small category: the pooled descriptions may come from either, so they are published
    kc.ok("knelpunt", "add", palmeneire, "--categorie", "middelen", "--dienst", "d1", "--deelbaar",
          "--omschrijving", "geen budget voor tolken")
    uit = kc.ok("beleidssignalen", "--json").stdout
    for naam in ("محمد", "Brien", "Hondt"):
        assert naam not in uit, naam
    assert "[naam] bleef dreigen" in uit and "[naam]-familie" in uit


def test_edit_never_moves_a_knelpunt_after_the_day_it_was_passed_on(kc, palmeneire):
    """`knelpunt doorgegeven` refuses a day before the knelpunt; `knelpunt edit --datum` keeps that rule."""
    kc.ok("knelpunt", "add", palmeneire, "--categorie", "wachtlijst", "--dienst", "d1", "--omschrijving", "x",
          "--datum", "2026-06-15")
    kc.ok("knelpunt", "doorgegeven", palmeneire, "k1", "--aan", "coördinator", "--op", "2026-06-20")
    uit = kc("knelpunt", "edit", palmeneire, "k1", "--datum", "2026-07-01")
    assert uit.exit_code == 2 and "Traceback" not in uit.output
    assert "ligt na de dag waarop je het knelpunt doorgaf (20/06/2026)" in uit.stderr
    assert _lijst(kc, palmeneire)[0]["datum"] == "2026-06-15"
    kc.ok("knelpunt", "edit", palmeneire, "k1", "--datum", "2026-06-20")  # the same day is fine


def test_the_date_question_names_its_default_once(kc, palmeneire, vraag_invoer, monkeypatch):
    """`ui.datum` itself says "(Enter = dd/mm/jjjj ...)": the question must not say it a second time."""
    import questionary

    gevraagd = []
    echte = questionary.text

    def text(vraag, **opties):
        gevraagd.append(f"{vraag} {opties.get('instruction') or ''}")
        return echte(vraag, **opties)

    monkeypatch.setattr(questionary, "text", text)
    vraag_invoer("\r" + "\r" + "Geen plaats in de opvang\r" + "\r" + "n\r")
    kc.ok("knelpunt", "add", palmeneire)
    [datum] = [v for v in gevraagd if v.startswith("Wanneer?")]
    assert datum.count("Enter =") == 1, datum


def test_doorloop_shows_the_knelpunt_as_the_reports_will(kc, palmeneire, vraag_invoer):
    """Like `knelpunt add`, the knelpunten question of `stap doorloop` says what was noted (the date as
    read) and how a deelbaar description reads in the reports, names removed (issue 17 items 1 and 4)."""
    naam = store.laad(palmeneire).gezinsleden[0].naam.split()[0]
    data = json.loads(kc.ok("stap", palmeneire, "--json").stdout)
    opvolgen = next(c for c in data["checklists"] if c["key"] == "opvolgen")["items"]
    open_ervoor = [i for i in opvolgen if i["status"] == "open"][:-1]
    toetsen = (OMLAAG + ENTER) * len(open_ervoor)
    toetsen += ENTER + ENTER + ENTER + f"{naam} wacht op een plaats" + ENTER + ENTER + "j" + ENTER + ENTER
    vraag_invoer(toetsen)
    uit = kc("stap", palmeneire, "opvolgen")
    assert uit.exit_code == 0, uit.output
    assert "Knelpunt k1 genoteerd: Wachtlijst, dienst d1, 23/11/2026 (deelbaar)." in uit.output
    assert "In de rapporten voor de stuurgroep: «[naam] wacht op een plaats»" in uit.output
    # the question itself offers to note them: no third pointer to `knelpunt add` before it
    assert "Of vul het dossier aan: ketencli knelpunt add" not in uit.output


@pytest.mark.parametrize(("tekst", "weg", "wordt"), [
    ("moeder (°1938) en zoon (° 1965), geboren in 1990", ["1938", "1965", "1990"], "moeder (°[datum])"),
    ("dochter (°2012-01-03) en zoon (°12/04/2014)", ["2012", "01-03", "2014"], "dochter (°[datum]) en zoon (°[datum])"),
    ("woont Tiensestraat nr. 5, vroeger Grote Markt 1 en Oude Baan 4", ["Tiensestraat", "Markt 1", "Baan 4"],
     "woont [adres]"),
    ("logeert Rue de la Loi 16 of Avenue Louise 5 bus 2", ["Loi 16", "Louise"], "logeert [adres]"),
    ("rekening BE68 5390 0754 7034 en IBAN BE68539007547034", ["5390", "BE68"], "rekening [nummer]"),
    ("pv AN.12.L1.123456/26 bleef liggen", ["123456"], "pv [nummer] bleef liggen"),
    ("geen plaats 2 weken lang; de markt 3 keer per week; sinds 2019 in de opvang",
     [], "geen plaats 2 weken lang; de markt 3 keer per week; sinds 2019 in de opvang"),
])
def test_anonimiseer_birth_years_streets_accounts_and_pv_numbers(tekst, weg, wordt):
    """A year of birth ("°1938"), a street written as separate words or in French, an IBAN and a pv number
    identify a family too (issue 17 item 4); ordinary numbers and words stay."""
    uit = knelpunten.anonimiseer(tekst, PERSONEN, DIENSTEN)
    for stuk in weg:
        assert stuk not in uit, (stuk, uit)
    assert wordt in uit, uit
