"""`ketencli beleidssignalen` (issue 17 items 2, 4, 5, 6): the knelpunten of all dossiers by category and
kind of service, with small-cell suppression ("< 5"), secondary suppression ("x") of a count that would
reveal a small one, `--regio/--van/--tot`, JSON, CSV and a Word report with a chart; no output carries a
name, a birth date or a description that was not marked deelbaar."""

from __future__ import annotations

import csv
import io
import json
import re
from pathlib import Path

import pytest
from docx import Document

from ketencli import index
from ketencli.methodiek import knelpunten

VOORNAMEN = ["Quirijn", "Xandrina", "Zeger", "Ottilie", "Berthold", "Wendelien", "Gommaar", "Isolde", "Fredegonde",
             "Hildebrand", "Ermelinde", "Radboud", "Sieglinde", "Tankred", "Walburga", "Evrard", "Clothilde",
             "Dagobert", "Adelheid", "Lambrecht"]
FAMILIES = ["Oosterlinck", "Verschraegen", "Bruggeman", "Vanhoudenhove", "Temmerman", "Dewachter", "Schietekat",
            "Vervliet", "Moerenhout", "Kerckhofs"]
DIENSTEN = [{"id": "d1", "soort": "cgg", "naam": "CGG Zonnewende"}, {"id": "d2", "soort": "politie",
            "naam": "Politiezone Scheldeland"}, {"id": "d3", "soort": "caw", "naam": "CAW Kempenrand"}]
# (region, [(category, service, date, deelbaar)]) per dossier; the counts the tests expect follow from it
PLAN = (
    [("co3-antwerpen", [("wachtlijst", "d1", f"2026-0{i + 1}-10", i < 3)]) for i in range(6)]
    + [("co3-antwerpen", [("samenwerking", "d2", f"2025-06-0{j + 1}", False) for j in range(5)])]
    + [("ifg-west-vlaanderen", [("informatiedeling", "d2", "2026-04-02", True)]) for _ in range(2)]
    + [("leuven", [("geen-aanbod", "d3", "2026-05-06", False)])]
)


def _geboortedatum(i: int, j: int) -> str:
    return f"{1970 + i}-{1 + (i + j) % 12:02d}-{3 + i:02d}"


@pytest.fixture
def dossiers(kc, tmp_path) -> dict[str, list[str]]:
    """Ten dossiers in three regions; returns what must never appear in a report."""
    geheim: dict[str, list[str]] = {"namen": [], "datums": [], "teksten": []}
    for i, (regio, lijst) in enumerate(PLAN):
        a, b, fam = VOORNAMEN[2 * i], VOORNAMEN[2 * i + 1], FAMILIES[i]
        leden = [{"id": "m1", "naam": f"{a} {fam}", "rollen": ["slachtoffer"], "geboortedatum": _geboortedatum(i, 0)},
                 {"id": "m2", "naam": f"{b} {fam}", "rollen": ["kind"], "geboortedatum": _geboortedatum(i, 5)}]
        kn = []
        for n, (cat, dienst, datum, deelbaar) in enumerate(lijst, start=1):
            tekst = (f"Drie maanden wachten voor {a} {fam} (°{leden[0]['geboortedatum']}) bij CGG Zonnewende, "
                     f"bel 0470 12 34 5{i}" if deelbaar else f"GEHEIMTEKST{i:02d}{n} over {a}")
            kn.append({"id": f"k{n}", "categorie": cat, "dienst": dienst, "omschrijving": tekst, "datum": datum,
                       "deelbaar": deelbaar})
            if not deelbaar:
                geheim["teksten"].append(f"GEHEIMTEKST{i:02d}{n}")
        data = {"regio": regio, "fase": "casusregie", "gezin": f"Gezin {fam}",
                "aanmelding": {"datum": "2025-01-06", "waarom_nu": f"VRIJETEKST{i} over {a}"},
                "gezinsleden": leden, "betrokken_diensten": DIENSTEN, "knelpunten": kn}
        bestand = tmp_path / f"d{i}.yaml"
        bestand.write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")
        kc.ok("dossier", "new", "--from", bestand, "--no-input")
        geheim["namen"] += [a, b, fam]
        geheim["datums"] += [lid["geboortedatum"] for lid in leden]
        geheim["teksten"].append(f"VRIJETEKST{i}")
    return geheim


