"""The shipped actor dictionaries load, cover every state, and bad analyst files fail clearly."""

from __future__ import annotations

import json
import re
from datetime import date
from pathlib import Path

import pycountry
import pytest

from parley.actors.dictionary import (
    FILES,
    PEOPLE,
    SECTORS,
    Dictionaries,
    PersonRecord,
    Role,
    TitleRecord,
    load_dictionaries,
)
from parley.errors import DictionaryError

# The 193 UN member states (ISO 3166-1 alpha-3).
_UN_TEXT = """
    AFG ALB DZA AND AGO ATG ARG ARM AUS AUT AZE BHS BHR BGD BRB BLR BEL BLZ BEN BTN BOL BIH BWA
    BRA BRN BGR BFA BDI CPV KHM CMR CAN CAF TCD CHL CHN COL COM COG COD CRI CIV HRV CUB CYP CZE
    DNK DJI DMA DOM ECU EGY SLV GNQ ERI EST SWZ ETH FJI FIN FRA GAB GMB GEO DEU GHA GRC GRD GTM
    GIN GNB GUY HTI HND HUN ISL IND IDN IRN IRQ IRL ISR ITA JAM JPN JOR KAZ KEN KIR KWT KGZ LAO
    LVA LBN LSO LBR LBY LIE LTU LUX MDG MWI MYS MDV MLI MLT MHL MRT MUS MEX FSM MDA MCO MNG MNE
    MAR MOZ MMR NAM NRU NPL NLD NZL NIC NER NGA PRK MKD NOR OMN PAK PLW PAN PNG PRY PER PHL POL
    PRT QAT KOR ROU RUS RWA KNA LCA VCT WSM SMR STP SAU SEN SRB SYC SLE SGP SVK SVN SLB SOM ZAF
    SSD ESP LKA SDN SUR SWE CHE SYR TJK TZA THA TLS TGO TON TTO TUN TUR TKM TUV UGA UKR ARE GBR
    USA URY UZB VUT VEN VNM YEM ZMB ZWE
"""
UN_MEMBERS = frozenset(_UN_TEXT.split())
EXTRA_STATES = frozenset({"VAT", "PSE", "TWN", "XKX", "HKG"})
_ORG_TEXT = (
    "UN UNSC UNGA NATO EU AU ASEAN IAEA OPEC G7 G20 WHO WTO IMF WORLDBANK ARABLEAGUE GCC OSCE OAS "
    "ICC ICJ ECOWAS TALIBAN ALQAEDA ISIS HEZBOLLAH HAMAS HOUTHIS PKK YPG SDF PMF KATAIBHEZBOLLAH "
    "ALSHABAAB BOKOHARAM FARC ELN SHININGPATH FMLN WAGNER"
)
CANONICAL_ORGS = _ORG_TEXT.split()


@pytest.fixture(scope="module")
def dicts() -> Dictionaries:
    return load_dictionaries()


def _country(d: Dictionaries, code: str):
    return next(c for c in d.countries if c.code == code)


def _org(d: Dictionaries, org: str):
    return next(o for o in d.organizations if o.org == org)


def _aliases(record) -> set[str]:
    fields = ("names", "abbreviations", "adjectives", "demonyms", "capitals")
    return {a for f in fields for a in getattr(record, f, ())}


def test_defaults_load_with_a_stable_hash(dicts: Dictionaries) -> None:
    assert len(dicts.countries) == 198
    assert len(dicts.organizations) > 100
    assert len(dicts.titles) > 100
    assert re.fullmatch(r"[0-9a-f]{64}", dicts.content_hash)
    assert load_dictionaries().content_hash == dicts.content_hash


def test_every_un_member_plus_observers_and_special_cases(dicts: Dictionaries) -> None:
    assert len(UN_MEMBERS) == 193
    assert UN_MEMBERS.issubset(c.alpha_3 for c in pycountry.countries)
    codes = [c.code for c in dicts.countries]
    assert len(codes) == len(set(codes))
    assert set(codes) == UN_MEMBERS | EXTRA_STATES
    assert "ESH" not in codes


def test_every_state_has_names_and_capitals(dicts: Dictionaries) -> None:
    no_adjective = {"COG", "DMA"}  # "Congolese", "Dominican" belong to COD, DOM
    for c in dicts.countries:
        assert c.names and c.capitals, c.code
        assert c.adjectives or c.code in no_adjective, c.code
        assert set(c.ambiguous_capitals) <= set(c.capitals), c.code


