"""Need-to-know per recipient (D32): a property test over every output and every recipient.

A dossier whose every free-text field holds a unique marker is rendered as every document kind, the
veiligheidsplan per member and for all members, the agendering mail (.eml) and the calendar (.ics).
Each output is read back (python-docx, the email parser, icalendar) and no marker of a field outside
what ``methodiek.need_to_know`` declares for that output's recipient may appear. Beside the
declaration, the safety rule itself is asserted: no veiligheidsplan content in any output but the
member's own page, and none of the gezin's plan on a pleger's page.
"""

from __future__ import annotations

import email
import email.policy
import itertools
import re
from datetime import date
from pathlib import Path

import pytest
from docx import Document

from ketencli import documenten, model, store
from ketencli.methodiek import need_to_know
from tests.conftest import _id_uit, voorbeeld

MARKER = re.compile(r"Zq\d{4}x")


def _tekst_docx(pad: Path) -> list[str]:
    """The document's text per page (split at page breaks and section breaks), headers and footers
    added to every page, as python-docx reads it."""
    doc = Document(str(pad))
    paginas: list[list[str]] = [[]]
    lichaam = doc.element.body
    for el in lichaam.iter():
        tag = el.tag.rsplit("}", 1)[-1]
        if tag == "t" and el.text:
            paginas[-1].append(el.text)
        elif tag == "br" and el.get("{http://schemas.openxmlformats.org/wordprocessingml/2006/main}type") == "page":
            paginas.append([])
        elif tag == "p":
            paginas[-1].append("\n")
    rand = []
    for sectie in doc.sections:
        for deel in (sectie.header, sectie.footer):
            rand.extend(p.text for p in deel.paragraphs)
    return ["".join(p) + "\n" + "\n".join(rand) for p in paginas]


@pytest.fixture
def gemarkeerd(kc, tmp_path) -> tuple[str, dict[str, tuple[str, str | None]], model.Dossier]:
    """The West-Vlaanderen example, every optional section filled, every free text a marker.
    Returns the new dossier's id, {marker: (field path, veiligheidsplan owner or None)} and the dossier."""
    d = store.dossier_uit_tekst(voorbeeld("west-vlaanderen-gezin.yaml").read_text(encoding="utf-8"), "voorbeeld")
    plan = {"waarschuwingssignalen": ["x"], "wat_te_doen": ["x", "y"], "veilige_plek": "x",
            "wie_bellen": [model.Contactpersoon(naam="x", telefoon="x", rol="x")], "afspraken": ["x"],
            "opgemaakt_op": date(2026, 10, 1)}
    d.veiligheidsplan = [model.VeiligheidsplanDeel(lid=None, **plan),
                         *(model.VeiligheidsplanDeel(lid=x.id, **plan) for x in d.gezinsleden)]
    d.dringende_maatregelen = [model.DringendeMaatregel(beslist_op=date(2026, 11, 2), tafel="x", maatregel="x")]
    d.tijdlijn = [*d.tijdlijn, model.TijdlijnItem(datum=date(2026, 11, 3), soort="incident", omschrijving="x",
                                                  afspraken=model.IncidentAfspraken(impact_kinderen="x"))]
    d.uitleg_458ter = [model.Uitleg458ter(lid=d.gezinsleden[0].id, datum=date(2026, 9, 1), door="x", notitie="x")]
    d.stappen = [*d.stappen, model.StapRegistratie(item="x", datum=date(2026, 9, 2), notitie="x")]
    for x in d.gezinsleden:
        x.notitie = "x"
        for r in x.relaties:
            r.toelichting = "x"
    d.afronding.vervolghulp = d.afronding.extra_veiligheidsacties = "x"
    d.afronding.geweld_gestopt_verklaring = "x"
    teller = itertools.count(1)
    herkomst: dict[str, tuple[str, str | None]] = {}

    def markeer(eigenaar: str | None):
        def zet(pad: str, waarde: str) -> str:
            marker = f"Zq{next(teller):04d}x"
            herkomst[marker] = (pad, eigenaar)
            return marker
        return zet

    plannen = [need_to_know.herschrijf(deel, markeer(deel.lid or "gezin"), "veiligheidsplan")
               for deel in d.veiligheidsplan]
    d = need_to_know.herschrijf(d, markeer(None)).model_copy(update={"veiligheidsplan": plannen})
    bestand = tmp_path / "gemarkeerd.yaml"
    bestand.write_text(store.naar_tekst(d), encoding="utf-8")
    dossier_id = _id_uit(kc.ok("dossier", "new", "--from", bestand, "--no-input").output)
    return dossier_id, herkomst, store.laad(dossier_id)


