"""The three-way merge of one dossier (issue 18 §3): pure, no I/O, no git.

``voeg_samen(basis, ons, hun)`` takes three parsed ``dossier.yaml`` documents (plain dicts and lists
as the YAML reader returns them: the common ancestor, this machine's version and the colleague's
version) and returns the merged document and the list of conflicts:

- a value changed on one side only takes that side's value; the same change on both sides is no
  conflict;
- mappings merge key by key, recursively;
- lists of items with an identity merge item by item: items with an ``id`` (gezinsleden, diensten,
  PvA rows, doelstellingen, agenderingen) by their id, checklist ticks (``stappen``) by item and
  member; an item added on either side is kept, an item removed on one side and unchanged on the other
  goes, an item removed on one side and edited on the other stays and is a conflict;
- lists of items without an identity (tijdlijn entries, actions of a PvA row, historie, texts such as
  waarschuwingssignalen) merge as multisets of whole items: what either side added is in the result,
  what either side removed is gone; an edit is a removal plus an addition, so two edits of one entry
  keep both versions (nothing is lost, nothing asks);
- the same field changed differently on both sides is a ``Conflict``: the result keeps this side's
  value and the conflict both values. The caller records it in the dossier (``Dossier.conflicten``);
- a resolution is a decision: a conflict recorded in ``basis`` (``conflicten``, by its ``veld``) that a
  side no longer has was resolved there, and that side's value of the field counts as its change even
  when it is the value ``basis`` kept (choosing value 1 changes nothing in the field). Resolved on both
  sides with different values (or resolved on one and edited on the other) is a new ``Conflict``; the
  same value on both sides is none (issue 18: nothing is ever silently lost). The whole-dossier
  conflict (``HEEL_DOSSIER``) resolved on both sides merges the two as if they had no common version:
  every field they differ in is a conflict, list items of either side are kept;
- a mapping that is one unit (``EENHEDEN``: the casusregisseur, one person's name, organisation and
  contact) changed differently on both sides is one ``Conflict`` with both whole values, never a mix
  (a new regisseur's name with the previous one's phone number);
- an id created on both sides (absent from ``basis``, the two items different: two computers gave out
  the same next id offline, m4 for two different people) is two items, not one: one side keeps the id,
  the other side's item gets the next free id of that list (same prefix, a number above every id of
  that list on all three sides) and every reference to it on that side (``VERWIJZINGEN``) is rewritten
  first; the same item added on both sides stays one. ``samenvoeging`` reports these renumberings.

Invariant (tested by a hypothesis property test): every change of either side relative to ``basis``
is in the result or in a conflict.
"""

from __future__ import annotations

import copy
import json
import re
from dataclasses import dataclass, field
from typing import Any, Literal

WEG = None  # a conflict's value for "this side removed the item"


class _Ontbreekt:
    """A key or item that a side does not have."""

    def __repr__(self) -> str:  # pragma: no cover - debugging aid
        return "ONTBREEKT"


ONTBREEKT: Any = _Ontbreekt()


@dataclass
class Conflict:
    """One field (or item) changed differently on both sides. ``pad`` is a dotted path with list
    items as ``[sleutel]`` (``aanmelding.waarom_nu``, ``pva.rijen[r2].aanpak``); ``ons``/``hun`` are
    the two values (``None`` for an item a side removed)."""

    pad: str
    ons: Any
    hun: Any


@dataclass
class Hernummering:
    """An item both sides created under one id: ``kant`` ("ons" or "hun") is the side whose item got
    the new id; ``lijst`` the list's path without item keys (``gezinsleden``, ``pva.rijen``)."""

    lijst: str
    oud: str
    nieuw: str
    kant: str


@dataclass
class Samenvoeging:
    """The result of ``samenvoeging``: the merged document, the conflicts and the renumbered items."""

    resultaat: Any
    conflicten: list[Conflict] = field(default_factory=list)
    hernummerd: list[Hernummering] = field(default_factory=list)


