"""Corpus runs into the DuckDB store: resume, re-coding changed text, scale-out (kill -9 and
resume at several points: tests/test_reliability_resume.py)."""

from __future__ import annotations

import json
from pathlib import Path

import duckdb
import pytest
from conftest import ARTICLE, STORIES
from typer.testing import CliRunner

from eventcoder.cli import app
from eventcoder.io.readers import read_inputs
from eventcoder.runner import PipelineSpec, run
from eventcoder.store import Store

runner = CliRunner()


def _corpus(path: Path, n: int) -> Path:
    with open(path, "w", encoding="utf-8") as fh:
        for k in range(n):
            text = f"{STORIES[k % len(STORIES)]} Report number {k}."
            fh.write(json.dumps({"id": f"a{k:04d}", "text": text, "date": "2020-01-02"}) + "\n")
        fh.write("{not json\n")
    return path


def _rows(db: Path) -> list[tuple[object, ...]]:
    with duckdb.connect(str(db), read_only=True) as con:
        return con.execute(
            "SELECT event_id, doc_id, actor_code, recipient_code, cameo, trigger_start "
            "FROM events ORDER BY event_id"
        ).fetchall()


def _quotes(db: Path) -> list[tuple[object, ...]]:
    with duckdb.connect(str(db), read_only=True) as con:
        return con.execute(
            "SELECT doc_id, quote_index, speaker_code, cue, text, start, direct FROM quotes "
            "ORDER BY 1, 2"
        ).fetchall()


def _docs(db: Path) -> list[tuple[object, ...]]:
    with duckdb.connect(str(db), read_only=True) as con:
        return con.execute(
            "SELECT doc_id, content_hash, n_events FROM documents ORDER BY 1"
        ).fetchall()


def test_store_rerun_codes_only_new_or_changed(tmp_path: Path) -> None:
    corpus = _corpus(tmp_path / "c.jsonl", 12)
    db = tmp_path / "ev.duckdb"
    result = runner.invoke(app, ["code", str(corpus), "--db", str(db), "--batch-size", "5"])
    assert result.exit_code == 1  # the broken line is rejected, the rest coded
    assert "coded 12 article(s), 0 empty, 1 rejected, 0 already stored" in result.stderr
    first = _rows(db)
    assert first and len(_docs(db)) == 12
    with Store(db) as store:
        assert store.count("rejected") == 1

    result = runner.invoke(app, ["code", str(corpus), "--db", str(db)])
    assert "coded 0 article(s), 0 empty, 1 rejected, 12 already stored" in result.stderr
    assert _rows(db) == first

    lines = corpus.read_text(encoding="utf-8").splitlines()
    lines[0] = json.dumps({"id": "a0000", "text": "Iran condemned Israel.", "date": "2020-01-02"})
    corpus.write_text("\n".join(lines) + "\n", encoding="utf-8")
    result = runner.invoke(app, ["code", str(corpus), "--db", str(db)])
    assert "coded 1 article(s), 0 empty, 1 rejected, 11 already stored" in result.stderr
    changed = {r[1]: r for r in _rows(db) if r[1] == "a0000"}
    assert [(r[2], r[3]) for r in changed.values()] == [("IRN", "ISR")]
    with Store(db) as store:
        assert store.count("rejected") == 1  # the same reject is not stored twice


def test_store_library_run_counts_everything(tmp_path: Path) -> None:
    corpus = _corpus(tmp_path / "c.jsonl", 7)
    seen: list[int] = []
    summary = run(
        PipelineSpec(),
        read_inputs([str(corpus)]),
        lambda coded, rejected: seen.append(len(coded)),
        batch_size=3,
    )
    assert seen == [3, 3, 1]
    assert (summary.coded, summary.empty, len(summary.rejected)) == (7, 0, 1)
    assert summary.events > 0 and summary.sentences >= 14


def test_store_cli_export_after_code(tmp_path: Path) -> None:
    db = tmp_path / "ev.duckdb"
    assert runner.invoke(app, ["code", str(ARTICLE), "--db", str(db)]).exit_code == 0
    out = tmp_path / "gdelt.tsv"
    result = runner.invoke(app, ["export", "--db", str(db), "--format", "gdelt", "-o", str(out)])
    assert result.exit_code == 0, result.stderr
    table = duckdb.read_csv(str(out), delimiter="\t", header=False).fetchall()
    assert table and all(len(row) == 61 for row in table)
    actors = {(row[5], row[15], row[26]) for row in table}  # Actor1Code, Actor2Code, EventCode
    assert ("PAK", "IND", "112") in actors
    assert (tmp_path / "gdelt.mentions.tsv").exists()
    result = runner.invoke(app, ["export", "--db", str(tmp_path / "none.duckdb"), "-o", str(out)])
    assert result.exit_code == 2 and "no such store" in result.stderr


