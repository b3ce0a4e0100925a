"""Reading a genogram SVG back as geometry (issue 16): shapes, texts with their boxes (measured with the
font the picture names), segments, crossings. Coordinates are the SVG's (points, y down)."""

from __future__ import annotations

import math
import re
import xml.etree.ElementTree as ET

GETAL = r"[-+]?(?:\d+\.?\d*|\.\d+)(?:[eE][-+]?\d+)?"


def _stijl(el) -> dict[str, str]:
    return dict(tuple(x.strip() for x in deel.split(":", 1)) for deel in (el.get("style") or "").split(";")
                if ":" in deel)


def paden(d: str) -> list[list[tuple[float, float]]]:
    """The subpaths of an SVG path as point lists (a curve by its control points, a closed one repeats
    its start)."""
    uit: list[list[tuple[float, float]]] = []
    for cmd, args in re.findall(r"([MLCZz])([^MLCZz]*)", d):
        getallen = [float(g) for g in re.findall(GETAL, args)]
        punten = list(zip(getallen[0::2], getallen[1::2], strict=False))
        if cmd == "M":
            uit.append(punten[:1])
            uit[-1] += punten[1:]
        elif cmd in "LC":
            uit[-1] += punten
        elif uit and uit[-1]:
            uit[-1].append(uit[-1][0])
    return uit


def lees(pad):
    """(shapes, texts): shapes with points, subpaths, closed, curved, stroke, fill, dashed; texts with
    x, y (baseline), text, size, bold, anchor."""
    vormen, teksten = [], []
    for el in ET.parse(pad).getroot().iter():
        tag = el.tag.rsplit("}", 1)[-1]
        stijl = _stijl(el)
        if tag == "path" and el.get("d"):
            d = el.get("d")
            delen = paden(d)
            vormen.append({"pts": [p for deel in delen for p in deel], "delen": delen,
                           "dicht": d.strip().endswith("z"), "krom": "C" in d,
                           "stroke": stijl.get("stroke", "none"), "fill": stijl.get("fill", ""),
                           "gestreept": "stroke-dasharray" in stijl})
        elif tag == "text":
            assert not re.search(r"scale|matrix", el.get("transform") or "")
            grootte = float(re.match(GETAL, stijl.get("font-size", "10")).group(0))
            teksten.append({"tekst": "".join(el.itertext()), "x": float(el.get("x")), "y": float(el.get("y")),
                            "grootte": grootte, "vet": stijl.get("font-weight") in ("700", "bold"),
                            "anker": stijl.get("text-anchor", "start")})
    return vormen, teksten


def tekst_doos(t) -> tuple[float, float, float, float]:
    """The box of a text (x0, y0, x1, y1), measured with DejaVu Sans as the SVG asks."""
    import warnings

    from matplotlib.font_manager import FontProperties
    from matplotlib.textpath import TextToPath

    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        b, h, onder = TextToPath().get_text_width_height_descent(
            t["tekst"], FontProperties(size=t["grootte"], weight="bold" if t["vet"] else "normal"), ismath=False)
    x0 = t["x"] - {"start": 0.0, "middle": b / 2, "end": b}[t["anker"]]
    return x0, t["y"] - (h - onder), x0 + b, t["y"] + onder


def segmenten(vorm) -> list[tuple[tuple[float, float], tuple[float, float]]]:
    return [(a, b) for deel in vorm["delen"] for a, b in zip(deel, deel[1:], strict=False) if a != b]


def raakt(seg, doos, marge: float = 0.5) -> bool:
    """Whether a segment enters the box shrunk by ``marge`` (Liang-Barsky)."""
    (xa, ya), (xb, yb) = seg
    x0, y0, x1, y1 = doos[0] + marge, doos[1] + marge, doos[2] - marge, doos[3] - marge
    t0, t1, dx, dy = 0.0, 1.0, xb - xa, yb - ya
    for p, q in ((-dx, xa - x0), (dx, x1 - xa), (-dy, ya - y0), (dy, y1 - ya)):
        if abs(p) < 1e-12:
            if q <= 0:
                return False
        else:
            t = q / p
            t0, t1 = (max(t0, t), t1) if p < 0 else (t0, min(t1, t))
    return t1 - t0 > 1e-9


def kruisen(s, t) -> bool:
    """Two segments cross in their interiors (a T-junction or a shared end is no crossing)."""
    (a, b), (c, d) = s, t

    def kant(o, u, v):
        return (u[0] - o[0]) * (v[1] - o[1]) - (u[1] - o[1]) * (v[0] - o[0])

    d1, d2, d3, d4 = kant(c, d, a), kant(c, d, b), kant(a, b, c), kant(a, b, d)
    eps = 1e-6 * (1 + math.dist(a, b) * math.dist(c, d))
    return d1 * d2 < -eps and d3 * d4 < -eps


def symbolen(vormen):
    """The person symbols: white, outlined, closed, as wide as high, of the largest such size (legend ones are
    smaller)."""
    kandidaten = []
    for v in vormen:
        if not v["dicht"] or v["fill"] != "#ffffff" or v["stroke"] in ("none", ""):  # not the background
            continue
        xs, ys = [p[0] for p in v["pts"]], [p[1] for p in v["pts"]]
        b, h = max(xs) - min(xs), max(ys) - min(ys)
        if b > 0 and abs(b - h) < 0.05 * b:
            vorm = "cirkel" if v["krom"] else ("vierkant" if len(set(round(x, 1) for x in xs)) == 2 else "ruit")
            kandidaten.append({"vorm": vorm, "c": ((max(xs) + min(xs)) / 2, (max(ys) + min(ys)) / 2), "s": b,
                               "bbox": (min(xs), min(ys), max(xs), max(ys)), "gestreept": v["gestreept"]})
    grootste = max(k["s"] for k in kandidaten)
    return [k for k in kandidaten if k["s"] > 0.8 * grootste]


def relatielijnen(vormen, syms):
    """The black partner and child lines: axis-parallel segments of open black paths, outside the
    symbols (the cross of the deceased and the bars of detention are inside; slashes are slanted)."""
    uit = []
    for v in vormen:
        if v["stroke"] != "#000000" or v["dicht"]:
            continue
        for a, b in segmenten(v):
            if abs(a[0] - b[0]) > 1e-6 and abs(a[1] - b[1]) > 1e-6:
                continue
            midden = ((a[0] + b[0]) / 2, (a[1] + b[1]) / 2)
            if any(s["bbox"][0] <= midden[0] <= s["bbox"][2] and s["bbox"][1] <= midden[1] <= s["bbox"][3]
                   for s in syms):
                continue
            uit.append((a, b))
    return uit


def overlappen(a, b) -> bool:
    return min(a[2], b[2]) > max(a[0], b[0]) and min(a[3], b[3]) > max(a[1], b[1])
