"""`ketencli doc` and `ketencli templates`: every kind from both examples, read back with python-docx;
the PvA's look (domains, colours, strike-through, landscape, footer), need-to-know, hostile text,
LibreOffice conversion, user templates."""

from __future__ import annotations

import io
import os
import re
import shutil
import stat
import subprocess
import zipfile
from datetime import date, datetime
from pathlib import Path

import pytest
import yaml
from docx import Document
from docx.oxml.ns import qn

from ketencli import documenten, klok, model, render, store
from tests.conftest import voorbeeld

ROOD, GROEN = "C00000", "00803C"
VANDAAG_NL = "maandag 23 november 2026"
ZITTING = datetime(2026, 12, 8, 13, 0, tzinfo=klok.TIJDZONE)
ALLE = list(documenten.SOORTEN)
GEDETINEERDE = ("psd-jww-mail", "brief-gedetineerde")


def alle_tekst(pad: Path) -> str:
    """Paragraphs, tables (nested too), headers and footers, as python-docx reads them."""
    doc = Document(str(pad))
    delen: list[str] = []

    def tabellen(tabellen_lijst):
        for t in tabellen_lijst:
            for rij in t.rows:
                for cel in rij.cells:
                    delen.extend(p.text for p in cel.paragraphs)
                    tabellen(cel.tables)

    delen.extend(p.text for p in doc.paragraphs)
    tabellen(doc.tables)
    for sectie in doc.sections:
        for deel in (sectie.header, sectie.footer):
            delen.extend(p.text for p in deel.paragraphs)
    return "\n".join(delen)


def xml_tekst(pad: Path) -> str:
    """The raw text of every w:t in the document part (to check a string is unsplit in one run)."""
    import html

    with zipfile.ZipFile(pad) as z:
        xml = z.read("word/document.xml").decode("utf-8")
    return html.unescape(" ".join(re.findall(r"<w:t(?: [^>]*)?>([^<]*)</w:t>", xml)))


def maak(kc, dossier_id: str, soort: str, *extra: str) -> Path:
    uit = kc.ok("doc", dossier_id, soort, *extra)
    pad = Path(re.search(r"bewaard in (\S+\.docx)", uit.stdout.replace("\n", "")).group(1))
    assert pad.is_file()
    return pad


# -- every kind from both examples ---------------------------------------------------------------------


@pytest.mark.parametrize("soort", ALLE)
def test_elke_soort_uit_beide_voorbeelden(kc, palmeneire, westvl, soort):
    for dossier_id in (palmeneire, westvl):
        d = store.laad(dossier_id)
        if soort in GEDETINEERDE and not any(x.detentie for x in d.gezinsleden):
            uit = kc("doc", dossier_id, soort)
            assert uit.exit_code == 1 and "detentie" in uit.stderr
            continue
        if soort == "brief-gedetineerde" and not _in_de_kempen(d):
            uit = kc("doc", dossier_id, soort)
            assert uit.exit_code == 1 and "Kempen" in uit.stderr and "psd-jww-mail" in uit.stderr
            continue
        pad = maak(kc, dossier_id, soort)
        assert pad.name == f"2026-11-23_{soort}.docx"
        tekst = alle_tekst(pad)
        titel = documenten.titel(d, soort)
        assert titel.lower() in tekst.lower() or soort in ("brief-gedetineerde", "veiligheidsplan")
        if soort not in ("brief-gedetineerde", "psd-jww-mail", "justitiehuis"):
            assert d.gezin in tekst or soort == "veiligheidsplan"
        if soort == "brief-gedetineerde":
            assert "23 november 2026" in tekst
        elif soort not in ("psd-jww-mail", "justitiehuis"):
            assert VANDAAG_NL in tekst
        assert d.casusregisseur.naam in tekst or soort in ("veiligheidsplan", "aanmelding")
        assert "{{" not in tekst and "{%" not in tekst


def _in_de_kempen(d: model.Dossier) -> bool:
    from ketencli.methodiek import gevangenissen

    return any(x.detentie and gevangenissen.gevangenis(x.detentie.gevangenis).kempen for x in d.gezinsleden)


def test_psd_en_brief_zonder_gedetineerde_zeggen_wat_te_doen(kc, palmeneire):
    uit = kc("doc", palmeneire, "psd-jww-mail")
    assert uit.exit_code == 1
    assert "detentie" in uit.stderr and "dossier lid edit" in uit.stderr
    assert "Traceback" not in uit.output


# -- the plan van aanpak ---------------------------------------------------------------------------------


def _pva_tabel(doc):
    return next(t for t in doc.tables if t.rows[0].cells[0].text.startswith("RISICO- EN"))


def _rijen_per_domein(tabel) -> dict[str, list]:
    namen = {d.naam for d in __import__("ketencli.methodiek.kijkschema", fromlist=["x"]).DOMEINEN}
    huidig, uit = None, {}
    for rij in tabel.rows[1:]:
        eerste = rij.cells[0].text.strip()
        if len({id(c._tc) for c in rij.cells}) == 1 and eerste in namen:
            huidig = eerste
            uit[huidig] = []
            continue
        uit[huidig].append(rij)
    return uit


def test_pva_per_domein_met_kleuren_en_liggend(kc, palmeneire):
    from ketencli.methodiek import kijkschema

    with store.wijzig(palmeneire) as d:
        d.pva.rijen[0].acties[0].stavaza = "geschrapt"
    d = store.laad(palmeneire)
    pad = maak(kc, palmeneire, "pva")
    doc = Document(str(pad))
    sectie = doc.sections[0]
    assert sectie.page_width > sectie.page_height  # A4 landscape
    assert abs(sectie.page_width.cm - 29.7) < 0.1
    per_domein = _rijen_per_domein(_pva_tabel(doc))
    assert list(per_domein) == [dom.naam for dom in kijkschema.DOMEINEN]
    for rij in d.pva.rijen:
        label = kijkschema.factor(rij.factor).label
        domein = kijkschema.domein(rij.domein).naam
        cellen = [r.cells[0] for r in per_domein[domein]]
        treffers = [c for c in cellen if c.text.strip() == label]
        assert treffers, (label, domein)
        kleuren = {str(run.font.color.rgb) for c in treffers for p in c.paragraphs for run in p.runs
                   if run.text.strip()}
        assert kleuren == {ROOD if rij.soort == "risico" else GROEN}, (label, kleuren)
        for actie in rij.acties:
            assert any(actie.omschrijving in r.cells[4].text for r in per_domein[domein]), actie.omschrijving
    # names and services instead of ids
    tekst = alle_tekst(pad)
    assert "Malik De Palmeneire" in tekst and "Vagga Time Out" in tekst
    ids = "\n".join(r.cells[i].text for r in _pva_tabel(doc).rows[1:] for i in (1, 5))
    assert ids.strip() and not re.search(r"\bd\d+\b|\bm\d\b", ids)
    # plan B visible, struck action struck through
    assert "Plan B:" in tekst and "Ondersteuning bij rouwverwerking" in tekst
    geschrapt = d.pva.rijen[0].acties[0].omschrijving
    runs = [run for r in _pva_tabel(doc).rows for p in r.cells[4].paragraphs for run in p.runs
            if run.text == geschrapt]
    assert runs and all(run.font.strike for run in runs)
    niet_geschrapt = d.pva.rijen[1].acties[0].omschrijving
    assert not any(run.font.strike for r in _pva_tabel(doc).rows for p in r.cells[4].paragraphs for run in p.runs
                   if run.text == niet_geschrapt)
    # header: gezin, date, five unticked profiles (D20); footer: confidential, 458ter, page numbers
    assert d.gezin in tekst and VANDAAG_NL in tekst and "maandag 21 september 2026" in tekst
    assert xml_tekst(pad).count("☐") == 5 and "☒" not in tekst
    voet = "\n".join(p.text for p in sectie.footer.paragraphs)
    assert "VERTROUWELIJK" in voet and "458ter" in voet
    with zipfile.ZipFile(pad) as z:
        voet_xml = "".join(z.read(n).decode() for n in z.namelist() if n.startswith("word/footer"))
    assert " PAGE " in voet_xml and " NUMPAGES " in voet_xml
    # goals (D18)
    assert "Doelstellingen" in tekst and d.pva.doelstellingen[0].tekst in tekst