@pytest.mark.parametrize(
    ("code", "alias"),
    [
        ("KOR", "ROK"), ("KOR", "South Korea"), ("PRK", "DPRK"), ("PRK", "North Korea"),
        ("GBR", "UK"), ("GBR", "Britain"), ("USA", "U.S."), ("USA", "America"),
        ("RUS", "Russia"), ("CZE", "Czechia"), ("CIV", "Ivory Coast"), ("MMR", "Burma"),
        ("COD", "DRC"), ("COG", "Republic of the Congo"), ("TUR", "Türkiye"), ("MKD", "Macedonia"),
        ("SWZ", "Swaziland"), ("VAT", "Vatican"), ("PSE", "Palestinian Authority"),
        ("CHN", "PRC"), ("TWN", "Republic of China"), ("BEN", "Cotonou"), ("NER", "Nigerien"),
        ("ISR", "Jerusalem"), ("ARE", "UAE"), ("SRB", "Serb"), ("XKX", "Kosovar"),
    ],
)  # fmt: skip
def test_news_aliases(dicts: Dictionaries, code: str, alias: str) -> None:
    assert alias in _aliases(_country(dicts, code))


def test_institutions_and_ambiguous_capitals(dicts: Dictionaries) -> None:
    usa = {(i.text, i.sector) for i in _country(dicts, "USA").institutions}
    assert {("White House", "GOV"), ("Pentagon", "MIL"), ("CIA", "SPY"), ("FBI", "COP")} <= usa
    assert ("Kremlin", "GOV") in {(i.text, i.sector) for i in _country(dicts, "RUS").institutions}
    assert "Victoria" in _country(dicts, "SYC").ambiguous_capitals
    assert "Washington" in _country(dicts, "USA").ambiguous_capitals
    for c in dicts.countries:
        assert all(i.sector in SECTORS for i in c.institutions)


def test_canonical_orgs_present(dicts: Dictionaries) -> None:
    ids = {o.org for o in dicts.organizations}
    assert set(CANONICAL_ORGS) <= ids
    assert _org(dicts, "UNSC").parent == "UN"
    assert "Daesh" in _org(dicts, "ISIS").names
    assert "Ansar Allah" in _org(dicts, "HOUTHIS").names
    assert {"G-7", "G7"} <= set(_org(dicts, "G7").abbreviations)
    assert _org(dicts, "HAMAS").kind == "NSAG" and _org(dicts, "NATO").kind == "IGO"


def test_no_alias_names_two_actors(dicts: Dictionaries) -> None:
    owner: dict[str, str] = {}
    records = [(c.code, c) for c in dicts.countries] + [(o.org, o) for o in dicts.organizations]
    for key, record in records:
        for alias in _aliases(record):
            assert owner.setdefault(alias.casefold(), key) == key, alias


def test_titles(dicts: Dictionaries) -> None:
    by_title = {t.title: t for t in dicts.titles}
    assert by_title["foreign minister"].sector == "GOV"
    assert "minister of foreign affairs" in by_title["foreign minister"].variants
    assert by_title["lawmaker"].sector == "LEG" and by_title["troops"].sector == "MIL"
    assert by_title["protesters"].sector == "CVL" and by_title["students"].sector == "EDU"
    for t in dicts.titles:
        assert t.sector in SECTORS
        assert all(v == v.lower() for v in (t.title, *t.variants))


def _write(folder: Path, name: str, *lines: object) -> Path:
    path = folder / name
    text = "\n".join(line if isinstance(line, str) else json.dumps(line) for line in lines)
    path.write_text(text + "\n", encoding="utf-8")
    return path


def test_override_replaces_and_adds(tmp_path: Path, dicts: Dictionaries) -> None:
    kor = {"code": "KOR", "names": ["South Korea"], "capitals": ["Seoul"]}
    _write(tmp_path, "countries.jsonl", kor)
    _write(tmp_path, "titles.jsonl", {"title": "vice chairman", "sector": "GOV"})
    merged = load_dictionaries(tmp_path)
    assert [c.code for c in merged.countries] == [c.code for c in dicts.countries]
    new_kor = _country(merged, "KOR")
    assert new_kor.names == ("South Korea",) and new_kor.abbreviations == ()
    assert _country(merged, "JPN") == _country(dicts, "JPN")
    chairman = [t for t in merged.titles if t.title == "vice chairman"]
    assert chairman == [TitleRecord("vice chairman", "GOV", (), None)]
    assert {t.title for t in merged.titles} == {t.title for t in dicts.titles} | {"vice chairman"}
    assert merged.organizations == dicts.organizations
    assert merged.content_hash != dicts.content_hash


