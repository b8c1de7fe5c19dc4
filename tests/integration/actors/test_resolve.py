"""Who is who: actor resolution on sentences written for these tests."""

from __future__ import annotations

import pytest

from parley.actors.dictionary import load_dictionaries
from parley.actors.resolve import ActorResolver, DocumentActors
from parley.nlp.pipeline import load_nlp


@pytest.fixture(scope="module")
def resolver() -> ActorResolver:
    return ActorResolver(load_nlp(), load_dictionaries())


def analyse(resolver: ActorResolver, text: str, home: str | None = None) -> DocumentActors:
    return resolver.analyse(load_nlp()(text), home_country=home)


def people(actors: DocumentActors) -> dict[str, tuple]:
    return {
        m.entity.name: (m.entity.country or m.entity.org, m.entity.title, m.entity.sector)
        for m in actors.mentions
        if m.entity.name
    }


def test_title_and_state_before_the_name(resolver: ActorResolver) -> None:
    actors = analyse(resolver, "Japanese Foreign Minister Yoshimasa Hayashi arrived in Manila.")
    assert people(actors)["Yoshimasa Hayashi"] == ("JPN", "Foreign Minister", "GOV")


def test_possessive_state_and_long_title(resolver: ActorResolver) -> None:
    text = "Brazil's Deputy Foreign Minister Ana Costa spoke to reporters."
    name, (party, title, _) = next(iter(people(analyse(resolver, text)).items()))
    assert (name, party) == ("Ana Costa", "BRA")
    assert title.lower().endswith("foreign minister")


def test_appositive_title_takes_the_reporters_country(resolver: ActorResolver) -> None:
    text = "Lee Min-ho, special envoy for maritime affairs, will visit Manila on Monday."
    party, title, sector = people(analyse(resolver, text, home="KOR"))["Lee Min-ho"]
    assert (party, sector) == ("KOR", "GOV")
    assert "envoy" in title


def test_appositive_title_after_its_modifiers(resolver: ActorResolver) -> None:
    text = "Salima Ghezali, Algeria's best-known human rights activist, spoke on Monday."
    assert people(analyse(resolver, text))["Salima Ghezali"] == ("DZA", "activist", "CVL")


def test_an_official_with_no_state_serves_the_only_state_named(resolver: ActorResolver) -> None:
    text = "Judge Elena Barros questioned two Chilean ministers on Monday."
    assert people(analyse(resolver, text))["Elena Barros"][0] == "CHL"
    two = "Judge Elena Barros questioned Chilean and Peruvian ministers."
    assert people(analyse(resolver, two))["Elena Barros"][0] is None


def test_whose_spokesman_and_whose_forces(resolver: ActorResolver) -> None:
    doc = load_nlp()(
        "A spokesman for the Kenyan president said security forces in Somalia were ready. "
        "The envoy for North Korea met the US embassy in Seoul."
    )
    actors = resolver.analyse(doc)

    def owner(word: str) -> list[str | None]:
        return [e.country for e in actors.entities_for(next(t for t in doc if t.text == word))]

    assert owner("spokesman") == ["KEN"]
    assert owner("forces") == ["SOM"]
    assert owner("envoy") == []
    assert owner("embassy") == ["USA"]


def test_an_official_serves_the_state_an_armed_group_named_fights_in(
    resolver: ActorResolver,
) -> None:
    text = "President Ana Ramos met RENAMO leaders on Monday."
    assert people(analyse(resolver, text))["Ana Ramos"][0] == "MOZ"


def test_of_phrase_gives_the_state(resolver: ActorResolver) -> None:
    text = "On Sunday, President Patrice Talon of Benin signed the trade agreement."
    found = people(analyse(resolver, text))
    assert found["Patrice Talon"][0] == "BEN"
    text = "Prime Minister Ana Novak of the Slovak Republic met Chile's and Peru's envoys."
    assert people(analyse(resolver, text))["Ana Novak"][0] == "SVK"


