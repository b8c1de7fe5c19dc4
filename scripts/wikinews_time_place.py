"""How often Parley dates and places events from the text, on the Wikinews corpus.

Prints: events, share dated from a phrase of the text, share dated by reference or
story time, share undated, share placed; then a seeded random sample of records for
checking by hand against the article (issue 4).

    .venv/bin/python scripts/wikinews_time_place.py ../shared/corpus/wikinews/*.csv --sample 20
"""

from __future__ import annotations

import argparse
import random
from pathlib import Path

from parley.ingest import ReadProblem, read_documents
from parley.pipeline import Pipeline


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("paths", nargs="+", type=Path)
    parser.add_argument("--sample", type=int, default=20)
    parser.add_argument("--seed", type=int, default=4)
    args = parser.parse_args()

    documents = [d for d in read_documents(args.paths) if not isinstance(d, ReadProblem)]
    pipeline = Pipeline()
    records = [
        (document, event)
        for document, events in pipeline.extract_many(documents)
        for event in events
    ]
    total = len(records)
    from_phrase = sum(
        1 for _, e in records if e.date and e.date.text and not e.date.text.startswith("after ")
    )
    by_reference = sum(
        1 for _, e in records if e.date and (not e.date.text or e.date.text.startswith("after "))
    )
    placed = sum(1 for _, e in records if e.event_loc is not None)
    print(f"documents {len(documents)}, events {total}")
    print(f"dated from a phrase of the text: {from_phrase / total:.3f}")
    print(f"dated by reference or story time: {by_reference / total:.3f}")
    print(f"undated: {(total - from_phrase - by_reference) / total:.3f}")
    print(f"placed: {placed / total:.3f}")
    for document, event in random.Random(args.seed).sample(records, min(args.sample, total)):
        when = f"{event.date.start}..{event.date.end} ({event.date.text!r})" if event.date else "—"
        where = f"{event.event_loc.name}, {event.event_loc.country}" if event.event_loc else "—"
        print(f"\n[{document.id} published {document.published}] {event.event} {event.status}")
        print(f"  date: {when}   place: {where}")
        print(f"  text: {event.text}")


if __name__ == "__main__":
    main()
