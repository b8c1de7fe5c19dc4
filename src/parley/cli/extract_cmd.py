"""`parley extract`: code files and print their events; nothing is stored."""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable, Iterator
from pathlib import Path

import typer

from parley.cli.common import (
    DictionariesOption,
    PublishedOption,
    RecordCapOption,
    TimeLimitOption,
    console,
    err_console,
    load_pipeline,
    parse_day,
    read_limits,
)
from parley.cli.explain import write_explanation
from parley.cli.output import Format, write_events
from parley.coding import Coded, CodingLimits, Outcome, code_documents, one_line
from parley.ingest.problems import ReadProblem
from parley.models import Document, Event


def extract(
    paths: list[Path] = typer.Argument(
        ..., help="Articles: .txt, .html, .jsonl (one document a line), or folders of them."
    ),
    published: str | None = PublishedOption,
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
    max_record_mb: int = RecordCapOption,
    time_limit: float = TimeLimitOption,
) -> None:
    """Print the events found in PATHS (see ../shared/spec/EVENTS.md for the record).

    A document that cannot be read or coded is named on stderr and skipped; the others are
    printed all the same."""
    from parley.ingest import read_documents  # the readers load when used

    day = parse_day(published, "--published")
    pipeline = load_pipeline(dictionaries)
    skipped = Counter()
    items = read_documents(paths, published=day, doc_id=doc_id, limits=read_limits(max_record_mb))
    documents = _readable(items, skipped)
    if explain:
        for document in documents:
            try:
                events, trace = pipeline.explain(document)
            except Exception as error:
                _skip(ReadProblem(document.id, None, f"not coded: {one_line(error)}"), skipped)
                continue
            write_explanation(document, events, trace, console, as_json=fmt is Format.jsonl)
    else:
        outcomes = code_documents(pipeline, documents, CodingLimits(seconds=time_limit))
        write_events(_events(outcomes, skipped), fmt or Format.jsonl, console)
    if skipped["inputs"]:
        err_console.print(f"{skipped['inputs']} input(s) skipped")
        raise typer.Exit(1)


def _events(outcomes: Iterable[Outcome], skipped: Counter) -> Iterator[Event]:
    """The events of each coded document in turn; one that could not be coded is reported
    and counted."""
    for outcome in outcomes:
        if isinstance(outcome, Coded):
            yield from outcome.events
        else:
            _skip(ReadProblem(outcome.document.id, None, outcome.reason), skipped)


def _skip(problem: ReadProblem, skipped: Counter) -> None:
    skipped["inputs"] += 1
    err_console.print(f"skipped {problem}", highlight=False)


def _readable(items: Iterable[Document | ReadProblem], skipped: Counter) -> Iterator[Document]:
    """Each readable document in turn; problems are reported and counted."""
    for item in items:
        if isinstance(item, ReadProblem):
            _skip(item, skipped)
            continue
        if item.published is None:
            err_console.print(
                f"warning: {item.id}: no publication date given or found; relative dates "
                "are left unresolved (use --published)",
                highlight=False,
            )
        yield item
