"""methodiek.datums.plus_maanden: the one month arithmetic of bijlage_b (and so stappen), afronding and planning."""

from __future__ import annotations

from datetime import date

import pytest

from ketencli import planning
from ketencli.methodiek import afronding, bijlage_b, datums


@pytest.mark.parametrize(("dag", "maanden", "verwacht"), [
    (date(2026, 1, 31), 1, date(2026, 2, 28)),
    (date(2028, 1, 31), 1, date(2028, 2, 29)),  # leap year
    (date(2026, 8, 31), 6, date(2027, 2, 28)),
    (date(2026, 11, 30), 1, date(2026, 12, 30)),
    (date(2026, 12, 15), 1, date(2027, 1, 15)),
    (date(2026, 3, 31), -1, date(2026, 2, 28)),
    (date(2026, 1, 15), -3, date(2025, 10, 15)),
    (date(2026, 5, 31), 0, date(2026, 5, 31)),
])
def test_plus_maanden_at_month_ends_and_year_wraps(dag, maanden, verwacht):
    assert datums.plus_maanden(dag, maanden) == verwacht


def test_there_is_one_definition():
    assert bijlage_b.plus_maanden is afronding.plus_maanden is planning.plus_maanden is datums.plus_maanden
