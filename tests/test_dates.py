"""Event dates: finding date mentions and resolving them against the article date (docs/dates.md)."""

from __future__ import annotations

import datetime as dt
import subprocess
import sys
from pathlib import Path

import pytest
from conftest import ARTICLE, DATA
from spacy.language import Language

from eventcoder.dates import DateMention, Vocabulary, find_dates, resolve_date
from eventcoder.errors import DataFileError, InputError
from eventcoder.tsv import read_tsv

CASES = list(read_tsv(DATA / "dates.tsv", ("sentence", "base", "text", "date", "precision")))


@pytest.mark.parametrize("row", CASES, ids=[f"line{row['_line']}" for row in CASES])
def test_dates_table(nlp: Language, row: dict[str, str | None]) -> None:
    doc = nlp(row["sentence"] or "")
    found = [(m.text, m.date, m.precision) for m in find_dates(doc, row["base"])]
    expected = [] if row["text"] is None else [(row["text"], row["date"], row["precision"])]
    assert found == expected


FRIDAY = dt.date(2016, 9, 9)
TUESDAY = dt.date(2015, 1, 27)


@pytest.mark.parametrize(
    ("text", "base", "expected"),
    [
        # a weekday on the base's own weekday is the base; "last" goes back a week
        ("Tuesday", TUESDAY, ("2015-01-27", "day")),
        ("on Tuesday night", TUESDAY, ("2015-01-27", "day")),
        ("last Tuesday", TUESDAY, ("2015-01-20", "day")),
        ("last Friday", TUESDAY, ("2015-01-23", "day")),
        ("next Tuesday", TUESDAY, ("2015-02-03", "day")),
        ("the weekend", FRIDAY, ("2016-09-03", "day")),
        # a day-month more than half a year after the base is last year's
        ("on 28 December", dt.date(2017, 1, 3), ("2016-12-28", "day")),
        ("in December", dt.date(2017, 1, 3), ("2016-12-01", "month")),
        ("December 25th", FRIDAY, ("2016-12-25", "day")),
        ("in March", FRIDAY, ("2016-03-01", "month")),
        ("last September", FRIDAY, ("2015-09-01", "month")),
        ("next March", FRIDAY, ("2017-03-01", "month")),
        # leap days
        ("29 February", dt.date(2016, 3, 2), ("2016-02-29", "day")),
        ("29 February 2016", None, ("2016-02-29", "day")),
        ("29 February 2017", FRIDAY, None),
        ("29 February", dt.date(2017, 3, 2), None),
        # relative expressions; coarser precision gives the first day of the period
        ("the day before yesterday", FRIDAY, ("2016-09-07", "day")),
        ("this morning", FRIDAY, ("2016-09-09", "day")),
        ("earlier this week", FRIDAY, ("2016-09-05", "week")),
        ("a fortnight ago", FRIDAY, ("2016-08-22", "week")),
        ("three months ago", dt.date(2016, 2, 10), ("2015-11-01", "month")),
        ("the end of last year", FRIDAY, ("2015-01-01", "year")),
        ("last month", dt.date(2016, 1, 15), ("2015-12-01", "month")),
        # explicit forms
        ("Thursday, September 8", FRIDAY, ("2016-09-08", "day")),
        ("8 Sept 2016", None, ("2016-09-08", "day")),
        ("Sept. 8, 2016", None, ("2016-09-08", "day")),
        ("2016-09-08", None, ("2016-09-08", "day")),
        ("7-8 September", FRIDAY, ("2016-09-07", "day")),
        ("March of 2015", None, ("2015-03-01", "month")),
        ("early 2015", None, ("2015-01-01", "year")),
        # no base: relative expressions and dates without a year do not resolve
        ("yesterday", None, None),
        ("last Tuesday", None, None),
        ("8 September", None, None),
        ("in March", None, None),
        # a datetime base counts as its date
        ("yesterday", dt.datetime(2016, 9, 9, 23, 30), ("2016-09-08", "day")),
    ],
)
def test_dates_resolve(text: str, base: dt.date | None, expected: tuple[str, str] | None) -> None:
    assert resolve_date(text, base) == expected


