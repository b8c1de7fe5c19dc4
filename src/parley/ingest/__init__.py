"""Readers that turn source files into `Document`s: text, HTML, JSON Lines, CSV, RSS/Atom
feeds and WARC web archives.

`read_documents` is the entry point; the per-format readers are public for callers that
already know what they hold.
"""

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
