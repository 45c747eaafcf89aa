"""What the store's per-batch connection costs: one batch written with a connection kept open for
the whole run, against connect, write, close for each batch (what ``Store`` does, so readers get
the file between batches).

    .venv/bin/python bench/store_reopen.py [--batches 50] [--articles 256]

Codes ``--articles`` generated articles once, then writes them ``--batches`` times under fresh
ids, both ways, into two new stores, and prints the mean milliseconds per batch of each and of the
difference. The batch is one transaction either way (delete the ids, insert documents, events,
quotes), as in ``Store.write``.
"""

from __future__ import annotations

import argparse
import statistics
import sys
import tempfile
import time
from pathlib import Path

import duckdb

sys.path.insert(0, str(Path(__file__).resolve().parent))
from corpus import write_corpus

from eventcoder.io.readers import read_inputs
from eventcoder.runner import PipelineSpec, run
from eventcoder.store import Store

TABLES = ("documents", "events", "quotes")


def _batch_sql(k: int) -> list[str]:
    """Batch ``k``: the coded articles again, every id suffixed so they are new rows."""
    fresh = {"documents": "doc_id", "events": "event_id", "quotes": "doc_id"}
    sql = [f"DELETE FROM {t} WHERE doc_id LIKE '%-b{k}'" for t in TABLES]
    for table in TABLES:
        key = fresh[table]
        also = ", doc_id" if key != "doc_id" else ""
        replace = f"{key} || '-b{k}' AS {key}" + (f", doc_id || '-b{k}' AS doc_id" if also else "")
        sql.append(f"INSERT INTO {table} SELECT * REPLACE ({replace}) FROM src.{table}")
    return sql


def _timed(batches: int, db: Path, source: Path, reopen: bool) -> list[float]:
    Store(db).close()  # the tables
    con = None if reopen else duckdb.connect(str(db))
    times = []
    for k in range(batches):
        start = time.perf_counter()
        c = duckdb.connect(str(db)) if reopen else con
        assert c is not None
        c.execute(f"ATTACH IF NOT EXISTS '{source}' AS src (READ_ONLY)")
        c.execute("BEGIN TRANSACTION")
        for statement in _batch_sql(k):
            c.execute(statement)
        c.execute("COMMIT")
        if reopen:
            c.close()
        times.append((time.perf_counter() - start) * 1000)
    if con is not None:
        con.close()
    return times


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--batches", type=int, default=50)
    parser.add_argument("--articles", type=int, default=256)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        corpus = Path(tmp) / "corpus.jsonl"
        write_corpus(corpus, args.articles)
        source = Path(tmp) / "source.duckdb"
        with Store(source) as store:
            run(
                PipelineSpec(),
                read_inputs([str(corpus)]),
                lambda coded, rejected: store.write(
                    [(c.article, c.events) for c in coded],
                    rejected,
                    [q for c in coded for q in c.quotes],
                ),
                batch_size=args.articles,
            )
            events = store.count("events")
        kept = _timed(args.batches, Path(tmp) / "kept.duckdb", source, reopen=False)
        reopened = _timed(args.batches, Path(tmp) / "reopened.duckdb", source, reopen=True)
    print(f"{args.batches} batches of {args.articles} articles ({events} events each)")
    for name, times in (("connection kept open", kept), ("connect/write/close", reopened)):
        mean, median = statistics.mean(times), statistics.median(times)
        print(f"{name:>22}: {mean:7.1f} ms a batch (median {median:.1f})")
    extra = statistics.mean(reopened) - statistics.mean(kept)
    print(f"{'reopening costs':>22}: {extra:7.1f} ms a batch")


if __name__ == "__main__":
    main()
