"""`ketencli dossier aanmelding`: the registration (guide II.C, L287-306) completed or corrected
without a text editor: the date, the aanmelder and the nine registration questions, as options or
as questions in the terminal (issue "invoer": everything recordable without a text editor)."""

from __future__ import annotations

import typer

from ketencli.methodiek.aanmelding import AANMELDVRAGEN
from ketencli.taal import aantal

NO_INPUT_HULP = "Stel nooit een vraag; zonder opties stopt het commando dan met een melding."
_VRAAG = {v.key: v.vraag for v in AANMELDVRAGEN}


def aanmelding(
    dossier_id: str = typer.Argument(..., metavar="ID", help="Het dossier-id."),
    datum: str | None = typer.Option(None, "--datum", help="Datum van aanmelding."),
    organisatie: str | None = typer.Option(None, "--aanmelder-organisatie", help="Organisatie van de aanmelder."),
    persoon: str | None = typer.Option(None, "--aanmelder-persoon", help="Naam van de aanmelder."),
    contact: str | None = typer.Option(None, "--aanmelder-contact", help="Telefoon of e-mail van de aanmelder."),
    waarom_nu: str | None = typer.Option(None, "--waarom-nu", help=_VRAAG["waarom_nu"]),
    geweld_bij_aanvang: str | None = typer.Option(None, "--geweld-bij-aanvang", help=_VRAAG["geweld_bij_aanvang"]),
    geweld_nu: str | None = typer.Option(None, "--geweld-nu", help=_VRAAG["geweld_nu"]),
    voornaamste_risicos: str | None = typer.Option(None, "--voornaamste-risicos",
                                                   help=_VRAAG["voornaamste_risicos"]),
    clienten_en_relaties: str | None = typer.Option(None, "--clienten-en-relaties",
                                                    help=_VRAAG["clienten_en_relaties"]),
    wensen_en_noden: str | None = typer.Option(None, "--wensen-en-noden", help=_VRAAG["wensen_en_noden"]),
    betrokken_diensten: str | None = typer.Option(None, "--betrokken-diensten", help=_VRAAG["betrokken_diensten"]
                                                  + " (vrije tekst; de diensten zelf: `dossier dienst add`)"),
    veiligheidsplan: str | None = typer.Option(None, "--veiligheidsplan", help=_VRAAG["veiligheidsplan"]),
    vragen_en_verwachtingen: str | None = typer.Option(None, "--vragen-en-verwachtingen",
                                                       help=_VRAAG["vragen_en_verwachtingen"]),
    no_input: bool = typer.Option(False, "--no-input", help=NO_INPUT_HULP),
) -> None:
    """Vul de aanmelding aan of verbeter ze: datum, aanmelder en de aanmeldingsvragen van de gids (met
    opties, of zonder opties met vragen in de terminal)."""
    from ketencli import klok, model, store, ui
    from ketencli.commands.opties import datum_optie

    antwoorden = {"waarom_nu": waarom_nu, "geweld_bij_aanvang": geweld_bij_aanvang, "geweld_nu": geweld_nu,
                  "voornaamste_risicos": voornaamste_risicos, "clienten_en_relaties": clienten_en_relaties,
                  "wensen_en_noden": wensen_en_noden, "betrokken_diensten": betrokken_diensten,
                  "veiligheidsplan": veiligheidsplan, "vragen_en_verwachtingen": vragen_en_verwachtingen}
    aanmelder = {"organisatie": organisatie, "persoon": persoon, "contact": contact}
    op = datum_optie(datum, "--datum", niet_na=klok.vandaag())
    gegeven = op is not None or any(v is not None for v in (*antwoorden.values(), *aanmelder.values()))
    if not gegeven:
        ui.vereis_terminal(no_input, "Geef de velden als opties, bv. --waarom-nu \"...\" (zie --help).")
    with store.wijzig(dossier_id) as d:
        huidig = d.aanmelding.model_dump()
        nieuw = {**huidig, "aanmelder": dict(huidig["aanmelder"])}
        if gegeven:
            if op is not None:
                nieuw["datum"] = op
            nieuw["aanmelder"].update({k: v.strip() for k, v in aanmelder.items() if v is not None})
            nieuw.update({k: v.strip() for k, v in antwoorden.items() if v is not None})
        else:
            c = ui.console()
            c.print("[bold]Aanmelding[/] — Enter houdt wat er staat; Ctrl-C stopt zonder iets te bewaren.")
            for sleutel, vraag in (("organisatie", "Organisatie van de aanmelder:"),
                                   ("persoon", "Naam van de aanmelder:"),
                                   ("contact", "Telefoon of e-mail van de aanmelder:")):
                nieuw["aanmelder"][sleutel] = ui.tekst(vraag, huidig["aanmelder"][sleutel])
            for v in AANMELDVRAGEN:
                nieuw[v.key] = ui.tekst(v.vraag, huidig[v.key], hint=v.hint, meerregelig="\n" in huidig[v.key])
        veranderd = [k for k in nieuw if nieuw[k] != huidig[k]]
        if not veranderd:
            ui.melding("Geen wijzigingen.", "dim")
            return
        d.aanmelding = model.Aanmelding.model_validate(nieuw)
        store.historie(d, f"aanmelding aangevuld ({', '.join(veranderd)})")
    ui.gelukt(f"Aanmelding van dossier {dossier_id} bewaard ({aantal(len(veranderd), 'veld', 'velden')}).")
