"""HTTP API latency: `POST /api/code` on a 600-word article and `GET /api/events` on a store of
100,000 events, over real HTTP on loopback.

    .venv/bin/python bench/server.py [--events 100000] [--code-requests 30] [--event-requests 200]
    .venv/bin/python bench/server.py --load 60 [--clients 16]

Builds the store with bench/analysis.py's synthetic events (rows through the store's own schema),
starts `eventcoder serve` in its own process on a free port, warms it (the first /api/code loads
spaCy), then sends requests one at a time and prints p50 and p99 in milliseconds. The article is
the bundled example (about 670 words). The event queries mix what the dashboard asks: the first
page, a dyad, a PLOVER type, a CAMEO prefix with a date range, words in the sentence, a sort by
Goldstein, a deep page.

With ``--load SECONDS``: ``--clients`` threads send, for that long, half of them the article to
``/api/code`` and half ``/api/events`` queries, all at once; prints the answers by status (only
200 and the documented 429/503 may come back), p50/p99 of each endpoint, and the server's
resident memory after a warm-up round and at the end.
"""

from __future__ import annotations

import argparse
import json
import random
import socket
import statistics
import subprocess
import sys
import tempfile
import time
import urllib.error
import urllib.parse
import urllib.request
from collections import Counter
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from analysis import build

ROOT = Path(__file__).resolve().parents[1]
ARTICLE = ROOT / "examples" / "us-pakistan-india-2016-09-09.txt"
QUERIES = (
    {},
    {"actor": "IND", "recipient": "PAK"},
    {"type": "ACCUSE"},
    {"cameo": "11", "date_from": "2021-01-01", "date_to": "2021-06-30"},
    {"q": "talks"},
    {"sort": "goldstein", "order": "desc"},
    {"offset": "50000"},
    {"country": "CHN", "quad_class": "4"},
)


def percentiles(times: list[float]) -> tuple[float, float]:
    """p50 and p99 of ``times`` (seconds), in milliseconds."""
    ordered = sorted(times)
    p99 = ordered[min(len(ordered) - 1, round(0.99 * (len(ordered) - 1)))]
    return statistics.median(ordered) * 1000, p99 * 1000


def timed(request: urllib.request.Request | str) -> float:
    start = time.perf_counter()
    with urllib.request.urlopen(request, timeout=120) as r:
        r.read()
    return time.perf_counter() - start


def rss_mib(pid: int) -> float:
    """The resident memory of process ``pid`` in MiB (Linux)."""
    status = Path(f"/proc/{pid}/status").read_text()
    return int(next(x.split()[1] for x in status.splitlines() if x.startswith("VmRSS"))) / 1024


def load(url: str, body: bytes, pid: int, seconds: float, clients: int) -> None:
    """Every client at once for ``seconds``: statuses, latencies and memory."""
    statuses: Counter[int] = Counter()
    times: dict[str, list[float]] = {"code": [], "events": []}

    def client(k: int, until: float) -> None:
        while time.monotonic() < until:
            what = "code" if k % 2 else "events"
            request = (
                urllib.request.Request(
                    f"{url}/api/code", body, {"content-type": "application/json"}
                )
                if what == "code"
                else f"{url}/api/events?{urllib.parse.urlencode(QUERIES[k % len(QUERIES)])}"
            )
            try:
                took = timed(request)
                statuses[200] += 1
                times[what].append(took)
            except urllib.error.HTTPError as err:
                statuses[err.code] += 1

    with ThreadPoolExecutor(clients) as pool:
        list(pool.map(client, range(clients), [time.monotonic() + 5] * clients))
        warm = rss_mib(pid)
        statuses.clear()
        times = {"code": [], "events": []}
        until = time.monotonic() + seconds
        list(pool.map(client, range(clients), [until] * clients))
    print(f"{clients} clients for {seconds:g} s: answers {dict(sorted(statuses.items()))}")
    for what, got in times.items():
        if got:
            p50, p99 = percentiles(got)
            print(f"  {what:7} n={len(got):5}  p50 {p50:8.1f} ms  p99 {p99:8.1f} ms")
    print(f"  server memory: {warm:.0f} MiB after warm-up, {rss_mib(pid):.0f} MiB at the end")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--events", type=int, default=100_000)
    parser.add_argument("--code-requests", type=int, default=30)
    parser.add_argument("--event-requests", type=int, default=200)
    parser.add_argument("--load", type=float, default=0, help="seconds of concurrent load")
    parser.add_argument("--clients", type=int, default=16)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        db = Path(tmp) / "events.duckdb"
        build(db, args.events, random.Random(7))
        with socket.socket() as s:
            s.bind(("127.0.0.1", 0))
            port = s.getsockname()[1]
        url = f"http://127.0.0.1:{port}"
        cmd = [sys.executable, "-m", "eventcoder", "serve", "--db", str(db), "--port", str(port)]
        server = subprocess.Popen(cmd, stderr=subprocess.DEVNULL)
        try:
            for _ in range(300):
                try:
                    timed(f"{url}/api/info")
                    break
                except OSError:
                    time.sleep(0.1)
            body = json.dumps({"text": ARTICLE.read_text(), "date": "2016-09-09"}).encode()

            def code() -> float:
                headers = {"content-type": "application/json"}
                return timed(urllib.request.Request(f"{url}/api/code", body, headers))

            code()  # loads spaCy
            if args.load:
                load(url, body, server.pid, args.load, args.clients)
                return
            coding = [code() for _ in range(args.code_requests)]
            queries = [QUERIES[i % len(QUERIES)] for i in range(args.event_requests)]
            reading = [timed(f"{url}/api/events?{urllib.parse.urlencode(q)}") for q in queries]
        finally:
            server.terminate()
            server.wait(timeout=10)
    words = len(ARTICLE.read_text().split())
    for what, times in (
        (f"POST /api/code ({words} words)", coding),
        (f"GET /api/events ({args.events:,} events)", reading),
    ):
        p50, p99 = percentiles(times)
        print(f"{what:40} n={len(times):4}  p50 {p50:8.1f} ms  p99 {p99:8.1f} ms")


if __name__ == "__main__":
    main()
