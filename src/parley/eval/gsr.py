"""The PLOVER gold-standard records (GSR, openeventdata/PLOVER): one sentence, one event.

The GSR predates the current PLOVER categories and uses a few CAMEO country codes, so
records are translated on load (labels to today's categories, codes to ISO alpha-3) and
scored on what both codings share: the category and the parties. It has no status, date
or place worth scoring.
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Literal

from parley.errors import AnswerKeyError
from parley.eval.matching import Prediction, entity_party
from parley.models import PLOVER_CATEGORIES

# GSR 0.5 labels that later PLOVER drafts folded into other categories.
LABEL_MAP: dict[str, str] = {
    "DEMAND": "REQUEST",
    "DISAPPROVE": "ACCUSE",
    "INVESTIGATE": "ACCUSE",
    "FIGHT": "ASSAULT",
}

# CAMEO country codes in the GSR that are not ISO 3166-1 alpha-3 (actor texts: Japan,
# Italy, "Vietnamese-led forces").
CAMEO_TO_ISO: dict[str, str] = {"JAP": "JPN", "ITL": "ITA", "VTN": "VNM"}

# CAMEO codes for stateless actors (international and non-governmental organisations,
# international militarised groups). Parley codes these with an `org` id instead, and the
# GSR does not say which one, so any stateless organisation stands for them.
STATELESS_CODES: frozenset[str] = frozenset({"IGO", "NGO", "IMG"})


@dataclass(frozen=True)
class GsrRecord:
    """One GSR record, translated to Parley's categories and codes.

    `symmetric` records (markup "SRC/TAR", or several sources and no target) name parties
    acting together, like Parley's symmetric events with everyone in `actor`.
    """

    id: str
    text: str
    label: str
    category: str
    sources: tuple[str, ...]
    targets: tuple[str, ...]
    symmetric: bool


@dataclass(frozen=True)
class GsrOutcome:
    """Whether predictions for one record found its category, and with the right parties."""

    id: str
    category: str
    category_found: bool
    parties_found: bool


@dataclass(frozen=True)
class CategoryTally:
    """Records of one category, and how many were found (with the right parties)."""

    n: int = 0
    category_found: int = 0
    parties_found: int = 0

    def add(self, outcome: GsrOutcome) -> CategoryTally:
        return CategoryTally(
            self.n + 1,
            self.category_found + outcome.category_found,
            self.parties_found + outcome.parties_found,
        )


@dataclass(frozen=True)
class GsrMiss:
    """A record not fully found, and whether the category or only the parties were missed."""

    id: str
    category: str
    missed: Literal["category", "parties"]


@dataclass(frozen=True)
class GsrTotal:
    """Totals over GSR records, per category, with every miss listed by id."""

    n: int
    category_found: int
    category_and_parties: int
    by_category: dict[str, CategoryTally]
    misses: tuple[GsrMiss, ...]

    @property
    def category_share(self) -> float:
        return self.category_found / self.n if self.n else 0.0

    @property
    def category_and_parties_share(self) -> float:
        return self.category_and_parties / self.n if self.n else 0.0

    def to_dict(self) -> dict[str, Any]:
        return {
            "n": self.n,
            "category_found": self.category_found,
            "category_and_parties": self.category_and_parties,
            "category_share": self.category_share,
            "category_and_parties_share": self.category_and_parties_share,
            "by_category": {
                category: {
                    "n": tally.n,
                    "category_found": tally.category_found,
                    "parties_found": tally.parties_found,
                }
                for category, tally in sorted(self.by_category.items())
            },
            "misses": [
                {"id": miss.id, "category": miss.category, "missed": miss.missed}
                for miss in self.misses
            ],
        }


def load_gsr(path: Path) -> list[GsrRecord]:
    """Read GSR JSON Lines; a malformed line fails with its line number."""
    try:
        lines = path.read_text(encoding="utf-8").splitlines()
    except OSError as exc:
        raise AnswerKeyError(f"{path}: cannot read: {exc.strerror or exc}") from None
    return [
        _record(line, f"{path}:{number}")
        for number, line in enumerate(lines, start=1)
        if line.strip()
    ]


def _record(line: str, where: str) -> GsrRecord:
    try:
        raw = json.loads(line)
    except json.JSONDecodeError as exc:
        raise AnswerKeyError(f"{where}: not valid JSON: {exc.msg}") from None
    if not isinstance(raw, dict):
        raise AnswerKeyError(f"{where}: expected a JSON object")
    for key in ("id", "text", "event"):
        if not isinstance(raw.get(key), str) or not raw[key].strip():
            raise AnswerKeyError(f"{where}: '{key}' must be a non-empty string")
    label = raw["event"]
    category = LABEL_MAP.get(label, label)
    if category not in PLOVER_CATEGORIES:
        raise AnswerKeyError(f"{where}: event {label!r} is not a PLOVER category")
    sources = _codes(raw.get("source"), f"{where}: source")
    if not sources:
        raise AnswerKeyError(f"{where}: 'source' names no actor")
    targets = _codes(raw.get("target"), f"{where}: target")
    markup = (raw.get("textInfo") or {}).get("markup") or ""
    return GsrRecord(
        id=raw["id"],
        text=raw["text"],
        label=label,
        category=category,
        sources=sources,
        targets=targets,
        symmetric="SRC/TAR" in markup or (not targets and len(sources) > 1),
    )


def _codes(value: Any, where: str) -> tuple[str, ...]:
    """Actor codes in order, translated to ISO and without repeats; "" or null is none."""
    if value in ("", None):
        return ()
    if not isinstance(value, list):
        raise AnswerKeyError(f'{where}: expected a list of actors, "" or null')
    codes: list[str] = []
    for actor in value:
        code = actor.get("code") if isinstance(actor, dict) else None
        if not isinstance(code, str) or not code.strip():
            raise AnswerKeyError(f"{where}: every actor needs a 'code'")
        codes.append(CAMEO_TO_ISO.get(code, code))
    return tuple(dict.fromkeys(codes))


def _stands_for(entity: dict[str, Any], code: str, homes: Mapping[str, str]) -> bool:
    """CAMEO codes a national armed group by its state (Hamas is PSE): an org with that
    home stands for the state's code too."""
    if code in STATELESS_CODES:
        return bool(entity.get("org")) and not entity.get("country")
    party = entity_party(entity)
    return party == code or (party is not None and homes.get(party) == code)


