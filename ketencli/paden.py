"""Where ketencli keeps its files, and the one atomic writer: light, imported on fast paths.

``store`` (dossier files), ``index`` (the summary cache), ``render`` (documents) and the draft
writers all place files through these functions, so folders are owner-only (0700) and files
0600 everywhere, and a write leaves the old or the new file, never a torn one.
"""

from __future__ import annotations

import contextlib
import errno
import os
import re
import tempfile
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

DOSSIER_BESTAND = "dossier.yaml"
ID_PATROON = re.compile(r"^\d{4}-\d{3,}$")


# ---------------------------------------------------------------------------------------------
# Places
# ---------------------------------------------------------------------------------------------


def home() -> Path:
    """The data home: ``KETENCLI_HOME`` or the platform's user data dir for "ketencli"."""
    eigen = os.environ.get("KETENCLI_HOME", "").strip()
    if eigen:
        return Path(eigen).expanduser()
    import platformdirs

    return Path(platformdirs.user_data_dir("ketencli", appauthor=False))


def config_dir() -> Path:
    """Region settings and user templates (decisions D13)."""
    eigen = os.environ.get("KETENCLI_CONFIG", "").strip()
    if eigen:
        return Path(eigen).expanduser()
    if os.environ.get("KETENCLI_HOME", "").strip():
        return home() / "config"
    import platformdirs

    return Path(platformdirs.user_config_dir("ketencli", appauthor=False))


def dossiers_dir() -> Path:
    return home() / "dossiers"


def dossier_dir(dossier_id: str) -> Path:
    return dossiers_dir() / dossier_id


def dossier_pad(dossier_id: str) -> Path:
    return dossier_dir(dossier_id) / DOSSIER_BESTAND


def dossiermap_fout(fout: OSError) -> Exception:
    """The SchijfFout for a dossiers folder that cannot be read (a data home that is a file, a folder
    without read rights): the one message of `dossier list` and the team commands."""
    from ketencli.fouten import schrijffout

    return schrijffout(fout, f"De map met je dossiers ({dossiers_dir()}) kon niet gelezen worden", gevolg="")


def vereis_leesbare_dossiermap() -> None:
    """Raise ``dossiermap_fout`` when the dossiers folder cannot be read; nothing when it does not exist
    yet. Opens the folder, reads no entry (for commands that do not list it, such as the team commands)."""
    try:
        with os.scandir(dossiers_dir()):
            pass
    except FileNotFoundError:
        return
    except OSError as fout:
        raise dossiermap_fout(fout) from None


def documenten_dir(dossier_id: str, *, maak: bool = False) -> Path:
    pad = dossier_dir(dossier_id) / "documenten"
    if maak:
        maak_map(pad)
    return pad


# what ketencli itself keeps in a dossier's folder: the file, its lock, the documents folder, and
# the temp copies of a save in progress (``schrijf_atomisch``)
_EIGEN_IN_DOSSIERMAP = (DOSSIER_BESTAND, DOSSIER_BESTAND + ".lock", "documenten")
# what file managers leave in every folder: not the user's, never a conflict copy
_METADATA = (".DS_Store", "Thumbs.db", "desktop.ini")


def vreemde_bestanden(map_: str | Path) -> list[str]:
    """The names of files in a dossier's folder that ketencli did not put there, sorted: a sync
    tool's conflict copy ("dossier (conflicted copy …).yaml", "dossier-LAPTOP.yaml"), a file copied
    in by hand. ketencli never reads them, so the user must be told (issue 15 §5). [] when the
    folder cannot be read."""
    try:
        namen = [item.name for item in os.scandir(map_)]
    except OSError:
        return []
    return sorted(n for n in namen if n not in _EIGEN_IN_DOSSIERMAP and n not in _METADATA
                  and not (n.startswith(".") and n.endswith(".tmp")))


