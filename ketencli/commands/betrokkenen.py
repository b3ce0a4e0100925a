"""`ketencli dossier dienst add|edit|rm` and `ketencli dossier regisseur`: the services involved with
the family (decisions D6) and the appointed casusregisseur, recorded without a text editor.

The services switch on annexes B and D, fill the PvA's `begeleiding` and the documents' list of
partners; the regisseur signs documents and mails. Both are also asked by the wizards (`dossier new`,
`dossier ico`); the user's profile (`ketencli profiel`) is the default regisseur.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

import typer

from ketencli.fouten import GebruiksFout, KetencliFout

if TYPE_CHECKING:
    from ketencli import model

NO_INPUT_HULP = "Stel nooit een vraag; ontbreekt er iets, dan stopt het commando met een melding."

dienst_app = typer.Typer(help="Betrokken diensten en partners: toevoegen, wijzigen, verwijderen.",
                         no_args_is_help=True)

_HULP = {
    "soort": "Soort dienst: politie, parket, justitiehuis, caw, cgg, vk, ocj-sdj, psd, jww, ocmw, kind-en-gezin, "
             "clb, huisarts, slachtofferhulp of ander.",
    "naam": "Naam van de dienst, bv. 'CAW Oost-Brabant'.",
    "contactpersoon": "Wie je er contacteert, bv. 'consulent Jan Jeugd'.",
    "contact": "Telefoon of e-mail.",
    "rol": "Wat de dienst met dit gezin doet, bv. 'begeleiding van mevrouw'.",
}


def _soort(waarde: str) -> str:
    from ketencli.methodiek.aanmelding import DIENST_LABELS

    waarde = waarde.strip().lower()
    if waarde not in DIENST_LABELS:
        raise GebruiksFout(f"--soort {waarde!r} ken ik niet; kies uit: {', '.join(DIENST_LABELS)}.")
    return waarde


def vraag_dienst(huidig: dict[str, Any] | None = None) -> dict[str, Any]:
    """Ask for one service (the wizards of `dossier new` and `dossier dienst add|edit`)."""
    from ketencli import ui
    from ketencli.methodiek.aanmelding import DIENST_LABELS

    huidig = huidig or {}
    return {
        "soort": ui.keuze("Soort dienst:", list(DIENST_LABELS.items()), huidig.get("soort")),
        "naam": ui.tekst("Naam van de dienst:", huidig.get("naam", ""), verplicht=True),
        "contactpersoon": ui.tekst("Contactpersoon (leeg als onbekend):", huidig.get("contactpersoon", "")),
        "contact": ui.tekst("Telefoon of e-mail (leeg als onbekend):", huidig.get("contact", "")),
        "rol": ui.tekst("Wat doet de dienst met dit gezin?", huidig.get("rol", "")),
    }


def _uit_opties(basis: dict[str, Any], soort: str | None, naam: str | None, contactpersoon: str | None,
                contact: str | None, rol: str | None) -> dict[str, Any]:
    uit = dict(basis)
    if soort is not None:
        uit["soort"] = _soort(soort)
    for sleutel, waarde in (("naam", naam), ("contactpersoon", contactpersoon), ("contact", contact), ("rol", rol)):
        if waarde is not None:
            uit[sleutel] = waarde.strip()
    if not uit.get("naam"):
        raise GebruiksFout("--naam mag niet leeg zijn.")
    return uit


def _vind_dienst(d: model.Dossier, dienst_id: str) -> model.BetrokkenDienst:
    dienst = d.dienst(dienst_id)
    if dienst is None:
        raise KetencliFout(
            f"Dienst '{dienst_id}' bestaat niet in dossier {d.id}.",
            tip=f"Diensten: {', '.join(x.id for x in d.betrokken_diensten) or 'nog geen'} "
                f"(zie `ketencli dossier show {d.id}`).",
        )
    return dienst


@dienst_app.command("add")
def dienst_toevoegen(
    dossier_id: str = typer.Argument(..., metavar="ID", help="Het dossier-id."),
    soort: str | None = typer.Option(None, "--soort", help=_HULP["soort"]),
    naam: str | None = typer.Option(None, "--naam", help=_HULP["naam"]),
    contactpersoon: str | None = typer.Option(None, "--contactpersoon", help=_HULP["contactpersoon"]),
    contact: str | None = typer.Option(None, "--contact", help=_HULP["contact"]),
    rol: str | None = typer.Option(None, "--rol", help=_HULP["rol"]),
    no_input: bool = typer.Option(False, "--no-input", help=NO_INPUT_HULP),
) -> None:
    """Voeg een betrokken dienst of partner toe (met vragen, of met --soort en --naam)."""
    from ketencli import model, store, ui
    from ketencli.methodiek.aanmelding import DIENST_LABELS

    if soort is not None:
        _soort(soort)  # a wrong kind is refused before anything is asked or loaded
    with store.wijzig(dossier_id) as d:
        dienst_id = d.volgend_dienst_id()
        if soort is not None and naam is not None:
            gegevens = _uit_opties({"id": dienst_id}, soort, naam, contactpersoon, contact, rol)
        else:
            ui.vereis_terminal(no_input, "Geef minstens --soort en --naam.")
            vooraf = {k: v for k, v in (("soort", soort), ("naam", naam), ("contactpersoon", contactpersoon),
                                        ("contact", contact), ("rol", rol)) if v is not None}
            gegevens = {"id": dienst_id, **vraag_dienst(vooraf)}
        nieuw = model.BetrokkenDienst.model_validate(gegevens)
        d.betrokken_diensten = [*d.betrokken_diensten, nieuw]
        store.historie(d, f"dienst {dienst_id} toegevoegd ({nieuw.soort})")
    ui.gelukt(f"Dienst {dienst_id} ({DIENST_LABELS[nieuw.soort]}) toegevoegd aan dossier {dossier_id}. "
              f"Verwijs ernaar in het plan met begeleiding {dienst_id}.")


@dienst_app.command("edit")
def dienst_wijzigen(
    dossier_id: str = typer.Argument(..., metavar="ID", help="Het dossier-id."),
    dienst_id: str = typer.Argument(..., metavar="DIENST", help="Het id van de dienst, bv. d2."),
    soort: str | None = typer.Option(None, "--soort", help=_HULP["soort"]),
    naam: str | None = typer.Option(None, "--naam", help=_HULP["naam"]),
    contactpersoon: str | None = typer.Option(None, "--contactpersoon", help=_HULP["contactpersoon"]),
    contact: str | None = typer.Option(None, "--contact", help=_HULP["contact"]),
    rol: str | None = typer.Option(None, "--rol", help=_HULP["rol"]),
    no_input: bool = typer.Option(False, "--no-input", help=NO_INPUT_HULP),
) -> None:
    """Wijzig een betrokken dienst (met vragen, of alleen de opties die je geeft)."""
    from ketencli import model, store, ui

    if soort is not None:
        _soort(soort)
    with store.wijzig(dossier_id) as d:
        huidig = _vind_dienst(d, dienst_id).model_dump()
        if any(x is not None for x in (soort, naam, contactpersoon, contact, rol)):
            gegevens = _uit_opties(huidig, soort, naam, contactpersoon, contact, rol)
        else:
            ui.vereis_terminal(no_input, "Geef de opties die je wilt wijzigen, bv. --contact of --rol.")
            gegevens = {"id": dienst_id, **vraag_dienst(huidig)}
        nieuw = model.BetrokkenDienst.model_validate(gegevens)
        d.betrokken_diensten = [nieuw if x.id == dienst_id else x for x in d.betrokken_diensten]
        store.historie(d, f"dienst {dienst_id} gewijzigd")
    ui.gelukt(f"Dienst {dienst_id} gewijzigd.")


@dienst_app.command("rm")
def dienst_verwijderen(
    dossier_id: str = typer.Argument(..., metavar="ID", help="Het dossier-id."),
    dienst_id: str = typer.Argument(..., metavar="DIENST", help="Het id van de dienst, bv. d2."),
) -> None:
    """Verwijder een betrokken dienst; geweigerd zolang het plan (of de afronding) ernaar verwijst."""
    from ketencli import store, ui
    from ketencli.methodiek.pva_regels import dienst_verwijzingen

    with store.wijzig(dossier_id) as d:
        _vind_dienst(d, dienst_id)
        verwijzingen = dienst_verwijzingen(d, dienst_id)
        if verwijzingen:
            raise KetencliFout(
                f"Dienst {dienst_id} kan niet weg: het dossier verwijst er nog naar in "
                + "; ".join(verwijzingen) + ". Er werd niets gewijzigd.",
                tip=f"Zet eerst een andere begeleiding bij die acties (`ketencli pva actie edit {dossier_id} RIJ NR "
                    f"--begeleiding DIENST`; een knelpunt: `ketencli knelpunt edit {dossier_id} KNELPUNT --dienst "
                    "DIENST`), of wijzig de dienst met "
                    f"`ketencli dossier dienst edit {dossier_id} {dienst_id}`.",
            )
        d.betrokken_diensten = [x for x in d.betrokken_diensten if x.id != dienst_id]
        store.historie(d, f"dienst {dienst_id} verwijderd")
    ui.gelukt(f"Dienst {dienst_id} verwijderd uit dossier {dossier_id}.")


# ---------------------------------------------------------------------------------------------
# the casusregisseur
# ---------------------------------------------------------------------------------------------


def vraag_regisseur(standaard: model.Casusregisseur) -> dict[str, str]:
    """Ask who the appointed casusregisseur is; the answers default to ``standaard``."""
    from ketencli import ui

    return {
        "naam": ui.tekst("Naam van de casusregisseur:", standaard.naam, verplicht=True),
        "organisatie": ui.tekst("Organisatie van de casusregisseur:", standaard.organisatie),
        "contact": ui.tekst("Telefoon of e-mail van de casusregisseur:", standaard.contact),
    }


def regisseur_uit_opties(huidig: model.Casusregisseur, naam: str | None, organisatie: str | None,
                         contact: str | None, *, naam_optie: str = "--naam") -> model.Casusregisseur | None:
    """The regisseur after applying the given options to ``huidig``; None when no option was given."""
    from ketencli import model

    if naam is None and organisatie is None and contact is None:
        return None
    gegevens = huidig.model_dump()
    for sleutel, waarde in (("naam", naam), ("organisatie", organisatie), ("contact", contact)):
        if waarde is not None:
            gegevens[sleutel] = waarde.strip()
    if not gegevens["naam"]:
        raise GebruiksFout(f"De naam van de casusregisseur mag niet leeg zijn ({naam_optie}).")
    return model.Casusregisseur.model_validate(gegevens)


def regisseur(
    dossier_id: str = typer.Argument(..., metavar="ID", help="Het dossier-id."),
    naam: str | None = typer.Option(None, "--naam", help="Naam van de casusregisseur."),
    organisatie: str | None = typer.Option(None, "--organisatie", help="Organisatie van de casusregisseur."),
    contact: str | None = typer.Option(None, "--contact", help="Telefoon of e-mail van de casusregisseur."),
    profiel: bool = typer.Option(False, "--profiel", help="Neem de gegevens uit je profiel (`ketencli profiel`)."),
    no_input: bool = typer.Option(False, "--no-input", help=NO_INPUT_HULP),
) -> None:
    """Leg vast wie de casusregisseur is (naam, organisatie, contact): die ondertekent documenten en mails."""
    from ketencli import model, store, ui

    eigen = store.lees_profiel() if profiel else None
    if eigen is not None and not eigen.naam:
        raise KetencliFout("Je profiel heeft nog geen naam.",
                           tip="Stel het in met `ketencli profiel --naam ... --organisatie ... --contact ...`.")
    with store.wijzig(dossier_id) as d:
        basis = eigen.als_regisseur() if eigen is not None else d.casusregisseur
        nieuw = regisseur_uit_opties(basis, naam, organisatie, contact) or (basis if eigen is not None else None)
        if nieuw is None:
            ui.vereis_terminal(no_input, "Geef --naam, --organisatie en --contact (of --profiel).")
            standaard = d.casusregisseur if d.casusregisseur.naam else store.lees_profiel().als_regisseur()
            nieuw = model.Casusregisseur.model_validate(vraag_regisseur(standaard))
        d.casusregisseur = nieuw
        store.historie(d, "casusregisseur vastgelegd")
    ui.gelukt(f"Casusregisseur van dossier {dossier_id}: {nieuw.naam}"
              + (f" ({nieuw.organisatie})" if nieuw.organisatie else "") + ".")
