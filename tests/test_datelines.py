"""Datelines (:mod:`eventcoder.datelines`): the place and agency a story was filed from."""

from __future__ import annotations

import pytest
from conftest import dyads
from spacy.language import Language

import eventcoder
from eventcoder.datelines import find_dateline


@pytest.mark.parametrize(
    ("text", "place", "region", "source"),
    [
        ("RAMALLAH (Reuters) - Palestinian police arrested five men.", "RAMALLAH", None, "Reuters"),
        ("Islamabad, Sept 9 (ANI): Pakistan accused India.", "Islamabad", None, "ANI"),
        ("KABUL, Afghanistan (AP) -- Gunmen attacked.", "KABUL", "Afghanistan", "AP"),
        (
            "GAZA CITY, Palestinian Territories: Four men died.",
            "GAZA CITY",
            "Palestinian Territories",
            None,
        ),
        ("LYON: Interpol has said it will send a team.", "LYON", None, None),
        ("WASHINGTON \u2014 The United States urged Pakistan to act.", "WASHINGTON", None, None),
        ("Nairobi, March 3, 2024 (AFP) - Police fired tear gas.", "Nairobi", None, "AFP"),
    ],
)
def test_datelines_found(text: str, place: str, region: str | None, source: str | None) -> None:
    found = find_dateline(text)
    assert found is not None
    assert (found.place, found.region, found.source) == (place, region, source)
    assert not text[found.end :].startswith((" ", "-", ":"))


@pytest.mark.parametrize(
    "text",
    [
        "Pakistan: the army said it killed five militants.",  # a name, not written as a dateline
        "Smith - who led the talks - resigned.",
        "The United States urged Pakistan to act.",
        "US: talks resume",  # two capitals are an acronym, not a town
    ],
)
def test_datelines_not_found(text: str) -> None:
    assert find_dateline(text) is None


def test_datelines_are_not_actors_nor_places(nlp: Language) -> None:
    # The parser makes KABUL a subject of "attacked"; the dateline is no one's subject, and the
    # gunmen take its country.
    text = "KABUL, Afghanistan (AP) -- Gunmen attacked a convoy, killing three soldiers."
    events = eventcoder.code(text, nlp=nlp)
    assert events
    for event in events:
        assert event.actor.code == "AFGUAF" and event.actor.country_from == "dateline"
        assert event.location is None  # filed from Kabul; the text says not where it happened
    # "WASHINGTON (Reuters) - Iran's ..." is about Iran, not a US actor.
    assert dyads(nlp, "WASHINGTON (Reuters) - Iran's foreign minister criticised Britain.") == {
        ("IRN", "GBR", "ACCUSE")
    }
