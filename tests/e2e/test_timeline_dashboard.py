"""The dashboard's timeline end to end, in headless Chromium, over the hand-dated store of
tests/conftest.py: two bands (dated by the text, in a story window) with a legend that
counts them and the undated, the 1948 outlier counted in a stub at the axis' edge, and the
date filters of the form read as the API reads them.

Screenshots are written to test-artifacts/timeline.png and timeline-january.png.
"""

from __future__ import annotations

import shutil
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import httpx
import pytest

CHROMIUM = Path("/usr/bin/chromium")
CHROMIUM_ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--no-first-run"]
ARTIFACTS = Path(__file__).resolve().parents[2] / "test-artifacts"

pytestmark = pytest.mark.skipif(
    not CHROMIUM.is_file(), reason=f"{CHROMIUM} is absent (apt-get install chromium)"
)


@pytest.fixture(scope="module")
def base_url(
    dated_corpus: Any, tmp_path_factory: pytest.TempPathFactory, start_server: Callable[..., str]
) -> str:
    """A real server over a copy of the store (the tests' own process may hold the original)."""
    folder = tmp_path_factory.mktemp("timeline")
    db = folder / "dated.duckdb"
    shutil.copyfile(dated_corpus.path, db)
    return start_server("serve", "--db", db, log=folder / "serve.log")


@pytest.fixture
def page(base_url: str) -> Iterator[Any]:
    from playwright.sync_api import sync_playwright

    problems: list[str] = []
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS)
        try:
            opened = browser.new_page(viewport={"width": 1400, "height": 1000})
            opened.on("pageerror", lambda error: problems.append(str(error)))
            opened.on("console", lambda m: problems.append(m.text) if m.type == "error" else None)
            opened.goto(base_url + "/#status=all")  # the store's undated event is hypothetical
            opened.wait_for_selector("body[data-state=ready]", timeout=30_000)
            yield opened
        finally:
            browser.close()
    assert problems == []


def _bar_counts(page: Any, dating: str) -> list[int]:
    bars = page.locator(f"#timeline g.band[data-dating={dating}] g.bar")
    return [int(n) for n in bars.evaluate_all("bs => bs.map(b => b.dataset.count)")]


def _refreshed(page: Any, legend: str) -> None:
    """Wait until the legend says `legend` (text of its first key) and the page is idle."""
    from playwright.sync_api import expect

    expect(page.locator("#dating-legend [data-dating=stated]")).to_have_text(legend)
    page.wait_for_selector("body[data-state=ready]", timeout=30_000)


def test_bands_legend_and_outlier_stub(page: Any, base_url: str) -> None:
    timeline = httpx.get(f"{base_url}/api/timeline", params={"by": "quad", "status": "all"}).json()
    for dating in ("stated", "window"):
        expected = [sum(b[dating].values()) for b in timeline["buckets"] if b[dating]]
        assert _bar_counts(page, dating) == expected, dating
    assert _bar_counts(page, "stated") == [1, 1, 1, 1]
    assert _bar_counts(page, "window") == [1, 1]

    legend = page.locator("#dating-legend")
    assert legend.locator("[data-dating=stated]").inner_text() == "5 dated by the text"
    assert legend.locator("[data-dating=window]").inner_text() == "2 in a story window"
    assert legend.locator("[data-dating=undated]").inner_text() == "1 undated (not drawn)"
    assert "1 earlier than the axis" in legend.locator("[data-dating=off-axis]").inner_text()
    assert page.locator("#timeline .band-label").all_text_contents() == [
        "Dated by the text",
        "In a story window",
    ]

    stub = page.locator("#timeline g.edge.before")
    assert stub.get_attribute("data-count") == "1"
    assert "before 2019-01-01" in stub.locator("title").text_content()
    assert page.locator("#timeline g.edge.after").count() == 0

    ARTIFACTS.mkdir(exist_ok=True)
    page.locator("#view-overview section.wide").screenshot(path=str(ARTIFACTS / "timeline.png"))
    assert (ARTIFACTS / "timeline.png").stat().st_size > 5_000


def test_form_dates_inside_then_overlapping(page: Any) -> None:
    page.fill("#f-since", "2020-01-01")
    page.dispatch_event("#f-since", "change")
    page.fill("#f-until", "2020-01-31")
    page.dispatch_event("#f-until", "change")
    _refreshed(page, "1 dated by the text")
    assert page.locator("#dating-legend [data-dating=window]").inner_text() == (
        "1 in a story window"
    )
    assert page.locator("#dating-legend [data-dating=undated]").inner_text() == (
        "0 undated (not drawn)"
    )
    assert page.locator("#events tbody tr").count() == 2
    precisions = page.locator("#events td.date .precision").all_inner_texts()
    assert sorted(precisions) == ["day", "window"]
    ARTIFACTS.mkdir(exist_ok=True)
    timeline = page.locator("#view-overview section.wide")
    timeline.screenshot(path=str(ARTIFACTS / "timeline-january.png"))

    page.check("#f-overlap")
    _refreshed(page, "3 dated by the text")
    assert page.locator("#events tbody tr").count() == 5
    assert "overlap=true" in page.url

    page.select_option("#f-precision", "window")
    _refreshed(page, "0 dated by the text")
    assert _bar_counts(page, "stated") == []
    assert sum(_bar_counts(page, "window")) == 2
