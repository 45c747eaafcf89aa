"""One Doc's actors (eventcoder.actors.document.DocActors): the questions the event coder asks."""

from __future__ import annotations

import pytest
from conftest import doc_actors
from spacy.language import Language


def test_document_np_tokens_span_the_phrase(nlp: Language) -> None:
    doc, actors = doc_actors(nlp, "The Government of Pakistan's top spokesman spoke.")
    head = next(t for t in doc if t.dep_ == "nsubj")
    assert [t.text for t in actors.np_tokens(head)] == [
        "The", "Government", "of", "Pakistan", "'s", "top", "spokesman"
    ]  # fmt: skip


@pytest.mark.parametrize(
    ("text", "word", "protesting"),
    [
        ("Rioters burned cars.", "Rioters", True),
        ("Thousands of protesters marched.", "Thousands", True),
        ("Soldiers burned cars.", "Soldiers", False),
    ],
)
def test_document_protesting(nlp: Language, text: str, word: str, protesting: bool) -> None:
    doc, actors = doc_actors(nlp, text)
    assert actors.protesting(next(t for t in doc if t.text == word)) is protesting


def test_document_names_country_and_actor(nlp: Language) -> None:
    doc, actors = doc_actors(nlp, "The mayor met Pakistani officials about Taiwan independence.")
    words = {t.text: t for t in doc}
    assert actors.names_country(words["Pakistani"])
    assert not actors.names_country(words["officials"])
    assert actors.is_actor(words["mayor"])
    assert actors.names_actor_itself(words["officials"])
    assert not actors.names_actor_itself(words["independence"])


def test_document_places_in_prepositional_phrases(nlp: Language) -> None:
    doc, actors = doc_actors(nlp, "Troops massed near the border with Ukraine.")
    verb = next(t for t in doc if t.text == "massed")
    assert [t.text for t in actors.places(verb, frozenset({"near"}))] == ["Ukraine"]
