"""The parse read the way the rules need it (:mod:`eventcoder.coding.tree`): children, conjuncts,
lemma forms, prepositional objects, passives, clauses."""

from __future__ import annotations

import pytest
from conftest import Parse, Triple, coded
from spacy.language import Language

from eventcoder.coding import tree


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # conjoined passives share their subject
        (
            "Two Turkish journalists were arrested in March and released by Egyptian authorities.",
            ("EGY", "TUR", "RETREAT", "0841"),
        ),
    ],
)
def test_tree_construction(nlp: Language, text: str, expected: Triple) -> None:
    assert expected in coded(nlp, text)


@pytest.mark.parametrize(
    ("text", "word", "forms"),
    [
        (
            "Jordan condemned the air strikes on the camp.",
            "strikes",
            {"strike", "airstrike", "air-strike"},
        ),
        ("The rebels rejected the cease-fire.", "fire", {"fire", "ceasefire", "cease-fire"}),
        ("Jordan condemned the air strikes on the camp.", "camp", {"camp"}),
    ],
)
def test_tree_lemma_forms_close_up_compounds(
    parse: Parse, text: str, word: str, forms: set[str]
) -> None:
    assert tree.lemma_forms(parse(text)[word]) == forms


def test_tree_prep_objects_through_a_compound_preposition(parse: Parse) -> None:
    p = parse("Hungary pulled out of the regional pact.")
    assert tree.compound_prep(p["out"]) and not tree.compound_prep(p["of"])
    assert tree.prep_objects(p["pulled"], frozenset({"of"})) == [p["pact"]]
    assert tree.prep_objects(p["pulled"], frozenset({"from"})) == []


def test_tree_conjoined_participle_shares_the_passive(parse: Parse) -> None:
    p = parse("The two ships were seized in May and released by Iranian guards.")
    assert tree.is_passive(p["released"]) and tree.patients(p["released"]) == [p["ships"]]
    # a conjunct with a subject and an object of its own is active
    p = parse("The ships were seized and the guards released the crews.")
    assert not tree.is_passive(p["released"]) and tree.patients(p["released"]) == []


def test_tree_conjoined_lists_every_conjunct(parse: Parse) -> None:
    p = parse("Chile, Peru and Bolivia signed a treaty.")
    assert tree.conjoined(p["Chile"]) == [p["Chile"], p["Peru"], p["Bolivia"]]
    assert tree.conjoined(p["treaty"]) == [p["treaty"]]


@pytest.mark.parametrize(
    ("text", "word", "expected"),
    [
        ("The two leaders praised each other.", "other", True),
        ("The rivals insulted one another.", "one", True),
        ("The rivals insulted the other side.", "side", False),
    ],
)
def test_tree_reciprocal(parse: Parse, text: str, word: str, expected: bool) -> None:
    assert tree.reciprocal(parse(text)[word]) is expected


def test_tree_clauses(parse: Parse) -> None:
    p = parse("Germany agreed with France that the talks should resume.")
    assert tree.that_clause(p["agreed"]) and tree.object_clause(p["agreed"]) is None
    p = parse("Germany agreed to resume the talks.")
    assert not tree.that_clause(p["agreed"])
    assert tree.is_infinitive(p["resume"]) and not tree.is_infinitive(p["agreed"])
    # "wants Vienna to close": a to-infinitive with a subject of its own
    p = parse("Rome wants Vienna to close the border.")
    assert tree.object_clause(p["wants"]) == p["close"]
    assert tree.object_clause(parse("Rome wants to close the border.")["wants"]) is None


def test_tree_gerund_after_a_noun_the_parser_split(parse: Parse) -> None:
    p = parse("Nine people died in Syrian tank shelling near the border.")
    assert tree.gerund_after(p["tank"], p["died"])
    assert not tree.gerund_after(p["people"], p["died"])


@pytest.mark.parametrize(
    ("text", "word", "prep"),
    [
        ("Spain cut aid over its support for the rebels.", "support", "over"),
        ("Spain cut aid over its support for the rebels.", "aid", None),
        ("The envoy held talks on ending the war.", "ending", "on"),
    ],
)
def test_tree_enclosing_prep(parse: Parse, text: str, word: str, prep: str | None) -> None:
    found = tree.enclosing_prep(parse(text)[word])
    assert (found.text if found is not None else None) == prep


def test_tree_kids_read_the_children_built_for_the_doc_being_coded(
    parse: Parse,
) -> None:
    p, other = parse("The envoy held talks."), parse("The envoy left.")
    assert tree.kids(p["held"]) == list(p["held"].children)  # no Doc being coded
    tree.TREE.doc, tree.TREE.kids = p.doc, p.actors.kids
    try:
        assert tree.kids(p["held"]) is p.actors.kids[p["held"].i]
        assert tree.kids(other["left"]) == list(other["left"].children)  # another Doc
    finally:
        tree.TREE.doc, tree.TREE.kids = None, []
