"""Knelpunten in the chain, passed on as beleidssignalen (issue 17; CO3 folder L12 and the West-Vlaanderen
folder L11: "Knelpunten worden doorgegeven als beleidssignaal").

A regisseur meets the chain's bottlenecks case by case (a waiting list, no shelter, a partner who will not
share information, a justice measure that came too late); the coordinator brings them, counted and
anonymous, to the stuurgroep. This module holds, as pure data and functions (no I/O):

- ``CATEGORIEEN``: the method's categories (key → Dutch label); a coordinator adds categories per region in
  the region settings (``knelpunt_categorieen`` in ``regio.yaml``, applied by ``regios.toepassen``);
  ``categorieen(regio)`` gives both, ``zoek_categorie`` reads what a user typed ("justitiële doorlooptijd",
  "Geen aanbod") and ``dichtste_categorieen`` suggests ("bedoel je ...?");
- ``anonimiseer(tekst, namen)``: a description as it may leave the regisseur's laptop (only for knelpunten
  marked ``deelbaar``): names of the family, its services and the people around it, every date, street
  address, postcode, phone number, e-mail address and national number replaced by a neutral word;
- ``tel`` and ``publiceer``: the aggregation over dossier summaries and its published form, with
  small-cell suppression (``statistiek.aantal``) and secondary suppression of a total or a neighbour that
  would let a reader compute a suppressed count back (``verberg_afleidbare``).
"""

from __future__ import annotations

import difflib
import re
import unicodedata
from collections.abc import Iterable, Mapping, Sequence
from datetime import date
from typing import Any

from ketencli import statistiek
from ketencli.methodiek import pseudoniem

# The method's categories (issue 17 item 1), in the order reports show them; "ander" last.
CATEGORIEEN: dict[str, str] = {
    "wachtlijst": "Wachtlijst",
    "geen-aanbod": "Geen (passend) aanbod",
    "informatiedeling": "Informatiedeling",
    "justitiele-doorlooptijd": "Justitiële doorlooptijd",
    "samenwerking": "Samenwerking tussen partners",
    "middelen": "Middelen (tijd, personeel, geld)",
    "wetgeving": "Wetgeving en regelgeving",
    "ander": "Ander knelpunt",
}
CATEGORIE_VORM = re.compile(r"[a-z0-9]+(?:-[a-z0-9]+)*")
KNELPUNT_ID = re.compile(r"k\d+")

# what a description becomes where something identifying stood
NAAM, DIENST, DATUM, ADRES, TELEFOON, EMAIL, NUMMER = ("[naam]", "[dienst]", "[datum]", "[adres]", "[telefoon]",
                                                        "[e-mail]", "[nummer]")
# secondary suppression: a count hidden because it would reveal a count under 5 (not itself small)
VERBORGEN = "x"


def _vouw(tekst: str) -> str:
    """Lowercase, without accents, spaces and underscores as hyphens: "Justitiële doorlooptijd" →
    "justitiele-doorlooptijd"."""
    zonder = unicodedata.normalize("NFKD", tekst).encode("ascii", "ignore").decode("ascii")
    return re.sub(r"[\s_]+", "-", zonder.strip().casefold())


def categorieen(extra: Mapping[str, str] | Iterable[tuple[str, str]] | None = None) -> dict[str, str]:
    """The method's categories followed by a region's own (``Regio.knelpunt_categorieen``); "ander" stays
    last. A region may relabel a built-in category by using its key."""
    extra = dict(extra or {})
    uit = {k: extra.pop(k, v) for k, v in CATEGORIEEN.items() if k != "ander"}
    uit.update(extra)
    uit["ander"] = CATEGORIEEN["ander"] if "ander" not in dict(extra) else extra["ander"]
    return uit


def zoek_categorie(waarde: str, bekend: Mapping[str, str]) -> str | None:
    """The key of the category the user typed (its key or its label, case and accents ignored), or None."""
    gevouwen = _vouw(waarde)
    for key, label in bekend.items():
        if gevouwen in (key, _vouw(label)):
            return key
    return None


