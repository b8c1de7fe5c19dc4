"""`parley eval --muc`: Parley's events against MUC-4 incident keys, on real DEV messages
from ../shared and on a small corpus written here in the MUC layout (invented messages).

Scores on real messages are only checked to be consistent counts; their values move as
the coder is tuned. The invented messages are plain enough to pin what is found.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

REPO = Path(__file__).resolve().parents[3]

# Keys in the MUC-4 layout with only the slots the scorer reads; the texts are written
# for these tests, with datelines as MUC messages have them.
KEYS = """\
;;; invented messages for the tests of `parley eval --muc`
0.  MESSAGE: ID                     TST1-MUC3-0001 (TEST)
1.  MESSAGE: TEMPLATE               1
3.  INCIDENT: LOCATION              PERU: JUNIN (DEPARTMENT): HUANCAYO (CITY)
4.  INCIDENT: TYPE                  ATTACK
5.  INCIDENT: STAGE OF EXECUTION    ACCOMPLISHED

0.  MESSAGE: ID                     TST1-MUC3-0002 (TEST)
1.  MESSAGE: TEMPLATE               1
3.  INCIDENT: LOCATION              CHILE: SANTIAGO (CITY)
4.  INCIDENT: TYPE                  KIDNAPPING
5.  INCIDENT: STAGE OF EXECUTION    ACCOMPLISHED

0.  MESSAGE: ID                     TST1-MUC3-0003 (TEST)
1.  MESSAGE: TEMPLATE               *
3.  INCIDENT: LOCATION              *
4.  INCIDENT: TYPE                  *
5.  INCIDENT: STAGE OF EXECUTION    *
"""
TEXTS = {
    "TST1-MUC3-0001": "LIMA, 4 MAY 89 -- Guerrillas attacked a police station in Huancayo, "
    "Peru, on Tuesday, killing two officers.",
    "TST1-MUC3-0002": "SANTIAGO, 5 MAY 89 -- The Chilean foreign minister met the Argentine "
    "ambassador in Santiago on Thursday to discuss trade.",
    "TST1-MUC3-0003": "BOGOTA, 6 MAY 89 -- Gunmen attacked an army patrol near Cali, "
    "Colombia, on Friday, killing three soldiers.",
}


def write_corpus(root: Path, split: str) -> Path:
    """The invented messages as a corpus folder laid out like ../shared/corpus/muc34."""
    folder = root / "raw" / "TASK" / "CORPORA" / split
    folder.mkdir(parents=True)
    (folder / f"key-{split}.v1").write_text(KEYS, encoding="latin-1")
    lines = [json.dumps({"docid": k, "date_iso": None, "text": t}) for k, t in TEXTS.items()]
    (root / "muc34_docs.jsonl").write_text("\n".join(lines) + "\n", encoding="utf-8")
    return root


@pytest.fixture(scope="module")
def muc34(shared: Path) -> Path:
    corpus = shared / "corpus" / "muc34"
    if not (corpus / "muc34_docs.jsonl").is_file():
        pytest.skip(f"{corpus} is missing")
    return corpus


def figures(parley, *args: str | Path) -> dict[str, Any]:
    result = parley.invoke("eval", "--muc", *args, "--json")
    parley.assert_clean(result, 0)
    return json.loads(result.stdout)


def test_the_first_dev_messages_are_scored_against_their_keys(parley, muc34: Path) -> None:
    """DEV-MUC3-0001 keys a kidnapping and an attack in El Salvador; DEV-MUC3-0002 keys
    no incident."""
    total = figures(parley, muc34, "--split", "dev", "--limit", "2", "--details")
    assert (total["splits"], total["messages"]) == (["dev"], 2)
    assert total["required"]["incidents"] == 2
    assert 0 <= total["required"]["found"] <= 2
    assert total["by_split"]["dev"]["incidents"] == 2
    assert {kind: t["incidents"] for kind, t in total["by_type"].items()} == {
        "ATTACK": 1,
        "KIDNAPPING": 1,
    }
    assert total["precision_proxy"]["messages_without_incident"] == 1
    missed = total["missed"]
    assert len(missed) == 2 - total["required"]["found"]
    assert all((m["message"], m["countries"]) == ("DEV-MUC3-0001", ["SLV"]) for m in missed)


def test_tst1_and_tst2_are_the_default_from_the_repository(
    parley, muc34: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(REPO)
    total = figures(parley, "--limit", "1")
    assert (total["splits"], total["messages"]) == (["tst1", "tst2"], 1)
    assert list(total["by_split"]) == ["tst1"]


def test_plain_messages_are_found_missed_and_counted(parley, tmp_path: Path) -> None:
    total = figures(parley, write_corpus(tmp_path, "tst1"), "--split", "tst1")
    assert total["required"] == {"incidents": 2, "found": 1, "share": 0.5}
    assert total["by_type"]["ATTACK"]["found"] == 1
    assert total["by_type"]["KIDNAPPING"]["found"] == 0
    proxy = total["precision_proxy"]
    assert (proxy["messages_without_incident"], proxy["events"]) == (1, {"ASSAULT": 1})


def test_details_list_a_missed_incident_with_the_events_of_its_message(
    parley, tmp_path: Path
) -> None:
    result = parley.invoke(
        "eval", "--muc", write_corpus(tmp_path, "tst2"), "--split", "tst2", "--details"
    )
    parley.assert_clean(result, 0)
    out = parley.words(result.stdout)
    assert "MUC-4 incidents found" in out
    assert "MISSED #1 KIDNAPPING (ACCOMPLISHED) in CHL: CHILE: SANTIAGO (CITY)" in out
    assert "[0] CONSULT occurred" in out
    assert "TST1-MUC3-0001" not in out  # found: nothing to list
    assert "messages coded" in result.stderr


def test_held_out_keys_run_only_when_named_and_with_a_warning(parley, tmp_path: Path) -> None:
    result = parley.invoke(
        "eval", "--muc", write_corpus(tmp_path, "tst3"), "--split", "tst3", "--json"
    )
    parley.assert_clean(result, 0)
    assert "held-out test keys" in parley.words(result.stderr)
    assert json.loads(result.stdout)["splits"] == ["tst3"]


@pytest.mark.parametrize(
    ("args", "complaint"),
    [
        (("--split", "dev"), "--split and --limit go with --muc"),
        (("--muc", "--split", "tst9"), "'tst9' is not a MUC split"),
        (("--muc", "no-such-folder"), "not a folder"),
        (("--muc", "a", "b"), "give one corpus folder"),
    ],
)
def test_muc_usage_errors(parley, args: tuple[str, ...], complaint: str) -> None:
    result = parley.invoke("eval", *args)
    parley.assert_clean(result, 2)
    assert complaint in parley.words(result.stderr)
