"""Worker processes code exactly as this process does: same events, same learning."""

from __future__ import annotations

import json
from functools import partial
from pathlib import Path

from crew_helpers import ALWAYS, LAG, ONCE, dying_pipeline, stored_events
from typer.testing import CliRunner

from parley.batch import Ingester
from parley.cli.app import app
from parley.coders.pool import ProcessPool
from parley.models import Document
from parley.store import Store


def test_two_workers_code_as_one_process(
    tmp_path: Path, corpus: list[Document], coded_alone: list[str]
) -> None:
    with Store.open(tmp_path / "pool.duckdb") as store, ProcessPool(2) as pool:
        summary = Ingester(store, lag=LAG).run(corpus, pool)
        shared = stored_events(store)
    assert shared == coded_alone
    assert len(summary.peaks) == 2 and min(summary.peaks) > 100 * 1024 * 1024
    # the bare surname, 36 documents on, was coded knowing the envoy of the first
    named = [json.loads(e) for e in shared if json.loads(e)["doc_id"] == "named"]
    parties = [a for e in named for a in e["actor"]]
    assert any(a.get("name") == "Ingrid Halvorsrud" and a.get("country") == "NOR" for a in parties)


def test_a_task_whose_worker_dies_is_tried_once_more(
    tmp_path: Path, corpus: list[Document]
) -> None:
    once = Document(ONCE, corpus[1].text, corpus[1].published)
    always = Document(ALWAYS, corpus[2].text, corpus[2].published)
    documents = [once, *corpus[3:20], always, *corpus[20:40]]
    factory = partial(dying_pipeline, marker=tmp_path / "died")
    with Store.open(tmp_path / "dying.duckdb") as store, ProcessPool(1, factory=factory) as pool:
        outcomes: list[str] = []
        summary = Ingester(store, lag=LAG).run(
            documents, pool, on_outcome=lambda o: outcomes.append(f"{o.id}:{o.outcome}")
        )
    assert outcomes[0] == f"{ONCE}:new"  # its worker died, a fresh one coded it
    # the task of `always` killed its worker twice: its 16 documents are reported, the rest
    # stored
    lost = [o for o in outcomes if o.endswith(":failed")]
    assert len(lost) == 16 and f"{ALWAYS}:failed" in lost
    assert summary.failed == 16 and summary.new == len(documents) - 16
    assert all("worker 0 died" in p and "(twice)" in p for p in summary.problems)


def test_ingest_workers_option_gives_the_one_process_store(
    tmp_path: Path, corpus: list[Document]
) -> None:
    source = tmp_path / "corpus.jsonl"
    with source.open("w") as handle:
        for d in corpus[:24]:
            published = d.published.isoformat() if d.published else None
            handle.write(json.dumps({"id": d.id, "text": d.text, "published": published}) + "\n")
    runner = CliRunner()
    stores = {}
    for workers in ("1", "2"):
        db = tmp_path / f"w{workers}.duckdb"
        result = runner.invoke(app, ["ingest", str(source), "--db", str(db), "-w", workers])
        assert result.exit_code == 0, result.output
        with Store.open(db, read_only=True) as store:
            stores[workers] = stored_events(store)
    assert "coded by 2 workers; peak memory of each" in result.output
    assert stores["2"] == stores["1"] and stores["1"]
