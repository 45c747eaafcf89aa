"""The roles of a trigger (:mod:`eventcoder.coding.roles`): a verb's actor and recipient heads
and their exceptions (inverse rows, object clauses, state acts in the passive, participles,
issued texts, "each other"), a noun's possessor, modifier or support verb."""

from __future__ import annotations

import pytest
from conftest import Parse, Parsed, Triple, coded, verb_args
from spacy.language import Language

from eventcoder.coding import roles
from eventcoder.coding.patterns import Match, PatternBook


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


def _verb_roles(p: Parsed, word: str, book: PatternBook) -> Match:
    """A fresh match of ``word``'s chosen row with its roles filled by ``verb_roles``."""
    tok, pattern, obj, passive = verb_args(p, word, book)
    match = Match(tok, pattern, "verb")
    roles.verb_roles(match, obj, passive, None, p.actors, book)
    return match


@pytest.mark.parametrize(
    ("text", "verb", "actor", "recipient"),
    [
        # "inverse": the giver of what is received acts
        ("Armenia received tanks from India.", "received", ["India"], ["Armenia"]),
        # "objcomp": the subject of the wanted act is asked
        ("Ankara wants Baghdad to expel the militants.", "wants", ["Ankara"], ["Baghdad"]),
        # only a state detains or frees: the country it happens in
        ("A British journalist was arrested in Belarus.", "arrested", ["Belarus"], ["journalist"]),
        (
            "Four Indian sailors detained in Iran were freed on Friday.",
            "freed",
            ["Iran"],
            ["sailors"],
        ),
        # a participle on a noun that names no one: the clause's subject acts
        (
            "Beijing kept up pressure on Taipei urging it to drop the plan.",
            "urging",
            ["Beijing"],
            ["it"],
        ),
        # a participle on an issued text: whoever issued it
        (
            "The Senate passed a resolution condemning Beijing.",
            "condemning",
            ["Senate"],
            ["Beijing"],
        ),
    ],
)
def test_roles_verb_roles(
    parse: Parse, book: PatternBook, text: str, verb: str, actor: list[str], recipient: list[str]
) -> None:
    match = _verb_roles(parse(text), verb, book)
    assert [t.text for t in match.actor_heads] == actor
    assert [t.text for t in match.recipient_heads] == recipient


def test_roles_verb_roles_each_other_makes_the_act_mutual(parse: Parse, book: PatternBook) -> None:
    match = _verb_roles(parse("The two rivals blamed each other."), "blamed", book)
    assert match.mutual and match.recipient_heads == []


def test_roles_verb_roles_places_of_an_alone_row(parse: Parse, book: PatternBook) -> None:
    # "held war games" alone is a show of force (alone=150), aimed at the country it is held in
    match = _verb_roles(parse("China staged war games in Laos."), "staged", book)
    assert match.pattern.alone_code and match.recipient_heads == []
    assert [t.text for t in match.place_heads] == ["Laos"]


@pytest.mark.parametrize(
    ("text", "noun", "supported", "actor", "recipient"),
    [
        # a possessor, a by-phrase or a country modifier does the act
        (
            "Tehran condemned Israel's attack on Damascus.",
            "attack",
            False,
            ["Israel"],
            ["Damascus"],
        ),
        (
            "The raid by Turkish forces on the village killed four.",
            "raid",
            False,
            ["forces"],
            ["village"],
        ),
        (
            "The Israeli attack on the convoy was condemned.",
            "attack",
            False,
            ["Israeli"],
            ["convoy"],
        ),
        # a role word is no actor ("official visit")
        ("An official visit to Oman ended.", "visit", False, [], ["Oman"]),
        # a support verb makes the noun its clause's act, done by its subject
        ("Jordan launched an attack on the militants.", "attack", True, ["Jordan"], ["militants"]),
        # its target may hang on the support verb
        (
            "Tunisia issued arrest warrants for two Libyan nationals.",
            "warrants",
            True,
            ["Tunisia"],
            ["nationals"],
        ),
        # talks a visitor arrived for: with whoever governs there
        ("Sudan's president arrived in Cairo for talks.", "talks", True, ["president"], ["Cairo"]),
    ],
)
def test_roles_nominal_roles(
    parse: Parse,
    book: PatternBook,
    text: str,
    noun: str,
    supported: bool,
    actor: list[str],
    recipient: list[str],
) -> None:
    p = parse(text)
    tok = p[noun]
    (pattern,) = book.nouns[tok.lemma_.lower()]
    match = Match(tok, pattern, "noun")
    assert roles.nominal_roles(match, p.actors, book) is supported
    assert [t.text for t in match.actor_heads] == actor
    assert [t.text for t in match.recipient_heads] == recipient
