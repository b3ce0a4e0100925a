"""The only code that reads or writes dossier files.

- ``<home>/dossiers/<id>/dossier.yaml`` holds one dossier (decisions D1); rendered documents go
  to ``<home>/dossiers/<id>/documenten/``. Ids are neutral (``2026-001``), never names.
- Writes are atomic (temp file in the same folder, flush + fsync, ``os.replace``): a crash leaves
  the old or the new file, never a torn one. Files are 0600 and folders 0700 on POSIX.
- A per-dossier lock (``paden.bestandsslot``, on a separate ``.lock`` file) plus a check that the file did not
  change since it was loaded: a second writer gets a clear conflict, never a silent overwrite.
- YAML or schema errors give a Dutch message with file, line and column; a failed load never
  writes. ``schema_version`` is migrated step by step on load (``MIGRATIES``).
"""

from __future__ import annotations

import contextlib
import difflib
import hashlib
import os
import re
import stat as _stat
import typing
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from ketencli import klok
from ketencli.fouten import (
    SLEUTELVORM,
    AlleenLezen,
    BestandsFout,
    ConflictFout,
    DossierNietGevonden,
    KetencliFout,
    schrijffout,
)
from ketencli.paden import (  # noqa: F401 - the places are part of store's public surface
    DOSSIER_BESTAND,
    ID_PATROON,
    TEMP_KOPIE,
    SlotBezet,
    bestandsslot,
    config_dir,
    documenten_dir,
    dossier_dir,
    dossier_pad,
    dossiers_dir,
    home,
    maak_map,
    schrijf_atomisch,
    vreemde_bestanden,
)
from ketencli.paden import alleen_eigenaar as _alleen_eigenaar
from ketencli.paden import ruim_oude_kopieen_op as paden_ruim
from ketencli.paden import schrijf_atomisch as _schrijf_atomisch

if typing.TYPE_CHECKING:
    from ketencli import model
else:

    class _LuiModel:
        """``ketencli.model`` imported at its first use: pydantic and the schema (~0.1 s) only when a
        dossier is validated. A `team sync` that writes a colleague's files as they are and merges no
        dossier never needs it (issue 18, ``benchmarks/bench_team.py``)."""

        def __getattr__(self, naam: str) -> Any:
            from ketencli import model as echt

            globals()["model"] = echt
            return getattr(echt, naam)

    model = _LuiModel()

KOPTEKST = (
    "# ketencli-dossier. Bewerk het liefst met `ketencli dossier edit {id}`: ketencli controleert\n"
    "# je wijzigingen dan voor ze bewaard worden. Commentaar (regels met #) blijft niet bewaard.\n"
)
LOCK_WACHTTIJD = 5.0

# ---------------------------------------------------------------------------------------------
# YAML text (``yamltekst``, imported when a file is read or written)
# ---------------------------------------------------------------------------------------------


def naar_yaml(data: Any) -> str:
    """The YAML text of plain data as ketencli writes it (``yamltekst.naar_yaml``)."""
    from ketencli import yamltekst

    return yamltekst.naar_yaml(data)


def laad_yaml() -> None:
    """Import the YAML machinery now (before a fork: once for both processes, not in each at its first
    file)."""
    from ketencli import yamltekst  # noqa: F401


def _lees_yaml_tekst(tekst: str, bron: str) -> Any:
    from ketencli import yamltekst

    return yamltekst.lees(tekst, bron)

def _decodeer(ruw: bytes, bron: str) -> str:
    """The text of a file's bytes, or a BestandsFout naming the line and column of the first byte that
    is not UTF-8 (a file saved as Windows-1252 or Latin-1 by another program; issue 20 §7)."""
    try:
        return ruw.decode("utf-8")
    except UnicodeDecodeError as fout:
        voor = ruw[: fout.start]
        regel = voor.count(b"\n") + 1
        kolom = len(voor[voor.rfind(b"\n") + 1:].decode("utf-8", errors="replace")) + 1
        raise BestandsFout(
            f"{bron}, regel {regel}, kolom {kolom}: dit is geen UTF-8-tekst (de byte 0x{ruw[fout.start]:02X} "
            "is geen geldig teken).",
            tip="Bewaar het bestand opnieuw als UTF-8 (in Kladblok: Opslaan als… → Codering: UTF-8), "
                "of typ dat teken opnieuw.") from None


# ---------------------------------------------------------------------------------------------
# Validation with Dutch messages
# ---------------------------------------------------------------------------------------------


def _migreer_v0(data: dict[str, Any]) -> dict[str, Any]:
    """v0: files written before the schema carried a version. Same shape, now versioned."""
    return {"schema_version": 1, **{k: v for k, v in data.items() if k != "schema_version"}}


_VORM_UIT_TOELICHTING = {"partner": {"gehuwd": "gehuwd", "getrouwd": "gehuwd", "samenwonend": "samenwonend"},
                         "ex-partner": {"gescheiden": "gescheiden", "uit elkaar": "uit-elkaar"}}


def _migreer_v1(data: dict[str, Any]) -> dict[str, Any]:
    """v1 -> v2: a partner relation may say how (``vorm``: gehuwd, samenwonend, uit-elkaar, gescheiden;
    issue 16). A ``toelichting`` that is exactly that word becomes the ``vorm``; anything longer stays
    text (never guessed). Incidents may say ``door``/``tegen`` (new, optional)."""
    uit = {**data, "schema_version": 2}
    leden = data.get("gezinsleden")
    if isinstance(leden, list):
        uit["gezinsleden"] = [_met_vormen(lid) for lid in leden]
    return uit


def _met_vormen(lid: Any) -> Any:
    if not isinstance(lid, dict) or not isinstance(lid.get("relaties"), list):
        return lid
    relaties = []
    for r in lid["relaties"]:
        woord = str(r.get("toelichting") or "").strip().lower() if isinstance(r, dict) else ""
        vorm = _VORM_UIT_TOELICHTING.get(r.get("soort"), {}).get(woord) if isinstance(r, dict) else None
        if vorm and "vorm" not in r:
            r = {**{k: v for k, v in r.items() if k != "toelichting"}, "vorm": vorm}
        relaties.append(r)
    return {**lid, "relaties": relaties}


# from-version -> function returning the data at from-version + 1
MIGRATIES: dict[int, Callable[[dict[str, Any]], dict[str, Any]]] = {0: _migreer_v0, 1: _migreer_v1}


def migreer(data: dict[str, Any], bron: str) -> dict[str, Any]:
    versie = data.get("schema_version", 0)
    if not isinstance(versie, int) or isinstance(versie, bool) or versie < 0:
        raise BestandsFout(f"{bron}: schema_version moet een geheel getal zijn (bv. {model.SCHEMA_VERSIE}).")
    if versie > model.SCHEMA_VERSIE:
        raise BestandsFout(
            f"{bron} werd gemaakt met een nieuwere ketencli (schema {versie}; deze versie kent "
            f"tot schema {model.SCHEMA_VERSIE}).",
            tip="Werk ketencli bij; het bestand blijft onaangeroerd.",
        )
    while versie < model.SCHEMA_VERSIE:
        stap = MIGRATIES.get(versie)
        if stap is None:  # pragma: no cover - a missing step is a programming error
            raise BestandsFout(f"{bron}: geen migratie van schema {versie} naar {versie + 1}.")
        data = stap(data)
        versie = data["schema_version"]
    return data


