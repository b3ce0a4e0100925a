"""The yearly figures for the stuurgroep (`ketencli jaarcijfers`, issue 17 item 3), as pure rules.

Two halves, both pure (no I/O; the dossier is duck-typed, ``model.Dossier``):

* ``feiten(d, vandaag, deadline_van)``: the anonymous facts of one dossier that the figures need —
  dates, keys and counts only, never a name, a birth date or free text. ``index`` keeps them in the
  per-file summary cache (D15), so `jaarcijfers` reads no dossier on the warm path.
* ``jaarcijfers(feiten_lijst, jaar, ...)``: the figures per region for one year, every count through
  ``statistiek.aantal`` (1-4 → "< 5", issue 17 item 4) and every median, quartile and extreme over
  fewer than :data:`statistiek.KLEINE_CEL` families left out.

One function per figure (``telt_*``, ``dagen_*``), each with the guide line or decision it rests on.
The existing rules are reused, never copied: the ICO outcome and the casusregie (``aanmelding``), the
afronding and the facts after it (``afronding``), annex conditions (``stappen.voorwaarde``), the
kijkschema's domains and the risk factors scored present (``kijkschema``, ``afronding.aanwezig``), the
IFG-profielen (``profielen``), the discussed agendering (``bespreking``). The deadline of a session
comes from ``planning`` (its one rule, D24), handed in as ``deadline_van``.
"""

from __future__ import annotations

import re
import statistics
from collections.abc import Callable, Iterable
from datetime import date, datetime
from typing import Any

from ketencli.methodiek import kijkschema, profielen
from ketencli.methodiek.knelpunten import VERBORGEN
from ketencli.statistiek import KLEINE_CEL, aantal

FEITEN_VERSIE = 2

# the guide's three conclusions of the verkennend casusoverleg (II.D, L308-344) and the herbespreking
ICO_CONCLUSIES = ("ketenaanpak-met-casusregie", "ketenaanpak-zonder-regisseur", "geen-ketenaanpak", "herbespreking")
ICO_LABELS: dict[str, str] = {
    "ketenaanpak-met-casusregie": "ketenaanpak met casusregie",
    "ketenaanpak-zonder-regisseur": "ketenaanpak zonder regisseur",
    "geen-ketenaanpak": "geen ketenaanpak (advies)",
    "herbespreking": "herbespreking",
}
# annexes B, C and D (the annex checklists ``checklists.BIJLAGE_B`` ... and their conditions, D21, D22)
BIJLAGEN = (("B", "BIJLAGE_B"), ("C", "BIJLAGE_C"), ("D", "BIJLAGE_D"))
BIJLAGE_LABELS = {"B": "bijlage B: OCJ/SDJ-consulent", "C": "bijlage C: Justitiehuis (dringende maatregel)",
                  "D": "bijlage D: PSD en JWW (gedetineerd gezinslid)"}
