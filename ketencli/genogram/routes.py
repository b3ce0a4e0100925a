"""Routing the violence lines of the genogram (pure geometry, used by ``opmaak``; issue 16).

A violence line is the cheapest path on a grid of horizontal and vertical lines that keep clear of
every symbol, label and '12+' mark (names and ages stay readable), from a port of one symbol (its top,
off-centre, so it never runs over the child line that comes down onto the centre; or its side, under
the partner line) to a port of the other. It never runs along a black line or another violence line;
crossing one costs a little, crossing a household's dotted outline costs much (a trial found the red
line running outside a household and across its outline), bends cost a little, then length.

The violence lines between two members of one household are routed first; the household's outline is
then drawn round them (``huishouden.omtrek_van``), so they run inside it. The others are routed against
the finished outlines, crossing each only where they must (one end inside, the other outside).
"""

from __future__ import annotations

import heapq
import math
from collections.abc import Iterable, Sequence
from typing import TYPE_CHECKING

from ketencli.genogram.opmaak import (
    HALF,
    KANAAL,
    LABEL_BOVEN,
    LABEL_ONDER,
    MERK_BOVEN,
    RAND,
    Geweld,
    Opmaak,
    Punt,
    _snijden,
)

if TYPE_CHECKING:
    from ketencli import model

OPZIJ = 0.3  # a violence line leaves a symbol's top this far from its centre (a symbol is 2 x HALF wide)
KLEER = 0.32  # a violence line keeps this far from text, symbols and marks (its zigzag is 0.16 wide)
LANGS = 0.25  # nearer than this along a black line or another violence line it may not run
BOCHT, KRUIS, OMTREK = 0.4, 1.0, 25.0  # the cost of a bend, of crossing a line, of crossing an outline
Doos = tuple[float, float, float, float]


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


def geweld_en_huishoudens(o: Opmaak, leden: Sequence[model.Gezinslid], gemeld: Iterable[tuple[str, str]]
                          ) -> tuple[list[Geweld], dict[str, list[list[Punt]]]]:
    """The violence lines with their routes, and per household of two or more members its outline (closed
    loops): see the module docstring."""
    from ketencli.genogram.huishouden import omtrek_van

    groepen: dict[str, list[str]] = {}
    for lid in leden:
        if lid.huishouden:
            groepen.setdefault(lid.huishouden, []).append(lid.id)
    groepen = {k: v for k, v in groepen.items() if len(v) >= 2}
    thuis = {i: k for k, ids in groepen.items() for i in ids}
    paren = geweld_paren(leden, gemeld)
    binnen = [g for g in paren if thuis.get(g.van) is not None and thuis.get(g.van) == thuis.get(g.naar)]
    router = _Router(o, leden)
    kinderen = {lid.id for lid in leden if "kind" in lid.rollen}
    omtrekken = {k: omtrek_van(o, ids, kinderen=kinderen) for k, ids in groepen.items()}
    for g in binnen:
        eigen = thuis[g.van]
        g.route = router.route(g.van, g.naar, {k: v for k, v in omtrekken.items() if k != eigen})
    for k, ids in groepen.items():
        routes = [g.route for g in binnen if thuis[g.van] == k]
        if routes:
            omtrekken[k] = omtrek_van(o, ids, routes, kinderen=kinderen)
    for g in paren:
        if all(g is not h for h in binnen):
            g.route = router.route(g.van, g.naar, omtrekken)
    return paren, omtrekken


