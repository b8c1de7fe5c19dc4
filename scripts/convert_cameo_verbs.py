"""Convert the CAMEO verb dictionary (PETRARCH2's CAMEO.2.0.txt) into Parley trigger entries.

    .venv/bin/python scripts/convert_cameo_verbs.py \
        ../shared/third-party/petrarch2/CAMEO.2.0.txt \
        ../shared/gold/plover-gsr/CAMEO2PLOVER-2021.txt

writes `src/parley/data/dictionaries/cameo/triggers.jsonl`, deterministically (the same
inputs, skip list and model give the same bytes). The README beside it says what is
converted, what is left out and why, with the figures that decided it. In short:

- A verb with its own code or its block's gives a bare (unconditional) entry; a block with
  the null code '---' gives entries only through its patterns. A multi-word verb
  (+CORDON_OFF) is the verb with its other words required, and takes no patterns.
- CAMEO's patterns are all-of ('SET' with the object 'FIRE' and '(TO FLAG)'); a Parley
  entry's `requires` is any-of. So a pattern stands for one element: its first content
  word after the verb (the object, or a preposition's object), else before the verb (the
  subject); '{...}' phrases by their last word, synsets by all their members. A pattern of
  prepositions or particles alone gives nothing: any 'to' would match, the infinitive's too.
  Where one verb's patterns give one word different codes, a pattern that is that word
  alone wins, then the earlier line; words with the same code make one entry.
- Words whose pattern gives no event (the null code, 01x statements, codes without a
  PLOVER category, skipped codes) are what the bare entry excludes.
- A verb that is no event on its own (no bare entry) and whose patterns span more than
  MAX_SENSES categories is too general for one word to decide its sense: its patterns keep
  only words Parley's lexicon codes as events by themselves ('levy' + 'sanction', not
  'elect' + 'minister').
"""

from __future__ import annotations

import argparse
import json
import re
from collections import defaultdict
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from pathlib import Path

from spacy.lang.en.stop_words import STOP_WORDS

NULL_CODE = "---"
MAX_SENSES = 3  # PLOVER categories a verb's patterns may span and still keep every word
OUTPUT = Path("src/parley/data/dictionaries/cameo/triggers.jsonl")
SKIP_LIST = Path("src/parley/data/dictionaries/cameo/skip.txt")
PARLEY_LEXICON = Path("src/parley/data/dictionaries/triggers.jsonl")

# The modes Parley's lexicon uses, by category (dictionaries README, "Conventions of the
# shipped file"); a mode the conversion table gives outside these is dropped. AGREE,
# SUPPORT, CONCEDE, COOPERATE and AID entries carry none.
PARLEY_MODES: dict[str, frozenset[str]] = {
    "CONSULT": frozenset({"visit", "phone", "third-party", "multilateral"}),
    "REQUEST": frozenset({"assist", "change", "yield", "meet"}),
    "REJECT": frozenset({"assist", "change", "yield", "meet"}),
    "ACCUSE": frozenset({"disapprove", "investigate", "allege"}),
    "THREATEN": frozenset(
        {"relations", "violence", "restrict", "ban", "arrest", "expel", "territory"}
    ),
    "SANCTION": frozenset({"convict", "expel", "withdraw", "discontinue"}),
    "RETREAT": frozenset(
        {"withdraw", "release", "return", "disarm", "ceasefire", "access", "resign"}
    ),
    "PROTEST": frozenset({"demo", "riot", "general", "strike", "hunger", "boycott", "obstruct"}),
    "MOBILIZE": frozenset({"troops", "weapons", "police", "militia"}),
    "COERCE": frozenset(
        {
            "confiscate",
            "restrict",
            "ban",
            "censor",
            "curfew",
            "martial-law",
            "arrest",
            "deport",
            "withhold",
            "seize",
        }
    ),
    "ASSAULT": frozenset(
        {
            "abduct",
            "beat",
            "torture",
            "execute",
            "sexual",
            "assassinate",
            "destroy",
            "primitive",
            "firearms",
            "explosives",
            "suicide-attack",
            "heavy-weapons",
            "cleansing",
            "massacre",
            "unconventional",
            "aerial",
            "drone",
            "crowd-control",
        }
    ),
}

