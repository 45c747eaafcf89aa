"""The actor tables (eventcoder.actors.tables): every row, built-in or a user's, is checked and
an error names the file, the line and the reason."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from spacy.language import Language

import eventcoder
from eventcoder.actors import ActorDictionary
from eventcoder.actors.tables import (
    BUILTIN,
    ORG_KINDS,
    READERS,
    country_codes,
    country_entries,
    org_entries,
    read_rows,
)
from eventcoder.errors import DataFileError
from eventcoder.tsv import data_path


@pytest.mark.parametrize(
    ("section", "name"), [(section, name) for section in BUILTIN for name in BUILTIN[section]]
)
def test_tables_builtin_tables_pass_every_check(section: str, name: str) -> None:
    path = data_path(name)
    entries = list(READERS[section](path, read_rows(section, path)))
    assert len(entries) > 100
    for _, entry in entries:
        assert entry.country is None or entry.country in country_codes()
        if section == "actors":
            assert entry.kind in ORG_KINDS


def test_tables_country_codes_are_iso_alpha3() -> None:
    codes = country_codes()
    assert {"PAK", "USA", "PSE", "SSD", "XKX"} <= codes
    assert not {"FRD", "EUR", "IGO", "pak", "PK"} & codes


ORGS = "Freedonia Front\t-\t{country}\tREB\t{kind}\t{start}\t{end}\n"
PEOPLE = "name\tcountry\tsector\trole\tfrom\tto\nRufus T. Firefly\t{country}\tGOV\tleader\t{start}\t{end}\n"
CASES = [
    # (file name, text, message after "<file>, line <n>: ")
    ("mine.tsv", ORGS.format(country="USA", kind="country", start="-", end="-"),
     "line 1: unknown actor kind 'country'. Use one of: igo, group, agency, party, ngo, media, "
     "company. A country's name, adjective or capital is a countries row"),
    ("mine.tsv", ORGS.format(country="FRD", kind="group", start="-", end="-"),
     "line 1: country 'FRD' is not an ISO 3166 alpha-3 country code"),
    ("mine.tsv", ORGS.format(country="usa", kind="group", start="-", end="-"),
     "line 1: country 'usa' is not an ISO 3166 alpha-3 country code"),
    ("mine.tsv", ORGS.format(country="USA", kind="group", start="2005-13-01", end="-"),
     "line 1: 'from' must be a date YYYY-MM-DD (or - for an open end), got '2005-13-01'"),
    ("mine.tsv", ORGS.format(country="USA", kind="group", start="-", end="050411"),
     "line 1: 'to' must be a date YYYY-MM-DD (or - for an open end), got '050411'"),
    ("mine.tsv", ORGS.format(country="USA", kind="group", start="2010-01-01", end="2005-04-11"),
     "line 1: the entry's range ends (2005-04-11) before it begins (2010-01-01)"),
    ("mine.tsv", PEOPLE.format(country="FRD", start="-", end="-"),
     "line 2: country 'FRD' is not an ISO 3166 alpha-3 country code"),
    ("mine.tsv", PEOPLE.format(country="USA", start="1933", end="-"),
     "line 2: 'from' must be a date YYYY-MM-DD (or - for an open end), got '1933'"),
    ("mine.tsv", "iso3\tkind\tphrase\nFRD\tname\tFreedonia\n",
     "line 2: iso3 'FRD' is not an ISO 3166 alpha-3 country code"),
    ("mine.tsv", "iso3\tkind\tphrase\nUSA\tdemonym\tYankees\n",
     "line 2: unknown country-phrase kind 'demonym'. Use name (Pakistan), adj"),
    ("mine.yaml", "countries:\n  - {iso3: FRD, kind: name, phrase: Freedonia}\n",
     "line 2: iso3 'FRD' is not an ISO 3166 alpha-3 country code"),
    ("mine.yaml", "countries:\n  - {iso3: USA, kind: nation, phrase: the States}\n",
     "line 2: unknown country-phrase kind 'nation'"),
    ("mine.yaml", "actors:\n  - {phrase: Freedonia Front, code: USAREB, country: USA, kind: militia}\n",
     "line 2: unknown actor kind 'militia'"),
    ("mine.yaml", "actors:\n\n  - {phrase: Freedonia Front, code: FRDREB, country: FRD}\n",
     "line 3: country 'FRD' is not an ISO 3166 alpha-3 country code"),
    ("mine.yaml", "actors:\n  - {phrase: Freedonia Front, code: USAXYZ, country: USA, sector: XYZ}\n",
     "line 2: unknown sector 'XYZ'"),
    ("mine.yaml", "people:\n  - {name: Rufus T. Firefly, country: USA, sector: GOV, from: 1933/01/01}\n",
     "line 2: 'from' must be a date YYYY-MM-DD (or - for an open end), got '1933/01/01'"),
    ("mine.yaml", "people:\n  - {name: Rufus T. Firefly, country: USA, sector: GOV, from: 1934-01-01, to: 1933-01-01}\n",
     "line 2: the entry's range ends (1933-01-01) before it begins (1934-01-01)"),
    ("mine.yaml", "people:\n  - {name: Rufus T. Firefly, country: USA, sector: KING}\n",
     "line 2: unknown sector 'KING'"),
    ("mine.yaml", "agents:\n  - {phrase: narcos, sector: XYZ}\n", "line 2: unknown sector 'XYZ'"),
]  # fmt: skip


@pytest.mark.parametrize(("name", "text", "message"), CASES, ids=[c[2][:50] for c in CASES])
def test_tables_errors_name_file_line_and_reason(
    nlp: Language, tmp_path: Path, name: str, text: str, message: str
) -> None:
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    with pytest.raises(DataFileError) as err:
        ActorDictionary(lambda phrase: [t.text for t in nlp.tokenizer(phrase)], [path])
    assert str(err.value).startswith(f"{path}, {message}"), str(err.value)


def test_tables_load_reports_a_bad_user_row(tmp_path: Path) -> None:
    path = tmp_path / "mine.yaml"
    path.write_text("people:\n  - {name: Rufus T. Firefly, country: FRD, sector: GOV}\n")
    with pytest.raises(DataFileError, match=re.escape("mine.yaml, line 2: country 'FRD'")):
        eventcoder.load(actors=[path])


def test_tables_org_kind_defaults_to_agency() -> None:
    rows = [{"phrase": "Freedonia Front", "code": None, "country": "USA", "sector": "GOV",
             "kind": None, "from": None, "to": None, "_line": "1"}]  # fmt: skip
    ((_, entry),) = org_entries(Path("mine.tsv"), rows)
    assert (entry.kind, entry.source) == ("agency", "mine.tsv:1")


def test_tables_a_countries_row_must_name_a_phrase() -> None:
    rows = [{"iso3": "USA", "kind": "name", "phrase": None, "_line": "2"}]
    with pytest.raises(DataFileError, match=re.escape("line 2: the phrase is empty")):
        list(country_entries(Path("mine.tsv"), rows))


@pytest.mark.parametrize(
    ("rows", "elsewhere", "ranged"),
    [
        # the same name in another country, no dates: a name several countries' bodies bear
        (
            [("PAK", None), ("BGD", None), ("IND", None)],
            [(), ("BGD",), ("BGD", "IND")],
            [False] * 3,
        ),
        # with dates: date variants, not other countries
        ([("PAK", None), ("BGD", "2001-01-01")], [(), ()], [False, True]),
    ],
)
def test_tables_same_name_other_country_or_other_dates(
    rows: list[tuple[str, str | None]], elsewhere: list[tuple[str, ...]], ranged: list[bool]
) -> None:
    table = [{"phrase": "Jamaat", "code": None, "country": c, "sector": "PTY", "kind": "party",
              "from": start, "to": None, "_line": str(n)} for n, (c, start) in enumerate(rows, 1)]  # fmt: skip
    entries = [e for _, e in org_entries(Path("mine.tsv"), table)]
    assert [e.elsewhere for e in entries] == elsewhere
    assert [e.ranged for e in entries] == ranged
