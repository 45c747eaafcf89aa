"""Exporting the store: merging repeated events, GDELT 2.0 tables, PLOVER JSONL, Parquet, CSV.

No NLP here: the stores are built from hand-made records with ``Store.write``.
"""

from __future__ import annotations

import gzip
import hashlib
import json
from datetime import UTC, date, datetime
from pathlib import Path
from typing import Any

import duckdb
import pytest
from click.testing import Result
from typer.testing import CliRunner

from eventcoder.cli import app
from eventcoder.errors import InputError
from eventcoder.export import (
    EXPORT_FORMATS,
    GDELT_EVENT_COLUMNS,
    GDELT_MENTION_COLUMNS,
    MENTION_FIELDS,
    MERGED_COLUMNS,
    STORED_COLUMNS,
    export,
    mentions_path,
    merged_events,
    output_format,
)
from eventcoder.io.readers import Article
from eventcoder.provenance import stamp
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


def _gdelt_row(tmp_path: Path, events: list[Event]) -> list[dict[str, str]]:
    db = _store(tmp_path, [(_article("a1"), events)])
    out = tmp_path / "events.tsv"
    export(db, "gdelt", out)
    return [dict(zip(GDELT_EVENT_COLUMNS, line, strict=True)) for line in _tsv(out)]


ACTOR_FIELDS = ("Code", "Name", "CountryCode", "KnownGroupCode", "Religion1Code", "Type1Code",
                "Type2Code")  # fmt: skip


@pytest.mark.parametrize(
    "code, expected",
    [
        # A role of no country is the role alone, with no country: GDELT's layout, not ours.
        ("---REB", ("REB", "REBELS", "", "", "", "REB", "")),
        ("---COP", ("COP", "POLICE", "", "", "", "COP", "")),
        ("---CVL", ("CVL", "CIVILIANS", "", "", "", "CVL", "")),
        ("PAKGOV", ("PAKGOV", "PAKISTAN", "PAK", "", "", "GOV", "")),
        ("USA", ("USA", "UNITED STATES", "USA", "", "", "", "")),
        # Our JRN (media) and MED (health) are CAMEO's MED and HLH.
        ("USAJRN", ("USAMED", "UNITED STATES", "USA", "", "", "MED", "")),
        ("PAKMED", ("PAKHLH", "PAKISTAN", "PAK", "", "", "HLH", "")),
        ("IGOUNO", ("IGOUNO", "UNITED NATIONS", "", "UNO", "", "IGO", "")),
        ("NGOHRW", ("NGOHRW", "HUMAN RIGHTS WATCH", "", "HRW", "", "NGO", "")),
        # IMGREB is every transnational armed group: no one group's name.
        ("IMGREB", ("IMGREB", "TRANSNATIONAL MILITARIZED GROUP", "", "", "", "IMG", "REB")),
        # PETRARCH's whole codes: religion and known group read from the parts.
        (
            "IMGMUSISI",
            ("IMGMUSISI", "TRANSNATIONAL MILITARIZED GROUP", "", "ISI", "MUS", "IMG", ""),
        ),
        ("IGOUNOKID", ("IGOUNOKID", "UNITED NATIONS", "", "UNO", "", "IGO", "")),
    ],
)
def test_export_gdelt_actor_layout(tmp_path: Path, code: str, expected: tuple[str, ...]) -> None:
    (row,) = _gdelt_row(tmp_path, [_event("a1", actor=code)])
    assert tuple(row[f"Actor1{f}"] for f in ACTOR_FIELDS) == expected


