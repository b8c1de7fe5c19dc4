"""A store of a million events: how fast the command line, the API and the dashboard answer.

    .venv/bin/python bench/store_scale.py [--events 1000000] [--runs 30] [--keep DIR]

Fills a store with generated events (seeded; the generator and bulk load of
`api_latency.py`), then times, each as its p50 and p95 over `--runs` runs:

- `parley query` and `parley stats` as a user runs them: the whole command, a fresh process
  opening the file read-only (Python's start and imports included, so the CLI's own fixed
  cost is printed first: `parley --help`);
- the API behind the dashboard (`/api/events`, `/timeline`, `/network`, `/summary`,
  `/actors`, `/places`), one client after another against a real `parley serve`;
- a dashboard page load: the page, its scripts and styles, then the calls its script makes
  at start and on its first draw, each group in parallel as a browser sends them.

Ratios are to the cheapest call of the same kind in the same run (`/api/health` for the
API, `parley --help` for the CLI), so the figures compare across machines. Aims (issue 15):
API p95 under 150 ms for every dashboard query, `parley stats` under 2 s.
"""

from __future__ import annotations

import argparse
import http.client
import json
import os
import socket
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

from api_latency import fill, generated

PARLEY = [sys.executable, "-m", "parley"]
QUERIES = {
    "query ASSAULT, 50": ["query", "--event", "ASSAULT", "--limit", "50", "--format", "jsonl"],
    "query USA in 2020": [
        "query", "--actor", "USA", "--since", "2020-01-01", "--until", "2020-12-31",
        "--limit", "100", "--format", "jsonl",
    ],
    "stats by category": ["stats", "--by", "category"],
    "stats by month": ["stats", "--by", "month"],
    "stats by dyad": ["stats", "--by", "dyad"],
}  # fmt: skip
API = {
    "events page": "/api/events?limit=50",
    "events USA": "/api/events?limit=50&actor=USA",
    "events q=missile": "/api/events?limit=50&q=missile",
    "timeline": "/api/timeline?by=quad",
    "timeline 2020": "/api/timeline?by=quad&since=2020-01-01&until=2020-12-31",
    "network": "/api/network?limit=30",
    "network USA": "/api/network?limit=30&actor=USA",
    "summary": "/api/summary",
    "summary ASSAULT": "/api/summary?event=ASSAULT",
    "actors": "/api/actors",
    "places": "/api/places",
}
PAGE = [
    ["/", "/static/css/dashboard.css", "/static/js/main.js", "/static/js/api.js"],
    ["/api/summary", "/api/actors?limit=300"],
    [
        "/api/summary",
        "/api/timeline?by=quad",
        "/api/network?limit=30",
        "/api/places",
        "/api/actors",
        "/api/events?limit=50&offset=0",
    ],
    ["/api/world"],
]
"""What a first visit asks for, group after group; each group's requests go out at once."""


def percentiles(run: Callable[[], object], runs: int) -> tuple[float, float]:
    """p50 and p95 of `runs` timed calls of `run`, in milliseconds, after one to warm up."""
    run()
    seconds = []
    for _ in range(runs):
        started = time.perf_counter()
        run()
        seconds.append(time.perf_counter() - started)
    cuts = statistics.quantiles(seconds, n=20) if len(seconds) > 1 else seconds * 19
    return statistics.median(seconds) * 1000, cuts[18] * 1000


def command(arguments: list[str]) -> Callable[[], object]:
    def run() -> object:
        return subprocess.run([*PARLEY, *arguments], check=True, capture_output=True)

    return run


def get(port: int, path: str) -> bytes:
    connection = http.client.HTTPConnection("127.0.0.1", port, timeout=60)
    try:
        connection.request("GET", path, headers={"Host": "localhost"})
        response = connection.getresponse()
        body = response.read()
        if response.status != 200:
            raise RuntimeError(f"{path}: {response.status} {body[:200]!r}")
        return body
    finally:
        connection.close()


def page_load(port: int, pool: ThreadPoolExecutor) -> Callable[[], object]:
    def run() -> object:
        for group in PAGE:
            list(pool.map(lambda path: get(port, path), group))
        return None

    return run


def serve(db: Path) -> tuple[subprocess.Popen[bytes], int]:
    """`parley serve` on a free port of this machine, once it answers."""
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    server = subprocess.Popen(
        [*PARLEY, "serve", "--db", str(db), "--port", str(port)],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    deadline = time.monotonic() + 120
    while time.monotonic() < deadline:
        try:
            json.loads(get(port, "/api/health"))
            return server, port
        except (OSError, RuntimeError):
            time.sleep(0.5)
    server.terminate()
    raise RuntimeError("the server did not start")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--events", type=int, default=1_000_000)
    parser.add_argument("--runs", type=int, default=30)
    parser.add_argument("--keep", type=Path, help="build (or reuse) the store in this folder")
    args = parser.parse_args()

    with tempfile.TemporaryDirectory() as scratch:
        folder = args.keep or Path(scratch)
        db = folder / f"scale-{args.events}.duckdb"
        if not db.exists():
            started = time.perf_counter()
            fill(db, generated(args.events))
            print(f"generated and loaded in {time.perf_counter() - started:.0f} s")
        print(f"store: {db.stat().st_size / 2**20:,.0f} MiB, {args.events:,} events\n")
        os.environ["COLUMNS"] = "200"

        print(f"{'command line (a whole process)':<34}{'p50 ms':>9}{'p95 ms':>9}{'/--help':>9}")
        base, _ = percentiles(command(["--help"]), args.runs)
        print(f"{'parley --help':<34}{base:>9.0f}")
        for name, arguments in QUERIES.items():
            p50, p95 = percentiles(command([*arguments, "--db", str(db)]), max(5, args.runs // 3))
            print(f"{name:<34}{p50:>9.0f}{p95:>9.0f}{p50 / base:>8.1f}x")

        server, port = serve(db)
        try:
            print(f"\n{'API, one client':<34}{'p50 ms':>9}{'p95 ms':>9}{'/health':>9}")
            health, _ = percentiles(lambda: get(port, "/api/health"), args.runs)
            worst = 0.0
            for name, path in API.items():
                p50, p95 = percentiles(lambda path=path: get(port, path), args.runs)
                worst = max(worst, p95)
                print(f"{name:<34}{p50:>9.1f}{p95:>9.1f}{p50 / health:>8.0f}x")
            with ThreadPoolExecutor(6) as pool:
                p50, p95 = percentiles(page_load(port, pool), max(5, args.runs // 3))
            print(f"{'dashboard page load':<34}{p50:>9.1f}{p95:>9.1f}{p50 / health:>8.0f}x")
        finally:
            server.terminate()
            server.wait(30)
        verdict = "meets" if worst < 150 else "misses"
        print(f"\nworst API p95: {worst:.1f} ms ({verdict} the 150 ms aim)")


if __name__ == "__main__":
    sys.exit(main())
