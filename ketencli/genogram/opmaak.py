"""The pure layout of the genogram: members in, positions and line geometry out (no matplotlib, no I/O).

Coordinates are layout units: a symbol is 1 wide, members ``STAP`` apart on a row, rows ``RIJ`` apart,
y up (row g at y = -g * RIJ). Under each symbol sits a label block (name, birth year and age) at most
``LABEL_BREEDTE`` wide (the drawing cuts longer names to fit), so every line can be routed around the
text: violence lines run in a *channel* above a row and in *lanes* between the labels, household
outlines go round the label blocks, a single parent's children hang from a side stub.

The order of the partner groups within each row is searched (every ordering when the family is small,
else row by row from the heuristic order) for the fewest line crossings, then the shortest lines
(issue 16 §5): a blended family with a crossing-free layout gets one.
"""

from __future__ import annotations

import itertools
import math
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from datetime import date
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from ketencli import model

STAP = 3.4  # centre to centre on a row
RIJ = 4.7  # row to row
HALF = 0.5  # half a symbol
RAND = 0.62  # half the double outline of a client
LABEL_BREEDTE = 2.6  # the widest label under a symbol
LABEL_BOVEN, LABEL_ONDER = 0.66, 1.85  # the label block (a name on one or two lines, the age)
MERK_BOVEN = 0.8  # the top of the '12+' mark, above the centre
KANAAL = 1.35  # a channel violence lines can run in above a row (over the marks, under the labels above)
BALK = 2.0  # children's bars at cy(child) + BALK + 0.22 level
BRUG = (0.88, 1.12)  # the top of a household outline over a row (between the marks and the channel)
MAX_VARIANTEN = 6000  # joint orderings tried at most; beyond that row by row

Punt = tuple[float, float]


@dataclass
class Geweld:
    """A violence line: ``van`` and ``naar`` (pleger -> slachtoffer when ``gericht``; both ways when
    ``wederzijds``), along ``route`` (from near ``van`` to near ``naar``)."""

    van: str
    naar: str
    gericht: bool
    wederzijds: bool = False
    gemeld: bool = False  # from the dossier's record of who against whom (tijdlijn), not from roles
    route: list[Punt] = field(default_factory=list)


@dataclass
class Opmaak:
    """The layout: rows, x, the lines to draw and the number of line crossings it has."""

    generatie: dict[str, int] = field(default_factory=dict)
    x: dict[str, float] = field(default_factory=dict)
    koppels: list[tuple[str, str, str, str | None]] = field(default_factory=list)  # (a, b, soort, vorm)
    ouders: dict[str, tuple[str, ...]] = field(default_factory=dict)  # child -> its parents in the dossier
    kindlijnen: list[list[tuple[Punt, Punt]]] = field(default_factory=list)  # per sibship its segments
    geweld: list[Geweld] = field(default_factory=list)
    huishoudens: dict[str, list[list[Punt]]] = field(default_factory=dict)  # label -> outline loops
    kruisingen: int = 0
    # per member the width of its label as drawn (the widest of its lines), when the drawing measured it;
    # else LABEL_BREEDTE, the widest a label may be
    label_breedte: dict[str, float] = field(default_factory=dict)

    def pos(self, i: str) -> Punt:
        return self.x[i], -self.generatie[i] * RIJ

    def breedte(self, i: str) -> float:
        """The width of member ``i``'s label (at most LABEL_BREEDTE)."""
        return min(self.label_breedte.get(i, LABEL_BREEDTE), LABEL_BREEDTE)


# -- relations and rows ------------------------------------------------------------------------


def _relaties(leden: Sequence[model.Gezinslid]):
    ids = {lid.id for lid in leden}
    ouders: dict[str, set[str]] = {i: set() for i in ids}
    koppels: dict[frozenset[str], tuple[str, str | None]] = {}
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
                oud_soort, oud_vorm = koppels.get(paar, (r.soort, None))
                # one side saying ex-partner wins: the relation ended; a recorded vorm of that kind wins
                soort = "ex-partner" if "ex-partner" in (r.soort, oud_soort) else "partner"
                vormen = [v for v in (oud_vorm, r.vorm) if v]
                passend = [v for v in vormen if (v in ("gescheiden", "uit-elkaar")) == (soort == "ex-partner")]
                koppels[paar] = (soort, passend[0] if passend else None)
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


