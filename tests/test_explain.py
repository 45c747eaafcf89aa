"""``eventcoder explain``: the parse, the actors, every pattern tried and why each event was or
was not coded."""

from __future__ import annotations

import json

import pytest
from spacy.language import Language
from typer.testing import CliRunner

import eventcoder
from eventcoder.cli import app
from eventcoder.explain import explain, render

runner = CliRunner()


def _trigger(report: dict, word: str) -> dict:
    return next(t for t in report["triggers"] if t["text"] == word)


def test_explain_coded_sentence_lists_chosen_pattern_and_event(nlp: Language) -> None:
    report = explain(nlp, "Russia attacked Ukraine.", date="2022-02-24")
    assert [t["text"] for t in report["tokens"]] == ["Russia", "attacked", "Ukraine", "."]
    assert {m["phrase"]: m["source"].split(":")[0] for m in report["mentions"]} == {
        "Russia": "countries.tsv",
        "Ukraine": "countries.tsv",
    }
    assert [a["actors"][0]["code"] for a in report["actors"]] == ["RUS", "UKR"]
    attacked = _trigger(report, "attacked")
    assert attacked["coded"] and attacked["reasons"] == []
    (chosen,) = [t for t in attacked["tried"] if t["outcome"] == "chosen"]
    assert (
        chosen["source"].startswith("verbs.tsv:") and chosen["cameo"] == attacked["match"]["cameo"]
    )
    assert attacked["match"]["actor_heads"][0]["actors"][0]["code"] == "RUS"
    assert attacked["match"]["recipient_heads"][0]["actors"][0]["code"] == "UKR"
    (n,) = attacked["events"]
    event = report["events"][n]
    assert (event["actor"]["code"], event["recipient"]["code"]) == ("RUS", "UKR")
    assert event["date"] == "2022-02-24"


def test_explain_negated_trigger_says_negated(nlp: Language) -> None:
    report = explain(nlp, "India did not accuse Pakistan.")
    accuse = _trigger(report, "accuse")
    assert not accuse["coded"] and accuse["match"]["negated"]
    assert any(r.startswith("negated") for r in accuse["reasons"])
    assert report["events"] == []


def test_explain_complement_is_suppressed_by_governing_trigger(nlp: Language) -> None:
    report = explain(nlp, "Russia threatened to impose sanctions on Ukraine.")
    impose = _trigger(report, "impose")
    assert impose["match"]["suppressed_by"]["text"] == "threatened"
    assert impose["match"]["suppressed_reason"] == "complement of a governing trigger"
    assert "suppressed by 'threatened' (complement of a governing trigger)" in impose["reasons"]
    sanctions = _trigger(report, "sanctions")
    assert sanctions["match"]["suppressed_reason"] == "object of another trigger"
    assert [e["cameo"][:2] for e in report["events"]] == ["13"]


def test_explain_rejected_row_says_why(nlp: Language) -> None:
    # "threaten" has rows that need an object ("threatened sanctions": 1312); here there is none.
    report = explain(nlp, "Russia threatened Ukraine.")
    tried = {t["cameo"]: t for t in _trigger(report, "threatened")["tried"]}
    assert tried["1312"]["outcome"] == "rejected"
    assert tried["1312"]["reason"].startswith("object constraint")
    assert "objects: ukraine" in tried["1312"]["reason"]
    assert tried["130"]["outcome"] == "chosen"


def test_explain_recip_row_without_actor_recipient(nlp: Language) -> None:
    report = explain(nlp, "The president phoned his wife.")
    phoned = _trigger(report, "phoned")
    reasons = [t["reason"] for t in phoned["tried"] if t["outcome"] == "rejected"]
    assert "recip flag: no actor recipient" in reasons
    assert not phoned["coded"]


def test_explain_sentence_without_event(nlp: Language) -> None:
    report = explain(nlp, "The weather was fine in the afternoon.")
    assert report["events"] == []
    assert not any(t["coded"] for t in report["triggers"])


def test_explain_unknown_country_actor_without_recipient(nlp: Language) -> None:
    report = explain(nlp, "Militants attacked.")
    attacked = _trigger(report, "attacked")
    assert any("unknown-country actor ---REB" in r for r in attacked["reasons"])


@pytest.mark.parametrize(
    "text",
    [
        "Russia threatened to impose sanctions on Ukraine.",
        "India did not accuse Pakistan of sponsoring terrorism, but Pakistan accused India.",
        "Barack Obama met Narendra Modi in Washington on Monday. He urged Pakistan to act.",
    ],
)
def test_explain_tracing_off_changes_nothing(nlp: Language, text: str) -> None:
    before = [e.to_dict() for e in eventcoder.code(text, date="2016-09-09", nlp=nlp)]
    report = explain(nlp, text, date="2016-09-09")
    after = [e.to_dict() for e in eventcoder.code(text, date="2016-09-09", nlp=nlp)]
    assert report["events"] == before == after
    assert nlp.get_pipe("eventcoder").coder.trace is None  # type: ignore[attr-defined]


def test_explain_report_is_json_and_renders(nlp: Language) -> None:
    report = explain(nlp, "Russia threatened to impose sanctions on Ukraine.")
    assert json.loads(json.dumps(report)) == report
    from rich.console import Console

    console = Console(width=120, record=True)
    console.print(render(report))
    text = console.export_text()
    assert "suppressed by 'threatened'" in text and "THREATEN" in text


def test_explain_cli_json(nlp: Language) -> None:
    result = runner.invoke(app, ["explain", "India did not accuse Pakistan.", "--json"])
    assert result.exit_code == 0, result.stderr
    report = json.loads(result.stdout)
    assert report["events"] == []
    assert any(r.startswith("negated") for r in _trigger(report, "accuse")["reasons"])


def test_explain_cli_table_and_bad_date(nlp: Language) -> None:
    result = runner.invoke(app, ["explain", "Russia attacked Ukraine."])
    assert result.exit_code == 0, result.stderr
    assert "RUS" in result.stdout and "chosen" in result.stdout
    result = runner.invoke(app, ["explain", "Russia attacked Ukraine.", "--date", "24/02/2022"])
    assert result.exit_code == 2 and "YYYY-MM-DD" in result.stderr
