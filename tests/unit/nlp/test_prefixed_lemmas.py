"""A prefixed irregular verb is lemmatised like its stem, from the model's own table."""

from __future__ import annotations

from parley.nlp.pipeline import PrefixedLemmas, load_nlp

IRREGULAR = {"took": ["take"], "ran": ["run"], "led": ["lead"]}


def test_a_prefix_on_an_irregular_form_keeps_its_prefix() -> None:
    lemmas = PrefixedLemmas(IRREGULAR)
    assert [lemmas.lemma(w) for w in ("retook", "outran", "misled")] == [
        "retake",
        "outrun",
        "mislead",
    ]


def test_a_word_that_only_starts_like_a_prefix_is_left_alone() -> None:
    lemmas = PrefixedLemmas(IRREGULAR)
    assert [lemmas.lemma(w) for w in ("reported", "record", "rely", "retook_")] == [None] * 4


def test_the_pipeline_lemmatises_prefixed_forms_the_model_leaves_as_they_are() -> None:
    doc = load_nlp()("Government troops retook the town and rebuilt the bridge.")
    assert {t.text: t.lemma_ for t in doc if t.pos_ == "VERB"} == {
        "retook": "retake",
        "rebuilt": "rebuild",
    }
