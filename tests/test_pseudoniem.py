"""Pseudonymised documents for intervision and supervision (issue 20 §9, GDPR art. 5).

A dossier whose names, birth dates, contact details and every free text carry unique markers is
rendered as every document kind with ``--pseudoniem``; no identifying marker may appear in any of
them (body, tables, headers, footers), the title says the document is pseudonymised, and the same
kinds rendered without ``--pseudoniem`` do show the markers (so the test can fail).
"""

from __future__ import annotations

import re
import zipfile
from datetime import date
from pathlib import Path

import pytest

from ketencli import documenten, model, store
from ketencli.methodiek import need_to_know, pseudoniem
from tests.conftest import _id_uit, voorbeeld

TELEFOON = "0470 12 34 56"
EMAIL = "zq.geheim@voorbeeld.be"
ADRES = "Zqwegstraat 12, 8000 Brugge"
MAANDEN = pseudoniem.MAANDEN


def _voornaam(i: int) -> str:
    return "Zqvoor" + "abcdefgh"[i]


def _geboren(i: int) -> date:
    return date(1980 + 10 * i, 3 + i, 11 + i)


def _datumvormen(d: date) -> list[str]:
    return [d.isoformat(), f"{d.day:02d}/{d.month:02d}/{d.year}", f"{d.day}/{d.month}/{d.year}",
            f"{d.day:02d}-{d.month:02d}-{d.year}", f"{d.day} {MAANDEN[d.month - 1]} {d.year}"]


def _tekst(pad: Path) -> str:
    """All text of a .docx: body, tables, headers and footers."""
    with zipfile.ZipFile(pad) as z:
        delen = [z.read(n).decode("utf-8") for n in z.namelist() if n.startswith("word/") and n.endswith(".xml")]
    return "\n".join(re.sub(r"<[^>]+>", "", re.sub(r"</w:p>", "\n", x)) for x in delen)


@pytest.fixture
def gemerkt(kc, tmp_path) -> tuple[str, model.Dossier]:
    """The West-Vlaanderen example with marker names and birth dates, and every free text (need-to-know's
    ``herschrijf``) full of names, a phone number, an e-mail address, an address and a birth date."""
    d = store.dossier_uit_tekst(voorbeeld("west-vlaanderen-gezin.yaml").read_text(encoding="utf-8"), "voorbeeld")
    d.veiligheidsplan = [model.VeiligheidsplanDeel(lid=x.id, waarschuwingssignalen=["x"], veilige_plek="x",
                                                   wie_bellen=[model.Contactpersoon(naam="x", telefoon="x")],
                                                   opgemaakt_op=date(2026, 10, 1)) for x in d.gezinsleden]
    d.dringende_maatregelen = [model.DringendeMaatregel(beslist_op=date(2026, 11, 2), tafel="x", maatregel="x")]
    for x in d.gezinsleden:
        x.notitie = "x"
    vrij = (f"{_voornaam(0)} Zqachter (°{_geboren(0):%d/%m/%Y}) belde {_voornaam(1)} op {TELEFOON}, mail "
            f"{EMAIL}, woont {ADRES}; Zqregisseur Zqprof en Zqhulp Zqverlener weten het.")
    d = need_to_know.herschrijf(d, lambda pad, waarde: vrij)
    for i, x in enumerate(d.gezinsleden):
        x.naam = f"{_voornaam(i)} Zqachter"
        x.geboortedatum = _geboren(i)
    d.gezin = "Zqachter – Zqander"
    d.casusregisseur = model.Casusregisseur(naam="Zqregisseur Zqprof", organisatie="CAW", contact=TELEFOON)
    for dienst in d.betrokken_diensten:
        dienst.contactpersoon, dienst.contact = "maatschappelijk werker Zqhulp Zqverlener", EMAIL
    bestand = tmp_path / "gemerkt.yaml"
    bestand.write_text(store.naar_tekst(d), encoding="utf-8")
    dossier_id = _id_uit(kc.ok("dossier", "new", "--from", bestand, "--no-input").output)
    gedetineerde = next(x.id for x in d.gezinsleden if x.detentie)
    kc.ok("dossier", "lid", "edit", dossier_id, gedetineerde, "--gevangenis", "merksplas", "--no-input")
    return dossier_id, store.laad(dossier_id)


def _merkers(d: model.Dossier) -> list[str]:
    uit = ["Zqvoor", "Zqachter", "Zqander", "Zqregisseur", "Zqprof", "Zqhulp", "Zqverlener", "Zqwegstraat",
           "8000 Brugge", TELEFOON, "0470", EMAIL, "@"]
    for i in range(len(d.gezinsleden)):
        uit += _datumvormen(_geboren(i))
    return uit