GOOD_COUNTRY = {"code": "XXA", "names": ["Atlantis"]}
GOOD_ORG = {"org": "ATL", "kind": "IGO", "names": ["Atlantic Club"]}
GOOD_TITLE = {"title": "vizier", "sector": "GOV"}


@pytest.mark.parametrize(
    ("name", "line", "message"),
    [
        ("countries.jsonl", '{"code": "XXA", ', "invalid JSON"),
        ("countries.jsonl", "[1, 2]", "must be a JSON object"),
        ("countries.jsonl", GOOD_COUNTRY | {"flag": "x"}, "unknown field 'flag'"),
        ("countries.jsonl", {"code": "XXA"}, "missing required field 'names'"),
        ("countries.jsonl", GOOD_COUNTRY | {"names": "Atlantis"}, "field 'names' must be"),
        ("countries.jsonl", GOOD_COUNTRY | {"names": ["Atlantis", ""]}, "field 'names' must be"),
        ("countries.jsonl", GOOD_COUNTRY | {"code": 7}, "field 'code' must be"),
        ("countries.jsonl", GOOD_COUNTRY | {"code": "xxa"}, "not 3 upper-case letters"),
        ("countries.jsonl", GOOD_COUNTRY | {"code": "XXAB"}, "not 3 upper-case letters"),
        ("countries.jsonl", GOOD_COUNTRY | {"ambiguous_capitals": ["Nice"]}, "ambiguous_capitals"),
        ("countries.jsonl", GOOD_COUNTRY | {"institutions": [{"text": "Hall", "sector": "XYZ"}]},
         "unknown sector 'XYZ'"),
        ("countries.jsonl", GOOD_COUNTRY | {"institutions": [{"text": "Hall"}]}, "institutions"),
        ("organizations.jsonl", GOOD_ORG | {"org": "Atl"}, "not upper-case letters"),
        ("organizations.jsonl", GOOD_ORG | {"org": "AT-L"}, "not upper-case letters"),
        ("organizations.jsonl", GOOD_ORG | {"kind": "PARTY"}, "kind 'PARTY'"),
        ("organizations.jsonl", GOOD_ORG | {"parent": "NOSUCH"}, "not a known org"),
        ("organizations.jsonl", GOOD_ORG | {"parent": 3}, "field 'parent' must be"),
        ("organizations.jsonl", GOOD_ORG | {"home": "XYZ"}, "home 'XYZ' is not a known country"),
        ("titles.jsonl", GOOD_TITLE | {"sector": "KING"}, "unknown sector 'KING'"),
        ("titles.jsonl", GOOD_TITLE | {"title": "Vizier"}, "lower-case"),
        ("titles.jsonl", GOOD_TITLE | {"rank": 1}, "field 'rank' must be"),
    ],
)  # fmt: skip
def test_validation_errors_name_file_and_line(
    tmp_path: Path, name: str, line: object, message: str
) -> None:
    path = _write(tmp_path, name, "", line)  # a blank first line: the bad record is line 2
    with pytest.raises(DictionaryError, match=re.escape(message)) as err:
        load_dictionaries(tmp_path)
    assert str(err.value).startswith(f"{path}:2: ")


def test_duplicate_id_in_one_file(tmp_path: Path) -> None:
    path = _write(tmp_path, "organizations.jsonl", GOOD_ORG, GOOD_ORG)
    with pytest.raises(DictionaryError, match="duplicate id 'ATL'") as err:
        load_dictionaries(tmp_path)
    assert str(err.value).startswith(f"{path}:2: ") and f"{path}:1" in str(err.value)


def test_alias_collision_reports_both_records(tmp_path: Path) -> None:
    path = _write(tmp_path, "countries.jsonl", GOOD_COUNTRY | {"names": ["Atlantis", "JAPAN"]})
    with pytest.raises(DictionaryError, match="'JAPAN' of 'XXA' is also given to 'JPN'") as err:
        load_dictionaries(tmp_path)
    message = str(err.value)
    assert re.search(r"countries\.jsonl:\d+", message.split(" at ")[-1])  # the default's line
    assert message.startswith(f"{path}:1: ")


