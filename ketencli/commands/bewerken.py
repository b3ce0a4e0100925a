"""`ketencli dossier edit`: the dossier in the user's text editor, checked before it is saved, and no
edit ever lost (issue "invoer" §3).

- The editor works on an owner-only copy in the data home (``store.bewerkkopie``).
- A rejected edit (a validation error with ``--no-input`` or without a terminal, or the user answers
  "Nee" to reopening) keeps the copy (0600) and names it and ``dossier edit ID --herneem``.
- A concurrent change (another command saved the dossier meanwhile) is refused by ``store.bewaar``;
  the copy is kept. ``--herneem`` on a copy whose dossier changed since shows the differences and
  refuses, so neither side is silently overwritten.
- An editor that returns at once with the file unchanged (``code`` without ``--wait``, Notepad++
  without ``-multiInst``) is named as such, with how to configure it; its copy is removed.
- A successful save removes the copy it saved (the new one, or the one resumed with ``--herneem``) and
  nothing else: a copy kept from an earlier failed edit stays, and the user is reminded of it.
- The copy is held (``store.bewerkkopie``, ``store.herneem_kopie``: a lock next to it) while the editor is
  open: a second window neither offers it for ``--herneem`` nor removes it, and starts its own edit
  instead (the normal "changed meanwhile" protection applies at its save). A copy whose ketencli was
  killed holds no lock any more: it is kept, and ``--herneem`` offers it.
- A dossier file that does not load (broken by hand or by another program) is opened as it is, after
  the error is shown, so the user can repair it (``store.lees_kapot``); the repair is validated like any
  edit, and the fase (and the historiek, where still readable) stay as they were (D8).
"""

from __future__ import annotations

import contextlib
import os
import subprocess
import sys
import time
from pathlib import Path
from typing import TYPE_CHECKING, Any

import typer

from ketencli.fouten import AlleenLezen, ConflictFout, KetencliFout

if TYPE_CHECKING:
    from ketencli import model, store

SNEL = 1.0  # seconds: an editor that returns sooner with the file unchanged did not wait

EDITOR_TIP = (
    "Stel je editor zo in dat hij wacht tot je het bestand sluit, met de omgevingsvariabele EDITOR (of VISUAL): "
    "bv. export EDITOR=\"code --wait\", of op Windows (cmd) "
    "set EDITOR=\"C:\\Program Files\\Notepad++\\notepad++.exe\" -multiInst -nosession."
)


def editor_opdracht(waarde: str, *, windows: bool) -> list[str]:
    """Split an EDITOR value into argv. On Windows a quoted program path (``"C:\\Program Files\\…\\
    notepad++.exe" -multiInst``) loses its quotes, as the shell would do."""
    import shlex

    if not windows:
        return shlex.split(waarde)
    delen = shlex.split(waarde, posix=False)
    return [d[1:-1] if len(d) >= 2 and d[0] == d[-1] and d[0] in "\"'" else d for d in delen]


def _editor() -> list[str]:
    """$VISUAL, then $EDITOR, then Notepad on Windows, nano/vi elsewhere."""
    import shutil

    for variabele in ("VISUAL", "EDITOR"):
        waarde = os.environ.get(variabele, "").strip()
        if waarde:
            return editor_opdracht(waarde, windows=os.name == "nt")
    if sys.platform == "win32":
        return ["notepad"]
    for kandidaat in ("nano", "vi"):
        if shutil.which(kandidaat):
            return [kandidaat]
    return ["vi"]


def _bewaard_in(kopie: Path, dossier_id: str) -> str:
    return f"Je bewerking is bewaard in {kopie} (alleen voor jou leesbaar)."


def _herneem_tip(dossier_id: str) -> str:
    return f"Verbeter en bewaar ze later met `ketencli dossier edit {dossier_id} --herneem`."


def _verschillen(huidig: str, kopie: Path) -> str:
    import difflib

    oud = huidig.splitlines()
    nieuw = [r for r in kopie.read_text(encoding="utf-8", errors="replace").splitlines()
             if not r.startswith("# basis: ")]
    return "\n".join(difflib.unified_diff(oud, nieuw, "dossier nu", "je bewerking", lineterm="", n=1))


