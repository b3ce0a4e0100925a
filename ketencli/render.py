"""Word templates: lookup, docxtpl rendering, Dutch dates and the template check.

The only module that touches docxtpl and python-docx (import-linter contract). Templates are looked
up in the user's own folder (``<config>/templates``) first, then in the bundled ones:
``ketencli/_templates`` in an installed wheel (force-included from the top-level ``templates/``),
or ``templates/`` of the source tree in an editable install (decisions D14).

Rendering always escapes (``autoescape=True``): user text with ``& < > " '`` renders as text, never
as XML. Undefined variables are errors (``StrictUndefined``), so a typo in a user template is
reported instead of silently leaving a blank. Text is printed as typed: every newline becomes a line
break (docxtpl's listing pass turns ``\\n`` inside a text run into ``<w:br/>``); only what the file
format wrapped is joined, and YAML's folded ``>`` scalars are joined by the YAML parser itself.
Word's manual line break ``\\v`` and the form feed ``\\f`` become line breaks; every other control
character (which XML cannot hold, or docxtpl would read as a paragraph break) becomes a space, so
two words are never glued together.

Heavy imports (docxtpl, jinja2, lxml) happen inside functions: ``ketencli --help`` stays light.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from datetime import date, datetime
from pathlib import Path
from typing import Any

from ketencli.fouten import KetencliFout, schrijffout

PAKKET = Path(__file__).resolve().parent
EIGEN_MAP_NAAM = "templates"

DAGEN = ("maandag", "dinsdag", "woensdag", "donderdag", "vrijdag", "zaterdag", "zondag")
MAANDEN = ("januari", "februari", "maart", "april", "mei", "juni", "juli", "augustus", "september",
           "oktober", "november", "december")

# XML 1.0 cannot hold most C0 control characters; docxtpl reads \a and \f as paragraph and page breaks.
_ONGELDIG = re.compile("[\x00-\x08\x0e-\x1f\x7f\ufffe\uffff]")


# -- lookup --------------------------------------------------------------------------------------


def sjabloon_map() -> Path:
    """The bundled templates folder."""
    geinstalleerd = PAKKET / "_templates"
    if geinstalleerd.is_dir():
        return geinstalleerd
    return PAKKET.parent / "templates"


def eigen_sjabloon_map() -> Path:
    """The user's own templates (in the config dir, decisions D13): these win over the bundled ones."""
    from ketencli import store

    return store.config_dir() / EIGEN_MAP_NAAM


def zoek_sjabloon(naam: str) -> Path:
    """The user's own copy of a template when there is one, else the bundled one."""
    eigen = eigen_sjabloon_map() / naam
    if eigen.is_file():
        return eigen
    gebundeld = sjabloon_map() / naam
    if not gebundeld.is_file():
        raise KetencliFout(f"Het sjabloon {naam} ontbreekt in {sjabloon_map()}.",
                           tip="Installeer ketencli opnieuw, of zet een eigen sjabloon in "
                               f"{eigen_sjabloon_map()}.")
    return gebundeld


def gebundelde_sjablonen() -> list[Path]:
    return sorted(sjabloon_map().glob("*.docx"))


# -- Dutch dates ---------------------------------------------------------------------------------


def nl_datum(waarde: date | datetime | None, *, dag: bool = True) -> str:
    """'dinsdag 8 december 2026' (or '8 december 2026' without the weekday); '' for None."""
    if waarde is None or waarde == "":
        return ""
    if not isinstance(waarde, date):
        raise TypeError(f"nl_datum verwacht een datum, geen {type(waarde).__name__}")
    tekst = f"{waarde.day} {MAANDEN[waarde.month - 1]} {waarde.year}"
    return f"{DAGEN[waarde.weekday()]} {tekst}" if dag else tekst


def nl_datum_kort(waarde: date | datetime | None) -> str:
    """'08/12/2026'; '' for None."""
    return "" if waarde is None or waarde == "" else f"{waarde:%d/%m/%Y}"


