"""Well-known officials from `people.jsonl`, and people learned from earlier documents:
who "President Trump" or a later bare "Blinken" is when the text does not say which state
they serve.

The text always wins: a person the article describes keeps the state it gives. A bare
surname is looked up only when no one in the document's own text carries it and exactly
one shipped person does (there are many Kims; there is one Erdogan). People converted from
the Phoenix dictionaries are found by full name only: tens of thousands of ministers since
the 1950s would make many a surname that is unique among today's well-known officials
shared, and send a bare surname no one else has to a minister of 2004.
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
        self._by_surname: dict[str, dict[str, PersonRecord]] = defaultdict(dict)
        for record in records:
            self._add(record)

    def learn(self, record: PersonRecord) -> None:
        """Remember a person seen with a state in a stored document; a dictionary entry
        (shipped or the analyst's) for the same name always wins."""
        if record.name.lower() not in self._by_name:
            self._add(record)

    def _add(self, record: PersonRecord) -> None:
        for name in record.names:
            self._by_name.setdefault(name.lower(), record)
            if record.by_surname:
                self._by_surname[name.split()[-1].lower()][record.name] = record

    def identify(self, name: str) -> PersonRecord | None:
        """The record for a full name or alias, or for a surname only one person has."""
        key = name.lower()
        if key in self._by_name:
            return self._by_name[key]
        holders = self._by_surname.get(key, {})
        if " " not in key and len(key) >= _MIN_SURNAME and len(holders) == 1:
            return next(iter(holders.values()))
        return None

    def shared_state(self, surname: str) -> tuple[str, str] | None:
        """(country, sector) when every known holder of a surname several people share
        serves the same state in the same sector: 'the Bush administration' is the US
        government whichever Bush it means."""
        holders = list(self._by_surname.get(surname.lower(), {}).values())
        sides = {(h.country, h.sector) for h in holders}
        if len(holders) < 2 or len(sides) != 1:
            return None
        country, sector = sides.pop()
        return (country, sector) if country and sector else None
