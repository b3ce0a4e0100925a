"""methodiek.bijlage_b: the one reading of annex B on the tijdlijn (consulent informed, alignment)."""

from __future__ import annotations

from datetime import date
from types import SimpleNamespace as NS

from ketencli.methodiek import bijlage_b


def _dossier(tijdlijn, stappen=(), diensten=("ocj-sdj",), start=date(2026, 9, 1)):
    return NS(id="2026-001", casusregie_start=start, tijdlijn=list(tijdlijn), stappen=list(stappen),
              betrokken_diensten=[NS(soort=s) for s in diensten])


def _item(dag, soort, omschrijving="", ingelicht=None):
    return NS(datum=dag, soort=soort, omschrijving=omschrijving, consulent_geinformeerd_op=ingelicht, afspraken=None)


def test_informed_by_the_item_or_by_a_later_alignment():
    pv = _item(date(2026, 10, 1), "pv")
    d = _dossier([pv])
    assert bijlage_b.consulent_ingelicht_op(d, pv) is None and len(bijlage_b.open_punten(d, 1, pv)) == 2
    d.tijdlijn.append(_item(date(2026, 10, 3), "contact", "Telefoon met de consulent OCJ"))
    assert bijlage_b.consulent_ingelicht_op(d, pv) == date(2026, 10, 3)
    assert len(bijlage_b.open_punten(d, 1, pv)) == 1  # the agreements are still open


def test_alignment_from_a_tick_or_the_tijdlijn_and_the_next_due_date():
    d = _dossier([_item(date(2026, 10, 3), "overleg", "Overleg met jongerenwelzijn")],
                 stappen=[NS(item=bijlage_b.AFSTEMMING_ITEM, status="gedaan", datum=date(2026, 11, 5))])
    assert bijlage_b.afstemmingen(d) == [date(2026, 10, 3), date(2026, 11, 5)]
    assert bijlage_b.volgende_afstemming(d, date(2026, 11, 23)) == date(2027, 2, 5)
    assert bijlage_b.volgende_afstemming(_dossier([]), date(2026, 11, 23)) == date(2026, 12, 1)


def test_no_consulent_no_annex_b():
    pv = _item(date(2026, 10, 1), "pv")
    d = _dossier([pv], diensten=("caw",))
    assert not bijlage_b.vraagt_bijlage_b(d, "pv") and bijlage_b.open_punten(d, 1, pv) == []
    assert [nr for nr, _ in bijlage_b.incidenten(_dossier([_item(date(2026, 8, 1), "pv"), pv]))] == [2]
