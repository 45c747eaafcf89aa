"""The Events of a match (:mod:`eventcoder.coding.build`): codes that depend on the actors
(``person=``, ``alone=``, riots 145 and repression 175), mutual pairs, texts that speak for their
authors, domestic recipients; and what is done over a Doc's events once built."""

from __future__ import annotations

import pytest
from conftest import Parse, Parsed, Triple, coded, typed
from spacy.language import Language

from eventcoder.coding.build import (
    build_event,
    domestic,
    drop_subsumed,
    mark_roots,
    match_events,
)
from eventcoder.coding.matching import find_matches
from eventcoder.coding.patterns import PatternBook
from eventcoder.ontology import get_ontology
from eventcoder.records import Actor, Event


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
        # a threat or promise of a domestic act is aimed where the act would be; calling off a
        # strike is aimed at the country's authorities
        (
            "Iraq's government announced that it is prepared to impose martial law.",
            ("IRQ", "IRQ", "THREATEN", "130"),
        ),
        ("Nigeria's teachers' union called off its strike.", ("NGA", "NGA", "CONCEDE", "082")),
        # unnamed protesters take the country of the place (coding/unnamed.py)
        ("Protesters torched a police station in Dhaka.", ("BGD", "BGD", "PROTEST", "145")),
        ("Rioters attacked the French embassy in Niamey.", ("NER", "FRA", "PROTEST", "145")),
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


def _events(p: Parsed, word: str, book: PatternBook) -> list[Event]:
    """The events ``match_events`` builds for the match of ``word`` (every step done)."""
    found = {m.token.i: m for m in find_matches(p.doc, p.actors, book, get_ontology())}
    return list(match_events(found[p[word].i], p.actors, get_ontology(), "doc1", "2024-03-01"))


def _codes(events: list[Event]) -> list[tuple[str, str | None, str]]:
    return [(e.actor.code, e.recipient.code if e.recipient else None, e.cameo) for e in events]


@pytest.mark.parametrize(
    ("text", "word", "expected"),
    [
        # person=: a person's attack is criticism (111), an army's an assault (190)
        (
            "The Kenyan president attacked Somalia's leaders.",
            "attacked",
            [("KENGOV", "SOMGOV", "111")],
        ),
        ("The Kenyan army attacked Somali positions.", "attacked", [("KENMIL", "SOM", "190")]),
        # alone=: exercises with no one are a show of force, aimed where they are held
        ("Russia held naval exercises.", "held", [("RUS", None, "150")]),
        ("Russia held naval exercises in Cuba.", "held", [("RUS", "CUB", "150")]),
        # force against protesters is repression (175); their violence in a clash a riot (145)
        (
            "Nigerian soldiers fired on protesters in Lagos.",
            "fired",
            [("NGAMIL", "---CVL", "175")],
        ),
        (
            "Nigerian students clashed with soldiers in Lagos.",
            "clashed",
            [("---MIL", "NGAEDU", "175"), ("NGAEDU", "---MIL", "145")],
        ),
        # a mutual row: each of the conjoined actors with the other
        (
            "Chile and Peru signed a trade deal.",
            "signed",
            [("CHL", "PER", "057"), ("PER", "CHL", "057")],
        ),
        # an actor of no country with no recipient of known country says too little
        ("Militants raided a farm.", "raided", []),
        # domestic: a protest or an arrest with no target of known country is at home
        ("Greek farmers went on strike.", "went", [("GRCAGR", "GRC", "143")]),
        ("Kenyan police arrested forty protesters.", "arrested", [("KENCOP", "KENCVL", "173")]),
    ],
)
def test_build_match_events_codes_that_depend_on_the_actors(
    parse: Parse,
    book: PatternBook,
    text: str,
    word: str,
    expected: list[tuple[str, str | None, str]],
) -> None:
    events = _events(parse(text), word, book)
    assert _codes(events) == expected
    assert all((e.doc_id, e.date) == ("doc1", "2024-03-01") for e in events)


def test_build_match_events_says_why_a_code_changed(parse: Parse, book: PatternBook) -> None:
    (event,) = _events(parse("Nigerian soldiers fired on protesters in Lagos."), "fired", book)
    assert event.pattern.endswith(" (force against protesters)")


def test_build_match_events_quoted_claim_is_the_speakers_accusation(
    parse: Parse, book: PatternBook
) -> None:
    p = parse('"Russian drones struck the power plant," the official said.')
    found = {m.token.i: m for m in find_matches(p.doc, p.actors, book, get_ontology())}
    match = found[p["struck"].i]
    match.claimed_by = Actor("the official", "UKRGOV", "UKR", "GOV")
    (event,) = match_events(match, p.actors, get_ontology(), "", None)
    assert (event.actor.code, event.recipient and event.recipient.code, event.cameo) == (
        "UKRGOV",
        "RUS",
        "112",
    )
    assert event.pattern.endswith(" (quoted claim)")


