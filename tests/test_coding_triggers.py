"""Which verb or noun row fits a token (:mod:`eventcoder.coding.triggers`): particles, object
constraints, clause flags and no-event rows; the most specific row wins."""

from __future__ import annotations

import pytest
from conftest import Triple, coded, typed
from spacy.language import Language


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # striking a place named as an actor is an air or missile strike
        ("Russian missiles struck Kyiv overnight.", ("RUS", "UKR", "ASSAULT", "195")),
        # a support verb makes the noun the act
        ("Israel launched air strikes on Gaza overnight.", ("ISR", "PSE", "ASSAULT", "190")),
        # withdrawing from a place is a retreat; from an accord or a body, reduced relations
        ("Russian forces withdrew from Kherson.", ("RUS", None, "RETREAT", "0874")),
        ("Israel pulled its soldiers out of Gaza.", ("ISR", "PSE", "RETREAT", "0874")),
        ("Russia pulled out of the grain deal with Ukraine.", ("RUS", "UKR", "SANCTION", "160")),
        (
            "Burkina Faso withdrew from the Economic Community of West African States.",
            ("BFA", "IGO", "SANCTION", "160"),
        ),
        # attending a ceremony abroad is a visit to the host; a travel warning reduces relations
        (
            "The Japanese prime minister will attend the coronation ceremony in Bangkok.",
            ("JPN", "THA", "CONSULT", "042"),
        ),
        (
            "Canada warned against travel to Haiti after the riots.",
            ("CAN", "HTI", "SANCTION", "160"),
        ),
        # a light object head ("efforts") carries the act its compound names
        (
            "Norway ended its mediation efforts between Sri Lanka and the Tamil rebels.",
            ("NOR", "LKA", "SANCTION", "165"),
        ),
        # a protest lodged with a government is an official complaint, not a demonstration
        ("Vietnam protested strongly to China on Monday.", ("VNM", "CHN", "ACCUSE", "114")),
        # blocking aid stops it; blocking a deal rejects it
        ("Hungary blocked EU aid to Ukraine.", ("HUN", "UKR", "SANCTION", "162")),
        ("Hungary blocked a deal with Iran.", ("HUN", "IRN", "REJECT", "127")),
        # agreeing with someone that ... expresses accord (019), a statement
        ("Germany agreed with France that the sanctions should stay.", ("DEU", "FRA", None, "019")),
        # conjoined weapons in an "of" phrase
        (
            "North Korea launched dozens of shells and rockets at Yeonpyeong island.",
            ("PRK", None, "ASSAULT", "194"),
        ),
        # a hyphenated verb's first part is its particle: a test, not an attack
        (
            "North Korea test-fired a ballistic missile into the sea.",
            ("PRK", None, "MOBILIZE", "150"),
        ),
        # "allowed X to enter Y", parsed as a clause: X is what is let, Y where it goes
        (
            "Egypt allowed fuel trucks to enter Gaza through the Rafah crossing.",
            ("EGY", "PSE", "RETREAT", "0863"),
        ),
        # "supplied X with Y": X receives, Y is what is given
        ("Iran supplied Hezbollah with rockets.", ("IRN", "LBN", "AID", "072")),
    ],
)
def test_triggers_construction(nlp: Language, text: str, expected: Triple) -> None:
    assert expected in coded(nlp, text)


@pytest.mark.parametrize(
    "text",
    [
        "Argentina beat France in the World Cup final.",
        # argument constraints: a dismissal is not shooting, naming is not an appeal
        "The Kenyan president fired his finance minister on Monday.",
        "The Chinese foreign ministry called the report a fabrication.",
        # no-event rows: everyday uses of event verbs
        "The Indian government met the deadline for the report.",
        "Pakistan failed to meet its targets.",
        "The Prime Minister of Japan met the press on Tuesday.",
        "The Brazilian president attacked the problem of poverty.",
        "The Indian government has struck a balance between growth and security.",
    ],
)
def test_triggers_no_event(nlp: Language, text: str) -> None:
    assert typed(nlp, text) == []


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a warning to no one about nothing in particular is no threat
        ("The UN warned of famine in Gaza.", set()),
    ],
)
def test_triggers_codes_only(nlp: Language, text: str, expected: set[Triple]) -> None:
    assert coded(nlp, text) == expected
