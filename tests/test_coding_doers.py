"""Who does an act (:mod:`eventcoder.coding.doers`): the clause's subject, own or inherited, a
passive's by-phrase, whoever fired a weapon, the doer of a nominal act; accidents are no one's."""

from __future__ import annotations

import pytest
from conftest import Parse, Triple, coded, typed
from spacy.language import Language

from eventcoder.coding import doers
from eventcoder.coding.patterns import PatternBook


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # passive voice: the by-phrase acts, the subject receives
        (
            "Two Indian fishermen were arrested by the Sri Lankan navy.",
            ("LKA", "IND", "COERCE", "173"),
        ),
        # a weapon is the instrument: the actor is whoever fired it
        (
            "A Ukrainian fuel depot was hit by a missile fired by Russian forces.",
            ("RUS", "UKR", "ASSAULT", "194"),  # a missile, not the strike rows' aerial 195
        ),
        # "killed in Russian artillery shelling" parsed with a verb "shelling"
        (
            "Six people were killed in Russian tank shelling in the east of Kharkiv.",
            ("RUS", "UKR", "ASSAULT", "194"),
        ),
        # killed in someone's strike, fire or operation: theirs
        (
            "Two Hamas commanders were killed in an Israeli drone strike in Rafah.",
            ("ISR", "PSE", "ASSAULT", "195"),
        ),
        # "Russian missiles killed ...", parsed as a noun with a participle
        ("Russian drone strikes killed nine civilians in Odesa.", ("RUS", "UKR", "ASSAULT", "195")),
        # a weapon's actor is whoever launched it
        (
            "Drones launched by Houthi rebels struck an air base in Saudi Arabia.",
            ("YEM", "SAU", "ASSAULT", "195"),
        ),
        # "be opposed to" states the subject's stance: the subject opposes
        ("Israel is opposed to French mediation.", ("ISR", "FRA", "REJECT", "126")),
        ("Turkey is opposed to the US plan for Syria.", ("TUR", "USA", "REJECT", "127")),
        ("Chad opposed the deployment of French troops.", ("TCD", "FRA", "REJECT", "120")),
        ("The plan was opposed by Russia.", ("RUS", None, "REJECT", "127")),
        # a titled person the dictionaries do not know takes the country of where they act
        (
            "President Abdou Kante threatened to impose a curfew in Bamako.",
            ("MLI", "MLI", "THREATEN", "130"),
        ),
    ],
)
def test_doers_construction(nlp: Language, text: str, expected: Triple) -> None:
    assert expected in coded(nlp, text)


@pytest.mark.parametrize(
    "text",
    [
        # an accident is no one's act
        "Twelve pilgrims were killed by a landslide in northern India.",
    ],
)
def test_doers_no_event(nlp: Language, text: str) -> None:
    assert typed(nlp, text) == []


@pytest.mark.parametrize(
    ("text", "verb", "doer"),
    [
        # object control: the object of "urged" is the one to act
        ("Britain urged Iran to release the sailors.", "release", ["Iran"]),
        # a relative clause: the noun it describes
        ("The militia that shelled the village withdrew.", "shelled", ["militia"]),
        # a passive: its by-phrase, not its subject
        ("Two villagers were abducted by militiamen.", "abducted", ["militiamen"]),
        # an accident is no one
        ("Twelve miners were killed by a flood.", "killed", []),
        # a weapon is the instrument of whoever fired it
        ("A school was hit by a rocket fired by insurgents.", "hit", ["insurgents"]),
        ("Drones launched by militants struck the port.", "struck", ["militants"]),
        # fired from a named place, with no by-phrase
        ("Rockets were fired from Gaza at Ashkelon.", "fired", ["Gaza"]),
        # killed in someone's strike: the words that say whose
        ("Four soldiers were killed in a Turkish air strike.", "killed", ["Turkish", "air"]),
        # "accused X of arming": X arms
        ("Kenya accused Uganda of arming the rebels.", "arming", ["Uganda"]),
        # a passive with no by-phrase passes its subject on ("is scheduled to visit")
        ("The envoy is scheduled to visit Cairo.", "visit", ["envoy"]),
        # a passive participle on a noun: only its by-phrase acts
        ("A journalist jailed by Iran was freed.", "jailed", ["Iran"]),
        ("A journalist jailed last year was freed.", "jailed", []),
        # a present participle on a noun: the noun acts
        ("Troops guarding the border fired shots.", "guarding", ["Troops"]),
        # conjoined verbs and participle clauses inherit the subject
        ("Russia attacked and captured the town.", "captured", ["Russia"]),
        ("Egypt and Jordan condemned the raid, calling it a crime.", "calling", ["Egypt"]),
    ],
)
def test_doers_subject(parse: Parse, text: str, verb: str, doer: list[str]) -> None:
    assert [t.text for t in doers.subject(parse(text)[verb])] == doer


def test_doers_subject_of_a_passive_in_a_nominal_act_needs_it_as_a_trigger(
    parse: Parse, book: PatternBook
) -> None:
    # "raid" is no attack word of its own (ATTACKS); as a nominal trigger it is someone's act
    killed = parse("Four soldiers were killed in a Turkish air raid.")["killed"]
    assert doers.subject(killed) == []
    assert [t.text for t in doers.subject(killed, book.nouns)] == ["Turkish", "air"]


def test_doers_wielder_of_a_weapon(parse: Parse) -> None:
    p = parse("A school was hit by a rocket fired by insurgents.")
    assert doers.wielder(p["rocket"]) == [p["insurgents"]]
    assert doers.wielder(p["insurgents"]) == [p["insurgents"]]  # not a weapon: itself
    p = parse("A school was hit by a rocket.")
    assert doers.wielder(p["rocket"]) == [p["rocket"]]  # no one said to have fired it


@pytest.mark.parametrize(
    ("text", "noun", "doer"),
    [
        ("Israel condemned Hezbollah's attack on the town.", "attack", ["Hezbollah"]),
        ("Paris condemned the arrest of three reporters by the police.", "arrest", ["police"]),
        ("Britain protested against the seizure by Iran of a tanker.", "seizure", ["Iran"]),
        ("Britain protested against the seizure of a tanker.", "seizure", []),
    ],
)
def test_doers_nominal_doers(parse: Parse, text: str, noun: str, doer: list[str]) -> None:
    assert [t.text for t in doers.nominal_doers(parse(text)[noun])] == doer
