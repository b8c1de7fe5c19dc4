"""Cue word lists: shipped as data, replaced by an analyst's list of the same name."""

from __future__ import annotations

from pathlib import Path

import pytest

from parley.errors import DictionaryError
from parley.nlp.cues import apply_cues, cue, parse_cues
from parley.nlp.vocabulary import REPORTING_VERBS


def test_the_rules_hold_the_live_list() -> None:
    assert cue("reporting_verbs") is REPORTING_VERBS
    assert "say" in REPORTING_VERBS


def test_an_analysts_list_replaces_the_shipped_one_until_reset(tmp_path: Path) -> None:
    (tmp_path / "cues.jsonl").write_text(
        '{"cue": "reporting_verbs", "words": ["say", "whisper"]}\n', encoding="utf-8"
    )
    shipped_hash = apply_cues(None)
    try:
        assert apply_cues(tmp_path) != shipped_hash
        assert sorted(REPORTING_VERBS) == ["say", "whisper"]
        assert "will" in cue("future_auxiliaries")  # the lists it does not name are kept
    finally:
        apply_cues(None)
    assert "whisper" not in REPORTING_VERBS and "tweet" in REPORTING_VERBS


def test_an_unknown_list_name_is_an_error(tmp_path: Path) -> None:
    (tmp_path / "cues.jsonl").write_text('{"cue": "reporting_verb", "words": []}\n', "utf-8")
    with pytest.raises(DictionaryError, match="unknown cue list"):
        apply_cues(tmp_path)
    apply_cues(None)


@pytest.mark.parametrize(
    ("line", "message"),
    [
        ("{not json", "invalid JSON"),
        ('{"cue": "x", "words": "say"}', "'words' must be a list"),
        ('{"cue": "", "words": []}', "'cue' must be a non-empty string"),
        ('{"cue": "x", "words": [], "note": 1}', "expected an object"),
    ],
)
def test_a_malformed_line_names_file_and_line(line: str, message: str) -> None:
    with pytest.raises(DictionaryError, match=rf"cues.jsonl:2: .*{message}"):
        parse_cues("cues.jsonl", f'{{"cue": "y", "words": []}}\n{line}\n'.encode())
