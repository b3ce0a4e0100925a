"""`ketencli stap ID 458ter` (the explanation of information sharing under art. 458ter Sw., and who got it)
and `ketencli stap ID dringende-maatregel` (annex C: an urgent judicial measure and the request for a fast
start to the Justitiehuis); part of `stap` (loaded only when they run, ``cli.COMMANDO_S``)."""

from __future__ import annotations

import typer

from ketencli.commands.opties import datum_optie
from ketencli.commands.weergave import lid_naam
from ketencli.fouten import GebruiksFout

ID_ARG = typer.Argument(..., metavar="ID", help="Het dossier-id, bv. 2026-001.")


def uitleg_458ter(
    dossier_id: str = ID_ARG,
    geinformeerd: list[str] = typer.Option([], "--geinformeerd", metavar="LID",
                                           help="Wie de uitleg kreeg (herhaalbaar, of m1,m2)."),
    datum: str | None = typer.Option(None, "--datum", help="Wanneer (standaard: vandaag)."),
    door: str | None = typer.Option(None, "--door", help="Wie het uitlegde (standaard: de casusregisseur)."),
    notitie: str = typer.Option("", "--notitie", help="Een korte notitie, bv. 'folder meegegeven'."),
) -> None:
    """Toon de uitleg over informatiedeling (art. 458ter Sw.) om voor te lezen of mee te geven; met
    --geinformeerd registreer je wie ze kreeg."""
    from rich.markup import escape
    from rich.panel import Panel

    from ketencli import klok, model, store, ui
    from ketencli.methodiek.uitleg_458ter import KERNPUNTEN_458TER, UITLEG_458TER

    vandaag = klok.vandaag()
    if not geinformeerd:
        if datum is not None or door is not None or notitie:
            raise GebruiksFout("--datum, --door en --notitie horen bij --geinformeerd LID.")
        d = store.laad(dossier_id)
        c = ui.console()
        c.print(Panel(escape(UITLEG_458TER.strip()), title="Uitleg voor het gezin", title_align="left"))
        c.print(Panel("\n".join(f"• {escape(p)}" for p in KERNPUNTEN_458TER), title="In het kort", title_align="left"))
        if d.uitleg_458ter:
            c.print("Al uitgelegd aan: " + "; ".join(
                f"{escape(lid_naam(d, u.lid))} op {u.datum:%d/%m/%Y}" for u in d.uitleg_458ter))
        c.print(f"Registreer wie de uitleg kreeg met [bold]ketencli stap {d.id} 458ter --geinformeerd LID[/].")
        return
    op = datum_optie(datum, "--datum", niet_na=vandaag) or vandaag
    leden = [x.strip() for waarde in geinformeerd for x in waarde.split(",") if x.strip()]
    with store.wijzig(dossier_id) as d:
        onbekend = [x for x in leden if d.lid(x) is None]
        if onbekend:
            raise GebruiksFout(f"--geinformeerd: {', '.join(onbekend)} bestaat niet in dossier {d.id} "
                               f"(leden: {', '.join(x.id for x in d.gezinsleden)}).")
        wie = (door if door is not None else d.casusregisseur.naam).strip()
        bestaand = [u for u in d.uitleg_458ter if not (u.lid in leden and u.datum == op)]
        d.uitleg_458ter = bestaand + [model.Uitleg458ter(lid=x, datum=op, door=wie, notitie=notitie.strip())
                                      for x in dict.fromkeys(leden)]
    ui.gelukt(f"Uitleg 458ter geregistreerd voor {', '.join(dict.fromkeys(leden))} op {op:%d/%m/%Y}.")


# ---------------------------------------------------------------------------------------------
# annex C: urgent judicial measure
# ---------------------------------------------------------------------------------------------