def _json(kc, *opties):
    return json.loads(kc.ok("beleidssignalen", "--json", *opties).stdout)


def _per(data, sleutel, veld):
    return {x[veld]: x["aantal"] for x in data[sleutel]}


def test_counts_over_three_regions_with_suppression(kc, dossiers):
    data = _json(kc)
    assert _per(data, "per_categorie", "categorie") == {
        "wachtlijst": 6, "samenwerking": 5, "informatiedeling": "< 5", "geen-aanbod": "< 5",
        "justitiele-doorlooptijd": 0, "middelen": 0, "wetgeving": 0, "ander": 0}
    # caw (1) would follow from the total minus cgg and politie: the total is hidden; politie (5 + 2) would
    # give away the 2 informatiedeling knelpunten next to the 5 shown for samenwerking: hidden too
    assert data["knelpunten"] == "x"
    assert _per(data, "per_dienst", "dienst") == {"cgg": 6, "politie": "x", "caw": "< 5"}
    assert _per(data, "per_regio", "regio") == {"co3-antwerpen": 11, "ifg-west-vlaanderen": "< 5", "leuven": "< 5"}
    # each region also by the name its settings give it (D30), as the text and the Word report say it
    assert {x["regio"]: x["regio_naam"] for x in data["per_regio"]} == {
        "co3-antwerpen": "CO3 Antwerpen", "ifg-west-vlaanderen": "Ketenaanpak IFG West-Vlaanderen",
        "leuven": "Ketenaanpak IFG Leuven"}
    assert data["regio_naam"] == "alle regio's"
    # the dossiers with a knelpunt (10) are a lower bound of the hidden total: hidden with it, else "x
    # knelpunten in 10 dossiers" narrows the suppressed cells down
    assert data["dossiers_met_knelpunten"] == "x"
    wacht = next(c for c in data["per_categorie"] if c["categorie"] == "wachtlijst")
    assert wacht["per_dienst"] == [{"dienst": "cgg", "aantal": 6}]
    # descriptions: only the three deelbaar ones of wachtlijst, anonymised (then equal, so shown once); the
    # informatiedeling ones (a small category) are pooled without category
    assert len(wacht["omschrijvingen"]) == 1
    assert all(re.fullmatch(r"Drie maanden wachten voor \[naam\] \(°\[datum\]\) bij \[dienst\], bel \[telefoon\]", t)
               for t in wacht["omschrijvingen"]), wacht["omschrijvingen"]
    info = next(c for c in data["per_categorie"] if c["categorie"] == "informatiedeling")
    assert info["omschrijvingen"] == [] and len(data["omschrijvingen_kleine_categorieen"]) == 1


def test_regio_van_tot(kc, dossiers):
    co3 = _json(kc, "--regio", "co3-antwerpen")
    assert co3["knelpunten"] == 11 and _per(co3, "per_dienst", "dienst") == {"politie": 5, "cgg": 6}
    assert _per(co3, "per_regio", "regio") == {"co3-antwerpen": 11}
    dit_jaar = _json(kc, "--van", "2026-01-01")
    assert dit_jaar["knelpunten"] == 9  # two small categories: their sum (3) is no single family
    assert _per(dit_jaar, "per_categorie", "categorie")["samenwerking"] == 0
    vorig_jaar = _json(kc, "--tot", "31/12/2025")
    assert vorig_jaar["knelpunten"] == 5 and vorig_jaar["dossiers_met_knelpunten"] == "< 5"
    maart_april = _json(kc, "--van", "2026-03-01", "--tot", "2026-04-30")
    assert _per(maart_april, "per_categorie", "categorie")["wachtlijst"] == "< 5"  # 10/3 and 10/4
    leeg = _json(kc, "--tot", "2019-12-31")
    assert leeg["knelpunten"] == 0 and all(c["aantal"] == 0 for c in leeg["per_categorie"])
    # a period that starts after today (the clock: 2026-11-23) is refused, not an empty report (Leuven
    # trial); one that ends after today is the period up to now
    for extra in ((), ("--json",), ("--csv", "-")):
        later = kc("beleidssignalen", "--van", "2027-01-01", *extra)
        assert later.exit_code == 2 and later.stdout == "", extra
        assert "--van 01/01/2027 ligt in de toekomst" in " ".join(later.stderr.split()), later.stderr
    assert _json(kc, "--van", "2026-01-01", "--tot", "2027-12-31")["knelpunten"] == 9
    uit = kc("beleidssignalen", "--regio", "gent")
    assert uit.exit_code == 2 and "--regio 'gent' ken ik niet" in uit.stderr
    uit = kc("beleidssignalen", "--van", "2026-05-01", "--tot", "2026-04-01")
    assert uit.exit_code == 2 and "ligt voor --van" in uit.stderr
    uit = kc("beleidssignalen", "--van", "30/2/2026")
    assert uit.exit_code == 2 and "bestaat niet" in uit.stderr


