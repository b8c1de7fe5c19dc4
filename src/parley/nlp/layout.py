"""How plain text is laid out in lines: where a line break ends a unit and where it only
wraps a paragraph."""

from __future__ import annotations

# What a line that ends a sentence, a heading's subtitle or a quotation ends with.
_TERMINAL = frozenset(".!?:;\"'”’)")
# Lines at least this long that run on into the next without closing punctuation are a
# hard-wrapped paragraph (wire copy, e-mail); shorter ones are headlines, bylines, lists.
_WRAP_WIDTH = 40


def _runs_on(line: str) -> bool:
    stripped = line.rstrip()
    return bool(stripped) and stripped[-1] not in _TERMINAL


def soft_breaks(text: str) -> set[int]:
    """Offsets of the line breaks in `text` that only wrap a paragraph.

    News pages put headlines, bylines and paragraphs on lines of their own, and there a
    line break is a boundary. Wire copy is hard-wrapped at about 70 characters: when most
    lines that have a next line run on into it, a break after a line that runs on is soft,
    and the sentence goes on across it; a blank line still ends a paragraph.
    """
    lines = text.split("\n")
    joined = [
        i for i, (line, following) in enumerate(zip(lines, lines[1:], strict=False))
        if line.strip() and following.strip()
    ]  # fmt: skip
    running = [i for i in joined if len(lines[i]) >= _WRAP_WIDTH and _runs_on(lines[i])]
    if len(running) < 2 or len(running) * 2 < len(joined):
        return set()
    ends = []
    offset = -1
    for line in lines[:-1]:
        offset += len(line) + 1
        ends.append(offset)
    return {ends[i] for i in joined if _runs_on(lines[i])}


def unwrap(text: str) -> str:
    """`text` with its soft line breaks made spaces, so that the parser reads a wrapped
    sentence as one ('the\\npeace process' inside a sentence is no boundary, and no odd
    whitespace token either). Same length: offsets hold."""
    soft = soft_breaks(text)
    if not soft:
        return text
    return "".join(" " if i in soft else c for i, c in enumerate(text))