# Where a dossier refers to an item of an id list, per list (paths from the dossier, list levels
# implicit, as in ``methodiek.need_to_know``): the one table of references, used to rewrite them when
# an item is renumbered. tests/test_samenvoegen.py scans model.py so that a new field holding ids of
# one of these lists cannot be left out. Fields typed "a service id or free text" are references too:
# free text equal to a renumbered id is taken for that id.
VERWIJZINGEN: dict[str, tuple[str, ...]] = {
    "gezinsleden": (
        "gezinsleden.relaties.met", "tijdlijn.door", "tijdlijn.tegen", "kijkschema.factoren.bij_wie",
        "pva.rijen.bij_wie", "pva.doelstellingen.bij_wie", "stappen.lid", "veiligheidsplan.lid",
        "uitleg_458ter.lid", "agenderingen.reikwijdte.leden", "afronding.evaluaties.lid",
    ),
    "betrokken_diensten": (
        "pva.rijen.acties.begeleiding", "pva.rijen.acties.overgedragen_aan", "agenderingen.uitgenodigd",
        "agenderingen.reikwijdte.tafelleden", "afronding.partners.dienst", "knelpunten.dienst",
    ),
    "pva.rijen": ("pva.doelstellingen.rij",),
    "pva.doelstellingen": (),
    "agenderingen": (),
    "knelpunten": (),
}


# Mappings merged as one value (see the module docstring), as paths without item keys.
EENHEDEN: frozenset[str] = frozenset({"casusregisseur"})

# The dossier's list of recorded conflicts (``model.Dossier.conflicten``; each item has ``veld``, a path),
# and the ``veld`` of a conflict on the whole dossier (``team.HEEL_DOSSIER``: a merge that was not valid).
CONFLICTEN = "conflicten"
HEEL_DOSSIER = "(hele dossier)"


def voeg_samen(basis: Any, ons: Any, hun: Any) -> tuple[Any, list[Conflict]]:
    """Merge ``ons`` and ``hun`` against their common ancestor ``basis`` (``None`` or ``{}`` when the
    file is new on both sides). Returns (result, conflicts); the inputs are not changed. An item both
    sides created under one id keeps it here; theirs is renumbered (see ``samenvoeging``)."""
    s = samenvoeging(basis, ons, hun)
    return s.resultaat, s.conflicten


def samenvoeging(basis: Any, ons: Any, hun: Any, hernummer: Literal["ons", "hun"] = "hun") -> Samenvoeging:
    """``voeg_samen`` with the renumbered items. ``hernummer`` names the side whose new item gets the
    next free id when both sides created one id (two different items): "hun" by default; a team sync
    passes "ons", the side no colleague has seen yet (as ``team`` renumbers a whole dossier)."""
    b = ONTBREEKT if basis is None else basis
    hernummerd: list[Hernummering] = []
    if hernummer == "hun":
        hun = _hernummer(b, ons, hun, hernummerd, "hun")
    else:
        ons = _hernummer(b, hun, ons, hernummerd, "ons")
    conflicten: list[Conflict] = []
    beslist = _beslist_aan_beide_kanten(b, ons, hun)
    if HEEL_DOSSIER in beslist:  # each side chose a whole version: no common version left to compare with
        b, beslist = ONTBREEKT, beslist - {HEEL_DOSSIER}
    resultaat = _voeg(b, ons, hun, "", conflicten, beslist)
    return Samenvoeging(resultaat, conflicten, hernummerd)


# -- conflicts resolved on a side: decisions ------------------------------------------------------


def _opgelost(basis: Any, kant: Any) -> set[str]:
    """The fields of the conflicts recorded in ``basis`` that ``kant`` no longer has (resolved there)."""
    oud = basis.get(CONFLICTEN) if isinstance(basis, dict) else None
    if not isinstance(oud, list):
        return set()
    nog = kant.get(CONFLICTEN) if isinstance(kant, dict) else None
    open_ = {_inhoud(c) for c in nog} if isinstance(nog, list) else set()
    return {c["veld"] for c in oud
            if isinstance(c, dict) and isinstance(c.get("veld"), str) and _inhoud(c) not in open_}


