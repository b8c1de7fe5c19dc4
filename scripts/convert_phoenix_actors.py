"""Convert the Phoenix (PETRARCH2) actor and agent dictionaries into Parley's dictionary files.

    .venv/bin/python scripts/convert_phoenix_actors.py \
        [--source ../shared/third-party/petrarch2] [--output src/parley/data/dictionaries/phoenix]

Reads `Phoenix.Countries.actors.txt`, `Phoenix.International.actors.txt`,
`Phoenix.MilNonState.actors.txt` and `Phoenix.agents.txt` (format: `dictionaries.rst` beside
them) and writes `people.jsonl`, `organizations.jsonl` and `titles.jsonl` in Parley's schemas
(`src/parley/data/dictionaries/README.md`), plus the source's `LICENSE`. The output is
deterministic: running it twice on the same source gives the same bytes.

What is converted, what is left out and why is in the output folder's `README.md`; every
filter below says its reason where it is defined.
"""

from __future__ import annotations

import argparse
import json
import re
import shutil
import sys
from collections import Counter
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from typing import Any

from parley.actors.dictionary import CONVERTED_DIR, SECTORS, load_dictionaries

REPO = Path(__file__).resolve().parent.parent
DICTIONARIES = REPO / "src" / "parley" / "data" / "dictionaries"
SOURCE_FILES = {
    "countries": "Phoenix.Countries.actors.txt",
    "international": "Phoenix.International.actors.txt",
    "groups": "Phoenix.MilNonState.actors.txt",
    "agents": "Phoenix.agents.txt",
}

# --- CAMEO codes -------------------------------------------------------------------------

# CAMEO state codes that are not the ISO alpha-3 code of the same state. Historical states
# (USR, DDR, CSK, YUG, SCG) and territories Parley does not list are left unmapped, so
# people coded with them are left out rather than given a successor state.
CAMEO_STATES = {"TMP": "TLS", "KSV": "XKX"}

# CAMEO role codes that differ from Parley's sector of the same meaning; every other code
# that is one of Parley's sectors (GOV MIL REB OPP JUD LEG COP BUS MED ELI ...) is itself.
CAMEO_SECTORS = {"INS": "REB", "HRI": "NGO", "MNC": "BUS", "NGM": "NGO", "IGO": "IGO"}

# CAMEO's three-letter codes of international bodies (the chunks after IGO, read from the
# most specific), for bodies Parley already has an id for: converted people of these bodies
# get Parley's id, and no second record is made for the body.
CAMEO_BODIES = {
    "UNO": "UN", "WHO": "WHO", "IAE": "IAEA", "ICJ": "ICJ", "KID": "UNICEF", "ILO": "ILO",
    "HCR": "UNHCR", "HCH": "OHCHR", "WFP": "WFP", "WBK": "WORLDBANK", "FAO": "FAO",
    "AIE": "IEA", "IMF": "IMF", "WTO": "WTO", "OPC": "OPEC", "NAT": "NATO", "EEC": "EU",
    "COE": "COUNCILOFEUROPE", "SCE": "OSCE", "AFU": "AU", "OAU": "AU", "AFB": "AFDB",
    "ADB": "ADB", "IAD": "IGAD", "EAC": "EAC", "SAD": "SADC", "WAS": "ECOWAS", "ASN": "ASEAN",
    "ARL": "ARABLEAGUE", "GCC": "GCC", "OIC": "OIC", "OAS": "OAS", "NON": "NAM", "CIS": "CIS",
    "CRB": "CARICOM", "CWN": "COMMONWEALTH", "ITP": "INTERPOL", "ICC": "ICC", "GOE": "G8",
    "GOS": "G7",
}  # fmt: skip

# CAMEO's codes of armed groups Parley already has an id for (PSEREBHMS is Hamas), and of
# international militarised groups (IMGMUSALQ is al-Qaeda).
CAMEO_GROUPS = {"HMS": "HAMAS", "ALQ": "ALQAEDA", "ISI": "ISIS", "ASF": "ABUSAYYAF",
                "JMA": "JEMAAHISLAMIYAH"}  # fmt: skip

# --- names -------------------------------------------------------------------------------

