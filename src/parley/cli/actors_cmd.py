"""`parley actors`: the people registry, who was seen where first and last."""

from __future__ import annotations

from dataclasses import fields
from pathlib import Path

import typer

from parley.cli.access import reading
from parley.cli.common import console
from parley.cli.output import Format, FormatOption, for_people
from parley.cli.selection import DbOption
from parley.cli.tables import write_rows
from parley.store import Person

_COLUMNS = tuple(field.name for field in fields(Person))
_TABLE_COLUMNS = ("name", "of", "title", "first seen", "last seen", "documents", "mentions")
"""A terminal is too narrow for every column; the table leaves out sector and document ids."""


def actors(
    search: str | None = typer.Argument(
        None, help="Part of a name or title (any case), or a country or org code."
    ),
    db: Path = DbOption,
    limit: int | None = typer.Option(None, "--limit", min=1, help="At most this many people."),
    fmt: Format | None = FormatOption,
) -> None:
    """List the people named as parties to stored events, most mentioned first.

    With the documents they were first and last seen in (csv and jsonl give every
    column)."""
    with reading(db) as store:
        people = store.people(search, limit)
    fmt = for_people(fmt, console)
    if fmt is Format.table:
        rows = [
            (
                p.name,
                p.country or p.org,
                p.title,
                p.first_published,
                p.last_published,
                p.documents,
                p.mentions,
            )
            for p in people
        ]
        write_rows(_TABLE_COLUMNS, rows, fmt, console)
    else:
        rows = [tuple(getattr(person, column) for column in _COLUMNS) for person in people]
        write_rows(_COLUMNS, rows, fmt, console)
