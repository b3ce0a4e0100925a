"""`ketencli agendeer lijst|uitkomst`: the agenderingen of a dossier and what the table decided (D23).

Registered in the ``agendeer`` group (cli.py); the agendering itself is ``commands/agendeer.py``.
``uitkomst`` records an outcome only after the session (D29, ``methodiek.bespreking``).
"""

from __future__ import annotations

from typing import TYPE_CHECKING

import typer

from ketencli.fouten import GebruiksFout, KetencliFout
from ketencli.methodiek.regios import DOEL_LABEL

if TYPE_CHECKING:
    from ketencli import model

ID_ARG = typer.Argument(..., metavar="ID", help="Het dossier-id, bv. 2026-001.")
STATUS_KLEUR = {"voorbereid": "cyan", "ingediend": "blue", "besproken": "green", "uitgesteld": "yellow",
                "geannuleerd": "dim"}


def lijst(
    dossier_id: str = ID_ARG,
    als_json: bool = typer.Option(False, "--json", help='Schrijf {"agenderingen": [...]} als JSON.'),
) -> None:
    """Toon de agenderingen van een dossier: tafel, zitting, deadline, status en uitkomst."""
    from rich.markup import escape
    from rich.table import Table

    from ketencli import planning, store, ui

    d = store.laad(dossier_id)
    if als_json:
        ui.schrijf_json({"dossier": d.id, "agenderingen": [a.model_dump(mode="json") for a in d.agenderingen]})
        return
    c = ui.console()
    if not d.agenderingen:
        c.print(f"Dossier {d.id} werd nog niet geagendeerd. Begin met `ketencli agendeer weegploeg {d.id}`.")
        return
    tabel = Table(title=f"Agenderingen van dossier {d.id}", show_lines=False)
    for kolom in ("id", "tafel", "soort", "doel", "zitting", "deadline", "status", "uitkomst"):
        tabel.add_column(kolom)
    for a in sorted(d.agenderingen, key=lambda x: x.zitting):
        uitkomst = []
        if a.afspraken:
            uitkomst.append(f"{len(a.afspraken)} afspra{'ken' if len(a.afspraken) != 1 else 'ak'}")
        if a.meenemen:
            uitkomst.append("meenemen")
        if a.terugkoppeling_op:
            uitkomst.append(f"terug op {a.terugkoppeling_op:%d/%m/%Y}")
        if a.notitie:
            uitkomst.append("notitie")
        doel = planning.doel_van(a)
        tabel.add_row(a.id, escape(a.tafel), a.soort, DOEL_LABEL.get(doel, "") if doel else "",
                      f"{a.zitting:%d/%m/%Y %H:%M}",
                      f"{a.deadline:%d/%m/%Y %H:%M}" if a.deadline else "",
                      f"[{STATUS_KLEUR.get(a.status, 'white')}]{a.status}[/]", escape(", ".join(uitkomst)))
    c.print(tabel)