# Words that never occur in a person's name in news English: they mark an institution or
# a phrase ("UNITED_STATES_CONGRESS", "FOREIGN_MINISTER_ABDULLAH", "SECRETARY_GENERAL_OF
# _THE_UN"). Title and agent words are added from the dictionaries themselves.
FUNCTION_WORDS = frozenset({
    "of", "the", "for", "and", "in", "on", "to", "at", "by", "with", "from", "against",
    "without", "under", "over", "a", "an", "or",
})  # fmt: skip
# Lower-case particles inside a name ("Javier Pérez de Cuéllar", "Osama bin Laden").
PARTICLES = frozenset({
    "al", "el", "bin", "ibn", "bint", "de", "da", "do", "dos", "das", "di", "del", "della",
    "der", "den", "van", "von", "la", "le", "du", "y", "e", "ul", "ud",
})  # fmt: skip
# A name whose every word is a name part this many distinct Phoenix people share (ABDUL,
# ALI, MOHAMMAD, JOHN...) names too many people: "Abdul Ali" is left out, "Ali Ahmad
# Jalali" kept. Chosen on the data: at 8, 'Mohammed Ali', 'Ahmed Hassan', 'Abdul Rahim',
# 'John Williams' go while rarer pairs stay.
COMMON_PART = 8
# Agents this long or longer are phrases ("MINISTRY FOR ANIMAL RESOURCES"), not role nouns.
MAX_AGENT_WORDS = 3
# Endings of nouns for people ('protester', 'militant', 'jihadist', 'gunman', 'refugee'):
# an agent whose head noun has none is a place, body or thing ('village', 'hospital',
# 'warplane'), which as a title would make 'a village in Cambodia' an actor of the story's
# main state.
PERSON_ENDINGS = ("er", "or", "ist", "ian", "ant", "ent", "man", "men", "ee", "ier", "ess",
                  "ite", "ic", "ive")  # fmt: skip
# Agent nouns that are also given names in English news ('Hunter Biden', 'Fisher Ames'): a
# title word that starts a name is read as the title, so they would cut the name short.
GIVEN_NAME_NOUNS = frozenset({
    "hunter", "fisher", "mason", "chase", "archer", "cooper",
    "porter", "tanner", "walker", "parker", "carter", "taylor",
})  # fmt: skip
# Stems the agents file still has (its header: "a few stems remain", e.g. "MINISTR"): an
# agent word starting with one of these that is not a whole word is left out.
STEMS = ("minist",)
WHOLE_WORDS = frozenset({"minister", "ministers", "ministry", "ministries"})


@dataclass(frozen=True)
class Restriction:
    """One code of an actor, with the days it applies (`dated` False: the default code).
    `code` None is CAMEO's null code `---` (the actor codes as nothing then)."""

    code: str | None
    start: date | None = None
    end: date | None = None
    dated: bool = False


@dataclass
class Block:
    """One actor of an actor dictionary: its phrases (primary first) and its codes."""

    phrases: list[str]
    restrictions: list[Restriction] = field(default_factory=list)
    note: str = ""  # the primary line's comment: 'CountryInfo.txt' marks a ruler or minister


@dataclass(frozen=True)
class Code:
    """What a CAMEO code says: a state or a body, and a sector (None where it gives none)."""

    country: str | None = None
    org: str | None = None
    sector: str | None = None


@dataclass(frozen=True)
class Agent:
    """One agent line: its word forms (singular first, then plurals) and its sector."""

    forms: tuple[str, ...]
    sector: str


# --- reading the Phoenix formats ---------------------------------------------------------


def parse_day(text: str) -> date | None:
    """A Phoenix date: YYYYMMDD, or YYMMDD with 00-30 read as 20YY (the KEDS/TABARI rule).
    Anything else (a seven-digit slip like '2004017') is None, and its restriction skipped."""
    if not text.isdigit() or len(text) not in (6, 8):
        return None
    if len(text) == 6:
        century = 2000 if int(text[:2]) <= 30 else 1900
        text = f"{century + int(text[:2])}{text[2:]}"
    try:
        return date(int(text[:4]), int(text[4:6]), int(text[6:8]))
    except ValueError:
        return None


def parse_restriction(text: str) -> Restriction | None:
    """The inside of one `[...]`: 'CODE', 'CODE >date', 'CODE <date' or 'CODE date-date'.
    None when the dates cannot be read (PETRARCH skips such a line too)."""
    code, _, rest = text.strip().partition(" ")
    code = None if code.strip("-") == "" else code
    rest = rest.replace(" ", "")
    if not rest:
        return Restriction(code)
    if rest[0] in "<>":
        day = parse_day(rest[1:])
        if day is None:
            return None
        return Restriction(
            code, day if rest[0] == ">" else None, day if rest[0] == "<" else None, True
        )
    first, dash, last = rest.partition("-")
    start, end = parse_day(first), parse_day(last)
    if not dash or start is None or end is None or end < start:
        return None
    return Restriction(code, start, end, True)