# Where Parley's conventions (dictionaries README) place a CAMEO code elsewhere than the
# conversion table: (category, mode).
PARLEY_EXCEPTIONS: dict[str, tuple[str, str | None]] = {
    "163": ("SANCTION", None),  # impose sanctions, embargo: the manual's SANCTION
    "116": ("SANCTION", "convict"),  # find guilty: a conviction
    "0831": ("RETREAT", "resign"),  # resignations
    "0813": ("CONCEDE", None),  # lifting a curfew ...
    "0814": ("CONCEDE", None),  # ... or a state of emergency
    "175": ("ASSAULT", "crowd-control"),  # violent repression: our spec's mode
    "1712": ("ASSAULT", "destroy"),  # destroy property
    "183": ("ASSAULT", "explosives"),  # non-military bombing
}


@dataclass(frozen=True)
class Element:
    """One element of a pattern: any of `heads` (upper case, synsets expanded).
    `content` is false for a preposition or particle standing alone ('(FOR)', 'OFF')."""

    heads: tuple[str, ...]
    content: bool


@dataclass(frozen=True)
class Pattern:
    """A pattern line ('- * (FOR {FINANCIAL AID})  [0231]'): elements before and after the
    verb, and its code."""

    before: tuple[Element, ...]
    after: tuple[Element, ...]
    code: str  # NULL_CODE when the pattern says 'no event'
    symmetric: bool
    line: int

    def representative(self) -> Element | None:
        """The element that stands for the pattern: its first content word after the verb,
        else before it; else its first preposition or particle."""
        for elements in (self.after, self.before):
            for element in elements:
                if element.content:
                    return element
        return self.after[0] if self.after else None

    @property
    def alone(self) -> bool:
        """Whether the pattern is one element only: it then says the most about it."""
        return len(self.before) + len(self.after) == 1


@dataclass(frozen=True)
class Verb:
    """A verb line of a block ('LEVY {LEVYING LEVIED LEVIES }', '+CORDON_OFF')."""

    word: str  # upper case, as CAMEO writes it
    particles: tuple[str, ...]  # the other words of a multi-word verb ('OFF' of CORDON_OFF)
    code: str | None  # its own code, if any
    symmetric: bool
    line: int


@dataclass
class Block:
    """A verb synonym block: its verbs share its code and its patterns."""

    code: str | None  # None for a block with the null code
    symmetric: bool
    verbs: list[Verb] = field(default_factory=list)
    patterns: list[Pattern] = field(default_factory=list)


@dataclass(frozen=True)
class Skips:
    """What the skip list leaves out: whole verbs, bare (unconditional) entries of a verb or
    of a code, and CAMEO codes."""

    verbs: frozenset[str] = frozenset()
    bare: frozenset[str] = frozenset()
    codes: frozenset[str] = frozenset()


_TOKEN = re.compile(r"\{[^}]*\}|\([^)]*\)|\S+")
_CODE = re.compile(r"\[([^\]]*)\]")
_MARKERS = {"$", "+", "^", "%"}
_SPLIT = re.compile(r"_|(?<=[A-Za-z])-(?=[A-Za-z])")


def strip_comment(line: str) -> str:
    return line.split("#", 1)[0].rstrip()


def parse_code(text: str) -> tuple[str | None, bool]:
    """'[042:043]' → ('042', False); '[062:062]' → ('062', True): a code pair names the act
    of the source on the target and back, and the same code both ways is a symmetric act.
    '[:173]' (only the target acts) and '[---]' give no code."""
    first, _, second = text.partition(":")
    code = re.sub(r"\D", "", first)
    if not code or first.strip() == NULL_CODE:
        return (NULL_CODE if first.strip() == NULL_CODE else None), False
    return code, re.sub(r"\D", "", second) == code


