"""Exporting the store: merged events as GDELT 2.0 tables, PLOVER JSON Lines, Parquet or CSV.

The same event reported by several articles is one event. Non-negated events merge when they
share a date window, date precision, actor code, recipient code (a missing recipient matches only
a missing one) and CAMEO code; the merged event counts its mentions, articles and sources (the
outlets) and lists every mention with its article's date, outlet and URL, as GDELT does. Events
are dated by their own date or, as GDELT and ICEWS do, by their article's (``dated_by``).
Windows are fixed spans of ``window_days`` days counted from 1970-01-01, not sliding, so merging
is transitive and does not depend on the order of the rows.
docs/export.md gives the rule, every output column and what is left blank.

DuckDB does the grouping and writes every file with ``COPY``, so a store larger than memory
never passes through Python lists.
"""

from __future__ import annotations

import os
import shutil
import sys
import tempfile
from dataclasses import astuple
from pathlib import Path

import duckdb

from eventcoder import __version__
from eventcoder.actor_codes import parse_all
from eventcoder.errors import Errors, InputError
from eventcoder.io.cells import neutralise_sql, one_line_sql
from eventcoder.io.writers import DATE_COLUMNS, FLAT_COLUMNS, row_schema
from eventcoder.provenance import check_dated_by
from eventcoder.store import SQL_TYPES, check_readable, check_schema, connect

EXPORT_FORMATS = ("gdelt", "plover", "parquet", "csv")
# An output file's ending -> the format it is written in when --format is not given; the first
# ending of a format is its default (events.tsv). A compression suffix may follow the ending.
FORMAT_SUFFIXES = {
    ".tsv": "gdelt", ".jsonl": "plover", ".json": "plover", ".ndjson": "plover",
    ".parquet": "parquet", ".csv": "csv",
}  # fmt: skip
_COMPRESSION = (".gz", ".zst")

# GDELT 2.0 event table, in the codebook's order (61 columns).
_GEO_FIELDS = (
    "Type", "FullName", "CountryCode", "ADM1Code", "ADM2Code", "Lat", "Long", "FeatureID",
)  # fmt: skip
_ACTOR_FIELDS = (
    "Code", "Name", "CountryCode", "KnownGroupCode", "EthnicCode", "Religion1Code",
    "Religion2Code", "Type1Code", "Type2Code", "Type3Code",
)  # fmt: skip
GDELT_EVENT_COLUMNS: tuple[str, ...] = (
    "GLOBALEVENTID", "SQLDATE", "MonthYear", "Year", "FractionDate",
    *(f"Actor1{f}" for f in _ACTOR_FIELDS),
    *(f"Actor2{f}" for f in _ACTOR_FIELDS),
    "IsRootEvent", "EventCode", "EventBaseCode", "EventRootCode", "QuadClass", "GoldsteinScale",
    "NumMentions", "NumSources", "NumArticles", "AvgTone",
    *(f"Actor1Geo_{f}" for f in _GEO_FIELDS),
    *(f"Actor2Geo_{f}" for f in _GEO_FIELDS),
    *(f"ActionGeo_{f}" for f in _GEO_FIELDS),
    "DATEADDED", "SOURCEURL",
)  # fmt: skip

# GDELT 2.0 mentions table (16 columns).
GDELT_MENTION_COLUMNS: tuple[str, ...] = (
    "GLOBALEVENTID", "EventTimeDate", "MentionTimeDate", "MentionType", "MentionSourceName",
    "MentionIdentifier", "SentenceID", "Actor1CharOffset", "Actor2CharOffset", "ActionCharOffset",
    "InRawText", "Confidence", "MentionDocLen", "MentionDocTone", "MentionDocTranslationInfo",
    "Extras",
)  # fmt: skip

# Where a merged event happened: the location of its first mention that has one.
LOCATION_COLUMNS: tuple[str, ...] = (
    "text", "name", "full_name", "kind", "feature", "country", "country_fips", "admin1", "adm1",
    "lat", "lon", "geonameid", "feature_id", "gdelt_type",
)  # fmt: skip

# One merged event: the columns of merged_events(), in order.
MERGED_COLUMNS: tuple[str, ...] = (
    "global_event_id", "date", "end_date", "date_precision", "dated_by", "is_background",
    "actor_code", "actor_name", "actor_text", "actor_country", "actor_sector",
    "recipient_code", "recipient_name", "recipient_text", "recipient_country", "recipient_sector",
    "event_type", "mode", "context", "cameo", "cameo_root", "quad_class", "goldstein", "is_root",
    "num_mentions", "num_sources", "num_articles", "source_url", "first_publication_date",
    "last_publication_date", "first_coded_at", "last_coded_at",
    *(f"location_{f}" for f in LOCATION_COLUMNS), "mentions",
)  # fmt: skip

