"""The genogram (issue 16): the schema it draws from (geslacht, overleden, huishouden) and the drawing,
read back from the SVG."""

from __future__ import annotations

import math

import yaml

from tests import svg_meting
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


# -- the drawing, read back from the SVG ---------------------------------------------------------

SAMENGESTELD = """\
regio: ifg-west-vlaanderen
fase: casusregie
gezin: Samengesteld gezin Test
casusregie_start: 2026-10-05
aanmelding: {datum: 2026-09-01}
ico: {datum: 2026-09-22, conclusie: ketenaanpak-met-casusregie}
gezinsleden:
  - {id: m1, naam: Roger Opa, geslacht: man, rollen: [ander], geboortedatum: 1948-05-02, overleden: 2019,
     relaties: [{met: m2, soort: partner}, {met: m3, soort: ouder-van}, {met: m11, soort: ouder-van}]}
  - {id: m2, naam: Godelieve Oma, geslacht: vrouw, rollen: [slachtoffer], geboortedatum: 1950-08-14,
     relaties: [{met: m3, soort: ouder-van}, {met: m11, soort: ouder-van}]}
  - {id: m3, naam: Els Moeder, geslacht: vrouw, rollen: [slachtoffer], geboortedatum: 1984-03-10, huishouden: h1,
     relaties: [{met: m4, soort: partner}, {met: m5, soort: ex-partner}, {met: m11, soort: broer-zus}]}
  - {id: m4, naam: Dirk Nieuw, geslacht: man, rollen: [pleger], geboortedatum: 1980-11-02, huishouden: h1,
     detentie: {gevangenis: brugge, soort: voorlopige-hechtenis, sinds: 2026-09-20},
     relaties: [{met: m6, soort: ex-partner}, {met: m9, soort: ouder-van}, {met: m10, soort: ouder-van},
                {met: m12, soort: ouder-van}]}
  - {id: m5, naam: Tom-Maximiliaan Van den Bossche-Vercruysse, geslacht: man, rollen: [ander],
     geboortedatum: 1983-01-20, relaties: [{met: m7, soort: ouder-van}, {met: m8, soort: ouder-van}]}
  - {id: m6, naam: Fatima Ex, geslacht: vrouw, rollen: [ander], geboortedatum: 1985-06-30,
     relaties: [{met: m10, soort: ouder-van}, {met: m12, soort: ouder-van}]}
  - {id: m7, naam: Lotte Kind, geslacht: vrouw, rollen: [kind], geboortedatum: 2010-04-12, huishouden: h1,
     relaties: [{met: m3, soort: kind-van}]}
  - {id: m8, naam: Jan Kind, geslacht: onbekend, rollen: [kind], geboortedatum: 2012-09-30, huishouden: h1,
     relaties: [{met: m3, soort: kind-van}]}
  - {id: m9, naam: Nina Kind, geslacht: x, rollen: [kind], geboortedatum: 2019-02-18, huishouden: h1,
     relaties: [{met: m3, soort: kind-van}]}
  - {id: m10, naam: Yusuf Kind, geslacht: man, rollen: [kind], geboortedatum: 2013-05-05,
     relaties: [{met: m6, soort: kind-van}]}
  - {id: m11, naam: Kevin Oom, geslacht: man, rollen: [pleger], geboortedatum: 1987-09-05,
     tijdelijk_niet_betrokken: {reden: escalatiegevaar, sinds: 2026-10-01}}
  - {id: m12, naam: Bram Kind, geslacht: man, rollen: [kind], geboortedatum: 2016-01-25,
     relaties: [{met: m6, soort: kind-van}]}
"""


def _samengesteld(kc, tmp_path) -> str:
    bron = tmp_path / "gezin.yaml"
    bron.write_text(SAMENGESTELD, encoding="utf-8")
    return _id_uit(kc.ok("dossier", "new", "--from", bron, "--no-input").output)


def _lees_svg(pad):
    return svg_meting.lees(pad)


def _symbolen(vormen):
    return svg_meting.symbolen(vormen)


def _per_naam(symbolen, teksten, namen):
    """Each name's symbol: the one right above its label."""
    uit = {}
    for naam in namen:
        t = next(t for t in teksten if t["tekst"] == naam)
        uit[naam] = min((s for s in symbolen if s["c"][1] < t["y"]),
                        key=lambda s: abs(s["c"][0] - t["x"]) + abs(s["c"][1] - t["y"]))
    return uit


def _svg_van(thuis, dossier_id):
    return next((thuis / "dossiers" / dossier_id / "documenten").glob("*_genogram.svg"))