# -- geometry helpers --------------------------------------------------------------------------


def _snijden(p: tuple[Punt, Punt], q: tuple[Punt, Punt]) -> bool:
    """Whether two segments cross or overlap (touching at an end point does not count)."""
    (a, b), (c, d) = p, q

    def kant(o: Punt, u: Punt, v: Punt) -> float:
        w = (u[0] - o[0]) * (v[1] - o[1]) - (u[1] - o[1]) * (v[0] - o[0])
        return 0.0 if abs(w) < 1e-9 else w

    d1, d2, d3, d4 = kant(c, d, a), kant(c, d, b), kant(a, b, c), kant(a, b, d)
    if d1 * d2 < 0 and d3 * d4 < 0:
        return True
    if d1 == d2 == d3 == d4 == 0.0:  # collinear: overlapping for more than a point
        as_ = 0 if abs(a[0] - b[0]) > abs(a[1] - b[1]) else 1
        lo1, hi1 = sorted((a[as_], b[as_]))
        lo2, hi2 = sorted((c[as_], d[as_]))
        return min(hi1, hi2) - max(lo1, lo2) > 1e-6
    return False


def raakt_rechthoek(seg: tuple[Punt, Punt], doos: tuple[float, float, float, float]) -> bool:
    """Whether a segment enters the open box (x0, y0, x1, y1) (Liang-Barsky clipping)."""
    (xa, ya), (xb, yb) = seg
    x0, y0, x1, y1 = doos
    t0, t1 = 0.0, 1.0
    dx, dy = xb - xa, yb - ya
    for p, q in ((-dx, xa - x0), (dx, x1 - xa), (-dy, ya - y0), (dy, y1 - ya)):
        if abs(p) < 1e-12:
            if q <= 1e-9:
                return False
        else:
            t = q / p
            if p < 0:
                t0 = max(t0, t)
            else:
                t1 = min(t1, t)
    return t1 - t0 > 1e-9


def label_doos(cx: float, cy: float) -> tuple[float, float, float, float]:
    return cx - LABEL_BREEDTE / 2, cy - LABEL_ONDER, cx + LABEL_BREEDTE / 2, cy - LABEL_BOVEN


def symbool_doos(cx: float, cy: float) -> tuple[float, float, float, float]:
    return cx - RAND, cy - RAND, cx + RAND, cy + RAND


# -- placement ---------------------------------------------------------------------------------