def _restrictions(line: str) -> list[Restriction]:
    found = (parse_restriction(inside) for inside in re.findall(r"\[([^\]]*)\]", line))
    return [r for r in found if r is not None]


def _strip_comment(line: str) -> str:
    return line.split("#", 1)[0].split(";", 1)[0].rstrip()


def read_actor_blocks(text: str) -> list[Block]:
    """The actors of an actor dictionary. A primary phrase starts an actor; '+' lines add
    synonyms; indented '[...]' lines add codes. A primary phrase with no code of its own that
    follows one that has none yet joins it (PETRARCH's reading: both take the codes below)."""
    blocks: list[Block] = []
    for raw in text.splitlines():
        if not raw.strip() or raw.lstrip().startswith(("#", "<")):
            continue
        line = _strip_comment(raw)
        if not line.strip():
            continue
        if raw[0] in " \t":
            if blocks:
                blocks[-1].restrictions += _restrictions(line)
            continue
        if raw[0] == "+":
            if blocks:
                blocks[-1].phrases.append(line[1:].strip())
            continue
        phrase = line.split("[", 1)[0].strip()
        codes = _restrictions(line)
        if blocks and not blocks[-1].restrictions and not codes:
            blocks[-1].phrases.append(phrase)
            continue
        blocks.append(Block([phrase], codes, raw.partition("#")[2].strip()))
    return [b for b in blocks if b.restrictions]


def phrase_words(phrase: str) -> list[str]:
    """The words of a phrase string ('HAMID_KARZAI_', 'UNITED_NATIONS COMMISSION_FOR')."""
    return [w for w in re.split(r"[_\s]+", phrase) if w]


def read_code(code: str | None, states: frozenset[str]) -> Code:
    """A CAMEO actor code read into Parley's terms: 'AFGGOVAGR' is Afghanistan, GOV;
    'IGOUNOHLHWHO' the WHO, IGO; 'PSEREBHMS' Hamas, REB; 'ELI' only a sector."""
    if not code:
        return Code()
    chunks = [code[i : i + 3] for i in range(0, len(code), 3)]
    first, rest = chunks[0], chunks[1:]
    state = CAMEO_STATES.get(first, first if first in states else None)
    group = next((CAMEO_GROUPS[c] for c in reversed(chunks) if c in CAMEO_GROUPS), None)
    if first == "IGO":
        body = next((CAMEO_BODIES[c] for c in reversed(rest) if c in CAMEO_BODIES), None)
        return Code(org=body, sector="IGO")
    if group is not None:
        return Code(org=group, sector="REB")
    sector = _sector(rest[0]) if rest else None
    if state is None:
        return Code(sector=_sector(first))
    return Code(country=state, sector=sector)


def _sector(chunk: str) -> str | None:
    sector = CAMEO_SECTORS.get(chunk, chunk)
    return sector if sector in SECTORS else None


def read_agents(text: str) -> list[tuple[list[str], list[str] | None, str]]:
    """Agent lines as (words of the phrase, plural forms or None for the regular ones, code).
    Substitution markers (`!PERSON! = MAN, MEN, ...`) are expanded; a phrase joined by
    blanks (words may come between) is skipped, because Parley's titles are exact phrases."""
    markers: dict[str, list[str]] = {}
    found: list[tuple[list[str], list[str] | None, str]] = []
    for raw in text.splitlines():
        line = _strip_comment(raw).strip()
        if "=" in line and line.startswith("!"):
            name, _, values = line.partition("=")
            markers[name.strip()] = [v.strip() for v in values.split(",") if v.strip()]
            continue
        match = re.fullmatch(r"([^\[{]+?)\s*(?:\{([^}]*)\})?\s*\[([^\]]+)\]", line)
        if match is None:
            continue
        phrase, plural, code = match.groups()
        if " " in phrase.strip():
            continue
        for expanded in _expand(phrase.strip(), markers):
            plurals = None if plural is None else [p for p in plural.split() if p]
            found.append((phrase_words(expanded), plurals if "!" not in phrase else [], code))
    return found


