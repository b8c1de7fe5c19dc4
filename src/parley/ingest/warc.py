"""Web archives (WARC, plain or gzipped): each archived HTML page becomes a document.

Crawls are large, so the archive is read a record at a time with warcio. Pages go through
the same extraction as saved HTML files (`html_document`), so a page reads the same whether
it was saved alone or archived. The WARC-Date is when the crawler fetched the page, not when
it was published, and is never used as a publication date.

warcio does not notice an archive that breaks off: it hands back the short record and stops.
Each record is therefore checked against its declared length, and bytes left over after the
last record are reported, so a truncated download is named rather than silently shortened.
"""

from __future__ import annotations

import contextlib
import io
from collections.abc import Iterator
from dataclasses import dataclass, replace
from datetime import date
from pathlib import Path
from typing import Any

from warcio.archiveiterator import ArchiveIterator
from warcio.limitreader import LimitReader

from parley.ingest.html import html_document
from parley.ingest.problems import ReadProblem, UnreadableInput
from parley.ingest.text import os_reason
from parley.models import Document

WARC_SUFFIXES = (".warc", ".warc.gz")

HTML_TYPES = frozenset({"text/html", "application/xhtml+xml"})

MAX_PAGE_BYTES = 20_000_000
"""Larger pages are skipped (trafilatura refuses them too), so one huge record cannot
exhaust memory."""

MISMATCH = "record length does not match its Content-Length; reading on"

_CHUNK = 1 << 16


class _Corrupt(Exception):
    """The archive cannot be read past this point; the message says why."""


@dataclass(frozen=True)
class _Unusable:
    """An HTML page that was read whole but cannot become a document, and why."""

    reason: str


def is_warc(path: Path) -> bool:
    """True for ".warc" and ".warc.gz" names (a plain ".gz" is not read)."""
    return path.name.lower().endswith(WARC_SUFFIXES)


def read_warc(path: Path, published: date | None = None) -> Iterator[Document | ReadProblem]:
    """Yield a document for each HTML response with article text, a problem for each
    without, and one problem, naming the record reached, if the archive is corrupt.

    Records of other kinds (requests, metadata, images, redirects) are passed over
    silently. A page's date comes from its own markup; `published` fills in for pages
    that state none, then the text's date line.
    """
    try:
        with path.open("rb") as handle:
            yield from _read_records(handle, path, published)
    except OSError as err:
        yield ReadProblem(str(path), None, os_reason(err))


def _read_records(
    handle: io.BufferedReader, path: Path, published: date | None
) -> Iterator[Document | ReadProblem]:
    records = ArchiveIterator(handle)
    number = 0
    warnings = 0
    while True:
        number += 1
        try:
            record = _quietly(next, records, None)
            if records.err_count > warnings:
                warnings = records.err_count
                yield ReadProblem(str(path), None, f"record {number - 1}: {MISMATCH}")
            if record is None:
                _check_finished(records, path)
                return
            body = _quietly(_read_body, record)
        except _Corrupt as err:
            yield ReadProblem(str(path), None, f"record {number}: {err}")
            return
        except Exception as err:  # warcio's own errors on damaged input are of many types
            reason = f"record {number}: archive is corrupt or truncated ({_short(err)})"
            yield ReadProblem(str(path), None, reason)
            return
        if body is not None:
            yield _page(record, body, number, path, published)


def _quietly(function: Any, *args: Any) -> Any:
    """Call into warcio with its warnings to stderr held back (they are counted in
    `err_count` and reported as problems instead of breaking a progress bar)."""
    with contextlib.redirect_stderr(io.StringIO()):
        return function(*args)


def _read_body(record: Any) -> bytes | _Unusable | None:
    """The page's HTML for an HTML response; `_Unusable` for an HTML page that cannot be
    read; None for any other record, redirects included. The whole record is read
    either way, so a short one is caught here."""
    wanted = _is_html_response(record) and not 300 <= _status(record) < 400
    body: bytes | _Unusable | None = None
    if wanted:
        try:
            body = record.content_stream().read(MAX_PAGE_BYTES + 1)
        except Exception as err:  # content decoding (chunked, gzip) on damaged bytes
            body = _Unusable(f"cannot decode page content ({_short(err)})")
    while record.raw_stream.read(_CHUNK):
        pass
    _check_complete(record)
    if isinstance(body, bytes) and len(body) > MAX_PAGE_BYTES:
        body = _Unusable(f"page larger than {MAX_PAGE_BYTES} bytes, skipped")
    return body


def _is_html_response(record: Any) -> bool:
    if record.rec_type != "response" or record.http_headers is None:
        return False
    media_type = (record.http_headers.get_header("Content-Type") or "").split(";")[0]
    return media_type.strip().lower() in HTML_TYPES


def _check_complete(record: Any) -> None:
    """Raise `_Corrupt` when the record has no length or ended before it.

    A header block cut off just after "Content-Length: " reads as an empty record to
    warcio, so the header itself is checked too.
    """
    stream = record.raw_stream
    declared = (record.rec_headers.get_header("Content-Length") or "").strip()
    if not isinstance(stream, LimitReader) or not declared.isdigit():
        raise _Corrupt("archive is corrupt or truncated (record has no Content-Length)")
    if stream.limit > 0:
        raise _Corrupt(f"archive is truncated ({stream.limit} bytes of the record missing)")


def _check_finished(records: ArchiveIterator, path: Path) -> None:
    """Raise `_Corrupt` when bytes remain after the last record warcio could read (a record
    whose headers were cut off is dropped by warcio without a word)."""
    left = path.stat().st_size - records.offset
    if left > 0:
        raise _Corrupt(f"archive is truncated ({left} bytes after the last whole record)")


def _page(
    record: Any, body: bytes | _Unusable, number: int, path: Path, published: date | None
) -> Document | ReadProblem:
    """The page's document, with the record's id and URL, or the problem naming the record."""
    uri = record.rec_headers.get_header("WARC-Target-URI") or "no URI"
    where = f"record {number} ({uri})"
    if isinstance(body, _Unusable):
        return ReadProblem(str(path), None, f"{where}: {body.reason}")
    status = _status(record)
    if not 200 <= status < 300:
        return ReadProblem(str(path), None, f"{where}: HTTP status {status}, not an article")
    try:
        doc = html_document(body, _record_id(record) or uri, f"{path}: {where}")
    except UnreadableInput:
        return ReadProblem(str(path), None, f"{where}: no article text")
    doc = replace(doc, url=record.rec_headers.get_header("WARC-Target-URI") or doc.url)
    if published is not None and doc.published_source != "html-metadata":
        doc = replace(doc, published=published, published_source="given")
    return doc


def _status(record: Any) -> int:
    try:
        return int(record.http_headers.get_statuscode())
    except (TypeError, ValueError):
        return 0


def _record_id(record: Any) -> str | None:
    """WARC-Record-ID without its angle brackets and "urn:uuid:" prefix."""
    raw = (record.rec_headers.get_header("WARC-Record-ID") or "").strip().strip("<>")
    return raw.removeprefix("urn:uuid:") or None


def _short(err: BaseException) -> str:
    """The first line of an error message, cut to a readable length."""
    message = (str(err).splitlines() or [type(err).__name__])[0]
    return message if len(message) <= 120 else message[:117] + "..."
