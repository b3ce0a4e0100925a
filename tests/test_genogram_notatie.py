"""The genogram's notation read back from the SVG (issue 16): how a couple is together (gehuwd,
samenwonend, uit elkaar, gescheiden), who against whom (the dossier's record, else the roles, else
undirected), and hostile names that never break the picture."""

from __future__ import annotations

import itertools
import math

from tests import svg_meting
from tests.conftest import _id_uit

KOPPELS = """\
regio: leuven
fase: casusregie
gezin: Koppels Test
casusregie_start: 2026-10-05
aanmelding: {datum: 2026-09-01}
gezinsleden:
  - {id: m1, naam: Jan Peeters, geslacht: man, rollen: [pleger], geboortedatum: 1980-01-01,
     relaties: [{met: m2, soort: partner, vorm: gehuwd}, {met: m4, soort: ex-partner, vorm: uit-elkaar}]}
  - {id: m2, naam: Ann Smets, geslacht: vrouw, rollen: [slachtoffer], geboortedatum: 1982-01-01}
  - {id: m3, naam: Piet Wouters, geslacht: man, rollen: [ander], geboortedatum: 1979-01-01,
     relaties: [{met: m2, soort: ex-partner}]}
  - {id: m4, naam: Lies Maes, geslacht: vrouw, rollen: [ander], geboortedatum: 1983-01-01,
     relaties: [{met: m5, soort: partner, vorm: samenwonend}]}
  - {id: m5, naam: Karel Goossens, geslacht: man, rollen: [ander], geboortedatum: 1981-01-01}
"""


def _nieuw(kc, tmp_path, tekst: str, naam: str = "gezin.yaml") -> str:
    bron = tmp_path / naam
    bron.write_text(tekst, encoding="utf-8")
    return _id_uit(kc.ok("dossier", "new", "--from", bron, "--no-input").output)


def _teken(kc, tmp_path, did: str):
    kc.ok("genogram", did, "--uit", tmp_path / f"{did}.svg")
    vormen, teksten = svg_meting.lees(tmp_path / f"{did}.svg")
    symbolen = svg_meting.symbolen(vormen)
    lid = {}
    for t in teksten:  # each symbol's name: the bold text right under it
        onder = [s for s in symbolen if s["c"][1] < t["y"] and abs(s["c"][0] - t["x"]) < 0.5 * s["s"]
                 and t["y"] - s["c"][1] < 1.5 * s["s"]]
        if t["vet"] and onder:
            lid[t["tekst"]] = min(onder, key=lambda s: t["y"] - s["c"][1])
    return vormen, teksten, symbolen, lid


def test_gehuwd_samenwonend_uit_elkaar_en_gescheiden(kc, thuis, tmp_path):
    """McGoldrick-Gerson: marriage solid, cohabitation dashed, separation one slash, divorce two slashes
    across the partner line; the dossier says which (relaties[].vorm, or `--relatie m2:gescheiden`)."""
    did = _nieuw(kc, tmp_path, KOPPELS)
    kc.ok("dossier", "lid", "edit", did, "m3", "--relatie", "m2:gescheiden")  # the option form of the vorm
    vormen, teksten, symbolen, lid = _teken(kc, tmp_path, did)
    zijde = symbolen[0]["s"]
    zwart = [v for v in vormen if v["stroke"] == "#000000" and not v["dicht"]]

    def lijn(a, b):
        """The partner line from edge to edge at the symbols' middle, and the slashes across it."""
        (links, rechts) = sorted([lid[a], lid[b]], key=lambda s: s["c"][0])
        y = links["c"][1]
        x0, x1 = links["c"][0] + zijde / 2, rechts["c"][0] - zijde / 2
        pad = next(v for v in zwart if len(v["pts"]) == 2 and abs(v["pts"][0][1] - y) < 0.01 * zijde
                   and abs(v["pts"][1][1] - y) < 0.01 * zijde
                   and {round(v["pts"][0][0], 1), round(v["pts"][1][0], 1)} == {round(x0, 1), round(x1, 1)})
        schuin = [v for v in zwart if len(v["pts"]) == 2 and abs(v["pts"][0][0] - v["pts"][1][0]) > 0.05 * zijde
                  and abs(v["pts"][0][1] - v["pts"][1][1]) > 0.05 * zijde
                  and x0 < (v["pts"][0][0] + v["pts"][1][0]) / 2 < x1
                  and abs((v["pts"][0][1] + v["pts"][1][1]) / 2 - y) < 0.1 * zijde]
        return pad["gestreept"], len(schuin)

    assert lijn("Jan Peeters", "Ann Smets") == (False, 0)  # gehuwd
    assert lijn("Lies Maes", "Karel Goossens") == (True, 0)  # samenwonend
    assert lijn("Jan Peeters", "Lies Maes") == (False, 1)  # uit elkaar
    assert lijn("Piet Wouters", "Ann Smets") == (False, 2)  # gescheiden
    alles = " | ".join(t["tekst"] for t in teksten)
    for woord in ("gehuwd", "samenwonend", "uit elkaar", "gescheiden (echtscheiding)"):
        assert woord in alles, woord
    fout = kc("dossier", "lid", "edit", did, "m3", "--relatie", "m2:getrouwd")
    assert fout.exit_code == 2 and "gescheiden" in fout.output


