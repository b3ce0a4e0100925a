"""The summary of every dossier, cached per file (decisions D15): fast listings without pydantic.

``dossier list`` and ``overzicht`` need a few fields of each dossier and its next due items. Loading
1,000 dossiers through the store (YAML + validation) and computing their deadlines takes seconds,
so the summaries are cached in ``<home>/cache/samenvattingen.bin`` (owner-only, like the dossiers:
it holds the gezin labels). The fields only some reports need (``EXTRA``: member keys, knelpunten,
jaarcijfers; more than half of the bytes) live beside it in ``samenvattingen-extra.bin``, read only
by a caller that asks for them (``samenvattingen(extra=True)``): `overzicht` and `dossier list` parse
half as much (issue 19). An entry is used only while its dossier file has the same
``(mtime_ns, size)``, and the whole cache only for the day it was made (due items depend on today),
the same region settings and the same ketencli version; within the day, an entry is recomputed once
the clock passes the hour of one of its items of today (a deadline that passes at 12:00 moves the
first weegploeg to the next session, D25). A folder copied in by hand or by a sync is
picked up; a changed file is read again through ``store``; a dossier that does not load is listed
with its problem. Both files are in marshal's format (``_schrijf_cache``). On the warm path this
module imports neither the model, YAML, pydantic nor holidays.
"""

from __future__ import annotations

import contextlib
import marshal
import os
import unicodedata
from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import date, datetime
from pathlib import Path
from typing import Any

from ketencli import __version__, paden

CACHE_VERSIE = 6
# the summary fields kept in the side file (``extra_pad``): only reports that need them read it
EXTRA = ("leden", "knelpunten", "jaarcijfers")


@dataclass
class Samenvatting:
    id: str
    gezin: str = ""
    regio: str = ""
    fase: str = ""
    regisseur: str = ""
    aanmeldingsdatum: date | None = None
    # the method's due items of this dossier (``planning.Vervaldatum.naar_dict()``), sorted by date
    vervaldata: list[dict[str, Any]] = field(default_factory=list)
    fout: str | None = None
    # one opaque key per member with a name and a birth date (``lid_sleutel``): finds the same family
    # in two dossiers without keeping names or birth dates in the cache
    leden: list[str] = field(default_factory=list)
    # files in the dossier's folder that ketencli did not write (a sync tool's conflict copy, …)
    vreemde_bestanden: list[str] = field(default_factory=list)
    # issue 17: the dossier's knelpunten for `beleidssignalen` (``_knelpunten``): no names, no free text
    knelpunten: list[dict[str, Any]] = field(default_factory=list)
    # the anonymous facts `jaarcijfers` counts (``methodiek.cijfers.feiten``): dates, keys, counts, no names
    jaarcijfers: dict[str, Any] | None = None
    # open merge conflicts of a team sync (issue 18)
    conflicten: int = 0
    # the error of the region settings file (regio.yaml) when the due dates could not be computed with
    # it: ``vervaldata`` then holds only the dates stored in the dossier, and a listing warns
    instellingen_fout: str | None = None

    @property
    def volgende(self) -> dict[str, Any] | None:
        """The first due item (the most urgent, overdue ones included)."""
        return self.vervaldata[0] if self.vervaldata else None

    def naar_dict(self) -> dict[str, Any]:
        # by hand, not dataclasses.asdict (a deep copy: a tenth of a cold index, issue 19)
        return {"id": self.id, "gezin": self.gezin, "regio": self.regio, "fase": self.fase,
                "regisseur": self.regisseur,
                "aanmeldingsdatum": self.aanmeldingsdatum.isoformat() if self.aanmeldingsdatum else None,
                "vervaldata": [dict(v) for v in self.vervaldata], "fout": self.fout, "leden": list(self.leden),
                "vreemde_bestanden": list(self.vreemde_bestanden), "knelpunten": [dict(k) for k in self.knelpunten],
                "jaarcijfers": self.jaarcijfers, "conflicten": self.conflicten,
                "instellingen_fout": self.instellingen_fout}

    @classmethod
    def uit_dict(cls, data: dict[str, Any]) -> Samenvatting:
        datum = data.get("aanmeldingsdatum")
        return cls(
            id=data["id"], gezin=data.get("gezin", ""), regio=data.get("regio", ""), fase=data.get("fase", ""),
            regisseur=data.get("regisseur", ""), aanmeldingsdatum=date.fromisoformat(datum) if datum else None,
            vervaldata=list(data.get("vervaldata") or []), fout=data.get("fout"),
            leden=list(data.get("leden") or []), vreemde_bestanden=list(data.get("vreemde_bestanden") or []),
            knelpunten=list(data.get("knelpunten") or []),
            jaarcijfers=data.get("jaarcijfers") if isinstance(data.get("jaarcijfers"), dict) else None,
            conflicten=int(data.get("conflicten") or 0), instellingen_fout=data.get("instellingen_fout"),
        )


