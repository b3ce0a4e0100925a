"""`ketencli agendeer`: put a dossier on a table's agenda, with a readiness check and a draft mail.

Design: one group ``agendeer`` with one sub-command per table role (``weegploeg`` = plan,
``rondetafel`` = opvolging, ``ico`` = intake, decisions D26); ``lijst`` and ``uitkomst`` (D23) live in
``commands/agendering.py``.
Every sub-command takes the dossier id first and is non-interactive: options only, no prompts.
Each agendering records its purpose (``Agendering.doel``): the method's due items close by purpose
(``planning.vervaldata``). ``rondetafel`` takes it from its options: ``--tussentijdse-evaluatie``,
``--terugkoppeling`` (the return date set at the weegploeg), ``--afsluiting`` (annex F.4, role
``afsluiting``); without one it is a question, or after the afronding the check on new facts.

The flow of ``weegploeg``/``rondetafel``/``ico`` is ``commands/agendeer_stroom.py`` (``agendeer``).
"""

from __future__ import annotations

import typer

from ketencli.commands.agendeer_stroom import Verzoek, agendeer
from ketencli.commands.opties import niet_leeg
from ketencli.fouten import GebruiksFout

app = typer.Typer(
    help="Agendeer een dossier op een overlegtafel van je regio: kiest de eerste haalbare zitting, controleert "
         "of het dossier klaar is, maakt het document en een conceptmail (.eml) en houdt de agendering bij. "
         "Bv. [bold]ketencli agendeer weegploeg 2026-001[/].",
    no_args_is_help=True,
    rich_markup_mode="rich",
)

ID_ARG = typer.Argument(..., metavar="ID", help="Het dossier-id, bv. 2026-001.")
DATUM_HULP = "De zitting op deze datum (bv. 2026-12-07) in plaats van de eerste haalbare."
TOCH_HULP = "Agendeer ook als er blokkerende punten zijn (dat wordt bij de agendering genoteerd)."
OVERSCHRIJF_HULP = "Agendeer opnieuw voor dezelfde zitting en soort: vervangt document, mail en agendering."
JSON_HULP = "Schrijf het resultaat als JSON voor scripts."


# ---------------------------------------------------------------------------------------------
# the sub-commands that agendeer
# ---------------------------------------------------------------------------------------------


# the options every agendering shares (one definition, reused by each command)
O_DATUM = typer.Option(None, "--datum", help=DATUM_HULP)
O_TOCH = typer.Option(False, "--toch", help=TOCH_HULP)
O_REDEN = typer.Option("", "--reden", help="Waarom je toch agendeert (met --toch).", callback=niet_leeg)
O_OVERSCHRIJF = typer.Option(False, "--overschrijf", help=OVERSCHRIJF_HULP)
O_JSON = typer.Option(False, "--json", help=JSON_HULP)

@app.command("weegploeg")
def weegploeg(
    dossier_id: str = ID_ARG,
    soort: str = typer.Option("pva", "--soort", help="pva (eerste plan), gewijzigd (gewijzigd plan) of afronding."),
    datum: str | None = O_DATUM,
    vraag: list[str] = typer.Option([], "--vraag", metavar="TEKST", help="Een vraag aan de tafel; herhaalbaar."),
    extern: list[str] = typer.Option([], "--extern", metavar="WIE",
                                     help="Externe expertise die de tafel mag uitnodigen (een dienst-id zoals "
                                          "d3, of tekst zoals \"CGG Vagga, verslavingszorg\"); herhaalbaar."),
    waarom_nu: str = typer.Option("", "--waarom-nu", metavar="TEKST",
                                  help="Waarom je het dossier nu agendeert (bijlage G.1)."),
    toch: bool = O_TOCH,
    reden: str = O_REDEN,
    overschrijf: bool = O_OVERSCHRIJF,
    als_json: bool = O_JSON,
) -> None:
    """Agendeer het plan van aanpak (of het gewijzigde plan, of de afronding) op de tafel die het plan bespreekt:
    in Antwerpen de weegploeg, in West-Vlaanderen de overlegtafel, in Leuven het operationeel team."""
    if soort not in ("pva", "gewijzigd", "afronding"):
        raise GebruiksFout(f"--soort {soort!r} ken ik niet; kies uit: pva, gewijzigd, afronding.")
    from ketencli import planning

    agendeer(dossier_id, Verzoek(soort, datum, list(vraag), toch=toch, reden=reden, overschrijf=overschrijf,
                                  als_json=als_json, doel=planning.DOEL_VAN_SOORT[soort],
                                  extern=[x.strip() for x in extern if x.strip()], waarom_nu=waarom_nu.strip()))


