"""Quotes and speakers: the user's article, a table of hand-written cases, the quote finder's
rules, and quotes on the command line and in the store."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest
from conftest import ARTICLE, DATA, read_jsonl
from spacy.language import Language
from spacy.tokens import Doc
from typer.testing import CliRunner

import eventcoder
from eventcoder.cli import app
from eventcoder.errors import DataFileError
from eventcoder.io.readers import Article
from eventcoder.quotes import Quote, SpeechCues, quoted_spans

CASES = read_jsonl(DATA / "quotes.jsonl")
runner = CliRunner()


@pytest.fixture(scope="module")
def article(nlp: Language) -> Doc:
    text = ARTICLE.read_text(encoding="utf-8")
    return next(eventcoder.pipe(nlp, [Article(id="article", text=text, date="2016-09-09")]))


def _speaker(quote: Quote) -> dict[str, Any]:
    return quote.speaker.to_dict() if quote.speaker else {}


def _matches(quote: Quote, want: dict[str, Any]) -> bool:
    speaker = _speaker(quote)
    return (
        quote.direct == want["direct"]
        and quote.text.startswith(want["starts"])
        and ("cue" not in want or quote.cue == want["cue"])
        and ("code" not in want or speaker.get("code") == want["code"])
        and ("name" not in want or speaker.get("name") == want["name"])
        and ("speaker_text" not in want or speaker.get("text") == want["speaker_text"])
        and want.get("contains", "") in quote.text
    )


# -- the user's article ------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("name", "code", "starts"),
    [
        ("Mark Toner", "USAGOV", "It's not to say it's not sometimes a challenging relationship"),
        ("Mark Toner", "USAGOV", "And that's something we constantly encourage"),
        ("Narendra Modi", "INDGOV", "One country in our neighbourhood"),
        ("Nafees Zakaria", "PAKGOV", "India is a country destabilising Pakistan"),
        ("Nafees Zakaria", "PAKGOV", "India is in fact that single nation"),
        ("Nafees Zakaria", "PAKGOV", "Confessional statement by Kulbhushan"),
    ],
)
def test_quotes_article_speakers(article: Doc, name: str, code: str, starts: str) -> None:
    quote = next(q for q in article._.quotes if q.direct and q.text.startswith(starts))
    speaker = _speaker(quote)
    assert (speaker["name"], speaker["code"]) == (name, code)
    assert ARTICLE.read_text(encoding="utf-8")[quote.start : quote.end] == quote.text


def test_quotes_article_every_direct_quote_has_a_speaker(article: Doc) -> None:
    direct = [q for q in article._.quotes if q.direct]
    assert len(direct) == 7
    assert all(_speaker(q).get("code") for q in direct), [q.text[:30] for q in direct]


def test_quotes_article_zakaria_quote_is_pakistan_accusing_india(article: Doc) -> None:
    quote = next(q for q in article._.quotes if q.text.startswith("India is a country"))
    event = next(e for e in article._.events if e.quote == quote.index)
    assert (event.actor.code, event.cameo, event.recipient and event.recipient.code) == (
        "PAKGOV",
        "112",
        "IND",
    )
    assert event.event_type == "ACCUSE"
    # India's "destabilising" is what Zakaria says, not an event told as fact.
    assert not any(e.actor.country == "IND" and e.quote == quote.index for e in article._.events)


def test_quotes_article_modi_unnamed_country_is_pakistan_inferred(article: Doc) -> None:
    quote = next(q for q in article._.quotes if q.text.startswith("One country"))
    inferred = [e for e in article._.events if e.quote == quote.index]
    assert inferred
    for event in inferred:
        assert event.actor.code == "INDGOV"
        assert event.recipient is not None
        assert (event.recipient.country, event.recipient.kind) == ("PAK", "inferred")
    # Pakistan named as the target in the text is not marked inferred.
    lashed = next(e for e in article._.events if e.trigger.text == "lashed")
    assert lashed.recipient is not None and lashed.recipient.kind != "inferred"


def test_quotes_article_reported_speech(article: Doc) -> None:
    reported = {(q.cue, _speaker(q).get("code")) for q in article._.quotes if not q.direct}
    assert ("stated", "USAGOV") in reported  # State Department deputy spokesperson Mark Toner
    assert ("maintained", "INDGOV") in reported  # "he had maintained" at the G20 is Modi


# -- hand-written cases -------------------------------------------------------------------------


@pytest.mark.parametrize("case", CASES, ids=[c["id"] for c in CASES])
def test_quotes_case(nlp: Language, case: dict[str, Any]) -> None:
    doc = nlp(case["text"])
    quotes = doc._.quotes
    for want in case["quotes"]:
        assert any(_matches(q, want) for q in quotes), (want, [q.to_dict() for q in quotes])
    if "direct_count" in case:
        assert sum(q.direct for q in quotes) == case["direct_count"]
    if "reported_count" in case:
        assert sum(not q.direct for q in quotes) == case["reported_count"]
    for want in case.get("events", []):
        found = [
            e
            for e in doc._.events
            if e.actor.code == want["actor"]
            and e.recipient is not None
            and e.recipient.code == want["recipient"]
            and e.quote == want["quote"]
            and ("cameo" not in want or e.cameo == want["cameo"])
            and ("recipient_kind" not in want or e.recipient.kind == want["recipient_kind"])
        ]
        assert found, (want, [e.to_dict() for e in doc._.events])


# -- rules ---------------------------------------------------------------------------------------


def test_quotes_spans_skip_scare_quotes_and_strip_the_comma() -> None:
    text = 'He called it "zero-sum". "We are leaving now," she said.'
    assert [text[s:e] for s, e in quoted_spans(text)] == ["We are leaving now"]


def test_quotes_spans_unclosed_quote_ends_with_its_paragraph() -> None:
    text = 'He added that, "Nothing will change here.\nDisclaimer: syndicated.'
    assert [text[s:e] for s, e in quoted_spans(text)] == ["Nothing will change here."]


def test_quotes_spans_multi_paragraph_quote_is_one_quote() -> None:
    text = '"First part of it.\n"Second part," he said.'
    spans = quoted_spans(text)
    assert len(spans) == 1
    assert text[spans[0][0] : spans[0][1]].endswith("Second part")


def test_quotes_speech_file_extends_the_cues(tmp_path: Path) -> None:
    extra = tmp_path / "speech.tsv"
    extra.write_text("lament\tverb\n", encoding="utf-8")
    text = '"It is a sad day for the whole country," Antony Blinken lamented.'
    plain = eventcoder.load()(text)._.quotes
    assert plain and plain[0].cue is None  # a person right after the quote, but no cue
    quotes = eventcoder.load(speech=[extra])(text)._.quotes
    assert quotes[0].cue == "lamented" and _speaker(quotes[0])["code"] == "USAGOV"


def test_quotes_speech_file_with_unknown_kind_fails_clearly(tmp_path: Path) -> None:
    bad = tmp_path / "speech.tsv"
    bad.write_text("say\tadverb\n", encoding="utf-8")
    with pytest.raises(DataFileError, match=r"speech.tsv, line 1: unknown speech-cue kind"):
        SpeechCues([bad])


# -- command line -------------------------------------------------------------------------------


def test_quotes_cli_writes_jsonl(tmp_path: Path) -> None:
    out = tmp_path / "quotes.jsonl"
    result = runner.invoke(app, ["quotes", str(ARTICLE), "-o", str(out)])
    assert result.exit_code == 0, result.stderr
    rows = [json.loads(line) for line in out.read_text(encoding="utf-8").splitlines()]
    assert rows and f"{len(rows)} quote(s)" in result.stderr
    first = rows[0]
    assert list(first)[:8] == [
        "doc_id", "quote_index", "speaker", "cue", "text", "start", "end", "direct"
    ]  # fmt: skip
    assert set(first["speaker"]) >= {"text", "name", "code", "country", "sector"}
    names = {r["speaker"]["name"] for r in rows if r["direct"] and r["speaker"]}
    assert {"Mark Toner", "Narendra Modi", "Nafees Zakaria"} <= names


def test_quotes_cli_table_and_csv(tmp_path: Path) -> None:
    result = runner.invoke(app, ["quotes", str(ARTICLE)])
    assert result.exit_code == 0 and "Zakaria" in result.stdout
    out = tmp_path / "quotes.csv"
    result = runner.invoke(app, ["quotes", str(ARTICLE), "-o", str(out)])
    header = out.read_text(encoding="utf-8").splitlines()[0]
    assert header.startswith("doc_id,quote_index,speaker_text,speaker_name,speaker_code")
