"""Annex D (PSD and JWW when a family member is in prison) as one reading of which route applies.

The guide (L1497-1528) asks for one need-to-know mail to the PSD of the prison and Justitieel
Welzijnswerk (JWW) together. Its one exception (L1565-1609, D22) is Justitieel Welzijnswerk
Turnhout: for a detainee in a Kempen prison (Turnhout, Wortel, Hoogstraten, Merksplas) the
regisseur writes a **letter to the detainee** instead of informing JWT, and still mails the PSD at
its general address. The checklists (their conditions), `stap` (annex D and "wat nu") and the
documents (`psd-jww-mail`, `brief-gedetineerde`) all read the route here. Pure: the dossier is
duck-typed (``model.Dossier``), no I/O.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from ketencli.methodiek import gevangenissen
from ketencli.methodiek.checklists import bijlage_d_instructie


@dataclass(frozen=True)
class Route:
    """How the first contact with the prison goes for one detainee."""

    key: str  # "een-mail" | "kempen" (kebab-case, stable: --json uses it)
    kempen: bool
    jww_mailen: bool  # JWW gets the mail together with the PSD (not JWT in the Kempen, L1607)
    brief: bool  # a letter to the detainee (only in the Kempen, L1579-1590)
    documenten: tuple[str, ...]  # the document kinds (`ketencli doc`) of this route, in order
    samenvatting: str  # Dutch, one line

    @property
    def instructie(self) -> str:
        """The Dutch instruction for this route (L1513-1528, L1607-1609)."""
        return bijlage_d_instructie(self.kempen)


EEN_MAIL = Route("een-mail", kempen=False, jww_mailen=True, brief=False, documenten=("psd-jww-mail",),
                 samenvatting="één mail aan PSD en JWW")
KEMPEN = Route("kempen", kempen=True, jww_mailen=False, brief=True,
               documenten=("brief-gedetineerde", "psd-jww-mail"),
               samenvatting="Kempische gevangenis: brief aan de gedetineerde en een mail aan de PSD (niet aan JWT)")


def route(gevangenis_key: str) -> Route:
    """The route for a detainee in this prison (key or alias); an unknown prison gets the usual one mail."""
    g = gevangenissen.gevangenis(gevangenis_key)
    return KEMPEN if g is not None and g.kempen else EEN_MAIL


def gedetineerden(d: Any) -> list[tuple[Any, Route]]:
    """(member, route) of every member with a current detentie, in the dossier's order."""
    return [(lid, route(lid.detentie.gevangenis)) for lid in d.gezinsleden if lid.detentie is not None]


def met_route(d: Any, r: Route) -> list[Any]:
    """The detained members whose first contact follows route ``r``."""
    return [lid for lid, x in gedetineerden(d) if x == r]
