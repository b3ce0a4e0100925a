"""The method's checklists, prisons and 458ter text against the CO3 guide (co3-gids.txt)."""

import re

import pytest

from ketencli.methodiek import checklists as cl
from ketencli.methodiek import gevangenissen as gv
from ketencli.methodiek.uitleg_458ter import KERNPUNTEN_458TER, UITLEG_458TER

KEBAB = re.compile(r"^[a-z0-9]+(-[a-z0-9]+)*$")

# Item counts per checklist, with the lines of co3-gids.txt where the items stand.
TELLING = {
    "horen": (12, "L533-559"),
    "plan": (11, "L618-636"),
    "opvolgen": (7, "L647-664"),
    "loslaten": (8, "L708-737"),
    "bijlage-a": (33, "L1063-1198"),
    "bijlage-b": (36, "L1219-1457"),
    "bijlage-c": (3, "L1466-1475"),
    "bijlage-d": (7, "L1497-1609"),
}

# Annex A sections with their item counts (L1063, L1084, L1099, L1126, L1150, L1166, L1176).
SECTIES_A = {
    "voorbereiding": 4,
    "voorstellen": 4,
    "voorspelbaarheid": 4,
    "vertellen": 7,
    "steunfiguur": 4,
    "veiligheid": 2,
    "vervolg": 8,
}


def _alle():
    return cl.FASEN + cl.BIJLAGEN


def _uit_de_gids(lijst):
    """The items of a list that come from the guide (bron "L533"); the method adds a few from the folders
    (bron "co3-folder.txt L12", issue 17: knelpunten as beleidssignalen)."""
    return [it for it in lijst.items if re.fullmatch(r"L\d+", it.bron)]


def _regel(bron: str) -> int:
    assert re.fullmatch(r"L\d+", bron), bron
    return int(bron[1:])


def test_fasen_en_bijlagen_in_volgorde():
    assert [c.key for c in cl.FASEN] == ["horen", "plan", "opvolgen", "loslaten"]
    assert [c.key for c in cl.BIJLAGEN] == ["bijlage-a", "bijlage-b", "bijlage-c", "bijlage-d"]


@pytest.mark.parametrize("key", sorted(TELLING))
def test_aantal_items_volgens_gids(key):
    aantal, regels = TELLING[key]
    lijst = cl.checklist(key)
    assert lijst is not None
    assert len(_uit_de_gids(lijst)) == aantal, f"{key}: guide {regels} has {aantal} items"
    start, einde = (int(x) for x in regels[1:].split("-"))
    for it in _uit_de_gids(lijst):
        assert start <= _regel(it.bron) <= einde, (key, it.key, it.bron)


@pytest.mark.parametrize("key", sorted(TELLING))
def test_items_in_volgorde_van_de_gids(key):
    regels = [_regel(it.bron) for it in _uit_de_gids(cl.checklist(key))]
    assert regels == sorted(regels)


def test_items_buiten_de_gids_citeren_hun_bron():
    """Items from another source text cite its line: the folders' "Knelpunten worden doorgegeven als
    beleidssignaal" (co3-folder.txt L12; issue 17)."""
    anders = [it for c in _alle() for it in c.items if not re.fullmatch(r"L\d+", it.bron)]
    assert {it.key for it in anders} == {"knelpunten-opvolgen", "knelpunten-loslaten"}
    assert {it.bron for it in anders} == {"co3-folder.txt L12"}


def test_keys_uniek_en_kebab_case():
    keys = [it.key for c in _alle() for it in c.items]
    assert len(keys) == len(set(keys))
    for key in keys + [c.key for c in _alle()]:
        assert KEBAB.match(key), key


def test_teksten_niet_leeg_en_naam_gezet():
    for c in _alle():
        assert c.naam.strip()
        for it in c.items:
            assert it.tekst.strip(), it.key
            assert it.tekst == it.tekst.strip()


def test_afleidingen_en_voorwaarden_bestaan():
    for c in _alle():
        assert c.voorwaarde == "" or c.voorwaarde in cl.VOORWAARDEN
        for it in c.items:
            assert it.afleiding == "" or it.afleiding in cl.AFLEIDINGEN, it.key
            assert it.voorwaarde == "" or it.voorwaarde in cl.VOORWAARDEN, it.key


def test_voorwaarden_van_bijlagen():
    assert all(c.voorwaarde == "" for c in cl.FASEN)
    assert cl.checklist("bijlage-a").voorwaarde == "kind-ouder-dan-12"
    assert cl.checklist("bijlage-b").voorwaarde == "ocj-sdj-betrokken"
    assert cl.checklist("bijlage-c").voorwaarde == "dringende-maatregel"
    assert cl.checklist("bijlage-d").voorwaarde == "lid-gedetineerd"


