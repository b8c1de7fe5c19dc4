"""Cross-document linking: one cluster per real-world event, and plans linked to what happened.

Each document is coded on its own, so a summit reported by five papers is five events. Two
events of different documents are the same real-world event when they have the same category
and status, share an actor party (and a recipient party, when both name recipients), their
dates agree and their places do not contradict each other. Dates agree when both intervals are
short and overlap, or when neither event is dated and the documents were published at most
`UNDATED_DAYS` apart. Clusters grow from such pairs, but only while all their members still
share a day: otherwise a month of daily reports of "FMLN attacks" would chain into one cluster
through neighbours two days apart. A cluster's id is its smallest event id, so it stays put
when more reports arrive unless one sorts before it.

A `planned` event is linked ('planned-of') to the cluster of an `occurred` event of the same
category and parties whose date falls inside the planned interval, reported by another document
published no earlier.

Pure Python over `Store.event_facts`, one category at a time; the links are then written in one
transaction, replacing the previous resolution.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from datetime import date, timedelta

from parley.store import EventFacts, Store

UNDATED_DAYS = 3
CLUSTER_SPAN_DAYS = 7
"""Longest date interval that can identify an event. "In February" or "this year" overlaps
every day-dated report of the month or year and would chain them all into one cluster."""
PLAN_SPAN_DAYS = 31
"""Longest planned interval ("next month") whose occurrence is still looked for."""

MEMBER = "member"
PLANNED_OF = "planned-of"

_Window = tuple[str, date, date]
"""Which days an event can match on: ("dated" or "undated", first day, last day)."""


@dataclass(frozen=True)
class Resolution:
    """Clusters of more than one event (each sorted; its first id is the cluster id) and
    (planned event id, cluster id of what happened) links."""

    clusters: list[list[str]]
    planned: list[tuple[str, str]]

    def links(self) -> list[tuple[str, str, str]]:
        """(event_id, cluster_id, role) rows for `event_links`."""
        rows = [(event_id, ids[0], MEMBER) for ids in self.clusters for event_id in ids]
        rows += [(event_id, cluster_id, PLANNED_OF) for event_id, cluster_id in self.planned]
        return rows


def resolve_store(store: Store) -> Resolution:
    """Resolve every stored event and write the links; returns what was written."""
    clusters: list[list[str]] = []
    planned: list[tuple[str, str]] = []
    for category in store.event_categories():
        found = resolve(store.event_facts(category))
        clusters += found.clusters
        planned += found.planned
    resolution = Resolution(sorted(clusters), sorted(set(planned)))
    store.replace_event_links(resolution.links())
    return resolution


def resolve(facts: Iterable[EventFacts]) -> Resolution:
    """Clusters and planned→occurred links among `facts` (of one category, or several: events
    of different categories are never linked)."""
    events = list(facts)
    windows = {e.event_id: window for e in events if (window := _cluster_window(e))}
    groups = _Groups(windows)
    for a, b in _window_pairs(events, windows):
        if a.doc_id != b.doc_id and _compatible(a, b):
            groups.join(a.event_id, b.event_id)
    clusters = groups.groups()
    cluster_of = {event_id: ids[0] for ids in clusters for event_id in ids}
    planned = {(plan, cluster_of.get(done, done)) for plan, done in _plans(events)}
    return Resolution(clusters, sorted(planned))


def _cluster_window(event: EventFacts) -> _Window | None:
    """The kind and days an event's date allows it to match: its own short interval, or the
    days after its publication when it is undated; None when it can match nothing."""
    if event.start is not None and event.end is not None:
        interval = _interval(event, CLUSTER_SPAN_DAYS)
        return ("dated", *interval) if interval else None
    if event.published is not None:
        return "undated", event.published, event.published + timedelta(days=UNDATED_DAYS)
    return None


def _window_pairs(
    events: list[EventFacts], windows: dict[str, _Window]
) -> Iterator[tuple[EventFacts, EventFacts]]:
    """Pairs of events of one category and status that share an actor party and whose windows
    overlap, found by sweeping each (category, status, window kind, party) bucket in date order
    rather than comparing every pair. A pair sharing several parties comes once per party."""
    buckets: dict[tuple[str, str, str, str], list[tuple[date, date, EventFacts]]] = defaultdict(
        list
    )
    for event in events:
        if event.event_id not in windows:
            continue
        kind, low, high = windows[event.event_id]
        for party in event.actors:
            buckets[(event.category, event.status, kind, party)].append((low, high, event))
    for bucket in buckets.values():
        bucket.sort(key=lambda item: (item[0], item[2].event_id))
        active: list[tuple[date, date, EventFacts]] = []
        for low, high, event in bucket:
            active = [item for item in active if item[1] >= low]
            for item in active:
                yield item[2], event
            active.append((low, high, event))


def _plans(events: list[EventFacts]) -> Iterator[tuple[str, str]]:
    """(planned, occurred) event id pairs: the occurrence's first day inside the planned
    interval, parties and place compatible, reported later than the plan."""
    plans: dict[tuple[str, str], list[tuple[date, date, EventFacts]]] = defaultdict(list)
    for event in events:
        planned = _interval(event, PLAN_SPAN_DAYS) if event.status == "planned" else None
        if planned is not None:
            for party in event.actors:
                plans[(event.category, party)].append((*planned, event))
    for done in events:
        happened = _interval(done, CLUSTER_SPAN_DAYS) if done.status == "occurred" else None
        if happened is None:
            continue
        for party in done.actors:
            for first, last, plan in plans.get((done.category, party), ()):
                inside = first <= happened[0] <= last
                if inside and _reported_after(plan, done) and _compatible(plan, done):
                    yield plan.event_id, done.event_id


def _interval(event: EventFacts, longest: int) -> tuple[date, date] | None:
    """The event's dates when it has an interval of at most `longest` days."""
    if event.start is None or event.end is None or (event.end - event.start).days >= longest:
        return None
    return event.start, event.end


