"""Faults a team sync survives (issue 18): the remote unreachable (before and in the middle of a
sync), a rejected push (someone pushed first), a full disk, and the process killed (kill -9) at every
file write and around every git operation. Each time the local data home stays valid (the dossier
loads, `team status` works) and the next sync completes with nothing lost."""

from __future__ import annotations

import errno
import os
import shutil
import signal
from pathlib import Path

import pygit2
import pytest

from ketencli import git_opslag, store
from tests import kill_harnas
from tests.test_team import Team


@pytest.fixture
def team(kc, tmp_path, monkeypatch) -> Team:
    return Team(kc, tmp_path, monkeypatch)


def _tweezijdig(team: Team) -> str:
    """Both homes synced; then B shares a tijdlijn entry and A has an unshared field edit."""
    dossier_id = team.start()
    team.ok(team.b, "tijdlijn", "add", dossier_id, "--soort", "overleg", "--datum", "2026-11-21",
            "--omschrijving", "Van B", "--no-input")
    team.ok(team.b, "team", "sync")
    team.ok(team.a, "dossier", "aanmelding", dossier_id, "--waarom-nu", "Van A")
    return dossier_id


def _alles_er(team: Team, dossier_id: str) -> None:
    for home in (team.a, team.b):
        team.ok(home, "team", "sync")
    team.ok(team.a, "team", "sync")
    for home in (team.a, team.b):
        d = team.dossier(home, dossier_id)
        assert d.aanmelding.waarom_nu == "Van A" and "Van B" in {t.omschrijving for t in d.tijdlijn}, home
        assert d.conflicten == []


def _geldig(team: Team, dossier_id: str) -> None:
    team.dossier(team.a, dossier_id)  # loads and validates
    uit = team.run(team.a, "team", "status")
    assert uit.exit_code == 0, uit.output


def test_remote_onbereikbaar_bij_het_begin(team, tmp_path):
    dossier_id = _tweezijdig(team)
    weg = tmp_path / "weg.git"
    team.remote.rename(weg)
    uit = team.run(team.a, "team", "sync")
    assert uit.exit_code == 1 and "niet bereikbaar" in uit.output and "Traceback" not in uit.output
    _geldig(team, dossier_id)
    weg.rename(team.remote)
    _alles_er(team, dossier_id)


def test_remote_onbereikbaar_midden_in_de_sync(team, monkeypatch):
    dossier_id = _tweezijdig(team)
    echte_duw = git_opslag.duw

    def valt_weg(repo):
        raise git_opslag._onbereikbaar(pygit2.GitError("failed to connect"))

    monkeypatch.setattr(git_opslag, "duw", valt_weg)
    uit = team.run(team.a, "team", "sync")
    assert uit.exit_code == 1 and "niet bereikbaar" in uit.output
    _geldig(team, dossier_id)
    d = team.dossier(team.a, dossier_id)  # the merge is done locally, only the push is missing
    assert d.aanmelding.waarom_nu == "Van A" and "Van B" in {t.omschrijving for t in d.tijdlijn}
    assert "Nog te delen: 2" in team.ok(team.a, "team", "status").output
    monkeypatch.setattr(git_opslag, "duw", echte_duw)
    _alles_er(team, dossier_id)


def test_push_geweigerd_omdat_iemand_eerst_was(team, monkeypatch, tmp_path):
    """Between A's fetch and A's push, C pushes: A's push is refused; A fetches, merges and pushes
    again, and C's change is not lost."""
    dossier_id = _tweezijdig(team)
    c = tmp_path / "c"
    team.ok(c, "team", "init", "--remote", str(team.remote), "--naam", "Chris Testregisseur")
    team.ok(c, "team", "sync")
    team.ok(c, "stap", dossier_id, "afvinken", "co3-voorstellen")  # a commit in C, not yet pushed
    echte_duw = git_opslag.duw
    pogingen = []

    def c_was_eerst(repo):
        if not pogingen:
            pygit2.Repository(str(c)).remotes["origin"].push([f"{git_opslag.REF}:{git_opslag.REF}"])
        pogingen.append(1)
        return echte_duw(repo)

    monkeypatch.setattr(git_opslag, "duw", c_was_eerst)
    team.ok(team.a, "team", "sync")
    assert len(pogingen) == 2
    monkeypatch.setattr(git_opslag, "duw", echte_duw)
    _alles_er(team, dossier_id)
    team.ok(c, "team", "sync")
    for home in (team.a, team.b, c):
        assert "co3-voorstellen" in {s.item for s in team.dossier(home, dossier_id).stappen}


def test_schijf_vol_tijdens_de_sync(team, monkeypatch):
    dossier_id = _tweezijdig(team)
    oud = (team.a / "dossiers" / dossier_id / "dossier.yaml").read_bytes()
    echt = store._schrijf_atomisch

    def vol(pad, inhoud):
        raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC), str(pad))

    monkeypatch.setattr(store, "_schrijf_atomisch", vol)
    uit = team.run(team.a, "team", "sync")
    assert uit.exit_code == 1 and "schijf is vol" in uit.output and "Traceback" not in uit.output
    assert (team.a / "dossiers" / dossier_id / "dossier.yaml").read_bytes() == oud
    _geldig(team, dossier_id)
    monkeypatch.setattr(store, "_schrijf_atomisch", echt)
    _alles_er(team, dossier_id)


