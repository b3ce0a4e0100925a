"""`ketencli jaarcijfers` (issue 17 item 3, with items 4-6): 30 dossiers across three regions and two
years with known outcomes, imported through `dossier new --from` under the pinned clock (2026-11-23);
every figure of `--json`, the small-cell suppression ("< 5", statistiek.aantal), the CSV and the Word
report (read back with python-docx), and no name, birth date or free text of a dossier in any output."""

from __future__ import annotations

import json
import os
import re
import subprocess
import sys
import zipfile
from datetime import date, timedelta
from pathlib import Path
from typing import Any

import pytest
from docx import Document

from ketencli.methodiek import regios as regio_data

VOOR = ["Quirijn", "Xandrina", "Zeger", "Ottilie", "Berthold", "Wendelien", "Gommaar", "Isolde", "Fredegonde",
        "Hildebrand", "Ermelinde", "Radboud", "Sieglinde", "Tankred", "Walburga", "Evrard", "Clothilde", "Dagobert",
        "Adelheid", "Lambrecht", "Genoveva", "Waldemar", "Irmgard", "Theodulf", "Ragnhild", "Odilon", "Mechtild",
        "Everhard", "Kunigonde", "Sigebert"]
ACHTER = ["Oosterlinck", "Verschraegen", "Bruggeman", "Vanhoudenhove", "Temmerman", "Dewachter", "Schietekat",
          "Vervliet", "Moerenhout", "Kerckhofs", "Baeyens", "Cappuyns", "Lauwereys", "Vanderschaeghe", "Hertogs",
          "Bombeeck", "Crabbé", "Dierickx", "Everaert", "Fonteyne", "Goossenaerts", "Haesaerts", "Ingelbrecht",
          "Janssoone", "Kindermans", "Lemmens", "Mortelmans", "Nuyttens", "Opdebeeck", "Pypaert"]

PLAN_DAGEN = [60, 70, 75, 80, 90]  # CO3 2026: days from the start of casusregie to the first plan at the weegploeg
DUUR = [200, 210, 220, 230, 240]  # CO3 2026: days of casusregie until the afronding
WVL_PLAN_DAGEN = [10, 12, 14, 20, 30]  # West-Vlaanderen: the plan drafted at the overlegtafel


def _dossier(i: int, regio: str, aanmelding: date, conclusie: str, geheim: dict[str, list[str]], *,
             start_na: int = 3, kind_geboren: date = date(2016, 5, 1)) -> dict[str, Any]:
    """One dossier in the stored schema, with names, birth dates and free texts recorded in ``geheim``."""
    voor, fam = VOOR[i], ACHTER[i]
    vrij = f"VRIJETEKST{i:02d}ZEBRA"
    ico = aanmelding + timedelta(days=11)
    geboren = date(1975 + i % 15, 1 + i % 12, 2 + i % 20)
    geheim["namen"] += [voor, fam]
    geheim["datums"] += [geboren.isoformat(), kind_geboren.isoformat()]
    geheim["teksten"].append(vrij)
    d: dict[str, Any] = {
        "regio": regio, "gezin": f"Gezin {fam}",
        "fase": {"ketenaanpak-met-casusregie": "casusregie", "geen-ketenaanpak": "niet-ingestroomd",
                 "ketenaanpak-zonder-regisseur": "ketenaanpak-zonder-regisseur",
                 "herbespreking": "verkenning"}[conclusie],
        "aanmelding": {"datum": aanmelding.isoformat(), "waarom_nu": f"{vrij}: {voor} {fam} na een incident.",
                       "aanmelder": {"organisatie": "CAW Voorbeeld", "persoon": f"{voor} Aanmelder"}},
        "ico": {"datum": ico.isoformat(), "conclusie": conclusie,
                "advies": f"{vrij} advies: veiligheidsplan opmaken met {voor}."},
        "gezinsleden": [
            {"id": "m1", "naam": f"{voor} {fam}", "rollen": ["slachtoffer"], "geboortedatum": geboren.isoformat(),
             "instemming": {"datum": ico.isoformat()}, "notitie": f"{vrij} notitie"},
            {"id": "m2", "naam": f"Partner {fam}", "rollen": ["pleger"]},
            {"id": "m3", "naam": f"Kind {fam}", "rollen": ["kind"], "geboortedatum": kind_geboren.isoformat()},
        ],
        "betrokken_diensten": [{"id": "d1", "soort": "caw", "naam": "CAW Voorbeeld"}],
        "tijdlijn": [{"datum": aanmelding.isoformat(), "soort": "incident", "omschrijving": f"{vrij} slagen"}],
    }
    if conclusie == "ketenaanpak-met-casusregie":
        d["casusregie_start"] = (ico + timedelta(days=start_na)).isoformat()
    if conclusie == "herbespreking":
        d["ico"]["herbespreking_op"] = (ico + timedelta(days=14)).isoformat()
    if conclusie == "geen-ketenaanpak":
        d.pop("casusregie_start", None)
    return d


