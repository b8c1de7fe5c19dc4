"""Word classes the stages share, kept in one place so they cannot drift apart; the lexical
ones are cue lists of `data/dictionaries/cues.jsonl` (see `parley.nlp.cues`)."""

from __future__ import annotations

from parley.nlp.cues import cue

# Verbs that report speech or writing: their subject is a speaker ('the statement read'),
# not the doer of what is reported ('Reuters reported the attack killed 12'), and 'said X
# must' is a demand.
REPORTING_VERBS = cue("reporting_verbs")

# Verbs of going somewhere: their destination is a place (or a host), and what they go
# 'for' is what their subject does there ('flew to Geneva for talks').
MOTION_VERBS = cue("motion_verbs")

# CAMEO's sector for unidentified armed forces: who attacked when the text does not say.
UNIDENTIFIED = "UAF"

# Sectors of people who serve a state: an official the text names without one serves the
# state the story or the event's place is about.
STATE_SECTORS = frozenset({"GOV", "MIL", "JUD", "COP", "LEG", "SPY"})

# Things that kill or destroy on someone's behalf: an attack they carry out has an
# attacker even when the text does not name one ('a car bomb killed five').
WEAPONS = cue("weapons")

# Nouns for documents: 'the statement issued by A, B and C' speaks for its authors, and
# 'a letter of support' sent by someone is their support.
DOCUMENT_NOUNS = cue("document_nouns")

# Prepositions whose object is the one an act is aimed at ('appealed to Russia', 'sanctions
# on Iran', 'a war against Iraq', 'a meeting between A and B'): never a place or an owner.
TARGET_PREPS = frozenset({"to", "against", "on", "with", "at", "toward", "towards", "between"})

# Places people live or are cared for: 'a camp for refugees' belongs to the refugees.
DWELLINGS = cue("dwellings")

# Verbs of asking someone to act: what they ask for has not happened ('urged Israel to
# withdraw'); an order ('ordered the paper to close') is another matter.
ASKING_VERBS = cue("asking_verbs")
