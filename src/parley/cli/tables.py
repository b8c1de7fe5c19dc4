"""Rendering rows of plain values (counts, registry entries) as a table, TSV, CSV or JSON
Lines."""

from __future__ import annotations

import csv
import json
import sys
from collections.abc import Sequence
from datetime import date
from typing import Any

from rich.console import Console
from rich.table import Table

from parley.cli.output import Format, write_tsv_line


def write_rows(
    columns: Sequence[str],
    rows: Sequence[Sequence[Any]],
    fmt: Format,
    console: Console,
    title: str | None = None,
) -> None:
    """Print `rows` under `columns`: a table for people, TSV, CSV or JSON Lines for programs
    (`title` heads the table only)."""
    if fmt is Format.jsonl:
        for row in rows:
            record = {column: _plain(value) for column, value in zip(columns, row, strict=True)}
            sys.stdout.write(json.dumps(record, ensure_ascii=False) + "\n")
    elif fmt is Format.csv:
        writer = csv.writer(sys.stdout)
        writer.writerow(columns)
        writer.writerows([[_plain(value) for value in row] for row in rows])
    elif fmt is Format.tsv:
        write_tsv_line(columns)
        for row in rows:
            write_tsv_line(_plain(value) for value in row)
    else:
        table = Table(*columns, title=title, title_justify="left")
        for row in rows:
            table.add_row(*("" if value is None else str(value) for value in row))
        console.print(table)


def _plain(value: Any) -> Any:
    """JSON and CSV take dates as ISO text."""
    return value.isoformat() if isinstance(value, date) else value