def test_schijf_vol_in_git(team, monkeypatch):
    dossier_id = _tweezijdig(team)
    echt = git_opslag.maak_commit

    def vol(*args, **kwargs):
        raise pygit2.GitError("failed to write object: No space left on device")

    monkeypatch.setattr(git_opslag, "maak_commit", vol)
    uit = team.run(team.a, "team", "sync")
    assert uit.exit_code == 1 and "team-opslag" in uit.output and "Traceback" not in uit.output
    monkeypatch.setattr(git_opslag, "maak_commit", echt)
    _geldig(team, dossier_id)
    _alles_er(team, dossier_id)


# -- kill -9 -----------------------------------------------------------------------------------------

GIT_STAPPEN = ["haal_op", "duw", "maak_commit", "werk_index_bij", "verplaats_head", "leg_alles_vast"]


def _draai_dood_in_git(argumenten: list[str], functie: str, na: bool) -> int:
    """Run ketencli in a forked child that SIGKILLs itself right before (or right after) the first
    call of ``git_opslag.<functie>`` (libgit2 writes are invisible to the audit hook). Returns the
    exit status (-9 when killed)."""
    pid = os.fork()
    if pid == 0:
        code = 1
        try:
            devnull = os.open(os.devnull, os.O_WRONLY)
            os.dup2(devnull, 1)
            os.dup2(devnull, 2)
            from ketencli.cli import app

            echt = getattr(git_opslag, functie)

            def dood(*args, **kwargs):
                if not na:
                    os.kill(os.getpid(), signal.SIGKILL)
                uit = echt(*args, **kwargs)
                os.kill(os.getpid(), signal.SIGKILL)
                return uit

            setattr(git_opslag, functie, dood)
            try:
                app(argumenten, prog_name="ketencli")
            except SystemExit as uitgang:
                code = uitgang.code if isinstance(uitgang.code, int) else 1
        finally:
            os._exit(code)
    _, status = os.waitpid(pid, 0)
    return -os.WTERMSIG(status) if os.WIFSIGNALED(status) else os.WEXITSTATUS(status)


def _herstel(bron: Path, doel: Path) -> None:
    shutil.rmtree(doel)
    shutil.copytree(bron, doel, symlinks=True)


@pytest.mark.skipif(os.name != "posix", reason="fork and SIGKILL")
def test_kill_tijdens_de_sync(team, tmp_path, monkeypatch):
    dossier_id = _tweezijdig(team)
    monkeypatch.setenv("KETENCLI_HOME", str(team.a))
    kopie_a, kopie_r = tmp_path / "kopie-a", tmp_path / "kopie-r"
    shutil.copytree(team.a, kopie_a, symlinks=True)
    shutil.copytree(team.remote, kopie_r, symlinks=True)
    code, schrijfacties = kill_harnas.draai(["team", "sync"], None)
    assert code == 0 and schrijfacties > 0
    gevallen: list[tuple[str, object]] = [("schrijf", n) for n in range(1, schrijfacties + 1)]
    gevallen += [(f, na) for f in GIT_STAPPEN for na in (False, True)]
    gedood = 0
    for soort, waar in gevallen:
        _herstel(kopie_a, team.a)
        _herstel(kopie_r, team.remote)
        monkeypatch.setenv("KETENCLI_HOME", str(team.a))
        if soort == "schrijf":
            code, _ = kill_harnas.draai(["team", "sync"], waar)  # type: ignore[arg-type]
        else:
            code = _draai_dood_in_git(["team", "sync"], soort, bool(waar))
        gedood += code == -9
        # the data home is valid after the kill ...
        _geldig(team, dossier_id)
        # ... and the next sync completes, with both sides' changes
        code, _ = kill_harnas.draai(["team", "sync"], None)
        assert code == 0, (soort, waar)
        d = team.dossier(team.a, dossier_id)
        assert d.aanmelding.waarom_nu == "Van A" and "Van B" in {t.omschrijving for t in d.tijdlijn}, (soort, waar)
        assert d.conflicten == [], (soort, waar)
        remote = pygit2.Repository(str(team.remote))
        boom = remote.revparse_single(git_opslag.REF).peel(pygit2.Tree)
        gedeeld = store.dossier_uit_tekst(boom[f"dossiers/{dossier_id}/dossier.yaml"].data.decode(), "remote")
        assert gedeeld.aanmelding.waarom_nu == "Van A", (soort, waar)
    assert gedood >= len(gevallen) // 2


def test_bewaring_tijdens_de_sync_wordt_niet_overschreven(team, monkeypatch):
    """Another window saves the dossier while the sync is fetching: the sync never writes over it; it
    stops with a clear message, and the next sync merges the save."""
    dossier_id = _tweezijdig(team)
    team.ok(team.a, "team", "sync")  # A's own edit shared; B's entry here
    team.ok(team.b, "dossier", "aanmelding", dossier_id, "--geweld-nu", "Van B, later")
    team.ok(team.b, "team", "sync")
    echt = git_opslag.haal_op
    monkeypatch.setattr(git_opslag, "SLOT_WACHTTIJD", 0.05)

    def met_bewaring(repo):
        daar = echt(repo)
        if not getattr(met_bewaring, "gedaan", False):
            met_bewaring.gedaan = True
            with store.wijzig(dossier_id) as d:  # the other window (its commit waits for the team lock)
                d.aanmelding.veiligheidsplan = "Tussendoor bewaard"
        return daar

    monkeypatch.setattr(git_opslag, "haal_op", met_bewaring)
    monkeypatch.setenv("KETENCLI_HOME", str(team.a))
    uit = team.run(team.a, "team", "sync")
    assert uit.exit_code == 1 and "synchroniseerde" in uit.output
    assert team.dossier(team.a, dossier_id).aanmelding.veiligheidsplan == "Tussendoor bewaard"
    monkeypatch.setattr(git_opslag, "haal_op", echt)
    team.ok(team.a, "team", "sync")
    team.ok(team.b, "team", "sync")
    for home in (team.a, team.b):
        d = team.dossier(home, dossier_id)
        assert d.aanmelding.veiligheidsplan == "Tussendoor bewaard" and d.aanmelding.geweld_nu == "Van B, later"
        assert d.conflicten == []