def lid_sleutel(naam: str, geboortedatum: date | None) -> str | None:
    """An opaque key for "the same person": name (case, accents and spacing folded) and birth date.
    None without a birth date or a name (a name alone is too weak to call two families the same)."""
    if geboortedatum is None or not naam.strip():
        return None
    gevouwen = unicodedata.normalize("NFKD", naam).encode("ascii", "ignore").decode("ascii")
    tekst = " ".join(gevouwen.casefold().split()) + "|" + geboortedatum.isoformat()
    import hashlib

    return hashlib.sha256(tekst.encode("utf-8")).hexdigest()[:24]


def cache_pad() -> Path:
    return paden.home() / "cache" / "samenvattingen.bin"


def extra_pad() -> Path:
    return paden.home() / "cache" / "samenvattingen-extra.bin"


def stempel(pad: str | Path) -> list[int] | None:
    """A file's ``[mtime_ns, size]``, None when it cannot be read."""
    try:
        st = os.stat(pad)
    except OSError:
        return None
    return [st.st_mtime_ns, st.st_size]


def dossierbestanden() -> list[tuple[str, list[int]]]:
    """(id, stamp) of every dossier folder with a dossier file, sorted by id. The stamp is the
    file's (mtime_ns, size) and the folder's mtime_ns: a file added beside it (a sync tool's
    conflict copy) changes the folder's stamp."""
    try:
        items = list(os.scandir(paden.dossiers_dir()))
    except FileNotFoundError:  # no dossier yet
        return []
    except OSError as fout:  # a data home that is a file, a folder without read rights
        raise paden.dossiermap_fout(fout) from None
    gevonden = []
    past, bestand = paden.ID_PATROON.match, os.sep + paden.DOSSIER_BESTAND
    for item in items:  # a loop kept lean: it runs once per dossier on every listing (issue 19)
        if not past(item.name):
            continue
        try:
            st = os.stat(item.path + bestand)
        except OSError:
            continue
        try:
            gevonden.append((item.name, [st.st_mtime_ns, st.st_size, item.stat().st_mtime_ns]))
        except OSError:
            gevonden.append((item.name, [st.st_mtime_ns, st.st_size]))
    gevonden.sort()
    return gevonden


def _config_stempel() -> list[Any]:
    """The region settings and other config files: a change there changes due dates."""
    try:
        items = sorted(os.scandir(paden.config_dir()), key=lambda i: i.name)
    except OSError:
        return []
    return [[i.name, stempel(i.path)] for i in items if i.name.endswith((".yaml", ".yml")) and i.is_file()]


def _code_stempel() -> list[Any]:
    """The modules that compute a summary: a changed rule (an update, a developer's edit) is never
    answered from a cache made by the old one."""
    pakket = Path(__file__).resolve().parent
    bestanden = ("planning.py", "model.py", "store.py", "methodiek/regios.py", "methodiek/afronding.py",
                 "methodiek/knelpunten.py", "methodiek/cijfers.py", "methodiek/aanmelding.py", "methodiek/stappen.py")
    return [stempel(pakket / naam) for naam in bestanden]


def _lees_cache(pad: Path | None = None) -> dict[str, Any]:
    """A cache file's content; {} when it is missing or does not load (then it is made again)."""
    try:
        with open(pad or cache_pad(), "rb") as f:
            data = marshal.loads(f.read())
    except (OSError, ValueError, EOFError, TypeError):
        return {}
    return data if isinstance(data, dict) else {}


