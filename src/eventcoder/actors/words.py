"""The closed word lists and sector sets the actor rules rely on.

These are grammar, not dictionary: pronouns, honorifics, the dependency labels a noun phrase
spans, the nouns that name a pair of countries. Names, titles and role words are data
(``data/actors/``); see :mod:`eventcoder.actors.dictionary`.
"""

from __future__ import annotations

SECTORS = frozenset({
    "GOV", "MIL", "REB", "OPP", "PTY", "COP", "JUD", "LEG", "SPY", "UAF", "UNK", "CVL",
    "BUS", "MED", "JRN", "EDU", "LAB", "REF", "REL", "ELI", "AGR", "CRM", "SOC", "PRM",
    "PRE", "IGO", "NGO",
})  # fmt: skip
# Sectors of armed or coercive bodies: for them "attack" is violence, not criticism.
ARMED_SECTORS = frozenset({"MIL", "REB", "UAF", "COP", "SPY", "CRM", "PRM"})
# Sectors of a country's own institutions and politics: a bare "the government", "the army",
# "police" or "the opposition" in an article about one country is that country's.
DOMESTIC_SECTORS = frozenset({"GOV", "MIL", "COP", "JUD", "LEG", "SPY", "OPP"})
# Prepositions that name an act's target ("imposed sanctions on", "fired at").
TARGET_PREPS = frozenset({"on", "against", "at", "upon"})
# Actor kinds that name a place (a country, its adjective or capital, a town in it).
PLACE_KINDS = frozenset({"country", "adjective", "capital", "place"})
# Dependency labels that stay inside a noun phrase when we look for the words naming an actor.
NP_DEPS = frozenset(
    {
        "compound",
        "amod",
        "poss",
        "nmod",
        "det",
        "appos",
        "nummod",
        "flat",
        "case",
        "quantmod",
        "npadvmod",
    }
)
PRONOUNS_PERSON = frozenset({"he", "she", "him", "her", "his", "hers"})
PRONOUNS_GROUP = frozenset({"it", "its", "they", "them", "their", "we", "us", "our"})
PRONOUNS_SPEAKER = frozenset({"we", "us", "our"})
# Inside a quote these are the speaker ("we work closely with Pakistan," Toner said).
PRONOUNS_FIRST = frozenset({"i", "me", "my", "we", "us", "our"})
# Nouns that, with "two" or "both", name the pair of countries just mentioned ("the two sides").
PAIR_NOUNS = frozenset(
    {"country", "nation", "side", "neighbour", "neighbor", "government", "state", "leader",
     "army", "military", "capital", "rival", "ally", "power"}
)  # fmt: skip
# Hyphenated words that make a name an affiliation, not the phrase's own country or group
# ("pro-Russia rebels", "Iran-backed militias", "a UK-based group").
AFFILIATION_PREFIXES = frozenset({"pro", "anti"})
AFFILIATION_SUFFIXES = frozenset(
    {"backed", "linked", "allied", "supported", "sponsored", "funded", "aligned", "affiliated",
     "inspired", "based", "leaning", "friendly"}
)  # fmt: skip
# "the group", "the movement": the last organisation of these kinds named in the document.
ANAPHORS = {
    "group": ("group",),
    "militia": ("group",),
    "movement": ("group", "party"),
    "organisation": ("group", "igo", "ngo"),
    "organization": ("group", "igo", "ngo"),
    "party": ("party",),
    "alliance": ("igo",),
    "bloc": ("igo",),
}
# Arabic articles written joined to a surname ("al-Assad", "el-Sisi"), dropped in later mentions.
ARTICLES = frozenset({"al", "el", "ad", "as", "ash", "an", "ar", "at", "az"})
HONORIFICS = frozenset({"mr", "mrs", "ms", "miss", "dr", "sir", "dame", "madam", "sheikh"})
QUANTITIES = frozenset(
    {"thousand", "thousands", "hundred", "hundreds", "dozen", "dozens", "million", "millions",
     "score", "scores", "group", "number", "crowd", "band", "team", "delegation", "contingent"}
)  # fmt: skip
