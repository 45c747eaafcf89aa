"""One article never costs the others (issue 14): a phrase chain too deep for Python's stack is
cut short, and an article whose coding raises anyway is rejected alone (E174)."""

from __future__ import annotations

import json
import random
from collections.abc import Iterable, Iterator
from pathlib import Path

import pytest
from spacy.language import Language
from spacy.tokens import Doc, Token
from typer.testing import CliRunner

import eventcoder
from eventcoder import runner as runner_module
from eventcoder.actors import DocActors, phrase
from eventcoder.actors.document import MAX_NESTING
from eventcoder.cli import app
from eventcoder.io.readers import Article, read_inputs
from eventcoder.runner import PipelineSpec, run

WORDS = "the minister said that Iran met Iraq officials and in Geneva talks on trade accused Israel"


@pytest.mark.parametrize("shape", ["chain", "cycle"])
def test_reliability_isolation_phrases_waiting_on_each_other_stop_at_a_bound(
    nlp: Language, monkeypatch: pytest.MonkeyPatch, shape: str
) -> None:
    """Each phrase resolved through the one before it (a chain as long as the text), or
    through itself (a cycle): both overflowed Python's stack; now at most MAX_NESTING wait."""
    doc = nlp("Iran met Iraq. " * 500)
    actors = DocActors(doc, nlp.get_pipe("eventcoder").dictionary)
    deepest = 0

    def through(actors: DocActors, head: Token) -> None:
        nonlocal deepest
        deepest = max(deepest, len(actors._resolving))
        if shape == "cycle":
            return actors.resolve(head)  # type: ignore[func-returns-value]
        return actors.resolve(doc[head.i - 1]) if head.i else None  # type: ignore[func-returns-value]

    monkeypatch.setattr(phrase, "resolve_phrase", through)
    assert actors.resolve(doc[-1]) is None
    assert deepest == (1 if shape == "cycle" else MAX_NESTING)


@pytest.mark.slow
def test_reliability_isolation_word_salad_codes_without_overflowing_the_stack() -> None:
    """20,000 random news words with no full stop: "the officials" resolved through an earlier
    "the officials" and so on overflowed the stack (RecursionError: the whole run crashed)."""
    rng = random.Random(1)
    text = " ".join(rng.choice(WORDS.split()) for _ in range(20_000))
    assert eventcoder.code(text, doc_id="salad")  # events, and no RecursionError


def _flaky(real: object) -> object:
    """``pipe`` that raises on any article whose text holds BOOM, as a bug of ours would."""

    def pipe(nlp: Language, articles: Iterable[Article], batch_size: int = 32) -> Iterator[Doc]:
        for doc in real(nlp, articles, batch_size):  # type: ignore[operator]
            if "BOOM" in doc.text:
                raise RuntimeError("boom")
            yield doc

    return pipe


def _corpus(path: Path) -> Path:
    texts = ["Iran condemned Israel.", "BOOM Russia met China.", "Egypt accused Sudan."]
    path.write_text(
        "".join(json.dumps({"id": f"a{k}", "text": t}) + "\n" for k, t in enumerate(texts))
    )
    return path


def test_reliability_isolation_an_article_that_raises_is_rejected_alone(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(runner_module, "pipe", _flaky(runner_module.pipe))
    coded: list[str] = []
    summary = run(
        PipelineSpec(),
        read_inputs([str(_corpus(tmp_path / "c.jsonl"))]),
        lambda batch, rejected: coded.extend(c.article.id for c in batch),
    )
    assert coded == ["a0", "a2"]
    assert (summary.coded, summary.read) == (2, 3)
    [reject] = summary.rejected
    assert (Path(reject.source).name, reject.line) == ("c.jsonl", 2)
    assert (
        "article 'a1' could not be coded" in reject.reason and "RuntimeError: boom" in reject.reason
    )


def test_reliability_isolation_cli_stores_the_others_and_exits_1(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(runner_module, "pipe", _flaky(runner_module.pipe))
    db = tmp_path / "s.duckdb"
    result = CliRunner().invoke(app, ["code", str(_corpus(tmp_path / "c.jsonl")), "--db", str(db)])
    assert result.exit_code == 1, result.output
    assert "could not be coded" in result.stderr
    assert "read 3 record(s): coded 2 article(s), 0 empty, 1 rejected" in result.stderr