def test_pva_profiel_aangevinkt_en_leeg_plan(kc, palmeneire):
    kc.ok("pva", "profiel", palmeneire, "situationeel-geweld")
    tekst = xml_tekst(maak(kc, palmeneire, "pva"))
    assert "☒ Situationeel geweld" in tekst and tekst.count("☐") == 4
    kc.ok("dossier", "new", "--regio", "leuven", "--gezin", "Leeg", "--no-input")
    leeg = store.alle_ids()[-1]
    doc = Document(str(maak(kc, leeg, "pva")))
    per_domein = _rijen_per_domein(_pva_tabel(doc))
    assert len(per_domein) == 6 and all(len(rijen) == 1 for rijen in per_domein.values())


def test_document_is_alleen_voor_jou_en_zonder_namen_in_de_bestandsnaam(kc, palmeneire):
    pad = maak(kc, palmeneire, "pva")
    assert pad.parent == store.documenten_dir(palmeneire)
    assert not re.search(r"palmeneire|vercammen", str(pad.relative_to(store.home())), re.I)
    if os.name == "posix":
        assert stat.S_IMODE(pad.stat().st_mode) == 0o600
        assert stat.S_IMODE(pad.parent.stat().st_mode) == 0o700
    assert not list(pad.parent.glob(".*.tmp"))


def _delen(pad: Path | io.BytesIO) -> dict[str, bytes]:
    with zipfile.ZipFile(pad) as z:
        return {naam: z.read(naam) for naam in z.namelist()}


def test_gecompileerde_sjablonen_worden_bewaard_zonder_dossiergegevens(kc, palmeneire, thuis, monkeypatch):
    """Issue 19: the template's patched XML and the Python code jinja2 compiles it to are kept in
    cache/sjablonen (one owner-only file per template) and the next `doc` uses them instead of making them
    again: the same document. They hold the template's text, never a value of the dossier; a damaged file
    is made again."""
    import docxtpl
    import jinja2

    eerste = _delen(maak(kc, palmeneire, "pva"))
    # every part as docxtpl itself renders it, without the cache (the styles part unparsed, the listing
    # pass on fewer paragraphs)
    sjabloon = docxtpl.DocxTemplate(str(render.sjabloon_map() / "plan-van-aanpak.docx"))
    sjabloon.render(render.schoon(documenten.context(store.laad(palmeneire), "pva")), jinja_env=render.omgeving(),
                    autoescape=True)
    zelf = io.BytesIO()
    sjabloon.save(zelf)
    assert _delen(zelf) == eerste
    bestanden = sorted((thuis / "cache" / "sjablonen").iterdir())
    assert len(bestanden) == 1
    bestand = bestanden[0]
    if os.name == "posix":
        assert stat.S_IMODE(bestand.stat().st_mode) == 0o600
    goed = bestand.read_bytes()
    d = store.laad(palmeneire)
    for naam in {lid.naam for lid in d.gezinsleden} | {d.gezin, d.casusregisseur.naam}:
        assert naam.encode("utf-8") not in goed and naam.encode("latin-1", "replace") not in goed, naam

    def opnieuw(*args, **kwargs):
        raise AssertionError("made again although it was kept")

    with monkeypatch.context() as m:
        m.setattr(jinja2.Environment, "compile", opnieuw)
        m.setattr(docxtpl.DocxTemplate, "patch_xml", opnieuw)
        assert _delen(maak(kc, palmeneire, "pva", "--overschrijf")) == eerste
    assert bestand.read_bytes() == goed  # nothing new: not written again
    def sleutels() -> list[str]:
        import hashlib
        import marshal

        inhoud = bestand.read_bytes()
        assert hashlib.sha256(inhoud[32:]).digest() == inhoud[:32]
        return sorted(marshal.loads(inhoud[32:]))

    bewaard = sleutels()
    midden = len(goed) // 2
    for kapot in (goed[:midden] + bytes([goed[midden] ^ 1]) + goed[midden + 1:], goed[:-7], b""):
        bestand.write_bytes(kapot)  # one byte changed, cut short, empty
        assert _delen(maak(kc, palmeneire, "pva", "--overschrijf")) == eerste
        assert sleutels() == bewaard


def test_een_eigen_sjabloon_uit_word_geeft_elk_deel_zoals_docxtpl_zelf(kc, palmeneire, tmp_path):
    """Issue 19: the styles part that render leaves unparsed is written as python-docx writes it, also for
    a template saved by Word (whose XML python-docx writes differently: here its declaration); with a
    cold and a warm cache every part is what docxtpl itself makes of that template."""
    import docxtpl

    bron = render.sjabloon_map() / "plan-van-aanpak.docx"
    eigen = tmp_path / "plan-van-aanpak.docx"
    with zipfile.ZipFile(bron) as z, zipfile.ZipFile(eigen, "w", zipfile.ZIP_DEFLATED) as uit:
        for naam in z.namelist():
            inhoud = z.read(naam)
            if naam == "word/styles.xml":  # as Word writes it
                inhoud = inhoud.replace(b"<?xml version='1.0' encoding='UTF-8' standalone='yes'?>\n",
                                        b'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\r\n', 1)
                assert inhoud.startswith(b'<?xml version="1.0"')
            uit.writestr(naam, inhoud)
    store.maak_map(render.eigen_sjabloon_map())
    shutil.copy(eigen, render.eigen_sjabloon_map() / "plan-van-aanpak.docx")
    sjabloon = docxtpl.DocxTemplate(str(eigen))
    sjabloon.render(render.schoon(documenten.context(store.laad(palmeneire), "pva")), jinja_env=render.omgeving(),
                    autoescape=True)
    zelf = io.BytesIO()
    sjabloon.save(zelf)
    verwacht = _delen(zelf)
    assert verwacht["word/styles.xml"] != _delen(eigen)["word/styles.xml"]  # python-docx rewrote it
    assert _delen(maak(kc, palmeneire, "pva")) == verwacht
    assert _delen(maak(kc, palmeneire, "pva", "--overschrijf")) == verwacht


