"""Planning: the sessions of the tables, their deadlines, and the method's due dates of a dossier.

Issue "agendering" item 2, decisions D21, D24, D25, D26. The regions come from
``methodiek.regios`` with the user's settings file applied (``store.lees_regio_instellingen``).

- Sessions follow a table's rhythm (weekly, every two weeks from a reference date, twice a month)
  at local Brussels hours, so a 13:00 session stays 13:00 across the DST changes.
- A session on a Belgian public holidays (``holidays``, imported lazily) or on a region's extra
  free day is not proposed: the next one is, with a note. A deadline on such a day (or a weekend)
  moves to the previous working day at the same hour, with a note (D24).
- ``vervaldata`` lists what the method asks of one dossier, with ids only (no names), and is
  deterministic for (dossier, vandaag, region settings): ``instellingen_stempel`` names the last.

Due items that happen at a table (the return date, the evaluations, the check after afronding, the
afsluiting) become the first session of the table with that role on or after the date, with the
session's agendering deadline as an item of its own; a deadline already past leaves one overdue item
naming the next session still within reach.

The first plan: in CO3 the first session of the weegploeg in week 10 or later (``Regio.eerste_plan_week``,
D25); where the plan is drafted at the table (West-Vlaanderen, Leuven, D26), the first reachable
session from the start of casusregie, only while the dossier has no plan. No evaluation before a plan
exists, and none before the session that discussed the first plan.

What closes a due item: an active agendering (voorbereid, ingediend, besproken) with that purpose
(``Agendering.doel``; for files from before that field ``doel_van`` derives it from the soort, and an
old ronde-tafel agendering without one closes what any ronde-tafel agendering closed before):
- eerste plan: purpose ``plan`` or ``gewijzigd-plan``;
- terugkoppeling op de ronde tafel: ``terugkoppeling``, its session on or after the agendering that set
  the return date;
- tussentijdse evaluatie / Leuven's evaluations: ``tussentijdse-evaluatie``, its session within two
  months (resp. three weeks) before the due date, or later;
- ronde-tafelcheck after afronding: ``check-na-afronding`` (or ``afsluiting``) on or after
  ``afronding.gestart_op``;
- afsluiting: ``afsluiting``;
- opvolging na afronding (not at a table): ``afronding.vervolghulp_goed_gestart`` is filled in;
- OCJ/SDJ-afstemming: due three months after the latest tijdlijn item of soort ``overleg`` or
  ``contact`` that mentions the consulent (consulent, OCJ, SDJ, OSD, jongerenwelzijn), or after the
  start of casusregie;
- consulent informeren (D21, D28): per ``pv``/``melding``/``incident`` since the start of casusregie when an ocj-sdj
  service is involved; closed by the item's ``consulent_geinformeerd_op`` (``tijdlijn edit
  --consulent-geinformeerd``) or a later (or same-day) ``contact``/``overleg`` item mentioning the
  consulent.
An agendering's own deadline is an item only while it is ``voorbereid``: once the mail is noted as
sent (``agendeer uitkomst ... --status ingediend``) it is never "te laat".
"""

from __future__ import annotations

import contextlib
import functools
import itertools
from collections.abc import Iterator
from dataclasses import dataclass, replace
from datetime import date, datetime, time, timedelta, timezone
from typing import TYPE_CHECKING, Any

from ketencli import klok
from ketencli.fouten import KetencliFout
from ketencli.methodiek import regios as _regios
from ketencli.methodiek.datums import plus_maanden
from ketencli.methodiek.regios import Regio, Tafel

if TYPE_CHECKING:  # pragma: no cover
    from ketencli import model

__all__ = [
    "Tafel", "Regio", "Zitting", "Vervaldatum", "Voorbereiding", "regio", "alle_regios",
    "tafel_voor_rol", "volgende_zittingen", "eerste_haalbare_zitting", "agendering_adres",
    "eerste_weegploeg", "week_van_casusregie", "vervaldata", "woorden", "feestdag", "instellingen_stempel",
]

TZ = klok.TIJDZONE
MAANDEN = ("januari", "februari", "maart", "april", "mei", "juni", "juli", "augustus", "september",
           "oktober", "november", "december")
_ZOEKGRENS = 3 * 366  # days: a rhythm that yields nothing within three years is not a rhythm
ACTIEVE_STATUS = ("voorbereid", "ingediend", "besproken")


@dataclass(frozen=True)
class Zitting:
    tafel: str
    tafel_naam: str
    rol: str
    begin: datetime
    einde: datetime | None
    deadline: datetime | None
    opmerkingen: tuple[str, ...] = ()


@dataclass(frozen=True)
class Vervaldatum:
    datum: date
    tijd: str | None
    soort: str
    omschrijving: str
    tafel: str | None = None
    # what the item *is* within its dossier (the agendering's id or the method rule), never its date or
    # wording: the calendar's UID (D33). None: the soort says it.
    sleutel: str | None = None

    def naar_dict(self) -> dict[str, Any]:
        return {"datum": self.datum.isoformat(), "tijd": self.tijd, "soort": self.soort,
                "omschrijving": self.omschrijving, "tafel": self.tafel, "sleutel": self.sleutel}

    @classmethod
    def uit_dict(cls, d: dict[str, Any]) -> Vervaldatum:
        return cls(datum=date.fromisoformat(d["datum"]), tijd=d.get("tijd"), soort=d["soort"],
                   omschrijving=d["omschrijving"], tafel=d.get("tafel"), sleutel=d.get("sleutel"))

    @property
    def sorteersleutel(self) -> tuple[str, str, str, str]:
        return (self.datum.isoformat(), self.tijd or "99:99", self.soort, self.omschrijving)


@dataclass(frozen=True)
class Voorbereiding:
    """The guide's preparation timeline of a first weegploeg (L1714-1766, D25)."""

    week1: date  # Monday of the week casusregie starts
    week: int  # the week of the session, counted from week 1 (10 or later)
    opvragen: date  # Tuesday afternoon two weeks before: ask for the preparatory documents
    agenda: date  # Thursday of the week before: the agenda goes out
    zitting: Zitting


# ---------------------------------------------------------------------------------------------
# Dates, holidays, free days
# ---------------------------------------------------------------------------------------------


def datum_tekst(dag: date) -> str:
    """'dinsdag 6 april 2027'."""
    return f"{_regios.WEEKDAGEN[dag.weekday()]} {dag.day} {MAANDEN[dag.month - 1]} {dag.year}"


@functools.lru_cache(maxsize=64)
def _feestdagen(jaar: int) -> dict[date, str]:
    import holidays

    return dict(holidays.country_holidays("BE", years=jaar, language="nl"))