def test_build_event_takes_its_record_from_the_ontology(parse: Parse) -> None:
    p = parse("Peru criticised Chile.")
    peru, chile = Actor("Peru", "PER", "PER", None, None, 0, 4), Actor("Chile", "CHL", "CHL", None)
    event = build_event(get_ontology(), "111", p["criticised"], peru, chile, 0, p.doc.text, "x:1")
    info = get_ontology()["111"]
    assert (event.event_type, event.cameo_root, event.quad_class, event.goldstein) == (
        info.event_type,
        "11",
        3,
        -2.0,
    )
    assert (event.trigger.text, event.trigger.start, event.trigger.end) == ("criticised", 5, 15)
    assert (event.actor, event.recipient, event.pattern) == (peru, chile, "x:1")
    assert not event.is_root and not event.negated


# domestic() reads only the trigger's offset (for a recipient the text does not name)
SENTENCE = "Kenyan police arrested forty protesters."


@pytest.mark.parametrize(
    ("actor", "recipient", "cameo", "expected"),
    [
        # a protest by a country's people with no target: at its authorities
        (Actor("Greek farmers", "GRCAGR", "GRC", "AGR"), None, "143", ("GRC", "GRC", None)),
        # a state's repression of people of no stated country: of its own people
        (
            Actor("police", "KENCOP", "KEN", "COP"),
            Actor("protesters", "---CVL", None, "CVL"),
            "173",
            ("KENCVL", "KEN", "CVL"),
        ),
        # a country reversing its own restrictions (081): for its people
        (Actor("Nepal", "NPL", "NPL", None), None, "081", ("NPL", "NPL", None)),
    ],
)
def test_build_domestic_recipient(
    parse: Parse,
    actor: Actor,
    recipient: Actor | None,
    cameo: str,
    expected: tuple[str, str, str | None],
) -> None:
    found = domestic(actor, recipient, cameo, parse(SENTENCE)["arrested"])
    assert found is not None and found.kind == "domestic"
    assert (found.code, found.country, found.sector) == expected
    assert found.text == (recipient.text if recipient is not None else "")


@pytest.mark.parametrize(
    ("actor", "recipient", "cameo"),
    [
        # a target of known country is kept
        (Actor("police", "KENCOP", "KEN", "COP"), Actor("Somalis", "SOM", "SOM", None), "173"),
        # an actor of no country, a protest by the state itself, an army (often abroad)
        (Actor("gunmen", "---UAF", None, "UAF"), None, "173"),
        (Actor("the ministry", "GRCGOV", "GRC", "GOV"), None, "143"),
        (Actor("the army", "KENMIL", "KEN", "MIL"), None, "173"),
        # easing sanctions is international; a bare country yields to someone
        (Actor("Nepal", "NPL", "NPL", None), None, "085"),
        (Actor("Hungary", "HUN", "HUN", None), None, "084"),
        # other acts are no domestic ones
        (Actor("Nepal", "NPL", "NPL", None), None, "190"),
    ],
)
def test_build_domestic_leaves_the_recipient(
    parse: Parse, actor: Actor, recipient: Actor | None, cameo: str
) -> None:
    assert domestic(actor, recipient, cameo, parse(SENTENCE)["arrested"]) is recipient


def _event(p: Parsed, word: str, actor: str, recipient: str | None, sentence: int = 0) -> Event:
    return build_event(
        get_ontology(),
        "190",
        p[word],
        Actor(actor, actor, actor, None),
        Actor(recipient, recipient, recipient, None) if recipient else None,
        sentence,
        "",
        "",
    )


def test_build_drop_subsumed_keeps_the_event_with_a_recipient(parse: Parse) -> None:
    p = parse("Russia attacked. Russia attacked Ukraine. Ukraine attacked.")
    alone = _event(p, "attacked", "RUS", None, 1)
    aimed = _event(p, "attacked#2", "RUS", "UKR", 1)
    elsewhere = _event(p, "attacked", "RUS", None, 0)  # another sentence
    other = _event(p, "attacked#3", "UKR", None, 1)  # another actor
    assert drop_subsumed([alone, aimed, elsewhere, other]) == [aimed, elsewhere, other]


def test_build_mark_roots_marks_the_event_nearest_the_root(parse: Parse) -> None:
    p = parse("Peru protested after Chilean troops shelled Bolivia. Bolivia thanked Brazil.")
    events = [
        _event(p, "protested", "PER", "CHL"),
        _event(p, "shelled", "CHL", "BOL"),
        _event(p, "thanked", "BOL", "BRA", 1),
    ]
    mark_roots(p.doc, events)
    assert [e.is_root for e in events] == [True, False, True]
