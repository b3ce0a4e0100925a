"""The flow of one agendering (`ketencli agendeer weegploeg|rondetafel|ico`, ``commands/agendeer.py``):
refuse an afgesloten dossier, pick the session (``planning``), refuse a second agendering for the same
session and kind, run the readiness check (``methodiek.gereedheid``; blockers stop with exit 1 and
nothing written unless ``--toch``), render the document (``documenten``), write the .eml draft next to
it (``concept``), record a ``model.Agendering`` (``store.wijzig``) and say where everything is.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, datetime
from pathlib import Path
from typing import TYPE_CHECKING, Any

from ketencli.fouten import GebruiksFout, KetencliFout
from ketencli.methodiek.regios import DOEL_LABEL, ROL_VAN_AGENDERING, SOORT_LABEL

if TYPE_CHECKING:
    from ketencli import model
    from ketencli.methodiek import gereedheid

DOCUMENT_SOORT: dict[str, str] = {
    "pva": "weegploeg-pva",
    "gewijzigd": "weegploeg-gewijzigd",
    "afronding": "weegploeg-afronding",
    "rondetafel": "rondetafel",
    "ico": "aanmelding",
    "afsluiting": "rondetafel",  # annex F.4: the ronde-tafel document, with the afsluiting as its subject
}
# the subject of the ronde-tafel document when the purpose needs no question of its own
STANDAARD_VRAAG: dict[str, str] = {
    "afsluiting": "Definitieve afsluiting na zes maanden opvolging: zijn er nieuwe feiten, en is de vervolghulp "
                  "goed gestart?",
    "check-na-afronding": "Check op nieuwe feiten na de afronding (opvolging op afstand).",
    "terugkoppeling": "Terugkoppeling zoals afgesproken op {plan}.",
}


@dataclass
class Verzoek:
    """What the user asked for one agendering (the options of one sub-command)."""

    soort: str
    datum: str | None = None
    vragen: list[str] = field(default_factory=list)
    leden: list[str] = field(default_factory=list)
    domeinen: list[str] = field(default_factory=list)
    tafelleden: list[str] = field(default_factory=list)
    tussentijdse_evaluatie: bool = False
    toch: bool = False
    reden: str = ""
    overschrijf: bool = False
    als_json: bool = False
    doel: str = ""  # model.AgenderingDoel; "" = from the soort (a ronde tafel: vraag, or after afronding the check)
    extern: list[str] = field(default_factory=list)  # external expertise to invite (annex G.1)
    waarom_nu: str = ""
    # set by the flow: why the session was looked for from a later date
    vanaf_uitleg: str = ""
    # set by the flow: the words of the dossier's region (D30), for the standard questions
    woorden: dict[str, str] = field(default_factory=dict)

    @property
    def vraag(self) -> str:
        from ketencli.methodiek import regios

        eigen = "\n".join(v.strip() for v in self.vragen if v.strip())
        standaard = regios.in_woorden(STANDAARD_VRAAG.get(self.doel, ""), self.woorden or None)
        return "\n".join(x for x in (standaard, eigen) if x)


# ---------------------------------------------------------------------------------------------
# the flow
# ---------------------------------------------------------------------------------------------


def _lokaal(moment: datetime | None) -> datetime | None:
    """Aware → naive local time in Europe/Brussels (how the dossier file keeps times)."""
    from ketencli import klok

    if moment is None:
        return None
    if moment.tzinfo is not None:
        moment = moment.astimezone(klok.TIJDZONE).replace(tzinfo=None)
    return moment.replace(second=0, microsecond=0)


def _reikwijdte(d: model.Dossier, verzoek: Verzoek) -> model.RondetafelReikwijdte:
    from ketencli import model
    from ketencli.methodiek import kijkschema

    for lid in verzoek.leden:
        if d.lid(lid) is None:
            raise KetencliFout(f"--lid {lid}: dat lid bestaat niet in dossier {d.id}.",
                               tip="Leden: " + (", ".join(x.id for x in d.gezinsleden) or "geen") + ".")
    domeinen = []
    for waarde in verzoek.domeinen:
        gevonden = kijkschema.domein(waarde)
        if gevonden is None:
            raise GebruiksFout(f"--domein {waarde!r} ken ik niet; kies uit: "
                               + ", ".join(x.key for x in kijkschema.DOMEINEN) + ".")
        domeinen.append(gevonden.key)
    return model.RondetafelReikwijdte(leden=list(dict.fromkeys(verzoek.leden)),
                                      domeinen=list(dict.fromkeys(domeinen)),
                                      tafelleden=[t.strip() for t in verzoek.tafelleden if t.strip()])


def _zelfde(a: model.Agendering, verzoek: Verzoek, zitting: datetime) -> bool:
    """The same agendering: soort, session and (when the record has one) purpose."""
    return (a.soort == verzoek.soort and a.zitting == zitting and a.status != "geannuleerd"
            and (a.doel is None or a.doel == verzoek.doel))


def _bepaal_doel(d: model.Dossier, verzoek: Verzoek) -> None:
    """Fill in the purpose of a ronde-tafel agendering (a question, or after the afronding the check),
    refuse what does not fit the dossier, and say from which date a session is looked for."""
    if verzoek.soort not in ("rondetafel", "afsluiting"):
        return
    if not verzoek.doel:
        verzoek.doel = "check-na-afronding" if d.fase == "afgerond" else "vraag"
    if verzoek.doel == "vraag" and not verzoek.vraag:
        tafel = verzoek.woorden.get("opvolging", "de tafel")
        raise GebruiksFout(f"Geef je vraag aan {tafel} mee met --vraag \"...\" (of gebruik "
                           "--tussentijdse-evaluatie, --terugkoppeling of --afsluiting).")
    if verzoek.doel == "afsluiting" and d.fase != "afgerond":
        raise KetencliFout(
            f"De afsluiting komt na de afronding en zes maanden opvolging; dossier {d.id} is in de fase '{d.fase}'.",
            tip=f"Rond eerst af: `ketencli afronding check {d.id}` en `ketencli afronding start {d.id}`.",
        )


def _extern(d: model.Dossier, verzoek: Verzoek) -> None:
    """--extern: a service id (d3) must exist in the dossier; free text is taken as given."""
    from ketencli.commands.opties import vereis_bekende_dienst

    for wie in verzoek.extern:
        vereis_bekende_dienst(d, wie, "--extern")


def _vanaf(d: model.Dossier, verzoek: Verzoek, vandaag: date) -> date | None:
    """The date from which the session is looked for when no --datum is given: the return date, the
    end of the six months after afronding, the planned check. Sets ``verzoek.vanaf_uitleg``."""
    from ketencli.methodiek.datums import plus_maanden

    if verzoek.datum:
        return None
    kandidaten: list[tuple[date | None, str]] = []
    if verzoek.doel == "terugkoppeling":
        terug = [a.terugkoppeling_op for a in d.agenderingen
                 if a.terugkoppeling_op is not None and a.status != "geannuleerd"]
        kandidaten.append((max(terug, default=None), "de terugkomdatum"))
    elif verzoek.doel == "afsluiting":
        af = d.afronding
        tot = af.opvolging_tot or (plus_maanden(af.gestart_op, 6) if af.gestart_op else None)
        kandidaten.append((tot, "het einde van de zes maanden opvolging"))
    elif verzoek.doel == "check-na-afronding":
        kandidaten.append((d.afronding.rondetafel_check_op, "de geplande check"))
    for dag, wat in kandidaten:
        if dag is not None and dag > vandaag:
            verzoek.vanaf_uitleg = f"de eerste haalbare zitting op of na {wat} ({dag:%d/%m/%Y}); een andere: --datum"
            return dag
    return None


def agendeer(dossier_id: str, verzoek: Verzoek) -> None:
    from ketencli import klok, planning, store
    from ketencli.commands.opties import datum_optie
    from ketencli.methodiek import gereedheid as gh

    d = store.laad(dossier_id)
    store.vereis_schrijfbaar(d)  # before any file is written
    verzoek.woorden = planning.woorden(d.regio)
    store.herstel(d.id)  # the files of a run killed before it saved: gone before names are chosen
    _bepaal_doel(d, verzoek)
    _extern(d, verzoek)
    nu = klok.nu()
    vandaag = nu.date()
    rol = ROL_VAN_AGENDERING[verzoek.soort]
    reikwijdte = _reikwijdte(d, verzoek) if verzoek.soort in ("rondetafel", "afsluiting") else None
    op = datum_optie(verzoek.datum, "--datum", richting="toekomst")
    eerste = _eerste_plan(d, verzoek, nu)
    if eerste is not None and op is None:
        zitting = eerste.zitting
        verzoek.vanaf_uitleg = (f"de eerste haalbare zitting vanaf week {planning.regio(d.regio).eerste_plan_week} van "
                                f"de casusregie (week 1 begon op {eerste.week1:%d/%m/%Y}); een andere: --datum")
    else:
        zitting = planning.eerste_haalbare_zitting(d.regio, rol, nu, op=op, vanaf=_vanaf(d, verzoek, vandaag))
    if eerste is not None and op is not None:
        _voor_week(d, zitting, eerste)
    begin = _lokaal(zitting.begin)
    assert begin is not None
    bestaand = next((a for a in d.agenderingen if _zelfde(a, verzoek, begin)), None)
    if bestaand is not None and not verzoek.overschrijf:
        raise KetencliFout(
            f"Dossier {d.id} staat al geagendeerd voor deze zitting ({bestaand.id}, {bestaand.status}).",
            tip=f"Bekijk het met `ketencli agendeer lijst {d.id}`; opnieuw maken kan met --overschrijf.",
        )
    # the afsluiting is a ronde-tafel agendering for the readiness check (its subject is its question)
    uitslag = gh.controleer(d, "rondetafel" if verzoek.soort == "afsluiting" else verzoek.soort, vandaag,
                            vraag=verzoek.vraag, tussentijdse_evaluatie=verzoek.tussentijdse_evaluatie,
                            plan_aan_tafel=planning.regio(d.regio).plan_aan_tafel,  # with the user's settings
                            woorden=planning.woorden(d.regio))
    if not uitslag.klaar and not verzoek.toch:
        if verzoek.als_json:
            from ketencli import ui

            ui.schrijf_json({"geagendeerd": False, "gereedheid": uitslag.als_dict(), "zitting": _zitting_dict(zitting)})
            raise SystemExit(1)  # D12: the readiness check found what blocks; the JSON says what
        _toon_gereedheid(uitslag, zitting)
        n = len(uitslag.blokkerend)
        raise KetencliFout(
            f"Dossier {d.id} is nog niet klaar voor {zitting.tafel_naam}: {n} blokkerend{'e' if n != 1 else ''} "
            f"punt{'en' if n != 1 else ''}. Er werd niets geschreven.",
            tip="Los ze op en probeer opnieuw, of agendeer toch met --toch (met --reden \"...\"): dat wordt "
                "bij de agendering genoteerd.",
        )
    # Files this run creates are removed again when the agendering cannot be saved (a read-only
    # dossier folder, a lock, Ctrl-C): no document or draft mail without its agendering. Against a
    # kill (no except runs), they are noted first, under the lock until the save: the next save of
    # the dossier removes noted files that no agendering records (issue 20 §4).
    with store.slot(d.id):
        doel = _doel(d.id, verzoek, bestaand, vandaag)
        nieuw = [p for p in (doel, doel.with_suffix(".eml")) if not p.exists()]
        notitie = store.noteer_onderweg(d.id, [p.name for p in nieuw])
        try:
            document = _document(d, verzoek, zitting, reikwijdte, vandaag, doel)
            aan = planning.agendering_adres(d.regio, rol)
            mail = _mail(d, verzoek, zitting, document, aan)
            agendering = _bewaar(d.id, verzoek, zitting, uitslag, reikwijdte, document, mail, vandaag)
        except BaseException:
            for pad in nieuw:
                pad.unlink(missing_ok=True)
            raise
        finally:
            store.onderweg_klaar(notitie)
    _meld(d, verzoek, zitting, uitslag, agendering, document, mail, aan)


def _eerste_plan(d: model.Dossier, verzoek: Verzoek, nu: datetime) -> Any:
    """The first plan in a region with a week rule (CO3: week 10, D25): the preparation timeline of its
    first weegploeg (``planning.eerste_weegploeg``, the same reading `overzicht` uses), else None."""
    from ketencli import planning

    if verzoek.soort != "pva" or d.casusregie_start is None or not planning.regio(d.regio).eerste_plan_week:
        return None
    if any(planning.doel_van(a) in ("plan", "gewijzigd-plan") and a.status == "besproken" for a in d.agenderingen):
        return None
    return planning.eerste_weegploeg(d.regio, d.casusregie_start, nu)


def _voor_week(d: model.Dossier, zitting: Any, eerste: Any) -> None:
    """A session chosen with --datum before the method's week for the first plan: allowed, with a warning
    that names that week (D25, guide L770, L1714)."""
    from ketencli import planning, ui

    r = planning.regio(d.regio)
    assert d.casusregie_start is not None and r.eerste_plan_week
    week = planning.week_van_casusregie(d.casusregie_start, zitting.begin.date())
    if week < r.eerste_plan_week:
        ui.melding(f"Deze zitting valt in week {week} van de casusregie: de methodiek brengt het eerste plan van "
                   f"aanpak pas vanaf week {r.eerste_plan_week} op {zitting.tafel_naam} (week 1 begon op "
                   f"{eerste.week1:%d/%m/%Y}); de eerste zitting vanaf week {r.eerste_plan_week} is "
                   f"{eerste.zitting.begin:%d/%m/%Y}.")


def _doel(dossier_id: str, verzoek: Verzoek, bestaand: model.Agendering | None, vandaag: date) -> Path:
    """Where the document goes: ``<date>_<soort>.docx``, its .eml beside it.

    Agendering again (``--overschrijf``) reuses the files of that agendering; otherwise a name that
    is taken (another session the same day, a document made by hand) gets ``-2``, ``-3`` ...
    """
    from ketencli import store

    map_ = store.documenten_dir(dossier_id, maak=True)
    if bestaand is not None and bestaand.document:
        return map_ / bestaand.document
    basis = f"{vandaag.isoformat()}_{DOCUMENT_SOORT[verzoek.soort]}"
    naam, n = basis, 1
    while (map_ / f"{naam}.docx").exists() or (map_ / f"{naam}.eml").exists():
        n += 1
        naam = f"{basis}-{n}"
    return map_ / f"{naam}.docx"


def _document(d: model.Dossier, verzoek: Verzoek, zitting: Any, reikwijdte: Any, vandaag: date,
              doel: Path) -> Path:
    from ketencli import documenten
    from ketencli.methodiek import gereedheid as gh

    opties: dict[str, Any] = {"zitting": zitting.begin}
    if verzoek.soort != "ico":  # the document names the table it goes to (D26: afsluiting may be another table)
        opties["tafel_rol"] = ROL_VAN_AGENDERING[verzoek.soort]
    if verzoek.soort in ("pva", "gewijzigd", "afronding"):
        opties.update(vragen=[v.strip() for v in verzoek.vragen if v.strip()], uitgenodigd=list(verzoek.extern),
                      waarom_nu=verzoek.waarom_nu)
    elif verzoek.soort in ("rondetafel", "afsluiting"):
        # a return, the check after afronding and the afsluiting come after the weegploeg by definition
        na = verzoek.doel in ("terugkoppeling", "check-na-afronding", "afsluiting") or d.fase == "afgerond"
        opties.update(vraag=verzoek.vraag, reikwijdte=reikwijdte,
                      tussentijdse_evaluatie=verzoek.tussentijdse_evaluatie, na_weegploeg=na or gh.na_weegploeg(d))
    return Path(documenten.schrijf(d, DOCUMENT_SOORT[verzoek.soort], doel=doel, overschrijf=verzoek.overschrijf,
                                   vandaag=vandaag, **opties))


def _mail(d: model.Dossier, verzoek: Verzoek, zitting: Any, document: Path, aan: str | None) -> Path:
    from ketencli import concept

    begin = _lokaal(zitting.begin)
    assert begin is not None
    label = DOEL_LABEL.get(verzoek.doel) or SOORT_LABEL[verzoek.soort]
    bijlage_naam = concept.ascii_naam(f"{d.id}_{document.name}")
    tekst = concept.agendering_tekst(dossier_id=d.id, tafel_naam=zitting.tafel_naam, zitting=begin,
                                     soort_label=label, bijlage=bijlage_naam, vraag=verzoek.vraag,
                                     afzender=_afzender(d))
    inhoud = concept.bouw(
        aan=aan,
        onderwerp=concept.agendering_onderwerp(d.id, zitting.tafel_naam, begin, label),
        tekst=tekst,
        bijlagen=(concept.Bijlage(bijlage_naam, document.read_bytes()),),
    )
    pad = document.with_suffix(".eml")
    if pad.exists() and not verzoek.overschrijf:
        raise KetencliFout(f"{pad.name} bestaat al in de documentenmap van dossier {d.id}.",
                           tip="Gebruik --overschrijf om de conceptmail opnieuw te maken.")
    concept.schrijf(pad, inhoud)
    return pad


def _afzender(d: model.Dossier) -> str:
    """The regisseur's own name and organisation for the signature (a professional, not the family)."""
    r = d.casusregisseur
    return ", ".join(x.strip() for x in (r.naam, r.organisatie) if x.strip())