def test_listing_alleen_in_alineas_die_het_nodig_hebben_is_docxtpls_eigen_uitkomst():
    """Issue 19, property: render's listing pass (only the paragraphs with a tab, \\a, \\n or \\f go
    through docxtpl's) gives exactly docxtpl's own result, for any mix of paragraphs, runs, run and
    paragraph properties, nested paragraphs (text boxes) and text with those characters."""
    from docxtpl import DocxTemplate
    from hypothesis import given, settings
    from hypothesis import strategies as st

    tekst = st.text(st.sampled_from(list("ab <>&\t\a\n\f")), max_size=8)
    w_t = st.one_of(tekst.map(lambda t: f"<w:t>{t}</w:t>"), tekst.map(lambda t: f'<w:t xml:space="preserve">{t}</w:t>'),
                    st.just("<w:br/>"), tekst)
    run = st.builds(lambda kop, eig, delen: f"{kop}{eig}{''.join(delen)}</w:r>",
                    st.sampled_from(["<w:r>", '<w:r w:rsidR="1">']),
                    st.sampled_from(["", "<w:rPr><w:b/></w:rPr>"]), st.lists(w_t, max_size=3))
    alinea = st.recursive(  # a text box holds paragraphs inside a run of a paragraph
        st.builds(lambda kop, eig, runs: f"{kop}{eig}{''.join(runs)}</w:p>",
                  st.sampled_from(["<w:p>", '<w:p w:rsidR="2">']),
                  st.sampled_from(["", "<w:pPr><w:jc/></w:pPr>"]), st.lists(run, max_size=3)),
        lambda binnen: st.builds(lambda a, b: f"<w:p><w:r><w:txbxContent>{a}</w:txbxContent>{b}</w:r></w:p>",
                                 binnen, run),
        max_leaves=3)
    stuk = st.one_of(alinea, alinea, run, st.sampled_from(["<w:tbl>", "<w:tc>", "</w:p>", "<w:p>", "\n"]))
    xml_ = st.lists(stuk, max_size=8).map("".join)
    sjabloon = render._sjabloon_klasse()(str(render.sjabloon_map() / "plan-van-aanpak.docx"))
    docxtpl_zelf = DocxTemplate(str(render.sjabloon_map() / "plan-van-aanpak.docx"))

    @settings(max_examples=300, deadline=None)
    @given(xml_)
    def eigenschap(xml):
        assert sjabloon.resolve_listing(xml) == docxtpl_zelf.resolve_listing(xml)

    eigenschap()


def test_niet_overschrijven_zonder_optie_en_lijst(kc, palmeneire, tmp_path):
    pad = maak(kc, palmeneire, "pva")
    inhoud = pad.read_bytes()
    uit = kc("doc", palmeneire, "pva")
    assert uit.exit_code == 1 and "--overschrijf" in uit.stderr
    assert pad.read_bytes() == inhoud
    kc.ok("doc", palmeneire, "pva", "--overschrijf")
    # elsewhere: a file or a folder
    elders = maak(kc, palmeneire, "aanmelding", "--uit", tmp_path / "aanmelding.docx")
    assert elders == tmp_path / "aanmelding.docx"
    in_map = maak(kc, palmeneire, "aanmelding", "--uit", tmp_path)
    assert in_map == tmp_path / "2026-11-23_aanmelding.docx"
    lijst = kc.ok("doc", palmeneire, "--lijst").stdout
    assert "23/11/2026" in lijst and "Plan van aanpak" in lijst and "2026-11-23_pva.docx" in lijst
    assert "aanmelding" not in lijst  # written elsewhere, not in the dossier's folder


def test_uit_naar_een_map_die_niet_bestaat_zegt_dat(kc, palmeneire, tmp_path):
    uit = kc("doc", palmeneire, "pva", "--uit", f"{tmp_path / 'nergens'}/")
    assert uit.exit_code == 1, uit.output
    assert "De map" in uit.stderr and "bestaat niet" in uit.stderr and "extensie" not in uit.stderr
    uit = kc("doc", palmeneire, "pva", "--uit", tmp_path / "plan.txt")
    assert uit.exit_code == 2 and ".docx" in uit.stderr
    assert not (tmp_path / "nergens").exists() and not (tmp_path / "plan.txt").exists()


def test_een_onbekend_lid_eerst_ook_als_het_document_al_bestaat(kc, palmeneire):
    maak(kc, palmeneire, "veiligheidsplan")
    uit = kc("doc", palmeneire, "veiligheidsplan", "--lid", "m9")
    assert uit.exit_code == 2 and "m9" in uit.stderr and "bestaat al" not in uit.stderr


def test_onbekende_soort_noemt_de_soorten(kc, palmeneire):
    uit = kc("doc", palmeneire, "plan")
    assert uit.exit_code == 2
    for soort in ALLE:
        assert soort in uit.stderr
    uit = kc("doc", palmeneire)
    assert uit.exit_code == 2 and "weegploeg-pva" in uit.stderr
    uit = kc("doc", palmeneire, "pva", "--lid", "m1")
    assert uit.exit_code == 2 and "--lid past niet bij pva" in uit.stderr
    uit = kc("doc", "2026-999", "pva")
    assert uit.exit_code == 1 and "Traceback" not in uit.output


def test_open_start_het_document(kc, palmeneire, monkeypatch):
    import typer

    geopend = []
    monkeypatch.setattr(typer, "launch", lambda pad, **_: geopend.append(pad) or 0)
    pad = maak(kc, palmeneire, "pva", "--open")
    assert geopend == [str(pad)]


# -- agenderingen through the API other commands call ------------------------------------------------


def test_weegploeg_met_zitting_en_vragen(palmeneire):
    d = store.laad(palmeneire)
    pad = documenten.schrijf(d, "weegploeg-pva", zitting=ZITTING, vragen=["Plan B voor de zussen?", " "],
                             uitgenodigd=["d5", "Adviespunt Verslaving"])
    assert pad.name == "2026-11-23_weegploeg-pva.docx"
    tekst = alle_tekst(pad)
    assert "dinsdag 8 december 2026 om 13.00 uur" in tekst
    assert "maandag 7 september 2026 (nu week 12)" in tekst  # D25: week 1 is the week casusregie started
    assert "Plan B voor de zussen?" in tekst
    for kop in ("Stap 1", "Over welk geweld gaat het?", "Situatie bij aanvang", "Situatie bij aanmelding",
                "Huidige situatie", "Wie zijn de cliënten", "Welke diensten", "Welk veiligheidsplan",
                "Vragen voor de Weegploeg", "Externe expertise op de Weegploeg", "Waarom is het dossier nu klaar",
                "Stap 2", "BIJLAGE: PLAN VAN AANPAK"):
        assert kop in tekst, kop
    assert "duwen en trekken" in tekst  # the aanmelding text
    assert "Externe expertise" in tekst and "Vagga Time Out" in tekst and "Adviespunt Verslaving" in tekst
    doc = Document(str(pad))
    assert doc.sections[0].page_width < doc.sections[0].page_height
    assert doc.sections[-1].page_width > doc.sections[-1].page_height  # the PvA annex is landscape
    gewijzigd = alle_tekst(documenten.schrijf(d, "weegploeg-gewijzigd"))
    assert "fundamenteel gewijzigd" in gewijzigd and "nog te bepalen" in gewijzigd
    with pytest.raises(Exception, match="bestaat al"):
        documenten.schrijf(d, "weegploeg-pva")


