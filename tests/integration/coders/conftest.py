"""The documents the crews' tests code (see `crew_helpers`)."""

from __future__ import annotations

import pytest
from crew_helpers import documents

from parley.models import Document


@pytest.fixture(scope="session")
def corpus() -> list[Document]:
    return documents()
