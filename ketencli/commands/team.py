"""`ketencli team`: share a team's caseload through git (issue 18): init, sync, status, los, inloggen.

Thin: the work is in ``ketencli.team`` (imported inside the commands: pygit2 never on the --help path).
"""

from __future__ import annotations

import sys

import typer

from ketencli.commands import teamweergave

app = typer.Typer(
    help="Deel de dossiers van je team via een gedeelde git-opslag (een map op een share of een https-server): "
         "historiek, wie wat deed, en geen verloren wijziging tussen collega's.",
    no_args_is_help=True,
)


@app.command("init")
def init(
    remote: str = typer.Option(..., "--remote", help="De gedeelde opslag: een map (\\\\server\\share\\ketencli.git, "
                                                     "/mnt/team/ketencli.git) of een https-adres."),
    naam: str | None = typer.Option(None, "--naam", help="Je naam als regisseur (komt in je profiel): de auteur "
                                                         "van je wijzigingen."),
) -> None:
    """Maak van je datamap een team-opslag die met de gedeelde opslag synchroniseert. Daarna is elke
    bewaring een vastlegging met je naam als auteur. Zonder team verandert er niets."""
    from ketencli import model, store, team, ui
    from ketencli.fouten import GebruiksFout

    team.vereis_datamap()
    profiel = store.lees_profiel()
    vorige_naam = profiel.naam
    if naam is not None:
        if not naam.strip():
            raise GebruiksFout("--naam mag niet leeg zijn.")
        profiel = model.Profiel.model_validate({**profiel.model_dump(), "naam": naam.strip()})
        store.bewaar_profiel(profiel)
        if vorige_naam and team.naamsleutel(vorige_naam) != team.naamsleutel(profiel.naam):
            # own dossiers are found by the regisseur's name (overzicht, dossier list): say what changes
            ui.melding(f"Je naam in je profiel verandert van {vorige_naam} naar {profiel.naam}. Dossiers met "
                       f"{vorige_naam} als casusregisseur staan niet meer bij je eigen dossiers; zet ze op je "
                       f"nieuwe naam met `ketencli dossier overdracht ID --aan \"{profiel.naam}\"`.")
    if not profiel.naam:
        raise GebruiksFout("Je profiel heeft nog geen naam: die staat als auteur bij elke wijziging.",
                           tip="Geef ze mee met `ketencli team init --remote ... --naam \"Voornaam Naam\"` "
                               "of stel ze in met `ketencli profiel --naam ...`.")
    from ketencli.taal import aantal

    nieuw, n = team.init(remote)
    ui.gelukt(("Team-opslag ingesteld" if nieuw else "Gedeelde opslag aangepast")
              + f" ({team.toon_url(remote)}); {aantal(n, 'bestand', 'bestanden')} vastgelegd.")
    ui.console().print("Haal de dossiers van je team op en deel de jouwe met [bold]ketencli team sync[/].")


@app.command("sync")
def sync() -> None:
    """Haal de wijzigingen van je team op, voeg ze samen met de jouwe en deel het resultaat."""
    teamweergave.sync()


@app.command("status")
def status() -> None:
    """Toon de gedeelde opslag, wat nog niet gedeeld is en de open conflicten."""
    from ketencli import git_opslag, team, ui

    if not git_opslag.actief():
        team.vereis_datamap()
        ui.console().print("Er is geen team ingesteld: je dossiers staan enkel op deze computer. "
                           "Stel een team in met [bold]ketencli team init --remote PAD[/] (de map of het "
                           "https-adres van de gedeelde opslag).")
        return
    st = team.status()
    regels = [f"Gedeelde opslag: {st.url or '—'}",
              f"Nog niet vastgelegd: {len(st.niet_vastgelegd)} bestand(en)",
              f"Nog te delen: {st.te_delen} vastlegging(en); klaar om op te halen (bij de laatste sync): "
              f"{st.op_te_halen}"]
    ui.console().print("\n".join(regels))
    if st.conflicten:
        teamweergave.toon_conflicten(st.conflicten)
    else:
        ui.console().print("Geen conflicten.")