def _expand(phrase: str, markers: dict[str, list[str]]) -> Iterator[str]:
    marker = re.search(r"![A-Z]+!", phrase)
    if marker is None:
        yield phrase
        return
    for value in markers.get(marker.group(), []):
        yield from _expand(phrase.replace(marker.group(), value, 1), markers)


def plural(word: str) -> str:
    """The regular plural PETRARCH generates: +S, Y → IES, SS → ES; a word the source
    already gives in the plural ('ARMED_PATROLS', 'GUNMEN') stays as it is."""
    if (word.endswith("s") and not word.endswith("ss")) or word.endswith("men"):
        return word
    if word.endswith("man"):  # airman, policeman
        return word[:-3] + "men"
    if word.endswith("y") and not word.endswith(("ay", "ey", "oy", "uy")):
        return word[:-1] + "ies"
    if word.endswith(("ss", "sh", "ch", "x")):
        return word + "es"
    return word + "s"


# --- names -------------------------------------------------------------------------------


def display_name(words: Iterable[str]) -> str:
    """Upper-case Phoenix words as news writes them: 'MUHAMMAD_AL-BARADEI' → 'Muhammad
    al-Baradei', 'JOHN_MCCAIN' → 'John McCain', 'MIGUEL_D'ESCOTO' → "Miguel d'Escoto"."""
    out = []
    for index, word in enumerate(words):
        parts = [_cased(p, first=index == 0 and n == 0) for n, p in enumerate(word.split("-"))]
        out.append("-".join(parts))
    return " ".join(out)


def _cased(part: str, first: bool) -> str:
    lower = part.lower()
    if not first and lower in PARTICLES:
        return lower
    if "'" in lower:
        head, _, tail = lower.partition("'")
        if len(head) == 1 and tail:  # O'Brien, D'Escoto
            return head.upper() + "'" + tail.capitalize()
        return lower.capitalize()
    if lower.startswith("mc") and len(lower) > 3:
        return "Mc" + lower[2:].capitalize()
    if "." in lower:  # initials: 'J.', 'R.K.'
        return lower.upper()
    return lower.capitalize()


def is_name_word(word: str) -> bool:
    """Letters, with an inner hyphen, apostrophe or initial's full stop."""
    return re.fullmatch(r"[A-ZÀ-Þ][A-ZÀ-Þ'.-]*", word) is not None and not word.endswith("-")


def person_words(
    phrase: str, title_words: frozenset[str], non_name: frozenset[str]
) -> list[str] | None:
    """The words of a person's full name, or None when the phrase is not one: leading title
    words go ('SECRETARY-GENERAL_BAN_KI-MOON' is Ban Ki-moon); what is left must be two or
    more name words, none of them a title, agent or function word."""
    words = phrase_words(phrase)
    while words and words[0].lower() in title_words:
        words = words[1:]
    if len(words) < 2 or not all(is_name_word(w) for w in words):
        return None
    if any(w.lower() in non_name for w in words):
        return None
    return words


# --- people ------------------------------------------------------------------------------


@dataclass
class PersonDraft:
    """A person being gathered from one or more Phoenix actors of the same name."""

    words: tuple[str, ...]
    default: Code | None = None
    roles: list[tuple[Code, date | None, date | None]] = field(default_factory=list)
    conflicting: bool = False
    aliases: set[tuple[str, ...]] = field(default_factory=set)


def person_affiliation(block: Block, states: frozenset[str], group: Code | None) -> PersonDraft:
    """A block's codes as a person's default and dated roles. A person listed with an armed
    group (`group`: Khaled Meshaal under HAMAS) serves the group, on the group's dates."""
    draft = PersonDraft(())
    for restriction in block.restrictions:
        code = group or read_code(restriction.code, states)
        usable = code.sector is not None and (code.country or code.org)
        if not restriction.dated:
            draft.default = code if usable else None
        elif usable:
            draft.roles.append((code, restriction.start, restriction.end))
    return draft


def merge_person(into: PersonDraft, other: PersonDraft) -> None:
    """Two actors of one name are one person when they agree; two defaults that differ, or
    two roles that overlap in time for different states or bodies, are namesakes, and the
    name is left out (which of them a text means cannot be told)."""
    if into.default and other.default and into.default != other.default:
        into.conflicting = True
    into.default = into.default or other.default
    for role in other.roles:
        for known in into.roles:
            same_side = (known[0].country, known[0].org) == (role[0].country, role[0].org)
            if not same_side and _overlap(known, role):
                into.conflicting = True
        if role not in into.roles:
            into.roles.append(role)


