"""The interactive PvA editor (`ketencli pva edit ID`): a menu loop over the plan.

Every operation loads, changes and saves through ``store.wijzig`` on its own, so Ctrl-C in the
middle of one loses only that operation, and another window's change is never overwritten.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from ketencli.fouten import Afgebroken, KetencliFout

if TYPE_CHECKING:
    from ketencli import model

KLAAR = "klaar"


def start(dossier_id: str) -> None:
    from ketencli import store, ui

    c = ui.console()
    c.print("[bold]Plan van aanpak bewerken[/] — elke stap wordt meteen bewaard; Ctrl-C stopt de huidige stap.")
    while True:
        d = store.laad(dossier_id)
        _overzicht(d)
        keuzes = [
            ("rij-kijkschema", "Rij toevoegen vanuit het kijkschema"),
            ("rij-eigen", "Rij toevoegen met een eigen factor"),
            ("rij-bewerken", "Rij bewerken (factor, bij wie, noden, aanpak op maat)"),
            ("actie-toevoegen", "Actie toevoegen aan een rij"),
            ("actie-bijwerken", "Actie bijwerken (stavaza, plan B, afsluiten, schrappen)"),
            ("rij-verplaatsen", "Rij verplaatsen"),
            ("rij-verwijderen", "Rij verwijderen"),
            ("doel", "Doelstelling toevoegen"),
            ("check", "Plan controleren (pva check)"),
            (KLAAR, "Klaar"),
        ]
        if not d.pva.rijen:
            keuzes = [k for k in keuzes if k[0] in ("rij-kijkschema", "rij-eigen", "doel", KLAAR)]
        try:
            keuze = ui.keuze("Wat wil je doen?", keuzes, keuzes[0][0] if not d.pva.rijen else None)
        except Afgebroken:
            keuze = KLAAR  # Ctrl-C in the menu: every finished step is already saved
        if keuze == KLAAR:
            ui.gelukt(f"Plan van aanpak bewaard. Bekijk het met `ketencli pva show {dossier_id}`.")
            return
        try:
            BEWERKINGEN[keuze](dossier_id)
        except Afgebroken:
            ui.melding("Deze stap werd afgebroken; niets ervan bewaard.")
        except KetencliFout as fout:
            ui.melding(fout.melding, "bold red")


def _overzicht(d: model.Dossier) -> None:
    from rich.markup import escape
    from rich.table import Table

    from ketencli import ui
    from ketencli.commands.weergave import namen
    from ketencli.methodiek import kijkschema

    tabel = Table(header_style="bold", expand=True, title=f"Plan van aanpak {d.id}", title_justify="left")
    for kop in ("rij", "domein", "factor", "bij wie", "acties"):
        tabel.add_column(kop)
    for rij in d.pva.rijen:
        f = kijkschema.factor(rij.factor)
        kleur = "red" if rij.soort == "risico" else "green"
        acties = ", ".join(f"{n}:{a.stavaza}" for n, a in enumerate(rij.acties, 1)) or "[yellow]geen[/]"
        tabel.add_row(rij.id, kijkschema.domein(rij.domein).naam,  # type: ignore[union-attr]
                      f"[{kleur}]{escape(f.label if f else rij.factor)}[/]", escape(namen(d, rij.bij_wie)), acties)
    ui.console().print(tabel if d.pva.rijen else "[dim]Het plan heeft nog geen rijen.[/]")


def _kies_rij(d: model.Dossier, vraag: str = "Welke rij?") -> str:
    from ketencli import ui
    from ketencli.methodiek import kijkschema

    def label(r: model.PvaRij) -> str:
        f = kijkschema.factor(r.factor)
        return f"{r.id}  {f.label if f else r.factor} — {', '.join(r.bij_wie)}"

    return ui.keuze(vraag, [(r.id, label(r)) for r in d.pva.rijen])


def _kies_leden(d: model.Dossier, standaard: list[str]) -> list[str]:
    from ketencli import ui

    return ui.meerdere("Bij wie?", [(lid.id, f"{lid.naam} ({lid.id})") for lid in d.gezinsleden], standaard)


def _kies_begeleiding(d: model.Dossier, standaard: str = "") -> str:
    from ketencli import ui

    keuzes = [(x.id, f"{x.naam} ({x.id})") for x in d.betrokken_diensten]
    keuzes += [("__vrij", "andere (vrije tekst)"), ("", "nog niemand")]
    gekozen = ui.keuze("Wie begeleidt?", keuzes, standaard if d.dienst(standaard) else None)
    if gekozen == "__vrij":
        return ui.tekst("Begeleiding (vrije tekst):", standaard if not d.dienst(standaard) else "")
    return gekozen


def _rij_uit_kijkschema(dossier_id: str) -> None:
    from ketencli import model, store, ui
    from ketencli.methodiek import kijkschema

    d = store.laad(dossier_id)
    moment = d.kijkschema_actueel
    if moment is None:
        raise KetencliFout("Er is nog geen kijkschema; vul het eerst in met `ketencli kijkschema invullen`.")
    in_plan = {r.factor for r in d.pva.rijen}
    kandidaten = []
    for b in moment.factoren:
        f = kijkschema.factor(b.factor)
        if f is None or b.staat == "niet-aanwezig":
            continue
        merk = "al in plan" if b.factor in in_plan else ("onbekend" if b.staat == "onbekend" else f.soort)
        kandidaten.append((b.factor, f"{kijkschema.domein(f.domein).naam}: {f.label} [{merk}]"))  # type: ignore[union-attr]
    if not kandidaten:
        raise KetencliFout("Het laatste kijkschema heeft geen aanwezige of onbekende factoren.")
    key = ui.keuze("Welke factor?", kandidaten)
    f = kijkschema.factor(key)
    b = moment.beoordeling(key)
    bij_wie = _kies_leden(d, b.bij_wie if b else [])
    noden = ui.tekst("Noden van de cliënt (wat is de achterliggende nood? waar wil hij/zij naartoe?):")
    aanpak = ui.tekst("Aanpak op maat (wat werkt bij deze persoon? waar hou je rekening mee?):",
                      "Verder onderzoeken: " if b and b.staat == "onbekend" else "")
    with store.wijzig(dossier_id) as d:
        rij = model.PvaRij(id=d.pva.volgend_rij_id(), domein=f.domein, factor=key, soort=f.soort,  # type: ignore[union-attr]
                           bij_wie=bij_wie, noden=noden, aanpak=aanpak)
        d.pva.voeg_rij_toe(rij, _vandaag())
    ui.gelukt(f"Rij {rij.id} toegevoegd.")
    if ui.bevestig("Meteen een actie toevoegen?", True):
        _actie_toevoegen(dossier_id, rij.id)


def _rij_eigen(dossier_id: str) -> None:
    from ketencli import model, store, ui
    from ketencli.methodiek import kijkschema

    d = store.laad(dossier_id)
    domein = ui.keuze("Domein:", [(x.key, x.naam) for x in kijkschema.DOMEINEN])
    factor = ui.tekst("Factor (in eigen woorden):", verplicht=True)
    soort = ui.keuze("Soort:", [("risico", "risicofactor"), ("beschermend", "beschermende factor")])
    bij_wie = _kies_leden(d, [])
    noden = ui.tekst("Noden van de cliënt:")
    aanpak = ui.tekst("Aanpak op maat:")
    with store.wijzig(dossier_id) as d:
        rij = model.PvaRij(id=d.pva.volgend_rij_id(), domein=domein, factor=factor, soort=soort, bij_wie=bij_wie,
                           noden=noden, aanpak=aanpak)
        d.pva.voeg_rij_toe(rij, _vandaag())
    ui.gelukt(f"Rij {rij.id} toegevoegd.")


def _rij_bewerken(dossier_id: str) -> None:
    from ketencli import store, ui

    d = store.laad(dossier_id)
    rij_id = _kies_rij(d)
    rij = d.pva.rij(rij_id)
    assert rij is not None
    kolom = ui.keuze("Welke kolom?", [("noden", "noden van de cliënt"), ("aanpak", "aanpak op maat"),
                                      ("bij_wie", "bij wie"), ("factor", "factor (tekst)")])
    if kolom == "bij_wie":
        waarde: Any = _kies_leden(d, rij.bij_wie)
    else:
        waarde = ui.tekst(f"{kolom.capitalize()}:", getattr(rij, kolom), verplicht=kolom == "factor")
    if kolom == "factor":
        from ketencli.commands.opties import factor_optie

        waarde = factor_optie(waarde)[0]
    with store.wijzig(dossier_id) as d:
        setattr(d.pva.rij(rij_id), kolom, waarde)
    ui.gelukt(f"Rij {rij_id} gewijzigd.")


def _actie_toevoegen(dossier_id: str, rij_id: str | None = None) -> None:
    from ketencli import model, store, ui
    from ketencli.commands.weergave import STAVAZA_LABELS

    d = store.laad(dossier_id)
    rij_id = rij_id or _kies_rij(d)
    omschrijving = ui.tekst("Actie (wat te doen?):", verplicht=True)
    begeleiding = _kies_begeleiding(d)
    stavaza = ui.keuze("Stavaza:", list(STAVAZA_LABELS.items()), "gepland")
    with store.wijzig(dossier_id) as d:
        rij = d.pva.rij(rij_id)
        if rij is None:
            raise KetencliFout(f"Rij {rij_id} bestaat niet meer.")
        rij.acties = [*rij.acties, model.Actie(omschrijving=omschrijving, begeleiding=begeleiding, stavaza=stavaza)]
    ui.gelukt(f"Actie toegevoegd aan rij {rij_id}.")


def _actie_bijwerken(dossier_id: str) -> None:
    from ketencli import store, ui
    from ketencli.commands.weergave import STAVAZA_LABELS

    d = store.laad(dossier_id)
    rij_id = _kies_rij(d)
    rij = d.pva.rij(rij_id)
    assert rij is not None
    if not rij.acties:
        raise KetencliFout(f"Rij {rij_id} heeft nog geen acties.")
    nummer = int(ui.keuze("Welke actie?", [(str(n), f"{n}. {a.omschrijving[:60]} [{a.stavaza}]")
                                            for n, a in enumerate(rij.acties, 1)]))
    actie = rij.acties[nummer - 1]
    wat = ui.keuze("Wat wil je wijzigen?", [("stavaza", "stavaza (ook: afronden, schrappen)"), ("plan_b", "plan B"),
                                            ("omschrijving", "omschrijving"), ("begeleiding", "begeleiding")])
    if wat == "stavaza":
        waarde: Any = ui.keuze("Stavaza:", list(STAVAZA_LABELS.items()), actie.stavaza)
    elif wat == "begeleiding":
        waarde = _kies_begeleiding(d, actie.begeleiding)
    else:
        waarde = ui.tekst(f"{'Plan B' if wat == 'plan_b' else 'Omschrijving'}:", getattr(actie, wat),
                          verplicht=wat == "omschrijving")
    with store.wijzig(dossier_id) as d:
        rij = d.pva.rij(rij_id)
        if rij is None or len(rij.acties) < nummer:
            raise KetencliFout("Die actie bestaat niet meer (intussen gewijzigd).")
        actie = rij.acties[nummer - 1]
        if wat == "stavaza":
            actie.zet_stavaza(waarde, _vandaag())
        else:
            setattr(actie, wat, waarde)
    ui.gelukt(f"Actie {nummer} van rij {rij_id} bijgewerkt.")


def _rij_verplaatsen(dossier_id: str) -> None:
    from ketencli import store, ui

    d = store.laad(dossier_id)
    rij_id = _kies_rij(d, "Welke rij verplaatsen?")
    plaatsen = [(str(i), f"plaats {i}" + (f" (nu {r.id})" if r.id != rij_id else " (huidige plaats)"))
                for i, r in enumerate(d.pva.rijen, 1)]
    plaats = int(ui.keuze("Naar welke plaats?", plaatsen)) - 1
    with store.wijzig(dossier_id) as d:
        rij = d.pva.rij(rij_id)
        overige = [r for r in d.pva.rijen if r.id != rij_id]
        d.pva.rijen = [*overige[:plaats], rij, *overige[plaats:]]  # type: ignore[list-item]
    ui.gelukt(f"Rij {rij_id} verplaatst naar plaats {plaats + 1}.")


def _rij_verwijderen(dossier_id: str) -> None:
    from ketencli import store, ui

    d = store.laad(dossier_id)
    rij_id = _kies_rij(d, "Welke rij verwijderen?")
    if not ui.bevestig(f"Rij {rij_id} met al haar acties verwijderen? Dit kan niet ongedaan gemaakt worden.", False):
        return
    with store.wijzig(dossier_id) as d:
        d.pva.rijen = [r for r in d.pva.rijen if r.id != rij_id]
    ui.gelukt(f"Rij {rij_id} verwijderd.")


def _doel(dossier_id: str) -> None:
    from ketencli import model, store, ui
    from ketencli.methodiek import kijkschema

    d = store.laad(dossier_id)
    tekst = ui.tekst("Doelstelling:", verplicht=True)
    bij_wie = _kies_leden(d, [])
    domein = ui.keuze("Domein:", [("", "geen bepaald domein"), *[(x.key, x.naam) for x in kijkschema.DOMEINEN]], "")
    streef = ui.datum("Streefdatum (leeg als geen):")
    with store.wijzig(dossier_id) as d:
        doel = model.Doelstelling(id=d.pva.volgend_doel_id(), tekst=tekst, bij_wie=bij_wie, domein=domein or None,
                                  streefdatum=streef)
        d.pva.doelstellingen = [*d.pva.doelstellingen, doel]
    ui.gelukt(f"Doelstelling {doel.id} toegevoegd.")


def _check(dossier_id: str) -> None:
    from ketencli import store
    from ketencli.commands.weergave import toon_bevindingen
    from ketencli.methodiek import pva_regels

    toon_bevindingen(pva_regels.controleer(store.laad(dossier_id)))


def _vandaag() -> Any:
    from ketencli import klok

    return klok.vandaag()


BEWERKINGEN = {
    "rij-kijkschema": _rij_uit_kijkschema,
    "rij-eigen": _rij_eigen,
    "rij-bewerken": _rij_bewerken,
    "actie-toevoegen": _actie_toevoegen,
    "actie-bijwerken": _actie_bijwerken,
    "rij-verplaatsen": _rij_verplaatsen,
    "rij-verwijderen": _rij_verwijderen,
    "doel": _doel,
    "check": _check,
}
