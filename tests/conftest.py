"""Shared fixtures: one loaded pipeline for the whole session."""

from __future__ import annotations

import json
import os
from pathlib import Path
from typing import Any

import pytest
from spacy.language import Language

import eventcoder
from eventcoder.evaluate import country

ROOT = Path(__file__).resolve().parents[1]
DATA = Path(__file__).resolve().parent / "data"
SHARED = ROOT.parent / "shared"
ARTICLE = ROOT / "examples" / "us-pakistan-india-2016-09-09.txt"


@pytest.fixture(scope="session")
def nlp() -> Language:
    return eventcoder.load()


def shared_file(relpath: str) -> Path:
    """The file at ``relpath`` under ``../shared``, the project's data beside the repository.

    Skips the calling test, naming the file, when it is absent (a clone without ``../shared``);
    fails instead when ``EVENTCODER_REQUIRE_SHARED`` is set (CI sets it, so that the accuracy
    floors cannot be skipped there without a word).
    """
    path = SHARED / relpath
    if not path.is_file():
        why = f"needs ../shared/{relpath} (the project's shared data, beside the repository)"
        if os.environ.get("EVENTCODER_REQUIRE_SHARED"):
            pytest.fail(f"{why}; EVENTCODER_REQUIRE_SHARED is set")
        pytest.skip(why)
    return path


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
