"""The actor dictionary (eventcoder.actors.dictionary): loading the tables and the one pass
that finds their phrases in a Doc."""

from __future__ import annotations

import pytest
from conftest import doc_actors
from spacy.language import Language


def _found(nlp: Language, text: str) -> list[tuple[str, str, str | None]]:
    """(phrase, kind, country) of each dictionary phrase ``text`` holds."""
    doc, actors = doc_actors(nlp, text)
    return [(doc[m.start : m.end].text, m.entry.kind, m.entry.country) for m in actors.mentions]


@pytest.mark.parametrize(
    ("text", "found"),
    [
        # the longest phrase at each token
        ("The Government of Pakistan said so.", [("Government", "agent", None), ("Pakistan", "country", "PAK")]),
        ("The United States Congress voted.", [("United States Congress", "agency", "USA")]),
        # names keep their case: "us" is no country, "turkey" no Turkey
        ("They told us about the turkey.", []),
        ("The US and Turkey met.", [("US", "country", "USA"), ("Turkey", "country", "TUR")]),
        # role words match in any case and by the last word's lemma
        ("Prime Ministers met.", [("Prime Ministers", "agent", None)]),
    ],
)  # fmt: skip
def test_dictionary_match_finds_the_longest_phrase(
    nlp: Language, text: str, found: list[tuple[str, str, str | None]]
) -> None:
    assert _found(nlp, text) == found


def test_dictionary_entries_name_their_source(nlp: Language) -> None:
    _, actors = doc_actors(nlp, "Pakistan rejected the claim.")
    (mention,) = actors.mentions
    assert mention.entry.source.startswith("countries.tsv:")
