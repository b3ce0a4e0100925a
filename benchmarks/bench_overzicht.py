"""`ketencli overzicht` over many dossiers (not a timed test): `python benchmarks/bench_overzicht.py [N]`.

The generator imports the worked example once and copies its folder under N new ids (as a sync or
a hand copy would add them), spreading the start of casusregie over a year so the due dates
differ. Prints the best of three wall-clock runs of `overzicht --json` cold (no cache) and warm,
`overzicht --ics`, and the ratio to `python -c "import typer"` (the acceptance goal: warm ≤ 6x).
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import tempfile
from datetime import date, timedelta
from pathlib import Path

from meting import beste

VOORBEELD = Path(__file__).resolve().parent.parent / "examples" / "de-palmeneire-vercammen.yaml"
KC = [sys.executable, "-m", "ketencli"]


def genereer(thuis: Path, aantal: int, omgeving: dict[str, str]) -> list[str]:
    """N dossiers in ``thuis``: copies of the worked example under ids 2020-0001 …, each with its own
    start of casusregie (one a day from 2026-01-01 on, round a year)."""
    uit = subprocess.run([*KC, "dossier", "new", "--from", str(VOORBEELD), "--no-input"], env=omgeving,
                         check=True, capture_output=True, text=True)
    bron_id = uit.stdout.split("Dossier ")[1].split(" ")[0]
    bron = thuis / "dossiers" / bron_id
    tekst = (bron / "dossier.yaml").read_text(encoding="utf-8")
    ids = []
    for n in range(1, aantal + 1):
        nieuw_id = f"2020-{n:04d}"
        doel = thuis / "dossiers" / nieuw_id
        shutil.copytree(bron, doel)
        start = date(2026, 1, 1) + timedelta(days=n % 365)
        kopie = tekst.replace(bron_id, nieuw_id).replace("casusregie_start: 2026-09-07",
                                                          f"casusregie_start: {start.isoformat()}")
        (doel / "dossier.yaml").write_text(kopie, encoding="utf-8")
        ids.append(nieuw_id)
    return ids


def main(aantal: int = 1000) -> None:
    with tempfile.TemporaryDirectory() as tmp:
        thuis = Path(tmp)
        nu = os.environ.get("KETENCLI_NU", "2026-11-23T10:00")
        omgeving = {**os.environ, "KETENCLI_HOME": tmp, "KETENCLI_NU": nu}
        genereer(thuis, aantal, omgeving)
        cache_weg = [sys.executable, "-c", f"import shutil; shutil.rmtree({str(thuis / 'cache')!r}, True)"]
        typer_tijd = beste([sys.executable, "-c", "import typer"], omgeving)
        koud = beste([*KC, "overzicht", "--json"], omgeving, keer=1, voor=cache_weg)
        subprocess.run([*KC, "overzicht", "--json"], env=omgeving, check=True, capture_output=True)
        warm = beste([*KC, "overzicht", "--json"], omgeving)
        ics = beste([*KC, "overzicht", "--ics", str(thuis / "agenda.ics")], omgeving)
        print(f"import typer                      {typer_tijd:.3f} s")
        print(f"overzicht --json ({aantal + 1}, koud)  {koud:.3f} s")
        verhouding = warm / typer_tijd
        print(f"overzicht --json ({aantal + 1}, warm)  {warm:.3f} s = {verhouding:.1f}x import typer (doel ≤ 6x)")
        print(f"overzicht --ics  ({aantal + 1}, warm)  {ics:.3f} s")


if __name__ == "__main__":
    main(int(sys.argv[1]) if len(sys.argv) > 1 else 1000)
