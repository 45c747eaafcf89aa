"""The records eventcoder produces: actors and events, with their evidence."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any


@dataclass
class Actor:
    """A coded actor or recipient.

    text: the words in the article that name it. code: CAMEO-style code (``PAKGOV``, ``IGOUNO``).
    country: ISO 3166 alpha-3 or None. sector: 3-letter sector (GOV, MIL, ...) or None.
    name: a person's or organisation's name where one is known. start, end: character offsets of
    ``text`` in the article. kind: what identified it (country, adjective, capital, agent, igo,
    group, agency, person, pronoun, memory, speaker, inferred, main, pair, place, author,
    domestic).
    ``speaker``: a first-person pronoun inside a quote, read as its speaker; ``inferred``: a party
    the text does not name, read from the quote's context (docs/quotes.md); ``main``: a bare role
    ("the army") given the article's main country; ``pair``: one of "the two countries"
    (docs/coding.md); ``place``: a town or region named where an act lands ("exercises in
    Alaska"), read as the country it is in; ``author``: a text ("a report", "a statement")
    standing for who issued it, named by a by/from phrase or the capital it was issued in
    (docs/coding.md); ``domestic``: the recipient of a domestic act the text names no target
    of known country for, read as the actor's own country (docs/coding.md).
    country_from: how the country of a role the text names no country for was inferred:
    ``place`` (where the act happens, or the place the role is "in": "police in Lahore"),
    ``dateline`` (the town the story was filed from) or ``article`` (the country the article
    is about); None when the text names it (docs/coding.md, unnamed actors).
    """

    text: str
    code: str
    country: str | None
    sector: str | None
    name: str | None = None
    start: int = 0
    end: int = 0
    kind: str = ""
    country_from: str | None = None

    def to_dict(self) -> dict[str, Any]:
        # Spelled out: dataclasses.asdict deep-copies and is several times slower.
        return {
            "text": self.text,
            "code": self.code,
            "country": self.country,
            "sector": self.sector,
            "name": self.name,
            "start": self.start,
            "end": self.end,
            "kind": self.kind,
            "country_from": self.country_from,
        }


@dataclass
class Trigger:
    """The words that carry the event: ``text`` at character offsets ``start``-``end``."""

    text: str
    start: int
    end: int


@dataclass
class Event:
    """One coded event: actor -> action -> recipient, in CAMEO and PLOVER, with its evidence.

    The fields are those of the output record (docs/records.md). ``recipient`` is None when the
    event has none. ``pattern`` names the dictionary row that fired (file:line). ``date`` is
    when the event happened (``date_text`` the words that say so, or None when the article's
    date is used; ``date_precision`` day, month or year). ``location``: where it happened, a
    place record (docs/places.md) or None. ``quote``: the index of the quote it was stated in
    (``doc._.quotes``) or None.

    What the article says about itself travels with each event, so any one record can be
    traced and dated without the document table: ``publication_date`` (YYYY-MM-DD), ``source``
    (the outlet), ``url`` and ``title``, each None when the input does not give it.
    ``is_background``: the event's date lies well before the article's (a historical reference,
    docs/dates.md); None when the article has no date. :mod:`eventcoder.provenance` sets them.
    """

    event_id: str
    doc_id: str
    sentence_index: int
    date: str | None
    actor: Actor
    recipient: Actor | None
    event_type: str | None
    mode: str | None
    context: str | None
    cameo: str
    cameo_root: str
    quad_class: int
    goldstein: float
    trigger: Trigger
    sentence: str
    is_root: bool
    negated: bool
    pattern: str
    date_text: str | None = None
    date_precision: str | None = None
    location: dict[str, Any] | None = None
    quote: int | None = None
    is_background: bool | None = None
    publication_date: str | None = None
    source: str | None = None
    url: str | None = None
    title: str | None = None

    def to_dict(self) -> dict[str, Any]:
        """The event as a JSON-ready dict in the documented field order."""
        return {
            "event_id": self.event_id,
            "doc_id": self.doc_id,
            "sentence_index": self.sentence_index,
            "date": self.date,
            "date_text": self.date_text,
            "date_precision": self.date_precision,
            "is_background": self.is_background,
            "publication_date": self.publication_date,
            "source": self.source,
            "url": self.url,
            "title": self.title,
            "actor": self.actor.to_dict(),
            "recipient": self.recipient.to_dict() if self.recipient else None,
            "event_type": self.event_type,
            "mode": self.mode,
            "context": self.context,
            "cameo": self.cameo,
            "cameo_root": self.cameo_root,
            "quad_class": self.quad_class,
            "goldstein": self.goldstein,
            "trigger": {
                "text": self.trigger.text,
                "start": self.trigger.start,
                "end": self.trigger.end,
            },
            "sentence": self.sentence,
            "location": self.location,
            "quote": self.quote,
            "is_root": self.is_root,
            "negated": self.negated,
            "pattern": self.pattern,
        }


EVENT_FIELDS = (
    "event_id", "doc_id", "sentence_index", "date", "date_text", "date_precision",
    "is_background", "publication_date", "source", "url", "title", "actor", "recipient",
    "event_type", "mode", "context", "cameo", "cameo_root", "quad_class", "goldstein", "trigger",
    "sentence", "location", "quote", "is_root", "negated", "pattern",
)  # fmt: skip
