"""The parse read the way the rules need it (:mod:`eventcoder.coding.tree`): children, conjuncts,
lemma forms, prepositional objects, passives, clauses."""

from __future__ import annotations

import pytest
from conftest import Triple, coded
from spacy.language import Language


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # conjoined passives share their subject
        (
            "Two Turkish journalists were arrested in March and released by Egyptian authorities.",
            ("EGY", "TUR", "RETREAT", "0841"),
        ),
    ],
)
def test_tree_construction(nlp: Language, text: str, expected: Triple) -> None:
    assert expected in coded(nlp, text)
