"""The specific code of a violent act from the weapon its clause names
(:mod:`eventcoder.coding.weapons`, ``data/weapons.tsv``)."""

from __future__ import annotations

import pytest
from conftest import Parse, triggered
from spacy.language import Language

import eventcoder
from eventcoder.coding.patterns import PatternBook
from eventcoder.coding.weapons import carry_on, specify
from eventcoder.ontology import get_ontology


def _codes(nlp: Language, text: str) -> dict[str, str]:
    """Each trigger's CAMEO code in the events coded from ``text``."""
    return {e.trigger.text: e.cameo for e in eventcoder.code(text, nlp=nlp)}


@pytest.mark.parametrize(
    ("text", "trigger", "cameo"),
    [
        # the doer names the weapon
        ("Georgian warplanes killed six villagers in Abkhazia.", "killed", "195"),
        ("A Turkish drone strike killed four fighters in Iraq.", "killed", "195"),
        ("Armenian artillery attacked Azerbaijani positions.", "attacked", "194"),
        ("A Taliban suicide bomber killed nine policemen in Kunduz.", "killed", "1831"),
        # a passive's place of death: the nominal act ("killed in an air strike")
        ("Two Hamas commanders were killed in an Israeli air strike in Gaza.", "killed", "195"),
        # the object names the act ("carried out air strikes") ...
        ("Jordan carried out air strikes on Syrian smugglers.", "carried", "195"),
        ("Iraq launched a drone attack against Kurdish rebels.", "launched", "195"),
        # ... or a deploying verb's object is the weapon
        ("Somali militants detonated a car bomb at a Kenyan base.", "detonated", "1832"),
        ("Afghan insurgents detonated a roadside bomb near a NATO convoy.", "detonated", "1833"),
        # what the act is done with
        ("Yemeni rebels attacked a Saudi tanker with drones.", "attacked", "195"),
        # several weapons: aerial before heavy weapons before small arms
        ("Israeli tanks and helicopters attacked Palestinian gunmen in Jenin.", "attacked", "195"),
        ("Israeli jets fired rockets at Syrian positions.", "fired", "195"),
        # a row's assumption (``weapon`` flag: a strike is aerial) yields to a named weapon
        ("Russian missiles struck a power station in Ukraine.", "struck", "194"),
        # a participle carrying the act on takes its weapon
        ("Somali militants detonated a car bomb in Mogadishu, killing five Kenyan soldiers.",
         "killing", "1832"),
    ],
)  # fmt: skip
def test_weapons_named_weapon_gives_specific_code(
    nlp: Language, text: str, trigger: str, cameo: str
) -> None:
    assert _codes(nlp, text)[trigger] == cameo


@pytest.mark.parametrize(
    ("text", "trigger", "cameo"),
    [
        # the target is no weapon
        ("Iranian forces shot down an American drone.", "shot", "190"),
        ("Syrian rebels attacked a Russian tank near Idlib.", "attacked", "190"),
        # a word that names no weapon
        ("Indian troops killed three Pakistani soldiers.", "killed", "190"),
        # no weapon: the row's own code
        ("Israel struck a Hamas base in Gaza.", "struck", "195"),
    ],
)
def test_weapons_no_weapon_keeps_code(nlp: Language, text: str, trigger: str, cameo: str) -> None:
    assert _codes(nlp, text)[trigger] == cameo


def test_weapons_plover_type_and_mode_follow_specific_code(nlp: Language) -> None:
    """The PLOVER type and mode come from the ontology through the specific code."""
    [event] = [
        e
        for e in eventcoder.code("A Taliban suicide bomber killed nine Afghan policemen.", nlp=nlp)
        if e.trigger.text == "killed"
    ]
    info = get_ontology()["1831"]
    assert (event.cameo, event.event_type, event.mode) == ("1831", "ASSAULT", info.mode)
    assert "suicide bomber" in event.pattern  # the event says which words made it specific


def test_weapons_specify_and_carry_on(parse: Parse, book: PatternBook) -> None:
    p = parse("Somali militants detonated a car bomb in Mogadishu, killing five soldiers.")
    found = triggered(p, book)
    detonated, killing = found[p["detonated"].i], found[p["killing"].i]
    for match in found.values():
        specify(match, book)
    assert (detonated.code, detonated.specific_why.split(",")[0]) == ("1832", "weapon 'car bomb'")
    assert killing.code == "190"  # the militants name no weapon ...
    carry_on(killing, found)
    assert (killing.code, killing.specific_why) == ("1832", "carries on 'detonated' (1832)")


def test_weapons_firefight_is_small_arms(nlp: Language) -> None:
    codes = _codes(nlp, "Malian rebels engaged Chadian peacekeepers in a firefight.")
    assert codes["firefight"] == "193"


def test_weapons_explain_says_why(nlp: Language) -> None:
    from eventcoder.explain import explain

    report = explain(nlp, "Georgian warplanes killed six villagers in Abkhazia.")
    [trig] = [t for t in report["triggers"] if t["text"] == "killed"]
    assert trig["match"]["specific"].startswith("weapon 'warplanes'")
    assert any("made specific: 195" in r for r in trig["reasons"])
