"""Household outlines (issue 16): the dotted line round the members who live together, as a simple shape.

A household's outline is the convex hull of its members' boxes (symbol, '12+' mark and label, with a
margin) and of the band round every violence line between two of its members (so that such a line runs
inside, never across the outline: a trial found the red line of a son against his mother leaving and
re-entering their household). When the hull would take in a member of another household (a symbol or a
label), the outline is the union of fewer convex pieces: each member's box, the hull of two members
joined along a shortest tree, and round a violence line the hull of the line's band with the box of the
member in that row. Never a corridor round a child line (the notched shape a trial found), and never a
piece round another member (a violence line that must pass one is left to cross the outline rather
than enclose him: a trial found a deceased father inside his son's household); the drawing rounds the
corners.

Pure geometry (no matplotlib); ``omtrek_van`` gives closed loops of points, counter-clockwise.
"""

from __future__ import annotations

import math
from collections.abc import Collection, Sequence

from ketencli.genogram.opmaak import BRUG, HALF, KANAAL, LABEL_BREEDTE, LABEL_ONDER, MERK_BOVEN, RAND, Opmaak, Punt

MARGE = 0.15  # between a household outline and the text inside it
BUIS = 0.4  # half the width of the band round a violence line that its household outline takes in
EPS = 1e-7

Doos = tuple[float, float, float, float]
Veelhoek = list[Punt]


def lid_vorm(o: Opmaak, i: str, kind: bool = True) -> Veelhoek:
    """A member's shape inside its household outline, with a margin: the label's width under the symbol,
    narrower round the symbol (and its '12+' mark, for a child) above, so that a neighbour's label beside
    the symbol stays out of a slanting outline."""
    cx, cy = o.pos(i)
    label = (cx - LABEL_BREEDTE / 2 - MARGE, cy - LABEL_ONDER - MARGE, cx + LABEL_BREEDTE / 2 + MARGE, cy - RAND + 0.1)
    symbool = (cx - RAND - 0.2, cy - RAND, cx + RAND + (0.8 if kind else 0.2), cy + BRUG[1])
    return omhulsel(hoeken(label) + hoeken(symbool))


def vreemde_dozen(o: Opmaak, ids: Sequence[str]) -> list[Doos]:
    """What an outline must leave out: the symbols, marks and labels of members outside the household."""
    uit = []
    for i in o.x:
        if i in ids:
            continue
        cx, cy = o.pos(i)
        uit += [(cx - RAND, cy - RAND, cx + RAND, cy + RAND),
                (cx - LABEL_BREEDTE / 2, cy - LABEL_ONDER, cx + LABEL_BREEDTE / 2, cy - RAND),
                (cx + RAND, cy + HALF, cx + RAND + 0.6, cy + MERK_BOVEN)]
    return uit


def hoeken(d: Doos) -> Veelhoek:
    return [(d[0], d[1]), (d[2], d[1]), (d[2], d[3]), (d[0], d[3])]


def omhulsel(punten: Sequence[Punt]) -> Veelhoek:
    """The convex hull, counter-clockwise, without collinear points (Andrew's monotone chain)."""
    pts = sorted(set((round(x, 9), round(y, 9)) for x, y in punten))
    if len(pts) <= 2:
        return list(pts)

    def kruis(o: Punt, a: Punt, b: Punt) -> float:
        return (a[0] - o[0]) * (b[1] - o[1]) - (a[1] - o[1]) * (b[0] - o[0])

    onder: list[Punt] = []
    for p in pts:
        while len(onder) >= 2 and kruis(onder[-2], onder[-1], p) <= EPS:
            onder.pop()
        onder.append(p)
    boven: list[Punt] = []
    for p in reversed(pts):
        while len(boven) >= 2 and kruis(boven[-2], boven[-1], p) <= EPS:
            boven.pop()
        boven.append(p)
    return onder[:-1] + boven[:-1]


