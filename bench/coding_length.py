"""How coding time and memory grow with a document's length.

Codes one document made of Wikinews articles run together, cut to each length in turn, with
`code_document` (texts over 50,000 characters are coded in parts), and prints the seconds,
the time per character as a ratio to the shortest, the parts and the process's peak memory.
A flat ratio is linear growth.

    .venv/bin/python bench/coding_length.py ../shared/corpus/wikinews/*.csv \\
        [--lengths 10000,50000,200000,1200000]
"""

from __future__ import annotations

import argparse
import resource
import time
from pathlib import Path

from parley.coding import Coded, code_document
from parley.ingest import ReadProblem, read_documents
from parley.models import Document
from parley.pipeline import Pipeline


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("corpus", nargs="+", type=Path)
    parser.add_argument("--lengths", default="10000,50000,200000,1200000")
    args = parser.parse_args()
    texts = [d.text for d in read_documents(args.corpus) if not isinstance(d, ReadProblem)]
    lengths = [int(n) for n in args.lengths.split(",")]
    text = "\n\n".join(texts)
    while len(text) < max(lengths):
        text = f"{text}\n\n{text}"
    pipeline = Pipeline()
    code_document(pipeline, Document("warm-up", texts[0]))
    first: float | None = None
    for length in lengths:
        started = time.perf_counter()
        outcome = code_document(pipeline, Document("long", text[:length]))
        seconds = time.perf_counter() - started
        per_char = seconds / length
        first = first or per_char
        parts = outcome.parts if isinstance(outcome, Coded) else "not coded"
        peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss // 1024
        print(
            f"{length:>10,} characters: {seconds:7.1f} s, time per character "
            f"{per_char / first:4.2f}x the shortest's, {parts} part(s), peak {peak} MB"
        )


if __name__ == "__main__":
    main()
