"""The parties of the selected events, as every count over parties reads them.

One row per selected event and party (a country or an organisation) with the roles it plays
there: a party named twice in one event (two US officials) counts once. The actor list, the
network, the dyad counts and the period summary all build on this one fragment, so "USA · 310"
in one place and 295 in another can only differ by role, and say so.

The rows come from `party_roles` (see migrations 5 and 6 in `parley.store.schema`), which the
writers keep: one row per event and code with its roles already grouped, joined to `events`
on the integer `event_key`. A party is a code that is some party's country, or else its
organisation (`actor_party`, `recipient_party`); the party filters also match a party's
organisation when it has a country (`in_actors`, `in_recipients`, read in `filters.py`).
"""

from __future__ import annotations

import duckdb

from parley.store.filters import EventFilter, and_where, where_clause

_PARTIES = """parties AS (
    SELECT r.event_key, r.code AS party, r.actor_party AS is_actor,
        r.recipient_party AS is_recipient, r.is_country, r.directed, e.quad_code
    FROM party_roles r JOIN events e ON e.event_key = r.event_key{where}
)"""


def parties_cte(filters: EventFilter) -> tuple[str, list[object]]:
    """The `parties AS (...)` common table expression over the events `filters` selects
    (limit and offset aside), and its parameters: `event_key`, `party`, `is_actor`,
    `is_recipient`, `is_country`, whether the event has a recipient party (`directed`), and
    the event's `quad_code` (a conflict count needs no other join back to `events`)."""
    where, params = where_clause(filters)
    where = and_where(where, "(r.actor_party OR r.recipient_party)")
    return _PARTIES.format(where=where), params


# The roles of the events `{where}` selects, from their `event_parties` rows: the same rows
# `parley.store.rows.role_rows` makes from an event, for writers that bring in many events at
# once by SQL (a Parquet load, a bulk fill).
_DERIVE = """
INSERT INTO party_roles
WITH codes AS (
    SELECT event_id, role, country AS code, true AS is_party, true AS is_country
    FROM event_parties WHERE country IS NOT NULL
    UNION ALL
    SELECT event_id, role, org, country IS NULL, false
    FROM event_parties WHERE org IS NOT NULL
)
SELECT e.event_key, c.code,
    bool_or(c.role = 'actor'), bool_or(c.role = 'recipient'),
    bool_or(c.role = 'actor' AND c.is_party), bool_or(c.role = 'recipient' AND c.is_party),
    bool_or(c.is_country),
    bool_or(bool_or(c.role = 'recipient' AND c.is_party)) OVER (PARTITION BY e.event_key)
FROM codes c JOIN events e ON e.event_id = c.event_id{where}
GROUP BY e.event_key, c.code
ORDER BY e.event_key, c.code
"""


def derive_roles(conn: duckdb.DuckDBPyConnection, where: str = "") -> None:
    """Add the `party_roles` rows of the events `where` (a fixed `WHERE ...` over `events e`;
    empty: every event) selects, from their stored parties; they must have none yet."""
    conn.execute(_DERIVE.format(where=where))


_STORED = """
SELECT DISTINCT r.code FROM party_roles r WHERE list_contains(?::TEXT[], r.code)
"""
_ALL = """
SELECT r.code FROM party_roles r WHERE r.actor_party OR r.recipient_party
GROUP BY 1 ORDER BY count(*) DESC, 1
"""


def stored_parties(conn: duckdb.DuckDBPyConnection, codes: list[str]) -> set[str]:
    """Those of `codes` that some stored event has as a party (country or organisation)."""
    return {code for (code,) in conn.execute(_STORED, [codes]).fetchall()}


def party_codes(conn: duckdb.DuckDBPyConnection) -> list[str]:
    """Every party of the stored events, most involved first."""
    return [code for (code,) in conn.execute(_ALL).fetchall()]