def test_weegploeg_afronding(palmeneire):
    d = store.laad(palmeneire)
    tekst = alle_tekst(documenten.schrijf(d, "weegploeg-afronding", zitting=ZITTING))
    assert "motivering tot afronding" in tekst
    assert "Doelstellingen van het plan van aanpak" in tekst
    assert d.pva.doelstellingen[0].tekst in tekst
    # kijkschema instroom vs now: escalation went away, communication came in
    assert "risicofactor weggewerkt" in tekst and "Escalatie van het geweld" in tekst
    assert "beschermende factor bijgekomen" in tekst
    assert "14/09/2026" in tekst and "16/11/2026" in tekst
    from ketencli.methodiek.afronding import toets

    for criterium in toets(d, date(2026, 11, 23)):
        assert criterium.titel in tekst


def test_rondetafel_met_afbakening_en_tussentijdse_evaluatie(palmeneire):
    d = store.laad(palmeneire)
    reikwijdte = model.RondetafelReikwijdte(leden=["m2"], domeinen=["sociale-ondersteuning"], tafelleden=["d4"])
    tekst = alle_tekst(documenten.schrijf(d, "rondetafel", zitting=ZITTING, vraag="Hoe betrekken we de zussen?",
                                          reikwijdte=reikwijdte, tussentijdse_evaluatie=True))
    assert "Hoe betrekken we de zussen?" in tekst
    assert "Sofie Vercammen" in tekst and "SOCIALE ONDERSTEUNING" in tekst
    assert "CAW Antwerpen – Team Tijdelijk Huisverbod" in tekst
    assert "Tussentijdse evaluatie" in tekst and "risicofactor weggewerkt" in tekst
    assert "voor de Weegploeg" in tekst
    gewoon = alle_tekst(documenten.schrijf(d, "rondetafel", overschrijf=True))
    assert "Tussentijdse evaluatie" not in gewoon and "nog geen vraag" in gewoon


def test_aanmelding_en_veiligheidsplan(kc, palmeneire, tmp_path):
    from ketencli.methodiek.aanmelding import AANMELDVRAGEN

    d = store.laad(palmeneire)
    tekst = alle_tekst(maak(kc, palmeneire, "aanmelding", "--zitting", "2026-11-27T09:30"))
    for vraag in AANMELDVRAGEN:
        assert vraag.vraag in tekst
    assert "vrijdag 27 november 2026 om 09.30 uur" in tekst and "donderdag 20 augustus 2026" in tekst
    assert "Lotte Verhaegen" in tekst
    deel = tmp_path / "vp.yaml"
    deel.write_text(yaml.safe_dump([{"lid": "m2", "waarschuwingssignalen": ["Hij begint te roepen"],
                                     "wat_te_doen": ["Met Noor naar mijn zus"], "veilige_plek": "Bij mijn zus",
                                     "wie_bellen": [{"naam": "Zus", "telefoon": "0470 00 00 00"}]}],
                                   allow_unicode=True), encoding="utf-8")
    kc.ok("stap", palmeneire, "veiligheidsplan", "--from", deel)
    pad = maak(kc, palmeneire, "veiligheidsplan")
    doc = Document(str(pad))
    tekst = alle_tekst(pad)
    assert tekst.count("Mijn veiligheidsplan") == len(d.gezinsleden)
    assert "Met Noor naar mijn zus" in tekst and "0470 00 00 00" in tekst and "112" in tekst
    with zipfile.ZipFile(pad) as z:
        assert z.read("word/document.xml").decode().count('w:type="page"') == len(d.gezinsleden) - 1
    assert any(p.paragraph_format and p._p.pPr is not None and p._p.pPr.find(
        "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}pBdr") is not None for p in doc.paragraphs)
    een = alle_tekst(maak(kc, palmeneire, "veiligheidsplan", "--lid", "m3", "--overschrijf"))
    assert een.count("Mijn veiligheidsplan") == 1 and "Noor De Palmeneire" in een
    assert kc("doc", palmeneire, "veiligheidsplan", "--lid", "m9", "--overschrijf").exit_code == 2


# -- need-to-know (annexes C and D, D22) ---------------------------------------------------------------


GEVOELIG = "GEHEIM"


def _gevoelig_dossier(westvl: str) -> model.Dossier:
    """The West-Vlaanderen example with a marked sensitive value in every field a mail must not carry."""
    with store.wijzig(westvl) as d:
        d.gezin = f"{GEVOELIG}-gezin Desmet – Vandenberghe"
        for veld in ("waarom_nu", "geweld_bij_aanvang", "geweld_nu", "voornaamste_risicos", "clienten_en_relaties",
                     "wensen_en_noden", "betrokken_diensten", "veiligheidsplan", "vragen_en_verwachtingen"):
            setattr(d.aanmelding, veld, f"{GEVOELIG}-aanmelding-{veld}")
        d.aanmelding.aanmelder.persoon = f"{GEVOELIG}-aanmelder"
        for lid in d.gezinsleden:
            lid.notitie = f"{GEVOELIG}-notitie-{lid.id}"
        for item in d.tijdlijn:
            item.omschrijving = f"{GEVOELIG}-tijdlijn"
        d.tijdlijn = [*d.tijdlijn, model.TijdlijnItem(datum=date(2026, 11, 1), soort="incident",
                                                      omschrijving=f"{GEVOELIG}-incident")]
        for rij in d.pva.rijen:
            rij.noden, rij.aanpak = f"{GEVOELIG}-noden", f"{GEVOELIG}-aanpak"
        d.pva.doelstellingen = [model.Doelstelling(id="g9", tekst=f"{GEVOELIG}-doel")]
        for moment in d.kijkschema:
            for f in moment.factoren:
                f.motivering = f"{GEVOELIG}-kijkschema"
        if d.ico:
            d.ico.advies = f"{GEVOELIG}-ico"
        for dienst in d.betrokken_diensten:
            if dienst.soort not in ("psd", "jww", "justitiehuis"):
                dienst.rol = f"{GEVOELIG}-rol"
    return store.laad(westvl)