def _plan(start: date, dagen: int, *, tafel: str = "weegploeg", laat: bool = False, status: str = "besproken",
          deadline: bool = True) -> dict[str, Any]:
    zitting = start + timedelta(days=dagen)
    a = {"id": "a1", "tafel": tafel, "rol": "plan", "soort": "pva", "zitting": f"{zitting.isoformat()}T13:00:00",
         "status": status, "aangemaakt_op": (zitting - timedelta(days=4 if laat else 20)).isoformat(),
         "vraag": "VRAAGTEKST aan de tafel"}
    if deadline:
        a["deadline"] = f"{(zitting - timedelta(days=8)).isoformat()}T12:00:00"
    return a


def _kijkschema(datum: date, factoren: list[str]) -> dict[str, Any]:
    return {"datum": datum.isoformat(), "factoren": [
        {"factor": f, "staat": "aanwezig", "bij_wie": ["m1"], "motivering": "MOTIVERINGTEKST"} for f in factoren]}


def bouw(map_: Path) -> dict[str, list[str]]:
    """The 30 dossier files; returns the names, birth dates and free texts they hold."""
    geheim: dict[str, list[str]] = {"namen": [], "datums": [], "teksten": []}
    dossiers: list[dict[str, Any]] = []
    # CO3 Antwerpen 2026: 6 met casusregie (5 afgerond in 2026), 2 geen ketenaanpak, 2 zonder regisseur,
    # 2 herbespreking
    for k in range(6):
        d = _dossier(k, "co3-antwerpen", date(2026, 1, 5) + timedelta(days=14 * k), "ketenaanpak-met-casusregie",
                     geheim, kind_geboren=date(2011, 6, 1))
        start = date.fromisoformat(d["casusregie_start"])
        if k < 5:
            d["agenderingen"] = [_plan(start, PLAN_DAGEN[k])]
            afgerond = start + timedelta(days=DUUR[k])
            d["fase"] = "afgerond"
            d["afronding"] = {"gestart_op": afgerond.isoformat(),
                              "opvolging_tot": (afgerond + timedelta(days=182)).isoformat()}
            d["kijkschema"] = [
                _kijkschema(start, ["geweld-bedreiging", "geweld-eerder", "individu-middelenmisbruik",
                                    "interactie-stress-gezin"]),
                _kijkschema(afgerond - timedelta(days=5), ["geweld-eerder"])]
            d["ifg_profielen"] = ["situationeel-geweld"]
            d["betrokken_diensten"].append({"id": "d2", "soort": "ocj-sdj", "naam": "OCJ Voorbeeld"})
            if k == 0:  # a new pv ten days after the afronding: the repeat-incident signal
                d["tijdlijn"].append({"datum": (afgerond + timedelta(days=10)).isoformat(), "soort": "pv",
                                      "omschrijving": "PVTEKST bedreiging"})
        else:  # the sixth: in prison (annex D), its plan agendered after the weegploeg's deadline (planning's rule)
            d["agenderingen"] = [{"id": "a1", "tafel": "weegploeg", "rol": "plan", "soort": "pva",
                                  "zitting": "2026-11-24T13:00:00", "status": "ingediend",
                                  "aangemaakt_op": "2026-11-20"}]
            d["ifg_profielen"] = ["intiem-terrorisme"]
            d["gezinsleden"][1]["detentie"] = {"gevangenis": "merksplas", "soort": "veroordeeld"}
        dossiers.append(d)
    for k, conclusie in zip(range(6, 12), ["geen-ketenaanpak"] * 2 + ["ketenaanpak-zonder-regisseur"] * 2
                            + ["herbespreking"] * 2, strict=True):
        dossiers.append(_dossier(k, "co3-antwerpen", date(2026, 4, 6) + timedelta(days=7 * k), conclusie, geheim))
    # CO3 Antwerpen 2025: 6 met casusregie (5 still running in 2026, one of them reopened in 2026; one
    # afgerond in 2025 and afgesloten in 2026), 2 geen ketenaanpak
    for k in range(12, 18):
        d = _dossier(k, "co3-antwerpen", date(2025, 2, 3) + timedelta(days=14 * (k - 12)),
                     "ketenaanpak-met-casusregie", geheim)
        if k == 16:
            d["historie"] = [{"moment": "2026-04-01T10:00:00", "wat": "heropend: fase afgesloten → casusregie",
                              "reden": "HEROPENTEKST nieuwe feiten"}]
        if k == 17:
            d["fase"] = "afgesloten"
            d["afronding"] = {"gestart_op": "2025-12-01", "opvolging_tot": "2026-06-01", "afgesloten_op": "2026-06-05"}
        dossiers.append(d)
    for k in (18, 19):
        dossiers.append(_dossier(k, "co3-antwerpen", date(2025, 9, 1) + timedelta(days=7 * (k - 18)),
                                 "geen-ketenaanpak", geheim))
    # West-Vlaanderen 2026: 5 met casusregie (plan at the overlegtafel), 1 herbespreking
    for k in range(20, 25):
        d = _dossier(k, "ifg-west-vlaanderen", date(2026, 5, 4) + timedelta(days=7 * (k - 20)),
                     "ketenaanpak-met-casusregie", geheim)
        d["agenderingen"] = [_plan(date.fromisoformat(d["casusregie_start"]), WVL_PLAN_DAGEN[k - 20],
                                   tafel="overlegtafel", deadline=False)]
        dossiers.append(d)
    dossiers.append(_dossier(25, "ifg-west-vlaanderen", date(2026, 6, 15), "herbespreking", geheim))
    # Leuven 2026: 3 met casusregie, 1 geen ketenaanpak: every count small
    for k in range(26, 29):
        dossiers.append(_dossier(k, "leuven", date(2026, 7, 6) + timedelta(days=7 * (k - 26)),
                                 "ketenaanpak-met-casusregie", geheim))
    dossiers.append(_dossier(29, "leuven", date(2026, 8, 3), "geen-ketenaanpak", geheim))
    for n, d in enumerate(dossiers):
        (map_ / f"d{n:02d}.yaml").write_text(json.dumps(d, ensure_ascii=False), encoding="utf-8")
    return geheim