def read_synsets(lines: list[str]) -> dict[str, tuple[str, ...]]:
    """'&MILITARY' → its members ('ARMED_FORCES', 'TROOPS', ...), from the file's head."""
    synsets: dict[str, list[str]] = {}
    current: list[str] | None = None
    for raw in lines:
        line = strip_comment(raw).strip()
        if line.startswith("&"):
            current = synsets.setdefault(line.rstrip("_"), [])
        elif line.startswith("+") and current is not None:
            current.append(line[1:].strip())
        elif line.startswith("---"):
            break
        elif line:
            current = None
    return {name: tuple(members) for name, members in synsets.items()}


def phrase_head(words: Iterable[str], synsets: dict[str, tuple[str, ...]]) -> Element | None:
    """The head of a noun phrase: its last content word ('{FINANCIAL AID}' → AID), a synset
    standing for all its members' heads. Words joined by '_' are split first, and by '-'
    where the tokenizer splits them, between letters ('CEASE-FIRE', not 'M-16')."""
    parts = [p for w in words for p in _SPLIT.split(w) if p and p not in _MARKERS]
    content = [p for p in parts if p.lower() not in STOP_WORDS]
    if not parts:
        return None
    last = (content or parts)[-1]
    if last.startswith("&"):
        members = synsets.get(last.rstrip("_"), ())
        heads = [h for m in members if (h := phrase_head([m], synsets))]
        return Element(tuple(dict.fromkeys(w for h in heads for w in h.heads)), True)
    return Element((last,), bool(content))


def parse_elements(text: str, synsets: dict[str, tuple[str, ...]]) -> tuple[Element, ...]:
    """The elements of one side of a pattern: bare words (a run of them is one phrase),
    '{...}' phrases and '(PREP ...)' phrases, whose head is the preposition's object or,
    with none, the preposition itself."""
    elements: list[Element] = []
    run: list[str] = []

    def close_run() -> None:
        if run and (element := phrase_head(run, synsets)):
            elements.append(element)
        run.clear()

    for token in _TOKEN.findall(text):
        if token in _MARKERS:
            continue
        if token.startswith("{"):
            close_run()
            if element := phrase_head(token[1:-1].split(), synsets):
                elements.append(element)
        elif token.startswith("("):
            close_run()
            words = [w for w in re.sub(r"[{}]", " ", token[1:-1]).split() if w not in _MARKERS]
            if not words:
                continue
            inner = phrase_head(words[1:], synsets) if len(words) > 1 else None
            elements.append(inner or Element((words[0],), False))
        else:
            run.append(token)
    close_run()
    return tuple(elements)


def parse_pattern(line: str, number: int, synsets: dict[str, tuple[str, ...]]) -> Pattern | None:
    """'- * (FOR {FINANCIAL AID})  [0231]' → a Pattern; None without a code or a '*'."""
    match = _CODE.search(line)
    if match is None or "*" not in line[: match.start()]:
        return None
    code, symmetric = parse_code(match.group(1))
    if code is None:
        return None
    before, _, after = line[1 : match.start()].partition("*")
    pre = tuple(e for e in parse_elements(before, synsets) if e.content)
    return Pattern(pre, parse_elements(after, synsets), code, symmetric, number)


def parse_verb(line: str, number: int) -> Verb:
    """'+CORDON_OFF {...}', 'WIRE_+TAP', 'DEFY {...} [120]', 'ASK [020]' → a Verb. A
    hyphenated verb is its last part with the others as particles, as the tokenizer splits
    it ('RE-EXAMINE' is EXAMINE after RE)."""
    match = _CODE.search(line)
    code, symmetric = parse_code(match.group(1)) if match else (None, False)
    phrase = re.sub(r"\{[^}]*\}|\[[^\]]*\]", " ", line).split()[0]
    words = phrase.split("_")
    marked = [i for i, w in enumerate(words) if w.startswith("+")]
    at = marked[0] if marked else 0
    *joined, word = _SPLIT.split(words[at].lstrip("+"))
    others = [*joined, *(words[at + 1 :] or words[:at])]
    return Verb(word, tuple(w for w in others if w), code, symmetric, number)


