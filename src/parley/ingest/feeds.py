"""Saved RSS and Atom feeds: one document per entry, via feedparser.

Nothing here touches the network. feedparser fetches anything that looks like a URL and
opens anything that names a file, so it is only ever handed an in-memory stream of the
file's bytes. Entry bodies are HTML; they are turned into plain text with paragraphs kept
apart by a blank line, so sentence splitting and evidence offsets see prose, not markup.
"""

from __future__ import annotations

import contextlib
import hashlib
import io
import re
import time
import xml.sax
from collections.abc import Iterator
from datetime import date, datetime
from email.utils import parsedate_to_datetime
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

import feedparser
import lxml.html
from lxml import etree

from parley.ingest.limits import ReadLimits
from parley.ingest.problems import ReadProblem, UnreadableInput
from parley.ingest.published import publication
from parley.ingest.text import read_bytes
from parley.models import Document

FEED_SUFFIXES = frozenset({".rss", ".atom"})
"""Always read as feeds; an ".xml" file is read as one only when `looks_like_feed` says so."""

MAX_ID_CHARS = 200
"""Longer entry ids (some are whole URLs with tracking parameters) are replaced by a hash."""

_SNIFF_BYTES = 4096
_ROOT = re.compile(
    rb"\A(?:\s+|<\?.*?\?>|<!--.*?-->|<!DOCTYPE[^>]*>)*<(?:[\w.-]+:)?(rss|feed|RDF)[\s>/]",
    re.DOTALL | re.IGNORECASE,
)
"""The first element after the prolog, comments and doctype: an RSS, Atom or RSS 1.0 root."""

HTML_TYPES = frozenset({"text/html", "application/xhtml+xml"})
BLOCK_TAGS = frozenset(
    {
        *("p", "div", "section", "article", "header", "footer", "aside", "main", "figure"),
        *("h1", "h2", "h3", "h4", "h5", "h6", "blockquote", "pre", "address", "hr"),
        *("ul", "ol", "li", "dl", "dt", "dd", "table", "tr", "figcaption", "caption"),
    }
)
"""Elements that start a new paragraph of the plain text."""
SKIPPED_TAGS = frozenset({"script", "style", "noscript", "template"})


def looks_like_feed(path: Path) -> bool:
    """True when the file's root element is <rss>, <feed> (Atom) or <rdf:RDF> (RSS 1.0).

    Used for ".xml" files, which are as often sitemaps or data as feeds.
    """
    try:
        with path.open("rb") as handle:
            head = handle.read(_SNIFF_BYTES)
    except OSError:
        return False
    return _ROOT.match(head.removeprefix(b"\xef\xbb\xbf")) is not None


def read_feed(
    path: Path, published: date | None = None, limits: ReadLimits | None = None
) -> Iterator[Document | ReadProblem]:
    """Yield a document for each entry with text and a problem for each without.

    An entry's date is the one the feed gives it (`published_source` "feed"), taken as the
    day it names in its own time zone; `published` fills in for entries without one, then
    the text's date line. A file that is not a feed is one problem; a feed whose XML breaks
    off still yields the entries read before the break, then a problem naming the line.
    """
    try:
        data = read_bytes(path, limits)
    except UnreadableInput as err:
        yield err.problem
        return
    if not data.strip():
        yield ReadProblem(str(path), None, "empty file")
        return
    parsed = _parse(data)
    line = _error_line(parsed, data)
    if not parsed.get("version") and not parsed.entries:
        yield ReadProblem(str(path), line, _not_a_feed_reason(parsed))
        return
    if not parsed.entries:
        yield ReadProblem(str(path), None, "feed has no entries")
    qualifier = _id_qualifier(parsed.feed, path)
    source = parsed.feed.get("title") or None
    for number, entry in enumerate(parsed.entries, start=1):
        yield _entry_document(entry, number, path, qualifier, source, published)
    error = _xml_error(parsed)
    if error is not None:
        reason = f"malformed feed XML ({error}); the entries before the error were read"
        yield ReadProblem(str(path), line, reason)


def _parse(data: bytes) -> Any:
    """feedparser's result for the bytes; a stream, because a bytes argument that happens to
    name a file would be opened as a path."""
    return feedparser.parse(io.BytesIO(data))


def _xml_error(parsed: Any) -> str | None:
    """The XML syntax error feedparser recovered from, if any (not encoding notices)."""
    error = parsed.get("bozo_exception")
    if isinstance(error, xml.sax.SAXParseException):
        return error.getMessage()
    return str(error) if isinstance(error, xml.sax.SAXException) else None


def _error_line(parsed: Any, data: bytes) -> int | None:
    """The file's line where the XML broke, or None.

    feedparser puts an XML declaration line in front of a document that lacks one before
    parsing it, which moves its line numbers one down; that line is taken off again.
    """
    error = parsed.get("bozo_exception")
    if not isinstance(error, xml.sax.SAXParseException):
        return None
    added = 0 if data.removeprefix(b"\xef\xbb\xbf").startswith(b"<?xml") else 1
    return max(1, error.getLineNumber() - added)


def _not_a_feed_reason(parsed: Any) -> str:
    error = _xml_error(parsed)
    return "not an RSS or Atom feed" + (f" (XML error: {error})" if error else "")


