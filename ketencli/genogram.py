"""The genogram of a dossier (issue 16): who the clients are and how they relate, projected at the
weegploeg in stap 1 (guide L1722-1726, L1806), drawn in McGoldrick-Gerson notation.

Two halves:

* ``opmaak(leden)`` is the pure layout: a generation (row) and an x position per member, from the
  structured relations (D5). No matplotlib, no I/O; tests call it directly.
* ``teken(dossier, ...)`` draws with matplotlib (imported inside the function: ``ketencli --help``
  stays light) on the Agg backend and returns SVG (real ``<text>`` elements) and PNG bytes;
  ``schrijf(...)`` writes ``documenten/<datum>_genogram.svg`` and ``.png`` (no names in file names).

Notation: square man, circle vrouw, diamond x or onbekend (never guessed from a name); partners on
one row joined by a line (ex-partners: two slashes), children hanging from their parents' line,
siblings oldest-left; age and birth year under the symbol (from the one clock); deceased crossed;
the clients (pleger, slachtoffer) with a double outline; pleger -> slachtoffer as a red zigzag with
an arrow; children of 12 and older marked (D16); members in
detention with bars; ``tijdelijk_niet_betrokken`` dashed; a household (``huishouden``) circled by
a dotted line; a Dutch legend of every symbol used. ``initialen=True`` shows initials and ages
only (D32).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING

from ketencli.fouten import GebruiksFout, KetencliFout

if TYPE_CHECKING:
    from ketencli import model

# layout units: a symbol is 1 wide; members 3.2 apart on a row, rows 4 apart
STAP = 3.2
RIJ = 4.0
MAX_NAAM = 19  # characters of a name under a symbol; longer is cut with an ellipsis


@dataclass
class Opmaak:
    """The layout: per member id its generation (0 = top row) and x; plus the lines to draw."""

    generatie: dict[str, int] = field(default_factory=dict)
    x: dict[str, float] = field(default_factory=dict)
    koppels: list[tuple[str, str, str]] = field(default_factory=list)  # (a, b, partner|ex-partner)
    ouders: dict[str, tuple[str, ...]] = field(default_factory=dict)  # child -> its parents in the dossier
    geweld: list[tuple[str, str]] = field(default_factory=list)  # (pleger, slachtoffer)


def _relaties(leden: Sequence[model.Gezinslid]):
    ids = {lid.id for lid in leden}
    ouders: dict[str, set[str]] = {i: set() for i in ids}
    koppels: dict[frozenset[str], str] = {}
    broers: set[frozenset[str]] = set()
    grootouders: set[tuple[str, str]] = set()
    for lid in leden:
        for r in lid.relaties:
            if r.met not in ids or r.met == lid.id:
                continue
            if r.soort == "ouder-van":
                ouders[r.met].add(lid.id)
            elif r.soort == "kind-van":
                ouders[lid.id].add(r.met)
            elif r.soort in ("partner", "ex-partner"):
                paar = frozenset((lid.id, r.met))
                # one side saying ex-partner wins: the relation ended
                koppels[paar] = "ex-partner" if "ex-partner" in (r.soort, koppels.get(paar)) else r.soort
            elif r.soort == "broer-zus":
                broers.add(frozenset((lid.id, r.met)))
            elif r.soort == "grootouder-van":
                grootouders.add((lid.id, r.met))
            elif r.soort == "kleinkind-van":
                grootouders.add((r.met, lid.id))
    return ouders, koppels, broers, grootouders


def _generaties(leden: Sequence[model.Gezinslid], ouders, koppels, broers, grootouders) -> dict[str, int]:
    """Rows from the relations: a parent one row above its child, a grandparent two, partners and
    siblings on one row. Contradictions keep the first placement (breadth-first from the first member)."""
    buren: dict[str, list[tuple[str, int]]] = {lid.id: [] for lid in leden}
    for kind, ps in ouders.items():
        for o in ps:
            buren[o].append((kind, 1))
            buren[kind].append((o, -1))
    for paar in [*koppels, *broers]:
        a, b = sorted(paar)
        buren[a].append((b, 0))
        buren[b].append((a, 0))
    for g, k in grootouders:
        buren[g].append((k, 2))
        buren[k].append((g, -2))
    gen: dict[str, int] = {}
    groepen: list[list[str]] = []
    for lid in leden:
        if lid.id in gen:
            continue
        gen[lid.id] = 0
        groep, rij = [lid.id], [lid.id]
        while rij:
            nu = rij.pop(0)
            for ander, verschil in buren[nu]:
                if ander not in gen:
                    gen[ander] = gen[nu] + verschil
                    groep.append(ander)
                    rij.append(ander)
        laagste = min(gen[i] for i in groep)
        for i in groep:
            gen[i] -= laagste
        groepen.append(groep)
    diepte = max(gen.values(), default=0)
    rollen = {lid.id: lid.rollen for lid in leden}
    for groep in groepen:  # a lone child without known parents goes on the children's row
        if len(groep) == 1 and "kind" in rollen[groep[0]]:
            gen[groep[0]] = diepte
    return gen


def _keten(groep: list[str], koppels, geboren) -> list[str]:
    """Partners side by side: a chain (ex - lid - partner - ex) walked from one end; a member with
    three or more partners in the middle, the partners alternating left and right."""
    if len(groep) == 1:
        return groep
    graad = {i: sum(1 for p in koppels if i in p and set(p) <= set(groep)) for i in groep}
    if max(graad.values()) <= 2 and any(g == 1 for g in graad.values()):
        start = min((i for i in groep if graad[i] == 1), key=lambda i: (geboren(i), i))
        orde, vorige = [start], None
        while len(orde) < len(groep):
            nu = orde[-1]
            volgende = [b for p in koppels if nu in p for b in p if b != nu and b != vorige and b in groep
                        and b not in orde]
            if not volgende:
                break
            vorige = nu
            orde.append(sorted(volgende)[0])
        if len(orde) == len(groep):
            return orde
    midden = max(groep, key=lambda i: (graad[i], -groep.index(i)))
    rest = sorted((i for i in groep if i != midden), key=lambda i: (geboren(i), i))
    links, rechts = rest[1::2][::-1], rest[0::2]
    return [*links, midden, *rechts]


def opmaak(leden: Sequence[model.Gezinslid]) -> Opmaak:
    """The layout of the genogram (pure: members in, positions out).

    Rows: generations from ``ouder-van``/``kind-van``/``grootouder-van`` (and partners, siblings on
    one row). Within a row, partner groups are chains; groups are ordered under their parents
    (the middle of the parents' x), full siblings oldest-left (issue 16 §2, §5). Then parents are
    centred over their children. Returns an ``Opmaak``; never raises for odd relations (a
    contradiction keeps the first placement).
    """
    ouders, koppels, broers, grootouders = _relaties(leden)
    gen = _generaties(leden, ouders, koppels, broers, grootouders)
    per_id = {lid.id: lid for lid in leden}
    volgorde = {lid.id: n for n, lid in enumerate(leden)}

    def geboren(i: str) -> tuple[date, int]:
        return (per_id[i].geboortedatum or date.max, volgorde[i])

    rijen: dict[int, list[list[str]]] = {}
    for g in sorted(set(gen.values())):
        leden_rij = [lid.id for lid in leden if gen[lid.id] == g]
        gezien: set[str] = set()
        groepen = []
        for i in leden_rij:
            if i in gezien:
                continue
            groep, rij = [i], [i]
            gezien.add(i)
            while rij:
                nu = rij.pop()
                for p in koppels:
                    if nu in p:
                        for b in p:
                            if b not in gezien and gen.get(b) == g:
                                gezien.add(b)
                                groep.append(b)
                                rij.append(b)
            groepen.append(_keten(groep, koppels, geboren))
        rijen[g] = groepen

    x: dict[str, float] = {}
    kinderen: dict[str, list[str]] = {}
    for kind, ps in ouders.items():
        for o in ps:
            kinderen.setdefault(o, []).append(kind)

    def anker(groep: list[str]) -> float | None:
        punten = [sum(x[o] for o in ouders[i]) / len(ouders[i]) for i in groep
                  if ouders[i] and all(o in x for o in ouders[i])]
        return sum(punten) / len(punten) if punten else None

    def plaats(groepen: list[list[str]], gewenst: list[float | None]) -> None:
        """Left to right, each group centred on its wish unless that overlaps the previous one."""
        rand = None
        for groep, wens in zip(groepen, gewenst, strict=True):
            breedte = (len(groep) - 1) * STAP
            begin = (wens - breedte / 2) if wens is not None else (rand + STAP if rand is not None else 0.0)
            if rand is not None:
                begin = max(begin, rand + STAP)
            for n, i in enumerate(groep):
                x[i] = begin + n * STAP
            rand = begin + breedte

    def sorteer(groepen: list[list[str]], sleutel) -> list[list[str]]:
        def k(groep):
            a = sleutel(groep)
            bloed = min((geboren(i) for i in groep if ouders[i]), default=min(geboren(i) for i in groep))
            return (a is None, round(a, 3) if a is not None else 0.0, bloed)
        return sorted(groepen, key=k)

    def kinder_midden(groep: list[str]) -> float | None:
        xs = [x[k] for i in groep for k in kinderen.get(i, []) if k in x]
        return sum(xs) / len(xs) if xs else None

    generaties = sorted(rijen)
    for ronde in range(2):
        for g in generaties:
            if ronde == 1 and g == generaties[0]:
                # the top row: ordered by where its children stand (found in the first round)
                rijen[g] = sorteer(rijen[g], kinder_midden)
                plaats(rijen[g], [None] * len(rijen[g]))
                continue
            rijen[g] = sorteer(rijen[g], anker)
            plaats(rijen[g], [anker(groep) for groep in rijen[g]])
        for g in reversed(generaties[:-1]):  # parents over their children
            plaats(rijen[g], [kinder_midden(groep) if kinder_midden(groep) is not None else None
                              for groep in rijen[g]])
            # a row without children keeps its own order from the left
    if x:
        links = min(x.values())
        x = {i: v - links for i, v in x.items()}
    rollen = {lid.id: set(lid.rollen) for lid in leden}
    geweld = []
    paren = {frozenset((lid.id, r.met)) for lid in leden for r in lid.relaties if r.met in per_id and r.met != lid.id}
    for paar in sorted(paren, key=sorted):
        a, b = sorted(paar)
        for p, s in ((a, b), (b, a)):
            if "pleger" in rollen[p] and "slachtoffer" in rollen[s]:
                geweld.append((p, s))
    return Opmaak(
        generatie=gen, x=x,
        koppels=[(*sorted(p), soort) for p, soort in sorted(koppels.items(), key=lambda kv: sorted(kv[0]))],
        ouders={k: tuple(sorted(ps, key=lambda o: x.get(o, 0))) for k, ps in ouders.items() if ps},
        geweld=geweld,
    )


# -- drawing -----------------------------------------------------------------------------------


def initialen_van(naam: str) -> str:
    """'Tom-Maximiliaan Van den Bossche' -> 'T.M.V.d.B.' (D32: no name where it must not be projected)."""
    import re

    delen = [d for d in re.split(r"[\s\-]+", naam.strip()) if d]
    return "".join(d[0] + "." for d in delen)


def _kort(tekst: str, maximum: int = MAX_NAAM) -> str:
    return tekst if len(tekst) <= maximum else tekst[: maximum - 1].rstrip() + "…"


def _labels(lid: model.Gezinslid, vandaag: date, initialen: bool) -> list[str]:
    naam = initialen_van(lid.naam) if initialen else _kort(lid.naam)
    regels = [naam]
    dood = lid.overlijdensdatum
    jaar_dood = lid.overleden if isinstance(lid.overleden, int) else (dood.year if dood else None)
    leeftijd = lid.leeftijd(vandaag)
    if lid.geboortedatum is not None:
        if jaar_dood:
            regels.append(f"{lid.geboortedatum.year}–{jaar_dood} ({leeftijd} j)")
        else:
            regels.append(f"° {lid.geboortedatum.year} · {leeftijd} j")
    elif jaar_dood:
        regels.append(f"† {jaar_dood}")
    return regels


def _omhulsel(punten: list[tuple[float, float]]) -> list[tuple[float, float]]:
    """The convex hull (monotone chain), counter-clockwise: the outline of a household around its members'
    symbols and labels, without the members drawn between them in a straight box."""
    punten = sorted(set(punten))
    if len(punten) <= 2:
        return punten

    def kruis(o, a, b):
        return (a[0] - o[0]) * (b[1] - o[1]) - (a[1] - o[1]) * (b[0] - o[0])

    onder: list[tuple[float, float]] = []
    boven: list[tuple[float, float]] = []
    for p in punten:
        while len(onder) >= 2 and kruis(onder[-2], onder[-1], p) <= 0:
            onder.pop()
        onder.append(p)
    for p in reversed(punten):
        while len(boven) >= 2 and kruis(boven[-2], boven[-1], p) <= 0:
            boven.pop()
        boven.append(p)
    return onder[:-1] + boven[:-1]


def teken(dossier: model.Dossier, vandaag: date, *, initialen: bool = False) -> tuple[bytes, bytes]:
    """The genogram as (svg, png) bytes. Raises ``KetencliFout`` when the dossier has no members."""
    import io
    import logging
    import warnings

    import matplotlib

    matplotlib.use("Agg", force=False)
    from matplotlib.figure import Figure
    from matplotlib.patches import Circle, FancyBboxPatch, Polygon, Rectangle

    leden = list(dossier.gezinsleden)
    if not leden:
        raise KetencliFout(f"Dossier {dossier.id} heeft nog geen gezinsleden: er is geen genogram te tekenen.",
                           tip=f"Voeg ze toe met `ketencli dossier lid add {dossier.id}`.")
    o = opmaak(leden)

    def pos(i: str) -> tuple[float, float]:
        return o.x[i], -o.generatie[i] * RIJ

    breedte = max(o.x.values())
    diepte = max(o.generatie.values())
    legenda_x = breedte + 4.6
    gebruikt: dict[str, bool] = {}
    zwart, rood, grijs = "#000000", "#cc0000", "#555555"
    lijn = 1.4

    fig = Figure(figsize=(1, 1))
    ax = fig.add_axes((0, 0, 1, 1))
    ax.set_axis_off()

    def symbool(vorm: str, cx: float, cy: float, r: float, **stijl) -> None:
        stijl = {"facecolor": "white", "edgecolor": zwart, "linewidth": lijn, "zorder": 3, **stijl}
        if vorm == "vierkant":
            ax.add_patch(Rectangle((cx - r, cy - r), 2 * r, 2 * r, **stijl))
        elif vorm == "cirkel":
            ax.add_patch(Circle((cx, cy), r, **stijl))
        else:
            ax.add_patch(Polygon([(cx, cy + r), (cx + r, cy), (cx, cy - r), (cx - r, cy)], closed=True, **stijl))

    def vorm_van(lid: model.Gezinslid) -> str:
        return {"man": "vierkant", "vrouw": "cirkel"}.get(lid.geslacht, "ruit")

    def zigzag(a: tuple[float, float], b: tuple[float, float], verschuif: float,
               kort: bool = True) -> list[tuple[float, float]]:
        """A zigzag from a to b (from the symbols' edges when ``kort``), shifted sideways by ``verschuif``."""
        import math

        dx, dy = b[0] - a[0], b[1] - a[1]
        lengte = math.hypot(dx, dy) or 1.0
        ux, uy = dx / lengte, dy / lengte
        nx, ny = -uy, ux
        begin, eind = (0.6, 0.75) if kort else (0.0, 0.0)
        a = (a[0] + ux * begin + nx * verschuif, a[1] + uy * begin + ny * verschuif)
        b = (b[0] - ux * eind + nx * verschuif, b[1] - uy * eind + ny * verschuif)
        lengte = math.hypot(b[0] - a[0], b[1] - a[1])
        stappen = max(4, int(lengte / 0.25))
        punten = []
        for k in range(stappen + 1):
            t = k / stappen
            uit = 0.0 if k in (0, stappen) else (0.16 if k % 2 else -0.16)
            punten.append((a[0] + (b[0] - a[0]) * t + nx * uit, a[1] + (b[1] - a[1]) * t + ny * uit))
        return punten

    # households: a dotted outline around the members who live together (two or more)
    huishoudens: dict[str, list[str]] = {}
    for lid in leden:
        if lid.huishouden:
            huishoudens.setdefault(lid.huishouden, []).append(lid.id)
    for groep in huishoudens.values():
        if len(groep) < 2:
            continue
        hoeken = [(pos(i)[0] + dx, pos(i)[1] + dy) for i in groep for dx in (-1.4, 1.4) for dy in (0.85, -1.75)]
        ax.add_patch(Polygon(_omhulsel(hoeken), closed=True, facecolor="none", edgecolor=grijs, linewidth=1.0,
                             linestyle=":", zorder=1))
        gebruikt["huishouden"] = True

    # partners: a line between them at the symbols' middle; ex-partners with two slashes
    for a, b, soort in o.koppels:
        (xa, ya), (xb, yb) = sorted([pos(a), pos(b)])
        ax.plot([xa + 0.5, xb - 0.5], [ya, yb], color=zwart, linewidth=lijn, zorder=2, solid_capstyle="butt")
        gebruikt["partner" if soort == "partner" else "ex-partner"] = True
        if soort == "ex-partner":
            mx = xa + (xb - xa) * 0.3
            for d in (-0.12, 0.12):
                ax.plot([mx + d - 0.15, mx + d + 0.15], [ya - 0.3, ya + 0.3], color=zwart, linewidth=lijn, zorder=2)

    # children hang from their parents' line (or from a single parent's symbol)
    groepen: dict[tuple[str, ...], list[str]] = {}
    for kind, ps in o.ouders.items():
        groepen.setdefault(ps, []).append(kind)
    for n, (ps, kinderen) in enumerate(sorted(groepen.items(), key=lambda kv: sum(o.x[p] for p in kv[0]))):
        px = sum(pos(p)[0] for p in ps) / len(ps)
        py = max(pos(p)[1] for p in ps) if len(ps) == 2 and len({o.generatie[p] for p in ps}) == 1 else None
        if py is not None and frozenset(ps) in {frozenset((a, b)) for a, b, _ in o.koppels}:
            van_y = py
        else:
            px, van_y = pos(ps[0])[0], pos(ps[0])[1] - 0.5
        kind_y = max(pos(k)[1] for k in kinderen)
        bar_y = kind_y + 1.55 + 0.25 * (n % 3)
        xs = [pos(k)[0] for k in kinderen]
        ax.plot([px, px], [van_y, bar_y], color=zwart, linewidth=lijn, zorder=2)
        ax.plot([min([*xs, px]), max([*xs, px])], [bar_y, bar_y], color=zwart, linewidth=lijn, zorder=2)
        for k in kinderen:
            kx, ky = pos(k)
            ax.plot([kx, kx], [bar_y, ky + 0.5], color=zwart, linewidth=lijn, zorder=2)
        gebruikt["kind"] = True

    # the members
    for lid in leden:
        cx, cy = pos(lid.id)
        vorm = vorm_van(lid)
        gebruikt[vorm] = True
        stijl = {}
        if lid.tijdelijk_niet_betrokken is not None:
            stijl["linestyle"] = (0, (4, 3))
            gebruikt["niet-betrokken"] = True
        symbool(vorm, cx, cy, 0.5, **stijl)
        if {"pleger", "slachtoffer"} & set(lid.rollen):  # the index persons: a double outline
            symbool(vorm, cx, cy, 0.62, facecolor="none", linewidth=1.0, **stijl)
            gebruikt["index"] = True
        if lid.overleden is not None:
            for sx in (-1, 1):
                ax.plot([cx - 0.62 * sx, cx + 0.62 * sx], [cy - 0.62, cy + 0.62], color=zwart, linewidth=lijn, zorder=4)
            gebruikt["overleden"] = True
        if lid.detentie is not None:
            for dx in (-0.2, 0.0, 0.2):
                ax.plot([cx + dx, cx + dx], [cy - 0.3, cy + 0.3], color=zwart, linewidth=1.0, zorder=4)
            gebruikt["detentie"] = True
        if lid.is_kind_ouder_dan_12(vandaag):
            ax.text(cx + 0.62, cy + 0.55, "12+", fontsize=6.5, ha="left", va="bottom", zorder=5, fontweight="bold")
            gebruikt["12+"] = True
        for n, regel in enumerate(_labels(lid, vandaag, initialen)):
            ax.text(cx, cy - 0.72 - 0.42 * n, regel, fontsize=7.5 if n == 0 else 7, ha="center", va="top", zorder=5,
                    fontweight="bold" if n == 0 else "normal")

    # violence: a red zigzag from pleger to slachtoffer, with an arrow at the slachtoffer; on one row
    # past other members it goes over them (above the symbols, under the children's bar)
    for n, (p, s) in enumerate(o.geweld):
        a, b = pos(p), pos(s)
        tussen = [i for i in o.x if o.generatie[i] == o.generatie[p] and min(a[0], b[0]) < o.x[i] < max(a[0], b[0])]
        if o.generatie[p] == o.generatie[s] and tussen:
            hoog = a[1] + 0.95 + 0.18 * (n % 2)
            punten = [*zigzag((a[0], a[1] - 0.1), (a[0], hoog + 0.75), 0.0)[:-1],
                      *zigzag((a[0], hoog), (b[0], hoog), 0.0, kort=False),
                      *zigzag((b[0], hoog + 0.75), (b[0], b[1] - 0.1), 0.0)[1:]]
        else:
            punten = zigzag(a, b, -0.32 if o.generatie[p] == o.generatie[s] else 0.0)
        ax.plot([q[0] for q in punten], [q[1] for q in punten], color=rood, linewidth=1.6, zorder=6)
        (x0, y0), (x1, y1) = punten[-2], punten[-1]
        ax.annotate("", xy=(x1 + (x1 - x0) * 0.8, y1 + (y1 - y0) * 0.8), xytext=(x1, y1), zorder=6,
                    arrowprops={"arrowstyle": "-|>", "color": rood, "lw": 1.6, "mutation_scale": 9})
        gebruikt["geweld"] = True

    # the legend, right of the drawing and far enough not to be read as a member's label
    legende = [
        ("vierkant", "man"), ("cirkel", "vrouw"), ("ruit", "x of geslacht onbekend"),
        ("index", "dubbele rand: cliënt (pleger of slachtoffer)"), ("partner", "partners (samenwonend of gehuwd)"),
        ("ex-partner", "ex-partners (gescheiden of uit elkaar)"),
        ("kind", "kinderen hangen aan de lijn van hun ouders"), ("overleden", "overleden (kruis)"),
        ("geweld", "geweld: rode zigzag, pijl van pleger naar slachtoffer"), ("detentie", "in detentie (tralies)"),
        ("niet-betrokken", "tijdelijk niet betrokken (streepjeslijn)"),
        ("12+", "12+: kind van 12 jaar of ouder"), ("huishouden", "woont samen (stippellijn rond het huishouden)"),
    ]
    top = 1.6
    ax.text(legenda_x - 0.4, top, "Legende", fontsize=9, fontweight="bold", ha="left", va="center")
    rij = top - 0.85
    for sleutel, uitleg in legende:
        if not gebruikt.get(sleutel):
            continue
        lx, ly = legenda_x, rij
        if sleutel in ("vierkant", "cirkel", "ruit"):
            symbool(sleutel, lx, ly, 0.2, linewidth=1.0)
        elif sleutel in ("partner", "ex-partner", "kind"):
            if sleutel == "kind":
                ax.plot([lx - 0.3, lx - 0.3, lx + 0.3, lx + 0.3], [ly + 0.22, ly - 0.05, ly - 0.05, ly - 0.22],
                        color=zwart, linewidth=1.0)
            else:
                ax.plot([lx - 0.35, lx + 0.35], [ly, ly], color=zwart, linewidth=1.0)
            if sleutel == "ex-partner":
                for d in (-0.08, 0.08):
                    ax.plot([lx + d - 0.07, lx + d + 0.07], [ly - 0.15, ly + 0.15], color=zwart, linewidth=1.0)
        elif sleutel == "overleden":
            symbool("vierkant", lx, ly, 0.2, linewidth=1.0)
            for sx in (-1, 1):
                ax.plot([lx - 0.26 * sx, lx + 0.26 * sx], [ly - 0.26, ly + 0.26], color=zwart, linewidth=1.0)
        elif sleutel == "geweld":
            ax.plot([lx - 0.35 + 0.1 * k for k in range(8)], [ly + (0.08 if k % 2 else -0.08) for k in range(8)],
                    color=rood, linewidth=1.2)
        elif sleutel == "detentie":
            symbool("vierkant", lx, ly, 0.2, linewidth=1.0)
            for dx in (-0.08, 0.0, 0.08):
                ax.plot([lx + dx, lx + dx], [ly - 0.12, ly + 0.12], color=zwart, linewidth=0.8)
        elif sleutel == "index":
            symbool("vierkant", lx, ly, 0.2, linewidth=1.0)
            symbool("vierkant", lx, ly, 0.27, facecolor="none", linewidth=0.8)
        elif sleutel == "niet-betrokken":
            symbool("vierkant", lx, ly, 0.2, linewidth=1.0, linestyle=(0, (2, 1.5)))
        elif sleutel == "12+":
            pass
        elif sleutel == "huishouden":
            ax.add_patch(FancyBboxPatch((lx - 0.35, ly - 0.2), 0.7, 0.4, boxstyle="round,pad=0,rounding_size=0.1",
                                        facecolor="none", edgecolor=grijs, linewidth=1.0, linestyle=":"))
        ax.text(lx + 0.6, ly, uitleg, fontsize=7.5, ha="left", va="center")
        rij -= 0.7
    legenda_breedte = 9.5
    onder = min(-diepte * RIJ - 2.4, rij - 0.4)
    boven = top + 0.8
    links, rechts = -1.8, legenda_x + legenda_breedte
    ax.set_xlim(links, rechts)
    ax.set_ylim(onder, boven)
    schaal = 0.42  # inches per layout unit
    fig.set_size_inches((rechts - links) * schaal, (boven - onder) * schaal)

    svg, png = io.BytesIO(), io.BytesIO()
    logging.getLogger("matplotlib").setLevel(logging.ERROR)
    with warnings.catch_warnings(), matplotlib.rc_context({"svg.fonttype": "none", "svg.hashsalt": "ketencli"}):
        warnings.simplefilter("ignore")  # a glyph missing from the font (emoji) is not the user's business
        fig.savefig(svg, format="svg", metadata={"Date": None})
        fig.savefig(png, format="png", dpi=150, metadata={"Software": None})
    return svg.getvalue(), png.getvalue()


def paden_voor(dossier_id: str, vandaag: date, doel: Path | None, initialen: bool) -> tuple[Path, Path]:
    """Where the SVG and the PNG go: ``documenten/<datum>_genogram[-initialen].svg`` and ``.png`` by
    default; ``doel`` a folder (same names there) or a file ending in .svg or .png (both beside it).
    Raises ``GebruiksFout`` for another extension, ``KetencliFout`` for a missing folder."""
    from ketencli import store

    naam = f"{vandaag.isoformat()}_genogram" + ("-initialen" if initialen else "")
    if doel is None:
        basis = store.documenten_dir(dossier_id, maak=True) / naam
    elif doel.is_dir():
        basis = doel / naam
    elif doel.suffix.lower() in (".svg", ".png"):
        if not doel.parent.is_dir():
            raise KetencliFout(f"De map {doel.parent} bestaat niet.", tip="Maak ze eerst aan of kies een andere --uit.")
        basis = doel.with_suffix("")
    elif not doel.suffix:
        raise KetencliFout(f"De map {doel} bestaat niet.",
                           tip="Maak ze eerst aan, of geef een bestandsnaam op .svg of .png, bv. --uit ~/genogram.svg.")
    else:
        raise GebruiksFout(f"{doel.name}: een genogram is een .svg of .png.",
                           tip="Geef een bestaande map, of een bestandsnaam die eindigt op .svg of .png.")
    return basis.with_suffix(".svg"), basis.with_suffix(".png")


def schrijf(dossier: model.Dossier, *, doel: Path | None = None, initialen: bool = False,
            vandaag: date | None = None) -> tuple[Path, Path]:
    """Draw and write the genogram; returns (svg, png) paths. A genogram of the same day is replaced
    (it is drawn from the dossier, nothing of the user's is lost)."""
    from ketencli import klok, render

    vandaag = vandaag or klok.vandaag()
    svg_pad, png_pad = paden_voor(dossier.id, vandaag, doel, initialen)
    svg, png = teken(dossier, vandaag, initialen=initialen)
    render.schrijf(svg_pad, svg)
    render.schrijf(png_pad, png)
    return svg_pad, png_pad