def feestdag(dag: date) -> str | None:
    """The name of the Belgian public holiday on ``dag`` (Dutch), or None."""
    return _feestdagen(dag.year).get(dag)


def _vrij(r: Regio, dag: date) -> str | None:
    """Why no table of the region meets on ``dag`` (a holiday, a region's free day), or None."""
    naam = feestdag(dag)
    if naam:
        return naam
    if r.is_vrije_dag(dag):
        return "11 juli (Feestdag van de Vlaamse Gemeenschap)" if dag.strftime("%m-%d") == "07-11" \
            else "een vrije dag van de regio"
    return None


def _moment(dag: date, hhmm: str) -> datetime:
    uur, minuut = (int(x) for x in hhmm.split(":"))
    return datetime.combine(dag, time(uur, minuut), tzinfo=TZ)


def _lokaal(moment: datetime) -> datetime:
    return moment.replace(tzinfo=TZ) if moment.tzinfo is None else moment.astimezone(TZ)


# ---------------------------------------------------------------------------------------------
# Regions (with the user's settings)
# ---------------------------------------------------------------------------------------------

_CACHE: dict[str, Any] = {}


def instellingen_stempel() -> str:
    """Identifies the user's region settings file as it is now ('' when there is none)."""
    from ketencli import store

    pad = store.regio_instellingen_pad()
    try:
        st = pad.stat()
    except OSError:
        return ""
    return f"{st.st_mtime_ns}-{st.st_size}"


def alle_regios() -> dict[str, Regio]:
    """The regions with the user's settings applied (re-read when the file changes; not looked at again
    within ``instellingen_vast``)."""
    from ketencli import store

    if _CACHE.get("vast"):
        return _CACHE["regios"]
    stempel = str(store.regio_instellingen_pad()) + "|" + instellingen_stempel()
    if _CACHE.get("stempel") != stempel:
        instellingen = store.lees_regio_instellingen()
        _controleer_nieuwe_tafels(instellingen, store.regio_instellingen_pad())
        _CACHE["regios"] = _regios.toepassen(instellingen)
        _CACHE["stempel"] = stempel
    return _CACHE["regios"]


@contextlib.contextmanager
def instellingen_vast() -> Iterator[None]:
    """For a bulk computation (a cold index of thousands of dossiers, issue 19): the region settings are
    read once here, and ``alle_regios`` does not look at the file again (two stats per dossier) until the
    block ends. Settings that do not load are left to each call, which raises as before."""
    try:
        alle_regios()
    except KetencliFout:
        yield
        return
    vorige = _CACHE.get("vast")
    _CACHE["vast"] = True
    try:
        yield
    finally:
        _CACHE["vast"] = vorige


def _controleer_nieuwe_tafels(instellingen: dict[str, Any], pad: Any) -> None:
    """A table key the defaults do not know adds a table, which needs roles: without them it is
    almost always a typo (``weegplog``) that would silently change nothing."""
    import difflib

    for regio_key, inst in (instellingen or {}).items():
        regio = _regios.STANDAARD.get(regio_key)
        if regio is None:
            continue
        for tafel_key, tafel_inst in (inst.get("tafels") or {}).items():
            if regio.tafel(tafel_key) is not None or (tafel_inst or {}).get("rollen"):
                continue
            bekend = [t.key for t in regio.tafels]
            nabij = difflib.get_close_matches(tafel_key, bekend, n=1)
            raise KetencliFout(
                f"{pad}: de tafel '{tafel_key}' bestaat niet in {regio.naam}"
                + (f" (bedoel je '{nabij[0]}'?)" if nabij else "")
                + f". De tafels van die regio: {', '.join(bekend)}.",
                tip="Verbeter de naam, of geef een eigen tafel ook rollen, bv. rollen: [opvolging]; "
                    f"bekijk het resultaat met `ketencli regio toon {regio_key}`.")


def regio(key: str) -> Regio:
    regios = alle_regios()
    if key not in regios:
        raise KetencliFout(f"Onbekende regio '{key}'.", tip="Kies uit: " + ", ".join(regios) + ".")
    return regios[key]


def _instellingen_tip(r: Regio) -> str:
    from ketencli import store

    return (f"Vul het aan in {store.regio_instellingen_pad()} en bekijk het resultaat met "
            f"`ketencli regio toon {r.key}`.")


def tafel_voor_rol(regio_key: str, rol: str) -> Tafel:
    """The table of the region that plays this role (D26); a Dutch error when there is none or when
    its rhythm is still in te stellen."""
    r = regio(regio_key)
    tafel = r.tafel_voor_rol(rol)
    if tafel is None:
        tafels = ", ".join(f"{t.naam} ({', '.join(t.rollen)})" for t in r.tafels)
        raise KetencliFout(
            f"{r.naam} heeft geen tafel voor {_regios.ROL_NAMEN.get(rol, rol)}.",
            tip=f"De tafels van deze regio: {tafels}.",
        )
    if not tafel.ritme.ingesteld:
        ontbreekt = [k for k in tafel.in_te_stellen() if k in ("ritme", "weekdag", "referentiedatum", "weken")]
        raise KetencliFout(
            f"Het ritme van de tafel '{tafel.naam}' ({r.naam}) is nog in te stellen "
            f"({', '.join(ontbreekt)}): ketencli kan de zittingen niet berekenen.",
            tip=_instellingen_tip(r),
        )
    if tafel.begin is None:
        raise KetencliFout(
            f"Het beginuur van de tafel '{tafel.naam}' ({r.naam}) is nog in te stellen.",
            tip=_instellingen_tip(r),
        )
    return tafel


def woorden(regio_key: str) -> dict[str, str]:
    """The words of the region (D30, ``methodiek.regios.woorden``) with the user's settings applied: a
    table name set in ``regio.yaml`` is the name in every text. A settings file with an error: the
    built-in words (the commands that read the settings say what is wrong)."""
    try:
        return _regios.woorden(regio(regio_key))
    except KetencliFout:
        return _regios.woorden_van(regio_key)


def agendering_adres(regio_key: str, rol: str) -> str | None:
    """Where agendering for this role goes; None = in te stellen."""
    tafel = regio(regio_key).tafel_voor_rol(rol)
    return tafel.adres if tafel else None


# ---------------------------------------------------------------------------------------------
# Sessions and deadlines
# ---------------------------------------------------------------------------------------------


def _werkdag(r: Regio, dag: date) -> bool:
    return dag.weekday() < 5 and _vrij(r, dag) is None


