"""An afgesloten dossier is read-only for every command that writes; `dossier heropen` reopens it.

The commands are walked from the typer app itself: every command is either in ``SCHRIJVEND`` (with
an invocation that would change the dossier) or in ``ALLEEN_LEZEN``. A new command that is in
neither makes ``test_elk_commando_is_ingedeeld`` fail, so its read-only behaviour gets a test.
"""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml

from ketencli.cli import alle_commando_s
from tests.conftest import _id_uit, dossier_bestand
from tests.methodiek.test_afronding_regels import klaar_data

# Commands that never change a dossier (or, like `dossier new`, only make a new one).
ALLEEN_LEZEN = {
    "overzicht", "dossier new", "dossier list", "dossier show", "kijkschema toon", "kijkschema vergelijk",
    "pva show", "pva check", "stap toon", "afronding check", "agendeer lijst", "regio toon", "tijdlijn toon",
    "dossier heropen",  # the one way back: tested below
    "templates check", "templates export",  # the user's templates, no dossier
    "profiel",  # the user's own profile, no dossier
    "kijkschema factoren",  # the method's list of factors, no dossier
    "bewaring",  # deletes afgesloten dossiers past their retention term only (tests/test_betrouwbaarheid.py)
    "knelpunt lijst", "beleidssignalen",  # issue 17: beleidssignalen writes its report outside every dossier
    "jaarcijfers",  # anonymous figures over all dossiers, written outside them (tests/test_jaarcijfers.py)
    "dossier historiek",  # reads the team repository's log
    # issue 18: no dossier of their own; `team sync` takes over what colleagues did (also `dossier heropen`)
    "team init", "team sync", "team status", "team inloggen",
}

KIJKSCHEMA = {"datum": "2027-06-01", "factoren": [{"factor": "geweld-angst", "staat": "aanwezig"}]}
PVA = {"rijen": [{"id": "r1", "domein": "geweld", "factor": "geweld-angst"}]}
VEILIGHEIDSPLAN = {"lid": "m1", "veilige_plek": "bij de zus"}

