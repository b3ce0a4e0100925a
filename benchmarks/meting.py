"""Shared timing helper for the benchmarks (run as scripts: `python benchmarks/bench_*.py`)."""

from __future__ import annotations

import subprocess
import time


def beste(opdracht: list[str], omgeving: dict[str, str], keer: int = 5, voor: list[str] | None = None) -> float:
    """The best wall-clock time of `keer` runs of `opdracht`; `voor` runs untimed before each one."""
    tijden = []
    for _ in range(keer):
        if voor:
            subprocess.run(voor, env=omgeving, check=True, capture_output=True)
        begin = time.perf_counter()
        subprocess.run(opdracht, env=omgeving, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, check=True)
        tijden.append(time.perf_counter() - begin)
    return min(tijden)