@pytest.mark.parametrize("soort", ["ontbreekt", "file-url", "windows", "leeg", "werkmap", "datamap",
                                   "team-datamap"])
def test_team_init_weigert_een_pad_zonder_gedeelde_git_opslag(kc, palmeneire, tmp_path, soort):
    """`team init --remote /tmp/x/teem.git` (a typo, a share not mounted, a Windows path on macOS/Linux, an
    empty folder, someone's working tree) was accepted and failed only at the first sync. Now init refuses
    it in Dutch; nothing is set up. How to make a shared repository (a job for whoever sets up the share)
    is said only for a path that is not there or an empty folder: pointed at a colleague's data home,
    it suggested `git init --bare` in there."""
    (tmp_path / "leeg").mkdir()
    pygit2.init_repository(str(tmp_path / "werk"))
    (tmp_path / "collega" / "dossiers" / "2026-001").mkdir(parents=True)
    (tmp_path / "collega" / "dossiers" / "2026-001" / "dossier.yaml").write_text("id: 2026-001\n")
    pygit2.init_repository(str(tmp_path / "teamcollega"))
    (tmp_path / "teamcollega" / "dossiers").mkdir()
    url = {"ontbreekt": str(tmp_path / "x" / "teem.git"), "file-url": f"file://{tmp_path}/bestaatniet.git",
           "windows": "C:\\Gebruikers\\an\\team.git", "leeg": str(tmp_path / "leeg"),
           "werkmap": str(tmp_path / "werk"), "datamap": str(tmp_path / "collega"),
           "team-datamap": str(tmp_path / "teamcollega")}[soort]
    doel = {"leeg": tmp_path / "leeg", "werkmap": tmp_path / "werk", "datamap": tmp_path / "collega",
            "team-datamap": tmp_path / "teamcollega"}.get(soort)
    voor = sorted(p.name for p in doel.rglob("*")) if doel else []
    uit = kc("team", "init", "--remote", url, "--naam", "Anna Testregisseur")
    tekst = " ".join(uit.output.split())
    assert uit.exit_code == 2 and "Er werd geen team ingesteld" in tekst and "Traceback" not in tekst
    assert "beheerder" in tekst
    maken = soort in ("ontbreekt", "file-url", "windows", "leeg")
    assert ("git init --bare" in tekst) == maken
    if maken:  # the git command is for whoever sets up the share: ketencli itself needs no git program
        assert "Wie de share beheert" in tekst or "wie de share beheert" in tekst
    else:
        assert "geen gedeelde opslag" in tekst
    assert ("bestaat niet" in tekst) == (soort in ("ontbreekt", "file-url", "windows"))
    assert (sorted(p.name for p in doel.rglob("*")) if doel else []) == voor  # nothing written there
    for engels in ("unsupported", "could not", "failed to", "resolve"):
        assert engels not in tekst
    assert not (store.home() / ".git").exists()
    kc.ok("dossier", "show", palmeneire)


def test_https_wordt_bij_team_init_niet_nagekeken(kc, palmeneire):
    kc.ok("team", "init", "--remote", "https://git.organisatie.be/team/ketencli.git", "--naam", "Anna Testregisseur")


def test_een_gedeelde_map_die_verdwijnt_wordt_bij_sync_in_het_nederlands_gezegd(team, tmp_path):
    """A folder remote that is gone after init (a share not mounted): before, libgit2's English
    ("could not find repository at") came through under "niet bereikbaar"."""
    dossier_id = team.start()
    team.remote.rename(tmp_path / "elders.git")
    uit = team.run(team.a, "team", "sync")
    assert uit.exit_code == 1 and "niet gevonden op deze computer" in uit.output
    for engels in ("unsupported", "could not", "failed to", "resolve"):
        assert engels not in uit.output
    team.ok(team.a, "dossier", "show", dossier_id)


def test_de_git_map_is_alleen_voor_jou(team):
    """The repository's objects hold every version of every dossier: its folder is 0700 like the data
    home (before: 0755 with world-readable objects under the default umask)."""
    team.start()
    for home in (team.a, team.b):
        assert (home / ".git").stat().st_mode & 0o077 == 0


def test_ctrl_c_tijdens_de_sync_zegt_wat_er_is_en_de_volgende_sync_maakt_het_af(team, monkeypatch):
    """Ctrl-C during a sync (e.g. a slow share) ended with exit 130 and not a word (typer turns the
    interrupt into a silent Exit(130)); now it says the dossiers are valid and to sync again (D12)."""
    dossier_id = _tweezijdig(team)
    echte_haal_op = git_opslag.haal_op

    def onderbroken(repo):
        raise KeyboardInterrupt

    monkeypatch.setattr(git_opslag, "haal_op", onderbroken)
    uit = team.run(team.a, "team", "sync")
    assert uit.exit_code == 130
    assert "Afgebroken: de synchronisatie stopte" in uit.output and "team sync" in uit.output
    monkeypatch.setattr(git_opslag, "haal_op", echte_haal_op)
    _geldig(team, dossier_id)
    _alles_er(team, dossier_id)


