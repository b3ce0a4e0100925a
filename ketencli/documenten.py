"""The Word documents ketencli makes from a dossier: a catalogue of kinds and ``schrijf``.

Each kind has a Dutch title, a template file (``templates/*.docx``, see ``render``) and a pure
``context`` function from the dossier (and options) to plain data: strings, dates, lists and dicts.
The template decides the look (red risk factors, green protective ones, struck actions) from flags
in that data, so this module never touches docxtpl.

Need-to-know (decisions D32, D22, annexes C and D): every kind has a recipient in
``methodiek.need_to_know``, and its context is built from the dossier as that recipient may see it
(``voor_ontvanger``: undeclared free text is empty). The PSD/JWW mail, the letter to a detainee and
the Justitiehuis request hold only what those annexes allow; a table sees that a veiligheidsplan
exists, never its content; each page of the veiligheidsplan holds only what its member's role may.

``schrijf`` is the entry point for other commands (``agendeer`` calls it with ``zitting=``,
``vragen=``, ``vraag=``, ``reikwijdte=``, ``tussentijdse_evaluatie=``): keep its signature stable.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date, datetime
from pathlib import Path
from typing import Any

from ketencli import klok, model, store
from ketencli.fouten import GebruiksFout, KetencliFout
from ketencli.methodiek import kijkschema, profielen
from ketencli.methodiek.aanmelding import AANMELDVRAGEN, OMGEKEERDE_RELATIE, relatie_woorden

STAVAZA_LABELS = {
    "gepland": "gepland", "prior": "PRIOR", "aangemeld": "aangemeld", "gestart": "gestart",
    "lopend": "lopend", "afgerond": "afgerond (OK)", "mislukt": "mislukt", "geschrapt": "geschrapt",
}
DOELSTAAT_LABELS = {"lopend": "lopend", "bereikt": "bereikt", "deels-bereikt": "deels bereikt",
                    "niet-bereikt": "niet bereikt"}
ROLLEN = {"slachtoffer": "slachtoffer", "pleger": "pleger", "kind": "kind", "ander": "ander"}
OORDEEL_LABELS = {"voldaan": "voldaan", "niet-voldaan": "niet voldaan", "onbekend": "onbekend"}
VERSCHIL_LABELS = {
    "risico-weg": "risicofactor weggewerkt",
    "risico-minder": "risicofactor bij minder personen",
    "risico-nieuw": "nieuwe risicofactor",
    "beschermend-nieuw": "beschermende factor bijgekomen",
    "beschermend-weg": "beschermende factor verdwenen",
}
STAAT_LABELS = {"aanwezig": "aanwezig", "niet-aanwezig": "niet aanwezig", "onbekend": "onbekend",
                "niet-ingevuld": "niet ingevuld"}


@dataclass(frozen=True)
class Soort:
    key: str
    titel: str
    sjabloon: str
    context: Callable[..., dict[str, Any]]
    uitleg: str


# -- small helpers ---------------------------------------------------------------------------------


def _naam(d: model.Dossier, lid_id: str) -> str:
    lid = d.lid(lid_id)
    return lid.naam if lid else lid_id


def _namen(d: model.Dossier, ids: list[str]) -> str:
    return ", ".join(_naam(d, i) for i in ids)


def _dienst(d: model.Dossier, waarde: str) -> str:
    """A service id as the service's name; free text stays as it is."""
    dienst = d.dienst(waarde) if waarde else None
    return dienst.naam if dienst else waarde


def _factor_tekst(key: str) -> str:
    factor = kijkschema.factor(key)
    return factor.label if factor else key


# the generic names, when a region has no table for a role (or its settings cannot be read)
_STANDAARD_TAFEL = {"intake": "verkennend casusoverleg", "plan": "weegploeg", "opvolging": "ronde tafel",
                    "afsluiting": "ronde tafel"}
# which role's table a kind is written for (D26; agendeer may pass ``tafel_rol=`` to choose another)
_TAFEL_ROL = {"weegploeg-pva": "plan", "weegploeg-gewijzigd": "plan", "weegploeg-afronding": "plan",
              "rondetafel": "opvolging"}


def _tafel(d: model.Dossier, rol: str) -> dict[str, str]:
    """The region's own table for a role (D26): its name, with article, and capitalised for a title.

    ``planning.tafel_voor_rol`` also demands a rhythm that is set (to compute sessions); a document
    only needs the name, so a table whose rhythm is still in te stellen (West-Vlaanderen) still counts.
    """
    from ketencli import planning
    from ketencli.methodiek import regios

    try:
        tafel = planning.regio(d.regio).tafel_voor_rol(rol)
    except KetencliFout:  # an unknown region, or a settings file that cannot be read
        tafel = None
    if tafel is not None:  # the region's own article ("het Operationeel team")
        naam, met_lidwoord = tafel.naam, tafel.met_lidwoord
    else:
        naam = _STANDAARD_TAFEL.get(rol, rol)
        met_lidwoord = f"{regios.lidwoord_voor(naam)} {naam}"
    return {"naam": naam, "de": met_lidwoord, "titel": naam[:1].upper() + naam[1:]}


def titel(d: model.Dossier, soort_key: str, *, tafel_rol: str | None = None) -> str:
    """The document's title; an agendering names the region's own table ("Agendering Overlegtafel – ...")."""
    s = zoek_soort(soort_key)
    rol = tafel_rol or _TAFEL_ROL.get(s.key)
    if s.key == "aanmelding":  # for the region's intake table (D30)
        return f"Aanmelding – {_tafel(d, 'intake')['titel']}"
    if rol is None:
        return s.titel
    _, _, onderwerp = s.titel.partition(" – ")
    return f"Agendering {_tafel(d, rol)['titel']}" + (f" – {onderwerp}" if onderwerp else "")


def _basis(d: model.Dossier, soort: str, vandaag: date, *, tafel_rol: str | None = None) -> dict[str, Any]:
    return {
        "titel": titel(d, soort, tafel_rol=tafel_rol),
        "soort": soort,
        "dossier_id": d.id,
        "gezin": d.gezin,
        "regio": _woorden(d)["regio_naam"],
        "casusregisseur": _regisseur(d),
        "vandaag": vandaag,
    }


def _regisseur(d: model.Dossier) -> dict[str, str]:
    r = d.casusregisseur
    return {"naam": r.naam, "organisatie": r.organisatie, "contact": r.contact}


# -- plan van aanpak ---------------------------------------------------------------------------------


def _actie(d: model.Dossier, a: model.Actie) -> dict[str, Any]:
    return {
        "omschrijving": a.omschrijving,
        "geschrapt": a.stavaza == "geschrapt",
        "plan_b": a.plan_b,
        "toelichting": a.toelichting,
        "begeleiding": _dienst(d, a.begeleiding),
        "stavaza": STAVAZA_LABELS.get(a.stavaza, a.stavaza),
        "overgedragen_aan": _dienst(d, a.overgedragen_aan),
    }


_LEGE_ACTIE = {"omschrijving": "", "geschrapt": False, "plan_b": "", "toelichting": "", "begeleiding": "",
               "stavaza": "", "overgedragen_aan": ""}


