"""Hostile input to the readers (issue 14): each class is read correctly or becomes a rejected
record with its file, line and reason, and the run goes on. docs/reliability.md, "Reading input".
"""

from __future__ import annotations

import gzip
import io
import os
import re
from collections.abc import Callable
from pathlib import Path

import duckdb
import pytest
from conftest import write_warc
from typer.testing import CliRunner

from eventcoder.cli import app
from eventcoder.io import readers
from eventcoder.io.readers import Article, Rejected, read_inputs

IS_ROOT = hasattr(os, "geteuid") and os.geteuid() == 0
GOOD = '{"id": "good", "text": "Iran condemned Israel on Monday."}\n'


def _split(items: list[Article | Rejected]) -> tuple[list[Article], list[Rejected]]:
    return [i for i in items if isinstance(i, Article)], [
        i for i in items if isinstance(i, Rejected)
    ]


def _jsonl(line: str) -> Callable[[Path], None]:
    """A corpus of one .jsonl file: the hostile line between two good ones."""

    def make(root: Path) -> None:
        (root / "a.jsonl").write_text(GOOD + line + "\n" + GOOD.replace("good", "after"))

    return make


def _write_warc(path: Path, pages: int) -> None:
    """A gzipped WARC of ``pages`` HTML responses, each a short article."""
    write_warc(path, [f"{'Iran met Iraq in Geneva. ' * 20}{n}" for n in range(pages)])


def _truncated_warc(root: Path) -> None:
    whole = root / "whole.warc.gz"
    _write_warc(whole, 6)
    data = whole.read_bytes()
    whole.unlink()
    (root / "cut.warc.gz").write_bytes(_cut_in_member(data, 3))