def _id_qualifier(feed: Any, path: Path) -> str:
    """What makes a bare guid such as "12345" unique across feeds: the site's host name,
    or the file's stem when the feed names no site."""
    return urlsplit(feed.get("link") or "").netloc or path.stem


def _entry_document(
    entry: Any,
    number: int,
    path: Path,
    qualifier: str,
    source: str | None,
    published: date | None,
) -> Document | ReadProblem:
    doc_id = _entry_id(entry, number, path, qualifier)
    text = _entry_text(entry)
    if not text:
        label = entry.get("id") or entry.get("link") or entry.get("title") or "no id"
        return ReadProblem(str(path), None, f"entry {number} ({label}): no text")
    own = _entry_date(entry)
    if own is not None:
        day, how = own, "feed"
    else:
        day, how = publication(text, given=published)
    return Document(
        id=doc_id,
        text=text,
        published=day,
        published_source=how,
        title=entry.get("title") or None,
        url=entry.get("link") or None,
        source=source,
    )


def _entry_id(entry: Any, number: int, path: Path, qualifier: str) -> str:
    """The entry's id (Atom id, RSS guid), else its link, else "<stem>-<entry number>".

    Atom ids and most guids are URIs, unique everywhere, and stay the same each time the
    feed is saved, so re-reading a later copy updates the document instead of adding one.
    """
    found = (entry.get("id") or entry.get("link") or "").strip()
    if not found:
        return f"{path.stem}-{number}"
    if ":" not in found:
        found = f"{qualifier}:{found}"
    if len(found) > MAX_ID_CHARS:
        return "sha256:" + hashlib.sha256(found.encode("utf-8")).hexdigest()[:32]
    return found


def _entry_text(entry: Any) -> str:
    """The fullest body the entry has (content, else summary), as plain text."""
    for detail in [*entry.get("content", []), entry.get("summary_detail")]:
        if detail and (detail.get("value") or "").strip():
            return _as_text(detail["value"], detail.get("type") or "text/html")
    return ""


def _as_text(value: str, media_type: str) -> str:
    if media_type in HTML_TYPES:
        return html_to_text(value)
    paragraphs = re.split(r"\n\s*\n", value.replace("\r\n", "\n").replace("\r", "\n"))
    return "\n\n".join(_tidy(paragraph) for paragraph in paragraphs if paragraph.strip())


def _entry_date(entry: Any) -> date | None:
    """The entry's published (else updated) date, as the day in the zone the feed wrote.

    feedparser's parsed dates are converted to UTC, which moves an article published just
    after midnight in Seoul to the day before; the raw string is read first for that reason.
    """
    for key in ("published", "updated"):
        day = _own_zone_day(entry.get(key)) or _utc_day(entry.get(f"{key}_parsed"))
        if day is not None:
            return day
    return None


def _own_zone_day(raw: str | None) -> date | None:
    """An RFC 822 (RSS) or ISO 8601 (Atom) timestamp's calendar day, or None."""
    if not raw:
        return None
    with contextlib.suppress(TypeError, ValueError, IndexError):
        return parsedate_to_datetime(raw).date()
    with contextlib.suppress(ValueError):
        return datetime.fromisoformat(raw.strip()).date()
    return None


def _utc_day(parsed: time.struct_time | None) -> date | None:
    if parsed is None:
        return None
    with contextlib.suppress(ValueError):
        return date(parsed.tm_year, parsed.tm_mon, parsed.tm_mday)
    return None


def html_to_text(markup: str) -> str:
    """Plain text of an HTML fragment: one paragraph per block element, joined by a blank
    line; <br> is a line break, other whitespace runs are one space."""
    if not markup.strip():
        return ""
    try:
        root = lxml.html.fragment_fromstring(markup, create_parent="div")
    except (etree.ParserError, ValueError):
        return _tidy(markup)
    paragraphs = [_tidy(paragraph) for paragraph in _paragraphs(root)]
    return "\n\n".join(paragraph for paragraph in paragraphs if paragraph)


def _paragraphs(root: Any) -> list[str]:
    """The text of `root`, cut wherever a block element starts or ends."""
    paragraphs: list[str] = []
    current: list[str] = []
    skipping = 0
    for event, element in etree.iterwalk(root, events=("start", "end", "comment", "pi")):
        tag = element.tag if isinstance(element.tag, str) else ""
        if event in ("comment", "pi"):
            if not skipping and element.tail:
                current.append(_inline(element.tail))
            continue
        if tag in SKIPPED_TAGS:
            skipping += 1 if event == "start" else -1
        elif tag in BLOCK_TAGS:
            paragraphs.append("".join(current))
            current = []
        elif tag == "br" and event == "start":
            current.append("\n")
        if skipping:
            continue
        if event == "start" and tag not in SKIPPED_TAGS and element.text:
            current.append(_inline(element.text))
        elif event == "end" and element is not root and element.tail:
            current.append(_inline(element.tail))
    paragraphs.append("".join(current))
    return paragraphs


def _inline(text: str) -> str:
    """Source line breaks inside HTML text are spaces; only <br> and blocks break lines."""
    return text.replace("\r", " ").replace("\n", " ")


def _tidy(paragraph: str) -> str:
    """Collapse whitespace within each line of a paragraph and drop empty lines."""
    lines = (" ".join(line.split()) for line in paragraph.split("\n"))
    return "\n".join(line for line in lines if line)
