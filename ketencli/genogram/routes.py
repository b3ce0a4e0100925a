"""Routing around the text (pure geometry, used by ``opmaak``): the violence lines and the household
outlines of the genogram never cross a label (issue 16; names, ages and the '12+' mark stay readable).

* A violence line between neighbours on a row runs straight between them, under the partner line and
  above the labels. Any other runs up from the symbol's top into the *channel* above its row (above
  the '12+' marks, under the row above's labels), along the channel, down a *lane* between the
  labels of the rows it passes, along the other row's channel and down onto the other symbol's top.
* A household outline is the boundary of the union of boxes round its members (symbol, mark and
  label), joined by bridges: full height between neighbours on a row, through the channel where a
  member of another household stands between, and down a narrow corridor to the next row.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from typing import TYPE_CHECKING

from ketencli.genogram.opmaak import (
    BRUG,
    KANAAL,
    LABEL_BREEDTE,
    LABEL_ONDER,
    RAND,
    STAP,
    Geweld,
    Opmaak,
    Punt,
)

if TYPE_CHECKING:
    from ketencli import model

MARGE = 0.15  # between a household outline and the text inside it
OPZIJ = 0.3  # a violence line leaves a symbol's top this far from its centre (a symbol is 2 x HALF wide)


def geweld_paren(leden: Sequence[model.Gezinslid], gemeld: Iterable[tuple[str, str]]) -> list[Geweld]:
    """Who against whom: the dossier's record (``gemeld``: (door, tegen) pairs, e.g. from incidents in
    the tijdlijn) gives the direction, both ways when it records both; else related members where one is
    pleger and the other slachtoffer, directed by the roles, undirected when each is both."""
    per_id = {lid.id: lid for lid in leden}
    richtingen: dict[frozenset[str], set[tuple[str, str]]] = {}
    for door, tegen in gemeld:
        if door in per_id and tegen in per_id and door != tegen:
            richtingen.setdefault(frozenset((door, tegen)), set()).add((door, tegen))
    uit = []
    for _paar, gezegd in sorted(richtingen.items(), key=lambda kv: sorted(kv[0])):
        a, b = sorted(gezegd)[0]
        uit.append(Geweld(a, b, gericht=True, wederzijds=len(gezegd) > 1, gemeld=True))
    rollen = {lid.id: set(lid.rollen) for lid in leden}
    paren = {frozenset((lid.id, r.met)) for lid in leden for r in lid.relaties if r.met in per_id and r.met != lid.id}
    for paar in sorted(paren - set(richtingen), key=sorted):
        a, b = sorted(paar)
        kanten = [(p, s) for p, s in ((a, b), (b, a)) if "pleger" in rollen[p] and "slachtoffer" in rollen[s]]
        if len(kanten) == 1:
            uit.append(Geweld(*kanten[0], gericht=True))
        elif kanten:
            uit.append(Geweld(a, b, gericht=False))
    return uit


def geweld_routes(o: Opmaak, leden: Sequence[model.Gezinslid], gemeld: Iterable[tuple[str, str]]) -> list[Geweld]:
    """The violence lines with their routes (see the module docstring)."""
    kanaal: dict[int, int] = {}
    banen: set[float] = set()
    uit = []
    for g in geweld_paren(leden, gemeld):
        g.route = _route(o, g.van, g.naar, kanaal, banen)
        uit.append(g)
    return uit


def _route(o: Opmaak, a: str, b: str, kanaal: dict[int, int], banen: set[float]) -> list[Punt]:
    (ax, ay), (bx, by) = o.pos(a), o.pos(b)
    ga, gb = o.generatie[a], o.generatie[b]

    def hoogte(g: int, y: float) -> float:
        k = kanaal.get(g, 0)
        kanaal[g] = k + 1
        return y + KANAAL + 0.2 * k

    if ga == gb:
        tussen = [i for i in o.x if o.generatie[i] == ga and min(ax, bx) < o.x[i] < max(ax, bx)]
        if not tussen:
            s = 1 if bx > ax else -1
            return [(ax + s * RAND, ay - 0.3), (bx - s * RAND, by - 0.3)]
        y = hoogte(ga, ay)
        xa, xb = _opzij(ax, bx), _opzij(bx, ax)
        return [(xa, ay + RAND), (xa, y), (xb, y), (xb, by + RAND)]
    rijen = range(min(ga, gb), max(ga, gb))
    xs = sorted({o.x[i] for i in o.x if o.generatie[i] in rijen})
    vrij = LABEL_BREEDTE / 2 + 0.25
    kandidaten = [xs[0] - STAP / 2, *((p + q) / 2 for p, q in zip(xs, xs[1:], strict=False)), xs[-1] + STAP / 2]
    kandidaten = [k for k in kandidaten if all(abs(k - v) >= vrij for v in xs)] or [xs[0] - STAP / 2]
    ya, yb = hoogte(ga, ay), hoogte(gb, by)
    laag, hoog = min(ya, yb), max(ya, yb)
    staand = [s for segs in o.kindlijnen for s in segs if abs(s[0][0] - s[1][0]) < 1e-9
              and min(s[0][1], s[1][1]) < hoog and max(s[0][1], s[1][1]) > laag]

    def botst(k: float) -> bool:  # a lane is not drawn along a child line
        return any(abs(s[0][0] - k) < 0.35 for s in staand)

    baan = min(kandidaten, key=lambda k: (round(k, 6) in banen, botst(k), abs(k - ax) + abs(k - bx), k))
    banen.add(round(baan, 6))
    xa, xb = _opzij(ax, baan), _opzij(bx, baan)
    return [(xa, ay + RAND), (xa, ya), (baan, ya), (baan, yb), (xb, yb), (xb, by + RAND)]


def _opzij(x: float, richting: float) -> float:
    """Where a violence line leaves a symbol's top: off its centre, towards where it goes, so that it never
    runs over the child line that comes down onto the centre of a child's symbol (a pleger who is the
    victim's son: the red zigzag lay on the black line from his parents)."""
    return x + (OPZIJ if richting >= x else -OPZIJ)