@pytest.fixture
def dertig(kc, tmp_path: Path) -> dict[str, list[str]]:
    map_ = tmp_path / "bron"
    map_.mkdir()
    geheim = bouw(map_)
    for bestand in sorted(map_.glob("d*.yaml")):
        kc.ok("dossier", "new", "--from", bestand, "--no-input")
    return geheim


def _blok(uit: dict[str, Any], regio: str) -> dict[str, Any]:
    return next(b for b in uit["regios"] if b["regio"] == regio)


def _ico(blok: dict[str, Any]) -> dict[str, Any]:
    return {c["conclusie"]: c["aantal"] for c in blok["ico_conclusies"]}


def test_every_figure_of_2026_per_region(kc, dertig):
    uit = json.loads(kc.ok("jaarcijfers", "--jaar", "2026", "--json").stdout)
    assert uit["jaar"] == 2026 and uit["peildatum"] == "2026-11-23" and uit["drempel_kleine_cel"] == 5
    assert [b["regio"] for b in uit["regios"]] == ["co3-antwerpen", "ifg-west-vlaanderen", "leuven"]
    assert uit["niet_gelezen"] == []
    co3 = _blok(uit, "co3-antwerpen")
    assert co3["regio_naam"] == "CO3 Antwerpen" and co3["jaar"] == 2026
    assert co3["aanmeldingen"] == 12
    assert _ico(co3) == {"ketenaanpak-met-casusregie": 6, "ketenaanpak-zonder-regisseur": "< 5",
                         "geen-ketenaanpak": "< 5", "herbespreking": "< 5"}
    per_maand = {m["maand"]: m["aantal"] for m in co3["aanmeldingen_per_maand"]}
    assert len(per_maand) == 12 and per_maand["2026-01"] == "< 5" and per_maand["2026-12"] == 0
    # 6 started in 2026 + 5 from 2025 still running (the one afgerond in 2025 is not)
    assert co3["in_casusregie"] == 11 and co3["casusregie_gestart"] == 6
    # D25 / L770: days to the first plan at the weegploeg, median and spread of 60, 70, 75, 80, 90
    assert co3["dagen_tot_eerste_weegploeg"] == {"tafel": "Weegploeg", "gezinnen": 5, "mediaan": 75,
                                                 "kwartiel_1": 70, "kwartiel_3": 80, "min": 60, "max": 90}
    assert co3["duur_casusregie_dagen"] == {"gezinnen": 5, "mediaan": 220, "kwartiel_1": 210, "kwartiel_3": 230,
                                            "min": 200, "max": 240}
    assert co3["afrondingen"] == 5 and co3["afsluitingen"] == "< 5" and co3["heropeningen"] == "< 5"
    # L724-737: one new pv within six months after the afronding; none of the six months is over yet
    assert co3["na_afronding"] == {"afgerond": 5, "opvolging_voorbij": 0, "nieuwe_feiten_binnen_zes_maanden": "< 5"}
    profielen = {p["profiel"]: p["gezinnen"] for p in co3["ifg_profielen"]}
    assert profielen == {"intiem-terrorisme": "< 5", "situationeel-geweld": 5, "opvoedstress": 0,
                         "langdurige-zorg": 0, "vechtscheiding": 0}
    risico = co3["risicofactoren"]
    assert risico["gezinnen"] == 5 and risico["minder_risicofactoren"] == 5
    assert {d["domein"]: (d["bij_instroom"], d["bij_afronding"]) for d in risico["per_domein"]} == {
        "geweld": (10, 5), "individu": (5, 0), "interactie": (5, 0), "professionele-ondersteuning": (0, 0),
        "sociale-ondersteuning": (0, 0), "kind": (0, 0)}
    assert co3["kinderen_ouder_dan_12"] == {"kinderen": 6, "gezinnen": 6}  # D16: born 2011, the 2025 ones 2016
    assert {b["bijlage"]: b["gezinnen"] for b in co3["bijlagen"]} == {"B": 5, "C": 0, "D": "< 5"}
    # the sixth plan was agendered after the weegploeg's deadline (Monday 12:00 the week before, D24)
    assert co3["agenderingen"] == [{"tafel": "weegploeg", "naam": "Weegploeg", "agenderingen": 6, "te_laat": "< 5"}]

    wvl = _blok(uit, "ifg-west-vlaanderen")
    assert wvl["aanmeldingen"] == 6 and wvl["in_casusregie"] == 5
    assert _ico(wvl) == {"ketenaanpak-met-casusregie": 5, "ketenaanpak-zonder-regisseur": 0, "geen-ketenaanpak": 0,
                         "herbespreking": "< 5"}
    # D26, D30: the plan is drafted at the overlegtafel, named so
    assert wvl["dagen_tot_eerste_weegploeg"] == {"tafel": "Overlegtafel", "gezinnen": 5, "mediaan": 14,
                                                 "kwartiel_1": 12, "kwartiel_3": 20, "min": 10, "max": 30}
    assert wvl["agenderingen"] == [{"tafel": "overlegtafel", "naam": "Overlegtafel", "agenderingen": 5, "te_laat": 0}]
    assert wvl["afrondingen"] == 0 and wvl["duur_casusregie_dagen"]["gezinnen"] == 0

    leuven = _blok(uit, "leuven")
    assert leuven["aanmeldingen"] == "< 5" and leuven["in_casusregie"] == "< 5"
    assert _ico(leuven)["ketenaanpak-met-casusregie"] == "< 5" and _ico(leuven)["geen-ketenaanpak"] == "< 5"