def _overlap(
    a: tuple[Code, date | None, date | None], b: tuple[Code, date | None, date | None]
) -> bool:
    return (a[1] or date.min) <= (b[2] or date.max) and (b[1] or date.min) <= (a[2] or date.max)


def person_record(draft: PersonDraft) -> dict[str, Any] | None:
    """Parley's people.jsonl record, or None when the draft serves no one."""
    if draft.conflicting or (draft.default is None and not draft.roles):
        return None
    record: dict[str, Any] = {"name": display_name(draft.words)}
    aliases = sorted(display_name(a) for a in draft.aliases if a != draft.words)
    if aliases:
        record["aliases"] = aliases
    if draft.default is not None:
        record |= _side(draft.default)
        record["sector"] = draft.default.sector
    roles = []
    for code, start, end in sorted(draft.roles, key=lambda r: (r[1] or date.min, r[2] or date.max)):
        role: dict[str, Any] = {"from": _iso(start), "to": _iso(end)} | _side(code)
        role["sector"] = code.sector
        roles.append(role)
    if roles:
        record["roles"] = roles
    return record


def _side(code: Code) -> dict[str, str]:
    return {"country": code.country} if code.country else {"org": code.org} if code.org else {}


def _iso(day: date | None) -> str | None:
    return day.isoformat() if day else None


def common_parts(names: Iterable[tuple[str, ...]]) -> frozenset[str]:
    """Name words shared by at least COMMON_PART distinct names."""
    counts = Counter(w for name in set(names) for w in set(name) if w.lower() not in PARTICLES)
    return frozenset(w for w, n in counts.items() if n >= COMMON_PART)


# --- organisations -----------------------------------------------------------------------


def org_id(names: list[str], abbreviations: list[str]) -> str:
    """Parley's id style: the abbreviation ('DFLP'), else the name's letters run together
    ('ANARCHISTFACTION')."""
    source = abbreviations[0] if abbreviations else names[0]
    letters = re.sub(r"[^A-Z0-9]", "", source.upper())
    return letters if letters[:1].isalpha() else "X" + letters


def split_abbreviation(words: list[str]) -> tuple[list[str], str | None]:
    """'ADEN_ABYAN_ISLAMIC_ARMY_(AAIA)_' → (the name's words, 'AAIA'): a final parenthesised
    single word of letters is the group's abbreviation; any other parenthesis is dropped."""
    text = " ".join(words)
    match = re.search(r"\(([^)]*)\)\s*$", text)
    if match is None:
        return words, None
    name = text[: match.start()].split()
    inner = match.group(1)
    abbreviation = inner if re.fullmatch(r"[A-Z]{2,8}", inner) else None
    return name, abbreviation


def org_title(words: list[str]) -> str:
    """An organisation name as news writes it: small words lower case inside the name."""
    out = []
    for index, word in enumerate(words):
        lower = word.lower()
        if index and (lower in FUNCTION_WORDS or lower in PARTICLES):
            out.append(lower)
        else:
            out.append(display_name([word]))
    return " ".join(out)


# --- the conversion ----------------------------------------------------------------------


@dataclass
class Shipped:
    """What the shipped dictionaries already know, which converted data must not repeat."""

    states: frozenset[str]
    org_aliases: dict[str, str]  # casefolded name or abbreviation → org id
    title_words: frozenset[str]
    country_words: frozenset[str]
    title_sectors: dict[str, str]  # every shipped title and variant → its sector

    def holds_an_org_name(self, name: str) -> bool:
        """Whether a shipped organisation's name or abbreviation is a run of whole words of
        `name` (case aside)."""
        words = re.findall(r"[\w'-]+", name.casefold())
        return any(
            " ".join(words[i:j]) in self.org_aliases
            for i in range(len(words))
            for j in range(i + 1, len(words) + 1)
        )

    @classmethod
    def load(cls, folder: Path = DICTIONARIES) -> Shipped:
        def lines(name: str) -> list[dict[str, Any]]:
            text = (folder / name).read_text(encoding="utf-8")
            return [json.loads(line) for line in text.splitlines() if line.strip()]

        countries = lines("countries.jsonl")
        aliases: dict[str, str] = {}
        for org in lines("organizations.jsonl"):
            for alias in [*org["names"], *org.get("abbreviations", [])]:
                aliases.setdefault(alias.casefold(), org["org"])
        title_sectors = {
            phrase: rec["sector"]
            for rec in lines("titles.jsonl")
            for phrase in [rec["title"], *rec.get("variants", [])]
        }
        country_names = [
            n
            for c in countries
            for key in ("names", "adjectives", "demonyms")
            for n in c.get(key, [])
        ]
        return cls(
            states=frozenset(c["code"] for c in countries),
            org_aliases=aliases,
            title_words=frozenset(w for t in title_sectors for w in re.split(r"[\s-]+", t) if w),
            country_words=frozenset(w.casefold() for n in country_names for w in n.split()),
            title_sectors=title_sectors,
        )


