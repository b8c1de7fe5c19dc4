"""Plain-text articles: one UTF-8 file, one document.

Evidence spans are character offsets into `Document.text`, so the text is decoded exactly
once, here, with a byte order mark dropped and line ends made "\\n" (as Python's text mode
does), so the same article gives the same offsets and hash on every platform.
"""

from __future__ import annotations

import codecs
from datetime import date
from pathlib import Path

from parley.ingest.problems import unreadable
from parley.ingest.published import publication
from parley.models import Document

TEXT_SUFFIXES = frozenset({".txt", ".text", ".md"})

_SNIFF_BYTES = 8192
_UTF16_BOMS = (codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)
_CONTROL_BYTES = frozenset(range(32)) - {9, 10, 12, 13}  # all but tab, newline, form feed, CR


def read_text(path: Path, published: date | None = None, doc_id: str | None = None) -> Document:
    """Read one text file as a document; id from the file name unless `doc_id` is given.

    Raises `UnreadableInput` (an `InputError`) for an empty, binary, non-UTF-8 or unreadable
    file.
    """
    text = decode_text(read_bytes(path), path)
    day, source = publication(text, given=published)
    return Document(id=doc_id or path.stem, text=text, published=day, published_source=source)


def read_bytes(path: Path) -> bytes:
    """The file's bytes, or `UnreadableInput` naming the operating system's reason."""
    try:
        return path.read_bytes()
    except OSError as err:
        raise unreadable(path, os_reason(err)) from err


def os_reason(err: OSError) -> str:
    """ "permission denied" rather than "[Errno 13] Permission denied: '/x'"."""
    return (err.strerror or str(err)).lower()


def decode_text(data: bytes, path: Path) -> str:
    """Decode UTF-8 (with or without a BOM), refusing empty, binary and other-encoded files."""
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

    UTF-16 text is full of NULs but is text in the wrong encoding, so it is left to the
    UTF-8 check, which names its first byte.
    """
    head = data[:_SNIFF_BYTES]
    if head.startswith(_UTF16_BOMS):
        return False
    if b"\x00" in head:
        return True
    control = sum(1 for byte in head if byte in _CONTROL_BYTES)
    return control > len(head) // 10
