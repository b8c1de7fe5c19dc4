"""Rendering events for people (a Rich table) and for programs (JSON Lines, CSV)."""

from __future__ import annotations

import csv
import json
import sys
from collections.abc import Iterable
from enum import StrEnum

from rich.console import Console
from rich.table import Table

from parley.models import Entity, Event
from parley.store.filters import UNDATED

CSV_COLUMNS = (
    "id",
    "doc_id",
    "event",
    "status",
    "date",
    "enddate",
    "date_precision",
    "actor",
    "recipient",
    "place",
    "place_country",
    "place_precision",
    "cameo",
    "quad_code",
    "event_scale",
    "confidence",
    "text",
)


class Format(StrEnum):
    table = "table"
    jsonl = "jsonl"
    csv = "csv"


def write_events(events: Iterable[Event], fmt: Format, console: Console) -> int:
    """Print `events` in `fmt` as they come (a table waits for all); returns the count."""
    count = 0
    if fmt is Format.jsonl:
        for event in events:
            sys.stdout.write(json.dumps(event.to_dict(), ensure_ascii=False) + "\n")
            sys.stdout.flush()
            count += 1
    elif fmt is Format.csv:
        writer = csv.DictWriter(sys.stdout, fieldnames=CSV_COLUMNS)
        writer.writeheader()
        for event in events:
            writer.writerow(_csv_row(event))
            count += 1
    else:
        collected = list(events)
        console.print(events_table(collected))
        count = len(collected)
    return count


def events_table(events: list[Event]) -> Table:
    """One row per event: when and how precisely, whether, what, who, where, and the words
    it came from."""
    table = Table(show_lines=True, expand=True)
    table.add_column("date", no_wrap=True)
    table.add_column("dated", no_wrap=True)
    table.add_column("status")
    table.add_column("event")
    table.add_column("actor → recipient", ratio=2)
    table.add_column("place")
    table.add_column("evidence", ratio=4)
    for event in events:
        table.add_row(
            _date_text(event),
            event.date.granularity if event.date else UNDATED,
            event.status,
            event.event,
            f"{parties_text(event.actor)} → {parties_text(event.recipient) or '—'}",
            event.event_loc.name if event.event_loc else "",
            _shorten(event.text, 220),
        )
    return table


def parties_text(entities: list[Entity]) -> str:
    return "; ".join(_entity_text(e) for e in entities)


def _entity_text(entity: Entity) -> str:
    party = entity.code or "?"
    return f"{entity.name} ({party})" if entity.name else party


def _date_text(event: Event) -> str:
    if event.date is None:
        return "—"
    if event.date.start == event.date.end:
        return event.date.start.isoformat()
    return f"{event.date.start.isoformat()}…{event.date.end.isoformat()}"


def _csv_row(event: Event) -> dict[str, object]:
    record = event.to_dict()
    row = {key: record.get(key) for key in CSV_COLUMNS}
    row["actor"] = parties_text(event.actor)
    row["recipient"] = parties_text(event.recipient)
    row["place"] = event.event_loc.name if event.event_loc else None
    row["place_country"] = event.event_loc.country if event.event_loc else None
    row["place_precision"] = event.event_loc.precision if event.event_loc else None
    return row


def _shorten(text: str, limit: int) -> str:
    return text if len(text) <= limit else text[: limit - 1] + "…"
