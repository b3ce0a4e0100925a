"""Generated caseloads for the benchmarks: N dossiers of different families, phases and dates.

Each dossier is its own family (names drawn from lists), in one of the fases with a realistic share
(a caseload is mostly casusregie, with a tail of afgerond and afgesloten files), in one of the three
regions, with its own dates: open dossiers were aangemeld weeks or months ago, afgesloten ones years
ago (``LEEFTIJD``); an ICO two weeks after the aanmelding, casusregie from a few days after that, an
afronding and afsluiting months later. Dossiers with casusregie carry diensten and a plan van aanpak
of 2-8 rows; every dossier has a tijdlijn of 1-8 items; the sizes vary. Ids are numbered per year of
aanmelding. The files are written owner-only straight to ``<home>/dossiers/<id>/dossier.yaml`` (a
save through ketencli for each of 10,000 would take longer than the benchmark); every one of them
loads without error. ``python benchmarks/gegevens.py HOME N`` writes a caseload.
"""

from __future__ import annotations

import os
import random
import sys
from datetime import date, timedelta
from pathlib import Path

VOORNAMEN_M = ("Malik", "Jan", "Pieter", "Youssef", "Kevin", "Tom", "Bart", "Ahmed", "Dirk", "Sven", "Arno",
               "Mehmet", "Koen", "Wout", "Rachid", "Gert", "Stijn", "Nico", "Emre", "Lucas")
VOORNAMEN_V = ("Sofie", "An", "Lotte", "Fatima", "Els", "Nathalie", "Yasmine", "Katrien", "Hanne", "Ilse",
               "Sarah", "Lien", "Ayse", "Griet", "Nora", "Eva", "Marie", "Leen", "Zeynep", "Inge")
KINDEREN = ("Noor", "Lars", "Mila", "Adam", "Lina", "Rayan", "Fien", "Senne", "Amira", "Vic", "Jade", "Finn")
FAMILIENAMEN = ("Peeters", "Janssens", "Maes", "Jacobs", "Mertens", "Willems", "Claes", "Goossens", "Wouters",
                "De Smet", "Dubois", "Lambert", "Dupont", "Hermans", "Aerts", "Van Damme", "El Amrani",
                "Yilmaz", "Vercammen", "De Palmeneire", "Verhaegen", "Van Dyck", "Vermeulen", "Desmet",
                "Michiels", "Declercq", "Bogaert", "Coppens", "Martens", "Pauwels")
REGIOS = ("co3-antwerpen", "ifg-west-vlaanderen", "leuven")
# (fase, share): mostly casusregie, a tail of closed files that `dossier list` hides by default
FASEN = (("aanmelding", 6), ("verkenning", 6), ("geen-instemming", 3), ("niet-ingestroomd", 2),
         ("ketenaanpak-zonder-regisseur", 4), ("casusregie", 45), ("afgerond", 10), ("afgesloten", 24))
DIENSTEN = (("politie", "Politiezone – wijkteam"), ("parket", "Parket – sectie IFG"),
            ("justitiehuis", "Justitiehuis"), ("caw", "CAW – Team THV"), ("cgg", "CGG – daderhulp"),
            ("slachtofferhulp", "Slachtofferhulp CAW"), ("huisarts", "Huisartsenpraktijk"),
            ("clb", "CLB en zorgleerkracht"), ("ocmw", "OCMW – sociaal centrum"))
FACTOREN = (("geweld", "geweld-escalatie", "risico"), ("geweld", "geweld-veiligheidsplan", "beschermend"),
            ("individu", "individu-middelenmisbruik", "risico"), ("individu", "individu-stressfactoren", "risico"),
            ("interactie", "interactie-communicatie", "risico"), ("kind", "kind-slachtoffer-getuige", "risico"),
            ("kind", "kind-steun-omgeving", "beschermend"), ("sociale-ondersteuning", "sociaal-steun-inadequaat",
                                                              "risico"))
