"""Readers that turn source files into `Document`s: text, HTML and JSON Lines.

`read_documents` is the entry point; the per-format readers are public for callers that
already know what they hold.
"""

from parley.ingest.html import html_document, read_html
from parley.ingest.problems import ReadProblem, UnreadableInput
from parley.ingest.published import find_publication_date, publication
from parley.ingest.readers import read_documents, read_file
from parley.ingest.text import read_text

__all__ = [
    "ReadProblem",
    "UnreadableInput",
    "find_publication_date",
    "html_document",
    "publication",
    "read_documents",
    "read_file",
    "read_html",
    "read_jsonl",
    "read_text",
]