def dichtste_categorieen(waarde: str, bekend: Mapping[str, str], n: int = 2) -> list[str]:
    """Category keys closest to a mistyped one, best first (for "bedoel je ...?")."""
    gevouwen = _vouw(waarde)
    kandidaten = {key: key for key in bekend} | {_vouw(label): key for key, label in bekend.items()}
    gevonden = difflib.get_close_matches(gevouwen, list(kandidaten), n=n * 2, cutoff=0.5)
    # a prefix ("wacht", "justitie") is a near miss too
    gevonden += [k for k in kandidaten if len(gevouwen) >= 4 and k.startswith(gevouwen)]
    return list(dict.fromkeys(kandidaten[k] for k in gevonden))[:n]


def label(key: str, bekend: Mapping[str, str] | None = None) -> str:
    """The Dutch label of a category; an unknown key (a category the settings no longer hold) as itself."""
    return (bekend or {}).get(key) or CATEGORIEEN.get(key) or key


# -- anonymisation ----------------------------------------------------------------------------------------

_MAANDEN = "|".join(pseudoniem.MAANDEN)
_DAGEN = "maandag|dinsdag|woensdag|donderdag|vrijdag|zaterdag|zondag"
_DAG, _MAAND = r"(?:0?[1-9]|[12]\d|3[01])", r"(?:0?[1-9]|1[0-2])"
_DATUMS = (
    re.compile(r"(?<!\d)\d{4}-\d{1,2}-\d{1,2}(?!\d)"),  # 2026-03-02
    re.compile(rf"(?<![\d/.-]){_DAG}\s?[./-]\s?{_MAAND}\s?[./-]\s?(?:\d{{4}}|\d{{2}})(?![\d/.-])"),  # 2/3/2026
    re.compile(rf"(?<![\d/.-]){_DAG}/{_MAAND}(?![\d/.-])"),  # 2/3
    re.compile(rf"(?:(?:{_DAGEN})\s+)?\d{{1,2}}(?:e|ste|de)?\s+(?:{_MAANDEN}|jan|feb|mrt|apr|jun|jul|aug|sept|sep|okt"
               rf"|nov|dec)\.?(?:\s+\d{{2,4}})?(?!\w)", re.I),  # 3 maart 2026, maandag 3 maart, 3 mrt.
    re.compile(rf"\b(?:{_MAANDEN})\s+\d{{4}}\b", re.I),  # maart 2026
)
# a Belgian national number (rijksregisternummer): 85.07.30-033.61 or 85073003361
_NUMMER = re.compile(r"(?<!\d)\d{2}[.\s]?\d{2}[.\s]?\d{2}[-.\s]?\d{3}[.\s]?\d{2}(?!\d)")
# postcode and municipality ("2000 Antwerpen"), a street with a number in any case ("kerkstraat 12")
_POSTCODE = re.compile(r"(?<!\d)[1-9]\d{3}\s+[A-ZÀ-Ý][\w'’-]+")
# ... also as a capitalised word of its own ("Grote Markt 1"), with "nr." ("Tiensestraat nr. 5"), and in French
# ("Rue de la Loi 16", "Avenue Louise 5")
_HUISNUMMER = r"\s*,?\s+(?:(?:nr|n°|no)\.?\s*|nummer\s+)?\d+[a-zA-Z]?(?![\w])(?:\s*(?:bus|/)\s*\d+)?"
_STRAAT = re.compile(
    r"(?:\b(?-i:[A-ZÀ-Ý])[\w'’-]*\s+(?-i:Markt|Plein|Straat|Laan|Lei|Dreef|Kaai|Vest|Ring|Steenweg|Weg|Baan)"
    r"|\b[\w'’-]+(?:straat|laan|lei|plein|steenweg|weg|dreef|baan|kaai|markt|hof|pad|singel|vest|dijk|wijk|"
    r"berg|veld|dal|park|plaats|ring|gracht|kouter|heide|beemd|meers|akker|hoek)"
    r"|\b(?:rue|avenue|chauss[ée]e|place|boulevard|square|quai|drève|clos|impasse)(?:\s+[\w'’-]+){1,4}?)"
    + _HUISNUMMER, re.I)