@app.command("los")
def los(
    dossier_id: str = typer.Argument(..., metavar="ID", help="Het dossier met het conflict."),
    nummer: str | None = typer.Argument(None, metavar="NR", help="Welk conflict: het veld zoals team status het "
                                        "noemt (bv. \"waarom nu\" of aanmelding.waarom_nu) of zijn nummer in die "
                                        "lijst. Nummers schuiven op wanneer een conflict opgelost wordt (ook door een "
                                        "collega, na een sync); het veld niet."),
    kies: int | None = typer.Option(None, "--kies", help="Neem waarde 1 of 2 (zoals dossier show ze toont)."),
    waarde: str | None = typer.Option(None, "--waarde", help="Typ zelf de juiste waarde."),
    toch: bool = typer.Option(False, "--toch", help="Kies ook als het veld na het conflict nog gewijzigd werd: die "
                                                    "latere wijziging wordt dan vervangen."),
) -> None:
    """Los een conflict op: kies een van de twee waarden of typ de juiste. Bewaard zoals elke wijziging.
    Werd het veld na het conflict nog gewijzigd, dan vervangt --kies die wijziging alleen met --toch.
    Daarna toont het de conflicten die nog open zijn, met hun nieuwe nummers."""
    from ketencli import team, ui

    team.vereis_datamap()
    veld, rest = team.los_op(dossier_id, nummer, kies, waarde, toch=toch)
    ui.gelukt(f"Conflict in {team.veld_in_woorden(veld)} opgelost. Deel het met ketencli team sync.")
    if rest:  # the numbers shift: the next command is typed against this list, not the one before
        teamweergave.toon_conflicten({dossier_id: rest}, kop="Nog open in dossier {id} (nieuwe nummers):")
    else:
        ui.console().print(f"Geen open conflicten meer in dossier {dossier_id}.")


@app.command("inloggen")
def inloggen(
    gebruiker: str = typer.Option(..., "--gebruiker", help="Je gebruikersnaam op de git-server."),
    wachtwoord_stdin: bool = typer.Option(False, "--wachtwoord-stdin",
                                          help="Lees het wachtwoord (of token) van de standaardinvoer."),
) -> None:
    """Bewaar je inloggegevens voor een https-opslag in de sleutelhanger van je systeem (nooit in een
    bestand of op de opdrachtregel)."""
    from ketencli import git_opslag, team, ui
    from ketencli.fouten import GebruiksFout

    team.vereis_team()
    url = git_opslag.remote_url() or ""
    if git_opslag.soort_url(url) not in ("https", "http-lokaal"):
        raise GebruiksFout("De gedeelde opslag is een map: daarvoor is geen inloggen nodig.")
    if wachtwoord_stdin:
        wachtwoord = sys.stdin.readline().rstrip("\r\n")
    else:
        wachtwoord = typer.prompt("Wachtwoord of token", hide_input=True)
    if not wachtwoord:
        raise GebruiksFout("Er werd geen wachtwoord gegeven.")
    git_opslag.bewaar_inlog(url, gebruiker.strip(), wachtwoord)
    ui.gelukt("Inloggegevens bewaard in de sleutelhanger van je systeem.")


def historiek(
    dossier_id: str = typer.Argument(..., metavar="ID", help="Het dossier-id, bv. 2026-001."),
    als_json: bool = typer.Option(False, "--json", help="Schrijf JSON (een lijst) voor scripts."),
) -> None:
    """Wie wijzigde wat en wanneer in dit dossier (uit de team-opslag; zonder team: de historiek die het
    dossier zelf bijhoudt). Ook van een afgesloten dossier."""
    from rich.markup import escape

    from ketencli import git_opslag, store, team, ui

    if not git_opslag.actief():
        team.vereis_datamap()
        d = store.laad(dossier_id)
        items = [{"moment": h.moment.isoformat(), "auteur": None, "bericht": h.wat,
                  "wijzigingen": [{"zin": team.historie_zin(h.wat, h.reden)}]} for h in d.historie]
        if als_json:
            ui.schrijf_json(items)
            return
        ui.console().print("[dim]Geen team ingesteld: de historiek van het dossier zelf, zonder wie.[/]")
    else:
        items = team.historiek(dossier_id)
        if als_json:
            ui.schrijf_json(items)
            return
    c = ui.console()
    if not items:
        c.print(f"Nog geen historiek voor dossier {dossier_id}.")
        return
    for item in items:
        moment = team.moment_in_woorden(item["moment"])
        c.print(f"[bold]{moment}[/]" + (f"  {escape(item['auteur'])}" if item["auteur"] else ""))
        for w in item["wijzigingen"]:
            c.print(f"   {escape(w['zin'])}")