def _beslist_aan_beide_kanten(basis: Any, ons: Any, hun: Any) -> frozenset[str]:
    """The fields of resolved conflicts that both sides decided: each resolved the conflict or changed
    the field since ``basis``. ``_voeg`` compares the two decisions there instead of each with ``basis``."""
    opgelost_o, opgelost_h = _opgelost(basis, ons), _opgelost(basis, hun)
    uit = set()
    for pad in opgelost_o | opgelost_h:
        b = lees(basis, pad)
        if (pad in opgelost_o or not _gelijk(lees(ons, pad), b)) and \
                (pad in opgelost_h or not _gelijk(lees(hun, pad), b)):
            uit.add(pad)
    return frozenset(uit)


def _raakt(beslist: frozenset[str], pad: str) -> bool:
    """Whether a decided field is ``pad`` or lies within it."""
    if not beslist:
        return False
    if not pad:
        return True
    return any(f == pad or f.startswith(pad + ".") or f.startswith(pad + "[") for f in beslist)


# -- items created on both sides under one id ------------------------------------------------------


def _hernummer(basis: Any, vast: Any, doc: Any, hernummerd: list[Hernummering], kant: str) -> Any:
    """``doc`` (a copy when something changes) with every item it created under an id that ``vast``
    also created for another item renumbered, and the references to it in ``doc`` rewritten."""
    uit = copy.deepcopy(doc)
    while True:  # again after rewriting: two items alike but for a renumbered reference are two items
        nieuw: list[Hernummering] = []
        _zoek_botsingen(basis, vast, uit, "", nieuw, kant)
        if not nieuw:
            return uit if hernummerd else doc
        per_lijst: dict[str, dict[str, str]] = {}
        for h in nieuw:
            per_lijst.setdefault(h.lijst, {})[h.oud] = h.nieuw
        for lijst, vertaling in per_lijst.items():
            for pad in VERWIJZINGEN.get(lijst, ()):
                _herschrijf(uit, pad.split("."), vertaling)
        hernummerd.extend(nieuw)


def _zoek_botsingen(basis: Any, vast: Any, doc: Any, pad: str, uit: list[Hernummering], kant: str) -> None:
    if isinstance(doc, dict) and isinstance(vast, dict):
        b = basis if isinstance(basis, dict) else {}
        for k, w in doc.items():
            if k in vast:
                _zoek_botsingen(b.get(k, ONTBREEKT), vast[k], w, f"{pad}.{k}" if pad else str(k), uit, kant)
        return
    if not (isinstance(doc, list) and isinstance(vast, list)):
        return
    b = basis if isinstance(basis, list) else []
    kb, kv, kd = _sleutels(b, pad), _sleutels(vast, pad), _sleutels(doc, pad)
    if kb is None or kv is None or kd is None:
        return
    bi, vi = dict(zip(kb, b, strict=True)), dict(zip(kv, vast, strict=True))
    bezet = set(kb) | set(kv) | set(kd)
    lijst = re.sub(r"\[[^\]]*\]", "", pad)
    for item, k in zip(doc, kd, strict=True):
        if k in vi and k not in bi and not _gelijk(item, vi[k]) and isinstance(item.get("id"), str):
            nieuw_id = _volgend_vrij(k, bezet)
            bezet.add(nieuw_id)
            item["id"] = nieuw_id
            uit.append(Hernummering(lijst, k, nieuw_id, kant))
        elif k in vi:
            _zoek_botsingen(bi.get(k, ONTBREEKT), vi[k], item, f"{pad}[{k}]", uit, kant)


def _volgend_vrij(oud: str, bezet: set[str]) -> str:
    """The prefix of ``oud`` (m of m4) with a number above every id with that prefix in ``bezet``."""
    m = re.fullmatch(r"(.*?)(\d+)", oud)
    voorvoegsel = m.group(1) if m else f"{oud}-"
    nummers = [int(n.group(1)) for i in bezet if (n := re.fullmatch(re.escape(voorvoegsel) + r"(\d+)", i))]
    return f"{voorvoegsel}{max(nummers, default=0) + 1}"


