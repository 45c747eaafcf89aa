"""Bounded work on hostile text: time grows with the input, not with its square (issue 14)."""

from __future__ import annotations

import time

import pytest
from spacy.language import Language

from eventcoder.places import Gazetteer, find_places

NESTED = (
    "India said that Pakistan said that China claimed that Russia attacked Ukraine and said that "
)
PLACES = "Troops moved from Quetta to Lahore and Karachi near Kabul while Delhi and Dhaka watched. "


def _parsed(nlp: Language, text: str):  # type: ignore[no-untyped-def]
    doc = nlp.make_doc(text)
    for _, proc in nlp.pipeline[:-1]:
        doc = proc(doc)
    return doc


@pytest.mark.slow
def test_reliability_time_one_long_sentence_of_nested_reports_is_coded_in_bounded_time(
    nlp: Language,
) -> None:
    # 48,000 characters with no full stop: nested "said that" clauses took over a minute when
    # every cue listed its clause's whole subtree; now about two seconds.
    doc = _parsed(nlp, (NESTED * 600)[:48_000])
    start = time.perf_counter()
    doc = nlp.get_pipe("eventcoder")(doc)
    assert time.perf_counter() - start < 20
    assert len(doc._.events) > 400 and doc._.quotes


def test_reliability_time_a_place_named_again_is_resolved_once(
    nlp: Language, monkeypatch: pytest.MonkeyPatch
) -> None:
    gazetteer = Gazetteer.default()
    calls = 0
    choose = gazetteer.choose

    def counted(*args, **kwargs):  # type: ignore[no-untyped-def]
        nonlocal calls
        calls += 1
        return choose(*args, **kwargs)

    monkeypatch.setattr(gazetteer, "choose", counted)
    once = find_places(nlp(PLACES), gazetteer)
    first = calls
    calls = 0
    many = find_places(nlp(PLACES * 40), gazetteer)
    assert calls == first  # each distinct name twice, however often it recurs
    assert len(many) == 40 * len(once)
