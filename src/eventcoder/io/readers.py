"""Reading articles from files, directories and standard input.

One reader a format: ``.txt`` (one article), ``.jsonl`` (one a line), ``.csv`` (one a row),
``.html``/``.htm`` (the article text trafilatura finds), RSS and Atom feeds (``.rss``, ``.atom``,
``.xml``: one an entry) and web archives (``.warc``, ``.warc.gz``: one an HTML page). Every input
comes out as an :class:`Article` or a :class:`Rejected` with the reason, never silently dropped,
and is read as a stream: memory does not grow with the size of the corpus.
"""

from __future__ import annotations

import codecs
import csv
import gzip
import hashlib
import importlib
import itertools
import json
import os
import re
import stat
import sys
import zlib
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from datetime import date as Date
from datetime import datetime
from pathlib import Path
from types import ModuleType
from typing import Any, BinaryIO

from eventcoder.chunks import max_article
from eventcoder.errors import Errors, InputError

_DATE_IN_NAME = re.compile(r"(\d{4}-\d{2}-\d{2})")
# A charset declared in the page itself: <meta charset=...> or <meta http-equiv ... charset=...>.
_META_CHARSET = re.compile(rb"""<meta[^>]+charset\s*=\s*["']?\s*([\w.:-]+)""", re.IGNORECASE)
_HTML_TYPES = ("text/html", "application/xhtml+xml")
_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")
# A UTF-16 surrogate on its own: JSON can spell one ("\ud800"), but it is no character and
# cannot be written as UTF-8, so it becomes U+FFFD (docs/reliability.md, "Reading input").
_LONE_SURROGATE = re.compile("[\ud800-\udfff]")
_BOM = "\ufeff"
# Elements that end a line when an HTML fragment (a feed entry) is turned into text.
_BLOCKS = (
    "p", "div", "br", "li", "dd", "dt", "tr", "pre", "blockquote", "section", "article",
    "h1", "h2", "h3", "h4", "h5", "h6",
)  # fmt: skip


@dataclass
class Article:
    """One article to code. ``date`` is its publication date, YYYY-MM-DD, or None.

    ``content_hash`` is the first 16 hex digits of the SHA-256 of the UTF-8 text, set by the
    readers, so that the same text is recognised whatever its id.
    ``id`` is unique by construction: what the input gives, else one derived from where the
    input is (:func:`derived_id`); two inputs giving the same id are told apart by the runner.
    """

    id: str
    text: str
    date: str | None = None
    url: str | None = None
    title: str | None = None
    source: str | None = None
    origin: str = ""  # file and line it was read from
    content_hash: str = ""
    # The id eventcoder gave this input before ids were unique by construction (docs/reliability.md,
    # Document ids), or "": a store written then is renamed to the new id instead of coded again.
    legacy_id: str = ""


@dataclass
class Rejected:
    """An input record that could not be read: where it was and why."""

    source: str
    line: int
    reason: str

    def to_dict(self) -> dict[str, Any]:
        return {"source": self.source, "line": self.line, "reason": self.reason}


@dataclass(frozen=True)
class CsvColumns:
    """Which columns of a ``.csv`` file hold an article's text, id, publication date, outlet,
    URL and title.

    text: the column with the article text; a file without it is an error.
    id: the column with the article id, or None; a row without one gets a hash id.
    date: the column with the date (YYYY-MM-DD or an ISO date-time), or None.
    source, url, title: the columns with the outlet's name, the article's URL and its title,
    or None; a file or a cell without them leaves them empty. Every event carries them, and
    the export counts sources by ``source`` (docs/export.md).
    """

    text: str = "text"
    id: str | None = "id"
    date: str | None = "date"
    source: str | None = "source"
    url: str | None = "url"
    title: str | None = "title"


# A reader: (file, date for undated input, CSV columns, the file's name for ids) -> the file's
# records, one at a time.
_Reader = Callable[[Path, str | None, CsvColumns, str], Iterator[Article | Rejected]]
# The name standard input goes by in ids.
STDIN = "-"


def check_date(value: str) -> str:
    """``value`` if it is a valid YYYY-MM-DD date, else ValueError."""
    Date.fromisoformat(value)
    if not re.fullmatch(r"\d{4}-\d{2}-\d{2}", value):
        raise ValueError(value)
    return value


