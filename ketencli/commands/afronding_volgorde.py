"""`ketencli afronding start|afsluiten|herneem`: the sequence of veilig loslaten (guide III.E, decisions
D8, D25), registered in ``cli.COMMANDO_S`` beside `afronding check` and the recording commands in
``commands/afronding.py`` (whose docstring describes the whole sequence and its choices).
"""

from __future__ import annotations

from datetime import date
from typing import TYPE_CHECKING, Any

import typer

from ketencli.commands.opties import SINDS_OPT, datum_optie, sinds_optie, tekst_optie
from ketencli.commands.weergave import in_regiowoorden as _w
from ketencli.fouten import GebruiksFout, KetencliFout
from ketencli.taal import aantal, feiten

if TYPE_CHECKING:
    from ketencli import model

ID_ARG = typer.Argument(..., metavar="ID", help="Het dossier-id, bv. 2026-001.")


def _datum(waarde: str | None, optie: str, *, niet_na: date | None = None) -> date | None:
    return datum_optie(waarde, optie, niet_na=niet_na)


# -- the sequence -----------------------------------------------------------------------------------


def start(
    dossier_id: str = ID_ARG,
    weegploeg_akkoord: str | None = typer.Option(
        None, "--weegploeg-akkoord",
        help="Datum waarop de tafel die het plan bespreekt (in Antwerpen de weegploeg) akkoord ging "
             "(standaard: de besproken agendering van de afronding)."),
    datum: str | None = typer.Option(None, "--datum", help="Datum van de afronding (standaard: vandaag)."),
    rondetafel_check: str | None = typer.Option(None, "--rondetafel-check",
                                                help="Datum van een vroegere opvolgtafel (in Antwerpen de ronde "
                                                     "tafel): check op nieuwe feiten."),
    rondetafel_check_maanden: int | None = typer.Option(None, "--rondetafel-check-maanden", metavar="N",
                                                        help="Vroegere opvolgtafel na zoveel maanden (bv. 3)."),
    toch: bool = typer.Option(False, "--toch", help="Rond af hoewel de afrondingstoets niet slaagt (met --reden)."),
    reden: str = typer.Option("", "--reden", help="Waarom toch (komt in de historiek)."),
    sinds: str | None = SINDS_OPT,
) -> None:
    """Rond de casusregie af na het akkoord van de tafel die het plan bespreekt (in Antwerpen de weegploeg): fase
    afgerond, opvolging tot zes maanden later."""
    from ketencli import klok, planning, store, ui
    from ketencli.methodiek import afronding
    from ketencli.methodiek.aanmelding import FASE_LABELS

    vandaag = klok.vandaag()
    op = _datum(datum, "--datum", niet_na=vandaag) or vandaag
    akkoord = _datum(weegploeg_akkoord, "--weegploeg-akkoord", niet_na=vandaag)
    venster = sinds_optie(sinds, None, vandaag)
    if rondetafel_check and rondetafel_check_maanden is not None:
        raise GebruiksFout("Geef --rondetafel-check of --rondetafel-check-maanden, niet allebei.")
    if toch and not reden.strip():
        raise GebruiksFout("Geef bij --toch ook de reden met --reden.")
    if reden.strip() and not toch:
        raise GebruiksFout("--reden hoort bij --toch.")
    if rondetafel_check_maanden is not None and not 1 <= rondetafel_check_maanden < afronding.OPVOLGING_MAANDEN:
        raise GebruiksFout(f"--rondetafel-check-maanden ligt tussen 1 en {afronding.OPVOLGING_MAANDEN - 1}.")
    check_op = _datum(rondetafel_check, "--rondetafel-check")
    with store.wijzig(dossier_id) as d:
        if d.fase not in afronding.START_FASEN:
            raise KetencliFout(
                f"Dossier {d.id} is in fase '{FASE_LABELS[d.fase]}': afronden kan alleen vanuit casusregie "
                "(of ketenaanpak zonder regisseur).")
        afgeleid = akkoord is None
        notitie = ""
        if akkoord is not None:  # the akkoord is given at a session of the weegploeg (L721)
            is_zitting, notitie = planning.zitting_op(d, "plan", akkoord, vandaag)
            if not is_zitting:
                raise KetencliFout(
                    f"{notitie} Er werd niets bewaard.",
                    tip=f"Geef de datum van de zitting waarop de afronding besproken werd: `ketencli afronding "
                        f"start {d.id} --weegploeg-akkoord DATUM` (zittingen: `ketencli agendeer lijst {d.id}`).")
        akkoord = akkoord or afronding.weegploeg_akkoord(d)
        if akkoord is None:
            raise KetencliFout(
                _w(d, "{plan} moet eerst akkoord gaan met de afronding (gids L721)."),
                tip=f"Geef de datum van dat akkoord: `ketencli afronding start {d.id} --weegploeg-akkoord DATUM`.")
        if akkoord > op:
            raise GebruiksFout(_w(d, "Het akkoord van {plan} kan niet na de datum van de afronding liggen."))
        open_ = afronding.niet_voldaan(afronding.toets(d, vandaag, venster))
        if open_ and not toch:
            raise KetencliFout(
                f"De afrondingstoets slaagt nog niet: {aantal(len(open_), 'criterium', 'criteria')} "
                f"niet voldaan of onbekend "
                f"({', '.join(c.key for c in open_)}). Er werd niets bewaard.",
                tip=f"Bekijk wat ontbreekt met `ketencli afronding check {d.id}`; rond je toch af, geef dan "
                "--toch --reden \"...\".")
        tot = afronding.plus_maanden(op, afronding.OPVOLGING_MAANDEN)
        if rondetafel_check_maanden is not None:
            check_op = afronding.plus_maanden(op, rondetafel_check_maanden)
        if check_op is not None and not op < check_op < tot:
            raise GebruiksFout(_w(d, f"De vroegere zitting van {{opvolging}} ligt tussen {op:%d/%m/%Y} en "
                                     f"{tot:%d/%m/%Y}."))
        a = d.afronding
        a.weegploeg_akkoord_op, a.gestart_op, a.opvolging_tot, a.rondetafel_check_op = akkoord, op, tot, check_op
        motief = _w(d, f"afronding op {op:%d/%m/%Y}, akkoord van {{plan}} op {akkoord:%d/%m/%Y}, opvolging tot "
                       f"{tot:%d/%m/%Y}")
        if open_:
            motief += f"; toch afgerond zonder: {', '.join(c.key for c in open_)}; reden: {reden.strip()}"
        store.historie(d, f"fase {d.fase} → afgerond", reden=motief)
        d.fase = "afgerond"
    ui.gelukt(_w(d, f"Dossier {dossier_id} is afgerond op {op:%d/%m/%Y}. {{afsluiting}} kan het afsluiten vanaf "
                    f"{tot:%d/%m/%Y}."))
    if notitie:
        ui.melding(notitie)
    if afgeleid:
        ui.melding(_w(d, f"Akkoord van {{plan}} genomen uit de besproken agendering van {akkoord:%d/%m/%Y}; "
                         "klopt dat niet, geef dan --weegploeg-akkoord DATUM."), "cyan")
    if check_op:
        ui.melding(_w(d, f"Vroegere zitting van {{opvolging}} (check op nieuwe feiten): {check_op:%d/%m/%Y}."),
                   "cyan")