def _pva(d: model.Dossier) -> dict[str, Any]:
    domeinen = []
    for domein in kijkschema.DOMEINEN:
        rijen = []
        for rij in d.pva.rijen:
            if rij.domein != domein.key:
                continue
            rijen.append({
                "id": rij.id,
                "factor": _factor_tekst(rij.factor),
                "risico": rij.soort == "risico",
                "soort": "risicofactor" if rij.soort == "risico" else "beschermende factor",
                "bij_wie": _namen(d, rij.bij_wie),
                "noden": rij.noden,
                "aanpak": rij.aanpak,
                "acties": [_actie(d, a) for a in rij.acties] or [dict(_LEGE_ACTIE)],
            })
        if not rijen:  # an empty domain keeps a blank row to fill in at the table (guide E.1)
            rijen.append({"id": "", "factor": "", "risico": True, "soort": "", "bij_wie": "", "noden": "",
                          "aanpak": "", "acties": [dict(_LEGE_ACTIE)]})
        domeinen.append({"key": domein.key, "naam": domein.naam, "rijen": rijen})
    doelen = []
    for g in d.pva.doelstellingen:
        domein = kijkschema.domein(g.domein) if g.domein else None
        rij = d.pva.rij(g.rij) if g.rij else None
        doelen.append({
            "tekst": g.tekst,
            "bij_wie": _namen(d, g.bij_wie),
            "waar": domein.naam if domein else (_factor_tekst(rij.factor) if rij else ""),
            "streefdatum": g.streefdatum,
            "staat": DOELSTAAT_LABELS.get(g.staat, g.staat),
            "bereikt": g.staat == "bereikt",
        })
    return {
        "profielen": [{"naam": p.naam, "vakje": "☒" if p.key in d.ifg_profielen else "☐"}
                      for p in profielen.PROFIELEN],
        "pva_opgemaakt_op": d.pva.opgemaakt_op,
        "pva_rijen": len(d.pva.rijen),
        "domeinen": domeinen,
        "doelstellingen": doelen,
    }


def context_pva(d: model.Dossier, vandaag: date, **_: Any) -> dict[str, Any]:
    return {**_basis(d, "pva", vandaag), **_pva(d)}


# -- the introduction of an agendering (annex G.2 step 1, F) ----------------------------------------


def _leeftijd(lid: model.Gezinslid, op: date) -> str:
    """"54 jaar"; for a deceased member "overleden 2020 (82 jaar)", never an age as if alive."""
    jaren = lid.leeftijd(op)
    if lid.overleden is not None:
        return f"overleden {lid.overlijdensjaar}" + (f" ({jaren} jaar)" if jaren is not None else "")
    return f"{jaren} jaar" if jaren is not None else ""


def _clienten(d: model.Dossier, op: date) -> list[dict[str, Any]]:
    """The rows of the clients table: the living members only (``Gezinslid.is_client``). A deceased member
    is no client but stays in the family: named (marked "overleden") in the relations of the living. A
    relation recorded on one side only (on the deceased grandfather, say) is shown from the other side too."""
    uit = []
    for lid in d.gezinsleden:
        if not lid.is_client:
            continue
        paren = [(r.soort, r.met, r.vorm) for r in lid.relaties]
        eigen = {r.met for r in lid.relaties}
        paren += [(OMGEKEERDE_RELATIE.get(r.soort, r.soort), ander.id, r.vorm) for ander in d.gezinsleden
                  if ander.id not in eigen and ander.id != lid.id for r in ander.relaties if r.met == lid.id]
        relaties = []
        for soort, met, vorm in paren:
            ander = d.lid(met)
            extra = [x for x in ((vorm or "").replace("-", " "), "overleden" if ander and not ander.is_client else "")
                     if x]
            relaties.append(f"{relatie_woorden(soort, lid.geslacht)} {_naam(d, met)}"
                            + (f" ({', '.join(extra)})" if extra else ""))
        niet = lid.tijdelijk_niet_betrokken
        uit.append({
            "naam": lid.naam,
            "rollen": ", ".join(ROLLEN.get(r, r) for r in lid.rollen),
            "leeftijd": _leeftijd(lid, op),
            "relaties": "; ".join(relaties),
            "detentie": "in detentie" if lid.detentie else "",
            "niet_betrokken": f"tijdelijk niet betrokken: {niet.reden}" if niet else "",
        })
    return uit


def _diensten(d: model.Dossier) -> list[dict[str, str]]:
    return [{"naam": x.naam, "contactpersoon": x.contactpersoon, "contact": x.contact, "rol": x.rol}
            for x in d.betrokken_diensten]


def _veiligheidsplan_samenvatting(d: model.Dossier) -> str:
    """For whom a veiligheidsplan exists and since when; never its content, which stays with the people
    it protects (D32: a table gets no safe place, contacts or escape plan)."""
    if not d.veiligheidsplan:
        return d.aanmelding.veiligheidsplan
    regels = []
    for deel in d.veiligheidsplan:
        voor = _naam(d, deel.lid) if deel.lid else "het gezin"
        datum = deel.herzien_op or deel.opgemaakt_op
        regels.append(f"Er is een veiligheidsplan voor {voor}" + (f" (van {datum:%d/%m/%Y})" if datum else "") + ".")
    regels.append("De inhoud (veilige plek, wie bellen, afspraken) blijft bij wie het plan beschermt.")
    return "\n".join(regels)


def _week(start: date | None, op: date) -> int | None:
    """The week of casusregie ``op`` falls in; week 1 is the week it started (decisions D25)."""
    if start is None or op < start:
        return None
    maandag = start.toordinal() - start.weekday()
    return (op.toordinal() - op.weekday() - maandag) // 7 + 1


def _inleiding(d: model.Dossier, op: date) -> dict[str, Any]:
    a = d.aanmelding
    return {
        # the aanmelding's texts describe the situation at aanmelding, not now (annex G.3)
        "aanmelddatum": a.datum,
        "geweld_bij_aanvang": a.geweld_bij_aanvang,
        "geweld_nu": a.geweld_nu,
        "clienten": _clienten(d, op),
        "clienten_toelichting": a.clienten_en_relaties,
        "noden": a.wensen_en_noden,
        "diensten": _diensten(d),
        "veiligheidsplan": _veiligheidsplan_samenvatting(d),
        "casusregie_start": d.casusregie_start,
        "casusregie_week": _week(d.casusregie_start, op),
        "kinderen_12": [{"naam": k.naam, "leeftijd": _leeftijd(k, op)} for k in d.kinderen_ouder_dan_12(op)],
    }


def _zitting(zitting: datetime | date | None) -> datetime | date | None:
    if isinstance(zitting, datetime) and zitting.tzinfo is not None:
        return zitting.astimezone(klok.TIJDZONE)
    return zitting


def _vergelijking(d: model.Dossier) -> list[dict[str, str]]:
    from ketencli.methodiek import pva_regels

    eerste, laatste = d.kijkschema_instroom, d.kijkschema_actueel
    if eerste is None or laatste is None or eerste is laatste:
        return []
    uit = []
    for v in pva_regels.vergelijk(eerste, laatste):
        factor = kijkschema.factor(v.factor)
        domein = kijkschema.domein(factor.domein) if factor else None
        if v.soort == "risico-minder":
            van, naar = _namen(d, v.van.split(", ")), _namen(d, v.naar.split(", ")) if v.naar else "niemand"
        else:
            van, naar = STAAT_LABELS.get(v.van, v.van), STAAT_LABELS.get(v.naar, v.naar)
        uit.append({
            "factor": _factor_tekst(v.factor),
            "domein": domein.naam if domein else "",
            "risico": factor is not None and factor.soort == "risico",
            "van": van,
            "naar": naar,
            "verandering": VERSCHIL_LABELS.get(v.soort, v.soort),
            "gunstig": v.soort in ("risico-weg", "risico-minder", "beschermend-nieuw"),
        })
    return uit