# The fields of each entry of the ``mentions`` list.
MENTION_FIELDS: tuple[str, ...] = (
    "event_id", "doc_id", "date", "date_text", "date_precision", "is_background",
    "publication_date", "source", "url", "title", "sentence_index", "actor_start",
    "recipient_start", "trigger_start", "trigger_end", "trigger_text", "sentence",
)  # fmt: skip
# Where a mention's value comes from, when not the events column of its name: its own event date
# (whatever the merge is dated by) and its document's outlet, URL and title.
_MENTION_SOURCES = {
    "date": "event_day",
    "date_precision": "event_precision",
    "publication_date": "published",
    "source": "outlet",
}

# The stored per-mention rows (parquet/csv without --merged): the flat event columns, then when
# their document was coded.
STORED_COLUMNS: tuple[str, ...] = (*FLAT_COLUMNS, "coded_at")

# Actor kinds found by resolving a pronoun or an earlier mention, not in the words themselves:
# GDELT's InRawText is 0 for such rewritten references.
_RESOLVED_KINDS = "('pronoun', 'memory', 'anaphor', 'speaker', 'inferred', 'unnamed')"
# First mention = earliest event date, then document and position; stable across re-exports.
_MENTION_ORDER = "day NULLS LAST, doc_id, sentence_index, trigger_start, event_id"
_GID = "(('0x' || left(sha1(group_key), 16))::UBIGINT & 9223372036854775807)::BIGINT"
_STAMP = "'%Y%m%d%H%M%S'"
_TSV = ", DELIMITER '\t', HEADER false"  # GDELT's raw files: tabs, no header
# The temporary table of the store's actor codes in the field's layouts (_load_actor_codes).
_ACTOR_CODES = "actor_codes"
# The article's fields of an event, from the documents table's columns.
_DOCUMENT_FIELDS = {"publication_date": "date", "source": "source", "url": "url", "title": "title"}
# A document's outlet: its source as the input names it, else its URL's host without www.
_OUTLET = (
    "coalesce(nullif(trim(source), ''), "
    r"nullif(regexp_extract(url, '^[A-Za-z][A-Za-z0-9+.-]*://(www\.)?([^/?#:]+)', 2), ''))"
)


def _events_sql(con: duckdb.DuckDBPyConnection) -> str:
    """The store's events as :data:`STORED_COLUMNS` rows, whichever version wrote the store.

    The article's fields come from the document (the one place a store is sure to have them);
    a column an older store lacks is NULL.
    """
    rows = con.execute(
        "SELECT column_name FROM information_schema.columns WHERE table_name = 'events'"
    ).fetchall()
    have = {name for (name,) in rows}
    columns = []
    for field in row_schema():
        if field.name in _DOCUMENT_FIELDS:
            expr = f"d.{_DOCUMENT_FIELDS[field.name]}"
        elif field.name in have:
            expr = f'e."{field.name}"'
        else:
            expr = f"NULL::{SQL_TYPES[field.type]}"
        columns.append(f'{expr} AS "{field.name}"')
    return (
        f"SELECT {', '.join(columns)}, d.coded_at AS coded_at "
        "FROM events AS e LEFT JOIN documents AS d ON d.doc_id = e.doc_id"
    )


def _keyed_sql(window_days: int, dated_by: str, events: str) -> str:
    """Every non-negated event with its outlet, the day and precision it is dated by, its date
    bucket and group key. events: the events rows (:func:`_events_sql`)."""
    by_publication = dated_by == "publication"
    # Dated by publication, an undated article's event keeps its own date (docs/dates.md).
    day = "coalesce(published, event_day)" if by_publication else "event_day"
    precision = (
        "CASE WHEN published IS NOT NULL THEN 'day' ELSE event_precision END"
        if by_publication
        else "event_precision"
    )
    # The key names the window size and the dating too, so ids from different windows or
    # datings never collide; the precision keeps "in 2015" apart from 1 January 2015.
    return f"""
        SELECT *, to_json(['{window_days}', '{dated_by}', bucket::VARCHAR, "precision",
                           actor_code, recipient_code, cameo])::VARCHAR AS group_key
        FROM (
            SELECT *,
                   floor(datediff('day', DATE '1970-01-01', day)::DOUBLE / {window_days})::BIGINT
                       AS bucket
            FROM (
                SELECT *, {day} AS day, {precision} AS "precision"
                FROM (
                    SELECT *, {_OUTLET} AS outlet,
                           try_cast(publication_date AS DATE) AS published,
                           CASE WHEN event_day IS NOT NULL
                                THEN coalesce(date_precision, 'day') END AS event_precision
                    FROM (
                        SELECT *, try_cast(left("date", 10) AS DATE) AS event_day
                        FROM ({events})
                        WHERE NOT coalesce(negated, false)
                    )
                )
            )
        )"""