def _buiten(tekst: str, herkomst, velden, *, lid: str | None = None) -> list[str]:
    """The markers in ``tekst`` of fields outside ``velden`` (the veiligheidsplan as in ``beperk``)."""
    fout = []
    for marker in set(MARKER.findall(tekst)):
        pad, eigenaar = herkomst[marker]
        if eigenaar is not None:
            wie = "gezin" if eigenaar == "gezin" else "eigen" if eigenaar == lid else "ander-lid"
            pad = pad.replace("veiligheidsplan", f"veiligheidsplan.{wie}", 1)
        if not need_to_know.mag(velden, pad):
            fout.append(f"{marker} ({pad})")
    return sorted(fout)


def _plan_markers(herkomst, eigenaar: str) -> set[str]:
    return {m for m, (_, e) in herkomst.items() if e == eigenaar}


# the letter to a detainee exists only for a Kempen prison (annex D.3); the PSD mail is tried for both
SOORTEN_EN_GEVANGENIS = [*((s, False) for s in documenten.SOORTEN
                           if s not in ("veiligheidsplan", "brief-gedetineerde")),
                         ("psd-jww-mail", True), ("brief-gedetineerde", True)]


@pytest.mark.parametrize(("soort", "kempen"), SOORTEN_EN_GEVANGENIS)
def test_elk_document_draagt_alleen_wat_zijn_ontvanger_mag(kc, gemarkeerd, tmp_path, soort, kempen):
    dossier_id, herkomst, d = gemarkeerd
    if kempen:
        kc.ok("dossier", "lid", "edit", dossier_id, next(x.id for x in d.gezinsleden if x.detentie),
              "--gevangenis", "merksplas", "--no-input")
    pad = tmp_path / f"{soort}.docx"
    kc.ok("doc", dossier_id, soort, "--uit", pad)
    tekst = "\n".join(_tekst_docx(pad))
    ontvanger = need_to_know.ontvanger(soort)
    assert MARKER.search(tekst), "the document carries no case text at all: the test would prove nothing"
    assert _buiten(tekst, herkomst, ontvanger.velden) == [], f"{soort} for {ontvanger.key}"
    # the safety rule itself, whatever the declaration says (D32)
    plannen = set().union(*(_plan_markers(herkomst, e) for e in {"gezin", *(x.id for x in d.gezinsleden)}))
    assert not plannen & set(MARKER.findall(tekst)), f"{soort} carries veiligheidsplan content"


def test_elke_pagina_van_het_veiligheidsplan_draagt_alleen_wat_dat_lid_mag(kc, gemarkeerd, tmp_path):
    dossier_id, herkomst, d = gemarkeerd
    pleger = [x for x in d.gezinsleden if "pleger" in x.rollen]
    assert pleger, "the example has a pleger"
    for x in d.gezinsleden:
        pad = tmp_path / f"vp-{x.id}.docx"
        kc.ok("doc", dossier_id, "veiligheidsplan", "--lid", x.id, "--uit", pad)
        tekst = "\n".join(_tekst_docx(pad))
        velden = need_to_know.pagina_ontvanger(x.rollen).velden
        assert _buiten(tekst, herkomst, velden, lid=x.id) == [], x.id
        assert _plan_markers(herkomst, x.id) & set(MARKER.findall(tekst)), f"{x.id}'s own plan is missing"
        for ander in d.gezinsleden:
            if ander.id != x.id:
                assert not _plan_markers(herkomst, ander.id) & set(MARKER.findall(tekst)), (x.id, ander.id)
    # all members in one document: page by page, each page holds its member's name and only what is theirs
    pad = tmp_path / "vp-alle.docx"
    kc.ok("doc", dossier_id, "veiligheidsplan", "--uit", pad)
    paginas = _tekst_docx(pad)
    assert len(paginas) == len(d.gezinsleden)
    for pagina, x in zip(paginas, d.gezinsleden, strict=True):
        assert x.naam in pagina
        assert _buiten(pagina, herkomst, need_to_know.pagina_ontvanger(x.rollen).velden, lid=x.id) == [], x.id