def test_export_gdelt_one_name_per_code(tmp_path: Path) -> None:
    # The same code named by different words (and a person) gets one name in every row.
    events = []
    for n, (code, text, name) in enumerate(
        [
            ("USA", "the U.S.", None),
            ("USA", "Washington", "Washington"),
            ("USA", "THE UNITED STATES", "the United States"),
            ("USAGOV", "State Department spokesman Mark Toner", "Mark Toner"),
            ("---REB", "militants", None),
            ("---REB", "the insurgents", None),
        ]
    ):
        event = _event("a1", n, date=f"2016-09-{n + 10}", actor=code)
        event.actor.text, event.actor.name = text, name
        events.append(event)
    rows = _gdelt_row(tmp_path, events)
    names = {(r["Actor1Code"], r["Actor1Name"]) for r in rows}
    assert names == {("USA", "UNITED STATES"), ("USAGOV", "UNITED STATES"), ("REB", "REBELS")}
    assert {r["Actor2Name"] for r in rows} == {"INDIA"}


def test_export_gdelt_text_with_tabs_and_quotes_stays_one_row(tmp_path: Path) -> None:
    # A code no table names keeps the words the text gave it.
    event = _event("a1", actor="ZZZGOV")
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


# The record's fields in the PLOVER manual's "Data Fields" chapter, then ours.
PLOVER_FIELDS = [
    "id", "date", "enddate", "actor", "recipient", "event", "mode", "context", "quad_code",
    "event_loc", "event_text", "cite_info", "coder", "coded_date", "coded_time",
    "cameo_code", "goldstein", "is_root", "num_mentions", "num_sources", "num_articles",
    "date_precision", "dated_by", "is_background", "mentions",
]  # fmt: skip
ENTITY_FIELDS = ["code", "sector", "entity_text", "identifier_text"]  # the manual's
LOCATION_FIELDS = [
    "extracted_place", "resolved_place", "geonameid", "lat", "lon", "city", "district",
    "province", "country", "country_code", "feature_class", "feature_code", "resolution",
]  # fmt: skip


def _plover(tmp_path: Path, db: Path) -> list[dict[str, Any]]:
    out = tmp_path / "events.jsonl"
    export(db, "plover", out)
    return [json.loads(line) for line in out.read_text(encoding="utf-8").splitlines()]


def test_export_plover_jsonl_carries_mentions(tmp_path: Path) -> None:
    db = _three_articles(tmp_path)
    out = tmp_path / "events.jsonl"
    assert export(db, "plover", out) == {"events": 2, "mentions": 4}
    records = [json.loads(line) for line in out.read_text(encoding="utf-8").splitlines()]
    assert len(records) == 2
    story = records[0]
    assert list(story) == PLOVER_FIELDS
    assert story["id"] == str(_merged(db)[0]["global_event_id"])
    assert story["date"] == DAY and story["enddate"] is None
    assert story["actor"] == [
        {
            "code": "PAK",
            "sector": "GOV",
            "entity_text": "Pakistan",
            "identifier_text": None,
            "canonical_name": "Pakistan",
            "actor_code": "PAKGOV",
        }
    ]
    assert story["recipient"][0]["code"] == "IND"
    assert (story["event"], story["mode"], story["context"]) == (
        ["ACCUSE"],
        ["allege"],
        ["crime", "corruption"],
    )
    assert (story["quad_code"], story["cameo_code"], story["goldstein"]) == (3, "112", -2.0)
    assert (story["num_mentions"], story["num_articles"], story["num_sources"]) == (3, 3, 2)
    assert story["coder"].startswith("eventcoder ")
    assert story["event_text"] == [SENTENCE]  # three mentions, one sentence
    assert story["cite_info"] == {"url": "https://www.dawn.com/a1"}
    assert story["event_loc"] is None
    assert [m["doc_id"] for m in story["mentions"]] == ["a1", "a2", "a3"]
    assert all(m["sentence"] == SENTENCE for m in story["mentions"])


