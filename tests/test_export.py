"""Exporting the store: merging repeated events, GDELT 2.0 tables, PLOVER JSONL, Parquet, CSV.

No NLP here: the stores are built from hand-made records with ``Store.write``.
"""

from __future__ import annotations

import hashlib
import json
from datetime import UTC, date, datetime
from pathlib import Path
from typing import Any

import duckdb
import pytest

from eventcoder.errors import InputError
from eventcoder.export import (
    GDELT_EVENT_COLUMNS,
    GDELT_MENTION_COLUMNS,
    MENTION_FIELDS,
    MERGED_COLUMNS,
    STORED_COLUMNS,
    export,
    mentions_path,
    merged_events,
)
from eventcoder.io.readers import Article
from eventcoder.records import Actor, Event, Trigger
from eventcoder.store import Store

DAY = "2016-09-09"
SENTENCE = "Pakistan accused India of sponsoring terrorism."
NAMES = {"PAK": "Pakistan", "IND": "India", "IGO": "United Nations", "NGO": "Human Rights Watch"}


def _actor(code: str, start: int = 0, kind: str = "country") -> Actor:
    prefix = code[:3]
    country = None if prefix in ("IGO", "NGO", "IMG", "---") else prefix
    text = NAMES.get(prefix, "the rebels")
    return Actor(
        text, code, country, code[3:] or None, start=start, end=start + len(text), kind=kind
    )


def _event(
    doc_id: str,
    n: int = 0,
    date: str | None = DAY,
    actor: str = "PAKGOV",
    recipient: str | None = "INDGOV",
    cameo: str = "112",
    negated: bool = False,
    actor_kind: str = "country",
) -> Event:
    """One event of the story 'Pakistan accused India', varied by the arguments."""
    return Event(
        event_id=f"{doc_id}-{n}",
        doc_id=doc_id,
        sentence_index=n,
        date=date,
        actor=_actor(actor, kind=actor_kind),
        recipient=_actor(recipient, start=18) if recipient else None,
        event_type="ACCUSE",
        mode="allege",
        context="crime;corruption",
        cameo=cameo,
        cameo_root=cameo[:2],
        quad_class=3,
        goldstein=-2.0,
        trigger=Trigger("accused", 9, 16),
        sentence=SENTENCE,
        is_root=True,
        negated=negated,
        pattern="verbs.tsv:1",
    )


def _article(doc_id: str, source: str | None = "dawn", date: str | None = DAY) -> Article:
    url = f"https://www.{source}.com/{doc_id}" if source else None
    return Article(id=doc_id, text=SENTENCE, date=date, url=url, source=source)


def _store(tmp_path: Path, coded: list[tuple[Article, list[Event]]]) -> Path:
    db = tmp_path / "events.duckdb"
    with Store(db) as store:
        store.write(coded)
    return db


def _three_articles(tmp_path: Path) -> Path:
    """The same accusation in three articles from two sources, plus one other event."""
    return _store(
        tmp_path,
        [
            (_article("a1", "dawn"), [_event("a1")]),
            (_article("a2", "dawn"), [_event("a2", 1)]),
            (_article("a3", "reuters"), [_event("a3", 2), _event("a3", 3, cameo="0841")]),
        ],
    )


def _merged(db: Path, window_days: int = 1) -> list[dict[str, Any]]:
    with duckdb.connect(str(db), read_only=True) as con:
        rel = merged_events(con, window_days)
        return [dict(zip(rel.columns, row, strict=True)) for row in rel.fetchall()]


def _tsv(path: Path) -> list[list[str]]:
    return [line.split("\t") for line in path.read_text(encoding="utf-8").splitlines()]


def test_export_merges_story_from_three_articles(tmp_path: Path) -> None:
    rows = _merged(_three_articles(tmp_path))
    assert len(rows) == 2
    story = next(r for r in rows if r["cameo"] == "112")
    assert (story["num_mentions"], story["num_articles"], story["num_sources"]) == (3, 3, 2)
    assert [m["doc_id"] for m in story["mentions"]] == ["a1", "a2", "a3"]
    assert story["mentions"][2]["sentence_index"] == 2
    assert story["mentions"][0]["sentence"] == SENTENCE
    assert story["source_url"] == "https://www.dawn.com/a1"
    assert story["date"] == date.fromisoformat(DAY)
    assert (story["actor_code"], story["actor_country"], story["actor_text"]) == (
        "PAKGOV", "PAK", "Pakistan"
    )  # fmt: skip
    assert story["is_root"] is True


