"""Headlines whose verb the tagger took for a noun (:mod:`eventcoder.coding.headlines`): the
clause with no predicate is parsed again with the word as its verb; ordinary nouns stay nouns."""

from __future__ import annotations

import pytest
from conftest import Triple, coded
from spacy.language import Language
from spacy.tokens import Doc

import eventcoder
from eventcoder.actors import DocActors
from eventcoder.coding.headlines import repair_headlines
from eventcoder.explain import explain


def _repaired(nlp: Language, text: str) -> tuple[bool, Doc]:
    """``text`` parsed without the coder, and whether the headline step changed its parse."""
    component = nlp.get_pipe("eventcoder")
    with nlp.select_pipes(disable=["eventcoder"]):
        doc = nlp(text)
    actors = DocActors(doc, component.dictionary, component.cues.documents)
    return repair_headlines(doc, actors, component.patterns, component.reparse), doc


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # the verb after the subject's name, tagged as a noun
        ("Algeria severs ties with Morocco", {("DZA", "MAR", "SANCTION", "161")}),
        ("EU sanctions Iranian officials", {("IGO", "IRN", "SANCTION", "163")}),
        ("Indian police arrest Kashmiri separatist leaders", {("IND", "IND", "COERCE", "173")}),
        # a hyphenated verb: its first part is still the particle
        ("Pakistan test-fires cruise missile", {("PAK", None, "MOBILIZE", "150")}),
        # a chain after a semicolon shares the subject, also after a clause with its own verb
        (
            "Mali expels French ambassador; suspends cooperation with France",
            {("MLI", "FRA", "SANCTION", "161"), ("MLI", "FRA", "SANCTION", "160")},
        ),
        (
            "Kenya recalls envoy from Somalia; summons Somali ambassador",
            {("KEN", "SOM", "SANCTION", "161"), ("KEN", "SOM", "ACCUSE", "114")},
        ),
        # a past participle of a verb with no passive, hung on its subject: its act
        (
            "About 300 nurses protested outside the health ministry in Lusaka.",
            {("ZMB", "ZMB", "PROTEST", "140")},
        ),
        (
            "Jobless graduates protested in front of the town hall in Sfax.",
            {("TUN", "TUN", "PROTEST", "140")},
        ),
        # a comma between two names is "and": mutual partners
        (
            "Armenia, Azerbaijan sign peace deal",
            {("ARM", "AZE", "SUPPORT", "057"), ("AZE", "ARM", "SUPPORT", "057")},
        ),
    ],
)
def test_headlines_verb_tagged_as_noun_is_coded(
    nlp: Language, text: str, expected: set[Triple]
) -> None:
    assert expected <= coded(nlp, text)


@pytest.mark.parametrize(
    "text",
    [
        # ordinary noun uses: a determiner, a possessive, no subject, a country's adjective
        "The attacks on Kenya",
        "Talks with Kenya",
        "A ban on imports",
        "Russia's attacks on Ukraine",
        "Kenyan protests over tax hikes",
        # a plural noun trigger before a preposition stays the noun
        "US sanctions on Iran",
        "Iraqi police raids in Basra",
        # an "-s" form after a plural is a phrase, not a clause
        "Israeli soldiers attacks",
        # a sentence with a verb and its subject is not touched
        "The army attacks on the border worried Kenya.",
        "Russia expels British diplomats",
    ],
)
def test_headlines_ordinary_nouns_untouched(nlp: Language, text: str) -> None:
    changed, _ = _repaired(nlp, text)
    assert not changed


def test_headlines_new_parse_copied_onto_the_words(nlp: Language) -> None:
    changed, doc = _repaired(nlp, "Somalia severs ties with Kenya; expels diplomats")
    assert changed
    assert doc.text == "Somalia severs ties with Kenya; expels diplomats"
    severs, expels = doc[1], doc[6]
    assert (severs.pos_, severs.lemma_, severs.tag_, severs.dep_) == (
        "VERB",
        "sever",
        "VBZ",
        "ROOT",
    )
    assert doc[0].dep_ == "nsubj" and doc[0].head.i == 1
    assert (expels.pos_, expels.dep_, expels.head.i) == ("VERB", "conj", 1)
    assert (doc[5].pos_, doc[5].dep_) == ("PUNCT", "punct")  # the ";" parsed as "and"


def test_headlines_line_run_into_the_next_sentence_is_its_own(nlp: Language) -> None:
    text = (
        "Egypt summons Swedish envoy\n\nCairo called in the ambassador on Monday, officials said."
    )
    doc = nlp(text)
    assert next(s.text.strip() for s in doc.sents) == "Egypt summons Swedish envoy"
    assert ("EGY", "SWE", "ACCUSE", "114") in coded(nlp, text)


def test_headlines_explain_says_the_sentence_was_parsed_again(nlp: Language) -> None:
    report = explain(nlp, "Algeria severs ties with Morocco")
    (severs,) = [t for t in report["triggers"] if t["text"] == "severs"]
    assert severs["coded"]
    assert any("parsed again" in r for r in severs["reasons"])


def test_headlines_public_api_codes_a_headline(nlp: Language) -> None:
    events = eventcoder.code("Protesters storm parliament in Colombo", nlp=nlp)
    assert [(e.cameo, e.trigger.text) for e in events] == [("145", "storm")]
