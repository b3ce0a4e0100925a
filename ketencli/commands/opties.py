"""Shared option readers for the commands (light: no pydantic, no store).

``niet_leeg`` is the typer callback for a text option that may not be blank: a value of only
spaces is refused exactly like an empty one (issue 20 §6), with the option's name, before anything
is loaded or saved; the value is passed on stripped.
"""

from __future__ import annotations

from typing import Any

import typer

from ketencli.fouten import GebruiksFout


def niet_leeg(param: typer.CallbackParam, waarde: Any) -> Any:
    """Refuse a given text option that is empty or only whitespace; None (not given) and the
    default "" of an optional option pass. Raises GebruiksFout (exit 2)."""
    if waarde is None:
        return None
    optie = (param.opts or [param.name])[0] if param is not None else "de waarde"
    if isinstance(waarde, str):
        if waarde.strip():
            return waarde.strip()
        if waarde == "" and param is not None and param.default == "" and not param.required:
            return waarde  # not given: the optional option's default
        raise GebruiksFout(f"{optie} mag niet leeg zijn (alleen spaties telt als leeg).",
                           tip=f"Geef een tekst, bv. {optie} \"...\".")
    return waarde
