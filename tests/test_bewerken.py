"""`dossier edit` never loses the user's work (issue "invoer" §3): a fake editor script plays the user,
through CliRunner and, where a terminal question is part of the case, through pexpect."""

from __future__ import annotations

import os
import re
import stat
import sys
from pathlib import Path

import pytest

from ketencli.commands.bewerken import editor_opdracht
from tests.conftest import dossier_bestand

KEEP = re.compile(r"bewaard in (\S+\.yaml)")


def editor(tmp_path: Path, monkeypatch: pytest.MonkeyPatch, script: str, naam: str = "editor") -> Path:
    """A shell script as $EDITOR; it gets the copy's path as $1."""
    pad = tmp_path / f"{naam}.sh"
    pad.write_text("#!/bin/sh\n" + script + "\n", encoding="utf-8")
    pad.chmod(0o755)
    monkeypatch.setenv("EDITOR", str(pad))
    monkeypatch.delenv("VISUAL", raising=False)
    return pad


def kopieen(thuis: Path) -> list[Path]:
    return sorted((thuis / "bewerken").glob("*.yaml")) if (thuis / "bewerken").is_dir() else []


pytestmark = pytest.mark.skipif(sys.platform == "win32", reason="shell-script editors")


def test_afgewezen_bewerking_blijft_bewaard_en_herneem_bewaart_ze(kc, thuis, palmeneire, tmp_path, monkeypatch):
    pad = dossier_bestand(thuis, palmeneire)
    voor = pad.read_bytes()
    editor(tmp_path, monkeypatch, 'printf "gezinsnaamm: x\\n" >> "$1"')
    uit = kc("dossier", "edit", palmeneire, "--no-input")
    assert uit.exit_code == 1 and "gezinsnaamm" in uit.stderr
    assert pad.read_bytes() == voor
    kopie = Path(KEEP.search(uit.stderr).group(1))
    assert "gezinsnaamm: x" in kopie.read_text(encoding="utf-8")
    assert stat.S_IMODE(kopie.stat().st_mode) == 0o600
    assert palmeneire in kopie.name and "Palmeneire" not in kopie.name  # D4: only the id in a file name
    assert f"ketencli dossier edit {palmeneire} --herneem" in uit.stderr
    # a plain edit meanwhile says there is a copy to resume
    editor(tmp_path, monkeypatch, "sleep 1.1")
    assert "--herneem" in kc.ok("dossier", "edit", palmeneire).stderr
    assert kopie.exists()
    # resume: the user fixes the typo in the kept copy; saved, and the copies are cleaned up
    editor(tmp_path, monkeypatch, "sed -i -e '/^gezinsnaamm/d' -e 's/^gezin: .*/gezin: Hersteld/' \"$1\"")
    kc.ok("dossier", "edit", palmeneire, "--herneem", "--no-input")
    assert "\ngezin: Hersteld\n" in pad.read_text(encoding="utf-8")
    assert kopieen(thuis) == []
    uit = kc("dossier", "edit", palmeneire, "--herneem")
    assert uit.exit_code == 1 and "geen bewaarde bewerking" in uit.stderr


def test_afgewezen_zonder_terminal_blijft_bewaard(kc, thuis, palmeneire, tmp_path, monkeypatch):
    editor(tmp_path, monkeypatch, "sed -i 's/^fase: .*/fase: afgesloten/' \"$1\"")
    uit = kc("dossier", "edit", palmeneire)  # CliRunner: no terminal
    assert uit.exit_code == 1 and "fase" in uit.stderr
    assert "afgesloten" in Path(KEEP.search(uit.stderr).group(1)).read_text(encoding="utf-8")


def test_editor_die_meteen_terugkomt(kc, thuis, palmeneire, monkeypatch):
    monkeypatch.setenv("EDITOR", "true")
    monkeypatch.delenv("VISUAL", raising=False)
    uit = kc("dossier", "edit", palmeneire, "--no-input")
    assert "Wachten tot je editor sluit" in uit.stderr
    assert "meteen terug" in uit.stderr and "--wait" in uit.stderr and "-multiInst" in uit.stderr
    assert "Geen wijzigingen" not in uit.output
    assert kopieen(thuis) == []  # no orphan copy


