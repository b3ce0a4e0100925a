"""A team's caseload on git (issue 18): set up, sync, status, resolving conflicts, history.

The git I/O is ``git_opslag`` (pygit2); the merge of a dossier is ``samenvoegen`` (pure); files are
written by ``store`` (atomically, a dossier under its lock). A sync is:

1. commit what changed on disk and has no commit yet (a save whose commit was skipped, a killed run);
2. fetch the shared branch; fast-forward, or merge: per file changed on both sides since the common
   ancestor, a three-way merge of ``dossier.yaml`` (conflicts recorded in the dossier, the result
   validated like every save) and the union of the register's lines; one merge commit;
3. push; a rejected push (someone pushed first) goes back to 2.

Every step leaves the data home valid: files are replaced atomically, the branch moves only after
its files are written, and step 1 of the next sync picks up what a killed sync wrote. Locking across
machines is impossible: the per-dossier lock is local, and across machines the merge is the guarantee.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import datetime
from typing import TYPE_CHECKING, Any

from ketencli import git_opslag, klok, store
from ketencli.fouten import BestandsFout, GebruiksFout, KetencliFout
from ketencli.git_opslag import TeamFout

if TYPE_CHECKING:  # imported where a dossier is merged or its history read: a sync that merges none needs none
    from ketencli import samenvoegen

POGINGEN = 5
DOSSIERPAD = re.compile(r"^dossiers/(\d{4}-\d{3,})/dossier\.yaml$")
HEEL_DOSSIER = "(hele dossier)"  # as samenvoegen.HEEL_DOSSIER (not imported here: a sync that merges none)


def vereis_datamap() -> None:
    """Every team command first: a data home that is a file or cannot be read gets the disk message
    `dossier list` gives (``paden.vereis_leesbare_dossiermap``), not "no team" nor a tip that fails.
    Raises SchijfFout."""
    from ketencli import paden

    paden.vereis_leesbare_dossiermap()


def vereis_team() -> None:
    """Raises GebruiksFout when the data home is no team working tree (SchijfFout when it is unreadable)."""
    if not git_opslag.actief():
        vereis_datamap()
        raise GebruiksFout("Er is geen team ingesteld in deze datamap.",
                           tip="Stel het in met `ketencli team init --remote PAD-OF-URL`.")


def auteur() -> str:
    return store.profielnaam()


def _id(pad: str) -> str | None:
    m = DOSSIERPAD.match(pad)
    return m.group(1) if m else None


def _ids_tekst(paden: list[str]) -> str:
    ids = sorted({i for i in (_id(p) for p in paden) if i})
    delen = ids[:10] + ([f"en {len(ids) - 10} meer"] if len(ids) > 10 else [])
    if any(p.startswith("register/") for p in paden):
        delen.append("register")
    return ", ".join(delen) or "instellingen"


# -- set up ----------------------------------------------------------------------------------------


def init(url: str) -> tuple[bool, int]:
    """Make the data home a team working tree with remote ``url`` and commit what is there.
    Returns (new repository, number of files committed). Raises GebruiksFout for an unsupported URL."""
    url = url.strip()
    soort = git_opslag.soort_url(url)
    if not soort:
        raise GebruiksFout(f"--remote {url!r}: dat adres ken ik niet.",
                           tip="Geef een map (bv. \\\\server\\share\\ketencli.git of /mnt/team/ketencli.git) "
                               "of een https-adres (bv. https://git.organisatie.be/team/ketencli.git).")
    if re.match(r"^https?://[^/@]*:[^/@]*@", url):
        raise GebruiksFout("Zet geen wachtwoord in het adres: het zou in een bestand bewaard worden.",
                           tip="Bewaar je inloggegevens met `ketencli team inloggen`.")
    _vereis_gedeelde_opslag(url)
    with git_opslag.vertaald():
        nieuw = git_opslag.initialiseer(git_opslag.libgit2_url(url))
    repo = git_opslag.open_repo()
    with git_opslag.slot(), git_opslag.vertaald():
        if git_opslag.head_commit(repo) is None and git_opslag.gewijzigd_op_schijf(repo) == [".gitignore"]:
            return nieuw, 0  # an empty data home: the first sync takes the team's history as it is
        paden = git_opslag.leg_alles_vast(lambda p: f"Team-opslag gestart: {len(p)} bestanden",
                                          auteur(), klok.nu(), repo)
    return nieuw, len(paden)


def _vereis_gedeelde_opslag(url: str) -> None:
    """At `team init`: a folder remote must be there, readable, not this data home's own repository, and
    be a shared (bare) git repository that is empty or holds only ketencli's layout (a project's
    repository would get the family's dossiers, and give its files to the data home); else a Dutch
    refusal (nothing is set up). How to make one is said only for a folder that is not there yet
    or is empty: an existing folder with other things in it (a colleague's data home, someone's git
    folder) is never offered as the place to create one. Making it is the job of whoever sets up the
    share, once, with git (ketencli needs no git program, but does not create the shared repository:
    who may write in it on the share is that person's to set). An https address is not checked
    offline (its first sync checks what it holds). Raises GebruiksFout, TeamFout (no access)."""
    try:
        toestand = git_opslag.toestand_gedeelde_map(url)
        vreemd = git_opslag.vreemd_in_gedeelde_map(url) if toestand == "ok" else None
    except git_opslag.GeenToegang:
        raise git_opslag.geen_toegang_tot(url, bij_init=True) from None
    if vreemd:
        raise git_opslag.geen_ketencli_opslag(url, vreemd, bij_init=True)
    if toestand == "ok":
        return
    maak = ("Wie de share beheert, maakt de gedeelde opslag één keer (met git: "
            f"`git init --bare --shared=group {url}`); vraag het je beheerder, en doe daarna "
            f"`ketencli team init --remote {url}` opnieuw.")
    vraag = ("Geef het pad van de gedeelde opslag van je team (bv. \\\\server\\share\\ketencli.git of "
             "/mnt/team/ketencli.git); vraag het aan wie ze instelde (je beheerder) als je het niet weet.")
    if toestand == "ontbreekt":
        raise GebruiksFout(f"--remote {url}: die map bestaat niet op deze computer. Er werd geen team ingesteld.",
                           tip="Is de netwerkshare gekoppeld (en de VPN aan), en klopt het pad? Bestaat de "
                               "gedeelde opslag nog niet: " + maak[0].lower() + maak[1:])
    raise GebruiksFout(f"--remote {url}: {git_opslag.GEEN_OPSLAG[toestand]}. Er werd geen team ingesteld.",
                       tip=maak if toestand == "leeg" else vraag)


# -- sync ------------------------------------------------------------------------------------------


@dataclass
class Uitkomst:
    """What a sync did: local commits made of unrecorded changes, files taken over from the shared
    repository, dossiers merged, new conflicts per dossier id, whether something was pushed."""

    vastgelegd: list[str] = field(default_factory=list)
    opgehaald: list[str] = field(default_factory=list)
    samengevoegd: list[str] = field(default_factory=list)
    conflicten: dict[str, int] = field(default_factory=dict)
    gedeeld: bool = False
    hernummerd: dict[str, str] = field(default_factory=dict)
    # dossier id -> items this computer added under an id a colleague also gave out (renumbered here)
    hernummerde_items: dict[str, list[samenvoegen.Hernummering]] = field(default_factory=dict)
    genegeerd: int = 0  # files in the shared repository outside ketencli's layout: not taken over

    def dossiers(self) -> set[str]:
        """The ids of the dossiers this sync changed here (taken over, merged, renumbered)."""
        return ({i for i in (_id(p) for p in self.opgehaald) if i} | set(self.samengevoegd)
                | set(self.hernummerd.values()))


def sync() -> Uitkomst:
    """Pull, merge, push (see the module docstring). Raises TeamFout (unreachable, refused),
    SchijfFout (a file could not be written: the data home stays valid)."""
    vereis_team()
    uit = Uitkomst()
    repo = git_opslag.open_repo()
    wie = auteur()
    with git_opslag.slot(wachttijd=30.0), git_opslag.vertaald():
        uit.vastgelegd = git_opslag.leg_alles_vast(lambda p: f"Lokale wijzigingen vastgelegd: {_ids_tekst(p)}",
                                                   wie, klok.nu(), repo, controleer=_vereis_geldige_dossiers)
        for _ in range(POGINGEN):
            daar = git_opslag.haal_op(repo)
            hier = git_opslag.head_commit(repo)
            if daar is not None and (hier is None or hier.id != daar.id):
                # one merge base says it all: ours behind (fast-forward), theirs behind (nothing to take), or both
                basis = git_opslag.merge_basis(repo, hier, daar) if hier is not None else None
                if basis is None:  # a history new to this data home: the whole repository, checked once
                    _vereis_ketencli_opslag(repo, daar)
                if hier is None or (basis is not None and basis.id == hier.id):
                    uit.opgehaald += _spoel_door(repo, hier, daar, uit)
                elif basis is None or basis.id != daar.id:
                    _voeg_samen(repo, hier, daar, basis, wie, uit)
            git_opslag.merk_index(repo)
            hier = git_opslag.head_commit(repo)
            if hier is None or (daar is not None and hier.id == daar.id):
                return uit
            try:
                git_opslag.duw(repo)
            except git_opslag.Geweigerd:
                continue  # someone pushed first: fetch, merge, push again
            uit.gedeeld = True
            return uit
    raise TeamFout("De gedeelde opslag veranderde telkens opnieuw terwijl ketencli synchroniseerde.",
                   tip="Je wijzigingen staan veilig op deze computer. Probeer `ketencli team sync` zo meteen opnieuw.")


def _vereis_geldige_dossiers(paden: list[str]) -> None:
    """Own changes on disk that no ketencli save checked (a file edited by hand or by another program)
    are checked like every save before they are shared: a dossier ketencli cannot read is never
    committed or pushed to the team. Raises TeamFout naming the dossier and how to repair it."""
    for pad in paden:
        dossier_id = _id(pad)
        if dossier_id is None or not (store.dossiers_dir() / dossier_id / store.DOSSIER_BESTAND).is_file():
            continue
        try:
            store.laad(dossier_id)
        except BestandsFout as fout:
            raise TeamFout(f"Dossier {dossier_id} is niet geldig en wordt niet gedeeld; er werd niets gedeeld of "
                           f"opgehaald. {fout.melding}",
                           tip=f"Herstel het met `ketencli dossier edit {dossier_id}` (je editor opent het zoals het "
                               "is) en doe daarna `ketencli team sync` opnieuw.") from None


def _vereis_ketencli_opslag(repo: Any, daar: Any) -> None:
    """A shared branch whose history this data home does not have yet (its first sync, or the shared
    folder replaced): everything in it must be ketencli's layout, else it is another repository (a
    project's, another tool's) and nothing is taken over or shared. An https remote is checked here
    only; a folder remote at `team init` too. Raises TeamFout."""
    vreemd = git_opslag.buiten_de_opslag(daar.tree)
    if vreemd:
        git_opslag.vergeet_opgehaald(repo)
        raise git_opslag.geen_ketencli_opslag(repo.remotes["origin"].url, vreemd, bij_init=False)


def _spoel_door(repo: Any, hier: Any, daar: Any, uit: Uitkomst) -> list[str]:
    """Fast-forward: write the files that differ, then move the branch. Returns the paths written."""
    paden = sorted(git_opslag.gewijzigde_paden(repo, hier.tree if hier is not None else None, daar.tree))
    gedeeld = _gedeeld(paden, uit)
    _schrijf_alle([(pad, git_opslag.blob(daar.tree, pad), git_opslag.blob(hier.tree, pad) if hier is not None else None)
                   for pad in gedeeld])
    git_opslag.verplaats_head(repo, daar)
    git_opslag.werk_index_bij(repo, paden, daar.tree).write()  # after the branch: never ahead of it (maak_commit)
    return gedeeld


def _gedeeld(paden: Iterable[str], uit: Uitkomst) -> list[str]:
    """The paths of the shared layout (``git_opslag.gedeeld``); the others a shared repository holds
    (a file someone added there with git) are counted in ``uit.genegeerd`` and never written here."""
    gedeeld = [p for p in paden if git_opslag.gedeeld(p)]
    uit.genegeerd += sum(1 for p in paden if not git_opslag.gedeeld(p))
    return gedeeld


def _schrijf_alle(taken: list[tuple[str, bytes | None, bytes | None]]) -> None:
    """``store.team_schrijf`` for each (path, content, expected): side by side in a few threads, since
    waiting for the disk (each file is fsynced, with its folder) is most of their time; each file is
    still written atomically under its dossier's lock. Raises the first error after all have ended
    (the branch has not moved: the next sync finds what was written and completes). Only paths of the
    shared layout are written (``git_opslag.gedeeld``): nothing else in the data home (its config, a
    project's files) is ever touched by a sync."""
    taken = [taak for taak in taken if git_opslag.gedeeld(taak[0])]
    if len(taken) < 4:
        for taak in taken:
            store.team_schrijf(*taak)
        return
    import threading

    fouten: list[BaseException] = []

    def werk(deel: list[tuple[str, bytes | None, bytes | None]]) -> None:
        try:
            for taak in deel:
                store.team_schrijf(*taak)
        except BaseException as fout:  # noqa: BLE001 - handed to the main thread
            fouten.append(fout)

    n = min(8, len(taken))
    draden = [threading.Thread(target=werk, args=(taken[i::n],)) for i in range(n)]
    for draad in draden:
        draad.start()
    for draad in draden:
        draad.join()
    if fouten:
        raise fouten[0]


def _hernummer_botsingen(repo: Any, hier: Any, daar: Any, bt: Any, ons_p: set[str], hun_p: set[str],
                         wie: str, uit: Uitkomst) -> bool:
    """A dossier new on both sides under one number (two computers gave out the same id offline) is two
    different dossiers: ours gets the next free number, in a local commit before the merge. Returns
    whether anything was renumbered."""
    botsingen = [p for p in sorted(ons_p & hun_p) if _id(p) and git_opslag.blob(bt, p) is None
                 and git_opslag.blob(hier.tree, p) is not None and git_opslag.blob(daar.tree, p) is not None
                 and git_opslag.blob(hier.tree, p) != git_opslag.blob(daar.tree, p)]
    if not botsingen:
        return False
    bezet = {i for i in (_id(p) for p in git_opslag.gewijzigde_paden(repo, None, daar.tree)) if i}
    paden = []
    for pad in botsingen:
        oud = _id(pad) or ""
        nieuw = store.team_hernummer(oud, bezet)
        bezet.add(nieuw)
        uit.hernummerd[oud] = nieuw
        paden += [pad, f"dossiers/{nieuw}/dossier.yaml"]
    git_opslag.maak_commit(repo, git_opslag.werk_index_bij(repo, paden),
                           "Hernummerd (zelfde nummer op een andere computer): "
                           + ", ".join(f"{o} → {n}" for o, n in uit.hernummerd.items()), wie, klok.nu())
    return True


def _voeg_samen(repo: Any, hier: Any, daar: Any, basis: Any, wie: str, uit: Uitkomst) -> None:
    bt = basis.tree if basis is not None else None
    ons_p = git_opslag.gewijzigde_paden(repo, bt, hier.tree)
    hun_p = git_opslag.gewijzigde_paden(repo, bt, daar.tree)
    if _hernummer_botsingen(repo, hier, daar, bt, ons_p, hun_p, wie, uit):
        hier = git_opslag.head_commit(repo)
        ons_p = git_opslag.gewijzigde_paden(repo, bt, hier.tree)
    te_schrijven: dict[str, bytes | None] = {}
    vreemd = sorted(set(hun_p) - set(_gedeeld(hun_p, uit)))  # kept in the merge as they are there, never here
    for pad in sorted(set(hun_p) - set(vreemd)):
        if git_opslag.blob_id(hier.tree, pad) == git_opslag.blob_id(daar.tree, pad):
            continue
        ons_b, hun_b = git_opslag.blob(hier.tree, pad), git_opslag.blob(daar.tree, pad)
        if pad not in ons_p:
            te_schrijven[pad] = hun_b
            continue
        basis_b = git_opslag.blob(bt, pad)
        if _id(pad):
            ons_wie = git_opslag.laatste_auteur(repo, hier, pad)
            hun_wie = git_opslag.laatste_auteur(repo, daar, pad)
            nieuw, n, items = voeg_dossier_samen(pad, basis_b, ons_b, hun_b, ons_wie, hun_wie)
            uit.samengevoegd.append(_id(pad) or pad)
            if n:
                uit.conflicten[_id(pad) or pad] = n
            if items:
                uit.hernummerde_items[_id(pad) or pad] = items
        elif pad.startswith("register/"):
            nieuw = _voeg_regels_samen(ons_b, hun_b)
        else:
            nieuw = ons_b
        if nieuw != ons_b:
            te_schrijven[pad] = nieuw
    _schrijf_alle([(pad, inhoud, git_opslag.blob(hier.tree, pad)) for pad, inhoud in te_schrijven.items()])
    uit.opgehaald += sorted(te_schrijven)
    index = git_opslag.werk_index_bij(repo, sorted(te_schrijven) + vreemd, daar.tree)
    beide = sorted(set(ons_p) & set(hun_p)) or sorted(te_schrijven)
    bericht = f"Samengevoegd met de gedeelde opslag: {_ids_tekst(beide)}"
    if uit.conflicten:
        bericht += f" ({sum(uit.conflicten.values())} conflict(en) in {', '.join(sorted(uit.conflicten))})"
    if uit.hernummerde_items:
        bericht += "; hernummerd: " + ", ".join(f"{i} {hernummering_in_woorden(h)}"
                                                for i, hs in sorted(uit.hernummerde_items.items()) for h in hs)
    git_opslag.maak_commit(repo, index, bericht, wie, klok.nu(), tweede_ouder=daar, paden=sorted(te_schrijven) + vreemd)


def _voeg_regels_samen(ons: bytes | None, hun: bytes | None) -> bytes | None:
    regels_o = (ons or b"").decode("utf-8", "replace").splitlines()
    regels_h = (hun or b"").decode("utf-8", "replace").splitlines()
    uit = list(regels_o) + [r for r in regels_h if r not in regels_o]
    return ("\n".join(uit) + "\n").encode("utf-8") if uit else None


def _als_dict(inhoud: bytes | None, bron: str) -> dict | None:
    if inhoud is None:
        return None
    dossier = store.dossier_uit_tekst(inhoud.decode("utf-8", "replace"), bron)
    return dossier.model_dump(mode="json", exclude_none=True)


# the id lists of a dossier (samenvoegen.VERWIJZINGEN) in words, and whether the noun is a het-word
# ("een nieuw gezinslid", "een nieuwe agendering")
_LIJST_WOORDEN: dict[str, tuple[str, bool]] = {
    "gezinsleden": ("gezinslid {id}", True), "betrokken_diensten": ("betrokken dienst {id}", False),
    "pva.rijen": ("rij {id} van het plan van aanpak", False), "pva.doelstellingen": ("doelstelling {id}", False),
    "agenderingen": ("agendering {id}", False), "knelpunten": ("knelpunt {id}", True)}


def _in_woorden(lijst: str, item_id: str) -> tuple[str, bool]:
    sjabloon, het = _LIJST_WOORDEN.get(lijst, (veld_in_woorden(lijst) + " {id}", False))
    return sjabloon.format(id=item_id), het


def hernummering_in_woorden(h: samenvoegen.Hernummering) -> str:
    """``gezinslid m4 → m5`` (ids and kinds only: for commit messages and the dossier's historie)."""
    return f"{_in_woorden(h.lijst, h.oud)[0]} → {h.nieuw}"


def hernummering_melding(dossier_id: str, h: samenvoegen.Hernummering) -> str:
    """The sync's message for an item this computer added under an id a colleague also gave out:
    "Dossier 2026-001: je nieuwe gezinslid m4 heet nu m5: jullie maakten allebei een nieuw gezinslid m4 …"."""
    woorden, het = _in_woorden(h.lijst, h.oud)
    return (f"Dossier {dossier_id}: je nieuwe {woorden} heet nu {h.nieuw}: jullie maakten allebei "
            f"{'een nieuw' if het else 'een nieuwe'} {woorden}. Beide blijven bewaard; kijk na of het niet "
            "twee keer hetzelfde is.")


def voeg_dossier_samen(pad: str, basis: bytes | None, ons: bytes | None, hun: bytes | None,
                       ons_wie: tuple[str, datetime | None], hun_wie: tuple[str, datetime | None]
                       ) -> tuple[bytes | None, int, list[samenvoegen.Hernummering]]:
    """Three-way merge of one ``dossier.yaml``; returns (the merged file, number of new conflicts, the
    items renumbered). A removal on one side and a change on the other keeps the changed dossier. An
    item both sides created under one id (two computers gave out the same next id offline) is two
    items: this computer's, which no colleague has seen yet, gets the next free id (as a dossier number
    does in ``_hernummer_botsingen``), recorded in the dossier's historie. The merged dossier
    is validated like every save; when the merge of two valid versions is not valid (e.g. a member
    removed there that a new relation here points to), this side's version stays with the whole other
    version in one conflict. Raises BestandsFout when a version cannot be read."""
    from pydantic import ValidationError

    from ketencli import model, samenvoegen

    if ons is None or hun is None:
        return (ons if ons is not None else hun), 0, []
    b, o, h = (_als_dict(basis, f"{pad} (gemeenschappelijke versie)"), _als_dict(ons, pad),
               _als_dict(hun, f"{pad} (versie van de gedeelde opslag)"))
    assert o is not None and h is not None
    samen = samenvoegen.samenvoeging(b, o, h, hernummer="ons")
    resultaat, conflicten, hernummerd = samen.resultaat, samen.conflicten, samen.hernummerd
    nu = klok.nu().replace(microsecond=0).isoformat()
    if hernummerd:
        resultaat["historie"] = list(resultaat.get("historie", [])) + [
            {"moment": nu, "wat": f"hernummerd: {hernummering_in_woorden(x)}",
             "reden": f"een collega gaf intussen hetzelfde nummer {x.oud} aan iets anders (team-sync)"}
            for x in hernummerd]

    def record(veld: str, ons_w: Any, hun_w: Any) -> dict:
        waarden = []
        for (wie, op), w in ((ons_wie, ons_w), (hun_wie, hun_w)):
            item: dict[str, Any] = {"door": wie, "verwijderd": w is None}
            if op is not None:
                item["op"] = op.replace(microsecond=0).isoformat()
            if w is not None:
                item["waarde"] = w
            waarden.append(item)
        return {"veld": veld, "moment": nu, "waarden": waarden}

    resultaat.setdefault("conflicten", [])
    resultaat["conflicten"] = list(resultaat["conflicten"]) + [record(c.pad, c.ons, c.hun) for c in conflicten]
    try:
        dossier = model.Dossier.model_validate(resultaat)
    except ValidationError:
        resultaat = dict(o)
        resultaat["conflicten"] = list(o.get("conflicten", [])) + [record(HEEL_DOSSIER, "(deze versie)", h)]
        dossier = model.Dossier.model_validate(resultaat)
        conflicten = [samenvoegen.Conflict(HEEL_DOSSIER, None, h)]
        hernummerd = []
    else:
        strijdig = _strijdig_na_samenvoegen(dossier, o, h, ons_wie, hun_wie, nu)
        if strijdig is not None:
            dossier = model.Dossier.model_validate({**dossier.model_dump(mode="json", exclude_none=True),
                                                    "conflicten": resultaat["conflicten"] + [strijdig]})
            conflicten = [*conflicten, samenvoegen.Conflict(strijdig["veld"], None, None)]
    return store.naar_tekst(dossier).encode("utf-8"), len(conflicten), hernummerd


NIEUWE_FEITEN = "afronding.nieuwe_feiten"


def _strijdig_na_samenvoegen(dossier: Any, o: dict, h: dict, ons_wie: tuple[str, datetime | None],
                             hun_wie: tuple[str, datetime | None], nu: str) -> dict | None:
    """The merged dossier checked against the method's closing rule (``afronding.strijdig_met_afsluiting``:
    afgesloten with "geen nieuwe feiten" while the tijdlijn has facts after the afronding, guide L731):
    when the merge made it so (one side closed, the other added a pv), a conflict on
    ``afronding.nieuwe_feiten``: value 1 the closing side's "geen nieuwe feiten" (what stays in the
    dossier), value 2 the facts the other side added. None when the merged dossier keeps the rule or
    one side already broke it the same way (an afsluiting with --toch)."""
    from ketencli import model
    from ketencli.methodiek import afronding

    feiten = afronding.strijdig_met_afsluiting(dossier)
    if not feiten:
        return None
    sleutels = {(f.datum, f.soort, f.omschrijving) for f in feiten}
    zijden = []
    for data, wie in ((o, ons_wie), (h, hun_wie)):
        kant = model.Dossier.model_validate(data)
        eigen = {(f.datum, f.soort, f.omschrijving) for f in afronding.strijdig_met_afsluiting(kant)}
        if eigen >= sleutels:
            return None  # this side already had it all: not the merge's doing
        zijden.append((kant, wie))
    (ons_d, _), _ = zijden
    sluit, ander = (zijden[0], zijden[1]) if ons_d.fase == "afgesloten" else (zijden[1], zijden[0])

    def waarde(wie: tuple[str, datetime | None], w: str) -> dict:
        item: dict[str, Any] = {"door": wie[0], "verwijderd": False, "waarde": w}
        if wie[1] is not None:
            item["op"] = wie[1].replace(microsecond=0).isoformat()
        return item

    nieuw = "; ".join(afronding.feit_tekst(f) for f in feiten)
    return {"veld": NIEUWE_FEITEN, "moment": nu,
            "waarden": [waarde(sluit[1], afronding.GEEN_NIEUWE_FEITEN), waarde(ander[1], nieuw)]}


# -- status ----------------------------------------------------------------------------------------


@dataclass
class Status:
    url: str
    niet_vastgelegd: list[str]
    te_delen: int
    op_te_halen: int
    conflicten: dict[str, list[str]]


def conflicten(ids: Iterable[str] | None = None) -> dict[str, list[str]]:
    """Dossier id -> the fields in conflict, for every dossier with an open conflict, or only among
    ``ids`` (a sync shows those of the dossiers it changed: reading all 1,000 files would cost more
    than the sync; `team status` shows all). Loads only the dossiers whose file mentions one."""
    import os

    uit: dict[str, list[str]] = {}
    basis = str(store.dossiers_dir())
    if ids is not None:
        mappen = sorted({i for i in ids if store.ID_PATROON.match(i)})
    else:
        try:
            mappen = sorted(item.name for item in os.scandir(basis) if store.ID_PATROON.match(item.name))
        except OSError:
            return uit
    for dossier_id in mappen:
        try:
            with open(os.path.join(basis, dossier_id, store.DOSSIER_BESTAND), "rb") as f:
                ruw = f.read()
        except OSError:
            continue
        if b"\nconflicten:\n" not in ruw:  # an empty list is written as "conflicten: []"
            continue
        try:
            dossier = store.laad(dossier_id)
        except BestandsFout:
            continue
        if dossier.conflicten:
            uit[dossier_id] = [c.veld for c in dossier.conflicten]
    return uit


def status() -> Status:
    vereis_team()
    with git_opslag.vertaald():  # a damaged repository in Dutch, as in a sync
        repo = git_opslag.open_repo()
        voor, achter = git_opslag.voorsprong(repo)
        niet_vastgelegd = git_opslag.gewijzigd_op_schijf(repo)
    return Status(url=toon_url(git_opslag.remote_url() or ""), niet_vastgelegd=niet_vastgelegd,
                  te_delen=voor, op_te_halen=achter, conflicten=conflicten())


def toon_url(url: str) -> str:
    return re.sub(r"^(https?://)[^/@]*@", r"\1", url)


# -- resolving a conflict --------------------------------------------------------------------------


def los_opdracht(dossier_id: str, aantal_conflicten: int) -> str:
    """The `team los` command to show after a conflict, the same in `team sync`, `team status`, `dossier
    show` and `overzicht`: ``ketencli team los 2026-001 1 --kies 1`` with one conflict, with ``NR`` (the
    conflict's number as listed) when there are more."""
    nr = "1" if aantal_conflicten == 1 else "NR"
    return f"ketencli team los {dossier_id} {nr} --kies 1"


def veld_als_nr(veld: str) -> str:
    """A conflict's field as the NR of a `team los` command to show: its path, quoted when a shell
    would read it otherwise (``"pva.rijen[r2].aanpak"``: brackets are a pattern in zsh)."""
    return veld if re.fullmatch(r"[\w.]+", veld, re.ASCII) else f'"{veld}"'


def geraakt_melding(dossier_id: str, veld: str, geheel: bool) -> str:
    """The one line said after a command changed the field of an open conflict (``store.geraakte_conflicten``):
    the conflict is still open, and `--kies` would now replace that change (``in_het_dossier``)."""
    opdracht = f"ketencli team los {dossier_id} {veld_als_nr(veld)}"
    hoe = (f"`{opdracht} --kies N --toch` (en pas het daarna opnieuw aan)" if geheel
           else f"`{opdracht} --waarde \"...\"` (of `--kies N --toch`)")
    return (f"Let op: er is een open conflict op dit veld ({veld_in_woorden(veld)}) in dossier {dossier_id}; "
            f"los het op met {hoe}.")


def kies_uit(n: int) -> str:
    """"kies 1 of 2", "kies 1 tot 3"; with one: "alleen 1 bestaat"."""
    if n <= 1:
        return "alleen 1 bestaat"
    return "kies 1 of 2" if n == 2 else f"kies 1 tot {n}"


def _veldsleutel(tekst: str) -> str:
    """A field as typed or shown, for comparing: no capitals, ``_`` as a space, "›" as ">", no
    parentheses, spacing as one space ("Aanmelding ›  waarom_nu" and "aanmelding > waarom nu" are one)."""
    t = tekst.casefold().replace("_", " ").replace("›", ">").replace("(", " ").replace(")", " ")
    return re.sub(r"\s*>\s*", ">", " ".join(t.split()))


def conflict_nummer(dossier_id: str, velden: list[str], nr: str) -> int:
    """The 1-based number of the conflict that ``nr`` names among the open conflicts' ``velden`` (their
    paths, in the dossier's order): a number as listed, or the field: its path (``aanmelding.waarom_nu``),
    its words as `team status` shows them ("aanmelding › waarom nu", ``veld_in_woorden``) or their last
    part ("waarom nu"). Numbers are positions and shift when a conflict is resolved (here or by a
    colleague, after a sync); a field stays the same field (issue 18). Raises GebruiksFout for a field
    with no open conflict, or one that names more than one."""
    tekst = nr.strip()
    if tekst.isdigit():
        nummer = int(tekst)
        if not 1 <= nummer <= len(velden):
            raise GebruiksFout(f"Dossier {dossier_id} heeft geen conflict {nummer} ({kies_uit(len(velden))}).")
        return nummer
    sleutel = _veldsleutel(tekst)
    for vorm in (lambda v: v, veld_in_woorden, lambda v: veld_in_woorden(v).rsplit(" › ", 1)[-1]):
        treffers = [i for i, v in enumerate(velden, 1) if sleutel and _veldsleutel(vorm(v)) == sleutel]
        if len(treffers) == 1:
            return treffers[0]
        if treffers:
            raise GebruiksFout(f"'{tekst}' past op {len(treffers)} conflicten in dossier {dossier_id}: "
                               + ", ".join(f"{i}. {veld_in_woorden(velden[i - 1])} ({velden[i - 1]})"
                                           for i in treffers) + ".",
                               tip="Geef het nummer." if len({velden[i - 1] for i in treffers}) == 1
                               else "Geef het volledige veld (zoals tussen haakjes) of het nummer.")
    lijst = ", ".join(f"{i}. {veld_in_woorden(v)} ({v})" for i, v in enumerate(velden, 1))
    kort = veld_in_woorden(velden[0]).rsplit(" › ", 1)[-1]
    raise GebruiksFout(f"Dossier {dossier_id} heeft geen open conflict op '{tekst}'. Open conflicten: {lijst}.",
                       tip=f"Geef het veld zoals de lijst het noemt (bv. \"{kort}\" of {velden[0]}) of het nummer.")


def _zelfde(a: Any, b: Any) -> bool:
    import json

    return json.dumps(a, sort_keys=True, default=str) == json.dumps(b, sort_keys=True, default=str)


def in_het_dossier(data: dict, nummer: int) -> int | None:
    """Which value (1-based) of conflict ``nummer`` the dossier holds now in the conflict's field, or
    None when it holds none of them: the field was changed after the conflict arose (a local edit, a
    hand-over, a colleague's edit merged by a sync), so choosing a value would overwrite that later
    change (issue 18: nothing is ever silently lost). ``data`` is the dossier as
    ``model_dump(mode="json", exclude_none=True)`` gives it (the conflict's values compared in the same
    form). A value that is a removal matches a field or item that is not there. The whole-dossier
    conflict (``HEEL_DOSSIER``) holds value 1, "this version", by definition."""
    from ketencli import samenvoegen

    conflict = data["conflicten"][nummer - 1]
    if conflict["veld"] == HEEL_DOSSIER:
        return 1
    nu = samenvoegen.lees(data, conflict["veld"])
    for i, w in enumerate(conflict.get("waarden") or [], 1):
        if w.get("verwijderd"):
            if nu is samenvoegen.ONTBREEKT:
                return i
        elif nu is not samenvoegen.ONTBREEKT and _zelfde(nu, w.get("waarde")):
            return i
    return None


def los_op(dossier_id: str, nummer: int | str | None, kies: int | None, waarde: str | None,
           toch: bool = False) -> tuple[str, list[str]]:
    """Resolve conflict ``nummer`` (1-based, or the field as ``conflict_nummer`` takes it; may be left
    out when there is one) of a dossier with the value of side ``kies`` (1 or 2) or the typed
    ``waarde``; validated and saved like every edit (a commit). An afgesloten dossier's conflict can be
    resolved too (a sync may merge into one, e.g. ``_strijdig_na_samenvoegen``): it finishes the merge
    and reopens nothing. When the field was changed after the conflict arose (``in_het_dossier`` is
    None), ``kies`` would overwrite that later change: refused (KetencliFout, exit 1, nothing saved)
    unless ``toch``, and then the historie says a later change was replaced. Returns the field and the
    fields still in conflict, in their new order (the numbers the next `team los` takes).
    Raises GebruiksFout, KetencliFout."""
    from ketencli import model, samenvoegen

    with store.slot(dossier_id):
        dossier = store.laad(dossier_id)
        if not dossier.conflicten:
            store.vereis_schrijfbaar(dossier)
            raise GebruiksFout(f"Dossier {dossier_id} heeft geen conflicten.")
        if nummer is None:
            if len(dossier.conflicten) > 1:
                raise GebruiksFout(f"Dossier {dossier_id} heeft {len(dossier.conflicten)} conflicten: "
                                   "zeg welk met het veld of zijn nummer.",
                                   tip=f"Bekijk ze met `ketencli team status` of `ketencli dossier show {dossier_id}`.")
            nummer = 1
        nummer = conflict_nummer(dossier_id, [c.veld for c in dossier.conflicten], str(nummer))
        conflict = dossier.conflicten[nummer - 1]
        if (kies is None) == (waarde is None):
            raise GebruiksFout("Kies een van de waarden met --kies 1 of --kies 2, of typ de juiste met --waarde.")
        if waarde is not None and not waarde.strip():
            raise GebruiksFout("--waarde is leeg: zo zouden beide waarden verloren gaan. Er werd niets bewaard.",
                               tip="Typ de juiste waarde tussen aanhalingstekens, of kies er een met --kies 1 of 2.")
        if waarde is not None and any(isinstance(w.waarde, (dict, list)) for w in conflict.waarden):
            # a whole item or unit (a casusregisseur, a PvA row) is no line of text: choose, then edit
            aanpassen = (f"ketencli dossier regisseur {dossier_id} --naam ... --organisatie ... --contact ..."
                         if conflict.veld == "casusregisseur" else f"ketencli dossier edit {dossier_id}")
            raise GebruiksFout(f"Conflict {nummer} ({veld_in_woorden(conflict.veld)}) is een geheel van meerdere "
                               "velden: dat typ je niet met --waarde. Er werd niets bewaard.",
                               tip=f"Kies een van de waarden met `ketencli team los {dossier_id} "
                                   f"{'' if len(dossier.conflicten) == 1 else f'{nummer} '}--kies 1` (of 2) en pas "
                                   f"het daarna aan met `{aanpassen}`.")
        if kies is not None:
            if not 1 <= kies <= len(conflict.waarden):
                raise GebruiksFout(f"--kies {kies}: {kies_uit(len(conflict.waarden))}.")
            gekozen = conflict.waarden[kies - 1]
            nieuwe_waarde = None if gekozen.verwijderd else gekozen.waarde
        else:
            nieuwe_waarde = waarde
        data = dossier.model_dump(mode="json", exclude_none=True)
        later = kies is not None and in_het_dossier(data, nummer) is None
        if later and not toch:
            geheel = any(isinstance(w.waarde, (dict, list)) for w in conflict.waarden)
            opdracht = f"ketencli team los {dossier_id} {veld_als_nr(conflict.veld)} --kies {kies} --toch"
            raise KetencliFout(f"Het veld {veld_in_woorden(conflict.veld)} werd na het conflict nog gewijzigd: in het "
                               "dossier staat nu geen van de waarden van het conflict maar een latere wijziging. Er "
                               "werd niets bewaard.",
                               tip=f"Kies met `{opdracht}` om die wijziging te vervangen"
                                   + (" (en pas het daarna opnieuw aan)." if geheel else
                                      ", of los het op met --waarde \"...\" (de juiste tekst).")
                                   + f" Bekijk het eerst met `ketencli dossier show {dossier_id}`.")
        del data["conflicten"][nummer - 1]
        if conflict.veld == HEEL_DOSSIER:
            if isinstance(nieuwe_waarde, dict):
                rest = data["conflicten"]
                data = dict(nieuwe_waarde)
                data["conflicten"] = rest
        else:
            try:
                samenvoegen.zet(data, conflict.veld, nieuwe_waarde)
            except KeyError:
                raise GebruiksFout(f"Het veld {conflict.veld} bestaat niet meer in dossier {dossier_id}.",
                                   tip="Los het op in de editor: `ketencli dossier edit "
                                       f"{dossier_id}` (verwijder het conflict onderaan).") from None
        nieuw = model.Dossier.model_validate(data)
        nieuw._stempel = dossier._stempel
        nieuw._geladen_fase = dossier._geladen_fase
        store.historie(nieuw, f"conflict opgelost: {conflict.veld}", reden=_keuze_in_woorden(conflict, kies, later))
        store.bewaar(nieuw, heropen=dossier.alleen_lezen and nieuw.alleen_lezen)
    return conflict.veld, [c.veld for c in nieuw.conflicten]


def _keuze_in_woorden(conflict: Any, kies: int | None, later: bool = False) -> str:
    """The reason of a resolution's historie line: which value was chosen and who filled it in (a
    colleague's name; "waarde 2 gekozen, ingevuld door Lien Maes", never "die van", which read as if
    she became regisseur), or that a value was typed; whether it replaced a change made after the
    conflict arose (``later``, with --toch); never the value itself (case text)."""
    if kies is None:
        return "zelf getypte waarde"
    gekozen = conflict.waarden[kies - 1]
    actie = "verwijderd" if gekozen.verwijderd else "ingevuld"
    wie = f"{actie} door {gekozen.door}" if gekozen.door else ("verwijderd" if gekozen.verwijderd else "")
    return (f"waarde {kies} gekozen" + (f", {wie}" if wie else "")
            + ("; een latere wijziging vervangen" if later else ""))


# -- history ---------------------------------------------------------------------------------------

_WOORDEN = {"pva": "plan van aanpak", "rijen": "rij", "acties": "acties", "ico": "ICO",
            "ifg_profielen": "IFG-profielen", "stappen": "checklist", "gezinsleden": "gezinslid",
            "betrokken_diensten": "betrokken dienst", "agenderingen": "agendering", "conflicten": "conflict",
            "casusregie_start": "start casusregie"}


def veld_in_woorden(pad: str) -> str:
    """``aanmelding.waarom_nu`` -> "aanmelding › waarom nu"; ``pva.rijen[r2].aanpak`` ->
    "plan van aanpak › rij r2 › aanpak"."""
    from ketencli import samenvoegen

    uit = []
    for soort, naam in samenvoegen._delen(pad):
        if soort == "i":
            uit[-1] = f"{uit[-1]} {naam}" if uit else naam
        else:
            uit.append(_WOORDEN.get(naam, naam.replace("_", " ")))
    return " › ".join(uit) or "dossier"


# a date or moment as the YAML and git keep it (2026-11-24, 2026-11-24T10:00:00+01:00)
_ISO_DATUM = re.compile(r"(?<![\d-])(\d{4})-(\d{2})-(\d{2})(?:[T ](\d{2}):(\d{2})(?::\d{2}(?:\.\d+)?)?"
                        r"(?:[+-]\d{2}:?\d{2}|Z)?)?(?![\d-])")
# "fase aanmelding → niet-ingestroomd", "fase: verkenning → casusregie", "heropend: fase afgesloten → …"
_FASEWISSEL = re.compile(r"\b(fase:?\s+)([a-z]+(?:-[a-z]+)*)(\s*→\s*)([a-z]+(?:-[a-z]+)*)")
# "conflict opgelost: aanmelding.waarom_nu" (los_op): the field as a path
_OPGELOST = re.compile(r"^(conflict opgelost: )(\S+)")
# a key of the method with a hyphen ("geen-ketenaanpak"), not part of a longer word
_SLEUTEL = re.compile(r"(?<![\w-])[a-z]+(?:-[a-z]+)+(?![\w-])")


def in_woorden(tekst: str) -> str:
    """A line of a dossier's historie as stored ("fase aanmelding → niet-ingestroomd", reden "ICO
    2026-11-24: geen-ketenaanpak") in the words the other commands use: fase names as `dossier show`
    shows them (``FASE_LABELS``), ICO conclusions as `dossier ico` says them (``ICO_LABELS``), dates
    as 24/11/2026, a resolved conflict's field as `team status` names it (``veld_in_woorden``). Only for
    showing: the stored text stays as it is (``methodiek`` reads it)."""
    from ketencli.methodiek.aanmelding import FASE_LABELS, ICO_LABELS

    tekst = _OPGELOST.sub(lambda m: m[1] + veld_in_woorden(m[2]), tekst)
    tekst = _FASEWISSEL.sub(lambda m: f"{m[1]}{FASE_LABELS.get(m[2], m[2])}{m[3]}{FASE_LABELS.get(m[4], m[4])}",
                            tekst)
    tekst = _SLEUTEL.sub(lambda m: ICO_LABELS.get(m[0]) or FASE_LABELS.get(m[0], m[0]), tekst)
    return _ISO_DATUM.sub(lambda m: f"{m[3]}/{m[2]}/{m[1]}" + (f" {m[4]}:{m[5]}" if m[4] else ""), tekst)


def moment_in_woorden(moment: str) -> str:
    """``2026-11-24T10:00:00+01:00`` -> ``24/11/2026 10:00`` (the heading of a historiek entry)."""
    return in_woorden(moment[:16])


def _korte_waarde(w: Any, pad: str = "") -> str:
    from ketencli.methodiek.aanmelding import FASE_LABELS, ICO_LABELS

    if isinstance(w, dict) and isinstance(w.get("veld"), str) and "waarden" in w:  # a conflict
        return veld_in_woorden(w["veld"])
    if isinstance(w, dict):
        delen = [in_woorden(str(w[k])) for k in ("datum", "conclusie", "soort", "item", "naam", "omschrijving",
                                                  "factor", "veld") if w.get(k)]
        return ", ".join(delen)[:80] or "…"
    if isinstance(w, list):
        return f"{len(w)} item(s)"
    if isinstance(w, str) and pad == "fase":
        return FASE_LABELS.get(w, w)
    if isinstance(w, str) and pad == "ico.conclusie":
        return ICO_LABELS.get(w, w)
    tekst = "" if w is None else str(w)
    if _ISO_DATUM.fullmatch(tekst):
        return in_woorden(tekst)
    return tekst if len(tekst) <= 80 else tekst[:79] + "…"


def _wijziging(v: samenvoegen.Verschil) -> dict[str, Any]:
    woorden = veld_in_woorden(v.pad)
    oud, nieuw = _korte_waarde(v.oud, v.pad), _korte_waarde(v.nieuw, v.pad)
    if v.soort == "toegevoegd":
        zin = f"{woorden}: toegevoegd ({nieuw})" if isinstance(v.nieuw, dict) else f"{woorden}: {nieuw} ingevuld"
    elif v.soort == "verwijderd":
        zin = f"{woorden}: verwijderd ({oud})"
    else:
        zin = f"{woorden}: gewijzigd van '{oud}' in '{nieuw}'"
    return {"veld": v.pad, "in_woorden": woorden, "soort": v.soort, "oud": v.oud, "nieuw": v.nieuw, "zin": zin}


def historiek(dossier_id: str) -> list[dict[str, Any]]:
    """Who changed what in a dossier and when, oldest first, from the team repository's log: per
    commit the author, the moment, and the field-level changes in Dutch words (a merge lists only
    what differs from both sides, such as a recorded conflict). Raises DossierNietGevonden, GebruiksFout
    without a team."""
    from ketencli import samenvoegen

    vereis_team()
    pad = f"dossiers/{dossier_id}/dossier.yaml"
    uit = []
    with git_opslag.vertaald():  # a damaged repository in Dutch, as in a sync
        versies = git_opslag.versies(pad)
    for versie in reversed(versies):
        na = _als_dict_zacht(versie.na)
        lijsten = [samenvoegen.verschillen(_als_dict_zacht(v), na) for v in (versie.voor or [None])]
        if len(lijsten) > 1:
            gemeen = set.intersection(*({(x.pad, x.soort, _sleutel(x)) for x in lijst} for lijst in lijsten))
            verschillen = [x for x in lijsten[0] if (x.pad, x.soort, _sleutel(x)) in gemeen]
        else:
            verschillen = lijsten[0]
        # the dossier's own historie (heropend with its reason, overgedragen, hernummerd m6 → m7, …) is
        # shown as its own lines of the version that added it, before that version's field changes
        eigen = [_historie_wijziging(x.nieuw) for x in verschillen
                 if x.pad == "historie" and x.soort == "toegevoegd" and isinstance(x.nieuw, dict)]
        eigen = [w for w in eigen if w]
        verschillen = [x for x in verschillen if x.pad != "historie"]
        if not verschillen and not eigen and versie.na is not None and versie.voor and versie.voor[0] is not None:
            continue
        if versie.na is None:
            wijzigingen = [{"veld": "", "in_woorden": "dossier", "soort": "verwijderd", "oud": None, "nieuw": None,
                            "zin": "dossier verwijderd"}]
        elif not versie.voor or all(v is None for v in versie.voor):
            wijzigingen = [{"veld": "", "in_woorden": "dossier", "soort": "toegevoegd", "oud": None, "nieuw": None,
                            "zin": "dossier aangemaakt (of voor het eerst gedeeld)"}]
            if not uit:  # what happened before the team: the dossier's own historie (an afgesloten one's too)
                wijzigingen += _historie_voor_het_team(na)
        else:
            wijzigingen = eigen + [_wijziging(x) for x in verschillen]
        uit.append({"moment": versie.moment.isoformat(), "auteur": versie.auteur, "commit": versie.commit[:10],
                    "bericht": versie.bericht, "wijzigingen": wijzigingen})
    if not uit:
        store.laad(dossier_id)  # a clear message for an unknown id
    return uit


def historie_zin(wat: str, reden: str = "") -> str:
    """One line of a dossier's historie as `dossier historiek` shows it, in words (``in_woorden``)."""
    return in_woorden(wat + (f" ({reden})" if reden else ""))


def _historie_wijziging(h: dict) -> dict[str, Any] | None:
    """A ``historie`` entry a version added, as a change of that version ("heropend (nieuwe feiten)")."""
    if not h.get("wat"):
        return None
    zin = historie_zin(str(h["wat"]), str(h.get("reden") or ""))
    return {"veld": "historie", "in_woorden": "historiek", "soort": "historie", "oud": None,
            "nieuw": {"wat": h["wat"], "reden": h.get("reden") or ""}, "zin": zin}


def _historie_voor_het_team(data: dict | None) -> list[dict[str, Any]]:
    """The ``historie`` entries of a dossier's first shared version, as changes of that version with
    their own date ("eerder, op 23/11/2026: afgerond"): what happened before the team (imports, fase
    changes, the afsluiting of an afgesloten dossier), whose author was never recorded."""
    from datetime import datetime as _dt

    uit = []
    for h in (data or {}).get("historie") or []:
        if not isinstance(h, dict) or not h.get("wat"):
            continue
        moment = h.get("moment")
        if isinstance(moment, str):
            try:
                moment = _dt.fromisoformat(moment)
            except ValueError:
                moment = None
        datum = f"op {moment:%d/%m/%Y}: " if isinstance(moment, _dt) else ""
        zin = f"eerder, {datum}{historie_zin(h['wat'], h.get('reden') or '')}"
        uit.append({"veld": "historie", "in_woorden": "historiek", "soort": "eerder", "oud": None,
                    "nieuw": None, "zin": zin})
    return uit


def _sleutel(v: samenvoegen.Verschil) -> str:
    import json

    return json.dumps([v.oud, v.nieuw], sort_keys=True, default=str)


def _als_dict_zacht(inhoud: bytes | None) -> dict | None:
    if inhoud is None:
        return None
    try:
        return _als_dict(inhoud, "historiek")
    except BestandsFout:
        return {}


# -- caseload --------------------------------------------------------------------------------------


def draag_over(dossier_id: str, aan: str, organisatie: str | None,
               contact: str | None = None) -> tuple[str, str]:
    """Hand a dossier over to a colleague: its casusregisseur becomes ``aan`` (recorded in the
    dossier's historie and, in a team, as a commit). The previous regisseur's contact (phone, e-mail)
    and organisation are not the new one's: each is replaced by ``contact`` / ``organisatie`` or
    cleared, so no document (the weegploeg's "Contact …") shows the old details under the new name.
    Returns (contact cleared, organisation cleared), each "" if there was none or it was replaced.
    Raises GebruiksFout for an empty name, KetencliFout (nothing saved) when ``aan`` already is the
    casusregisseur (``naamsleutel``): a hand-over to oneself would clear the organisation and contact."""
    naam = " ".join(aan.split())
    if not naam:
        raise GebruiksFout("--aan mag niet leeg zijn: geef de naam van je collega.")
    with store.wijzig(dossier_id) as d:
        vorige = d.casusregisseur.naam
        if naamsleutel(vorige) == naamsleutel(naam):
            r = d.casusregisseur
            anders = [f"--{optie} ..." for optie, nieuw, oud in (("organisatie", organisatie, r.organisatie),
                                                                ("contact", contact, r.contact))
                      if nieuw is not None and nieuw.strip() != oud]
            tip = (f"Pas de gegevens van de regisseur aan met `ketencli dossier regisseur {dossier_id} "
                   f"{' '.join(anders)}`.") if anders else None
            raise KetencliFout(f"{vorige} is al de casusregisseur van dossier {dossier_id}; er verandert niets.",
                               tip=tip)
        oud_contact, oude_organisatie = d.casusregisseur.contact, d.casusregisseur.organisatie
        d.casusregisseur.naam = naam
        d.casusregisseur.organisatie = (organisatie or "").strip()
        d.casusregisseur.contact = (contact or "").strip()
        store.historie(d, f"overgedragen aan {naam}", reden=f"van {vorige}" if vorige else "")
    return (oud_contact if oud_contact and contact is None else "",
            oude_organisatie if oude_organisatie and organisatie is None else "")


def naamsleutel(naam: str) -> str:
    """A name without its capitals and spacing: "pieter verstraete" and "Pieter  Verstraete" are one."""
    return "".join(naam.split()).casefold()


def is_eigen(regisseur: str, profielnaam: str) -> bool:
    """Whether a dossier with this casusregisseur belongs to the user's own caseload."""
    return regisseur.strip().casefold() == profielnaam.strip().casefold()
