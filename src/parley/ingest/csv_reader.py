"""Spreadsheet exports of articles: CSV or TSV, one document per row, read as a stream.

Corpora such as the Wikinews dumps ship as CSV with whole articles in one quoted field, so a
row can span many lines and hold more than the csv module's default field limit (128 KiB).
A bad row becomes a `ReadProblem` naming the line it starts on, and the rows after it are
still read, as with JSON Lines.
"""

from __future__ import annotations

import codecs
import contextlib
import csv
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import date, datetime
from pathlib import Path
from typing import TYPE_CHECKING, BinaryIO

from parley.ingest.limits import ReadLimits
from parley.ingest.problems import ReadProblem
from parley.ingest.published import publication
from parley.ingest.text import SNIFF_BYTES, capped_lines, not_utf8_reason, os_reason, sniff_problem
from parley.models import Document

if TYPE_CHECKING:
    from _csv import Reader

CSV_SUFFIXES = frozenset({".csv", ".tsv"})

TEXT_COLUMNS = ("text", "body", "content")
"""Where the article is, in order of preference; header names match in any case."""
DATE_COLUMNS = ("published", "date")
OPTIONAL_COLUMNS = ("title", "url", "source", "language")
"""Copied to the `Document` as they are when present and not empty."""

FIELD_LIMIT = 64 * 1024 * 1024
"""Longest field, in characters: far above any article, low enough that a quote left open
by mistake is reported rather than swallowing a large file into one field."""


class _BadRow(Exception):
    """A row that cannot become a document; its message is the reason shown to the user."""


@dataclass(frozen=True)
class _Columns:
    """Where each field is in a row, from the header; None for a column the file lacks."""

    width: int
    text: int
    id: int | None
    published: int | None
    optional: dict[str, int]


def read_csv(
    path: Path, published: date | None = None, limits: ReadLimits | None = None
) -> Iterator[Document | ReadProblem]:
    """Yield a document for each good row and a problem for each bad one.

    The header names the columns: the text is in `text` (or `body`, `content`), the id in
    `id` (default "<file stem>-<row number>", counting data rows from 1), the date in
    `published` or `date`. `published` fills in for rows without a date; neither given, the
    text's date line is used when it has one. Problems name the line a row starts on; a row
    with a NUL byte in it is one of them, wherever it is in the file.
    """
    _raise_field_limit()
    try:
        with path.open("rb") as handle:
            problem = sniff_problem(handle.peek(SNIFF_BYTES)[:SNIFF_BYTES])
            if problem is not None:
                yield ReadProblem(str(path), None, problem)
                return
            yield from _read_rows(handle, path, published, limits or ReadLimits())
    except OSError as err:
        yield ReadProblem(str(path), None, os_reason(err))


def _raise_field_limit() -> None:
    """Raise the csv module's process-wide field limit to `FIELD_LIMIT`, never lower it."""
    if csv.field_size_limit() < FIELD_LIMIT:
        csv.field_size_limit(FIELD_LIMIT)


class _Lines:
    """The file's lines as text, for the csv module, noting those that are not UTF-8.

    A badly encoded line, or one with a NUL byte, is passed on with replacement characters
    so the reader keeps its place, a line over the record cap as one replacement character;
    the row holding it is then reported instead of read.
    """

    def __init__(self, handle: BinaryIO, limits: ReadLimits) -> None:
        self._handle = handle
        self._limits = limits
        self.bad: dict[int, str] = {}

    def __iter__(self) -> Iterator[str]:
        lines = capped_lines(self._handle, self._limits.max_record_bytes)
        for number, raw in enumerate(lines, start=1):
            if isinstance(raw, int):
                self.bad[number] = f"line of {self._limits.over(raw)}"
                yield "\ufffd\n"
                continue
            if b"\x00" in raw:
                self.bad[number] = "a NUL byte in the line (binary data?)"
                raw = raw.replace(b"\x00", "\ufffd".encode())
            line = raw.removeprefix(codecs.BOM_UTF8) if number == 1 else raw
            try:
                yield line.decode("utf-8")
            except UnicodeDecodeError as err:
                self.bad.setdefault(number, not_utf8_reason(line, err.start))
                yield line.decode("utf-8", "replace")

    def first_bad(self, first: int, last: int) -> str | None:
        """Why a line from `first` to `last` could not be decoded, or None if all could.

        Lines up to `last` are forgotten once asked about, so memory does not grow.
        """
        passed = sorted(number for number in self.bad if number <= last)
        reasons = [(number, self.bad.pop(number)) for number in passed]
        inside = [reason for number, reason in reasons if number >= first]
        return inside[0] if inside else None


