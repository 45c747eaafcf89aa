"""Long articles and memory per article (issue 14): an article too long for spaCy is coded in
bounded pieces with article-wide offsets; one over the size limit is rejected with its reason and
the run goes on. docs/reliability.md, "Long articles and memory".
"""

from __future__ import annotations

import json
import re
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path

import pytest
from conftest import write_warc
from spacy.language import Language
from typer.testing import CliRunner

import eventcoder
from eventcoder.chunks import MAX_ARTICLE_ENV, PIECE_CHARS, pieces
from eventcoder.cli import app
from eventcoder.errors import InputError
from eventcoder.io.readers import Article, Rejected, read_inputs
from eventcoder.records import Event

SENTENCE = "Pakistan accused India of destabilising Balochistan."
BLOCKS = 30


def _long_article() -> str:
    """Over 1,200,000 characters: the known sentence, then a paragraph of filler, 30 times.
    The filler is mostly spaces, which spaCy parses in no time, so the test stays short."""
    filler = "The markets were quiet.\n\n" + " " * 40_000 + "\n\n"
    return "".join(f"{SENTENCE} {n}.\n\n{filler}" for n in range(BLOCKS))


def _check_offsets(text: str, events: list[Event]) -> None:
    """Every span's text is the article's text at its offsets."""
    for event in events:
        for span in (event.trigger, event.actor, event.recipient):
            assert span is not None and text[span.start : span.end] == span.text


PIECE_CASES = [
    ("paragraphs", ("word " * 30 + "\n\n") * 500, 5_000, "\n\n"),
    ("sentences only", "A short sentence here. " * 1_000, 5_000, ". "),
    ("lines only", "a line of words\n" * 1_000, 5_000, "\n"),
    ("spaces only", "word " * 5_000, 5_000, " "),
    ("no space at all", "x" * 12_345, 5_000, ""),
    ("one short text", "Iran met Iraq.", 5_000, ""),
]  # fmt: skip


@pytest.mark.parametrize(
    ("name", "text", "limit", "end"), PIECE_CASES, ids=[c[0] for c in PIECE_CASES]
)
def test_reliability_long_pieces_cover_the_text_at_boundaries(
    name: str, text: str, limit: int, end: str
) -> None:
    spans = list(pieces(text, limit))
    assert "".join(text[a:b] for a, b in spans) == text
    assert all(0 < b - a <= limit for a, b in spans)
    assert all(text[a:b].endswith(end) for a, b in spans[:-1])


@pytest.fixture(scope="module")
def long_text() -> str:
    text = _long_article()
    assert len(text) > 1_200_000
    return text


@pytest.mark.slow
def test_reliability_long_article_coded_in_pieces(nlp: Language, long_text: str) -> None:
    events = eventcoder.code(long_text, date="2016-09-09", doc_id="big", nlp=nlp)
    assert len(events) == BLOCKS
    assert {(e.cameo, e.actor.code, e.recipient and e.recipient.code) for e in events} == {
        ("112", "PAK", "IND")
    }
    _check_offsets(long_text, events)
    assert [e.event_id for e in events] == [f"big-{n}" for n in range(BLOCKS)]
    assert {e.doc_id for e in events} == {"big"}
    assert {e.date for e in events} == {"2016-09-09"}
    indexes = [e.sentence_index for e in events]
    assert indexes == sorted(set(indexes))


@pytest.mark.slow
def test_reliability_long_article_pieces_carry_places_and_sentences(
    nlp: Language, long_text: str
) -> None:
    doc = next(eventcoder.pipe(nlp, [Article(id="big", text=long_text, date="2016-09-09")]))
    assert doc._.sentences >= 2 * BLOCKS
    places = doc._.places
    assert len(places) >= BLOCKS  # Balochistan, in every block
    for place in places:
        assert long_text[place.start : place.end] == place.text


@pytest.mark.slow
def test_reliability_long_article_through_the_cli_batch_size_1(
    tmp_path: Path, nlp: Language, long_text: str
) -> None:
    (tmp_path / "in").mkdir()
    (tmp_path / "in" / "big.txt").write_text(long_text)
    (tmp_path / "in" / "small.txt").write_text("Iran condemned Israel on Monday.")
    out = tmp_path / "out.jsonl"
    result = CliRunner().invoke(
        app, ["code", str(tmp_path / "in"), "--batch-size", "1", "-o", str(out)]
    )
    assert result.exit_code == 0, result.output
    assert "coded 2 article(s)" in result.output
    records = [json.loads(line) for line in out.read_text().splitlines()]
    big = [r for r in records if r["doc_id"] == "big.txt"]
    assert len(big) == BLOCKS
    for record in big:
        trigger = record["trigger"]
        assert long_text[trigger["start"] : trigger["end"]] == trigger["text"]
    assert any(r["doc_id"] == "small.txt" for r in records)


# Each control character is a token of its own between spaces: 50,000 tokens, which spaCy parsed
# at once in 1.2 GB before (560 MB now; we keep a margin). The child reports its own peak:
# RUSAGE_CHILDREN in the test process would be the largest of every child the suite started.
# The child's own peak (VmHWM, in kB): getrusage's ru_maxrss would also count the pytest process
# it was forked from, as Linux keeps the high-water mark across exec.
CONTROL = (
    "import re, eventcoder; "
    "eventcoder.code(''.join(chr(1 + i % 8) + ' ' for i in range(50_000))); "
    "print(re.search(r'VmHWM:\\s+(\\d+)', open('/proc/self/status').read()).group(1))"
)
MEMORY_BOUND_MB = 900