def _herschrijf(doc: Any, delen: list[str], vertaling: dict[str, str]) -> None:
    """Rewrite the ids at the path ``delen`` (list levels implicit) in place."""
    if isinstance(doc, list):
        for item in doc:
            _herschrijf(item, delen, vertaling)
        return
    if not isinstance(doc, dict) or delen[0] not in doc:
        return
    if len(delen) > 1:
        _herschrijf(doc[delen[0]], delen[1:], vertaling)
        return
    waarde = doc[delen[0]]
    if isinstance(waarde, str):
        doc[delen[0]] = vertaling.get(waarde, waarde)
    elif isinstance(waarde, list):
        doc[delen[0]] = [vertaling.get(w, w) if isinstance(w, str) else w for w in waarde]


def _gelijk(a: Any, b: Any) -> bool:
    return type(a) is type(b) and a == b if not isinstance(a, (dict, list)) else a == b


def _voeg(basis: Any, ons: Any, hun: Any, pad: str, conflicten: list[Conflict],
          beslist: frozenset[str] = frozenset()) -> Any:
    """``beslist``: the fields both sides decided (``_beslist_aan_beide_kanten``): there and above them,
    a side equal to ``basis`` is not "unchanged"."""
    if _gelijk(ons, hun):
        return ons
    geraakt = _raakt(beslist, pad)
    if not geraakt:
        if _gelijk(ons, basis):
            return hun
        if _gelijk(hun, basis):
            return ons
    if pad not in beslist and re.sub(r"\[[^\]]*\]", "", pad) not in EENHEDEN:
        if isinstance(ons, dict) and isinstance(hun, dict) and (isinstance(basis, dict) or basis is ONTBREEKT):
            return _voeg_dict(basis if isinstance(basis, dict) else {}, ons, hun, pad, conflicten, beslist)
        if isinstance(ons, list) and isinstance(hun, list) and (isinstance(basis, list) or basis is ONTBREEKT):
            return _voeg_lijst(basis if isinstance(basis, list) else [], ons, hun, pad, conflicten, beslist)
    conflicten.append(Conflict(pad or "(dossier)", _waarde(ons), _waarde(hun)))
    return ons


def _waarde(w: Any) -> Any:
    return WEG if w is ONTBREEKT else w


def _voeg_dict(basis: dict, ons: dict, hun: dict, pad: str, conflicten: list[Conflict],
               beslist: frozenset[str] = frozenset()) -> dict:
    uit: dict = {}
    sleutels = list(ons) + [k for k in hun if k not in ons]
    for k in sleutels:
        kpad = f"{pad}.{k}" if pad else str(k)
        vrij = not _raakt(beslist, kpad)
        if vrij and k not in ons and k in basis and _gelijk(hun.get(k, ONTBREEKT), basis[k]):
            continue  # removed here, unchanged there
        if vrij and k not in hun and k in basis and _gelijk(ons.get(k, ONTBREEKT), basis[k]):
            continue  # removed there, unchanged here
        w = _voeg(basis.get(k, ONTBREEKT), ons.get(k, ONTBREEKT), hun.get(k, ONTBREEKT), kpad, conflicten, beslist)
        if w is not ONTBREEKT:
            uit[k] = w
    return uit


# -- lists ----------------------------------------------------------------------------------------


def sleutel(item: Any, lijstpad: str = "") -> str | None:
    """The identity of a list item, or None for an item that has none (merged by content): ``id``
    when the item has one; for checklist ticks (``stappen``) the item and the member."""
    if isinstance(item, dict):
        if isinstance(item.get("id"), (str, int)) and str(item["id"]):
            return str(item["id"])
        if _laatste(lijstpad) == "stappen" and isinstance(item.get("item"), str):
            lid = item.get("lid")
            return f"{item['item']}@{lid}" if lid else item["item"]
    return None


def _laatste(pad: str) -> str:
    return pad.rsplit(".", 1)[-1].split("[", 1)[0]


def _inhoud(item: Any) -> str:
    return json.dumps(item, sort_keys=True, default=str, ensure_ascii=False)


def _sleutels(lijst: list, pad: str) -> list[str] | None:
    """Unique identities for every item, or None when the list is merged by content."""
    ks = [sleutel(i, pad) for i in lijst]
    if any(k is None for k in ks) or len(set(ks)) != len(ks):
        return None
    return ks  # type: ignore[return-value]


