"""`ketencli team sync` against a plain `git pull && git push` (issue 18): `python benchmarks/bench_team.py [N] [RUNS]`.

Two identical set-ups over N dossiers (default 1,000), each with its own bare repository on a path:
one a ketencli data home, the other a plain clone driven by the git command line. Per paired run a
colleague (a second clone of each) changes 10 dossiers and pushes, and the user has changed 10 other
dossiers and committed them (untimed, identical on both sides); then both are timed back to back, in
alternating order: `ketencli team sync` (a new process, as a user runs it, with ketencli's bytecode
compiled as an installed copy has it: fetch, three-way merge, merge commit, push) and
`git pull --no-rebase -q && git push -q` (two processes, git's own merge). Prints every pair and the
median ratio of wall clock times (the goal is ≤ 2x), and of CPU times (what a busy machine's wall clock
would be on a quiet one). Needs the git command line (only here: ketencli itself never runs it).
"""

from __future__ import annotations

import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from gegevens import genereer  # noqa: E402

KC = [sys.executable, "-m", "ketencli"]
GIT = shutil.which("git") or "git"
GEWIJZIGD = 10
# `ketencli team sync` as the command runs it, in one process that also reports the time of the sync
# itself (after Python and ketencli have started)
BINNEN = (
    "import sys, time\n"
    "from ketencli import start, team\n"
    "echt = team.sync\n"
    "duur = []\n"
    "def gemeten():\n"
    "    t = time.perf_counter(); u = echt(); duur.append(time.perf_counter() - t); return u\n"
    "team.sync = gemeten\n"
    "sys.argv = ['ketencli', 'team', 'sync']\n"
    "try:\n    start.main()\n"
    "except SystemExit as e:\n    assert not e.code, e.code\n"
    "print(); print(duur[0])\n"
)


def _cpu_kinderen() -> float:
    """User + system CPU time of the finished child processes (theirs included): on a busy machine
    the ratio of CPU times shows what the wall clock would on a quiet one, minus waiting for the disk."""
    import resource

    r = resource.getrusage(resource.RUSAGE_CHILDREN)
    return r.ru_utime + r.ru_stime


def _run(opdracht: list[str], omgeving: dict[str, str], cwd: Path | None = None) -> None:
    subprocess.run(opdracht, env=omgeving, cwd=cwd, check=True, capture_output=True)


def _git(map_: Path, *args: str, omgeving: dict[str, str]) -> None:
    _run([GIT, "-C", str(map_), *args], omgeving)


def _wijzig(map_: Path, ids: list[str], ronde: int, kant: int) -> list[str]:
    """Change the start of casusregie of these dossiers (a valid edit; different per round)."""
    paden = []
    for n, dossier_id in enumerate(ids):
        pad = map_ / "dossiers" / dossier_id / "dossier.yaml"
        tekst = pad.read_text(encoding="utf-8")
        begin = tekst.index("casusregie_start: ")
        einde = tekst.index("\n", begin)
        datum = f"2025-{1 + (ronde % 12):02d}-{1 + (n + kant * 11) % 28:02d}"
        pad.write_text(tekst[:begin] + f"casusregie_start: {datum}" + tekst[einde:], encoding="utf-8")
        paden.append(f"dossiers/{dossier_id}/dossier.yaml")
    return paden


def _commit(map_: Path, paden: list[str], omgeving: dict[str, str], bericht: str) -> None:
    _git(map_, "add", "--", *paden, omgeving=omgeving)
    _git(map_, "commit", "-q", "-m", bericht, omgeving=omgeving)