def _docx_tekst(pad: Path) -> str:
    doc = Document(str(pad))
    delen = [p.text for p in doc.paragraphs]
    delen += [c.text for t in doc.tables for r in t.rows for c in r.cells]
    for sectie in doc.sections:
        delen += [p.text for p in sectie.header.paragraphs + sectie.footer.paragraphs]
    return "\n".join(delen)


def test_no_output_carries_a_name_a_birth_date_or_a_private_text(kc, dossiers, tmp_path, thuis):
    uitvoer = {"json": kc.ok("beleidssignalen", "--json").stdout,
               "csv-stdout": kc.ok("beleidssignalen", "--csv", "-").stdout}
    kc.ok("beleidssignalen", "--csv", tmp_path / "b.csv")
    uitvoer["csv"] = (tmp_path / "b.csv").read_text(encoding="utf-8-sig")
    woord = kc.ok("beleidssignalen", "--uit", tmp_path)
    [docx] = list(tmp_path.glob("*_beleidssignalen.docx"))
    uitvoer["docx"] = _docx_tekst(docx)
    uitvoer["scherm"] = woord.output
    # the summary cache holds no description that was not marked deelbaar (nor an anonymised one's source)
    uitvoer["cache"] = "\n".join(json.dumps(r.knelpunten, ensure_ascii=False) for r in index.samenvattingen())
    for naam, tekst in uitvoer.items():
        for stuk in dossiers["namen"] + dossiers["datums"] + dossiers["teksten"]:
            assert not re.search(rf"(?<!\w){re.escape(stuk)}(?!\w)", tekst), (naam, stuk)
        for stuk in ("Zonnewende", "Scheldeland", "Kempenrand", "0470"):
            assert stuk not in tekst, (naam, stuk)
    assert "[naam]" in uitvoer["docx"] and "Drie maanden wachten" in uitvoer["docx"]
    rijen = list(csv.reader(io.StringIO(uitvoer["csv"]), delimiter=";"))
    assert rijen[0] == ["wat", "categorie", "dienst", "regio", "label", "aantal"]
    assert ["categorie", "wachtlijst", "", "", "Wachtlijst", "6"] in rijen
    assert ["categorie", "informatiedeling", "", "", "Informatiedeling", "< 5"] in rijen
    assert not [r for r in rijen[1:] if r[-1] in ("1", "2", "3", "4")]