def test_genogram_van_een_samengesteld_gezin(kc, thuis, tmp_path):
    import math

    did = _samengesteld(kc, tmp_path)
    kc.ok("genogram", did)
    docs = thuis / "dossiers" / did / "documenten"
    assert sorted(p.name for p in docs.iterdir()) == ["2026-11-23_genogram.png", "2026-11-23_genogram.svg"]
    assert (docs / "2026-11-23_genogram.png").read_bytes()[:8] == b"\x89PNG\r\n\x1a\n"
    vormen, teksten = _lees_svg(docs / "2026-11-23_genogram.svg")
    symbolen = _symbolen(vormen)
    assert len(symbolen) == 12
    namen = {"m1": "Roger Opa", "m2": "Godelieve Oma", "m3": "Els Moeder", "m4": "Dirk Nieuw",
             "m5": "", "m6": "Fatima Ex", "m7": "Lotte Kind", "m8": "Jan Kind",
             "m9": "Nina Kind", "m10": "Yusuf Kind", "m11": "Kevin Oom", "m12": "Bram Kind"}
    # a long name is cut with an ellipsis (issue 16 "hostile names")
    # on two lines at a space, the rest cut with an ellipsis
    namen["m5"] = "Tom-Maximiliaan"
    tweede = next(t for t in teksten if t["tekst"].startswith("Van den B") and t["vet"])
    assert tweede["tekst"].endswith("…") and tweede["x"] == next(t["x"] for t in teksten if t["tekst"] == namen["m5"])
    assert any("Tom-Maximiliaan Van den" in t["tekst"] for t in teksten)  # in full in the legend
    s = _per_naam(symbolen, teksten, namen.values())
    lid = {i: s[n] for i, n in namen.items()}
    # shape per geslacht (McGoldrick-Gerson): square man, circle vrouw, diamond x and onbekend
    vorm = {i: lid[i]["vorm"] for i in lid}
    assert [vorm[i] for i in ("m1", "m4", "m5", "m10", "m11", "m12")] == ["vierkant"] * 6
    assert [vorm[i] for i in ("m2", "m3", "m6", "m7")] == ["cirkel"] * 4
    assert vorm["m8"] == vorm["m9"] == "ruit"
    # generations on rows: grandparents above parents above children; partners on one row
    y = {i: round(lid[i]["c"][1], 1) for i in lid}
    assert y["m1"] == y["m2"] < y["m3"] == y["m4"] == y["m5"] == y["m6"] == y["m11"] < y["m7"]
    assert y["m7"] == y["m8"] == y["m9"] == y["m10"] == y["m12"]
    # siblings oldest-left
    x = {i: lid[i]["c"][0] for i in lid}
    assert x["m3"] < x["m11"] and x["m7"] < x["m8"] and x["m10"] < x["m12"]
    # no two symbols overlap
    for a in lid:
        for b in lid:
            if a < b:
                (a0, a1, a2, a3), (b0, b1, b2, b3) = lid[a]["bbox"], lid[b]["bbox"]
                assert min(a2, b2) <= max(a0, b0) or min(a3, b3) <= max(a1, b1), (a, b)
    zijde = lid["m1"]["s"]
    zwart = [v for v in vormen if v["stroke"] == "#000000" and not v["dicht"]]

    def lijn_tussen(p, q):
        return any(len(v["pts"]) == 2 and math.dist(v["pts"][0], p) < 0.05 * zijde
                   and math.dist(v["pts"][1], q) < 0.05 * zijde for v in zwart)

    # a partner line from edge to edge at the symbols' middle; a child line onto the child's top
    links, rechts = sorted(["m3", "m4"], key=lambda i: x[i])
    assert lijn_tussen((x[links] + zijde / 2, lid[links]["c"][1]), (x[rechts] - zijde / 2, lid[rechts]["c"][1]))
    assert any(len(v["pts"]) == 2 and abs(v["pts"][0][0] - x["m7"]) < 0.05 * zijde
               and abs(v["pts"][1][1] - (lid["m7"]["c"][1] - zijde / 2)) < 0.05 * zijde
               and v["pts"][0][1] < v["pts"][1][1] for v in zwart)
    # the violence line: red, between pleger and slachtoffer, from near the one to near the other
    rood = [v for v in vormen if v["stroke"] == "#cc0000" and len(v["pts"]) > 6]

    def geweld(p, q):
        return any(min(math.dist(pt, lid[p]["c"]) for pt in v["pts"]) < 1.2 * zijde
                   and min(math.dist(pt, lid[q]["c"]) for pt in v["pts"]) < 1.2 * zijde for v in rood)

    assert geweld("m4", "m3") and geweld("m11", "m2")
    assert not geweld("m1", "m5") and not geweld("m6", "m10")
    # tijdelijk niet betrokken: dashed; the deceased crossed (two diagonals through the symbol)
    assert lid["m11"]["gestreept"] and not lid["m3"]["gestreept"]
    kruis = [v for v in zwart if len(v["pts"]) == 2 and math.dist(
        ((v["pts"][0][0] + v["pts"][1][0]) / 2, (v["pts"][0][1] + v["pts"][1][1]) / 2), lid["m1"]["c"]) < 0.05 * zijde]
    assert len(kruis) == 2
    # the clients (pleger, slachtoffer) have a double outline, the others not
    def rand(i):
        def midden(pts):
            return ((max(p[0] for p in pts) + min(p[0] for p in pts)) / 2,
                    (max(p[1] for p in pts) + min(p[1] for p in pts)) / 2)

        return sum(1 for v in vormen if v["dicht"] and v["fill"] == "none" and v["stroke"] == "#000000"
                   and math.dist(midden(v["pts"]), lid[i]["c"]) < 0.05 * zijde)

    assert [rand(i) for i in ("m2", "m3", "m4", "m11")] == [1, 1, 1, 1]
    assert [rand(i) for i in ("m1", "m5", "m6", "m7")] == [0, 0, 0, 0]
    # the household (huishouden h1): one dotted outline around its members, not around the others
    def binnen(punt, veelhoek):
        x0, y0 = punt
        binnen_ = False
        for (x1, y1), (x2, y2) in zip(veelhoek, veelhoek[1:] + veelhoek[:1], strict=True):
            if (y1 > y0) != (y2 > y0) and x0 < x1 + (y0 - y1) * (x2 - x1) / (y2 - y1):
                binnen_ = not binnen_
        return binnen_

    omtrek = [v["pts"] for v in vormen if v["dicht"] and v["gestreept"] and v["stroke"] == "#555555"
              and max(p[0] for p in v["pts"]) - min(p[0] for p in v["pts"]) > 2 * zijde]
    assert len(omtrek) == 1
    assert all(binnen(lid[i]["c"], omtrek[0]) for i in ("m3", "m4", "m7", "m8", "m9"))
    assert not any(binnen(lid[i]["c"], omtrek[0]) for i in ("m1", "m2", "m5", "m6", "m10", "m11", "m12"))
    # ages from the one clock (2026-11-23), birth year beside them
    alles = " | ".join(t["tekst"] for t in teksten)
    assert "° 2010 · 16 j" in alles and "1948–2019 (71 j)" in alles  # a bare year of death counts as 1 July
    # a Dutch legend of what is used
    for woord in ("man", "vrouw", "geslacht onbekend", "dubbele rand", "uit elkaar", "overleden", "geweld",
                  "in detentie", "tijdelijk niet betrokken", "12 jaar of ouder", "woont samen"):
        assert woord in alles, woord


