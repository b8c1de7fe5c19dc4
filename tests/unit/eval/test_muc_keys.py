"""Reading MUC-4 key templates, on small keys written here in the MUC format (invented
messages, not MUC text), and the corpus layout around them."""

from __future__ import annotations

import json
from datetime import date
from pathlib import Path

import pytest

from parley.actors.dictionary import load_dictionaries
from parley.errors import AnswerKeyError
from parley.eval.muc_keys import (
    country_codes,
    dateline_date,
    load_corpus,
    load_documents,
    parse_keys,
)

COUNTRIES = country_codes(load_dictionaries())

# Every slot of a MUC-4 template, in order, so a test names only the slots it is about.
_SLOTS = (
    "MESSAGE: ID",
    "MESSAGE: TEMPLATE",
    "INCIDENT: DATE",
    "INCIDENT: LOCATION",
    "INCIDENT: TYPE",
    "INCIDENT: STAGE OF EXECUTION",
    "INCIDENT: INSTRUMENT ID",
    "INCIDENT: INSTRUMENT TYPE",
    "PERP: INCIDENT CATEGORY",
    "PERP: INDIVIDUAL ID",
    "PERP: ORGANIZATION ID",
    "PERP: ORGANIZATION CONFIDENCE",
    "PHYS TGT: ID",
    "PHYS TGT: TYPE",
    "PHYS TGT: NUMBER",
    "PHYS TGT: FOREIGN NATION",
    "PHYS TGT: EFFECT OF INCIDENT",
    "PHYS TGT: TOTAL NUMBER",
    "HUM TGT: NAME",
    "HUM TGT: DESCRIPTION",
    "HUM TGT: TYPE",
    "HUM TGT: NUMBER",
    "HUM TGT: FOREIGN NATION",
    "HUM TGT: EFFECT OF INCIDENT",
    "HUM TGT: TOTAL NUMBER",
)


def template(
    message: str,
    number: str,
    *,
    kind: str = "-",
    location: str = "-",
    stage: str = "-",
    instrument: str = "-",
) -> str:
    """One template in the key layout, every other slot empty ("-"). A value with "\\n"
    continues on indented lines, as further fillers do."""
    values = {
        "MESSAGE: ID": message,
        "MESSAGE: TEMPLATE": number,
        "INCIDENT: TYPE": kind,
        "INCIDENT: LOCATION": location,
        "INCIDENT: STAGE OF EXECUTION": stage,
        "INCIDENT: INSTRUMENT ID": instrument,
    }
    lines = []
    for index, name in enumerate(_SLOTS):
        first, *more = values.get(name, "-").split("\n")
        lines.append(f"{f'{index}.':<4}{name:<32}{first}")
        lines.extend(" " * 36 + filler for filler in more)
    return "\n".join(lines) + "\n\n"


def no_incident(message: str) -> str:
    """The block of a message that reports no incident: "*" in every slot but its id."""
    lines = [f"{'0.':<4}{'MESSAGE: ID':<32}{message}"]
    lines += [f"{f'{i}.':<4}{name:<32}*" for i, name in enumerate(_SLOTS) if i]
    return "\n".join(lines) + "\n\n"


def incident(text: str, position: int = 0):
    messages = parse_keys(text, "tst1", COUNTRIES, source="key-test")
    return [found for message in messages for found in message.incidents][position]


