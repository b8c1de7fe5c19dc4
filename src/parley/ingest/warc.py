"""Web archives (WARC, plain or gzipped): each archived HTML page becomes a document.

Crawls are large, so the archive is read a record at a time with warcio. Pages go through
the same extraction as saved HTML files (`html_document`), so a page reads the same whether
it was saved alone or archived. The WARC-Date is when the crawler fetched the page, not when
it was published, and is never used as a publication date.

warcio does not notice an archive that breaks off: it hands back the short record and stops.
Each record is therefore checked against its declared length, and bytes left over after the
last record are reported, so a truncated download is named rather than silently shortened.

Nothing here holds more than the record cap (`ReadLimits`): a page over it is named and
skipped unread, and warcio's line reads are capped, so a record whose header never ends (a
gzip member that inflates to a gigabyte of zeros) is named, and reading goes on at the next
gzip member. Skipping a record still means inflating it, at zlib's pace, in small pieces.
"""

from __future__ import annotations

import contextlib
import io
import zlib
from collections.abc import Iterator
from dataclasses import dataclass, replace
from datetime import date
from pathlib import Path
from typing import Any

from warcio.archiveiterator import ArchiveIterator
from warcio.bufferedreaders import DecompressingBufferedReader
from warcio.limitreader import LimitReader

from parley.ingest.html import html_document
from parley.ingest.limits import ReadLimits
from parley.ingest.problems import ReadProblem, UnreadableInput
from parley.ingest.text import os_reason
from parley.models import Document

WARC_SUFFIXES = (".warc", ".warc.gz")

HTML_TYPES = frozenset({"text/html", "application/xhtml+xml"})

MISMATCH = "record length does not match its Content-Length; reading on"

_CHUNK = 1 << 16
_DAMAGED = "archive is corrupt or truncated (its gzip data do not check out)"


class _Corrupt(Exception):
    """The archive cannot be read past this point; the message says why."""


class _Endless(Exception):
    """A line, or a block of header lines, longer than the record cap: the record cannot be
    read, and the archive only past it when the next gzip member can be found."""


class _CappedReader(DecompressingBufferedReader):
    """warcio's reader with its line reads capped: a header line, or header block, that has
    not ended after `cap` bytes raises `_Endless` instead of growing in memory."""

    def __init__(self, stream: Any, cap: int) -> None:
        super().__init__(stream)
        self._cap = cap
        self._lines = 0  # bytes of the header lines read since the last blank line

    def readline(self, length: int | None = None) -> bytes:
        room = self._cap + 1 - self._lines
        limit = room if length is None else min(length, room)
        pieces: list[bytes] = []
        got = 0
        while got < limit:  # warcio's own readline may stop short of `limit` mid-line
            piece = super().readline(limit - got)
            pieces.append(piece)
            got += len(piece)
            if not piece or piece.endswith(b"\n"):
                break
        line = b"".join(pieces)
        self._lines = 0 if not line.strip() else self._lines + len(line)
        if self._lines > self._cap:
            raise _Endless
        return line

    def read(self, length: int | None = None) -> bytes:
        self._lines = 0
        return super().read(length)


class _Archive(ArchiveIterator):
    """warcio's record iterator, reading through a `_CappedReader`."""

    def __init__(self, handle: io.BufferedReader, cap: int) -> None:
        super().__init__(handle)
        self.reader = _CappedReader(self.fh, cap)


@dataclass(frozen=True)
class _Unusable:
    """An HTML page that was read whole but cannot become a document, and why."""

    reason: str


def is_warc(path: Path) -> bool:
    """True for ".warc" and ".warc.gz" names (a plain ".gz" is not read)."""
    return path.name.lower().endswith(WARC_SUFFIXES)


def read_warc(
    path: Path, published: date | None = None, limits: ReadLimits | None = None
) -> Iterator[Document | ReadProblem]:
    """Yield a document for each HTML response with article text, a problem for each
    without, and one problem, naming the record reached, if the archive is corrupt.

    Records of other kinds (requests, metadata, images, redirects) are passed over
    silently. A page's date comes from its own markup; `published` fills in for pages
    that state none, then the text's date line.
    """
    limits = limits or ReadLimits()
    try:
        with path.open("rb") as handle, path.open("rb") as check:
            verify = check if path.name.lower().endswith(".gz") else None
            yield from _read_records(handle, path, published, limits, verify)
    except OSError as err:
        yield ReadProblem(str(path), None, os_reason(err))


