"""Recipients the text does not name, inferred from what came before (``kind: "inferred"``).

- A direct quote's hostile act aimed at a party described but not named ("sanction this
  instigator") is aimed at the recipient of the speaker's hostile act just before the quote.
- A reaction with no recipient (a threat, accusation or rejection; praise or a welcome) answers
  the last hostile act against the reactor's side (or the last act, for praise).
"""

from __future__ import annotations

from collections.abc import Sequence

from spacy.tokens import Doc, Token

from eventcoder.actors import DocActors
from eventcoder.coding.build import build_event
from eventcoder.coding.doers import subject
from eventcoder.coding.naming import party, resolve, side
from eventcoder.coding.patterns import VERBAL_CONFLICT_ROOTS, Pattern, PatternBook
from eventcoder.coding.tree import children, prep_objects
from eventcoder.ontology import Ontology
from eventcoder.quotes import Quote
from eventcoder.records import Actor, Event


def unnamed_party_events(
    doc: Doc,
    actors: DocActors,
    quotes: Sequence[Quote],
    events: list[Event],
    *,
    book: PatternBook,
    ontology: Ontology,
    unnamed: frozenset[str],
    doc_id: str,
    date: str | None,
) -> list[Event]:
    """Hostile acts a speaker aims at a party they do not name ("sanction this instigator"),
    read as aimed at the recipient of the speaker's hostile act just before the quote. The
    recipient is marked ``inferred``. An act with no doer is the speaker's call for it,
    coded as criticism (111); one the speaker's own side does keeps its code."""
    out: list[Event] = []
    for quote in quotes:
        speaker = quote.speaker.actor if quote.direct and quote.speaker else None
        target = _lead_target(quote, speaker, events) if speaker else None
        if speaker is None or target is None:
            continue
        span = doc.char_span(quote.start, quote.end, alignment_mode="expand")
        done: set[str] = set()
        for tok in span if span is not None else ():
            found = _hostile_pattern(tok, book, ontology)
            described = _unnamed_party(tok, actors, unnamed) if found else None
            if found is None or described is None:
                continue
            doers = [a for h in subject(tok) for a in resolve(actors, h)]
            if any(side(a) != side(speaker) for a in doers):
                continue  # someone else's act is coded the usual way
            cameo = found.cameo if doers else "111"
            if cameo in done:
                continue
            done.add(cameo)
            words = actors.np_tokens(described)
            start, end = words[0].idx, words[-1].idx + len(words[-1].text)
            recipient = Actor(actors.text[start:end], target.code, target.country,
                              target.sector, target.name, start, end, "inferred")  # fmt: skip
            index = actors.sentence_of[tok.i]
            sentence = actors.sentence_text(index)
            pattern = f"{found.source} (call against an unnamed party)"
            out.append(
                build_event(
                    ontology, cameo, tok, speaker, recipient, index, sentence, pattern,
                    doc_id=doc_id, date=date,
                )
            )  # fmt: skip
    return out


def _lead_target(quote: Quote, speaker: Actor, events: list[Event]) -> Actor | None:
    """The recipient of the speaker's last hostile act told just before the quote."""
    for event in reversed(events):
        if event.trigger.start >= quote.start or event.recipient is None:
            continue
        if event.sentence_index < quote.sentence_index - 2:
            break
        recipient = event.recipient
        if (
            event.quad_class >= 3
            and side(event.actor) == side(speaker)
            and recipient.country is not None
            and recipient.kind != "inferred"
        ):
            return recipient
    return None


def _hostile_pattern(tok: Token, book: PatternBook, ontology: Ontology) -> Pattern | None:
    """A bare pattern of ``tok``'s lemma with a conflictual code, if any."""
    table = book.verbs if tok.pos_ == "VERB" else book.nouns
    for pattern in table.get(tok.lemma_.lower(), ()):
        bare = not pattern.objects and not pattern.particles and "intent" not in pattern.flags
        bare = bare and bool(pattern.cameo)  # a no-event row ("-") is never hostile
        if bare and ontology[pattern.cameo].quad_class >= 3:
            return pattern
    return None


def _unnamed_party(tok: Token, actors: DocActors, unnamed: frozenset[str]) -> Token | None:
    """The object of ``tok`` when it is a party described but not named ("this country")."""
    candidates = children(tok, "dobj", "nsubjpass")
    if not candidates and tok.dep_ == "conj":
        candidates = children(tok.head, "dobj")  # "isolate and sanction this instigator"
    candidates += prep_objects(tok, frozenset({"against", "on", "upon"}))
    for obj in candidates:
        if obj.pos_ not in ("NOUN", "PROPN") or obj.lemma_.lower() not in unnamed:
            continue
        named = actors.resolve(obj)
        if named is None or (named.country is None and named.code.startswith("---")):
            return obj  # "this regime" is a government, but whose?
    return None


def reactions(events: list[Event]) -> None:
    """Give a reaction with no recipient the party it reacts to (``kind: "inferred"``).

    "The EU imposed sanctions on Russian officers ... Moscow said it would retaliate": a
    threat, accusation or rejection (CAMEO 09-13) with no recipient answers the last hostile act
    against the actor's side in this or the two sentences before, else the last hostile act by
    another side there; praise or a welcome (050-052) answers the last act by another party
    ("Congo's government welcomed the move"). ``events`` is in document order; changed in place.
    """
    for k, event in enumerate(events):
        root = event.cameo[:2]
        praise = event.cameo[:3] in ("050", "051", "052")  # praise, welcome, defend
        if event.recipient is not None or not (praise or root in VERBAL_CONFLICT_ROOTS):
            continue
        own = side(event.actor)
        # the last acts of the two sentences before; not the same act by a co-actor ("France,
        # Germany and Italy welcomed the agreement": Germany does not welcome France)
        here = (event.sentence_index, event.trigger.start)
        recent = [
            e
            for e in events[:k]
            if e.sentence_index >= event.sentence_index - 2
            and (e.sentence_index, e.trigger.start) != here
        ]
        earlier = [e for e in recent if side(e.actor) != own]
        if praise:
            # "rights groups welcomed the (government's) decision": another party will do
            candidates = [e for e in recent if party(e.actor) != party(event.actor)]
        else:
            hostile = [e for e in earlier if e.quad_class >= 3]
            against = [e for e in hostile if e.recipient and side(e.recipient) == own]
            candidates = against or hostile
        if not candidates or candidates[-1].actor.code.startswith("---"):
            continue
        source = candidates[-1].actor
        event.recipient = Actor(source.text, source.code, source.country, source.sector,
                                source.name, source.start, source.end, "inferred")  # fmt: skip
