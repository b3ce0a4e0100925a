"""Nothing lost, nothing leaked under hostile files and failing disks (issue 20).

Each test is one fault the outside measurement found: it failed before the fix.
"""

from __future__ import annotations

import errno
import os
import re

import pytest

from tests.conftest import dossier_bestand, voorbeeld

# -- §1 duplicate keys -----------------------------------------------------------------------------


def test_dubbele_tijdlijn_wordt_geweigerd_met_regel_en_niets_gaat_verloren(kc, palmeneire, thuis):
    pad = dossier_bestand(thuis, palmeneire)
    tekst = pad.read_text(encoding="utf-8")
    regel = len(tekst.splitlines()) + 1
    pad.write_text(tekst + "tijdlijn:\n- datum: 2026-11-01\n  soort: contact\n  omschrijving: Tweede blok.\n",
                   encoding="utf-8")
    voor = pad.read_bytes()
    uit = kc("dossier", "show", palmeneire)
    assert uit.exit_code == 1
    assert f"regel {regel}, kolom 1" in uit.stderr and "'tijdlijn'" in uit.stderr
    uit = kc("tijdlijn", "add", palmeneire, "--soort", "contact", "--datum", "2026-11-20",
             "--omschrijving", "Erna", "--no-input")
    assert uit.exit_code == 1 and f"regel {regel}" in uit.stderr
    assert pad.read_bytes() == voor  # the first block (all the entries) is still there


def test_dubbele_sleutel_dieper_in_het_bestand(kc, palmeneire, thuis):
    pad = dossier_bestand(thuis, palmeneire)
    regels = pad.read_text(encoding="utf-8").split("\n")
    i = next(i for i, r in enumerate(regels) if r.startswith("  naam: "))
    regels.insert(i + 1, "  naam: Tweede Naam")
    pad.write_text("\n".join(regels), encoding="utf-8")
    uit = kc("dossier", "show", palmeneire)
    assert uit.exit_code == 1 and f"regel {i + 2}, kolom 3" in uit.stderr and "Tweede Naam" not in uit.stderr


def test_dubbele_vrije_tekst_sleutel_wordt_niet_herhaald(kc, tmp_path):
    bron = tmp_path / "dubbel.yaml"
    bron.write_text(voorbeeld("de-palmeneire-vercammen.yaml").read_text(encoding="utf-8")
                    + "Noor zei iets: a\nNoor zei iets: b\n", encoding="utf-8")
    uit = kc("dossier", "new", "--from", bron, "--no-input")
    assert uit.exit_code == 1 and "Noor" not in uit.stderr and "regel" in uit.stderr


def test_dubbele_sleutel_in_een_from_bestand(kc, tmp_path, thuis):
    bron = tmp_path / "dubbel.yaml"
    tekst = voorbeeld("de-palmeneire-vercammen.yaml").read_text(encoding="utf-8") + "gezin: Tweede gezin\n"
    bron.write_text(tekst, encoding="utf-8")
    uit = kc("dossier", "new", "--from", bron, "--no-input")
    assert uit.exit_code == 1 and f"regel {len(tekst.splitlines())}" in uit.stderr
    assert not list((thuis / "dossiers").glob("*/dossier.yaml")) if (thuis / "dossiers").exists() else True


def test_dubbele_sleutel_in_regio_yaml(kc, thuis):
    config = thuis / "config"
    config.mkdir(parents=True)
    (config / "regio.yaml").write_text("co3-antwerpen:\n  eerste_plan_week: 10\n  eerste_plan_week: 12\n",
                                       encoding="utf-8")
    uit = kc("regio", "toon", "co3-antwerpen")
    assert uit.exit_code == 1 and "regel 3, kolom 3" in uit.stderr and "'eerste_plan_week'" in uit.stderr


# -- §3 disks that fail: one Dutch translation of OS errors ----------------------------------------

ENGELS = re.compile(r"OSError|Errno|Read-only file system|Permission denied|No space left|onverwachts")


