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


TAUNT = 'verbs:\n  - {cameo: "111", verb: taunt}\n'
TEXT = "India taunted Pakistan. India accused Pakistan of terrorism."


@pytest.mark.parametrize(
    ("files", "builtin", "codes"),
    [
        ((), True, ["112"]),
        ((), False, []),  # no event patterns at all
        ((TAUNT,), True, ["111", "112"]),  # a user's file adds to the built-in rows
        ((TAUNT,), False, ["111"]),
        (("replace: true\n" + TAUNT,), True, ["111"]),  # the file is the whole table
        (("replace: [verbs]\n" + TAUNT,), True, ["111"]),
        (("replace: [people]\n" + TAUNT,), True, ["111", "112"]),  # other tables only
    ],
)
def test_customise_verbs_builtin_patterns_switched_off(
    tmp_path: Path, files: tuple[str, ...], builtin: bool, codes: list[str]
) -> None:
    paths = []
    for n, text in enumerate(files):
        paths.append(tmp_path / f"mine{n}.yaml")
        paths[-1].write_text(text, encoding="utf-8")
    nlp = eventcoder.load(verbs=paths, builtin_verbs=builtin)
    assert [e.cameo for e in eventcoder.code(TEXT, nlp=nlp)] == codes


def test_customise_verbs_no_builtin_nouns_either() -> None:
    text = "Israel launched air strikes on Gaza."
    assert [e.cameo for e in eventcoder.code(text, nlp=eventcoder.load())] == ["195"]
    assert eventcoder.code(text, nlp=eventcoder.load(builtin_verbs=False)) == []


def test_customise_verbs_yaml_no_event_row(tmp_path: Path) -> None:
    mine = tmp_path / "mine.yaml"
    mine.write_text('verbs:\n  - {cameo: "-", verb: meet, object: [athlete]}\n', encoding="utf-8")
    text = "The Kenyan president met the athletes on Friday."
    assert [e.cameo for e in eventcoder.code(text, nlp=eventcoder.load())] == ["040"]
    assert eventcoder.code(text, nlp=eventcoder.load(verbs=[mine])) == []


@pytest.mark.parametrize("workers", ["1", "2"])
def test_customise_verbs_cli_no_builtin_verbs(tmp_path: Path, workers: str) -> None:
    import json

    from typer.testing import CliRunner

    from eventcoder.cli import app

    mine = tmp_path / "taunt.yaml"
    mine.write_text(TAUNT, encoding="utf-8")
    lines = [json.dumps({"id": str(n), "text": TEXT}) for n in range(3)]
    inputs = tmp_path / "in.jsonl"
    inputs.write_text("\n".join(lines) + "\n", encoding="utf-8")
    args = ["code", str(inputs), "-o", "-", "--workers", workers, "--verbs", str(mine)]
    result = CliRunner().invoke(app, [*args, "--no-builtin-verbs"])
    assert result.exit_code == 0, result.stderr
    assert [json.loads(line)["cameo"] for line in result.stdout.splitlines()] == ["111"] * 3
    result = CliRunner().invoke(app, args)
    assert [json.loads(line)["cameo"] for line in result.stdout.splitlines()] == ["111", "112"] * 3


def test_customise_verbs_no_builtin_verbs_on_every_command() -> None:
    import typer

    from eventcoder.cli import app

    commands = typer.main.get_command(app).commands  # type: ignore[attr-defined]
    for name, command in commands.items():
        options = {opt for p in command.params for opt in (*p.opts, *p.secondary_opts)}
        if "--verbs" in options:
            assert "--no-builtin-verbs" in options, name