def test_export_merged_columns(tmp_path: Path) -> None:
    with duckdb.connect(str(_three_articles(tmp_path)), read_only=True) as con:
        rel = merged_events(con)
        assert tuple(rel.columns) == MERGED_COLUMNS
        mentions = rel.fetchall()[0][-1]
    assert tuple(mentions[0]) == MENTION_FIELDS


def test_export_source_falls_back_to_document(tmp_path: Path) -> None:
    # Documents without a source count as one source each.
    db = _store(tmp_path, [(_article(d, None), [_event(d)]) for d in ("a1", "a2")])
    (row,) = _merged(db)
    assert (row["num_sources"], row["num_articles"]) == (2, 2)
    assert row["source_url"] == "a1"


@pytest.mark.parametrize(
    "other",
    [
        {"cameo": "0841"},
        {"recipient": "USAGOV"},
        {"date": "2016-09-10"},
        {"actor": "PAKMIL"},
        {"recipient": None},
        {"date": None},
    ],
)
def test_export_does_not_merge_other_events(tmp_path: Path, other: dict[str, Any]) -> None:
    db = _store(
        tmp_path, [(_article("a1"), [_event("a1")]), (_article("a2"), [_event("a2", **other)])]
    )
    assert [r["num_mentions"] for r in _merged(db)] == [1, 1]


def test_export_null_recipients_merge_with_each_other_only(tmp_path: Path) -> None:
    db = _store(
        tmp_path,
        [
            (_article("a1"), [_event("a1", recipient=None)]),
            (_article("a2"), [_event("a2", recipient=None), _event("a2", 1)]),
        ],
    )
    counts = {r["recipient_code"]: r["num_mentions"] for r in _merged(db)}
    assert counts == {None: 2, "INDGOV": 1}


def test_export_null_dates_merge_with_each_other_only(tmp_path: Path) -> None:
    db = _store(
        tmp_path,
        [
            (_article("a1", date=None), [_event("a1", date=None)]),
            (_article("a2", date=None), [_event("a2", date=None)]),
            (_article("a3"), [_event("a3")]),
        ],
    )
    rows = _merged(db)
    assert [(r["date"], r["num_mentions"]) for r in rows] == [
        (date.fromisoformat(DAY), 1),
        (None, 2),
    ]


@pytest.mark.parametrize(
    "window, days, merged",
    [
        (1, ("2016-09-08", "2016-09-09"), False),
        (2, ("2016-09-08", "2016-09-09"), True),  # both in the window 2016-09-08..09
        (2, ("2016-09-09", "2016-09-10"), False),  # fixed windows: they straddle a boundary
        (7, ("2016-09-08", "2016-09-14"), True),
    ],
)
def test_export_window_merges_nearby_days(
    tmp_path: Path, window: int, days: tuple[str, str], merged: bool
) -> None:
    db = _store(
        tmp_path,
        [(_article(f"a{k}", date=d), [_event(f"a{k}", date=d)]) for k, d in enumerate(days)],
    )
    rows = _merged(db, window)
    assert len(rows) == (1 if merged else 2)
    if merged:
        assert (rows[0]["date"], rows[0]["end_date"]) == tuple(map(date.fromisoformat, days))


def test_export_negated_events_are_not_merged(tmp_path: Path) -> None:
    db = _store(tmp_path, [(_article("a1"), [_event("a1"), _event("a1", 1, negated=True)])])
    assert [r["num_mentions"] for r in _merged(db)] == [1]


def test_export_global_event_id_is_sha1_of_group_key(tmp_path: Path) -> None:
    rows = _merged(_three_articles(tmp_path))
    story = next(r for r in rows if r["cameo"] == "112")
    bucket = (datetime.fromisoformat(DAY) - datetime(1970, 1, 1)).days
    key = json.dumps(
        ["1", "event", str(bucket), "day", "PAKGOV", "INDGOV", "112"], separators=(",", ":")
    )
    expected = int(hashlib.sha1(key.encode()).hexdigest()[:16], 16) & (2**63 - 1)
    assert story["global_event_id"] == expected
    assert _merged(tmp_path / "events.duckdb") == rows  # the same ids and order on a re-read


