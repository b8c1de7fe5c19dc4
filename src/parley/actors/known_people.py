"""Well-known officials from `people.jsonl`: who "President Trump" or "Putin" is when the
text does not say which state they serve.

The text always wins: a person the article describes keeps the state it gives. A bare
surname is looked up only when no one in the document's own text carries it and exactly
one shipped person does (there are many Kims; there is one Erdogan).
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Sequence

from parley.actors.dictionary import PersonRecord

_MIN_SURNAME = 4


class KnownPeople:
    """Lookup of shipped (and analyst-added) people by full name, alias or unique surname."""

    def __init__(self, records: Sequence[PersonRecord]) -> None:
        self._by_name: dict[str, PersonRecord] = {}
        surnames: dict[str, list[PersonRecord]] = defaultdict(list)
        for record in records:
            for name in record.names:
                self._by_name[name.lower()] = record
                surnames[name.split()[-1].lower()].append(record)
        self._by_surname = {
            surname: found[0]
            for surname, found in surnames.items()
            if len({r.name for r in found}) == 1 and len(surname) >= _MIN_SURNAME
        }

    def identify(self, name: str) -> PersonRecord | None:
        """The record for a full name or alias, or for a surname only one person has."""
        key = name.lower()
        if key in self._by_name:
            return self._by_name[key]
        if " " not in key:
            return self._by_surname.get(key)
        return None

    def title_in(self, record: PersonRecord, year: int | None) -> str | None:
        """The office the person held in `year` (or their first listed one)."""
        held = [r for r in record.roles if year is None or r.covers(year)]
        chosen = held or list(record.roles)
        return chosen[0].title if chosen else None
