"""Recipients the text does not name (:mod:`eventcoder.coding.inferred`): reactions answer an
earlier act; a quote's call against a party it does not name."""

from __future__ import annotations

import pytest
from conftest import Dyad, dyads
from spacy.language import Language


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a reaction with no recipient answers the last hostile act against the reactor's side
        (
            "Britain imposed sanctions on Monday on three Iranian banks. Tehran said it would "
            "retaliate.",
            ("IRN", "GBR", "THREATEN"),
        ),
        # praise or welcome answers the last act of another side
        (
            "Armenia released 20 Azerbaijani prisoners on Friday. Baku welcomed the move.",
            ("AZE", "ARM", "SUPPORT"),
        ),
    ],
)
def test_inferred_across_the_article(nlp: Language, text: str, expected: Dyad) -> None:
    assert expected in dyads(nlp, text)