def _bewaar(dossier_id: str, verzoek: Verzoek, zitting: Any, uitslag: gereedheid.Gereedheid, reikwijdte: Any,
            document: Path, mail: Path, vandaag: date) -> model.Agendering:
    from ketencli import model, store

    begin = _lokaal(zitting.begin)
    assert begin is not None
    notitie = ""
    if uitslag.blokkerend:
        notitie = "Toch geagendeerd ondanks: " + "; ".join(f"{b.betreft}: {b.melding}" for b in uitslag.blokkerend)
        if verzoek.reden.strip():
            notitie += f" Reden: {verzoek.reden.strip()}"
    with store.wijzig(dossier_id) as d:
        oud = next((a for a in d.agenderingen if _zelfde(a, verzoek, begin)), None)
        agendering = model.Agendering(
            id=oud.id if oud is not None else d.volgend_agendering_id(),
            tafel=zitting.tafel,
            rol=ROL_VAN_AGENDERING[verzoek.soort],
            soort=verzoek.soort,
            zitting=begin,
            deadline=_lokaal(zitting.deadline),
            status="voorbereid",
            doel=verzoek.doel or None,
            aangemaakt_op=vandaag,
            vraag=verzoek.vraag,
            reikwijdte=reikwijdte or model.RondetafelReikwijdte(),
            document=document.name,
            mail=mail.name,
            uitgenodigd=list(verzoek.extern),
            notitie=notitie,
        )
        if oud is not None:
            d.agenderingen = [agendering if a.id == oud.id else a for a in d.agenderingen]
        else:
            d.agenderingen = [*d.agenderingen, agendering]
        if notitie:
            store.historie(d, f"agendering {agendering.id} ({zitting.tafel_naam}) ondanks blokkerende punten",
                           verzoek.reden.strip())
    return agendering


