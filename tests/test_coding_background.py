"""What is background, not news (:mod:`eventcoder.coding.background`): acts another trigger
governs, relative clauses, reasons and purposes, topics, charges, conditions, refusals, calls and
reports."""

from __future__ import annotations

import pytest
from conftest import Triple, coded, event_types, typed
from spacy.language import Language


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a threat takes its kind and its target from the act threatened
        ("North Korea threatened to strike Seoul.", ("PRK", "KOR", "THREATEN", "138")),
        ("India threatened to impose sanctions on Pakistan.", ("IND", "PAK", "THREATEN", "131")),
        # weighing an act is not doing it
        (
            "The European Union is considering imposing sanctions on Iran.",
            ("IGO", "IRN", None, "014"),
        ),
    ],
)
def test_background_construction(nlp: Language, text: str, expected: Triple) -> None:
    assert expected in coded(nlp, text)


@pytest.mark.parametrize(
    "text",
    [
        "The group that attacked Kenya last year issued a statement.",  # background relative clause
        # what is denied is not an act
        "Rwanda denied that its soldiers had attacked Congolese villages.",
    ],
)
def test_background_no_event(nlp: Language, text: str) -> None:
    assert typed(nlp, text) == []


@pytest.mark.parametrize(
    ("text", "absent"),
    [
        # summoning an envoy "to protest" is the protest; no demonstration besides
        ("Algeria summoned the French ambassador to protest against the remarks.", "PROTEST"),
    ],
)
def test_background_not_coded_as(nlp: Language, text: str, absent: str) -> None:
    types = event_types(nlp, text)
    assert types and absent not in types


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # the reason an act is done over is background
        (
            "Germany suspended aid to Rwanda over its support for the M23 rebels.",
            {("DEU", "RWA", "SANCTION", "162")},
        ),
        # the topic of talks is no act
        (
            "Qatar's foreign minister held talks with an Israeli delegation on ending the "
            "fighting in Gaza.",
            {("QAT", "ISR", "CONSULT", "046")},
        ),
        # what someone is charged with is no act
        (
            "A Tunisian court jailed a blogger on charges of insulting the president.",
            {("TUN", "TUN", "COERCE", "173")},
        ),
        # a condition is no act
        (
            "Hamas said it was willing to free the hostages in exchange for an Israeli withdrawal.",
            {("PSE", None, "AGREE", "035")},
        ),
        # any attempt is no act
        ("The Lebanese militia said it would fight any attempt to disarm its fighters.", set()),
        # what is demanded, with everything conjoined to it
        (
            "The Somali army chief demanded that al-Shabaab leave the town and hand over "
            "their weapons.",
            {("SOM", "SOM", "REQUEST", "100")},
        ),
        # what is warned or urged against, or refrained from, is not done
        (
            "China warned the United States against selling arms to Taiwan.",
            {("CHN", "USA", "THREATEN", "130")},
        ),
        (
            "The EU urged Serbia to refrain from sending troops to Kosovo.",
            {("IGO", "SRB", "REQUEST", "020")},
        ),
        # a threatened or planned act is not done; what a request is about is not news
        (
            "Mexico extradited 20 cartel members to the United States to head off threatened "
            "tariffs.",
            {("MEX", "USA", "COOPERATE", "063")},
        ),
        (
            "The European Union urged Belgrade to reverse its crackdown on students.",
            {("IGO", "SRB", "REQUEST", "020")},
        ),
        # what is asked through a non-trigger verb, refused, called for or reported is not done
        (
            "Kenya urged Ethiopia and Egypt to help fund the peace talks.",
            {("KEN", "ETH", "REQUEST", "020"), ("KEN", "EGY", "REQUEST", "020")},
        ),
        (
            "Rwanda rejected calls from Belgium to withdraw its troops from Congo.",
            {("RWA", "BEL", "REJECT", "120")},
        ),
        (
            "The minister declined to comment on reports that Qatar had expelled Hamas leaders.",
            set(),
        ),
        # what is condemned is the speaker's view, not a report of the act
        (
            "Pakistan condemned the killing of two Pakistani soldiers by Indian troops.",
            {("PAK", "IND", "ACCUSE", "111")},
        ),
        # what is blocked is not done
        (
            "Slovakia vetoed a package of EU sanctions on Russia.",
            {("SVK", "IGO", "REJECT", "129")},
        ),
    ],
)
def test_background_is_not_news(nlp: Language, text: str, expected: set[Triple]) -> None:
    assert coded(nlp, text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Egypt was pressured by Qatar to help Hamas.", {("QAT", "EGY", "REQUEST", "100")}),
        (
            "Egypt gave permission to Qatar to send fuel to Gaza.",
            {("EGY", "QAT", "RETREAT", "086")},
        ),
        # approving a nominal act: the act is the event, not praise
        (
            "The Kenyan parliament approved the deployment of police officers to Haiti.",
            {("KEN", "HTI", "MOBILIZE", "154")},
        ),
    ],
)
def test_background_what_is_asked_or_allowed_is_not_done(
    nlp: Language, text: str, expected: set[Triple]
) -> None:
    assert coded(nlp, text) == expected
