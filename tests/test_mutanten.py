"""Hostile edits of a stored dossier (issue 20 §10): hypothesis mutates the file; every mutant is
either refused cleanly (a Dutch BestandsFout that names a line, nothing written) or accepted and
then round-trips without loss (every value in the mutant is in the saved file)."""

from __future__ import annotations

import re
from datetime import date, datetime
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from ketencli import store, yamltekst
from ketencli.fouten import BestandsFout
from tests.conftest import voorbeeld

BRON = "dossiers/2026-001/dossier.yaml"
# refusals about the whole file (no single line to point at)
HEEL_BESTAND = re.compile(r"verwacht een dossier|schema_version|nieuwere ketencli|het id in het bestand|"
                          r"geen geldige YAML|bestaande datum")

_BASIS: list[str] = []


def basis() -> str:
    """The guide's worked example as ketencli stores it."""
    if not _BASIS:
        d = store.lees_import(voorbeeld("de-palmeneire-vercammen.yaml"))
        data = dict(d.data, id="2026-001")
        _BASIS.append(store.naar_tekst(store.valideer(data, "", "basis")))
    return _BASIS[0]


TEKENS = st.text(st.characters(codec="utf-8", exclude_categories=("Cc", "Cs", "Zl", "Zp")) | st.sampled_from(
    list(":-#&*!|>'\"{}[],? \n\t")), max_size=12)


@st.composite
def mutant(draw: Any) -> str:
    regels = basis().split("\n")
    for _ in range(draw(st.integers(1, 3))):
        i = draw(st.integers(0, len(regels) - 1))
        soort = draw(st.sampled_from(["weg", "dubbel", "wissel", "invoegen", "vervangen", "inspringen", "regel"]))
        if soort == "weg":
            del regels[i]
        elif soort == "dubbel":
            regels.insert(i, regels[i])
        elif soort == "wissel":
            j = draw(st.integers(0, len(regels) - 1))
            regels[i], regels[j] = regels[j], regels[i]
        elif soort in ("invoegen", "vervangen"):
            r = regels[i]
            k = draw(st.integers(0, len(r)))
            lengte = 0 if soort == "invoegen" else draw(st.integers(0, 3))
            regels[i] = r[:k] + draw(TEKENS) + r[k + lengte:]
        elif soort == "inspringen":
            regels[i] = " " * draw(st.integers(0, 5)) + regels[i].lstrip(" ")
        else:
            regels.insert(i, draw(TEKENS))
        if not regels:
            regels = [""]
    return "\n".join(regels)


def _leeg(x: Any) -> bool:
    return x is None or x == [] or x == {}


def verloren(mutant_data: Any, bewaard: Any, pad: str = "") -> list[str]:
    """What of the mutant's data is not in the saved data (values the model adds are fine)."""
    if isinstance(mutant_data, dict):
        if not isinstance(bewaard, dict):
            return [pad]
        uit: list[str] = []
        for k, v in mutant_data.items():
            if _leeg(v):
                continue
            if k not in bewaard:
                uit.append(f"{pad}/{k}")
            else:
                uit += verloren(v, bewaard[k], f"{pad}/{k}")
        return uit
    if isinstance(mutant_data, list):
        if isinstance(bewaard, list) and all(isinstance(x, (str, int, date)) for x in mutant_data + bewaard):
            # a list of keys (rollen, bij_wie): the model drops a repeated one, which holds nothing
            return [] if {str(x) for x in mutant_data} <= {str(x) for x in bewaard} else [pad]
        if not isinstance(bewaard, list) or len(bewaard) != len(mutant_data):
            return [pad]
        return [x for a, b in zip(mutant_data, bewaard, strict=True) for x in verloren(a, b, pad + "[]")]
    if isinstance(mutant_data, datetime) and isinstance(bewaard, datetime):
        return [] if mutant_data.replace(tzinfo=None) == bewaard.replace(tzinfo=None) else [pad]
    if isinstance(mutant_data, (date, int, float, str, bool)):
        return [] if mutant_data == bewaard or str(mutant_data) == str(bewaard) else [pad]
    return []


def _waarden(tekst: str) -> set[str]:
    """Every value scalar in the text's node tree: unlike loading, composing keeps both entries of
    a key written twice, so a dropped duplicate shows up as a missing value."""
    import yaml

    uit: set[str] = set()

    def loop(knoop: Any) -> None:
        if isinstance(knoop, yaml.MappingNode):
            for _, waarde in knoop.value:
                loop(waarde)
        elif isinstance(knoop, yaml.SequenceNode):
            for kind in knoop.value:
                loop(kind)
        elif isinstance(knoop, yaml.ScalarNode) and knoop.value.strip():
            uit.add(knoop.value)

    loop(yaml.compose(tekst, Loader=yamltekst.Lader))
    return uit


def _vergelijkbaar(waarde: str) -> bool:
    """Values the save writes in another (canonical) form: moments, booleans, nulls."""
    return not re.fullmatch(r"\d{4}-\d\d-\d\d[ T].*|true|false|True|False|TRUE|FALSE|~|null|Null|NULL", waarde)


def controleer(tekst: str) -> str:
    try:
        d = store.dossier_uit_tekst(tekst, BRON)
    except BestandsFout as fout:
        melding = fout.melding
        assert melding.strip()
        assert re.search(r"regel \d+", melding) or HEEL_BESTAND.search(melding), melding
        return "geweigerd"
    bewaard = store.naar_tekst(d)
    opnieuw = store.dossier_uit_tekst(bewaard, BRON)
    assert opnieuw.model_dump() == d.model_dump(), "the saved file reads back differently"
    mutant_data = yamltekst.lees(tekst, BRON)
    bewaard_data = yamltekst.lees(bewaard, BRON)
    weg = verloren(mutant_data, bewaard_data)
    assert weg == [], f"accepted, but lost on save: {weg}"
    ontbreekt = {w for w in _waarden(tekst) - _waarden(bewaard) if _vergelijkbaar(w)}
    assert not ontbreekt, f"accepted, but these values are not in the saved file: {sorted(ontbreekt)[:5]}"
    return "aanvaard"


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(mutant())
def test_gemuteerd_dossier_wordt_netjes_geweigerd_of_zonder_verlies_bewaard(tekst):
    controleer(tekst)


@pytest.mark.parametrize("tekst", [
    basis().replace("\ntijdlijn:\n", "\ntijdlijn:\n", 1) + "tijdlijn:\n- datum: 2026-11-01\n  soort: contact\n",
    basis().replace("gezin: ", "gezin:\n  gezin: ", 1),
])
def test_gekende_mutanten(tekst):
    assert controleer(tekst) == "geweigerd"
