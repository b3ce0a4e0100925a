"""The YAML text of ketencli's files: the loader (YAML 1.2-like scalars, duplicate keys refused, a fast
construct pass on libyaml's parser), the emitter (readable block style, libyaml fed the serializer's
events) and the Dutch messages for YAML errors. Only ``store`` imports it (import-linter contract), and
only when it reads or writes YAML: a `team sync` that merges no dossier never imports PyYAML (~11 ms,
issue 18's benchmark).
"""

from __future__ import annotations

import datetime
import io
import re
from typing import Any

import yaml

from ketencli.fouten import SLEUTELVORM, BestandsFout

# ---------------------------------------------------------------------------------------------
# YAML: YAML 1.2-like scalars, readable output
# ---------------------------------------------------------------------------------------------

_BasisLoader: Any = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
_BasisDumper: Any = getattr(yaml, "CSafeDumper", yaml.SafeDumper)


class _DubbeleSleutel(yaml.YAMLError):
    """A mapping key written twice in one block (the YAML spec requires unique keys)."""

    def __init__(self, sleutel: Any, tweede: Any, eerste: Any) -> None:
        super().__init__("duplicate key")
        self.sleutel, self.tweede, self.eerste = sleutel, tweede, eerste


class _SleutelZonderNaam(yaml.YAMLError):
    """A mapping key that is null (``~: x`` or ``: x``): no schema key is null."""

    def __init__(self, merk: Any) -> None:
        super().__init__("null key")
        self.merk = merk


_STR, _MAP, _SEQ = "tag:yaml.org,2002:str", "tag:yaml.org,2002:map", "tag:yaml.org,2002:seq"
# the scalar tags ``Lader``'s fast pass builds with the loader's own constructors
_SNEL_TAGS = ("tag:yaml.org,2002:null", "tag:yaml.org,2002:bool", "tag:yaml.org,2002:int",
              "tag:yaml.org,2002:float", "tag:yaml.org,2002:timestamp")
_DATUM = re.compile(r"[0-9]{4}-[0-9]{2}-[0-9]{2}\Z")


class _Terugval(Exception):
    """Internal: the fast pass of ``Lader.construct_document`` leaves this document to PyYAML's constructor."""


