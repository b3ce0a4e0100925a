"""A team's caseload on git (issue 18): two data homes share a bare repository on a path (and, in
test_team_http, a smart-HTTP server on 127.0.0.1). Saves are commits with the profile's name as author
and no names in the message; edits on both sides sync in both orders; the same field is a conflict
shown and resolved; the history names who changed what; a single user gets no repository."""

from __future__ import annotations

import contextlib
import json
from collections.abc import Iterator
from pathlib import Path

import pygit2
import pytest

from ketencli import store
from tests.conftest import dossier_bestand, voorbeeld

NAAM_A, NAAM_B = "Anna Testregisseur", "Bert Testregisseur"
GEZIN = ("palmeneire", "vercammen", "malik", "sofie", "noor")


class Team:
    """Two data homes (a, b) and the shared bare repository; ``bij(home)`` runs commands there."""

    def __init__(self, kc, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
        self.kc, self.mp = kc, monkeypatch
        self.a, self.b, self.remote = tmp_path / "a", tmp_path / "b", tmp_path / "team.git"
        pygit2.init_repository(str(self.remote), bare=True)

    @contextlib.contextmanager
    def bij(self, home: Path) -> Iterator[None]:
        self.mp.setenv("KETENCLI_HOME", str(home))
        yield

    def ok(self, home: Path, *args: str):
        with self.bij(home):
            return self.kc.ok(*args)

    def run(self, home: Path, *args: str):
        with self.bij(home):
            return self.kc(*args)

    def dossier(self, home: Path, dossier_id: str):
        with self.bij(home):
            return store.laad(dossier_id)

    def start(self, remote: str | None = None) -> str:
        """A has the example dossier; both homes join the team and sync. Returns the dossier id."""
        uit = self.ok(self.a, "dossier", "new", "--from", voorbeeld("de-palmeneire-vercammen.yaml"), "--no-input")
        dossier_id = uit.output.split("Dossier ", 1)[1].split(" ", 1)[0]
        for home, naam in ((self.a, NAAM_A), (self.b, NAAM_B)):
            self.ok(home, "team", "init", "--remote", remote or str(self.remote), "--naam", naam)
            self.ok(home, "team", "sync")
        self.ok(self.a, "team", "sync")
        return dossier_id


@pytest.fixture
def team(kc, tmp_path, monkeypatch) -> Team:
    return Team(kc, tmp_path, monkeypatch)


def _berichten(repo_pad: Path) -> list[tuple[str, str]]:
    repo = pygit2.Repository(str(repo_pad))
    if repo.is_empty:
        return []
    doel = repo.head.target if not repo.is_bare else repo.lookup_reference("refs/heads/main").target
    return [(c.author.name, c.message) for c in repo.walk(doel)]


def test_zonder_team_geen_repository_en_geen_pygit2(kc, palmeneire, thuis):
    kc.ok("tijdlijn", "add", palmeneire, "--soort", "contact", "--datum", "2026-11-20", "--omschrijving", "x",
          "--no-input")
    assert not list(thuis.rglob(".git"))
    uit = kc("team", "status")
    assert uit.exit_code == 0 and "geen team" in uit.output


def test_elke_bewaring_is_een_commit_met_de_profielnaam_en_zonder_namen(team):
    dossier_id = team.start()
    voor = len(_berichten(team.a))
    team.ok(team.a, "tijdlijn", "add", dossier_id, "--soort", "contact", "--datum", "2026-11-20",
            "--omschrijving", "Gesprek met Sofie", "--no-input")
    berichten = _berichten(team.a)
    assert len(berichten) == voor + 1
    auteur, bericht = berichten[0]
    assert auteur == NAAM_A
    assert bericht.startswith(f"Dossier {dossier_id}: tijdlijn gewijzigd")
    for _, b in _berichten(team.remote) + berichten:
        assert not any(naam in b.lower() for naam in GEZIN), b
    # documents, drafts and the config folder are never shared
    repo = pygit2.Repository(str(team.a))
    gevolgd = [e.path for e in repo.index]
    assert gevolgd and all(p == ".gitignore" or p.endswith("/dossier.yaml") for p in gevolgd), gevolgd


def test_team_init_vraagt_een_naam_en_een_gekend_adres(kc, palmeneire, tmp_path):
    uit = kc("team", "init", "--remote", str(tmp_path / "x.git"))
    assert uit.exit_code == 2 and "naam" in uit.output
    uit = kc("team", "init", "--remote", "ftp://server/x", "--naam", "A")
    assert uit.exit_code == 2 and "adres" in uit.output
    uit = kc("team", "init", "--remote", "https://jan:geheim@server/x.git", "--naam", "A")
    assert uit.exit_code == 2 and "wachtwoord" in uit.output.lower()


@pytest.mark.parametrize("url", ["\\\\server\\share\\ketencli.git", "//server/share/ketencli.git",
                                 "C:\\Team\\ketencli.git", "/mnt/team/ketencli.git"])
def test_paden_ook_windows_unc_worden_aanvaard(url):
    from ketencli import git_opslag

    assert git_opslag.soort_url(url) == "pad"
    assert "\\" not in git_opslag.libgit2_url(url) or not url.startswith("\\\\")


def test_unc_pad_wordt_bewaard_bij_team_init(kc, palmeneire, monkeypatch):
    from ketencli import git_opslag

    monkeypatch.setattr(git_opslag, "toestand_gedeelde_map", lambda url: "ok")  # as if the share were mounted
    kc.ok("team", "init", "--remote", "\\\\server\\share\\ketencli.git", "--naam", NAAM_A)
    uit = kc("team", "status")
    assert "//server/share/ketencli.git" in uit.output


@pytest.mark.parametrize("eerst", ["a", "b"])
def test_verschillende_dingen_in_beide_volgordes_zonder_verlies(team, eerst):
    dossier_id = team.start()
    team.ok(team.a, "tijdlijn", "add", dossier_id, "--soort", "contact", "--datum", "2026-11-20",
            "--omschrijving", "A-1", "--no-input")
    team.ok(team.a, "dossier", "aanmelding", dossier_id, "--waarom-nu", "Door A")
    team.ok(team.b, "tijdlijn", "add", dossier_id, "--soort", "overleg", "--datum", "2026-11-21",
            "--omschrijving", "B-1", "--no-input")
    team.ok(team.b, "stap", dossier_id, "afvinken", "co3-voorstellen")
    team.ok(team.b, "dossier", "aanmelding", dossier_id, "--wensen-en-noden", "Door B")
    volgorde = (team.a, team.b, team.a) if eerst == "a" else (team.b, team.a, team.b)
    for home in volgorde:
        team.ok(home, "team", "sync")
    for home in (team.a, team.b):
        d = team.dossier(home, dossier_id)
        assert {"A-1", "B-1"} <= {t.omschrijving for t in d.tijdlijn}
        assert "co3-voorstellen" in {s.item for s in d.stappen}
        assert (d.aanmelding.waarom_nu, d.aanmelding.wensen_en_noden) == ("Door A", "Door B")
        assert d.conflicten == []
    assert dossier_bestand(team.a, dossier_id).read_bytes() == dossier_bestand(team.b, dossier_id).read_bytes()


def test_zelfde_veld_is_een_conflict_getoond_en_opgelost(team):
    dossier_id = team.start()
    team.ok(team.a, "dossier", "aanmelding", dossier_id, "--vragen-en-verwachtingen", "Vraag van A")
    team.ok(team.b, "dossier", "aanmelding", dossier_id, "--vragen-en-verwachtingen", "Vraag van B")
    team.ok(team.a, "team", "sync")
    uit = team.ok(team.b, "team", "sync")
    assert f"Conflict in dossier {dossier_id}" in uit.output
    team.ok(team.a, "team", "sync")
    for home in (team.a, team.b):
        d = team.dossier(home, dossier_id)
        assert len(d.conflicten) == 1
        c = d.conflicten[0]
        assert c.veld == "aanmelding.vragen_en_verwachtingen"
        assert {(w.door, w.waarde) for w in c.waarden} == {(NAAM_B, "Vraag van B"), (NAAM_A, "Vraag van A")}
        status = team.ok(home, "team", "status").output
        assert "Conflict" in status and dossier_id in status
        toon = team.ok(home, "dossier", "show", dossier_id).output
        assert "Conflict" in toon and "Vraag van A" in toon and "Vraag van B" in toon
        overzicht = team.ok(home, "overzicht", "--team").output
        assert "conflict" in overzicht.lower()
        # the dossier is neither A's nor B's: the own overzicht names it too (a sync's conflict is not hidden)
        eigen = team.ok(home, "overzicht")
        assert "Ook in dossiers van collega's staat een conflict" in eigen.stderr and dossier_id in eigen.stderr
    # A chooses A's value; after the sync both homes agree and the conflict is gone
    nr_a = next(i for i, w in enumerate(team.dossier(team.a, dossier_id).conflicten[0].waarden, 1)
                if w.door == NAAM_A)
    team.ok(team.a, "team", "los", dossier_id, "--kies", str(nr_a))
    team.ok(team.a, "team", "sync")
    team.ok(team.b, "team", "sync")
    for home in (team.a, team.b):
        d = team.dossier(home, dossier_id)
        assert d.conflicten == [] and d.aanmelding.vragen_en_verwachtingen == "Vraag van A"
    assert "Geen conflicten" in team.ok(team.b, "team", "status").output


def test_los_met_een_getypte_waarde_en_foute_keuzes(team):
    dossier_id = team.start()
    team.ok(team.a, "dossier", "aanmelding", dossier_id, "--waarom-nu", "A")
    team.ok(team.b, "dossier", "aanmelding", dossier_id, "--waarom-nu", "B")
    team.ok(team.a, "team", "sync")
    team.ok(team.b, "team", "sync")
    uit = team.run(team.b, "team", "los", dossier_id, "--kies", "3")
    assert uit.exit_code == 2 and "--kies 3: kies 1 of 2." in uit.output  # not "kies 1 tot 2"
    assert team.run(team.b, "team", "los", dossier_id).exit_code == 2
    uit = team.run(team.b, "team", "los", dossier_id, "2", "--kies", "1")
    assert uit.exit_code == 2 and "geen conflict 2 (alleen 1 bestaat)" in uit.output  # not "kies 1 tot 1"
    # the same command, with the real id and the number, after sync and status, in dossier show and overzicht
    opdracht = f"ketencli team los {dossier_id} 1 --kies 1"
    uit = team.ok(team.b, "team", "status")
    assert opdracht in " ".join(uit.output.split())
    assert opdracht in " ".join(team.ok(team.b, "dossier", "show", dossier_id).output.split())
    overzicht = " ".join(team.ok(team.b, "overzicht", "--team").output.split())
    assert opdracht in overzicht and f"ketencli dossier show {dossier_id}" in overzicht
    assert "dossier show ID" not in overzicht
    for leeg in ("", "   "):  # an empty --waarde (a slip, an unset shell variable) would drop both values
        uit = team.run(team.b, "team", "los", dossier_id, "--waarde", leeg)
        assert uit.exit_code == 2 and "--waarde is leeg" in uit.output
        assert team.dossier(team.b, dossier_id).conflicten
    team.ok(team.b, "team", "los", dossier_id, "--waarde", "Samen: A en B")
    d = team.dossier(team.b, dossier_id)
    assert d.aanmelding.waarom_nu == "Samen: A en B" and not d.conflicten
    assert d.historie[-1].wat == "conflict opgelost: aanmelding.waarom_nu"


def test_pva_rij_verwijderd_en_elders_bewerkt(team):
    dossier_id = team.start()
    rij = team.dossier(team.a, dossier_id).pva.rijen[0].id
    with team.bij(team.a), store.wijzig(dossier_id) as d:
        d.pva.rijen = [r for r in d.pva.rijen if r.id != rij]
        d.pva.doelstellingen = [x for x in d.pva.doelstellingen if x.rij != rij]
    with team.bij(team.b), store.wijzig(dossier_id) as d:
        d.pva.rijen[0].aanpak = "Bewerkt door B"
    for volgorde in ((team.b, team.a, team.b),):
        for home in volgorde:
            team.ok(home, "team", "sync")
    for home in (team.a, team.b):
        d = team.dossier(home, dossier_id)
        assert any(r.id == rij and r.aanpak == "Bewerkt door B" for r in d.pva.rijen)
        assert [c.veld for c in d.conflicten] == [f"pva.rijen[{rij}]"]
    # choosing the removal removes the row
    nr = next(i for i, w in enumerate(team.dossier(team.a, dossier_id).conflicten[0].waarden, 1) if w.verwijderd)
    team.ok(team.a, "team", "los", dossier_id, "--kies", str(nr))
    assert rij not in {r.id for r in team.dossier(team.a, dossier_id).pva.rijen}


def test_historiek_noemt_wie_wat_wanneer(team):
    dossier_id = team.start()
    team.ok(team.b, "tijdlijn", "add", dossier_id, "--soort", "overleg", "--datum", "2026-11-21",
            "--omschrijving", "B-1", "--no-input")
    team.ok(team.b, "team", "sync")
    team.ok(team.a, "dossier", "aanmelding", dossier_id, "--waarom-nu", "Nieuw")
    team.ok(team.a, "team", "sync")
    items = json.loads(team.ok(team.a, "dossier", "historiek", dossier_id, "--json").output)
    assert items[0]["auteur"] == NAAM_A and items[0]["wijzigingen"]  # the new dossier
    tijdlijn = next(i for i in items if any(w["veld"] == "tijdlijn" for w in i["wijzigingen"]))
    assert tijdlijn["auteur"] == NAAM_B
    assert any(w["zin"].startswith("tijdlijn: toegevoegd (21/11/2026, overleg, B-1)") for w in tijdlijn["wijzigingen"])
    waarom = next(i for i in items if any(w["veld"] == "aanmelding.waarom_nu" for w in i["wijzigingen"]))
    assert waarom["auteur"] == NAAM_A
    assert any("aanmelding › waarom nu: gewijzigd" in w["zin"] for w in waarom["wijzigingen"])
    tekst = team.ok(team.a, "dossier", "historiek", dossier_id).output
    assert NAAM_B in tekst and "waarom nu" in tekst


def test_historiek_zonder_team_is_de_historie_van_het_dossier(kc, palmeneire):
    items = json.loads(kc.ok("dossier", "historiek", palmeneire, "--json").output)
    assert isinstance(items, list) and all(i["auteur"] is None for i in items)
    assert kc("dossier", "historiek", "2026-999").exit_code == 1


def test_bewaring_en_eigen_werk_worden_vastgelegd_bij_de_volgende_sync(team):
    """A save whose commit could not be made (another ketencli held the team lock) is committed by the
    next sync."""
    from ketencli import git_opslag

    dossier_id = team.start()
    with team.bij(team.a), git_opslag.slot():
        # the commit of this save waits for the team lock, gives up, and leaves the change on disk
        team.mp.setattr(git_opslag, "SLOT_WACHTTIJD", 0.05)
        team.ok(team.a, "dossier", "aanmelding", dossier_id, "--waarom-nu", "Zonder commit")
    assert "Nog niet vastgelegd: 1" in team.ok(team.a, "team", "status").output
    team.ok(team.a, "team", "sync")
    team.ok(team.b, "team", "sync")
    assert team.dossier(team.b, dossier_id).aanmelding.waarom_nu == "Zonder commit"


def test_overdracht_en_eigen_caseload(team):
    """Take-over during leave: A hands the dossier to B; A's views then show it only with --team or
    --regisseur, B's show it by default; the hand-over is in the history and the dossier's historie."""
    dossier_id = team.start()
    with team.bij(team.a), store.wijzig(dossier_id) as d:
        d.casusregisseur.naam = NAAM_A
    team.ok(team.a, "team", "sync")
    team.ok(team.b, "team", "sync")
    lijst = lambda home, *opties: [r["id"] for r in json.loads(  # noqa: E731
        team.ok(home, "dossier", "list", "--json", *opties).output)]
    assert lijst(team.a) == [dossier_id] and lijst(team.b) == []
    assert lijst(team.b, "--team") == [dossier_id] and lijst(team.b, "--regisseur", NAAM_A.upper()) == [dossier_id]
    team.ok(team.a, "dossier", "overdracht", dossier_id, "--aan", NAAM_B)
    team.ok(team.a, "team", "sync")
    team.ok(team.b, "team", "sync")
    assert lijst(team.a) == [] and lijst(team.b) == [dossier_id]
    assert lijst(team.a, "--regisseur", NAAM_B) == [dossier_id]
    d = team.dossier(team.b, dossier_id)
    assert d.casusregisseur.naam == NAAM_B and d.historie[-1].wat == f"overgedragen aan {NAAM_B}"
    items = json.loads(team.ok(team.b, "dossier", "historiek", dossier_id, "--json").output)
    assert any(w["veld"] == "casusregisseur.naam" for w in items[-1]["wijzigingen"]) and items[-1]["auteur"] == NAAM_A
    assert all(NAAM_B not in b for _, b in _berichten(team.remote))
    overzicht_a = team.ok(team.a, "overzicht", "--json").output
    assert dossier_id not in overzicht_a
    assert team.run(team.a, "dossier", "overdracht", dossier_id, "--aan", " ").exit_code == 2


def test_zonder_team_toont_de_lijst_alles_ook_met_een_profiel(kc, palmeneire):
    kc.ok("profiel", "--naam", "Iemand Anders")
    assert [r["id"] for r in json.loads(kc.ok("dossier", "list", "--json").output)] == [palmeneire]


def test_zelfde_nummer_op_twee_computers_wordt_hernummerd(team):
    """Two computers give out the same new number offline: two different families, never merged into
    one; the one not yet shared gets the next free number, with its documents folder."""
    team.start()
    team.ok(team.a, "dossier", "new", "--regio", "leuven", "--gezin", "Gezin Aaa", "--no-input")
    team.ok(team.b, "dossier", "new", "--regio", "leuven", "--gezin", "Gezin Bbb", "--no-input")
    (team.b / "dossiers" / "2026-002" / "documenten").mkdir()
    (team.b / "dossiers" / "2026-002" / "documenten" / "brief.docx").write_bytes(b"x")
    team.ok(team.a, "team", "sync")
    uit = team.ok(team.b, "team", "sync")
    assert "nu nummer 2026-003" in uit.output
    team.ok(team.a, "team", "sync")
    for home in (team.a, team.b):
        assert team.dossier(home, "2026-002").gezin == "Gezin Aaa"
        d = team.dossier(home, "2026-003")
        assert d.gezin == "Gezin Bbb" and d.conflicten == []
    assert (team.b / "dossiers" / "2026-003" / "documenten" / "brief.docx").read_bytes() == b"x"
    assert "hernummerd" in team.dossier(team.b, "2026-003").historie[-1].wat


@pytest.mark.parametrize("eerst", ["a", "b"])
def test_twee_nieuwe_gezinsleden_met_hetzelfde_id_blijven_twee_personen(team, eerst):
    """A adds grandmother Rita, B (offline) the new partner Jan: both get the next id. After syncing in
    either order both homes hold both people; the one of the second to sync (not shared yet) is
    renumbered, with its relations, and the sync says so in Dutch."""
    dossier_id = team.start()
    volgend = team.dossier(team.a, dossier_id).volgend_lid_id()
    nummer = int(volgend[1:])
    team.ok(team.a, "dossier", "lid", "add", dossier_id, "--naam", "Rita", "--rol", "ander",
            "--geboortedatum", "1950-01-01", "--relatie", "m1:ander", "--no-input")
    team.ok(team.b, "dossier", "lid", "add", dossier_id, "--naam", "Jan", "--rol", "pleger",
            "--geboortedatum", "1990-05-05", "--relatie", "m1:partner", "--no-input")
    assert team.dossier(team.a, dossier_id).lid(volgend).naam == "Rita"
    assert team.dossier(team.b, dossier_id).lid(volgend).naam == "Jan"
    eerste, tweede = (team.a, team.b) if eerst == "a" else (team.b, team.a)
    team.ok(eerste, "team", "sync")
    uit = team.ok(tweede, "team", "sync")
    nieuw = f"m{nummer + 1}"
    assert f"je nieuwe gezinslid {volgend} heet nu {nieuw}" in uit.output
    assert "jullie maakten allebei een nieuw gezinslid" in uit.output
    team.ok(eerste, "team", "sync")
    gedeeld, hernummerd = ("Rita", "Jan") if eerst == "a" else ("Jan", "Rita")
    for home in (team.a, team.b):
        d = team.dossier(home, dossier_id)
        assert d.conflicten == []
        assert (d.lid(volgend).naam, d.lid(nieuw).naam) == (gedeeld, hernummerd)
        assert [r.met for r in d.lid(nieuw).relaties] == ["m1"]
        # the reverse relations of m1 point at both people, each with its own kind
        naar = {r.met: r.soort for r in d.lid("m1").relaties}
        assert naar[volgend if eerst == "b" else nieuw] == "partner"
        assert f"gezinslid {volgend} → {nieuw}" in d.historie[-1].wat
    assert dossier_bestand(team.a, dossier_id).read_bytes() == dossier_bestand(team.b, dossier_id).read_bytes()
    bericht = _berichten(tweede)[0][1]
    assert f"hernummerd: {dossier_id} gezinslid {volgend} → {nieuw}" in bericht
    assert not any(naam in bericht for naam in ("Rita", "Jan"))


def test_een_lege_eigen_caseload_verwijst_naar_het_team(team):
    """Before: a regisseur without own dossiers read "Geen dossiers gevonden. Maak er een met ketencli
    dossier new" (and the coordinator "0 dossiers bekeken") while the team's dossiers were there."""
    team.start()  # the example's casusregisseur is Katrien Dewulf, not A
    for opdracht in (("dossier", "list"), ("overzicht",)):
        uit = team.ok(team.a, *opdracht)
        assert "Je hebt geen eigen dossiers; 1 dossier is van je collega's" in uit.output
        assert "--team" in uit.output and "Maak er een" not in uit.output
        uit = team.ok(team.a, *opdracht, "--regisseur", "Niemand")
        assert "Geen dossiers van casusregisseur Niemand" in uit.output and "Katrien Dewulf" in uit.output
        assert "0 dossiers bekeken" not in uit.output


def test_overdracht_aan_een_onbekende_naam_waarschuwt(team):
    """A typo in the colleague's name handed the dossier to nobody's own list without a word. A near
    miss of a name the team knows (casusregisseurs, the authors of the team's history: every colleague's
    profile name) is refused, nothing saved, unless --toch; a new name is done, with a warning that names
    the known colleagues."""
    dossier_id = team.start()  # the example's casusregisseur: Katrien Dewulf; authors Anna and Bert
    uit = team.run(team.a, "dossier", "overdracht", dossier_id, "--aan", "Bert Testregiseur")
    tekst = " ".join(uit.output.split())
    assert uit.exit_code == 2 and "Bert Testregiseur ken ik niet in dit team; bedoel je Bert Testregisseur?" in tekst
    assert "--toch" in tekst and "Traceback" not in tekst
    assert team.dossier(team.a, dossier_id).casusregisseur.naam == "Katrien Dewulf"  # nothing saved
    uit = team.run(team.a, "dossier", "overdracht", dossier_id, "--aan", "Katrien Dewulff")
    assert uit.exit_code == 2 and "bedoel je Katrien Dewulf?" in " ".join(uit.output.split())
    uit = team.ok(team.a, "dossier", "overdracht", dossier_id, "--aan", "Katrien Dewulff", "--toch")
    assert team.dossier(team.a, dossier_id).casusregisseur.naam == "Katrien Dewulff"  # done, as asked
    uit = team.ok(team.a, "dossier", "overdracht", dossier_id, "--aan", NAAM_B)
    assert "Let op" not in uit.output and "ken ik niet" not in uit.output
    uit = team.ok(team.a, "dossier", "overdracht", dossier_id, "--aan", "Chris Nieuwe Collega")
    tekst = " ".join(uit.output.split())
    assert team.dossier(team.a, dossier_id).casusregisseur.naam == "Chris Nieuwe Collega"
    assert "Chris Nieuwe Collega ken ik niet in dit team" in tekst and NAAM_B in tekst.split("ken ik niet")[1]


def test_historiek_van_een_afgesloten_dossier_houdt_wat_er_voor_het_team_gebeurde(kc, tmp_path, monkeypatch):
    """An afgesloten dossier's history stays (issue 18 §4): shared only after it was closed, its
    historiek showed one line "dossier aangemaakt" and lost the afronding and afsluiting."""
    import yaml

    from tests.test_alleen_lezen import klaar_data

    data = klaar_data()
    data["stappen"] = [{"item": "evaluatie-gezinsleden", "datum": "2026-11-15"}]
    bestand = tmp_path / "klaar.yaml"
    bestand.write_text(yaml.safe_dump(data, allow_unicode=True), encoding="utf-8")
    dossier_id = kc.ok("dossier", "new", "--from", bestand, "--no-input").output.split("Dossier ", 1)[1].split(" ")[0]
    kc.ok("afronding", "start", dossier_id, "--weegploeg-akkoord", "2026-11-17")
    monkeypatch.setenv("KETENCLI_NU", "2027-06-01T10:00")
    kc.ok("afronding", "afsluiten", dossier_id, "--geen-nieuwe-feiten", "--vervolghulp-gestart")
    voor = [w["zin"] for h in json.loads(kc.ok("dossier", "historiek", dossier_id, "--json").output)
            for w in h["wijzigingen"]]
    assert any("afgesloten" in z for z in voor)
    pygit2.init_repository(str(tmp_path / "team.git"), bare=True)
    kc.ok("team", "init", "--remote", str(tmp_path / "team.git"), "--naam", NAAM_A)
    kc.ok("team", "sync")
    items = json.loads(kc.ok("dossier", "historiek", dossier_id, "--json").output)
    zinnen = [w["zin"] for w in items[0]["wijzigingen"]]
    assert zinnen[0] == "dossier aangemaakt (of voor het eerst gedeeld)"
    assert len(zinnen) == 1 + len(voor) and all(z.startswith("eerder, op ") for z in zinnen[1:])
    assert any("afgesloten" in z and "01/06/2027" in z for z in zinnen)
    assert "afgesloten" in kc.ok("dossier", "historiek", dossier_id).output


def test_sync_zonder_samenvoeging_laadt_geen_model_en_de_lijst_toont_het_werk_van_de_collega(team):
    """Issue 18's benchmark case (a colleague changed other dossiers than we did): the sync writes their
    files as they are and merges nothing, so it loads neither pydantic (the model) nor rich; the
    listing afterwards (its summary cache checks the files' stamps) shows the colleague's change."""
    import os
    import subprocess
    import sys

    eerste = team.start()
    team.ok(team.a, "dossier", "new", "--regio", "leuven", "--gezin", "Gezin Tweede", "--no-input")
    team.ok(team.a, "team", "sync")
    team.ok(team.b, "team", "sync")
    team.ok(team.a, "dossier", "list", "--team")  # the summary cache holds both dossiers now
    team.ok(team.b, "dossier", "regisseur", "2026-002", "--naam", "Carla Collega", "--no-input")
    team.ok(team.b, "team", "sync")
    team.ok(team.a, "tijdlijn", "add", eerste, "--soort", "contact", "--datum", "2026-11-20",
            "--omschrijving", "Eigen werk", "--no-input")
    omgeving = {**os.environ, "KETENCLI_HOME": str(team.a)}
    uit = subprocess.run([sys.executable, "-X", "importtime", "-m", "ketencli", "team", "sync"],
                         capture_output=True, text=True, env=omgeving)
    assert uit.returncode == 0, uit.stderr
    assert uit.stdout.startswith("✓ Gesynchroniseerd: 1 bestand bijgewerkt; gedeeld."), uit.stdout
    geladen = {r.split("|")[-1].strip() for r in uit.stderr.splitlines() if r.startswith("import time:")}
    assert "pygit2" in geladen  # the measurement works
    for zwaar in ("pydantic", "rich", "ketencli.model"):
        assert not {n for n in geladen if n == zwaar or n.startswith(zwaar + ".")}, zwaar
    lijst = team.ok(team.a, "dossier", "list", "--team", "--json").output
    assert {r["id"]: r["regisseur"] for r in json.loads(lijst)}["2026-002"] == "Carla Collega"


def _ico_geen_ketenaanpak(run, home=None) -> str:
    """A new dossier whose ICO concluded "geen-ketenaanpak" (fase niet-ingestroomd, guide II.D)."""
    uit = run("dossier", "new", "--regio", "leuven", "--gezin", "Gezin Ico", "--no-input")
    dossier_id = uit.output.split("Dossier ", 1)[1].split(" ", 1)[0]
    run("dossier", "ico", dossier_id, "--conclusie", "geen-ketenaanpak", "--advies",
        "Advies aan de aanmelder; veiligheidsplan opmaken met de huisarts", "--no-input")
    return dossier_id


def _geen_sleutels_of_iso_datums(tekst: str) -> None:
    import re

    for sleutel in ("niet-ingestroomd", "geen-ketenaanpak"):
        assert sleutel not in tekst, tekst
    assert not re.search(r"\d{4}-\d{2}-\d{2}", tekst), tekst


def test_historiek_zonder_team_zegt_fasen_en_ico_in_woorden_en_datums_zoals_elders(kc):
    """`dossier historiek` showed the ICO's line as stored: "fase aanmelding → niet-ingestroomd
    (ICO 2026-11-24: geen-ketenaanpak)". The fase names as `dossier show` says them, the conclusion as
    `dossier ico` says it, dates as 24/11/2026; the stored historie stays as it was (methodiek reads it)."""
    from ketencli import klok

    dossier_id = _ico_geen_ketenaanpak(kc.ok)
    vandaag = f"{klok.nu():%d/%m/%Y}"
    tekst = kc.ok("dossier", "historiek", dossier_id).output
    regels = " ".join(tekst.split())
    assert "fase aanmelding → niet ingestroomd" in regels
    assert f"{vandaag}: geen nood aan ketenaanpak (advies aan de aanmelder)" in regels
    assert f"{vandaag} {klok.nu():%H:%M}" in tekst  # the heading of the entry
    assert "historiek" in tekst and "historie " not in tekst
    _geen_sleutels_of_iso_datums(tekst)
    zinnen = [w["zin"] for i in json.loads(kc.ok("dossier", "historiek", dossier_id, "--json").output)
              for w in i["wijzigingen"]]
    _geen_sleutels_of_iso_datums(" ".join(zinnen))
    assert store.laad(dossier_id).historie[-1].wat == "fase aanmelding → niet-ingestroomd"


def test_historiek_in_een_team_zegt_fasen_ico_en_datums_in_woorden(team):
    dossier_id = team.start()
    with team.bij(team.a):
        ico_id = _ico_geen_ketenaanpak(team.kc.ok)
    team.ok(team.a, "team", "sync")
    tekst = team.ok(team.a, "dossier", "historiek", ico_id).output
    regels = " ".join(tekst.split())
    assert "fase: gewijzigd van 'aanmelding' in 'niet ingestroomd'" in regels
    assert "ICO: toegevoegd (" in regels and "geen nood aan ketenaanpak (advies aan de aanmelder)" in regels
    _geen_sleutels_of_iso_datums(tekst)
    # a dossier shared after its ICO: its earlier historie in the same words
    tekst = team.ok(team.a, "dossier", "historiek", dossier_id).output
    assert "eerder, op " in tekst
    _geen_sleutels_of_iso_datums(tekst)


def test_overdracht_wist_het_contact_van_de_vorige_regisseur(team):
    """Handing over kept Sofie's phone under Jens's name (the weegploeg document then said "Contact 016 12
    34 56" for Jens): the old contact is cleared, and said so, unless --contact gives the new one."""
    dossier_id = team.start()
    team.ok(team.a, "dossier", "regisseur", dossier_id, "--naam", NAAM_A, "--organisatie", "CAW",
            "--contact", "016 12 34 56")
    uit = team.ok(team.a, "dossier", "overdracht", dossier_id, "--aan", NAAM_B, "--organisatie", "CAW Oost-Brabant")
    tekst = " ".join(uit.output.split())
    assert "016 12 34 56" in tekst and "gewist" in tekst
    r = team.dossier(team.a, dossier_id).casusregisseur
    assert (r.naam, r.organisatie, r.contact) == (NAAM_B, "CAW Oost-Brabant", "")
    uit = team.ok(team.a, "dossier", "overdracht", dossier_id, "--aan", NAAM_A, "--contact", "016 99 99 99")
    assert "Het contact van de vorige regisseur" not in " ".join(uit.output.split()) and "016 99 99 99" in uit.output
    assert team.dossier(team.a, dossier_id).casusregisseur.contact == "016 99 99 99"


def test_overdracht_wist_de_organisatie_van_de_vorige_regisseur(team):
    """Handing over kept the previous regisseur's organisation under the new name (as it did the
    contact): it is cleared, and said so, unless --organisatie gives the new one."""
    dossier_id = team.start()
    team.ok(team.a, "dossier", "regisseur", dossier_id, "--naam", NAAM_A, "--organisatie", "CAW Oost-Brabant",
            "--contact", "016 12 34 56")
    uit = team.ok(team.a, "dossier", "overdracht", dossier_id, "--aan", NAAM_B)
    tekst = " ".join(uit.output.split())
    assert "De organisatie van de vorige regisseur (CAW Oost-Brabant) is gewist" in tekst and "--organisatie" in tekst
    assert "Het contact van de vorige regisseur (016 12 34 56) is gewist" in tekst
    r = team.dossier(team.a, dossier_id).casusregisseur
    assert (r.naam, r.organisatie, r.contact) == (NAAM_B, "", "")
    uit = team.ok(team.a, "dossier", "overdracht", dossier_id, "--aan", NAAM_A, "--organisatie", "Politiezone Leuven")
    tekst = " ".join(uit.output.split())
    assert "Organisatie: Politiezone Leuven" in tekst and "De organisatie van de vorige" not in tekst
    assert team.dossier(team.a, dossier_id).casusregisseur.organisatie == "Politiezone Leuven"


def test_overdracht_bewaart_een_gekende_naam_in_de_gekende_schrijfwijze(team):
    """``--aan "pieter verstraete"`` when the team knows "Pieter Verstraete" stored a second spelling of
    one person. A name that differs from a known one only in capitals or spacing is stored as the team
    writes it, and the confirmation says so."""
    dossier_id = team.start()
    uit = team.ok(team.a, "dossier", "new", "--from", voorbeeld("de-palmeneire-vercammen.yaml"), "--no-input")
    ander = uit.output.split("Dossier ", 1)[1].split(" ", 1)[0]
    team.ok(team.a, "dossier", "regisseur", ander, "--naam", "Pieter Verstraete")  # the team knows Pieter
    uit = team.ok(team.a, "dossier", "overdracht", dossier_id, "--aan", "pieter  verstraete")
    tekst = " ".join(uit.output.split())
    assert "overgedragen aan pieter verstraete als Pieter Verstraete" in tekst and "ken ik niet" not in tekst
    assert team.dossier(team.a, dossier_id).casusregisseur.naam == "Pieter Verstraete"
    team.ok(team.a, "dossier", "overdracht", dossier_id, "--aan", NAAM_B.upper().replace(" ", ""))
    assert team.dossier(team.a, dossier_id).casusregisseur.naam == NAAM_B
    uit = team.ok(team.a, "dossier", "overdracht", dossier_id, "--aan", NAAM_A)
    tekst = " ".join(uit.output.split())
    assert f"overgedragen aan {NAAM_A}." in tekst and " als " not in tekst


def test_historiek_in_een_team_toont_de_eigen_historie_van_het_dossier(team):
    """`dossier historiek` in a team left out the dossier's own historie (overgedragen aan/van, heropend
    with its reason, hernummerd): a renumbered member appeared as "m6 toegevoegd" and then "m7 toegevoegd"
    without the renumbering. Now each entry is a line of the version that added it, --json too."""
    dossier_id = team.start()
    volgend = team.dossier(team.a, dossier_id).volgend_lid_id()
    nieuw = f"m{int(volgend[1:]) + 1}"
    team.ok(team.a, "dossier", "lid", "add", dossier_id, "--naam", "Rita", "--rol", "ander",
            "--geboortedatum", "1950-01-01", "--relatie", "m1:ander", "--no-input")
    team.ok(team.b, "dossier", "lid", "add", dossier_id, "--naam", "Jan", "--rol", "pleger",
            "--geboortedatum", "1990-05-05", "--relatie", "m1:partner", "--no-input")
    team.ok(team.a, "team", "sync")
    team.ok(team.b, "team", "sync")  # B's Jan becomes the next member
    team.ok(team.b, "dossier", "overdracht", dossier_id, "--aan", NAAM_B, "--toch")
    items = json.loads(team.ok(team.b, "dossier", "historiek", dossier_id, "--json").output)
    zinnen = [w["zin"] for item in items for w in item["wijzigingen"]]
    assert any(f"hernummerd: gezinslid {volgend} → {nieuw}" in z for z in zinnen)
    her = next(i for i, item in enumerate(items)
               if any("hernummerd" in w["zin"] for w in item["wijzigingen"]))
    assert any(f"gezinslid {nieuw}: toegevoegd" in w["zin"] for w in items[her]["wijzigingen"])
    laatste = items[-1]["wijzigingen"]
    assert laatste[0]["soort"] == "historie" and laatste[0]["zin"] == f"overgedragen aan {NAAM_B} (van Katrien Dewulf)"
    tekst = " ".join(team.ok(team.b, "dossier", "historiek", dossier_id).output.split())
    assert f"overgedragen aan {NAAM_B} (van Katrien Dewulf)" in tekst and f"gezinslid {volgend} → {nieuw}" in tekst


@pytest.mark.parametrize("eerst", ["a", "b"])
def test_afgesloten_zonder_nieuwe_feiten_en_een_nieuw_pv_is_een_conflict(team, eerst):
    """A closes the dossier offline ("geen nieuwe feiten", guide L731) while B adds a pv dated after the
    afronding: the merge used to give, silently, an afgesloten dossier with "geen nieuwe feiten" and a new
    pv (which `afronding afsluiten` itself refuses). Now the merged dossier is checked against that rule
    and the contradiction is a recorded conflict on afronding › nieuwe feiten, shown by sync, `team
    status` and `dossier show`, and resolvable with `team los` although the dossier is afgesloten."""
    from datetime import date

    dossier_id = team.start()
    with team.bij(team.a), store.wijzig(dossier_id) as d:
        d.fase = "afgerond"
        d.afronding.gestart_op = date(2026, 5, 4)
        d.afronding.opvolging_tot = date(2026, 11, 4)
        d.tijdlijn = [t for t in d.tijdlijn if not (t.soort in ("incident", "pv", "melding")
                                                    and t.datum > date(2026, 5, 4))]
    team.ok(team.a, "team", "sync")
    team.ok(team.b, "team", "sync")
    team.ok(team.a, "afronding", "afsluiten", dossier_id, "--geen-nieuwe-feiten", "--geen-vervolghulp")
    team.ok(team.b, "tijdlijn", "add", dossier_id, "--soort", "pv", "--datum", "2026-10-12",
            "--omschrijving", "bedreiging", "--no-input")
    eerste, tweede = (team.a, team.b) if eerst == "a" else (team.b, team.a)
    team.ok(eerste, "team", "sync")
    uit = team.ok(tweede, "team", "sync")
    assert f"Conflict in dossier {dossier_id}" in uit.output and "nieuwe feiten" in uit.output
    team.ok(eerste, "team", "sync")
    for home in (team.a, team.b):
        d = team.dossier(home, dossier_id)
        assert d.fase == "afgesloten" and [c.veld for c in d.conflicten] == ["afronding.nieuwe_feiten"]
        waarden = [(w.door, w.waarde) for w in d.conflicten[0].waarden]
        assert waarden == [(NAAM_A, "geen nieuwe feiten"), (NAAM_B, "pv op 12/10/2026: bedreiging")]
        assert "nieuwe feiten" in team.ok(home, "team", "status").output
        show = " ".join(team.ok(home, "dossier", "show", dossier_id).output.split())
        assert "pv op 12/10/2026: bedreiging" in show
    team.ok(team.b, "team", "los", dossier_id, "--kies", "2")
    d = team.dossier(team.b, dossier_id)
    assert d.conflicten == [] and d.afronding.nieuwe_feiten == "pv op 12/10/2026: bedreiging"
    assert d.fase == "afgesloten"
    # an edit of the afgesloten dossier is still refused
    assert team.run(team.b, "tijdlijn", "add", dossier_id, "--soort", "contact", "--datum", "2026-11-20",
                    "--omschrijving", "x", "--no-input").exit_code == 1


def test_zelfde_grootte_met_teruggezette_mtime_wordt_toch_gedeeld(team):
    """An edit of the same size whose old mtime was put back (``cp -p``, ``touch -r``) was never
    committed: the quick check compared mtime, size and inode only. git compares the inode-change time
    too (core.trustctime), and so does ketencli now (not on Windows)."""
    import os
    import time

    dossier_id = team.start()
    team.ok(team.a, "dossier", "aanmelding", dossier_id, "--waarom-nu", "Versie A")
    time.sleep(0.05)  # the index is written later than that file: not "racily clean"
    team.ok(team.a, "dossier", "new", "--from", voorbeeld("de-palmeneire-vercammen.yaml"), "--no-input")
    team.ok(team.a, "team", "sync")
    pad = dossier_bestand(team.a, dossier_id)
    st = pad.stat()
    tekst = pad.read_text(encoding="utf-8")
    assert tekst.count("Versie A") == 1
    pad.write_text(tekst.replace("Versie A", "Versie B"), encoding="utf-8")
    os.utime(pad, ns=(st.st_atime_ns, st.st_mtime_ns))
    assert pad.stat().st_size == st.st_size and pad.stat().st_mtime_ns == st.st_mtime_ns
    team.ok(team.a, "team", "sync")
    team.ok(team.b, "team", "sync")
    assert team.dossier(team.b, dossier_id).aanmelding.waarom_nu == "Versie B"


def test_een_groepsgedeelde_opslag_blijft_schrijfbaar_voor_de_groep(team, tmp_path):
    """A shared bare repository made with ``git init --bare --shared=group``: the direct copy wrote
    loose objects in new ``objects/xx/`` folders with the pusher's umask (libgit2 ignores
    core.sharedRepository), so colleagues could no longer write there. Such a repository now goes
    through libgit2's transport: the sync still shares, and every object folder stays group-writable."""
    import os
    import stat
    import subprocess

    gedeeld = tmp_path / "groep.git"
    subprocess.run(["git", "init", "-q", "--bare", "--shared=group", str(gedeeld)], check=True)
    oud = os.umask(0o022)
    try:
        dossier_id = team.start(remote=str(gedeeld))
        team.ok(team.a, "dossier", "aanmelding", dossier_id, "--waarom-nu", "Van A in de groep")
        team.ok(team.a, "team", "sync")
        team.ok(team.b, "team", "sync")
    finally:
        os.umask(oud)
    assert team.dossier(team.b, dossier_id).aanmelding.waarom_nu == "Van A in de groep"
    mappen = [p for p in (gedeeld / "objects").rglob("*") if p.is_dir()]
    assert mappen
    zonder = [str(p) for p in mappen if not p.stat().st_mode & stat.S_IWGRP]
    assert zonder == []


def _als_commando(home: Path, *args: str) -> tuple[int, str, str, set[str]]:
    """`ketencli ARGS` as its own process (the entry point a user runs): exit code, stdout, stderr and
    the modules it imported (per -X importtime)."""
    import os
    import subprocess
    import sys

    uit = subprocess.run([sys.executable, "-X", "importtime", "-m", "ketencli", *args], capture_output=True,
                         text=True, encoding="utf-8", env={**os.environ, "KETENCLI_HOME": str(home)})
    geladen = {r.split("|")[-1].strip() for r in uit.stderr.splitlines() if r.startswith("import time:")}
    fout = "\n".join(r for r in uit.stderr.splitlines() if not r.startswith("import time:"))
    return uit.returncode, uit.stdout, fout, geladen


def test_team_sync_zonder_typer_zegt_hetzelfde_als_via_de_app(team):
    """`ketencli team sync` runs without building the typer app (issue 18's start-up): it pulls, merges
    and pushes like the command registered in the app, and says the same, errors included."""
    # no team yet: the same Dutch error and exit code on both paths
    code, stdout, fout, geladen = _als_commando(team.a, "team", "sync")
    via_app = team.run(team.a, "team", "sync")
    assert code == via_app.exit_code == 2  # a usage error (D12)
    assert "typer" not in geladen and "ketencli.cli" not in geladen
    assert " ".join(fout.split()) == " ".join(via_app.output.split()) and "team" in fout
    dossier_id = team.start()
    team.ok(team.b, "tijdlijn", "add", dossier_id, "--soort", "contact", "--datum", "2026-11-20",
            "--omschrijving", "huisbezoek", "--no-input")
    team.ok(team.b, "team", "sync")
    code, stdout, fout, geladen = _als_commando(team.a, "team", "sync")
    assert code == 0 and not fout, fout
    assert "typer" not in geladen and "ketencli.commands.team" not in geladen
    assert not {"yaml", "pydantic", "rich"} & geladen  # nothing merged: no YAML, no model, no rich (issue 18)
    assert " ".join(stdout.split()) == "✓ Gesynchroniseerd: 1 bestand bijgewerkt; niets nieuws te delen."
    assert [t.omschrijving for t in team.dossier(team.a, dossier_id).tijdlijn][-1] == "huisbezoek"
    # the same words through the app (nothing new now) and through the fast path
    assert " ".join(team.ok(team.a, "team", "sync").output.split()) == " ".join(
        _als_commando(team.a, "team", "sync")[1].split()) == "✓ Gesynchroniseerd: niets nieuws te delen."
    # any other spelling goes through the app
    code, stdout, _, geladen = _als_commando(team.a, "team", "sync", "--help")
    assert code == 0 and "typer" in geladen and "Gebruik: ketencli team sync" in stdout


def test_team_sync_naar_een_gesloten_pijp_zwijgt(team):
    """`ketencli team sync | head -0`: the reader went away; the sync itself is done and no disk error
    is claimed (exit 1, quiet, as click does on the typer path)."""
    import os
    import subprocess
    import sys

    team.start()
    proces = subprocess.Popen([sys.executable, "-m", "ketencli", "team", "sync"], stdout=subprocess.PIPE,
                              stderr=subprocess.PIPE, env={**os.environ, "KETENCLI_HOME": str(team.a)})
    assert proces.stdout is not None and proces.stderr is not None
    proces.stdout.close()
    fout = proces.stderr.read().decode("utf-8")
    assert proces.wait() == 1 and fout == "", fout
    assert "Geen conflicten" in team.ok(team.a, "team", "status").output


def test_de_auteur_volgt_het_profiel_ook_met_de_hand_gewijzigd(team):
    """The author's name is kept beside the caches while the profile file is unchanged; a change through
    `ketencli profiel` or by hand in profile.yaml is the author of the next commit."""
    from ketencli import store

    dossier_id = team.start()
    team.ok(team.a, "profiel", "--naam", "Anna Nieuw")
    team.ok(team.a, "dossier", "aanmelding", dossier_id, "--waarom-nu", "Eerste")
    assert _berichten(team.a)[0][0] == "Anna Nieuw"
    with team.bij(team.a):
        pad = store.profiel_pad()
    pad.write_text(pad.read_text(encoding="utf-8").replace("Anna Nieuw", "Anna Hand"), encoding="utf-8")
    team.ok(team.a, "dossier", "aanmelding", dossier_id, "--waarom-nu", "Tweede")
    assert _berichten(team.a)[0][0] == "Anna Hand"


@pytest.mark.skipif(__import__("os").name != "posix", reason="POSIX modes")
def test_de_eigen_team_opslag_is_alleen_voor_jou_de_gedeelde_volgt_je_umask(team):
    """Everything in the data home's .git is owner-only (the trial found 0755 folders and 0644 files
    there); what a sync writes into the shared folder keeps the user's umask, so colleagues can read it."""
    import os
    import stat

    dossier_id = team.start()
    team.ok(team.a, "dossier", "aanmelding", dossier_id, "--waarom-nu", "Rechten")
    oud = os.umask(0o022)
    try:
        team.ok(team.a, "team", "sync")
    finally:
        os.umask(oud)
    ruim = [str(p) for p in (team.a / ".git").rglob("*") if p.stat().st_mode & 0o077]
    assert ruim == [], ruim[:5]
    gedeeld = [p for p in (team.remote / "objects").rglob("*") if p.is_file() and len(p.parent.name) == 2]
    assert gedeeld and all(p.stat().st_mode & stat.S_IROTH for p in gedeeld)


def _conflict_op_beide(team, veld: str = "--wensen-en-noden") -> str:
    """A conflict on one aanmelding field, recorded on both laptops (both synced after it arose)."""
    dossier_id = team.start()
    team.ok(team.a, "dossier", "aanmelding", dossier_id, veld, "Noden volgens A")
    team.ok(team.b, "dossier", "aanmelding", dossier_id, veld, "Noden volgens B")
    for home in (team.a, team.b, team.a):
        team.ok(home, "team", "sync")
    for home in (team.a, team.b):
        assert len(team.dossier(home, dossier_id).conflicten) == 1
    return dossier_id


def test_zelfde_conflict_verschillend_opgelost_is_een_nieuw_conflict(team):
    """Issue 18 "nothing is ever silently lost": P chose value 1 (the value the merged dossier already
    kept), Q value 2; a plain three-way merge took P's choice for "no change" and Q's value won without a
    word. Resolving is a decision: two different decisions are a new conflict, with who and when."""
    dossier_id = _conflict_op_beide(team)
    waarden = [w.waarde for w in team.dossier(team.a, dossier_id).conflicten[0].waarden]
    uit = team.ok(team.a, "team", "los", dossier_id, "1", "--kies", "1")
    assert "Geen open conflicten meer" in " ".join(uit.output.split())
    team.ok(team.b, "team", "los", dossier_id, "1", "--kies", "2")
    for home in (team.a, team.b, team.a):
        team.ok(home, "team", "sync")
    for home in (team.a, team.b):
        d = team.dossier(home, dossier_id)
        assert [c.veld for c in d.conflicten] == ["aanmelding.wensen_en_noden"], home
        assert {(w.door, w.waarde) for w in d.conflicten[0].waarden} == {(NAAM_A, waarden[0]), (NAAM_B, waarden[1])}
        assert all(w.op is not None for w in d.conflicten[0].waarden)
        assert "Geen conflicten" not in team.ok(home, "team", "status").output
        # each resolution is in the historie with the choice, never the value (case text)
        opgelost = [h for h in d.historie if h.wat == "conflict opgelost: aanmelding.wensen_en_noden"]
        assert sorted(h.reden for h in opgelost) == [f"waarde 1 gekozen, ingevuld door {NAAM_B}",
                                                     f"waarde 2 gekozen, ingevuld door {NAAM_A}"]
        assert not any("Noden" in h.reden for h in opgelost)
    # the new conflict is resolved like any other
    team.ok(team.b, "team", "los", dossier_id, "--waarde", "Noden volgens beiden")
    for home in (team.b, team.a):
        team.ok(home, "team", "sync")
    for home in (team.a, team.b):
        d = team.dossier(home, dossier_id)
        assert d.conflicten == [] and d.aanmelding.wensen_en_noden == "Noden volgens beiden"
        assert d.historie[-1].reden == "zelf getypte waarde"


@pytest.mark.parametrize("kies", ["1", "2"])
def test_zelfde_conflict_gelijk_opgelost_is_geen_conflict(team, kies):
    dossier_id = _conflict_op_beide(team)
    gekozen = team.dossier(team.a, dossier_id).conflicten[0].waarden[int(kies) - 1].waarde
    for home in (team.a, team.b):
        team.ok(home, "team", "los", dossier_id, "--kies", kies)
    for home in (team.a, team.b, team.a):
        team.ok(home, "team", "sync")
    for home in (team.a, team.b):
        d = team.dossier(home, dossier_id)
        assert d.conflicten == [] and d.aanmelding.wensen_en_noden == gekozen
    assert "Geen conflicten" in team.ok(team.b, "team", "status").output


def test_opgelost_aan_de_ene_kant_en_bewerkt_aan_de_andere_is_een_conflict(team):
    """P keeps value 1 with `team los`; Q, without resolving, types a new text in the field: Q's edit
    must not silently undo P's decision (nor the other way round)."""
    dossier_id = _conflict_op_beide(team)
    team.ok(team.a, "team", "los", dossier_id, "--kies", "1")
    team.ok(team.b, "dossier", "aanmelding", dossier_id, "--wensen-en-noden", "Nieuwe tekst van B")
    for home in (team.a, team.b, team.a):
        team.ok(home, "team", "sync")
    for home in (team.a, team.b):
        velden = [c.veld for c in team.dossier(home, dossier_id).conflicten]
        assert velden.count("aanmelding.wensen_en_noden") >= 1
        waarden = {w.waarde for c in team.dossier(home, dossier_id).conflicten for w in c.waarden}
        assert "Nieuwe tekst van B" in waarden


def test_twee_overdrachten_zijn_een_conflict_en_na_los_volgen_de_nieuwe_nummers(team):
    """A new user resolved conflict 1, then typed `team los ID 2` for organisatie and resolved contact:
    the numbers had shifted. Two offline hand-overs are now one conflict on the whole casusregisseur
    (choosing side 2 takes side 2's regisseur, never a mix of two people), and after every `team los`
    the conflicts still open are listed with their new numbers."""
    dossier_id = team.start()
    team.ok(team.a, "dossier", "regisseur", dossier_id, "--naam", NAAM_A, "--organisatie", "CAW",
            "--contact", "016 11 11 11")
    for home in (team.a, team.b):
        team.ok(home, "team", "sync")
    team.ok(team.a, "dossier", "overdracht", dossier_id, "--aan", "Chris Collega", "--organisatie", "OCMW Leuven",
            "--contact", "016 22 22 22")
    team.ok(team.b, "dossier", "overdracht", dossier_id, "--aan", "Dirk Collega", "--organisatie", "CAW Oost",
            "--contact", "016 33 33 33")
    team.ok(team.a, "dossier", "aanmelding", dossier_id, "--waarom-nu", "A", "--wensen-en-noden", "A")
    team.ok(team.b, "dossier", "aanmelding", dossier_id, "--waarom-nu", "B", "--wensen-en-noden", "B")
    for home in (team.a, team.b, team.a):
        team.ok(home, "team", "sync")
    d = team.dossier(team.a, dossier_id)
    velden = [c.veld for c in d.conflicten]
    assert sorted(velden) == ["aanmelding.waarom_nu", "aanmelding.wensen_en_noden", "casusregisseur"]
    toon = " ".join(team.ok(team.a, "dossier", "show", dossier_id).output.split())
    assert "naam: Chris Collega; organisatie: OCMW Leuven; contact: 016 22 22 22" in toon
    assert "naam: Dirk Collega; organisatie: CAW Oost; contact: 016 33 33 33" in toon
    nr = velden.index("casusregisseur") + 1
    uit = team.run(team.a, "team", "los", dossier_id, str(nr), "--waarde", "Els Collega")  # a unit is no text
    tekst = " ".join(uit.output.split())
    assert uit.exit_code == 2 and f"Conflict {nr} (casusregisseur) is een geheel van meerdere velden" in tekst
    assert f"ketencli dossier regisseur {dossier_id}" in tekst and len(team.dossier(team.a, dossier_id).conflicten) == 3
    kant = next(i for i, w in enumerate(d.conflicten[nr - 1].waarden, 1) if w.waarde["naam"] == "Dirk Collega")
    uit = " ".join(team.ok(team.a, "team", "los", dossier_id, str(nr), "--kies", str(kant)).output.split())
    r = team.dossier(team.a, dossier_id).casusregisseur
    assert (r.naam, r.organisatie, r.contact) == ("Dirk Collega", "CAW Oost", "016 33 33 33")
    # the historie names who filled value N in, not "die van NAAM" (which read as if NAAM became regisseur)
    door = d.conflicten[nr - 1].waarden[kant - 1].door
    reden = team.dossier(team.a, dossier_id).historie[-1].reden
    assert reden == f"waarde {kant} gekozen, ingevuld door {door}" and "Dirk" not in reden
    rest = [v for v in velden if v != "casusregisseur"]
    assert [c.veld for c in team.dossier(team.a, dossier_id).conflicten] == rest
    lijst = ", ".join(f"{i}. {team_veld}" for i, team_veld in enumerate(
        ("aanmelding › " + v.split(".")[1].replace("_", " ") for v in rest), 1))
    assert f"Nog open in dossier {dossier_id} (nieuwe nummers): {lijst}" in uit
    assert f"ketencli team los {dossier_id} NR --kies 1" in uit
    uit = " ".join(team.ok(team.a, "team", "los", dossier_id, "2", "--kies", "1").output.split())
    assert [c.veld for c in team.dossier(team.a, dossier_id).conflicten] == rest[:1]
    assert f"Nog open in dossier {dossier_id} (nieuwe nummers): 1. aanmelding ›" in uit
    assert f"ketencli team los {dossier_id} 1 --kies 1" in uit
    uit = " ".join(team.ok(team.a, "team", "los", dossier_id, "--kies", "1").output.split())
    assert f"Geen open conflicten meer in dossier {dossier_id}." in uit


def test_overdracht_aan_de_huidige_regisseur_verandert_niets(team):
    """`dossier overdracht ID --aan NAAM` with NAAM already the regisseur wiped the organisation and
    contact and wrote "overgedragen aan X (van X)". Compared as names are (capitals and spacing aside),
    it is refused with nothing saved (D12: a user error)."""
    dossier_id = team.start()
    team.ok(team.a, "dossier", "regisseur", dossier_id, "--naam", NAAM_A, "--organisatie", "CAW",
            "--contact", "016 11 11 11")
    voor = dossier_bestand(team.a, dossier_id).read_bytes()
    for aan, extra in ((NAAM_A, ()), (f"  {NAAM_A.lower()} ", ()), (NAAM_A.upper().replace(" ", ""), ()),
                       (NAAM_A, ("--contact", "0477 00 00 00"))):
        uit = team.run(team.a, "dossier", "overdracht", dossier_id, "--aan", aan, *extra)
        tekst = " ".join(uit.output.split())
        assert uit.exit_code == 1, uit.output
        assert f"{NAAM_A} is al de casusregisseur van dossier {dossier_id}; er verandert niets." in tekst
        assert ("dossier regisseur" in tekst) == bool(extra) and "Traceback" not in tekst
        assert dossier_bestand(team.a, dossier_id).read_bytes() == voor
    r = team.dossier(team.a, dossier_id).casusregisseur
    assert (r.naam, r.organisatie, r.contact) == (NAAM_A, "CAW", "016 11 11 11")


@pytest.mark.parametrize("opdracht", [
    ("team", "sync"), ("team", "status"), ("team", "init", "--remote", "{tmp}/team.git", "--naam", NAAM_A),
    ("team", "los", "2026-001", "--kies", "1"), ("team", "inloggen", "--gebruiker", "x"),
    ("dossier", "historiek", "2026-001"), ("dossier", "overdracht", "2026-001", "--aan", NAAM_B)])
def test_een_datamap_die_een_bestand_is_krijgt_de_schijfmelding_bij_elk_teamcommando(kc, tmp_path, monkeypatch,
                                                                                     opdracht):
    """`team sync` and `team status` said "no team set up, use team init", and `team init` then failed:
    every team command says what `dossier list` says about a data home that is a file."""
    bestand = tmp_path / "datamap"
    bestand.write_text("geen map")
    monkeypatch.setenv("KETENCLI_HOME", str(bestand))
    lijst = kc("dossier", "list")
    assert lijst.exit_code == 1 and "een bestand en geen map" in lijst.output
    uit = kc(*(a.format(tmp=tmp_path) for a in opdracht))
    assert (uit.exit_code, uit.output) == (1, lijst.output)
    assert bestand.read_text() == "geen map"


def test_historiek_zegt_welke_waarde_een_conflict_oploste(team):
    dossier_id = _conflict_op_beide(team)
    team.ok(team.a, "team", "los", dossier_id, "--kies", "2")
    tekst = " ".join(team.ok(team.a, "dossier", "historiek", dossier_id).output.split())
    assert f"conflict opgelost: aanmelding › wensen en noden (waarde 2 gekozen, ingevuld door {NAAM_A})" in tekst
    assert "die van" not in tekst


@pytest.mark.skipif(__import__("os").name != "posix", reason="POSIX modes")
def test_een_collega_met_umask_077_breekt_de_groepsopslag_niet(team, tmp_path):
    """A colleague with umask 077 pushing into a `git init --bare --shared=group` repository left the
    branch file 0600 and the pack 0400 (libgit2 follows the umask only): the others could no longer read
    the team's repository. What a push writes there now gets the group's permissions, as git gives them."""
    import os
    import stat
    import subprocess

    gedeeld = tmp_path / "groep.git"
    subprocess.run(["git", "init", "-q", "--bare", "--shared=group", str(gedeeld)], check=True)
    dossier_id = team.start(remote=str(gedeeld))
    team.ok(team.a, "dossier", "aanmelding", dossier_id, "--waarom-nu", "Met umask 077")
    oud = os.umask(0o077)
    try:
        team.ok(team.a, "team", "sync")
    finally:
        os.umask(oud)
    geschreven = [p for p in [gedeeld / "refs" / "heads" / "main", *(gedeeld / "objects").rglob("*")]
                  if p.exists() and p.stat().st_uid == os.getuid()]
    zonder_groep = [str(p) for p in geschreven if not p.stat().st_mode & stat.S_IRGRP]
    assert geschreven and zonder_groep == [], zonder_groep[:5]
    assert (gedeeld / "refs" / "heads" / "main").stat().st_mode & stat.S_IWGRP
    # and this computer's own copy of the branch stays owner-only
    eigen = [str(p) for p in (team.a / ".git").rglob("*") if p.stat().st_mode & 0o077]
    assert eigen == [], eigen
    team.ok(team.b, "team", "sync")
    assert team.dossier(team.b, dossier_id).aanmelding.waarom_nu == "Met umask 077"


def test_team_init_met_een_andere_naam_zegt_wat_er_verandert(team):
    """`team init` again with another --naam renamed the user silently: their dossiers dropped out of
    their own overzicht. Now it says so, and how to move the dossiers to the new name."""
    team.start()
    uit = team.ok(team.a, "team", "init", "--remote", str(team.remote), "--naam", "Anna Nieuwenaam")
    tekst = " ".join(uit.stderr.split())
    assert f"Je naam in je profiel verandert van {NAAM_A} naar Anna Nieuwenaam" in tekst
    assert "ketencli dossier overdracht ID --aan \"Anna Nieuwenaam\"" in tekst
    # the same name again (other capitals or spacing): nothing to say
    uit = team.ok(team.a, "team", "init", "--remote", str(team.remote), "--naam", "anna  nieuwenaam")
    assert "verandert" not in uit.stderr


def test_los_met_het_veld_in_plaats_van_een_nummer_dat_verschoof(team):
    """Numbers are positions: after a colleague resolved conflict 1 and both synced, `team los ID 2`
    (the "2." shown earlier) is no conflict any more. The field, as the list names it or as its path,
    stays the same field; a number still works, and the command says which field it resolved."""
    dossier_id = team.start()
    team.ok(team.a, "dossier", "aanmelding", dossier_id, "--waarom-nu", "A", "--geweld-nu", "A")
    team.ok(team.b, "dossier", "aanmelding", dossier_id, "--waarom-nu", "B", "--geweld-nu", "B")
    for home in (team.a, team.b, team.a):
        team.ok(home, "team", "sync")
    velden = [c.veld for c in team.dossier(team.a, dossier_id).conflicten]
    assert sorted(velden) == ["aanmelding.geweld_nu", "aanmelding.waarom_nu"]
    eerste = velden[0]
    team.ok(team.b, "team", "los", dossier_id, eerste, "--kies", "1")
    for home in (team.b, team.a):
        team.ok(home, "team", "sync")
    uit = team.run(team.a, "team", "los", dossier_id, "2", "--kies", "2")
    assert uit.exit_code == 2 and "geen conflict 2 (alleen 1 bestaat)" in uit.output
    uit = team.run(team.a, "team", "los", dossier_id, "diensten", "--kies", "2")
    tekst = " ".join(uit.output.split())
    assert uit.exit_code == 2 and "geen open conflict op 'diensten'" in tekst and velden[1] in tekst
    uit = team.run(team.a, "team", "los", dossier_id, eerste, "--kies", "2")  # resolved by the colleague
    assert uit.exit_code == 2 and "geen open conflict op" in uit.output
    woorden = velden[1].split(".")[1].replace("_", " ")
    voor = dossier_bestand(team.a, dossier_id).read_bytes()
    for nr in (woorden.upper(), f"aanmelding › {woorden}", velden[1]):
        with team.bij(team.a):
            uit = team.kc("team", "los", dossier_id, nr, "--kies", "2")
        assert uit.exit_code == 0, uit.output
        assert f"Conflict in aanmelding › {woorden} opgelost" in " ".join(uit.output.split())
        assert not team.dossier(team.a, dossier_id).conflicten
        dossier_bestand(team.a, dossier_id).write_bytes(voor)  # the conflict again, for the next spelling
    uit = team.ok(team.a, "team", "los", dossier_id, "1", "--kies", "2")
    assert f"Conflict in aanmelding › {woorden} opgelost" in " ".join(uit.output.split())


def test_los_kies_vervangt_een_latere_wijziging_alleen_met_toch(team):
    """Issue 18 "nothing is ever silently lost": after a conflict the user typed a new text in the field;
    `dossier show` still said "Tot dan staat waarde 1 in het dossier" and `team los --kies 2` overwrote
    the newer text without a word. Now the change is said when it is made, the box says a later change
    is in the dossier (without showing it), and --kies refuses (exit 1, nothing saved) unless --toch."""
    dossier_id = _conflict_op_beide(team, "--waarom-nu")
    waarden = [w.waarde for w in team.dossier(team.a, dossier_id).conflicten[0].waarden]
    uit = team.ok(team.a, "dossier", "aanmelding", dossier_id, "--waarom-nu", "Nieuwe tekst na conflict")
    tekst = " ".join(uit.output.split())
    assert "Let op: er is een open conflict op dit veld (aanmelding › waarom nu)" in tekst
    assert f"ketencli team los {dossier_id} aanmelding.waarom_nu --waarde" in tekst
    # another field of the same dossier: no note
    uit = team.ok(team.a, "dossier", "aanmelding", dossier_id, "--wensen-en-noden", "Andere tekst")
    assert "Let op" not in uit.output
    toon = " ".join(team.ok(team.a, "dossier", "show", dossier_id).output.split())
    assert "In het dossier staat nu een latere wijziging." in toon and "Tot dan staat waarde 1" not in toon
    assert toon.count("Nieuwe tekst na conflict") == 1  # the aanmelding shows it; the box does not repeat it
    voor = dossier_bestand(team.a, dossier_id).read_bytes()
    for kies in ("1", "2"):
        uit = team.run(team.a, "team", "los", dossier_id, "1", "--kies", kies)
        tekst = " ".join(uit.output.split())
        assert uit.exit_code == 1, uit.output
        assert "Het veld aanmelding › waarom nu werd na het conflict nog gewijzigd" in tekst
        assert f"ketencli team los {dossier_id} aanmelding.waarom_nu --kies {kies} --toch" in tekst
        assert "--waarde" in tekst
        assert "Traceback" not in tekst and dossier_bestand(team.a, dossier_id).read_bytes() == voor
    team.ok(team.a, "team", "los", dossier_id, "1", "--kies", "2", "--toch")
    d = team.dossier(team.a, dossier_id)
    assert d.aanmelding.waarom_nu == waarden[1] and d.conflicten == []
    assert d.historie[-1].reden == f"waarde 2 gekozen, ingevuld door {NAAM_A}; een latere wijziging vervangen"


def test_los_kies_van_de_waarde_die_er_staat_vraagt_geen_toch(team):
    """The field holds one of the values (value 1 as merged, or value 2 typed again by hand): no later
    change to lose, so --kies needs no --toch, and the box says which value is in the dossier."""
    dossier_id = _conflict_op_beide(team, "--waarom-nu")
    waarden = [w.waarde for w in team.dossier(team.a, dossier_id).conflicten[0].waarden]
    team.ok(team.a, "dossier", "aanmelding", dossier_id, "--waarom-nu", waarden[1])
    toon = " ".join(team.ok(team.a, "dossier", "show", dossier_id).output.split())
    assert "In het dossier staat nu waarde 2." in toon and "latere wijziging" not in toon
    team.ok(team.a, "team", "los", dossier_id, "--kies", "1")
    assert team.dossier(team.a, dossier_id).aanmelding.waarom_nu == waarden[0]


def test_een_nieuwe_overdracht_na_een_regisseursconflict_gaat_niet_stil_verloren(team):
    """A conflict on the whole casusregisseur (two offline hand-overs), then a new hand-over: choosing
    a value of the conflict would undo it; the hand-over says the conflict is open."""
    dossier_id = team.start()
    team.ok(team.a, "dossier", "overdracht", dossier_id, "--aan", "Chris Collega", "--toch")
    team.ok(team.b, "dossier", "overdracht", dossier_id, "--aan", "Dirk Collega", "--toch")
    for home in (team.a, team.b, team.a):
        team.ok(home, "team", "sync")
    conflicten = team.dossier(team.a, dossier_id).conflicten
    assert [c.veld for c in conflicten] == ["casusregisseur"]
    tweede = conflicten[0].waarden[1].waarde["naam"]
    uit = team.ok(team.a, "dossier", "overdracht", dossier_id, "--aan", "Els Collega", "--toch")
    tekst = " ".join(uit.output.split())
    assert "Let op: er is een open conflict op dit veld (casusregisseur)" in tekst
    assert f"ketencli team los {dossier_id} casusregisseur --kies N --toch" in tekst
    assert "In het dossier staat nu een latere wijziging." in team.ok(team.a, "dossier", "show", dossier_id).output
    uit = team.run(team.a, "team", "los", dossier_id, "casusregisseur", "--kies", "2")
    assert uit.exit_code == 1 and "werd na het conflict nog gewijzigd" in uit.output
    assert "--waarde" not in uit.output  # a whole regisseur is not typed
    assert team.dossier(team.a, dossier_id).casusregisseur.naam == "Els Collega"
    team.ok(team.a, "team", "los", dossier_id, "casusregisseur", "--kies", "2", "--toch")
    assert team.dossier(team.a, dossier_id).casusregisseur.naam == tweede
