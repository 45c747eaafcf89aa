"""When and where: ties each event and quote to the date and the place its clause names.

:mod:`eventcoder.dates` finds the dates an article gives and :mod:`eventcoder.places` the places it
names; this module decides which of them belongs to which event (docs/dates.md, docs/places.md):

- An event takes the date mention of its own sentence nearest its trigger in the parse: one in the
  trigger's own clause ("retaliated on Tuesday") before one hanging from a clause above it
  ("Russia attacked on Monday, and Ukraine retaliated" gives "retaliated" Monday only when nothing
  nearer says otherwise). Dates inside a quotation belong to what is quoted: an event told inside
  a quote looks inside that quote only, an event outside looks outside quotes only.
- With no date of its own, an event stated in a quote takes the date the quote was said; any
  other event the article's date (``date_text`` None, ``date_precision`` day). A relative date
  inside a quote counts from the day the quote was said ("yesterday," he said on Monday: Sunday).
- A quote is dated by the date tied to its cue ("he said on Tuesday"), else by the dated event or
  quote of the same speaker in the sentence just before it ("Speaking ... yesterday, Modi lashed
  out ...  "One country ...," he said"), else the article's date.
- An event's location is the locative place ("in Laos", "near Kandahar", "Gaza-based") of its
  sentence nearest its trigger in the parse, on the same side of the quotation marks; None when
  its sentence names no place where something happened.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import TypeVar

from spacy.tokens import Doc, Token

from eventcoder.actors import DocActors
from eventcoder.dates import DateMention, as_date, resolve_date
from eventcoder.places import Place
from eventcoder.quotes import Quote
from eventcoder.records import Event

Mention = TypeVar("Mention", DateMention, Place)


def annotate(
    doc: Doc,
    actors: DocActors,
    events: Sequence[Event],
    quotes: Sequence[Quote],
    dates: Sequence[DateMention],
    places: Sequence[Place],
    article_date: str | None,
) -> None:
    """Set ``date``, ``date_text``, ``date_precision`` and ``location`` on ``events`` and the
    date fields on ``quotes``, in place."""
    token_at = {t.idx: t for t in actors.tokens}
    direct = [q for q in quotes if q.direct]

    def quote_of(start: int) -> Quote | None:
        return next((q for q in direct if q.start <= start < q.end), None)

    def nearest(anchor: Token, found: Sequence[Mention], inside: Quote | None) -> Mention | None:
        k = actors.sentence_of[anchor.i]
        best: tuple[tuple[int, int], Mention] | None = None
        for mention in found:
            if actors.sentence_of[mention.token] != k or quote_of(mention.start) is not inside:
                continue
            score = clause_distance(anchor, doc[mention.token])
            if score is None:
                continue
            if best is None or score < best[0]:
                best = (score, mention)
        return best[1] if best else None

    for quote in quotes:
        quote.date, quote.date_text, quote.date_precision = _undated(article_date)
        anchor = token_at.get(quote.cue_start) if quote.cue_start is not None else None
        if anchor is None and quote.speaker is not None:
            anchor = token_at.get(quote.speaker.start)
        own = [d for d in dates if not quote.start <= d.start < quote.end]
        mention = nearest(anchor, own, quote_of(anchor.idx)) if anchor is not None else None
        if mention is not None:
            quote.date, quote.date_text = mention.date, mention.text
            quote.date_precision = mention.precision

    for event in events:
        trigger = token_at.get(event.trigger.start)
        if trigger is None:
            continue
        inside = quote_of(event.trigger.start)
        when = nearest(trigger, dates, inside)
        if when is not None:
            event.date, event.date_text, event.date_precision = when.date, when.text, when.precision
            if inside is not None and inside.date_text is not None:
                # "yesterday" in a quote said on Monday is Sunday, whatever the article's date.
                again = resolve_date(when.text, as_date(inside.date))
                if again is not None:
                    event.date, event.date_precision = again
        else:
            said = quotes[event.quote] if event.quote is not None else None
            if said is not None and said.direct:
                event.date, event.date_text = said.date, said.date_text
                event.date_precision = said.date_precision
            else:
                event.date, event.date_text, event.date_precision = _undated(article_date)
        where = nearest(trigger, [p for p in places if p.locative], inside)
        event.location = _location(where) if where is not None else None

    # A quote with no date of its own was said when its speaker's lead-in sentence says.
    for quote in direct:
        if quote.date_text is not None or quote.speaker is None or quote.speaker.actor is None:
            continue
        code = quote.speaker.actor.code
        lead = [
            e
            for e in events
            if e.date_text is not None
            and e.trigger.start < quote.start
            and quote.sentence_index - 1 <= e.sentence_index <= quote.sentence_index
            and e.actor.code == code
            and quote_of(e.trigger.start) is None
        ]
        if lead:
            quote.date, quote.date_text = lead[-1].date, lead[-1].date_text
            quote.date_precision = lead[-1].date_precision
            for event in events:
                if event.quote == quote.index and event.date_text is None:
                    event.date, event.date_text = quote.date, quote.date_text
                    event.date_precision = quote.date_precision


def _location(place: Place) -> dict[str, object]:
    """The event's ``location``: the place record plus its GDELT ActionGeo fields."""
    gdelt = place.gdelt()
    return {
        **place.to_dict(),
        "full_name": gdelt["FullName"],
        "gdelt_type": gdelt["Type"],
        "adm1": gdelt["ADM1Code"],
        "feature_id": gdelt["FeatureID"],
    }


def _undated(article_date: str | None) -> tuple[str | None, None, str | None]:
    return article_date, None, "day" if article_date else None


def clause_distance(anchor: Token, other: Token) -> tuple[int, int] | None:
    """How far ``other`` hangs from ``anchor``'s clause: (how many heads above ``anchor`` the
    two meet, how many arcs ``other`` climbs to get there); None when ``other`` is in a clause
    of its own with its own subject ("and Ukraine struck back in Belgorod on Tuesday" says
    nothing of when or where Russia attacked). Participle clauses without a subject ("Speaking
    at the summit in Laos yesterday, Modi ...") share the time and place of the clause above."""
    path = {anchor.i: 0}
    tok = anchor
    while tok.head.i != tok.i:
        tok = tok.head
        path[tok.i] = len(path)
    steps = 0
    tok = other
    while tok.i not in path:
        if tok.pos_ in ("VERB", "AUX") and any(
            c.dep_ in ("nsubj", "nsubjpass") for c in tok.children
        ):
            return None
        if tok.head.i == tok.i:
            return None
        tok = tok.head
        steps += 1
    return path[tok.i], steps
