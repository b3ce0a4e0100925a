"""`ketencli beleidssignalen`: the knelpunten of all dossiers, counted and anonymous, for the stuurgroep
(issue 17 items 2, 4, 5, 6).

Reads the per-file summary cache (``index``, D15): each summary holds the dossier's knelpunten as
``index._knelpunten`` keeps them (category, the kind of service, date, deelbaar, and only for a deelbaar
one its anonymised description), so a warm run loads no dossier. ``methodiek.knelpunten`` counts and
publishes: every count from 1 to 4 as "< 5", a count that would reveal one as "x". Output: a Word
document (template ``beleidssignalen.docx``, restylable with `ketencli templates export`) with a bar chart
(matplotlib, imported here only), ``--json`` or ``--csv``. Nothing of it names a family, a person or a
service: no names, no birth dates, no free text that was not marked deelbaar.
"""

from __future__ import annotations

import csv
import io
from datetime import date
from pathlib import Path
from typing import Any

import typer

from ketencli.fouten import GebruiksFout


def beleidssignalen(
    regio: str | None = typer.Option(None, "--regio", metavar="REGIO",
                                     help="Alleen deze regio: co3-antwerpen, ifg-west-vlaanderen of leuven."),
    van: str | None = typer.Option(None, "--van", metavar="DATUM", help="Knelpunten vanaf deze datum."),
    tot: str | None = typer.Option(None, "--tot", metavar="DATUM", help="Knelpunten tot en met deze datum."),
    als_json: bool = typer.Option(False, "--json", help="Schrijf de cijfers als JSON (voor scripts)."),
    csv_pad: Path | None = typer.Option(None, "--csv", metavar="BESTAND",
                                        help="Schrijf de cijfers als CSV naar dit bestand ('-' = het scherm)."),
    uit: Path | None = typer.Option(None, "--uit", metavar="PAD",
                                    help="Waar het Word-document komt (een bestand .docx of een map; standaard de "
                                         "map rapporten in je ketencli-map)."),
    overschrijf: bool = typer.Option(False, "--overschrijf", help="Vervang een document dat er al staat."),
    openen: bool = typer.Option(False, "--open", help="Open het document na het maken."),
) -> None:
    """Beleidssignalen: de knelpunten van alle dossiers per categorie en soort dienst, anoniem, voor de
    stuurgroep. Aantallen van 1 tot 4 staan er als "< 5". Standaard een Word-document met een grafiek."""
    # light on purpose (D15): no model, no settings file, no YAML on the warm path; the index holds what is needed
    from ketencli import index, klok, statistiek, ui
    from ketencli.commands.opties import datum_optie
    from ketencli.commands.weergave import regio_woorden
    from ketencli.methodiek import knelpunten
    from ketencli.methodiek.aanmelding import DIENST_LABELS

    namen = {key: w["regio_naam"] for key, w in regio_woorden()[1].items()}  # as the settings name them (D30)
    if regio is not None and regio not in namen:
        raise GebruiksFout(f"--regio {regio!r} ken ik niet; kies uit: {', '.join(namen)}.")
    begin, einde = datum_optie(van, "--van"), datum_optie(tot, "--tot")
    if begin and einde and einde < begin:
        raise GebruiksFout(f"--tot {einde:%d/%m/%Y} ligt voor --van {begin:%d/%m/%Y}.")
    if als_json and csv_pad is not None:
        raise GebruiksFout("Kies --json of --csv, niet allebei.")
    vandaag = klok.vandaag()
    if begin and begin > vandaag:  # an empty report for the stuurgroep would read as "no knelpunten"
        raise GebruiksFout(f"--van {begin:%d/%m/%Y} ligt in de toekomst (vandaag is {vandaag:%d/%m/%Y}): "
                           "daar zijn nog geen knelpunten.",
                           tip=f"Kies een begindatum tot vandaag, bv. --van 01/01/{vandaag.year}.")
    rijen = index.samenvattingen()
    onleesbaar = [r.id for r in rijen if r.fout]
    telling = knelpunten.tel(((r.regio, r.knelpunten) for r in rijen if not r.fout), regio=regio, van=begin,
                             tot=einde)
    rapport = knelpunten.publiceer(telling, knelpunten.categorieen(), DIENST_LABELS)
    for x in rapport["regios"]:
        x["label"] = namen.get(x["regio"], x["regio"])
    rapport |= {"regio": regio, "regio_naam": namen[regio] if regio else "alle regio's",
                "van": begin.isoformat() if begin else None, "tot": einde.isoformat() if einde else None,
                "periode_tekst": _periode(begin, einde), "kleine_cel": statistiek.KLEINE_CEL}
    if rapport["achtergehouden_omschrijvingen"]:  # the user's screen (stderr), never the report
        ui.melding(f"{rapport['achtergehouden_omschrijvingen']} deelbare omschrijving(en) uit een categorie met "
                   "een klein aantal staan niet in het rapport: er is maar één zo'n categorie, dus zonder categorie "
                   "zouden ze toch tonen over welke categorie het gaat.")
    if onleesbaar:  # never silently fewer: the ids (no names) on stderr
        ui.melding(f"{len(onleesbaar)} dossier(s) konden niet gelezen worden en tellen niet mee: "
                   f"{', '.join(onleesbaar)}.")
    if als_json:
        ui.schrijf_json(_json(rapport))
        return
    if csv_pad is not None:
        _schrijf_csv(rapport, csv_pad)
        return
    pad = _schrijf_word(rapport, uit, vandaag, overschrijf)
    ui.gelukt(f"Beleidssignalen bewaard: {pad}")
    if openen:
        from ketencli.commands.weergave import open_bestand

        open_bestand(pad, "Het document", "Open het zelf vanuit je verkenner.")


