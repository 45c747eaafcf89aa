"""Issue 14, outputs, stores and exit codes: exports that cannot attack their reader, one-line
errors with the right exit code for outputs and stores that cannot be used, and article text
that never drives the terminal. docs/reliability.md lists each class and what happens to it."""

from __future__ import annotations

import csv
import dataclasses
import json
import sqlite3
import sys
from pathlib import Path

import duckdb
import pytest
from conftest import store_of
from fastapi.testclient import TestClient
from rich.console import Console
from spacy.language import Language
from typer.testing import CliRunner

from eventcoder import cli
from eventcoder.cli import app
from eventcoder.errors import InputError
from eventcoder.explain import explain, render
from eventcoder.export import GDELT_EVENT_COLUMNS, export
from eventcoder.io.cells import neutralise, neutralise_sql, one_line_sql
from eventcoder.io.readers import Article
from eventcoder.io.writers import EventWriter
from eventcoder.pipeline import pipe
from eventcoder.server.app import create_app
from eventcoder.store import Store, connect
from eventcoder.terminal import printable

runner = CliRunner()
SENTENCE = "Pakistan condemned India on Monday."
# An article whose every text field a spreadsheet would run as a formula.
EVIL = Article(
    id='=HYPERLINK("http://evil.example","x")',
    text=SENTENCE,
    date="2021-04-12",
    url="=cmd|' /C calc'!A0",
    title="-2+3",
    source="@SUM(1+1)",
)
ANSI = "\x1b[2J\x1b]0;pwned\x07"


def _run(*args: str) -> tuple[int, str, str]:
    result = runner.invoke(app, list(args))
    return result.exit_code, result.stdout, result.stderr


def _one_line_error(code: int, err: str) -> None:
    assert code == 2, err
    assert "Traceback" not in err and err.startswith("error:"), err
    assert len(err.strip().splitlines()) <= 3, err  # one message, wrapped at most


# --- CSV cells: one rule, in Python and in SQL -----------------------------------------------

CELLS = [
    ("=1+1", "'=1+1"),
    ('=HYPERLINK("http://x")', '\'=HYPERLINK("http://x")'),
    ("+cmd", "'+cmd"),
    ("-2+3", "'-2+3"),
    ("@SUM(A1)", "'@SUM(A1)"),
    ("\t=1", "'\t=1"),
    ("\r=1", "'\r=1"),
    ("-2.0", "-2.0"),  # a number stays a number
    ("-5", "-5"),
    ("+1e5", "+1e5"),
    ("Pakistan", "Pakistan"),
    ("a=b", "a=b"),
    ("", ""),
    (None, None),
    (-2.0, -2.0),
]


@pytest.mark.parametrize(("cell", "safe"), CELLS)
def test_reliability_outputs_neutralise_cells(cell: object, safe: object) -> None:
    assert neutralise(cell) == safe
    if isinstance(cell, str) or cell is None:
        con = duckdb.connect()
        query = f"SELECT {neutralise_sql('v')} FROM (SELECT ?::VARCHAR AS v)"
        assert con.execute(query, [cell]).fetchone() == (safe,)


@pytest.mark.parametrize("brk", ["\t", "\n", "\r", "\x0b", "\x0c", "\x85", "\u2028", "\u2029"])
def test_reliability_outputs_tsv_fields_stay_on_one_line(brk: str) -> None:
    con = duckdb.connect()
    query = f"SELECT {one_line_sql('v')} FROM (SELECT ?::VARCHAR AS v)"
    assert con.execute(query, [f" a{brk}{brk}b "]).fetchone() == ("a b",)


# --- CSV outputs: code -o, quotes -o, export, the API ------------------------------------------


@pytest.fixture(scope="module")
def evil_store(nlp: Language, tmp_path_factory: pytest.TempPathFactory) -> Path:
    text = SENTENCE + "\x0b Then\u2028 India\x85 protested.\u2029"
    article = dataclasses.replace(EVIL, text=text)
    return store_of(nlp, tmp_path_factory.mktemp("evil") / "evil.duckdb", [article])