def test_org_alias_may_not_reuse_a_country_alias(tmp_path: Path) -> None:
    _write(tmp_path, "organizations.jsonl", GOOD_ORG | {"abbreviations": ["ROK"]})
    with pytest.raises(DictionaryError, match="'ROK' of 'ATL' is also given to 'KOR'"):
        load_dictionaries(tmp_path)


def test_title_variant_collision(tmp_path: Path) -> None:
    _write(tmp_path, "titles.jsonl", GOOD_TITLE | {"variants": ["foreign secretary"]})
    with pytest.raises(DictionaryError, match="also given to 'foreign minister'"):
        load_dictionaries(tmp_path)


def test_bad_override_folder(tmp_path: Path) -> None:
    with pytest.raises(DictionaryError, match="not found"):
        load_dictionaries(tmp_path / "missing")
    _write(tmp_path, "country.jsonl", GOOD_COUNTRY)
    with pytest.raises(DictionaryError, match="country.jsonl"):
        load_dictionaries(tmp_path)


def test_not_utf8(tmp_path: Path) -> None:
    (tmp_path / "titles.jsonl").write_bytes(b'{"title": "\xff"}\n')
    with pytest.raises(DictionaryError, match="not UTF-8"):
        load_dictionaries(tmp_path)


# --- people.jsonl ---


def _person(d: Dictionaries, name: str) -> PersonRecord:
    return next(p for p in d.people if p.name == name)


def test_people_load(dicts: Dictionaries) -> None:
    assert len(dicts.people) >= 600
    assert FILES.index(PEOPLE) == FILES.index("titles.jsonl") + 1  # hash order
    putin = _person(dicts, "Vladimir Putin")
    assert (putin.country, putin.org, putin.sector) == ("RUS", None, "GOV")
    assert Role("president", date(2012, 1, 1), None) in putin.roles
    assert putin.names[0] == "Vladimir Putin"
    guterres = _person(dicts, "António Guterres")
    assert (guterres.country, guterres.org, guterres.sector) == (None, "UN", "IGO")
    assert "Antonio Guterres" in guterres.aliases
    # a role for another state takes its title's sector: Portugal's prime minister was GOV
    portugal = Role("prime minister", date(1995, 1, 1), date(2002, 12, 31), "PRT", None, "GOV")
    assert portugal in guterres.roles
    countries = {c.code for c in dicts.countries}
    orgs = {o.org for o in dicts.organizations}
    for p in (p for p in dicts.people if p.by_surname):  # the shipped file's people
        assert (p.country is None) != (p.org is None), p.name
        assert p.country in countries or p.org in orgs, p.name
        assert p.sector in SECTORS, p.name
        for r in p.roles:
            assert r.title == r.title.lower(), p.name
            assert None in (r.start, r.end) or r.start <= r.end, p.name


@pytest.mark.parametrize(
    ("name", "party", "alias"),
    [
        ("Donald Trump", "USA", "Donald J. Trump"), ("Antony Blinken", "USA", "Tony Blinken"),
        ("Sung Kim", "USA", None), ("Kim Gunn", "KOR", None), ("Cho Hyun-dong", "KOR", None),
        ("Takehiro Funakoshi", "JPN", None), ("Yoshimasa Hayashi", "JPN", None),
        ("Kim Jong Un", "PRK", "Kim Jong-un"), ("Moon Jae-in", "KOR", "Moon Jae In"),
        ("Dominic Raab", "GBR", None), ("Xi Jinping", "CHN", None),
        ("Sergei Lavrov", "RUS", "Sergey Lavrov"),
        ("Recep Tayyip Erdoğan", "TUR", "Recep Tayyip Erdogan"),
        ("Volodymyr Zelensky", "UKR", "Volodymyr Zelenskyy"), ("Mahmoud Abbas", "PSE", None),
        ("Bashar al-Assad", "SYR", "Bashar Assad"), ("Patrice Talon", "BEN", None),
        ("Jens Stoltenberg", "NATO", None), ("Kaja Kallas", "EU", None),
        ("Rafael Grossi", "IAEA", None), ("Tedros Adhanom Ghebreyesus", "WHO", "Tedros Adhanom"),
        ("Hassan Nasrallah", "HEZBOLLAH", None), ("Yahya Sinwar", "HAMAS", None),
        ("Haibatullah Akhundzada", "TALIBAN", None), ("Abu Bakr al-Baghdadi", "ISIS", None),
        ("Osama bin Laden", "ALQAEDA", "Usama bin Laden"),
    ],
)  # fmt: skip
def test_well_known_people(dicts: Dictionaries, name: str, party: str, alias: str | None) -> None:
    person = _person(dicts, name)
    assert party in (person.country, person.org)
    assert alias is None or alias in person.aliases


