"""Word casing accuracy of case restoration on held-out mixed-case news.

    .venv/bin/python scripts/truecase_accuracy.py ../shared/corpus/wikinews/*.csv \\
        --keys ../shared/gold/dev/*.json [--methods parley starts truecase]

Texts: the Wikinews articles of the held-out split (never read by
`scripts/build_truecase_model.py`) and the texts of the answer keys given. Each text is
lower-cased and upper-cased, restored, and compared word by word with the original:

- accuracy: share of words written exactly as in the original;
- capitals P/R: of the words the original writes with a capital (names, acronyms, sentence
  starts), the share restored with exactly that form (recall), and of the words restored
  with a capital, the share right (precision).

Methods: `parley` (the shipped model), `starts` (lower case with sentence starts
capitalised: the floor any method must beat) and `truecase` (the PyPI `truecase` package,
if installed, handed the same words sentence by sentence).
"""

from __future__ import annotations

import argparse
import csv
import json
import sys
import time
from collections.abc import Callable
from pathlib import Path

from build_truecase_model import held_out

from parley.nlp.truecase import WordCaser, default_truecaser, lower, restore_case, upper, words


class SentenceStarts:
    """Every word lower case; `restore_case` capitalises sentence starts itself."""

    def case_words(self, stems: list[str], firsts: set[int]) -> list[str]:
        return list(stems)


class PypiTruecase:
    """The PyPI `truecase` package (Brown and Reuters statistics), sentence by sentence."""

    def __init__(self) -> None:
        import truecase

        self._caser = truecase.get_truecaser()

    def case_words(self, stems: list[str], firsts: set[int]) -> list[str]:
        bounds = sorted(firsts | {0, len(stems)})
        forms: list[str] = []
        for start, end in zip(bounds, bounds[1:], strict=False):
            sentence = stems[start:end]
            cased = self._caser.get_true_case_from_tokens(sentence, "as-is")
            forms += [c if len(c) == len(s) else s for c, s in zip(cased, sentence, strict=True)]
        return forms


METHODS: dict[str, Callable[[], WordCaser]] = {
    "parley": default_truecaser,
    "starts": SentenceStarts,
    "truecase": PypiTruecase,
}


def held_out_texts(corpus: list[Path], keys: list[Path]) -> dict[str, str]:
    """Held-out Wikinews articles and the answer keys' texts, by name."""
    texts: dict[str, str] = {}
    csv.field_size_limit(sys.maxsize)
    key_urls = set()
    for path in keys:
        doc = json.loads(path.read_text())["doc"]
        key_urls.add(doc.get("url"))
        texts[doc["id"]] = (path.parent / doc["text_file"]).read_text(encoding="utf-8")
    for path in corpus:
        with path.open(encoding="utf-8", newline="") as handle:
            for row in csv.DictReader(handle):
                if held_out(row["url"]) and row["url"] not in key_urls:
                    texts[row["url"]] = row["text"]
    return texts


def compare(original: str, restored: str, tally: dict[str, int]) -> None:
    """Add the word-by-word comparison of `restored` with `original` to `tally`."""
    for word in words(original):
        want, got = original[word.start : word.end], restored[word.start : word.end]
        tally["words"] += 1
        tally["right"] += want == got
        tally["capitals"] += want != lower(want)
        tally["restored_capitals"] += got != lower(got)
        tally["right_capitals"] += want == got and want != lower(want)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("corpus", nargs="+", type=Path)
    parser.add_argument("--keys", nargs="*", type=Path, default=[])
    parser.add_argument("--methods", nargs="+", choices=sorted(METHODS), default=["parley"])
    args = parser.parse_args()
    sets = {"wikinews held-out": {}, "dev keys": {}}
    for name, text in held_out_texts(args.corpus, args.keys).items():
        sets["wikinews held-out" if name.startswith("http") else "dev keys"][name] = text
    print(f"{'texts':<18} {'method':<9} {'case':<6} {'words':>7} {'accuracy':>8} "
          f"{'cap P':>6} {'cap R':>6} {'ms/text':>8}")  # fmt: skip
    for method in args.methods:
        caser = METHODS[method]()
        for label, texts in sets.items():
            for case, change in (("lower", lower), ("upper", upper)):
                tally = dict.fromkeys(
                    ("words", "right", "capitals", "restored_capitals", "right_capitals"), 0
                )
                began = time.perf_counter()
                for text in texts.values():
                    compare(text, restore_case(change(text), caser), tally)
                took = (time.perf_counter() - began) * 1000 / max(len(texts), 1)
                print(
                    f"{label:<18} {method:<9} {case:<6} {tally['words']:>7} "
                    f"{tally['right'] / tally['words']:>8.3f} "
                    f"{tally['right_capitals'] / max(tally['restored_capitals'], 1):>6.3f} "
                    f"{tally['right_capitals'] / max(tally['capitals'], 1):>6.3f} {took:>8.1f}"
                )


if __name__ == "__main__":
    main()
