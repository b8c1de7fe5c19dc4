"""Restore the letter case of text whose case carries no information.

Newspaper archives and wire services often come all lower or all upper case
("SOLDIERS ATTACKED A POLICE STATION IN LIMA"). The English model reads names, tags and
sentence structure off capital letters, so without them it finds next to nothing. We
detect such stretches (the whole document, or runs of lines in a page that is otherwise
mixed: a caps headline, an all-caps wire body) and give them the case a newspaper would
have printed: sentence starts capitalised, names and acronyms as mixed-case news writes
them, everything else lower case.

Only letter case changes, character by character: the restored text has the length of
the original and every other character in place, so every offset computed on it (evidence,
entity spans) points into the original text too.

The casing statistics (`data/truecase/model.json.gz`) are built from mixed-case news and
Parley's name lists by `scripts/build_truecase_model.py`; see `data/truecase/README.md`.
"""

from __future__ import annotations

import copy
import gzip
import json
import math
import re
from collections.abc import Iterable, Iterator, Mapping, Set
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources
from typing import Protocol

from parley.nlp.layout import soft_breaks

# A word: letters and digits, with inner apostrophes ("don't", "russia's"); dotted
# abbreviations ("u.s.", "u.n.") are one word with their dots. Hyphens separate words.
_WORD = re.compile(r"(?:[^\W\d_]\.){2,}|[^\W_]+(?:['’][^\W_]+)*")
# Clitics written after an apostrophe: cased with nothing, the stem before them is the word.
_CLITICS = frozenset({"s", "m", "re", "ve", "ll", "d"})
# A sentence ends at . ! ? (and any closing quotes or brackets) before white space.
_SENTENCE_END = re.compile(r"[.!?][\"'”’)\]]*\s")
# A quotation introduced by a comma or colon is a sentence of its own ('said, "We will').
_QUOTATION = re.compile(r"[,:]\s+[\"“]")
# Abbreviations whose full stop does not end a sentence ("Gen. Smith", "Mr. Lee").
_ABBREVIATIONS = frozenset(
    {
        "mr", "mrs", "ms", "dr", "gen", "col", "lt", "sgt", "capt", "cpt", "gov", "sen",
        "rep", "st", "jr", "sr", "prof", "rev", "maj", "adm", "cmdr", "corp", "inc", "ltd",
        "co", "no", "vs", "etc", "jan", "feb", "mar", "apr", "aug", "sep", "sept", "oct",
        "nov", "dec", "pres", "ft", "mt",
    }
)  # fmt: skip
_VOWELS = frozenset("aeiouy")
# A whole document is caseless with at most this share of exceptions (lower-case letters
# in caps copy, mixed-case words in a lower-case archive).
_DOCUMENT_SHARE = 0.01
# In a mixed-case page, one line alone is caseless from this many words on ('BREAKING'
# or a lower-case URL is not worth re-casing; a caps headline or paragraph is).
_LINE_WORDS = {"upper": 3, "lower": 8}
# How much the context of a word (its neighbours, their case) weighs against how the word
# is usually written: smoothing counts for the conditional estimates.
_SMOOTHING = 2.0
# Decisions in context are revised while a neighbour's case changed, at most this often.
_PASSES = 3
FEATURES = ("prev", "next", "prev_shape", "next_shape")


@dataclass(frozen=True)
class Word:
    """A word of the text: its span and the part ('russia' of "russia's") that is cased."""

    start: int
    end: int
    stem_end: int

    def stem(self, text: str) -> str:
        return lower(text[self.start : self.stem_end])


def lower(text: str) -> str:
    """`text` in lower case, letter for letter ('İ' stays: its lower case is two letters)."""
    return "".join(c if len(c.lower()) != 1 else c.lower() for c in text)


def upper(text: str) -> str:
    """`text` in upper case, letter for letter ('ß' stays: its upper case is 'SS')."""
    return "".join(c if len(c.upper()) != 1 else c.upper() for c in text)


