"""What every event carries about its article, and which date an event is dated by.

An event's ``date`` is when it happened, as its sentence says (docs/dates.md). The article's own
facts travel with each event so that any record, row or merged mention can be traced and dated
on its own: ``publication_date``, ``source`` (the outlet), ``url`` and ``title``. An event dated
well before its article is a historical reference ("in 1990 Iraq invaded Kuwait"), flagged
``is_background``. An analyst who dates events as GDELT and ICEWS do, by publication, asks for
``dated_by="publication"`` (docs/dates.md, "Background events and dating by publication").
"""

from __future__ import annotations

import dataclasses
import datetime as dt
from collections.abc import Iterable, Mapping
from enum import StrEnum
from typing import Any

from eventcoder.dates import as_date
from eventcoder.errors import Errors, InputError
from eventcoder.io.readers import Article
from eventcoder.records import Event

# The article's fields each event carries, as the output records name them.
ARTICLE_FIELDS = ("publication_date", "source", "url", "title")


class DatedBy(StrEnum):
    """How events are dated: by their own date (the default) or by their article's."""

    event = "event"
    publication = "publication"


DATED_BY = tuple(DatedBy)
# An event whose whole date period ended more than this many days before its article was
# published is background: a month is past any "last week", "two weeks ago" or "last month".
BACKGROUND_DAYS = 30


def article_meta(article: Article) -> dict[str, Any]:
    """``doc._.meta`` for ``article``: its id, date, source, URL and title, and itself."""
    return {
        "id": article.id,
        "date": article.date,
        "source": article.source,
        "url": article.url,
        "title": article.title,
        "article": article,
    }


def article_fields(meta: Mapping[str, Any]) -> dict[str, Any]:
    """The :data:`ARTICLE_FIELDS` of an article described by ``meta``.

    meta: ``doc._.meta`` (``date``, ``source``, ``url``, ``title``; any may be missing).
    The publication date comes back as YYYY-MM-DD (an ISO date-time gives its day), or None.
    """
    published = as_date(meta.get("date"))
    return {
        "publication_date": published.isoformat() if published is not None else None,
        "source": meta.get("source") or None,
        "url": meta.get("url") or None,
        "title": meta.get("title") or None,
    }


def stamp(events: Iterable[Event], meta: Mapping[str, Any]) -> None:
    """Give each event its article's fields (``meta`` as for :func:`article_fields`) and its
    ``is_background`` flag, in place."""
    for event in events:
        for name, value in provenance(event.date, event.date_precision, meta).items():
            setattr(event, name, value)


def provenance(date: str | None, precision: str | None, meta: Mapping[str, Any]) -> dict[str, Any]:
    """The :data:`ARTICLE_FIELDS` and ``is_background`` of an event dated ``date`` with
    ``precision`` in the article ``meta`` describes (as for :func:`article_fields`)."""
    fields = article_fields(meta)
    fields["is_background"] = is_background(date, precision, fields["publication_date"])
    return fields


def period_end(date: dt.date, precision: str | None) -> dt.date:
    """The last day of the period that starts on ``date`` (docs/dates.md: a coarser date is the
    first day of its week, month or year); ``date`` itself for a day or no precision."""
    if precision == "week":
        return date + dt.timedelta(days=6)
    if precision == "month":
        following = date.replace(day=28) + dt.timedelta(days=4)
        return following - dt.timedelta(days=following.day)
    if precision == "year":
        return date.replace(month=12, day=31)
    return date


def is_background(date: str | None, precision: str | None, published: str | None) -> bool | None:
    """Whether an event dated ``date`` (YYYY-MM-DD, of ``precision``) is a historical reference
    in an article published on ``published``: its whole period ended more than
    :data:`BACKGROUND_DAYS` days before. None when either date is missing.

    The period's end, not its start, is compared, so that "last year" in a January article
    (which may be last December) is not flagged.
    """
    day, base = as_date(date), as_date(published)
    if day is None or base is None:
        return None
    return (base - period_end(day, precision)).days > BACKGROUND_DAYS


def check_dated_by(dated_by: str) -> None:
    """Raise :class:`InputError` unless ``dated_by`` is one of :data:`DATED_BY`."""
    if dated_by not in DATED_BY:
        raise InputError(Errors.E053.format(value=dated_by, known=", ".join(DATED_BY)))


def dated_by_publication(event: Event) -> Event:
    """A copy of ``event`` dated by its article's publication date, as GDELT and ICEWS date
    events: ``date`` the publication date, ``date_precision`` day, ``date_text`` None (the
    marks of an event that took its article's date). An undated article's event keeps its own
    date. ``is_background`` still tells whether the sentence referred to the past.
    """
    if event.publication_date is None:
        return event
    return dataclasses.replace(
        event, date=event.publication_date, date_text=None, date_precision="day"
    )


def date_events(events: Iterable[Event], dated_by: str) -> list[Event]:
    """``events`` dated as ``dated_by`` (one of :data:`DATED_BY`) asks: as they are for
    ``event``, :func:`dated_by_publication` copies for ``publication``."""
    check_dated_by(dated_by)
    if dated_by == DatedBy.publication:
        return [dated_by_publication(e) for e in events]
    return list(events)
