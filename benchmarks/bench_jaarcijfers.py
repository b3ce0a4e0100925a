"""`ketencli jaarcijfers --json` against `overzicht --json` over many varied dossiers (issue 17 item 5; not a
timed test): `python benchmarks/bench_jaarcijfers.py [N]`.

The generator imports the worked example once, then writes N dossier files beside it (as a sync or a
hand copy would add them), each varied: region, year of aanmelding (2024-2026), fase (aanmelding,
verkenning with a herbespreking, every ICO conclusion, casusregie, afgerond, afgesloten), dates, IFG
profile, an ICO agendering and a weegploeg agendering. Both commands then read the same summary cache
(D15): one untimed run fills it, then paired runs A B A B ...; the figure is the median of the per-pair
ratios jaarcijfers / overzicht (goal: at most 1.5).
"""

from __future__ import annotations

import os
import resource
import statistics
import subprocess
import sys
import tempfile
import time
from datetime import date, timedelta
from pathlib import Path

import yaml

VOORBEELD = Path(__file__).resolve().parent.parent / "examples" / "de-palmeneire-vercammen.yaml"
KC = [sys.executable, "-m", "ketencli"]
REGIOS = ("co3-antwerpen", "ifg-west-vlaanderen", "leuven")
PLAN_TAFEL = {"co3-antwerpen": "weegploeg", "ifg-west-vlaanderen": "overlegtafel", "leuven": "operationeel-team"}
INTAKE_TAFEL = {"co3-antwerpen": "ico", "ifg-west-vlaanderen": "overlegtafel", "leuven": "operationeel-team"}
# (fase, ico conclusie) in the proportions of a busy year
SOORTEN = (("aanmelding", None), ("verkenning", "herbespreking"), ("niet-ingestroomd", "geen-ketenaanpak"),
           ("ketenaanpak-zonder-regisseur", "ketenaanpak-zonder-regisseur"),
           ("casusregie", "ketenaanpak-met-casusregie"), ("casusregie", "ketenaanpak-met-casusregie"),
           ("afgerond", "ketenaanpak-met-casusregie"), ("afgesloten", "ketenaanpak-met-casusregie"))
PROFIELEN = ("situationeel-geweld", "intiem-terrorisme", "opvoedstress", "langdurige-zorg", "vechtscheiding")


def variant(basis: dict, n: int) -> dict:
    """Dossier n: the worked example with its region, dates, fase and agenderingen varied."""
    d = dict(basis)
    regio = REGIOS[n % 3]
    fase, conclusie = SOORTEN[n % len(SOORTEN)]
    aanmelding = date(2024, 1, 1) + timedelta(days=(n * 7) % 1050)
    aanmelding = min(aanmelding, date(2026, 11, 1))
    ico = aanmelding + timedelta(days=8)
    start = ico + timedelta(days=3)
    d.update(id=f"{aanmelding.year}-{n:05d}", regio=regio, fase=fase, ifg_profielen=[PROFIELEN[n % 5]],
             aanmelding={**basis["aanmelding"], "datum": aanmelding}, agenderingen=[], historie=[])
    d["ico"] = ({"datum": ico, "conclusie": conclusie, "advies": "advies met een veiligheidsplan",
                 **({"herbespreking_op": ico + timedelta(days=14)} if conclusie == "herbespreking" else {})}
                if conclusie else None)
    regie = fase in ("casusregie", "afgerond", "afgesloten")
    d["casusregie_start"] = start if regie else None
    d["kijkschema"] = [{**m, "datum": start + timedelta(days=30 * i)} for i, m in enumerate(basis["kijkschema"])] \
        if regie else []
    d["agenderingen"] = [{"id": "a1", "tafel": INTAKE_TAFEL[regio], "rol": "intake", "soort": "ico",
                          "zitting": f"{ico.isoformat()}T09:30:00", "status": "besproken",
                          "aangemaakt_op": aanmelding}]
    if regie:
        plan = start + timedelta(days=63 + n % 30)
        d["agenderingen"].append({"id": "a2", "tafel": PLAN_TAFEL[regio], "rol": "plan", "soort": "pva",
                                  "zitting": f"{plan.isoformat()}T13:00:00", "status": "besproken",
                                  "aangemaakt_op": plan - timedelta(days=12 + n % 7)})
    afronding = {}
    if fase in ("afgerond", "afgesloten"):
        gestart = start + timedelta(days=150 + n % 200)
        afronding = {"gestart_op": gestart, "opvolging_tot": gestart + timedelta(days=182)}
        if fase == "afgesloten":
            afronding["afgesloten_op"] = gestart + timedelta(days=190)
    d["afronding"] = {**(basis.get("afronding") or {}), **afronding}
    for lid in d.get("gezinsleden") or []:  # consent on the ICO's day, so casusregie holds up
        if lid.get("instemming"):
            lid["instemming"] = {**lid["instemming"], "datum": ico}
    return d