def _pijlen(vormen, symbool, zijde) -> int:
    """Red arrowheads (filled triangles) pointing at this symbol."""
    return sum(1 for v in vormen if v["dicht"] and v["fill"] == "#cc0000"
               and min(math.dist(p, symbool["c"]) for p in v["pts"]) < 0.75 * zijde)


def _rood_tussen(vormen, a, b, zijde) -> bool:
    return any(len(v["pts"]) > 6 and min(math.dist(p, a["c"]) for p in v["pts"]) < 1.2 * zijde
               and min(math.dist(p, b["c"]) for p in v["pts"]) < 1.2 * zijde
               for v in vormen if v["stroke"] == "#cc0000" and not v["dicht"])


def test_geweld_gericht_volgens_het_dossier_anders_de_rollen_anders_ongericht(kc, thuis, tmp_path):
    """'Directed where the dossier says who against whom': the tijdlijn's door/tegen gives the arrow (here
    against the roles, and both ways when it says both); without a record the roles do; where each is
    pleger and slachtoffer and nothing is recorded, the zigzag has no arrow."""
    did = _nieuw(kc, tmp_path, KOPPELS)
    vormen, _, symbolen, lid = _teken(kc, tmp_path, did)
    zijde = symbolen[0]["s"]
    jan, ann = lid["Jan Peeters"], lid["Ann Smets"]
    assert _rood_tussen(vormen, jan, ann, zijde)
    assert (_pijlen(vormen, ann, zijde), _pijlen(vormen, jan, zijde)) == (1, 0)  # roles: pleger Jan -> Ann

    kc.ok("tijdlijn", "add", did, "--soort", "incident", "--datum", "2026-10-10", "--omschrijving",
          "Ann slaat Jan.", "--door", "m2", "--tegen", "m1", "--no-input")
    vormen, _, _, lid = _teken(kc, tmp_path, did)
    assert (_pijlen(vormen, lid["Ann Smets"], zijde), _pijlen(vormen, lid["Jan Peeters"], zijde)) == (0, 1)
    kc.ok("tijdlijn", "add", did, "--soort", "pv", "--datum", "2026-10-12", "--omschrijving", "Slagen.",
          "--door", "m1", "--tegen", "m2", "--no-input")
    vormen, teksten, _, lid = _teken(kc, tmp_path, did)
    assert (_pijlen(vormen, lid["Ann Smets"], zijde), _pijlen(vormen, lid["Jan Peeters"], zijde)) == (1, 1)
    assert any("beide richtingen" in t["tekst"] for t in teksten)
    fout = kc("tijdlijn", "add", did, "--soort", "pv", "--omschrijving", "x", "--door", "m9", "--no-input")
    assert fout.exit_code == 2 and "m9" in fout.output

    wederzijds = _nieuw(kc, tmp_path, KOPPELS.replace("gezin: Koppels Test", "gezin: Wederzijds").replace(
        "rollen: [pleger]", "rollen: [pleger, slachtoffer]").replace("rollen: [slachtoffer]",
                                                                     "rollen: [slachtoffer, pleger]"), "w.yaml")
    vormen, teksten, _, lid = _teken(kc, tmp_path, wederzijds)
    jan, ann = lid["Jan Peeters"], lid["Ann Smets"]
    assert _rood_tussen(vormen, jan, ann, zijde)
    assert (_pijlen(vormen, ann, zijde), _pijlen(vormen, jan, zijde)) == (0, 0)
    assert any("richting niet genoteerd" in t["tekst"] for t in teksten)


