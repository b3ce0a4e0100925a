"""`ketencli regio toon [REGIO]`: the tables of a region as ketencli knows them (decisions D26).

Shows each table's role, rhythm, hours, agendering deadline and address, the next sessions, the
settings still "in te stellen" and where the user's settings file lives, with an example to copy.
"""

from __future__ import annotations

from datetime import datetime, timedelta
from typing import TYPE_CHECKING, Any

import typer

from ketencli.fouten import KetencliFout

if TYPE_CHECKING:
    from ketencli.methodiek.regios import Regio

app = typer.Typer(
    help="De regio's en hun tafels: ritme, uren, deadlines, adressen en wat nog in te stellen is.",
    no_args_is_help=True,
    rich_markup_mode="rich",
)

IN_TE_STELLEN = "[bold yellow]in te stellen[/]"


@app.command("toon")
def toon(
    regio: str | None = typer.Argument(
        None, metavar="REGIO", help="co3-antwerpen, ifg-west-vlaanderen of leuven; zonder: alle regio's."
    ),
    aantal: int = typer.Option(3, "--zittingen", min=0, max=20, metavar="N",
                               help="Hoeveel volgende zittingen per tafel."),
) -> None:
    """Toon de tafels van een regio: rol, ritme, uren, deadline, agenderingsadres, de volgende zittingen en
    wat nog in te stellen is (en in welk bestand)."""
    from ketencli import klok, planning, store, ui

    regios = planning.alle_regios()
    if regio is not None and regio not in regios:
        raise KetencliFout(f"Onbekende regio '{regio}'.", tip="Kies uit: " + ", ".join(regios) + ".")
    console = ui.console()
    nu = klok.nu()
    for key in [regio] if regio else list(regios):
        _toon_regio(console, regios[key], nu, aantal)
    pad = store.regio_instellingen_pad()
    staat = "bestaat" if pad.is_file() else "bestaat nog niet"
    console.print(f"Je instellingen: [bold]{pad}[/] ({staat}).")


