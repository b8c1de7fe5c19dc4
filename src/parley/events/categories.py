"""PLOVER categories' derived fields (quad class, Goldstein-style scale, CAMEO root), as data.

Quad classes: 1 verbal cooperation, 2 material cooperation, 3 verbal conflict,
4 material conflict. Scales follow the Goldstein weights of each category's CAMEO roots.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources


@dataclass(frozen=True)
class Category:
    event: str
    quad_code: int
    scale: float
    cameo: str


@lru_cache(maxsize=1)
def categories() -> dict[str, Category]:
    """The shipped table, keyed by PLOVER category."""
    text = resources.files("parley.data").joinpath("categories.jsonl").read_text("utf-8")
    rows = [Category(**json.loads(line)) for line in text.splitlines() if line.strip()]
    return {row.event: row for row in rows}
