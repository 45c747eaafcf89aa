"""Issue 14, document ids: two documents are never one (docs/reliability.md, Document ids).

Each class of colliding input is coded through the command line into a store, with one batch and
with a batch an article (so collisions meet both within a batch and across batches); then the
store holds one row a distinct document, and a re-run codes nothing.
"""

from __future__ import annotations

import json
from pathlib import Path

import duckdb
import pytest
from conftest import shared_file
from typer.testing import CliRunner

from eventcoder.cli import app
from eventcoder.io.readers import Article, Rejected, content_hash, read_inputs
from eventcoder.runner import distinct

runner = CliRunner()

PAK = "Pakistan accused India of terrorism."
RUS = "Russia attacked Ukraine."
PAGE = "<html><body><article><p>{}</p></article></body></html>"


def _jsonl(*records: dict[str, object]) -> str:
    return "".join(json.dumps(r) + "\n" for r in records)


# name, files to write (path -> content), ids the store must hold, rejected, repeated.
CASES = [
    (
        "same file name in two folders",
        {"a/story.txt": PAK, "b/story.txt": RUS},
        {"a/story.txt", "b/story.txt"},
        0,
        0,
    ),
    (
        "a.txt beside a.html",
        {"a.txt": PAK, "a.html": PAGE.format(RUS + " " + PAK)},
        {"a.txt", "a.html"},
        0,
        0,
    ),
    (
        "id-less JSON lines with the same file name in two folders",
        {"a/n.jsonl": _jsonl({"text": PAK}), "b/n.jsonl": _jsonl({"text": RUS})},
        {"a/n.jsonl:1", "b/n.jsonl:1"},
        0,
        0,
    ),
    (
        "id-less CSV rows with the same text",
        {"w.csv": f"text\n{PAK}\n{PAK}\n"},
        {"w.csv:2", "w.csv:3"},
        0,
        0,
    ),
    (
        "empty ids",
        {"n.jsonl": _jsonl({"id": "", "text": PAK}, {"id": " ", "text": RUS})},
        {"n.jsonl:1", "n.jsonl:2"},
        0,
        0,
    ),
    (
        "ids 5 and '5' with one text",
        {"n.jsonl": _jsonl({"id": 5, "text": PAK}, {"id": "5", "text": PAK})},
        {"5"},
        0,
        1,
    ),
    (
        "ids 5 and '5' with two texts",
        {"n.jsonl": _jsonl({"id": 5, "text": PAK}, {"id": "5", "text": RUS})},
        {"5"},
        1,
        0,
    ),
    (
        "one id in two files with two texts",
        {"a.jsonl": _jsonl({"id": "x", "text": PAK}), "b.jsonl": _jsonl({"id": "x", "text": RUS})},
        {"x"},
        1,
        0,
    ),
]


def _code(*args: str, input: str | None = None) -> tuple[int, str]:
    result = runner.invoke(app, ["code", *args], input=input)
    return result.exit_code, result.stderr


def _stored(db: Path) -> list[str]:
    with duckdb.connect(str(db), read_only=True) as con:
        return [row[0] for row in con.execute("SELECT doc_id FROM documents").fetchall()]


@pytest.mark.parametrize("batch_size", ["1", "256"])
@pytest.mark.parametrize(
    ("files", "ids", "rejected", "repeated"),
    [case[1:] for case in CASES],
    ids=[case[0] for case in CASES],
)
def test_reliability_ids_collisions_are_kept_apart(
    nlp: object,
    tmp_path: Path,
    files: dict[str, str],
    ids: set[str],
    rejected: int,
    repeated: int,
    batch_size: str,
) -> None:
    corpus, db = tmp_path / "corpus", tmp_path / "s.duckdb"
    for name, content in files.items():
        (corpus / name).parent.mkdir(parents=True, exist_ok=True)
        (corpus / name).write_text(content, encoding="utf-8")
    code, err = _code(str(corpus), "--db", str(db), "--batch-size", batch_size)
    assert code == (1 if rejected else 0), err
    assert f"coded {len(ids)} article(s), 0 empty, {rejected} rejected" in err
    assert ("already given to another text" in err) == bool(rejected)
    assert (f"{repeated} repeated" in err) == bool(repeated)
    stored = _stored(db)
    assert sorted(stored) == sorted(ids)  # one row a distinct document, none lost
    code, err = _code(str(corpus), "--db", str(db), "--batch-size", batch_size)
    assert f"coded 0 article(s), 0 empty, {rejected} rejected, {len(ids)} already stored" in err
    assert sorted(_stored(db)) == sorted(ids)


def test_reliability_ids_piped_articles_do_not_replace_each_other(
    nlp: object, tmp_path: Path
) -> None:
    db = tmp_path / "s.duckdb"
    for text in (PAK, RUS, PAK):
        code, err = _code("-", "--db", str(db), input=text)
        assert code == 0, err
    assert sorted(_stored(db)) == sorted(f"stdin:{content_hash(t)}" for t in (PAK, RUS))
    assert "coded 0 article(s), 0 empty, 0 rejected, 1 already stored" in err