@pytest.mark.parametrize("soort", [*GEDETINEERDE, "justitiehuis"])
def test_need_to_know_documenten_dragen_niets_gevoeligs(westvl, soort):
    d = _gevoelig_dossier(westvl)
    if soort == "brief-gedetineerde":  # the letter is only for the Kempen (annex D.3)
        d = _in_merksplas(d)
    gedetineerde = next(x for x in d.gezinsleden if x.detentie)
    pad = documenten.schrijf(d, soort)
    tekst = alle_tekst(pad) + xml_tekst(pad)
    assert GEVOELIG not in tekst
    for lid in d.gezinsleden:
        if lid.id != gedetineerde.id:
            assert lid.naam not in tekst, lid.naam
    assert "Desmet – Vandenberghe" not in tekst
    for item in d.tijdlijn:
        assert item.omschrijving not in tekst
    assert d.casusregisseur.naam in tekst
    if soort != "justitiehuis":
        assert gedetineerde.naam in tekst
        assert ("Gevangenis van Merksplas" if soort == "brief-gedetineerde" else "de gevangenis van Brugge") in tekst


def _in_merksplas(d: model.Dossier) -> model.Dossier:
    """A copy of the dossier whose detained member is in a Kempen prison."""
    kopie = d.model_copy(deep=True)
    for lid in kopie.gezinsleden:
        if lid.detentie:
            lid.detentie.gevangenis = "merksplas"
    return kopie


def test_kempen_mail_alleen_psd_en_brief(westvl):
    with store.wijzig(westvl) as d:
        lid = next(x for x in d.gezinsleden if x.detentie)
        lid.detentie.gevangenis = "merksplas"
    d = store.laad(westvl)
    jww = next(x for x in d.betrokken_diensten if x.soort == "jww")
    mail = alle_tekst(documenten.schrijf(d, "psd-jww-mail"))
    assert "Turnhout wordt niet gemaild" in mail
    # the instruction is for the regisseur, in the command's output, not in the text to send (issue 14 §3)
    assert "Kempische gevangenis" not in mail
    assert any("Kempische gevangenis" in w for w in documenten.waarschuwingen(d, "psd-jww-mail"))
    assert jww.naam not in mail
    brief = alle_tekst(documenten.schrijf(d, "brief-gedetineerde"))
    assert f"Beste {lid.naam}" in brief and "Gevangenis van Merksplas" in brief
    assert "Justitieel Welzijnswerk" in brief and "Jij kiest" in brief


# -- review findings 5, 7, 8, 12 ------------------------------------------------------------------------


def _na(tekst: str, kop: str, n: int = 1) -> list[str]:
    """The n non-empty lines that follow the line ``kop``."""
    regels = tekst.split("\n")
    i = regels.index(kop)
    return [r for r in regels[i + 1:] if r.strip()][:n]


@pytest.mark.parametrize("soort", ["weegploeg-afronding", "rondetafel", "weegploeg-pva"])
def test_aanmelding_is_de_situatie_van_toen_en_huidige_situatie_is_in_te_vullen(kc, palmeneire, soort):
    d = store.laad(palmeneire)
    pad = maak(kc, palmeneire, soort)
    tekst = alle_tekst(pad)
    regels = tekst.split("\n")
    # the aanmelding's "Wat is de huidige situatie?" answer is labelled as the situation then, with its date
    aanmelding = next(r for r in regels if r.startswith("Situatie bij aanmelding"))
    assert f"uit de aanmelding van {d.aanmelding.datum:%d/%m/%Y}" in aanmelding
    assert _na(tekst, aanmelding)[0].startswith(d.aanmelding.geweld_nu[:40])
    # 'Huidige situatie' is the regisseur's: a note and lines to write on, never the aanmelding's text
    assert _na(tekst, "Huidige situatie")[0] == "(in te vullen door de casusregisseur: hoe is de situatie nu?)"
    doc = Document(str(pad))
    ps = doc.paragraphs
    i = next(k for k, p in enumerate(ps) if p.text == "Huidige situatie")
    assert all(p._p.pPr is not None and p._p.pPr.find(
        "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}pBdr") is not None for p in ps[i + 2:i + 5])
    # the afronding document asks each question once
    for kop in ("Waarom is het dossier nu klaar", "Vragen voor"):
        assert sum(r.startswith(kop) for r in regels) == (1 if soort != "rondetafel" else 0), kop
    if soort == "weegploeg-afronding":
        assert "Waarom is het dossier nu klaar voor afronding?" in regels
    # given in the regisseur's words, it is shown instead of the lines
    eigen = maak(kc, palmeneire, soort, "--overschrijf", "--huidige-situatie", "Geen nieuwe feiten sinds mei.")
    assert _na(alle_tekst(eigen), "Huidige situatie")[0] == "Geen nieuwe feiten sinds mei."
    assert kc("doc", palmeneire, "pva", "--huidige-situatie", "x").exit_code == 2


def test_brief_gedetineerde_alleen_in_de_kempen(kc, westvl):
    uit = kc("doc", westvl, "brief-gedetineerde")
    assert uit.exit_code == 1 and not list(store.documenten_dir(westvl).glob("*brief*"))
    melding = " ".join(uit.stderr.split())
    assert "alleen voor een gevangenis in de Kempen" in melding
    assert "PSD" in melding and "JWW" in melding and "samen één mail" in melding
    assert f"ketencli doc {westvl} psd-jww-mail" in melding
    assert "Traceback" not in uit.output and "Kristof" not in uit.output  # no names in messages


def test_psd_jww_mail_voor_casusregie_voor_de_criminoloog(kc, palmeneire, westvl):
    tijdens = alle_tekst(maak(kc, westvl, "psd-jww-mail"))
    assert "kennismaking casusregisseur" in tijdens and "Hannes Verbeke" in tijdens
    assert "die verblijft in de gevangenis van Brugge" in tijdens and "in detentie in" not in tijdens
    with store.wijzig(westvl) as d:
        d.fase = "verkenning"
    uit = kc.ok("doc", westvl, "psd-jww-mail", "--overschrijf")
    assert "nog geen actieve casusregie" in " ".join(uit.stderr.split())
    pad = Path(re.search(r"bewaard in (\S+\.docx)", uit.stdout.replace("\n", "")).group(1))
    tekst = alle_tekst(pad)
    onderwerp = next(r for r in tekst.split("\n") if r.startswith("Betrokkenheid ketenaanpak"))
    assert "casusregisseur" not in onderwerp
    assert "Naam: ____" in tekst and "Telefoon en e-mail: ____" in tekst
    assert "Hannes Verbeke" not in tekst and "Ik bied aan" not in tekst
    assert "Contactpersoon ketenaanpak intrafamiliaal geweld – " in tekst
    # CO3 Antwerpen: the CO3-criminoloog signs
    with store.wijzig(palmeneire) as d:
        d.fase = "aanmelding"
        d.gezinsleden[0].detentie = model.Detentie(gevangenis="antwerpen", soort="voorlopige-hechtenis")
    uit = kc.ok("doc", palmeneire, "psd-jww-mail")
    assert "CO3-criminoloog" in " ".join(uit.stderr.split())
    assert "CO3-criminoloog ketenaanpak" in alle_tekst(maak(kc, palmeneire, "psd-jww-mail", "--overschrijf"))
    # the letter (Kempen) before casusregie: the criminoloog writes, nothing in the regisseur's name
    with store.wijzig(palmeneire) as d:
        d.gezinsleden[0].detentie.gevangenis = "wortel"
    uit = kc.ok("doc", palmeneire, "brief-gedetineerde")
    assert "voor de gedetineerde" in " ".join(uit.stderr.split())
    brief = alle_tekst(store.documenten_dir(palmeneire) / "2026-11-23_brief-gedetineerde.docx")
    assert "Ik ben ______________________, de CO3-criminoloog in de ketenaanpak" in brief
    assert "Katrien Dewulf" not in brief and "CO3-criminoloog – ketenaanpak intrafamiliaal geweld" in brief
    assert "Zolang er nog geen casusregisseur is" in brief