def dringende_maatregel(
    dossier_id: str = ID_ARG,
    beslist_op: str | None = typer.Option(None, "--beslist-op", help="Wanneer een overlegtafel besliste dat een "
                                          "justitiële maatregel hoogdringend is."),
    tafel: str = typer.Option("", "--tafel", help="Welke tafel besliste (bv. de overlegtafel; in Antwerpen ICO, "
                                                  "ronde tafel of weegploeg)."),
    maatregel: str = typer.Option("", "--maatregel", help="Welke maatregel, kort."),
    aan: str = typer.Option("", "--aan", help="Aan wie je de versnelde opstart vroeg (de teamverantwoordelijke "
                            "van het Justitiehuis)."),
    cc: str = typer.Option("", "--cc", help="Wie in cc stond (operationeel coördinator, algemeen adres Justitiehuis)."),
    aangevraagd_op: str | None = typer.Option(None, "--aangevraagd-op", help="Wanneer je de versnelde opstart vroeg "
                                              "(standaard: vandaag als je --aan geeft)."),
) -> None:
    """Bijlage C: registreer een dringende justitiële maatregel en de vraag om een versnelde opstart aan het
    Justitiehuis (aan wie, cc wie, wanneer). Zonder --beslist-op: toon wat geregistreerd is."""
    from rich.markup import escape

    from ketencli import klok, model, planning, store, ui
    from ketencli.methodiek import checklists as cl

    vandaag = klok.vandaag()
    if beslist_op is None:
        if any((tafel, maatregel, aan, cc, aangevraagd_op)):
            raise GebruiksFout("Geef --beslist-op DATUM om een dringende maatregel te registreren.")
        d = store.laad(dossier_id)
        c = ui.console()
        if not d.dringende_maatregelen:
            c.print("Nog geen dringende maatregel geregistreerd.")
        for m in d.dringende_maatregelen:
            a = m.aanvraag_versnelde_start
            c.print(f"• beslist op {m.beslist_op:%d/%m/%Y}" + (f" ({escape(m.tafel)})" if m.tafel else "")
                    + (f": {escape(m.maatregel)}" if m.maatregel else "")
                    + (f" — versnelde opstart gevraagd aan {escape(a.aan)}" if a.aan else " — nog niet gevraagd")
                    + (f" op {a.datum:%d/%m/%Y}" if a.datum else "") + (f", cc {escape(a.cc)}" if a.cc else ""))
        c.print("\n[bold]Wat te doen (bijlage C)[/]")
        for it in (cl.in_woorden(x, planning.woorden(d.regio)) for x in cl.BIJLAGE_C.items):
            c.print(f"• {escape(it.tekst)}" + (f"\n  [dim]{escape(it.hint)}[/]" if it.hint else ""))
        return
    beslist = datum_optie(beslist_op, "--beslist-op", niet_na=vandaag)
    gevraagd = datum_optie(aangevraagd_op, "--aangevraagd-op", niet_na=vandaag) or (vandaag if aan.strip() else None)
    if beslist and gevraagd and gevraagd < beslist:
        raise GebruiksFout("--aangevraagd-op ligt vóór --beslist-op; dat kan niet.")
    with store.wijzig(dossier_id) as d:
        # the same decision date completes the earlier record (e.g. the request is sent later)
        oud = next((m for m in d.dringende_maatregelen if m.beslist_op == beslist), None)
        oa = oud.aanvraag_versnelde_start if oud else model.VersneldeStart()
        nieuw = model.DringendeMaatregel(
            beslist_op=beslist, tafel=tafel.strip() or (oud.tafel if oud else ""),
            maatregel=maatregel.strip() or (oud.maatregel if oud else ""),
            aanvraag_versnelde_start=model.VersneldeStart(aan=aan.strip() or oa.aan, cc=cc.strip() or oa.cc,
                                                          datum=gevraagd or oa.datum),
        )
        d.dringende_maatregelen = [m for m in d.dringende_maatregelen if m.beslist_op != beslist] + [nieuw]
    ui.gelukt(f"Dringende maatregel van {beslist:%d/%m/%Y} geregistreerd"
              + (f"; versnelde opstart gevraagd op {gevraagd:%d/%m/%Y}." if gevraagd else "."))
    if not nieuw.aanvraag_versnelde_start.aan:
        ui.melding("Vraag de versnelde opstart aan de teamverantwoordelijke van het Justitiehuis en registreer het "
                   f"met `ketencli stap {dossier_id} dringende-maatregel --beslist-op {beslist} --aan ... --cc ...`.")
