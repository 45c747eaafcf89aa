"""Every match in a Doc, with what is not news decided: the order of the steps.

Each step may read what the earlier ones decided (a governing trigger's code, a match's
negation), so the order below is part of the rules:

1. triggers (:mod:`~eventcoder.coding.triggers`): each verb or noun with a fitting row, with its
   roles (:mod:`~eventcoder.coding.roles`);
2. weapons: a general violent code made specific by the weapon the clause names, then
   participles that carry such an act on (:mod:`~eventcoder.coding.weapons`);
3. per match, in text order: nested acts (:func:`~eventcoder.coding.background.mark_nested`),
   negation and failure (:func:`~eventcoder.coding.modality.mark_negation`), background
   (:func:`~eventcoder.coding.background.mark_background`);
4. intent rows rewrite the intended act (:func:`~eventcoder.coding.modality.intent`);
5. claims and warnings (:mod:`~eventcoder.coding.speech`);
6. per match: orders to leave, willingness, future and refusal, threats' conditions,
   hypotheticals.
"""

from __future__ import annotations

from spacy.tokens import Doc, Span

from eventcoder.actors import DocActors
from eventcoder.coding.background import mark_background, mark_nested
from eventcoder.coding.modality import intent, mark_hypothetical, mark_negation, modality, willing
from eventcoder.coding.patterns import Match, PatternBook
from eventcoder.coding.speech import (
    REPORTED_DEFAULT,
    claim,
    expulsion,
    threat_condition,
    warning,
)
from eventcoder.coding.trace import Trace
from eventcoder.coding.triggers import noun_match, verb_match
from eventcoder.coding.weapons import carry_on, specify
from eventcoder.ontology import Ontology


def find_matches(
    doc: Doc | Span,
    actors: DocActors,
    book: PatternBook,
    ontology: Ontology,
    trace: Trace | None = None,
    reported: str = REPORTED_DEFAULT,
) -> list[Match]:
    """Every pattern match in ``doc``, with suppression and negation decided, in text order.
    reported: what a reported act gives (:func:`~eventcoder.coding.speech.claim`)."""
    found: dict[int, Match] = {}
    for tok in actors.tokens if isinstance(doc, Doc) else doc:
        match = None
        if tok.pos_ in ("VERB", "AUX"):
            match = verb_match(tok, actors, book, trace)
        if match is None and tok.pos_ in ("NOUN", "PROPN"):
            match = noun_match(tok, actors, book, trace)
        if match is not None:
            found[tok.i] = match
    for match in found.values():
        specify(match, book)
    for match in found.values():
        carry_on(match, found)
    for match in found.values():
        mark_nested(match, found, book)
        mark_negation(match, ontology)
        mark_background(match, found, ontology)
    for match in list(found.values()):
        if "intent" in match.pattern.flags:
            intent(match, found, book, trace)
    for match in list(found.values()):
        if "claim" in match.pattern.flags or "ccomp" in match.pattern.flags:
            claim(match, found, actors, ontology, trace, reported)
        elif match.code[:2] == "13" and match.kind == "verb":
            warning(match, actors)
    for match in found.values():
        expulsion(match, actors)
        willing(match, book)
        modality(match, book, ontology)
        threat_condition(match, actors)
        mark_hypothetical(match, book)
    return sorted(found.values(), key=lambda m: m.token.i)
