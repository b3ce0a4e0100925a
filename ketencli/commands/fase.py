"""`ketencli dossier instemming`, `dossier ico` and `dossier heropen`: the commands that record consent and
the intake table's outcome and reopen a closed dossier, from which the fase follows (D8, D17, D31)."""

from __future__ import annotations

import typer

from ketencli.commands.gezinsleden import start_na_instemming, vind_lid
from ketencli.commands.opties import NO_INPUT_HULP, controleer_keuze, datum_optie
from ketencli.fouten import GebruiksFout, KetencliFout


def instemming(
    dossier_id: str = typer.Argument(..., metavar="ID", help="Het dossier-id."),
    lid_id: str = typer.Argument(..., metavar="LID", help="Het id van het gezinslid, bv. m1."),
    datum: str | None = typer.Option(None, "--datum", help="Datum van instemming (standaard: vandaag)."),
    door: str | None = typer.Option(None, "--door", help="Wie informeerde en vroeg de instemming."),
    intrekken: bool = typer.Option(False, "--intrekken", help="Het lid trekt zijn instemming in."),
    weiger: bool = typer.Option(False, "--weiger", help="Het lid weigert in te stemmen (met --datum: de dag van "
                                "de weigering); zo genoteerd, niet als 'tijdelijk niet betrokken'."),
) -> None:
    """Registreer de instemming van een gezinslid met casusregie (of de intrekking of weigering ervan). Stemt een
    volwassene in na de uitkomst 'ketenaanpak met casusregie' van de intaketafel, dan start de casusregie."""
    from ketencli import klok, model, store, ui
    from ketencli.methodiek import aanmelding

    if intrekken and weiger:
        raise GebruiksFout("Kies --intrekken (een gegeven instemming) of --weiger (nooit ingestemd), niet allebei.")
    vandaag = klok.vandaag()
    op = datum_optie(datum, "--datum", niet_na=vandaag) or vandaag
    with store.wijzig(dossier_id) as d:
        lid = vind_lid(d, lid_id)
        if not lid.is_client and not intrekken:  # a deceased member consents to nothing (new-user trial)
            raise KetencliFout(f"{lid_id} is overleden: een instemming kan niet.",
                               tip="Registreer de instemming van een levend gezinslid.")
        if weiger:  # D31: a refusal is recorded as such
            if lid.instemming is not None and lid.instemming.geldig:
                raise KetencliFout(
                    f"Gezinslid {lid_id} stemde in op {lid.instemming.datum:%d/%m/%Y}.",
                    tip=f"Trekt het lid zijn instemming in: `ketencli dossier instemming {d.id} {lid_id} --intrekken`.",
                )
            if lid.instemming is not None:
                store.historie(d, f"eerdere registratie van de instemming van {lid_id} vervangen door een weigering")
            lid.instemming = model.Instemming(geweigerd=op, door_wie_geinformeerd=(door or "").strip())
            store.historie(d, f"instemming geweigerd ({lid_id})")
            tekst = f"Weigering van {lid_id} geregistreerd op {op:%d/%m/%Y}."
        elif intrekken:
            if lid.instemming is None or not lid.instemming.geldig:
                raise KetencliFout(f"Gezinslid {lid_id} heeft geen geldige instemming om in te trekken.")
            if op < lid.instemming.datum:
                raise GebruiksFout("De intrekking kan niet vóór de instemming liggen.")
            lid.instemming = lid.instemming.model_copy(update={"ingetrokken": op})
            store.historie(d, f"instemming ingetrokken ({lid_id})")
            tekst = f"Instemming van {lid_id} ingetrokken op {op:%d/%m/%Y}."
        else:
            if lid.instemming is not None and lid.instemming.geldig:
                raise KetencliFout(
                    f"Gezinslid {lid_id} stemde al in op {lid.instemming.datum:%d/%m/%Y}.",
                    tip="Trek ze eerst in met --intrekken als er iets veranderde.",
                )
            if lid.instemming is not None:
                store.historie(d, f"eerdere instemming van {lid_id} "
                               f"({lid.instemming.datum}, ingetrokken {lid.instemming.ingetrokken}) vervangen")
            lid.instemming = model.Instemming(datum=op, door_wie_geinformeerd=(door or "").strip())
            store.historie(d, f"instemming geregistreerd ({lid_id})")
            tekst = f"Instemming van {lid_id} geregistreerd op {op:%d/%m/%Y}."
        volwassen = d.volwassen_instemming(vandaag)
        nieuwe_fase = None if (intrekken or weiger) else start_na_instemming(d, vandaag, f"instemming van {lid_id}")
    ui.gelukt(tekst)
    if nieuwe_fase is not None:
        ui.gelukt(f"Een volwassene stemde in: de casusregie start op {d.casusregie_start:%d/%m/%Y} "
                  "(fase nu: casusregie).")
    elif d.fase == "geen-instemming" and volwassen:
        ui.melding("Een volwassene stemde in. Geef nu de uitkomst van het verkennend overleg opnieuw: "
                   f"`ketencli dossier ico {dossier_id} --conclusie ketenaanpak-met-casusregie`.")
    if not volwassen and not (intrekken or weiger) and (lid := d.lid(lid_id)) is not None \
            and "kind" not in lid.rollen and not lid.is_volwassen(vandaag):  # an adult by role, a child by date
        leeftijd = lid.leeftijd(vandaag)
        ui.melding(f"Let op: {lid.naam} ({lid_id}) is volgens het dossier geen volwassene ("
                   + (f"{leeftijd} jaar" if leeftijd is not None else "kind zonder geboortedatum")
                   + "): voor de start van de casusregie telt alleen de instemming van een volwassene. Klopt de "
                   f"geboortedatum niet, verbeter ze met `ketencli dossier lid edit {dossier_id} {lid_id} "
                   "--geboortedatum DD/MM/JJJJ`"
                   + ("; daarna start de casusregie vanzelf." if d.fase == "geen-instemming" and d.ico is not None
                      and d.ico.conclusie == "ketenaanpak-met-casusregie" else "."))
    elif not volwassen:
        ui.melding("Let op: er is nu geen geldige instemming van een volwassen gezinslid."
                   + (f" {aanmelding.instemming_melding(d)[0]}" if aanmelding.zonder_instemming(d, vandaag) else ""))