def _weiger(monkeypatch, nummer: int, wanneer) -> None:
    """Make os.open/os.mkdir/os.fsync fail with ``nummer`` for the paths ``wanneer`` accepts."""
    echte_open, echte_mkdir, echte_fsync = os.open, os.mkdir, os.fsync

    def open_(pad, *args, **kwargs):
        if wanneer(os.fsdecode(pad)) and len(args) and args[0] & (os.O_WRONLY | os.O_RDWR | os.O_CREAT):
            raise OSError(nummer, os.strerror(nummer), os.fsdecode(pad))
        return echte_open(pad, *args, **kwargs)

    def mkdir(pad, *args, **kwargs):
        if wanneer(os.fsdecode(pad)):
            raise OSError(nummer, os.strerror(nummer), os.fsdecode(pad))
        return echte_mkdir(pad, *args, **kwargs)

    def fsync(fd):
        if wanneer(""):
            raise OSError(nummer, os.strerror(nummer))
        return echte_fsync(fd)

    monkeypatch.setattr(os, "open", open_)
    monkeypatch.setattr(os, "mkdir", mkdir)
    monkeypatch.setattr(os, "fsync", fsync)


@pytest.mark.parametrize("argumenten", [
    ("tijdlijn", "add", "{id}", "--soort", "contact", "--datum", "2026-11-20", "--omschrijving", "Proef", "--no-input"),
    ("pva", "doel", "add", "{id}", "--tekst", "Proef"),
    ("doc", "{id}", "pva"),
    ("dossier", "new", "--from", str(voorbeeld("west-vlaanderen-gezin.yaml")), "--no-input"),
])
def test_alleen_lezen_schijf_in_het_nederlands(kc, palmeneire, thuis, monkeypatch, argumenten):
    """The lock and folder creation failed before any Dutch handling: 'Er ging iets onverwachts mis
    (OSError)' on every writing command."""
    voor = dossier_bestand(thuis, palmeneire).read_bytes()
    _weiger(monkeypatch, errno.EROFS, lambda pad: True)
    uit = kc(*[a.format(id=palmeneire) for a in argumenten])
    monkeypatch.undo()
    assert uit.exit_code == 1, uit.output
    assert "alleen-lezen" in uit.stderr and not ENGELS.search(uit.output), uit.output
    assert dossier_bestand(thuis, palmeneire).read_bytes() == voor


@pytest.mark.parametrize("argumenten", [
    ("tijdlijn", "add", "{id}", "--soort", "contact", "--datum", "2026-11-20", "--omschrijving", "Proef", "--no-input"),
    ("doc", "{id}", "pva"),
])
def test_volle_schijf_zegt_dat_de_schijf_vol_is(kc, palmeneire, thuis, monkeypatch, argumenten):
    """'(No space left on device)' with a tip about programs holding the file, before."""
    voor = dossier_bestand(thuis, palmeneire).read_bytes()
    _weiger(monkeypatch, errno.ENOSPC, lambda pad: pad == "")
    uit = kc(*[a.format(id=palmeneire) for a in argumenten])
    monkeypatch.undo()
    assert uit.exit_code == 1
    assert "de schijf is vol" in uit.stderr and "ruimte vrij" in uit.stderr
    assert not ENGELS.search(uit.output) and "openhoud" not in uit.output
    assert dossier_bestand(thuis, palmeneire).read_bytes() == voor
    assert not list(thuis.rglob("*.tmp"))


def test_geen_schrijfrechten_in_het_nederlands(kc, palmeneire, thuis, monkeypatch):
    _weiger(monkeypatch, errno.EACCES, lambda pad: pad.endswith(".lock"))
    uit = kc("pva", "doel", "add", palmeneire, "--tekst", "Proef")
    monkeypatch.undo()
    assert uit.exit_code == 1 and "geen schrijfrechten" in uit.stderr and not ENGELS.search(uit.output)


# -- §5 the user's own protection ------------------------------------------------------------------

TIJDLIJN_ADD = ("tijdlijn", "add", "{id}", "--soort", "contact", "--datum", "2026-11-20", "--omschrijving", "Proef",
                "--no-input")


@pytest.mark.skipif(os.name != "posix", reason="POSIX permission bits")
@pytest.mark.parametrize("wat,modus", [("map", 0o500), ("bestand", 0o400)])
def test_eigen_chmod_blijft_en_schrijven_wordt_duidelijk_geweigerd(kc, palmeneire, thuis, wat, modus):
    """A save used to chmod the folder back to 0700 and the file to 0600, undoing the user's own
    protection."""
    pad = dossier_bestand(thuis, palmeneire)
    doel = pad.parent if wat == "map" else pad
    voor = pad.read_bytes()
    os.chmod(doel, modus)
    try:
        uit = kc(*[a.format(id=palmeneire) for a in TIJDLIJN_ADD])
        assert doel.stat().st_mode & 0o777 == modus
        assert uit.exit_code == 1 and "geen schrijfrechten" in uit.stderr and not ENGELS.search(uit.output)
        assert pad.read_bytes() == voor
    finally:
        os.chmod(doel, 0o700 if wat == "map" else 0o600)


