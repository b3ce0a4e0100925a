"""Belgian prisons as data (decisions D5, D22): the key a member's ``detentie.gevangenis`` refers to.

Pure data and pure functions: no I/O. The list reflects the prisons in use around 2024. The Brussels
penitentiary complex of Haren (2022) replaced Sint-Gillis, Vorst and Berkendaal and is the single
Brussels entry. Prisons in the Kempen (served by Justitieel Welzijnswerk Turnhout) are marked
``kempen``: annex D asks for a letter to the detainee there instead of informing JWT (L1565-1609).
Keys are lowercase kebab-case; names are the Dutch names.
"""

from __future__ import annotations

import difflib
from dataclasses import dataclass


@dataclass(frozen=True)
class Gevangenis:
    """A prison."""

    key: str
    naam: str  # Dutch display name
    kempen: bool = False  # JWW Turnhout: annex D's exception applies


GEVANGENISSEN: tuple[Gevangenis, ...] = (
    # Flanders
    Gevangenis("antwerpen", "Gevangenis van Antwerpen"),
    Gevangenis("beveren", "Gevangenis van Beveren"),
    Gevangenis("brugge", "Gevangenis van Brugge"),
    Gevangenis("dendermonde", "Gevangenis van Dendermonde"),
    Gevangenis("gent", "Gevangenis van Gent"),
    Gevangenis("hasselt", "Gevangenis van Hasselt"),
    Gevangenis("hoogstraten", "Penitentiair Schoolcentrum Hoogstraten", kempen=True),
    Gevangenis("ieper", "Gevangenis van Ieper"),
    Gevangenis("leuven-centraal", "Gevangenis van Leuven-Centraal"),
    Gevangenis("leuven-hulp", "Hulpgevangenis Leuven"),
    Gevangenis("mechelen", "Gevangenis van Mechelen"),
    Gevangenis("merksplas", "Gevangenis van Merksplas", kempen=True),
    Gevangenis("oudenaarde", "Gevangenis van Oudenaarde"),
    Gevangenis("ruiselede", "Penitentiair Landbouwcentrum Ruiselede"),
    Gevangenis("tongeren", "Gevangenis van Tongeren"),
    Gevangenis("turnhout", "Gevangenis van Turnhout", kempen=True),
    Gevangenis("wortel", "Gevangenis van Wortel", kempen=True),
    # Brussels
    Gevangenis("haren", "Gevangenis van Haren (Brussel)"),
    # Wallonia
    Gevangenis("andenne", "Gevangenis van Andenne"),
    Gevangenis("arlon", "Gevangenis van Aarlen (Arlon)"),
    Gevangenis("dinant", "Gevangenis van Dinant"),
    Gevangenis("huy", "Gevangenis van Hoei (Huy)"),
    Gevangenis("ittre", "Gevangenis van Ittre"),
    Gevangenis("jamioulx", "Gevangenis van Jamioulx"),
    Gevangenis("lantin", "Gevangenis van Lantin"),
    Gevangenis("leuze-en-hainaut", "Gevangenis van Leuze-en-Hainaut"),
    Gevangenis("marche-en-famenne", "Gevangenis van Marche-en-Famenne"),
    Gevangenis("mons", "Gevangenis van Bergen (Mons)"),
    Gevangenis("namur", "Gevangenis van Namen (Namur)"),
    Gevangenis("nivelles", "Gevangenis van Nijvel (Nivelles)"),
    Gevangenis("paifve", "Inrichting tot Bescherming van de Maatschappij Paifve"),
    Gevangenis("saint-hubert", "Gevangenis van Saint-Hubert"),
    Gevangenis("tournai", "Gevangenis van Doornik (Tournai)"),
)

# Other spellings a regisseur may type; they resolve to a key above.
ALIASSEN: dict[str, str] = {
    "brussel-haren": "haren",
    "brussel": "haren",
    "bruxelles-haren": "haren",
    "aarlen": "arlon",
    "hoei": "huy",
    "bergen": "mons",
    "namen": "namur",
    "nijvel": "nivelles",
    "doornik": "tournai",
    "leuze": "leuze-en-hainaut",
    "marche": "marche-en-famenne",
    "sint-hubert": "saint-hubert",
    "wortel-kolonie": "wortel",
}

_PER_KEY: dict[str, Gevangenis] = {g.key: g for g in GEVANGENISSEN}


def _normaliseer(key: str) -> str:
    return "-".join(key.strip().lower().replace("_", " ").replace("-", " ").split())


def gevangenis(key: str) -> Gevangenis | None:
    """The prison with this key (or a known alias), or None."""
    sleutel = _normaliseer(key)
    return _PER_KEY.get(ALIASSEN.get(sleutel, sleutel))


def dichtste_gevangenissen(key: str, n: int = 3) -> list[str]:
    """Prison keys closest to a mistyped key, best first (aliases resolved, no duplicates)."""
    sleutel = _normaliseer(key)
    kandidaten = list(_PER_KEY) + list(ALIASSEN)
    # Keys that start with what was typed ("leuven") come first, then the closest spellings.
    voorvoegsel = [k for k in kandidaten if sleutel and k.startswith(sleutel)]
    resultaat: list[str] = []
    for treffer in voorvoegsel + difflib.get_close_matches(sleutel, kandidaten, n=n * 2, cutoff=0.5):
        echt = ALIASSEN.get(treffer, treffer)
        if echt not in resultaat:
            resultaat.append(echt)
    return resultaat[:n]