def test_genogram_met_initialen_toont_geen_namen(kc, thuis, tmp_path):
    did = _samengesteld(kc, tmp_path)
    uit = tmp_path / "scherm"
    uit.mkdir()
    kc.ok("genogram", did, "--initialen", "--uit", uit)
    svg = next(uit.glob("*.svg"))
    assert "genogram" in svg.name and (uit / svg.name.replace(".svg", ".png")).exists()
    _, teksten = _lees_svg(svg)
    alles = " ".join(t["tekst"] for t in teksten)
    for naam in ("Roger", "Godelieve", "Moeder", "Maximiliaan", "Fatima", "Kevin"):
        assert naam not in alles
    assert "R.O." in alles and "° 2010 · 16 j" in alles


def test_genogram_fouten(kc, thuis, palmeneire, tmp_path):
    fout = kc("genogram", palmeneire, "--uit", tmp_path / "genogram.pdf")
    assert fout.exit_code == 2 and ".svg" in fout.output
    fout = kc("genogram", palmeneire, "--uit", tmp_path / "bestaat-niet" / "g.svg")
    assert fout.exit_code == 1 and "bestaat niet" in fout.output
    kc.ok("dossier", "new", "--regio", "leuven", "--gezin", "Leeg", "--no-input")
    fout = kc("genogram", "2026-002")
    assert fout.exit_code == 1 and "geen gezinsleden" in fout.output and "Traceback" not in fout.output
    assert not (thuis / "dossiers" / "2026-002" / "documenten").exists() or not list(
        (thuis / "dossiers" / "2026-002" / "documenten").iterdir())


def test_opmaak_is_puur_en_zet_broers_en_zussen_op_leeftijd(thuis):
    """The layout without matplotlib: rows from the relations, siblings oldest-left, no two on one spot."""
    import subprocess
    import sys

    from ketencli import genogram, model

    leden = [model.Gezinslid.model_validate(lid) for lid in yaml.safe_load(SAMENGESTELD)["gezinsleden"]]
    o = genogram.opmaak(leden)
    los = subprocess.run([sys.executable, "-c", "import sys, ketencli.genogram as g; g.opmaak([]); "
                          "print('matplotlib' in sys.modules)"], capture_output=True, text=True, check=True)
    assert los.stdout.strip() == "False"  # the layout runs without the drawing library
    assert [o.generatie[i] for i in ("m1", "m3", "m4", "m11", "m7")] == [0, 1, 1, 1, 2]
    for g in set(o.generatie.values()):
        xs = sorted(o.x[i] for i in o.x if o.generatie[i] == g)
        assert all(b - a >= genogram.STAP - 1e-9 for a, b in zip(xs, xs[1:], strict=False))
    assert o.x["m7"] < o.x["m8"] and o.x["m10"] < o.x["m12"]  # full siblings; half-siblings hang elsewhere
    geweld = {(g.van, g.naar) for g in o.geweld if g.gericht}
    assert {("m4", "m3"), ("m11", "m2"), ("m11", "m3")} <= geweld
    assert o.kruisingen == 0


