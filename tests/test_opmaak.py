"""The layout of every document kind (issue 14 §3), as LibreOffice prints it.

Every document kind of every example dossier and of one large family (10 members, 40 PvA rows, long
texts) is rendered and converted to PDF in one LibreOffice run; per page (pdftotext), without the
running header and footer: no page but the last holds fewer than 5 lines, no page ends in a heading,
and no '()', internal id (m1, d3, a1), '(s)', '(en)', "('s)", '{{' or '{%' appears anywhere.
Skipped without LibreOffice, unless KETENCLI_CI is set (then it fails).
"""

from __future__ import annotations

import collections
import html
import os
import re
import shutil
import subprocess
from pathlib import Path

import pytest
import yaml
from docx import Document

from ketencli import documenten
from tests.conftest import VANDAAG, VOORBEELDEN, Kc, _id_uit

FOUTEN = [r"\(\)", r"\b[mda]\d+\b", r"\w\((?:s|en|'s)\)", r"\{\{", r"\{%"]
LANG = (
    "De situatie is complex en vraagt een afgestemde aanpak van hulp en strafrecht; de betrokkenen geven aan "
    "dat de spanningen vooral oplopen rond geld, de opvoeding en het gebruik van alcohol. "
)
GEWOON_PLAN = {
    "waarschuwingssignalen": ["Stemverheffing en deuren dichtslaan", "Hij drinkt meer dan twee pinten"],
    "wat_te_doen": ["Naar de kamer van de buren gaan", "De politie bellen op 101"],
    "veilige_plek": "Bij de buurvrouw op nummer 12",
    "wie_bellen": [
        {"naam": "Buurvrouw Rita", "telefoon": "050 11 22 33", "rol": "opvang"},
        {"naam": "CAW-begeleider Griet", "telefoon": "050 55 40 40", "rol": "hulpverlener"},
    ],
    "afspraken": ["Gsm altijd opgeladen", "Reservesleutel bij de buren"],
}


def _soffice() -> str | None:
    gevonden = shutil.which("soffice") or shutil.which("libreoffice")
    if gevonden is None and os.environ.get("KETENCLI_CI"):
        pytest.fail("KETENCLI_CI is gezet maar LibreOffice (soffice) ontbreekt")
    return gevonden