def _cut_in_member(data: bytes, n: int) -> bytes:
    """``data``, a gzipped WARC of one gzip member a record, cut in the middle of member ``n``
    (from 0), so that records 1 to n are whole."""
    starts = [m.start() for m in re.finditer(b"\x1f\x8b\x08", data)]
    return data[: (starts[n] + starts[n + 1]) // 2]


def _unreadable_file(root: Path) -> None:
    # /proc/self/mem fails to read at offset 0 with EIO, for root too.
    (root / "bad.txt").symlink_to("/proc/self/mem")
    (root / "ok.txt").write_text("Iran met Iraq.")


def _dangling_link(root: Path) -> None:
    (root / "gone.txt").symlink_to(root / "nowhere.txt")
    (root / "ok.txt").write_text("Iran met Iraq.")


def _fifo(root: Path) -> None:
    os.mkfifo(root / "pipe.jsonl")
    (root / "ok.txt").write_text("Iran met Iraq.")


def _linked_folder(root: Path) -> None:
    outside = root.parent / f"{root.name}-outside"
    outside.mkdir()
    (outside / "far.txt").write_text("Iran met Iraq.")
    (root / "link").symlink_to(outside, target_is_directory=True)
    (root / "loop").symlink_to(root, target_is_directory=True)  # read once, no endless walk


def _bom(suffix: str, content: str) -> Callable[[Path], None]:
    def make(root: Path) -> None:
        (root / f"a{suffix}").write_bytes(b"\xef\xbb\xbf" + content.encode())

    return make


SWALLOWED = (
    "id,text,date\n"
    '1,"Iran met Iraq.,2021-01-01\n'
    "2,Turkey accused Syria.,2021-01-02\n"
    '3,"Russia met China.",2021-01-03\n'
    "4,Egypt met Sudan.,2021-01-04\n"
)
# A multi-line article is no swallowed row: its lines have no date in the date column.
MULTILINE = 'id,text,date\n1,"Iran met Iraq.\nThey talked, and left, today.",2021-01-01\n'

# name, corpus maker, ids of the articles read, pattern each rejection's reason matches
CASES: list[tuple[str, Callable[[Path], None], set[str], list[str]]] = [
    ("lone surrogate", _jsonl('{"id": "s", "text": "x \\ud800 y"}'), {"good", "s", "after"}, []),
    ("url a list", _jsonl('{"id": "u", "text": "t", "url": ["a"]}'), {"good", "after"}, ["'url' must be a string or null, got list"]),
    ("title an object", _jsonl('{"id": "t", "text": "t", "title": {}}'), {"good", "after"}, ["'title' must be .* got dict"]),
    ("source a number", _jsonl('{"id": "n", "text": "t", "source": 5}'), {"good", "after"}, ["'source' must be .* got int"]),
    ("source NaN", _jsonl('{"id": "n", "text": "t", "source": NaN}'), {"good", "after"}, ["'source' must be .* got float"]),
    ("date a list", _jsonl('{"id": "d", "text": "t", "date": []}'), {"good", "after"}, ["'date' must be .* got list"]),
    ("id NaN", _jsonl('{"id": NaN, "text": "t"}'), {"good", "after"}, ["'id' must be a string or a number, got float"]),
    ("id a number", _jsonl('{"id": 5, "text": "t"}'), {"good", "5", "after"}, []),
    ("nested 100,000 deep", _jsonl('{"text": ' + "[" * 100_000 + "]" * 100_000 + "}"), {"good", "after"}, ["nested too deeply"]),
    ("a 5,000-digit id", _jsonl('{"id": ' + "9" * 5000 + ', "text": "t"}'), {"good", "after"}, ["not valid JSON"]),
    ("file with an I/O error", _unreadable_file, {"ok.txt"}, [r"bad\.txt: cannot read this file \(Input/output error\)"]),
    ("dangling symlink", _dangling_link, {"ok.txt"}, [r"gone\.txt: a symbolic link to .*nowhere\.txt, which leads nowhere"]),
    ("FIFO", _fifo, {"ok.txt"}, [r"pipe\.jsonl: not a regular file but a FIFO"]),
    ("symlinked folder", _linked_folder, {"link/far.txt"}, []),
    ("BOM .jsonl", _bom(".jsonl", GOOD), {"good"}, []),
    ("BOM .txt", _bom(".txt", "Iran met Iraq."), {"a.txt"}, []),
    ("BOM .csv", _bom(".csv", "id,text\nc1,Iran met Iraq.\n"), {"c1"}, []),
    ("CSV swallowed rows", lambda r: (r / "a.csv").write_text(SWALLOWED), {"4"}, [r"line 2: the 'text' cell runs on to line 4 .*line 3"]),
    ("CSV multi-line article", lambda r: (r / "a.csv").write_text(MULTILINE), {"1"}, []),
    ("CSV without the text column", lambda r: ((r / "a.csv").write_text("id,body\nx,y\n"), (r / "b.txt").write_text("Iran met Iraq.")), {"b.txt"}, [r"a\.csv: no 'text' column"]),
    ("truncated .warc.gz", _truncated_warc, set(), [r"cut\.warc\.gz, record \d+: the WARC file ends in the middle"]),
]  # fmt: skip


@pytest.mark.parametrize(("name", "make", "ids", "reasons"), CASES, ids=[c[0] for c in CASES])
def test_reliability_readers_hostile_input(
    tmp_path: Path,
    name: str,
    make: Callable[[Path], None],
    ids: set[str],
    reasons: list[str],
) -> None:
    root = tmp_path / "corpus"
    root.mkdir()
    make(root)
    articles, rejected = _split(list(read_inputs([str(root)])))
    if name == "truncated .warc.gz":
        assert articles, "the pages before the cut are kept"
    else:
        assert {a.id for a in articles} == ids
    assert len(rejected) == len(reasons), [r.reason for r in rejected]
    for item, pattern in zip(rejected, reasons, strict=True):
        assert re.search(pattern, item.reason), item.reason
        assert item.source.startswith(str(root))
    for article in articles:
        article.text.encode("utf-8")  # storable: no lone surrogate left
        assert not article.text.startswith("\ufeff")


def test_reliability_readers_lone_surrogate_becomes_replacement_character(tmp_path: Path) -> None:
    path = tmp_path / "a.jsonl"
    path.write_text('{"id": "s\\udfff", "text": "x \\ud800 y", "title": "\\ud83d"}\n')
    (article,) = read_inputs([str(path)])
    assert isinstance(article, Article)
    assert (article.id, article.text, article.title) == ("s\ufffd", "x \ufffd y", "\ufffd")


def test_reliability_readers_surrogate_pair_is_kept(tmp_path: Path) -> None:
    path = tmp_path / "a.jsonl"
    path.write_text('{"id": "e", "text": "ok \\ud83d\\ude00"}\n')
    (article,) = read_inputs([str(path)])
    assert isinstance(article, Article) and article.text == "ok \U0001f600"


@pytest.mark.skipif(IS_ROOT, reason="root reads a file whatever its mode")
def test_reliability_readers_permission_denied_file(tmp_path: Path) -> None:
    (tmp_path / "secret.txt").write_text("Iran met Iraq.")
    (tmp_path / "ok.txt").write_text("Iran met Iraq.")
    os.chmod(tmp_path / "secret.txt", 0)
    articles, rejected = _split(list(read_inputs([str(tmp_path)])))
    assert [a.id for a in articles] == ["ok.txt"]
    assert "Permission denied" in rejected[0].reason


def test_reliability_readers_unlistable_folder(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A folder that cannot be listed (chmod 0 as a user; simulated, as root reads any)."""
    (tmp_path / "locked").mkdir()
    (tmp_path / "locked" / "inside.txt").write_text("Iran met Iraq.")
    (tmp_path / "ok.txt").write_text("Iran met Iraq.")
    scandir = os.scandir

    def refuse(path: os.PathLike[str] | str) -> object:
        if Path(path).name == "locked":
            raise PermissionError(13, "Permission denied", str(path))
        return scandir(path)

    monkeypatch.setattr(readers.os, "scandir", refuse)
    articles, rejected = _split(list(read_inputs([str(tmp_path)])))
    assert [a.id for a in articles] == ["ok.txt"]
    assert len(rejected) == 1
    assert re.search(r"locked: cannot list this folder \(Permission denied\)", rejected[0].reason)


def test_reliability_readers_warc_truncation_names_the_record(tmp_path: Path) -> None:
    _write_warc(tmp_path / "w.warc.gz", 30)
    data = (tmp_path / "w.warc.gz").read_bytes()
    (tmp_path / "w.warc.gz").write_bytes(_cut_in_member(data, 15))
    # Uncompressed and cut, too: warcio used to fail with an AttributeError.
    plain = gzip.decompress(data)
    (tmp_path / "p.warc").write_bytes(plain[: len(plain) // 2])
    articles, rejected = _split(list(read_inputs([str(tmp_path / "w.warc.gz")])))
    assert len(articles) == 15
    (cut,) = rejected
    assert cut.line == 16 and "w.warc.gz" in cut.reason
    # Cut inside a record's headers, an uncompressed WARC ends quietly in warcio; the pages
    # before the cut are kept and the cut is rejected (tests/test_reliability_edges14.py).
    articles, rejected = _split(list(read_inputs([str(tmp_path / "p.warc")])))
    assert len(articles) == 15
    assert len(rejected) == 1 and "p.warc" in rejected[0].reason


@pytest.mark.parametrize("head", [b"\xef\xbb\xbf", b"\xef\xbb\xbf\n"])
def test_reliability_readers_bom_json_lines_on_stdin(head: bytes) -> None:
    stream = io.BytesIO(head + GOOD.encode() + GOOD.replace("good", "two").encode())
    items = list(readers._read_stream(stream, "<stdin>", None))
    assert [i.id for i in items if isinstance(i, Article)] == ["good", "two"]


def _salted(root: Path) -> int:
    """A corpus with every class of CASES in its own folder; returns how many records it holds
    (articles and rejections). Ids are made unique across folders, as the cases reuse them."""
    total = 0
    for n, (name, make, ids, reasons) in enumerate(CASES):
        folder = root / f"case{n:02d}"
        folder.mkdir()
        make(folder)
        for path in list(folder.iterdir()):
            if path.is_file() and not path.is_symlink():
                data = path.read_bytes().replace(b'"id": "', f'"id": "{n}-'.encode())
                path.write_bytes(data)
                path.rename(folder / f"{n}-{path.name}")
        if name == "truncated .warc.gz":  # the pages before the cut, wherever the gzip block ends
            total += sum(isinstance(i, Article) for i in read_inputs([str(folder)]))
        total += len(ids) + len(reasons)
    (root / "empty.jsonl").write_text('{"id": "blank", "text": "   "}\n')
    return total + 1


def test_reliability_readers_salted_corpus_every_record_accounted_for(
    tmp_path: Path, nlp: object
) -> None:
    """Through the CLI: read = coded + empty + rejected, and the store holds the same."""
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    expected = _salted(corpus)
    db = tmp_path / "x.duckdb"
    result = CliRunner().invoke(app, ["code", str(corpus), "--db", str(db)])
    assert result.exit_code == 1, result.stderr
    m = re.search(
        r"read (\d+) record\(s\): coded (\d+) article\(s\), (\d+) empty, (\d+) rejected",
        result.stderr,
    )
    assert m, result.stderr
    read, coded, empty, rejected = map(int, m.groups())
    assert read == coded + empty + rejected
    assert empty == 1
    assert read == expected
    with duckdb.connect(str(db), read_only=True) as con:
        documents = con.execute("SELECT count(*) FROM documents").fetchone()
        rows = con.execute("SELECT count(*) FROM rejected").fetchone()
    assert documents == (coded + empty,) and rows == (rejected,)


@pytest.mark.parametrize("head", ["\ufeff", ""])
def test_reliability_readers_cli_bom_json_lines_on_stdin(head: str, nlp: object) -> None:
    result = CliRunner().invoke(
        app, ["code", "-", "-o", "-"], input=head + GOOD + GOOD.replace("good", "two")
    )
    assert result.exit_code == 0, result.stderr
    assert "read 2 record(s): coded 2 article(s)" in result.stderr