def test_de_pagina_van_een_pleger_zonder_eigen_plan_draagt_niets_van_het_gezinsplan(kc, gemarkeerd, tmp_path):
    """The case of the issue: a gezin-level plan (`stap ID veiligheidsplan` without --lid) printed the
    victim's safe place and her sister's number on the pleger's page (D32)."""
    dossier_id, herkomst, d = gemarkeerd
    pleger = next(x for x in d.gezinsleden if "pleger" in x.rollen)
    with store.wijzig(dossier_id) as w:
        w.veiligheidsplan = [v for v in w.veiligheidsplan if v.lid != pleger.id]
    pad = tmp_path / "vp-pleger.docx"
    kc.ok("doc", dossier_id, "veiligheidsplan", "--lid", pleger.id, "--uit", pad)
    tekst = "\n".join(_tekst_docx(pad))
    assert pleger.naam in tekst
    assert not _plan_markers(herkomst, "gezin") & set(MARKER.findall(tekst))
    slachtoffer = next(x for x in d.gezinsleden if x.rollen == ["slachtoffer"])
    with store.wijzig(dossier_id) as w:
        w.veiligheidsplan = [v for v in w.veiligheidsplan if v.lid != slachtoffer.id]
    pad = tmp_path / "vp-slachtoffer.docx"
    kc.ok("doc", dossier_id, "veiligheidsplan", "--lid", slachtoffer.id, "--uit", pad)
    assert _plan_markers(herkomst, "gezin") <= set(MARKER.findall("\n".join(_tekst_docx(pad)))), \
        "the victim's page carries the gezin's plan in full"


def _overlegtafel_ingesteld(home: Path) -> None:
    """West-Vlaanderen's table has no rhythm in the bundled data: set one, as a user would."""
    pad = home / "config" / "regio.yaml"
    pad.parent.mkdir(parents=True, exist_ok=True)
    pad.write_text("ifg-west-vlaanderen:\n  tafels:\n    overlegtafel:\n      ritme: wekelijks\n"
                   "      weekdag: dinsdag\n      begin: \"13:00\"\n"
                   "      deadline: {tijd: \"12:00\", weekdag: donderdag}\n",
                   encoding="utf-8")


def test_de_conceptmail_draagt_alleen_ids_en_de_regisseur(kc, gemarkeerd, thuis):
    dossier_id, herkomst, _ = gemarkeerd
    _overlegtafel_ingesteld(thuis)
    kc.ok("agendeer", "weegploeg", dossier_id, "--soort", "pva", "--toch", "--vraag", "Zq9999x")
    emls = sorted((store.documenten_dir(dossier_id)).glob("*.eml"))
    assert emls
    bericht = email.message_from_bytes(emls[-1].read_bytes(), policy=email.policy.default)
    tekst = str(bericht["Subject"]) + "\n" + bericht.get_body(("plain",)).get_content()
    assert "Zq9999x" not in tekst, "the question typed for the table is in the mail text, not the document"
    assert _buiten(tekst, herkomst, need_to_know.ontvanger("eml").velden) == []


def test_de_agenda_draagt_geen_dossiertekst(kc, gemarkeerd, tmp_path, thuis):
    from icalendar import Calendar

    dossier_id, herkomst, _ = gemarkeerd
    _overlegtafel_ingesteld(thuis)
    kc.ok("agendeer", "weegploeg", dossier_id, "--soort", "pva", "--toch")
    pad = tmp_path / "agenda.ics"
    kc.ok("overzicht", "--ics", pad)
    cal = Calendar.from_ical(pad.read_bytes())
    teksten = [str(ev.get(veld, "")) for ev in cal.walk("VEVENT") for veld in ("SUMMARY", "DESCRIPTION", "LOCATION")]
    assert any(dossier_id in t for t in teksten), "the dossier is not in the calendar: the test would prove nothing"
    assert _buiten("\n".join(teksten), herkomst, need_to_know.ontvanger("ics").velden) == []


def test_elke_uitvoer_heeft_een_ontvanger():
    for soort in documenten.SOORTEN:
        assert soort in need_to_know.UITVOER
    for rol in ("slachtoffer", "pleger", "kind", "ander"):
        assert need_to_know.pagina_ontvanger([rol]).key == f"lid-{rol}"
    # the strictest role counts: a member who is victim and pleger gets the pleger's page
    assert need_to_know.gezinsplan_velden(["slachtoffer", "pleger"]) == ()


def test_elke_referentie_bestaat_in_het_model():
    """A renamed id field would silently become 'free text' and be blanked: every declared reference
    must be a text field of the model, and every declared field a path of the model."""
    import typing

    paden: set[str] = set()

    def loop(klasse, pad: str) -> None:
        for naam, veld in klasse.model_fields.items():
            sub = f"{pad}.{naam}" if pad else naam
            paden.add(sub)
            for x in [veld.annotation, *typing.get_args(veld.annotation)]:
                for y in [x, *typing.get_args(x)]:
                    if hasattr(y, "model_fields"):
                        loop(y, sub)

    loop(model.Dossier, "")
    assert need_to_know.REFERENTIES <= paden
    for o in need_to_know.ONTVANGERS.values():
        for veld in o.velden:
            kaal = re.sub(r"^veiligheidsplan\.(eigen|gezin)", "veiligheidsplan", veld)
            assert kaal in paden, (o.key, veld)
