"""One phrase, several actors (eventcoder.actors.lists): conjunctions, lists, "the two sides"
and two titled leaders in one phrase."""

from __future__ import annotations

import pytest
from conftest import doc_actors, subjects
from spacy.language import Language


def test_lists_conjoined_actors_each_get_the_event(nlp: Language) -> None:
    doc = nlp("India and Pakistan agreed to resume talks.")
    assert {e.actor.country for e in doc._.events} >= {"IND", "PAK"}


@pytest.mark.parametrize(
    ("text", "subject", "codes"),
    [
        ("Prime ministers of India and Japan met.", "ministers", ["INDGOV", "JPNGOV"]),
        ("Negotiators from Armenia and Azerbaijan held talks.", "Negotiators", ["ARMGOV", "AZEGOV"]),
        # a list the parser chains: Bolivia hangs on Peru
        ("Ambassadors of Chile, Peru and Bolivia met.", "Ambassadors", ["BOLGOV", "CHLGOV", "PERGOV"]),
        # a role in a list of countries, when the place gives the role its country
        ("Opposition leaders in Uganda and Tanzania met.", "leaders", ["TZAOPP", "UGAOPP"]),
        ("Russian troops in Syria and Iraq withdrew.", "troops", ["RUSMIL"]),
        # adjectives of a list each hung on the head
        ("Cuban, Venezuelan and Nicaraguan diplomats met.", "diplomats", ["CUBGOV", "NICGOV", "VENGOV"]),
        # a conjunct that names its own actor
        ("Managers of Danish brewer Carlsberg and France's Danone met.", "Managers", ["DNK", "FRA"]),
    ],
)  # fmt: skip
def test_lists_one_actor_per_country(
    nlp: Language, text: str, subject: str, codes: list[str]
) -> None:
    assert sorted(subjects(nlp, text)[subject]) == codes


PAIRS = [
    "India and Pakistan exchanged fire on Monday. The two countries agreed to hold talks.",
    "India and Pakistan exchanged fire on Monday. Both sides blamed the other.",
    "Troops from India and Pakistan clashed on the border, and the two sides later met.",
]


@pytest.mark.parametrize("text", PAIRS)
def test_lists_the_two_sides_are_the_last_two_countries(nlp: Language, text: str) -> None:
    found = subjects(nlp, text)
    pair = found.get("countries") or found.get("sides")
    assert pair is not None and sorted(pair) == ["IND", "PAK"], found


def test_lists_the_two_sides_need_two_countries(nlp: Language) -> None:
    found = subjects(nlp, "Kenya held elections on Monday. The two sides disputed the count.")
    assert found["sides"] == []


def test_lists_two_titled_leaders_in_one_phrase(nlp: Language) -> None:
    doc, actors = doc_actors(
        nlp, "U.S. President Donald Trump and Russian President Vladimir Putin met in Helsinki."
    )
    putin = next(t for t in doc if t.text == "Putin")
    found = actors.resolve_all(putin)
    assert [(a.code, a.name) for a in found] == [
        ("USAGOV", "Donald Trump"),
        ("RUSGOV", "Vladimir Putin"),
    ]
    # each is remembered for the rest of the document
    assert actors.memory.person("Trump") == found[0]