def content_hash(text: str) -> str:
    """The first 16 hex digits of the SHA-256 of ``text`` encoded as UTF-8."""
    return hashlib.sha256(text.encode("utf-8")).hexdigest()[:16]


def stable_id(given: str | int | None, source: str, text: str) -> str:
    """An article id that is the same every time the same input is read.

    given: the id the input gives (a file name, an id field or column, a feed guid, a WARC record
        id), or None or "" when it has none.
    source: where the article comes from (the file path, as given).
    text: the article text.
    Returns ``given`` as a string, or else the first 16 hex digits of the SHA-256 of source, a
    newline and text.
    """
    if given is not None and str(given) != "":
        return str(given)
    return content_hash(f"{source}\n{text}")


def derived_id(name: str, line: int, text: str) -> str:
    """The id of an input that gives none, unique by where the input is.

    name: the file's path relative to the input it was found under (a directory given on the
        command line, or the file's own folder when the file itself was given), with its suffix,
        so that ``a/story.txt``, ``b/story.txt`` and ``a.html`` differ; or :data:`STDIN`.
    line: the record's line in the file (JSON lines, CSV), or 0 for a one-article file.
    text: the article text; standard input is named by it (``stdin:<content hash>``), so that a
        second piped article does not replace the first.
    Returns ``<name>``, ``<name>:<line>`` or ``stdin:<content hash>``.
    """
    if name == STDIN:
        return f"stdin:{content_hash(text)}"
    return f"{name}:{line}" if line else name


def read_inputs(
    inputs: Iterable[str], date: str | None = None, columns: CsvColumns | None = None
) -> Iterator[Article | Rejected]:
    """Articles from files, directories or ``-`` (standard input), in order, one at a time.

    inputs: paths of files or directories (read recursively, in path order), or ``-``.
    date: the publication date (YYYY-MM-DD) for input that has none. Without it, an undated
        ``.txt`` or ``.html`` file takes a YYYY-MM-DD in its file name.
    columns: the ``.csv`` columns to read; by default ``text``, ``id`` and ``date``.
    Yields an :class:`Article` or a :class:`Rejected` (with file, line and reason) per record.
    A file or folder that cannot be read, a dangling link, a FIFO or a ``.csv`` file without the
    text column is a :class:`Rejected` too, and reading goes on with the next file.
    Raises :class:`InputError` for a bad ``date`` and a path given here that does not exist (nor
    is a link) or is a regular file of no supported suffix.
    """
    if date is not None:
        try:
            check_date(date)
        except ValueError as err:
            raise InputError(Errors.E016.format(value=date)) from err
    columns = columns or CsvColumns()
    for item in inputs:
        if item == "-":
            yield from _read_stream(sys.stdin.buffer, "<stdin>", date)
            continue
        path = Path(item)
        if not path.exists() and not path.is_symlink():
            raise InputError(Errors.E005.format(path=path))  # a typo: nothing by that name
        if path.is_dir():
            for found in _walk(path, set()):
                if isinstance(found, Rejected):
                    yield found
                else:
                    yield from _read_file(found, date, columns, found.relative_to(path).as_posix())
        elif (unreadable := _why_unreadable(path)) is not None:
            # A dangling link or a FIFO given by name is rejected as inside a folder, so the
            # other inputs are read.
            yield unreadable
        elif not _suffix(path):
            raise InputError(Errors.E006.format(path=path, suffixes=", ".join(SUFFIXES)))
        else:
            yield from _read_file(path, date, columns, path.name)


def _read_file(
    path: Path, date: str | None, columns: CsvColumns, name: str
) -> Iterator[Article | Rejected]:
    """The records of one file (``name``: its path below the input root, for ids); an OS error
    (permission denied, I/O error) while reading it becomes a rejection of the file, after the
    records read before it."""
    try:
        yield from _READERS[_suffix(path)](path, date, columns, name)
    except OSError as err:
        yield Rejected(str(path), 0, Errors.E142.format(path=path, reason=_os_reason(err)))


def _os_reason(err: OSError) -> str:
    """An OS error's message without the path, which the error message names already."""
    return err.strerror or str(err)