_FOUTTEKSTEN = {
    "missing": "dit veld is verplicht maar ontbreekt",
    "string_type": "verwacht tekst; zet de waarde tussen aanhalingstekens",
    "int_type": "verwacht een geheel getal",
    "int_parsing": "verwacht een geheel getal",
    "bool_type": "verwacht true of false",
    "bool_parsing": "verwacht true of false",
    "date_type": "verwacht een datum in de vorm 2026-03-15",
    "date_parsing": "verwacht een datum in de vorm 2026-03-15",
    "date_from_datetime_parsing": "verwacht een datum in de vorm 2026-03-15",
    "date_from_datetime_inexact": "verwacht een datum zonder uur, in de vorm 2026-03-15",
    "datetime_type": "verwacht een datum met uur, in de vorm 2026-03-15 14:30",
    "datetime_parsing": "verwacht een datum met uur, in de vorm 2026-03-15 14:30",
    "datetime_from_date_parsing": "verwacht een datum met uur, in de vorm 2026-03-15 14:30",
    "list_type": "verwacht een lijst (regels die met '- ' beginnen)",
    "model_type": "verwacht een blok met sleutels eronder",
    "model_attributes_type": "verwacht een blok met sleutels eronder",
    "dict_type": "verwacht een blok met sleutels eronder",
    "too_short": "mag niet leeg zijn",
    "invalid_key": "een sleutel moet een woord zijn (bv. naam), geen getal, datum of true/false",
}


def _veldtype(annotatie: Any) -> Any:
    """Unwrap Optional/list/Literal down to a model class (or None)."""
    oorsprong = typing.get_origin(annotatie)
    if oorsprong in (list, tuple, set):
        return _veldtype(typing.get_args(annotatie)[0])
    if oorsprong is not None and oorsprong is not typing.Literal:
        for arg in typing.get_args(annotatie):
            gevonden = _veldtype(arg)
            if gevonden is not None:
                return gevonden
        return None
    if isinstance(annotatie, type) and issubclass(annotatie, model.Basis):
        return annotatie
    return None


def _is_dict(annotatie: Any) -> bool:
    oorsprong = typing.get_origin(annotatie)
    return oorsprong is dict or (oorsprong is not None and any(_is_dict(a) for a in typing.get_args(annotatie)))


def _model_op(loc: tuple[Any, ...], wortelmodel: Any = None) -> Any:
    """The model class at a location (a tuple of keys, dict keys and list indexes), or None."""
    huidig: Any = wortelmodel or model.Dossier
    in_dict = False
    if "root" in getattr(huidig, "model_fields", {}):  # a RootModel over a dict (region settings)
        annotatie = huidig.model_fields["root"].annotation
        in_dict, huidig = _is_dict(annotatie), _veldtype(annotatie)
    for stap in loc:
        if isinstance(stap, int):
            continue
        if in_dict:  # a key of a dict field: the value type follows
            in_dict = False
            continue
        if huidig is None or stap not in huidig.model_fields:
            return None
        annotatie = huidig.model_fields[stap].annotation
        in_dict, huidig = _is_dict(annotatie), _veldtype(annotatie)
    return huidig


def _keuzes(loc: tuple[Any, ...], wortelmodel: Any = None) -> list[str]:
    """The allowed values of a Literal field at loc, for "kies uit" messages."""
    while loc and isinstance(loc[-1], int):  # an item of a list field
        loc = loc[:-1]
    ouder = _model_op(loc[:-1], wortelmodel)
    veld = loc[-1] if loc else None
    if ouder is None or not isinstance(veld, str) or veld not in ouder.model_fields:
        return []
    annotatie = ouder.model_fields[veld].annotation
    gevonden: list[str] = []

    def zoek(a: Any) -> None:
        if typing.get_origin(a) is typing.Literal:
            gevonden.extend(str(x) for x in typing.get_args(a))
        else:
            for arg in typing.get_args(a):
                zoek(arg)

    zoek(annotatie)
    return gevonden


def _knoop_op(wortel: Any, loc: tuple[Any, ...]) -> tuple[Any, bool]:
    """The YAML node at loc (or the deepest existing one); True when loc was found entirely."""
    import yaml

    knoop = wortel
    for i, stap in enumerate(loc):
        if isinstance(knoop, yaml.MappingNode) and isinstance(stap, str):
            volgende = None
            for sleutel, waarde in knoop.value:
                if getattr(sleutel, "value", None) == stap or (stap is None and sleutel.tag.endswith(":null")):
                    # the key itself for an unknown key, the value otherwise
                    volgende = sleutel if i == len(loc) - 1 else waarde
                    break
            if volgende is None:
                return knoop, False
            knoop = volgende
        elif isinstance(knoop, yaml.SequenceNode) and isinstance(stap, int) and stap < len(knoop.value):
            knoop = knoop.value[stap]
        else:
            return knoop, False
    return knoop, True


def _plek(loc: tuple[Any, ...], wortelmodel: Any = None) -> str:
    """The schema path of loc in words ("gezinsleden → item 1 → naam"), with known keys only: a
    key the schema does not know (free text typed as a key) ends the path, and a key of a free dict
    (a region name) is named only when it has a key's shape (issue 20 §2)."""
    delen: list[str] = []
    for i, stap in enumerate(loc):
        if isinstance(stap, int):
            delen.append(f"item {stap + 1}")
            continue
        ouder = _model_op(loc[:i], wortelmodel)
        bekend = ouder is not None and stap in ouder.model_fields
        if not bekend and not (_in_dict(loc[:i], wortelmodel) and SLEUTELVORM.match(str(stap))):
            break
        delen.append(str(stap))
    return " → ".join(delen) if delen else "het hele bestand"


def _in_dict(loc: tuple[Any, ...], wortelmodel: Any = None) -> bool:
    """True when the value at loc is a free dict (its keys are data, not schema keys)."""
    huidig: Any = wortelmodel or model.Dossier
    while loc and isinstance(loc[-1], int):
        loc = loc[:-1]
    if not loc:
        return "root" in getattr(huidig, "model_fields", {}) and _is_dict(huidig.model_fields["root"].annotation)
    ouder = _model_op(loc[:-1], wortelmodel)
    veld = loc[-1]
    return ouder is not None and isinstance(veld, str) and veld in ouder.model_fields \
        and _is_dict(ouder.model_fields[veld].annotation)


def _zonder_waarden(melding: str) -> str:
    """A validator's message without the values it quotes from the file: a quoted value is kept
    only when it has a key's or id's shape ('m1', 'cultuur'); other text is case text (issue 20 §2)."""
    return re.sub(r"'([^']*)'", lambda m: m.group(0) if SLEUTELVORM.match(m.group(1)) else "(…)", melding)


def _onbekende_sleutel(sleutel: Any, geldig: list[str]) -> str:
    """The message for a key the schema does not know. The key is repeated only when it looks like
    a mistyped key (lowercase letters, digits, _ or -, at most 30 characters: "gezinsnaamm"), with
    the nearest known key; free text typed as a key (case text) is never repeated (issue 20 §2)."""
    if isinstance(sleutel, str) and SLEUTELVORM.match(sleutel):
        melding = f"onbekende sleutel '{sleutel}'"
        nabij = difflib.get_close_matches(sleutel, geldig, n=1, cutoff=0.75)
        if nabij:
            return melding + f" — bedoel je '{nabij[0]}'?"
    elif sleutel is None:
        melding = "een sleutel zonder naam (~ of null); geef de sleutel een naam of verwijder de regel"
    else:
        melding = "een onbekende sleutel (de tekst wordt hier niet herhaald); staat er een ':' in een tekst, " \
                  "zet die tekst dan tussen aanhalingstekens"
    if geldig:
        melding += f" (geldige sleutels hier: {', '.join(geldig)})"
    return melding