def _read_rows(
    handle: BinaryIO, path: Path, published: date | None, limits: ReadLimits
) -> Iterator[Document | ReadProblem]:
    """Blank lines are skipped silently; every other row is a document or a problem."""
    lines = _Lines(handle, limits)
    dialect = csv.excel_tab if path.suffix.lower() == ".tsv" else csv.excel
    reader = csv.reader(lines, dialect, strict=True)
    header = _header(reader, lines, path)
    if isinstance(header, ReadProblem):
        yield header
        return
    number = 0
    for start, row in _rows(reader, path):
        number += 1
        if isinstance(row, ReadProblem):
            yield row
            continue
        try:
            _check_encoding(lines, start, reader.line_num)
            yield _row_document(row, header, f"{path.stem}-{number}", published)
        except _BadRow as err:
            yield ReadProblem(str(path), start, f"row {number}: {err}")


def _header(reader: Reader, lines: _Lines, path: Path) -> _Columns | ReadProblem:
    """The columns the first non-blank row names, or the problem that stops the whole file."""
    try:
        names = next((row for row in reader if row), None)
        reason = lines.first_bad(1, reader.line_num)
    except csv.Error as err:
        return ReadProblem(str(path), reader.line_num, f"bad CSV header: {err}")
    if names is None:
        return ReadProblem(str(path), None, "empty file")
    if reason is not None:
        return ReadProblem(str(path), reader.line_num, reason)
    return _columns(names, path, reader.line_num)


def _columns(names: list[str], path: Path, line: int) -> _Columns | ReadProblem:
    index: dict[str, int] = {}
    for position, name in enumerate(names):
        index.setdefault(name.strip().lower(), position)
    text = next((index[name] for name in TEXT_COLUMNS if name in index), None)
    if text is None:
        return ReadProblem(
            str(path), line, f"no text column (text, body or content) in header {names!r}"
        )
    return _Columns(
        width=len(names),
        text=text,
        id=index.get("id"),
        published=next((index[name] for name in DATE_COLUMNS if name in index), None),
        optional={name: index[name] for name in OPTIONAL_COLUMNS if name in index},
    )


def _rows(reader: Reader, path: Path) -> Iterator[tuple[int, list[str] | ReadProblem]]:
    """Each non-blank row with the line it starts on; a row the csv module rejects is a
    problem, and reading resumes on the next line."""
    while True:
        start = reader.line_num + 1
        try:
            row = next(reader)
        except StopIteration:
            return
        except csv.Error as err:
            yield start, ReadProblem(str(path), start, _csv_reason(err))
            if reader.line_num < start:  # nothing consumed: stop rather than loop
                return
            continue
        if row:
            yield start, row


def _csv_reason(err: csv.Error) -> str:
    if str(err) == "unexpected end of data":
        return "bad CSV: a quoted field is never closed"
    return f"bad CSV: {err}"


def _check_encoding(lines: _Lines, first: int, last: int) -> None:
    reason = lines.first_bad(first, last)
    if reason is not None:
        raise _BadRow(reason)


def _row_document(
    row: list[str], columns: _Columns, default_id: str, published: date | None
) -> Document:
    """Turn one row into a document, or raise `_BadRow` saying what is wrong."""
    if len(row) != columns.width:
        raise _BadRow(f"expected {columns.width} fields, found {len(row)}")
    text = row[columns.text].replace("\r\n", "\n").replace("\r", "\n")
    if not text.strip():
        raise _BadRow("empty text")
    own = _published(row[columns.published]) if columns.published is not None else None
    day, source = publication(text, given=own or published)
    fields = {name: row[position] for name, position in columns.optional.items() if row[position]}
    return Document(
        id=(row[columns.id].strip() if columns.id is not None else "") or default_id,
        text=text,
        published=day,
        published_source=source,
        **fields,
    )


def _published(value: str) -> date | None:
    """An ISO date or datetime ("2019-01-04", "2019-01-04 10:30:00", "...T10:30:00+01:00"),
    taken as the day it names in its own zone; empty means unknown."""
    value = value.strip()
    if not value:
        return None
    with contextlib.suppress(ValueError):
        return (
            date.fromisoformat(value) if len(value) == 10 else datetime.fromisoformat(value).date()
        )
    raise _BadRow(f"bad date {value!r}: expected YYYY-MM-DD or an ISO datetime")
