"""The one entry point: paths in, documents and problems out, whatever the formats.

Per-file trouble is yielded as a `ReadProblem`, never raised, so a batch of a thousand files
with one bad one still produces a thousand minus one documents and one clear message.
"""

from __future__ import annotations

import os
import stat
from collections.abc import Callable, Iterable, Iterator
from datetime import date
from pathlib import Path

from parley.ingest.csv_reader import CSV_SUFFIXES, read_csv
from parley.ingest.feeds import FEED_SUFFIXES, looks_like_feed, read_feed
from parley.ingest.html import HTML_SUFFIXES, read_html
from parley.ingest.jsonl import JSONL_SUFFIXES, read_jsonl
from parley.ingest.limits import ReadLimits
from parley.ingest.problems import ReadProblem, UnreadableInput, invalid_unicode
from parley.ingest.text import os_reason, read_text
from parley.ingest.warc import is_warc, read_warc
from parley.models import Document

ManyReader = Callable[[Path, date | None, ReadLimits], Iterator[Document | ReadProblem]]
"""A reader for a format that holds many documents, each with its own id and perhaps date."""

BINARY_SUFFIXES = frozenset(
    {
        *(".png", ".jpg", ".jpeg", ".gif", ".webp", ".bmp", ".tif", ".tiff", ".ico"),
        *(".pdf", ".doc", ".docx", ".xls", ".xlsx", ".ppt", ".pptx", ".odt", ".epub"),
        *(".zip", ".gz", ".tgz", ".bz2", ".xz", ".zst", ".7z", ".rar", ".tar"),
        *(".mp3", ".mp4", ".wav", ".ogg", ".avi", ".mov", ".mkv", ".webm"),
        *(".exe", ".dll", ".so", ".dylib", ".bin", ".o", ".pyc", ".class", ".jar"),
        *(".wal", ".owner"),  # a store's write-ahead log and owner's address, kept beside it
        *(".parquet", ".duckdb", ".db", ".sqlite", ".pkl", ".npy", ".woff", ".woff2"),
    }
)
"""Skipped while walking a folder: files that are plainly not articles (named directly, they
are still tried, and reported as binary). A ".warc.gz" is read, not skipped."""

UNITS: dict[ManyReader, str] = {
    read_jsonl: "JSONL line",
    read_csv: "CSV row",
    read_feed: "feed entry",
    read_warc: "WARC record",
}
"""What one document is in each many-document format, for messages."""


def read_documents(
    paths: Iterable[Path | str],
    published: date | None = None,
    doc_id: str | None = None,
    limits: ReadLimits | None = None,
) -> Iterator[Document | ReadProblem]:
    """Read files and folders (walked recursively, in name order) as documents.

    Formats go by extension (.txt .text .md, .html .htm, .jsonl .ndjson, .csv .tsv,
    .rss .atom, .warc .warc.gz, and .xml when its root element is a feed's); any other file
    is read as text if it is UTF-8. `published` overrides the date of text and HTML files;
    in the formats that hold many documents (JSONL, CSV, feeds, WARC) it only fills in for
    documents without a date of their own. `doc_id` names the single document of a single
    text or HTML file; otherwise the first thing yielded is a problem saying so, and ids
    come from file names or the records. Documents whose date is still unknown are yielded
    with `published` None. `limits` caps what one record may hold (see `ReadLimits`).
    """
    found = list(list_files(paths))
    files = [item for item in found if isinstance(item, Path)]
    if doc_id is not None and files:
        misuse = _doc_id_misuse(files, doc_id)
        if misuse is not None:
            yield misuse
            doc_id = None
    for item in found:
        if isinstance(item, ReadProblem):
            yield item
        else:
            yield from read_file(item, published, doc_id, limits)


def read_file(
    path: Path,
    published: date | None = None,
    doc_id: str | None = None,
    limits: ReadLimits | None = None,
) -> Iterator[Document | ReadProblem]:
    """Read one file with the reader its extension (or, for .xml, its root element) calls
    for. A document whose strings are not valid Unicode (a feed's character reference to a
    lone surrogate) is a problem here, whatever reader made it."""
    limits = limits or ReadLimits()
    many = many_reader(path)
    if many is None:
        reader = read_html if path.suffix.lower() in HTML_SUFFIXES else read_text
        try:
            items: Iterable[Document | ReadProblem] = [reader(path, published, doc_id, limits)]
        except UnreadableInput as err:
            items = [err.problem]
    else:
        items = many(path, published, limits)
    for item in items:
        yield _valid(item, path)