def maak_map(pad: Path) -> Path:
    """Create a folder owner-only (0700), with every missing level from ketencli's own base folder
    (the data home or the config folder) down. Levels above that base (``~/.local/share`` on a fresh
    account) are created with the system's defaults: they are not ketencli's to lock down."""
    pad = Path(pad)
    basis = next((b for b in (home(), config_dir()) if pad == b or b in pad.parents), None)
    if basis is None:  # a folder the user chose (``--uit``, ``templates export DIR``)
        pad.mkdir(parents=True, exist_ok=True)
        return pad
    basis.parent.mkdir(parents=True, exist_ok=True)
    tussen = [p for p in pad.parents if basis in p.parents]  # the levels between the base and pad
    niveaus = [basis] if pad == basis else [basis, *reversed(tussen), pad]
    for niveau in niveaus:
        if not niveau.exists():
            niveau.mkdir(mode=0o700, exist_ok=True)
        alleen_eigenaar(niveau, 0o700)
    return pad


def alleen_eigenaar(pad: Path, modus: int = 0o700) -> None:
    """Remove the group's and others' permission bits; never add any: a user's own ``chmod 0500``
    on a folder or ``0400`` on a file survives the next save (issue 20 §5). ``modus`` is the
    intended owner-only mode of something ketencli just created (kept for the callers' reading)."""
    if os.name != "posix":  # Windows: privacy comes from the per-user profile folder
        return
    with contextlib.suppress(OSError):
        huidig = pad.stat().st_mode & 0o7777
        if huidig & 0o077:
            os.chmod(pad, huidig & ~0o077)


def _vereis_schrijfbaar(pad: Path) -> None:
    """Refuse to replace a file (or write into a folder) whose owner write bit the user removed,
    also for root, who the system would let through (issue 20 §5). PermissionError (EACCES)."""
    if os.name != "posix":
        return
    for doel in (pad.parent, pad):
        try:
            status = doel.stat()
        except OSError:
            continue
        # only the owner's own bit: a shared folder someone else owns is the system's to judge
        if status.st_uid == os.getuid() and not status.st_mode & 0o200:
            raise PermissionError(errno.EACCES, os.strerror(errno.EACCES), str(doel))


# ``schrijf_atomisch``'s temp copies, exactly as mkstemp names them ('.' + 8 of [a-z0-9_] + '.tmp'): a
# sync tool's own temp file (".syncthing.dossier.yaml.tmp") is not ketencli's to remove
TEMP_KOPIE = re.compile(r"^\.[a-z0-9_]{8}\.tmp$")


def ruim_oude_kopieen_op(map_: Path, ouder_dan: float = 120.0) -> None:
    """Remove temp copies in ``map_`` that a killed write left (issue 20 §4): older than
    ``ouder_dan`` seconds (a younger one may be another process's write in progress). Never raises."""
    nu = time.time()
    with contextlib.suppress(OSError):
        for item in os.scandir(map_):
            if TEMP_KOPIE.match(item.name) and item.is_file(follow_symlinks=False):
                with contextlib.suppress(OSError):
                    if nu - item.stat().st_mtime > ouder_dan:
                        os.unlink(item.path)


def schrijf_atomisch(pad: Path, inhoud: bytes) -> None:
    """Temp file in the same folder, fsync, close, os.replace: old or new, never torn. A folder or
    file the user made read-only (no owner write bit) is refused with PermissionError."""
    _vereis_schrijfbaar(pad)
    fd, tijdelijk = tempfile.mkstemp(dir=pad.parent, prefix=".", suffix=".tmp")  # mkstemp: 0600
    try:
        with os.fdopen(fd, "wb") as f:
            f.write(inhoud)
            f.flush()
            os.fsync(f.fileno())
        alleen_eigenaar(Path(tijdelijk), 0o600)
        for poging in range(10):
            try:
                os.replace(tijdelijk, pad)
                break
            except PermissionError:
                # Windows: Word, an editor or a sync client holds the file open for a moment
                if os.name != "nt" or poging == 9:
                    raise
                time.sleep(0.2)
    except BaseException:
        with contextlib.suppress(OSError):
            os.unlink(tijdelijk)
        raise
    if os.name == "posix":
        with contextlib.suppress(OSError):
            dirfd = os.open(pad.parent, os.O_RDONLY)
            try:
                os.fsync(dirfd)
            finally:
                os.close(dirfd)


