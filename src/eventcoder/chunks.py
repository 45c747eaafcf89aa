"""Long articles in bounded pieces, and the size limit past which an article is not coded.

spaCy needs memory in proportion to the tokens it parses at once (about 15 KB a token for our
parser and entity recogniser), and refuses texts over ``nlp.max_length`` (E088). An article
longer than :data:`PIECE_CHARS` characters is therefore coded piece by piece: cut at a blank
line, else after ". " or a line end, else at a space, into pieces of at most
:data:`PIECE_CHARS` characters and :data:`PIECE_TOKENS` tokens (a text of control characters or
punctuation has a token every character or two). :class:`Assembly` shifts what each piece
gives to the article's character, token, sentence and quote positions, so the article reads as
if it had been coded whole. An article over :func:`max_article` characters is not coded at all.
docs/reliability.md, "Long articles and memory".
"""

from __future__ import annotations

import os
from collections.abc import Iterator
from typing import Any

from eventcoder.errors import Errors, InputError
from eventcoder.records import Actor, Event

PIECE_CHARS = 100_000
PIECE_TOKENS = 20_000
MAX_ARTICLE_CHARS = 64 * 2**20
MAX_ARTICLE_ENV = "EVENTCODER_MAX_ARTICLE"
_SPACES = " \t\r\n\x0b\x0c"


def max_article() -> int:
    """The longest article coded, in characters (bytes where a file or WARC body is read):
    ``$EVENTCODER_MAX_ARTICLE``, else :data:`MAX_ARTICLE_CHARS` (64 MiB).
    Raises :class:`InputError` (E172) when the variable is not a positive whole number."""
    value = os.environ.get(MAX_ARTICLE_ENV)
    if value is None:
        return MAX_ARTICLE_CHARS
    if not value.strip().isdigit() or int(value) < 1:
        raise InputError(Errors.E172.format(value=value))
    return int(value)


def pieces(
    text: str, limit: int = PIECE_CHARS, start: int = 0, end: int = -1
) -> Iterator[tuple[int, int]]:
    """``(start, end)`` offsets of consecutive pieces of ``text[start:end]`` (``end`` -1: the
    whole text), each at most ``limit`` characters, that together cover it exactly."""
    end = len(text) if end < 0 else end
    while end - start > limit:
        cut = _cut(text, start, start + limit)
        yield start, cut
        start = cut
    yield start, end


def _cut(text: str, start: int, stop: int) -> int:
    """Where a piece from ``start`` ends, at most ``stop``: after the last blank line, else after
    the last ". ", else after the last line end, else after the last space, all in the piece's
    second half (so pieces stay large); else at ``stop`` (a run of text without a space)."""
    low = start + (stop - start) // 2
    at = text.rfind("\n\n", low, stop)
    if at >= 0:
        return at + 2
    at = text.rfind(". ", low, stop)
    if at >= 0:
        return at + 2
    at = text.rfind("\n", low, stop)
    if at >= 0:
        return at + 1
    at = max(text.rfind(c, low, stop) for c in _SPACES)
    return at + 1 if at >= 0 else stop


class Assembly:
    """What an article's pieces give, gathered as if the article had been coded whole.

    Each piece is added right after it is coded (:meth:`add`), so only one piece's Doc is held
    at a time. ``events``, ``quotes``, ``dates``, ``places``: the article's, with character
    offsets into the article, token indexes into its token sequence, sentence and quote
    indexes counted over the article. ``sentences``: how many sentences the pieces hold.
    """

    def __init__(self) -> None:
        self.events: list[Event] = []
        self.quotes: list[Any] = []
        self.dates: list[Any] = []
        self.places: list[Any] = []
        self.sentences = 0
        self.tokens = 0

    def add(self, doc: Any, offset: int) -> None:
        """Take the results on ``doc``, a coded piece starting at character ``offset``."""
        shift = _Shift(offset, self.tokens, self.sentences, len(self.quotes))
        for quote in doc._.quotes or ():
            shift.quote(quote)
        for mention in [*(doc._.dates or ()), *(doc._.places or ())]:
            shift.spanned(mention)
        for event in doc._.events or ():
            shift.event(event)
        self.quotes += doc._.quotes or ()
        self.dates += doc._.dates or ()
        self.places += doc._.places or ()
        self.events += doc._.events or ()
        self.sentences += sum(1 for _ in doc.sents) if len(doc) else 0
        self.tokens += len(doc)

    def finish(self, doc_id: str) -> list[Event]:
        """The events, numbered over the whole article. Pieces do not overlap and positions are
        article-wide, so the coder's own duplicate check within each piece is all there is to do."""
        for n, event in enumerate(self.events):
            event.event_id = f"{doc_id}-{n}" if doc_id else str(n)
        return self.events


class _Shift:
    """Moves one piece's records to article positions, each object once (an actor may be
    shared by several events and a quote's speaker)."""

    def __init__(self, chars: int, tokens: int, sentences: int, quotes: int) -> None:
        self.chars, self.tokens, self.sentences, self.quotes = chars, tokens, sentences, quotes
        self.done: set[int] = set()

    def _first(self, obj: object) -> bool:
        if id(obj) in self.done:
            return False
        self.done.add(id(obj))
        return True

    def spanned(self, record: Any) -> None:
        """A date mention, place, actor or trigger: ``start``, ``end`` (and ``token``)."""
        if record is None or not self._first(record):
            return
        record.start += self.chars
        record.end += self.chars
        if getattr(record, "token", -1) >= 0:
            record.token += self.tokens

    def quote(self, quote: Any) -> None:
        self.spanned(quote)
        quote.index += self.quotes
        quote.sentence_index += self.sentences
        if quote.cue_start is not None:
            quote.cue_start += self.chars
        if quote.speaker is not None:
            self.spanned(quote.speaker)
            self.actor(quote.speaker.actor)

    def actor(self, actor: Actor | None) -> None:
        self.spanned(actor)

    def event(self, event: Event) -> None:
        self.actor(event.actor)
        self.actor(event.recipient)
        self.spanned(event.trigger)
        event.sentence_index += self.sentences
        if event.quote is not None:
            event.quote += self.quotes
        location = event.location
        if location is not None and self._first(location):
            location["start"] += self.chars
            location["end"] += self.chars
            if location.get("token", -1) >= 0:
                location["token"] += self.tokens
