"""`ketencli profiel`: the user's own name, organisation, contact and region, kept in
``config/profiel.yaml`` (the config folder of D13). The profile is the default casusregisseur at the
ICO outcome (`dossier ico`) and the default region of `dossier new`, so documents and mails are
signed without typing."""

from __future__ import annotations

from typing import TYPE_CHECKING

import typer

if TYPE_CHECKING:
    from ketencli import model


def profiel(
    naam: str | None = typer.Option(None, "--naam", help="Je naam, zoals ze onder documenten en mails komt."),
    organisatie: str | None = typer.Option(None, "--organisatie", help="Je organisatie, bv. 'CAW Oost-Brabant'."),
    contact: str | None = typer.Option(None, "--contact", help="Je telefoon of e-mail."),
    regio: str | None = typer.Option(None, "--regio", help="co3-antwerpen, ifg-west-vlaanderen of leuven."),
) -> None:
    """Stel je profiel in (naam, organisatie, contact, regio): standaard casusregisseur bij de uitkomst
    van de intaketafel (in Antwerpen het ICO) en standaardregio van nieuwe dossiers. Zonder opties toont
    het je profiel."""
    from ketencli import model, store, ui
    from ketencli.fouten import GebruiksFout

    huidig = store.lees_profiel()
    if naam is None and organisatie is None and contact is None and regio is None:
        if not huidig.naam and not huidig.regio:
            ui.console().print("Je hebt nog geen profiel. Stel het in met [bold]ketencli profiel --naam ... "
                               "--organisatie ... --contact ... --regio ...[/].")
            return
        _toon(huidig)
        return
    gegevens = huidig.model_dump()
    for sleutel, waarde in (("naam", naam), ("organisatie", organisatie), ("contact", contact)):
        if waarde is not None:
            gegevens[sleutel] = waarde.strip()
    if regio is not None:
        if regio not in model.REGIO_NAMEN:
            raise GebruiksFout(f"--regio {regio!r} ken ik niet; kies uit: {', '.join(model.REGIO_NAMEN)}.")
        gegevens["regio"] = regio
    nieuw = model.Profiel.model_validate(gegevens)
    store.bewaar_profiel(nieuw)
    ui.gelukt("Profiel bewaard.")
    _toon(nieuw)


def _toon(p: model.Profiel) -> None:
    from rich.markup import escape

    from ketencli import model, ui

    regels = [f"Naam:        {escape(p.naam) or '—'}", f"Organisatie: {escape(p.organisatie) or '—'}",
              f"Contact:     {escape(p.contact) or '—'}",
              f"Regio:       {model.REGIO_NAMEN[p.regio] if p.regio else '—'}"]
    ui.console().print("\n".join(regels))
