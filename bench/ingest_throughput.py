"""Ingest throughput: `parley ingest` in one process, in worker processes and on Ray, against
spaCy parsing alone in one process.

    .venv/bin/python bench/ingest_throughput.py [--docs N] [--source FILE] [--no-ray]

Codes N documents (by default the first 300 MUC reports; `--source` any file `parley ingest`
reads, or `--generated` for template stories) into a fresh store for each way of coding,
and prints for each its documents per second and its time as a multiple of the baseline:

- parse: `nlp.pipe` over the same texts in this process, nothing else (the baseline);
- 1 worker: the whole of `parley.batch.ingest` in this process (reading, near-duplicate
  check, coding, storing, cross-document resolution, people registry);
- N workers: the same with `--workers N` for 2 and for this machine's cores (the default);
- Ray: a local Ray with one actor per core;
- rerun: the default again over the same store, where every document is unchanged;

then the speed-up of two workers over one, whether every run stored the same events as the
one-process run, and each worker's peak resident memory. Models are loaded before any
timing (the baseline's too). Issue 15's aims: default ingest ≤ 1.0× the parse, two workers
≥ 1.6× one, the Ray run's events identical.
"""

from __future__ import annotations

import argparse
import json
import random
import resource
import sys
import tempfile
import time
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import date, timedelta
from pathlib import Path

from parley.batch import IngestSummary, ingest
from parley.coders.crew import Crew
from parley.coders.pool import ProcessPool, local_cores
from parley.ingest import ReadProblem, read_documents
from parley.models import Document
from parley.pipeline import Pipeline
from parley.store import EventFilter, Store

MUC = Path(__file__).resolve().parents[2] / "shared" / "corpus" / "muc34" / "muc34_docs.jsonl"
_MIB = 1024 * 1024
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


@dataclass(frozen=True)
class Run:
    name: str
    seconds: float
    summary: IngestSummary
    events: list[str]


def generated(count: int, copies: float = 0.1, seed: int = 7) -> list[Document]:
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


def timed_ingest(name: str, corpus: Path, db: Path, coder: Pipeline | Crew) -> Run:
    with Store.open(db) as store:
        started = time.perf_counter()
        summary = ingest([corpus], store, coder)
        seconds = time.perf_counter() - started
        stored = store.query_events(EventFilter(limit=10_000_000))
    events = [json.dumps(e.to_dict(), sort_keys=True) for e in stored]
    return Run(name, seconds, summary, events)


@contextmanager
def pool(size: int) -> Iterator[Crew]:
    with ProcessPool(size) as crew:
        crew.identity()  # models loaded before the clock starts
        yield crew


@contextmanager
def ray_crew() -> Iterator[Crew]:
    from parley.coders.ray_crew import RayCrew

    with RayCrew(size=local_cores()) as crew:
        crew.identity()
        yield crew


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--docs", type=int, default=300, help="documents to ingest")
    parser.add_argument("--source", type=Path, default=MUC, help="read documents from here")
    parser.add_argument("--generated", action="store_true", help="template stories instead")
    parser.add_argument("--no-ray", action="store_true", help="leave Ray out")
    args = parser.parse_args()

    documents = generated(args.docs) if args.generated else from_file(args.source, args.docs)
    print(f"{len(documents)} documents, {sum(len(d.text) for d in documents):,} characters")
    pipeline = Pipeline()
    started = time.perf_counter()
    for _ in pipeline.nlp.pipe((d.text for d in documents), batch_size=16):
        pass
    parse = time.perf_counter() - started

    cores = local_cores()
    runs: list[Run] = []
    with tempfile.TemporaryDirectory() as folder:
        corpus = Path(folder, "corpus.jsonl")
        write_jsonl(documents, corpus)
        runs.append(timed_ingest("1 worker", corpus, Path(folder, "w1.duckdb"), pipeline))
        for size in sorted({2, cores}):
            with pool(size) as crew:
                db = Path(folder, f"w{size}.duckdb")
                runs.append(timed_ingest(f"{size} workers", corpus, db, crew))
        if not args.no_ray:
            with ray_crew() as crew:
                runs.append(timed_ingest("Ray, local", corpus, Path(folder, "ray.duckdb"), crew))
        with pool(cores) as crew:
            db = Path(folder, f"w{cores}.duckdb")
            rerun = timed_ingest("rerun (default)", corpus, db, crew)

    count = len(documents)
    print(f"\n{'':<18}{'docs/s':>8}  {'× parse':>8}")
    print(f"{'parse (baseline)':<18}{count / parse:8.1f}  {1.0:8.2f}")
    for run in [*runs, rerun]:
        line = f"{run.name:<18}{count / run.seconds:8.1f}  {run.seconds / parse:8.2f}"
        summary = run.summary
        line += f"   ({summary.new} new, {summary.unchanged} unchanged, {summary.events} events"
        if summary.peaks and run.name != "1 worker":
            line += ", peak MiB " + "/".join(f"{p / _MIB:.0f}" for p in summary.peaks)
        print(line + ")")
    one = runs[0]
    two = next(r for r in runs if r.name == "2 workers")
    print(f"\ntwo workers over one: {one.seconds / two.seconds:.2f}× (aim ≥ 1.6)")
    default = next(r for r in runs if r.name == f"{cores} workers")
    print(f"default ({cores} workers) over the parse: {default.seconds / parse:.2f}× (aim ≤ 1.0)")
    for run in runs[1:]:
        same = "identical" if run.events == one.events else "DIFFERENT"
        print(f"{run.name}: events {same} to the one-process run ({len(run.events)})")
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(f"peak memory of this process (model loaded, one worker's run): {peak:.0f} MiB")


if __name__ == "__main__":
    sys.exit(main())