def test_templates_are_gathered_by_message_and_a_star_block_is_no_incident() -> None:
    text = (
        ";;; a comment line of the annotators\n"
        + template(
            "TST1-MUC3-0001 (NCCOSC)",
            "1",
            location="PERU: LIMA (CITY)",
            kind="BOMBING",
            stage="ACCOMPLISHED",
            instrument='"CAR BOMB"\n"DYNAMITE"',
        )
        + ";; gk: a second kind of comment\n"
        + template(
            "TST1-MUC3-0001 (NCCOSC)",
            "2 (OPTIONAL)",
            location="PERU",
            kind="KIDNAPPING",
            stage="ATTEMPTED",
        )
        + no_incident("TST1-MUC3-0002")
    )
    first, second = parse_keys(text, "tst1", COUNTRIES, source="key-test")
    assert (first.id, first.split, second.id, second.incidents) == (
        "TST1-MUC3-0001",
        "tst1",
        "TST1-MUC3-0002",
        (),
    )
    bombing, kidnapping = first.incidents
    assert (bombing.number, bombing.optional, bombing.types, bombing.stages) == (
        1,
        False,
        ("BOMBING",),
        ("ACCOMPLISHED",),
    )
    assert (bombing.location, bombing.countries) == ("PERU: LIMA (CITY)", frozenset({"PER"}))
    assert (kidnapping.number, kidnapping.optional, kidnapping.types) == (2, True, ("KIDNAPPING",))


def test_alternatives_of_type_stage_and_location_are_all_kept() -> None:
    found = incident(
        template(
            "TST2-MUC4-0007",
            "1",
            location="(EL SALVADOR: USULUTAN (CITY / DEPARTMENT)) / (HONDURAS)",
            kind="BOMBING / ATTACK",
            stage="ACCOMPLISHED / ATTEMPTED",
        )
    )
    assert found.types == ("BOMBING", "ATTACK")
    assert found.type_label == "BOMBING / ATTACK"
    assert found.stages == ("ACCOMPLISHED", "ATTEMPTED")
    assert found.countries == frozenset({"SLV", "HND"})


def test_a_location_over_two_lines_gives_both_countries() -> None:
    found = incident(
        template(
            "TST1-MUC3-0003",
            "1",
            location="COLOMBIA: CALI (CITY)\nVENEZUELA",
            kind="ATTACK",
        )
    )
    assert found.countries == frozenset({"COL", "VEN"})


def test_doubt_marks_and_misspellings_of_the_keys_still_give_the_country() -> None:
    unsure = incident(template("TST1-MUC3-0004", "1", location="? COLOMBIA", kind="? ARSON"))
    misspelt = incident(template("TST1-MUC3-0005", "1", location="GUATAMALA", kind="ATTACK"))
    assert (unsure.countries, unsure.types) == (frozenset({"COL"}), ("ARSON",))
    assert misspelt.countries == frozenset({"GTM"})


def test_an_alternative_not_starting_with_a_country_is_dropped_beside_one_that_does() -> None:
    found = incident(
        template(
            "TST1-MUC3-0006",
            "1",
            location="EL SALVADOR: MORAZAN (DEPARTMENT) / SAN SALVADOR: MORAZAN (DEPARTMENT)",
            kind="ATTACK",
        )
    )
    assert found.countries == frozenset({"SLV"})


def test_empty_slots_give_no_location_and_no_stage() -> None:
    found = incident(template("TST1-MUC3-0008", "1", kind="ROBBERY"))
    assert (found.location, found.countries) == ("", frozenset())
    assert (found.stages, found.stage_label) == ((), "-")


@pytest.mark.parametrize(
    ("slots", "complaint"),
    [
        ({"kind": "MURDER"}, "unknown incident type 'MURDER'"),
        ({"kind": "ATTACK", "stage": "PLANNED"}, "stage"),
        ({"kind": "-"}, "no INCIDENT: TYPE"),
        ({"kind": "ATTACK", "location": "ATLANTIS: X (CITY)"}, "ATLANTIS"),
    ],
)
def test_a_template_read_wrong_is_an_error_naming_file_line_and_message(
    slots: dict[str, str], complaint: str
) -> None:
    text = no_incident("TST1-MUC3-0009") + template("TST1-MUC3-0010", "3", **slots)
    with pytest.raises(AnswerKeyError) as error:
        parse_keys(text, "tst1", COUNTRIES, source="key-test")
    assert "key-test:27 (TST1-MUC3-0010 template 3)" in error.value.message
    assert complaint in error.value.message