def test_people_sharing_a_surname_are_all_kept(dicts: Dictionaries) -> None:
    names = {p.name for p in dicts.people}
    assert {"George H. W. Bush", "George W. Bush"} <= names
    assert {"Kim Jong Un", "Kim Gunn", "Sung Kim", "Kim Dae-jung"} <= names
    assert {"Gerhard Stoltenberg", "Jens Stoltenberg"} <= names
    assert {"Hafez al-Assad", "Bashar al-Assad"} <= names


def test_no_name_or_alias_names_two_people(dicts: Dictionaries) -> None:
    owner: dict[str, str] = {}
    for p in dicts.people:
        for alias in p.names:
            assert owner.setdefault(alias.casefold(), p.name) == p.name, alias


def test_role_covers() -> None:
    term = Role("president", date(2017, 1, 20), date(2021, 1, 20))
    assert term.covers(date(2021, 1, 20)) and not term.covers(date(2021, 1, 21))
    assert not term.covers(date(2017, 1, 19))
    assert Role("king", None, None).covers(date(1990, 5, 1))
    assert Role("emir", date(2013, 6, 25), None).covers(date(2030, 1, 1))


def test_a_year_covers_the_whole_year(tmp_path: Path) -> None:
    """'from 2017 to 2021' in the file is 1 January 2017 to 31 December 2021."""
    _write(
        tmp_path,
        "people.jsonl",
        GOOD_PERSON | {"roles": [{"title": "envoy", "from": 2017, "to": 2021}]},
    )
    (role,) = _person(load_dictionaries(tmp_path), "Ann Example").roles
    assert (role.start, role.end) == (date(2017, 1, 1), date(2021, 12, 31))


def test_a_role_may_give_days(tmp_path: Path) -> None:
    day_role = {"title": "envoy", "from": "2019-03-04", "to": "2020-11-30", "sector": "MIL"}
    _write(tmp_path, "people.jsonl", GOOD_PERSON | {"roles": [day_role]})
    (role,) = _person(load_dictionaries(tmp_path), "Ann Example").roles
    assert role == Role("envoy", date(2019, 3, 4), date(2020, 11, 30), sector="MIL")


GOOD_PERSON = {
    "name": "Ann Example",
    "aliases": ["Ann B. Example"],
    "country": "KOR",
    "sector": "GOV",
    "roles": [{"title": "envoy", "from": 2020, "to": None}],
}


def test_people_override_replaces_and_adds(tmp_path: Path, dicts: Dictionaries) -> None:
    putin = {"name": "Vladimir Putin", "country": "RUS", "sector": "MIL",
             "roles": [{"title": "colonel", "from": 1975, "to": 1991}]}  # fmt: skip
    _write(tmp_path, "people.jsonl", putin, GOOD_PERSON)
    merged = load_dictionaries(tmp_path)
    shipped = [p.name for p in merged.people if p.by_surname]
    assert shipped == [p.name for p in dicts.people if p.by_surname] + ["Ann Example"]
    new_putin = _person(merged, "Vladimir Putin")
    colonel = Role("colonel", date(1975, 1, 1), date(1991, 12, 31))
    assert new_putin == PersonRecord("Vladimir Putin", (), "RUS", None, "MIL", (colonel,))
    assert _person(merged, "Ann Example") == PersonRecord(
        "Ann Example",
        ("Ann B. Example",),
        "KOR",
        None,
        "GOV",
        (Role("envoy", date(2020, 1, 1), None),),
    )
    assert _person(merged, "Xi Jinping") == _person(dicts, "Xi Jinping")
    assert merged.countries == dicts.countries and merged.titles == dicts.titles
    assert merged.content_hash != dicts.content_hash


def _role(**fields: object) -> dict[str, object]:
    return GOOD_PERSON | {"roles": [{"title": "envoy"} | fields]}