def test_justitiehuis_zonder_beslissing_claimt_geen_beslissing(kc, westvl):
    uit = kc.ok("doc", westvl, "justitiehuis")
    assert "geen beslissing over een dringende maatregel" in " ".join(uit.stderr.split())
    tekst = alle_tekst(store.documenten_dir(westvl) / "2026-11-23_justitiehuis.docx")
    assert "besliste op ____/____/________" in tekst and "(overlegtafel)" in tekst
    assert "Het overleg in de ketenaanpak" not in tekst
    kc.ok("stap", westvl, "dringende-maatregel", "--beslist-op", "2026-11-20", "--tafel", "Overlegtafel")
    uit = kc.ok("doc", westvl, "justitiehuis", "--overschrijf")
    assert "geen beslissing" not in uit.stderr and "in cc" in uit.stderr  # instructions: in the output
    tekst = alle_tekst(store.documenten_dir(westvl) / "2026-11-23_justitiehuis.docx")
    assert "De Overlegtafel besliste op vrijdag 20 november 2026" in tekst and "____/____" not in tekst


def test_agenderingen_noemen_de_tafel_van_de_regio(kc, westvl, tmp_path):
    kc.ok("doc", westvl, "weegploeg-pva")
    pad = store.documenten_dir(westvl) / "2026-11-23_weegploeg-pva.docx"
    tekst = alle_tekst(pad)
    assert "Agendering Overlegtafel – voorzet plan van aanpak" in tekst
    assert Document(str(pad)).sections[0].header.paragraphs[0].text == f"Overlegtafel · dossier {westvl}"
    for zin in ("Vragen voor de Overlegtafel", "Waarom is het dossier nu klaar voor de Overlegtafel?",
                "Wat kan de Overlegtafel toevoegen", "terugkomdatum op het Operationeel team"):
        assert zin in tekst, zin
    assert "weegploeg" not in tekst.lower() and "ronde tafel" not in tekst.lower()
    for soort in ("weegploeg-gewijzigd", "weegploeg-afronding"):
        andere = alle_tekst(maak(kc, westvl, soort))
        assert "Agendering Overlegtafel – " in andere and "weegploeg" not in andere.lower(), soort
    uit = kc.ok("doc", westvl, "rondetafel")
    assert "Agendering Operationeel team bewaard" in " ".join(uit.stdout.split())
    rt = alle_tekst(store.documenten_dir(westvl) / "2026-11-23_rondetafel.docx")
    assert "Agendering Operationeel team" in rt and f"Operationeel team · dossier {westvl}" in rt
    assert "voor de Overlegtafel" in rt and "weegploeg" not in rt.lower() and "ronde tafel" not in rt.lower()
    # Leuven: one table for plan and follow-up, so the moment names the discussion, with 'het'
    leuven = model.Dossier(id="2026-901", regio="leuven", gezin="Leuven")
    lt = alle_tekst(documenten.schrijf(leuven, "rondetafel", doel=tmp_path / "rt.docx"))
    assert "Agendering Operationeel team" in lt and "voor de bespreking van het plan van aanpak" in lt
    lw = alle_tekst(documenten.schrijf(leuven, "weegploeg-pva", doel=tmp_path / "wp.docx"))
    assert "Vragen voor het Operationeel team" in lw


def test_externe_expertise_zonder_gegevens_is_in_te_vullen(westvl):
    """Nothing recorded is no claim that no one was asked (annex G.1): a note and lines to write on."""
    tekst = alle_tekst(documenten.schrijf(store.laad(westvl), "weegploeg-pva"))
    assert "geen externe dienst gevraagd" not in tekst
    assert _na(tekst, "Externe expertise op de Overlegtafel")[0].startswith("(welke externe expertise")


@pytest.mark.parametrize(("gevangenis", "zin"), [
    ("brugge", "die verblijft in de gevangenis van Brugge,"),
    ("hoogstraten", "die verblijft in het Penitentiair Schoolcentrum Hoogstraten,"),
    ("leuven-hulp", "die verblijft in de hulpgevangenis van Leuven,"),
    ("haren", "die verblijft in de gevangenis van Haren (Brussel),"),
    ("Penitentiair Complex Haren", "die verblijft in het Penitentiair Complex Haren,"),
])
def test_de_gevangenis_in_een_zin(westvl, tmp_path, gevangenis, zin):
    d = store.laad(westvl)
    next(x for x in d.gezinsleden if x.detentie).detentie.gevangenis = gevangenis
    tekst = " ".join(alle_tekst(documenten.schrijf(d, "psd-jww-mail", doel=tmp_path / "m.docx")).split())
    assert zin in tekst


# -- hostile text -------------------------------------------------------------------------------------

VIJANDIG = 'Ümit Çağlayan & <Zonen> "x" \'y\' 👨‍👩‍👧 محمد العلي {{ gezin }} {% if %} ]]> şİğ'
LANG = ("Zeer lange tekst met & en < en > " * 400)[:10_000]


def _vijandig_dossier(tmp_path: Path, kc) -> str:
    data = yaml.safe_load(voorbeeld("west-vlaanderen-gezin.yaml").read_text(encoding="utf-8"))

    def vervang(waarde):
        if isinstance(waarde, dict):
            return {k: (vervang(v) if k not in {"id", "regio", "fase", "soort", "rollen", "staat", "factor",
                                                 "domein", "stavaza", "gevangenis", "met", "bij_wie", "vorm",
                                                 "conclusie", "begeleiding", "lid", "schema_version", "geslacht"}
                        else v) for k, v in waarde.items()}
        if isinstance(waarde, list):
            return [vervang(v) for v in waarde]
        if isinstance(waarde, str):
            return f"{VIJANDIG}\nregel twee {waarde}"
        return waarde

    data = vervang(data)
    data["aanmelding"]["waarom_nu"] = LANG
    data["gezinsleden"].append({"id": "m9", "naam": "Ø", "rollen": ["kind"]})  # every optional field empty
    data["gezinsleden"][0]["notitie"] = ""
    bestand = tmp_path / "vijandig.yaml"
    bestand.write_text(yaml.safe_dump(data, allow_unicode=True, sort_keys=False), encoding="utf-8")
    uit = kc.ok("dossier", "new", "--from", bestand, "--no-input")
    return re.search(r"Dossier (\d{4}-\d{3,}) aangemaakt", uit.output).group(1)


