"""Drawing the genogram with matplotlib (Agg; imported inside ``teken`` only: ``ketencli --help`` stays
light) as SVG (real ``<text>`` elements) and PNG.

One pen (``_Pen``) draws every symbol, line and mark; the legend draws its samples with the same pen
calls as the members and relations, only smaller, so the legend shows each symbol exactly as it is
drawn (issue 16: "a legend on the image explains every symbol used").
"""

from __future__ import annotations

import math
import textwrap
import unicodedata
from collections.abc import Callable
from datetime import date
from typing import TYPE_CHECKING

from ketencli.fouten import KetencliFout
from ketencli.genogram.opmaak import HALF, LABEL_BOVEN, LABEL_BREEDTE, LABEL_ONDER, RAND, RIJ, Opmaak, opmaak

if TYPE_CHECKING:
    from ketencli import model

SCHAAL = 0.42  # inches per layout unit
PT = SCHAAL * 72  # points per layout unit
ZWART, ROOD, GRIJS = "#000000", "#cc0000", "#555555"
LIJN = 1.4
NAAM_PT, LEEFTIJD_PT, MERK_PT = 7.5, 7.0, 6.5
LEGENDE_SCHAAL = 0.45
KOLOM = 10.0  # the width of a legend column


def initialen_van(naam: str) -> str:
    """'Tom-Maximiliaan Van den Bossche' -> 'T.M.V.d.B.' (D32: no name where it must not be projected)."""
    import re

    delen = [d for d in re.split(r"[\s\-]+", naam.strip()) if d and unicodedata.category(d[0]).startswith("L")]
    return "".join(d[0] + "." for d in delen)  # a part that starts with no letter (an emoji) gives none


def knip(tekst: str, past: Callable[[str], bool]) -> str:
    """``tekst`` as it is, or cut with an ellipsis so that ``past`` holds; never between a letter and
    its combining mark or inside an emoji sequence (issue 16, hostile names)."""
    tekst = " ".join(tekst.split())
    if past(tekst):
        return tekst
    for n in range(min(len(tekst) - 1, 80), 0, -1):
        volgend, vorig = tekst[n], tekst[n - 1]
        if unicodedata.combining(volgend) or volgend in "\u200d\ufe0f\ufe0e" or vorig == "\u200d" \
                or unicodedata.category(volgend) == "Sk" or 0x1F3FB <= ord(volgend) <= 0x1F3FF:
            continue
        kandidaat = tekst[:n].rstrip(" -,.") + "…"
        if past(kandidaat):
            return kandidaat
    return "…"


