"""Scoring rules of SCORING.md, checked on hand-written keys and predictions."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from parley.errors import AnswerKeyError
from parley.eval import load_key, matches, score_document, score_total
from parley.eval.keys import AnswerKey

GOLD_DEV = Path(__file__).resolve().parents[4] / "shared" / "gold" / "dev"


def write_key(tmp_path: Path, events: list[dict[str, Any]], name: str = "doc") -> Path:
    (tmp_path / f"{name}.txt").write_text("Some news text.", encoding="utf-8")
    key = {
        "doc": {"id": name, "text_file": f"{name}.txt", "published": "2022-05-31"},
        "events": events,
    }
    path = tmp_path / f"{name}.json"
    path.write_text(json.dumps(key), encoding="utf-8")
    return path


def make_key(tmp_path: Path, *events: dict[str, Any]) -> AnswerKey:
    return load_key(write_key(tmp_path, list(events)))


def gold(gold_id: str = "g1", **fields: Any) -> dict[str, Any]:
    event = {
        "id": gold_id,
        "required": True,
        "type": "CONSULT",
        "status": "occurred",
        "date": None,
        "location": None,
        "evidence": "text",
    }
    if "actors" not in fields and "participants" not in fields:
        event["participants"] = [{"country": "KOR"}, {"country": "USA"}, {"country": "JPN"}]
    event.update(fields)
    return event


def ent(party: str, name: str | None = None) -> dict[str, Any]:
    entity: dict[str, Any] = {"text": name or party}
    entity["country" if len(party) == 3 else "org"] = party
    if name:
        entity["name"] = name
    return entity


def pred(
    *actors: str,
    recipients: tuple[str, ...] = (),
    event: str = "CONSULT",
    status: str = "occurred",
    **fields: Any,
) -> dict[str, Any]:
    record: dict[str, Any] = {
        "event": event,
        "status": status,
        "actor": [ent(p) for p in actors],
        "recipient": [ent(p) for p in recipients],
        "date": None,
        "enddate": None,
        "event_loc": None,
    }
    record.update(fields)
    return record


# --- the match predicate ---------------------------------------------------------------


def test_participants_need_two_shared_parties_and_no_extra(tmp_path: Path) -> None:
    (event,) = make_key(tmp_path, gold()).events
    assert matches(pred("KOR", "USA"), event)
    assert matches(pred("KOR", recipients=("USA", "JPN")), event)
    assert not matches(pred("KOR"), event)
    assert not matches(pred("KOR", "USA", "CHN"), event)
    assert not matches(pred("KOR", "USA", event="AGREE"), event)


def test_participants_with_one_gold_party_need_only_that_one(tmp_path: Path) -> None:
    (event,) = make_key(tmp_path, gold(participants=[{"org": "AU"}])).events
    assert matches(pred("AU"), event)
    assert not matches(pred("AU", "NGA"), event)


def test_directed_events_compare_each_side(tmp_path: Path) -> None:
    directed = gold(type="ACCUSE", actors=[{"country": "USA"}], recipients=[{"country": "PRK"}])
    (event,) = make_key(tmp_path, directed).events
    assert matches(pred("USA", recipients=("PRK",), event="ACCUSE"), event)
    assert not matches(pred("PRK", recipients=("USA",), event="ACCUSE"), event)
    assert not matches(pred("USA", "CHN", recipients=("PRK",), event="ACCUSE"), event)
    assert not matches(pred("USA", recipients=("PRK", "CHN"), event="ACCUSE"), event)
    assert not matches(pred("USA", event="ACCUSE"), event), "recipients are not optional"
    assert not matches(pred(recipients=("PRK",), event="ACCUSE"), event), "no actor"


def test_any_lists_accept_one_alternative_but_nothing_outside(tmp_path: Path) -> None:
    directed = gold(
        type="SANCTION",
        status="failed",
        actors=[{"org": "UNSC"}, {"country": "USA"}],
        actors_match="any",
        recipients=[{"country": "PRK"}],
    )
    (event,) = make_key(tmp_path, directed).events
    for actor in ("UNSC", "USA"):
        assert matches(pred(actor, recipients=("PRK",), event="SANCTION", status="failed"), event)
    assert not matches(
        pred("UNSC", "CHN", recipients=("PRK",), event="SANCTION", status="failed"), event
    )


def test_recipients_optional_allows_none_but_not_wrong_ones(tmp_path: Path) -> None:
    directed = gold(
        type=["MOBILIZE", "THREATEN"],
        actors=[{"country": "PRK"}],
        recipients=[{"country": "USA"}],
        recipients_optional=True,
    )
    (event,) = make_key(tmp_path, directed).events
    assert matches(pred("PRK", event="MOBILIZE"), event)
    assert matches(pred("PRK", recipients=("USA",), event="THREATEN"), event)
    assert not matches(pred("PRK", recipients=("JPN",), event="THREATEN"), event)


def test_gold_without_recipients_wants_none(tmp_path: Path) -> None:
    (event,) = make_key(tmp_path, gold(type="COOPERATE", actors=[{"country": "KOR"}])).events
    assert matches(pred("KOR", event="COOPERATE"), event)
    assert not matches(pred("KOR", recipients=("USA",), event="COOPERATE"), event)


def test_occurred_never_matches_what_did_not_happen(tmp_path: Path) -> None:
    (planned,) = make_key(tmp_path, gold(status="planned")).events
    assert not matches(pred("KOR", "USA", status="occurred"), planned)
    assert matches(pred("KOR", "USA", status="planned"), planned)
    assert matches(pred("KOR", "USA", status="hypothetical"), planned), "wrong status only"
    (either,) = make_key(tmp_path, gold(status=["occurred", "planned"])).events
    assert matches(pred("KOR", "USA", status="occurred"), either)


# --- pairing ---------------------------------------------------------------------------


def test_pairing_is_one_to_one_best_fit_first(tmp_path: Path) -> None:
    key = make_key(
        tmp_path,
        gold("g1", date={"start": "2022-06-03", "end": "2022-06-03"}),
        gold("g2", date={"start": "2022-06-10", "end": "2022-06-12"}),
    )
    predictions = [
        pred("KOR", "USA", "JPN", date="2022-06-11", enddate="2022-06-11"),
        pred("KOR", "USA", "JPN", date="2022-06-03", enddate="2022-06-03"),
    ]
    score = score_document(predictions, key)
    assert {o.gold_id: o.prediction for o in score.outcomes} == {"g1": 1, "g2": 0}
    assert (score.tp, score.fp, score.date.correct) == (2, 0, 2)


def test_required_gold_is_paired_before_optional(tmp_path: Path) -> None:
    key = make_key(tmp_path, gold("g1", required=False), gold("g2"))
    score = score_document([pred("KOR", "USA")], key)
    assert {o.gold_id: o.prediction for o in score.outcomes} == {"g1": None, "g2": 0}
    assert (score.tp, score.optional_found) == (1, 0)


def test_other_parties_make_a_part_same_parties_a_duplicate(tmp_path: Path) -> None:
    key = make_key(tmp_path, gold())
    predictions = [
        pred("KOR", "USA", "JPN"),
        pred("KOR", "USA"),  # a bilateral part of the trilateral meeting
        pred("USA", "KOR"),  # the same parties as the part: a duplicate
        pred("KOR", "CHN"),  # matches nothing
    ]
    score = score_document(predictions, key)
    assert (score.tp, score.parts, score.fp) == (1, 1, 2)
    assert score.outcomes[0].parts == (1,)
    assert [(fp.prediction, fp.duplicate_of) for fp in score.false_positives] == [
        (2, "g1"),
        (3, None),
    ]
    assert score.precision == pytest.approx(1 / 3)


def test_optional_gold_leaves_precision_alone(tmp_path: Path) -> None:
    key = make_key(
        tmp_path,
        gold("g1"),
        gold("g2", required=False, type="ACCUSE", actors=[{"country": "KOR"}]),
    )
    score = score_document([pred("KOR", "USA"), pred("KOR", event="ACCUSE")], key)
    assert (score.tp, score.fp, score.optional_found) == (1, 0, 1)
    assert score.precision == score.recall == score.f1 == 1.0
    alone = score_document([pred("KOR", event="ACCUSE")], key)
    assert (alone.tp, alone.fp, alone.precision, alone.recall) == (0, 0, 0.0, 0.0)


def test_nothing_to_find_and_nothing_predicted_is_perfect(tmp_path: Path) -> None:
    score = score_document([], make_key(tmp_path, gold(required=False)))
    assert (score.precision, score.recall, score.strict_f1) == (1.0, 1.0, 1.0)


# --- fields ----------------------------------------------------------------------------


def test_status_accuracy_counts_statuses_the_gold_allows(tmp_path: Path) -> None:
    key = make_key(tmp_path, gold("g1", status="planned"), gold("g2", type="AGREE"))
    predictions = [pred("KOR", "USA", status="hypothetical"), pred("KOR", "JPN", event="AGREE")]
    score = score_document(predictions, key)
    assert (score.status.correct, score.status.scored) == (1, 2)
    assert score.outcomes[0].wrong == ("status",)


@pytest.mark.parametrize(
    ("start", "end", "right"),
    [
        ("2022-06-04", "2022-06-04", True),
        ("2022-06-04", None, True),
        ("2022-06-04", "2022-06-14", True),
        ("2022-06-03", "2022-06-05", False),
        ("2022-06-10", "2022-06-15", False),
        (None, None, False),
        ("Friday", None, False),
    ],
)
def test_date_must_lie_inside_the_gold_interval(
    tmp_path: Path, start: str | None, end: str | None, right: bool
) -> None:
    key = make_key(tmp_path, gold(date={"start": "2022-06-04", "end": "2022-06-14"}))
    score = score_document([pred("KOR", "USA", date=start, enddate=end)], key)
    assert (score.date.correct, score.date.scored) == (int(right), 1)


def test_date_and_location_are_not_scored_where_the_gold_has_none(tmp_path: Path) -> None:
    key = make_key(tmp_path, gold())
    predicted = pred("KOR", "USA", date="2022-06-04", event_loc={"name": "Seoul"})
    score = score_document([predicted], key)
    assert (score.date.scored, score.location.scored, score.names.scored) == (0, 0, 0)
    assert score.date.accuracy is None
    assert score.strict_tp == 1


@pytest.mark.parametrize(
    ("place", "right"),
    [
        ({"name": "Hague"}, True),
        ({"name": "the hague"}, True),
        ({"name": "The Hague", "country": "NLD"}, True),
        ({"name": "Amsterdam"}, False),
        (None, False),
    ],
)
def test_location_is_one_of_the_gold_names(
    tmp_path: Path, place: dict[str, Any] | None, right: bool
) -> None:
    key = make_key(tmp_path, gold(location={"names": ["The Hague", "Scheveningen"]}))
    score = score_document([pred("KOR", "USA", event_loc=place)], key)
    assert (score.location.correct, score.location.scored) == (int(right), 1)


def test_names_count_people_found_with_the_right_party(tmp_path: Path) -> None:
    participants = [
        {"name": "Kim Gunn", "country": "KOR"},
        {"name": "Sung Kim", "country": "USA"},
        {"name": "Takehiro Funakoshi", "country": "JPN"},
    ]
    key = make_key(tmp_path, gold(participants=participants))
    predicted = pred()
    predicted["actor"] = [
        ent("KOR", "kim gunn"),  # case does not matter
        ent("USA", "Ambassador Sung Kim"),  # every gold token present
        ent("KOR", "Takehiro Funakoshi"),  # wrong country
    ]
    score = score_document([predicted], key)
    assert (score.names.correct, score.names.scored) == (2, 3)
    assert score.outcomes[0].wrong == ("names",)
    assert score.strict_tp == 0


def test_a_surname_alone_is_not_the_person(tmp_path: Path) -> None:
    key = make_key(tmp_path, gold(participants=[{"name": "Kim Gunn", "country": "KOR"}]))
    predicted = pred()
    predicted["actor"] = [ent("KOR", "Kim")]
    assert score_document([predicted], key).names.correct == 0


def test_names_on_an_any_side_may_take_any_of_its_codes(tmp_path: Path) -> None:
    directed = gold(
        type="CONCEDE",
        actors=[{"name": "Carrie Lam", "country": "CHN"}, {"country": "HKG"}],
        actors_match="any",
        recipients_optional=True,
    )
    key = make_key(tmp_path, directed)
    predicted = pred(event="CONCEDE")
    predicted["actor"] = [ent("HKG", "Carrie Lam")]
    assert score_document([predicted], key).names.correct == 1


def test_strict_f1_needs_every_scored_field_right(tmp_path: Path) -> None:
    key = make_key(
        tmp_path,
        gold("g1", date={"start": "2022-06-03", "end": "2022-06-03"}),
        gold("g2", type="AGREE", location={"names": ["Seoul"]}),
        gold("g3", type="REJECT"),
    )
    predictions = [
        pred("KOR", "USA", date="2022-06-03"),
        pred("KOR", "USA", event="AGREE", event_loc={"name": "Tokyo"}),
        pred("KOR", "USA", event="SUPPORT"),
    ]
    score = score_document(predictions, key)
    assert (score.tp, score.fp, score.required, score.strict_tp) == (2, 1, 3, 1)
    assert score.f1 == pytest.approx(2 / 3)
    assert score.strict_precision == pytest.approx(1 / 3)
    assert score.strict_recall == pytest.approx(1 / 3)
    assert score.strict_f1 == pytest.approx(1 / 3)
    assert [o.wrong for o in score.outcomes] == [(), ("location",), ()]


def test_total_is_a_micro_average(tmp_path: Path) -> None:
    first = score_document([pred("KOR", "USA")], load_key(write_key(tmp_path, [gold()], "a")))
    second_key = load_key(write_key(tmp_path, [gold("g1"), gold("g2", type="AGREE")], "b"))
    second = score_document([pred("KOR", "CHN")], second_key)
    total = score_total([first, second])
    assert (total.documents, total.tp, total.fp, total.required) == (2, 1, 1, 3)
    assert total.precision == pytest.approx(0.5)
    assert total.recall == pytest.approx(1 / 3)
    assert total.status.scored == 1
    assert total.to_dict()["fields"]["status"]["accuracy"] == 1.0


def test_document_score_explains_itself(tmp_path: Path) -> None:
    key = make_key(tmp_path, gold("g1"), gold("g2", type="AGREE"))
    report = score_document([pred("KOR", "USA"), pred("CHN", "RUS")], key).to_dict()
    assert report["doc_id"] == "doc"
    assert report["outcomes"][1] == {
        "gold_id": "g2",
        "required": True,
        "prediction": None,
        "wrong": [],
        "parts": [],
    }
    assert report["false_positives"] == [{"prediction": 1, "duplicate_of": None}]
    json.dumps(report)


# --- keys ------------------------------------------------------------------------------


@pytest.mark.skipif(not GOLD_DEV.is_dir(), reason="shared answer keys not checked out")
@pytest.mark.parametrize("path", sorted(GOLD_DEV.glob("*.json")), ids=lambda p: p.stem)
def test_every_dev_key_loads(path: Path) -> None:
    key = load_key(path)
    assert key.doc_id == path.stem
    assert key.text.strip()
    assert key.published is not None
    assert key.required_events
    assert key.document().text == key.text


@pytest.mark.parametrize(
    ("change", "message"),
    [
        ({"recipient_optional": True}, "unknown field(s) recipient_optional"),
        ({"type": "MEET"}, "'MEET' is not one of"),
        ({"status": []}, "status: expected a string or a non-empty list"),
        (
            {"participants": [{"country": "KOR"}], "actors": [{"country": "KOR"}]},
            "either 'participants' or 'actors'",
        ),
        ({"participants": [{"name": "Kim"}]}, "needs a 'country' or an 'org'"),
        ({"date": {"start": "2022-06-05", "end": "2022-06-01"}}, "ends (2022-06-01) before"),
        ({"date": {"start": "June 5", "end": "2022-06-05"}}, "is not an ISO date"),
        ({"location": {"names": []}}, "location.names must be a non-empty list"),
        ({"required": "yes"}, "'required' must be true or false"),
    ],
)
def test_malformed_keys_name_the_file_and_the_event(
    tmp_path: Path, change: dict[str, Any], message: str
) -> None:
    path = write_key(tmp_path, [gold(**change)])
    with pytest.raises(AnswerKeyError) as caught:
        load_key(path)
    assert str(caught.value).startswith(f"{path}: event g1: ")
    assert message in str(caught.value)


def test_actor_fields_on_a_participants_event_are_rejected(tmp_path: Path) -> None:
    path = write_key(tmp_path, [gold(recipients_optional=True)])
    with pytest.raises(AnswerKeyError, match="only apply to 'actors'"):
        load_key(path)


def test_missing_text_file_and_repeated_ids_are_errors(tmp_path: Path) -> None:
    path = write_key(tmp_path, [gold("g1"), gold("g1")])
    with pytest.raises(AnswerKeyError, match="'g1' is used twice"):
        load_key(path)
    (tmp_path / "doc.txt").unlink()
    path = write_key(tmp_path, [gold("g1")], "other")
    (tmp_path / "other.txt").unlink()
    with pytest.raises(AnswerKeyError, match=r"other\.json: doc\.text_file"):
        load_key(path)


def test_invalid_json_is_an_answer_key_error(tmp_path: Path) -> None:
    path = tmp_path / "broken.json"
    path.write_text('{"doc": ', encoding="utf-8")
    with pytest.raises(AnswerKeyError, match=r"broken\.json: not valid JSON \(line 1\)"):
        load_key(path)
