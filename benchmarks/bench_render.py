"""Rendering benchmark (not a timed test): run with `python benchmarks/bench_render.py`.

Imports the worked example (De Palmeneire – Vercammen) into a temporary home and times rendering
its plan van aanpak: the first render (with the docxtpl/jinja2/lxml imports) and the best of ten
warm renders, in-process and through `ketencli doc` as a user runs it. A PvA ten times the size
(110 rows) shows how it scales. The target is "well under a second".
"""

from __future__ import annotations

import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path

VOORBEELD = Path(__file__).resolve().parent.parent / "examples" / "de-palmeneire-vercammen.yaml"


def main() -> None:
    with tempfile.TemporaryDirectory() as tmp:
        os.environ["KETENCLI_HOME"] = str(Path(tmp) / "home")
        os.environ.setdefault("KETENCLI_NU", "2026-11-23T10:00")
        from ketencli import documenten, store

        data, _ = store.lees_fragment(VOORBEELD)
        d = store.maak_nieuw(data, "benchmark")
        doel = Path(tmp) / "pva.docx"

        begin = time.perf_counter()
        documenten.schrijf(d, "pva", doel=doel, overschrijf=True)
        eerste = time.perf_counter() - begin

        warm = []
        for _ in range(10):
            begin = time.perf_counter()
            documenten.schrijf(d, "pva", doel=doel, overschrijf=True)
            warm.append(time.perf_counter() - begin)

        groot = d.model_copy(deep=True)
        rijen = []
        for i in range(10):
            for rij in d.pva.rijen:
                rijen.append(rij.model_copy(update={"id": f"{rij.id}x{i}"}))
        groot.pva.rijen = rijen
        begin = time.perf_counter()
        documenten.schrijf(groot, "pva", doel=doel, overschrijf=True)
        groot_tijd = time.perf_counter() - begin

        omgeving = {**os.environ}
        cli = []
        for _ in range(3):
            begin = time.perf_counter()
            subprocess.run([sys.executable, "-m", "ketencli", "doc", d.id, "pva", "--overschrijf"], env=omgeving,
                           stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, check=True)
            cli.append(time.perf_counter() - begin)

    print(f"PvA van het voorbeeld ({len(d.pva.rijen)} rijen), eerste keer met imports: {eerste:.3f} s")
    print(f"PvA van het voorbeeld, warm (beste van 10):             {min(warm):.3f} s")
    print(f"PvA met {len(rijen)} rijen:                                   {groot_tijd:.3f} s")
    print(f"`ketencli doc ID pva` als commando (beste van 3):       {min(cli):.3f} s")


if __name__ == "__main__":
    main()