# ---------------------------------------------------------------------------------------------
# output
# ---------------------------------------------------------------------------------------------


def _zitting_dict(zitting: Any) -> dict[str, Any]:
    return {
        "tafel": zitting.tafel,
        "tafel_naam": zitting.tafel_naam,
        "rol": zitting.rol,
        "begin": _lokaal(zitting.begin).isoformat(),  # type: ignore[union-attr]
        "einde": _lokaal(zitting.einde).isoformat() if zitting.einde else None,  # type: ignore[union-attr]
        "deadline": _lokaal(zitting.deadline).isoformat() if zitting.deadline else None,  # type: ignore[union-attr]
        "opmerkingen": list(zitting.opmerkingen),
    }


def _toon_gereedheid(uitslag: gereedheid.Gereedheid, zitting: Any) -> None:
    from rich.markup import escape

    from ketencli import ui

    c = ui.console()
    c.print(f"[bold]Klaar voor {escape(zitting.tafel_naam)}?[/]")
    for tekst in uitslag.voldaan:
        c.print(f"  [green]✓[/] {escape(tekst)}")
    kleuren = {"blokkerend": "bold red", "waarschuwing": "yellow"}
    for b in uitslag.bevindingen:
        c.print(f"  [{kleuren[b.ernst]}]{b.ernst.upper():<12}[/] [bold]{escape(b.betreft)}[/]\n"
                f"               {escape(b.melding)}\n               [dim]→ {escape(b.wat_te_doen)}[/]")
    c.print()


