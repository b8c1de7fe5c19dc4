"""GET /api/timeline: event counts per day, week, month or year, by category or quad class,
apart for events the text dates and events dated only by their story's window."""

from __future__ import annotations

from datetime import date
from typing import Annotated, Literal

from fastapi import APIRouter, Query

from parley.models import PLOVER_CATEGORIES
from parley.store.analytics import TimelineCount, TimelineKey
from parley.store.axis import Interval
from parley.web.deps import SelectionDep, StoreDep
from parley.web.schemas import QUAD_LABELS, BucketPublic, SeriesPublic, TimelinePublic

router = APIRouter(prefix="/timeline", tags=["timeline"])


@router.get("", response_model=TimelinePublic, summary="Event counts over time")
def get_timeline(
    store: StoreDep,
    selection: SelectionDep,
    interval: Annotated[
        Interval | Literal["auto"],
        Query(description="Bar width; auto: days, weeks, months or years by the axis' span."),
    ] = "auto",
    by: Annotated[TimelineKey, Query()] = "quad",
    axis: Annotated[
        Literal["bulk", "full"],
        Query(
            description="bulk: the axis covers where the events are, and the few far outside "
            "it (a 1948 event in a corpus about 2022) are counted in `before` and `after`; "
            "full: from the first dated event to the last."
        ),
    ] = "bulk",
) -> TimelinePublic:
    """Buckets start on the day, the Monday, the first of the month or of the year; only
    buckets with events are listed. Series come in a fixed order (quad 1-4, or PLOVER's
    category order) so colours and stacking stay put as filters change."""
    result = store.timeline(
        selection, None if interval == "auto" else interval, by, bulk=axis == "bulk"
    )
    on_axis = result.axis
    return TimelinePublic(
        interval=result.interval,
        by=by,
        series=_series(by, {count.key for count in result.counts}),
        buckets=_buckets(result.counts),
        first=on_axis.first if on_axis else None,
        last=on_axis.last if on_axis else None,
        before=on_axis.before if on_axis else 0,
        after=on_axis.after if on_axis else 0,
        stated=result.stated,
        window=result.window,
        undated=result.undated,
    )


def _buckets(counts: list[TimelineCount]) -> list[BucketPublic]:
    """One bucket per start day that has events, in time order."""
    buckets: dict[date, BucketPublic] = {}
    for count in counts:
        bucket = buckets.get(count.bucket)
        if bucket is None:
            bucket = BucketPublic(start=count.bucket, total=0, stated={}, window={}, precision={})
            buckets[count.bucket] = bucket
        series = bucket.stated if count.dating == "stated" else bucket.window
        series[count.key] = series.get(count.key, 0) + count.count
        bucket.precision[count.precision] = bucket.precision.get(count.precision, 0) + count.count
        bucket.total += count.count
    return [buckets[start] for start in sorted(buckets)]


def _series(by: TimelineKey, present: set[str]) -> list[SeriesPublic]:
    labels = QUAD_LABELS if by == "quad" else {c: c for c in PLOVER_CATEGORIES}
    known = [SeriesPublic(key=key, label=label) for key, label in labels.items()]
    others = [SeriesPublic(key=key, label=key) for key in sorted(present - labels.keys())]
    return known + others