def _merged_sql(window_days: int, dated_by: str, events: str) -> str:
    """One row per merged event, the columns of :data:`MERGED_COLUMNS` (unordered)."""

    def most_frequent(column: str) -> str:
        # Ties go to the alphabetically first value, so the output is deterministic.
        return f"mode({column} ORDER BY {column}) AS {column}"

    actor_fields = ",\n".join(
        most_frequent(f"{role}_{f}")
        for role in ("actor", "recipient")
        for f in ("name", "text", "country", "sector")
    )
    mention = ", ".join(f"'{f}': {_MENTION_SOURCES.get(f, f)}" for f in MENTION_FIELDS)
    location = ",\n".join(
        f"first(location_{f} ORDER BY {_MENTION_ORDER}) "
        f"FILTER (WHERE location_name IS NOT NULL) AS location_{f}"
        for f in LOCATION_COLUMNS
    )
    return f"""
        WITH keyed AS ({_keyed_sql(window_days, dated_by, events)})
        SELECT
            {_GID} AS global_event_id,
            min(day) AS date,
            max(day) AS end_date,
            "precision" AS date_precision,
            '{dated_by}' AS dated_by,
            -- a historical reference in every article that mentions it
            bool_and(is_background) AS is_background,
            actor_code, recipient_code, cameo,
            {actor_fields},
            min(event_type) AS event_type, min("mode") AS "mode", min(context) AS context,
            min(cameo_root) AS cameo_root, min(quad_class) AS quad_class,
            min(goldstein) AS goldstein, bool_or(is_root) AS is_root,
            count(*) AS num_mentions,
            count(DISTINCT coalesce('s:' || outlet, 'd:' || doc_id)) AS num_sources,
            count(DISTINCT doc_id) AS num_articles,
            first(coalesce(url, doc_id) ORDER BY {_MENTION_ORDER}) AS source_url,
            min(published) AS first_publication_date,
            max(published) AS last_publication_date,
            min(coded_at) AS first_coded_at,
            max(coded_at) AS last_coded_at,
            {location},
            list({{{mention}}} ORDER BY {_MENTION_ORDER}) AS mentions
        FROM keyed
        GROUP BY group_key, actor_code, recipient_code, cameo, "precision"
    """


def _ordered_merged_sql(window_days: int, dated_by: str, events: str) -> str:
    columns = ", ".join(f'"{c}"' for c in MERGED_COLUMNS)
    return (
        f"SELECT {columns} FROM ({_merged_sql(window_days, dated_by, events)}) "
        "ORDER BY date NULLS LAST, global_event_id"
    )


def merged_events(
    con: duckdb.DuckDBPyConnection, window_days: int = 1, dated_by: str = "event"
) -> duckdb.DuckDBPyRelation:
    """The store's events merged into one row per reported event.

    con: a connection to a store (``documents`` and ``events`` tables); keep it open while the
    relation is used. window_days: the length of the fixed date windows (1: same day).
    dated_by: ``event`` (each event's own date) or ``publication`` (its article's date, as
    GDELT and ICEWS date events) places events in the windows.
    Returns a lazy DuckDB relation with the columns of :data:`MERGED_COLUMNS`, ordered by date
    (undated last) and id; ``mentions`` is a list of structs with :data:`MENTION_FIELDS`.
    Raises :class:`InputError` for a window that is not a whole number of days, 1 or more, or
    an unknown ``dated_by``.
    """
    _check_window(window_days)
    check_dated_by(dated_by)
    return con.sql(_ordered_merged_sql(window_days, dated_by, _events_sql(con)))


def mentions_path(out: Path) -> Path:
    """Where the GDELT mentions table goes for events written to ``out``.

    ``events.tsv`` -> ``events.mentions.tsv``; a compression suffix stays last
    (``events.tsv.gz`` -> ``events.mentions.tsv.gz``).
    """
    suffixes = out.suffixes[-2:] if out.suffix in _COMPRESSION else out.suffixes[-1:]
    ending = "".join(suffixes)
    stem = out.name[: len(out.name) - len(ending)] if ending else out.name
    return out.with_name(f"{stem}.mentions{ending}")