class _Plaatser:
    """x positions and the partner and child lines for one ordering of the partner groups per row."""

    def __init__(self, ids, gen, ouders, koppels):
        self.ids, self.gen, self.ouders, self.koppels = ids, gen, ouders, koppels
        self.rijen = sorted(set(gen.values()))
        self.kinderen: dict[str, list[str]] = {}
        for kind, ps in ouders.items():
            for o in ps:
                self.kinderen.setdefault(o, []).append(kind)
        sibs: dict[tuple[str, ...], list[str]] = {}
        for kind in ids:
            if ouders[kind]:
                sibs.setdefault(tuple(sorted(ouders[kind])), []).append(kind)
        self.sibs = sibs

    def oorsprong(self, ps: tuple[str, ...], x: dict[str, float], kant: dict[str, int]) -> tuple[Punt, Punt | None]:
        """Where a sibship's line starts: the middle of its parents' line, or a single parent's side stub
        (returned second: the stub's start on the symbol)."""
        if len(ps) == 2 and self.gen[ps[0]] == self.gen[ps[1]]:
            return ((x[ps[0]] + x[ps[1]]) / 2, -self.gen[ps[0]] * RIJ), None
        o = min(ps, key=lambda p: (-self.gen[p], p))  # the lowest parent (a single parent in practice)
        cy = -self.gen[o] * RIJ
        s = kant.get(o, 1)
        return (x[o] + s * (STAP / 2 - 0.2), cy), (x[o] + s * HALF, cy)

    def plaats(self, orde: dict[int, list[list[str]]]) -> dict[str, float]:
        x: dict[str, float] = {}

        def leg(groepen: list[list[str]], wensen: list[float | None]) -> None:
            rand = None
            for groep, wens in zip(groepen, wensen, strict=True):
                begin = wens if wens is not None else (rand + STAP if rand is not None else 0.0)
                if rand is not None:
                    begin = max(begin, rand + STAP)
                for n, i in enumerate(groep):
                    x[i] = begin + n * STAP
                rand = begin + (len(groep) - 1) * STAP

        def onder_ouders(groep: list[str], rij: list[str]) -> float | None:
            # a sibship centred under its parents: member n of k at its place in that row
            wens = []
            for n, i in enumerate(groep):
                if not self.ouders[i] or not all(o in x for o in self.ouders[i]):
                    continue
                sibs = [k for k in rij if self.ouders[k] == self.ouders[i]]
                midden = sum(x[o] for o in self.ouders[i]) / len(self.ouders[i])
                wens.append(midden + (sibs.index(i) - (len(sibs) - 1) / 2) * STAP - n * STAP)
            return sum(wens) / len(wens) if wens else None

        def boven_kinderen(groep: list[str]) -> float | None:
            wens = []
            for ps, kids in self.sibs.items():
                leden = [p for p in ps if p in groep]
                if not leden or not all(k in x for k in kids):
                    continue
                midden = sum(x[k] for k in kids) / len(kids)
                eigen = sum(groep.index(p) * STAP for p in leden) / len(leden)
                wens.append(midden - eigen)
            return sum(wens) / len(wens) if wens else None

        for ronde in range(2):
            for g in self.rijen[ronde:]:  # the second round keeps the top row where the first put it
                rij = [i for groep in orde[g] for i in groep]
                leg(orde[g], [onder_ouders(groep, rij) for groep in orde[g]])
            for g in reversed(self.rijen[:-1]):
                wensen = [boven_kinderen(groep) for groep in orde[g]]
                if any(w is not None for w in wensen):
                    leg(orde[g], wensen)
        if x:
            links = min(x.values())
            x = {i: v - links for i, v in x.items()}
        return x

    def lijnen(self, x: dict[str, float]):
        """(partner segments, per sibship its segments, stub sides) for these positions."""
        partner = []
        bezet: dict[str, set[int]] = {}
        for paar in self.koppels:
            a, b = sorted(paar, key=lambda i: x[i])
            if self.gen[a] == self.gen[b]:
                y = -self.gen[a] * RIJ
                partner.append(((x[a] + HALF, y), (x[b] - HALF, y)))
                bezet.setdefault(a, set()).add(1)
                bezet.setdefault(b, set()).add(-1)
        for ps in self.sibs:  # parents on one row without a recorded relation still get their line
            if len(ps) == 2 and self.gen[ps[0]] == self.gen[ps[1]] and frozenset(ps) not in self.koppels:
                a, b = sorted(ps, key=lambda i: x[i])
                y = -self.gen[a] * RIJ
                partner.append(((x[a] + HALF, y), (x[b] - HALF, y)))
                bezet.setdefault(a, set()).add(1)
                bezet.setdefault(b, set()).add(-1)
        kant: dict[str, int] = {}
        for ps, kids in self.sibs.items():
            if len(ps) == 1:
                o = ps[0]
                naar = 1 if sum(x[k] for k in kids) / len(kids) >= x[o] else -1
                vrij = [s for s in (naar, -naar) if s not in bezet.get(o, set())]
                kant[o] = vrij[0] if vrij else naar
        # children's bars: one level per overlapping bar on a row
        balken = []
        for ps, kids in sorted(self.sibs.items(), key=lambda kv: min(x[k] for k in kv[1])):
            (ox, _), _ = self.oorsprong(ps, x, kant)
            xs = [x[k] for k in kids]
            balken.append((ps, kids, min([*xs, ox]), max([*xs, ox])))
        niveaus: dict[tuple[str, ...], int] = {}
        per_rij: dict[int, list[tuple[float, float, int]]] = {}
        for ps, kids, lo, hi in balken:
            rij = max(self.gen[k] for k in kids)
            bezette = {n for a, b, n in per_rij.get(rij, []) if not (hi + 0.3 < a or b + 0.3 < lo)}
            n = next(n for n in itertools.count() if n not in bezette)
            niveaus[ps] = n
            per_rij.setdefault(rij, []).append((lo, hi, n))
        kindlijnen = []
        for ps, kids, lo, hi in balken:
            (ox, oy), stomp = self.oorsprong(ps, x, kant)
            kind_y = max(-self.gen[k] * RIJ for k in kids)
            balk = kind_y + BALK + 0.22 * niveaus[ps]
            segs = []
            if stomp is not None:
                segs.append((stomp, (ox, oy)))
            segs.append(((ox, oy), (ox, balk)))
            if hi - lo > 1e-9:
                segs.append(((lo, balk), (hi, balk)))
            for k in kids:
                segs.append(((x[k], balk), (x[k], -self.gen[k] * RIJ + HALF)))
            kindlijnen.append(segs)
        return partner, kindlijnen, kant

    def kosten(self, x: dict[str, float]) -> tuple[int, float, list, list]:
        """(crossings, total line length, partner segments, child lines): a crossing is two lines of
        different sibships or partners crossing, or a line through a symbol or label it does not end on."""
        partner, kindlijnen, _ = self.lijnen(x)
        groepen = [[s] for s in partner] + kindlijnen
        kruis = 0
        for i, a in enumerate(groepen):
            for b in groepen[i + 1:]:
                kruis += sum(1 for s in a for t in b if _snijden(s, t))
        dozen = []
        for i in self.ids:
            cx, cy = x[i], -self.gen[i] * RIJ
            dozen += [(cx - 0.45, cy - 0.45, cx + 0.45, cy + 0.45), label_doos(cx, cy)]  # a line may end on an edge
        for groep in groepen:
            for s in groep:
                lx, hx = sorted((s[0][0], s[1][0]))
                ly, hy = sorted((s[0][1], s[1][1]))
                kruis += sum(1 for d in dozen if lx < d[2] and hx > d[0] and ly < d[3] and hy > d[1]
                             and raakt_rechthoek(s, d))
        lengte = sum(math.dist(*s) for groep in groepen for s in groep)
        return kruis, lengte, partner, kindlijnen