def test_genogram_in_weegploeg_rondetafel_en_aanmelding(kc, thuis, palmeneire):
    """Stap 1 projects the genogram (guide L1722-1726, L1806): the picture is in the documents for the tables."""
    import docx

    docs = thuis / "dossiers" / palmeneire / "documenten"
    for soort in ("weegploeg-pva", "weegploeg-afronding", "rondetafel", "aanmelding"):  # afronding: L1806
        kc.ok("doc", palmeneire, soort)
        pad = next(docs.glob(f"*_{soort}.docx"))
        beelden = docx.Document(str(pad)).inline_shapes
        assert len(beelden) == 1, soort
        assert beelden[0].width.cm >= 15, soort
    # no members, no picture (and no error)
    kc.ok("dossier", "new", "--regio", "leuven", "--gezin", "Leeg", "--no-input")
    kc.ok("doc", "2026-002", "aanmelding")
    pad = next((thuis / "dossiers" / "2026-002" / "documenten").glob("*_aanmelding.docx"))
    assert len(docx.Document(str(pad)).inline_shapes) == 0


# -- what the picture must hold for any family: no line through text, no crossing, the legend as drawn --


def _genogrammen(kc, thuis, tmp_path):
    """The SVGs of both examples, the blended test family and the blended family of the acceptance check
    (three generations, a detained new partner, elder abuse, ex-partners with children from two relations)."""
    import re

    bronnen = [voorbeeld("de-palmeneire-vercammen.yaml"), voorbeeld("west-vlaanderen-gezin.yaml")]
    bron = tmp_path / "samengesteld.yaml"
    bron.write_text(SAMENGESTELD, encoding="utf-8")
    bronnen.append(bron)
    tweede = tmp_path / "tweede.yaml"
    # Nina is Els' and Dirk's child, recorded as a sister of her half-siblings on both sides
    nina = ("relaties: [{met: m3, soort: kind-van}, {met: m4, soort: kind-van}, {met: m7, soort: broer-zus}, "
            "{met: m10, soort: broer-zus}]}\n  - {id: m10")
    tekst = SAMENGESTELD.replace("relaties: [{met: m3, soort: kind-van}]}\n  - {id: m10", nina)
    tweede.write_text(re.sub(r"(?m)^gezin: .*$", "gezin: Tweede samengesteld gezin", tekst), encoding="utf-8")
    bronnen.append(tweede)
    uit = []
    for bron in bronnen:
        did = _id_uit(kc.ok("dossier", "new", "--from", bron, "--no-input").output)
        kc.ok("genogram", did, "--uit", tmp_path / f"{did}.svg")
        uit.append(tmp_path / f"{did}.svg")
    return uit


def test_geen_lijn_door_tekst_geen_kruising_geen_overlap(kc, thuis, tmp_path):
    """Issue 16 §5 and 'hostile names': every line and outline (partner, child, violence, household,
    symbols, legend samples) stays out of every text box (measured with the picture's font); partner and
    child lines never cross where a crossing-free layout exists (these families have one); no two
    symbols and no two texts overlap."""
    import itertools

    for svg in _genogrammen(kc, thuis, tmp_path):
        vormen, teksten = _lees_svg(svg)
        dozen = [(t["tekst"], svg_meting.tekst_doos(t)) for t in teksten]
        door_tekst = [(tekst, v["stroke"]) for v in vormen if v["stroke"] not in ("none", "")
                      for s in svg_meting.segmenten(v) for tekst, doos in dozen if svg_meting.raakt(s, doos)]
        assert door_tekst == [], (svg.name, door_tekst[:5])
        symbolen = _symbolen(vormen)
        lijnen = svg_meting.relatielijnen(vormen, symbolen)
        assert len(lijnen) > 3
        kruisingen = [(s, t) for s, t in itertools.combinations(lijnen, 2) if svg_meting.kruisen(s, t)]
        assert kruisingen == [], (svg.name, kruisingen[:3])
        assert not [(a["c"], b["c"]) for a, b in itertools.combinations(symbolen, 2)
                    if svg_meting.overlappen(a["bbox"], b["bbox"])], svg.name
        assert not [(a, b) for (a, da), (b, db) in itertools.combinations(dozen, 2)
                    if svg_meting.overlappen(da, db)], svg.name