class Lader(_BasisLoader):  # type: ignore[misc]
    """SafeLoader without YAML 1.1's surprises: ``no``/``ja`` stay text, ``0470123456`` and
    ``13:00`` stay text (no octal or base-60 numbers), only true/false are booleans. A key written
    twice in one block is refused (PyYAML would keep the last one and silently drop the first:
    a second ``tijdlijn:`` block appended by hand; issue 20 §1), at every level."""

    def construct_mapping(self, node: Any, deep: bool = False) -> Any:
        if isinstance(node, yaml.MappingNode) and self._misschien_fout(node):
            gezien: dict[Any, Any] = {}
            for sleutel_knoop, _ in node.value:
                if sleutel_knoop.tag == "tag:yaml.org,2002:merge":
                    continue
                sleutel = self.construct_object(sleutel_knoop, deep=True)
                if sleutel is None:
                    raise _SleutelZonderNaam(sleutel_knoop.start_mark)
                try:
                    eerder = gezien.get(sleutel)
                except TypeError:  # an unhashable key: the constructor refuses it itself
                    continue
                if eerder is not None:
                    raise _DubbeleSleutel(sleutel, sleutel_knoop.start_mark, eerder.start_mark)
                gezien[sleutel] = sleutel_knoop
        return super().construct_mapping(node, deep=deep)

    # The composer asks, per node, to descend into and ascend out of the path resolvers; there are
    # none, so the answer is nothing. Builtins taking the same arguments do nothing cheaper than a
    # Python method (a million calls in a cold index of 10,000 dossiers, issue 19).
    descend_resolver = {}.get
    ascend_resolver = int

    def resolve(self, kind: Any, value: Any, implicit: Any) -> Any:
        """``Resolver.resolve`` for a loader without path resolvers: the same tags, without its list
        building per scalar (the C parser calls this once per node; module names, not attributes)."""
        if kind is _ScalarNode:
            if implicit[0]:
                for tag, patroon in _PER_TEKEN.get(value[:1], _OVERAL):
                    if patroon.match(value):
                        return tag
            return _STR
        return _SEQ if kind is _SequenceNode else _MAP

    def construct_document(self, node: Any) -> Any:
        """The Python data of a document, built in one recursive pass for what dossier files hold: text
        keys, each once; text, null, booleans, numbers, dates; lists and blocks. Anything else (an
        alias of a list or block, a merge key, a duplicate or null key, another tag, a value that does
        not construct, a nesting too deep) goes through PyYAML's own constructor, which gives its
        result or its error exactly as before. PyYAML's constructor, with its generator per node and
        its bookkeeping for recursive structures, was a third of a cold index (issue 19)."""
        try:
            return self._snel(node)
        except Exception:  # noqa: BLE001 - the exact path below raises the real error, if any
            return super().construct_document(node)

    def _snel(self, wortel: Any) -> Any:
        scalair, lijst, blok = yaml.ScalarNode, yaml.SequenceNode, yaml.MappingNode
        bouwers = {tag: self.yaml_constructors[tag] for tag in _SNEL_TAGS}
        gezien: set[int] = set()

        def bouw(node: Any) -> Any:
            soort = node.__class__
            if soort is scalair:
                return node.value if node.tag == _STR else bouwers[node.tag](self, node)
            if id(node) in gezien:  # an alias: the exact path keeps it one object (and finite)
                raise _Terugval
            gezien.add(id(node))
            if soort is blok and node.tag == _MAP:
                uit = {}
                for sleutel, waarde in node.value:
                    if sleutel.tag != _STR or sleutel.__class__ is not scalair:
                        raise _Terugval
                    if waarde.__class__ is scalair:  # most values: built here, without a call
                        tag = waarde.tag
                        uit[sleutel.value] = waarde.value if tag == _STR else bouwers[tag](self, waarde)
                    else:
                        uit[sleutel.value] = bouw(waarde)
                if len(uit) != len(node.value):  # a key written twice: the exact check names it
                    raise _Terugval
                return uit
            if soort is lijst and node.tag == _SEQ:
                return [bouw(x) for x in node.value]
            raise _Terugval

        try:
            return bouw(wortel)
        finally:
            # ``bouw`` refers to itself (and to this loader): break that cycle, or every loader would
            # stay in memory while a bulk load keeps the cyclic collector off (issue 19)
            bouw = None  # type: ignore[assignment]

    def _datum(self, node: Any) -> Any:
        """A timestamp scalar: a plain date (``2026-03-15``) by ``date.fromisoformat``, the same
        ``date`` as PyYAML's regex and int conversions give; a date with a time by PyYAML's constructor.
        A ``!!timestamp`` that is neither is a marked error (PyYAML fails on it without a position)."""
        if _DATUM.match(node.value):
            return datetime.date.fromisoformat(node.value)
        if self.timestamp_regexp.match(node.value) is None:
            raise yaml.constructor.ConstructorError(None, None, "found an invalid timestamp", node.start_mark)
        return self.construct_yaml_timestamp(node)

    @staticmethod
    def _misschien_fout(node: Any) -> bool:
        """False when every key is a distinct plain text (the common case, checked without building
        the keys twice: a cold index parses thousands of files, issue 19); True sends the mapping
        through the exact check above."""
        teksten = set()
        for sleutel_knoop, _ in node.value:
            if sleutel_knoop.tag != "tag:yaml.org,2002:str" or sleutel_knoop.value in teksten:
                return True
            teksten.add(sleutel_knoop.value)
        return False


