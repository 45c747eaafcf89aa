"""Users' own verb rows against the built-in ones: a user's fitting row wins for its verb."""

from __future__ import annotations

from pathlib import Path

import pytest

import eventcoder


def _codes(text: str, verbs: list[Path]) -> list[tuple[str, str | None, str]]:
    nlp = eventcoder.load(verbs=verbs)
    return [
        (e.cameo, e.recipient.code if e.recipient else None, e.pattern.split(":")[0])
        for e in eventcoder.code(text, nlp=nlp)
    ]


@pytest.mark.parametrize(
    ("row", "text", "expected"),
    [
        # a bare user row beats the equally specific built-in row (051 welcome)
        ("041\twelcome\t-\t-\t-\t-", "Iran welcomed the Saudi delegation.", ("041", "mine.tsv")),
        # ... and a more specific built-in row: the no-event "met the deadline" row
        ("040\tmeet\t-\t-\t-\t-", "Kenya met the deadline set by Ethiopia.", ("040", "mine.tsv")),
        # a user row with an object constraint wins where its object is there ...
        (
            "043\tsign\t-\tcommuniqué|communique\t-\t-",
            "Iran signed a communique with Iraq.",
            ("043", "mine.tsv"),
        ),
        # ... and leaves the built-in rows to other uses of the verb
        (
            "043\tsign\t-\tcommuniqué|communique\t-\t-",
            "Iran signed an agreement with Iraq.",
            ("057", "verbs.tsv"),
        ),
    ],
)
def test_customise_verbs_user_row_wins_for_its_verb(
    tmp_path: Path, row: str, text: str, expected: tuple[str, str]
) -> None:
    mine = tmp_path / "mine.tsv"
    mine.write_text(row + "\n", encoding="utf-8")
    assert [(cameo, source) for cameo, _, source in _codes(text, [mine])] == [expected]


def test_customise_verbs_explain_says_the_user_row_was_chosen(tmp_path: Path) -> None:
    from eventcoder.explain import explain

    mine = tmp_path / "mine.tsv"
    mine.write_text("041\twelcome\t-\t-\t-\t-\n", encoding="utf-8")
    report = explain(eventcoder.load(verbs=[mine]), "Iran welcomed the Saudi delegation.")
    (trigger,) = [t for t in report["triggers"] if t["text"] == "welcomed"]
    chosen = [p for p in trigger["tried"] if p["outcome"] == "chosen"]
    assert [p["source"] for p in chosen] == ["mine.tsv:1"]
    assert "user's" in chosen[0]["reason"]