def test_sleutelitems_met_afleiding():
    assert cl.item("instemming-nagaan")[1].afleiding == "instemming-volwassene"
    kind = cl.item("kinderen-spreken")[1]
    assert kind.afleiding == "minderjarigen-gesproken" and kind.per_kind
    assert cl.item("uitleg-458ter")[1].afleiding == "458ter-uitgelegd"
    assert cl.item("veiligheidsplan-opstellen")[1].afleiding == "veiligheidsplan"
    assert cl.item("pva-opstellen")[1].afleiding == "pva-opgemaakt"


def test_bijlage_a_secties_en_per_kind():
    a = cl.checklist("bijlage-a")
    assert a.secties() == tuple(SECTIES_A)
    for sectie, aantal in SECTIES_A.items():
        assert sum(1 for it in a.items if it.sectie == sectie) == aantal, sectie
    assert all(it.per_kind for it in a.items)


def test_bijlage_b_driemaandelijks():
    assert cl.BIJLAGE_B_AFSTEMMING_MAANDEN == 3
    lijst, it = cl.item("consulent-driemaandelijks")
    assert lijst.key == "bijlage-b" and it.afleiding == "consulent-afstemming"
    assert cl.item("consulent-elk-ifg-pv")[1].bron == "L1277"
    assert cl.item("consulent-voor-afronding")[1].bron == "L1457"


def test_opzoeken():
    assert cl.checklist("horen") is cl.FASEN[0]
    assert cl.checklist(" Plan ") is cl.FASEN[1]
    assert cl.checklist("fase") is None
    lijst, it = cl.item("pva-weegploeg")
    assert lijst.key == "plan" and it.bron == "L636"
    assert cl.item("bestaat-niet") is None


def test_suggesties():
    assert cl.dichtste_items("veiligheidsplan-opstelen")[0] == "veiligheidsplan-opstellen"
    assert "afrondingstoets" in cl.dichtste_items("afrondingtoets")
    assert len(cl.dichtste_items("kind", n=2)) <= 2
    assert cl.dichtste_items("zzzzzzzzzzzz") == []
    assert cl.dichtste_checklists("loslate") == ["loslaten"]


def test_bijlage_d_instructie():
    gewoon = cl.bijlage_d_instructie(kempen=False)
    kempen = cl.bijlage_d_instructie(kempen=True)
    assert gewoon != kempen
    assert "één mail" in gewoon and "PSD" in gewoon and "JWW" in gewoon
    assert "need-to-know" in gewoon and "contactgegevens" in gewoon and "gesprek in de gevangenis" in gewoon
    assert "brief" not in gewoon
    assert "brief aan de gedetineerde" in kempen
    assert "PSD" in kempen and "algemene mailadres" in kempen
    assert "JWT" in kempen


def test_gevangenissen_kempen():
    kempen = {g.key for g in gv.GEVANGENISSEN if g.kempen}
    assert kempen == {"turnhout", "wortel", "hoogstraten", "merksplas"}


def test_gevangenissen_keys_en_brussel():
    keys = [g.key for g in gv.GEVANGENISSEN]
    assert len(keys) == len(set(keys))
    assert all(KEBAB.match(k) and g.naam.strip() for k, g in zip(keys, gv.GEVANGENISSEN, strict=True))
    assert "haren" in keys
    for gesloten in ("saint-gilles", "sint-gillis", "berkendael", "vorst", "forest"):
        assert gesloten not in keys
    for key in ("antwerpen", "brugge", "gent", "leuven-centraal", "leuven-hulp", "lantin", "tournai"):
        assert key in keys


def test_gevangenis_opzoeken():
    assert gv.gevangenis("wortel").kempen
    assert gv.gevangenis("Turnhout").naam == "Gevangenis van Turnhout"
    assert gv.gevangenis("brussel-haren").key == "haren"
    assert gv.gevangenis("bergen").key == "mons"
    assert not gv.gevangenis("antwerpen").kempen
    assert gv.gevangenis("nergens") is None
    assert gv.dichtste_gevangenissen("merkplas")[0] == "merksplas"
    assert set(gv.dichtste_gevangenissen("leuven")[:2]) == {"leuven-hulp", "leuven-centraal"}


def test_uitleg_458ter():
    assert "458ter" in UITLEG_458TER
    assert "beroepsgeheim" in UITLEG_458TER
    assert "procureur des Konings" in UITLEG_458TER
    assert "instemming" in UITLEG_458TER
    woorden = len(UITLEG_458TER.split())
    assert 250 <= woorden <= 400, woorden
    assert "\n\n" in UITLEG_458TER
    assert 4 <= len(KERNPUNTEN_458TER) <= 6
    assert all(p.strip() for p in KERNPUNTEN_458TER)
    assert any("458ter" in p for p in KERNPUNTEN_458TER)


def test_literal_typen_kloppen_met_beschrijvingen():
    from typing import get_args

    assert set(get_args(cl.Afleiding)) - {""} == set(cl.AFLEIDINGEN)
    assert set(get_args(cl.Voorwaarde)) - {""} == set(cl.VOORWAARDEN)
