"""What each event carries about its article, the background flag, dating by publication."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pyarrow.parquet as pq
import pytest
from spacy.language import Language

from eventcoder.errors import InputError
from eventcoder.io.readers import Article
from eventcoder.io.writers import QuoteWriter
from eventcoder.pipeline import pipe
from eventcoder.provenance import (
    BACKGROUND_DAYS,
    date_events,
    dated_by_publication,
    is_background,
    period_end,
    stamp,
)
from eventcoder.quotes import Quote
from eventcoder.records import Actor, Event, Trigger


def _event(date: str | None = "2016-09-08", precision: str | None = "day") -> Event:
    pak = Actor("Pakistan", "PAK", "PAK", None)
    return Event(
        "a1-0", "a1", 0, date, pak, None, "ACCUSE", None, None, "112", "11", 3, -2.0,
        Trigger("accused", 9, 16), "Pakistan accused India.", True, False, "verbs.tsv:1",
        date_text="yesterday", date_precision=precision,
    )  # fmt: skip


@pytest.mark.parametrize(
    "date, precision, published, expected",
    [
        ("1990-01-01", "year", "2016-09-09", True),  # "in 1990"
        ("2016-09-08", "day", "2016-09-09", False),  # "yesterday"
        ("2016-08-10", "day", "2016-09-09", False),  # 30 days: not more than BACKGROUND_DAYS
        ("2016-08-09", "day", "2016-09-09", True),  # 31 days
        ("2016-08-01", "month", "2016-09-09", False),  # "last month" ends 31 August
        ("2016-03-01", "month", "2016-09-09", True),  # "in March"
        ("2016-08-29", "week", "2016-09-09", False),  # "last week"
        ("2015-01-01", "year", "2016-01-20", False),  # "last year" may be last December
        ("2015-01-01", "year", "2016-09-09", True),
        ("2016-12-25", "day", "2016-09-09", False),  # a plan, not a memory
        ("2016-09-08", "day", None, None),  # no publication date: cannot tell
        (None, None, "2016-09-09", None),
    ],
)
def test_provenance_is_background(
    date: str | None, precision: str | None, published: str | None, expected: bool | None
) -> None:
    assert BACKGROUND_DAYS == 30
    assert is_background(date, precision, published) is expected


@pytest.mark.parametrize(
    "start, precision, end",
    [
        ("2016-02-01", "month", "2016-02-29"),
        ("2016-12-01", "month", "2016-12-31"),
        ("2016-08-29", "week", "2016-09-04"),
        ("1990-01-01", "year", "1990-12-31"),
        ("2016-09-08", "day", "2016-09-08"),
        ("2016-09-08", None, "2016-09-08"),
    ],
)
def test_provenance_period_end(start: str, precision: str | None, end: str) -> None:
    assert period_end(dt.date.fromisoformat(start), precision) == dt.date.fromisoformat(end)


def test_provenance_stamp_copies_the_article_fields() -> None:
    event = _event("1990-01-01", "year")
    meta = {"date": "2016-09-09T08:30:00Z", "source": "Dawn", "url": "https://dawn.com/a1"}
    stamp([event], meta)
    assert (event.publication_date, event.source, event.url, event.title) == (
        "2016-09-09", "Dawn", "https://dawn.com/a1", None
    )  # fmt: skip
    assert event.is_background is True
    record = event.to_dict()
    assert record["publication_date"] == "2016-09-09" and record["is_background"] is True


def test_provenance_dating_by_publication() -> None:
    event = _event()
    stamp([event], {"date": "2016-09-09"})
    (dated,) = date_events([event], "publication")
    assert (dated.date, dated.date_text, dated.date_precision) == ("2016-09-09", None, "day")
    assert (event.date, event.date_text) == ("2016-09-08", "yesterday")  # a copy, not a change
    assert date_events([event], "event") == [event]
    undated = _event()
    stamp([undated], {})
    assert dated_by_publication(undated).date == "2016-09-08"  # no publication date to use
    with pytest.raises(InputError, match="Cannot date events by 'story'"):
        date_events([event], "story")


def test_provenance_pipeline_stamps_every_event(nlp: Language) -> None:
    article = Article(
        id="k1",
        text="Pakistan accused India of sponsoring terrorism on Thursday. In 1990 Iraq invaded "
        "Kuwait.",
        date="2016-09-09",
        url="https://www.dawn.com/k1",
        title="Pakistan and India",
        source="Dawn",
    )
    (doc,) = pipe(nlp, [article])
    events = {e.cameo: e for e in doc._.events}
    accusation, invasion = events["112"], events["192"]
    for event in (accusation, invasion):
        assert (event.publication_date, event.source, event.url, event.title) == (
            "2016-09-09", "Dawn", "https://www.dawn.com/k1", "Pakistan and India"
        )  # fmt: skip
    assert (accusation.date, accusation.is_background) == ("2016-09-08", False)
    assert (invasion.date, invasion.date_precision, invasion.is_background) == (
        "1990-01-01", "year", True
    )  # fmt: skip


def test_provenance_quote_parquet_dates_are_typed(tmp_path: Path) -> None:
    quote = Quote(0, "We will respond.", 0, 16, True, "said", None, 0, "a1", "2016-09-08")
    out = tmp_path / "quotes.parquet"
    with QuoteWriter(out) as writer:
        writer.write([quote])
    table = pq.read_table(out)
    assert str(table.schema.field("date").type) == "date32[day]"
    assert table.column("date").to_pylist() == [dt.date(2016, 9, 8)]
