"""Corpus readers: CSV, HTML, RSS/Atom feeds and WARC files, with stable ids and content hashes."""

from __future__ import annotations

import csv
import hashlib
import io
import re
from pathlib import Path

import pytest
from warcio.statusandheaders import StatusAndHeaders
from warcio.warcwriter import WARCWriter

from eventcoder.chunks import MAX_ARTICLE_ENV
from eventcoder.errors import InputError
from eventcoder.io.readers import Article, CsvColumns, Rejected, read_inputs, stable_id

PAGE = """<!DOCTYPE html>
<html><head><meta charset="{charset}"><title>Talks collapse | Example News</title>
<meta property="article:published_time" content="2016-09-09T10:00:00Z">
<link rel="canonical" href="https://example.com/news/talks">
</head><body><nav><a href="/">Home</a> <a href="/world">World</a></nav>
<article><h1>Talks collapse</h1>
<p>Iran condemned Israel on Friday after talks in {city} collapsed.</p>
<p>The United Nations urged both sides to return to the table.</p></article>
<footer>Copyright 2016 Example News</footer></body></html>"""
NO_TEXT = "<!DOCTYPE html><html><head><title>Gallery</title></head><body><div></div></body></html>"

RSS = """<?xml version="1.0" encoding="UTF-8"?>
<rss version="2.0" xmlns:content="http://purl.org/rss/1.0/modules/content/"><channel>
<title>Example Wire</title><link>https://example.com</link><description>News</description>
<item><title>Talks collapse</title><link>https://example.com/a</link><guid>urn:ex:a</guid>
<pubDate>Fri, 09 Sep 2016 10:00:00 +0000</pubDate><description>Short summary.</description>
<content:encoded><![CDATA[<p>Iran condemned Israel.</p><p>The UN urged calm.</p>]]></content:encoded>
</item>
<item><title>No guid</title><link>https://example.com/b</link>
<description>&lt;p&gt;Russia &lt;b&gt;met&lt;/b&gt; China.&lt;/p&gt;</description></item>
<item><title>Headline only</title><link>https://example.com/c</link></item>
</channel></rss>"""

ATOM = """<?xml version="1.0" encoding="utf-8"?>
<feed xmlns="http://www.w3.org/2005/Atom"><title>Atom Wire</title><id>urn:feed</id>
<updated>2016-09-10T10:00:00Z</updated>
<entry><title>One</title><id>urn:uuid:1</id><link href="https://example.com/1"/>
<updated>2016-09-10T10:00:00Z</updated>
<content type="html">&lt;p&gt;Iran met Iraq.&lt;/p&gt;</content></entry>
<entry><title>Two</title><id>urn:uuid:2</id><link href="https://example.com/2"/>
<published>2016-09-08T10:00:00Z</published><summary>Turkey accused Syria.</summary></entry>
</feed>"""


def _hash(text: str) -> str:
    return hashlib.sha256(text.encode("utf-8")).hexdigest()[:16]


def _split(items: list[Article | Rejected]) -> tuple[list[Article], list[Rejected]]:
    articles = [i for i in items if isinstance(i, Article)]
    return articles, [i for i in items if isinstance(i, Rejected)]


def _write_warc(path: Path) -> None:
    """A WARC with an article page, the request for it and a page with no article text."""
    with open(path, "wb") as fh:
        writer = WARCWriter(fh, gzip=path.name.endswith(".gz"))

        def response(uri: str, html: str) -> None:
            http = StatusAndHeaders(
                "200 OK", [("Content-Type", "text/html; charset=utf-8")], protocol="HTTP/1.1"
            )
            record = writer.create_warc_record(
                uri,
                "response",
                payload=io.BytesIO(html.encode("utf-8")),
                http_headers=http,
                warc_headers_dict={"WARC-Date": "2016-09-09T10:00:00Z"},
            )
            writer.write_record(record)

        response("https://example.com/talks", PAGE.format(charset="utf-8", city="Geneva"))
        request = StatusAndHeaders(
            "GET /talks HTTP/1.1", [("Host", "example.com")], is_http_request=True
        )
        writer.write_record(
            writer.create_warc_record(
                "https://example.com/talks",
                "request",
                payload=io.BytesIO(b""),
                http_headers=request,
            )
        )
        response("https://example.com/gallery", NO_TEXT)


