"""`parley export` in each format, checked against `parley query` on the same store.

The store is coded once per module from articles written here; every expectation is derived
from the events the coder finds today (`query --format jsonl`), not from a fixed count.
"""

from __future__ import annotations

import csv
import json
from pathlib import Path
from typing import Any

import duckdb
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
        "Wednesday, South Korea's Joint Chiefs of Staff said. The United States condemned the "
        "launches and urged Pyongyang to return to talks.",
    },
    {
        "id": "washington-sanctions",
        "published": "2022-06-10",
        "text": "WASHINGTON (Wire) -- The United States imposed new sanctions on Russia on "
        "Thursday over its invasion of Ukraine, the Treasury Department said. Moscow rejected "
        "the measures and accused Washington of economic warfare.",
    },
    {
        "id": "hong-kong",
        "published": "2022-06-03",
        "text": "Police arrested twelve protesters in Hong Kong on Thursday, officials said. "
        "Britain criticised the arrests.",
    },
]

DYADIC_COLUMNS = [
    *("event_id", "date", "source", "source_country", "source_sector"),
    *("target", "target_country", "target_sector", "cameo", "event", "quad_class"),
    *("goldstein", "status", "cluster_id", "source_count", "doc_id", "text"),
    *("source_url", "source_title", "published"),
]
DID_NOT_HAPPEN = {"negated", "hypothetical", "failed"}


@pytest.fixture(scope="module")
def db(parley, tmp_path_factory: pytest.TempPathFactory) -> Path:
    folder = tmp_path_factory.mktemp("export")
    corpus = folder / "articles.jsonl"
    corpus.write_text("".join(json.dumps(a) + "\n" for a in ARTICLES), encoding="utf-8")
    path = folder / "store.duckdb"
    parley.assert_clean(parley.invoke("ingest", corpus, "--db", path), 0)
    return path


@pytest.fixture(scope="module")
def records(parley, db: Path) -> list[dict[str, Any]]:
    """Every stored event, as `parley query` gives them."""
    found = _query(parley, db)
    assert found, "nothing was coded from the test corpus"
    return found


def _query(parley, db: Path, *filters: str) -> list[dict[str, Any]]:
    """Stored events of every status matching `filters`."""
    result = parley.invoke("query", "--db", db, "--format", "jsonl", "--status", "all", *filters)
    parley.assert_clean(result, 0)
    return parley.jsonl(result.stdout)


def _export(parley, db: Path, output: Path, fmt: str, *options: str) -> Path:
    """Stored events of every status (unless `options` say otherwise) written to `output`."""
    options = ("--status", "all", *options)
    result = parley.invoke("export", "--db", db, "--format", fmt, "--output", output, *options)
    parley.assert_clean(result, 0)
    return output


def _csv_rows(path: Path) -> list[dict[str, str]]:
    with path.open(encoding="utf-8", newline="") as handle:
        return list(csv.DictReader(handle))


def _parquet(path: Path, select: str = "*") -> list[tuple[Any, ...]]:
    conn = duckdb.connect()
    try:
        return conn.execute(f"SELECT {select} FROM read_parquet(?)", [str(path)]).fetchall()
    finally:
        conn.close()


def _dyadic_rows(records: list[dict[str, Any]]) -> int:
    """One row per actor × recipient; an empty side counts as one empty party."""
    return sum(max(len(r["actor"]), 1) * max(len(r["recipient"]), 1) for r in records)


def test_jsonl_is_the_query_records_with_their_cluster(
    parley, db: Path, records: list[dict[str, Any]], tmp_path: Path
) -> None:
    path = _export(parley, db, tmp_path / "events.jsonl", "jsonl")
    exported = parley.jsonl(path.read_text(encoding="utf-8"))
    assert len(exported) == len(records)
    for record, full in zip(records, exported, strict=True):
        document = full.pop("document")
        assert full == record
        assert isinstance(full["cluster_id"], str) and full["source_count"] >= 1
        assert set(document) == {"url", "title", "source", "published"}


def test_csv_has_a_row_per_event(
    parley, db: Path, records: list[dict[str, Any]], tmp_path: Path
) -> None:
    rows = _csv_rows(_export(parley, db, tmp_path / "events.csv", "csv"))
    assert [row["id"] for row in rows] == parley.ids(records)
    assert [row["event"] for row in rows] == [r["event"] for r in records]
    assert [row["date"] for row in rows] == [r["date"] or "" for r in records]