class _Pen:
    """The drawing primitives, in layout units; ``schaal`` shrinks a sample for the legend."""

    def __init__(self, ax):
        self.ax = ax

    def lijn(self, punten, kleur=ZWART, breedte=LIJN, **stijl) -> None:
        self.ax.plot([p[0] for p in punten], [p[1] for p in punten], color=kleur, linewidth=breedte,
                     solid_capstyle="butt", zorder=stijl.pop("zorder", 2), **stijl)

    def vorm(self, vorm: str, cx: float, cy: float, r: float, **stijl) -> None:
        from matplotlib.patches import Circle, Polygon, Rectangle

        stijl = {"facecolor": "white", "edgecolor": ZWART, "linewidth": LIJN, "zorder": 3, **stijl}
        if vorm == "vierkant":
            self.ax.add_patch(Rectangle((cx - r, cy - r), 2 * r, 2 * r, **stijl))
        elif vorm == "cirkel":
            self.ax.add_patch(Circle((cx, cy), r, **stijl))
        else:
            self.ax.add_patch(Polygon([(cx, cy + r), (cx + r, cy), (cx, cy - r), (cx - r, cy)], closed=True, **stijl))

    def persoon(self, cx: float, cy: float, *, vorm: str, index: bool = False, overleden: bool = False,
                detentie: bool = False, gestreept: bool = False, twaalf: bool = False, schaal: float = 1.0) -> None:
        """A member's symbol with its marks: double outline (client), cross (deceased), bars (detention),
        dashed (tijdelijk niet betrokken), '12+'."""
        stijl = {"linestyle": (0, (4, 3))} if gestreept else {}
        self.vorm(vorm, cx, cy, HALF * schaal, **stijl)
        if index:
            self.vorm(vorm, cx, cy, RAND * schaal, facecolor="none", linewidth=1.0, **stijl)
        if overleden:
            d = RAND * schaal
            for sx in (-1, 1):
                self.lijn([(cx - d * sx, cy - d), (cx + d * sx, cy + d)], zorder=4)
        if detentie:
            for dx in (-0.2, 0.0, 0.2):
                self.lijn([(cx + dx * schaal, cy - 0.3 * schaal), (cx + dx * schaal, cy + 0.3 * schaal)],
                          breedte=1.0, zorder=4)
        if twaalf:
            self.ax.text(cx + (RAND + 0.06) * schaal, cy + HALF * schaal, "12+", fontsize=MERK_PT * max(schaal, 0.8),
                         ha="left", va="bottom", zorder=5, fontweight="bold")

    def koppel(self, x0: float, x1: float, y: float, soort: str, vorm: str | None, schaal: float = 1.0) -> None:
        """A partner line: solid (gehuwd or not recorded), dashed (samenwonend); ended: one slash (uit
        elkaar, also when not recorded how), two slashes (gescheiden) (McGoldrick-Gerson)."""
        stijl = {"linestyle": (0, (5, 3))} if vorm == "samenwonend" else {}
        self.lijn([(x0, y), (x1, y)], **stijl)
        if soort == "ex-partner":
            mx = (x0 + x1) / 2 + (0.45 if x1 - x0 > 1.5 else 0.0) * schaal
            for d in ((-0.12, 0.12) if vorm == "gescheiden" else (0.0,)):
                self.lijn([(mx + (d - 0.15) * schaal, y - 0.3 * schaal), (mx + (d + 0.15) * schaal, y + 0.3 * schaal)])

    def kindlijn(self, segmenten) -> None:
        for a, b in segmenten:
            self.lijn([a, b])

    def geweld(self, route, *, gericht: bool, wederzijds: bool, schaal: float = 1.0) -> None:
        """A red zigzag along ``route``, with an arrowhead at the end (and at the start when mutual)."""
        route = list(route)
        pijl = 0.32 * max(schaal, 0.6)
        punten_pijl = []
        for eind in ([len(route) - 1, 0] if wederzijds else [len(route) - 1]) if gericht else []:
            e, v = route[eind], route[eind - 1 if eind else 1]
            ux, uy = _eenheid(v, e)
            route[eind] = (e[0] - ux * pijl, e[1] - uy * pijl)
            punten_pijl.append((e, ux, uy))
        punten: list[tuple[float, float]] = []
        for a, b in zip(route, route[1:], strict=False):
            deel = _zigzag(a, b, 0.16 * schaal, 0.25 * schaal)
            punten.extend(deel if not punten else deel[1:])
        self.lijn(punten, kleur=ROOD, breedte=1.6, zorder=6)
        from matplotlib.patches import Polygon

        for (ex, ey), ux, uy in punten_pijl:
            bx, by = ex - ux * pijl, ey - uy * pijl
            h = 0.14 * max(schaal, 0.6)
            self.ax.add_patch(Polygon([(ex, ey), (bx - uy * h, by + ux * h), (bx + uy * h, by - ux * h)], closed=True,
                                      facecolor=ROOD, edgecolor=ROOD, linewidth=0.5, zorder=6))

    def huishouden(self, lussen, straal: float = 0.35) -> None:
        """A household's dotted outline, its corners rounded (issue 16: a simple shape)."""
        from matplotlib.patches import PathPatch
        from matplotlib.path import Path

        punten, codes = [], []
        for lus in lussen:
            n = len(lus)
            for k in range(n):
                vorig, hoek, volgend = lus[k - 1], lus[k], lus[(k + 1) % n]
                r = min(straal, 0.4 * math.dist(vorig, hoek), 0.4 * math.dist(hoek, volgend))
                (ix, iy), (ux, uy) = _eenheid(hoek, vorig), _eenheid(hoek, volgend)
                punten += [(hoek[0] + ix * r, hoek[1] + iy * r), hoek, (hoek[0] + ux * r, hoek[1] + uy * r)]
                codes += [Path.MOVETO if k == 0 else Path.LINETO, Path.CURVE3, Path.CURVE3]
            punten.append(punten[-3 * n])
            codes.append(Path.CLOSEPOLY)
        self.ax.add_patch(PathPatch(Path(punten, codes), facecolor="none", edgecolor=GRIJS, linewidth=1.0,
                                    linestyle=":", zorder=1))


def _eenheid(a, b) -> tuple[float, float]:
    lengte = math.dist(a, b) or 1.0
    return (b[0] - a[0]) / lengte, (b[1] - a[1]) / lengte


