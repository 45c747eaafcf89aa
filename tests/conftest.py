"""Shared fixtures: one loaded pipeline for the whole session."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest
from spacy.language import Language

import eventcoder

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