def ico(
    dossier_id: str = typer.Argument(..., metavar="ID", help="Het dossier-id."),
    conclusie: str = typer.Option(..., "--conclusie", help="geen-ketenaanpak, ketenaanpak-zonder-regisseur, "
                                  "ketenaanpak-met-casusregie of herbespreking."),
    datum: str | None = typer.Option(None, "--datum",
                                     help="Datum van de zitting van de intaketafel (standaard: vandaag)."),
    advies: str = typer.Option("", "--advies", help="Het advies aan de aanmelder; bij geen-ketenaanpak verplicht, "
                               "met het advies voor een veiligheidsplan."),
    herbespreking_op: str | None = typer.Option(None, "--herbespreking-op",
                                                help="Datum van de volgende zitting van de intaketafel."),
    regisseur_naam: str | None = typer.Option(
        None, "--regisseur-naam", help="Bij ketenaanpak-met-casusregie: de aangestelde casusregisseur "
        "(standaard: wie al in het dossier staat, anders je profiel uit `ketencli profiel`)."),
    regisseur_organisatie: str | None = typer.Option(None, "--regisseur-organisatie",
                                                     help="Organisatie van de aangestelde casusregisseur."),
    regisseur_contact: str | None = typer.Option(None, "--regisseur-contact",
                                                 help="Telefoon of e-mail van de aangestelde casusregisseur."),
    casusregie_start: str | None = typer.Option(
        None, "--casusregie-start", help="Wanneer de casusregie start, als dat later is dan het ICO "
        "(bv. de kennismaking met de regisseur); standaard de datum van het ICO."),
    no_input: bool = typer.Option(False, "--no-input", help=NO_INPUT_HULP),
) -> None:
    """Registreer de uitkomst van de intaketafel van je regio (in Antwerpen het verkennend casusoverleg, ICO); de
    fase volgt daaruit. Bij
    ketenaanpak-met-casusregie wordt ook de aangestelde casusregisseur vastgelegd."""
    from ketencli import klok, model, store, ui
    from ketencli.commands.betrokkenen import regisseur_uit_opties, vraag_regisseur
    from ketencli.methodiek import aanmelding
    from ketencli.methodiek.aanmelding import FASE_LABELS, FASEN_VOOR_ICO, ICO_LABELS, fase_na_ico, ontbrekend_advies

    controleer_keuze(conclusie, ICO_LABELS, "--conclusie")
    vandaag = klok.vandaag()
    op = datum_optie(datum, "--datum", niet_na=vandaag) or vandaag
    volgende = datum_optie(herbespreking_op, "--herbespreking-op", richting="toekomst")
    start = datum_optie(casusregie_start, "--casusregie-start", niet_na=vandaag)
    if start is not None and (conclusie != "ketenaanpak-met-casusregie" or start < op):
        raise GebruiksFout("--casusregie-start hoort bij ketenaanpak-met-casusregie en ligt niet vóór het ICO "
                           f"({op:%d/%m/%Y}).")
    if conclusie == "herbespreking" and volgende is None:
        raise GebruiksFout("Geef bij een herbespreking de datum van het volgende ICO met --herbespreking-op.")
    if conclusie != "ketenaanpak-met-casusregie" and any(
            x is not None for x in (regisseur_naam, regisseur_organisatie, regisseur_contact)):
        raise GebruiksFout("--regisseur-naam, --regisseur-organisatie en --regisseur-contact horen bij de "
                           "conclusie ketenaanpak-met-casusregie.")
    if (ontbreekt := ontbrekend_advies(conclusie, advies)) is not None:
        raise KetencliFout(
            f"{ontbreekt}. Er werd niets bewaard.",
            tip=f"Geef het advies mee: `ketencli dossier ico {dossier_id} --conclusie {conclusie} --advies "
                "\"...; veiligheidsplan opmaken met ...\"`.")
    with store.wijzig(dossier_id) as d:
        from ketencli import planning

        intake = planning.woorden(d.regio)["intake_kort"]
        if d.fase not in FASEN_VOOR_ICO:
            raise KetencliFout(f"Dossier {d.id} is in fase '{FASE_LABELS[d.fase]}': een uitkomst van {intake} kan "
                               "alleen bij aanmelding, verkenning of na geen instemming.")
        d.ico = model.IcoUitkomst(datum=op, conclusie=conclusie, advies=advies, herbespreking_op=volgende)
        nieuwe_fase = fase_na_ico(conclusie, d.volwassen_instemming(vandaag))
        regisseur_bron = ""
        if conclusie == "ketenaanpak-met-casusregie":
            # the ICO appoints the casusregisseur (finaliteit of the ICO, issue "methode" item 6): the
            # options, else who the dossier names, else a question, else the user's profile
            gegeven = regisseur_uit_opties(d.casusregisseur, regisseur_naam, regisseur_organisatie,
                                           regisseur_contact, naam_optie="--regisseur-naam")
            profiel = store.lees_profiel()
            if gegeven is not None:
                d.casusregisseur, regisseur_bron = gegeven, "opties"
            elif d.casusregisseur.naam:
                regisseur_bron = "dossier"
            elif not no_input and ui.heeft_terminal():
                d.casusregisseur = model.Casusregisseur.model_validate(vraag_regisseur(profiel.als_regisseur()))
                regisseur_bron = "vraag"
            elif profiel.naam:
                d.casusregisseur, regisseur_bron = profiel.als_regisseur(), "profiel"
            if regisseur_bron in ("opties", "vraag", "profiel"):
                store.historie(d, "casusregisseur aangesteld", reden=f"{intake} {op}")
        if nieuwe_fase == "casusregie":
            d.casusregie_start = (aanmelding.start_casusregie(d, start or op, vandaag)
                                  or start or d.casusregie_start or op)
        if nieuwe_fase != d.fase:
            store.historie(d, f"fase {d.fase} → {nieuwe_fase}", reden=f"{intake} {op}: {conclusie}")
            d.fase = nieuwe_fase
    from ketencli import planning

    ui.gelukt(f"Uitkomst van {planning.woorden(d.regio)['intake']} bewaard: {ICO_LABELS[conclusie]}. "
              f"Fase nu: {FASE_LABELS[nieuwe_fase]}.")
    if regisseur_bron:
        r = d.casusregisseur
        ui.gelukt(f"Casusregisseur: {r.naam}" + (f" ({r.organisatie})" if r.organisatie else "")
                  + (" — uit je profiel" if regisseur_bron == "profiel" else "") + ".")
    elif conclusie == "ketenaanpak-met-casusregie":
        ui.melding("Er is nog geen casusregisseur vastgelegd. Doe dat met `ketencli dossier regisseur "
                   f"{dossier_id} --naam ... --organisatie ... --contact ...`, of stel je profiel in "
                   "(`ketencli profiel --naam ...`) zodat je voortaan standaard de regisseur bent.")
    if nieuwe_fase == "geen-instemming":
        ui.melding("Geen enkel volwassen gezinslid stemde in: casusregie kan nog niet starten. Registreer de "
                   f"instemming met `ketencli dossier instemming {dossier_id} LID`: dan start de casusregie.")