def test_2025_and_suppressed_medians(kc, dertig):
    uit = json.loads(kc.ok("jaarcijfers", "--jaar", "2025", "--json").stdout)
    assert [b["regio"] for b in uit["regios"]] == ["co3-antwerpen"]  # the others have nothing in 2025
    co3 = uit["regios"][0]
    assert co3["aanmeldingen"] == 8 and co3["in_casusregie"] == 6 and co3["casusregie_gestart"] == 6
    assert _ico(co3)["ketenaanpak-met-casusregie"] == 6 and _ico(co3)["geen-ketenaanpak"] == "< 5"
    assert co3["afrondingen"] == "< 5" and co3["afsluitingen"] == 0
    # one family afgerond in 2025: no median, no spread, the count suppressed
    assert co3["duur_casusregie_dagen"] == {"gezinnen": "< 5", "mediaan": None, "kwartiel_1": None,
                                            "kwartiel_3": None, "min": None, "max": None}
    # --regio: that region only, also when it has nothing in the year
    uit = json.loads(kc.ok("jaarcijfers", "--jaar", "2025", "--regio", "leuven", "--json").stdout)
    assert [b["regio"] for b in uit["regios"]] == ["leuven"] and uit["regios"][0]["aanmeldingen"] == 0


def _alle_getallen(node: Any, pad: str = "") -> list[tuple[str, Any]]:
    if isinstance(node, dict):
        return [x for k, v in node.items() for x in _alle_getallen(v, f"{pad}.{k}")]
    if isinstance(node, list):
        return [x for v in node for x in _alle_getallen(v, pad)]
    return [(pad, node)]


