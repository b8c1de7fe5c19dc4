"""What a reader reports instead of a document, so one bad file never stops a batch."""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass

from parley.errors import InputError

_UNPRINTABLE = re.compile(r"[\x00-\x1f\x7f-\x9f\u2028\u2029]")


@dataclass(frozen=True)
class ReadProblem:
    """Why a file, or one line of a JSONL file, gave no document.

    `read_documents` yields these beside the documents it could read, so the caller can
    report every bad input in one run and still process the good ones.
    """

    path: str
    line: int | None
    reason: str

    def __str__(self) -> str:
        where = self.path if self.line is None else f"{self.path}:{self.line}"
        return printable(f"{where}: {self.reason}")


class UnreadableInput(InputError):
    """An `InputError` that keeps its `ReadProblem`, so a batch reader can yield it instead."""

    def __init__(self, problem: ReadProblem) -> None:
        super().__init__(str(problem))
        self.problem = problem


def unreadable(path: object, reason: str, line: int | None = None) -> UnreadableInput:
    """The error to raise when `path` (at `line`, if any) cannot become a document."""
    return UnreadableInput(ReadProblem(str(path), line, reason))


def printable(text: str) -> str:
    """`text` on one line whatever it holds: control characters (a newline in a file name)
    are written as escapes, as Python writes them in a string literal."""
    return _UNPRINTABLE.sub(lambda match: repr(match.group())[1:-1], text)


def invalid_unicode(fields: Mapping[str, str | None]) -> str | None:
    """Why strings that must become UTF-8 cannot, naming the first such field: a lone
    surrogate (JSON's "\\ud800" escapes one; it is no character and has no UTF-8), or None."""
    for name, value in fields.items():
        if value is None:
            continue
        try:
            value.encode("utf-8")
        except UnicodeEncodeError as err:
            code = ord(value[err.start])
            return f'not valid Unicode: "{name}" holds a lone surrogate (\\u{code:04x})'
    return None
