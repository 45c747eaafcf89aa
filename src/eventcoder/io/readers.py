"""Reading articles: ``.txt`` (one article), ``.jsonl`` (one a line), directories, standard input.

Every input comes out as an :class:`Article` or a :class:`Rejected` with the reason, never
silently dropped.
"""

from __future__ import annotations

import json
import re
import sys
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from datetime import date as Date
from pathlib import Path
from typing import Any, BinaryIO

from eventcoder.errors import Errors, InputError

SUFFIXES = (".txt", ".jsonl")
_DATE_IN_NAME = re.compile(r"(\d{4}-\d{2}-\d{2})")


@dataclass
class Article:
    """One article to code. ``date`` is its publication date, YYYY-MM-DD, or None."""

    id: str
    text: str
    date: str | None = None
    url: str | None = None
    title: str | None = None
    source: str | None = None
    origin: str = ""  # file and line it was read from


@dataclass
class Rejected:
    """An input record that could not be read: where it was and why."""

    source: str
    line: int
    reason: str

    def to_dict(self) -> dict[str, Any]:
        return {"source": self.source, "line": self.line, "reason": self.reason}


def check_date(value: str) -> str:
    """``value`` if it is a valid YYYY-MM-DD date, else ValueError."""
    Date.fromisoformat(value)
    if not re.fullmatch(r"\d{4}-\d{2}-\d{2}", value):
        raise ValueError(value)
    return value


def read_inputs(inputs: Iterable[str], date: str | None = None) -> Iterator[Article | Rejected]:
    """Articles from files, directories or ``-`` (standard input), in order.

    date: the publication date for input that has none. A ``.txt`` file is one article whose id is
    the file name without its suffix (and whose date, when not given, is a YYYY-MM-DD in that name).
    Raises :class:`InputError` for a path that does not exist or is not a supported file.
    """
    if date is not None:
        try:
            check_date(date)
        except ValueError as err:
            raise InputError(Errors.E016.format(value=date)) from err
    for item in inputs:
        if item == "-":
            yield from _read_stream(sys.stdin.buffer, "<stdin>", date)
            continue
        path = Path(item)
        if path.is_dir():
            for file in sorted(p for p in path.rglob("*") if p.suffix in SUFFIXES):
                yield from _read_file(file, date)
        elif path.is_file():
            if path.suffix not in SUFFIXES:
                raise InputError(Errors.E006.format(path=path))
            yield from _read_file(path, date)
        else:
            raise InputError(Errors.E005.format(path=path))


def _read_file(path: Path, date: str | None) -> Iterator[Article | Rejected]:
    with open(path, "rb") as fh:
        if path.suffix == ".jsonl":
            yield from _read_jsonl(fh, str(path), date)
        else:
            yield _read_text(fh.read(), str(path), path.stem, date or _date_in_name(path.name))


def _date_in_name(name: str) -> str | None:
    m = _DATE_IN_NAME.search(name)
    if m is None:
        return None
    try:
        return check_date(m.group(1))
    except ValueError:
        return None


def _read_stream(fh: BinaryIO, source: str, date: str | None) -> Iterator[Article | Rejected]:
    data = fh.read()
    if data.lstrip().startswith(b"{"):
        yield from _read_jsonl(iter(data.splitlines(keepends=True)), source, date)
    else:
        yield _read_text(data, source, "stdin", date)


def _read_text(data: bytes, source: str, doc_id: str, date: str | None) -> Article | Rejected:
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as err:
        return Rejected(source, 0, Errors.E013.format(source=source, reason=err.reason))
    return Article(id=doc_id, text=text, date=date, origin=source)


def _read_jsonl(
    lines: Iterable[bytes], source: str, date: str | None
) -> Iterator[Article | Rejected]:
    for number, raw in enumerate(lines, 1):
        if not raw.strip():
            continue
        try:
            line = raw.decode("utf-8")
        except UnicodeDecodeError as err:
            reason = Errors.E013.format(source=f"{source}, line {number}", reason=err.reason)
            yield Rejected(source, number, reason)
            continue
        try:
            yield parse_record(json.loads(line), source, number, date)
        except json.JSONDecodeError as err:
            yield Rejected(
                source, number, Errors.E010.format(source=source, line=number, reason=err.msg)
            )
        except InputError as err:
            yield Rejected(source, number, str(err))


def parse_record(record: Any, source: str, line: int, date: str | None = None) -> Article:
    """An :class:`Article` from one decoded JSON record, or :class:`InputError` saying why not."""
    if not isinstance(record, dict):
        kind = type(record).__name__
        raise InputError(Errors.E011.format(source=source, line=line, kind=kind))
    text = record.get("text")
    if not isinstance(text, str):
        raise InputError(Errors.E012.format(source=source, line=line))
    doc_id = record.get("id", f"{Path(source).stem}-{line}")
    if isinstance(doc_id, bool) or not isinstance(doc_id, (str, int)):
        kind = type(doc_id).__name__
        raise InputError(Errors.E015.format(source=source, line=line, kind=kind))
    record_date = record.get("date") or date
    if record_date is not None:
        try:
            check_date(str(record_date))
        except ValueError as err:
            msg = Errors.E014.format(source=source, line=line, value=record_date)
            raise InputError(msg) from err
    return Article(
        id=str(doc_id),
        text=text,
        date=record_date,
        url=record.get("url"),
        title=record.get("title"),
        source=record.get("source"),
        origin=f"{source}:{line}",
    )
