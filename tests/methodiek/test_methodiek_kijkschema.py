"""The kijkschema (guide E.10) and the IFG-profielen (guide E.2) as data."""

from __future__ import annotations

import re

import pytest

from ketencli.methodiek import kijkschema, profielen

# Expected counts per domain, read from co3-gids.txt section E.10 (L2132-2306):
# domain                        risico  beschermend  guide lines
VERWACHT = {
    "geweld": (4, 3),  # L2147-2160 / L2162-2168
    "individu": (4, 4),  # L2172-2189 + L2202-2205 / L2191-2201
    "interactie": (3, 4),  # L2207-2219 / L2221-2232
    "professionele-ondersteuning": (2, 3),  # L2236-2244 / L2249-2256
    "sociale-ondersteuning": (2, 4),  # L2260-2265 / L2270-2276
    "kind": (4, 3),  # L2280-2300 / L2287-2306
}

KEBAB = re.compile(r"^[a-z0-9]+(-[a-z0-9]+)*$")


def test_six_domains_in_the_guides_order():
    assert [d.key for d in kijkschema.DOMEINEN] == list(VERWACHT)
    assert [d.naam for d in kijkschema.DOMEINEN] == [
        "GEWELD",
        "INDIVIDU",
        "INTERACTIE",
        "PROFESSIONELE ONDERSTEUNING",
        "SOCIALE ONDERSTEUNING",
        "KIND",
    ]
    assert all(d.uitleg.strip() for d in kijkschema.DOMEINEN)


@pytest.mark.parametrize("domein,verwacht", list(VERWACHT.items()))
def test_counts_per_domain_and_soort(domein, verwacht):
    risico, beschermend = verwacht
    assert len(kijkschema.factoren(domein, "risico")) == risico
    assert len(kijkschema.factoren(domein, "beschermend")) == beschermend
    assert len(kijkschema.factoren(domein)) == risico + beschermend


def test_totals():
    assert len(kijkschema.FACTOREN) == sum(r + b for r, b in VERWACHT.values())
    assert len(kijkschema.factoren(soort="risico")) == sum(r for r, _ in VERWACHT.values())
    assert len(kijkschema.factoren(soort="beschermend")) == sum(b for _, b in VERWACHT.values())


def test_keys_unique_and_kebab_case():
    keys = [f.key for f in kijkschema.FACTOREN]
    assert len(keys) == len(set(keys))
    for key in keys:
        assert KEBAB.match(key), key
        assert len(key) <= 40, key
    assert all(KEBAB.match(d.key) for d in kijkschema.DOMEINEN)


def test_every_factor_has_a_domain_soort_and_label():
    domeinen = {d.key for d in kijkschema.DOMEINEN}
    for f in kijkschema.FACTOREN:
        assert f.domein in domeinen, f.key
        assert f.soort in ("risico", "beschermend"), f.key
        assert f.label.strip(), f.key
        assert f.label == f.label.strip() and "  " not in f.label, f.key


def test_labels_follow_the_guide():
    # a few labels exactly as the guide and its worked example (E.11) word them
    assert kijkschema.factor("geweld-escalatie").label == "Escalatie van het geweld"
    assert kijkschema.factor("individu-middelenmisbruik").label == "Middelenmisbruik"
    assert kijkschema.factor("geweld-veiligheidsplan").label == "Er is een effectief veiligheidsplan"
    assert kijkschema.factor("interactie-afhankelijkheid").domein == "interactie"
    assert "Burgers Aan Zet" in kijkschema.factor("sociaal-steunfiguur").toelichting


def test_lookups():
    assert kijkschema.domein("kind").naam == "KIND"
    assert kijkschema.domein("PROFESSIONELE ONDERSTEUNING").key == "professionele-ondersteuning"
    assert kijkschema.domein("bestaat-niet") is None
    assert kijkschema.factor("geweld-escalatie").domein == "geweld"
    assert kijkschema.factor(" Geweld-Escalatie ").key == "geweld-escalatie"
    assert kijkschema.factor("bestaat-niet") is None
    assert kijkschema.factoren("bestaat-niet") == ()
    assert all(f.soort == "beschermend" for f in kijkschema.factoren("kind", "beschermend"))


def test_suggestions_for_a_typo():
    assert kijkschema.dichtste_factoren("geweld-escalatei")[0] == "geweld-escalatie"
    assert "geweld-escalatie" in kijkschema.dichtste_factoren("escalatie")
    assert "individu-middelenmisbruik" in kijkschema.dichtste_factoren("middelmisbruik")
    assert len(kijkschema.dichtste_factoren("kind", n=2)) <= 2
    assert kijkschema.dichtste_factoren("xyzzy") == []


def test_five_profiles():
    assert [p.key for p in profielen.PROFIELEN] == [
        "intiem-terrorisme",
        "situationeel-geweld",
        "opvoedstress",
        "langdurige-zorg",
        "vechtscheiding",
    ]
    for p in profielen.PROFIELEN:
        assert p.naam.strip()
        assert p.kenmerken and all(k.strip() for k in p.kenmerken), p.key
        assert p.pva_richtlijnen and all(r.strip() for r in p.pva_richtlijnen), p.key
        assert all(a == a.lower() for a in p.afgeraden), p.key
    assert profielen.profiel("vechtscheiding").naam == "Vechtscheiding"
    assert profielen.profiel("Intiem terrorisme").key == "intiem-terrorisme"
    assert profielen.profiel("bestaat-niet") is None


def test_intiem_terrorisme_advises_against_couple_therapy():
    afgeraden = profielen.profiel("intiem-terrorisme").afgeraden
    assert "koppeltherapie" in afgeraden
    assert "bemiddeling" in afgeraden
    # situationeel geweld names relatietherapie and bemiddeling as options (L1939-1940)
    assert profielen.profiel("situationeel-geweld").afgeraden == ()


def test_keyword_tuples_and_matching():
    for tuple_ in (profielen.STRESSBRONNEN_TREFWOORDEN, profielen.GEZAMENLIJK_GESPREK_TREFWOORDEN):
        assert tuple_ and all(w == w.lower() and w.strip() for w in tuple_)
    afgeraden = profielen.profiel("intiem-terrorisme").afgeraden
    assert profielen.trefwoorden_in("Toeleiden naar Relatietherapie (CGG)", afgeraden) == ("relatietherapie",)
    assert profielen.trefwoorden_in("Schuldbemiddeling via het OCMW", afgeraden) == ()
    assert "schuld" in profielen.trefwoorden_in("Schuldbemiddeling", profielen.STRESSBRONNEN_TREFWOORDEN)
    assert profielen.trefwoorden_in("Toeleiden naar VDAB", profielen.STRESSBRONNEN_TREFWOORDEN)
    assert profielen.trefwoorden_in(
        "Gezamenlijk gesprek over de omgangsregeling", profielen.GEZAMENLIJK_GESPREK_TREFWOORDEN
    )
    assert not profielen.trefwoorden_in(
        "Gesprek met elke ouder apart", profielen.GEZAMENLIJK_GESPREK_TREFWOORDEN
    )
