"""`ketencli team sync` and the conflict lines it shares with `team status`, without typer: the
most frequent team command runs without building the typer app (``start.ZONDER_TYPER``), and
``commands.team`` registers the same function for help and for any other spelling.
"""

from __future__ import annotations


def sync() -> None:
    """Fetch the team's changes, merge them with the user's own and push the result; say what
    happened and list the open conflicts (issue 18)."""
    from ketencli import team, ui
    from ketencli.fouten import Afgebroken
    from ketencli.taal import aantal

    try:
        uit = team.sync()
    except KeyboardInterrupt:
        raise Afgebroken("Afgebroken: de synchronisatie stopte. Je dossiers zijn geldig en wat je bewaarde blijft "
                         "bewaard; doe `ketencli team sync` opnieuw om ze te delen en op te halen.") from None
    delen = []
    if uit.opgehaald:
        delen.append(f"{aantal(len(uit.opgehaald), 'bestand', 'bestanden')} bijgewerkt")
    if uit.samengevoegd:
        delen.append(f"samengevoegd: {', '.join(sorted(set(uit.samengevoegd)))}")
    delen.append("gedeeld" if uit.gedeeld else "niets nieuws te delen")
    ui.gelukt("Gesynchroniseerd: " + "; ".join(delen) + ".")
    if uit.genegeerd:
        ui.melding("De gedeelde opslag bevat ook andere bestanden dan dossiers en het register; die worden niet "
                   "in je datamap gezet.")
    for oud, nieuw in sorted(uit.hernummerd.items()):
        ui.melding(f"Je dossier {oud} heeft nu nummer {nieuw}: een collega gaf intussen een ander dossier "
                   f"het nummer {oud}.")
    for dossier_id, items in sorted(uit.hernummerde_items.items()):
        for h in items:
            ui.melding(team.hernummering_melding(dossier_id, h))
    toon_conflicten(team.conflicten(uit.dossiers()))


def toon_conflicten(conflicten: dict[str, list[str]], kop: str = "Conflict in dossier {id}:") -> None:
    """One line per dossier with open conflicts (numbered fields in words), then how to resolve the
    first one. ``conflicten``: dossier id → the conflicting field paths; ``kop`` the start of each line."""
    if not conflicten:
        return
    from rich.markup import escape

    from ketencli import team, ui

    for dossier_id, velden in sorted(conflicten.items()):
        ui.console().print(f"[yellow]{escape(kop.format(id=dossier_id))}[/] "
                           + ", ".join(f"{i}. {escape(team.veld_in_woorden(v))}" for i, v in enumerate(velden, 1)))
    eerste, velden = sorted(conflicten.items())[0]
    nr = "" if len(velden) == 1 else " (NR: het veld of het nummer van het conflict hierboven)"
    ui.console().print(escape(f"Bekijk de twee waarden met `ketencli dossier show {eerste}` en kies met "
                              f"`{team.los_opdracht(eerste, len(velden))}` (of 2){nr}, of typ de juiste waarde "
                              "met --waarde \"...\"."))
