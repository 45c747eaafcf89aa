"""The dashboard in a real browser: Debian's Chromium driven by Playwright, against
``eventcoder serve`` on a free loopback port.

Needs /usr/bin/chromium (or $EVENTCODER_CHROMIUM): skipped with the reason when it is missing,
failed instead when EVENTCODER_REQUIRE_BROWSER is set (.ci/run installs Chromium and sets it).
Screenshots go to build/screenshots/ (or $EVENTCODER_ARTIFACTS).
"""

from __future__ import annotations

import os
import shutil
from collections.abc import Iterator
from pathlib import Path

import pytest
from conftest import ARTICLE, ROOT, served, store_of
from spacy.language import Language

from eventcoder.io.readers import Article

playwright = pytest.importorskip("playwright.sync_api", reason="needs playwright (dev extra)")

CHROMIUM = os.environ.get("EVENTCODER_CHROMIUM") or shutil.which("chromium") or "/usr/bin/chromium"
# The flags that keep Chromium off the network and quiet on a machine with no display.
FLAGS = [
    "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
    "--disable-background-networking", "--disable-component-update", "--disable-sync",
]  # fmt: skip
HOSTILE = (
    'Russia accused Ukraine of shelling <img src=x onerror="window.pwned=1"> Donetsk. '
    "<script>window.pwned=2</script> Russia threatened Ukraine with sanctions."
)
SHOTS = Path(os.environ.get("EVENTCODER_ARTIFACTS") or ROOT / "build" / "screenshots")


def _chromium() -> str:
    if not Path(CHROMIUM).is_file():
        why = f"needs Chromium at {CHROMIUM} (Debian: apt-get install chromium)"
        if os.environ.get("EVENTCODER_REQUIRE_BROWSER"):
            pytest.fail(f"{why}; EVENTCODER_REQUIRE_BROWSER is set")
        pytest.skip(why)
    return CHROMIUM


