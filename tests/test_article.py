"""The user's article, end to end: the acceptance case of the core coder."""

from __future__ import annotations

import pytest
from conftest import ARTICLE
from spacy.language import Language

import eventcoder
from eventcoder.evaluate import country
from eventcoder.ontology import get_ontology
from eventcoder.records import Event


@pytest.fixture(scope="module")
def events(nlp: Language) -> list[Event]:
    text = ARTICLE.read_text(encoding="utf-8")
    return eventcoder.code(text, date="2016-09-09", doc_id="article", nlp=nlp)


def _triples(events: list[Event]) -> set[tuple[str | None, str | None, str | None]]:
    return {(country(e.actor), country(e.recipient), e.event_type) for e in events}


@pytest.mark.parametrize(
    ("actor", "recipient", "event_type", "what"),
    [
        ("USA", "PAK", "REQUEST", "the US urges Pakistan to act against safe havens"),
        ("IND", "PAK", "ACCUSE", "Modi lashes out against Pakistan"),
        ("PAK", "IND", "ACCUSE", "Pakistan accuses India of destabilising it"),
    ],
)
def test_article_finds_required_event(
    events: list[Event], actor: str, recipient: str, event_type: str, what: str
) -> None:
    assert (actor, recipient, event_type) in _triples(events), what


def test_article_events_carry_evidence(events: list[Event]) -> None:
    text = ARTICLE.read_text(encoding="utf-8")
    for event in events:
        assert event.doc_id == "article"
        # The article's date, or the day its sentence names ("yesterday": 8 September).
        assert event.date == ("2016-09-08" if event.date_text == "yesterday" else "2016-09-09")
        assert text[event.trigger.start : event.trigger.end] == event.trigger.text
        assert event.trigger.text in event.sentence
        assert text[event.actor.start : event.actor.end] == event.actor.text
        assert event.pattern.split(":")[0] in ("verbs.tsv", "nouns.tsv")
        assert event.goldstein == get_ontology()[event.cameo].goldstein


def test_article_request_is_an_appeal_with_its_codes(events: list[Event]) -> None:
    request = next(e for e in events if country(e.actor) == "USA" and e.event_type == "REQUEST")
    assert request.cameo.startswith("02")
    assert request.cameo_root == "02"
    assert request.quad_class == 1
    assert request.actor.code.startswith("USA")
    assert request.recipient is not None and request.recipient.code.startswith("PAK")


def test_article_pakistan_accusation_is_cameo_112(events: list[Event]) -> None:
    accuse = next(
        e
        for e in events
        if country(e.actor) == "PAK"
        and country(e.recipient) == "IND"
        and e.trigger.text == "accusing"
    )
    assert accuse.cameo == "112"
    assert accuse.mode == "disapprove"
    assert accuse.quad_class == 3
    assert accuse.goldstein < 0


def test_article_title_memory_finds_the_prime_minister(events: list[Event]) -> None:
    # "the second attack by the Prime Minister on Islamabad": the Prime Minister is Modi,
    # introduced by name and title earlier in the article.
    (attack,) = [e for e in events if e.trigger.text == "attack"]
    assert (attack.actor.code, attack.actor.name) == ("INDGOV", "Narendra Modi")
    assert attack.recipient is not None and attack.recipient.code == "PAK"
    assert attack.event_type == "ACCUSE"


def test_article_speakers_resolve_through_titles(events: list[Event]) -> None:
    names = {e.actor.name for e in events if e.actor.name}
    assert {"Mark Toner", "Narendra Modi"} <= names
