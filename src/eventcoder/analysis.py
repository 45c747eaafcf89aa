"""From the store to tables an analyst can plot: counts, dyadic series, top actors, the network.

Every function reads a store written by ``eventcoder code --db`` (a path, or an open DuckDB
connection to one), lets DuckDB do the grouping in SQL and returns a pandas DataFrame.

What is counted (docs/analysis.md):
- Stored events, one per coded mention, by default; ``merged=True`` counts merged events instead
  (the same act reported by several articles once, by :func:`eventcoder.export.merged_events`).
- Negated events ("did not accuse") are never counted.
- An event is dated by its own date, else by its article's publication date
  (``date_by="event"``); ``date_by="publication"`` dates every event by its article. Undated
  events are left out of series.

Who is meant (:func:`match`): ``PAK`` (3 letters) is Pakistan or any code that begins PAK (so
``IGO`` is every IGO); ``PAKGOV`` is that code exactly; ``sector:MIL`` is any actor of that sector.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import date as Date
from pathlib import Path
from typing import TYPE_CHECKING, Any

import duckdb

from eventcoder.errors import Errors, InputError
from eventcoder.export import merged_events, open_store
from eventcoder.io.writers import flatten, row_schema
from eventcoder.ontology import PLOVER_TYPES, QUAD_CLASSES
from eventcoder.provenance import check_dated_by

if TYPE_CHECKING:
    import pandas as pd

    from eventcoder.records import Event

StoreLike = str | Path | duckdb.DuckDBPyConnection
FREQS = ("day", "week", "month", "year")
# The columns of every series, in order; series(plover=True) adds one column per PLOVER type.
SERIES_COLUMNS: tuple[str, ...] = (
    "period", *QUAD_CLASSES.values(), "n_events", "goldstein_sum", "goldstein_mean",
)  # fmt: skip
# Who a term names (match): also the pattern the HTTP API declares for its actor parameters.
TERM_PATTERN = r"[A-Za-z0-9]{3,}|[Ss][Ee][Cc][Tt][Oo][Rr]:[A-Za-z]{3}"
_TERM = re.compile(TERM_PATTERN)


def connect(path: str | Path) -> duckdb.DuckDBPyConnection:
    """Open the store at ``path`` read-only: the one place analysis and plots open a store.

    Raises :class:`InputError` (E043, E044) for a missing file, one that cannot be opened (a run
    is writing to it) or one that is not an eventcoder store.
    """
    return open_store(Path(path))


@contextmanager
def reading(store: StoreLike) -> Iterator[duckdb.DuckDBPyConnection]:
    """A read-only connection to ``store`` (a path, opened by :func:`connect` and closed on
    leaving; or a caller's connection, which stays open)."""
    if isinstance(store, duckdb.DuckDBPyConnection):
        yield store
        return
    con = connect(store)
    try:
        yield con
    finally:
        con.close()


def to_dataframe(events: Iterable[Event | dict[str, Any]]) -> pd.DataFrame:
    """Events (:class:`~eventcoder.Event`, or their dicts) as a DataFrame of the flat columns.

    The columns and their types are those of the store's ``events`` table
    (:data:`eventcoder.io.writers.FLAT_COLUMNS`; dates as YYYY-MM-DD strings), one row per event.
    """
    import pyarrow as pa

    rows = [flatten(e if isinstance(e, dict) else e.to_dict()) for e in events]
    return pa.Table.from_pylist(rows, schema=row_schema()).to_pandas()


@dataclass(frozen=True)
class Selection:
    """Which events an analysis counts.

    a, b: who (see :func:`match`); None for anyone. With b, the dyad a→b; directed=False
    also counts b→a (and, without b, events where a is the recipient). start, end: first and
    last day (YYYY-MM-DD) counted. date_by: ``event`` or ``publication``. merged: count merged
    events rather than stored mentions.
    """

    a: str | None = None
    b: str | None = None
    directed: bool = True
    start: str | None = None
    end: str | None = None
    date_by: str = "event"
    merged: bool = False

    def __post_init__(self) -> None:
        check_dated_by(self.date_by)
        for term in (self.a, self.b):
            if term is not None:
                match("actor", term)
        for day in (self.start, self.end):
            if day is not None:
                _check_date(day)

    def label(self) -> str:
        """How the selection reads in titles and messages: ``IND → PAK``, ``IND ↔ PAK``."""
        if self.a is None:
            return "all events"
        if self.b is None:
            return self.a.upper() + ("" if self.directed else " (either side)")
        return f"{self.a.upper()} {'→' if self.directed else '↔'} {self.b.upper()}"

    def sql(self, con: duckdb.DuckDBPyConnection) -> tuple[str, list[Any]]:
        """The selected events (every stored column plus ``day``, a DATE) and the parameters."""
        where, params = self._where()
        counted = _events_sql(con, self.date_by, self.merged)
        return f"SELECT * FROM ({counted}) WHERE {where}", params

    def _where(self) -> tuple[str, list[Any]]:
        clauses, params = ["day IS NOT NULL"], []
        for op, day in ((">=", self.start), ("<=", self.end)):
            if day is not None:
                clauses.append(f"day {op} ?::DATE")
                params.append(day)
        if self.a is not None:
            who, who_params = self._who()
            clauses.append(who)
            params += who_params
        return " AND ".join(clauses), params

    def _who(self) -> tuple[str, list[Any]]:
        assert self.a is not None
        to_b = match("recipient", self.b) if self.b is not None else None
        forward = _both(match("actor", self.a), to_b)
        if self.directed:
            return forward
        if self.b is None:
            backward = match("recipient", self.a)
        else:
            backward = _both(match("actor", self.b), match("recipient", self.a))
        return f"({forward[0]} OR {backward[0]})", forward[1] + backward[1]


def _both(
    first: tuple[str, list[Any]], second: tuple[str, list[Any]] | None
) -> tuple[str, list[Any]]:
    if second is None:
        return first
    return f"({first[0]} AND {second[0]})", first[1] + second[1]


def match(role: str, term: str) -> tuple[str, list[Any]]:
    """The SQL condition (and its parameters) for ``role`` (actor or recipient) being ``term``.

    ``PAK``: 3 letters match the country (``PAK`` and ``PAKGOV`` are Pakistan's) or the first
    three letters of the code (``IGO`` matches ``IGOUNO``). ``PAKGOV``: a longer term is one code.
    ``sector:MIL``: the actor's sector, of any country. Case does not matter.
    Raises :class:`InputError` (E130) for anything else.
    """
    key = term.strip().upper()
    if not _TERM.fullmatch(key):
        raise InputError(Errors.E130.format(term=term))
    if key.startswith("SECTOR:"):
        return f"{role}_sector = ?", [key[7:]]
    if len(key) == 3:
        return f"({role}_country = ? OR left({role}_code, 3) = ?)", [key, key]
    return f"{role}_code = ?", [key]


def _events_sql(con: duckdb.DuckDBPyConnection, date_by: str, merged: bool) -> str:
    """Every counted event with its ``day``: negated events left out, merged if asked."""
    if merged:
        merged_sql = merged_events(con, 1, date_by).sql_query()
        return f"SELECT *, try_cast(date AS DATE) AS day FROM ({merged_sql})"
    published = "d.date"
    # The provenance fields give each event its article's date; older stores have only the
    # documents table's.
    if "publication_date" in _columns(con, "events"):
        published = "coalesce(e.publication_date, d.date)"
    # Either date stands in for the other when missing (an undated article keeps its events'
    # own dates, as export's publication dating does).
    day = day_sql(date_by, published)
    return f"""
        SELECT e.*, {day} AS day
        FROM events AS e LEFT JOIN documents AS d ON d.doc_id = e.doc_id
        WHERE NOT coalesce(e.negated, false)"""


def day_sql(date_by: str = "event", published: str = "d.date") -> str:
    """An event's day as SQL over ``events AS e`` joined to ``documents AS d``: its own date,
    else its article's (``published``), or the other way round when ``date_by`` is
    ``publication``. The one rule of the analyses and of the API's date filters (queries.py).
    """
    first, second = _day("e.date"), _day(published)
    if date_by == "publication":
        first, second = second, first
    return f"coalesce({first}, {second})"


def _day(column: str) -> str:
    return f"try_cast(left({column}, 10) AS DATE)"


def _columns(con: duckdb.DuckDBPyConnection, table: str) -> set[str]:
    rows = con.execute(
        "SELECT column_name FROM information_schema.columns WHERE table_name = ?", [table]
    ).fetchall()
    return {name for (name,) in rows}


def _aggregates(plover: bool = False) -> str:
    """Counts by QuadClass (and PLOVER type), events, Goldstein sum and mean, as SQL."""
    parts = [
        f"count(*) FILTER (WHERE quad_class = {q}) AS {name}" for q, name in QUAD_CLASSES.items()
    ]
    parts += ["count(*) AS n_events", "sum(goldstein) AS goldstein_sum"]
    parts.append("avg(goldstein) AS goldstein_mean")
    if plover:
        parts += [f"count(*) FILTER (WHERE event_type = '{t}') AS {t}" for t in PLOVER_TYPES]
    return ", ".join(parts)


def series(
    store: StoreLike,
    a: str | None = None,
    b: str | None = None,
    freq: str = "month",
    *,
    directed: bool = True,
    plover: bool = False,
    start: str | None = None,
    end: str | None = None,
    date_by: str = "event",
    merged: bool = False,
) -> pd.DataFrame:
    """Counts over time for a dyad, an actor or the whole store.

    store: the store's path or an open connection. a, b, directed, start, end, date_by,
    merged: which events (:class:`Selection`). freq: ``day``, ``week`` (from Monday), ``month``
    or ``year``. plover: add one count column per PLOVER type.
    Returns one row per period from the first to the last with events (from ``start`` to
    ``end`` when given), with the columns of :data:`SERIES_COLUMNS`: ``period`` (the period's
    first day), events per QuadClass, ``n_events``, ``goldstein_sum`` and ``goldstein_mean``.
    Periods without events have zero counts and sum and no mean (NaN). No events: no rows,
    unless both ``start`` and ``end`` are given.
    """
    _check_choice("freq", freq, FREQS)
    selection = Selection(a, b, directed, start, end, date_by, merged)
    columns = [c for c in SERIES_COLUMNS if c != "period"] + (list(PLOVER_TYPES) if plover else [])
    filled = ", ".join(
        f"agg.{c}" if c == "goldstein_mean" else f"coalesce(agg.{c}, 0) AS {c}" for c in columns
    )
    first = f"date_trunc('{freq}', ?::DATE)" if start else "lo"
    last = f"date_trunc('{freq}', ?::DATE)" if end else "hi"
    with reading(store) as con:
        selected, params = selection.sql(con)
        query = f"""
            WITH agg AS (
                SELECT date_trunc('{freq}', day)::DATE AS period, {_aggregates(plover)}
                FROM ({selected}) GROUP BY period),
            spine AS (
                SELECT unnest(generate_series({first}, {last}, INTERVAL 1 {freq}))::DATE
                    AS period
                FROM (SELECT min(period) AS lo, max(period) AS hi FROM agg))
            SELECT spine.period, {filled}
            FROM spine LEFT JOIN agg USING (period) ORDER BY period"""
        bounds = [day for day in (start, end) if day]
        return con.execute(query, params + bounds).df()


def events(store: StoreLike, selection: Selection | None = None) -> pd.DataFrame:
    """The events a selection counts, one row each, with every stored column and ``day``."""
    selection = selection or Selection()
    with reading(store) as con:
        query, params = selection.sql(con)
        return con.execute(f"{query} ORDER BY day", params).df()


def _side(role: str, by: str) -> str:
    _check_choice("by", by, ("country", "code"))
    # An actor of no country (an IGO, a transnational group) stands for itself by its code.
    return f"{role}_code" if by == "code" else f"coalesce({role}_country, {role}_code)"


def dyads(
    store: StoreLike,
    selection: Selection | None = None,
    *,
    by: str = "country",
    directed: bool = True,
    min_events: int = 1,
    limit: int | None = None,
) -> pd.DataFrame:
    """Events per dyad, busiest first: ``actor``, ``recipient``, the QuadClass counts,
    ``n_events``, ``goldstein_sum``, ``goldstein_mean``.

    by: ``country`` (an actor of no country goes by its code) or ``code``. directed=False puts
    A→B and B→A together under the alphabetically first pair. Events without a recipient, and
    an actor's events with itself, are left out. min_events: drop rarer dyads. limit: at most
    this many rows.
    """
    actor, recipient = _side("actor", by), _side("recipient", by)
    if not directed:
        actor, recipient = f"least({actor}, {recipient})", f"greatest({actor}, {recipient})"
    top = f"LIMIT {int(limit)}" if limit is not None else ""
    with reading(store) as con:
        selected, params = (selection or Selection()).sql(con)
        query = f"""
            SELECT {actor} AS actor, {recipient} AS recipient, {_aggregates()}
            FROM ({selected})
            WHERE {recipient} IS NOT NULL AND {actor} <> {recipient}
            GROUP BY ALL HAVING count(*) >= ?
            ORDER BY n_events DESC, actor, recipient {top}"""
        return con.execute(query, [*params, min_events]).df()


def top_dyads(store: StoreLike, n: int = 10, **options: Any) -> pd.DataFrame:
    """The ``n`` busiest dyads; the options of :func:`dyads`."""
    return dyads(store, limit=n, **options)


def network(store: StoreLike, min_events: int = 1, **options: Any) -> pd.DataFrame:
    """The actor network as edges: one row per directed dyad with ``min_events`` or more
    (``actor`` → ``recipient``, weighted by ``n_events``, signed by ``goldstein_mean``); the
    options of :func:`dyads`."""
    return dyads(store, min_events=min_events, **options)


def top_actors(
    store: StoreLike, n: int = 10, selection: Selection | None = None, *, by: str = "country"
) -> pd.DataFrame:
    """The ``n`` actors in most events, either side: ``actor``, ``n_events``, ``as_actor``,
    ``as_recipient``, ``goldstein_mean`` (of the events they take part in); by as in
    :func:`dyads`."""
    actor, recipient = _side("actor", by), _side("recipient", by)
    with reading(store) as con:
        selected, params = (selection or Selection()).sql(con)
        query = f"""
            WITH sel AS ({selected}),
            sides AS (
                SELECT {actor} AS actor, 1 AS as_actor, 0 AS as_recipient, goldstein FROM sel
                UNION ALL
                SELECT {recipient}, 0, 1, goldstein FROM sel WHERE {recipient} IS NOT NULL)
            SELECT actor, count(*) AS n_events, sum(as_actor)::BIGINT AS as_actor,
                   sum(as_recipient)::BIGINT AS as_recipient, avg(goldstein) AS goldstein_mean
            FROM sides WHERE actor IS NOT NULL
            GROUP BY actor ORDER BY n_events DESC, actor LIMIT {int(n)}"""
        return con.execute(query, params).df()


def busiest(store: StoreLike, n: int = 5) -> str:
    """The ``n`` busiest directed dyads by country as ``USA→PAK (3)``, for messages that help
    a user name a dyad the store holds."""
    rows = top_dyads(store, n)
    pairs = [f"{r.actor}→{r.recipient} ({r.n_events})" for r in rows.itertuples()]
    return ", ".join(pairs) or "none (the store holds no events with a recipient)"


def _check_choice(what: str, value: str, known: Sequence[str]) -> None:
    if value not in known:
        raise InputError(Errors.E131.format(what=what, value=value, known=", ".join(known)))


def _check_date(value: str) -> None:
    try:
        Date.fromisoformat(value)
    except (TypeError, ValueError) as err:
        raise InputError(Errors.E132.format(value=value)) from err
