"""Where coding time goes: each stage of the pipeline timed over the same documents.

    .venv/bin/python bench/profile_stages.py [--docs N] [--source FILE]

Parses N documents (the first N of FILE, any format `parley ingest` reads; default the first
300 MUC reports) component by component, then runs the coder's stages on each parse in the
order `Pipeline._code` runs them, and prints each stage's seconds and share of the whole.
It also counts how many sentences hold a trigger candidate (a word the lexicon codes, with
the part of speech it codes it as) and how many documents give no event mention: what a
filter that skips event-only work could save. One process; the model is loaded first.
"""

from __future__ import annotations

import argparse
import sys
import time
from collections import defaultdict
from itertools import islice
from pathlib import Path

from parley.duplicates import signature
from parley.events.trace import Trace
from parley.ingest import ReadProblem, read_documents
from parley.merge import merge_mentions
from parley.models import Document
from parley.normalize.places import dateline_place, place_from_dateline
from parley.pipeline import Pipeline

MUC = Path(__file__).resolve().parents[2] / "shared" / "corpus" / "muc34" / "muc34_docs.jsonl"


class Clock:
    """Seconds per stage, added up."""

    def __init__(self) -> None:
        self.seconds: dict[str, float] = defaultdict(float)
        self._last = time.perf_counter()

    def lap(self, stage: str) -> None:
        now = time.perf_counter()
        self.seconds[stage] += now - self._last
        self._last = now


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--docs", type=int, default=300, help="documents to code")
    parser.add_argument("--source", type=Path, default=MUC, help="read documents from here")
    args = parser.parse_args()
    items = (i for i in read_documents([args.source]) if not isinstance(i, ReadProblem))
    documents: list[Document] = list(islice(items, args.docs))
    pipeline = Pipeline()
    lexicon = pipeline._extractor._lexicon  # the bench reads the stages as _code runs them
    clock = Clock()

    texts = [pipeline._readable(d.text) for d in documents]
    clock.lap("truecase and unwrap")
    for document in documents:
        signature(document.text)
    clock.lap("near-duplicate signature")
    docs = [pipeline.nlp.make_doc(text) for text in texts]
    clock.lap("spaCy: tokenizer")
    for name, component in pipeline.nlp.pipeline:
        docs = list(component.pipe(docs, batch_size=16))
        clock.lap(f"spaCy: {name}")

    sentences = with_candidate = silent = events = 0
    for document, doc in zip(documents, docs, strict=True):
        dateline = dateline_place(document.text, pipeline._gazetteer)
        home, published = (dateline.country if dateline else None), document.published
        actors = pipeline._actors.analyse(doc, home_country=home, published=published)
        countries = {m.entity.country for m in actors.mentions if m.entity.country}
        clock.lap("actors")
        mentions = pipeline._extractor.mentions(doc, actors, countries, Trace())
        clock.lap("events")
        for sentence in doc.sents:
            sentences += 1
            with_candidate += any(
                t.pos_ in ("VERB", "NOUN") and lexicon.match(t) is not None for t in sentence
            )
        clock.lap("(counting candidates)")
        if not mentions:
            silent += 1
            continue
        anchors = pipeline._time.date_mentions(mentions, actors, published, countries)
        clock.lap("dates of mentions")
        found = merge_mentions(document.id, mentions, Trace())
        clock.lap("merge")
        pipeline._time.date_events(found, published, anchors)
        place_from_dateline(found, dateline, published)
        clock.lap("dates and places of events")
        events += len(found)

    clock.seconds.pop("(counting candidates)")
    total = sum(clock.seconds.values())
    characters = sum(len(d.text) for d in documents)
    print(f"{len(documents)} documents, {characters:,} characters, {events} events, {total:.1f} s")
    spacy = sum(s for stage, s in clock.seconds.items() if stage.startswith("spaCy"))
    for stage, seconds in sorted(clock.seconds.items(), key=lambda item: -item[1]):
        print(f"  {stage:<28}{seconds:7.2f} s {100 * seconds / total:5.1f}%")
    share = 100 * spacy / total
    print(
        f"spaCy in all: {share:.1f}%; the rest (truecasing, signatures, rules): {100 - share:.1f}%"
    )
    print(
        f"documents without an event mention: {silent} of {len(documents)} (their dating and "
        "merging is skipped)"
    )
    if sentences:
        share = 100 * with_candidate / sentences
        print(f"sentences with a trigger candidate: {with_candidate} of {sentences} ({share:.0f}%)")


if __name__ == "__main__":
    sys.exit(main())