def nl_uur(waarde: datetime | None) -> str:
    """'13.00 uur'; '' for None or a bare date."""
    if not isinstance(waarde, datetime):
        return ""
    return f"{waarde:%H.%M} uur"


def nl_moment(waarde: datetime | date | None) -> str:
    """'dinsdag 8 december 2026 om 13.00 uur' (just the date for a date)."""
    if waarde is None or waarde == "":
        return ""
    if isinstance(waarde, datetime):
        return f"{nl_datum(waarde)} om {nl_uur(waarde)}"
    return nl_datum(waarde)


def omgeving() -> Any:
    """The jinja2 environment every template renders with: escaping on, undefined is an error."""
    from jinja2 import StrictUndefined

    env = _omgeving_klasse()(autoescape=True, undefined=StrictUndefined)
    env.filters["datum"] = _filter("datum", nl_datum)
    env.filters["datum_zonder_dag"] = _filter("datum_zonder_dag", lambda w: nl_datum(w, dag=False))
    env.filters["datum_kort"] = _filter("datum_kort", nl_datum_kort)
    env.filters["uur"] = _filter("uur", nl_uur)
    env.filters["moment"] = _filter("moment", nl_moment)
    return env


# What docxtpl and jinja2 make of a template before any dossier value goes in (the patched XML of each
# part, the Python code each compiles to) is kept in <home>/cache/sjablonen/ (owner-only): one file per
# template file, by a hash of its bytes and of the versions that shape it. For the plan van aanpak,
# patching and compiling were about a fifth of `doc` (issue 19); reading them back takes a millisecond.
# It holds the template's own text only, never a value of a dossier; a damaged file is made again.
_KLASSEN: dict[str, Any] = {}
_BEWAARD_MAX = 50  # files kept; the oldest go first
_BEWAARD_VORM = 1  # the layout of a file: raise it when that changes


class _Bewaard:
    """The cache of one template file: ``"xml:<hash of a part's XML>"`` → its patched XML, ``"code:<hash
    of the settings and the source>"`` → the code object. Read when the template is opened, written once
    (atomic, 0600, its SHA-256 first) after a render that added to it; never fails the render."""

    def __init__(self, bron: Path) -> None:
        import hashlib
        import marshal
        import sys

        import docxtpl
        import jinja2

        self.gewijzigd = False
        self.inhoud: dict[str, Any] = {}
        try:
            sjabloon = hashlib.sha256(bron.read_bytes()).hexdigest()
        except OSError:
            self.pad = None
            return
        self.pad = _sjablonen_cache() / (_sleutel(_BEWAARD_VORM, sjabloon, docxtpl.__version__, jinja2.__version__,
                                                  sys.version, sys.implementation.cache_tag) + ".bin")
        try:
            ruw = self.pad.read_bytes()
            if hashlib.sha256(ruw[32:]).digest() == ruw[:32]:
                gelezen = marshal.loads(ruw[32:])
                if isinstance(gelezen, dict):
                    self.inhoud = gelezen
        except (OSError, ValueError, EOFError, TypeError):
            pass

    def get(self, sleutel: str) -> Any:
        return self.inhoud.get(sleutel)

    def zet(self, sleutel: str, waarde: Any) -> None:
        self.inhoud[sleutel] = waarde
        self.gewijzigd = True

    def bewaar(self) -> None:
        import contextlib
        import hashlib
        import marshal

        from ketencli import paden

        if not self.gewijzigd or self.pad is None:
            return
        with contextlib.suppress(OSError, ValueError):
            inhoud = marshal.dumps(self.inhoud)
            map_ = paden.maak_map(self.pad.parent)
            paden.schrijf_atomisch(self.pad, hashlib.sha256(inhoud).digest() + inhoud)
            paden.ruim_oude_kopieen_op(map_)  # a temp copy a killed run left
            bestanden = list(map_.iterdir())
            if len(bestanden) > _BEWAARD_MAX:
                bestanden.sort(key=lambda p: p.stat().st_mtime)
                for oud in bestanden[:len(bestanden) - _BEWAARD_MAX]:
                    oud.unlink()