def _voeg_lijst(basis: list, ons: list, hun: list, pad: str, conflicten: list[Conflict],
                beslist: frozenset[str] = frozenset()) -> list:
    kb, ko, kh = _sleutels(basis, pad), _sleutels(ons, pad), _sleutels(hun, pad)
    if kb is not None and ko is not None and kh is not None:
        return _voeg_op_sleutel(basis, ons, hun, kb, ko, kh, pad, conflicten, beslist)
    return _voeg_als_multiset(basis, ons, hun)


def _voeg_op_sleutel(basis: list, ons: list, hun: list, kb: list[str], ko: list[str], kh: list[str],
                     pad: str, conflicten: list[Conflict], beslist: frozenset[str] = frozenset()) -> list:
    b, o, h = dict(zip(kb, basis, strict=True)), dict(zip(ko, ons, strict=True)), dict(zip(kh, hun, strict=True))
    uit: list = []
    volgorde = ko + [k for k in kh if k not in o]
    for k in volgorde:
        itempad = f"{pad}[{k}]"
        if k in o and k in h:
            uit.append(_voeg(b.get(k, ONTBREEKT), o[k], h[k], itempad, conflicten, beslist))
        elif k in o:  # only here: new here, or removed there
            if k not in b:
                uit.append(o[k])
            elif not _gelijk(o[k], b[k]) or _raakt(beslist, itempad):  # edited (decided) here, removed there
                conflicten.append(Conflict(itempad, o[k], WEG))
                uit.append(o[k])
        else:  # only there
            if k not in b:
                uit.append(h[k])
            elif not _gelijk(h[k], b[k]) or _raakt(beslist, itempad):  # removed here, edited (decided) there
                conflicten.append(Conflict(itempad, WEG, h[k]))
                uit.append(h[k])
    return uit


def _voeg_als_multiset(basis: list, ons: list, hun: list) -> list:
    """Items by content: each item's count changes by what either side did (the same addition or
    removal on both sides counts once); this side's order first, then what only the other added."""
    tb, to, th = _tel(basis), _tel(ons), _tel(hun)
    doel: dict[str, int] = {}
    for k in set(tb) | set(to) | set(th):
        b = tb.get(k, 0)
        x, y = to.get(k, 0) - b, th.get(k, 0) - b
        d = (max(x, y) if x > 0 else min(x, y)) if x * y > 0 else x + y
        doel[k] = max(0, b + d)
    uit: list = []
    gezet: dict[str, int] = {}
    for item in ons + hun:
        k = _inhoud(item)
        if gezet.get(k, 0) < doel[k]:
            uit.append(item)
            gezet[k] = gezet.get(k, 0) + 1
    return uit


def _tel(lijst: list) -> dict[str, int]:
    tel: dict[str, int] = {}
    for item in lijst:
        k = _inhoud(item)
        tel[k] = tel.get(k, 0) + 1
    return tel


# -- paths: reading and setting a value for `team los` --------------------------------------------


def _delen(pad: str) -> list[tuple[str, str]]:
    """``pva.rijen[r2].aanpak`` -> [("k","pva"), ("k","rijen"), ("i","r2"), ("k","aanpak")]."""
    delen: list[tuple[str, str]] = []
    i = 0
    huidig = ""
    while i < len(pad):
        c = pad[i]
        if c == ".":
            if huidig:
                delen.append(("k", huidig))
            huidig = ""
        elif c == "[":
            if huidig:
                delen.append(("k", huidig))
            huidig = ""
            eind = pad.index("]", i)
            delen.append(("i", pad[i + 1:eind]))
            i = eind
        else:
            huidig += c
        i += 1
    if huidig:
        delen.append(("k", huidig))
    return delen


