"""One store, many hands: a running server holds the store, and the command line's ingest,
query, stats, export and actors go through it while the dashboard keeps answering; a watch
loop killed with SIGKILL in the middle of a file picks up where it was after a restart, and
the store ends as a clean ingest would have made it.

Real processes throughout: `python -m parley serve`/`watch`/`ingest`/`query` on a free
port, real DuckDB files in a temporary folder.
"""

from __future__ import annotations

import json
import os
import signal
import statistics
import subprocess
import sys
import threading
import time
from collections import Counter
from collections.abc import Callable, Iterator
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import httpx
import pytest

from parley.remote import RemoteStore
from parley.store import EventFilter
from parley.store.owner import advert_path, find_owner

COUNTRIES = [
    *("Japan", "Australia", "France", "Germany", "Kenya", "Ethiopia", "Brazil", "Argentina"),
    *("India", "Nepal", "Canada", "Mexico", "Egypt", "Jordan", "Norway", "Sweden", "Chile"),
    *("Peru", "Ghana", "Nigeria", "Vietnam", "Thailand", "Poland", "Ukraine", "Turkey"),
]
TEMPLATES = [
    "{a} and {b} will hold {n} rounds of talks in the capital of {c} on Friday.",
    "Police in {c} arrested {n} protesters outside the embassy of {a} on Thursday.",
    "{a} accused {b} of violating the ceasefire {n} times near the border with {c}.",
    "{b} sent {n} tonnes of aid to {c} after the floods, the government of {a} said.",
]


def write_corpus(path: Path, prefix: str, count: int, first: int = 0) -> list[str]:
    """`count` short stories as JSON Lines, the `first`-th on, no two alike enough to be
    near-duplicates (of any other made here); returns their ids."""
    lines, ids = [], []
    for n in range(first, first + count):
        a, b, c = (
            COUNTRIES[(n * step + shift) % len(COUNTRIES)]
            for step, shift in ((1, 0), (5, 3), (11, 7))
        )
        text = " ".join(
            t.format(a=a, b=b, c=c, n=n + 2) for t in TEMPLATES[n % 4 :] + TEMPLATES[: n % 4]
        )
        ids.append(f"{prefix}-{n:03d}")
        lines.append(json.dumps({"id": ids[-1], "published": "2023-03-14", "text": text}))
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return ids


def parley(*args: str | Path, timeout: float = 300) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "parley", *map(str, args)],
        capture_output=True,
        text=True,
        encoding="utf-8",
        timeout=timeout,
        check=False,
    )


def wait_for(condition: Callable[[], bool], seconds: float, what: str) -> None:
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        if condition():
            return
        time.sleep(0.2)
    pytest.fail(f"{what}: not within {seconds} s")


@pytest.fixture(scope="module")
def served(
    tmp_path_factory: pytest.TempPathFactory, start_server: Callable[..., str]
) -> Iterator[tuple[str, Path, Path]]:
    """A server over a store of 10 documents, also watching a folder: (base URL, store,
    watched folder)."""
    folder = tmp_path_factory.mktemp("owner")
    db, inbox = folder / "news.duckdb", folder / "inbox"
    inbox.mkdir()
    write_corpus(folder / "first.jsonl", "first", 10, first=0)
    made = parley("ingest", folder / "first.jsonl", "--db", db)
    assert made.returncode == 0, made.stderr
    base = start_server(
        "serve", "--db", db, "--watch", inbox, "--interval", "0.3", log=folder / "serve.log"
    )
    yield base, db, inbox


def summary(base: str) -> dict[str, int]:
    return httpx.get(f"{base}/api/summary", timeout=30).json()


def test_the_server_advertises_itself_beside_the_store(served: tuple[str, Path, Path]) -> None:
    base, db, _ = served
    owner = find_owner(db)
    assert owner is not None and owner.url == base and owner.kind == "serve"
    assert advert_path(db).stat().st_mode & 0o777 == 0o600  # the key is its user's alone


def test_ingest_while_serving_is_shown_at_once_and_no_read_fails(
    served: tuple[str, Path, Path], tmp_path: Path
) -> None:
    base, db, _ = served
    before = summary(base)["documents"]
    ids = write_corpus(tmp_path / "new.jsonl", "new", 20, first=100)
    statuses: Counter[int] = Counter()
    done = threading.Event()

    def read_meanwhile() -> None:
        with httpx.Client(base_url=base, timeout=60) as client:
            while not done.is_set():
                for path in ("/api/summary", "/api/events?limit=50", "/api/timeline"):
                    statuses[client.get(path).status_code] += 1

    reader = threading.Thread(target=read_meanwhile)
    reader.start()
    try:
        ingested = parley("ingest", tmp_path / "new.jsonl", "--db", db)
    finally:
        done.set()
        reader.join()
    assert ingested.returncode == 0, ingested.stderr
    assert "is held by `parley serve`" in ingested.stderr
    assert "20 documents (20 new, 0 updated, 0 unchanged), 0 failed" in ingested.stderr
    assert set(statuses) == {200}, statuses
    assert summary(base)["documents"] == before + 20  # no restart, no wait

    queried = parley("query", "--db", db, "--format", "jsonl")
    assert queried.returncode == 0, queried.stderr
    assert set(ids) <= {json.loads(line)["doc_id"] for line in queried.stdout.splitlines()}
    first = json.loads(queried.stdout.splitlines()[0])
    for command in (
        ("stats", "--db", db, "--by", "category"),
        ("stats", "--db", db, "--by", "month", "--party", "JPN", "--party", "FRA"),
        ("actors", "--db", db),
        ("query", "--db", db, "--between", "JPN", "FRA", "--sort", "-date"),
        ("summary", "--db", db),
        ("agenda", "--db", db),
        ("show", first["id"], "--db", db),
    ):
        result = parley(*command)
        assert result.returncode == 0, (command, result.stderr)
        assert result.stdout.strip(), command
    assert first["id"] in parley("show", first["id"][:12], "--db", db).stdout
    exported = parley("export", "--db", db, "--format", "parquet", "-o", tmp_path / "all.parquet")
    assert exported.returncode == 0, exported.stderr
    unknown = parley("query", "--db", db, "--actor", "XYZ")
    assert unknown.returncode == 2 and "unknown actor 'XYZ'" in unknown.stderr
    assert (tmp_path / "all.parquet").stat().st_size > 0
    again = parley("ingest", tmp_path / "new.jsonl", "--db", db)
    assert "20 documents (0 new, 0 updated, 20 unchanged)" in again.stderr


