"""All git I/O of ketencli (issue 18): the data home as a git working tree, through pygit2.

pygit2 (libgit2) ships ready-made wheels for Windows, macOS and Linux, so no system git is needed;
it is C, so a sync of a team's 1,000 dossiers stays within twice a plain ``git pull && git push``
(``benchmarks/bench_team.py``): with a shared bare repository on a path, the objects that differ are
copied directly and the branch moves under git's own lock file (``_kopieer``, ``_zet_tak``); an https
server goes through libgit2's transport. It is imported only inside these functions: never on the ``--help``
path, and never for a single user (no team set up: no ``.git`` in the data home, nothing here runs).

What is tracked: ``dossiers/<id>/dossier.yaml`` and ``register/`` (the anonymous register of deleted
dossiers). Documents, drafts, editor copies, the config folder, locks and temp copies are not
(``.gitignore``). Commit messages carry ids and kinds only, never a name; the author is the name in
the user's profile. Every operation holds the team lock (``.git/ketencli.lock``); while holding it,
lock files libgit2 left behind after a killed process are stale and removed.

The merge of a dossier is ``samenvoegen`` (pure); the sync that uses these primitives is ``team``.
"""

from __future__ import annotations

import contextlib
import errno
import os
import re
import time
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path
from typing import Any

from ketencli.fouten import KetencliFout
from ketencli.paden import SlotBezet, alleen_eigenaar, bestandsslot, home

TAK = "main"
REF = f"refs/heads/{TAK}"
REF_REMOTE = f"refs/remotes/origin/{TAK}"
EMAIL = "ketencli@lokaal"  # git needs an address; a neutral one, never the user's
SLOT_WACHTTIJD = 2.0
KEYRING_DIENST = "ketencli-team"

GITIGNORE = """\
# ketencli team-opslag: alleen de dossiers zelf en het register worden gedeeld.
/*
!/.gitignore
!/dossiers/
!/register/
/dossiers/*/*
!/dossiers/*/dossier.yaml
/register/*.tmp
"""


class TeamFout(KetencliFout):
    """A team operation failed (the shared repository unreachable, refused, not set up)."""


def actief(basis: Path | None = None) -> bool:
    """Whether the data home is a team working tree (a stat; no import of pygit2)."""
    return ((basis or home()) / ".git").is_dir()


def open_repo() -> Any:
    import pygit2

    # keep parsed trees in libgit2's cache: `dossiers/` (one entry per dossier, ~36 kB at 1,000) is over
    # the default 4 kB limit and was read and parsed again for every file a sync looked up
    pygit2.settings.cache_object_limit(pygit2.enums.ObjectType.TREE, 1 << 22)
    try:
        return pygit2.Repository(str(home()))
    except pygit2.GitError:
        raise TeamFout("De team-opslag in je datamap is onleesbaar.",
                       tip="Vraag je beheerder om hulp; je dossiers zelf zijn onaangeroerd.") from None


# -- the team lock ----------------------------------------------------------------------------------

_STALE = ("index.lock", "HEAD.lock", "config.lock", "packed-refs.lock", "ORIG_HEAD.lock", "FETCH_HEAD.lock")


# the user's own umask while ketencli's (077) is set: the shared folder is written with it
_UMASK_BUITEN: list[int] = []


@contextlib.contextmanager
def _eigen_bestanden() -> Iterator[None]:
    """What libgit2 writes in this data home's ``.git`` is owner-only, as everything in the data home
    (folders 0700, files 0600 or 0400): the process umask is 077 meanwhile. The shared folder is
    written with the user's own umask (``_gedeelde_umask``): colleagues must read it."""
    oud = os.umask(0o077)
    _UMASK_BUITEN.append(oud)
    try:
        yield
    finally:
        _UMASK_BUITEN.pop()
        os.umask(oud)


@contextlib.contextmanager
def _gedeelde_umask() -> Iterator[None]:
    """The user's own umask for writes to the shared folder inside ``_eigen_bestanden``."""
    if not _UMASK_BUITEN:
        yield
        return
    eigen = os.umask(_UMASK_BUITEN[-1])
    try:
        yield
    finally:
        os.umask(eigen)


@contextlib.contextmanager
def slot(wachttijd: float | None = None) -> Iterator[None]:
    """The team lock: one git operation at a time in this data home (with owner-only files in ``.git``,
    ``_eigen_bestanden``). Raises TeamFout when another ketencli holds it longer than ``wachttijd``
    seconds."""
    git = home() / ".git"
    try:
        # not reentrant: a save's commit inside a sync of this process waits (and is made by the next sync)
        with bestandsslot(git / "ketencli.lock", SLOT_WACHTTIJD if wachttijd is None else wachttijd,
                          herintreedbaar=False), _eigen_bestanden():
            _ruim_oude_locks(git)
            yield
    except SlotBezet:
        raise TeamFout("Een andere ketencli is nu aan het synchroniseren.",
                       tip="Wacht even en probeer het opnieuw.") from None


def _ruim_oude_locks(git: Path) -> None:
    """Under the team lock only ketencli runs git: a libgit2 lock file now is from a killed process."""
    for naam in _STALE:
        with contextlib.suppress(OSError):
            (git / naam).unlink()
    for map_ in (git / "refs" / "heads", git / "refs" / "remotes" / "origin"):
        with contextlib.suppress(OSError):
            for item in os.scandir(map_):
                if item.name.endswith(".lock"):
                    os.unlink(item.path)


@contextlib.contextmanager
def vertaald() -> Iterator[None]:
    """libgit2's errors (a full disk, a damaged repository) as one Dutch TeamFout; OS errors as SchijfFout."""
    import pygit2

    from ketencli.fouten import schrijffout

    try:
        yield
    except pygit2.GitError as fout:
        raise TeamFout("De team-opslag in je datamap kon niet gelezen of bijgewerkt worden.",
                       tip="De team-opslag (de map .git in je datamap) is beschadigd, of de schijf is vol. Maak "
                           "ruimte vrij als de schijf vol is en probeer `ketencli team sync` opnieuw; helpt dat niet, "
                           "vraag je beheerder om hulp. Je dossiers zelf zijn bewaard. Technische melding: "
                           f"{_kort(fout)}") from None
    except OSError as fout:
        raise schrijffout(fout, "De team-opslag kon niet bijgewerkt worden",
                          gevolg="Je dossiers zelf zijn bewaard; probeer `ketencli team sync` opnieuw.") from None


# -- set up ----------------------------------------------------------------------------------------


