"""Pronouns (eventcoder.actors.pronouns): who "it", "they" or "he" refers to."""

from __future__ import annotations

import pytest
from conftest import doc_actors
from spacy.language import Language

from eventcoder.actors import parse_depth


def test_pronouns_us_is_not_the_united_states(nlp: Language) -> None:
    doc = nlp("They told us that Iran condemned Israel.")
    assert {e.actor.code for e in doc._.events} == {"IRN"}


@pytest.mark.parametrize(
    ("text", "pronoun", "code"),
    [
        # the subject of the clause the pronoun's clause depends on
        ("Pakistan said it would respond to India.", "it", "PAK"),
        ("The Russian government said it would retaliate against Ukraine.", "it", "RUSGOV"),
        # "we" only through a governing "X said"
        ("We will respond, Pakistan said.", "We", "PAK"),
        ("We will respond.", "We", None),
    ],
)
def test_pronouns_resolve(nlp: Language, text: str, pronoun: str, code: str | None) -> None:
    doc, actors = doc_actors(nlp, text)
    found = actors.resolve_pronoun(next(t for t in doc if t.text == pronoun))
    assert (found.code if found else None) == code


def test_pronouns_exclude_the_event_s_own_actor(nlp: Language) -> None:
    doc, actors = doc_actors(nlp, "Pakistan said it would respond to India.")
    it = next(t for t in doc if t.text == "it")
    assert actors.resolve_pronoun(it, exclude="PAK") is None


def test_pronouns_parse_depth(nlp: Language) -> None:
    doc = nlp("Pakistan said it would respond.")
    depth = {t.text: parse_depth(t) for t in doc}
    assert depth["said"] == 0
    assert depth["Pakistan"] == 1
    assert depth["it"] == 2