def test_files_dropped_in_the_watched_folder_are_coded(
    served: tuple[str, Path, Path], tmp_path: Path
) -> None:
    base, db, inbox = served
    before = summary(base)["documents"]
    write_corpus(tmp_path / "drop.jsonl", "drop", 5, first=200)
    partial = inbox / "drop.jsonl.part"  # as a download in progress is named
    partial.write_bytes((tmp_path / "drop.jsonl").read_bytes())
    time.sleep(1.0)
    assert summary(base)["documents"] == before  # not while it is still being written
    partial.rename(inbox / "drop.jsonl")
    wait_for(lambda: summary(base)["documents"] == before + 5, 120, "the dropped file")


def test_the_loopback_load_of_twenty_clients_is_served_without_error(
    served: tuple[str, Path, Path],
) -> None:
    """Twenty clients, each asking the dashboard's questions in turn (figures printed for
    the record, not asserted: machines differ)."""
    base, _, _ = served
    paths = ["/api/summary", "/api/events?limit=50", "/api/timeline", "/api/network", "/"]

    def client(_: int) -> list[tuple[int, float]]:
        answers = []
        with httpx.Client(base_url=base, timeout=60) as session:
            for path in paths * 4:
                started = time.perf_counter()
                status = session.get(path).status_code
                answers.append((status, time.perf_counter() - started))
        return answers

    started = time.perf_counter()
    with ThreadPoolExecutor(20) as pool:
        answers = [a for batch in pool.map(client, range(20)) for a in batch]
    seconds = time.perf_counter() - started
    times = sorted(t for _, t in answers)
    print(
        f"\n{len(answers)} requests from 20 clients in {seconds:.1f} s: "
        f"p50 {statistics.median(times) * 1000:.0f} ms, "
        f"p95 {times[int(len(times) * 0.95)] * 1000:.0f} ms, max {times[-1] * 1000:.0f} ms"
    )
    assert Counter(status for status, _ in answers) == {200: len(answers)}


def test_a_watch_killed_mid_file_resumes_and_ends_as_a_clean_ingest(tmp_path: Path) -> None:
    inbox, clean = tmp_path / "inbox", tmp_path / "clean.duckdb"
    inbox.mkdir()
    ids = write_corpus(tmp_path / "feed.jsonl", "feed", 60)
    db = tmp_path / "watched.duckdb"

    def start_watch() -> subprocess.Popen[bytes]:
        log = (tmp_path / "watch.log").open("ab")
        command = [sys.executable, "-m", "parley", "watch", inbox, "--db", db, "--interval", "0.3"]
        return subprocess.Popen(command, stdout=log, stderr=subprocess.STDOUT)

    def stored() -> set[str]:
        owner = find_owner(db)
        if owner is None:
            return set()
        return {e.doc_id for e in RemoteStore(owner).query_events(EventFilter())}

    watch = start_watch()
    try:
        (inbox / "feed.jsonl").write_bytes((tmp_path / "feed.jsonl").read_bytes())
        wait_for(lambda: len(stored()) >= 5, 180, "the first documents")
        assert len(stored()) < len(ids), "coded to the end before the kill"
        os.kill(watch.pid, signal.SIGKILL)  # mid-file, mid-transaction perhaps
        watch.wait(30)
        watch = start_watch()  # the advertisement left behind names a dead process
        wait_for(lambda: stored() == set(ids), 300, "the rest of the file after a restart")
    finally:
        watch.send_signal(signal.SIGTERM)
        watch.wait(60)
    assert not advert_path(db).exists()
    log = (tmp_path / "watch.log").read_text()
    assert f"watch: {inbox / 'feed.jsonl'}: 60 documents (" in log

    made = parley("ingest", tmp_path / "feed.jsonl", "--db", clean)
    assert made.returncode == 0, made.stderr
    for store in (db, clean):
        exported = parley(
            "export", "--db", store, "--format", "jsonl", "--output", f"{store}.jsonl"
        )
        assert exported.returncode == 0, exported.stderr
    resumed = sorted(Path(f"{db}.jsonl").read_text().splitlines())
    assert resumed == sorted(Path(f"{clean}.jsonl").read_text().splitlines())
