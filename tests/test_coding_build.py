"""The Events of a match (:mod:`eventcoder.coding.build`): codes that depend on the actors
(``person=``, ``alone=``, riots 145 and repression 175), mutual pairs, texts that speak for their
authors, domestic recipients; and what is done over a Doc's events once built."""

from __future__ import annotations

import pytest
from conftest import Triple, coded, typed
from spacy.language import Language


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # conjoined actors each act; mutual verbs pair them
        ("India and Pakistan agreed to resume talks.", ("PAK", "IND", "AGREE", "030")),
        # person=: a leader's attack is criticism
        ("Modi attacked Pakistan over terrorism.", ("IND", "PAK", "ACCUSE", "111")),
        # a mutual row ("traded accusations", "traded fire") pairs the actors as each other's
        # recipients, as "each other" does
        (
            "Serbia and Kosovo traded accusations over the border incident.",
            ("SRB", "XKX", "ACCUSE", "112"),
        ),
        (
            "Thai and Cambodian troops traded fire near a disputed temple.",
            ("KHM", "THA", "ASSAULT", "190"),
        ),
        # an agreement reached by conjoined parties is reached with each other
        ("Greek and Turkish negotiators reached an agreement.", ("TUR", "GRC", "SUPPORT", "057")),
        # violence by protesters is a violent protest (145), unless it is armed warfare
        ("Protesters torched a police station in Dhaka.", (None, "BGD", "PROTEST", "145")),
        ("Rioters attacked the French embassy in Niamey.", (None, "FRA", "PROTEST", "145")),
        (
            "The Chinese consulate was stormed by Vietnamese rioters.",
            ("VNM", "CHN", "PROTEST", "145"),
        ),
        # force used on protesters by security forces is repression (175); in a clash both act
        ("Kenyan police fired on demonstrators in Nairobi.", ("KEN", "KEN", "ASSAULT", "175")),
        ("Iranian troops clashed with Iraqi rioters.", ("IRN", "IRQ", "ASSAULT", "175")),
        ("Iranian troops clashed with Iraqi rioters.", ("IRQ", "IRN", "PROTEST", "145")),
        # civilians clashing with the police: a violent protest, and the police's repression
        ("Kenyan teachers clashed with police in Nairobi.", ("KEN", "KEN", "PROTEST", "145")),
        ("Kenyan teachers clashed with police in Nairobi.", ("KEN", "KEN", "ASSAULT", "175")),
        # a show of force held abroad is aimed at the country it is held in
        (
            "Turkish forces held military drills in northern Syria.",
            ("TUR", "SYR", "MOBILIZE", "150"),
        ),
        # a text speaks for whoever issued it
        (
            "A statement issued by the Iranian foreign ministry accused Britain of meddling.",
            ("IRN", "GBR", "ACCUSE", "112"),
        ),
    ],
)
def test_build_construction(nlp: Language, text: str, expected: Triple) -> None:
    assert expected in coded(nlp, text)


@pytest.mark.parametrize(
    "text",
    [
        # no known country on either side
        "Gunmen kidnapped dozens of villagers.",
        # a text only speaks for its author, and a place that is not a capital names no author
        "The statement by the Egyptian presidency comes a week before Sisi travels to Rome.",
        "A report published in Geneva criticised Israel.",
    ],
)
def test_build_no_event(nlp: Language, text: str) -> None:
    assert typed(nlp, text) == []