def _walk(folder: Path, seen: set[tuple[int, int]]) -> Iterator[Path | Rejected]:
    """The files with a supported suffix below ``folder``, depth first in name order, and a
    :class:`Rejected` for each folder that cannot be listed and each such name that is no
    readable file.

    Symbolic links to folders are followed; ``seen`` holds the (device, inode) of the folders
    walked, so a folder reached twice (through a link, or a link loop) is read once.
    """
    try:
        info = folder.stat()
        if (info.st_dev, info.st_ino) in seen:
            return
        seen.add((info.st_dev, info.st_ino))
        with os.scandir(folder) as listing:
            entries = sorted(listing, key=lambda entry: entry.name)
    except OSError as err:
        yield Rejected(str(folder), 0, Errors.E143.format(path=folder, reason=_os_reason(err)))
        return
    for entry in entries:
        path = Path(entry.path)
        if entry.is_dir():
            yield from _walk(path, seen)
        elif _suffix(path):
            yield _why_unreadable(path) or path


def _why_unreadable(path: Path) -> Rejected | None:
    """Why ``path`` (a name with a supported suffix, or given by itself; not a folder) cannot be
    read as a file, or None when it is a regular file (or a link to one)."""
    try:
        mode = path.stat().st_mode
    except OSError:
        target = os.readlink(path) if path.is_symlink() else "?"
        return Rejected(str(path), 0, Errors.E144.format(path=path, target=target))
    if stat.S_ISREG(mode):
        return None
    # Opening a FIFO would wait forever for a writer; a device is no article.
    kind = "FIFO" if stat.S_ISFIFO(mode) else "socket" if stat.S_ISSOCK(mode) else "device"
    return Rejected(str(path), 0, Errors.E145.format(path=path, kind=kind))


def _suffix(path: Path) -> str:
    """The supported suffix ``path`` ends with (``.warc.gz`` is one), or ""."""
    name = path.name.lower()
    return next((suffix for suffix in SUFFIXES if name.endswith(suffix)), "")


def _require(module: str, path: Path, kind: str) -> ModuleType:
    """``module``, imported on first use so that plain-text input needs none of the extras."""
    try:
        return importlib.import_module(module)
    except ImportError as err:
        package = module.split(".")[0]
        raise InputError(Errors.E039.format(path=path, kind=kind, package=package)) from err


def _date_in_name(name: str) -> str | None:
    m = _DATE_IN_NAME.search(name)
    if m is None:
        return None
    try:
        return check_date(m.group(1))
    except ValueError:
        return None


def _iso_date(value: str) -> str:
    """The YYYY-MM-DD date of ``value``, a date or an ISO 8601 date-time, else ValueError."""
    if len(value) > 10:
        datetime.fromisoformat(value)
        # The date as written, in the publisher's time zone, not converted to UTC.
        return check_date(value[:10])
    return check_date(value)


# --- plain text and JSON lines ---------------------------------------------------------------


def _read_txt(
    path: Path, date: str | None, columns: CsvColumns, name: str
) -> Iterator[Article | Rejected]:
    dated = date or _date_in_name(path.name)
    limit = max_article()
    if path.stat().st_size > limit:
        # never read whole: the file alone could take more memory than the machine has
        yield Rejected(str(path), 0, Errors.E171.format(where=path, what="file", limit=limit))
        return
    yield _read_text(path.read_bytes(), str(path), name, dated, legacy_id=path.stem)


def _read_jsonl_file(
    path: Path, date: str | None, columns: CsvColumns, name: str
) -> Iterator[Article | Rejected]:
    with open(path, "rb") as fh:
        yield from _read_jsonl(fh, str(path), date, name)


def _read_stream(fh: BinaryIO, source: str, date: str | None) -> Iterator[Article | Rejected]:
    # The first non-blank line tells JSON lines from text; the lines read to find it are kept so
    # that JSON lines stream on with their line numbers right.
    head: list[bytes] = []
    for line in fh:
        head.append(line)
        if line.removeprefix(codecs.BOM_UTF8).strip():
            break
    if head and head[-1].removeprefix(codecs.BOM_UTF8).lstrip().startswith(b"{"):
        yield from _read_jsonl(itertools.chain(head, fh), source, date, STDIN)
    else:
        limit = max_article()
        data = b"".join(head) + fh.read(limit + 1)
        if len(data) > limit:
            yield Rejected(source, 0, Errors.E171.format(where=source, what="text", limit=limit))
            return
        yield _read_text(data, source, STDIN, date, legacy_id="stdin")