def _csv_rows(path: Path) -> list[dict[str, str]]:
    with open(path, encoding="utf-8", newline="") as fh:
        return list(csv.DictReader(fh))


def _assert_neutralised(row: dict[str, str]) -> None:
    assert row["doc_id"] == "'" + EVIL.id
    assert (row["url"], row["title"], row["source"]) == ("'" + EVIL.url, "'-2+3", "'@SUM(1+1)")
    assert row["goldstein"] == "-2.0"  # numbers stay numbers


@pytest.mark.parametrize("raw", [False, True])
def test_reliability_outputs_writer_csv(nlp: Language, tmp_path: Path, raw: bool) -> None:
    out = tmp_path / "events.csv"
    (doc,) = pipe(nlp, [EVIL])
    with EventWriter(out, raw_csv=raw) as writer:
        writer.write(doc._.events)
    (row, *_) = _csv_rows(out)
    if raw:
        assert (row["doc_id"], row["url"]) == (EVIL.id, EVIL.url)
    else:
        _assert_neutralised(row)


@pytest.mark.parametrize(("args", "neutralised"), [((), True), (("--raw-csv",), False)])
def test_reliability_outputs_cli_code_csv(
    nlp: Language, tmp_path: Path, args: tuple[str, ...], neutralised: bool
) -> None:
    src = tmp_path / "in.jsonl"
    fields = ("id", "text", "date", "url", "title", "source")
    record = {f: getattr(EVIL, f) for f in fields}
    src.write_text(json.dumps(record) + "\n", encoding="utf-8")
    out = tmp_path / "events.csv"
    code, _, err = _run("code", str(src), "-o", str(out), *args)
    assert code == 0, err
    (row, *_) = _csv_rows(out)
    assert row["url"] == ("'" if neutralised else "") + EVIL.url


@pytest.mark.parametrize("merged", [False, True])
def test_reliability_outputs_export_csv(evil_store: Path, tmp_path: Path, merged: bool) -> None:
    out = tmp_path / "events.csv"
    export(evil_store, "csv", out, merged=merged)
    rows = _csv_rows(out)
    if merged:
        assert {r["source_url"] for r in rows} == {"'" + EVIL.url}
        assert {r["goldstein"] for r in rows} >= {"-2.0"}
    else:
        _assert_neutralised(rows[0])
    export(evil_store, "csv", out, merged=merged, raw_csv=True)
    assert EVIL.url in {r.get("url") or r.get("source_url") for r in _csv_rows(out)}


@pytest.mark.parametrize(("args", "prefix"), [((), ""), (("--safe-tsv",), "'")])
def test_reliability_outputs_export_gdelt(
    evil_store: Path, tmp_path: Path, args: tuple[str, ...], prefix: str
) -> None:
    out = tmp_path / "events.tsv"
    code, _, err = _run("export", "--db", str(evil_store), "-o", str(out), *args)
    assert code == 0, err
    for path, width in ((out, 61), (tmp_path / "events.mentions.tsv", 16)):
        lines = path.read_text(encoding="utf-8").split("\n")[:-1]
        assert lines and all(len(line.split("\t")) == width for line in lines)
        assert not any(c in path.read_text() for c in "\x0b\x0c\x85\u2028\u2029")
    events = [line.split("\t") for line in out.read_text(encoding="utf-8").splitlines()]
    assert {e[-1] for e in events} == {prefix + EVIL.url}  # SOURCEURL
    goldstein = GDELT_EVENT_COLUMNS.index("GoldsteinScale")
    assert "-2.0" in {e[goldstein] for e in events}  # a number, never prefixed