def zet(document: dict, pad: str, waarde: Any) -> None:
    """Set the value at ``pad`` in ``document`` (in place); ``waarde`` None at an item path removes
    the item, at a key removes the key. Raises KeyError when the path does not exist (any more)."""
    delen = _delen(pad)
    if not delen:
        raise KeyError(pad)
    ouder: Any = document
    lijstpad = ""
    for soort, naam in delen[:-1]:
        ouder, lijstpad = _stap(ouder, soort, naam, lijstpad)
    soort, naam = delen[-1]
    if soort == "k":
        if not isinstance(ouder, dict):
            raise KeyError(pad)
        if waarde is None:
            ouder.pop(naam, None)
        else:
            ouder[naam] = waarde
        return
    if not isinstance(ouder, list):
        raise KeyError(pad)
    for i, item in enumerate(ouder):
        if sleutel(item, lijstpad) == naam:
            if waarde is None:
                del ouder[i]
            else:
                ouder[i] = waarde
            return
    if waarde is not None:
        ouder.append(waarde)


def lees(document: Any, pad: str) -> Any:
    """The value at ``pad`` in ``document``, or ``ONTBREEKT`` when the path does not exist."""
    huidig, lijstpad = document, ""
    try:
        for soort, naam in _delen(pad):
            huidig, lijstpad = _stap(huidig, soort, naam, lijstpad)
    except KeyError:
        return ONTBREEKT
    return huidig


def _stap(ouder: Any, soort: str, naam: str, lijstpad: str) -> tuple[Any, str]:
    if soort == "k":
        if not isinstance(ouder, dict) or naam not in ouder:
            raise KeyError(naam)
        return ouder[naam], naam
    if isinstance(ouder, list):
        for item in ouder:
            if sleutel(item, lijstpad) == naam:
                return item, lijstpad
    raise KeyError(naam)


# -- field-level differences (history) ------------------------------------------------------------


@dataclass
class Verschil:
    """One field-level difference between two versions: ``soort`` is "toegevoegd", "gewijzigd" or
    "verwijderd"; ``oud``/``nieuw`` the values (None when absent)."""

    pad: str
    soort: str
    oud: Any
    nieuw: Any


def verschillen(oud: Any, nieuw: Any, pad: str = "") -> list[Verschil]:
    """The field-level differences from ``oud`` to ``nieuw`` (dicts per key, identified list items per
    identity, other lists per whole item)."""
    uit: list[Verschil] = []
    _verschil(ONTBREEKT if oud is None else oud, ONTBREEKT if nieuw is None else nieuw, pad, uit)
    return uit


def _verschil(oud: Any, nieuw: Any, pad: str, uit: list[Verschil]) -> None:
    if _gelijk(oud, nieuw):
        return
    if isinstance(oud, dict) and isinstance(nieuw, dict):
        for k in list(oud) + [k for k in nieuw if k not in oud]:
            _verschil(oud.get(k, ONTBREEKT), nieuw.get(k, ONTBREEKT), f"{pad}.{k}" if pad else str(k), uit)
        return
    if isinstance(oud, list) and isinstance(nieuw, list):
        ko, kn = _sleutels(oud, pad), _sleutels(nieuw, pad)
        if ko is not None and kn is not None:
            o, n = dict(zip(ko, oud, strict=True)), dict(zip(kn, nieuw, strict=True))
            for k in ko + [k for k in kn if k not in o]:
                _verschil(o.get(k, ONTBREEKT), n.get(k, ONTBREEKT), f"{pad}[{k}]", uit)
            return
        tel_o, tel_n = _tel(oud), _tel(nieuw)
        for item in oud:
            k = _inhoud(item)
            if tel_o[k] > tel_n.get(k, 0):
                uit.append(Verschil(pad, "verwijderd", item, None))
                tel_o[k] -= 1
        tel_o = _tel(oud)
        for item in nieuw:
            k = _inhoud(item)
            if tel_n[k] > tel_o.get(k, 0):
                uit.append(Verschil(pad, "toegevoegd", None, item))
                tel_n[k] -= 1
        return
    if oud is ONTBREEKT:
        uit.append(Verschil(pad, "toegevoegd", None, nieuw))
    elif nieuw is ONTBREEKT:
        uit.append(Verschil(pad, "verwijderd", oud, None))
    else:
        uit.append(Verschil(pad, "gewijzigd", oud, nieuw))