def _weegploeg(d: model.Dossier, soort: str, vandaag: date, *, zitting: datetime | date | None = None,
               vragen: list[str] | None = None, waarom_nu: str = "", uitgenodigd: list[str] | None = None,
               huidige_situatie: str = "", tafel_rol: str | None = None, **_: Any) -> dict[str, Any]:
    return {
        **_basis(d, soort, vandaag, tafel_rol=tafel_rol),
        **_pva(d),
        **_inleiding(d, vandaag),
        "tafel": _tafel(d, tafel_rol or _TAFEL_ROL[soort]),
        "opvolg_tafel": _tafel(d, "opvolging"),
        # the regisseur's own words on the situation now; empty: lines to write on
        "huidige_situatie": huidige_situatie,
        "zitting": _zitting(zitting),
        "vragen": [v for v in (vragen or []) if v.strip()],
        "waarom_nu": waarom_nu,
        # annex G.1: external expertise the table should invite (service ids or free text)
        "uitgenodigd": [_dienst(d, x) for x in (uitgenodigd or []) if x.strip()],
        "gewijzigd": soort == "weegploeg-gewijzigd",
        "kijkschema_instroom": d.kijkschema_instroom.datum if d.kijkschema_instroom else None,
        "kijkschema_actueel": d.kijkschema_actueel.datum if d.kijkschema_actueel else None,
    }


def context_weegploeg_pva(d: model.Dossier, vandaag: date, **opties: Any) -> dict[str, Any]:
    return _weegploeg(d, "weegploeg-pva", vandaag, **opties)


def context_weegploeg_gewijzigd(d: model.Dossier, vandaag: date, **opties: Any) -> dict[str, Any]:
    return _weegploeg(d, "weegploeg-gewijzigd", vandaag, **opties)


def _afrondingstoets(d: model.Dossier, vandaag: date) -> list[dict[str, Any]] | None:
    """The criteria of the afrondingstoets, or None while that module is not available."""
    try:
        from ketencli.methodiek.afronding import toets
    except ImportError:
        return None
    return [{
        "titel": c.titel,
        "oordeel": OORDEEL_LABELS.get(c.oordeel, c.oordeel),
        "voldaan": c.oordeel == "voldaan",
        "bewijs": list(c.bewijs),
        "wat_te_doen": c.wat_te_doen if c.oordeel != "voldaan" else "",
    } for c in toets(d, vandaag)]


def context_weegploeg_afronding(d: model.Dossier, vandaag: date, **opties: Any) -> dict[str, Any]:
    ctx = _weegploeg(d, "weegploeg-afronding", vandaag, **opties)
    criteria = _afrondingstoets(d, vandaag)
    ondernomen = []
    for rij in d.pva.rijen:
        for a in rij.acties:
            ondernomen.append({**_actie(d, a), "factor": _factor_tekst(rij.factor), "bij_wie": _namen(d, rij.bij_wie)})
    ctx.update({
        "criteria": criteria or [],
        "toets_beschikbaar": criteria is not None,
        "vergelijking": _vergelijking(d),
        "ondernomen": ondernomen,
        "vervolghulp": d.afronding.vervolghulp,
        "extra_veiligheidsacties": d.afronding.extra_veiligheidsacties,
    })
    return ctx


def context_rondetafel(d: model.Dossier, vandaag: date, *, zitting: datetime | date | None = None,
                       vraag: str = "", reikwijdte: model.RondetafelReikwijdte | None = None,
                       tussentijdse_evaluatie: bool = False, na_weegploeg: bool | None = None,
                       huidige_situatie: str = "", tafel_rol: str | None = None, **_: Any) -> dict[str, Any]:
    reikwijdte = reikwijdte or model.RondetafelReikwijdte()
    if na_weegploeg is None:  # after the weegploeg once a PvA agendering there was discussed
        from ketencli.methodiek import gereedheid

        na_weegploeg = gereedheid.na_weegploeg(d)
    domeinen = [(kijkschema.domein(k).naam if kijkschema.domein(k) else k) for k in reikwijdte.domeinen]
    tafel, plan_tafel = _tafel(d, tafel_rol or "opvolging"), _tafel(d, "plan")
    if plan_tafel["naam"] == tafel["naam"]:  # Leuven: one table for both, so name the discussion instead
        plan_tafel = {**plan_tafel, "de": "de bespreking van het plan van aanpak"}
    return {
        **_basis(d, "rondetafel", vandaag, tafel_rol=tafel_rol),
        **_pva(d),
        **_inleiding(d, vandaag),
        "tafel": tafel,
        "plan_tafel": plan_tafel,
        "huidige_situatie": huidige_situatie,
        "zitting": _zitting(zitting),
        "vraag": vraag,
        "na_weegploeg": na_weegploeg,
        "tussentijdse_evaluatie": tussentijdse_evaluatie,
        "reikwijdte": {
            "leden": _namen(d, reikwijdte.leden),
            "domeinen": ", ".join(domeinen),
            "tafelleden": ", ".join(_dienst(d, t) for t in reikwijdte.tafelleden),
        },
        "vergelijking": _vergelijking(d) if tussentijdse_evaluatie else [],
    }


def context_aanmelding(d: model.Dossier, vandaag: date, *, zitting: datetime | date | None = None,
                       **_: Any) -> dict[str, Any]:
    a = d.aanmelding
    return {
        **_basis(d, "aanmelding", vandaag),
        "zitting": _zitting(zitting),
        "aanmelddatum": a.datum,
        "aanmelder": {"organisatie": a.aanmelder.organisatie, "persoon": a.aanmelder.persoon,
                      "contact": a.aanmelder.contact},
        "vragen": [{"vraag": v.vraag, "antwoord": getattr(a, v.key)} for v in AANMELDVRAGEN],
        "clienten": _clienten(d, vandaag),
        "diensten": _diensten(d),
    }


def context_veiligheidsplan(d: model.Dossier, vandaag: date, *, lid: str | None = None,
                            **_: Any) -> dict[str, Any]:
    if lid is not None and d.lid(lid) is None:
        raise GebruiksFout(f"--lid {lid}: dat gezinslid bestaat niet in dossier {d.id} "
                           f"(leden: {', '.join(x.id for x in d.gezinsleden) or 'geen'}).")
    from ketencli.methodiek import need_to_know

    personen = []
    for x in d.gezinsleden:
        if (lid is not None and x.id != lid) or (lid is None and not x.is_client):  # no page for the deceased
            continue
        # each page holds only what this member's role may hold (D32): the own plan, and of the gezin's
        # plan only the fields of GEZINSPLAN_OP_PAGINA (nothing for a pleger)
        voor_x = need_to_know.beperk(d, need_to_know.pagina_ontvanger(x.rollen).velden, lid=x.id)
        deel = next((v for v in voor_x.veiligheidsplan if v.lid == x.id), None)
        gezin = next((v for v in voor_x.veiligheidsplan if v.lid is None), None)
        bron = deel or gezin or model.VeiligheidsplanDeel(lid=x.id)
        personen.append({
            "naam": x.naam,
            "signalen": list(bron.waarschuwingssignalen),
            "wat_te_doen": list(bron.wat_te_doen),
            "veilige_plek": bron.veilige_plek,
            "wie_bellen": [{"naam": c.naam, "telefoon": c.telefoon, "rol": c.rol} for c in bron.wie_bellen],
            "afspraken": list(bron.afspraken),
            "datum": bron.herzien_op or bron.opgemaakt_op,
        })
    if not personen:  # a dossier without members: one blank form
        personen.append({"naam": "", "signalen": [], "wat_te_doen": [], "veilige_plek": "", "wie_bellen": [],
                         "afspraken": [], "datum": None})
    return {**_basis(d, "veiligheidsplan", vandaag), "personen": personen}