@pytest.mark.parametrize(
    ("line", "message"),
    [
        ({"name": "Ann Example", "country": "KOR"}, "missing required field 'sector'"),
        (GOOD_PERSON | {"sector": "BOSS"}, "unknown sector 'BOSS'"),
        (GOOD_PERSON | {"org": "UN"}, "exactly one of 'country' or 'org'"),
        ({"name": "Ann Example", "sector": "GOV"}, "exactly one of 'country' or 'org'"),
        (GOOD_PERSON | {"country": None}, "exactly one of 'country' or 'org'"),
        (GOOD_PERSON | {"country": "XYZ"}, "country 'XYZ' is not in countries.jsonl"),
        (GOOD_PERSON | {"country": "USA "}, "country 'USA ' is not in countries.jsonl"),
        ({**GOOD_PERSON, "country": None, "org": "NOSUCH"}, "org 'NOSUCH' is not in organ"),
        (GOOD_PERSON | {"aliases": "Ann"}, "field 'aliases' must be"),
        (GOOD_PERSON | {"born": 1950}, "unknown field 'born'"),
        (GOOD_PERSON | {"roles": {"title": "envoy"}}, "field 'roles' must be"),
        (GOOD_PERSON | {"roles": [{"from": 2001}]}, "field 'roles' must be"),
        (_role(start=2001), "field 'roles' must be"),
        (_role(title="Envoy"), "role 1: title 'Envoy' must be lower-case"),
        (_role(title=""), "role 1: field 'title' must be"),
        (_role(**{"from": 2010, "to": 2001}), "role 1: 'from' 2010 is after 'to' 2001"),
        (_role(**{"from": "2001"}), "role 1: 'from' must be a year"),
        (_role(**{"to": 20011}), "role 1: 'to' must be a year"),
        (_role(**{"to": True}), "role 1: 'to' must be a year"),
        (_role(country="RUS", org="UN"), "role 1: give 'country' or 'org', not both"),
        (_role(country="XYZ"), "role 1: country 'XYZ' is not in countries.jsonl"),
        (_role(org="NOSUCH"), "role 1: org 'NOSUCH' is not in organizations.jsonl"),
    ],
)  # fmt: skip
def test_people_validation_errors_name_file_and_line(
    tmp_path: Path, line: object, message: str
) -> None:
    path = _write(tmp_path, "people.jsonl", "", line)  # the bad record is line 2
    with pytest.raises(DictionaryError, match=re.escape(message)) as err:
        load_dictionaries(tmp_path)
    assert str(err.value).startswith(f"{path}:2: ")


def test_duplicate_person_name_in_one_file(tmp_path: Path) -> None:
    path = _write(tmp_path, "people.jsonl", GOOD_PERSON, GOOD_PERSON)
    with pytest.raises(DictionaryError, match="duplicate name 'Ann Example'") as err:
        load_dictionaries(tmp_path)
    assert str(err.value).startswith(f"{path}:2: ") and f"{path}:1" in str(err.value)


def test_every_person_alias_collision_is_reported(tmp_path: Path) -> None:
    lines = [
        GOOD_PERSON,  # 1
        GOOD_PERSON | {"name": "Bo Example", "aliases": ["ANN B. EXAMPLE"]},  # 2: alias vs alias
        GOOD_PERSON | {"name": "Cy Example", "aliases": ["ann example"]},  # 3: alias vs name
        GOOD_PERSON | {"name": "Ann b. example", "aliases": []},  # 4: name vs alias
        GOOD_PERSON | {"name": "Di Example", "aliases": ["Vladimir V. Putin"]},  # 5: vs shipped
        GOOD_PERSON | {"name": "Ed Example", "aliases": ["Ed Example", "ed example"]},  # 6: own
    ]
    path = _write(tmp_path, "people.jsonl", *lines)
    with pytest.raises(DictionaryError) as err:
        load_dictionaries(tmp_path)
    message = str(err.value)
    assert "\n" not in message  # one line, as every Parley error
    reports = message.split("; ")
    assert len(reports) == 4
    assert reports[0].startswith(f"{path}:2: alias 'ANN B. EXAMPLE' of 'Bo Example'")
    assert reports[0].endswith(f"also given to 'Ann Example' at {path}:1")
    assert reports[1].startswith(f"{path}:3: alias 'ann example' of 'Cy Example'")
    assert reports[1].endswith(f"at {path}:1")
    assert reports[2].startswith(f"{path}:4: alias 'Ann b. example' of 'Ann b. example'")
    assert reports[2].endswith(f"at {path}:1")
    assert reports[3].startswith(f"{path}:5: alias 'Vladimir V. Putin' of 'Di Example'")
    assert re.search(r"also given to 'Vladimir Putin' at \S*people\.jsonl:\d+$", reports[3])