TIJDLIJN = (("incident", "Ruzie, duwen en trekken; kind aanwezig."), ("pv", "Pv slagen en verwondingen."),
            ("melding", "Melding door de school."), ("contact", "Gesprek met de casusregisseur."),
            ("overleg", "Overleg met de betrokken diensten."), ("maatregel", "Tijdelijk huisverbod."))


def _q(tekst: str) -> str:
    return '"' + tekst.replace("\\", "\\\\").replace('"', '\\"') + '"'


VANDAAG = date(2026, 11, 23)  # the benchmarks pin KETENCLI_NU to this day
# how long ago a dossier in each fase was aangemeld (days, range): open files are recent, closed ones older
LEEFTIJD = {"aanmelding": (1, 30), "verkenning": (14, 60), "geen-instemming": (30, 365),
            "niet-ingestroomd": (30, 365), "ketenaanpak-zonder-regisseur": (30, 540), "casusregie": (30, 480),
            "afgerond": (300, 720), "afgesloten": (420, 1200)}


def dossier_tekst(rnd: random.Random, dossier_id: str) -> tuple[str, str, date]:
    """(fase, YAML text, date of the aanmelding) of one generated dossier."""
    fase = rnd.choices([f for f, _ in FASEN], weights=[w for _, w in FASEN])[0]
    regio = rnd.choice(REGIOS)
    dagen_terug = rnd.randrange(*LEEFTIJD[fase])  # days between the aanmelding and VANDAAG
    aangemeld = VANDAAG - timedelta(days=dagen_terug)
    naam_m, naam_v = rnd.choice(FAMILIENAMEN), rnd.choice(FAMILIENAMEN)
    gezin = naam_m if naam_m == naam_v else f"{naam_m} – {naam_v}"
    regels = ["schema_version: 1", f"id: {dossier_id}", f"regio: {regio}", f"fase: {fase}",
              f"gezin: {_q('Gezin ' + gezin)}"]
    ico = aangemeld + timedelta(days=rnd.randrange(7, 21))
    start = ico + timedelta(days=rnd.randrange(3, 15))
    met_regie = fase in ("casusregie", "afgerond", "afgesloten")
    if met_regie:
        regels.append(f"casusregie_start: {start}")
    regels += ["aanmelding:", f"  datum: {aangemeld}",
               f"  waarom_nu: {_q('Escalatie na ' + str(rnd.randrange(2, 6)) + ' incidenten; huisverbod.')}"]
    conclusie = {"casusregie": "ketenaanpak-met-casusregie", "afgerond": "ketenaanpak-met-casusregie",
                 "afgesloten": "ketenaanpak-met-casusregie", "geen-instemming": "ketenaanpak-met-casusregie",
                 "ketenaanpak-zonder-regisseur": "ketenaanpak-zonder-regisseur",
                 "niet-ingestroomd": "geen-ketenaanpak"}.get(fase)
    if conclusie:
        regels += ["ico:", f"  datum: {ico}", f"  conclusie: {conclusie}"]
    kinderen = rnd.randrange(0, 4)
    leden = [("m1", f"{rnd.choice(VOORNAMEN_M)} {naam_m}", "man", "pleger", 1970 + rnd.randrange(25)),
             ("m2", f"{rnd.choice(VOORNAMEN_V)} {naam_v}", "vrouw", "slachtoffer", 1972 + rnd.randrange(25))]
    for k in range(kinderen):
        leden.append((f"m{k + 3}", f"{rnd.choice(KINDEREN)} {naam_m}", rnd.choice(("man", "vrouw")), "kind",
                      2008 + rnd.randrange(17)))
    regels.append("gezinsleden:")
    for lid_id, naam, geslacht, rol, jaar in leden:
        regels += [f"  - id: {lid_id}", f"    naam: {_q(naam)}", f"    geslacht: {geslacht}", f"    rollen: [{rol}]",
                   f"    geboortedatum: {date(jaar, 1 + rnd.randrange(12), 1 + rnd.randrange(28))}"]
        if met_regie and rol != "kind":
            regels += ["    instemming:", f"      datum: {start - timedelta(days=rnd.randrange(1, 5))}"]
    if fase not in ("aanmelding", "verkenning", "niet-ingestroomd"):
        diensten = rnd.sample(DIENSTEN, rnd.randrange(2, 7))
        regels.append("betrokken_diensten:")
        for i, (soort, naam) in enumerate(diensten, 1):
            regels += [f"  - id: d{i}", f"    soort: {soort}", f"    naam: {_q(naam + ' ' + rnd.choice(FAMILIENAMEN))}",
                       f"    contact: \"0{rnd.randrange(2, 9)} {rnd.randrange(100, 999)} {rnd.randrange(10, 99)} "
                       f"{rnd.randrange(10, 99)}\""]
    else:
        diensten = []
    if met_regie:
        regels += ["casusregisseur:", f"  naam: {_q(rnd.choice(VOORNAMEN_V) + ' ' + rnd.choice(FAMILIENAMEN))}",
                   "  organisatie: CAW"]
    tijdlijn = sorted(aangemeld - timedelta(days=rnd.randrange(1, 400)) for _ in range(rnd.randrange(1, 9)))
    regels.append("tijdlijn:")
    for dag in tijdlijn:
        soort, tekst = rnd.choice(TIJDLIJN)
        regels += [f"  - datum: {dag}", f"    soort: {soort}", f"    omschrijving: {_q(tekst)}"]
    if met_regie and diensten:
        regels += ["pva:", f"  opgemaakt_op: {start + timedelta(days=14)}", "  rijen:"]
        for r, (domein, factor, soort) in enumerate(rnd.sample(FACTOREN, rnd.randrange(2, 9)), 1):
            regels += [f"    - id: r{r}", f"      domein: {domein}", f"      factor: {factor}", f"      soort: {soort}",
                       f"      bij_wie: [m{1 + rnd.randrange(2)}]", "      noden: Zicht op het geweld en de risico's.",
                       "      aanpak: Afgestemde hulp en opvolging.", "      acties:",
                       f"        - {{omschrijving: Begeleiding, begeleiding: d{1 + rnd.randrange(len(diensten))}, "
                       f"stavaza: {rnd.choice(('gepland', 'aangemeld', 'gestart', 'lopend'))}}}"]
    if fase in ("afgerond", "afgesloten"):
        gestart = start + timedelta(days=rnd.randrange(120, 400))
        regels += ["afronding:", f"  weegploeg_akkoord_op: {gestart - timedelta(days=7)}", f"  gestart_op: {gestart}",
                   f"  opvolging_tot: {gestart + timedelta(days=182)}"]
        if fase == "afgesloten":
            regels.append(f"  afgesloten_op: {gestart + timedelta(days=182 + rnd.randrange(0, 30))}")
    return fase, "\n".join(regels) + "\n", aangemeld


