"""Who does an act (:mod:`eventcoder.coding.doers`): the clause's subject, own or inherited, a
passive's by-phrase, whoever fired a weapon, the doer of a nominal act; accidents are no one's."""

from __future__ import annotations

import pytest
from conftest import Triple, coded, typed
from spacy.language import Language


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # passive voice: the by-phrase acts, the subject receives
        (
            "Two Indian fishermen were arrested by the Sri Lankan navy.",
            ("LKA", "IND", "COERCE", "173"),
        ),
        # a weapon is the instrument: the actor is whoever fired it
        (
            "A Ukrainian fuel depot was hit by a missile fired by Russian forces.",
            ("RUS", "UKR", "ASSAULT", "195"),
        ),
        # "killed in Russian artillery shelling" parsed with a verb "shelling"
        (
            "Six people were killed in Russian tank shelling in the east of Kharkiv.",
            ("RUS", "UKR", "ASSAULT", "194"),
        ),
        # killed in someone's strike, fire or operation: theirs
        (
            "Two Hamas commanders were killed in an Israeli drone strike in Rafah.",
            ("ISR", "PSE", "ASSAULT", "190"),
        ),
        # "Russian missiles killed ...", parsed as a noun with a participle
        ("Russian drone strikes killed nine civilians in Odesa.", ("RUS", "UKR", "ASSAULT", "190")),
        # a weapon's actor is whoever launched it
        (
            "Drones launched by Houthi rebels struck an air base in Saudi Arabia.",
            ("YEM", "SAU", "ASSAULT", "195"),
        ),
    ],
)
def test_doers_construction(nlp: Language, text: str, expected: Triple) -> None:
    assert expected in coded(nlp, text)


@pytest.mark.parametrize(
    "text",
    [
        # an accident is no one's act
        "Twelve pilgrims were killed by a landslide in northern India.",
    ],
)
def test_doers_no_event(nlp: Language, text: str) -> None:
    assert typed(nlp, text) == []
