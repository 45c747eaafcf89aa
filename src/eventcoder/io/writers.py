"""Writing events: JSON Lines (nested, one event a line), CSV and Parquet (flat columns).

In CSV and Parquet the nested ``actor``, ``recipient``, ``trigger`` and ``location`` objects
become columns ``actor_code``, ``recipient_country``, ``trigger_start``, ``location_lat``, ...
(docs/records.md lists them). Quotes are written the same way (:class:`QuoteWriter`).
Parquet types the day columns (:data:`DATE_COLUMNS`) as DATE; CAMEO codes stay strings with
their leading zeros in every format. CSV text cells a spreadsheet would run as formulas are
neutralised (:mod:`eventcoder.io.cells`) unless ``raw_csv`` asks for them as they are.
"""

from __future__ import annotations

import csv
import json
import os
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import IO, Any

from eventcoder.errors import Errors, InputError
from eventcoder.io.cells import neutralise_row
from eventcoder.quotes import Quote
from eventcoder.records import Event

ACTOR_FIELDS = (
    "text", "code", "country", "sector", "name", "start", "end", "kind", "country_from",
)  # fmt: skip
LOCATION_FIELDS = (
    "text", "name", "kind", "feature", "country", "country_fips", "admin1", "admin1_code", "lat",
    "lon", "geonameid", "full_name", "gdelt_type", "adm1", "feature_id",
)  # fmt: skip
FLAT_COLUMNS: tuple[str, ...] = (
    "event_id", "doc_id", "sentence_index", "date", "date_text", "date_precision",
    "is_background", "publication_date", "source", "url", "title",
    *(f"actor_{f}" for f in ACTOR_FIELDS),
    *(f"recipient_{f}" for f in ACTOR_FIELDS),
    "event_type", "mode", "context", "cameo", "cameo_root", "quad_class", "goldstein",
    "trigger_text", "trigger_start", "trigger_end", "sentence",
    *(f"location_{f}" for f in LOCATION_FIELDS),
    "quote", "is_root", "negated", "pattern",
)  # fmt: skip
SPEAKER_FIELDS = ("text", "name", "code", "country", "sector", "start", "end")
QUOTE_COLUMNS: tuple[str, ...] = (
    "doc_id", "quote_index", *(f"speaker_{f}" for f in SPEAKER_FIELDS), "cue", "text", "start",
    "end", "direct", "sentence_index", "date", "date_text", "date_precision",
)  # fmt: skip
FORMATS = (".jsonl", ".json", ".csv", ".parquet")
# Columns holding a day, YYYY-MM-DD: strings in rows, CSV and the store, DATE in Parquet files.
DATE_COLUMNS = frozenset({"date", "publication_date"})


def flatten(record: dict[str, Any]) -> dict[str, Any]:
    """One event dict (as from :meth:`Event.to_dict`) as a flat row of :data:`FLAT_COLUMNS`."""
    row = dict(record)
    for role in ("actor", "recipient"):
        inner = row.pop(role) or {}
        for f in ACTOR_FIELDS:
            row[f"{role}_{f}"] = inner.get(f)
    trigger = row.pop("trigger")
    for f in ("text", "start", "end"):
        row[f"trigger_{f}"] = trigger[f]
    location = row.pop("location", None) or {}
    for f in LOCATION_FIELDS:
        row[f"location_{f}"] = location.get(f)
    return {c: row.get(c) for c in FLAT_COLUMNS}


def flatten_quote(record: dict[str, Any]) -> dict[str, Any]:
    """One quote dict (as from :meth:`Quote.to_dict`) as a flat row of :data:`QUOTE_COLUMNS`."""
    row = dict(record)
    speaker = row.pop("speaker") or {}
    for f in SPEAKER_FIELDS:
        row[f"speaker_{f}"] = speaker.get(f)
    return {c: row.get(c) for c in QUOTE_COLUMNS}


def check_format(path: Path) -> None:
    """Raise :class:`InputError` unless ``path`` has a suffix we can write."""
    if path.suffix not in FORMATS:
        raise InputError(Errors.E020.format(path=path, suffix=path.suffix))


def check_output(path: Path) -> None:
    """Raise :class:`InputError` (E160) unless ``path`` can be written: its folder exists and
    is writable, and it is not a folder itself. Checked before coding starts, so a bad ``-o``
    costs one line, not a run."""
    reason = folder_problem(path)
    if reason is None and (
        not os.access(path.parent, os.W_OK) or (path.exists() and not os.access(path, os.W_OK))
    ):
        reason = "permission denied"
    if reason is not None:
        raise InputError(Errors.E160.format(path=path, reason=reason))


def folder_problem(path: Path) -> str | None:
    """Why no file can be at ``path``: it is a folder, or its folder does not exist. None when
    neither; the one check of an output (``-o``) and of a store (``--db``)."""
    if path.is_dir():
        return "it is a folder"
    if not path.parent.is_dir():
        return f"no folder {path.parent}"
    return None


