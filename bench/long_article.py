"""Time and peak memory to code one long article in pieces (docs/reliability.md, "Long articles
and memory").

    .venv/bin/python bench/long_article.py --mb 50

Builds an article of news-like paragraphs (the sentence "Pakistan accused India of
destabilising Balochistan." and filler) of the given size, codes it in a fresh process and
prints the events found, the seconds taken and the peak resident memory.
"""

from __future__ import annotations

import argparse
import resource
import subprocess
import sys
import time

CODE = """
import sys, eventcoder
size = int(sys.argv[1])
block = ("Pakistan accused India of destabilising Balochistan. "
         + "The markets were quiet and the weather mild for most of the week. " * 20 + "\\n\\n")
text = (block * (size // len(block) + 1))[:size]
print(len(eventcoder.code(text, date="2016-09-09", doc_id="long")))
"""


def main() -> None:
    """Parse ``--mb`` and print the measurement."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--mb", type=float, default=50.0, help="article size in millions of chars")
    size = int(parser.parse_args().mb * 1_000_000)
    start = time.perf_counter()
    done = subprocess.run(
        [sys.executable, "-c", CODE, str(size)], check=True, capture_output=True, text=True
    )
    seconds = time.perf_counter() - start
    peak = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024
    print(f"{size:,} characters: {done.stdout.strip()} events, {seconds:.0f} s, peak {peak:.0f} MB")


if __name__ == "__main__":
    main()