def test_store_progress_counts_and_stays_quiet_off_a_terminal(tmp_path: Path) -> None:
    import io

    from rich.console import Console

    from eventcoder.progress import RunProgress, count_articles
    from eventcoder.runner import Coded

    corpus = _corpus(tmp_path / "c.jsonl", 5)
    (tmp_path / "one.txt").write_text("A story.", encoding="utf-8")
    assert count_articles([str(tmp_path)]) == 7  # 5 records + the broken line, 1 text file
    assert count_articles([str(corpus), "-"]) is None

    quiet = RunProgress(Console(file=io.StringIO()), True, [str(corpus)])
    assert not quiet.active
    screen = io.StringIO()
    live = RunProgress(Console(file=screen, force_terminal=True, width=120), True, [str(corpus)])
    with live:
        article = next(iter(read_inputs([str(corpus)])))
        live.advance([Coded(article, [], 3, 2)])  # type: ignore[arg-type]
    assert (live.articles, live.events, live.sentences) == (1, 3, 2)
    assert "1 articles" in screen.getvalue()


def test_store_same_story_in_three_articles_is_one_event(tmp_path: Path) -> None:
    corpus = tmp_path / "wire.jsonl"
    stories = [
        ("afp-1", "afp", "Pakistan accused India of sponsoring terrorism on Tuesday."),
        ("reu-7", "reuters", "On Tuesday Pakistan accused India of sponsoring terrorism."),
        (
            "reu-8",
            "reuters",
            "Islamabad accused New Delhi of sponsoring terrorism, officials said.",
        ),
    ]
    corpus.write_text(
        "".join(
            json.dumps({"id": i, "source": s, "text": t, "date": "2016-09-13"}) + "\n"
            for i, s, t in stories
        ),
        encoding="utf-8",
    )
    db = tmp_path / "ev.duckdb"
    assert runner.invoke(app, ["code", str(corpus), "--db", str(db)]).exit_code == 0
    out = tmp_path / "gdelt.tsv"
    runner.invoke(app, ["export", "--db", str(db), "--format", "gdelt", "-o", str(out)])
    rows = duckdb.read_csv(str(out), delimiter="\t", header=False).fetchall()
    merged = [r for r in rows if (r[5], r[15], str(r[26])) == ("PAK", "IND", "112")]
    assert len(merged) == 1
    num_mentions, num_sources, num_articles = merged[0][31:34]
    assert (num_mentions, num_sources, num_articles) == (3, 2, 3)


@pytest.mark.slow
@pytest.mark.parametrize(
    ("options", "into"),
    [
        (["--workers", "2"], "--db"),
        (["--dask", "local", "--workers", "2"], "--db"),  # workers write Parquet parts
        (["--dask", "local"], "-o"),  # results come back to the client
    ],
    ids=["workers", "dask-store", "dask-file"],
)
def test_store_scale_out_gives_the_same_output_as_one_process(
    tmp_path: Path, options: list[str], into: str
) -> None:
    corpus = _corpus(tmp_path / "c.jsonl", 24)
    suffix = ".duckdb" if into == "--db" else ".jsonl"
    one, many = tmp_path / f"one{suffix}", tmp_path / f"many{suffix}"
    runner.invoke(app, ["code", str(corpus), into, str(one), "--batch-size", "4"])
    result = runner.invoke(
        app, ["code", str(corpus), into, str(many), "--batch-size", "4", *options]
    )
    assert "coded 24 article(s)" in result.stderr, result.stderr
    if into == "--db":
        assert _rows(one) == _rows(many) and _rows(one)
        assert _quotes(one) == _quotes(many) and _quotes(one)
        assert _docs(one) == _docs(many)
        assert not list(tmp_path.glob("many.duckdb.parts/*/*"))  # parts loaded, then removed
    else:
        text = one.read_text(encoding="utf-8")
        assert text and many.read_text(encoding="utf-8") == text


def test_store_quotes_table_holds_each_quote_once(tmp_path: Path) -> None:
    corpus = _corpus(tmp_path / "c.jsonl", 14)
    db = tmp_path / "ev.duckdb"
    runner.invoke(app, ["code", str(corpus), "--db", str(db), "--batch-size", "4"])
    quotes = _quotes(db)
    direct = [q for q in quotes if q[-1]]
    assert len(direct) == 2  # stories 7 and 14 are the army chief's quote
    assert {q[2] for q in direct} == {"PAKMIL"}
    assert any(q[3] == "said" and q[2] == "SYRMIL" for q in quotes)  # "the Syrian army said"
    runner.invoke(app, ["code", str(corpus), "--db", str(db)])  # a re-run adds nothing
    assert _quotes(db) == quotes


def test_store_written_by_an_earlier_version_gains_the_new_columns(tmp_path: Path) -> None:
    db = tmp_path / "old.duckdb"
    Store(db).close()
    # as an earlier version wrote it, before country_from and the article's fields
    old = ("actor_country_from", "recipient_country_from", "is_background", "publication_date",
           "source", "url", "title")  # fmt: skip
    with duckdb.connect(str(db)) as con:
        for column in old:
            con.execute(f"ALTER TABLE events DROP COLUMN {column}")
    corpus = tmp_path / "c.jsonl"
    corpus.write_text(
        json.dumps({"id": "k1", "text": "Unidentified gunmen killed two soldiers in Kashmir."})
        + "\n",
        encoding="utf-8",
    )
    result = runner.invoke(app, ["code", str(corpus), "--db", str(db)])
    assert result.exit_code == 0, result.output
    with duckdb.connect(str(db), read_only=True) as con:
        rows = con.execute(
            "SELECT actor_code, actor_country_from, publication_date, is_background FROM events"
        ).fetchall()
    assert rows == [("INDUAF", "place", None, None)]