def heropen(
    dossier_id: str = typer.Argument(..., metavar="ID", help="Het dossier-id."),
    reden: str = typer.Option(..., "--reden", help="Waarom het afgesloten dossier weer open moet (in de historiek)."),
    naar: str | None = typer.Option(None, "--naar",
                                    help="De fase na het heropenen: afgerond (standaard, opvolging loopt verder), "
                                    "casusregie of ketenaanpak-zonder-regisseur (opnieuw regie, afronding gewist). "
                                    "Een dossier dat zonder casusregie afgesloten werd, krijgt zijn fase terug."),
) -> None:
    """Heropen een afgesloten dossier, zodat het weer gewijzigd kan worden; dat komt in de historiek."""
    from ketencli import model, store, ui
    from ketencli.methodiek import afronding
    from ketencli.methodiek.aanmelding import FASE_LABELS

    if naar is not None:
        controleer_keuze(naar, ("afgerond", "casusregie", "ketenaanpak-zonder-regisseur"), "--naar")
    if not reden.strip():
        raise GebruiksFout("--reden mag niet leeg zijn.")
    with store.wijzig(dossier_id, heropen=True) as d:
        if d.fase != "afgesloten":
            raise KetencliFout(f"Dossier {d.id} is niet afgesloten (fase '{FASE_LABELS[d.fase]}'): "
                               "heropenen is niet nodig.",
                               tip=f"Terug van afgerond naar casusregie: `ketencli afronding herneem {d.id} "
                               "--reden \"...\"`." if d.fase == "afgerond" else None)
        vorige = afronding.fase_voor_afsluiting(d)
        if vorige in afronding.ZONDER_REGIE_FASEN:
            if naar is not None:
                raise GebruiksFout(f"Dossier {d.id} werd afgesloten zonder casusregie (fase "
                                   f"'{FASE_LABELS[vorige]}'): het krijgt die fase terug; laat --naar weg.")
            naar = vorige
        naar = naar or "afgerond"
        # the afsluiting no longer holds; back to regie also drops the afronding's sequence
        wis = afronding.gewist(terug_naar_regie=naar != "afgerond")
        d.afronding = model.Afronding.model_validate(d.afronding.model_dump() | wis)
        store.historie(d, f"heropend: fase afgesloten → {naar}", reden=reden.strip())
        d.fase = naar
    ui.gelukt(f"Dossier {dossier_id} is heropend (fase nu: {FASE_LABELS[naar]}) en kan weer gewijzigd worden.")
