"""Ray codes exactly as this process does, retries a lost task once, and writes Parquet
partitions that `parley load` brings into a store and DuckDB reads in place. One local Ray
(two CPUs) serves the module; each crew connects to it."""

from __future__ import annotations

import json
from collections.abc import Iterator
from functools import partial
from pathlib import Path

import crew_helpers
import duckdb
import pytest
from crew_helpers import ALWAYS, LAG, ONCE, dying_pipeline, stored_events
from typer.testing import CliRunner

from parley.batch import Ingester
from parley.cli.app import app
from parley.models import Document
from parley.store import Store

ray = pytest.importorskip("ray", reason="Ray is the optional extra parley[ray]")

from parley.coders.ray_crew import RayCrew  # noqa: E402 (needs Ray)


@pytest.fixture(scope="module", autouse=True)
def local_ray() -> Iterator[None]:
    ray.init(num_cpus=2, include_dashboard=False, log_to_driver=False)
    ray.cloudpickle.register_pickle_by_value(crew_helpers)  # the workers cannot import it
    yield
    ray.shutdown()


def test_ray_codes_as_one_process(
    tmp_path: Path, corpus: list[Document], coded_alone: list[str]
) -> None:
    with Store.open(tmp_path / "ray.duckdb") as store, RayCrew(size=2) as crew:
        summary = Ingester(store, lag=LAG).run(corpus, crew)
        assert stored_events(store) == coded_alone
    assert len(summary.peaks) == 2


def test_a_lost_ray_task_is_tried_once_more(tmp_path: Path, corpus: list[Document]) -> None:
    once = Document(ONCE, corpus[1].text, corpus[1].published)
    always = Document(ALWAYS, corpus[2].text, corpus[2].published)
    documents = [once, *corpus[3:20], always, *corpus[20:40]]
    factory = partial(dying_pipeline, marker=tmp_path / "died")
    outcomes: list[str] = []
    with Store.open(tmp_path / "dying.duckdb") as store, RayCrew(size=1, factory=factory) as crew:
        summary = Ingester(store, lag=LAG).run(
            documents, crew, on_outcome=lambda o: outcomes.append(f"{o.id}:{o.outcome}")
        )
    assert outcomes[0] == f"{ONCE}:new"
    assert summary.failed == 16 and f"{ALWAYS}:failed" in outcomes
    assert all("Ray worker 0 failed" in p and "(twice)" in p for p in summary.problems)


def test_partitions_from_ray_load_into_the_store_of_one_process(
    tmp_path: Path, corpus: list[Document]
) -> None:
    source = tmp_path / "corpus.jsonl"
    with source.open("w") as handle:
        for d in corpus[:24]:
            published = d.published.isoformat() if d.published else None
            handle.write(json.dumps({"id": d.id, "text": d.text, "published": published}) + "\n")
    runner = CliRunner()
    out, loaded, direct = tmp_path / "parts", tmp_path / "loaded.duckdb", tmp_path / "direct.duckdb"

    result = runner.invoke(app, ["ingest", str(source), "--ray", "--out", str(out)])
    assert result.exit_code == 0, result.output
    assert "written to" in result.output and "parley load" in result.output
    result = runner.invoke(app, ["load", str(out), "--db", str(loaded)])
    assert result.exit_code == 0, result.output
    assert "24 documents new" in result.output
    result = runner.invoke(app, ["ingest", str(source), "--db", str(direct), "-w", "1"])
    assert result.exit_code == 0, result.output

    with Store.open(loaded, read_only=True) as a, Store.open(direct, read_only=True) as b:
        expected = stored_events(b)
        assert stored_events(a) == expected and expected
        assert a.counts()["parties"] == b.counts()["parties"]
        assert a.link_counts() == b.link_counts()
    # DuckDB reads the partitions where they lie
    with duckdb.connect() as conn:
        events = conn.execute(f"SELECT count(*) FROM '{out}/events/*.parquet'").fetchone()
    assert events == (len(expected),)
    # loading again changes nothing
    result = runner.invoke(app, ["load", str(out), "--db", str(loaded)])
    assert "0 documents new, 0 updated, 24 unchanged" in result.output
