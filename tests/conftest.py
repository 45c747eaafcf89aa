"""Shared fixtures: one loaded pipeline for the whole session."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest
from spacy.language import Language
from spacy.tokens import Doc

import eventcoder
from eventcoder.actors import DocActors
from eventcoder.evaluate import country

ROOT = Path(__file__).resolve().parents[1]
DATA = Path(__file__).resolve().parent / "data"
SHARED = ROOT.parent / "shared"
ARTICLE = ROOT / "examples" / "us-pakistan-india-2016-09-09.txt"


@pytest.fixture(scope="session")
def nlp() -> Language:
    return eventcoder.load()


def read_jsonl(path: Path) -> list[dict[str, Any]]:
    with open(path, encoding="utf-8") as fh:
        return [json.loads(line) for line in fh if line.strip()]


# (actor country, recipient country, PLOVER type, CAMEO code) of one coded event.
Triple = tuple[str | None, str | None, str | None, str]


def coded(nlp: Language, text: str) -> set[Triple]:
    """The events ``nlp`` codes in ``text``, at the level the rule tests compare."""
    return {
        (country(e.actor), country(e.recipient), e.event_type, e.cameo)
        for e in eventcoder.code(text, nlp=nlp)
    }


def doc_actors(nlp: Language, text: str) -> tuple[Doc, DocActors]:
    """``text`` parsed and coded by ``nlp``, with a fresh :class:`DocActors` to question."""
    component = nlp.get_pipe("eventcoder")
    doc = nlp(text)
    return doc, DocActors(doc, component.dictionary, component.cues.documents)


def subjects(nlp: Language, text: str) -> dict[str, list[str]]:
    """Each subject's text -> the codes it resolves to, over the whole document."""
    doc, actors = doc_actors(nlp, text)
    return {
        t.text: [a.code for a in actors.resolve_all(t)]
        for t in doc
        if t.dep_ in ("nsubj", "nsubjpass") and t.pos_ != "PRON"
    }
