"""Throughput: the whole coder against the same spaCy pipeline alone, on the same text.

    .venv/bin/python bench/throughput.py [--repeat 5] [--model NAME] [--max-overhead 0.30]
                                         [--max-context 0.20]

Texts: the bundled article plus every sentence of ../shared/data/dev (about 750 sentences).
Three timings come from one pipeline in one process, interleaved over ``--repeat`` rounds (the
best round of each is compared): spaCy alone (the coder switched off with ``nlp.select_pipes``),
the core coder (events only: the component's ``context`` switched off), and the whole coder
(events plus quotes, dates and places). Exits 1 when the coder's overhead over spaCy exceeds
``--max-overhead`` or quotes, dates and places add more than ``--max-context`` to the core
coder's time.
"""

from __future__ import annotations

import argparse
import json
import sys
import time
from pathlib import Path

import eventcoder

ROOT = Path(__file__).resolve().parents[1]


def texts() -> list[str]:
    out = [p.read_text(encoding="utf-8") for p in sorted((ROOT / "examples").glob("*.txt"))]
    dev = ROOT.parent / "shared" / "data" / "dev"
    for path in sorted(dev.glob("*.jsonl")):
        with open(path, encoding="utf-8") as fh:
            out.extend(json.loads(line)["text"] for line in fh if line.strip())
    return out


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeat", type=int, default=5)
    parser.add_argument("--model", default=None)
    parser.add_argument("--max-overhead", type=float, default=0.30)
    parser.add_argument("--max-context", type=float, default=0.20)
    args = parser.parse_args()

    nlp = eventcoder.load(args.model)
    corpus = texts()
    n_sents = sum(len(list(doc.sents)) for doc in nlp.pipe(corpus))  # also warms up
    component = nlp.get_pipe("eventcoder")
    parse_times, core_times, coder_times = [], [], []
    events = quotes = 0
    for _ in range(args.repeat):
        with nlp.select_pipes(disable=["eventcoder"]):
            start = time.perf_counter()
            for _doc in nlp.pipe(corpus, batch_size=64):
                pass
            parse_times.append(time.perf_counter() - start)
        component.context = False
        start = time.perf_counter()
        for _doc in nlp.pipe(corpus, batch_size=64):
            pass
        core_times.append(time.perf_counter() - start)
        component.context = True
        start = time.perf_counter()
        events = quotes = 0
        for doc in nlp.pipe(corpus, batch_size=64):
            events += len(doc._.events)
            quotes += len(doc._.quotes)
        coder_times.append(time.perf_counter() - start)
    parse, core, coder = min(parse_times), min(core_times), min(coder_times)
    overhead = coder / parse - 1
    context = coder / core - 1
    print(f"texts {len(corpus)}, sentences {n_sents}, events {events}, quotes {quotes}")
    print(f"spaCy pipeline alone: {n_sents / parse:8.1f} sentences/s ({parse:.2f} s)")
    print(f"core coder (events):  {n_sents / core:8.1f} sentences/s ({core:.2f} s)")
    print(f"whole coder:          {n_sents / coder:8.1f} sentences/s ({coder:.2f} s)")
    print(f"coder overhead over spaCy: {overhead:+.1%} (limit {args.max_overhead:.0%})")
    print(
        f"quotes, dates and places over the core coder: {context:+.1%} of its time "
        f"(limit {args.max_context:.0%}); {(coder - core) / max(core - parse, 1e-9):.0%} "
        "of the core component's own time"
    )
    return 0 if overhead <= args.max_overhead and context <= args.max_context else 1


if __name__ == "__main__":
    sys.exit(main())
