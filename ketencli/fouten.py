"""The exceptions ketencli raises for users, each with its exit code (decisions D12).

They carry a finished Dutch message; the one handler in ``cli.py`` prints it and exits. No
message may contain personal data (names, case facts): dossier ids and file paths are neutral.
"""

from __future__ import annotations


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
            f"`ketencli dossier heropen {dossier_id} --reden \"...\"` (dat wordt in de historie bewaard).",
        )


class GeenTerminal(KetencliFout):
    """An interactive question without a terminal (or with --no-input)."""


class Afgebroken(KetencliFout):
    """The user stopped (Ctrl-C, Ctrl-D): nothing was saved."""

    exit_code = 130

    def __init__(self, melding: str = "Afgebroken: er werd niets bewaard.") -> None:
        super().__init__(melding)
