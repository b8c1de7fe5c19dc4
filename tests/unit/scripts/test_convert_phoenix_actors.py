"""The Phoenix converter on hand-written snippets in the Phoenix formats (dictionaries.rst)."""

from __future__ import annotations

import importlib.util
import sys
from datetime import date
from pathlib import Path
from types import ModuleType

import pytest

SCRIPT = Path(__file__).resolve().parents[3] / "scripts" / "convert_phoenix_actors.py"


def _load() -> ModuleType:
    spec = importlib.util.spec_from_file_location("convert_phoenix_actors", SCRIPT)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module  # dataclasses look their module up
    spec.loader.exec_module(module)
    return module


cv = _load()
STATES = frozenset({"AFG", "MLI", "USA", "TLS", "GBR", "PSE", "KOR"})


@pytest.mark.parametrize(
    ("text", "day"),
    [
        ("681119", date(1968, 11, 19)), ("070723", date(2007, 7, 23)),
        ("300101", date(2030, 1, 1)), ("310101", date(1931, 1, 1)),
        ("19270101", date(1927, 1, 1)), ("2004017", None), ("20100931", None), ("", None),
    ],
)  # fmt: skip
def test_parse_day(text: str, day: date | None) -> None:
    assert cv.parse_day(text) == day


def test_parse_restriction() -> None:
    R = cv.Restriction
    assert cv.parse_restriction("MLIGOV 681119-910326") == R(
        "MLIGOV", date(1968, 11, 19), date(1991, 3, 26), True
    )
    assert cv.parse_restriction("AFGGOV >011222") == R("AFGGOV", date(2001, 12, 22), None, True)
    assert cv.parse_restriction("KSVGOV > 080109") == R("KSVGOV", date(2008, 1, 9), None, True)
    assert cv.parse_restriction("USAGOV <061231") == R("USAGOV", None, date(2006, 12, 31), True)
    assert cv.parse_restriction("AFGELI") == R("AFGELI")
    assert cv.parse_restriction("---") == R(None)
    assert cv.parse_restriction("KORGOVBUS 2004017-20061201") is None  # a slip: skipped
    assert cv.parse_restriction("USAGOV 101231-100101") is None  # ends before it starts


ACTORS = """\
# a comment line
AFGHANISTAN_  [AFG]
+AFGHAN_

HAMID_KARZAI_  # CountryInfo.txt
+KARZAI_
+PRESIDENT_KARZAI_
\t[AFGELI 750101-000101]
\t[AFGGOV >011222]
\t[AFGELI]
UN_ [IGOUNO]
U.N._

UN_SECRETARY_GENERAL
+UNSG
\t[IGOUNO]
JAVIER_DE_CUELLAR_\t[IGOUNO 820101-911231] [ELI]# IGOrulers.txt
"""


def test_read_actor_blocks() -> None:
    blocks = cv.read_actor_blocks(ACTORS)
    assert [b.phrases for b in blocks] == [
        ["AFGHANISTAN_", "AFGHAN_"],
        ["HAMID_KARZAI_", "KARZAI_", "PRESIDENT_KARZAI_"],
        ["UN_"],
        ["U.N._", "UN_SECRETARY_GENERAL", "UNSG"],  # a code-less primary takes the next codes
        ["JAVIER_DE_CUELLAR_"],
    ]
    karzai = blocks[1]
    assert karzai.note == "CountryInfo.txt"
    assert karzai.restrictions[1] == cv.Restriction("AFGGOV", date(2001, 12, 22), None, True)
    assert karzai.restrictions[2] == cv.Restriction("AFGELI")
    assert blocks[4].restrictions == [
        cv.Restriction("IGOUNO", date(1982, 1, 1), date(1991, 12, 31), True),
        cv.Restriction("ELI"),
    ]


@pytest.mark.parametrize(
    ("code", "expected"),
    [
        ("AFGGOVAGR", ("AFG", None, "GOV")), ("MLIELI", ("MLI", None, "ELI")),
        ("TMPGOV", ("TLS", None, "GOV")), ("IGOUNOHLHWHO", (None, "WHO", "IGO")),
        ("IGOUNODEVWBK", (None, "WORLDBANK", "IGO")), ("IGOUNOBUS", (None, "UN", "IGO")),
        ("IGOLAM", (None, None, "IGO")), ("PSEREBHMS", (None, "HAMAS", "REB")),
        ("IMGMUSALQ", (None, "ALQAEDA", "REB")), ("SYRINSMUS", (None, None, None)),
        ("USAINS", ("USA", None, "REB")), ("GBRVGB", ("GBR", None, None)),
        ("ELI", (None, None, "ELI")), ("DDRGOV", (None, None, None)), (None, (None, None, None)),
    ],
)  # fmt: skip
def test_read_code(code: str | None, expected: tuple[str | None, ...]) -> None:
    read = cv.read_code(code, STATES)
    assert (read.country, read.org, read.sector) == expected


