"""Property-based tests (hypothesis) of the promise under arbitrary input (issue 14, Tests).

Arbitrary text through the library never raises and every offset the output records lies
inside the text and spells what it says; arbitrary JSON Lines (any JSON value, any type in
any field, invalid UTF-8) read with ``read_inputs`` and run through the runner into a store
end up, line for line, coded, empty or rejected with a numbered message. The budgets keep
the file under a minute; docs/reliability.md ("Properties and resumption") says what they
cover and what they found.
"""

from __future__ import annotations

import json
import os
import re
import tempfile
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from hypothesis import HealthCheck, event, example, given, settings
from hypothesis import strategies as st
from spacy.language import Language

import eventcoder
from eventcoder.io.readers import Rejected, read_inputs
from eventcoder.pipeline import make_doc
from eventcoder.runner import Coded, PipelineSpec, pipeline_for, run
from eventcoder.store import Store

# Sentences the coder finds events, quotes, dates and places in, so that arbitrary text around
# them exercises its code paths and not only empty documents.
SENTENCES = [
    "Pakistan accused India of sponsoring terrorism in Balochistan.",
    "Washington urged Islamabad on Monday to act against militant safe havens.",
    "Israeli jets struck targets in Syria overnight, the Syrian army said.",
    '"We will not allow any attack on our soil," the Pakistani army chief said.',
    "The European Union imposed new sanctions on Iran yesterday.",
    "Kenyan police arrested opposition leaders in Nairobi on Sept. 8, 2016.",
    "ISLAMABAD (Reuters) - Russia and China held talks in Beijing on trade.",
]
# Characters input is hostile with: controls, whitespace of every kind, brackets, quotes,
# combining marks, right-to-left text, a BOM, an escape sequence's start.
AWKWARD = (
    "\x00\x01\x07\x1b\x7f\x85\x9b\t\n\r\x0b\x0c \u00a0\u2028\u2029\u200b\u3000"
    "()[]{}<>\"'`«»“”‘’„‹›「」—–-.,;:!?…"
    "\u0301\u0651\u05d0\u0627\ufeff\ufffd"
)
# EVENTCODER_PROPS_SCALE=15 searches fifteen times longer (the search docs/reliability.md reports).
SCALE = int(os.environ.get("EVENTCODER_PROPS_SCALE", "1"))
TEXT_BUDGET = settings(
    max_examples=150 * SCALE, deadline=None, suppress_health_check=[HealthCheck.too_slow]
)
RECORD_BUDGET = settings(
    max_examples=40 * SCALE,
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow],
)

# A documented rejection: "E<number>"-style messages from eventcoder.errors name the source
# and the line. Every reason a reader gives starts with the source it is about.
_LINE = re.compile(r"line (\d+)")

noise = st.one_of(
    st.text(max_size=80),
    st.text(alphabet=AWKWARD, max_size=80),
    st.text(alphabet=" \t\n\r\u00a0\u2028", min_size=20, max_size=400),
)
texts = st.one_of(
    st.text(),
    st.lists(st.one_of(noise, st.sampled_from(SENTENCES)), max_size=8).map("".join),
    st.lists(st.sampled_from(SENTENCES), min_size=1, max_size=4).flatmap(
        lambda ss: st.lists(noise, min_size=len(ss) + 1, max_size=len(ss) + 1).map(
            lambda gaps: gaps[0] + "".join(s + g for s, g in zip(ss, gaps[1:], strict=True))
        )
    ),
)


def spans(doc: Any) -> Iterator[tuple[str, int, int, str | None]]:
    """(what, start, end, recorded text or None) of every offset the coded ``doc`` records:
    events' triggers and actors, quotes and their speakers, dates, places, and the sentences
    the events and quotes are in."""
    for e in doc._.events:
        yield "trigger", e.trigger.start, e.trigger.end, e.trigger.text
        for role, actor in (("actor", e.actor), ("recipient", e.recipient)):
            if actor is not None:
                yield role, actor.start, actor.end, actor.text
        if e.location is not None:
            yield "location", e.location["start"], e.location["end"], e.location["text"]
        # The evidence sentence is the sentence's text stripped (DocActors.sentence_text).
        sentence = list(doc.sents)[e.sentence_index]
        start = sentence.start_char + len(sentence.text) - len(sentence.text.lstrip())
        yield "sentence", start, start + len(e.sentence), e.sentence
    for q in doc._.quotes:
        yield "quote", q.start, q.end, q.text
        if q.speaker is not None:
            yield "speaker", q.speaker.start, q.speaker.end, q.speaker.text
    for d in doc._.dates:
        yield "date", d.start, d.end, d.text
    for p in doc._.places:
        yield "place", p.start, p.end, p.text