def _sjablonen_cache() -> Path:
    from ketencli import paden

    return paden.home() / "cache" / "sjablonen"


def _sleutel(*delen: Any) -> str:
    import hashlib

    return hashlib.sha256("\0".join(map(str, delen)).encode("utf-8", "surrogatepass")).hexdigest()


def _omgeving_klasse() -> Any:
    """``jinja2.Environment`` that takes a template's compiled code from its ``bewaard`` (a ``_Bewaard``)."""
    if "omgeving" in _KLASSEN:
        return _KLASSEN["omgeving"]
    import jinja2

    class _BewaarOmgeving(jinja2.Environment):
        bewaard: _Bewaard | None = None

        def compile(self, source: Any, name: Any = None, filename: Any = None, raw: bool = False,
                    defer_init: bool = False) -> Any:
            if (self.bewaard is None or raw or defer_init or name is not None or filename is not None
                    or not isinstance(source, str)):
                return super().compile(source, name, filename, raw, defer_init)
            sleutel = "code:" + _sleutel(
                self.block_start_string, self.block_end_string, self.variable_start_string,
                self.variable_end_string, self.comment_start_string, self.comment_end_string,
                self.line_statement_prefix, self.line_comment_prefix, self.trim_blocks, self.lstrip_blocks,
                repr(self.newline_sequence), self.keep_trailing_newline, repr(self.autoescape), self.optimized,
                self.finalize is None, self.is_async, sorted(self.filters), sorted(self.tests),
                sorted(self.extensions), source,
            )
            code = self.bewaard.get(sleutel)
            if code is None:
                code = super().compile(source)
                self.bewaard.zet(sleutel, code)
            return code

    _KLASSEN["omgeving"] = _BewaarOmgeving
    return _BewaarOmgeving


def _sjabloon_klasse() -> Any:
    """``docxtpl.DocxTemplate`` that takes its patched template XML (``patch_xml``: Word's runs joined
    around the tags, cell colours, merged cells) from its ``bewaard``, and whose listing pass only visits
    the paragraphs it can change (``resolve_listing``)."""
    if "sjabloon" in _KLASSEN:
        return _KLASSEN["sjabloon"]
    import docxtpl

    class _Sjabloon(docxtpl.DocxTemplate):
        bewaard: _Bewaard | None = None

        def init_docx(self, reload: bool = True) -> None:
            """python-docx parses the styles part when it opens a template (350 KB in the bundled
            ones) and writes it back unchanged; neither docxtpl nor ketencli reads it. With a cache
            it stays unparsed, as the bytes python-docx would write (kept in the cache): about a
            tenth of `doc` (issue 19). Only while this template opens; python-docx's own selector
            (pictures) still chooses every other part."""
            if self.bewaard is None:
                return super().init_docx(reload)
            from docx.opc.constants import CONTENT_TYPE
            from docx.opc.part import Part, PartFactory

            bewaard, vorige = self.bewaard, PartFactory.part_class_selector

            class _Opmaak(Part):
                @classmethod
                def load(cls, partname: Any, content_type: str, blob: bytes, package: Any) -> Any:
                    import hashlib

                    sleutel = "opmaak:" + hashlib.sha256(blob).hexdigest()
                    geschreven = bewaard.get(sleutel)
                    if not isinstance(geschreven, bytes):
                        from docx.opc.oxml import serialize_part_xml
                        from docx.oxml.parser import parse_xml

                        geschreven = serialize_part_xml(parse_xml(blob))
                        bewaard.zet(sleutel, geschreven)
                    return cls(partname, content_type, geschreven, package)

            def kies(content_type: str, reltype: str) -> Any:
                if content_type == CONTENT_TYPE.WML_STYLES:
                    return _Opmaak
                return vorige(content_type, reltype) if vorige is not None else None

            PartFactory.part_class_selector = kies
            try:
                super().init_docx(reload)
            finally:
                PartFactory.part_class_selector = vorige

        def patch_xml(self, src_xml: str) -> str:
            if self.bewaard is None:
                return super().patch_xml(src_xml)
            sleutel = "xml:" + _sleutel(src_xml)
            xml = self.bewaard.get(sleutel)
            if not isinstance(xml, str):
                xml = super().patch_xml(src_xml)
                self.bewaard.zet(sleutel, xml)
            return xml

        def resolve_listing(self, xml: str) -> str:
            """docxtpl's own pass, paragraph by paragraph (the same regex, so the same paragraphs), for
            the paragraphs with a tab, \\a, \\n or \\f only: it turns those into Word's tabs, paragraphs,
            line and page breaks and leaves every other paragraph as it is, after a Python call per
            paragraph, run and text (a tenth of rendering the plan van aanpak, issue 19)."""
            eigen = super().resolve_listing
            return _ALINEA.sub(lambda m: eigen(m.group(0)) if _LISTING_TEKEN.search(m.group(0)) else m.group(0),
                               xml)

    _KLASSEN["sjabloon"] = _Sjabloon
    return _Sjabloon