def test_parquet_has_as_many_rows_as_query(
    parley, db: Path, records: list[dict[str, Any]], tmp_path: Path
) -> None:
    path = _export(parley, db, tmp_path / "events.parquet", "parquet")
    assert _parquet(path, "count(*)") == [(len(records),)]
    assert [row[0] for row in _parquet(path, "id")] == parley.ids(records)


def test_filters_apply_to_export(
    parley, db: Path, records: list[dict[str, Any]], tmp_path: Path
) -> None:
    category = records[0]["event"]
    wanted = _query(parley, db, "--event", category)
    path = _export(parley, db, tmp_path / "some.parquet", "parquet", "--event", category)
    assert [row[0] for row in _parquet(path, "id")] == parley.ids(wanted)

    word = records[0]["text"].split()[0]
    wanted = _query(parley, db, "--q", word.upper())
    assert wanted and all(word.lower() in r["text"].lower() for r in wanted)
    path = _export(parley, db, tmp_path / "text.jsonl", "jsonl", "--q", word.upper())
    assert parley.ids(parley.jsonl(path.read_text(encoding="utf-8"))) == parley.ids(wanted)


@pytest.mark.parametrize("fmt", ["jsonl", "csv", "parquet"])
def test_dyadic_has_a_row_per_actor_recipient_pair(
    parley, db: Path, records: list[dict[str, Any]], tmp_path: Path, fmt: str
) -> None:
    path = _export(parley, db, tmp_path / f"dyads.{fmt}", fmt, "--dyadic")
    if fmt == "jsonl":
        rows = parley.jsonl(path.read_text(encoding="utf-8"))
    elif fmt == "csv":
        rows = _csv_rows(path)
    else:
        conn = duckdb.connect()
        try:
            cursor = conn.execute("SELECT * FROM read_parquet(?)", [str(path)])
            names = [column[0] for column in cursor.description]
            rows = [dict(zip(names, row, strict=True)) for row in cursor.fetchall()]
        finally:
            conn.close()
    assert len(rows) == _dyadic_rows(records)
    assert set(DYADIC_COLUMNS) <= set(rows[0])
    assert sorted({row["event_id"] for row in rows}) == sorted(parley.ids(records))


def test_dyadic_rows_follow_the_parties(
    parley, db: Path, records: list[dict[str, Any]], tmp_path: Path
) -> None:
    rows = parley.jsonl(
        _export(parley, db, tmp_path / "dyads.jsonl", "jsonl", "--dyadic").read_text("utf-8")
    )
    for record in records:
        mine = [row for row in rows if row["event_id"] == record["id"]]
        sources = [a.get("code") for a in record["actor"]] or [None]
        targets = [r.get("code") for r in record["recipient"]] or [None]
        assert [(row["source"], row["target"]) for row in mine] == [
            (source, target) for source in sources for target in targets
        ]
        for row in mine:
            assert (row["event"], row["cameo"], row["quad_class"], row["goldstein"]) == (
                record["event"],
                record["cameo"],
                record["quad_code"],
                None if record["status"] in DID_NOT_HAPPEN else record["event_scale"],
            )


def test_export_needs_an_existing_store(parley, tmp_path: Path) -> None:
    result = parley.invoke(
        "export", "--db", tmp_path / "none.duckdb", "--format", "csv", "-o", tmp_path / "x.csv"
    )
    assert result.exit_code == 2
    assert "does not exist" in parley.words(result.stderr)
    assert not (tmp_path / "none.duckdb").exists()


def test_the_format_is_the_outputs_extension_unless_given(
    parley, db: Path, records: list[dict[str, Any]], tmp_path: Path
) -> None:
    result = parley.invoke("export", "--db", db, "-o", tmp_path / "events.parquet")
    assert result.exit_code == 0, result.stderr
    assert _parquet(tmp_path / "events.parquet", "count(*)") == [(len(records),)]
    unknown = parley.invoke("export", "--db", db, "-o", tmp_path / "events.txt")
    assert unknown.exit_code == 2
    assert "cannot tell the format" in parley.words(unknown.stderr)
    assert not (tmp_path / "events.txt").exists()