def _toon_regio(console: Any, r: Regio, nu: datetime, aantal: int) -> None:
    from rich.markup import escape
    from rich.table import Table

    from ketencli import planning
    from ketencli.methodiek import regios

    console.print(f"\n[bold]{escape(r.naam)}[/] ({r.key})")
    tabel = Table(show_header=True, title_justify="left")
    for kolom in ("Tafel", "Rol", "Ritme", "Uren", "Deadline agendering", "Adres"):
        tabel.add_column(kolom)
    for t in r.tafels:
        ritme = escape(t.ritme.beschrijving())
        if not t.ritme.ingesteld:
            ritme = f"[bold yellow]{ritme}[/]"
        if "referentiedatum" in t.instelbaar:
            ritme += " [dim](standaardwaarde, aanpasbaar)[/]"
        uren = f"{t.begin or '?'}–{t.einde or '?'}" if (t.begin or t.einde) else IN_TE_STELLEN
        deadline = escape(t.deadline.beschrijving()) if t.deadline else IN_TE_STELLEN
        naam = escape(f"{t.naam} ({t.key})")  # the source lines (Tafel.bron) are for maintainers
        tabel.add_row(naam, ", ".join(regios.ROL_NAMEN[x] for x in t.rollen), ritme,
                      uren, deadline, escape(t.adres) if t.adres else IN_TE_STELLEN)
    console.print(tabel)

    for t in r.tafels:
        if not aantal or not t.ritme.ingesteld or not t.begin:
            continue
        zittingen = planning.volgende_zittingen(r.key, t.rollen[0], nu - timedelta(microseconds=1), aantal)
        console.print(f"Volgende zittingen van {escape(t.naam)}:")
        for z in zittingen:
            lijn = f"  • {planning.datum_tekst(z.begin.date())} {z.begin:%H:%M}"
            if z.deadline is not None:
                lijn += f" — deadline {planning.datum_tekst(z.deadline.date())} {z.deadline:%H:%M}"
                if z.deadline <= nu:
                    lijn += " (verstreken)"
            console.print(escape(lijn))
            for opmerking in z.opmerkingen:
                console.print(f"    [yellow]{escape(opmerking)}[/]")

    vrij = r.vrije_dagen
    console.print("Vrije dagen naast de wettelijke feestdagen: "
                  + (", ".join(vrij) if vrij else ("geen" if vrij is not None else
                                                  f"{IN_TE_STELLEN} (bv. 11 juli: \"07-11\")")))
    plan_tafel = r.tafel_voor_rol("plan")
    if plan_tafel is not None:
        if r.plan_aan_tafel:
            console.print(f"Eerste plan van aanpak: samen opgesteld op {escape(plan_tafel.met_lidwoord)}, zo snel "
                          "mogelijk na de start van de casusregie [dim](eerste_plan_week: 0)[/].")
        else:
            console.print(f"Eerste plan van aanpak: op {escape(plan_tafel.met_lidwoord)} vanaf week "
                          f"{r.eerste_plan_week} van de casusregie [dim](eerste_plan_week: {r.eerste_plan_week})[/].")
    if r.instemming_per_lid:  # D17, D31
        console.print("Instemming per gezinslid: een actie of veiligheidsplan voor wie niet instemde, geeft een "
                      "waarschuwing in `pva check` [dim](instemming_per_lid: true)[/].")
    else:
        console.print("Instemming: de casusregie start zodra één volwassene instemt "
                      "[dim](instemming_per_lid: false)[/].")
    if r.evaluaties_maanden:
        console.print("Evaluaties na " + ", ".join(str(m) for m in r.evaluaties_maanden)
                      + " maanden (vanaf de start van de casusregie, na het eerste plan).")
    if r.partners:
        console.print("Partners: " + escape(", ".join(r.partners)))
    if r.contact:
        console.print(f"Algemeen contactadres: {escape(r.contact)}")
    from ketencli.methodiek import knelpunten

    eigen = dict(r.knelpunt_categorieen)
    console.print("Categorieën van knelpunten (beleidssignalen): " + escape(", ".join(
        f"{label} ({key}{', eigen categorie' if key in eigen else ''})"
        for key, label in knelpunten.categorieen(eigen).items()))
        + " [dim](eigen categorieën: knelpunt_categorieen: {sleutel: label})[/]")
    console.print("Bewaartermijn na de afsluiting: " + (f"{r.bewaartermijn} jaar" if r.bewaartermijn else
                  f"{IN_TE_STELLEN} [dim](bewaartermijn: aantal jaren; zie `ketencli bewaring`)[/]"))
    ontbreekt = r.in_te_stellen()
    if ontbreekt:
        console.print("[yellow]Nog in te stellen:[/] " + ", ".join(ontbreekt))
        console.print("[dim]Zet ze in je instellingenbestand, bijvoorbeeld:[/]")
        # never wrapped at the terminal's width: the lines are pasted into regio.yaml as they are
        console.print(escape(_voorbeeld(r)), markup=True, highlight=False, soft_wrap=True)


def _voorbeeld(r: Regio) -> str:
    """A YAML snippet for the settings file with the missing keys of this region."""
    regels = [f"{r.key}:"]
    tafels = [t for t in r.tafels if t.in_te_stellen()]
    if tafels:
        regels.append("  tafels:")
    for t in tafels:
        regels.append(f"    {t.key}:")
        sleutels = t.in_te_stellen()
        if "ritme" in sleutels and "weken" not in sleutels:  # the example rhythm needs its weeks too
            sleutels.insert(sleutels.index("ritme") + 1, "weken")
        for sleutel in sleutels:
            regels.append("      " + {
                "ritme": "ritme: tweemaal-per-maand   # wekelijks | tweewekelijks | tweemaal-per-maand",
                "weekdag": "weekdag: dinsdag",
                "referentiedatum": "referentiedatum: 2027-01-12   # een datum van een zitting (tweewekelijks)",
                "weken": "weken: [1, 3]   # de 1e en 3e weekdag van de maand",
                "begin": "begin: \"09:00\"",
                "einde": "einde: \"12:00\"",
                "deadline": "deadline: {weekdag: maandag, tijd: \"12:00\"}   # of {dagen_voor: 7, tijd: \"12:00\"}",
                "adres": "adres: agendering@voorbeeld.be",
            }[sleutel])
    if r.vrije_dagen is None:
        regels.append("  vrije_dagen: [\"07-11\"]   # of [] als de tafels dan gewoon samenkomen")
    return "\n".join(regels)