VIJANDIG = {
    "m1": "Maximiliaan-Alexander Theodorus Van den Bossche-Vercruysse de Ghellinck d'Elseghem " * 4,
    "m2": "محمد بن عبد الله العلوي الهاشمي",
    "m3": "שרה בת אברהם כהן-לוי מירושלים",
    "m4": "Zoë 👩‍👩‍👧‍👦 Van Damme-Dubois-Verhoeven",
    "m5": "Zoe\u0308 Ame\u0301lie Ngo\u0302 Vu\u031b\u0300 Thi\u0323 Hu\u031b\u0301o\u031b\u0300ng",
    "m6": "Ян",
}


def test_vijandige_namen_breken_de_tekening_niet(kc, thuis, tmp_path):
    """Issue 16: long, right-to-left, emoji and combining-mark names are cut with an ellipsis on the picture
    (never between a letter and its mark, never inside an emoji sequence), in full under 'Namen voluit'
    and in the document's table; no text overlaps another, no line crosses a text, no symbols overlap."""
    import unicodedata

    import docx

    leden = "\n".join(
        f"  - {{id: {i}, naam: \"{naam}\", geslacht: {'man' if n % 2 else 'vrouw'}, rollen: [{rol}], "
        f"geboortedatum: 19{70 + n}-02-03{relatie}}}"
        for n, (i, naam) in enumerate(VIJANDIG.items())
        for rol, relatie in [(("pleger" if i == "m1" else "slachtoffer" if i == "m2" else "kind" if n > 2 else "ander"),
                              ", relaties: [{met: m2, soort: partner}, {met: m4, soort: ouder-van}, "
                              "{met: m5, soort: ouder-van}]" if i == "m1" else
                              ", relaties: [{met: m4, soort: ouder-van}, {met: m5, soort: ouder-van}]" if i == "m2"
                              else "")])
    did = _nieuw(kc, tmp_path, KOPPELS.split("gezinsleden:")[0].replace("Koppels Test", "Vijandig")
                 + "gezinsleden:\n" + leden + "\n")
    vormen, teksten, symbolen, _ = _teken(kc, tmp_path, did)
    assert len(symbolen) == len(VIJANDIG)
    dozen = [(t, svg_meting.tekst_doos(t)) for t in teksten]
    namen = [t for t in teksten if t["vet"] and t["tekst"] not in ("Legende", "Namen voluit", "12+")]
    regels = {s["c"]: sorted((t for t in namen if abs(t["x"] - s["c"][0]) < 0.5 * s["s"]
                              and 0 < t["y"] - s["c"][1] < 2.5 * s["s"]), key=lambda t: t["y"]) for s in symbolen}
    assert all(1 <= len(r) <= 2 for r in regels.values()) and sum(len(r) for r in regels.values()) == len(namen)
    kort = [" ".join(t["tekst"] for t in r) for r in regels.values() if r[-1]["tekst"].endswith("…")]
    assert len(kort) >= 2 and max(len(t["tekst"]) for t in namen) < 40
    for tekst in kort:  # cut at a character boundary: the next one is no mark, joiner or selector
        voor = tekst[:-1]
        naam = next(" ".join(n.split()) for n in VIJANDIG.values() if " ".join(n.split()).startswith(voor))
        volgend = naam[len(voor)]
        assert not unicodedata.combining(volgend) and volgend not in "\u200d\ufe0f" and voor[-1] != "\u200d", tekst
    breedte = min(abs(a["c"][0] - b["c"][0]) for a, b in itertools.combinations(symbolen, 2)
                  if abs(a["c"][1] - b["c"][1]) < 1)
    for t in namen:
        x0, _, x1, _ = svg_meting.tekst_doos(t)
        assert x1 - x0 < breedte, t["tekst"]
    assert not [(a["tekst"], b["tekst"]) for (a, da), (b, db) in itertools.combinations(dozen, 2)
                if svg_meting.overlappen(da, db)]
    assert not [t["tekst"] for v in vormen if v["stroke"] not in ("none", "") for s in svg_meting.segmenten(v)
                for t, doos in dozen if svg_meting.raakt(s, doos)]
    assert not [1 for a, b in itertools.combinations(symbolen, 2) if svg_meting.overlappen(a["bbox"], b["bbox"])]
    voluit = "".join("".join(t["tekst"].split()) for t in teksten if not t["vet"])  # wrapped lines
    for naam in VIJANDIG.values():
        if any(" ".join(naam.split()).startswith(k[:-1]) for k in kort):
            assert "".join(naam.split())[:40] in voluit, naam[:20]
    # the document's table names everyone in full
    kc.ok("doc", did, "weegploeg-pva")
    pad = next((thuis / "dossiers" / did / "documenten").glob("*_weegploeg-pva.docx"))
    document = docx.Document(str(pad))
    tekst = "\n".join(c.text for tabel in document.tables for rij in tabel.rows for c in rij.cells)
    tekst += "\n".join(p.text for p in document.paragraphs)
    for naam in VIJANDIG.values():
        assert " ".join(naam.split()) in " ".join(tekst.split()), naam[:20]