def test_readers_html_gives_article_text_title_date_and_url(tmp_path: Path) -> None:
    path = tmp_path / "talks.html"
    path.write_text(PAGE.format(charset="utf-8", city="Geneva"), encoding="utf-8")
    (article,) = read_inputs([str(path)])
    assert isinstance(article, Article)
    assert article.id == "talks.html"
    assert "Iran condemned Israel on Friday" in article.text
    assert "Home" not in article.text and "Copyright" not in article.text
    assert (article.title, article.date, article.url) == (
        "Talks collapse",
        "2016-09-09",
        "https://example.com/news/talks",
    )
    assert article.content_hash == _hash(article.text)


def test_readers_html_date_falls_back_to_the_file_name(tmp_path: Path) -> None:
    path = tmp_path / "story-2020-01-02.htm"
    page = "<html><body><article><p>Iran condemned Israel on Friday.</p></article></body></html>"
    path.write_text(page, encoding="utf-8")
    (article,) = read_inputs([str(path)])
    assert isinstance(article, Article)
    assert (article.id, article.date) == ("story-2020-01-02.htm", "2020-01-02")


def test_readers_html_in_another_charset_is_decoded(tmp_path: Path) -> None:
    path = tmp_path / "latin.html"
    path.write_bytes(PAGE.format(charset="iso-8859-1", city="Genève").encode("latin-1"))
    (article,) = read_inputs([str(path)])
    assert isinstance(article, Article) and "talks in Genève collapsed" in article.text


def test_readers_html_without_article_text_is_rejected(tmp_path: Path) -> None:
    path = tmp_path / "gallery.html"
    path.write_text(NO_TEXT, encoding="utf-8")
    (rejected,) = read_inputs([str(path)])
    assert isinstance(rejected, Rejected)
    assert rejected.source == str(path)
    assert "gallery.html" in rejected.reason and "no article text" in rejected.reason


def test_readers_csv_columns_are_chosen_by_name(tmp_path: Path) -> None:
    path = tmp_path / "wire.csv"
    path.write_text(
        "doc,published,body\n"
        "a1,2016-09-09,Iran condemned Israel.\n"
        'a2,2016-09-10T23:30:00-04:00,"Russia met China.\nThey signed a deal."\n'
        ",,Turkey accused Syria.\n",
        encoding="utf-8",
    )
    columns = CsvColumns(text="body", id="doc", date="published")
    articles = list(read_inputs([str(path)], date="2001-02-03", columns=columns))
    assert all(isinstance(a, Article) for a in articles)
    assert [(a.id, a.date, a.origin) for a in articles] == [  # type: ignore[union-attr]
        ("a1", "2016-09-09", f"{path}:2"),
        ("a2", "2016-09-10", f"{path}:3"),
        ("wire.csv:5", "2001-02-03", f"{path}:5"),  # no id: the file's name and the row's line
    ]
    assert articles[1].text == "Russia met China.\nThey signed a deal."  # type: ignore[union-attr]


def test_readers_csv_keeps_source_url_and_title(tmp_path: Path) -> None:
    path = tmp_path / "wire.csv"
    path.write_text(
        "id,date,source,url,title,text\n"
        "a1,2016-09-09, Dawn ,https://www.dawn.com/a1,US on Pakistan,Iran condemned Israel.\n"
        "a2,2016-09-09,,,,Russia met China.\n",
        encoding="utf-8",
    )
    first, second = read_inputs([str(path)])
    assert isinstance(first, Article) and isinstance(second, Article)
    assert (first.source, first.url, first.title) == (
        "Dawn", "https://www.dawn.com/a1", "US on Pakistan"
    )  # fmt: skip
    assert (second.source, second.url, second.title) == (None, None, None)  # empty: unknown

    other = tmp_path / "other.tsv"  # other column names, tab-separated
    other.write_text("outlet\tlink\tbody\nAFP\thttps://afp.com/x\tIran met Iraq.\n")
    columns = CsvColumns(text="body", source="outlet", url="link", title=None)
    (article,) = read_inputs([str(other)], columns=columns)
    assert isinstance(article, Article)
    assert (article.source, article.url, article.title) == ("AFP", "https://afp.com/x", None)


