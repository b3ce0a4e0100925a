"""Start-up and listing benchmarks (not timed tests): run with `python benchmarks/bench_startup.py`.

Prints the best of five wall-clock runs for `ketencli --help` and for `dossier list --json` over
N copies of the worked example, next to `python -c "import typer"` as the yardstick.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

from meting import beste

VOORBEELD = Path(__file__).resolve().parent.parent / "examples" / "de-palmeneire-vercammen.yaml"


def main(aantal: int = 1000) -> None:
    with tempfile.TemporaryDirectory() as tmp:
        omgeving = {**os.environ, "KETENCLI_HOME": tmp}
        kc = [sys.executable, "-m", "ketencli"]
        subprocess.run([*kc, "dossier", "new", "--from", str(VOORBEELD), "--no-input"], env=omgeving, check=True,
                       stdout=subprocess.DEVNULL)
        eerste = Path(tmp) / "dossiers" / "2026-001"
        for n in range(2, aantal + 1):
            doel = Path(tmp) / "dossiers" / f"2026-{n:03d}"
            doel.mkdir()
            tekst = (eerste / "dossier.yaml").read_text(encoding="utf-8").replace("id: 2026-001", f"id: 2026-{n:03d}")
            (doel / "dossier.yaml").write_text(tekst, encoding="utf-8")
        print(f"import typer          {beste([sys.executable, '-c', 'import typer'], omgeving):.3f} s")
        print(f"ketencli --help       {beste([*kc, '--help'], omgeving):.3f} s")
        subprocess.run([*kc, "dossier", "list", "--json"], env=omgeving, stdout=subprocess.DEVNULL, check=True)
        print(f"dossier list ({aantal}) {beste([*kc, 'dossier', 'list', '--json'], omgeving):.3f} s (warm)")
        shutil.rmtree(Path(tmp) / "cache", ignore_errors=True)


if __name__ == "__main__":
    main(int(sys.argv[1]) if len(sys.argv) > 1 else 1000)