def capitalised(word: str) -> str:
    """`word` with its first letter upper case and the rest as they are."""
    return upper(word[:1]) + word[1:]


def words(text: str) -> list[Word]:
    """The words of `text`, with the stem before a clitic ("'s", "'ll") marked."""
    found = []
    for match in _WORD.finditer(text):
        start, end = match.span()
        stem_end = end
        apostrophe = max(text.rfind("'", start, end), text.rfind("’", start, end))
        if apostrophe > start and text[apostrophe + 1 : end].lower() in _CLITICS:
            stem_end = apostrophe
        found.append(Word(start, end, stem_end))
    return found


def _ends_sentence(text: str, dot: int) -> bool:
    """Whether the punctuation at `dot` closes a sentence: not the full stop of an
    abbreviation ('Gen.', 'Mr.') or of an initial ('George W. Bush')."""
    if text[dot] != ".":
        return True
    start = dot
    while start > 0 and (text[start - 1].isalpha() or text[start - 1] == "."):
        start -= 1
    token = text[start:dot].lower()
    # "u.s." ends a sentence less often than it stands before a noun ("U.S. troops")
    return not ("." in token or len(token) == 1 or token in _ABBREVIATIONS)


def sentence_starts(text: str) -> set[int]:
    """Offsets in `text` where a sentence may start: its beginning, after closing
    punctuation, at a quotation introduced by a comma or colon, and after every line break
    that does not only wrap a paragraph."""
    starts = {0}
    starts.update(m.end() for m in _SENTENCE_END.finditer(text) if _ends_sentence(text, m.start()))
    starts.update(m.end() for m in _QUOTATION.finditer(text))
    soft = soft_breaks(text)
    starts.update(i + 1 for i, c in enumerate(text) if c == "\n" and i not in soft)
    return starts


def first_words(text: str, found: list[Word]) -> set[int]:
    """Indices of the words of `found` that open a sentence."""
    starts = sorted(sentence_starts(text))
    firsts: set[int] = set()
    position = 0
    for index, word in enumerate(found):
        opened = False
        while position < len(starts) and starts[position] <= word.start:
            opened = True
            position += 1
        if opened or index == 0:
            firsts.add(index)
    return firsts


def _shape(form: str) -> str:
    """'low' for a lower-case form, 'cap' for any other."""
    return "cap" if any(c.isupper() for c in form) else "low"


def _suffix_stems(word: str) -> Iterator[str]:
    """Base forms an inflected or derived word may come from ('troops' → 'troop',
    'fired' → 'fire', 'bodies' → 'body'), for telling ordinary words from names."""
    for suffix, replacements in (
        ("ies", ("y",)),
        ("ied", ("y",)),
        ("ing", ("", "e")),
        ("ed", ("", "e")),
        ("es", ("",)),
        ("s", ("",)),
        ("ly", ("", "le")),
        ("er", ("", "e")),
        ("est", ("", "e")),
        ("ers", ("", "e")),
        ("ion", ("e", "")),
        ("ions", ("e", "")),
        ("ment", ("",)),
        ("men", ("man",)),
        ("ness", ("",)),
    ):
        if word.endswith(suffix) and len(word) > len(suffix) + 2:
            stem = word[: -len(suffix)]
            yield from (stem + r for r in replacements)
            if len(stem) > 2 and stem[-1] == stem[-2]:  # "stopped" → "stop"
                yield stem[:-1]


def in_vocabulary(word: str, vocabulary: Set[str]) -> bool:
    """Whether `word` or a base form it inflects is in `vocabulary`."""
    return word in vocabulary or any(s in vocabulary for s in _suffix_stems(word))


class WordCaser(Protocol):
    """Anything that cases the lower-case words of a stretch of text."""

    def case_words(self, stems: list[str], firsts: set[int]) -> list[str]: ...


