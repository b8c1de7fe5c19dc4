"""`parley extract`: code files and print their events; nothing is stored."""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import TYPE_CHECKING

import typer

from parley.cli.common import DictionariesOption, console, err_console, load_pipeline, parse_day
from parley.cli.explain import write_explanation
from parley.cli.output import Format, write_events
from parley.models import Document

if TYPE_CHECKING:  # the readers load HTML and feed parsers: imported when used
    from parley.ingest import ReadProblem


def extract(
    paths: list[Path] = typer.Argument(
        ..., help="Articles: .txt, .html, .jsonl (one document a line), or folders of them."
    ),
    published: str | None = typer.Option(
        None,
        "--published",
        help="Publication date (YYYY-MM-DD) that relative dates ('Friday', 'last week') are "
        "resolved against. Without it Parley looks for a date line in the text.",
    ),
    doc_id: str | None = typer.Option(None, "--doc-id", help="Id for a single document."),
    fmt: Format | None = typer.Option(
        None,
        "--format",
        "-f",
        help="jsonl for programs (one record a line; the default), table for people, csv for "
        "spreadsheets. With --explain: text for people unless jsonl is asked for.",
    ),
    explain: bool = typer.Option(
        False,
        "--explain",
        help="Instead of the events, show each sentence with every word the trigger lexicon "
        "knows and what became of it: the event it gave, or why it was dropped or folded "
        "into another (jsonl: one record a candidate).",
    ),
    dictionaries: Path | None = DictionariesOption,
) -> None:
    """Print the events found in PATHS (see ../shared/spec/EVENTS.md for the record)."""
    from parley.ingest import read_documents

    day = parse_day(published, "--published")
    pipeline = load_pipeline(dictionaries)
    skipped = Counter()
    documents = _readable(read_documents(paths, published=day, doc_id=doc_id), skipped)
    if explain:
        for document in documents:
            events, trace = pipeline.explain(document)
            write_explanation(document, events, trace, console, as_json=fmt is Format.jsonl)
    else:
        events = (e for d in documents for e in pipeline.extract(d))
        write_events(events, fmt or Format.jsonl, console)
    if skipped["inputs"]:
        err_console.print(f"{skipped['inputs']} input(s) skipped")
        raise typer.Exit(1)


def _readable(items: Iterable[Document | ReadProblem], skipped: Counter) -> Iterator[Document]:
    """Each readable document in turn; problems are reported and counted."""
    for item in items:
        if not isinstance(item, Document):
            skipped["inputs"] += 1
            err_console.print(f"skipped {item}", highlight=False)
            continue
        if item.published is None:
            err_console.print(
                f"warning: {item.id}: no publication date given or found; relative dates "
                "are left unresolved (use --published)",
                highlight=False,
            )
        yield item
