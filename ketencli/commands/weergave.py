"""Views shared by several commands (rich renderings, labels): `dossier show` and `stap` share the
progress panel, `pva` and its interactive editor share the findings and the stavaza labels, every
command that lists members shares ``namen``. Commands import this module, never each other."""

from __future__ import annotations

from datetime import date
from typing import TYPE_CHECKING, Any

from ketencli.taal import aantal

if TYPE_CHECKING:
    from ketencli import model
    from ketencli.methodiek import stappen

STAVAZA_LABELS = {
    "gepland": "gepland", "prior": "PRIOR (voorrang)", "aangemeld": "aangemeld", "gestart": "gestart",
    "lopend": "lopend", "afgerond": "afgerond (OK)", "mislukt": "mislukt", "geschrapt": "geschrapt",
}


def namen(d: model.Dossier, ids: list[str]) -> str:
    return ", ".join(lid.naam if (lid := d.lid(i)) else f"{i}?" for i in ids)


def lid_naam(d: model.Dossier, lid: str | None) -> str:
    """"Naam (m2)" of a member, the id alone when it is not in the dossier, "" for none."""
    if lid is None:
        return ""
    gevonden = d.lid(lid)
    return f"{gevonden.naam} ({lid})" if gevonden else lid


def toon_bevindingen(bevindingen: list[Any]) -> None:
    """Findings of `pva check` as readable text (also used by the interactive editor)."""
    from rich.markup import escape

    from ketencli import ui
    from ketencli.methodiek import pva_regels

    c = ui.console()
    kleuren = {"fout": "bold red", "waarschuwing": "yellow", "tip": "cyan"}
    for b in bevindingen:
        c.print(f"[{kleuren[b.ernst]}]{b.ernst.upper():<12}[/] [bold]{escape(b.betreft)}[/]\n"
                f"             {escape(b.melding)}\n             [dim]→ {escape(b.wat_te_doen)}[/]")
    telling = {e: sum(b.ernst == e for b in bevindingen) for e in pva_regels.ERNSTEN}
    c.print(f"\n{aantal(telling['fout'], 'fout', 'fouten')}, "
            f"{aantal(telling['waarschuwing'], 'waarschuwing', 'waarschuwingen')}, "
            f"{aantal(telling['tip'], 'tip', 'tips')}.")


def voortgangsregels(o: stappen.Overzicht) -> list[str]:
    regels = []
    for c in o.fasen:
        pijl = "[bold cyan]▶[/]" if c.key == o.huidige else " "
        regels.append(f"{pijl} {c.checklist.naam:<42} {c.afgewerkt:>2}/{len(c.items):<2}  [dim]({c.key})[/]")
    for c in o.bijlagen:
        if c.van_toepassing:
            regels.append(f"  {c.checklist.naam:<42} {c.afgewerkt:>2}/{len(c.items):<2}  [dim]({c.key})[/]")
    return regels


def voortgang_paneel(d: model.Dossier, op: date) -> Any:
    """The "Voortgang per fase" panel for `dossier show`."""
    from rich.panel import Panel

    from ketencli import planning
    from ketencli.methodiek import stappen

    o = stappen.evalueer(d, op, planning.woorden(d.regio))
    regels = voortgangsregels(o)
    if o.huidige is None:
        regels.append(f"[dim]{o.huidige_reden}[/]")
    regels.append(f"[dim]Details en wat nu: ketencli stap {d.id}[/]")
    return Panel("\n".join(regels), title="Voortgang per fase", title_align="left")


def waarschuw_regio_fout(melding: str) -> None:
    """The one warning of a listing (`overzicht`, `dossier list`) whose due dates could not all be computed
    because the region settings file (regio.yaml) has an error: ``melding`` names the file, the line and
    what to do (``store.lees_regio_instellingen``)."""
    from ketencli import ui

    ui.melding("Je regio-instellingen bevatten een fout; de vervaldata die ervan afhangen ontbreken:\n" + melding)


def waarschuw_instemming(dossier: model.Dossier) -> None:
    """Warns when the dossier is in casusregie without an adult's consent (guide L131-135, D17)."""
    from ketencli import klok, ui
    from ketencli.methodiek import aanmelding

    if aanmelding.zonder_instemming(dossier, klok.vandaag()):
        melding, wat = aanmelding.instemming_melding(dossier)
        ui.melding(f"Let op: {melding} {wat}")


def open_bestand(pad: Any, wat: str, tip: str) -> None:
    """Open a written file with the desktop's program (``--open``): ``os.startfile`` on Windows, where
    ``typer.launch`` fails (click #2876); a failure is a Dutch message, the file stays written."""
    import os

    import typer

    from ketencli.fouten import KetencliFout

    try:
        if os.name == "nt":
            os.startfile(str(pad))  # type: ignore[attr-defined]
        else:
            typer.launch(str(pad))
    except OSError:
        raise KetencliFout(f"{wat} is bewaard, maar kon niet geopend worden: {pad}", tip=tip) from None


def _conflictwaarde(w: Any) -> str:
    import json

    if w.verwijderd:
        return "(verwijderd)"
    if isinstance(w.waarde, str):
        return w.waarde
    if isinstance(w.waarde, dict) and all(isinstance(x, str) for x in w.waarde.values()):
        # a unit merged as one value (a casusregisseur: naam, organisatie, contact), every field shown
        return "; ".join(f"{k.replace('_', ' ')}: {x or '—'}" for k, x in w.waarde.items()) or "—"
    tekst = json.dumps(w.waarde, ensure_ascii=False, default=str)
    return tekst if len(tekst) <= 300 else tekst[:299] + "…"


