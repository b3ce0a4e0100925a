"""Build the bundled Word templates in templates/ with python-docx and docxtpl tags.

Run from the project root:  python tools/maak_sjablonen.py
The generated .docx files are committed; a coordinator can open and restyle them in Word. The
context each template receives is built in ``ketencli/documenten.py``.

Tag rules (docxtpl): a ``{%tr %}`` tag sits alone in a table row, a ``{%p %}`` tag alone in a
paragraph; every ``{{ }}`` lives inside one run, so Word never splits it.
"""

from __future__ import annotations

from pathlib import Path

from docx import Document
from docx.enum.section import WD_ORIENT, WD_SECTION
from docx.enum.text import WD_ALIGN_PARAGRAPH, WD_LINE_SPACING
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Cm, Pt, RGBColor

UIT = Path(__file__).resolve().parent.parent / "templates"

ROOD = RGBColor(0xC0, 0x00, 0x00)
GROEN = RGBColor(0x00, 0x80, 0x3C)
GRIJS = RGBColor(0x59, 0x59, 0x59)
DONKER = RGBColor(0x1F, 0x3A, 0x5F)
KOPKLEUR = "D9E2F3"
DOMEINKLEUR = "EDEDED"

# -- document set-up ---------------------------------------------------------------------------


def nieuw(liggend: bool = False) -> Document:
    doc = Document()
    sectie = doc.sections[0]
    zet_pagina(sectie, liggend)
    stijlen = doc.styles
    normaal = stijlen["Normal"]
    normaal.font.name = "Arial"
    normaal.font.size = Pt(10.5)
    normaal.paragraph_format.space_after = Pt(3)
    rpr = normaal.element.get_or_add_rPr()
    fonts = rpr.find(qn("w:rFonts"))
    if fonts is None:
        fonts = OxmlElement("w:rFonts")
        rpr.append(fonts)
    for attr in ("w:ascii", "w:hAnsi", "w:cs", "w:eastAsia"):
        fonts.set(qn(attr), "Arial")
    for naam, grootte in (("Title", 18), ("Heading 1", 14), ("Heading 2", 12), ("Heading 3", 11)):
        stijl = stijlen[naam]
        stijl.font.name = "Arial"
        stijl.font.size = Pt(grootte)
        stijl.font.color.rgb = DONKER
        stijl.font.bold = True
        stijl.paragraph_format.space_before = Pt(10 if naam != "Title" else 0)
        stijl.paragraph_format.space_after = Pt(4)
        stijl.paragraph_format.keep_with_next = True  # a heading never ends a page
        rpr = stijl.element.get_or_add_rPr()
        for oud in rpr.findall(qn("w:rFonts")):
            rpr.remove(oud)
        f = OxmlElement("w:rFonts")
        for attr in ("w:ascii", "w:hAnsi", "w:cs", "w:eastAsia"):
            f.set(qn(attr), "Arial")
        rpr.insert(0, f)
    titel = stijlen["Title"]
    pbdr = titel.element.get_or_add_pPr().find(qn("w:pBdr"))
    if pbdr is not None:
        titel.element.get_or_add_pPr().remove(pbdr)
    return doc


def zet_pagina(sectie, liggend: bool) -> None:
    if liggend:
        sectie.orientation = WD_ORIENT.LANDSCAPE
        sectie.page_width, sectie.page_height = Cm(29.7), Cm(21.0)
        sectie.left_margin = sectie.right_margin = Cm(1.5)
        sectie.top_margin = sectie.bottom_margin = Cm(1.5)
    else:
        sectie.orientation = WD_ORIENT.PORTRAIT
        sectie.page_width, sectie.page_height = Cm(21.0), Cm(29.7)
        sectie.left_margin = sectie.right_margin = Cm(2.0)
        sectie.top_margin = sectie.bottom_margin = Cm(1.8)
    sectie.header_distance = sectie.footer_distance = Cm(0.8)


def voettekst(doc: Document, tekst: str) -> None:
    """Footer: confidentiality line and 'pagina X van Y' with PAGE/NUMPAGES fields."""
    footer = doc.sections[0].footer
    p = footer.paragraphs[0]
    p.alignment = WD_ALIGN_PARAGRAPH.CENTER
    r = p.add_run(tekst + "  ·  pagina ")
    _klein(r)
    _veld(p, "PAGE")
    r = p.add_run(" van ")
    _klein(r)
    _veld(p, "NUMPAGES")


def koptekst(doc: Document, tekst: str) -> None:
    header = doc.sections[0].header
    p = header.paragraphs[0]
    p.alignment = WD_ALIGN_PARAGRAPH.RIGHT
    r = p.add_run(tekst)
    _klein(r)


def _klein(run, grootte: float = 8) -> None:
    run.font.size = Pt(grootte)
    run.font.color.rgb = GRIJS


def _veld(p, code: str) -> None:
    def fld(soort: str):
        r = p.add_run()
        _klein(r)
        el = OxmlElement("w:fldChar")
        el.set(qn("w:fldCharType"), soort)
        r._r.append(el)
        return r

    fld("begin")
    r = p.add_run()
    _klein(r)
    instr = OxmlElement("w:instrText")
    instr.set(qn("xml:space"), "preserve")
    instr.text = f" {code} "
    r._r.append(instr)
    fld("separate")
    r = p.add_run("1")
    _klein(r)
    fld("end")


# -- paragraphs ------------------------------------------------------------------------------------


def par(houder, *runs, stijl: str | None = None, uitlijning=None, na: float | None = None):
    """A paragraph of runs: each run a str or (str, dict of format options)."""
    p = houder.add_paragraph(style=stijl) if stijl else houder.add_paragraph()
    for run in runs:
        tekst, opmaak = (run, {}) if isinstance(run, str) else run
        r = p.add_run(tekst)
        opmaak_run(r, **opmaak)
    if uitlijning is not None:
        p.alignment = uitlijning
    if na is not None:
        p.paragraph_format.space_after = Pt(na)
    return p


def opmaak_run(r, vet=False, cursief=False, kleur=None, grootte=None, doorhalen=False) -> None:
    if vet:
        r.bold = True
    if cursief:
        r.italic = True
    if kleur is not None:
        r.font.color.rgb = kleur
    if grootte is not None:
        r.font.size = Pt(grootte)
    if doorhalen:
        r.font.strike = True


def tag(houder, tekst: str):
    """A paragraph holding only a {%p ... %} tag (docxtpl removes it)."""
    return houder.add_paragraph(tekst)


def kop(doc, tekst: str, niveau: int = 1):
    if hasattr(doc, "add_heading"):
        return doc.add_heading(tekst, level=niveau)
    return doc.add_paragraph(tekst, style=f"Heading {niveau}")  # in a table cell (``blok``)


def label(p, voor: float = 6):
    """A bold label paragraph before a text: kept with that text."""
    p.paragraph_format.space_before = Pt(voor)
    p.paragraph_format.keep_with_next = True
    return p


def lijnen(houder, aantal: int) -> None:
    """Empty lines to write on: paragraphs with a bottom border."""
    for _ in range(aantal):
        p = houder.add_paragraph()
        p.paragraph_format.space_before = Pt(0)
        p.paragraph_format.space_after = Pt(0)
        p.paragraph_format.line_spacing_rule = WD_LINE_SPACING.EXACTLY
        p.paragraph_format.line_spacing = Pt(24)
        ppr = p._p.get_or_add_pPr()
        bdr = OxmlElement("w:pBdr")
        # consecutive paragraphs with equal borders form one group: 'between' draws the inner lines
        for kant in ("bottom", "between"):
            lijn = OxmlElement(f"w:{kant}")
            for k, v in (("w:val", "single"), ("w:sz", "4"), ("w:space", "1"), ("w:color", "A6A6A6")):
                lijn.set(qn(k), v)
            bdr.append(lijn)
        ppr.append(bdr)


def blok(doc):
    """A borderless one-cell table whose row never splits over two pages; returns the cell to fill.
    The closing questions and writing lines of an agendering go in one, so they move to the next page
    as a whole instead of leaving a near-empty page before the landscape annex (issue 14 §3; LibreOffice
    breaks long keep-with-next chains, a row that cannot split it keeps)."""
    tabel = doc.add_table(rows=1, cols=1)
    tblpr = tabel._tbl.tblPr
    marge = OxmlElement("w:tblCellMar")
    for kant in ("left", "right"):
        el = OxmlElement(f"w:{kant}")
        el.set(qn("w:w"), "0")
        el.set(qn("w:type"), "dxa")
        marge.append(el)
    tblpr.append(marge)
    breedtes(tabel, [17.0])
    niet_breken(tabel.rows[0])
    return tabel.rows[0].cells[0]


def blok_af(cel) -> None:
    """Drop the empty paragraph a new cell starts with (a cell keeps at least one paragraph)."""
    eerste = cel.paragraphs[0]
    if not eerste.text and len(cel.paragraphs) > 1:
        eerste._p.getparent().remove(eerste._p)


