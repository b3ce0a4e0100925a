"""The exceptions ketencli raises for users, each with its exit code (decisions D12).

They carry a finished Dutch message; the one handler (``afhandeling.voer_uit``) prints it and exits. No
message may contain personal data (names, case facts): dossier ids and file paths are neutral.
"""

from __future__ import annotations

import re

# the shape of a schema key: a message names a key from a file only when it has this shape (free text
# from the file is never repeated in a message)
SLEUTELVORM = re.compile(r"^[a-z0-9_-]{1,30}$")


class KetencliFout(Exception):
    """A user error: one Dutch message, exit code 1."""

    exit_code = 1

    def __init__(self, melding: str, *, tip: str | None = None) -> None:
        super().__init__(melding)
        self.melding = melding
        self.tip = tip


class GebruiksFout(KetencliFout):
    """Wrong use of the command line (a missing or contradictory option): exit code 2."""

    exit_code = 2


class DossierNietGevonden(KetencliFout):
    """An id that is not in the data home."""


class BestandsFout(KetencliFout):
    """A dossier or import file that cannot be read, parsed or validated."""


class ConflictFout(KetencliFout):
    """The dossier changed on disk since it was loaded, or another ketencli holds it."""


class AlleenLezen(KetencliFout):
    """A change to an afgesloten dossier (it reopens only through `dossier heropen`)."""

    def __init__(self, dossier_id: str) -> None:
        super().__init__(
            f"Dossier {dossier_id} is afgesloten en kan niet meer gewijzigd worden. Er werd niets bewaard.",
            tip=f"Moet er toch iets veranderen, heropen het dan eerst: "
            f"`ketencli dossier heropen {dossier_id} --reden \"...\"` (dat komt in de historiek).",
        )


class GeenTerminal(KetencliFout):
    """An interactive question without a terminal (or with --no-input)."""


class Afgebroken(KetencliFout):
    """The user stopped (Ctrl-C, Ctrl-D): nothing was saved."""

    exit_code = 130

    def __init__(self, melding: str = "Afgebroken: er werd niets bewaard.") -> None:
        super().__init__(melding)


# -- failing disks: one translation of OS errors (issue 20 §3) ---------------------------------

_WINDOWS_IN_GEBRUIK = {32, 33}  # ERROR_SHARING_VIOLATION, ERROR_LOCK_VIOLATION


def schijf_oorzaak(fout: OSError) -> tuple[str, str]:
    """The Dutch cause of an OS error and what the user can do about it: ``(oorzaak, tip)``.

    Never the English ``strerror`` ("Read-only file system", "No space left on device"). Only a file
    held open by another program (Windows) gets the tip about closing programs.
    """
    import errno

    nummer = fout.errno or 0
    if getattr(fout, "winerror", None) in _WINDOWS_IN_GEBRUIK or nummer in (errno.EBUSY, errno.ETXTBSY):
        return ("het bestand is in gebruik door een ander programma",
                "Sluit het programma dat het bestand openhoudt (Word, een editor, een sync-programma) en "
                "probeer het opnieuw.")
    if nummer == errno.EROFS:
        return ("de map staat op een alleen-lezen schijf of share",
                "Werk op een schijf waarop je mag schrijven, of vraag je beheerder om schrijfrechten.")
    if nummer in (errno.ENOSPC, getattr(errno, "EDQUOT", -1)):
        return ("de schijf is vol (of je quotum is op)",
                "Maak ruimte vrij op de schijf en probeer het opnieuw.")
    if nummer in (errno.EACCES, errno.EPERM):
        return ("je hebt geen schrijfrechten op die map of dat bestand (het is beveiligd of alleen-lezen gemaakt)",
                "Kijk de rechten van de map en het bestand na (heb je ze zelf alleen-lezen gemaakt?), of "
                "vraag je beheerder om hulp.")
    if nummer in (getattr(errno, "ENOLCK", -1), errno.ENOSYS, getattr(errno, "EOPNOTSUPP", -1)):
        return ("de map kan geen bestanden vergrendelen (een netwerkshare zonder vergrendeling?)",
                "Zet je datamap op een lokale schijf (KETENCLI_HOME), of vraag je beheerder om vergrendeling "
                "op de share aan te zetten.")
    if nummer == errno.EIO:
        return ("de schijf gaf een lees- of schrijffout",
                "Kijk de schijf na (een losgekoppelde USB-schijf of netwerkshare?) en probeer het opnieuw.")
    if nummer == errno.ENOENT:
        return ("de map bestaat (niet meer)",
                "Kijk na of de schijf of share nog verbonden is en probeer het opnieuw.")
    if nummer in (errno.ENOTDIR, errno.EEXIST):
        return ("een deel van het pad is een bestand en geen map",
                "Kijk na of je datamap (KETENCLI_HOME, als je die instelde) naar een map wijst en niet naar "
                "een bestand.")
    if nummer in (errno.ENAMETOOLONG,):
        return ("het pad is te lang", "Kies een kortere map.")
    return (f"het besturingssysteem weigerde het schrijven (foutcode {nummer})" if nummer else
            "het besturingssysteem weigerde het schrijven",
            "Kijk na of je in die map mag schrijven en of de schijf nog verbonden is.")


class SchijfFout(KetencliFout):
    """Writing a file failed in the operating system (read-only, full, no permission)."""


def schrijffout(fout: OSError, wat: str, *, gevolg: str = "Er werd niets bewaard.") -> SchijfFout:
    """A Dutch ``SchijfFout`` for an ``OSError`` raised while writing: ``wat`` is the subject
    ("dossiers/2026-001/dossier.yaml kon niet bewaard worden"; neutral names only, never case
    text), followed by the cause, ``gevolg`` and the tip from ``schijf_oorzaak``."""
    oorzaak, tip = schijf_oorzaak(fout)
    return SchijfFout(f"{wat}: {oorzaak}. {gevolg}".strip(), tip=tip)