def test_reliability_outputs_api_csv(evil_store: Path, nlp: Language) -> None:
    client = TestClient(create_app(evil_store, nlp))
    response = client.get("/api/events", params={"format": "csv"})
    assert response.status_code == 200
    (row, *_) = list(csv.DictReader(response.text.splitlines()))
    _assert_neutralised(row)


# --- Outputs and stores that cannot be used: one line, exit 2 --------------------------------


def _bad_store(tmp_path: Path, kind: str) -> Path:
    path = tmp_path / "store.duckdb"
    if kind == "text file":
        path.write_text("hello\n")
    elif kind == "folder":
        path.mkdir()
    elif kind == "sqlite":
        con = sqlite3.connect(path)
        con.execute("CREATE TABLE t (x)")
        con.commit()
        con.close()
    elif kind == "other schema":
        other = duckdb.connect(str(path))
        other.execute("CREATE TABLE documents (x INTEGER); CREATE TABLE events (y INTEGER)")
        other.close()
    elif kind == "no folder":
        path = tmp_path / "missing" / "store.duckdb"
    return path


STORE_PROBLEMS = ["text file", "folder", "sqlite", "other schema", "no folder"]


@pytest.mark.parametrize("kind", STORE_PROBLEMS)
def test_reliability_outputs_store_problems_library(tmp_path: Path, kind: str) -> None:
    path = _bad_store(tmp_path, kind)
    with pytest.raises(InputError, match=r"store") as caught:
        Store(path)
    assert "\n" not in str(caught.value)
    assert "Could not establish connection" not in str(caught.value)  # no download tried


@pytest.mark.parametrize("kind", STORE_PROBLEMS)
@pytest.mark.parametrize("command", ["code", "export"])
def test_reliability_outputs_store_problems_cli(tmp_path: Path, kind: str, command: str) -> None:
    path = _bad_store(tmp_path, kind)
    src = tmp_path / "a.txt"
    src.write_text(SENTENCE)
    if command == "code":
        code, _, err = _run("code", str(src), "--db", str(path))
    else:
        code, _, err = _run("export", "--db", str(path), "-o", str(tmp_path / "out.csv"))
    _one_line_error(code, err)
    assert "extension" not in err.lower()
    if kind == "other schema":  # another program's tables are left as they were
        con = duckdb.connect(str(path), read_only=True)
        assert [r[0] for r in con.execute("DESCRIBE documents").fetchall()] == ["x"]
        con.close()


def test_reliability_outputs_no_extension_is_fetched(tmp_path: Path) -> None:
    path = _bad_store(tmp_path, "sqlite")
    with pytest.raises(duckdb.Error) as caught:
        connect(path)
    assert "Could not establish connection" not in str(caught.value)
    good = tmp_path / "good.duckdb"
    Store(good).close()
    con = connect(good)
    settings = "autoinstall_known_extensions", "autoload_known_extensions"
    for name in settings:
        assert con.execute(f"SELECT current_setting('{name}')").fetchone() == (False,)
    con.close()


def _bad_output(tmp_path: Path, kind: str, suffix: str) -> Path:
    if kind == "folder":
        path = tmp_path / f"out{suffix}"
        path.mkdir()
    elif kind == "no folder":
        path = tmp_path / "missing" / f"out{suffix}"
    else:  # a full disk
        if not Path("/dev/full").exists():
            pytest.skip("needs /dev/full")
        path = tmp_path / f"full{suffix}"
        path.symlink_to("/dev/full")
    return path


@pytest.mark.parametrize("kind", ["folder", "no folder", "disk full"])
@pytest.mark.parametrize("suffix", [".csv", ".jsonl"])
@pytest.mark.parametrize("command", ["code", "quotes"])
def test_reliability_outputs_output_problems_cli(
    nlp: Language, tmp_path: Path, kind: str, suffix: str, command: str
) -> None:
    src = tmp_path / "a.txt"
    src.write_text('"We condemn India," Pakistan\'s foreign minister said on Monday.')
    code, _, err = _run(command, str(src), "-o", str(_bad_output(tmp_path, kind, suffix)))
    _one_line_error(code, err)
    assert "cannot write the output" in err