@dataclass
class Conversion:
    """The converted records, and counts of what was left out and why (for the README)."""

    people: list[dict[str, Any]]
    organizations: list[dict[str, Any]]
    titles: list[dict[str, Any]]
    left_out: Counter[str]


def convert(source: Path, shipped: Shipped) -> Conversion:
    """Everything: read the four Phoenix files, convert, filter."""
    left_out: Counter[str] = Counter()
    read = {k: (source / v).read_text(encoding="utf-8") for k, v in SOURCE_FILES.items()}
    agents = read_agents(read["agents"])
    agent_words = frozenset(w.lower() for words, _, _ in agents for w in words)
    title_words = shipped.title_words | agent_words
    non_name = title_words | FUNCTION_WORDS | shipped.country_words
    blocks = {k: read_actor_blocks(read[k]) for k in ("countries", "international", "groups")}
    given = given_names(blocks["countries"], title_words, non_name)

    def names_in(block: Block, trusted: bool) -> list[tuple[str, ...]]:
        found = (person_words(p, title_words, non_name) for p in block.phrases)
        return [tuple(w) for w in found if w and (trusted or w[0] in given)]

    organizations, groups = convert_organizations(blocks, shipped, given, left_out)
    drafts: dict[tuple[str, ...], PersonDraft] = {}
    for kind, kind_blocks in blocks.items():
        for index, block in enumerate(kind_blocks):
            gathered = names_in(block, kind == "countries" and _is_ruler(block))
            group = groups.get(index) if kind == "groups" else None
            draft = person_affiliation(block, shipped.states, group)
            if gathered and draft.default is None and not draft.roles:
                left_out["people: code names no state or body with a sector"] += len(gathered)
                continue
            for key in gathered:
                merge_person(drafts.setdefault(key, PersonDraft(key)), draft)
    common = common_parts(drafts)
    people = []
    for key in sorted(drafts):
        if all(w in common for w in key if w.lower() not in PARTICLES):
            left_out["people: every word a common name part (Abdul Ali)"] += 1
            continue
        record = person_record(drafts[key])
        if record is None:
            left_out["people: namesakes with conflicting codes"] += 1
            continue
        people.append(record)
    titles = convert_agents(agents, given, shipped.title_sectors, left_out)
    return Conversion(people, organizations, titles, left_out)


def _is_ruler(block: Block) -> bool:
    """The country file's people from CountryInfo (rulers and cabinets) say so in a comment;
    its other actors are states, cities and institutions, or people added by hand."""
    return "CountryInfo" in block.note


def given_names(
    blocks: list[Block], title_words: frozenset[str], non_name: frozenset[str]
) -> frozenset[str]:
    """First words of the country file's rulers and ministers: the given names that tell a
    person ('KHALED_MESHAAL') from a body ('ISLAMIC_RESISTANCE_MOVEMENT') elsewhere."""
    return frozenset(
        words[0]
        for block in blocks
        if _is_ruler(block)
        for phrase in block.phrases
        if (words := person_words(phrase, title_words, non_name))
    )


