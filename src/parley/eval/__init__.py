"""Scoring predicted event records against answer keys and the PLOVER GSR.

The rules are ``../shared/spec/SCORING.md``; `parley eval` and the hidden keys use these
functions, so a figure reported anywhere means the same thing.
"""

from parley.eval.gsr import (
    GsrOutcome,
    GsrRecord,
    GsrTotal,
    load_gsr,
    score_gsr_record,
    score_gsr_total,
)
from parley.eval.keys import AnswerKey, GoldEvent, load_key
from parley.eval.matching import matches, pair
from parley.eval.scoring import DocumentScore, TotalScore, score_document, score_total

__all__ = [
    "AnswerKey",
    "DocumentScore",
    "GoldEvent",
    "GsrOutcome",
    "GsrRecord",
    "GsrTotal",
    "TotalScore",
    "load_gsr",
    "load_key",
    "matches",
    "pair",
    "score_document",
    "score_gsr_record",
    "score_gsr_total",
    "score_total",
]
