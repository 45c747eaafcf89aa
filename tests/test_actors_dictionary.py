"""The actor dictionary (eventcoder.actors.dictionary): loading the tables and the one pass
that finds their phrases in a Doc."""

from __future__ import annotations

import tempfile
from pathlib import Path

import pytest
from conftest import doc_actors
from spacy.language import Language

from eventcoder.actors import ActorDictionary, Dated, Entry, entry_code


def _found(nlp: Language, text: str) -> list[tuple[str, str, str | None]]:
    """(phrase, kind, country) of each dictionary phrase ``text`` holds."""
    doc, actors = doc_actors(nlp, text)
    return [(doc[m.start : m.end].text, m.entry.kind, m.entry.country) for m in actors.mentions]


@pytest.mark.parametrize(
    ("text", "found"),
    [
        # the longest phrase at each token
        ("The Government of Pakistan said so.", [("Government", "agent", None), ("Pakistan", "country", "PAK")]),
        ("The United States Congress voted.", [("United States Congress", "agency", "USA")]),
        # names keep their case: "us" is no country, "turkey" no Turkey
        ("They told us about the turkey.", []),
        ("The US and Turkey met.", [("US", "country", "USA"), ("Turkey", "country", "TUR")]),
        # role words match in any case and by the last word's lemma
        ("Prime Ministers met.", [("Prime Ministers", "agent", None)]),
    ],
)  # fmt: skip
def test_dictionary_match_finds_the_longest_phrase(
    nlp: Language, text: str, found: list[tuple[str, str, str | None]]
) -> None:
    assert _found(nlp, text) == found


def test_dictionary_entries_name_their_source(nlp: Language) -> None:
    _, actors = doc_actors(nlp, "Pakistan rejected the claim.")
    (mention,) = actors.mentions
    assert mention.entry.source.startswith("countries.tsv:")


def _entry(code: str, start: str | None = None, end: str | None = None) -> Entry:
    return Entry("person", "KGZ", code[3:], None, "Askar Akayev", code, date_from=start,
                 date_to=end)  # fmt: skip


# PETRARCH: ASKAR_AKAYEV_ [KGZELI 620101-901027] [KGZGOV 901027-050411] [KGZELI]
AKAYEV = [
    _entry("KGZELI", "1962-01-01", "1990-10-27"),
    _entry("KGZGOV", "1990-10-27", "2005-04-11"),
    _entry("KGZELI"),
]
# no entry without dates
OTUNBAYEVA = [_entry("KGZOPP", None, "2010-04-06"), _entry("KGZGOV", "2010-04-07", "2011-12-01")]


@pytest.mark.parametrize(
    ("entries", "date", "source"),
    [
        (AKAYEV, "1985-05-01", "KGZELI"),
        (AKAYEV, "1990-10-27", "KGZGOV"),  # in two ranges: the last listed
        (AKAYEV, "2005-04-11", "KGZGOV"),  # the last day is in
        (AKAYEV, "2005-04-12", "KGZELI"),  # in no range: the entry with none
        (AKAYEV, "1950-01-01", "KGZELI"),
        (AKAYEV, None, "KGZELI"),  # undated: the entry with no range
        (OTUNBAYEVA, "2005-01-01", "KGZOPP"),  # an open start
        (OTUNBAYEVA, "2011-01-01", "KGZGOV"),
        (OTUNBAYEVA, "2015-01-01", None),  # names no one then
        (OTUNBAYEVA, None, "KGZGOV"),  # undated: the range that ends last
        ([_entry("A", "2001-01-01"), _entry("B", "2001-01-01", "2002-01-01")], None, "A"),
        # the same end: the one that began later; the same range: the last listed
        ([_entry("A", "2001-01-01", "2002-01-01"), _entry("B", "2000-01-01", "2002-01-01")], None, "A"),
        ([_entry("A", "2001-01-01", "2002-01-01"), _entry("B", "2001-01-01", "2002-01-01")], None, "B"),
    ],
)  # fmt: skip
def test_dictionary_dated_entries_choose_by_date(
    entries: list[Entry], date: str | None, source: str | None
) -> None:
    meaning = Dated.of(entries)
    assert isinstance(meaning, Dated)
    found = meaning.at(date)
    assert (found.source if found else None) == source


def test_dictionary_undated_entries_are_one_entry() -> None:
    # the last of a file's undated entries for a phrase
    assert Dated.of([_entry("KGZGOV"), _entry("KGZELI")]) == _entry("KGZELI")


def _dictionary(nlp: Language, *texts: str, builtin: bool = False) -> ActorDictionary:
    paths = []
    for n, text in enumerate(texts):
        path = Path(tempfile.mkdtemp()) / f"file{n}.yaml"
        path.write_text(text, encoding="utf-8")
        paths.append(path)
    return ActorDictionary(lambda p: [t.text for t in nlp.tokenizer(p)], paths, builtin=builtin)


