"""A deceased member in a new user's trial (a Leuven family: the father died in 2019): he is no client
(``Gezinslid.is_client``), so he consents to nothing, is shown as deceased, and is no party to a later
fact or safety plan — each through the CLI."""

from __future__ import annotations

import yaml

from tests.conftest import dossier_bestand


def _lees(thuis, did):
    return yaml.safe_load(dossier_bestand(thuis, did).read_text(encoding="utf-8"))


def _gezin(kc):
    kc.ok("dossier", "new", "--regio", "leuven", "--gezin", "Peeters", "--no-input")
    did = "2026-001"
    kc.ok("dossier", "lid", "add", did, "--naam", "Moeder", "--rol", "slachtoffer", "--geboortedatum", "1980-03-01",
          "--geslacht", "vrouw", "--no-input")
    kc.ok("dossier", "lid", "add", did, "--naam", "Vader", "--rol", "pleger", "--geboortedatum", "1978-01-01",
          "--geslacht", "man", "--overleden", "2019", "--no-input")
    return did


def test_een_overleden_lid_kan_niet_instemmen(kc, thuis):
    """Casusregie starts once a (living) adult consents (guide L131-135, D17): a deceased member's consent
    is refused, and the dossier stays in geen-instemming."""
    did = _gezin(kc)
    kc.ok("dossier", "ico", did, "--conclusie", "ketenaanpak-met-casusregie", "--regisseur-naam", "A", "--no-input")
    uit = kc("dossier", "instemming", did, "m2")
    assert uit.exit_code == 1 and "m2 is overleden: een instemming kan niet" in " ".join(uit.stderr.split())
    data = _lees(thuis, did)
    assert data["fase"] == "geen-instemming" and "instemming" not in data["gezinsleden"][1]


def test_een_geregistreerde_instemming_van_een_overledene_telt_niet(kc, thuis):
    """A consent recorded before the death was known: the consent rules never count it (start of casusregie)."""
    did = _gezin(kc)
    kc.ok("dossier", "lid", "edit", did, "m2", "--overleden", "geen")
    kc.ok("dossier", "instemming", did, "m2", "--datum", "2026-11-20")
    kc.ok("dossier", "lid", "edit", did, "m2", "--overleden", "2019")
    kc.ok("dossier", "ico", did, "--conclusie", "ketenaanpak-met-casusregie", "--regisseur-naam", "A", "--no-input")
    assert _lees(thuis, did)["fase"] == "geen-instemming"
    uit = kc.ok("dossier", "instemming", did, "m1", "--datum", "2026-11-21")
    assert "de casusregie start op 23/11/2026" in " ".join(uit.output.split())


def test_dossier_show_toont_een_overledene_zonder_leeftijd_en_instemming(kc, thuis, monkeypatch):
    """Like the documents' clients table (issue 16): "overleden (2019)", never an age as if alive (39) nor a
    consent "ja" for the deceased father."""
    monkeypatch.setenv("COLUMNS", "200")
    did = _gezin(kc)
    kc.ok("dossier", "lid", "edit", did, "m2", "--overleden", "geen")
    kc.ok("dossier", "instemming", did, "m2", "--datum", "2026-11-20")
    kc.ok("dossier", "lid", "edit", did, "m2", "--overleden", "2019")
    rij = next(r for r in kc.ok("dossier", "show", did).stdout.splitlines() if "Vader" in r and "m2" in r)
    assert "overleden (2019)" in rij and "41" not in rij and "ja" not in rij.split("overleden (2019)")[1]


def test_overlijden_voor_de_geboorte_of_in_de_toekomst_wordt_geweigerd(kc, thuis):
    did = _gezin(kc)
    uit = kc("dossier", "lid", "edit", did, "m2", "--overleden", "1970")
    assert uit.exit_code == 1 and "Overleden (1970) ligt voor de geboortedatum (1/1/1978)" in uit.stderr
    assert kc("dossier", "lid", "edit", did, "m2", "--overleden", "2031").exit_code == 2
    uit = kc("dossier", "lid", "edit", did, "m2", "--geboortedatum", "2020-01-01")
    assert uit.exit_code == 1 and "ligt voor de geboortedatum" in " ".join(uit.stderr.split())
    assert _lees(thuis, did)["gezinsleden"][1]["overleden"] == 2019