def rijen_niet_splitsen(doc) -> None:
    """Every row of every table stays on one page (issue 14 §3)."""
    for tr in doc.element.body.iter(qn("w:tr")):
        trpr = tr.get_or_add_trPr()
        if trpr.find(qn("w:cantSplit")) is None:
            trpr.append(OxmlElement("w:cantSplit"))


def lijnen_tenzij(houder, lus: str, leeg: int, gevuld: int) -> None:
    """``leeg`` writing lines when the list ``lus`` is empty, ``gevuld`` when it holds something."""
    tag(houder, f"{{%p if {lus} %}}")
    lijnen(houder, gevuld)
    tag(houder, "{%p else %}")
    lijnen(houder, leeg)
    tag(houder, "{%p endif %}")


def paginaeinde_tenzij_laatste(houder) -> None:
    tag(houder, "{%p if not loop.last %}")
    p = houder.add_paragraph()
    br = OxmlElement("w:br")
    br.set(qn("w:type"), "page")
    p.add_run()._r.append(br)
    tag(houder, "{%p endif %}")


def lijst(houder, lus: str, item: str, leeg: str | None = None) -> None:
    """A bulleted list from a loop; ``leeg`` is shown when the list is empty."""
    tag(houder, f"{{%p for x in {lus} %}}")
    par(houder, "• " + item)
    tag(houder, "{%p endfor %}")
    if leeg:
        tag(houder, f"{{%p if not {lus} %}}")
        par(houder, (leeg, {"cursief": True, "kleur": GRIJS}))
        tag(houder, "{%p endif %}")


def tekstblok(houder, expr: str, leeg: str = "(nog niet ingevuld)", lijnen_bij_leeg: int = 0) -> None:
    """A user text (line breaks kept) or a grey 'not filled in' note with optional lines."""
    tag(houder, f"{{%p if {expr} %}}")
    par(houder, f"{{{{ {expr} }}}}")
    tag(houder, "{%p else %}")
    par(houder, (leeg, {"cursief": True, "kleur": GRIJS}))
    if lijnen_bij_leeg:
        lijnen(houder, lijnen_bij_leeg)
    tag(houder, "{%p endif %}")


# -- tables ----------------------------------------------------------------------------------------


def rand(tabel, kleur: str = "808080") -> None:
    tblpr = tabel._tbl.tblPr
    borders = OxmlElement("w:tblBorders")
    for kant in ("top", "left", "bottom", "right", "insideH", "insideV"):
        el = OxmlElement(f"w:{kant}")
        for k, v in (("w:val", "single"), ("w:sz", "4"), ("w:space", "0"), ("w:color", kleur)):
            el.set(qn(k), v)
        borders.append(el)
    tblpr.append(borders)


def breedtes(tabel, cm: list[float]) -> None:
    tabel.autofit = False
    tblpr = tabel._tbl.tblPr
    layout = OxmlElement("w:tblLayout")
    layout.set(qn("w:type"), "fixed")
    tblpr.append(layout)
    grid = tabel._tbl.tblGrid
    for kol, breedte in zip(grid.findall(qn("w:gridCol")), cm, strict=True):
        kol.set(qn("w:w"), str(int(breedte * 567)))
    for rij in tabel.rows:
        for cel, breedte in zip(rij.cells, cm, strict=False):
            cel.width = Cm(breedte)


def arcering(cel, kleur: str) -> None:
    tcpr = cel._tc.get_or_add_tcPr()
    shd = OxmlElement("w:shd")
    shd.set(qn("w:val"), "clear")
    shd.set(qn("w:color"), "auto")
    shd.set(qn("w:fill"), kleur)
    tcpr.append(shd)


def kop_herhalen(rij) -> None:
    trpr = rij._tr.get_or_add_trPr()
    el = OxmlElement("w:tblHeader")
    trpr.append(el)
    niet_breken(rij)


def niet_breken(rij) -> None:
    trpr = rij._tr.get_or_add_trPr()
    trpr.append(OxmlElement("w:cantSplit"))


def cel_tekst(cel, *runs, grootte: float | None = None) -> None:
    """Replace the cell's first paragraph with runs."""
    p = cel.paragraphs[0]
    for run in runs:
        tekst, opmaak = (run, {}) if isinstance(run, str) else run
        if grootte is not None:
            opmaak = {"grootte": grootte, **opmaak}
        opmaak_run(p.add_run(tekst), **opmaak)
    p.paragraph_format.space_after = Pt(0)


def tag_rij(tabel, tekst: str) -> None:
    """A table row holding only a {%tr ... %} tag."""
    rij = tabel.add_row()
    rij.cells[0].paragraphs[0].add_run(tekst)


def samenvoegen(rij) -> object:
    cel = rij.cells[0].merge(rij.cells[-1])
    return cel


def verticaal_samenvoegen(cel) -> None:
    """Cells of one PvA row (over its actions) merge vertically: restart on the first action."""
    tcpr = cel._tc.get_or_add_tcPr()
    vm = OxmlElement("w:vMerge")
    vm.set(qn("w:val"), "{% if loop.first %}restart{% else %}continue{% endif %}")
    tcpr.append(vm)


def gegevens_tabel(doc, rijen: list[tuple[str, str]], breedte: tuple[float, float] = (4.5, 12.5)):
    """A two-column label/value table (header data of a document)."""
    tabel = doc.add_table(rows=0, cols=2)
    rand(tabel, "BFBFBF")
    for label, waarde in rijen:
        rij = tabel.add_row()
        cel_tekst(rij.cells[0], (label, {"vet": True}))
        arcering(rij.cells[0], "F2F2F2")
        cel_tekst(rij.cells[1], waarde)
    breedtes(tabel, list(breedte))
    doc.add_paragraph()
    return tabel


# -- the PvA table (plan van aanpak, agenderingen) ------------------------------------------------

PVA_KOLOMMEN = (
    ("RISICO- EN BESCHERMENDE FACTOREN", "Risicofactoren in het rood, beschermende in het groen.", 4.1),
    ("BIJ WIE?", "", 2.3),
    ("NODEN VAN DE CLIËNT", "Achterliggende nood bij de factor? Waar wil hij/zij naartoe?", 4.6),
    ("AANPAK OP MAAT", "Wat werkt bij deze persoon? Waar moet je rekening mee houden?", 4.6),
    ("ACTIE", "Wat te doen? Welke acties? Met plan B.", 5.1),
    ("BEGELEIDING", "Wie ondersteunt of begeleidt?", 3.6),
    ("STAVAZA", "Stand van zaken", 2.3),
)
PVA_GROOTTE = 8.5


def pva_kop(doc, met_titel: bool = True) -> None:
    """Header block of the plan: gezin, regisseur, date, IFG-profiel checkboxes."""
    if met_titel:
        par(doc, ("PLAN VAN AANPAK", {"vet": True, "grootte": 16, "kleur": DONKER}), na=2)
    tabel = doc.add_table(rows=0, cols=4)
    rand(tabel, "BFBFBF")
    rij = tabel.add_row()
    cel_tekst(rij.cells[0], ("GEZIN", {"vet": True}))
    arcering(rij.cells[0], "F2F2F2")
    cel_tekst(rij.cells[1], ("{{ gezin }}", {"vet": True}))
    cel_tekst(rij.cells[2], ("CASUSREGISSEUR", {"vet": True}))
    arcering(rij.cells[2], "F2F2F2")
    cel_tekst(rij.cells[3], "{{ casusregisseur.naam }}{% if casusregisseur.organisatie %} "
                            "({{ casusregisseur.organisatie }}){% endif %}")
    rij = tabel.add_row()
    cel_tekst(rij.cells[0], ("DATUM", {"vet": True}))
    arcering(rij.cells[0], "F2F2F2")
    cel_tekst(rij.cells[1], "{{ vandaag|datum }}")
    cel_tekst(rij.cells[2], ("PLAN OPGEMAAKT OP", {"vet": True}))
    arcering(rij.cells[2], "F2F2F2")
    cel_tekst(rij.cells[3], "{% if pva_opgemaakt_op %}{{ pva_opgemaakt_op|datum }}{% else %}nog niet{% endif %}"
                            "  ·  dossier {{ dossier_id }}")
    rij = tabel.add_row()
    cel_tekst(rij.cells[0], ("IFG-PROFIEL", {"vet": True}))
    arcering(rij.cells[0], "F2F2F2")
    cel = rij.cells[1].merge(rij.cells[3])
    cel_tekst(cel, "{% for p in profielen %}{{ p.vakje }} {{ p.naam }}{% if not loop.last %}     {% endif %}"
                   "{% endfor %}")
    par(cel, ("Duid aan wat van toepassing is; profielen sluiten elkaar niet uit.",
              {"cursief": True, "grootte": 8, "kleur": GRIJS}), na=0)
    breedtes(tabel, [3.6, 9.3, 4.6, 9.2])
    doc.add_paragraph().paragraph_format.space_after = Pt(0)