def initialiseer(url: str) -> bool:
    """Make the data home a git working tree with ``url`` as its remote ``origin`` (again: only the
    remote changes). Returns True when the repository is new. Everything in ``.git`` is owner-only."""
    import pygit2

    basis = home()
    nieuw = not actief(basis)
    with _eigen_bestanden():
        if nieuw:
            pygit2.init_repository(str(basis), initial_head=TAK)
        repo = open_repo()
        gitignore = basis / ".gitignore"
        if not gitignore.exists():
            from ketencli.paden import schrijf_atomisch

            schrijf_atomisch(gitignore, GITIGNORE.encode("utf-8"))
        if "origin" in [r.name for r in repo.remotes]:
            repo.remotes.set_url("origin", url)
        else:
            repo.remotes.create("origin", url, f"+{REF}:{REF_REMOTE}")
        repo.config["core.autocrlf"] = "false"
    # the objects hold every version of every dossier: owner-only, also what an older ketencli made
    for map_, mappen, bestanden in os.walk(basis / ".git"):
        for naam in mappen:
            alleen_eigenaar(Path(map_) / naam, 0o700)
        for naam in bestanden:
            alleen_eigenaar(Path(map_) / naam, 0o600)
    alleen_eigenaar(basis / ".git", 0o700)
    return nieuw


def remote_url() -> str | None:
    if not actief():
        return None
    repo = open_repo()
    with contextlib.suppress(KeyError):
        return str(repo.remotes["origin"].url)
    return None


# -- commits ---------------------------------------------------------------------------------------