@pytest.mark.parametrize(
    ("row", "reason"),
    [
        (b"x,2016-09-09,", "the 'text' cell is empty"),
        (b"x,2016-09-09", "the 'text' cell is empty"),
        (b"x,9 Sept,Iran met Iraq.", "'date' must be YYYY-MM-DD"),
        (b"x,2016-09-09,caf\xe9 talks", "not UTF-8"),
    ],
)
def test_readers_bad_csv_row_is_rejected_with_file_line_and_reason(
    tmp_path: Path, row: bytes, reason: str
) -> None:
    path = tmp_path / "rows.csv"
    lines = [b"id,date,text", b'ok1,,"Iran\ncondemned Israel."', row, b"ok2,,Russia met China."]
    path.write_bytes(b"\n".join(lines) + b"\n")
    articles, rejected = _split(list(read_inputs([str(path)])))
    assert [a.id for a in articles] == ["ok1", "ok2"]
    (bad,) = rejected
    assert (bad.source, bad.line) == (str(path), 4)
    assert reason in bad.reason and "rows.csv, line 4" in bad.reason


def test_readers_csv_that_cannot_be_parsed_further_says_where_it_stopped(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # A cell over Python's csv limit and the article limit both (the reader raises the first
    # to the second, which is 64 MiB unless set lower).
    monkeypatch.setenv(MAX_ARTICLE_ENV, "100000")
    previous = csv.field_size_limit(131_072)
    path = tmp_path / "huge.csv"
    path.write_text(f'id,text\nok,Iran met Iraq.\nbig,"{"x" * 200_000}"\n', encoding="utf-8")
    try:
        articles, rejected = _split(list(read_inputs([str(path)])))
    finally:
        csv.field_size_limit(previous)
    assert [a.id for a in articles] == ["ok"]
    assert rejected[0].line == 3 and "from here on" in rejected[0].reason


def test_readers_csv_without_the_text_column_rejects_that_file(tmp_path: Path) -> None:
    path = tmp_path / "wire.csv"
    path.write_text("id,body\na,Iran met Iraq.\n", encoding="utf-8")
    (tmp_path / "ok.txt").write_text("Iran met Iraq.", encoding="utf-8")
    articles, rejected = _split(list(read_inputs([str(tmp_path)])))
    assert [a.id for a in articles] == ["ok.txt"]
    assert len(rejected) == 1 and rejected[0].line == 1
    assert re.search(r"wire\.csv: no 'text' column.*'id', 'body'", rejected[0].reason)


def test_readers_rss_entries_become_articles(tmp_path: Path) -> None:
    path = tmp_path / "wire.rss"
    path.write_text(RSS, encoding="utf-8")
    articles, rejected = _split(list(read_inputs([str(path)], date="2001-02-03")))
    first, second = articles
    assert (first.id, first.url, first.title, first.date, first.source) == (
        "urn:ex:a",
        "https://example.com/a",
        "Talks collapse",
        "2016-09-09",
        "Example Wire",
    )
    # The full content wins over the summary, one line a paragraph.
    assert first.text == "Iran condemned Israel.\nThe UN urged calm."
    assert (second.id, second.text, second.date) == (
        "https://example.com/b",
        "Russia met China.",
        "2001-02-03",
    )
    (bad,) = rejected
    assert bad.line == 3 and "entry 3: no content or summary" in bad.reason


def test_readers_atom_entries_become_articles(tmp_path: Path) -> None:
    path = tmp_path / "wire.atom"
    path.write_text(ATOM, encoding="utf-8")
    articles = list(read_inputs([str(path)]))
    assert [(a.id, a.text, a.date, a.source) for a in articles] == [  # type: ignore[union-attr]
        ("urn:uuid:1", "Iran met Iraq.", "2016-09-10", "Atom Wire"),
        ("urn:uuid:2", "Turkey accused Syria.", "2016-09-08", "Atom Wire"),
    ]


@pytest.mark.parametrize("content", ["not a feed at all", "<root><item>x</item></root>"])
def test_readers_file_that_is_not_a_feed_is_rejected_once(tmp_path: Path, content: str) -> None:
    path = tmp_path / "data.xml"
    path.write_text(content, encoding="utf-8")
    (rejected,) = read_inputs([str(path)])
    assert isinstance(rejected, Rejected) and rejected.line == 0
    assert "data.xml: not an RSS or Atom feed" in rejected.reason


def test_readers_warc_reads_html_responses_and_rejects_pages_without_text(
    tmp_path: Path,
) -> None:
    path = tmp_path / "crawl.warc.gz"
    _write_warc(path)
    articles, rejected = _split(list(read_inputs([str(path)])))
    (article,) = articles  # the request record is not an article
    assert "Iran condemned Israel on Friday" in article.text
    assert (article.url, article.date, article.title, article.origin) == (
        "https://example.com/talks",
        "2016-09-09",
        "Talks collapse",
        f"{path}:1",
    )
    assert len(article.id) == 36 and not article.id.startswith(("<", "urn:"))
    (bad,) = rejected
    assert bad.line == 3
    assert "crawl.warc.gz, record 3 (https://example.com/gallery)" in bad.reason
    assert "no article text" in bad.reason


def test_readers_damaged_warc_is_rejected_where_reading_stopped(tmp_path: Path) -> None:
    path = tmp_path / "broken.warc"
    path.write_bytes(b"hello\n")
    (rejected,) = read_inputs([str(path)])
    assert isinstance(rejected, Rejected) and rejected.line == 1
    assert "broken.warc, record 1: cannot read the WARC file" in rejected.reason


def test_readers_ids_and_hashes_are_stable(tmp_path: Path) -> None:
    path = tmp_path / "wire.csv"
    path.write_text("text\nIran met Iraq.\nRussia met China.\n", encoding="utf-8")
    first, second = list(read_inputs([str(path)])), list(read_inputs([str(path)]))
    assert first == second
    a, b = first
    assert isinstance(a, Article) and isinstance(b, Article)
    assert (a.id, b.id) == ("wire.csv:2", "wire.csv:3")
    assert a.legacy_id == stable_id(None, str(path), a.text) and len(a.legacy_id) == 16
    assert a.content_hash == _hash("Iran met Iraq.") != b.content_hash
    assert stable_id("given", str(path), a.text) == "given"
    assert stable_id("", str(path), a.text) == a.legacy_id


def test_readers_directory_mixes_formats_in_path_order(tmp_path: Path) -> None:
    (tmp_path / "a.csv").write_text("id,text\ncsv1,Iran met Iraq.\n", encoding="utf-8")
    (tmp_path / "b.html").write_text(PAGE.format(charset="utf-8", city="Oslo"), encoding="utf-8")
    (tmp_path / "c.jsonl").write_text('{"id": "json1", "text": "t"}\n', encoding="utf-8")
    (tmp_path / "d.rss").write_text(RSS, encoding="utf-8")
    (tmp_path / "e.txt").write_text("Iran met Iraq.", encoding="utf-8")
    (tmp_path / "sub").mkdir()
    _write_warc(tmp_path / "sub" / "f.warc")
    (tmp_path / "notes.md").write_text("ignored", encoding="utf-8")
    items = list(read_inputs([str(tmp_path)]))
    origins = [Path(i.origin if isinstance(i, Article) else i.source).name for i in items]
    assert origins == [
        "a.csv:2",
        "b.html",
        "c.jsonl:1",
        "d.rss:1",
        "d.rss:2",
        "d.rss",  # the entry with no text, rejected
        "e.txt",
        "f.warc:1",
        "f.warc",  # the page with no text, rejected
    ]
    assert all(isinstance(i, Rejected) or i.content_hash for i in items)


def test_readers_unsupported_file_names_the_supported_suffixes(tmp_path: Path) -> None:
    path = tmp_path / "x.pdf"
    path.write_bytes(b"%PDF")
    with pytest.raises(InputError, match=r"x\.pdf: .*\.csv.*\.warc\.gz"):
        list(read_inputs([str(path)]))
