"""The bundled examples can be rebuilt from scratch with commands only (issue "invoer": everything
recordable without a text editor): a command script in ``examples/met-commandos/`` is replayed in a
real shell with the installed ``ketencli``, and the dossier it builds equals the example file."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest
import yaml

from ketencli import model
from tests.conftest import VANDAAG, voorbeeld

SCRIPTS = Path(__file__).resolve().parent.parent / "examples" / "met-commandos"


def _vergelijkbaar(data: dict) -> dict:
    """The dossier as the model reads it (defaults filled in), without what a replay cannot share:
    the id, the history (its moments are the replay's own) and trailing line ends of texts."""
    d = model.Dossier.model_validate({**data, "id": "2026-001"}).model_dump(mode="json", exclude={"historie"})

    def schoon(x):
        if isinstance(x, str):
            return x.strip()
        if isinstance(x, dict):
            return {k: schoon(v) for k, v in x.items()}
        if isinstance(x, list):
            return [schoon(v) for v in x]
        return x

    return schoon(d)


@pytest.mark.skipif(sys.platform == "win32", reason="a POSIX shell script")
@pytest.mark.parametrize("naam", ["west-vlaanderen-gezin", "de-palmeneire-vercammen"])
def test_voorbeeld_met_commandos_alleen(thuis, naam):
    script = SCRIPTS / f"{naam}.sh"
    env = {**os.environ, "KETENCLI_HOME": str(thuis), "KETENCLI_NU": VANDAAG,
           "PATH": f"{Path(sys.executable).parent}{os.pathsep}{os.environ.get('PATH', '')}"}
    uit = subprocess.run(["sh", str(script)], capture_output=True, text=True, env=env, timeout=300)
    assert uit.returncode == 0, uit.stdout[-2000:] + uit.stderr[-2000:]
    gebouwd = yaml.safe_load((thuis / "dossiers" / "2026-001" / "dossier.yaml").read_text(encoding="utf-8"))
    verwacht = yaml.safe_load(voorbeeld(f"{naam}.yaml").read_text(encoding="utf-8"))
    a, b = _vergelijkbaar(gebouwd), _vergelijkbaar(verwacht)
    verschil = [k for k in b if a.get(k) != b[k]]
    assert not verschil, {k: (a.get(k), b[k]) for k in verschil}
    # and the history tells how it was built: every step by a command, none by hand
    assert any("casusregisseur aangesteld" in h["wat"] for h in gebouwd["historie"])
