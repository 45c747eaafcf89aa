"""Speech acts whose clause says what the event is (:mod:`eventcoder.coding.speech`): claims,
demands, allegations, warnings, orders to leave, threats' conditions, quoted claims."""

from __future__ import annotations

import pytest
from conftest import Triple, coded, event_types, typed
from spacy.language import Language


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # X accused Y of ...
        ("Pakistan accused India of sponsoring terrorism.", ("PAK", "IND", "ACCUSE", "112")),
        # reported speech: the speaker's claim is the speaker's event
        (
            "Kabul said Pakistani forces had shelled its border posts.",
            ("AFG", "PAK", "ACCUSE", "112"),
        ),
        # "X said Y must do": a demand on Y, not the act
        (
            "Brazil's foreign minister said Venezuela must hold free elections.",
            ("BRA", "VEN", "REQUEST", "100"),
        ),
        # a threat is aimed at whoever its condition is about
        (
            "Pyongyang said it would use its nuclear weapons if South Korea crossed the red line.",
            ("PRK", "KOR", "THREATEN", "138"),
        ),
        # the condition may hang on the threatened act
        (
            "Turkey threatened to strike militant camps in Iraq if Baghdad failed to act.",
            ("TUR", "IRQ", "THREATEN", "138"),
        ),
        # an order to leave is an expulsion; of an envoy, reduced relations; of a body, 166
        ("Chad ordered 20 Chinese workers to leave the country.", ("TCD", "CHN", "COERCE", "174")),
        (
            "Mali ordered the French ambassador to leave the country.",
            ("MLI", "FRA", "SANCTION", "161"),
        ),
        (
            "Burundi ordered the UN human rights office to close and leave the country.",
            ("BDI", "IGO", "SANCTION", "166"),
        ),
        # an allegation accuses the side it is about (a text speaks for whoever issued it)
        (
            "A report released in Kinshasa alleged that Rwanda had armed the M23 rebels.",
            ("COD", "RWA", "ACCUSE", "112"),
        ),
    ],
)
def test_speech_construction(nlp: Language, text: str, expected: Triple) -> None:
    assert expected in coded(nlp, text)


@pytest.mark.parametrize(
    "text",
    [
        "Officials said the weather in Paris was fine.",
        # an allegation by a party of no known side does not establish the act
        "Opposition activists alleged that Venezuelan police beat detained protesters.",
        # a side's claim of its own act is a statement, not a report of the act
        "The rebels claimed that they had attacked an army base.",
    ],
)
def test_speech_no_event(nlp: Language, text: str) -> None:
    assert typed(nlp, text) == []


@pytest.mark.parametrize(
    ("text", "absent"),
    [
        # a warning about what a third party may do is no threat by the speaker
        ("Chad asked France to stay, warning that Boko Haram could seize the capital.", "THREATEN"),
    ],
)
def test_speech_not_coded_as(nlp: Language, text: str, absent: str) -> None:
    types = event_types(nlp, text)
    assert types and absent not in types


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a claim takes the acts that go with it ("..., killing nine")
        (
            "Ukraine's defence ministry said Russia had launched 300 missiles at Kyiv, killing "
            "nine people.",
            {("UKR", "RUS", "ACCUSE", "112")},
        ),
    ],
)
def test_speech_codes_only(nlp: Language, text: str, expected: set[Triple]) -> None:
    assert coded(nlp, text) == expected
