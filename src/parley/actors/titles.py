"""Recognise roles ("First Vice Foreign Minister", "chief constable") and the sector they give."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from parley.actors.dictionary import TitleRecord


@dataclass(frozen=True)
class TitleMatch:
    """A role found in a run of words, by word index into that run."""

    start: int
    end: int
    record: TitleRecord


class TitleLexicon:
    """Longest-match lookup of titles over lower-cased word sequences."""

    def __init__(self, titles: Sequence[TitleRecord]) -> None:
        self._phrases: dict[tuple[str, ...], TitleRecord] = {}
        for record in titles:
            for phrase in (record.title, *record.variants):
                self._phrases.setdefault(tuple(_words(phrase)), record)
        self._longest = max((len(p) for p in self._phrases), default=0)
        self.words = frozenset(w for phrase in self._phrases for w in phrase)

    def find(self, words: Sequence[str]) -> TitleMatch | None:
        """The rightmost longest title: in 'US Deputy Secretary of State' the role is the
        whole 'deputy secretary of state', not 'deputy'."""
        lowered = [w.lower() for w in words]
        best: TitleMatch | None = None
        for start in range(len(lowered)):
            for size in range(min(self._longest, len(lowered) - start), 0, -1):
                record = self._phrases.get(tuple(lowered[start : start + size]))
                if record is None:
                    continue
                candidate = TitleMatch(start, start + size, record)
                if best is None or _better(candidate, best):
                    best = candidate
                break
        return best

    def record_for(self, word: str, modifiers: Sequence[str] = ()) -> TitleRecord | None:
        """The role a head noun names ('envoys', 'police'), singular or plural, with as
        many of its modifiers as make a title ('a regional peacekeeping force')."""
        lowered = word.lower()
        words = [m.lower() for m in modifiers]
        for size in range(len(words), -1, -1):
            before = tuple(words[len(words) - size :])
            for form in (lowered, lowered.removesuffix("s"), lowered.removesuffix("es")):
                record = self._phrases.get((*before, form))
                if record is not None:
                    return record
        return None


def _better(candidate: TitleMatch, best: TitleMatch) -> bool:
    """Prefer longer titles; among equals the one nearest the name (rightmost)."""
    candidate_size = candidate.end - candidate.start
    best_size = best.end - best.start
    if candidate_size != best_size:
        return candidate_size > best_size
    return candidate.start > best.start


def _words(phrase: str) -> list[str]:
    return phrase.lower().replace("-", " - ").split()