@pytest.mark.parametrize("soort", list(documenten.SOORTEN))
def test_elk_document_met_pseudoniem_draagt_geen_naam_datum_adres_of_contact(kc, gemerkt, tmp_path, soort):
    dossier_id, d = gemerkt
    gewoon, pseudo = tmp_path / "gewoon", tmp_path / "pseudo"
    gewoon.mkdir()
    pseudo.mkdir()
    kc.ok("doc", dossier_id, soort, "--uit", gewoon)
    uit = kc.ok("doc", dossier_id, soort, "--pseudoniem", "--uit", pseudo)
    assert "gepseudonimiseerd" in uit.output
    [pad] = list(pseudo.glob("*.docx"))
    assert pad.name == f"2026-11-23_{soort}-pseudoniem.docx"  # neutral: date and kind only
    tekst = _tekst(pad)
    assert "gepseudonimiseerd" in tekst.lower(), "the document does not say it is pseudonymised"
    lekken = [m for m in _merkers(d) if m in tekst]
    assert lekken == [], f"{soort} --pseudoniem shows {lekken}"
    # the same kind without --pseudoniem shows them: the check above could fail
    assert [m for m in _merkers(d) if m in _tekst(next(gewoon.glob("*.docx")))]


def test_namen_worden_rol_en_initiaal_en_de_leeftijd_blijft(gemerkt):
    """One mapping per dossier, from rollen and relations, in the words of the member's recorded sex
    ("moeder", "zoon"; neutral "ouder", "kind" when it is not recorded); ages stay, birth dates and
    contact details go."""
    d = store.dossier_uit_tekst(voorbeeld("west-vlaanderen-gezin.yaml").read_text(encoding="utf-8"), "voorbeeld")
    assert pseudoniem.namen(d) == {"m1": "moeder, slachtoffer (E.)", "m2": "vader, pleger (K.)",
                                   "m3": "zoon/slachtoffer (L.)", "m4": "dochter (F.)"}
    d.gezinsleden[0].geslacht = d.gezinsleden[2].geslacht = "onbekend"
    assert [pseudoniem.namen(d)[i] for i in ("m1", "m3")] == ["ouder, slachtoffer (E.)", "kind/slachtoffer (L.)"]
    kopie = pseudoniem.pseudonimiseer(d)
    op = date(2026, 11, 23)
    for echt, schijn in zip(d.gezinsleden, kopie.gezinsleden, strict=True):
        assert schijn.geboortedatum is None and schijn.leeftijd(op) == echt.leeftijd(op) is not None
    assert kopie.gezin == "gezin V. – D."
    assert kopie.casusregisseur.contact == "" and kopie.aanmelding.aanmelder.persoon == "inspecteur N. C."
    _, gemerkte = gemerkt
    dump = str(pseudoniem.pseudonimiseer(gemerkte).model_dump())
    assert [m for m in _merkers(gemerkte) if m in dump] == []


def test_twee_gelijke_labels_krijgen_een_nummer():
    d = store.dossier_uit_tekst(voorbeeld("west-vlaanderen-gezin.yaml").read_text(encoding="utf-8"), "voorbeeld")
    d.gezinsleden[3].naam = "Lotte Vandenberghe"
    d.gezinsleden[2].rollen = ["kind"]
    d.gezinsleden[2].geslacht = "vrouw"  # two daughters
    labels = pseudoniem.namen(d)
    assert labels["m3"] == "dochter 1 (L.)" and labels["m4"] == "dochter 2 (L.)"


def test_vrije_tekst_van_de_opdrachtregel_wordt_ook_gepseudonimiseerd(kc, gemerkt, tmp_path):
    dossier_id, d = gemerkt
    kc.ok("doc", dossier_id, "rondetafel", "--pseudoniem", "--uit", tmp_path,
          "--huidige-situatie", f"{_voornaam(0)} Zqachter belde op {TELEFOON}.")
    tekst = _tekst(next(tmp_path.glob("*.docx")))
    assert "Zqvoor" not in tekst and TELEFOON not in tekst and "[telefoon]" in tekst


def test_doc_lijst_toont_een_gepseudonimiseerd_document_als_zodanig(kc, gemerkt):
    dossier_id, _ = gemerkt
    kc.ok("doc", dossier_id, "pva", "--pseudoniem")
    kc.ok("doc", dossier_id, "pva")  # the two do not collide
    uit = kc.ok("doc", dossier_id, "--lijst").output
    assert "gepseudonimiseerd" in uit and "(eigen bestand)" not in uit