def parse_dictionary(text: str) -> list[Block]:
    """The verb blocks of a CAMEO verb dictionary, with their verbs and patterns."""
    lines = text.splitlines()
    synsets = read_synsets(lines)
    blocks: list[Block] = []
    for number, raw in enumerate(lines, start=1):
        line = strip_comment(raw).strip()
        if line.startswith("---"):
            match = _CODE.search(line)
            code, symmetric = parse_code(match.group(1)) if match else (None, False)
            blocks.append(Block(None if code == NULL_CODE else code, symmetric))
        elif not blocks or not line or line.startswith(("&", "~")):
            continue
        elif line.startswith("-"):
            if pattern := parse_pattern(line, number, synsets):
                blocks[-1].patterns.append(pattern)
        else:
            blocks[-1].verbs.append(parse_verb(line, number))
    return blocks


def read_table(text: str) -> dict[str, tuple[str, str | None]]:
    """CAMEO2PLOVER: code → (category, mode or None), e.g. '0871' → ('RETREAT', 'ceasefire')."""
    table: dict[str, tuple[str, str | None]] = {}
    for raw in text.splitlines():
        line = raw.split("#", 1)[0]
        code, colon, rest = line.partition(":")
        if not colon or not re.fullmatch(r"\d{3,4}", code.strip()):
            continue
        fields = [f.strip() for f in rest.split(",")]
        table.setdefault(code.strip(), (fields[0], (fields[1] if len(fields) > 1 else "") or None))
    return table


def parley_code(code: str) -> str:
    """The CAMEO code a Parley entry carries: an appeal (02x) as the demand it mirrors
    (10x), as every REQUEST entry of Parley's lexicon does."""
    return "10" + code[2:] if code.startswith("02") else code


def plover(code: str, table: dict[str, tuple[str, str | None]]) -> tuple[str, str | None] | None:
    """The PLOVER (category, mode) of a CAMEO code, or None: public statements (01x) and
    codes the table has no category for give no event. CAMEO's appeals (02x) mirror its
    demands (10x) code for code, and PLOVER files both as REQUEST."""
    if code.startswith("01"):
        return None
    code = parley_code(code)
    if code in PARLEY_EXCEPTIONS:
        return PARLEY_EXCEPTIONS[code]
    if code not in table:
        return None
    category, mode = table[code]
    modes = PARLEY_MODES.get(category, frozenset())
    return category, (mode if mode in modes else None)


def read_skips(text: str) -> Skips:
    """The skip list: lines 'verb LEMMA', 'bare LEMMA|CODE' or 'code CODE'; '#' comments."""
    kinds: dict[str, set[str]] = {"verb": set(), "bare": set(), "code": set()}
    for number, raw in enumerate(text.splitlines(), start=1):
        line = strip_comment(raw).strip()
        if not line:
            continue
        kind, _, value = line.partition(" ")
        if kind not in kinds or not value.strip():
            raise ValueError(f"skip list line {number}: expected 'verb|bare|code VALUE': {raw!r}")
        kinds[kind].add(value.strip().lower())
    return Skips(frozenset(kinds["verb"]), frozenset(kinds["bare"]), frozenset(kinds["code"]))


@dataclass(frozen=True)
class Rules:
    """What the conversion reads besides the dictionary: the CAMEO→PLOVER table, the skip
    list, and the nouns Parley's own lexicon codes as events on their own ('sanction',
    'attack', 'talks'), which are what a pattern of a verb that is no event alone needs."""

    table: dict[str, tuple[str, str | None]]
    skips: Skips
    event_nouns: frozenset[str]
    source_name: str = "CAMEO.2.0.txt"

    def category(self, code: str) -> tuple[str, str | None] | None:
        if code == NULL_CODE or code in self.skips.codes:
            return None
        return plover(code, self.table)