def test_gelijktijdige_wijziging_overschrijft_niets(kc, thuis, palmeneire, tmp_path, monkeypatch):
    """Another command saves the dossier while the editor is open: both changes survive."""
    ketencli = Path(sys.executable).parent / "ketencli"
    editor(tmp_path, monkeypatch,
           f"'{ketencli}' tijdlijn add {palmeneire} --soort contact --datum 2026-11-22 --omschrijving GELIJKTIJDIG "
           "--no-input >/dev/null 2>&1 </dev/null\nsed -i 's/^gezin: .*/gezin: Mijn wijziging/' \"$1\"")
    uit = kc("dossier", "edit", palmeneire, "--no-input")
    assert uit.exit_code == 1 and "intussen gewijzigd" in uit.stderr
    tekst = dossier_bestand(thuis, palmeneire).read_text(encoding="utf-8")
    assert "GELIJKTIJDIG" in tekst and "Mijn wijziging" not in tekst
    kopie = Path(KEEP.search(uit.stderr).group(1))
    assert "gezin: Mijn wijziging" in kopie.read_text(encoding="utf-8")
    # resuming that copy would drop the other change: refused, with the differences shown
    editor(tmp_path, monkeypatch, "true")
    uit = kc("dossier", "edit", palmeneire, "--herneem", "--no-input")
    assert uit.exit_code == 1 and "GELIJKTIJDIG" in uit.stderr and "+gezin: Mijn wijziging" in uit.stderr
    assert "GELIJKTIJDIG" in dossier_bestand(thuis, palmeneire).read_text(encoding="utf-8")
    assert kopie.exists()


def test_nee_op_opnieuw_openen_houdt_de_bewerking(thuis, palmeneire, tmp_path):
    """In a terminal: the edit is invalid, the user answers "n" to reopening; the copy is kept."""
    pexpect = pytest.importorskip("pexpect")
    script = tmp_path / "fout.sh"
    script.write_text('#!/bin/sh\nprintf "gezinsnaamm: x\\n" >> "$1"\n', encoding="utf-8")
    script.chmod(0o755)
    env = {**os.environ, "EDITOR": str(script), "TERM": "xterm", "PROMPT_TOOLKIT_NO_CPR": "1", "COLUMNS": "200"}
    env.pop("VISUAL", None)
    kind = pexpect.spawn(str(Path(sys.executable).parent / "ketencli"), ["dossier", "edit", palmeneire], env=env,
                         encoding="utf-8", timeout=30, dimensions=(40, 200))
    kind.expect("Opnieuw openen")
    kind.send("n\r")
    kind.expect(pexpect.EOF)
    kind.close()
    uitvoer = re.sub(r"\x1b\[[0-9;?]*[a-zA-Z]|\r", "", kind.before)
    assert kind.exitstatus == 1
    kopie = Path(KEEP.search(uitvoer).group(1))
    assert "gezinsnaamm" in kopie.read_text(encoding="utf-8") and "--herneem" in uitvoer


@pytest.mark.parametrize(("waarde", "windows", "argv"), [
    ('"C:\\Program Files\\Notepad++\\notepad++.exe" -multiInst', True,
     ["C:\\Program Files\\Notepad++\\notepad++.exe", "-multiInst"]),
    ("notepad", True, ["notepad"]),
    ("code --wait", False, ["code", "--wait"]),
    ("'/opt/my editor/ed' -w", False, ["/opt/my editor/ed", "-w"]),
])
def test_editor_met_aanhalingstekens(waarde, windows, argv):
    """Windows: a quoted program path starts that program (the quotes are not part of argv[0])."""
    assert editor_opdracht(waarde, windows=windows) == argv


def _breek(pad: Path) -> None:
    """The new-user trial's hand edit: a line `  extra: [oeps` under `fase:` (an unclosed list)."""
    regels = pad.read_text(encoding="utf-8").splitlines(keepends=True)
    nr = next(i for i, r in enumerate(regels) if r.startswith("fase:"))
    regels.insert(nr + 1, "  extra: [oeps\n")
    pad.write_text("".join(regels), encoding="utf-8")


