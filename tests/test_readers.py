"""Reading input: every record is coded, empty, or rejected with its file, line and reason."""

from __future__ import annotations

import io
import json
from pathlib import Path

import pytest

from eventcoder.errors import InputError
from eventcoder.io.readers import Article, Rejected, content_hash, read_inputs


def _write(path: Path, lines: list[bytes]) -> Path:
    path.write_bytes(b"\n".join(lines) + b"\n")
    return path


def test_readers_txt_is_one_article_named_after_the_file(tmp_path: Path) -> None:
    path = tmp_path / "story-2020-01-02.txt"
    path.write_text("Iran condemned Israel.", encoding="utf-8")
    (article,) = read_inputs([str(path)])
    assert isinstance(article, Article)
    assert (article.id, article.text, article.date) == (
        "story-2020-01-02.txt",  # the name with its suffix: a.txt and a.html are two articles
        "Iran condemned Israel.",
        "2020-01-02",
    )


def test_readers_date_option_fills_undated_input(tmp_path: Path) -> None:
    path = _write(
        tmp_path / "a.jsonl",
        [b'{"id": "x", "text": "t"}', b'{"id": "y", "text": "t", "date": "2001-02-03"}'],
    )
    dates = [a.date for a in read_inputs([str(path)], date="2016-09-09")]  # type: ignore[union-attr]
    assert dates == ["2016-09-09", "2001-02-03"]


@pytest.mark.parametrize(
    ("line", "reason"),
    [
        (b"{not json", "not valid JSON"),
        (b'["a list"]', "must be a JSON object"),
        (b'{"id": "x"}', "no 'text' field"),
        (b'{"id": "x", "text": 5}', "no 'text' field"),
        (b'{"id": "x", "text": "t", "date": "9 Sept"}', "'date' must be YYYY-MM-DD or an ISO"),
        (b'{"id": ["x"], "text": "t"}', "'id' must be a string or a number"),
        (b'{"id": "x", "text": "caf\xe9"}', "not UTF-8"),
    ],
)
def test_readers_bad_record_is_rejected_with_file_line_and_reason(
    tmp_path: Path, line: bytes, reason: str
) -> None:
    path = _write(
        tmp_path / "in.jsonl", [b'{"id": "ok1", "text": "a"}', line, b'{"id": "ok2", "text": "b"}']
    )
    items = list(read_inputs([str(path)]))
    assert [i.id for i in items if isinstance(i, Article)] == ["ok1", "ok2"]
    (bad,) = [i for i in items if isinstance(i, Rejected)]
    assert bad.line == 2
    assert reason in bad.reason
    assert "in.jsonl" in bad.reason and "line 2" in bad.reason


def test_readers_directory_reads_txt_and_jsonl_in_order(tmp_path: Path) -> None:
    (tmp_path / "b.txt").write_text("B", encoding="utf-8")
    _write(tmp_path / "a.jsonl", [json.dumps({"id": "a1", "text": "A"}).encode()])
    (tmp_path / "notes.md").write_text("ignored", encoding="utf-8")
    assert [a.id for a in read_inputs([str(tmp_path)])] == ["a1", "b.txt"]  # type: ignore[union-attr]


def test_readers_stdin_text_and_jsonl(monkeypatch: pytest.MonkeyPatch) -> None:
    class Stdin:
        buffer = io.BytesIO(b"Iran condemned Israel.")

    monkeypatch.setattr("sys.stdin", Stdin)
    (article,) = read_inputs(["-"])
    assert isinstance(article, Article) and article.id == f"stdin:{content_hash(article.text)}"
    Stdin.buffer = io.BytesIO(b'{"id": "s1", "text": "x"}\n{"id": "s2", "text": "y"}\n')
    assert [a.id for a in read_inputs(["-"])] == ["s1", "s2"]  # type: ignore[union-attr]


def test_readers_missing_path_and_bad_date_raise_clear_errors(tmp_path: Path) -> None:
    with pytest.raises(InputError, match="no such file"):
        list(read_inputs([str(tmp_path / "nope.txt")]))
    with pytest.raises(InputError, match="YYYY-MM-DD"):
        list(read_inputs([str(tmp_path)], date="yesterday"))
    (tmp_path / "x.pdf").write_bytes(b"%PDF")
    with pytest.raises(InputError, match=r"not a \.txt or \.jsonl"):
        list(read_inputs([str(tmp_path / "x.pdf")]))


@pytest.mark.parametrize(
    ("value", "day"),
    [
        ("2021-04-12", "2021-04-12"),
        # what news APIs give: the day as written, in the publisher's time zone
        ("2021-04-12T08:30:00Z", "2021-04-12"),
        ("2021-04-12T23:30:00-05:00", "2021-04-12"),
    ],
)
def test_readers_jsonl_takes_an_iso_date_time(tmp_path: Path, value: str, day: str) -> None:
    record = {"id": "x", "text": "t", "date": value}
    path = _write(tmp_path / "in.jsonl", [json.dumps(record).encode()])
    (article,) = read_inputs([str(path)])
    assert isinstance(article, Article) and article.date == day


def test_readers_tsv_is_read_like_csv(tmp_path: Path) -> None:
    path = tmp_path / "in.tsv"
    path.write_text("id\ttext\tdate\nb1\tKenya, Uganda and peace.\t2021-04-12\n", encoding="utf-8")
    (article,) = read_inputs([str(path)])
    assert isinstance(article, Article)
    assert (article.id, article.text, article.date) == (
        "b1",
        "Kenya, Uganda and peace.",
        "2021-04-12",
    )
