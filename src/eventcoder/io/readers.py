"""Reading articles from files, directories and standard input.

One reader a format: ``.txt`` (one article), ``.jsonl`` (one a line), ``.csv`` (one a row),
``.html``/``.htm`` (the article text trafilatura finds), RSS and Atom feeds (``.rss``, ``.atom``,
``.xml``: one an entry) and web archives (``.warc``, ``.warc.gz``: one an HTML page). Every input
comes out as an :class:`Article` or a :class:`Rejected` with the reason, never silently dropped,
and is read as a stream: memory does not grow with the size of the corpus.
"""

from __future__ import annotations

import csv
import hashlib
import importlib
import itertools
import json
import re
import sys
import zlib
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from datetime import date as Date
from datetime import datetime
from pathlib import Path
from types import ModuleType
from typing import Any, BinaryIO

from eventcoder.errors import Errors, InputError

_DATE_IN_NAME = re.compile(r"(\d{4}-\d{2}-\d{2})")
# A charset declared in the page itself: <meta charset=...> or <meta http-equiv ... charset=...>.
_META_CHARSET = re.compile(rb"""<meta[^>]+charset\s*=\s*["']?\s*([\w.:-]+)""", re.IGNORECASE)
_HTML_TYPES = ("text/html", "application/xhtml+xml")
_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")
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
    Raises :class:`InputError` for a bad ``date``, a path that does not exist or is not a supported
    file, and a ``.csv`` file without the text column.
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
        if path.is_dir():
            files = sorted(p for p in path.rglob("*") if _suffix(p) and p.is_file())
            for file in files:
                name = file.relative_to(path).as_posix()
                yield from _READERS[_suffix(file)](file, date, columns, name)
        elif path.is_file():
            suffix = _suffix(path)
            if not suffix:
                raise InputError(Errors.E006.format(path=path, suffixes=", ".join(SUFFIXES)))
            yield from _READERS[suffix](path, date, columns, path.name)
        else:
            raise InputError(Errors.E005.format(path=path))


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
        if line.strip():
            break
    if head and head[-1].lstrip().startswith(b"{"):
        yield from _read_jsonl(itertools.chain(head, fh), source, date, STDIN)
    else:
        yield _read_text(b"".join(head) + fh.read(), source, STDIN, date, legacy_id="stdin")


def _read_text(
    data: bytes, source: str, name: str, date: str | None, legacy_id: str
) -> Article | Rejected:
    """One article from a whole file or stream; ``name`` for :func:`derived_id`."""
    try:
        text = data.decode("utf-8")
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
            line = raw.decode("utf-8")
        except UnicodeDecodeError as err:
            reason = Errors.E013.format(source=f"{source}, line {number}", reason=err.reason)
            yield Rejected(source, number, reason)
            continue
        try:
            yield parse_record(json.loads(line), source, number, date, name)
        except json.JSONDecodeError as err:
            yield Rejected(
                source, number, Errors.E010.format(source=source, line=number, reason=err.msg)
            )
        except InputError as err:
            yield Rejected(source, number, str(err))


def parse_record(
    record: Any, source: str, line: int, date: str | None = None, name: str | None = None
) -> Article:
    """An :class:`Article` from one decoded JSON record, or :class:`InputError` saying why not.

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
    legacy_id = f"{Path(source).stem}-{line}"
    given = record.get("id")
    if isinstance(given, bool) or not isinstance(given, (str, int, type(None))):
        kind = type(given).__name__
        raise InputError(Errors.E015.format(source=source, line=line, kind=kind))
    if given is not None:
        legacy_id = str(given)
    doc_id = str(given) if given is not None and str(given).strip() else None
    if doc_id is None:
        doc_id = derived_id(name, line, text) if name is not None else legacy_id
    record_date = record.get("date") or date
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
        url=record.get("url"),
        title=record.get("title"),
        source=record.get("source"),
        origin=f"{source}:{line}",
        content_hash=content_hash(text),
        legacy_id=legacy_id,
    )


# --- CSV ---------------------------------------------------------------------------------------


def _read_csv(
    path: Path, date: str | None, columns: CsvColumns, name: str
) -> Iterator[Article | Rejected]:
    """One article a row (a ``.tsv`` file: tab-separated); rows are numbered by the line they
    start on, the header being line 1."""
    source = str(path)
    # surrogateescape keeps a row with bad bytes readable, so that it alone is rejected.
    with open(path, encoding="utf-8-sig", errors="surrogateescape", newline="") as fh:
        rows = csv.reader(fh, delimiter="\t" if path.suffix.lower() == ".tsv" else ",")
        header = next(rows, None)
        if header is None:
            return
        index: dict[str, int] = {}
        for number, column in enumerate(header):
            index.setdefault(column.strip(), number)
        if columns.text not in index:
            names = ", ".join(repr(column) for column in index) or "none"
            raise InputError(Errors.E030.format(path=path, column=columns.text, columns=names))
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
            if row:
                yield _csv_row(row, index, columns, source, start, date, name)


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
        records = iter(archive.ArchiveIterator(fh))
        for number in itertools.count(1):
            try:
                record = next(records, None)
                if record is None:
                    return
                page = _warc_payload(record)
            except (failed, OSError, EOFError, zlib.error) as err:
                # A damaged archive cannot be resynchronised: say where reading stopped.
                reason = Errors.E038.format(source=source, line=number, reason=err)
                yield Rejected(source, number, reason)
                return
            if page is not None:
                yield _warc_article(record, page, source, number, date, path)


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
    return media_type, charset.group(1) if charset else None, record.content_stream().read()


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
