"""`parley stats` and `parley actors` against the records `parley query` returns, and a second
ingest of the same input that changes none of them.

Articles written here; expectations are computed from the coded records, not fixed counts.
"""

from __future__ import annotations

import csv
import io
import json
from collections import Counter
from pathlib import Path
from typing import Any

import pytest

ARTICLES = [
    {
        "id": "tokyo-wire",
        "published": "2022-06-04",
        "text": "TOKYO (Wire) -- Japanese Foreign Minister Yoshimasa Hayashi met Chinese Foreign "
        "Minister Wang Yi in Beijing on Friday, the Foreign Ministry said.",
    },
    {
        "id": "beijing-daily",
        "published": "2022-06-05",
        "text": "BEIJING (Daily) -- Chinese Foreign Minister Wang Yi held talks with his Japanese "
        "counterpart Yoshimasa Hayashi in Beijing on Friday, state media reported.",
    },
    {
        "id": "seoul-missile",
        "published": "2022-05-25",
        "text": "SEOUL (Wire) -- North Korea fired three ballistic missiles into the East Sea on "
        "Wednesday, South Korea's Joint Chiefs of Staff said. US Secretary of State Antony "
        "Blinken condemned the launches and urged Pyongyang to return to talks.",
    },
    {
        "id": "moscow",
        "published": "2022-06-10",
        "text": "Russia rejected the new sanctions and accused Washington of economic warfare, "
        "Foreign Minister Sergei Lavrov said on Thursday.",
    },
]


@pytest.fixture(scope="module")
def corpus(tmp_path_factory: pytest.TempPathFactory) -> Path:
    folder = tmp_path_factory.mktemp("stats")
    path = folder / "articles.jsonl"
    path.write_text("".join(json.dumps(a) + "\n" for a in ARTICLES), encoding="utf-8")
    return path


@pytest.fixture(scope="module")
def db(parley, corpus: Path) -> Path:
    path = corpus.parent / "store.duckdb"
    parley.assert_clean(parley.invoke("ingest", corpus, "--db", path), 0)
    return path


@pytest.fixture(scope="module")
def records(parley, db: Path) -> list[dict[str, Any]]:
    result = parley.invoke("query", "--db", db, "--format", "jsonl")
    parley.assert_clean(result, 0)
    found = parley.jsonl(result.stdout)
    assert found, "nothing was coded from the test corpus"
    return found


def _stats(parley, db: Path, by: str, *options: str) -> list[dict[str, Any]]:
    result = parley.invoke("stats", "--db", db, "--by", by, "--format", "jsonl", *options)
    parley.assert_clean(result, 0)
    return parley.jsonl(result.stdout)


def _parties(entities: list[dict[str, Any]]) -> set[str]:
    return {e.get("country") or e.get("org") for e in entities} - {None}


def test_stats_by_category_counts_the_records(parley, db: Path, records: list[dict]) -> None:
    rows = _stats(parley, db, "category")
    assert {row["category"]: row["events"] for row in rows} == Counter(r["event"] for r in records)
    assert all(1 <= row["clusters"] <= row["events"] for row in rows)


def test_stats_by_month_and_quad(parley, db: Path, records: list[dict]) -> None:
    months = Counter(r["date"][:7] if r["date"] else "undated" for r in records)
    rows = _stats(parley, db, "month")
    assert {row["month"]: row["events"] for row in rows} == months
    quads = {row["quad_class"]: row["events"] for row in _stats(parley, db, "quad")}
    assert quads == Counter(r["quad_code"] for r in records)


def test_stats_by_dyad_pairs_actor_and_recipient_parties(
    parley, db: Path, records: list[dict]
) -> None:
    expected: Counter[tuple[str, str]] = Counter()
    for record in records:
        for actor in _parties(record["actor"]) or {""}:
            for recipient in _parties(record["recipient"]) or {""}:
                expected[(actor, recipient)] += 1
    rows = _stats(parley, db, "dyad")
    assert {(row["actor"], row["recipient"]): row["events"] for row in rows} == expected