TITLE_WORDS = frozenset({"president", "secretary", "general", "secretary-general", "minister"})
NON_NAME = TITLE_WORDS | cv.FUNCTION_WORDS | {"united", "states", "congress"}


@pytest.mark.parametrize(
    ("phrase", "words"),
    [
        ("SECRETARY-GENERAL_BAN_KI-MOON", ["BAN", "KI-MOON"]),
        ("HAMID_KARZAI_", ["HAMID", "KARZAI"]),
        ("PRESIDENT_KARZAI_", None),  # a title and a bare surname
        ("KARZAI_", None),
        ("UNITED_STATES_CONGRESS_", None),
        ("FOREIGN_MINISTER_ABDULLAH_", None),
        ("SECRETARY_GENERAL_OF_THE_UN", None),
        ("AMERICA_(USA)_", None),
    ],
)
def test_person_words(phrase: str, words: list[str] | None) -> None:
    assert cv.person_words(phrase, TITLE_WORDS, NON_NAME) == words


@pytest.mark.parametrize(
    ("words", "name"),
    [
        (["JOHN", "MCCAIN"], "John McCain"),
        (["MUHAMMAD", "AL-BARADEI"], "Muhammad al-Baradei"),
        (["MIGUEL", "D'ESCOTO", "BROCKMANN"], "Miguel D'Escoto Brockmann"),
        (["OSAMA", "BIN", "LADEN"], "Osama bin Laden"),
        (["JAVIER", "DE", "CUELLAR"], "Javier de Cuellar"),
        (["A.N.R.", "ROBINSON"], "A.N.R. Robinson"),
    ],
)
def test_display_name(words: list[str], name: str) -> None:
    assert cv.display_name(words) == name


def _draft(block_text: str, group: object = None) -> object:
    (block,) = cv.read_actor_blocks(block_text)
    return cv.person_affiliation(block, STATES, group)


def test_person_record_keeps_dated_roles_and_the_default() -> None:
    draft = _draft(ACTORS.split("UN_ [IGOUNO]")[0].split("+AFGHAN_\n\n")[1])
    draft.words = ("HAMID", "KARZAI")
    assert cv.person_record(draft) == {
        "name": "Hamid Karzai",
        "country": "AFG",
        "sector": "ELI",
        "roles": [
            {"from": "1975-01-01", "to": "2000-01-01", "country": "AFG", "sector": "ELI"},
            {"from": "2001-12-22", "to": None, "country": "AFG", "sector": "GOV"},
        ],
    }


def test_a_career_merges_and_namesakes_are_left_out() -> None:
    career = _draft("ANN_VENEMAN_\n\t[USAGOV 010120-050120]\n")
    cv.merge_person(career, _draft("ANN_VENEMAN_ [IGOUNOKID >050501]\n"))
    assert not career.conflicting and len(career.roles) == 2
    namesake = _draft("ABDUL_ALI_\n\t[AFGGOV 030101-040930]\n")
    cv.merge_person(namesake, _draft("ABDUL_ALI_\n\t[MLIGOV 040101-051231]\n"))
    assert namesake.conflicting
    namesake.words = ("ABDUL", "ALI")
    assert cv.person_record(namesake) is None


def test_a_person_listed_with_an_armed_group_serves_the_group() -> None:
    hamas = cv.Code(org="HAMAS", sector="REB")
    draft = _draft("SHEIKH_AHMED_YASSIN\n\t[PSEREBHMS 19870101-20040322]\n", hamas)
    assert draft.roles == [(hamas, date(1987, 1, 1), date(2004, 3, 22))]


def test_common_parts_are_shared_by_many_names() -> None:
    names = [("ABDUL", f"X{i}") for i in range(cv.COMMON_PART)] + [("JALALI", "ALI")]
    assert cv.common_parts(names) == frozenset({"ABDUL"})


AGENTS = """\
!PERSON! = MAN, MEN, WOMAN, WOMEN, PERSON
PROTESTER [~OPP] # jap 11 Oct 2002
POLICE {} [~COP]
POLICE!PERSON!  [~COP]
GUNMAN {GUNMEN} [~UAF]
HOSPITAL [~HLH]
COPTIC_CHRISTIAN [~CHRCPT]
F-22_RAPTOR [~MIL]
HUMAN_RIGHTS_BODY  [NGO~]
STUDENT_PROTESTER [~OPPEDU]
DEFENSE_MINIST [~GOVMIL]
FOREIGN MINISTER [~GOV]
"""