# Every command that writes, with arguments that would change the afgesloten test dossier.
# "{id}" is the dossier id; "{kijkschema}", "{pva}", "{veiligheidsplan}" are --from files.
SCHRIJVEND: dict[str, list[str]] = {
    "dossier edit": ["{id}", "--no-input"],
    "dossier instemming": ["{id}", "m2"],
    "dossier ico": ["{id}", "--conclusie", "ketenaanpak-met-casusregie"],
    "dossier lid add": ["{id}", "--naam", "Dirk", "--rol", "ander", "--no-input"],
    "dossier lid edit": ["{id}", "m1", "--naam", "Anne", "--no-input"],
    "dossier dienst add": ["{id}", "--soort", "caw", "--naam", "CAW", "--no-input"],
    "dossier dienst edit": ["{id}", "d1", "--contact", "03 1"],
    "dossier dienst rm": ["{id}", "d2"],
    "dossier regisseur": ["{id}", "--naam", "Karel"],
    "dossier aanmelding": ["{id}", "--waarom-nu", "nieuwe feiten"],
    "kijkschema invullen": ["{id}", "--from", "{kijkschema}", "--no-input"],
    "kijkschema bewerk": ["{id}", "--moment", "1", "--from", "{kijkschema}", "--no-input"],
    "pva profiel": ["{id}", "situationeel-geweld"],
    "pva edit": ["{id}", "--from", "{pva}", "--no-input"],
    "pva rij add": ["{id}", "--factor", "geweld-angst"],
    "pva rij edit": ["{id}", "r1", "--noden", "rust"],
    "pva rij rm": ["{id}", "r1", "--ja"],
    "pva rij move": ["{id}", "r2", "--naar", "1"],
    "pva actie add": ["{id}", "r1", "--omschrijving", "Nazorg"],
    "pva actie edit": ["{id}", "r2", "1", "--stavaza", "afgerond"],
    "pva actie rm": ["{id}", "r1", "1", "--ja"],
    "pva doel add": ["{id}", "--tekst", "Rust in huis"],
    "pva doel edit": ["{id}", "g1", "--staat", "deels-bereikt"],
    "stap afvinken": ["{id}", "afrondend-gesprek"],
    "stap overslaan": ["{id}", "afrondend-gesprek", "--reden", "niet nodig"],
    "stap heropen": ["{id}", "evaluatie-gezinsleden"],  # ticked in the fixture
    "stap doorloop": ["{id}", "loslaten"],  # interactive: see INTERACTIEF
    "stap veiligheidsplan": ["{id}", "--from", "{veiligheidsplan}", "--no-input"],
    "stap 458ter": ["{id}", "--geinformeerd", "m1"],
    "stap dringende-maatregel": ["{id}", "--beslist-op", "2027-06-01", "--tafel", "weegploeg",
                                 "--maatregel", "contactverbod"],
    "afronding verklaring": ["{id}", "--tekst", "geen nieuwe feiten"],
    "afronding slotgesprek": ["{id}", "--vervolghulp", "CAW"],
    "afronding evaluatie": ["{id}", "--lid", "m1", "--samenvatting", "goed"],
    "afronding partner": ["{id}", "--dienst", "d1"],
    "afronding veiligheid": ["{id}", "--tekst", "extra patrouilles"],
    "afronding overdracht": ["{id}", "r1", "1", "--aan", "d2"],
    "afronding start": ["{id}", "--weegploeg-akkoord", "2027-06-01"],
    "afronding afsluiten": ["{id}", "--geen-nieuwe-feiten", "--vervolghulp-gestart"],
    "afronding herneem": ["{id}", "--reden", "nieuw pv"],
    "agendeer weegploeg": ["{id}", "--soort", "afronding"],
    "agendeer rondetafel": ["{id}", "--vraag", "Zijn er nieuwe feiten?"],
    "agendeer ico": ["{id}"],
    "agendeer uitkomst": ["{id}", "a1", "--status", "besproken"],
    "doc": ["{id}", "pva"],  # writes into the dossier's documenten/ folder
    "genogram": ["{id}"],  # idem (issue 16)
    "tijdlijn add": ["{id}", "--soort", "pv", "--omschrijving", "nieuwe melding", "--no-input"],
    "tijdlijn edit": ["{id}", "1", "--omschrijving", "anders"],
    "knelpunt add": ["{id}", "--categorie", "wachtlijst", "--dienst", "d1", "--omschrijving", "x"],
    "knelpunt edit": ["{id}", "k1", "--deelbaar"],
    "knelpunt rm": ["{id}", "k1"],
    "knelpunt doorgegeven": ["{id}", "k1", "--aan", "coördinator"],
    "dossier overdracht": ["{id}", "--aan", "Karel"],  # issue 18
    "team los": ["{id}", "--kies", "1"],
}

# Interactive commands get a terminal and these keystrokes (Enter: the default answer of each question).
INTERACTIEF = {"stap doorloop": "\r" * 6}


def _commandos() -> set[str]:
    def loop(cmd, pad: list[str]):
        if hasattr(cmd, "commands"):
            for naam, kind in cmd.commands.items():
                yield from loop(kind, [*pad, naam])
        else:
            yield " ".join(pad)

    return set(loop(alle_commando_s(), []))


COMMANDOS = _commandos()


def test_elk_commando_is_ingedeeld():
    niet_ingedeeld = COMMANDOS - ALLEEN_LEZEN - set(SCHRIJVEND)
    assert not niet_ingedeeld, (
        f"nieuwe commando's {sorted(niet_ingedeeld)}: voeg ze toe aan SCHRIJVEND (met argumenten) of ALLEEN_LEZEN")
    assert not ALLEEN_LEZEN & set(SCHRIJVEND)


