"""Shared fixtures: one loaded pipeline for the whole session."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest
from spacy.language import Language

import eventcoder
from eventcoder.evaluate import country
from eventcoder.records import Event

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


def typed(nlp: Language, text: str) -> list[Event]:
    """The events ``nlp`` codes in ``text`` that have a PLOVER type (statements, 01, have none):
    what the no-event cases expect to be empty."""
    return [e for e in eventcoder.code(text, nlp=nlp) if e.event_type]


def event_types(nlp: Language, text: str) -> set[str | None]:
    """The PLOVER types of the events ``nlp`` codes in ``text``."""
    return {e.event_type for e in eventcoder.code(text, nlp=nlp)}


# (actor country, recipient country, PLOVER type) of one coded event.
Dyad = tuple[str | None, str | None, str | None]


def dyads(nlp: Language, text: str) -> set[Dyad]:
    """The events ``nlp`` codes in ``text``, without their CAMEO codes."""
    return {
        (country(e.actor), country(e.recipient), e.event_type)
        for e in eventcoder.code(text, nlp=nlp)
    }
