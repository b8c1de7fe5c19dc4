"""The trigger lexicon is data: it loads, covers every PLOVER category, and says clearly
what is wrong with an analyst's file."""

from __future__ import annotations

from pathlib import Path

import pytest

from parley.errors import DictionaryError
from parley.events.lexicon import LEXICON_FILE, load_lexicon
from parley.models import PLOVER_CATEGORIES


def test_shipped_lexicon_covers_every_category() -> None:
    lexicon = load_lexicon()
    covered = {e.event for entries in lexicon._index.values() for e in entries if e.event}
    assert covered == set(PLOVER_CATEGORIES)


def test_an_analyst_entry_overrides_and_changes_the_hash(tmp_path: Path) -> None:
    (tmp_path / LEXICON_FILE).write_text(
        '{"lemma": "meet", "pos": "VERB", "event": "COOPERATE", "cameo": "060"}\n'
    )
    assert load_lexicon(tmp_path).content_hash != load_lexicon().content_hash


@pytest.mark.parametrize(
    ("line", "message"),
    [
        ("{not json", "invalid JSON"),
        ('{"lemma": "meet", "pos": "VERB", "event": "MEET"}', "PLOVER category"),
        ('{"lemma": "meet", "pos": "ADJ", "event": "CONSULT"}', "VERB or NOUN"),
        ('{"lemma": "meet", "pos": "VERB", "event": "CONSULT", "colour": 1}', "unknown field"),
    ],
)
def test_bad_lines_are_named_by_file_and_line(tmp_path: Path, line: str, message: str) -> None:
    (tmp_path / LEXICON_FILE).write_text("\n" + line + "\n")
    with pytest.raises(DictionaryError, match=rf"triggers.jsonl:2: .*{message}"):
        load_lexicon(tmp_path)


def test_an_analyst_folder_may_hold_actor_files_and_the_lexicon(tmp_path: Path) -> None:
    from parley.actors.dictionary import load_dictionaries

    (tmp_path / LEXICON_FILE).write_text(
        '{"lemma": "meet", "pos": "VERB", "event": "CONSULT", "cameo": "040"}\n'
    )
    assert load_dictionaries(tmp_path).countries  # no "unknown dictionary file" error
