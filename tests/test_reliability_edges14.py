"""The last known gaps of issue 14 (docs/reliability.md, "Last gaps"): each class of hostile
input is coded, or rejected with its file, record and reason, or ends in one line; never silent.
"""

from __future__ import annotations

import errno
import fcntl
import gzip
import os
import re
import subprocess
import sys
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import duckdb
import pytest
from fastapi.testclient import TestClient
from test_reliability_outputs import _bad_store
from test_reliability_readers import _split, _write_warc
from typer.testing import CliRunner

from eventcoder.cli import app
from eventcoder.errors import Errors, InputError
from eventcoder.io.readers import read_inputs
from eventcoder.server.app import Limits, create_app
from eventcoder.store import Store

runner = CliRunner()

PAGES = 5
STEP = 13  # bytes between cut points: some 380 cuts over the two archives


def _whole_warc(tmp_path: Path, packed: bool) -> tuple[bytes, list[int], list[int]]:
    """A 5-page WARC (gzipped or not), where each record starts, and where each one's content
    ends (after its body for a plain file, after its gzip member for a packed one)."""
    _write_warc(tmp_path / "w.warc.gz", PAGES)
    data = (tmp_path / "w.warc.gz").read_bytes()
    if packed:
        starts = [m.start() for m in re.finditer(b"\x1f\x8b\x08", data)]
        return data, starts, [*starts[1:], len(data)]
    data = gzip.decompress(data)
    starts = [m.start() for m in re.finditer(b"WARC/1.0\r\n", data)]
    return data, starts, [s - 4 for s in [*starts[1:], len(data)]]


@pytest.mark.parametrize("packed", [False, True], ids=[".warc", ".warc.gz"])
def test_reliability_edges14_warc_cut_anywhere_is_never_silent(
    tmp_path: Path, packed: bool
) -> None:
    data, starts, ends = _whole_warc(tmp_path, packed)
    path = tmp_path / ("cut.warc.gz" if packed else "cut.warc")
    silent = []
    for cut in range(1, len(data), STEP):
        path.write_bytes(data[:cut])
        articles, rejected = _split(list(read_inputs([str(path)])))
        whole = sum(end <= cut for end in ends)
        # A cut between two records leaves a whole, shorter archive: nothing to report.
        nexts = [*starts[1:], len(data)]
        between = any(end <= cut <= start for end, start in zip(ends, nexts, strict=True))
        assert whole <= len(articles) <= whole + 1, cut  # the pages before the cut are kept
        if not rejected and not between:
            silent.append(cut)
        assert all(str(path) in r.reason for r in rejected)
    assert silent == []


# --- a dangling link or a FIFO given by name ---------------------------------------------------


def _dangling(root: Path) -> Path:
    (root / "gone.jsonl").symlink_to(root / "nowhere.jsonl")
    return root / "gone.jsonl"


def _loop(root: Path) -> Path:
    (root / "a.txt").symlink_to(root / "b.txt")
    (root / "b.txt").symlink_to(root / "a.txt")
    return root / "a.txt"


def _fifo(root: Path) -> Path:
    os.mkfifo(root / "pipe.jsonl")
    return root / "pipe.jsonl"


def _fifo_no_suffix(root: Path) -> Path:
    os.mkfifo(root / "pipe")
    return root / "pipe"


NAMED = [
    ("dangling link", _dangling, r"gone\.jsonl: a symbolic link to .*nowhere\.jsonl"),
    ("loop of links", _loop, r"a\.txt: a symbolic link to .*b\.txt, which leads nowhere"),
    ("FIFO", _fifo, r"pipe\.jsonl: not a regular file but a FIFO"),
    ("FIFO without suffix", _fifo_no_suffix, r"pipe: not a regular file but a FIFO"),
]


@pytest.mark.parametrize(("name", "make", "reason"), NAMED, ids=[n[0] for n in NAMED])
def test_reliability_edges14_named_link_or_fifo_is_rejected(
    tmp_path: Path, name: str, make: Callable[[Path], Path], reason: str
) -> None:
    (tmp_path / "ok.txt").write_text("Iran met Iraq.")
    bad = make(tmp_path)
    articles, rejected = _split(list(read_inputs([str(bad), str(tmp_path / "ok.txt")])))
    assert [a.id for a in articles] == ["ok.txt"]
    (one,) = rejected
    assert one.line == 0 and re.search(reason, one.reason), one.reason


