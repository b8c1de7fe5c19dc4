"""The trigger lexicon is data: it loads, covers every PLOVER category, says clearly what is
wrong with an analyst's file, and layers the analyst's entries over Parley's over CAMEO's."""

from __future__ import annotations

import json
from importlib import resources
from pathlib import Path

import pytest
import spacy
from spacy.tokens import Doc
from spacy.vocab import Vocab

from parley.errors import DictionaryError
from parley.events.lexicon import CAMEO_FILE, LEXICON_FILE, layered_lexicon, load_lexicon
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


def parsed(words: str, lemmas: str, pos: str, heads: list[int], deps: str) -> Doc:
    """A parse written out by hand, so the layering is tested without the model's guesses."""
    return Doc(
        Vocab(),
        words=words.split(),
        lemmas=lemmas.split(),
        pos=pos.split(),
        heads=heads,
        deps=deps.split(),
    )


# 'The company fired its chief': 'fire' with no word Parley's entries require
FIRED_CHIEF = parsed(
    "The company fired its chief",
    "the company fire its chief",
    "DET NOUN VERB PRON NOUN",
    [1, 2, 2, 4, 2],
    "det nsubj ROOT poss dobj",
)
# 'Rioters looted shops'
LOOTED = parsed(
    "Rioters looted shops", "rioter loot shop", "NOUN VERB NOUN", [1, 1, 1], "nsubj ROOT dobj"
)

PARLEY = (
    b'{"lemma": "fire", "pos": "VERB", "event": "ASSAULT", "cameo": "193", "requires": ["shot"]}\n'
)
CAMEO = (
    b'{"lemma": "fire", "pos": "VERB", "event": "ASSAULT", "cameo": "190", "source": "C:1"}\n'
    b'{"lemma": "loot", "pos": "VERB", "event": "PROTEST", "mode": "riot", "cameo": "145"}\n'
)


def test_a_parley_entry_shadows_cameos_for_the_same_word() -> None:
    cameo_only = layered_lexicon([(CAMEO_FILE, CAMEO)])
    assert cameo_only.match(FIRED_CHIEF[2]).cameo == "190"
    layered = layered_lexicon([(LEXICON_FILE, PARLEY), (CAMEO_FILE, CAMEO)])
    assert layered.match(FIRED_CHIEF[2]) is None  # Parley's 'fire' needs 'shot'
    assert layered.match(LOOTED[1]).cameo == "145"  # a word Parley lacks: CAMEO's entry


def test_an_analyst_entry_shadows_both_layers() -> None:
    analyst = (
        b'{"lemma": "loot", "pos": "VERB", "event": "COERCE", "cameo": "171", '
        b'"requires": ["bank"]}\n'
    )
    layered = layered_lexicon(
        [("mine/triggers.jsonl", analyst), (LEXICON_FILE, PARLEY), (CAMEO_FILE, CAMEO)]
    )
    assert layered.match(LOOTED[1]) is None  # only the analyst's 'loot', which needs 'bank'
    assert layered.match(FIRED_CHIEF[2]) is None  # Parley's 'fire' still shadows CAMEO's


def test_the_packaged_layers_keep_parleys_restrictions() -> None:
    lexicon = load_lexicon()
    assert lexicon.match(FIRED_CHIEF[2]) is None  # CAMEO codes a bare 'fire' as ASSAULT
    looted = lexicon.match(LOOTED[1])
    assert (looted.event, looted.cameo) == ("PROTEST", "145")


def test_the_hash_covers_every_layer() -> None:
    hashes = {
        layered_lexicon([(LEXICON_FILE, PARLEY), (CAMEO_FILE, cameo)]).content_hash
        for cameo in (CAMEO, CAMEO + b"\n", CAMEO.replace(b"145", b"1450"))
    }
    assert len(hashes) == 3


def test_the_converted_cameo_file_loads_and_names_its_source() -> None:
    data = resources.files("parley.data.dictionaries").joinpath("cameo", "triggers.jsonl")
    records = [json.loads(line) for line in data.read_text(encoding="utf-8").splitlines()]
    lexicon = layered_lexicon([(CAMEO_FILE, data.read_bytes())])  # validated as it loads
    assert len(lexicon.content_hash) == 64
    assert all(r["source"].startswith("CAMEO.2.0.txt:") for r in records)
    with pytest.raises(DictionaryError, match=r"x.jsonl:1: 'source' must be a string"):
        layered_lexicon(
            [("x.jsonl", b'{"lemma": "a", "pos": "VERB", "event": "AID", "source": 1}')]
        )


def test_an_entry_with_two_conditions_needs_both() -> None:
    line = {
        "lemma": "launch",
        "pos": "VERB",
        "event": "ASSAULT",
        "cameo": "195",
        "requires": ["drone"],
        "requires_also": ["at"],
    }
    lexicon = layered_lexicon([("t.jsonl", json.dumps(line).encode())])
    rows = [
        ("They", 1, "nsubj", "PRON", "they"),
        ("launched", 1, "ROOT", "VERB", "launch"),
        ("drones", 1, "dobj", "NOUN", "drone"),
        ("at", 1, "prep", "ADP", "at"),
        ("ships", 3, "pobj", "NOUN", "ship"),
    ]
    at_ships = _parse(rows)
    assert lexicon.match(at_ships[1]) is not None
    alone = _parse(rows[:3])
    assert lexicon.match(alone[1]) is None
    assert "at" in (lexicon.why_not(alone[1]) or "")


def _parse(rows: list[tuple[str, int, str, str, str]]) -> Doc:
    words, heads, deps, pos, lemmas = zip(*rows, strict=True)
    vocab = spacy.blank("en").vocab
    return Doc(vocab, words=words, heads=heads, deps=deps, pos=pos, lemmas=lemmas)
