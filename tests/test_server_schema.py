"""The OpenAPI schema holds: schemathesis generates requests from it (bounded, seeded) and
checks the loopback server's answers against it: no 5xx but the documented 503, every status
code documented, every body as declared, every schema-valid request accepted."""

from __future__ import annotations

import socket
import subprocess
import sys
import time
import urllib.error
import urllib.request
from pathlib import Path

import pytest
from conftest import ARTICLE
from spacy.language import Language

from eventcoder.io.readers import Article
from eventcoder.pipeline import pipe
from eventcoder.store import Store

SCHEMATHESIS = Path(sys.executable).parent / "schemathesis"


@pytest.mark.slow
def test_server_schema_holds_for_generated_requests(nlp: Language, tmp_path: Path) -> None:
    if not SCHEMATHESIS.is_file():
        pytest.skip("needs schemathesis (dev extra)")
    db = tmp_path / "events.duckdb"
    with Store(db) as store:
        articles = [Article(id="seed", text=ARTICLE.read_text(), date="2016-09-09")]
        store.write([(d._.meta["article"], list(d._.events)) for d in pipe(nlp, articles)])
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    server = subprocess.Popen(
        [sys.executable, "-m", "eventcoder", "serve", "--db", str(db), "--port", str(port)]
    )
    url = f"http://127.0.0.1:{port}"
    try:
        for _ in range(150):
            try:
                urllib.request.urlopen(f"{url}/api/info", timeout=5).close()
                break
            except (urllib.error.URLError, ConnectionError):
                time.sleep(0.2)
        run = subprocess.run(
            [str(SCHEMATHESIS), "run", f"{url}/openapi.json", "--max-examples", "15",
             "--seed", "7", "--no-color"],
            capture_output=True, text=True, timeout=600,
        )  # fmt: skip
    finally:
        server.terminate()
        server.wait(timeout=10)
    assert run.returncode == 0, run.stdout[-3000:]
