"""The OpenAPI schema holds: schemathesis generates requests from it (bounded, seeded) and
checks the loopback server's answers against it: no 5xx but the documented 503, every status
code documented, every body as declared, every schema-valid request accepted."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest
from conftest import ARTICLE, served, store_of
from spacy.language import Language

from eventcoder.io.readers import Article

SCHEMATHESIS = Path(sys.executable).parent / "schemathesis"


@pytest.mark.slow
def test_server_schema_holds_for_generated_requests(nlp: Language, tmp_path: Path) -> None:
    if not SCHEMATHESIS.is_file():
        pytest.skip("needs schemathesis (dev extra)")
    articles = [Article(id="seed", text=ARTICLE.read_text(), date="2016-09-09")]
    with served(store_of(nlp, tmp_path / "events.duckdb", articles)) as url:
        run = subprocess.run(
            [str(SCHEMATHESIS), "run", f"{url}/openapi.json", "--max-examples", "15",
             "--seed", "7", "--no-color"],
            capture_output=True, text=True, timeout=600, cwd=tmp_path,  # its cache: not the repo's
        )  # fmt: skip
    assert run.returncode == 0, run.stdout[-3000:]