def _alle_objecten_er(repo_pad: Path) -> int:
    """Every object reachable from the branch is in the repository (git fsck's connectivity check);
    returns how many were read."""
    repo = pygit2.Repository(str(repo_pad))
    gezien: set = set()
    stapel = [repo.lookup_reference(git_opslag.REF).target]
    while stapel:
        oid = stapel.pop()
        if oid in gezien:
            continue
        gezien.add(oid)
        obj = repo[oid]  # KeyError when missing
        if isinstance(obj, pygit2.Commit):
            stapel += [obj.tree_id, *obj.parent_ids]
        elif isinstance(obj, pygit2.Tree):
            stapel += [e.id for e in obj]
    return len(gezien)


def test_gedeelde_map_krijgt_elk_object_en_een_slot_van_een_collega_wacht(team, monkeypatch):
    """A shared bare repository on a path is written directly (issue 18's benchmark): after syncs in
    both directions both repositories hold every object their branch reaches; a colleague's push that
    holds the branch lock for a moment is waited for; a lock that stays is a Dutch message, the change
    stays here and the next sync shares it."""
    dossier_id = _tweezijdig(team)
    team.ok(team.a, "team", "sync")
    team.ok(team.b, "team", "sync")
    for pad in (team.remote, team.a, team.b):
        assert _alle_objecten_er(pad) > 10
    slot_pad = team.remote / "refs" / "heads" / "main.lock"
    team.ok(team.b, "stap", dossier_id, "afvinken", "co3-voorstellen")
    import threading

    slot_pad.write_text("0" * 40 + "\n")
    threading.Timer(0.3, slot_pad.unlink).start()  # the colleague's push ends
    uit = team.ok(team.b, "team", "sync")
    assert "gedeeld" in uit.output and not slot_pad.exists()
    team.ok(team.a, "tijdlijn", "add", dossier_id, "--soort", "contact", "--datum", "2026-11-22",
            "--omschrijving", "Na het slot", "--no-input")
    slot_pad.write_text("1" * 40 + "\n")  # a lock left by a push killed on another computer
    monkeypatch.setattr(git_opslag.time, "sleep", lambda _: None)
    uit = team.run(team.a, "team", "sync")
    assert uit.exit_code == 1 and "vergrendeld" in uit.output and "beheerder" in uit.output
    assert "Traceback" not in uit.output
    slot_pad.unlink()
    team.ok(team.a, "team", "sync")
    team.ok(team.b, "team", "sync")
    assert "Na het slot" in {t.omschrijving for t in team.dossier(team.b, dossier_id).tijdlijn}
    assert _alle_objecten_er(team.remote) > 10


def test_schijf_vol_bij_een_van_vele_bestanden_van_de_sync(team, monkeypatch):
    """A sync that takes over many files writes them side by side (``team._schrijf_alle``): when one
    cannot be written (a full disk), the sync stops with the Dutch message, every file is the old or the
    new one, the branch has not moved, and the next sync completes with all of them."""
    import threading

    dossier_id = team.start()
    ids = [dossier_id]
    for n in range(5):
        uit = team.ok(team.b, "dossier", "new", "--regio", "leuven", "--gezin", f"Gezin {n}", "--no-input")
        ids.append(uit.output.split("Dossier ", 1)[1].split(" ", 1)[0])
    team.ok(team.b, "team", "sync")
    team.ok(team.a, "dossier", "aanmelding", dossier_id, "--waarom-nu", "Van A")
    echt = store._schrijf_atomisch
    geschreven: list[str] = []
    slot = threading.Lock()

    def derde_vol(pad, inhoud):
        with slot:
            geschreven.append(str(pad))
            if len(geschreven) == 3:
                raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC), str(pad))
        echt(pad, inhoud)

    kop = pygit2.Repository(str(team.a)).head.target
    monkeypatch.setattr(store, "_schrijf_atomisch", derde_vol)
    uit = team.run(team.a, "team", "sync")
    assert uit.exit_code == 1 and "schijf is vol" in uit.output and "Traceback" not in uit.output
    assert len(geschreven) >= 3 and pygit2.Repository(str(team.a)).head.target == kop
    _geldig(team, dossier_id)
    monkeypatch.setattr(store, "_schrijf_atomisch", echt)
    team.ok(team.a, "team", "sync")
    for i in ids[1:]:
        assert team.dossier(team.a, i).gezin.startswith("Gezin ")
    assert team.dossier(team.a, dossier_id).aanmelding.waarom_nu == "Van A"
    team.ok(team.b, "team", "sync")
    assert team.dossier(team.b, dossier_id).aanmelding.waarom_nu == "Van A"


