"""The rules behind `jaarcijfers` (``methodiek.cijfers``) on single dossiers: what a fact is and in which
year it counts (issue 17 item 3)."""

from __future__ import annotations

from datetime import date, datetime

from ketencli import model
from ketencli.methodiek import cijfers
from ketencli.statistiek import ONDERDRUKT


def _dossier(**extra) -> model.Dossier:
    return model.Dossier.model_validate({
        "id": "2025-001", "regio": "co3-antwerpen", "gezin": "Voorbeeld",
        "aanmelding": {"datum": "2025-11-03"},
        "gezinsleden": [{"id": "m1", "naam": "A", "rollen": ["slachtoffer"], "geboortedatum": "1980-01-01",
                         "instemming": {"datum": "2025-11-20"}},
                        {"id": "m2", "naam": "B", "rollen": ["kind"], "geboortedatum": "2013-12-15"}],
        **extra})


def test_an_earlier_herbespreking_counts_in_its_year_after_the_final_conclusion():
    # L328-344: the herbespreking of 14/11/2025 stays a herbespreking of 2025 once the ICO of 2026 concluded
    d = _dossier(fase="casusregie", casusregie_start="2026-01-12",
                 ico={"datum": "2026-01-09", "conclusie": "ketenaanpak-met-casusregie"},
                 historie=[{"moment": "2025-11-14T12:00:00", "wat": "fase aanmelding → verkenning",
                            "reden": "ICO 2025-11-14: herbespreking"}])
    f = cijfers.feiten(d, date(2026, 11, 23), lambda a: None)
    assert cijfers.telt_als_herbespreking(f, 2025) and not cijfers.telt_als_herbespreking(f, 2026)
    assert cijfers.ico_conclusie(f, 2026) == "ketenaanpak-met-casusregie" and cijfers.ico_conclusie(f, 2025) is None
    assert cijfers.telt_als_aanmelding(f, 2025) and not cijfers.telt_als_aanmelding(f, 2026)


def test_a_running_casusregie_counts_up_to_today_and_children_turn_12_on_their_birthday():
    d = _dossier(fase="casusregie", casusregie_start="2025-11-24",
                 ico={"datum": "2025-11-21", "conclusie": "ketenaanpak-met-casusregie"})
    f = cijfers.feiten(d, date(2026, 11, 23), lambda a: None)
    assert [j for j in (2024, 2025, 2026, 2027) if cijfers.in_casusregie(f, j)] == [2025, 2026]
    # D16: born 15/12/2013, so 12 on the last day of 2025 (31/12) and still on 23/11/2026
    assert cijfers.kinderen_ouder_dan_12(f, 2025) == 1 and cijfers.kinderen_ouder_dan_12(f, 2026) == 1
    jonger = _dossier(fase="casusregie", casusregie_start="2025-11-24",
                      ico={"datum": "2025-11-21", "conclusie": "ketenaanpak-met-casusregie"})
    jonger.gezinsleden[1].geboortedatum = date(2014, 1, 10)
    f = cijfers.feiten(jonger, date(2026, 11, 23), lambda a: None)
    assert cijfers.kinderen_ouder_dan_12(f, 2025) == 0 and cijfers.kinderen_ouder_dan_12(f, 2026) == 1


def test_late_agendering_by_the_deadline_of_its_session():
    deadline = datetime(2026, 11, 16, 12, 0)
    nu = datetime(2026, 11, 23, 10, 0)
    assert cijfers.te_laat(date(2026, 11, 17), "ingediend", deadline, nu) is True  # made after the deadline
    assert cijfers.te_laat(date(2026, 11, 10), "voorbereid", deadline, nu) is True  # never sent before it
    assert cijfers.te_laat(date(2026, 11, 10), "ingediend", deadline, nu) is False
    assert cijfers.te_laat(date(2026, 11, 10), "voorbereid", deadline, datetime(2026, 11, 16, 11, 0)) is False
    assert cijfers.te_laat(date(2026, 11, 17), "ingediend", None, nu) is None  # deadline in te stellen


def test_spread_needs_five_families():
    assert cijfers.spreiding([10, 20, 30, 40])["mediaan"] is None
    assert cijfers.spreiding([10, 20, 30, 40])["gezinnen"] == ONDERDRUKT
    s = cijfers.spreiding([10, 20, 30, 40, 50, 61])
    assert (s["gezinnen"], s["mediaan"], s["min"], s["max"]) == (6, 35, 10, 61)


def test_a_dossier_closed_without_casusregie_is_no_afsluiting():
    """D8: geen-instemming / niet-ingestroomd closes directly (`afronding afsluiten`), without an afronding:
    that is not an afsluiting at the ronde tafel (guide L730)."""
    d = _dossier(fase="afgesloten", ico={"datum": "2025-11-14", "conclusie": "geen-ketenaanpak",
                                         "advies": "veiligheidsplan opmaken met het CAW"},
                 afronding={"afgesloten_op": "2025-12-01"})
    f = cijfers.feiten(d, date(2026, 11, 23), lambda a: None)
    assert not cijfers.telt_als_afsluiting(f, 2025)