def _schema_fout(fout: Any, tekst: str, bron: str, wortelmodel: Any = None) -> BestandsFout:
    import yaml

    from ketencli.yamltekst import Lader

    try:
        wortel = yaml.compose(tekst, Loader=Lader) if tekst else None
    except yaml.YAMLError:  # pragma: no cover - the text parsed a moment ago
        wortel = None
    regels: list[str] = []
    tip: str | None = None
    for e in fout.errors(include_input=False, include_url=False)[:8]:
        loc = tuple(x for x in e["loc"] if not (isinstance(x, str) and x.startswith("function-")))
        soort = e["type"]
        if soort == "extra_forbidden":
            ouder = _model_op(loc[:-1], wortelmodel)
            melding = _onbekende_sleutel(loc[-1], list(ouder.model_fields) if ouder is not None else [])
        elif soort == "literal_error":
            keuzes = _keuzes(loc, wortelmodel)
            melding = "ongeldige waarde" + (f"; kies uit: {', '.join(keuzes)}" if keuzes else "")
        elif soort == "value_error":
            melding = _zonder_waarden(str(e["msg"]).removeprefix("Value error, "))
        else:
            melding = _FOUTTEKSTEN.get(soort, f"ongeldige waarde ({soort})")
        plek = bron
        if wortel is not None:
            knoop, _ = _knoop_op(wortel, loc)
            merk = knoop.start_mark
            plek = f"{bron}, regel {merk.line + 1}, kolom {merk.column + 1}"
        punt = "" if melding.endswith(("?", ".", "!")) else "."
        regels.append(f"{plek} ({_plek(loc, wortelmodel)}): {melding}{punt}")
        if soort == "string_type":
            tip = "Telefoonnummers, uren en codes zet je tussen aanhalingstekens, bv. \"0470 12 34 56\"."
    if fout.error_count() > 8:
        regels.append(f"… en nog {fout.error_count() - 8} fouten.")
    return BestandsFout("\n".join(regels), tip=tip)


def vertaal_validatiefout(fout: Any, bron: str) -> BestandsFout:
    """A pydantic error raised outside a file (a command's change) as a Dutch message."""
    return _schema_fout(fout, "", bron)


def valideer(data: Any, tekst: str, bron: str) -> model.Dossier:
    """Migrate and validate parsed YAML; Dutch errors with line and column."""
    from pydantic import ValidationError

    if not isinstance(data, dict):
        raise BestandsFout(f"{bron}: verwacht een dossier (een blok met sleutels zoals id, regio, gezin).")
    data = migreer(data, bron)
    try:
        return model.Dossier.model_validate(data)
    except ValidationError as fout:
        raise _schema_fout(fout, tekst, bron) from None


def dossier_uit_tekst(tekst: str, bron: str) -> model.Dossier:
    return valideer(_lees_yaml_tekst(tekst, bron), tekst, bron)


def naar_tekst(dossier: model.Dossier) -> str:
    data = dossier.model_dump(mode="python", exclude_none=True)
    return KOPTEKST.format(id=dossier.id) + naar_yaml(data)


# ---------------------------------------------------------------------------------------------
# Loading and saving
# ---------------------------------------------------------------------------------------------


def _weergave(pad: Path) -> str:
    """How a file is named in messages: its full path (the data home is a hidden folder the user
    cannot find from a relative path; the path carries ids only, never names, D4)."""
    return str(pad)


def alle_ids() -> list[str]:
    map_ = dossiers_dir()
    if not map_.is_dir():
        return []
    return sorted(
        p.name for p in map_.iterdir() if ID_PATROON.match(p.name) and (p / DOSSIER_BESTAND).is_file()
    )


def _niet_gevonden(dossier_id: str) -> DossierNietGevonden:
    ids = alle_ids()
    nabij = difflib.get_close_matches(dossier_id, ids, n=3, cutoff=0.5)
    melding = f"Dossier {dossier_id} bestaat niet." if dossier_id.strip() else "Geef een dossier-id, bv. 2026-001."
    if nabij:
        tip = "Bedoel je " + " of ".join(nabij) + "?"
    elif ids:
        tip = "Bekijk de bestaande dossiers met `ketencli dossier list`."
    else:
        tip = "Er zijn nog geen dossiers: maak er een met `ketencli dossier new`."
    return DossierNietGevonden(melding, tip=tip)


def _dossierbytes(dossier_id: str) -> tuple[Path, bytes]:
    """The path and bytes of a dossier's file. Raises DossierNietGevonden (no such id or file),
    BestandsFout (unreadable)."""
    if not ID_PATROON.match(dossier_id):
        raise _niet_gevonden(dossier_id)
    pad = dossier_pad(dossier_id)
    try:
        return pad, pad.read_bytes()
    except FileNotFoundError:
        raise _niet_gevonden(dossier_id) from None
    except OSError as fout:
        raise BestandsFout(f"{_weergave(pad)} kan niet gelezen worden ({fout.strerror}).") from None


def laad(dossier_id: str) -> model.Dossier:
    """Load and validate a dossier. Never writes, even after a migration."""
    pad, ruw = _dossierbytes(dossier_id)
    bron = _weergave(pad)
    dossier = dossier_uit_tekst(_decodeer(ruw, bron), bron)
    if dossier.id != dossier_id:
        raise BestandsFout(f"{bron}: het id in het bestand ({dossier.id}) verschilt van de map ({dossier_id}).")
    dossier._stempel = hashlib.sha256(ruw).hexdigest()
    dossier._geladen_fase = dossier.fase
    return dossier


@contextlib.contextmanager
def slot(dossier_id: str, *, nieuw: bool = False) -> Iterator[None]:
    """The per-dossier lock (``paden.bestandsslot`` on ``dossier.yaml.lock``; reentrant within this
    process). Raises DossierNietGevonden for an unknown id unless ``nieuw`` (a dossier being created or
    arriving from a sync): a lock never leaves an empty folder behind that would take the number of
    the next new dossier; ConflictFout when another ketencli holds it for LOCK_WACHTTIJD seconds."""
    if not nieuw and not (ID_PATROON.match(dossier_id) and dossier_pad(dossier_id).is_file()):
        raise _niet_gevonden(dossier_id)
    map_ = dossier_dir(dossier_id)
    if not map_.is_dir():
        maak_map(map_)
    else:  # what maak_map does to folders that exist, without its path arithmetic (issue 19)
        for niveau in (map_.parent.parent, map_.parent, map_):
            _alleen_eigenaar(niveau)
    try:
        with bestandsslot(map_ / (DOSSIER_BESTAND + ".lock"), LOCK_WACHTTIJD):
            yield
    except SlotBezet:
        raise ConflictFout(
            f"Dossier {dossier_id} is nu in gebruik door een ander ketencli-venster.",
            tip="Rond je werk daar af en probeer het dan opnieuw.",
        ) from None


# (dossier id, field path, whether the values are a whole such as the casusregisseur) of every open team
# conflict (issue 18) whose field a save of this run changed: store prints nothing, so the one handler
# (``afhandeling``) says it after the command, once, and empties the list
geraakte_conflicten: list[tuple[str, str, bool]] = []


def bewaar(dossier: model.Dossier, *, heropen: bool = False) -> None:
    """Save a loaded (or new) dossier, refusing when the file changed since it was loaded.

    A dossier that was afgesloten when loaded is read-only; only ``heropen=True`` (the command
    ``dossier heropen``) may save it. A save that changes the field of an open team conflict (one that
    was already open before it) is noted in ``geraakte_conflicten``.
    """
    if dossier._geladen_fase == "afgesloten" and not heropen:
        raise AlleenLezen(dossier.id)
    pad = dossier_pad(dossier.id)
    with slot(dossier.id, nieuw=dossier._stempel is None):
        try:
            huidig: bytes | None = pad.read_bytes()
        except FileNotFoundError:
            huidig = None
        verwacht = dossier._stempel
        if (huidig is None) != (verwacht is None) or (
            huidig is not None and hashlib.sha256(huidig).hexdigest() != verwacht
        ):
            raise ConflictFout(
                f"Dossier {dossier.id} werd intussen gewijzigd (in een ander venster of door een sync). "
                "Je wijziging werd niet bewaard, zodat niets overschreven wordt.",
                tip=f"Open het dossier opnieuw (bv. `ketencli dossier show {dossier.id}`) en herhaal je wijziging.",
            )
        inhoud = naar_tekst(dossier).encode("utf-8")
        try:
            _schrijf_atomisch(pad, inhoud)
        except OSError as fout:
            raise schrijffout(fout, f"{_weergave(pad)} kon niet bewaard worden",
                              gevolg="Het vorige bestand is onaangeroerd.") from None
        dossier._stempel = hashlib.sha256(inhoud).hexdigest()
        dossier._geladen_fase = dossier.fase
        _ruim_op(dossier)
        if dossier.conflicten and huidig is not None:
            _noteer_geraakte_conflicten(dossier.id, huidig, inhoud)
        if (home() / ".git").is_dir():  # a team data home (issue 18): every save is a commit
            _team_commit([f"dossiers/{dossier.id}/{DOSSIER_BESTAND}"], _commitbericht(dossier.id, huidig, inhoud))