class _Router:
    """The grid the violence lines run on (see the module docstring); routes found are obstacles to
    run along for the next ones."""

    def __init__(self, o: Opmaak, leden: Sequence[model.Gezinslid]):
        self.o = o
        self.kind = {lid.id for lid in leden if "kind" in lid.rollen}
        self.zwart: list[tuple[Punt, Punt]] = [s for segs in o.kindlijnen for s in segs]
        for a, b, _soort, _vorm in o.koppels:
            (xa, ya), (xb, yb) = o.pos(a), o.pos(b)
            if abs(ya - yb) < 1e-9:
                self.zwart.append(((min(xa, xb) + HALF, ya), (max(xa, xb) - HALF, ya)))
        self.rood: list[tuple[Punt, Punt]] = []
        self.bezet: set[Punt] = set()

    def obstakels(self) -> list[Doos]:
        uit = []
        for i in self.o.x:
            cx, cy = self.o.pos(i)
            uit.append((cx - RAND - KLEER, cy - RAND - KLEER, cx + RAND + KLEER, cy + RAND + KLEER))
            half = self.o.breedte(i) / 2  # the label as drawn (``Opmaak.breedte``)
            uit.append((cx - half - KLEER, cy - LABEL_ONDER - KLEER, cx + half + KLEER, cy - LABEL_BOVEN + KLEER))
            if i in self.kind:  # the '12+' mark, top right
                uit.append((cx + RAND + 0.02 - KLEER, cy + HALF - KLEER, cx + RAND + 0.6 + KLEER,
                            cy + MERK_BOVEN + KLEER))
        return uit

    def poorten(self, i: str) -> list[tuple[Punt, Punt]]:
        """(on the symbol, just clear of it): the top, off-centre either side, and both sides under the
        partner line."""
        cx, cy = self.o.pos(i)
        uit = KLEER + 0.02
        return [((cx - OPZIJ, cy + RAND), (cx - OPZIJ, cy + RAND + uit)),
                ((cx + OPZIJ, cy + RAND), (cx + OPZIJ, cy + RAND + uit)),
                ((cx - RAND, cy - 0.3), (cx - RAND - uit, cy - 0.3)),
                ((cx + RAND, cy - 0.3), (cx + RAND + uit, cy - 0.3))]

    def route(self, van: str, naar: str, omtrekken: dict[str, list[list[Punt]]]) -> list[Punt]:
        dozen = self.obstakels()
        begin, eind = self.poorten(van), self.poorten(naar)
        # a port another violence line uses is taken (two arrowheads on one spot read as one line)
        begin = [p for p in begin if p[1] not in self.bezet] or begin
        eind = [p for p in eind if p[1] not in self.bezet] or eind
        xs, ys = set(), set()
        for x0, y0, x1, y1 in dozen:
            xs |= {x0 - 0.03, x1 + 0.03}
            ys |= {y0 - 0.03, y1 + 0.03}
        for _op, (px, py) in begin + eind:
            xs.add(px)
            ys.add(py)
        for i in self.o.x:
            cx, cy = self.o.pos(i)
            ys.add(cy + KANAAL)
        for (ax, ay), (_bx, by) in self.zwart:
            if abs(ay - by) < 1e-9:
                ys |= {ay + LANGS + 0.05, ay - LANGS - 0.05}
            else:
                xs |= {ax + LANGS + 0.05, ax - LANGS - 0.05}
        rx = sorted({round(x, 6) for x in xs})
        ry = sorted({round(y, 6) for y in ys})
        lussen = [lus for lussen in omtrekken.values() for lus in lussen]
        lijnen = [(_grenzen(lus), list(zip(lus, lus[1:] + lus[:1], strict=True))) for lus in lussen]
        kost_cache: dict[tuple[Punt, Punt], float | None] = {}

        def kost(a: Punt, b: Punt) -> float | None:
            sleutel = (a, b) if a <= b else (b, a)
            if sleutel not in kost_cache:
                kost_cache[sleutel] = self._kost(a, b, dozen, lussen, lijnen)
            return kost_cache[sleutel]

        index_x = {x: n for n, x in enumerate(rx)}
        index_y = {y: n for n, y in enumerate(ry)}
        doelen = {(round(p[0], 6), round(p[1], 6)): (op, p) for op, p in eind}
        rij: list[tuple[float, int, tuple[int, int], int]] = []
        beste: dict[tuple[tuple[int, int], int], float] = {}
        vorige: dict[tuple[tuple[int, int], int], tuple[tuple[int, int], int] | None] = {}
        teller = 0
        for op, p in begin:
            knoop = (index_x[round(p[0], 6)], index_y[round(p[1], 6)])
            richting = _richting(op, p)
            c = math.dist(op, p)
            if c < beste.get((knoop, richting), math.inf):
                beste[(knoop, richting)] = c
                vorige[(knoop, richting)] = None
                heapq.heappush(rij, (c, teller, knoop, richting))
                teller += 1
        gevonden = None
        while rij:
            c, _, knoop, richting = heapq.heappop(rij)
            if c > beste.get((knoop, richting), math.inf) + 1e-12:
                continue
            punt = (rx[knoop[0]], ry[knoop[1]])
            if punt in doelen:
                gevonden = (knoop, richting)
                break
            for nieuw_richting, (dx, dy) in enumerate(((1, 0), (0, 1), (-1, 0), (0, -1))):
                if richting != -1 and nieuw_richting == (richting + 2) % 4:
                    continue
                nx, ny = knoop[0] + dx, knoop[1] + dy
                if not (0 <= nx < len(rx) and 0 <= ny < len(ry)):
                    continue
                buur = (rx[nx], ry[ny])
                stap = kost(punt, buur)
                if stap is None:
                    continue
                nieuw = c + stap + (BOCHT if richting not in (-1, nieuw_richting) else 0.0)
                if nieuw < beste.get(((nx, ny), nieuw_richting), math.inf) - 1e-12:
                    beste[((nx, ny), nieuw_richting)] = nieuw
                    vorige[((nx, ny), nieuw_richting)] = (knoop, richting)
                    heapq.heappush(rij, (nieuw, teller, (nx, ny), nieuw_richting))
                    teller += 1
        if gevonden is None:  # no way round (never seen): straight between the symbols' edges
            (ax, ay), (bx, by) = self.o.pos(van), self.o.pos(naar)
            return [(ax, ay + RAND), (bx, by + RAND)]
        pad, stand = [], gevonden
        while stand is not None:
            pad.append((rx[stand[0][0]], ry[stand[0][1]]))
            stand = vorige[stand]
        pad.reverse()
        start_op = next(op for op, p in begin if (round(p[0], 6), round(p[1], 6)) == pad[0])
        route = _zonder_rechte([start_op, *pad, doelen[pad[-1]][0]])
        self.rood += list(zip(route, route[1:], strict=False))
        self.bezet |= {route[1], route[-2]}
        return route

    def _kost(self, a: Punt, b: Punt, dozen: list[Doos], lussen: list[list[Punt]],
              lijnen: list[tuple[Doos, list[tuple[Punt, Punt]]]]) -> float | None:
        """The cost of one grid step a-b (axis-parallel), or None where it may not go."""
        x0, x1 = sorted((a[0], b[0]))
        y0, y1 = sorted((a[1], b[1]))
        for d in dozen:
            if x0 < d[2] and x1 > d[0] and y0 < d[3] and y1 > d[1]:
                return None
        waagrecht = abs(a[1] - b[1]) < 1e-9
        kosten = math.dist(a, b)
        for s in (*self.zwart, *self.rood):
            (sx0, sx1), (sy0, sy1) = sorted((s[0][0], s[1][0])), sorted((s[0][1], s[1][1]))
            if sx1 < x0 - LANGS or sx0 > x1 + LANGS or sy1 < y0 - LANGS or sy0 > y1 + LANGS:
                continue
            s_waagrecht = abs(s[0][1] - s[1][1]) < 1e-9
            if s_waagrecht == waagrecht and (abs(s[0][0] - s[1][0]) < 1e-9 or s_waagrecht):
                if waagrecht and abs(sy0 - a[1]) < LANGS and min(x1, sx1) - max(x0, sx0) > 1e-6:
                    return None
                if not waagrecht and abs(sx0 - a[0]) < LANGS and min(y1, sy1) - max(y0, sy0) > 1e-6:
                    return None
            elif _snijden((a, b), s):
                kosten += KRUIS
        for lus, ((lx0, ly0, lx1, ly1), randen) in zip(lussen, lijnen, strict=True):
            if x1 < lx0 or x0 > lx1 or y1 < ly0 or y0 > ly1:
                continue
            n = sum(1 for s in randen if not (max(s[0][0], s[1][0]) < x0 or min(s[0][0], s[1][0]) > x1
                                              or max(s[0][1], s[1][1]) < y0 or min(s[0][1], s[1][1]) > y1)
                    and _snijden((a, b), s))
            if _binnen(a, lus) != _binnen(b, lus):  # also where it slips in through a corner it only touches
                n = max(n, 1)
            kosten += OMTREK * n
        return kosten