def _shared(
    entities: Sequence[dict[str, Any]], codes: Iterable[str], homes: Mapping[str, str]
) -> int:
    """How many gold codes some predicted entity stands for."""
    return sum(any(_stands_for(entity, code, homes) for entity in entities) for code in codes)


def _parties_right(prediction: Prediction, record: GsrRecord, homes: Mapping[str, str]) -> bool:
    """Directed records compare each side; symmetric ones (and Parley's meetings, which it
    codes with every participant as actor where the GSR names a host and a guest) compare
    all parties together."""
    actors = list(prediction.get("actor") or [])
    recipients = list(prediction.get("recipient") or [])
    meeting = prediction.get("event") == "CONSULT" and not recipients
    if record.symmetric or meeting:
        gold = dict.fromkeys(record.sources + record.targets)
        return _shared(actors + recipients, gold, homes) >= min(2, len(gold))
    if not _shared(actors, record.sources, homes):
        return False
    return not record.targets or _shared(recipients, record.targets, homes) > 0


def score_gsr_record(
    predictions: list[Prediction], record: GsrRecord, homes: Mapping[str, str] | None = None
) -> GsrOutcome:
    """Found if some prediction has the category; with parties if one of those is right.
    `homes` maps armed-group ids to their states (`OrgRecord.home`)."""
    candidates = [p for p in predictions if p.get("event") == record.category]
    return GsrOutcome(
        id=record.id,
        category=record.category,
        category_found=bool(candidates),
        parties_found=any(_parties_right(p, record, homes or {}) for p in candidates),
    )


def score_gsr_total(outcomes: list[GsrOutcome]) -> GsrTotal:
    """Sum record outcomes; misses keep their ids so each can be looked up."""
    by_category: dict[str, CategoryTally] = {}
    for outcome in outcomes:
        by_category[outcome.category] = by_category.get(outcome.category, CategoryTally()).add(
            outcome
        )
    misses = tuple(
        GsrMiss(o.id, o.category, "parties" if o.category_found else "category")
        for o in outcomes
        if not o.parties_found
    )
    return GsrTotal(
        n=len(outcomes),
        category_found=sum(o.category_found for o in outcomes),
        category_and_parties=sum(o.parties_found for o in outcomes),
        by_category=by_category,
        misses=misses,
    )
