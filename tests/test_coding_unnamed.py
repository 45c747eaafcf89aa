"""Unnamed actors (:mod:`eventcoder.coding.unnamed`): roles the text names no country for take
the country of the place the act happens in, else of the dateline, else of the article; attacks
whose doer is not named get an unidentified attacker."""

from __future__ import annotations

import pytest
from spacy.language import Language

import eventcoder
from eventcoder.records import Event


def sides(events: list[Event]) -> set[tuple[str, str | None, str | None, str | None]]:
    return {
        (
            e.actor.code,
            e.actor.country_from,
            e.recipient.code if e.recipient else None,
            e.event_type,
        )
        for e in events
    }


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # the place the act happens in names the country of both unnamed sides
        (
            "Unidentified gunmen killed two soldiers in Kashmir.",
            ("INDUAF", "place", "INDMIL", "ASSAULT"),
        ),
        (
            "Protesters clashed with police in Nairobi on Tuesday.",
            ("KENCVL", "place", "KENCOP", "PROTEST"),
        ),
        ("Police fired tear gas at protesters in Dhaka.", ("BGDCOP", "place", "BGDCVL", "ASSAULT")),
        # a role "in" a place takes its country from its own phrase, marked the same way
        ("Police in Lahore arrested two men.", ("PAKCOP", "place", "PAK", "COERCE")),
        # the dateline, when the sentence names no place
        (
            "KABUL (Reuters) - Gunmen attacked a convoy on Monday.",
            ("AFGUAF", "dateline", None, "ASSAULT"),
        ),
        # the article's country, when neither does
        (
            "Pakistan's army said it had killed ten militants. Pakistan has fought insurgents for "
            "years. Gunmen attacked a checkpoint on Tuesday.",
            ("PAKUAF", "article", None, "ASSAULT"),
        ),
    ],
)
def test_coding_unnamed_roles_take_a_country(
    nlp: Language, text: str, expected: tuple[str, str, str | None, str]
) -> None:
    assert expected in sides(eventcoder.code(text, nlp=nlp))


def test_coding_unnamed_named_countries_are_not_marked(nlp: Language) -> None:
    (event,) = eventcoder.code("Indian troops killed two militants in Kashmir.", nlp=nlp)
    assert (event.actor.code, event.actor.country_from) == ("INDMIL", None)


def test_coding_unnamed_nothing_to_place_stays_silent(nlp: Language) -> None:
    # no place, no dateline, no article country: "militants killed people" says too little
    assert not eventcoder.code("Gunmen killed three people on Monday.", nlp=nlp)


def test_coding_unnamed_a_speakers_place_is_not_the_acts(nlp: Language) -> None:
    # "a UK-based group ... said": where the speaker is based places no one in the act
    text = "A UK-based group said eight people were killed by government forces in the city."
    assert not any(e.actor.country == "GBR" or (e.recipient and e.recipient.country == "GBR")
                   for e in eventcoder.code(text, nlp=nlp))  # fmt: skip


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # an attack whose doer is not named: an unidentified attacker, placed like a role
        (
            "A journalist has been killed in a car bomb explosion in a residential sector of "
            "eastern Beirut.",
            ("LBNUAF", "place", "LBNJRN", "ASSAULT"),
        ),
        (
            "A minefield explosion near the town of Samarra killed two Iraqi youths.",
            ("IRQUAF", "place", "IRQCVL", "ASSAULT"),
        ),
        (
            "Two policemen were shot dead in Peshawar on Monday.",
            ("PAKUAF", "place", "PAKCOP", "ASSAULT"),
        ),
    ],
)
def test_coding_unnamed_attacks_without_a_named_doer(
    nlp: Language, text: str, expected: tuple[str, str, str, str]
) -> None:
    assert expected in sides(eventcoder.code(text, nlp=nlp))


@pytest.mark.parametrize(
    "text",
    [
        # accidents and disasters kill too: no weapon, no verb that takes a human doer
        "Floods killed 12 people in Dhaka.",
        "An explosion at a chemical plant in Tianjin killed 12 workers.",
        "Five miners were killed in a blast at a coal mine in Balochistan.",
        "A fire in a market in Lagos killed three traders.",
        "Twenty people were killed when a bus crashed in Nepal.",
    ],
)
def test_coding_unnamed_disasters_are_not_attacks(nlp: Language, text: str) -> None:
    assert not [e for e in eventcoder.code(text, nlp=nlp) if e.event_type == "ASSAULT"]