@pytest.mark.skipif(os.name != "posix", reason="POSIX permission bits")
def test_groep_en_anderen_verliezen_hun_rechten_de_eigenaar_niets(kc, palmeneire, thuis):
    pad = dossier_bestand(thuis, palmeneire)
    os.chmod(pad.parent, 0o755)
    os.chmod(pad, 0o644)
    kc.ok(*[a.format(id=palmeneire) for a in TIJDLIJN_ADD])
    assert pad.parent.stat().st_mode & 0o777 == 0o700 and pad.stat().st_mode & 0o777 == 0o600


# -- §6 terminal control sequences and blank values -------------------------------------------------

ESC = "\x1b"


def test_besturingstekens_uit_het_dossier_komen_nooit_rauw_op_de_terminal(kc, palmeneire, thuis):
    """'\\x1b[31m' in a dossier recoloured (or rewrote) the user's terminal."""
    pad = dossier_bestand(thuis, palmeneire)
    nieuw = r'gezin: "Gezin \\e[31mRood\\e[0m\\e]0;titel\\a"'
    tekst = re.sub(r"(?m)^gezin: .*$", nieuw, pad.read_text(encoding="utf-8"))
    pad.write_text(tekst, encoding="utf-8")
    for argumenten in (("dossier", "show", palmeneire), ("dossier", "list"), ("overzicht",)):
        uit = kc.ok(*argumenten)
        assert ESC not in uit.output and "\a" not in uit.output, argumenten
    assert "Gezin \\x1b[31mRood" in kc.ok("dossier", "show", palmeneire).output  # shown escaped, not hidden


def test_besturingstekens_uit_invoer_en_in_foutmeldingen(kc, palmeneire):
    uit = kc.ok("dossier", "lid", "add", palmeneire, "--naam", f"Kai {ESC}[31mRood", "--rol", "kind", "--no-input")
    assert ESC not in uit.output
    assert ESC not in kc.ok("dossier", "show", palmeneire).output
    uit = kc("dossier", "show", f"2026-{ESC}[2J")
    assert uit.exit_code != 0 and ESC not in uit.output


@pytest.mark.parametrize("argumenten", [
    ("dossier", "lid", "add", "{id}", "--naam", "   ", "--rol", "kind", "--no-input"),
    ("dossier", "lid", "edit", "{id}", "m1", "--naam", " \t ", "--no-input"),
    ("pva", "doel", "add", "{id}", "--tekst", "   "),
    ("pva", "doel", "add", "{id}", "--tekst", ""),
    ("agendeer", "weegploeg", "{id}", "--toch", "--reden", "   "),
])
def test_alleen_spaties_wordt_geweigerd_zoals_leeg(kc, palmeneire, thuis, argumenten):
    voor = dossier_bestand(thuis, palmeneire).read_bytes()
    uit = kc(*[a.format(id=palmeneire) for a in argumenten])
    assert uit.exit_code == 2 and "mag niet leeg zijn" in uit.stderr, uit.output
    assert dossier_bestand(thuis, palmeneire).read_bytes() == voor
    assert not (dossier_bestand(thuis, palmeneire).parent / "documenten").exists() or \
        not list((dossier_bestand(thuis, palmeneire).parent / "documenten").iterdir())


def test_tekst_met_spaties_errond_wordt_bijgesneden(kc, palmeneire, thuis):
    kc.ok("pva", "doel", "add", palmeneire, "--tekst", "  Veilig thuis  ")
    assert "tekst: Veilig thuis\n" in dossier_bestand(thuis, palmeneire).read_text(encoding="utf-8")


# -- §8 retention ----------------------------------------------------------------------------------


def _sluit_af(thuis, dossier_id: str, op: str) -> None:
    """Make a stored dossier afgesloten on ``op`` (the afsluiting's own commands are tested elsewhere)."""
    pad = dossier_bestand(thuis, dossier_id)
    tekst = re.sub(r"(?m)^fase: .*$", "fase: afgesloten", pad.read_text(encoding="utf-8"))
    tekst = tekst.replace("\nafronding:\n", f"\nafronding:\n  afgesloten_op: {op}\n", 1)
    pad.write_text(tekst, encoding="utf-8")


