"""Template lookup and (later) docxtpl rendering: the only module that touches templates.

Templates are looked up in the user's override folder (``<config>/sjablonen``) first, then in the
bundled ones: ``ketencli/_templates`` in an installed wheel (force-included from the top-level
``templates/``), or ``templates/`` of the source tree in an editable install (decisions D14).
"""

from __future__ import annotations

from pathlib import Path

PAKKET = Path(__file__).resolve().parent


def sjabloon_map() -> Path:
    """The bundled templates folder."""
    geinstalleerd = PAKKET / "_templates"
    if geinstalleerd.is_dir():
        return geinstalleerd
    return PAKKET.parent / "templates"


def eigen_sjabloon_map() -> Path:
    from ketencli import store

    return store.config_dir() / "sjablonen"


def zoek_sjabloon(naam: str) -> Path:
    """The user's own copy of a template when there is one, else the bundled one."""
    eigen = eigen_sjabloon_map() / naam
    if eigen.is_file():
        return eigen
    return sjabloon_map() / naam
