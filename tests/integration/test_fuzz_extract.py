"""Coding whatever hypothesis makes up, with the real pipeline: never a traceback, one outcome
per document, and the good documents around a strange one coded exactly as they are alone.

Two kinds of text: any characters at all, and news-like word salad built from the words the
rules care about (states, titles, reporting verbs, pronouns, the same noun again), which
reaches deeper into the actor and event rules than random characters do.
"""

from __future__ import annotations

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from parley.coding import Coded, code_documents
from parley.models import Document
from parley.pipeline import Pipeline

FUZZ = settings(max_examples=25, deadline=None, suppress_health_check=list(HealthCheck))
WORDS = [
    *("Japan", "Russia", "the United States", "North Korea", "Kenya", "NATO", "the UN"),
    *("President", "Minister", "Foreign Minister", "the spokesman", "police", "rebels"),
    *("Biden", "Putin", "Kim", "Halvorsrud", "he", "she", "they", "it", "we", "its", "their"),
    *("said", "met", "attacked", "accused", "will", "would not", "urged", "agreed to"),
    *("the embassy", "the talks", "the process", "the peace process", "the attack"),
    *("in", "of", "with", "on Friday", "last week", "in 2020", "on May 31, 2022", "after"),
    *("and", "but", "especially", ",", ".", ";", '"', "“", "”", "(", ")", "\n", "\n\n"),
]
GOOD = [
    Document(
        "good-1", "Japan and Australia will hold talks in Canberra on Friday, officials said."
    ),
    Document("good-2", "Police arrested dozens of protesters in Hong Kong on Thursday."),
]

news_like = st.lists(st.sampled_from(WORDS), max_size=300).map(" ".join)
any_text = st.text(max_size=1_500)


def _check(pipeline: Pipeline, text: str) -> None:
    odd = Document("odd", text or " ")
    alone = {d.id: [e.to_dict() for e in pipeline.extract(d)] for d in GOOD}
    outcomes = list(code_documents(pipeline, [GOOD[0], odd, GOOD[1]]))
    assert [o.document.id for o in outcomes] == ["good-1", "odd", "good-2"]
    for outcome in (outcomes[0], outcomes[2]):
        assert isinstance(outcome, Coded)
        assert [e.to_dict() for e in outcome.events] == alone[outcome.document.id]
    if isinstance(outcomes[1], Coded):
        for event in outcomes[1].events:
            assert 0 <= event.evidence.start < event.evidence.end <= len(odd.text)


@FUZZ
@given(news_like)
def test_news_like_word_salad_is_coded_or_named(real_pipeline: Pipeline, text: str) -> None:
    _check(real_pipeline, text)


@FUZZ
@given(any_text)
def test_any_text_is_coded_or_named(real_pipeline: Pipeline, text: str) -> None:
    _check(real_pipeline, text)