@pytest.mark.parametrize(
    "code, name, entity",
    [
        # PLOVER's entity code: the country, or its own codes for international actors.
        ("USA", "the United States", {"code": "USA", "sector": None,
                                      "identifier_text": "United States"}),
        ("USAGOV", "Mark Toner", {"code": "USA", "sector": "GOV", "identifier_text": "Mark Toner"}),
        ("IGOUNO", "UN", {"code": "UNO", "sector": None, "identifier_text": "United Nations"}),
        ("IGOEUR", "EU", {"code": "EUR", "sector": None, "identifier_text": "European Union"}),
        ("IGOAFR", "AU", {"code": "IGO", "sector": None, "identifier_text": "African Union"}),
        ("NGOHRW", "HRW", {"code": "NGO", "sector": None, "identifier_text": "Human Rights Watch"}),
        ("IMGREB", "ISIS", {"code": "IMG", "sector": "REB", "identifier_text": "ISIS"}),
        ("---REB", None, {"code": None, "sector": "REB", "identifier_text": None}),
        ("XKXGOV", None, {"code": "KOS", "sector": "GOV", "identifier_text": None}),
    ],
)  # fmt: skip
def test_export_plover_entity_layout(
    tmp_path: Path, code: str, name: str | None, entity: dict[str, Any]
) -> None:
    event = _event("a1", actor=code)
    event.actor.name = name
    if code[:3] in ("IGO", "NGO"):
        event.actor.sector = code[:3]  # as the orgs table gives them
    (record,) = _plover(tmp_path, _store(tmp_path, [(_article("a1"), [event])]))
    (actor,) = record["actor"]
    assert list(actor)[:4] == ENTITY_FIELDS
    assert {k: actor[k] for k in entity} == entity
    assert actor["actor_code"] == code


def test_export_plover_event_loc(tmp_path: Path) -> None:
    event = _event("a1")
    event.location = {
        "text": "Quetta", "name": "Quetta", "kind": "city", "feature": "PPLA", "country": "PAK",
        "country_fips": "PK", "admin1": "Balochistan", "admin1_code": "02",
        "lat": 30.18, "lon": 67.0, "geonameid": 1167528,
        "full_name": "Quetta, Balochistan, Pakistan", "gdelt_type": 4, "adm1": "PK02",
        "feature_id": "1167528",
    }  # fmt: skip
    (record,) = _plover(tmp_path, _store(tmp_path, [(_article("a1"), [event])]))
    assert record["event_loc"] == {
        "extracted_place": "Quetta", "resolved_place": "Quetta", "geonameid": 1167528,
        "lat": 30.18, "lon": 67.0, "city": "Quetta", "district": None,
        "province": "Balochistan", "country": "Pakistan", "country_code": "PAK",
        "feature_class": "P", "feature_code": "PPLA", "resolution": 4,
    }  # fmt: skip
    assert list(record["event_loc"]) == LOCATION_FIELDS


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


# -- the command line: -o's ending, standard output ------------------------------------------

runner = CliRunner()


def _cli(*args: str) -> Result:
    return runner.invoke(app, ["export", *args])


@pytest.mark.parametrize(
    "name, fmt",
    [
        ("out.tsv", "gdelt"), ("out.tsv.gz", "gdelt"), ("out.jsonl", "plover"),
        ("out.json", "plover"), ("out.ndjson.zst", "plover"), ("out.parquet", "parquet"),
        ("out.csv", "csv"), ("OUT.CSV", "csv"), ("-", "gdelt"),
    ],
)  # fmt: skip
def test_export_output_format_follows_the_ending(name: str, fmt: str) -> None:
    assert output_format(name) == fmt
    assert output_format(name, fmt) == fmt


@pytest.mark.parametrize(
    "name, fmt, message",
    [
        ("out.parquet", "csv", "means .* output, but --format is"), ("out.tsv", "plover", "means .* output, but --format is"), ("out.csv.gz", "gdelt", "means .* output, but --format is"),
        ("out.txt", None, "cannot tell the export format"), ("out", None, "cannot tell the export format"), ("out.parquet.gz", None, "Parquet compresses inside"),
        ("out.tsv", "xml", "Unknown export format"),
    ],
)  # fmt: skip
def test_export_output_format_refuses(name: str, fmt: str | None, message: str) -> None:
    with pytest.raises(InputError, match=message):
        output_format(name, fmt)


