"""Sharing a store between processes: readers while a run codes, a held store, a second run."""

from __future__ import annotations

import csv
import json
import os
import subprocess
import sys
import time
from pathlib import Path

import duckdb
import pytest
from typer.testing import CliRunner

from eventcoder.cli import app
from eventcoder.io.readers import Article
from eventcoder.store import Store, StoreBusy

runner = CliRunner()
STORY = "Pakistan accused India of sponsoring terrorism in Balochistan. Report number {k}."
HOLD = (  # a process that holds the store open read-write until its stdin closes
    "import duckdb, sys\n"
    "con = duckdb.connect(sys.argv[1])\n"
    "print('holding', flush=True)\n"
    "sys.stdin.read()\n"
)


def _corpus(path: Path, n: int) -> Path:
    with open(path, "w", encoding="utf-8") as fh:
        for k in range(n):
            record = {"id": f"a{k:04d}", "text": STORY.format(k=k), "date": "2020-01-02"}
            fh.write(json.dumps(record) + "\n")
    return path


def _eventcoder(*args: str, **env: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "eventcoder", *args],
        capture_output=True,
        text=True,
        timeout=120,
        env={**os.environ, **env},
    )


def _docs(db: Path) -> int:
    with duckdb.connect(str(db), read_only=True) as con:
        row = con.execute("SELECT count(*) FROM documents").fetchone()
    return int(row[0]) if row else 0


@pytest.mark.slow
def test_store_export_while_a_run_codes_gives_the_batches_stored_so_far(tmp_path: Path) -> None:
    corpus = _corpus(tmp_path / "c.jsonl", 240)
    db, out = tmp_path / "ev.duckdb", tmp_path / "so-far.csv"
    cmd = [sys.executable, "-m", "eventcoder", "code", str(corpus), "--db", str(db)]
    coder = subprocess.Popen([*cmd, "--batch-size", "4", "-v"], stderr=subprocess.PIPE, text=True)
    assert coder.stderr is not None
    for line in coder.stderr:
        if "batch 3 done" in line:
            break
    # The run goes on meanwhile: the export opens the store between two of its batches.
    result = runner.invoke(app, ["export", "--db", str(db), "--format", "csv", "-o", str(out)])
    rest = coder.stderr.read()
    coder.wait(timeout=300)
    assert result.exit_code == 0, result.output
    with open(out, encoding="utf-8") as fh:
        exported = {row["doc_id"] for row in csv.DictReader(fh)}
    assert coder.returncode == 0, rest
    assert 12 <= len(exported) < 240  # whole batches (of 4) stored before the export, not all
    assert _docs(db) == 240  # and the run, kept waiting for a moment, lost nothing


def test_store_held_by_another_process_is_a_one_line_error(tmp_path: Path) -> None:
    db = tmp_path / "ev.duckdb"
    Store(db).close()
    holder = subprocess.Popen(
        [sys.executable, "-c", HOLD, str(db)], stdin=subprocess.PIPE, stdout=subprocess.PIPE
    )
    try:
        assert holder.stdout is not None and holder.stdout.readline().strip() == b"holding"
        start = time.monotonic()
        export = _eventcoder("export", "--db", str(db), "-o", str(tmp_path / "e.tsv"), **WAIT)
        code = _eventcoder("code", "-", "--db", str(db), **WAIT)
        waited = time.monotonic() - start
    finally:
        holder.communicate(b"", timeout=30)
    for result in (export, code):
        assert result.returncode == 2, result.stderr
        assert "Traceback" not in result.stderr
        lines = result.stderr.strip().splitlines()
        assert len(lines) == 1 and "is in use by another process" in lines[0], lines
        assert f"(PID {holder.pid})" in lines[0]
    assert waited < 60  # each waited its second, not the default minutes


WAIT = {"EVENTCODER_STORE_WAIT": "1"}


def test_store_second_run_on_a_store_being_coded_stops_at_once(tmp_path: Path) -> None:
    db = tmp_path / "ev.duckdb"
    corpus = _corpus(tmp_path / "c.jsonl", 1)
    with Store(db):  # a run coding into the store holds it like this
        result = runner.invoke(app, ["code", str(corpus), "--db", str(db)])
        assert result.exit_code == 2
        assert "being coded by another eventcoder run" in result.stderr
        assert f"(PID {os.getpid()})" in result.stderr
        with pytest.raises(StoreBusy):
            Store(db)
    Store(db).close()  # the lock goes with the run


def test_store_readers_share_the_file_with_a_writer_between_batches(tmp_path: Path) -> None:
    db = tmp_path / "ev.duckdb"
    article = Article(id="x1", text="Iran condemned Israel.", date="2020-01-02")
    with Store(db) as writer:
        writer.write([(article, [])])
        with Store(db, read_only=True) as reader:
            assert reader.count("documents") == 1
        writer.write([(Article(id="x2", text="Another story."), [])])
        assert writer.count("documents") == 2