def pva_tabel(doc) -> None:
    """The guide's columns; a heading row per domain; one row per action, the factor cells merged."""
    tabel = doc.add_table(rows=1, cols=len(PVA_KOLOMMEN))
    rand(tabel)
    kopje = tabel.rows[0]
    kop_herhalen(kopje)
    for cel, (titel, uitleg, _) in zip(kopje.cells, PVA_KOLOMMEN, strict=True):
        cel_tekst(cel, (titel, {"vet": True, "grootte": 8.5}))
        if uitleg:
            par(cel, (uitleg, {"cursief": True, "grootte": 7, "kleur": GRIJS}), na=0)
        arcering(cel, KOPKLEUR)
    tag_rij(tabel, "{%tr for dom in domeinen %}")
    rij = tabel.add_row()
    niet_breken(rij)
    cel = samenvoegen(rij)
    cel_tekst(cel, ("{{ dom.naam }}", {"vet": True, "grootte": 9.5, "kleur": DONKER}))
    arcering(cel, DOMEINKLEUR)
    tag_rij(tabel, "{%tr for rij in dom.rijen %}")
    tag_rij(tabel, "{%tr for a in rij.acties %}")
    rij = tabel.add_row()
    niet_breken(rij)
    c = rij.cells
    for i in range(4):
        verticaal_samenvoegen(c[i])
    # factor: red (risk) or green (protective), only in the first action row of the PvA row
    p = c[0].paragraphs[0]
    p.paragraph_format.space_after = Pt(0)
    for tekst, opmaak in (
        ("{% if loop.first %}{% if rij.risico %}", {}),
        ("{{ rij.factor }}", {"kleur": ROOD, "vet": True}),
        ("{% else %}", {}),
        ("{{ rij.factor }}", {"kleur": GROEN, "vet": True}),
        ("{% endif %}{% endif %}", {}),
    ):
        opmaak_run(p.add_run(tekst), grootte=PVA_GROOTTE, **opmaak)
    cel_tekst(c[1], "{% if loop.first %}{{ rij.bij_wie }}{% endif %}", grootte=PVA_GROOTTE)
    cel_tekst(c[2], "{% if loop.first %}{{ rij.noden }}{% endif %}", grootte=PVA_GROOTTE)
    cel_tekst(c[3], "{% if loop.first %}{{ rij.aanpak }}{% endif %}", grootte=PVA_GROOTTE)
    # action: struck through when geschrapt; toelichting in grey; plan B in its own paragraph
    p = c[4].paragraphs[0]
    p.paragraph_format.space_after = Pt(0)
    for tekst, opmaak in (
        ("{% if a.geschrapt %}", {}),
        ("{{ a.omschrijving }}", {"doorhalen": True, "kleur": GRIJS}),
        ("{% else %}", {}),
        ("{{ a.omschrijving }}", {}),
        ("{% endif %}{% if a.toelichting %} ({% endif %}", {}),
        ("{{ a.toelichting }}", {"cursief": True, "kleur": GRIJS}),
        ("{% if a.toelichting %}){% endif %}", {}),
    ):
        opmaak_run(p.add_run(tekst), grootte=PVA_GROOTTE, **opmaak)
    tag(c[4], "{%p if a.plan_b %}")
    p = par(c[4], ("Plan B: ", {"vet": True, "grootte": PVA_GROOTTE}),
            ("{{ a.plan_b }}", {"grootte": PVA_GROOTTE, "cursief": True}), na=0)
    tag(c[4], "{%p endif %}")
    tag(c[4], "{%p if a.overgedragen_aan %}")
    par(c[4], ("Overgedragen aan: ", {"vet": True, "grootte": PVA_GROOTTE}),
        ("{{ a.overgedragen_aan }}", {"grootte": PVA_GROOTTE}), na=0)
    tag(c[4], "{%p endif %}")
    cel_tekst(c[5], "{{ a.begeleiding }}", grootte=PVA_GROOTTE)
    cel_tekst(c[6], ("{{ a.stavaza }}", {"vet": True}), grootte=PVA_GROOTTE)
    tag_rij(tabel, "{%tr endfor %}")
    tag_rij(tabel, "{%tr endfor %}")
    tag_rij(tabel, "{%tr endfor %}")
    breedtes(tabel, [k[2] for k in PVA_KOLOMMEN])


def doelen_tabel(doc) -> None:
    tag(doc, "{%p if doelstellingen %}")
    kop(doc, "Doelstellingen", 2)
    tabel = doc.add_table(rows=1, cols=5)
    rand(tabel)
    for cel, titel in zip(tabel.rows[0].cells, ("DOELSTELLING", "BIJ WIE?", "DOMEIN OF FACTOR", "STREEFDATUM",
                                                 "STAAT"), strict=True):
        cel_tekst(cel, (titel, {"vet": True, "grootte": 8.5}))
        arcering(cel, KOPKLEUR)
    kop_herhalen(tabel.rows[0])
    tag_rij(tabel, "{%tr for g in doelstellingen %}")
    rij = tabel.add_row()
    c = rij.cells
    cel_tekst(c[0], "{{ g.tekst }}", grootte=9)
    cel_tekst(c[1], "{{ g.bij_wie }}", grootte=9)
    cel_tekst(c[2], "{{ g.waar }}", grootte=9)
    cel_tekst(c[3], "{{ g.streefdatum|datum_kort }}", grootte=9)
    p = c[4].paragraphs[0]
    for tekst, opmaak in (("{% if g.bereikt %}", {}), ("{{ g.staat }}", {"kleur": GROEN, "vet": True}),
                          ("{% else %}", {}), ("{{ g.staat }}", {}), ("{% endif %}", {})):
        opmaak_run(p.add_run(tekst), grootte=9, **opmaak)
    tag_rij(tabel, "{%tr endfor %}")
    breedtes(tabel, [10.7, 4.5, 5.0, 3.0, 3.5])
    tag(doc, "{%p endif %}")


VOET = "VERTROUWELIJK – gedeeld binnen art. 458ter Sw. (ketenaanpak intrafamiliaal geweld), niet verder verspreiden"


def pva_sectie(doc, nieuwe_sectie: bool) -> None:
    """The plan (header, table, goals) on A4 landscape; as a new section in a portrait document."""
    if nieuwe_sectie:
        sectie = doc.add_section(WD_SECTION.NEW_PAGE)
        zet_pagina(sectie, liggend=True)
        par(doc, ("BIJLAGE: PLAN VAN AANPAK", {"vet": True, "grootte": 14, "kleur": DONKER}), na=2)
        pva_kop(doc, met_titel=False)
    else:
        pva_kop(doc)
    pva_tabel(doc)
    par(doc, ("Leeg veld? Dat mag: samen zoeken naar antwoorden is de bedoeling van de bespreking (gids E.1). "
              "Doorgehaalde acties zijn geschrapt.", {"cursief": True, "grootte": 8, "kleur": GRIJS}))
    doelen_tabel(doc)


# -- the documents ---------------------------------------------------------------------------------


def plan_van_aanpak() -> Document:
    doc = nieuw(liggend=True)
    voettekst(doc, VOET)
    pva_sectie(doc, nieuwe_sectie=False)
    return doc


def titelblok(doc, titel_expr: str = "{{ titel }}") -> None:
    par(doc, (titel_expr, {"vet": True, "grootte": 16, "kleur": DONKER}), na=6)


def agenderingskop(doc, extra: list[tuple[str, str]] | None = None) -> None:
    rijen = [
        ("Gezin", "{{ gezin }}"),
        ("Dossier", "{{ dossier_id }} · {{ regio }}"),
        ("Casusregisseur", "{{ casusregisseur.naam }}{% if casusregisseur.organisatie %} "
                           "({{ casusregisseur.organisatie }}){% endif %}"),
        ("Contact", "{{ casusregisseur.contact }}"),
        ("Zitting", "{% if zitting %}{{ zitting|moment }}{% else %}nog te bepalen{% endif %}"),
        ("Opgemaakt op", "{{ vandaag|datum }}"),
        ("Casusregie sinds", "{% if casusregie_start %}{{ casusregie_start|datum }}{% if casusregie_week %} "
                             "(nu week {{ casusregie_week }}){% endif %}{% else %}nog niet gestart{% endif %}"),
    ]
    gegevens_tabel(doc, rijen + (extra or []))


def clienten_tabel(doc) -> None:
    tag(doc, "{%p if clienten %}")
    tabel = doc.add_table(rows=1, cols=4)
    rand(tabel, "BFBFBF")
    for cel, titel in zip(tabel.rows[0].cells, ("Naam", "Rol", "Leeftijd", "Relaties"), strict=True):
        cel_tekst(cel, (titel, {"vet": True}), grootte=9.5)
        arcering(cel, KOPKLEUR)
    kop_herhalen(tabel.rows[0])
    tag_rij(tabel, "{%tr for c in clienten %}")
    c = tabel.add_row().cells
    cel_tekst(c[0], "{{ c.naam }}", grootte=9.5)
    cel_tekst(c[1], "{{ c.rollen }}", grootte=9.5)
    cel_tekst(c[2], "{{ c.leeftijd }}", grootte=9.5)
    cel_tekst(c[3], "{{ c.relaties }}{% if c.detentie %} · {{ c.detentie }}{% endif %}"
                    "{% if c.niet_betrokken %} · {{ c.niet_betrokken }}{% endif %}", grootte=9.5)
    tag_rij(tabel, "{%tr endfor %}")
    breedtes(tabel, [4.2, 2.8, 2.0, 8.0])
    tag(doc, "{%p endif %}")


