"""How fast the dashboard's API answers on a store of 100,000 events.

Fills a temporary store with generated events (no spaCy: Event objects written straight
through the store's own row builders and bulk-loaded by DuckDB), builds the app in this
process and times each query the dashboard makes, unfiltered and filtered, through FastAPI's
TestClient. Each median is also printed as a ratio to a trivial endpoint (/api/health)
timed the same way, so the figures say how much the query itself costs over the framework.

    .venv/bin/python bench/api_latency.py [--events 100000] [--runs 50]

Aim (issue 6): p95 under 100 ms for every dashboard query.
"""

from __future__ import annotations

import argparse
import gc
import json
import random
import re
import statistics
import tempfile
import time
from collections.abc import Iterable, Iterator
from contextlib import ExitStack
from dataclasses import dataclass
from datetime import date, datetime, timedelta
from pathlib import Path
from typing import Any

import duckdb
from fastapi.testclient import TestClient

from parley.actors.dictionary import load_dictionaries
from parley.events.categories import categories
from parley.models import STATUSES, DateSpan, Document, Entity, Event, Evidence, Place
from parley.store import Store
from parley.store.parties import derive_roles
from parley.store.rows import (
    INSERT_DOCUMENT,
    INSERT_EVENT,
    INSERT_PARTY,
    document_row,
    event_row,
    fill_search_text,
    party_rows,
)
from parley.web import Settings, create_app

EVENTS_PER_DOCUMENT = 10
FIRST_DAY = date(2015, 1, 1)
DAYS = 3650
SENTENCE = "Officials from {a} and {b} said the {event} took place after talks in {place}. "

DASHBOARD_QUERIES = {
    "events page": "/api/events?limit=50",
    "timeline": "/api/timeline?by=quad",
    "network": "/api/network?limit=30",
    "actors": "/api/actors",
    "places": "/api/places",
    "summary": "/api/summary",
    "agenda": "/api/agenda?limit=200",
}
FILTERS = {
    "unfiltered": "",
    "actor=USA": "&actor=USA",
    "ASSAULT in 2020": "&event=ASSAULT&since=2020-01-01&until=2020-12-31",
    "q=missile": "&q=missile",
}


@dataclass(frozen=True)
class Timing:
    p50: float
    p95: float


