"""The event coder: a parsed Doc in, its events out, through the steps of this package.

:meth:`EventCoder.code` finds every match (:func:`~eventcoder.coding.matching.find_matches`),
turns those that are news into events (:func:`~eventcoder.coding.build.match_events`), drops
duplicates and subsumed events, adds the events and recipients inferred from quotes and earlier
acts (:mod:`~eventcoder.coding.inferred`), and marks each sentence's main event.
"""

from __future__ import annotations

from collections.abc import Collection, Sequence

from spacy.tokens import Doc

from eventcoder.actors import DocActors
from eventcoder.coding.build import drop_subsumed, mark_roots, match_events
from eventcoder.coding.inferred import reactions, unnamed_party_events
from eventcoder.coding.matching import find_matches
from eventcoder.coding.patterns import Match, PatternBook
from eventcoder.coding.speech import REPORTED, REPORTED_DEFAULT, quoted_claim
from eventcoder.coding.trace import Trace, note
from eventcoder.coding.tree import TREE
from eventcoder.errors import Errors
from eventcoder.ontology import Ontology
from eventcoder.quotes import Quote, quote_at
from eventcoder.records import Event


class EventCoder:
    """Finds pattern matches in a Doc and turns them into events.

    ontology: CAMEO/PLOVER tables. patterns: the :class:`PatternBook`. keep_negated: keep negated
    events (marked ``negated``) instead of dropping them. unnamed: head nouns that can stand for
    a party a speaker does not name ("this regime"; ``speech.tsv`` kind ``unnamed``).
    reported: what "X said that Y attacked Z" gives: ``both`` (the act, and X's accusation of
    Y when X is a party), ``act`` or ``accusation`` (:func:`~eventcoder.coding.speech.claim`).
    """

    def __init__(
        self,
        ontology: Ontology,
        patterns: PatternBook,
        keep_negated: bool = False,
        unnamed: Collection[str] = (),
        reported: str = REPORTED_DEFAULT,
    ):
        if reported not in REPORTED:
            raise ValueError(Errors.E100.format(value=reported, known=", ".join(REPORTED)))
        self.ontology = ontology
        self.patterns = patterns
        self.keep_negated = keep_negated
        self.reported = reported
        self.unnamed = frozenset(unnamed)
        # Set to a Trace to record every row tried and every match dropped (explain.py).
        self.trace: Trace | None = None

    def code(
        self,
        doc: Doc,
        actors: DocActors,
        doc_id: str = "",
        date: str | None = None,
        quotes: Sequence[Quote] = (),
    ) -> tuple[list[Event], list[Match]]:
        """Code ``doc``: returns the events and every pattern match (for explanation).

        quotes: the document's quotes (:mod:`eventcoder.quotes`); events stated in a direct quote
        are the speaker's (docs/quotes.md) and every event records the quote it came from.
        """
        TREE.doc, TREE.kids = doc, actors.kids
        try:
            return self._code(doc, actors, doc_id, date, quotes)
        finally:
            TREE.doc, TREE.kids = None, []

    def _code(
        self,
        doc: Doc,
        actors: DocActors,
        doc_id: str,
        date: str | None,
        quotes: Sequence[Quote],
    ) -> tuple[list[Event], list[Match]]:
        trace, ontology = self.trace, self.ontology
        if trace is not None:
            trace.actors = actors
        all_matches = find_matches(doc, actors, self.patterns, ontology, trace, self.reported)
        for match in all_matches:
            quoted_claim(match, actors, ontology)
        events: list[Event] = []
        seen: set[tuple[object, ...]] = set()
        for match in all_matches:
            if match.suppressed_by is not None:
                continue
            if match.negated and not self.keep_negated:
                continue
            for event in match_events(match, actors, ontology, doc_id, date, trace):
                key = (event.sentence_index, event.trigger.start, event.actor.code,
                       event.recipient.code if event.recipient else None, event.cameo)  # fmt: skip
                if key not in seen:
                    seen.add(key)
                    events.append(event)
                else:
                    note(trace, match.token.i, "duplicate", "same event as before", event=event)
        kept = drop_subsumed(events)
        if trace is not None:
            for event in (e for e in events if all(e is not k for k in kept)):
                token = doc.char_span(event.trigger.start, event.trigger.end)
                why = "subsumed: the same actor has this event type with a recipient"
                note(trace, token.start if token else -1, "dropped", why, event=event)
        events = kept
        events += unnamed_party_events(
            doc, actors, quotes, events, book=self.patterns, ontology=ontology,
            unnamed=self.unnamed, doc_id=doc_id, date=date,
        )  # fmt: skip
        events.sort(key=lambda e: (e.trigger.start, e.actor.start))
        reactions(events)
        mark_roots(doc, events)
        for event in events:
            quote = quote_at(quotes, event.trigger.start)
            event.quote = quote.index if quote is not None else None
        for n, event in enumerate(events):
            event.event_id = f"{doc_id}-{n}" if doc_id else str(n)
        return events, all_matches
