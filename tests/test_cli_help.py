"""Every command's --help reads cleanly at 80 columns: wrapped, not cut; flags shown as flags;
help texts without stray spaces; every doc it points to exists."""

from __future__ import annotations

import inspect
import re
from pathlib import Path

import pytest
import typer
from typer.testing import CliRunner

from eventcoder.cli import app

ROOT = Path(__file__).resolve().parents[1]
runner = CliRunner()


def _commands(command: object, path: tuple[str, ...] = ()) -> list[tuple[tuple[str, ...], object]]:
    """Every command and subcommand of the app with its path of names, the app first."""
    found = [(path, command)]
    for name, sub in sorted(getattr(command, "commands", {}).items()):
        found += _commands(sub, (*path, name))
    return found


COMMANDS = _commands(typer.main.get_command(app))
IDS = [" ".join(path) or "eventcoder" for path, _ in COMMANDS]


def _texts(command: object) -> list[str]:
    """The lines of help a command declares: its own and those of its options and arguments."""
    texts = [getattr(command, "help", None), getattr(command, "short_help", None)]
    texts += [getattr(p, "help", None) for p in getattr(command, "params", [])]
    return [line for t in texts if t for line in inspect.cleandoc(t).splitlines() if line]


@pytest.mark.parametrize("path", [p for p, _ in COMMANDS], ids=IDS)
def test_cli_help_reads_cleanly_at_80_columns(path: tuple[str, ...]) -> None:
    result = runner.invoke(app, [*path, "--help"], env={"COLUMNS": "80"}, prog_name="eventcoder")
    assert result.exit_code == 0, result.output
    lines = result.stdout.splitlines()
    assert lines and lines[0].startswith("Usage: eventcoder")
    for line in lines:
        assert len(line) <= 80, line
        assert "<bool>" not in line, f"a flag shown as taking a value: {line}"
        assert "…" not in line, f"cut off: {line}"
        assert line.startswith("Usage:") or not line.endswith("..."), f"cut off: {line}"
        assert not re.match(r"\s+/ ", line), f"a stray '/' where a flag's name should be: {line}"
    for doc in re.findall(r"docs/[\w.-]+\.md", result.stdout):
        assert (ROOT / doc).is_file(), f"{' '.join(path)} --help points to {doc}, which is missing"


@pytest.mark.parametrize("path,command", COMMANDS, ids=IDS)
def test_cli_help_texts_have_no_stray_spaces(path: tuple[str, ...], command: object) -> None:
    for text in _texts(command):
        assert "  " not in text, f"{' '.join(path)}: double space in {text!r}"
        stray = re.search(r" [,;:)]| \.(\s|$)", text)
        assert not stray, f"{' '.join(path)}: stray space in {text!r}"
        assert text == text.strip(), f"{' '.join(path)}: stray space around {text!r}"


def test_cli_help_shows_flags_as_flags() -> None:
    result = runner.invoke(app, ["export", "--help"], env={"COLUMNS": "80"})
    assert re.search(r"^  --merged +parquet/csv", result.stdout, re.M), result.stdout
    result = runner.invoke(app, ["code", "--help"], env={"COLUMNS": "80"})
    assert "--builtin-actors / --no-builtin-actors" in result.stdout
    assert re.search(r"^  --keep-negated +Keep", result.stdout, re.M)
