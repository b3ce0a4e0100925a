"""methodiek.taal: the number and the form agree (issue 14 §3: no "actie(s)" in what a table reads)."""

from ketencli.methodiek import taal


def test_enkelvoud_en_meervoud():
    assert taal.aantal(1, "actie staat", "acties staan") == "1 actie staat"
    assert taal.aantal(0, "actie staat", "acties staan") == "0 acties staan"
    assert taal.feiten(1) == "1 incident, pv of melding"
    assert taal.feiten(3) == "3 incidenten, pv's of meldingen"