def buis(a: Punt, b: Punt, breedte: float = BUIS) -> Veelhoek:
    """The band round a segment (a rectangle ``breedte`` to each side and past each end)."""
    lengte = math.dist(a, b) or 1.0
    ux, uy = (b[0] - a[0]) / lengte, (b[1] - a[1]) / lengte
    nx, ny = -uy * breedte, ux * breedte
    a2, b2 = (a[0] - ux * breedte, a[1] - uy * breedte), (b[0] + ux * breedte, b[1] + uy * breedte)
    return omhulsel([(a2[0] + nx, a2[1] + ny), (a2[0] - nx, a2[1] - ny), (b2[0] + nx, b2[1] + ny),
                     (b2[0] - nx, b2[1] - ny)])


def overlapt(veelhoek: Veelhoek, doos: Doos) -> bool:
    """Whether a convex polygon and a box share some area (separating axes)."""
    punten = hoeken(doos)
    assen = [(1.0, 0.0), (0.0, 1.0)]
    for k in range(len(veelhoek)):
        a, b = veelhoek[k], veelhoek[(k + 1) % len(veelhoek)]
        assen.append((-(b[1] - a[1]), b[0] - a[0]))
    for ax, ay in assen:
        p = [x * ax + y * ay for x, y in veelhoek]
        q = [x * ax + y * ay for x, y in punten]
        norm = math.hypot(ax, ay) or 1.0
        if min(max(p), max(q)) - max(min(p), min(q)) <= 1e-6 * norm:
            return False
    return True


def omtrek_van(o: Opmaak, ids: Sequence[str], routes: Sequence[Sequence[Punt]] = (),
               kinderen: Collection[str] = ()) -> list[Veelhoek]:
    """The outline of the household ``ids`` (two or more members) as closed loops, counter-clockwise (holes
    between the pieces are filled); ``routes``: the violence lines between two of its members, to keep
    inside; ``kinderen``: the members with the role kind (room for the '12+' mark). See the module docstring."""
    dozen = {i: lid_vorm(o, i, i in kinderen) for i in ids}
    vreemd = vreemde_dozen(o, ids)
    banden = [buis(a, b) for r in routes for a, b in zip(r, r[1:], strict=False) if math.dist(a, b) > 1e-9]

    def vrij(v: Veelhoek) -> bool:
        return not any(overlapt(v, d) for d in vreemd)

    alles = omhulsel([p for d in dozen.values() for p in d] + [p for b in banden for p in b])
    if vrij(alles):
        return [alles]
    stukken = list(dozen.values())
    stukken += _boom(o, list(ids), dozen, vrij)
    for i, d in dozen.items():  # round a violence line: its band with the box of the member of that row
        cx, cy = o.pos(i)
        laag, hoog = cy - LABEL_ONDER - 0.6, cy + KANAAL + 0.6
        hier = [b for b in banden if all(laag <= p[1] <= hoog for p in b)]
        if hier:
            stuk = omhulsel(d + [p for b in hier for p in b])
            if vrij(stuk):
                stukken.append(stuk)
    stukken += [b for b in banden if vrij(b)]  # never round another member's symbol or label
    return [lus for lus in vereniging(stukken) if _oppervlak(lus) > 0]  # a hole between pieces is filled


def _oppervlak(lus: Veelhoek) -> float:
    """Signed area: positive counter-clockwise."""
    return sum(a[0] * b[1] - b[0] * a[1] for a, b in zip(lus, lus[1:] + lus[:1], strict=True)) / 2