# a year of birth ("°1938", "° 1938", "geboren in 1938"), an IBAN account number, a pv number ("AN.12.L1.123456/26")
_GEBOORTEJAAR = re.compile(r"(?:°\s?|\bgeboren\s+(?:in\s+)?)(?:19|20)\d{2}\b", re.I)
_IBAN = re.compile(r"\b[A-Z]{2}\d{2}(?:\s?[A-Z0-9]{4}){2,7}(?:\s?[A-Z0-9]{1,3})?\b")
_PV = re.compile(r"\b[A-Z]{2}\.\d{2}\.[A-Z0-9]{2}\.\d{3,7}/\d{2,4}\b")
_EMAIL = re.compile(r"[\w.+-]+\s?(?:@|\(at\)|\[at\])\s?[\w-]+(?:\.[\w-]+)+", re.I)
# a phone number: 0470 12 34 56, 03-555.20.00, +32 (0)470/12.34.56, 0031 6 12345678
_TELEFOON = re.compile(r"(?<![\w+])(?:(?:\+\s?|00)\d{2,3}\s?(?:\(0\))?|0)[\s./-]?\d{1,3}"
                       r"(?:[\s./-]?\d{2,3}){2,3}(?![\w])")
_WOORD = re.compile(r"[^\W\d_]+(?:['’][^\W\d_]+)?")
# words of a service's or organisation's name that name its kind, not the organisation itself: they stay
_GEWONE_DIENSTWOORDEN = {
    "cgg", "caw", "ocmw", "clb", "vk", "ocj", "sdj", "psd", "jww", "jwa", "jwt", "politie", "politiezone", "parket",
    "justitiehuis", "huisarts", "slachtofferhulp", "kind", "gezin", "centrum", "dienst", "vertrouwenscentrum",
    "kindermishandeling", "jongerenwelzijn", "osd", "sociaal", "huis", "lokale", "federale", "zone",
    "geestelijke", "gezondheidszorg", "algemeen", "welzijnswerk", "justitieel", "consulent", "team", "afdeling",
}


def _varianten(woord: str) -> set[str]:
    """A name as typed, without accents, and with either apostrophe ("O'Brien", "O’Brien"); a word that
    folds to nothing (another script) stays as it is."""
    uit = set()
    for w in {woord, woord.replace("'", "’"), woord.replace("’", "'")}:
        uit |= {w, unicodedata.normalize("NFKD", w).encode("ascii", "ignore").decode("ascii")}
    return {w for w in uit if re.search(r"[^\W\d_]{2}", w)}


def namen_van(dossier: Any) -> tuple[list[str], list[str]]:
    """(person names, organisation names) of a dossier that a description must not carry: its members,
    the gezin label, the regisseur, the aanmelder, the services' names and contact persons, the people of
    the veiligheidsplan. Duck-typed on ``model.Dossier``."""
    personen = [lid.naam for lid in dossier.gezinsleden] + [dossier.gezin]
    personen += [dossier.casusregisseur.naam, dossier.aanmelding.aanmelder.persoon]
    personen += [x.contactpersoon for x in dossier.betrokken_diensten]
    personen += [c.naam for deel in dossier.veiligheidsplan for c in deel.wie_bellen]
    organisaties = [x.naam for x in dossier.betrokken_diensten]
    organisaties += [dossier.aanmelding.aanmelder.organisatie, dossier.casusregisseur.organisatie]
    return [p for p in personen if p and p.strip()], [o for o in organisaties if o and o.strip()]


def _naamwoorden(naam: str) -> list[str]:
    """The words of a name that name someone: no particles ("van", "de"), no single letters, and, when the
    name has capitalised words, only those and the words of a script without capitals ("inspecteur Jonas
    Peeters" → Jonas, Peeters; "Ahmed محمد" → both). A word with an apostrophe also gives its part after it
    ("d'Hondt" → d'Hondt, Hondt; "O'Brien" → O'Brien, Brien), so the name is caught with either apostrophe
    and as part of a longer word ("d'Hondt-familie")."""
    woorden = []
    for w in _WOORD.findall(naam):
        delen = re.split(r"['’]", w)
        woorden += [w, delen[-1]] if len(delen) > 1 else [w]
    woorden = [w for w in woorden if len(w) > 1 and w.casefold() not in pseudoniem.GEEN_NAAM]
    hoofdletter = [w for w in woorden if not w[:1].islower()
                   or any(d[:1].isupper() for d in re.split(r"['’]", w)[1:])]
    return hoofdletter or woorden