def _noteer_geraakte_conflicten(dossier_id: str, oud: bytes, nieuw: bytes) -> None:
    """Add to ``geraakte_conflicten`` the open conflicts of the saved version (``nieuw``) that the version
    before (``oud``) had too and whose field differs between the two; never fails the save."""
    from ketencli import samenvoegen

    try:
        voor, na = _lees_yaml_tekst(oud.decode("utf-8"), "oud"), _lees_yaml_tekst(nieuw.decode("utf-8"), "nieuw")
    except Exception:  # noqa: BLE001 - only a note: the save itself succeeded
        return
    if not isinstance(voor, dict) or not isinstance(na, dict):
        return
    eerder = {c.get("veld") for c in voor.get(samenvoegen.CONFLICTEN) or [] if isinstance(c, dict)}
    for c in na.get(samenvoegen.CONFLICTEN) or []:
        veld = c.get("veld") if isinstance(c, dict) else None
        if not isinstance(veld, str) or veld not in eerder or veld == samenvoegen.HEEL_DOSSIER:
            continue
        if samenvoegen.lees(voor, veld) != samenvoegen.lees(na, veld):
            geheel = any(isinstance(w.get("waarde"), (dict, list)) for w in c.get("waarden") or []
                         if isinstance(w, dict))
            if (dossier_id, veld, geheel) not in geraakte_conflicten:
                geraakte_conflicten.append((dossier_id, veld, geheel))


_SOORTEN = {"pva": "plan van aanpak", "ico": "ICO", "ifg_profielen": "IFG-profielen", "fase": "fase",
            "betrokken_diensten": "betrokken diensten", "dringende_maatregelen": "dringende maatregelen",
            "casusregisseur": "casusregisseur", "casusregie_start": "start casusregie"}


def _commitbericht(dossier_id: str, oud: bytes | None, nieuw: bytes) -> str:
    """A Dutch commit message with the id and the kinds of change, never a name or a value."""
    import yaml

    if oud is None:
        return f"Dossier {dossier_id}: nieuw dossier"
    try:
        voor, na = _lees_yaml_tekst(oud.decode("utf-8"), "oud"), _lees_yaml_tekst(nieuw.decode("utf-8"), "nieuw")
    except (KetencliFout, UnicodeDecodeError, yaml.YAMLError):
        voor, na = {}, {}
    if not isinstance(voor, dict) or not isinstance(na, dict):
        voor, na = {}, {}
    soorten = [_SOORTEN.get(k, k.replace("_", " ")) for k in list(na) + [k for k in voor if k not in na]
               if k != "historie" and voor.get(k) != na.get(k)]
    return f"Dossier {dossier_id}: {', '.join(soorten) or 'bewaard'} gewijzigd"


def _team_commit(paden: list[str], bericht: str) -> None:
    """Commit ``paden`` in a team data home (``git_opslag``), author from the profile. Never fails
    the save that just succeeded: a commit that cannot be made now (another ketencli syncing, a full
    disk) is made by the next `team sync`, which commits what changed on disk first."""
    from ketencli import git_opslag

    with contextlib.suppress(Exception):
        git_opslag.leg_vast(paden, bericht, auteur=profielnaam(), moment=klok.nu())


def team_schrijf(relpad: str, inhoud: bytes | None, verwacht: bytes | None = None) -> None:
    """For `team sync` (issue 18): put a tracked file as the shared repository has it, atomically and
    for a dossier under its lock; ``None`` removes it (a dossier: its whole folder). ``verwacht`` is the
    dossier file as the sync last committed it: a dossier saved in between (by another window) is never
    overwritten (ConflictFout; the next sync merges it). Raises SchijfFout, ConflictFout."""
    import shutil

    pad = home() / relpad
    delen = relpad.split("/")
    try:
        if len(delen) == 3 and delen[0] == "dossiers" and delen[2] == DOSSIER_BESTAND and ID_PATROON.match(delen[1]):
            with slot(delen[1], nieuw=True):
                try:
                    huidig: bytes | None = pad.read_bytes()
                except FileNotFoundError:
                    huidig = None
                if huidig != verwacht:
                    raise ConflictFout(f"Dossier {delen[1]} werd gewijzigd terwijl ketencli synchroniseerde.",
                                       tip="Je wijziging is bewaard. Doe `ketencli team sync` opnieuw: dan wordt "
                                           "ze samengevoegd.")
                if inhoud is not None:
                    _schrijf_atomisch(pad, inhoud)
                    return
                with contextlib.suppress(FileNotFoundError):
                    pad.unlink()
            shutil.rmtree(dossier_dir(delen[1]), ignore_errors=True)
            return
        if inhoud is None:
            with contextlib.suppress(FileNotFoundError):
                pad.unlink()
            return
        maak_map(pad.parent)
        _schrijf_atomisch(pad, inhoud)
    except OSError as fout:
        raise schrijffout(fout, f"{relpad} kon niet bijgewerkt worden",
                          gevolg="De synchronisatie stopte; je datamap is onaangeroerd of volledig bijgewerkt "
                                 "per dossier. Probeer `ketencli team sync` opnieuw.") from None


def team_hernummer(oud_id: str, bezet: set[str]) -> str:
    """For `team sync` (issue 18): this computer's dossier ``oud_id`` has the same number as a different
    dossier a colleague shared first. Give ours the next free number of its year (not in ``bezet``, the
    shared ids, nor taken here), with its documents; returns the new id. The caller commits both paths.
    Raises SchijfFout."""
    jaar = int(oud_id.split("-", 1)[0])
    while True:
        nieuw_id = _reserveer_id(jaar)
        if nieuw_id not in bezet:
            break
    try:
        with slot(oud_id), slot(nieuw_id, nieuw=True):
            dossier = laad(oud_id)
            kopie = dossier.model_copy(update={"id": nieuw_id})
            historie(kopie, f"hernummerd: {oud_id} → {nieuw_id}",
                     reden="het nummer was intussen door een collega gebruikt (team-sync)")
            inhoud = naar_tekst(model.Dossier.model_validate(kopie.model_dump())).encode("utf-8")
            _schrijf_atomisch(dossier_pad(nieuw_id), inhoud)
            documenten = documenten_dir(oud_id)
            if documenten.is_dir():
                os.replace(documenten, documenten_dir(nieuw_id))
            dossier_pad(oud_id).unlink()
    except OSError as fout:
        raise schrijffout(fout, f"Dossier {oud_id} kon geen nieuw nummer krijgen",
                          gevolg="Probeer `ketencli team sync` opnieuw.") from None
    _ruim_lege_map_op(oud_id)
    return nieuw_id


# ---------------------------------------------------------------------------------------------
# After a kill (issue 20 §4): stale temp copies and documents that no agendering knows
# ---------------------------------------------------------------------------------------------

ONDERWEG = ".onderweg-"  # a note in documenten/: the files a run is about to write (names only)
OUDE_TEMP_SECONDEN = 120.0  # documents are written outside the lock: a younger temp copy may be in progress


def noteer_onderweg(dossier_id: str, namen: list[str]) -> Path | None:
    """Before a run writes new files into the dossier's documenten/ folder that only a later save
    of the dossier will record (``agendeer``: the document and its .eml), note their names. The
    caller holds ``slot(dossier_id)`` from here until ``onderweg_klaar``; a note found by anyone
    else under the lock is from a killed run, and its files that no agendering names are removed
    (``_ruim_op``). Returns the note (None when there is nothing to note)."""
    if not namen:
        return None
    map_ = documenten_dir(dossier_id, maak=True)
    pad = map_ / f"{ONDERWEG}{os.getpid()}"
    _schrijf_atomisch(pad, "\n".join(namen).encode("utf-8"))
    return pad