def output_format(out: Path | str, fmt: str | None = None) -> str:
    """The format to write ``out`` in: ``fmt`` when given, else the one its ending names.

    out: the output file, or ``-`` for standard output. fmt: a format of
    :data:`EXPORT_FORMATS`, or None to take it from the ending (:data:`FORMAT_SUFFIXES`;
    a compression suffix ``.gz``/``.zst`` may follow it). Standard output, with no ``fmt``,
    is ``gdelt``. Raises :class:`InputError` for an unknown format, an ending that names another
    format than ``fmt``, an ending that names none when ``fmt`` is None, and a compressed Parquet
    file (Parquet compresses inside the file).
    """
    if fmt is not None and fmt not in EXPORT_FORMATS:
        raise InputError(Errors.E040.format(fmt=fmt, known=", ".join(EXPORT_FORMATS)))
    if is_stdout(out):
        return fmt or "gdelt"
    path = Path(out)
    compressed = path.suffix.lower() in _COMPRESSION
    suffix = (path.with_suffix("") if compressed else path).suffix.lower()
    named = FORMAT_SUFFIXES.get(suffix)
    if named is not None and fmt is not None and named != fmt:
        raise InputError(Errors.E047.format(path=out, suffix=suffix, named=named, fmt=fmt))
    if named is None and fmt is None:
        endings = ", ".join(f"{s} {f}" for s, f in FORMAT_SUFFIXES.items())
        raise InputError(Errors.E048.format(path=out, endings=endings))
    chosen = fmt or named
    if chosen == "parquet" and compressed:
        raise InputError(Errors.E049.format(path=out))
    return str(chosen)


def default_output(fmt: str | None) -> Path:
    """Where ``export`` writes when no output is given: ``events`` with the format's ending
    (``events.tsv`` for gdelt, the default format)."""
    fmt = output_format("-", fmt)
    return Path("events" + next(s for s, f in FORMAT_SUFFIXES.items() if f == fmt))


def is_stdout(out: Path | str) -> bool:
    """Whether ``out`` means standard output (``-``)."""
    return str(out) == "-"


def export(
    db: Path,
    fmt: str | None,
    out: Path | str,
    window_days: int = 1,
    merged: bool = False,
    dated_by: str = "event",
    raw_csv: bool = False,
    safe_tsv: bool = False,
) -> dict[str, int]:
    """Write the store ``db`` to ``out`` in format ``fmt``.

    db: the DuckDB store (opened read-only). fmt: ``gdelt`` (event table to ``out``, mentions
    table to :func:`mentions_path` of it), ``plover`` (JSON Lines of merged events), ``parquet``
    or ``csv`` (the stored per-mention events, or merged events with ``merged``); None: the
    format ``out``'s ending names (:func:`output_format`).
    out: the output file, overwritten, or ``-`` for standard output (gdelt writes only its
    event table there). window_days: the merge window in days.
    merged: parquet/csv only: write merged events instead of the stored rows.
    dated_by: what dates merged events: ``event`` (their own date, the default) or
    ``publication`` (their article's, as GDELT and ICEWS do); see :func:`merged_events`.
    raw_csv: csv: write text cells as they are, formulas included (default: a cell a
    spreadsheet would run gets a leading ``'``, :mod:`eventcoder.io.cells`). safe_tsv: gdelt:
    neutralise such cells in both tables too (default: as they are, for programs).
    Returns the rows written: ``events`` (rows in ``out``) and, for merged outputs, ``mentions``
    (the mentions they carry; for gdelt the rows of the mentions file).
    Raises :class:`InputError` for an unknown format or one the ending contradicts, a bad
    window or dating, a store that cannot be read or an output that cannot be written.
    """
    fmt = output_format(out, fmt)
    _check_window(window_days)
    check_dated_by(dated_by)
    neutralise = (fmt == "csv" and not raw_csv) or (fmt == "gdelt" and safe_tsv)
    if not is_stdout(out):
        return _write(Path(db), fmt, Path(out), window_days, merged, dated_by, neutralise)
    # COPY writes files: write one aside and pour it out, so that even Parquet comes out whole.
    with tempfile.TemporaryDirectory(prefix="eventcoder-export-") as tmp:
        path = Path(tmp) / default_output(fmt).name
        counts = _write(
            Path(db), fmt, path, window_days, merged, dated_by, neutralise, mentions_file=False
        )
        with open(path, "rb") as written:
            try:
                shutil.copyfileobj(written, sys.stdout.buffer)
                sys.stdout.buffer.flush()
            except BrokenPipeError:
                # The reader stopped early (``| head``): no error. Point standard output at
                # /dev/null so that Python's flush at exit does not fail on the pipe again.
                os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
    return counts