def _patroon(sleutels: Iterable[str]) -> re.Pattern[str] | None:
    delen = sorted({s for s in sleutels if s}, key=len, reverse=True)
    if not delen:
        return None
    return re.compile(r"(?<![^\W_])(?:" + "|".join(re.escape(x) for x in delen) + r")(?![^\W_])", re.I)


def anonimiseer(tekst: str, personen: Sequence[str] = (), organisaties: Sequence[str] = ()) -> str:
    """A knelpunt's description without what identifies a family (issue 17 item 4).

    Args:
        tekst: the description as the regisseur typed it.
        personen: names of people (members, gezin label, regisseur, contacts): every word of each that
            is a name (not a particle such as "van" or "de", see ``pseudoniem.GEEN_NAAM``) becomes
            ``[naam]``, in any case and with or without accents.
        organisations: names of services and organisations: the whole name, and each word of it that
            does not only name the kind of service ("CGG", "politiezone"), becomes ``[dienst]``.

    Returns:
        The text with names, e-mail addresses, phone numbers, national numbers, IBANs, pv numbers, years
        of birth ("°1938"), street addresses,
        postcodes with their municipality and every date (2026-03-02, 2/3/2026, 2/3, "3 maart 2026",
        "maart 2026") replaced by ``[naam]``, ``[dienst]``, ``[e-mail]``, ``[telefoon]``, ``[nummer]``,
        ``[adres]`` and ``[datum]``; runs of spaces are collapsed. Pure; never raises.
    """
    if not tekst:
        return ""
    tekst = unicodedata.normalize("NFC", tekst)
    tekst = re.sub(r"[\x00-\x08\x0b-\x1f\x7f-\x9f]", " ", tekst)
    tekst = _EMAIL.sub(EMAIL, tekst)
    tekst = _IBAN.sub(NUMMER, tekst)
    tekst = _PV.sub(NUMMER, tekst)
    tekst = _NUMMER.sub(NUMMER, tekst)
    for patroon in _DATUMS:
        tekst = patroon.sub(DATUM, tekst)
    tekst = _GEBOORTEJAAR.sub(lambda m: m.group(0)[:-4] + DATUM, tekst)  # after the full dates ("°1990-01-03")
    tekst = _STRAAT.sub(ADRES, tekst)
    tekst = _POSTCODE.sub(ADRES, tekst)
    tekst = _TELEFOON.sub(TELEFOON, tekst)
    volledige = [unicodedata.normalize("NFC", p.strip()) for p in personen]
    volledige_org = [unicodedata.normalize("NFC", o.strip()) for o in organisaties]
    org_woorden = {v for o in volledige_org for w in _naamwoorden(o)
                   if w.casefold() not in _GEWONE_DIENSTWOORDEN for v in _varianten(w)}
    persoon_woorden = {v for p in volledige for w in _naamwoorden(p) for v in _varianten(w)}
    # whole names first ("Malik De Palmeneire" → one [naam], particle included), then every name word
    for patroon, vervanging in ((_patroon(volledige), NAAM), (_patroon(volledige_org), DIENST),
                                (_patroon(persoon_woorden), NAAM), (_patroon(org_woorden - persoon_woorden), DIENST)):
        if patroon is not None:
            tekst = patroon.sub(vervanging, tekst)
    # a name written with the letters of another alphabet folded away ("Sahin" for "Şahin") is caught by
    # the folded variants above; a possessive ("[naam]'s") keeps its ending
    return re.sub(r"[ \t]{2,}", " ", tekst).strip()


# -- aggregation ------------------------------------------------------------------------------------------


def in_periode(datum: date | None, van: date | None, tot: date | None) -> bool:
    """A knelpunt counts in [van, tot] (both inclusive; None = open)."""
    if datum is None:
        return van is None and tot is None
    return (van is None or datum >= van) and (tot is None or datum <= tot)