def afsluiten(
    dossier_id: str = ID_ARG,
    nieuwe_feiten: str | None = typer.Option(None, "--nieuwe-feiten",
                                             help="De nieuwe feiten die de partners bij de laatste check meldden."),
    geen_nieuwe_feiten: bool = typer.Option(False, "--geen-nieuwe-feiten",
                                            help="De laatste check vond geen nieuwe feiten."),
    vervolghulp: bool | None = typer.Option(None, "--vervolghulp-gestart/--vervolghulp-niet-gestart",
                                            help="Of de vervolghulp goed gestart is."),
    geen_vervolghulp: bool = typer.Option(False, "--geen-vervolghulp", help="Er is geen vervolghulp (n.v.t.)."),
    vroeger: bool = typer.Option(False, "--vroeger", help="Sluit af vóór de zes maanden opvolging (met --reden)."),
    toch: bool = typer.Option(False, "--toch", help="Sluit af hoewel er nieuwe feiten zijn of de vervolghulp niet "
                              "goed startte (met --reden)."),
    reden: str = typer.Option("", "--reden", help="Waarom vroeger of toch afsluiten (komt in de historiek)."),
    datum: str | None = typer.Option(None, "--datum", help="Datum van de zitting die afsluit (standaard: vandaag)."),
) -> None:
    """Sluit het dossier af op de ronde tafel, na de laatste check; daarna kan het alleen gelezen worden.

    Alleen als het geweld gestopt bleef en de vervolghulp startte (anders: --toch --reden of `afronding herneem`).

    Een dossier zonder casusregie (geen instemming, niet ingestroomd) sluit je meteen af.
    """
    from ketencli import klok, store, ui
    from ketencli.methodiek import afronding
    from ketencli.methodiek.aanmelding import FASE_LABELS

    vandaag = klok.vandaag()
    op = _datum(datum, "--datum", niet_na=vandaag) or vandaag
    if (vroeger or toch) and not reden.strip():
        raise GebruiksFout(f"Geef bij {'--vroeger' if vroeger else '--toch'} ook de reden met --reden.")
    if reden.strip() and not (vroeger or toch):
        raise GebruiksFout("--reden hoort bij --vroeger of --toch.")
    if nieuwe_feiten is not None and geen_nieuwe_feiten:
        raise GebruiksFout("Geef --nieuwe-feiten of --geen-nieuwe-feiten, niet allebei.")
    if vervolghulp is not None and geen_vervolghulp:
        raise GebruiksFout("Geef --vervolghulp-gestart, --vervolghulp-niet-gestart of --geen-vervolghulp, één ervan.")
    with store.wijzig(dossier_id) as d:
        a = d.afronding
        if d.fase == "afgerond" and (a.opvolging_tot is None or a.gestart_op is None):
            raise KetencliFout(
                f"Dossier {d.id} staat op 'afgerond', maar de afronding zelf (datum en opvolging) staat niet in "
                "het dossier: afsluiten kan daardoor niet. Er werd niets bewaard.",
                tip=f"Bekijk de historiek met `ketencli dossier historiek {d.id}`; werd de fase met de hand veranderd, "
                    "zet ze dan terug en rond af met `ketencli afronding start`.")
        if d.fase in afronding.START_FASEN:
            raise KetencliFout(
                f"Dossier {d.id} is in fase '{FASE_LABELS[d.fase]}': afsluiten kan alleen na de afronding. "
                "Er werd niets bewaard.",
                tip=f"Bekijk wat nog ontbreekt met `ketencli afronding check {d.id}` en rond af met "
                f"`ketencli afronding start {d.id}`.")
        if d.fase in afronding.ZONDER_REGIE_FASEN:
            _sluit_af_zonder_regie(d, op, bijkomend=(nieuwe_feiten is not None or geen_nieuwe_feiten
                                                     or vervolghulp is not None or geen_vervolghulp
                                                     or vroeger or toch))
            return
        if d.fase != "afgerond":  # afronding start is no way out of these fases: do not point to it
            raise KetencliFout(
                f"Dossier {d.id} is in fase '{FASE_LABELS[d.fase]}': afsluiten kan alleen na de afronding van "
                "casusregie of ketenaanpak zonder regisseur, of meteen na het verkennend casusoverleg als er geen "
                "instemming was of het dossier niet instroomde. Er werd niets bewaard.",
                tip=f"Bekijk waar het dossier staat met `ketencli stap {d.id}`.")
        if op < a.gestart_op:
            raise GebruiksFout("De afsluiting kan niet vóór de afronding liggen.")
        if op < a.opvolging_tot and not vroeger:
            raise KetencliFout(
                _w(d, f"De opvolging loopt tot {a.opvolging_tot:%d/%m/%Y}: {{afsluiting}} sluit af zes maanden na "
                      "de afronding (gids L730). Er werd niets bewaard."),
                tip="Moet het toch vroeger, geef dan --vroeger --reden \"...\".")
        if nieuwe_feiten is None and not geen_nieuwe_feiten:
            raise KetencliFout(
                "Eerst de laatste check op nieuwe feiten bij de partners (gids L731). Er werd niets bewaard.",
                tip="Geef --geen-nieuwe-feiten, of --nieuwe-feiten \"...\" met wat er gemeld werd.")
        if vervolghulp is None and not geen_vervolghulp:
            raise KetencliFout(
                "Eerst de laatste check of de vervolghulp goed gestart is (gids L732). Er werd niets bewaard.",
                tip="Geef --vervolghulp-gestart of --vervolghulp-niet-gestart, of --geen-vervolghulp als er "
                "geen is.")
        feiten_tekst = (afronding.GEEN_NIEUWE_FEITEN if geen_nieuwe_feiten
                        else tekst_optie(nieuwe_feiten, "--nieuwe-feiten"))
        bezwaren = _bezwaren_tegen_afsluiten(d, op, not geen_nieuwe_feiten, vervolghulp)
        if bezwaren and not toch:
            nieuw = not geen_nieuwe_feiten or bool(afronding.feiten_na_afronding(d, op))
            raise _weiger_afsluiten(d, bezwaren, nieuwe_feiten=nieuw)
        a.nieuwe_feiten = feiten_tekst
        a.vervolghulp_goed_gestart = vervolghulp
        a.vroeger_reden = reden.strip() if vroeger and op < a.opvolging_tot else ""
        a.afgesloten_op = op
        motief = _w(d, f"afgesloten op {{afsluiting}} van {op:%d/%m/%Y}")
        if vroeger and op < a.opvolging_tot:
            motief += f", vóór het einde van de opvolging ({a.opvolging_tot:%d/%m/%Y}): {reden.strip()}"
        if bezwaren:
            motief += f"; toch afgesloten ondanks: {'; '.join(bezwaren)}; reden: {reden.strip()}"
        store.historie(d, "fase afgerond → afgesloten", reden=motief)
        a.afgesloten_uit_fase = d.fase
        d.fase = "afgesloten"
    ui.gelukt(f"Dossier {dossier_id} is afgesloten op {op:%d/%m/%Y}; het kan nu alleen nog gelezen worden.")
    if not geen_nieuwe_feiten:
        ui.melding("Er werden nieuwe feiten gemeld; ze staan bij de afsluiting in het dossier.")
    if vervolghulp is False:
        ui.melding("De vervolghulp is niet goed gestart; laat het de operationeel coördinator weten (gids L724-728).")