def test_een_overledene_is_geen_partij_bij_een_later_feit(kc, thuis):
    """A fact after his death year cannot name the deceased father as door/tegen; one from before may."""
    did = _gezin(kc)
    uit = kc("tijdlijn", "add", did, "--soort", "incident", "--omschrijving", "Slaag", "--door", "m2", "--tegen",
             "m1", "--no-input")
    assert uit.exit_code == 2 and "--door m2: Vader is overleden (2019)" in " ".join(uit.stderr.split())
    assert not _lees(thuis, did).get("tijdlijn")
    kc.ok("tijdlijn", "add", did, "--soort", "incident", "--datum", "2018-05-01", "--omschrijving", "Slaag", "--door",
          "m2", "--tegen", "m1", "--no-input")
    uit = kc("tijdlijn", "edit", did, "1", "--datum", "2020-05-01")
    assert uit.exit_code == 2 and "is overleden" in uit.stderr
    assert str(_lees(thuis, did)["tijdlijn"][0]["datum"]) == "2018-05-01"


def test_geen_veiligheidsplan_voor_een_overledene(kc, thuis):
    did = _gezin(kc)
    uit = kc("doc", did, "veiligheidsplan", "--lid", "m2")
    assert uit.exit_code == 1 and "--lid m2: Vader is overleden" in " ".join(uit.stderr.split())
    assert not list(thuis.rglob("*veiligheidsplan*.docx"))
    kc.ok("doc", did, "veiligheidsplan", "--lid", "m1")


def _leuvens_gezin(kc):
    """The trial's Leuven family: mother, the father who died in 2019, their son of 16, her new partner,
    their daughter of 6, and the mother's parents."""
    did = _gezin(kc)
    kc.ok("dossier", "lid", "edit", did, "m2", "--relatie", "m1:ex-partner")
    for naam, rol, geboren, relaties in (
            ("Zoon", "pleger", "2010-05-01", ["m1:kind-van", "m2:kind-van"]),
            ("Nieuwe partner", "ander", "1982-02-02", ["m1:partner"]),
            ("Halfzus", "kind", "2020-04-04", ["m1:kind-van", "m4:kind-van"]),
            ("Grootvader", "ander", "1950-01-01", ["m1:ouder-van"]),
            ("Grootmoeder", "ander", "1952-01-01", ["m1:ouder-van"])):
        kc.ok("dossier", "lid", "add", did, "--naam", naam, "--rol", rol, "--geboortedatum", geboren,
              *[x for r in relaties for x in ("--relatie", r)], "--no-input")
    return did


def test_agendeer_meldt_alleen_de_relaties_die_het_genogram_mist(kc, thuis):
    """Pairs already linked through recorded relations (the deceased father and the new partner through the
    mother; the half-sister and her grandfather) are no missing relation; two parents of one child without a
    relation between them are, once, in one line (the grandparents)."""
    (thuis / "config").mkdir(parents=True, exist_ok=True)
    (thuis / "config" / "regio.yaml").write_text(
        "leuven:\n  tafels:\n    operationeel-team:\n      weekdag: dinsdag\n      weken: [1, 3]\n"
        "      begin: \"09:00\"\n      deadline: {weekdag: maandag, tijd: \"12:00\"}\n  vrije_dagen: []\n",
        encoding="utf-8")
    did = _leuvens_gezin(kc)
    uit = kc("agendeer", "rondetafel", did, "--vraag", "Hoe gaat het met de bezoeken?", "--lid", "m4")
    tekst = " ".join(uit.output.split())
    assert tekst.count("niet vastgelegd") == 1, tekst
    assert "Grootvader (m6) en Grootmoeder (m7) (samen ouder van Moeder (m1))" in tekst
    assert "Vader (m2) en Nieuwe partner (m4)" not in tekst and "Halfzus (m5) en Grootvader" not in tekst
    kc.ok("dossier", "lid", "edit", did, "m6", "--relatie", "m7:partner")
    uit = kc("agendeer", "rondetafel", did, "--vraag", "Nog een vraag?", "--lid", "m4", "--toch")
    assert "niet vastgelegd" not in uit.output