def test_export_gdelt_columns_follow_the_codebook() -> None:
    cols = GDELT_EVENT_COLUMNS
    assert len(cols) == 61 and len(set(cols)) == 61
    positions = {
        "GLOBALEVENTID": 0, "FractionDate": 4, "Actor2Code": 15, "Actor2Type3Code": 24,
        "IsRootEvent": 25, "EventCode": 26, "GoldsteinScale": 30, "NumArticles": 33,
        "AvgTone": 34, "Actor1Geo_Type": 35, "Actor1Geo_ADM2Code": 39, "Actor2Geo_Type": 43,
        "ActionGeo_Type": 51, "ActionGeo_FeatureID": 58, "DATEADDED": 59, "SOURCEURL": 60,
    }  # fmt: skip
    assert {c: cols.index(c) for c in positions} == positions
    assert len(GDELT_MENTION_COLUMNS) == 16


def test_export_gdelt_has_61_columns_and_reads_back(tmp_path: Path) -> None:
    db = _three_articles(tmp_path)
    out = tmp_path / "events.tsv"
    assert export(db, "gdelt", out) == {"events": 2, "mentions": 4}
    lines = _tsv(out)
    assert len(lines) == 2 and all(len(line) == 61 for line in lines)

    table = duckdb.read_csv(str(out), delimiter="\t", header=False)
    assert len(table.columns) == 61
    ids = [row[0] for row in table.fetchall()]
    assert len(ids) == 2
    again = tmp_path / "again.tsv"
    export(db, "gdelt", again)
    assert [
        row[0] for row in duckdb.read_csv(str(again), delimiter="\t", header=False).fetchall()
    ] == ids
    assert ids == [r["global_event_id"] for r in _merged(db)]

    story = dict(zip(GDELT_EVENT_COLUMNS, lines[0], strict=True))
    coded_at = datetime.now(UTC).strftime("%Y%m%d")
    assert story == {
        **dict.fromkeys(GDELT_EVENT_COLUMNS, ""),
        "GLOBALEVENTID": str(ids[0]), "SQLDATE": "20160909", "MonthYear": "201609",
        "Year": "2016", "FractionDate": "2016.6932",
        "Actor1Code": "PAKGOV", "Actor1Name": "PAKISTAN", "Actor1CountryCode": "PAK",
        "Actor1Type1Code": "GOV",
        "Actor2Code": "INDGOV", "Actor2Name": "INDIA", "Actor2CountryCode": "IND",
        "Actor2Type1Code": "GOV",
        "IsRootEvent": "1", "EventCode": "112", "EventBaseCode": "112", "EventRootCode": "11",
        "QuadClass": "3", "GoldsteinScale": "-2.0",
        "NumMentions": "3", "NumSources": "2", "NumArticles": "3",
        "Actor1Geo_Type": "0", "Actor2Geo_Type": "0", "ActionGeo_Type": "0",
        "DATEADDED": story["DATEADDED"], "SOURCEURL": "https://www.dawn.com/a1",
    }  # fmt: skip
    assert story["DATEADDED"][:8] == coded_at and len(story["DATEADDED"]) == 14
    assert dict(zip(GDELT_EVENT_COLUMNS, lines[1], strict=True))["EventBaseCode"] == "084"


def test_export_gdelt_mentions_table(tmp_path: Path) -> None:
    db = _store(
        tmp_path,
        [
            (_article("a1"), [_event("a1", 2)]),
            (_article("a2", None), [_event("a2", actor_kind="pronoun")]),
            (_article("a3"), [_event("a3", recipient=None)]),
        ],
    )
    out = tmp_path / "events.tsv"
    assert export(db, "gdelt", out) == {"events": 2, "mentions": 3}
    events = {line[0]: line for line in _tsv(out)}
    rows = [
        dict(zip(GDELT_MENTION_COLUMNS, line, strict=True))
        for line in _tsv(tmp_path / "events.mentions.tsv")
    ]
    assert len(rows) == 3
    assert {r["GLOBALEVENTID"] for r in rows} == set(events)
    table = duckdb.read_csv(str(tmp_path / "events.mentions.tsv"), delimiter="\t", header=False)
    assert len(table.columns) == 16

    by_doc = {r["MentionIdentifier"]: r for r in rows}
    first = by_doc["https://www.dawn.com/a1"]
    assert (first["MentionSourceName"], first["SentenceID"], first["MentionType"]) == (
        "dawn",
        "3",
        "1",
    )
    assert (first["Actor1CharOffset"], first["Actor2CharOffset"], first["ActionCharOffset"]) == (
        "0",
        "18",
        "9",
    )
    assert (first["InRawText"], first["Confidence"], first["MentionDocLen"]) == ("1", "100", "")
    assert first["EventTimeDate"] == events[first["GLOBALEVENTID"]][59]
    assert first["MentionTimeDate"] == "20160909000000"  # the article's publication day
    assert (by_doc["a2"]["MentionSourceName"], by_doc["a2"]["InRawText"]) == ("", "0")
    assert by_doc["https://www.dawn.com/a3"]["Actor2CharOffset"] == "-1"