def test_kapot_dossier_herstellen_met_edit(kc, thuis, palmeneire, tmp_path, monkeypatch):
    """A dossier file broken by hand opens in the editor as it is (after saying what is wrong, with the
    file's full path), and the repair is validated and saved like any edit."""
    pad = dossier_bestand(thuis, palmeneire)
    _breek(pad)
    kapot = pad.read_bytes()
    # the user leaves it broken: rejected, nothing saved, the copy kept for --herneem
    editor(tmp_path, monkeypatch, 'grep -q "extra: \\[oeps" "$1" && printf "\\n" >> "$1"')
    uit = kc("dossier", "edit", palmeneire, "--no-input")
    assert uit.exit_code == 1, uit.output
    assert f"{pad}, regel" in uit.stderr and "geen geldige YAML" in uit.stderr
    assert pad.read_bytes() == kapot
    kopie = Path(KEEP.search(uit.stderr).group(1))
    assert "  extra: [oeps" in kopie.read_text(encoding="utf-8")
    assert f"ketencli dossier edit {palmeneire} --herneem" in uit.stderr
    # resume: the user deletes the bad line; validated and saved, copies cleaned up
    editor(tmp_path, monkeypatch, "sed -i -e '/extra: \\[oeps/d' \"$1\"")
    uit = kc.ok("dossier", "edit", palmeneire, "--herneem", "--no-input")
    assert "je editor opent je bewaarde bewerking" in uit.stderr and "zoals het is" not in uit.stderr
    assert "[oeps" not in pad.read_text(encoding="utf-8")
    assert kopieen(thuis) == []
    kc.ok("dossier", "show", palmeneire)


def test_kapot_dossier_fase_blijft_voor_commandos(kc, thuis, palmeneire, tmp_path, monkeypatch):
    """Repairing a broken file cannot change the fase by hand either (D8)."""
    pad = dossier_bestand(thuis, palmeneire)
    _breek(pad)
    editor(tmp_path, monkeypatch, "sed -i -e '/extra: \\[oeps/d' -e 's/^fase: .*/fase: afgesloten/' \"$1\"")
    uit = kc("dossier", "edit", palmeneire, "--no-input")
    assert uit.exit_code == 1 and "De fase wijzig je niet met de hand" in uit.stderr
    assert "extra: [oeps" in pad.read_text(encoding="utf-8")


def test_foutmelding_over_dossierbestand_noemt_volledig_pad(kc, thuis, palmeneire):
    pad = dossier_bestand(thuis, palmeneire)
    _breek(pad)
    uit = kc("dossier", "show", palmeneire)
    assert uit.exit_code == 1 and f"{pad}, regel" in uit.stderr


def _gelijktijdig(ketencli: Path, dossier_id: str, gezin: str) -> str:
    """An editor script that saves another change to the dossier (`tijdlijn add`) while it is open,
    then makes the user's change: the edit's save is refused as "changed meanwhile"."""
    return (f"'{ketencli}' tijdlijn add {dossier_id} --soort contact --datum 2026-11-22 --omschrijving GELIJKTIJDIG "
            f"--no-input >/dev/null 2>&1 </dev/null\nsed -i 's/^gezin: .*/gezin: {gezin}/' \"$1\"")


def test_geslaagde_bewerking_laat_andere_bewaarde_bewerking_staan(kc, thuis, palmeneire, tmp_path, monkeypatch):
    """New-user trial: an edit refused because the dossier changed meanwhile keeps its copy ("Je bewerking
    is bewaard in …"); a later, unrelated edit that saves removes only its own copy, says the kept one is
    still there, and `--herneem` still finds the kept one."""
    ketencli = Path(sys.executable).parent / "ketencli"
    editor(tmp_path, monkeypatch, _gelijktijdig(ketencli, palmeneire, "Mijn wijziging"))
    uit = kc("dossier", "edit", palmeneire, "--no-input")
    assert uit.exit_code == 1 and "intussen gewijzigd" in uit.stderr
    kopie = Path(KEEP.search(uit.stderr).group(1))
    bewaard = kopie.read_bytes()
    assert b"gezin: Mijn wijziging" in bewaard
    # a new, unrelated edit that saves
    editor(tmp_path, monkeypatch, "sed -i 's/^gezin: .*/gezin: Andere bewerking/' \"$1\"")
    uit = kc.ok("dossier", "edit", palmeneire, "--no-input")
    assert "niet-bewaarde bewerking" in uit.stderr and "--herneem" in uit.stderr  # said at the start
    assert "\ngezin: Andere bewerking\n" in dossier_bestand(thuis, palmeneire).read_text(encoding="utf-8")
    assert kopieen(thuis) == [kopie] and kopie.read_bytes() == bewaard  # only its own copy went
    assert str(kopie) in " ".join(uit.stderr.split())  # and the kept one is named after the save
    # --herneem still offers the kept copy: the dossier changed since, so it shows the differences
    editor(tmp_path, monkeypatch, "true")
    uit = kc("dossier", "edit", palmeneire, "--herneem", "--no-input")
    assert uit.exit_code == 1 and "geen bewaarde bewerking" not in uit.stderr
    assert "+gezin: Mijn wijziging" in uit.stderr and "-gezin: Andere bewerking" in uit.stderr
    assert kopie.read_bytes() == bewaard