def test_wat_op_schijf_veranderde_zoals_libgit2_het_ziet(team, monkeypatch):
    """Step 1 of a sync (commit what changed on disk) reads the index's own stat data instead of
    libgit2's walk of every folder (``git_opslag._op_schijf_volgens_index``): for every kind of change
    it finds what libgit2 finds, also an edit of the same size within the same moment (racily clean)."""
    import time

    dossier_id = team.start()
    repo = pygit2.Repository(str(team.a))

    def beide() -> list[str]:
        snel = git_opslag.gewijzigd_op_schijf(repo)
        with monkeypatch.context() as m:
            m.setattr(git_opslag, "_op_schijf_volgens_index", lambda _repo: None)
            traag = git_opslag.gewijzigd_op_schijf(repo)
        assert snel == traag
        return snel

    bestand = team.a / "dossiers" / dossier_id / "dossier.yaml"
    assert beide() == []
    tekst = bestand.read_text(encoding="utf-8")
    bestand.write_text(tekst.replace("Palmeneire", "Palmeneirf", 1), encoding="utf-8")  # same size, same moment
    assert beide() == [f"dossiers/{dossier_id}/dossier.yaml"]
    bestand.write_text(tekst, encoding="utf-8")
    assert beide() == []  # back as it was: only its stamp changed
    time.sleep(0.01)
    os.utime(bestand)
    assert beide() == []
    nieuw = team.a / "dossiers" / "2026-077"
    nieuw.mkdir()
    (nieuw / "dossier.yaml").write_text(tekst.replace(dossier_id, "2026-077"), encoding="utf-8")
    (team.a / "dossiers" / dossier_id / "documenten").mkdir(exist_ok=True)
    (team.a / "dossiers" / dossier_id / "documenten" / "brief.docx").write_bytes(b"x")
    (team.a / "register").mkdir(exist_ok=True)
    (team.a / "register" / "verwijderd.csv").write_text("id;regio\n", encoding="utf-8")
    assert beide() == ["dossiers/2026-077/dossier.yaml", "register/verwijderd.csv"]
    # a temp copy a killed write left in the register is ignored (.gitignore), never committed
    (team.a / "register" / ".abcdefgh.tmp").write_text("x", encoding="utf-8")
    assert git_opslag.gewijzigd_op_schijf(repo) == ["dossiers/2026-077/dossier.yaml", "register/verwijderd.csv"]
    (team.a / "register" / ".abcdefgh.tmp").unlink()
    shutil.rmtree(team.a / "dossiers" / dossier_id)
    assert beide() == sorted(["dossiers/2026-077/dossier.yaml", f"dossiers/{dossier_id}/dossier.yaml",
                              "register/verwijderd.csv"])


@pytest.mark.skipif(os.name == "nt", reason="Windows takes the lock with a rename, not a hard link")
def test_een_gedeelde_map_zonder_harde_links_deelt_via_libgit2(team, monkeypatch):
    """A share that makes no hard links (SMB mounted without unix extensions: link() says EPERM or
    EOPNOTSUPP) still shares: the push goes through libgit2's transport, and the colleague gets it."""
    dossier_id = team.start()

    def geen_link(*_args, **_kwargs):
        raise OSError(errno.EPERM, "Operation not permitted")

    monkeypatch.setattr(git_opslag.os, "link", geen_link)
    team.ok(team.a, "tijdlijn", "add", dossier_id, "--soort", "contact", "--datum", "2026-11-22",
            "--omschrijving", "Zonder harde links", "--no-input")
    assert "gedeeld" in team.ok(team.a, "team", "sync").output
    assert not (team.remote / "refs" / "heads" / "main.lock").exists()
    team.ok(team.b, "team", "sync")
    assert "Zonder harde links" in {t.omschrijving for t in team.dossier(team.b, dossier_id).tijdlijn}


def _chattr(pad, vlag: str) -> bool:
    import shutil
    import subprocess

    if shutil.which("chattr") is None:
        return False
    return subprocess.run(["chattr", "-R", vlag, str(pad)], capture_output=True).returncode == 0


def test_een_alleen_lezen_gedeelde_map_zegt_dat_je_er_niet_mag_schrijven(team):
    """A read-only shared folder (as root only `chattr +i` makes it so) was "niet bereikbaar … (failed to
    create temporary file '…/objects/tmp_object_git2_…': Operation not permitted) … Kijk de verbinding na":
    English libgit2 text, a cut-off path. Now a refused permission says in Dutch that you may not write
    there, names the folder and sends you to your administrator."""
    dossier_id = _tweezijdig(team)
    if not _chattr(team.remote, "+i"):
        pytest.skip("chattr +i is hier niet beschikbaar")
    try:
        uit = team.run(team.a, "team", "sync")
    finally:
        _chattr(team.remote, "-i")
    tekst = " ".join(uit.output.split())
    assert uit.exit_code == 1 and "Traceback" not in tekst
    assert "Je hebt geen toegang tot de gedeelde opslag" in tekst and str(team.remote) in tekst
    assert "vraag je beheerder" in tekst.lower()
    assert "Operation not permitted" not in tekst and "failed to create" not in tekst
    assert "Kijk de verbinding" not in tekst
    _geldig(team, dossier_id)
    _alles_er(team, dossier_id)


@pytest.mark.parametrize("fout", [
    pygit2.GitError("failed to create temporary file '/mnt/team/ketencli.git/objects/tmp_object_git2_a1B2c3': "
                    "Permission denied"),
    PermissionError(13, "Permission denied"),
])
def test_geen_schrijfrechten_op_de_gedeelde_opslag_in_het_nederlands(team, monkeypatch, fout):
    dossier_id = _tweezijdig(team)

    def geweigerd(*args):
        raise fout

    monkeypatch.setattr(git_opslag, "_kopieer", geweigerd)
    uit = team.run(team.a, "team", "sync")
    tekst = " ".join(uit.output.split())
    assert uit.exit_code == 1 and "Je hebt geen toegang tot de gedeelde opslag" in tekst
    assert "Permission denied" not in tekst and "vraag je beheerder" in tekst.lower()
    _geldig(team, dossier_id)