def _deadline(r: Regio, tafel: Tafel, dag: date) -> tuple[datetime | None, list[str]]:
    regel = tafel.deadline
    if regel is None:
        return None, ["de deadline voor agendering is nog in te stellen"]
    if regel.dagen_voor is not None:
        dl = dag - timedelta(days=regel.dagen_voor)
    else:
        maandag = dag - timedelta(days=dag.weekday()) - timedelta(weeks=regel.weken_voor)
        dl = maandag + timedelta(days=regel.weekdag or 0)
    oorspronkelijk = dl
    while not _werkdag(r, dl):
        dl -= timedelta(days=1)
    opmerkingen: list[str] = []
    if dl != oorspronkelijk:
        reden = _vrij(r, oorspronkelijk) or "een weekend"
        opmerkingen.append(
            f"de deadline valt op {datum_tekst(oorspronkelijk)} ({reden}): vervroegd naar "
            f"{datum_tekst(dl)} {regel.tijd}"
        )
    return _moment(dl, regel.tijd), opmerkingen


def agendering_deadline(regio_key: str, agendering: Any) -> datetime | None:
    """The agendering deadline of an agendering's session (D24): the one recorded when it was made, else
    the table's rule for that session day (moved before a holiday, as ``_deadline`` does). None when the
    region or table is unknown or its deadline is still in te stellen."""
    if agendering.deadline is not None:
        return _lokaal(agendering.deadline)
    try:
        r = regio(regio_key)
    except KetencliFout:
        return None
    tafel = r.tafel(agendering.tafel) or r.tafel_voor_rol(agendering.rol)
    return _deadline(r, tafel, agendering.zitting.date())[0] if tafel is not None else None


def _zittingen(r: Regio, tafel: Tafel, rol: str, na: datetime) -> Iterator[Zitting]:
    """The proposable sessions after ``na`` (holidays skipped, with a note on the next one)."""
    assert tafel.begin is not None
    na = _lokaal(na)
    overgeslagen: list[str] = []
    for stap in range(_ZOEKGRENS):
        dag = na.date() + timedelta(days=stap)
        if not tafel.ritme.valt_op(dag):
            continue
        begin = _moment(dag, tafel.begin)
        if begin <= na:
            continue
        reden = _vrij(r, dag)
        if reden:
            overgeslagen.append(f"geen zitting op {datum_tekst(dag)} ({reden})")
            continue
        deadline, opmerkingen = _deadline(r, tafel, dag)
        if r.vrije_dagen is None and dag.strftime("%m-%d") == _regios.VLAAMSE_FEESTDAG:
            opmerkingen.append("11 juli: of de tafel dan samenkomt, is nog in te stellen (vrije_dagen)")
        if tafel.adres is None:
            opmerkingen.append("het agenderingsadres is nog in te stellen")
        yield Zitting(
            tafel=tafel.key, tafel_naam=tafel.naam, rol=rol, begin=begin,
            einde=_moment(dag, tafel.einde) if tafel.einde else None, deadline=deadline,
            opmerkingen=tuple(overgeslagen + opmerkingen),
        )
        overgeslagen = []


def volgende_zittingen(regio: str, rol: str, na: datetime, aantal: int = 6) -> list[Zitting]:
    """The next ``aantal`` sessions of the region's table for ``rol`` that begin after ``na``."""
    tafel = tafel_voor_rol(regio, rol)
    return list(itertools.islice(_zittingen(_regio_obj(regio), tafel, rol, na), aantal))


def _regio_obj(key: str) -> Regio:
    return regio(key)


def zitting_op(dossier: model.Dossier, rol: str, dag: date, vandaag: date) -> tuple[bool, str]:
    """Whether ``dag`` is a session of the table with ``rol`` in the dossier's region (D26), or the session
    of one of the dossier's agenderingen at that role (issue 13 item 11: the weegploeg's akkoord).

    Returns ``(True, "")`` for a session; ``(True, note)`` when the table's rhythm is still in te
    stellen (ketencli cannot check it: a Dutch note to show); ``(False, message)`` otherwise, the Dutch
    message naming the nearest sessions on or before ``vandaag``.
    """
    if any(a.rol == rol and a.zitting.date() == dag for a in dossier.agenderingen):
        return True, ""
    try:
        tafel = tafel_voor_rol(dossier.regio, rol)
    except KetencliFout as fout:
        return True, f"ketencli kan niet nagaan of er op {dag:%d/%m/%Y} een zitting was: {fout.melding}"
    rond = _dag_begin(dag - timedelta(weeks=9))
    tot = min(dag, vandaag) + timedelta(weeks=9)
    zittingen = [z.begin.date() for z in itertools.takewhile(
        lambda z: z.begin.date() <= tot, _zittingen(_regio_obj(dossier.regio), tafel, rol, rond))]
    if dag in zittingen:
        return True, ""
    dichtst = [z for z in zittingen if z < dag][-2:] + [z for z in zittingen if dag < z <= vandaag][:1]
    naam = tafel.naam
    if not dichtst:
        return False, f"Op {datum_tekst(dag)} was er geen zitting van de {naam}."
    return False, (f"Op {datum_tekst(dag)} was er geen zitting van de {naam}. De dichtste zittingen: "
                   + ", ".join(datum_tekst(z) for z in dichtst[:-1])
                   + (" en " if len(dichtst) > 1 else "") + datum_tekst(dichtst[-1]) + ".")


def _haalbaar(z: Zitting, nu: datetime) -> bool:
    return z.begin > nu and (z.deadline is None or z.deadline > nu)


def eerste_haalbare_zitting(regio: str, rol: str, nu: datetime, *, op: date | None = None,
                            vanaf: date | None = None) -> Zitting:
    """The first session whose deadline is still ahead of ``nu`` (and on or after ``vanaf``, when
    given); with ``op``, the session on that date (a Dutch error, with the next possible sessions,
    when there is none or its deadline passed)."""
    nu = _lokaal(nu)
    tafel = tafel_voor_rol(regio, rol)
    r = _regio_obj(regio)
    if op is None:
        na = nu if vanaf is None else max(nu, _dag_begin(vanaf))
        return _eerste((z for z in _zittingen(r, tafel, rol, na) if _haalbaar(z, nu)), r, tafel)

    # the suggestions lie around the asked date (three weeks before it at the earliest), not near today
    rond = max(nu, _dag_begin(op) - timedelta(days=21))
    volgende = [z for z in itertools.islice(_zittingen(r, tafel, rol, rond), 12) if _haalbaar(z, nu)][:3]
    tip = "Mogelijke zittingen: " + "; ".join(_zitting_kort(z) for z in volgende) + "." if volgende else None
    if tafel.ritme.valt_op(op):
        reden = _vrij(r, op)
        if reden:
            raise KetencliFout(f"Op {datum_tekst(op)} komt {tafel.met_lidwoord} niet samen ({reden}).", tip=tip)
        begin_dag = datetime.combine(op, time(0, 0), tzinfo=TZ) - timedelta(microseconds=1)
        zitting = _eerste(_zittingen(r, tafel, rol, begin_dag), r, tafel)
        if zitting.begin <= nu:
            raise KetencliFout(f"De zitting van {tafel.met_lidwoord} op {datum_tekst(op)} is al voorbij.", tip=tip)
        if zitting.deadline is not None and zitting.deadline <= nu:
            raise KetencliFout(
                f"De deadline voor {tafel.met_lidwoord} van {datum_tekst(op)} is verstreken "
                f"({datum_tekst(zitting.deadline.date())} {zitting.deadline:%H:%M}).",
                tip=tip,
            )
        return zitting
    raise KetencliFout(
        f"Op {datum_tekst(op)} is er geen zitting van {tafel.met_lidwoord} ({tafel.ritme.beschrijving()}).", tip=tip
    )


