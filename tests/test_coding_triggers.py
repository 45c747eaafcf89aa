"""Which verb or noun row fits a token (:mod:`eventcoder.coding.triggers`): particles, object
constraints, clause flags and no-event rows; the most specific row wins."""

from __future__ import annotations

import pytest
from conftest import Parse, Parsed, Triple, coded, typed
from spacy.language import Language

from eventcoder.coding import triggers
from eventcoder.coding.patterns import Match, PatternBook
from eventcoder.coding.trace import Trace


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # striking a place named as an actor is an air or missile strike
        ("Russian missiles struck Kyiv overnight.", ("RUS", "UKR", "ASSAULT", "194")),
        # a support verb makes the noun the act
        ("Israel launched air strikes on Gaza overnight.", ("ISR", "PSE", "ASSAULT", "195")),
        # easing a curfew or a state of emergency is a concession (the PLOVER 2.0 manual)
        ("Thailand ended martial law in the south.", ("THA", "THA", "CONCEDE", "0814")),
        ("The government lifted the curfew in Kathmandu.", ("NPL", "NPL", "CONCEDE", "0813")),
        # a state of alert is a show of force, aimed at where it is kept
        ("Indian troops remained on alert in Kashmir.", ("IND", "IND", "MOBILIZE", "152")),
        # sending inspectors or opening a hearing is an investigation
        ("The IAEA dispatched inspectors to a plant in Iran.", ("IGO", "IRN", "ACCUSE", "090")),
        (
            "Kenya's supreme court opened a hearing into the election.",
            ("KEN", None, "ACCUSE", "090"),
        ),
        # cutting supplies, blocking transport, accepting a formula, a hunger strike continued
        ("The UN reduced food supplies to Somali refugees.", ("IGO", "SOM", "SANCTION", "162")),
        ("Protesters in Bolivia blocked transport into La Paz.", ("BOL", "BOL", "PROTEST", "144")),
        ("Denmark accepted a formula proposed by Norway.", ("DNK", "NOR", "AGREE", "030")),
        (
            "Jailed activists in Egypt continued their hunger strike.",
            ("EGY", "EGY", "PROTEST", "142"),
        ),
        # "sped up the withdrawal": a support verb
        (
            "The United States sped up the withdrawal of troops from Panama.",
            ("USA", "PAN", "RETREAT", "0874"),
        ),
        # "up to 200" is a number, not the particle of "arrested up"
        ("Kenyan police arrested up to 200 protesters.", ("KEN", "KEN", "COERCE", "173")),
        ("Afghan rebels kidnapped up to 16 Russian advisers.", ("AFG", "RUS", "ASSAULT", "181")),
        # withdrawing from a place is a retreat; from an accord or a body, reduced relations
        ("Russian forces withdrew from Kherson.", ("RUS", None, "RETREAT", "0874")),
        ("Israel pulled its soldiers out of Gaza.", ("ISR", "PSE", "RETREAT", "0874")),
        ("Russia pulled out of the grain deal with Ukraine.", ("RUS", "UKR", "SANCTION", "160")),
        (
            "Burkina Faso withdrew from the Economic Community of West African States.",
            ("BFA", "IGO", "SANCTION", "160"),
        ),
        # attending a ceremony abroad is a visit to the host; a travel warning reduces relations
        (
            "The Japanese prime minister will attend the coronation ceremony in Bangkok.",
            ("JPN", "THA", "CONSULT", "042"),
        ),
        (
            "Canada warned against travel to Haiti after the riots.",
            ("CAN", "HTI", "SANCTION", "160"),
        ),
        # a light object head ("efforts") carries the act its compound names
        (
            "Norway ended its mediation efforts between Sri Lanka and the Tamil rebels.",
            ("NOR", "LKA", "SANCTION", "165"),
        ),
        # a protest lodged with a government is an official complaint, not a demonstration
        ("Vietnam protested strongly to China on Monday.", ("VNM", "CHN", "ACCUSE", "114")),
        # blocking aid stops it; blocking a deal rejects it
        ("Hungary blocked EU aid to Ukraine.", ("HUN", "UKR", "SANCTION", "162")),
        ("Hungary blocked a deal with Iran.", ("HUN", "IRN", "REJECT", "127")),
        # agreeing with someone that ... expresses accord (019), a statement
        ("Germany agreed with France that the sanctions should stay.", ("DEU", "FRA", None, "019")),
        # conjoined weapons in an "of" phrase
        (
            "North Korea launched dozens of shells and rockets at Yeonpyeong island.",
            ("PRK", None, "ASSAULT", "194"),
        ),
        # a hyphenated verb's first part is its particle: a test, not an attack
        (
            "North Korea test-fired a ballistic missile into the sea.",
            ("PRK", None, "MOBILIZE", "150"),
        ),
        # "allowed X to enter Y", parsed as a clause: X is what is let, Y where it goes
        (
            "Egypt allowed fuel trucks to enter Gaza through the Rafah crossing.",
            ("EGY", "PSE", "RETREAT", "0863"),
        ),
        # "supplied X with Y": X receives, Y is what is given
        ("Iran supplied Hezbollah with rockets.", ("IRN", "LBN", "AID", "072")),
    ],
)
def test_triggers_construction(nlp: Language, text: str, expected: Triple) -> None:
    assert expected in coded(nlp, text)