def test_no_count_from_1_to_4_is_published(kc, dertig):
    """Issue 17 item 4: every count below 5 is "< 5"; only medians, quartiles and extremes are other numbers."""
    for jaar in ("2025", "2026"):
        uit = json.loads(kc.ok("jaarcijfers", "--jaar", jaar, "--json").stdout)
        klein = [(p, v) for p, v in _alle_getallen(uit["regios"]) if isinstance(v, int) and not isinstance(v, bool)
                 and 1 <= v <= 4 and not re.search(r"mediaan|kwartiel|\.min$|\.max$", p)]
        assert klein == []
        assert "< 5" in json.dumps(uit)


def _geheimen_in(tekst: str, geheim: dict[str, list[str]]) -> list[str]:
    gevonden = [n for n in geheim["namen"] if re.search(rf"(?<!\w){re.escape(n)}(?!\w)", tekst)]
    for s in geheim["datums"]:
        d = date.fromisoformat(s)
        for vorm in (s, f"{d:%d/%m/%Y}", f"{d.day}/{d.month}/{d.year}"):
            if vorm in tekst:
                gevonden.append(vorm)
    gevonden += [t for t in geheim["teksten"] if t in tekst]
    gevonden += [t for t in ("VRAAGTEKST", "MOTIVERINGTEKST", "PVTEKST", "HEROPENTEKST", "Aanmelder") if t in tekst]
    return gevonden


def test_no_name_birth_date_or_free_text_in_any_output(kc, dertig, tmp_path):
    teksten = [kc.ok("jaarcijfers", "--jaar", j, "--json").stdout for j in ("2025", "2026")]
    csv_pad = tmp_path / "cijfers.csv"
    kc.ok("jaarcijfers", "--jaar", "2026", "--csv", csv_pad)
    teksten.append(csv_pad.read_text(encoding="utf-8-sig"))
    teksten.append(kc.ok("jaarcijfers", "--jaar", "2026", "--csv", "-").stdout)
    uit = kc.ok("jaarcijfers", "--jaar", "2026", "--uit", tmp_path)
    docx = tmp_path / "2026-11-23_jaarcijfers-2026.docx"
    assert docx.is_file() and str(docx) in uit.stdout.replace("\n", "")
    with zipfile.ZipFile(docx) as z:  # every part: body, headers, footers, properties
        teksten.append("\n".join(z.read(n).decode("utf-8", "replace") for n in z.namelist() if n.endswith(".xml")))
    # and the summary cache holds the facts without them too (it is owner-only, but it stays clean)
    for tekst in teksten:
        assert _geheimen_in(tekst, dertig) == []
    assert dertig["namen"] and dertig["teksten"]  # the check has something to find
    assert _geheimen_in(json.dumps(dertig), dertig)


def test_csv_one_row_per_figure(kc, dertig):
    uit = kc.ok("jaarcijfers", "--jaar", "2026", "--csv", "-").stdout
    rijen = [r.split(";") for r in uit.strip().splitlines()]
    assert rijen[0] == ["regio", "regio_naam", "jaar", "onderdeel", "cijfer", "omschrijving", "waarde"]
    per_cijfer = {(r[0], r[4]): r[6] for r in rijen[1:]}
    assert per_cijfer[("co3-antwerpen", "aanmeldingen")] == "12"
    assert per_cijfer[("co3-antwerpen", "ico_conclusies.ketenaanpak-zonder-regisseur")] == "< 5"
    assert per_cijfer[("co3-antwerpen", "dagen_tot_eerste_weegploeg.mediaan")] == "75"
    assert per_cijfer[("leuven", "aanmeldingen")] == "< 5"
    assert per_cijfer[("co3-antwerpen", "aanmeldingen_per_maand.2026-01")] == "< 5"


