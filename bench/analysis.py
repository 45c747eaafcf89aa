"""Analysis benchmark: `eventcoder series` and `eventcoder plot` on a store of 10,000 events.

    .venv/bin/python bench/analysis.py [--events 10000] [--repeat 3]

Builds a store of synthetic events (rows inserted through the store's own schema: 16 countries
and their governments, CAMEO codes with their QuadClass, Goldstein value and PLOVER type from the
ontology, dates over two years, a third of the events located), then times each command in a
fresh process, as a user runs it (Python start-up and imports included; ``eventcoder --version``
gives that start-up alone), and the library call alone in this process. Prints the median of
``--repeat`` runs.
"""

from __future__ import annotations

import argparse
import random
import statistics
import subprocess
import sys
import tempfile
import time
from datetime import date, timedelta
from pathlib import Path

import pyarrow as pa

from eventcoder import analysis, plot
from eventcoder.ontology import get_ontology
from eventcoder.store import Store

COUNTRIES = {
    "USA": (38.9, -77.0), "PAK": (33.7, 73.0), "IND": (28.6, 77.2), "CHN": (39.9, 116.4),
    "RUS": (55.8, 37.6), "UKR": (50.5, 30.5), "IRN": (35.7, 51.4), "ISR": (31.8, 35.2),
    "TUR": (39.9, 32.9), "EGY": (30.0, 31.2), "KEN": (-1.3, 36.8), "NGA": (9.1, 7.5),
    "BRA": (-15.8, -47.9), "FRA": (48.9, 2.4), "DEU": (52.5, 13.4), "JPN": (35.7, 139.7),
}  # fmt: skip
COMMANDS = {
    "series --freq week -o series.csv": ["series", "IND", "PAK", "--freq", "week", "-o"],
    "plot dyad -o .png": ["plot", "dyad", "IND", "PAK", "-o"],
    "plot dyad -o .html": ["plot", "dyad", "IND", "PAK", "-o"],
    "plot map -o .png": ["plot", "map", "-o"],
    "plot network -o .png": ["plot", "network", "-o"],
}
SUFFIXES = {"series": ".csv", ".png": ".png", ".html": ".html"}


def build(db: Path, n: int, rng: random.Random) -> None:
    """A store of ``n`` synthetic events in one document per 50 events."""
    codes = [c for c in get_ontology().codes.values() if len(c.code) == 3]
    start = date(2022, 1, 1)
    rows = []
    for i in range(n):
        a, b = rng.sample(sorted(COUNTRIES), 2)
        cameo = rng.choice(codes)
        lat, lon = COUNTRIES[b]
        located = i % 3 == 0
        rows.append((
            f"e{i}", f"d{i // 50}", (start + timedelta(days=rng.randrange(730))).isoformat(),
            a + rng.choice(("", "GOV")), a, b, b, cameo.event_type, cameo.code, cameo.quad_class,
            cameo.goldstein, lat if located else None, lon if located else None,
            b if located else None, False,
        ))  # fmt: skip
    columns = [
        "event_id", "doc_id", "date", "actor_code", "actor_country", "recipient_code",
        "recipient_country", "event_type", "cameo", "quad_class", "goldstein", "location_lat",
        "location_lon", "location_name", "negated",
    ]  # fmt: skip
    # One Arrow table, not executemany: DuckDB inserts those a row at a time (minutes for 100,000).
    table = pa.table({name: [row[k] for row in rows] for k, name in enumerate(columns)})
    documents = pa.table({"doc_id": [f"d{k}" for k in range((n + 49) // 50)]})
    with Store(db) as store, store.connection() as con:
        con.register("synthetic_documents", documents)
        con.execute(
            "INSERT INTO documents (doc_id, status) SELECT doc_id, 'coded' FROM synthetic_documents"
        )
        con.register("synthetic_events", table)
        con.execute(
            f"INSERT INTO events ({', '.join(columns)}) "
            f"SELECT {', '.join(columns)} FROM synthetic_events"
        )


def timed(run: object, repeat: int) -> float:
    times = []
    for _ in range(repeat):
        began = time.perf_counter()
        run()  # type: ignore[operator]
        times.append(time.perf_counter() - began)
    return statistics.median(times)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--events", type=int, default=10_000)
    parser.add_argument("--repeat", type=int, default=3)
    args = parser.parse_args()
    cli = str(Path(sys.executable).with_name("eventcoder"))
    with tempfile.TemporaryDirectory() as tmp:
        db = Path(tmp) / "events.duckdb"
        build(db, args.events, random.Random(12))
        print(f"store: {args.events} events, {db.stat().st_size / 1e6:.1f} MB")
        print(f"{'command (fresh process)':<36}{'median s':>10}")
        # What every command pays before it starts: Python, the CLI's imports (spaCy included).
        startup = timed(
            lambda: subprocess.run([cli, "--version"], check=True, capture_output=True), args.repeat
        )
        print(f"{'--version (start-up alone)':<36}{startup:>10.2f}")
        for name, argv in COMMANDS.items():
            out = Path(tmp) / ("out" + next(s for k, s in SUFFIXES.items() if k in name))
            command = [cli, *argv, str(out), "--db", str(db)]
            seconds = timed(
                lambda c=command: subprocess.run(c, check=True, capture_output=True), args.repeat
            )
            print(f"{name:<36}{seconds:>10.2f}")
        calls = {
            "analysis.series(week)": lambda: analysis.series(db, "IND", "PAK", "week"),
            "plot.dyad(.png)": lambda: plot.dyad(db, "IND", "PAK", Path(tmp) / "d.png"),
            "plot.dyad(.html)": lambda: plot.dyad(db, "IND", "PAK", Path(tmp) / "d.html"),
            "plot.map(.png)": lambda: plot.map(db, Path(tmp) / "m.png"),
            "plot.network(.png)": lambda: plot.network(db, Path(tmp) / "n.png"),
        }
        print(f"{'library call (warm, in process)':<36}{'median s':>10}")
        for name, call in calls.items():
            call()  # warm: imports and the world outline loaded once
            print(f"{name:<36}{timed(call, args.repeat):>10.2f}")


if __name__ == "__main__":
    main()