def convert_organizations(
    blocks: dict[str, list[Block]],
    shipped: Shipped,
    given: frozenset[str],
    left_out: Counter[str],
) -> tuple[list[dict[str, Any]], dict[int, Code]]:
    """IGOs of the international file and every group of the armed-groups file as Parley
    organisation records, and for each group actor (by index) the Code its people get. A
    body Parley already has (by name, or by the CAMEO code it is coded with) is not made
    again: its people get Parley's id."""
    records: dict[str, dict[str, Any]] = {}
    owner: dict[str, str] = {}  # casefolded name or abbreviation → converted id
    groups: dict[int, Code] = {}
    for kind in ("international", "groups"):
        for index, block in enumerate(blocks[kind]):
            codes = [r.code for r in block.restrictions if r.code]
            if not codes or (kind == "international" and not codes[0].startswith("IGO")):
                continue
            names, abbreviations = _org_names(block, shipped, given)
            known = next(
                (shipped.org_aliases[n.casefold()] for n in names + abbreviations
                 if n.casefold() in shipped.org_aliases),
                None,
            )  # fmt: skip
            code = read_code(codes[0], shipped.states)
            sector = "IGO" if kind == "international" else "REB"
            known = known or (code.org if kind == "international" else None)
            if kind == "groups" and not known and code.country is None:
                # INTREB, MEAREB: a group with an id and no state would lose the state the
                # story places it in ('lift the ban on the Islamic Salvation Front' is DZA)
                left_out["groups: coded by a region, not a state"] += 1
                continue
            if known or not names:
                reason = "already in Parley" if known else "no name of the body itself"
                left_out[f"{kind}: {reason}"] += 1
                if known and kind == "groups":
                    groups[index] = Code(org=known, sector=sector)
                continue
            same = next(
                (owner[a.casefold()] for a in names + abbreviations if a.casefold() in owner), None
            )
            if same is not None:  # the same body listed twice ('JI' and 'Jemaah Islamiya')
                _add_names(records[same], names, abbreviations, owner)
                groups[index] = Code(org=same, sector=sector)
                continue
            record: dict[str, Any] = {"org": org_id(names, abbreviations)}
            if record["org"] in records or record["org"] in shipped.org_aliases.values():
                left_out[f"{kind}: an id another body already has"] += 1
                continue
            record |= {"kind": "IGO" if kind == "international" else "NSAG", "names": []}
            _add_names(record, names, abbreviations, owner)
            if kind == "groups" and code.country:
                record["home"] = code.country
            records[record["org"]] = record
            groups[index] = Code(org=record["org"], sector=sector)
    return [records[k] for k in sorted(records)], groups


def _add_names(
    record: dict[str, Any], names: list[str], abbreviations: list[str], owner: dict[str, str]
) -> None:
    for field_name, values in (("names", names), ("abbreviations", abbreviations)):
        for value in values:
            if owner.setdefault(value.casefold(), record["org"]) == record["org"]:
                existing = record.setdefault(field_name, [])
                if value not in existing:
                    existing.append(value)


def _org_names(
    block: Block, shipped: Shipped, given: frozenset[str]
) -> tuple[list[str], list[str]]:
    """A block's names of the body itself, each once, abbreviations apart: not a person's
    name (first word a given name) nor an office ('UN_SECRETARY_GENERAL': first word a
    title word). A state in parentheses ('DIRECT_ACTION_(GREECE)') is no abbreviation, nor
    is one of two letters ('AN' is also a word in capitals). A name holding a name Parley
    already has ('Al-Qaeda Organization') is left to Parley's, which it would outrun."""
    names: list[str] = []
    abbreviations: list[str] = []
    for phrase in block.phrases:
        words, abbreviation = split_abbreviation(phrase_words(phrase))
        if len(words) == 1 and re.fullmatch(r"[A-Z][A-Z0-9]{2,7}", words[0]):
            abbreviation, words = words[0], []
        if abbreviation and (
            len(abbreviation) < 3 or abbreviation.casefold() in shipped.country_words
        ):
            abbreviation = None
        if abbreviation and abbreviation not in abbreviations:
            abbreviations.append(abbreviation)
        if len(words) < 2 or words[0] in given or words[0].lower() in shipped.title_words:
            continue
        if shipped.holds_an_org_name(org_title(words)):
            continue
        if not all(re.fullmatch(r"[A-Z0-9À-Þ'.,&/-]+", w) for w in words):
            continue
        name = org_title(words)
        if name not in names:
            names.append(name)
    return names, abbreviations