@pytest.mark.parametrize(
    "text",
    [
        "two days", "the last two days", "for years", "weekly", "annual", "decades", "hours",
        "a day after", "the next day", "the previous day", "the 14th", "60-year-old",
        "the 1990s", "8/9/2016", "2015-16", "1947, 1965 and 1971", "10 a.m.", "evening",
        "a few days ago", "the end of the month", "next morning", "2000 GMT", "1300",
        "100000 years ago", "9999999 days ago",
    ],
)  # fmt: skip
def test_dates_not_a_point_in_time(text: str) -> None:
    assert resolve_date(text, FRIDAY) is None


def test_dates_fallback_reads_other_forms_and_checks_them() -> None:
    # dateparser reads the time of day that our rules do not
    assert resolve_date("Sept. 8th, 2016 at 10pm", FRIDAY) == ("2016-09-08", "day")
    assert resolve_date("10 a.m. Thursday", FRIDAY) == ("2016-09-08", "day")
    # its reading of "Thursday the 8th" is 9 August, a Tuesday: refused
    assert resolve_date("Thursday the 8th", FRIDAY) is None
    # it takes a missing day from the base; the precision stays what the text gives
    assert resolve_date("2016 at noon", FRIDAY) == ("2016-01-01", "year")
    assert resolve_date("March 2015 at noon", FRIDAY) == ("2015-03-01", "month")


def test_dates_article(nlp: Language) -> None:
    doc = nlp(ARTICLE.read_text(encoding="utf-8"))
    sentences = list(doc.sents)
    modi = next(s for s in sentences if s.text.startswith("Speaking at the 14th"))
    found = find_dates(modi, "2016-09-09")
    assert [(m.text, m.date, m.precision) for m in found] == [("yesterday", "2016-09-08", "day")]
    assert doc[found[0].token].text == "yesterday"
    assert doc.text[found[0].start : found[0].end] == "yesterday"
    two_days = next(s for s in sentences if "the last two days" in s.text)
    assert find_dates(two_days, "2016-09-09") == []
    # the whole doc gives the same as its sentences
    assert find_dates(doc, "2016-09-09") == [
        m for s in sentences for m in find_dates(s, "2016-09-09")
    ]


def test_dates_offsets_leave_out_prepositions(nlp: Language) -> None:
    doc = nlp("Police said the strike came on the 12th of December. Rebels struck on Tuesday.")
    second = list(doc.sents)[1]
    [mention] = find_dates(second, dt.date(2016, 12, 16))
    assert (mention.text, mention.date) == ("Tuesday", "2016-12-13")
    assert doc.text[mention.start : mention.end] == "Tuesday"
    assert doc[mention.token].text == "Tuesday"
    [first] = find_dates(doc[:11], dt.date(2016, 12, 16))
    assert first.text == "12th of December"
    assert doc.text[first.start : first.end] == "12th of December"


def test_dates_mention_to_dict() -> None:
    mention = DateMention("yesterday", 10, 19, 2, "2016-09-08", "day")
    assert mention.to_dict() == {
        "text": "yesterday", "start": 10, "end": 19, "token": 2, "date": "2016-09-08",
        "precision": "day",
    }  # fmt: skip


def test_dates_bad_base_is_an_input_error(nlp: Language) -> None:
    with pytest.raises(InputError, match="must be YYYY-MM-DD"):
        find_dates(nlp("Rebels struck yesterday."), "9 September 2016")


def test_dates_vocabulary_errors_name_the_line(tmp_path: Path) -> None:
    path = tmp_path / "dates.tsv"
    path.write_text("# words\njanuary\tmonth\t1\nfoo\tnoun\t-\n", encoding="utf-8")
    with pytest.raises(DataFileError, match=r"line 3: unknown date-word kind 'noun'"):
        Vocabulary(path)
    path.write_text("fortnight\tunit\ttwo weeks\n", encoding="utf-8")
    with pytest.raises(DataFileError, match=r"line 1: 'fortnight' of kind 'unit' needs"):
        Vocabulary(path)


def test_dates_loading_does_not_import_dateparser() -> None:
    code = (
        "import sys, eventcoder, eventcoder.dates as d; d.resolve_date('last Tuesday', None); "
        "print('dateparser' in sys.modules)"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "False"
