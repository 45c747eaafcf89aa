"""Actor coding: names, adjectives, capitals, titles, IGOs, armed groups and people."""

from __future__ import annotations

import pytest
from conftest import DATA
from spacy.language import Language

from eventcoder.actors import DocActors
from eventcoder.tsv import read_tsv

ROWS = list(read_tsv(DATA / "actors.tsv", ("text", "country", "sector", "kind")))


def _resolve(nlp: Language, text: str):  # type: ignore[no-untyped-def]
    component = nlp.get_pipe("eventcoder")
    doc = nlp(text)
    root = next(t for t in doc if t.head.i == t.i)
    return DocActors(doc, component.dictionary).resolve(root)


@pytest.mark.parametrize("row", ROWS, ids=[r["text"] for r in ROWS])
def test_actors_table(nlp: Language, row: dict[str, str | None]) -> None:
    actor = _resolve(nlp, row["text"] or "")
    assert actor is not None, row
    assert actor.country == row["country"]
    if row["sector"] is not None:
        assert actor.sector == row["sector"]


def test_actors_title_resolves_person_and_later_surname(nlp: Language) -> None:
    text = (
        "State Department deputy spokesperson Mark Toner criticised Pakistan. "
        "Toner later praised India. The spokesperson also condemned Iran."
    )
    doc = nlp(text)
    by_trigger = {e.trigger.text: e for e in doc._.events}
    for trigger in ("criticised", "praised", "condemned"):
        assert by_trigger[trigger].actor.code == "USAGOV", trigger
        assert by_trigger[trigger].actor.name == "Mark Toner"


def test_actors_pronoun_us_is_not_the_united_states(nlp: Language) -> None:
    doc = nlp("They told us that Iran condemned Israel.")
    assert {e.actor.code for e in doc._.events} == {"IRN"}


def test_actors_conjoined_actors_each_get_the_event(nlp: Language) -> None:
    doc = nlp("India and Pakistan agreed to resume talks.")
    assert {e.actor.country for e in doc._.events} >= {"IND", "PAK"}
