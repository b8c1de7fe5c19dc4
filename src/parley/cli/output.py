"""Rendering events for people (a compact table) and for programs (JSON Lines, CSV, TSV).

A table is for a terminal: one line an event, its ids shown (`parley show ID` takes the
first characters), the evidence cut to the width left. Piped, the same command prints TSV,
one event a line with every field whole, which `cut`, `sort` and spreadsheets read, rather
than a table wrapped into a word a line at the pipe's guessed width.
"""

from __future__ import annotations

import csv
import json
import sys
from collections.abc import Iterable
from enum import StrEnum

import typer
from rich import box
from rich.console import Console
from rich.table import Table

from parley.models import Entity, Event
from parley.store import SourcedEvent
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
TSV_COLUMNS = (
    "id",
    "doc_id",
    "date",
    "enddate",
    "date_precision",
    "status",
    "event",
    "actor",
    "recipient",
    "place",
    "source_count",
    "text",
)
ID_CHARS = 8
"""Characters of an event id a table shows: enough to be unique in any real store, and
what `parley show` accepts."""


class Format(StrEnum):
    table = "table"
    tsv = "tsv"
    jsonl = "jsonl"
    csv = "csv"


FormatOption = typer.Option(
    None,
    "--format",
    "-f",
    help="table (the default on a terminal), tsv (the default in a pipe), jsonl or csv.",
)


def for_people(fmt: Format | None, console: Console) -> Format:
    """The format asked for, or by default a table on a terminal and TSV in a pipe."""
    if fmt is not None:
        return fmt
    return Format.table if console.is_terminal else Format.tsv


def write_events(items: Iterable[Event | SourcedEvent], fmt: Format, console: Console) -> int:
    """Print events (with their source counts when the store gave them) in `fmt` as they
    come (a table waits for all); returns the count."""
    count = 0
    if fmt is Format.table:
        collected = [_sourced(item) for item in items]
        console.print(events_table(collected, console.width))
        return len(collected)
    writer = csv.writer(sys.stdout)
    if fmt is Format.tsv:
        write_tsv_line(TSV_COLUMNS)
    elif fmt is Format.csv:
        writer.writerow(CSV_COLUMNS)
    for item in items:
        event, sources = _sourced(item)
        if fmt is Format.jsonl:
            sys.stdout.write(json.dumps(_record(item), ensure_ascii=False) + "\n")
            sys.stdout.flush()
        elif fmt is Format.tsv:
            write_tsv_line(_tsv_row(event, sources))
        else:
            row = _csv_row(event)
            writer.writerow([row.get(column) for column in CSV_COLUMNS])
        count += 1
    return count


def write_tsv_line(values: Iterable[object]) -> None:
    """One line of tab-separated values; TSV has no quoting, so whitespace inside a value
    (tabs and line breaks too) becomes one space, and None an empty field."""
    cells = ("" if value is None else " ".join(str(value).split()) for value in values)
    sys.stdout.write("\t".join(cells) + "\n")


def _sourced(item: Event | SourcedEvent) -> tuple[Event, int | None]:
    if isinstance(item, SourcedEvent):
        return item.event, item.source_count
    return item, None


def _record(item: Event | SourcedEvent) -> dict[str, object]:
    """The record of EVENTS.md, with the cluster and source count when stored."""
    if isinstance(item, SourcedEvent):
        record = item.event.to_dict()
        return {**record, "cluster_id": item.cluster_id, "source_count": item.source_count}
    return item.to_dict()


WIDE = 120
"""From this width on, a table also shows each event's document id."""


def events_table(events: list[tuple[Event, int | None]], width: int) -> Table:
    """One line per event: its id, when (the first day) and how precisely, what, whether,
    who (codes), how many documents report it, on a wide terminal which document, and as
    much of the evidence as fits."""
    table = Table(
        box=box.SIMPLE_HEAD, show_edge=False, pad_edge=False, padding=(0, 1, 0, 0), expand=True
    )
    table.add_column("id", no_wrap=True, width=ID_CHARS)
    table.add_column("date", no_wrap=True, width=10)
    table.add_column("dated", no_wrap=True, width=7)
    table.add_column("event", no_wrap=True, width=9)
    table.add_column("status", no_wrap=True, width=12)
    table.add_column("parties", no_wrap=True, overflow="ellipsis", min_width=12, max_width=30)
    table.add_column("src", justify="right", no_wrap=True, width=3)
    wide = width >= WIDE
    if wide:
        table.add_column("doc", no_wrap=True, overflow="ellipsis", max_width=24)
    table.add_column("evidence", no_wrap=True, overflow="ellipsis", ratio=1, min_width=12)
    for event, sources in events:
        cells = [
            event.id[:ID_CHARS],
            event.date.start.isoformat() if event.date else UNDATED,
            event.date.granularity if event.date else "",
            event.event,
            event.status,
            dyad_codes(event),
            "" if sources is None else str(sources),
            *([event.doc_id] if wide else []),
            " ".join(event.text.split()),
        ]
        table.add_row(*cells)
    return table


def dyad_codes(event: Event) -> str:
    """'USA → IRN' or 'USA, TUR' (acting together): the parties by code."""
    actors = _codes(event.actor) or "?"
    recipients = _codes(event.recipient)
    return f"{actors} → {recipients}" if recipients else actors


def _codes(entities: list[Entity]) -> str:
    """The parties by state or organisation ("USA", not "USAGOV": `parley show` has the
    sectors), else by CAMEO code or text."""
    return ", ".join(dict.fromkeys(e.party or e.code or e.text for e in entities))


def parties_text(entities: list[Entity]) -> str:
    return "; ".join(_entity_text(e) for e in entities)


def _entity_text(entity: Entity) -> str:
    party = entity.code or "?"
    return f"{entity.name} ({party})" if entity.name else party


def date_text(event: Event) -> str:
    """The event's day or interval."""
    if event.date is None:
        return UNDATED
    start = event.date.start.isoformat()
    if event.date.start == event.date.end:
        return start
    return f"{start}…{event.date.end.isoformat()}"


def _tsv_row(event: Event, sources: int | None) -> list[object]:
    place = event.event_loc
    return [
        event.id,
        event.doc_id,
        event.date.start.isoformat() if event.date else "",
        event.date.end.isoformat() if event.date else "",
        event.date.granularity if event.date else UNDATED,
        event.status,
        event.event,
        parties_text(event.actor),
        parties_text(event.recipient),
        place.name if place else "",
        sources,
        event.text,
    ]


def _csv_row(event: Event) -> dict[str, object]:
    record = event.to_dict()
    row = {key: record.get(key) for key in CSV_COLUMNS}
    row["actor"] = parties_text(event.actor)
    row["recipient"] = parties_text(event.recipient)
    row["place"] = event.event_loc.name if event.event_loc else None
    row["place_country"] = event.event_loc.country if event.event_loc else None
    row["place_precision"] = event.event_loc.precision if event.event_loc else None
    return row