def test_export_cli_format_from_the_ending(tmp_path: Path) -> None:
    db = _three_articles(tmp_path)
    result = _cli("--db", str(db), "-o", str(tmp_path / "events.parquet"))
    assert result.exit_code == 0, result.stderr
    rows = duckdb.read_parquet(str(tmp_path / "events.parquet")).fetchall()
    assert len(rows) == 4  # the stored mentions, as --format parquet writes them
    result = _cli("--db", str(db), "-o", str(tmp_path / "events.jsonl.gz"))
    assert result.exit_code == 0, result.stderr
    with gzip.open(tmp_path / "events.jsonl.gz", "rt", encoding="utf-8") as fh:
        assert [json.loads(line)["event"] for line in fh] == [["ACCUSE"], ["ACCUSE"]]


def test_export_cli_default_output_follows_the_format(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    db = _three_articles(tmp_path)
    monkeypatch.chdir(tmp_path)
    assert _cli("--db", str(db), "--format", "plover").exit_code == 0
    assert _cli("--db", str(db)).exit_code == 0
    written = {p.name for p in tmp_path.glob("events.*")} - {"events.duckdb", "events.duckdb.lock"}
    assert written == {"events.jsonl", "events.tsv", "events.mentions.tsv"}
    assert json.loads((tmp_path / "events.jsonl").read_text().splitlines()[0])["id"]


def test_export_cli_refuses_a_format_the_ending_contradicts(tmp_path: Path) -> None:
    db = _three_articles(tmp_path)
    out = tmp_path / "events.parquet"
    result = _cli("--db", str(db), "--format", "csv", "-o", str(out))
    assert result.exit_code == 2
    assert "'.parquet' means parquet output, but --format is csv" in result.stderr
    assert len(result.stderr.strip().splitlines()) == 1
    assert not out.exists()


@pytest.mark.parametrize("fmt", ["gdelt", "plover", "csv", "parquet"])
def test_export_cli_writes_to_standard_output(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, fmt: str
) -> None:
    db = _three_articles(tmp_path)
    monkeypatch.chdir(tmp_path)
    before = set(tmp_path.iterdir())
    result = _cli("--db", str(db), "--format", fmt, "-o", "-")
    assert result.exit_code == 0, result.stderr
    assert set(tmp_path.iterdir()) == before  # no file named "-", no mentions file
    assert "-> standard output" in result.stderr
    # The same bytes as the file export writes.
    export(db, fmt, tmp_path / f"file.{fmt}")
    expected = (tmp_path / f"file.{fmt}").read_bytes()
    if fmt == "parquet":
        got = tmp_path / "got.parquet"
        got.write_bytes(result.stdout_bytes)
        assert (
            duckdb.read_parquet(str(got)).fetchall()
            == duckdb.read_parquet(str(tmp_path / f"file.{fmt}")).fetchall()
        )
    else:
        assert result.stdout_bytes == expected and expected


def test_export_cli_standard_output_defaults_to_gdelt_events(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    db = _three_articles(tmp_path)
    monkeypatch.chdir(tmp_path)
    result = _cli("--db", str(db), "-o", "-")
    assert result.exit_code == 0, result.stderr
    lines = result.stdout.splitlines()
    assert len(lines) == 2 and all(len(line.split("\t")) == 61 for line in lines)
    assert not (tmp_path / "-").exists() and not (tmp_path / "-.mentions").exists()


# --- provenance and dates -------------------------------------------------------------------


def _dated(doc_id: str, n: int, day: str, precision: str, published: str = DAY) -> Event:
    """An event of ``_event`` dated ``day`` with ``precision``, stamped as the pipeline does."""
    event = _event(doc_id, n, date=day)
    event.date_precision = precision
    event.date_text = "the words"
    stamp([event], {"date": published})
    return event


def test_export_mentions_carry_their_articles(tmp_path: Path) -> None:
    db = _store(
        tmp_path,
        [
            (Article("a1", SENTENCE, "2016-09-09", "https://www.dawn.com/a1", "Talks", "Dawn"),
             [_event("a1")]),
            (Article("a2", SENTENCE, "2016-09-10", "https://www.reuters.com/a2"),
             [_event("a2")]),
        ],
    )  # fmt: skip
    (story,) = _merged(db)
    first, second = story["mentions"]
    assert {k: first[k] for k in ("publication_date", "source", "url", "title", "date")} == {
        "publication_date": date(2016, 9, 9), "source": "Dawn",
        "url": "https://www.dawn.com/a1", "title": "Talks", "date": date(2016, 9, 9),
    }  # fmt: skip
    # No source given: the outlet is the URL's host, for the mention and for NumSources.
    assert (second["source"], second["publication_date"]) == ("reuters.com", date(2016, 9, 10))
    assert (story["first_publication_date"], story["last_publication_date"]) == (
        date(2016, 9, 9), date(2016, 9, 10)
    )  # fmt: skip
    assert story["num_sources"] == 2


def test_export_same_outlet_by_url_host_is_one_source(tmp_path: Path) -> None:
    articles = [Article(d, SENTENCE, DAY, f"https://www.dawn.com/{d}") for d in ("a1", "a2")]
    db = _store(tmp_path, [(a, [_event(a.id)]) for a in articles])
    (story,) = _merged(db)
    assert (story["num_sources"], story["num_articles"]) == (1, 2)


def test_export_store_rows_carry_the_document_fields(tmp_path: Path) -> None:
    # Events written without their article's fields get the document's, and their flag.
    event = _event("a1", date="1990-01-01")
    event.date_precision = "year"
    db = _store(tmp_path, [(_article("a1"), [event])])
    with duckdb.connect(str(db), read_only=True) as con:
        row = con.execute(
            "SELECT publication_date, source, url, is_background FROM events"
        ).fetchone()
    assert row == (DAY, "dawn", "https://www.dawn.com/a1", True)


def test_export_year_date_does_not_merge_with_that_day(tmp_path: Path) -> None:
    # "in 2016" (2016-01-01, year) is not an event of 1 January 2016.
    day = "2016-01-02"
    db = _store(
        tmp_path,
        [
            (_article("a1", date=day), [_dated("a1", 0, "2016-01-01", "year", day)]),
            (_article("a2", date=day), [_dated("a2", 0, "2016-01-01", "day", day)]),
            (_article("a3", date=day), [_dated("a3", 0, "2016-01-01", "year", day)]),
        ],
    )
    rows = {r["date_precision"]: r for r in _merged(db)}
    assert {p: r["num_mentions"] for p, r in rows.items()} == {"year": 2, "day": 1}
    assert rows["year"]["date"] == date(2016, 1, 1)
    out = tmp_path / "events.tsv"
    export(db, "gdelt", out)
    assert sorted(line[1] for line in _tsv(out)) == ["20160101", "20160101"]
    extras = sorted(
        dict(zip(GDELT_MENTION_COLUMNS, line, strict=True))["Extras"]
        for line in _tsv(mentions_path(out))
    )
    assert extras == ["", *["<DATE_PRECISION>year</DATE_PRECISION>"] * 2]
    plover = tmp_path / "events.jsonl"
    export(db, "plover", plover)
    records = [json.loads(line) for line in plover.read_text(encoding="utf-8").splitlines()]
    assert sorted(r["date_precision"] for r in records) == ["day", "year"]


def test_export_background_events_are_flagged(tmp_path: Path) -> None:
    db = _store(
        tmp_path,
        [
            (_article("a1"), [_dated("a1", 0, "1990-08-02", "day")]),
            (_article("a2"), [_dated("a2", 0, "1990-08-02", "day")]),
            (_article("a3", date="1990-08-03"), [_dated("a3", 0, "1990-08-02", "day", "1990-08-03")]),
        ],
    )  # fmt: skip
    (story,) = _merged(db)
    # Reported as news once: not background, though two mentions are.
    assert story["is_background"] is False
    assert [m["is_background"] for m in story["mentions"]] == [True, True, False]
    (tmp_path / "two").mkdir()
    db2 = _store(tmp_path / "two", [(_article("a1"), [_dated("a1", 0, "1990-08-02", "day")])])
    assert _merged(db2)[0]["is_background"] is True


def test_export_dates_events_by_publication(tmp_path: Path) -> None:
    # Said on two days, reported the same day: one event by publication, two by event date.
    db = _store(
        tmp_path,
        [
            (_article("a1"), [_dated("a1", 0, "2016-09-08", "day")]),
            (_article("a2", "reuters"), [_dated("a2", 0, "2016-09-06", "day")]),
            (_article("a3", date=None), [_event("a3", date="2016-09-05")]),
        ],
    )
    assert len(_merged(db)) == 3
    with duckdb.connect(str(db), read_only=True) as con:
        rel = merged_events(con, dated_by="publication")
        rows = [dict(zip(rel.columns, r, strict=True)) for r in rel.fetchall()]
    assert [(r["date"], r["num_mentions"], r["dated_by"]) for r in rows] == [
        (date(2016, 9, 5), 1, "publication"),  # an undated article's event keeps its own date
        (date(2016, 9, 9), 2, "publication"),
    ]
    # Each mention keeps its own event date.
    assert [m["date"] for m in rows[1]["mentions"]] == [date(2016, 9, 8), date(2016, 9, 6)]

    out = tmp_path / "events.tsv"
    assert export(db, "gdelt", out, dated_by="publication") == {"events": 2, "mentions": 3}
    assert [line[1] for line in _tsv(out)] == ["20160905", "20160909"]
    by_event = tmp_path / "by-event.tsv"
    export(db, "gdelt", by_event)
    assert {line[0] for line in _tsv(out)}.isdisjoint(line[0] for line in _tsv(by_event))
    with pytest.raises(InputError, match="Cannot date events by 'story'"):
        export(db, "gdelt", out, dated_by="story")


def test_export_gdelt_times(tmp_path: Path) -> None:
    db = tmp_path / "events.duckdb"
    with Store(db) as store:
        store.write([(_article("a1"), [_event("a1")])])
    with Store(db) as store:  # a later run adds a mention of the same event
        store.write([(_article("a2", date=None), [_event("a2", date=DAY)])])
        with store.connection() as con:
            coded = dict(con.execute("SELECT doc_id, coded_at FROM documents").fetchall())
    out = tmp_path / "events.tsv"
    export(db, "gdelt", out)
    (event,) = _tsv(out)
    stamp_of = {d: t.strftime("%Y%m%d%H%M%S") for d, t in coded.items()}
    # DATEADDED: when the event was added, i.e. first coded; EventTimeDate the same.
    assert event[GDELT_EVENT_COLUMNS.index("DATEADDED")] == stamp_of["a1"]
    mentions = {
        r["MentionIdentifier"]: r
        for r in (
            dict(zip(GDELT_MENTION_COLUMNS, line, strict=True)) for line in _tsv(mentions_path(out))
        )
    }
    assert {r["EventTimeDate"] for r in mentions.values()} == {stamp_of["a1"]}
    # MentionTimeDate: the publication day, else (an undated article) when it was coded.
    assert mentions["https://www.dawn.com/a1"]["MentionTimeDate"] == "20160909000000"
    assert mentions["https://www.dawn.com/a2"]["MentionTimeDate"] == stamp_of["a2"]


def test_export_gdelt_title_goes_to_extras_escaped(tmp_path: Path) -> None:
    article = Article("a1", SENTENCE, DAY, "https://x.com/a1", "Talks <live>\t& more", "X")
    db = _store(tmp_path, [(article, [_event("a1")])])
    out = tmp_path / "events.tsv"
    export(db, "gdelt", out)
    (line,) = _tsv(mentions_path(out))
    assert line[-1] == "<PAGE_TITLE>Talks &lt;live&gt; &amp; more</PAGE_TITLE>"


def test_export_parquet_types_dates_and_keeps_cameo_strings(tmp_path: Path) -> None:
    db = _store(
        tmp_path, [(_article("a1"), [_event("a1", cameo="010"), _event("a1", 1, cameo="0231")])]
    )
    types: dict[bool, dict[str, str]] = {}
    for merged in (False, True):
        out = tmp_path / f"events-{merged}.parquet"
        export(db, "parquet", out, merged=merged)
        described = duckdb.sql(f"DESCRIBE SELECT * FROM '{out}'").fetchall()
        types[merged] = {name: kind for name, kind, *_ in described}
        cameos = sorted(r[0] for r in duckdb.sql(f"SELECT cameo FROM '{out}'").fetchall())
        assert cameos == ["010", "0231"]
    assert {c: types[False][c] for c in ("date", "publication_date", "coded_at", "cameo")} == {
        "date": "DATE", "publication_date": "DATE", "coded_at": "TIMESTAMP", "cameo": "VARCHAR"
    }  # fmt: skip
    merged_types = {c: types[True][c] for c in MERGED_COLUMNS if "date" in c or "coded_at" in c}
    assert merged_types == {
        "date": "DATE", "end_date": "DATE", "date_precision": "VARCHAR", "dated_by": "VARCHAR",
        "first_publication_date": "DATE", "last_publication_date": "DATE",
        "first_coded_at": "TIMESTAMP", "last_coded_at": "TIMESTAMP",
    }  # fmt: skip
    assert "publication_date DATE" in types[True]["mentions"]


def test_export_cameo_codes_keep_their_leading_zeros(tmp_path: Path) -> None:
    events = [_event("a1", cameo="010"), _event("a1", 1, cameo="0231")]
    db = _store(tmp_path, [(_article("a1"), events)])
    codes = ["010", "0231"]
    csv_out = tmp_path / "events.csv"
    export(db, "csv", csv_out)
    # As docs/export.md reads them: named as text, they stay codes; sniffed, they would not.
    typed = duckdb.read_csv(str(csv_out), dtype={"cameo": "VARCHAR", "cameo_root": "VARCHAR"})
    assert sorted(r[0] for r in typed.select("cameo").fetchall()) == codes
    assert sorted(r[0] for r in typed.select("cameo_root").fetchall()) == ["01", "02"]
    pandas = pytest.importorskip("pandas")
    frame = pandas.read_csv(csv_out, dtype={"cameo": str, "cameo_root": str})
    assert sorted(frame["cameo"]) == codes and sorted(frame["cameo_root"]) == ["01", "02"]

    gdelt = tmp_path / "events.tsv"
    export(db, "gdelt", gdelt)
    assert sorted(line[GDELT_EVENT_COLUMNS.index("EventCode")] for line in _tsv(gdelt)) == codes
    assert sorted(line[GDELT_EVENT_COLUMNS.index("EventRootCode")] for line in _tsv(gdelt)) == [
        "01",
        "02",
    ]
    plover = tmp_path / "events.jsonl"
    export(db, "plover", plover)
    lines = plover.read_text(encoding="utf-8").splitlines()
    assert sorted(json.loads(line)["cameo_code"] for line in lines) == codes
    merged_csv = tmp_path / "merged.csv"
    export(db, "csv", merged_csv, merged=True)
    typed = duckdb.read_csv(str(merged_csv), dtype={"cameo": "VARCHAR"})
    assert sorted(r[0] for r in typed.select("cameo").fetchall()) == codes


def test_export_store_of_an_earlier_version(tmp_path: Path) -> None:
    # A store written before events carried provenance, never opened for writing since.
    db = _three_articles(tmp_path)
    with duckdb.connect(str(db)) as con:
        for column in ("is_background", "publication_date", "source", "url", "title"):
            con.execute(f"ALTER TABLE events DROP COLUMN {column}")
    for fmt in EXPORT_FORMATS:
        assert export(db, fmt, tmp_path / f"out.{fmt}")["events"] > 0
    flat = duckdb.read_parquet(str(tmp_path / "out.parquet"))
    assert tuple(flat.columns) == STORED_COLUMNS
    assert flat.select("source, publication_date").fetchall()[0] == ("dawn", date(2016, 9, 9))
    story = next(r for r in _merged(db) if r["cameo"] == "112")
    assert (story["num_sources"], story["is_background"]) == (2, None)