def _read_text(
    data: bytes, source: str, name: str, date: str | None, legacy_id: str
) -> Article | Rejected:
    """One article from a whole file or stream; ``name`` for :func:`derived_id`."""
    try:
        # utf-8-sig: a byte order mark (Windows editors write one) is not the article's text.
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as err:
        return Rejected(source, 0, Errors.E013.format(source=source, reason=err.reason))
    return Article(
        id=derived_id(name, 0, text),
        text=text,
        date=date,
        origin=source,
        content_hash=content_hash(text),
        legacy_id=legacy_id,
    )


def _read_jsonl(
    lines: Iterable[bytes], source: str, date: str | None, name: str
) -> Iterator[Article | Rejected]:
    for number, raw in enumerate(lines, 1):
        if not raw.strip():
            continue
        try:
            # A byte order mark starts a file (or a file pasted onto another), never a record.
            line = raw.decode("utf-8").removeprefix(_BOM)
        except UnicodeDecodeError as err:
            reason = Errors.E013.format(source=f"{source}, line {number}", reason=err.reason)
            yield Rejected(source, number, reason)
            continue
        yield _json_line(line, source, number, date, name)


def _json_line(
    line: str, source: str, number: int, date: str | None, name: str | None = None
) -> Article | Rejected:
    """The article in one line of JSON Lines, or why it is rejected."""
    try:
        record = json.loads(line)
    except json.JSONDecodeError as err:
        return Rejected(
            source, number, Errors.E010.format(source=source, line=number, reason=err.msg)
        )
    except ValueError as err:  # an integer of more than 4,300 digits
        return Rejected(source, number, Errors.E010.format(source=source, line=number, reason=err))
    except RecursionError:
        return Rejected(source, number, Errors.E141.format(source=source, line=number))
    try:
        return parse_record(record, source, number, date, name)
    except InputError as err:
        return Rejected(source, number, str(err))


def parse_record(
    record: Any, source: str, line: int, date: str | None = None, name: str | None = None
) -> Article:
    """An :class:`Article` from one decoded JSON record, or :class:`InputError` saying why not.

    ``text`` must be a string; ``id`` a string or an integer (written as its digits); ``date``,
    ``url``, ``title`` and ``source`` a string or null. A lone surrogate in a string becomes
    U+FFFD.
    name: the file's name for :func:`derived_id`, which gives the id of a record without one
    (or with ``null``, ``""`` or blanks); without ``name``, such a record is ``<file stem>-<line>``
    as before ids were unique by construction. An id ``5`` is the id ``"5"``.
    """
    if not isinstance(record, dict):
        kind = type(record).__name__
        raise InputError(Errors.E011.format(source=source, line=line, kind=kind))
    text = record.get("text")
    if not isinstance(text, str):
        raise InputError(Errors.E012.format(source=source, line=line))
    text = _scrub(text)
    legacy_id = f"{Path(source).stem}-{line}"
    given = record.get("id")
    if isinstance(given, bool) or not isinstance(given, (str, int, type(None))):
        kind = type(given).__name__
        raise InputError(Errors.E015.format(source=source, line=line, kind=kind))
    if given is not None:
        legacy_id = _scrub(str(given))
    doc_id = legacy_id if given is not None and str(given).strip() else None
    if doc_id is None:
        doc_id = derived_id(name, line, text) if name is not None else legacy_id
    url, title, outlet, given_date = (
        _optional_text(record, field, source, line) for field in ("url", "title", "source", "date")
    )
    record_date = given_date or date
    if record_date is not None:
        try:
            # "2021-04-12T08:30:00Z", as news APIs give it: the day as written
            record_date = _iso_date(str(record_date))
        except ValueError as err:
            msg = Errors.E014.format(source=source, line=line, value=record_date)
            raise InputError(msg) from err
    return Article(
        id=doc_id,
        text=text,
        date=record_date,
        url=url,
        title=title,
        source=outlet,
        origin=f"{source}:{line}",
        content_hash=content_hash(text),
        legacy_id=legacy_id,
    )


def _optional_text(record: dict[str, Any], name: str, source: str, line: int) -> str | None:
    """``record[name]`` when it is a string (lone surrogates made U+FFFD) or missing or null;
    anything else (a number, NaN, a list, an object) is an :class:`InputError`: the store and the
    exports hold text here, and a URL or an outlet guessed from a number would be wrong."""
    value = record.get(name)
    if value is None or isinstance(value, str):
        return _scrub(value) if value is not None else None
    kind = type(value).__name__
    raise InputError(Errors.E140.format(source=source, line=line, field=name, kind=kind))