# the paragraphs of docxtpl's ``resolve_listing``, and the characters it changes in them
_ALINEA = re.compile(r"<w:p(?: [^>]*)?>.*?</w:p>", re.DOTALL)
_LISTING_TEKEN = re.compile("[\t\a\n\f]")


_SOORT_WAARDE = {str: "tekst", int: "een getal", float: "een getal", bool: "ja/nee", list: "een lijst",
                 dict: "een groep velden"}


def _filter(naam: str, functie: Callable[[Any], str]) -> Callable[[Any], str]:
    """A date filter that fails as a jinja2 error with a Dutch message (never the value: it may be personal)."""

    def veilig(waarde: Any) -> str:
        try:
            return functie(waarde)
        except (TypeError, ValueError, AttributeError):
            from jinja2 import TemplateRuntimeError

            soort = _SOORT_WAARDE.get(type(waarde), "iets anders")
            raise TemplateRuntimeError(f"de filter |{naam} verwacht een datum, maar kreeg {soort}") from None

    return veilig


# -- rendering -----------------------------------------------------------------------------------


def _tekst(waarde: str) -> str:
    """User text as typed: line ends normalised to ``\\n`` (``\\r\\n``, ``\\r``, Word's ``\\v`` and the
    form feed ``\\f`` included), other control characters a space; leading and trailing empty lines
    dropped. Every typed line break stays (issue 14 §2)."""
    waarde = re.sub("\r\n|[\r\v\f]", "\n", waarde)
    return _ONGELDIG.sub(" ", waarde).strip("\n")


def schoon(waarde: Any) -> Any:
    """The context with every string made safe for XML (recursively; dataclass-like objects pass)."""
    if isinstance(waarde, str):
        return _tekst(waarde)
    if isinstance(waarde, Mapping):
        return {k: schoon(v) for k, v in waarde.items()}
    if isinstance(waarde, (list, tuple)):
        return [schoon(v) for v in waarde]
    return waarde


