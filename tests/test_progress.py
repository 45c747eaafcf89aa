"""The progress line: at once while loading, n/total and rate from the first article, 80 columns."""

from __future__ import annotations

import io
import re
from dataclasses import dataclass
from pathlib import Path

from rich.console import Console

from eventcoder.io.readers import read_inputs
from eventcoder.progress import LOADING, RunProgress
from eventcoder.runner import PipelineSpec, run


@dataclass
class Done:
    """What the progress line reads of a coded article."""

    n_sentences: int = 6
    n_events: int = 2


def _terminal() -> Console:
    return Console(file=io.StringIO(), width=80, force_terminal=True)


def _drawn(progress: RunProgress) -> list[str]:
    """The progress line as an 80-column terminal shows it."""
    console = _terminal()
    console.print(progress.renderable())
    text = console.file.getvalue()  # type: ignore[attr-defined]
    return [line.rstrip() for line in re.sub(r"\x1b\[[0-9;?]*[A-Za-z]", "", text).splitlines()]


def _corpus(path: Path, n: int) -> Path:
    path.write_text('{"text": "x"}\n' * n, encoding="utf-8")
    return path


def test_progress_says_it_is_loading_before_the_first_article(tmp_path: Path) -> None:
    progress = RunProgress(_terminal(), True, [str(_corpus(tmp_path / "c.jsonl", 3))])
    with progress:
        assert LOADING in _drawn(progress)[0]  # shown at once, while the pipeline loads


def test_progress_counts_of_the_total_with_a_rate_from_the_first_article(tmp_path: Path) -> None:
    corpus = _corpus(tmp_path / "c.jsonl", 120_000)
    progress = RunProgress(_terminal(), True, [str(corpus)])
    with progress:
        progress.coding()
        progress.advance([Done()])
        (line,) = _drawn(progress)
        assert "1/120,000 articles" in line
        assert re.search(r" [1-9][\d,.]*/s,", line), line  # a rate, not 0.0/s, at article 1
        progress.advance([Done()] * 12_344)
        lines = _drawn(progress)
    assert len(lines) == 1 and len(lines[0]) <= 80, lines  # one line, nothing cut off
    assert "12,345/120,000 articles" in lines[0] and "24,690 events" in lines[0]
    assert re.search(r"ETA \d+:\d\d:\d\d$", lines[0]), lines


def test_progress_on_standard_input_counts_without_a_total() -> None:
    progress = RunProgress(_terminal(), True, ["-"])
    with progress:
        progress.coding()
        progress.advance([Done()] * 7)
        (line,) = _drawn(progress)
    assert "7 articles," in line and "/s" in line and "ETA" not in line


def test_progress_hears_of_each_article_as_it_is_coded(tmp_path: Path) -> None:
    corpus = tmp_path / "c.jsonl"
    corpus.write_text(
        '{"id": "a", "text": "Iran condemned Israel."}\n{"id": "b", "text": "Peru thanked Chile."}\n',
        encoding="utf-8",
    )
    heard: list[str] = []
    run(
        PipelineSpec(),
        read_inputs([str(corpus)]),
        lambda coded, rejected: heard.append("batch"),
        on_article=lambda c: heard.append(c.article.id),
    )
    assert heard == ["a", "b", "batch"]  # each article before its batch of 256 is done
