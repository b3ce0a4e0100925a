"""Kill a ketencli command just before its n-th filesystem write (issue 20 §10 and §11).

A forked child installs an audit hook (``sys.addaudithook``) that counts the write calls the
command makes (``open`` for writing, ``os.rename``/``os.replace``/``os.remove``/``os.mkdir``/
``os.rmdir``/``os.chmod``/``os.truncate``) and SIGKILLs itself before the n-th one: no ``except``
or ``finally`` runs, exactly like a power cut or ``kill -9``. POSIX only (fork, SIGKILL).
"""

from __future__ import annotations

import os
import signal
import sys
from pathlib import Path

SCHRIJF_GEBEURTENISSEN = {"os.rename", "os.replace", "os.remove", "os.mkdir", "os.rmdir", "os.chmod",
                          "os.truncate"}


def _is_schrijven(gebeurtenis: str, args: tuple) -> bool:
    if gebeurtenis in SCHRIJF_GEBEURTENISSEN:
        return True
    if gebeurtenis == "open" and len(args) >= 3:
        modus, vlaggen = args[1], args[2]
        if isinstance(modus, str) and any(c in modus for c in "wax+"):
            return True
        if isinstance(vlaggen, int) and vlaggen & (os.O_WRONLY | os.O_RDWR | os.O_CREAT | os.O_TRUNC):
            return True
    return False


def draai(argumenten: list[str], dood_bij: int | None) -> tuple[int, int]:
    """Run ``ketencli ARGUMENTEN`` in a forked child, killed before write call ``dood_bij`` (1-based;
    None: never). Returns (exit status, -9 when killed; the number of write calls it made)."""
    lees, schrijf = os.pipe()
    pid = os.fork()
    if pid == 0:  # the child: never returns
        os.close(lees)
        teller = [0]
        dood = -1 if dood_bij is None else dood_bij

        def haak(gebeurtenis: str, args: tuple) -> None:
            if _is_schrijven(gebeurtenis, args):
                teller[0] += 1
                if teller[0] == dood:
                    os.kill(os.getpid(), signal.SIGKILL)

        code = 1
        try:
            devnull = os.open(os.devnull, os.O_WRONLY)
            os.dup2(devnull, 1)
            os.dup2(devnull, 2)
            from ketencli import store  # noqa: F401 - loaded before the audit hook counts writes
            from ketencli.cli import app

            sys.addaudithook(haak)

            try:
                app(argumenten, prog_name="ketencli")
            except SystemExit as uitgang:
                code = uitgang.code if isinstance(uitgang.code, int) else 1
            except BaseException:
                if os.environ.get("KILL_HARNAS_SPOOR"):
                    import traceback

                    Path(os.environ["KILL_HARNAS_SPOOR"]).write_text(traceback.format_exc())
                raise
        finally:
            os.write(schrijf, teller[0].to_bytes(4, "little"))
            os._exit(code)
    os.close(schrijf)
    _, status = os.waitpid(pid, 0)
    with os.fdopen(lees, "rb") as f:
        data = f.read()
    aantal = int.from_bytes(data[-4:], "little") if len(data) >= 4 else -1
    if os.WIFSIGNALED(status):
        return -os.WTERMSIG(status), aantal
    return os.WEXITSTATUS(status), aantal


def bestanden(map_: Path) -> dict[str, bytes]:
    return {str(p.relative_to(map_)): p.read_bytes() for p in sorted(map_.rglob("*")) if p.is_file()}