def test_vijandige_tekst_in_elk_sjabloon(kc, tmp_path):
    dossier_id = _vijandig_dossier(tmp_path, kc)
    d = store.laad(dossier_id)
    assert d.gezin.startswith(VIJANDIG)
    for soort in ALLE:
        bron = _in_merksplas(d) if soort == "brief-gedetineerde" else d
        pad = documenten.schrijf(bron, soort, zitting=ZITTING, vragen=[VIJANDIG, LANG], vraag=VIJANDIG,
                                 tussentijdse_evaluatie=True)
        Document(str(pad))  # python-docx reads it
        tekst = xml_tekst(pad)
        assert VIJANDIG in tekst, soort  # unsplit, unescaped exactly once
        assert "&amp;" not in tekst and "&lt;" not in tekst
    leeg = model.Dossier(id="2026-900", regio="leuven", gezin="Leeg gezin")  # every other field empty
    for soort in ALLE:
        if soort in GEDETINEERDE:
            continue
        Document(str(documenten.schrijf(leeg, soort, doel=tmp_path / f"leeg-{soort}.docx")))


def test_stuurtekens_en_regeleinden():
    assert render.schoon({"a": ["x\x07y\x0c\x00z"], "b": "een\r\nTwee"}) == {"a": ["x y\n z"], "b": "een\nTwee"}
    # every typed line break stays, also before a lowercase word (issue 14 §2)
    assert render.schoon("geweld,\nduwen en trekken.\nNieuwe zin") == "geweld,\nduwen en trekken.\nNieuwe zin"


def test_getypte_regeleinden_en_stuurtekens_in_het_document(kc, palmeneire, tmp_path):
    """A line break typed in --huidige-situatie stays a line break in Word, even before a lowercase
    word; \\v (Word's manual line break) and \\f are line breaks, other control characters a space:
    never two words glued together, never a corrupt file (issue 14 §2)."""
    pad = tmp_path / "a.docx"
    kc.ok("doc", palmeneire, "weegploeg-pva", "--uit", pad, "--huidige-situatie",
          "Els woont nu bij haar zus\nsinds het incident\vvan oktober\fen\x01verder\x1bnog")
    doc = Document(str(pad))
    alinea = next(p for p in doc.paragraphs if "Els woont" in p.text)
    assert alinea.text.split("\n") == ["Els woont nu bij haar zus", "sinds het incident", "van oktober",
                                        "en verder nog"]
    assert len(alinea._p.findall(".//" + qn("w:br"))) == 3


def test_voorbeelden_gebruiken_gevouwen_tekst_voor_lopende_zinnen():
    """Hand-wrapped prose in the examples is a folded (>) scalar: YAML joins it, ketencli does not."""
    for naam in ("de-palmeneire-vercammen.yaml", "west-vlaanderen-gezin.yaml"):
        d = yaml.safe_load(voorbeeld(naam).read_text(encoding="utf-8"))
        assert "\n" not in d["aanmelding"]["geweld_nu"].strip(), naam


def test_nederlandse_datums():
    assert render.nl_datum(date(2026, 12, 8)) == "dinsdag 8 december 2026"
    assert render.nl_datum(date(2027, 3, 1), dag=False) == "1 maart 2027"
    assert render.nl_moment(datetime(2026, 12, 8, 9, 5)) == "dinsdag 8 december 2026 om 09.05 uur"
    assert render.nl_datum(None) == "" and render.nl_datum_kort(date(2026, 1, 2)) == "02/01/2026"


# -- LibreOffice ----------------------------------------------------------------------------------------


def _soffice() -> str | None:
    gevonden = shutil.which("soffice") or shutil.which("libreoffice")
    if gevonden is None and os.environ.get("KETENCLI_CI"):
        pytest.fail("KETENCLI_CI is gezet maar LibreOffice (soffice) ontbreekt")
    if gevonden is None:
        pytest.skip("LibreOffice (soffice) is niet geïnstalleerd")
    return gevonden


def test_libreoffice_zet_elk_document_om_naar_pdf(kc, palmeneire, westvl, tmp_path):
    soffice = _soffice()
    docs = tmp_path / "docx"
    docs.mkdir()
    gemaakt = []
    for dossier_id in (palmeneire, westvl):
        d = store.laad(dossier_id)
        for soort in ALLE:
            if soort in GEDETINEERDE and not any(x.detentie for x in d.gezinsleden):
                continue
            if soort == "brief-gedetineerde":
                d = _in_merksplas(d)
            gemaakt.append(documenten.schrijf(d, soort, doel=docs / f"{dossier_id}-{soort}.docx", zitting=ZITTING,
                                              vragen=["Een vraag?"], tussentijdse_evaluatie=True))
    vijandig = store.laad(_vijandig_dossier(tmp_path, kc))
    for soort in ALLE:
        bron = _in_merksplas(vijandig) if soort == "brief-gedetineerde" else vijandig
        gemaakt.append(documenten.schrijf(bron, soort, doel=docs / f"vijandig-{soort}.docx"))
    pdf = tmp_path / "pdf"
    subprocess.run([soffice, f"-env:UserInstallation=file://{tmp_path / 'lo'}", "--headless", "--convert-to",
                    "pdf", "--outdir", str(pdf), *map(str, gemaakt)], capture_output=True, timeout=300, check=False)
    for pad in gemaakt:
        uit = pdf / (pad.stem + ".pdf")
        assert uit.is_file() and uit.stat().st_size > 1000, f"LibreOffice kon {pad.name} niet omzetten"
        assert uit.read_bytes().startswith(b"%PDF")


# -- user templates ----------------------------------------------------------------------------------------


def test_templates_export_en_eigen_sjabloon_wint(kc, palmeneire, tmp_path):
    kc.ok("templates", "export")
    eigen = render.eigen_sjabloon_map()
    assert eigen == store.config_dir() / "templates"
    assert sorted(p.name for p in eigen.glob("*.docx")) == sorted(p.name for p in render.gebundelde_sjablonen())
    uit = kc.ok("templates", "export")
    assert "Niet overschreven" in uit.output
    doc = Document(str(eigen / "plan-van-aanpak.docx"))
    doc.add_paragraph("EIGEN SJABLOON van {{ casusregisseur.naam }}")
    doc.save(str(eigen / "plan-van-aanpak.docx"))
    tekst = alle_tekst(maak(kc, palmeneire, "pva"))
    assert "EIGEN SJABLOON van Katrien Dewulf" in tekst
    kc.ok("templates", "export", "--overschrijf")
    assert "EIGEN SJABLOON" not in alle_tekst(eigen / "plan-van-aanpak.docx")
    ergens = tmp_path / "mijn-sjablonen"
    kc.ok("templates", "export", ergens)
    assert (ergens / "aanmelding.docx").is_file()