def test_word_report_has_chart_captions_and_no_empty_sections(kc, dossiers, tmp_path):
    kc.ok("beleidssignalen", "--uit", tmp_path / "rapport.docx")
    doc = Document(str(tmp_path / "rapport.docx"))
    tekst = _docx_tekst(tmp_path / "rapport.docx")
    assert len(doc.inline_shapes) == 1  # the bar chart
    assert "Figuur 1. Aantal knelpunten per categorie" in tekst and "Tabel 1. Knelpunten per categorie" in tekst
    assert "Wachtlijst" in tekst and "< 5" in tekst and "Middelen" not in tekst  # no rows of 0
    assert "{{" not in tekst and "{%" not in tekst
    # an existing document is not overwritten without --overschrijf
    uit = kc("beleidssignalen", "--uit", tmp_path / "rapport.docx")
    assert uit.exit_code == 1 and "bestaat al" in uit.stderr
    # a period without knelpunten: one line, no empty tables, no chart
    kc.ok("beleidssignalen", "--van", "2019-01-01", "--tot", "2019-12-31", "--uit", tmp_path / "leeg.docx")
    leeg = Document(str(tmp_path / "leeg.docx"))
    tekst = _docx_tekst(tmp_path / "leeg.docx")
    assert "Geen knelpunten in deze periode." in tekst
    assert len(leeg.inline_shapes) == 0 and "Tabel 1" not in tekst and "Figuur 1" not in tekst
    # default place: the data home's rapporten folder, a neutral file name
    uit = kc.ok("beleidssignalen", "--regio", "leuven")
    assert "rapporten" in uit.stdout and "2026-11-23_beleidssignalen_leuven.docx" in uit.stdout


def test_the_report_uses_the_index_and_sees_a_change(kc, dossiers, monkeypatch):
    assert _per(_json(kc), "per_categorie", "categorie")["wachtlijst"] == 6
    from ketencli import store

    geladen = []
    echt = store.laad
    monkeypatch.setattr(store, "laad", lambda i: geladen.append(i) or echt(i))
    _json(kc)
    assert geladen == []  # warm: no dossier is read
    monkeypatch.setattr(store, "laad", echt)
    d = next(r.id for r in index.samenvattingen() if r.regio == "leuven")
    kc.ok("knelpunt", "rm", d, "k1")
    assert _per(_json(kc), "per_regio", "regio").get("leuven") is None


def test_warm_run_loads_no_model_yaml_or_settings(kc, dossiers, thuis):
    """Like `overzicht` (D15): the second run reads the summary cache only (issue 17 item 5)."""
    import os
    import subprocess
    import sys

    omgeving = {**os.environ, "KETENCLI_HOME": str(thuis)}
    subprocess.run([sys.executable, "-m", "ketencli", "beleidssignalen", "--json"], env=omgeving, check=True,
                   capture_output=True)
    code = ("import sys\nsys.argv=['ketencli','beleidssignalen','--json']\nfrom ketencli import start\n"
            "try:\n    start.main()\nexcept SystemExit:\n    pass\n"
            "zwaar = ('pydantic', 'holidays', 'yaml', 'ketencli.model', 'ketencli.store', 'matplotlib', 'docxtpl')\n"
            "print(sorted(m for m in zwaar if m in sys.modules), file=sys.stderr)")
    res = subprocess.run([sys.executable, "-c", code], env=omgeving, capture_output=True, text=True, check=True)
    assert json.loads(res.stdout)["per_categorie"][0] == {
        "categorie": "wachtlijst", "label": "Wachtlijst", "aantal": 6, "per_dienst": [{"dienst": "cgg", "aantal": 6}],
        "omschrijvingen": ["Drie maanden wachten voor [naam] (°[datum]) bij [dienst], bel [telefoon]"]}
    assert res.stderr.strip().splitlines()[-1] == "[]"


def test_secondary_suppression_leaves_no_relation_with_one_unknown():
    waarden = {"t": 14, "a": 6, "b": 5, "c": 2, "d": 1, "x": 6, "y": 7, "z": 1}
    relaties = [("t", ["a", "b", "c", "d"]), ("t", ["x", "y", "z"])]
    verborgen = knelpunten.verberg_afleidbare(waarden, relaties)
    assert {"c", "d", "z"} <= verborgen and "t" in verborgen
    for som, delen in relaties:
        assert len([x for x in [som, *delen] if x in verborgen]) != 1
    # nothing small: nothing hidden
    assert knelpunten.verberg_afleidbare({"t": 11, "a": 6, "b": 5}, [("t", ["a", "b"])]) == set()


