"""How many actor mentions get a party, with and without the converted Phoenix layer.

    .venv/bin/python scripts/actor_coverage.py ../shared/corpus/wikinews/*.csv --sample 30

Parses every article once and resolves its actors twice (the dictionaries with and without
`data/dictionaries/phoenix/`), each with the article's publication date. Prints the share of
actor mentions with a party (a state or a body) and of people mentions with one, both ways;
then a seeded random sample of the people and groups (one mention of each per article) that
only the converted layer gives a party (or another party), with their sentence, for
checking by hand (issue 12).
"""

from __future__ import annotations

import argparse
import random
from pathlib import Path

from parley.actors.dictionary import load_dictionaries
from parley.actors.mentions import Mention
from parley.actors.resolve import ActorResolver
from parley.ingest import ReadProblem, read_documents
from parley.nlp.pipeline import load_nlp
from parley.normalize.places import default_gazetteer


def _party(mention: Mention) -> str | None:
    return mention.entity.country or mention.entity.org


def _share(found: int, total: int) -> str:
    return f"{found / total:.3f} ({found}/{total})" if total else "—"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("paths", nargs="+", type=Path)
    parser.add_argument("--sample", type=int, default=30)
    parser.add_argument("--seed", type=int, default=12)
    args = parser.parse_args()

    documents = [d for d in read_documents(args.paths) if not isinstance(d, ReadProblem)]
    nlp = load_nlp()
    gazetteer = default_gazetteer()

    def locate(name: str) -> str | None:
        place = gazetteer.lookup(name, areas_first=True)
        return place.country if place is not None else None

    before = ActorResolver(nlp, load_dictionaries(converted=False), locate)
    after = ActorResolver(nlp, load_dictionaries(), locate)
    counts = {"before": [0, 0, 0, 0], "after": [0, 0, 0, 0]}  # mentions, with party, people, with
    changed: list[tuple[str, Mention, str | None, str]] = []
    texts = (d.text for d in documents)
    for document, doc in zip(documents, nlp.pipe(texts, batch_size=16), strict=True):
        runs = {}
        for label, resolver in (("before", before), ("after", after)):
            mentions = resolver.analyse(doc, published=document.published).mentions
            runs[label] = {(m.start, m.end): m for m in mentions}
            tally = counts[label]
            tally[0] += len(mentions)
            tally[1] += sum(1 for m in mentions if _party(m))
            tally[2] += sum(1 for m in mentions if m.entity.name)
            tally[3] += sum(1 for m in mentions if m.entity.name and _party(m))
        for span, mention in runs["after"].items():
            old = runs["before"].get(span)
            old_party = _party(old) if old is not None else None
            if _party(mention) and _party(mention) != old_party:
                changed.append((document.id, mention, old_party, doc[span[0]].sent.text))
    print(f"documents {len(documents)}")
    for label, (total, with_party, people, people_with) in counts.items():
        print(
            f"{label:7} actor mentions with a party {_share(with_party, total)}, "
            f"people with a party {_share(people_with, people)}"
        )
    print(f"mentions the converted layer gives a (new) party: {len(changed)}")
    distinct = list({(c[0], c[1].entity.name or c[1].entity.text): c for c in changed}.values())
    print(f"people and groups (one per article): {len(distinct)}")
    for doc_id, mention, old, sentence in random.Random(args.seed).sample(
        distinct, min(args.sample, len(distinct))
    ):
        entity = mention.entity
        print(f"\n[{doc_id}] {entity.text!r} → {_party(mention)} {entity.sector} (was {old})")
        print(f"  {' '.join(sentence.split())}")


if __name__ == "__main__":
    main()
