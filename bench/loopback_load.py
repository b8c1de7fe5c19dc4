"""How a real server holds up under many clients on this machine, alone and while an ingest
goes through it.

Codes the demo corpus into a temporary store, starts `python -m parley serve` on a free
port, and has CLIENTS threads each ask the dashboard's questions (summary, a page of events,
the timeline, the network, the page itself) ROUNDS times; then the same again while
`parley ingest` sends a corpus of generated stories through the server. Prints the count of
answers by status and the latency percentiles of each phase.

    .venv/bin/python bench/loopback_load.py [--clients 20] [--rounds 4] [--stories 200]
"""

from __future__ import annotations

import argparse
import json
import os
import socket
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from collections import Counter
from concurrent.futures import ThreadPoolExecutor
from importlib import resources
from pathlib import Path

import httpx

PATHS = ["/api/summary", "/api/events?limit=50", "/api/timeline", "/api/network", "/"]
STORY = (
    "{a} and {b} will hold {n} rounds of talks in {c} on Friday. Police in {c} arrested {n} "
    "protesters outside the embassy of {a} on Thursday. {b} sent {n} tonnes of aid to {c}."
)
COUNTRIES = ["Japan", "France", "Kenya", "Brazil", "India", "Canada", "Egypt", "Norway", "Peru"]


def parley(*args: str | Path) -> subprocess.CompletedProcess[str]:
    command = [sys.executable, "-m", "parley", *map(str, args)]
    return subprocess.run(command, capture_output=True, text=True, check=True)


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


def load(base: str, clients: int, rounds: int) -> list[tuple[int, float]]:
    def client(_: int) -> list[tuple[int, float]]:
        answers = []
        with httpx.Client(base_url=base, timeout=120) as session:
            for path in PATHS * rounds:
                started = time.perf_counter()
                answers.append((session.get(path).status_code, time.perf_counter() - started))
        return answers

    with ThreadPoolExecutor(clients) as pool:
        return [answer for batch in pool.map(client, range(clients)) for answer in batch]


def report(phase: str, answers: list[tuple[int, float]], seconds: float) -> None:
    times = sorted(t for _, t in answers)
    statuses = dict(Counter(status for status, _ in answers))
    print(
        f"{phase}: {len(answers)} answers in {seconds:.1f} s {statuses}; "
        f"p50 {statistics.median(times) * 1000:.0f} ms, "
        f"p95 {times[int(len(times) * 0.95)] * 1000:.0f} ms, max {times[-1] * 1000:.0f} ms"
    )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--clients", type=int, default=20)
    parser.add_argument("--rounds", type=int, default=4)
    parser.add_argument("--stories", type=int, default=200)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as folder:
        db, corpus = Path(folder) / "load.duckdb", Path(folder) / "stories.jsonl"
        parley("ingest", resources.files("parley.data").joinpath("demo", "demo.jsonl"), "--db", db)
        lines = []
        for n in range(args.stories):
            a, b, c = (COUNTRIES[(n * k + k) % len(COUNTRIES)] for k in (1, 2, 4))
            text = STORY.format(a=a, b=b, c=c, n=n + 2)
            lines.append(json.dumps({"id": f"s{n}", "published": "2023-03-14", "text": text}))
        corpus.write_text("\n".join(lines) + "\n")
        port = free_port()
        base = f"http://127.0.0.1:{port}"
        server = subprocess.Popen(
            [sys.executable, "-m", "parley", "serve", "--db", db, "--port", str(port)],
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
            env={**os.environ, "PARLEY_TOKEN": "bench"},
        )
        try:
            while True:
                try:
                    httpx.get(f"{base}/api/health", timeout=1)
                    break
                except httpx.TransportError:
                    time.sleep(0.2)
            started = time.perf_counter()
            report("alone", load(base, args.clients, args.rounds), time.perf_counter() - started)
            ingest = threading.Thread(target=parley, args=("ingest", corpus, "--db", db))
            started = time.perf_counter()
            ingest.start()
            answers = load(base, args.clients, args.rounds)
            report("during ingest", answers, time.perf_counter() - started)
            ingest.join()
        finally:
            server.terminate()
            server.wait(30)


if __name__ == "__main__":
    main()