def genereer(thuis: Path, aantal: int, omgeving: dict[str, str]) -> None:
    subprocess.run([*KC, "dossier", "new", "--from", str(VOORBEELD), "--no-input"], env=omgeving, check=True,
                   capture_output=True)
    bron = next((thuis / "dossiers").iterdir()) / "dossier.yaml"
    basis = yaml.load(bron.read_text(encoding="utf-8"), Loader=getattr(yaml, "CSafeLoader", yaml.SafeLoader))
    dumper = getattr(yaml, "CSafeDumper", yaml.SafeDumper)
    for n in range(1, aantal + 1):
        d = variant(basis, n)
        map_ = thuis / "dossiers" / d["id"]
        map_.mkdir(mode=0o700)
        (map_ / "dossier.yaml").write_text(yaml.dump(d, Dumper=dumper, allow_unicode=True, sort_keys=False),
                                           encoding="utf-8")


def _duur(opdracht: list[str], omgeving: dict[str, str]) -> tuple[float, float]:
    """Wall-clock and CPU seconds (user + system) of one run: on a shared machine the CPU time is the
    steadier figure."""
    voor = resource.getrusage(resource.RUSAGE_CHILDREN)
    begin = time.perf_counter()
    subprocess.run(opdracht, env=omgeving, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, check=True)
    muur = time.perf_counter() - begin
    na = resource.getrusage(resource.RUSAGE_CHILDREN)
    return muur, (na.ru_utime - voor.ru_utime) + (na.ru_stime - voor.ru_stime)


def main(aantal: int = 1000, paren: int = 7) -> None:
    with tempfile.TemporaryDirectory() as tmp:
        thuis = Path(tmp)
        nu = os.environ.get("KETENCLI_NU", "2026-11-23T10:00")
        omgeving = {**os.environ, "KETENCLI_HOME": tmp, "KETENCLI_NU": nu}
        begin = time.perf_counter()
        genereer(thuis, aantal, omgeving)
        print(f"{aantal + 1} dossiers geschreven in {time.perf_counter() - begin:.1f} s")
        jaarcijfers = [*KC, "jaarcijfers", "--jaar", "2026", "--json"]
        overzicht = [*KC, "overzicht", "--json"]
        koud, _ = _duur(overzicht, omgeving)  # fills the summary cache for both
        uit = subprocess.run(jaarcijfers, env=omgeving, capture_output=True, text=True, check=True)
        if '"niet_gelezen": []' not in uit.stdout:
            print("let op: niet elk dossier kon gelezen worden:", uit.stderr[-300:])
        a_tijden, b_tijden = [], []
        for _ in range(paren):  # A B A B ...
            a_tijden.append(_duur(jaarcijfers, omgeving))
            b_tijden.append(_duur(overzicht, omgeving))
        print(f"overzicht --json koud (cache vullen)      {koud:.2f} s")
        for i, soort in enumerate(("klok", "cpu")):
            a = statistics.median(t[i] for t in a_tijden)
            b = statistics.median(t[i] for t in b_tijden)
            verhouding = statistics.median(x[i] / y[i] for x, y in zip(a_tijden, b_tijden, strict=True))
            print(f"{soort}: jaarcijfers --jaar 2026 --json {a:.3f} s, overzicht --json {b:.3f} s (medianen van "
                  f"{paren}); mediaan van de verhoudingen per paar = {verhouding:.2f}x (doel ≤ 1.5x)")


if __name__ == "__main__":
    main(int(sys.argv[1]) if len(sys.argv) > 1 else 1000)