def test_geen_schrijfrechten_in_de_eigen_team_opslag_stuurt_niet_naar_de_beheerder(team, monkeypatch):
    """A refused write in this computer's own .git (made read-only) is said as such: not "the shared
    folder, ask your administrator" (from the new-user trial)."""
    dossier_id = _tweezijdig(team)

    def geweigerd(*args):
        raise pygit2.GitError(f"failed to make directory '{team.a / '.git' / 'objects' / 'ab'}': Permission denied")

    monkeypatch.setattr(git_opslag, "_kopieer", geweigerd)
    uit = team.run(team.a, "team", "sync")
    tekst = " ".join(uit.output.split())
    assert uit.exit_code == 1 and "Je mag niet schrijven in de team-opslag in je datamap" in tekst
    assert str(team.a / ".git") in tekst and "beheerder" not in tekst.lower()
    _geldig(team, dossier_id)


def test_een_andere_fout_van_de_gedeelde_opslag_zegt_het_engels_niet_in_de_hoofdzin(team, monkeypatch):
    _tweezijdig(team)

    def kapot(*args):
        raise pygit2.GitError("object not found - no match for id (" + "a" * 40 + ")")

    monkeypatch.setattr(git_opslag, "_kopieer", kapot)
    uit = team.run(team.a, "team", "sync")
    regels = [r for r in uit.output.splitlines() if r.strip()]
    assert uit.exit_code == 1 and "niet bereikbaar" in regels[0] and "object not found" not in regels[0]
    assert "a" * 40 in " ".join(uit.output.split()).replace(" ", "")  # the technical text, whole, in the tip


def test_een_beschadigde_team_opslag_in_het_nederlands_ook_bij_status(team):
    """A damaged .git/HEAD: `team status` said "onverwachts (GitError)"; now status and sync say in Dutch
    that the team repository in the data home could not be read, and where to look."""
    team.start()
    (team.a / ".git" / "HEAD").write_text("kapot\n", encoding="utf-8")
    dossier_id = next(p.name for p in (team.a / "dossiers").iterdir())
    for opdracht in (("team", "status"), ("team", "sync"), ("dossier", "historiek", dossier_id)):
        uit = team.run(team.a, *opdracht)
        tekst = " ".join(uit.output.split())
        assert uit.exit_code == 1 and "onverwachts" not in tekst, (opdracht, tekst)
        assert "De team-opslag in je datamap kon niet gelezen of bijgewerkt worden" in tekst and ".git" in tekst


@pytest.mark.parametrize("soort", ["leeg", "datamap", "werkmap"])
def test_sync_naar_een_map_die_geen_gedeelde_opslag_meer_is(team, tmp_path, soort):
    """The shared folder replaced (an empty folder, a colleague's data home, someone's git folder): sync
    says so in Dutch and suggests making a shared repository only in an empty folder."""
    team.start()
    import shutil

    shutil.rmtree(team.remote)
    team.remote.mkdir()
    if soort == "datamap":
        (team.remote / "dossiers").mkdir()
    elif soort == "werkmap":
        pygit2.init_repository(str(team.remote))
    uit = team.run(team.a, "team", "sync")
    tekst = " ".join(uit.output.split())
    assert uit.exit_code == 1 and "Traceback" not in tekst and "niets gedeeld" in tekst
    assert ("te maken" in tekst) == (soort == "leeg")
    for engels in ("unsupported", "could not", "failed to", "resolve"):
        assert engels not in tekst


def test_een_met_de_hand_kapotgemaakt_dossier_wordt_niet_gedeeld(team):
    """A dossier.yaml broken by hand was committed and pushed by the next sync (the colleagues got a
    dossier they could not read; the history showed every field removed and added again). Now the sync
    checks own changes like every save: nothing is committed or shared until it is repaired."""
    dossier_id = team.start()
    pad = team.a / "dossiers" / dossier_id / "dossier.yaml"
    goed = pad.read_text(encoding="utf-8")
    regels = goed.splitlines(keepends=True)
    nr = next(i for i, r in enumerate(regels) if r.startswith("fase:"))
    pad.write_text("".join(regels[:nr + 1] + ["  extra: [oeps\n"] + regels[nr + 1:]), encoding="utf-8")
    voor = pygit2.Repository(str(team.remote)).lookup_reference(git_opslag.REF).target
    uit = team.run(team.a, "team", "sync")
    tekst = " ".join(uit.output.split())
    assert uit.exit_code == 1 and f"Dossier {dossier_id} is niet geldig en wordt niet gedeeld" in tekst
    assert f"ketencli dossier edit {dossier_id}" in tekst and "Traceback" not in tekst
    assert pygit2.Repository(str(team.remote)).lookup_reference(git_opslag.REF).target == voor
    assert "Nog niet vastgelegd: 1" in team.ok(team.a, "team", "status").output
    pad.write_text(goed.replace("gezin: ", "gezin: Hersteld ", 1), encoding="utf-8")  # repaired by hand
    team.ok(team.a, "team", "sync")
    team.ok(team.b, "team", "sync")
    assert team.dossier(team.b, dossier_id).gezin.startswith("Hersteld ")


