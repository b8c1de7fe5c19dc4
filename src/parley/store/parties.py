"""The parties of the selected events, as every count over parties reads them.

One row per selected event and party (a country or an organisation) with the roles it plays
there: a party named twice in one event (two US officials) counts once. The actor list, the
network, the dyad counts and the period summary all build on this one fragment, so "USA · 310"
in one place and 295 in another can only differ by role, and say so.
"""

from __future__ import annotations

import duckdb

from parley.store.filters import EventFilter, where_clause

PARTY = "coalesce(p.country, p.org)"

# `{source}` is `event_parties p`, semi-joined to the filtered events only when something
# filters them: that join is most of the cost of these queries.
_PARTIES = f"""parties AS (
    SELECT p.event_id, {PARTY} AS party,
        bool_or(p.role = 'actor') AS is_actor, bool_or(p.role = 'recipient') AS is_recipient,
        bool_or(p.country IS NOT NULL) AS is_country
    FROM {{source}}
    WHERE {PARTY} IS NOT NULL
    GROUP BY p.event_id, {PARTY}
)"""
_FILTERED = (
    "event_parties p SEMI JOIN (SELECT e.event_id FROM events e{where}) chosen"
    " ON chosen.event_id = p.event_id"
)


def parties_cte(filters: EventFilter) -> tuple[str, list[object]]:
    """The `parties AS (...)` common table expression over the events `filters` selects
    (limit and offset aside), and its parameters."""
    where, params = where_clause(filters)
    source = _FILTERED.format(where=where) if where else "event_parties p"
    return _PARTIES.format(source=source), params


_STORED = """
SELECT v.code FROM (SELECT unnest(?::TEXT[]) AS code) v
WHERE EXISTS (SELECT 1 FROM event_parties p WHERE p.country = v.code OR p.org = v.code)
"""
_ALL = f"""
SELECT {PARTY} AS party FROM event_parties p WHERE {PARTY} IS NOT NULL
GROUP BY 1 ORDER BY count(DISTINCT p.event_id) DESC, 1
"""


def stored_parties(conn: duckdb.DuckDBPyConnection, codes: list[str]) -> set[str]:
    """Those of `codes` that some stored event has as a party (country or organisation)."""
    return {code for (code,) in conn.execute(_STORED, [codes]).fetchall()}


def party_codes(conn: duckdb.DuckDBPyConnection) -> list[str]:
    """Every party of the stored events, most involved first."""
    return [code for (code,) in conn.execute(_ALL).fetchall()]