def _grote_familie() -> dict:
    """10 members, 5 services, 40 PvA rows over the six domains, long texts everywhere."""
    leden = [
        {
            "id": "m1",
            "naam": "Jef Groot",
            "rollen": ["pleger"],
            "geboortedatum": "1975-03-01",
            "instemming": {"datum": "2026-08-20"},
            "relaties": [{"met": "m2", "soort": "partner"}],
        },
        {
            "id": "m2",
            "naam": "Mia Groot-Lang",
            "rollen": ["slachtoffer"],
            "geboortedatum": "1978-04-02",
            "instemming": {"datum": "2026-08-20"},
            "relaties": [{"met": "m1", "soort": "partner"}],
        },
    ]
    leden += [
        {
            "id": f"m{i}",
            "naam": f"Kind{i} Groot",
            "rollen": ["kind"],
            "geboortedatum": f"{2004 + i}-05-0{i % 9 + 1}",
            "relaties": [{"met": "m1", "soort": "kind-van"}, {"met": "m2", "soort": "kind-van"}],
        }
        for i in range(3, 11)
    ]
    factoren = {
        "geweld": "geweld-eerder",
        "individu": "individu-stressfactoren",
        "interactie": "interactie-stress-gezin",
        "professionele-ondersteuning": "prof-geen-steun",
        "sociale-ondersteuning": "sociaal-geen-steun",
        "kind": "kind-slachtoffer-getuige",
    }
    domeinen = list(factoren)
    rijen = [
        {
            "id": f"r{i}",
            "domein": domeinen[i % 6],
            "factor": factoren[domeinen[i % 6]],
            "soort": "risico",
            "bij_wie": [f"m{1 + i % 10}"],
            "noden": LANG[: 80 + (i * 37) % 140],
            "aanpak": LANG[: 60 + (i * 53) % 150],
            "acties": [
                {
                    "omschrijving": f"Actie {i}: " + LANG[: 40 + (i * 29) % 90],
                    "begeleiding": f"d{1 + i % 5}",
                    "stavaza": "lopend",
                    "plan_b": LANG[:70] if i % 3 == 0 else "",
                }
            ],
        }
        for i in range(1, 41)
    ]
    diensten = [
        {
            "id": f"d{i}",
            "soort": s,
            "naam": f"{s.upper()} Voorbeeld {i}",
            "contactpersoon": f"Contact {i}",
            "contact": f"03 555 00 0{i}",
            "rol": "begeleiding",
        }
        for i, s in enumerate(["caw", "cgg", "politie", "parket", "clb"], 1)
    ]
    teksten = (
        "waarom_nu",
        "geweld_bij_aanvang",
        "geweld_nu",
        "voornaamste_risicos",
        "clienten_en_relaties",
        "wensen_en_noden",
        "betrokken_diensten",
        "veiligheidsplan",
        "vragen_en_verwachtingen",
    )
    return {
        "schema_version": 1,
        "regio": "co3-antwerpen",
        "fase": "casusregie",
        "gezin": "Groot – Lang",
        "casusregie_start": "2026-09-07",
        "aanmelding": {
            "datum": "2026-08-17",
            "aanmelder": {"organisatie": "CAW Voorbeeld", "persoon": "An"},
            **{k: LANG * 3 for k in teksten},
        },
        "ico": {"datum": "2026-08-28", "conclusie": "ketenaanpak-met-casusregie", "advies": "Instroom."},
        "gezinsleden": leden,
        "betrokken_diensten": diensten,
        "casusregisseur": {"naam": "Rita Regisseur", "organisatie": "CAW Voorbeeld", "contact": "03 111 11 11"},
        "kijkschema": [
            {
                "datum": "2026-09-14",
                "factoren": [{"factor": f, "staat": "aanwezig", "bij_wie": ["m1"]} for f in factoren.values()],
            }
        ],
        "pva": {
            "opgemaakt_op": "2026-09-21",
            "rijen": rijen,
            "doelstellingen": [
                {"id": f"g{i}", "tekst": LANG[:90], "bij_wie": ["m1", "m2"], "domein": domeinen[i % 6]}
                for i in range(1, 7)
            ],
        },
    }


def _pagina_regels(pdf: Path) -> list[tuple[float, list[tuple[str, float, float]]]]:
    """Per page: its height and its lines (text, top, bottom), from pdftotext -bbox-layout."""
    uit = subprocess.run(["pdftotext", "-bbox-layout", str(pdf), "-"], capture_output=True, text=True).stdout
    paginas = []
    for hoogte, pagina in re.findall(r'<page width="[\d.]+" height="([\d.]+)">(.*?)</page>', uit, re.S):
        regels = []
        for y0, y1, inhoud in re.findall(
            r'<line xMin="[\d.]+" yMin="([\d.]+)" xMax="[\d.]+" yMax="([\d.]+)">(.*?)</line>', pagina, re.S
        ):
            tekst = " ".join(html.unescape(w) for w in re.findall(r"<word [^>]*>(.*?)</word>", inhoud)).strip()
            if tekst:
                regels.append((" ".join(tekst.split()), float(y0), float(y1)))
        paginas.append((float(hoogte), regels))
    return paginas


