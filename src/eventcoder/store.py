"""The DuckDB store: documents, events and rejected records of corpus runs, in one file.

A run writes in batches; each batch (its documents, their events, the rejected records met on
the way) is one transaction, so an interrupted run (Ctrl-C, kill -9, power loss) leaves whole
batches only, and the next run codes exactly the documents that are missing. A document whose
text changed since it was coded (same id, other content hash) is coded again and its old events
are replaced.

Tables (docs/store.md lists every column):
- ``documents``: one row per input article coded (``status`` coded or empty).
- ``events``: one row per event, the flat columns of ``eventcoder.io.writers.FLAT_COLUMNS``;
  its article's publication date, source, URL and title are those of its document.
- ``quotes``: one row per quote, the flat columns of ``eventcoder.io.writers.QUOTE_COLUMNS``.
- ``rejected``: inputs that could not be read, with source, line and reason.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import duckdb
import pyarrow as pa

from eventcoder.io.readers import Article, Rejected
from eventcoder.io.writers import (
    FLAT_COLUMNS,
    QUOTE_COLUMNS,
    flatten,
    flatten_quote,
    quote_schema,
    row_schema,
)
from eventcoder.provenance import article_meta, provenance
from eventcoder.quotes import Quote
from eventcoder.records import Event

DOCUMENT_COLUMNS = (
    "doc_id", "content_hash", "date", "url", "title", "source", "origin", "status", "n_events",
    "coded_at",
)  # fmt: skip

# The DuckDB type of each Arrow type of the flat rows (the events and quotes tables).
SQL_TYPES = {
    pa.string(): "VARCHAR",
    pa.int8(): "TINYINT",
    pa.int32(): "INTEGER",
    pa.int64(): "BIGINT",
    pa.float64(): "DOUBLE",
    pa.bool_(): "BOOLEAN",
}


def _ddl(table: str, schema: pa.Schema, key: str) -> str:
    cols = [f'"{f.name}" {SQL_TYPES[f.type]}' for f in schema]
    return f"CREATE TABLE IF NOT EXISTS {table} ({', '.join(cols)}, PRIMARY KEY ({key}))"


SCHEMA = (
    """CREATE TABLE IF NOT EXISTS documents (
        doc_id VARCHAR PRIMARY KEY, content_hash VARCHAR, date VARCHAR, url VARCHAR,
        title VARCHAR, source VARCHAR, origin VARCHAR, status VARCHAR, n_events INTEGER,
        coded_at TIMESTAMP)""",
    _ddl("events", row_schema(), "event_id"),
    _ddl("quotes", quote_schema(), "doc_id, quote_index"),
    """CREATE TABLE IF NOT EXISTS rejected (
        source VARCHAR, line INTEGER, reason VARCHAR, seen_at TIMESTAMP,
        PRIMARY KEY (source, line, reason))""",
)


class Store:
    """A DuckDB file holding coded documents and their events; use as a context manager.

    path: the database file (created if missing). read_only: open for queries only.
    """

    def __init__(self, path: Path | str, read_only: bool = False) -> None:
        self.path = Path(path)
        self.con = duckdb.connect(str(self.path), read_only=read_only)
        if not read_only:
            for statement in SCHEMA:
                self.con.execute(statement)
            # A store written by an earlier version lacks the columns added since: add them
            # (empty for the documents already coded), so old stores keep working.
            for table, schema in (("events", row_schema()), ("quotes", quote_schema())):
                rows = self.con.execute(
                    "SELECT column_name FROM information_schema.columns WHERE table_name = ?",
                    [table],
                ).fetchall()
                have = {name for (name,) in rows}
                for f in schema:
                    if f.name not in have:
                        self.con.execute(
                            f'ALTER TABLE {table} ADD COLUMN "{f.name}" {SQL_TYPES[f.type]}'
                        )

    def __enter__(self) -> Store:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def close(self) -> None:
        self.con.close()

    def unseen(self, articles: Sequence[Article]) -> list[Article]:
        """The articles not yet coded, or coded from a different text (content hash)."""
        if not articles:
            return []
        ids = [a.id for a in articles]
        rows = self.con.execute(
            "SELECT doc_id, content_hash FROM documents WHERE doc_id IN (SELECT unnest(?))",
            [ids],
        ).fetchall()
        done = dict(rows)
        return [a for a in articles if done.get(a.id) != a.content_hash]

    def write(
        self,
        coded: Sequence[tuple[Article, Sequence[Event]]],
        rejected: Iterable[Rejected] = (),
        quotes: Sequence[Quote] = (),
    ) -> None:
        """Store one batch in one transaction: the documents, their events and quotes, the
        rejects. A document already stored under the same id is replaced with its events and
        quotes.
        """
        now = _now()
        documents, events, quote_rows = _tables(coded, now, quotes)
        rejects = [(r.source, r.line, r.reason, now) for r in rejected]
        self.con.execute("BEGIN TRANSACTION")
        try:
            self.con.register("batch_documents", documents)
            self.con.register("batch_events", events)
            self.con.register("batch_quotes", quote_rows)
            for table in ("events", "quotes", "documents"):
                self.con.execute(
                    f"DELETE FROM {table} WHERE doc_id IN (SELECT doc_id FROM batch_documents)"
                )
            self.con.execute("INSERT INTO documents SELECT * FROM batch_documents")
            self.con.execute(
                f"INSERT INTO events ({_columns(FLAT_COLUMNS)}) "
                f"SELECT {_columns(FLAT_COLUMNS)} FROM batch_events"
            )
            self.con.execute(
                f"INSERT INTO quotes ({_columns(QUOTE_COLUMNS)}) "
                f"SELECT {_columns(QUOTE_COLUMNS)} FROM batch_quotes"
            )
            if rejects:
                self.con.executemany("INSERT OR IGNORE INTO rejected VALUES (?, ?, ?, ?)", rejects)
            self.con.execute("COMMIT")
        except BaseException:
            self.con.execute("ROLLBACK")
            raise
        finally:
            for name in ("batch_documents", "batch_events", "batch_quotes"):
                self.con.unregister(name)

    def load_parts(self, parts: Path) -> None:
        """Load the Parquet parts a Dask run wrote (:func:`write_parts`) in one transaction,
        replacing documents stored under the same ids."""
        if not any((parts / "documents").glob("*.parquet")):
            return
        self.load_parquet(
            str(parts / "documents" / "*.parquet"),
            str(parts / "events" / "*.parquet"),
            str(parts / "quotes" / "*.parquet"),
        )

    def load_parquet(self, documents: str, events: str, quotes: str) -> None:
        """Load documents, events and quotes written as Parquet (a path or glob each) in one
        transaction, replacing documents stored under the same ids."""
        self.con.execute("BEGIN TRANSACTION")
        try:
            self.con.execute(
                f"CREATE TEMP TABLE part_documents AS SELECT * FROM read_parquet('{documents}')"
            )
            for table in ("events", "quotes", "documents"):
                self.con.execute(
                    f"DELETE FROM {table} WHERE doc_id IN (SELECT doc_id FROM part_documents)"
                )
            self.con.execute("INSERT INTO documents SELECT * FROM part_documents")
            for table, columns, path in (
                ("events", FLAT_COLUMNS, events),
                ("quotes", QUOTE_COLUMNS, quotes),
            ):
                self.con.execute(
                    f"INSERT INTO {table} ({_columns(columns)}) "
                    f"SELECT {_columns(columns)} FROM read_parquet('{path}')"
                )
            self.con.execute("DROP TABLE part_documents")
            self.con.execute("COMMIT")
        except BaseException:
            self.con.execute("ROLLBACK")
            raise

    def count(self, table: str) -> int:
        """Rows in ``table`` (documents, events, quotes or rejected)."""
        if table not in ("documents", "events", "quotes", "rejected"):
            raise ValueError(table)
        row = self.con.execute(f"SELECT count(*) FROM {table}").fetchone()
        return int(row[0]) if row else 0


def _now() -> datetime:
    return datetime.now(UTC).replace(tzinfo=None)


def _columns(names: Sequence[str]) -> str:
    return ", ".join(f'"{n}"' for n in names)


def _tables(
    coded: Sequence[tuple[Article, Sequence[Event]]], now: datetime, quotes: Sequence[Quote]
) -> tuple[pa.Table, pa.Table, pa.Table]:
    documents = pa.Table.from_pylist(
        [_document_row(article, events, now) for article, events in coded],
        schema=_documents_schema(),
    )
    events = pa.Table.from_pylist(
        [_event_row(article, e) for article, evs in coded for e in evs], schema=row_schema()
    )
    quote_rows = pa.Table.from_pylist(
        [flatten_quote(q.to_dict()) for q in quotes], schema=quote_schema()
    )
    return documents, events, quote_rows


def _event_row(article: Article, event: Event) -> dict[str, Any]:
    """The event's flat row, with the provenance of the document it is stored under (whatever
    the event itself was given: one truth per document)."""
    row = flatten(event.to_dict())
    row.update(provenance(row["date"], row["date_precision"], article_meta(article)))
    return row


def write_parts(
    parts: Path,
    index: int,
    coded: Sequence[tuple[Article, Sequence[Event]]],
    quotes: Sequence[Quote] = (),
) -> None:
    """Write one batch's documents, events and quotes as ``part-<index>.parquet`` files under
    ``parts`` (the layout :meth:`Store.load_parts` reads)."""
    import pyarrow.parquet as pq

    documents, events, quote_rows = _tables(coded, _now(), quotes)
    for name, table in (("documents", documents), ("events", events), ("quotes", quote_rows)):
        (parts / name).mkdir(parents=True, exist_ok=True)
        tmp = parts / name / f".part-{index:06d}.tmp"
        pq.write_table(table, tmp)
        tmp.rename(parts / name / f"part-{index:06d}.parquet")  # whole files only


def _documents_schema() -> pa.Schema:
    return pa.schema(
        [
            ("doc_id", pa.string()),
            ("content_hash", pa.string()),
            ("date", pa.string()),
            ("url", pa.string()),
            ("title", pa.string()),
            ("source", pa.string()),
            ("origin", pa.string()),
            ("status", pa.string()),
            ("n_events", pa.int32()),
            ("coded_at", pa.timestamp("us")),
        ]
    )


def _document_row(article: Article, events: Sequence[Event], now: datetime) -> dict[str, Any]:
    return {
        "doc_id": article.id,
        "content_hash": article.content_hash,
        "date": article.date,
        "url": article.url,
        "title": article.title,
        "source": article.source,
        "origin": article.origin,
        "status": "coded" if article.text.strip() else "empty",
        "n_events": len(events),
        "coded_at": now,
    }
