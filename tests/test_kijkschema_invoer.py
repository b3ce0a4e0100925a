"""Issue 15 §4: the kijkschema (40 factors) without losing answers: progress, a draft after Ctrl-C,
correcting an existing moment with history, and empty domains named before saving."""

from __future__ import annotations

import yaml

from tests.conftest import dossier_bestand

ENTER, OMLAAG, OMHOOG, SPATIE, CTRL_C = "\r", "\x1b[B", "\x1b[A", " ", "\x03"


def _bestand(tmp_path, data, naam="ks.yaml"):
    pad = tmp_path / naam
    pad.write_text(yaml.safe_dump(data, allow_unicode=True), encoding="utf-8")
    return pad


def _kijkschema(thuis, dossier_id):
    return yaml.safe_load(dossier_bestand(thuis, dossier_id).read_text(encoding="utf-8")).get("kijkschema") or []


def test_lege_domeinen_worden_genoemd(kc, palmeneire, tmp_path):
    f = _bestand(tmp_path, {"datum": "2026-11-20", "factoren": [{"factor": "geweld-eerder", "staat": "aanwezig",
                                                                  "bij_wie": ["m1"]}]})
    uit = kc.ok("kijkschema", "invullen", palmeneire, "--from", f, "--no-input")
    for domein in ("individu", "interactie", "professionele ondersteuning", "sociale ondersteuning", "kind"):
        assert domein in uit.stderr
    assert "geweld," not in uit.stderr


def test_bewerk_verbetert_een_moment_met_historiek(kc, palmeneire, thuis, tmp_path):
    eerste = _kijkschema(thuis, palmeneire)[0]
    assert str(eerste["datum"]) == "2026-09-14"
    factoren = [dict(b) for b in eerste["factoren"]]
    factoren[0] = {**factoren[0], "staat": "niet-aanwezig", "bij_wie": []}
    f = _bestand(tmp_path, {"factoren": factoren})
    uit = kc.ok("kijkschema", "bewerk", palmeneire, "--moment", "14/09/2026", "--from", f, "--no-input")
    assert "verbeterd" in uit.output
    na = _kijkschema(thuis, palmeneire)
    assert na[0]["factoren"][0]["staat"] == "niet-aanwezig" and str(na[0]["datum"]) == "2026-09-14"
    assert na[1:] == _kijkschema(thuis, palmeneire)[1:]
    historie = yaml.safe_load(dossier_bestand(thuis, palmeneire).read_text(encoding="utf-8"))["historie"]
    assert "kijkschema van 2026-09-14 (bij instroom) verbeterd" in historie[-1]["wat"]
    assert factoren[0]["factor"] in historie[-1]["wat"]
    # the same again changes nothing
    assert "Geen wijzigingen" in kc.ok("kijkschema", "bewerk", palmeneire, "--moment", "1", "--from", f,
                                       "--no-input").stderr


def test_bewerk_onbekend_moment_noemt_de_momenten(kc, palmeneire, tmp_path):
    f = _bestand(tmp_path, {"factoren": []})
    uit = kc("kijkschema", "bewerk", palmeneire, "--moment", "01/01/2026", "--from", f, "--no-input")
    assert uit.exit_code == 2
    assert "14/09/2026" in uit.stderr and "16/11/2026" in uit.stderr


def _leeg_dossier(kc) -> str:
    kc.ok("dossier", "new", "--regio", "leuven", "--gezin", "Proef – Concept", "--no-input")
    kc.ok("dossier", "lid", "add", "2026-001", "--naam", "An", "--rol", "slachtoffer", "--no-input")
    return "2026-001"


# the first factor: "aanwezig" (three up from the default "overslaan"), bij An, a motivering
EERSTE_FACTOR = OMHOOG * 3 + ENTER + SPATIE + ENTER + "wapen in huis" + ENTER


def test_ctrl_c_bewaart_een_concept(kc, thuis, vraag_invoer):
    dossier = _leeg_dossier(kc)
    vraag_invoer(EERSTE_FACTOR + CTRL_C)
    uit = kc("kijkschema", "invullen", dossier)
    assert uit.exit_code == 130
    assert "concept" in uit.stderr and f"kijkschema invullen {dossier}" in uit.stderr
    assert _kijkschema(thuis, dossier) == []
    assert [p.name for p in (thuis / "concepten").iterdir()] == [f"{dossier}-kijkschema.yaml"]


def test_concept_hervatten(kc, thuis, vraag_invoer):
    from ketencli.methodiek import kijkschema

    dossier = _leeg_dossier(kc)
    vraag_invoer(EERSTE_FACTOR + CTRL_C)
    assert kc("kijkschema", "invullen", dossier).exit_code == 130
    # again: take the draft (Enter = ja), skip the other 39 factors (Enter = overslaan), save (Enter)
    vraag_invoer(ENTER + ENTER * (len(kijkschema.FACTOREN) - 1) + ENTER)
    uit = kc("kijkschema", "invullen", dossier)
    assert uit.exit_code == 0, uit.output
    assert "2/40 " in uit.output and "\n1/40 " not in uit.output  # it goes on where it stopped
    (moment,) = _kijkschema(thuis, dossier)
    assert moment["factoren"] == [{"factor": kijkschema.FACTOREN[0].key, "staat": "aanwezig", "bij_wie": ["m1"],
                                   "motivering": "wapen in huis"}]
    assert not list((thuis / "concepten").iterdir())