# -- need-to-know documents (annexes C and D, D22) -----------------------------------------------------


def _gedetineerde(d: model.Dossier, lid: str | None) -> model.Gezinslid:
    if lid is not None:
        gevonden = d.lid(lid)
        if gevonden is None:
            raise GebruiksFout(f"--lid {lid}: dat gezinslid bestaat niet in dossier {d.id} "
                               f"(leden: {', '.join(x.id for x in d.gezinsleden) or 'geen'}).")
        if gevonden.detentie is None:
            raise KetencliFout(f"Lid {lid} van dossier {d.id} is niet in detentie.",
                               tip=f"Noteer de detentie met `ketencli dossier lid edit {d.id} {lid}`.")
        return gevonden
    in_detentie = [x for x in d.gezinsleden if x.detentie is not None]
    if not in_detentie:
        raise KetencliFout(f"Geen enkel gezinslid van dossier {d.id} is in detentie: dit document is voor "
                           "een gedetineerde (bijlage D).",
                           tip=f"Noteer de detentie met `ketencli dossier lid edit {d.id} LID`.")
    if len(in_detentie) > 1:
        raise GebruiksFout(f"Meer dan één gezinslid van dossier {d.id} is in detentie "
                           f"({', '.join(x.id for x in in_detentie)}): kies er een met --lid.")
    return in_detentie[0]


def _gevangenis(lid: model.Gezinslid) -> dict[str, Any]:
    """The prison for the templates, with annex D's route (methodiek.bijlage_d, the one reading, D22)."""
    from ketencli.methodiek import bijlage_d, gevangenissen

    assert lid.detentie is not None
    g = gevangenissen.gevangenis(lid.detentie.gevangenis)
    naam = g.naam if g else lid.detentie.gevangenis
    route = bijlage_d.route(lid.detentie.gevangenis)
    return {"naam": naam, "in": _in_gevangenis(naam), "kempen": route.kempen, "jww_mailen": route.jww_mailen,
            "brief": route.brief}


def _in_gevangenis(naam: str) -> str:
    """The prison as it reads after "in": "de gevangenis van Brugge", "het Penitentiair Schoolcentrum
    Hoogstraten", "de hulpgevangenis van Leuven"; a name typed freely stays as it is."""
    naam = naam.strip()
    eerste, _, rest = naam.partition(" ")
    if eerste in ("Gevangenis", "Hulpgevangenis") and rest:
        return f"de {eerste.lower()} {rest if rest.startswith('van ') else 'van ' + rest}"
    if eerste in ("Penitentiair", "Centrum"):
        return f"het {naam}"
    if eerste in ("Inrichting", "Instelling"):
        return f"de {naam}"
    return naam


def _ontvangers(d: model.Dossier, soorten: tuple[str, ...]) -> list[dict[str, str]]:
    return [{"naam": x.naam, "contactpersoon": x.contactpersoon, "contact": x.contact}
            for x in d.betrokken_diensten if x.soort in soorten]


def _need_to_know(d: model.Dossier, soort: str, vandaag: date) -> dict[str, Any]:
    """Only the regisseur, region and date: nothing of the case itself."""
    woorden = _woorden(d)  # D30: in Antwerp the CO3-criminoloog
    regisseur = _regisseur(d)
    if not _voor_casusregie(d) and not regisseur["naam"].strip():
        # in casusregie without a recorded name: lines to fill in and sign, never "no casusregie yet"
        regisseur = {k: v or "______________________________" for k, v in regisseur.items()}
    return {"titel": SOORTEN[soort].titel, "soort": soort, "dossier_id": d.id,
            "regio": woorden["regio_naam"], "casusregisseur": regisseur,
            "vandaag": vandaag, "casusregie_actief": d.fase == "casusregie",
            "voor_casusregie": _voor_casusregie(d),
            # before casusregie the parket's contact is the link (annex D, L1509-1511, D22, D30)
            "verbindingsfiguur": woorden["parket_contact_functie"],
            "verbindingsfiguur_de": woorden["parket_contact"]}


# fases in which a casusregie runs or ran (the same reading as the checklists' "geen-actieve-regie")
def _voor_casusregie(d: model.Dossier) -> bool:
    """Before (or without) casusregie: the region's link signs. A dossier in casusregie is never
    "nog geen actieve casusregie", even when no regisseur is recorded yet (issue "methode" item 6);
    the one reading is ``methodiek.aanmelding.regie_actief``, as for the checklists."""
    from ketencli.methodiek import aanmelding

    return not aanmelding.regie_actief(d)


def context_psd_jww_mail(d: model.Dossier, vandaag: date, *, lid: str | None = None, **_: Any) -> dict[str, Any]:
    x = _gedetineerde(d, lid)
    gevangenis = _gevangenis(x)
    return {
        **_need_to_know(d, "psd-jww-mail", vandaag),
        "gedetineerde": {"naam": x.naam, "geboortedatum": x.geboortedatum},
        "gevangenis": gevangenis,
        "psd": _ontvangers(d, ("psd",)),
        # annex D.3: in the Kempen prisons JWW Turnhout is not mailed (the detainee gets a letter)
        "jww": _ontvangers(d, ("jww",)) if gevangenis["jww_mailen"] else [],
    }


def context_brief_gedetineerde(d: model.Dossier, vandaag: date, *, lid: str | None = None,
                               **_: Any) -> dict[str, Any]:
    x = _gedetineerde(d, lid)
    gevangenis = _gevangenis(x)
    if not gevangenis["brief"]:  # annex D.3: the letter replaces informing JWW Turnhout, only there
        raise KetencliFout(
            f"De brief aan de gedetineerde is alleen voor een gevangenis in de Kempen (Justitieel Welzijnswerk "
            f"Turnhout, bijlage D.3), en lid {x.id} zit niet in een Kempische gevangenis. Buiten de Kempen "
            "krijgen de psychosociale dienst (PSD) en Justitieel Welzijnswerk (JWW) samen één mail.",
            tip=f"Maak die mail met `ketencli doc {d.id} psd-jww-mail" + (f" --lid {x.id}" if lid else "") + "`.",
        )
    return {
        **_need_to_know(d, "brief-gedetineerde", vandaag),
        "gedetineerde": {"naam": x.naam},
        "gevangenis": gevangenis,
    }