def test_the_title_alone_is_the_last_person_named_with_it(resolver: ActorResolver) -> None:
    text = (
        "Prime Minister Ana Novak of Slovakia met President Jorge Paz of Chile on Monday. "
        "Later the Prime Minister apologised to the president, and the Greek prime minister "
        "said nothing."
    )
    doc = load_nlp()(text)
    actors = resolver.analyse(doc)
    prime, president, greek = (t for t in doc[15:] if t.lower_ in ("minister", "president"))
    assert [e.name for e in actors.entities_for(prime)] == ["Ana Novak"]
    assert [e.name for e in actors.entities_for(president)] == ["Jorge Paz"]
    assert [e.country for e in actors.entities_for(greek)] == ["GRC"]


def test_counterparts_respectively(resolver: ActorResolver) -> None:
    text = (
        "Ana Costa will meet her Argentine and Chilean counterparts, Jorge Paz and "
        "Elena Soto, respectively, in Lima."
    )
    found = people(analyse(resolver, text))
    assert found["Jorge Paz"][0] == "ARG"
    assert found["Elena Soto"][0] == "CHL"


def test_later_surname_is_the_full_person(resolver: ActorResolver) -> None:
    text = (
        "German Chancellor Olaf Scholz arrived in Paris on Tuesday. "
        "Scholz later met the French president."
    )
    actors = analyse(resolver, text)
    surname = next(m for m in actors.mentions if m.entity.text == "Scholz")
    assert surname.entity.name == "Olaf Scholz"
    assert surname.entity.country == "DEU"


def test_capital_as_government_and_collective_reference(resolver: ActorResolver) -> None:
    text = (
        "Pyongyang fired a missile. Japan, Australia and Canada condemned it, and "
        "the three countries called for restraint."
    )
    doc = load_nlp()(text)
    actors = resolver.analyse(doc)
    assert actors.entities_for(doc[0])[0].country == "PRK"
    countries = next(t for t in doc if t.text == "countries")
    assert {e.country for e in actors.entities_for(countries)} == {"JPN", "AUS", "CAN"}


def test_a_people_named_with_its_state_of_residence(resolver: ActorResolver) -> None:
    doc = load_nlp()("Kosovo Serbs and the Hungarians of Romania protested.")
    actors = resolver.analyse(doc)
    serbs = next(t for t in doc if t.text == "Serbs")
    assert [e.country for e in actors.entities_for(serbs)] == ["XKX", "ROU"]


def test_an_ethnic_minority_placed_in_a_state_belongs_to_it(resolver: ActorResolver) -> None:
    doc = load_nlp()("Police arrested four ethnic Hungarians in Slovakia on Monday.")
    hungarians = next(t for t in doc if t.text == "Hungarians")
    assert [e.country for e in resolver.analyse(doc).entities_for(hungarians)] == ["SVK"]


def test_a_surname_shared_by_officials_of_one_state(resolver: ActorResolver) -> None:
    actors = analyse(resolver, "The Bush administration warned Cuba on Monday.")
    assert people(actors)["Bush"][0] == "USA"


def test_abbreviations_the_model_gets_wrong(resolver: ActorResolver) -> None:
    doc = load_nlp()("The DPRK and the ROK held talks.")
    parties = {m.entity.country for m in resolver.analyse(doc).mentions}
    assert parties == {"PRK", "KOR"}


def test_we_in_a_quote_is_the_speaker(resolver: ActorResolver) -> None:
    text = (
        '"We urge restraint," the statement issued by Foreign Minister Penny Wong and '
        "New Zealand Foreign Minister Nanaia Mahuta read."
    )
    doc = load_nlp()(text)
    actors = resolver.analyse(doc)
    we = next(t for t in doc if t.text == "We")
    names = {e.name for e in actors.entities_for(we)}
    assert "Nanaia Mahuta" in names