def _meld(d: model.Dossier, verzoek: Verzoek, zitting: Any, uitslag: gereedheid.Gereedheid,
          agendering: model.Agendering, document: Path, mail: Path, aan: str | None) -> None:
    from rich.markup import escape

    from ketencli import concept, ui

    if verzoek.als_json:
        ui.schrijf_json({
            "geagendeerd": True,
            "agendering": agendering.model_dump(mode="json"),
            "zitting": _zitting_dict(zitting),
            "gereedheid": uitslag.als_dict(),
            "document": str(document),
            "mail": str(mail),
            "aan": aan,
        })
        return
    _toon_gereedheid(uitslag, zitting)
    c = ui.console()
    begin = _lokaal(zitting.begin)
    assert begin is not None
    label = DOEL_LABEL.get(verzoek.doel) or SOORT_LABEL[verzoek.soort]
    ui.gelukt(f"Dossier {d.id} geagendeerd ({agendering.id}): {zitting.tafel_naam}, {label}.")
    c.print(f"  Zitting:   {escape(concept.datum_nl(begin))}")
    if verzoek.vanaf_uitleg:
        c.print(f"  [dim]({escape(verzoek.vanaf_uitleg)})[/]")
    deadline = _lokaal(zitting.deadline)
    if deadline is not None:
        nu = _lokaal(_nu())
        assert nu is not None
        if deadline < nu:
            c.print(f"  Deadline:  [bold red]{escape(concept.datum_nl(deadline))} (verstreken)[/]")
        elif deadline.date() == nu.date():
            c.print(f"  Deadline:  [bold red]vandaag om {deadline:%H.%M} uur[/]: verstuur de mail op tijd.")
        else:
            c.print(f"  Deadline:  [bold]{escape(concept.datum_nl(deadline))}[/]")
    else:
        c.print("  Deadline:  [yellow]in te stellen[/]")
    for opmerking in zitting.opmerkingen:
        c.print(f"  [yellow]! {escape(opmerking)}[/]")
    c.print(f"  Document:  {escape(str(document))}")
    c.print(f"  Mail:      {escape(str(mail))}")
    c.print(f"  Onderwerp: {escape(concept.agendering_onderwerp(d.id, zitting.tafel_naam, begin, label))}")
    if aan:
        c.print(f"  Aan:       {escape(aan)}")
    else:
        ui.melding(f"Het agenderingsadres van {zitting.tafel_naam} is in je regio nog 'in te stellen': vul de "
                   "ontvanger zelf in wanneer je de conceptmail opent.")
    if agendering.notitie:
        ui.melding("Geagendeerd ondanks blokkerende punten; dat staat genoteerd bij de agendering.")
    if verzoek.extern:
        c.print("  Extern:    " + escape(", ".join(verzoek.extern)))
    _vroeger_afsluiten(d, verzoek, begin)
    c.print(escape(
        "Open de .eml met Outlook of Thunderbird (opent ze daar als gewone mail: kies 'Bewerken als nieuw "
        "bericht'), kijk ze na en verstuur ze."), style="dim")
    c.print(escape(f"Verstuurd? Noteer het met `ketencli agendeer uitkomst {d.id} {agendering.id} --status "
                   "ingediend`: dan staat de deadline niet meer als te laat in `ketencli overzicht`."), style="dim")
    c.print(escape(f"Na de zitting: `ketencli agendeer uitkomst {d.id} {agendering.id} --afspraak \"...\"`."),
            style="dim")


def _vroeger_afsluiten(d: model.Dossier, verzoek: Verzoek, begin: datetime) -> None:
    """An afsluiting on a session before the six months of follow-up have passed: say so (guide L730)."""
    from ketencli import ui

    tot = d.afronding.opvolging_tot
    if verzoek.doel == "afsluiting" and tot is not None and begin.date() < tot:
        ui.melding(f"De zes maanden opvolging lopen tot {tot:%d/%m/%Y}: je agendeert de afsluiting vroeger. "
                   "Noteer waarom wanneer je afsluit.")


def _nu() -> datetime:
    from ketencli import klok

    return klok.nu()