# what a historie line of `dossier ico` records for a herbespreking ("ICO 2026-03-12: herbespreking")
# what each figure means, for the reader of the report (Dutch; "Hoe lees je deze cijfers")
UITLEG: tuple[tuple[str, str], ...] = (
    ("Aanmeldingen", "gezinnen met een aanmeldingsdatum in het jaar."),
    ("Conclusies van het verkennend overleg", "de uitkomst van het verkennend casusoverleg (ICO, overlegtafel of "
     "operationeel team) met een datum in het jaar: ketenaanpak met casusregie, ketenaanpak zonder regisseur of geen "
     "ketenaanpak (met advies aan de aanmelder); herbespreking: er ontbrak informatie en het overleg besprak het "
     "gezin opnieuw."),
    ("Gezinnen in casusregie", "gezinnen waarvan de casusregie op minstens één dag van het jaar liep."),
    ("Dagen tot het eerste plan van aanpak", "van de start van de casusregie tot de zitting waarop de tafel voor het "
     "plan (de weegploeg in Antwerpen) het eerste plan van aanpak besprak, voor plannen besproken in het jaar. De gids "
     "mikt op ongeveer twee maanden (week 10)."),
    ("Duur van de casusregie", "van de start van de casusregie tot de afronding, voor de gezinnen afgerond in het "
     "jaar."),
    ("Mediaan en spreiding", "de mediaan is het middelste getal; de middelste helft van de gezinnen ligt tussen het "
     "eerste en het derde kwartiel; kortste en langste zijn de uitersten. Alleen over minstens 5 gezinnen."),
    ("Afrondingen en afsluitingen", "afronding: de casusregie werd veilig losgelaten; afsluiting: de ronde tafel "
     "sloot het dossier, zes maanden na de afronding."),
    ("Heropende dossiers", "afgesloten dossiers die in het jaar weer geopend werden."),
    ("Nieuwe feiten na afronding", "gezinnen afgerond in het jaar met een nieuw incident, pv of melding in de zes "
     "maanden na de afronding (tot vandaag als die zes maanden nog lopen)."),
    ("IFG-profielen", "de profielen van het Verwey-Jonker Instituut die voor gezinnen in casusregie aangeduid zijn; "
     "een gezin kan meer dan één profiel hebben."),
    ("Risicofactoren", "het aantal risicofactoren dat in het kijkschema als aanwezig staat, bij instroom en in het "
     "laatste kijkschema vóór de afronding, per domein."),
    ("Kinderen van 12 jaar en ouder", "kinderen die op de laatste dag van de casusregie in het jaar 12 jaar of ouder "
     "zijn: zij worden zelf gehoord (bijlage A)."),
    ("Bijlagen B, C en D", "gezinnen in casusregie met een OCJ/SDJ-consulent (B), een dringende justitiële maatregel "
     "(C) of een gezinslid in de gevangenis (D)."),
    ("Agenderingen na de deadline", "agenderingen met een zitting in het jaar die na de deadline van de tafel "
     "gemaakt werden, of waarvan de mail bij de deadline nog niet als verstuurd genoteerd was."),
)
_HERBESPREKING = re.compile(r"(\d{4}-\d{2}-\d{2}): herbespreking$")
_HEROPEND = "heropend"  # `dossier heropen` records "heropend: fase afgesloten → ..."


# -- the facts of one dossier ----------------------------------------------------------------------


def _iso(d: date | None) -> str | None:
    return d.isoformat() if d is not None else None


def te_laat(aangemaakt_op: date | None, status: str, deadline: datetime | None, nu: datetime) -> bool | None:
    """Whether an agendering was late for its session (D24; the deadline is ``planning``'s rule for the
    session): made after the day of the deadline, or still not noted as sent (status ``voorbereid``)
    once the deadline passed — the reading of "te laat" in `overzicht`. None when the table has no
    deadline (in te stellen): then ketencli cannot tell."""
    if deadline is None:
        return None
    if aangemaakt_op is not None and aangemaakt_op > deadline.date():
        return True
    return status == "voorbereid" and deadline.replace(tzinfo=None) < nu.replace(tzinfo=None)


def _risico_per_domein(moment: Any) -> dict[str, int]:
    """The risk factors scored present (D27's count, ``afronding.aanwezig``) per kijkschema domain."""
    from ketencli.methodiek import afronding

    uit = {dm.key: 0 for dm in kijkschema.DOMEINEN}
    for b in afronding.aanwezig(moment, "risico"):
        uit[kijkschema.factor(b.factor).domein] += 1  # type: ignore[union-attr]
    return uit


