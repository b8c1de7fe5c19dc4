"""Display names for party codes ("KOR" → "South Korea", "UNSC" → "United Nations Security
Council"), from the same dictionaries that coded the events, so analysts' overrides show."""

from __future__ import annotations

from pathlib import Path

from parley.actors.dictionary import load_dictionaries


def party_names(dictionaries: Path | None = None) -> dict[str, str]:
    """The first listed name of every country and organisation, by code."""
    loaded = load_dictionaries(dictionaries)
    names = {c.code: c.names[0] for c in loaded.countries if c.names}
    names.update({o.org: o.names[0] for o in loaded.organizations if o.names})
    return names
