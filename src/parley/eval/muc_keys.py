"""The MUC-3/MUC-4 corpus (``../shared/corpus/muc34``): answer-key templates and their texts.

The raw key files are the only keys with the incident's location (the preprocessed
``processed_gtt`` copies drop it), so they are read here as the NIST distribution wrote
them: numbered slots ("3.  INCIDENT: LOCATION   EL SALVADOR: APOPA (CITY)"), further
fillers on indented lines, ``/`` between alternatives, ``?`` before a filler the annotator
was unsure of, ``-`` for an empty slot and ``*`` throughout a message that reports no
incident; several templates per message, some marked "(OPTIONAL)"; comments start with
``;``. Only the slots the MUC scorer (`parley.eval.muc`) reads are kept: type, stage and
location. A key that cannot be read raises :class:`parley.errors.AnswerKeyError` naming
the file and line, since a template read wrong would score silently wrong.
"""

from __future__ import annotations

import json
import re
from collections.abc import Collection, Iterator, Mapping, Sequence
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path

from parley.actors.dictionary import Dictionaries
from parley.errors import AnswerKeyError
from parley.models import Document

# Splits in the order of the distribution; tst3 and tst4 are the held-out test keys.
SPLITS: tuple[str, ...] = ("dev", "tst1", "tst2", "tst3", "tst4")
HELD_OUT: frozenset[str] = frozenset({"tst3", "tst4"})

INCIDENT_TYPES: frozenset[str] = frozenset(
    {"ATTACK", "BOMBING", "ARSON", "KIDNAPPING", "ROBBERY", "FORCED WORK STOPPAGE"}
)
STAGES: frozenset[str] = frozenset({"ACCOMPLISHED", "ATTEMPTED", "THREATENED"})

# Country names the keys misspell ("GUATAMALA"), to the spelling the dictionaries know.
KEY_MISSPELLINGS: dict[str, str] = {"GUATAMALA": "GUATEMALA"}

_KEYS_DIR = Path("raw") / "TASK" / "CORPORA"
_DOCUMENTS = "muc34_docs.jsonl"
_SLOT = re.compile(r"(\d+)\.\s+([A-Z]+(?: [A-Z]+)*: [A-Z]+(?: [A-Z]+)*)(?:\s{2,}(.*?))?\s*")
_TEMPLATE = re.compile(r"(\d+)(\s*\(OPTIONAL\))?")
_MONTHS = ("JAN", "FEB", "MAR", "APR", "MAY", "JUN", "JUL", "AUG", "SEP", "OCT", "NOV", "DEC")
# "3 JAN 90", "18 APRIL 89" or "JUNE 11 89" in the dateline, before its "--".
_DAY_MONTH_YEAR = re.compile(r"\b(\d{1,2}) ([A-Z]{3,9})\.? (\d{2})\b")
_MONTH_DAY_YEAR = re.compile(r"\b([A-Z]{3,9})\.? (\d{1,2}),? (\d{2})\b")


@dataclass(frozen=True)
class Incident:
    """One key template: what happened (alternatives kept) and the countries it happened in.

    `countries` holds the ISO alpha-3 code of each location alternative; it is empty only
    when the key gives no location ("-"), which the scorer reads as "anywhere".
    """

    message: str
    number: int
    optional: bool
    types: tuple[str, ...]
    stages: tuple[str, ...]
    location: str
    countries: frozenset[str]

    @property
    def type_label(self) -> str:
        """The type as the key writes it, alternatives included ("BOMBING / ATTACK")."""
        return " / ".join(self.types)

    @property
    def stage_label(self) -> str:
        """The stage as the key writes it; "-" when the key leaves it empty."""
        return " / ".join(self.stages) or "-"


@dataclass(frozen=True)
class MucMessage:
    """One message's key: its incidents, none for a message that reports none."""

    id: str
    split: str
    incidents: tuple[Incident, ...]


@dataclass
class _Block:
    """The slots of one template as written: slot name → fillers, one per line."""

    line: int
    slots: dict[str, list[str]] = field(default_factory=dict)


def country_codes(dictionaries: Dictionaries) -> dict[str, str]:
    """Upper-case country names → ISO alpha-3, from Parley's countries dictionary (so an
    analyst's `--dictionaries` applies), plus the keys' own misspellings."""
    codes = {n.upper(): c.code for c in dictionaries.countries for n in c.names}
    codes.update((typo, codes[name]) for typo, name in KEY_MISSPELLINGS.items() if name in codes)
    return codes