# -- a shared repository that is not ketencli's (issue 18, new-user trial) ------------------------

VREEMD = {"README.md": "# Ons project\n", "src/x.py": "print('x')\n", "config/profiel.yaml": "naam: Hacker\n"}


def _zet_bestanden(repo_pad: Path, bestanden: dict[str, str]) -> str:
    """Commit ``bestanden`` on top of the main branch of the bare repository (as someone with git would
    push them). Returns the new commit id."""
    repo = pygit2.Repository(str(repo_pad))
    try:
        kop = repo.lookup_reference("refs/heads/main").peel(pygit2.Commit)
    except KeyError:
        kop = None
    index = pygit2.Index()
    if kop is not None:
        index.read_tree(kop.tree)
    for pad, inhoud in bestanden.items():
        index.add(pygit2.IndexEntry(pad, repo.create_blob(inhoud.encode()), pygit2.enums.FileMode.BLOB))
    sig = pygit2.Signature("Iemand Anders", "iemand@elders")
    oid = repo.create_commit("refs/heads/main", sig, sig, "Eigen bestanden", index.write_tree(repo),
                             [kop.id] if kop is not None else [])
    return str(oid)


def _boom(repo_pad: Path) -> set[str]:
    repo = pygit2.Repository(str(repo_pad))
    uit: set[str] = set()

    def loop(boom, voor: str) -> None:
        for item in boom:
            if item.type_str == "tree":
                loop(item, f"{voor}{item.name}/")
            else:
                uit.add(voor + item.name)

    loop(repo.lookup_reference("refs/heads/main").peel(pygit2.Commit).tree, "")
    return uit


def _niets_vreemds_hier(home: Path, naam: str) -> None:
    assert not (home / "README.md").exists() and not (home / "src").exists()
    with pytest.MonkeyPatch.context() as mp:
        mp.setenv("KETENCLI_HOME", str(home))
        assert store.lees_profiel().naam == naam  # the profile in <home>/config is the user's own


def test_team_init_weigert_een_vreemde_git_opslag(kc, palmeneire, tmp_path):
    """`team init --remote` of a bare repository holding other files (a project: README.md, src/, a
    config/profiel.yaml) was accepted; the first sync wrote those files into the data home, overwrote
    the user's profile and pushed the family's dossier there. Now init refuses it; nothing is set up."""
    vreemd = tmp_path / "project.git"
    pygit2.init_repository(str(vreemd), bare=True)
    kop = _zet_bestanden(vreemd, VREEMD)
    uit = kc("team", "init", "--remote", str(vreemd), "--naam", "Anna Testregisseur")
    tekst = " ".join(uit.output.split())
    assert uit.exit_code == 2 and "Traceback" not in tekst, tekst
    assert f"{vreemd} is geen ketencli-opslag: er staan andere bestanden in (bv. README.md)" in tekst
    assert "Er werd geen team ingesteld" in tekst and "lege gedeelde opslag" in tekst and "beheerder" in tekst
    assert not (store.home() / ".git").exists()
    assert str(pygit2.Repository(str(vreemd)).lookup_reference("refs/heads/main").target) == kop
    _niets_vreemds_hier(store.home(), "Anna Testregisseur")
    kc.ok("dossier", "show", palmeneire)


@pytest.mark.parametrize("wie", ["met-dossiers", "nieuw"])
def test_sync_naar_een_vreemde_git_opslag_schrijft_en_deelt_niets(team, tmp_path, wie):
    """The shared folder replaced by another repository after init (or an https remote, not checked at
    init): the sync's first contact with that history finds the other files and refuses; nothing is
    written in the data home (README.md, src/, the profile) and no dossier is pushed there."""
    dossier_id = team.start()
    home = team.a if wie == "met-dossiers" else tmp_path / "c"
    naam = "Anna Testregisseur" if wie == "met-dossiers" else "Carla Testregisseur"
    if wie == "nieuw":
        team.ok(home, "team", "init", "--remote", str(team.remote), "--naam", naam)
    shutil.rmtree(team.remote)
    pygit2.init_repository(str(team.remote), bare=True)
    kop = _zet_bestanden(team.remote, VREEMD)
    for _ in range(2):
        uit = team.run(home, "team", "sync")
        tekst = " ".join(uit.output.split())
        assert uit.exit_code == 1 and "Traceback" not in tekst, tekst
        assert "is geen ketencli-opslag: er staan andere bestanden in (bv. README.md)" in tekst
        assert "niets gedeeld" in tekst and "lege gedeelde opslag" in tekst
    _niets_vreemds_hier(home, naam)
    assert str(pygit2.Repository(str(team.remote)).lookup_reference("refs/heads/main").target) == kop
    assert _boom(team.remote) == set(VREEMD)
    assert "klaar om op te halen (bij de laatste sync): 0" in " ".join(team.ok(home, "team", "status").output.split())
    if wie == "met-dossiers":
        team.dossier(home, dossier_id)