def test_agents_become_role_noun_titles_with_their_plurals() -> None:
    left_out: cv.Counter[str] = cv.Counter()
    titles = cv.convert_agents(
        cv.read_agents(AGENTS), frozenset({"HUNTER"}), {"protesters": "CVL"}, left_out
    )
    assert titles == [
        {"title": "gunman", "sector": "UAF", "variants": ["gunmen"]},
        {"title": "policeman", "sector": "COP", "variants": ["policemen"]},
        {"title": "policewoman", "sector": "COP", "variants": ["policewomen"]},
    ]
    # PROTESTER and STUDENT_PROTESTER: Parley's protesters are CVL; POLICE, HOSPITAL and
    # POLICEPERSON name no people by their ending; CHRCPT is no sector; F-22 has digits;
    # DEFENSE_MINIST is a stem; FOREIGN MINISTER lets words come between (not a title)
    assert sum(left_out.values()) == 9


def test_split_abbreviation_and_org_id() -> None:
    words = cv.phrase_words("ADEN_ABYAN_ISLAMIC_ARMY_(AAIA)_")
    assert cv.split_abbreviation(words) == (["ADEN", "ABYAN", "ISLAMIC", "ARMY"], "AAIA")
    assert cv.split_abbreviation(["ACTION", "(KARATAS_FACTION)"]) == (["ACTION"], None)
    assert cv.org_id(["Aden Abyan Islamic Army"], ["AAIA"]) == "AAIA"
    assert cv.org_id(["Anarchist Faction"], []) == "ANARCHISTFACTION"
    assert cv.org_title(["ARMY", "OF", "GOD"]) == "Army of God"


COUNTRIES = """\
AFGHANISTAN_  [AFG]
HAMID_KARZAI_  # CountryInfo.txt
\t[AFGGOV >011222]
KHALED_NORDIN_  # CountryInfo.txt
\t[AFGGOV 041101-080331]
KOFI_ABREFA_BUSIA_  # CountryInfo.txt
	[GHAGOV 690903-720113]
ABDUL_ALI_  # CountryInfo.txt
\t[AFGGOV 030101-040930]
REVOLUTIONARY_GUARD
\t[AFGMIL]
"""
INTERNATIONAL = """\
KOFI_ANNAN_\t[IGOUNO 970101-061231] [ELI]# IGOrulers.txt
WORLD_BANK_ [IGOUNODEVWBK]
ANDEAN_COMMUNITY_ [IGOSAM]
ACME_CORPORATION_ [MNCUSA]
"""
GROUPS = """\
HAMAS_  # kkl 21 Mar 13
+ISLAMIC_RESISTANCE_MOVEMENT
+KHALED_MESHAAL
\t[PSEREBHMS]

DIRECT_ACTION_(GREECE)_ [GRCREB]

DEMOCRATIC_FRONT_FOR_THE_LIBERATION_OF_PALESTINE_(DFLP)_ [PSEREB]
+KHALED_ABDEL_MAJID_
"""


def test_convert_a_small_source(tmp_path: Path) -> None:
    texts = {"countries": COUNTRIES, "international": INTERNATIONAL, "groups": GROUPS}
    for key, name in cv.SOURCE_FILES.items():
        (tmp_path / name).write_text(texts.get(key, AGENTS), encoding="utf-8")
    result = cv.convert(tmp_path, cv.Shipped.load())
    people = {p["name"]: p for p in result.people}
    assert people["Hamid Karzai"]["roles"] == [
        {"from": "2001-12-22", "to": None, "country": "AFG", "sector": "GOV"}
    ]
    assert people["Kofi Annan"]["roles"][0]["org"] == "UN"
    assert people["Khaled Meshaal"] == {"name": "Khaled Meshaal", "org": "HAMAS", "sector": "REB"}
    assert people["Khaled Abdel Majid"]["org"] == "DFLP"  # a given name: a person
    assert "Revolutionary Guard" not in people  # not a ruler, no given name: an institution
    orgs = {o["org"]: o for o in result.organizations}
    assert orgs == {
        "DFLP": {
            "org": "DFLP",
            "kind": "NSAG",
            "names": ["Democratic Front for the Liberation of Palestine"],
            "abbreviations": ["DFLP"],
            "home": "PSE",
        },
        "ANDEANCOMMUNITY": {"org": "ANDEANCOMMUNITY", "kind": "IGO", "names": ["Andean Community"]},
        "DIRECTACTION": {
            "org": "DIRECTACTION",
            "kind": "NSAG",
            "names": ["Direct Action"],
            "home": "GRC",
        },
    }  # Hamas and the World Bank are Parley's own; companies are left out