OUDERENMIS = """\
regio: leuven
fase: casusregie
gezin: Ouderenmis Test
casusregie_start: 2026-10-05
aanmelding: {datum: 2026-09-01}
gezinsleden:
  - {id: m1, naam: Maria Claes, geslacht: vrouw, rollen: [slachtoffer], geboortedatum: 1944-03-01,
     relaties: [{met: m2, soort: partner, vorm: gehuwd}]}
  - {id: m2, naam: Jozef Claes, geslacht: man, rollen: [ander], geboortedatum: 1940-01-01, overleden: 2020}
  - {id: m3, naam: Dirk Claes, geslacht: man, rollen: [pleger], geboortedatum: 1972-06-01,
     relaties: [{met: m1, soort: kind-van}, {met: m2, soort: kind-van}]}
  - {id: m4, naam: Els Claes, geslacht: vrouw, rollen: [ander], geboortedatum: 1975-02-01,
     relaties: [{met: m1, soort: kind-van}, {met: m2, soort: kind-van}]}
tijdlijn:
  - {datum: 2026-08-20, soort: incident, omschrijving: slagen, door: [m3], tegen: [m1]}
"""


def test_geweld_tussen_ouder_en_kind_loopt_niet_over_de_kindlijn(kc, thuis, tmp_path):
    """A pleger who is the victim's son (elder abuse): the red zigzag leaves his symbol beside the black
    child line that comes down onto it, never on top of it (a trial found them drawn as one line)."""
    did = _nieuw(kc, tmp_path, OUDERENMIS)
    vormen, _teksten, symbolen, lid = _teken(kc, tmp_path, did)
    zijde = symbolen[0]["s"]
    assert _rood_tussen(vormen, lid["Dirk Claes"], lid["Maria Claes"], zijde)
    staand = [s for v in vormen if v["stroke"] == "#000000" and not v["dicht"] for s in svg_meting.segmenten(v)
              if abs(s[0][0] - s[1][0]) < 1e-6 and abs(s[0][1] - s[1][1]) > 0.2 * zijde]
    assert staand  # the child lines are there to compare with
    rood = [r for v in vormen if v["stroke"] == "#cc0000" and not v["dicht"] for r in svg_meting.segmenten(v)]

    def langs(r, s) -> bool:  # both ends of a red piece on the black line: running along it, not crossing
        return all(abs(p[0] - s[0][0]) < 0.08 * zijde and min(s[0][1], s[1][1]) <= p[1] <= max(s[0][1], s[1][1])
                   for p in r)

    op_lijn = [r for r in rood for s in staand if langs(r, s)]
    assert not op_lijn, op_lijn[:5]