def feiten(d: Any, vandaag: date, deadline_van: Callable[[Any], datetime | None], nu: datetime | None = None,
           ) -> dict[str, Any]:
    """The anonymous facts of one dossier for the yearly figures (JSON-ready: dates as ISO text).

    ``deadline_van(agendering)``: the agendering deadline of its session (``planning``), or None.
    Holds only dates, keys and counts: no name, birth date or free text (issue 17 item 4), so it may
    sit in the summary cache. Shapes: see the keys below; ``kinderen_12`` maps a year to the number
    of children of 12 or older (D16) on the family's last day of casusregie in that year.
    """
    # the rules of the method, imported here: the figures themselves (the warm path) need none of them
    from ketencli.methodiek import aanmelding, afronding, bespreking, checklists, stappen
    from ketencli.methodiek.datums import plus_maanden

    nu = nu or datetime.combine(vandaag, datetime.min.time())
    regie = aanmelding.regie_actief(d) and d.casusregie_start is not None
    na_afronding = d.fase in afronding.NA_AFRONDING_FASEN
    afgerond_op = d.afronding.gestart_op if na_afronding else None
    start = d.casusregie_start if regie else None
    herbesproken = {m.group(1) for h in d.historie if (m := _HERBESPREKING.search(h.reden or ""))}
    if d.ico is not None and d.ico.conclusie == "herbespreking":
        herbesproken.add(d.ico.datum.isoformat())
    eerste_plan = min((a.zitting.date() for a in d.agenderingen
                       if a.rol == "plan" and a.soort == "pva" and bespreking.besproken(a)
                       and (start is None or a.zitting.date() >= start)), default=None)
    uit: dict[str, Any] = {
        "versie": FEITEN_VERSIE,
        "regio": d.regio,
        "aanmelding": _iso(d.aanmelding.datum),
        "aanmeldingsjaar": d.aanmelding.datum.year if d.aanmelding.datum else int(d.id[:4]),
        "ico": {"datum": d.ico.datum.isoformat(), "conclusie": d.ico.conclusie} if d.ico is not None else None,
        "herbesproken": sorted(herbesproken),
        "regie_start": _iso(start),
        # the last day the casusregie ran: the afronding, or today while it runs
        "regie_tot": _iso(min(afgerond_op or vandaag, vandaag)) if start is not None else None,
        "afronding": _iso(afgerond_op),
        # an afsluiting at the ronde tafel follows an afronding; a dossier without casusregie
        # (geen-instemming, niet-ingestroomd) closed directly is no afsluiting of this figure (D8)
        "afsluiting": _iso(d.afronding.afgesloten_op
                           if d.fase == "afgesloten" and d.afronding.gestart_op is not None else None),
        "eerste_plan": _iso(eerste_plan),
        "heropend": sorted({h.moment.date().isoformat() for h in d.historie if h.wat.startswith(_HEROPEND)}),
        "profielen": list(d.ifg_profielen),
        "bijlagen": [letter for letter, lijst in BIJLAGEN
                     if stappen.voorwaarde(d, getattr(checklists, lijst).voorwaarde, vandaag)[0]],
        "agenderingen": [{"tafel": a.tafel, "rol": a.rol, "zitting": a.zitting.date().isoformat(), "status": a.status,
                          "te_laat": te_laat(a.aangemaakt_op, a.status, deadline_van(a), nu)}
                         for a in d.agenderingen],
    }
    if afgerond_op is not None:
        tot = plus_maanden(afgerond_op, afronding.OPVOLGING_MAANDEN)
        uit["opvolging_tot"] = tot.isoformat()
        uit["feiten_na_afronding"] = len(afronding.feiten_na_afronding(d, min(tot, vandaag)))
        voor = [m for m in d.kijkschema[1:] if m.datum <= afgerond_op]
        if d.kijkschema and voor:
            uit["risico"] = {"instroom": _risico_per_domein(d.kijkschema_instroom),
                             "afronding": _risico_per_domein(voor[-1])}
    if start is not None:
        einde = min(afgerond_op or vandaag, vandaag)
        uit["kinderen_12"] = {str(j): len(d.kinderen_ouder_dan_12(min(date(j, 12, 31), einde)))
                              for j in range(start.year, einde.year + 1)}
    return uit


# -- one rule per figure ----------------------------------------------------------------------------


def _in(waarde: str | None, jaar: int) -> bool:
    return bool(waarde) and waarde[:4] == str(jaar)  # type: ignore[index]


def telt_als_aanmelding(f: dict[str, Any], jaar: int) -> bool:
    """Aanmeldingen: families registered in the year (step 1 of the folder; the aanmeldingsdatum, else
    the year in the dossier id, D3)."""
    return f["aanmeldingsjaar"] == jaar


def ico_conclusie(f: dict[str, Any], jaar: int) -> str | None:
    """The conclusion of the verkennend casusoverleg reached in the year (guide II.D, L308-344: the
    three conclusions, or a herbespreking when information is missing), by the date of the ICO."""
    ico = f.get("ico")
    return ico["conclusie"] if ico and _in(ico["datum"], jaar) else None


def telt_als_herbespreking(f: dict[str, Any], jaar: int) -> bool:
    """Herbesprekingen: families with a herbespreking at the intake table in the year (L328-344, D8),
    the current outcome or an earlier one in the historie."""
    return any(_in(x, jaar) for x in f.get("herbesproken") or ())


def in_casusregie(f: dict[str, Any], jaar: int) -> bool:
    """Families in casusregie: a casusregie (guide I.H; started on an adult's consent, L131-135, D17)
    that ran on at least one day of the year: started before the year's end, and afgerond (or today,
    while it runs) after its start."""
    start, tot = f.get("regie_start"), f.get("regie_tot")
    return bool(start) and bool(tot) and start[:4] <= str(jaar) <= tot[:4]


