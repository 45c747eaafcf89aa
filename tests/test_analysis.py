"""eventcoder.analysis and `eventcoder series`: the store as DataFrames, the user's article's
dyads on their days."""

from __future__ import annotations

import csv
from pathlib import Path
from typing import Any

import duckdb
import pandas as pd
import pytest
from conftest import ARTICLE
from spacy.language import Language
from typer.testing import CliRunner

import eventcoder
from eventcoder import analysis
from eventcoder.cli import app
from eventcoder.errors import InputError
from eventcoder.io.writers import FLAT_COLUMNS
from eventcoder.store import Store


def _days(data: pd.DataFrame, column: str = "n_events") -> dict[str, int]:
    return {
        p.strftime("%Y-%m-%d"): int(n) for p, n in zip(data["period"], data[column], strict=True)
    }


def test_analysis_seed_usa_pak_series_on_its_day(seed_store: Path) -> None:
    data = analysis.series(seed_store, "USA", "PAK", freq="day")
    assert list(data.columns) == list(analysis.SERIES_COLUMNS)
    # "urging" (twice) and "discussions": the US's requests to and talks with Pakistan.
    assert _days(data) == {"2016-09-09": 3}
    assert _days(data, "verbal_coop") == {"2016-09-09": 3}
    assert data["goldstein_sum"].tolist() == [7.0]


def test_analysis_seed_ind_pak_series_dates(seed_store: Path) -> None:
    data = analysis.series(seed_store, "IND", "PAK", freq="day")
    # Modi's speech in Laos "yesterday" (8 September), the "second attack" of the article's day.
    assert _days(data, "verbal_conflict") == {"2016-09-08": 2, "2016-09-09": 1}
    assert data["goldstein_mean"].tolist() == [-2.0, -2.0]


def test_analysis_merged_counts_an_act_once(seed_store: Path) -> None:
    # "lashed out" and "sanction" are one act (same day, actor, recipient and CAMEO code).
    data = analysis.series(seed_store, "IND", "PAK", freq="day", merged=True)
    assert _days(data) == {"2016-09-08": 1, "2016-09-09": 1}


def test_analysis_publication_dates_every_event_by_its_article(seed_store: Path) -> None:
    data = analysis.series(seed_store, "IND", "PAK", freq="day", date_by="publication")
    assert _days(data) == {"2016-09-09": 3}
    # Merged by publication day, Modi's three accusations of Pakistan are one event.
    merged = analysis.series(seed_store, "IND", "PAK", "day", date_by="publication", merged=True)
    assert _days(merged) == {"2016-09-09": 1}
    args = ["series", "IND", "PAK", "--db", str(seed_store), "--freq", "day", "-o", "-"]
    result = CliRunner().invoke(app, [*args, "--date-events-by", "publication"])
    assert result.exit_code == 0, result.output
    assert result.stdout.splitlines()[1:] == ["2016-09-09,0,0,3,0,3,-6.0,-2.0"]


@pytest.mark.parametrize(
    ("a", "b", "directed", "expected"),
    [
        ("IND", "PAK", False, 5),  # both ways
        ("USAGOV", "PAK", True, 2),  # a code exactly: USAGOV, not USA
        ("USA", "PAKGOV", True, 1),
        ("sector:GOV", "PAK", True, 5),  # any government towards Pakistan
        ("pak", None, True, 2),  # Pakistan's own acts; case does not matter
        ("PAK", None, False, 8),  # Pakistan on either side
        ("IGO", "PAK", True, 0),
    ],
)
def test_analysis_match_rule(
    seed_store: Path, a: str, b: str | None, directed: bool, expected: int
) -> None:
    data = analysis.series(seed_store, a, b, freq="year", directed=directed)
    assert int(data["n_events"].sum()) == expected


def test_analysis_week_and_plover(seed_store: Path) -> None:
    data = analysis.series(seed_store, "IND", "PAK", freq="week", plover=True, directed=False)
    assert _days(data) == {"2016-09-05": 5}  # the Monday of the week
    assert int(data["ACCUSE"].iloc[0]) == 5 and int(data["REQUEST"].iloc[0]) == 0


def test_analysis_period_bounds_fill_zeros(seed_store: Path) -> None:
    data = analysis.series(seed_store, "IND", "PAK", "day", start="2016-09-07", end="2016-09-10")
    assert _days(data) == {"2016-09-07": 0, "2016-09-08": 2, "2016-09-09": 1, "2016-09-10": 0}
    assert data["goldstein_mean"].isna().tolist() == [True, False, False, True]
    assert analysis.series(seed_store, "CHN", "PAK").empty


def test_analysis_top_dyads_actors_network(seed_store: Path) -> None:
    dyads = analysis.top_dyads(seed_store, 2)
    assert [(r.actor, r.recipient, r.n_events) for r in dyads.itertuples()] == [
        ("IND", "PAK", 3),
        ("USA", "PAK", 3),
    ]
    actors = analysis.top_actors(seed_store)
    assert actors.iloc[0][["actor", "n_events", "as_actor", "as_recipient"]].tolist() == [
        "PAK", 8, 2, 6,
    ]  # fmt: skip
    edges = analysis.network(seed_store, by="code", min_events=2)
    assert edges[["actor", "recipient", "n_events"]].values.tolist() == [["INDGOV", "PAK", 3]]
    undirected = analysis.top_dyads(seed_store, directed=False)
    assert ("IND", "PAK", 5) in [
        (r.actor, r.recipient, r.n_events) for r in undirected.itertuples()
    ]