def uitkomst(
    dossier_id: str = ID_ARG,
    agendering_id: str = typer.Argument(..., metavar="AGENDERING",
                                        help="De agendering, bv. a1 (zie `agendeer lijst`)."),
    status: str | None = typer.Option(None, "--status", help="besproken, uitgesteld, geannuleerd (of ingediend); "
                                                            "standaard besproken als je een uitkomst geeft."),
    afspraak: list[str] = typer.Option([], "--afspraak", metavar="TEKST",
                                       help="Een afspraak van de tafel; herhaalbaar."),
    meenemen: str | None = typer.Option(None, "--meenemen", metavar="TEKST", help="Wat je meeneemt van de bespreking."),
    terugkoppeling: str | None = typer.Option(None, "--terugkoppeling", metavar="DATUM",
                                              help="De terugkomdatum op de opvolgtafel (in Antwerpen de ronde tafel), "
                                                   "bv. 2027-03-05."),
    uitgenodigd: list[str] = typer.Option([], "--uitgenodigd", metavar="WIE",
                                          help="Wie uitgenodigd was (een dienst-id zoals d3, of tekst); herhaalbaar."),
    notitie: str | None = typer.Option(None, "--notitie", help="Een korte notitie."),
    als_json: bool = typer.Option(False, "--json", help="Schrijf de agendering als JSON."),
) -> None:
    """Noteer de uitkomst na de zitting: afspraken, wat je meeneemt, de terugkomdatum, wie er was."""
    from ketencli import klok, store, ui
    from ketencli.commands.opties import datum_optie, vereis_bekende_dienst
    from ketencli.methodiek import bespreking

    toegelaten = ("ingediend", "besproken", "uitgesteld", "geannuleerd")
    if status is not None and status not in toegelaten:
        raise GebruiksFout(f"--status {status!r} ken ik niet; kies uit: {', '.join(toegelaten)}.")
    terug = (datum_optie(terugkoppeling, "--terugkoppeling", richting="toekomst")
             if terugkoppeling is not None else None)
    if terugkoppeling is not None and terug is None:
        raise GebruiksFout("--terugkoppeling heeft een datum nodig, bv. 2027-03-05.")
    afspraken = [x.strip() for x in afspraak if x.strip()]
    if afspraak and not afspraken:
        raise GebruiksFout("--afspraak is leeg: er werd niets bewaard.",
                           tip='Schrijf de afspraak tussen aanhalingstekens, bv. --afspraak "Mama belt de school".')
    uitkomst_gegeven = bool(afspraken or meenemen is not None or terug is not None)
    if not (status or uitkomst_gegeven or uitgenodigd or notitie is not None):
        raise GebruiksFout("Geef minstens één van --status, --afspraak, --meenemen, --terugkoppeling, "
                           "--uitgenodigd of --notitie.")
    with store.wijzig(dossier_id) as d:
        a = next((x for x in d.agenderingen if x.id == agendering_id.strip().lower()), None)
        if a is None:
            raise KetencliFout(
                f"Dossier {d.id} heeft geen agendering {agendering_id!r}.",
                tip=f"Agenderingen: {', '.join(x.id for x in d.agenderingen) or 'geen'} "
                    f"(`ketencli agendeer lijst {d.id}`).",
            )
        if bespreking.te_vroeg_voor_uitkomst(a, status, uitkomst_gegeven, klok.vandaag()):
            raise KetencliFout(
                f"De zitting van agendering {a.id} is op {a.zitting:%d/%m/%Y}: die vond nog niet plaats, dus er is "
                "nog geen bespreking of uitkomst om te noteren. Er werd niets bewaard.",
                tip=f"Noteer de uitkomst na de zitting; wordt het dossier niet besproken, noteer dan "
                    f"`ketencli agendeer uitkomst {d.id} {a.id} --status uitgesteld`.")
        for wie in uitgenodigd:
            vereis_bekende_dienst(d, wie, "--uitgenodigd")
        nieuw: model.Agendering = a.model_copy(deep=True)
        if status is not None:
            nieuw.status = status  # type: ignore[assignment]
        elif uitkomst_gegeven and a.status in ("voorbereid", "ingediend"):
            nieuw.status = "besproken"
        nieuw.afspraken = [*a.afspraken, *afspraken]
        if meenemen is not None:
            nieuw.meenemen = meenemen.strip()
        if terug is not None:
            nieuw.terugkoppeling_op = terug
        nieuw.uitgenodigd = list(dict.fromkeys([*a.uitgenodigd, *(w.strip() for w in uitgenodigd if w.strip())]))
        if notitie is not None:
            nieuw.notitie = (a.notitie + "\n" + notitie.strip()).strip() if a.notitie else notitie.strip()
        d.agenderingen = [nieuw if x.id == a.id else x for x in d.agenderingen]
    if als_json:
        ui.schrijf_json(nieuw.model_dump(mode="json"))
        _zonder_terugkomdatum(d, nieuw)  # on stderr: the JSON on stdout stays clean
        return
    ui.gelukt(f"Agendering {nieuw.id} van dossier {d.id}: {nieuw.status}"
              + (f", {len(nieuw.afspraken)} afspra{'ken' if len(nieuw.afspraken) != 1 else 'ak'}" if nieuw.afspraken
                 else "")
              + (f", terugkomdatum {nieuw.terugkoppeling_op:%d/%m/%Y}" if nieuw.terugkoppeling_op else "") + ".")
    _zonder_terugkomdatum(d, nieuw)


def _zonder_terugkomdatum(d: model.Dossier, a: model.Agendering) -> None:
    """A plan discussed at the plan table without a return date: the table normally sets when the dossier
    comes back to the opvolging table (annex G, stap 3, guide L1796-1798); say so and how to add it."""
    from ketencli import planning, ui

    if a.rol != "plan" or a.soort not in ("pva", "gewijzigd") or a.status != "besproken" or a.terugkoppeling_op:
        return
    r = planning.regio(d.regio)
    if r.tafel_voor_rol("plan") is None or r.tafel_voor_rol("opvolging") is None:
        return
    w = planning.woorden(d.regio)
    ui.melding(f"Nog geen terugkomdatum: {w['plan']} spreekt normaal af wanneer het dossier terugkomt op "
               f"{w['opvolging']} (bijlage G, stap 3). Noteer ze met `ketencli agendeer uitkomst {d.id} "
               f"{a.id} --terugkoppeling JJJJ-MM-DD`.")
