"""Ingest throughput: `parley ingest` against spaCy parsing alone, in one process.

    .venv/bin/python bench/ingest_throughput.py [--docs N] [--source FILE] [--copies F]

Codes N documents (generated here, or the first N of FILE, any format `parley ingest` reads)
into a store in a temporary folder, and prints documents per second for:

- parse: `nlp.pipe` over the same texts, nothing else (the baseline);
- ingest: the whole of `parley.batch.ingest` (reading, near-duplicate check, coding, storing,
  cross-document resolution, people registry);
- rerun: the same ingest again, where every document is unchanged;

with the ratio of each to the baseline, so the figures compare across machines. The pipeline
is loaded once, before any timing. Peak resident memory of the process is printed last.
"""

from __future__ import annotations

import argparse
import json
import random
import resource
import sys
import tempfile
import time
from datetime import date, timedelta
from pathlib import Path

from parley.batch import ingest
from parley.ingest import ReadProblem, read_documents
from parley.models import Document
from parley.pipeline import Pipeline
from parley.store import Store

_PARTIES = [
    ("Japan", "Japanese", "Tokyo"),
    ("China", "Chinese", "Beijing"),
    ("South Korea", "South Korean", "Seoul"),
    ("the United States", "American", "Washington"),
    ("Russia", "Russian", "Moscow"),
    ("France", "French", "Paris"),
    ("India", "Indian", "New Delhi"),
    ("Brazil", "Brazilian", "Brasilia"),
]
_SENTENCES = [
    "{a}'s foreign minister met {b_adj} officials in {place} on {day} to discuss trade.",
    "{a} accused {b} of violating the ceasefire agreement on {day}.",
    "Police in {place} arrested dozens of protesters on {day}, officials said.",
    "{a} will host talks with {b} in {place} next week, the ministry said.",
    "{a} imposed new sanctions on {b} on {day} over its missile programme.",
    "{b} rejected the demands and urged {a} to return to negotiations.",
    "The two governments agreed to resume regular consultations on maritime security.",
    "{a} sent humanitarian aid to {b} after floods on {day}.",
]
_DAYS = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday"]


def generated(count: int, copies: float, seed: int = 7) -> list[Document]:
    """`count` short news stories from templates; a share `copies` are syndicated reprints."""
    rng = random.Random(seed)
    documents: list[Document] = []
    for number in range(count):
        if documents and rng.random() < copies:
            source = rng.choice(documents)
            text = source.text.replace("officials said", "sources said") + "\n(Syndicated)"
            documents.append(Document(f"copy-{number}", text, source.published))
            continue
        a, b = rng.sample(_PARTIES, 2)
        fill = {"a": a[0], "b": b[0], "b_adj": b[1], "place": a[2]}
        sentences = [s.format(**fill, day=rng.choice(_DAYS)) for s in rng.sample(_SENTENCES, k=5)]
        published = date(2022, 1, 3) + timedelta(days=rng.randrange(365))
        documents.append(Document(f"gen-{number}", " ".join(sentences), published))
    return documents


def from_file(path: Path, count: int) -> list[Document]:
    documents: list[Document] = []
    for item in read_documents([path]):
        if not isinstance(item, ReadProblem):
            documents.append(item)
        if len(documents) == count:
            break
    return documents


def write_jsonl(documents: list[Document], path: Path) -> None:
    with path.open("w", encoding="utf-8") as handle:
        for doc in documents:
            published = doc.published.isoformat() if doc.published else None
            handle.write(json.dumps({"id": doc.id, "text": doc.text, "published": published}))
            handle.write("\n")


def timed_ingest(corpus: Path, db: Path, pipeline: Pipeline) -> tuple[float, str]:
    with Store.open(db) as store:
        started = time.perf_counter()
        summary = ingest([corpus], store, pipeline)
        seconds = time.perf_counter() - started
    detail = (
        f"{summary.new} new, {summary.unchanged} unchanged, {summary.duplicates} copies, "
        f"{summary.failed} failed, {summary.events} events, "
        f"linking {summary.link_seconds:.2f} s"
    )
    return seconds, detail


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--docs", type=int, default=300, help="documents to ingest")
    parser.add_argument("--source", type=Path, help="read documents from this file instead")
    parser.add_argument("--copies", type=float, default=0.1, help="share of generated reprints")
    args = parser.parse_args()

    if args.source:
        documents = from_file(args.source, args.docs)
    else:
        documents = generated(args.docs, args.copies)
    print(f"{len(documents)} documents, {sum(len(d.text) for d in documents):,} characters")
    pipeline = Pipeline()

    started = time.perf_counter()
    for _ in pipeline.nlp.pipe((d.text for d in documents), batch_size=16):
        pass
    parse = time.perf_counter() - started

    with tempfile.TemporaryDirectory() as folder:
        corpus = Path(folder, "corpus.jsonl")
        write_jsonl(documents, corpus)
        first, first_detail = timed_ingest(corpus, Path(folder, "bench.duckdb"), pipeline)
        again, again_detail = timed_ingest(corpus, Path(folder, "bench.duckdb"), pipeline)

    count = len(documents)
    print(f"{'parse (baseline)':<18}{count / parse:8.1f} docs/s   1.00")
    print(f"{'ingest':<18}{count / first:8.1f} docs/s   {parse / first:.2f}   ({first_detail})")
    print(f"{'rerun':<18}{count / again:8.1f} docs/s   {parse / again:.2f}   ({again_detail})")
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    print(f"peak resident memory {peak / 1024:.0f} MiB")


if __name__ == "__main__":
    sys.exit(main())
