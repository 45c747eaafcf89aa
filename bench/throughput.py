"""Throughput: the whole coder against the same spaCy pipeline alone, on the same text.

    .venv/bin/python bench/throughput.py [--repeat 5] [--model NAME] [--max-overhead 0.30]
                                         [--max-context 0.20]

Texts: the bundled article plus every text of ../shared/data/dev; without that folder it stops
with exit code 2 rather than measure on the article alone.
Three timings come from one pipeline in one process, interleaved over ``--repeat`` rounds (in a
rotating order): spaCy alone (the coder switched off with ``nlp.select_pipes``), the core coder
(events only: the component's ``context`` switched off), and the whole coder (events plus quotes,
dates and places). Each timing is reported as the median and range of its rounds. Each ratio is
taken within a round, whose three timings ran under the same load, and reported as the median and
range over rounds. Exits 1 when the median overhead of the coder over spaCy exceeds
``--max-overhead`` or the median share that quotes, dates and places add to the core coder's time
exceeds ``--max-context``.
"""

from __future__ import annotations

import argparse
import json
import statistics
import sys
import time
from pathlib import Path

from spacy.language import Language

import eventcoder

ROOT = Path(__file__).resolve().parents[1]
DEV = ROOT.parent / "shared" / "data" / "dev"
MODES = {"spacy": "spaCy pipeline alone:", "core": "core coder (events):", "whole": "whole coder:"}


def texts() -> list[str]:
    out = [p.read_text(encoding="utf-8") for p in sorted((ROOT / "examples").glob("*.txt"))]
    for path in sorted(DEV.glob("*.jsonl")):
        with open(path, encoding="utf-8") as fh:
            out.extend(json.loads(line)["text"] for line in fh if line.strip())
    return out


def timed(nlp: Language, corpus: list[str], mode: str) -> float:
    """Seconds to run ``nlp`` over ``corpus`` as spaCy alone, the core coder or the whole coder."""
    nlp.get_pipe("eventcoder").context = mode == "whole"
    with nlp.select_pipes(disable=["eventcoder"] if mode == "spacy" else []):
        start = time.perf_counter()
        for _doc in nlp.pipe(corpus, batch_size=64):
            pass
        return time.perf_counter() - start


def spread(values: list[float], fmt: str, unit: str = "") -> str:
    """``values``' median and, when there are several, their range, in format ``fmt``."""
    median = format(statistics.median(values), fmt) + unit
    if len(values) == 1:
        return median
    return f"{median} ({format(min(values), fmt)} to {format(max(values), fmt)}{unit})"


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeat", type=int, default=5)
    parser.add_argument("--model", default=None)
    parser.add_argument("--max-overhead", type=float, default=0.30)
    parser.add_argument("--max-context", type=float, default=0.20)
    args = parser.parse_args()
    if not any(DEV.glob("*.jsonl")):
        parser.exit(
            2,
            f"bench/throughput.py: needs ../shared/data/dev/*.jsonl, the project's shared dev "
            f"sentences beside the repository; none found in {DEV}\n",
        )

    nlp = eventcoder.load(args.model)
    corpus = texts()
    # The warm-up pass also counts what the whole coder finds.
    n_sents = events = quotes = 0
    for doc in nlp.pipe(corpus, batch_size=64):
        n_sents += len(list(doc.sents))
        events += len(doc._.events)
        quotes += len(doc._.quotes)
    times: dict[str, list[float]] = {mode: [] for mode in MODES}
    order = list(MODES)
    for k in range(max(args.repeat, 1)):
        for mode in order[k % 3 :] + order[: k % 3]:
            times[mode].append(timed(nlp, corpus, mode))
    nlp.get_pipe("eventcoder").context = True
    rounds = list(zip(times["spacy"], times["core"], times["whole"], strict=True))
    # Each ratio is against spaCy's or the core coder's whole time, never against the core
    # component's own time (core - spaCy), which a busy machine can bring near zero or below.
    overhead = [whole / spacy - 1 for spacy, _, whole in rounds]
    context = [whole / core - 1 for _, core, whole in rounds]
    events_share = [(core - spacy) / spacy for spacy, core, _ in rounds]
    context_share = [(whole - core) / spacy for spacy, core, whole in rounds]

    print(f"texts {len(corpus)}, sentences {n_sents}, events {events}, quotes {quotes}")
    print(f"{len(rounds)} interleaved rounds; each figure is their median (and range)")
    for mode, label in MODES.items():
        per_second = n_sents / statistics.median(times[mode])
        print(f"{label:45}{per_second:6.1f} sentences/s, {spread(times[mode], '.2f', ' s')}")
    limits = (f", limit {args.max_overhead:.0%}", f", limit {args.max_context:.0%}", "", "")
    labels = (
        "coder overhead over spaCy:",
        "quotes, dates, places over the core coder:",
        "of spaCy's time, events add:",
        "of spaCy's time, quotes, dates, places add:",
    )
    ratios = (overhead, context, events_share, context_share)
    for label, values, limit in zip(labels, ratios, limits, strict=True):
        print(f"{label:45}{spread(values, '+.1%')}{limit}")
    if min(statistics.median(values) for values in ratios) < 0:
        print(
            "note: a cost measured below zero is timing noise (a busy machine); "
            "rerun when it is quieter or with a larger --repeat"
        )
    ok = (
        statistics.median(overhead) <= args.max_overhead
        and statistics.median(context) <= args.max_context
    )
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
