"""The CLI shell: Dutch framework texts, the one error handler, start-up cost, the clock."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from ketencli import klok


def test_help_is_nederlands(kc):
    uit = kc.ok("--help").stdout
    assert "Gebruik:" in uit and "Usage" not in uit
    assert "Opties" in uit and "Commando's" in uit
    assert "Toon deze hulp" in uit and "Show this message" not in uit
    sub = kc.ok("dossier", "new", "--help").stdout
    assert "Gebruik:" in sub and "--no-input" in sub


def test_gebruiksfout_is_nederlands_met_code_2(kc):
    uit = kc("dossier", "show")
    assert uit.exit_code == 2
    assert "ontbreekt" in uit.stderr and "Missing" not in uit.stderr
    uit = kc("dossir")
    assert uit.exit_code == 2 and "onbekend commando" in uit.stderr


def test_onverwachte_fout_zonder_traceback_of_gegevens(kc, palmeneire, monkeypatch):
    from ketencli import store

    def stuk(dossier_id):
        geheim = "Vercammen"  # a local variable that must never be printed
        raise RuntimeError(geheim)

    monkeypatch.setattr(store, "laad", stuk)
    uit = kc("dossier", "show", palmeneire)
    assert uit.exit_code == 1
    assert "onverwachts" in uit.stderr
    assert "Traceback" not in uit.output and "Vercammen" not in uit.output


def _geladen_modules(tmp_path, *args: str) -> set[str]:
    """The full names of the modules `ketencli ARGS` imports (per -X importtime)."""
    omgeving = {**os.environ, "KETENCLI_HOME": str(tmp_path)}
    uit = subprocess.run([sys.executable, "-X", "importtime", "-m", "ketencli", *args],
                         capture_output=True, text=True, env=omgeving)
    return {regel.split("|")[-1].strip() for regel in uit.stderr.splitlines() if regel.startswith("import time:")}


def test_help_laadt_geen_zware_modules(tmp_path):
    """Issue 19: help is plain click formatting in Dutch, without rich's markdown and syntax machinery."""
    geladen = _geladen_modules(tmp_path, "--help")
    assert "typer" in geladen  # the measurement works
    for zwaar in ("questionary", "prompt_toolkit", "docxtpl", "lxml", "pydantic", "yaml", "holidays", "icalendar",
                  "rich.markdown", "markdown_it", "pygments", "matplotlib", "numpy", "PIL", "pygit2", "keyring"):
        assert not {naam for naam in geladen if naam == zwaar or naam.startswith(zwaar + ".")}, zwaar
    # the command table lists every command without importing one command module (issue 19)
    assert not {naam for naam in geladen if naam.startswith("ketencli.commands.")}


def test_doc_zonder_zoektocht_naar_pydantic_plugins_en_zonder_rich(kc, palmeneire, thuis):
    """Issue 19: `doc` validates the dossier with pydantic's plugins off and without pydantic's plugin
    loader (which imports importlib.metadata and the email package only to find none); its success
    line is written without rich (outside Windows)."""
    omgeving = {**os.environ, "KETENCLI_HOME": str(thuis)}
    uit = subprocess.run([sys.executable, "-X", "importtime", "-m", "ketencli", "doc", palmeneire, "pva"],
                         capture_output=True, text=True, env=omgeving)
    assert uit.returncode == 0, uit.stderr[-2000:]
    assert "✓ Plan van aanpak bewaard in" in uit.stdout
    geladen = {regel.split("|")[-1].strip() for regel in uit.stderr.splitlines() if regel.startswith("import time:")}
    assert {"ketencli.model", "pydantic", "docxtpl"} <= geladen  # the measurement works
    assert not geladen & {"importlib.metadata", "pydantic.plugin._loader", "email.message"}
    if os.name == "posix":
        assert not {naam for naam in geladen if naam == "rich" or naam.startswith("rich.")}


def test_de_plaatsvervanger_van_pydantics_pluginlader():
    """It knows no plugin; a name pydantic's own loader has and it lacks still comes from pydantic's."""
    code = ("from ketencli import start; start.geen_pydantic_plugins(); import pydantic.plugin; "
            "from pydantic.plugin._loader import get_plugins; assert tuple(get_plugins()) == (); "
            "from pydantic.plugin._loader import PYDANTIC_ENTRY_POINT_GROUP; print(PYDANTIC_ENTRY_POINT_GROUP)")
    uit = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True)
    assert uit.returncode == 0 and uit.stdout.strip() == "pydantic", uit.stderr