@pytest.mark.parametrize(
    ("files", "old_ids"),
    [
        ({"one.txt": PAK}, {"one.txt": "one"}),
        (
            {"n.jsonl": _jsonl({"text": PAK}, {"text": RUS})},
            {"n.jsonl:1": "n-1", "n.jsonl:2": "n-2"},
        ),
        ({"p.html": PAGE.format(RUS + " " + PAK)}, {"p.html": "p"}),
    ],
    ids=["txt", "id-less jsonl", "html"],
)
def test_reliability_ids_store_of_an_earlier_version_is_not_coded_again(
    nlp: object, tmp_path: Path, files: dict[str, str], old_ids: dict[str, str]
) -> None:
    corpus, db = tmp_path / "corpus", tmp_path / "s.duckdb"
    corpus.mkdir()
    for name, content in files.items():
        (corpus / name).write_text(content, encoding="utf-8")
    code, err = _code(str(corpus), "--db", str(db))
    assert code == 0, err
    # Give the rows the ids an earlier version gave these files, as its store holds them.
    with duckdb.connect(str(db)) as con:
        for new, old in old_ids.items():
            con.execute("UPDATE documents SET doc_id = ? WHERE doc_id = ?", [old, new])
            con.execute(
                "UPDATE events SET doc_id = $old, event_id = $old || substr(event_id, $cut) "
                "WHERE doc_id = $new",
                {"old": old, "new": new, "cut": len(new) + 1},
            )
        events = con.execute("SELECT count(*) FROM events").fetchone()
    code, err = _code(str(corpus), "--db", str(db))
    assert f"coded 0 article(s), 0 empty, 0 rejected, {len(old_ids)} already stored" in err
    assert sorted(_stored(db)) == sorted(old_ids.keys())  # renamed to the new ids
    with duckdb.connect(str(db), read_only=True) as con:
        assert con.execute("SELECT count(*) FROM events").fetchone() == events
        rows = con.execute("SELECT doc_id, event_id FROM events").fetchall()
    assert rows and all(event_id.startswith(f"{doc_id}-") for doc_id, event_id in rows)


@pytest.mark.slow
def test_reliability_ids_plover_dev_with_a_duplicate_id_codes_into_a_store(
    nlp: object, tmp_path: Path
) -> None:
    path, db = shared_file("data/dev/plover-gsr-dev.jsonl"), tmp_path / "s.duckdb"
    records = [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines()]
    distinct = {r["id"] for r in records}
    code, err = _code(str(path), "--db", str(db))
    assert code == 1  # the second text under PLOVER-GSR01-COERCE-0004 is rejected, with why
    assert "'PLOVER-GSR01-COERCE-0004' was already given to another text" in err
    assert sorted(_stored(db)) == sorted(distinct)
    code, err = _code(str(path), "--db", str(db))
    assert f"coded 0 article(s), 0 empty, 1 rejected, {len(distinct)} already stored" in err


def test_reliability_ids_readers_derive_ids_from_the_path_below_the_input(tmp_path: Path) -> None:
    files = {
        "a/story.txt": PAK,
        "b/story.txt": RUS,
        "a.txt": PAK,
        "n.jsonl": _jsonl({"text": PAK}, {"id": "", "text": RUS}, {"id": 5, "text": PAK}),
        "w.csv": f"id,text\n,{PAK}\n7,{RUS}\n",
    }
    for name, content in files.items():
        (tmp_path / name).parent.mkdir(parents=True, exist_ok=True)
        (tmp_path / name).write_text(content, encoding="utf-8")
    ids = [a.id for a in read_inputs([str(tmp_path)]) if isinstance(a, Article)]
    assert ids == [
        "a/story.txt", "a.txt", "b/story.txt", "n.jsonl:1", "n.jsonl:2", "5", "w.csv:2", "7",
    ]  # fmt: skip
    (one,) = read_inputs([str(tmp_path / "a" / "story.txt")])
    assert isinstance(one, Article) and one.id == "story.txt"


@pytest.mark.parametrize(
    ("texts", "kept", "rejected", "repeated"),
    [
        ([PAK, PAK], 1, 0, 1),  # the same document twice: counted once
        ([PAK, RUS], 1, 1, 0),  # two documents under one id: the second is rejected
        ([PAK, RUS, PAK], 1, 1, 1),
    ],
)
def test_reliability_ids_distinct_keeps_one_document_an_id(
    texts: list[str], kept: int, rejected: int, repeated: int
) -> None:
    items = [
        Article("5", t, origin=f"in.jsonl:{n}", content_hash=content_hash(t))
        for n, t in enumerate(texts, 1)
    ]
    repeats: list[Article] = []
    out = list(distinct(items, repeats.append))
    assert sum(isinstance(i, Article) for i in out) == kept and len(repeats) == repeated
    rejects = [i for i in out if isinstance(i, Rejected)]
    assert len(rejects) == rejected
    for r in rejects:
        assert (r.source, r.line) == ("in.jsonl", 2)
        assert r.reason.startswith("in.jsonl, line 2: id '5' was already given to another text")
        assert "(in.jsonl, line 1)" in r.reason
