"""Interrupts, workers and Dask (issue 14; docs/reliability.md): Ctrl-C and SIGTERM say what was
kept and exit 130 / 143, the store resumes to the rows of an uninterrupted run, workers die with
their parent, odd characters in the store's path work with Dask, stale part folders go away."""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import duckdb
import psutil
import pytest
from conftest import STORIES
from typer.testing import CliRunner

from eventcoder.cli import app
from eventcoder.interrupts import Interrupted, interruptible
from eventcoder.io.readers import Article, read_inputs
from eventcoder.runner import Coded, PipelineSpec, part_dir, run
from eventcoder.store import Store, write_parts

runner = CliRunner()
N = 40  # articles: enough batches of 2 that a signal after the third lands mid-run


def _corpus(path: Path, n: int = N) -> Path:
    """``n`` articles of a few sentences each, and one broken line (a reject to count)."""
    with open(path, "w", encoding="utf-8") as fh:
        for k in range(n):
            text = " ".join(STORIES[(k + j) % len(STORIES)] for j in range(2)) + f" Report {k}."
            fh.write(json.dumps({"id": f"a{k:04d}", "text": text, "date": "2020-01-02"}) + "\n")
        fh.write("{not json\n")
    return path


def _rows(db: Path) -> list[tuple[object, ...]]:
    """Every stored event, quote and document, without the times they were stored."""
    with duckdb.connect(str(db), read_only=True) as con:
        return [
            *con.execute(
                "SELECT event_id, doc_id, actor_code, recipient_code, cameo, trigger_start "
                "FROM events ORDER BY event_id"
            ).fetchall(),
            *con.execute("SELECT doc_id, quote_index, text FROM quotes ORDER BY 1, 2").fetchall(),
            *con.execute(
                "SELECT doc_id, content_hash, n_events FROM documents ORDER BY 1"
            ).fetchall(),
        ]


@pytest.fixture(scope="module")
def whole(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, Path]:
    """The corpus and the store of an uninterrupted run of it."""
    folder = tmp_path_factory.mktemp("whole")
    corpus, db = _corpus(folder / "c.jsonl"), folder / "whole.duckdb"
    runner.invoke(app, ["code", str(corpus), "--db", str(db), "--batch-size", "2"])
    return corpus, db


def _command(corpus: Path, *options: str) -> list[str]:
    return [sys.executable, "-m", "eventcoder", "code", str(corpus), "--batch-size", "2", *options]


def _started(command: list[str]) -> subprocess.Popen[str]:
    """``command`` (with -v) running, once it has finished three batches."""
    proc = subprocess.Popen([*command, "-v"], stderr=subprocess.PIPE, text=True)
    assert proc.stderr is not None
    for line in proc.stderr:
        if "batch 3 done" in line:
            return proc
    raise AssertionError(f"the run ended before its third batch: {proc.wait()}")


@pytest.mark.slow
@pytest.mark.parametrize(
    ("sig", "options", "code", "said"),
    [
        (signal.SIGINT, ["--db"], 130, "article(s) stored in"),
        (signal.SIGTERM, ["--db"], 143, "article(s) stored in"),
        (signal.SIGINT, ["--workers", "2", "--db"], 130, "article(s) stored in"),
        (signal.SIGINT, ["-o", "out.jsonl", "--db"], 130, "event(s) in"),
        (signal.SIGTERM, ["-o", "out.jsonl"], 143, "a re-run starts over"),
    ],
    ids=["sigint-db", "sigterm-db", "sigint-workers-db", "sigint-output-db", "sigterm-output"],
)
def test_signals_interrupt_says_what_was_kept_and_the_store_resumes(
    tmp_path: Path,
    whole: tuple[Path, Path],
    sig: signal.Signals,
    options: list[str],
    code: int,
    said: str,
) -> None:
    corpus, uninterrupted = whole
    db = tmp_path / "cut.duckdb"
    args = [str(tmp_path / o) if o.endswith(".jsonl") else o for o in options]
    if args[-1] == "--db":
        args.append(str(db))
    command = _command(corpus, *args)
    proc = _started(command)
    proc.send_signal(sig)
    _, stderr = proc.communicate(timeout=60)
    assert proc.returncode == code, stderr
    lines = [line for line in stderr.splitlines() if line.startswith("interrupted")]
    assert len(lines) == 1 and said in lines[0], stderr
    assert f"({sig.name})" in lines[0] and "Traceback" not in stderr
    if "-o" in options:  # what was written is whole JSON Lines
        for line in (tmp_path / "out.jsonl").read_text(encoding="utf-8").splitlines():
            json.loads(line)
    if "--db" not in options:
        return
    stored = int(lines[0].split("): ")[1].split()[0])
    assert 0 < stored < N and f"{stored} article(s) stored in {db}" in lines[0]
    subprocess.run(command, check=False, capture_output=True, timeout=120)
    assert _rows(db) == _rows(uninterrupted)


@pytest.mark.slow
def test_signals_killing_the_parent_of_workers_ends_them(tmp_path: Path) -> None:
    proc = _started(_command(_corpus(tmp_path / "c.jsonl"), "--workers", "2"))
    workers = [
        int(pid)
        for task in Path(f"/proc/{proc.pid}/task").iterdir()
        for pid in (task / "children").read_text().split()
    ]
    assert len(workers) >= 2
    proc.send_signal(signal.SIGKILL)
    proc.communicate(timeout=30)
    deadline = time.monotonic() + 5
    while (alive := [w for w in workers if _alive(w)]) and time.monotonic() < deadline:
        time.sleep(0.1)
    assert not alive, f"workers {alive} outlived their parent"