def test_overlijden_voor_de_geboorte_in_gewone_woorden(kc, thuis):
    """`lid add`/`lid edit` say it plainly, both dates as d/m/yyyy, without the schema path."""
    did = _gezin(kc)
    uit = kc("dossier", "lid", "add", did, "--naam", "Grootvader", "--rol", "ander", "--geboortedatum", "1950-07-01",
             "--overleden", "1950-06-01", "--no-input")
    tekst = " ".join(uit.stderr.split())
    assert uit.exit_code == 1 and "Overleden (1/6/1950) ligt voor de geboortedatum (1/7/1950): dat kan niet." in tekst
    assert "het hele bestand" not in tekst and len(_lees(thuis, did)["gezinsleden"]) == 2
    uit = kc("dossier", "lid", "edit", did, "m1", "--overleden", "1979-12-31")
    assert uit.exit_code == 1 and "Overleden (31/12/1979) ligt voor de geboortedatum (1/3/1980)" in uit.stderr


def test_overlijden_voor_een_feit_waarbij_het_lid_partij_is_wordt_geweigerd(kc, thuis, monkeypatch):
    """Setting the death afterwards follows the rule for a new fact (``Gezinslid.leefde_op``): a member who
    is --door/--tegen of a later fact, or whose consent is the only adult consent that started casusregie
    (guide L131-135, D17), cannot have died before it. Exit 2, nothing saved."""
    monkeypatch.setenv("KETENCLI_NU", "2026-12-02T10:00")
    did = _gezin(kc)
    kc.ok("dossier", "lid", "add", did, "--naam", "Oom", "--rol", "pleger", "--geboortedatum", "1975-01-01",
          "--no-input")
    kc.ok("tijdlijn", "add", did, "--soort", "incident", "--datum", "2026-03-01", "--omschrijving", "Slaag",
          "--door", "m3", "--tegen", "m1", "--no-input")
    kc.ok("tijdlijn", "add", did, "--soort", "pv", "--datum", "2026-11-30", "--omschrijving", "Pv",
          "--tegen", "m1", "--no-input")
    uit = kc("dossier", "lid", "edit", did, "m3", "--overleden", "2020")
    tekst = " ".join(uit.stderr.split())
    assert uit.exit_code == 2 and "--overleden 2020: Oom (m3) leefde nog bij tijdlijnitem 1" in tekst, tekst
    assert "1/3/2026" in tekst and "overleden" not in _lees(thuis, did)["gezinsleden"][2]
    kc.ok("dossier", "lid", "edit", did, "m3", "--overleden", "2026")  # that year: the fact may be his
    kc.ok("dossier", "ico", did, "--conclusie", "ketenaanpak-met-casusregie", "--regisseur-naam", "A", "--no-input")
    uit = kc.ok("dossier", "instemming", did, "m1", "--datum", "2026-11-30")
    assert "de casusregie start op" in " ".join(uit.output.split())
    uit = kc("dossier", "lid", "edit", did, "m1", "--overleden", "2026-11-29")
    tekst = " ".join(uit.stderr.split())
    assert uit.exit_code == 2 and "Moeder (m1) leefde nog bij tijdlijnitem 2 (pv van 30/11/2026)" in tekst, tekst
    assert "de instemming van 30/11/2026, de enige van een volwassene, waarmee de casusregie startte" in tekst
    assert "overleden" not in _lees(thuis, did)["gezinsleden"][0]
    kc.ok("dossier", "lid", "edit", did, "m1", "--overleden", "2026-11-30")  # the day itself: still alive


def test_overleden_zonder_datum_noemt_ook_het_jaartal(kc, thuis):
    """--overleden takes a bare year (2019) too: the message for what is no date says so."""
    did = _gezin(kc)
    uit = kc("dossier", "lid", "edit", did, "m1", "--overleden", "vorig-jaar")
    tekst = " ".join(uit.stderr.split())
    assert uit.exit_code == 2 and "Schrijf bijvoorbeeld 2019 (alleen het jaar), 15/3/2026" in tekst, tekst
    assert "overleden" not in _lees(thuis, did)["gezinsleden"][0]
