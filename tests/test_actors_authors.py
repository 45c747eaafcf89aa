"""Texts that speak for whoever issued them (eventcoder.actors.authors)."""

from __future__ import annotations

import pytest
from conftest import doc_actors
from spacy.language import Language

from eventcoder.actors.authors import is_capital


@pytest.mark.parametrize(
    ("text", "code"),
    [
        ("A statement issued by the Iranian foreign ministry accused Israel.", "IRNGOV"),
        ("A report released in Kinshasa accused Rwanda of backing the rebels.", "COD"),
        # another town tells where, not who
        ("A report published in Geneva accused Rwanda of backing the rebels.", None),
    ],
)
def test_authors_a_text_speaks_for_its_issuer(nlp: Language, text: str, code: str | None) -> None:
    doc, actors = doc_actors(nlp, text)
    found = actors.resolve(next(t for t in doc if t.dep_ == "nsubj"))
    got = (found.code, found.kind) if found is not None else None
    assert got == ((code, "author") if code else None)


def test_authors_a_capital_is_a_capital(nlp: Language) -> None:
    doc, actors = doc_actors(
        nlp, "Officials in Kinshasa and in the Rwandan capital and in Goma met."
    )
    by_text = {t.text: is_capital(actors, t) for t in doc}
    assert by_text["Kinshasa"] and by_text["capital"]
    assert not by_text["Goma"] and not by_text["Officials"]
