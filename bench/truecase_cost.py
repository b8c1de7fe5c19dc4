"""What restoring case costs: start-up, and time per document against parsing alone.

    .venv/bin/python bench/truecase_cost.py ../shared/corpus/wikinews/*.csv [--docs 60]

In one process: loads the casing model (time and resident memory added), then for the
first N articles of the CSV files as written, lower-cased and upper-cased, times
`restore_case` + unwrapping (what `Pipeline` adds) and `nlp.pipe` parsing of the same
texts (the baseline), and prints milliseconds per document and the ratio of the two.
"""

from __future__ import annotations

import argparse
import csv
import resource
import sys
import time
from collections.abc import Callable
from pathlib import Path

from parley.nlp.layout import unwrap
from parley.nlp.pipeline import load_nlp
from parley.nlp.truecase import default_truecaser, lower, restore_case, upper


def rss_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def texts(paths: list[Path], count: int) -> list[str]:
    csv.field_size_limit(sys.maxsize)
    found: list[str] = []
    for path in paths:
        with path.open(encoding="utf-8", newline="") as handle:
            found += [row["text"] for row in csv.DictReader(handle)]
    return found[:count]


def per_doc_ms(work: Callable[[list[str]], object], docs: list[str]) -> float:
    began = time.perf_counter()
    work(docs)
    return (time.perf_counter() - began) * 1000 / len(docs)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("corpus", nargs="+", type=Path)
    parser.add_argument("--docs", type=int, default=60)
    args = parser.parse_args()
    nlp = load_nlp()
    before = rss_mb()
    began = time.perf_counter()
    default_truecaser()
    print(
        f"casing model: loaded in {(time.perf_counter() - began) * 1000:.0f} ms, "
        f"+{rss_mb() - before:.0f} MB resident"
    )
    docs = texts(args.corpus, args.docs)
    print(f"{len(docs)} documents, {sum(map(len, docs)) // len(docs)} characters on average")
    print(f"{'case':<9} {'restore ms/doc':>14} {'parse ms/doc':>12} {'ratio':>6}")
    for case, change in (("as is", str), ("lower", lower), ("upper", upper)):
        changed = [change(d) for d in docs]
        restore = per_doc_ms(lambda ds: [unwrap(restore_case(d)) for d in ds], changed)
        parse = per_doc_ms(lambda ds: list(nlp.pipe(ds, batch_size=16)), changed)
        print(f"{case:<9} {restore:>14.1f} {parse:>12.1f} {restore / parse:>6.2f}")


if __name__ == "__main__":
    main()
