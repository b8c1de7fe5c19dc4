"""Errors that reach a user as one clear line, never as a traceback.

Each kind has a stable `code` so scripts can tell them apart, and a message written for an
analyst, naming the file and line when there is one.
"""

from __future__ import annotations


class ParleyError(Exception):
    """Base of every error Parley raises on purpose."""

    code = "parley-error"

    def __init__(self, message: str) -> None:
        super().__init__(message)
        self.message = message

    def __str__(self) -> str:
        return self.message


class InputError(ParleyError):
    """A document or file that cannot be read as what it claims to be."""

    code = "bad-input"


class DictionaryError(ParleyError):
    """An analyst-editable data file (dictionary, lexicon) that does not validate."""

    code = "bad-dictionary"


class StoreError(ParleyError):
    """The DuckDB store cannot be opened or written."""

    code = "store"


class AnswerKeyError(ParleyError):
    """An answer key that does not follow ../shared/spec/SCORING.md."""

    code = "bad-answer-key"


class StoreLocked(StoreError):
    """The store file is held by another process (DuckDB lets one open it at a time);
    `pid` names that process when DuckDB says which it is."""

    code = "store-locked"

    def __init__(self, message: str, pid: int | None = None) -> None:
        super().__init__(message)
        self.pid = pid
