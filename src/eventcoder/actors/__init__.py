"""Actor recognition and coding: who is named in a sentence, and what CAMEO code they get.

The steps, one module each (docs/coding.md, "Actors", numbers the rules):

- :mod:`~eventcoder.actors.tables`: the actor tables' rows (``data/actors/`` and users' own
  files) read, checked and turned into entries (:class:`Entry`);
- :mod:`~eventcoder.actors.dictionary`: the phrases of those tables, what they mean at an
  article's date (:class:`ActorDictionary`), and the one pass that finds them in a Doc (rule 1);
- :mod:`~eventcoder.actors.countries`: the country a document is about, and which country a
  name several countries' bodies bear means in it (rules 1 and 5);
- :mod:`~eventcoder.actors.document`: :class:`DocActors`, one Doc's actors: what every rule
  needs, computed once, and the questions the event coder asks;
- :mod:`~eventcoder.actors.phrase`: one noun phrase -> one actor (rules 2, 5, 6, 8);
- :mod:`~eventcoder.actors.lists`: one phrase, several actors (rule 4);
- :mod:`~eventcoder.actors.people`: people, and the memory of people and titles (rule 3);
- :mod:`~eventcoder.actors.pronouns`: pronouns (rule 7);
- :mod:`~eventcoder.actors.authors`: texts that speak for whoever issued them (rule 9);
- :mod:`~eventcoder.actors.words`: the closed word lists and sector sets the rules use.
"""

from __future__ import annotations

from eventcoder.actors.countries import choose_countries, main_country
from eventcoder.actors.dictionary import ActorDictionary, Dated, Mention, Tokenize, entry_code
from eventcoder.actors.document import DocActors
from eventcoder.actors.pronouns import parse_depth
from eventcoder.actors.tables import Entry
from eventcoder.actors.words import (
    AFFILIATION_PREFIXES,
    AFFILIATION_SUFFIXES,
    ANAPHORS,
    ARMED_SECTORS,
    ARTICLES,
    DOMESTIC_SECTORS,
    HONORIFICS,
    NP_DEPS,
    PAIR_NOUNS,
    PLACE_KINDS,
    PRONOUNS_FIRST,
    PRONOUNS_GROUP,
    PRONOUNS_PERSON,
    PRONOUNS_SPEAKER,
    QUANTITIES,
    SECTORS,
    TARGET_PREPS,
)

__all__ = [
    "AFFILIATION_PREFIXES", "AFFILIATION_SUFFIXES", "ANAPHORS", "ARMED_SECTORS", "ARTICLES",
    "DOMESTIC_SECTORS", "HONORIFICS", "NP_DEPS", "PAIR_NOUNS", "PLACE_KINDS", "PRONOUNS_FIRST",
    "PRONOUNS_GROUP", "PRONOUNS_PERSON", "PRONOUNS_SPEAKER", "QUANTITIES", "SECTORS",
    "TARGET_PREPS", "ActorDictionary", "Dated", "DocActors", "Entry", "Mention", "Tokenize",
    "choose_countries", "entry_code", "main_country", "parse_depth",
]  # fmt: skip
