"""`parley ingest` and `parley query` on a DuckDB file built from articles written here.

Filters are checked against the full export (`query --format jsonl`), so the tests hold
whatever events the coder finds today rather than a fixed count.
"""

from __future__ import annotations

import csv
import io
import json
from datetime import date
from pathlib import Path
from typing import Any

import pytest

from parley.store import Store

ARTICLES = {
    "tokyo-talks.txt": (
        "TOKYO, June 2, 2022 (Wire) -- Japan's Foreign Minister Yoshimasa Hayashi will meet "
        "Chinese Foreign Minister Wang Yi in Beijing on Friday, the Foreign Ministry said.\n\n"
        "Japan and China agreed last month to hold regular talks on maritime security.\n"
    ),
    "seoul-missile.txt": (
        "SEOUL, May 25, 2022 (Wire) -- North Korea fired three ballistic missiles into the "
        "East Sea on Wednesday, South Korea's Joint Chiefs of Staff said.\n\n"
        "The United States condemned the launches and urged Pyongyang to return to talks.\n"
    ),
    "washington-sanctions.txt": (
        "WASHINGTON, June 10, 2022 (Wire) -- The United States imposed new sanctions on "
        "Russia on Thursday over its invasion of Ukraine, the Treasury Department said.\n\n"
        "Moscow rejected the measures and accused Washington of economic warfare.\n"
    ),
}

WIRE = [
    {
        "id": "wire-1",
        "published": "2022-06-01",
        "title": "Japanese and South Korean leaders talk",
        "text": "Japanese Prime Minister Fumio Kishida met South Korean President Yoon Suk-yeol "
        "in Tokyo on Tuesday. The two leaders agreed to improve relations.",
    },
    {
        "id": "wire-2",
        "published": "2022-06-03",
        "title": "Protest in Hong Kong",
        "text": "Police arrested twelve protesters in Hong Kong on Thursday, officials said. "
        "Britain criticised the arrests.",
    },
]

DOCUMENT_IDS = {Path(name).stem for name in ARTICLES} | {record["id"] for record in WIRE}


def _write_corpus(folder: Path) -> None:
    folder.mkdir()
    for name, text in ARTICLES.items():
        (folder / name).write_text(text, encoding="utf-8")
    lines = "".join(json.dumps(record) + "\n" for record in WIRE)
    (folder / "wire.jsonl").write_text(lines, encoding="utf-8")