def test_help_lijst_elk_commando_van_de_tabel(kc):
    from ketencli.cli import COMMANDO_S

    uit = kc.ok("--help").stdout
    for pad, _module, _attribuut, hulp in COMMANDO_S:
        if " " not in pad:
            assert pad in uit and hulp.split(":")[0].split(",")[0][:25] in " ".join(uit.split()), pad
    dossier = kc.ok("dossier", "--help").stdout
    for sub in ("new", "list", "edit", "dienst", "regisseur", "aanmelding"):
        assert f" {sub} " in dossier, sub


def test_elke_regel_van_de_commandotabel_laadt(kc):
    """Every line of the table points at a real command: its own --help loads it and shows it."""
    from ketencli.cli import COMMANDO_S

    for pad, _module, _attribuut, _hulp in COMMANDO_S:
        uit = kc.ok(*pad.split(), "--help").stdout
        assert f"ketencli {pad}" in uit and "Gebruik:" in uit, pad


def test_help_zonder_stijlcodes_en_met_de_hele_eerste_alinea(kc):
    uit = kc.ok("stap", "--help").stdout
    assert "[bold]" not in uit and "[/]" not in uit and "ketencli stap ID toont" in uit
    assert "(art. 458ter Sw.)" in " ".join(uit.split())  # not cut at the first full stop
    assert "[standaard: 3" in kc.ok("regio", "toon", "--help").stdout
    assert "[verplicht]" in kc.ok("pva", "rij", "add", "--help").stdout


def test_gegeven_tekst_en_getal_zonder_pydantic(tmp_path):
    """typer would coerce a given option through pydantic (issue 19): plain text and a whole number in
    its bounds need none; a bad number still gets typer's check and a Dutch message."""
    geladen = _geladen_modules(tmp_path, "overzicht", "--weken", "3")
    assert "ketencli.commands.overzicht" in geladen
    assert not {naam for naam in geladen if naam.split(".")[0] == "pydantic"}


def test_een_commando_laadt_alleen_zijn_eigen_module(tmp_path):
    geladen = _geladen_modules(tmp_path, "overzicht", "--json")
    commando_s = {naam for naam in geladen if naam.startswith("ketencli.commands.")}
    assert "ketencli.commands.overzicht" in commando_s
    assert not commando_s & {"ketencli.commands.dossier", "ketencli.commands.stap", "ketencli.commands.agendeer",
                             "ketencli.commands.pva", "ketencli.commands.afronding"}


def test_klok_kan_vastgezet_worden(monkeypatch):
    monkeypatch.setenv("KETENCLI_NU", "2026-11-30T13:00")
    assert klok.nu().isoformat() == "2026-11-30T13:00:00+01:00"
    monkeypatch.setenv("KETENCLI_NU", "2026-07-01")
    assert klok.nu().hour == 9 and str(klok.nu().utcoffset()) == "2:00:00"


def test_ongeldige_klok_is_een_duidelijke_fout(kc, monkeypatch):
    monkeypatch.setenv("KETENCLI_NU", "morgen")
    uit = kc("dossier", "new", "--regio", "leuven", "--gezin", "X", "--no-input")
    assert uit.exit_code == 1 and "KETENCLI_NU" in uit.stderr


def test_versie(kc):
    assert "ketencli 0." in kc.ok("--versie").stdout


def test_help_shows_no_type_labels_next_to_flags(kc):
    uit = kc.ok("doc", "--help")
    assert "--overschrijf" in uit.stdout and "PAD" in uit.stdout
    assert "<bool>" not in uit.stdout and "<str>" not in uit.stdout
    for commando in (["pva", "rij", "add"], ["pva", "actie", "edit"], ["agendeer", "rondetafel"]):
        hulp = kc.ok(*commando, "--help").stdout
        assert "<" not in hulp and "TEKST" in hulp, commando


@pytest.mark.parametrize("args, verwacht", [
    (["overzicht", "--weken", "0"], "minstens 1"),
    (["overzicht", "--weken", "abc"], "verwacht een geheel getal"),
    (["regio", "toon", "--zittingen", "99"], "hoogstens 20"),
])
def test_waardefouten_van_typer_in_het_nederlands(kc, args, verwacht):
    uit = kc(*args)
    assert uit.exit_code == 2 and verwacht in uit.stderr and "Input should" not in uit.stderr