def diensten_lijst(doc) -> None:
    tag(doc, "{%p for x in diensten %}")
    par(doc, "• ", ("{{ x.naam }}", {"vet": True}), "{% if x.rol %}: {{ x.rol }}{% endif %}"
        "{% if x.contactpersoon %} ({{ x.contactpersoon }}){% endif %}", na=1)
    tag(doc, "{%p endfor %}")
    tag(doc, "{%p if not diensten %}")
    par(doc, ("(nog geen diensten genoteerd)", {"cursief": True, "kleur": GRIJS}))
    tag(doc, "{%p endif %}")


def situatie(doc, met_aanvang: bool = True) -> None:
    """The aanmelding's texts, labelled as the situation then; 'Huidige situatie' is the regisseur's own
    (``huidige_situatie``) or lines to write on: the aanmelding never describes now (annex G.3)."""
    bron = ("uit de aanmelding{% if aanmelddatum %} van {{ aanmelddatum|datum_kort }}{% endif %}",
            {"cursief": True, "kleur": GRIJS, "grootte": 9})
    if met_aanvang:
        label(par(doc, ("Situatie bij aanvang ", {"vet": True}), bron))
        tekstblok(doc, "geweld_bij_aanvang")
    label(par(doc, ("Situatie bij aanmelding ", {"vet": True}), bron))
    tekstblok(doc, "geweld_nu")
    label(par(doc, ("Huidige situatie", {"vet": True})))
    tekstblok(doc, "huidige_situatie", "(in te vullen door de casusregisseur: hoe is de situatie nu?)",
              lijnen_bij_leeg=3)


def genogram_plek(doc) -> None:
    """The genogram (issue 16; guide L1722-1726: projected in stap 1), when the dossier has members:
    ketencli puts the picture in ``{{ genogram }}``."""
    tag(doc, "{%p if genogram %}")
    par(doc, "{{ genogram }}", uitlijning=WD_ALIGN_PARAGRAPH.CENTER)
    tag(doc, "{%p endif %}")


def inleiding_weegploeg(doc, afronding: bool) -> None:
    kop(doc, "Stap 1 – Het dossier ter inleiding (5 minuten, met genogram)", 1)
    genogram_plek(doc)  # also at the afronding (guide L1806)
    kop(doc, "Over welk geweld " + ("ging" if afronding else "gaat") + " het?", 2)
    situatie(doc)
    if not afronding:
        kop(doc, "Wie zijn de cliënten en hoe verhouden ze zich tot elkaar?", 2)
        clienten_tabel(doc)
        tag(doc, "{%p if clienten_toelichting %}")
        par(doc, "{{ clienten_toelichting }}")
        tag(doc, "{%p endif %}")
    kop(doc, "Wat " + ("waren" if afronding else "zijn") + " de noden van de cliënten?", 2)
    par(doc, ("Vraagverheldering bij pleger, slachtoffer en kinderen ouder dan 12.",
              {"cursief": True, "grootte": 9, "kleur": GRIJS}))
    tekstblok(doc, "noden")
    if afronding:
        kop(doc, "Welke acties werden ondernomen?", 2)
        tag(doc, "{%p for a in ondernomen %}")
        par(doc, "• ", ("{{ a.omschrijving }}", {"vet": True}),
            "{% if a.begeleiding %} – {{ a.begeleiding }}{% endif %}{% if a.stavaza %} · {{ a.stavaza }}{% endif %}"
            "{% if a.overgedragen_aan %}; overgedragen aan {{ a.overgedragen_aan }}{% endif %}", na=1)
        tag(doc, "{%p endfor %}")
        tag(doc, "{%p if not ondernomen %}")
        par(doc, ("(geen acties in het plan van aanpak)", {"cursief": True, "kleur": GRIJS}))
        tag(doc, "{%p endif %}")
    else:
        kop(doc, "Welke diensten en partners zijn betrokken, en hoe?", 2)
        diensten_lijst(doc)
        kop(doc, "Welk veiligheidsplan is er?", 2)
        tekstblok(doc, "veiligheidsplan", "(nog geen veiligheidsplan genoteerd)")
        kop(doc, "Waarom is het dossier nu klaar voor {{ tafel.de }}?", 2)
        tekstblok(doc, "waarom_nu", "(in te vullen door de casusregisseur)", lijnen_bij_leeg=2)
        kop(doc, "Vragen voor {{ tafel.de }}", 2)
        lijst(doc, "vragen", "{{ x }}",
              "(nog geen vragen genoteerd: benoem een vraag naar aanvullend infodelen helder)")
        kop(doc, "Externe expertise op {{ tafel.de }}", 2)
        # annex G.1: nothing recorded is not 'no one asked': leave room to name the expertise (review 11)
        lijst(doc, "uitgenodigd", "{{ x }}")
        tag(doc, "{%p if not uitgenodigd %}")
        par(doc, ("(welke externe expertise nodigt de tafel uit? In te vullen, of leeg laten)",
                  {"cursief": True, "kleur": GRIJS}))
        lijnen(doc, 2)
        tag(doc, "{%p endif %}")


def agendering_weegploeg() -> Document:
    doc = nieuw()
    voettekst(doc, VOET)
    koptekst(doc, "{{ tafel.titel }} · dossier {{ dossier_id }}")
    titelblok(doc)
    tag(doc, "{%p if gewijzigd %}")
    par(doc, ("Het plan van aanpak is fundamenteel gewijzigd sinds de vorige bespreking op {{ tafel.de }} en "
              "komt daarom opnieuw op de agenda.", {"cursief": True}))
    tag(doc, "{%p endif %}")
    agenderingskop(doc)
    inleiding_weegploeg(doc, afronding=False)
    cel = blok(doc)  # steps 2 and 3 on one page, never split
    kop(cel, "Stap 2 – Het plan van aanpak", 1)
    par(cel, "Het plan van aanpak staat in bijlage, per domein. Wat kan {{ tafel.de }} toevoegen: de "
             "doelstellingen helder krijgen, acties concretiseren, samen een plan B bedenken, de volgende stap?")
    kop(cel, "Stap 3 – Wat neem je mee van de bespreking?", 1)
    par(cel, ("Na de bespreking in te vullen: acties, helpende suggesties en de terugkomdatum op "
              "{{ opvolg_tafel.de }}.",
              {"cursief": True, "kleur": GRIJS}))
    lijnen(cel, 4)
    blok_af(cel)
    pva_sectie(doc, nieuwe_sectie=True)
    return doc