def casusregie_gestart(f: dict[str, Any], jaar: int) -> bool:
    """Casusregie started in the year (the start date, D17)."""
    return _in(f.get("regie_start"), jaar)


def dagen_tot_eerste_weegploeg(f: dict[str, Any], jaar: int) -> int | None:
    """Days from the start of casusregie to the first plan van aanpak discussed at the plan table (the
    weegploeg in Antwerp; about two months in, week 10: L770, L1714, D25; "besproken", D29), for a
    first plan discussed in the year."""
    start, plan = f.get("regie_start"), f.get("eerste_plan")
    if not start or not _in(plan, jaar):
        return None
    return (date.fromisoformat(plan) - date.fromisoformat(start)).days


def duur_casusregie(f: dict[str, Any], jaar: int) -> int | None:
    """Days of casusregie, from its start to the afronding (L668-737), for families afgerond in the year."""
    start, einde = f.get("regie_start"), f.get("afronding")
    if not start or not _in(einde, jaar):
        return None
    return (date.fromisoformat(einde) - date.fromisoformat(start)).days


def telt_als_afronding(f: dict[str, Any], jaar: int) -> bool:
    """Afrondingen: the afronding started in the year (veilig loslaten, L668-737; fase afgerond, D8)."""
    return _in(f.get("afronding"), jaar)


def telt_als_afsluiting(f: dict[str, Any], jaar: int) -> bool:
    """Afsluitingen: closed at the ronde tafel in the year (six months after afronding, L730, D25)."""
    return _in(f.get("afsluiting"), jaar)


def telt_als_heropening(f: dict[str, Any], jaar: int) -> bool:
    """Heropeningen: an afgesloten dossier reopened in the year (`dossier heropen`, D8)."""
    return any(_in(x, jaar) for x in f.get("heropend") or ())


def opvolging_voorbij(f: dict[str, Any], jaar: int, vandaag: date) -> bool:
    """Afgerond in the year and the six months of follow-up after it are over (L724-730, D25)."""
    return telt_als_afronding(f, jaar) and bool(f.get("opvolging_tot")) and f["opvolging_tot"] <= vandaag.isoformat()


def nieuwe_feiten_na_afronding(f: dict[str, Any], jaar: int) -> bool:
    """The repeat-incident signal: afgerond in the year, and an incident, pv or melding in the tijdlijn
    within six months after the afronding (the "laatste check op nieuwe feiten", L730-737;
    ``afronding.feiten_na_afronding``)."""
    return telt_als_afronding(f, jaar) and (f.get("feiten_na_afronding") or 0) > 0


def profielen_van(f: dict[str, Any], jaar: int) -> list[str]:
    """The IFG-profielen (annex E.2, L1865-1877) of a family in casusregie in the year."""
    return list(f.get("profielen") or ()) if in_casusregie(f, jaar) else []


def risico_instroom_afronding(f: dict[str, Any], jaar: int) -> dict[str, dict[str, int]] | None:
    """Risk factors scored present per kijkschema domain (E.10) at instroom and at afronding (the last
    kijkschema on or before it): "minder risicofactoren dan bij aanvang" (L708-709, D27), for the
    families afgerond in the year that have both."""
    return f.get("risico") if telt_als_afronding(f, jaar) else None


def kinderen_ouder_dan_12(f: dict[str, Any], jaar: int) -> int:
    """Children of 12 or older (D16; L472, L541: they are heard themselves, annex A) in a family in
    casusregie in the year, on the family's last day of casusregie in that year."""
    return int((f.get("kinderen_12") or {}).get(str(jaar), 0)) if in_casusregie(f, jaar) else 0


def bijlagen_van(f: dict[str, Any], jaar: int) -> list[str]:
    """The annexes B, C and D that apply to a family in casusregie in the year: their checklist's
    condition (an OCJ/SDJ consulent, D21; an urgent judicial measure, L1466; a member in prison, D22)."""
    return list(f.get("bijlagen") or ()) if in_casusregie(f, jaar) else []


def agenderingen_van(f: dict[str, Any], jaar: int) -> list[dict[str, Any]]:
    """The agenderingen with their session in the year (D23, D26), cancelled ones left out."""
    return [a for a in f.get("agenderingen") or () if _in(a["zitting"], jaar) and a["status"] != "geannuleerd"]