# the cache files of ketencli 0.1 before issue 19's marshal format: removed when the new ones are written
_OUDE_CACHES = ("samenvattingen.json", "samenvattingen-extra.json")


def _schrijf_cache(data: dict[str, Any], pad: Path | None = None) -> None:
    """Best effort: a cache that cannot be written only makes the next listing slower. In marshal's
    format (plain dicts, lists, texts and numbers; written and read ten times faster than JSON at 10,000
    dossiers, issue 19); a file that does not load is simply made again."""
    pad = pad or cache_pad()
    with contextlib.suppress(OSError):
        paden.maak_map(pad.parent)
        paden.ruim_oude_kopieen_op(pad.parent)  # a killed listing's copy holds the gezin labels
        paden.schrijf_atomisch(pad, marshal.dumps(data))
        for oud in _OUDE_CACHES:  # they hold gezin labels too
            with contextlib.suppress(FileNotFoundError):
                os.unlink(pad.parent / oud)


def vergeet(dossier_id: str) -> None:
    """Drop a (deleted) dossier's summary from the cache at once (issue 20 §8)."""
    for pad in (extra_pad(), cache_pad()):
        cache = _lees_cache(pad)
        dossiers = cache.get("dossiers")
        if isinstance(dossiers, dict) and dossier_id in dossiers:
            del dossiers[dossier_id]
            _schrijf_cache(cache, pad)
    vergeet_weergaven()


def vergeet_weergaven() -> None:
    """Remove every listing's kept text (``weergavecache``: a deleted dossier's gezin label must not stay
    behind in one)."""
    with contextlib.suppress(OSError):
        for item in os.scandir(paden.home() / "cache"):
            if item.name.startswith("weergave-") and item.name.endswith(".bin"):
                with contextlib.suppress(OSError):
                    os.unlink(item.path)


def bereken(dossier_id: str, vandaag: date | datetime) -> dict[str, Any]:
    """The summary of one dossier, read through the store (the cold path). ``vandaag``: the day, or
    the moment (``klok.nu()``: a deadline earlier today has passed)."""
    from ketencli import planning, store
    from ketencli.fouten import KetencliFout

    try:
        d = store.laad(dossier_id)
    except KetencliFout as fout:
        return Samenvatting(id=dossier_id, fout=fout.melding.splitlines()[0]).naar_dict()
    instellingen_fout = None
    try:
        vervaldata = [v.naar_dict() for v in planning.vervaldata(d, vandaag)]
    except KetencliFout as fout:  # a region setting that is not valid: what does not depend on it, and a warning
        vervaldata = [v.naar_dict() for v in planning.vaste_vervaldata(d)]
        instellingen_fout = fout.melding + (f"\n{fout.tip}" if fout.tip else "")
    leden = [k for lid in d.gezinsleden if (k := lid_sleutel(lid.naam, lid.geboortedatum))]
    return Samenvatting(
        id=d.id, gezin=d.gezin, regio=d.regio, fase=d.fase, regisseur=d.casusregisseur.naam,
        aanmeldingsdatum=d.aanmelding.datum, vervaldata=vervaldata, leden=leden, knelpunten=_knelpunten(d),
        jaarcijfers=_jaarcijfers(d, vandaag), conflicten=len(d.conflicten), instellingen_fout=instellingen_fout,
    ).naar_dict()


def _knelpunten(d: Any) -> list[dict[str, Any]]:
    """The dossier's knelpunten as `beleidssignalen` counts them (issue 17): category and its label, the *kind* of the
    service (never its name), date, deelbaar, and only for a deelbaar one its description, anonymised
    (``methodiek.knelpunten.anonimiseer``); a description that is not deelbaar never reaches the cache."""
    from ketencli import planning
    from ketencli.fouten import KetencliFout
    from ketencli.methodiek import knelpunten

    try:  # the label of a region's own category, so the report needs no settings (and no model) when warm
        labels = knelpunten.categorieen(planning.regio(d.regio).knelpunt_categorieen) if d.knelpunten else {}
    except KetencliFout:
        labels = knelpunten.categorieen()
    personen, organisaties = knelpunten.namen_van(d)
    uit = []
    for k in d.knelpunten:
        dienst = d.dienst(k.dienst)
        uit.append({"categorie": k.categorie, "categorie_label": labels.get(k.categorie, k.categorie),
                    "dienst_soort": dienst.soort if dienst else "ander",
                    "datum": k.datum.isoformat(), "deelbaar": k.deelbaar,
                    "omschrijving": knelpunten.anonimiseer(k.omschrijving, personen, organisaties) if k.deelbaar
                    else ""})
    return uit