def parse_keys(
    text: str, split: str, countries: Mapping[str, str], source: str = "<keys>"
) -> list[MucMessage]:
    """Every message of one key file in order, its templates gathered under it."""
    incidents: dict[str, list[Incident]] = {}
    for block in _blocks(text, source):
        message = _message_id(block, source)
        found = incidents.setdefault(message, [])
        incident = _incident(block, message, countries, source)
        if incident is not None:
            found.append(incident)
    return [MucMessage(message, split, tuple(found)) for message, found in incidents.items()]


def load_keys(corpus: Path, split: str, countries: Mapping[str, str]) -> list[MucMessage]:
    """The keys of one split: every `key-*` file of its folder, in name order."""
    folder = corpus / _KEYS_DIR / split
    paths = sorted(folder.glob("key-*"))
    if not paths:
        raise AnswerKeyError(f"{folder}: no MUC key files (key-*) here")
    return [
        message
        for path in paths
        for message in parse_keys(
            path.read_text(encoding="latin-1"), split, countries, source=str(path)
        )
    ]


def load_corpus(
    corpus: Path, splits: Sequence[str], countries: Mapping[str, str]
) -> list[tuple[MucMessage, Document]]:
    """The keyed messages of `splits` with their texts, in key order. Every keyed message
    must have a text: one missing would drop its incidents from the count unseen."""
    messages = [message for split in splits for message in load_keys(corpus, split, countries)]
    documents = load_documents(corpus / _DOCUMENTS, {message.id for message in messages})
    missing = [message.id for message in messages if message.id not in documents]
    if missing:
        raise AnswerKeyError(f"{corpus / _DOCUMENTS}: no text for {', '.join(missing[:5])}")
    return [(message, documents[message.id]) for message in messages]


def load_documents(path: Path, ids: Collection[str]) -> dict[str, Document]:
    """The texts of the messages `ids` as Parley documents, published on their dateline's
    date (`date_iso`, else the date read from the dateline itself; none for "NO DATE")."""
    try:
        lines = path.read_text(encoding="utf-8").splitlines()
    except OSError as exc:
        raise AnswerKeyError(f"{path}: cannot read: {exc.strerror or exc}") from None
    documents = {}
    for number, line in enumerate(lines, start=1):
        if not line.strip():
            continue
        try:
            record = json.loads(line)
            docid, text, iso = record["docid"], record["text"], record.get("date_iso")
        except (json.JSONDecodeError, KeyError, TypeError):
            raise AnswerKeyError(f"{path}:{number}: not a MUC document record") from None
        if docid in ids:
            published = date.fromisoformat(iso) if iso else dateline_date(text)
            source = "dateline" if published else None
            documents[docid] = Document(
                id=docid, text=text, published=published, published_source=source
            )
    return documents


def dateline_date(text: str) -> date | None:
    """The date of a MUC dateline ("SAN SALVADOR, 3 JAN 90 -- ..."), if it has a full one."""
    head = text.split("--", 1)[0]
    for pattern, day_group, month_group in ((_DAY_MONTH_YEAR, 1, 2), (_MONTH_DAY_YEAR, 2, 1)):
        for match in pattern.finditer(head):
            month = match.group(month_group)[:3]
            if month in _MONTHS:
                day, year = int(match.group(day_group)), 1900 + int(match.group(3))
                try:
                    return date(year, _MONTHS.index(month) + 1, day)
                except ValueError:
                    return None
    return None


def _blocks(text: str, source: str) -> Iterator[_Block]:
    """Templates as slot → fillers; a block starts at each "MESSAGE: ID" slot."""
    block: _Block | None = None
    last: str | None = None
    for number, raw in enumerate(text.splitlines(), start=1):
        line = raw.rstrip()
        if not line.strip() or line.lstrip().startswith(";"):
            continue
        slot = _SLOT.fullmatch(line.strip()) if not line[0].isspace() else None
        if slot is not None:
            last = slot.group(2)
            if last == "MESSAGE: ID":
                if block is not None:
                    yield block
                block = _Block(number)
            elif block is None:
                raise AnswerKeyError(f"{source}:{number}: slot before any MESSAGE: ID")
            block.slots[last] = [slot.group(3) or ""]
        elif line[0].isspace() and block is not None and last is not None:
            block.slots[last].append(line.strip())
        else:
            raise AnswerKeyError(f"{source}:{number}: not a key slot: {line.strip()[:60]!r}")
    if block is not None:
        yield block


