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

from pathlib import Path

import duckdb

from eventcoder import __version__
from eventcoder.errors import Errors, InputError
from eventcoder.io.writers import DATE_COLUMNS, FLAT_COLUMNS, row_schema
from eventcoder.provenance import check_dated_by
from eventcoder.store import SQL_TYPES

EXPORT_FORMATS = ("gdelt", "plover", "parquet", "csv")

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
    "name", "full_name", "kind", "country", "country_fips", "adm1", "lat", "lon", "geonameid",
    "feature_id", "gdelt_type",
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
    suffixes = out.suffixes[-2:] if out.suffix in (".gz", ".zst") else out.suffixes[-1:]
    ending = "".join(suffixes)
    stem = out.name[: len(out.name) - len(ending)] if ending else out.name
    return out.with_name(f"{stem}.mentions{ending}")


def export(
    db: Path,
    fmt: str,
    out: Path,
    window_days: int = 1,
    merged: bool = False,
    dated_by: str = "event",
) -> dict[str, int]:
    """Write the store ``db`` to ``out`` in format ``fmt``.

    db: the DuckDB store (opened read-only). fmt: ``gdelt`` (event table to ``out``, mentions
    table to :func:`mentions_path` of it), ``plover`` (JSON Lines of merged events), ``parquet``
    or ``csv`` (the stored per-mention events, or merged events with ``merged``).
    out: the output file, overwritten. window_days: the merge window in days.
    merged: parquet/csv only: write merged events instead of the stored rows.
    dated_by: what dates merged events: ``event`` (their own date, the default) or
    ``publication`` (their article's, as GDELT and ICEWS do); see :func:`merged_events`.
    Returns the rows written: ``events`` (rows in ``out``) and, for merged outputs, ``mentions``
    (the mentions they carry; for gdelt the rows of the mentions file).
    Raises :class:`InputError` for an unknown format, a bad window or dating, a store that cannot
    be read or an output that cannot be written.
    """
    db, out = Path(db), Path(out)
    if fmt not in EXPORT_FORMATS:
        raise InputError(Errors.E040.format(fmt=fmt, known=", ".join(EXPORT_FORMATS)))
    _check_window(window_days)
    check_dated_by(dated_by)
    outputs = [out, mentions_path(out)] if fmt == "gdelt" else [out]
    for path in outputs:
        if path.resolve() == db.resolve():
            raise InputError(Errors.E045.format(path=path))
    con = _open_store(db)
    try:
        for path in outputs:
            _check_writable(path)
        merge = (window_days, dated_by, _events_sql(con))
        if fmt == "gdelt":
            return {
                "events": _copy(con, _gdelt_events_sql(*merge), out, "CSV", _TSV),
                "mentions": _copy(con, _gdelt_mentions_sql(*merge), outputs[1], "CSV", _TSV),
            }
        if fmt == "plover":
            written = _copy(con, _plover_sql(*merge), out, "JSON")
            return {"events": written, "mentions": _mention_count(con)}
        copy_format, options = ("PARQUET", "") if fmt == "parquet" else ("CSV", ", HEADER true")
        if not merged:
            return {"events": _copy(con, _stored_sql(merge[2]), out, copy_format, options)}
        query = _ordered_merged_sql(*merge)
        if fmt == "csv":
            # CSV has no nested values: the mentions list travels as one JSON string.
            query = (
                f"SELECT * REPLACE (to_json(mentions)::VARCHAR AS mentions) FROM ({query}) "
                "ORDER BY date NULLS LAST, global_event_id"
            )
        written = _copy(con, query, out, copy_format, options)
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
        code = f"{role}_code"
        exprs[f"Actor{n}Code"] = code
        exprs[f"Actor{n}Name"] = _clean(f"upper(coalesce({role}_name, {role}_text))")
        exprs[f"Actor{n}CountryCode"] = f"{role}_country"
        # Only IGO and NGO codes name a known group (IGOUNO -> UNO); IMGREB and country codes
        # do not.
        exprs[f"Actor{n}KnownGroupCode"] = (
            f"CASE WHEN regexp_full_match({code}, '(IGO|NGO)[A-Z0-9]{{3}}') "
            f"THEN substr({code}, 4, 3) END"
        )
        exprs[f"Actor{n}Type1Code"] = f"{role}_sector"
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
        )
        ORDER BY date NULLS LAST, global_event_id"""


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


def _plover_sql(window_days: int, dated_by: str, events: str) -> str:
    def entity(role: str) -> str:
        # PLOVER's entity code is the country; IGOs and groups have none and keep their code.
        return (
            f"{{'code': coalesce({role}_country, {role}_code), 'sector': {role}_sector, "
            f"'entity_text': {role}_text, 'identifier_text': {role}_name, 'cameo': {role}_code}}"
        )

    def as_list(value: str) -> str:
        return f"CASE WHEN {value} IS NULL THEN [] ELSE [{value}] END"

    return f"""
        SELECT
            global_event_id::VARCHAR AS id,
            date,
            CASE WHEN end_date <> date THEN end_date END AS enddate,
            [{entity("actor")}] AS actor,
            CASE WHEN recipient_code IS NULL THEN [] ELSE [{entity("recipient")}] END
                AS recipient,
            {as_list("event_type")} AS event,
            {as_list('"mode"')} AS "mode",
            coalesce(string_split(context, ';'), []) AS context,
            quad_class AS quad_code,
            cameo, goldstein, is_root, num_mentions, num_sources, num_articles, date_precision,
            dated_by, is_background,
            CASE WHEN location_name IS NULL THEN NULL ELSE {{'name': location_full_name,
                'country': location_country, 'lat': location_lat, 'lon': location_lon,
                'geonameid': location_geonameid, 'kind': location_kind}} END AS location,
            'eventcoder {__version__}' AS coder,
            strftime(last_coded_at, '%Y-%m-%d') AS coded_date,
            mentions
        FROM ({_ordered_merged_sql(window_days, dated_by, events)})
        ORDER BY date NULLS LAST, global_event_id"""


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
    """``expr`` with tabs and line breaks collapsed, so a tab-separated line stays one row."""
    return rf"nullif(trim(regexp_replace({expr}, '\s+', ' ', 'g')), '')"


def _check_window(window_days: int) -> None:
    # bool is an int, and the value is written into SQL: accept plain positive ints only.
    if type(window_days) is not int or window_days < 1:
        raise InputError(Errors.E042.format(value=window_days))


def _open_store(db: Path) -> duckdb.DuckDBPyConnection:
    if not db.is_file():
        raise InputError(Errors.E043.format(path=db, reason="no such file"))
    try:
        con = duckdb.connect(str(db), read_only=True)
    except duckdb.Error as err:
        raise InputError(Errors.E043.format(path=db, reason=err)) from err
    tables = {row[0] for row in con.execute("SELECT table_name FROM duckdb_tables()").fetchall()}
    for table in ("documents", "events"):
        if table not in tables:
            con.close()
            raise InputError(Errors.E044.format(path=db, table=table))
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