@pytest.mark.parametrize(
    "text",
    [
        "Argentina beat France in the World Cup final.",
        # argument constraints: a dismissal is not shooting, naming is not an appeal
        "The Kenyan president fired his finance minister on Monday.",
        "The Chinese foreign ministry called the report a fabrication.",
        # no-event rows: everyday uses of event verbs
        "The Indian government met the deadline for the report.",
        "Pakistan failed to meet its targets.",
        "The Prime Minister of Japan met the press on Tuesday.",
        "The Brazilian president attacked the problem of poverty.",
        "The Indian government has struck a balance between growth and security.",
    ],
)
def test_triggers_no_event(nlp: Language, text: str) -> None:
    assert typed(nlp, text) == []


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a warning to no one about nothing in particular is no threat
        ("The UN warned of famine in Gaza.", set()),
    ],
)
def test_triggers_codes_only(nlp: Language, text: str, expected: set[Triple]) -> None:
    assert coded(nlp, text) == expected


def _verb(p: Parsed, word: str, book: PatternBook, trace: Trace | None = None) -> Match | None:
    return triggers.verb_match(p[word], p.actors, book, trace)


@pytest.mark.parametrize(
    ("text", "verb", "cameo"),
    [
        # the object constraint decides: troops withdrawn, a pact left
        ("Mali pulled its troops out of the region.", "pulled", "0874"),
        ("Mali pulled out of the defence pact.", "pulled", "160"),
        # a particle and an object beat the bare "call on" rows
        ("The union called off the strike.", "called", "082"),
        # an object that is a weapon beats the bare "fire on" row, which needs no object
        ("North Korea fired two rockets at Japan.", "fired", "194"),
        ("The police fired on the crowd in Lagos.", "fired", "190"),
        # the compound before a light head ("efforts") names what is done: mediation
        ("Oman suspended its mediation efforts.", "suspended", "165"),
        # what a ship carries is what is sent: tents, humanitarian aid
        ("Japan dispatched a ship carrying tents to Tonga.", "dispatched", "073"),
        # a place taken is an occupation (@place: a town, region or capital; a facility word),
        # a thing seized a confiscation
        ("Islamist fighters seized Ramadi.", "seized", "192"),
        ("The rebels captured Kabul.", "captured", "192"),
        ("The rebels captured a neighbourhood of Aleppo.", "captured", "192"),
        ("Kurdish fighters took over the dam.", "took", "192"),
        ("Customs officers seized the cocaine.", "seized", "1711"),
    ],
)
def test_triggers_verb_match_the_most_specific_row(
    parse: Parse, book: PatternBook, text: str, verb: str, cameo: str
) -> None:
    match = _verb(parse(text), verb, book)
    assert match is not None and match.pattern.cameo == cameo


@pytest.mark.parametrize(
    ("text", "verb", "outcome", "reason"),
    [
        (
            "The minister met the deadline.",
            "met",
            "chosen",
            "the most specific matching row: no event",
        ),
        (
            "The president fired the minister.",
            "fired",
            "rejected",
            "intrans flag: the verb has an object",
        ),
        # "call off" is not "call"
        ("The union called off the strike.", "called", "rejected", "particle off not in the row"),
    ],
)
def test_triggers_verb_match_says_why_a_row_does_not_fit(
    parse: Parse, book: PatternBook, text: str, verb: str, outcome: str, reason: str
) -> None:
    trace = Trace()
    _verb(parse(text), verb, book, trace)
    assert (outcome, reason) in {(s.outcome, s.reason) for s in trace.steps}