def _zigzag(a, b, uitslag: float, stap: float) -> list[tuple[float, float]]:
    """A zigzag from a to b (straight at both ends, so corners meet)."""
    lengte = math.dist(a, b)
    ux, uy = _eenheid(a, b)
    stappen = int(lengte / stap)
    if stappen < 3:
        return [a, b]
    uit = [a]
    for k in range(1, stappen):
        t = k / stappen
        zij = uitslag if k % 2 else -uitslag
        uit.append((a[0] + (b[0] - a[0]) * t - uy * zij, a[1] + (b[1] - a[1]) * t + ux * zij))
    return [*uit, b]


def naam_regels(naam: str, past: Callable[[str], bool]) -> list[str]:
    """A name on one line, or on two split at a space; what does not fit is cut with an ellipsis."""
    naam = " ".join(naam.split())
    if past(naam):
        return [naam]
    woorden = naam.split(" ")
    for n in range(len(woorden) - 1, 0, -1):
        eerste = " ".join(woorden[:n])
        if past(eerste):
            return [eerste, knip(" ".join(woorden[n:]), past)]
    return [knip(naam, past)]


def _labels(lid: model.Gezinslid, vandaag: date, initialen: bool, past) -> tuple[list[str], list[str]]:
    """(the name's lines, the line of birth year and age)."""
    naam = naam_regels(initialen_van(lid.naam) if initialen else lid.naam, past)
    regels: list[str] = []
    dood = lid.overlijdensdatum
    jaar_dood = lid.overleden if isinstance(lid.overleden, int) else (dood.year if dood else None)
    leeftijd = lid.leeftijd(vandaag)
    geboren = lid.geboortedatum
    if geboren is not None:
        regels.append(f"{geboren.year}–{jaar_dood} ({leeftijd} j)" if jaar_dood else f"° {geboren.year} · {leeftijd} j")
    elif leeftijd is not None:  # a pseudonymised copy keeps the age only
        regels.append(f"{leeftijd} j")
    elif jaar_dood:
        regels.append(f"† {jaar_dood}")
    return naam, regels


def gemeld_geweld(dossier: model.Dossier) -> list[tuple[str, str]]:
    """(door, tegen) pairs the dossier records in its tijdlijn (who against whom)."""
    return [(d, t) for item in dossier.tijdlijn for d in item.door for t in item.tegen]


