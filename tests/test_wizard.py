"""The interactive wizard, driven through prompt_toolkit's pipe input (keys as a user types them)."""

from __future__ import annotations

import yaml

from tests.conftest import dossier_bestand

ENTER, OMLAAG, OMHOOG, SPATIE = "\r", "\x1b[B", "\x1b[A", " "


def test_wizard_nieuw_dossier(kc, thuis, vraag_invoer):
    toetsen = [
        ENTER,  # datum: today
        "CAW Oost-Brabant" + ENTER, ENTER, "0470 12 34 56" + ENTER,  # aanmelder
        "Nieuwe feiten na huisverbod" + ENTER, *[ENTER] * 8,  # the nine registration questions
        ENTER, "An" + ENTER, SPATIE + ENTER,  # member 1: slachtoffer
        OMHOOG * 2 + ENTER, "12/3/1988" + ENTER,  # geslacht vrouw (up from the default onbekend), born
        ENTER, "Bo" + ENTER, OMLAAG + SPATIE + ENTER, ENTER, ENTER,  # member 2: pleger, onbekend, no birth date
        OMHOOG * 8 + ENTER,  # Bo is partner of An (eight up from "geen relatie opgeven")
        OMHOOG * 2 + ENTER,  # gehuwd (two up from "weet ik niet"; for the genogram's line, issue 16)
        "n" + ENTER,  # not in prison
        ENTER,  # no third member (default no)
        "j" + ENTER, OMLAAG * 3 + ENTER,  # a service (issue "invoer" §1): CAW, the fourth kind
        "CAW Oost-Brabant" + ENTER, "Tom Hulp" + ENTER, ENTER, "begeleiding van An" + ENTER,
        ENTER,  # no second service (default no)
        ENTER,  # save
    ]
    vraag_invoer("".join(toetsen))
    uit = kc("dossier", "new", "--regio", "leuven", "--gezin", "Test – Gezin")
    assert uit.exit_code == 0, uit.output
    data = yaml.safe_load(dossier_bestand(thuis, "2026-001").read_text(encoding="utf-8"))
    assert data["aanmelding"]["aanmelder"]["contact"] == "0470 12 34 56"
    assert data["aanmelding"]["waarom_nu"] == "Nieuwe feiten na huisverbod"
    an, bo = data["gezinsleden"]
    assert (an["naam"], an["rollen"], str(an["geboortedatum"])) == ("An", ["slachtoffer"], "1988-03-12")
    assert (bo["naam"], bo["rollen"]) == ("Bo", ["pleger"])
    # geslacht is asked, never guessed from the name: the default stays onbekend (issue 16)
    assert (an["geslacht"], bo["geslacht"]) == ("vrouw", "onbekend")
    assert bo["relaties"][0]["met"] == "m1" and bo["relaties"][0]["soort"] == "partner"
    assert bo["relaties"][0]["vorm"] == "gehuwd"
    assert an["relaties"][0]["met"] == "m2" and an["relaties"][0]["vorm"] == "gehuwd"  # recorded both ways
    assert data["betrokken_diensten"] == [{"id": "d1", "soort": "caw", "naam": "CAW Oost-Brabant",
                                           "contactpersoon": "Tom Hulp", "contact": "", "rol": "begeleiding van An"}]


def test_ctrl_c_in_de_wizard_maakt_geen_dossier_maar_bewaart_een_concept(kc, thuis, vraag_invoer):
    vraag_invoer(ENTER + "CAW" + ENTER + "\x03")
    uit = kc("dossier", "new", "--regio", "leuven", "--gezin", "X")
    assert uit.exit_code == 130
    assert "geen dossier gemaakt" in uit.stderr and "concept" in uit.stderr
    assert not (thuis / "dossiers").exists() or not list((thuis / "dossiers").iterdir())
    concept = yaml.safe_load((thuis / "concepten" / "nieuw-dossier.yaml").read_text(encoding="utf-8"))
    assert concept["aanmelding"]["aanmelder"]["organisatie"] == "CAW"


def test_concept_van_een_nieuw_dossier_hervatten(kc, thuis, vraag_invoer):
    """Nothing typed is lost: the next `dossier new` offers the draft, its answers are the defaults."""
    vraag_invoer(ENTER + "CAW" + ENTER + "\x03")
    assert kc("dossier", "new", "--regio", "leuven", "--gezin", "X").exit_code == 130
    # ja, verdergaan; date and organisation from the draft (Enter); a contact person; Ctrl-C again
    vraag_invoer(ENTER + ENTER + ENTER + "Els" + ENTER + "\x03")
    assert kc("dossier", "new", "--regio", "leuven", "--gezin", "X").exit_code == 130
    concept = yaml.safe_load((thuis / "concepten" / "nieuw-dossier.yaml").read_text(encoding="utf-8"))
    assert concept["aanmelding"]["aanmelder"] == {"organisatie": "CAW", "persoon": "Els"}


def test_wizard_lid_toevoegen(kc, thuis, palmeneire, vraag_invoer):
    voor = len(yaml.safe_load(dossier_bestand(thuis, palmeneire).read_text(encoding="utf-8"))["gezinsleden"])
    # name, role kind (third), geslacht (default onbekend), birth date, then one relation question per
    # existing member: keep "geen"
    vraag_invoer("Lotte" + ENTER + OMLAAG * 2 + SPATIE + ENTER + ENTER + "2019-01-01" + ENTER + ENTER * voor)
    kc.ok("dossier", "lid", "add", palmeneire)
    leden = yaml.safe_load(dossier_bestand(thuis, palmeneire).read_text(encoding="utf-8"))["gezinsleden"]
    assert leden[-1]["naam"] == "Lotte" and leden[-1]["rollen"] == ["kind"] and leden[-1]["id"] == f"m{voor + 1}"