def test_legende_toont_elk_symbool_zoals_getekend(kc, thuis, tmp_path):
    """Issue 16: the legend explains every symbol used, drawn as on the members: the detention sample has
    the bars, the deceased sample the cross, the client sample the double outline, the '12+' sample its mark."""
    import math

    did = _samengesteld(kc, tmp_path)
    kc.ok("genogram", did, "--uit", tmp_path / "g.svg")
    vormen, teksten = _lees_svg(tmp_path / "g.svg")
    legende = next(t for t in teksten if t["tekst"] == "Legende")
    klein = [v for v in vormen if v["dicht"] and v["fill"] == "#ffffff" and v["stroke"] == "#000000"
             and min(p[0] for p in v["pts"]) > legende["x"] and min(p[1] for p in v["pts"]) > legende["y"]]
    zwart = [s for v in vormen if v["stroke"] == "#000000" and not v["dicht"] for s in svg_meting.segmenten(v)]

    def binnen(s, doos):  # within the symbol's box widened by 30 % (the cross reaches past the edge)
        r = 0.3 * (doos[2] - doos[0])
        return all(doos[0] - r <= p[0] <= doos[2] + r and doos[1] - r <= p[1] <= doos[3] + r for p in s)

    def merken(doos):
        """(bars, diagonals, outlines, '12+') drawn on the symbol in this box."""
        lijnen = [s for s in zwart if binnen(s, doos)]
        staand = sum(1 for a, b in lijnen if abs(a[0] - b[0]) < 1e-6)
        schuin = sum(1 for a, b in lijnen if abs(a[0] - b[0]) > 1e-6 and abs(a[1] - b[1]) > 1e-6)
        rand = sum(1 for v in vormen if v["dicht"] and v["fill"] == "none" and v["stroke"] == "#000000"
                   and binnen(v["pts"], doos))
        twaalf = any(t["tekst"] == "12+" and doos[2] < t["x"] < doos[2] + (doos[2] - doos[0]) * 1.5
                     and doos[1] - (doos[3] - doos[1]) < t["y"] < doos[3] for t in teksten)
        return staand, schuin, rand, twaalf

    def voorbeeld_bij(uitleg):
        t = next(t for t in teksten if t["tekst"].startswith(uitleg))
        links = [v for v in klein if max(p[0] for p in v["pts"]) < t["x"]]  # the sample left of its text
        v = min(links, key=lambda v: math.dist(((min(p[0] for p in v["pts"]) + max(p[0] for p in v["pts"])) / 2,
                                                (min(p[1] for p in v["pts"]) + max(p[1] for p in v["pts"])) / 2),
                                               (t["x"], t["y"])))
        return (min(p[0] for p in v["pts"]), min(p[1] for p in v["pts"]), max(p[0] for p in v["pts"]),
                max(p[1] for p in v["pts"]))

    lid = _per_naam(_symbolen(vormen), teksten, ["Dirk Nieuw", "Roger Opa", "Lotte Kind", "Kevin Oom"])
    assert merken(voorbeeld_bij("in detentie"))[0] == merken(lid["Dirk Nieuw"]["bbox"])[0] == 3

    def zichtbaar(doos):
        """The bars come after the white symbol in the SVG: drawn on top of it, not hidden under it."""
        wit = max(n for n, v in enumerate(vormen) if v["dicht"] and v["fill"] == "#ffffff" and binnen(v["pts"], doos))
        tralies = [n for n, v in enumerate(vormen) if v["stroke"] == "#000000" and not v["dicht"]
                   and binnen(v["pts"], doos) and all(abs(a[0] - b[0]) < 1e-6 for a, b in svg_meting.segmenten(v))]
        return len(tralies) == 3 and min(tralies) > wit

    assert zichtbaar(voorbeeld_bij("in detentie")) and zichtbaar(lid["Dirk Nieuw"]["bbox"])
    assert merken(voorbeeld_bij("overleden"))[1] == merken(lid["Roger Opa"]["bbox"])[1] == 2
    assert merken(voorbeeld_bij("dubbele rand"))[2] == merken(lid["Dirk Nieuw"]["bbox"])[2] == 1
    assert merken(voorbeeld_bij("12+"))[3] and merken(lid["Lotte Kind"]["bbox"])[3]
    assert not merken(voorbeeld_bij("man"))[3] and merken(voorbeeld_bij("man"))[:3] == (0, 0, 0)


def test_het_genogram_in_de_documenten_toont_het_huishouden(kc, thuis, palmeneire):
    """The household label is a reference (who lives with whom), not case text: the need-to-know filter
    (D32) blanked it, so the weegploeg document's genogram lost its dotted household line and legend
    entry while `ketencli genogram` showed them. The document's picture is the command's picture."""
    import docx

    kc.ok("dossier", "lid", "edit", palmeneire, "m2", "--huishouden", "h1")
    kc.ok("dossier", "lid", "edit", palmeneire, "m3", "--huishouden", "h1")
    kc.ok("genogram", palmeneire)
    docs = thuis / "dossiers" / palmeneire / "documenten"
    svg = next(docs.glob("*_genogram.svg")).read_text(encoding="utf-8")
    assert "woont samen" in svg
    png = next(docs.glob("*_genogram.png")).read_bytes()
    for soort in ("weegploeg-pva", "rondetafel"):
        kc.ok("doc", palmeneire, soort)
        document = docx.Document(str(next(docs.glob(f"*_{soort}.docx"))))
        beelden = [r.target_part.blob for r in document.part.rels.values() if "image" in r.reltype]
        assert beelden == [png], soort