def tel(samenvattingen: Iterable[tuple[str, Sequence[Mapping[str, Any]]]], *, regio: str | None = None,
        van: date | None = None, tot: date | None = None) -> dict[str, Any]:
    """The raw counts over the dossiers' knelpunten (never published as they are: see ``publiceer``).

    Args:
        samenvattingen: (region key, the dossier's knelpunten as the index keeps them: dicts with
            ``categorie``, ``categorie_label``, ``dienst_soort``, ``datum`` (ISO text), ``deelbaar`` and, when
            deelbaar, ``omschrijving`` already anonymised).
        regio, van, tot: the filters of ``ketencli beleidssignalen``.

    Returns:
        ``{"totaal": n, "dossiers": n, "categorie": {cat: n}, "dienst": {soort: n}, "regio": {regio: n},
        "cel": {(cat, soort): n}, "omschrijvingen": {cat: [text, ...]}, "labels": {cat: label}}``.
    """
    uit: dict[str, Any] = {"totaal": 0, "dossiers": 0, "categorie": {}, "dienst": {}, "regio": {}, "cel": {},
                           "omschrijvingen": {}, "labels": {}}
    for regio_key, knelpunten in samenvattingen:
        if regio is not None and regio_key != regio:
            continue
        geteld = False
        for k in knelpunten:
            datum = _datum(k.get("datum"))
            if not in_periode(datum, van, tot):
                continue
            cat, soort = str(k.get("categorie") or "ander"), str(k.get("dienst_soort") or "ander")
            uit["totaal"] += 1
            geteld = True
            for sleutel, waarde in (("categorie", cat), ("dienst", soort), ("regio", regio_key)):
                uit[sleutel][waarde] = uit[sleutel].get(waarde, 0) + 1
            uit["cel"][(cat, soort)] = uit["cel"].get((cat, soort), 0) + 1
            if k.get("categorie_label"):  # a region's own category: its label from the region settings
                uit["labels"].setdefault(cat, str(k["categorie_label"]))
            if k.get("deelbaar") and str(k.get("omschrijving") or "").strip():
                uit["omschrijvingen"].setdefault(cat, []).append(str(k["omschrijving"]).strip())
        uit["dossiers"] += 1 if geteld else 0
    return uit


def _datum(waarde: Any) -> date | None:
    if isinstance(waarde, date):
        return waarde
    try:
        return date.fromisoformat(str(waarde))
    except ValueError:
        return None


def verberg_afleidbare(waarden: Mapping[Any, int], relaties: Sequence[tuple[Any, Sequence[Any]]]) -> set[Any]:
    """The cells to hide: every count from 1 to 4 (``statistiek.aantal``), and then, as long as some sum
    relation (total = sum of its parts) has exactly one hidden member, one more of that relation: the
    total when a part is hidden (so the detail stays), else the smallest shown non-zero part. With two
    or more unknowns in each relation no hidden count can be computed back by subtraction.

    Args:
        waarden: cell key → its raw count.
        relaties: (key of the total, keys of its parts); keys missing in ``waarden`` count as 0.
    """
    verborgen = {k for k, n in waarden.items() if statistiek.is_onderdrukt(statistiek.aantal(n))}
    veranderd = True
    while veranderd:
        veranderd = False
        for som, delen in relaties:
            leden = [som, *delen]
            onbekend = [x for x in leden if x in verborgen]
            if len(onbekend) != 1:
                continue
            if som not in verborgen:
                verborgen.add(som)
            else:
                zichtbaar = sorted((waarden.get(x, 0), str(x)) for x in delen
                                   if x not in verborgen and waarden.get(x, 0))
                if not zichtbaar:
                    continue
                verborgen.add(next(x for x in delen if str(x) == zichtbaar[0][1]))
            veranderd = True
    return verborgen


