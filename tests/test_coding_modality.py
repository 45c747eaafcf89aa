"""Whether an act is reported as done (:mod:`eventcoder.coding.modality`): negated and failed
acts, hypotheticals, intended, announced and refused acts."""

from __future__ import annotations

import pytest
from conftest import Parse, Parsed, Triple, coded, triggered, typed
from spacy.language import Language

from eventcoder.coding.modality import (
    intent,
    is_failed,
    is_future,
    is_negated,
    mark_hypothetical,
    mark_negation,
    modal_condition,
    modality,
    willing,
)
from eventcoder.coding.patterns import Match, PatternBook
from eventcoder.ontology import get_ontology


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
        # a hostile act an actor may do if a condition holds is a threat
        ("The US may impose sanctions on Iran if talks fail.", ("USA", "IRN", "THREATEN", "131")),
        (
            "The European Community may halt its mediation among Serbia's republics if the "
            "fighting goes on.",
            ("IGO", "SRB", "THREATEN", "131"),
        ),
        # "would tighten the blockade": an intensified act is the act, announced: a threat
        (
            "NATO said it would tighten the naval blockade of Serbia.",
            ("IGO", "SRB", "THREATEN", "138"),
        ),
        # an announced act with an "unless" is a threat; an announced nominal act is intended
        (
            "Kenya announced that it will withdraw its troops from Somalia unless it is paid.",
            ("KEN", "SOM", "THREATEN", "130"),
        ),
        (
            "Peru's government announced that it will impose a curfew in Lima.",
            ("PER", "PER", "THREATEN", "130"),
        ),
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
        # a subject with "neither ... nor" negates the act for each
        "Neither Ghana nor Togo recalled its ambassador.",
    ],
)
def test_modality_no_event(nlp: Language, text: str) -> None:
    assert typed(nlp, text) == []


@pytest.mark.parametrize(
    ("text", "word", "negated", "failed", "future", "modal"),
    [
        ("Cuba condemned the raid.", "condemned", False, False, False, None),
        ("Cuba did not condemn the raid.", "condemn", True, False, False, None),
        ("Cuba never condemned the raid.", "condemned", True, False, False, None),
        # the clause it is the complement of is negated
        ("Cuba did not agree to meet the envoy.", "meet", True, False, False, None),
        ("Laos failed to sign the treaty.", "sign", False, True, False, None),
        ("Laos failed to attend and sign the treaty.", "sign", False, True, False, None),
        ("Laos agreed to sign the treaty.", "sign", False, False, False, None),
        ("Chad will meet Niger.", "meet", False, False, True, None),
        ("Chad would free the prisoners.", "free", False, False, True, None),
        # a modal or a condition: the index of the word that makes it so
        ("Iran could attack the base.", "attack", False, False, False, "could"),
        ("Iran may try to attack the base.", "attack", False, False, False, "may"),
        ("If Iran attacks the base, Iraq will respond.", "attacks", False, False, False, "If"),
        ("Unless Iran attacks the base, Iraq will wait.", "attacks", False, False, False, "Unless"),
        ("Iran will attack the base.", "attack", False, False, True, None),
        ("Iran should attack the base.", "attack", False, False, False, None),
    ],
)
def test_modality_of_a_trigger(
    parse: Parse,
    text: str,
    word: str,
    negated: bool,
    failed: bool,
    future: bool,
    modal: str | None,
) -> None:
    p = parse(text)
    tok = p[word]
    assert (is_negated(tok), is_failed(tok), is_future(tok)) == (negated, failed, future)
    assert modal_condition(tok) == (p[modal].i if modal else None)


def _match(p: Parsed, word: str, book: PatternBook) -> tuple[Match, dict[int, Match]]:
    found = triggered(p, book)
    return found[p[word].i], found


def test_modality_mark_negation_failed_cooperation_is_a_rejection(
    parse: Parse, book: PatternBook
) -> None:
    match, _ = _match(parse("Laos failed to sign the treaty with Vietnam."), "sign", book)
    mark_negation(match, get_ontology())
    assert (match.code, match.negated) == ("120", False)
    # a failed hostile act is as if negated
    match, _ = _match(parse("The militia failed to capture the town."), "capture", book)
    mark_negation(match, get_ontology())
    assert (match.code, match.negated) == ("192", True)


def test_modality_willing_is_an_intention(parse: Parse, book: PatternBook) -> None:
    match, _ = _match(parse("Norway is willing to provide loans to Malawi."), "provide", book)
    willing(match, book)
    assert match.code == "033"


def test_modality_refused_cooperation_is_a_rejection(parse: Parse, book: PatternBook) -> None:
    match, _ = _match(parse("Qatar said it would not provide support to Sudan."), "provide", book)
    mark_negation(match, get_ontology())
    modality(match, book, get_ontology())
    assert (match.code, match.negated) == ("120", False)


@pytest.mark.parametrize(
    ("text", "code"),
    [
        # announced: the intention to do it (035: to free prisoners)
        ("Israel said it would free the prisoners.", "035"),
        # not announced: the future act itself
        ("Israel will free the prisoners.", "0841"),
    ],
)
def test_modality_announced_future_act(
    parse: Parse, book: PatternBook, text: str, code: str
) -> None:
    match, _ = _match(parse(text), "free", book)
    modality(match, book, get_ontology())
    assert match.code == code


def test_modality_intent_rewrites_the_intended_act(parse: Parse, book: PatternBook) -> None:
    p = parse("Chad wants to attack Niger.")
    wants, found = _match(p, "wants", book)
    intent(wants, found, book)
    attack = found[p["attack"].i]
    assert (wants.code, wants.recipient_heads) == ("138", [p["Niger"]])
    assert (attack.suppressed_by, attack.suppressed_reason) == (
        wants.token.i,
        "intended act (intent rewrite)",
    )
    # intending a mutual act: with each other
    p = parse("Ghana and Togo plan to hold talks.")
    plan, found = _match(p, "plan", book)
    intent(plan, found, book)
    assert (plan.code, plan.mutual) == ("036", True)


def test_modality_intent_with_no_coded_act_is_dropped(parse: Parse, book: PatternBook) -> None:
    wants, found = _match(parse("Chad wants to win."), "wants", book)
    intent(wants, found, book)
    assert wants.token.i not in found


def test_modality_mark_hypothetical(parse: Parse, book: PatternBook) -> None:
    p = parse("Iran could attack the base.")
    match, _ = _match(p, "attack", book)
    mark_hypothetical(match)
    assert (match.suppressed_by, match.suppressed_reason) == (
        p["could"].i,
        "hypothetical (modal verb or condition)",
    )