LEUVEN = """\
regio: leuven
fase: casusregie
gezin: Leuven Test
casusregie_start: 2026-10-05
aanmelding: {datum: 2026-09-01}
gezinsleden:
  - {id: m1, naam: Maria Janssens, geslacht: vrouw, rollen: [slachtoffer], geboortedatum: 1946-03-01, huishouden: h1}
  - {id: m2, naam: Jozef Janssens, geslacht: man, rollen: [ander], geboortedatum: 1941-01-01, overleden: 2020,
     relaties: [{met: m1, soort: partner, vorm: gehuwd}]}
  - {id: m3, naam: Dirk Janssens, geslacht: man, rollen: [pleger], geboortedatum: 1975-06-01, huishouden: h1,
     detentie: {gevangenis: leuven-centraal, soort: voorlopige-hechtenis, sinds: 2026-09-20},
     relaties: [{met: m1, soort: kind-van}, {met: m2, soort: kind-van}, {met: m4, soort: ex-partner, vorm: gescheiden}]}
  - {id: m4, naam: Sofie Peeters, geslacht: vrouw, rollen: [ander], geboortedatum: 1978-02-01, huishouden: h2}
  - {id: m5, naam: Lars Janssens, geslacht: man, rollen: [kind], geboortedatum: 2013-05-01, huishouden: h2,
     relaties: [{met: m3, soort: kind-van}, {met: m4, soort: kind-van}, {met: m6, soort: broer-zus}]}
  - {id: m6, naam: Emma Janssens, geslacht: vrouw, rollen: [kind], geboortedatum: 2017-08-01, huishouden: h2,
     relaties: [{met: m3, soort: kind-van}, {met: m4, soort: kind-van}]}
tijdlijn:
  - {datum: 2026-08-20, soort: incident, omschrijving: slagen, door: [m3], tegen: [m1]}
"""


def _leuven(kc, tmp_path) -> str:
    """The family of the last new-user trial: grandmother victim, son pleger in detention, deceased
    grandfather, the son's divorced ex-wife with their children of 13 and 9 living with her."""
    bron = tmp_path / "leuven.yaml"
    bron.write_text(LEUVEN, encoding="utf-8")
    return _id_uit(kc.ok("dossier", "new", "--from", bron, "--no-input").output)


def test_een_overleden_gezinslid_is_geen_client(kc, thuis, tmp_path):
    """A deceased grandfather stood in the clients table ("overleden 2020 (79 jaar)"): a deceased person is
    no client. Every document with a clients table leaves him out, the veiligheidsplan gives him no page;
    the relations of the living still name him (also a relation recorded on him only: his marriage), and
    the genogram still draws him, crossed out."""
    import docx

    did = _leuven(kc, tmp_path)
    docs = thuis / "dossiers" / did / "documenten"
    for soort in ("aanmelding", "weegploeg-pva", "weegploeg-gewijzigd", "weegploeg-afronding", "rondetafel"):
        kc.ok("doc", did, soort, "--overschrijf")
        document = docx.Document(str(next(docs.glob(f"*_{soort}.docx"))))
        rijen = [[c.text for c in r.cells] for t in document.tables for r in t.rows]
        namen = [r[0] for r in rijen]
        assert "Jozef Janssens" not in namen, soort
        if soort in ("weegploeg-afronding", "rondetafel"):  # no clients table in these
            continue
        assert "Maria Janssens" in namen and "Lars Janssens" in namen, soort
        maria = next(r for r in rijen if r[0] == "Maria Janssens")
        assert any("Jozef Janssens (gehuwd, overleden)" in c for c in maria), (soort, maria)
        dirk = next(r for r in rijen if r[0] == "Dirk Janssens")
        assert any("Jozef Janssens (overleden)" in c for c in dirk), (soort, dirk)
        sofie = next(r for r in rijen if r[0] == "Sofie Peeters")  # recorded on Dirk only, shown from her side
        assert any("ex-partner van Dirk Janssens (gescheiden)" in c for c in sofie), (soort, sofie)
        assert "79 jaar" not in " ".join(c for r in rijen for c in r), soort
    kc.ok("doc", did, "veiligheidsplan")
    tekst = "\n".join(p.text for p in docx.Document(str(next(docs.glob("*_veiligheidsplan.docx")))).paragraphs)
    assert "Maria Janssens" in tekst and "Jozef Janssens" not in tekst
    # nobody can ask him for an evaluation at the afronding (the criterion would never be met)
    import json

    criteria = json.loads(kc("afronding", "check", did, "--json").stdout)["criteria"]
    evaluatie = next(c for c in criteria if c["key"] == "evaluatie-gezinsleden")
    assert any("Maria Janssens" in b for b in evaluatie["bewijs"])
    assert not any("Jozef" in b for b in evaluatie["bewijs"])
    kc.ok("genogram", did, "--uit", tmp_path / "g.svg")
    _, teksten = _lees_svg(tmp_path / "g.svg")
    assert "Jozef Janssens" in [t["tekst"] for t in teksten]