def _scrub(value: str) -> str:
    """``value`` with each lone surrogate replaced by U+FFFD, so that it can be written as UTF-8."""
    return _LONE_SURROGATE.sub("\ufffd", value)


# --- CSV ---------------------------------------------------------------------------------------


def _read_csv(
    path: Path, date: str | None, columns: CsvColumns, name: str
) -> Iterator[Article | Rejected]:
    """One article a row (a ``.tsv`` file: tab-separated); rows are numbered by the line they
    start on, the header being line 1."""
    source = str(path)
    delimiter = "\t" if path.suffix.lower() == ".tsv" else ","
    # Python's csv refuses a cell over 131,072 characters, and the rows after it with it: an
    # article may be as long as max_article() (and is then coded in pieces or rejected alone).
    csv.field_size_limit(max(csv.field_size_limit(), max_article()))
    # surrogateescape keeps a row with bad bytes readable, so that it alone is rejected.
    with open(path, encoding="utf-8-sig", errors="surrogateescape", newline="") as fh:
        rows = csv.reader(fh, delimiter=delimiter)
        header = next(rows, None)
        if header is None:
            return
        index: dict[str, int] = {}
        for number, column in enumerate(header):
            index.setdefault(column.strip(), number)
        if columns.text not in index:
            # This file only: the other files of the run may have the column.
            names = ", ".join(repr(name) for name in index) or "none"
            reason = Errors.E030.format(path=path, column=columns.text, columns=names)
            yield Rejected(source, 1, reason)
            return
        looks_like_row = _row_shape(len(header), index, columns, delimiter)
        end = rows.line_num
        while True:
            # A quoted cell can span lines: a row starts on the line after the previous one ends.
            start = end + 1
            try:
                row = next(rows)
            except StopIteration:
                return
            except csv.Error as err:
                yield Rejected(
                    source, start, Errors.E037.format(source=source, line=start, reason=err)
                )
                return
            end = rows.line_num
            swallowed = _swallowed(row, header, looks_like_row) if end > start else None
            if swallowed is not None:
                column, inner = swallowed
                reason = Errors.E146.format(
                    source=source, line=start, column=column, end=end, inner=start + inner
                )
                yield Rejected(source, start, reason)
            elif row:
                yield _csv_row(row, index, columns, source, start, date, name)


def _row_shape(
    width: int, index: dict[str, int], columns: CsvColumns, delimiter: str
) -> Callable[[str], bool] | None:
    """A test of whether one line of text is shaped like a row of this file: as many cells as
    the header, an id without spaces in the id column, a date in the date column. None when the
    file has neither an id nor a date column, as any line of prose could then pass.

    An unbalanced quote makes a cell run over the rows below it; lines inside a cell that pass
    this test are the sign of it (a paragraph of an article rarely has a date in the right place).
    """
    id_at = index.get(columns.id) if columns.id is not None else None
    date_at = index.get(columns.date) if columns.date is not None else None
    if id_at is None and date_at is None:
        return None

    def test(line: str) -> bool:
        cells = next(csv.reader([line], delimiter=delimiter), [])
        if len(cells) != width:
            return False
        if id_at is not None and not re.fullmatch(r"\S+", cells[id_at].strip()):
            return False
        if date_at is not None:
            try:
                _iso_date(cells[date_at].strip())
            except ValueError:
                return False
        return True

    return test


def _swallowed(
    row: list[str], header: list[str], looks_like_row: Callable[[str], bool] | None
) -> tuple[str, int] | None:
    """(column, lines into the row) of the first line inside a cell of ``row`` that looks like a
    row of its own, else None."""
    if looks_like_row is None:
        return None
    offset = 0  # lines of the row before the current cell's first line
    for number, cell in enumerate(row):
        lines = cell.split("\n")
        for k, line in enumerate(lines[1:], 1):
            if looks_like_row(line.rstrip("\r")):
                name = header[number] if number < len(header) else f"column {number + 1}"
                return name, offset + k
        offset += len(lines) - 1
    return None