def onderweg_klaar(notitie: Path | None) -> None:
    if notitie is not None:
        with contextlib.suppress(OSError):
            notitie.unlink()


def _vastgelegd(dossier: model.Dossier) -> set[str]:
    """The files in documenten/ that the dossier records (its agenderingen's document and draft)."""
    return {naam for a in dossier.agenderingen for naam in (a.document, a.mail) if naam}


def onvoltooide_bestanden(dossier_id: str) -> set[str]:
    """Names in documenten/ written by a run that was killed before its dossier was saved (no
    agendering knows them): `doc --lijst` never lists them. Reads only."""
    genoteerd = _genoteerd(documenten_dir(dossier_id))
    if not genoteerd:
        return set()
    try:
        bekend = _vastgelegd(laad(dossier_id))
    except (BestandsFout, DossierNietGevonden):
        bekend = set()
    return genoteerd - bekend


def _genoteerd(map_: Path) -> set[str]:
    namen: set[str] = set()
    with contextlib.suppress(OSError):
        for item in os.scandir(map_):
            if item.name.startswith(ONDERWEG):
                namen |= _genoteerd_in(Path(item.path))
    return namen


def _ruim_op(dossier: model.Dossier) -> None:
    """Under the dossier's lock, after a save: remove what a killed run left behind. The temp copies
    of ``dossier.yaml`` (only a save under this lock writes them, so any one seen now is stale; each
    is a complete copy of the dossier, with names), documents and drafts noted by a run that was
    killed before saving (``noteer_onderweg``) that no agendering records, and temp copies of
    documents older than ``OUDE_TEMP_SECONDEN``. Never raises: tidying up may fail quietly."""
    map_ = dossier_dir(dossier.id)
    with contextlib.suppress(OSError):
        for item in os.scandir(map_):
            if TEMP_KOPIE.match(item.name) and item.is_file(follow_symlinks=False):
                with contextlib.suppress(OSError):
                    os.unlink(item.path)
    docs = map_ / "documenten"
    if not docs.is_dir():
        return
    bekend = _vastgelegd(dossier)
    with contextlib.suppress(OSError):
        for item in list(os.scandir(docs)):
            if item.name.startswith(ONDERWEG):
                for naam in _genoteerd_in(Path(item.path)) - bekend:
                    with contextlib.suppress(OSError):
                        (docs / naam).unlink()
                with contextlib.suppress(OSError):
                    os.unlink(item.path)
    paden_ruim(docs, OUDE_TEMP_SECONDEN)


def _genoteerd_in(notitie: Path) -> set[str]:
    try:
        regels = notitie.read_text(encoding="utf-8").split("\n")
    except (OSError, UnicodeDecodeError):
        return set()
    return {n for n in regels if n and "/" not in n and "\\" not in n and not n.startswith(".")}


def herstel(dossier_id: str) -> None:
    """Tidy up after a killed run before a command writes new files (``agendeer``: otherwise the
    rerun writes ``-2`` copies next to the orphans). Only takes the lock when there is something
    to tidy; never raises for that (the command's own writing says what is wrong with the disk)."""
    map_ = dossier_dir(dossier_id)
    try:
        namen = [item.name for item in os.scandir(map_)]
        namen += [item.name for item in os.scandir(map_ / "documenten")] if (map_ / "documenten").is_dir() else []
    except OSError:
        return
    if not any(n.startswith(ONDERWEG) or TEMP_KOPIE.match(n) for n in namen):
        return
    with contextlib.suppress(OSError, KetencliFout), slot(dossier_id):
        _ruim_op(laad(dossier_id))


@contextlib.contextmanager
def wijzig(dossier_id: str, *, heropen: bool = False) -> Iterator[model.Dossier]:
    """Load under the lock, let the caller change it, save if no exception was raised.

    An afgesloten dossier is refused before the caller changes anything (see ``bewaar``).
    """
    with slot(dossier_id):
        dossier = laad(dossier_id)
        if dossier.alleen_lezen and not heropen:
            raise AlleenLezen(dossier.id)
        yield dossier
        bewaar(dossier, heropen=heropen)


def vereis_schrijfbaar(dossier: model.Dossier) -> None:
    """For commands that write files of a dossier outside ``wijzig`` (documents, drafts)."""
    if dossier.alleen_lezen:
        raise AlleenLezen(dossier.id)


def historie(dossier: model.Dossier, wat: str, reden: str = "") -> None:
    dossier.historie.append(model.HistorieItem(moment=klok.nu().replace(microsecond=0), wat=wat, reden=reden))


# ---------------------------------------------------------------------------------------------
# New dossiers and imports
# ---------------------------------------------------------------------------------------------


def _reserveer_id(jaar: int, gewenst: str | None = None) -> str:
    """Claim ``gewenst`` when it is a well-formed id (D3) whose folder is free, else the next free
    ``<jaar>-<nnn>``, by creating its folder (atomic, race-free; decisions D2)."""
    basis = maak_map(dossiers_dir())
    _ruim_verlaten_mappen(basis)
    if gewenst is not None and ID_PATROON.match(gewenst) and gewenst not in verwijderde_ids():
        try:
            (basis / gewenst).mkdir(mode=0o700)
        except FileExistsError:
            pass
        else:
            _alleen_eigenaar(basis / gewenst, 0o700)
            return gewenst
    patroon = re.compile(rf"^{jaar}-(\d{{3,}})$")
    nummers = [int(m.group(1)) for p in basis.iterdir() if (m := patroon.match(p.name))]
    nummers += [int(m.group(1)) for i in verwijderde_ids() if (m := patroon.match(i))]  # never reused
    volgende = max(nummers, default=0) + 1
    while True:
        kandidaat = f"{jaar}-{volgende:03d}"
        try:
            (basis / kandidaat).mkdir(mode=0o700)
        except FileExistsError:
            volgende += 1
            continue
        _alleen_eigenaar(basis / kandidaat, 0o700)
        return kandidaat


VERLATEN_SECONDEN = 600.0


def _ruim_verlaten_mappen(basis: Path) -> None:
    """Remove the folders of new dossiers whose first save was killed (issue 20 §4): an id folder
    without dossier.yaml, untouched for ``VERLATEN_SECONDEN``, holding nothing but ketencli's own
    lock and temp copies (a temp copy is the whole new dossier, with names). Never raises."""
    import time

    with contextlib.suppress(OSError):
        for item in os.scandir(basis):
            if not (ID_PATROON.match(item.name) and item.is_dir(follow_symlinks=False)):
                continue
            map_ = Path(item.path)
            with contextlib.suppress(OSError):
                if (map_ / DOSSIER_BESTAND).exists() or time.time() - map_.stat().st_mtime < VERLATEN_SECONDEN:
                    continue
                inhoud = list(os.scandir(map_))
                if not all(k.is_file(follow_symlinks=False) and (k.name == DOSSIER_BESTAND + ".lock"
                                                                 or TEMP_KOPIE.match(k.name)) for k in inhoud):
                    continue  # something a user put there: not ketencli's to remove
                for k in inhoud:
                    os.unlink(k.path)
                map_.rmdir()


def maak_nieuw(data: dict[str, Any], bron: str = "nieuw dossier", *, gewenst_id: str | None = None) -> model.Dossier:
    """Validate new dossier data, assign an id and save it. ``gewenst_id`` (the id of an imported
    file) is kept when well-formed and free in the data home, otherwise the next free id of the
    aanmelding's year is given (decisions D2: the caller says so when the id differs)."""
    data = dict(data)
    data["id"] = "0000-000"
    tekst = naar_yaml(data)
    voorlopig = valideer(data, tekst, bron)
    jaar = voorlopig.aanmelding.datum.year if voorlopig.aanmelding.datum else klok.vandaag().year
    nieuw_id = _reserveer_id(jaar, gewenst_id)
    try:
        dossier = voorlopig.model_copy(update={"id": nieuw_id})
        dossier = model.Dossier.model_validate(dossier.model_dump())
        bewaar(dossier)
    except BaseException:
        _ruim_lege_map_op(nieuw_id)
        raise
    return dossier


