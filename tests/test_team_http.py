"""The https-like flow of a team (issue 18 §2): a smart-HTTP git server (dulwich's, pure Python) on
127.0.0.1 behind basic authentication, started by the fixture and stopped at the end; the credentials
live in the system keyring (here an in-memory keyring backend), never in a file or on the command line."""

from __future__ import annotations

import base64
import threading
from collections.abc import Iterator
from pathlib import Path
from wsgiref.simple_server import WSGIRequestHandler, WSGIServer, make_server

import keyring
import pytest
from keyring.backend import KeyringBackend

from tests.conftest import voorbeeld
from tests.test_team import NAAM_A, NAAM_B, Team

GEBRUIKER, WACHTWOORD = "regisseur", "Geheim-7391"


class GeheugenSleutelhanger(KeyringBackend):
    priority = 1  # type: ignore[assignment]

    def __init__(self) -> None:
        super().__init__()
        self.data: dict[tuple[str, str], str] = {}

    def get_password(self, service: str, username: str) -> str | None:
        return self.data.get((service, username))

    def set_password(self, service: str, username: str, password: str) -> None:
        self.data[(service, username)] = password

    def delete_password(self, service: str, username: str) -> None:
        self.data.pop((service, username), None)


class _Stil(WSGIRequestHandler):
    def log_message(self, *args: object) -> None:
        pass


def _met_inlog(app):
    verwacht = "Basic " + base64.b64encode(f"{GEBRUIKER}:{WACHTWOORD}".encode()).decode()

    def wsgi(environ, start_response):
        if environ.get("HTTP_AUTHORIZATION") != verwacht:
            start_response("401 Unauthorized", [("WWW-Authenticate", 'Basic realm="team"'),
                                                ("Content-Length", "0")])
            return [b""]
        # buffered with a Content-Length: libgit2 does not read a close-delimited HTTP/1.0 body
        # (wsgiref), which real servers (Gitea, GitLab) never send
        staat: dict = {}
        stukken: list[bytes] = []

        def begin(status, koppen, exc_info=None):
            staat["status"], staat["koppen"] = status, koppen
            return stukken.append

        for stuk in app(environ, begin):
            stukken.append(stuk)
        inhoud = b"".join(stukken)
        start_response(staat["status"], [(k, v) for k, v in staat["koppen"] if k.lower() != "content-length"]
                       + [("Content-Length", str(len(inhoud)))])
        return [inhoud]

    return wsgi


@pytest.fixture
def server(tmp_path: Path) -> Iterator[str]:
    from dulwich.repo import Repo
    from dulwich.server import DictBackend
    from dulwich.web import make_wsgi_chain

    repo = Repo.init_bare(str(tmp_path / "team.git"), mkdir=True)
    app = _met_inlog(make_wsgi_chain(DictBackend({"/team.git": repo})))
    httpd = make_server("127.0.0.1", 0, app, server_class=WSGIServer, handler_class=_Stil)
    draad = threading.Thread(target=httpd.serve_forever, daemon=True)
    draad.start()
    try:
        yield f"http://127.0.0.1:{httpd.server_address[1]}/team.git"
    finally:
        httpd.shutdown()
        httpd.server_close()
        draad.join(timeout=5)
        repo.close()


@pytest.fixture
def sleutelhanger() -> Iterator[GeheugenSleutelhanger]:
    vorige = keyring.get_keyring()
    hanger = GeheugenSleutelhanger()
    keyring.set_keyring(hanger)
    try:
        yield hanger
    finally:
        keyring.set_keyring(vorige)


def test_sync_over_http_met_inlog_uit_de_sleutelhanger(kc, tmp_path, monkeypatch, server, sleutelhanger):
    team = Team(kc, tmp_path, monkeypatch)
    uit = team.ok(team.a, "dossier", "new", "--from", voorbeeld("de-palmeneire-vercammen.yaml"), "--no-input")
    dossier_id = uit.output.split("Dossier ", 1)[1].split(" ", 1)[0]
    team.ok(team.a, "team", "init", "--remote", server, "--naam", NAAM_A)
    # no credentials yet: a clear message, nothing lost
    fout = team.run(team.a, "team", "sync")
    assert fout.exit_code == 1 and "team inloggen" in fout.output and "Traceback" not in fout.output
    # a wrong password is refused, with the same advice
    with team.bij(team.a):
        assert kc("team", "inloggen", "--gebruiker", GEBRUIKER, "--wachtwoord-stdin", input="fout\n").exit_code == 0
    fout = team.run(team.a, "team", "sync")
    assert fout.exit_code == 1 and "kloppen niet" in fout.output and WACHTWOORD not in fout.output
    with team.bij(team.a):
        assert kc("team", "inloggen", "--gebruiker", GEBRUIKER, "--wachtwoord-stdin",
                  input=WACHTWOORD + "\n").exit_code == 0
    team.ok(team.a, "team", "sync")
    # B (same keyring on this machine: one entry per server) gets the dossier
    team.ok(team.b, "team", "init", "--remote", server, "--naam", NAAM_B)
    team.ok(team.b, "team", "sync")
    team.ok(team.b, "tijdlijn", "add", dossier_id, "--soort", "overleg", "--datum", "2026-11-21",
            "--omschrijving", "Over http", "--no-input")
    team.ok(team.b, "team", "sync")
    team.ok(team.a, "team", "sync")
    assert "Over http" in {t.omschrijving for t in team.dossier(team.a, dossier_id).tijdlijn}
    # the password is in the keyring only: not in any file of either data home, nor in git's config
    for home in (team.a, team.b):
        for pad in home.rglob("*"):
            if pad.is_file():
                assert WACHTWOORD.encode() not in pad.read_bytes(), pad
    assert list(sleutelhanger.data.values()) == [f"{GEBRUIKER}\n{WACHTWOORD}"]


def test_http_buiten_deze_computer_wordt_geweigerd(kc, palmeneire):
    uit = kc("team", "init", "--remote", "http://git.voorbeeld.be/team.git", "--naam", NAAM_A)
    assert uit.exit_code == 2 and "https" in uit.output
