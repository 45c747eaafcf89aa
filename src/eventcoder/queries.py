"""Reading the store: the events an analyst's filters select, as plain rows.

The HTTP API (:mod:`eventcoder.server`) answers from here. Every value a user gives reaches SQL
as a bound parameter; column names come only from the fixed lists below.
"""

from __future__ import annotations

from dataclasses import dataclass, fields
from typing import Any

import duckdb

from eventcoder.analysis import day_sql, match
from eventcoder.io.writers import FLAT_COLUMNS

SORTABLE = (
    "date", "event_id", "doc_id", "actor_code", "recipient_code", "event_type", "cameo",
    "quad_class", "goldstein",
)  # fmt: skip
_EVENT_COLUMNS = ", ".join(f'e."{c}"' for c in FLAT_COLUMNS)


@dataclass(frozen=True)
class EventFilter:
    """Which events to select; a field left None selects all.

    actor, recipient: who, on that side, by :func:`eventcoder.analysis.match` (``PAK``: the
    country or a code beginning so; ``PAKGOV``: that code; ``sector:MIL``).
    country, sector: either side's country or sector. type: PLOVER event type. cameo: a CAMEO
    code or its prefix (``11`` selects 110-1125). quad_class: 1-4. date_from, date_to: first
    and last day (YYYY-MM-DD) of the event's date, or its article's when it has none. source:
    the article's outlet. q: words the sentence contains, case-insensitive. located: True for
    events with coordinates only, False for events without.
    """

    actor: str | None = None
    recipient: str | None = None
    country: str | None = None
    sector: str | None = None
    type: str | None = None
    cameo: str | None = None
    quad_class: int | None = None
    date_from: str | None = None
    date_to: str | None = None
    source: str | None = None
    q: str | None = None
    located: bool | None = None

    def where(self) -> tuple[str, list[Any]]:
        """The SQL condition (on ``events AS e JOIN documents AS d``) and its parameters."""
        conditions, params = ["TRUE"], []
        for f in fields(self):
            value = getattr(self, f.name)
            if value is None or value == "":
                continue
            if f.name == "located":
                conditions.append(f"e.location_lat IS {'NOT ' if value else ''}NULL")
                continue
            if f.name in ("actor", "recipient"):
                sql, bound = match(f.name, value)  # the analyses' rule (docs/analysis.md)
                conditions.append(sql)
                params.extend(bound)
                continue
            sql, n = _CONDITIONS[f.name]
            if f.name in _CODES:
                value = value.upper()
            elif f.name == "q":
                value = value.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")
            conditions.append(sql)
            params.extend([value] * n)
        return " AND ".join(conditions), params


_CODES = ("country", "sector", "type")  # stored upper-case
# An event's day: its own date, else its article's (as the analyses count it).
_DAY = day_sql()
# field -> (condition, how many times it binds the value)
_CONDITIONS: dict[str, tuple[str, int]] = {
    "country": ("(e.actor_country = ? OR e.recipient_country = ?)", 2),
    "sector": ("(e.actor_sector = ? OR e.recipient_sector = ?)", 2),
    "type": ("e.event_type = ?", 1),
    "cameo": ("starts_with(e.cameo, ?)", 1),
    "quad_class": ("e.quad_class = ?", 1),
    "date_from": (f"{_DAY} >= ?::DATE", 1),
    "date_to": (f"{_DAY} <= ?::DATE", 1),
    "source": ("d.source = ?", 1),
    "q": ("e.sentence ILIKE '%' || ? || '%' ESCAPE '\\'", 1),
}