def _sluit_af_zonder_regie(d: Any, op: date, *, bijkomend: bool) -> None:
    """Close a dossier that never came into casusregie (geen-instemming, niet-ingestroomd; D8).

    Nothing to check but the date: not before the ICO's conclusion. The aanmelder may register the
    family again later (guide L137-145); that is a new aanmelding.

    Raises:
        GebruiksFout: options of the afronding's last check were given, or the date precedes the ICO.
    """
    from ketencli import store, ui
    from ketencli.methodiek.aanmelding import FASE_LABELS

    label = FASE_LABELS[d.fase]
    if bijkomend:
        raise GebruiksFout(f"Dossier {d.id} is in fase '{label}': er was geen casusregie en dus geen afronding "
                           "of opvolging. Laat --nieuwe-feiten, --vervolghulp-…, --vroeger en --toch weg.")
    if d.ico is not None and op < d.ico.datum:
        raise GebruiksFout(f"De afsluiting kan niet vóór het verkennend casusoverleg van "
                           f"{d.ico.datum:%d/%m/%Y} liggen.")
    d.afronding.afgesloten_op = op
    store.historie(d, f"fase {d.fase} → afgesloten",
                   reden=f"afgesloten op {op:%d/%m/%Y} zonder casusregie ({label})")
    d.afronding.afgesloten_uit_fase = d.fase
    d.fase = "afgesloten"
    ui.gelukt(f"Dossier {d.id} ({label}) is afgesloten op {op:%d/%m/%Y}; het kan nu alleen nog gelezen worden. "
              "Meldt de aanmelder het gezin later opnieuw aan, dan is dat een nieuwe aanmelding.")