def test_word_report_with_charts_in_dutch(kc, dertig, tmp_path):
    kc.ok("jaarcijfers", "--jaar", "2026", "--uit", tmp_path / "cijfers.docx")
    doc = Document(str(tmp_path / "cijfers.docx"))
    tekst = "\n".join(p.text for p in doc.paragraphs)
    cellen = "\n".join(c.text for t in doc.tables for r in t.rows for c in r.cells)
    assert "Jaarcijfers 2026" in tekst
    for regio in ("CO3 Antwerpen", "Ketenaanpak IFG West-Vlaanderen", "Ketenaanpak IFG Leuven"):
        assert regio in tekst
    assert "Figuur 1." in tekst and "Aanmeldingen per maand" in tekst and "Hoe lees je deze cijfers" in tekst
    assert "mediaan 75 dagen" in cellen and "< 5" in cellen
    assert "op de weegploeg" in cellen and "op de overlegtafel" in cellen  # D30: the region's own table
    # no empty section: Leuven has no afronding, so no section about it under Leuven
    leuven = tekst.split("Ketenaanpak IFG Leuven")[-1].split("Hoe lees je")[0]
    assert "Risicofactoren bij instroom" not in leuven and "Na de afronding" not in leuven
    with zipfile.ZipFile(tmp_path / "cijfers.docx") as z:
        beelden = [n for n in z.namelist() if n.startswith("word/media/")]
    assert len(beelden) >= 5  # the bars, the months, the spread, the tables, the risk factors
    # a second run refuses to overwrite without --overschrijf
    nog = kc("jaarcijfers", "--jaar", "2026", "--uit", tmp_path / "cijfers.docx")
    assert nog.exit_code == 1 and "--overschrijf" in nog.output
    kc.ok("jaarcijfers", "--jaar", "2026", "--uit", tmp_path / "cijfers.docx", "--overschrijf")


def test_reports_name_regions_and_tables_as_the_settings_do(kc, dertig, thuis, tmp_path):
    """`beleidssignalen` and `jaarcijfers` named the regions with the built-in names (Leuven trial): a region's
    name set in regio.yaml (``naam`` under the region) is its name in both reports, as in every other
    output (documents, `dossier show`, `regio toon`), and so are its tables (D30, the region's words)."""
    (thuis / "config").mkdir(exist_ok=True)
    (thuis / "config" / "regio.yaml").write_text(
        "leuven:\n  naam: IFG-ketenaanpak arrondissement Leuven\n"
        "ifg-west-vlaanderen:\n  tafels:\n    overlegtafel:\n      naam: Casustafel Brugge\n", encoding="utf-8")
    cijfers = json.loads(kc.ok("jaarcijfers", "--jaar", "2026", "--json").stdout)
    assert _blok(cijfers, "leuven")["regio_naam"] == "IFG-ketenaanpak arrondissement Leuven"
    assert _blok(cijfers, "ifg-west-vlaanderen")["agenderingen"][0]["naam"] == "Casustafel Brugge"
    csv_tekst = kc.ok("jaarcijfers", "--jaar", "2026", "--csv", "-").stdout
    assert "leuven;IFG-ketenaanpak arrondissement Leuven;" in csv_tekst
    kc.ok("jaarcijfers", "--jaar", "2026", "--uit", tmp_path / "cijfers.docx")
    kc.ok("beleidssignalen", "--regio", "leuven", "--uit", tmp_path / "signalen.docx")
    for naam in ("cijfers.docx", "signalen.docx"):
        doc = Document(str(tmp_path / naam))
        tekst = "\n".join(p.text for p in doc.paragraphs) + "\n".join(
            c.text for t in doc.tables for r in t.rows for c in r.cells)
        assert "IFG-ketenaanpak arrondissement Leuven" in tekst and "Ketenaanpak IFG Leuven" not in tekst, naam
    # the dossier's own outputs say it too
    leuven = next(p.name for p in (thuis / "dossiers").iterdir()
                  if "regio: leuven" in (p / "dossier.yaml").read_text(encoding="utf-8"))
    assert "IFG-ketenaanpak arrondissement Leuven" in " ".join(kc.ok("dossier", "show", leuven).stdout.split())
    kc.ok("doc", leuven, "aanmelding", "--uit", tmp_path / "aanmelding.docx")
    doc = Document(str(tmp_path / "aanmelding.docx"))
    assert "IFG-ketenaanpak arrondissement Leuven" in "\n".join(c.text for t in doc.tables for r in t.rows
                                                               for c in r.cells)
    # an empty name is refused with the file and the place
    (thuis / "config" / "regio.yaml").write_text("leuven:\n  naam: '  '\n", encoding="utf-8")
    fout = kc("regio", "toon", "leuven")
    assert fout.exit_code == 1 and "naam van de regio" in fout.output and "regio.yaml" in fout.output


