"""Pronouns: who "he", "they" or "it" refers to (docs/coding.md, actors rule 7); "we" and "I"
inside a quote are its speaker (docs/quotes.md).
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from spacy.tokens import Token

from eventcoder.actors.words import (
    PRONOUNS_FIRST,
    PRONOUNS_PERSON,
    PRONOUNS_SPEAKER,
    TARGET_PREPS,
)
from eventcoder.records import Actor

if TYPE_CHECKING:
    from eventcoder.actors.document import DocActors


def resolve_pronoun(actors: DocActors, pronoun: Token, exclude: str | None = None) -> Actor | None:
    """The actor a pronoun most likely refers to, or None when nothing fits.

    Tried in order: the subject of a clause the pronoun's clause depends on ("Toner said
    they are urging ..."), the main-clause subject earlier in the sentence, then the nearest
    actor before it in this or the two previous sentences. ``exclude`` is a code that cannot
    be the answer (a recipient pronoun does not refer to the event's actor).
    """
    word = pronoun.lower_
    speaker = actors.speakers.get(pronoun.i)
    if word in PRONOUNS_FIRST and speaker is not None:
        if speaker.code == exclude:
            return None
        return actors.span_actor([pronoun], speaker, speaker.name or speaker.text, "speaker")
    wants_person = word in PRONOUNS_PERSON
    # "we" is the speaker's side: only a governing "X said" can tell who that is.
    local_only = word in PRONOUNS_SPEAKER

    def fits(actor: Actor | None) -> bool:
        if actor is None or actor.code == exclude:
            return False
        return not wants_person or actor.kind in ("person", "memory")

    verb = pronoun.head
    if pronoun.dep_ == "dobj" and verb.dep_ == "advcl" and verb.tag_ == "VBG":
        # "imposed sanctions on two ministers, accusing them of incitement": the one a
        # participle clause's object refers to is the main act's target
        main = verb.head
        targets = [c for c in main.children if c.dep_ == "dobj"] + [
            o for p in main.children if p.dep_ == "prep" and p.lower_ in TARGET_PREPS
            for o in p.children if o.dep_ == "pobj"
        ]  # fmt: skip
        for target in targets:
            candidate = actors.resolve(target)
            if candidate is not None and fits(candidate):
                return actors.span_actor(
                    [pronoun], candidate, candidate.name or candidate.text, "pronoun"
                )
    head = pronoun.head
    while head.head.i != head.i:
        head = head.head
        for child in head.children:
            if child.dep_ in ("nsubj", "nsubjpass") and child.i != pronoun.i:
                candidate = _head_actor(actors, child)
                if candidate is not None and fits(candidate):
                    return actors.span_actor(
                        [pronoun], candidate, candidate.name or candidate.text, "pronoun"
                    )
    if local_only:
        return None
    k = actors.sentence_of[pronoun.i]
    sent = actors.sents[k]
    best: tuple[int, Actor] | None = None
    for tok in sent:
        if tok.i >= pronoun.i:
            break
        if tok.dep_ in ("nsubj", "nsubjpass") and tok.pos_ != "PRON":
            candidate = actors.resolve(tok)
            if candidate is not None and fits(candidate):
                depth = parse_depth(tok)
                if best is None or depth < best[0]:
                    best = (depth, candidate)
    if best is not None and exclude is None:
        return actors.span_actor([pronoun], best[1], best[1].name or best[1].text, "pronoun")
    window = actors.sents[max(k - 2, 0) : k + 1]
    for span in reversed(window):
        for tok in reversed(list(span)):
            if tok.i >= pronoun.i or tok.pos_ not in ("PROPN", "NOUN"):
                continue
            if tok.dep_ in ("compound", "amod") and tok.head.pos_ in ("PROPN", "NOUN"):
                continue
            candidate = actors.resolve(tok)
            if candidate is not None and fits(candidate):
                return actors.span_actor(
                    [pronoun], candidate, candidate.name or candidate.text, "pronoun"
                )
    return None


def _head_actor(actors: DocActors, tok: Token) -> Actor | None:
    if tok.pos_ == "PRON":
        return None
    return actors.resolve(tok)


def parse_depth(tok: Token) -> int:
    """How many arcs separate ``tok`` from its sentence's root."""
    depth = 0
    while tok.head.i != tok.i:
        tok = tok.head
        depth += 1
    return depth
