"""GET /api/timeline: event counts per day, week or month, by category or quad class."""

from __future__ import annotations

from collections import defaultdict
from datetime import date
from typing import Annotated

from fastapi import APIRouter, Query

from parley.models import PLOVER_CATEGORIES
from parley.store import analytics
from parley.web.deps import SelectionDep, StoreDep
from parley.web.schemas import QUAD_LABELS, BucketPublic, SeriesPublic, TimelinePublic

router = APIRouter(prefix="/timeline", tags=["timeline"])


@router.get("", response_model=TimelinePublic, summary="Event counts over time")
def get_timeline(
    store: StoreDep,
    selection: SelectionDep,
    interval: Annotated[analytics.Interval, Query()] = "month",
    by: Annotated[analytics.TimelineKey, Query()] = "quad",
) -> TimelinePublic:
    """Buckets start on the day, the Monday or the first of the month; only buckets with
    events are listed. Series come in a fixed order (quad 1-4, or PLOVER's category order)
    so colours and stacking stay put as filters change."""
    result = analytics.timeline(store, selection.filters, selection.q, interval, by)
    buckets: dict[date, dict[str, int]] = defaultdict(dict)
    for count in result.counts:
        buckets[count.bucket][count.key] = count.count
    present = {count.key for count in result.counts}
    return TimelinePublic(
        interval=interval,
        by=by,
        series=_series(by, present),
        buckets=[
            BucketPublic(start=start, total=sum(counts.values()), counts=counts)
            for start, counts in sorted(buckets.items())
        ],
        undated=result.undated,
    )


def _series(by: analytics.TimelineKey, present: set[str]) -> list[SeriesPublic]:
    labels = QUAD_LABELS if by == "quad" else {c: c for c in PLOVER_CATEGORIES}
    known = [SeriesPublic(key=key, label=label) for key, label in labels.items()]
    others = [SeriesPublic(key=key, label=key) for key in sorted(present - labels.keys())]
    return known + others