def test_default_place_and_an_empty_year(kc, dertig, thuis):
    uit = kc.ok("jaarcijfers", "--jaar", "2026")
    assert (thuis / "rapporten" / "2026-11-23_jaarcijfers-2026.docx").is_file()
    assert "rapporten" in uit.stdout.replace("\n", "")
    leeg = kc("jaarcijfers", "--jaar", "2019")
    assert leeg.exit_code == 1 and "geen cijfers voor 2019" in leeg.output.replace("\n", " ")
    assert json.loads(kc.ok("jaarcijfers", "--jaar", "2019", "--json").stdout)["regios"] == []
    # a year after today's (the clock: 2026-11-23) is refused, not an empty report (Leuven trial);
    # the running year counts up to today
    for extra in ((), ("--json",), ("--csv", "-")):
        later = kc("jaarcijfers", "--jaar", "2027", *extra)
        assert later.exit_code == 2 and later.stdout == "", extra
        assert "--jaar 2027 ligt in de toekomst" in " ".join(later.stderr.split()) and "2026" in later.stderr
    assert not list((thuis / "rapporten").glob("*jaarcijfers-2027*"))
    beide = kc("jaarcijfers", "--json", "--csv", "-")
    assert beide.exit_code == 2 and "kies er één" in beide.output
    samen = kc.ok("jaarcijfers", "--jaar", "2025", "--json", "--uit", thuis.parent)
    assert json.loads(samen.stdout)["jaar"] == 2025  # stdout stays JSON: the note goes to stderr
    assert (thuis.parent / "2026-11-23_jaarcijfers-2025.docx").is_file()  # --uit: the document too
    onbekend = kc("jaarcijfers", "--regio", "gent")
    assert onbekend.exit_code == 2 and "co3-antwerpen" in onbekend.output
    assert "Traceback" not in leeg.output + onbekend.output


def test_the_report_template_is_checked_like_the_others(kc):
    uit = kc.ok("templates", "check", Path(__file__).resolve().parent.parent / "templates" / "jaarcijfers.docx")
    assert "in orde" in uit.stdout


def test_region_words_are_the_regions_tables():
    # the plan tables named in the figures are the regions' own (D26, D30)
    assert regio_data.woorden_van("ifg-west-vlaanderen")["plan_kort"] == "Overlegtafel"
    assert regio_data.woorden_van("leuven")["plan_kort"] == "Operationeel team"


def test_warm_path_reads_no_dossier(kc, dertig, monkeypatch):
    """Issue 17 item 5 (D15): the figures come from the per-file summary cache; once it is warm no dossier
    file is read again (and the figures are the same)."""
    from ketencli import store

    eerst = kc.ok("jaarcijfers", "--jaar", "2026", "--json").stdout
    gelezen: list[str] = []
    echte_laad = store.laad
    monkeypatch.setattr(store, "laad", lambda i, *a, **k: gelezen.append(i) or echte_laad(i, *a, **k))
    assert kc.ok("jaarcijfers", "--jaar", "2026", "--json").stdout == eerst
    assert gelezen == []