def test_relaties_in_de_woorden_van_het_geslacht(kc, thuis, tmp_path):
    """Relations said "broer of zus van" with both sexes recorded (Leuven trial): the one function that puts
    relations into words (``aanmelding.relatie_woorden``) uses the member's recorded sex — broer/zus,
    vader/moeder, zoon/dochter — and stays neutral only for x or onbekend; partner stays partner."""
    import docx

    did = _leuven(kc, tmp_path)
    kc.ok("dossier", "lid", "edit", did, "m4", "--geslacht", "onbekend")
    kc.ok("doc", did, "weegploeg-pva")
    pad = next((thuis / "dossiers" / did / "documenten").glob("*_weegploeg-pva.docx"))
    rijen = {r.cells[0].text: r.cells[-1].text for t in docx.Document(str(pad)).tables for r in t.rows}
    assert "zoon van Dirk Janssens; zoon van Sofie Peeters" in rijen["Lars Janssens"]
    assert "broer van Emma Janssens" in rijen["Lars Janssens"]
    assert "zus van Lars Janssens" in rijen["Emma Janssens"]  # recorded on Lars only
    assert "dochter van Dirk Janssens" in rijen["Emma Janssens"]
    assert "moeder van Dirk Janssens" in rijen["Maria Janssens"]
    assert "ouder van Lars Janssens" in rijen["Sofie Peeters"]  # her sex now onbekend: neutral
    assert "partner van Jozef Janssens" in rijen["Maria Janssens"]
    alles = " ".join(rijen.values())
    assert "broer of zus" not in alles and "vader of moeder" not in alles
    scherm = kc.ok("dossier", "show", did).output
    assert "broer van Emma Janssens" in " ".join(scherm.split())
    assert "zoon van Maria Janssens" in " ".join(scherm.split())


def test_geweld_binnen_het_huishouden_kruist_zijn_omtrek_niet(kc, thuis, tmp_path):
    """The Leuven trial (grandmother victim, son pleger in detention living with her, deceased grandfather,
    the son's divorced ex-wife with their children of 13 and 9 living with her): the red line ran outside the
    household's dotted outline and crossed it, and the outlines took notched shapes round a child line. Now
    the violence between two members of a household runs inside its outline, never across any outline, and
    each outline is a simple shape: a hull, or at most one inward corner (an L round a neighbour's label)."""
    did = _leuven(kc, tmp_path)
    kc.ok("genogram", did, "--uit", tmp_path / "g.svg")
    vormen, teksten = _lees_svg(tmp_path / "g.svg")
    symbolen = _symbolen(vormen)
    zijde = symbolen[0]["s"]
    lid = _per_naam(symbolen, teksten, ["Maria Janssens", "Dirk Janssens", "Sofie Peeters", "Lars Janssens",
                                        "Emma Janssens", "Jozef Janssens"])
    omtrekken = [v for v in vormen if v["dicht"] and v["gestreept"] and v["stroke"] == "#555555"
                 and max(p[0] for p in v["pts"]) - min(p[0] for p in v["pts"]) > 2 * zijde]
    rood = [v for v in vormen if v["stroke"] == "#cc0000" and not v["dicht"]  # not the legend's sample
            and all(min(math.dist(p, lid[n]["c"]) for p in v["pts"]) < 1.2 * zijde
                    for n in ("Maria Janssens", "Dirk Janssens"))]
    assert len(omtrekken) == 2 and len(rood) == 1

    def binnen(punt, veelhoek):
        x0, y0 = punt
        uit = False
        for (x1, y1), (x2, y2) in zip(veelhoek, veelhoek[1:] + veelhoek[:1], strict=True):
            if (y1 > y0) != (y2 > y0) and x0 < x1 + (y0 - y1) * (x2 - x1) / (y2 - y1):
                uit = not uit
        return uit

    [h1] = [v for v in omtrekken if binnen(lid["Maria Janssens"]["c"], v["pts"])]
    [h2] = [v for v in omtrekken if binnen(lid["Emma Janssens"]["c"], v["pts"])]
    assert binnen(lid["Dirk Janssens"]["c"], h1["pts"]) and not binnen(lid["Sofie Peeters"]["c"], h1["pts"])
    assert all(binnen(lid[n]["c"], h2["pts"]) for n in ("Sofie Peeters", "Lars Janssens"))
    assert not any(binnen(lid[n]["c"], h2["pts"]) for n in ("Dirk Janssens", "Maria Janssens"))
    # the red line runs inside the household of both, and crosses no outline
    assert all(binnen(p, h1["pts"]) for p in rood[0]["pts"])
    kruisingen = [(r, s) for v in omtrekken for s in svg_meting.segmenten(v) for r in svg_meting.segmenten(rood[0])
                  if svg_meting.kruisen(r, s)]
    assert kruisingen == []

    def binnenhoeken(veelhoek) -> int:
        """Runs of inward (reflex) corners along the outline; a rounded corner counts once."""
        punten = [p for n, p in enumerate(veelhoek) if math.dist(p, veelhoek[n - 1]) > 1e-6]
        oppervlak = sum(a[0] * b[1] - b[0] * a[1] for a, b in zip(punten, punten[1:] + punten[:1], strict=True))
        teken = 1 if oppervlak > 0 else -1
        reflex = []
        for n, b in enumerate(punten):
            a, c = punten[n - 1], punten[(n + 1) % len(punten)]
            kruis = (b[0] - a[0]) * (c[1] - b[1]) - (b[1] - a[1]) * (c[0] - b[0])
            reflex.append(teken * kruis < -1e-3 * zijde ** 2)
        return sum(1 for n, r in enumerate(reflex) if r and not reflex[n - 1])

    assert binnenhoeken(h1["pts"]) <= 1 and binnenhoeken(h2["pts"]) <= 1, (binnenhoeken(h1["pts"]),
                                                                             binnenhoeken(h2["pts"]))