Lader.add_constructor("tag:yaml.org,2002:timestamp", Lader._datum)
Lader.yaml_implicit_resolvers = {
    eerste: [(tag, rx) for tag, rx in lijst if tag not in {
        "tag:yaml.org,2002:bool", "tag:yaml.org,2002:int", "tag:yaml.org,2002:float"}]
    for eerste, lijst in yaml.SafeLoader.yaml_implicit_resolvers.items()
}
Lader.add_implicit_resolver(
    "tag:yaml.org,2002:bool", re.compile(r"^(?:true|True|TRUE|false|False|FALSE)$"), list("tTfF")
)
Lader.add_implicit_resolver(
    "tag:yaml.org,2002:int", re.compile(r"^(?:[-+]?(?:0|[1-9][0-9]*))$"), list("-+0123456789")
)
Lader.add_implicit_resolver(
    "tag:yaml.org,2002:float",
    re.compile(r"^(?:[-+]?(?:[0-9]+\.[0-9]*|\.[0-9]+)(?:[eE][-+]?[0-9]+)?)$"),
    list("-+0123456789."),
)
# what a plain scalar may resolve to, by its first character ('' for the empty scalar): ``Lader.resolve``
_OVERAL = tuple(Lader.yaml_implicit_resolvers.get(None, []))
_PER_TEKEN = {eerste: tuple(lijst) + _OVERAL
              for eerste, lijst in Lader.yaml_implicit_resolvers.items() if eerste is not None}
_ScalarNode, _SequenceNode = yaml.ScalarNode, yaml.SequenceNode


def _gelezen_als(tekst: str) -> str:
    """The tag ``Lader`` gives ``tekst`` written plain."""
    for tag, patroon in _PER_TEKEN.get(tekst[:1], _OVERAL):
        if patroon.match(tekst):
            return tag
    return _STR


class _OnthoudtTags:
    """The emitter asks the resolver, per scalar and twice, whether its text would read back as
    another type (then it is quoted): a regex walk in Python that was a fifth of a save (issue 19).
    The answer depends only on the text and the question, so it is remembered per class.

    A text that PyYAML's resolver reads as text but ``Lader`` would not (``-.5``, ``1.5e3``: numbers
    to ``Lader``'s float pattern, not to PyYAML's) gets ``Lader``'s tag, so it is quoted: what is
    saved always reads back as what was saved (a dossier with such a contact field became unreadable)."""

    _tags: dict[tuple[str, Any], str]

    def resolve(self, kind: Any, value: Any, implicit: Any) -> Any:
        if kind is not yaml.ScalarNode or value.__class__ is not str or implicit.__class__ is not tuple:
            return super().resolve(kind, value, implicit)  # type: ignore[misc]
        tags = self.__class__._tags
        tag = tags.get((value, implicit))
        if tag is None:
            if len(tags) > 50_000:  # a long run with many texts: start over rather than grow
                tags.clear()
            tag = super().resolve(kind, value, implicit)  # type: ignore[misc]
            if tag == _STR and implicit[0]:
                tag = _gelezen_als(value)
            tags[(value, implicit)] = tag
        return tag


class _Schrijver(_OnthoudtTags, _BasisDumper):  # type: ignore[misc]
    """libyaml's fast dumper, never with anchors or aliases: two equal dates (the ICO date and the
    start of casusregie) stay two plain facts, so one hand edit never changes both."""

    _tags: dict[tuple[str, Any], str] = {}

    def ignore_aliases(self, data: Any) -> bool:
        return True


class _PythonSchrijver(_OnthoudtTags, yaml.SafeDumper):
    """The pure-Python dumper, for text with characters above U+FFFF (emoji): libyaml's emitter
    escapes those (``\\U0001F621``) and drops the ``|`` block; this one writes them as typed."""

    _tags: dict[tuple[str, Any], str] = {}

    def ignore_aliases(self, data: Any) -> bool:
        return True


def _tekst_representer(dumper: Any, data: str) -> Any:
    if "\n" in data:
        tekst = "\n".join(regel.rstrip() for regel in data.split("\n"))
        return dumper.represent_scalar("tag:yaml.org,2002:str", tekst, style="|")
    return dumper.represent_scalar("tag:yaml.org,2002:str", data)