def test_andere_bestanden_in_de_team_opslag_worden_niet_overgenomen(team):
    """Someone pushed other files into the team's own shared repository (with git): a sync takes over
    the dossiers as always and says once, without names, that the rest is not put in the data home;
    the user's profile stays, no local file of such a path is ever committed, and the files stay in the
    shared repository (a merge and a fast-forward alike)."""
    dossier_id = team.start()
    team.ok(team.a, "dossier", "aanmelding", dossier_id, "--waarom-nu", "Van A, nog niet gedeeld")
    team.ok(team.b, "tijdlijn", "add", dossier_id, "--soort", "overleg", "--datum", "2026-11-21",
            "--omschrijving", "Van B", "--no-input")
    team.ok(team.b, "team", "sync")
    _zet_bestanden(team.remote, VREEMD)
    for home, naam in ((team.a, "Anna Testregisseur"), (team.b, "Bert Testregisseur")):  # a merge, a fast-forward
        uit = team.ok(home, "team", "sync")
        tekst = " ".join(uit.output.split())
        assert tekst.count("andere bestanden dan dossiers en het register") == 1, tekst
        assert not any(n in tekst for n in ("README", "src", "profiel")), tekst
        _niets_vreemds_hier(home, naam)
        assert "Nog niet vastgelegd: 0" in team.ok(home, "team", "status").output
        uit = team.ok(home, "team", "sync")
        assert "andere bestanden" not in uit.output  # said once
    team.ok(team.b, "dossier", "aanmelding", dossier_id, "--geweld-nu", "Van B, later")
    team.ok(team.b, "team", "sync")
    team.ok(team.a, "team", "sync")
    assert set(VREEMD) <= _boom(team.remote)  # not removed by the merge nor by later commits
    assert pygit2.Repository(str(team.remote)).revparse_single("main:config/profiel.yaml").data == b"naam: Hacker\n"
    d = team.dossier(team.a, dossier_id)
    assert d.aanmelding.waarom_nu == "Van A, nog niet gedeeld" and d.aanmelding.geweld_nu == "Van B, later"
    assert "Van B" in {t.omschrijving for t in d.tijdlijn}


@pytest.mark.parametrize("soort", ["andere-datamap", "eigen-git", "eigen-datamap"])
def test_team_init_en_sync_weigeren_een_werkmap_of_de_eigen_opslag(team, soort):
    """`team init --remote /tmp/x/A/.git` (a colleague's data home's git folder: no bare repository)
    was accepted, and the first sync merged that home's dossiers, then failed with a false "VPN"
    message; `--remote <own home>/.git` was accepted and every sync said it shared while nothing
    ever was. Now init refuses both, and a sync to such a remote (set before) does too."""
    dossier_id = team.start()
    doel = {"andere-datamap": team.b / ".git", "eigen-git": team.a / ".git", "eigen-datamap": team.a}[soort]
    verwacht = "werkmap van iemands git" if soort == "andere-datamap" else "je eigen datamap"
    uit = team.run(team.a, "team", "init", "--remote", str(doel))
    tekst = " ".join(uit.output.split())
    assert uit.exit_code == 2 and verwacht in tekst and "geen gedeelde opslag" in tekst, tekst
    assert "Er werd geen team ingesteld" in tekst and "Traceback" not in tekst
    assert pygit2.Repository(str(team.a)).remotes["origin"].url == str(team.remote)
    # a remote set before this check: sync refuses it the same way, before fetching anything
    team.ok(team.b, "tijdlijn", "add", dossier_id, "--soort", "overleg", "--datum", "2026-11-21",
            "--omschrijving", "Alleen bij B", "--no-input")
    pygit2.Repository(str(team.a)).remotes.set_url("origin", str(doel))
    uit = team.run(team.a, "team", "sync")
    tekst = " ".join(uit.output.split())
    assert uit.exit_code == 1 and verwacht in tekst and "geen gedeelde opslag" in tekst, tekst
    for fout in ("VPN", "niet bereikbaar", "Gesynchroniseerd", "could not", "failed"):
        assert fout not in tekst, tekst
    assert "Alleen bij B" not in {t.omschrijving for t in team.dossier(team.a, dossier_id).tijdlijn}


@pytest.mark.parametrize("opdracht", ["init", "sync"])
def test_een_onleesbare_gedeelde_map_zegt_geen_toegang(team, monkeypatch, opdracht):
    """`chmod 000 team.git` (here: every stat of the shared folder refused, as for a user without
    rights; root is never refused): the message blamed the local side ("je hebt geen schrijfrechten …
    zelf alleen-lezen gemaakt?") without the path. Now it names the shared folder and the refused access."""
    import pathlib

    team.start()
    echte_stat = pathlib.Path.stat

    def geweigerd(self, *args, **kwargs):
        if str(self).startswith(str(team.remote)):
            raise PermissionError(errno.EACCES, "Permission denied", str(self))
        return echte_stat(self, *args, **kwargs)

    monkeypatch.setattr(pathlib.Path, "stat", geweigerd)
    args = ("team", "init", "--remote", str(team.remote)) if opdracht == "init" else ("team", "sync")
    uit = team.run(team.a, *args)
    tekst = " ".join(uit.output.split())
    assert uit.exit_code == 1 and "Traceback" not in tekst, tekst
    assert (f"Je hebt geen toegang tot de gedeelde opslag ({team.remote}): lezen of schrijven werd geweigerd"
            in tekst), tekst
    assert "je hebt geen schrijfrechten" not in tekst.lower() and "alleen-lezen" not in tekst
    opnieuw = f"ketencli team init --remote {team.remote}` opnieuw" if opdracht == "init" else "team sync` opnieuw"
    assert opnieuw in tekst and ("Er werd geen team ingesteld" in tekst) == (opdracht == "init")