def _zonder_kop_en_voet(paginas):
    """Each page's body lines, bottom last, and where its footer starts: without the running header and
    footer (lines in the top or bottom eighth that, digits aside, recur on most pages)."""

    def norm(t):
        return re.sub(r"\d+", "#", t)

    def rand(h, y0, y1):
        return y1 < h / 8 or y0 > h * 7 / 8

    tel = collections.Counter()
    for h, regels in paginas:
        tel.update({norm(t) for t, y0, y1 in regels if rand(h, y0, y1)})
    drempel = max(2, (len(paginas) + 1) // 2)
    uit = []
    for h, regels in paginas:
        lichaam, voet = [], h - 56
        for r in regels:
            if len(paginas) > 1 and rand(h, r[1], r[2]) and tel[norm(r[0])] >= drempel:
                voet = min(voet, r[1]) if r[1] > h / 2 else voet
            else:
                lichaam.append(r)
        uit.append((sorted(lichaam, key=lambda r: (r[2], r[1])), voet))
    return uit


def _koppen(docx: Path) -> list[str]:
    return [
        " ".join(p.text.split())
        for p in Document(str(docx)).paragraphs
        if p.style is not None and p.style.name.startswith(("Heading", "Title")) and p.text.strip()
    ]


def _koprijen(docx: Path) -> list[list[str]]:
    """The cell texts of the tables' header rows (a first row whose every cell is shaded)."""
    from docx.oxml.ns import qn

    def gearceerd(cel) -> bool:
        tcpr = cel._tc.tcPr
        return tcpr is not None and tcpr.find(qn("w:shd")) is not None

    uit = []
    for tabel in Document(str(docx)).tables:
        if len(tabel.rows) > 1 and all(gearceerd(c) for c in tabel.rows[0].cells):
            uit.append([" ".join(c.text.split()) for c in tabel.rows[0].cells if c.text.strip()])
    return [cellen for cellen in uit if cellen]


@pytest.fixture(scope="module")
def documenten_als_pdf(tmp_path_factory) -> dict[str, tuple[Path, Path | None]]:
    """{name: (docx, pdf)} of every kind of both examples and the large family, plus a veiligheidsplan
    with ordinary content for each member of the West-Vlaanderen family."""
    soffice = _soffice()
    if soffice is None:
        pytest.skip("LibreOffice (soffice) is niet geïnstalleerd")
    map_ = tmp_path_factory.mktemp("opmaak")
    kc = Kc()
    gemaakt: dict[str, Path] = {}
    with pytest.MonkeyPatch.context() as mp:
        mp.setenv("KETENCLI_HOME", str(map_ / "home"))
        mp.setenv("KETENCLI_NU", VANDAAG)
        groot = map_ / "grote-familie.yaml"
        groot.write_text(yaml.safe_dump(_grote_familie(), allow_unicode=True), encoding="utf-8")
        for bron in (*sorted(VOORBEELDEN.glob("*.yaml")), groot):
            dossier_id = _id_uit(kc.ok("dossier", "new", "--from", bron, "--no-input").output)
            for soort in documenten.SOORTEN:
                pad = map_ / f"{bron.stem}--{soort}.docx"
                if kc("doc", dossier_id, soort, "--uit", pad).exit_code == 0:
                    gemaakt[f"{bron.stem} {soort}"] = pad
            if bron.stem.startswith("west"):
                plan = map_ / "plan.yaml"
                plan.write_text(yaml.safe_dump(GEWOON_PLAN, allow_unicode=True), encoding="utf-8")
                for lid in ("m1", "m2", "m3", "m4"):
                    kc.ok("stap", dossier_id, "veiligheidsplan", "--lid", lid, "--from", plan, "--no-input")
                pad = map_ / "vier-plannen.docx"
                kc.ok("doc", dossier_id, "veiligheidsplan", "--uit", pad)
                gemaakt["vier-plannen"] = pad
    pdf = map_ / "pdf"
    subprocess.run(
        [
            soffice,
            f"-env:UserInstallation=file://{map_ / 'lo'}",
            "--headless",
            "--convert-to",
            "pdf",
            "--outdir",
            str(pdf),
            *map(str, gemaakt.values()),
        ],
        capture_output=True,
        timeout=600,
        check=False,
    )
    return {naam: (pad, p if (p := pdf / f"{pad.stem}.pdf").is_file() else None) for naam, pad in gemaakt.items()}


def test_elke_soort_van_elk_voorbeeld_en_een_grote_familie_is_gemaakt(documenten_als_pdf):
    for bron in ("de-palmeneire-vercammen", "west-vlaanderen-gezin", "grote-familie"):
        zonder_detentie = ("psd-jww-mail", "brief-gedetineerde")
        verwacht = {s for s in documenten.SOORTEN if s not in zonder_detentie}
        assert verwacht <= {naam.split(" ", 1)[1] for naam in documenten_als_pdf if naam.startswith(bron + " ")}
    niet = [naam for naam, (_, pdf) in documenten_als_pdf.items() if pdf is None]
    assert not niet, f"LibreOffice could not convert {niet}"


def test_geen_bijna_lege_pagina_geen_kop_onderaan_geen_codes(documenten_als_pdf):
    fouten = []
    for naam, (docx, pdf) in documenten_als_pdf.items():
        assert pdf is not None, naam
        paginas = _zonder_kop_en_voet(_pagina_regels(pdf))
        koppen = _koppen(docx)
        koprijen = _koprijen(docx)
        for n, (regels, voet) in enumerate(paginas[:-1], 1):
            if len(regels) < 5:
                fouten.append(f"{naam} p.{n}/{len(paginas)}: {len(regels)} lines")
            # a table's header row as the page's last line: its rows went to the next page without it
            elif any(regels[-1][0] in cellen and {c.split()[0] for c in cellen}
                     <= {w for t, _, _ in regels[-len(cellen) - 2:] for w in t.split()} for cellen in koprijen):
                fouten.append(f"{naam} p.{n}: ends in the header row '{regels[-1][0]}'")
            # a heading as the last text within six lines of the footer: its text went to the next page
            elif voet - regels[-1][2] < 84 and any(
                len(regels[-1][0]) >= 6 and k.endswith(regels[-1][0]) for k in koppen
            ):
                fouten.append(f"{naam} p.{n}: ends in the heading '{regels[-1][0]}'")
        alles = "\n".join(t for regels, _ in paginas for t, _, _ in regels)
        for patroon in FOUTEN:
            fouten += [f"{naam}: '{m}'" for m in sorted(set(re.findall(patroon, alles)))]
    assert not fouten, "\n".join(fouten)


def test_een_ingevuld_veiligheidsplan_is_een_pagina_per_persoon(documenten_als_pdf):
    docx, pdf = documenten_als_pdf["vier-plannen"]
    paginas = _pagina_regels(pdf)
    assert len(paginas) == 4
    for (_, regels), naam in zip(paginas, ("Evelien Desmet", "Kristof Vandenberghe", "Lars", "Fien"), strict=True):
        assert any(naam in t for t, _, _ in regels)


def test_de_justitiehuismail_bevat_geen_opdracht_aan_de_regisseur(documenten_als_pdf):
    for naam, (docx, _) in documenten_als_pdf.items():
        if naam.endswith((" justitiehuis", " psd-jww-mail")):
            tekst = "\n".join(p.text for p in Document(str(docx)).paragraphs)
            assert not re.search(r"\b(stuur|noteer|vul\b.*\bin)\b", tekst, re.I), naam


def test_een_tabel_begint_niet_met_zijn_koprij_alleen_onderaan_een_pagina(tmp_path, monkeypatch):
    """Found by looking at the West-Vlaanderen weegploeg document of 29/11/2026: the clients table's header
    row stood alone at the foot of page 1, its rows on page 2. Header rows keep with the first row."""
    soffice = _soffice()
    if soffice is None:
        pytest.skip("LibreOffice (soffice) is niet geïnstalleerd")
    monkeypatch.setenv("KETENCLI_NU", "2026-11-29T10:00")
    kc = Kc()
    dossier_id = _id_uit(kc.ok("dossier", "new", "--from", VOORBEELDEN / "west-vlaanderen-gezin.yaml",
                               "--no-input").output)
    docx = tmp_path / "weegploeg.docx"
    kc.ok("doc", dossier_id, "weegploeg-pva", "--uit", docx)
    subprocess.run([soffice, f"-env:UserInstallation=file://{tmp_path / 'lo'}", "--headless", "--convert-to",
                    "pdf", "--outdir", str(tmp_path), str(docx)], capture_output=True, timeout=300, check=False)
    paginas = _zonder_kop_en_voet(_pagina_regels(tmp_path / "weegploeg.pdf"))
    koprijen = _koprijen(docx)
    assert ["Naam", "Rol", "Leeftijd", "Relaties"] in koprijen
    for n, (regels, _) in enumerate(paginas[:-1], 1):
        for cellen in koprijen:
            laatste = {w for t, _, _ in regels[-len(cellen) - 2:] for w in t.split()}
            assert not (regels[-1][0] in cellen and {c.split()[0] for c in cellen} <= laatste), (n, cellen)
