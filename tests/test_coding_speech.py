"""Speech acts whose clause says what the event is (:mod:`eventcoder.coding.speech`): claims,
demands, allegations, warnings, orders to leave, threats' conditions, quoted claims."""

from __future__ import annotations

from pathlib import Path

import pytest
from conftest import Parse, Parsed, Triple, coded, event_types, triggered, typed
from spacy.language import Language

from eventcoder.coding.patterns import Match, PatternBook
from eventcoder.coding.speech import (
    claim,
    expulsion,
    quoted_claim,
    threat_condition,
    warning,
)
from eventcoder.ontology import get_ontology
from eventcoder.records import Actor


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # X accused Y of ...
        ("Pakistan accused India of sponsoring terrorism.", ("PAK", "IND", "ACCUSE", "112")),
        # reported speech: the speaker's claim is the speaker's event
        (
            "Kabul said Pakistani forces had shelled its border posts.",
            ("AFG", "PAK", "ACCUSE", "112"),
        ),
        # "X said Y must do": a demand on Y, not the act
        (
            "Brazil's foreign minister said Venezuela must hold free elections.",
            ("BRA", "VEN", "REQUEST", "100"),
        ),
        # a threat is aimed at whoever its condition is about
        (
            "Pyongyang said it would use its nuclear weapons if South Korea crossed the red line.",
            ("PRK", "KOR", "THREATEN", "138"),
        ),
        # the condition may hang on the threatened act
        (
            "Turkey threatened to strike militant camps in Iraq if Baghdad failed to act.",
            ("TUR", "IRQ", "THREATEN", "138"),
        ),
        # an order to leave is an expulsion; of an envoy, reduced relations; of a body, 166
        ("Chad ordered 20 Chinese workers to leave the country.", ("TCD", "CHN", "COERCE", "174")),
        (
            "Mali ordered the French ambassador to leave the country.",
            ("MLI", "FRA", "SANCTION", "161"),
        ),
        (
            "Burundi ordered the UN human rights office to close and leave the country.",
            ("BDI", "IGO", "SANCTION", "166"),
        ),
        # an allegation accuses the side it is about (a text speaks for whoever issued it)
        (
            "A report released in Kinshasa alleged that Rwanda had armed the M23 rebels.",
            ("COD", "RWA", "ACCUSE", "112"),
        ),
        # what another side must do is demanded of it, whatever speech verb tells it
        ("Britain reiterated that Libya must hand over the suspects.", ("GBR", "LBY", "REQUEST", "100")),
        ("The United States declared that China must drop its barriers.", ("USA", "CHN", "REQUEST", "100")),
        # rebels are a side apart from their government
        ("Rwandan rebels announced that President Kagame must agree to changes.",
         ("RWA", "RWA", "REQUEST", "100")),
        # a subject parsed as a clause ("The Red Cross operating in Iraq said"): its subject speaks
        ("The Red Cross operating in Iraq said US forces must ensure security.",
         ("IGO", "USA", "REQUEST", "100")),
        # a demand or reminder noun: who is asked is its that-clause's subject, and what is
        # asked is not done
        ("The ILO reiterated its demand that Israel ease restrictions on workers.",
         ("IGO", "ISR", "REQUEST", "100")),
        ("France issued a reminder to Iraq that it must cooperate with the inspectors.",
         ("FRA", "IRQ", "REQUEST", "100")),
    ],
)  # fmt: skip
def test_speech_construction(nlp: Language, text: str, expected: Triple) -> None:
    assert expected in coded(nlp, text)


@pytest.mark.parametrize(
    "text",
    [
        "Officials said the weather in Paris was fine.",
        # an allegation by a party of no known side does not establish the act
        "Opposition activists alleged that Venezuelan police beat detained protesters.",
        # a side's claim of its own act is a statement, not a report of the act
        "The rebels claimed that they had attacked an army base.",
    ],
)
def test_speech_no_event(nlp: Language, text: str) -> None:
    assert typed(nlp, text) == []


