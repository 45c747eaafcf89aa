"""The coder over a whole Doc (:mod:`eventcoder.coding.coder`, :mod:`eventcoder.coding.matching`):
negated events kept on request, one main event a sentence, any text coded without failing, the
order of the steps, and the trace of what was tried (:mod:`eventcoder.coding.trace`)."""

from __future__ import annotations

import pytest
from conftest import Parse
from spacy.language import Language

import eventcoder
from eventcoder.coding import EventCoder, PatternBook, tree
from eventcoder.coding.matching import find_matches
from eventcoder.coding.trace import Step, Trace, note, words
from eventcoder.ontology import get_ontology


def test_coder_keep_negated_marks_them() -> None:
    nlp = eventcoder.load(keep_negated=True)
    (event,) = eventcoder.code("Pakistan did not accuse India.", nlp=nlp)
    assert event.negated and event.event_type == "ACCUSE"


def test_coder_each_sentence_has_one_main_event(nlp: Language) -> None:
    events = eventcoder.code(
        "Iran condemned Israel after Israeli jets struck targets in Syria. Syria thanked Russia.",
        nlp=nlp,
    )
    roots = {e.sentence_index for e in events if e.is_root}
    assert roots == {e.sentence_index for e in events}


def test_coder_odd_and_random_text_never_fails(nlp: Language) -> None:
    import random

    rng = random.Random(1)
    words = [
        "Pakistan",
        "India",
        "the",
        "of",
        "and",
        "said",
        "attacked",
        "urged",
        "us",
        "US",
        "it",
        "they",
        "he",
        "Modi",
        "Toner",
        ".",
        ",",
        '"',
        "'",
        "(",
        ")",
        "-",
        ";",
        ":",
        "?",
        "!",
        "yesterday",
        "government",
        "Government",
        "of",
        "Kremlin",
        "militants",
        "were",
        "by",
        "to",
        "not",
        "did",
        "would",
        "will",
        "want",
        "Putin",
        "against",
        "on",
        "with",
        "in",
        "from",
        "that",
        "which",
        "who",
    ]
    texts = ["", " ", "\n\n", ".", '"', "'s", "US", "us", "It.", "He said.", "\u200b", "a" * 3000]
    texts += [" ".join(rng.choice(words) for _ in range(rng.randint(1, 60))) for _ in range(200)]
    for doc in nlp.pipe(texts):
        for e in doc._.events:
            assert doc.text[e.trigger.start : e.trigger.end] == e.trigger.text
            assert doc.text[e.actor.start : e.actor.end] == e.actor.text
            if e.recipient is not None:
                assert doc.text[e.recipient.start : e.recipient.end] == e.recipient.text


def test_coder_code_returns_the_events_and_every_match(parse: Parse, book: PatternBook) -> None:
    p = parse("Chad did not attack Niger. Chad wants to attack Mali.")
    events, matches = EventCoder(get_ontology(), book).code(p.doc, p.actors, doc_id="art")
    assert [(e.event_id, e.cameo, e.recipient and e.recipient.code) for e in events] == [
        ("art-0", "138", "MLI")
    ]
    # the negated and the intended attacks are matches, not events
    assert [m.token.text for m in matches] == ["attack", "wants", "attack"]
    assert tree.TREE.doc is None  # the children read while coding are let go


def test_coder_keep_negated_keeps_them_marked(parse: Parse, book: PatternBook) -> None:
    p = parse("Chad did not attack Niger.")
    assert EventCoder(get_ontology(), book).code(p.doc, p.actors)[0] == []
    (event,) = EventCoder(get_ontology(), book, keep_negated=True).code(p.doc, p.actors)[0]
    assert event.negated and event.event_id == "0"


def test_coder_matching_order_intent_after_nested_acts(parse: Parse, book: PatternBook) -> None:
    # nested acts are marked first ("complement of a governing trigger"), then the intent row
    # rewrites the intended act and takes it over
    p = parse("Chad wants to attack Niger.")
    found = {m.token.i: m for m in find_matches(p.doc, p.actors, book, get_ontology())}
    attack, wants = found[p["attack"].i], found[p["wants"].i]
    assert attack.suppressed_reason == "intended act (intent rewrite)"
    assert (wants.code, wants.recipient_heads) == ("138", [p["Niger"]])


def test_coder_matching_order_modality_after_claims(parse: Parse, book: PatternBook) -> None:
    # the claim step drops "said" (a side's own act is no accusation); then the future act a
    # side announces becomes its threat
    p = parse("Pyongyang said it will fire missiles at Tokyo.")
    matches = find_matches(p.doc, p.actors, book, get_ontology())
    assert [(m.token.text, m.code) for m in matches] == [("fire", "138")]
    assert matches == sorted(matches, key=lambda m: m.token.i)


def test_coder_trace_records_what_was_tried(parse: Parse, book: PatternBook) -> None:
    p = parse("Chad wants to win.")
    coder = EventCoder(get_ontology(), book)
    coder.trace = Trace()
    coder.code(p.doc, p.actors)
    assert coder.trace.actors is p.actors
    wants = [s for s in coder.trace.steps if s.token == p["wants"].i]
    assert {s.outcome for s in wants} >= {"chosen", "dropped"}
    assert "intent row: no coded act is intended" in {s.reason for s in wants}


def test_coder_trace_note_does_nothing_without_a_trace() -> None:
    trace = Trace()
    note(None, 3, "dropped", "why")
    note(trace, 3, "dropped", "why")
    assert trace.steps == [Step(3, "dropped", "why")]
    assert (words({"b", "a"}), words(())) == ("a|b", "none")


@pytest.mark.xfail(
    strict=True,
    reason="drop_subsumed runs before the quote's inferred events are added, so the speaker's "
    "own act is coded twice: without a recipient and with the inferred one",
)
def test_coder_an_inferred_recipient_subsumes_the_same_act_without_one(nlp: Language) -> None:
    text = (
        'Armenia accused Azerbaijan of shelling its villages on Monday. "We must sanction this '
        'aggressor," the Armenian foreign minister said.'
    )
    events = eventcoder.code(text, nlp=nlp)
    assert [e.recipient and e.recipient.code for e in events if e.trigger.text == "sanction"] == [
        "AZE"
    ]