def context_justitiehuis(d: model.Dossier, vandaag: date, *, lid: str | None = None, **_: Any) -> dict[str, Any]:
    maatregel = d.dringende_maatregelen[-1] if d.dringende_maatregelen else None
    if lid is not None:
        betrokkene = d.lid(lid)
        if betrokkene is None:
            raise GebruiksFout(f"--lid {lid}: dat gezinslid bestaat niet in dossier {d.id}.")
        betrokkenen = [betrokkene]
    else:
        betrokkenen = [x for x in d.gezinsleden if "pleger" in x.rollen]
    return {
        **_need_to_know(d, "justitiehuis", vandaag),
        "betrokkenen": [{"naam": x.naam, "geboortedatum": x.geboortedatum} for x in betrokkenen],
        # annex C (L1466): only a table's decision makes a measure urgent; none recorded: blanks to fill in
        "maatregel_genoteerd": maatregel is not None,
        "maatregel": {
            "beslist_op": maatregel.beslist_op if maatregel else None,
            "tafel": maatregel.tafel if maatregel else "",
            "omschrijving": maatregel.maatregel if maatregel else "",
        },
        "justitiehuis": _ontvangers(d, ("justitiehuis",)),
    }


# -- the catalogue -----------------------------------------------------------------------------------

SOORTEN: dict[str, Soort] = {s.key: s for s in (
    Soort("pva", "Plan van aanpak", "plan-van-aanpak.docx", context_pva,
          "het plan van aanpak op A4 liggend, per domein, zoals in de gids (bijlage E.11)"),
    Soort("weegploeg-pva", "Agendering weegploeg – voorzet plan van aanpak", "agendering-weegploeg.docx",
          context_weegploeg_pva, "agendering van een (eerste) plan van aanpak op de weegploeg (bijlage G.2)"),
    Soort("weegploeg-gewijzigd", "Agendering weegploeg – fundamenteel gewijzigd plan van aanpak",
          "agendering-weegploeg.docx", context_weegploeg_gewijzigd,
          "agendering van een fundamenteel gewijzigd plan van aanpak (bijlage G.2)"),
    Soort("weegploeg-afronding", "Agendering weegploeg – motivering tot afronding",
          "agendering-weegploeg-afronding.docx", context_weegploeg_afronding,
          "motivering tot afronding: doelstellingen, afrondingstoets en kijkschema (bijlage G.3)"),
    Soort("rondetafel", "Agendering ronde tafel", "agendering-rondetafel.docx", context_rondetafel,
          "agendering op de ronde tafel: de vraag, de afbakening, tussentijdse evaluatie (bijlage F)"),
    Soort("aanmelding", "Aanmelding verkennend casusoverleg", "aanmelding.docx", context_aanmelding,
          "het aanmeldingsformulier met de vragen van de gids (II.C)"),
    Soort("veiligheidsplan", "Veiligheidsplan", "veiligheidsplan.docx", context_veiligheidsplan,
          "een pagina per persoon, om op papier mee te werken (--lid voor één persoon)"),
    Soort("psd-jww-mail", "Eerste contact PSD en JWW", "psd-jww-mail.docx", context_psd_jww_mail,
          "tekst voor de mail aan PSD en JWW, alleen need-to-know (bijlage D)"),
    Soort("brief-gedetineerde", "Brief aan de gedetineerde", "brief-gedetineerde.docx",
          context_brief_gedetineerde, "brief aan een gedetineerde in een Kempische gevangenis (bijlage D.3)"),
    Soort("justitiehuis", "Vraag aan het Justitiehuis: versnelde opstart", "justitiehuis.docx",
          context_justitiehuis, "mail aan het Justitiehuis voor een versnelde opstart (bijlage C)"),
)}


# which kinds use which option of `ketencli doc` (agendeer passes more, through schrijf)
_AGENDERINGEN = ("weegploeg-pva", "weegploeg-gewijzigd", "weegploeg-afronding", "rondetafel")
OPTIES: dict[str, tuple[str, ...]] = {
    "zitting": (*_AGENDERINGEN, "aanmelding"),
    "vragen": _AGENDERINGEN,
    "lid": ("veiligheidsplan", "psd-jww-mail", "brief-gedetineerde", "justitiehuis"),
    "huidige_situatie": ("weegploeg-pva", "weegploeg-gewijzigd", "weegploeg-afronding", "rondetafel"),
}


def waarschuwingen(d: model.Dossier, soort_key: str) -> list[str]:
    """What the regisseur must know before sending a document: Dutch sentences, no case data."""
    s = zoek_soort(soort_key)
    uit = []
    if s.key == "psd-jww-mail":
        uit.append("Dit is de tekst voor één mail aan PSD en JWW, alleen need-to-know (bijlage D). De gevangenis "
                   "registreert mails in het dossier van de gedetineerde, dat de gedetineerde en zijn advocaat mogen "
                   "inzien: voeg geen dossierinformatie toe.")
        if any(x.detentie and _gevangenis(x)["kempen"] for x in d.gezinsleden):
            uit.append("Kempische gevangenis: mail alleen de PSD, op het algemene adres. Justitieel Welzijnswerk "
                       "Turnhout informeer je niet zelf: schrijf een brief aan de gedetineerde met "
                       f"`ketencli doc {d.id} brief-gedetineerde`.")
    if s.key == "justitiehuis":
        uit.append("Dit is de tekst voor de mail aan de teamverantwoordelijke van het Justitiehuis (bijlage C). "
                   "Zet de operationeel coördinator en het algemene adres van het Justitiehuis in cc.")
    if s.key in ("psd-jww-mail", "brief-gedetineerde") and _voor_casusregie(d):
        wie = _need_to_know(d, s.key, klok.vandaag())["verbindingsfiguur_de"]
        voor = "PSD en JWW" if s.key == "psd-jww-mail" else "de gedetineerde"
        uit.append(f"Dossier {d.id} heeft nog geen actieve casusregie: in deze fase is {wie} het aanspreekpunt "
                   f"voor {voor} (bijlage D). De naam en contactgegevens zijn open gelaten om in te vullen en te "
                   "ondertekenen.")
    if s.key in ("psd-jww-mail", "brief-gedetineerde") and not _voor_casusregie(d) \
            and not d.casusregisseur.naam.strip():
        uit.append(f"De naam van de casusregisseur van dossier {d.id} is niet ingevuld: naam en contactgegevens "
                   "zijn open gelaten om in te vullen. Leg de regisseur vast met "
                   f"`ketencli dossier regisseur {d.id} --naam ... --organisatie ... --contact ...` (of met "
                   "--profiel: jij, uit `ketencli profiel`).")
    if s.key == "justitiehuis" and not d.dringende_maatregelen:
        tafels = _tafels_van_de_regio(d)
        uit.append(f"In dossier {d.id} is geen beslissing over een dringende maatregel genoteerd: de tafel en de "
                   "datum van de beslissing zijn open gelaten. Stuur de mail alleen als een overlegtafel"
                   + (f" – {_of_lijst(tafels)} –" if tafels else "") + " besliste dat een justitiële maatregel "
                   f"hoogdringend is (bijlage C). Noteer de beslissing met `ketencli stap {d.id} dringende-maatregel "
                   "--beslist-op DATUM --tafel ...`.")
    return uit


def _of_lijst(namen: list[str]) -> str:
    """'A', 'A of B', 'A, B of C'."""
    return namen[0] if len(namen) == 1 else ", ".join(namen[:-1]) + " of " + namen[-1]


