"""The per-file summary of the index (D15) as the cache stores it."""

from __future__ import annotations


def test_a_summary_keeps_every_field_through_the_cache():
    """Every field of ``Samenvatting`` survives ``naar_dict`` -> JSON -> ``uit_dict`` (a field added for one
    command, such as the facts of `jaarcijfers` or the knelpunten of `beleidssignalen`, must not be dropped
    on the way into the cache: that command would then see nothing)."""
    import dataclasses
    import json
    from datetime import date

    from ketencli.index import Samenvatting

    waarden: dict[str, object] = {}
    for veld in dataclasses.fields(Samenvatting):
        if veld.name == "id":
            waarden[veld.name] = "2026-001"
        elif veld.name == "aanmeldingsdatum":
            waarden[veld.name] = date(2026, 3, 2)
        elif veld.name == "vervaldata":
            waarden[veld.name] = [{"datum": "2026-12-01", "omschrijving": "x"}]
        elif veld.name == "jaarcijfers":
            waarden[veld.name] = {"regio": "leuven", "aanmeldingsjaar": 2026}
        elif str(veld.type).startswith("list"):
            waarden[veld.name] = [{"categorie": "wachtlijst"}] if "dict" in str(veld.type) else ["a"]
        elif str(veld.type).startswith("dict"):
            waarden[veld.name] = {"a": 1}
        elif str(veld.type).startswith("str"):
            waarden[veld.name] = f"waarde-{veld.name}"
        else:
            waarden[veld.name] = 3
    rij = Samenvatting(**waarden)
    terug = Samenvatting.uit_dict(json.loads(json.dumps(rij.naar_dict())))
    assert {v.name: getattr(terug, v.name) for v in dataclasses.fields(Samenvatting)} == waarden
