"""Kill -9 a storing run at several points, resume it, and get an uninterrupted run's store.

The store's promise (docs/store.md): each batch is one transaction, so a run killed at any
moment (a power loss: SIGKILL, no cleanup) leaves whole batches, and the same command run again
codes what is missing. Here the final store is compared with that of a run never killed, row for
row in every table the store has.

Only the TIMESTAMP columns are left out of the comparison: ``documents.coded_at`` and
``rejected.seen_at`` say when a process wrote the row, so two runs never agree on them; every other column (ids, hashes, origins, counts, events, offsets, quotes,
rejection reasons) must be equal.
"""

from __future__ import annotations

import json
import signal
import subprocess
import sys
import time
from collections.abc import Callable
from pathlib import Path

import duckdb
import pytest
from conftest import STORIES

RECORDS = 60
TIMESTAMPS = {("documents", "coded_at"), ("rejected", "seen_at")}

Table = list[tuple[object, ...]]


def _corpus(path: Path) -> Path:
    """``RECORDS`` articles, one of them empty, and a line that is not JSON (rejected)."""
    with open(path, "w", encoding="utf-8") as fh:
        for k in range(RECORDS):
            text = "" if k == 7 else f"{STORIES[k % len(STORIES)]} Report number {k}."
            fh.write(json.dumps({"id": f"a{k:04d}", "text": text, "date": "2020-01-02"}) + "\n")
            if k == 30:
                fh.write("{not json\n")
    return path


def _command(corpus: Path, db: Path, *extra: str) -> list[str]:
    return [
        sys.executable, "-m", "eventcoder", "code", str(corpus), "--db", str(db),
        "--batch-size", "4", "-v", *extra,
    ]  # fmt: skip


def _tables(db: Path) -> dict[str, Table]:
    """Every table of the store ``db``, its rows sorted, without the TIMESTAMP columns."""
    with duckdb.connect(str(db), read_only=True) as con:
        columns = con.execute(
            "SELECT table_name, column_name, data_type FROM information_schema.columns "
            "ORDER BY table_name, ordinal_position"
        ).fetchall()
        left_out = {(t, c) for t, c, kind in columns if kind.startswith("TIMESTAMP")}
        assert left_out == TIMESTAMPS  # a new run-dependent column must be named above
        kept: dict[str, list[str]] = {}
        for table, column, _ in columns:
            if (table, column) not in left_out:
                kept.setdefault(table, []).append(f'"{column}"')
        return {
            table: sorted(
                con.execute(f"SELECT {', '.join(cols)} FROM {table}").fetchall(), key=repr
            )
            for table, cols in kept.items()
        }


@pytest.fixture(scope="module")
def corpus(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return _corpus(tmp_path_factory.mktemp("resume") / "c.jsonl")


@pytest.fixture(scope="module")
def whole(corpus: Path) -> dict[str, Table]:
    """The tables of a run never interrupted."""
    db = corpus.with_name("whole.duckdb")
    done = subprocess.run(_command(corpus, db), capture_output=True, text=True, timeout=300)
    assert done.returncode == 1, done.stderr  # the line that is not JSON is rejected
    tables = _tables(db)
    assert len(tables["documents"]) == RECORDS and tables["events"] and tables["quotes"]
    assert len(tables["rejected"]) == 1
    assert f"coded {RECORDS - 1} article(s), 1 empty, 1 rejected" in done.stderr
    return tables


def _after(batch: int, delay: float = 0.0) -> Callable[[str], bool]:
    """Kill when batch ``batch`` is stored, or ``delay`` seconds later: inside the next one."""

    def when(line: str) -> bool:
        if f"batch {batch} done" not in line:
            return False
        time.sleep(delay)
        return True

    return when


def _kill_when(command: list[str], db: Path, when: Callable[[str], bool] | None) -> None:
    """Run ``command`` and SIGKILL it (no cleanup, as in a power loss) once ``when`` is true of
    a line it writes on stderr; without ``when``, as soon as the store file ``db`` exists: the
    store is opened first, so the model is still loading and no batch is stored. Only the
    parent is killed: its ``--workers`` must die with it, or they would keep holding the
    store's run lock and the re-run would be refused."""
    proc = subprocess.Popen(command, stderr=subprocess.PIPE, text=True)
    assert proc.stderr is not None
    if when is None:
        while not db.exists() and proc.poll() is None:
            time.sleep(0.01)
    else:
        for line in proc.stderr:
            if when(line):
                break
    proc.send_signal(signal.SIGKILL)
    proc.wait(timeout=60)
    assert proc.returncode == -signal.SIGKILL, "the run ended before it could be killed"


def _stored(db: Path) -> int:
    """How many documents the killed run left in ``db`` (none when it left no table)."""
    with duckdb.connect(str(db), read_only=True) as con:
        names = con.execute("SELECT table_name FROM information_schema.tables").fetchall()
        tables = {t for (t,) in names}
        if "documents" not in tables:
            return 0
        row = con.execute("SELECT count(*) FROM documents").fetchone()
        return int(row[0]) if row else 0


POINTS = {
    "before the first batch": ((), None),
    "after batch 1": ((), _after(1)),
    "inside batch 6": ((), _after(5, 0.05)),
    "workers 2, after batch 3": (("--workers", "2"), _after(3)),
}


@pytest.mark.slow
@pytest.mark.parametrize("point", list(POINTS))
def test_reliability_resume_after_kill_gives_the_rows_of_an_uninterrupted_run(
    corpus: Path, whole: dict[str, Table], point: str
) -> None:
    extra, when = POINTS[point]
    db = corpus.with_name(f"killed-{len(list(corpus.parent.iterdir()))}.duckdb")
    command = _command(corpus, db, *extra)
    _kill_when(command, db, when)
    stored = _stored(db)
    assert stored < RECORDS, "killed too late to test resumption"

    done = subprocess.run(command, capture_output=True, text=True, timeout=300)
    assert done.returncode == 1, done.stderr
    assert f"{stored} already stored" in done.stderr
    assert _tables(db) == whole


def test_reliability_resume_empty_store_left_by_a_kill_is_created_anew(tmp_path: Path) -> None:
    """A run killed while DuckDB creates the store leaves an empty file (the first kill point
    above hits this now and then): the re-run creates the store in its place, through the
    library and the CLI, instead of stopping with "not a valid DuckDB database file" (E161)."""
    from typer.testing import CliRunner

    from eventcoder.cli import app
    from eventcoder.store import Store

    library, cli = tmp_path / "library.duckdb", tmp_path / "cli.duckdb"
    library.touch()
    with Store(library) as store:
        assert store.count("documents") == 0
    cli.touch()
    corpus = _corpus(tmp_path / "c.jsonl")
    result = CliRunner().invoke(app, ["code", str(corpus), "--db", str(cli), "--batch-size", "64"])
    assert result.exit_code == 1, result.output  # the line that is not JSON
    assert f"coded {RECORDS - 1} article(s), 1 empty, 1 rejected" in result.stderr
