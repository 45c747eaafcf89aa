"""Throughput: the whole coder against the same spaCy pipeline alone, on the same text.

    .venv/bin/python bench/throughput.py [--repeat 5] [--model NAME] [--max-overhead 0.30]

Texts: the bundled article plus every sentence of ../shared/data/dev (about 750 sentences).
Both timings come from one pipeline in one process, the coder switched off with
``nlp.select_pipes``, interleaved over ``--repeat`` rounds; the best round of each is compared.
Exits 1 when the coder's overhead exceeds ``--max-overhead``.
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
    args = parser.parse_args()

    nlp = eventcoder.load(args.model)
    corpus = texts()
    n_sents = sum(len(list(doc.sents)) for doc in nlp.pipe(corpus))  # also warms up
    parse_times, coder_times = [], []
    for _ in range(args.repeat):
        with nlp.select_pipes(disable=["eventcoder"]):
            start = time.perf_counter()
            for _doc in nlp.pipe(corpus, batch_size=64):
                pass
            parse_times.append(time.perf_counter() - start)
        start = time.perf_counter()
        events = 0
        for doc in nlp.pipe(corpus, batch_size=64):
            events += len(doc._.events)
        coder_times.append(time.perf_counter() - start)
    parse, coder = min(parse_times), min(coder_times)
    overhead = coder / parse - 1
    print(f"texts {len(corpus)}, sentences {n_sents}, events {events}")
    print(f"spaCy pipeline alone: {n_sents / parse:8.1f} sentences/s ({parse:.2f} s)")
    print(f"whole coder:          {n_sents / coder:8.1f} sentences/s ({coder:.2f} s)")
    print(f"coder overhead: {overhead:+.1%} (limit {args.max_overhead:.0%})")
    return 0 if overhead <= args.max_overhead else 1


if __name__ == "__main__":
    sys.exit(main())