def publiceer(telling: Mapping[str, Any], bekend: Mapping[str, str],
              dienst_labels: Mapping[str, str]) -> dict[str, Any]:
    """The counts as they may be published: every count from 1 to 4 as "< 5", a count that would reveal
    one as ``VERBORGEN`` ("x"), descriptions only of deelbaar knelpunten and only under a category whose
    count is shown (the others pooled, sorted, without category, and only when the pool could come from two
    or more hidden categories: else it is withheld, ``achtergehouden_omschrijvingen`` says how many, for the
    user's screen only). ``bekend``: the categories always shown
    (with 0); a region's own category with knelpunten comes with its label from ``telling["labels"]``.

    Returns a dict with ``totaal``, ``categorieen`` (every known category, also with 0: each with
    ``categorie``, ``label``, ``aantal``, ``per_dienst``: [{``dienst``, ``label``, ``aantal``}] and
    ``omschrijvingen``), ``dossiers`` (the dossiers with a knelpunt; hidden with the total), ``diensten``
    and ``regios`` ([{key, label, aantal}]), ``overige_omschrijvingen`` and ``achtergehouden_omschrijvingen``.
    """
    extra = {c: x for c, x in telling.get("labels", {}).items() if c not in bekend}
    cats = [c for c in bekend if c != "ander"] + sorted(extra)
    cats += sorted(c for c in telling["categorie"] if c not in bekend and c not in extra)
    cats += ["ander"] if "ander" in bekend else []
    bekend = {**bekend, **extra}
    soorten = sorted(telling["dienst"], key=lambda s: (-telling["dienst"][s], s))
    waarden: dict[Any, int] = {"totaal": telling["totaal"]}
    waarden |= {("categorie", c): telling["categorie"].get(c, 0) for c in cats}
    waarden |= {("dienst", s): n for s, n in telling["dienst"].items()}
    waarden |= {("regio", r): n for r, n in telling["regio"].items()}
    waarden |= {("cel", c, s): n for (c, s), n in telling["cel"].items()}
    relaties: list[tuple[Any, Sequence[Any]]] = [
        ("totaal", [("categorie", c) for c in cats]),
        ("totaal", [("dienst", s) for s in telling["dienst"]]),
        ("totaal", [("regio", r) for r in telling["regio"]]),
    ]
    relaties += [(("categorie", c), [("cel", c, s) for s in soorten]) for c in cats]
    relaties += [(("dienst", s), [("cel", c, s) for c in cats]) for s in soorten]
    verborgen = verberg_afleidbare(waarden, relaties)

    def getal(sleutel: Any) -> int | str:
        n = waarden.get(sleutel, 0)
        if sleutel in verborgen:
            return statistiek.ONDERDRUKT if 0 < n < statistiek.KLEINE_CEL else VERBORGEN
        return n

    overige: list[str] = []
    categorieen_uit = []
    for c in cats:
        teksten = sorted(set(telling["omschrijvingen"].get(c, [])))
        zichtbaar = ("categorie", c) not in verborgen
        if not zichtbaar:
            overige += teksten
        categorieen_uit.append({
            "categorie": c, "label": label(c, bekend), "aantal": getal(("categorie", c)),
            "per_dienst": [{"dienst": s, "label": dienst_labels.get(s, s), "aantal": getal(("cel", c, s))}
                           for s in soorten if telling["cel"].get((c, s))],
            "omschrijvingen": teksten if zichtbaar else [],
        })
    # the pool hides its category only when it could come from two or more categories: a reader sees which
    # categories are hidden ("< 5", "x"; an empty one shows 0), so with one hidden category (the only
    # category there is, or the only small one) the pool would name it (Leuven trial)
    bronnen = [c for c in cats if ("categorie", c) in verborgen and waarden.get(("categorie", c), 0) > 0]
    achtergehouden = 0
    if len(bronnen) < 2:
        achtergehouden, overige = len(set(overige)), []
    # the number of dossiers with a knelpunt is a lower bound of the total: hidden with it, else a hidden
    # total (and through it a suppressed cell) could be narrowed down ("x knelpunten, 29 dossiers")
    dossiers = statistiek.aantal(telling.get("dossiers", 0))
    if "totaal" in verborgen and not statistiek.is_onderdrukt(dossiers):
        dossiers = VERBORGEN
    return {
        "totaal": getal("totaal"),
        "dossiers": dossiers,
        "categorieen": categorieen_uit,
        "diensten": [{"dienst": s, "label": dienst_labels.get(s, s), "aantal": getal(("dienst", s))} for s in soorten],
        "regios": [{"regio": r, "aantal": getal(("regio", r))} for r in sorted(telling["regio"])],
        "overige_omschrijvingen": sorted(set(overige)),
        "achtergehouden_omschrijvingen": achtergehouden,  # for the user's screen only, never published
    }
