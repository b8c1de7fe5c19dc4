"""What the commands share: consoles, the pipeline with its progress message, dates."""

from __future__ import annotations

from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING

import typer
from rich.console import Console
from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn

from parley.coding import PART_CHARS, TIME_LIMIT
from parley.ingest.limits import MAX_RECORD_BYTES, ReadLimits

if TYPE_CHECKING:
    from parley.pipeline import Pipeline

console = Console()
err_console = Console(stderr=True, soft_wrap=True)

DictionariesOption = typer.Option(
    None,
    "--dictionaries",
    help="A folder of your own dictionary files (countries.jsonl, organizations.jsonl, "
    "titles.jsonl, triggers.jsonl) whose records override the shipped ones.",
    exists=True,
    file_okay=False,
)


_MIB = 1024 * 1024

PublishedOption = typer.Option(
    None,
    "--published",
    help="Publication date (YYYY-MM-DD) that relative dates ('Friday', 'last week') are "
    "resolved against: for text and HTML files, and for records of the other formats that "
    "carry no date of their own. Without it Parley looks for a date line in the text.",
)

RecordCapOption = typer.Option(
    MAX_RECORD_BYTES // _MIB,
    "--max-record-mb",
    min=1,
    help="The most one record (a file, a JSON Lines line, a CSV line, an archived page) may "
    "hold, in MiB, read or inflated; a record over it is named and skipped.",
)
TimeLimitOption = typer.Option(
    TIME_LIMIT,
    "--time-limit",
    min=1.0,
    help="Seconds one document may take to code; a document over it is named and skipped "
    f"(checked between parts: documents over {PART_CHARS:,} characters are coded in parts).",
)


def read_limits(max_record_mb: int) -> ReadLimits:
    return ReadLimits(max_record_bytes=max_record_mb * _MIB)


def load_pipeline(dictionaries: Path | None) -> Pipeline:
    """The coder, loaded on first use: spaCy alone takes a second or more to import, which
    `parley --help` and the commands that only read the store must not pay."""
    from parley.pipeline import Pipeline

    with err_console.status("Loading the language model and dictionaries…"):
        return Pipeline(dictionaries)


def progress_bar() -> Progress:
    """A bar on stderr that vanishes when done, for commands that code many documents."""
    return Progress(
        TextColumn("[progress.description]{task.description}"),
        BarColumn(),
        MofNCompleteColumn(),
        TimeElapsedColumn(),
        console=err_console,
        transient=True,
    )


def parse_day(value: str | None, option: str) -> date | None:
    """A YYYY-MM-DD option value, or a clear usage error."""
    if value is None:
        return None
    try:
        return date.fromisoformat(value)
    except ValueError:
        raise typer.BadParameter(
            f"{value!r} is not a date (YYYY-MM-DD)", param_hint=option
        ) from None
