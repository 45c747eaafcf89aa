"""Recipients the text does not name (:mod:`eventcoder.coding.inferred`): reactions answer an
earlier act; a quote's call against a party it does not name."""

from __future__ import annotations

import pytest
from conftest import Dyad, Parse, dyads
from spacy.language import Language
from spacy.tokens import Token

from eventcoder.coding.build import build_event
from eventcoder.coding.inferred import reactions, unnamed_party_events
from eventcoder.coding.patterns import PatternBook
from eventcoder.ontology import get_ontology
from eventcoder.records import Actor, Event


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a reaction with no recipient answers the last hostile act against the reactor's side
        (
            "Britain imposed sanctions on Monday on three Iranian banks. Tehran said it would "
            "retaliate.",
            ("IRN", "GBR", "THREATEN"),
        ),
        # praise or welcome answers the last act of another side
        (
            "Armenia released 20 Azerbaijani prisoners on Friday. Baku welcomed the move.",
            ("AZE", "ARM", "SUPPORT"),
        ),
    ],
)
def test_inferred_across_the_article(nlp: Language, text: str, expected: Dyad) -> None:
    assert expected in dyads(nlp, text)


def _event(tok: Token, actor: str, cameo: str, recipient: str | None, sentence: int) -> Event:
    def who(code: str) -> Actor:
        return Actor(code, code, None if code.startswith("---") else code[:3], code[3:] or None)

    return build_event(
        get_ontology(),
        cameo,
        tok,
        who(actor),
        who(recipient) if recipient else None,
        sentence,
        "",
        "",
    )


@pytest.fixture(scope="module")
def tok(parse: Parse) -> Token:
    """A trigger for hand-built events (reactions reads only their codes and sentences)."""
    return parse("Tehran retaliated.")["retaliated"]


@pytest.mark.parametrize(
    ("before", "reaction", "answers"),
    [
        # a threat answers the last hostile act against the reactor's side
        ([("GBR", "163", "IRN", 0), ("FRA", "190", "SYR", 0)], ("IRN", "138", 1), "GBR"),
        # else the last hostile act by another side
        ([("FRA", "190", "SYR", 0), ("USA", "040", "FRA", 0)], ("IRN", "111", 1), "FRA"),
        # praise or a welcome answers the last act by another party
        ([("ARM", "0841", "AZE", 0)], ("AZE", "051", 1), "ARM"),
        # rebels are another party than their country's government
        ([("SOMREB", "0841", None, 0)], ("SOMGOV", "051", 1), "SOMREB"),
        # only this and the two sentences before
        ([("GBR", "163", "IRN", 0)], ("IRN", "138", 3), None),
        # not an actor of no known country
        ([("---UAF", "190", "IRN", 0)], ("IRN", "138", 1), None),
        # not the reactor's own side
        ([("IRNMIL", "190", "SYR", 0)], ("IRNGOV", "111", 1), None),
        # only a verbal conflict act (09-13) or praise is a reaction
        ([("GBR", "163", "IRN", 0)], ("IRN", "190", 1), None),
    ],
)
def test_inferred_reactions(
    tok: Token,
    before: list[tuple[str, str, str | None, int]],
    reaction: tuple[str, str, int],
    answers: str | None,
) -> None:
    actor, cameo, sentence = reaction
    events = [_event(tok, a, c, r, s) for a, c, r, s in before]
    events.append(_event(tok, actor, cameo, None, sentence))
    reactions(events)
    recipient = events[-1].recipient
    assert (recipient.code if recipient else None) == answers
    if recipient is not None:
        assert recipient.kind == "inferred"
    assert all(e.recipient is None or e.recipient.kind != "inferred" for e in events[:-1])


def test_inferred_reactions_leave_a_named_recipient(tok: Token) -> None:
    events = [_event(tok, "GBR", "163", "IRN", 0), _event(tok, "IRN", "138", "USA", 1)]
    reactions(events)
    assert events[1].recipient is not None and events[1].recipient.code == "USA"


@pytest.mark.parametrize(
    ("first", "quote", "expected"),
    [
        # a call on the world against "this aggressor": criticism (111) of the side the
        # speaker's hostile act just before was aimed at
        ("accused Azerbaijan of shelling its villages", "The world must sanction", "111"),
        # the speaker's own side's act keeps its code
        ("accused Azerbaijan of shelling its villages", "We must sanction", "163"),
        # no hostile act before the quote: no one to infer
        ("praised Azerbaijan", "The world must sanction", None),
    ],
)
def test_inferred_unnamed_party_events(
    nlp: Language, parse: Parse, book: PatternBook, first: str, quote: str, expected: str | None
) -> None:
    p = parse(
        f'Armenia {first} on Monday. "{quote} this aggressor," the Armenian foreign minister said.'
    )
    events = [e for e in p.doc._.events if not (e.recipient and e.recipient.kind == "inferred")]
    out = unnamed_party_events(
        p.doc,
        p.actors,
        p.doc._.quotes,
        events,
        book=book,
        ontology=get_ontology(),
        unnamed=frozenset(nlp.get_pipe("eventcoder").cues.unnamed),  # type: ignore[attr-defined]
        doc_id="",
        date=None,
    )
    assert [e.cameo for e in out] == ([expected] if expected else [])
    for event in out:
        assert (event.actor.code, event.recipient and event.recipient.code) == ("ARMGOV", "AZE")
        assert event.recipient is not None and event.recipient.kind == "inferred"
        assert event.recipient.text == "this aggressor"
        assert event.pattern.endswith(" (call against an unnamed party)")