def _csv_row(
    row: list[str],
    index: dict[str, int],
    columns: CsvColumns,
    source: str,
    line: int,
    date: str | None,
    name: str,
) -> Article | Rejected:
    """The article in one CSV row, or why it is rejected. ``line``: where the row starts;
    ``name``: the file's name for :func:`derived_id`, the id of a row with an empty id cell."""

    def cell(column: str | None) -> str:
        number = index.get(column) if column is not None else None
        return row[number] if number is not None and number < len(row) else ""

    bad_bytes = _undecoded(row)
    if bad_bytes is not None:
        where = f"{source}, line {line}"
        return Rejected(source, line, Errors.E013.format(source=where, reason=bad_bytes))
    text = cell(columns.text)
    if not text.strip():
        reason = Errors.E031.format(source=source, line=line, column=columns.text)
        return Rejected(source, line, reason)
    row_date = cell(columns.date).strip()
    if row_date:
        try:
            row_date = _iso_date(row_date)
        except ValueError:
            reason = Errors.E032.format(
                source=source, line=line, column=columns.date, value=row_date
            )
            return Rejected(source, line, reason)
    given = cell(columns.id).strip()
    return Article(
        id=given or derived_id(name, line, text),
        text=text,
        date=row_date or date,
        url=cell(columns.url).strip() or None,
        title=cell(columns.title).strip() or None,
        source=cell(columns.source).strip() or None,
        origin=f"{source}:{line}",
        content_hash=content_hash(text),
        legacy_id=stable_id(given, source, text),
    )


def _undecoded(cells: list[str]) -> str | None:
    """Why ``cells`` (decoded with surrogateescape) are not UTF-8, or None when they are."""
    joined = "\n".join(cells)
    try:
        joined.encode("utf-8")
    except UnicodeEncodeError:
        try:
            joined.encode("utf-8", "surrogateescape").decode("utf-8")
        except UnicodeDecodeError as err:
            return err.reason
    return None


# --- HTML ----------------------------------------------------------------------------------


@dataclass
class _Page:
    """What trafilatura finds in an HTML page; each field may be empty."""

    text: str = ""
    title: str | None = None
    date: str | None = None
    url: str | None = None
    site: str | None = None


def _read_html(
    path: Path, date: str | None, columns: CsvColumns, name: str
) -> Iterator[Article | Rejected]:
    """One article named after the file, or a rejection when the page has no article text."""
    source = str(path)
    html = _decode(path.read_bytes(), None, path)
    if html is None:
        yield Rejected(source, 0, Errors.E034.format(source=source))
        return
    page = _extract_html(html, None, path)
    if not page.text.strip():
        yield Rejected(source, 0, Errors.E033.format(source=source, what="HTML"))
        return
    yield Article(
        id=derived_id(name, 0, page.text),
        text=page.text,
        date=page.date or date or _date_in_name(path.name),
        url=page.url,
        title=page.title,
        source=page.site,
        origin=source,
        content_hash=content_hash(page.text),
        legacy_id=path.stem,
    )


def _decode(data: bytes, declared: str | None, path: Path) -> str | None:
    """``data`` (an HTML page or plain text) as text, or None when no encoding fits.

    declared: the charset the HTTP headers give, or None.
    path: the file, named in the error if trafilatura is missing.
    Tried in turn: UTF-8, ``declared``, a ``<meta>`` charset in the first 4 KB, then the
    encodings trafilatura detects.
    """
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError:
        pass
    utils = _require("trafilatura.utils", path, "HTML")
    meta = _META_CHARSET.search(data[:4096])
    candidates = [declared, meta.group(1).decode("ascii") if meta else None]
    for encoding in [*candidates, *utils.detect_encoding(data)]:
        if not encoding:
            continue
        try:
            return data.decode(encoding)
        except (LookupError, UnicodeDecodeError):
            continue
    return None


def _extract_html(html: str, url: str | None, path: Path) -> _Page:
    """The article text, title, date, URL and site name trafilatura finds in ``html``."""
    trafilatura = _require("trafilatura", path, "HTML")
    # One parse gives both the text (the same as trafilatura.extract's) and the metadata.
    doc = trafilatura.bare_extraction(html, url=url, include_comments=False, with_metadata=True)
    if doc is None:
        return _Page()
    try:
        page_date = check_date(doc.date) if doc.date else None
    except ValueError:
        page_date = None
    return _Page(
        doc.text or "", doc.title or None, page_date, doc.url or None, doc.sitename or None
    )