def _jaarcijfers(d: Any, vandaag: date | datetime) -> dict[str, Any] | None:
    """The summary's key for `jaarcijfers` (issue 17): the dossier's anonymous facts
    (``methodiek.cijfers.feiten``), with the deadline of each agendering from ``planning`` (D24). None
    when they cannot be computed (a region setting that is not valid): `jaarcijfers` then says so."""
    from ketencli import klok, planning
    from ketencli.fouten import KetencliFout
    from ketencli.methodiek import cijfers

    nu = vandaag if isinstance(vandaag, datetime) else datetime.combine(vandaag, datetime.min.time(), klok.TIJDZONE)
    try:
        return cijfers.feiten(d, nu.date(), lambda a: planning.agendering_deadline(d.regio, a), nu)
    except KetencliFout:
        return None


def _uit_cache(data: dict[str, Any], extra: dict[str, Any] | None) -> Samenvatting | None:
    """A cached summary, or None when the entry is damaged (then the dossier is read again). ``extra``:
    the side file's entry of the dossier (the ``EXTRA`` fields); None gives a summary without those
    fields (reading one is an AttributeError: ask ``samenvattingen(extra=True)``)."""
    try:
        vervaldata = data["vervaldata"]
        for item in vervaldata:
            date.fromisoformat(item["datum"])
            str(item["omschrijving"])
        datum = data["aanmeldingsdatum"]
        velden = {"id": str(data["id"]), "gezin": data["gezin"], "regio": data["regio"], "fase": data["fase"],
                  "regisseur": data["regisseur"], "aanmeldingsdatum": date.fromisoformat(datum) if datum else None,
                  "vervaldata": list(vervaldata), "fout": data["fout"],
                  "vreemde_bestanden": list(data["vreemde_bestanden"] or []),
                  "conflicten": int(data["conflicten"] or 0), "instellingen_fout": data.get("instellingen_fout")}
        if extra is not None:
            jaarcijfers = extra["jaarcijfers"]
            velden.update(leden=list(extra["leden"] or []), knelpunten=list(extra["knelpunten"] or []),
                          jaarcijfers=jaarcijfers if isinstance(jaarcijfers, dict) else None)
    except (KeyError, TypeError, ValueError):
        return None
    rij = object.__new__(Samenvatting)  # no __init__: the fields are set as they are (a tenth of a warm listing)
    rij.__dict__.update(velden)
    return rij


def geldig_tot(vervaldata: Iterable[Any], nu: datetime) -> str | None:
    """The first hour today ("HH:MM"), from ``nu``'s minute on, at which one of these due items
    (``planning.Vervaldatum.naar_dict()``) falls: from then on a passed deadline can change what is due
    (an item is late from the minute after its hour, ``planning``), so what was computed from them is
    computed again. None: nothing of today is still to come."""
    vandaag, nu_tijd = nu.date().isoformat(), f"{nu:%H:%M}"
    tijden = [str(i.get("tijd")) for i in vervaldata
              if isinstance(i, dict) and i.get("datum") == vandaag and i.get("tijd") and str(i.get("tijd")) >= nu_tijd]
    return min(tijden, default=None)


# from this many files on, a cold index is computed by two processes (``_bereken_gevorkt``); below it the
# fork and the transfer of the results cost more than they spare
PARALLEL_VANAF = 100