@app.command("rondetafel")
def rondetafel(
    dossier_id: str = ID_ARG,
    vraag: list[str] = typer.Option([], "--vraag", metavar="TEKST",
                                    help="Je vraag voor infodelen of expertisedeling (verplicht, tenzij "
                                         "--tussentijdse-evaluatie, --terugkoppeling, --afsluiting of na de "
                                         "afronding); herhaalbaar."),
    lid: list[str] = typer.Option([], "--lid", metavar="LID", help="Over welk gezinslid de vraag gaat (bv. m1); "
                                                                     "herhaalbaar."),
    domein: list[str] = typer.Option([], "--domein", metavar="DOMEIN",
                                     help="Over welk leefdomein (geweld, individu, interactie, "
                                          "professionele-ondersteuning, sociale-ondersteuning, kind); herhaalbaar."),
    tafellid: list[str] = typer.Option([], "--tafellid", metavar="WIE",
                                       help="Voor welke deelnemer van de tafel de vraag is; herhaalbaar."),
    tussentijdse_evaluatie: bool = typer.Option(False, "--tussentijdse-evaluatie",
                                                help="Breng de tussentijdse evaluatie van het plan (na ~10 maanden)."),
    terugkoppeling: bool = typer.Option(False, "--terugkoppeling",
                                        help="De terugkoppeling die de weegploeg vroeg: standaard de eerste "
                                             "haalbare zitting op of na de terugkomdatum."),
    afsluiting: bool = typer.Option(False, "--afsluiting",
                                    help="De definitieve afsluiting na zes maanden opvolging (bijlage F.4): geen "
                                         "vraag nodig; standaard de eerste haalbare zitting na die zes maanden."),
    datum: str | None = O_DATUM,
    toch: bool = O_TOCH,
    reden: str = O_REDEN,
    overschrijf: bool = O_OVERSCHRIJF,
    als_json: bool = O_JSON,
) -> None:
    """Agendeer een vraag, de tussentijdse evaluatie, een terugkoppeling of de afsluiting op de opvolgtafel van je
    regio (bijlage F): in Antwerpen de ronde tafel, in West-Vlaanderen en Leuven het operationeel team. Na de
    afronding is zo'n agendering zonder --afsluiting de check op nieuwe feiten."""
    gekozen = [naam for naam, aan in (("--tussentijdse-evaluatie", tussentijdse_evaluatie),
                                      ("--terugkoppeling", terugkoppeling), ("--afsluiting", afsluiting)) if aan]
    if len(gekozen) > 1:
        raise GebruiksFout(f"Kies één doel: {' of '.join(gekozen)}.",
                           tip="Agendeer ze apart, elk met een eigen agendering.")
    doel = ("tussentijdse-evaluatie" if tussentijdse_evaluatie else "terugkoppeling" if terugkoppeling
            else "afsluiting" if afsluiting else "")
    agendeer(dossier_id, Verzoek("afsluiting" if afsluiting else "rondetafel", datum, list(vraag), list(lid),
                                  list(domein), list(tafellid), tussentijdse_evaluatie, toch, reden, overschrijf,
                                  als_json, doel=doel))


@app.command("ico")
def ico(
    dossier_id: str = ID_ARG,
    datum: str | None = O_DATUM,
    toch: bool = O_TOCH,
    reden: str = O_REDEN,
    overschrijf: bool = O_OVERSCHRIJF,
    als_json: bool = O_JSON,
) -> None:
    """Meld het dossier aan bij de intaketafel van je regio (in Antwerpen het verkennend casusoverleg: tot
    donderdag 23:59 voor de vrijdag van de week erna)."""
    from ketencli import planning

    agendeer(dossier_id, Verzoek("ico", datum, toch=toch, reden=reden, overschrijf=overschrijf, als_json=als_json,
                                  doel=planning.DOEL_VAN_SOORT["ico"]))