def _eerste(zittingen: Iterator[Zitting], r: Regio, tafel: Tafel) -> Zitting:
    """The first session, or a Dutch error when the rhythm yields none within three years."""
    for zitting in zittingen:
        return zitting
    raise KetencliFout(
        f"De tafel '{tafel.naam}' ({r.naam}) heeft de komende drie jaar geen zitting "
        f"({tafel.ritme.beschrijving()}).", tip=_instellingen_tip(r),
    )


def _zitting_kort(z: Zitting) -> str:
    tekst = f"{datum_tekst(z.begin.date())} {z.begin:%H:%M}"
    if z.deadline is not None:
        tekst += f" (deadline {datum_tekst(z.deadline.date())} {z.deadline:%H:%M})"
    return tekst


def week_van_casusregie(casusregie_start: date, dag: date) -> int:
    """D25: week 1 is the (Monday-first) week casusregie starts; the week of ``dag`` counted from it."""
    week1 = casusregie_start - timedelta(days=casusregie_start.weekday())
    return (dag - timedelta(days=dag.weekday()) - week1).days // 7 + 1


def eerste_weegploeg(regio: str, casusregie_start: date, nu: datetime) -> Voorbereiding:
    """D25: week 1 is the week casusregie starts; the first weegploeg is the first session in week
    10 (the region's ``eerste_plan_week``) or later whose deadline is still ahead of ``nu``. With the
    guide's preparation timeline."""
    nu = _lokaal(nu)
    tafel = tafel_voor_rol(regio, "plan")
    r = _regio_obj(regio)
    week1 = casusregie_start - timedelta(days=casusregie_start.weekday())
    vanaf = _dag_begin(week1 + timedelta(weeks=(r.eerste_plan_week or 10) - 1))
    zitting = _eerste((z for z in _zittingen(r, tafel, "plan", max(vanaf, nu)) if _haalbaar(z, nu)), r, tafel)
    dag = zitting.begin.date()
    maandag = dag - timedelta(days=dag.weekday())
    return Voorbereiding(
        week1=week1,
        week=(maandag - week1).days // 7 + 1,
        opvragen=maandag - timedelta(weeks=2) + timedelta(days=1),
        agenda=maandag - timedelta(weeks=1) + timedelta(days=3),
        zitting=zitting,
    )


# ---------------------------------------------------------------------------------------------
# The method's due dates of a dossier
# ---------------------------------------------------------------------------------------------

# the purpose of an agendering whose soort says it (agendeer records it; files from before
# ``Agendering.doel`` derive it); a ronde tafel has several purposes, so it is not here
DOEL_VAN_SOORT: dict[str, str] = {"ico": "intake", "pva": "plan", "gewijzigd": "gewijzigd-plan",
                                  "afronding": "afronding", "afsluiting": "afsluiting"}


# before ``doel`` any ronde-tafel agendering closed these (see the module docstring)
_OUDE_REGEL = {"terugkoppeling", "tussentijdse-evaluatie", "check-na-afronding"}


def doel_van(agendering: Any) -> str | None:
    """Why a dossier is on the agenda (``Agendering.doel``). For a file from before that field, derived
    from the soort; None for an old ronde-tafel agendering (a question, an evaluation or a return:
    unknown)."""
    return agendering.doel or DOEL_VAN_SOORT.get(agendering.soort)


def _tafel_naam(r: Regio, key: str | None, rol: str | None = None) -> str:
    tafel = r.tafel(key) if key else None
    if tafel is None and rol:
        tafel = r.tafel_voor_rol(rol)
    return tafel.naam if tafel else (key or "de tafel")


def _agenderingen(dossier: model.Dossier, *rollen: str) -> list[Any]:
    return [a for a in dossier.agenderingen if a.status in ACTIEVE_STATUS and (not rollen or a.rol in rollen)]


def _gedaan(dossier: model.Dossier, doelen: tuple[str, ...], *, vanaf: date | None = None,
            behalve: Any = None) -> bool:
    """True when an active agendering with one of these purposes has its session on or after ``vanaf``.
    An old ronde-tafel agendering without a purpose counts as before the field existed: for any
    purpose at the opvolging table."""
    for a in _agenderingen(dossier):
        if a is behalve or (vanaf is not None and a.zitting.date() < vanaf):
            continue
        doel = doel_van(a)
        if doel in doelen or (doel is None and a.rol == "opvolging" and _OUDE_REGEL & set(doelen)):
            return True
    return False


def _dag_begin(dag: date) -> datetime:
    """Just before midnight at the start of ``dag``: sessions 'after' it include that day's."""
    return datetime.combine(dag, time(0, 0), tzinfo=TZ) - timedelta(microseconds=1)


def _kort(dag: date) -> str:
    """'do 04/03/2027'."""
    return f"{_regios.WEEKDAGEN[dag.weekday()][:2]} {dag:%d/%m/%Y}"


def _deadline_tekst(moment: datetime) -> str:
    """'(vrijdag 12:00)': the weekday and hour of an agendering deadline."""
    return f"({_regios.WEEKDAGEN[moment.weekday()]} {moment:%H:%M})"


def vervaldata(dossier: model.Dossier, vandaag: date | datetime) -> list[Vervaldatum]:
    """The method's due items of one dossier (ids only, no names), sorted by date.

    ``vandaag``: a day (sessions whose deadline is that day count as reachable) or a moment (a
    deadline earlier that day has passed: the next reachable session is proposed, D25)."""
    if dossier.fase == "afgesloten":
        return []
    nu = _lokaal(vandaag) if isinstance(vandaag, datetime) else datetime.combine(vandaag, time(0, 0), tzinfo=TZ)
    r = regio(dossier.regio)
    uit: list[Vervaldatum] = []
    uit += _agendering_items(dossier, r)
    if dossier.fase == "casusregie" and dossier.casusregie_start is not None:
        uit += _casusregie_items(dossier, r, nu)
        uit += _opvolg_items(dossier)
    if dossier.fase == "afgerond":
        uit += _afronding_items(dossier, r, nu)
    return sorted(uit, key=lambda v: v.sorteersleutel)


