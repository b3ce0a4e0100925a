"""The speed goals of issue 19, measured as a user meets them: `python benchmarks/bench.py`.

Every goal compares two whole processes, run in turn (A B A B …, after one warm-up of each): the
median of the per-pair ratios A/B is printed as "ratio (doel)". Pairs keep the ratio honest on a
machine whose speed drifts (other programs sharing the cores); absolute times are printed beside it
but say little across machines. No assertion: the numbers go to benchmarks/README.md.

    python benchmarks/bench.py                      # every goal, caseloads of 1,000 and 10,000
    python benchmarks/bench.py --dossiers 100       # a quick run on 100 dossiers
    python benchmarks/bench.py --doelen help,lijst --paren 11

ketencli is run as installed (the `ketencli` script beside this Python, else `python -m ketencli`);
its modules are byte-compiled first, as a wheel install does. The caseloads come from
benchmarks/gegevens.py (different families, phases and dates); KETENCLI_NU pins the day.
"""

from __future__ import annotations

import argparse
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

import gegevens  # noqa: E402 - the generator beside this script

NU = "2026-11-23T10:00"
VOORBEELD = Path(__file__).resolve().parent.parent / "examples" / "de-palmeneire-vercammen.yaml"
DOELEN = ("help", "lijst", "overzicht", "koud", "geheugen", "doc", "bewaar")
PY = sys.executable


def ketencli() -> list[str]:
    naast = Path(PY).parent / ("ketencli.exe" if os.name == "nt" else "ketencli")
    if naast.exists():
        return [str(naast)]
    gevonden = shutil.which("ketencli")
    return [gevonden] if gevonden else [PY, "-m", "ketencli"]


def compileer() -> None:
    """Byte-compile the installed ketencli, as pip does for a wheel (PYTHONDONTWRITEBYTECODE would
    otherwise make every run compile it again)."""
    import ketencli as pakket

    subprocess.run([PY, "-m", "compileall", "-q", str(Path(pakket.__file__).parent)], check=True,
                   stdout=subprocess.DEVNULL)


def duur(opdracht: list[str], omgeving: dict[str, str]) -> float:
    begin = time.perf_counter()
    subprocess.run(opdracht, env=omgeving, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
                   stdin=subprocess.DEVNULL, check=True)
    return time.perf_counter() - begin


def gepaard(a: list[str], b: list[str], omgeving: dict[str, str], paren: int,
            voor_a: Callable[[], object] | None = None) -> tuple[float, float, float]:
    """(median ratio A/B, median A, median B) over ``paren`` pairs A B, after one warm-up of each.
    ``voor_a`` runs (untimed) before every A: e.g. removing the index for a cold run."""
    if voor_a:
        voor_a()
    duur(a, omgeving)
    duur(b, omgeving)
    tijden_a, tijden_b, verhoudingen = [], [], []
    for _ in range(paren):
        if voor_a:
            voor_a()
        ta = duur(a, omgeving)
        tb = duur(b, omgeving)
        tijden_a.append(ta)
        tijden_b.append(tb)
        verhoudingen.append(ta / tb)
    return statistics.median(verhoudingen), statistics.median(tijden_a), statistics.median(tijden_b)


def toon(naam: str, doel: float | None, uitslag: tuple[float, float, float], tegen: str) -> None:
    """One line: the ratio, the goal and whether it is met (``doel`` None: a figure to read beside a goal)."""
    verhouding, a, b = uitslag
    if doel is None:
        print(f"{naam:<58} {verhouding:5.2f}× {'(ter info)':<25} "
              f"[{a * 1000:7.0f} ms tegen {b * 1000:6.0f} ms {tegen}]", flush=True)
        return
    oordeel = "gehaald" if verhouding <= doel else "NIET gehaald"
    print(f"{naam:<58} {verhouding:5.2f}× (doel ≤ {doel:g}×) {oordeel:<12} "
          f"[{a * 1000:7.0f} ms tegen {b * 1000:6.0f} ms {tegen}]", flush=True)


