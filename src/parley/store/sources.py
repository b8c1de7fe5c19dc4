"""How many documents report each event of a page: the `event_clusters` count, for a few
rows.

`event_clusters` gives every event its cluster and source count, but as a view over the
whole store (a window over all events): joined to a page of fifty events it counts the
sources of every cluster first, which on 100,000 events costs ten times the page. These
fragments count them for the page's events only, by the view's own rule: a cluster's
sources are the documents of its members, each member (the cluster's first event too)
linked by a 'member' row; an event in no cluster is its own, with one source.
"""

from __future__ import annotations

MEMBERSHIP = "LEFT JOIN event_links l ON l.event_id = e.event_id AND l.role = 'member'"
"""Joined to a page aliased `e`: `l.cluster_id` is the event's cluster, NULL when alone."""

CLUSTER = "coalesce(l.cluster_id, e.event_id)"

SOURCE_COUNT = """CASE WHEN l.cluster_id IS NULL THEN 1 ELSE (
    SELECT count(DISTINCT m.doc_id)
    FROM event_links ml JOIN events m ON m.event_id = ml.event_id
    WHERE ml.role = 'member' AND ml.cluster_id = l.cluster_id
) END"""
