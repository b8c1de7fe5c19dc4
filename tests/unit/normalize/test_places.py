"""The offline gazetteer: ambiguous names, provinces, datelines."""

from __future__ import annotations

from parley.normalize.places import dateline_place, default_gazetteer


def test_ambiguous_name_goes_to_the_documents_country() -> None:
    assert default_gazetteer().lookup("Athens", ["GRC"]).country == "GRC"
    assert default_gazetteer().lookup("Athens", ["USA"]).country == "USA"


def test_most_populous_without_context() -> None:
    place = default_gazetteer().lookup("Washington")
    assert (place.country, round(place.lat)) == ("USA", 39)


def test_provinces_have_a_country_but_no_coordinates() -> None:
    place = default_gazetteer().lookup("Wardak")
    assert (place.country, place.lat, place.gazetteer_id) == ("AFG", None, "iso3166-2:AF-WAR")


def test_unknown_names_give_no_place() -> None:
    assert default_gazetteer().lookup("Atlantis Prime") is None


def test_dateline() -> None:
    assert (
        dateline_place("BEIJING (Reuters) – China said ...", default_gazetteer()).country == "CHN"
    )
    assert dateline_place("China said on Monday ...", default_gazetteer()) is None


def test_named_regions_and_the_kind_of_area_after_a_name() -> None:
    gazetteer = default_gazetteer()
    assert gazetteer.lookup("the West Bank").country == "PSE"
    assert gazetteer.lookup("West Darfur State").country == "SDN"
    assert gazetteer.lookup("Helmand Province").country == "AFG"


def test_a_part_of_a_place_is_in_its_state() -> None:
    assert default_gazetteer().lookup("eastern Beirut").country == "LBN"


def test_counties_iso_no_longer_lists_are_still_places() -> None:
    for county in ("Northamptonshire", "Yorkshire", "Sussex"):
        assert default_gazetteer().lookup(county).country == "GBR"


def test_a_governed_area_before_a_city_of_the_same_name() -> None:
    assert default_gazetteer().lookup("Florida", areas_first=True).country == "USA"


def test_a_place_qualified_by_its_state_or_country_is_the_first_part() -> None:
    gazetteer = default_gazetteer()
    place = gazetteer.lookup("Aden, Yemen")
    assert place is not None
    assert (place.name, place.country, place.precision) == ("Aden", "YEM", "city")
    london = gazetteer.lookup("London, Ontario")
    assert london is not None and london.country == "CAN"
    capital = gazetteer.lookup("Washington, DC")
    assert capital is not None and (capital.name, capital.country) == ("Washington", "USA")


def test_us_counties_by_a_name_one_state_has_or_with_their_state() -> None:
    gazetteer = default_gazetteer()
    county = gazetteer.lookup("Yellowstone County")
    assert county is not None
    assert (county.country, county.precision, county.gazetteer_id) == (
        "USA",
        "province",
        "fips:30111",
    )
    assert gazetteer.lookup("Washington County") is None  # thirty states have one
    oregon = gazetteer.lookup("Washington County, Oregon")
    assert oregon is not None and oregon.gazetteer_id == "fips:41067"


def test_codes_match_only_as_written() -> None:
    gazetteer = default_gazetteer()
    assert gazetteer.lookup("mid") is None  # 'in mid-February', not Merida's airport code
    nyc = gazetteer.lookup("NYC")
    assert nyc is not None and nyc.country == "USA"
    usa = gazetteer.lookup("USA")
    assert usa is not None and (usa.country, usa.precision) == ("USA", "country")


def test_names_match_with_or_without_their_accents() -> None:
    for name in ("São Paulo", "Sao Paulo", "SAO PAULO", "Bogotá", "BOGOTA"):
        place = default_gazetteer().lookup(name)
        assert place is not None and place.country in ("BRA", "COL"), name
    county = default_gazetteer().lookup("Dona Ana County")
    assert county is not None and county.country == "USA"


def test_the_kind_of_area_the_text_names_picks_the_country_that_has_it() -> None:
    assert default_gazetteer().lookup("Plateau State").country == "NGA"  # a state
    assert default_gazetteer().lookup("Plateau department").country == "BEN"
    assert default_gazetteer().lookup("Borno State").country == "NGA"  # not a German town