def teken(dossier: model.Dossier, vandaag: date, *, initialen: bool = False) -> tuple[bytes, bytes]:
    """The genogram as (svg, png) bytes. Raises ``KetencliFout`` when the dossier has no members."""
    import io
    import logging
    import warnings

    import matplotlib

    matplotlib.use("Agg", force=False)
    from matplotlib.figure import Figure
    from matplotlib.font_manager import FontProperties
    from matplotlib.textpath import TextToPath

    leden = list(dossier.gezinsleden)
    if not leden:
        raise KetencliFout(f"Dossier {dossier.id} heeft nog geen gezinsleden: er is geen genogram te tekenen.",
                           tip=f"Voeg ze toe met `ketencli dossier lid add {dossier.id}`.")
    logging.getLogger("matplotlib").setLevel(logging.ERROR)
    meter, vet = TextToPath(), FontProperties(size=NAAM_PT, weight="bold")
    gewoon = FontProperties(size=LEEFTIJD_PT)

    def breedte(tekst: str, font=vet) -> float:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            return meter.get_text_width_height_descent(tekst, font, ismath=False)[0]

    def past(tekst: str) -> bool:
        return breedte(tekst) <= LABEL_BREEDTE * PT

    labels = {lid.id: _labels(lid, vandaag, initialen, past) for lid in leden}
    # each label's width as drawn, so violence lines keep clear of the text itself (``opmaak``)
    breedtes = {i: max([breedte(r) for r in naam] + [breedte(r, gewoon) for r in regels], default=0.0) / PT
                for i, (naam, regels) in labels.items()}
    o = opmaak(leden, gemeld_geweld(dossier), breedtes)

    fig = Figure(figsize=(1, 1))
    ax = fig.add_axes((0, 0, 1, 1))
    ax.set_axis_off()
    pen = _Pen(ax)
    gebruikt: dict[str, bool] = {}

    for _label, lussen in sorted(o.huishoudens.items()):
        pen.huishouden(lussen)
        gebruikt["huishouden"] = True
    for a, b, soort, vorm in o.koppels:
        (xa, ya), (xb, yb) = o.pos(a), o.pos(b)
        if ya == yb:
            pen.koppel(xa + HALF, xb - HALF, ya, soort, vorm)
            gebruikt[_koppel_sleutel(soort, vorm)] = True
    for segmenten in o.kindlijnen:
        pen.kindlijn(segmenten)
        gebruikt["kind"] = True
    voluit = []
    for lid in leden:
        cx, cy = o.pos(lid.id)
        vorm = {"man": "vierkant", "vrouw": "cirkel"}.get(lid.geslacht, "ruit")
        kenmerken = {"index": bool({"pleger", "slachtoffer"} & set(lid.rollen)), "overleden": lid.overleden is not None,
                     "detentie": lid.detentie is not None, "gestreept": lid.tijdelijk_niet_betrokken is not None,
                     "twaalf": lid.is_kind_ouder_dan_12(vandaag)}
        pen.persoon(cx, cy, vorm=vorm, **kenmerken)
        gebruikt[vorm] = True
        gebruikt.update({k: True for k, v in kenmerken.items() if v})
        naam, regels = labels[lid.id]
        if " ".join(naam) != " ".join(lid.naam.split()) and not initialen:
            voluit.append((" ".join(naam), lid.naam))
        for n, regel in enumerate(naam):
            ax.text(cx, cy - LABEL_BOVEN - 0.36 * n, regel, fontsize=NAAM_PT, ha="center", va="top", zorder=5,
                    fontweight="bold")
        for n, regel in enumerate(regels):
            ax.text(cx, cy - LABEL_BOVEN - 0.36 * (len(naam) - 1) - 0.42 * (n + 1), regel, fontsize=LEEFTIJD_PT,
                    ha="center", va="top", zorder=5)
    for g in o.geweld:
        pen.geweld(g.route, gericht=g.gericht, wederzijds=g.wederzijds)
        gebruikt["geweld-beide" if g.wederzijds else "geweld" if g.gericht else "geweld-ongericht"] = True

    # the legend right of a narrow drawing, under a wide one (in columns: the picture stays near the
    # page's shape, so its text stays as large as it can in a document)
    breedte = max(o.x.values())
    links = -LABEL_BREEDTE / 2 - 1.0
    onder = -max(o.generatie.values()) * RIJ - LABEL_ONDER - 0.7
    rechts = breedte + LABEL_BREEDTE / 2 + 1.0
    if rechts - links < 1.2 * KOLOM:
        lx = breedte + LABEL_BREEDTE / 2 + 1.6
        onder = min(onder, _legende(pen, gebruikt, lx, 1.6, voluit) - 0.3)
        rechts = lx + KOLOM + 0.5
    else:  # far enough under the lowest labels not to be read as a member's
        kolommen = max(2, int((rechts - links) // KOLOM))
        onder = _legende(pen, gebruikt, links + 0.3, onder - 0.9, voluit, kolommen) - 0.3
        rechts = max(rechts, links + 0.3 + kolommen * KOLOM)
    boven = 2.6
    ax.set_xlim(links, rechts)
    ax.set_ylim(onder, boven)
    fig.set_size_inches((rechts - links) * SCHAAL, (boven - onder) * SCHAAL)

    svg, png = io.BytesIO(), io.BytesIO()
    with warnings.catch_warnings(), matplotlib.rc_context({"svg.fonttype": "none", "svg.hashsalt": "ketencli"}):
        warnings.simplefilter("ignore")  # a glyph missing from the font (emoji) is not the user's business
        fig.savefig(svg, format="svg", metadata={"Date": None})
        fig.savefig(png, format="png", dpi=150, metadata={"Software": None})
    return svg.getvalue(), png.getvalue()


def _koppel_sleutel(soort: str, vorm: str | None) -> str:
    if soort == "ex-partner":
        return "gescheiden" if vorm == "gescheiden" else "uit-elkaar" if vorm == "uit-elkaar" else "ex"
    return vorm or "partner"


def _legende(pen: _Pen, gebruikt: dict[str, bool], lx: float, top: float, voluit: list[tuple[str, str]],
             kolommen: int = 1) -> float:
    """The legend from (lx, top) in ``kolommen`` columns: every symbol used, drawn with the members' own pen
    calls; then the full names of the cut ones. Returns the y under the lowest line."""
    s = LEGENDE_SCHAAL

    def persoon(vorm="vierkant", **k):
        return lambda x, y: pen.persoon(x, y, vorm=vorm, schaal=s, **k)

    def koppel(soort, vorm):
        return lambda x, y: pen.koppel(x - 0.5, x + 0.5, y, soort, vorm, schaal=s)

    def geweld(gericht, wederzijds):
        return lambda x, y: pen.geweld([(x - 0.55, y), (x + 0.55, y)], gericht=gericht, wederzijds=wederzijds, schaal=s)

    streep = "gehuwd, of partners (vorm niet genoteerd)" if gebruikt.get("gehuwd") and gebruikt.get("partner") \
        else "gehuwd" if gebruikt.get("gehuwd") else "partners"
    schuin = "uit elkaar (of gescheiden: niet genoteerd)" if gebruikt.get("ex") else "uit elkaar (feitelijk gescheiden)"
    items = [
        ("vierkant", "man", persoon("vierkant")), ("cirkel", "vrouw", persoon("cirkel")),
        ("ruit", "x of geslacht onbekend", persoon("ruit")),
        ("index", "dubbele rand: cliënt (pleger of slachtoffer)", persoon(index=True)),
        ("partner|gehuwd", streep, koppel("partner", "gehuwd")),
        ("samenwonend", "samenwonend (niet gehuwd)", koppel("partner", "samenwonend")),
        ("uit-elkaar|ex", schuin, koppel("ex-partner", "uit-elkaar")),
        ("gescheiden", "gescheiden (echtscheiding)", koppel("ex-partner", "gescheiden")),
        ("kind", "kinderen hangen aan de lijn van hun ouders",
         lambda x, y: pen.kindlijn([((x, y + 0.3), (x, y)), ((x - 0.4, y), (x + 0.4, y)),
                                    ((x - 0.4, y), (x - 0.4, y - 0.3)), ((x + 0.4, y), (x + 0.4, y - 0.3))])),
        ("overleden", "overleden (kruis)", persoon(overleden=True)),
        ("geweld", "geweld: rode zigzag, pijl van pleger naar slachtoffer", geweld(True, False)),
        ("geweld-beide", "geweld in beide richtingen", geweld(True, True)),
        ("geweld-ongericht", "geweld, richting niet genoteerd", geweld(False, False)),
        ("detentie", "in detentie (tralies)", persoon(detentie=True)),
        ("gestreept", "tijdelijk niet betrokken (streepjeslijn)", persoon(gestreept=True)),
        ("twaalf", "12+: kind van 12 jaar of ouder", persoon("cirkel", twaalf=True)),
        ("huishouden", "woont samen (stippellijn rond het huishouden)",
         lambda x, y: pen.huishouden([[(x - 0.5, y - 0.25), (x + 0.5, y - 0.25), (x + 0.5, y + 0.25),
                                       (x - 0.5, y + 0.25)]])),
    ]
    # the blocks, each (height, draw at (x, y)); then laid out in columns of KOLOM units
    blokken: list[tuple[float, Callable[[float, float], None]]] = []
    for sleutels, uitleg, teken_voorbeeld in items:
        if any(gebruikt.get(k) for k in sleutels.split("|")):
            def blok(x, y, teken_voorbeeld=teken_voorbeeld, uitleg=uitleg):
                teken_voorbeeld(x + 0.55, y)
                pen.ax.text(x + 1.45, y, uitleg, fontsize=7.5, ha="left", va="center")
            blokken.append((0.75, blok))
    if voluit:
        blokken.append((0.8, lambda x, y: pen.ax.text(x, y - 0.1, "Namen voluit", fontsize=8, fontweight="bold",
                                                       ha="left", va="center")))
        for kort, lang in voluit:
            regels = textwrap.wrap(f"{kort} = {' '.join(lang.split())}", 48, max_lines=4, placeholder=" …")
            for n, regel in enumerate(regels):
                blokken.append((0.42 + (0.15 if n == len(regels) - 1 else 0.0),
                                lambda x, y, regel=regel: pen.ax.text(x, y, regel, fontsize=7, ha="left", va="center")))
    pen.ax.text(lx, top, "Legende", fontsize=9, fontweight="bold", ha="left", va="center")
    doel = sum(h for h, _ in blokken) / kolommen
    x, y, laagste, gebruikt_hoogte = lx, top - 0.85, top, 0.0
    for hoogte, blok in blokken:
        if gebruikt_hoogte >= doel - 1e-9 and x < lx + (kolommen - 1) * KOLOM - 1e-9:
            x, y, gebruikt_hoogte = x + KOLOM, top - 0.85, 0.0
        blok(x, y)
        y -= hoogte
        gebruikt_hoogte += hoogte
        laagste = min(laagste, y)
    y = laagste
    return y


__all__ = ["Opmaak", "initialen_van", "teken"]