def _tafels_van_de_regio(d: model.Dossier) -> list[str]:
    """The names of the region's own tables (D26, D30), each once; none when the region is unknown."""
    from ketencli import planning

    try:
        r = planning.regio(d.regio)
    except KetencliFout:
        return []
    namen = [t.naam for rol in ("intake", "opvolging", "plan") if (t := r.tafel_voor_rol(rol)) is not None]
    return list(dict.fromkeys(namen))


def zoek_soort(key: str) -> Soort:
    gevonden = SOORTEN.get(key)
    if gevonden is None:
        raise GebruiksFout(f"Onbekende documentsoort '{key}'. Kies uit: {', '.join(SOORTEN)}.",
                           tip="`ketencli doc --help` toont wat elke soort is.")
    return gevonden


def soort_van_sjabloon(bestandsnaam: str) -> list[Soort]:
    return [s for s in SOORTEN.values() if s.sjabloon == bestandsnaam]


def voor_ontvanger(d: model.Dossier, soort_key: str) -> model.Dossier:
    """The dossier as the kind's recipient may see it: every free-text field that recipient may not
    carry is empty (``methodiek.need_to_know``, D32). The veiligheidsplan restricts per page itself."""
    from ketencli.methodiek import need_to_know

    ontvanger = need_to_know.UITVOER[soort_key]
    if ontvanger == "lid":
        return d
    return need_to_know.beperk(d, need_to_know.ONTVANGERS[ontvanger].velden)


def gepseudonimiseerd(d: model.Dossier, opties: dict[str, Any]) -> tuple[model.Dossier, dict[str, Any]]:
    """The dossier and the command's texts (a question, the current situation) without names, birth
    dates and contact details (``methodiek.pseudoniem``, issue 20 §9): one step for every kind."""
    from ketencli.methodiek import pseudoniem

    tekst = pseudoniem.tekstvervanger(d)
    schoon = {k: tekst(v) if isinstance(v, str) else [tekst(x) if isinstance(x, str) else x for x in v]
              if isinstance(v, list) else v for k, v in opties.items()}
    return pseudoniem.pseudonimiseer(d), schoon


def _context(s: Soort, d: model.Dossier, vandaag: date, *, pseudoniem: bool = False,
             **opties: Any) -> dict[str, Any]:
    if pseudoniem:
        d, opties = gepseudonimiseerd(d, opties)
    ctx = s.context(voor_ontvanger(d, s.key), vandaag, **opties)
    ctx.setdefault("woorden", _woorden(d))  # the region's words (D30), no case data
    if pseudoniem:  # the reader must see it is not the real document
        ctx["titel"] = f"{ctx.get('titel') or s.titel} {PSEUDONIEM_TITEL}"
        ctx["pseudoniem"] = True
    if s.sjabloon in _MET_GENOGRAM and "genogram" not in ctx:
        ctx["genogram"] = _genogram(voor_ontvanger(d, s.key), vandaag, s.sjabloon)
    return ctx


# the documents that show the genogram in stap 1 (issue 16; guide L1722-1726 plan, L1806 afronding)
_MET_GENOGRAM = ("agendering-weegploeg.docx", "agendering-weegploeg-afronding.docx", "agendering-rondetafel.docx",
                 "aanmelding.docx")


def _genogram(d: model.Dossier, vandaag: date, sjabloon: str) -> Any:
    """The genogram picture (``render.Afbeelding``, 16 cm wide), or None: no members yet, or an aanmelding
    whose relations are not known."""
    from ketencli import genogram, render

    if not d.gezinsleden or (sjabloon == "aanmelding.docx" and not any(lid.relaties for lid in d.gezinsleden)):
        return None
    _, png = genogram.teken(d, vandaag)
    return render.Afbeelding(png, 16.0)


def context(d: model.Dossier, soort_key: str, *, vandaag: date | None = None, pseudoniem: bool = False,
            **opties: Any) -> dict[str, Any]:
    """The template context of one kind, as plain data: only what its recipient may carry (D32). Every kind
    also gets ``woorden``: the words of the dossier's region (D30: ``{{ woorden.intake }}`` "het ICO" ...).
    ``pseudoniem``: from the pseudonymised dossier, "(gepseudonimiseerd)" in the title (issue 20 §9)."""
    return _context(zoek_soort(soort_key), d, vandaag or klok.vandaag(), pseudoniem=pseudoniem, **opties)


def _woorden(d: model.Dossier) -> dict[str, str]:
    from ketencli import planning

    return planning.woorden(d.regio)


def voorbeeld_context(soort_key: str) -> dict[str, Any]:
    """The context of a kind from a tiny sample dossier (for `templates check`): every key, default options."""
    # every optional field filled and every list one item long, so that an {% if %} or {% for %} block of a
    # (user) template is rendered in the trial too (a filter on the wrong field fails here, not at the table)
    dag = date(2026, 1, 5)
    d = model.Dossier(
        id="2026-001", regio="co3-antwerpen", gezin="Voorbeeld", casusregie_start=dag,
        aanmelding=model.Aanmelding(datum=dag),
        gezinsleden=[
            model.Gezinslid(id="m1", naam="Voorbeeld", rollen=["pleger"], geboortedatum=date(1990, 1, 1),
                            detentie=model.Detentie(gevangenis="merksplas", soort="veroordeeld")),
            model.Gezinslid(id="m2", naam="Voorbeeld", rollen=["kind"], geboortedatum=date(2012, 1, 1)),
        ],
        betrokken_diensten=[model.BetrokkenDienst(id=f"d{i}", soort=soort, naam="Voorbeeld")  # type: ignore[arg-type]
                            for i, soort in enumerate(("psd", "jww", "justitiehuis"), start=1)],
        pva=model.Pva(opgemaakt_op=dag,
                      rijen=[model.PvaRij(id="r1", domein="geweld", factor="geweld-eerder", bij_wie=["m1"],
                                          acties=[model.Actie(omschrijving="Voorbeeld", start=dag, einde=dag)])],
                      doelstellingen=[model.Doelstelling(id="g1", tekst="Voorbeeld", bij_wie=["m1"], domein="geweld",
                                                         streefdatum=dag)]),
        kijkschema=[model.KijkschemaMoment(datum=dag, factoren=[model.FactorBeoordeling(
                        factor="geweld-eerder", staat="aanwezig", bij_wie=["m1"])]),
                    model.KijkschemaMoment(datum=date(2026, 3, 2), factoren=[model.FactorBeoordeling(
                        factor="geweld-eerder", staat="niet-aanwezig")])],
        veiligheidsplan=[model.VeiligheidsplanDeel(
            lid="m1", waarschuwingssignalen=["Voorbeeld"], wat_te_doen=["Voorbeeld"], afspraken=["Voorbeeld"],
            wie_bellen=[model.Contactpersoon(naam="Voorbeeld")], opgemaakt_op=dag, herzien_op=dag)],
        dringende_maatregelen=[model.DringendeMaatregel(beslist_op=dag, tafel="Voorbeeld", maatregel="Voorbeeld")],
    )
    opties = {"zitting": datetime(2026, 4, 7, 13, 0, tzinfo=klok.TIJDZONE), "vragen": ["Voorbeeld"],
              "vraag": "Voorbeeld", "uitgenodigd": ["d1"], "waarom_nu": "Voorbeeld", "huidige_situatie": "Voorbeeld",
              "tussentijdse_evaluatie": True}
    return context(d, soort_key, vandaag=date(2026, 4, 1), **opties)


