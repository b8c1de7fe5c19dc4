"""Answer-key scores on lower- and upper-cased copies of the keys' texts, with and without
case restoration.

    .venv/bin/python scripts/cased_eval.py ../shared/gold/dev/*.json

Writes each key with its text lower-cased and upper-cased to a temporary folder (nothing is
kept), codes every copy with a pipeline that restores case and one that does not, and
prints event P/R/F1 and strict F1 (../shared/spec/SCORING.md) for each. Letter case is all
that changes, so the keys' character offsets hold for the copies.
"""

from __future__ import annotations

import argparse
import json
import tempfile
from collections.abc import Callable
from pathlib import Path

from parley.eval.run import evaluate_keys
from parley.nlp.truecase import lower, upper
from parley.pipeline import Pipeline

CASES: dict[str, Callable[[str], str]] = {"original": str, "lower": lower, "upper": upper}


def cased_copies(keys: list[Path], folder: Path, change: Callable[[str], str]) -> list[Path]:
    """Copies of `keys` in `folder` whose texts went through `change`."""
    copies = []
    for path in keys:
        key = json.loads(path.read_text(encoding="utf-8"))
        text = (path.parent / key["doc"]["text_file"]).read_text(encoding="utf-8")
        text_file = folder / f"{path.stem}.txt"
        text_file.write_text(change(text), encoding="utf-8")
        key["doc"]["text_file"] = text_file.name
        copy = folder / path.name
        copy.write_text(json.dumps(key, ensure_ascii=False), encoding="utf-8")
        copies.append(copy)
    return copies


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("keys", nargs="+", type=Path)
    args = parser.parse_args()
    pipelines = {"restored": Pipeline(), "as given": Pipeline(restore=False)}
    print(f"{'text':<9} {'parsed':<9} {'P':>5} {'R':>5} {'F1':>5} {'strict':>6}")
    for case, change in CASES.items():
        with tempfile.TemporaryDirectory() as folder:
            copies = cased_copies(args.keys, Path(folder), change)
            for label, pipeline in pipelines.items():
                _, total = evaluate_keys(copies, pipeline)
                print(
                    f"{case:<9} {label:<9} {total.precision:>5.2f} {total.recall:>5.2f} "
                    f"{total.f1:>5.2f} {total.strict_f1:>6.2f}"
                )


if __name__ == "__main__":
    main()
