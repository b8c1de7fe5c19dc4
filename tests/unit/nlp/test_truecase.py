"""Restoring the case of all-lower and all-upper text: what is restored, how, and what
never changes (length, non-letters, mixed-case text)."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from parley.nlp.truecase import TrueCaser, caseless_spans, lower, restore_case, upper


def test_lower_case_sentence_gets_its_names_and_sentence_start_back() -> None:
    text = "in lucknow, the police fired tear gas to disperse the protesters on monday."
    assert restore_case(text) == (
        "In Lucknow, the police fired tear gas to disperse the protesters on Monday."
    )


def test_upper_case_wire_sentence_is_written_as_a_newspaper_would() -> None:
    text = "SOLDIERS ATTACKED A POLICE STATION IN LIMA ON MONDAY, THE ARMY SAID."
    assert (
        restore_case(text) == "Soldiers attacked a police station in Lima on Monday, the army said."
    )


def test_acronyms_the_dictionaries_know_come_back_upper_case() -> None:
    restored = restore_case("the un and nato condemned the u.s. strikes.")
    assert restored == "The UN and NATO condemned the U.S. strikes."


def test_multi_word_names_and_the_pronoun_i() -> None:
    restored = restore_case('"i will not resign," boris johnson told reporters in new york.')
    assert restored == '"I will not resign," Boris Johnson told reporters in New York.'


def test_a_word_written_both_ways_is_cased_by_its_context() -> None:
    restored = restore_case("THE TALKS MAY RESUME IN MAY, PRIME MINISTER THERESA MAY SAID.")
    assert restored == "The talks may resume in May, Prime Minister Theresa May said."


def test_possessive_keeps_the_name_and_lowers_the_clitic() -> None:
    assert restore_case("RUSSIA'S ARMY SHELLED KHARKIV.") == "Russia's army shelled Kharkiv."


def test_every_sentence_starts_with_a_capital_but_not_after_an_abbreviation() -> None:
    restored = restore_case("gen. smith arrived. talks began on friday. they ended at noon.")
    assert restored.startswith("Gen. Smith arrived. Talks began on Friday. They ended")


def test_mixed_case_text_passes_through_unchanged() -> None:
    text = "Police in Lucknow fired tear gas. the crowd dispersed; NATO said nothing."
    assert caseless_spans(text) == []
    assert restore_case(text) is text


def test_caps_headline_over_a_mixed_body_is_restored_alone() -> None:
    text = "TROOPS KILL FIVE IN KASHMIR\n\nIndian troops killed five militants on Monday."
    assert caseless_spans(text) == [(0, len("TROOPS KILL FIVE IN KASHMIR"))]
    assert restore_case(text) == (
        "Troops kill five in Kashmir\n\nIndian troops killed five militants on Monday."
    )


def test_short_caps_or_lower_lines_in_a_mixed_page_are_left_alone() -> None:
    text = "BREAKING NEWS\nPolice arrested two men in Paris.\nphoto: reuters"
    assert caseless_spans(text) == []


def test_a_stray_acronym_in_a_lower_case_archive_is_kept() -> None:
    text = "the US envoy met officials in kabul on tuesday, and talks went on for hours."
    assert caseless_spans(text) == [(0, len(text))]
    restored = restore_case(text)
    assert restored.startswith("The US ")
    assert "in Kabul on Tuesday, and talks went on for hours." in restored


def test_hard_wrapped_caps_copy_starts_sentences_only_where_they_start() -> None:
    text = (
        "SALVADORAN TROOPS TODAY REPELLED AN ATTACK BY GUERRILLAS ON THE TOWN OF\n"
        "USULUTAN, ACCORDING TO REPORTS BY MILITARY SOURCES IN THE CAPITAL\n"
        "CITY OF SAN SALVADOR, WHERE THE FMLN HAS BEEN ACTIVE FOR YEARS.\n"
        "\n"
        "THE REBELS WITHDREW.\n"
    )
    assert restore_case(text) == (
        "Salvadoran troops today repelled an attack by guerrillas on the town of\n"
        "Usulutan, according to reports by military sources in the capital\n"
        "city of San Salvador, where the FMLN has been active for years.\n"
        "\n"
        "The rebels withdrew.\n"
    )


# A model of a few words, to show how unseen words are read.
SMALL = TrueCaser(
    {
        "forms": {"president": {"President": 4, "president": 6}},
        "context": {
            "president": {"next_shape": {"cap": {"President": 4}, "low": {"president": 6}}}
        },
        "phrases": {"el salvador": "El Salvador"},
        "english": ["fire", "rebel", "town", "the", "in"],
    }
)


def test_unseen_words_are_english_names_or_acronyms() -> None:
    # 'fired' and 'rebels' inflect English words; 'zorvath' is none; 'fmln' has no vowel
    forms = SMALL.case_words(["rebels", "fired", "zorvath", "fmln", "town"], set())
    assert forms == ["rebels", "fired", "Zorvath", "FMLN", "town"]


def test_words_it_is_told_are_ordinary_words_stay_lower_case() -> None:
    knowing = SMALL.knowing(["Dharna"])
    assert knowing.case_words(["dharnas", "zorvath"], set()) == ["dharnas", "Zorvath"]
    assert SMALL.case_words(["dharna"], set()) == ["Dharna"]  # the original is unchanged


def test_a_title_before_a_name_is_capitalised_and_alone_is_not() -> None:
    assert SMALL.case_words(["president", "zorvath"], set()) == ["President", "Zorvath"]
    assert SMALL.case_words(["the", "president", "fired"], set()) == ["the", "president", "fired"]


def test_a_multi_word_name_is_taken_whole() -> None:
    assert SMALL.case_words(["in", "el", "salvador"], set()) == ["in", "El", "Salvador"]


@given(st.text(alphabet=st.characters(codec="utf-8"), max_size=200))
def test_only_letter_case_ever_changes(text: str) -> None:
    for variant in (text, lower(text), upper(text)):
        restored = restore_case(variant)
        assert len(restored) == len(variant)
        assert lower(restored) == lower(variant)