@pytest.mark.parametrize(
    ("text", "absent"),
    [
        # a warning about what a third party may do is no threat by the speaker
        ("Chad asked France to stay, warning that Boko Haram could seize the capital.", "THREATEN"),
    ],
)
def test_speech_not_coded_as(nlp: Language, text: str, absent: str) -> None:
    types = event_types(nlp, text)
    assert types and absent not in types


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a reported act is the act, with the acts that go with it ("..., killing nine"), and
        # the speaker, a party to it, accuses the doer
        (
            "Ukraine's defence ministry said Russia had launched 300 missiles at Kyiv, killing "
            "nine people.",
            {
                ("UKR", "RUS", "ACCUSE", "112"),
                ("RUS", "UKR", "ASSAULT", "194"),
                # the killing carries the missile fire on; the people killed were in Kyiv
                ("RUS", "UKR", "ASSAULT", "194"),
            },
        ),
        # told by a third party, the act only
        (
            "Human Rights Watch said Ethiopian troops had shelled villages in Tigray.",
            {("ETH", "ETH", "ASSAULT", "194")},
        ),
        # in a direct quote the act is the speaker's words: the accusation only
        (
            '"Russia shelled our cities," Zelensky said.',
            {("UKR", "RUS", "ACCUSE", "112")},
        ),
    ],
)
def test_speech_codes_only(nlp: Language, text: str, expected: set[Triple]) -> None:
    assert coded(nlp, text) == expected


@pytest.mark.parametrize(
    ("text", "code"),
    [
        ("Libya ordered 30 Egyptian labourers to leave the country.", "174"),  # people: expelled
        ("Sudan ordered the Kenyan envoy to leave within 72 hours.", "161"),  # an envoy
        ("Eritrea ordered the UN refugee agency to leave.", "166"),  # an international body
        ("Eritrea ordered Oxfam to pack up and leave.", "166"),  # an aid body, conjoined leaving
        ("Eritrea ordered the UN refugee agency to stop its work.", "100"),  # no order to leave
    ],
)
def test_speech_expulsion_codes(parse: Parse, book: PatternBook, text: str, code: str) -> None:
    p = parse(text)
    match = triggered(p, book)[p["ordered"].i]
    expulsion(match, p.actors)
    assert match.code == code


def _claim(
    p: Parsed, book: PatternBook, word: str, reported: str = "both"
) -> tuple[Match, dict[int, Match]]:
    found = triggered(p, book)
    match = found[p[word].i]
    claim(match, found, p.actors, get_ontology(), reported=reported)
    return match, found


@pytest.mark.parametrize(
    ("reported", "accusation", "act"),
    [("both", True, True), ("act", False, True), ("accusation", True, False)],
)
def test_speech_reported_acts_by_option(
    parse: Parse, book: PatternBook, reported: str, accusation: bool, act: bool
) -> None:
    p = parse("Kabul said Pakistani forces had shelled its border posts.")
    said, found = _claim(p, book, "said", reported)
    assert (said.token.i in found) == accusation
    assert (found[p["shelled"].i].suppressed_by is None) == act


def test_speech_reported_option_through_load() -> None:
    import eventcoder

    text = "Kabul said Pakistani forces had shelled its border posts."
    for reported, codes in [("both", ["112", "194"]), ("act", ["194"]), ("accusation", ["112"])]:
        nlp = eventcoder.load(reported=reported)
        assert sorted(e.cameo for e in eventcoder.code(text, nlp=nlp)) == codes
    with pytest.raises(ValueError, match="reported='some'"):
        eventcoder.load(reported="some")


def test_speech_claim_of_another_side_is_the_speakers_accusation(
    parse: Parse, book: PatternBook
) -> None:
    p = parse("Tehran said Israeli jets had bombed the airport.")
    said, found = _claim(p, book, "said")
    assert said.recipient_heads == [p["jets"]] and said.code == "112"
    # the reported act stays an act of its own (reported="both", the default)
    assert found[p["bombed"].i].suppressed_by is None


@pytest.mark.parametrize(
    "text",
    [
        "Tehran said Iran had bombed the airport.",  # its own side's act
        "A newspaper said Israeli jets had bombed the airport.",  # the media reporting
        "Tehran said the talks were useful.",  # no hostile act
    ],
)
def test_speech_claim_row_without_an_accusation_is_dropped(
    parse: Parse, book: PatternBook, text: str
) -> None:
    p = parse(text)
    said, found = _claim(p, book, "said")
    assert said.token.i not in found
    assert all(m.suppressed_by is None for m in found.values())  # the act is told as done


