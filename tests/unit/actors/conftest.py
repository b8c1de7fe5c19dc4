"""Parses written out by hand, so each actor rule is tested on the exact parse it reads,
without the model (and its guesses) in the way.

A parse is a table, one token a line: `word head dep pos tag lemma`, the head as the
token's index in the document (a root is its own head); `_` leaves a tag empty and makes
the lemma the lower-cased word; the word `\\n` is a line break. Tests reach the builders
through fixtures rather than imports, so no test module depends on this file's place on
sys.path.
"""

from __future__ import annotations

from collections.abc import Callable

import pytest
import spacy
from spacy.tokens import Doc

from parley.actors.mentions import Mention
from parley.models import Entity

Parse = Callable[[str], Doc]
MakeMention = Callable[..., Mention]


@pytest.fixture(scope="session")
def parse() -> Parse:
    vocab = spacy.blank("en").vocab  # English lexical attributes: quotation marks and case

    def build(table: str) -> Doc:
        rows = [line.split() for line in table.splitlines() if line.strip()]
        assert all(len(row) == 6 for row in rows), "word head dep pos tag lemma"
        words = ["\n" if row[0] == "\\n" else row[0] for row in rows]
        lemmas = [w.lower() if r[5] == "_" else r[5] for w, r in zip(words, rows, strict=True)]
        return Doc(
            vocab,
            words=words,
            heads=[int(row[1]) for row in rows],
            deps=[row[2] for row in rows],
            pos=[row[3] for row in rows],
            tags=["" if row[4] == "_" else row[4] for row in rows],
            lemmas=lemmas,
        )

    return build


@pytest.fixture(scope="session")
def mention() -> MakeMention:
    def make(doc: Doc, start: int, end: int, via: str = "name", **entity: str) -> Mention:
        """A mention of `doc[start:end]` standing for the entity `entity` describes."""
        span = doc[start:end]
        found = Entity(text=span.text, start=span.start_char, end=span.end_char, **entity)
        return Mention(start, end, found, via)

    return make
