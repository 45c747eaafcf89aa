"""Actor codes in the field's layouts: GDELT's parts and one canonical name a code, PLOVER's
entity code (eventcoder.actor_codes; the export tests check them in the written files)."""

from __future__ import annotations

import pytest

from eventcoder.actor_codes import canonical_name, country_names, parse, sector_names
from eventcoder.actors.words import SECTORS
from eventcoder.petrarch.codes import TYPES


def test_actor_codes_every_sector_and_type_has_a_name() -> None:
    assert sorted(SECTORS | set(TYPES)) == sorted(sector_names())
    assert all(sector_names().values())


@pytest.mark.parametrize(
    "code, name",
    [
        ("USA", "United States"), ("USAGOV", "United States"), ("GBRMIL", "United Kingdom"),
        ("RUS", "Russia"), ("PSE", "Palestine"), ("GRL", "Greenland"),  # the gazetteer's
        ("IGOUNO", "United Nations"), ("IGOEUR", "European Union"), ("---CVL", "civilians"),
        ("IMGREB", "transnational militarized group"), ("ZZZGOV", None), ("---", None),
    ],
)  # fmt: skip
def test_actor_codes_canonical_name(code: str, name: str | None) -> None:
    assert canonical_name(code) == name
    assert parse(code).name == name


def test_actor_codes_one_name_per_country() -> None:
    names = country_names()
    assert names["USA"] == "United States" and names["IND"] == "India"
    assert all(len(code) == 3 and name for code, name in names.items())


@pytest.mark.parametrize(
    "code, gdelt, country, plover",
    [
        ("---REB", "REB", None, None), ("---", None, None, None), ("PAKGOV", "PAKGOV", "PAK", "PAK"),
        ("USAJRN", "USAMED", "USA", "USA"), ("XKX", "XKX", "XKX", "KOS"),
        ("IGOUNO", "IGOUNO", None, "UNO"), ("MNCBUS", "MNCBUS", None, "MNC"),
    ],
)  # fmt: skip
def test_actor_codes_parse(
    code: str, gdelt: str | None, country: str | None, plover: str | None
) -> None:
    parsed = parse(code)
    assert (parsed.gdelt_code, parsed.country, parsed.plover_code) == (gdelt, country, plover)