def find_events(
    con: duckdb.DuckDBPyConnection,
    where: EventFilter,
    sort: str = "date",
    order: str = "asc",
    limit: int = 100,
    offset: int = 0,
) -> tuple[int, list[dict[str, Any]]]:
    """The number of events ``where`` selects, and one page of them as flat rows.

    sort: one of :data:`SORTABLE`; ties break by event id, so pages never overlap.
    order: ``asc`` or ``desc``. Raises ValueError for another sort or order.
    """
    if sort not in SORTABLE or order not in ("asc", "desc"):
        raise ValueError(f"sort {sort!r} {order!r}")
    condition, params = where.where()
    joined = "events AS e LEFT JOIN documents AS d ON d.doc_id = e.doc_id"
    total = con.execute(f"SELECT count(*) FROM {joined} WHERE {condition}", params).fetchone()
    query = (
        f"SELECT {_EVENT_COLUMNS} FROM {joined} WHERE {condition} "
        f'ORDER BY e."{sort}" {order} NULLS LAST, e.event_id LIMIT ? OFFSET ?'
    )
    cursor = con.execute(query, [*params, limit, offset])
    return (int(total[0]) if total else 0), _dicts(cursor)


def event_by_id(
    con: duckdb.DuckDBPyConnection, event_id: str
) -> tuple[dict[str, Any], dict[str, Any] | None] | None:
    """The event stored under ``event_id`` and its document's row, or None."""
    cursor = con.execute(f"SELECT {_EVENT_COLUMNS} FROM events AS e WHERE event_id = ?", [event_id])
    rows = _dicts(cursor)
    if not rows:
        return None
    documents = _dicts(con.execute("SELECT * FROM documents WHERE doc_id = ?", [rows[0]["doc_id"]]))
    return rows[0], (documents[0] if documents else None)


def quote_of(con: duckdb.DuckDBPyConnection, event: dict[str, Any]) -> dict[str, Any] | None:
    """The quote an event was stated in (its ``quote`` index), or None."""
    if event.get("quote") is None:
        return None
    rows = _dicts(
        con.execute(
            "SELECT * FROM quotes WHERE doc_id = ? AND quote_index = ?",
            [event["doc_id"], event["quote"]],
        )
    )
    return rows[0] if rows else None


def evidence(event: dict[str, Any]) -> dict[str, Any]:
    """The event's sentence with the actor, trigger and recipient as spans of it.

    The store keeps offsets in the article, not in the sentence: the sentence's place in the
    article is found where the trigger's words stand at the trigger's offset and the actor's
    and recipient's words, when they are in the sentence, stand at theirs. A role whose words
    are elsewhere (a pronoun resolved to an earlier sentence) has no span.
    Returns ``{"sentence": str, "spans": [{"role", "start", "end"}]}``.
    """
    sentence, trigger = event.get("sentence") or "", event.get("trigger_text") or ""
    roles = ("trigger", "actor", "recipient")

    def spans(base: int) -> list[dict[str, Any]]:
        found = []
        for role in roles:
            start, end = event.get(f"{role}_start"), event.get(f"{role}_end")
            text = event.get(f"{role}_text")
            if start is None or end is None or not text:
                continue
            s, e = start - base, end - base
            if 0 <= s < e <= len(sentence) and sentence[s:e] == text:
                found.append({"role": role, "start": s, "end": e})
        return found

    best: list[dict[str, Any]] = []
    at = sentence.find(trigger) if trigger else -1
    while at >= 0 and event.get("trigger_start") is not None:
        candidate = spans(event["trigger_start"] - at)
        if len(candidate) > len(best):
            best = candidate
        at = sentence.find(trigger, at + 1)
    return {"sentence": sentence, "spans": best}


def summary(con: duckdb.DuckDBPyConnection) -> dict[str, int]:
    """How many events and documents the store holds."""
    counts = {}
    for table in ("events", "documents"):
        row = con.execute(f"SELECT count(*) FROM {table}").fetchone()
        counts[table] = int(row[0]) if row else 0
    return counts


def _dicts(cursor: duckdb.DuckDBPyConnection) -> list[dict[str, Any]]:
    names = [c[0] for c in cursor.description or ()]
    return [dict(zip(names, row, strict=True)) for row in cursor.fetchall()]