def test_redirected_output_is_utf8_whatever_the_code_page(kc, tmp_path):
    """Windows writes redirected output in the ANSI code page; ketencli writes UTF-8 there."""
    import json
    import os
    import subprocess
    import sys

    kc.ok("dossier", "new", "--regio", "leuven", "--gezin", "Yılmaz – Şahin", "--no-input")
    omgeving = {**os.environ, "PYTHONIOENCODING": "cp1252"}
    uit = subprocess.run([sys.executable, "-m", "ketencli", "dossier", "list", "--json"], capture_output=True,
                         env=omgeving, timeout=60)
    assert uit.returncode == 0, uit.stderr.decode("utf-8", "replace")
    assert json.loads(uit.stdout.decode("utf-8"))[0]["gezin"] == "Yılmaz – Şahin"


def test_extra_argument_in_dutch(kc):
    uit = kc("dossier", "list", "extra")
    assert uit.exit_code == 2 and "te veel argumenten: extra" in uit.stderr


def test_ctrl_c_buiten_een_vraag_wordt_gemeld(kc, palmeneire, monkeypatch):
    """typer turns a Ctrl-C outside a question into a silent Exit(130): the user saw nothing (D12)."""
    from ketencli import store

    def onderbroken(dossier_id):
        raise KeyboardInterrupt

    monkeypatch.setattr(store, "laad", onderbroken)
    uit = kc("dossier", "show", palmeneire)
    assert uit.exit_code == 130 and "Afgebroken" in uit.output


@pytest.mark.parametrize("argumenten, hulp", [
    (["overzicht", "--weken"], "ketencli overzicht --help"),
    (["dossier", "list", "--fase"], "ketencli dossier list --help"),
    (["pva", "rij", "add", "2026-001", "--domein"], "ketencli pva rij add --help"),
    (["dossier", "bestaatniet"], "ketencli dossier --help"),
])
def test_een_optie_zonder_waarde_wijst_naar_de_hulp_van_dat_commando(kc, argumenten, hulp):
    """An option given without its value (click raises that without its command's context): the
    message points to the help of the command the user typed, not to the root's (found in a trial)."""
    uit = kc(*argumenten)
    assert uit.exit_code == 2 and f"Probeer '{hulp}' voor hulp." in uit.stderr
    assert "Traceback" not in uit.output


def test_ctrl_c_terwijl_ketencli_laadt():
    """Ctrl-C while ketencli is still importing its modules: 130 and the Dutch line, no traceback."""
    code = ("import sys\n"
            "class Onderbreek:\n"
            "    def find_spec(self, naam, pad, doel=None):\n"
            "        if naam == 'ketencli.cli':\n"
            "            raise KeyboardInterrupt\n"
            "sys.meta_path.insert(0, Onderbreek())\n"
            "sys.argv = ['ketencli', 'overzicht']\n"
            "from ketencli import start\n"
            "start.main()\n")
    uit = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True)
    assert uit.returncode == 130 and uit.stderr == "Afgebroken: er werd niets bewaard.\n", uit.stderr


def test_een_leeg_argument_in_het_nederlands(kc):
    uit = kc("dossier", "list", "")
    assert uit.exit_code == 2 and "te veel argumenten: een leeg argument ('')" in uit.stderr
    assert "Got unexpected" not in uit.output


@pytest.mark.skipif(not Path("/dev/full").exists(), reason="/dev/full")
def test_uitvoer_die_niet_geschreven_kan_worden(thuis):
    """`> /dev/full`: the output failed, not a save (no "niets bewaard" after a command that did its work);
    a closed stdout (`>&-`) is no unexpected error."""
    import os

    omgeving = {**os.environ, "KETENCLI_HOME": str(thuis)}
    with open("/dev/full", "w") as vol:
        uit = subprocess.run([sys.executable, "-m", "ketencli", "dossier", "list", "--alle"], stdout=vol,
                             stderr=subprocess.PIPE, text=True, env=omgeving)
    assert uit.returncode == 1 and uit.stderr.startswith("De uitvoer (of een bestand) kon niet geschreven worden")
    assert "Er werd niets bewaard" not in uit.stderr
    gesloten = subprocess.run([sys.executable, "-c", "import os, sys; os.close(1); sys.stdout = None\n"
                               "sys.argv = ['ketencli', 'dossier', 'list']\nfrom ketencli import start\nstart.main()"],
                              stderr=subprocess.PIPE, text=True, env=omgeving)
    assert gesloten.returncode == 0 and "onverwachts" not in gesloten.stderr, gesloten.stderr