@pytest.mark.parametrize(
    "code, group",
    [("IGOUNO", "UNO"), ("NGOHRW", "HRW"), ("IMGREB", ""), ("PAKGOV", ""), ("---REB", "")],
)
def test_export_gdelt_known_group_code(tmp_path: Path, code: str, group: str) -> None:
    db = _store(tmp_path, [(_article("a1"), [_event("a1", actor=code)])])
    out = tmp_path / "events.tsv"
    export(db, "gdelt", out)
    (line,) = _tsv(out)
    row = dict(zip(GDELT_EVENT_COLUMNS, line, strict=True))
    assert (row["Actor1Code"], row["Actor1KnownGroupCode"]) == (code, group)


def test_export_gdelt_text_with_tabs_and_quotes_stays_one_row(tmp_path: Path) -> None:
    event = _event("a1")
    event.actor.text = 'the\t"Pakistani"\ngovernment'
    event.actor.country = None
    db = _store(tmp_path, [(_article("a1"), [event])])
    out = tmp_path / "events.tsv"
    export(db, "gdelt", out)
    assert [len(line) for line in _tsv(out)] == [61]
    (row,) = duckdb.read_csv(str(out), delimiter="\t", header=False).fetchall()
    assert row[GDELT_EVENT_COLUMNS.index("Actor1Name")] == 'THE "PAKISTANI" GOVERNMENT'


def test_export_gdelt_undated_events_take_the_coded_date(tmp_path: Path) -> None:
    db = _store(tmp_path, [(_article("a1", date=None), [_event("a1", date=None)])])
    out = tmp_path / "events.tsv"
    export(db, "gdelt", out)
    (line,) = _tsv(out)
    row = dict(zip(GDELT_EVENT_COLUMNS, line, strict=True))
    assert row["SQLDATE"] == row["DATEADDED"][:8]


def test_export_plover_jsonl_carries_mentions(tmp_path: Path) -> None:
    db = _three_articles(tmp_path)
    out = tmp_path / "events.jsonl"
    assert export(db, "plover", out) == {"events": 2, "mentions": 4}
    records = [json.loads(line) for line in out.read_text(encoding="utf-8").splitlines()]
    assert len(records) == 2
    story = records[0]
    assert story["id"] == str(_merged(db)[0]["global_event_id"])
    assert story["date"] == DAY and story["enddate"] is None
    assert story["actor"] == [
        {
            "code": "PAK",
            "sector": "GOV",
            "entity_text": "Pakistan",
            "identifier_text": None,
            "cameo": "PAKGOV",
        }
    ]
    assert story["recipient"][0]["code"] == "IND"
    assert (story["event"], story["mode"], story["context"]) == (
        ["ACCUSE"],
        ["allege"],
        ["crime", "corruption"],
    )
    assert (story["quad_code"], story["cameo"], story["goldstein"]) == (3, "112", -2.0)
    assert (story["num_mentions"], story["num_articles"], story["num_sources"]) == (3, 3, 2)
    assert story["coder"].startswith("eventcoder ")
    assert [m["doc_id"] for m in story["mentions"]] == ["a1", "a2", "a3"]
    assert all(m["sentence"] == SENTENCE for m in story["mentions"])


def test_export_plover_recipient_and_event_may_be_empty(tmp_path: Path) -> None:
    event = _event("a1", recipient=None, cameo="010")
    event.event_type = event.mode = event.context = None
    db = _store(tmp_path, [(_article("a1"), [event])])
    out = tmp_path / "events.jsonl"
    export(db, "plover", out)
    (record,) = [json.loads(line) for line in out.read_text(encoding="utf-8").splitlines()]
    assert (record["recipient"], record["event"], record["mode"], record["context"]) == (
        [],
        [],
        [],
        [],
    )