def test_templates_check(kc, palmeneire, tmp_path):
    for sjabloon in render.gebundelde_sjablonen():
        uit = kc.ok("templates", "check", sjabloon)
        assert "in orde" in uit.stdout
    assert "nog geen eigen sjablonen" in kc.ok("templates", "check").stdout
    fout = tmp_path / "plan-van-aanpak.docx"
    doc = Document(str(render.sjabloon_map() / "plan-van-aanpak.docx"))
    doc.add_paragraph("{{ regisseur_naam }} en {{ rij_onbekend.x }}")
    doc.save(str(fout))
    uit = kc("templates", "check", fout)
    assert uit.exit_code == 1
    assert "regisseur_naam" in uit.stdout and "rij_onbekend" in uit.stdout and "onbekende variabele" in uit.stdout
    # a variable of the bundled template left out is mentioned; an unknown attribute fails the trial render
    weg = tmp_path / "aanmelding.docx"
    doc = Document(str(render.sjabloon_map() / "aanmelding.docx"))
    doc.add_paragraph("{{ aanmelder.fax }}")
    doc.save(str(weg))
    uit = kc("templates", "check", weg)
    assert uit.exit_code == 1 and "fax" in uit.stdout
    kapot = tmp_path / "justitiehuis.docx"
    doc = Document(str(render.sjabloon_map() / "justitiehuis.docx"))
    doc.add_paragraph("{% if %}")
    doc.save(str(kapot))
    uit = kc("templates", "check", kapot)
    assert uit.exit_code == 1 and "sjabloontaal" in uit.stdout
    # the same broken template as the user's own: rendering names the template, no traceback
    store.maak_map(render.eigen_sjabloon_map())
    shutil.copy(kapot, render.eigen_sjabloon_map() / "justitiehuis.docx")
    uit = kc("doc", palmeneire, "justitiehuis")
    assert uit.exit_code == 1 and "justitiehuis.docx" in uit.stderr and "templates check" in uit.stderr
    assert "Traceback" not in uit.output
    onbekend = tmp_path / "iets.docx"
    shutil.copy(kapot, onbekend)
    assert kc("templates", "check", onbekend).exit_code == 2


def test_a_filter_on_the_wrong_field_is_a_dutch_template_error_and_check_finds_it(kc, palmeneire, tmp_path):
    # a date filter on a text field inside an {% if %} on an optional field: check must render that branch
    sjabloon = tmp_path / "plan-van-aanpak.docx"
    doc = Document(str(render.sjabloon_map() / "plan-van-aanpak.docx"))
    doc.add_paragraph("{% if pva_opgemaakt_op %}Opgemaakt voor {{ gezin|datum }}{% endif %}")
    doc.save(str(sjabloon))
    uit = kc("templates", "check", sjabloon)
    assert uit.exit_code == 1, uit.output
    assert "|datum verwacht een datum, maar kreeg tekst" in uit.stdout and "in orde" not in uit.stdout
    store.maak_map(render.eigen_sjabloon_map())
    shutil.copy(sjabloon, render.eigen_sjabloon_map() / "plan-van-aanpak.docx")
    with store.wijzig(palmeneire) as d:
        d.pva.opgemaakt_op = date(2026, 11, 2)
    uit = kc("doc", palmeneire, "pva", "--uit", tmp_path / "p.docx")
    assert uit.exit_code == 1, uit.output
    assert "Het sjabloon plan-van-aanpak.docx kan niet ingevuld worden" in uit.stderr
    assert "|datum verwacht een datum" in uit.stderr and "templates check" in uit.stderr
    assert "TypeError" not in uit.output and "onverwacht" not in uit.output
    assert "De Palmeneire" not in uit.output  # the value is never shown: it may be personal data
    assert not (tmp_path / "p.docx").exists()


def test_templates_check_a_folder_and_a_damaged_file_in_dutch(kc, tmp_path):
    map_ = tmp_path / "sjablonen"
    kc.ok("templates", "export", map_)
    (map_ / "notities.docx").write_bytes(b"geen zip")  # not a template name: skipped, not fatal
    uit = kc.ok("templates", "check", map_)
    assert uit.stdout.count("in orde") == len(render.gebundelde_sjablonen())
    assert "notities.docx: overgeslagen" in uit.stdout
    (map_ / "justitiehuis.docx").write_bytes(b"geen zip")
    uit = kc("templates", "check", map_)
    assert uit.exit_code == 1
    assert "geen geldig Word-bestand: open het in Word" in uit.stdout
    assert "Error" not in uit.output and "Traceback" not in uit.output
    leeg = tmp_path / "leeg"
    leeg.mkdir()
    uit = kc("templates", "check", leeg)
    assert uit.exit_code == 1 and "geen Word-sjablonen" in uit.stderr


@pytest.mark.skipif(os.name == "nt", reason="POSIX modes")
def test_templates_export_is_owner_only_and_creates_missing_folders(kc, tmp_path):
    kc.ok("templates", "export")
    eigen = render.eigen_sjabloon_map()
    assert stat.S_IMODE(eigen.stat().st_mode) == 0o700
    assert stat.S_IMODE(store.config_dir().stat().st_mode) == 0o700
    for pad in eigen.glob("*.docx"):
        assert stat.S_IMODE(pad.stat().st_mode) == 0o600, pad.name
    assert not list(eigen.glob(".*.tmp"))  # atomic: no temp files left behind
    diep = tmp_path / "a" / "b" / "sjablonen"
    kc.ok("templates", "export", diep)
    assert (diep / "plan-van-aanpak.docx").read_bytes() == (render.sjabloon_map() / "plan-van-aanpak.docx").read_bytes()
    assert stat.S_IMODE((diep / "plan-van-aanpak.docx").stat().st_mode) == 0o600


def test_templates_export_to_an_impossible_folder_is_a_dutch_error(kc, tmp_path):
    bestand = tmp_path / "een-bestand"
    bestand.write_text("x")
    uit = kc("templates", "export", bestand / "sub")
    assert uit.exit_code == 1, uit.output
    assert "konden niet naar" in uit.stderr and "NotADirectoryError" not in uit.output


def test_a_read_only_disk_gives_a_dutch_message_not_an_oserror(kc, palmeneire, monkeypatch):
    import errno

    from ketencli import paden

    def alleen_lezen(pad, inhoud):
        raise OSError(errno.EROFS, "Read-only file system", str(pad))

    monkeypatch.setattr(paden, "schrijf_atomisch", alleen_lezen)
    uit = kc("doc", palmeneire, "pva")
    assert uit.exit_code == 1, uit.output
    assert "alleen-lezen schijf" in uit.stderr and "Read-only" not in uit.output and "OSError" not in uit.output


def test_justitiehuis_noemt_de_tafels_van_de_regio(kc, westvl):
    """The instruction (in the output, not the mail) names the region's own tables (D30), not CO3's."""
    uit = " ".join(kc.ok("doc", westvl, "justitiehuis").stderr.split())
    assert "overlegtafel – Overlegtafel" in uit and not re.search(r"\bICO\b|weegploeg", uit, re.I)