_JINJA_VERTALINGEN: tuple[tuple[str, str], ...] = (
    (r"^'(\w+)' is undefined$", r"de variabele '\1' bestaat niet"),
    (r"^'(.+?)' has no attribute '(\w+)'$", r"het veld '\2' bestaat niet"),
    (r"^Unexpected end of template\. Jinja was looking for the following tags: (.+?)\. The innermost block that "
     r"needs to be closed is '(\w+)'\.?$", r"een blok {% \2 %} wordt nergens afgesloten (verwacht: \1)"),
    (r"^Encountered unknown tag '(\w+)'.*$", r"onbekende tag {% \1 %} (of een blok dat niet open staat)"),
    (r"^expected token '(.+?)', got '(.+?)'$", r"verwacht '\1', maar vond '\2'"),
    (r"^unexpected '(.+?)'$", r"onverwacht teken '\1'"),
    (r"^unexpected end of template.*$", "het sjabloon eindigt midden in een tag"),
)


def vertaal_jinja(boodschap: str) -> str:
    """jinja2's most common messages in Dutch (others stay as they are, without a final period)."""
    boodschap = boodschap.strip()
    for patroon, vervanging in _JINJA_VERTALINGEN:
        if re.match(patroon, boodschap, flags=re.S):
            return re.sub(patroon, vervanging, boodschap, flags=re.S)
    return boodschap.rstrip(".")


def _sjabloonfout(naam: str, pad: Path, fout: Exception, *, boodschap: str | None = None) -> KetencliFout:
    regel = getattr(fout, "lineno", None)
    waar = f" (rond alinea {regel})" if regel else ""
    omgeving_tekst = ""
    context = getattr(fout, "docx_context", None)
    if context:
        fragment = " ".join(x.strip() for x in context if x.strip())
        if fragment:
            omgeving_tekst = f" Tekst in de buurt: «{fragment[:160]}»."
    boodschap = boodschap or vertaal_jinja(str(getattr(fout, "message", None) or fout))
    return KetencliFout(
        f"Het sjabloon {naam} kan niet ingevuld worden{waar}: {boodschap}.{omgeving_tekst}",
        tip=f"Controleer het met `ketencli templates check {pad}`"
            + (", of verwijder je eigen kopie om het meegeleverde sjabloon te gebruiken." if
               pad.parent != sjabloon_map() else "."),
    )


@dataclass(frozen=True)
class Afbeelding:
    """A PNG for a template variable (e.g. ``{{ genogram }}``, issue 16), placed ``breedte_cm`` wide; made a
    docxtpl InlineImage when the template is rendered (it needs the template)."""

    png: bytes
    breedte_cm: float


def vul_in(naam: str, context: Mapping[str, Any], *, pad: Path | None = None) -> bytes:
    """Render template ``naam`` (looked up, or the file ``pad``) with ``context``; the .docx as bytes.
    ``Afbeelding`` values (also inside lists and dicts) become pictures."""
    import io

    from docx.shared import Cm
    from docxtpl import InlineImage
    from jinja2 import TemplateError

    bron = pad or zoek_sjabloon(naam)
    bewaard = _Bewaard(Path(bron))
    sjabloon = _sjabloon_klasse()(str(bron))
    sjabloon.bewaard = bewaard
    try:
        sjabloon.init_docx()
    except Exception:  # noqa: BLE001 - not a zip, not a Word document, unreadable: one Dutch message
        raise KetencliFout(f"Het sjabloon {naam} is geen geldig Word-bestand.",
                           tip=f"Open {bron} in Word en bewaar het opnieuw als .docx.") from None
    if context.get("pseudoniem"):
        _voet_pseudoniem(sjabloon.docx)
    def beelden(v: Any) -> Any:  # an Afbeelding anywhere (a list of charts, issue 17) becomes a picture
        if isinstance(v, Afbeelding):
            return InlineImage(sjabloon, io.BytesIO(v.png), width=Cm(v.breedte_cm))
        if isinstance(v, dict):
            return {k: beelden(x) for k, x in v.items()}
        if isinstance(v, list):
            return [beelden(x) for x in v]
        return v

    context = beelden(schoon(context))
    env = omgeving()
    env.bewaard = bewaard
    try:
        sjabloon.render(context, jinja_env=env, autoescape=True)
    except KetencliFout:
        raise
    except TemplateError as fout:
        raise _sjabloonfout(naam, bron, fout) from None
    except Exception as fout:  # noqa: BLE001 - whatever an expression in a (user) template raises
        raise _sjabloonfout(naam, bron, fout, boodschap="een uitdrukking in het sjabloon past niet bij de "
                                                       "gegevens van dit document") from None
    bewaard.bewaar()
    uit = io.BytesIO()
    sjabloon.save(uit)
    return uit.getvalue()