def _ruim_lege_map_op(dossier_id: str) -> None:
    map_ = dossier_dir(dossier_id)
    if (map_ / DOSSIER_BESTAND).exists():
        return
    with contextlib.suppress(OSError):
        for kind in map_.iterdir():
            if kind.name.endswith(".lock"):
                kind.unlink()
        map_.rmdir()


# ---------------------------------------------------------------------------------------------
# Deleting a dossier after its retention term (issue 20 §8)
# ---------------------------------------------------------------------------------------------

REGISTER_KOP = "id;regio;jaar_afsluiting;verwijderd_op"
_WEG = ".verwijderd-"  # a dossier folder being deleted: renamed first, so a kill never leaves half a dossier


def register_pad() -> Path:
    """The anonymous register of deleted dossiers: one line per dossier (id, region, year of the
    afsluiting, date of deletion), never a name or a fact."""
    return home() / "register" / "verwijderde-dossiers.csv"


def verwijderde_ids() -> set[str]:
    try:
        regels = register_pad().read_text(encoding="utf-8").splitlines()
    except OSError:
        return set()
    return {r.split(";", 1)[0] for r in regels[1:] if r.strip()}


def verwijder_dossier(dossier_id: str, *, regio: str, jaar_afsluiting: int | None) -> None:
    """Delete an afgesloten dossier with its documents, drafts and editor copies, after writing its
    anonymous line in the register (first: a kill never loses the record). The folder is renamed
    away under the lock, then removed; a leftover of a killed deletion goes on the next call.
    Raises KetencliFout for a dossier that is not afgesloten, SchijfFout when the disk refuses."""
    import shutil

    def vereis_afgesloten() -> None:
        if laad(dossier_id).fase != "afgesloten":
            raise KetencliFout(f"Dossier {dossier_id} is niet afgesloten en wordt niet verwijderd.")

    vereis_afgesloten()
    oud_register = register_pad().read_bytes() if register_pad().exists() else None
    _registreer(dossier_id, regio, jaar_afsluiting)
    map_ = dossier_dir(dossier_id)
    weg = dossiers_dir() / f"{_WEG}{dossier_id}-{os.getpid()}"
    with slot(dossier_id):
        vereis_afgesloten()  # unchanged under the lock
    # renamed after the lock is released: Windows cannot rename a folder with an open (lock) file in it;
    # an afgesloten dossier is read-only for every command, so nothing writes in between
    try:
        os.replace(map_, weg)
    except OSError as fout:
        with contextlib.suppress(OSError):  # not deleted after all: the register says so too
            if oud_register is None:
                register_pad().unlink()
            else:
                _schrijf_atomisch(register_pad(), oud_register)
        raise schrijffout(fout, f"Dossier {dossier_id} kon niet verwijderd worden",
                          gevolg="Het dossier is onaangeroerd.") from None
    shutil.rmtree(weg, ignore_errors=True)
    for map_naam in ("concepten", "bewerken"):
        for pad in (home() / map_naam).glob(f"{dossier_id}-*"):
            with contextlib.suppress(OSError):
                pad.unlink()
    ruim_verwijderde_op()
    if (home() / ".git").is_dir():
        _team_commit([f"dossiers/{dossier_id}/{DOSSIER_BESTAND}", "register/verwijderde-dossiers.csv"],
                     f"Dossier {dossier_id}: verwijderd na de bewaartermijn")


def ruim_verwijderde_op() -> None:
    """Remove what a killed deletion left (a renamed folder)."""
    import shutil

    with contextlib.suppress(OSError):
        for item in os.scandir(dossiers_dir()):
            if item.name.startswith(_WEG) and item.is_dir(follow_symlinks=False):
                shutil.rmtree(item.path, ignore_errors=True)


def _registreer(dossier_id: str, regio: str, jaar_afsluiting: int | None) -> None:
    pad = register_pad()
    try:
        bestaand = pad.read_text(encoding="utf-8")
    except FileNotFoundError:
        bestaand = REGISTER_KOP + "\n"
    except OSError as fout:
        raise schrijffout(fout, f"{_weergave(pad)} kon niet gelezen worden") from None
    if dossier_id in verwijderde_ids():
        return
    regel = f"{dossier_id};{regio};{jaar_afsluiting or ''};{klok.vandaag().isoformat()}\n"
    try:
        maak_map(pad.parent)
        _schrijf_atomisch(pad, (bestaand if bestaand.endswith("\n") else bestaand + "\n").encode("utf-8")
                          + regel.encode("utf-8"))
    except OSError as fout:
        raise schrijffout(fout, f"{_weergave(pad)} kon niet bijgewerkt worden",
                          gevolg="Er werd niets verwijderd.") from None


@dataclass
class Import:
    data: dict[str, Any]
    gegeven_id: str | None


def lees_import(pad: Path) -> Import:
    """Read a dossier file in the stored schema for `dossier new --from` (decisions D2)."""
    data, tekst = lees_fragment(pad)
    if not isinstance(data, dict):
        raise BestandsFout(f"{pad}: verwacht een dossier (een blok met sleutels zoals regio, gezin).")
    gegeven = data.get("id")
    data = migreer(data, str(pad))
    data["id"] = "0000-000"
    valideer(data, tekst, str(pad))  # errors point into the user's file
    return Import(data=data, gegeven_id=str(gegeven) if gegeven is not None else None)


def lees_yaml_bestand(pad: Path, model_klasse: Any) -> list[Any]:
    """Read a YAML fragment (e.g. a veiligheidsplan for `--from`): one block or a list of blocks,
    each validated as ``model_klasse``; errors in Dutch with line and column."""
    from pydantic import TypeAdapter, ValidationError

    data, tekst = lees_fragment(pad)
    if isinstance(data, dict):
        return [valideer_deel(model_klasse, data, tekst, str(pad))]
    if isinstance(data, list) and data:
        try:
            return list(TypeAdapter(list[model_klasse]).validate_python(data))
        except ValidationError as fout:
            raise _schema_fout(fout, tekst, str(pad), model_klasse) from None
    raise BestandsFout(f"{pad}: verwacht een blok met sleutels, of een lijst van zulke blokken.")


def lees_fragment(pad: Path) -> tuple[Any, str]:
    """Read a user's YAML file (a `--from` file): the parsed data and the text, Dutch errors."""
    pad = Path(pad)
    try:
        ruw = pad.read_bytes()
    except FileNotFoundError:
        raise BestandsFout(f"{pad} bestaat niet.") from None
    except OSError as fout:
        raise BestandsFout(f"{pad} kan niet gelezen worden ({fout.strerror}).") from None
    tekst = _decodeer(ruw, str(pad))
    return _lees_yaml_tekst(tekst, str(pad)), tekst


def valideer_deel(modelklasse: Any, data: Any, tekst: str, bron: str) -> Any:
    """Validate a fragment (e.g. a kijkschema moment or a PvA) with Dutch errors and line numbers."""
    from pydantic import ValidationError

    try:
        return modelklasse.model_validate(data)
    except ValidationError as fout:
        raise _schema_fout(fout, tekst, bron, wortelmodel=modelklasse) from None


# ---------------------------------------------------------------------------------------------
# Drafts: answers of a long wizard kept after Ctrl-C (the kijkschema, issue 15 §4)
# ---------------------------------------------------------------------------------------------


def _concept_pad(dossier_id: str, soort: str) -> Path:
    return home() / "concepten" / f"{dossier_id}-{soort}.yaml"


