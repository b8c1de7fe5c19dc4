"""Closed word classes the stages share, kept in one place so they cannot drift apart."""

from __future__ import annotations

# Verbs that report speech or writing: their subject is a speaker ('the statement read'),
# not the doer of what is reported ('Reuters reported the attack killed 12'), and 'said X
# must' is a demand.
REPORTING_VERBS = frozenset(
    {
        "say",
        "read",
        "tell",
        "add",
        "state",
        "write",
        "tweet",
        "declare",
        "insist",
        "announce",
        "conclude",
        "reiterate",
        "report",
        "claim",
        "allege",
        "note",
    }
)

# Verbs of going somewhere: their destination is a place (or a host), and what they go
# 'for' is what their subject does there ('flew to Geneva for talks').
MOTION_VERBS = frozenset(
    {"travel", "go", "fly", "arrive", "come", "visit", "trip", "return", "head", "converge"}
)

# CAMEO's sector for unidentified armed forces: who attacked when the text does not say.
UNIDENTIFIED = "UAF"

# Sectors of people who serve a state: an official the text names without one serves the
# state the story or the event's place is about.
STATE_SECTORS = frozenset({"GOV", "MIL", "JUD", "COP", "LEG", "SPY"})

# Things that kill or destroy on someone's behalf: an attack they carry out has an
# attacker even when the text does not name one ('a car bomb killed five').
WEAPONS = frozenset(
    {
        "bomb", "bombing", "attack", "device", "explosive", "explosion", "blast", "mine",
        "rocket", "missile", "shell", "mortar", "grenade", "gunfire", "shelling", "airstrike",
        "strike", "drone", "ambush", "raid",
    }
)  # fmt: skip

# Nouns for documents: 'the statement issued by A, B and C' speaks for its authors, and
# 'a letter of support' sent by someone is their support.
DOCUMENT_NOUNS = frozenset(
    {"statement", "declaration", "communique", "communiqué", "letter", "message", "note"}
)

# Prepositions whose object is the one an act is aimed at ('appealed to Russia', 'sanctions
# on Iran', 'a war against Iraq', 'a meeting between A and B'): never a place or an owner.
TARGET_PREPS = frozenset({"to", "against", "on", "with", "at", "toward", "towards", "between"})

# Places people live or are cared for: 'a camp for refugees' belongs to the refugees.
DWELLINGS = frozenset(
    {"camp", "home", "house", "shelter", "school", "hospital", "clinic", "settlement", "residence"}
)

# Verbs of asking someone to act: what they ask for has not happened ('urged Israel to
# withdraw'); an order ('ordered the paper to close') is another matter.
ASKING_VERBS = frozenset(
    {"urge", "ask", "call", "appeal", "demand", "request", "press", "encourage", "implore"}
)
