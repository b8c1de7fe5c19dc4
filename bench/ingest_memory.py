"""Peak memory of a whole `parley ingest`, as a user runs it: does it grow with the corpus?

    .venv/bin/python bench/ingest_memory.py [FILE] [--workers 1] [--docs N]

Runs `parley ingest FILE --workers W` in a fresh process into a temporary store (by default
all 1,700 MUC reports, one worker) and prints its peak resident memory, with its seconds and
the ingest's own closing lines (which give each worker's peak when there are several).
`--docs N` first cuts the input to its first N records, to compare memory across sizes: a
flat figure means streaming works. Issue 15's aim: under 700 MB for the 1,700 MUC reports
with one worker.
"""

from __future__ import annotations

import argparse
import resource
import subprocess
import sys
import tempfile
import time
from itertools import islice
from pathlib import Path

MUC = Path(__file__).resolve().parents[2] / "shared" / "corpus" / "muc34" / "muc34_docs.jsonl"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("source", type=Path, nargs="?", default=MUC)
    parser.add_argument("--workers", type=int, default=1)
    parser.add_argument("--docs", type=int, help="only the first N lines of a JSON Lines file")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as folder:
        source = args.source
        if args.docs:
            source = Path(folder, "cut.jsonl")
            with args.source.open(encoding="utf-8") as lines, source.open("w") as out:
                out.writelines(islice(lines, args.docs))
        command = [sys.executable, "-m", "parley", "ingest", str(source)]
        command += ["--db", str(Path(folder, "memory.duckdb")), "--workers", str(args.workers)]
        started = time.perf_counter()
        done = subprocess.run(command, capture_output=True, text=True)
        seconds = time.perf_counter() - started
    peak = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024
    for line in done.stderr.splitlines()[-4:]:
        print(line)
    print(f"exit code {done.returncode}, {seconds:.0f} s")
    print(
        f"peak resident memory of the largest process: {peak:.0f} MiB (aim with one worker: <700)"
    )


if __name__ == "__main__":
    sys.exit(main())
