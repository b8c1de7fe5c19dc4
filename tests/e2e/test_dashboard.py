"""The dashboard end to end: `python -m parley serve` on a free port, driven in headless
Chromium (Debian's package, through Playwright's `executable_path`), on the demo corpus.

A screenshot of the final state is written to test-artifacts/dashboard.png.
"""

from __future__ import annotations

import json
import subprocess
import sys
from collections.abc import Callable, Iterator
from importlib import resources
from pathlib import Path

import httpx
import pytest

CHROMIUM = Path("/usr/bin/chromium")
CHROMIUM_ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
]
ARTIFACTS = Path(__file__).resolve().parents[2] / "test-artifacts"
TOKEN = "e2e-token"
LINKED = [
    {
        "id": "trap",
        "title": "A booby-trapped link",
        "url": "javascript:alert(document.domain)",
        "published": "2022-05-31",
        "text": "Japan and Australia will hold talks in Canberra on Friday, officials said.",
    },
    {
        "id": "linked",
        "title": "A proper link",
        "url": "https://news.example/talks",
        "published": "2022-05-31",
        "text": "France and Germany will hold talks in Brussels on Monday, diplomats said.",
    },
]

pytestmark = pytest.mark.skipif(
    not CHROMIUM.is_file(), reason=f"{CHROMIUM} is absent (apt-get install chromium)"
)


def _run(*args: str | Path) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "parley", *map(str, args)],
        capture_output=True,
        text=True,
        timeout=300,
        check=False,
    )


@pytest.fixture(scope="module")
def base_url(
    tmp_path_factory: pytest.TempPathFactory, start_server: Callable[..., str]
) -> Iterator[str]:
    """A real server over the demo corpus, coded by the real pipeline; killed afterwards."""
    folder = tmp_path_factory.mktemp("e2e")
    db, log = folder / "demo.duckdb", folder / "serve.log"
    demo = resources.files("parley.data").joinpath("demo", "demo.jsonl")
    links = folder / "links.jsonl"
    links.write_text("\n".join(json.dumps(record) for record in LINKED) + "\n")
    ingested = _run("ingest", str(demo), links, "--db", db)
    assert ingested.returncode == 0, ingested.stderr
    base = start_server("serve", "--db", db, log=log, env={"PARLEY_TOKEN": TOKEN})
    assert f"Parley dashboard: {base}/" in log.read_text()
    assert TOKEN not in log.read_text()  # a token it was given is not echoed
    yield base


def test_serve_answers_on_its_port(base_url: str) -> None:
    assert httpx.get(f"{base_url}/api/summary").json()["events"] > 0
    denied = httpx.post(f"{base_url}/api/documents", json=[])
    assert denied.status_code == 401


def test_filter_click_and_read_the_evidence(base_url: str) -> None:
    from playwright.sync_api import sync_playwright

    problems: list[str] = []
    elsewhere: list[str] = []
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS)
        try:
            page = browser.new_page(viewport={"width": 1400, "height": 1300})
            page.on("pageerror", lambda error: problems.append(str(error)))
            page.on("console", lambda m: problems.append(m.text) if m.type == "error" else None)
            page.on(
                "request",
                lambda r: (
                    elsewhere.append(r.url)
                    if r.url.startswith("http") and not r.url.startswith(base_url)
                    else None
                ),
            )
            page.goto(base_url + "/")
            page.wait_for_selector("body[data-state=ready]", timeout=30_000)
            timeline = httpx.get(f"{base_url}/api/timeline").json()
            for dating in ("stated", "window"):  # the demo has events of both kinds
                bars = page.locator(f"#timeline g.band[data-dating={dating}] g.bar")
                assert bars.count() == sum(1 for b in timeline["buckets"] if b[dating]) > 0
            legend = page.locator("#dating-legend").inner_text()
            for count, words in (
                (timeline["stated"], "dated by the text"),
                (timeline["window"], "in a story window"),
                (timeline["undated"], "undated"),
            ):
                assert f"{count} {words}" in legend
            assert page.locator("#network g.net-node").count() > 1
            assert page.locator("#map path.country").count() > 150
            assert page.locator("#map circle.place").count() > 0

            page.select_option("#f-event", "CONSULT")
            page.wait_for_selector("body[data-state=ready]", timeout=30_000)
            rows = page.locator("#events tbody tr")
            expected = httpx.get(f"{base_url}/api/events", params={"event": "CONSULT"}).json()
            assert rows.count() == min(50, expected["total"]) > 0
            assert set(rows.evaluate_all("rs => rs.map(r => r.dataset.category)")) == {"CONSULT"}
            assert "#" in page.url and "event=CONSULT" in page.url

            row = rows.nth(0)
            event_id = row.get_attribute("data-event-id")
            row.click()
            mark = page.locator("#document mark.evidence")
            mark.wait_for(timeout=10_000)
            event = httpx.get(f"{base_url}/api/events/{event_id}").json()
            assert mark.get_attribute("data-event-id") == event_id
            assert mark.text_content() == event["text"]
            spans = [e for e in event["actor"] + event["recipient"] if e.get("span")]
            assert page.locator("#document .party").count() >= len(spans) > 0
            assert page.locator("#events tbody tr.selected").get_attribute("data-event-id") == (
                event_id
            )

            page.evaluate("window.scrollTo(0, 0)")  # the sticky filter bar back at the top
            ARTIFACTS.mkdir(exist_ok=True)
            page.screenshot(path=str(ARTIFACTS / "dashboard.png"), full_page=True)
        finally:
            browser.close()
    assert problems == []
    assert elsewhere == []
    assert (ARTIFACTS / "dashboard.png").stat().st_size > 10_000


def test_only_a_web_address_becomes_the_title_link(base_url: str) -> None:
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS)
        try:
            titles = {}
            for record in LINKED:
                page = browser.new_page()  # a page of its own: a new hash alone loads nothing
                event = httpx.get(f"{base_url}/api/documents/{record['id']}").json()["events"][0]
                page.goto(f"{base_url}/#sel={event['id']}&doc={record['id']}")
                heading = page.locator("#document h3")
                heading.wait_for(timeout=30_000)
                page.wait_for_selector("body[data-state=ready]", timeout=30_000)
                links = heading.locator("a")
                href = links.first.get_attribute("href") if links.count() else None
                titles[record["id"]] = (heading.inner_text(), href)
        finally:
            browser.close()
    assert titles == {
        "trap": ("A booby-trapped link", None),
        "linked": ("A proper link", "https://news.example/talks"),
    }
