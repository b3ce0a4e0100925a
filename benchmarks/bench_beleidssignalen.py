"""`ketencli beleidssignalen` over many dossiers (not a timed test): `python benchmarks/bench_beleidssignalen.py [N]`.

Issue 17 item 5: the report reads the per-file summary cache (D15) like `overzicht`, so a warm run loads
no dossier. The generator is `bench_overzicht`'s (copies of the worked example), each copy with two
knelpunten (one deelbaar). Prints the best of five warm runs of `beleidssignalen --json` and of
`overzicht --json` over the same data, and their ratio.
"""

from __future__ import annotations

import os
import subprocess
import sys
import tempfile
from pathlib import Path

from bench_overzicht import KC, genereer
from meting import beste

KNELPUNTEN = """knelpunten:
- id: k1
  categorie: wachtlijst
  dienst: d4
  omschrijving: Drie maanden wachten op een plaats voor Malik De Palmeneire, bel 0470 12 34 56
  datum: 2026-10-{dag:02d}
  deelbaar: true
- id: k2
  categorie: informatiedeling
  dienst: d1
  omschrijving: Het pv kwam pas na twee weken
  datum: 2026-11-{dag:02d}
"""


def main(aantal: int = 1000) -> None:
    with tempfile.TemporaryDirectory() as tmp:
        thuis = Path(tmp)
        nu = os.environ.get("KETENCLI_NU", "2026-11-23T10:00")
        omgeving = {**os.environ, "KETENCLI_HOME": tmp, "KETENCLI_NU": nu}
        for n, dossier_id in enumerate(genereer(thuis, aantal, omgeving)):
            bestand = thuis / "dossiers" / dossier_id / "dossier.yaml"
            tekst = bestand.read_text(encoding="utf-8").replace("knelpunten: []\n", "")
            bestand.write_text(tekst + KNELPUNTEN.format(dag=1 + n % 20), encoding="utf-8")
        subprocess.run([*KC, "beleidssignalen", "--json"], env=omgeving, check=True, capture_output=True)
        signalen = beste([*KC, "beleidssignalen", "--json"], omgeving)
        overzicht = beste([*KC, "overzicht", "--json"], omgeving)
        print(f"overzicht --json       ({aantal + 1}, warm)  {overzicht:.3f} s")
        print(f"beleidssignalen --json ({aantal + 1}, warm)  {signalen:.3f} s = {signalen / overzicht:.2f}x overzicht")


if __name__ == "__main__":
    main(int(sys.argv[1]) if len(sys.argv) > 1 else 1000)