def test_stats_filters_and_formats(parley, db: Path, records: list[dict]) -> None:
    category = records[0]["event"]
    rows = _stats(parley, db, "category", "--event", category)
    assert rows == [row for row in _stats(parley, db, "category") if row["category"] == category]

    result = parley.invoke("stats", "--db", db, "--by", "quad", "--format", "csv")
    parley.assert_clean(result, 0)
    table = list(csv.DictReader(io.StringIO(result.stdout, newline="")))
    assert sum(int(row["events"]) for row in table) == len(records)

    result = parley.invoke("stats", "--db", db)
    parley.assert_clean(result, 0)
    assert category in result.stdout


def _people_in(records: list[dict]) -> Counter[str]:
    """Named people with a country or org, counted once per party of an event."""
    return Counter(
        entity["name"]
        for record in records
        for entity in record["actor"] + record["recipient"]
        if entity.get("name") and (entity.get("country") or entity.get("org"))
    )


def _actors(parley, db: Path, *args: str) -> list[dict[str, Any]]:
    result = parley.invoke("actors", "--db", db, "--format", "jsonl", *args)
    parley.assert_clean(result, 0)
    return parley.jsonl(result.stdout)


def test_actors_lists_the_people_of_the_events(parley, db: Path, records: list[dict]) -> None:
    expected = _people_in(records)
    assert expected, "no named person was coded from the test corpus"
    people = _actors(parley, db)
    assert {p["name"]: p["mentions"] for p in people} == dict(expected)
    by_name = {p["name"]: p for p in people}
    for name in expected:
        docs = {r["doc_id"] for r in records if name in {e.get("name") for e in r["actor"]}}
        docs |= {r["doc_id"] for r in records if name in {e.get("name") for e in r["recipient"]}}
        person = by_name[name]
        assert person["documents"] == len(docs)
        assert {person["first_doc_id"], person["last_doc_id"]} <= docs


def test_actors_search(parley, db: Path, records: list[dict]) -> None:
    name = sorted(_people_in(records))[0]
    found = _actors(parley, db, name.split()[-1].lower())
    assert name in {p["name"] for p in found}
    assert _actors(parley, db, "no such person 100%_") == []

    result = parley.invoke("actors", "--db", db)
    parley.assert_clean(result, 0)
    assert name.split()[0] in result.stdout


def test_ingest_again_gives_the_same_counts(
    parley, corpus: Path, db: Path, records: list[dict]
) -> None:
    before = {by: _stats(parley, db, by) for by in ("category", "dyad", "month", "quad")}
    people = _actors(parley, db)

    result = parley.invoke("ingest", corpus, "--db", db)
    parley.assert_clean(result, 0)
    summary = parley.words(result.stderr)
    assert f"(0 new, 0 updated, {len(ARTICLES)} unchanged)" in summary, summary

    again = parley.invoke("query", "--db", db, "--format", "jsonl")
    assert parley.jsonl(again.stdout) == records
    assert {by: _stats(parley, db, by) for by in before} == before
    assert _actors(parley, db) == people


def test_actors_follow_a_changed_article(parley, tmp_path: Path) -> None:
    """The registry is rebuilt from the stored events: a person the new version of an article
    no longer names is gone, with no count left behind."""
    article = tmp_path / "tokyo.txt"
    store = tmp_path / "changed.duckdb"
    article.write_text(ARTICLES[0]["text"], encoding="utf-8")
    parley.assert_clean(parley.invoke("ingest", article, "--db", store), 0)
    names = {p["name"] for p in _actors(parley, store)}

    article.write_text("Japan and China held talks in Beijing on Friday.", encoding="utf-8")
    parley.assert_clean(parley.invoke("ingest", article, "--db", store), 0)
    assert names and not {p["name"] for p in _actors(parley, store)} & names
