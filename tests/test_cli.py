"""The command line, driven the way a user runs it."""

from __future__ import annotations

import csv
import json
from pathlib import Path

import pyarrow.parquet as pq
import pytest
from conftest import ARTICLE
from typer.testing import CliRunner

import eventcoder
from eventcoder.cli import app
from eventcoder.io.writers import FLAT_COLUMNS
from eventcoder.records import EVENT_FIELDS

runner = CliRunner()


def _run(*args: str, input: str | None = None) -> tuple[int, str, str]:
    result = runner.invoke(app, list(args), input=input)
    return result.exit_code, result.stdout, result.stderr


def test_cli_code_prints_a_table(nlp: object) -> None:
    code, out, err = _run("code", str(ARTICLE))
    assert code == 0, err
    assert "PAK" in out and "ACCUSE" in out and "REQUEST" in out
    assert "coded 1 article(s), 0 empty, 0 rejected" in err


@pytest.mark.parametrize("suffix", [".jsonl", ".csv", ".parquet"])
def test_cli_code_writes_each_format(tmp_path: Path, suffix: str) -> None:
    out_path = tmp_path / f"events{suffix}"
    code, _, err = _run("code", str(ARTICLE), "-o", str(out_path))
    assert code == 0, err
    if suffix == ".jsonl":
        rows = [json.loads(line) for line in out_path.read_text(encoding="utf-8").splitlines()]
        assert rows and tuple(rows[0]) == EVENT_FIELDS
        assert {"PAK", "IND", "USA"} <= {r["actor"]["country"] for r in rows}
    elif suffix == ".csv":
        with open(out_path, encoding="utf-8") as fh:
            rows = list(csv.DictReader(fh))
        assert rows and tuple(rows[0]) == FLAT_COLUMNS
    else:
        table = pq.read_table(out_path)
        assert table.num_rows > 0 and tuple(table.column_names) == FLAT_COLUMNS
        types = {f.name: str(f.type) for f in table.schema}
        assert (types["date"], types["publication_date"]) == ("date32[day]", "date32[day]")
        assert (types["cameo"], types["is_background"]) == ("string", "bool")
        assert "2016-09-09" in {str(d) for d in table.column("publication_date").to_pylist()}
    assert f"-> {out_path}" in err


def test_cli_code_rejects_bad_records_and_keeps_going(tmp_path: Path) -> None:
    src = tmp_path / "in.jsonl"
    src.write_text(
        '{"id": "a", "text": "Pakistan accused India of terrorism.", "date": "2016-09-09"}\n'
        "{broken\n"
        '{"id": "c", "text": ""}\n'
        '{"id": "d", "text": "Russia attacked Ukraine."}\n',
        encoding="utf-8",
    )
    out_path = tmp_path / "ev.jsonl"
    code, _, err = _run("code", str(src), "-o", str(out_path), "--date", "2020-01-01")
    assert code == 1
    assert "line 2" in err and "not valid JSON" in err
    assert "coded 2 article(s), 1 empty, 1 rejected" in err
    rows = [json.loads(line) for line in out_path.read_text(encoding="utf-8").splitlines()]
    assert {r["doc_id"] for r in rows} == {"a", "d"}
    assert {r["date"] for r in rows} == {"2016-09-09", "2020-01-01"}


def test_cli_code_stdin_to_stdout() -> None:
    code, out, _ = _run("code", "-", "-o", "-", input="Iran condemned Israel on Monday.")
    assert code == 0
    (row,) = [json.loads(line) for line in out.splitlines()]
    assert row["actor"]["code"] == "IRN" and row["event_type"] == "ACCUSE"


def test_cli_code_bad_output_suffix_and_model_fail_clearly(tmp_path: Path) -> None:
    code, _, err = _run("code", str(ARTICLE), "-o", str(tmp_path / "x.xlsx"))
    assert code == 2 and "cannot write '.xlsx'" in err
    code, _, err = _run("code", str(ARTICLE), "--model", "no_such_pipeline")
    assert code == 2 and "not installed" in err


def test_cli_custom_actor_file_extends_the_dictionary(tmp_path: Path) -> None:
    extra = tmp_path / "mine.tsv"
    # FRD is no ISO country: a made-up actor gives its code with no country
    extra.write_text("Freedonia\tFRD\t-\t-\tagency\n", encoding="utf-8")
    text = "Freedonia accused Sylvania of espionage. Freedonia condemned Iran."
    code, out, _ = _run("code", "-", "-o", "-", "--actors", str(extra), input=text)
    assert code == 0
    assert any(json.loads(line)["actor"]["code"] == "FRD" for line in out.splitlines())


def test_cli_evaluate_json(tmp_path: Path) -> None:
    gold = tmp_path / "g.jsonl"
    gold.write_text(
        json.dumps({"id": "1", "text": "Pakistan accused India of terrorism.",
                    "events": [{"actor": "PAK", "recipient": "IND", "event_type": "ACCUSE"}]}) + "\n",
        encoding="utf-8",
    )  # fmt: skip
    code, out, _ = _run("evaluate", str(gold), "--json")
    assert code == 0
    report = json.loads(out)
    assert report["triple"]["f1"] == 1.0


def test_cli_version() -> None:
    result = runner.invoke(app, ["--version"])
    assert result.exit_code == 0
    assert result.output.strip() == f"eventcoder {eventcoder.__version__}"


def test_cli_code_table_leaves_out_articles_without_events(tmp_path: Path) -> None:
    corpus = tmp_path / "two.jsonl"
    records = [
        {"id": "quiet-one", "text": "The weather was mild in Lahore on Sunday."},
        {"id": "loud-one", "text": "Pakistan accused India of sponsoring terrorism."},
    ]
    corpus.write_text("".join(json.dumps(r) + "\n" for r in records), encoding="utf-8")
    code, out, err = _run("code", str(corpus))
    assert code == 0, err
    assert "loud-one" in out and "ACCUSE" in out
    assert "quiet-one" not in out  # no empty table, no header
    assert "coded 2 article(s)" in err
