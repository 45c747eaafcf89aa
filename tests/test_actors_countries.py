"""The document's country (eventcoder.actors.countries): the main country of an article, and
which country a name several countries' bodies bear means in it."""

from __future__ import annotations

import pytest
from conftest import subjects
from spacy.language import Language

from eventcoder.actors import Entry, Mention, choose_countries, main_country


def _mentions(*countries: str) -> list[Mention]:
    return [Mention(0, 1, Entry("country", c, None, None, None, "test")) for c in countries]


def test_countries_main_country_counts_every_mention() -> None:
    assert main_country(_mentions("KEN", "KEN", "KEN", "USA")) == "KEN"
    assert main_country(_mentions("KEN", "KEN", "USA")) is None
    assert main_country(_mentions("KEN")) is None
    assert main_country([]) is None


@pytest.mark.parametrize(
    ("others", "country", "code"),
    [
        ((), "PAK", "PAKPTY"),  # no other country named: the first listed
        (("BGD", "BGD", "IND"), "BGD", "BGDPTY"),
        (("IND",), "IND", "INDPTY"),
    ],
)
def test_countries_choose_countries_takes_the_most_named(
    others: tuple[str, ...], country: str, code: str
) -> None:
    jamaat = Entry(
        "party", "PAK", "PTY", "PAKPTY", "Jamaat-e-Islami", "test", elsewhere=("BGD", "IND")
    )
    chosen = choose_countries([Mention(0, 1, jamaat), *_mentions(*others)])
    assert (chosen[0].entry.country, chosen[0].entry.code, chosen[0].entry.elsewhere) == (
        country,
        code,
        (),
    )
    assert chosen[1:] == _mentions(*others)


def test_countries_bare_institutions_take_the_main_country(nlp: Language) -> None:
    text = (
        "Kenyan police fired tear gas at protesters in Nairobi on Tuesday. "
        "The government said the army would be deployed. "
        "Police arrested dozens, and the opposition condemned the crackdown."
    )
    found = subjects(nlp, text)
    assert found["government"] == ["KENGOV"]
    assert found["army"] == ["KENMIL"]
    assert found["Police"] == ["KENCOP"]
    assert found["opposition"] == ["KENOPP"]


@pytest.mark.parametrize(
    "text",
    [
        # two countries, neither dominating: "the army" is no one's in particular
        "India accused Pakistan on Monday. Pakistan denied it and India warned Pakistan again. "
        "The army was put on alert.",
        # one mention is not an article about a country
        "Police in Kenya arrested him. The army was put on alert.",
    ],
)
def test_countries_no_main_country_without_a_dominant_one(nlp: Language, text: str) -> None:
    assert subjects(nlp, text)["army"] == ["---MIL"]


@pytest.mark.parametrize(
    ("text", "code"),
    [
        # no other country named: the first listed
        ("Jamaat-e-Islami called a strike on Sunday.", "PAKPTY"),
        ("Jamaat-e-Islami called a strike in Bangladesh after police raided Dhaka homes.", "BGDPTY"),
        ("Jamaat-e-Islami called a strike in Kashmir, and Indian police in New Delhi braced.",
         "INDPTY"),
    ],
)  # fmt: skip
def test_countries_one_name_of_several_countries_takes_the_document_s(
    nlp: Language, text: str, code: str
) -> None:
    found = subjects(nlp, text)
    assert [code] in found.values(), found
