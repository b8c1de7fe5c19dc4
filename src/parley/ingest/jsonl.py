"""JSON Lines corpora: one document per line, read as a stream.

Corpora in this format can be larger than memory, so the file is read a line at a time and
a bad line becomes a `ReadProblem` naming FILE:LINE while the good lines are still read.
"""

from __future__ import annotations

import codecs
import contextlib
import json
from collections.abc import Iterable, Iterator
from datetime import date, datetime
from pathlib import Path
from typing import Any

from parley.ingest.limits import ReadLimits
from parley.ingest.problems import ReadProblem, invalid_unicode
from parley.ingest.published import publication
from parley.ingest.text import SNIFF_BYTES, capped_lines, not_utf8_reason, os_reason, sniff_problem
from parley.models import Document

JSONL_SUFFIXES = frozenset({".jsonl", ".ndjson"})

OPTIONAL_STRINGS = ("title", "url", "source", "language")
"""Fields copied to the `Document` as they are; each must be a string or null."""


class _BadLine(Exception):
    """A line that cannot become a document; its message is the reason shown to the user."""


def read_jsonl(
    path: Path, published: date | None = None, limits: ReadLimits | None = None
) -> Iterator[Document | ReadProblem]:
    """Yield a document for each good line and a problem for each bad one.

    A line's id defaults to "<file stem>-<line number>". `published` fills in for lines
    without their own date; neither given, the text's date line is used when it has one.
    A line longer than the record cap is a problem, read past without being held.
    """
    limits = limits or ReadLimits()
    try:
        with path.open("rb") as handle:
            problem = sniff_problem(handle.peek(SNIFF_BYTES)[:SNIFF_BYTES])
            if problem is not None:
                yield ReadProblem(str(path), None, problem)
                return
            lines = capped_lines(handle, limits.max_record_bytes)
            yield from _read_lines(lines, path, published, limits)
    except OSError as err:
        yield ReadProblem(str(path), None, os_reason(err))


def _read_lines(
    lines: Iterable[bytes | int], path: Path, published: date | None, limits: ReadLimits
) -> Iterator[Document | ReadProblem]:
    """Blank lines are skipped silently (a trailing newline is not an error) but counted."""
    empty = True
    for number, raw in enumerate(lines, start=1):
        if isinstance(raw, int):
            empty = False
            yield ReadProblem(str(path), number, f"line of {limits.over(raw)}")
            continue
        line = raw.removeprefix(codecs.BOM_UTF8) if number == 1 else raw
        if not line.strip():
            continue
        empty = False
        try:
            yield _line_document(line, f"{path.stem}-{number}", published)
        except _BadLine as err:
            yield ReadProblem(str(path), number, str(err))
    if empty:
        yield ReadProblem(str(path), None, "empty file")


def _line_document(line: bytes, default_id: str, published: date | None = None) -> Document:
    """Turn one JSONL line into a document, or raise `_BadLine` saying what is wrong."""
    record = _parse(line)
    text = record.get("text")
    if not isinstance(text, str):
        raise _BadLine('missing "text"' if text is None else '"text" must be a string')
    if not text.strip():
        raise _BadLine('"text" is empty')
    given = _published(_first(record, _DATE_FIELDS)) or published
    fields = {key: value for key in OPTIONAL_STRINGS if (value := _optional_string(record, key))}
    doc_id = _record_id(_first(record, _ID_FIELDS)) or default_id
    reason = invalid_unicode({"id": doc_id, "text": text, **fields})
    if reason is not None:
        raise _BadLine(reason)
    day, source = publication(text, given=given)
    return Document(id=doc_id, text=text, published=day, published_source=source, **fields)


# Other corpora name the same fields differently (MUC-3/4: "docid", "date_iso").
_ID_FIELDS = ("id", "doc_id", "docid")
_DATE_FIELDS = ("published", "date_iso", "date")


def _first(record: dict[str, Any], keys: tuple[str, ...]) -> Any:
    return next((record[key] for key in keys if record.get(key) not in (None, "")), None)


def _parse(line: bytes) -> dict[str, Any]:
    try:
        decoded = line.decode("utf-8")
    except UnicodeDecodeError as err:
        raise _BadLine(not_utf8_reason(line, err.start)) from err
    try:
        record = json.loads(decoded)
    except json.JSONDecodeError as err:
        raise _BadLine(f"bad JSON: {err.msg} at column {err.colno}") from err
    if not isinstance(record, dict):
        raise _BadLine("not a JSON object")
    return record


def _published(value: Any) -> date | None:
    """A "YYYY-MM-DD" date or an ISO datetime, taken as the day it names in its own zone."""
    if value is None or value == "":
        return None
    if isinstance(value, str):
        with contextlib.suppress(ValueError):
            return _iso_day(value)
    raise _BadLine(f'bad "published" {value!r}: expected YYYY-MM-DD or an ISO datetime')


def _iso_day(value: str) -> date:
    return date.fromisoformat(value) if len(value) == 10 else datetime.fromisoformat(value).date()


def _record_id(value: Any) -> str | None:
    """Ids may be strings or integers, as exporters write them; anything else is a mistake."""
    if isinstance(value, int) and not isinstance(value, bool):
        return str(value)
    if value is not None and not isinstance(value, str):
        raise _BadLine(f'"id" must be a string or an integer, not {type(value).__name__}')
    return value or None


def _optional_string(record: dict[str, Any], key: str) -> str | None:
    value = record.get(key)
    if value is not None and not isinstance(value, str):
        raise _BadLine(f'"{key}" must be a string, not {type(value).__name__}')
    return value or None
