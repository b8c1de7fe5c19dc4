"""What a change to the dictionaries does to the events Parley codes on a corpus.

    # code a corpus and keep its events (one JSON record a line)
    .venv/bin/python scripts/compare_events.py dump ../shared/corpus/wikinews/*.csv \
        --output before.jsonl
    # ... change the dictionaries or the code, dump again to after.jsonl, then
    .venv/bin/python scripts/compare_events.py compare before.jsonl after.jsonl --sample 30

`compare` prints the number of events of each run by category, and a seeded random sample
of the events only the second run codes (matched on document, category, trigger word and
its place, and parties), each with its sentence, for judging their precision by hand.
"""

from __future__ import annotations

import argparse
import json
import random
from collections import Counter
from pathlib import Path

from parley.ingest import ReadProblem, read_documents
from parley.pipeline import Pipeline


def dump(paths: list[Path], output: Path) -> None:
    documents = [d for d in read_documents(paths) if not isinstance(d, ReadProblem)]
    pipeline = Pipeline()
    with output.open("w", encoding="utf-8") as handle:
        for _, events in pipeline.extract_many(documents):
            for event in events:
                handle.write(json.dumps(event.to_dict(), ensure_ascii=False) + "\n")
    print(f"{len(documents)} documents written to {output}")


def _key(record: dict) -> tuple:
    sides = tuple(
        tuple(sorted(filter(None, (e.get("country") or e.get("org") for e in record[side]))))
        for side in ("actor", "recipient")
    )
    return (record["doc_id"], record["event"], record["trigger"], record["trigger_start"], sides)


def _read(path: Path) -> list[dict]:
    return [json.loads(line) for line in path.open(encoding="utf-8") if line.strip()]


def compare(before_path: Path, after_path: Path, sample: int, seed: int) -> None:
    before, after = _read(before_path), _read(after_path)
    counts_before = Counter(r["event"] for r in before)
    counts_after = Counter(r["event"] for r in after)
    print(f"events: {len(before)} -> {len(after)}")
    for category in sorted(set(counts_before) | set(counts_after)):
        print(f"  {category:<10} {counts_before[category]:>5} -> {counts_after[category]:>5}")
    old = {_key(r) for r in before}
    new = [r for r in after if _key(r) not in old]
    gone = {_key(r) for r in after}
    print(f"new: {len(new)}, no longer coded: {sum(1 for r in before if _key(r) not in gone)}")
    for record in random.Random(seed).sample(new, min(sample, len(new))):
        actor, recipient = (
            ",".join(filter(None, (e.get("country") or e.get("org") for e in record[side])))
            for side in ("actor", "recipient")
        )
        print(
            f"\n[{record['doc_id']}] {record['event']} {record['cameo']} "
            f"trigger={record['trigger']!r} {actor or '-'} -> {recipient or '-'} "
            f"({record['status']})\n  {record['text']}"
        )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    commands = parser.add_subparsers(dest="command", required=True)
    dumping = commands.add_parser("dump", help="code a corpus and write its events")
    dumping.add_argument("paths", nargs="+", type=Path)
    dumping.add_argument("--output", type=Path, required=True)
    comparing = commands.add_parser("compare", help="compare two dumps")
    comparing.add_argument("before", type=Path)
    comparing.add_argument("after", type=Path)
    comparing.add_argument("--sample", type=int, default=30)
    comparing.add_argument("--seed", type=int, default=12)
    args = parser.parse_args()
    if args.command == "dump":
        dump(args.paths, args.output)
    else:
        compare(args.before, args.after, args.sample, args.seed)


if __name__ == "__main__":
    main()
