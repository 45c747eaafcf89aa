"""The learned fallback: model loading, predictions, where it fires, and its training data."""

from __future__ import annotations

import importlib.util
import sys
from pathlib import Path

import pytest
from conftest import ROOT
from spacy.language import Language

import eventcoder
from eventcoder.classifier import Fallback
from eventcoder.tsv import data_path


@pytest.fixture(scope="module")
def fallback() -> Fallback:
    return Fallback()


@pytest.fixture(scope="module")
def nlp_fallback() -> Language:
    return eventcoder.load(classifier=True)


def _make_training():  # type: ignore[no-untyped-def]
    spec = importlib.util.spec_from_file_location(
        "make_training", ROOT / "scripts" / "make_training.py"
    )
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules["make_training"] = module
    spec.loader.exec_module(module)
    return module


def test_classifier_model_loads_from_package_data(fallback: Fallback) -> None:
    assert Path(data_path("classifier", "model", "config.cfg")).exists()
    assert 0.0 < fallback.threshold < 1.0
    assert set(fallback.nlp.get_pipe("textcat").labels) == {*fallback.codes, "NONE"}
    for event_type, cameo in fallback.codes.items():
        assert fallback.ontology[cameo].event_type == event_type


@pytest.mark.parametrize(
    ("text", "label"),
    [
        ("Syrian troops attacked Turkish soldiers near the border, killing twelve.", "ASSAULT"),
        ("Germany sent food aid and medical supplies to Nepal after the earthquake.", "AID"),
        ("Brazil accused Paraguay of smuggling weapons across the border.", "ACCUSE"),
        ("The weather in Chile was warm and sunny.", "NONE"),
    ],
)
def test_classifier_predicts_clear_sentences(fallback: Fallback, text: str, label: str) -> None:
    assert fallback.predict([text])[0][0] == label


def test_classifier_fires_only_where_patterns_are_silent(nlp_fallback: Language) -> None:
    coded = "Pakistan accused India of supporting militants."
    silent = "Chinese warships massed near Taiwan."
    doc = nlp_fallback(coded + " " + silent)
    by_sentence = {e.sentence_index: e for e in doc._.events}
    assert not by_sentence[0].pattern.startswith("classifier:")
    learned = [e for e in doc._.events if e.pattern.startswith("classifier:")]
    assert learned and all(e.sentence_index == 1 for e in learned)
    assert (learned[0].actor.code, learned[0].recipient and learned[0].recipient.country) == (
        "CHNMIL",
        "TWN",
    )
    assert learned[0].event_type == "MOBILIZE" and learned[0].cameo == "150"
    assert [e.event_id for e in doc._.events] == [str(n) for n in range(len(doc._.events))]


def test_classifier_off_by_default_changes_nothing(nlp: Language, nlp_fallback: Language) -> None:
    text = "Pakistan accused India of supporting militants. Chinese warships massed near Taiwan."
    assert nlp.get_pipe("eventcoder").fallback is None
    plain = [e.to_dict() for e in nlp(text)._.events]
    assert all(not e["pattern"].startswith("classifier:") for e in plain)
    with_fallback = [e.to_dict() for e in nlp_fallback(text)._.events]
    assert [e for e in with_fallback if not e["pattern"].startswith("classifier:")] == plain


def test_classifier_training_data_is_deterministic() -> None:
    make_training = _make_training()
    first = make_training.generate(seed=7, per_type=40)
    second = make_training.generate(seed=7, per_type=40)
    assert first == second
    train, test = first
    labels = {row["label"] for row in train}
    assert labels == {*Fallback().codes, "NONE"}
    # The held-back split uses phrasings that training never sees.
    assert not {row["text"] for row in train} & {row["text"] for row in test}