@dataclass
class _Claim:
    """What one word with a verb codes, and how strong the evidence is."""

    code: str
    symmetric: bool
    alone: bool
    line: int

    def beats(self, other: _Claim) -> bool:
        return (self.alone, -self.line) > (other.alone, -other.line)


@dataclass
class _VerbClaims:
    """Everything the dictionary says about one verb lemma, over all its blocks."""

    bare: _Claim | None = None
    words: dict[str, _Claim] = field(default_factory=dict)
    phrases: dict[tuple[str, ...], _Claim] = field(default_factory=dict)


Lemmatize = Callable[[list[str], str], dict[str, str]]


def convert(blocks: list[Block], rules: Rules, lemmatize: Lemmatize) -> list[dict]:
    """Parley trigger records (VERB entries) for the verb blocks, in lemma order."""
    verbs = [v for b in blocks for v in b.verbs]
    verb_lemmas = lemmatize([v.word for v in verbs], "VERB")
    words = {w for b in blocks for p in b.patterns for e in p.before + p.after for w in e.heads}
    words |= {w for v in verbs for w in v.particles}
    word_lemmas = lemmatize(sorted(words), "NOUN")
    claims: dict[str, _VerbClaims] = defaultdict(_VerbClaims)
    for block in blocks:
        for verb in block.verbs:
            lemma = verb_lemmas[verb.word]
            if lemma in rules.skips.verbs:
                continue
            found = claims[lemma]
            code = verb.code or block.code
            symmetric = block.symmetric if verb.code is None else verb.symmetric
            claim = _Claim(code, symmetric, True, verb.line) if code else None
            if verb.particles:  # a multi-word verb is its own verb: no patterns
                if claim and rules.skips.bare.isdisjoint((lemma, claim.code)):
                    particles = tuple(word_lemmas[w] for w in verb.particles)
                    found.phrases.setdefault(particles, claim)
                continue
            found.bare = found.bare or claim
            for pattern in block.patterns:
                _claim_words(found, pattern, word_lemmas)
    records: list[dict] = []
    for lemma in sorted(claims):
        records.extend(_entries(lemma, claims[lemma], rules))
    return records


def _claim_words(found: _VerbClaims, pattern: Pattern, word_lemmas: dict[str, str]) -> None:
    element = pattern.representative()
    if element is None or not element.content:
        return  # '- * (TO)': in a Parley entry any 'to' would do, the infinitive's too
    claim = _Claim(pattern.code, pattern.symmetric, pattern.alone, pattern.line)
    for head in element.heads:
        word = word_lemmas[head]
        if word not in found.words or claim.beats(found.words[word]):
            found.words[word] = claim


def _entries(lemma: str, found: _VerbClaims, rules: Rules) -> list[dict]:
    """A verb's entries: one per code its patterns give, its multi-word forms, and its bare
    entry last (the module docstring gives the rules). Only the bare entry gets `excludes`:
    an entry with `requires` has said what it needs, and a pattern naming an event wins
    over a null pattern's word, as the longer match does in PETRARCH."""
    bare = found.bare
    if bare and not (rules.skips.bare.isdisjoint((lemma, bare.code)) and rules.category(bare.code)):
        bare = None
    groups: dict[tuple[str, bool], list[tuple[str, int]]] = defaultdict(list)
    excluded: set[str] = set()
    senses = {c[0] for claim in found.words.values() if (c := rules.category(claim.code))}
    specific = bare is not None or len(senses) <= MAX_SENSES
    for word, claim in found.words.items():
        if rules.category(claim.code) is None:
            excluded.add(word)  # CAMEO says this verb with this word is not such an event
        elif specific or word in rules.event_nouns:
            groups[(claim.code, claim.symmetric)].append((word, claim.line))
    records = []
    for (code, symmetric), members in sorted(groups.items()):
        if bare is not None and code == bare.code:
            continue  # the bare entry codes the same
        lines = sorted({n for _, n in members})
        requires = sorted(w for w, _ in members)
        grouped = _Claim(code, symmetric, False, lines[0])
        records.append(_record(lemma, grouped, requires, set(), lines, rules))
    for particles, claim in sorted(found.phrases.items()):
        if rules.category(claim.code):
            records.append(_record(lemma, claim, list(particles), set(), [claim.line], rules))
    if bare is not None:
        records.append(_record(lemma, bare, [], excluded, [bare.line], rules))
    return records