def _alive(pid: int) -> bool:
    """Whether ``pid`` still runs (a zombie waiting to be reaped has ended)."""
    try:
        return psutil.Process(pid).status() != psutil.STATUS_ZOMBIE
    except psutil.NoSuchProcess:
        return False


def test_signals_library_interruptible_raises_with_the_exit_code() -> None:
    with pytest.raises(Interrupted) as stop, interruptible():
        os.kill(os.getpid(), signal.SIGTERM)
        time.sleep(5)  # the handler raises before this ends
    assert (stop.value.exit_code, stop.value.signal_name) == (143, "SIGTERM")
    assert signal.getsignal(signal.SIGTERM) is signal.SIG_DFL  # restored


def test_signals_library_workers_stop_with_the_run(tmp_path: Path) -> None:
    def on_batch(coded: list[Coded], rejected: object) -> None:
        raise KeyboardInterrupt  # as Ctrl-C in the middle of storing the first batch

    before = set(psutil.Process().children())
    with pytest.raises(KeyboardInterrupt):
        run(
            PipelineSpec(),
            read_inputs([str(_corpus(tmp_path / "c.jsonl", 12))]),
            on_batch,
            2,
            batch_size=2,
        )
    deadline = time.monotonic() + 5
    while (left := set(psutil.Process().children()) - before) and time.monotonic() < deadline:
        time.sleep(0.1)
    assert not {p for p in left if _alive(p.pid)}


def _articles(tmp_path: Path) -> list[Article]:
    return [
        a for a in read_inputs([str(_corpus(tmp_path / "c.jsonl", 4))]) if isinstance(a, Article)
    ]


ODD_FOLDERS = ['it\'s "x"', "a b", "[glob]*", "x'); DROP TABLE documents; --"]


@pytest.mark.parametrize("folder", ODD_FOLDERS)
def test_signals_library_parts_load_from_any_folder_name(tmp_path: Path, folder: str) -> None:
    db = tmp_path / folder / 'it\'s "x".duckdb'
    db.parent.mkdir()
    articles = _articles(tmp_path)
    with Store(db) as store:
        parts = part_dir(db)
        write_parts(parts, 0, [(a, []) for a in articles[:2]])
        assert store.load_parts(parts) == 2
        assert store.count("documents") == 2


def test_signals_library_stale_parts_are_removed_and_cut_batches_not_loaded(
    tmp_path: Path,
) -> None:
    db = tmp_path / "ev.duckdb"
    articles = _articles(tmp_path)
    with Store(db) as store:
        parts = part_dir(db)
        write_parts(parts, 0, [(a, []) for a in articles[:2]])
        write_parts(parts, 1, [(a, []) for a in articles[2:4]])
        (parts / "quotes" / "part-000001.parquet").unlink()  # killed while writing batch 1
        assert store.load_parts(parts) == 2  # only the whole batch
        fresh = part_dir(db)  # the next run: the killed run's folder goes
        assert list(fresh.parent.iterdir()) == [fresh]


@pytest.mark.slow
def test_signals_dask_with_odd_characters_in_the_store_path(tmp_path: Path) -> None:
    corpus = _corpus(tmp_path / "c.jsonl", 8)
    one, many = tmp_path / "one.duckdb", tmp_path / "a b [c]" / 'it\'s "x".duckdb'
    many.parent.mkdir()
    stale = many.with_name(f"{many.name}.parts") / "1-deadbeef" / "documents"
    stale.mkdir(parents=True)  # left by a killed run
    (stale / "part-000000.parquet").write_bytes(b"not parquet")
    runner.invoke(app, ["code", str(corpus), "--db", str(one), "--batch-size", "2"])
    result = runner.invoke(
        app, ["code", str(corpus), "--db", str(many), "--batch-size", "2", "--dask", "local"]
    )
    assert result.exit_code == 1 and "coded 8 article(s)" in result.stderr, result.stderr
    assert _rows(many) == _rows(one)
    assert not many.with_name(f"{many.name}.parts").exists()  # stale and own parts gone


@pytest.mark.slow
@pytest.mark.parametrize("sig", [signal.SIGINT, signal.SIGTERM], ids=["sigint", "sigterm"])
def test_signals_any_other_command_stops_in_one_line(tmp_path: Path, sig: signal.Signals) -> None:
    """``quotes`` (as every command but ``code``) stopped once its output has begun: one line,
    exit 130 / 143, not click's "Aborted!" and exit 1 (which means rejected records)."""
    output = tmp_path / "quotes.jsonl"
    command = [
        sys.executable,
        "-m",
        "eventcoder",
        "quotes",
        str(_corpus(tmp_path / "c.jsonl", 3000)),
    ]
    proc = subprocess.Popen([*command, "-o", str(output)], stderr=subprocess.PIPE, text=True)
    while proc.poll() is None and not (output.exists() and output.stat().st_size):
        time.sleep(0.05)
    proc.send_signal(sig)
    _, stderr = proc.communicate(timeout=60)
    assert proc.returncode == 128 + sig, stderr
    assert f"interrupted ({sig.name}) before the command finished" in stderr
    assert "Traceback" not in stderr and "Aborted" not in stderr