def agendering_weegploeg_afronding() -> Document:
    doc = nieuw()
    voettekst(doc, VOET)
    koptekst(doc, "{{ tafel.titel }} · dossier {{ dossier_id }}")
    titelblok(doc)
    agenderingskop(doc)
    inleiding_weegploeg(doc, afronding=True)
    kop(doc, "Stap 2 – Terugblik op het plan van aanpak en de doelstellingen", 1)
    kop(doc, "Doelstellingen van het plan van aanpak", 2)
    tag(doc, "{%p for g in doelstellingen %}")
    p = par(doc, "• ")
    for tekst, opmaak in (("{{ g.tekst }}", {}), (" — ", {}), ("{% if g.bereikt %}", {}),
                          ("{{ g.staat }}", {"vet": True, "kleur": GROEN}), ("{% else %}", {}),
                          ("{{ g.staat }}", {"vet": True}), ("{% endif %}", {})):
        opmaak_run(p.add_run(tekst), **opmaak)
    tag(doc, "{%p endfor %}")
    tag(doc, "{%p if not doelstellingen %}")
    par(doc, ("(geen doelstellingen in het plan van aanpak)", {"cursief": True, "kleur": GRIJS}))
    tag(doc, "{%p endif %}")
    kop(doc, "De doelstellingen van de ketenaanpak (afrondingstoets)", 2)
    tag(doc, "{%p if toets_beschikbaar %}")
    tag(doc, "{%p for c in criteria %}")
    p = par(doc)
    for tekst, opmaak in (("{{ c.titel }}: ", {"vet": True}), ("{% if c.voldaan %}", {}),
                          ("{{ c.oordeel }}", {"vet": True, "kleur": GROEN}), ("{% else %}", {}),
                          ("{{ c.oordeel }}", {"vet": True, "kleur": ROOD}), ("{% endif %}", {})):
        opmaak_run(p.add_run(tekst), **opmaak)
    p.paragraph_format.space_after = Pt(0)
    tag(doc, "{%p for b in c.bewijs %}")
    par(doc, ("   – {{ b }}", {"grootte": 9.5}), na=0)
    tag(doc, "{%p endfor %}")
    tag(doc, "{%p endfor %}")
    tag(doc, "{%p else %}")
    par(doc, ("Motiveer: het geweld is gestopt; er werd voorkomen dat het opnieuw gebeurt; risicofactoren zijn "
              "verminderd of beschermende factoren toegenomen.", {"cursief": True, "kleur": GRIJS}))
    lijnen(doc, 3)
    tag(doc, "{%p endif %}")
    kop(doc, "Risico- en beschermende factoren: instroom en nu", 2)
    par(doc, ("{% if kijkschema_instroom and kijkschema_actueel and kijkschema_instroom != kijkschema_actueel %}"
              "Kijkschema bij instroom ({{ kijkschema_instroom|datum_kort }}) tegenover het laatste "
              "({{ kijkschema_actueel|datum_kort }}).{% elif kijkschema_instroom %}Alleen het kijkschema bij "
              "instroom ({{ kijkschema_instroom|datum_kort }}) is ingevuld.{% else %}Er is nog geen kijkschema "
              "ingevuld.{% endif %}", {"cursief": True, "grootte": 9, "kleur": GRIJS}))
    tag(doc, "{%p if vergelijking %}")
    tabel = doc.add_table(rows=1, cols=4)
    rand(tabel)
    for cel, titel in zip(tabel.rows[0].cells, ("FACTOR", "BIJ INSTROOM", "NU", "VERANDERING"), strict=True):
        cel_tekst(cel, (titel, {"vet": True}), grootte=9)
        arcering(cel, KOPKLEUR)
    kop_herhalen(tabel.rows[0])
    tag_rij(tabel, "{%tr for v in vergelijking %}")
    c = tabel.add_row().cells
    p = c[0].paragraphs[0]
    for tekst, opmaak in (("{% if v.risico %}", {}), ("{{ v.factor }}", {"kleur": ROOD}), ("{% else %}", {}),
                          ("{{ v.factor }}", {"kleur": GROEN}), ("{% endif %}", {}),
                          ("{% if v.domein %} ({{ v.domein }}){% endif %}", {"kleur": GRIJS})):
        opmaak_run(p.add_run(tekst), grootte=9, **opmaak)
    cel_tekst(c[1], "{{ v.van }}", grootte=9)
    cel_tekst(c[2], "{{ v.naar }}", grootte=9)
    cel_tekst(c[3], ("{{ v.verandering }}", {"vet": True}), grootte=9)
    tag_rij(tabel, "{%tr endfor %}")
    breedtes(tabel, [7.0, 3.0, 3.0, 4.0])
    tag(doc, "{%p else %}")
    par(doc, ("(geen twee kijkschema's om te vergelijken, of geen verschil)", {"cursief": True, "kleur": GRIJS}))
    tag(doc, "{%p endif %}")
    kop(doc, "Vervolghulp en veiligheid", 2)
    tekstblok(doc, "vervolghulp", "(vervolghulp nog niet genoteerd)")
    tag(doc, "{%p if extra_veiligheidsacties %}")
    par(doc, ("Extra acties en afspraken over veiligheid: ", {"vet": True}), "{{ extra_veiligheidsacties }}")
    tag(doc, "{%p endif %}")
    cel = blok(doc)  # the closing questions and step 3 on one page, never split
    kop(cel, "Waarom is het dossier nu klaar voor afronding?", 2)
    tekstblok(cel, "waarom_nu", "(in te vullen door de casusregisseur)", lijnen_bij_leeg=2)
    kop(cel, "Vragen voor {{ tafel.de }}", 2)
    lijst(cel, "vragen", "{{ x }}", "(geen specifieke vragen)")
    kop(cel, "Stap 3 – Consensus over afronding?", 1)
    lijnen(cel, 3)
    blok_af(cel)
    pva_sectie(doc, nieuwe_sectie=True)
    return doc


def agendering_rondetafel() -> Document:
    doc = nieuw()
    voettekst(doc, VOET)
    koptekst(doc, "{{ tafel.titel }} · dossier {{ dossier_id }}")
    titelblok(doc)
    agenderingskop(doc, [("Moment", "{% if na_weegploeg %}na{% else %}voor{% endif %} {{ plan_tafel.de }}"
                                    "{% if tussentijdse_evaluatie %} · tussentijdse evaluatie{% endif %}")])
    kop(doc, "Stap 1 – Het dossier ter inleiding (5 minuten)", 1)
    genogram_plek(doc)
    tag(doc, "{%p if na_weegploeg %}")
    par(doc, ("Hoe ging je aan de slag met het plan van aanpak, met de aanvullingen van {{ plan_tafel.de }}? "
              "Wat is de huidige stand van zaken?", {"cursief": True, "grootte": 9.5, "kleur": GRIJS}))
    tag(doc, "{%p else %}")
    par(doc, ("Wat verwachten de gezinsleden en de kinderen ouder dan 12?", {"cursief": True, "grootte": 9.5,
                                                                           "kleur": GRIJS}))
    tag(doc, "{%p endif %}")
    situatie(doc, met_aanvang=False)
    noden = par(doc, ("Wensen en noden ", {"vet": True}),
                ("uit de aanmelding", {"cursief": True, "kleur": GRIJS, "grootte": 9}))
    noden.paragraph_format.space_before = Pt(10)
    tekstblok(doc, "noden")
    par(doc, ("Kinderen ouder dan 12", {"vet": True})).paragraph_format.space_before = Pt(6)
    lijst(doc, "kinderen_12", "{{ x.naam }} ({{ x.leeftijd }}) – gesproken? ______",
          "(geen kinderen ouder dan 12 in het dossier)")
    cel = blok(doc)  # steps 2 and 3 on one page, never split (unless longer than a page)
    kop(cel, "Stap 2 – De vraag" + "{% if tussentijdse_evaluatie %} en de tussentijdse evaluatie{% endif %}", 1)
    tekstblok(cel, "vraag", "(nog geen vraag genoteerd)", lijnen_bij_leeg=2)
    kop(cel, "Afbakening", 2)
    gegevens_tabel(cel, [
        ("Over welk gezinslid?", "{{ reikwijdte.leden or 'het hele gezin' }}"),
        ("Welk leefdomein?", "{{ reikwijdte.domeinen or 'niet afgebakend' }}"),
        ("Voor welke deelnemer?", "{{ reikwijdte.tafelleden or 'alle deelnemers' }}"),
    ], breedte=(5.0, 12.0))
    tag(cel, "{%p if tussentijdse_evaluatie %}")
    kop(cel, "Tussentijdse evaluatie", 2)
    par(cel, ("Welke beschermende factoren werden gerealiseerd, welke risicofactoren verminderd?",
              {"cursief": True, "grootte": 9.5, "kleur": GRIJS}))
    tag(cel, "{%p for v in vergelijking %}")
    p = par(cel, "• ")
    for tekst, opmaak in (("{% if v.gunstig %}", {}), ("{{ v.factor }}", {"kleur": GROEN, "vet": True}),
                          ("{% else %}", {}), ("{{ v.factor }}", {"kleur": ROOD, "vet": True}), ("{% endif %}", {}),
                          (": {{ v.verandering }} ({{ v.van }} → {{ v.naar }})", {})):
        opmaak_run(p.add_run(tekst), **opmaak)
    tag(cel, "{%p endfor %}")
    tag(cel, "{%p if not vergelijking %}")
    par(cel, ("(geen verschil tussen het kijkschema bij instroom en het laatste)", {"cursief": True,
                                                                                  "kleur": GRIJS}))
    tag(cel, "{%p endif %}")
    tag(cel, "{%p for g in doelstellingen %}")
    par(cel, "• Doelstelling: {{ g.tekst }} — ", ("{{ g.staat }}", {"vet": True}))
    tag(cel, "{%p endfor %}")
    tag(cel, "{%p endif %}")
    kop(cel, "Stap 3 – Terug naar het plan van aanpak: wat neem je mee?", 1)
    lijnen(cel, 4)
    blok_af(cel)
    pva_sectie(doc, nieuwe_sectie=True)
    return doc