def _reported_after(plan: EventFacts, done: EventFacts) -> bool:
    """Whether `done` comes from a later report than `plan`: another document, published no
    earlier (one article's "will withdraw" and "conceded nothing" are not plan and outcome)."""
    if plan.doc_id == done.doc_id:
        return False
    if plan.published is None or done.published is None:
        return True
    return done.published >= plan.published


def _compatible(a: EventFacts, b: EventFacts) -> bool:
    """Parties and place agree (dates are checked by the caller)."""
    if not a.actors & b.actors:
        return False
    if a.recipients and b.recipients and not a.recipients & b.recipients:
        return False
    return a.place_country is None or b.place_country is None or a.place_country == b.place_country


class _Groups:
    """Clusters being built: disjoint sets of event ids, each with the days its members'
    windows have in common. A join that would leave a set without a common day is refused."""

    def __init__(self, windows: dict[str, _Window]) -> None:
        self._parent: dict[str, str] = {}
        self._common = {event_id: (low, high) for event_id, (_, low, high) in windows.items()}

    def join(self, a: str, b: str) -> None:
        root_a, root_b = self._find(a), self._find(b)
        if root_a == root_b:
            return
        (low_a, high_a), (low_b, high_b) = self._common[root_a], self._common[root_b]
        low, high = max(low_a, low_b), min(high_a, high_b)
        if low > high:
            return
        root, child = sorted((root_a, root_b))
        self._parent[child] = root
        self._common[root] = (low, high)

    def groups(self) -> list[list[str]]:
        """Every set of two or more ids, each sorted, in order of their first id."""
        members: dict[str, list[str]] = defaultdict(list)
        for item in list(self._parent):
            members[self._find(item)].append(item)
        return sorted(sorted(ids) for ids in members.values() if len(ids) > 1)

    def _find(self, item: str) -> str:
        root = self._parent.setdefault(item, item)
        while self._parent[root] != root:
            root = self._parent[root]
        while item != root:  # path compression: point the whole path at the root
            self._parent[item], item = root, self._parent[item]
        return root
