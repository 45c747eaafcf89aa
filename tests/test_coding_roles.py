"""The roles of a trigger (:mod:`eventcoder.coding.roles`): a verb's actor and recipient heads
and their exceptions (inverse rows, object clauses, state acts in the passive, participles,
issued texts, "each other"), a noun's possessor, modifier or support verb."""

from __future__ import annotations

import pytest
from conftest import Triple, coded
from spacy.language import Language


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # nominal trigger with possessor and target
        (
            "Pakistan rejected Modi's attack on Pakistan as baseless.",
            ("IND", "PAK", "ACCUSE", "111"),
        ),
        # wanting someone to act is a request to them
        ("Paris wants Berlin to increase aid.", ("FRA", "DEU", "REQUEST", "020")),
        # the giver of what is received is the actor
        ("Ukraine received weapons from Poland.", ("POL", "UKR", "AID", "072")),
        # the target of a nominal act may hang on its support verb
        (
            "A Turkish court issued arrest warrants for 12 Syrian nationals.",
            ("TUR", "SYR", "COERCE", "173"),
        ),
        # "each other": the paired actors are each other's recipients
        (
            "Troops from Armenia and Azerbaijan clashed overnight. "
            "Both sides blamed each other for the fighting.",
            ("AZE", "ARM", "ACCUSE", "112"),
        ),
        # a suspension is an act of its own; its target may hang on what is suspended
        ("Norway announced a suspension of aid to Uganda.", ("NOR", "UGA", "SANCTION", "160")),
        # a participle on a text speaks for whoever issued the text
        (
            "The European Parliament adopted a resolution condemning Russia's detention of "
            "journalists.",
            ("IGO", "RUS", "ACCUSE", "111"),
        ),
        # talks a visitor arrived for are with the host
        (
            "The Iranian foreign minister arrived in Riyadh for talks on Yemen.",
            ("IRN", "SAU", "CONSULT", "046"),
        ),
        # only a state detains, jails or frees: where it happened says which
        (
            "Two French tourists have been detained in Iran on spying charges.",
            ("IRN", "FRA", "COERCE", "173"),
        ),
        (
            "Three Thai fishermen detained in Myanmar were released on Monday.",
            ("MMR", "THA", "RETREAT", "0841"),
        ),
        # a participle on a noun that names no one is the clause subject's act
        (
            "China kept up pressure on Manila urging it to withdraw its vessels from the shoal.",
            ("CHN", "PHL", "REQUEST", "020"),
        ),
    ],
)
def test_roles_construction(nlp: Language, text: str, expected: Triple) -> None:
    assert expected in coded(nlp, text)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a ruling speaks for the court that issued it, not for who defied it
        (
            "Kenya ignored a court ruling ordering the release of the opposition leader.",
            {("KEN", None, "REJECT", "128")},
        ),
    ],
)
def test_roles_codes_only(nlp: Language, text: str, expected: set[Triple]) -> None:
    assert coded(nlp, text) == expected