class EventWriter:
    """Writes events to ``path`` in the format its suffix names; use as a context manager.

    JSON Lines and CSV stream as events arrive; Parquet is written in row groups of ``batch``.
    raw_csv: write CSV cells as they are, formulas included (default: neutralised).
    A file that cannot be written (no folder, no space) raises :class:`InputError` (E160).
    """

    columns = FLAT_COLUMNS

    @staticmethod
    def flat(record: dict[str, Any]) -> dict[str, Any]:
        return flatten(record)

    @staticmethod
    def schema() -> Any:
        return row_schema()

    def __init__(self, path: Path, batch: int = 10_000, raw_csv: bool = False) -> None:
        check_format(path)
        self.path = path
        self.raw_csv = raw_csv
        self.suffix = path.suffix
        self.count = 0
        self._batch = batch
        self._rows: list[dict[str, Any]] = []
        self._fh: IO[str] | None = None
        self._csv: csv.DictWriter[str] | None = None
        self._parquet: Any = None

    @contextmanager
    def _writing(self) -> Iterator[None]:
        # The operating system's refusals (no space, a folder gone) as one line, not a traceback.
        try:
            yield
        except OSError as err:
            raise InputError(Errors.E160.format(path=self.path, reason=err)) from err

    def __enter__(self) -> EventWriter:
        with self._writing():
            if self.suffix in (".jsonl", ".json"):
                self._fh = open(self.path, "w", encoding="utf-8")
            elif self.suffix == ".csv":
                self._fh = open(self.path, "w", encoding="utf-8", newline="")
                self._csv = csv.DictWriter(self._fh, fieldnames=self.columns)
                self._csv.writeheader()
        return self

    def write(self, records: Iterable[Event] | Iterable[Quote]) -> None:
        with self._writing():
            self._write(records)

    def _write(self, records: Iterable[Event] | Iterable[Quote]) -> None:
        for item in records:
            record = item.to_dict()
            self.count += 1
            if self._csv is not None:
                row = self.flat(record)
                self._csv.writerow(row if self.raw_csv else neutralise_row(row))
            elif self._fh is not None:
                self._fh.write(json.dumps(record, ensure_ascii=False) + "\n")
            else:
                self._rows.append(self.flat(record))
                if len(self._rows) >= self._batch:
                    self._flush_parquet()

    def _flush_parquet(self) -> None:
        import pyarrow as pa
        import pyarrow.parquet as pq

        table = pa.Table.from_pylist(self._rows, schema=self.schema())
        table = table.cast(dated(table.schema))
        if self._parquet is None:
            self._parquet = pq.ParquetWriter(self.path, table.schema)
        self._parquet.write_table(table)
        self._rows = []

    def __exit__(self, *exc: object) -> None:
        with self._writing():
            self._close()

    def _close(self) -> None:
        if self.suffix == ".parquet":
            if self._rows or self._parquet is None:
                self._flush_parquet()
            self._parquet.close()
        elif self._fh is not None:
            self._fh.close()


def row_schema() -> Any:
    """The Arrow schema of flat event rows as :func:`flatten` makes them, dates as strings (the
    store's ``events`` table)."""
    import pyarrow as pa

    types = {
        "is_background": pa.bool_(),
        "sentence_index": pa.int32(),
        "actor_start": pa.int64(),
        "actor_end": pa.int64(),
        "recipient_start": pa.int64(),
        "recipient_end": pa.int64(),
        "quad_class": pa.int8(),
        "goldstein": pa.float64(),
        "trigger_start": pa.int64(),
        "trigger_end": pa.int64(),
        "is_root": pa.bool_(),
        "negated": pa.bool_(),
        "location_lat": pa.float64(),
        "location_lon": pa.float64(),
        "location_geonameid": pa.int64(),
        "location_gdelt_type": pa.int8(),
        "quote": pa.int32(),
    }
    return pa.schema([(c, types.get(c, pa.string())) for c in FLAT_COLUMNS])


def parquet_schema() -> Any:
    """The Arrow schema of flat event rows in Parquet files: :func:`row_schema`, dates typed."""
    return dated(row_schema())


def dated(schema: Any) -> Any:
    """``schema`` with the :data:`DATE_COLUMNS` typed DATE (``date32``) instead of strings."""
    import pyarrow as pa

    return pa.schema([f.with_type(pa.date32()) if f.name in DATE_COLUMNS else f for f in schema])


class QuoteWriter(EventWriter):
    """Writes quotes (:class:`~eventcoder.quotes.Quote`) like :class:`EventWriter` writes events."""

    columns = QUOTE_COLUMNS

    @staticmethod
    def flat(record: dict[str, Any]) -> dict[str, Any]:
        return flatten_quote(record)

    @staticmethod
    def schema() -> Any:
        return quote_schema()


def quote_schema() -> Any:
    """The Arrow schema of flat quote rows, dates as strings (the store's ``quotes`` table)."""
    import pyarrow as pa

    types = {
        "quote_index": pa.int32(),
        "speaker_start": pa.int64(),
        "speaker_end": pa.int64(),
        "start": pa.int64(),
        "end": pa.int64(),
        "direct": pa.bool_(),
        "sentence_index": pa.int32(),
    }
    return pa.schema([(c, types.get(c, pa.string())) for c in QUOTE_COLUMNS])