_Schrijver.add_representer(str, _tekst_representer)
_PythonSchrijver.add_representer(str, _tekst_representer)
_BUITEN_BMP = re.compile("[\U00010000-\U0010FFFF]")


def _heeft_buiten_bmp(data: Any) -> bool:
    """Whether any text in ``data`` has a character above U+FFFF. repr() says it in one C pass: such a
    character appears as typed, or (not printable) as an escape ``\\U…``; only then is it searched."""
    weergave = repr(data)
    return bool(_BUITEN_BMP.search(weergave) or "\\U" in weergave) and _zoek_buiten_bmp(data)


def _zoek_buiten_bmp(data: Any) -> bool:
    if isinstance(data, str):
        return _BUITEN_BMP.search(data) is not None
    if isinstance(data, dict):
        return any(_zoek_buiten_bmp(k) or _zoek_buiten_bmp(v) for k, v in data.items())
    if isinstance(data, (list, tuple)):
        return any(_zoek_buiten_bmp(x) for x in data)
    return False


def naar_yaml(data: Any) -> str:
    """Plain, readable YAML: no anchors or aliases, every printable character as typed (emoji too),
    multi-line text as ``|`` blocks, keys in the model's order (issue "invoer" §2). The text is the
    same as ``yaml.dump(data, Dumper=_Schrijver, allow_unicode=True, sort_keys=False, width=100,
    indent=2)`` (``_PythonSchrijver`` for text above U+FFFF; tests/test_store.py checks it, also as a
    hypothesis property). libyaml is fed its events directly (``_libyaml_tekst``): PyYAML's representer
    and serializer dispatch per value in Python and were most of a save's CPU (issue 19)."""
    tekst = _libyaml_tekst(data)
    # libyaml writes a character above U+FFFF as an escape `\U0001F621` in a double-quoted string
    # (losing the `|` block): only then can there be one, and the Python emitter writes it as typed
    if "\\U" in tekst and _heeft_buiten_bmp(data):
        return yaml.serialize(
            _knoop(data, _PythonSchrijver), Dumper=_PythonSchrijver, allow_unicode=True, width=100, indent=2,
        )
    return tekst


_MAP_BEGIN = yaml.MappingStartEvent(None, _MAP, True, flow_style=False)
_SEQ_BEGIN = yaml.SequenceStartEvent(None, _SEQ, True, flow_style=False)
_MAP_EIND, _SEQ_EIND = yaml.MappingEndEvent(), yaml.SequenceEndEvent()
# a scalar's ready event, by its text (or (type, value) for a date, number, yes/no or null): libyaml
# copies an event when it is emitted, so one object serves every save. Its implicit flags say whether
# the text, written plain or quoted, reads back with its tag (else the emitter quotes it or writes
# the tag): the serializer asks the resolver that per scalar, a regex walk in Python
_GEBEURTENISSEN: dict[Any, Any] = {}
_TIJD, _BOOL, _INT, _NULL = ("tag:yaml.org,2002:timestamp", "tag:yaml.org,2002:bool", "tag:yaml.org,2002:int",
                             "tag:yaml.org,2002:null")