def test_triggers_verb_match_none_without_a_fitting_event_row(
    parse: Parse, book: PatternBook
) -> None:
    assert _verb(parse("The minister met the deadline."), "met", book) is None
    assert _verb(parse("The president fired the minister."), "fired", book) is None
    assert _verb(parse("The minister met the deadline."), "minister", book) is None  # no rows


@pytest.mark.parametrize(
    ("text", "verb", "done"),
    [
        ("Oman suspended its mediation efforts.", "suspended", "efforts"),
        # "allowed X to enter", parsed as a clause: its subject is what is let
        ("Egypt allowed aid lorries to enter the strip.", "allowed", "lorries"),
        # "supplied X with Y": the with-phrase is what is given
        ("Russia supplied the junta with helicopters.", "supplied", "helicopters"),
        # a row without an object constraint has no object token
        ("The police fired on the crowd in Lagos.", "fired", None),
    ],
)
def test_triggers_verb_match_object_token(
    parse: Parse, book: PatternBook, text: str, verb: str, done: str | None
) -> None:
    match = _verb(parse(text), verb, book)
    assert match is not None
    assert (match.object_token.text if match.object_token is not None else None) == done


def test_triggers_verb_match_fills_the_roles(parse: Parse, book: PatternBook) -> None:
    p = parse("Russia supplied the junta with helicopters.")
    match = _verb(p, "supplied", book)
    assert match is not None and match.kind == "verb"
    assert (match.actor_heads, match.recipient_heads) == ([p["Russia"]], [p["junta"]])


@pytest.mark.parametrize(
    ("text", "cameo"),
    [
        ("Seoul lodged a protest to Tokyo.", "114"),  # a diplomatic protest
        ("Seoul lodged a protest against Tokyo.", "140"),  # a demonstration
    ],
)
def test_triggers_noun_row_chosen_by_its_preposition(
    parse: Parse, book: PatternBook, text: str, cameo: str
) -> None:
    p = parse(text)
    match = triggers.noun_match(p["protest"], p.actors, book)
    assert match is not None and (match.kind, match.pattern.cameo) == ("noun", cameo)
    assert match.recipient_heads == [p["Tokyo"]]


@pytest.mark.parametrize(
    ("text", "noun", "kept"),
    [
        # a noun alone is background unless it names its target, a verb supports it, or
        # conjoined parties share it
        ("China's assistance arrived.", "assistance", False),
        ("China's assistance to Laos arrived.", "assistance", True),
        ("Ghana and Togo held talks.", "talks", True),
    ],
)
def test_triggers_noun_match_only_with_a_target_support_or_partners(
    parse: Parse, book: PatternBook, text: str, noun: str, kept: bool
) -> None:
    p = parse(text)
    assert (triggers.noun_match(p[noun], p.actors, book) is not None) is kept


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # conflict-report rows: a sit-in staged, a building burned down, repression with a
        # crowd-control weapon "used against" people, and a role that goes on strike
        (
            "Workers staged a sit-in outside the city hall in Kampala.",
            ("UGA", "UGA", "PROTEST", "141"),
        ),
        ("Gunmen burned down a clinic near Maiduguri.", ("NGA", "NGA", "ASSAULT", "1712")),
        ("Militants burned a market in Zamfara.", ("NGA", None, "ASSAULT", "1712")),
        ("Police used tear gas against students in Dakar.", ("SEN", "SEN", "ASSAULT", "175")),
        ("Truck drivers went on strike in Lagos.", ("NGA", "NGA", "PROTEST", "143")),
        ("Nurses held a sit-in at the main hospital in Gulu.", ("UGA", "UGA", "PROTEST", "141")),
        ("Gunmen set ablaze a health centre in Kaduna.", ("NGA", None, "ASSAULT", "1712")),
        # "persons" and "individuals" are people, placed like any role
        (
            "Unidentified individuals shot dead a lawyer in Kisumu.",
            ("KEN", "KEN", "ASSAULT", "193"),
        ),
        # a crowd attacking a building or a convoy uses force, not words (person=111 is for
        # "Modi attacked Pakistan")
        ("Youths attacked a police station in Kisumu.", ("KEN", "KEN", "ASSAULT", "190")),
    ],
)
def test_triggers_conflict_report_rows(nlp: Language, text: str, expected: Triple) -> None:
    assert expected in coded(nlp, text)