def _write(
    db: Path,
    fmt: str,
    out: Path,
    window_days: int,
    merged: bool,
    dated_by: str,
    neutralise: bool = False,
    mentions_file: bool = True,
) -> dict[str, int]:
    """:func:`export` to a file; ``neutralise``: text cells safe for spreadsheets;
    ``mentions_file``: gdelt also writes its mentions table."""
    outputs = [out, mentions_path(out)] if fmt == "gdelt" and mentions_file else [out]
    for path in outputs:
        if path.resolve() == db.resolve():
            raise InputError(Errors.E045.format(path=path))
    con = open_store(db)
    try:
        for path in outputs:
            _check_writable(path)
        _load_actor_codes(con)
        merge = (window_days, dated_by, _events_sql(con))
        safe = (lambda q: _neutralised(con, q)) if neutralise else (lambda q: q)
        if fmt == "gdelt":
            counts = {"events": _copy(con, safe(_gdelt_events_sql(*merge)), out, "CSV", _TSV)}
            if mentions_file:
                query = safe(_gdelt_mentions_sql(*merge))
                counts["mentions"] = _copy(con, query, outputs[1], "CSV", _TSV)
            return counts
        if fmt == "plover":
            written = _copy(con, _plover_sql(*merge), out, "JSON")
            return {"events": written, "mentions": _mention_count(con)}
        copy_format, options = ("PARQUET", "") if fmt == "parquet" else ("CSV", ", HEADER true")
        if not merged:
            query = safe(_stored_sql(merge[2]))
            return {"events": _copy(con, query, out, copy_format, options)}
        query = _ordered_merged_sql(*merge)
        if fmt == "csv":
            # CSV has no nested values: the mentions list travels as one JSON string.
            query = (
                f"SELECT * REPLACE (to_json(mentions)::VARCHAR AS mentions) FROM ({query}) "
                "ORDER BY date NULLS LAST, global_event_id"
            )
        written = _copy(con, safe(query), out, copy_format, options)
        return {"events": written, "mentions": _mention_count(con)}
    finally:
        con.close()


def _stored_sql(events: str) -> str:
    """The stored rows (:data:`STORED_COLUMNS`), days typed DATE, in document order."""
    days = ", ".join(f'try_cast("{c}" AS DATE) AS "{c}"' for c in sorted(DATE_COLUMNS))
    return (
        f"SELECT * REPLACE ({days}) FROM ({events}) "
        "ORDER BY doc_id, sentence_index, trigger_start, event_id"
    )


def _gdelt_events_sql(window_days: int, dated_by: str, events: str) -> str:
    exprs: dict[str, str] = {
        "GLOBALEVENTID": "global_event_id",
        "SQLDATE": "strftime(day, '%Y%m%d')",
        "MonthYear": "strftime(day, '%Y%m')",
        "Year": "year(day)",
        # As in GDELT's files (1979.0027 for 1 January): the day of the year over 365.
        "FractionDate": "round(year(day) + dayofyear(day) / 365, 4)",
        "IsRootEvent": "is_root::INTEGER",
        "EventCode": "cameo",
        "EventBaseCode": "left(cameo, 3)",
        "EventRootCode": "cameo_root",
        "QuadClass": "quad_class",
        "GoldsteinScale": "goldstein",
        "NumMentions": "num_mentions",
        "NumSources": "num_sources",
        "NumArticles": "num_articles",
        # GDELT: when the event was added to the database; ours: when it was first coded.
        "DATEADDED": f"strftime(first_coded_at, {_STAMP})",
        "SOURCEURL": _clean("source_url"),
    }
    for n, role in (("1", "actor"), ("2", "recipient")):
        exprs.update(_gdelt_actor_exprs(f"Actor{n}", role))
    for geo in ("Actor1Geo", "Actor2Geo"):
        exprs[f"{geo}_Type"] = "0"  # GDELT's "no location": actors are not placed (docs/export.md)
    geo_columns = {
        "Type": "coalesce(location_gdelt_type, 0)",
        "FullName": _clean("location_full_name"),
        "CountryCode": "location_country_fips",
        "ADM1Code": "location_adm1",
        "Lat": "round(location_lat, 4)",
        "Long": "round(location_lon, 4)",
        "FeatureID": "location_feature_id",
    }
    for field, expr in geo_columns.items():
        exprs[f"ActionGeo_{field}"] = expr
    columns = ",\n".join(f'{exprs.get(c, "NULL")} AS "{c}"' for c in GDELT_EVENT_COLUMNS)
    return f"""
        SELECT {columns}
        FROM (
            -- Undated events take the day their documents were first coded.
            SELECT *, coalesce(date, first_coded_at::DATE) AS day
            FROM ({_merged_sql(window_days, dated_by, events)})
        ){_join_actor_codes()}
        ORDER BY date NULLS LAST, global_event_id"""