def _grenzen(lus: list[Punt]) -> Doos:
    return min(p[0] for p in lus), min(p[1] for p in lus), max(p[0] for p in lus), max(p[1] for p in lus)


def _binnen(punt: Punt, lus: list[Punt]) -> bool:
    """Whether a point lies inside a closed loop (ray casting)."""
    x0, y0 = punt
    uit = False
    for (x1, y1), (x2, y2) in zip(lus, lus[1:] + lus[:1], strict=True):
        if (y1 > y0) != (y2 > y0) and x0 < x1 + (y0 - y1) * (x2 - x1) / (y2 - y1):
            uit = not uit
    return uit


def _richting(a: Punt, b: Punt) -> int:
    """0 right, 1 up, 2 left, 3 down (from a to b); -1 for no step."""
    dx, dy = b[0] - a[0], b[1] - a[1]
    if abs(dx) < 1e-12 and abs(dy) < 1e-12:
        return -1
    if abs(dx) >= abs(dy):
        return 0 if dx > 0 else 2
    return 1 if dy > 0 else 3


def _zonder_rechte(punten: list[Punt]) -> list[Punt]:
    uit: list[Punt] = []
    for p in punten:
        if uit and math.dist(uit[-1], p) < 1e-9:
            continue
        if len(uit) >= 2:
            a, b = uit[-2], uit[-1]
            if abs((b[0] - a[0]) * (p[1] - a[1]) - (b[1] - a[1]) * (p[0] - a[0])) < 1e-9:
                uit[-1] = p
                continue
        uit.append(p)
    return uit