def aanmelding() -> Document:
    doc = nieuw()
    voettekst(doc, VOET)
    koptekst(doc, "Aanmelding · dossier {{ dossier_id }}")
    titelblok(doc)
    gegevens_tabel(doc, [
        ("Gezin", "{{ gezin }}"),
        ("Dossier", "{{ dossier_id }} · {{ regio }}"),
        ("Aangemeld op", "{% if aanmelddatum %}{{ aanmelddatum|datum }}{% else %}nog niet{% endif %}"),
        ("Aanmelder", "{{ aanmelder.organisatie }}{% if aanmelder.persoon %} – {{ aanmelder.persoon }}{% endif %}"),
        ("Contact aanmelder", "{{ aanmelder.contact }}"),
        ("{{ woorden.intake_kort }}", "{% if zitting %}{{ zitting|moment }}{% else %}nog te bepalen{% endif %}"),
        ("Opgemaakt op", "{{ vandaag|datum }}"),
    ])
    kop(doc, "Gezinsleden", 1)
    genogram_plek(doc)
    clienten_tabel(doc)
    tag(doc, "{%p if not clienten %}")
    par(doc, ("(nog geen gezinsleden genoteerd)", {"cursief": True, "kleur": GRIJS}))
    tag(doc, "{%p endif %}")
    kop(doc, "Aanmeldingsvragen", 1)
    tag(doc, "{%p for v in vragen %}")
    par(doc, ("{{ v.vraag }}", {"vet": True}), na=1)
    tekstblok(doc, "v.antwoord", "(niet ingevuld)", lijnen_bij_leeg=2)
    tag(doc, "{%p endfor %}")
    kop(doc, "Betrokken diensten", 1)
    diensten_lijst(doc)
    par(doc, ("Tot de beslissing van {{ woorden.intake }} blijft de aanmelder verantwoordelijk voor de "
              "inschatting van gevaar en voor crisisinterventie.", {"cursief": True, "grootte": 9, "kleur": GRIJS}))
    return doc


def veiligheidsplan() -> Document:
    doc = nieuw()
    voettekst(doc, "VERTROUWELIJK – bewaar dit plan op een veilige plek")
    tag(doc, "{%p for x in personen %}")
    par(doc, ("Mijn veiligheidsplan", {"vet": True, "grootte": 18, "kleur": DONKER}), na=2)
    par(doc, ("Naam: ", {"vet": True}), "{% if x.naam %}{{ x.naam }}{% else %}"
                                         "______________________________{% endif %}",
        ("     Datum: ", {"vet": True}), "{% if x.datum %}{{ x.datum|datum }}{% else %}{{ vandaag|datum }}{% endif %}")
    blokken = (
        ("Waaraan merk ik dat het onveilig wordt?", "x.signalen", 4),
        ("Wat doe ik dan?", "x.wat_te_doen", 5),
    )
    # writing lines: a full block on an empty form, one line to add to a filled one, so that a page per
    # person fits on one page with ordinary content (issue 14 §3)
    for titel, lus, leeg in blokken:
        kop(doc, titel, 2)
        tag(doc, f"{{%p for s in {lus} %}}")
        par(doc, "☐ {{ s }}", na=1)
        tag(doc, "{%p endfor %}")
        lijnen_tenzij(doc, lus, leeg, 1)
    kop(doc, "Mijn veilige plek", 2)
    tag(doc, "{%p if x.veilige_plek %}")
    par(doc, "{{ x.veilige_plek }}")
    tag(doc, "{%p else %}")
    lijnen(doc, 2)
    tag(doc, "{%p endif %}")
    kop(doc, "Wie kan ik bellen?", 2)
    tabel = doc.add_table(rows=1, cols=3)
    rand(tabel, "A6A6A6")
    for cel, titel in zip(tabel.rows[0].cells, ("Naam", "Telefoon", "Wie is dit voor mij?"), strict=True):
        cel_tekst(cel, (titel, {"vet": True}))
        arcering(cel, "F2F2F2")
    tag_rij(tabel, "{%tr for c in x.wie_bellen %}")
    c = tabel.add_row().cells
    cel_tekst(c[0], "{{ c.naam }}")
    cel_tekst(c[1], "{{ c.telefoon }}")
    cel_tekst(c[2], "{{ c.rol }}")
    tag_rij(tabel, "{%tr endfor %}")
    tag_rij(tabel, "{%tr if x.wie_bellen|length < 3 %}")
    r = tabel.add_row()
    r.height = Cm(0.7)
    tag_rij(tabel, "{%tr endif %}")
    tag_rij(tabel, "{%tr if not x.wie_bellen %}")
    r = tabel.add_row()
    r.height = Cm(0.7)
    tag_rij(tabel, "{%tr endif %}")
    breedtes(tabel, [6.0, 4.5, 6.5])
    par(doc, ("In nood: bel 112 (dringende hulp) of 101 (politie). Praten over geweld: 1712 (gratis en anoniem).",
              {"vet": True}))
    kop(doc, "Afspraken", 2)
    tag(doc, "{%p for s in x.afspraken %}")
    par(doc, "☐ {{ s }}", na=1)
    tag(doc, "{%p endfor %}")
    lijnen_tenzij(doc, "x.afspraken", 4, 1)
    paginaeinde_tenzij_laatste(doc)
    tag(doc, "{%p endfor %}")
    return doc


def psd_jww_mail() -> Document:
    doc = nieuw()
    # what the regisseur must know before sending (need-to-know, who signs, the Kempen) is said by
    # `ketencli doc` (documenten.waarschuwingen), never in the text meant to be sent (issue 14 §3)
    titelblok(doc)
    gegevens_tabel(doc, [
        ("Aan PSD", "{% for o in psd %}{{ o.naam }}{% if o.contact %} ({{ o.contact }}){% endif %}"
                    "{% if not loop.last %}; {% endif %}{% else %}de psychosociale dienst – {{ gevangenis.naam }} "
                    "(algemeen adres){% endfor %}"),
        ("Aan JWW", "{% if gevangenis.kempen %}niet: Justitieel Welzijnswerk Turnhout wordt niet gemaild"
                    "{% else %}{% for o in jww %}{{ o.naam }}{% if o.contact %} ({{ o.contact }}){% endif %}"
                    "{% if not loop.last %}; {% endif %}{% else %}Justitieel Welzijnswerk – {{ gevangenis.naam }}"
                    "{% endfor %}{% endif %}"),
        ("Onderwerp", "Betrokkenheid ketenaanpak intrafamiliaal geweld – kennismaking"
                      "{% if not voor_casusregie %} casusregisseur{% endif %}"),
    ], breedte=(3.0, 14.0))
    par(doc, "Beste collega's,")
    par(doc, "Ik laat jullie weten dat {{ gedetineerde.naam }}"
             "{% if gedetineerde.geboortedatum %} (geboren op {{ gedetineerde.geboortedatum|datum_zonder_dag }})"
             "{% endif %}, die verblijft in {{ gevangenis.in }}, betrokken is bij de ketenaanpak "
             "intrafamiliaal geweld ({{ regio }}). {% if voor_casusregie %}Er is nog geen casusregisseur "
             "aangesteld; tot dan ben ik jullie aanspreekpunt voor de ketenaanpak.{% elif casusregie_actief %}"
             "Ik ben de casusregisseur in dit traject.{% else %}Ik ben in deze fase jullie aanspreekpunt voor de "
             "ketenaanpak.{% endif %}")
    tag(doc, "{%p if voor_casusregie %}")
    par(doc, "Graag werk ik met jullie samen en stem ik af met de diensten in de gevangenis, zodat het contact "
             "met de betrokkene behouden blijft. Zodra er een casusregisseur is aangesteld, neemt die zelf contact "
             "met jullie op.")
    tag(doc, "{%p else %}")
    par(doc, "Graag werk ik met jullie samen en stem ik af met de diensten in de gevangenis, zodat het contact "
             "met de betrokkene in het traject behouden blijft. Ik bied aan om {{ gedetineerde.naam }} te komen "
             "spreken in de gevangenis voor een (kennismakings)gesprek.")
    tag(doc, "{%p endif %}")
    par(doc, "Jullie kunnen mij bereiken via de gegevens hieronder.")
    par(doc, "Met vriendelijke groet,")
    tag(doc, "{%p if voor_casusregie %}")
    doc.add_paragraph()
    par(doc, "Naam: ________________________________________", na=6)
    par(doc, "{{ verbindingsfiguur }} ketenaanpak intrafamiliaal geweld – {{ regio }}", na=6)
    par(doc, "Telefoon en e-mail: ______________________________")
    tag(doc, "{%p else %}")
    par(doc, ("{{ casusregisseur.naam }}", {"vet": True}), na=0)
    par(doc, "{% if casusregie_actief %}Casusregisseur{% else %}Contactpersoon{% endif %} ketenaanpak "
             "intrafamiliaal geweld – {{ casusregisseur.organisatie }}", na=0)
    par(doc, "{{ casusregisseur.contact }}")
    tag(doc, "{%p endif %}")
    return doc