# ---------------------------------------------------------------------------------------------
# Locks
# ---------------------------------------------------------------------------------------------


class SlotBezet(Exception):
    """A lock stayed taken by another process (or thread) for the whole wait."""


# what a lock call says while another process holds the lock (msvcrt: EACCES; EDEADLOCK on some builds)
_BEZET = {errno.EAGAIN, errno.EACCES, getattr(errno, "EWOULDBLOCK", errno.EAGAIN), getattr(errno, "EDEADLOCK", -1)}


class _Slot:
    """One lock file's state in this process: the threads' lock, how deep the holder is in, and the
    open lock while held."""

    def __init__(self, herintreedbaar: bool) -> None:
        import threading

        self.binnen: Any = threading.RLock() if herintreedbaar else threading.Lock()
        self.diepte = 0
        self.greep: Any = None


_SLOTEN: dict[str, _Slot] = {}
if hasattr(os, "register_at_fork"):  # a forked child holds none of its parent's locks
    os.register_at_fork(after_in_child=_SLOTEN.clear)


def _neem(pad: Path) -> Any:
    """One try at the lock: its handle, or None while another process holds it. A lock the file system
    refuses (ENOLCK on a share without a lock service) is raised as the OSError it is."""
    import zc.lockfile

    try:
        return zc.lockfile.SimpleLockFile(str(pad))
    except zc.lockfile.LockError as fout:
        oorzaak = fout.__context__
        if isinstance(oorzaak, OSError) and oorzaak.errno not in _BEZET:
            raise OSError(oorzaak.errno, oorzaak.strerror, str(pad)) from None
        return None


def _laat_los(greep: Any) -> None:
    """Release a lock; never raises (what it guarded is done): when unlocking fails, closing the file
    releases the lock (zc.lockfile keeps it open then)."""
    try:
        greep.close()
    except Exception:  # noqa: BLE001 - an unlock error after the work succeeded must not undo its report
        bestand = getattr(greep, "_fp", None)
        if bestand is not None:
            with contextlib.suppress(OSError):
                bestand.close()


@contextlib.contextmanager
def bestandsslot(pad: Path, wachttijd: float, *, herintreedbaar: bool = True) -> Iterator[None]:
    """Hold the advisory lock on the separate lock file ``pad`` (never the data file; created 0600, left
    empty): one process at a time and one thread of this process at a time. ``herintreedbaar``: the
    thread that holds it may take it again (a save within a change); else a second take waits like any
    other. Raises SlotBezet after ``wachttijd`` seconds of waiting; OSError when the file system refuses
    locks.

    zc.lockfile's lock: ``flock`` on POSIX (per open file, as filelock, which earlier versions used, so
    both exclude each other), ``msvcrt.locking`` of the first byte on Windows; the system releases it
    when a process dies. On a network share the lock is as good as the share's; across computers
    ketencli never relies on it (README, issue 18)."""
    slot = _SLOTEN.get(str(pad))
    if slot is None:
        slot = _SLOTEN.setdefault(str(pad), _Slot(herintreedbaar))
    einde = time.monotonic() + max(wachttijd, 0.0)
    if not slot.binnen.acquire(timeout=max(wachttijd, 0.0)):
        raise SlotBezet(str(pad))
    try:
        if slot.diepte == 0:
            with contextlib.suppress(FileExistsError):
                os.close(os.open(pad, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600))
            pauze = 0.01
            while (greep := _neem(pad)) is None:
                over = einde - time.monotonic()
                if over <= 0:
                    raise SlotBezet(str(pad))
                time.sleep(min(pauze, over))
                pauze = min(pauze * 2, 0.1)
            slot.greep = greep
        slot.diepte += 1
        try:
            yield
        finally:
            slot.diepte -= 1
            if slot.diepte == 0:
                greep, slot.greep = slot.greep, None
                _laat_los(greep)
    finally:
        slot.binnen.release()