def test_libreoffice_renders_the_report(kc, dossiers, tmp_path):
    """The report opens in LibreOffice (as on a coordinator's laptop) with its Dutch captions and the chart."""
    import os
    import shutil
    import subprocess

    soffice = shutil.which("soffice") or shutil.which("libreoffice")
    if soffice is None or shutil.which("pdftotext") is None:
        if os.environ.get("KETENCLI_CI"):
            pytest.fail("KETENCLI_CI is gezet maar LibreOffice of pdftotext ontbreekt")
        pytest.skip("LibreOffice of pdftotext is niet geïnstalleerd")
    kc.ok("beleidssignalen", "--uit", tmp_path / "rapport.docx")
    subprocess.run([soffice, "--headless", f"-env:UserInstallation=file://{tmp_path / 'lo'}", "--convert-to", "pdf",
                    "--outdir", str(tmp_path), str(tmp_path / "rapport.docx")], capture_output=True, timeout=300,
                   check=False)
    pdf = tmp_path / "rapport.pdf"
    assert pdf.is_file(), "LibreOffice kon het rapport niet omzetten"
    tekst = subprocess.run(["pdftotext", "-layout", str(pdf), "-"], capture_output=True, text=True,
                           check=True).stdout
    for stuk in ("Beleidssignalen: knelpunten in de keten", "Figuur 1. Aantal knelpunten per categorie",
                 "Tabel 1. Knelpunten per categorie en per soort dienst", "Wachtlijst", "< 5"):
        assert stuk in tekst, stuk
    assert "{{" not in tekst and "{%" not in tekst


def test_uit_to_a_missing_folder_says_the_folder_is_missing(kc, dossiers, tmp_path):
    """`--uit map/` to a folder that does not exist: the same message as `jaarcijfers` (one report path,
    ``documenten.schrijf_rapport``), not "een document heeft de extensie .docx"."""
    uit = kc("beleidssignalen", "--uit", tmp_path / "geen-map")
    assert uit.exit_code == 1, uit.output
    assert f"De map {tmp_path / 'geen-map'} bestaat niet." in uit.stderr, uit.stderr
    assert not list(tmp_path.glob("**/*.docx"))


def test_pooled_descriptions_never_reveal_their_category(kc, dossiers):
    """Descriptions of a small category are pooled "without category" — which hides nothing when only one
    category is hidden (the only category in the report, or the only small one beside large ones): the
    reader sees which category is "< 5" (Leuven trial). Then the pool is withheld, and the user is told on
    stderr; with two or more hidden categories it is published."""
    alle = _json(kc)  # informatiedeling (2) and geen-aanbod (1) are hidden: the pool may come from either
    assert len(alle["omschrijvingen_kleine_categorieen"]) == 1
    uit = kc.ok("beleidssignalen", "--json", "--regio", "ifg-west-vlaanderen")  # one category only, small
    data = json.loads(uit.stdout)
    assert _per(data, "per_categorie", "categorie")["informatiedeling"] == "< 5"
    assert data["omschrijvingen_kleine_categorieen"] == []
    assert "[naam]" not in uit.stdout
    assert "maar één zo'n categorie" in " ".join(uit.stderr.split())
    # one small category beside a large one (pure rule)
    telling = knelpunten.tel([("leuven", [{"categorie": "wachtlijst", "dienst_soort": "cgg", "datum": "2026-03-01",
                                           "deelbaar": True, "omschrijving": f"wachten {i}"} for i in range(6)]
                               + [{"categorie": "middelen", "dienst_soort": "caw", "datum": "2026-03-01",
                                   "deelbaar": True, "omschrijving": "geen budget"} for _ in range(2)])])
    rapport = knelpunten.publiceer(telling, knelpunten.categorieen(), {})
    assert [c["aantal"] for c in rapport["categorieen"] if c["categorie"] == "middelen"] == ["< 5"]
    assert rapport["overige_omschrijvingen"] == [] and rapport["achtergehouden_omschrijvingen"] == 1
    # a second small category: the pool may come from either, so it is published
    telling = knelpunten.tel([("leuven", [{"categorie": c, "dienst_soort": "caw", "datum": "2026-03-01",
                                           "deelbaar": True, "omschrijving": f"tekst {c}"}
                                          for c in ("middelen", "wetgeving")])])
    assert knelpunten.publiceer(telling, knelpunten.categorieen(), {})["overige_omschrijvingen"] == [
        "tekst middelen", "tekst wetgeving"]