def brief_gedetineerde() -> Document:
    doc = nieuw()
    # before casusregie the CO3-criminoloog writes (annex D, L1509-1511): name and contact left to fill in
    tag(doc, "{%p if voor_casusregie %}")
    par(doc, "Naam: ______________________________", na=4)
    par(doc, "{{ verbindingsfiguur }} – ketenaanpak intrafamiliaal geweld", na=4)
    par(doc, "Telefoon en adres: ______________________________")
    tag(doc, "{%p else %}")
    par(doc, ("{{ casusregisseur.naam }}", {"vet": True}), na=0)
    par(doc, "{{ casusregisseur.organisatie }}", na=0)
    par(doc, "{{ casusregisseur.contact }}")
    tag(doc, "{%p endif %}")
    doc.add_paragraph()
    par(doc, ("{{ gedetineerde.naam }}", {"vet": True}), na=0)
    par(doc, "p/a {{ gevangenis.naam }}")
    doc.add_paragraph()
    par(doc, "{{ vandaag|datum_zonder_dag }}", uitlijning=WD_ALIGN_PARAGRAPH.RIGHT)
    par(doc, ("Betreft: de ketenaanpak intrafamiliaal geweld", {"vet": True}))
    par(doc, "Beste {{ gedetineerde.naam }},")
    par(doc, "{% if voor_casusregie %}Ik ben ______________________, {{ verbindingsfiguur_de }} in de "
             "ketenaanpak intrafamiliaal geweld ({{ regio }}).{% else %}Ik ben {{ casusregisseur.naam }}, "
             "casusregisseur in de ketenaanpak intrafamiliaal geweld ({{ regio }}).{% endif %} In de ketenaanpak "
             "werken hulpverlening, politie en justitie samen met het gezin, zodat het geweld stopt en niet "
             "opnieuw gebeurt. {% if voor_casusregie %}Zolang er nog geen casusregisseur is, ben ik het "
             "aanspreekpunt.{% else %}Ik stem de hulp af en ben het aanspreekpunt.{% endif %}")
    par(doc, "Ik schrijf je rechtstreeks, omdat ik graag contact met je houd tijdens je verblijf in de "
             "gevangenis. Mijn vraag aan jou:")
    par(doc, "• Neem contact met mij op, per brief of telefonisch via de gegevens bovenaan. Ik kom je ook graag "
             "spreken in de gevangenis.", na=1)
    par(doc, "• Als je dat wil, vertel dan aan Justitieel Welzijnswerk dat je in de ketenaanpak zit. Dan kunnen "
             "zij en ik samen afstemmen.")
    par(doc, "Jij kiest of je het traject met mij (verder) wil zetten en of je Justitieel Welzijnswerk daarbij "
             "betrekt. Ik vertel hen niets zonder jouw keuze.")
    par(doc, "Met vriendelijke groet,")
    doc.add_paragraph()
    tag(doc, "{%p if voor_casusregie %}")
    par(doc, "______________________________", na=0)
    par(doc, "{{ verbindingsfiguur }} – ketenaanpak intrafamiliaal geweld")
    tag(doc, "{%p else %}")
    par(doc, ("{{ casusregisseur.naam }}", {"vet": True}), na=0)
    par(doc, "Casusregisseur – {{ casusregisseur.organisatie }}")
    tag(doc, "{%p endif %}")
    return doc


def justitiehuis() -> Document:
    doc = nieuw()
    titelblok(doc)  # instructions to the regisseur: `ketencli doc` says them (documenten.waarschuwingen)
    gegevens_tabel(doc, [
        ("Aan", "Teamverantwoordelijke{% for j in justitiehuis %} – {{ j.naam }}{% endfor %}"),
        ("Cc", "operationeel coördinator; algemeen adres van het Justitiehuis"),
        ("Onderwerp", "Vraag naar versnelde opstart van een justitiële maatregel"),
    ], breedte=(3.0, 14.0))
    par(doc, "Beste,")
    tag(doc, "{%p if not maatregel_genoteerd %}")
    par(doc, "De ______________________________ (overlegtafel) besliste op ____/____/________ dat een "
             "justitiële maatregel hoogdringend is. Als casusregisseur ({{ regio }}) vraag ik daarom een "
             "versnelde opstart.")
    tag(doc, "{%p else %}")
    par(doc, "{% if maatregel.tafel %}De {{ maatregel.tafel }}{% else %}Het overleg in de ketenaanpak "
             "intrafamiliaal geweld{% endif %} besliste "
             "{% if maatregel.beslist_op %}op {{ maatregel.beslist_op|datum }} {% endif %}"
             "dat een justitiële maatregel hoogdringend is. Als casusregisseur ({{ regio }}) vraag ik daarom een "
             "versnelde opstart.")
    tag(doc, "{%p endif %}")
    par(doc, ("Betrokkene", {"vet": True}), na=1)
    tag(doc, "{%p for b in betrokkenen %}")
    par(doc, "• {{ b.naam }}{% if b.geboortedatum %} (geboren op {{ b.geboortedatum|datum_zonder_dag }})"
             "{% endif %}", na=1)
    tag(doc, "{%p endfor %}")
    tag(doc, "{%p if not betrokkenen %}")
    lijnen(doc, 1)
    tag(doc, "{%p endif %}")
    par(doc, ("Maatregel", {"vet": True}), na=1)
    tekstblok(doc, "maatregel.omschrijving", "(omschrijf de maatregel)", lijnen_bij_leeg=2)
    par(doc, "Voor verdere afstemming kan je mij bereiken via de gegevens hieronder.")
    par(doc, "Met vriendelijke groet,")
    par(doc, ("{{ casusregisseur.naam }}", {"vet": True}), na=0)
    par(doc, "Casusregisseur – {{ casusregisseur.organisatie }}", na=0)
    par(doc, "{{ casusregisseur.contact }}")
    return doc


def telling_tabel(doc, titel: str, bijschrift: str, lus: str, kolom: str) -> None:
    """A heading, a caption and a two-column table (label, count) over the context list ``lus``."""
    kop(doc, titel, 1)
    # heading, caption and header row stay with the first row: a table never starts on the next page alone
    par(doc, (bijschrift, {"cursief": True, "grootte": 9}), na=2).paragraph_format.keep_with_next = True
    tabel = doc.add_table(rows=1, cols=2)
    rand(tabel, "BFBFBF")
    for cel, tekst in zip(tabel.rows[0].cells, (kolom, "Aantal"), strict=True):
        cel_tekst(cel, (tekst, {"vet": True}))
        arcering(cel, KOPKLEUR)
        for alinea in cel.paragraphs:
            alinea.paragraph_format.keep_with_next = True
    kop_herhalen(tabel.rows[0])
    tag_rij(tabel, "{%tr for x in " + lus + " %}")
    rij = tabel.add_row()
    cel_tekst(rij.cells[0], "{{ x.label }}")
    cel_tekst(rij.cells[1], "{{ x.aantal }}")
    tag_rij(tabel, "{%tr endfor %}")
    breedtes(tabel, [9.0, 2.0])
    doc.add_paragraph()


def beleidssignalen() -> Document:
    """The report of `ketencli beleidssignalen` for the stuurgroep (issue 17): counts only (small cells
    as "< 5"), anonymised descriptions of deelbaar knelpunten, a bar chart; no empty section."""
    doc = nieuw()
    koptekst(doc, "Beleidssignalen · {{ regio }}")
    voettekst(doc, "Geanonimiseerd – zonder namen, geboortedata of adressen")
    titelblok(doc)
    gegevens_tabel(doc, [
        ("Regio", "{{ regio }}"),
        ("Periode", "{{ periode }}"),
        ("Opgemaakt op", "{{ vandaag|datum }}"),
        ("Knelpunten", "{{ totaal }}{% if totaal == 'x' %} (niet getoond, zie de uitleg hieronder){% endif %}"),
        ("Dossiers", "{{ dossiers }} met minstens één knelpunt"),
    ], breedte=(4.0, 13.0))
    tag(doc, "{%p if leeg %}")
    par(doc, ("Geen knelpunten in deze periode.", {"cursief": True, "kleur": GRIJS}))
    tag(doc, "{%p else %}")
    par(doc, ("Een aantal van 1 tot {{ kleine_cel - 1 }} staat er als “< {{ kleine_cel }}”, zodat geen gezin "
              "herkenbaar wordt.{% if verborgen %} Een “x” is een aantal dat niet getoond wordt omdat je er samen "
              "met de andere aantallen een klein aantal uit zou kunnen afleiden.{% endif %}",
              {"cursief": True, "kleur": GRIJS, "grootte": 9}))
    kop(doc, "Knelpunten per categorie", 1)
    tag(doc, "{%p if grafiek %}")
    par(doc, "{{ grafiek }}", uitlijning=WD_ALIGN_PARAGRAPH.CENTER, na=2)
    par(doc, ("Figuur 1. Aantal knelpunten per categorie. Een gearceerde balk met “< {{ kleine_cel }}” is een "
              "klein aantal (1 tot {{ kleine_cel - 1 }}).", {"cursief": True, "grootte": 9}), na=8)
    tag(doc, "{%p endif %}")
    par(doc, ("Tabel 1. Knelpunten per categorie en per soort dienst.", {"cursief": True, "grootte": 9}), na=2)
    tabel = doc.add_table(rows=1, cols=3)
    rand(tabel, "BFBFBF")
    for cel, tekst in zip(tabel.rows[0].cells, ("Categorie", "Aantal", "Per soort dienst"), strict=True):
        cel_tekst(cel, (tekst, {"vet": True}))
        arcering(cel, KOPKLEUR)
    kop_herhalen(tabel.rows[0])
    tag_rij(tabel, "{%tr for c in categorieen %}")
    rij = tabel.add_row()
    cel_tekst(rij.cells[0], "{{ c.label }}")
    cel_tekst(rij.cells[1], "{{ c.aantal }}")
    cel_tekst(rij.cells[2], "{{ c.diensten }}")
    tag_rij(tabel, "{%tr endfor %}")
    breedtes(tabel, [5.5, 2.0, 9.5])
    doc.add_paragraph()
    tag(doc, "{%p if diensten %}")
    telling_tabel(doc, "Knelpunten per soort dienst",
                  "Tabel 2. Knelpunten per soort dienst (de soort, nooit de naam van de dienst).", "diensten",
                  "Soort dienst")
    tag(doc, "{%p endif %}")
    tag(doc, "{%p if regios %}")
    telling_tabel(doc, "Knelpunten per regio", "Tabel 3. Knelpunten per regio.", "regios", "Regio")
    tag(doc, "{%p endif %}")
    tag(doc, "{%p if omschrijvingen or overige_omschrijvingen %}")
    kop(doc, "Wat de casusregisseurs zagen", 1)
    par(doc, ("Alleen knelpunten die de casusregisseur deelbaar maakte, zonder namen, data, adressen of "
              "contactgegevens.", {"cursief": True, "kleur": GRIJS, "grootte": 9}))
    tag(doc, "{%p for o in omschrijvingen %}")
    label(par(doc, ("{{ o.label }}", {"vet": True}), na=1))
    tag(doc, "{%p for t in o.teksten %}")
    par(doc, "• {{ t }}", na=1)
    tag(doc, "{%p endfor %}")
    tag(doc, "{%p endfor %}")
    tag(doc, "{%p if overige_omschrijvingen %}")
    label(par(doc, ("Uit categorieën met een klein aantal (zonder categorie, om niemand herkenbaar te maken)",
                    {"vet": True}), na=1))
    tag(doc, "{%p for t in overige_omschrijvingen %}")
    par(doc, "• {{ t }}", na=1)
    tag(doc, "{%p endfor %}")
    tag(doc, "{%p endif %}")
    tag(doc, "{%p endif %}")
    tag(doc, "{%p endif %}")
    return doc


