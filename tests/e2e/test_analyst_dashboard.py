"""The dashboard's defects of issue 16, end to end: `python -m parley serve` over a copy of the
hand-built `analyst_corpus` (tests/conftest.py), driven in headless Chromium.

Each test names the defect it holds fixed: unknown filters shown as "All" with 0 events,
upper case only, no recipient filter, counts that mixed what happened with what did not,
hash navigation ignored and Back leaving the app, the article off-screen or left behind, the
map unexplained and inert, domestic events hidden, no export; then the dyad and agenda views.
"""

from __future__ import annotations

import csv
import io
import shutil
from collections.abc import Callable
from typing import Any

import httpx
import pytest
from playwright.sync_api import expect


@pytest.fixture(scope="module")
def base(
    analyst_corpus: Any, tmp_path_factory: pytest.TempPathFactory, start_server: Callable[..., str]
) -> str:
    folder = tmp_path_factory.mktemp("analyst-e2e")
    db = folder / "analyst.duckdb"
    shutil.copyfile(analyst_corpus.path, db)  # this process may hold the original open
    return start_server("serve", "--db", db, log=folder / "serve.log")


@pytest.fixture
def browser(base: str, open_browser: Callable[[str], Any]) -> Any:
    opened = open_browser(base)
    yield opened
    assert opened.elsewhere == []


def _clean(browser: Any, allowed: str | None = None) -> None:
    problems = [p for p in browser.problems if not (allowed and allowed in p)]
    assert problems == []


def _ready(page: Any) -> None:
    page.wait_for_selector("body[data-state=ready]", timeout=30_000)


def _rows(page: Any) -> list[str]:
    return page.locator("#events tbody tr[data-event-id]").evaluate_all(
        "rows => rows.map(r => r.dataset.eventId)"
    )


def _settle(page: Any, count: int) -> None:
    expect(page.locator("#events tbody tr[data-event-id]")).to_have_count(count)
    _ready(page)


def test_an_unknown_filter_is_named_not_shown_as_all(browser: Any) -> None:
    """`#event=PROTESTS` showed 0 events while the filter said "All"."""
    page = browser.open("/#event=PROTESTS")
    page.wait_for_selector("body[data-state=error]")
    problem = page.locator("#problem")
    expect(problem).to_be_visible()
    assert "unknown event 'PROTESTS'; did you mean PROTEST?" in problem.inner_text()
    chosen = page.locator("#f-event option:checked").inner_text()
    assert chosen == "PROTESTS (unknown)"
    assert "No events" in page.locator("#events tbody").inner_text()
    _clean(browser, allowed="422")


def test_codes_in_any_case(browser: Any, base: str) -> None:
    page = browser.open("/#event=consult")
    _ready(page)
    assert page.locator("#f-event").input_value() == "CONSULT"
    expected = httpx.get(f"{base}/api/events", params={"event": "CONSULT"}).json()
    assert set(_rows(page)) == {e["id"] for e in expected["events"]} and expected["total"] == 2
    _clean(browser)


def test_what_happened_by_default_and_the_rest_said(browser: Any, analyst_corpus: Any) -> None:
    """Negated, planned and failed events were counted with what happened."""
    page = browser.open("/")
    _ready(page)
    assert len(_rows(page)) == 5
    assert "not shown: 2 planned, 1 negated" in page.locator("#summary").inner_text()
    page.select_option("#f-status", "all")
    _settle(page, len(analyst_corpus.events))
    statuses = page.locator("#events tbody tr").evaluate_all("rs => rs.map(r => r.dataset.status)")
    assert {"negated", "planned", "occurred"} == set(statuses)
    _clean(browser)


def test_party_counts_are_what_the_filters_find(browser: Any, base: str) -> None:
    """The actor list said "USA · 310" where the filter found 295."""
    page = browser.open("/")
    _ready(page)
    for select, param, field in (
        ("#f-party", "party", "events"),
        ("#f-actor", "actor", "as_actor"),
        ("#f-recipient", "recipient", "as_recipient"),
    ):
        label = page.locator(f"{select} option[value=USA]").inner_text()
        total = httpx.get(f"{base}/api/events", params={param: "USA"}).json()["total"]
        assert label.endswith(f"· {total}"), (select, label, total, field)
    _clean(browser)


def test_recipient_filter(browser: Any, analyst_corpus: Any) -> None:
    page = browser.open("/")
    _ready(page)
    page.select_option("#f-recipient", "IRN")
    _settle(page, 1)
    assert _rows(page) == analyst_corpus.ids("sanctions")
    assert "recipient=IRN" in page.url
    _clean(browser)


def test_hash_navigation_and_back(browser: Any, base: str, analyst_corpus: Any) -> None:
    """A hash typed into the address bar was ignored, and Back left the app."""
    page = browser.open("/")
    _ready(page)
    page.evaluate("location.hash = '#event=ACCUSE'")
    _settle(page, 1)
    assert _rows(page) == analyst_corpus.ids("accusation")
    assert page.locator("#f-event").input_value() == "ACCUSE"
    page.select_option("#f-event", "CONSULT")
    _settle(page, 2)
    page.go_back()
    _settle(page, 1)
    assert page.locator("#f-event").input_value() == "ACCUSE"
    page.go_back()
    _settle(page, 5)
    assert page.url.startswith(base) and page.locator("#f-event").input_value() == ""
    _clean(browser)