def _handtekening(auteur: str, moment: datetime | None) -> Any:
    import pygit2

    naam = auteur.strip() or "onbekende regisseur"
    if moment is None:
        return pygit2.Signature(naam, EMAIL)
    offset = int(moment.utcoffset().total_seconds() // 60) if moment.utcoffset() is not None else 0
    return pygit2.Signature(naam, EMAIL, int(moment.timestamp()), offset)


def head_commit(repo: Any) -> Any | None:
    if repo.head_is_unborn:
        return None
    return repo.head.peel()


def auteurs(hoogstens: int = 2000) -> set[str]:
    """The author names of the last ``hoogstens`` commits: the team's members as far as this data
    home knows them (empty without a team)."""
    if not actief():
        return set()
    import pygit2

    repo = open_repo()
    koppen = [kop.id for kop in (head_commit(repo),) if kop is not None]
    try:  # what the last sync fetched counts too (a colleague's work not merged here yet)
        koppen.append(repo.lookup_reference(REF_REMOTE).peel().id)
    except (KeyError, pygit2.GitError):
        pass
    namen: set[str] = set()
    for kop in dict.fromkeys(koppen):
        for i, commit in enumerate(repo.walk(kop, pygit2.enums.SortMode.NONE)):
            if i >= hoogstens:
                break
            namen.add(commit.author.name)
    return namen


def leg_vast(paden: list[str], bericht: str, auteur: str, moment: datetime | None = None) -> bool:
    """Commit the files at ``paden`` (relative, '/'-separated) as they are on disk now (a missing file
    is a removal). Returns False when nothing changed. Takes the team lock."""
    with slot():
        return _leg_vast(open_repo(), paden, bericht, auteur, moment)


def _leg_vast(repo: Any, paden: list[str], bericht: str, auteur: str, moment: datetime | None) -> bool:
    return maak_commit(repo, werk_index_bij(repo, paden), bericht, auteur, moment)


def maak_commit(repo: Any, index: Any, bericht: str, auteur: str, moment: datetime | None,
                tweede_ouder: Any = None, paden: list[str] | None = None) -> bool:
    """Commit the index (on HEAD; a merge with ``tweede_ouder``). ``paden``: the only paths where the
    index differs from HEAD, when the caller knows (a sync): the tree is then HEAD's with those entries
    replaced, not rebuilt from the whole index (libgit2 reads every tree again to refresh the index's
    cached trees: ~15 ms at 1,000 dossiers). The index is written after the commit: on disk it is never
    ahead of the branch, so a kill in between leaves files that the next sync sees and finds committed."""
    ouder = head_commit(repo)
    if paden is not None and ouder is not None:
        boom = _boom_met(repo, ouder.tree, {p: _ingang(index, p) for p in paden})
    else:
        boom = _schrijf_boom(index)
    if ouder is not None and ouder.tree_id == boom and tweede_ouder is None:
        index.write()
        return False
    if ouder is None and len(index) == 0:
        return False
    sig = _handtekening(auteur, moment)
    ouders = [c.id for c in (ouder, tweede_ouder) if c is not None]
    repo.create_commit("HEAD", sig, sig, bericht, boom, ouders)
    index.write()
    return True


def _ingang(index: Any, pad: str) -> tuple[Any, int] | None:
    try:
        item = index[pad]
    except KeyError:
        return None
    return item.id, item.mode


def _boom_met(repo: Any, boom: Any, wijzigingen: dict[str, tuple[Any, int] | None], wortel: bool = True) -> Any:
    """The id of tree ``boom`` with the files at the '/'-separated paths of ``wijzigingen`` set to
    (blob id, mode) or removed (None); a folder left empty goes (None for an empty subtree)."""
    import pygit2

    bouwer = repo.TreeBuilder(boom) if boom is not None else repo.TreeBuilder()
    mappen: dict[str, dict[str, tuple[Any, int] | None]] = {}
    for pad, waarde in wijzigingen.items():
        naam, _, rest = pad.partition("/")
        if rest:
            mappen.setdefault(naam, {})[rest] = waarde
        elif waarde is None:
            if bouwer.get(naam) is not None:
                bouwer.remove(naam)
        else:
            bouwer.insert(naam, *waarde)
    for naam, binnen in mappen.items():
        oud = bouwer.get(naam)
        sub = _boom_met(repo, repo[oud.id] if oud is not None and oud.type_str == "tree" else None, binnen, False)
        if sub is not None:
            bouwer.insert(naam, sub, pygit2.enums.FileMode.TREE)
        elif oud is not None:
            bouwer.remove(naam)
    if len(bouwer) == 0 and not wortel:
        return None
    return bouwer.write()


# -- whether the index on disk matches HEAD, without reading every tree -----------------------------
_MERK = "ketencli-index"


def _index_stempel(repo: Any) -> str:
    st = os.stat(os.path.join(repo.path, "index"))
    return f"{st.st_ino} {st.st_mtime_ns} {st.st_size}"


def merk_index(repo: Any) -> None:
    """Note that the index on disk matches HEAD now (a sync, after committing everything that differed):
    the next sync then skips the check for changes staged but not committed. Any later write of the
    index (by ketencli or git: a new file, another stamp) or a moved HEAD voids the note."""
    kop = head_commit(repo)
    if kop is not None:
        with contextlib.suppress(OSError):
            (Path(repo.path) / _MERK).write_text(f"{kop.id} {_index_stempel(repo)}\n", encoding="utf-8")


def _index_gemerkt(repo: Any, kop: Any) -> bool:
    try:
        return (Path(repo.path) / _MERK).read_text(encoding="utf-8").strip() == f"{kop.id} {_index_stempel(repo)}"
    except OSError:
        return False


def _schrijf_boom(index: Any) -> Any:
    """``index.write_tree()`` without libgit2's check that every entry's object exists (a lookup per
    entry: ~10 ms of a sync at 1,000 dossiers). The entries a sync or save adds are written by
    ``index.add`` itself, the others come from the index's cached trees of earlier commits."""
    import pygit2

    pygit2.settings.enable_strict_object_creation(False)
    try:
        return index.write_tree()
    finally:
        pygit2.settings.enable_strict_object_creation(True)


_GEVOLGD = re.compile(r"^(dossiers/\d{4}-\d{3,}/dossier\.yaml|register/[^/]+|\.gitignore)$")


_GEVOLGDE_MAP = re.compile(r"^(dossiers|register|dossiers/\d{4}-\d{3,})$")


def gedeeld(pad: str) -> bool:
    """Whether a '/'-separated path is part of the shared layout (``dossiers/<id>/dossier.yaml`` with a
    valid id, ``register/<file>``, ``.gitignore``): the only paths a sync writes in the data home or
    commits from it. Anything else in a shared repository is never taken over (issue 18)."""
    return bool(_GEVOLGD.match(pad))


def buiten_de_opslag(boom: Any) -> str | None:
    """The first path in tree ``boom`` outside the shared layout (``gedeeld``), the shallowest first
    ("README.md" before "src/x.py"); None when everything in it is ketencli's. Reads every subtree:
    for `team init` and a sync's first contact with a repository, not for every sync."""
    rij: list[tuple[str, Any]] = [("", boom)]
    while rij:
        voor, deel = rij.pop(0)
        for item in deel:
            pad = voor + item.name
            if item.type_str == "tree":
                if not _GEVOLGDE_MAP.match(pad):
                    return pad + "/"
                rij.append((pad + "/", item))
            elif not gedeeld(pad):
                return pad
    return None


def _gewijzigd(repo: Any) -> Iterator[str]:
    """The paths whose file differs from the index (changed, removed, new: a new folder is one entry
    ending in "/", not walked into, so a dossier's documenten/ stays unread), then those staged in the
    index but not in the last commit (a commit killed halfway). Cheaper than ``repo.status``, which
    reads every tree of the last commit: the index's cached trees say whether anything is staged."""
    import pygit2

    index = repo.index
    snel = _op_schijf_volgens_index(repo)
    if snel is not None:
        yield from snel
    else:
        for delta in index.diff_to_workdir(pygit2.enums.DiffOption.INCLUDE_UNTRACKED).deltas:
            yield delta.new_file.path
            if delta.old_file.path != delta.new_file.path:
                yield delta.old_file.path
    kop = head_commit(repo)
    if kop is None:
        yield from (e.path for e in index)
        return
    if _index_gemerkt(repo, kop):
        return
    try:
        gelijk = index.write_tree() == kop.tree_id  # no write when the index's cached trees are whole
    except pygit2.GitError:
        gelijk = False
    if not gelijk:
        for delta in index.diff_to_tree(kop.tree).deltas:
            yield delta.old_file.path
            yield delta.new_file.path


def _op_schijf_volgens_index(repo: Any) -> list[str] | None:
    """What ``index.diff_to_workdir`` reports for ketencli's tracked kinds of files, from the stat data
    in the index file itself (git's documented format, versions 2 and 3): one stat per tracked file,
    and a file read and hashed only when its stat differs or it changed in the same moment the index
    was written ("racily clean", as git checks it); new dossier folders and register files from one
    listing each. libgit2 reads every folder of the data home for this (~12 ms at 1,000 dossiers).
    None for an index this does not read (version 4, split or sparse, conflict stages, flags): the
    caller asks libgit2."""
    import stat
    import struct

    import pygit2

    pad_index = os.path.join(repo.path, "index")
    basis = repo.workdir
    try:
        with open(pad_index, "rb") as f:
            data = f.read()
            stempel = os.fstat(f.fileno()).st_mtime_ns  # the file read, not one written since
    except OSError:
        return None
    if basis is None or len(data) < 32 or data[:4] != b"DIRC":
        return None
    versie, aantal = struct.unpack_from(">II", data, 4)
    if versie not in (2, 3):
        return None
    grens = (stempel // 1_000_000_000, stempel % 1_000_000_000)
    # the inode-change time as git and libgit2 compare it (core.trustctime): an edit of the same size
    # whose old mtime was put back (cp -p, touch -r, os.utime) still moves it. Not on Windows, where
    # st_ctime is the creation time and the index may hold another.
    windows = os.name == "nt"
    gevolgd: set[str] = set()
    uit: list[str] = []
    pos = 12
    try:
        for _ in range(aantal):
            csec, cnsec, sec, nsec, _, ino, _, _, _, grootte = struct.unpack_from(">10I", data, pos)
            (vlaggen,) = struct.unpack_from(">H", data, pos + 60)
            if vlaggen & 0xF000:  # assume-valid, extended flags (skip-worktree …) or a conflict stage
                return None
            einde = data.index(b"\0", pos + 62)
            naam = data[pos + 62:einde].decode("utf-8")
            oid = data[pos + 40:pos + 60]
            pos += (62 + einde - (pos + 62) + 8) & ~7
            gevolgd.add(naam)
            try:
                st = os.lstat(basis + naam)
            except (FileNotFoundError, NotADirectoryError):
                uit.append(naam)
                continue
            if not stat.S_ISREG(st.st_mode):
                uit.append(naam)
                continue
            zelfde = ((st.st_size & 0xFFFFFFFF) == grootte and (st.st_mtime_ns // 1_000_000_000) & 0xFFFFFFFF == sec
                      and (nsec == 0 or st.st_mtime_ns % 1_000_000_000 == nsec)
                      and (ino == 0 or st.st_ino & 0xFFFFFFFF == ino)
                      and (windows or ((st.st_ctime_ns // 1_000_000_000) & 0xFFFFFFFF == csec
                                       and (cnsec == 0 or st.st_ctime_ns % 1_000_000_000 == cnsec))))
            if zelfde and (sec, nsec) < grens:
                continue
            if pygit2.hashfile(basis + naam).raw != oid:
                uit.append(naam)
        while pos + 8 <= len(data) - 20:  # the extensions after the entries
            if data[pos:pos + 4] in (b"link", b"sdir"):  # a split or sparse index: entries live elsewhere
                return None
            pos += 8 + struct.unpack_from(">I", data, pos + 4)[0]
    except (struct.error, ValueError, UnicodeDecodeError, OSError):
        return None
    mappen = {n.split("/", 2)[1] for n in gevolgd if n.startswith("dossiers/") and n.count("/") == 2}
    for map_, binnen in (("dossiers", False), ("register", True)):
        try:
            items = list(os.scandir(basis + map_))
        except OSError:
            continue
        for item in items:
            if binnen:
                naam = f"register/{item.name}"
                if naam not in gevolgd and not item.name.endswith(".tmp") and item.is_file():
                    uit.append(naam)
            elif item.name not in mappen and os.path.isfile(os.path.join(item.path, "dossier.yaml")):
                uit.append(f"dossiers/{item.name}/dossier.yaml")
    if ".gitignore" not in gevolgd and os.path.isfile(basis + ".gitignore"):
        uit.append(".gitignore")
    return uit


def gewijzigd_op_schijf(repo: Any) -> list[str]:
    """The tracked kinds of files that differ from the last commit (changed, new or removed)."""
    uit = []
    basis = home()
    for pad in set(_gewijzigd(repo)):
        if pad.endswith("/"):
            kandidaten = [f"{pad}dossier.yaml"] if pad.startswith("dossiers/") and pad.count("/") == 2 else \
                [f"{pad}{p.name}" for p in (basis / pad).iterdir()] if pad == "register/" else []
            if pad == "dossiers/":  # the very first dossiers
                kandidaten = [f"dossiers/{p.name}/dossier.yaml" for p in (basis / pad).iterdir()]
            uit += [k for k in kandidaten if _GEVOLGD.match(k) and (basis / k).is_file()]
        elif _GEVOLGD.match(pad):
            uit.append(pad)
    return sorted(uit)


def leg_alles_vast(bericht_voor: Any, auteur: str, moment: datetime | None, repo: Any,
                   controleer: Any = None) -> list[str]:
    """Commit every tracked file that changed on disk since the last commit (a save whose commit was
    skipped or killed, the first commit of `team init`). ``bericht_voor(paden)`` gives the message;
    ``controleer(paden)``, when given, may refuse them (raising) before anything is committed. Caller
    holds the team lock. Returns the committed paths."""
    paden = gewijzigd_op_schijf(repo)
    if paden:
        if controleer is not None:
            controleer(paden)
        _leg_vast(repo, paden, bericht_voor(paden), auteur, moment)
    return paden


# -- reading the history ---------------------------------------------------------------------------


def blob(boom: Any, pad: str) -> bytes | None:
    if boom is None:
        return None
    try:
        obj = boom[pad]
    except KeyError:
        return None
    return bytes(obj.data) if obj.type_str == "blob" else None


def blob_id(boom: Any, pad: str) -> Any:
    if boom is None:
        return None
    try:
        return boom[pad].id
    except KeyError:
        return None


@dataclass
class Versie:
    """One commit that changed a file: who, when, the message, and the file before (per parent) and after."""

    commit: str
    auteur: str
    moment: datetime
    bericht: str
    na: bytes | None
    voor: list[bytes | None]


def versies(pad: str) -> list[Versie]:
    """Every commit reachable from HEAD that changed ``pad``, newest first."""
    from datetime import timedelta, timezone

    import pygit2

    repo = open_repo()
    start = head_commit(repo)
    if start is None:
        return []
    uit = []
    for c in repo.walk(start.id, pygit2.enums.SortMode.TOPOLOGICAL | pygit2.enums.SortMode.TIME):
        na_id = blob_id(c.tree, pad)
        voor_ids = [blob_id(p.tree, pad) for p in c.parents]
        if voor_ids and all(v == na_id for v in voor_ids):
            continue
        if not voor_ids and na_id is None:
            continue
        if len(voor_ids) > 1 and any(v == na_id for v in voor_ids):
            continue  # a merge that took one side's file as it was: nothing of its own
        tz = timezone(timedelta(minutes=c.author.offset))
        uit.append(Versie(str(c.id), c.author.name, datetime.fromtimestamp(c.author.time, tz), c.message.strip(),
                          blob(c.tree, pad), [blob(p.tree, pad) for p in c.parents]))
    return uit


def laatste_auteur(repo: Any, commit: Any, pad: str, stop: Any = None) -> tuple[str, datetime | None]:
    """Who last changed ``pad`` on the line of ``commit`` (first parents), and when."""
    from datetime import timedelta, timezone

    c = commit
    while c is not None:
        if stop is not None and c.id == stop:
            break
        mijn = blob_id(c.tree, pad)
        ouder = c.parents[0] if c.parents else None
        if ouder is None or blob_id(ouder.tree, pad) != mijn:
            tz = timezone(timedelta(minutes=c.author.offset))
            return c.author.name, datetime.fromtimestamp(c.author.time, tz)
        c = ouder
    return (commit.author.name if commit is not None else ""), None


# -- the remote ------------------------------------------------------------------------------------


def soort_url(url: str) -> str:
    """"pad" (a folder: ``/mnt/team/ketencli.git``, ``\\\\server\\share\\ketencli.git``, ``C:\\team``,
    ``file://``), "https", "http-lokaal" (http on this machine, for tests), or "" (not supported)."""
    u = url.strip()
    if u.startswith(("\\\\", "//")) or re.match(r"^[A-Za-z]:[\\/]", u) or u.startswith(("/", "file://")):
        return "pad"
    if u.lower().startswith("https://"):
        return "https"
    if re.match(r"^http://(127\.\d+\.\d+\.\d+|localhost|\[::1\])(:\d+)?/", u, re.I):
        return "http-lokaal"
    return ""


def libgit2_url(url: str) -> str:
    """The form libgit2 reads: a UNC path ``\\\\server\\share\\x.git`` as ``//server/share/x.git``."""
    if url.startswith("\\\\"):
        return url.replace("\\", "/")
    return url


def _sleutelnaam(url: str) -> str:
    from urllib.parse import urlsplit

    delen = urlsplit(url)
    return f"{delen.scheme}://{delen.hostname or ''}{':' + str(delen.port) if delen.port else ''}"


def bewaar_inlog(url: str, gebruiker: str, wachtwoord: str) -> None:
    """Put the credentials for ``url``'s server in the system keyring (never in a file)."""
    import keyring
    from keyring.errors import KeyringError

    try:
        keyring.set_password(KEYRING_DIENST, _sleutelnaam(url), f"{gebruiker}\n{wachtwoord}")
    except (KeyringError, RuntimeError) as fout:
        raise TeamFout("Je inloggegevens konden niet in de sleutelhanger van je systeem bewaard worden "
                       f"({type(fout).__name__}).",
                       tip="Kijk na of je systeem een sleutelhanger heeft (Windows Credential Manager, "
                           "macOS Sleutelhanger, GNOME Keyring of KWallet).") from None


def lees_inlog(url: str) -> tuple[str, str] | None:
    import keyring
    from keyring.errors import KeyringError

    try:
        waarde = keyring.get_password(KEYRING_DIENST, _sleutelnaam(url))
    except (KeyringError, RuntimeError):
        return None
    if not waarde or "\n" not in waarde:
        return None
    gebruiker, wachtwoord = waarde.split("\n", 1)
    return gebruiker, wachtwoord


def _terugroep(url: str) -> Any:
    import pygit2

    class Terugroep(pygit2.RemoteCallbacks):  # type: ignore[misc]
        def __init__(self) -> None:
            super().__init__()
            self.geweigerd: str | None = None
            self.gevraagd = 0

        def credentials(self, url_: str, gebruiker: str | None, soorten: Any) -> Any:
            self.gevraagd += 1
            inlog = lees_inlog(url) if self.gevraagd <= 1 else None
            if inlog is None:
                raise TeamFout("De gedeelde opslag vraagt om in te loggen, en je inloggegevens kloppen niet "
                               "of ontbreken.",
                               tip="Bewaar ze (opnieuw) met `ketencli team inloggen`.")
            return pygit2.UserPass(*inlog)

        def push_update_reference(self, refname: str, message: str | None) -> None:
            if message:
                self.geweigerd = message

    return Terugroep()


class Geweigerd(Exception):
    """The remote refused the push (someone pushed first): fetch, merge, push again."""


_GEEN_TOEGANG = re.compile(r"permission denied|operation not permitted|access is denied|read-only file system",
                           re.I)


def geen_toegang(fout: BaseException) -> bool:
    """Whether an error is a refused permission (EACCES, EPERM, EROFS; libgit2's "Permission denied",
    "Operation not permitted"): the shared folder may be read but not written (or not at all)."""
    import errno

    if isinstance(fout, OSError) and fout.errno in (errno.EACCES, errno.EPERM, errno.EROFS):
        return True
    return bool(_GEEN_TOEGANG.search(str(fout)))


def _toon_map(url: str | None) -> str:
    """The shared folder as the user gave it (a file:// URL as its path)."""
    if not url:
        return "de gedeelde opslag"
    if url.startswith("file://"):
        from urllib.parse import unquote, urlsplit

        return unquote(urlsplit(url).path)
    return url


class GeenToegang(TeamFout):
    """Reading or writing the shared folder was refused (its permissions, not this computer's)."""


def geen_toegang_tot(url: str | None, bij_init: bool = False) -> GeenToegang:
    """The refusal of a shared folder that may not be read or written, naming it; at `team init`
    (``bij_init``) with nothing set up and init to do again."""
    if bij_init:
        return GeenToegang(f"Je hebt geen toegang tot de gedeelde opslag ({_toon_map(url)}): lezen of schrijven werd "
                           "geweigerd. Er werd geen team ingesteld.",
                           tip="Vraag je beheerder om je lees- en schrijfrechten te geven op die map, en doe daarna "
                               f"`ketencli team init --remote {url}` opnieuw.")
    return GeenToegang(f"Je hebt geen toegang tot de gedeelde opslag ({_toon_map(url)}): lezen of schrijven werd "
                       "geweigerd; er werd niets gedeeld.",
                       tip="Vraag je beheerder om je lees- en schrijfrechten te geven op die map. Je wijzigingen "
                           "blijven op deze computer bewaard; doe daarna `ketencli team sync` opnieuw.")


def _onbereikbaar(fout: Exception, url: str | None = None) -> TeamFout:
    """The TeamFout for a shared repository that could not be read or written: a refused permission
    says so in Dutch and names the folder ("vraag je beheerder"); any other error says it was
    unreachable, with libgit2's (English) text only as the technical detail in the tip."""
    if geen_toegang(fout):
        lokaal = home() / ".git"
        if str(lokaal) in f"{getattr(fout, 'filename', None) or ''} {fout}":  # this computer's side, not the share
            return TeamFout(f"Je mag niet schrijven in de team-opslag in je datamap ({lokaal}); er werd niets "
                            "gedeeld of opgehaald.",
                            tip="Kijk de rechten van die map na (werd ze alleen-lezen gemaakt?). Je dossiers zelf "
                                "zijn bewaard; doe daarna `ketencli team sync` opnieuw.")
        return geen_toegang_tot(url)
    return TeamFout("De gedeelde opslag is niet bereikbaar; er werd niets gedeeld of opgehaald.",
                    tip="Je wijzigingen blijven op deze computer bewaard. Kijk de verbinding (netwerk, share, "
                        "VPN) na en probeer `ketencli team sync` later opnieuw. Technische melding: "
                        f"{_kort(fout)}")


def _kort(fout: Exception) -> str:
    """The first line of an error, whole (a path in it is never cut off)."""
    tekst = str(fout).strip().splitlines()[0] if str(fout).strip() else type(fout).__name__
    return tekst[:500]


def _map_pad(url: str) -> Path:
    from urllib.parse import unquote, urlsplit

    return Path(unquote(urlsplit(url).path)) if url.startswith("file://") else Path(libgit2_url(url))


def toestand_gedeelde_map(url: str) -> str:
    """For a folder remote: "ontbreekt" (not there on this computer), "eigen" (this data home or a
    folder in it, its own ``.git`` included: nothing would ever be shared), "leeg" (an empty folder: no
    repository yet), "geen-git" (a file, or a folder holding other things: no git repository),
    "niet-bare" (a working tree or its ``.git``, such as a colleague's data home, not a shared bare
    repository) or "ok"; "ok" for other URLs (an https server is not checked offline). A few stats and
    the repository's ``config``; no pygit2. Raises TeamFout (``_onbereikbaar``) when the folder may not
    be read: a refused permission on the share, not a missing folder."""
    if soort_url(url) != "pad":
        return "ok"
    pad = _map_pad(url)
    try:
        if not pad.exists():
            return "ontbreekt"
        if _in_datamap(pad):
            return "eigen"
        if (pad / "HEAD").is_file() and (pad / "objects").is_dir() and (pad / "refs").is_dir():
            return "ok" if _is_bare(pad) else "niet-bare"
        if (pad / ".git").exists():
            return "niet-bare"
        with os.scandir(pad) as items:
            leeg = next(items, None) is None
    except OSError as fout:
        if geen_toegang(fout):
            raise _onbereikbaar(fout, url) from None
        return "geen-git"
    return "leeg" if leeg else "geen-git"


def _in_datamap(pad: Path) -> bool:
    eigen = os.path.normcase(os.path.realpath(home()))
    doel = os.path.normcase(os.path.realpath(pad))
    return doel == eigen or doel.startswith(eigen.rstrip(os.sep) + os.sep)


def _is_bare(pad: Path) -> bool:
    """Whether the git folder ``pad`` is a bare repository, as git decides it: ``core.bare`` in its
    config, else whether the folder is not named ``.git``. Raises OSError for an unreadable config."""
    try:
        tekst = (pad / "config").read_text(encoding="utf-8", errors="replace")
    except FileNotFoundError:
        tekst = ""
    sectie = ""
    for regel in tekst.splitlines():
        regel = regel.split("#", 1)[0].split(";", 1)[0].strip()
        if regel.startswith("["):
            sectie = regel.strip("[]").strip().lower()
            continue
        m = re.match(r"bare\s*=\s*(\w+)", regel, re.I)
        if sectie == "core" and m:
            return m[1].lower() in ("true", "yes", "on", "1")
    return pad.name != ".git"


def vreemd_in_gedeelde_map(url: str) -> str | None:
    """For a folder remote that is a bare repository (``toestand_gedeelde_map`` "ok"): the first path
    outside the shared layout on any of its branches (``buiten_de_opslag``: "README.md"), None for an
    empty repository or a ketencli team's; None for other URLs and a repository libgit2 cannot open
    (both checked at the first sync, ``team._vereis_ketencli_opslag``). Raises TeamFout when reading it
    is refused."""
    if soort_url(url) != "pad":
        return None
    import pygit2

    try:
        ander = pygit2.Repository(str(_map_pad(url)), pygit2.enums.RepositoryOpenFlag.NO_SEARCH)
        for naam in list(ander.branches.local):
            vreemd = buiten_de_opslag(ander.branches.local[naam].peel(pygit2.Commit).tree)
            if vreemd:
                return vreemd
    except (pygit2.GitError, OSError, KeyError, ValueError) as fout:
        if geen_toegang(fout):
            raise _onbereikbaar(fout, url) from None
        return None  # not readable as a repository now: its first sync checks what it holds
    return None


def geen_ketencli_opslag(url: str, voorbeeld: str, bij_init: bool) -> KetencliFout:
    """The refusal of a shared repository that holds other files than ketencli's (a project's
    repository, another tool's): nothing of it is taken over and nothing is shared there. At `team
    init` a GebruiksFout (nothing set up), at a sync a TeamFout."""
    from ketencli.fouten import GebruiksFout

    tip = ("Je team heeft een lege gedeelde opslag nodig die voor ketencli gemaakt werd (één keer, door wie de "
           "share of server beheert, bv. met `git init --bare --shared=group PAD`): vraag ze aan je beheerder en "
           "stel ze in met `ketencli team init --remote PAD-OF-URL`.")
    if bij_init:
        return GebruiksFout(f"--remote {url} is geen ketencli-opslag: er staan andere bestanden in (bv. {voorbeeld}). "
                            "Er werd geen team ingesteld.", tip=tip)
    return TeamFout(f"{_toon_map(url)} is geen ketencli-opslag: er staan andere bestanden in (bv. {voorbeeld}); er "
                    "werd niets gedeeld of opgehaald.", tip=tip + " Je dossiers blijven op deze computer bewaard.")


def vergeet_opgehaald(repo: Any) -> None:
    """Forget the branch last fetched (a repository refused after the fetch): `team status` counts none of it."""
    with contextlib.suppress(KeyError):
        repo.references.delete(REF_REMOTE)


# what a folder given as the shared repository is instead (``toestand_gedeelde_map``): the words of
# `team init`'s refusal and of `team sync`'s
GEEN_OPSLAG = {
    "leeg": "die map is leeg, er staat nog geen gedeelde opslag in",
    "niet-bare": "dat is de werkmap van iemands git (of de map .git erin, bv. van de datamap van een collega), "
                 "geen gedeelde opslag",
    "eigen": "dat is je eigen datamap (of een map erin), geen gedeelde opslag: zo wordt er niets gedeeld",
    "geen-git": "dat is geen gedeelde opslag (er staan andere bestanden in)",
}


def _vereis_gedeelde_map(url: str) -> None:
    """For a folder remote: a clear TeamFout when the folder is not there (a share not mounted, a
    typo, a Windows path on another system), cannot be read, or is no shared git repository (making
    one is suggested only for an empty folder; this data home's own repository is none), before
    libgit2 answers in English ("unsupported URL protocol", "could not find repository")."""
    toestand = toestand_gedeelde_map(url)
    if toestand == "ontbreekt":
        raise TeamFout(f"De gedeelde opslag is niet bereikbaar: de map {url} is niet gevonden op deze computer.",
                       tip="Is de netwerkshare gekoppeld (en de VPN aan)? Klopt het pad niet, geef dan het juiste "
                           "met `ketencli team init --remote PAD`. Je dossiers blijven op deze computer bewaard.")
    if toestand in GEEN_OPSLAG:
        tip = ("Vraag je beheerder om daar de gedeelde git-opslag (bare) te maken, of geef het juiste pad met "
               "`ketencli team init --remote PAD`." if toestand == "leeg" else
               "Geef het pad van de gedeelde opslag van je team met `ketencli team init --remote PAD` (vraag het "
               "aan je beheerder als je het niet weet).")
        raise TeamFout(f"{url}: {GEEN_OPSLAG[toestand]}; er werd niets gedeeld of opgehaald.", tip=tip)


# -- a shared bare repository on a path: objects copied directly ----------------------------------
# libgit2's transport for a path builds a pack of what the other side lacks by first reading every tree
# of the commits that side has (~1,000 subtrees at 1,000 dossiers: most of a sync's time), then indexes
# that pack. Between two repositories on this computer (a share is mounted), copying the objects that
# differ from the parent commit is enough; the branch is updated with git's own lock-file protocol.


def _gedeelde_map(url: str) -> Any | None:
    """The remote as a bare repository on a path, opened; None for any other kind (an https server, a
    working tree) and for a repository shared with a group (``core.sharedRepository``, as ``git init
    --bare --shared=group`` sets it): those go through libgit2's transport. A direct copy would write
    loose objects and their ``objects/xx/`` folders with this user's umask (libgit2 ignores that
    setting), and colleagues could no longer write there."""
    if soort_url(url) != "pad":
        return None
    from urllib.parse import unquote, urlsplit

    import pygit2

    pad = unquote(urlsplit(url).path) if url.startswith("file://") else libgit2_url(url)
    try:
        ander = pygit2.Repository(pad, pygit2.enums.RepositoryOpenFlag.NO_SEARCH)
    except (pygit2.GitError, OSError):
        return None
    return ander if ander.is_bare and not _gedeeld_met_groep(ander) else None


def _gedeeld_met_groep(ander: Any) -> bool:
    """Whether ``core.sharedRepository`` asks for group or world permissions (group, all, true, an
    octal mode …); not for unset, false or umask."""
    try:
        waarde = ander.config["core.sharedRepository"]
    except (KeyError, ValueError):
        return False
    except Exception:  # noqa: BLE001 - an unreadable config: the transport is always safe
        return True
    return str(waarde).strip().lower() not in ("", "false", "umask", "0", "no", "off")


def _geef_groep_rechten(url: str, sinds: float) -> None:
    """After libgit2's push into a repository shared with a group (``core.sharedRepository``, as ``git
    init --bare --shared=group`` sets it): what this user wrote there since ``sinds`` (a time.time())
    gets the group's permissions, as git itself gives them. libgit2 follows the umask only, so a
    colleague with umask 077 left a branch and pack files the others could not read, and the team's
    repository was broken for them. Files: group read (and write where the owner may write); folders:
    group rwx and setgid; "all"/"world" also for others. POSIX only; never raises."""
    if os.name != "posix" or soort_url(url) != "pad":
        return
    try:
        import pygit2

        pad = _map_pad(url)
        ander = pygit2.Repository(str(pad), pygit2.enums.RepositoryOpenFlag.NO_SEARCH)
        if not _gedeeld_met_groep(ander):
            return
        waarde = str(ander.config["core.sharedRepository"]).strip().lower()
    except Exception:  # noqa: BLE001 - a repository that cannot be read here: nothing to adjust
        return
    wereld = waarde in ("all", "world", "everybody", "2")
    lees, map_bits = (0o044, 0o2075) if wereld else (0o040, 0o2070)
    eigen = os.getuid()

    def pas_aan(pad_: str, st: os.stat_result) -> None:
        if st.st_uid != eigen or st.st_mtime < sinds:
            return
        if _stat_is_map(st.st_mode):
            nieuw = st.st_mode | map_bits
        else:
            nieuw = st.st_mode | lees | (0o020 if st.st_mode & 0o200 else 0)
        if nieuw & 0o7777 != st.st_mode & 0o7777:
            with contextlib.suppress(OSError):
                os.chmod(pad_, nieuw & 0o7777)

    def loop(map_: Path, alles: bool) -> None:
        """Every entry under ``map_``; with ``alles`` False only folders changed since ``sinds`` (a new
        object changes its ``objects/xx`` folder's time, not that of ``objects``)."""
        with contextlib.suppress(OSError):
            for item in os.scandir(map_):
                st = item.stat(follow_symlinks=False)
                if item.is_dir(follow_symlinks=False):
                    if alles or st.st_mtime >= sinds:
                        pas_aan(item.path, st)
                        loop(Path(item.path), True)
                else:
                    pas_aan(item.path, st)

    for deel, alles in (("refs", True), ("logs", True), ("objects", False)):
        loop(pad / deel, alles)
    with contextlib.suppress(OSError):
        for naam in ("packed-refs", "HEAD"):
            pas_aan(str(pad / naam), (pad / naam).stat())


def _stat_is_map(modus: int) -> bool:
    import stat

    return stat.S_ISDIR(modus)


def _kopieer(bron: Any, doel: Any, tip: Any) -> None:
    """Copy the objects reachable from commit ``tip`` of ``bron`` that ``doel`` lacks: each commit after
    its parents, a tree after its entries, so a copy cut off halfway leaves only objects whose own
    objects are all there (git's invariant, on which the presence check relies: ``odb.exists``, a look in
    the object folder and packs, where ``oid in repo`` would read and inflate each object)."""
    heeft = doel.odb.exists
    volgorde: list[Any] = []
    gezien: set[Any] = set()
    stapel: list[tuple[Any, bool]] = [(tip, False)]
    while stapel:  # the commits doel lacks, parents first
        oid, klaar = stapel.pop()
        if klaar:
            volgorde.append(oid)
        elif oid not in gezien and not heeft(oid):
            gezien.add(oid)
            stapel.append((oid, True))
            stapel.extend((ouder, False) for ouder in bron[oid].parent_ids)
    for oid in volgorde:
        commit = bron[oid]
        basis = bron[commit.parent_ids[0]].tree if commit.parent_ids else None
        _kopieer_boom(bron, heeft, doel, commit.tree, basis)
        _kopieer_object(bron, doel, oid)


def _kopieer_boom(bron: Any, heeft: Any, doel: Any, boom: Any, basis: Any) -> None:
    """Copy tree ``boom``: only the entries that differ from ``basis`` (a tree ``doel`` has whole);
    ``heeft``: whether ``doel`` has an object."""
    if heeft(boom.id):
        return
    oud = {e.name: e for e in basis} if basis is not None else {}
    for item in boom:
        vorig = oud.get(item.name)
        if vorig is not None and vorig.id == item.id:
            continue
        if item.type_str == "tree":
            _kopieer_boom(bron, heeft, doel, item, vorig if vorig is not None and vorig.type_str == "tree" else None)
        elif item.type_str == "blob" and not heeft(item.id):
            _kopieer_object(bron, doel, item.id)
    _kopieer_object(bron, doel, boom.id)


def _kopieer_object(bron: Any, doel: Any, oid: Any) -> None:
    soort, data = bron.odb.read(oid)
    if doel.odb.write(soort, data) != oid:  # pragma: no cover - a damaged object
        raise OSError(f"object {oid} beschadigd")


class _ZonderHardeLinks(Exception):
    """Internal: the shared folder makes no hard links (an SMB share mounted without unix extensions,
    some NAS file systems); ``duw`` then pushes through libgit2, whose lock file needs none."""


# what link() says on a file system without hard links
_GEEN_HARDE_LINK = {getattr(errno, naam) for naam in ("EPERM", "ENOTSUP", "EOPNOTSUPP", "ENOSYS", "EMLINK", "EXDEV")
                    if hasattr(errno, naam)}


def _zet_tak(ander: Any, repo: Any, nieuw: Any) -> None:
    """Move the other repository's branch to ``nieuw`` as git does: under ``<ref>.lock`` (created
    exclusively, so a git or ketencli pushing at the same moment waits its turn), only as a fast-forward
    of what it holds now. The lock is made whole (a hard link of a written file; on Windows a rename)
    and noted in this repository first: a lock a killed sync left is recognised by its content and
    removed by the next one. Raises Geweigerd (someone pushed first, or holds the lock),
    _ZonderHardeLinks (the folder makes none)."""
    pad = Path(ander.path) / REF
    pad.parent.mkdir(parents=True, exist_ok=True)
    slot_pad = pad.with_name(pad.name + ".lock")
    dagboek = Path(repo.path) / "ketencli-duw"  # the push in progress: "<oid>" of the lock it makes
    _ruim_eigen_slot(Path(ander.path), slot_pad, dagboek)
    inhoud = f"{nieuw}\n"
    dagboek.write_text(inhoud, encoding="utf-8")
    tijdelijk = Path(ander.path) / f".ketencli-duw-{nieuw}.tmp"
    try:
        tijdelijk.write_text(inhoud, encoding="utf-8")
        try:
            for _ in range(40):  # a colleague's push holds the lock for a moment
                try:
                    if os.name == "nt":
                        os.rename(tijdelijk, slot_pad)  # never replaces an existing file on Windows
                    else:
                        os.link(tijdelijk, slot_pad)
                    break
                except FileExistsError:
                    time.sleep(0.05)
                except OSError as fout:
                    if os.name == "nt" or fout.errno not in _GEEN_HARDE_LINK:
                        raise
                    raise _ZonderHardeLinks(str(fout)) from None
            else:
                raise TeamFout(f"De gedeelde opslag is vergrendeld: {slot_pad} blijft bestaan.",
                               tip="Je wijzigingen blijven op deze computer bewaard. Probeer `ketencli team sync` "
                                   "zo meteen opnieuw. Blijft het zo terwijl niemand deelt, dan bleef het slot "
                                   "staan na een onderbroken synchronisatie op een andere computer: vraag je "
                                   "beheerder dat bestand te verwijderen.")
        finally:
            with contextlib.suppress(OSError):
                tijdelijk.unlink()
        try:
            try:
                huidig = ander.lookup_reference(REF).target
            except KeyError:
                huidig = None
            vooruit = huidig is None or huidig == nieuw or (
                repo.odb.exists(huidig) and repo.descendant_of(nieuw, huidig))
            if not vooruit:
                raise Geweigerd("niet-fast-forward: iemand deelde eerst")
            with contextlib.suppress(OSError):
                os.chmod(slot_pad, pad.stat().st_mode & 0o777)  # as the branch file was (a group share)
            os.replace(slot_pad, pad)
        except BaseException:
            with contextlib.suppress(OSError):
                slot_pad.unlink()
            raise
    finally:
        with contextlib.suppress(OSError):
            dagboek.unlink()


def _ruim_eigen_slot(map_: Path, slot_pad: Path, dagboek: Path) -> None:
    """Remove the branch lock (and temp file) a killed push of this repository left: the lock holds the
    commit noted in ``dagboek``, which no one else can push before it is on the branch."""
    try:
        oid = dagboek.read_text(encoding="utf-8").strip()
    except OSError:
        return
    if re.fullmatch(r"[0-9a-f]{40}", oid):
        with contextlib.suppress(OSError):
            if slot_pad.read_text(encoding="utf-8").strip() == oid:
                slot_pad.unlink()
        with contextlib.suppress(OSError):
            (map_ / f".ketencli-duw-{oid}.tmp").unlink()
    with contextlib.suppress(OSError):
        dagboek.unlink()


def haal_op(repo: Any) -> Any | None:
    """Fetch the remote's branch; returns its commit (None when the remote is still empty).
    Raises TeamFout (unreachable, a folder that is not there or no git repository)."""
    import pygit2

    remote = repo.remotes["origin"]
    _vereis_gedeelde_map(remote.url)
    ander = _gedeelde_map(remote.url)
    if ander is not None:
        try:
            tip = ander.lookup_reference(REF).target
        except KeyError:
            tip = None
        except (pygit2.GitError, OSError) as fout:
            raise _onbereikbaar(fout, remote.url) from None
        if tip is not None:
            try:
                _kopieer(ander, repo, tip)
            except (pygit2.GitError, OSError, KeyError) as fout:
                raise _onbereikbaar(fout, remote.url) from None
            repo.references.create(REF_REMOTE, tip, force=True)
            return repo[tip]
        try:
            return repo.lookup_reference(REF_REMOTE).peel()
        except KeyError:
            return None
    terug = _terugroep(remote.url)
    try:
        remote.fetch([f"+{REF}:{REF_REMOTE}"], callbacks=terug)
    except TeamFout:
        raise
    except (pygit2.GitError, OSError, KeyError) as fout:
        raise _onbereikbaar(fout, remote.url) from None
    try:
        return repo.lookup_reference(REF_REMOTE).peel()
    except KeyError:
        return None


def duw(repo: Any) -> None:
    """Push the local branch. Raises Geweigerd when the remote moved on (someone pushed first)."""
    import pygit2

    remote = repo.remotes["origin"]
    _vereis_gedeelde_map(remote.url)
    ander = _gedeelde_map(remote.url)
    if ander is not None:
        kop = head_commit(repo)
        try:
            with _gedeelde_umask():
                _kopieer(repo, ander, kop.id)
                _zet_tak(ander, repo, kop.id)
        except _ZonderHardeLinks:
            pass  # pushed below through libgit2 (the objects copied so far are harmless extras)
        except (pygit2.GitError, OSError, KeyError) as fout:
            raise _onbereikbaar(fout, remote.url) from None
        else:
            repo.references.create(REF_REMOTE, kop.id, force=True)
            return
    terug = _terugroep(remote.url)
    begin = time.time() - 2  # file times may be coarser than the clock
    try:
        with _gedeelde_umask():
            remote.push([f"{REF}:{REF}"], callbacks=terug)
        _geef_groep_rechten(remote.url, begin)
        # libgit2 updated this computer's copy of the branch under the user's umask meanwhile: owner-only
        for deel in (Path(repo.path) / "refs" / "remotes", Path(repo.path) / "logs" / "refs" / "remotes"):
            alleen_eigenaar(deel)
            for map_, mappen, bestanden in os.walk(deel):
                for naam in [*mappen, *bestanden]:
                    alleen_eigenaar(Path(map_) / naam)
    except TeamFout:
        raise
    except pygit2.GitError as fout:
        if re.search(r"non-fast-?forward|fetch first|rejected|not present locally", str(fout), re.I):
            raise Geweigerd(str(fout)) from None
        raise _onbereikbaar(fout, remote.url) from None
    except OSError as fout:
        raise _onbereikbaar(fout, remote.url) from None
    if terug.geweigerd:
        raise Geweigerd(terug.geweigerd)
    repo.references.create(REF_REMOTE, head_commit(repo).id, force=True)


def merge_basis(repo: Any, a: Any, b: Any) -> Any | None:
    try:
        basis = repo.merge_base(a.id, b.id)
    except Exception:  # noqa: BLE001 - unrelated histories: no base
        return None
    return repo[basis] if basis is not None else None


def gewijzigde_paden(repo: Any, van: Any, naar: Any) -> set[str]:
    """The paths whose content differs between two trees (either may be None: the empty tree). Walks
    only into the subtrees whose ids differ: libgit2's tree diff reads every subtree (~13 ms at 1,000
    dossiers for 10 changed ones)."""
    uit: set[str] = set()
    _vergelijk(van, naar, "", uit)
    return uit


def _vergelijk(van: Any, naar: Any, voor: str, uit: set[str]) -> None:
    links = {e.name: e for e in van} if van is not None else {}
    rechts = {e.name: e for e in naar} if naar is not None else {}
    for naam in links.keys() | rechts.keys():
        a, b = links.get(naam), rechts.get(naam)
        if a is not None and b is not None and a.id == b.id:
            continue
        boom_a = a if a is not None and a.type_str == "tree" else None
        boom_b = b if b is not None and b.type_str == "tree" else None
        if (a is not None and boom_a is None) or (b is not None and boom_b is None):
            uit.add(voor + naam)  # a file on either side
        if boom_a is not None or boom_b is not None:
            _vergelijk(boom_a, boom_b, f"{voor}{naam}/", uit)


def werk_index_bij(repo: Any, paden: list[str], boom: Any = None) -> Any:
    """Bring the index in line with the files on disk at ``paden``; returns the index. A path outside
    the shared layout (``gedeeld``: a file a shared repository holds besides ketencli's) is never read
    from disk: its entry is taken from tree ``boom`` (the commit the branch moves to) or left as it is,
    so a local file of that name (the profile in ``config/``) is never committed."""
    import pygit2

    index = repo.index
    basis = home()
    for pad in paden:
        if not gedeeld(pad):
            if boom is None:
                continue
            try:
                item = boom[pad]
            except KeyError:
                with contextlib.suppress(KeyError, OSError):
                    index.remove(pad)
                continue
            index.add(pygit2.IndexEntry(pad, item.id, item.filemode))
        elif (basis / pad).is_file():
            index.add(pad)
        else:
            with contextlib.suppress(KeyError, OSError):
                index.remove(pad)
    return index


def verplaats_head(repo: Any, commit: Any) -> None:
    repo.references.create(REF, commit.id, force=True)
    if repo.head_is_unborn:
        repo.set_head(REF)


def voorsprong(repo: Any) -> tuple[int, int]:
    """(local commits not on the remote, remote commits not here), from the last fetch."""
    lokaal = head_commit(repo)
    try:
        daar = repo.lookup_reference(REF_REMOTE).peel()
    except KeyError:
        daar = None
    if lokaal is None:
        return 0, 0
    if daar is None:
        return sum(1 for _ in repo.walk(lokaal.id)), 0
    voor, achter = repo.ahead_behind(lokaal.id, daar.id)
    return int(voor), int(achter)
