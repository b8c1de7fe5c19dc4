"""Plain-text articles: one UTF-8 file, one document.

Evidence spans are character offsets into `Document.text`, so the text is decoded exactly
once, here, with a byte order mark dropped and line ends made "\\n" (as Python's text mode
does), so the same article gives the same offsets and hash on every platform.
"""

from __future__ import annotations

import codecs
import os
from collections.abc import Iterator
from datetime import date
from pathlib import Path
from typing import BinaryIO

from parley.ingest.limits import ReadLimits
from parley.ingest.problems import unreadable
from parley.ingest.published import publication
from parley.models import Document

TEXT_SUFFIXES = frozenset({".txt", ".text", ".md"})

SNIFF_BYTES = 8192
"""How much of a file's start is looked at to tell text from binary data."""
_UTF16_BOMS = (codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)
_CHUNK = 1 << 20
_CONTROL_BYTES = frozenset(range(32)) - {9, 10, 12, 13}  # all but tab, newline, form feed, CR
UTF16 = "UTF-16 text, not UTF-8 (convert it: iconv -f UTF-16 -t UTF-8 FILE > NEW)"


def read_text(
    path: Path,
    published: date | None = None,
    doc_id: str | None = None,
    limits: ReadLimits | None = None,
) -> Document:
    """Read one text file as a document; id from the file name unless `doc_id` is given.

    Raises `UnreadableInput` (an `InputError`) for an empty, binary, non-UTF-8, unreadable
    or over-large file.
    """
    text = decode_text(read_bytes(path, limits), path)
    day, source = publication(text, given=published)
    return Document(id=doc_id or path.stem, text=text, published=day, published_source=source)


def read_bytes(path: Path, limits: ReadLimits | None = None) -> bytes:
    """The file's bytes, or `UnreadableInput` naming the operating system's reason or the
    record cap the file is over (read no further than the cap, whatever its size)."""
    limits = limits or ReadLimits()
    try:
        with path.open("rb") as handle:
            data = handle.read(limits.max_record_bytes + 1)
            size = os.fstat(handle.fileno()).st_size
    except OSError as err:
        raise unreadable(path, os_reason(err)) from err
    if len(data) > limits.max_record_bytes:
        raise unreadable(path, f"file of {limits.over(max(size, len(data)))}")
    return data


def os_reason(err: OSError) -> str:
    """ "permission denied" rather than "[Errno 13] Permission denied: '/x'"."""
    return (err.strerror or str(err)).lower()


def decode_text(data: bytes, path: Path) -> str:
    """Decode UTF-8 (with or without a BOM), refusing empty, binary and other-encoded files."""
    if looks_utf16(data):
        raise unreadable(path, UTF16)
    if looks_binary(data):
        raise unreadable(path, "binary file, not text")
    bom = len(codecs.BOM_UTF8) if data.startswith(codecs.BOM_UTF8) else 0
    try:
        text = data[bom:].decode("utf-8")
    except UnicodeDecodeError as err:
        raise unreadable(path, not_utf8_reason(data, err.start + bom)) from err
    if not text.strip():
        raise unreadable(path, "empty file")
    return text.replace("\r\n", "\n").replace("\r", "\n")


def not_utf8_reason(data: bytes, offset: int) -> str:
    """Name the first bad byte, so the user can find it with a hex viewer."""
    return f"not UTF-8 text (byte 0x{data[offset]:02x} at offset {offset})"


def looks_binary(data: bytes) -> bool:
    """True for data no text editor wrote: a NUL byte or many control bytes near the start.

    For a file that is one document. A file of many (CSV, JSON Lines) asks `mostly_binary`,
    since one stray NUL there spoils one record, not the file.
    """
    head = data[:SNIFF_BYTES]
    return b"\x00" in head or mostly_binary(head)


def mostly_binary(data: bytes) -> bool:
    """True when more than one byte in ten near the start is a control byte (NUL included):
    an image or archive, not text with a stray NUL in it."""
    head = data[:SNIFF_BYTES]
    control = sum(1 for byte in head if byte in _CONTROL_BYTES)
    return control > len(head) // 10


def sniff_problem(head: bytes) -> str | None:
    """Why a file of many records (CSV, JSON Lines) cannot be read at all, judged by its
    first bytes, or None: UTF-16 text, or binary data."""
    if looks_utf16(head):
        return UTF16
    return "binary file, not text" if mostly_binary(head) else None


def capped_lines(handle: BinaryIO, cap: int) -> Iterator[bytes | int]:
    """Each line of `handle` with its newline, or for a line longer than `cap` bytes its
    length: such a line is read past in chunks, never held whole."""
    while line := handle.readline(cap + 1):
        if len(line) <= cap or line.endswith(b"\n"):
            yield line
            continue
        size = len(line)
        while (chunk := handle.readline(_CHUNK)) and not chunk.endswith(b"\n"):
            size += len(chunk)
        yield size + len(chunk)


def looks_utf16(data: bytes) -> bool:
    """True for UTF-16 text: a UTF-16 byte order mark, or (without one) a NUL in every other
    byte of mostly ASCII text."""
    head = data[:SNIFF_BYTES]
    if head.startswith(_UTF16_BOMS):
        return True
    pairs = len(head) // 2
    if pairs < 8:
        return False
    even, odd = head[0 : pairs * 2 : 2].count(0), head[1 : pairs * 2 : 2].count(0)
    return max(even, odd) > pairs * 0.9 and min(even, odd) < pairs * 0.1
