"""Scoring rules, and the accuracy floors on the shared labelled data."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from conftest import DATA, shared_file
from spacy.language import Language

import eventcoder
from eventcoder.evaluate import country, evaluate, quad_of
from eventcoder.records import Actor


@pytest.mark.parametrize(
    ("cameo", "quad"),
    [
        ("010", 0),
        ("020", 0),
        ("036", 1),
        ("051", 1),
        ("070", 2),
        ("112", 3),
        ("163", 3),
        ("145", 4),
        ("190", 4),
    ],
)
def test_evaluate_quad_scheme(cameo: str, quad: int) -> None:
    assert quad_of(cameo) == quad


def test_evaluate_scores_types_triples_and_optional(nlp: Language, tmp_path: Path) -> None:
    gold = [
        {"id": "1", "text": "Pakistan accused India of supporting militants.",
         "events": [{"actor": "PAK", "recipient": "IND", "event_type": "ACCUSE", "optional": False}]},
        # A null gold recipient matches any recipient.
        {"id": "2", "text": "Iran condemned Israel on Monday.",
         "events": [{"actor": "IRN", "recipient": None, "event_type": "ACCUSE", "optional": False}]},
        # An optional event is neither missed nor a false positive.
        {"id": "3", "text": "The weather was fine in Paris.",
         "events": [{"actor": "FRA", "recipient": None, "event_type": "CONSULT", "optional": True}]},
        {"id": "4", "text": "Russia and China held talks in Beijing.", "quad": 1},
    ]  # fmt: skip
    path = tmp_path / "gold.jsonl"
    path.write_text("\n".join(json.dumps(g) for g in gold) + "\n", encoding="utf-8")
    report = evaluate(path, nlp)
    assert report["documents"] == 4
    assert report["triple"]["tp"] == 2 and report["triple"]["fn"] == 0
    assert report["event_type"]["recall"] == 1.0
    assert report["quad"] == {"accuracy": 1.0, "correct": 1, "total": 1}


def test_evaluate_petr2_silver_floors(nlp: Language) -> None:
    report = evaluate(shared_file("data/dev/petr2-silver.jsonl"), nlp)
    assert report["event_type"]["f1"] >= 0.80, report["event_type"]  # the issue-5 target
    # 0.74 until unnamed roles took the place's country (issue 11): the silver data leaves
    # "insurgents bombarded ... Aleppo" without an actor country, PLOVER's gold gives one.
    assert report["triple"]["f1"] >= 0.73, report["triple"]


def test_evaluate_plover_gsr_floors(nlp: Language) -> None:
    # Real sentences coded by the PLOVER authors: the figures the recall issue (11) moves up.
    report = evaluate(shared_file("data/dev/plover-gsr-dev.jsonl"), nlp)
    assert report["event_type"]["f1"] >= 0.81, report["event_type"]
    assert report["event_type"]["precision"] >= 0.82, report["event_type"]
    assert report["triple"]["f1"] >= 0.64, report["triple"]


def test_evaluate_quad_dev_floor(nlp: Language) -> None:
    report = evaluate(shared_file("data/dev/quad-dev.jsonl"), nlp)
    assert report["quad"]["accuracy"] >= 0.83, report["quad"]


def test_evaluate_heldout_floors(nlp: Language) -> None:
    # A regression guard only: the held-out table must never be used to tune (docs/accuracy.md).
    report = evaluate(DATA / "heldout.jsonl", nlp)
    assert report["documents"] == 213
    assert report["event_type"]["f1"] >= 0.82, report["event_type"]
    assert report["triple"]["f1"] >= 0.68, report["triple"]


@pytest.mark.parametrize(
    ("name", "type_f1", "triple_f1"),
    [("dev2.jsonl", 0.92, 0.79), ("dev3.jsonl", 0.87, 0.74), ("dev4.jsonl", 0.82, 0.61)],
)
def test_evaluate_development_tables_floors(
    nlp: Language, name: str, type_f1: float, triple_f1: float
) -> None:
    # Our development tables (tests/data/dev*.md): written without running the coder, then
    # tuned on, so regression guards, not estimates (docs/accuracy.md).
    report = evaluate(DATA / name, nlp)
    assert report["event_type"]["f1"] >= type_f1, report["event_type"]
    assert report["triple"]["f1"] >= triple_f1, report["triple"]


@pytest.mark.parametrize(
    ("actor", "level"),
    [
        (Actor("Pakistan", "PAK", "PAK", None), "PAK"),
        (Actor("NATO", "IGONAT", None, "IGO"), "IGO"),
        # an international NGO is an international organisation, as the PLOVER gold codes it
        (Actor("the Red Cross", "NGOCRC", None, "NGO"), "IGO"),
        (Actor("a Kenyan rights group", "KENNGO", "KEN", "NGO"), "KEN"),
        (Actor("ISIS", "IMGREB", None, "REB"), "IMG"),
        (Actor("gunmen", "---UAF", None, "UAF"), None),
    ],
)
def test_evaluate_country_level(actor: Actor, level: str | None) -> None:
    assert country(actor) == level


def _conflict_records() -> list[dict]:
    """tests/data/conflict.jsonl: conflict-report snippets (see conflict.md)."""
    with (DATA / "conflict.jsonl").open() as f:
        return [json.loads(line) for line in f]


def test_evaluate_conflict_reports_floors(nlp: Language) -> None:
    # A development table (tests/data/conflict.md): a regression guard, not an estimate.
    report = evaluate(DATA / "conflict.jsonl", nlp)
    assert report["documents"] == 100
    assert report["event_type"]["f1"] >= 0.87, report["event_type"]
    assert report["triple"]["f1"] >= 0.70, report["triple"]
    political = [r for r in _conflict_records() if r["events"]]
    silent = [r["id"] for r in political if not eventcoder.code(r["text"], nlp=nlp)]
    assert len(silent) <= 0.06 * len(political), silent


def test_evaluate_conflict_disasters_give_no_event(nlp: Language) -> None:
    # Floods, fires, collapses, crashes and outbreaks are nobody's act (docs/coding.md).
    disasters = [r for r in _conflict_records() if r["kind"] == "disaster"]
    assert len(disasters) == 20
    coded = {r["id"]: eventcoder.code(r["text"], nlp=nlp) for r in disasters}
    assert not {k: v for k, v in coded.items() if v}