def overdracht(
    dossier_id: str = typer.Argument(..., metavar="ID", help="Het dossier-id, bv. 2026-001."),
    aan: str = typer.Option(..., "--aan", help="De naam van de collega die het dossier overneemt."),
    organisatie: str | None = typer.Option(None, "--organisatie", help="De organisatie van die collega (zonder "
                                                                         "--organisatie wordt de oude gewist)."),
    contact: str | None = typer.Option(None, "--contact", help="Telefoon of e-mail van die collega (zonder "
                                                               "--contact wordt het oude contact gewist)."),
    toch: bool = typer.Option(False, "--toch", help="Draag over ook al lijkt de naam een tikfout van een naam "
                                                    "die je team kent."),
) -> None:
    """Draag een dossier over aan een collega (bv. tijdens een verlof): die wordt de casusregisseur;
    het komt in de historiek. Een naam die bijna gelijk is aan die van een gekende collega (een tikfout
    zet het dossier bij niemand in de eigen lijst) wordt geweigerd zonder --toch."""
    from ketencli import team, ui
    from ketencli.fouten import GebruiksFout

    getypt = naam = " ".join(aan.split())
    bekend = _gekende_regisseurs()
    in_team = _team_actief()
    # a name that differs from a known one only in capitals or spacing is that colleague, stored in the
    # known spelling: the team never knows two spellings of one person (the own lists compare names)
    zelfde = [g for g in bekend if team.naamsleutel(g) == team.naamsleutel(naam)]
    if naam and zelfde and naam not in zelfde:
        naam = zelfde[0]
    onbekend = bool(naam) and not zelfde
    waar = "in dit team" if in_team else "in je datamap"
    if onbekend and not toch:
        import difflib

        # only a near miss of a known name is likely a typo: refused (nothing saved); a new colleague is fine
        nabij = difflib.get_close_matches(naam, bekend, n=2, cutoff=0.8)
        if nabij:
            raise GebruiksFout(f"{naam} ken ik niet {waar}; bedoel je {' of '.join(nabij)}? Er werd niets "
                               "overgedragen: een tikfout zou het dossier bij niemand in de eigen lijst zetten.",
                               tip=f"Verbeter de naam, of draag toch over aan {naam} met --toch.")
    gewist_contact, gewiste_organisatie = team.draag_over(dossier_id, naam, organisatie, contact)
    over_contact = ""
    if organisatie is not None and organisatie.strip():
        over_contact += f" Organisatie: {organisatie.strip()}."
    elif gewiste_organisatie:
        over_contact += (f" De organisatie van de vorige regisseur ({gewiste_organisatie}) is gewist; geef die van "
                         f"{naam} met `ketencli dossier regisseur {dossier_id} --organisatie ...`.")
    if contact is not None and contact.strip():
        over_contact += f" Contact: {contact.strip()}."
    elif gewist_contact:
        over_contact += (f" Het contact van de vorige regisseur ({gewist_contact}) is gewist; geef dat van {naam} "
                         f"met `ketencli dossier regisseur {dossier_id} --contact ...`.")
    als = f" als {naam}, zoals je team die naam schrijft" if naam != getypt else ""
    ui.gelukt(f"Dossier {dossier_id} overgedragen aan {getypt}{als}." + over_contact
              + (" Deel het met ketencli team sync." if in_team else ""))
    if onbekend and in_team:
        andere = [g for g in bekend if g.casefold() != naam.casefold()]
        ui.melding(f"Let op: {naam} ken ik niet {waar}"
                   + (f" (ik ken {', '.join(andere[:8])}{' en anderen' if len(andere) > 8 else ''})"
                      if andere else "")
                   + f". Staat de naam juist, dan vindt {naam} het dossier in de eigen lijst na `ketencli team "
                     f"sync` en `ketencli profiel --naam \"{naam}\"`.")


def _gekende_regisseurs() -> list[str]:
    """The names this data home knows as colleagues, sorted: the casusregisseurs of its dossiers (the
    index's summaries), the authors in the team's history (every colleague who saved or synced, their
    profile names, ``git_opslag.auteurs``) and the user's own profile name."""
    from ketencli import git_opslag, index, store

    namen = {" ".join(r.regisseur.split()) for r in index.samenvattingen() if r.regisseur.strip()}
    namen |= {" ".join(a.split()) for a in git_opslag.auteurs()}
    namen.add(" ".join(store.lees_profiel().naam.split()))
    return sorted(n for n in namen if n)


def _team_actief() -> bool:
    from ketencli import git_opslag

    return git_opslag.actief()