def _record(
    lemma: str,
    claim: _Claim,
    requires: list[str],
    excluded: set[str],
    lines: list[int],
    rules: Rules,
) -> dict:
    category = rules.category(claim.code)
    if category is None:
        raise ValueError(f"no PLOVER category for CAMEO {claim.code}")
    event, mode = category
    record: dict = {"lemma": lemma, "pos": "VERB", "event": event}
    if mode:
        record["mode"] = mode
    record["cameo"] = parley_code(claim.code)
    if requires:
        record["requires"] = requires
    if excludes := sorted(excluded - set(requires)):
        record["excludes"] = excludes
    if claim.symmetric:
        record["symmetric"] = True
    record["source"] = f"{rules.source_name}:{','.join(map(str, lines))}"
    return record


def event_nouns(lexicon_text: str) -> frozenset[str]:
    """The nouns a Parley trigger file codes as events on their own (no `requires`)."""
    nouns = set()
    for line in lexicon_text.splitlines():
        if line.strip():
            record = json.loads(line)
            if record["pos"] == "NOUN" and not record.get("requires") and "event" in record:
                nouns.add(record["lemma"])
    return frozenset(nouns)


def spacy_lemmatizer() -> Lemmatize:
    """Lemmas as Parley's model gives them in a sentence ('SANCTIONS' → sanction,
    'BURNT' → burn): verbs after 'will', other words as the object of a verb."""
    from parley.nlp.pipeline import load_nlp

    nlp = load_nlp()
    frames = {"VERB": "They will {} it .", "NOUN": "They saw the {} ."}
    position = {"VERB": 2, "NOUN": 3}

    def lemmatize(words: list[str], pos: str) -> dict[str, str]:
        unique = sorted(set(words))
        texts = (frames[pos].format(w.lower()) for w in unique)
        lemmas = {}
        for word, doc in zip(unique, nlp.pipe(texts, batch_size=256), strict=True):
            token = doc[position[pos]] if len(doc) > position[pos] + 1 else doc[-2]
            lemmas[word] = token.lemma_.lower() if token.lower_ == word.lower() else word.lower()
        return lemmas

    return lemmatize


def write_jsonl(records: list[dict], path: Path) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    with path.open("w", encoding="utf-8") as handle:
        for record in records:
            handle.write(json.dumps(record, ensure_ascii=False) + "\n")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("cameo", type=Path, help="CAMEO.2.0.txt")
    parser.add_argument("table", type=Path, help="CAMEO2PLOVER-2021.txt")
    parser.add_argument("--skip", type=Path, default=SKIP_LIST)
    parser.add_argument("--lexicon", type=Path, default=PARLEY_LEXICON, help="Parley's triggers")
    parser.add_argument("--output", type=Path, default=OUTPUT)
    args = parser.parse_args()
    blocks = parse_dictionary(args.cameo.read_text(encoding="utf-8"))
    rules = Rules(
        read_table(args.table.read_text(encoding="utf-8")),
        read_skips(args.skip.read_text(encoding="utf-8")),
        event_nouns(args.lexicon.read_text(encoding="utf-8")),
        args.cameo.name,
    )
    records = convert(blocks, rules, spacy_lemmatizer())
    write_jsonl(records, args.output)
    print(f"{len(records)} entries for {len({r['lemma'] for r in records})} verbs → {args.output}")


if __name__ == "__main__":
    main()
