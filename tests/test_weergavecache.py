"""A listing asked again is printed from its kept text only while nothing it shows changed (issue 19,
``ketencli/weergavecache.py``): every change a user can make shows at once, through the CLI."""

from __future__ import annotations

import json
import os
import stat
from datetime import datetime

from ketencli import model, store
from tests.conftest import dossier_bestand


def _bewaard(thuis, naam: str):
    return thuis / "cache" / f"weergave-{naam}.bin"


def test_overzicht_herhaald_is_dezelfde_tabel_en_owner_only(kc, palmeneire, thuis):
    eerste = kc.ok("overzicht").stdout
    assert "ma 23/11/2026 12:00" in eerste
    pad = _bewaard(thuis, "overzicht")
    assert pad.is_file()
    if os.name == "posix":
        assert stat.S_IMODE(pad.stat().st_mode) == 0o600
    assert kc.ok("overzicht").stdout == eerste


def test_overzicht_toont_een_wijziging_via_een_commando(kc, palmeneire):
    eerste = kc.ok("overzicht").stdout
    with store.wijzig(palmeneire) as d:
        d.agenderingen.append(model.Agendering(
            id=d.volgend_agendering_id(), tafel="rondetafel", rol="opvolging", soort="rondetafel",
            zitting=datetime(2026, 11, 26, 9, 15), deadline=datetime(2026, 11, 20, 12), status="voorbereid"))
    tweede = kc.ok("overzicht").stdout
    assert tweede != eerste and "Deadline agendering Ronde Tafel" in tweede and "TE LAAT" in tweede


def test_overzicht_toont_een_wijziging_met_de_hand(kc, palmeneire, thuis):
    kc.ok("overzicht")
    pad = dossier_bestand(thuis, palmeneire)
    tekst = pad.read_text(encoding="utf-8")
    pad.write_text(tekst.replace("fase: casusregie", "fase: afgesloten"), encoding="utf-8")
    assert "Niets te laat" in kc.ok("overzicht").stdout


def test_overzicht_na_het_uur_van_een_item_van_vandaag(kc, palmeneire, monkeypatch):
    # at 10:00 the deadline of 12:00 today is due this week; at 12:30 it has passed
    voor = kc.ok("overzicht").stdout
    assert "ma 23/11/2026 12:00" in voor
    monkeypatch.setenv("KETENCLI_NU", "2026-11-23T12:30")
    na = kc.ok("overzicht").stdout
    assert na != voor
    assert json.loads(kc.ok("overzicht", "--json").stdout) != []  # the same data as the table, anew


def test_overzicht_andere_breedte_of_opties(kc, palmeneire, monkeypatch):
    breed = kc.ok("overzicht").stdout
    monkeypatch.setenv("COLUMNS", "60")
    smal = kc.ok("overzicht").stdout
    assert max(map(len, smal.splitlines())) <= 60 < max(map(len, breed.splitlines()))
    assert kc.ok("overzicht", "--weken", "40").stdout != smal


def test_overzicht_met_een_melding_wordt_niet_bewaard(kc, palmeneire, thuis):
    (dossier_bestand(thuis, palmeneire).parent / "dossier (conflicted copy).yaml").write_text("x", encoding="utf-8")
    for _ in range(2):
        res = kc.ok("overzicht")
        assert "conflicted copy" in res.stderr  # said every time, never skipped
    assert not _bewaard(thuis, "overzicht").exists()


def test_dossier_list_toont_een_nieuw_dossier_en_een_andere_fase(kc, palmeneire, thuis):
    eerste = kc.ok("dossier", "list").stdout
    assert kc.ok("dossier", "list").stdout == eerste and _bewaard(thuis, "dossier-list").is_file()
    kc.ok("dossier", "new", "--no-input", "--gezin", "Gezin Tijdelijk", "--regio", "co3-antwerpen",
          "--datum", "2026-11-20")
    assert "Tijdelijk" in kc.ok("dossier", "list").stdout
    with store.wijzig(palmeneire) as d:
        d.fase = "afgesloten"
    derde = kc.ok("dossier", "list").stdout
    assert palmeneire not in derde and "1 afgesloten dossier niet getoond" in derde
    assert palmeneire in kc.ok("dossier", "list", "--alle").stdout


def test_een_beschadigd_bewaard_bestand_wordt_genegeerd(kc, palmeneire, thuis):
    eerste = kc.ok("dossier", "list").stdout
    _bewaard(thuis, "dossier-list").write_bytes(b"\x00kapot")
    assert kc.ok("dossier", "list").stdout == eerste


def test_een_waarschuwing_over_de_regio_instellingen_komt_elke_keer(kc, palmeneire, thuis):
    """A listing that wrote a note (here: region settings with an error) is never kept: the note is
    said every time (``ui.STDERR_CONSOLES``)."""
    config = thuis / "config"
    config.mkdir(exist_ok=True)
    (config / "regio.yaml").write_text("co3-antwerpen:\n  tafels:\n    weegploeg:\n      weekdag: dinsdg\n",
                                       encoding="utf-8")
    for _ in range(2):
        res = kc.ok("overzicht")
        assert "regio-instellingen bevatten een fout" in res.stderr
    assert not _bewaard(thuis, "overzicht").exists()


def test_een_lijst_gemaakt_in_de_minuut_van_een_deadline_blijft_niet_staan(kc, palmeneire, monkeypatch):
    """Made during the very minute of a deadline of today (not late yet), the listing is not kept past
    it: a minute later the deadline is late (found in a review: the hour itself was left out)."""
    with store.wijzig(palmeneire) as d:
        d.agenderingen.append(model.Agendering(
            id=d.volgend_agendering_id(), tafel="rondetafel", rol="opvolging", soort="rondetafel",
            zitting=datetime(2026, 11, 26, 9, 15), deadline=datetime(2026, 11, 23, 12), status="voorbereid"))
    monkeypatch.setenv("KETENCLI_NU", "2026-11-23T12:00")
    om_twaalf = kc.ok("overzicht").stdout
    assert "Ronde Tafel" in om_twaalf.split("DEZE WEEK")[1]
    kc.ok("dossier", "list")
    monkeypatch.setenv("KETENCLI_NU", "2026-11-23T12:01")
    na = kc.ok("overzicht").stdout
    assert "Deadline agendering Ronde Tafel" in na.split("DEZE WEEK")[0]  # under TE LAAT now
