"""The two-regisseur scenario of issue 18, exactly as the README's walkthrough tells it: the test reads
the `[anna]$` / `[bert]$` lines of the README and runs them, each in its own data home, against a bare
repository; then it checks what the README promises (take-over during leave, simultaneous edits
merged, a conflict shown and resolved, a history that names both)."""

from __future__ import annotations

import json
import re
import shlex
from pathlib import Path

import pygit2

from tests.test_team import Team

README = Path(__file__).resolve().parent.parent / "README.md"
REGEL = re.compile(r"^\[(anna|bert)\]\$ ketencli (.*)$")


def _wandeling() -> list[tuple[str, list[str]]]:
    tekst = README.read_text(encoding="utf-8")
    blok = tekst.split("**Voorbeeld: een overname tijdens een verlof.**", 1)[1].split("```console", 1)[1]
    blok = blok.split("```", 1)[0]
    stappen = []
    for regel in blok.strip().splitlines():
        m = REGEL.match(regel.strip())
        assert m, regel
        stappen.append((m.group(1), shlex.split(m.group(2), comments=True)))
    return stappen


def test_readme_wandeling_twee_regisseurs(kc, tmp_path, monkeypatch):
    team = Team(kc, tmp_path, monkeypatch)
    homes = {"anna": team.a, "bert": team.b}
    root = README.parent
    uitvoer: dict[int, str] = {}
    stappen = _wandeling()
    assert len(stappen) >= 20
    for nr, (wie, argumenten) in enumerate(stappen):
        argumenten = [str(team.remote) if a == "/mnt/team/ketencli.git" else
                      str(root / a) if a.startswith("examples/") else a for a in argumenten]
        uit = team.run(homes[wie], *argumenten)
        assert uit.exit_code == 0, (wie, argumenten, uit.output)
        assert "Traceback" not in uit.output
        uitvoer[nr] = uit.output

    def na(wie: str, *begin: str) -> list[str]:
        return [uitvoer[n] for n, (w, a) in enumerate(stappen) if w == wie and a[:len(begin)] == list(begin)]

    # take-over during leave: Bert's own list is empty before, holds the dossier after
    lijsten = na("bert", "dossier", "list")
    assert "2026-001" not in lijsten[0] and "2026-001" in lijsten[1]
    # Anna's sync merged Bert's work and recorded one conflict, shown by status and show
    assert "Conflict in dossier 2026-001" in na("anna", "team", "sync")[2]
    status = na("anna", "team", "status")[0]
    assert "Conflict" in status and "aanmelding › vragen en verwachtingen" in status
    toon = na("anna", "dossier", "show")[0]
    assert "Moeder vraagt opvang" in toon and "Moeder vraagt begeleiding" in toon and "Bert Janssens" in toon
    # both laptops end with the same dossier, as the README says
    a, b = team.dossier(team.a, "2026-001"), team.dossier(team.b, "2026-001")
    bestand = "dossiers/2026-001/dossier.yaml"
    assert (team.a / bestand).read_bytes() == (team.b / bestand).read_bytes()
    assert a.conflicten == [] and a.casusregisseur.naam == "Bert Janssens"
    assert "Huisbezoek tijdens het verlof van Anna" in {t.omschrijving for t in b.tijdlijn}
    assert "co3-voorstellen" in {s.item for s in b.stappen}
    assert b.aanmelding.waarom_nu == "Nieuw incident na de zomer"
    assert b.aanmelding.vragen_en_verwachtingen == "Moeder vraagt opvang en begeleiding"
    historiek = na("bert", "dossier", "historiek")[0]
    assert "Anna Claes" in historiek and "Bert Janssens" in historiek
    items = json.loads(team.ok(team.b, "dossier", "historiek", "2026-001", "--json").output)
    assert {"Anna Claes", "Bert Janssens"} <= {i["auteur"] for i in items}
    # the shared repository: the authors' names, and no names of the family in any message
    remote = pygit2.Repository(str(team.remote))
    commits = list(remote.walk(remote.lookup_reference("refs/heads/main").target))
    assert {"Anna Claes", "Bert Janssens"} <= {c.author.name for c in commits}
    for c in commits:
        assert not re.search(r"palmeneire|vercammen|malik|noor|sofie|anna|bert", c.message, re.I), c.message