TERUG_FASEN = ("casusregie", "ketenaanpak-zonder-regisseur")


def herneem(
    dossier_id: str = ID_ARG,
    reden: str = typer.Option(..., "--reden", help="Waarom opnieuw regie, bv. nieuwe feiten (komt in de historiek)."),
    datum: str | None = typer.Option(None, "--datum", metavar="DATUM",
                                     help="Datum van de beslissing, bv. de ronde tafel (standaard: vandaag)."),
    naar: str = typer.Option("casusregie", "--naar", metavar="FASE",
                             help="De fase: casusregie (standaard) of ketenaanpak-zonder-regisseur."),
) -> None:
    """Neem een afgerond dossier terug in casusregie (bv. na nieuwe feiten); de afronding wordt gewist."""
    from ketencli import klok, model, store, ui
    from ketencli.methodiek import afronding
    from ketencli.methodiek.aanmelding import FASE_LABELS

    if naar not in TERUG_FASEN:
        raise GebruiksFout(f"--naar {naar!r} ken ik niet; kies uit: {', '.join(TERUG_FASEN)}.")
    waarom = tekst_optie(reden, "--reden")
    vandaag = klok.vandaag()
    op = _datum(datum, "--datum", niet_na=vandaag) or vandaag
    if store.laad(dossier_id).fase == "afgesloten":  # store.wijzig would only say it is read-only
        raise KetencliFout(
            f"Dossier {dossier_id} is afgesloten: hernemen kan alleen tijdens de opvolging na de afronding. "
            "Er werd niets bewaard.",
            tip=f"Heropen het: `ketencli dossier heropen {dossier_id} --naar {naar} --reden \"...\"`.")
    with store.wijzig(dossier_id) as d:
        if d.fase != "afgerond":
            raise KetencliFout(
                f"Dossier {d.id} is in fase '{FASE_LABELS[d.fase]}': hernemen kan alleen een afgerond dossier "
                "(terug naar casusregie). Er werd niets bewaard.",
                tip=f"Bekijk waar het dossier staat met `ketencli stap {d.id}`.")
        gestart = d.afronding.gestart_op
        if gestart is not None and op < gestart:
            raise GebruiksFout(f"De beslissing kan niet vóór de afronding ({gestart:%d/%m/%Y}) liggen.")
        d.afronding = model.Afronding.model_validate(d.afronding.model_dump()
                                                     | afronding.gewist(terug_naar_regie=True))
        motief = f"beslist op {op:%d/%m/%Y}" + (f", afronding van {gestart:%d/%m/%Y} gewist" if gestart else "")
        store.historie(d, f"afronding hernomen: fase afgerond → {naar}", reden=f"{motief}: {waarom}")
        d.fase = naar
    ui.gelukt(f"Dossier {dossier_id} is terug in fase {FASE_LABELS[naar]}; de afronding is gewist, het "
              "bewijs (afrondend gesprek, evaluaties, overleg met partners) blijft staan.")
    ui.melding(f"Rond later opnieuw af na de afrondingstoets: `ketencli afronding check {dossier_id}`.", "cyan")