def test_analysis_to_dataframe(nlp: Language) -> None:
    text = ARTICLE.read_text(encoding="utf-8")
    events = eventcoder.code(text, date="2016-09-09", nlp=nlp)
    frame = eventcoder.to_dataframe(events)
    assert list(frame.columns) == list(FLAT_COLUMNS)
    assert len(frame) == len(events)
    assert frame["goldstein"].dtype == "float64"
    assert frame["actor_code"].tolist() == [e.actor.code for e in events]


def _store(path: Path, rows: list[dict[str, Any]], doc_date: str | None = "2020-01-31") -> Path:
    """A store holding one document and the given events (the columns not given are null)."""
    with Store(path) as store, store.connection() as con:
        con.execute(
            "INSERT INTO documents (doc_id, date, status) VALUES ('d', ?, 'coded')", [doc_date]
        )
        for i, row in enumerate(rows):
            full = {"event_id": f"e{i}", "doc_id": "d", "goldstein": 0.0, **row}
            names = ", ".join(f'"{k}"' for k in full)
            marks = ", ".join("?" for _ in full)
            con.execute(f"INSERT INTO events ({names}) VALUES ({marks})", list(full.values()))
    return path


def _event(day: str | None, quad: int, goldstein: float, **extra: Any) -> dict[str, Any]:
    return {
        "date": day, "actor_code": "RUS", "actor_country": "RUS", "recipient_code": "UKR",
        "recipient_country": "UKR", "quad_class": quad, "goldstein": goldstein, **extra,
    }  # fmt: skip


def test_analysis_gaps_negated_and_undated(tmp_path: Path) -> None:
    db = _store(
        tmp_path / "s.duckdb",
        [
            _event("2020-01-03", 4, -10.0),
            _event("2020-03-20", 1, 3.0),
            _event("2020-03-21", 4, -10.0, negated=True),  # "did not attack": not counted
            _event(None, 2, 7.0),  # undated: its article's date, 31 January
        ],
    )
    data = analysis.series(db, "RUS", "UKR", freq="month")
    assert _days(data) == {"2020-01-01": 2, "2020-02-01": 0, "2020-03-01": 1}
    assert _days(data, "material_conflict") == {"2020-01-01": 1, "2020-02-01": 0, "2020-03-01": 0}
    assert data["goldstein_sum"].tolist() == [-3.0, 0.0, 3.0]
    assert data["goldstein_mean"].isna().tolist() == [False, True, False]


def test_analysis_accepts_an_open_connection(seed_store: Path) -> None:
    with duckdb.connect(str(seed_store), read_only=True) as con:
        assert int(analysis.series(con, "USA", "PAK")["n_events"].sum()) == 3
        assert con.execute("SELECT 1").fetchone() == (1,)  # still open


@pytest.mark.parametrize(
    ("call", "message"),
    [
        (lambda db: analysis.series(db, "P"), "names no actor"),
        (lambda db: analysis.series(db, "PAK", "IND; DROP"), "names no actor"),
        (lambda db: analysis.series(db, "PAK", freq="fortnight"), "Unknown freq"),
        (lambda db: analysis.series(db, "PAK", start="9/9/2016"), "not a date"),
        (lambda db: analysis.series(db, "PAK", date_by="coded"), "Cannot date events by"),
        (lambda db: analysis.series(db.parent / "missing.duckdb", "PAK"), "no such file"),
        (lambda db: analysis.top_dyads(db, by="name"), "Unknown by"),
    ],
)
def test_analysis_bad_input(seed_store: Path, call: Any, message: str) -> None:
    with pytest.raises(InputError, match=message):
        call(seed_store)


def test_analysis_not_a_store(tmp_path: Path) -> None:
    other = tmp_path / "other.duckdb"
    duckdb.connect(str(other)).close()
    with pytest.raises(InputError, match="not an eventcoder store"):
        analysis.series(other, "PAK")


def test_cli_series_csv(seed_store: Path, tmp_path: Path) -> None:
    out = tmp_path / "series.csv"
    args = ["series", "IND", "PAK", "--db", str(seed_store), "--freq", "day", "-o", str(out)]
    result = CliRunner().invoke(app, args)
    assert result.exit_code == 0, result.output
    rows = list(csv.DictReader(out.open(encoding="utf-8")))
    assert list(rows[0]) == list(analysis.SERIES_COLUMNS)
    assert [(r["period"], r["verbal_conflict"]) for r in rows] == [
        ("2016-09-08", "2"),
        ("2016-09-09", "1"),
    ]


def test_cli_series_empty_and_bad_input(seed_store: Path) -> None:
    runner = CliRunner()
    empty = runner.invoke(app, ["series", "CHN", "PAK", "--db", str(seed_store), "-o", "-"])
    assert empty.exit_code == 0
    assert empty.stdout.strip() == ",".join(analysis.SERIES_COLUMNS)
    assert "no events for CHN → PAK" in empty.stderr and "IND→PAK (3)" in empty.stderr
    bad = runner.invoke(app, ["series", "PA", "--db", str(seed_store)])
    assert bad.exit_code == 2 and "names no actor" in bad.stderr
    missing = runner.invoke(app, ["series", "PAK", "--db", str(seed_store.parent / "no.duckdb")])
    assert missing.exit_code == 2 and "cannot open the store" in missing.stderr