def _bereken_alle(ids: list[str], nu: datetime) -> dict[str, dict[str, Any]]:
    """The summaries of ``ids``, read through the store. The first one here (it imports the store, the
    model and the rules and reads the region settings once); from ``PARALLEL_VANAF`` files on, where
    ``os.fork`` exists and a second processor is free (``_kan_vorken``), the rest by this process and a
    forked one together (``_bereken_gevorkt``); otherwise one after the other (Windows: starting a process
    there means importing all of ketencli again)."""
    uit: dict[str, dict[str, Any]] = {}
    if not ids:
        return uit
    from ketencli import planning

    map_ = str(paden.dossiers_dir())
    with planning.instellingen_vast():
        uit[ids[0]] = _bereken_met_map(ids[0], nu, map_)
        rest = ids[1:]
        if len(rest) >= PARALLEL_VANAF and _kan_vorken():
            uit.update(_bereken_gevorkt(rest, nu, map_))
        else:
            for dossier_id in rest:
                uit[dossier_id] = _bereken_met_map(dossier_id, nu, map_)
    return uit


def _bereken_met_map(dossier_id: str, nu: datetime, map_: str) -> dict[str, Any]:
    """``bereken`` and the files beside the dossier's file in its folder (under ``map_``, the dossiers folder)."""
    data = bereken(dossier_id, nu)
    data["vreemde_bestanden"] = paden.vreemde_bestanden(os.path.join(map_, dossier_id))
    return data


def _kan_vorken() -> bool:
    """Whether a second process pays: POSIX fork, two processors for this process of which one is free
    (the load average of the last minute below the count less a half: on a 2-core machine busy with other
    programs, two processes were measured 4-8 % slower than one, issue 19), and no other thread (a fork
    copies only the calling thread: a lock held by another one would stay locked)."""
    import sys

    if not hasattr(os, "fork") or os.name != "posix":
        return False
    processoren = len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else (os.cpu_count() or 1)
    try:
        belast = os.getloadavg()[0]
    except OSError:  # not known here: assume the processors are free
        belast = 0.0
    if processoren < 2 or belast > processoren - 0.5:
        return False
    threading = sys.modules.get("threading")
    return threading is None or threading.active_count() == 1


def _bereken_gevorkt(ids: list[str], nu: datetime, map_: str) -> dict[str, dict[str, Any]]:
    """The summaries of ``ids`` computed by this process and one forked child at once (issue 19). The
    child takes ids from the front, this process from the back, each claiming the next one in a shared
    page of memory, so the two meet wherever the work (file sizes, a core busy with another program)
    puts them; an id both claim at the same moment is computed twice, harmlessly. The child sends its
    summaries back as plain data (``marshal``) through a pipe and writes nothing else. Whatever it did
    not deliver (it was killed, it failed) this process computes itself. Ctrl-C: both stop (the child
    is killed and reaped here) and nothing is cached, since the cache is written only after this returns."""
    import marshal
    import mmap
    import signal
    import struct

    from ketencli import store

    store.laad_yaml()  # PyYAML loaded once here, not in each process at its first file

    # [the child's next index (from the front), this process's next index (from the back)], 4 bytes each
    cursors = mmap.mmap(-1, 8)
    struct.pack_into("ii", cursors, 0, 0, len(ids) - 1)
    lees, schrijf = os.pipe()
    pid = os.fork()
    if pid == 0:  # the child: never returns, never runs the parent's exit handlers or flushes its output
        code = 1
        try:
            os.close(lees)
            klaar = {}
            while True:
                i = struct.unpack_from("i", cursors, 0)[0]
                if i > struct.unpack_from("i", cursors, 4)[0]:
                    break
                struct.pack_into("i", cursors, 0, i + 1)
                klaar[ids[i]] = _bereken_met_map(ids[i], nu, map_)
            with open(schrijf, "wb") as pijp:
                pijp.write(marshal.dumps(klaar))
            code = 0
        finally:
            os._exit(code)
    os.close(schrijf)
    uit: dict[str, dict[str, Any]] = {}
    try:
        while True:
            j = struct.unpack_from("i", cursors, 4)[0]
            if j < struct.unpack_from("i", cursors, 0)[0]:
                break
            struct.pack_into("i", cursors, 4, j - 1)
            uit[ids[j]] = _bereken_met_map(ids[j], nu, map_)
        fd, lees = lees, -1
        with open(fd, "rb") as pijp:  # closes fd
            ruw = pijp.read()
        _, status = os.waitpid(pid, 0)
        pid = 0
        if status == 0:
            with contextlib.suppress(ValueError, EOFError, TypeError):
                van_kind = marshal.loads(ruw)
                if isinstance(van_kind, dict):
                    uit.update({k: v for k, v in van_kind.items() if k not in uit})
    finally:
        if lees >= 0:
            os.close(lees)
        if pid:  # interrupted (Ctrl-C) or failed here: the child stops too
            with contextlib.suppress(OSError):
                os.kill(pid, signal.SIGKILL)
            with contextlib.suppress(OSError):
                os.waitpid(pid, 0)
        cursors.close()
    for dossier_id in ids:  # what the child did not deliver
        if dossier_id not in uit:
            uit[dossier_id] = _bereken_met_map(dossier_id, nu, map_)
    return uit