@pytest.mark.skipif(sys.platform == "win32", reason="subprocess environment")
def test_json_imports_no_model_yaml_holidays_or_matplotlib(kc, dertig):
    kc.ok("jaarcijfers", "--json")  # fills the cache
    code = (
        "import sys, json\n"
        "from ketencli import start\n"
        "sys.argv = ['ketencli', 'jaarcijfers', '--json']\n"
        "try:\n    start.main()\nexcept SystemExit:\n    pass\n"
        "zwaar = [m for m in ('ketencli.model', 'ketencli.store', 'yaml', 'holidays', 'docxtpl', 'matplotlib',\n"
        "                     'pydantic') if m in sys.modules]\n"
        "sys.stderr.write('ZWAAR=' + json.dumps(zwaar))\n"
    )
    uit = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, env=os.environ.copy(),
                         cwd=Path(__file__).parent.parent, timeout=60)
    assert "ZWAAR=[]" in uit.stderr, uit.stderr[-500:]


def test_libreoffice_converts_the_report_and_its_text_is_dutch(kc, dertig, tmp_path):
    import shutil

    soffice = shutil.which("soffice") or shutil.which("libreoffice")
    if soffice is None and os.environ.get("KETENCLI_CI"):
        pytest.fail("KETENCLI_CI is gezet maar LibreOffice (soffice) ontbreekt")
    if soffice is None:
        pytest.skip("LibreOffice (soffice) is niet geïnstalleerd")
    docx = tmp_path / "jaarcijfers.docx"
    kc.ok("jaarcijfers", "--jaar", "2026", "--uit", docx)
    subprocess.run([soffice, f"-env:UserInstallation=file://{tmp_path / 'lo'}", "--headless", "--convert-to", "pdf",
                    "--outdir", str(tmp_path), str(docx)], capture_output=True, timeout=300, check=False)
    pdf = tmp_path / "jaarcijfers.pdf"
    assert pdf.is_file() and pdf.read_bytes().startswith(b"%PDF")
    if shutil.which("pdftotext"):
        tekst = subprocess.run(["pdftotext", str(pdf), "-"], capture_output=True, text=True, check=True).stdout
        assert "Figuur 1." in tekst and "Hoe lees je deze cijfers" in tekst
        assert _geheimen_in(tekst, dertig) == []


def test_a_region_without_data_in_the_year_gives_no_empty_report(kc, dertig, tmp_path):
    """West-Vlaanderen has no dossier in 2025: `--regio` then makes no document with only a heading (no
    empty sections); the JSON still holds its block of zeros."""
    uit = kc("jaarcijfers", "--jaar", "2025", "--regio", "ifg-west-vlaanderen", "--uit", tmp_path / "leeg.docx")
    assert uit.exit_code == 1, uit.output
    assert "geen cijfers voor 2025 in Ketenaanpak IFG West-Vlaanderen" in uit.stderr.replace("\n", " ")
    assert not (tmp_path / "leeg.docx").exists()
    blok = _blok(json.loads(kc.ok("jaarcijfers", "--jaar", "2025", "--regio", "ifg-west-vlaanderen",
                                  "--json").stdout), "ifg-west-vlaanderen")
    assert blok["aanmeldingen"] == 0


def test_one_small_month_cannot_be_computed_from_the_year(kc, tmp_path):
    """The months add up to the year's aanmeldingen: with 5 in March and 1 in April, "6 aanmeldingen, March 5,
    April < 5" gives April away (6 - 5 = 1). A second month is hidden as "x" (secondary suppression)."""
    for dag in ["2026-03-02", "2026-03-03", "2026-03-04", "2026-03-05", "2026-03-06", "2026-04-01"]:
        kc.ok("dossier", "new", "--regio", "leuven", "--gezin", "Gezin", "--datum", dag, "--no-input")
    blok = _blok(json.loads(kc.ok("jaarcijfers", "--jaar", "2026", "--json").stdout), "leuven")
    maanden = {m["maand"]: m["aantal"] for m in blok["aanmeldingen_per_maand"]}
    assert blok["aanmeldingen"] == 6
    assert (maanden["2026-03"], maanden["2026-04"]) == ("x", "< 5")
    csv_tekst = kc.ok("jaarcijfers", "--jaar", "2026", "--csv", "-").stdout
    assert "aanmeldingen_per_maand.2026-03;Aanmeldingen in 2026-03;x" in csv_tekst
    kc.ok("jaarcijfers", "--jaar", "2026", "--uit", tmp_path / "c.docx")
    assert "onderbroken lijn" in "\n".join(p.text for p in Document(tmp_path / "c.docx").paragraphs)