KG = """\
people:
  - {name: Askar Akayev, country: KGZ, sector: GOV, from: 1990-10-27, to: 2005-04-11}
  - {name: Askar Akayev, country: KGZ, sector: ELI}
  - {name: Kamchybek Tashiev, country: KGZ, sector: SPY, from: 2020-10-14}
  - {name: Almaz Tashiev, country: KGZ, sector: LEG}
  - {name: Omar Tashiev, country: KAZ, sector: GOV, from: 1999-01-01, to: 2000-01-01}
"""


@pytest.mark.parametrize(
    ("surname", "date", "code"),
    [
        ("Akayev", "2001-01-01", "KGZGOV"),
        ("Akayev", "2010-01-01", "KGZELI"),
        ("Akayev", None, "KGZELI"),
        ("Tashiev", "2010-01-01", "KGZLEG"),  # Kamchybek is not yet known
        ("Tashiev", "2021-01-01", "KGZ"),  # both: the country they share
        ("Tashiev", "1999-06-01", None),  # Almaz and Omar: different countries
        ("Tashiev", None, None),  # undated: all three
    ],
)
def test_dictionary_surnames_respect_dates(
    nlp: Language, surname: str, date: str | None, code: str | None
) -> None:
    found = _dictionary(nlp, KG).surname(surname, date)
    assert (entry_code(found.country, found.sector, found.code) if found else None) == code


def test_dictionary_a_later_file_replaces_every_entry_of_a_phrase(nlp: Language) -> None:
    later = "people:\n  - {name: Askar Akayev, country: KGZ, sector: OPP}\n"
    dictionary = _dictionary(nlp, KG, later)
    doc = nlp("Askar Akayev spoke.")
    for date in ("2001-01-01", "2010-01-01", None):
        (mention,) = dictionary.match(doc, date=date)
        assert (mention.entry.sector, mention.entry.source) == ("OPP", "file1.yaml:2")
    assert dictionary.surname("Akayev", "2001-01-01") == mention.entry


def test_dictionary_a_phrase_with_no_entry_at_the_date_is_not_matched(nlp: Language) -> None:
    dictionary = _dictionary(nlp, KG)
    doc = nlp("Kamchybek Tashiev spoke.")
    assert dictionary.match(doc, date="2010-01-01") == []
    assert [m.entry.sector for m in dictionary.match(doc, date="2021-01-01")] == ["SPY"]


def test_dictionary_user_files_alone(nlp: Language) -> None:
    dictionary = _dictionary(nlp, KG)
    assert dictionary.match(nlp("Pakistan and the army")) == []  # no built-in tables
    assert dictionary.surname("Modi") is None


@pytest.mark.parametrize(
    ("text", "date", "code"),
    [
        # PETRARCH's dated people (data/petrarch/people.tsv): Akayev was president 1990-2005
        ("Askar Akayev criticised Kazakhstan.", "2003-05-01", "KGZGOV"),
        ("Askar Akayev criticised Kazakhstan.", "2010-05-01", "KGZELI"),
        ("Askar Akayev criticised Kazakhstan.", None, "KGZELI"),  # the undated default
        # a title in the text says what the dictionary's default cannot ...
        ("President Askar Akayev criticised Kazakhstan.", None, "KGZGOV"),
        # ... unless it is a former one
        ("Former President Askar Akayev criticised Kazakhstan.", None, "KGZELI"),
        # our own office holders of 2021-2025 win over the imported tables
        ("Keir Starmer criticised Russia.", "2024-09-01", "GBRGOV"),
        # imported organisations, with the title left out of the phrase
        ("The Clinton Administration criticised Iraq.", "1995-01-01", "USAGOV"),
    ],
)
def test_dictionary_imported_petrarch_actors_by_date(
    nlp: Language, text: str, date: str | None, code: str
) -> None:
    import eventcoder

    (event,) = eventcoder.code(text, date=date, nlp=nlp)
    assert event.actor.code == code


def test_dictionary_imported_people_are_not_known_by_surname_alone(nlp: Language) -> None:
    # "Adoum Garoua" is a PETRARCH minister; Garoua alone is a town, not his surname
    doc, actors = doc_actors(nlp, "Protesters marched in Garoua.")
    assert [doc[m.start].text for m in actors.mentions] == ["Protesters"]
    assert nlp.get_pipe("eventcoder").dictionary.surname("Garoua") is None


def test_dictionary_builtin_tables_are_read_once_and_shared_safely(tmp_path: Path) -> None:
    import eventcoder
    from eventcoder.actors import dictionary

    mine = tmp_path / "mine.tsv"
    mine.write_text("phrase\tcode\tcountry\tsector\tkind\nPakistan\tXYZ\t-\t-\tgroup\n")
    before = len(dictionary._BUILTIN_ROWS)
    plain = eventcoder.load()
    assert len(dictionary._BUILTIN_ROWS) <= max(before, 1)  # the session's pipeline filled it
    user = eventcoder.load(actors=[mine])
    assert next(e.actor.code for e in eventcoder.code("Pakistan met India.", nlp=user)) == "XYZ"
    # the user's entry did not leak into the shared tables
    again = eventcoder.load()
    for nlp in (plain, again):
        assert next(e.actor.code for e in eventcoder.code("Pakistan met India.", nlp=nlp)) == "PAK"
