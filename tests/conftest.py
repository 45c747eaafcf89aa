"""Shared fixtures: one loaded pipeline for the whole session."""

from __future__ import annotations

import io
import json
import os
import socket
import subprocess
import sys
import time
import urllib.request
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest
from spacy.language import Language
from spacy.tokens import Doc, Token
from warcio.statusandheaders import StatusAndHeaders
from warcio.warcwriter import WARCWriter

import eventcoder
from eventcoder.actors import DocActors
from eventcoder.coding import Match, Pattern, PatternBook
from eventcoder.coding.tree import children, is_passive, patients
from eventcoder.coding.triggers import noun_match, verb_match
from eventcoder.evaluate import country
from eventcoder.io.readers import Article
from eventcoder.pipeline import pipe
from eventcoder.records import Event
from eventcoder.store import Store

ROOT = Path(__file__).resolve().parents[1]
DATA = Path(__file__).resolve().parent / "data"
SHARED = ROOT.parent / "shared"
ARTICLE = ROOT / "examples" / "us-pakistan-india-2016-09-09.txt"
# Sentences with known events, for the corpora of store, resumption and interrupt tests.
STORIES = [
    "Pakistan accused India of sponsoring terrorism in Balochistan.",
    "Washington urged Islamabad to act against militant safe havens.",
    "Russia and China held talks in Beijing on trade.",
    "Israeli jets struck targets in Syria overnight, the Syrian army said.",
    "The European Union imposed new sanctions on Iran.",
    "Kenyan police arrested opposition leaders in Nairobi.",
    '"We will not allow any attack on our soil," the Pakistani army chief said.',
]


@pytest.fixture(scope="session")
def nlp() -> Language:
    return eventcoder.load()


def shared_file(relpath: str) -> Path:
    """The file at ``relpath`` under ``../shared``, the project's data beside the repository.

    Skips the calling test, naming the file, when it is absent (a clone without ``../shared``);
    fails instead when ``EVENTCODER_REQUIRE_SHARED`` is set (CI sets it, so that the accuracy
    floors cannot be skipped there without a word).
    """
    path = SHARED / relpath
    if not path.is_file():
        why = f"needs ../shared/{relpath} (the project's shared data, beside the repository)"
        if os.environ.get("EVENTCODER_REQUIRE_SHARED"):
            pytest.fail(f"{why}; EVENTCODER_REQUIRE_SHARED is set")
        pytest.skip(why)
    return path


def store_of(nlp: Language, db: Path, articles: list[Article]) -> Path:
    """``db``: a store of ``articles`` coded by ``nlp``."""
    with Store(db) as store:
        store.write([(d._.meta["article"], list(d._.events)) for d in pipe(nlp, articles)])
    return db


@contextmanager
def served(db: Path, pids: list[int] | None = None) -> Iterator[str]:
    """``eventcoder serve --db db`` in its own process on a free loopback port: its URL, once
    it answers; stopped on leaving. pids: gets the server's process id, for tests that watch it."""
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    command = [sys.executable, "-m", "eventcoder", "serve", "--db", str(db), "--port", str(port)]
    process = subprocess.Popen(command)
    if pids is not None:
        pids.append(process.pid)
    url = f"http://127.0.0.1:{port}"
    try:
        for _ in range(300):
            try:
                urllib.request.urlopen(f"{url}/api/info", timeout=5).close()
                break
            except OSError:
                time.sleep(0.1)
        else:
            pytest.fail("the server did not answer")
        yield url
    finally:
        process.terminate()
        process.wait(timeout=10)


@pytest.fixture(scope="session")
def book(nlp: Language) -> PatternBook:
    """The verb and noun patterns of the session pipeline."""
    return nlp.get_pipe("eventcoder").patterns  # type: ignore[attr-defined, no-any-return]


@dataclass
class Parsed:
    """A text parsed by the session pipeline, with its actors resolved as the coder resolves
    them (without the quotes and gazetteer places the pipeline adds)."""

    doc: Doc
    actors: DocActors

    def __getitem__(self, word: str) -> Token:
        """The first token ``word`` (``"word#2"``: the second)."""
        text, _, nth = word.partition("#")
        return [t for t in self.doc if t.text == text][int(nth or 1) - 1]


Parse = Callable[[str], Parsed]


@pytest.fixture(scope="session")
def parse(nlp: Language) -> Parse:
    """Parse a text for the coding modules' own functions, the way the pipeline does."""
    component = nlp.get_pipe("eventcoder")

    def parse(text: str) -> Parsed:
        doc = nlp(text)
        return Parsed(doc, DocActors(doc, component.dictionary, component.cues.documents))

    return parse