@contextlib.contextmanager
def _zonder_cyclische_gc() -> Any:
    """A bulk load makes many objects and next to no garbage cycles, yet the cyclic collector would scan
    them all again and again: at 10,000 dossiers its full passes took half the time of a cold index
    (issue 19). Off for the load (what existed before is frozen out of its scans), back on after."""
    import gc

    aan = gc.isenabled()
    gc.freeze()
    gc.disable()
    try:
        yield
    finally:
        gc.unfreeze()
        if aan:
            gc.enable()


def samenvattingen(*, extra: bool = True, bestanden: list[tuple[str, list[int]]] | None = None) -> list[Samenvatting]:
    """One summary per dossier, sorted by id; fresh for every changed, new or removed file. With
    ``extra=False`` the summaries read from the cache lack the ``EXTRA`` fields (``leden``,
    ``knelpunten``, ``jaarcijfers``): for the listings, which then leave the side file unread.
    ``bestanden``: the stamps of ``dossierbestanden()`` when the caller took them already (each is
    taken before its file is read)."""
    with _zonder_cyclische_gc():
        return _samenvattingen(extra, bestanden)


def cache_sleutel(vandaag: date) -> dict[str, Any]:
    """What every cached summary depends on besides its own file: the cache's format, ketencli's
    version and the modules of the rules, the day, and the config files (region settings, profile)."""
    return {"versie": CACHE_VERSIE, "ketencli": __version__, "dag": vandaag.isoformat(),
            "config": _config_stempel(), "code": _code_stempel()}


def _samenvattingen(extra: bool, bestanden: list[tuple[str, list[int]]] | None) -> list[Samenvatting]:
    from ketencli import klok

    nu = klok.nu()
    nu_tijd = f"{nu:%H:%M}"
    sleutel = cache_sleutel(nu.date())
    cache = _lees_cache()
    oud: dict[str, Any] = cache.get("dossiers", {}) if cache.get("sleutel") == sleutel else {}
    if not isinstance(oud, dict):
        oud = {}
    nieuw: dict[str, Any] = {}
    rijen: list[Samenvatting] = []
    gewijzigd = cache.get("sleutel") != sleutel
    bestanden = dossierbestanden() if bestanden is None else bestanden
    extra_oud = _lees_extra(sleutel) if extra else {}
    bruikbaar: dict[str, Samenvatting] = {}
    for dossier_id, stempel in bestanden:
        item = oud.get(dossier_id)
        if (isinstance(item, dict) and item.get("stempel") == stempel and isinstance(item.get("samenvatting"), dict)
                and (not item.get("geldig_tot") or nu_tijd < str(item["geldig_tot"]))):
            bij = extra_oud.get(dossier_id) if extra else None
            if extra and not (isinstance(bij, dict) and bij.get("stempel") == stempel):
                continue  # the side file lost or missed this entry: the dossier is read again
            rij = _uit_cache(item["samenvatting"], bij)
            if rij is not None:  # no item of today fell between then and now: the entry stays as it is
                bruikbaar[dossier_id] = rij
    # stamps taken before reading: a write in between shows up as a changed stamp next time
    berekend = _bereken_alle([i for i, _ in bestanden if i not in bruikbaar], nu)
    extra_nieuw: dict[str, Any] = {}
    for dossier_id, stempel in bestanden:
        if dossier_id in bruikbaar:
            nieuw[dossier_id] = oud[dossier_id]
            rijen.append(bruikbaar[dossier_id])
            continue
        data = berekend[dossier_id]
        rijen.append(Samenvatting.uit_dict(data))
        extra_nieuw[dossier_id] = {"stempel": stempel, **{k: data.pop(k) for k in EXTRA}}
        nieuw[dossier_id] = {"stempel": stempel, "samenvatting": data,
                             "geldig_tot": geldig_tot(data.get("vervaldata") or [], nu)}
        gewijzigd = True
    team = (paden.home() / ".git").is_dir()
    naam = cache.get("profielnaam") if cache.get("sleutel") == sleutel and cache.get("team") == team else None
    if not isinstance(naam, str):
        naam = _lees_profielnaam() if team else ""  # the profile is a config file: its stamp is in the key
        gewijzigd = True
    _PROFIELNAAM[:] = [naam]
    if gewijzigd or nieuw.keys() != oud.keys():
        # the side file first: a main entry written after it never points to an older side entry (and a
        # side entry whose stamp differs is read again); it holds exactly the dossiers of the main file
        if not extra:
            extra_oud = _lees_extra(sleutel)
        alle_extra = {i: extra_nieuw[i] if i in extra_nieuw else extra_oud[i]
                      for i in nieuw if i in extra_nieuw or isinstance(extra_oud.get(i), dict)}
        _schrijf_cache({"sleutel": sleutel, "dossiers": alle_extra}, extra_pad())
        _schrijf_cache({"sleutel": sleutel, "dossiers": nieuw, "profielnaam": naam, "team": team})
    return rijen