LEUVEN_NIEUW_GEZIN = """\
regio: leuven
fase: casusregie
gezin: Leuven Nieuw Gezin
casusregie_start: 2026-10-05
aanmelding: {datum: 2026-09-01}
gezinsleden:
  - {id: m1, naam: An Wouters, geslacht: vrouw, rollen: [slachtoffer], geboortedatum: 1984-04-01, huishouden: h1,
     relaties: [{met: m2, soort: partner, vorm: gehuwd}, {met: m4, soort: partner, vorm: samenwonend}]}
  - {id: m2, naam: Bart Claes, geslacht: man, rollen: [ander], geboortedatum: 1980-02-01, overleden: 2019}
  - {id: m3, naam: Jens Claes, geslacht: man, rollen: [pleger], geboortedatum: 2010-03-01, huishouden: h1,
     relaties: [{met: m1, soort: kind-van}, {met: m2, soort: kind-van}]}
  - {id: m4, naam: Koen Peeters, geslacht: man, rollen: [ander], geboortedatum: 1982-05-01, huishouden: h1}
  - {id: m5, naam: Lien Peeters, geslacht: vrouw, rollen: [kind], geboortedatum: 2020-06-01, huishouden: h1,
     relaties: [{met: m1, soort: kind-van}, {met: m4, soort: kind-van}]}
  - {id: m6, naam: Jef Wouters, geslacht: man, rollen: [ander], geboortedatum: 1955-01-01,
     relaties: [{met: m7, soort: partner, vorm: gehuwd}, {met: m1, soort: ouder-van}]}
  - {id: m7, naam: Mia Wouters, geslacht: vrouw, rollen: [ander], geboortedatum: 1957-01-01,
     relaties: [{met: m1, soort: ouder-van}]}
tijdlijn:
  - {datum: 2026-08-20, soort: incident, omschrijving: slagen, door: [m3], tegen: [m1]}
"""


def test_omtrek_en_geweldslijn_laten_een_derde_lid_met_rust(kc, thuis, tmp_path):
    """The second Leuven trial (mother slachtoffer, son of 16 pleger, his father deceased and not in the
    household, her new partner and their daughter of 6, her parents): the household outline enclosed the
    deceased father and the red line from the son to his mother detoured round the father's symbol, as if the
    violence came from him. Now the outline encloses only its members' symbols, and the violence line keeps
    away from every third member's symbol."""
    bron = tmp_path / "gezin.yaml"
    bron.write_text(LEUVEN_NIEUW_GEZIN, encoding="utf-8")
    did = _id_uit(kc.ok("dossier", "new", "--from", bron, "--no-input").output)
    kc.ok("genogram", did, "--uit", tmp_path / "g.svg")
    vormen, teksten = _lees_svg(tmp_path / "g.svg")
    symbolen = _symbolen(vormen)
    zijde = symbolen[0]["s"]
    namen = {"m1": "An Wouters", "m2": "Bart Claes", "m3": "Jens Claes", "m4": "Koen Peeters",
             "m5": "Lien Peeters", "m6": "Jef Wouters", "m7": "Mia Wouters"}
    s = _per_naam(symbolen, teksten, namen.values())
    lid = {i: s[n] for i, n in namen.items()}

    def binnen(punt, veelhoek):
        x0, y0 = punt
        uit = False
        for (x1, y1), (x2, y2) in zip(veelhoek, veelhoek[1:] + veelhoek[:1], strict=True):
            if (y1 > y0) != (y2 > y0) and x0 < x1 + (y0 - y1) * (x2 - x1) / (y2 - y1):
                uit = not uit
        return uit

    [omtrek] = [v["pts"] for v in vormen if v["dicht"] and v["gestreept"] and v["stroke"] == "#555555"
                and max(p[0] for p in v["pts"]) - min(p[0] for p in v["pts"]) > 2 * zijde]
    assert all(binnen(lid[i]["c"], omtrek) for i in ("m1", "m3", "m4", "m5"))
    for i in ("m2", "m6", "m7"):  # no part of another member's symbol inside the outline
        x0, y0, x1, y1 = lid[i]["bbox"]
        assert not any(binnen(p, omtrek) for p in ((x0, y0), (x1, y0), (x0, y1), (x1, y1), lid[i]["c"])), i
    rood = [v for v in vormen if v["stroke"] == "#cc0000" and not v["dicht"]
            and all(min(math.dist(p, lid[n]["c"]) for p in v["pts"]) < 1.2 * zijde for n in ("m1", "m3"))]
    assert len(rood) == 1
    for i in ("m2", "m4", "m5", "m6", "m7"):  # a third member: the line never runs along its symbol
        afstand = min(math.dist(p, lid[i]["c"]) for p in rood[0]["pts"])
        assert afstand > 1.5 * zijde, (i, afstand / zijde)
    # a direct route: not much longer than the way from the son up to his mother
    lengte = sum(math.dist(a, b) for a, b in zip(rood[0]["pts"], rood[0]["pts"][1:], strict=False))
    assert lengte < 3 * math.dist(lid["m1"]["c"], lid["m3"]["c"]), lengte