@pytest.fixture
def stored(parley, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> list[dict[str, Any]]:
    """A store `store.duckdb` in the working folder (tmp) of `corpus/`; its events."""
    monkeypatch.chdir(tmp_path)
    _write_corpus(Path("corpus"))
    result = parley.invoke("ingest", "corpus", "--db", "store.duckdb")
    parley.assert_clean(result, 0)
    summary = parley.words(result.stderr)
    assert f"{len(DOCUMENT_IDS)} documents ({len(DOCUMENT_IDS)} new" in summary, summary
    assert "0 failed" in summary
    events = _query(parley)
    assert events, "nothing was coded from the test corpus"
    return events


def _query(parley, *filters: str) -> list[dict[str, Any]]:
    """Stored events of every status matching `filters`."""
    options = ("--format", "jsonl", "--status", "all", *filters)
    result = parley.invoke("query", "--db", "store.duckdb", *options)
    parley.assert_clean(result, 0)
    return parley.jsonl(result.stdout)


def _party_ids(entities: list[dict[str, Any]]) -> set[str]:
    return {entity.get("country") or entity.get("org") for entity in entities} - {None}


def test_ingest_stores_valid_unique_events(parley, stored: list[dict[str, Any]]) -> None:
    texts = {Path(name).stem: text for name, text in ARTICLES.items()}
    texts.update({record["id"]: record["text"] for record in WIRE})
    for record in stored:
        assert record["doc_id"] in DOCUMENT_IDS
        parley.check_record(record, texts[record["doc_id"]])
    assert len(set(parley.ids(stored))) == len(stored)
    with Store.open("store.duckdb") as store:
        assert store.counts()["documents"] == len(DOCUMENT_IDS)


def test_ingest_again_changes_nothing(parley, stored: list[dict[str, Any]]) -> None:
    result = parley.invoke("ingest", "corpus", "--db", "store.duckdb")
    parley.assert_clean(result, 0)
    summary = parley.words(result.stderr)
    assert f"(0 new, 0 updated, {len(DOCUMENT_IDS)} unchanged)" in summary, summary
    assert parley.ids(_query(parley)) == parley.ids(stored)


def test_changed_article_replaces_its_events(parley, stored: list[dict[str, Any]]) -> None:
    article = Path("corpus", "tokyo-talks.txt")
    article.write_text(
        ARTICLES["tokyo-talks.txt"]
        + "\nSouth Korea's foreign minister will visit Washington next week.\n",
        encoding="utf-8",
    )
    result = parley.invoke("ingest", "corpus", "--db", "store.duckdb")
    parley.assert_clean(result, 0)
    assert "(0 new, 1 updated," in parley.words(result.stderr), result.stderr

    after = _query(parley)
    assert len(set(parley.ids(after))) == len(after), "an event is stored twice"
    expected = parley.invoke("extract", article)
    parley.assert_clean(expected, 0)
    stored_now = {r["id"] for r in after if r["doc_id"] == "tokyo-talks"}
    assert stored_now == set(parley.ids(parley.jsonl(expected.stdout)))
    others = [r for r in stored if r["doc_id"] != "tokyo-talks"]
    assert [r for r in after if r["doc_id"] != "tokyo-talks"] == others


def test_query_by_event(parley, stored: list[dict[str, Any]]) -> None:
    for category in sorted({"CONSULT", stored[0]["event"]}):
        wanted = [r["id"] for r in stored if r["event"] == category]
        assert parley.ids(_query(parley, "--event", category)) == wanted
    lower = stored[0]["event"].lower()
    assert parley.ids(_query(parley, "--event", lower)) == [
        r["id"] for r in stored if r["event"] == stored[0]["event"]
    ]


def test_query_by_actor(parley, stored: list[dict[str, Any]]) -> None:
    actors = sorted({party for r in stored for party in _party_ids(r["actor"])})
    assert actors, "no event has a coded actor"
    for party in sorted({"JPN", actors[0]}):
        wanted = [r["id"] for r in stored if party in _party_ids(r["actor"])]
        assert parley.ids(_query(parley, "--actor", party)) == wanted, party


def test_query_by_date_range(parley, stored: list[dict[str, Any]]) -> None:
    dated = [r for r in stored if r["date"] is not None]
    assert dated, "no event has a resolved date"
    day = dated[0]["date"]
    for since, until in ((day, day), ("2022-06-01", "2022-06-30"), ("1999-01-01", "1999-12-31")):
        low, high = date.fromisoformat(since), date.fromisoformat(until)
        first = {r["id"]: date.fromisoformat(r["date"]) for r in dated}
        last = {r["id"]: date.fromisoformat(r["enddate"]) for r in dated}
        inside = [i for i in first if first[i] >= low and last[i] <= high]
        overlapping = [i for i in first if last[i] >= low and first[i] <= high]
        found = _query(parley, "--since", since, "--until", until)
        assert parley.ids(found) == inside, (since, until)
        found = _query(parley, "--since", since, "--until", until, "--overlap")
        assert parley.ids(found) == overlapping, (since, until)
    assert parley.ids(_query(parley, "--since", day)) == [
        r["id"] for r in dated if r["date"] >= day
    ]


def test_query_bad_date_is_a_usage_error(parley, stored: list[dict[str, Any]]) -> None:
    result = parley.invoke("query", "--db", "store.duckdb", "--since", "June 1st")
    parley.assert_clean(result, 2)
    assert "--since" in parley.words(result.stderr)


def test_query_csv(parley, stored: list[dict[str, Any]]) -> None:
    result = parley.invoke("query", "--db", "store.duckdb", "--format", "csv", "--status", "all")
    parley.assert_clean(result, 0)
    rows = list(csv.DictReader(io.StringIO(result.stdout, newline="")))
    assert [row["id"] for row in rows] == parley.ids(stored)
    assert all(row["event"] in parley.CATEGORIES for row in rows)


def test_query_limit(parley, stored: list[dict[str, Any]]) -> None:
    assert parley.ids(_query(parley, "--limit", "1")) == parley.ids(stored)[:1]


def test_query_in_a_pipe_is_tsv_by_default(parley, stored: list[dict[str, Any]]) -> None:
    result = parley.invoke("query", "--db", "store.duckdb", "--status", "all")
    parley.assert_clean(result, 0)
    header, *lines = result.stdout.splitlines()
    assert header.split("\t")[:2] == ["id", "doc_id"]
    assert [line.split("\t")[0] for line in lines] == parley.ids(stored)


def test_query_on_missing_store_is_a_clear_error(
    parley, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)
    result = parley.invoke("query", "--db", "nowhere.duckdb", "--format", "jsonl")
    assert result.exit_code != 0
    parley.assert_clean(result, result.exit_code)
    message = parley.words(result.stderr)
    assert "nowhere.duckdb" in message and "does not exist" in message
    assert result.stdout == ""
    assert not Path("nowhere.duckdb").exists(), "a query must not create a store"


def test_ingest_keeps_the_good_files_when_one_is_bad(
    parley, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)
    folder = Path("mixed")
    folder.mkdir()
    (folder / "a-good.txt").write_text(ARTICLES["tokyo-talks.txt"], encoding="utf-8")
    (folder / "b-bad.txt").write_bytes("Séoul, déjà vu.\n".encode("latin-1"))
    (folder / "c-good.txt").write_text(ARTICLES["seoul-missile.txt"], encoding="utf-8")
    result = parley.invoke("ingest", folder, "--db", "mixed.duckdb")
    parley.assert_clean(result, 1)
    problems = [line for line in result.stderr.splitlines() if "b-bad.txt" in line]
    assert len(problems) == 1, result.stderr
    assert "UTF-8" in problems[0]
    summary = parley.words(result.stderr)
    assert "2 documents (2 new" in summary and "1 failed" in summary, summary
    with Store.open("mixed.duckdb") as store:
        assert store.get_document("a-good") is not None
        assert store.get_document("c-good") is not None
        assert store.get_document("b-bad") is None
        assert store.counts()["documents"] == 2


def test_ingest_published_dates_what_carries_no_date(
    parley, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)
    Path("undated.txt").write_text("Police arrested two men in Lyon on Friday.\n", encoding="utf-8")
    result = parley.invoke(
        "ingest", "undated.txt", "--db", "store.duckdb", "--published", "2023-03-14"
    )
    parley.assert_clean(result, 0)
    (arrest,) = _query(parley, "--event", "COERCE")
    assert arrest["date"] == "2023-03-10"  # the Friday before publication
    bad = parley.invoke("ingest", "undated.txt", "--db", "store.duckdb", "--published", "Friday")
    assert bad.exit_code == 2 and "--published" in bad.stderr
