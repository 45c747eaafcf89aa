"""The verb and noun tables (:mod:`eventcoder.coding.patterns`): rows loaded, checked and indexed
by lemma; the CAMEO code classes the rules ask about. Users' verb files through ``load`` are
tested in test_pipeline.py and test_customise.py."""

from __future__ import annotations

from pathlib import Path

import pytest
from conftest import Parse

from eventcoder.coding.patterns import FLAGS, Match, PatternBook, is_request, is_topical
from eventcoder.errors import DataFileError
from eventcoder.ontology import get_ontology


def _book(tmp_path: Path, *rows: str) -> PatternBook:
    """The built-in patterns with ``rows`` added from a user's verbs file ``mine.tsv``."""
    path = tmp_path / "mine.tsv"
    path.write_text("".join(row + "\n" for row in rows), encoding="utf-8")
    return PatternBook(get_ontology(), [path])


def test_patterns_book_indexes_rows_by_lemma(book: PatternBook) -> None:
    for table in (book.verbs, book.nouns):
        assert table and all(p.lemma == lemma for lemma, rows in table.items() for p in rows)
    assert {p.cameo[:2] for p in book.verbs["attack"]} >= {"19"}
    assert len(book) == sum(map(len, book.verbs.values())) + sum(map(len, book.nouns.values()))
    assert "launch" in book.support_verbs
    assert book.intent["19"] == "138"  # wanting to fight is a threat of force


def test_patterns_row_columns_and_flags(tmp_path: Path) -> None:
    book = _book(tmp_path, "190\tThump\tup\tDoor|Gate\tat|on\tperson=111,alone=150,where")
    row = book.verbs["thump"][-1]
    assert (row.cameo, row.lemma, row.source) == ("190", "thump", "mine.tsv:1")
    assert (row.particles, row.objects, row.preps) == ({"up"}, {"door", "gate"}, {"at", "on"})
    # person= and alone= give codes, not flags
    assert (row.person_code, row.alone_code, row.flags) == ("111", "150", {"where"})
    assert not row.norecip


def test_patterns_user_rows_come_after_the_builtin_ones(tmp_path: Path) -> None:
    book = _book(tmp_path, "-\tattack\t-\tproblem\t-\tnorecip")
    *builtin, mine = book.verbs["attack"]
    assert builtin and all(p.source.startswith("verbs.tsv:") for p in builtin)
    assert (mine.source, mine.cameo, mine.norecip) == ("mine.tsv:1", "", True)  # a no-event row


@pytest.mark.parametrize(
    ("row", "message"),
    [
        ("190\tthump\t-\t-\t-\tperson=999", "mine.tsv, line 1: unknown CAMEO code '999'"),
        ("190\tthump\t-\t-\t-\talone=999", "mine.tsv, line 1: unknown CAMEO code '999'"),
        ("190\tthump\t-\t-\t-\tloud", "Known flags: " + ", ".join(sorted(FLAGS))),
        ("190\tthump\t-\t-\t-\tloud", "person=CODE, alone=CODE"),
    ],
)
def test_patterns_bad_row_names_file_line_and_fix(tmp_path: Path, row: str, message: str) -> None:
    with pytest.raises(DataFileError) as err:
        _book(tmp_path, row)
    assert message in str(err.value)


def test_patterns_missing_verbs_file(tmp_path: Path) -> None:
    with pytest.raises(DataFileError, match="no such file"):
        PatternBook(get_ontology(), [tmp_path / "none.tsv"])


@pytest.mark.parametrize(
    ("code", "asks", "topical"),
    [
        ("020", True, False),  # appeal
        ("100", True, False),  # demand
        ("010", False, True),  # statement
        ("046", False, True),  # talks
        ("064", False, True),  # sharing information
        ("061", False, False),  # economic cooperation
        ("190", False, False),
    ],
)
def test_patterns_code_classes(code: str, asks: bool, topical: bool) -> None:
    assert (is_request(code), is_topical(code)) == (asks, topical)


def test_patterns_match_code_is_the_rewritten_one(book: PatternBook, parse: Parse) -> None:
    p = parse("Iran attacked Iraq.")
    match = Match(p["attacked"], book.verbs["attack"][0], "verb")
    assert match.code == match.pattern.cameo
    match.cameo = "138"  # intent or modality rewrote it
    assert match.code == "138"