@pytest.fixture(scope="module")
def server(nlp: Language, tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    """The URL of ``eventcoder serve`` over a store of the user's article and a hostile one."""
    _chromium()
    db = tmp_path_factory.mktemp("dashboard") / "events.duckdb"
    articles = [
        Article(id="seed", text=ARTICLE.read_text(), date="2016-09-09", source="Wire"),
        Article(id="hostile", text=HOSTILE, date="2022-03-02", source="<b>Daily</b>"),
    ]
    with served(store_of(nlp, db, articles)) as url:
        yield url


@pytest.fixture(scope="module")
def browser() -> Iterator[playwright.Browser]:
    with playwright.sync_playwright() as p:
        launched = p.chromium.launch(executable_path=_chromium(), args=FLAGS)
        yield launched
        launched.close()


@pytest.fixture
def page(browser: playwright.Browser, server: str, request: pytest.FixtureRequest) -> Iterator:
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    page = context.new_page()
    errors: list[str] = []
    page.on("pageerror", lambda e: errors.append(str(e)))
    requests: list[str] = []
    page.on("request", lambda r: requests.append(r.url))
    yield page
    SHOTS.mkdir(parents=True, exist_ok=True)
    page.screenshot(path=str(SHOTS / f"{request.node.name}.png"), full_page=True)
    context.close()
    assert not errors, errors
    assert all(u.startswith(server) for u in requests), [u for u in requests if server not in u]


def _open(page: playwright.Page, server: str, view: str) -> None:
    page.goto(f"{server}/#/{view}")
    page.wait_for_selector(f"main[data-ready='{view.split('?')[0]}']", timeout=30_000)


def _filter(page: playwright.Page) -> None:
    page.click("form.filters button")
    page.wait_for_selector("table.events[aria-busy='false']")


def test_dashboard_explorer_loads_and_filters(page: playwright.Page, server: str) -> None:
    _open(page, server, "events")
    assert page.locator("table.events tr[data-event-id]").count() >= 8
    page.fill("form.filters input[name=actor]", "PAK")
    page.fill("form.filters input[name=type]", "ACCUSE")
    _filter(page)
    cells = page.locator("table.events tr[data-event-id] td:nth-child(3)").all_inner_texts()
    assert cells and all(c.startswith("ACCUSE") for c in cells)
    actors = page.locator("table.events tr[data-event-id] td:nth-child(2)").all_inner_texts()
    assert all(a.startswith("PAK") for a in actors)


def test_dashboard_row_shows_its_evidence(page: playwright.Page, server: str) -> None:
    _open(page, server, "events")
    page.fill("form.filters input[name=actor]", "USA")
    page.fill("form.filters input[name=type]", "REQUEST")
    _filter(page)
    page.locator("table.events tr[data-event-id]").first.click()
    page.wait_for_selector(".detail mark.trigger", timeout=60_000)
    sentence = page.inner_text(".detail .sentence")
    assert "Pakistan" in sentence
    assert page.inner_text(".detail mark.actor")
    assert "2016-09-09" in page.inner_text(".detail dl")
    assert "null" not in page.inner_text(".detail")
    assert page.locator(".detail details pre").inner_text(timeout=5_000) is not None


def test_dashboard_codes_a_pasted_article_and_highlights_the_request(
    page: playwright.Page, server: str
) -> None:
    _open(page, server, "code")
    page.fill("form.paste textarea", ARTICLE.read_text())
    page.fill("form.paste input[name=date]", "2016-09-09")
    page.click("form.paste button")
    row = page.locator("tr[data-actor^='USA'][data-type='REQUEST'][data-recipient^='PAK']")
    row.first.wait_for(timeout=120_000)
    row.first.click()
    marks = page.locator(".coded mark")
    assert {m.get_attribute("class") for m in marks.all()} >= {"actor", "trigger", "recipient"}
    assert page.inner_text(".coded mark.trigger") == "urging"
    assert row.first.inner_text().split("\t")[:2] == ["USA", "REQUEST"]


def test_dashboard_shows_article_markup_as_text_and_runs_none_of_it(
    page: playwright.Page, server: str
) -> None:
    _open(page, server, "events")
    page.fill("form.filters input[name=q]", "onerror")
    _filter(page)
    page.wait_for_selector("text=<img src=x onerror")
    page.locator("table.events tr[data-event-id]").first.click()
    page.wait_for_selector(".detail .sentence")
    assert "<img src=x" in page.inner_text(".detail .sentence")
    assert page.locator("main img").count() == 0
    _open(page, server, "code")
    page.fill("form.paste textarea", HOSTILE)
    page.click("form.paste button")
    page.wait_for_selector("text=<script>window.pwned=2</script>", timeout=60_000)
    assert page.evaluate("window.pwned") is None
    assert page.locator("main img, main script").count() == 0


def test_dashboard_dyad_chart_draws_the_articles_india_pakistan_days(
    page: playwright.Page, server: str
) -> None:
    _open(page, server, "dyad?a=IND&b=PAK&freq=day")
    bars = page.locator("svg.dyad rect.hit")
    periods = {b.get_attribute("data-period"): int(b.get_attribute("data-events") or 0)
               for b in bars.all()}  # fmt: skip
    assert periods.get("2016-09-08", 0) >= 1 and periods.get("2016-09-09", 0) >= 1
    assert page.locator("svg.dyad rect.quad3").count() >= 2  # verbal conflict, below the axis
    bars.first.click()
    page.wait_for_selector(".periods p[data-event-id]")
    assert "IND" in page.inner_text(".periods")


def test_dashboard_map_network_and_top_dyads_draw(page: playwright.Page, server: str) -> None:
    _open(page, server, "map")
    assert page.locator("svg.map path.land").count() >= 1
    page.wait_for_selector("svg.map circle.dot", state="attached")
    assert page.locator("svg.map circle.dot").count() >= 1
    _open(page, server, "network")
    labels = set(page.locator("svg.network .node-label").all_text_contents())
    assert {"USA", "PAK", "IND"} <= labels
    _open(page, server, "dyads")
    assert "PAK → IND" in page.inner_text("main")