def bewaar_concept(dossier_id: str, soort: str, data: dict[str, Any]) -> Path:
    """Keep a wizard's answers so far (owner-only, atomic; ids only in the file name)."""
    pad = _concept_pad(dossier_id, soort)
    maak_map(pad.parent)
    _schrijf_atomisch(pad, naar_yaml(data).encode("utf-8"))
    return pad


def lees_concept(dossier_id: str, soort: str) -> dict[str, Any] | None:
    """A kept draft, or None when there is none or it cannot be read (a draft is a convenience)."""
    pad = _concept_pad(dossier_id, soort)
    try:
        data = _lees_yaml_tekst(pad.read_text(encoding="utf-8"), str(pad))
    except (OSError, UnicodeDecodeError, BestandsFout):
        return None
    return data if isinstance(data, dict) else None


def verwijder_concept(dossier_id: str, soort: str) -> None:
    with contextlib.suppress(OSError):
        _concept_pad(dossier_id, soort).unlink()


# ---------------------------------------------------------------------------------------------
# Editing a copy (`dossier edit`)
# ---------------------------------------------------------------------------------------------


BEWERKEN = "bewerken"
_BASIS_REGEL = re.compile(r"^# basis: ([0-9a-f]{64})\b", re.M)


def _kopieslot(pad: Path) -> Path:
    """The lock file of an editing copy: ``<copy>.lock`` next to it (an editor may replace the copy
    itself by a rename, so the lock is never on the copy)."""
    pad = Path(pad)
    return pad.with_name(pad.name + ".lock")


@contextlib.contextmanager
def _houd_kopie_vast(pad: Path) -> Iterator[None]:
    """Hold an editing copy's lock (``paden.bestandsslot`` on ``_kopieslot``, no wait): the copy is
    then in use, so no other ketencli offers it for ``--herneem`` or deletes it. Raises SlotBezet when
    another process (or another edit in this process) holds it; OSError when the file system refuses
    locks. The system releases the lock when a process dies, so a killed edit's copy is kept, not in
    use. A lock file whose copy is gone is removed once released (Windows cannot remove an open file)."""
    gehouden = False
    try:
        with bestandsslot(_kopieslot(pad), 0, herintreedbaar=False):
            gehouden = True
            yield
    finally:
        if gehouden and not os.path.lexists(pad):
            with contextlib.suppress(OSError):
                _kopieslot(pad).unlink()


def _in_gebruik(pad: Path) -> bool:
    """True while another ketencli (or another edit in this process) has the copy open in an editor."""
    if not _kopieslot(pad).exists():  # made by a ketencli without copy locks, or the lock file was removed
        return False
    try:
        with _houd_kopie_vast(pad):
            return False
    except SlotBezet:
        return True
    except OSError:  # no locks on this file system: then no edit could hold one either
        return False


@contextlib.contextmanager
def bewerkkopie(dossier: model.Dossier) -> Iterator[Path]:
    """An owner-only copy (0600) in the data home (never the system temp dir) to edit in an editor,
    held (in use) for the ``with`` block: no other ketencli lists it in ``bewaarde_kopieen`` or
    deletes it. After the block it stays until ``verwijder_bewerkkopie``: then it is a kept copy.

    Its name carries only the dossier id (``<id>-<8 hex>.yaml``); a comment line records the
    fingerprint of the dossier file it was made from (``kopie_basis``), so a resumed copy (`dossier
    edit --herneem`) can tell whether the dossier changed in the meantime. Raises OSError when the disk
    refuses the copy or its lock."""
    with _schrijf_bewerkkopie(dossier.id, naar_tekst(dossier), dossier._stempel) as pad:
        yield pad


@contextlib.contextmanager
def _schrijf_bewerkkopie(dossier_id: str, tekst: str, stempel: str | None) -> Iterator[Path]:
    import secrets

    map_ = maak_map(home() / BEWERKEN)
    if tekst and not tekst.endswith("\n"):
        tekst += "\n"
    basis = (f"# basis: {stempel} (laat deze regel staan: zo ziet ketencli of het dossier intussen "
             "veranderde)\n" if stempel else "")
    vlaggen = os.O_WRONLY | os.O_CREAT | os.O_EXCL | getattr(os, "O_BINARY", 0) | getattr(os, "O_NOINHERIT", 0)
    while True:
        pad = map_ / f"{dossier_id}-{secrets.token_hex(4)}.yaml"
        # the lock before the copy exists: another ketencli never sees it unheld (a kept copy)
        with contextlib.ExitStack() as sloten:
            try:
                sloten.enter_context(_houd_kopie_vast(pad))
                fd = os.open(pad, vlaggen, 0o600)
            except (SlotBezet, FileExistsError):  # a name taken already: another one
                continue
            try:
                with os.fdopen(fd, "wb") as f:
                    f.write((tekst + basis).encode("utf-8"))
            except BaseException:
                with contextlib.suppress(OSError):
                    pad.unlink()
                raise
            yield pad
            return


@contextlib.contextmanager
def bewerkkopie_van(kapot: KapotDossier) -> Iterator[Path]:
    """``bewerkkopie`` for a dossier file that does not load: its own text, to repair."""
    with _schrijf_bewerkkopie(kapot.id, kapot.tekst, kapot.stempel) as pad:
        yield pad


@dataclass
class KapotDossier:
    """A dossier file that does not load (broken by hand, by another program or a sync): what
    `dossier edit` needs to repair it. ``fase`` and ``historie`` are what could still be read from
    it (None when that part is unreadable), so a repair cannot change them either (D8)."""

    id: str
    pad: Path
    tekst: str
    stempel: str
    fase: str | None
    historie: list[Any] | None


def lees_kapot(dossier_id: str) -> KapotDossier:
    """The text of a dossier file that ``laad`` refuses, for repair in an editor. Bytes that are not
    UTF-8 become U+FFFD (the user sees where they were). Raises DossierNietGevonden / BestandsFout
    when the file is missing or unreadable."""
    import yaml

    from ketencli.yamltekst import Lader

    pad, ruw = _dossierbytes(dossier_id)
    tekst = ruw.decode("utf-8", errors="replace")
    fase: str | None = None
    historie: list[Any] | None = None
    try:
        data = yaml.load(tekst, Loader=Lader)  # noqa: S506 - a safe loader subclass
    except Exception:  # noqa: BLE001 - any way a broken file fails to parse: nothing readable
        data = None
    if isinstance(data, dict):
        if isinstance(data.get("fase"), str):
            fase = data["fase"]
        with contextlib.suppress(Exception):
            from pydantic import TypeAdapter

            historie = TypeAdapter(list[model.HistorieItem]).validate_python(data.get("historie") or [])
    elif (m := re.search(r"^fase:[ \t]*([a-z_-]+)[ \t]*$", tekst, re.M)) is not None:
        fase = m.group(1)  # a file that does not parse at all: its top-level fase line still says it
    return KapotDossier(dossier_id, pad, tekst, hashlib.sha256(ruw).hexdigest(), fase, historie)


def kopie_basis(pad: Path) -> str | None:
    """The fingerprint of the dossier file an editing copy was made from (None when unknown)."""
    try:
        m = _BASIS_REGEL.search(Path(pad).read_text(encoding="utf-8", errors="replace"))
    except OSError:
        return None
    return m.group(1) if m else None


def _kopieen(dossier_id: str) -> list[Path]:
    map_ = home() / BEWERKEN
    if not map_.is_dir() or not ID_PATROON.match(dossier_id):
        return []
    kopieen = []
    for pad in map_.glob(f"{dossier_id}-*.yaml"):
        with contextlib.suppress(OSError):  # removed meanwhile
            if pad.is_file():
                kopieen.append((pad.stat().st_mtime_ns, pad))
    return [pad for _, pad in sorted(kopieen, key=lambda t: t[0], reverse=True)]


def bewaarde_kopieen(dossier_id: str) -> list[Path]:
    """The kept editing copies of a dossier (a rejected or conflicting edit, or one whose ketencli was
    killed), newest first. A copy that another ketencli has open in an editor right now (its lock is
    held, ``bewerkkopie``) is not kept: it is never listed here."""
    return [pad for pad in _kopieen(dossier_id) if not _in_gebruik(pad)]