def test_speech_claim_that_another_side_must_act_is_a_demand(
    parse: Parse, book: PatternBook
) -> None:
    p = parse("Tehran said Israel must end the raids.")
    said, _ = _claim(p, book, "said")
    assert (said.code, said.recipient_heads) == ("100", [p["Israel"]])
    # "must defend itself": no demand on anyone
    said, _ = _claim(parse("Tehran said it must defend itself."), book, "said")
    assert said.code == "112"


def test_speech_claim_what_is_alleged_or_accused_of_is_not_done(
    parse: Parse, book: PatternBook
) -> None:
    p = parse("A rights group alleged that Ugandan soldiers tortured detainees.")
    _, found = _claim(p, book, "alleged")
    assert found[p["tortured"].i].suppressed_reason == "alleged, not reported as done"
    p = parse("Kenya accused Uganda of arming the rebels.")
    _, found = _claim(p, book, "accused")
    assert found[p["arming"].i].suppressed_reason == "what the actor is accused of"


@pytest.mark.parametrize(
    ("text", "threat"),
    [
        # about a third party: no threat by the speaker
        ("Somalia warned Kenya that al-Shabaab would retake the towns.", False),
        # about the speaker's own act, or the warned side's
        ("Somalia warned Kenya that it would retaliate.", True),
        ("Somalia warned Kenya that Kenya would pay.", True),
    ],
)
def test_speech_warning(parse: Parse, book: PatternBook, text: str, threat: bool) -> None:
    p = parse(text)
    match = triggered(p, book)[p["warned"].i]
    warning(match, p.actors)
    assert (match.suppressed_by is None) is threat


@pytest.mark.parametrize(
    "text",
    [
        "Seoul threatened to respond if Pyongyang tested another missile.",
        "Seoul threatened retaliation if Pyongyang tested another missile.",
    ],
)
def test_speech_threat_condition_gives_the_target(
    parse: Parse, book: PatternBook, text: str
) -> None:
    p = parse(text)
    match = triggered(p, book)[p["threatened"].i]
    assert match.recipient_heads == []
    threat_condition(match, p.actors)
    assert match.recipient_heads == [p["Pyongyang"]]


@pytest.mark.parametrize(
    ("speaker", "claimed"),
    [
        (Actor("the governor", "UKRGOV", "UKR", "GOV"), True),
        (Actor("the spokesman", "RUSGOV", "RUS", "GOV"), False),  # its own side's act
    ],
)
def test_speech_quoted_claim(
    parse: Parse, book: PatternBook, speaker: Actor, claimed: bool
) -> None:
    p = parse('"Russian drones struck the power plant," the official said.')
    for tok in p.doc[: p["said"].i]:
        p.actors.speakers[tok.i] = speaker  # as the pipeline sets a direct quote's speaker
    match = triggered(p, book)[p["struck"].i]
    quoted_claim(match, p.actors, get_ontology())
    assert (match.claimed_by is speaker) is claimed


def test_speech_reported_option_on_the_command_line(tmp_path: Path) -> None:
    import json

    from typer.testing import CliRunner

    from eventcoder.cli import app

    inputs = tmp_path / "in.jsonl"
    text = "Kabul said Pakistani forces had shelled its border posts."
    inputs.write_text(json.dumps({"id": "a", "text": text}) + "\n", encoding="utf-8")
    for reported, codes in [("both", ["112", "194"]), ("act", ["194"]), ("accusation", ["112"])]:
        args = ["code", str(inputs), "-o", "-", "--reported", reported, "--workers", "1"]
        result = CliRunner().invoke(app, args)
        assert result.exit_code == 0, result.stderr
        assert sorted(json.loads(line)["cameo"] for line in result.stdout.splitlines()) == codes
    result = CliRunner().invoke(app, ["code", str(inputs), "--reported", "some"])
    assert result.exit_code == 2
