"""The progress bar of long runs: articles/s, sentences/s, events found; quiet off a terminal."""

from __future__ import annotations

import time
from collections.abc import Sequence
from pathlib import Path
from typing import Any

from rich.console import Console
from rich.progress import (
    BarColumn,
    Progress,
    SpinnerColumn,
    TextColumn,
    TimeElapsedColumn,
    TimeRemainingColumn,
)


class RunProgress:
    """A live line on ``console`` while a run codes; does nothing unless ``console`` is a terminal
    and ``enabled`` (the CLI enables it when results go to a file or store, not to the screen)."""

    def __init__(
        self, console: Console, enabled: object = True, inputs: Sequence[str] = ()
    ) -> None:
        self.active = bool(enabled) and console.is_terminal
        self.articles = self.sentences = self.events = 0
        self.start = time.perf_counter()
        self._progress = Progress(
            SpinnerColumn(),
            TextColumn("{task.description}"),
            BarColumn(),
            TimeElapsedColumn(),
            TextColumn("ETA"),
            TimeRemainingColumn(),
            console=console,
            transient=True,
        )
        total = count_articles(inputs) if self.active else None
        self._task = self._progress.add_task("starting", total=total)

    def __enter__(self) -> RunProgress:
        if self.active:
            self._progress.start()
        return self

    def __exit__(self, *exc: object) -> None:
        if self.active:
            self._progress.stop()

    def advance(self, coded: Sequence[Any]) -> None:
        """Count a coded batch (items with ``n_sentences`` and ``n_events``)."""
        self.articles += len(coded)
        self.sentences += sum(c.n_sentences for c in coded)
        self.events += sum(c.n_events for c in coded)
        if not self.active:
            return
        elapsed = max(time.perf_counter() - self.start, 1e-9)
        self._progress.update(
            self._task,
            completed=self.articles,
            description=(
                f"{self.articles:,} articles ({self.articles / elapsed:,.1f}/s), "
                f"{self.sentences:,} sentences ({self.sentences / elapsed:,.0f}/s), "
                f"{self.events:,} events"
            ),
        )


def count_articles(inputs: Sequence[str]) -> int | None:
    """How many articles ``inputs`` hold, when a quick look can tell (for the ETA): one per
    .txt/.html file, one per line of .jsonl, one per row of .csv; None when a feed, WARC
    archive or standard input is among them."""
    total = 0
    for item in inputs:
        path = Path(item)
        files = sorted(path.rglob("*")) if path.is_dir() else [path]
        for file in files:
            name = file.name.lower()
            if name.endswith((".txt", ".html", ".htm")):
                total += 1
            elif name.endswith((".jsonl", ".csv")):
                with open(file, "rb") as fh:
                    lines = sum(1 for line in fh if line.strip())
                total += lines - 1 if name.endswith(".csv") else lines
            elif file.is_file() or item == "-":
                return None
    return total