def _gdelt_actor_exprs(prefix: str, role: str) -> dict[str, str]:
    """GDELT's ten fields of one actor (``Actor1``: the actor, ``Actor2``: the recipient), in
    CAMEO's code layout (:mod:`eventcoder.actor_codes`): ``---REB`` is ``REB`` with no country,
    and the name is the code's one canonical name, so the same code is named alike in every row.
    """
    codes = f"{role}_codes"  # the joined row of :data:`_ACTOR_CODES` for this actor
    # A code no table names keeps the name or words the mentions give it most often.
    name = f"coalesce({codes}.name, {role}_name, {role}_text)"
    return {
        f"{prefix}Code": f"{codes}.gdelt_code",
        f"{prefix}Name": _clean(f"upper({name})"),
        f"{prefix}CountryCode": f"{codes}.country",
        f"{prefix}KnownGroupCode": f"{codes}.known_group",
        **{f"{prefix}Religion{i}Code": f"{codes}.religions[{i}]" for i in (1, 2)},
        **{f"{prefix}Type{i}Code": f"{codes}.types[{i}]" for i in (1, 2, 3)},
    }


def _join_actor_codes() -> str:
    """The :data:`_ACTOR_CODES` row of the actor and of the recipient, as ``actor_codes`` and
    ``recipient_codes``."""
    return "".join(
        f"\n        LEFT JOIN {_ACTOR_CODES} AS {role}_codes ON {role}_codes.code = {role}_code"
        for role in ("actor", "recipient")
    )


def _load_actor_codes(con: duckdb.DuckDBPyConnection) -> None:
    """Fill the temporary table :data:`_ACTOR_CODES` with every actor code of the store read
    into the GDELT and PLOVER layouts (:func:`eventcoder.actor_codes.parse`), and the country
    codes of its places, which name their country the same way."""
    rows = con.execute(
        "SELECT code FROM (SELECT unnest([actor_code, recipient_code, location_country]) AS code "
        "FROM events) WHERE code IS NOT NULL"
    ).fetchall()
    con.execute(
        f"CREATE OR REPLACE TEMP TABLE {_ACTOR_CODES} (code VARCHAR, gdelt_code VARCHAR, "
        "country VARCHAR, known_group VARCHAR, religions VARCHAR[], types VARCHAR[], "
        "name VARCHAR, plover_code VARCHAR)"
    )
    parsed = [astuple(p) for p in parse_all(row[0] for row in rows)]
    if parsed:
        con.executemany(f"INSERT INTO {_ACTOR_CODES} VALUES (?, ?, ?, ?, ?, ?, ?, ?)", parsed)


def _gdelt_mentions_sql(window_days: int, dated_by: str, events: str) -> str:
    exprs = {
        "GLOBALEVENTID": _GID,
        # The event's DATEADDED: when the first of its documents was coded.
        "EventTimeDate": f"strftime(min(coded_at) OVER (PARTITION BY group_key), {_STAMP})",
        # When the article was published (the day: inputs give no time we keep), else coded.
        "MentionTimeDate": f"strftime(coalesce(published::TIMESTAMP, coded_at), {_STAMP})",
        "MentionType": "1",  # web
        "MentionSourceName": _clean("outlet"),
        "MentionIdentifier": _clean("coalesce(url, doc_id)"),
        "SentenceID": "sentence_index + 1",
        "Actor1CharOffset": "coalesce(actor_start, -1)",
        "Actor2CharOffset": "coalesce(recipient_start, -1)",
        "ActionCharOffset": "coalesce(trigger_start, -1)",
        "InRawText": (
            f"CASE WHEN actor_kind IN {_RESOLVED_KINDS} OR recipient_kind IN {_RESOLVED_KINDS} "
            "THEN 0 ELSE 1 END"
        ),
        "Confidence": "100",
        "Extras": _clean(_EXTRAS),
    }
    columns = ",\n".join(f'{exprs.get(c, "NULL")} AS "{c}"' for c in GDELT_MENTION_COLUMNS)
    return f"""
        WITH keyed AS ({_keyed_sql(window_days, dated_by, events)})
        SELECT {columns} FROM keyed
        ORDER BY "GLOBALEVENTID", {_MENTION_ORDER}"""