# -- the figures per region ---------------------------------------------------------------------------


def spreiding(waarden: list[int]) -> dict[str, Any]:
    """Median, quartiles (IQR) and min-max of a list of days; all None (and the number of families
    "< 5") when fewer than :data:`KLEINE_CEL` families: a median of four is nearly a family's own figure."""
    uit: dict[str, Any] = {"gezinnen": aantal(len(waarden)), "mediaan": None, "kwartiel_1": None,
                           "kwartiel_3": None, "min": None, "max": None}
    if len(waarden) < KLEINE_CEL:
        return uit
    q1, q2, q3 = statistics.quantiles(waarden, n=4, method="inclusive")

    def rond(x: float) -> float | int:
        return int(x) if float(x).is_integer() else round(x, 1)

    uit.update(mediaan=rond(q2), kwartiel_1=rond(q1), kwartiel_3=rond(q3), min=min(waarden), max=max(waarden))
    return uit


def _per_maand_gepubliceerd(per_maand: dict[str, int]) -> dict[str, int | str]:
    """The aanmeldingen per month as published: 1-4 as "< 5" (``statistiek.aantal``) and, when exactly one
    month is suppressed, the smallest shown month as ``VERBORGEN`` ("x") too: the months add up to the
    year's aanmeldingen, so one suppressed month would follow from the total minus the others (the
    secondary suppression of ``knelpunten.verberg_afleidbare``, here keeping the year's total shown)."""
    uit: dict[str, int | str] = {m: aantal(n) for m, n in per_maand.items()}
    klein = [m for m, n in per_maand.items() if 0 < n < KLEINE_CEL]
    groot = sorted((n, m) for m, n in per_maand.items() if n >= KLEINE_CEL)
    if len(klein) == 1 and groot:
        uit[groot[0][1]] = VERBORGEN
    return uit


def _tel(feiten_lijst: list[dict[str, Any]], regel: Callable[[dict[str, Any], int], Any], jaar: int) -> int:
    return sum(1 for f in feiten_lijst if regel(f, jaar))


