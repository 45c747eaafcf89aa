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

Sharing the file: DuckDB lets one process open a file read-write, or several open it read-only,
never both. So a writer holds its connection only while it reads or writes a batch (connect,
one transaction, close) and readers (``eventcoder export``, ``duckdb -readonly``, pandas) get the
file between batches; each side retries a held file with a short backoff and gives a one-line
error (:class:`StoreBusy`) when it stays held. A run that codes into a store also holds a lock
file beside it (``<store>.lock``) for its whole length, so a second run on the same store stops
at once instead of interleaving its batches. docs/store.md tells a user what to expect.
"""

from __future__ import annotations

import os
import re
import time
from collections.abc import Callable, Iterable, Iterator, Sequence
from contextlib import contextmanager, suppress
from datetime import UTC, datetime
from pathlib import Path
from typing import IO, Any, TypeVar

import duckdb
import pyarrow as pa

from eventcoder.errors import Errors, InputError
from eventcoder.io.readers import Article, Rejected
from eventcoder.io.writers import (
    FLAT_COLUMNS,
    QUOTE_COLUMNS,
    flatten,
    flatten_quote,
    folder_problem,
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


# Every connection: DuckDB never fetches or loads an extension on its own. A file it cannot read
# (an SQLite database) is then a one-line error, not a download from the network.
NO_EXTENSIONS: dict[str, str | bool | int | float | list[str]] = {
    "autoinstall_known_extensions": False,
    "autoload_known_extensions": False,
}
# The columns of ours that a store of every version has; a table of that name without them is
# another program's, which we neither read nor alter.
KEY_COLUMNS = {
    "documents": DOCUMENT_COLUMNS,
    "events": ("event_id", "doc_id", "sentence_index", "trigger_start"),
}

# How long a reader waits for a writer's batch, and a writer for readers, before giving up (s);
# $EVENTCODER_STORE_WAIT sets both.
READ_WAIT = 15.0
WRITE_WAIT = 300.0
WAIT_ENV = "EVENTCODER_STORE_WAIT"
T = TypeVar("T")


class StoreBusy(InputError):
    """The store stayed held by another process past the wait (an :class:`InputError`, so
    the CLI prints its one line and exits 2)."""


class Store:
    """A DuckDB file holding coded documents and their events; use as a context manager.

    path: the database file (created if missing). read_only: open for queries only (other
    readers and a writer's batches share the file with it). wait: seconds to retry a file
    another process holds before raising :class:`StoreBusy` (default: :func:`default_wait`).
    A writer takes the run lock (``<path>.lock``) and raises :class:`StoreBusy` at once when
    another run holds it. Each method connects for its own work and closes; to query, use
    ``with store.connection() as con:`` (or :func:`connect`), never a connection kept open.
    """

    def __init__(
        self, path: Path | str, read_only: bool = False, wait: float | None = None
    ) -> None:
        self.path = Path(path)
        self.read_only = read_only
        self.wait = wait if wait is not None else default_wait(read_only)
        self._lock = None
        self.batches = 0  # committed by this Store: what a failing disk leaves (E185)
        if read_only:
            check_readable(self.path)
        else:
            try:
                _check_path(self.path)
                self._lock = _run_lock(self.path)
                _drop_unborn(self.path)
                self._transaction(lambda con: _create_tables(con, self.path))
            except (OSError, duckdb.Error) as err:
                self.close()
                reason = str(err).splitlines()[0] if str(err) else type(err).__name__
                raise InputError(Errors.E161.format(path=self.path, reason=reason)) from err
            except BaseException:
                self.close()
                raise

    def __enter__(self) -> Store:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def close(self) -> None:
        """Release the run lock (the database itself is never held between calls)."""
        if self._lock is not None:
            self._lock.close()  # closing the file drops its flock
            self._lock = None

    @contextmanager
    def connection(self) -> Iterator[duckdb.DuckDBPyConnection]:
        """A connection for one unit of work, closed after it, so other processes get the file
        between batches."""
        con = connect(self.path, self.read_only, self.wait)
        try:
            yield con
        finally:
            con.close()

    def _transaction(self, work: Callable[[duckdb.DuckDBPyConnection], T]) -> T:
        with self.connection() as con:
            con.execute("BEGIN TRANSACTION")
            try:
                result = work(con)
                con.execute("COMMIT")
            except BaseException:
                # A failed COMMIT (a full disk) has ended the transaction already: the error to
                # raise is the one that stopped the work, not "no transaction is active".
                with suppress(duckdb.Error):
                    con.execute("ROLLBACK")
                raise
            return result

    def unseen(self, articles: Sequence[Article]) -> list[Article]:
        """The articles not yet coded, or coded from a different text (content hash).

        An article stored by an earlier version under its old id (``legacy_id``) with the same
        text is not coded again: its rows are renamed to the new id (docs/reliability.md).
        """
        if not articles:
            return []
        ids = {a.id for a in articles}
        wanted = ids | {a.legacy_id for a in articles if a.legacy_id}
        with self.connection() as con:
            rows = con.execute(
                "SELECT doc_id, content_hash FROM documents WHERE doc_id IN (SELECT unnest(?))",
                [sorted(wanted)],
            ).fetchall()
        done = dict(rows)
        todo, renames = [], []
        for a in articles:
            if done.get(a.id) == a.content_hash:
                continue
            old = a.legacy_id
            # An old id that is some article's id now belongs to that article, not this one.
            if old and old not in ids and a.id not in done and done.get(old) == a.content_hash:
                renames.append((old, a.id))
                del done[old]  # one stored row moves to one new id
                continue
            todo.append(a)
        if renames:
            self._transaction(lambda con: _rename(con, renames))
        return todo

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

        def work(con: duckdb.DuckDBPyConnection) -> None:
            con.register("batch_documents", documents)
            con.register("batch_events", events)
            con.register("batch_quotes", quote_rows)
            for table in ("events", "quotes", "documents"):
                con.execute(
                    f"DELETE FROM {table} WHERE doc_id IN (SELECT doc_id FROM batch_documents)"
                )
            con.execute("INSERT INTO documents SELECT * FROM batch_documents")
            con.execute(
                f"INSERT INTO events ({_columns(FLAT_COLUMNS)}) "
                f"SELECT {_columns(FLAT_COLUMNS)} FROM batch_events"
            )
            con.execute(
                f"INSERT INTO quotes ({_columns(QUOTE_COLUMNS)}) "
                f"SELECT {_columns(QUOTE_COLUMNS)} FROM batch_quotes"
            )
            if rejects:
                con.executemany("INSERT OR IGNORE INTO rejected VALUES (?, ?, ?, ?)", rejects)

        self._commit(work)

    def load_parts(self, parts: Path) -> int:
        """Load the Parquet parts a Dask run wrote (:func:`write_parts`) in one transaction,
        replacing documents stored under the same ids; returns how many documents it loaded.

        Only whole batches are loaded: a batch whose quotes part (written last) is missing was
        cut off by an interrupt, and its articles are coded again on the next run."""
        names = sorted(
            p.name
            for p in (parts / "documents").glob("part-*.parquet")
            if (parts / "quotes" / p.name).exists()
        )
        if not names:
            return 0
        return self.load_parquet(*([str(parts / t / n) for n in names] for t in _PART_TABLES))

    def load_parquet(
        self, documents: str | list[str], events: str | list[str], quotes: str | list[str]
    ) -> int:
        """Load documents, events and quotes written as Parquet (a path, a glob or a list of
        paths each) in one transaction, replacing documents stored under the same ids; returns
        how many documents it loaded. Paths are query parameters, never spliced into the SQL,
        so a quote or other odd character in a folder name is just a character."""

        def work(con: duckdb.DuckDBPyConnection) -> int:
            con.execute(
                "CREATE TEMP TABLE part_documents AS SELECT * FROM read_parquet(?)", [documents]
            )
            for table in ("events", "quotes", "documents"):
                con.execute(
                    f"DELETE FROM {table} WHERE doc_id IN (SELECT doc_id FROM part_documents)"
                )
            con.execute("INSERT INTO documents SELECT * FROM part_documents")
            for table, columns, path in (
                ("events", FLAT_COLUMNS, events),
                ("quotes", QUOTE_COLUMNS, quotes),
            ):
                con.execute(
                    f"INSERT INTO {table} ({_columns(columns)}) "
                    f"SELECT {_columns(columns)} FROM read_parquet(?)",
                    [path],
                )
            row = con.execute("SELECT count(*) FROM part_documents").fetchone()
            con.execute("DROP TABLE part_documents")
            return int(row[0]) if row else 0

        return self._commit(work)

    def _commit(self, work: Callable[[duckdb.DuckDBPyConnection], T]) -> T:
        """Store one batch in one transaction. A disk that fails under it (full: ENOSPC) raises
        :class:`InputError` (E185), so the CLI prints one line and exits 2, not a crash: the
        batch is rolled back and the batches committed before it stay."""
        try:
            done = self._transaction(work)
        except (OSError, duckdb.Error) as err:
            if not _disk_failed(err):
                raise
            reason = str(err).splitlines()[0] if str(err) else type(err).__name__
            message = Errors.E185.format(path=self.path, reason=reason, kept=self.batches)
            raise InputError(message) from err
        self.batches += 1
        return done

    def count(self, table: str) -> int:
        """Rows in ``table`` (documents, events, quotes or rejected)."""
        if table not in ("documents", "events", "quotes", "rejected"):
            raise ValueError(table)
        with self.connection() as con:
            row = con.execute(f"SELECT count(*) FROM {table}").fetchone()
        return int(row[0]) if row else 0


def _disk_failed(err: Exception) -> bool:
    """Whether a write failed in the file system (a full disk, an I/O error), not in our SQL:
    DuckDB raises an IOException while it writes, and a TransactionException "Failed to commit"
    when the write-ahead log cannot be written."""
    if isinstance(err, OSError | duckdb.IOException):
        return True
    return isinstance(err, duckdb.TransactionException) and "Failed to commit" in str(err)


def default_wait(read_only: bool) -> float:
    """Seconds to wait for a held store: ``$EVENTCODER_STORE_WAIT``, else :data:`READ_WAIT` for
    a reader (a writer's batch takes well under that) or :data:`WRITE_WAIT` for a writer (an
    export of a large store can take minutes)."""
    value = os.environ.get(WAIT_ENV)
    return float(value) if value else READ_WAIT if read_only else WRITE_WAIT


def connect(
    path: Path, read_only: bool = True, wait: float | None = None
) -> duckdb.DuckDBPyConnection:
    """A DuckDB connection to ``path``, retried with a growing pause (10 ms up to 1 s) while
    another process holds the file; :class:`StoreBusy` when it is still held after ``wait``
    seconds (default: :func:`default_wait`). Errors other than a held lock are raised as they
    are."""
    wait = default_wait(read_only) if wait is None else wait
    deadline = time.monotonic() + wait
    pause = 0.01
    while True:
        try:
            return duckdb.connect(str(path), read_only=read_only, config=NO_EXTENSIONS)
        except duckdb.IOException as err:
            holder = _holder(str(err))
            if holder is None:
                raise
            if time.monotonic() + pause > deadline:
                message = Errors.E110.format(path=path, pid=holder, waited=f"{wait:g}")
                raise StoreBusy(message) from err
            time.sleep(pause)
            pause = min(pause * 2, 1.0)


def _holder(message: str) -> str | None:
    """The process id in DuckDB's "Conflicting lock is held in ... (PID n)" error, or None
    when the error is not a held lock."""
    if "Conflicting lock" not in message and "Could not set lock" not in message:
        return None
    pid = re.search(r"PID (\d+)", message)
    return pid.group(1) if pid else "?"


def _run_lock(path: Path) -> IO[str] | None:
    """Hold ``<path>.lock`` for as long as the returned file stays open: one coding run a store.

    The operating system drops the lock when the process ends however it ends (kill -9
    included), so a crashed run never leaves the store locked. Without ``fcntl`` (Windows) there
    is no run lock; DuckDB's own lock still keeps two batches from writing at once.
    """
    try:
        import fcntl
    except ImportError:  # pragma: no cover - Windows
        return None
    lock = open(path.with_name(path.name + ".lock"), "a+", encoding="utf-8")  # noqa: SIM115 - held open as the lock
    try:
        fcntl.flock(lock, fcntl.LOCK_EX | fcntl.LOCK_NB)
    except OSError as err:
        lock.seek(0)
        holder = lock.read().strip() or "?"
        lock.close()
        raise StoreBusy(Errors.E111.format(path=path, pid=holder)) from err
    lock.seek(0)
    lock.truncate()
    lock.write(str(os.getpid()))
    lock.flush()
    return lock


def _check_path(path: Path) -> None:
    """Raise :class:`InputError` (E161) for a store path that is a folder, an SQLite database or
    in no folder, before anything (the run lock) is written beside it."""
    reason = path_problem(path)
    if reason is not None:
        raise InputError(Errors.E161.format(path=path, reason=reason))


def _drop_unborn(path: Path) -> None:
    """Remove ``path`` when it is an empty file, so that DuckDB creates the store anew.

    A run killed while DuckDB creates a new store (kill -9, a power loss) can leave the file
    empty, which DuckDB then refuses to open ("not a valid DuckDB database file"): the re-run
    that should resume would stop there. An empty file holds nothing to lose; called with the
    run lock held, so no other run is creating it at that moment.
    """
    try:
        if path.is_file() and path.stat().st_size == 0:
            path.unlink()
    except OSError:
        pass  # DuckDB's own error on opening the file says what is wrong with it


def check_readable(path: Path) -> None:
    """Raise :class:`InputError` (E043) for a store to read that is missing, or that
    :func:`path_problem` shows is none, before DuckDB is asked to open it."""
    reason = path_problem(path) or (None if path.is_file() else "no such file")
    if reason is not None:
        raise InputError(Errors.E043.format(path=path, reason=reason))


def path_problem(path: Path) -> str | None:
    """Why ``path`` cannot be a DuckDB store, when that shows without opening it: a folder, a
    path in no folder, an SQLite database or another file that is not DuckDB's. None when
    nothing shows (a new or empty file, a DuckDB file)."""
    reason = folder_problem(path)
    if reason is None and path.is_file():
        try:
            with open(path, "rb") as head:
                magic = head.read(16)
        except OSError as err:
            return err.strerror or str(err)
        if magic == b"SQLite format 3\x00":
            reason = "it is an SQLite database, not a DuckDB file"
        elif magic and magic[8:12] != b"DUCK":  # DuckDB's files name themselves at byte 8
            reason = "it is not a DuckDB file"
    return reason


def check_schema(con: duckdb.DuckDBPyConnection, path: Path) -> None:
    """Raise :class:`InputError` (E162) when a table of the store named like ours lacks our
    :data:`KEY_COLUMNS`: the file belongs to another program."""
    for table, needed in KEY_COLUMNS.items():
        rows = con.execute(
            "SELECT column_name FROM information_schema.columns WHERE table_name = ?", [table]
        ).fetchall()
        have = {name for (name,) in rows}
        missing = [c for c in needed if c not in have]
        if have and missing:
            message = Errors.E162.format(path=path, table=table, missing=", ".join(missing))
            raise InputError(message)


def _create_tables(con: duckdb.DuckDBPyConnection, path: Path) -> None:
    """The store's tables, and the columns added since an older store was written (empty for
    the documents already coded), so old stores keep working. Another program's tables of the
    same names are left alone (:func:`check_schema`)."""
    check_schema(con, path)
    for statement in SCHEMA:
        con.execute(statement)
    for table, schema in (("events", row_schema()), ("quotes", quote_schema())):
        rows = con.execute(
            "SELECT column_name FROM information_schema.columns WHERE table_name = ?", [table]
        ).fetchall()
        have = {name for (name,) in rows}
        for f in schema:
            if f.name not in have:
                con.execute(f'ALTER TABLE {table} ADD COLUMN "{f.name}" {SQL_TYPES[f.type]}')


def _rename(con: duckdb.DuckDBPyConnection, renames: Sequence[tuple[str, str]]) -> None:
    """Move documents, with their events and quotes, from old ids to new ones (event ids are
    ``<doc_id>-<n>``, so they move too)."""
    for old, new in renames:
        con.execute("UPDATE documents SET doc_id = ? WHERE doc_id = ?", [new, old])
        con.execute(
            "UPDATE events SET doc_id = $new, event_id = $new || substr(event_id, $cut) "
            "WHERE doc_id = $old",
            {"new": new, "old": old, "cut": len(old) + 1},
        )
        con.execute("UPDATE quotes SET doc_id = ? WHERE doc_id = ?", [new, old])


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


_PART_TABLES = ("documents", "events", "quotes")


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
    # Quotes last: a batch is whole once its quotes part exists (load_parts relies on it).
    for name, table in zip(_PART_TABLES, (documents, events, quote_rows), strict=True):
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
