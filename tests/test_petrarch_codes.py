"""PETRARCH codes, dates and names in our terms: country, sector and kind, inclusive periods,
and names written the way our matcher reads them."""

from __future__ import annotations

from datetime import date

import pytest

from eventcoder.petrarch.codes import parse_date, parse_range, split_code, split_role
from eventcoder.petrarch.names import country_kind, is_acronym, name_case


@pytest.mark.parametrize(
    ("raw", "code", "country", "sector", "kind", "dropped", "problem"),
    [
        ("PAKGOV", "PAKGOV", "PAK", "GOV", "agency", (), ""),
        ("USAMILGOV", "USAMIL", "USA", "MIL", "agency", ("GOV",), ""),
        ("COLREB", "COLREB", "COL", "REB", "group", (), ""),
        ("INDPTY", "INDPTY", "IND", "PTY", "party", (), ""),
        ("GBRMED", "GBRJRN", "GBR", "JRN", "media", (), ""),  # CAMEO's MED is the media
        ("KENHLH", "KENMED", "KEN", "MED", "ngo", (), ""),  # CAMEO's HLH is health, our MED
        ("IRQINS", "IRQREB", "IRQ", "REB", "group", (), ""),
        ("TMPGOV", "TLSGOV", "TLS", "GOV", "agency", (), ""),  # old CAMEO code, ISO successor
        ("AFG", "AFG", "AFG", None, "agency", (), ""),  # a bare country
        ("IGOUNOKID", "IGOUNOKID", None, "IGO", "igo", (), ""),
        ("NGOAMN", "NGOAMN", None, "NGO", "ngo", (), ""),
        ("IMGMUSALQ", "IMGMUSALQ", None, "REB", "group", (), ""),
        ("MNCUSA", "MNCUSA", None, "BUS", "company", (), ""),
        ("WSTREB", "", None, None, "", (), "not a country code of ours"),
        ("USRARM", "", None, None, "", (), "not a country code of ours"),
        ("COLDEV", "", None, None, "", (), "role we have no sector for"),
        ("IRQMUS", "", None, None, "", (), "religion, not a sector"),
        ("GBRVGB", "", None, None, "", (), "code part we do not know"),
        ("ELI", "", None, None, "", (), "code without a country"),
        ("COLGOVX", "", None, None, "", (), "malformed code"),
    ],
)
def test_petrarch_codes_split_into_country_sector_and_kind(
    raw: str,
    code: str,
    country: str | None,
    sector: str | None,
    kind: str,
    dropped: tuple[str, ...],
    problem: str,
) -> None:
    split = split_code(raw)
    assert split.problem == problem
    if not problem:
        assert (split.code, split.country, split.sector, split.kind, split.dropped) == (
            code,
            country,
            sector,
            kind,
            dropped,
        )


@pytest.mark.parametrize(
    ("text", "day"),
    [
        ("620806", date(1962, 8, 6)),
        ("050411", date(2005, 4, 11)),
        ("291231", date(2029, 12, 31)),  # below the pivot: this century
        ("300101", date(1930, 1, 1)),  # the pivot: the last
        ("19270101", date(1927, 1, 1)),
        ("621399", None),  # month 13
        ("9008223", None),  # seven digits
    ],
)
def test_petrarch_dates_read_two_digit_years_around_30(text: str, day: date | None) -> None:
    assert parse_date(text) == day


@pytest.mark.parametrize(
    ("text", "period"),
    [
        ("620101-901027", (date(1962, 1, 1), date(1990, 10, 27))),
        ("<900823", (None, date(1990, 8, 23))),
        (">20110709", (date(2011, 7, 9), None)),
        ("700101-600101", "ends before it starts: 700101-600101"),
        ("20121204", "not a date range: 20121204"),
    ],
)
def test_petrarch_date_restrictions_are_inclusive_periods(
    text: str, period: tuple[date | None, date | None] | str
) -> None:
    assert parse_range(text) == period


@pytest.mark.parametrize(
    ("words", "acronyms", "name"),
    [
        ("UNITED_NATIONS", (), "United Nations"),
        ("THE_UNITED_NATIONS", (), "the United Nations"),
        ("UN_SECURITY_COUNCIL", (), "UN Security Council"),  # our own tables write UN
        ("U.N.", (), "U.N."),  # dotted
        ("PKK", (), "PKK"),  # no vowel
        ("ANSF", ("ANSF",), "ANSF"),  # known from the file
        ("AL-QAEDA", (), "al-Qaeda"),
        ("BAN_KI-MOON", (), "Ban Ki-moon"),
        ("LASHKAR-E-TAIBA", (), "Lashkar-e-Taiba"),
        ("SECRETARY_OF_STATE_COLIN_POWELL", (), "Secretary of State Colin Powell"),
        ("K._ANNAN", (), "K. Annan"),
        ("PEOPLE'S_LIBERATION_ARMY", (), "People's Liberation Army"),
    ],
)
def test_petrarch_names_keep_acronyms_and_lower_particles(
    words: str, acronyms: tuple[str, ...], name: str
) -> None:
    assert name_case(words.split("_"), frozenset(acronyms)) == name


@pytest.mark.parametrize(
    ("word", "acronym"),
    [("NATO", True), ("BBC", True), ("UNITED", False), ("AL", False), ("1ST", False)],
)
def test_petrarch_acronyms(word: str, acronym: bool) -> None:
    assert is_acronym(word) is acronym


@pytest.mark.parametrize(
    ("phrase", "kind"),
    [
        ("Pakistan", "name"),
        ("Pakistani", "adj"),  # our countries.tsv
        ("New Granadian", "adj"),  # by its ending
        ("Islamabad", "capital"),
        ("Herat", "name"),  # a town: names the country, not known as a capital
    ],
)
def test_petrarch_country_phrases_are_names_adjectives_or_capitals(phrase: str, kind: str) -> None:
    assert country_kind(phrase) == kind


@pytest.mark.parametrize(
    ("raw", "sector", "dropped", "problem"),
    [
        ("~GOV", "GOV", (), ""),
        ("~GOVMED", "GOV", ("MED",), ""),  # a compound code: its first, primary role
        ("~MED", "JRN", (), ""),
        ("NGO~", "NGO", (), ""),  # a type before the actor's code
        ("~ENV", None, (), "role we have no sector for"),
        ("~BUD", None, (), "religion, not a sector"),
        ("~GO", None, (), "malformed code"),
    ],
)
def test_petrarch_agent_codes_give_one_sector(
    raw: str, sector: str | None, dropped: tuple[str, ...], problem: str
) -> None:
    role = split_role(raw)
    assert (None if role.problem else role.sector, role.dropped, role.problem) == (
        sector,
        dropped,
        problem,
    )