def _plover_fields() -> dict[str, str]:
    """A PLOVER record's fields (manual, "Data Fields"), then ours: name -> SQL over a merged
    event joined to its actor codes. A field the store comes to hold is one more line here."""
    sentences = "list_transform(mentions, lambda m: m.sentence)"
    # Each evidence sentence once, in mention order (list_distinct would not keep the order).
    event_text = f"list_filter({sentences}, lambda s, i: list_position({sentences}, s) = i)"
    return {
        "id": "global_event_id::VARCHAR",
        "date": "date",
        "enddate": "CASE WHEN end_date <> date THEN end_date END",
        "actor": f"[{_plover_entity('actor')}]",
        "recipient": (
            f"CASE WHEN recipient_code IS NULL THEN [] ELSE [{_plover_entity('recipient')}] END"
        ),
        "event": _as_list("event_type"),
        "mode": _as_list('"mode"'),
        "context": "coalesce(string_split(context, ';'), [])",
        "quad_code": "quad_class",
        "event_loc": _plover_location(),
        "event_text": event_text,
        "cite_info": _struct({"url": "source_url"}),
        "coder": f"'eventcoder {__version__}'",
        "coded_date": "strftime(last_coded_at, '%Y-%m-%d')",
        "coded_time": "strftime(last_coded_at, '%H:%M:%SZ')",
        # Ours: not PLOVER's, named so that no one takes them for PLOVER's.
        "cameo_code": "cameo",
        "goldstein": "goldstein",
        "is_root": "is_root",
        "num_mentions": "num_mentions",
        "num_sources": "num_sources",
        "num_articles": "num_articles",
        "date_precision": "date_precision",
        "dated_by": "dated_by",
        "is_background": "is_background",
        "mentions": "mentions",
    }


def _plover_sql(window_days: int, dated_by: str, events: str) -> str:
    columns = ",\n            ".join(
        f'{expr} AS "{name}"' for name, expr in _plover_fields().items()
    )
    return f"""
        SELECT
            {columns}
        FROM ({_ordered_merged_sql(window_days, dated_by, events)}){_join_actor_codes()}
        ORDER BY date NULLS LAST, global_event_id"""


def _plover_entity(role: str) -> str:
    """PLOVER's entity object for the actor or recipient (manual, "Information object for
    entities"): ``code`` the country or PLOVER's international code (UNO, EUR, IGO, NGO, IMG,
    MNC), ``sector`` ours (IGO and NGO are codes in PLOVER, not sectors), ``entity_text`` and
    ``identifier_text`` the text and the name the mentions give most often, except that a
    country's or a body's own code (``USA``, ``IGOUNO``) is identified by its canonical name, not
    by the words that named it ("the U.S.", "Washington", "UN"); and ours, ``canonical_name``
    (the code's one name) and ``actor_code`` (the code as stored)."""
    codes = f"{role}_codes"
    one_body = f"{codes}.known_group IS NOT NULL OR {codes}.code = {codes}.country"
    identifier = f"CASE WHEN {one_body} THEN {codes}.name ELSE {role}_name END"
    return _struct(
        {
            "code": f"{codes}.plover_code",
            "sector": f"CASE WHEN {role}_sector NOT IN ('IGO', 'NGO') THEN {role}_sector END",
            "entity_text": f"{role}_text",
            "identifier_text": identifier,
            "canonical_name": f"{codes}.name",
            "actor_code": f"{role}_code",
        }
    )


def _plover_location() -> str:
    """PLOVER's location object (manual, "Location object", Mordecai3's fields), or null."""
    resolution = (
        "CASE location_kind WHEN 'city' THEN 4 WHEN 'admin1' THEN 2 WHEN 'country' THEN 1 END"
    )
    # GeoNames' feature class: A for countries and regions (PCLI, ADM1), P for towns (PPL...).
    feature_class = (
        "CASE WHEN location_feature LIKE 'PP%' THEN 'P' "
        "WHEN location_feature IS NOT NULL THEN 'A' END"
    )
    # Place countries are in the codes table too (_load_actor_codes): one name per country.
    country = f"(SELECT name FROM {_ACTOR_CODES} WHERE code = location_country)"
    fields = {
        "extracted_place": "location_text",
        "resolved_place": "location_name",
        "geonameid": "location_geonameid",
        "lat": "location_lat",
        "lon": "location_lon",
        "city": "CASE WHEN location_kind = 'city' THEN location_name END",
        "district": "NULL::VARCHAR",
        "province": (
            "CASE WHEN location_kind = 'admin1' THEN location_name ELSE location_admin1 END"
        ),
        "country": country,
        "country_code": "location_country",
        "feature_class": feature_class,
        "feature_code": "location_feature",
        "resolution": resolution,
    }
    return f"CASE WHEN location_name IS NULL THEN NULL ELSE {_struct(fields)} END"