@pytest.mark.parametrize("fmt", ["parquet", "csv"])
def test_export_flat_formats_round_trip(tmp_path: Path, fmt: str) -> None:
    db = _store(
        tmp_path,
        [
            (_article("a1"), [_event("a1"), _event("a1", 1, negated=True)]),
            (_article("a2"), [_event("a2")]),
        ],
    )
    read = duckdb.read_parquet if fmt == "parquet" else duckdb.read_csv
    out = tmp_path / f"events.{fmt}"
    # By default the stored rows, negated ones too, with the events table's columns.
    assert export(db, fmt, out) == {"events": 3}
    rows = read(str(out))
    assert tuple(rows.columns) == STORED_COLUMNS
    assert [r[0] for r in rows.fetchall()] == ["a1-0", "a1-1", "a2-0"]

    merged_out = tmp_path / f"merged.{fmt}"
    assert export(db, fmt, merged_out, merged=True) == {"events": 1, "mentions": 2}
    table = read(str(merged_out))
    assert tuple(table.columns) == MERGED_COLUMNS
    (row,) = table.fetchall()
    record = dict(zip(MERGED_COLUMNS, row, strict=True))
    mentions = record["mentions"] if fmt == "parquet" else json.loads(record["mentions"])
    assert [m["doc_id"] for m in mentions] == ["a1", "a2"]
    assert record["num_articles"] == 2


def test_export_empty_store(tmp_path: Path) -> None:
    db = _store(tmp_path, [])
    out = tmp_path / "events.tsv"
    assert export(db, "gdelt", out) == {"events": 0, "mentions": 0}
    assert out.read_text() == "" and mentions_path(out).read_text() == ""


@pytest.mark.parametrize(
    "out, expected",
    [
        ("events.tsv", "events.mentions.tsv"),
        ("out/gdelt.csv", "out/gdelt.mentions.csv"),
        ("events.tsv.gz", "events.mentions.tsv.gz"),
        ("events", "events.mentions"),
    ],
)
def test_export_mentions_path(out: str, expected: str) -> None:
    assert mentions_path(Path(out)) == Path(expected)


@pytest.mark.parametrize(
    "kwargs, message",
    [
        ({"fmt": "excel"}, "Unknown export format 'excel'"),
        ({"window_days": 0}, "whole number of days"),
        ({"window_days": True}, "whole number of days"),
        ({"out": "missing/events.tsv"}, "cannot write the export here"),
        ({"out": "."}, "cannot write the export here"),
        ({"out": "events.duckdb"}, "would overwrite the store"),
    ],
)
def test_export_rejects_bad_arguments(tmp_path: Path, kwargs: dict[str, Any], message: str) -> None:
    db = _three_articles(tmp_path)
    args: dict[str, Any] = {"fmt": "gdelt", "out": "events.tsv", **kwargs}
    args["out"] = tmp_path / args["out"]
    with pytest.raises(InputError, match=message):
        export(db, **args)


def test_export_rejects_missing_or_foreign_store(tmp_path: Path) -> None:
    with pytest.raises(InputError, match="cannot open the store"):
        export(tmp_path / "nope.duckdb", "gdelt", tmp_path / "e.tsv")
    other = tmp_path / "other.duckdb"
    with duckdb.connect(str(other)) as con:
        con.execute("CREATE TABLE events (x INTEGER)")
    with pytest.raises(InputError, match="no 'documents' table"):
        export(other, "gdelt", tmp_path / "e.tsv")


def test_export_compressed_gdelt_reads_back(tmp_path: Path) -> None:
    out = tmp_path / "events.tsv.gz"
    assert export(_three_articles(tmp_path), "gdelt", out) == {"events": 2, "mentions": 4}
    names = list(GDELT_EVENT_COLUMNS)
    table = duckdb.read_csv(str(out), delimiter="\t", header=False, names=names, all_varchar=True)
    assert [row[names.index("EventCode")] for row in table.fetchall()] == ["112", "0841"]
    assert (
        len(duckdb.read_csv(str(tmp_path / "events.mentions.tsv.gz"), delimiter="\t").columns) == 16
    )


def test_export_docs_list_every_column() -> None:
    # docs/export.md is the reference for the output columns: it must not drift from the code.
    text = (Path(__file__).resolve().parents[1] / "docs" / "export.md").read_text(encoding="utf-8")
    columns = (*GDELT_EVENT_COLUMNS, *GDELT_MENTION_COLUMNS, *MERGED_COLUMNS, *MENTION_FIELDS)
    assert [c for c in columns if f"`{c}`" not in text] == []
