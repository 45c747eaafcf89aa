"""The HTTP API (eventcoder.server): through FastAPI's test client and over real HTTP."""

from __future__ import annotations

import json
import os
import subprocess
import sys
import time
import urllib.error
import urllib.request
from collections import Counter
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path
from typing import Any

import pytest
from conftest import ARTICLE, served, store_of
from fastapi.testclient import TestClient
from spacy.language import Language

from eventcoder.io.readers import Article
from eventcoder.server import Limits, create_app

ARTICLE_DATE = "2016-09-09"
PLAIN = "Russia accused Ukraine of shelling Donetsk on Monday."


@pytest.fixture(scope="module")
def store(nlp: Language, tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A store holding the user's article and one other, coded by the session pipeline."""
    db = tmp_path_factory.mktemp("server") / "events.duckdb"
    articles = [
        Article(id="seed", text=ARTICLE.read_text(), date=ARTICLE_DATE, source="Wire"),
        Article(id="other", text=PLAIN, date="2022-03-02", source="Daily"),
    ]
    return store_of(nlp, db, articles)


@pytest.fixture(scope="module")
def client(store: Path, nlp: Language) -> TestClient:
    return TestClient(create_app(store, nlp))


def _triples(page: dict[str, Any]) -> set[tuple[str, str, str]]:
    return {(e["actor_country"], e["event_type"], e["recipient_country"]) for e in page["events"]}


def test_server_code_returns_the_records_of_the_cli(client: TestClient) -> None:
    r = client.post("/api/code", json={"text": ARTICLE.read_text(), "date": ARTICLE_DATE})
    assert r.status_code == 200
    body = r.json()
    events = {(e["actor"]["country"], e["event_type"], (e["recipient"] or {}).get("country"))
              for e in body["events"]}  # fmt: skip
    assert ("USA", "REQUEST", "PAK") in events
    assert ("PAK", "ACCUSE", "IND") in events
    assert body["quotes"] and body["places"] and body["dates"]
    assert body["id"]  # content-derived when none is given


def test_server_code_resolves_relative_dates_against_the_given_date(client: TestClient) -> None:
    r = client.post("/api/code", json={"text": PLAIN, "date": "2022-03-02"})
    dates = {e["date"] for e in r.json()["events"]}
    assert dates == {"2022-02-28"}  # the Monday before Wednesday 2 March


@pytest.mark.parametrize(
    ("body", "status"),
    [
        ({"text": PLAIN, "date": "9/9/2016"}, 422),
        ({"text": PLAIN, "date": "2016-02-30"}, 422),
        ({"date": "2016-09-09"}, 422),
        ({"text": 5}, 422),
    ],
)
def test_server_code_refuses_malformed_bodies(
    client: TestClient, body: dict[str, Any], status: int
) -> None:
    r = client.post("/api/code", json=body)
    assert r.status_code == status
    assert r.json()["detail"]


def test_server_code_refuses_a_body_over_the_limit(store: Path, nlp: Language) -> None:
    small = TestClient(create_app(store, nlp, limits=Limits(max_body=1000)))
    r = small.post("/api/code", json={"text": "word " * 1000})
    assert r.status_code == 413


def test_server_code_answers_503_past_the_deadline_or_when_busy(store: Path, nlp: Language) -> None:
    slow = TestClient(create_app(store, nlp, limits=Limits(timeout=0.001)))
    r = slow.post("/api/code", json={"text": ARTICLE.read_text()})
    assert r.status_code == 503 and "longer than" in r.json()["detail"]
    full = TestClient(create_app(store, nlp, limits=Limits(max_pending=0)))
    r = full.post("/api/code", json={"text": PLAIN})
    assert r.status_code == 503 and r.headers["retry-after"]


@pytest.mark.parametrize(
    ("params", "expected"),
    [
        ({"actor": "usa", "recipient": "PAK"}, {("USA", "REQUEST", "PAK")}),
        ({"actor": "PAK", "type": "ACCUSE"}, {("PAK", "ACCUSE", "IND")}),
        ({"source": "Daily"}, {("RUS", "ACCUSE", "UKR")}),
        ({"q": "shelling"}, {("RUS", "ACCUSE", "UKR")}),
        ({"date_from": "2020-01-01"}, {("RUS", "ACCUSE", "UKR")}),
        ({"cameo": "11", "country": "UKR"}, {("RUS", "ACCUSE", "UKR")}),
        ({"q": "100%_"}, set()),  # wildcards are words, not patterns
    ],
)
def test_server_events_filters(
    client: TestClient, params: dict[str, str], expected: set[tuple[str, str, str]]
) -> None:
    r = client.get("/api/events", params=params)
    assert r.status_code == 200
    assert _triples(r.json()) >= expected if expected else r.json()["total"] == 0
    if "type" in params:
        assert {e["event_type"] for e in r.json()["events"]} == {params["type"]}


def test_server_events_pages_do_not_overlap_and_count_all(client: TestClient) -> None:
    everything = client.get("/api/events", params={"limit": 1000}).json()
    seen: list[str] = []
    for offset in range(0, everything["total"], 3):
        page = client.get("/api/events", params={"limit": 3, "offset": offset, "sort": "cameo"})
        seen += [e["event_id"] for e in page.json()["events"]]
    assert sorted(seen) == sorted(e["event_id"] for e in everything["events"])
    assert len(seen) == everything["total"] > 3


def test_server_events_sorts_and_writes_csv(client: TestClient) -> None:
    r = client.get("/api/events", params={"sort": "goldstein", "order": "desc"})
    scores = [e["goldstein"] for e in r.json()["events"]]
    assert scores == sorted(scores, reverse=True)
    r = client.get("/api/events", params={"format": "csv", "actor": "PAK"})
    assert r.headers["content-type"].startswith("text/csv")
    header, *rows = r.text.splitlines()
    assert header.startswith("event_id,doc_id") and rows


@pytest.mark.parametrize(
    "params",
    [
        {"sort": "sentence; DROP TABLE events"},
        {"cameo": "1' OR '1'='1"},
        {"quad_class": "5"},
        {"limit": "0"},
        {"date_from": "yesterday"},
    ],
)
def test_server_events_refuses_bad_parameters(client: TestClient, params: dict[str, str]) -> None:
    assert client.get("/api/events", params=params).status_code == 422
    assert client.get("/api/events").json()["total"] > 0  # the table is still there


def test_server_event_detail_has_evidence_and_explanation(client: TestClient) -> None:
    page = client.get("/api/events", params={"actor": "USA", "type": "REQUEST"}).json()
    event_id = page["events"][0]["event_id"]
    r = client.get(f"/api/events/{event_id}")
    assert r.status_code == 200
    detail = r.json()
    assert detail["event"]["event_id"] == event_id
    assert detail["document"]["source"] == "Wire"
    assert detail["explanation"]["text"] == detail["event"]["sentence"]
    assert detail["explanation"]["triggers"]
    assert client.get("/api/events/no-such-id").status_code == 404


def test_server_without_a_store_codes_but_has_no_events(nlp: Language) -> None:
    bare = TestClient(create_app(None, nlp))
    assert bare.get("/api/events").status_code == 404
    assert bare.post("/api/code", json={"text": PLAIN}).status_code == 200


def test_server_token_is_required_when_set(store: Path, nlp: Language) -> None:
    guarded = TestClient(create_app(store, nlp, token="s3cret"))
    assert guarded.get("/api/events").status_code == 401
    wrong = {"Authorization": "Bearer nope"}
    assert guarded.get("/api/events", headers=wrong).status_code == 401
    right = {"Authorization": "Bearer s3cret"}
    assert guarded.get("/api/events", headers=right).status_code == 200


def test_server_openapi_documents_every_parameter(client: TestClient) -> None:
    schema = client.get("/openapi.json").json()
    assert set(schema["paths"]) >= {"/api/code", "/api/events", "/api/events/{event_id}"}
    for path, methods in schema["paths"].items():
        for method, operation in methods.items():
            assert operation.get("description") or operation.get("summary"), (path, method)
            for parameter in operation.get("parameters", []):
                if parameter["in"] == "query":
                    assert parameter.get("description"), (path, parameter["name"])
            assert "200" in operation["responses"]
    page = schema["components"]["schemas"]["EventRow"]["properties"]
    assert {"event_id", "actor_code", "cameo", "goldstein"} <= set(page)


def _cli() -> list[str]:
    return [sys.executable, "-m", "eventcoder"]


def test_server_over_real_http(store: Path) -> None:
    with served(store) as url:
        query = f"{url}/api/events?actor=PAK&type=ACCUSE"
        page = json.loads(urllib.request.urlopen(query, timeout=30).read())
    assert ("PAK", "ACCUSE", "IND") in _triples(page)


def test_server_refuses_to_bind_beyond_loopback_without_a_token(store: Path) -> None:
    env = {k: v for k, v in os.environ.items() if k != "EVENTCODER_TOKEN"}
    r = subprocess.run(
        [*_cli(), "serve", "--db", str(store), "--host", "0.0.0.0", "--port", "0"],
        capture_output=True,
        text=True,
        env=env,
        timeout=60,
    )
    assert r.returncode == 2
    assert "EVENTCODER_TOKEN" in r.stderr and "Traceback" not in r.stderr


def test_server_refuses_a_store_that_is_not_one(tmp_path: Path) -> None:
    bad = tmp_path / "notes.txt"
    bad.write_text("hello")
    r = subprocess.run(
        [*_cli(), "serve", "--db", str(bad)], capture_output=True, text=True, timeout=60
    )
    assert r.returncode == 2 and "Traceback" not in r.stderr


def test_server_series_has_the_articles_dyads_on_their_days(client: TestClient) -> None:
    r = client.get("/api/series", params={"a": "IND", "b": "PAK", "freq": "day"})
    assert r.status_code == 200
    days = {row["period"]: row for row in r.json()["rows"]}
    # Modi spoke in Laos "yesterday" (8 September); Pakistan's accusation came on the 9th.
    assert days["2016-09-08"]["verbal_conflict"] >= 1
    assert days["2016-09-09"]["n_events"] >= 1
    assert all(row["end"] == row["period"] for row in days.values())
    usa = client.get("/api/series", params={"a": "usa", "b": "pak", "freq": "month"}).json()
    (month,) = usa["rows"]
    assert month["period"] == "2016-09-01" and month["end"] == "2016-09-30"
    assert month["verbal_coop"] >= 1


@pytest.mark.parametrize("params", [{"a": "PAKISTAN!"}, {"a": "IND", "freq": "hour"}, {"b": "P K"}])
def test_server_series_refuses_bad_terms(client: TestClient, params: dict[str, str]) -> None:
    r = client.get("/api/series", params=params)
    assert r.status_code == 422 and r.json()["detail"]


def test_server_top_dyads_actors_and_network(client: TestClient) -> None:
    dyads = client.get("/api/dyads/top", params={"limit": 5}).json()["rows"]
    assert ("PAK", "IND") in {(d["actor"], d["recipient"]) for d in dyads}
    actors = {a["actor"] for a in client.get("/api/actors/top").json()["rows"]}
    assert {"USA", "PAK", "IND"} <= actors
    network = client.get("/api/network").json()
    ids = {n["id"] for n in network["nodes"]}
    assert {(e["source"], e["target"]) for e in network["edges"]} >= {("USA", "PAK")}
    assert all(e["source"] in ids and e["target"] in ids for e in network["edges"])


def test_server_world_outline_is_served_from_the_package(client: TestClient) -> None:
    rings = client.get("/api/world").json()["rings"]
    assert len(rings) > 100
    # Rings across the date line are drawn on both sides: longitudes run past ±180 there.
    assert all(-90 <= lat <= 90 for ring in rings for _, lat in ring)
    inside = sum(-180 <= lon <= 180 for ring in rings for lon, _ in ring)
    assert inside > 0.75 * sum(map(len, rings))


def test_server_refuses_a_clients_request_past_its_limit(store: Path, nlp: Language) -> None:
    closed = TestClient(create_app(store, nlp, limits=Limits(per_client=0)))
    r = closed.get("/api/events")
    assert r.status_code == 429 and r.headers["retry-after"] and r.json()["detail"]
    assert closed.get("/").status_code == 200  # the page itself is not an API request


def _rss_kib(pid: int) -> int:
    status = Path(f"/proc/{pid}/status").read_text()
    return int(next(line.split()[1] for line in status.splitlines() if line.startswith("VmRSS")))


@pytest.mark.slow
def test_server_under_load_answers_only_documented_codes_and_keeps_its_memory(
    store: Path,
) -> None:
    """16 clients on loopback for 10 s (bench/server.py --load runs 60 s): every answer is 200
    or the documented 429/503, and the server's memory after the run is near what it was after
    the first round."""
    if not Path("/proc/self/status").exists():
        pytest.skip("needs /proc to read the server's memory")
    text = json.dumps({"text": ARTICLE.read_text(), "date": "2016-09-09"}).encode()
    pids: list[int] = []
    with served(store, pids) as url:

        def client(k: int, seconds: float) -> Counter[int]:
            seen: Counter[int] = Counter()
            end = time.monotonic() + seconds
            while time.monotonic() < end:
                if k % 2:
                    request = urllib.request.Request(
                        f"{url}/api/code", text, {"content-type": "application/json"}
                    )
                else:
                    request = urllib.request.Request(f"{url}/api/events?actor=PAK&q=terror")
                try:
                    with urllib.request.urlopen(request, timeout=60) as r:
                        seen[r.status] += 1
                except urllib.error.HTTPError as e:
                    seen[e.code] += 1
            return seen

        with ThreadPoolExecutor(16) as pool:
            list(pool.map(client, range(16), [2.0] * 16))  # warm: spaCy loaded, caches full
            before = _rss_kib(pids[0])
            seen = sum(pool.map(client, range(16), [10.0] * 16), Counter())
        after = _rss_kib(pids[0])
    assert set(seen) <= {200, 429, 503}, seen
    assert seen[200] > 16
    assert after < before * 1.25 + 50_000, (before, after)