@pytest.fixture
def afgesloten(kc, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> str:
    """The ready test dossier, afgerond on 2026-11-23 and afgesloten at the ronde tafel of 2027-06-01."""
    data = klaar_data()
    data["stappen"] = [{"item": "evaluatie-gezinsleden", "datum": "2026-11-15"}]
    bestand = tmp_path / "klaar.yaml"
    bestand.write_text(yaml.safe_dump(data, allow_unicode=True), encoding="utf-8")
    dossier_id = _id_uit(kc.ok("dossier", "new", "--from", bestand, "--no-input").output)
    kc.ok("afronding", "start", dossier_id, "--weegploeg-akkoord", "2026-11-17")
    monkeypatch.setenv("KETENCLI_NU", "2027-06-01T10:00")
    kc.ok("afronding", "afsluiten", dossier_id, "--geen-nieuwe-feiten", "--vervolghulp-gestart")
    return dossier_id


def _argumenten(sjabloon: list[str], dossier_id: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> list[str]:
    bestanden = {}
    for naam, data in (("kijkschema", KIJKSCHEMA), ("pva", PVA), ("veiligheidsplan", VEILIGHEIDSPLAN)):
        pad = tmp_path / f"{naam}.yaml"
        pad.write_text(yaml.safe_dump(data), encoding="utf-8")
        bestanden[naam] = str(pad)
    # `dossier edit` gets an "editor" that really changes the file
    editor = tmp_path / "editor.sh"
    editor.write_text("#!/bin/sh\nsed -i 's/Testgezin/Ander gezin/' \"$1\"\n", encoding="utf-8")
    editor.chmod(0o755)
    monkeypatch.setenv("VISUAL", str(editor))
    monkeypatch.setenv("EDITOR", str(editor))
    return [a.format(id=dossier_id, **bestanden) for a in sjabloon]


# Known gaps, each with its owner's fix; strict, so the mark must go once the command refuses.
BEKEND_OPEN: dict[str, str] = {}


@pytest.mark.parametrize("commando", [
    pytest.param(c, marks=pytest.mark.xfail(strict=True, reason=BEKEND_OPEN[c])) if c in BEKEND_OPEN else c
    for c in sorted(set(SCHRIJVEND) & COMMANDOS)
])
def test_schrijvend_commando_weigert_een_afgesloten_dossier(kc, afgesloten, thuis, tmp_path, monkeypatch, commando,
                                                          request):
    bestand = dossier_bestand(thuis, afgesloten)
    voor = bestand.read_bytes()
    args = _argumenten(SCHRIJVEND[commando], afgesloten, tmp_path, monkeypatch)
    if commando in INTERACTIEF:
        request.getfixturevalue("vraag_invoer")(INTERACTIEF[commando])
    uit = kc(*commando.split(), *args)
    assert uit.exit_code == 1, (uit.exit_code, uit.output)
    assert f"Dossier {afgesloten} is afgesloten" in uit.output and "dossier heropen" in uit.output
    assert "Traceback" not in uit.output
    assert bestand.read_bytes() == voor
    assert sorted(p.name for p in bestand.parent.iterdir() if not p.name.endswith(".lock")) == ["dossier.yaml"]


def test_na_heropen_kan_er_weer_geschreven_worden(kc, afgesloten, thuis):
    kc.ok("dossier", "heropen", afgesloten, "--reden", "nieuwe melding")
    kc.ok("pva", "doel", "edit", afgesloten, "g1", "--staat", "deels-bereikt")
    kc.ok("afronding", "veiligheid", afgesloten, "--tekst", "extra patrouilles")
    tekst = dossier_bestand(thuis, afgesloten).read_text(encoding="utf-8")
    assert "heropend: fase afgesloten → afgerond" in tekst and "nieuwe melding" in tekst
    assert "extra patrouilles" in tekst


def test_document_van_een_afgesloten_dossier_kan_elders(kc, afgesloten, thuis, tmp_path):
    """Reading is allowed: a copy of the closed plan goes to a folder outside the dossier."""
    doel = tmp_path / "archief"
    doel.mkdir()
    kc.ok("doc", afgesloten, "pva", "--uit", doel)
    assert [p.suffix for p in doel.iterdir()] == [".docx"]
    assert not (thuis / "dossiers" / afgesloten / "documenten").exists()