def _boom(o: Opmaak, ids: list[str], dozen: dict[str, Veelhoek], vrij) -> list[Veelhoek]:
    """The pieces that join the members: along a shortest tree (Prim), the hull of two members' boxes, or,
    where that hull would take in another member, a bridge over the row or a corridor down to the next."""
    gedaan, uit = {ids[0]}, []
    paren = {}
    for p in ids:
        for q in ids:
            if p < q:
                stuk = omhulsel(dozen[p] + dozen[q])
                goed = vrij(stuk)
                paren[(p, q)] = (math.dist(o.pos(p), o.pos(q)) + (0 if goed else 100), [stuk] if goed else
                                 _brug(o, p, q))
    while len(gedaan) < len(ids):
        (p, q) = min(((p, q) for p, q in paren if (p in gedaan) != (q in gedaan)), key=lambda pq: paren[pq][0])
        gedaan |= {p, q}
        uit += paren[(p, q)][1]
    return uit


def _brug(o: Opmaak, p: str, q: str) -> list[Veelhoek]:
    """Two members joined without taking in others: over the row (above the marks, under the violence
    channel), or down a narrow corridor between the rows."""
    (xp, yp), (xq, yq) = sorted((o.pos(p), o.pos(q)), key=lambda pt: (-pt[1], pt[0]))
    if abs(yp - yq) < 1e-9:
        return [hoeken((min(xp, xq), yp + BRUG[0], max(xp, xq), yp + BRUG[1]))]
    uit = [hoeken((xp - 0.35, yq + BRUG[0], xp + 0.35, yp - LABEL_ONDER - MARGE))]
    if abs(xp - xq) > 1e-9:
        uit.append(hoeken((min(xp, xq), yq + BRUG[0], max(xp, xq), yq + BRUG[1])))
    return uit


# -- the union of convex pieces ---------------------------------------------------------------------


def _kruis(a: Punt, b: Punt, c: Punt) -> float:
    return (b[0] - a[0]) * (c[1] - a[1]) - (b[1] - a[1]) * (c[0] - a[0])


def _binnen(a: Punt, b: Punt, v: Veelhoek) -> tuple[float, float] | None:
    """The part (t0, t1) of segment a-b strictly inside the convex polygon v (Cyrus-Beck)."""
    t0, t1 = 0.0, 1.0
    for k in range(len(v)):
        c, d = v[k], v[(k + 1) % len(v)]
        lengte = math.dist(c, d) or 1.0
        f0 = _kruis(c, d, a) / lengte - 1e-7
        df = (_kruis(c, d, b) - _kruis(c, d, a)) / lengte
        if abs(df) < 1e-12:
            if f0 <= 0:
                return None
            continue
        t = -f0 / df
        if df > 0:
            t0 = max(t0, t)
        else:
            t1 = min(t1, t)
        if t1 - t0 <= 1e-9:
            return None
    return (t0, t1)


def _op_rand(m: Punt, richting: Punt, v: Veelhoek) -> int:
    """1 when m lies on an edge of v running the same way, -1 the other way, else 0."""
    for k in range(len(v)):
        c, d = v[k], v[(k + 1) % len(v)]
        lengte = math.dist(c, d)
        if lengte < 1e-12 or abs(_kruis(c, d, m)) / lengte > 1e-6:
            continue
        t = ((m[0] - c[0]) * (d[0] - c[0]) + (m[1] - c[1]) * (d[1] - c[1])) / lengte ** 2
        if -1e-9 <= t <= 1 + 1e-9:
            return 1 if (d[0] - c[0]) * richting[0] + (d[1] - c[1]) * richting[1] > 0 else -1
    return 0