def conflict_paneel(d: model.Dossier) -> Any:
    """The open merge conflicts of a team sync (issue 18), numbered for `team los`, with both values,
    who and when, and what the dossier holds now when that is not what the merge kept (value 1, or at a
    removal the edited version): another value, or a change made after the conflict arose
    (``team.in_het_dossier``), said without showing it (no more case text than the values); None when
    there are none."""
    from rich.markup import escape
    from rich.panel import Panel

    if not d.conflicten:
        return None
    from ketencli.team import in_het_dossier, los_opdracht, veld_in_woorden

    data = d.model_dump(mode="json", exclude_none=True)
    regels = []
    anders = False
    for nr, c in enumerate(d.conflicten, 1):
        regels.append(f"[bold]{nr}. {escape(veld_in_woorden(c.veld))}[/] (samengevoegd op {c.moment:%d/%m/%Y %H:%M})")
        for i, w in enumerate(c.waarden, 1):
            wie = escape(w.door or "onbekend") + (f", {w.op:%d/%m/%Y %H:%M}" if w.op else "")
            regels.append(f"   waarde {i} ({wie}): {escape(_conflictwaarde(w))}")
        nu = in_het_dossier(data, nr)
        bewaard = next((i for i, w in enumerate(c.waarden, 1) if not w.verwijderd), 1)
        if nu is None:
            regels.append("   [yellow]In het dossier staat nu een latere wijziging.[/] Kiezen met --kies vervangt "
                          "die (alleen met --toch).")
        elif nu != bewaard:
            regels.append(f"   In het dossier staat nu waarde {nu}.")
        anders = anders or nu != bewaard
    nr = "" if len(d.conflicten) == 1 else " (NR: het veld of het nummer van het conflict)"
    tot_dan = ("Tot dan staat waarde 1 in het dossier (bij een verwijdering: de bewerkte versie)"
               + (", tenzij hierboven anders staat." if anders else "."))
    if len(d.conflicten) == 1 and anders:
        tot_dan = "Tot dan blijft in het dossier wat er nu staat."
    regels.append(f"[dim]Kies met `{los_opdracht(d.id, len(d.conflicten))}` (of 2){nr}, of typ de juiste waarde "
                  f"met --waarde. {tot_dan}[/]")
    return Panel("\n".join(regels), title=f"[yellow]Conflict{'en' if len(d.conflicten) > 1 else ''} na een "
                 "team-sync[/]", title_align="left", border_style="yellow")


def schrijf_csv(doel: Any, tekst: str, standaardnaam: str, *, op_stderr: bool = False) -> None:
    """Write a report's figures as CSV (``beleidssignalen``, ``jaarcijfers``): ``doel`` is a file, a folder
    (then ``standaardnaam`` in it) or "-" for stdout. ';'-separated text with a BOM, so that Excel in Belgium
    opens it as UTF-8; written atomically. ``op_stderr``: the note that it was written goes to stderr
    (stdout holds JSON).

    Raises:
        KetencliFout: the folder does not exist, or the disk refused the file (Dutch, nothing half-written).
    """
    import sys
    from pathlib import Path

    from ketencli import paden, ui
    from ketencli.fouten import KetencliFout, schrijffout

    if str(doel) == "-":
        sys.stdout.write(tekst)
        return
    pad = Path(doel).expanduser()
    if pad.is_dir():
        pad = pad / standaardnaam
    if not pad.parent.is_dir():
        raise KetencliFout(f"De map {pad.parent} bestaat niet: het CSV-bestand werd niet geschreven.",
                           tip=f"Kies een bestaande map, bv. --csv ~/{standaardnaam}.")
    try:
        paden.schrijf_atomisch(pad, ("\ufeff" + tekst).encode("utf-8"))
    except OSError as fout:
        raise schrijffout(fout, f"{pad.name} kon niet bewaard worden", gevolg="Het CSV-bestand werd niet geschreven.") \
            from None
    if op_stderr:
        ui.melding(f"Cijfers als CSV bewaard: {pad}", stijl="green")
    else:
        ui.gelukt(f"Cijfers als CSV bewaard: {pad}")


def regio_woorden() -> tuple[dict[str, dict[str, str]], dict[str, dict[str, str]]]:
    """Per region its table names (key -> name) and its words (``methodiek.regios.woorden``, D30: its name,
    tables and organisation as the user's settings give them), for the reports over all regions
    (`jaarcijfers`, `beleidssignalen`). Light: the settings file (and the YAML reader) only when there is one."""
    from ketencli import paden
    from ketencli.fouten import KetencliFout
    from ketencli.methodiek import regios

    alle = regios.STANDAARD
    if (paden.config_dir() / "regio.yaml").is_file():
        from ketencli import planning

        try:
            alle = planning.alle_regios()
        except KetencliFout:
            pass  # `regio toon` and `overzicht` say what is wrong; the built-in names here
    tafels = {k: {t.key: t.naam for t in r.tafels} for k, r in alle.items()}
    return tafels, {k: regios.woorden(r) for k, r in alle.items()}


def in_regiowoorden(d: Any, tekst: str) -> str:
    """``tekst`` in the words of the dossier's region (D30: ``{plan}`` is "de weegploeg" in Antwerp)."""
    from ketencli import planning
    from ketencli.methodiek import regios

    return regios.in_woorden(tekst, planning.woorden(d.regio))
