"""PETRARCH/TABARI actor dictionaries converted to countries, actors and people rows."""

from __future__ import annotations

from pathlib import Path

import pytest

from eventcoder.petrarch import Conversion, convert

FIXTURES = Path(__file__).resolve().parent / "data" / "petrarch"


@pytest.fixture(scope="module")
def actors() -> Conversion:
    return convert([FIXTURES / "actors.txt"])


def test_petrarch_country_codes_become_countries_rows(actors: Conversion) -> None:
    assert actors.rows["countries"] == [
        {"iso3": "COL", "kind": "name", "phrase": "Colombia"},
        {"iso3": "COL", "kind": "adj", "phrase": "Colombian"},
        {"iso3": "COL", "kind": "adj", "phrase": "New Granadian"},
        {"iso3": "COL", "kind": "capital", "phrase": "Bogota"},
        {"iso3": "COL", "kind": "name", "phrase": "Macondo"},
        {"iso3": "MNE", "kind": "name", "phrase": "Montenegro"},
    ]


def test_petrarch_people_get_one_row_per_term_and_synonym(actors: Conversion) -> None:
    rows = [(r["name"], r["sector"], r["from"], r["to"]) for r in actors.rows["people"]]
    buendia = [r for r in rows if r[0] == "Aurelio Buendia"]
    assert buendia == [
        ("Aurelio Buendia", "ELI", "1931-01-01", "1962-08-06"),  # eight digits, then 19YY
        ("Aurelio Buendia", "GOV", "1962-08-07", "1970-08-07"),
        ("Aurelio Buendia", "MIL", "2005-01-01", None),  # >050101: 20YY, open end
        ("Aurelio Buendia", "REB", None, "1930-01-01"),  # <19300101
        ("Aurelio Buendia", "ELI", None, None),  # the default outside the terms
    ]
    assert len([r for r in rows if r[0] == "Colonel Aurelio Buendia"]) == 5  # the synonym
    assert ("Remedios Moscote", "GOV", "2002-01-01", "2003-12-31") in rows  # several codes
    assert ("Remedios Moscote", "JUD", "2004-01-01", "2004-12-31") in rows
    assert ("Remedios Moscote", "OPP", None, None) in rows
    # a null code adds nothing: no actor outside the term
    assert [r for r in rows if r[0] == "Jose Arcadio"] == [
        ("Jose Arcadio", "GOV", "1940-01-01", "1945-12-31")
    ]
    assert all(r["country"] == "COL" and r["role"] is None for r in actors.rows["people"])


@pytest.mark.parametrize(
    ("phrase", "code", "country", "sector", "kind", "period"),
    [
        ("Ministry of Solitude", "COLGOV", "COL", "GOV", "agency", (None, None)),
        ("Macondo Liberation Front", "COLREB", "COL", "REB", "group", (None, None)),
        ("MLF", "COLREB", "COL", "REB", "group", (None, None)),  # its parenthesised acronym
        ("Liberal Party of Macondo", "COLPTY", "COL", "PTY", "party", ("1900-01-01", "1902-12-31")),
        ("Organization of American States", "IGOAMROAS", None, "IGO", "igo", (None, None)),
        ("OAS", "IGOAMROAS", None, "IGO", "igo", (None, None)),  # initials of its name
        ("Watchers of Rights International", "NGOHRW", None, "NGO", "ngo", (None, None)),
        ("Red Hand Network", "IMGREB", None, "REB", "group", (None, None)),
        ("Banana Company", "MNCUSA", None, "BUS", "company", (None, None)),
        # a person with an international code keeps it, as an organisation row
        ("Pilar Ternera", "IGOAMROAS", None, "IGO", "igo", ("2010-01-01", "2014-12-31")),
        ("Red Hand", "COLREB", "COL", "REB", "group", (None, None)),  # "(MACONDO_CHAPTER)" left out
    ],
)
def test_petrarch_organisations_become_actors_rows(
    actors: Conversion,
    phrase: str,
    code: str,
    country: str | None,
    sector: str,
    kind: str,
    period: tuple[str | None, str | None],
) -> None:
    expected = {
        "phrase": phrase,
        "code": code,
        "country": country,
        "sector": sector,
        "kind": kind,
        "from": period[0],
        "to": period[1],
    }
    assert expected in actors.rows["actors"]


@pytest.mark.parametrize(
    ("line", "reason", "converted"),
    [
        (14, "not a country code of ours", False),  # YUGMNE
        (15, "date restriction left out", True),  # countries rows have no dates
        (28, "secondary role left out", True),  # COLGOVEDU
        (50, "not a country code of ours", False),  # WSTREB
        (51, "role we have no sector for", False),
        (52, "religion, not a sector", False),
        (53, "code part we do not know", False),
        (54, "code without a country", False),
        (55, "malformed code", False),
        (56, "no code", False),
        (57, "date restriction not readable", False),
        (58, "date restriction not readable", False),
        (59, "parenthesised part left out", True),
    ],
)
def test_petrarch_actor_entries_we_cannot_express_are_reported(
    actors: Conversion, line: int, reason: str, converted: bool
) -> None:
    assert (line, reason, converted) in {(n.line, n.reason, n.converted) for n in actors.notes}


def test_petrarch_actor_report_names_every_problem_once(actors: Conversion) -> None:
    assert len(actors.notes) == 13
    assert all(n.path.name == "actors.txt" and n.entry for n in actors.notes)


RULES = """\
BARACK_OBAMA_ [USAGOV 090120-170120] [USAELI]
+PRESIDENT_BARACK_OBAMA_
+US_PRESIDENT_OBAMA_
+MR_OBAMA_
THE_MACONDO_BANANA_COMPANY_ [COLBUS]
KOSOVO_PRIME_MINISTER_ [XKXGOV]
PAKISTAN_ [PAK]
+LAHORE_
+PAKISTAN_ISLAMIC_REPUBLIC_
SADDAM_ [IRQGOV 790716-030409]
"""


@pytest.fixture(scope="module")
def rules(tmp_path_factory: pytest.TempPathFactory) -> Conversion:
    path = tmp_path_factory.mktemp("petrarch") / "rules.actors.txt"
    path.write_text(RULES, encoding="utf-8")
    return convert([path])


def test_petrarch_titles_and_articles_are_left_to_the_text(rules: Conversion) -> None:
    # a title or country word before a name is read from the text; a phrase with it would
    # outmatch the name's own entry ("US President Bill Clinton" against "Bill Clinton")
    people = [(r["name"], r["sector"], r["from"]) for r in rules.rows["people"]]
    assert people == [("Barack Obama", "GOV", "2009-01-20"), ("Barack Obama", "ELI", None)]
    phrases = [r["phrase"] for r in rules.rows["actors"]]
    assert phrases == ["Macondo Banana Company", "Kosovo Prime Minister"]  # no name left: kept


def test_petrarch_towns_are_the_gazetteers_and_single_names_the_documents(
    rules: Conversion,
) -> None:
    # Lahore is a place the gazetteer finds (a protest "in Lahore" is not Pakistan's); an
    # unknown name of the country stays
    assert [r["phrase"] for r in rules.rows["countries"]] == [
        "Pakistan",
        "Pakistan Islamic Republic",
    ]
    reasons = {(n.reason, n.detail) for n in rules.notes}
    assert ("a town or region: the gazetteer's", "Lahore") in reasons
    # a single name is many people's ("Hussein"): not a dictionary phrase of its own
    assert ("a single name left to the document's memory", "Saddam") in reasons