@pytest.mark.skipif(sys.platform == "win32", reason="POSIX permissions")
def test_reliability_outputs_read_only_folder(tmp_path: Path) -> None:
    folder = tmp_path / "ro"
    folder.mkdir()
    folder.chmod(0o555)
    try:
        (folder / "probe").touch()
    except PermissionError:
        pass
    else:
        pytest.skip("this user writes anyway (root)")
    src = tmp_path / "a.txt"
    src.write_text(SENTENCE)
    for args in (("-o", str(folder / "out.csv")), ("--db", str(folder / "s.duckdb"))):
        code, _, err = _run("code", str(src), *args)
        _one_line_error(code, err)


# --- Exit codes: 0 all coded, 1 some rejected, 2 usage or environment, 3 a crash -------------


def test_reliability_outputs_exit_codes(
    nlp: Language,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
) -> None:
    good = tmp_path / "good.jsonl"
    good.write_text(json.dumps({"id": "a", "text": SENTENCE}) + "\n")
    bad = tmp_path / "bad.jsonl"
    bad.write_text(json.dumps({"id": "a", "text": SENTENCE}) + "\nnot json\n")
    assert _run("code", str(good))[0] == 0
    assert _run("code", str(bad))[0] == 1
    assert _run("code", "--no-such-option", str(good))[0] == 2
    assert _run("export", "--db", str(tmp_path / "none.duckdb"))[0] == 2

    def crash(*args: object, **kwargs: object) -> None:
        raise RuntimeError("a bug")

    monkeypatch.setattr(cli, "run_export", crash)
    store = tmp_path / "s.duckdb"
    Store(store).close()
    monkeypatch.setattr(sys, "argv", ["eventcoder", "export", "--db", str(store)])
    with pytest.raises(SystemExit) as exited:
        cli.main()
    assert exited.value.code == cli.EXIT_CRASH == 3
    err = capsys.readouterr().err
    assert "Traceback" in err and "RuntimeError: a bug" in err and "internal error" in err


# --- The terminal: no escape sequence from an article reaches it -----------------------------


def test_reliability_outputs_printable() -> None:
    shown = printable(f"a{ANSI}b\x9b31m\r\x7f\tc\nd")
    assert not any((ord(c) < 32 and c not in "\t\n") or 0x7F <= ord(c) < 0xA0 for c in shown)
    assert len(shown) == len(f"a{ANSI}b\x9b31m\r\x7f\tc\nd")  # one sign a character
    assert "␛[2J" in shown


def test_reliability_outputs_cli_table_and_rejections(nlp: Language, tmp_path: Path) -> None:
    src = tmp_path / "in.jsonl"
    lines = [
        json.dumps(
            {"id": f"x{ANSI}[/bold]", "text": f"Pakistan condemned India {ANSI} on Monday."}
        ),
        "not json " + ANSI,
    ]
    src.write_text("\n".join(lines) + "\n")
    named = tmp_path / f"{ANSI}[red]x.jsonl"  # a file name quoted in its rejection
    named.write_text("not json\n")
    code, out, err = _run("code", str(src), str(named))
    assert code == 1, err
    assert "ACCUSE" in out and "␛[2J" in out
    assert "\x1b" not in out + err and "\x07" not in out + err
    assert "[red]x" in err  # markup in input is printed, not obeyed


def test_reliability_outputs_explain_render(nlp: Language) -> None:
    console = Console(record=True, width=120, force_terminal=False)
    console.print(render(explain(nlp, f"Pakistan{ANSI} condemned India.")))
    shown = console.export_text()
    assert "\x1b" not in shown and "\x07" not in shown and "␛" in shown
    code, out, err = _run("explain", f"Pakistan{ANSI} condemned India.")
    assert code == 0, err
    assert "\x1b" not in out