def vaste_vervaldata(dossier: model.Dossier) -> list[Vervaldatum]:
    """The due items of a dossier that do not depend on the region settings: the dates stored in it
    (an open agendering's deadline and session, the plan's streefdata and end dates), sorted by date.
    For when the settings file has an error (``vervaldata`` raises): a listing then still shows them,
    with the built-in table names, and warns about the file."""
    if dossier.fase == "afgesloten":
        return []
    r = _regios.STANDAARD.get(dossier.regio) or next(iter(_regios.STANDAARD.values()))
    uit = _agendering_items(dossier, r)
    if dossier.fase == "casusregie" and dossier.casusregie_start is not None:
        uit += _opvolg_items(dossier)
    return sorted(uit, key=lambda v: v.sorteersleutel)


def _agendering_items(dossier: model.Dossier, r: Regio) -> list[Vervaldatum]:
    """The deadline (until the mail is noted as ingediend) and the session of every open agendering."""
    uit: list[Vervaldatum] = []
    for a in dossier.agenderingen:
        if a.status not in ("voorbereid", "ingediend"):
            continue
        naam = _tafel_naam(r, a.tafel, a.rol)
        doel = doel_van(a)
        wat = _regios.DOEL_LABEL.get(doel or "") or _regios.SOORT_LABEL.get(a.soort, "")
        if a.status == "voorbereid" and a.deadline is not None:
            uit.append(Vervaldatum(a.deadline.date(), f"{a.deadline:%H:%M}", f"deadline-{a.tafel}",
                                   f"Deadline agendering {naam}: {wat}", a.tafel, f"agendering-{a.id}-deadline"))
        uit.append(Vervaldatum(a.zitting.date(), f"{a.zitting:%H:%M}", "zitting", f"Zitting {naam}: {wat}", a.tafel,
                               f"agendering-{a.id}-zitting"))
    return uit


def _aan_tafel(r: Regio, rol: str, due: date, nu: datetime, soort: str, wat: str, kort: str, *,
               extra: str = "", zo_snel_mogelijk: bool = False, sleutel: str | None = None) -> list[Vervaldatum]:
    """A due item that happens at a table (D24, D25): the first session of the table with this role on
    or after ``due``, with its agendering deadline as an item of its own.

    When that deadline lies before ``nu``: one overdue item on ``due`` that names the next session
    still within reach; with ``zo_snel_mogelijk`` (the first plan where it is drafted at the table)
    that next session and its deadline instead. A table whose rhythm is in te stellen: the plain date.
    """
    sleutel = sleutel or soort
    tafel = r.tafel_voor_rol(rol)
    if tafel is None:
        return [Vervaldatum(due, None, soort, wat + extra, sleutel=sleutel)]
    plek = f"{wat} op {tafel.met_lidwoord}{extra}"
    if not tafel.ritme.ingesteld or not tafel.begin:
        noot = "het ritme van die tafel is nog in te stellen"
        tekst = f"{plek[:-1]}; {noot})" if plek.endswith(")") else f"{plek} ({noot})"
        return [Vervaldatum(due, None, soort, tekst, tafel.key, sleutel)]
    z = next(_zittingen(r, tafel, rol, _dag_begin(due)), None)
    if z is None:  # pragma: no cover - a set rhythm always yields a session within three years
        return [Vervaldatum(due, None, soort, plek, tafel.key, sleutel)]
    if not _haalbaar(z, nu):  # its deadline (or, without one, the session itself) lies before today
        haalbaar = next((x for x in itertools.islice(_zittingen(r, tafel, rol, max(nu, _dag_begin(due))), 60)
                         if _haalbaar(x, nu)), None)
        if haalbaar is None or not zo_snel_mogelijk:
            wat_voorbij = "deadline voor de zitting" if z.deadline is not None else "zitting"
            tekst = f"{plek}: de {wat_voorbij} van {_kort(z.begin.date())} is voorbij"
            if haalbaar is not None:
                tekst += f"; eerstvolgende haalbare zitting: {_kort(haalbaar.begin.date())}"
                if haalbaar.deadline is not None:
                    tekst += f" (deadline {_kort(haalbaar.deadline.date())} {haalbaar.deadline:%H:%M})"
            return [Vervaldatum(due, None, soort, tekst, tafel.key, sleutel)]
        z = haalbaar
    uit: list[Vervaldatum] = []
    if z.deadline is not None:
        uit.append(Vervaldatum(z.deadline.date(), f"{z.deadline:%H:%M}", f"deadline-{tafel.key}",
                               f"Deadline agendering {tafel.naam} van {_kort(z.begin.date())}: {kort} "
                               f"{_deadline_tekst(z.deadline)}", tafel.key, f"{sleutel}-deadline"))
    uit.append(Vervaldatum(z.begin.date(), f"{z.begin:%H:%M}", soort, plek, tafel.key, sleutel))
    return uit


def _casusregie_items(dossier: model.Dossier, r: Regio, nu: datetime) -> list[Vervaldatum]:
    start = dossier.casusregie_start
    assert start is not None
    uit: list[Vervaldatum] = []
    plannen = [a for a in _agenderingen(dossier) if doel_van(a) in ("plan", "gewijzigd-plan")]
    if not plannen:
        uit += _eerste_plan(dossier, r, start, nu)

    # the return date at the ronde tafel, set at the weegploeg (D23): closed by a return agendering
    for a in dossier.agenderingen:
        if a.terugkoppeling_op is None or a.status == "geannuleerd":
            continue
        if not _gedaan(dossier, ("terugkoppeling",), vanaf=a.zitting.date(), behalve=a):
            uit += _aan_tafel(r, "opvolging", a.terugkoppeling_op, nu, "terugkoppeling-rondetafel",
                              "Terugkoppeling", "terugkoppeling",
                              extra=f" (afgesproken op de zitting van {_kort(a.zitting.date())})",
                              sleutel=f"terugkoppeling-agendering-{a.id}")

    # evaluations (of a plan: none before there is one): Leuven at 1/4/10 months, elsewhere an
    # interim evaluation at ~10 months; counted from the start of casusregie (D25), never before
    # the session that discussed the first plan
    if not (dossier.pva.rijen or plannen):
        return uit + _ocj_sdj_items(dossier, start)
    na_plan = min((a.zitting.date() for a in plannen), default=None)

    def na_het_plan(due: date) -> date:
        return max(due, na_plan + timedelta(days=1)) if na_plan is not None else due

    if r.evaluaties_maanden:
        for maanden in r.evaluaties_maanden:
            due = na_het_plan(plus_maanden(start, maanden))
            if not _gedaan(dossier, ("tussentijdse-evaluatie",), vanaf=due - timedelta(weeks=3)):
                uit += [replace(v, soort=f"leuven-evaluatie-{maanden}m") if v.soort == "evaluatie" else v
                        for v in _aan_tafel(r, "opvolging", due, nu, "evaluatie",
                                            f"Evaluatie na {maanden} {'maand' if maanden == 1 else 'maanden'}",
                                            f"evaluatie na {maanden} {'maand' if maanden == 1 else 'maanden'}")]
    else:
        due = na_het_plan(plus_maanden(start, 10))
        if not _gedaan(dossier, ("tussentijdse-evaluatie",), vanaf=due - timedelta(days=61)):
            uit += _aan_tafel(r, "opvolging", due, nu, "tussentijdse-evaluatie", "Tussentijdse evaluatie",
                              "tussentijdse evaluatie", extra=", met een nieuw kijkschema")
    return uit + _ocj_sdj_items(dossier, start)