def _html_text(fragment: str, path: Path) -> str:
    """The text of an HTML fragment: a line a block element, runs of spaces made one."""
    lxml_html = _require("lxml.html", path, "feed")
    # lxml refuses control characters; in text they are noise anyway.
    root = lxml_html.fragment_fromstring(_CONTROL.sub(" ", fragment), create_parent="div")
    # text_content() alone would run one paragraph's last word into the next one's first.
    for element in root.iter(*_BLOCKS):
        element.tail = "\n" + (element.tail or "")
    lines = (" ".join(line.split()) for line in root.text_content().splitlines())
    return "\n".join(line for line in lines if line)


# --- RSS and Atom feeds --------------------------------------------------------------------


def _read_feed(
    path: Path, date: str | None, columns: CsvColumns, name: str
) -> Iterator[Article | Rejected]:
    """One article an entry, numbered from 1; the whole file is rejected if it is not a feed."""
    source = str(path)
    feedparser = _require("feedparser", path, "feed")
    # Bytes, not the path: feedparser treats a string that looks like a URL as one to fetch.
    feed = feedparser.parse(path.read_bytes())
    # feedparser finds <item>s in any XML; without a feed version, they are not feed entries.
    if not feed.version or (feed.bozo and not feed.entries):
        reason = str(feed.get("bozo_exception") or "no <rss>, <rdf:RDF> or <feed> root")
        yield Rejected(source, 0, Errors.E035.format(source=source, reason=reason))
        return
    outlet = feed.feed.get("title") or source
    for number, entry in enumerate(feed.entries, 1):
        text = _entry_text(entry, path)
        if not text:
            yield Rejected(source, number, Errors.E036.format(source=source, line=number))
            continue
        yield Article(
            id=stable_id(entry.get("id") or entry.get("link"), source, text),
            text=text,
            date=_entry_date(entry) or date,
            url=entry.get("link"),
            title=entry.get("title"),
            source=outlet,
            origin=f"{source}:{number}",
            content_hash=content_hash(text),
        )


def _entry_text(entry: Any, path: Path) -> str:
    """A feed entry's text: its first non-empty content, else its summary, as plain text."""
    for detail in [*entry.get("content", []), entry.get("summary_detail")]:
        value = (detail or {}).get("value") or ""
        if value.strip():
            is_html = "html" in (detail.get("type") or "text/html")
            return _html_text(value, path) if is_html else value.strip()
    return ""


def _entry_date(entry: Any) -> str | None:
    """A feed entry's publication (else update) date, YYYY-MM-DD in UTC, or None."""
    parsed = entry.get("published_parsed") or entry.get("updated_parsed")
    if parsed is None:
        return None
    return f"{parsed.tm_year:04d}-{parsed.tm_mon:02d}-{parsed.tm_mday:02d}"


# --- WARC ----------------------------------------------------------------------------------


def _read_warc(
    path: Path, date: str | None, columns: CsvColumns, name: str
) -> Iterator[Article | Rejected]:
    """One article a page record, numbered by its place among all the file's records."""
    source = str(path)
    archive = _require("warcio.archiveiterator", path, "WARC")
    failed = _require("warcio.exceptions", path, "WARC").ArchiveLoadFailed
    with open(path, "rb") as fh:
        iterator = archive.ArchiveIterator(fh)
        records = iter(iterator)
        last: Any = None
        for number in itertools.count(1):
            try:
                record = next(records, None)
                if record is None:
                    break
                last = record
                page = _warc_payload(record)
            except OSError:
                raise  # the file itself cannot be read: _read_file reports it
            except (failed, EOFError, zlib.error, ValueError, AttributeError) as err:
                # A damaged archive cannot be resynchronised: say where reading stopped. warcio
                # meets a record cut short in its headers with an AttributeError.
                reason = Errors.E038.format(source=source, line=number, reason=err or repr(err))
                yield Rejected(source, number, reason)
                return
            if page is not None:
                yield _warc_article(record, page, source, number, date, path)
    cut = _warc_cut(path, last, iterator.offset)
    if cut is not None:
        # A cut in the last record's headers or body is that record's; a gzip stream cut
        # between its records (or a file of no record at all), the next one's.
        at = number - 1 if cut.startswith(("body", "header")) else number
        yield Rejected(source, at, Errors.E147.format(source=source, line=at, reason=cut))