def bewerk(
    dossier_id: str = typer.Argument(..., metavar="ID", help="Het dossier-id."),
    herneem: bool = typer.Option(False, "--herneem", help="Open je laatste niet-bewaarde bewerking opnieuw (na een "
                                 "fout of een 'Nee'). Werd het dossier intussen gewijzigd, dan toont het de "
                                 "verschillen: neem je wijziging dan over in een nieuwe bewerking."),
    no_input: bool = typer.Option(False, "--no-input", help="Bij een fout niet vragen om opnieuw te openen; "
                                  "je bewerking blijft dan bewaard om te hernemen."),
) -> None:
    """Bewerk het dossier in je teksteditor ($VISUAL, $EDITOR of Kladblok); bewaard als het klopt."""
    from ketencli import store, ui
    from ketencli.fouten import BestandsFout

    kapot: store.KapotDossier | None = None
    try:
        origineel: model.Dossier | None = store.laad(dossier_id)
    except BestandsFout as fout:
        # a file broken by hand (or by another program): what is wrong and where, then its own text in
        # the editor, so the user can repair it (a new-user trial found no way to)
        kapot = store.lees_kapot(dossier_id)
        origineel = None
        ui.melding(fout.melding, "bold red")
        ui.melding(f"Het dossierbestand ({kapot.pad}) kan niet gelezen worden; "
                   + ("je editor opent je bewaarde bewerking, zodat je die kunt afmaken." if herneem else
                      "je editor opent het zoals het is, zodat je het kunt verbeteren."))
    if kapot is not None and kapot.fase == "afgesloten":
        raise AlleenLezen(dossier_id)
    if origineel is not None:
        store.vereis_schrijfbaar(origineel)  # before the editor opens: an afgesloten dossier is read-only
    stempel = origineel._stempel if origineel is not None else kapot.stempel  # type: ignore[union-attr]
    huidige_tekst = store.naar_tekst(origineel) if origineel is not None else kapot.tekst  # type: ignore[union-attr]
    with contextlib.ExitStack() as sloten:
        if herneem:
            # the newest kept copy, held for the whole session: a copy another window is editing now is
            # not a kept one and is never taken (a new-user trial lost an edit that way)
            kopie = sloten.enter_context(store.herneem_kopie(dossier_id))
            if kopie is None:
                open_elders = bool(store.kopieen_in_gebruik(dossier_id))
                raise KetencliFout(
                    f"Er is geen bewaarde bewerking van dossier {dossier_id} om te hernemen."
                    + (" Het dossier is wel open in een editor in een ander ketencli-venster: werk het daar af."
                       if open_elders else ""),
                    tip=f"Begin een nieuwe met `ketencli dossier edit {dossier_id}`.")
            if store.kopie_basis(kopie) != stempel:
                verschil = _verschillen(huidige_tekst, kopie)
                if verschil:
                    ui.console(stderr=True).print(verschil, markup=False, highlight=False, soft_wrap=True)
                raise ConflictFout(
                    f"Dossier {dossier_id} werd intussen gewijzigd, nadat je bewerking begon: je bewerking "
                    f"hernemen zou die wijziging overschrijven. Hierboven staan de verschillen. "
                    f"{_bewaard_in(kopie, dossier_id)}",
                    tip=f"Neem je wijziging over in een nieuwe bewerking (`ketencli dossier edit {dossier_id}`) en "
                        f"verwijder daarna de kopie.",
                )
        else:
            if store.bewaarde_kopieen(dossier_id):
                ui.melding(f"Er staat nog een niet-bewaarde bewerking van dit dossier klaar; hernemen kan met "
                           f"`ketencli dossier edit {dossier_id} --herneem`. Nu open je het dossier zoals het is.")
            if store.kopieen_in_gebruik(dossier_id):
                ui.melding(f"Dossier {dossier_id} is ook open in een editor in een ander ketencli-venster. Wie als "
                           "tweede bewaart, krijgt te horen dat het intussen gewijzigd werd; zijn bewerking blijft "
                           "dan bewaard.")
            kopie = sloten.enter_context(
                store.bewerkkopie(origineel) if origineel is not None else store.bewerkkopie_van(kapot))  # type: ignore[arg-type]
        _sessie(kopie, dossier_id, origineel, kapot, stempel, herneem=herneem, no_input=no_input)