def test_a_line_that_is_no_slot_is_an_error_with_its_line() -> None:
    text = template("TST1-MUC3-0011", "1", kind="ATTACK") + "garbage here\n"
    with pytest.raises(AnswerKeyError, match=r"key-test:27: not a key slot"):
        parse_keys(text, "tst1", COUNTRIES, source="key-test")


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("   SAN SALVADOR, 3 JAN 90 -- [REPORT] ...", date(1990, 1, 3)),
        ("   BOGOTA, 18 APRIL 89 (AFP) -- [TEXT] ...", date(1989, 4, 18)),
        ("   PERTH (AUSTRALIA), JUNE 11 89 (AFP) -- [TEXT] ...", date(1989, 6, 11)),
        ("   LIMA, NO DATE (DOMESTIC SERVICE) -- [SPEECH] ...", None),
        ("   TEGUCIGALPA, 7 FEB (REUTER) -- [TEXT] 12 MAY 89 ...", None),
    ],
)
def test_the_dateline_date_needs_day_month_and_year_before_the_dashes(
    text: str, expected: date | None
) -> None:
    assert dateline_date(text) == expected


def write_corpus(root: Path, keys: str, documents: list[dict[str, object]]) -> Path:
    folder = root / "raw" / "TASK" / "CORPORA" / "tst1"
    folder.mkdir(parents=True)
    (folder / "key-tst1.v1").write_text(keys, encoding="latin-1")
    lines = [json.dumps(document) for document in documents]
    (root / "muc34_docs.jsonl").write_text("\n".join(lines) + "\n", encoding="utf-8")
    return root


def test_documents_are_published_on_date_iso_else_on_their_dateline(tmp_path: Path) -> None:
    path = (
        write_corpus(
            tmp_path,
            "",
            [
                {"docid": "A", "date_iso": "1989-11-16", "text": "LIMA, 16 NOV 89 -- TEXT."},
                {"docid": "B", "date_iso": None, "text": "QUITO, 22 AUGUST 89 (DPA) -- TEXT."},
                {"docid": "C", "date_iso": None, "text": "NO CITY, NO DATE -- TEXT."},
                {"docid": "D", "date_iso": "1990-01-01", "text": "NOT ASKED FOR."},
            ],
        )
        / "muc34_docs.jsonl"
    )
    documents = load_documents(path, {"A", "B", "C"})
    assert sorted(documents) == ["A", "B", "C"]
    assert documents["A"].published == date(1989, 11, 16)
    assert documents["B"].published == date(1989, 8, 22)
    assert (documents["C"].published, documents["C"].published_source) == (None, None)
    assert documents["B"].text == "QUITO, 22 AUGUST 89 (DPA) -- TEXT."


def test_the_corpus_pairs_each_keyed_message_with_its_text(tmp_path: Path) -> None:
    keys = template("TST1-MUC3-0001", "1", kind="ATTACK") + no_incident("TST1-MUC3-0002")
    documents = [
        {"docid": f"TST1-MUC3-000{n}", "date_iso": "1990-02-02", "text": f"TEXT {n}."}
        for n in (1, 2)
    ]
    corpus = write_corpus(tmp_path, keys, documents)
    pairs = load_corpus(corpus, ["tst1"], COUNTRIES)
    assert [(message.id, document.id) for message, document in pairs] == [
        ("TST1-MUC3-0001", "TST1-MUC3-0001"),
        ("TST1-MUC3-0002", "TST1-MUC3-0002"),
    ]


def test_a_keyed_message_without_text_is_an_error(tmp_path: Path) -> None:
    keys = template("TST1-MUC3-0001", "1", kind="ATTACK")
    corpus = write_corpus(tmp_path, keys, [{"docid": "OTHER", "date_iso": None, "text": "X"}])
    with pytest.raises(AnswerKeyError, match="no text for TST1-MUC3-0001"):
        load_corpus(corpus, ["tst1"], COUNTRIES)


def test_a_split_without_key_files_is_an_error(tmp_path: Path) -> None:
    with pytest.raises(AnswerKeyError, match="no MUC key files"):
        load_corpus(tmp_path, ["dev"], COUNTRIES)