def jaarcijfers() -> Document:
    """The yearly figures for the stuurgroep (issue 17): charts, then per region its sections of figures,
    then what each figure means. Only published figures: no names, so no confidentiality line."""
    doc = nieuw()
    voettekst(doc, "Jaarcijfers ketenaanpak intrafamiliaal geweld – zonder namen; aantallen onder 5 als “< 5”")
    koptekst(doc, "{{ titel }} · {{ regio_namen }}")
    titelblok(doc)
    par(doc, ("{{ ondertitel }}", {"grootte": 11, "kleur": GRIJS}), na=8)
    gegevens_tabel(doc, [("Regio's", "{{ regio_namen }}"), ("Jaar", "{{ jaar }}"),
                         ("Stand van de dossiers op", "{{ peildatum|datum }}")])
    par(doc, ("{{ onderdrukking }}", {"cursief": True, "grootte": 9, "kleur": GRIJS}))
    tag(doc, "{%p if niet_gelezen %}")
    par(doc, ("{{ niet_gelezen }}", {"cursief": True, "grootte": 9, "kleur": GRIJS}))
    tag(doc, "{%p endif %}")
    tag(doc, "{%p if grafieken %}")
    kop(doc, "In één oogopslag", 1)
    tag(doc, "{%p endif %}")
    tag(doc, "{%p for g in grafieken %}")
    kop(doc, "{{ g.titel }}", 2)
    p = par(doc, "{{ g.beeld }}", uitlijning=WD_ALIGN_PARAGRAPH.CENTER, na=2)
    p.paragraph_format.keep_with_next = True
    par(doc, ("{{ g.bijschrift }}", {"cursief": True, "grootte": 9}), na=10)
    tag(doc, "{%p endfor %}")
    tag(doc, "{%p for r in regios %}")
    kop(doc, "{{ r.naam }}", 1)
    tag(doc, "{%p for s in r.secties %}")
    kop(doc, "{{ s.titel }}", 2)
    tabel = doc.add_table(rows=0, cols=2)
    rand(tabel, "BFBFBF")
    tag_rij(tabel, "{%tr for rij in s.rijen %}")
    rij = tabel.add_row()
    cel_tekst(rij.cells[0], "{{ rij.label }}", grootte=9.5)
    cel_tekst(rij.cells[1], "{{ rij.tekst }}", grootte=9.5)
    tag_rij(tabel, "{%tr endfor %}")
    breedtes(tabel, [11.0, 6.0])
    tag(doc, "{%p endfor %}")
    tag(doc, "{%p endfor %}")
    kop(doc, "Hoe lees je deze cijfers", 1)
    tag(doc, "{%p for d in definities %}")
    par(doc, ("{{ d.cijfer }}: ", {"vet": True}), "{{ d.uitleg }}", na=3)
    tag(doc, "{%p endfor %}")
    return doc


SJABLONEN = {
    "plan-van-aanpak.docx": plan_van_aanpak,
    "agendering-weegploeg.docx": agendering_weegploeg,
    "agendering-weegploeg-afronding.docx": agendering_weegploeg_afronding,
    "agendering-rondetafel.docx": agendering_rondetafel,
    "aanmelding.docx": aanmelding,
    "veiligheidsplan.docx": veiligheidsplan,
    "psd-jww-mail.docx": psd_jww_mail,
    "brief-gedetineerde.docx": brief_gedetineerde,
    "justitiehuis.docx": justitiehuis,
    "beleidssignalen.docx": beleidssignalen,
    "jaarcijfers.docx": jaarcijfers,
}


def _vaste_metadata(doc: Document) -> None:
    """Neutral, stable core properties (no author name, fixed dates) so rebuilds are reproducible."""
    from datetime import datetime

    kern = doc.core_properties
    kern.author = "ketencli"
    kern.last_modified_by = "ketencli"
    kern.created = kern.modified = datetime(2026, 1, 1)
    kern.title = ""
    kern.comments = ""


def _vaste_zip(pad: Path) -> None:
    """Rewrite the .docx with fixed entry timestamps: rebuilding unchanged templates gives the same bytes."""
    import io
    import zipfile

    with zipfile.ZipFile(pad) as bron:
        delen = [(info.filename, bron.read(info.filename)) for info in bron.infolist()]
    uit = io.BytesIO()
    with zipfile.ZipFile(uit, "w", zipfile.ZIP_DEFLATED) as doel:
        for naam, inhoud in delen:
            info = zipfile.ZipInfo(naam, date_time=(2026, 1, 1, 0, 0, 0))
            info.compress_type = zipfile.ZIP_DEFLATED
            doel.writestr(info, inhoud)
    pad.write_bytes(uit.getvalue())


def koprij_bij_de_eerste_rij(doc) -> None:
    """A table's header row (``kop_herhalen``) never stands alone at the foot of a page: its paragraphs
    keep with the next, so Word and LibreOffice move it to the page of the first row (a trial found the
    clients table's header on page 1 and its rows on page 2)."""
    for tr in doc.element.body.iter(qn("w:tr")):
        trpr = tr.find(qn("w:trPr"))
        if trpr is None or trpr.find(qn("w:tblHeader")) is None:
            continue
        for p in tr.iter(qn("w:p")):
            ppr = p.get_or_add_pPr()
            if ppr.find(qn("w:keepNext")) is None:
                ppr.insert_element_before(OxmlElement("w:keepNext"), *_NA_KEEPNEXT)


# the elements that follow w:keepNext in a w:pPr (schema order)
_NA_KEEPNEXT = ("w:keepLines", "w:pageBreakBefore", "w:framePr", "w:widowControl", "w:numPr", "w:suppressLineNumbers",
                "w:pBdr", "w:shd", "w:tabs", "w:suppressAutoHyphens", "w:kinsoku", "w:wordWrap",
                "w:overflowPunct", "w:topLinePunct", "w:autoSpaceDE", "w:autoSpaceDN", "w:bidi",
                "w:adjustRightInd", "w:snapToGrid", "w:spacing", "w:ind", "w:contextualSpacing",
                "w:mirrorIndents", "w:suppressOverlap", "w:jc", "w:textDirection", "w:textAlignment",
                "w:textboxTightWrap", "w:outlineLvl", "w:divId", "w:cnfStyle", "w:rPr", "w:sectPr", "w:pPrChange")


def main() -> None:
    UIT.mkdir(exist_ok=True)
    for naam, maak in SJABLONEN.items():
        doc = maak()
        rijen_niet_splitsen(doc)
        koprij_bij_de_eerste_rij(doc)
        _vaste_metadata(doc)
        doc.save(str(UIT / naam))
        _vaste_zip(UIT / naam)
        print(f"{naam} gemaakt")


if __name__ == "__main__":
    main()