PSEUDONIEM_TITEL = "(gepseudonimiseerd)"
PSEUDONIEM_ACHTERVOEGSEL = "-pseudoniem"


def bestandsnaam(soort_key: str, vandaag: date, *, pseudoniem: bool = False, lid: str | None = None) -> str:
    """``<date>_<soort>.docx``, ``<date>_<soort>-m2.docx`` (one member's document beside the family's),
    ``<date>_<soort>-pseudoniem.docx``: ids only, never a name (D4)."""
    return (f"{vandaag.isoformat()}_{soort_key}{f'-{lid}' if lid else ''}"
            f"{PSEUDONIEM_ACHTERVOEGSEL if pseudoniem else ''}.docx")


def standaard_pad(dossier_id: str, soort_key: str, vandaag: date, *, pseudoniem: bool = False,
                  lid: str | None = None) -> Path:
    return store.documenten_dir(dossier_id, maak=True) / bestandsnaam(soort_key, vandaag, pseudoniem=pseudoniem,
                                                                      lid=lid)


def schrijf(dossier: model.Dossier, soort: str, *, doel: Path | None = None, overschrijf: bool = False,
            vandaag: date | None = None, pseudoniem: bool = False, **opties: Any) -> Path:
    """Render one kind from the dossier and write it; returns the path.

    By default the file is ``documenten/<date>_<soort>.docx`` of the dossier (no names in file
    names); an existing file is refused unless ``overschrijf``. Options are the kind's own
    (``zitting``, ``vragen``, ``vraag``, ``reikwijdte``, ``tussentijdse_evaluatie``, ``lid`` ...);
    options a kind does not use are ignored. ``pseudoniem``: rendered from the pseudonymised dossier
    (``gepseudonimiseerd``), the file named ``<date>_<soort>-pseudoniem.docx``.
    """
    from ketencli import render

    s = zoek_soort(soort) if isinstance(soort, str) else soort
    vandaag = vandaag or klok.vandaag()
    lid = opties.get("lid") if s.key in OPTIES["lid"] else None
    if lid and (wie := dossier.lid(lid)) is not None and not wie.is_client:  # no plan or letter for the dead
        raise KetencliFout(f"--lid {lid}: {wie.naam} is overleden; voor een overleden gezinslid maak je geen "
                           f"{titel(dossier, s.key)}.", tip="Kies een levend gezinslid met --lid.")
    if lid and not re.fullmatch(r"m\d+", str(lid)):  # an id chosen as a slug may be a name: its place instead
        lid = f"lid{next((i for i, x in enumerate(dossier.gezinsleden, 1) if x.id == lid), 0)}"
    pad = Path(doel) if doel is not None else standaard_pad(dossier.id, s.key, vandaag, pseudoniem=pseudoniem,
                                                            lid=lid)
    if pad.exists() and pad.is_dir():
        pad = pad / bestandsnaam(s.key, vandaag, pseudoniem=pseudoniem, lid=lid)
    if pad.suffix.lower() != ".docx":
        if not pad.suffix and not pad.exists():  # meant as a folder (a trailing / is lost in a Path)
            raise KetencliFout(f"De map {pad} bestaat niet.",
                               tip="Maak ze eerst aan, of geef een bestandsnaam op .docx, bv. --uit ~/pva.docx.")
        raise GebruiksFout(f"{pad.name}: een document heeft de extensie .docx.",
                           tip="Geef een bestandsnaam die eindigt op .docx, of een bestaande map.")
    # first: an unknown --lid is said before "already exists"
    ctx = _context(s, dossier, vandaag, pseudoniem=pseudoniem, **opties)
    if pad.exists() and not overschrijf:
        raise KetencliFout(f"Het document {pad.name} bestaat al.",
                           tip="Gebruik --overschrijf om het te vervangen, of --uit voor een andere plek.")
    if not pad.parent.is_dir():
        raise KetencliFout(f"De map {pad.parent} bestaat niet.", tip="Maak ze eerst aan of kies een andere --uit.")
    inhoud = render.vul_in(s.sjabloon, ctx)
    render.schrijf(pad, inhoud)
    return pad


def gemaakt(dossier_id: str) -> list[dict[str, Any]]:
    """The documents in the dossier's documenten/ folder: date, kind, file name, last change."""
    map_ = store.documenten_dir(dossier_id)
    if not map_.is_dir():
        return []
    uit = []
    wees = store.onvoltooide_bestanden(dossier_id)  # from a run killed before it saved (issue 20 §4)
    for pad in sorted(map_.glob("*.docx")):
        if pad.name in wees:
            continue
        datum_tekst, _, rest = pad.stem.partition("_")
        # <soort>[-<lid>][-pseudoniem][-2]: the longest kind the name starts with
        soort_key = next((k for k in sorted(SOORTEN, key=len, reverse=True)
                          if rest == k or rest.startswith(k + "-")), rest)
        pseudo = soort_key in SOORTEN and PSEUDONIEM_ACHTERVOEGSEL in rest[len(soort_key):]
        try:
            datum = date.fromisoformat(datum_tekst)
        except ValueError:
            datum = None
        gewijzigd = datetime.fromtimestamp(pad.stat().st_mtime, klok.TIJDZONE)
        uit.append({"bestand": pad.name, "datum": datum, "soort": soort_key if soort_key in SOORTEN else "",
                    "titel": (SOORTEN[soort_key].titel + (f" {PSEUDONIEM_TITEL}" if pseudo else "")
                              if soort_key in SOORTEN else ""), "gewijzigd": gewijzigd,
                    "pseudoniem": pseudo, "pad": pad})
    return uit


# -- reports over many dossiers (issue 17): no dossier, no names ------------------------------------------


@dataclass(frozen=True)
class Rapport:
    """A report for the stuurgroep built from published figures only (never from a dossier): its
    template and a sample context for `templates check`."""

    key: str
    titel: str
    sjabloon: str
    voorbeeld: Callable[[], dict[str, Any]]


def context_beleidssignalen(rapport: dict[str, Any], vandaag: date, *, grafiek: Any = None) -> dict[str, Any]:
    """The Word report of `ketencli beleidssignalen` from its published figures (``methodiek.knelpunten
    .publiceer`` plus ``periode``, ``regio``, ``dossiers``): every count already "< 5" or "x" where needed,
    descriptions only of deelbaar knelpunten, anonymised. ``grafiek``: a ``render.Afbeelding`` or None.
    Sections without content are left out by the template (``leeg``, empty lists)."""
    from ketencli import statistiek

    def tekst(n: Any) -> str:
        return str(n)

    categorieen = [c for c in rapport["categorieen"] if c["aantal"] != 0]
    omschrijvingen = [{"label": c["label"], "teksten": c["omschrijvingen"]} for c in categorieen
                      if c["omschrijvingen"]]
    return {
        "titel": RAPPORTEN["beleidssignalen"].titel,
        "vandaag": vandaag,
        "regio": rapport["regio_naam"],
        "periode": rapport["periode_tekst"],
        "leeg": rapport["totaal"] == 0,
        "totaal": tekst(rapport["totaal"]),
        "dossiers": tekst(rapport["dossiers"]),
        "categorieen": [{"label": c["label"], "aantal": tekst(c["aantal"]),
                         "diensten": "; ".join(f"{x['label']}: {x['aantal']}" for x in c["per_dienst"])}
                        for c in categorieen],
        "diensten": [{"label": x["label"], "aantal": tekst(x["aantal"])} for x in rapport["diensten"]],
        "regios": [{"label": x["label"], "aantal": tekst(x["aantal"])} for x in rapport["regios"]]
        if len(rapport["regios"]) > 1 else [],
        "omschrijvingen": omschrijvingen,
        "overige_omschrijvingen": list(rapport["overige_omschrijvingen"]),
        "verborgen": any(x == "x" for x in [rapport["totaal"], *(c["aantal"] for c in categorieen),
                                             *(x["aantal"] for x in rapport["diensten"]),
                                             *(x["aantal"] for x in rapport["regios"]),
                                             *(d["aantal"] for c in categorieen for d in c["per_dienst"])]),
        "kleine_cel": statistiek.KLEINE_CEL,
        "grafiek": grafiek,
    }