def _eenheden(groepen: list[list[str]], ouders, geboren) -> list[list[str]]:
    """A row's units: partner chains, and each sibship of members without a partner on the row as one
    block, oldest-left (full siblings hang from one bar)."""
    blokken: dict[frozenset[str], list[str]] = {}
    uit: list[list[str]] = []
    for groep in groepen:
        if len(groep) == 1 and ouders[groep[0]]:
            sleutel = frozenset(ouders[groep[0]])
            if sleutel in blokken:
                blokken[sleutel].append(groep[0])
                continue
            blokken[sleutel] = [groep[0]]
            uit.append(blokken[sleutel])
        else:
            uit.append(groep)
    for blok in blokken.values():
        blok.sort(key=geboren)
    return uit


def _geldig(orde: list[list[str]], broers_orde: list[tuple[str, str]]) -> bool:
    plek = {i: (n, m) for n, g in enumerate(orde) for m, i in enumerate(g)}
    return all(plek[a] < plek[b] for a, b in broers_orde if a in plek and b in plek)


def _volgordes(eenheden: list[list[str]], broers_orde: list[tuple[str, str]], maximum: int):
    """Every ordering of a row's units (each chain either way round) that keeps full siblings
    oldest-left; None when there are too many to list (then the search moves units one by one)."""
    kanten = [[g] if len(g) == 1 else [g, g[::-1]] for g in eenheden]
    if math.factorial(len(eenheden)) * math.prod(len(k) for k in kanten) > 20 * maximum:
        return None
    uit: list[list[list[str]]] = []
    for perm in itertools.permutations(range(len(eenheden))):
        for keuze in itertools.product(*(kanten[n] for n in perm)):
            if _geldig(list(keuze), broers_orde):
                uit.append(list(keuze))
    return uit


def _zetten(orde: list[list[str]]):
    """The neighbours of an ordering: one unit moved elsewhere, or one chain turned round."""
    for i in range(len(orde)):
        for j in range(len(orde)):
            if i != j:
                nieuw = orde[:]
                nieuw.insert(j, nieuw.pop(i))
                yield nieuw
        if len(orde[i]) > 1:
            yield [*orde[:i], orde[i][::-1], *orde[i + 1:]]


def _onder_ouders(eenheden, plaatser: _Plaatser, geboren, broers_orde) -> dict[int, list[list[str]]]:
    """The start of the search: each row's units sorted under their parents (by birth where that ties)."""
    orde = {g: sorted(v, key=lambda u: min(geboren(i) for i in u)) for g, v in eenheden.items()}
    x = plaatser.plaats(orde)
    for g in orde:
        def sleutel(u):
            xs = [sum(x[o] for o in plaatser.ouders[i]) / len(plaatser.ouders[i]) for i in u if plaatser.ouders[i]]
            return (not xs, sum(xs) / len(xs) if xs else 0.0, min(geboren(i) for i in u))
        kandidaat = sorted(orde[g], key=sleutel)
        if _geldig(kandidaat, broers_orde):
            orde[g] = kandidaat
    return orde