def vereniging(stukken: Sequence[Veelhoek]) -> list[Veelhoek]:
    """The boundary of a union of convex counter-clockwise polygons, as closed loops (outer ones
    counter-clockwise): each piece's edges without what lies inside another piece; an edge shared by two
    pieces counts once, a seam between two touching pieces not at all."""
    stukken = [s for s in stukken if len(s) >= 3]
    stukken = [s for n, s in enumerate(stukken)
               if not any(all(_binnen_of_op(p, t) for p in s) and (m < n or not all(_binnen_of_op(p, s) for p in t))
                          for m, t in enumerate(stukken) if m != n)]
    delen: list[tuple[Punt, Punt]] = []
    for n, s in enumerate(stukken):
        for k in range(len(s)):
            a, b = s[k], s[(k + 1) % len(s)]
            weg = sorted(iv for m, t in enumerate(stukken) if m != n and (iv := _binnen(a, b, t)))
            vrij, begin = [], 0.0
            for t0, t1 in weg:
                if t0 > begin:
                    vrij.append((begin, t0))
                begin = max(begin, t1)
            if begin < 1.0:
                vrij.append((begin, 1.0))
            richting = (b[0] - a[0], b[1] - a[1])
            lengte = math.hypot(*richting)
            # split where another piece's corner lies on this edge: a shared stretch is then one whole part
            knikken = sorted({t for m, t_ in enumerate(stukken) if m != n for p in t_
                              if (t := _op_segment(p, a, b)) is not None})
            vrij = [(u0, u1) for t0, t1 in vrij
                    for u0, u1 in zip([t0, *[k for k in knikken if t0 < k < t1]],
                                      [*[k for k in knikken if t0 < k < t1], t1], strict=True)]
            for t0, t1 in vrij:
                if (t1 - t0) * lengte < 1e-6:
                    continue
                m = (a[0] + richting[0] * (t0 + t1) / 2, a[1] + richting[1] * (t0 + t1) / 2)
                randen = [(mm, _op_rand(m, richting, t)) for mm, t in enumerate(stukken) if mm != n]
                if any(r == -1 for _, r in randen) or any(r == 1 and mm < n for mm, r in randen):
                    continue
                delen.append(((a[0] + richting[0] * t0, a[1] + richting[1] * t0),
                              (a[0] + richting[0] * t1, a[1] + richting[1] * t1)))
    return _lussen(delen)


def _op_segment(p: Punt, a: Punt, b: Punt) -> float | None:
    """Where p lies on segment a-b (0..1), or None."""
    lengte = math.dist(a, b)
    if lengte < 1e-12 or abs(_kruis(a, b, p)) / lengte > 1e-6:
        return None
    t = ((p[0] - a[0]) * (b[0] - a[0]) + (p[1] - a[1]) * (b[1] - a[1])) / lengte ** 2
    return t if 0.0 < t < 1.0 else None


def _binnen_of_op(p: Punt, v: Veelhoek) -> bool:
    return all(_kruis(v[k], v[(k + 1) % len(v)], p) >= -1e-7 * (math.dist(v[k], v[(k + 1) % len(v)]) or 1.0)
               for k in range(len(v)))


def _lussen(delen: list[tuple[Punt, Punt]]) -> list[Veelhoek]:
    """Chain the boundary pieces into closed loops (an end meets the next start within a small tolerance:
    the points where two pieces' edges cross are computed from either edge)."""
    gebruikt = [False] * len(delen)
    lussen = []
    for start in range(len(delen)):
        if gebruikt[start]:
            continue
        lus, n = [], start
        while True:
            gebruikt[n] = True
            lus.append(delen[n][0])
            eind = delen[n][1]
            volgende = [m for m in range(len(delen)) if not gebruikt[m] and math.dist(delen[m][0], eind) < 1e-4]
            if not volgende:
                break
            n = volgende[0]
        if len(lus) >= 3 and math.dist(delen[n][1], lus[0]) < 1e-4:
            lussen.append(_recht(lus))
    return [lus for lus in lussen if len(lus) >= 3]


def _recht(lus: Veelhoek) -> Veelhoek:
    """Without points on a straight stretch."""
    uit = list(lus)
    veranderd = True
    while veranderd and len(uit) > 3:
        veranderd = False
        for k in range(len(uit)):
            a, b, c = uit[k - 1], uit[k], uit[(k + 1) % len(uit)]
            if abs(_kruis(a, b, c)) < 1e-7 * (math.dist(a, c) or 1.0) or math.dist(a, b) < 1e-7:
                del uit[k]
                veranderd = True
                break
    return uit
