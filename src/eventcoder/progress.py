"""The progress line of long runs: articles done of the total, articles/s, events found.

It appears at once (while the spaCy pipeline loads), counts from the first article, fits an
80-column terminal, and stays quiet off a terminal (a log file or a pipe gets no bar).
"""

from __future__ import annotations

import time
from collections.abc import Sequence
from pathlib import Path
from typing import Any

from rich.console import Console, RenderableType
from rich.progress import BarColumn, Progress, SpinnerColumn, TextColumn, TimeElapsedColumn

LOADING = "loading the pipeline"
COUNTING = "counting the articles"


class RunProgress:
    """A live line on ``console`` while a run codes; does nothing unless ``console`` is a terminal
    and ``enabled`` (the CLI enables it when results go to a file or store, not to the screen).

    Use as a context manager around loading and coding: it says it is loading at once, call
    :meth:`coding` when the pipeline is ready (the clock and the count of ``inputs`` start
    then), and :meth:`advance` with each article or batch coded.
    """

    def __init__(
        self, console: Console, enabled: object = True, inputs: Sequence[str] = ()
    ) -> None:
        self.active = bool(enabled) and console.is_terminal
        self.inputs = inputs
        self.articles = self.sentences = self.events = 0
        self.total: int | None = None
        self.start = time.perf_counter()
        self._progress = Progress(
            SpinnerColumn(),
            TextColumn("{task.description}"),
            BarColumn(bar_width=None),  # takes what the text leaves of the line
            TimeElapsedColumn(),
            TextColumn("{task.fields[eta]}"),
            console=console,
            transient=True,
            expand=True,
        )
        self._task = self._progress.add_task(LOADING, total=None, eta="")

    def __enter__(self) -> RunProgress:
        if self.active:
            self._progress.start()
        return self

    def __exit__(self, *exc: object) -> None:
        if self.active:
            self._progress.stop()

    def coding(self) -> None:
        """The pipeline is loaded: count the inputs (when a quick look can) and start the clock,
        so the rate is that of coding, not of loading."""
        if self.active:
            self._progress.update(self._task, description=COUNTING)
            self.total = count_articles(self.inputs)
        self.start = time.perf_counter()
        self._show()

    def advance(self, coded: Sequence[Any]) -> None:
        """Count coded articles (items with ``n_sentences`` and ``n_events``): one as soon as it
        is coded, or a batch."""
        self.articles += len(coded)
        self.sentences += sum(c.n_sentences for c in coded)
        self.events += sum(c.n_events for c in coded)
        self._show()

    def line(self) -> str:
        """What the line says besides the bar and the clock: ``n/total articles, rate/s,
        events``."""
        rate = self.articles / max(time.perf_counter() - self.start, 1e-9)
        done = f"{self.articles:,}" + (f"/{self.total:,}" if self.total is not None else "")
        speed = f"{rate:,.0f}" if rate >= 100 else f"{rate:.1f}"  # short: the line fits 80
        return f"{done} articles, {speed}/s, {self.events:,} events"

    def renderable(self) -> RenderableType:
        """The live line as it is drawn now (for tests and for printing it once)."""
        return self._progress.get_renderable()

    def _show(self) -> None:
        if not self.active:
            return
        elapsed = max(time.perf_counter() - self.start, 1e-9)
        eta = ""
        if self.total is not None and self.articles:
            left = max(self.total - self.articles, 0) * elapsed / self.articles
            eta = f"ETA {int(left) // 3600}:{int(left) % 3600 // 60:02d}:{int(left) % 60:02d}"
        self._progress.update(
            self._task, total=self.total, completed=self.articles, description=self.line(), eta=eta
        )


def count_articles(inputs: Sequence[str]) -> int | None:
    """How many articles ``inputs`` hold, when a quick look can tell (for the ETA): one per
    .txt/.html file, one per line of .jsonl, one per row of .csv/.tsv; None when a feed, WARC
    archive or standard input is among them."""
    total = 0
    for item in inputs:
        path = Path(item)
        files = sorted(path.rglob("*")) if path.is_dir() else [path]
        for file in files:
            name = file.name.lower()
            if name.endswith((".txt", ".html", ".htm")):
                total += 1
            elif name.endswith((".jsonl", ".csv", ".tsv")):
                with open(file, "rb") as fh:
                    lines = sum(1 for line in fh if line.strip())
                total += lines if name.endswith(".jsonl") else lines - 1  # a header row
            elif file.is_file() or item == "-":
                return None
    return total
