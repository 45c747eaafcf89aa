"""One noun phrase -> one actor (eventcoder.actors.phrase): names, adjectives, capitals, titles,
IGOs, armed groups, posts, places and what the document fills in."""

from __future__ import annotations

import pytest
from conftest import DATA, doc_actors, subjects
from spacy.language import Language

from eventcoder.tsv import read_tsv

ROWS = list(read_tsv(DATA / "actors.tsv", ("text", "country", "sector", "kind")))


@pytest.mark.parametrize("row", ROWS, ids=[r["text"] for r in ROWS])
def test_phrase_table(nlp: Language, row: dict[str, str | None]) -> None:
    doc, actors = doc_actors(nlp, row["text"] or "")
    root = next(t for t in doc if t.head.i == t.i)
    actor = actors.resolve(root)
    assert actor is not None, row
    assert actor.country == row["country"]
    if row["sector"] is not None:
        assert actor.sector == row["sector"]


@pytest.mark.parametrize(
    ("text", "subject", "codes"),
    [
        # "the group" is the last armed group named before it
        ("Taliban fighters attacked Kabul. The group said it would go on.", "group", ["AFGREB"]),
        # an affiliation is not the phrase's own country
        ("Pro-Russia rebels shelled the town.", "rebels", ["---REB"]),
        ("Iran-backed militias attacked a base.", "militias", ["---REB"]),
        # where a national body sits says whose it is
        ("Congress in Buenos Aires approved the budget.", "Congress", ["ARGLEG"]),
        # "thousands of protesters": the protesters
        ("Thousands of protesters marched in Nairobi.", "Thousands", ["---CVL"]),
        # a role "from" a body takes the body's country
        ("Ministers from the Georgian government met the protesters.", "Ministers", ["GEOGOV"]),
        # a role word alone: CAMEO's unknown country
        ("The spokesman criticised Pakistan.", "spokesman", ["---GOV"]),
        # a person the dictionaries do not know, with a title and no country: the title's sector
        # of unknown country, which the event's place may fill in (coding/unnamed.py)
        ("President Abdou Kante criticised Pakistan.", "Kante", ["---GOV"]),
        # a word that is no role names no one
        ("Military exercises began on Monday.", "exercises", []),
        # a definite phrase repeating an earlier phrase's head is what that phrase named
        ("Eight Thai tanks crossed the border. The tanks shelled a village.", "tanks", ["THA"]),
        ("Houthi rebels seized a ship. Later the rebels hit a tanker.", "rebels", ["YEMREB"]),
        # ... only the nearest such phrase, in its sentence or the two before
        (
            "Houthi rebels seized a ship. Other rebels fled. The rebels hit a tanker.",
            "rebels",
            ["---REB"],
        ),
        (
            "Houthi rebels seized a ship. Oil rose. Shares fell. The rebels hit a tanker.",
            "rebels",
            ["---REB"],
        ),
        # ... and not when the phrase says whose it is
        ("Houthi rebels seized a ship. The Somali rebels hit a tanker.", "rebels", ["SOMREB"]),
    ],
)
def test_phrase_fills_country_and_sector(
    nlp: Language, text: str, subject: str, codes: list[str]
) -> None:
    assert subjects(nlp, text)[subject] == codes


def test_phrase_the_group_is_the_last_group_named(nlp: Language) -> None:
    text = (
        "Taliban fighters attacked a checkpoint in Kandahar on Monday. "
        "The group's leader, Ahmad Shah, threatened Pakistan. "
        "Shah said the group would attack India."
    )
    doc = nlp(text)
    codes = {e.trigger.text: e.actor.code for e in doc._.events}
    assert codes["threatened"] == "AFGREB"
    assert {e.actor.name for e in doc._.events if e.trigger.text == "threatened"} == {"Ahmad Shah"}


def test_phrase_repeated_head_codes_its_events(nlp: Language) -> None:
    doc = nlp(
        "Eight Thai tanks crossed into Cambodia on Monday. The tanks shelled a Cambodian village."
    )
    [event] = [e for e in doc._.events if e.trigger.text == "shelled"]
    assert (event.actor.code, event.actor.kind, event.cameo) == ("THA", "anaphor", "194")


def test_phrase_role_from_a_named_body(nlp: Language) -> None:
    found = subjects(nlp, "Ministers from the Georgian government met the protesters.")
    assert found["Ministers"] == ["GEOGOV"]
    found = subjects(nlp, "Negotiators from Armenia and Azerbaijan held talks in Washington.")
    assert sorted(found["Negotiators"]) == ["ARMGOV", "AZEGOV"]