def test_herneem_na_geslaagde_herneem_van_een_andere_kopie(kc, thuis, palmeneire, tmp_path, monkeypatch):
    """A resumed copy that saves removes that copy only, not an older kept one."""
    editor(tmp_path, monkeypatch, 'printf "gezinsnaamm: oud\\n" >> "$1"')
    oud = Path(KEEP.search(kc("dossier", "edit", palmeneire, "--no-input").stderr).group(1))
    os.utime(oud, (1, 1))  # older than the next one (the newest is resumed first)
    editor(tmp_path, monkeypatch, 'printf "gezinsnaamm: nieuw\\n" >> "$1"')
    nieuw = Path(KEEP.search(kc("dossier", "edit", palmeneire, "--no-input").stderr).group(1))
    editor(tmp_path, monkeypatch, "sed -i -e '/^gezinsnaamm/d' -e 's/^gezin: .*/gezin: Hersteld/' \"$1\"")
    kc.ok("dossier", "edit", palmeneire, "--herneem", "--no-input")
    assert "\ngezin: Hersteld\n" in dossier_bestand(thuis, palmeneire).read_text(encoding="utf-8")
    assert not nieuw.exists() and kopieen(thuis) == [oud]
    assert [p.name for p in (thuis / "bewerken").iterdir() if p.name.startswith(nieuw.name)] == []  # its lock too


def _wacht_op(pad: Path, proces, seconden: float = 30) -> None:
    import time

    einde = time.monotonic() + seconden
    while not pad.exists():
        assert proces.poll() is None, f"the first ketencli ended early ({proces.returncode})"
        assert time.monotonic() < einde, f"{pad} never appeared"
        time.sleep(0.05)


def test_kopie_die_een_ander_venster_bewerkt_is_geen_bewaarde_bewerking(kc, thuis, palmeneire, tmp_path,
                                                                         monkeypatch):
    """New-user trial: window 1 has the dossier open in its editor; window 2's `--herneem` took window 1's
    live copy, saved and deleted it, and window 1's change was lost. Now window 2 is told there is nothing
    to resume and may start its own edit; window 1 then gets the normal "changed meanwhile" refusal with
    its copy kept."""
    import subprocess

    open_ = tmp_path / "venster1-open"
    verder = tmp_path / "venster1-verder"
    script = tmp_path / "venster1.sh"
    script.write_text(f"#!/bin/sh\ntouch '{open_}'\nn=0\nwhile [ ! -e '{verder}' ] && [ $n -lt 600 ]; do "
                      f"sleep 0.05; n=$((n+1)); done\nsed -i 's/^gezin: .*/gezin: Venster een/' \"$1\"\n",
                      encoding="utf-8")
    script.chmod(0o755)
    env = {**os.environ, "EDITOR": str(script)}
    env.pop("VISUAL", None)
    venster1 = subprocess.Popen([str(Path(sys.executable).parent / "ketencli"), "dossier", "edit", palmeneire,
                                 "--no-input"], env=env, stdin=subprocess.DEVNULL, stdout=subprocess.PIPE,
                                stderr=subprocess.PIPE, text=True)
    try:
        _wacht_op(open_, venster1)
        [live] = kopieen(thuis)
        # window 2: nothing to resume, window 1's copy untouched
        editor(tmp_path, monkeypatch, "sed -i 's/^gezin: .*/gezin: Venster twee/' \"$1\"")
        uit = kc("dossier", "edit", palmeneire, "--herneem", "--no-input")
        assert uit.exit_code == 1 and "geen bewaarde bewerking" in uit.stderr, uit.output
        assert "ander ketencli-venster" in uit.stderr and "Traceback" not in uit.output
        assert live.exists() and kopieen(thuis) == [live]
        # window 2 starts its own edit instead: no "kept edit" offered, told the dossier is open elsewhere
        uit = kc.ok("dossier", "edit", palmeneire, "--no-input")
        assert "niet-bewaarde bewerking" not in uit.stderr and "ander ketencli-venster" in uit.stderr
        assert live.exists() and kopieen(thuis) == [live]
        assert "\ngezin: Venster twee\n" in dossier_bestand(thuis, palmeneire).read_text(encoding="utf-8")
    finally:
        verder.touch()
        uit1, fout1 = venster1.communicate(timeout=60)
    # window 1: the normal protection; its change is kept, never lost
    assert venster1.returncode == 1, fout1
    assert "intussen gewijzigd" in fout1 and "bestaat (niet meer)" not in fout1 and "Traceback" not in fout1
    assert Path(KEEP.search(fout1).group(1)) == live and "gezin: Venster een" in live.read_text(encoding="utf-8")
    assert "\ngezin: Venster twee\n" in dossier_bestand(thuis, palmeneire).read_text(encoding="utf-8")
    # window 1 is done: now its copy is a kept edit, offered by --herneem (with the differences)
    editor(tmp_path, monkeypatch, "true")
    uit = kc("dossier", "edit", palmeneire, "--herneem", "--no-input")
    assert uit.exit_code == 1 and "+gezin: Venster een" in uit.stderr and live.exists()