@TEXT_BUDGET
@given(text=texts)
@example(text="x \ufffd y " + SENTENCES[0])
@example(text="\u2028" * 300 + SENTENCES[3] + "\x1b[2J")
def test_reliability_props_any_text_codes_with_offsets_inside_it(nlp: Language, text: str) -> None:
    doc = nlp(make_doc(nlp, text, date="2016-09-09", doc_id="p"))
    assert eventcoder.code(text, "2016-09-09", "p", nlp=nlp) == doc._.events
    event(f"events: {min(len(doc._.events), 3)}")
    for what, start, end, recorded in spans(doc):
        assert 0 <= start <= end <= len(text), (what, start, end)
        if recorded is not None:
            assert text[start:end] == recorded, (what, start, end, recorded)


json_values = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats() | st.text(max_size=20),
    lambda inner: st.lists(inner, max_size=3) | st.dictionaries(st.text(max_size=5), inner),
    max_leaves=8,
)
records = st.fixed_dictionaries(
    {},
    optional={
        "id": json_values | st.integers() | st.sampled_from(["5", "", " ", "a/b:1"]),
        "text": json_values | texts | st.sampled_from(SENTENCES),
        "date": json_values | st.sampled_from(["2020-01-02", "2021-04-12T08:30:00Z", "2020-13-45"]),
        "url": json_values | st.sampled_from(["=HYPERLINK(1)", "https://x.example/a"]),
        "title": json_values,
        "source": json_values,
    },
)

# Mostly well-formed records, so that batches are coded and stored, not only rejected.
good_records = st.fixed_dictionaries(
    {"text": texts},
    optional={
        "id": st.text(max_size=8) | st.integers(),
        "date": st.sampled_from(["2020-01-02", "2021-04-12T08:30:00Z"]),
        "url": st.text(max_size=20),
        "source": st.none() | st.text(max_size=10),
    },
)


def _json(value: Any) -> bytes:
    # NaN and Infinity are written bare, as Python (and some producers of JSON Lines) write them.
    return json.dumps(value, ensure_ascii=False).encode("utf-8")


lines = st.one_of(
    records.map(_json),
    good_records.map(_json),
    json_values.map(_json),
    st.binary(max_size=40),
    st.sampled_from([b"{not json", b"\xef\xbb\xbf{}", b"\xff\xfe", b'{"text": "\\ud800 x"}']),
).map(lambda b: b.replace(b"\n", b" "))


@RECORD_BUDGET
@given(body=st.lists(lines, max_size=12))
@example(body=[b'{"id": 5, "text": "a"}', b'{"id": "5", "text": "b"}', b'{"id": "", "text": ""}'])
@example(body=[b'{"text": "x", "url": NaN}', b'{"text": "y", "title": [1]}', b"[" * 5000])
def test_reliability_props_any_json_lines_are_coded_empty_or_rejected(body: list[bytes]) -> None:
    pipeline_for(PipelineSpec())  # loaded once; every example reuses it
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "in.jsonl"
        path.write_bytes(b"\n".join(body) + b"\n")
        with Store(Path(tmp) / "s.duckdb") as store:

            def on_batch(coded: list[Coded], rejected: list[Rejected]) -> None:
                store.write([(c.article, c.events) for c in coded], rejected)

            summary = run(
                PipelineSpec(),
                read_inputs([str(path)]),
                on_batch,
                batch_size=3,
                skip=store.unseen,
            )
            stored = store.count("documents")
    event(f"coded: {min(summary.coded, 2)}; rejected: {min(len(summary.rejected), 2)}")
    non_blank = sum(1 for line in body if line.strip())
    assert summary.read == non_blank
    kept = summary.coded + summary.empty + summary.skipped + summary.duplicates
    assert kept + len(summary.rejected) == non_blank
    assert stored == summary.coded + summary.empty
    for r in summary.rejected:
        assert r.source == str(path) and 1 <= r.line <= len(body)
        assert r.reason.startswith(str(path)), r.reason
        assert _LINE.search(r.reason) and str(r.line) in r.reason