def _libyaml_tekst(data: Any) -> str:
    """``data`` emitted by libyaml from the events PyYAML's serializer would send it for the nodes of
    ``_knoop(data, _Schrijver)``: the same emitter with the same events, so the same text. The
    serializer adds anchors only for a node met twice (``_knoop`` builds a new one per value) and its
    path resolvers are empty for a SafeDumper; per scalar it asks the resolver for both implicit flags
    (remembered here with the event)."""
    stroom = io.StringIO()
    schrijver = _Schrijver(stroom, allow_unicode=True, width=100, indent=2)
    emit, resolve, bekend = schrijver.emit, schrijver.resolve, _GEBEURTENISSEN
    if len(bekend) > 50_000:  # a long run with many texts: start over rather than grow
        bekend.clear()

    def scalair(tag: str, tekst: str, stijl: str | None = None) -> Any:
        return yaml.ScalarEvent(None, tag, (resolve(yaml.ScalarNode, tekst, (True, False)) == tag,
                                            resolve(yaml.ScalarNode, tekst, (False, True)) == tag),
                                tekst, style=stijl)

    def zend(data: Any) -> None:
        soort = type(data)
        if soort is str:
            gebeurtenis = bekend.get(data)
            if gebeurtenis is None:
                if "\n" in data:
                    gebeurtenis = scalair(_STR, "\n".join(regel.rstrip() for regel in data.split("\n")), "|")
                else:
                    gebeurtenis = scalair(_STR, data)
                bekend[data] = gebeurtenis
            emit(gebeurtenis)
        elif soort is dict:
            emit(_MAP_BEGIN)
            for sleutel, waarde in data.items():
                zend(sleutel)
                zend(waarde)
            emit(_MAP_EIND)
        elif soort is list:
            emit(_SEQ_BEGIN)
            for waarde in data:
                zend(waarde)
            emit(_SEQ_EIND)
        elif soort is datetime.date or soort is bool or soort is int or data is None:
            sleutel = (soort, data)  # by type too: True == 1
            gebeurtenis = bekend.get(sleutel)
            if gebeurtenis is None:
                gebeurtenis = bekend[sleutel] = (
                    scalair(_TIJD, data.isoformat()) if soort is datetime.date
                    else scalair(_BOOL, "true" if data else "false") if soort is bool
                    else scalair(_INT, str(data)) if soort is int else scalair(_NULL, "null"))
            emit(gebeurtenis)
        elif soort is datetime.datetime:  # not remembered: equal moments may differ in their offset
            emit(scalair(_TIJD, data.isoformat(" ")))
        else:  # anything else (a float): PyYAML's own representer, its node sent as the serializer does
            zend_knoop(_knoop(data, _Schrijver))

    def zend_knoop(knoop: Any) -> None:
        if isinstance(knoop, yaml.ScalarNode):
            emit(scalair(knoop.tag, knoop.value, knoop.style))
            return
        mapping = isinstance(knoop, yaml.MappingNode)
        emit((yaml.MappingStartEvent if mapping else yaml.SequenceStartEvent)(
            None, knoop.tag, resolve(type(knoop), knoop.value, True) == knoop.tag, flow_style=knoop.flow_style))
        for item in knoop.value:
            for deel in (item if mapping else (item,)):
                zend_knoop(deel)
        emit(yaml.MappingEndEvent() if mapping else yaml.SequenceEndEvent())

    try:
        schrijver.open()
        emit(yaml.DocumentStartEvent(explicit=False))
        zend(data)
        emit(yaml.DocumentEndEvent(explicit=False))
        schrijver.close()
    finally:
        schrijver.dispose()
    return stroom.getvalue()


def _knoop(data: Any, schrijver: Any) -> Any:
    """The YAML node of ``data`` as ``yaml.dump(..., Dumper=schrijver, default_flow_style=False,
    sort_keys=False)`` would represent it."""
    soort = type(data)
    if soort is str:
        if "\n" in data:
            return yaml.ScalarNode(_STR, "\n".join(regel.rstrip() for regel in data.split("\n")), style="|")
        return yaml.ScalarNode(_STR, data)
    if soort is dict:
        return yaml.MappingNode(_MAP, [(_knoop(k, schrijver), _knoop(v, schrijver)) for k, v in data.items()],
                                flow_style=False)
    if soort is list:
        return yaml.SequenceNode(_SEQ, [_knoop(x, schrijver) for x in data], flow_style=False)
    if soort is datetime.datetime:
        return yaml.ScalarNode("tag:yaml.org,2002:timestamp", data.isoformat(" "))
    if soort is datetime.date:
        return yaml.ScalarNode("tag:yaml.org,2002:timestamp", data.isoformat())
    if soort is bool:
        return yaml.ScalarNode("tag:yaml.org,2002:bool", "true" if data else "false")
    if soort is int:
        return yaml.ScalarNode("tag:yaml.org,2002:int", str(data))
    if data is None:
        return yaml.ScalarNode("tag:yaml.org,2002:null", "null")
    # anything else (a float): PyYAML's own representer
    return schrijver(None, default_flow_style=False, sort_keys=False).represent_data(data)