def test_kopie_van_een_gestopte_ketencli_blijft_een_bewaarde_bewerking(kc, thuis, palmeneire, tmp_path,
                                                                        monkeypatch):
    """A ketencli killed while its editor was open (a closed terminal, a crash) holds no copy any more:
    its copy is a kept edit, offered by --herneem, and saved from there."""
    import signal
    import subprocess

    open_ = tmp_path / "open"
    script = tmp_path / "onderbroken.sh"
    script.write_text(f"#!/bin/sh\nsed -i 's/^gezin: .*/gezin: Onderbroken/' \"$1\"\ntouch '{open_}'\nsleep 60\n",
                      encoding="utf-8")
    script.chmod(0o755)
    env = {**os.environ, "EDITOR": str(script)}
    env.pop("VISUAL", None)
    gestopt = subprocess.Popen([str(Path(sys.executable).parent / "ketencli"), "dossier", "edit", palmeneire,
                                "--no-input"], env=env, stdin=subprocess.DEVNULL, stdout=subprocess.DEVNULL,
                               stderr=subprocess.DEVNULL, start_new_session=True)
    try:
        _wacht_op(open_, gestopt)
    finally:
        os.killpg(gestopt.pid, signal.SIGKILL)
        gestopt.wait(timeout=30)
    [kopie] = kopieen(thuis)
    assert "gezin: Onderbroken" in kopie.read_text(encoding="utf-8")
    editor(tmp_path, monkeypatch, "sleep 1.1")
    assert "niet-bewaarde bewerking" in kc.ok("dossier", "edit", palmeneire).stderr  # a plain edit says so
    editor(tmp_path, monkeypatch, "grep -q '^gezin: Onderbroken' \"$1\" && sed -i 's/Onderbroken/Hervat/' \"$1\"")
    kc.ok("dossier", "edit", palmeneire, "--herneem", "--no-input")
    assert "\ngezin: Hervat\n" in dossier_bestand(thuis, palmeneire).read_text(encoding="utf-8")
    assert list((thuis / "bewerken").iterdir()) == []  # the copy and its lock file are gone


def test_kopie_verdwenen_terwijl_de_editor_openstond(kc, thuis, palmeneire, tmp_path, monkeypatch):
    """The copy removed by hand while the editor was open: said so in words, not as a disk error about a
    folder ("de map bestaat (niet meer)", as the new-user trial saw)."""
    pad = dossier_bestand(thuis, palmeneire)
    voor = pad.read_bytes()
    editor(tmp_path, monkeypatch, 'rm "$1"')
    uit = kc("dossier", "edit", palmeneire, "--no-input")
    assert uit.exit_code == 1 and "bestaat niet meer" in uit.stderr and "verwijderd of verplaatst" in uit.stderr
    assert "map bestaat" not in uit.stderr and pad.read_bytes() == voor
    assert list((thuis / "bewerken").iterdir()) == []  # its lock file went too
