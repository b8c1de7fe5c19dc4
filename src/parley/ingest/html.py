"""Saved web pages: the article's main text, title and publication date, via trafilatura.

Nothing here touches the network: pages are parsed by trafilatura's own loader, which never
downloads, and htmldate only sees the parsed tree (given a string that looks like a URL it
would fetch it). Dates are taken only from the page: htmldate's extensive search is off
because it guesses from loose text (a "© 2021" footer becomes 2021-01-01), and trafilatura's
`filedate` (today's date) is never read.
"""

from __future__ import annotations

from datetime import date
from pathlib import Path
from typing import Any

import trafilatura

from parley.ingest.limits import ReadLimits
from parley.ingest.problems import unreadable
from parley.ingest.published import publication
from parley.ingest.text import read_bytes
from parley.models import Document

HTML_SUFFIXES = frozenset({".html", ".htm"})

DATE_SEARCH: dict[str, Any] = {"extensive_search": False, "original_date": True}
"""htmldate settings: the first publication date the page's markup states, never a guess."""


def read_html(
    path: Path,
    published: date | None = None,
    doc_id: str | None = None,
    limits: ReadLimits | None = None,
) -> Document:
    """Read one saved page as a document; id from the file name unless `doc_id` is given.

    `published` overrides the page's own date. Raises `UnreadableInput` (an `InputError`)
    when the file cannot be read or holds no article text.
    """
    data = read_bytes(path, limits)
    if not data.strip():
        raise unreadable(path, "empty file")
    return html_document(data, doc_id or path.stem, str(path), published)


def html_document(
    html: bytes | str, doc_id: str, where: str, published: date | None = None
) -> Document:
    """Extract a document from HTML; `where` names the page in the error when there is no text.

    Bytes are decoded by trafilatura, which honours the page's declared charset.
    """
    extracted = trafilatura.bare_extraction(
        html,
        with_metadata=True,
        include_comments=False,
        favor_precision=True,
        date_extraction_params=dict(DATE_SEARCH),
    )
    text = (extracted.text or "").strip() if extracted is not None else ""
    if not text:
        raise unreadable(where, "no article text found in HTML")
    day, source = publication(text, given=published, metadata=_page_date(extracted.date))
    return Document(
        id=doc_id,
        text=text,
        published=day,
        published_source=source,
        title=extracted.title or None,
        url=extracted.url or None,
        source=extracted.sitename or None,
    )


def _page_date(found: str | None) -> date | None:
    """htmldate's "YYYY-MM-DD", or None when it found nothing it could parse."""
    try:
        return date.fromisoformat(found) if found else None
    except ValueError:
        return None