def _read_records(
    handle: io.BufferedReader,
    path: Path,
    published: date | None,
    limits: ReadLimits,
    verify: io.BufferedReader | None,
) -> Iterator[Document | ReadProblem]:
    """The archive's records from the start; after one that never ends, from the next gzip
    member on, with the records numbered on. `verify`, a second handle on a gzipped
    archive, checks each page's member whole (see `_read_from`)."""
    number = 0
    start: int | None = 0
    while start is not None:
        handle.seek(start)
        records = _Archive(handle, limits.max_record_bytes)
        try:
            yield from _read_from(records, number, path, published, limits, verify)
            return
        except _Endless as endless:
            number = endless.args[0]
            start = _member_end(handle, records.offset)
            skipped = "skipped" if start is not None else "the archive cannot be read past it"
            reason = f"a line or header block longer than {limits.cap}"
            yield ReadProblem(str(path), None, f"record {number}: {reason}; {skipped}")


def _read_from(
    records: ArchiveIterator,
    number: int,
    path: Path,
    published: date | None,
    limits: ReadLimits,
    verify: io.BufferedReader | None,
) -> Iterator[Document | ReadProblem]:
    """The records of `records`, the first of them numbered `number` + 1; raises `_Endless`
    with the number of the record that never ends. zlib checks a gzip member's bytes only
    at its end, which warcio never reaches for a member cut short: a page is only trusted
    once `verify` has inflated its member to a matching checksum."""
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
            body = _quietly(_read_body, record, limits)
        except _Endless:
            raise _Endless(number) from None
        except _Corrupt as err:
            yield ReadProblem(str(path), None, f"record {number}: {err}")
            return
        except Exception as err:  # warcio's own errors on damaged input are of many types
            reason = f"record {number}: archive is corrupt or truncated ({_short(err)})"
            yield ReadProblem(str(path), None, reason)
            return
        if body is not None and not _member_checks_out(verify, records):
            yield ReadProblem(str(path), None, f"record {number}: {_DAMAGED}")
            return
        if body is not None:
            yield _page(record, body, number, path, published)


def _quietly(function: Any, *args: Any) -> Any:
    """Call into warcio with its warnings to stderr held back (they are counted in
    `err_count` and reported as problems instead of breaking a progress bar)."""
    with contextlib.redirect_stderr(io.StringIO()):
        return function(*args)


def _read_body(record: Any, limits: ReadLimits) -> bytes | _Unusable | None:
    """The page's HTML for an HTML response; `_Unusable` for an HTML page that cannot be
    read or is over the cap; None for any other record, redirects included. The whole
    record is read either way, a piece at a time, so a short one is caught here."""
    wanted = _is_html_response(record) and not 300 <= _status(record) < 400
    cap = limits.max_record_bytes
    body: bytes | _Unusable | None = None
    declared = _declared_length(record)
    if wanted and declared is not None and declared > cap:
        body = _Unusable(f"page of {limits.over(declared)}, skipped")
    elif wanted:
        try:
            body = record.content_stream().read(cap + 1)
        except Exception as err:  # content decoding (chunked, gzip) on damaged bytes
            body = _Unusable(f"cannot decode page content ({_short(err)})")
    while record.raw_stream.read(_CHUNK):
        pass
    _check_complete(record)
    if isinstance(body, bytes) and len(body) > cap:
        body = _Unusable(f"page of {limits.over(len(body))} when decoded, skipped")
    return body


def _declared_length(record: Any) -> int | None:
    declared = (record.rec_headers.get_header("Content-Length") or "").strip()
    return int(declared) if declared.isdigit() else None


def _member_checks_out(verify: io.BufferedReader | None, records: ArchiveIterator) -> bool:
    """The gzip member of the current record inflates whole (a plain archive: always)."""
    return verify is None or _member_end(verify, records.get_record_offset()) is not None


def _member_end(handle: io.BufferedReader, start: int) -> int | None:
    """Where the gzip member that starts at `start` ends, found by inflating it a piece at a
    time and throwing the pieces away; None when `start` is no gzip member or the file
    ends inside it."""
    handle.seek(start)
    inflater = zlib.decompressobj(wbits=31)
    position = start
    try:
        while not inflater.eof:
            chunk = handle.read(_CHUNK)
            if not chunk:
                return None
            position += len(chunk)
            pending = chunk
            while pending and not inflater.eof:
                inflater.decompress(pending, _CHUNK)
                pending = inflater.unconsumed_tail
    except zlib.error:
        return None
    return position - len(inflater.unused_data)


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
    if not isinstance(stream, LimitReader) or _declared_length(record) is None:
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