def huishouden_omtrekken(o: Opmaak, leden: Sequence[model.Gezinslid]) -> dict[str, list[list[Punt]]]:
    """Per household of two or more members, its outline as closed loops of points (usually one)."""
    groepen: dict[str, list[str]] = {}
    for lid in leden:
        if lid.huishouden:
            groepen.setdefault(lid.huishouden, []).append(lid.id)
    uit = {}
    for label, ids in groepen.items():
        if len(ids) < 2:
            continue
        dozen = []
        for i in ids:
            cx, cy = o.pos(i)
            dozen.append((cx - LABEL_BREEDTE / 2 - MARGE, cy - LABEL_ONDER - MARGE,
                          cx + LABEL_BREEDTE / 2 + MARGE, cy + BRUG[1]))
        per_rij: dict[int, list[str]] = {}
        for i in sorted(ids, key=lambda i: o.x[i]):
            per_rij.setdefault(o.generatie[i], []).append(i)
        for g, rij in per_rij.items():
            for p, q in zip(rij, rij[1:], strict=False):
                (xp, cy), (xq, _) = o.pos(p), o.pos(q)
                ander = any(o.generatie[i] == g and xp < o.x[i] < xq and i not in ids for i in o.x)
                dozen.append((xp, cy + BRUG[0], xq, cy + BRUG[1]) if ander
                             else (xp, cy - LABEL_ONDER - MARGE, xq, cy + BRUG[1]))
        rijen = sorted(per_rij)
        for g1, g2 in zip(rijen, rijen[1:], strict=False):
            p, q = min(((p, q) for p in per_rij[g1] for q in per_rij[g2]),
                       key=lambda pq: (abs(o.x[pq[0]] - o.x[pq[1]]), pq))
            (xp, yp), (xq, yq) = o.pos(p), o.pos(q)
            dozen.append((xp - 0.35, yq + BRUG[0], xp + 0.35, yp - LABEL_ONDER - MARGE))
            if abs(xp - xq) > 1e-9:
                dozen.append((min(xp, xq), yq + BRUG[0], max(xp, xq), yq + BRUG[1]))
        uit[label] = omtrek(dozen)
    return uit


def omtrek(dozen: list[tuple[float, float, float, float]]) -> list[list[Punt]]:
    """The boundary of a union of boxes (x0, y0, x1, y1), as closed loops, counter-clockwise."""
    xs = sorted({d[0] for d in dozen} | {d[2] for d in dozen})
    ys = sorted({d[1] for d in dozen} | {d[3] for d in dozen})
    cellen = set()
    for i in range(len(xs) - 1):
        for j in range(len(ys) - 1):
            mx, my = (xs[i] + xs[i + 1]) / 2, (ys[j] + ys[j + 1]) / 2
            if any(d[0] < mx < d[2] and d[1] < my < d[3] for d in dozen):
                cellen.add((i, j))
    randen: dict[tuple[int, int], list[tuple[int, int]]] = {}
    for i, j in sorted(cellen):
        if (i, j - 1) not in cellen:
            randen.setdefault((i, j), []).append((i + 1, j))
        if (i + 1, j) not in cellen:
            randen.setdefault((i + 1, j), []).append((i + 1, j + 1))
        if (i, j + 1) not in cellen:
            randen.setdefault((i + 1, j + 1), []).append((i, j + 1))
        if (i - 1, j) not in cellen:
            randen.setdefault((i, j + 1), []).append((i, j))
    lussen = []
    while randen:
        start = min(randen)
        lus, punt = [start], start
        while True:
            volgende = randen[punt].pop()
            if not randen[punt]:
                del randen[punt]
            if volgende == start:
                break
            lus.append(volgende)
            punt = volgende
        # keep the corners only
        hoeken = [p for n, p in enumerate(lus)
                  if not (lus[n - 1][0] == p[0] == lus[(n + 1) % len(lus)][0]
                          or lus[n - 1][1] == p[1] == lus[(n + 1) % len(lus)][1])]
        lussen.append([(xs[i], ys[j]) for i, j in hoeken])
    return lussen
