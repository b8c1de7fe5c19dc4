"""The one place that knows the order of the stages.

ingest gives Documents; here each is parsed, its actors resolved, its events found,
dated and placed, and merged into one record per real-world event.
"""

from __future__ import annotations

import hashlib
from collections.abc import Callable, Iterable, Iterator
from datetime import date
from pathlib import Path

from spacy.tokens import Doc

from parley.actors.dictionary import PersonRecord, Role, load_dictionaries
from parley.actors.resolve import ActorResolver
from parley.events.extract import EventExtractor
from parley.events.lexicon import load_lexicon
from parley.events.trace import Trace
from parley.lessons import Lesson
from parley.merge import merge_mentions
from parley.models import Document, Event
from parley.nlp.cues import apply_cues
from parley.nlp.layout import unwrap
from parley.nlp.pipeline import load_nlp, model_version
from parley.nlp.truecase import default_truecaser, restore_case
from parley.normalize.places import (
    dateline_place,
    default_gazetteer,
    place_by_the_day,
    place_from_dateline,
)
from parley.normalize.scenes import SAYINGS
from parley.normalize.when import TimeStage

_BATCH = 16

Prepare = Callable[[Document], None]


class Pipeline:
    """Codes documents into events. Build once; loading the model and data takes seconds."""

    def __init__(self, dictionaries_dir: Path | None = None, restore: bool = True) -> None:
        self.nlp = load_nlp()
        cues_hash = apply_cues(dictionaries_dir)
        dictionaries = load_dictionaries(dictionaries_dir)
        lexicon = load_lexicon(dictionaries_dir)
        # wire copy and archives are parsed with their case and wrapping undone
        self._truecaser = default_truecaser().knowing(lexicon.words()) if restore else None
        self._gazetteer = default_gazetteer()
        self._actors = ActorResolver(self.nlp, dictionaries, self._locate)
        self._extractor = EventExtractor(lexicon, self._gazetteer)
        self._time = TimeStage(self._gazetteer)
        combined = f"{dictionaries.content_hash}:{lexicon.content_hash}:{cues_hash}"
        self.dictionary_hash = hashlib.sha256(combined.encode()).hexdigest()
        self.model = model_version()
        self.org_homes = {o.org: o.home for o in dictionaries.organizations if o.home}

    def _locate(self, name: str) -> str | None:
        place = self._gazetteer.lookup(name, areas_first=True)
        return place.country if place is not None else None

    def remember(
        self, name: str, country: str | None, org: str | None, sector: str | None, title: str | None
    ) -> None:
        """Learn a person seen in an earlier document, so that a later bare surname
        ('Blinken') resolves; the dictionaries win over what was learned."""
        if country is None and org is None:
            return
        roles = (Role(title, None, None),) if title else ()
        record = PersonRecord(name, (), country, org, sector or "GOV", roles)
        self._actors.remember(record)

    def learn(self, lessons: Iterable[Lesson]) -> None:
        """Learn the people of `lessons` (see `parley.lessons` for when)."""
        for lesson in lessons:
            self.remember(*lesson)

    def extract(self, document: Document) -> list[Event]:
        """The events of one document."""
        return self._code(document, self.nlp(self._readable(document.text)), Trace())

    def explain(self, document: Document) -> tuple[list[Event], Trace]:
        """The events of one document, with what became of every candidate word."""
        trace = Trace()
        return self._code(document, self.nlp(self._readable(document.text)), trace), trace

    def extract_many(
        self, documents: Iterable[Document], prepare: Prepare | None = None
    ) -> Iterator[tuple[Document, list[Event]]]:
        """Events of many documents, parsed in batches (several times faster than one by
        one); `prepare` is called with each document just before its events are coded,
        after the parse (which it cannot change): there it learns what it may know."""
        texts = ((self._readable(d.text), d) for d in documents)
        pairs = self.nlp.pipe(texts, as_tuples=True, batch_size=_BATCH)
        for doc, document in pairs:
            if prepare is not None:
                prepare(document)
            yield document, self._code(document, doc, Trace())

    def _readable(self, text: str) -> str:
        """The text the model parses: `text` with the case of caseless stretches restored
        and hard-wrapped paragraphs unwrapped. Only letter case and line breaks change,
        one character for one, so offsets into it are offsets into `text`."""
        return unwrap(restore_case(text, self._truecaser)) if self._truecaser else text

    def _code(self, document: Document, doc: Doc, trace: Trace) -> list[Event]:
        """The stages in their order: actors, event mentions with their parties, status and
        place; each telling's date; one event per real-world event; the story's time."""
        published = document.published
        dateline = dateline_place(document.text, self._gazetteer)
        home = dateline.country if dateline else None
        actors = self._actors.analyse(doc, home_country=home, published=published)
        countries = {m.entity.country for m in actors.mentions if m.entity.country}
        mentions = self._extractor.mentions(doc, actors, countries, trace)
        if not mentions:  # nothing to date, merge or place: the same answer, sooner
            return []
        anchors = self._time.date_mentions(mentions, actors, published, countries)
        events = merge_mentions(document.id, mentions, trace)
        self._time.date_events(events, published, anchors)
        place_by_the_day(events, SAYINGS)
        place_from_dateline(events, dateline, published)
        return events


_default: Pipeline | None = None


def extract(text: str, published: date | str | None = None, doc_id: str = "doc") -> list[Event]:
    """Events of one text, with the shipped dictionaries: `parley.extract(text, published=...)`."""
    global _default
    if _default is None:
        _default = Pipeline()
    when = date.fromisoformat(published) if isinstance(published, str) else published
    source = "given" if when else None
    return _default.extract(Document(id=doc_id, text=text, published=when, published_source=source))