PSEUDONIEM_VOET = ("Gepseudonimiseerd voor intervisie of supervisie: namen zijn vervangen door rol en initiaal, "
                   "zonder geboortedata, adressen, telefoonnummers en e-mailadressen.")


def _voet_pseudoniem(doc: Any) -> None:
    """Say in the footer of every page that the document is pseudonymised (issue 20 §9), for every
    template, bundled or the user's own. Footers linked to a previous section are left alone (they show
    the line already; writing into one would replace its text)."""
    voeten = [s.footer for s in doc.sections if not s.footer.is_linked_to_previous]
    for voet in voeten or [doc.sections[0].footer]:
        voet.add_paragraph(PSEUDONIEM_VOET)


def schrijf(pad: Path, inhoud: bytes) -> None:
    """Write a rendered document atomically, owner-only (0600)."""
    from ketencli import paden

    try:
        paden.schrijf_atomisch(pad, inhoud)
    except OSError as fout:  # a read-only disk or share, a full disk: never the English strerror
        raise schrijffout(fout, f"{pad.name} kon niet bewaard worden") from None


# -- checking a template -------------------------------------------------------------------------


@dataclass
class Controle:
    """What `templates check` found in one template."""

    pad: Path
    soort: str
    onbekend: list[str] = field(default_factory=list)  # used, but not in the kind's context
    ontbrekend: list[str] = field(default_factory=list)  # in the bundled template, not in this one
    fouten: list[str] = field(default_factory=list)  # syntax errors, failing trial render

    @property
    def in_orde(self) -> bool:
        return not (self.onbekend or self.fouten)


def gebruikte_variabelen(pad: Path) -> set[str]:
    """The top-level variables a template uses (body, headers, footers)."""
    return set(_sjabloon_klasse()(str(pad)).get_undeclared_template_variables(jinja_env=omgeving()))


def controleer(pad: Path, soort: str, gebundeld: Path, context: Mapping[str, Any]) -> Controle:
    """Compare a (user) template with the context of its kind and with the bundled template.

    A syntax error and a trial render with ``context`` that fails (an unknown attribute such as
    ``rij.fator``) are reported as ``fouten``.
    """
    from jinja2 import TemplateError

    uitslag = Controle(pad=pad, soort=soort)
    try:
        gebruikt = gebruikte_variabelen(pad)
    except TemplateError as fout:
        try:  # a trial render says where (paragraph and nearby text)
            vul_in(pad.name, context, pad=pad)
        except KetencliFout as gevonden:
            uitslag.fouten.append(f"fout in de sjabloontaal: {gevonden.melding}")
        else:
            uitslag.fouten.append(f"fout in de sjabloontaal: {vertaal_jinja(str(fout))}")
        return uitslag
    except Exception:  # noqa: BLE001 - a damaged file is reported, not raised
        uitslag.fouten.append("geen geldig Word-bestand: open het in Word en bewaar het opnieuw als "
                              "Word-document (.docx)")
        return uitslag
    uitslag.onbekend = sorted(gebruikt - set(context))
    if gebundeld.is_file() and gebundeld.resolve() != pad.resolve():
        uitslag.ontbrekend = sorted(gebruikte_variabelen(gebundeld) - gebruikt)
    if not uitslag.onbekend:
        try:
            vul_in(pad.name, context, pad=pad)
        except KetencliFout as fout:
            uitslag.fouten.append(fout.melding)
    return uitslag
