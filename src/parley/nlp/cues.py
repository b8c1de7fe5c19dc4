"""The cue word lists the coder's rules read: which verbs report, which words make an event
planned or hypothetical, which nouns are weapons or documents (`data/dictionaries/cues.jsonl`).

They are data so that an analyst can correct a list without touching code: a `cues.jsonl` in
`--dictionaries DIR` replaces the shipped list of each cue it names. The rules import each
list once, as a set; `apply_cues` changes those same sets in place, so a rule sees an
analyst's list without being told. The lists are therefore per process: the last
`Pipeline` built decides them.
"""

from __future__ import annotations

import hashlib
import json
from importlib import resources
from pathlib import Path

from parley.errors import DictionaryError

CUES_FILE = "cues.jsonl"
_FIELDS = {"cue", "words", "about"}


def cue(name: str) -> set[str]:
    """The live set of cue words `name`; the rules keep the set, never a copy."""
    try:
        return _LIVE[name]
    except KeyError:
        raise KeyError(f"no cue list {name!r} in {CUES_FILE}") from None


def apply_cues(override_dir: Path | None) -> str:
    """Make the live lists the shipped ones with the analyst's `cues.jsonl` in
    `override_dir` over them; return the content hash of what was read."""
    digest = hashlib.sha256(_SHIPPED_BYTES)
    lists = dict(_SHIPPED)
    path = override_dir / CUES_FILE if override_dir is not None else None
    if path is not None and path.is_file():
        data = path.read_bytes()
        digest.update(data)
        overrides = parse_cues(str(path), data)
        unknown = sorted(set(overrides) - set(_SHIPPED))
        if unknown:
            raise DictionaryError(f"{path}: unknown cue list(s) {', '.join(unknown)}")
        lists.update(overrides)
    for name, words in lists.items():
        _LIVE[name].clear()
        _LIVE[name].update(words)
    return digest.hexdigest()


def parse_cues(name: str, data: bytes) -> dict[str, frozenset[str]]:
    """Cue lists from JSON Lines; every problem is a `FILE:LINE: message` error."""
    lists: dict[str, frozenset[str]] = {}
    for number, line in enumerate(data.decode("utf-8").splitlines(), start=1):
        if not line.strip():
            continue
        where = f"{name}:{number}"
        try:
            record = json.loads(line)
        except json.JSONDecodeError as error:
            raise DictionaryError(f"{where}: invalid JSON ({error.msg})") from None
        if not isinstance(record, dict) or set(record) - _FIELDS:
            raise DictionaryError(f"{where}: expected an object with 'cue', 'words', 'about'")
        cue_name, words = record.get("cue"), record.get("words")
        if not isinstance(cue_name, str) or not cue_name:
            raise DictionaryError(f"{where}: 'cue' must be a non-empty string")
        if not isinstance(words, list) or not all(isinstance(w, str) and w for w in words):
            raise DictionaryError(f"{where}: 'words' must be a list of non-empty strings")
        if cue_name in lists:
            raise DictionaryError(f"{where}: cue list {cue_name!r} given twice")
        lists[cue_name] = frozenset(w.lower() for w in words)
    return lists


def _shipped() -> tuple[dict[str, frozenset[str]], bytes]:
    data = resources.files("parley.data.dictionaries").joinpath(CUES_FILE).read_bytes()
    return parse_cues(CUES_FILE, data), data


_SHIPPED, _SHIPPED_BYTES = _shipped()
_LIVE: dict[str, set[str]] = {name: set(words) for name, words in _SHIPPED.items()}