def _periode(begin: date | None, einde: date | None) -> str:
    from ketencli.render import nl_datum

    if begin and einde:
        return f"van {nl_datum(begin, dag=False)} tot en met {nl_datum(einde, dag=False)}"
    if begin:
        return f"vanaf {nl_datum(begin, dag=False)}"
    if einde:
        return f"tot en met {nl_datum(einde, dag=False)}"
    return "alle knelpunten tot nu"


def _json(rapport: dict[str, Any]) -> dict[str, Any]:
    """The published figures (D11: plain JSON): counts are numbers, "< 5" or "x"."""
    return {
        "rapport": "beleidssignalen",
        "regio": rapport["regio"], "regio_naam": rapport["regio_naam"], "van": rapport["van"], "tot": rapport["tot"],
        "kleine_cel": rapport["kleine_cel"],
        "knelpunten": rapport["totaal"], "dossiers_met_knelpunten": rapport["dossiers"],
        "per_categorie": [{"categorie": c["categorie"], "label": c["label"], "aantal": c["aantal"],
                           "per_dienst": [{"dienst": x["dienst"], "aantal": x["aantal"]} for x in c["per_dienst"]],
                           "omschrijvingen": c["omschrijvingen"]} for c in rapport["categorieen"]],
        "per_dienst": [{"dienst": x["dienst"], "aantal": x["aantal"]} for x in rapport["diensten"]],
        "per_regio": [{"regio": x["regio"], "regio_naam": x["label"], "aantal": x["aantal"]}
                      for x in rapport["regios"]],
        "omschrijvingen_kleine_categorieen": rapport["overige_omschrijvingen"],
    }


def _csv_tekst(rapport: dict[str, Any]) -> str:
    """One row per figure: wat (totaal, categorie, categorie-dienst, dienst, regio), sleutels, label, aantal.
    Separated by ';' (Excel in Belgium); descriptions are not in the CSV."""
    buffer = io.StringIO()
    schrijver = csv.writer(buffer, delimiter=";", lineterminator="\n")
    schrijver.writerow(["wat", "categorie", "dienst", "regio", "label", "aantal"])
    schrijver.writerow(["totaal", "", "", rapport["regio"] or "", rapport["regio_naam"], rapport["totaal"]])
    for c in rapport["categorieen"]:
        schrijver.writerow(["categorie", c["categorie"], "", "", c["label"], c["aantal"]])
        for x in c["per_dienst"]:
            schrijver.writerow(["categorie-dienst", c["categorie"], x["dienst"], "", f"{c['label']} – {x['label']}",
                                x["aantal"]])
    for x in rapport["diensten"]:
        schrijver.writerow(["dienst", "", x["dienst"], "", x["label"], x["aantal"]])
    for x in rapport["regios"]:
        schrijver.writerow(["regio", "", "", x["regio"], x["label"], x["aantal"]])
    return buffer.getvalue()


def _schrijf_csv(rapport: dict[str, Any], pad: Path) -> None:
    from ketencli.commands.weergave import schrijf_csv

    schrijf_csv(pad, _csv_tekst(rapport), f"{_basisnaam(rapport)}.csv")


def _basisnaam(rapport: dict[str, Any]) -> str:
    from ketencli import klok

    delen = [klok.vandaag().isoformat(), "beleidssignalen"]
    if rapport["regio"]:
        delen.append(rapport["regio"])
    if rapport["van"] or rapport["tot"]:
        delen.append(f"{rapport['van'] or ''}_{rapport['tot'] or ''}".strip("_"))
    return "_".join(delen)


def _schrijf_word(rapport: dict[str, Any], uit: Path | None, vandaag: date, overschrijf: bool) -> Path:
    """The Word report through the one report path (``documenten.schrijf_rapport``: where it goes, an existing
    file, a missing folder), like `jaarcijfers`."""
    from ketencli import documenten, render

    grafiek = _grafiek(rapport) if rapport["totaal"] != 0 else None
    context = documenten.context_beleidssignalen(
        rapport, vandaag, grafiek=render.Afbeelding(grafiek, 16.0) if grafiek else None)
    return documenten.schrijf_rapport("beleidssignalen", context, f"{_basisnaam(rapport)}.docx", doel=uit,
                                      overschrijf=overschrijf)


def _grafiek(rapport: dict[str, Any]) -> bytes | None:
    """The bar chart of the knelpunten per category (``grafieken.per_categorie``); None when none has one."""
    from ketencli import grafieken

    rijen = [c for c in rapport["categorieen"] if c["aantal"] != 0]
    if not rijen:
        return None
    return grafieken.per_categorie([c["label"] for c in rijen], [c["aantal"] for c in rijen],
                                   as_x="Aantal knelpunten")