def _struct(fields: dict[str, str]) -> str:
    return "{" + ", ".join(f"'{name}': {expr}" for name, expr in fields.items()) + "}"


def _as_list(value: str) -> str:
    return f"CASE WHEN {value} IS NULL THEN [] ELSE [{value}] END"


def _xml_text(expr: str) -> str:
    return f"replace(replace(replace({expr}, '&', '&amp;'), '<', '&lt;'), '>', '&gt;')"


# GDELT's reserved Extras field, in the XML-like tags of its GKG Extras: a date coarser than a
# day (SQLDATE then gives the period's first day), a background mention, the article's title.
_EXTRAS = (
    "nullif(concat("
    "CASE WHEN \"precision\" <> 'day' THEN '<DATE_PRECISION>' || \"precision\" "
    "|| '</DATE_PRECISION>' END, "
    "CASE WHEN is_background THEN '<BACKGROUND>1</BACKGROUND>' END, "
    f"'<PAGE_TITLE>' || {_xml_text('title')} || '</PAGE_TITLE>'), '')"
)


def _clean(expr: str) -> str:
    """``expr`` with tabs and line breaks (VT, FF, NEL, U+2028/2029 too) collapsed, so a
    tab-separated line stays one row."""
    return one_line_sql(expr)


def _neutralised(con: duckdb.DuckDBPyConnection, query: str) -> str:
    """``query`` with each text column's formula-leading cells neutralised for spreadsheets
    (:mod:`eventcoder.io.cells`); numbers, dates and the column order stay as they are."""
    described = con.execute(f"DESCRIBE {query}").fetchall()  # (name, type, ...) per column
    columns = []
    for name, kind, *_ in described:
        quoted = '"' + name.replace('"', '""') + '"'
        columns.append(f"{neutralise_sql(quoted)} AS {quoted}" if kind == "VARCHAR" else quoted)
    return f"SELECT {', '.join(columns)} FROM ({query})"


def _check_window(window_days: int) -> None:
    # bool is an int, and the value is written into SQL: accept plain positive ints only.
    if type(window_days) is not int or window_days < 1:
        raise InputError(Errors.E042.format(value=window_days))


def open_store(db: Path) -> duckdb.DuckDBPyConnection:
    """A read-only connection to the store ``db``; :class:`InputError` if it is not one."""
    check_readable(db)
    try:
        con = connect(db)  # read-only; waits out a coding run's batch (store.py)
    except duckdb.Error as err:
        reason = str(err).splitlines()[0]  # DuckDB's advice after it is about DuckDB, not us
        raise InputError(Errors.E043.format(path=db, reason=reason)) from err
    try:
        tables = {
            row[0] for row in con.execute("SELECT table_name FROM duckdb_tables()").fetchall()
        }
        for table in ("documents", "events"):
            if table not in tables:
                raise InputError(Errors.E044.format(path=db, table=table))
        check_schema(con, db)
    except InputError:
        con.close()
        raise
    return con


def _check_writable(path: Path) -> None:
    # Fail before the query runs, with the reason, rather than from inside COPY.
    try:
        with open(path, "ab"):
            pass
    except OSError as err:
        raise InputError(Errors.E041.format(path=path, reason=err.strerror or err)) from err


def _copy(
    con: duckdb.DuckDBPyConnection, query: str, out: Path, fmt: str, options: str = ""
) -> int:
    target = "'" + str(out).replace("'", "''") + "'"
    try:
        row = con.execute(f"COPY ({query}) TO {target} (FORMAT {fmt}{options})").fetchone()
    except duckdb.IOException as err:
        raise InputError(Errors.E041.format(path=out, reason=err)) from err
    return int(row[0]) if row else 0


def _mention_count(con: duckdb.DuckDBPyConnection) -> int:
    row = con.execute("SELECT count(*) FROM events WHERE NOT coalesce(negated, false)").fetchone()
    return int(row[0]) if row else 0
