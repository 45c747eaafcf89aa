"""Whether an act is reported as done (:mod:`eventcoder.coding.modality`): negated and failed
acts, hypotheticals, intended, announced and refused acts."""

from __future__ import annotations

import pytest
from conftest import Triple, coded, typed
from spacy.language import Language


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # intention: wanting to attack is a threat
        ("Obama wants to attack Syria.", ("USA", "SYR", "THREATEN", "138")),
        # a refused act of cooperation is a rejection
        ("Russia said it would not provide support to Iran.", ("RUS", "IRN", "REJECT", "120")),
        # an announced future act is an intention, not the act
        ("Japan announced it would send rescue teams to Turkey.", ("JPN", "TUR", "AGREE", "033")),
        ("Pyongyang said it will fire missiles at Japan.", ("PRK", "JPN", "THREATEN", "138")),
        # conjoined actors intending a mutual act intend it with each other
        ("Egypt and Sudan are planning to hold talks.", ("EGY", "SDN", "AGREE", "036")),
        # cooperation someone failed to achieve is a rejection
        (
            "Chile failed to reach a deal with Bolivia over water rights.",
            ("CHL", "BOL", "REJECT", "120"),
        ),
    ],
)
def test_modality_construction(nlp: Language, text: str, expected: Triple) -> None:
    assert expected in coded(nlp, text)


@pytest.mark.parametrize(
    "text",
    [
        "Pakistan did not accuse India of anything.",
        "North Korea has not attacked South Korea this year.",
        # hypotheticals and conditions report no act
        "Iran could strike Israeli targets if the negotiations collapse.",
        "Russia might impose new sanctions on Moldova.",
        "If Azerbaijan attacks the border villages, Armenia will respond.",
        # a failed hostile act is no act
        "The rebels failed to capture the airport.",
    ],
)
def test_modality_no_event(nlp: Language, text: str) -> None:
    assert typed(nlp, text) == []
