"""The documents the crews' tests code (see `crew_helpers`)."""

from __future__ import annotations

import pytest
from crew_helpers import LAG, documents, stored_events

from parley.batch import Ingester
from parley.models import Document
from parley.pipeline import Pipeline
from parley.store import Store


@pytest.fixture(scope="session")
def corpus() -> list[Document]:
    return documents()


@pytest.fixture(scope="session")
def coded_alone(tmp_path_factory: pytest.TempPathFactory, corpus: list[Document]) -> list[str]:
    """The corpus's events coded in this process (a fresh pipeline, lag `LAG`), as JSON."""
    path = tmp_path_factory.mktemp("alone") / "alone.duckdb"
    with Store.open(path) as store:
        Ingester(store, lag=LAG).run(corpus, Pipeline())
        return stored_events(store)