@pytest.mark.parametrize(("name", "make", "reason"), NAMED[::2], ids=[n[0] for n in NAMED[::2]])
def test_reliability_edges14_cli_named_link_or_fifo_codes_the_rest(
    tmp_path: Path, nlp: object, name: str, make: Callable[[Path], Path], reason: str
) -> None:
    (tmp_path / "ok.txt").write_text("Iran condemned Israel on Monday.")
    out = tmp_path / "out.jsonl"
    bad = make(tmp_path)
    result = runner.invoke(app, ["code", str(bad), str(tmp_path / "ok.txt"), "-o", str(out)])
    assert result.exit_code == 1, result.stderr
    assert re.search(reason, result.stderr.replace("\n", " ")), result.stderr
    assert '"ok.txt"' in out.read_text()


def test_reliability_edges14_missing_name_stays_a_usage_error(tmp_path: Path) -> None:
    result = runner.invoke(app, ["code", str(tmp_path / "typo.txt")])
    assert result.exit_code == 2 and "no such file or directory" in result.stderr


# --- a full disk under the store ---------------------------------------------------------------

FULL = [
    duckdb.IOException('Could not write file "s.duckdb.wal": No space left on device'),
    duckdb.TransactionException('Failed to commit: Could not write file "s.duckdb.wal": No spa'),
    OSError(errno.ENOSPC, "No space left on device"),
]


@pytest.mark.parametrize("error", FULL, ids=[type(e).__name__ for e in FULL])
def test_reliability_edges14_cli_full_disk_under_the_store(
    tmp_path: Path, nlp: object, monkeypatch: pytest.MonkeyPatch, error: Exception
) -> None:
    for n in (1, 2):
        (tmp_path / f"{n}.txt").write_text("Iran condemned Israel on Monday.")
    db = tmp_path / "s.duckdb"
    commit = Store._transaction

    def fill_up(self: Store, work: Callable[..., object]) -> object:
        if self.batches >= 1:  # the disk fills after the first batch
            raise error
        return commit(self, work)

    monkeypatch.setattr(Store, "_transaction", fill_up)
    args = ["code", str(tmp_path / "1.txt"), str(tmp_path / "2.txt"), "--db", str(db)]
    result = runner.invoke(app, [*args, "--batch-size", "1"])
    assert result.exit_code == 2, result.stderr
    assert "Traceback" not in result.stderr and result.stderr.startswith("error:")
    line = " ".join(result.stderr.split())
    assert "s.duckdb: cannot write this batch to the store" in line
    assert "the 1 batch(es) this run committed before it are kept" in line
    monkeypatch.undo()
    assert Store(db, read_only=True).count("documents") == 1


FILL = """
import os
import sys
from pathlib import Path
from eventcoder.errors import InputError
from eventcoder.io.readers import Article
from eventcoder.server.app import Limits, create_app
from eventcoder.store import Store
root = Path(sys.argv[1])
(root / "filler").write_bytes(b"x" * 200_000)
store = Store(root / "s.duckdb")
try:
    for b in range(1000):
        # Long random ids (the store keeps ids, not texts): DuckDB cannot pack them.
        ids = [os.urandom(4000).hex() for i in range(20)]
        store.write([(Article(id=i, text="Iran met Iraq."), []) for i in ids])
except InputError as err:
    print(err)
    (root / "filler").unlink()
    print(Store(root / "s.duckdb", read_only=True).count("documents"), store.batches * 20)
"""


def test_reliability_edges14_store_on_a_tiny_filesystem(tmp_path: Path) -> None:
    """A real full disk: a 2 MB tmpfs in a user namespace (no root needed), where it can be."""
    mount = tmp_path / "mnt"
    mount.mkdir()
    script = f'mount -t tmpfs -o size=2m tmpfs {mount} && {sys.executable} -c "$0" {mount}'
    try:
        done = subprocess.run(
            ["unshare", "-rm", "sh", "-c", script, FILL],
            capture_output=True,
            text=True,
            timeout=300,
        )
    except FileNotFoundError:
        pytest.skip("no unshare")
    if "mount" in done.stderr or "unshare" in done.stderr:
        pytest.skip(f"cannot mount a tmpfs here: {done.stderr.strip()}")
    message, counts = done.stdout.strip().splitlines()[-2:]
    assert "cannot write this batch to the store" in message and "No space left" in message
    stored, kept = counts.split()
    assert stored == kept != "0"


# --- a reader of standard output that stops early (| head -1) ---------------------------------

EVENTCODER = [sys.executable, "-m", "eventcoder"]
ARTICLES = 300
BATCH = 50


