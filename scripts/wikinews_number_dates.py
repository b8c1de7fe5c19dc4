"""Which numbers the parser tags as dates on the Wikinews corpus, and which of them Parley
refuses as clock times, counts, names or codes (`is_date_phrase`).

Every DATE phrase holding a three- or four-digit number that `resolve_date` resolves is
printed with the words around it, in two lists: the refused and the kept. Read both: a
refused real year is a date lost, a kept non-year is a false date.

    .venv/bin/python scripts/wikinews_number_dates.py ../shared/corpus/wikinews/*.csv
"""

from __future__ import annotations

import argparse
import re
from pathlib import Path

from parley.ingest import ReadProblem, read_documents
from parley.nlp.layout import unwrap
from parley.nlp.pipeline import load_nlp
from parley.nlp.truecase import default_truecaser, restore_case
from parley.normalize.dates import is_date_phrase, resolve_date

_NUMBER = re.compile(r"\d{3,4}")
_CONTEXT = 45  # characters shown on each side


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("paths", nargs="+", type=Path)
    parser.add_argument("--show", choices=("refused", "kept", "both", "none"), default="both")
    args = parser.parse_args()

    documents = [
        d for d in read_documents(args.paths) if not isinstance(d, ReadProblem) and d.published
    ]
    truecaser = default_truecaser()  # parse what the pipeline parses
    texts = ((unwrap(restore_case(d.text, truecaser)), d) for d in documents)
    refused: list[str] = []
    kept: list[str] = []
    for doc, document in load_nlp().pipe(texts, as_tuples=True, batch_size=16):
        for ent in doc.ents:
            if ent.label_ != "DATE" or not _NUMBER.search(ent.text):
                continue
            span = resolve_date(ent.text.strip(), document.published)  # past tense
            if span is None:
                continue
            line = f"{span.granularity:7} {_in_context(doc.text, ent.start_char, ent.end_char)}"
            dated = is_date_phrase(doc.text, ent.start_char, ent.end_char)
            (kept if dated else refused).append(line)
    print(f"documents {len(documents)}; DATE phrases with a number that resolve: "
          f"{len(refused) + len(kept)}; refused as not dates: {len(refused)}")  # fmt: skip
    for title, lines in (("refused", refused), ("kept", kept)):
        if args.show in (title, "both"):
            print(f"\n-- {title} ({len(lines)})")
            print("\n".join(lines))


def _in_context(text: str, start: int, end: int) -> str:
    before, phrase, after = (
        " ".join(part.split())
        for part in (
            text[max(0, start - _CONTEXT) : start],
            text[start:end],
            text[end : end + _CONTEXT],
        )
    )
    return f"{before:>{_CONTEXT}} [[{phrase}]] {after}"


if __name__ == "__main__":
    main()