_BEGIN_IS_DE_FOUT = ("while scanning a simple key", "while scanning a quoted scalar",
                     "while parsing a flow sequence", "while parsing a flow mapping")


def lees(tekst: str, bron: str) -> Any:
    """The data of a YAML text with ketencli's loader (``Lader``), or a BestandsFout with file, line and
    column and a Dutch cause: a YAML error, a duplicate or nameless key, a character YAML does not
    allow, a date that does not exist."""
    try:
        return yaml.load(tekst, Loader=Lader)  # noqa: S506 - a safe loader subclass
    except _DubbeleSleutel as fout:
        raise _dubbele_sleutel_fout(fout, bron) from None
    except _SleutelZonderNaam as fout:
        raise BestandsFout(
            f"{bron}, regel {fout.merk.line + 1}, kolom {fout.merk.column + 1}: hier staat een sleutel zonder naam "
            "(~, null of niets voor de ':'). Er werd niets bewaard.",
            tip="Geef de sleutel een naam (bv. 'naam:') of verwijder de regel; begint een tekst met ':', "
                "zet die tekst dan tussen aanhalingstekens.") from None
    except yaml.MarkedYAMLError as fout:
        # a key without ':', an unclosed quote or bracket: the parser notices on a later line; the mistake
        # is where the key, quote or bracket began (the context mark)
        merk = fout.context_mark if fout.context in _BEGIN_IS_DE_FOUT and fout.context_mark \
            else fout.problem_mark or fout.context_mark
        plek = f"{bron}, regel {merk.line + 1}, kolom {merk.column + 1}" if merk else bron
        probleem = _yaml_probleem(fout)
        regels = tekst.splitlines()
        rond = regels[max(merk.line - 1, 0): merk.line + 1] if merk else []
        if any("\t" in r[: len(r) - len(r.lstrip())] for r in rond):
            probleem = "er wordt ingesprongen met tabs; gebruik spaties"
        elif merk and merk.line < len(regels) and re.match(r"\s*(- +)?:(\s|$)", regels[merk.line]):
            probleem = "hier staat een sleutel zonder naam (niets voor de ':'); geef de sleutel een naam of " \
                       "zet de tekst tussen aanhalingstekens"
        elif fout.context == "while scanning a simple key":
            probleem += " na de sleutel die hier begint"
        elif merk and merk.line < len(regels) and merk.column < len(regels[merk.line]):
            teken = regels[merk.line][merk.column]
            probleem += f"; bij het teken '{teken}'" if teken.isprintable() and not teken.isspace() else ""
        raise BestandsFout(
            f"{plek}: dit is geen geldige YAML ({probleem}).",
            tip="Kijk na of inspringing, dubbele punten en aanhalingstekens kloppen rond die regel.",
        ) from None
    except yaml.YAMLError:  # a ReaderError (control character) has a position, not a mark
        raise _tekenfout(tekst, bron) from None
    except ValueError:  # a scalar that looks like a date but is none (2026-02-31)
        raise BestandsFout(f"{_ongeldige_datum(tekst, bron)}: dit is geen bestaande datum.",
                           tip="Schrijf een datum als jjjj-mm-dd, bv. 2026-03-15.") from None


# what YAML accepts in a file (YAML 1.1 §5.1, as PyYAML's reader checks it); compiled where an error
# needs it, not at import (~3 ms: every command that imports store paid it)
_VERBODEN_TEKEN = "[^\x09\x0A\x0D\x20-\x7E\x85\xA0-\uD7FF\uE000-\uFFFD\U00010000-\U0010FFFF]|\uFEFF(?!^)"


