"""PETRARCH verb dictionaries converted to verb patterns (verbs rows)."""

from __future__ import annotations

from pathlib import Path

import pytest

from eventcoder.petrarch import Conversion, convert
from eventcoder.petrarch.patterns import noun_lemma, requirable

FIXTURES = Path(__file__).resolve().parent / "data" / "petrarch"


@pytest.fixture(scope="module")
def verbs() -> Conversion:
    return convert([FIXTURES / "verbs.txt"])


def _row(cameo: str, verb: str, **cells: list[str]) -> dict[str, object]:
    return {"cameo": cameo, "verb": verb, "particle": None, "object": None, "prep": None,
            "flags": None, **cells}  # fmt: skip


@pytest.mark.parametrize(
    "row",
    [
        _row("070", "grant"),  # the block's code, for each verb bare
        _row("070", "supply"),
        _row("071", "grant", object=["aid"]),
        _row("073", "grant", object=["assistance"]),  # {HUMANITARIAN ASSISTANCE}, approximated
        _row("072", "grant", object=["armsshipment"]),  # a compound noun, closed up
        _row("072", "grant", object=["rifle", "machinegun"]),  # a set, its items expanded
        _row("070", "grant", prep=["to"], flags=["recip"]),  # (TO): the target's preposition
        _row("071", "grant", object=["loan"], prep=["to"], flags=["recip"]),  # $ * LOANS (TO)
        _row("036", "grant", object=["talk", "negotiation"], prep=["for"]),  # (FOR &TALKS)
        _row("111", "taunt"),
        _row("-", "taunt", object=["crowd"]),  # [---]: a no-event row
        _row("111", "scoff", prep=["at"]),  # +SCOFF_AT: the verb and its preposition
        _row("051", "hug", flags=["recip"]),  # * +: the target as object
        _row("190", "carry", particle=["out"]),  # +CARRY_OUT
        _row("010", "carry", particle=["out"], object=["view"]),  # * OUT VIEWS
        _row("1711", "tap", particle=["wire"]),  # WIRE_+TAP: "wire-tapped"
        _row("160", "take", object=["leave"]),  # +TAKE_LEAVE
        _row("036", "set", particle=["out"], object=["peaceplan"]),  # * OUT {PEACE PLAN}
        _row("030", "set", particle=["aside"], object=["difference"]),  # (ASIDE DIFFERENCES)
        _row("040", "meet", prep=["with"], flags=["recip"]),  # [040:040]: the forward code
        _row("040", "consult"),  # the verb's own paired code
        _row("190", "attack"),
    ],
)
def test_petrarch_verb_patterns_become_rows(verbs: Conversion, row: dict[str, object]) -> None:
    assert row in verbs.rows["verbs"]


def test_petrarch_verb_rows_are_each_verb_with_each_pattern_once(verbs: Conversion) -> None:
    rows = verbs.rows["verbs"]
    assert len(rows) == len({repr(r) for r in rows}) == 32
    # the inflected SUPPLIED is the block's SUPPLY; a multi-word verb's own particle or object
    # never meets a pattern's other one (no "wire-tap out views", "take leave views")
    assert {r["verb"] for r in rows} == {
        "grant", "supply", "taunt", "scoff", "hug", "carry", "tap", "take", "set", "meet",
        "consult", "attack",
    }  # fmt: skip
    assert [r for r in rows if r["verb"] in ("tap", "take") and r["cameo"] == "010"] == []
    # {MILITARY AID} is AID without its adjective, which has another code: left out
    assert [r for r in rows if r["cameo"] == "072" and r["object"] == ["aid"]] == []


@pytest.mark.parametrize(
    ("line", "reason", "converted"),
    [
        (8, "set item left out", False),  # +AUTOMATIC_WEAPON: an adjective
        (14, "pattern outside a verb block", False),
        (23, "modifier we cannot require", False),
        (24, "modifier not required", True),
        (29, "object of a preposition", True),  # read only when there is no direct object
        (33, "preposition not required", True),
        (35, "the verb's own row", False),  # * + [112] beside TAUNT's own 111
        (45, "verb phrase with a conjunction", False),
        (53, "reverse event left out", True),  # the block header's [040:040]
        (55, "reverse event left out", True),
        (56, "reverse event left out", True),
        (57, "only a reverse event", False),
        (58, "CAMEO code we do not have", False),
        (62, "words before the verb (a subject constraint)", False),
        (63, "target before the verb", False),
        (64, "skipped words", False),
        (65, "compound actor", False),
        (66, "source after the verb", False),
        (67, "two required nouns", False),
        (68, "word sequence we cannot express", False),
        (69, "undefined synonym set", False),
        (70, "target position we cannot check", False),
        (71, "pattern we cannot read", False),
        (72, "verb transformation", False),
    ],
)
def test_petrarch_verb_entries_we_cannot_express_are_reported(
    verbs: Conversion, line: int, reason: str, converted: bool
) -> None:
    assert (line, reason, converted) in {(n.line, n.reason, n.converted) for n in verbs.notes}
    assert len(verbs.notes) == 24


@pytest.mark.parametrize(
    ("word", "lemma"),
    [
        ("SANCTIONS", "sanction"),
        ("RALLIES", "rally"),
        ("CHURCHES", "church"),
        ("EXERCISES", "exercise"),
        ("CRISIS", "crisis"),
        ("NEWS", "news"),
        ("SERVICEMEN", "serviceman"),
        ("KNIVES", "knife"),
        ("CEASE-FIRES", "cease-fire"),
        ("AID", "aid"),
    ],
)
def test_petrarch_object_nouns_are_lemmas(word: str, lemma: str) -> None:
    assert noun_lemma(word) == lemma


@pytest.mark.parametrize(
    ("word", "noun"),
    [
        ("PEACE", True),
        ("AIR", True),
        ("WITHDRAWAL", True),
        ("HUMANITARIAN", False),
        ("FINANCIAL", False),
        ("MILITARY", False),
        ("NEW", False),
        ("ARMED", False),
        ("F-16", False),
    ],
)
def test_petrarch_object_modifiers_are_required_only_when_nouns(word: str, noun: bool) -> None:
    assert requirable(word) is noun
