"""A small real store built from model objects (no spaCy), and API clients over it.

Spans are found in the texts with `str.index`, so every evidence and party span is exactly
where the text says; the expected counts in the tests follow from the events listed here.
Tests reach the data through the `sample` fixture rather than imports, so no test module
depends on which `conftest` is first on sys.path.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from typing import Any

import pytest
from fastapi import FastAPI
from fastapi.testclient import TestClient

from parley.models import DateSpan, Document, Entity, Event, Evidence, Place
from parley.store import Store
from parley.web import Settings, create_app

TOKEN = "test-token"

KOREA = (
    "SEOUL - Kim Gunn will meet Sung Kim in Seoul on Friday. "
    "North Korea launched a missile on Wednesday. "
    "The UN Security Council condemned the launch. "
    "Officials said talks might resume."
)
UKRAINE = (
    "KYIV - Russian forces attacked Kyiv on Thursday. "
    "Ukraine asked NATO for help. "
    "Germany will send aid to Ukraine in March."
)
UNDATED = "Officials said Washington and Beijing might meet again, drop table events; -- he joked."

SEOUL = Place("Seoul", "KOR", 37.566, 126.978, "1835848")
KYIV = Place("Kyiv", "UKR", 50.45, 30.523, "703448")


def span(text: str, phrase: str) -> Evidence:
    start = text.index(phrase)
    return Evidence(start, start + len(phrase))


def party(text: str, phrase: str, **fields: str) -> Entity:
    where = span(text, phrase)
    return Entity(phrase, start=where.start, end=where.end, **fields)


def day(first: str, last: str | None = None, text: str = "") -> DateSpan:
    return DateSpan(date.fromisoformat(first), date.fromisoformat(last or first), text)


def event(doc_id: str, text: str, sentence: str, category: str, **fields: object) -> Event:
    return Event(
        doc_id=doc_id,
        event=category,
        text=sentence,
        evidence=span(text, sentence),
        confidence=0.8,
        **fields,  # type: ignore[arg-type]
    )


def corpus() -> list[tuple[Document, list[Event]]]:
    """Three documents, seven events: every category of quad class, directed and symmetric
    events, a place or none, one undated event and one multi-day event."""
    korea = Document("kh-1", KOREA, date(2022, 5, 31), "given", "Envoys to meet", None, "Herald")
    ukraine = Document("ua-1", UKRAINE, date(2022, 2, 25), "given", "Kyiv attacked", None, "Wire")
    undated = Document("ud-1", UNDATED, None, None, "Maybe talks", None, "Blog")
    k, u, d = korea.id, ukraine.id, undated.id
    return [
        (
            korea,
            [
                event(
                    k,
                    KOREA,
                    "Kim Gunn will meet Sung Kim in Seoul on Friday.",
                    "CONSULT",
                    status="planned",
                    quad_code=1,
                    date=day("2022-06-03", text="Friday"),
                    event_loc=SEOUL,
                    actor=[
                        party(KOREA, "Kim Gunn", country="KOR", sector="GOV"),
                        party(KOREA, "Sung Kim", country="USA", sector="GOV"),
                    ],
                ),
                event(
                    k,
                    KOREA,
                    "North Korea launched a missile on Wednesday.",
                    "MOBILIZE",
                    status="occurred",
                    quad_code=4,
                    date=day("2022-05-25"),
                    actor=[party(KOREA, "North Korea", country="PRK", sector="MIL")],
                ),
                event(
                    k,
                    KOREA,
                    "The UN Security Council condemned the launch.",
                    "ACCUSE",
                    status="occurred",
                    quad_code=3,
                    date=day("2022-05-26"),
                    actor=[party(KOREA, "UN Security Council", org="UNSC")],
                    recipient=[Entity("North Korea", country="PRK")],
                ),
            ],
        ),
        (
            ukraine,
            [
                event(
                    u,
                    UKRAINE,
                    "Russian forces attacked Kyiv on Thursday.",
                    "ASSAULT",
                    status="occurred",
                    quad_code=4,
                    date=day("2022-02-24"),
                    event_loc=KYIV,
                    actor=[party(UKRAINE, "Russian forces", country="RUS", sector="MIL")],
                    recipient=[party(UKRAINE, "Kyiv", country="UKR", sector="GOV")],
                ),
                event(
                    u,
                    UKRAINE,
                    "Ukraine asked NATO for help.",
                    "REQUEST",
                    status="occurred",
                    quad_code=3,
                    date=day("2022-02-25"),
                    actor=[party(UKRAINE, "Ukraine", country="UKR")],
                    recipient=[party(UKRAINE, "NATO", org="NATO")],
                ),
                event(
                    u,
                    UKRAINE,
                    "Germany will send aid to Ukraine in March.",
                    "AID",
                    status="planned",
                    quad_code=2,
                    date=day("2022-03-01", "2022-03-31"),
                    actor=[party(UKRAINE, "Germany", country="DEU")],
                    recipient=[Entity("Ukraine", country="UKR")],
                ),
            ],
        ),
        (
            undated,
            [
                event(
                    d,
                    UNDATED,
                    UNDATED,
                    "CONSULT",
                    status="hypothetical",
                    quad_code=1,
                    actor=[
                        party(UNDATED, "Washington", country="USA"),
                        party(UNDATED, "Beijing", country="CHN"),
                    ],
                ),
            ],
        ),
    ]


def build_store(path: Path) -> Path:
    with Store.open(path) as store:
        run = store.start_run("test", "none", "none")
        for document, events in corpus():
            store.save_document(document, events, run)
        store.finish_run(run, 3, 7)
    return path


@dataclass(frozen=True)
class Sample:
    """What the tests need to know about the stored corpus."""

    token: str = TOKEN
    korea_text: str = KOREA
    events: list[Event] = field(default_factory=lambda: [e for _, ev in corpus() for e in ev])


def local_client(app: FastAPI, raise_server_exceptions: bool = True) -> TestClient:
    """A client that calls the app as a browser on this machine does: by the name
    localhost (the server refuses other names in the Host header)."""
    return TestClient(
        app, base_url="http://localhost", raise_server_exceptions=raise_server_exceptions
    )


@pytest.fixture(scope="session")
def sample() -> Sample:
    return Sample()


@pytest.fixture(scope="session")
def store_path(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return build_store(tmp_path_factory.mktemp("web") / "events.duckdb")


@pytest.fixture(scope="session")
def client(store_path: Path) -> Iterator[TestClient]:
    """A client over the shared store; tests through it only read."""
    with local_client(create_app(store_path, Settings(token=TOKEN))) as test_client:
        yield test_client


@pytest.fixture(scope="session")
def dated_client(dated_corpus: Any) -> Iterator[TestClient]:
    """A client over the hand-dated store of tests/conftest.py; tests through it only read."""
    with local_client(create_app(dated_corpus.path, Settings(token=TOKEN))) as test_client:
        yield test_client


@pytest.fixture
def writable(tmp_path: Path) -> Iterator[TestClient]:
    """A client over a store of its own, for tests that write."""
    app = create_app(build_store(tmp_path / "events.duckdb"), Settings(token=TOKEN))
    with local_client(app) as test_client:
        yield test_client