def _valid(item: Document | ReadProblem, path: Path) -> Document | ReadProblem:
    if isinstance(item, ReadProblem):
        return item
    fields = {"id": item.id, "text": item.text, "title": item.title}
    reason = invalid_unicode({**fields, "url": item.url, "source": item.source})
    return item if reason is None else ReadProblem(str(path), None, f"{item.id!r}: {reason}")


def many_reader(path: Path) -> ManyReader | None:
    """The reader for a file holding many documents, or None for a one-document file."""
    suffix = path.suffix.lower()
    if suffix in JSONL_SUFFIXES:
        return read_jsonl
    if suffix in CSV_SUFFIXES:
        return read_csv
    if is_warc(path):
        return read_warc
    if suffix in FEED_SUFFIXES or (suffix == ".xml" and looks_like_feed(path)):
        return read_feed
    return None


def _doc_id_misuse(files: list[Path], doc_id: str) -> ReadProblem | None:
    """Why `doc_id` cannot name the input's one document, or None when it can."""
    first = str(files[0])
    if len(files) > 1:
        return ReadProblem(
            first,
            None,
            f"document id {doc_id!r} names one document, but {len(files)} files were given; "
            "ids are taken from file names instead",
        )
    many = many_reader(files[0])
    if many is not None:
        return ReadProblem(
            first, None, f"document id {doc_id!r} ignored: each {UNITS[many]} has its own id"
        )
    return None


def list_files(paths: Iterable[Path | str]) -> Iterator[Path | ReadProblem]:
    """Each given file as is, each folder as the files under it, each bad path as a problem."""
    for given in paths:
        path = Path(given)
        try:
            mode = path.stat().st_mode
        except OSError as err:
            yield ReadProblem(str(given), None, _missing_reason(path, err))
            continue
        if stat.S_ISDIR(mode):
            yield from _walk(path)
        elif stat.S_ISREG(mode):
            yield path
        else:  # a pipe or a device would block the reader or never end
            yield ReadProblem(str(given), None, "not a regular file")


def _walk(folder: Path) -> Iterator[Path | ReadProblem]:
    """Regular files under `folder`, depth first in name order.

    Hidden entries (editor backups, .git) and known binary formats are skipped; symbolic
    links to folders are not followed, so a link to an ancestor cannot loop. A link that
    leads nowhere (or round in a circle), a link to a folder and anything that is not a
    file (a pipe, a socket) are reported, never passed over in silence.
    """
    try:
        with os.scandir(folder) as scan:
            entries = sorted(scan, key=lambda entry: entry.name)
    except OSError as err:
        yield ReadProblem(str(folder), None, os_reason(err))
        return
    for entry in entries:
        if entry.name.startswith("."):
            continue
        if entry.is_dir(follow_symlinks=False):
            yield from _walk(Path(entry.path))
            continue
        if _skipped(Path(entry.name)):
            continue
        try:
            mode = os.stat(entry.path).st_mode
        except OSError as err:
            yield ReadProblem(entry.path, None, _missing_reason(Path(entry.path), err))
            continue
        if stat.S_ISREG(mode):
            yield Path(entry.path)
        elif stat.S_ISDIR(mode):
            yield ReadProblem(entry.path, None, "symbolic link to a folder, not followed")
        else:
            yield ReadProblem(entry.path, None, "not a regular file")


def _missing_reason(path: Path, err: OSError) -> str:
    """The operating system's reason, said plainly for a symbolic link that leads nowhere."""
    if path.is_symlink() and isinstance(err, FileNotFoundError):
        return f"broken symbolic link (to {os.readlink(path)}, which does not exist)"
    return os_reason(err)


def _skipped(name: Path) -> bool:
    return name.suffix.lower() in BINARY_SUFFIXES and not is_warc(name)
