"""The parties a filter may name, and what to suggest when it names none.

`--actor Trump` used to print an empty table: no event has a party coded "TRUMP", so none
matched, and the analyst concluded Trump did nothing. A party code is valid when a stored
event has it, or when the dictionaries that code events know it (a real state with no events
yet is an honest empty answer). Anything else is an error that says what the value might
have meant: the state or body a name stands for ("turkey" → TUR), the state of a person of
the registry ("Trump" → USA), or a code one keystroke away.

Categories and statuses are checked by `EventFilter` itself (fixed vocabularies); parties
need the store and the dictionaries, so they are checked here, by the CLI and the API alike.
"""

from __future__ import annotations

import difflib
from functools import cache
from pathlib import Path

from parley.actors.dictionary import load_dictionaries
from parley.store import EventFilter, FilterError, Store
from parley.store.filters import nearest

_SUGGESTIONS = 4
_PARTY_HELP = (
    "parties are ISO 3166 alpha-3 country codes or organisation ids, e.g. USA, IRN, UN;"
    " `parley actors NAME` finds a person's state"
)


@cache
def party_names(dictionaries: Path | None = None) -> dict[str, str]:
    """The first listed name of every country and organisation, by code ("KOR" → "South
    Korea"), from the same dictionaries that coded the events, so analysts' overrides show."""
    loaded = load_dictionaries(dictionaries)
    names = {c.code: c.names[0] for c in loaded.countries if c.names}
    names.update({o.org: o.names[0] for o in loaded.organizations if o.names})
    return names


@cache
def _aliases(dictionaries: Path | None) -> dict[str, str]:
    """Every name, abbreviation, adjective and demonym of a country or organisation, lower
    case, to its code ("turkey", "turkish", "turks" → TUR)."""
    loaded = load_dictionaries(dictionaries)
    aliases: dict[str, str] = {}
    for org in loaded.organizations:
        for alias in (*org.names, *org.abbreviations):
            aliases.setdefault(alias.lower().removeprefix("the "), org.org)
    for country in loaded.countries:
        for alias in (*country.names, *country.abbreviations, *country.adjectives):
            aliases.setdefault(alias.lower().removeprefix("the "), country.code)
        for alias in country.demonyms:
            aliases.setdefault(alias.lower(), country.code)
    return aliases


def check_parties(store: Store, filters: EventFilter, dictionaries: Path | None = None) -> None:
    """Raise FilterError for the first party code of `filters` that neither a stored event
    nor the dictionaries know, naming it and what it might have meant."""
    named = filters.named_parties()
    codes = sorted({code for values in named.values() for code in values})
    missing = set(codes) - store.stored_parties(codes) if codes else set()
    if not missing:
        return
    known = party_names(dictionaries)
    for field, values in named.items():
        for code in values:
            if code in missing and code not in known:
                raise FilterError(field, _unknown(field, code, store, dictionaries))


def _unknown(field: str, code: str, store: Store, dictionaries: Path | None) -> str:
    names = party_names(dictionaries)
    suggestions: dict[str, str] = {}
    aliases = _aliases(dictionaries)
    for alias in difflib.get_close_matches(code.lower(), list(aliases), n=2, cutoff=0.8):
        suggestions.setdefault(aliases[alias], names.get(aliases[alias], alias))
    for person in store.people(code, limit=3):
        party = person.country or person.org
        if party:
            suggestions.setdefault(party, person.name)
    for near in nearest(code, store.party_codes()):
        suggestions.setdefault(near, names.get(near, "in the store"))
    listed = [f"{party} ({why})" for party, why in list(suggestions.items())[:_SUGGESTIONS]]
    hint = f"; did you mean {' or '.join(listed)}?" if listed else ""
    return f"unknown {field} {code!r}: no stored event or dictionary has it{hint} ({_PARTY_HELP})"