def _eerste_plan(dossier: model.Dossier, r: Regio, start: date, nu: datetime) -> list[Vervaldatum]:
    """The first plan at the table with role plan: from week 10 in CO3 (D25, with the guide's
    preparation timeline); where the plan is drafted at the table (D26), as soon as possible from the
    start of casusregie, and only while the dossier has no plan yet."""
    tafel = r.tafel_voor_rol("plan")
    if tafel is None:
        return []
    if r.plan_aan_tafel:
        if dossier.pva.rijen:  # drafted at the table before the regisseur was appointed
            return []
        return _aan_tafel(r, "plan", start, nu, f"eerste-{tafel.key}", "Eerste plan van aanpak",
                          "eerste plan van aanpak", extra=" (zo snel mogelijk na de start van de casusregie)",
                          zo_snel_mogelijk=True)
    week = r.eerste_plan_week or 10
    if not (tafel.ritme.ingesteld and tafel.begin):
        vanaf = start - timedelta(days=start.weekday()) + timedelta(weeks=week - 1)
        return [Vervaldatum(vanaf, None, f"eerste-{tafel.key}",
                            f"Eerste plan van aanpak op {tafel.met_lidwoord} (rond week {week}; het ritme van die "
                            "tafel is nog in te stellen)", tafel.key)]
    vb = eerste_weegploeg(r.key, start, nu)  # the one reading of D25, shared with `agendeer weegploeg`
    z = vb.zitting
    uit: list[Vervaldatum] = []
    if vb.opvragen >= nu.date():  # a prompt, not a deadline: once past, the deadline item says it
        uit.append(Vervaldatum(
            vb.opvragen, "13:00", f"voorbereiding-{z.tafel}",
            f"Start voorbereiding eerste {z.tafel_naam}: {r.naam} vraagt de voorbereidende documenten op "
            f"(week {vb.week - 2})", z.tafel,
        ))
    if z.deadline is not None:
        uit.append(Vervaldatum(z.deadline.date(), f"{z.deadline:%H:%M}", f"deadline-{z.tafel}",
                               f"Deadline agendering eerste {z.tafel_naam}: plan van aanpak "
                               f"{_deadline_tekst(z.deadline)}", z.tafel, f"eerste-{z.tafel}-deadline"))
    uit.append(Vervaldatum(z.begin.date(), f"{z.begin:%H:%M}", f"eerste-{z.tafel}",
                           f"Eerste {z.tafel_naam}: plan van aanpak (week {vb.week})", z.tafel))
    return uit


def _opvolg_items(dossier: model.Dossier) -> list[Vervaldatum]:
    """Opvolgen (guide L647, "blijf op de hoogte van alle lopende acties"): a goal's ``streefdatum`` until
    it is bereikt or niet-bereikt, and an action's planned end date (``uiterlijk``) until it is closed
    (afgerond, mislukt, geschrapt) or handed over. Positions only ("doelstelling 2", "actie 1 in rij 3"),
    never the goal's or action's text (D4) nor internal ids (they land in calendars); the calendar key
    (``sleutel``, D33) is the goal's id or the action's row and number."""
    from ketencli.model import AFGESLOTEN_STAVAZA

    uit: list[Vervaldatum] = []
    for nr, doel in enumerate(dossier.pva.doelstellingen, start=1):
        if doel.streefdatum is not None and doel.staat not in ("bereikt", "niet-bereikt"):
            uit.append(Vervaldatum(doel.streefdatum, None, "doel-streefdatum",
                                   f"Streefdatum doelstelling {nr} van het plan van aanpak: bereikt? "
                                   "(ketencli pva doel edit)", sleutel=f"doel-streefdatum-{doel.id}"))
    for rij_nr, rij in enumerate(dossier.pva.rijen, start=1):
        for nr, actie in enumerate(rij.acties, start=1):
            if actie.uiterlijk is None or actie.stavaza in AFGESLOTEN_STAVAZA or actie.overgedragen_aan.strip():
                continue
            uit.append(Vervaldatum(actie.uiterlijk, None, "actie-uiterlijk",
                                   f"Actie {nr} in rij {rij_nr} van het plan van aanpak moest nu klaar zijn: hoe "
                                   "staat ze? (ketencli pva actie edit)", sleutel=f"actie-uiterlijk-{rij.id}-{nr}"))
    return uit


def _ocj_sdj_items(dossier: model.Dossier, start: date) -> list[Vervaldatum]:
    """OCJ/SDJ (annex B, D21, D28): the three-monthly afstemming and 'consulent informeren' per pv/melding/incident."""
    from ketencli.methodiek import bijlage_b

    if not bijlage_b.consulent_betrokken(dossier):
        return []
    uit = [Vervaldatum(bijlage_b.volgende_afstemming(dossier, start), None, "ocj-sdj-afstemming",
                       "Afstemming met de consulent OCJ/SDJ (minstens om de drie maanden)")]
    for _, t in bijlage_b.incidenten(dossier):
        if t.datum < start or bijlage_b.consulent_ingelicht_op(dossier, t) is not None:
            continue
        uit.append(Vervaldatum(t.datum, None, "consulent-informeren",
                               f"Consulent informeren over {bijlage_b.gebeurtenis(t)}",
                               sleutel=f"consulent-informeren-{t.soort}-{t.datum.isoformat()}"))
    return uit


