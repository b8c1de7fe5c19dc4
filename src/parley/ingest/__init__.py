"""Readers that turn source files into `Document`s: text, HTML, JSON Lines, CSV, RSS/Atom
feeds and WARC web archives.

`read_documents` is the entry point; the per-format readers are public for callers that
already know what they hold. They load on first use (PEP 562): the HTML and feed parsers
take a third of a second to import, which `parley --help`, the commands that only read a
store and the light modules of this package (`limits`, `problems`) must not pay.
"""

from __future__ import annotations

from importlib import import_module
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from parley.ingest.csv_reader import read_csv
    from parley.ingest.feeds import html_to_text, looks_like_feed, read_feed
    from parley.ingest.html import html_document, read_html
    from parley.ingest.jsonl import read_jsonl
    from parley.ingest.limits import ReadLimits
    from parley.ingest.problems import ReadProblem, UnreadableInput
    from parley.ingest.published import find_publication_date, publication
    from parley.ingest.readers import read_documents, read_file
    from parley.ingest.text import read_text
    from parley.ingest.warc import read_warc

_HOMES = {
    "ReadLimits": "limits",
    "ReadProblem": "problems",
    "UnreadableInput": "problems",
    "find_publication_date": "published",
    "html_document": "html",
    "html_to_text": "feeds",
    "looks_like_feed": "feeds",
    "publication": "published",
    "read_csv": "csv_reader",
    "read_documents": "readers",
    "read_feed": "feeds",
    "read_file": "readers",
    "read_html": "html",
    "read_jsonl": "jsonl",
    "read_text": "text",
    "read_warc": "warc",
}

__all__ = [
    "ReadLimits",
    "ReadProblem",
    "UnreadableInput",
    "find_publication_date",
    "html_document",
    "html_to_text",
    "looks_like_feed",
    "publication",
    "read_csv",
    "read_documents",
    "read_feed",
    "read_file",
    "read_html",
    "read_jsonl",
    "read_text",
    "read_warc",
]


def __getattr__(name: str) -> Any:
    home = _HOMES.get(name)
    if home is None:
        raise AttributeError(f"module 'parley.ingest' has no attribute {name!r}")
    return getattr(import_module(f"parley.ingest.{home}"), name)
