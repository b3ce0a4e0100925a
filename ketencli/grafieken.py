"""Charts for the reports to the stuurgroep (`jaarcijfers`, `beleidssignalen`, issue 17), drawn with matplotlib.

Every function takes published figures only (counts already through ``statistiek.aantal``: a
suppressed count is the text "< 5") and returns PNG bytes. matplotlib is imported inside the
functions (Agg backend): ``ketencli --help`` never loads it.

Readable in colour and in black and white: each region has its own colour *and* hatch pattern
(``STIJL``), every bar and point carries its value as a direct label, lines differ in style and
marker and are named at their end. A suppressed count is never drawn as a height: its bar is an
empty outline in the grey band "< 5" with the label "< 5". All text is Dutch.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from ketencli.statistiek import KLEINE_CEL, is_onderdrukt

# the regions' colours (CO3 Antwerpen red, West-Vlaanderen blue, Leuven green) with a hatch and a
# line style for print in black and white
STIJL: dict[str, dict[str, str]] = {
    "co3-antwerpen": {"kleur": "#B5121B", "arcering": "///", "lijn": "-", "merk": "o"},
    "ifg-west-vlaanderen": {"kleur": "#1F5AA6", "arcering": "...", "lijn": "--", "merk": "s"},
    "leuven": {"kleur": "#2E7D32", "arcering": "xx", "lijn": ":", "merk": "^"},
}
_REST = [{"kleur": "#6A3D9A", "arcering": "\\\\", "lijn": "-.", "merk": "D"},
         {"kleur": "#B15928", "arcering": "++", "lijn": "-", "merk": "v"}]
BAND = "#E6E6E6"
MAAND_KORT = ("jan", "feb", "mrt", "apr", "mei", "jun", "jul", "aug", "sep", "okt", "nov", "dec")


def stijl(regio: str, n: int = 0) -> dict[str, str]:
    """The colour, hatch, line style and marker of a region (an unknown one gets one of the spares)."""
    return STIJL.get(regio) or _REST[n % len(_REST)]


def _figuur(breedte: float = 6.6, hoogte: float = 3.4) -> Any:
    import matplotlib

    matplotlib.use("Agg", force=False)
    from matplotlib.figure import Figure

    fig = Figure(figsize=(breedte, hoogte))
    return fig, fig.add_subplot(1, 1, 1)


def _png(fig: Any) -> bytes:
    import io
    import logging
    import warnings

    import matplotlib

    uit = io.BytesIO()
    logging.getLogger("matplotlib").setLevel(logging.ERROR)
    with warnings.catch_warnings(), matplotlib.rc_context({"hatch.linewidth": 0.8}):
        warnings.simplefilter("ignore")
        fig.tight_layout()
        fig.savefig(uit, format="png", dpi=150, metadata={"Software": None})
    return uit.getvalue()


def _getal(waarde: Any) -> float | None:
    return float(waarde) if isinstance(waarde, (int, float)) and not isinstance(waarde, bool) else None


def _band(ax: Any) -> None:
    """The grey band under 5 where a suppressed count lies; named in the legend (``_legende``)."""
    ax.axhspan(0, KLEINE_CEL, color=BAND, zorder=0, linewidth=0)


def _legende(ax: Any, band: bool, *, loc: str = "upper right", extra: Sequence[Any] = ()) -> None:
    from matplotlib.patches import Patch

    handles, labels = ax.get_legend_handles_labels()
    for h in extra:
        handles.append(h)
        labels.append(h.get_label())
    if band:
        handles.append(Patch(facecolor=BAND, edgecolor="none"))
        labels.append(f"1 tot {KLEINE_CEL - 1}: niet getoond (< {KLEINE_CEL})")
    ax.legend(handles, labels, fontsize=7, frameon=False, loc=loc, ncols=min(len(labels), 3))


def staafdiagram(categorieen: Sequence[str], reeksen: Sequence[tuple[str, str, Sequence[Any]]], *,
                 as_y: str = "aantal gezinnen", hatches: Sequence[str] | None = None,
                 regio_per_categorie: Sequence[str] | None = None) -> bytes:
    """Grouped bars: one group per category, one bar per series ``(key, naam, waarden)``; a key of a
    region gives its colour and hatch (``hatches`` overrides the hatch per series). With
    ``regio_per_categorie`` each group takes its region's colour and the series differ by hatch only.
    Every bar is labelled with its value; "< 5" as an outline in the grey band."""
    from matplotlib.patches import Patch

    fig, ax = _figuur()
    n = max(len(reeksen), 1)
    breedte = 0.8 / n
    hoogste = max([_getal(w) or 0 for _, _, ws in reeksen for w in ws] + [KLEINE_CEL + 1])
    onderdrukt = False
    for i, (key, naam, waarden) in enumerate(reeksen):
        arcering = hatches[i] if hatches else stijl(key, i)["arcering"]
        for j, waarde in enumerate(waarden):
            s = stijl(regio_per_categorie[j]) if regio_per_categorie else stijl(key, i)
            x = j - 0.4 + breedte * (i + 0.5)
            getal = _getal(waarde)
            if is_onderdrukt(waarde):
                onderdrukt = True
                ax.bar(x, KLEINE_CEL - 0.5, breedte * 0.92, facecolor="white", edgecolor=s["kleur"], hatch=arcering,
                       linestyle="--", linewidth=0.8, alpha=0.55, zorder=2)
                ax.text(x, KLEINE_CEL + hoogste * 0.01, "< 5", ha="center", va="bottom", fontsize=7, zorder=3)
            elif getal is not None:
                ax.bar(x, getal, breedte * 0.92, facecolor=s["kleur"], edgecolor="black", hatch=arcering,
                       linewidth=0.6, zorder=2)
                ax.text(x, getal + hoogste * 0.01, f"{waarde}", ha="center", va="bottom", fontsize=7, zorder=3)
        if not regio_per_categorie:  # the legend entry of the series (whatever its first value is)
            s = stijl(key, i)
            ax.bar(0, 0, 0, facecolor=s["kleur"], edgecolor="black", hatch=arcering, label=naam)
    if onderdrukt:
        _band(ax)
    ax.set_xticks(range(len(categorieen)))
    ax.set_xticklabels(categorieen, fontsize=7.5)
    ax.set_xlim(-0.5, len(categorieen) - 0.5)
    ax.set_ylim(0, hoogste * 1.15)
    ax.set_ylabel(as_y, fontsize=8)
    ax.tick_params(axis="y", labelsize=7)
    ax.spines[["top", "right"]].set_visible(False)
    # per-category colours: the legend says what each hatch means, in neutral grey
    extra = [Patch(facecolor="#BBBBBB", edgecolor="black", hatch=hatches[i] if hatches else "", label=naam)
             for i, (_, naam, _) in enumerate(reeksen)] if regio_per_categorie else []
    _legende(ax, onderdrukt, extra=extra)
    return _png(fig)


def per_categorie(labels: Sequence[str], waarden: Sequence[Any], *, as_x: str) -> bytes:
    """Horizontal bars, one per category, the first on top (`beleidssignalen`): a shown count as a dark
    grey bar with its number; a suppressed one ("< 5") as an open hatched bar up to 5 labelled "< 5"; a
    hidden one ("x") without a bar, labelled "x (niet getoond)". Legible in black and white."""
    fig, ax = _figuur(6.3, 0.55 * len(labels) + 1.1)
    getallen = [g for w in waarden if (g := _getal(w)) is not None]
    grootste = max([*getallen, KLEINE_CEL])
    for i, waarde in enumerate(reversed(waarden)):
        getal = _getal(waarde)
        if getal is not None:
            ax.barh(i, getal, color="#4d4d4d", edgecolor="black", height=0.6)
            ax.text(getal + grootste * 0.015, i, str(waarde), va="center", fontsize=9)
        elif is_onderdrukt(waarde):
            ax.barh(i, KLEINE_CEL, color="white", edgecolor="black", hatch="///", height=0.6, linestyle="--")
            ax.text(KLEINE_CEL + grootste * 0.015, i, str(waarde), va="center", fontsize=9)
        else:
            ax.text(grootste * 0.015, i, "x (niet getoond)", va="center", fontsize=9, style="italic")
    ax.set_yticks(range(len(labels)), list(reversed(labels)), fontsize=9)
    ax.set_xlim(0, grootste * 1.15)
    ax.set_xlabel(as_x, fontsize=9)
    ax.xaxis.get_major_locator().set_params(integer=True)
    ax.tick_params(axis="x", labelsize=8)
    ax.spines[["top", "right"]].set_visible(False)
    return _png(fig)


def tijdlijn(maanden: Sequence[str], reeksen: Sequence[tuple[str, str, Sequence[Any]]], *,
             as_y: str = "aanmeldingen") -> bytes:
    """A line per region over the months ("2026-03"): its own colour, line style and marker, named at its
    last point; a suppressed month is an open marker in the grey band (the line breaks there)."""
    fig, ax = _figuur(hoogte=3.2)
    xs = list(range(len(maanden)))
    hoogste = max([_getal(w) or 0 for _, _, ws in reeksen for w in ws] + [KLEINE_CEL + 1])
    _band(ax)
    for i, (key, naam, waarden) in enumerate(reeksen):
        s = stijl(key, i)
        ys = [_getal(w) if not is_onderdrukt(w) else None for w in waarden]
        ax.plot(xs, [y if y is not None else float("nan") for y in ys], color=s["kleur"], linestyle=s["lijn"],
                marker=s["merk"], markersize=4.5, linewidth=1.6, label=naam, zorder=3)
        verborgen = [x for x, w in zip(xs, waarden, strict=False) if is_onderdrukt(w)]
        # open markers, a little apart per region, in the band
        ax.plot(verborgen, [KLEINE_CEL / 2 + (i - 1) * 0.9] * len(verborgen), linestyle="none", marker=s["merk"],
                markersize=5, markerfacecolor="white", markeredgecolor=s["kleur"], zorder=3)
        for x, y in zip(xs, ys, strict=False):
            if y:
                ax.text(x, y + hoogste * 0.02, f"{int(y)}", ha="center", va="bottom", fontsize=6.5, color="black")
        laatste = max((x for x, y in zip(xs, ys, strict=False) if y), default=None)
        if laatste is not None:  # named at its last month with aanmeldingen (never on the 0 line)
            ax.annotate(naam.replace("Ketenaanpak IFG ", ""), (laatste, ys[laatste]), xytext=(4, 0),
                        textcoords="offset points", fontsize=6.5, va="center", color=s["kleur"])
    ax.set_xticks(xs)
    ax.set_xticklabels([MAAND_KORT[int(m[5:7]) - 1] for m in maanden], fontsize=7.5)
    ax.set_xlim(-0.5, len(maanden) - 0.5)
    ax.set_ylim(0, hoogste * 1.15)
    ax.set_ylabel(as_y, fontsize=8)
    ax.tick_params(axis="y", labelsize=7)
    ax.spines[["top", "right"]].set_visible(False)
    _legende(ax, True, loc="upper left")
    return _png(fig)


def spreiding(reeksen: Sequence[tuple[str, str, dict[str, Any]]], *, as_x: str = "dagen") -> bytes:
    """One row per region: the range min-max as a line, the middle half (quartile 1 to 3) as a hatched
    box in the region's colour, the median as a thick black stroke with its value."""
    fig, ax = _figuur(hoogte=0.9 + 0.55 * len(reeksen))
    for i, (key, _, s_) in enumerate(reeksen):
        s = stijl(key, i)
        y = len(reeksen) - 1 - i
        ax.plot([s_["min"], s_["max"]], [y, y], color="black", linewidth=1, zorder=1)
        for grens in (s_["min"], s_["max"]):
            ax.plot([grens, grens], [y - 0.12, y + 0.12], color="black", linewidth=1)
            ax.text(grens, y - 0.2, f"{grens}", ha="center", va="top", fontsize=6.5)
        ax.barh(y, s_["kwartiel_3"] - s_["kwartiel_1"], 0.4, left=s_["kwartiel_1"], facecolor=s["kleur"],
                edgecolor="black", hatch=s["arcering"], linewidth=0.6, zorder=2)
        ax.plot([s_["mediaan"], s_["mediaan"]], [y - 0.24, y + 0.24], color="black", linewidth=2.6, zorder=3)
        ax.text(s_["mediaan"], y + 0.28, f"mediaan {s_['mediaan']}", ha="center", va="bottom", fontsize=7)
    ax.set_yticks(range(len(reeksen)))
    ax.set_yticklabels([naam for _, naam, _ in reversed(reeksen)], fontsize=7.5)
    ax.set_ylim(-0.7, len(reeksen) - 0.3)
    ax.set_xlabel(as_x, fontsize=8)
    ax.tick_params(axis="x", labelsize=7)
    ax.spines[["top", "right"]].set_visible(False)
    return _png(fig)