def _warc_cut(path: Path, last: Any, read_to: int) -> str | None:
    """Why the WARC file ends before its last record does, or None when it is whole.

    warcio reads a cut-off file to its end without complaint: the last record's body falls short
    of its Content-Length, its header block stops before its Content-Length (so warcio takes the
    record as whole and empty), an uncompressed file goes on after ``read_to`` (the end of the
    last record warcio read: it drops a cut record quietly), or the gzip stream stops before its
    end marker.
    """
    if last is not None and not _declares_length(last):
        return "header block cut before its Content-Length"
    if last is not None and getattr(last.raw_stream, "limit", 0) > 0:
        return f"body short of its Content-Length by {last.raw_stream.limit} bytes"
    if not path.name.lower().endswith(".gz"):
        return _unread_tail(path, read_to)
    with gzip.open(path, "rb") as packed:
        try:
            while packed.read(1 << 20):
                pass
        except (EOFError, gzip.BadGzipFile, zlib.error) as err:
            return str(err)
    return None


def _declares_length(record: Any) -> bool:
    """Whether a WARC record's headers give its Content-Length, as every whole one does."""
    if record.format == "arc":  # an ARC record's length is on its one header line
        return True
    return (record.rec_headers.get_header("Content-Length") or "").strip().isdigit()


def _unread_tail(path: Path, read_to: int) -> str | None:
    """Why the bytes of an uncompressed WARC after ``read_to`` are a cut record, or None when
    there are none but blank lines."""
    with open(path, "rb") as fh:
        fh.seek(read_to)
        if not fh.read(1 << 16).strip():
            return None
    return f"a record cut in its header block, after byte {read_to}"


def _warc_payload(record: Any) -> tuple[str, str | None, bytes] | None:
    """(media type, charset, body) of a record that may hold an article, else None.

    Articles are HTML pages in successful ``response`` records, and HTML or plain text in
    ``resource`` and ``conversion`` records; requests, metadata, redirects and errors are not.
    """
    if record.rec_type == "response":
        headers = record.http_headers
        if headers is None or not headers.get_statuscode().startswith("2"):
            return None
    elif record.rec_type in ("resource", "conversion"):
        headers = record.rec_headers
    else:
        return None
    media_type, _, params = (headers.get_header("Content-Type") or "").partition(";")
    media_type = media_type.strip().lower()
    if media_type not in _HTML_TYPES and (
        record.rec_type == "response" or media_type != "text/plain"
    ):
        return None
    charset = re.search(r"charset\s*=\s*[\"']?([\w.:-]+)", params, re.IGNORECASE)
    # At most one byte past the limit: warcio skips the rest of the body in small blocks.
    body = record.content_stream().read(max_article() + 1)
    return media_type, charset.group(1) if charset else None, body


def _warc_article(
    record: Any,
    payload: tuple[str, str | None, bytes],
    source: str,
    number: int,
    date: str | None,
    path: Path,
) -> Article | Rejected:
    """The article in one WARC record, or why it is rejected. ``number``: its place in the file."""
    media_type, charset, body = payload
    headers = record.rec_headers
    url = headers.get_header("WARC-Target-URI")
    where = f"{source}, record {number} ({url})"
    limit = max_article()
    if len(body) > limit:
        return Rejected(source, number, Errors.E171.format(where=where, what="body", limit=limit))
    decoded = _decode(body, charset, path)
    if decoded is None:
        return Rejected(source, number, Errors.E034.format(source=where))
    if media_type == "text/plain":
        page, what = _Page(decoded), "plain text"
    else:
        page, what = _extract_html(decoded, url, path), "HTML"
    if not page.text.strip():
        return Rejected(source, number, Errors.E033.format(source=where, what=what))
    record_id = (headers.get_header("WARC-Record-ID") or "").strip("<>").removeprefix("urn:uuid:")
    try:
        crawled = _iso_date(headers.get_header("WARC-Date") or "")
    except ValueError:
        crawled = None
    return Article(
        id=stable_id(record_id, source, page.text),
        text=page.text,
        date=crawled or date,
        url=url,
        title=page.title,
        source=page.site,
        origin=f"{source}:{number}",
        content_hash=content_hash(page.text),
    )


# One reader a suffix; a directory is read for these suffixes only.
_READERS: dict[str, _Reader] = {
    ".txt": _read_txt,
    ".jsonl": _read_jsonl_file,
    ".html": _read_html,
    ".htm": _read_html,
    ".csv": _read_csv,
    ".tsv": _read_csv,  # tab-separated, read like CSV
    ".rss": _read_feed,
    ".atom": _read_feed,
    ".xml": _read_feed,
    ".warc": _read_warc,
    ".warc.gz": _read_warc,
}
SUFFIXES = tuple(_READERS)