def _message_id(block: _Block, source: str) -> str:
    """ "DEV-MUC3-0001 (NCCOSC)" is message DEV-MUC3-0001."""
    words = block.slots["MESSAGE: ID"][0].split()
    if not words:
        raise AnswerKeyError(f"{source}:{block.line}: MESSAGE: ID is empty")
    return words[0]


def _slot(block: _Block, name: str, source: str) -> list[str]:
    """The non-empty fillers of a slot; "-" (empty) gives none."""
    if name not in block.slots:
        raise AnswerKeyError(f"{source}:{block.line}: template without {name}")
    return [filler for filler in block.slots[name] if filler not in ("", "-")]


def _incident(
    block: _Block, message: str, countries: Mapping[str, str], source: str
) -> Incident | None:
    """The template's incident, or None for the "*" block of a message without one."""
    template = _slot(block, "MESSAGE: TEMPLATE", source)
    if template == ["*"]:
        return None
    numbered = _TEMPLATE.fullmatch(template[0]) if len(template) == 1 else None
    if numbered is None:
        raise AnswerKeyError(f"{source}:{block.line}: MESSAGE: TEMPLATE is not a number")
    where = f"{source}:{block.line} ({message} template {numbered.group(1)})"
    types = _choices(_slot(block, "INCIDENT: TYPE", source), INCIDENT_TYPES, "type", where)
    stages = _choices(_slot(block, "INCIDENT: STAGE OF EXECUTION", source), STAGES, "stage", where)
    if not types:
        raise AnswerKeyError(f"{where}: no INCIDENT: TYPE")
    location = " / ".join(_slot(block, "INCIDENT: LOCATION", source))
    return Incident(
        message=message,
        number=int(numbered.group(1)),
        optional=numbered.group(2) is not None,
        types=types,
        stages=stages,
        location=location,
        countries=_countries(location, countries, where),
    )


def _choices(fillers: list[str], known: frozenset[str], what: str, where: str) -> tuple[str, ...]:
    """Set-list fillers with their alternatives ("ACCOMPLISHED / ATTEMPTED"), each checked."""
    values = [_unsure(value) for filler in fillers for value in filler.split("/")]
    unknown = [value for value in values if value not in known]
    if unknown:
        raise AnswerKeyError(f"{where}: unknown incident {what} {unknown[0]!r}")
    return tuple(dict.fromkeys(values))


def _unsure(filler: str) -> str:
    """A filler without the "?" that marks the annotator's doubt."""
    return filler.strip().lstrip("?").strip()


def _countries(location: str, countries: Mapping[str, str], where: str) -> frozenset[str]:
    """ISO codes of the location's alternatives: the name before the first ":" of each
    ("EL SALVADOR: SAN SALVADOR (CITY)"). An alternative whose first name is no country
    ("SAN SALVADOR: MORAZAN (DEPARTMENT)" beside "EL SALVADOR: MORAZAN ...") is a slip of
    the key and dropped; a location none of whose alternatives is a country is an error."""
    if not location:
        return frozenset()
    names = [_country_name(alternative) for alternative in _alternatives(location)]
    codes = frozenset(countries[name] for name in names if name in countries)
    if not codes:
        raise AnswerKeyError(f"{where}: no known country in INCIDENT: LOCATION {location!r}")
    return codes


def _alternatives(location: str) -> list[str]:
    """Split at the "/" outside parentheses, so "USULUTAN (CITY / DEPARTMENT)" stays whole."""
    parts, depth, start = [], 0, 0
    for index, char in enumerate(location):
        depth += {"(": 1, ")": -1}.get(char, 0)
        if char == "/" and depth == 0:
            parts.append(location[start:index])
            start = index + 1
    parts.append(location[start:])
    return [_unwrapped(part.strip()) for part in parts if part.strip()]


def _unwrapped(alternative: str) -> str:
    """ "(EL SALVADOR: SAN SALVADOR (CITY))" without the parentheses around all of it."""
    if alternative.startswith("(") and alternative.endswith(")"):
        depth = 0
        for index, char in enumerate(alternative):
            depth += {"(": 1, ")": -1}.get(char, 0)
            if depth == 0:
                return alternative[1:-1].strip() if index == len(alternative) - 1 else alternative
    return alternative


def _country_name(alternative: str) -> str:
    return _unsure(alternative.split(":", 1)[0].split("(", 1)[0])