def genereer(thuis: Path, aantal: int, zaad: int = 19) -> dict[str, int]:
    """Write ``aantal`` dossiers under ``thuis``; returns how many there are per fase."""
    rnd = random.Random(zaad)
    dossiers = thuis / "dossiers"
    dossiers.mkdir(parents=True, exist_ok=True)
    per_fase: dict[str, int] = {}
    volgnummers: dict[int, int] = {}
    teksten = []
    for nummer in range(aantal):
        fase, tekst, aangemeld = dossier_tekst(rnd, f"@{nummer}@")
        teksten.append((aangemeld, nummer, fase, tekst))
    for aangemeld, nummer, fase, tekst in sorted(teksten):  # ids numbered per year of aanmelding
        volgnummers[aangemeld.year] = volgnummers.get(aangemeld.year, 0) + 1
        dossier_id = f"{aangemeld.year}-{volgnummers[aangemeld.year]:03d}"
        per_fase[fase] = per_fase.get(fase, 0) + 1
        map_ = dossiers / dossier_id
        map_.mkdir(mode=0o700)
        fd = os.open(map_ / "dossier.yaml", os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
        with os.fdopen(fd, "w", encoding="utf-8") as f:
            f.write(tekst.replace(f"@{nummer}@", dossier_id))
    return per_fase


if __name__ == "__main__":
    print(genereer(Path(sys.argv[1]), int(sys.argv[2])))