def _sessie(kopie: Path, dossier_id: str, origineel: model.Dossier | None, kapot: store.KapotDossier | None,
            stempel: str | None, *, herneem: bool, no_input: bool) -> None:
    """The editor session on ``kopie`` (held by the caller): edit, check, save. Only ``kopie`` is removed
    after a save; other kept copies of the dossier stay (they are the user's unsaved work)."""
    from ketencli import store, ui
    from ketencli.commands.weergave import waarschuw_instemming

    behouden = False
    begin_inhoud = kopie.read_bytes()
    try:
        while True:
            voor = kopie.read_bytes()
            opdracht = [*_editor(), str(kopie)]
            ui.melding("Wachten tot je editor sluit… (bewaar het bestand en sluit het venster om verder te gaan)",
                       "dim")
            begin = time.monotonic()
            try:
                resultaat = subprocess.run(opdracht, check=False)
            except FileNotFoundError:
                behouden = herneem
                raise KetencliFout(f"De editor '{opdracht[0]}' werd niet gevonden.", tip=EDITOR_TIP) from None
            duur = time.monotonic() - begin
            if not kopie.is_file():  # removed or moved by hand (or by another program) while the editor was open
                behouden = True  # nothing left to remove
                raise KetencliFout(
                    f"Je bewerking ({kopie}) bestaat niet meer: ze werd verwijderd of verplaatst terwijl je editor "
                    "openstond. Er werd niets bewaard.",
                    tip=f"Begin opnieuw met `ketencli dossier edit {dossier_id}`.")
            store.alleen_eigenaar_bestand(kopie)
            gewijzigd = kopie.read_bytes() != voor
            if resultaat.returncode != 0:
                behouden = herneem or gewijzigd
                raise KetencliFout(
                    f"De editor stopte met een fout (code {resultaat.returncode}); er werd niets bewaard."
                    + (f" {_bewaard_in(kopie, dossier_id)}" if behouden else ""),
                    tip=_herneem_tip(dossier_id) if behouden else None)
            if not gewijzigd and duur < SNEL:
                behouden = herneem
                raise KetencliFout(
                    f"Je editor ('{Path(opdracht[0]).name}') kwam meteen terug, zonder dat het bestand veranderde: "
                    "hij wachtte waarschijnlijk niet tot je klaar was (hij opende het bestand in een venster dat "
                    "al openstond). Er werd niets gewijzigd.",
                    tip=EDITOR_TIP,
                )
            try:
                nieuw = store.lees_bewerkkopie(kopie, dossier_id)
                if origineel is not None:
                    _controleer_bewerking(origineel.fase, origineel.historie, nieuw)
                else:
                    _controleer_bewerking(kapot.fase, kapot.historie, nieuw)  # type: ignore[union-attr]
            except KetencliFout as fout:
                ui.melding(fout.melding, "bold red")
                if no_input or not ui.heeft_terminal() or not ui.bevestig(
                        "Opnieuw openen om dit te verbeteren?", standaard=True):
                    behouden = True
                    raise KetencliFout(
                        f"Het dossier bleef ongewijzigd. {_bewaard_in(kopie, dossier_id)}",
                        tip=_herneem_tip(dossier_id),
                    ) from None
                continue
            break
        if origineel is not None and nieuw.model_dump() == origineel.model_dump():
            ui.melding("Geen wijzigingen.", "dim")
            return
        nieuw._stempel = stempel
        try:
            store.bewaar(nieuw)
        except ConflictFout as fout:
            behouden = True
            raise ConflictFout(
                f"{fout.melding} {_bewaard_in(kopie, dossier_id)}",
                tip=f"Bekijk wat er intussen veranderde (`ketencli dossier show {dossier_id}`) en neem je wijziging "
                    f"over in een nieuwe bewerking (`ketencli dossier edit {dossier_id}`).",
            ) from None
        ui.gelukt(f"Dossier {dossier_id} bewaard.")
        waarschuw_instemming(nieuw)
        andere = [p for p in store.bewaarde_kopieen(dossier_id) if p != kopie]  # the user's, never removed here
        if andere:
            ui.melding(f"Er blijft nog een niet-bewaarde bewerking van dit dossier bewaard ({andere[0]}"
                       + (f" en {len(andere) - 1} oudere" if len(andere) > 1 else "")
                       + f"); bekijk ze met `ketencli dossier edit {dossier_id} --herneem`.")
    except BaseException:
        # any other way out (a full or read-only disk, Ctrl-C while the editor is open or at a question):
        # a copy the user changed is never thrown away
        if not behouden and kopie.exists() and kopie.read_bytes() != begin_inhoud:
            behouden = True
            ui.melding(f"{_bewaard_in(kopie, dossier_id)} {_herneem_tip(dossier_id)}")
        raise
    finally:
        if not behouden:
            store.verwijder_bewerkkopie(kopie)


def _controleer_bewerking(fase: str | None, historie: list[Any] | None, nieuw: model.Dossier) -> None:
    """Fase and history are changed by commands only (decisions D8). None: that part of a broken file
    could not be read, so there is nothing to hold the repair to."""
    if fase is not None and nieuw.fase != fase:
        raise KetencliFout(
            f"De fase wijzig je niet met de hand (van '{fase}' naar '{nieuw.fase}'): "
            "dat doen de commando's (de uitkomst van de intaketafel, de afronding), zodat het in de historiek "
            "komt."
        )
    if historie is not None and [h.model_dump() for h in nieuw.historie] != [h.model_dump() for h in historie]:
        raise KetencliFout("De historiek van het dossier mag je niet met de hand wijzigen.")
