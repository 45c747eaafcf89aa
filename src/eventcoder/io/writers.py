"""Writing events: JSON Lines (nested, one event a line), CSV and Parquet (flat columns).

In CSV and Parquet the nested ``actor``, ``recipient`` and ``trigger`` objects become columns
``actor_code``, ``recipient_country``, ``trigger_start``, ... (docs/records.md lists them).
"""

from __future__ import annotations

import csv
import json
from collections.abc import Iterable
from pathlib import Path
from typing import IO, Any

from eventcoder.errors import Errors, InputError
from eventcoder.records import Event

ACTOR_FIELDS = ("text", "code", "country", "sector", "name", "start", "end", "kind")
FLAT_COLUMNS: tuple[str, ...] = (
    "event_id", "doc_id", "sentence_index", "date",
    *(f"actor_{f}" for f in ACTOR_FIELDS),
    *(f"recipient_{f}" for f in ACTOR_FIELDS),
    "event_type", "mode", "context", "cameo", "cameo_root", "quad_class", "goldstein",
    "trigger_text", "trigger_start", "trigger_end", "sentence", "is_root", "negated", "pattern",
)  # fmt: skip
FORMATS = (".jsonl", ".json", ".csv", ".parquet")


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
    return {c: row.get(c) for c in FLAT_COLUMNS}


def check_format(path: Path) -> None:
    """Raise :class:`InputError` unless ``path`` has a suffix we can write."""
    if path.suffix not in FORMATS:
        raise InputError(Errors.E020.format(path=path, suffix=path.suffix))


class EventWriter:
    """Writes events to ``path`` in the format its suffix names; use as a context manager.

    JSON Lines and CSV stream as events arrive; Parquet is written in row groups of ``batch``.
    """

    def __init__(self, path: Path, batch: int = 10_000) -> None:
        check_format(path)
        self.path = path
        self.suffix = path.suffix
        self.count = 0
        self._batch = batch
        self._rows: list[dict[str, Any]] = []
        self._fh: IO[str] | None = None
        self._csv: csv.DictWriter[str] | None = None
        self._parquet: Any = None

    def __enter__(self) -> EventWriter:
        if self.suffix in (".jsonl", ".json"):
            self._fh = open(self.path, "w", encoding="utf-8")
        elif self.suffix == ".csv":
            self._fh = open(self.path, "w", encoding="utf-8", newline="")
            self._csv = csv.DictWriter(self._fh, fieldnames=FLAT_COLUMNS)
            self._csv.writeheader()
        return self

    def write(self, events: Iterable[Event]) -> None:
        for event in events:
            record = event.to_dict()
            self.count += 1
            if self._csv is not None:
                self._csv.writerow(flatten(record))
            elif self._fh is not None:
                self._fh.write(json.dumps(record, ensure_ascii=False) + "\n")
            else:
                self._rows.append(flatten(record))
                if len(self._rows) >= self._batch:
                    self._flush_parquet()

    def _flush_parquet(self) -> None:
        import pyarrow as pa
        import pyarrow.parquet as pq

        table = pa.Table.from_pylist(self._rows, schema=parquet_schema())
        if self._parquet is None:
            self._parquet = pq.ParquetWriter(self.path, table.schema)
        self._parquet.write_table(table)
        self._rows = []

    def __exit__(self, *exc: object) -> None:
        if self.suffix == ".parquet":
            if self._rows or self._parquet is None:
                self._flush_parquet()
            self._parquet.close()
        elif self._fh is not None:
            self._fh.close()


def parquet_schema() -> Any:
    import pyarrow as pa

    types = {
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
    }
    return pa.schema([(c, types.get(c, pa.string())) for c in FLAT_COLUMNS])