def kopieen_in_gebruik(dossier_id: str) -> list[Path]:
    """The editing copies of a dossier that another ketencli (another window) has open in an editor now."""
    return [pad for pad in _kopieen(dossier_id) if _in_gebruik(pad)]


@contextlib.contextmanager
def herneem_kopie(dossier_id: str) -> Iterator[Path | None]:
    """The newest kept copy of a dossier (``bewaarde_kopieen``), held for the ``with`` block as
    ``bewerkkopie`` holds a new one, so two ketencli's never resume the same copy; None when there is
    none (or every one is in use)."""
    for pad in bewaarde_kopieen(dossier_id):
        with contextlib.ExitStack() as sloten:
            try:
                sloten.enter_context(_houd_kopie_vast(pad))
            except SlotBezet:  # taken by another ketencli since it was listed
                continue
            if not pad.is_file():  # resumed, saved and removed by another ketencli meanwhile
                continue
            yield pad
            return
    yield None


def alleen_eigenaar_bestand(pad: Path) -> None:
    """Take group and other bits off a file an editor may have rewritten with the user's umask."""
    if os.name != "posix":
        return
    with contextlib.suppress(OSError):
        modus = Path(pad).stat().st_mode & 0o777
        if modus & 0o077:
            os.chmod(pad, modus & ~0o077)


def lees_bewerkkopie(pad: Path, dossier_id: str) -> model.Dossier:
    bron = f"dossier {dossier_id} (bewerkte versie)"
    tekst = _decodeer(Path(pad).read_bytes(), bron)
    data = _lees_yaml_tekst(tekst, bron)
    dossier = valideer(data, tekst, bron)
    if dossier.id != dossier_id:
        raise BestandsFout(f"{bron}: het id mag je niet wijzigen (was {dossier_id}).")
    return dossier


def verwijder_bewerkkopie(pad: Path) -> None:
    """Remove an editing copy and its lock file (call it while the copy is held: ``bewerkkopie``,
    ``herneem_kopie``; on Windows the lock file goes when the lock is released). Never raises."""
    with contextlib.suppress(OSError):
        Path(pad).unlink()
    with contextlib.suppress(OSError):
        _kopieslot(pad).unlink()


# ---------------------------------------------------------------------------------------------
# Listing
# ---------------------------------------------------------------------------------------------


# The listing of all dossiers (id, gezin, fase, due items) is `ketencli.index.samenvattingen()`:
# a per-file cache over `laad` (decisions D15), so listings stay fast with 1,000 dossiers.


# ---------------------------------------------------------------------------------------------
# Region settings (issue "agendering", D26): the user's regio.yaml in the config folder
# ---------------------------------------------------------------------------------------------

REGIO_BESTAND = "regio.yaml"


def regio_instellingen_pad() -> Path:
    return config_dir() / REGIO_BESTAND


def lees_regio_instellingen() -> dict[str, Any]:
    """The user's region settings (validated against ``model.RegioInstellingen``, as plain data for
    ``methodiek.regios.toepassen``); {} when there is no file. Errors in Dutch with line and column."""
    pad = regio_instellingen_pad()
    if not pad.is_file():
        return {}
    data, tekst = lees_fragment(pad)
    if data is None:
        return {}
    if isinstance(data, dict):
        for sleutel in data:
            if sleutel not in model.REGIO_NAMEN:
                import yaml

                from ketencli.yamltekst import Lader

                try:
                    wortel = yaml.compose(tekst, Loader=Lader)
                    merk = _knoop_op(wortel, (sleutel,))[0].start_mark
                    plek = f"{_weergave(pad)}, regel {merk.line + 1}, kolom {merk.column + 1}"
                except (yaml.YAMLError, AttributeError):  # pragma: no cover - parsed a moment ago
                    plek = _weergave(pad)
                naam = f"'{sleutel}'" if isinstance(sleutel, str) and SLEUTELVORM.match(sleutel) else "(…)"
                raise BestandsFout(f"{plek}: onbekende regio {naam}; kies uit: {', '.join(model.REGIO_NAMEN)}.")
    instellingen = valideer_deel(model.RegioInstellingen, data, tekst, _weergave(pad))
    uit: dict[str, Any] = instellingen.model_dump(mode="python", exclude_none=True)
    # a reference date that is not on the table's weekday is an error
    for regio_key, regio_inst in uit.items():
        for tafel_key, t in regio_inst.get("tafels", {}).items():
            ref, dag = t.get("referentiedatum"), t.get("weekdag")
            if ref is not None and dag is not None and ref.weekday() != model.WEEKDAGEN.index(dag):
                raise BestandsFout(
                    f"{_weergave(pad)} ({regio_key} → tafels → {tafel_key}): de referentiedatum {ref.isoformat()} "
                    f"valt niet op een {dag}."
                )
    return uit


# ---------------------------------------------------------------------------------------------
# The user's profile (issue "invoer" §1): config/profiel.yaml in the config folder (D13)
# ---------------------------------------------------------------------------------------------

PROFIEL_BESTAND = "profiel.yaml"


def profiel_pad() -> Path:
    return config_dir() / PROFIEL_BESTAND


def lees_profiel() -> model.Profiel:
    """The user's profile; an empty one when there is no file. Errors in Dutch with line and column."""
    pad = profiel_pad()
    if not pad.is_file():
        return model.Profiel()
    data, tekst = lees_fragment(pad)
    if data is None:
        return model.Profiel()
    if not isinstance(data, dict):
        raise BestandsFout(f"{_weergave(pad)}: verwacht een blok met sleutels (naam, organisatie, contact, regio).")
    profiel: model.Profiel = valideer_deel(model.Profiel, data, tekst, _weergave(pad))
    return profiel


def profielnaam() -> str:
    """The profile's name (``lees_profiel().naam``) without loading the model: a team sync or save needs
    only the author (issue 18). A file that is not a plain block of known keys with a text name goes
    through ``lees_profiel`` for its Dutch error. The name read last is kept in ``cache/profielnaam``
    (owner-only, beside the other caches, never shared) with the profile file's identity, size and time:
    while the file is unchanged no YAML is read (PyYAML's import alone is ~11 ms of a sync)."""
    pad = profiel_pad()
    try:
        st = pad.stat()
    except OSError:
        return ""
    if not _stat.S_ISREG(st.st_mode):
        return ""
    stempel = f"{st.st_dev} {st.st_ino} {st.st_size} {st.st_mtime_ns} {st.st_ctime_ns}"
    bewaard = home() / "cache" / "profielnaam"
    try:
        regel, naam = bewaard.read_text(encoding="utf-8").split("\n", 1)
        if regel == stempel and "\n" not in naam:
            return naam
    except (OSError, ValueError):  # none yet, unreadable or torn: read the profile
        pass
    data, _ = lees_fragment(pad)
    if data is None:
        naam = ""
    elif isinstance(data, dict) and set(data) <= {"naam", "organisatie", "contact", "regio"} \
            and isinstance(data.get("naam", ""), str):
        naam = str(data.get("naam", ""))
    else:
        naam = lees_profiel().naam
    if "\n" not in naam:
        with contextlib.suppress(OSError):
            maak_map(bewaard.parent)
            _schrijf_atomisch(bewaard, f"{stempel}\n{naam}".encode())
    return naam


def bewaar_profiel(profiel: model.Profiel) -> Path:
    """Write the profile atomically (0600, in an owner-only config folder); returns its path."""
    pad = profiel_pad()
    maak_map(pad.parent)
    kop = "# Je ketencli-profiel: wie standaard casusregisseur is, en je regio. Wijzig met `ketencli profiel`.\n"
    _schrijf_atomisch(pad, (kop + naar_yaml(profiel.model_dump(mode="python", exclude_none=True))).encode("utf-8"))
    return pad