def _termijn(thuis, jaren: int) -> None:
    (thuis / "config").mkdir(parents=True, exist_ok=True)
    (thuis / "config" / "regio.yaml").write_text(f"co3-antwerpen:\n  bewaartermijn: {jaren}\n", encoding="utf-8")


def test_bewaartermijn_is_in_te_stellen_en_niets_vervalt_zonder(kc, palmeneire, thuis):
    _sluit_af(thuis, palmeneire, "2001-03-01")
    uit = kc.ok("bewaring")
    assert "CO3 Antwerpen (co3-antwerpen): in te stellen" in uit.output
    assert "1 afgesloten dossier in co3-antwerpen blijft bewaard" in uit.output
    assert "in te stellen" in kc.ok("regio", "toon", "co3-antwerpen").output.split("Bewaartermijn")[1][:60]
    uit = kc("bewaring", "--verwijder", "--ja")
    assert uit.exit_code == 0 and dossier_bestand(thuis, palmeneire).exists()


def test_bewaring_verwijder_met_register_zonder_inhoud(kc, palmeneire, westvl, thuis):
    _sluit_af(thuis, palmeneire, "2020-03-01")
    _termijn(thuis, 5)
    kc.ok("dossier", "list")  # the summary is now in the cache
    assert "Palmeneire" in kc.ok("dossier", "list", "--alle").stdout  # and the listing's text (weergavecache)
    uit = kc.ok("bewaring")
    assert palmeneire in uit.output and "01/03/2025" in uit.output and westvl not in uit.output
    assert "Palmeneire" not in uit.output  # ids only
    uit = kc("bewaring", "--verwijder")  # no terminal, no --ja: nothing deleted
    assert uit.exit_code == 1 and "--ja" in uit.stderr and dossier_bestand(thuis, palmeneire).exists()
    kc.ok("bewaring", "--verwijder", "--ja")
    assert not dossier_bestand(thuis, palmeneire).parent.exists()
    assert dossier_bestand(thuis, westvl).exists()
    register = (thuis / "register" / "verwijderde-dossiers.csv").read_text(encoding="utf-8")
    assert register.splitlines() == ["id;regio;jaar_afsluiting;verwijderd_op",
                                     f"{palmeneire};co3-antwerpen;2020;2026-11-23"]
    cache = (thuis / "cache" / "samenvattingen.bin").read_bytes().decode("utf-8", "replace")
    assert palmeneire not in cache and "Palmeneire" not in cache
    assert [p for p in thuis.rglob("*") if p.is_file() and b"Palmeneire" in p.read_bytes()] == []
    # the id is never given again
    uit = kc.ok("dossier", "new", "--from", voorbeeld("de-palmeneire-vercammen.yaml"), "--no-input")
    assert f"Dossier {palmeneire} aangemaakt" not in uit.output


def test_bewaartermijn_nog_niet_verstreken(kc, palmeneire, thuis):
    _sluit_af(thuis, palmeneire, "2022-11-24")
    _termijn(thuis, 4)  # ends 2026-11-24, today is 2026-11-23
    uit = kc.ok("bewaring", "--verwijder", "--ja")
    assert "Geen afgesloten dossiers" in uit.output and dossier_bestand(thuis, palmeneire).exists()


# -- §4 stale temp copies ------------------------------------------------------------------------


def test_volgende_bewaring_ruimt_een_oude_tijdelijke_kopie_op(kc, palmeneire, thuis):
    """A kill between writing the temp copy and the rename left a complete copy of the dossier
    (with names) next to it, for good (12 in 2,000 kills)."""
    map_ = dossier_bestand(thuis, palmeneire).parent
    kopie = map_ / ".k9x_2ab7.tmp"
    kopie.write_bytes(dossier_bestand(thuis, palmeneire).read_bytes())
    vreemd = map_ / ".syncthing.dossier.yaml.tmp"  # a sync tool's own: not ketencli's to remove
    vreemd.write_text("x", encoding="utf-8")
    kc.ok(*[a.format(id=palmeneire) for a in TIJDLIJN_ADD])
    assert not kopie.exists() and vreemd.exists()
