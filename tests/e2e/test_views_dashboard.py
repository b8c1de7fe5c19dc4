"""The agenda and dyad views on real text, coded by the real pipeline and served by
`python -m parley serve`, in headless Chromium; each writes its screenshot:

- test-artifacts/agenda-demo.png: the agenda of the demo corpus;
- test-artifacts/agenda-seed.png: the agenda of the seed article (Korea Herald, 31 May 2022),
  whose relay of planned meetings must appear in date order;
- test-artifacts/dyad-usa-irn.png: the United States and Iran in the Wikinews articles that
  name Iran (19 of the 295; the others cannot hold an event between the two, and coding all
  of them would take minutes).
"""

from __future__ import annotations

import csv
import re
import subprocess
import sys
from collections.abc import Callable
from importlib import resources
from pathlib import Path
from typing import Any

import httpx
import pytest

REPO = Path(__file__).resolve().parents[2]
SHARED = REPO.parent / "shared"
ARTIFACTS = REPO / "test-artifacts"
HERALD = SHARED / "examples" / "korea-herald-2022-05-31.txt"
WIKINEWS = SHARED / "corpus" / "wikinews"


def _serve(start_server: Callable[..., str], folder: Path, *inputs: str | Path) -> str:
    """Ingest `inputs` into a new store in `folder` and serve it; the base URL."""
    db = folder / "store.duckdb"
    ingested = subprocess.run(
        [sys.executable, "-m", "parley", "ingest", *map(str, inputs), "--db", str(db)],
        capture_output=True,
        text=True,
        timeout=600,
        check=False,
    )
    assert ingested.returncode == 0, ingested.stderr
    return start_server("serve", "--db", db, log=folder / "serve.log")


def _agenda(page: Any) -> list[dict[str, str]]:
    return page.locator("#agenda li[data-event-id]").evaluate_all(
        "ls => ls.map(l => ({id: l.dataset.eventId, state: l.dataset.state,"
        " date: l.dataset.date, stated: l.dataset.stated === 'true',"
        " text: l.querySelector('.evidence').textContent}))"
    )


def _shoot(page: Any, name: str) -> None:
    ARTIFACTS.mkdir(exist_ok=True)
    page.evaluate("window.scrollTo(0, 0)")
    page.screenshot(path=str(ARTIFACTS / name), full_page=True)
    assert (ARTIFACTS / name).stat().st_size > 10_000


def _in_date_order(items: list[dict[str, str]]) -> None:
    """Stated dates first, ascending; then the plans only a story's window dates."""
    stated = [item["date"] for item in items if item["stated"]]
    assert stated == sorted(stated)
    flags = [item["stated"] for item in items]
    assert flags == sorted(flags, reverse=True)


def test_agenda_of_the_demo(
    tmp_path: Path, start_server: Callable[..., str], open_browser: Callable[[str], Any]
) -> None:
    demo = resources.files("parley.data").joinpath("demo", "demo.jsonl")
    base = _serve(start_server, tmp_path, str(demo))
    expected = httpx.get(f"{base}/api/agenda").json()
    browser = open_browser(base)
    page = browser.open("/#view=agenda")
    page.wait_for_selector("body[data-state=ready]")
    items = _agenda(page)
    assert [item["id"] for item in items] == [i["event"]["id"] for i in expected["items"]]
    assert items, "the demo corpus announces no plan"
    _in_date_order(items)
    _shoot(page, "agenda-demo.png")
    assert browser.problems == [] and browser.elsewhere == []


def test_agenda_of_the_seed_article(
    tmp_path: Path, start_server: Callable[..., str], open_browser: Callable[[str], Any]
) -> None:
    """The Korea Herald's relay: Foreign Minister Park Jin in Washington around the end of
    May, the envoys in Seoul on Friday 3 June, the first vice foreign ministers the
    following week, the defence ministers at the Shangri-La Dialogue (10-12 June)."""
    if not HERALD.is_file():
        pytest.skip(f"{HERALD} is missing")
    base = _serve(start_server, tmp_path, HERALD)
    browser = open_browser(base)
    page = browser.open("/#view=agenda")
    page.wait_for_selector("body[data-state=ready]")
    items = _agenda(page)
    _in_date_order(items)
    relay = [
        (item["date"], item["state"])
        for item in items
        if item["stated"] and re.search(r"meet|travel|trilateral", item["text"])
    ]
    assert [day for day, _ in relay] == ["2022-05-31", "2022-06-03", "2022-06-06", "2022-06-10"]
    assert {state for _, state in relay} == {"upcoming"}  # as of the article's own day
    note = page.locator("#agenda-note").inner_text()
    assert "as of 2022-05-31" in note
    _shoot(page, "agenda-seed.png")
    assert browser.problems == [] and browser.elsewhere == []


def _iran_articles(folder: Path) -> Path:
    """The Wikinews rows that name Iran, as one CSV of the corpus' own columns."""
    rows = []
    for path in sorted(WIKINEWS.glob("*.csv")):
        with path.open(encoding="utf-8", newline="") as handle:
            reader = csv.DictReader(handle)
            fields = reader.fieldnames
            rows += [row for row in reader if re.search(r"\bIran", row["text"])]
    output = folder / "iran.csv"
    with output.open("w", encoding="utf-8", newline="") as handle:
        writer = csv.DictWriter(handle, fieldnames=fields or [])
        writer.writeheader()
        writer.writerows(rows)
    return output


def test_dyad_of_the_united_states_and_iran(
    tmp_path: Path, start_server: Callable[..., str], open_browser: Callable[[str], Any]
) -> None:
    if not WIKINEWS.is_dir():
        pytest.skip(f"{WIKINEWS} is missing")
    base = _serve(start_server, tmp_path, _iran_articles(tmp_path))
    expected = httpx.get(
        f"{base}/api/events", params={"between": "USA,IRN", "sort": "-date", "limit": 500}
    ).json()
    assert expected["total"] >= 5, "the Soleimani strike and Iran's reply alone are more"
    browser = open_browser(base)
    page = browser.open("/#view=dyad&a=USA&b=IRN")
    page.wait_for_selector("body[data-state=ready]")
    items = page.locator("#dyad-events li[data-event-id]")
    assert items.evaluate_all("ls => ls.map(l => l.dataset.eventId)") == [
        e["id"] for e in expected["events"]
    ]
    for event in expected["events"]:
        parties = {p.get("country") for p in event["actor"] + event["recipient"]}
        assert {"USA", "IRN"} <= parties, event
    quads = page.locator("#dyad-quads").inner_text()
    counts = [int(n) for n in re.findall(r": (\d+)", quads)]
    assert sum(counts) == expected["total"]
    assert page.locator("#dyad-timeline g.bar").count() >= 1
    assert "United States (USA) and Iran (IRN)" in page.locator("#dyad-note").inner_text()
    _shoot(page, "dyad-usa-irn.png")
    assert browser.problems == [] and browser.elsewhere == []