def generated(count: int, seed: int = 7) -> Iterator[tuple[Document, list[Event]]]:
    """`count` events in documents of ten, made as they are read (a million would not fit
    in memory at once); parties drawn with a long tail, so the network has hubs as real
    news has, and a third of events placed somewhere."""
    rng = random.Random(seed)
    codes = [c.code for c in load_dictionaries().countries]
    weights = [1 / (rank + 1) for rank in range(len(codes))]
    rng.shuffle(codes)
    codes[:3] = ["USA", "RUS", "CHN"]
    table = categories()
    names = list(table)
    places = [
        Place(f"Place {i}", rng.choice(codes), rng.uniform(-50, 65), rng.uniform(-170, 170))
        for i in range(400)
    ]
    for number in range(count // EVENTS_PER_DOCUMENT):
        doc_id = f"bench-{number:06d}"
        parts, events = [], []
        offset = 0
        for _ in range(EVENTS_PER_DOCUMENT):
            actor, recipient = rng.choices(codes, weights, k=2)
            category = rng.choice(names)
            place = rng.choice(places) if rng.random() < 0.33 else None
            word = "missile test" if rng.random() < 0.05 else category.lower()
            sentence = SENTENCE.format(
                a=actor, b=recipient, event=word, place=place.name if place else "town"
            )
            start = rng.randrange(DAYS)
            events.append(
                Event(
                    doc_id=doc_id,
                    event=category,
                    status=rng.choice(STATUSES),  # type: ignore[arg-type]
                    text=sentence.strip(),
                    evidence=Evidence(offset, offset + len(sentence.strip())),
                    actor=[Entity(actor, country=actor, start=offset + 15, end=offset + 18)],
                    recipient=[]
                    if category == "CONSULT"
                    else [Entity(recipient, country=recipient)],
                    date=DateSpan(
                        FIRST_DAY + timedelta(days=start),
                        FIRST_DAY + timedelta(days=start + rng.choice((0, 0, 0, 1, 6))),
                        "generated",
                    ),
                    event_loc=place,
                    quad_code=table[category].quad_code,
                    event_scale=table[category].scale,
                    cameo=table[category].cameo,
                    confidence=rng.random(),
                    trigger=word,
                )
            )
            parts.append(sentence)
            offset += len(sentence)
        document = Document(doc_id, "".join(parts), FIRST_DAY, "given", doc_id, None, "bench")
        yield document, events


def fill(path: Path, corpus: Iterable[tuple[Document, list[Event]]]) -> None:
    """Bulk-load rows made by the store's own row builders, named by the columns of its own
    INSERT statements: DuckDB reads JSON Lines in a blink where 100,000 row-by-row inserts
    would take minutes. The rows are written out as they are made; the parties' roles and the
    search text are derived from them as a Parquet load derives them."""
    Store.open(path).close()  # creates the schema
    stamp = datetime(2025, 1, 1)
    statements = (INSERT_DOCUMENT, INSERT_EVENT, INSERT_PARTY)
    with tempfile.TemporaryDirectory() as folder, ExitStack() as files:
        targets = {statement: _target(statement) for statement in statements}
        out = {
            statement: files.enter_context(
                Path(folder, f"{table}.jsonl").open("w", encoding="utf-8")
            )
            for statement, (table, _) in targets.items()
        }

        def write(statement: str, row: list[Any]) -> None:
            columns = targets[statement][1]
            record = dict(zip(columns, row, strict=True))
            out[statement].write(json.dumps(record, default=str) + "\n")

        for document, coded in corpus:
            write(INSERT_DOCUMENT, document_row(document, "bench", stamp))
            for event in coded:
                write(INSERT_EVENT, event_row(event))
                for party in party_rows(event):
                    write(INSERT_PARTY, party)
        for handle in out.values():
            handle.close()
        conn = duckdb.connect(str(path))
        for table, _ in targets.values():
            file = Path(folder, f"{table}.jsonl")
            conn.execute(f"INSERT INTO {table} BY NAME SELECT * FROM read_json(?)", [str(file)])
        derive_roles(conn)
        fill_search_text(conn, "", [])
        conn.close()


def _target(statement: str) -> tuple[str, list[str]]:
    """The table and column names of one of the store's INSERT statements."""
    match = re.search(r"INSERT INTO (\w+) \(([^)]*)\)", statement)
    assert match, statement
    return match[1], [column.strip() for column in match[2].split(",")]


def timed(client: TestClient, path: str, runs: int) -> Timing:
    """Median and 95th percentile of `runs` calls, after three to warm caches."""
    for _ in range(3):
        assert client.get(path).status_code == 200, path
    seconds = []
    for _ in range(runs):
        started = time.perf_counter()
        response = client.get(path)
        seconds.append(time.perf_counter() - started)
        assert response.status_code == 200, path
    cuts = statistics.quantiles(seconds, n=20)
    return Timing(statistics.median(seconds) * 1000, cuts[18] * 1000)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--events", type=int, default=100_000)
    parser.add_argument("--runs", type=int, default=50)
    args = parser.parse_args()

    started = time.perf_counter()
    with tempfile.TemporaryDirectory() as folder:
        db = Path(folder, "bench.duckdb")
        fill(db, generated(args.events))
        gc.collect()
        filled = time.perf_counter() - started
        with Store.open(db) as store:
            counts = store.counts()
        print(
            f"store: {counts['events']:,} events, {counts['parties']:,} parties, "
            f"{counts['documents']:,} documents (generated and loaded in {filled:.1f} s)"
        )
        with TestClient(create_app(db, Settings()), base_url="http://localhost") as client:
            base = timed(client, "/api/health", args.runs)
            print(f"baseline /api/health: p50 {base.p50:.2f} ms, p95 {base.p95:.2f} ms\n")
            print(f"{'query':<14}{'filter':<22}{'p50 ms':>9}{'p95 ms':>9}{'p50/health':>12}")
            worst = 0.0
            for name, path in DASHBOARD_QUERIES.items():
                for label, extra in FILTERS.items():
                    timing = timed(
                        client, path + (extra if "?" in path else "?" + extra[1:]), args.runs
                    )
                    worst = max(worst, timing.p95)
                    print(
                        f"{name:<14}{label:<22}{timing.p50:>9.1f}{timing.p95:>9.1f}"
                        f"{timing.p50 / base.p50:>11.1f}x"
                    )
            verdict = "meets" if worst < 100 else "misses"
            print(f"\nworst p95: {worst:.1f} ms ({verdict} the 100 ms aim)")


if __name__ == "__main__":
    main()
