"""The genogram (issue 16): the schema it draws from (geslacht, overleden, huishouden) and the drawing,
read back from the SVG."""

from __future__ import annotations

import yaml

from tests.conftest import _id_uit, dossier_bestand, voorbeeld


def _leden(thuis, dossier_id):
    return yaml.safe_load(dossier_bestand(thuis, dossier_id).read_text(encoding="utf-8"))["gezinsleden"]


def test_lid_add_met_geslacht_overleden_en_huishouden(kc, thuis, palmeneire):
    kc.ok("dossier", "lid", "add", palmeneire, "--naam", "Jos Vercammen", "--rol", "ander", "--geslacht", "man",
          "--overleden", "2019", "--huishouden", "h2", "--relatie", "m2:ouder-van")
    jos = _leden(thuis, palmeneire)[-1]
    assert (jos["geslacht"], jos["overleden"], jos["huishouden"]) == ("man", 2019, "h2")
    kc.ok("dossier", "lid", "edit", palmeneire, jos["id"], "--overleden", "2019-03-01", "--huishouden", "geen")
    jos = _leden(thuis, palmeneire)[-1]
    assert str(jos["overleden"]) == "2019-03-01" and "huishouden" not in jos


def test_geslacht_onbekend_en_fouten(kc, thuis, palmeneire):
    kc.ok("dossier", "lid", "add", palmeneire, "--naam", "Sam", "--rol", "ander")
    assert _leden(thuis, palmeneire)[-1]["geslacht"] == "onbekend"  # never guessed from a name
    fout = kc("dossier", "lid", "edit", palmeneire, "m1", "--geslacht", "mannelijk")
    assert fout.exit_code == 2 and "--geslacht" in fout.output and "vrouw" in fout.output
    fout = kc("dossier", "lid", "edit", palmeneire, "m1", "--overleden", "2999")
    assert fout.exit_code == 2 and "--overleden" in fout.output


def test_bestaand_bestand_zonder_geslacht_blijft_geldig(kc, thuis, tmp_path):
    tekst = voorbeeld("west-vlaanderen-gezin.yaml").read_text(encoding="utf-8")
    oud = tmp_path / "oud.yaml"
    oud.write_text("".join(r for r in tekst.splitlines(keepends=True)
                           if not r.strip().startswith(("geslacht:", "huishouden:"))), encoding="utf-8")
    uit = kc.ok("dossier", "new", "--from", oud, "--no-input")
    assert {lid["geslacht"] for lid in _leden(thuis, _id_uit(uit.output))} == {"onbekend"}