def test_store_csv_outlets_reach_the_gdelt_mentions(tmp_path: Path) -> None:
    from eventcoder.export import GDELT_EVENT_COLUMNS, GDELT_MENTION_COLUMNS

    corpus = tmp_path / "wire.csv"
    corpus.write_text(
        "id,date,source,url,title,text\n"
        "d1,2016-09-13,Dawn,https://www.dawn.com/d1,Talks,"
        "Pakistan accused India of sponsoring terrorism on Tuesday.\n"
        "d2,2016-09-13,Dawn,https://www.dawn.com/d2,,"
        "On Tuesday Pakistan accused India of sponsoring terrorism.\n"
        "r1,2016-09-13,Reuters,https://www.reuters.com/r1,,"
        "Pakistan accused India of sponsoring terrorism on Tuesday.\n",
        encoding="utf-8",
    )
    db = tmp_path / "ev.duckdb"
    assert runner.invoke(app, ["code", str(corpus), "--db", str(db)]).exit_code == 0
    with duckdb.connect(str(db), read_only=True) as con:
        stored = con.execute(
            "SELECT doc_id, source, url, publication_date FROM events ORDER BY doc_id"
        ).fetchall()
    assert stored == [
        ("d1", "Dawn", "https://www.dawn.com/d1", "2016-09-13"),
        ("d2", "Dawn", "https://www.dawn.com/d2", "2016-09-13"),
        ("r1", "Reuters", "https://www.reuters.com/r1", "2016-09-13"),
    ]
    out = tmp_path / "gdelt.tsv"
    result = runner.invoke(app, ["export", "--db", str(db), "--format", "gdelt", "-o", str(out)])
    assert result.exit_code == 0, result.stderr
    (event,) = [dict(zip(GDELT_EVENT_COLUMNS, line.split("\t"), strict=True))
                for line in out.read_text(encoding="utf-8").splitlines()]  # fmt: skip
    assert (event["SQLDATE"], event["NumArticles"], event["NumSources"]) == ("20160913", "3", "2")
    mentions = [
        dict(zip(GDELT_MENTION_COLUMNS, line.split("\t"), strict=True))
        for line in (tmp_path / "gdelt.mentions.tsv").read_text(encoding="utf-8").splitlines()
    ]
    assert sorted((m["MentionSourceName"], m["MentionIdentifier"]) for m in mentions) == [
        ("Dawn", "https://www.dawn.com/d1"),
        ("Dawn", "https://www.dawn.com/d2"),
        ("Reuters", "https://www.reuters.com/r1"),
    ]
    assert {m["MentionTimeDate"] for m in mentions} == {"20160913000000"}

    # Dated by publication (the articles' day, 13 September), the same event is one too.
    result = runner.invoke(
        app,
        ["export", "--db", str(db), "--format", "gdelt", "-o", str(out),
         "--date-events-by", "publication"],
    )  # fmt: skip
    assert result.exit_code == 0, result.stderr
    (line,) = out.read_text(encoding="utf-8").splitlines()
    assert line.split("\t")[1] == "20160913"


def test_store_code_dates_output_by_publication_and_keeps_both_in_the_store(
    tmp_path: Path,
) -> None:
    corpus = tmp_path / "c.jsonl"
    corpus.write_text(
        json.dumps(
            {"id": "k1", "date": "2016-09-09", "source": "Dawn", "text": "Pakistan accused India "
             "of sponsoring terrorism on Thursday. In 1990 Iraq invaded Kuwait."}
        ) + "\n",
        encoding="utf-8",
    )  # fmt: skip
    db, out = tmp_path / "ev.duckdb", tmp_path / "ev.jsonl"
    args = ["code", str(corpus), "--db", str(db), "-o", str(out), "--date-events-by", "publication"]
    assert runner.invoke(app, args).exit_code == 0
    rows = [json.loads(line) for line in out.read_text(encoding="utf-8").splitlines()]
    assert [(r["cameo"], r["date"], r["date_text"], r["is_background"]) for r in rows] == [
        ("112", "2016-09-09", None, False),
        ("192", "2016-09-09", None, True),  # dated by its article, still flagged
    ]
    assert {(r["publication_date"], r["source"]) for r in rows} == {("2016-09-09", "Dawn")}
    with duckdb.connect(str(db), read_only=True) as con:
        stored = con.execute(
            "SELECT cameo, date, date_precision, publication_date, is_background FROM events "
            "ORDER BY event_id"
        ).fetchall()
    assert stored == [
        ("112", "2016-09-08", "day", "2016-09-09", False),
        ("192", "1990-01-01", "year", "2016-09-09", True),
    ]