def _lees_extra(sleutel: dict[str, Any]) -> dict[str, Any]:
    """The side file's entries (``EXTRA`` fields by dossier id), when made under the same key."""
    cache = _lees_cache(extra_pad())
    dossiers = cache.get("dossiers") if cache.get("sleutel") == sleutel else None
    return dossiers if isinstance(dossiers, dict) else {}


_PROFIELNAAM: list[str] = []


def _lees_profielnaam() -> str:
    """The profile's name, which only a team data home needs (``caseload``): a single user's listing
    reads no profile (and so loads no model, issue 19)."""
    from ketencli import store
    from ketencli.fouten import KetencliFout

    try:
        return store.lees_profiel().naam
    except KetencliFout:
        return ""


def caseload_leeg(rijen: list[Samenvatting], *, regisseur: str | None) -> str | None:
    """Why a caseload view (``caseload``) shows none of ``rijen`` (all dossiers of the data home), in
    Dutch with what to do; None when there are none at all. Without this, a colleague's dossiers hidden
    by the default filter read as "Geen dossiers gevonden. Maak er een" (issue 18 §5)."""
    from ketencli.taal import aantal

    if not rijen:
        return None
    if regisseur is not None:
        namen = sorted({" ".join(r.regisseur.split()) for r in rijen if r.regisseur.strip()}, key=str.casefold)
        return (f"Geen dossiers van casusregisseur {' '.join(regisseur.split())}."
                + (f" Casusregisseurs in je datamap: {', '.join(namen)}." if namen else "")
                + " Toon alle dossiers met --team.")
    return (f"Je hebt geen eigen dossiers; {aantal(len(rijen), 'dossier is', 'dossiers zijn')} van je collega's. "
            "Toon ze met --team (of --regisseur NAAM).")


def caseload(rijen: list[Samenvatting], *, team: bool, regisseur: str | None) -> list[Samenvatting]:
    """The dossiers a listing shows (issue 18 §5): with ``regisseur`` that colleague's; in a team data
    home by default the user's own (the profile's name) and the unassigned ones; otherwise all (a single
    user sees everything). Unreadable dossiers always show. Call after ``samenvattingen()``."""

    def vouw(tekst: str) -> str:
        return " ".join(tekst.casefold().split())

    if regisseur is not None:
        return [r for r in rijen if r.fout or vouw(r.regisseur) == vouw(regisseur)]
    eigen = _PROFIELNAAM[0] if _PROFIELNAAM else ""
    if team or not eigen or not (paden.home() / ".git").is_dir():
        return rijen
    return [r for r in rijen if r.fout or not r.regisseur.strip() or vouw(r.regisseur) == vouw(eigen)]