def _voorbeeld_beleidssignalen() -> dict[str, Any]:
    rapport = {"regio_naam": "alle regio's", "periode_tekst": "van 1 januari 2026 tot en met 31 december 2026",
               "totaal": "x", "dossiers": 7,
               "categorieen": [{"label": "Wachtlijst", "aantal": 6, "omschrijvingen": ["Voorbeeld"],
                                "per_dienst": [{"label": "CGG", "aantal": 6}]},
                               {"label": "Informatiedeling", "aantal": "< 5", "omschrijvingen": [],
                                "per_dienst": [{"label": "politie", "aantal": "< 5"}]}],
               "diensten": [{"label": "CGG", "aantal": 6}], "regios": [{"label": "Voorbeeld", "aantal": 6},
                                                                     {"label": "Voorbeeld", "aantal": "< 5"}],
               "overige_omschrijvingen": ["Voorbeeld"]}
    return context_beleidssignalen(rapport, date(2026, 4, 1), grafiek=None)


def context_jaarcijfers(resultaat: dict[str, Any], regios: list[dict[str, Any]], grafieken: list[dict[str, Any]],
                        vandaag: date) -> dict[str, Any]:
    """The context of ``jaarcijfers.docx``: ``titel``, ``jaar``, ``peildatum`` (a date), ``regio_namen``,
    ``onderdrukking`` (how small counts are shown), ``grafieken`` (``titel``, ``bijschrift``, ``beeld``: a
    ``render.Afbeelding``), ``regios`` (``naam``, ``secties``: ``titel``, ``rijen``: ``label``, ``tekst``),
    ``definities`` (``cijfer``, ``uitleg``) and ``niet_gelezen`` (text, may be empty). Only published
    figures (``statistiek.aantal``) go in: no dossier is read here."""
    from ketencli.methodiek import cijfers
    from ketencli.statistiek import KLEINE_CEL

    namen = [r["naam"] for r in regios]
    niet_gelezen = resultaat.get("niet_gelezen") or []
    return {
        "titel": f"Jaarcijfers {resultaat['jaar']}",
        "ondertitel": "Ketenaanpak intrafamiliaal geweld – cijfers voor de stuurgroep",
        "jaar": resultaat["jaar"],
        "peildatum": vandaag,
        "regio_namen": ", ".join(namen[:-1]) + " en " + namen[-1] if len(namen) > 1 else "".join(namen),
        "onderdrukking": f"Elk aantal van 1 tot {KLEINE_CEL - 1} staat er als “< {KLEINE_CEL}”, en een mediaan of "
                         f"spreiding over minder dan {KLEINE_CEL} gezinnen wordt niet getoond: zo kan geen cijfer naar "
                         "één gezin wijzen. Namen, geboortedata en vrije tekst uit de dossiers staan er niet in.",
        "grafieken": grafieken,
        "regios": regios,
        "definities": [{"cijfer": c, "uitleg": u} for c, u in cijfers.UITLEG],
        "niet_gelezen": (f"{len(niet_gelezen)} dossier(s) konden niet gelezen worden en ontbreken in deze cijfers."
                         if niet_gelezen else ""),
    }


def _voorbeeld_jaarcijfers() -> dict[str, Any]:
    import struct
    import zlib

    from ketencli import render

    def deel(soort: bytes, data: bytes) -> bytes:
        return struct.pack(">I", len(data)) + soort + data + struct.pack(">I", zlib.crc32(soort + data))

    # a white pixel: the sample picture of the trial render
    png = (b"\x89PNG\r\n\x1a\n" + deel(b"IHDR", struct.pack(">IIBBBBB", 1, 1, 8, 2, 0, 0, 0))
           + deel(b"IDAT", zlib.compress(b"\x00\xff\xff\xff")) + deel(b"IEND", b""))
    regios = [{"naam": "CO3 Antwerpen", "secties": [{"titel": "Casusregie", "rijen": [
        {"label": "Aanmeldingen", "tekst": "7"}]}]}]
    grafieken = [{"titel": "Voorbeeld", "bijschrift": "Figuur 1. Voorbeeld.", "beeld": render.Afbeelding(png, 2.0)}]
    return context_jaarcijfers({"jaar": 2026, "niet_gelezen": ["2026-001"]}, regios, grafieken, date(2026, 11, 23))


RAPPORTEN: dict[str, Rapport] = {r.key: r for r in (
    Rapport("beleidssignalen", "Beleidssignalen: knelpunten in de keten", "beleidssignalen.docx",
            _voorbeeld_beleidssignalen),
    Rapport("jaarcijfers", "Jaarcijfers voor de stuurgroep", "jaarcijfers.docx", _voorbeeld_jaarcijfers),
)}


def rapport_van_sjabloon(bestandsnaam: str) -> Rapport | None:
    return next((r for r in RAPPORTEN.values() if r.sjabloon == bestandsnaam), None)


def schrijf_rapport(key: str, context: dict[str, Any], naam: str, *, doel: Path | None = None,
                    overschrijf: bool = False) -> Path:
    """Render a report and write it: ``doel`` a folder or a .docx file, by default ``<home>/rapporten/<naam>``
    (an anonymous report, no dossier's folder). An existing file is refused unless ``overschrijf``."""
    from ketencli import paden, render

    r = RAPPORTEN[key]
    if doel is None:
        pad = paden.maak_map(paden.home() / "rapporten") / naam
    else:
        pad = Path(doel).expanduser()
        if pad.is_dir():
            pad = pad / naam
        elif pad.suffix.lower() != ".docx":
            if not pad.suffix:
                raise KetencliFout(f"De map {pad} bestaat niet.", tip="Maak ze eerst aan, of geef een bestandsnaam "
                                                                        "op .docx, bv. --uit ~/cijfers.docx.")
            raise GebruiksFout(f"{pad.name}: een document heeft de extensie .docx.",
                               tip="Geef een bestandsnaam die eindigt op .docx, of een bestaande map.")
    if pad.exists() and not overschrijf:
        raise KetencliFout(f"Het document {pad.name} bestaat al.",
                           tip="Gebruik --overschrijf om het te vervangen, of --uit voor een andere plek.")
    if not pad.parent.is_dir():
        raise KetencliFout(f"De map {pad.parent} bestaat niet.", tip="Maak ze eerst aan of kies een andere --uit.")
    render.schrijf(pad, render.vul_in(r.sjabloon, context))
    return pad