class TrueCaser:
    """Chooses each word's case from how mixed-case news writes it and its context.

    For a word seen in mixed-case text, the forms it was written in ('may'/'May',
    'us'/'US') are weighed by how often each occurs, next to the words before and after
    it, and next to capitalised or lower-case neighbours (a title before a name: 'President
    Ramaphosa'); names of several words ('new york', 'boris johnson') come from the name
    lists whole. An unseen word is lower case when it is an English word or inflects one,
    an acronym when it has no vowel ('fmln'), and a name otherwise ('usulutan').
    """

    def __init__(self, model: Mapping) -> None:
        self._forms: dict[str, dict[str, float]] = model["forms"]
        self._context: dict[str, dict[str, dict[str, dict[str, float]]]] = model["context"]
        self._phrases: dict[str, str] = model["phrases"]
        self._english = frozenset(model["english"])
        self._longest_phrase = max((k.count(" ") + 1 for k in self._phrases), default=1)

    def knowing(self, words: Iterable[str]) -> TrueCaser:
        """This caser, also taking `words` for ordinary lower-case words when it never saw
        them in mixed-case news: the trigger lexicon's 'dharna', 'bandh', 'lathi' are no
        names, though a word unseen and un-English would be read as one."""
        caser = copy.copy(self)
        caser._english = self._english | {w.lower() for w in words}
        return caser

    def _unseen(self, word: str) -> str:
        if not word.isalpha() or in_vocabulary(word, self._english):
            return word
        if len(word) > 1 and not _VOWELS.intersection(word):
            return upper(word)
        return capitalised(word)

    def _likeliest(self, word: str) -> str:
        forms = self._forms.get(word)
        if not forms:
            return self._unseen(word)
        return max(forms, key=lambda f: (forms[f], f))

    def _in_context(self, word: str, features: tuple[str, str, str, str]) -> str:
        """The form with the highest naive-Bayes score given the previous word, the next
        word and their shapes: P(f) · Π P(f | feature) / P(f)."""
        forms = self._forms[word]
        context = self._context.get(word, {})
        total = sum(forms.values())
        best, best_score = word, -math.inf
        for form, count in forms.items():
            prior = count / total
            score = math.log(prior)
            for feature, value in zip(FEATURES, features, strict=True):
                seen = context.get(feature, {}).get(value, {})
                together = sum(seen.values())
                estimate = (seen.get(form, 0.0) + _SMOOTHING * prior) / (together + _SMOOTHING)
                score += math.log(estimate / prior)
            if score > best_score or (score == best_score and form < best):
                best, best_score = form, score
        return best

    def _phrase_forms(self, stems: list[str]) -> dict[int, str]:
        """Forms for the words that make up a known multi-word name, longest match first."""
        fixed: dict[int, str] = {}
        index = 0
        while index < len(stems):
            for length in range(min(self._longest_phrase, len(stems) - index), 1, -1):
                form = self._phrases.get(" ".join(stems[index : index + length]))
                if form is not None:
                    fixed.update(enumerate(form.split(" "), start=index))
                    index += length - 1
                    break
            index += 1
        return fixed

    def case_words(self, stems: list[str], firsts: set[int]) -> list[str]:
        """The cased form of each lower-case word of one stretch of text, in order, given
        the indices of the words that open a sentence (not yet capitalised here)."""
        fixed = self._phrase_forms(stems)
        chosen = [fixed.get(i) or self._likeliest(stem) for i, stem in enumerate(stems)]
        ambiguous = [
            i for i, s in enumerate(stems) if i not in fixed and len(self._forms.get(s, ())) > 1
        ]
        shapes = [_shape(form) for form in chosen]
        for _ in range(_PASSES):
            before = list(chosen)
            for i in ambiguous:  # left to right, each choice seen by the next word at once
                chosen[i] = self._in_context(stems[i], neighbours(stems, shapes, firsts, i))
                shapes[i] = _shape(chosen[i])
            if chosen == before:
                break
        return chosen