def _bezwaren_tegen_afsluiten(d: model.Dossier, op: date, nieuwe_feiten: bool,
                              vervolghulp: bool | None) -> list[str]:
    """Why the last check does not allow the afsluiting (Dutch, for the refusal and the history); empty when it does.

    The ronde tafel closes only when the violence stayed stopped and the hand-over worked (guide L730-733,
    L943-948); with new facts the dossier is discussed first (L1693-1696). No follow-up help at all is fine.
    """
    from ketencli.methodiek import afronding

    # neutral (kind and date only): these lines go into an error message, the facts themselves are in the dossier
    bezwaren = []
    if nieuwe_feiten:
        bezwaren.append("de partners meldden nieuwe feiten")
    na = afronding.feiten_na_afronding(d, op)
    if na:
        bezwaren.append(f"de tijdlijn heeft {feiten(len(na))} na de afronding van "
                        f"{d.afronding.gestart_op:%d/%m/%Y} ("
                        + ", ".join(f"{t.soort} op {t.datum:%d/%m/%Y}" for t in na) + ")")
    if vervolghulp is False:
        bezwaren.append("de vervolghulp is niet goed gestart")
    return bezwaren


def _weiger_afsluiten(d: Any, bezwaren: list[str], *, nieuwe_feiten: bool) -> KetencliFout:
    dossier_id = d.id
    tip = []
    if nieuwe_feiten:
        tip.append(_w(d, "Bespreek het dossier opnieuw op {opvolging} (gids L1693-1696); moet er opnieuw regie "
                         f"komen, ga dan terug naar casusregie met `ketencli afronding herneem {dossier_id} --reden "
                         "\"...\"`."))
    if any(b.startswith("de vervolghulp") for b in bezwaren):
        tip.append("Zoek met de partners hoe de vervolghulp alsnog kan starten en laat het de operationeel "
                   "coördinator weten (gids L724-728).")
    tip.append(_w(d, "Besliste {afsluiting} toch af te sluiten, geef dan --toch --reden \"...\" (dat komt in de "
                     "historiek)."))
    return KetencliFout(
        "Afsluiten kan alleen als het geweld gestopt bleef en de overdracht naar de vervolghulp lukte "
        "(gids L730-733, L943-948), maar " + "; ".join(bezwaren) + ". Er werd niets bewaard.",
        tip=" ".join(tip))
