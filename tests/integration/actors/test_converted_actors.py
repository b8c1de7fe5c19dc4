"""People, groups and agent nouns from the converted Phoenix dictionaries, in sentences
written for these tests: the party they give, and the role that held on the day."""

from __future__ import annotations

from datetime import date

import pytest

import parley
from parley.actors.dictionary import load_dictionaries
from parley.actors.resolve import ActorResolver, DocumentActors
from parley.nlp.pipeline import load_nlp


@pytest.fixture(scope="module")
def resolver() -> ActorResolver:
    return ActorResolver(load_nlp(), load_dictionaries())


def analyse(resolver: ActorResolver, text: str, published: date | None) -> DocumentActors:
    return resolver.analyse(load_nlp()(text), published=published)


def person(actors: DocumentActors, name: str) -> tuple[str | None, str | None]:
    entity = next(m.entity for m in actors.mentions if m.entity.name == name)
    return entity.country or entity.org, entity.sector


def test_the_same_name_serves_another_body_on_another_day(resolver: ActorResolver) -> None:
    """Ann Veneman was US Secretary of Agriculture (2001-2005), then head of UNICEF."""
    text = "Ann Veneman visited the flooded district on Tuesday."
    assert person(analyse(resolver, text, date(2003, 6, 2)), "Ann Veneman") == ("USA", "GOV")
    assert person(analyse(resolver, text, date(2007, 6, 4)), "Ann Veneman") == ("UNICEF", "IGO")


def test_outside_every_role_a_converted_person_has_no_party(resolver: ActorResolver) -> None:
    text = "Khaled Qabbani opened a new school on Sunday."
    assert person(analyse(resolver, text, date(2006, 3, 5)), "Khaled Qabbani") == ("LBN", "GOV")
    assert person(analyse(resolver, text, date(2020, 3, 1)), "Khaled Qabbani") == (None, None)


def test_a_minister_from_the_converted_file(resolver: ActorResolver) -> None:
    text = "Mohammad Hanif Atmar told reporters the talks would resume."
    assert person(analyse(resolver, text, date(2009, 5, 1)), "Mohammad Hanif Atmar") == (
        "AFG", "GOV",
    )  # fmt: skip


def test_a_converted_surname_alone_names_no_one(resolver: ActorResolver) -> None:
    """Converted people are found by full name only: a bare 'Qabbani' stays unresolved."""
    actors = analyse(resolver, "Qabbani said the school would open.", date(2006, 3, 5))
    assert all(m.entity.country is None for m in actors.mentions if m.entity.name)


def test_an_armed_group_from_the_converted_file(resolver: ActorResolver) -> None:
    text = "The Democratic Front for the Liberation of Palestine claimed the attack."
    actors = analyse(resolver, text, date(2006, 3, 1))
    assert [m.entity.org for m in actors.mentions] == ["DFLP"]


def test_an_agent_noun_gives_the_sector(resolver: ActorResolver) -> None:
    """The group is known by its sector; the event's place gives its state (see
    `events.extract`)."""
    doc = load_nlp()("Striking lecturers marched in Abuja on Monday.")
    actors = resolver.analyse(doc, published=date(2016, 3, 7))
    lecturers = next(t for t in doc if t.text == "lecturers")
    assert [(e.country, e.sector) for e in actors.entities_for(lecturers)] == [(None, "EDU")]
    march = parley.extract(doc.text, published="2016-03-07")[0]
    assert [(e.country, e.sector) for e in march.actor] == [("NGA", "EDU")]
