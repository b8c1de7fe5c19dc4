"""The PLOVER GSR: translation on load, and category/party scoring of one record."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pycountry
import pytest

from parley.errors import AnswerKeyError
from parley.eval import GsrRecord, load_gsr, score_gsr_record, score_gsr_total
from parley.eval.gsr import LABEL_MAP, STATELESS_CODES
from parley.models import PLOVER_CATEGORIES

GSR_DEV = Path(__file__).resolve().parents[4] / "shared" / "gold" / "plover-gsr" / "dev.jsonl"
needs_gsr = pytest.mark.skipif(not GSR_DEV.is_file(), reason="shared GSR not checked out")


@pytest.fixture(scope="module")
def records() -> dict[str, GsrRecord]:
    return {record.id: record for record in load_gsr(GSR_DEV)}


def country(code: str) -> dict[str, Any]:
    return {"text": code, "country": code}


def org(code: str) -> dict[str, Any]:
    return {"text": code, "org": code}


def prediction(
    event: str, actors: list[dict[str, Any]], recipients: list[dict[str, Any]] | None = None
) -> dict[str, Any]:
    return {"event": event, "status": "occurred", "actor": actors, "recipient": recipients or []}


@needs_gsr
def test_dev_file_loads_translated(records: dict[str, GsrRecord]) -> None:
    assert len(records) == 179
    labels = {record.label for record in records.values()}
    assert set(LABEL_MAP) <= labels
    assert {record.category for record in records.values()} <= set(PLOVER_CATEGORIES)
    assert records["PLOVER-GSR01-DEMAND-0011"].category == "REQUEST"
    assert records["PLOVER-GSR01-FIGHT-0002"].category == "ASSAULT"
    assert records["PLOVER-GSR01-SANCTION-0006"].sources == ("JPN",)
    assert records["PLOVER-GSR01-CONSULT-0005"].targets == ("JPN",)


@needs_gsr
def test_every_party_code_is_iso_or_stateless(records: dict[str, GsrRecord]) -> None:
    codes = {code for r in records.values() for code in r.sources + r.targets}
    odd = {code for code in codes if pycountry.countries.get(alpha_3=code) is None}
    assert odd <= STATELESS_CODES | {"ISM"}  # ISM: CAMEO's code for Muslim (religion)


@needs_gsr
def test_symmetric_records_are_recognised(records: dict[str, GsrRecord]) -> None:
    assert records["PLOVER-GSR01-AGREE-0003"].symmetric  # SRC/TAR markup
    assert records["PLOVER-GSR01-CONSULT-0007"].symmetric  # two sources, no target
    assert not records["PLOVER-GSR01-AGREE-0005"].symmetric
    assert not records["PLOVER-GSR01-AGREE-0018"].symmetric  # one source, no target


@needs_gsr
def test_perfect_predictions_are_found(records: dict[str, GsrRecord]) -> None:
    directed = records["PLOVER-GSR01-AGREE-0005"]  # Libya offers to Great Britain
    symmetric = records["PLOVER-GSR01-AGREE-0003"]  # United States and Jordan agree
    outcomes = [
        score_gsr_record([prediction("AGREE", [country("LBY")], [country("GBR")])], directed),
        score_gsr_record([prediction("AGREE", [country("USA"), country("JOR")])], symmetric),
    ]
    assert all(o.category_found and o.parties_found for o in outcomes)
    total = score_gsr_total(outcomes)
    assert (total.n, total.category_share, total.category_and_parties_share) == (2, 1.0, 1.0)
    assert total.misses == ()


@needs_gsr
def test_wrong_parties_find_only_the_category(records: dict[str, GsrRecord]) -> None:
    record = records["PLOVER-GSR01-AGREE-0005"]
    swapped = prediction("AGREE", [country("GBR")], [country("LBY")])
    outcome = score_gsr_record([swapped, prediction("SUPPORT", [country("LBY")])], record)
    assert (outcome.category_found, outcome.parties_found) == (True, False)
    missed = score_gsr_record([], records["PLOVER-GSR01-DEMAND-0011"])
    total = score_gsr_total([outcome, missed])
    assert [(m.id, m.missed) for m in total.misses] == [
        ("PLOVER-GSR01-AGREE-0005", "parties"),
        ("PLOVER-GSR01-DEMAND-0011", "category"),
    ]
    assert total.by_category["REQUEST"].n == 1
    assert total.to_dict()["by_category"]["AGREE"]["category_found"] == 1


@needs_gsr
def test_stateless_codes_stand_for_any_organisation(records: dict[str, GsrRecord]) -> None:
    record = records["PLOVER-GSR01-AGREE-0009"]  # Hungary will support a UNSC resolution
    found = score_gsr_record([prediction("AGREE", [country("HUN")], [org("UNSC")])], record)
    assert found.parties_found
    wrong = score_gsr_record([prediction("AGREE", [country("HUN")], [country("SRB")])], record)
    assert not wrong.parties_found


def test_symmetric_records_need_two_shared_parties(tmp_path: Path) -> None:
    line = {
        "id": "r1",
        "event": "AGREE",
        "text": "Bosnia and Slovenia agreed to a ceasefire.",
        "source": [{"code": "BIH"}, {"code": "SVN"}],
        "target": "",
        "textInfo": {"markup": "(SRC/TAR: Bosnia) and (SRC/TAR: Slovenia) (EVT: agreed)"},
    }
    path = tmp_path / "gsr.jsonl"
    path.write_text(json.dumps(line) + "\n", encoding="utf-8")
    (record,) = load_gsr(path)
    both = prediction("AGREE", [country("BIH")], [country("SVN")])
    one = prediction("AGREE", [country("BIH"), country("HRV")])
    assert score_gsr_record([both], record).parties_found
    assert not score_gsr_record([one], record).parties_found


@pytest.mark.parametrize(
    ("line", "message"),
    [
        ("{not json", "not valid JSON"),
        ('["a list"]', "expected a JSON object"),
        ('{"id": "x", "text": "t", "event": "MEET", "source": [{"code": "USA"}]}', "'MEET'"),
        ('{"id": "x", "text": "t", "event": "AGREE", "source": []}', "names no actor"),
        ('{"id": "x", "text": "t", "event": "AGREE", "source": [{"actorText": "A"}]}', "'code'"),
        ('{"id": "x", "event": "AGREE", "source": [{"code": "USA"}]}', "'text'"),
    ],
)
def test_malformed_lines_name_their_line_number(tmp_path: Path, line: str, message: str) -> None:
    path = tmp_path / "gsr.jsonl"
    good = '{"id": "ok", "text": "t", "event": "AGREE", "source": [{"code": "USA"}]}'
    path.write_text(f"{good}\n\n{line}\n", encoding="utf-8")
    with pytest.raises(AnswerKeyError) as caught:
        load_gsr(path)
    assert str(caught.value).startswith(f"{path}:3: ")
    assert message in str(caught.value)


def test_an_armed_group_stands_for_its_home_state() -> None:
    record = GsrRecord("r", "text", "THREATEN", "THREATEN", ("PSE",), ("ISR",), False)
    group = prediction("THREATEN", [org("HAMAS")], [country("ISR")])
    assert score_gsr_record([group], record, {"HAMAS": "PSE"}).parties_found
    assert not score_gsr_record([group], record, {}).parties_found


def test_a_meeting_coded_with_all_participants_as_actors_matches_host_and_guest() -> None:
    record = GsrRecord("r", "text", "CONSULT", "CONSULT", ("RUS",), ("JPN",), False)
    both = prediction("CONSULT", [country("RUS"), country("JPN")])
    host_only = prediction("CONSULT", [country("RUS")])
    assert score_gsr_record([both], record).parties_found
    assert not score_gsr_record([host_only], record).parties_found