def _tekenfout(tekst: str, bron: str) -> BestandsFout:
    """A character YAML does not allow (a control character pasted from another program): file,
    line, column and the character by its code, since it is usually invisible."""
    m = re.search(_VERBODEN_TEKEN, tekst)
    if m is None:
        return BestandsFout(f"{bron}: dit is geen geldige YAML.",
                            tip="Kijk na of inspringing, dubbele punten en aanhalingstekens kloppen.")
    regel = tekst.count("\n", 0, m.start()) + 1
    kolom = m.start() - (tekst.rfind("\n", 0, m.start()) + 1) + 1
    teken = f"U+{ord(m.group(0)):04X}"
    return BestandsFout(
        f"{bron}, regel {regel}, kolom {kolom}: dit is geen geldige YAML (het onzichtbare stuurteken {teken} "
        "mag niet in het bestand staan).",
        tip="Verwijder dat teken (het komt meestal mee bij kopiëren en plakken uit een ander programma).",
    )





def _dubbele_sleutel_fout(fout: _DubbeleSleutel, bron: str) -> BestandsFout:
    """The message for a key written twice: file, line and column of the second one. The key is
    named only when it has the shape of a schema key (free text from the file is never repeated)."""
    tweede, eerste = fout.tweede, fout.eerste
    naam = f"de sleutel '{fout.sleutel}'" if isinstance(fout.sleutel, str) and SLEUTELVORM.match(fout.sleutel) \
        else "deze sleutel"
    return BestandsFout(
        f"{bron}, regel {tweede.line + 1}, kolom {tweede.column + 1}: {naam} staat al eerder in hetzelfde "
        f"blok (regel {eerste.line + 1}). Een sleutel mag maar één keer voorkomen; er werd niets bewaard.",
        tip="Voeg de twee blokken samen tot één (bv. alle tijdlijn-items onder één 'tijdlijn:') en "
            "verwijder de tweede sleutel.",
    )


def _ongeldige_datum(tekst: str, bron: str) -> str:
    """Where the first date-like value is that is not a real date (for the message)."""
    from datetime import date

    for nr, regel in enumerate(tekst.splitlines(), start=1):
        for m in re.finditer(r"(?<![\w-])(\d{4})-(\d{1,2})-(\d{1,2})(?![\w-])", regel):
            try:
                date(int(m.group(1)), int(m.group(2)), int(m.group(3)))
            except ValueError:
                return f"{bron}, regel {nr}, kolom {m.start() + 1}"
    return bron


def _yaml_probleem(fout: yaml.MarkedYAMLError) -> str:
    vertalingen = {
        "expected ',' or ']'": "een ',' of ']' verwacht",
        "did not find expected ',' or ']'": "een ',' of ']' verwacht",  # libyaml's wording
        "did not find expected ',' or '}'": "een ',' of '}' verwacht",
        "expected ',' or '}'": "een ',' of '}' verwacht",
        "mapping values are not allowed here": "hier mag geen ':' staan; zet de tekst tussen aanhalingstekens",
        "mapping values are not allowed in this context":  # libyaml's wording of the same error
            "hier mag geen ':' staan; zet de tekst tussen aanhalingstekens",
        "could not find expected ':'": "een ':' verwacht",
        "found character '\\t' that cannot start any token": "tabs zijn niet toegestaan, gebruik spaties",
        "found unexpected end of stream": "het bestand houdt onverwacht op",
        "expected <block end>, but found": "de inspringing klopt niet",
        "found undefined alias": "onbekende verwijzing (*)",
        "found duplicate anchor": "dubbel anker (&)",
        "found an invalid timestamp": "dit is geen datum; schrijf jjjj-mm-dd, bv. 2026-03-15",
    }
    if "while scanning a quoted scalar" in (fout.context or ""):
        return "een aanhalingsteken wordt niet gesloten"
    probleem = fout.problem or ""
    for engels, nederlands in vertalingen.items():
        if probleem.startswith(engels):
            return nederlands
    return "de structuur klopt niet"