def neighbours(
    stems: list[str], shapes: list[str], firsts: set[int], i: int
) -> tuple[str, str, str, str]:
    """The context features of word `i`: the previous and next word (numbers as '<num>',
    '<s>' and '</s>' across a sentence boundary) and their shapes. A sentence opener's
    shape says nothing, so it counts as the boundary too."""

    def word(j: int) -> str:
        return "<num>" if any(c.isdigit() for c in stems[j]) else stems[j]

    opens, closes = i in firsts, i + 1 == len(stems) or i + 1 in firsts
    return (
        "<s>" if opens else word(i - 1),
        "</s>" if closes else word(i + 1),
        "<s>" if opens or i - 1 in firsts else shapes[i - 1],
        "</s>" if closes else shapes[i + 1],
    )


@lru_cache(maxsize=1)
def default_truecaser() -> TrueCaser:
    """The shipped model, loaded once per process (about a tenth of a second)."""
    data = resources.files("parley.data").joinpath("truecase", "model.json.gz").read_bytes()
    return TrueCaser(json.loads(gzip.decompress(data)))


def caseless(text: str, tolerance: float = 0.0) -> str | None:
    """'upper' or 'lower' when the case of `text` says nothing, else None.

    Upper: (nearly) no lower-case letter. Lower: mostly lower-case letters and (nearly) no
    word that mixes cases, which every cased sentence has ('Police', 'McCain'); words in
    capitals alone ('US' kept in a lower-case archive) do not make text cased. `tolerance`
    is the share of exceptions allowed.
    """
    upper = sum(1 for c in text if c.isupper())
    lower_ = sum(1 for c in text if c.islower())
    if not upper + lower_:
        return None
    if lower_ <= tolerance * (upper + lower_):
        return "upper"
    found = _WORD.findall(text)
    mixed = sum(1 for w in found if any(c.isupper() for c in w) and any(c.islower() for c in w))
    if lower_ > upper and mixed <= tolerance * len(found):
        return "lower"
    return None


def caseless_spans(text: str) -> list[tuple[int, int]]:
    """The stretches of `text` whose case carries no information: the whole text when
    (nearly) all of it is of one case, else each run of lines that are wholly upper case
    (three words or more) or wholly lower case (eight or more)."""
    if caseless(text, _DOCUMENT_SHARE):
        return [(0, len(text))]
    spans: list[tuple[int, int]] = []
    offset = 0
    for line in text.split("\n"):
        case = caseless(line)
        if case and len(_WORD.findall(line)) >= _LINE_WORDS[case]:
            if spans and spans[-1][1] + 1 == offset:
                spans[-1] = (spans[-1][0], offset + len(line))
            else:
                spans.append((offset, offset + len(line)))
        offset += len(line) + 1
    return spans


def _recase(segment: str, truecaser: WordCaser) -> str:
    """`segment` (caseless) with the case the model gives it; a word with a letter of the
    other case (an acronym left in a lower-case archive) keeps its own."""
    case = caseless(segment, _DOCUMENT_SHARE)
    other = str.islower if case == "upper" else str.isupper
    chars = list(segment)
    found = words(segment)
    firsts = first_words(segment, found)
    forms = truecaser.case_words([w.stem(segment) for w in found], firsts)
    for index, (word, form) in enumerate(zip(found, forms, strict=True)):
        written = segment[word.start : word.end]
        if any(other(c) for c in written):
            continue
        if index in firsts:
            form = capitalised(form)
        form = form + lower(segment[word.stem_end : word.end])
        for offset, (old, new) in enumerate(zip(written, form, strict=False)):
            if len(new) == 1 and old.lower() == new.lower():
                chars[word.start + offset] = new
    return "".join(chars)


def restore_case(text: str, truecaser: WordCaser | None = None) -> str:
    """`text` with the case of its caseless stretches restored; mixed-case text comes back
    as it is. Only letters change, one for one, so offsets into the result are offsets
    into `text`."""
    spans = caseless_spans(text)
    if not spans:
        return text
    truecaser = truecaser or default_truecaser()
    pieces, last = [], 0
    for start, end in spans:
        pieces += [text[last:start], _recase(text[start:end], truecaser)]
        last = end
    pieces.append(text[last:])
    return "".join(pieces)