def convert_agents(
    agents: list[tuple[list[str], list[str] | None, str]],
    given: frozenset[str],
    shipped_titles: dict[str, str],
    left_out: Counter[str],
) -> list[dict[str, Any]]:
    """Agent nouns as titles: the singular as `title`, its plurals as variants. A noun that
    is also a given name is left out: a title word before a name is read as the title, and
    'Hunter Biden' must not become 'Biden'. So is a phrase whose head noun Parley files
    under another sector ('student protester' OPP, where Parley's protesters are CVL): the
    longer title would win over Parley's convention."""
    records: dict[str, dict[str, Any]] = {}
    for words, plurals, code in agents:
        sector = _sector(code.replace("~", "")[:3])
        lowered = [w.lower() for w in words]
        if sector is None:
            left_out["agents: code is no Parley sector (religions, ethnic groups)"] += 1
        elif len(lowered) > MAX_AGENT_WORDS or any(w in FUNCTION_WORDS for w in lowered):
            left_out["agents: a phrase, not a role noun"] += 1
        elif not all(re.fullmatch(r"[a-z][a-z'-]*", w) for w in lowered):
            left_out["agents: digits or symbols (weapon models, typos)"] += 1
        elif any(w.startswith(STEMS) and w not in WHOLE_WORDS for w in lowered):
            left_out["agents: a stem, not a word ('minist')"] += 1
        elif _sector_of_head(lowered[-1], shipped_titles) not in (None, sector):
            left_out["agents: head noun is a Parley title of another sector"] += 1
        elif not _singular(lowered[-1]).endswith(PERSON_ENDINGS):
            left_out["agents: a place, body or thing, not people ('village', 'warplane')"] += 1
        elif any(w in given or w.lower() in GIVEN_NAME_NOUNS for w in words):
            left_out["agents: a word that is also a given name"] += 1
        else:
            title = " ".join(lowered)
            if plurals is None:
                forms = [" ".join([*lowered[:-1], plural(lowered[-1])])]
            else:
                forms = [" ".join(p.lower().split("_")) for p in plurals]
            record = records.setdefault(title, {"title": title, "sector": sector, "variants": []})
            if record["sector"] == sector:  # a noun's first line decides, as in PETRARCH
                record["variants"] += [f for f in forms if f not in (title, *record["variants"])]
    for title in sorted(records, key=len, reverse=True):  # plurals before their singular
        single = _singular(title)
        record = records.get(single) if single != title else None
        if record is not None and record["sector"] == records[title]["sector"]:
            folded = records.pop(title)
            record["variants"] += [
                f for f in [title, *folded["variants"]] if f not in record["variants"]
            ]
    out = []
    taken: set[str] = set()
    for title in sorted(records):
        record = records[title]
        if title in taken:  # a plural of a noun of another sector ('opposition forces')
            continue
        record["variants"] = [v for v in record["variants"] if v not in taken]
        taken.update([title, *record["variants"]])
        if not record["variants"]:
            del record["variants"]
        out.append(record)
    return out


def _sector_of_head(word: str, shipped_titles: dict[str, str]) -> str | None:
    forms = (word, _singular(word), plural(word))
    return next((shipped_titles[f] for f in forms if f in shipped_titles), None)


def _singular(phrase: str) -> str:
    """'justice ministries' → 'justice ministry': the substitution lists give plurals as
    titles of their own, folded here into their singular's record."""
    *before, last = phrase.split()
    for ending, replacement in (("men", "man"), ("ies", "y"), ("es", ""), ("s", "")):
        if last.endswith(ending):
            return " ".join([*before, last[: -len(ending)] + replacement])
    return phrase


# --- writing -----------------------------------------------------------------------------


def write_jsonl(path: Path, records: Iterable[dict[str, Any]]) -> None:
    with path.open("w", encoding="utf-8") as handle:
        for record in records:
            handle.write(json.dumps(record, ensure_ascii=False) + "\n")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--source", type=Path, default=REPO.parent / "shared/third-party/petrarch2")
    parser.add_argument("--output", type=Path, default=DICTIONARIES / CONVERTED_DIR)
    args = parser.parse_args(argv)
    result = convert(args.source, Shipped.load())
    args.output.mkdir(parents=True, exist_ok=True)
    write_jsonl(args.output / "people.jsonl", result.people)
    write_jsonl(args.output / "organizations.jsonl", result.organizations)
    write_jsonl(args.output / "titles.jsonl", result.titles)
    shutil.copyfile(args.source / "LICENSE", args.output / "LICENSE")
    if args.output.resolve() == (DICTIONARIES / CONVERTED_DIR).resolve():
        load_dictionaries(check_converted=True)  # every check the shipped files pass
    print(
        f"{len(result.people)} people, {len(result.organizations)} organisations, "
        f"{len(result.titles)} titles"
    )
    for reason, count in sorted(result.left_out.items()):
        print(f"left out: {count:6d}  {reason}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