def _afronding_items(dossier: model.Dossier, r: Regio, nu: datetime) -> list[Vervaldatum]:
    af = dossier.afronding
    uit: list[Vervaldatum] = []
    if af.gestart_op is None:
        return uit
    tot = af.opvolging_tot or plus_maanden(af.gestart_op, 6)
    if af.vervolghulp_goed_gestart is None:  # reported to the operationeel coördinator, not at a table
        uit.append(Vervaldatum(tot, None, "opvolging-na-afronding",
                               "Nagaan of de vervolghulp goed gestart is; laat het de operationeel coördinator weten"))
    if not _gedaan(dossier, ("afsluiting",)):
        uit += _aan_tafel(r, "afsluiting", tot, nu, "afsluiting", "Afsluiting", "afsluiting",
                          extra=" (zes maanden na de afronding)")
    if af.rondetafel_check_op is not None and not _gedaan(dossier, ("check-na-afronding", "afsluiting"),
                                                          vanaf=af.gestart_op):
        uit += _aan_tafel(r, "opvolging", af.rondetafel_check_op, nu, "rondetafel-check",
                          "Check op nieuwe feiten", "check op nieuwe feiten")
    return uit


# ---------------------------------------------------------------------------------------------
# Across dossiers: urgency and the calendar file (`ketencli overzicht`)
# ---------------------------------------------------------------------------------------------

URGENTIES = ("te-laat", "deze-week", "volgende-week", "later")
URGENTIE_NAMEN = {"te-laat": "te laat", "deze-week": "deze week", "volgende-week": "volgende week",
                  "later": "later"}


def urgentie(item: dict[str, Any], nu: datetime, weken: int | None) -> str | None:
    """The urgency class of a due item (``Vervaldatum.naar_dict()``) at ``nu``; None when it lies
    beyond ``weken`` weeks (this week counts as the first; None = no limit)."""
    return _urgentie_op(nu, weken)(item)


def _urgentie_op(nu: datetime, weken: int | None) -> Any:
    """``urgentie`` at ``nu`` as a function of the item alone: the day's bounds computed once, as ISO
    texts (they sort as the dates do), for a listing of many items (issue 19)."""
    nu = _lokaal(nu)
    vandaag = nu.date()
    nu_tijd = f"{nu:%H:%M}"
    zondag = vandaag + timedelta(days=6 - vandaag.weekday())
    tot = horizon(nu, weken)
    vandaag_t, zondag_t, volgende_t = vandaag.isoformat(), zondag.isoformat(), (zondag + timedelta(weeks=1)).isoformat()
    tot_t = tot.isoformat() if tot is not None else None

    def klasse(item: dict[str, Any]) -> str | None:
        datum = date.fromisoformat(item["datum"]).isoformat()  # a text that is no date is an error, as before
        if datum < vandaag_t or (datum == vandaag_t and item.get("tijd") and item["tijd"] < nu_tijd):
            return "te-laat"
        if tot_t is not None and datum > tot_t:
            return None
        if datum <= zondag_t:
            return "deze-week"
        if datum <= volgende_t:
            return "volgende-week"
        return "later"

    return klasse


def tafel_naam_standaard(regio_key: str, tafel_key: str | None, regios: dict[str, Regio] | None = None) -> str:
    """A table's name: from ``regios`` (the regions with the user's settings, D30: a name set in
    ``regio.yaml`` is the name everywhere) when given, else from the bundled region data (light: no
    settings file, no pydantic)."""
    if not tafel_key:
        return ""
    r = (regios or _regios.STANDAARD).get(regio_key)
    tafel = r.tafel(tafel_key) if r else None
    return tafel.naam if tafel else tafel_key


def overzicht(samenvattingen: list[Any], nu: datetime, weken: int | None,
              regios: dict[str, Regio] | None = None) -> list[dict[str, Any]]:
    """Every due item of every dossier within the horizon, sorted by urgency, then date and time.
    ``samenvattingen``: objects with ``id``, ``regio`` and ``vervaldata`` (``index.Samenvatting``);
    ``regios``: the regions with the user's settings (table names), None = the bundled ones."""
    rijen: list[dict[str, Any]] = []
    klasse_van = _urgentie_op(nu, weken)
    tafel_namen: dict[tuple[str, str | None], str] = {}  # (regio, tafel) → name: looked up once
    for s in samenvattingen:
        for item in s.vervaldata:
            klasse = klasse_van(item)
            if klasse is None:
                continue
            tafel = item.get("tafel")
            naam = tafel_namen.get((s.regio, tafel))
            if naam is None:
                naam = tafel_namen[(s.regio, tafel)] = tafel_naam_standaard(s.regio, tafel, regios)
            rijen.append({
                "dossier": s.id, "urgentie": klasse, "datum": item["datum"], "tijd": item.get("tijd"),
                "soort": item["soort"], "omschrijving": item["omschrijving"], "tafel": tafel,
                "sleutel": item.get("sleutel") or item["soort"], "tafel_naam": naam, "regio": s.regio,
            })
    volgorde = {u: n for n, u in enumerate(URGENTIES)}
    rijen.sort(key=lambda r: (volgorde[r["urgentie"]], r["datum"], r["tijd"] or "99:99", r["dossier"],
                              r["omschrijving"]))
    return rijen


def _einde(rij: dict[str, Any], begin: datetime, regios: dict[str, Regio]) -> datetime:
    """Sessions last until the table's end hour (when known), deadlines a quarter of an hour. A due
    item at a table (an evaluation, the afsluiting) that starts at the table's hour is a session."""
    r = regios.get(rij.get("regio", ""))
    tafel = r.tafel(rij["tafel"]) if r and rij.get("tafel") else None
    is_zitting = rij["soort"] == "zitting" or rij["soort"].startswith("eerste-") or (
        tafel is not None and not rij["soort"].startswith(("deadline-", "voorbereiding-"))
        and rij.get("tijd") == tafel.begin)
    if is_zitting and tafel is not None and tafel.einde and tafel.einde > f"{begin:%H:%M}":
        return _moment(begin.date(), tafel.einde)
    return begin + timedelta(minutes=15)


# a deadline this late (the ICO's Thursday 23:59, D24) is the end of that day: an all-day item that says
# the hour, not a quarter of an hour that runs past midnight
_EINDE_VAN_DE_DAG = "23:45"

# Europe/Brussels in the yearly form of RFC 5545 §3.6.5 (EU rule since 1996: last Sunday of March
# and of October), so every client (Outlook desktop included) places summer and winter sessions
# right for any year, instead of a list of dates generated for 1970-2038.
VTIMEZONE_BRUSSEL = (
    "BEGIN:VTIMEZONE\r\nTZID:Europe/Brussels\r\n"
    "BEGIN:DAYLIGHT\r\nTZOFFSETFROM:+0100\r\nTZOFFSETTO:+0200\r\nTZNAME:CEST\r\n"
    "DTSTART:19810329T020000\r\nRRULE:FREQ=YEARLY;BYMONTH=3;BYDAY=-1SU\r\nEND:DAYLIGHT\r\n"
    "BEGIN:STANDARD\r\nTZOFFSETFROM:+0200\r\nTZOFFSETTO:+0100\r\nTZNAME:CET\r\n"
    "DTSTART:19961027T030000\r\nRRULE:FREQ=YEARLY;BYMONTH=10;BYDAY=-1SU\r\nEND:STANDARD\r\n"
    "END:VTIMEZONE\r\n"
)