def opmaak(leden: Sequence[model.Gezinslid], gemeld: Iterable[tuple[str, str]] = (),
           breedtes: dict[str, float] | None = None) -> Opmaak:
    """The layout of the genogram (pure: members in, positions and lines out).

    Rows: generations from ``ouder-van``/``kind-van``/``grootouder-van`` (partners and siblings on one
    row). Within a row, partner groups are chains; their order (and each chain's direction) is
    searched for the fewest line crossings, then the shortest lines, keeping full siblings
    oldest-left (issue 16 §2, §5). ``gemeld`` are (door, tegen) pairs the dossier records (tijdlijn):
    those violence lines are directed; for other related pleger/slachtoffer pairs the roles give the
    direction, and a pair where both are pleger and slachtoffer is drawn undirected. ``breedtes``: per
    member the width of its label as the drawing measured it (layout units); violence lines keep clear of
    the label itself, so a short label leaves room beside a child line for a direct route (a new-user trial
    found a son's line against his mother detour round his deceased father, as if it came from him).
    Never raises for odd relations (a contradiction keeps the first placement).
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
        # start from: groups with parents by their parents' first birth, then by the oldest member
        rijen[g] = sorted(groepen, key=lambda gr: min(geboren(i) for i in gr))
    # full siblings (the same parents in the dossier, or broer-zus without parents in it) stay oldest-left;
    # half-siblings hang from different lines and may not be in age order across them
    broers_orde = []
    for a, b in itertools.combinations(per_id, 2):
        zelfde = ouders[a] == ouders[b] and (bool(ouders[a]) or frozenset((a, b)) in broers)
        if zelfde and gen[a] == gen[b] and geboren(a) != geboren(b):
            broers_orde.append((a, b) if geboren(a) < geboren(b) else (b, a))
    plaatser = _Plaatser(list(per_id), gen, ouders, koppels)
    eenheden = {g: _eenheden(rijen[g], ouders, geboren) for g in rijen}
    opties = {g: _volgordes(eenheden[g], broers_orde, MAX_VARIANTEN) for g in rijen}

    def score(orde):
        x = plaatser.plaats(orde)
        kruis, lengte, _, _ = plaatser.kosten(x)
        return (kruis, round(lengte, 6))

    if all(v for v in opties.values()) and math.prod(len(v) for v in opties.values()) <= MAX_VARIANTEN:
        beste = min((dict(zip(opties, keuze, strict=True)) for keuze in itertools.product(*opties.values())),
                    key=score)
    else:  # from the order under the parents, move one row at a time while it gets better (bounded)
        beste = _onder_ouders(eenheden, plaatser, geboren, broers_orde)
        beste_score, budget, beter = score(beste), 1500, True
        while beter and budget > 0:
            beter = False
            for g in rijen:
                kandidaten = opties[g] if opties[g] and len(opties[g]) <= 720 else list(_zetten(beste[g]))
                for kandidaat in kandidaten:
                    if budget <= 0:
                        break
                    if not _geldig(kandidaat, broers_orde):
                        continue
                    budget -= 1
                    nieuw = score({**beste, g: kandidaat})
                    if nieuw < beste_score:
                        beste, beste_score, beter = {**beste, g: kandidaat}, nieuw, True
    x = plaatser.plaats(beste) if per_id else {}
    kruis, _, _, kindlijnen = plaatser.kosten(x) if per_id else (0, 0.0, [], [])
    uit = Opmaak(
        generatie=gen, x=x,
        koppels=[(*sorted(p, key=lambda i: x[i]), *koppels[p]) for p in sorted(koppels, key=sorted)],
        ouders={k: tuple(sorted(ps, key=lambda o: x.get(o, 0))) for k, ps in ouders.items() if ps},
        kindlijnen=kindlijnen, kruisingen=kruis, label_breedte=dict(breedtes or {}),
    )
    from ketencli.genogram.routes import geweld_en_huishoudens

    uit.geweld, uit.huishoudens = geweld_en_huishoudens(uit, leden, gemeld)
    return uit