def verb_args(p: Parsed, word: str, book: PatternBook) -> tuple[Token, Pattern, Token | None, bool]:
    """What the trigger step hands the roles step for the verb ``word``: the token, its chosen
    row, what the row says is done (for a row with no object constraint, the verb's own object
    or passive subject) and whether the verb is passive."""
    tok = p[word]
    match = verb_match(tok, p.actors, book)
    assert match is not None, f"no row fits {word!r}"
    passive = is_passive(tok)
    own = patients(tok) if passive else children(tok, "dobj")
    return tok, match.pattern, match.object_token or next(iter(own), None), passive


def triggered(p: Parsed, book: PatternBook) -> dict[int, Match]:
    """The matches of ``p`` by token index as the trigger step finds them, before the later
    steps of ``find_matches`` change them: where each later step's own tests start."""
    found = {}
    for tok in p.actors.tokens:
        match = verb_match(tok, p.actors, book) if tok.pos_ in ("VERB", "AUX") else None
        if match is None and tok.pos_ in ("NOUN", "PROPN"):
            match = noun_match(tok, p.actors, book)
        if match is not None:
            found[tok.i] = match
    return found


def read_jsonl(path: Path) -> list[dict[str, Any]]:
    with open(path, encoding="utf-8") as fh:
        return [json.loads(line) for line in fh if line.strip()]


# (actor country, recipient country, PLOVER type, CAMEO code) of one coded event.
Triple = tuple[str | None, str | None, str | None, str]


def coded(nlp: Language, text: str) -> set[Triple]:
    """The events ``nlp`` codes in ``text``, at the level the rule tests compare."""
    return {
        (country(e.actor), country(e.recipient), e.event_type, e.cameo)
        for e in eventcoder.code(text, nlp=nlp)
    }


def typed(nlp: Language, text: str) -> list[Event]:
    """The events ``nlp`` codes in ``text`` that have a PLOVER type (statements, 01, have none):
    what the no-event cases expect to be empty."""
    return [e for e in eventcoder.code(text, nlp=nlp) if e.event_type]


def event_types(nlp: Language, text: str) -> set[str | None]:
    """The PLOVER types of the events ``nlp`` codes in ``text``."""
    return {e.event_type for e in eventcoder.code(text, nlp=nlp)}


# (actor country, recipient country, PLOVER type) of one coded event.
Dyad = tuple[str | None, str | None, str | None]


def dyads(nlp: Language, text: str) -> set[Dyad]:
    """The events ``nlp`` codes in ``text``, without their CAMEO codes."""
    return {
        (country(e.actor), country(e.recipient), e.event_type)
        for e in eventcoder.code(text, nlp=nlp)
    }


def doc_actors(nlp: Language, text: str) -> tuple[Doc, DocActors]:
    """``text`` parsed and coded by ``nlp``, with a fresh :class:`DocActors` to question."""
    component = nlp.get_pipe("eventcoder")
    doc = nlp(text)
    return doc, DocActors(doc, component.dictionary, component.cues.documents)


def subjects(nlp: Language, text: str) -> dict[str, list[str]]:
    """Each subject's text -> the codes it resolves to, over the whole document."""
    doc, actors = doc_actors(nlp, text)
    return {
        t.text: [a.code for a in actors.resolve_all(t)]
        for t in doc
        if t.dep_ in ("nsubj", "nsubjpass") and t.pos_ != "PRON"
    }


@pytest.fixture(scope="session")
def seed_store(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The bundled article coded into a store the way a user does it: ``eventcoder code
    examples/ --db events.duckdb``."""
    from typer.testing import CliRunner

    from eventcoder.cli import app

    db = tmp_path_factory.mktemp("seed") / "events.duckdb"
    result = CliRunner().invoke(app, ["code", str(ARTICLE.parent), "--db", str(db)])
    assert result.exit_code == 0, result.output
    return db


def write_warc(path: Path, texts: list[str]) -> None:
    """A gzipped WARC of HTML responses (``https://example.com/<n>``), one a text."""
    with open(path, "wb") as fh:
        writer = WARCWriter(fh, gzip=True)
        for n, text in enumerate(texts):
            http = StatusAndHeaders(
                "200 OK", [("Content-Type", "text/html; charset=utf-8")], protocol="HTTP/1.1"
            )
            html = f"<html><body><article><p>{text}</p></article></body></html>"
            record = writer.create_warc_record(
                f"https://example.com/{n}",
                "response",
                payload=io.BytesIO(html.encode()),
                http_headers=http,
            )
            writer.write_record(record)