def _uid(dossier: str, sleutel: str, n: int) -> str:
    import hashlib

    basis = f"{dossier}|{sleutel}" + (f"|{n}" if n else "")
    return hashlib.sha256(basis.encode("utf-8")).hexdigest()[:32] + "@ketencli"


def kalender_items(rijen: list[dict[str, Any]], regios: dict[str, Regio] | None = None) -> dict[str, dict[str, Any]]:
    """The calendar items of these due items, by UID: ``{uid: {summary, description, location, start,
    end, hele_dag}}`` (start/end ISO texts, Europe/Brussels). The UID comes from what the item *is*:
    its dossier and its ``sleutel`` (agendering id or method rule), with an occurrence number only
    when one dossier has the same item twice (D33), never from its date, hour or wording."""
    regios = regios or _regios.STANDAARD  # type: ignore[assignment]
    items: dict[str, dict[str, Any]] = {}
    gezien: dict[tuple[str, str], int] = {}
    for rij in rijen:
        datum = date.fromisoformat(rij["datum"])
        tijd = rij.get("tijd")
        samenvatting = f"{rij['dossier']}: {rij['omschrijving']}"
        if tijd and rij["soort"].startswith("deadline-") and tijd >= _EINDE_VAN_DE_DAG:
            samenvatting += f" (tot {tijd.replace(':', '.')} uur)"
            tijd = None
        if tijd:
            begin = _moment(datum, tijd)
            start, einde, hele_dag = begin.isoformat(), _einde(rij, begin, regios).isoformat(), False  # type: ignore[arg-type]
        else:
            start, einde, hele_dag = datum.isoformat(), (datum + timedelta(days=1)).isoformat(), True
        sleutel = rij.get("sleutel") or rij["soort"]
        n = gezien.get((rij["dossier"], sleutel), 0)
        gezien[(rij["dossier"], sleutel)] = n + 1
        beschrijving = f"Dossier {rij['dossier']}" + (f" – {rij['tafel_naam']}" if rij.get("tafel_naam") else "")
        items[_uid(rij["dossier"], sleutel, n)] = {
            "summary": samenvatting, "description": beschrijving, "location": rij.get("tafel_naam") or "",
            "start": start, "end": einde, "hele_dag": hele_dag, "te_laat": rij.get("urgentie") == "te-laat",
        }
    return items


def horizon(nu: datetime, weken: int | None) -> date | None:
    """The last day ``overzicht`` covers with ``weken`` (this week counts as the first); None = no end."""
    if weken is None:
        return None
    vandaag = _lokaal(nu).date()
    return vandaag + timedelta(days=6 - vandaag.weekday()) + timedelta(weeks=max(weken, 1) - 1)


def kalender(rijen: list[dict[str, Any]], nu: datetime, regios: dict[str, Regio] | None = None,
             vorige: dict[str, Any] | None = None, tot: date | None = None) -> tuple[bytes, dict[str, Any]]:
    """An iCalendar file (Europe/Brussels) of these due items, and the state to keep for the next
    export. Dossier ids, never names (D4). Items with an hour are timed events, the others all-day.

    ``vorige`` is the state the previous export returned (``{"items": {uid: {..., "sequence": n}}}``):
    an item whose date, hour or text changed keeps its UID and gets the next SEQUENCE, so a calendar
    updates it; an item that disappeared is exported once more with STATUS:CANCELLED (and kept in
    the state) for as long as its old date is today or later and within this export's horizon ``tot``
    (D33, RFC 5545 §3.8.4.7, §3.8.7.4); beyond the horizon it is neither cancelled nor forgotten.
    Rows with ``urgentie`` "te-laat" are not exported (they lie in the past), but they still exist.
    ``regios`` (with the user's settings) gives the sessions' end hours; default the bundled data."""
    from icalendar import Calendar, Event

    vandaag = _lokaal(nu).date()
    oud: dict[str, dict[str, Any]] = dict((vorige or {}).get("items") or {})
    nieuw: dict[str, dict[str, Any]] = {}
    bewaard: dict[str, dict[str, Any]] = {}  # kept in the state, not exported
    for uid, item in kalender_items(rijen, regios).items():
        eerder = oud.get(uid)
        if item.pop("te_laat"):
            if eerder is not None:
                bewaard[uid] = eerder
            continue
        volgnummer = 0
        if eerder is not None:
            volgnummer = int(eerder.get("sequence", 0))
            if eerder.get("geannuleerd") or any(eerder.get(k) != item[k] for k in item):
                volgnummer += 1
        nieuw[uid] = {**item, "sequence": volgnummer}
    for uid, eerder in oud.items():
        oude_datum = date.fromisoformat(eerder["start"][:10])
        if uid in nieuw or uid in bewaard or oude_datum < vandaag:
            continue  # still there, or its old date is past: a calendar no longer needs the cancellation
        if tot is not None and oude_datum > tot:
            bewaard[uid] = eerder  # beyond this export's horizon: not known to be gone
            continue
        volgnummer = int(eerder.get("sequence", 0)) + (0 if eerder.get("geannuleerd") else 1)
        nieuw[uid] = {**eerder, "sequence": volgnummer, "geannuleerd": True}

    stempel = _lokaal(nu).astimezone(timezone.utc)
    cal = Calendar.new(prodid="-//ketencli//overzicht//NL", name="ketencli: vervaldata")
    for uid, item in sorted(nieuw.items(), key=lambda x: (x[1]["start"], x[0])):
        if item["hele_dag"]:
            start: date | datetime = date.fromisoformat(item["start"])
            einde: date | datetime = date.fromisoformat(item["end"])
        else:
            start = _lokaal(datetime.fromisoformat(item["start"]))
            einde = _lokaal(datetime.fromisoformat(item["end"]))
        event = Event.new(summary=item["summary"], start=start, end=einde, uid=uid, description=item["description"],
                          stamp=stempel, location=item["location"] or None)
        event.add("sequence", item["sequence"])
        if item.get("geannuleerd"):
            event.add("status", "CANCELLED")
        cal.add_component(event)
    tekst = cal.to_ical().decode("utf-8")
    if "TZID=Europe/Brussels" in tekst:
        tekst = tekst.replace("BEGIN:VEVENT", VTIMEZONE_BRUSSEL + "BEGIN:VEVENT", 1)
    return tekst.encode("utf-8"), {"versie": 1, "items": {**bewaard, **nieuw}}