@pytest.mark.slow
@pytest.mark.skipif(not Path("/proc/self/status").exists(), reason="reads Linux's /proc")
def test_reliability_long_control_characters_stay_under_a_memory_bound() -> None:
    done = subprocess.run(
        [sys.executable, "-c", CONTROL], check=True, timeout=120, capture_output=True, text=True
    )
    peak_mb = int(done.stdout.split()[-1]) / 1024
    assert peak_mb < MEMORY_BOUND_MB


def _over_limit_warc(root: Path) -> None:
    write_warc(
        root / "w.warc.gz", ["Iran met Iraq in Geneva.", "Iran met Iraq. " * 200, "Iran met Iraq."]
    )


def _over_limit_txt(root: Path) -> None:
    (root / "big.txt").write_text("Iran met Iraq. " * 200)
    (root / "ok.txt").write_text("Iran met Iraq.")


OVER_LIMIT_CASES = [
    ("WARC body", _over_limit_warc, 2, r"w\.warc\.gz, record 2 \(https://example\.com/1\): the body is over 1,000 bytes"),
    (".txt file", _over_limit_txt, 1, r"big\.txt: the file is over 1,000 bytes"),
]  # fmt: skip


@pytest.mark.parametrize(
    ("name", "make", "kept", "reason"), OVER_LIMIT_CASES, ids=[c[0] for c in OVER_LIMIT_CASES]
)
def test_reliability_long_over_the_limit_is_rejected_when_read(
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    name: str,
    make: Callable[[Path], None],
    kept: int,
    reason: str,
) -> None:
    monkeypatch.setenv(MAX_ARTICLE_ENV, "1000")
    make(tmp_path)
    items = list(read_inputs([str(tmp_path)]))
    articles = [i for i in items if isinstance(i, Article)]
    (rejected,) = [i for i in items if isinstance(i, Rejected)]
    assert len(articles) == kept
    assert re.search(reason, rejected.reason)


def test_reliability_long_over_the_limit_jsonl_rejected_and_run_goes_on(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, nlp: Language
) -> None:
    monkeypatch.setenv(MAX_ARTICLE_ENV, "1000")
    lines = [
        {"id": "big", "text": "Iran met Iraq. " * 100},
        {"id": "ok", "text": "Iran condemned Israel on Monday."},
    ]
    source = tmp_path / "a.jsonl"
    source.write_text("".join(json.dumps(r) + "\n" for r in lines))
    result = CliRunner().invoke(app, ["code", str(source), "-o", str(tmp_path / "out.jsonl")])
    assert "a.jsonl, line 1: the article is 1,500 characters long, over the limit of 1,000" in (
        result.output
    )
    assert "coded 1 article(s)" in result.output and "1 rejected" in result.output


def test_reliability_long_over_the_limit_library_raises(
    monkeypatch: pytest.MonkeyPatch, nlp: Language
) -> None:
    monkeypatch.setenv(MAX_ARTICLE_ENV, "10")
    with pytest.raises(InputError, match="over the limit of 10"):
        eventcoder.code("Iran condemned Israel on Monday.", doc_id="x", nlp=nlp)


def test_reliability_long_piece_size_is_below_spacy_limit(nlp: Language) -> None:
    assert nlp.max_length > PIECE_CHARS


def test_reliability_long_batches_are_bounded_by_tokens_not_only_articles(nlp: Language) -> None:
    """spaCy parses a batch at once: 16 articles just under a piece's size took 4.7 GB in one
    batch of 32; now a batch holds at most PIECE_TOKENS tokens (one longer article alone)."""
    from eventcoder.chunks import PIECE_TOKENS
    from eventcoder.pipeline import _groups

    docs = [nlp.make_doc("word " * n) for n in (8_000, 8_000, 8_000, 25_000, 10, 10, 10)]
    groups = list(_groups(docs, most=2))
    assert [len(g) for g in groups] == [2, 1, 1, 2, 1]
    assert [d for g in groups for d in g] == docs  # every Doc once, in order
    assert all(len(g) == 1 or sum(map(len, g)) <= PIECE_TOKENS for g in groups)


def test_reliability_long_make_doc_over_max_length_names_the_way_out(nlp: Language) -> None:
    with pytest.raises(InputError, match=r"max_length .*eventcoder.code or eventcoder.pipe"):
        eventcoder.make_doc(nlp, "x " * (nlp.max_length // 2 + 1))


def test_reliability_long_csv_cell_over_pythons_field_limit_is_read(tmp_path: Path) -> None:
    """Python's csv refuses a cell over 131,072 characters and, with it, every row after it; a
    long article in a CSV is read like one in JSON Lines (then coded in pieces)."""
    path = tmp_path / "long.csv"
    long = "Iran met Iraq in Geneva. " * 8_000  # 200,000 characters
    path.write_text(f'id,text,date\n1,"{long}",2020-01-01\n2,Iran met Iraq.,2020-01-02\n')
    read = list(read_inputs([str(path)]))
    assert [(type(r).__name__, len(r.text)) for r in read if isinstance(r, Article)] == [
        ("Article", len(long)),
        ("Article", len("Iran met Iraq.")),
    ]
    assert not [r for r in read if isinstance(r, Rejected)]
