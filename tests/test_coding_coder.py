"""The coder over a whole Doc (:mod:`eventcoder.coding.coder`, :mod:`eventcoder.coding.matching`):
negated events kept on request, one main event a sentence, any text coded without failing, the
order of the steps, and the trace of what was tried (:mod:`eventcoder.coding.trace`)."""

from __future__ import annotations

from spacy.language import Language

import eventcoder


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