def regio_cijfers(feiten_lijst: list[dict[str, Any]], jaar: int, vandaag: date, *, tafelnamen: dict[str, str],
                  plan_tafel: str) -> dict[str, Any]:
    """The figures of one region (its dossiers' facts) for ``jaar``, every count as published
    (``statistiek.aantal``). ``tafelnamen``: the region's table key -> its name (D30); ``plan_tafel``:
    the name of its table with role plan (the weegploeg in Antwerp, D26). Raw numbers never leave here."""
    def n(regel: Callable[[dict[str, Any], int], Any]) -> int | str:
        return aantal(_tel(feiten_lijst, regel, jaar))

    maanden = [f"{jaar}-{m:02d}" for m in range(1, 13)]
    per_maand = {m: 0 for m in maanden}
    for f in feiten_lijst:
        if telt_als_aanmelding(f, jaar) and f.get("aanmelding") and f["aanmelding"][:7] in per_maand:
            per_maand[f["aanmelding"][:7]] += 1
    conclusies = {c: 0 for c in ICO_CONCLUSIES}
    for f in feiten_lijst:
        if (c := ico_conclusie(f, jaar)) in conclusies and c != "herbespreking":
            conclusies[c] += 1
    conclusies["herbespreking"] = _tel(feiten_lijst, telt_als_herbespreking, jaar)
    profiel_tel = {p.key: 0 for p in profielen.PROFIELEN}
    bijlage_tel = {letter: 0 for letter, _ in BIJLAGEN}
    for f in feiten_lijst:
        for p in profielen_van(f, jaar):
            if p in profiel_tel:
                profiel_tel[p] += 1
        for b in bijlagen_van(f, jaar):
            bijlage_tel[b] += 1
    risico = [r for f in feiten_lijst if (r := risico_instroom_afronding(f, jaar))]
    minder = sum(1 for r in risico if sum(r["afronding"].values()) < sum(r["instroom"].values()))
    kinderen = [k for f in feiten_lijst if (k := kinderen_ouder_dan_12(f, jaar))]
    tafels: dict[str, list[int]] = {}
    for f in feiten_lijst:
        for a in agenderingen_van(f, jaar):
            tel = tafels.setdefault(a["tafel"], [0, 0])
            tel[0] += 1
            tel[1] += bool(a.get("te_laat"))
    return {
        "aanmeldingen": n(telt_als_aanmelding),
        "aanmeldingen_per_maand": [{"maand": m, "aantal": a} for m, a in _per_maand_gepubliceerd(per_maand).items()],
        "ico_conclusies": [{"conclusie": c, "label": ICO_LABELS[c], "aantal": aantal(conclusies[c])}
                           for c in ICO_CONCLUSIES],
        "in_casusregie": n(in_casusregie),
        "casusregie_gestart": n(casusregie_gestart),
        "dagen_tot_eerste_weegploeg": {"tafel": plan_tafel, **spreiding(
            [x for f in feiten_lijst if (x := dagen_tot_eerste_weegploeg(f, jaar)) is not None])},
        "duur_casusregie_dagen": spreiding([x for f in feiten_lijst if (x := duur_casusregie(f, jaar)) is not None]),
        "afrondingen": n(telt_als_afronding),
        "afsluitingen": n(telt_als_afsluiting),
        "heropeningen": n(telt_als_heropening),
        "na_afronding": {
            "afgerond": n(telt_als_afronding),
            "opvolging_voorbij": n(lambda f, j: opvolging_voorbij(f, j, vandaag)),
            "nieuwe_feiten_binnen_zes_maanden": n(nieuwe_feiten_na_afronding),
        },
        "ifg_profielen": [{"profiel": p.key, "naam": p.naam, "gezinnen": aantal(profiel_tel[p.key])}
                          for p in profielen.PROFIELEN],
        "risicofactoren": {
            "gezinnen": aantal(len(risico)),
            "minder_risicofactoren": aantal(minder),
            "per_domein": [{"domein": dm.key, "naam": dm.naam,
                            "bij_instroom": aantal(sum(r["instroom"].get(dm.key, 0) for r in risico)),
                            "bij_afronding": aantal(sum(r["afronding"].get(dm.key, 0) for r in risico))}
                           for dm in kijkschema.DOMEINEN],
        },
        "kinderen_ouder_dan_12": {"kinderen": aantal(sum(kinderen)), "gezinnen": aantal(len(kinderen))},
        "bijlagen": [{"bijlage": letter, "label": BIJLAGE_LABELS[letter], "gezinnen": aantal(bijlage_tel[letter])}
                     for letter, _ in BIJLAGEN],
        "agenderingen": [{"tafel": key, "naam": tafelnamen.get(key, key), "agenderingen": aantal(tel[0]),
                          "te_laat": aantal(tel[1])} for key, tel in sorted(tafels.items())],
    }


def heeft_gegevens(f: dict[str, Any], jaar: int) -> bool:
    """Whether a dossier counts anywhere in the year's figures (a region with none is left out: no
    empty sections)."""
    return (telt_als_aanmelding(f, jaar) or ico_conclusie(f, jaar) is not None or telt_als_herbespreking(f, jaar)
            or in_casusregie(f, jaar) or telt_als_afronding(f, jaar) or telt_als_afsluiting(f, jaar)
            or telt_als_heropening(f, jaar) or bool(agenderingen_van(f, jaar)))


def jaarcijfers(feiten_lijst: Iterable[dict[str, Any]], jaar: int, vandaag: date, *, regios: dict[str, str],
                tafelnamen: dict[str, dict[str, str]], plan_tafels: dict[str, str],
                regio: str | None = None) -> list[dict[str, Any]]:
    """The figures per region for ``jaar``: a list of region blocks (``regio``, ``regio_naam``, ``jaar`` and
    the figures of ``regio_cijfers``), in the order of ``regios`` (key -> name). Only regions with data
    in the year, or ``regio`` alone (then also when it has none)."""
    per_regio: dict[str, list[dict[str, Any]]] = {}
    for f in feiten_lijst:
        per_regio.setdefault(f["regio"], []).append(f)
    uit = []
    for key, naam in regios.items():
        lijst = per_regio.get(key, [])
        if (regio is not None and key != regio) or (regio is None and not any(heeft_gegevens(f, jaar) for f in lijst)):
            continue
        uit.append({"regio": key, "regio_naam": naam, "jaar": jaar,
                    **regio_cijfers(lijst, jaar, vandaag, tafelnamen=tafelnamen.get(key, {}),
                                    plan_tafel=plan_tafels.get(key, "weegploeg"))})
    return uit