def main(aantal: int = 1000, runs: int = 7) -> None:
    # ketencli's bytecode as an installed copy has it (pip compiles at install time): with
    # PYTHONDONTWRITEBYTECODE set, an editable install would otherwise compile every module anew per run
    import compileall

    import ketencli

    compileall.compile_dir(str(Path(ketencli.__file__).parent), quiet=1)
    with tempfile.TemporaryDirectory() as tmp:
        t = Path(tmp)
        basis = {**os.environ, "KETENCLI_NU": os.environ.get("KETENCLI_NU", "2026-11-23T10:00"),
                 "GIT_AUTHOR_NAME": "Bench", "GIT_AUTHOR_EMAIL": "bench@lokaal", "GIT_COMMITTER_NAME": "Bench",
                 "GIT_COMMITTER_EMAIL": "bench@lokaal", "HOME": str(t)}
        thuis, collega = t / "kc-a", t / "kc-b"
        om_a, om_b = {**basis, "KETENCLI_HOME": str(thuis)}, {**basis, "KETENCLI_HOME": str(collega)}
        genereer(thuis, aantal)
        # the dossiers whose casusregie started (the edit changes that date)
        ids = sorted(p.parent.name for p in (thuis / "dossiers").glob("*/dossier.yaml")
                     if "casusregie_start: 2" in p.read_text(encoding="utf-8"))
        remote_kc, remote_git = t / "kc.git", t / "git.git"
        for r in (remote_kc, remote_git):
            _run([GIT, "init", "-q", "--bare", "--initial-branch=main", str(r)], basis)
        _run([*KC, "team", "init", "--remote", str(remote_kc), "--naam", "Bench A"], om_a)
        _run([*KC, "team", "sync"], om_a)
        _run([*KC, "team", "init", "--remote", str(remote_kc), "--naam", "Bench B"], om_b)
        _run([*KC, "team", "sync"], om_b)
        # the same tree in a plain git clone, and a colleague's clone
        plain, plain_b = t / "git-a", t / "git-b"
        _run([GIT, "clone", "-q", str(remote_kc), str(plain)], basis)
        _git(plain, "remote", "set-url", "origin", str(remote_git), omgeving=basis)
        _git(plain, "push", "-q", "origin", "main", omgeving=basis)
        _run([GIT, "clone", "-q", str(remote_git), str(plain_b)], basis)

        hun_ids, ons_ids = ids[:GEWIJZIGD], ids[len(ids) // 2:len(ids) // 2 + GEWIJZIGD]
        paren = []
        binnen: list[float] = []
        cpu_kc: list[float] = []
        cpu_git: list[float] = []
        for ronde in range(runs):
            # the colleague's 10 changes, pushed; the user's 10 changes, committed (untimed)
            _wijzig(collega, hun_ids, ronde, 0)
            _run([*KC, "team", "sync"], om_b)
            _commit(plain_b, _wijzig(plain_b, hun_ids, ronde, 0), basis, "collega")
            _git(plain_b, "push", "-q", omgeving=basis)
            _commit(thuis, _wijzig(thuis, ons_ids, ronde, 1), basis, "eigen")
            _commit(plain, _wijzig(plain, ons_ids, ronde, 1), basis, "eigen")

            def kc_sync() -> float:
                begin, cpu = time.perf_counter(), _cpu_kinderen()
                uit = subprocess.run([sys.executable, "-c", BINNEN], env=om_a, check=True, capture_output=True,
                                     text=True)
                totaal = time.perf_counter() - begin
                cpu_kc.append(_cpu_kinderen() - cpu)
                binnen.append(float(uit.stdout.strip().splitlines()[-1]))
                return totaal

            def git_sync() -> float:
                begin, cpu = time.perf_counter(), _cpu_kinderen()
                _git(plain, "pull", "-q", "--no-rebase", "--no-edit", omgeving=basis)
                _git(plain, "push", "-q", omgeving=basis)
                cpu_git.append(_cpu_kinderen() - cpu)
                return time.perf_counter() - begin

            if ronde % 2:
                g, k = git_sync(), kc_sync()
            else:
                k, g = kc_sync(), git_sync()
            _git(plain_b, "pull", "-q", "--no-rebase", "--no-edit", omgeving=basis)
            paren.append((k, g))
            print(f"run {ronde + 1}: team sync {k:.3f} s (waarvan de sync zelf {binnen[-1]:.3f} s)   "
                  f"git pull && git push {g:.3f} s   {k / g:.2f}x (sync zelf {binnen[-1] / g:.2f}x; "
                  f"cpu {cpu_kc[-1]:.3f} s tegen {cpu_git[-1]:.3f} s)")
        mediaan = statistics.median(k / g for k, g in paren)
        zelf = statistics.median(b / g for b, (_, g) in zip(binnen, paren, strict=True))
        cpu = statistics.median(k / g for k, g in zip(cpu_kc, cpu_git, strict=True) if g > 0)
        print(f"{aantal} dossiers, {GEWIJZIGD} gewijzigd aan elke kant: mediane verhouding {mediaan:.2f}x als commando "
              f"(met het opstarten van Python en ketencli), {zelf:.2f}x voor de sync zelf, {cpu:.2f}x in cpu-tijd "
              "(doel ≤ 2x)")
        # ketencli's own start-up, for reading the figure
        begin = time.perf_counter()
        _run([*KC, "--versie"], om_a)
        print(f"(ketencli --versie alleen: {time.perf_counter() - begin:.3f} s)")


if __name__ == "__main__":
    main(int(sys.argv[1]) if len(sys.argv) > 1 else 1000, int(sys.argv[2]) if len(sys.argv) > 2 else 7)