def piek_mb(opdracht: list[str], omgeving: dict[str, str]) -> float | None:
    """Peak resident memory of one run, from `/usr/bin/time -v` (None where it is missing)."""
    if not Path("/usr/bin/time").exists():
        return None
    uit = subprocess.run(["/usr/bin/time", "-v", *opdracht], env=omgeving, stdout=subprocess.DEVNULL,
                         stderr=subprocess.PIPE, text=True, check=True)
    for regel in uit.stderr.splitlines():
        if "Maximum resident set size" in regel:
            return int(regel.split(":")[1]) / 1024
    return None


def pva_dossier(map_: Path, rijen: int = 40) -> Path:
    """The worked example with its plan van aanpak grown to ``rijen`` rows (for `doc ID pva`)."""
    import yaml

    data = yaml.safe_load(VOORBEELD.read_text(encoding="utf-8"))
    bron = data["pva"]["rijen"]
    data["pva"]["rijen"] = [{**bron[n % len(bron)], "id": f"r{n + 1}"} for n in range(rijen)]
    pad = map_ / "pva-40.yaml"
    pad.write_text(yaml.safe_dump(data, allow_unicode=True, sort_keys=False), encoding="utf-8")
    return pad


BEWAAR = """
import os, sys, tempfile
from ketencli import store
d = store.laad(sys.argv[1])
for _ in range(int(sys.argv[2])):
    store.bewaar(d)
"""
DUURZAAM = """
import os, sys, tempfile, yaml
from ketencli import model, store
pad = store.dossier_pad(sys.argv[1])
inhoud = pad.read_bytes()
data = yaml.load(inhoud, Loader=yaml.CSafeLoader)
data.pop("schema_version", None)
for _ in range(int(sys.argv[2])):
    model.Dossier.model_validate(data)
    fd, tijdelijk = tempfile.mkstemp(dir=pad.parent, prefix=".", suffix=".tmp")
    with os.fdopen(fd, "wb") as f:
        f.write(inhoud)
        f.flush()
        os.fsync(f.fileno())
    os.replace(tijdelijk, pad)
    if os.name == "posix":
        map_ = os.open(pad.parent, os.O_RDONLY)
        os.fsync(map_)
        os.close(map_)
"""
PARSE = """
import sys, yaml
tekst = open(sys.argv[1], encoding="utf-8").read()
for _ in range(int(sys.argv[2])):
    yaml.load(tekst, Loader=yaml.CSafeLoader)
"""


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--dossiers", default="1000,10000",
                        help="caseload sizes, comma-separated (default 1000,10000)")
    parser.add_argument("--paren", type=int, default=7, help="pairs per goal (default 7)")
    parser.add_argument("--doelen", default=",".join(DOELEN), help=f"which goals (default all: {','.join(DOELEN)})")
    args = parser.parse_args()
    doelen = set(args.doelen.split(","))
    groottes = [int(x) for x in args.dossiers.split(",") if x]
    kc = ketencli()
    compileer()
    print(f"ketencli: {' '.join(kc)}; {args.paren} pairs per goal; {os.cpu_count()} processors", flush=True)
    with tempfile.TemporaryDirectory(prefix="ketencli-bench-") as tmp:
        basis = {**os.environ, "KETENCLI_NU": NU, "COLUMNS": "100", "NO_COLOR": "1"}
        basis.pop("KETENCLI_CONFIG", None)
        help_ = [*kc, "--help"]
        if "help" in doelen:
            omgeving = {**basis, "KETENCLI_HOME": str(Path(tmp) / "leeg")}
            toon("ketencli --help vs python -c 'import typer'", 1.5,
                 gepaard(help_, [PY, "-c", "import typer"], omgeving, args.paren), "import typer")
        for n in groottes:
            thuis = Path(tmp) / f"thuis-{n}"
            per_fase = gegevens.genereer(thuis, n)
            omgeving = {**basis, "KETENCLI_HOME": str(thuis)}
            print(f"-- {n} dossiers: " + ", ".join(f"{f} {a}" for f, a in sorted(per_fase.items())), flush=True)
            subprocess.run([*kc, "overzicht"], env=omgeving, check=True, stdout=subprocess.DEVNULL)  # the index
            if "lijst" in doelen:
                doel = 2 if n == 1000 else None  # the goal is over 1,000; other sizes to read beside it
                toon(f"dossier list (tabel, warm) over {n} vs --help", doel,
                     gepaard([*kc, "dossier", "list"], help_, omgeving, args.paren), "--help")
                toon(f"dossier list --alle (tabel, warm) over {n} vs --help", doel,
                     gepaard([*kc, "dossier", "list", "--alle"], help_, omgeving, args.paren), "--help")
            if "overzicht" in doelen:
                toon(f"overzicht (tabel, warm) over {n} vs --help", 3,
                     gepaard([*kc, "overzicht"], help_, omgeving, args.paren), "--help")
                # not a goal of the issue, for reading the one above: the listing right after one dossier
                # changed (its summary and the table made anew, not the kept text)
                een = next(iter(sorted(thuis.glob("dossiers/*/dossier.yaml"))))
                toon(f"  na 1 gewijzigd dossier: overzicht over {n} vs --help", None,
                     gepaard([*kc, "overzicht"], help_, omgeving, args.paren,
                             voor_a=lambda p=een: os.utime(p, ns=(time.time_ns(), time.time_ns()))), "--help")
            if "geheugen" in doelen:
                mb = piek_mb([*kc, "overzicht"], omgeving)
                if mb is not None:
                    print(f"{'overzicht (warm) over ' + str(n) + ': piekgeheugen':<58} {mb:5.0f} MB (doel < 200 MB)",
                          flush=True)
            if "koud" in doelen:
                cache = thuis / "cache"
                bestanden = sorted(thuis.glob("dossiers/*/dossier.yaml"), key=lambda p: p.stat().st_size)
                mediaan = bestanden[len(bestanden) // 2]
                if "geheugen" in doelen:
                    shutil.rmtree(cache, ignore_errors=True)
                    mb = piek_mb([*kc, "overzicht"], omgeving)
                    if mb is not None:
                        print(f"{'overzicht (koud) over ' + str(n) + ': piekgeheugen':<58} {mb:5.0f} MB "
                              "(doel < 200 MB)", flush=True)
                paren = args.paren if n <= 1000 else max(3, args.paren // 2)
                toon(f"overzicht cold over {n} vs {n} C-loader parses of one", 1.2,
                     gepaard([*kc, "overzicht"], [PY, "-c", PARSE, str(mediaan), str(n)], omgeving, paren,
                             voor_a=lambda c=cache: shutil.rmtree(c, ignore_errors=True)), "yaml")
        if "doc" in doelen or "bewaar" in doelen:
            thuis = Path(tmp) / "pva"
            omgeving = {**basis, "KETENCLI_HOME": str(thuis)}
            subprocess.run([*kc, "dossier", "new", "--from", str(pva_dossier(Path(tmp))), "--no-input"],
                           env=omgeving, check=True, stdout=subprocess.DEVNULL)
            dossier_id = next(thuis.glob("dossiers/*/dossier.yaml")).parent.name
            if "doc" in doelen:
                toon("doc ID pva (40 rijen) vs python -c 'import docxtpl'", 3,
                     gepaard([*kc, "doc", dossier_id, "pva", "--overschrijf"], [PY, "-c", "import docxtpl"],
                             omgeving, args.paren), "import docxtpl")
            if "bewaar" in doelen:
                keer = "20"
                toon("save (lock, write, fsync, replace) vs durable write + 1 validation", 1.3,
                     gepaard([PY, "-c", BEWAAR, dossier_id, keer], [PY, "-c", DUURZAAM, dossier_id, keer],
                             omgeving, args.paren), "write")


if __name__ == "__main__":
    main()
