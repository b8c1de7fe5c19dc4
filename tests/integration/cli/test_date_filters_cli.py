"""`--since/--until`, `--overlap` and `--precision` of `parley query`, `stats` and `export`,
through Typer's runner, on the hand-dated store of tests/conftest.py (`dated_corpus`)."""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path
from typing import Any

import pytest

JANUARY = ("--since", "2020-01-01", "--until", "2020-01-31")


def _query_ids(parley: Any, db: Path, *options: str) -> set[str]:
    result = parley.invoke("query", "--db", db, "--format", "jsonl", "--status", "all", *options)
    parley.assert_clean(result, 0)
    return set(parley.ids(parley.jsonl(result.stdout)))


@pytest.mark.parametrize(
    ("options", "expected"),
    [
        (JANUARY, {"day", "window"}),
        ((*JANUARY, "--overlap"), {"day", "year", "range", "window", "straddling"}),
        (("--since", "2020-01-01"), {"day", "year", "window", "february"}),
        (
            ("--until", "2020-01-31"),
            {"day", "window", "straddling", "outlier"},
        ),
        ((*JANUARY, "--precision", "day"), {"day"}),
        ((*JANUARY, "--overlap", "--precision", "stated"), {"day", "year", "range"}),
        (("--precision", "window", "--precision", "undated"), {"window", "straddling", "undated"}),
        (("--precision", "Window,UNDATED"), {"window", "straddling", "undated"}),
    ],
)
def test_query_dates(
    parley: Any, dated_corpus: Any, options: tuple[str, ...], expected: set[str]
) -> None:
    assert _query_ids(parley, dated_corpus.path, *options) == dated_corpus.ids(*expected)


def test_query_table_and_csv_show_the_precision(parley: Any, dated_corpus: Any) -> None:
    table = parley.invoke(
        "query", "--db", dated_corpus.path, *JANUARY, "--overlap", "--format", "table"
    )
    parley.assert_clean(table, 0)
    header, _, *rows = table.stdout.splitlines()
    assert header.split()[:3] == ["id", "date", "dated"], table.stdout
    assert {row.split()[2] for row in rows} == {"day", "year", "range", "window"}

    result = parley.invoke("query", "--db", dated_corpus.path, "--format", "csv", "--status", "all")
    parley.assert_clean(result, 0)
    rows = {row["id"]: row for row in csv.DictReader(io.StringIO(result.stdout, newline=""))}
    expected = {
        event.id: (event.date.granularity if event.date else "")
        for event in dated_corpus.events.values()
    }
    assert {event_id: row["date_precision"] for event_id, row in rows.items()} == expected


def test_stats_reads_dates_the_same_way(parley: Any, dated_corpus: Any) -> None:
    def months(*options: str) -> list[dict[str, Any]]:
        result = parley.invoke(
            "stats", "--db", dated_corpus.path, "--by", "month", "--format", "jsonl", *options
        )
        parley.assert_clean(result, 0)
        return parley.jsonl(result.stdout)

    assert months(*JANUARY) == [{"month": "2020-01", "events": 2, "clusters": 2}]
    overlapping = months(*JANUARY, "--overlap")
    assert [row for row in overlapping if row["events"]] == [
        {"month": "2019-01", "events": 1, "clusters": 1},
        {"month": "2019-12", "events": 1, "clusters": 1},
        {"month": "2020-01", "events": 3, "clusters": 3},
    ]
    assert [row["month"] for row in overlapping] == [
        *(f"2019-{month:02d}" for month in range(1, 13)),
        "2020-01",
    ]


def test_stats_by_precision(parley: Any, dated_corpus: Any) -> None:
    result = parley.invoke(
        "stats",
        "--db",
        dated_corpus.path,
        "--by",
        "precision",
        "--format",
        "csv",
        "--status",
        "all",
    )
    parley.assert_clean(result, 0)
    assert list(csv.reader(io.StringIO(result.stdout, newline=""))) == [
        ["precision", "events", "clusters"],
        ["day", "3", "3"],
        ["year", "1", "1"],
        ["range", "1", "1"],
        ["window", "2", "2"],
        ["undated", "1", "1"],
    ]


def test_export_reads_dates_the_same_way(parley: Any, dated_corpus: Any, tmp_path: Path) -> None:
    output = tmp_path / "january.jsonl"
    for options, expected in (
        (JANUARY, {"day", "window"}),
        ((*JANUARY, "--overlap"), {"day", "year", "range", "window", "straddling"}),
    ):
        result = parley.invoke(
            "export", "--db", dated_corpus.path, "-f", "jsonl", "-o", output, *options
        )
        parley.assert_clean(result, 0)
        records = [json.loads(line) for line in output.read_text(encoding="utf-8").splitlines()]
        assert {record["id"] for record in records} == dated_corpus.ids(*expected)
        assert f"{len(expected)} events written" in result.stderr


@pytest.mark.parametrize(
    ("options", "message"),
    [
        (("--since", "2020-02-01", "--until", "2020-01-31"), "is after until"),
        (("--precision", "fortnight"), "unknown date precision 'fortnight'"),
        (("--since", "January"), "is not a date"),
    ],
)
@pytest.mark.parametrize("command", ["query", "stats", "export"])
def test_bad_dates_are_usage_errors(
    parley: Any,
    dated_corpus: Any,
    tmp_path: Path,
    command: str,
    options: tuple[str, ...],
    message: str,
) -> None:
    extra = ("-f", "csv", "-o", tmp_path / "out.csv") if command == "export" else ()
    result = parley.invoke(command, "--db", dated_corpus.path, *extra, *options)
    parley.assert_clean(result, 2)
    assert message in parley.words(result.stderr)
    assert not (tmp_path / "out.csv").exists()


@pytest.mark.parametrize("command", ["query", "stats", "export"])
def test_help_teaches_the_date_options(parley: Any, command: str) -> None:
    result = parley.invoke(command, "--help")
    parley.assert_clean(result, 0)
    text = parley.squashed(result.stdout)
    for option in ("--since", "--until", "--overlap", "--precision"):
        assert option in text, option
    assert "wholedateinterval" in text
    assert "Undatedeventsareleftout" in text
