"""``eventcoder dictionaries import-petrarch``, driven the way a user runs it."""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml
from typer.testing import CliRunner

from eventcoder.cli import app
from eventcoder.tsv import data_path

FIXTURES = Path(__file__).resolve().parent / "data" / "petrarch"
ALL = [FIXTURES / name for name in ("actors.txt", "agents.txt", "verbs.txt", "discards.txt")]
MACONDO = [FIXTURES / f"macondo.{kind}.txt" for kind in ("actors", "agents", "verbs")]
runner = CliRunner()


def test_cli_import_petrarch_writes_yaml_and_report(tmp_path: Path) -> None:
    out, report = tmp_path / "mine.yaml", tmp_path / "skipped.tsv"
    args = ["dictionaries", "import-petrarch", *map(str, ALL), "-o", str(out)]
    result = runner.invoke(app, [*args, "--report", str(report)])
    assert result.exit_code == 0, result.stderr
    assert yaml.safe_load(out.read_text(encoding="utf-8"))["verbs"][0] == {
        "cameo": "070",
        "verb": "grant",
    }
    assert report.read_text(encoding="utf-8").startswith("file\tline\tentry\treason\n")
    assert "converted: 6 countries, 11 actors, 14 people, 17 agents, 32 verbs" in result.stderr
    assert "     2  not a country code of ours" in result.stderr
    assert "actors.txt:14: MONTENEGRO_ [YUGMNE <920427]" in result.stderr  # first skipped
    assert f"-> {out}, {report}" in result.stderr


def test_cli_import_petrarch_writes_yaml_to_stdout() -> None:
    result = runner.invoke(app, ["dictionaries", "import-petrarch", *map(str, MACONDO), "-o", "-"])
    assert result.exit_code == 0, result.stderr
    data = yaml.safe_load(result.stdout)
    assert data["actors"][0]["code"] == "COLREB" and data["verbs"][0]["verb"] == "taunt"
    assert "converted: 3 actors, 1 agents, 2 verbs" in result.stderr
    assert "converted:" not in result.stdout


def test_cli_import_petrarch_kind_reads_every_file_as_that_kind() -> None:
    args = ["dictionaries", "import-petrarch", str(FIXTURES / "agents.txt"), "--kind", "discards"]
    result = runner.invoke(app, [*args, "-o", "-"])
    assert result.exit_code == 0, result.stderr
    assert "#   agents.txt (discards)" in result.stdout and "agents:" not in result.stdout
    assert "converted: nothing" in result.stderr and "discard list not converted" in result.stderr


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["nope.txt"], "error: nope.txt: no such file or directory."),
        ([str(FIXTURES / "agents.txt"), "--kind", "verb"], "'verb' is not a kind"),
    ],
)
def test_cli_import_petrarch_usage_errors_exit_2(args: list[str], message: str) -> None:
    result = runner.invoke(app, ["dictionaries", "import-petrarch", *args, "-o", "-"])
    assert result.exit_code == 2
    assert message in result.stderr and result.stdout == ""


def test_cli_import_petrarch_options_are_documented() -> None:
    readme = data_path("README.md").read_text(encoding="utf-8")
    for option in ("import-petrarch", "--report", "--kind", "-o mine.yaml"):
        assert option in readme