def test_a_narrow_window_brings_the_article_into_view(browser: Any) -> None:
    """At 800 px the clicked row's article stayed below the fold."""
    page = browser.open("/", width=800, height=700)
    _ready(page)
    row = page.locator("#events tbody tr[data-event-id]").first
    row.scroll_into_view_if_needed()
    row.click()
    page.locator("#document mark.evidence").wait_for(timeout=10_000)
    top, bottom, height = page.evaluate(
        "(() => { const b = document.getElementById('document').getBoundingClientRect();"
        " return [b.top, b.bottom, window.innerHeight]; })()"
    )
    assert top < height and bottom > 0, (top, bottom, height)
    _clean(browser)


def test_the_article_goes_when_the_filters_leave_it_out(browser: Any) -> None:
    """The previous article stayed after a filter emptied the table."""
    page = browser.open("/")
    _ready(page)
    page.locator("#events tbody tr[data-event-id]").first.click()
    page.locator("#document mark.evidence").wait_for(timeout=10_000)
    page.fill("#f-q", "no such words anywhere")
    page.press("#f-q", "Enter")
    expect(page.locator("#events tbody td.empty")).to_be_visible()
    _ready(page)
    expect(page.locator("#document .empty")).to_be_visible()
    assert page.locator("#document mark.evidence").count() == 0
    assert "sel=" not in page.url
    _clean(browser)


def test_domestic_events_are_drawn(browser: Any) -> None:
    """Self-loops (a state acting on its own people) were hidden from the network."""
    page = browser.open("/")
    _ready(page)
    assert page.locator("#network path.self-loop[data-party=TUR]").count() == 1
    _clean(browser)


def test_the_map_explains_itself_and_filters_by_country(browser: Any, analyst_corpus: Any) -> None:
    """The map did not say how few events it could place, mixed dots and shading without a
    legend, and clicking did nothing."""
    page = browser.open("/")
    _ready(page)
    assert page.locator("#map-note").inner_text() == (
        "2 of 5 events in view have a place on the map"
    )
    legend = page.locator("#map-legend").inner_text()
    assert "dot: where events took place" in legend and "shading: countries taking part" in legend
    page.locator("#map circle.place[data-country=TUR]").click()
    _settle(page, 1)
    assert _rows(page) == analyst_corpus.ids("detentions")
    assert "country=TUR" in page.url and page.locator("#f-country").input_value() == "TUR"
    assert page.locator("#map path.country.selected[data-iso3=TUR]").count() == 1
    _clean(browser)


def test_the_selection_exports_with_its_sources(browser: Any) -> None:
    page = browser.open("/#status=all&party=IRN")
    _ready(page)
    href = page.locator("#export-csv").get_attribute("href")
    assert "format=csv" in href and "party=IRN" in href and "status=all" in href
    assert "format=parquet" in page.locator("#export-parquet").get_attribute("href")
    rows = list(csv.DictReader(io.StringIO(httpx.get(href).text)))
    assert len(rows) == 3  # the accusation, the deal, the sanctions
    assert all(row["source_url"] and row["source_title"] and row["published"] for row in rows)
    _clean(browser)


def test_dyad_view(browser: Any, analyst_corpus: Any) -> None:
    page = browser.open("/#view=dyad&a=USA&b=TUR")
    _ready(page)
    items = page.locator("#dyad-events li[data-event-id]")
    assert items.evaluate_all("ls => ls.map(l => l.dataset.eventId)") == analyst_corpus.ids(
        "meeting", "call"
    )
    assert "Verbal cooperation: 2" in page.locator("#dyad-quads").inner_text()
    plans = page.locator("#dyad-plans li[data-event-id]")
    assert plans.evaluate_all("ls => ls.map(l => l.dataset.state)") == ["occurred"]
    assert page.locator("#dyad-timeline g.bar").count() >= 1
    page.select_option("#dyad-b", "IRN")
    expect(items).to_have_count(2)  # the accusation and the sanctions
    _clean(browser)


def test_agenda_view(browser: Any, analyst_corpus: Any) -> None:
    page = browser.open("/#view=agenda")
    _ready(page)
    items = page.locator("#agenda li[data-event-id]")
    assert items.evaluate_all("ls => ls.map(l => [l.dataset.eventId, l.dataset.state])") == [
        [analyst_corpus.events["plan"].id, "occurred"],
        [analyst_corpus.events["deal"].id, "overdue"],
    ]
    assert "as of 2020-06-01" in page.locator("#agenda-note").inner_text()
    items.first.locator(".outcome a").click()  # what the plan became, in its article
    page.locator("#document mark.evidence").wait_for(timeout=10_000)
    meeting = analyst_corpus.events["meeting"]
    assert page.locator("#document mark.evidence").get_attribute("data-event-id") == meeting.id
    page.go_back()
    _ready(page)
    expect(page.locator("#view-agenda")).to_be_visible()
    _clean(browser)