def _head_1(args: list[str]) -> tuple[int, str]:
    """Run eventcoder with its standard output piped to a reader that takes one line and goes
    away, as ``| head -1`` does; the pipe holds 4 KB, so the writer meets the closed pipe."""
    run = subprocess.Popen(
        [*EVENTCODER, *args], stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True
    )
    assert run.stdout is not None and run.stderr is not None
    fcntl.fcntl(run.stdout.fileno(), getattr(fcntl, "F_SETPIPE_SZ", 1031), 4096)
    assert run.stdout.readline()
    run.stdout.close()
    stderr = run.stderr.read()
    return run.wait(timeout=600), stderr


@pytest.fixture(scope="module")
def piped_store(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, Path, int, str]:
    """A store coded by ``code many.jsonl -o - --db s.duckdb | head -1``; the input, the store,
    and that run's exit code and standard error."""
    root = tmp_path_factory.mktemp("piped")
    many = root / "many.jsonl"
    day = "2021-01-{:02d}"
    many.write_text(
        "".join(
            f'{{"id": "{n}", "text": "Iran condemned Israel.", "date": "{day.format(n % 28 + 1)}"}}\n'
            for n in range(ARTICLES)
        )
    )
    db = root / "s.duckdb"
    code, stderr = _head_1(
        ["code", str(many), "-o", "-", "--db", str(db), "--batch-size", str(BATCH)]
    )
    return many, db, code, stderr


def _quiet(stderr: str) -> None:
    assert "Traceback" not in stderr and "Exception ignored" not in stderr, stderr
    assert "BrokenPipe" not in stderr and "error" not in stderr, stderr


def test_reliability_edges14_code_piped_to_head(piped_store: tuple[Path, Path, int, str]) -> None:
    _, db, code, stderr = piped_store
    assert code == 0
    _quiet(stderr)
    # The batches committed before the pipe closed stay; the store is whole and readable.
    assert Store(db, read_only=True).count("documents") >= BATCH


@pytest.mark.parametrize(
    "args",
    [["export", "--format", "csv", "-o", "-"], ["export", "--format", "gdelt", "-o", "-"]],
    ids=["export csv", "export gdelt"],
)
def test_reliability_edges14_export_piped_to_head(
    piped_store: tuple[Path, Path, int, str], args: list[str]
) -> None:
    _, db, _, _ = piped_store
    code, stderr = _head_1([*args, "--db", str(db)])
    assert code == 0
    _quiet(stderr)


def test_reliability_edges14_code_table_piped_to_head(
    piped_store: tuple[Path, Path, int, str],
) -> None:
    many, _, _, _ = piped_store
    code, stderr = _head_1(["code", str(many)])
    assert code == 0
    _quiet(stderr)


# --- the server's 413 ----------------------------------------------------------------------------


def _chunks() -> Iterator[bytes]:
    """A body sent in chunks, with no Content-Length to refuse it by."""
    yield b'{"text": "'
    for _ in range(30):
        yield b"word " * 100


@pytest.mark.parametrize(
    "body",
    [{"json": {"text": "word " * 1000}}, {"content": _chunks}],
    ids=["Content-Length over the limit", "chunked body over the limit"],
)
def test_reliability_edges14_server_413_is_json(body: dict[str, Any]) -> None:
    client = TestClient(create_app(limits=Limits(max_body=1000)))
    sent = {k: v() if callable(v) else v for k, v in body.items()}
    answer = client.post("/api/code", headers={"content-type": "application/json"}, **sent)
    assert answer.status_code == 413
    assert answer.headers["content-type"] == "application/json"
    assert answer.json() == {"detail": Errors.E186.format(limit=1000)}


# --- a store opened read-only ------------------------------------------------------------------

READ_ONLY = [
    ("text file", "it is not a DuckDB file"),
    ("folder", "it is a folder"),
    ("sqlite", "it is an SQLite database"),
    ("no folder", "no folder"),
    ("missing", "no such file"),
]


@pytest.mark.parametrize(("kind", "reason"), READ_ONLY, ids=[k for k, _ in READ_ONLY])
def test_reliability_edges14_read_only_store_checks_its_path(
    tmp_path: Path, kind: str, reason: str
) -> None:
    path = tmp_path / "new.duckdb" if kind == "missing" else _bad_store(tmp_path, kind)
    with pytest.raises(InputError) as caught:
        Store(path, read_only=True).count("documents")
    message = str(caught.value)
    assert "\n" not in message and "cannot open the store" in message and reason in message
    assert not (tmp_path / "new.duckdb").exists()  # nothing is created to read
